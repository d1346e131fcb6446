"""Indicators: stated targets, realisasi, capaian and means; claims; NA results; domains."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from lkip_build import model as m
from lkip_build.audit import claims, diagnosis, lists, wording
from lkip_build.audit.recorder import Auditor, _half_unit, stated_number
from lkip_build.compute import HUNDRED, IndikatorResult, count_from_daftar
from lkip_build.compute.capaian import RULES, apply
from lkip_build.model import NA, NA_SPELLINGS
from lkip_build.model.numbers import format_decimal, format_int, round_half_up
from lkip_build.problems import Angka, Sebab


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
                _mean(a, t, field, text)
            elif key == "kategori":
                a.category(t.lokasi, t.di, field, text, h.kategori, "Kategori capaian kinerja")
            elif key == "klaim":
                a.claim(t, field, text, claims.report_claim(text, h), "Pernyataan tentang kinerja")
            else:
                a.unknown(t, field, key, text, ("rata_rata", "kategori", "klaim"))


def _mean(a: Auditor, t: m.Tertulis, field: str, text: str) -> None:
    """The printed mean capaian. A mean of the capaian as the document prints them, where
    some are misprinted, follows those misprints: a consequence when rounded, a mismatch
    explained so when cut; either way grouped under them (`causes`)."""
    h = a.h
    scored = [r for r in h.utama if r.capaian is not None]
    shown, wrong = _printed_capaian(scored, t.di)
    perihal = "Rata-rata capaian kinerja"
    figures = "; ".join(format_decimal(v, max(2, -int(v.as_tuple().exponent))) for v in shown)
    cause = Sebab(
        "mean-of-printed",
        wording.sentence(
            f"{perihal}: dokumen merata-ratakan capaian yang dicetaknya ({figures}), termasuk "
            "yang tidak cocok dengan data",
        ),
    )
    if wrong and h.rata_rata is not None:
        basis = sum(shown, Decimal(0)) / len(shown)
        if a.consequence(
            t,
            field,
            text,
            integer=False,
            computed=h.rata_rata,
            basis=basis,
            what="rata-rata capaian",
            follows="rata-rata capaian",
            at="di tabel capaian",
            perihal=perihal,
        ):
            a.link(cause, *wrong, ("stated-consequence", t.di, field))
            return
    explain = partial(
        diagnosis.candidates_mean,
        values=[r.capaian for r in scored if r.capaian is not None],
        labels=[r.indikator.id for r in scored],
        shown=shown if wrong else None,
    )
    a.number(
        t.lokasi,
        t.di,
        field,
        text,
        h.rata_rata,
        what="rata-rata capaian",
        explain=explain,
        perihal=perihal,
    )
    read = stated_number(text, integer=False)
    if wrong and read is not None and any(e.kode == "mean-of-printed" for e in explain(read[0])):
        a.link(cause, *wrong, ("stated-mismatch", t.di, field))


def _printed_capaian(
    scored: list[IndikatorResult], di: str
) -> tuple[list[Decimal], list[tuple[str, str, str]]]:
    """Each scored indicator's capaian as the document prints it (in the place `di` first,
    else anywhere; the computed one when it prints none), and the notes of those printed
    wrong."""
    shown: list[Decimal] = []
    wrong: list[tuple[str, str, str]] = []
    for r in scored:
        assert r.capaian is not None
        printed = sorted(
            (t for t in r.indikator.tertulis if "capaian" in t.nilai), key=lambda t: t.di != di
        )
        read = stated_number(printed[0].nilai["capaian"], integer=False) if printed else None
        if read is None:
            shown.append(r.capaian)
            continue
        shown.append(read[0])
        if abs(read[0] - r.capaian) > _half_unit(read[1]):
            field = f"{r.indikator.id}.capaian"
            wrong += [
                (code, printed[0].di, field) for code in ("stated-mismatch", "stated-consequence")
            ]
    return shown, wrong


def _indicator(a: Auditor, r: IndikatorResult) -> None:
    """One indicator: its stated figures, then the warnings on its capaian, then the list
    counts its formula uses (findings in that order)."""
    _stated_figures(a, r)
    _capaian_warnings(a, r, a.table_of_kind("capaian"))
    _stated_rule(a, r)
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
                    perihal=wording.indicator_figure(ind, "capaian"),
                )
            ):
                continue
            if key == "klaim":
                words = wording.indicator_figure(ind, "klaim")
                a.claim(t, field, text, claims.indicator_claim(text, r), words)
            elif key not in values:
                a.unknown(t, field, key, text, [*values, "klaim"])
            else:
                _stated_value(a, r, t, field, key, text, values[key])


def _stated_value(
    a: Auditor, r: IndikatorResult, t: m.Tertulis, field: str, key: str, text: str, v: object
) -> None:
    """One stated figure of a known name against its computed value `v`."""
    words = wording.indicator_figure(r.indikator, key)
    if key == "kategori":
        a.category(t.lokasi, t.di, field, text, str(v), words)
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
                perihal=words,
                kalimat=wording.sentence(
                    f"{words}: {wording.place(t.di)} menulis {text}, sedangkan menurut data "
                    f"nilainya tidak tersedia (NA: {r.na or 'tidak tersedia'})"
                ),
            )
    elif v is None:
        return
    elif key == "realisasi":
        # the published realisasi is itself rounded: compare the exact value
        what = f"realisasi {r.indikator.id}"
        a.number(t.lokasi, t.di, field, text, r.realisasi_tepat, what=what, perihal=words)
    else:
        assert isinstance(v, Decimal), "NA and None were handled above: the rest is Decimal"
        explain = partial(_other_rules, r) if key == "capaian" else None
        what = f"{key} {r.indikator.id}"
        a.number(t.lokasi, t.di, field, text, v, what=what, perihal=words, explain=explain)


def _other_rules(r: IndikatorResult, printed: Decimal) -> list[diagnosis.Explanation]:
    """A printed capaian the applied rule does not give, tried against every other rule on
    the same target and realisasi, capped as the data says and uncapped (the formula
    inverted, a cap forgotten), and against the slips of a single figure."""
    ind = r.indikator
    aturan = ind.aturan
    decimals = max(0, -int(printed.as_tuple().exponent))
    if r.capaian is None or r.realisasi is None or not isinstance(ind.target, Decimal):
        return []
    base = ind.tahun_dasar if isinstance(ind.tahun_dasar, Decimal) else None
    by_rule: dict[str, Decimal] = {}
    for jenis, rule in RULES.items():
        for batas in dict.fromkeys((aturan.batas, None)):
            if jenis == aturan.jenis and batas == aturan.batas:
                continue
            v = apply(jenis, batas, aturan.lantai, ind.target, r.realisasi, base)
            if v is not None and v != r.capaian:
                label = rule.rumus + ("" if batas is not None else " tanpa batas")
                by_rule.setdefault(label, v)
    return diagnosis.candidates_rule(printed, r.capaian, decimals, by_rule)


def _capaian_warnings(a: Auditor, r: IndikatorResult, table: str) -> None:
    """What the computation itself warns of: an uncapped capaian over 100 %, a policy
    applied (or an NA capaian left out of the mean), a realisasi out of its domain."""
    ind = r.indikator
    capaian = wording.indicator_figure(ind, "capaian")
    if (
        ind.aturan.batas is None
        and ind.aturan.jenis != "skala"
        and r.capaian is not None
        and r.capaian > HUNDRED
        and not _printed_above_100(ind)
    ):
        shown = format_decimal(r.capaian)
        a.add(
            "capaian-over-100",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            f"capaian {shown} % melebihi 100 % dan aturannya tanpa batas "
            "(batas: null); periksa apakah laporan memang tidak membatasi capaian",
            computed=shown,
            perihal=capaian,
            kalimat=wording.sentence(
                f"{capaian}: hasil hitung {shown} %, melebihi 100 %, dan laporan tidak "
                "menyebut batas capaian",
                "perlu diperiksa apakah laporan memang tidak membatasinya",
            ),
            angka=Angka(None, round_half_up(r.capaian, 2)),
        )
    if r.catatan or (r.na and ind.dinilai):
        _na_note(a, r, table, capaian)
    if r.out_of_domain:
        realisasi = wording.indicator_figure(ind, "realisasi")
        a.add(
            "out-of-domain",
            ind.lokasi,
            table,
            f"{ind.id}.realisasi",
            f"{ind.id}: {r.out_of_domain}",
            computed=format_decimal(r.realisasi_tepat) if r.realisasi_tepat is not None else None,
            perihal=realisasi,
            kalimat=wording.sentence(f"{realisasi}: {r.out_of_domain}"),
        )


def _na_note(a: Auditor, r: IndikatorResult, table: str, capaian: str) -> None:
    """A policy that decided a capaian (the NA target taken as 100 %), or an NA capaian
    left out of the mean."""
    ind = r.indikator
    if r.catatan:
        a.add(
            "policy-applied",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            r.catatan,
            computed=format_decimal(r.capaian or Decimal(0)),
            perihal=capaian,
            kalimat=wording.sentence(f"{capaian}: {r.catatan}"),
            angka=Angka(None, r.capaian),
        )
    else:
        a.add(
            "capaian-na",
            ind.lokasi,
            table,
            f"{ind.id}.capaian",
            f"capaian {ind.id} tidak dihitung: {r.na}; tidak masuk rata-rata",
            computed="NA",
            perihal=capaian,
            kalimat=wording.sentence(
                f"{capaian} tidak dihitung: {r.na}", "capaian ini tidak masuk rata-rata"
            ),
        )


def _stated_rule(a: Auditor, r: IndikatorResult) -> None:
    """The capaian formula the prose states against the rule the data applies (the one its
    printed figures follow): where they differ, the reader is told both, with the capaian
    the stated words would give."""
    ind = r.indikator
    stated = ind.aturan.rumus_tertulis
    if stated is None or stated.jenis == ind.aturan.jenis:
        return
    said, used = _rule_words(stated.jenis), _rule_words(ind.aturan.jenis)
    capaian = wording.indicator_figure(ind, "capaian")
    by_words = None
    if r.realisasi is not None and isinstance(ind.target, Decimal):
        base = ind.tahun_dasar if isinstance(ind.tahun_dasar, Decimal) else None
        aturan = ind.aturan
        by_words = apply(stated.jenis, aturan.batas, aturan.lantai, ind.target, r.realisasi, base)
    would = (
        f"; menurut rumus yang dinyatakan capaiannya {format_decimal(by_words)} %"
        if (by_words is not None)
        else ""
    )
    a.add(
        "formula-stated-differs",
        stated.lokasi,
        stated.di,
        f"{ind.id}.aturan.rumus_tertulis",
        f"{ind.id}: {stated.di} menyatakan rumus capaian {stated.teks!r} ({stated.jenis}: "
        f"{said}), sedangkan capaian dihitung dengan aturan {ind.aturan.jenis} ({used}), "
        f"seperti angka tercetaknya{would}",
        f"{stated.jenis}: {said}",
        f"{ind.aturan.jenis}: {used}",
        perihal=capaian,
        kalimat=wording.sentence(
            f'{capaian}: {wording.place(stated.di)} menyatakan rumusnya "{stated.teks}" '
            f"({said}), tetapi angka yang tercetak dihitung dengan {used}{would}"
        ),
        angka=Angka(
            by_words,
            r.capaian,
            None if by_words is None or r.capaian is None else r.capaian - by_words,
        ),
    )


def _rule_words(jenis: str) -> str:
    rule = RULES.get(jenis)
    return rule.rumus if rule else "langkah skala"


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
                words = wording.indicator_figure(ind, "realisasi")
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
                    perihal=words,
                    kalimat=wording.sentence(
                        f"{words}: rumusnya memakai {format_decimal(x.nilai, 0)}, sedangkan "
                        f"{table} berisi {format_int(int(counted))}"
                    ),
                    angka=Angka(x.nilai, Decimal(counted), Decimal(counted) - x.nilai),
                )
                d = a.h.daftar[x.daftar]
                if lists.missing(d) == int(x.nilai - counted):  # the rows the list lacks
                    sebab, keys = lists.missing_cause(a, d)
                    a.link(sebab, *keys, ("count-mismatch", table, f"{ind.id}.realisasi"))


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
