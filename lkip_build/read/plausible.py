"""Figures that read as numbers but not as what their words say: warnings, never errors.

- `count-fraction`: a count with a fraction. An input of a formula, or a target, whose
  words name things counted whole (pelaku usaha, orang, dokumen, unit, ...) and whose
  value is not whole: "1.630,5 pelaku usaha" is usually a number typed the English way
  or a misplaced comma.
- `share-over-100`: a part above its whole. A `rasio` percentage of an indicator whose
  name says it is a share (cakupan, proporsi, persentase ... yang ...; not a growth:
  kenaikan, peningkatan, pertumbuhan, penurunan) whose `a` exceeds its `b`.

The words come from the vocabulary of these reports (DOMAIN.md), never from one document.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkip_build import model as m
from lkip_build.model import Location
from lkip_build.model.numbers import format_decimal
from lkip_build.problems import Collector
from lkip_build.read.report import Report

# things counted whole, as satuan and the inputs' words name them
COUNTED = re.compile(
    r"\b(orang|jiwa|pegawai|peserta|pelaku\s+usaha|usaha|ikm|umkm|ukm|perusahaan|"
    r"koperasi|unit|dokumen|paket|kegiatan|lokasi|desa|kelurahan|sekolah|pasar|izin|"
    r"sertifikat|produk|komoditas|kali|buah|sentra|kelompok|rumah\s+tangga)\b",
    re.IGNORECASE,
)
# words that make it a measure, not a count ("nilai ekspor unit usaha", "rata-rata ...")
MEASURED = re.compile(
    r"(%|\bpersen|\brata|\bnilai\b|\brupiah\b|\brp\b|\bton\b|\bkg\b|\bliter\b|\bindeks\b|"
    r"\bskor\b|\brasio\b|\bper\b|\bharga\b)",
    re.IGNORECASE,
)
SHARE = re.compile(r"^\s*(cakupan|proporsi|persentase|prosentase|tingkat)\b", re.IGNORECASE)
GROWTH = re.compile(r"(kenaikan|peningkatan|pertumbuhan|penurunan|perubahan)", re.IGNORECASE)


def _counted(words: str) -> bool:
    return bool(COUNTED.search(words)) and not MEASURED.search(words)


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def check(r: Report, problems: Collector) -> None:
    for ind in r.indicators():
        target = ind.target
        if isinstance(target, Decimal) and _counted(ind.satuan) and not _whole(target):
            where = Location(ind.lokasi.file, ind.lokasi.line, f"{ind.id}.target")
            _fraction(problems, where, target, ind.satuan)
        rumus = ind.realisasi
        if not isinstance(rumus, m.Rumus):
            continue
        for name in ("a", "b"):
            given = getattr(rumus, name)
            if not isinstance(given, m.Masukan) or not isinstance(given.nilai, Decimal):
                continue
            words = given.uraian or (ind.satuan if rumus.jenis == "langsung" else "")
            if _counted(words) and not _whole(given.nilai):
                where = Location(given.lokasi.file, given.lokasi.line, f"{ind.id}.{name}.nilai")
                _fraction(problems, where, given.nilai, words)
        a, b = (getattr(getattr(rumus, n), "nilai", None) for n in ("a", "b"))
        share = SHARE.search(ind.nama) and not GROWTH.search(ind.nama)
        if (
            rumus.jenis == "rasio"
            and rumus.faktor == 100
            and share
            and isinstance(a, Decimal)
            and isinstance(b, Decimal)
            and b > 0
            and a > b
        ):
            problems.add(
                "share-over-100",
                Location(rumus.lokasi.file, rumus.lokasi.line, f"{ind.id}.realisasi"),
                f"{ind.id}: a ({_shown(a)}) lebih besar dari b ({_shown(b)}), "
                f"jadi realisasinya di atas 100 %, padahal {ind.nama!r} adalah bagian dari "
                "keseluruhan; periksa apakah a dan b tertukar atau salah ketik",
            )


def _shown(value: Decimal) -> str:
    """As typed: every decimal the editor wrote, none added."""
    exponent = value.as_tuple().exponent
    return format_decimal(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def _fraction(problems: Collector, where: Location, value: Decimal, words: str) -> None:
    problems.add(
        "count-fraction",
        where,
        f"{_shown(value)} bukan bilangan bulat, padahal yang dihitung "
        f"({words.strip()}) dihitung utuh; periksa angkanya (bila ditulis cara Inggris, "
        "koma memisahkan ribuan: tulis 1.630, bukan 1,630)",
    )
