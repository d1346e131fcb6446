"""What the live preview (`make serve`) needs beyond a build: a page that shows the problems
of a broken save in the browser, a fingerprint of what each page was handed, so that
only pages that changed are rendered again, and the collector kept off what it remembers."""

from __future__ import annotations

import gc
import hashlib
import html
import threading

_tidying: list[threading.Timer] = []  # the one pending collection, if any
_state = {"rebuilding": False, "settled": False}


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def broken_page(problems: str) -> str:
    """Every page while the data is broken: the problems as the terminal shows them (file,
    line, field, value, code), escaped, and what to do. The server keeps running; the next
    good save brings the pages back."""
    lines = [line for line in problems.splitlines() if line.strip()]
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    return (
        "# Data belum bisa ditampilkan\n\n"
        '<div class="lkip-galat" role="alert" markdown="0">\n'
        "<p>Simpanan terakhir berisi masalah. Perbaiki berkas yang disebut di bawah lalu "
        "simpan lagi: halaman ini dimuat ulang sendiri. Perintah <code>lkip check .</code> "
        "menampilkan daftar yang sama.</p>\n"
        f"<ul>\n{items}\n</ul>\n</div>\n"
    )


def panel(lines: list[str], stale: bool, absent: bool) -> str:
    """The preview's panel on each page of a report whose problems block publication:
    compact (the summary line, open; the list scrolls inside it), dismissable (a
    `<details>` the editor closes), most serious first (`problems.listing`). It says where
    the page's figures come from when the data could not be read."""
    head, *rest = lines
    if absent:
        state = "Data laporan ini belum bisa dibaca, jadi halamannya belum bisa ditampilkan."
    elif stale:
        state = (
            "Data laporan ini belum bisa dibaca: angka di halaman ini dari simpanan terakhir "
            "yang berhasil."
        )
    else:
        state = "Laporan ini belum bisa diterbitkan (`make site` berhenti)."
    items = "\n".join(
        f"<li><code>{html.escape(line.strip())}</code></li>"
        if line.startswith("  ")
        else f"<li><strong>{html.escape(line)}</strong></li>"
        for line in rest
    )
    return (
        '<details class="lkip-panel danger" open role="alert" data-search-exclude markdown="0">\n'
        f"<summary>{html.escape(state)} {html.escape(head.rstrip(':'))}</summary>\n"
        f'<ul class="lkip-panel-daftar">\n{items}\n</ul>\n'
        "<p>Perbaiki berkas yang disebut lalu simpan: halaman dimuat ulang sendiri. "
        "<code>make check</code> menampilkan daftar yang sama. Laporan lain tetap tampil "
        "seperti biasa.</p>\n</details>\n\n"
    )


def with_panel(markdown: str, box: str) -> str:
    """The panel under the page's title (before it, the title would become a section of
    its own in the search index), or at the top of a page without one."""
    if markdown.startswith("# "):
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{box}{rest}"
    return box + markdown


def absent_page(box: str) -> str:
    """A page of a report never read while the preview ran: the panel alone."""
    return "# Data belum bisa ditampilkan\n\n" + box


def rebuilding() -> None:
    """A rebuild starts: a pending collection waits for its end."""
    _state["rebuilding"] = True


def settle(idle: float = 10.0) -> None:
    """After a rebuild: what the preview remembers (every report's pass and pages) is taken
    out of the cyclic collector's scans (`gc.freeze`). Without it, every other save paid a
    full scan of it: 0,15 to 0,2 s at 20 reports, a fifth of the time from save to page.
    What a save replaced and left in a reference cycle (≈ 13.000 objects) is frozen too;
    it is collected `idle` seconds later, or, if a rebuild is running then, `idle` seconds
    after that (one collection pending at a time, so a run of saves cannot put it off for
    ever). The collection takes ≈ 0,18 s at 20 reports; every 10 s it meets a save about
    once in 50 (at 2 s, the bench's saves 2 s apart met it every time). After the
    preview's first build, what starting it left is collected at once, before any save."""
    _state["rebuilding"] = False
    if not _state["settled"]:
        gc.collect()
        gc.freeze()
        _state["settled"] = True
        return
    gc.freeze()
    if not (_tidying and _tidying[0].is_alive()):
        _collect_later(idle)


def _collect_later(idle: float) -> None:
    timer = threading.Timer(idle, _collect, args=(idle,))
    timer.daemon = True
    _tidying[:] = [timer]
    timer.start()


def _collect(idle: float) -> None:
    if _state["rebuilding"]:
        _collect_later(idle)
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def stop_settling() -> None:
    """The preview stops: no collection pending, nothing frozen."""
    for timer in _tidying:
        timer.cancel()
    _tidying.clear()
    _state.update(rebuilding=False, settled=False)
    gc.unfreeze()
