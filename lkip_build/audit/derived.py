"""Derived figures (turunan.yml): the result, its band and its inputs as printed, against
the computed ones; a result outside its declared range or bands."""

from __future__ import annotations

from decimal import Decimal

from lkip_build.audit import wording
from lkip_build.audit.recorder import Auditor
from lkip_build.model.numbers import format_decimal


def derived(a: Auditor) -> None:
    table = a.table_of_kind("turunan")
    for tid, r in a.h.turunan.items():
        x = r.turunan
        values: dict[str, Decimal | None] = {"hasil": r.nilai, "a": r.a, "b": r.b}
        for t in x.tertulis:
            for key, text in t.nilai.items():
                field = f"turunan.{tid}.{key}"
                perihal = wording.cap(f"{_WORDS.get(key, key)} {x.nama}")
                if key == "kategori":
                    a.category(t.lokasi, t.di, field, text, r.kategori, perihal, x.kategori)
                elif key not in values:
                    a.unknown(t, field, key, text, [*values, "kategori"])
                else:
                    a.number(
                        t.lokasi,
                        t.di,
                        field,
                        text,
                        values[key],
                        what=f"{key} {tid}",
                        perihal=perihal,
                    )
        if r.out_of_domain:
            shown = format_decimal(r.nilai, x.desimal) if r.nilai is not None else None
            a.add(
                "out-of-domain",
                x.lokasi,
                table,
                f"turunan.{tid}",
                f"{tid}: {r.out_of_domain}",
                computed=shown,
                perihal=x.nama,
                kalimat=wording.sentence(f"{x.nama}: {r.out_of_domain}"),
            )


_WORDS = {"hasil": "nilai", "kategori": "kategori", "a": "masukan a", "b": "masukan b"}
