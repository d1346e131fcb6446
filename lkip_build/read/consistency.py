"""Rules, step scales and formulas checked for contradictions before anything is computed.

What an editor writes as parameters is used as written: a step scale (`Langkah`), a cap and
a floor (`batas`, `lantai`), a flag, a formula's declared ranges and the parameters of its
kind, a list's sum columns. Here every contradiction between them is a problem located at the
field that carries it, all at once, so that no parameter can change a published figure
without a word. What the order written would decide is made order-free where it is
computed (`skala.ordered_steps`, `skala.resolve`, `lists.sum_order`); what is refused here
is what no order could make consistent. Category scales are checked in `validate`
(`skala.defects`).
"""

from __future__ import annotations

from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute.capaian import num
from lkip_build.model import Location
from lkip_build.problems import Collector
from lkip_build.read.report import Report


def check_parameters(r: Report, problems: Collector) -> None:
    """Every indicator's rule and formula, every list's sum columns."""
    for ind in r.indicators():
        _rule(ind, problems)
        if isinstance(ind.realisasi, m.Rumus):
            _formula(ind, ind.realisasi, problems)
    for d in r.daftar.daftar if r.daftar else []:
        _sum_columns(d, problems)


def _at(node: m.Node, field: str, fallback: Location | None = None) -> Location:
    """The location of one field of a node (its line, its path and the field's name)."""
    base = node.lokasi if node.lokasi.file or fallback is None else fallback
    return Location(base.file, base.line, f"{base.path}.{field}" if base.path else field)


def _pct(v: Decimal) -> str:
    return f"{num(v)} %"


_DEFAULT_CAP = " (bawaan bila `batas` tidak ditulis)"


def _rule(ind: m.Indikator, problems: Collector) -> None:
    """A cap above its floor; a step scale whose steps each have a bound of their own and
    values its cap and floor allow; no parameter the rule's kind would ignore."""
    a = ind.aturan
    here = Location(ind.lokasi.file, ind.lokasi.line, f"{ind.lokasi.path}.aturan")
    if a.batas is not None and a.lantai is not None and a.lantai > a.batas:
        problems.add(
            "rule-floor-above-cap",
            _at(a, "lantai", here),
            f"{ind.id}: lantai {_pct(a.lantai)} di atas batas {_pct(a.batas)}; setiap capaian "
            "akan menjadi angka lantai, berapa pun realisasinya",
        )
    if a.jenis != "skala":
        if a.skala:
            problems.add(
                "parameter-unused",
                _at(a, "skala", here),
                f"{ind.id}: aturan {a.jenis} tidak memakai langkah `skala` "
                f"({len(a.skala)} langkah ditulis); tulis `jenis: skala` bila capaiannya "
                "dari skala, atau hapus langkahnya",
            )
        return
    if a.tandai_di_atas is not None:
        problems.add(
            "parameter-unused",
            _at(a, "tandai_di_atas", here),
            f"{ind.id}: aturan skala memberi capaian langkahnya; `tandai_di_atas` "
            f"{_pct(a.tandai_di_atas)} tidak pernah dipakai. Hapus, atau pakai aturan lain",
        )
    seen: dict[Decimal | None, m.Langkah] = {}
    for step in a.skala:
        bound = step.batas_atas
        if bound in seen:
            first = seen[bound]
            what = f"batas_atas {num(bound)}" if bound is not None else "tanpa batas_atas"
            problems.add(
                "step-bound-repeated",
                _at(step, "batas_atas", here),
                f"{ind.id}: dua langkah skala {what} (baris {first.lokasi.line} dan baris "
                f"{step.lokasi.line}); capaian {num(first.capaian)} dan {num(step.capaian)} "
                "untuk realisasi yang sama. Setiap langkah perlu batas sendiri; hanya satu "
                "langkah (yang terakhir) tanpa batas_atas",
            )
        else:
            seen[bound] = step
        if a.batas is not None and step.capaian > a.batas:
            problems.add(
                "step-beyond-cap",
                _at(step, "capaian", here),
                f"{ind.id}: capaian langkah {_pct(step.capaian)} di atas batas aturan "
                f"{_pct(a.batas)}{_DEFAULT_CAP if a.batas == 100 else ''}; tulis `batas: null` "
                "bila skala dokumen memang memberi capaian itu, atau perbaiki langkahnya",
            )
        if a.lantai is not None and step.capaian < a.lantai:
            problems.add(
                "step-beyond-cap",
                _at(step, "capaian", here),
                f"{ind.id}: capaian langkah {_pct(step.capaian)} di bawah lantai aturan "
                f"{_pct(a.lantai)}; tulis `lantai: null` bila skala dokumen memang memberi "
                "capaian itu, atau perbaiki langkahnya",
            )


# parameters of a formula that only one kind reads: (field, that kind)
_KIND_ONLY: tuple[tuple[str, str], ...] = (
    ("triwulan", "triwulan"),
    ("agregasi", "triwulan"),
    ("kelompok", "rerata_harga"),
    ("faktor", "rasio"),
    ("konstanta", "skor"),
    ("pengali", "skor"),
    ("pembagi", "skor"),
)
_DEFAULTS: dict[str, object] = {
    "triwulan": [],
    "agregasi": "jumlah",
    "kelompok": "",
    "faktor": Decimal(100),
    "konstanta": Decimal(0),
    "pengali": Decimal(1),
    "pembagi": Decimal(1),
}


def _formula(ind: m.Indikator, rumus: m.Rumus, problems: Collector) -> None:
    """No parameter the formula's kind ignores, inputs that say one thing, and a score's
    declared result range that holds what its input range gives."""
    for name, kind in _KIND_ONLY:
        value = getattr(rumus, name)
        if rumus.jenis != kind and value != _DEFAULTS[name]:
            problems.add(
                "parameter-unused",
                _at(rumus, name),
                f"{ind.id}: rumus {rumus.jenis} tidak memakai `{name}` ({_shown(value)}); "
                f"`{name}` hanya untuk rumus {kind}. Perbaiki `jenis`, atau hapus `{name}`",
            )
    if rumus.faktor <= 0:
        problems.add(
            "value-out-of-range",
            _at(rumus, "faktor"),
            f"{ind.id}: faktor rumus rasio {_shown(rumus.faktor)} harus lebih dari 0 "
            "(100 untuk persen, 1.000 atau 100.000 untuk angka per 1.000 atau per 100.000)",
        )
    for label, x in (("a", rumus.a), ("b", rumus.b)):
        if x is None:
            continue
        if x.jumlah and x.unik:
            problems.add(
                "parameter-conflict",
                _at(x, "unik"),
                f"{ind.id}: masukan {label} memakai `jumlah` ({x.jumlah!r}) dan `unik` "
                f"({x.unik!r}) sekaligus; pilih satu: jumlah kolom angka, atau banyak nilai "
                "berbeda",
            )
        for name in ("jumlah", "unik"):
            if getattr(x, name) and not x.daftar:
                problems.add(
                    "parameter-unused",
                    _at(x, name),
                    f"{ind.id}: masukan {label} memakai `{name}` tanpa `daftar`; tulis "
                    f"`daftar` yang dihitung, atau hapus `{name}`",
                )
    _score_range(ind, rumus, problems)


def _shown(value: object) -> str:
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, list):
        return f"{len(value)} nilai"
    return repr(value)


def _score_range(ind: m.Indikator, rumus: m.Rumus, problems: Collector) -> None:
    """konstanta + a × pengali / pembagi over the declared range of a must stay in the
    declared range of the result; else an allowed input gives a 'finding' by construction."""
    if rumus.jenis != "skor" or rumus.pembagi == 0:
        return
    ra, rr = rumus.rentang_a, rumus.rentang
    if len(ra) != 2 or len(rr) != 2 or ra[0] > ra[1] or rr[0] > rr[1]:
        return  # a malformed range is validate's bad-rule
    ends = [rumus.konstanta + v * rumus.pengali / rumus.pembagi for v in ra]
    low, high = min(ends), max(ends)
    if low < rr[0] or high > rr[1]:
        problems.add(
            "formula-range-contradiction",
            _at(rumus, "rentang"),
            f"{ind.id}: dengan a dari {num(ra[0])} sampai {num(ra[1])} rumus skor memberi "
            f"{num(low)} sampai {num(high)}, di luar rentang hasil {num(rr[0])}–{num(rr[1])}; "
            "periksa konstanta, pengali, pembagi dan kedua rentang",
        )


def _sum_columns(d: m.Daftar, problems: Collector) -> None:
    """A sum column adds up columns that exist, never itself (directly or through another
    sum column), and its key is not a typed column's."""
    typed = {k.kunci for k in d.kolom}
    sums = {k.kunci: k for k in d.kolom_jumlah}
    for i, k in enumerate(d.kolom_jumlah):
        at = k.lokasi if k.lokasi.file else d.lokasi
        where = Location(at.file, at.line, f"daftar[{d.id}].kolom_jumlah[{i}]")
        if k.kunci in typed:
            problems.add(
                "duplicate-id",
                Location(where.file, where.line, f"{where.path}.kunci"),
                f"kunci kolom {k.kunci!r} dipakai `kolom` dan `kolom_jumlah` sekaligus; "
                "nilai yang diketik akan ditimpa hasil jumlah. Beri kunci lain",
            )
        for name in k.dari:
            if name not in typed and name not in sums:
                problems.add(
                    "unknown-ref",
                    Location(where.file, where.line, f"{where.path}.dari"),
                    f"kolom_jumlah {k.kunci!r} menjumlahkan {name!r}, yang bukan kolom daftar "
                    f"ini (yang ada: {', '.join(sorted(typed | set(sums)))})",
                )
        path = _cycle(k.kunci, sums)
        if path:
            problems.add(
                "formula-self-reference",
                Location(where.file, where.line, f"{where.path}.dari"),
                f"kolom_jumlah {k.kunci!r} menjumlahkan dirinya sendiri "
                f"({' → '.join(path)}); hasilnya tidak bisa dihitung",
            )


def _cycle(start: str, sums: dict[str, m.KolomJumlah]) -> list[str]:
    """The way from a sum column back to itself through the sum columns it adds up, or []."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        key, path = stack.pop()
        for name in sums[key].dari if key in sums else []:
            if name == start:
                return [*path, name]
            if name in sums and name not in seen:
                seen.add(name)
                stack.append((name, [*path, name]))
    return []
