"""Accessibility: axe-core on one page of every kind, in light and dark, at phone and laptop
width, in a real browser.

Fails on any violation of impact "serious" or "critical" that is not in KNOWN, and prints
every violation of the page (all impacts), so that the failure says what to fix and where.
KNOWN lists only violations of the theme's own markup (Material for MkDocs), which content
and lkip.css do not touch; ours must be fixed, not listed. Each entry names the pages and
schemes where it occurs and the fix. When an entry no longer occurs, the test fails and asks
for the entry to be removed, so the list only shrinks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGES = {
    "home": "/",
    "start": "/ntt-disperindag-lkip-2021/",
    "chapter-with-tables": "/ntt-disperindag-lkip-2021/bab-3-akuntabilitas-kinerja/",
    "verification": "/ntt-disperindag-lkip-2021/catatan-verifikasi/",
    "print-view": "/ntt-disperindag-lkip-2021/cetak/",
    "lebak": "/lebak-disperindag-renja-2021/halaman-79/",
}
# a phone (where tables scroll under their sticky key column) and a laptop
WIDTHS = {"360": {"width": 360, "height": 780}, "1366": {"width": 1366, "height": 900}}
BLOCKING = {"serious", "critical"}
EVERY_PAGE = frozenset(PAGES)
BOTH = frozenset({"light", "dark"})


@dataclass(frozen=True)
class Known:
    rule: str
    target: str  # a substring of axe's CSS selector for the element
    pages: frozenset[str]
    schemes: frozenset[str]
    why: str


KNOWN = [
    # Theme: Material for MkDocs 9.8.1's own markup and CSS.
    Known(
        "aria-dialog-name",
        ".md-search",
        EVERY_PAGE,
        BOTH,
        "Material's search box is role=dialog with no accessible name (partials/search.html);"
        " fix with a theme override that adds aria-label.",
    ),
]


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, { resultTypes: ["violations"] });
            return r.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map(n => ({
                    impact: n.impact,
                    target: n.target.join(" "),
                    html: n.html.slice(0, 200),
                    summary: n.failureSummary,
                })),
            }));
        }"""
    )
    return result


def describe(name: str, path: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe on {name} ({path}): {len(violations)} violation(s)"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s))")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}  {n['html']}")
            for s in (n["summary"] or "").splitlines():
                lines.append(f"      {s}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


# The print view is every chapter on one page: its dark scheme is the chapters' (slow to check).
CASES = [
    (name, scheme, width)
    for name in PAGES
    for scheme in ("light", "dark")
    for width in WIDTHS
    if not (name == "print-view" and scheme == "dark")
]


@pytest.mark.parametrize(("name", "scheme", "width"), CASES)
def test_no_serious_accessibility_violation(
    page: Page,
    base_url: str,
    axe_source: str,
    screenshots: Path,
    name: str,
    scheme: str,
    width: str,
) -> None:
    path = PAGES[name]
    page.set_viewport_size(WIDTHS[width])
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}{path}")
    page.wait_for_load_state("load")
    violations = run_axe(page, axe_source)
    report = describe(f"{name}, {scheme}, {width} px", path, violations)
    print(report)
    known = [k for k in KNOWN if name in k.pages and scheme in k.schemes]
    new = []
    seen: set[Known] = set()
    for v in violations:
        if v["impact"] not in BLOCKING:
            continue
        for node in v["nodes"]:
            match = next(
                (k for k in known if k.rule == v["id"] and k.target in node["target"]), None
            )
            if match:
                seen.add(match)
            else:
                new.append(f"[{v['impact']}] {v['id']} on {node['target']}")
    if new:
        page.screenshot(path=str(screenshots / f"a11y-{name}-{scheme}-{width}.png"), full_page=True)
    assert not new, "new serious/critical violations:\n" + "\n".join(new) + "\n\n" + report
    gone = [f"{k.rule} {k.target}" for k in known if k not in seen]
    assert not gone, f"fixed on {name}/{scheme}/{width}? remove from KNOWN (or narrow it): {gone}"
    assert not page.js_errors, page.js_errors  # type: ignore[attr-defined]
