"""The words of these reports that say what a column, a row or a table holds.

Recognition works from this vocabulary only (DOMAIN.md's words, the column headers every
LKIP/LAKIP/LKjIP prints), never from one document's table numbers or layout; the test
suite greps the importer for report-specific strings. A column whose header matches no
role is `lain`: its cells are kept as text (a list), never mapped by position.
"""

from __future__ import annotations

import re
import unicodedata

# column role -> header patterns, tried in order on the column's full header (parent
# header and its own, lower case); the first role that matches wins
ROLES: list[tuple[str, str]] = [
    ("no", r"^(no|nomor|no urut)\.?$"),
    ("tahun_dasar", r"tahun dasar|baseline|kondisi awal|capaian tahun lalu|realisasi tahun lalu"),
    ("capaian", r"capaian|pencapaian|% ?capaian|persentase capaian"),
    ("fisik", r"fisik"),
    ("sisa", r"\bsisa\b"),
    ("persen", r"^%$|keu\b.*%|keu ?\(%\)|\bkeu\b|serapan|\(%\)$|^%\s|persentase|presentase"),
    ("selisih", r"selisih|kenaikan|penurunan"),
    ("pagu", r"\bpagu\b|alokasi|anggaran"),
    ("target", r"\btarget\b|\brencana\b"),
    ("realisasi", r"realisasi|reliasasi|realisai"),
    ("satuan", r"^satuan|\bsatuan\b"),
    ("jumlah", r"^(jumlah|total|jml)\b"),
    ("indikator", r"indikator"),
    ("sasaran", r"sasaran"),
    (
        "label",
        r"program|kegiatan|uraian|nama|jenis|golongan|pendidikan|jabatan|eselon|unit|bidang|kelamin|barang|komoditas|bahan",
    ),
]

# a row whose label says it is a sum or a mean, not an item
TOTAL_ROW = re.compile(r"^(jumlah|total|grand total|sub ?total|jumlah total)\b", re.I)


def is_total(label: str, nomor: str = "") -> bool:
    """A sum row ("Jumlah", "J U M L A H", "TOTAL ANGGARAN 2021"), not an item named with
    the word ("1. Jumlah wirausaha baru"): no row number, a short label."""
    if nomor or len(label) > 40:
        return False
    return bool(TOTAL_ROW.match(label) or TOTAL_ROW.match(label.replace(" ", "")))


MEAN_ROW = re.compile(r"^rata\s*-?\s*rata\b", re.I)

# words of a staff composition (kepegawaian)
STAFF = re.compile(
    r"pegawai|\basn\b|\bpns\b|sumber daya manusia|\bsdm\b|jenis kelamin|pendidikan|golongan|"
    r"eselon|jabatan|aparatur",
    re.I,
)
SEX_COLUMNS = ("l", "p")
PRICE = re.compile(r"\bharga\b", re.I)

# sources of funds (sumber dana): id, name, the words that name it
FUNDS: list[tuple[str, str, str]] = [
    ("apbn", "APBN", r"\bapbn\b|dekon|dekonsentrasi|\bdipa\b|tugas pembantuan|\bpnbp\b"),
    ("apbd", "APBD", r"\bapbd\b|\bdak\b|\bdau\b"),
]

KINDS = {  # report kind (jenis_dokumen) -> the words that name it on a cover
    "LKjIP": r"\blkjip\b|laporan kinerja instansi pemerintah",
    "LAKIP": r"\blakip\b|akuntabilitas kinerja instansi pemerintah",
    "LKIP": r"\blkip\b",
    "LKj": r"\blkj\b|laporan kinerja\b",
}
LEVELS = [  # tingkat -> words of the government it belongs to
    ("provinsi", r"\bprovinsi\b"),
    ("kabupaten", r"\bkabupaten\b|\bkab\.\s"),
    ("kota", r"\bkota\b"),
    ("nasional", r"\bkementerian\b|\bbadan\b|\blembaga\b|\bdirektorat\b|\bnasional\b"),
]
AGENCY = re.compile(
    r"^(dinas|badan|inspektorat|sekretariat|kantor|direktorat|pusat|balai|biro|"
    r"kementerian|lembaga|rumah sakit|satuan|bappeda|bagian|unit)\b",
    re.I,
)


# acronyms a title keeps in capitals ("DINAS ... NTT" -> "Dinas ... NTT")
ACRONYMS = {
    "LKIP",
    "LAKIP",
    "LKJIP",
    "LKJ",
    "SAKIP",
    "APBD",
    "APBN",
    "ASN",
    "PNS",
    "OPD",
    "SKPD",
    "UPTD",
    "UPT",
    "IKU",
    "RPJMD",
    "RKPD",
    "RKT",
    "DIPA",
    "DAK",
    "DAU",
    "RI",
    "BLUD",
    "PPK",
}


def norm(text: str) -> str:
    """Lower case, accents and punctuation folded, single spaces: how headers compare."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"[^\w%()/ ]+", " ", t.lower())
    return re.sub(r"\s+", " ", t).strip()


def role(header: str) -> str:
    h = norm(header)
    if not h:
        return ""
    for name, pattern in ROLES:
        if re.search(pattern, h):
            return name
    return "lain"


def fund_of(text: str) -> tuple[str, str] | None:
    t = norm(text)
    for ident, name, pattern in FUNDS:
        if re.search(pattern, t):
            return ident, name
    return None


def slug(text: str, limit: int = 40) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] or s[:limit]
    return s or "x"
