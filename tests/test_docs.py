"""The editors' guide must describe every YAML field, marker, table kind and problem code."""

from __future__ import annotations

import ast
import dataclasses
import re

import pytest

from lkip_build import model
from lkip_build.codes import CODES, GUIDE_SECTIONS, markdown
from lkip_build.present.markers import HANDLERS
from lkip_build.present.tables import RENDERERS

from .conftest import ROOT

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
NOT_YAML = {"lokasi", "file", "line", "path"}  # Lokasi's own fields
FIELDS = sorted(
    {
        f.name
        for obj in vars(model).values()
        if isinstance(obj, type)
        and dataclasses.is_dataclass(obj)
        and obj not in (model.Location, model.NA, model.BelumDiisi, model.Rentang)  # not YAML keys
        for f in dataclasses.fields(obj)
    }
    - NOT_YAML
)


def code_literals() -> set[str]:
    """Every code a call site passes: string arguments of the calls that make problems."""
    makers = {"add", "problem", "fail", "_fail", "MarkerError", "TableError", "finding"}
    found: set[str] = set()
    for path in (ROOT / "lkip_build").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in makers:
                continue
            for arg in node.args:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", arg.value)
                ):
                    found.add(arg.value)
    return found


def all_literals() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "lkip_build").rglob("*.py"):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("name", FIELDS)
def test_every_yaml_field_is_described(name: str) -> None:
    assert f"`{name}`" in GUIDE


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_every_marker_is_described(name: str) -> None:
    assert f"lkip:{name}" in GUIDE


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_table_kind_is_described(name: str) -> None:
    assert f"| `{name}` |" in GUIDE


def test_codes_are_found() -> None:
    assert {"bad-number", "duplicate-key", "marker-unknown", "stated-mismatch"} <= code_literals()


@pytest.mark.parametrize("code", sorted(code_literals()))
def test_every_code_used_is_registered(code: str) -> None:
    assert code in CODES


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_registered_code_is_used(code: str) -> None:
    assert code in all_literals(), f"{code} is declared in codes.py but never raised"


@pytest.mark.parametrize("section", sorted(GUIDE_SECTIONS))
def test_the_guide_carries_the_registry(section: str) -> None:
    """EDITING.md's code tables are the registry's: regenerate with python -m lkip_build.codes."""
    table = markdown(GUIDE_SECTIONS[section])
    assert f"<!-- {section} -->\n{table}<!-- /{section} -->" in GUIDE
