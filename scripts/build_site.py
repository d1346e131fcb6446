"""Build the site atomically and reproducibly: `make site` runs this.

The site is built into a fresh folder under .builds/; only a build that succeeds (strict,
every check passed) replaces `site`, by renaming a symlink, which is atomic. A failed
build leaves the last good site untouched: `mkdocs build --strict` writes every page
before it aborts, so building in place could leave a complete-looking, wrong site.
SOURCE_DATE_EPOCH is the last commit's time, so two builds of a commit are identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


def main(root: Path | None = None, site: str = "site") -> int:
    root = root or Path.cwd()
    builds = root / ".builds"
    builds.mkdir(exist_ok=True)
    fresh = builds / f"site-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", commit_time(root))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    result = subprocess.run(cmd, cwd=root, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build gagal: {site}/ tidak diubah", file=sys.stderr)
        return result.returncode
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


if __name__ == "__main__":
    sys.exit(main())
