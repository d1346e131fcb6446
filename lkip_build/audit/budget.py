"""Budgets: every stated pagu, realisasi, sisa, percentage and terbilang at every level."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from functools import partial
from typing import Literal

from lkip_build import model as m
from lkip_build.audit import diagnosis, wording
from lkip_build.audit.diagnosis import Explanation
from lkip_build.audit.recorder import Auditor, Explain, stated_number
from lkip_build.compute import HUNDRED, PosResult, SumberResult
from lkip_build.model import NA
from lkip_build.model.numbers import format_decimal, format_int, round_half_up
from lkip_build.present.tables import rp
from lkip_build.problems import Angka, Sebab


def budget(a: Auditor) -> None:
    for s in a.h.sumber.values():
        of = f"seluruh {s.sumber.nama}"
        _stated_amounts(a, s.sumber.tertulis, f"{s.sumber.id}", s, None, s.program, of)
        for p in s.program:
            _pos(a, p, s.sumber.id)


def _pos(a: Auditor, p: PosResult, path: str, depth: int = 0) -> None:
    sid = path.split("/", 1)[0]
    # the table that shows this line: programmes are in the programme table, deeper lines
    # in the detailed one (as every other budget finding is labelled)
    kinds = ("anggaran-program", "anggaran-rinci") if "/" not in path else ("anggaran-rinci",)
    shown = [t for t in (a.table_of(k, sid) for k in kinds) if t != sid]
    table = shown[0] if shown else ""
    path = f"{path}/{p.pos.id or p.pos.nama}"
    of = f"{wording.level(depth)} “{p.pos.nama}” ({a.h.sumber[sid].sumber.nama})"
    fisik = None if isinstance(p.pos.fisik, NA) else p.pos.fisik
    _stated_amounts(a, p.pos.tertulis, path, p, fisik, p.anak, of)
    if p.realisasi is not None and p.pagu is not None and p.realisasi > p.pagu:
        perihal = wording.budget_figure("realisasi", of)
        a.add(
            "realisasi-over-pagu",
            p.pos.lokasi,
            table,
            path,
            f"realisasi {rp(p.realisasi)} melebihi pagu {rp(p.pagu)}",
            computed=rp(p.realisasi),
            difference=rp(p.realisasi - p.pagu),
            perihal=perihal,
            kalimat=wording.sentence(
                f"{perihal}: {rp(p.realisasi)}, melebihi pagunya {rp(p.pagu)}"
            ),
            angka=Angka(None, Decimal(p.realisasi), Decimal(p.realisasi - p.pagu)),
        )
    for c in p.anak:
        _pos(a, c, path, depth + 1)


def _stated_amounts(
    a: Auditor,
    stated: list[m.Tertulis],
    path: str,
    line: PosResult | SumberResult,
    fisik: Decimal | None,
    rows: list[PosResult],
    of: str,
) -> None:
    """Every figure stated for one budget line (a source of funds or a budget item) with
    `rows` under it, `of` naming it in words; a figure that follows from a misprint beside
    it is a consequence."""
    pagu, realisasi, persen = line.pagu, line.realisasi, line.persen  # as the table shows
    explain = _explainers(line, rows)
    for t in stated:
        consequence = _printed_basis(a, t, pagu, realisasi)
        cut = _truncated_persen(t, consequence)
        if consequence:
            _printed_cause(a, t, path, of, pagu, realisasi, cut)
        for key, text in t.nilai.items():
            field = f"{path}.{key}"
            if key == "persen" and cut is not None:
                explain = {**explain, "persen": partial(_only, cut)}
            own = {
                "sisa": line.sisa if isinstance(line, PosResult) else _sisa(line),
                "persen": persen,
            }
            if key in consequence and a.consequence(
                t,
                field,
                text,
                integer=key == "sisa",
                computed=own[key],
                basis=consequence[key],
                what=key,
                follows="angka lain",
                perihal=wording.budget_figure(key, of),
            ):
                continue
            _stated_amount(a, t, field, key, text, line, fisik, explain, of)


def _explainers(line: PosResult | SumberResult, rows: list[PosResult]) -> dict[str, Explain | None]:
    """How a mismatch of the line's pagu, realisasi or percentage is explained from its rows:
    a total missing a row, the percentage as a ratio of sums or as the mean of the rows'."""
    induk = line.induk if isinstance(line, PosResult) else line.sumber.persen_induk
    meant: Literal["ratio", "mean"] = "mean" if induk == "rerata_baris" else "ratio"
    names = [r.pos.nama for r in rows]
    pagus = [Decimal(r.pagu) for r in rows if r.pagu is not None]
    if len(pagus) != len(rows):
        pagus = []
    reals = [Decimal(r.realisasi) for r in rows if r.realisasi is not None]
    if len(reals) != len(rows):
        reals = []

    def total(values: list[Decimal]) -> Explain | None:
        if not rows:
            return None
        return lambda v: diagnosis.candidates_total(v, values, 0, labels=names)

    ratio: Explain | None = None
    if rows and all(pagus) and reals:
        ratio = lambda v: diagnosis.candidates_ratio(  # noqa: E731
            v, reals, pagus, 2, labels=names, meant=meant
        )
    return {"pagu": total(pagus), "realisasi": total(reals), "persen": ratio}


def _stated_amount(
    a: Auditor,
    t: m.Tertulis,
    field: str,
    key: str,
    text: str,
    line: PosResult | SumberResult,
    fisik: Decimal | None,
    explain: dict[str, Explain | None],
    of: str,
) -> None:
    """One stated figure of a budget line, by its name."""
    pagu, realisasi, persen = line.pagu, line.realisasi, line.persen
    at = (t.lokasi, t.di, field, text)
    words = wording.budget_figure(key, of)
    if key == "pagu":
        a.number(*at, pagu, integer=True, explain=explain["pagu"], perihal=words)
    elif key == "realisasi":
        a.number(*at, realisasi, integer=True, explain=explain[key], perihal=words)
    elif key == "persen":
        a.number(*at, persen, what="persen keuangan", explain=explain[key], perihal=words)
    elif key == "sisa":
        rest = line.sisa if isinstance(line, PosResult) else _sisa(line)
        a.number(*at, rest, integer=True, what="sisa", perihal=words)
    elif key == "fisik":
        if fisik is not None:
            a.number(*at, fisik, what="fisik", perihal=words)
    elif key in ("terbilang_pagu", "terbilang_realisasi"):
        amount = pagu if key == "terbilang_pagu" else realisasi
        if amount is None:
            a.number(t.lokasi, t.di, field, "0", None, what=key, perihal=words)
            return
        digits = t.nilai.get(key.removeprefix("terbilang_"))
        a.words(*at, amount, digits, perihal=words)
    else:
        a.unknown(t, field, key, text, BUDGET_NAMES)


# the names a budget line's `tertulis` takes (EDITING.md, "Nama `tertulis` yang diterima")
BUDGET_NAMES = (
    "pagu",
    "realisasi",
    "persen",
    "sisa",
    "fisik",
    "terbilang_pagu",
    "terbilang_realisasi",
)


def _printed_basis(
    a: Auditor, t: m.Tertulis, pagu: int | Decimal | None, realisasi: int | Decimal | None
) -> dict[str, Decimal]:
    """Where a document misprints a pagu or realisasi, the sisa and percentage it prints
    beside them follow from the misprint: what they would be from the printed figures."""
    read = {
        k: stated_number(t.nilai[k], integer=True) for k in ("pagu", "realisasi") if k in t.nilai
    }
    stated_pagu, stated_realisasi = read.get("pagu"), read.get("realisasi")
    if pagu is None and not stated_pagu:
        return {}
    p = stated_pagu[0] if stated_pagu else Decimal(pagu or 0)
    r = stated_realisasi[0] if stated_realisasi else realisasi
    if r is None or (p == pagu and r == realisasi):
        return {}
    out = {"sisa": p - Decimal(r)}
    if p:
        out["persen"] = Decimal(r) * HUNDRED / p
    return out


def _only(e: Explanation, _printed: Decimal) -> list[Explanation]:
    return [e]


def _truncated_persen(t: m.Tertulis, basis: dict[str, Decimal]) -> Explanation | None:
    """The printed percentage as the printed pagu and realisasi give it, cut after its
    decimals instead of rounded: the explanation of that mismatch, else None."""
    read = stated_number(t.nilai["persen"], False) if "persen" in t.nilai else None
    if read is None or "persen" not in basis:
        return None
    value, decimals = read
    exact = basis["persen"]
    cut = exact.scaleb(decimals).to_integral_value(ROUND_DOWN).scaleb(-decimals)
    if cut != value or round_half_up(exact, decimals) == value:
        return None
    return Explanation(
        "truncated",
        f"persen dari pagu dan realisasi yang tercetak di tempat yang sama "
        f"({format_decimal(exact, decimals + 2)}), dipotong, bukan dibulatkan",
    )


def _printed_cause(
    a: Auditor,
    t: m.Tertulis,
    path: str,
    of: str,
    pagu: int | Decimal | None,
    realisasi: int | Decimal | None,
    cut: Explanation | None,
) -> None:
    """One cause for a place that misprints its pagu or realisasi: those notes, and the
    figures printed beside them that follow (their consequences, a truncated percentage,
    the amounts in words)."""
    wrong = []
    for key, value in (("pagu", pagu), ("realisasi", realisasi)):
        read = stated_number(t.nilai[key], True) if key in t.nilai else None
        if read is not None and value is not None and read[0] != value:
            wrong.append(f"{key} {t.nilai[key].strip()} (data: {format_int(int(value))})")
    if not wrong:
        return
    sebab = Sebab(
        "printed-figures",
        wording.sentence(
            f"{wording.cap(of)}: {wording.place(t.di)} menulis {' dan '.join(wrong)}",
            "angka lain yang tercetak di sana dihitung dari angka itu",
        ),
    )
    keys = [("stated-mismatch", t.di, f"{path}.{k}") for k in ("pagu", "realisasi")]
    keys += [("stated-consequence", t.di, f"{path}.{k}") for k in t.nilai]
    if cut is not None:
        keys.append(("stated-mismatch", t.di, f"{path}.persen"))
    a.link(sebab, *keys)


def _sisa(s: SumberResult) -> int | Decimal | None:
    if s.realisasi is None or s.pagu is None:
        return None
    return s.pagu - s.realisasi


# ---------------------------------------------------------------- versions of a pagu


def versions(a: Auditor) -> None:
    """Each line's versions of its pagu (DIPA awal, setelah penghematan, murni, perubahan):
    the last is the pagu in force, which the programmes (or the line itself) give; a printed
    difference between two versions is compared by its size, its direction being in the
    version's words ("penghematan", "tambahan")."""
    for sid, s in a.h.sumber.items():
        table = a.table_of("anggaran-versi", sid)
        _versions(a, s.sumber.versi_pagu, s.pagu, s.sumber.nama, table, f"{sid}")
        stack = [(p, f"{sid}/{p.pos.id or p.pos.nama}") for p in s.program]
        while stack:
            p, path = stack.pop()
            of = f"“{p.pos.nama}” ({s.sumber.nama})"
            _versions(a, p.pos.versi_pagu, p.pagu, of, table, path)
            stack.extend((c, f"{path}/{c.pos.id or c.pos.nama}") for c in p.anak)


def _versions(
    a: Auditor,
    items: list[m.VersiPagu],
    in_force: int | Decimal | None,
    of: str,
    table: str,
    path: str,
) -> None:
    before: int | Decimal | None = None
    for i, v in enumerate(items):
        here = f"{path}.versi_pagu[{i}]"
        words = f"pagu {v.nama} {of}"
        for t in v.tertulis:
            for key, text in t.nilai.items():
                field = f"{here}.{key}"
                if key == "pagu":
                    a.number(
                        t.lokasi,
                        t.di,
                        field,
                        text,
                        v.pagu,
                        integer=True,
                        what=words,
                        perihal=wording.cap(words),
                    )
                elif key == "selisih" and before is not None:
                    a.number(
                        t.lokasi,
                        t.di,
                        field,
                        text.strip().lstrip("+-−").strip(),  # its size: the name says which way
                        abs(Decimal(v.pagu) - Decimal(before)),
                        integer=True,
                        what=f"selisih {words}",
                        perihal=wording.cap(f"selisih {words} dari versi sebelumnya"),
                    )
                else:
                    a.unknown(t, field, key, text, ("pagu", "selisih"))
        before = v.pagu
    if items and in_force is not None and items[-1].pagu != in_force:
        last = items[-1]
        perihal = wording.cap(f"pagu yang berlaku {of}")
        a.add(
            "budget-version-mismatch",
            last.lokasi,
            table,
            f"{path}.versi_pagu[{len(items) - 1}].pagu",
            f"versi terakhir {last.nama!r} berpagu {rp(last.pagu)}, sedangkan pagu yang "
            f"berlaku (pagu pos itu, atau jumlah rinciannya) {rp(in_force)}",
            str(rp(last.pagu)),
            str(rp(in_force)),
            str(rp(in_force - last.pagu)),
            perihal=perihal,
            kalimat=wording.sentence(
                f"{perihal}: versi terakhirnya, {last.nama}, berpagu Rp{rp(last.pagu)}, "
                f"sedangkan pagu yang berlaku Rp{rp(in_force)}"
            ),
            angka=Angka(Decimal(last.pagu), Decimal(in_force), Decimal(in_force - last.pagu)),
        )
