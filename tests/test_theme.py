"""Everything the theme shows a reader is Indonesian: no English string of Material's left
in any built page (text, tooltips, labels, the search's translations), no generator line."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import material

from .conftest import ROOT

# Material's English strings a reader can meet (partials/languages/en.html and the
# toc extension's default), and the generator line
ENGLISH = [
    "Made with",
    "Material for MkDocs",
    "Permanent link",
    "Back to top",
    "Skip to content",
    "Search",
    "Clear",
    "Share",
    "Copy to clipboard",
    "Copied to clipboard",
    "clipboard",
    "Previous",
    "Next",
    "Table of contents",
    "Navigation",
    "Header",
    "Footer",
    "Initializing search",
    "Type to start searching",
    "No matching documents",
    "matching document",
    "more on this page",
    "Missing",
    "Select version",
    "Select language",
    "Edit this page",
    "View source of this page",
    "Go to repository",
    "Last update",
    "Don't show this again",
]
ENGLISH_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")
SHOWN_ATTRS = re.compile(r'\b(?:title|aria-label|placeholder|alt|content)="([^"]*)"')


def reader_strings(page: str) -> list[str]:
    """What a reader can read or hear: text (not scripts, styles or icons), tooltips and
    labels, and the theme's translations that its script shows later (search, copy)."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    later = list(json.loads(config.group(1))["translations"].values()) if config else []
    shown = SHOWN_ATTRS.findall(page)
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", page)
    return [html.unescape(s) for s in [*text.split("\n"), *shown, *later] if s.strip()]


def test_no_english_theme_string_in_any_page(repo_site: Path) -> None:
    pages = sorted(repo_site.rglob("*.html"))
    assert len(pages) >= 15
    found = []
    for path in pages:
        for s in reader_strings(path.read_text(encoding="utf-8")):
            for m in ENGLISH_WORDS.finditer(s):
                found.append(f"{path.relative_to(repo_site)}: {m.group(0)!r} in {s[:80]!r}")
    assert not found, "\n".join(found[:40])


def test_the_scan_finds_english_strings() -> None:
    page = (
        '<a title="Permanent link">¶</a><footer>Made with <a>Material for MkDocs</a></footer>'
        '<script id="__config" type="application/json">{"translations": '
        '{"clipboard.copy": "Copy to clipboard"}}</script><script>var Search = 1</script>'
    )
    shown = [m.group(0) for s in reader_strings(page) for m in ENGLISH_WORDS.finditer(s)]
    assert shown == ["Made with", "Material for MkDocs", "Permanent link", "Copy to clipboard"]


def keys(path: Path) -> set[str]:
    return set(re.findall(r'^\s*"([\w.]+)":', path.read_text(encoding="utf-8"), re.M))


def test_our_indonesian_table_has_every_key_of_materials_english_one() -> None:
    """Our id.html replaces Material's; a key it lacks would be shown in English."""
    ours = ROOT / "overrides" / "partials" / "languages" / "id.html"
    theirs = Path(material.__file__).parent / "templates" / "partials" / "languages"
    assert keys(theirs / "en.html") <= keys(ours), keys(theirs / "en.html") - keys(ours)
    assert keys(theirs / "id.html") <= keys(ours)
