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
    for path in (ROOT / "lkip_build").glob("*.py"):
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
