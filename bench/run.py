"""The benchmark: what our build costs over MkDocs, and how it grows with the reports.

For each size N (reports shaped like NTT's, bench/generate.py) it measures, as medians of
runs that alternate between the commands compared (so a busy machine slows both alike):
- `build`: our strict build without PDFs, charts from a warm cache;
- `cold`: the same with an empty chart cache;
- `plain`: plain MkDocs over the same pages already expanded (`lkip export`): the ratio
  build / plain is our overhead;
- `check`: `lkip check` of one report, and of the whole repository;
- `preview`: under `mkdocs serve`, seconds from saving one report's YAML to the page served
  with the change (N ≤ 20): the median and the slowest of 5 saves;
- `units`: `make site`, i.e. scripts/build_site.py: every report a unit of its own, built in
  a process pool (every core) and assembled; with its HTML bytes per report page and the
  search index a reader downloads on a report page (that report's) and on the home page;
- peak memory of the build, cpu/wall (the cores a command kept busy: `build` is one
  MkDocs process, `units` a pool of them), HTML bytes per page, and the bytes of search
  index a reader downloads when opening search.
`--only-units` measures only `build`, `plain` and `units` (the larger sizes take long);
`--only-preview` only the preview.
It prints a table and writes JSON (build/bench.json). Not part of `make test`: `make bench`.

    python bench/run.py --sizes 1 10 40 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
# as a user's shell runs it: bytecode written (some sandboxes set PYTHONDONTWRITEBYTECODE,
# which makes every command compile the package again)
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "LKIP_PDF": "0",
}


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (KiB) and cpu/wall (cores kept busy) of one
    command, its children included."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{err[-3000:]}")
    return seconds, usage.ru_maxrss, (usage.ru_utime + usage.ru_stime) / seconds


def alternate(commands: dict[str, tuple[list[str], Path, dict[str, str]]], repeat: int):
    """Each command `repeat` times, in turn: {name: (median seconds, peak KiB, median
    cpu/wall)}."""
    runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (cmd, cwd, env) in commands.items():
            runs[name].append(timed(cmd, cwd, env))
    return {
        name: (
            statistics.median(t for t, _, _ in r),
            max(m for _, m, _ in r),
            statistics.median(c for _, _, c in r),
        )
        for name, r in runs.items()
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return bytes(r.read())
    except OSError:
        return None


SAVES = 5  # saves measured per preview, 2 s apart: its median and its slowest


def preview(repo: Path, rid: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from saving a budget realisation to the served Bab III showing it: the median
    and the slowest of SAVES saves, each of a new value, as an editor saves while working
    (the first 2 s after the preview started serving are left to its chart helpers)."""
    port = free_port()
    serve = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{rid}/bab-3-akuntabilitas-kinerja/"
    budget = repo / "data" / rid / "anggaran.yml"
    text = budget.read_text(encoding="utf-8")
    try:
        deadline = time.time() + 300
        while fetch(url) is None and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(2)
        marker = "            realisasi: "
        at = text.index(marker) + len(marker)
        end = text.index("\n", at)
        took = []
        for i in range(SAVES):
            value = f"1.234.56{i}"
            budget.write_text(text[:at] + value + text[end:], encoding="utf-8")
            saved = time.perf_counter()
            while time.perf_counter() - saved < 120:
                page = fetch(url)
                if page is not None and value.encode() in page:
                    break
                time.sleep(0.02)
            took.append(time.perf_counter() - saved)
            time.sleep(2)
        return statistics.median(took), max(took)
    finally:
        budget.write_text(text, encoding="utf-8")
        serve.terminate()
        serve.wait(timeout=30)


def sizes(site: Path) -> tuple[float, int]:
    pages = [p for p in site.rglob("index.html") if p.parent != site]
    per_page = statistics.mean(p.stat().st_size for p in pages) if pages else 0.0
    search = site / "search" / "search_index.json"
    return per_page, search.stat().st_size if search.exists() else 0


def unit_sizes(site: Path) -> dict[str, float]:
    """A report page's HTML and the search index a reader of it downloads (its report's),
    and the home page's."""
    reports = [d for d in site.iterdir() if d.is_dir() and (d / "search").is_dir()]
    pages = [p for d in reports for p in d.rglob("index.html")]
    indexes = [d / "search" / "search_index.json" for d in reports]
    return {
        "units_html_kb_per_page": statistics.mean(p.stat().st_size for p in pages) / 1000,
        "units_search_kb": statistics.mean(p.stat().st_size for p in indexes) / 1000,
        "home_html_kb": (site / "index.html").stat().st_size / 1000,
        "home_search_kb": (site / "search" / "search_index.json").stat().st_size / 1000,
    }


def measure(
    n: int, repeat: int, work: Path, with_preview: bool, only_units: bool = False
) -> dict[str, float]:
    repo = work / f"repo-{n}"
    ids = generate(repo, n)
    cache = work / f"cache-{n}"
    warm = {**ENV, "LKIP_CACHE": str(cache)}
    cold = {**ENV, "LKIP_CACHE": "0"}
    mkdocs, lkip = str(BIN / "mkdocs"), str(BIN / "lkip")
    exported = work / f"export-{n}"
    subprocess.run(
        [lkip, "export", str(exported)], cwd=repo, env=warm, check=True, capture_output=True
    )
    timed([mkdocs, "build", "--strict", "-d", str(work / "warmup")], repo, warm)
    units = [sys.executable, str(ROOT / "scripts" / "build_site.py")]
    commands = {
        "build": ([mkdocs, "build", "--strict", "-d", str(work / f"site-{n}")], repo, warm),
        "plain": ([mkdocs, "build", "--strict", "-d", str(work / f"plain-{n}")], exported, ENV),
        "units": (units, repo, warm),
    }
    if not only_units:
        commands["cold"] = (
            [mkdocs, "build", "--strict", "-d", str(work / f"cold-{n}")],
            repo,
            cold,
        )
        commands["check_one"] = ([lkip, "check", f"data/{ids[0]}"], repo, ENV)
        commands["check_all"] = ([lkip, "check", "."], repo, ENV)
    result = alternate(commands, repeat)
    per_page, search = sizes(work / f"site-{n}")
    out = {
        "reports": n,
        "build_s": result["build"][0],
        "plain_s": result["plain"][0],
        "overhead": result["build"][0] / result["plain"][0],
        "build_s_per_report": result["build"][0] / n,
        "units_s": result["units"][0],
        "units_ratio": result["units"][0] / result["plain"][0],
        "units_s_per_report": result["units"][0] / n,
        "build_cpu": result["build"][2],
        "units_cpu": result["units"][2],
        "peak_mib": result["build"][1] / 1024,
        "html_kb_per_page": per_page / 1000,
        "search_kb": search / 1000,
        "cpu_cores": os.cpu_count() or 1,
        **unit_sizes((repo / "site").resolve()),
    }
    if not only_units:
        out.update(
            cold_s=result["cold"][0],
            cold_ratio=result["cold"][0] / result["plain"][0],
            check_one_s=result["check_one"][0],
            check_all_s=result["check_all"][0],
        )
    if with_preview and not only_units:
        out["preview_s"], out["preview_max_s"] = preview(repo, ids[0], warm)
    return out


def measure_preview(n: int, work: Path) -> dict[str, float]:
    repo = work / f"repo-{n}"
    ids = generate(repo, n)
    warm = {**ENV, "LKIP_CACHE": str(work / f"cache-{n}")}
    timed([str(BIN / "mkdocs"), "build", "--strict", "-d", str(work / "warmup")], repo, warm)
    median, slowest = preview(repo, ids[0], warm)
    return {"reports": n, "preview_s": median, "preview_max_s": slowest}


COLUMNS = [
    ("reports", "laporan", "{:.0f}"),
    ("build_s", "build s", "{:.2f}"),
    ("plain_s", "MkDocs s", "{:.2f}"),
    ("overhead", "rasio", "{:.2f}"),
    ("cold_ratio", "rasio dingin", "{:.2f}"),
    ("build_s_per_report", "s/laporan", "{:.2f}"),
    ("build_cpu", "cpu/wall", "{:.2f}"),
    ("check_one_s", "check 1 s", "{:.3f}"),
    ("check_all_s", "check semua s", "{:.2f}"),
    ("preview_s", "pratinjau s", "{:.2f}"),
    ("preview_max_s", "pratinjau maks s", "{:.2f}"),
    ("peak_mib", "memori MiB", "{:.0f}"),
    ("html_kb_per_page", "HTML KB/hal", "{:.0f}"),
    ("search_kb", "cari KB", "{:.0f}"),
    ("units_s", "unit s", "{:.2f}"),
    ("units_ratio", "rasio unit", "{:.2f}"),
    ("units_s_per_report", "unit s/laporan", "{:.3f}"),
    ("units_cpu", "unit cpu/wall", "{:.2f}"),
    ("units_html_kb_per_page", "unit HTML KB/hal", "{:.0f}"),
    ("units_search_kb", "unit cari KB", "{:.0f}"),
    ("home_html_kb", "beranda KB", "{:.0f}"),
    ("home_search_kb", "beranda cari KB", "{:.1f}"),
]


def table(rows: list[dict[str, float]]) -> str:
    head = "| " + " | ".join(title for _, title, _ in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    lines = [head, rule]
    for row in rows:
        cells = [fmt.format(row[k]) if k in row else "—" for k, _, fmt in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--preview-max", type=int, default=20, help="measure preview up to N")
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    parser.add_argument("--only-units", action="store_true", help="build, plain and units only")
    parser.add_argument("--only-preview", action="store_true", help="the preview only")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="lkip-bench-") as tmp:
        for n in args.sizes:
            if args.only_preview:
                rows.append(measure_preview(n, Path(tmp)))
            else:
                preview_too = n <= args.preview_max
                rows.append(measure(n, args.repeat, Path(tmp), preview_too, args.only_units))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
