"""Build the site atomically and reproducibly, one unit per process: `make site` runs this.

A unit is one report as a self-contained site (lkip_build/units.py), or the home page:
exported, built by plain MkDocs (strict, no hooks, in this process), then our checks of its
HTML, its search entries and PDF (lkip_build/assemble.py). Units are built in a process
pool (one worker per core) and put together: home at the root, each report under <id>/.
Problems of every unit are reported together; one failing unit fails the build.

The site is assembled into a fresh folder under .builds/; only a build that succeeds
replaces `site`, by renaming a symlink, which is atomic. A failed build leaves the last
good site untouched. SOURCE_DATE_EPOCH is the last commit's time, so two builds of a
commit are identical.

    build_site.py                      all units, assembled into site/
    build_site.py --unit ID... --out DIR   units (report ids, or "beranda") into DIR/ID
    build_site.py --plan 20 [--changed FILE]   the CI matrix: units in at most 20 jobs
                                       (without --changed: the reports' units; the home
                                       unit is built from their rows after them)
    build_site.py --shard 2/20 --out DIR   units 2, 22, 42, ... (1-based) into DIR
    build_site.py --assemble DIR       the units built into DIR, assembled into site/
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

KEEP = 2  # previous builds kept for a quick rollback


def commit_time(root: Path) -> str:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


HOME = "beranda"  # lkip_build.publish.units.HOME (tests/test_units.py checks); no import here:
# planning runs before any package is installed (the CI's first job)
# changes to these never change a page; every other file outside data/<id>/ and
# content/<id>/ (the home page, assets, mkdocs.yml, the code) may change every unit
NO_PAGE = ("tests/", "bench/", ".github/", "schema/", ".vscode/", "scripts/lkip_changed.py")


def unit_names(root: Path) -> list[str]:
    """The home unit, then every report folder under data/, in name order."""
    data = root / "data"
    return (
        [HOME, *sorted(p.name for p in data.iterdir() if p.is_dir())] if data.is_dir() else [HOME]
    )


def touched(root: Path, changed: list[str]) -> list[str]:
    """The units a change to `changed` (paths in the repository) needs built again: a
    report's own files rebuild it and the home page (its row in the portal table);
    anything else that can change a page rebuilds every unit."""
    names = unit_names(root)
    out: set[str] = set()
    for path in changed:
        parts = Path(path).parts
        if len(parts) > 2 and parts[0] in ("data", "content") and parts[1] != "assets":
            if parts[1] in names:
                out.update((HOME, parts[1]))  # a deleted report: the home page only
            else:
                out.add(HOME)
        elif len(parts) == 2 and parts[0] == "content" and path.endswith(".md"):
            out.add(HOME)  # a top-level page
        elif not (path.startswith(NO_PAGE) or (len(parts) == 1 and path.endswith(".md"))):
            return names
    return [n for n in names if n in out]


def plan(names: list[str], runners: int) -> dict[str, list[dict[str, object]]]:
    """A GitHub Actions matrix: at most `runners` jobs, each a list of units (i, i+N, ...).
    With more units than runners the home unit has a job of its own: it reads every report
    (ARCHITECTURE.md, "Publishing by units"), so it is the longest unit by far."""
    groups: list[list[str]] = []
    rest = names
    if HOME in names and len(names) > runners > 1:
        groups, rest = [[HOME]], [n for n in names if n != HOME]
    n = max(1, min(runners - len(groups), len(rest)))
    groups += [rest[i::n] for i in range(n) if rest[i::n]]
    return {"include": [{"bagian": i + 1, "unit": " ".join(g)} for i, g in enumerate(groups)]}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def generate(config: Path, out: Path) -> list[str]:
    """Plain MkDocs over an exported unit, strict; the warnings that stopped it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    caught = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(caught)
    logger.propagate = False  # no copy on stderr: they are reported with the unit's problems
    try:
        build(load_config(str(config), site_dir=str(out), strict=True))
    except MkDocsException as exc:
        return caught.messages or [str(exc)]
    finally:
        logger.removeHandler(caught)
    return []


ANSI = re.compile(r"\x1b\[[0-9;]*m")
# one issue as Zensical prints it (ANSI codes removed):
#   Warning: page does not exist
#       ╭─[ bab-1-pendahuluan.md:27:9 ]
ZENSICAL_ISSUE = re.compile(r"^(?:Warning|Error): (.+)\n\s*╭─\[ ?(.+?):(\d+):(\d+) ?\]", re.M)


def generate_zensical(config: Path, out: Path) -> list[str]:
    """Zensical over an exported unit, strict (its mkdocs.yml says `strict: true`); the
    warnings that stopped it, worded as MkDocs words them ("Doc file 'x.md' ...") so that
    units.generator_problems puts each at its page. Zensical writes only inside the folder
    of its config (site_dir must be within it): it builds into <that folder>/site, which
    is then moved to `out`. It prints to the process's fd 1 and 2 (Rust), not to
    sys.stdout, sys.stderr or logging: both are caught (a process builds one unit at a
    time). A failed build leaves a partial site in the work folder, never in `out`."""
    import zensical

    site = config.parent / "site"
    shutil.rmtree(site, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    failed: Exception | None = None
    with tempfile.TemporaryFile() as progress, tempfile.TemporaryFile() as issues:
        saved = os.dup(1), os.dup(2)
        os.dup2(progress.fileno(), 1)
        os.dup2(issues.fileno(), 2)
        try:
            zensical.build(str(config.resolve()), {"clean": True, "strict": True})
        except Exception as exc:  # strict abort, template error, configuration error
            failed = exc
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        issues.seek(0)
        text = ANSI.sub("", issues.read().decode("utf-8", "replace"))
    warnings = [
        f"Doc file '{page}' (baris {line}, kolom {col}): {message}"
        for message, page, line, col in ZENSICAL_ISSUE.findall(text)
    ]
    if failed is not None or warnings:
        return warnings or [str(failed)]
    shutil.rmtree(out, ignore_errors=True)
    shutil.move(str(site), str(out))
    return []


GENERATORS = {"mkdocs": ("MkDocs", generate), "zensical": ("Zensical", generate_zensical)}


def generator() -> str:
    """LKIP_GENERATOR: mkdocs (the default) or zensical (`make site GENERATOR=zensical`)."""
    name = os.environ.get("LKIP_GENERATOR") or "mkdocs"
    if name not in GENERATORS:
        raise SystemExit(f"LKIP_GENERATOR={name}: pilih salah satu dari {', '.join(GENERATORS)}")
    return name


def build_unit(root: Path, name: str, parts: Path) -> list:
    """One unit into parts/<name>; its problems (none: it is built). The home unit is
    built from the rows of the report units in `parts` when every report's is there
    (`units.rows_in`), else from every report's pass."""
    from lkip_build.problems import Collector, LkipError, guard
    from lkip_build.publish import pdf
    from lkip_build.publish.assemble import finish
    from lkip_build.publish.units import export_unit, generator_problems, rows_in

    out = parts / name
    shutil.rmtree(out, ignore_errors=True)
    problems = Collector()
    with tempfile.TemporaryDirectory(prefix=f"lkip-{name}-") as work:
        try:
            with guard(name, problems):
                kind = generator()
                label, generate_with = GENERATORS[kind]
                rows = rows_in(parts, unit_names(root)[1:]) if name == HOME else None
                unit = export_unit(root, Path(work), name, pdf.available(), kind, rows)
                gc.freeze()  # the unit's pass, kept till its end, out of the collector's scans
                warnings = generate_with(Path(work) / "mkdocs.yml", out)
                if warnings:
                    raise LkipError(generator_problems(name, warnings, label))
                finish(unit, out)
        except LkipError as exc:
            problems.extend(exc.problems)
    gc.unfreeze()  # a worker builds the next unit: this one's objects can go
    if problems.errors:
        shutil.rmtree(out, ignore_errors=True)
    return problems.problems


def build_units(root: Path, names: list[str], parts: Path) -> list:
    """Every unit of `names` into `parts`, one process per core; every problem, once."""
    from lkip_build.publish.reaper import follow_parent

    parts.mkdir(parents=True, exist_ok=True)
    # LKIP_JOBS: how many units at once (1: one after another, in this process)
    jobs = int(os.environ.get("LKIP_JOBS") or 0) or os.cpu_count() or 1
    # the reports first: the home unit is built from their rows (ARCHITECTURE.md)
    reports = [n for n in names if n != HOME]
    workers = max(1, min(len(reports), jobs))
    if workers == 1:
        found = [build_unit(root, n, parts) for n in reports]
    else:
        # spawn, not fork: a forked child of a process whose chart threads (vl-convert) or
        # logging held a lock can wait on it forever
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=spawn, initializer=follow_parent) as pool:
            found = list(
                pool.map(build_unit, [root] * len(reports), reports, [parts] * len(reports))
            )
    if HOME in names:
        found.append(build_unit(root, HOME, parts))
    from lkip_build import cache

    cache.prune()  # what no build used for a month (at most once a day)
    seen: dict[str, object] = {}
    for problems in found:
        for p in problems:
            seen.setdefault(repr(p), p)  # the home unit repeats a broken report's problems
    return list(seen.values())


def report(problems: list) -> int:
    from lkip_build.problems import LkipError, exit_status

    if not problems:
        return 0
    print(LkipError(problems).render(), file=sys.stderr)
    return exit_status(problems)


def publish(root: Path, site: str, fill) -> int:
    """`fill(folder)` makes the site in a fresh folder; only a success replaces `site`."""
    builds = root / ".builds"
    builds.mkdir(exist_ok=True)
    fresh = builds / f"site-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    n = 1
    while fresh.exists():  # a second build in the same second, by the same process
        n += 1
        fresh = fresh.with_name(f"{fresh.name.split('~')[0]}~{n}")
    status = fill(fresh)
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build gagal: {site}/ tidak diubah", file=sys.stderr)
        return status
    target = root / site
    if target.exists() and not target.is_symlink():
        shutil.rmtree(target)  # a plain folder from an older `mkdocs build`
    link = root / f".{site}.new"
    link.unlink(missing_ok=True)
    link.symlink_to(fresh.relative_to(root))
    os.replace(link, target)  # atomic: readers see the old site or the new one, never half
    for old in sorted(builds.glob("site-*"))[: -KEEP - 1]:
        if old != fresh:
            shutil.rmtree(old, ignore_errors=True)
    print(f"{site}/ -> {fresh.relative_to(root)}")
    return 0


def assemble_into(parts: Path, fresh: Path) -> int:
    from lkip_build.problems import LkipError
    from lkip_build.publish.assemble import assemble

    if not (parts / HOME).is_dir():
        print(
            f"{parts}/{HOME} tidak ada: bangun unit beranda dulu (--unit {HOME})", file=sys.stderr
        )
        return 2
    try:
        assemble(parts, fresh)
    except LkipError as exc:
        return report(exc.problems)
    return 0


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="build_site.py", description=__doc__.split("\n")[0])
    p.add_argument(
        "--unit", nargs="+", metavar="ID", help="build these units (report ids, beranda)"
    )
    p.add_argument("--shard", metavar="I/N", help="build units I, I+N, ... (I from 1)")
    p.add_argument("--out", type=Path, help="folder for the built units (--unit, --shard)")
    p.add_argument("--assemble", type=Path, metavar="DIR", help="assemble units built in DIR")
    p.add_argument(
        "--plan",
        type=int,
        metavar="RUNNERS",
        help="print the CI matrix (JSON) over every unit, or, with --changed, the touched ones",
    )
    p.add_argument("--changed", type=Path, metavar="FILE", help="changed paths, one a line")
    return p.parse_args(argv)


def shard(names: list[str], spec: str) -> list[str]:
    i, n = (int(x) for x in spec.split("/", 1))
    if not 1 <= i <= n:
        raise SystemExit(f"--shard {spec}: I harus 1..N")
    return names[i - 1 :: n]


def main(argv: list[str] | None = None, root: Path | None = None, site: str = "site") -> int:
    args = parse(argv)
    root = (root or Path.cwd()).resolve()
    sys.path.insert(0, str(root))
    os.environ.setdefault("SOURCE_DATE_EPOCH", commit_time(root))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if args.assemble:
        return publish(root, site, lambda fresh: assemble_into(args.assemble.resolve(), fresh))
    names = unit_names(root)
    if args.plan:
        if args.changed:
            names = touched(root, args.changed.read_text(encoding="utf-8").split())
        else:  # publishing: the home unit is built after the matrix, from its rows
            names = [n for n in names if n != HOME]
        print(json.dumps(plan(names, args.plan)))
        return 0
    if args.unit or args.shard:
        if args.out is None:
            raise SystemExit("--unit dan --shard memerlukan --out DIR")
        chosen = args.unit if args.unit else shard(names, args.shard)
        return report(build_units(root, chosen, args.out.resolve()))

    def everything(fresh: Path) -> int:
        with tempfile.TemporaryDirectory(prefix="lkip-units-", dir=root / ".builds") as parts:
            status = report(build_units(root, names, Path(parts)))
            return status or assemble_into(Path(parts), fresh)

    return publish(root, site, everything)


if __name__ == "__main__":
    sys.exit(main())
