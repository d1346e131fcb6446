"""The two sides of `lkip diff`: a folder, or a git revision materialised in a temp folder.

A side is a repository root (data/, and content/ when there), a report's data folder
(laporan.yml), or a git revision of the repository the command runs in (`HEAD~1`, `main`,
a sha), unpacked with `git archive REV | tar -x` into a temporary folder that is removed
afterwards. Each side is read by the build's own pass (`site.prepare`, then every page's
markers expanded without writing files), as `lkip check` reads it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_build.problems import Collector, LkipError, guard

# yamlread (PyYAML) is imported by the pass that reads YAML: `lkip check` uses `locate`
if TYPE_CHECKING:
    from lkip_build.present.expansion import Expansion
    from lkip_build.publish.site import Publication
    from lkip_build.read.yamlread import YNode


class SideError(Exception):
    """A side that is neither a folder nor a revision (the message is for the editor)."""


@dataclass(frozen=True)
class Side:
    """One side, read: the publication, its expanded pages (None without content/), the
    chapters' source Markdown and every YAML scalar of its reports (for `Data diubah`)."""

    label: str
    publication: Publication
    expansion: Expansion | None
    sources: dict[str, str]
    scalars: dict[tuple[str, str], tuple[str, int]]  # (file, field path) -> (text, line)


def locate(path: Path, label: str = "") -> tuple[Path, Path, str | None]:
    """(repository root, data folder, only this report id or None), as `lkip check` does;
    `label` names the side in the message (a revision's temp folder means nothing)."""
    shown = label or str(path)
    path = path.resolve()
    if (path / "laporan.yml").exists():
        data, only = path.parent, path.name
        return (data.parent if data.name == "data" else data), data, only
    if (path / "data").is_dir():
        return path, path / "data", None
    raise SideError(f"{shown}: bukan folder laporan (laporan.yml) atau repositori (data/)")


@contextmanager
def materialise(spec: str, cwd: Path) -> Iterator[Path]:
    """A folder as it is, or the tree of a git revision in a temporary folder (removed)."""
    if Path(spec).is_dir():
        yield Path(spec)
        return
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top is None:
        raise SideError(f"{spec!r} bukan folder, dan {cwd} bukan repositori git")
    root = Path(top.strip())
    sha = _git(["rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"], root)
    if sha is None:
        raise SideError(f"{spec!r} bukan folder dan bukan revisi git (cabang, tag, sha) di {root}")
    tmp = Path(tempfile.mkdtemp(prefix="lkip-diff-"))
    try:
        archive = subprocess.run(
            ["git", "archive", sha.strip()], cwd=root, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive.stdout, check=True)
        # the same relative place in the tree as the folder the command runs in
        inside = cwd.resolve().relative_to(root.resolve())
        yield tmp / inside
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout


def read_side(label: str, path: Path, only: str | None = None) -> Side:
    """The build's pass over one side; LkipError (with located problems) when it cannot."""
    from lkip_build.publish import pipeline

    root, data, own = locate(path, label)
    only = own or only
    collector = Collector()
    with guard(str(path), collector):
        # the one pipeline with no writer, as `lkip check`; no page checks: a diff shows
        # figures, and `lkip check` says what blocks
        scope = pipeline.report(only) if only else pipeline.ALL
        result = pipeline.run(root, scope, data_dir=data, write_files=False, check_pages=False)
        publication, expansion = result.publication, result.expansion
        sources = pipeline.read_pages(root / "content", scope, data)
        from lkip_build.read.yamlread import read_yaml

        scalars = {}
        for h in publication.hasil:
            for f in sorted((root / h.report.folder).glob("*.yml")):
                shown = f"{h.report.folder}/{f.name}"
                tree = read_yaml(f, shown, Collector())
                if tree is not None:
                    scalars.update({(shown, k): v for k, v in walk(tree, "")})
        return Side(label, publication, expansion, sources, scalars)
    raise LkipError(collector.problems)


def walk(node: YNode, path: str) -> Iterator[tuple[str, tuple[str, int]]]:
    """Every scalar of a YAML tree with its field path (`indikator[ik-7].realisasi.a.nilai`:
    list items by their id, else their name, so an inserted item moves nothing)."""
    if node.kind == "scalar":
        yield path, (node.text, node.line)
    elif node.kind == "map":
        for key, value in node.pairs:
            yield from walk(value, f"{path}.{key.text}" if path else key.text)
    else:
        for i, item in enumerate(node.items):
            names = {k.text: v.text for k, v in item.pairs if v.kind == "scalar"}
            ident = names.get("id") or names.get("nama") or str(i)
            yield from walk(item, f"{path}[{ident}]")
