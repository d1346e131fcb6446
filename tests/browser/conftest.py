"""Real-browser fixtures: the site built strict into a tmp dir, served on 127.0.0.1, and
Debian's Chromium driven by Playwright.

Without /usr/bin/chromium or the `playwright` package every browser test is skipped, so
`make test` still passes on such a machine. Set LKIP_REQUIRE_BROWSER=1 (CI does, in .ci/run)
to make a missing browser fail the tests instead.
Never `playwright install`: we drive the system Chromium and download no browser.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from lkip_build.publish.pdf import FLAGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# the flags this machine needs (closed network, root, no GPU): the same as the PDF step
CHROMIUM_ARGS = [
    f for f in FLAGS if f not in ("--headless", "--no-pdf-header-footer", "--hide-scrollbars")
]
VENDOR = Path(__file__).resolve().parent / "vendor"
AXE = VENDOR / "axe.min.js"
# axe-core 4.14.1, the `axe.min.js` entry of the package's sri-history.json.
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="
SCREENSHOTS = Path(os.environ.get("LKIP_SCREENSHOTS", ROOT / "build" / "screenshots"))


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} is missing (apt-get install -y chromium fonts-liberation)"
    return None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("LKIP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (LKIP_REQUIRE_BROWSER=1), but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def browser_available() -> None:
    reason = _missing()
    if reason:
        _skip_or_fail(reason)


@pytest.fixture(scope="session")
def site_dir(browser_available: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as `make site` builds it (strict), into a tmp dir."""
    out = tmp_path_factory.mktemp("browser-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (search needs http://, not file://)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(browser_available: None) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page that reaches only our server: any other request is aborted, so no test
    waits on the network (Material links Google Fonts by default). JavaScript errors and
    requests to other hosts are kept in `page.js_errors` and `page.blocked`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    own = urlsplit(base_url).netloc
    pg = context.new_page()
    pg.js_errors = []  # type: ignore[attr-defined]
    pg.blocked = []  # type: ignore[attr-defined]

    def route(r: Any) -> None:
        if urlsplit(r.request.url).netloc == own:
            r.continue_()
        else:
            pg.blocked.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()

    context.route("**/*", route)
    pg.on("pageerror", lambda e: pg.js_errors.append(str(e)))  # type: ignore[attr-defined]
    pg.set_default_timeout(15_000)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, vendored in tests/browser/vendor/ (see the README there), checked against
    the published SRI hash so that a changed file is noticed."""
    data = AXE.read_bytes()
    sri = "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert sri == AXE_SRI, f"{AXE} is not axe-core 4.14.1 ({sri})"
    return data.decode("utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where tests write screenshots for a person to look at (not compared)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
