"""Indicators: stated targets, realisasi, capaian and means; claims; NA results; domains."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from .. import claims, diagnosis
from .. import model as m
from ..capaian import apply
from ..compute import HUNDRED, IndikatorResult, count_from_daftar
from ..model import NA, NA_SPELLINGS
from ..numbers import format_decimal, format_int
from .recorder import Auditor, _half_unit, stated_number


def indicators(a: Auditor) -> None:
    h = a.h
    kinerja = h.report.kinerja
    if kinerja is None:
        return
    for r in h.indikator.values():
        _indicator(a, r)
    for t in kinerja.tertulis:
        for key, text in t.nilai.items():
            field = f"indikator.yml tertulis.{key}"
            if key == "rata_rata":
                scored = [r.capaian for r in h.utama if r.capaian is not None]
                names = [r.indikator.id for r in h.utama if r.capaian is not None]
                a.number(
                    t.lokasi,
                    t.di,
                    field,
                    text,
                    h.rata_rata,
                    what="rata-rata capaian",
                    explain=partial(diagnosis.candidates_mean, values=scored, labels=names),
                )
            elif key == "kategori":
                a.category(t.lokasi, t.di, field, text, h.kategori)
            elif key == "klaim":
                a.claim(t, field, text, claims.report_claim(text, h))
            else:
                a.unknown(t, field, key, text)


def _indicator(a: Auditor, r: IndikatorResult) -> None:
    """One indicator: its stated figures, then the warnings on its capaian, then the list
    counts its formula uses (findings in that order)."""
    _stated_figures(a, r)
    _capaian_warnings(a, r, a.table_of_kind("capaian"))
    _list_counts(a, r)


def _stated_figures(a: Auditor, r: IndikatorResult) -> None:
    """Every figure the document states for the indicator, against the computed one."""
    ind = r.indikator
    values: dict[str, object] = {
        "target": ind.target,
        "realisasi": r.realisasi,
        "capaian": r.capaian,
        "capaian_mentah": r.capaian_mentah,
        "a": r.a,
        "b": r.b,
        "kategori": r.kategori,
    }
    for t in ind.tertulis:
        follows = _from_printed_realisasi(r, t)
        for key, text in t.nilai.items():
            field = f"{ind.id}.{key}"
            if (
                key == "capaian"
                and follows is not None
                and r.capaian is not None
                and a.consequence(
                    t,
                    field,
                    text,
                    integer=False,
                    computed=r.capaian,
                    basis=follows,
                    what="capaian",
                    follows=f"realisasi {t.nilai['realisasi']}",
                )
            ):
                continue
            if key == "klaim":
                a.claim(t, field, text, claims.indicator_claim(text, r))
            elif key not in values:
                a.unknown(t, field, key, text)
            else:
                _stated_value(a, r, t, field, key, text, values[key])


def _stated_value(
    a: Auditor, r: IndikatorResult, t: m.Tertulis, field: str, key: str, text: str, v: object
) -> None:
    """One stated figure of a known name against its computed value `v`."""
    if key == "kategori":
        a.category(t.lokasi, t.di, field, text, str(v))
    elif isinstance(v, NA) or (v is None and (r.na or key in ("a", "b"))):
        # an NA result is still audited: a printed number on it is a finding
        if text.strip() not in NA_SPELLINGS:
            a.add(
                "stated-mismatch",
                t.lokasi,
                t.di,
                field,
                f"dokumen menulis {text}, data: NA ({r.na or 'tidak tersedia'})",
                text,
                "NA",
            )
    elif v is None:
        return
    elif key == "realisasi":
        # the published realisasi is itself rounded: compare the exact value
        what = f"realisasi {r.indikator.id}"
        a.number(t.lokasi, t.di, field, text, r.realisasi_tepat, what=what)
    else:
        assert isinstance(v, Decimal), "NA and None were handled above: the rest is Decimal"
        a.number(t.lokasi, t.di, field, text, v, what=f"{key} {r.indikator.id}")


def _capaian_warnings(a: Auditor, r: IndikatorResult, table: str) -> None:
    """What the computation itself warns of: an uncapped capaian over 100 %, a policy
    applied (or an NA capaian left out of the mean), a realisasi out of its domain."""
    ind = r.indikator
    if (
        ind.aturan.batas is None
        and ind.aturan.jenis != "skala"
        and r.capaian is not None
        and r.capaian > HUNDRED
        and not _printed_above_100(ind)
    ):
        a.add(
            "capaian-over-100",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            f"capaian {format_decimal(r.capaian)} % melebihi 100 % dan aturannya tanpa batas "
            "(batas: null); periksa apakah laporan memang tidak membatasi capaian",
            computed=format_decimal(r.capaian),
        )
    if r.catatan:
        a.add(
            "policy-applied",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            r.catatan,
            computed=format_decimal(r.capaian or Decimal(0)),
        )
    elif r.na and ind.dinilai:
        a.add(
            "capaian-na",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            f"capaian {ind.id} tidak dihitung: {r.na}; tidak masuk rata-rata",
            computed="NA",
        )
    if r.out_of_domain:
        a.add(
            "out-of-domain",
            ind.lokasi,
            table,
            f"{ind.id}.realisasi",
            f"{ind.id}: {r.out_of_domain}",
            computed=format_decimal(r.realisasi_tepat) if r.realisasi_tepat is not None else None,
        )


def _list_counts(a: Auditor, r: IndikatorResult) -> None:
    """A formula input typed as a number but drawn from a list: the list's count must match."""
    ind = r.indikator
    rumus = ind.realisasi
    if isinstance(rumus, NA):
        return
    for x in (rumus.a, rumus.b):
        if x is not None and isinstance(x.nilai, Decimal) and x.daftar:
            counted = count_from_daftar(x, a.h.daftar, None)
            if counted is not None and counted != x.nilai:
                table = a.table_of("daftar", x.daftar)
                a.add(
                    "count-mismatch",
                    x.lokasi,
                    table,
                    f"{ind.id}.realisasi",
                    f"rumus {ind.id} memakai {format_decimal(x.nilai, 0)}, "
                    f"sedangkan {table} berisi {format_int(int(counted))}",
                    format_decimal(x.nilai, 0),
                    format_int(int(counted)),
                    format_int(int(counted - x.nilai)),
                )


def _printed_above_100(ind: m.Indikator) -> bool:
    """Whether the document itself prints a capaian above 100 %: then it does not cap, and
    an uncapped rule needs no warning (whether the figure is right is checked apart)."""
    for t in ind.tertulis:
        read = stated_number(t.nilai["capaian"], integer=False) if "capaian" in t.nilai else None
        if read is not None and read[0] > HUNDRED:
            return True
    return False


def _from_printed_realisasi(r: IndikatorResult, t: m.Tertulis) -> Decimal | None:
    """The capaian a document's own printed realisasi gives, where that realisasi is not
    the computed one: a printed capaian that follows it is a consequence, not an error."""
    ind = r.indikator
    if (
        "realisasi" not in t.nilai
        or r.realisasi_tepat is None
        or not isinstance(ind.target, Decimal)
    ):
        return None
    read = stated_number(t.nilai["realisasi"], integer=False)
    if read is None or abs(read[0] - r.realisasi_tepat) <= _half_unit(read[1]):
        return None
    base = ind.tahun_dasar if isinstance(ind.tahun_dasar, Decimal) else None
    aturan = ind.aturan
    return apply(aturan.jenis, aturan.batas, aturan.lantai, ind.target, read[0], base)
