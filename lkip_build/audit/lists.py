"""Lists: stated counts and column totals against the rows."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import cast

from lkip_build.audit import wording
from lkip_build.audit.diagnosis import Explanation
from lkip_build.audit.recorder import Auditor, stated_number
from lkip_build.compute import DaftarResult
from lkip_build.model.numbers import format_int
from lkip_build.problems import Sebab

COUNTS = ("nomor_terakhir", "jumlah")  # the keys that state how many rows a list has


def missing(d: DaftarResult) -> int:
    """How many rows the document counts beyond the rows the list holds (0 when none)."""
    for key in COUNTS:
        read = stated_number(d.daftar.tertulis.get(key, ""), True)
        if read is not None and read[0] > d.banyak:
            return int(read[0]) - d.banyak
    return 0


def missing_cause(a: Auditor, d: DaftarResult) -> tuple[Sebab, list[tuple[str, str, str]]]:
    """The one cause of a list that counts more rows than it holds, with the keys of the
    list's own notes it explains (its count, its sums); checks that use the count link
    their notes to the same cause."""
    n, table = missing(d), a.table_of("daftar", d.daftar.id)
    title = a.title_of("daftar", d.daftar.id)
    rows = "satu baris" if n == 1 else f"{n} baris"
    sebab = Sebab(
        "list-row-missing",
        wording.sentence(
            f"{table} (“{title}”) menyebut {format_int(d.banyak + n)} baris, tetapi berisi "
            f"{format_int(d.banyak)}: {rows} tidak tercantum, atau nomornya terlompat",
            "angka lain yang memakai banyaknya baris atau jumlah kolomnya mengikuti angka dokumen",
        ),
    )
    keys = [
        ("stated-mismatch", table, f"{d.daftar.id}.{key}")
        for key in d.daftar.tertulis
        if key in COUNTS or key.startswith("jumlah.")
    ]
    return sebab, keys


def _sum_short(n: int, value: Decimal, *, total: int | None) -> list[Explanation]:
    """A printed column sum above the rows' by what `n` rows not in the list would hold."""
    if total is None or value <= total:
        return []
    rows = "satu baris" if n == 1 else f"{n} baris"
    return [
        Explanation(
            "list-row-missing",
            f"daftar menyebut {rows} lebih banyak daripada yang tercantum; jumlah tercetak "
            f"lebih {format_int(int(value - total))}, sebesar isi baris yang tidak tercantum",
        )
    ]


def lists(a: Auditor) -> None:
    for d in a.h.daftar.values():
        table = a.table_of("daftar", d.daftar.id)
        name = f"daftar “{a.title_of('daftar', d.daftar.id)}”"
        columns = {c.kunci: c.judul for c in d.daftar.kolom}
        columns.update({c.kunci: c.judul for c in d.daftar.kolom_jumlah})
        short = missing(d)
        if short:
            sebab, keys = missing_cause(a, d)
            a.link(sebab, *keys)
        for key, text in d.daftar.tertulis.items():
            field = f"{d.daftar.id}.{key}"
            if key in COUNTS:
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    d.banyak,
                    integer=True,
                    what="banyak baris",
                    perihal=f"Banyaknya baris {name}",
                )
            elif key.startswith("jumlah."):
                col = key.split(".", 1)[1]
                total = d.jumlah.get(col)
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    total,
                    integer=True,
                    what=f"jumlah {col}",
                    perihal=f"Jumlah kolom “{columns.get(col, col)}” {name}",
                    explain=partial(_sum_short, short, total=total) if short else None,
                )
            elif key.startswith("total."):
                i = int(key.split(".", 1)[1]) - 1
                totals = [k.kunci for k in d.daftar.kolom_jumlah]
                value = d.baris[i].get(totals[0]) if totals and 0 <= i < len(d.baris) else None
                a.number(
                    d.daftar.lokasi,
                    table,
                    field,
                    text,
                    cast(int | None, value),  # compute_daftar makes kolom_jumlah cells ints
                    integer=True,
                    what=f"total baris {i + 1}",
                    perihal=f"Total baris ke-{i + 1} {name}",
                )
