"""Open data (issue 19): every report's figures as CSV in a Frictionless Data Package, each
report's slice beside its data bundle and the whole portal's package merged from the slices.
The packages are validated with the `frictionless` library; expected figures are the seed's
(Tabel 3.2, 3.22, 3.23, 3.24 and Tabel 1.1 of the NTT LKIP 2021); counts come from the
loaded model."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import frictionless
import pytest

from lkip_build.model import NA
from lkip_build.present import opendata
from lkip_build.publish import opendata_site, pipeline

from .conftest import ROOT, publish

NTT = "ntt-disperindag-lkip-2021"
LEBAK = "lebak-disperindag-renja-2021"
CORPUS = "itjen-kementerian-lakip-2019"  # indicators, a budget and findings of its own
FOLDER = f"unduh/{opendata.FOLDER}"


def _run(root: Path) -> pipeline.Result:
    """The one pipeline with no writer (charts specified, not drawn; no page checks)."""
    return pipeline.run(root, write_files=False, check_pages=False)


def _slice(downloads: dict[str, bytes], rid: str) -> dict[str, bytes]:
    prefix = f"{rid}/{FOLDER}/"
    return {k[len(prefix) :]: v for k, v in downloads.items() if k.startswith(prefix)}


@pytest.fixture(scope="module")
def repo() -> tuple[pipeline.Result, dict[str, bytes]]:
    result = _run(ROOT)
    return result, result.expansion.downloads()


@pytest.fixture(scope="module")
def ntt(repo) -> dict[str, bytes]:
    return _slice(repo[1], NTT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("corpus")
    for part in ("data", "content"):
        shutil.copytree(ROOT / "tests" / "corpus" / CORPUS / part, root / part)
    return _slice(_run(root).expansion.downloads(), CORPUS)


def written(files: dict[str, bytes], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder / opendata.DESCRIPTOR


def valid(descriptor: Path) -> frictionless.Report:
    report = frictionless.validate(descriptor)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    return report


def rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    text = files[f"{name}.csv"].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ---------------------------------------------------------------- NTT's slice


def test_the_slice_validates_with_frictionless(ntt, tmp_path: Path) -> None:
    assert set(ntt) == {opendata.DESCRIPTOR, *(r.path for r in opendata.RESOURCES.values())}
    report = valid(written(ntt, tmp_path))
    assert report.stats["tasks"] == len(opendata.RESOURCES)
    # foreign keys are checked: a row naming a report the package lacks is refused
    broken = dict(ntt)
    broken["indikator.csv"] = ntt["indikator.csv"].replace(NTT.encode(), b"tidak-ada", 1)
    report = frictionless.validate(written(broken, tmp_path / "broken"))
    assert not report.valid
    assert "foreign-key" in {e.type for e in report.tasks[1].errors}


def test_a_figure_written_the_indonesian_way_is_refused(ntt, tmp_path: Path) -> None:
    """The validation can fail: capaian 88,64 (comma) is not a number of this package."""
    broken = dict(ntt)
    broken["indikator.csv"] = ntt["indikator.csv"].replace(b",88.64,", b',"88,64",', 1)
    assert broken["indikator.csv"] != ntt["indikator.csv"]
    report = frictionless.validate(written(broken, tmp_path))
    assert not report.valid
    assert {e.type for t in report.tasks for e in t.errors} == {"type-error"}


def test_every_indicator_budget_line_staff_value_and_note_is_a_row(repo, ntt) -> None:
    pub = repo[0].publication
    report = pub.by_id[NTT].report
    indicators = list(report.indicators())
    assert [r["id"] for r in rows(ntt, "indikator")] == [i.id for i in indicators]
    assert len(indicators) > 9  # nine of Tabel 3.2 and the two sub-indicators of ik-2

    def lines(items) -> list[str]:
        return [n for p in items for n in [p.nama, *lines(p.rincian)]]

    assert report.anggaran is not None
    names = [n for s in report.anggaran.sumber for n in [s.nama, *lines(s.program)]]
    assert [r["nama"] for r in rows(ntt, "anggaran")] == names
    assert report.pegawai is not None
    cells = [(k.id, b.label, v) for k in report.pegawai.komposisi for b in k.baris for v in b.nilai]
    staff = rows(ntt, "pegawai")
    assert [(r["komposisi"], r["baris"], int(r["nilai"])) for r in staff] == cells
    notes = rows(ntt, "catatan")
    assert len(notes) == len(pub.findings[NTT]) == 40
    by_kind = {k: sum(1 for n in notes if n["sifat"] == k) for k in {n["sifat"] for n in notes}}
    assert by_kind["angka tidak cocok"] == 33
    (laporan,) = rows(ntt, "laporan")
    assert laporan["laporan"] == NTT and laporan["tahun"] == "2021"


def test_seed_figures_are_in_the_csv_exactly(ntt) -> None:
    (laporan,) = rows(ntt, "laporan")
    assert laporan["rata_rata_capaian"] == "81.44"  # Tabel 3.2: RATA-RATA CAPAIAN 81,44 %
    assert laporan["kategori"] == "Berhasil"
    ind = {r["id"]: r for r in rows(ntt, "indikator")}
    # Tabel 3.2 row 1: target 50, realisasi 44,32, capaian 88,64 %
    assert (ind["ik-1"]["target"], ind["ik-1"]["realisasi"], ind["ik-1"]["capaian"]) == (
        "50",
        "44.32",
        "88.64",
    )
    assert ind["ik-7"]["capaian"] == "96.43"  # row 7: 1,08 / 1,12, published 96,43 %
    # row 5: target NA, capaian 100 % by the report's policy, said so
    ik5 = ind["ik-5"]
    assert (ik5["target"], ik5["capaian"], ik5["status"]) == ("", "100.00", "kebijakan laporan")
    assert "Target NA" in ik5["keterangan"]
    assert ind["ik-2a"]["tingkat"] == "sub indikator" and ind["ik-2a"]["induk"] == "ik-2"
    budget = {r["urutan"]: r for r in rows(ntt, "anggaran")}
    # Bab 3.3 and Tabel 3.23: APBD 13.519.650.516, realisasi 13.157.342.972, 97,32 %
    apbd = budget["apbd"]
    assert (apbd["pagu"], apbd["realisasi"], apbd["serapan"]) == (
        "13519650516",
        "13157342972",
        "97.32",
    )
    # Tabel 3.24: total 2.194.960.000, 2.033.972.202, 92,67
    apbn = budget["apbn"]
    assert (apbn["pagu"], apbn["realisasi"], apbn["serapan"]) == (
        "2194960000",
        "2033972202",
        "92.67",
    )
    # Tabel 3.22 row 1: 11.897.548.816, 11.636.085.122, fisik 100, keuangan 97,80
    p1 = budget["apbd.1"]
    assert (p1["tingkat"], p1["pagu"], p1["realisasi"], p1["fisik"], p1["serapan"]) == (
        "program",
        "11897548816",
        "11636085122",
        "100",
        "97.80",
    )
    # Tabel 3.22 row 3: pagu 0 after refocusing: no absorption, said so
    zero = next(r for r in budget.values() if r["tingkat"] == "program" and r["pagu"] == "0")
    assert (zero["serapan"], zero["status"]) == ("", "pagu 0")
    # Tabel 1.1: ASN 40 laki-laki, 31 perempuan
    staff = {
        (r["komposisi"], r["baris"], r["kolom"]): r["nilai"]
        for r in rows(ntt, "pegawai")
        if r["komposisi"] == "jenis-kelamin"
    }
    assert staff[("jenis-kelamin", "Laki-laki", "ASN (orang)")] == "40"
    assert staff[("jenis-kelamin", "Perempuan", "ASN (orang)")] == "31"


def test_notes_say_what_the_verification_page_says(repo, ntt) -> None:
    pub = repo[0].publication
    notes = {n["id"]: n for n in rows(ntt, "catatan")}
    review = pub.reviews[NTT]
    for i, t in enumerate(pub.findings[NTT]):
        n = notes[review.ids[i]]
        assert n["kode"] == t.code and n["kalimat"] == (t.kalimat or t.message)
        if review.entry(i) is not None:
            assert n["asal"] == "diterbitkan sebagaimana tercetak"
            assert n["alasan_diterima"] == review.entry(i).alasan
        else:
            assert n["asal"] == ("baru" if t.severity == "error" else "tidak menahan terbit")
    # Tabel 3.22's realisasi total as printed: not read as a number, so no difference
    (lost,) = [n for n in notes.values() if n["tertulis_teks"] == "13.157.342.97"]
    assert (lost["tertulis"], lost["selisih"]) == ("", "")


# ---------------------------------------------------------------- every column described


def test_every_column_is_described_with_a_type(ntt) -> None:
    package = json.loads(ntt[opendata.DESCRIPTOR])
    types = {"string", "integer", "number", "boolean", "year"}
    for resource in package["resources"]:
        header = ntt[resource["path"]].decode("utf-8").splitlines()[0].split(",")
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header, resource["name"]
        assert header[0] == "laporan"
        for f in fields:
            assert f["type"] in types, (resource["name"], f["name"])
            assert len(f.get("description", "")) > 10, (resource["name"], f["name"])
        units = {f["name"]: f.get("unit") for f in fields}
        if resource["name"] == "anggaran":
            assert units["pagu"] == units["realisasi"] == "rupiah"
            assert units["serapan"] == "persen"
        if resource["name"] == "indikator":
            assert units["capaian"] == "persen"


def test_a_column_without_a_description_is_refused() -> None:
    with pytest.raises(ValueError, match="tanpa keterangan"):
        opendata.write_package({"indikator": [{"laporan": "x", "baru": 1}]}, "uji")


def test_figures_are_never_floats() -> None:
    with pytest.raises(TypeError):
        opendata.cell(0.1)


# ---------------------------------------------------------------- what a report's slice holds


BUDGET = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - id: p1
        nama: Program Satu
        rincian:
          - {nama: Kegiatan A, pagu: "1.234,50", realisasi: "1.000,25"}
          - {nama: Kegiatan B, pagu: 500, realisasi: NA}
      - id: p2
        nama: Program Dua
        pagu: 0
        realisasi: 0
"""
INDICATORS = """\
sasaran_strategis: S
indikator:
  - id: r-na
    nama: Realisasi belum tersedia
    target: 10
    realisasi: belum tersedia
    alasan_na: survei belum selesai
"""


def test_sen_na_and_pagu_zero_are_written_as_the_site_says(tmp_path: Path) -> None:
    built, _ = publish(tmp_path / "repo", {"anggaran.yml": BUDGET, "indikator.yml": INDICATORS})
    files = _slice(built.expansion.downloads(), "uji-2021")
    valid(written(files, tmp_path / "out"))
    budget = {r["nama"]: r for r in rows(files, "anggaran")}
    a = budget["Kegiatan A"]
    assert (a["tingkat"], a["pagu"], a["realisasi"], a["sisa"]) == (
        "kegiatan",
        "1234.50",
        "1000.25",
        "234.25",
    )
    b = budget["Kegiatan B"]
    assert (b["realisasi"], b["serapan"], b["status"]) == ("", "", "realisasi tidak tercetak")
    assert budget["Program Satu"]["realisasi"] == ""  # never a partial sum
    assert (budget["Program Dua"]["serapan"], budget["Program Dua"]["status"]) == ("", "pagu 0")
    (ind,) = rows(files, "indikator")
    assert (ind["realisasi"], ind["capaian"], ind["status"]) == ("", "", "NA")
    assert "survei belum selesai" in ind["keterangan"]
    model = built.publication.by_id["uji-2021"].report
    assert isinstance(next(model.indicators()).realisasi, NA)


# ---------------------------------------------------------------- on the site


def test_the_report_page_links_its_slice(repo) -> None:
    result, downloads = repo
    page = result.expansion.pages[f"{NTT}/index.md"]
    assert "Data terbuka laporan ini (Frictionless Data Package" in page
    for name in (opendata.DESCRIPTOR, *(r.path for r in opendata.RESOURCES.values())):
        assert f"]({FOLDER}/{name})" in page
        assert f"{NTT}/{FOLDER}/{name}" in downloads


def test_the_slice_is_remembered_with_the_bundle(repo) -> None:
    result, downloads = repo
    memo: dict[str, object] = {}
    assert result.expansion.downloads(memo) == downloads
    key = result.expansion.keys[NTT]
    assert memo[f"{key}:{opendata.FOLDER}"] == _slice(downloads, NTT)
    memo[f"{key}:{opendata.FOLDER}"] = {opendata.DESCRIPTOR: b"{}"}  # taken, not made again
    again = result.expansion.downloads(memo)
    assert again[f"{NTT}/{FOLDER}/{opendata.DESCRIPTOR}"] == b"{}"


def test_the_hook_build_publishes_the_slice(repo_site: Path) -> None:
    valid(repo_site / NTT / FOLDER / opendata.DESCRIPTOR)
    index = (repo_site / NTT / "index.html").read_text(encoding="utf-8")
    assert f'href="{FOLDER}/{opendata.DESCRIPTOR}"' in index


# ---------------------------------------------------------------- the whole portal


def test_slices_merge_into_one_valid_package(repo, ntt, corpus, tmp_path: Path) -> None:
    lebak = _slice(repo[1], LEBAK)
    merged = opendata.merge([ntt, corpus, lebak], "Semua laporan")
    valid(written(merged, tmp_path))
    assert [r["laporan"] for r in rows(merged, "laporan")] == [NTT, CORPUS, LEBAK]
    for name in opendata.RESOURCES:
        assert rows(merged, name) == rows(ntt, name) + rows(corpus, name) + rows(lebak, name)
    assert rows(corpus, "indikator") and rows(corpus, "anggaran")
    assert json.loads(merged[opendata.DESCRIPTOR])["title"] == "Semua laporan"
    # the same schema: the descriptor differs only by its title
    ntt_package = json.loads(ntt[opendata.DESCRIPTOR])
    assert ntt_package["resources"] == json.loads(merged[opendata.DESCRIPTOR])["resources"]


def test_merge_site_writes_the_portals_package(repo, ntt, corpus, tmp_path: Path) -> None:
    site = tmp_path / "site"
    slices = {NTT: ntt, CORPUS: corpus, LEBAK: _slice(repo[1], LEBAK)}
    for rid, files in slices.items():
        written(files, opendata_site.slice_folder(site, rid))
    opendata_site.merge_site(site, list(slices))
    valid(site / opendata.FOLDER / opendata.DESCRIPTOR)
    package = json.loads((site / opendata.FOLDER / opendata.DESCRIPTOR).read_text("utf-8"))
    assert package["title"] == opendata_site.TITLE
    merged = {p.name: p.read_bytes() for p in (site / opendata.FOLDER).iterdir()}
    assert len(rows(merged, "indikator")) == len(rows(ntt, "indikator")) + len(
        rows(corpus, "indikator")
    )
    with pytest.raises(FileNotFoundError):
        opendata_site.merge_site(site, [NTT, "tidak-ada"])


def test_a_slice_of_another_schema_is_not_merged(ntt) -> None:
    other = dict(ntt)
    other["indikator.csv"] = b"laporan,id\r\nx,y\r\n"
    with pytest.raises(ValueError, match=r"indikator\.csv"):
        opendata.merge([ntt, other], "x")
