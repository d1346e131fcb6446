"""`make bench-impor`: how much of a published report `lkip import` reproduces, and how fast.

Imports the NTT seed's text (tests/impor/) and every corpus fragment (tests/corpus/*/
SOURCE.md) into a temporary repository, compares each draft with the same report entered
by hand (lkip_build/importer/compare.py) and prints, per report, the values reproduced,
pending, wrong (and of those, flagged by the draft's own check) and missing, with the time
from `lkip import` to a draft that `lkip check` reads.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkip_build.cli import main  # noqa: E402
from lkip_build.importer.compare import compare  # noqa: E402


def run(rid: str, text: str, hand: Path, hand_root: Path, options: list[str], tmp: Path) -> str:
    root = tmp / rid
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    src = root / "sumber.txt"
    src.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    assert main(["import", str(src), "--id", rid, "--root", str(root), *options]) == 0
    imported = time.perf_counter() - start
    main(["check", str(root / "data" / rid)])
    checked = time.perf_counter() - start
    c = compare(hand, hand_root, root / "data" / rid, root)
    t = c.overall
    flagged = len(t.wrong) - len(t.unflagged)
    return (
        f"| {rid} | {t.total} | {t.reproduced} ({t.share:.0%}) | {t.pending} | "
        f"{len(t.wrong)} ({flagged}) | {len(t.missing)} | {imported:.2f} | {checked:.2f} |"
    )


def main_() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        out, err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = open("/dev/null", "w")  # noqa: SIM115 (the commands' output)
        try:
            seed = (ROOT / "tests" / "impor" / "lkip-ntt-disperindag-2021.txt").read_text()
            hand = ROOT / "data" / "ntt-disperindag-lkip-2021"
            rows.append(run("ntt-disperindag-lkip-2021", seed, hand, ROOT, [], tmp))
            for folder in sorted((ROOT / "tests" / "corpus").iterdir()):
                if not (folder / "data").is_dir():
                    continue
                rid = folder.name
                lap = yaml.safe_load((folder / "data" / rid / "laporan.yml").read_text())
                text = re.search(r"```text\n(.*?)```", (folder / "SOURCE.md").read_text(), re.S)
                options = ["--tahun", str(lap["tahun"]), "--tingkat", lap["tingkat"]]
                options += ["--jenis", lap["jenis_dokumen"], "--instansi", lap["instansi"]]
                assert text is not None
                rows.append(run(rid, text[1], folder / "data" / rid, folder, options, tmp))
        finally:
            sys.stdout.close()
            sys.stdout, sys.stderr = out, err
    head = (
        "laporan | nilai | sama | belum diisi | salah (ditandai) | tidak ada | impor s | + check s"
    )
    print(f"| {head} |")
    print("| --- | --: | --: | --: | --: | --: | --: | --: |")
    print("\n".join(rows))


if __name__ == "__main__":
    main_()
