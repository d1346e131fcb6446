"""Staff tables: row, column and grand totals, groups, and the same total in two tables."""

from __future__ import annotations

from decimal import Decimal

from lkip_build.audit import wording
from lkip_build.audit.recorder import Auditor
from lkip_build.compute import KomposisiResult, slug
from lkip_build.compute.facts import Fact, collect_facts, write_fact
from lkip_build.model import BelumDiisi
from lkip_build.model.numbers import format_int
from lkip_build.problems import Angka


def staff(a: Auditor) -> None:
    """Every staff cross table: its totals as printed, the same total in another table, and
    the named figures it states (findings in that order, table by table)."""
    facts = collect_facts(a.h)
    for k in a.h.komposisi.values():
        table = a.table_of("komposisi", k.komposisi.id)
        _row_and_column_totals(a, k, table)
        _same_quantity(a, k, table, facts)
        _grand_total(a, k, table)
        _named_figures(a, k, facts)


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


def _same_quantity(a: Auditor, k: KomposisiResult, table: str, facts: dict[str, Fact]) -> None:
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


def _named_figures(a: Auditor, k: KomposisiResult, facts: dict[str, Fact]) -> None:
    """The table's `tertulis`: each name is one of its named figures (pegawai.<id>.<name>)."""
    kom = k.komposisi
    for t in kom.tertulis:
        for key, text in t.nilai.items():
            f = facts.get(f"pegawai.{kom.id}.{key}")
            field = f"{kom.id}.{key}"
            if f is None:
                a.unknown(t, field, key, text)
            else:
                assert isinstance(f.value, int | Decimal), "staff figures are counts and %"
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
