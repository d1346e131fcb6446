"""The live preview as an editor uses it: `make serve` (mkdocs serve --dirty) on a copy of the
repository. A data edit reaches the served page; a broken save shows its problems in the
page, in Indonesian, and the server keeps serving; the next good save brings it back."""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from lkip_build.cli import main as lkip_main
from lkip_build.publish import preview

from .conftest import MKDOCS, ROOT, preview_repo, serving, tiny_site

RID = "ntt-disperindag-lkip-2021"
PAGE = f"/{RID}/bab-3-akuntabilitas-kinerja/"
OTHER = "lebak-disperindag-renja-2021"


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except OSError:
        return ""


def _fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as r:
        return bytes(r.read())


def _until(url: str, wanted: str, seconds: float = 240) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _fetch(url)
        if wanted in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{wanted!r} never appeared at {url}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    # another report: a broken save of one leaves it as it is
    repo = preview_repo(tmp_path_factory.mktemp("preview"), (RID, OTHER))
    with serving(repo) as (url, _):
        _until(url + PAGE, "Tabel 3.2")
        yield repo, url


def _search(url: str) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(_fetch_bytes(f"{url}/search/search_index.json"))["docs"]
    return docs


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_data_edit_reaches_the_page_and_a_broken_save_shows_its_problems(
    served: tuple[Path, str],
) -> None:
    repo, url = served
    budget = repo / "data" / RID / "anggaran.yml"
    before = _search(url)
    # a budget realisation (Tabel 3.23's first leaf), as an editor would change it
    _edit(budget, "realisasi: 111.514.950", "realisasi: 111.514.951")
    page = _until(url + PAGE, "111.514.951")
    # search in the preview still finds every page, once, and the new figure
    after = _search(url)
    assert len({(d["location"], d["title"]) for d in after}) == len(after), "an entry twice"
    was, now = ({d["location"].split("#")[0] for d in i} for i in (before, after))
    assert was == now, (was - now, now - was)
    bab2 = [[d for d in i if "/bab-2-" in d["location"]] for i in (before, after)]
    assert bab2[0] and bab2[0] == bab2[1]  # a page the save did not render, as it was
    assert any("111.514.951" in d["text"] for d in after)
    assert not any("111.514.950" in d["text"] for d in after)
    # and the preview then rests: the browser is told to reload once, not again and again
    epoch = re.search(r"livereload\((\d+), (\d+)\)", page)
    assert epoch is not None
    poll = f"{url}/livereload/{epoch[1]}/{epoch[2]}"
    with pytest.raises(OSError), urllib.request.urlopen(poll, timeout=3) as r:
        # no newer build within 3 s: the long poll times out
        raise AssertionError(f"rebuilt again without a save: epoch {r.read()!r}")
    # its download is written again, with the new amount
    csv = _fetch_bytes(f"{url}/{RID}/unduh/tabel-3-23.csv")
    assert b",111514951," in csv and b",111514950," not in csv
    # its charts, drawn while the pages were rendered, are the ones a build draws; the
    # build publishes once the totals the document prints are accepted as printed
    assert lkip_main(["check", "--terima", str(repo / "data" / RID)]) == 0
    built = repo / "built"
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(built)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "LKIP_PDF": "0", "LKIP_CACHE": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    charts = sorted(set(re.findall(r"grafik/[a-z0-9-]+\.svg", page)))
    assert "grafik/anggaran-apbd.svg" in charts
    for chart in charts:
        served = _fetch_bytes(f"{url}/{RID}/{chart}")
        assert served == (built / RID / chart).read_bytes(), chart
    # broken: a letter in an amount. The report's pages say so in a panel, with file,
    # line, field and code, over the figures of the last good save; the home page and the
    # other report are served as they were, without it
    other = _fetch(f"{url}/{OTHER}/")
    assert other and "lkip-panel" not in other
    _edit(budget, "realisasi: 111.514.951", "realisasi: 111.514.95x")
    page = _until(url + PAGE, "lkip-panel")
    panel = page[page.index("lkip-panel") : page.index("</details>")]
    assert "anggaran.yml:" in panel and "realisasi" in panel and "[bad-number]" in panel
    assert "111.514.95x" in panel and "simpanan terakhir yang berhasil" in panel
    assert "1 kesalahan" in panel  # the summary line, errors first
    assert "111.514.951" in page  # the last good figures, said to be so
    for elsewhere in (f"{url}/", f"{url}/{OTHER}/"):
        shown = _fetch(elsewhere)
        assert shown and "lkip-panel" not in shown, elsewhere
    assert "Data belum bisa ditampilkan" not in _fetch(f"{url}/{OTHER}/")
    # fixed (the figure the notes were accepted for): the panel goes
    _edit(budget, "realisasi: 111.514.95x", "realisasi: 111.514.951")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = _fetch(url + PAGE)
        if page and "lkip-panel" not in page:
            break
        time.sleep(0.2)
    assert "lkip-panel" not in page and "111.514.951" in page


def _hook_module() -> ModuleType:
    """hooks/lkip.py loaded as MkDocs loads it (a file, not a package module)."""
    spec = importlib.util.spec_from_file_location(
        "lkip_hook_under_test", ROOT / "hooks" / "lkip.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "hooks"))  # MkDocs puts the hook's folder there meanwhile
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    return module


def _server(folder: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
    server.watch(str(folder))
    return server


def test_the_preview_hears_a_save_from_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs polls every 0,5 s (half of save-to-page); the hook has the system tell it."""
    monkeypatch.delenv("LKIP_WATCH", raising=False)
    server = _hook_module().on_serve(_server(tmp_path), config=None, builder=lambda: None)
    assert not isinstance(server.observer, PollingObserver)
    assert list(server._watched_paths) == [str(tmp_path)]
    server.observer.start()
    try:
        (tmp_path / "anggaran.yml").write_text("realisasi: 1\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild  # a save asks for a rebuild
    finally:
        server.observer.stop()
        server.observer.join()


def test_reading_a_watched_file_asks_for_no_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every rebuild reads the data; the system reports those reads too. Counted as saves,
    each rebuild started the next, for ever, and the browser reloaded five times a second."""
    monkeypatch.delenv("LKIP_WATCH", raising=False)
    data = tmp_path / "anggaran.yml"
    data.write_text("realisasi: 1\n", encoding="utf-8")
    server = _hook_module().on_serve(_server(tmp_path), config=None, builder=lambda: None)
    server.observer.start()
    try:
        time.sleep(0.3)  # the watch is in place
        for _ in range(3):
            assert data.read_text(encoding="utf-8") == "realisasi: 1\n"
        time.sleep(0.5)
        assert not server._want_rebuild
        data.write_text("realisasi: 2\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild
    finally:
        server.observer.stop()
        server.observer.join()


class _Node:
    loop: object


def test_what_the_preview_keeps_is_out_of_the_collectors_scans_till_idle() -> None:
    """After a rebuild the preview's memory is frozen (no full scan of 20 reports on the
    next save); what a save left in a cycle goes once no rebuild has run for a while."""
    left = _Node()
    left.loop = left  # only the cyclic collector can free it
    gone = weakref.ref(left)
    try:
        preview.settle(idle=0.3)  # the first build: collected at once, nothing pending
        assert gc.get_freeze_count() > 0 and not preview._tidying
        preview.settle(idle=0.3)  # a save's rebuild
        del left
        gc.collect()
        assert gone() is not None  # frozen: a collection during a rebuild does not scan it
        preview.rebuilding()
        time.sleep(1)
        assert gone() is not None  # not while a rebuild runs
        preview.settle(idle=0.3)
        deadline = time.monotonic() + 10
        while gone() is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gone() is None  # idle: collected
    finally:
        preview.stop_settling()
    assert gc.get_freeze_count() == 0


def test_the_theme_is_listed_once_and_an_override_added_still_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(tiny_site(tmp_path, "# Uji\n")))
    hook = _hook_module()
    walks: list[object] = []
    walk = jinja2.FileSystemLoader.list_templates
    monkeypatch.setattr(
        jinja2.FileSystemLoader, "list_templates", lambda self: walks.append(1) or walk(self)
    )

    def theme_files() -> set[str]:
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return {f.src_uri for f in files}

    assert hook.serve.theme_listed_once is not None  # hooks/lkip_preview.py, as MkDocs loads it
    hook.serve.theme_listed_once(config)
    first = theme_files()
    assert any(f.startswith("assets/javascripts/bundle.") for f in first)  # Material's
    assert theme_files() == first and len(walks) == 1  # the second rebuild: not walked again
    (tmp_path / "overrides" / "assets").mkdir(exist_ok=True)
    (tmp_path / "overrides" / "assets" / "baru.css").write_text("a{}", encoding="utf-8")
    assert theme_files() == first | {"assets/baru.css"}


def test_polling_stays_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKIP_WATCH", "polling")
    server = _hook_module().on_serve(_server(tmp_path), config=None, builder=lambda: None)
    assert isinstance(server.observer, PollingObserver)


def _serve_tiny(tmp_path: Path, **popen: Any) -> subprocess.Popen[str]:
    """`mkdocs serve` of a one-page site, returned once it serves the page."""
    config = tiny_site(tmp_path, "# Uji\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LKIP_PDF": "0", "LKIP_CACHE": "0"}
    serve: subprocess.Popen[str] = subprocess.Popen(
        [*MKDOCS, "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        **popen,
    )
    try:
        _until(f"http://127.0.0.1:{port}/uji-2021/", "Uji", seconds=120)
    except AssertionError:
        serve.kill()
        raise
    return serve


@pytest.mark.parametrize("ignored", [False, True], ids=["sigint", "sigint-ignored"])
def test_ctrl_c_stops_the_preview_without_a_traceback(tmp_path: Path, ignored: bool) -> None:
    """Ctrl-C in the editor's terminal reaches the preview and its chart helpers (one
    process group): it stops, and no process prints a traceback. Also when the preview
    was started with SIGINT ignored (`make serve &`, nohup, `make test` run that way)."""

    def start() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN if ignored else signal.SIG_DFL)

    # its own process group, as a terminal's foreground job
    serve = _serve_tiny(
        tmp_path, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=start
    )
    try:
        time.sleep(2)  # the chart helpers have started
        os.killpg(serve.pid, signal.SIGINT)
        _, err = serve.communicate(timeout=60)
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
    assert "Traceback" not in err, err[-3000:]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_a_killed_preview_leaves_no_helper_running(tmp_path: Path) -> None:
    """SIGTERM (an IDE stopping the task) reaches the preview only: its chart helpers see
    their parent gone and end, rather than waiting on their queue for ever."""
    serve = _serve_tiny(tmp_path, stderr=subprocess.PIPE, text=True)
    helpers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(helpers) < 2 and time.monotonic() < deadline:
            helpers = _children(serve.pid)
            time.sleep(0.2)
        assert helpers, "the preview started no chart helper"
        serve.terminate()
        _, err = serve.communicate(timeout=30)
        assert "leaked semaphore" not in err and "Traceback" not in err, err[-3000:]
        deadline = time.monotonic() + 15
        while any(_running(p) for p in helpers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_running(p) for p in helpers), helpers
    finally:
        if serve.poll() is None:
            serve.kill()
        for p in helpers:
            if _running(p):
                os.kill(p, signal.SIGKILL)
