"""An agency's years side by side (present/tahunan, present/trendchart, compute/years).

Golden values: the 2021 column is the seed's (lkip-ntt-disperindag-2021: Tabel 3.2's
capaian of ik-1, 88,64 %, and its mean, 81,44 %; Tabel 3.22's APBD total, 13.519.650.516 and
97,32 %; Tabel 3.24's APBN total, 92,67 %), read back from the seed by
`test_the_golden_figures_are_the_seeds`. The 2022 column holds the values this test fills in
a draft made by `lkip new`, with their arithmetic by hand (as tests/test_yearly.py).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from lkip_build.cli import main
from lkip_build.compute.years import Matched, match
from lkip_build.present import tahunan
from lkip_build.present.tahunan import Entry, agency_key, agency_page, agency_slug, figures
from lkip_build.publish import pagecheck, safety
from lkip_build.publish.site import Publication, prepare
from tests.conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"
NEW = "ntt-disperindag-lkip-2022"
SEED = Path("/work/shared/seeds/lkip-ntt-disperindag-2021.txt")
SEED_LINES = (  # Tabel 3.2 ik-1 and its mean, Tabel 3.22 and 3.24 totals
    "Cakupan Penerapan Sistem Perijinan Usaha dan Investasi berbasis Online",
    "RATA-RATA CAPAIAN\t\t\t\t\t\t81,44 %",
    "TOTAL ANGGARAN TAHUN 2021\t\t13.519.650.516\t13.157.342.972\t97,32",
    "\tTotal\t2.194.960.000,-\t2.033.972.202,-\t92,67",
)
RENAMED = ("Persentase Penurunan Pelanggaran Ijin Usaha Industri", "Pelaku Industri Taat Legalitas")
LINKS = {NTT: f"../{NTT}/index.md", NEW: f"../{NEW}/index.md"}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Publication:
    """NTT 2021 and its 2022 made by `lkip new`, filled as EDITING.md's guide fills it (8
    export commodities for ik-3, 1.630 industries for ik-7), ik-8 renamed, and ik-9 reported
    as ik-10 (one indicator no longer reported, one new); both through the pipeline's pass."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "data" / NTT, root / "data" / NTT)
    assert main(["new", "--from", str(root / "data" / NTT), "--year", "2022"]) == 0
    new = root / "data" / NEW
    edit(
        new / "indikator.yml",
        'nilai: {belum_diisi: "ik-3.a: komoditas ekspor tahun 2022"}',
        "nilai: 8",
    )
    edit(
        new / "indikator.yml",
        'nilai: {belum_diisi: "ik-7.a: pelaku industri tahun 2022"}',
        "nilai: 1.630",
    )
    edit(new / "indikator.yml", f"nama: {RENAMED[0]}", f"nama: {RENAMED[1]}")
    for f in new.glob("*.yml"):
        f.write_text(f.read_text(encoding="utf-8").replace("ik-9", "ik-10"), encoding="utf-8")
    return prepare(root, only={NTT, NEW})


def entries(pub: Publication) -> list[Entry]:
    return [
        Entry(
            rid,
            tahunan.identitas(pub.by_id[rid].report.laporan),
            json.loads(json.dumps(figures(pub.by_id[rid], pub.facts[rid]))),  # as a row is read
            LINKS[rid],
        )
        for rid in (NEW, NTT)  # any order: the page puts the years in order
    ]


def table(markdown: str, heading: str) -> tuple[list[str], dict[str, list[str]]]:
    """The table under `## heading`: its header cells and each row by its first cell."""
    part = markdown.split(f"## {heading}\n\n", 1)[1].split("\n\n", 1)[0]
    lines = [[c.strip() for c in line.strip().strip("|").split("|")] for line in part.splitlines()]
    return lines[0], {cells[0]: cells for cells in lines[2:]}


def column(head: list[str], label: str, year: str) -> int:
    found = [i for i, h in enumerate(head) if re.fullmatch(rf"{label} ?\[{year}\]\([^)]*\)", h)]
    assert len(found) == 1, (label, year, head)
    return found[0]


def test_the_golden_figures_are_the_seeds() -> None:
    if not SEED.is_file():
        pytest.skip("the seed document is not on this machine")
    seed = SEED.read_text(encoding="utf-8")
    for line in SEED_LINES:
        assert line in seed
    start = seed.index("Tabel 3.2\nCapaian Kinerja Tahun 2021")
    block = seed[start : seed.index("RATA-RATA CAPAIAN", start)]
    assert re.search(r"Online\t.*\t88,64 ?%$", block, re.M)


def test_figures_are_json_with_exact_numbers_as_text(two_years: Publication) -> None:
    h = two_years.by_id[NTT]
    f = figures(h, two_years.facts[NTT])
    assert json.loads(json.dumps(f)) == f

    def leaves(v: object) -> None:
        if isinstance(v, dict):
            for x in v.values():
                leaves(x)
        elif isinstance(v, list):
            for x in v:
                leaves(x)
        else:
            assert v is None or type(v) in (str, int), repr(v)

    leaves(f)
    # every indicator and sub-indicator of the model, in the report's order
    assert [r["id"] for r in f["indikator"]] == [i.id for i in h.report.indicators()]
    ik1 = f["indikator"][0]
    assert ik1["capaian"] == {"teks": "88,64 %", "angka": "88.64"}
    assert ik1["target"] == {"teks": "50", "angka": "50"}
    assert f["rata_rata"] is not None and f["rata_rata"]["teks"] == "81,44 %"
    assert f["kategori"] == "Berhasil"  # Tabel 3.1: 75 % <= 81,44 % < 85 %
    apbd = {s["id"]: s for s in f["anggaran"]}["apbd"]
    assert apbd["pagu"] == {"teks": "Rp13.519.650.516", "angka": "13519650516"}
    assert apbd["serapan"] is not None and apbd["serapan"]["teks"] == "97,32 %"
    sub = {r["id"]: r for r in f["indikator"]}["ik-2a"]
    assert sub["induk"] == "ik-2" and sub["capaian"] is None  # no capaian of its own


def test_two_years_side_by_side_each_figure_from_its_report(two_years: Publication) -> None:
    page = agency_page(entries(two_years))
    head, rows = table(page, "Indikator kinerja")
    # every indicator of both years, each once, counted from the models
    ids = [i.id for rid in (NTT, NEW) for i in two_years.by_id[rid].report.indicators()]
    assert len(rows) == len(set(ids)) == 12
    assert {name.split(" ", 1)[0] for name in rows} == set(ids)
    assert list(rows)[-2:] == [
        "ik-9 Kesesuaian data informasi industri dalam mendukung SIINas",
        "ik-10 Kesesuaian data informasi industri dalam mendukung SIINas",
    ]
    ik1 = rows["ik-1 Cakupan Penerapan Sistem Perijinan Usaha dan Investasi berbasis Online"]
    assert ik1[column(head, "Capaian", "2021")] == "88,64 %"  # the seed's Tabel 3.2
    assert ik1[column(head, "Realisasi", "2022")] == "belum diisi"
    ik3 = rows["ik-3 Persentase Peningkatan Jumlah Komoditas Ekspor"]
    # (8 - 7) / 7 = 14,29 % against the Renstra's 28,57: 50,02 %
    assert [ik3[column(head, k, "2022")] for k in ("Target", "Realisasi", "Capaian")] == [
        "28,57",
        "14,29",
        "50,02 %",
    ]
    ik10 = rows["ik-10 Kesesuaian data informasi industri dalam mendukung SIINas"]
    assert [ik10[column(head, k, "2021")] for k in ("Target", "Realisasi", "Capaian")] == ["—"] * 3
    ik9 = rows["ik-9 Kesesuaian data informasi industri dalam mendukung SIINas"]
    assert ik9[column(head, "Realisasi", "2021")] == "32,31"
    assert ik9[column(head, "Realisasi", "2022")] == "—"
    # the renamed indicator is one row under its new name, and said so
    assert f"ik-8 {RENAMED[1]}" in rows and f"ik-8 {RENAMED[0]}" not in rows
    assert f"- ik-8: namanya berubah: {RENAMED[0]} (2021) → {RENAMED[1]} (2022)" in page
    assert (
        "- ik-9 Kesesuaian data informasi industri dalam mendukung SIINas: tidak ada di laporan 2022"
        in page
    )
    assert (
        "- ik-10 Kesesuaian data informasi industri dalam mendukung SIINas: indikator baru di "
        "2022; tidak ada di laporan 2021"
    ) in page
    # each year's columns link to that year's report
    for year, rid in (("2021", NTT), ("2022", NEW)):
        for label in ("Target", "Realisasi", "Capaian"):
            assert head[column(head, label, year)].endswith(f"({LINKS[rid]})")
        assert f"]({LINKS[rid]}) (`{rid}`)" in page  # the list of sources
    assert "Laporan 2022 masih draf" in page


def test_mean_and_absorption_per_year(two_years: Publication) -> None:
    page = agency_page(entries(two_years))
    head, rows = table(page, "Rata-rata capaian dan serapan anggaran")
    assert head[1:] == [f"[2021]({LINKS[NTT]})", f"[2022]({LINKS[NEW]})"]
    # 2022: the two capaian filled, (50,0175 + 100) / 2 = 75,01 %
    assert rows["Rata-rata capaian"][1:] == ["81,44 %", "75,01 %"]
    assert rows["Kategori"][1:] == ["Berhasil", "Berhasil"]
    assert rows["Pagu APBD"][1:] == ["Rp13.519.650.516", "belum diisi"]
    assert rows["Serapan anggaran APBD"][1:] == ["97,32 %", "belum diisi"]
    assert rows["Serapan anggaran APBN (Dana Dekonsentrasi)"][1] == "92,67 %"
    assert rows["Cakupan rata-rata"][1] == "semua indikator"
    assert rows["Cakupan rata-rata"][2].startswith("rata-rata 2 dari 9 indikator")


def test_the_chart_is_accessible_svg_with_its_figures(two_years: Publication) -> None:
    page = agency_page(entries(two_years))
    found = re.search(r"<svg .*?</svg>", page, re.S)
    assert found and "\n\n" not in found.group(0)  # one raw-HTML block
    svg = ET.fromstring(found.group(0))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img" and svg.get("aria-label")
    assert svg.find(f"{ns}title") is not None
    texts = [t.text for t in svg.iter(f"{ns}text")]
    for label in ("81,44 %", "97,32 %", "92,67 %", "75,01 %", "belum diisi", "2021", "2022"):
        assert label in texts, label
    assert {"0 %", "50 %", "100 %"} <= set(texts)
    desc = svg.find(f"{ns}desc")
    assert desc is not None and desc.text
    assert "2021: Rata-rata capaian 81,44 %, Serapan anggaran APBD 97,32 %" in desc.text
    # bars of the same scale: 97,32 % is longer than 81,44 %, none for what is not filled
    bars = [r for r in svg.iter(f"{ns}rect") if r.get("height") == "16"]
    widths = [float(r.get("width") or 0) for r in bars]
    assert len(bars) == 4  # 2021: three figures; 2022: the mean only
    assert widths[1] > widths[2] > widths[0] > widths[3] > 0


def test_the_page_renders_as_the_site_renders_it_and_passes_the_html_checks(
    two_years: Publication,
) -> None:
    page = agency_page(entries(two_years))
    body = pagecheck.render(page, pagecheck.extensions(ROOT))
    assert body.count("<table>") == 2 and body.count("<svg ") == 1
    assert "<figure" in body and "<p><figure" not in body
    assert safety.check_body(body, "instansi/uji.md", {}) == []


def test_one_agency_one_key_and_slug_whatever_its_year_and_name_of_document(
    two_years: Publication,
) -> None:
    a = two_years.by_id[NTT].report.laporan
    b = two_years.by_id[NEW].report.laporan
    assert agency_key(a) == agency_key(b) == agency_key(tahunan.identitas(a))
    assert agency_slug(a) == agency_slug(tahunan.identitas(b))
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", agency_slug(a))
    spaced = replace(b, instansi=f"  {a.instansi.upper()} ", jenis_dokumen="LKjIP")
    assert agency_slug(spaced) == agency_slug(a)
    for other in (
        replace(a, pemerintah="Pemerintah Kota Kupang"),
        replace(a, jenis_dokumen="Renja"),
    ):
        assert agency_key(other) != agency_key(a) and agency_slug(other) != agency_slug(a)
    with pytest.raises(ValueError):
        agency_page(
            [
                *entries(two_years),
                Entry(
                    "lain",
                    tahunan.identitas(replace(a, jenis_dokumen="Renja")),
                    {
                        "indikator": [],
                        "rata_rata": None,
                        "kategori": "",
                        "cakupan": "",
                        "anggaran": [],
                    },
                    "../lain/index.md",
                ),
            ]
        )


def _year(tahun: int, indikator: list[tuple[str, str]]) -> Entry:
    lap: tahunan.Identitas = {
        "instansi": "Dinas Uji",
        "pemerintah": "Pemerintah Kabupaten Uji",
        "wilayah": "Uji",
        "tingkat": "kabupaten",
        "tahun": tahun,
        "jenis_dokumen": "LKIP",
        "status": "final",
    }
    rows: list[tahunan.IndikatorAngka] = [
        {
            "id": iid,
            "nama": nama,
            "satuan": "%",
            "induk": None,
            "target": {"teks": "10", "angka": "10"},
            "realisasi": {"teks": "5", "angka": "5"},
            "capaian": {"teks": "50,00 %", "angka": "50"},
        }
        for iid, nama in indikator
    ]
    f: tahunan.Figures = {
        "indikator": rows,
        "rata_rata": {"teks": "50,00 %", "angka": "50"},
        "kategori": "",
        "cakupan": "",
        "anggaran": [],
    }
    return Entry(f"uji-{tahun}", lap, f, f"../uji-{tahun}/index.md")


def test_three_years_gaps_renames_and_new_indicators_are_each_said() -> None:
    page = agency_page(
        [
            _year(2021, [("a", "Alpha"), ("b", "Beta")]),
            _year(2022, [("b", "Beta  baru"), ("c", "Gamma")]),
            _year(2023, [("a", "ALPHA"), ("b", "Beta lagi"), ("c", "Gamma")]),
        ]
    )
    _, rows = table(page, "Indikator kinerja")
    assert list(rows) == ["a ALPHA", "b Beta lagi", "c Gamma"]
    assert rows["a ALPHA"][2:] == ["10", "5", "50,00 %", "—", "—", "—", "10", "5", "50,00 %"]
    assert "- a ALPHA: tidak ada di laporan 2022" in page
    assert "namanya berubah: Alpha" not in page  # case is not a new name
    assert "- b: namanya berubah: Beta (2021) → Beta baru (2022)" in page
    assert "- b: namanya berubah: Beta baru (2022) → Beta lagi (2023)" in page
    assert "- c Gamma: indikator baru di 2022; tidak ada di laporan 2021" in page
    assert (
        "tidak ada data"
        in table(page, "Rata-rata capaian dan serapan anggaran")[1]["Serapan anggaran"][1]
    )
    assert page.splitlines()[0] == "# Dinas Uji: kinerja 2021–2023"


def test_match_keeps_each_id_once_in_the_order_first_seen() -> None:
    found = match([{"x": "X", "y": "Y"}, {"z": "Z", "x": "x"}, {"y": "Why"}])
    assert found == [
        Matched("x", ("X", "x", None)),
        Matched("y", ("Y", None, "Why")),
        Matched("z", (None, "Z", None)),
    ]
    assert found[0].renamed() == [] and found[1].renamed() == [(0, 2)]
    assert found[2].new and found[2].absent == [0, 2] and found[1].nama == "Why"
