"""The portal's benchmark at national scale: N reports built as CI builds them, and what the
home page and the portal's search cost a reader (issue 19).

For each size N it generates a repository (bench/generate.py, `generate_mix`): `--ntt`
reports NTT-shaped (tables, charts: 3-5 core-seconds each, cold), the rest small (the Lebak
page: one page of prose, no table; every id, agency, level, region, year and kind of document
its own, so the filters have many values). Then, with an empty content cache and no PDF:
- the report units in `--shards` shards one after another (`build_site.py --shard I/S --out
  parts`), each timed; the NTT-shaped units alone once more (`--unit`, a cache of their
  own) for their time per report, so the small reports' time is the rest;
- the home unit from the report units' rows (`--unit beranda`), timed;
- assembly (`--assemble parts`), timed; and Pagefind's index from the parts' records
  again (`portalsearch.write_index` into a temporary folder, in this process: reading the
  fragments, writing the index, and `settle` once more), compared byte for byte with the
  site's;
- the sizes: the home page (raw and gzip'd), its JSON pages of rows, Pagefind's index (its
  bytes per report and per record, its files), the records per report of each shape;
- a reader, in headless Chromium over `python -m http.server`: the search page with
  `?kata=QUERY` until its first results are shown (every response under /pagefind/ and
  the page's whole load, in bytes as served and as a host gzips text), and the home page
  at 390 px wide (its whole load, and the time to the first row of its table).
It prints a Markdown table (one column per size) and writes JSON (build/bench-portal.json).
Not part of `make test`: `make bench-portal` (REPORTS=2000).

    python bench/portal.py --sizes 200 2000 --ntt 20 --shards 4
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_mix

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "scripts" / "build_site.py")]
# as CI runs it (LKIP_PDF=0: no PDF), with this checkout's package, bytecode written
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "LKIP_PDF": "0",
    "PYTHONPATH": str(ROOT),
}
CHROMIUM = "/usr/bin/chromium"
TEXT = ("text/", "javascript", "json", "svg", "xml")  # what a host serves gzip'd
GZIP_LEVEL = 6  # nginx's and most hosts' level


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and cpu/wall (cores kept busy) of one command, its children included;
    its output goes to a file (a pipe left unread would stop it), shown if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            log.seek(0)
            text = log.read().decode("utf-8", "replace")
            raise SystemExit(f"{' '.join(cmd)} gagal di {cwd}:\n{text[-4000:]}")
    return seconds, (usage.ru_utime + usage.ru_stime) / seconds


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def records(parts: Path, ids: list[str]) -> tuple[float, float]:
    """Records per unit of `ids` (mean) and the bytes of their fragments per unit."""
    from lkip_build.publish import portalsearch

    counts = [len(portalsearch.read_fragment(parts / i)) for i in ids]
    sizes = [(parts / i / portalsearch.FRAGMENT).stat().st_size for i in ids]
    return statistics.mean(counts), statistics.mean(sizes)


def index_again(parts: Path, names: list[str], site: Path) -> dict[str, Any]:
    """Pagefind's index from the parts' records once more, in this process, timed by step;
    and whether it is the site's, byte for byte."""
    from lkip_build.publish import portalsearch

    start = time.perf_counter()
    fragments = [portalsearch.read_fragment(parts / n) for n in names]
    read = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="lkip-pagefind-") as tmp:
        start = time.perf_counter()
        count = portalsearch.write_index(Path(tmp), fragments)
        written = time.perf_counter() - start
        start = time.perf_counter()
        portalsearch.settle(Path(tmp) / portalsearch.INDEX_DIR)
        settled = time.perf_counter() - start
        same = digest(Path(tmp) / portalsearch.INDEX_DIR) == digest(site / portalsearch.INDEX_DIR)
    return {
        "index_records": count,
        "index_read_s": read,
        "index_write_s": written,
        "index_settle_s": settled,
        "index_same": same,
    }


def sizes(site: Path) -> dict[str, Any]:
    from lkip_build.present.portal import ROWS_DIR
    from lkip_build.publish.portalsearch import INDEX_DIR

    home = (site / "index.html").read_bytes()
    pages = sorted((site / ROWS_DIR).glob("*.json")) if (site / ROWS_DIR).is_dir() else []
    one = pages[0].read_bytes() if pages else b""
    index = [p for p in (site / INDEX_DIR).rglob("*") if p.is_file()]
    by_kind: dict[str, int] = {}
    for p in index:  # its folders, its metadata, and its program (scripts, styles, wasm)
        at_root = "pf_meta" if p.suffix == ".pf_meta" else "program"
        kind = p.parent.name if p.parent.name != INDEX_DIR else at_root
        by_kind[kind] = by_kind.get(kind, 0) + p.stat().st_size
    return {
        "home_kb": len(home) / 1000,
        "home_gz_kb": gz(home) / 1000,
        "row_pages": len(pages),
        "row_page_kb": len(one) / 1000,
        "row_page_gz_kb": gz(one) / 1000,
        "index_mb": sum(p.stat().st_size for p in index) / 1e6,
        "index_files": len(index),
        "index_kb_by_folder": {k: v / 1000 for k, v in sorted(by_kind.items())},
    }


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """The built site over `python -m http.server` on a free port."""

    def __init__(self, site: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "-b", "127.0.0.1"],
            cwd=site.resolve(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url, timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.close()
        raise SystemExit(f"http.server tidak menjawab di {self.url}")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _loaded(responses: list[Any]) -> list[tuple[str, str, bytes]]:
    """(path, content type, body) of every response with a body."""
    from urllib.parse import urlsplit

    out = []
    for r in responses:
        try:
            body = r.body()
        except Exception:  # a redirect, or a response the browser dropped: no body
            continue
        out.append((urlsplit(r.url).path, r.headers.get("content-type", ""), body))
    return out


def _bytes(loaded: list[tuple[str, str, bytes]]) -> tuple[int, int]:
    """Bytes as served here (http.server compresses nothing) and as a host serves them
    (text gzip'd; Pagefind's own files are gzip'd already)."""
    raw = sum(len(b) for _, _, b in loaded)
    hosted = sum(gz(b) if any(t in kind for t in TEXT) else len(b) for _, kind, b in loaded)
    return raw, hosted


# the results of ?kata=...: the status says "N hasil" and the first min(N, 10) are shown
RESULTS = """() => {
  const s = document.querySelector('.lkip-cari-status');
  const m = s && s.textContent.match(/^(\\d+) hasil/);
  if (!m) return s && /^Tidak ada hasil/.test(s.textContent) ? 0 : false;
  return document.querySelectorAll('.lkip-cari-item').length >= Math.min(+m[1], 10) && +m[1];
}"""
# the time the first row of the home page's table is in the document
FIRST_ROW = """
new MutationObserver(function (_, observer) {
  if (document.querySelector('.lkip-portal tbody tr')) {
    window.lkipFirstRow = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def _search(browser: Any, url: str, query: str) -> tuple[float, dict[str, Any]]:
    """The search page with `?kata=query`, in a fresh context: milliseconds to its first
    results shown, and what it downloaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    start = time.perf_counter()
    page.goto(f"{url}cari/?kata={query}")
    found = page.wait_for_function(RESULTS, timeout=120_000).json_value()
    ms = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    loaded = _loaded(responses)
    context.close()
    pf = [x for x in loaded if x[0].startswith("/pagefind/")]
    kinds: dict[str, int] = {}
    for path, _, body in pf:
        rest = path.removeprefix("/pagefind/")
        kind = rest.split("/", 1)[0] if "/" in rest else rest.rsplit(".", 1)[-1]
        kinds[kind] = kinds.get(kind, 0) + len(body)
    raw, hosted = _bytes(loaded)
    return ms, {
        "query": query,
        "query_results": int(found),
        "query_pagefind_kb": sum(len(b) for _, _, b in pf) / 1000,
        "query_pagefind_files": len(pf),
        "query_pagefind_kb_by_kind": {k: v / 1000 for k, v in sorted(kinds.items())},
        "query_page_kb": raw / 1000,
        "query_page_hosted_kb": hosted / 1000,
    }


def _home(browser: Any, url: str) -> tuple[float, float, dict[str, Any]]:
    """The home page at 390 px, in a fresh context: milliseconds to the first row of its
    table and to its load event, and what it downloaded."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(FIRST_ROW)
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url, wait_until="load")
    page.wait_for_selector(".lkip-portal tbody tr")
    first = float(page.evaluate("window.lkipFirstRow || -1"))
    load = float(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
    page.wait_for_load_state("networkidle")
    loaded = _loaded(responses)
    context.close()
    raw, hosted = _bytes(loaded)
    pagefind = sum(len(b) for path, _, b in loaded if path.startswith("/pagefind/"))
    return (
        first,
        load,
        {
            "home_load_kb": raw / 1000,
            "home_load_hosted_kb": hosted / 1000,
            "home_load_files": len(loaded),
            "home_pagefind_kb": pagefind / 1000,
        },
    )


def browse(site: Path, query: str, repeat: int) -> dict[str, Any]:
    """A reader's search for `query` and their home page at 390 px, each in a fresh
    browser context (nothing cached), `repeat` times: times are medians, bytes the
    first load's."""
    from playwright.sync_api import sync_playwright

    served = Served(site)
    out: dict[str, Any] = {}
    search_ms, first_ms, load_ms = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(repeat):
                ms, searched = _search(browser, served.url, query)
                first, load, home = _home(browser, served.url)
                search_ms.append(ms)
                first_ms.append(first)
                load_ms.append(load)
                out = {**searched, **home, **out}  # the first load's bytes
            browser.close()
    finally:
        served.close()
    out.update(
        query_ms=statistics.median(search_ms),
        home_first_row_ms=statistics.median(first_ms),
        home_load_ms=statistics.median(load_ms),
    )
    return out


def measure(n: int, ntt: int, shards: int, query: str, repeat: int, work: Path) -> dict[str, Any]:
    repo = work / f"repo-{n}"
    start = time.perf_counter()
    small, shaped = generate_mix(repo, n, ntt)
    out: dict[str, Any] = {
        "reports": n,
        "small": len(small),
        "ntt": len(shaped),
        "shards": shards,
        "cpu_cores": os.cpu_count() or 1,
        "generate_s": time.perf_counter() - start,
    }
    parts = repo / "parts"
    for cache in (work / f"cache-{n}", work / f"cache-ntt-{n}"):  # cold, even in a kept --work
        shutil.rmtree(cache, ignore_errors=True)
    env = {**ENV, "LKIP_CACHE": str(work / f"cache-{n}")}
    shard_s, shard_cpu = [], []
    for i in range(1, shards + 1):
        seconds, cpu = timed([*BUILD, "--shard", f"{i}/{shards}", "--out", "parts"], repo, env)
        shard_s.append(seconds)
        shard_cpu.append(cpu)
        print(f"  {n}: shard {i}/{shards} {seconds:.1f} s (cpu/wall {cpu:.2f})", flush=True)
    out["shard_s"], out["shard_cpu"] = shard_s, shard_cpu
    out["shards_s"] = sum(shard_s)
    out["s_per_report"] = out["shards_s"] / n
    if shaped:
        alone = {**ENV, "LKIP_CACHE": str(work / f"cache-ntt-{n}")}
        seconds, _ = timed([*BUILD, "--unit", *shaped, "--out", str(work / "ntt")], repo, alone)
        shutil.rmtree(work / "ntt", ignore_errors=True)
        out["ntt_s_per_report"] = seconds / len(shaped)
        if small:
            out["small_s_per_report"] = (out["shards_s"] - seconds) / len(small)
    out["home_unit_s"], _ = timed([*BUILD, "--unit", "beranda", "--out", "parts"], repo, env)
    print(f"  {n}: beranda {out['home_unit_s']:.1f} s", flush=True)
    out["assemble_s"], _ = timed([*BUILD, "--assemble", "parts"], repo, env)
    print(f"  {n}: rakit {out['assemble_s']:.1f} s", flush=True)
    site = (repo / "site").resolve()
    out["records_small"], out["fragment_kb_small"] = records(parts, small) if small else (0, 0)
    out["records_ntt"], out["fragment_kb_ntt"] = records(parts, shaped) if shaped else (0, 0)
    out["fragment_kb_small"] /= 1000
    out["fragment_kb_ntt"] /= 1000
    out["records_home"] = records(parts, ["beranda"])[0]
    out.update(index_again(parts, ["beranda", *sorted(small + shaped)], site))
    out.update(sizes(site))
    out["index_kb_per_report"] = out["index_mb"] * 1000 / n
    # what grows with the records: all but Pagefind's program (its scripts and wasm)
    program = out["index_kb_by_folder"].get("program", 0.0)
    out["index_kb_per_record"] = (out["index_mb"] * 1000 - program) / out["index_records"]
    # all reports NTT-shaped, as if each record cost what one costs here
    out["index_mb_all_ntt"] = (program + out["index_kb_per_record"] * out["records_ntt"] * n) / 1000
    out.update(browse(site, query, repeat))
    # what of a query's download grows with the records: Pagefind's metadata (every page's
    # hash) and its filters (every filter's values, each with its pages), both loaded
    # whole by the search page; a projection to all reports NTT-shaped at this size
    kinds = out["query_pagefind_kb_by_kind"]
    growing = kinds.get("pf_meta", 0.0) + kinds.get("filter", 0.0)
    out["query_growing_b_per_record"] = growing * 1000 / out["index_records"]
    all_ntt = out["records_ntt"] * n + out["records_home"]
    out["query_kb_all_ntt"] = out["query_pagefind_kb"] + growing * (
        all_ntt / out["index_records"] - 1
    )
    return out


def num(value: float, decimals: int) -> str:
    """A number as the Indonesian tables write it: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


ROWS: list[tuple[str, str, int]] = [
    ("reports", "laporan", 0),
    ("small", "  kecil (1 halaman, tanpa tabel)", 0),
    ("ntt", "  berbentuk NTT (tabel, grafik)", 0),
    ("shards_s", "unit laporan, semua shard, s", 1),
    ("s_per_report", "  s/laporan", 3),
    ("small_s_per_report", "  s/laporan kecil", 3),
    ("ntt_s_per_report", "  s/laporan berbentuk NTT (terpisah)", 2),
    ("home_unit_s", "unit beranda s", 2),
    ("assemble_s", "rakit s", 1),
    ("index_write_s", "  indeks Pagefind (write_index) s", 1),
    ("index_settle_s", "  settle s", 2),
    ("index_read_s", "  baca rekaman s", 2),
    ("records_small", "rekaman cari/laporan kecil", 1),
    ("records_ntt", "rekaman cari/laporan berbentuk NTT", 1),
    ("index_records", "rekaman cari", 0),
    ("home_kb", "beranda HTML KB", 1),
    ("home_gz_kb", "  gzip KB", 1),
    ("row_pages", "halaman JSON baris", 0),
    ("row_page_kb", "  satu KB", 1),
    ("row_page_gz_kb", "  satu gzip KB", 1),
    ("home_load_kb", "beranda 390 px dimuat KB", 1),
    ("home_load_hosted_kb", "  gzip KB", 1),
    ("home_pagefind_kb", "  darinya /pagefind/ KB", 1),
    ("home_first_row_ms", "  baris pertama ms", 0),
    ("home_load_ms", "  load ms", 0),
    ("index_mb", "indeks Pagefind MB", 1),
    ("index_files", "  berkas", 0),
    ("index_kb_per_report", "  KB/laporan", 2),
    ("index_kb_per_record", "  KB/rekaman (tanpa program Pagefind)", 3),
    ("index_mb_all_ntt", "  proyeksi semua berbentuk NTT MB", 0),
    ("query_results", "cari: hasil", 0),
    ("query_pagefind_kb", "  diunduh dari /pagefind/ KB", 1),
    ("query_pagefind_files", "  berkas /pagefind/", 0),
    ("query_page_kb", "  seluruh halaman KB", 1),
    ("query_page_hosted_kb", "  seluruh halaman, gzip KB", 1),
    ("query_ms", "  sampai hasil tampil ms", 0),
    ("query_growing_b_per_record", "  pf_meta + filter, B/rekaman", 2),
    ("query_kb_all_ntt", "  proyeksi semua berbentuk NTT, /pagefind/ KB", 0),
]


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| ukuran | " + " | ".join(num(r["reports"], 0) for r in rows) + " |",
        "| --- |" + " --: |" * len(rows),
    ]
    for key, title, decimals in ROWS:
        cells = [
            num(r[key], decimals) if isinstance(r.get(key), int | float) else "—" for r in rows
        ]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--ntt", type=int, default=20, help="NTT-shaped reports per size")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--query", default="beras")
    parser.add_argument("--repeat", type=int, default=3, help="browser loads per size")
    parser.add_argument("--out", type=Path, default=Path("build/bench-portal.json"))
    parser.add_argument("--work", type=Path, help="keep the repositories and sites here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # this checkout's package, for the sizes and the index
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="lkip-bench-portal-") as tmp:
        work = args.work.resolve() if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            rows.append(measure(n, args.ntt, args.shards, args.query, args.repeat, work))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    cores = rows[-1]["cpu_cores"] if rows else 0
    print(
        f"\nLaporan sintetis: sebagian besar kecil (halaman Renja Lebak: satu halaman, tanpa "
        f"tabel), {args.ntt} berbentuk NTT; {args.shards} shard berurutan, cache konten "
        f"kosong, tanpa PDF, {cores} core. Cari: ?kata={args.query}.\n"
    )
    print(table(rows))
    print(f"JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
