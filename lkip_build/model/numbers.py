"""Indonesian numbers: parsing what editors type, formatting what readers see, terbilang.

One rounding rule in one place: half-up (84,725 -> 84,73), applied once, at display.
Python's round() and Babel round half-even, which readers would take for an error.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_INT = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)")
_DEC = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")


class AngkaError(ValueError):
    """The text is not a number written the Indonesian way; the message says why."""


class AngkaTerlaluBesar(AngkaError):
    """More digits than any figure of a report has (and than Python converts safely)."""


MAX_DIGITS = 18  # whole digits: up to 999 kuadriliun, beyond any budget of the Republic


def _digits(s: str) -> str:
    whole = s.split(",", 1)[0]
    if sum(c.isdigit() for c in whole) > MAX_DIGITS or len(s) > 60:
        raise AngkaTerlaluBesar(f"lebih dari {MAX_DIGITS} digit bulat")
    return s


def _clean(text: str) -> str:
    """Only ASCII is a number: invisible, look-alike and foreign characters are refused."""
    if any(c.isdigit() and not c.isascii() for c in text):
        raise AngkaError("memuat angka bukan-ASCII; ketik ulang dengan angka 0-9")
    if "\u2212" in text or "\u2013" in text:
        raise AngkaError("tanda minus harus '-' biasa, bukan tanda pisah")
    if not text.isascii() or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise AngkaError("memuat karakter tak terlihat atau bukan ASCII (mis. spasi tak terputus)")
    return text.strip(" ")


_ENGLISH = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def _meant(s: str, whole_only: bool = False) -> str:
    """ "; maksud Anda 1.630,5?" for a number written the English way (comma groups
    thousands, point before decimals), or "" when the text is not one. Digits as typed."""
    m = _ENGLISH.fullmatch(s)
    if m is None or ("," not in s and "." not in s):
        return ""
    sign, whole, frac = m.groups()
    if whole_only and frac:
        return ""
    shown = sign + _group(whole.replace(",", "")) + ("," + frac if frac else "")
    return f"; maksud Anda {shown}?"


def parse_int(text: str) -> int:
    """`13.519.650.516`, `13519650516`, `-807` -> int. `-` alone means zero (a nil cell)."""
    s = _digits(_clean(text))
    if s == "-":
        return 0
    if not _INT.fullmatch(s):
        if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", s):
            raise AngkaError(f"koma bukan pemisah ribuan{_meant(s)}")
        if "," in s:
            raise AngkaError("harus bilangan bulat (tanpa koma desimal)")
        if re.fullmatch(r"[+-]?\d+\.\d+", s):
            raise AngkaError(
                "titik adalah pemisah ribuan dan harus diikuti tepat 3 angka (contoh: 1.500)"
            )
        raise AngkaError("bukan bilangan bulat")
    return int(s.replace(".", ""))


def parse_decimal(text: str) -> Decimal:
    """`44,32`, `1.593`, `1.234,5`, `-7,37` -> Decimal. Dot groups thousands, comma is decimal."""
    s = _digits(_clean(text))
    if s.endswith("%"):
        s = s[:-1].rstrip()
    if not _DEC.fullmatch(s):
        if re.fullmatch(r"[+-]?\d+\.\d+", s):
            raise AngkaError(
                "titik adalah pemisah ribuan (harus diikuti tepat 3 angka); "
                f"desimal ditulis dengan koma, contoh 44,32{_meant(s)}"
            )
        raise AngkaError(f"bukan angka (contoh yang benar: 1.593 atau 44,32){_meant(s)}")
    try:
        return Decimal(s.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise AngkaError("bukan angka") from exc


def parse_uang(text: str) -> int | Decimal:
    """Money: `13.519.650.516`, `13.519.650.516,00` -> int; `1.234,50` keeps its sen exactly
    (Decimal). `Rp`, `Rp.` and a trailing `,-` are how amounts are written: accepted."""
    s = _clean(text).strip()
    for prefix in ("Rp.", "Rp"):
        s = s.removeprefix(prefix).strip()
    s = s.removesuffix(",-")
    whole, comma, sen = s.partition(",")
    if comma and not re.fullmatch(r"\d{2}", sen):
        raise AngkaError("sen ditulis dengan dua angka setelah koma (contoh: 1.234,50)")
    value = parse_int(whole)
    if not comma or int(sen) == 0:
        return value
    exact = Decimal(value) + (Decimal(sen) / 100 if value >= 0 else -Decimal(sen) / 100)
    return exact if not whole.startswith("-") or value else -exact


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(digits: str) -> str:
    out: list[str] = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def format_int(value: int) -> str:
    """13519650516 -> '13.519.650.516'."""
    sign = "-" if value < 0 else ""
    return sign + _group(str(abs(value)))


# A percentage is never shown as a boundary it has not reached: 99,9986 % of a budget
# spent is 99,99 %, not 100,00 % (the site would say "all spent" where it was not).
PERCENT_BOUNDS: frozenset[Decimal] = frozenset({Decimal(0), Decimal(100)})


def round_shown(value: Decimal, places: int, bounds: frozenset[Decimal] = frozenset()) -> Decimal:
    """Half-up, except that a value not exactly on a boundary is never rounded onto it:
    it stays one unit away, on its own side (84,996 beside a band bound of 85 is 84,99)."""
    q = round_half_up(value, places)
    if q != value and q in bounds:
        unit = Decimal(1).scaleb(-places)
        q = q - unit if value < q else q + unit
    return q


def format_decimal(
    value: Decimal, places: int = 2, trim: bool = False, bounds: frozenset[Decimal] = frozenset()
) -> str:
    """Decimal -> '88,64' (half-up). With trim, whole numbers lose their decimals ('100')."""
    q = round_shown(value, places, bounds)
    if trim and q == q.to_integral_value():
        q = q.quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    return sign + _group(whole) + ("," + frac if frac else "")


def format_pct(value: Decimal, bounds: frozenset[Decimal] = PERCENT_BOUNDS) -> str:
    """A percentage with two decimals, never shown on a boundary it has not reached."""
    return format_decimal(value, 2, bounds=bounds | PERCENT_BOUNDS)


def format_persen(value: Decimal, places: int = 2) -> str:
    """Decimal -> '88,64 %' (the report writes a space before %)."""
    return f"{format_decimal(value, places, bounds=PERCENT_BOUNDS)} %"


def format_rupiah(value: int) -> str:
    """One rupiah style everywhere: 'Rp13.519.650.516' (no space, no ',-')."""
    return ("-Rp" if value < 0 else "Rp") + format_int(abs(value))


_SATUAN = [
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]
_SKALA = [
    (10**15, "kuadriliun"),
    (10**12, "triliun"),
    (10**9, "miliar"),
    (10**6, "juta"),
]


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    ratus, rest = divmod(n, 100)
    if ratus == 1:
        words.append("seratus")
    elif ratus > 1:
        words += [_SATUAN[ratus], "ratus"]
    if rest < 12:
        if rest:
            words.append(_SATUAN[rest])
    elif rest < 20:
        words += [_SATUAN[rest - 10], "belas"]
    else:
        puluh, satu = divmod(rest, 10)
        words += [_SATUAN[puluh], "puluh"]
        if satu:
            words.append(_SATUAN[satu])
    return words


def terbilang(n: int) -> str:
    """An amount in Indonesian words: 1001000 -> 'satu juta seribu'."""
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= 10**18:
        raise ValueError("terlalu besar untuk terbilang")
    words: list[str] = []
    for size, name in _SKALA:
        chunk, n = divmod(n, size)
        if chunk:
            words += [*_terbilang_chunk(chunk), name]
    ribu, n = divmod(n, 1000)
    if ribu == 1:
        words.append("seribu")
    elif ribu:
        words += [*_below_thousand(ribu), "ribu"]
    words += _below_thousand(n)
    return " ".join(words)


def _terbilang_chunk(n: int) -> list[str]:
    # A chunk in front of juta/miliar may itself exceed a thousand (only for kuadriliun).
    return terbilang(n).split() if n >= 1000 else _below_thousand(n)


def terbilang_rupiah(n: int | Decimal) -> str:
    """'Tiga Belas Miliar ... Rupiah', capitalised as legal documents write it; an amount
    with sen ends '... Rupiah Lima Puluh Sen'."""
    whole = int(n)
    sen = int(round_half_up((Decimal(n) - whole) * 100, 0)) if isinstance(n, Decimal) else 0
    words = f"{terbilang(whole)} rupiah" + (f" {terbilang(abs(sen))} sen" if sen else "")
    return " ".join(w.capitalize() for w in words.split())
