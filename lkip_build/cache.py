"""A content-addressed cache for what is slow to make and fully determined by its inputs:
chart SVGs (spec + renderer version) and PDFs (print HTML + assets + browser version).

The key is a SHA-256 of every input, so a stale entry cannot be found: a changed input is a
different key. An entry is written to a temporary file and renamed, so a build cut off
mid-write, or two processes making the same entry, never leave half a file. Output is
byte-identical with and without the cache (tests/test_cache.py).

Where: `LKIP_CACHE` if set, else `.cache/lkip` under the current folder; `LKIP_CACHE=0`
turns the cache off. CI keeps the folder between runs (actions/cache on `.cache/lkip`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

OFF = "0"


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


def cached(kind: str, parts: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
    """The bytes `make()` returns for these inputs: from the cache when present, else made
    and stored. `kind` names the subfolder ("svg", "pdf")."""
    base = folder()
    if base is None:
        return make()
    name = key(kind, parts)
    path = base / kind / name[:2] / name
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only or full disk costs speed, never the build
    return data
