"""The audit's recorder: how a stated figure is read, compared and recorded as a finding.

Checks yield findings (`Problem`s with audit codes) instead of raising. A stated figure
(kept in `tertulis`) is compared with the figure computed from the inputs, with rounding
respected as an interval, as in XBRL Calculations 1.1: "97,80" stands for
[97,795; 97,805], and a computed value that comes from rounded inputs (yearly mean
prices) is itself an interval. The two agree when the intervals meet.

One module, though long: `Auditor` is the one recorder every audit module uses, and its
comparisons (number, words, category, claim) share this reading of stated figures and
this interval rule; most of the length is that one class.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from .. import claims, diagnosis
from .. import model as m
from ..compute import Computed
from ..model import Location
from ..numbers import (
    PERCENT_BOUNDS,
    AngkaError,
    format_decimal,
    format_int,
    parse_decimal,
    round_half_up,
    round_shown,
    terbilang,
)
from ..problems import Angka, Problem, problem
from ..skala import bands_of
from ..tables import label, rp
from ..terbilang import TerbilangError, baca_terbilang
from . import wording
from .wording import cap, place, sentence

WORDS_LIMIT = 10**18  # terbilang has no word past kuadriliun


# ---------------------------------------------------------------- reading stated figures

Interval = tuple[Decimal, Decimal]
Explain = Callable[[Decimal], list[diagnosis.Explanation]]


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-decimals - 1)


def stated_number(text: str, integer: bool) -> tuple[Decimal, int] | None:
    """A figure as a document prints it -> (value, decimals), tolerant of its habits.

    "13.519.650.516,-", "Rp. 4.350.000", "- 1.527", "-" (nil), "98.51" (English decimal
    point), "10,307" as a thousands group in an integer column. None when unreadable.
    """
    s = _bare(text)
    if s in ("-", ""):
        return (Decimal(0), 0) if s == "-" else None
    if integer:
        s = re.sub(r",0{1,2}$", "", s)  # "110.229.962.000,00": zero sen
        if re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+|[+-]?\d+", s):
            return Decimal(s.replace(".", "").replace(",", "")), 0
        if re.fullmatch(r"[+-]?[\d.]+", s):  # "13.157.342.97": a digit lost; read the digits
            return Decimal(s.replace(".", "")), 0
        return None
    try:
        value = parse_decimal(s)
        return value, len(s.rsplit(",", 1)[1]) if "," in s else 0
    except AngkaError:
        if re.fullmatch(r"[+-]?\d+\.\d{1,2}", s):  # "98.51": a decimal point typed English-style
            return Decimal(s), len(s.rsplit(".", 1)[1])
        return None


def _bare(text: str) -> str:
    """The figure alone: no "Rp.", "%", ",-", unit after it, or space after its sign."""
    s = text.strip().replace("Rp.", "").replace("Rp", "").replace("%", "").strip()
    s = s.removesuffix(",-").removesuffix(",").strip()
    # a figure printed with its unit: "4,88 per 1000 kelahiran hidup", "13 Kab/Kota"
    unit = re.fullmatch(r"([+-]?\s*[\d.,]*\d)\s+[^\d\s].*", s)
    if unit:
        s = unit.group(1).strip()
    return re.sub(r"^([+-])\s+", r"\1", s)


def grouping_broken(text: str) -> bool:
    """A whole number printed with dots that are no thousands grouping ("13.157.342.97"):
    it cannot be read as a number as printed. `stated_number` still reads its digits, for
    the diagnosis (a lost digit), but no difference is computed from that guess."""
    s = re.sub(r",0{1,2}$", "", _bare(text))
    return bool(
        re.fullmatch(r"[+-]?[\d.]+", s)
        and "." in s
        and not re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", s)
    )


def _truncated(exact: Decimal, stated: Decimal, decimals: int) -> bool:
    q = Decimal(10) ** -decimals
    return abs(exact).quantize(q, rounding="ROUND_DOWN") == abs(stated) and exact * stated >= 0


def _agrees(
    exact: Decimal, value: Decimal, decimals: int, integer: bool, spread: Interval | None
) -> bool:
    """A stated value agrees when its rounding interval meets the computed value (or the
    computed interval), or when it is the site's own display of a value near a boundary."""
    lo, hi = spread if spread else (exact, exact)
    half = _half_unit(decimals)
    if lo - half <= value <= hi + half:
        return True
    # the site's own display of a value near a boundary (99,9986 -> 99,99)
    near_boundary = not integer and decimals and not spread
    return bool(near_boundary) and round_shown(exact, decimals, PERCENT_BOUNDS) == value


def _explanation(
    exact: Decimal,
    value: Decimal,
    decimals: int,
    integer: bool,
    spread: Interval | None,
    explain: Explain | None,
) -> tuple[str, str, bool]:
    """What is appended to a mismatch's message (the one usual mistake that explains it,
    or a hint of truncation or a lost digit), the same as a plain note for the public
    sentence, and whether that mistake is a lost digit."""
    if not spread:  # a figure from rounded inputs is an interval: no single slip to name
        tried = explain(value) if explain else []
        tried = tried or diagnosis.candidates_value(value, exact, decimals)
        if len(tried) == 1:  # named only when exactly one usual mistake explains it
            note = tried[0].pesan
            return f"; penjelasan: {note}", note, tried[0].kode == "digit-lost"
    if not integer and decimals and _truncated(exact, value, decimals):
        note = "angka dokumen tampaknya dipotong, bukan dibulatkan"
        return f" ({note})", note, False
    if integer and value and str(int(exact)).startswith(str(int(value))):
        return " (ada angka yang hilang)", "ada angka yang hilang", False
    return "", "", False


class Auditor:
    def __init__(self, hasil: Computed):
        self.h = hasil
        self.found: list[Problem] = []

    def add(
        self,
        code: str,
        where: Location,
        table: str,
        field: str,
        message: str,
        stated: str | None = None,
        computed: str | None = None,
        difference: str | None = None,
        *,
        perihal: str = "",
        kalimat: str = "",
        angka: Angka | None = None,
    ) -> None:
        self.found.append(
            problem(
                code,
                where,
                message,
                table=table,
                field=field,
                stated=stated,
                computed=computed,
                difference=difference,
                perihal=perihal,
                kalimat=kalimat,
                angka=angka,
            )
        )

    def unknown(self, t: m.Tertulis, field: str, key: str, text: str) -> None:
        """A stated figure under a name the audit does not know: reported, not guessed."""
        self.add(
            "stated-unknown",
            t.lokasi,
            t.di,
            field,
            f"nama {key!r} tidak dikenal",
            text,
            kalimat=sentence(
                f"{place(t.di)} menulis {text} untuk sesuatu yang tidak dikenali pemeriksaan",
                "angka ini belum diperiksa",
            ),
        )

    def number(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        computed: Decimal | int | None,
        *,
        integer: bool = False,
        spread: Interval | None = None,
        what: str = "",
        explain: Explain | None = None,
        perihal: str = "",
    ) -> None:
        """Compare a stated figure with the computed one (an exact value or an interval).
        `perihal` names what is checked for the public page (default: `what`)."""
        label = what or field.rsplit(".", 1)[-1]
        perihal = perihal or cap(label)
        bound = claims.one_sided(text)
        if bound is not None and computed is not None:
            self.one_sided(where, table, field, text, computed, bound, label, perihal)
            return
        read = self._comparable(where, table, field, text, computed, integer, bound, label, perihal)
        if read is None or computed is None:  # computed None: _comparable returned None
            return
        value, decimals = read
        exact = Decimal(computed)
        if _agrees(exact, value, decimals, integer, spread):
            return
        places = 0 if integer else max(decimals, 2)
        shown_value = round_half_up(exact, places)
        shown = format_int(int(exact)) if integer else format_decimal(exact, places)
        diff = exact - value
        diff_text: str | None = format_int(int(diff)) if integer else format_decimal(diff, places)
        hint, note, digit_lost = _explanation(exact, value, decimals, integer, spread, explain)
        unreadable = integer and grouping_broken(text)
        if digit_lost or unreadable:
            diff_text = None  # a lost digit is no difference of 11 billion rupiah
        unreadable_as = ", yang tidak terbaca sebagai angka;" if unreadable else ","
        self.add(
            "stated-mismatch",
            where,
            table,
            field,
            f"{label}: dokumen menulis {text}{unreadable_as} hasil hitung dari data {shown}{hint}",
            text,
            shown,
            diff_text,
            perihal=perihal,
            kalimat=wording.mismatch(
                perihal, self._place(table), text, shown, diff_text, note, unreadable
            ),
            angka=Angka(
                None if unreadable else value,
                shown_value,
                None if diff_text is None else round_half_up(diff, places),
            ),
        )

    def _comparable(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        computed: Decimal | int | None,
        integer: bool,
        bound: claims.Batas | None,
        label: str,
        perihal: str,
    ) -> tuple[Decimal, int] | None:
        """The stated figure read as (value, decimals), or None when there is nothing to
        compare: unreadable, or no computed figure (a finding when a non-zero is stated)."""
        read = stated_number(text, integer) if bound is None else (bound.value, 0)
        if read is None:
            self.add(
                "stated-unreadable",
                where,
                table,
                field,
                f"{label}: angka tertulis {text!r} tidak terbaca",
                text,
                perihal=perihal,
                kalimat=wording.said(
                    perihal,
                    f"{self._place(table)} menulis “{text}”, yang tidak terbaca sebagai angka",
                    "angka ini tidak dapat dibandingkan dengan hasil hitung",
                ),
            )
            return None
        if computed is None:
            if read[0] != 0:
                self.add(
                    "stated-without-basis",
                    where,
                    table,
                    field,
                    f"{label}: dokumen menulis {text}, tetapi data tidak memberi dasar "
                    "hitungnya (pembagi 0, atau nilainya NA)",
                    text,
                    perihal=perihal,
                    kalimat=wording.said(
                        perihal,
                        f"{self._place(table)} menulis {text}, tetapi data tidak memberi dasar "
                        "untuk menghitungnya (pembaginya 0, atau nilainya tidak tersedia)",
                    ),
                    angka=Angka(read[0]),
                )
            return None
        return read

    def words(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        computed: int | Decimal,
        digits: str | None,
        perihal: str = "",
    ) -> None:
        """An amount in words against the computed amount and against its own digits."""
        perihal = perihal or "Jumlah dalam huruf (terbilang)"
        where_ = self._place(table)
        if abs(Decimal(computed)) >= WORDS_LIMIT:
            shown = format_int(int(computed))
            self.add(
                "words-too-large",
                where,
                table,
                field,
                f"jumlah {shown} terlalu besar untuk ditulis dengan kata",
                text,
                perihal=perihal,
                kalimat=wording.said(perihal, f"jumlahnya ({shown}) terlalu besar untuk kata"),
            )
            return
        try:
            value = baca_terbilang(text)
        except TerbilangError as exc:
            self.add(
                "words-unreadable",
                where,
                table,
                field,
                f"terbilang tidak terbaca: {exc}",
                text,
                perihal=perihal,
                kalimat=wording.said(
                    perihal, f"{where_} menulis “{text}”, yang tidak terbaca sebagai jumlah"
                ),
            )
            return
        if digits is not None:
            self._words_digits(where, table, field, text, value, digits, perihal)
        if value != computed:
            self._words_value(where, table, field, text, value, computed, perihal)

    def _words_value(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        value: int,
        computed: int | Decimal,
        perihal: str,
    ) -> None:
        """An amount in words (read as `value`) against the computed amount."""
        if value != computed:
            gap = Decimal(computed) - value
            where_ = self._place(table)
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"terbilang bernilai {format_int(value)}, hasil hitung dari data {rp(computed)}",
                text,
                # an amount with sen is given in digits: terbilang writes whole numbers only
                f"{terbilang(int(computed))} rupiah" if computed == int(computed) else rp(computed),
                rp(computed - value),
                perihal=perihal,
                kalimat=wording.said(
                    perihal,
                    f"{where_} menulis “{text}”, yaitu {format_int(value)}; hasil hitung dari "
                    f"data {rp(computed)} (selisih {rp(abs(gap))})",
                ),
                angka=Angka(Decimal(value), Decimal(computed), gap),
            )

    def _words_digits(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        value: int,
        digits: str,
        perihal: str,
    ) -> None:
        """An amount in words against the digits printed beside it."""
        read = stated_number(digits, integer=True)
        if read is not None and read[0] != value:
            self.add(
                "words-digits-mismatch",
                where,
                table,
                field,
                f"terbilang ({format_int(value)}) tidak sama dengan angkanya ({digits})",
                text,
                digits,
                format_int(int(read[0]) - value),
                perihal=perihal,
                kalimat=sentence(
                    f"{perihal}: {self._place(table)} menulis dalam huruf “{text}”, yaitu "
                    f"{format_int(value)}, tetapi dalam angka {digits}"
                ),
                angka=Angka(Decimal(value), read[0], read[0] - value),
            )

    def category(
        self,
        where: Location,
        table: str,
        field: str,
        stated: str,
        computed: str,
        perihal: str = "Kategori capaian",
    ) -> None:
        """A printed category: one of the scale's names, and the one the data earns."""
        said = f"{perihal}: {self._place(table)} menulis “{stated}”"
        names = [b.kategori for b in bands_of(self.h.report.laporan.skala_capaian)]
        if names and stated.strip().lower() not in (n.lower() for n in names):
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"dokumen menulis kategori {stated!r}, yang bukan kategori skala laporan "
                f"({', '.join(names)})",
                stated,
                computed or None,
                perihal=perihal,
                kalimat=sentence(f"{said}, yang bukan kategori skala laporan ({', '.join(names)})"),
            )
            return
        if not computed:
            why = "laporan tidak punya skala_capaian" if not names else "capaiannya NA"
            self.add(
                "stated-without-basis",
                where,
                table,
                field,
                f"dokumen menulis {stated!r}, tetapi data tidak memberi dasar untuk menghitungnya "
                f"({why})",
                stated,
                perihal=perihal,
                kalimat=sentence(
                    f"{said}, tetapi data tidak memberi dasar untuk menghitungnya "
                    f"({'laporan tidak punya skala capaian' if not names else 'capaiannya NA'})"
                ),
            )
            return
        self.text(where, table, field, stated, computed, perihal)

    def text(
        self,
        where: Location,
        table: str,
        field: str,
        stated: str,
        computed: str,
        perihal: str = "",
    ) -> None:
        if stated.strip().lower() != computed.strip().lower():
            perihal = perihal or cap(field.rsplit(".", 1)[-1])
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"dokumen menulis {stated!r}, hasil hitung {computed!r}",
                stated,
                computed,
                perihal=perihal,
                kalimat=sentence(
                    f"{perihal}: {self._place(table)} menulis “{stated}”, hasil hitung dari data "
                    f"“{computed}”"
                ),
            )

    def one_sided(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        computed: Decimal | int | None,
        bound: claims.Batas,
        label: str,
        perihal: str = "",
    ) -> None:
        """ "di atas 90 %": a one-sided claim holds or it does not."""
        if computed is None:
            return
        if not bound.holds(Decimal(computed)):
            self.add(
                "claim-false",
                where,
                table,
                field,
                f"{label}: dokumen menyatakan {text!r}, hasil hitung dari data "
                f"{format_decimal(Decimal(computed))}",
                text,
                format_decimal(Decimal(computed)),
                perihal=perihal or cap(label),
                kalimat=wording.said(
                    perihal or cap(label),
                    f"{self._place(table)} menyatakan “{text}”, hasil hitung dari data "
                    f"{format_decimal(Decimal(computed))}",
                ),
                angka=Angka(None, round_half_up(Decimal(computed), 2)),
            )

    def claim(
        self,
        t: m.Tertulis,
        field: str,
        text: str,
        verdict: claims.Verdict,
        perihal: str = "Pernyataan dokumen",
    ) -> None:
        if verdict is None:
            self.add(
                "stated-unknown",
                t.lokasi,
                t.di,
                field,
                f"pernyataan {text!r} tidak dikenal; yang dikenal: {claims.KNOWN}",
                text,
                perihal=perihal,
                kalimat=sentence(
                    f"{perihal}: {place(t.di)} menyatakan “{text}”; pernyataan ini tidak "
                    "dikenali pemeriksaan dan belum diperiksa"
                ),
            )
        elif not verdict[0]:
            self.add(
                "claim-false",
                t.lokasi,
                t.di,
                field,
                f"dokumen menyatakan {text!r}, tetapi {verdict[1]}",
                text,
                perihal=perihal,
                kalimat=sentence(
                    f"{perihal}: {place(t.di)} menyatakan “{text}”, tetapi {verdict[1]}"
                ),
            )

    def consequence(
        self,
        t: m.Tertulis,
        field: str,
        text: str,
        *,
        integer: bool,
        computed: Decimal | int | None,
        basis: Decimal,
        what: str,
        follows: str,
        perihal: str = "",
    ) -> bool:
        """A printed figure wrong against the data but right against another figure the
        document misprints in the same place (`basis`, what the misprint gives) is recorded
        as a consequence of that misprint, not as a second error. False when it is not."""
        read = stated_number(text, integer)
        if read is None:
            return False
        value, decimals = read
        half = _half_unit(decimals)

        def near(x: Decimal | int) -> bool:
            return Decimal(x) - half <= value <= Decimal(x) + half

        if (computed is not None and near(computed)) or not near(basis):
            return False
        self.add(
            "stated-consequence",
            t.lokasi,
            t.di,
            field,
            f"{what}: dokumen menulis {text}, sesuai dengan {follows} yang tercetak di tempat "
            "yang sama (yang berbeda dari hasil hitung): akibat selisih itu, bukan kesalahan "
            "kedua",
            text,
            perihal=perihal or cap(what),
            kalimat=sentence(
                f"{perihal or cap(what)}: {place(t.di)} menulis {text}, sesuai dengan {follows} "
                "yang tercetak di tempat yang sama, yang berbeda dari hasil hitung",
                "angka ini akibat selisih itu, bukan kesalahan kedua",
            ),
            angka=Angka(value),
        )
        return True

    def _place(self, table: str) -> str:
        """Where a figure is printed, for a sentence: a table that has no number falls back
        to its data's id (`table_of`), which no reader knows: "dokumen" then."""
        h = self.h
        ids = {*h.daftar, *h.harga, *h.komposisi, *h.sumber}
        return "dokumen" if table in ids else place(table)

    def table_of(self, jenis: str, source: str) -> str:
        tabel = self.h.report.tabel
        for t in tabel.tabel if tabel else []:
            if t.jenis == jenis and source in t.sumber and t.nomor:
                return label(t)
        return source

    def title_of(self, jenis: str, source: str) -> str:
        """The judul of the numbered table showing `source` (a list has no name of its own)."""
        tabel = self.h.report.tabel
        for t in tabel.tabel if tabel else []:
            if t.jenis == jenis and source in t.sumber and t.nomor:
                return t.judul
        return source

    def table_of_kind(self, jenis: str) -> str:
        tabel = self.h.report.tabel
        for t in tabel.tabel if tabel else []:
            if t.jenis == jenis and t.nomor:
                return label(t)
        return ""


def _show(v: object) -> str:
    if isinstance(v, Decimal):
        return format_decimal(v, 2, trim=True)
    return "-" if v is None else str(v)
