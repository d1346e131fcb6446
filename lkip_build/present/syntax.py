"""The text of a marker, as a chapter holds it: what tools that read chapters without
expanding them need (`lkip check`'s cache key, the pipeline's scope), with no import of
the data model or the renderers."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

MARKER = re.compile(r"<!--\s*lkip:([a-z-]+)((?:\s+[^\s>]+)*)\s*-->")
# markers that show other reports' figures: every report's (the portal table), or one's
CROSS_REPORT = frozenset({"daftar-laporan", "sorotan"})
# the home page's generated folders (present/portal.py): pages of the home, not of a report
ROWS_DIR = "daftar-laporan"  # the pages of the home page's table, as JSON
AGENCY_DIR = "instansi"  # the agencies' pages: their years side by side
HOME_FOLDERS = (ROWS_DIR, AGENCY_DIR)

# fenced code blocks and code spans: what an editor shows as code is shown as typed
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.M | re.S)
# an address typed in raw HTML, in either quotes
RAW_URL = re.compile(r"""((?:href|src|srcset)\s*=\s*)(?:"([^"]*)"|'([^']*)')""")


def outside_code(markdown: str, change: Callable[[str], str]) -> str:
    """`change` applied to the text outside fenced code blocks and code spans."""
    out, last = [], 0
    for m in CODE.finditer(markdown):
        out += [change(markdown[last : m.start()]), m.group(0)]
        last = m.end()
    return "".join([*out, change(markdown[last:])])


def page_dir(src: str) -> str:
    """The folder of the URL the page built from `src` gets (directory URLs: `a/b.md` is
    served at `a/b/`, `a/index.md` at `a/`); "" for the site's root."""
    stem = src.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def rebase(url: str, base: str, new_base: str) -> str:
    """A relative address read from folder `base`, written from folder `new_base`."""
    path, hash_, frag = url.partition("#")
    if not path or ":" in path or path.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(base, path))
    new = posixpath.relpath(target, new_base or ".") + ("/" if path.endswith("/") else "")
    return new + hash_ + frag


def rebase_raw(markdown: str, base: str, new_base: str) -> str:
    """Every relative address typed in raw HTML (which generators leave as written, so it
    is read from the page's URL) rewritten from folder `base` to folder `new_base`, the
    same on a page served elsewhere (the print view repeating a chapter; Zensical, which
    reads it from the source's folder)."""
    if base == new_base:
        return markdown

    def attr(m: re.Match[str]) -> str:
        value = m.group(2) if m.group(2) is not None else m.group(3)
        quote = '"' if m.group(2) is not None else "'"
        if m.group(1).startswith("srcset"):
            parts = [p.strip().split(" ", 1) for p in value.split(",") if p.strip()]
            value = ", ".join(" ".join([rebase(p[0], base, new_base), *p[1:]]) for p in parts)
        elif not value.split("#")[0].endswith(".md"):
            value = rebase(value, base, new_base)
        return f"{m.group(1)}{quote}{value}{quote}"

    return outside_code(markdown, lambda text: RAW_URL.sub(attr, text))
