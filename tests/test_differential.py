"""One input, three paths: `lkip check`, the hook build (`mkdocs build --strict`, the
preview's code) and `make site` (the publishing units, assembled) give the same verdict and
the same problems (code, file, line); when they publish, the same page content.

A new kind of input gets one case here, not three. Data-level inputs are the conformance
cases (tests/test_conformance.py puts each through the three paths too); here are the
inputs an editor can put under content/: raw HTML, links, images and other files beside
chapters, pages outside the navigation, folders that are not reports, markers naming
another report, odd file names.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings

from lkip_build.cli import main
from lkip_build.codes import CODES
from lkip_build.problems import LkipError
from lkip_build.publish.site import prepare

from . import test_pipeline_generated as generated
from .conftest import LAPORAN, ROOT, articles, build, tiny_site, write

sys.path.insert(0, str(ROOT / "scripts"))
import build_site

LINE = re.compile(r"((?:data|content)/[^:\s]+?)(?::(\d+))?: .*\[([a-z0-9-]+)(?: cv-[^\]]*)?\]\s*$")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5f1b5e10000000049454e44ae426082"
)
SECOND = "lain-2022"


@dataclass
class Case:
    page: str  # content/uji-2021/index.md
    expect: set[tuple[str, int, str]] = field(default_factory=set)  # blocking problems
    files: dict[str, bytes | str] = field(default_factory=dict)  # more, under the root
    second_report: bool = False


U = "content/uji-2021/index.md"
CASES = {
    "raw-script": Case("# Uji\n\nTeks.\n\n<script>alert(1)</script>\n", {(U, 5, "unsafe-html")}),
    "inline-onerror": Case(
        '# Uji\n\nLihat <img src="foto.png" onerror="alert(1)"> ini.\n',
        {(U, 3, "unsafe-html")},
        {"content/uji-2021/foto.png": PNG},
    ),
    "link-to-no-page": Case("# Uji\n\nLihat [bab](bab-9.md).\n", {(U, 3, "html-link-broken")}),
    "anchor-nowhere": Case("# Uji\n\n\nLihat [atas](#tidak-ada).\n", {(U, 4, "html-link-broken")}),
    "anchor-on-another-page": Case(
        "# Uji\n\nLihat [catatan](catatan-verifikasi.md#tidak-ada).\n",
        {(U, 3, "html-link-broken")},
    ),
    "anchor-on-another-page-found": Case(
        "# Uji\n\nLihat [catatan](catatan-verifikasi.md#catatan-verifikasi-data).\n"
    ),
    # front matter and Windows line ends: the line is still the editor's
    "front-matter-and-crlf": Case(
        "---\r\njudul: Uji\r\n---\r\n# Uji\r\n\r\nLihat [bab](bab-9.md).\r\n",
        {(U, 6, "html-link-broken")},
    ),
    "file-name-in-indonesian-with-accents": Case(
        "# Uji\n\n![peta](peta-kabupaten-ñ.png)\n",
        files={"content/uji-2021/peta-kabupaten-ñ.png": PNG},
    ),
    # from the review of the one pipeline: each took the paths apart before its fix
    "raw-image-on-the-cover-page-and-in-the-print-view": Case(
        '# Uji\n\n<img src="gambar/peta.png" alt="peta">\n',
        files={"content/uji-2021/gambar/peta.png": PNG},
    ),
    "raw-address-of-a-markdown-file": Case(
        '# Uji\n\n<a href="catatan-verifikasi.md">catatan</a>\n', {(U, 3, "html-link-broken")}
    ),
    "raw-address-in-single-quotes-with-a-query": Case(
        "# Uji\n\n<a href='catatan-verifikasi/?a=1&amp;b=2'>catatan</a>\n"
    ),
    "home-links-by-reference-query-and-title": Case(
        "# Uji\n",
        files={
            "content/tentang.md": "# Tentang\n\n[laporan][r], [lagi](uji-2021/index.md?a=1), "
            "[sekali lagi](uji-2021/index.md 'judul').\n\n[r]: uji-2021/index.md\n"
        },
    ),
    "files-at-the-top-of-content": Case(
        "# Uji\n",
        files={
            "content/logo.png": PNG,
            "content/berkas/panduan.pdf": b"%PDF-1.4\n",
            "content/tentang.md": "# Tentang\n\n![logo](logo.png) [panduan](berkas/panduan.pdf)\n",
        },
    ),
    "a-page-in-another-markdown-suffix": Case(
        "# Uji\n",
        {("content/uji-2021/lampiran.markdown", 1, "page-not-in-nav")},
        {"content/uji-2021/lampiran.markdown": "# Lampiran\n"},
    ),
    "a-chapter-that-is-not-utf8": Case(
        "# Uji\n",
        {("content/uji-2021/catatan.md", 3, "not-utf8")},
        {"content/uji-2021/catatan.md": "# Catatan\n\nPeta Kab. Ma\xf1ana\n".encode("latin-1")},
    ),
    "absolute-link": Case("# Uji\n\nUnduh [data](/data.csv).\n", {(U, 3, "html-link-broken")}),
    "image-missing": Case("# Uji\n\n![foto](foto.png)\n", {(U, 3, "html-link-broken")}),
    "image-beside-chapter": Case(
        "# Uji\n\n![foto](gambar/foto.png)\n", files={"content/uji-2021/gambar/foto.png": PNG}
    ),
    "file-name-with-space": Case(
        "# Uji\n\nUnduh [lampiran](lampiran%20data.pdf).\n",
        files={"content/uji-2021/lampiran data.pdf": b"%PDF-1.4\n"},
    ),
    "page-outside-navigation": Case(
        "# Uji\n",
        {("content/uji-2021/catatan.md", 1, "page-not-in-nav")},
        {"content/uji-2021/catatan.md": "# Catatan\n\nTeks.\n"},
    ),
    "folder-that-is-not-a-report": Case(
        "# Uji\n",
        {("content/panduan/cara.md", 1, "page-not-in-nav")},
        {"content/panduan/cara.md": "# Cara\n\nTeks.\n"},
    ),
    "top-level-page": Case(
        "# Uji\n\nLihat [tentang situs](../tentang.md).\n",
        files={"content/tentang.md": "# Tentang\n\nLihat [laporan uji](uji-2021/index.md).\n"},
    ),
    "markdown-inside-html": Case(
        '# Uji\n\n<div class="catatan" markdown="1">\n\n**Penting**\n\n</div>\n'
    ),
    "link-and-figures-of-another-report": Case(
        f"# Uji\n\nLihat [laporan lain](../{SECOND}/index.md).\n\n<!-- lkip:sorotan {SECOND} -->\n",
        second_report=True,
    ),
    # markers are expanded wherever they stand, code included: the same everywhere
    "marker-in-inline-code": Case(
        "# Uji\n\nContoh:\n\n\n\n\n\nDan `<!-- lkip:nilai x -->` di teks.\n",
        {(U, 9, "unknown-value")},
    ),
    "portal-table-on-a-report-page-and-in-a-fence": Case(
        "# Uji\n\n```\n<!-- lkip:daftar-laporan -->\n```\n\n<!-- lkip:daftar-laporan -->\n"
    ),
    # another report's anchors: no path judges them (a unit is built without that page)
    "anchor-on-another-reports-page": Case(
        f"# Uji\n\nLihat [lain](../{SECOND}/index.md#tidak-ada).\n", second_report=True
    ),
    "unknown-marker": Case("# Uji\n\n<!-- lkip:tidak-ada -->\n", {(U, 3, "marker-unknown")}),
}


def found_in(output: str) -> set[tuple[str, int, str]]:
    out = set()
    for line in output.splitlines():
        m = LINE.search(line)
        if m and CODES[m.group(3)].severity == "error":
            out.add((m.group(1), int(m.group(2) or 0), m.group(3)))
    return out


def make(root: Path, case: Case) -> Path:
    config = tiny_site(root, case.page)
    for name, data in case.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    if case.second_report:
        laporan = LAPORAN.format(id=SECOND).replace("tahun: 2021", "tahun: 2022")
        write(root / "data" / SECOND, {"laporan.yml": laporan})
        write(
            root / "content" / SECOND,
            {"index.md": "# Lain\n\nKembali ke [uji](../uji-2021/index.md).\n"},
        )
    return config


@pytest.mark.parametrize("name", sorted(CASES))
def test_three_paths_one_verdict(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[name]
    root = tmp_path / "repo"
    root.mkdir()
    config = make(root, case)
    monkeypatch.setenv("LKIP_PDF", "0")
    monkeypatch.setenv("LKIP_JOBS", "1")  # the units one after another, in this process
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    checked = main(["check", str(root)])
    out = capsys.readouterr()
    by_check = found_in(out.out + out.err)

    hook = build(config, tmp_path / "hook")
    by_hook = found_in(hook.stderr)

    units = build_site.main([], root=root)
    by_units = found_in(capsys.readouterr().err)
    assembled, with_mkdocs = articles(root / "site"), articles(root / "site", normal=True)

    monkeypatch.setenv("LKIP_GENERATOR", "zensical")
    zensical = build_site.main([], root=root)
    by_zensical = found_in(capsys.readouterr().err)

    verdicts = {
        "check": checked == 0,
        "hook": hook.returncode == 0,
        "units": units == 0,
        "zensical": zensical == 0,
    }
    assert set(verdicts.values()) == {not case.expect}, (verdicts, hook.stderr[-3000:])
    assert by_check == case.expect, out
    assert by_hook == case.expect, hook.stderr[-3000:]
    assert by_units == case.expect
    assert by_zensical == case.expect
    if not case.expect:
        hooked = articles(tmp_path / "hook")
        assert set(hooked) == set(assembled)
        for page, content in hooked.items():
            assert assembled[page] == content, page
        # Zensical's pages against MkDocs' units, page by page, links as site paths
        by_zensical_pages = articles(root / "site", normal=True)
        assert set(by_zensical_pages) == set(with_mkdocs)
        for page, content in with_mkdocs.items():
            assert by_zensical_pages[page] == content, page
    shutil.rmtree(root / ".builds", ignore_errors=True)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(generated.reports())
def test_generated_reports_take_the_three_paths_alike(r: generated.Report) -> None:
    """Reports Hypothesis writes (tests/test_pipeline_generated.py), a page with a marker
    for every table and named figure: one verdict, the same problems, the same pages."""
    with (
        tempfile.TemporaryDirectory(prefix="lkip-diff-") as tmp,
        pytest.MonkeyPatch.context() as mp,
    ):
        root = Path(tmp)
        config = tiny_site(root, "# Uji\n")
        generated.write_report(root, r)
        try:
            page = generated.page_for(r, prepare(root))  # its figures' names, then the page
        except LkipError:
            page = "# Uji\n"
        (root / "content" / "uji-2021" / "index.md").write_text(page, encoding="utf-8")
        mp.setenv("LKIP_PDF", "0")
        mp.setenv("LKIP_JOBS", "1")
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            checked = main(["check", str(root)])
        hook = build(config, root / "hook")
        with (
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()) as units_err,
        ):
            units = build_site.main([], root=root)
        event("published" if checked == 0 else "refused")
        verdicts = {checked == 0, hook.returncode == 0, units == 0}
        assert len(verdicts) == 1, (checked, hook.stderr[-2000:], units_err.getvalue()[-2000:])
        if checked != 0:
            by_check = found_in(out.getvalue() + err.getvalue())
            assert found_in(hook.stderr) == by_check
            assert found_in(units_err.getvalue()) == by_check
        else:
            hooked, assembled = articles(root / "hook"), articles(root / "site")
            assert hooked == assembled
