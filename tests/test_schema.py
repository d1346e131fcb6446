"""The JSON Schema editors read: current, accepting the shipped data, refusing what it can.

The schema is generated from the model (`python -m lkip_build.tools.schema`); these tests check
the committed files are what the model generates now, that every data file in the
repository passes them, and, for each conformance case, that the schema rejects the file
the loader rejects, unless the case is in NOT_EXPRESSIBLE with the reason JSON Schema
cannot say it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lkip_build import model
from lkip_build.problems import Collector
from lkip_build.read.report import FILES
from lkip_build.read.yamlread import read_yaml
from lkip_build.tools import schema

from .conftest import ROOT
from .test_conformance import CASES, parse

# Loader codes a schema can express: the shape, keys, choices and spelling of one value.
SCHEMA_CODES = {
    "wrong-type",
    "unknown-field",
    "missing-field",
    "missing-value",
    "bad-choice",
    "bad-boolean",
    "bad-number",
    "number-too-large",
    "value-out-of-range",
}

# Conformance cases the schema accepts, and why it cannot refuse them. Each is caught by
# the YAML reader, the loader or `validate` (`lkip check` and the build still refuse them).
NOT_EXPRESSIBLE = {
    "pagu-na": "pagu takes NA in the model to carry a draft's `{belum_diisi}`; a plain NA is "
    "refused by validate (pagu-na), a rule across the field's value and the report's state",
    "count-fraction": "a warning on plausibility: the words of a field decide it, not its type",
    "comma-decimal-in-flow-list": "YAML itself reads `[99,50]` as two numbers; the schema "
    "sees the numbers, not the comma",
    "dedented-line-one-problem": "a YAML syntax error: the editor's YAML parser marks it",
    "duplicate-key": "YAML, not the schema: the language server's parser marks duplicate keys",
    "huge-amounts-exact": "valid data: nothing to refuse",
    "yaml-bom-crlf-ok": "valid data: nothing to refuse",
    "list-in-numeric-column": "the column's kind is declared in another part of the file",
    "list-tertulis-key-with-dot": "a `tertulis` key is checked against the list it names",
    "misspelt-plan-reference": "a reference to an id in another file",
    "negative-money": "the loader reads a negative amount; validate refuses it where a budget "
    "amount cannot be negative",
    "report-id-and-files": "a misspelt file name has no schema: no glob matches it",
    "rate-factor-and-stated-formula": "valid data: the document's own figures disagree, which "
    "only the audit computes",
    "rate-factor-refused": "a factor only the ratio formula reads, and one above 0: a rule "
    "across two fields and a bound the schema's numbers do not carry (read/consistency.py)",
    "table-cited-by-another-number": "valid data: the prose's reference is compared with the "
    "table's number by the audit",
    "budget-versions": "valid data: versions and differences are compared by the audit",
    "derived-figure-audited": "valid data: what the document prints is compared by the audit",
    "same-group-link-misspelt": "names of computed staff figures, known only once the report "
    "is computed; a suggestion compares labels across tables",
    "same-group-counted-otherwise": "valid data: the groups are compared by the audit",
    "derived-reference-refused": "a name of a computed figure, known only once the report is "
    "computed; a cycle runs across list items",
    "rule-step-contradictions": "steps, caps and sum columns compared with each other: "
    "arithmetic across fields and list items, which validate does (read/consistency.py)",
    "scale-ascending-gaps-overlaps": "gaps between bands are arithmetic over the whole list",
    "scale-overlap": "overlapping bands are arithmetic over the whole list",
    "table-kind-does-not-fit": "whether a table kind fits its data is a cross-file rule",
    "target-na-without-policy": "a warning about the report's policy, not a shape",
    "target-zero-na-negative": "a target of zero or below is refused by validate, with the rule",
    "terbilang-of-huge-total": "a sum of many amounts",
    "yaml-anchor-alias": "anchors and aliases are YAML features the reader refuses",
    "yaml-tag-str": "a YAML tag the reader refuses; the value itself fits",
    "yaml-empty": "an empty file: nothing for a schema to check",
    "yaml-indentation": "a YAML syntax error: the editor's YAML parser marks it",
    "yaml-not-utf8": "not UTF-8: the editor reads no YAML at all",
    "yaml-syntax": "a YAML syntax error: the editor's YAML parser marks it",
    "yaml-tab": "a YAML syntax error: the editor's YAML parser marks it",
    "yaml-too-deep": "the reader's nesting limit, not a shape of the model",
    "yaml-too-large": "the reader's size limit",
}

# Files of a refused case whose problem the schema cannot see, though it sees the others'.
NOT_EXPRESSIBLE_FILES = {
    ("missing-and-empty-together", "anggaran.yml"): "a leaf's realisasi is required by "
    "validate: the model cannot say it, as a parent line's is summed from its rincian",
}


def committed(name: str) -> dict[str, Any]:
    return json.loads((ROOT / name).read_text(encoding="utf-8"))


def errors(path: Path, filename: str) -> list[str] | None:
    """The schema's complaints about one YAML file, as the editor reads it (None: no YAML)."""
    tree = read_yaml(path, filename, Collector())
    if tree is None:
        return None
    validator = jsonschema.Draft7Validator(committed(schema.schema_name(filename)))
    found = validator.iter_errors(schema.as_instance(tree))
    return [f"{list(e.absolute_path)}: {e.message[:120]}" for e in found]


def test_committed_schema_is_current() -> None:
    for name, text in schema.schemas().items():
        path = ROOT / name
        assert path.exists(), f"{name} hilang: jalankan `python -m lkip_build.tools.schema`"
        assert path.read_text(encoding="utf-8") == text, (
            f"{name} usang: jalankan `python -m lkip_build.tools.schema`"
        )
    assert {p.name for p in (ROOT / schema.FOLDER).iterdir()} == {
        Path(n).name for n in schema.schemas()
    }


def test_schemas_are_valid_and_every_reference_resolves() -> None:
    for name in schema.schemas():
        doc = committed(name)
        jsonschema.Draft7Validator.check_schema(doc)
        text = json.dumps(doc)
        for ref in set(text.split('"$ref": "#/definitions/')[1:]):
            assert ref.split('"', 1)[0] in doc["definitions"], (name, ref)


def test_every_field_has_an_indonesian_description() -> None:
    docs = schema.field_docs()
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in vars(model).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and issubclass(cls, model.Node)
        for f in dataclasses.fields(cls)
        if f.name != "lokasi" and (cls.__name__, f.name) not in docs
    ]
    assert not missing, (
        f"tulis deskripsi di bawah kolom ini di lkip_build/model/: {sorted(set(missing))}"
    )
    laporan = committed("schema/laporan.schema.json")
    assert laporan["properties"]["tahun"]["description"] == "Tahun laporan, misalnya 2021."


def test_shipped_data_passes_the_schema() -> None:
    files = sorted([*ROOT.glob("data/*/*.yml"), *ROOT.glob("tests/corpus/*/data/*/*.yml")])
    assert len(files) > 20
    for path in files:
        assert path.name in FILES, path
        assert errors(path, path.name) == [], path


def case_errors(path: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Per data file of a conformance case, the schema's complaints (files without YAML and
    files that are no data file kind are left out)."""
    out = {}
    for name, data in parse(path).files.items():
        if name not in FILES:
            continue
        target = tmp_path / name
        target.write_bytes(data)
        found = errors(target, name)
        if found:
            out[name] = found
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_conformance_case(path: Path, tmp_path: Path) -> None:
    refused = case_errors(path, tmp_path)
    if path.stem in NOT_EXPRESSIBLE:
        assert not refused, f"the schema now refuses it: remove it from NOT_EXPRESSIBLE {refused}"
        return
    expected = {
        file
        for file, _, code in parse(path).expect
        if code in SCHEMA_CODES and (path.stem, file) not in NOT_EXPRESSIBLE_FILES
    }
    assert expected, "a loader-stage error of a kind the schema expresses is expected"
    assert set(refused) == expected, refused


def test_not_expressible_names_real_cases() -> None:
    assert set(NOT_EXPRESSIBLE) | {c for c, _ in NOT_EXPRESSIBLE_FILES} <= {p.stem for p in CASES}


BARANG = (
    "kelompok:\n  - {id: k, nama: K, tahun_lalu: 2020, tahun_kini: 2021, barang: "
    "[{nama: Beras, satuan: kg, harga_lalu: H, harga_kini: 1}]}\n"
)


@pytest.mark.parametrize(
    ("filename", "yaml_text", "ok"),
    [
        ("anggaran.yml", "tahun: 2021\nsumber: []\n", True),
        ("anggaran.yml", "tahun: dua ribu\nsumber: []\n", False),
        ("anggaran.yml", "tahun: {belum_diisi: tahun anggaran}\nsumber: []\n", True),
        ("harga.yml", BARANG, False),
        *[
            ("harga.yml", BARANG.replace("harga_lalu: H", f"harga_lalu: {v}"), ok)
            for v, ok in [
                ('"1.234.567"', True),
                ('"Rp1.234.567,00"', True),
                ('"Rp. 1.234,-"', True),
                ("'1.234,50'", True),
                ("12.500", True),  # the YAML float 12.5: the loader reads 12500
                ("1.234,5", False),  # sen take two digits
                ("1,234,567", False),
                ('"1.2345"', False),
                ("NA", False),  # a price is never NA
            ]
        ],
        (
            "indikator.yml",
            "sasaran_strategis: S\nindikator:\n  - {id: a, nama: A, "
            "target: n/a, realisasi: {na: belum terbit}}\n",
            True,
        ),
        (
            "indikator.yml",
            "sasaran_strategis: S\nindikator:\n  - {id: a, nama: A, "
            "target: '44,32 %', realisasi: {jenis: langsung, a: 39}}\n",
            True,
        ),
        (
            "indikator.yml",
            "sasaran_strategis: S\nindikator:\n  - {id: a, nama: A, "
            "target: '44,32', realisasi: {jenis: langsung, a: {na: x, nilai: 1}}}\n",
            False,
        ),
        ("laporan.yml", "kebijakan: {desimal_realisasi: 7}\n", False),
    ],
)
def test_spellings(filename: str, yaml_text: str, ok: bool, tmp_path: Path) -> None:
    """Spellings the loader reads, and some it refuses, seen by the schema."""
    path = tmp_path / filename
    path.write_text(yaml_text, encoding="utf-8")
    found = errors(path, filename)
    assert found is not None
    if filename == "laporan.yml":  # only the kebijakan part matters: drop the required keys
        found = [e for e in found if "is a required property" not in e]
    assert (found == []) is ok, found
