"""Staff tables: row, column and grand totals, groups, and the same total in two tables."""

from __future__ import annotations

from decimal import Decimal

from lkip_build.audit import wording
from lkip_build.audit.recorder import Auditor, stated_number
from lkip_build.compute import KomposisiResult, slug
from lkip_build.compute.facts import Fact, collect_facts, write_fact
from lkip_build.model import BelumDiisi
from lkip_build.model.numbers import format_int
from lkip_build.problems import Angka, Sebab


def staff(a: Auditor) -> None:
    """Every staff cross table: its totals as printed, the same total in another table, and
    the named figures it states (findings in that order, table by table)."""
    facts = collect_facts(a.h)
    printed = {kid: _Printed(k, a.table_of("komposisi", kid)) for kid, k in a.h.komposisi.items()}
    for k in a.h.komposisi.values():
        mine = printed[k.komposisi.id]
        table = mine.table
        _row_and_column_totals(a, k, table)
        _same_quantity(a, k, table, facts, mine)
        _same_groups(a, k, table, facts, printed)
        _grand_total(a, k, table)
        _named_figures(a, k, facts, mine)


class _Printed:
    """The table as its printed row totals give it, where one differs from its cells: the
    figures a document computes from those totals (the grand total, a group, a row's share)
    follow the misprint. A figure right against this and wrong against the data is a
    consequence of the rows misprinted, grouped under them (`causes`)."""

    def __init__(self, k: KomposisiResult, table: str):
        self.k, self.table = k, table
        kom = k.komposisi
        self.rows: list[int] = []
        self.wrong: list[int] = []  # rows whose printed total is not their cells' sum
        for i, (row, total) in enumerate(zip(kom.baris, k.jumlah_baris, strict=True)):
            read = stated_number(row.tertulis["jumlah"], True) if "jumlah" in row.tertulis else None
            value = int(read[0]) if read is not None else (total or 0)
            self.rows.append(value)
            if read is not None and value != (total or 0):
                self.wrong.append(i)

        # the printed column totals, when every one is printed and readable
        self.cols: list[int] = []
        self.wrong_cols: list[int] = []
        reads = [stated_number(text, True) for text in kom.tertulis_total]
        if len(reads) == k.lebar and all(r is not None for r in reads):
            self.cols = [int(r[0]) for r in reads if r is not None]
            self.wrong_cols = [i for i, v in enumerate(self.cols) if v != (k.jumlah_kolom[i] or 0)]
        sub = kom.sub_kolom or [""]
        self.labels = [f"{c} {x}".strip() for c in kom.kolom for x in sub]

    @property
    def total(self) -> int:
        return sum(self.rows)

    def column_figure(self, key: str) -> tuple[int, list[int]] | None:
        """A count of columns (`total`, `kolom.<unit>`, `kolom.<sub column>`) as the
        printed column totals give it, and the misprinted columns it uses; None when it
        uses none."""
        if not self.wrong_cols:
            return None
        kom = self.k.komposisi
        width = max(1, len(kom.sub_kolom))
        head, _, rest = key.partition(".")
        units, subs = [slug(c) for c in kom.kolom], [slug(x) for x in kom.sub_kolom]
        if head == "total":
            used = list(range(len(self.cols)))
        elif head == "kolom" and rest in units:
            c = units.index(rest)
            used = list(range(c * width, (c + 1) * width))
        elif head == "kolom" and rest in subs:
            used = list(range(subs.index(rest), len(self.cols), width))
        else:
            return None
        wrong = [i for i in used if i in self.wrong_cols]
        return (sum(self.cols[i] for i in used), wrong) if wrong else None

    def column_link(self, a: Auditor, key: str, other: object, note: tuple[str, str, str]) -> None:
        """A figure another table contradicts, which the printed column totals give: the
        cells of those columns are what differs; the printed grand total, when it is the
        printed columns' sum, says so too."""
        found = self.column_figure(key)
        if found is None or found[0] != other:
            return
        kom = self.k.komposisi
        said = "; ".join(
            f"kolom {self.labels[i]} tercetak berjumlah {format_int(self.cols[i])}, "
            f"sel-selnya berjumlah {format_int(self.k.jumlah_kolom[i] or 0)}"
            for i in found[1]
        )
        cause = Sebab(
            "printed-column-total",
            wording.sentence(
                f"{self.table}: {said}",
                "dengan jumlah tercetak itu, tabel ini sama dengan tabel lain yang "
                "menghitung kelompok yang sama",
            ),
        )
        keys = [
            ("stated-mismatch", self.table, f"{kom.id}.total.{slug(self.labels[i])}")
            for i in found[1]
        ]
        grand = stated_number(kom.tertulis_jumlah, True) if kom.tertulis_jumlah else None
        if grand is not None and grand[0] == sum(self.cols):
            keys.append(("stated-mismatch", self.table, f"{kom.id}.total"))
        a.link(cause, *keys, note)

    def row_link(self, a: Auditor, key: str, short: int, note: tuple[str, str, str]) -> None:
        """Another table counts `short` more in this table's column `key` than its cells
        hold, and this table's printed row totals hold exactly `short` more than its cells:
        the persons missing from those rows are missing from that column."""
        kom = self.k.komposisi
        head, _, rest = key.partition(".")
        units = {slug(c): c for c in kom.kolom}
        missing = self.total - sum(x or 0 for x in self.k.jumlah_baris)
        if head != "kolom" or rest not in units or short <= 0 or missing != short:
            return
        cause = Sebab(
            "printed-row-total",
            wording.sentence(
                f"Kolom {units[rest]} {self.table} berisi {format_int(short)} lebih sedikit "
                "daripada tabel lain yang menghitung kelompok yang sama, sebanyak selisih "
                "jumlah baris yang tercetak: kemungkinan pegawai itu tidak tercatat di "
                f"kolom {units[rest]}"
            ),
        )
        a.link(cause, *self.keys(self.wrong), note)

    def figure(self, key: str) -> tuple[Decimal, list[int]] | None:
        """A named figure as the printed rows give it, and the misprinted rows it uses;
        None when it uses none (or is no figure of the rows)."""
        kom = self.k.komposisi
        head, _, rest = key.partition(".")
        slugs = [slug(r.label) for r in kom.baris]
        if head == "total":
            used = list(range(len(self.rows)))
        elif head == "kelompok":
            used = [i for i, r in enumerate(kom.baris) if r.kelompok and slug(r.kelompok) == rest]
        elif head in ("baris", "persen") and rest in slugs:
            used = [slugs.index(rest)]
        else:
            return None
        value = Decimal(sum(self.rows[i] for i in used))
        if head == "persen":
            if not self.total:
                return None
            value, used = value * 100 / self.total, list(range(len(self.rows)))
        wrong = [i for i in used if i in self.wrong]
        return (value, wrong) if wrong else None

    def cause(self, rows: list[int]) -> Sebab:
        kom = self.k.komposisi
        said = "; ".join(
            f"baris {kom.baris[i].label} tercetak berjumlah {format_int(self.rows[i])}, "
            f"sel-selnya berjumlah {format_int(self.k.jumlah_baris[i] or 0)}"
            for i in rows
        )
        return Sebab(
            "printed-row-total",
            wording.sentence(
                f"{self.table}: {said}",
                "angka yang dihitung dokumen dari jumlah tercetak itu mengikutinya",
            ),
        )

    def keys(self, rows: list[int]) -> list[tuple[str, str, str]]:
        kom = self.k.komposisi
        return [
            ("stated-mismatch", self.table, f"{kom.id}.{slug(kom.baris[i].label)}.jumlah")
            for i in rows
        ]

    def follows(self, key: str, rows: list[int]) -> str:
        kom = self.k.komposisi
        said = ", ".join(f"{kom.baris[i].label} ({format_int(self.rows[i])})" for i in rows)
        if key.partition(".")[0] in ("total", "persen"):
            return f"total {format_int(self.total)} dari jumlah baris {said}"
        return f"jumlah baris {said}"


def _row_and_column_totals(a: Auditor, k: KomposisiResult, table: str) -> None:
    kom = k.komposisi
    for row, total in zip(kom.baris, k.jumlah_baris, strict=True):
        for key, text in row.tertulis.items():
            if key == "jumlah":
                a.number(
                    row.lokasi,
                    table,
                    f"{kom.id}.{slug(row.label)}.jumlah",
                    text,
                    total,
                    integer=True,
                    what=f"jumlah baris {row.label}",
                    perihal=wording.staff_row(kom, row.label),
                )
    labels = [f"{c} {s}".strip() for c in kom.kolom for s in (kom.sub_kolom or [""])]
    for i, text in enumerate(kom.tertulis_total):
        if i < len(k.jumlah_kolom):
            a.number(
                kom.lokasi,
                table,
                f"{kom.id}.total.{slug(labels[i])}",
                text,
                k.jumlah_kolom[i],
                integer=True,
                what=f"total kolom {labels[i]}",
                perihal=f"Jumlah pegawai di kolom {labels[i]}",
            )


def _same_quantity(
    a: Auditor, k: KomposisiResult, table: str, facts: dict[str, Fact], printed: _Printed
) -> None:
    """`sama_dengan`: the table's total is the same quantity as a named figure elsewhere."""
    kom = k.komposisi
    other = facts.get(kom.sama_dengan) if kom.sama_dengan else None
    # an unknown name stopped the validation pass already
    if other is None or k.total is None or isinstance(other.value, BelumDiisi):
        return  # nothing to compare yet in a draft
    if other.value != k.total:
        # the name may be any figure, not only a count (a percentage, a text, NA)
        count = other.value if isinstance(other.value, int) else None
        perihal = wording.staff_total(kom)
        a.add(
            "same-quantity-mismatch",
            kom.lokasi,
            table,
            f"{kom.id}.total",
            f"total tabel ini {k.total}, sedangkan {kom.sama_dengan} = {write_fact(other)}: "
            "data kedua tabel tidak sama",
            None,  # two computed totals disagree: nothing here is "as printed"
            format_int(k.total),
            None if count is None else format_int(k.total - count),
            perihal=perihal,
            kalimat=wording.sentence(
                f"{perihal}: {table} menghitung {format_int(k.total)}, sedangkan "
                f"{_fact_words(a, kom.sama_dengan)} berjumlah {write_fact(other)}",
                "data kedua tabel tidak sama",
            ),
            angka=Angka(
                None,
                Decimal(k.total),
                None if count is None else Decimal(k.total - count),
            ),
        )
        key = ("same-quantity-mismatch", table, f"{kom.id}.total")
        if printed.wrong and printed.total == other.value:  # the printed rows agree
            a.link(printed.cause(printed.wrong), *printed.keys(printed.wrong), key)
        printed.column_link(a, "total", other.value, key)


def _same_groups(
    a: Auditor,
    k: KomposisiResult,
    table: str,
    facts: dict[str, Fact],
    printed: dict[str, _Printed],
) -> None:
    """`sama`: each figure of this table that counts the same group as a figure elsewhere
    (a unit's column in two tables, the men of one table and the L columns of another)."""
    kom = k.komposisi
    for key, name in (kom.sama or {}).items():
        mine, other = facts.get(f"pegawai.{kom.id}.{key}"), facts.get(name)
        # unknown names stopped the validation pass already (site.check_names)
        if mine is None or other is None:
            continue
        if isinstance(mine.value, BelumDiisi) or isinstance(other.value, BelumDiisi):
            continue
        if mine.value == other.value:
            continue
        counts = (mine.value, other.value)
        gap = counts[0] - counts[1] if _ints(counts) else None  # type: ignore[operator]
        perihal = wording.staff_figure(k, key)
        a.add(
            "same-quantity-mismatch",
            kom.lokasi,
            table,
            f"{kom.id}.{key}",
            f"{key} tabel ini {write_fact(mine)}, sedangkan {name} = {write_fact(other)}: "
            "data kedua tabel tidak sama",
            None,
            write_fact(mine),
            None if gap is None else format_int(gap),
            perihal=perihal,
            kalimat=wording.sentence(
                f"{perihal}: {table} menghitung {write_fact(mine)}, sedangkan "
                f"{_fact_words(a, name)} berjumlah {write_fact(other)}",
                "kedua tabel menghitung kelompok yang sama, tetapi datanya tidak sama",
            ),
            angka=Angka(
                None,
                None if gap is None else Decimal(mine.value),  # type: ignore[arg-type]
                None if gap is None else Decimal(gap),
            ),
        )
        note = ("same-quantity-mismatch", table, f"{kom.id}.{key}")
        printed[kom.id].column_link(a, key, other.value, note)
        _, other_id, other_key = [*name.split(".", 2), "", ""][:3]
        if gap is not None and other_id in printed and name.startswith("pegawai."):
            printed[other_id].row_link(a, other_key, gap, note)


def _ints(values: tuple[object, ...]) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _fact_words(a: Auditor, name: str) -> str:
    """A staff figure's name in words with the table that shows it:
    "pegawai.jenis-kelamin.kolom.asn-orang" -> "Jumlah pegawai ASN (orang) (Tabel 1.1)"."""
    _, kid, key = [*name.split(".", 2), "", ""][:3]
    k = a.h.komposisi.get(kid)
    if k is None:
        return name
    words = wording.staff_figure(k, key)
    return f"{words[:1].lower()}{words[1:]} di {a.table_of('komposisi', kid)}"


def _grand_total(a: Auditor, k: KomposisiResult, table: str) -> None:
    kom = k.komposisi
    if kom.tertulis_jumlah:
        a.number(
            kom.lokasi,
            table,
            f"{kom.id}.total",
            kom.tertulis_jumlah,
            k.total,
            integer=True,
            what="total keseluruhan",
            perihal=wording.staff_total(kom),
        )


def _named_figures(
    a: Auditor, k: KomposisiResult, facts: dict[str, Fact], printed: _Printed
) -> None:
    """The table's `tertulis`: each name is one of its named figures (pegawai.<id>.<name>);
    one that follows a misprinted row total is its consequence."""
    kom = k.komposisi
    for t in kom.tertulis:
        for key, text in t.nilai.items():
            f = facts.get(f"pegawai.{kom.id}.{key}")
            field = f"{kom.id}.{key}"
            if f is None:
                own = f"pegawai.{kom.id}."
                names = [n.removeprefix(own) for n in facts if n.startswith(own)]
                a.unknown(t, field, key, text, names)
                continue
            assert isinstance(f.value, int | Decimal), "staff figures are counts and %"
            basis = printed.figure(key)
            if basis is not None and a.consequence(
                t,
                field,
                text,
                integer=f.kind == "angka",
                computed=f.value,
                basis=basis[0],
                what=key,
                follows=printed.follows(key, basis[1]),
                at=f"di {printed.table}",
                perihal=wording.staff_figure(k, key),
            ):
                mine = ("stated-consequence", t.di, field)
                a.link(printed.cause(basis[1]), *printed.keys(basis[1]), mine)
            else:
                a.number(
                    t.lokasi,
                    t.di,
                    field,
                    text,
                    f.value,
                    integer=f.kind == "angka",
                    what=key,
                    perihal=wording.staff_figure(k, key),
                )
