"""What the live preview (`make serve`) needs beyond a build: a page that shows the problems
of a broken save in the browser, and a fingerprint of what each page was handed, so that
only pages that changed are rendered again."""

from __future__ import annotations

import hashlib
import html


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
