"""Bad input: every problem found at once, with file, line, field path and a stable code."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build.model import NA_VALUE, Anggaran, Indikator, Laporan, Pegawai, PosAnggaran
from lkip_build.problems import Collector
from lkip_build.read.loader import load_file
from lkip_build.read.report import load_reports

from .conftest import LAPORAN, codes


def load(tmp_path: Path, text: str | bytes, cls: type = Anggaran):
    path = tmp_path / "anggaran.yml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    problems = Collector()
    value = load_file(path, "data/x/anggaran.yml", cls, problems)
    return value, problems


BUDGET = """\
tahun: 2021
sumber:
  - id: apbd
    nama: APBD
    program:
      - nama: Program A
        pagu: {pagu}
        realisasi: 1.000
"""


def test_indonesian_thousands_are_not_decimals(tmp_path: Path) -> None:
    value, problems = load(tmp_path, BUDGET.format(pagu="1.500"))
    assert not problems.problems
    assert value.sumber[0].program[0].pagu == 1500
    assert value.sumber[0].program[0].realisasi == 1000


@pytest.mark.parametrize(
    ("pagu", "code"),
    [
        ("1.5", "bad-number"),
        ("1,5", "bad-number"),
        ("satu juta", "bad-number"),
        ("[1, 2]", "wrong-type"),
        ("{a: 1}", "wrong-type"),
        ("1e6", "bad-number"),
        (".nan", "bad-number"),
        ("1_000", "bad-number"),
        ("0x10", "bad-number"),
    ],
)
def test_bad_amount_is_located(tmp_path: Path, pagu: str, code: str) -> None:
    _, problems = load(tmp_path, BUDGET.format(pagu=pagu))
    assert codes(problems) == [code]
    p = problems.problems[0]
    assert (p.lokasi.file, p.lokasi.line, p.lokasi.path) == (
        "data/x/anggaran.yml",
        7,
        "sumber[0].program[0].pagu",
    )
    assert "[" + code + "]" in str(p)


def test_leading_zero_is_read_as_written(tmp_path: Path) -> None:
    # YAML 1.1 reads 0123 as octal 83; an editor means 123.
    value, problems = load(tmp_path, BUDGET.format(pagu="0123"))
    assert not problems.problems
    assert value.sumber[0].program[0].pagu == 123


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = """\
    tahun: 2021
    sumber:
      - id: apbd
        nama: APBD
        programm: []
      - id: apbn
        nama: 5
        program:
          - nama: B
            pagu: 1.5
            realisasi: x
    """
    import textwrap

    _, problems = load(tmp_path, textwrap.dedent(text))
    found = {(p.code, p.lokasi.line, p.lokasi.path) for p in problems.problems}
    assert ("unknown-field", 5, "sumber[0].programm") in found
    assert ("bad-number", 10, "sumber[1].program[0].pagu") in found
    assert ("bad-number", 11, "sumber[1].program[0].realisasi") in found
    assert any("maksud Anda 'program'" in p.message for p in problems.problems)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("tahun: 2021\ntahun: 2022\nsumber: []\n", "duplicate-key", 2),
        ("tahun: !!python/object:os.system 1\nsumber: []\n", "yaml-tag", 1),
        ("tahun: !!int 2021\nsumber: []\n", "yaml-tag", 1),
        ("tahun: &t 2021\nsumber: []\n", "yaml-anchor", 1),
        ("tahun: 2021\nsumber:\n\t- 1\n", "yaml-syntax", 3),
        ("tahun: 2021\nsumber: [\n", "yaml-syntax", 3),
        ("", "file-empty", 0),
        ("tahun: 2021\n---\nsumber: []\n", "yaml-multiple-documents", 2),
    ],
)
def test_forbidden_yaml(tmp_path: Path, text: str, code: str, line: int) -> None:
    _, problems = load(tmp_path, text)
    assert code in codes(problems)
    assert any(p.lokasi.line == line for p in problems.problems if p.code == code)


def test_alias_is_refused(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "tahun: &t 2021\nsumber: *t\n")
    assert {"yaml-anchor", "yaml-alias"} <= set(codes(problems))


def test_deep_nesting_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert codes(problems)[:1] in (["yaml-too-deep"], ["yaml-syntax"])


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    value, problems = load(tmp_path, ("\ufeff" + BUDGET.format(pagu="10")).replace("\n", "\r\n"))
    assert not problems.problems
    assert value.sumber[0].program[0].pagu == 10


def test_not_utf8(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "tahun: 2021\nsumber:\n  - nama: Caf\xe9\n".encode("latin-1"))
    assert codes(problems) == ["not-utf8"]
    assert problems.problems[0].lokasi.line == 3


def test_too_large(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "# " + "x" * 2_100_000 + "\n")
    assert codes(problems) == ["file-too-large"]


def test_missing_required_field(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "tahun: 2021\n")
    assert codes(problems) == ["missing-field"]
    assert problems.problems[0].lokasi.path == "sumber"


def test_choice_with_did_you_mean(tmp_path: Path) -> None:
    _, problems = load(tmp_path, LAPORAN.format(id="x").replace("LKIP", "LKPI"), Laporan)
    assert codes(problems) == ["bad-choice"]
    assert "'LKIP'" in problems.problems[0].message


def test_na_and_empty_targets(tmp_path: Path) -> None:
    text = """\
id: ik-1
nama: Indikator
target: NA
tahun_dasar: "-"
realisasi:
  jenis: rasio
  a: 39
  b: 88
"""
    value, problems = load(tmp_path, text, Indikator)
    assert not problems.problems
    assert value.target == NA_VALUE
    assert value.tahun_dasar == NA_VALUE and value.tahun_dasar.teks == "-"  # as printed
    assert value.realisasi.a.nilai == 39  # shorthand for {nilai: 39}


@pytest.mark.parametrize("spelling", ["NA", "n/a", "N/A", "-", "belum tersedia"])
def test_na_spellings_and_reasons(tmp_path: Path, spelling: str) -> None:
    text = f"id: x\nnama: x\ntarget: {spelling!r}\nrealisasi: {{na: survei belum selesai}}\n"
    value, problems = load(tmp_path, text, Indikator)
    assert not problems.problems
    assert value.target == NA_VALUE and value.target.teks == spelling
    assert value.realisasi == NA_VALUE and value.realisasi.alasan == "survei belum selesai"


@pytest.mark.parametrize("field", ["target", "tahun_dasar"])
def test_an_empty_value_is_never_na(tmp_path: Path, field: str) -> None:
    text = "id: x\nnama: x\ntarget: 5\nrealisasi: {jenis: langsung, a: 1}\n"
    text = text.replace("target: 5", "target:") if field == "target" else text + f"{field}:\n"
    _, problems = load(tmp_path, text, Indikator)
    assert codes(problems) == ["missing-value"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13.519.650.516,00", 13_519_650_516),
        ("Rp. 13.519.650.516,-", 13_519_650_516),
        ("1.234,50", Decimal("1234.50")),
    ],
)
def test_money_with_sen(tmp_path: Path, text: str, value) -> None:
    got, problems = load(tmp_path, f"nama: x\npagu: {text!r}\n", PosAnggaran)
    assert not problems.problems
    assert got.pagu == value and type(got.pagu) is type(value)


def test_report_folder_problems(make_report) -> None:
    data = make_report({"angaran.yml": "tahun: 2021\n"})
    (data / "kosong").mkdir()
    reports, problems = load_reports(data, data.parent)
    assert [r.id for r in reports] == ["uji-2021"]
    assert sorted(codes(problems)) == ["missing-file", "unknown-file"]
    assert any(p.lokasi.file == "data/uji-2021/angaran.yml" for p in problems.problems)


def test_id_must_match_folder(make_report) -> None:
    data = make_report(rid="uji-2021")
    (data / "uji-2021" / "laporan.yml").write_text(LAPORAN.format(id="lain"), encoding="utf-8")
    _, problems = load_reports(data, data.parent)
    assert codes(problems) == ["id-folder-mismatch"]


def _numeric_fields():
    import dataclasses
    import typing
    from decimal import Decimal

    from lkip_build import model

    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls is not model.Location:
            hints = typing.get_type_hints(cls)
            for f in dataclasses.fields(cls):
                tp = hints[f.name]
                if typing.get_origin(tp) in (list, dict):
                    continue  # containers: their items are scalars checked the same way
                args = typing.get_args(tp) or (tp,)
                if int in args or Decimal in args:
                    yield cls, f.name, hints[f.name]


NUMERIC_FIELDS = list(_numeric_fields())


def test_there_are_numeric_fields() -> None:
    assert len(NUMERIC_FIELDS) >= 15


@pytest.mark.parametrize(
    ("cls", "name", "tp"), NUMERIC_FIELDS, ids=[f"{c.__name__}.{n}" for c, n, _ in NUMERIC_FIELDS]
)
@pytest.mark.parametrize("text", ["1.5", "12.34", "1,2,3", "1e3", "satu", "0x1F", "\uff11"])
def test_every_numeric_field_refuses_what_is_not_an_indonesian_number(cls, name, tp, text) -> None:
    from lkip_build.read.loader import MISSING, Converter
    from lkip_build.read.yamlread import YNode

    problems = Collector()
    value = Converter("data/x/f.yml", problems).convert(tp, YNode("scalar", 3, text=text), name)
    assert value is MISSING
    assert [(p.code, p.lokasi.line, p.lokasi.path) for p in problems.problems] == [
        ("bad-number", 3, name)
    ]


def test_a_location_names_what_the_editor_sees(tmp_path: Path) -> None:
    """Beside the zero-based path, the labels of the table, the row and the column."""
    text = (
        "komposisi:\n  - id: pendidikan\n    judul_baris: Tingkat Pendidikan\n"
        "    kolom: [Sekretariat, Bidang PSDI]\n    sub_kolom: [L, P]\n    baris:\n"
        "      - {label: S2, nilai: [1, 2, 3, 4]}\n      - {label: SMA, nilai: [1, 2, 3x, 4]}\n"
    )
    folder = tmp_path / "data" / "x"
    folder.mkdir(parents=True)
    (folder / "pegawai.yml").write_text(text, encoding="utf-8")
    problems = Collector()
    load_file(folder / "pegawai.yml", "data/x/pegawai.yml", Pegawai, problems)
    (p,) = problems.problems
    assert p.field == "komposisi[0].baris[1].nilai[2]"
    assert str(p).startswith(
        "data/x/pegawai.yml:8: komposisi[0].baris[1].nilai[2]: "
        "(komposisi Tingkat Pendidikan, baris SMA, kolom Bidang PSDI L) '3x'"
    ), str(p)
