"""Fixtures: the repository root, and tiny reports written into tmp_path."""

from __future__ import annotations

import contextlib
import html
import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import urllib.parse
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from lkip_build import model as m
from lkip_build.problems import Collector

ROOT = Path(__file__).resolve().parent.parent

LAPORAN = """\
id: {id}
jenis_dokumen: LKIP
judul: Laporan Kinerja Uji
instansi: Dinas Uji
pemerintah: Pemerintah Kabupaten Uji
tingkat: kabupaten
wilayah: Uji
tahun: 2021
skala_capaian:
  - batas_bawah: 85
    kategori: Sangat Berhasil
  - batas_bawah: 75
    kategori: Berhasil
  - kategori: Belum Berhasil
halaman:
  - file: index.md
    judul: Sampul
"""


@pytest.fixture
def root() -> Path:
    return ROOT


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def make_report(tmp_path: Path):
    """Write a report folder data/<id>/ with laporan.yml and the given files; return data/."""

    def make(files: dict[str, str] | None = None, rid: str = "uji-2021") -> Path:
        data = tmp_path / "data"
        write(data / rid, {"laporan.yml": LAPORAN.format(id=rid), **(files or {})})
        return data

    return make


def codes(problems: Collector) -> list[str]:
    return [p.code for p in problems.problems]


MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(
    config: Path, out: Path, pdf: bool = False, cache: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A strict build; PDFs (slow: a browser per report) only when a test asks for them;
    `cache` is its LKIP_CACHE (the environment's when None)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LKIP_PDF": "1" if pdf else "0"}
    if cache is not None:
        env["LKIP_CACHE"] = cache
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


# a tiny site per scenario, built in tmp_path


def preview_repo(repo: Path, reports: tuple[str, ...]) -> Path:
    """A copy of the repository's site files and of these reports, for a preview to serve."""
    for name in ("mkdocs.yml", "hooks", "overrides", "content/index.md", "content/assets"):
        src, dst = ROOT / name, repo / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst)
    for rid in reports:
        shutil.copytree(ROOT / "data" / rid, repo / "data" / rid)
        shutil.copytree(ROOT / "content" / rid, repo / "content" / rid)
    return repo


@contextlib.contextmanager
def serving(repo: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`mkdocs serve --dirty` of `repo` on a free port (no PDF, no cache): its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LKIP_PDF": "0", "LKIP_CACHE": "0"}
    serve = subprocess.Popen(
        [*MKDOCS, "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}", serve
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def tiny_site(tmp_path: Path, page: str, files: dict[str, str] | None = None) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    write(tmp_path / "content", {"index.md": "# Beranda\n\n<!-- lkip:daftar-laporan -->\n"})
    # every asset mkdocs.yml names (the unit build checks that each link lands on a file)
    shutil.copytree(ROOT / "content" / "assets", tmp_path / "content" / "assets")
    write(tmp_path / "content" / "uji-2021", {"index.md": page})
    write(
        tmp_path / "data" / "uji-2021",
        {"laporan.yml": LAPORAN.format(id="uji-2021"), **(files or {})},
    )
    return tmp_path / "mkdocs.yml"


def publish(
    root: Path,
    files: dict[str, str] | None = None,
    pages: dict[str, str] | None = None,
    laporan: str | None = None,
    rid: str = "uji-2021",
):
    """A report written under root/ and the build's own pass run on it, as `lkip check`
    runs it: prepare, then expand every page (the generated ones too). Returns
    (publication, expanded pages); LkipError when the pass refuses the report."""
    write(root / "data" / rid, {"laporan.yml": laporan or LAPORAN.format(id=rid), **(files or {})})
    write(root / "content" / rid, pages or {"index.md": "# Uji\n"})
    built = _run(root)
    return built, built.pages


class Built:
    """A publication with its pages expanded, for tests: the Publication's figures and the
    Expansion's pages, tables and files under one name."""

    def __init__(self, publication, expansion) -> None:
        self.publication = publication
        self.expansion = expansion
        self.extra_files: dict = {}
        self.extra_tables: dict = {}

    def __getattr__(self, name: str):
        if hasattr(self.expansion, name):
            return getattr(self.expansion, name)
        return getattr(self.publication, name)

    @property
    def page_files(self):
        return {**self.expansion.files, **self.extra_files}

    @property
    def rendered(self):
        return {**self.expansion.rendered, **self.extra_tables}

    def expand_one(self, src: str, text: str) -> str:
        """One more page expanded against the expansion (as the live preview does); what it
        drew and asked for is kept beside the expansion's own."""
        from lkip_build.present.markers import expand
        from lkip_build.problems import Collector

        problems = Collector()
        page = self.expansion.context(src)
        out = expand(text, page, problems)
        problems.raise_if_any()
        self.extra_files[src] = page.files
        self.extra_tables[src] = page.rendered
        return out

    def expand_pages(self, sources):
        self.expansion = self.publication.expand_pages(sources)
        return self.expansion.pages

    def with_pdf(self, pdf: bool) -> Built:
        from dataclasses import replace

        publication = self.publication.with_pdf(pdf)
        return Built(publication, replace(self.expansion, publication=publication))


def built(root: Path = ROOT, **kw) -> Built:
    """The build's own pass over a repository: prepare, then expand every page."""
    return _run(root, **kw)


def _run(root: Path, only: str | None = None) -> Built:
    """The one pipeline (no writer, no page checks: tests of figures and markers)."""
    from lkip_build.publish import pipeline

    scope = pipeline.report(only) if only else pipeline.ALL
    result = pipeline.run(root, scope, check_pages=False)
    return Built(result.publication, result.expansion)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print what the robustness suite covered, as the issue asks: counts, and failures."""
    here = Path(__file__).parent
    fixtures = len(list((here / "conformance").glob("*.case")))
    payloads = sum(
        1
        for line in (here / "payloads" / "html-injection.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line
    )
    from . import test_generated as g
    from . import test_pipeline_generated as pipeline

    generated = g.N_PARSER + 2 * g.N_ROUNDTRIP + 2 * g.N_LOADER + 3 * 300  # + test_audit's
    # the whole pass on generated reports, emptied values, mutations of the NTT data
    generated += pipeline.N_PIPELINE + pipeline.N_EMPTY + pipeline.N_MUTATION
    failed = len(terminalreporter.stats.get("failed", []))
    terminalreporter.write_sep("-", "lkip robustness")
    terminalreporter.write_line(
        f"conformance fixtures: {fixtures}; injection payloads: {payloads}; "
        f"generated cases (configured): {generated}; failures: {failed}"
    )


def model_laporan(
    policy: Decimal | None = Decimal(100),
    bands: tuple[tuple[int | None, str], ...] = ((85, "A"), (None, "B")),
) -> m.Laporan:
    """A report identity built in memory, for tests of computation, audit and charts."""
    return m.Laporan(
        id="x",
        jenis_dokumen="LKIP",
        judul="x",
        instansi="x",
        pemerintah="x",
        tingkat="kota",
        wilayah="x",
        tahun=2021,
        skala_capaian=[
            m.Kategori(batas_bawah=None if lo is None else Decimal(lo), kategori=k)
            for lo, k in bands
        ],
        kebijakan=m.Kebijakan(capaian_target_na=policy),
    )


# The fields the issue asks every finding to carry in `lkip check --json` (for editors).
FINDING_KEYS = {
    "code",
    "severity",
    "file",
    "line",
    "table",
    "field",
    "stated",
    "computed",
    "difference",
    "message",
}
# The same note in the published catatan.json and the data bundle: Indonesian keys, numbers
# as numbers beside their texts (issue 10).
PUBLIC_FINDING_KEYS = {
    "id",
    "diterima",
    "alasan_diterima",
    "sifat",
    "kode",
    "judul_kode",
    "tempat",
    "perihal",
    "kalimat",
    "tertulis",
    "tertulis_teks",
    "tertulis_terbaca",
    "hasil_hitung",
    "hasil_hitung_teks",
    "selisih",
    "selisih_teks",
    "berkas",
    "baris",
    "isian",
    "pesan",
    "sebab",
}


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's site, built strict once for the whole run (no PDF)."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
URL = re.compile(r'((?:href|src|srcset)=")([^"]*)(")')
# what Zensical writes in the content and MkDocs does not (its skip link's target), and
# the attribute it drops (nothing of ours reads it in HTML)
ZENSICAL_ONLY = re.compile(r'<a id="__skip" tabindex="-1"></a>\s*| data-search-exclude(?:="")?')


def articles(site: Path, normal: bool = False) -> dict[str, str]:
    """Every page's main content (`<article>`); `normal`: its relative URLs as site paths
    (generators write the same target in different forms) and Zensical's own marks out."""
    out = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html" or "/404.html" in rel:
            continue
        m = ARTICLE.search(page.read_text(encoding="utf-8"))
        text = m.group(1).strip() if m else ""
        if normal:
            here = posixpath.dirname(rel)
            text = PRE.sub(_code_text, text)
            text = ZENSICAL_ONLY.sub("", URL.sub(lambda u, h=here: _site_path(u, h), text))
        out[rel] = text
    return out


# a code block by its text: Zensical highlights fenced code (Pygments spans, its own
# escaping), MkDocs does not; the text shown is the same
PRE = re.compile(r'(?:<div class="highlight">)?<pre>(.*?)</pre>(?:</div>)?', re.S)


def _code_text(m: re.Match[str]) -> str:
    return (
        "<pre>" + html.escape(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()) + "</pre>"
    )


def _site_path(m: re.Match[str], here: str) -> str:
    def one(url: str) -> str:
        path, hash_, frag = url.partition("#")
        if (not path and hash_) or ":" in path or path.startswith("/"):
            return url
        # "" is this page; %C3%B1 is ñ
        target = posixpath.normpath(posixpath.join(here, urllib.parse.unquote(path) or "."))
        return ("/" + target).removesuffix("/index.html").rstrip("/") + "/" + hash_ + frag

    parts = [one(p.strip().split(" ")[0]) for p in m.group(2).split(",")]
    return m.group(1) + ",".join(parts) + m.group(3)
