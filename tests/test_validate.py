"""The validation pass (`validate`): ids, references with suggestions, table kinds and what
their `sumber` names, scale gaps and overlaps, NA reasons, and the keys of a list's
`tertulis`. Each problem is checked with its code, file, line and the words an editor acts on.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build.codes import CODES
from lkip_build.compute import kategori_skala
from lkip_build.present.tables import KINDS
from lkip_build.problems import LkipError, Problem
from lkip_build.publish.site import prepare
from lkip_build.read.report import load_reports
from lkip_build.read.validate import check_references, check_rules

from .conftest import LAPORAN

RID = "uji-2021"


def check(make_report, files: dict[str, str], laporan: str | None = None) -> list[Problem]:
    """Load (which must succeed) and run both validation steps; every problem found."""
    data = make_report(files)
    if laporan is not None:
        (data / RID / "laporan.yml").write_text(laporan, encoding="utf-8")
    reports, problems = load_reports(data, data.parent)
    assert not problems.problems, [str(p) for p in problems.problems]
    for r in reports:
        check_references(r, problems)
        check_rules(r, problems)
    for p in problems.problems:
        assert p.code in CODES
    return problems.problems


def where(found: list[Problem]) -> list[tuple[str, str, int]]:
    return [(p.code, p.file.rsplit("/", 1)[-1], p.line) for p in found]


def ind(iid: str, extra: str = "", target: str = "10") -> str:
    return (
        f"  - id: {iid}\n    nama: Indikator {iid}\n    target: {target}\n"
        f"    realisasi: {{jenis: langsung, a: 5}}\n{extra}"
    )


def indikator(*items: str) -> str:
    return "sasaran_strategis: S\nindikator:\n" + "".join(items)


# ---------------------------------------------------------------- ids


@pytest.mark.parametrize(
    "bad",
    ["ik 1", "IK-1", "ik_1", "ik\u20101", "ik-\u200b1", "-ik", "ік-1"],  # ік: Cyrillic
)
def test_an_id_outside_a_z_0_9_and_dash_is_refused(make_report, bad: str) -> None:
    found = check(make_report, {"indikator.yml": indikator(ind(f'"{bad}"'))})
    assert where(found) == [("bad-id", "indikator.yml", 3)]
    assert repr(bad) in found[0].message


def test_a_duplicate_id_names_the_first_ones_line(make_report) -> None:
    sub = (
        "    sub:\n      - id: ik-1\n        nama: Sub\n        target: 1\n        dinilai: tidak\n"
    )
    sub += "        realisasi: {jenis: langsung, a: 1}\n"
    found = check(make_report, {"indikator.yml": indikator(ind("ik-1", sub), ind("ik-1"))})
    assert where(found) == [
        ("duplicate-id", "indikator.yml", 8),
        ("duplicate-id", "indikator.yml", 13),
    ]
    assert all("(baris 3)" in p.message for p in found)


def test_ids_are_unique_within_their_kind_only(make_report) -> None:
    files = {
        "indikator.yml": indikator(ind("sama")),
        "daftar.yml": "daftar:\n  - id: sama\n    kolom: [{kunci: n, judul: N}]\n    baris: []\n",
        "tabel.yml": "tabel:\n  - {id: sama, judul: T, jenis: capaian}\n",
    }
    assert check(make_report, files) == []


def test_budget_line_ids_are_unique_across_sources(make_report) -> None:
    budget = (
        "tahun: 2021\nsumber:\n"
        "  - id: apbd\n    nama: APBD\n    program:\n"
        "      - {id: p1, nama: A, pagu: 1, realisasi: 1}\n"
        "  - id: apbn\n    nama: APBN\n    program:\n"
        "      - {id: p1, nama: B, pagu: 1, realisasi: 1}\n"
    )
    assert where(check(make_report, {"anggaran.yml": budget})) == [
        ("duplicate-id", "anggaran.yml", 10)
    ]


def test_a_table_number_printed_twice_is_a_warning_naming_both(make_report) -> None:
    tabel = (
        "tabel:\n"
        '  - {id: a, nomor: "3.2", judul: A, jenis: skala-capaian}\n'
        '  - {id: b, nomor: "3.2", judul: B, jenis: skala-capaian}\n'
    )
    (p,) = check(make_report, {"tabel.yml": tabel})
    assert (p.code, p.severity, p.line) == ("table-number-repeated", "warning", 3)
    assert "'a'" in p.message and "#tabel-b" in p.message


# ---------------------------------------------------------------- references


DAFTAR = (
    "daftar:\n  - id: pelaku-usaha\n    kolom:\n      - {kunci: nama, judul: Nama}\n"
    "      - {kunci: jumlah, judul: Jumlah, jenis: angka}\n    baris:\n"
    "      - {nama: A, jumlah: 3}\n"
)


def test_an_input_counting_an_unknown_list(make_report) -> None:
    item = (
        "  - id: ik-1\n    nama: I\n    target: 10\n    realisasi:\n      jenis: rasio\n"
        "      a: {daftar: pelaku-usha}\n      b: 4\n"
    )
    found = check(make_report, {"indikator.yml": indikator(item), "daftar.yml": DAFTAR})
    assert where(found) == [("unknown-ref", "indikator.yml", 8)]
    assert "'pelaku-usha'" in found[0].message


def test_an_unknown_price_group(make_report) -> None:
    item = (
        "  - id: ik-1\n    nama: I\n    target: 10\n"
        "    realisasi: {jenis: rerata_harga, kelompok: pokok}\n"
    )
    found = check(make_report, {"indikator.yml": indikator(item)})
    assert where(found) == [("unknown-ref", "indikator.yml", 6)]
    assert "'pokok'" in found[0].message


@pytest.mark.parametrize(
    ("sumber", "words"),
    [
        ("pelaku-usha", "maksud Anda 'pelaku-usaha'?"),  # a typo: the close id is suggested
        ("zzz", "yang ada: pelaku-usaha"),  # nothing close: every id of the pool is listed
    ],
)
def test_a_table_source_suggests_the_id_meant(make_report, sumber: str, words: str) -> None:
    tabel = f"tabel:\n  - {{id: t, judul: T, jenis: daftar, sumber: [{sumber}]}}\n"
    found = check(make_report, {"daftar.yml": DAFTAR, "tabel.yml": tabel})
    assert where(found) == [("unknown-ref", "tabel.yml", 2)]
    assert words in found[0].message and "(daftar)" in found[0].message


# what each kind's sumber names, as EDITING.md's table of tabel.yml kinds says
SOURCE_OF_KIND = {
    "komposisi": "komposisi",
    "iku": "urusan",
    "pagu-sumber": "sumber dana",
    "skala-indikator": "indikator",
    "capaian-indikator": "indikator",
    "pertumbuhan": "indikator",
    "daftar": "daftar",
    "harga": "kelompok harga",
    "anggaran-program": "sumber dana",
    "anggaran-rinci": "sumber dana",
    "anggaran-versi": "sumber dana",
    "turunan": "turunan",
}


def test_every_kind_declares_what_its_sumber_names() -> None:
    assert {k: v.sumber for k, v in KINDS.items() if v.sumber} == SOURCE_OF_KIND
    assert {k for k, v in KINDS.items() if not v.sumber} == {
        "renstra-tujuan",
        "strategi",
        "perjanjian",
        "program-kegiatan",
        "skala-capaian",
        "capaian",
    }


@pytest.mark.parametrize("kind", sorted(SOURCE_OF_KIND))
def test_a_table_source_of_each_kind_is_checked_against_its_pool(make_report, kind: str) -> None:
    tabel = f"tabel:\n  - {{id: t, judul: T, jenis: {kind}, sumber: [tidak-ada]}}\n"
    found = check(make_report, {"tabel.yml": tabel})
    assert where(found) == [("unknown-ref", "tabel.yml", 2)]
    assert f"'tidak-ada' ({SOURCE_OF_KIND[kind]})" in found[0].message


@pytest.mark.parametrize("kind", sorted(k for k, v in KINDS.items() if not v.sumber))
def test_kinds_without_a_source_ignore_it(make_report, kind: str) -> None:
    tabel = f"tabel:\n  - {{id: t, judul: T, jenis: {kind}, sumber: [apa-saja]}}\n"
    assert check(make_report, {"tabel.yml": tabel}) == []


def test_an_unknown_table_kind_is_suggested(make_report) -> None:
    tabel = "tabel:\n  - {id: t, judul: T, jenis: capaian-indikatr, sumber: [x]}\n"
    found = check(make_report, {"tabel.yml": tabel})
    assert where(found) == [("unknown-table-kind", "tabel.yml", 2)]
    assert "maksud Anda 'capaian-indikator'?" in found[0].message
    assert "unknown-ref" not in {p.code for p in found}  # its sumber is not checked too


def test_plan_references_to_measured_indicators(make_report) -> None:
    renstra = (
        "periode: 2018-2023\ntahun_target: [2021]\n"
        "urusan:\n  - id: u\n    nama: U\n    tahun_kondisi_awal: 2018\n    indikator:\n"
        "      - {nama: R, indikator_kinerja: ik-11}\n"
    )
    found = check(make_report, {"indikator.yml": indikator(ind("ik-1")), "renstra.yml": renstra})
    assert where(found) == [("unknown-ref", "renstra.yml", 8)]
    assert "maksud Anda 'ik-1'?" in found[0].message


def test_agreement_references(make_report) -> None:
    pk = (
        "judul: PK\ntanggal: Januari 2021\n"
        "pihak_pertama: {nama: A, jabatan: Kepala}\npihak_kedua: {nama: B, jabatan: Gubernur}\n"
        "sasaran:\n  - sasaran: S\n    indikator:\n      - {nama: I, indikator_kinerja: ik-2}\n"
        "program:\n  - sasaran: S\n    program:\n      - {nama: P, program_anggaran: p-9}\n"
    )
    budget = (
        "tahun: 2021\nsumber:\n  - id: apbd\n    nama: APBD\n    program:\n"
        "      - {id: p-1, nama: A, pagu: 1, realisasi: 1}\n"
    )
    files = {"indikator.yml": indikator(ind("ik-1")), "perjanjian.yml": pk, "anggaran.yml": budget}
    found = check(make_report, files)
    assert where(found) == [
        ("unknown-ref", "perjanjian.yml", 8),
        ("unknown-ref", "perjanjian.yml", 12),
    ]
    assert "'ik-2'" in found[0].message and "'p-9'" in found[1].message


def test_references_into_an_unreadable_file_are_not_reported_again(make_report) -> None:
    """One root cause, one problem: the broken file's, not one per reference into it."""
    tabel = "tabel:\n  - {id: t, judul: T, jenis: daftar, sumber: [pelaku-usaha]}\n"
    data = make_report({"daftar.yml": "daftar: [\n", "tabel.yml": tabel})
    with pytest.raises(LkipError) as exc:
        prepare(data.parent)
    assert [p.code for p in exc.value.problems] == ["yaml-syntax"]


def test_references_into_an_unreadable_turunan_file_are_not_reported_again(make_report) -> None:
    tabel = "tabel:\n  - {id: t, judul: T, jenis: turunan, sumber: [ie-1, te-1]}\n"
    data = make_report({"turunan.yml": "turunan: [\n", "tabel.yml": tabel})
    with pytest.raises(LkipError) as exc:
        prepare(data.parent)
    assert [p.code for p in exc.value.problems] == ["yaml-syntax"]


def test_a_reference_to_an_object_that_failed_to_load_is_not_reported_again(make_report) -> None:
    daftar = "daftar:\n  - id: pelaku-usaha\n    kolom: [{kunci: n, judul: N}]\n"  # no baris
    tabel = "tabel:\n  - {id: t, judul: T, jenis: daftar, sumber: [pelaku-usaha]}\n"
    data = make_report({"daftar.yml": daftar, "tabel.yml": tabel})
    with pytest.raises(LkipError) as exc:
        prepare(data.parent)
    assert [(p.code, p.line) for p in exc.value.problems] == [("missing-field", 2)]


# ---------------------------------------------------------------- scales


BANDS_HEADER = LAPORAN.format(id=RID).split("skala_capaian:")[0]
HALAMAN = "halaman:\n  - file: index.md\n    judul: Sampul\n"


def laporan_with(scale: str) -> str:
    return BANDS_HEADER + scale + HALAMAN


def test_a_printed_scale_with_gaps_is_a_warning_per_gap(make_report) -> None:
    scale = (
        "skala_capaian:\n"
        "  - {kategori: Sangat Baik, batas_bawah: 91, batas_atas: 100, atas_inklusif: ya}\n"
        "  - {kategori: Baik, batas_bawah: 76, batas_atas: 90, atas_inklusif: ya}\n"
        "  - {kategori: Kurang, batas_atas: 75, atas_inklusif: ya}\n"
    )
    found = check(make_report, {}, laporan_with(scale))
    assert [(p.code, p.severity) for p in found] == [("scale-band-gap", "warning")] * 2
    assert "Baik dan Sangat Baik (90 – 91 %)" in found[0].message
    assert "Kurang dan Baik (75 – 76 %)" in found[1].message


@pytest.mark.parametrize(
    ("scale", "code"),
    [
        # 80 <= X < 90 and X >= 85 overlap on 85..90
        (
            "  - {kategori: A, batas_bawah: 85}\n"
            "  - {kategori: B, batas_bawah: 80, batas_atas: 90}\n"
            "  - {kategori: C, batas_atas: 80}\n",
            "scale-overlap",
        ),
        # both bands include 85
        (
            "  - {kategori: A, batas_bawah: 85}\n"
            "  - {kategori: B, batas_atas: 85, atas_inklusif: ya}\n",
            "scale-overlap",
        ),
        # neither band includes 85: a gap of one point
        (
            "  - {kategori: A, batas_bawah: 85, bawah_inklusif: tidak}\n"
            "  - {kategori: B, batas_atas: 85}\n",
            "scale-band-gap",
        ),
        # exactly one side includes 85: neither
        ("  - {kategori: A, batas_bawah: 85}\n  - {kategori: B, batas_atas: 85}\n", None),
        # two bands without a lower bound
        ("  - {kategori: A}\n  - {kategori: B}\n", "scale-overlap"),
    ],
)
def test_overlaps_and_gaps_at_a_shared_bound(make_report, scale: str, code: str | None) -> None:
    found = check(make_report, {}, laporan_with("skala_capaian:\n" + scale))
    assert [p.code for p in found] == ([code] if code else [])
    assert all(p.file.endswith("laporan.yml") and p.line > 0 for p in found)


def test_lower_bounds_only_never_leave_a_gap(make_report) -> None:
    # the NTT form, written in any order: X >= 85; 75 <= X < 85; 55 <= X < 75; X < 55
    scale = (
        "skala_capaian:\n  - {batas_bawah: 55, kategori: Cukup Berhasil}\n"
        "  - {kategori: Belum Berhasil}\n  - {batas_bawah: 85, kategori: Sangat Berhasil}\n"
        "  - {batas_bawah: 75, kategori: Berhasil}\n"
    )
    assert check(make_report, {}, laporan_with(scale)) == []


def test_two_bands_on_the_same_lower_bound_are_an_overlap(make_report) -> None:
    scale = (
        "skala_capaian:\n  - {batas_bawah: 85, kategori: Sangat Berhasil}\n"
        "  - {batas_bawah: 85, kategori: Berhasil}\n  - {kategori: Belum Berhasil}\n"
    )
    found = check(make_report, {}, laporan_with(scale))
    assert "scale-overlap" in [p.code for p in found]


def test_the_same_lower_bound_twice_hides_a_category() -> None:
    """Why the pass refuses it (above), shown on the classification itself: one of the two
    can never be given, and which one does not depend on the order they are written in."""
    from lkip_build import model as m

    bands = [
        m.Kategori(batas_bawah=Decimal(85), kategori="Sangat Berhasil"),
        m.Kategori(batas_bawah=Decimal(85), kategori="Berhasil"),
        m.Kategori(kategori="Belum Berhasil"),
    ]
    seen = [{kategori_skala(Decimal(v), b) for v in range(0, 201)} for b in (bands, bands[::-1])]
    assert seen[0] == seen[1]
    assert len(seen[0] & {"Sangat Berhasil", "Berhasil"}) == 1  # the other is unreachable


def test_an_unknown_preset_is_suggested(make_report) -> None:
    found = check(make_report, {}, laporan_with("skala_capaian: permenpan4\n"))
    assert [p.code for p in found] == ["scale-unknown"]
    assert "maksud Anda 'permenpan-4'?" in found[0].message


@pytest.mark.parametrize("preset", ["permenpan-4", "permendagri-86", "enam-pita"])
def test_presets_without_gaps(make_report, preset: str) -> None:
    assert check(make_report, {}, laporan_with(f"skala_capaian: {preset}\n")) == []


def test_the_gapped_preset_warns_of_its_printed_gaps(make_report) -> None:
    found = check(make_report, {}, laporan_with("skala_capaian: lima-pita\n"))
    # 91-100, 76-90, 66-75, 51-65, <=50 (Sampang): four gaps of one point
    assert [p.code for p in found] == ["scale-band-gap"] * 4


@pytest.mark.parametrize(
    ("value", "ok"), [("0", True), ("200", True), ("-1", False), ("250", False)]
)
def test_a_policy_is_a_percentage_between_0_and_200(make_report, value: str, ok: bool) -> None:
    laporan = LAPORAN.format(id=RID) + f"kebijakan:\n  capaian_target_na: {value}\n"
    found = check(make_report, {}, laporan)
    assert [p.code for p in found] == ([] if ok else ["bad-policy"])


def test_a_score_range_must_be_low_then_high(make_report) -> None:
    item = (
        "  - id: s\n    nama: S\n    target: 60\n    realisasi:\n      jenis: skor\n"
        "      a: 10\n      rentang_a: [20, 0]\n      rentang: [50, 75, 100]\n"
    )
    found = check(make_report, {"indikator.yml": indikator(item)})
    assert [(p.code, p.line) for p in found] == [("bad-rule", 7), ("bad-rule", 7)]


# ---------------------------------------------------------------- NA reasons


POLICY_REASONS = (
    "kebijakan:\n  alasan_target_na: target belum ditetapkan\n"
    "  alasan_realisasi_na: data belum tersedia\n"
)


@pytest.mark.parametrize(
    ("item", "policy", "warned"),
    [
        (ind("x", target="NA"), False, True),
        (ind("x", target="{na: belum ditetapkan}"), False, False),
        (ind("x", "    alasan_na: belum ditetapkan\n", target="n/a"), False, False),
        (ind("x", target="NA"), True, False),
        ("  - id: x\n    nama: X\n    target: 1\n    realisasi: NA\n", False, True),
        ("  - id: x\n    nama: X\n    target: 1\n    realisasi: NA\n", True, False),
        ("  - id: x\n    nama: X\n    target: 1\n    realisasi: {na: survei}\n", False, False),
        (
            "  - id: x\n    nama: X\n    target: 1\n    realisasi: {jenis: rasio, a: NA, b: 2}\n",
            False,
            True,
        ),
        (
            "  - id: x\n    nama: X\n    target: 1\n    realisasi: {jenis: rasio, a: NA, b: 2}\n",
            True,
            False,
        ),
        # not assessed: its NA decides no capaian
        (
            "  - id: x\n    nama: X\n    target: NA\n    dinilai: tidak\n    realisasi: NA\n",
            False,
            False,
        ),
    ],
)
def test_an_na_that_decides_a_capaian_needs_a_reason(
    make_report, item: str, policy: bool, warned: bool
) -> None:
    laporan = LAPORAN.format(id=RID) + (POLICY_REASONS if policy else "")
    found = check(make_report, {"indikator.yml": indikator(item)}, laporan)
    assert where(found) == ([("na-without-reason", "indikator.yml", 3)] if warned else [])
    assert all(p.severity == "warning" for p in found)


def test_a_realisasi_reason_does_not_explain_an_na_target(make_report) -> None:
    laporan = LAPORAN.format(id=RID) + "kebijakan:\n  alasan_realisasi_na: data belum tersedia\n"
    found = check(make_report, {"indikator.yml": indikator(ind("x", target="NA"))}, laporan)
    assert [p.code for p in found] == ["na-without-reason"]
    assert "target NA" in found[0].message


def test_an_na_reason_is_asked_of_sub_indicators_too(make_report) -> None:
    sub = "    sub:\n      - id: x-a\n        nama: Sub\n        target: NA\n"
    sub += "        realisasi: {jenis: langsung, a: 1}\n"
    found = check(make_report, {"indikator.yml": indikator(ind("x", sub))})
    assert where(found) == [("na-without-reason", "indikator.yml", 8)]
    assert "x-a" in found[0].message


# ---------------------------------------------------------------- a list's tertulis keys


def daftar_with(tertulis: str, kolom_jumlah: bool = True) -> str:
    extra = (
        "    kolom_jumlah: [{kunci: total, judul: Total, dari: [l, p]}]\n" if kolom_jumlah else ""
    )
    return (
        "daftar:\n  - id: d\n    kolom:\n      - {kunci: nama, judul: Nama}\n"
        "      - {kunci: l, judul: L, jenis: angka}\n      - {kunci: p, judul: P, jenis: angka}\n"
        + extra
        + "    baris:\n      - {nama: A, l: 1, p: 2}\n      - {nama: B, l: 3, p: 4}\n"
        + f"    tertulis: {{{tertulis}: '1'}}\n"
    )


@pytest.mark.parametrize(
    ("key", "kolom_jumlah", "ok"),
    [
        ("nomor_terakhir", True, True),
        ("jumlah", True, True),
        ("jumlah.l", True, True),
        ("jumlah.total", True, True),  # a computed column is numeric
        ("total.1", True, True),
        ("total.2", True, True),
        ("total.3", True, False),  # only 2 rows
        ("total.0", True, False),
        ("total.1", False, False),  # no kolom_jumlah: no row totals
        ("jumlah.nama", True, False),  # a text column has no sum
        ("jumlah.x", True, False),
        ("banyak", True, False),
        ("nomor_terakhir.1", True, False),
    ],
)
def test_list_tertulis_keys(make_report, key: str, kolom_jumlah: bool, ok: bool) -> None:
    found = check(make_report, {"daftar.yml": daftar_with(key, kolom_jumlah)})
    if ok:
        assert found == []
        return
    assert [(p.code, p.field) for p in found] == [("bad-tertulis-key", f"daftar[d].tertulis.{key}")]
    assert "nomor_terakhir, jumlah, jumlah.<kolom angka>" in found[0].message
    if key == "total.1":
        assert "tidak punya kolom_jumlah" in found[0].message


def test_every_problem_of_a_report_at_once(make_report, tmp_path: Path) -> None:
    files = {
        "indikator.yml": indikator(ind("IK 1"), ind("ik-2", target="NA")),
        "tabel.yml": "tabel:\n  - {id: t, judul: T, jenis: harga, sumber: [x]}\n"
        "  - {id: t, judul: U, jenis: capaian}\n",
        "daftar.yml": daftar_with("jumlah.nama"),
    }
    data = make_report(files)
    with pytest.raises(LkipError) as exc:
        prepare(data.parent)
    assert sorted(where(exc.value.problems)) == [
        ("bad-id", "indikator.yml", 3),
        ("bad-tertulis-key", "daftar.yml", 2),
        ("duplicate-id", "tabel.yml", 3),
        ("na-without-reason", "indikator.yml", 7),
        ("unknown-ref", "tabel.yml", 2),
    ]
