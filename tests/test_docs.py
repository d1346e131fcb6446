"""The editors' guide must describe every YAML field, marker, table kind and problem code."""

from __future__ import annotations

import dataclasses
import re

import pytest

from lkip_build import model
from lkip_build.markers import HANDLERS
from lkip_build.tables import RENDERERS

from .conftest import ROOT

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
NOT_YAML = {"lokasi", "file", "line", "path"}  # Lokasi's own fields
FIELDS = sorted(
    {
        f.name
        for obj in vars(model).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj is not model.Lokasi
        for f in dataclasses.fields(obj)
    }
    - NOT_YAML
)


def code_literals() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "lkip_build").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:add|fail|MarkerError)\(\s*"([a-z0-9-]+)"', text))
        found |= set(re.findall(r'\.start\(\),\s*"([a-z0-9-]+)"', text))
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
    assert {"bad-number", "duplicate-key", "marker-unknown"} <= code_literals()


@pytest.mark.parametrize("code", sorted(code_literals()))
def test_every_problem_code_is_in_the_catalogue(code: str) -> None:
    assert f"| `{code}` |" in GUIDE


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("make serve") for line in head)
    assert any(line.startswith("make test") for line in head)
