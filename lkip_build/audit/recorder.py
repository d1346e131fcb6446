"""The audit's recorder: the comparisons of stated numbers and claims, on the base that
records findings (statements.py) and the reading of stated figures (reading.py).

Checks yield findings (`Problem`s with audit codes) instead of raising. `Auditor` is the
one recorder every audit module uses: `a.number`, `a.words`, `a.category`, `a.claim`,
`a.consequence`, `a.add`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal

from lkip_build import model as m
from lkip_build.audit import claims, wording
from lkip_build.audit.reading import (
    Explain,
    Interval,
    _agrees,
    _explanation,
    _half_unit,
    grouping_broken,
    stated_number,
)
from lkip_build.audit.statements import WORDS_LIMIT, Statements
from lkip_build.audit.wording import cap, place, sentence
from lkip_build.model import Location
from lkip_build.model.numbers import format_decimal, format_int, round_half_up
from lkip_build.problems import Angka

__all__ = [
    "WORDS_LIMIT",
    "Auditor",
    "Explain",
    "Interval",
    "_half_unit",
    "_show",
    "grouping_broken",
    "stated_number",
]


class Auditor(Statements):
    def unknown(
        self, t: m.Tertulis, field: str, key: str, text: str, known: Iterable[str] = ()
    ) -> None:
        """A stated figure under a name the audit does not know: reported, not guessed; the
        message names the one it probably is, or the names known here."""
        names = sorted(set(known))
        close = difflib.get_close_matches(key, names, n=1)
        hint = f"; maksud Anda {close[0]!r}?" if close else ""
        if names and not close:
            hint = f"; yang dikenal di sini: {', '.join(names)}"
        self.add(
            "stated-unknown",
            t.lokasi,
            t.di,
            field,
            f"nama {key!r} tidak dikenal{hint}",
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
        at: str = "di tempat yang sama",
        value: Decimal | None = None,
    ) -> bool:
        """A printed figure wrong against the data but right against another figure the
        document misprints (`basis`, what the misprint gives; `at` says where that figure
        is printed) is recorded as a consequence of that misprint, not as a second error.
        `value`: the figure as read, when it is not a number as printed (words). False when
        it is no consequence."""
        if value is None:
            read = stated_number(text, integer)
            if read is None:
                return False
            value, decimals = read
        else:
            decimals = 0
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
            f"{what}: dokumen menulis {text}, sesuai dengan {follows} yang tercetak {at} "
            "(yang berbeda dari hasil hitung): akibat selisih itu, bukan kesalahan kedua",
            text,
            perihal=perihal or cap(what),
            kalimat=sentence(
                f"{perihal or cap(what)}: {place(t.di)} menulis {text}, sesuai dengan {follows} "
                f"yang tercetak {at}, yang berbeda dari hasil hitung",
                "angka ini akibat selisih itu, bukan kesalahan kedua",
            ),
            angka=Angka(value),
        )
        return True


def _show(v: object) -> str:
    if isinstance(v, Decimal):
        return format_decimal(v, 2, trim=True)
    return "-" if v is None else str(v)
