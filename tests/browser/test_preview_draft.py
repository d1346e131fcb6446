"""The fresh-draft trial in a real browser: next year's draft made with `lkip new` and
broken by a mistake, served by `make serve`'s preview. The 2021 report stays readable
without a word about the draft; the draft's pages show its problems in a compact panel,
errors first, which the editor can close."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lkip_build.cli import main as lkip

from ..conftest import preview_repo, serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser

OLD, NEW = "ntt-disperindag-lkip-2021", "ntt-disperindag-lkip-2022"


def _wait(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture(scope="module")
def preview(browser_available: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    repo = preview_repo(tmp_path_factory.mktemp("draft-preview"), (OLD,))
    assert lkip(["new", "--from", str(repo / "data" / OLD), "--year", "2022"]) == 0
    draft = repo / "data" / NEW / "indikator.yml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("target: 75  #", "target: 7x5  #", 1), encoding="utf-8")
    with serving(repo) as (url, _):
        _wait(f"{url}/{OLD}/")
        yield url


def test_a_broken_draft_leaves_last_year_readable(
    preview: str, browser: Browser, screenshots: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{preview}/{OLD}/bab-3-akuntabilitas-kinerja/")
        assert page.locator(".lkip-panel").count() == 0
        assert page.get_by_text("81,44", exact=False).first.is_visible()  # the seed's mean
        page.screenshot(path=str(screenshots / "preview-2021-while-draft-broken.png"))
        page.goto(f"{preview}/{NEW}/")
        panel = page.locator(".lkip-panel")
        assert panel.count() == 1 and panel.is_visible()
        summary = panel.locator("summary").inner_text()
        assert "1 kesalahan" in summary and "belum diisi" in summary
        items = panel.locator("li").all_inner_texts()
        assert items[0].startswith("Memblokir penerbitan (1)")  # errors first
        assert "[bad-number]" in items[1] and "7x5" in items[1]
        assert panel.bounding_box()["height"] < 500  # compact: the list scrolls inside
        page.screenshot(path=str(screenshots / "preview-draft-broken.png"))
        panel.locator("summary").click()  # dismissed
        assert not panel.locator("ul").is_visible()
    finally:
        page.close()
