"""Indicators: capaian by rule and category, from the realisasi its formula gives.

The realisasi comes from `realisasi` (by the indicator's formula; NA when an input is NA).
The rules themselves are data in `capaian.RULES`; here they are applied with caps, floors,
flags and the report's NA policy, and each result carries the rule applied with its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute import skala as skala_mod
from lkip_build.compute.capaian import RULES, AppliedRule, bounded, divisor, num
from lkip_build.compute.lists import DaftarResult
from lkip_build.compute.prices import HargaResult
from lkip_build.compute.realisasi import by_formula, outside_domain
from lkip_build.model import NA, BelumDiisi, Location
from lkip_build.model.numbers import PERCENT_BOUNDS, format_decimal, round_half_up
from lkip_build.problems import Collector
from lkip_build.read.report import Report


@dataclass(frozen=True)
class IndikatorResult:
    indikator: m.Indikator
    a: Decimal | NA | None
    b: Decimal | NA | None
    realisasi: Decimal | None  # as published (rounded to desimal_realisasi); None when NA
    realisasi_tepat: Decimal | None  # before that rounding
    capaian: Decimal | None  # None: not assessed, or NA (see `na`)
    capaian_mentah: Decimal | None  # before the cap
    kategori: str
    catatan: str  # a stated policy that decided the capaian (NA), shown to readers
    sub: list[IndikatorResult]
    na: str = ""  # why capaian is NA ("realisasi tidak tersedia: ..."); "" when it is not
    applied: AppliedRule | None = None  # the rule applied, with its numbers
    out_of_domain: str = ""  # why the result lies outside its rule's domain, or ""

    batas: frozenset[Decimal] = frozenset()  # the scale's bounds: never displayed unreached
    belum_diisi: bool = False  # NA because a value is still to fill (a draft)
    desimal: int = 2  # decimals realisasi is shown at (`places`)

    @property
    def desimal_target(self) -> int:
        """Decimals the target is shown at: the indicator's own `desimal`, else 2."""
        d = self.indikator.desimal
        return 2 if d is None else d

    @property
    def realisasi_na(self) -> bool:
        return self.realisasi is None


def kategori_skala(value: Decimal, skala: list[m.Kategori] | str) -> str:
    band = skala_mod.classify(value, skala_mod.resolve(skala))
    return band.kategori if band is not None else ""


class _Ctx:
    def __init__(
        self,
        report: Report,
        daftar: dict[str, DaftarResult],
        harga: dict[str, HargaResult],
        problems: Collector,
    ):
        self.report = report
        self.daftar = daftar
        self.harga = harga
        self.problems = problems
        self.pita = skala_mod.resolve(report.laporan.skala_capaian)
        self.batas = frozenset(skala_mod.boundaries(self.pita))

    def kategori(self, value: Decimal, where: Location, what: str) -> str:
        if not self.pita:
            return ""
        band = skala_mod.classify(value, self.pita)
        if band is None:
            self.problems.add(
                "value-in-scale-gap",
                where,
                f"{what} {format_decimal(value)} % jatuh di celah skala_capaian: "
                "dokumen tidak mendefinisikan kategorinya",
            )
            return ""
        return band.kategori


def places(ind: m.Indikator, kebijakan: m.Kebijakan) -> tuple[int, int]:
    """(published, shown): the decimals realisasi is rounded to before capaian, and those
    realisasi is shown at. An indicator's own `desimal` is both, as printed; otherwise the
    report's desimal_realisasi, shown with two at least (`desimal_target`: the target's)."""
    if ind.desimal is not None:
        return ind.desimal, ind.desimal
    return kebijakan.desimal_realisasi, max(2, kebijakan.desimal_realisasi)


def compute_indikator(ind: m.Indikator, ctx: _Ctx) -> IndikatorResult | None:
    kebijakan = ctx.report.laporan.kebijakan
    published, shown = places(ind, kebijakan)
    sub = [h for s in ind.sub if (h := compute_indikator(s, ctx)) is not None]
    a, b, exact = by_formula(ind, sub, ctx)
    if exact is None:
        return None  # a problem was recorded: the build stops and says why
    if isinstance(exact, NA):
        reason = exact.alasan or ind.alasan_na or kebijakan.alasan_realisasi_na
        pending = isinstance(exact, BelumDiisi)
        h = IndikatorResult(
            ind, a, b, None, None, None, None, "", "", sub, belum_diisi=pending, desimal=shown
        )
        if pending:  # never a report's NA policy: the value is not known yet
            return _na_capaian(h, "realisasi", exact.alasan, None, ctx)
        return _na_capaian(h, "realisasi", reason, kebijakan.capaian_realisasi_na, ctx)
    realisasi = round_half_up(exact, published)
    h = IndikatorResult(
        ind,
        a,
        b,
        realisasi,
        exact,
        None,
        None,
        "",
        "",
        sub,
        out_of_domain=outside_domain(ind, a, exact),
        batas=ctx.batas,
        desimal=shown,
    )
    if not ind.dinilai:
        return h
    return _capaian(h, ctx)


def _na_capaian(
    h: IndikatorResult, what: str, reason: str, policy: Decimal | None, ctx: _Ctx
) -> IndikatorResult:
    """Capaian of an indicator with an NA target or realisasi: NA, or the report's policy."""
    ind = h.indikator
    word = "belum diisi" if h.belum_diisi else "NA"
    label = f"{what.capitalize()} {word}" + (f" ({reason})" if reason else "")
    if not ind.dinilai:
        return replace(h, na=label)
    if policy is None:
        shown = "belum diisi" if h.belum_diisi else "tidak tersedia"
        expl = AppliedRule("na", f"{what.capitalize()} {shown}", "", reason)
        return replace(h, na=label, applied=expl)
    shown = format_decimal(policy, 2, trim=True)
    note = f"{what.capitalize()} NA: capaian ditetapkan {shown} % sesuai kebijakan laporan."
    if reason:
        note += f" Alasan: {reason}"
    expl = AppliedRule("kebijakan", f"{what.capitalize()} NA", "", "kebijakan laporan")
    kategori = ctx.kategori(policy, ind.lokasi, f"{ind.id}: capaian")
    return replace(h, capaian=policy, kategori=kategori, catatan=note, applied=expl)


def _capaian(h: IndikatorResult, ctx: _Ctx) -> IndikatorResult | None:
    """Capaian by the indicator's rule: a step scale, the report's policy on an NA target,
    or a rule of `capaian.RULES` with its cap, floor and flag. None when a problem was
    recorded (the build stops and says why)."""
    ind = h.indikator
    if ind.aturan.jenis == "skala":
        return _step_scale(h, ctx)
    target = ind.target
    if isinstance(target, BelumDiisi):  # never the NA policy: the target is not known yet
        return _na_capaian(replace(h, belum_diisi=True), "target", target.alasan, None, ctx)
    if isinstance(target, NA):
        kebijakan = ctx.report.laporan.kebijakan
        reason = target.alasan or ind.alasan_na or kebijakan.alasan_target_na
        return _na_capaian(h, "target", reason, kebijakan.capaian_target_na, ctx)
    return _by_rule(h, target, ctx)


def _step_scale(h: IndikatorResult, ctx: _Ctx) -> IndikatorResult | None:
    """The lowest step whose upper bound the realisasi does not pass gives the capaian, the
    steps taken by their bounds (`skala.ordered_steps`), never in the order written."""
    aturan = h.indikator.aturan
    realisasi = h.realisasi
    assert realisasi is not None
    if not aturan.skala:
        ctx.problems.add("missing-field", aturan.lokasi, "aturan skala perlu daftar `skala`")
        return None
    for step in skala_mod.ordered_steps(aturan.skala):
        if step.batas_atas is None or realisasi <= step.batas_atas:
            expl = AppliedRule(
                "skala",
                aturan.judul_skala or "Skala",
                f"realisasi {num(realisasi)} masuk langkah "
                + (f"X ≤ {num(step.batas_atas)} %" if step.batas_atas is not None else "terakhir"),
            )
            return replace(
                h,
                capaian=step.capaian,
                capaian_mentah=step.capaian,
                kategori=step.kategori,
                applied=expl,
            )
    last = max(s.batas_atas for s in aturan.skala if s.batas_atas is not None)
    ctx.problems.add(
        "scale-gap",
        aturan.lokasi,
        f"realisasi {num(realisasi)} di atas langkah skala terakhir (X ≤ {num(last)} %); "
        "tambahkan langkah terakhir tanpa `batas_atas`",
    )
    return None


def _by_rule(h: IndikatorResult, target: Decimal, ctx: _Ctx) -> IndikatorResult | None:
    """A rule of `capaian.RULES` applied, then capped, floored and flagged."""
    ind = h.indikator
    aturan = ind.aturan
    realisasi = h.realisasi
    assert realisasi is not None
    rule = RULES[aturan.jenis]
    base = ind.tahun_dasar if isinstance(ind.tahun_dasar, Decimal) else None
    if not _rule_applies(ind, target, realisasi, base, ctx):
        return None
    raw = rule.fn(target, realisasi, base)
    assert raw is not None
    value, notes = bounded(raw, aturan.batas, aturan.lantai)
    shown_r = format_decimal(realisasi, h.desimal, trim=True)  # R as published
    shown_t = format_decimal(target, h.desimal_target, trim=True)
    numbers = rule.hitungan.format(T=shown_t, R=shown_r, B=num(base))
    # the raw result as the table would show it: never on a bound it has not reached
    shown_raw = format_decimal(raw, 2, bounds=ctx.batas | PERCENT_BOUNDS)
    expl = AppliedRule(aturan.jenis, rule.rumus, f"{numbers} = {shown_raw} %", ", ".join(notes))
    out_of_domain = h.out_of_domain
    if aturan.tandai_di_atas is not None and raw > aturan.tandai_di_atas:
        limit = num(aturan.tandai_di_atas)
        extra = f"capaian {format_decimal(raw)} % di atas {limit} %: perlu verifikasi"
        out_of_domain = f"{out_of_domain}; {extra}" if out_of_domain else extra
    kategori = ctx.kategori(value, ind.lokasi, f"{ind.id}: capaian")
    return replace(
        h,
        capaian=value,
        capaian_mentah=raw,
        kategori=kategori,
        applied=expl,
        out_of_domain=out_of_domain,
    )


def _rule_applies(
    ind: m.Indikator, target: Decimal, realisasi: Decimal, base: Decimal | None, ctx: _Ctx
) -> bool:
    """The rule has what it needs (a baseline, a positive target, a divisor that is not 0);
    when it does not, the problem is recorded."""
    aturan = ind.aturan
    rule = RULES[aturan.jenis]
    if rule.needs_baseline and base is None:
        ctx.problems.add(
            "bad-rule",
            aturan.lokasi,
            f"{ind.id}: aturan {aturan.jenis} perlu `tahun_dasar` berupa angka",
        )
        return False
    if rule.divides_by == "T" and target <= 0:
        ctx.problems.add(
            "target-not-positive", ind.lokasi, f"{ind.id}: target {num(target)} harus lebih dari 0"
        )
        return False
    if divisor(rule, target, realisasi, base) == 0:
        ctx.problems.add(
            "division-by-zero",
            ind.lokasi,
            f"{ind.id}: pembagi aturan {aturan.jenis} bernilai 0, capaian tidak bisa dihitung",
        )
        return False
    return True
