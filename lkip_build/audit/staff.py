"""Staff tables: row, column and grand totals, groups, and the same total in two tables."""

from __future__ import annotations

from decimal import Decimal

from ..compute import slug
from ..facts import collect_facts, write_fact
from ..numbers import format_int
from .recorder import Auditor


def staff(a: Auditor) -> None:

    facts = collect_facts(a.h)
    for k in a.h.komposisi.values():
        kom = k.komposisi
        table = a.table_of("komposisi", kom.id)
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
                )
        other = facts.get(kom.sama_dengan) if kom.sama_dengan else None
        # an unknown name stopped the validation pass already
        if other is not None and other.value != k.total:
            # the name may be any figure, not only a count (a percentage, a text, NA)
            count = other.value if isinstance(other.value, int) else None
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
            )
        if kom.tertulis_jumlah:
            a.number(
                kom.lokasi,
                table,
                f"{kom.id}.total",
                kom.tertulis_jumlah,
                k.total,
                integer=True,
                what="total keseluruhan",
            )
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
                    )
