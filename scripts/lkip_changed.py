"""`lkip check` on the reports whose files changed: the pre-commit hook's entry.

pre-commit passes the changed files (data/<id>/..., content/<id>/...); each report they
belong to is checked once, its chapters too. Files outside a report (the home page,
mkdocs.yml) are left to `make test`. The exit status is the worst of the checks (see
`lkip check --help`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the repository's own lkip_build, even without `pip install -e`

from lkip_build.cli import main as lkip  # noqa: E402


def reports(paths: list[str], root: Path = ROOT) -> list[str]:
    """The ids of the reports the paths belong to, each once, in order; a report folder
    that no longer exists (the change deleted it) has nothing to check."""
    out: list[str] = []
    for p in paths:
        parts = Path(p).parts
        if (
            len(parts) > 2
            and parts[0] in ("data", "content")
            and parts[1] not in out
            and (root / "data" / parts[1] / "laporan.yml").exists()
        ):
            out.append(parts[1])
    return out


def main(argv: list[str]) -> int:
    status = 0
    for rid in reports(argv):
        print(f"lkip check data/{rid}", file=sys.stderr)
        status = max(status, lkip(["check", str(ROOT / "data" / rid)]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
