"""The content cache: a key changes with any input, an entry is found again, output is the
same with and without the cache, and a cache that cannot be written costs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_build import cache


def test_key_separates_parts() -> None:
    assert cache.key("svg", ["ab", "c"]) != cache.key("svg", ["a", "bc"])
    assert cache.key("svg", ["a"]) != cache.key("pdf", ["a"])
    assert cache.key("svg", ["a", b"b"]) == cache.key("svg", ["a", "b"])


def test_cached_makes_once_and_returns_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        return b"<svg/>"

    assert cache.cached("svg", ["spec"], make) == b"<svg/>"
    assert cache.cached("svg", ["spec"], make) == b"<svg/>"
    assert len(calls) == 1
    assert cache.cached("svg", ["other"], make) == b"<svg/>"
    assert len(calls) == 2


def test_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKIP_CACHE", "0")
    assert cache.folder() is None
    assert cache.cached("svg", ["x"], lambda: b"1") == b"1"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LKIP_CACHE", str(blocker))
    assert cache.cached("svg", ["x"], lambda: b"2") == b"2"
