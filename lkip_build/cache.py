"""A content-addressed cache for what is slow to make and fully determined by its inputs:
chart SVGs (spec + renderer version) and PDFs (print HTML + assets + browser version), and
the build's own work (`Memo`, `passed`): each report's pass (its files' digest), its pages'
expansion (digest + pages' text), the table regions of a page body and the HTML checks a
page passed (its HTML). These are keyed by `code_version()` too (every source file of the
package and the versions of the libraries that shape the results), so a changed program
never reads what an older one made.

The key is a SHA-256 of every input, so a stale entry cannot be found: a changed input is a
different key. An entry is written to a temporary file and renamed, so a build cut off
mid-write, or two processes making the same entry, never leave half a file. Output is
byte-identical with and without the cache (tests/test_cache.py).

`Memo` entries are pickles of the package's own objects: the folder is trusted as the
checkout is (it is written by your builds; on CI, actions/cache keeps it per branch, and a
pull request cannot write the main branch's). A cache entry that cannot be read is made
again, never an error. Reading an entry marks it used; `prune` (at the end of a build, at
most once a day) deletes what no build used in `KEEP_DAYS` days.

Where: `LKIP_CACHE` if set, else `.cache/lkip` under the current folder; `LKIP_CACHE=0`
turns the cache off. CI keeps the folder between runs (actions/cache on `.cache/lkip`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

OFF = "0"
# the libraries whose behaviour is part of a memoized result: YAML reading (the pass), the
# chart renderer and the workbook writer (files an expansion made)
# Markdown: the page checks render pages in process (pagecheck), and keep what they found
LIBRARIES = ("PyYAML", "vl-convert-python", "XlsxWriter", "Markdown")
KEEP_DAYS = 30  # `prune` deletes what no build used for this long
DAY = 86_400


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    where = os.environ.get("LKIP_CACHE", "")
    if where == OFF:
        return None
    return Path(where) if where else Path.cwd() / ".cache" / "lkip"


def key(kind: str, parts: Iterable[bytes | str]) -> str:
    """A stable key of `kind` and every input; each part is length-prefixed, so two inputs
    that concatenate the same ("ab" + "c", "a" + "bc") never share a key."""
    digest = hashlib.sha256(kind.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A key of the program: every source file of this package, the Python version and the
    versions of `LIBRARIES`."""
    package = Path(__file__).resolve().parent
    installed = _installed()
    parts: list[bytes | str] = [sys.version]
    parts += [f"{lib} {installed.get(_normal(lib), '-')}" for lib in LIBRARIES]
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return key("code", parts)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _installed() -> dict[str, str]:
    """Installed distributions' versions by normalized name, from the `*.dist-info` folder
    names on sys.path (importlib.metadata would cost `lkip check` a sixth of its time)."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, version = name[: -len(".dist-info")].split("-", 1)
                found.setdefault(_normal(dist), version)
    return found


def _path(kind: str, name: str) -> Path | None:
    base = folder()
    return None if base is None else base / kind / name[:2] / name


def _used(path: Path) -> None:
    """An entry read is an entry in use: its time is what `prune` keeps it by."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(days: int = KEEP_DAYS, now: float | None = None) -> int:
    """Delete the entries no build has used in `days` days (the cache would otherwise grow
    with every version of every page); at most once a day, marked by a stamp file. Returns
    how many were deleted."""
    base = folder()
    if base is None or not base.is_dir():
        return 0
    now = time.time() if now is None else now
    stamp = base / ".dipangkas"
    try:
        if now - stamp.stat().st_mtime < DAY:
            return 0
    except OSError:
        pass
    gone = 0
    for path in base.rglob("*"):
        try:
            if path.is_file() and path != stamp and now - path.stat().st_mtime > days * DAY:
                path.unlink()
                gone += 1
        except OSError:
            continue
    try:
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        pass
    return gone


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only or full disk costs speed, never the build


class Memo(MutableMapping[str, Any]):
    """A memo of the package's results by key (the `memo` `site.prepare` and
    `expansion.expand_all` take), kept in memory and, with the cache on, on disk under
    `kind`, keyed by `code_version()` too. Forgetting (`clear`, `del`) is of the memory
    only: an entry on disk is found by its inputs, so it can never stand for other ones."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.known: dict[str, Any] = {}
        self._on_disk: set[str] = set()

    def _file(self, k: str) -> Path | None:
        return _path(self.kind, key(self.kind, [code_version(), k])) if k else None

    def __getitem__(self, k: str) -> Any:
        if k in self.known:
            return self.known[k]
        path = self._file(k)
        if path is None:
            raise KeyError(k)
        try:
            value = pickle.loads(zlib.decompress(path.read_bytes()))
        except Exception:  # missing, cut short or from another program: made again
            raise KeyError(k) from None
        _used(path)
        self.known[k] = value
        self._on_disk.add(k)
        return value

    def __setitem__(self, k: str, value: Any) -> None:
        self.known[k] = value
        path = self._file(k)
        if path is not None and k not in self._on_disk:
            # compressed: the folder CI keeps is a quarter of the size (0,7 of 2,75 MB per
            # NTT-sized report), for ~5 ms per report written
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            _store(path, zlib.compress(data, 1))
            self._on_disk.add(k)

    def __delitem__(self, k: str) -> None:
        del self.known[k]

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)

    def clear(self) -> None:
        self.known.clear()


def passed(kind: str, parts: Iterable[bytes | str], check: Callable[[], list[Any]]) -> list[Any]:
    """`check()`'s problems for these inputs; inputs that passed before (no problem) under
    this program are not checked again. Only a pass is kept: problems are found anew."""
    path = _path(kind, key(kind, [code_version(), *parts]))
    if path is not None and path.exists():
        _used(path)
        return []
    found = check()
    if path is not None and not found:
        _store(path, b"")
    return found


def cached(kind: str, parts: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
    """The bytes `make()` returns for these inputs: from the cache when present, else made
    and stored. `kind` names the subfolder ("svg", "pdf")."""
    path = _path(kind, key(kind, parts))
    if path is None:
        return make()
    try:
        data = path.read_bytes()
    except OSError:
        pass
    else:
        _used(path)
        return data
    data = make()
    _store(path, data)
    return data
