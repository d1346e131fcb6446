"""The package stays free of the site generator, so that the generator can change."""

from __future__ import annotations

import ast
import re

from .conftest import ROOT

FIGURE = re.compile(r"\d+,\d+|\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?\s*%")
# Definitions, not results: "x 100%" in formulas, the inflation bands of 3.2.2 and the PK
# clauses (10 %, 30 %, 90 %, 100 %), and one input stated only in prose (a retribution).
ALLOWED = {"100%", "10%", "30%", "90%", "90-100%", "4.350.000"}


def test_lkip_build_never_imports_mkdocs() -> None:
    for path in (ROOT / "lkip_build").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "mkdocs" for n in names), path


def test_no_derived_figure_is_typed_in_the_chapters() -> None:
    marker = re.compile(r"<!--.*?-->", re.S)
    found = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = marker.sub("", path.read_text(encoding="utf-8"))
        for m in FIGURE.finditer(text):
            figure = m.group(0).replace(" ", "")
            if figure not in ALLOWED and not text[max(0, m.start() - 3) : m.start()].endswith(
                "90-"
            ):
                found.append(f"{path.relative_to(ROOT)}: {m.group(0)!r}")
    assert not found, "\n".join(found)


REPORT_SPECIFIC = re.compile(
    r"Tabel \d|\bBab [IVX\d]|NTT|Nusa Tenggara|Disperindag|Perindustrian|Perdagangan|Kupang|Lebak"
)


def _code_strings(path) -> list[tuple[int, str]]:
    """String literals the code uses (messages, labels, headers), not its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_no_report_specific_label_is_left_in_the_package() -> None:
    """Issue 8: labels, numbers and headings of one document live in its data, not here."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:70]!r}"
        for path in sorted((ROOT / "lkip_build").rglob("*.py"))
        for line, text in _code_strings(path)
        if REPORT_SPECIFIC.search(text)
    ]
    assert not found, "\n".join(found)


def test_the_maintainers_map_names_every_module() -> None:
    """ARCHITECTURE.md and the README's module table stay true as modules come and go."""
    arch = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "lkip_build").iterdir()):
        name = path.stem if path.suffix == ".py" else path.name
        if name.startswith("_") or name == "__pycache__":
            continue
        assert f"`{name}" in readme, f"README's module table lacks {name}"
    for section in ("## The flow", "## Where state lives", "## Recipes", "## Names"):
        assert section in arch
    for recipe in ("table kind", "marker", "capaian rule", "check", "problem code"):
        assert f"**Add a {recipe}" in arch
