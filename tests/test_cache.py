"""The content cache: a key changes with any input, an entry is found again, output is the
same with and without the cache, and a cache that cannot be written costs nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lkip_build import cache

from .conftest import ROOT, build, tiny_site


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


# the build's own work: Memo (each report's pass and its pages' expansion), `passed` (the
# HTML checks), and whole builds with and without the cache


def test_memo_finds_on_disk_what_another_build_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    first = cache.Memo("prepared")
    first["digest-a"] = {"tabel": [1, 2]}
    first.clear()  # memory only: the disk entry is still found by its key
    assert first.get("digest-a") == {"tabel": [1, 2]}
    second = cache.Memo("prepared")  # a later build: a new process, the same disk
    assert "digest-a" in second and second["digest-a"] == {"tabel": [1, 2]}
    assert second.get("digest-b") is None and "digest-b" not in second
    with pytest.raises(KeyError):
        second["digest-b"]
    assert cache.Memo("expansion").get("digest-a") is None  # another kind, another key


def test_memo_of_another_program_or_a_broken_entry_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    cache.Memo("prepared")["k"] = "lama"
    monkeypatch.setattr(cache, "code_version", lambda: "program-lain")
    assert cache.Memo("prepared").get("k") is None  # a changed program never reads it
    cache.Memo("prepared")["k"] = "baru"
    for entry in (tmp_path / "prepared").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\x80 terpotong")
    assert cache.Memo("prepared").get("k", "dibuat lagi") == "dibuat lagi"


def test_memo_without_cache_is_memory_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKIP_CACHE", "0")
    memo = cache.Memo("prepared")
    memo.update({"k": 1})
    assert memo["k"] == 1 and cache.Memo("prepared").get("k") is None


def test_code_version_covers_the_package_and_libraries() -> None:
    version = cache.code_version()
    assert len(version) == 64 and version == cache.code_version()
    assert "PyYAML" in cache.LIBRARIES and "vl-convert-python" in cache.LIBRARIES


def test_only_a_pass_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    calls: list[str] = []

    def clean() -> list[str]:
        calls.append("clean")
        return []

    def dirty() -> list[str]:
        calls.append("dirty")
        return ["unsafe-html"]

    assert cache.passed("html-check", ["<p>a</p>"], clean) == []
    assert cache.passed("html-check", ["<p>a</p>"], clean) == []
    assert cache.passed("html-check", ["<script>"], dirty) == ["unsafe-html"]
    assert cache.passed("html-check", ["<script>"], dirty) == ["unsafe-html"]
    assert calls == ["clean", "dirty", "dirty"]  # problems are found anew on every build


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_site_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    """NTT's site: built with the cache off, into an empty cache, and from the filled one
    (every report's pass, expansion, table regions and HTML checks read back)."""
    where = str(tmp_path / "cache")
    sites = {}
    for name, cache_at in (("off", "0"), ("cold", where), ("warm", where)):
        result = build(ROOT / "mkdocs.yml", tmp_path / name, cache=cache_at)
        assert result.returncode == 0, result.stderr
        sites[name] = _files(tmp_path / name)
    kinds = {p.name for p in (tmp_path / "cache").iterdir()}
    assert {"prepared", "expansion", "regions", "html-check", "jinja"} <= kinds
    assert sites["off"].keys() == sites["cold"].keys() == sites["warm"].keys()
    differ = [
        k for k in sites["off"] if not sites["off"][k] == sites["cold"][k] == sites["warm"][k]
    ]
    assert differ == []


def _problem_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if "[" in line and "]" in line)


@pytest.mark.parametrize(
    ("page", "files", "code"),
    [
        ("# Uji\n\n<script>alert(1)</script>\n", {}, "[unsafe-html]"),
        ("# Uji\n", {"indikator.yml": "indikator: tujuh\n"}, "["),
    ],
    ids=["html-check", "data"],
)
def test_a_warm_build_still_refuses_what_a_cold_one_refused(
    tmp_path: Path, page: str, files: dict[str, str], code: str
) -> None:
    config = tiny_site(tmp_path, page, files)
    where = str(tmp_path / "cache")
    cold = build(config, tmp_path / "a", cache=where)
    warm = build(config, tmp_path / "b", cache=where)
    assert cold.returncode != 0 and warm.returncode != 0
    assert code in cold.stderr and "Traceback" not in warm.stderr
    assert _problem_lines(warm.stderr) == _problem_lines(cold.stderr) != []


def test_code_version_reads_the_installed_versions() -> None:
    from importlib import metadata

    installed = cache._installed()
    for lib in cache.LIBRARIES:
        assert installed[cache._normal(lib)] == metadata.version(lib)


def test_prune_deletes_what_no_build_used_for_a_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LKIP_CACHE", str(tmp_path))
    cache.cached("svg", ["lama"], lambda: b"<svg>lama</svg>")
    cache.cached("svg", ["dipakai"], lambda: b"<svg>dipakai</svg>")
    month = cache.KEEP_DAYS * cache.DAY
    old = time.time() - month - cache.DAY
    for entry in (tmp_path / "svg").rglob("*"):
        if entry.is_file():
            os.utime(entry, (old, old))
    calls: list[str] = []
    cache.cached("svg", ["dipakai"], lambda: calls.append("x") or b"")  # a hit marks it used
    assert calls == []
    assert cache.prune() == 1
    assert cache.prune() == 0  # once a day
    assert cache.prune(now=time.time() + 2 * cache.DAY) == 0  # nothing else is that old
    assert cache.cached("svg", ["dipakai"], lambda: b"baru") == b"<svg>dipakai</svg>"
    assert cache.cached("svg", ["lama"], lambda: b"dibuat lagi") == b"dibuat lagi"


def test_a_build_after_the_cold_one_reads_every_check_back(tmp_path: Path) -> None:
    """The second build takes every report from the cache (its tables read back, not drawn):
    its HTML checks must still be found under the keys the first build wrote."""
    where = tmp_path / "cache"
    counts = []
    for name in ("cold", "warm", "again"):
        result = build(ROOT / "mkdocs.yml", tmp_path / name, cache=str(where))
        assert result.returncode == 0, result.stderr
        counts.append(sum(1 for p in (where / "html-check").rglob("*") if p.is_file()))
    assert counts[0] == counts[1] == counts[2] > 0
