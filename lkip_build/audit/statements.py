"""The recorder's base: how a finding is recorded, and the comparisons of figures stated in
words (terbilang, categories, texts).

`Auditor` (recorder.py) adds the comparisons of stated numbers and claims; every audit
module records through it.
"""

from __future__ import annotations

from decimal import Decimal

from lkip_build import model as m
from lkip_build.audit import wording
from lkip_build.audit.reading import stated_number
from lkip_build.audit.terbilang import TerbilangError, baca_terbilang
from lkip_build.audit.wording import cap, place, sentence
from lkip_build.compute import Computed
from lkip_build.compute.skala import bands_of
from lkip_build.model import Location
from lkip_build.model.numbers import format_int, terbilang
from lkip_build.present.tables import label, rp
from lkip_build.problems import Angka, Problem, Sebab, problem

WORDS_LIMIT = 10**18  # terbilang has no word past kuadriliun


class Statements:
    def __init__(self, hasil: Computed):
        self.h = hasil
        self.found: list[Problem] = []
        # causes the checks name for several notes (audit.causes), by the notes' keys
        self.links: list[tuple[Sebab, list[tuple[str, str, str]]]] = []

    def link(self, sebab: Sebab, *keys: tuple[str, str, str]) -> None:
        """Name one cause for the notes of `keys` ((code, table, field)); notes that do not
        occur are left out, and a cause needs two notes that do (`causes.assign`)."""
        self.links.append((sebab, list(keys)))

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
        read = stated_number(digits, integer=True) if digits is not None else None
        if read is not None and read[0] == value != computed:
            # the words say the digits beside them, which the data does not give: one
            # misprint in two forms (the digits' note is the error, the words follow it)
            digit_note = ("stated-mismatch", table, field.replace("terbilang_", "", 1))
            self._words_follow(where, table, field, text, value, digits or "", perihal)
            self.link(
                _words_cause(perihal, where_, digits or "", computed),
                digit_note,
                ("stated-consequence", table, field),
            )
            return
        if digits is not None:
            self._words_digits(where, table, field, text, value, digits, perihal)
        if value != computed:
            self._words_value(where, table, field, text, value, computed, perihal)
            if read is not None and read[0] == computed:  # the digits are right
                self.link(
                    Sebab(
                        "words-only",
                        sentence(
                            f"{perihal}: angkanya ({digits}) cocok dengan data; hanya "
                            f"terbilangnya yang berbeda ({format_int(value)})"
                        ),
                    ),
                    ("words-digits-mismatch", table, field),
                    ("stated-mismatch", table, field),
                )

    def _words_follow(
        self,
        where: Location,
        table: str,
        field: str,
        text: str,
        value: int,
        digits: str,
        perihal: str,
    ) -> None:
        """Words that say the (misprinted) digits beside them: a consequence."""
        self.add(
            "stated-consequence",
            where,
            table,
            field,
            f"terbilang bernilai {format_int(value)}, sama dengan angka di sampingnya "
            f"({digits}) yang berbeda dari hasil hitung: akibat selisih itu, bukan kesalahan "
            "kedua",
            text,
            perihal=perihal,
            kalimat=sentence(
                f"{perihal}: {self._place(table)} menulis dalam huruf “{text}”, sama dengan "
                f"angka {digits} di sampingnya, yang berbeda dari hasil hitung",
                "angka ini akibat selisih itu, bukan kesalahan kedua",
            ),
            angka=Angka(Decimal(value)),
        )

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
        skala: list[m.Kategori] | None = None,
    ) -> None:
        """A printed category: one of the scale's names, and the one the data earns. The
        scale is the report's, or `skala` (a derived figure's own bands)."""
        said = f"{perihal}: {self._place(table)} menulis “{stated}”"
        scale = self.h.report.laporan.skala_capaian if skala is None else skala
        whose = "skala laporan" if skala is None else "pita kategori angka ini"
        names = [b.kategori for b in bands_of(scale)]
        if names and stated.strip().lower() not in (n.lower() for n in names):
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"dokumen menulis kategori {stated!r}, yang bukan kategori {whose} "
                f"({', '.join(names)})",
                stated,
                computed or None,
                perihal=perihal,
                kalimat=sentence(f"{said}, yang bukan kategori {whose} ({', '.join(names)})"),
            )
            return
        if not computed:
            none = "laporan tidak punya skala_capaian" if skala is None else "tanpa `kategori`"
            why = none if not names else "capaiannya NA"
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
                    f"({why.replace('skala_capaian', 'skala capaian')})"
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


def _words_cause(perihal: str, where: str, digits: str, computed: int | Decimal) -> Sebab:
    return Sebab(
        "printed-figures",
        sentence(
            f"{perihal}: {where} menulis {digits}, dalam angka dan dalam huruf; data memberi "
            f"{rp(computed)}"
        ),
    )
