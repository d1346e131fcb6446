"""Checks that a report's parts fit together: unique ids, references that resolve.

Both passes before compute are here, `check_references` (ids and what refers to them) and
`check_rules` (scales, policies, rules, NA reasons, list keys): one module because they
run together on the same loaded report and both walk its indicator tree (`Report.indicators`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal

from lkip_build import model as m
from lkip_build.compute.skala import PRESETS, defects, resolve
from lkip_build.model import Location
from lkip_build.model.numbers import format_decimal
from lkip_build.present.tables import KINDS
from lkip_build.problems import Collector
from lkip_build.read import plausible, samegroup
from lkip_build.read.consistency import check_parameters
from lkip_build.read.report import Report

ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _unique(items: Iterable[tuple[str, Location]], what: str, problems: Collector) -> set[str]:
    seen: dict[str, Location] = {}
    for ident, where in items:
        if not ident:
            continue
        if what != "nomor tabel" and not ID.fullmatch(ident):
            problems.add(
                "bad-id",
                where,
                f"id {what} {ident!r} hanya boleh berisi huruf kecil a-z, angka 0-9 dan '-' "
                "(tanpa spasi, huruf mirip dari abjad lain, atau karakter tak terlihat)",
            )
        if ident in seen:
            problems.add(
                "duplicate-id",
                where,
                f"id {what} {ident!r} sudah dipakai (baris {seen[ident].line})",
            )
        else:
            seen[ident] = where
    return set(seen)


def _budget_leaves(r: Report, problems: Collector) -> None:
    """A line without rincian carries its pagu and realisasi: a missing one is never 0."""
    for s in r.anggaran.sumber if r.anggaran else []:
        for pos in _pos(s.program):
            if pos.rincian:
                continue
            if pos.pagu is None:
                problems.add("missing-field", pos.lokasi, f"{pos.nama!r}: pagu belum diisi")
            elif isinstance(pos.pagu, m.NA) and not isinstance(pos.pagu, m.BelumDiisi):
                # pagu takes NA only to carry a draft's `{belum_diisi: ...}`
                problems.add(
                    "pagu-na",
                    Location(pos.lokasi.file, pos.lokasi.line, "pagu"),
                    f"{pos.nama!r}: pagu {pos.pagu.teks!r}; dokumen anggaran selalu mencetak "
                    "pagu. Tulis angkanya, atau `{belum_diisi: petunjuk}` dalam draf",
                )
            if pos.realisasi is None:
                problems.add(
                    "missing-field",
                    pos.lokasi,
                    f"{pos.nama!r}: realisasi belum diisi; tulis `realisasi: NA` bila dokumen "
                    "tidak mencetaknya",
                )


def _pos(items: list[m.PosAnggaran]) -> Iterable[m.PosAnggaran]:
    for p in items:
        yield p
        yield from _pos(p.rincian)


def check_references(r: Report, problems: Collector) -> None:
    """Every id unique within its kind, every reference pointing at something that exists.
    An id whose object failed to load (`problems.broken`) counts as existing: its problem
    was reported where it is."""
    inds = list(r.indicators())
    ids = _ids(r, inds, problems)
    _numbers(r, problems)
    _trust_unread(r, ids, problems.broken)
    _formula_refs(inds, ids, problems)
    _table_sources(r, ids, problems)
    _plan_refs(r, ids["indikator"], problems)
    _agreement_refs(r, ids, problems)
    _retired(r.laporan, problems)


def _retired(lap: m.Laporan, problems: Collector) -> None:
    """A key that no longer means anything is refused with what replaced it, never ignored:
    `temuan_memblokir: tidak` once let every new inconsistency through."""
    k = lap.kebijakan
    if k.temuan_memblokir is not None:
        folder = lap.lokasi.file.rsplit("/", 1)[0]
        problems.add(
            "policy-retired",
            Location(k.lokasi.file, k.lokasi.line, "kebijakan.temuan_memblokir"),
            "temuan_memblokir tidak dipakai lagi: hapus baris ini. Catatan verifikasi yang "
            "diterbitkan apa adanya (ketidakcocokan yang tercetak di dokumen) kini didaftar "
            f"satu per satu di {folder}/diterima.yml: jalankan `make terima LAPORAN={folder}`, "
            "lalu tinjau daftarnya; setiap catatan lain menghentikan pemeriksaan",
        )


Ids = dict[str, set[str]]  # what the ids name ("daftar", "sumber dana", ...) -> the ids


def _ids(r: Report, inds: list[m.Indikator], problems: Collector) -> Ids:
    """The ids of every kind, each checked unique and well-formed."""
    _unique([(r.laporan.id, r.laporan.lokasi)], "laporan", problems)
    ids: Ids = {}
    ids["daftar"] = _unique(
        ((d.id, d.lokasi) for d in (r.daftar.daftar if r.daftar else [])), "daftar", problems
    )
    ids["kelompok harga"] = _unique(
        ((g.id, g.lokasi) for g in (r.harga.kelompok if r.harga else [])),
        "kelompok harga",
        problems,
    )
    ids["indikator"] = _unique(((i.id, i.lokasi) for i in inds), "indikator", problems)
    ids["komposisi"] = _unique(
        ((k.id, k.lokasi) for k in (r.pegawai.komposisi if r.pegawai else [])),
        "komposisi",
        problems,
    )
    ids["sumber dana"] = _unique(
        ((s.id, s.lokasi) for s in (r.anggaran.sumber if r.anggaran else [])),
        "sumber dana",
        problems,
    )
    programs = [p for s in (r.anggaran.sumber if r.anggaran else []) for p in _pos(s.program)]
    ids["pos anggaran"] = _unique(((p.id, p.lokasi) for p in programs), "pos anggaran", problems)
    ids["urusan"] = {u.id for u in (r.renstra.urusan if r.renstra else [])}
    ids["turunan"] = _unique(
        ((t.id, t.lokasi) for t in (r.turunan.turunan if r.turunan else [])), "turunan", problems
    )
    _unique(((t.id, t.lokasi) for t in (r.tabel.tabel if r.tabel else [])), "tabel", problems)
    return ids


# the file each kind of id is declared in (a report attribute, as in `Report.unreadable`)
_FILE_OF = {
    "daftar": "daftar",
    "kelompok harga": "harga",
    "indikator": "kinerja",
    "komposisi": "pegawai",
    "sumber dana": "anggaran",
    "turunan": "turunan",
    "urusan": "renstra",
}


def _trust_unread(r: Report, ids: Ids, broken: set[str]) -> None:
    """An object that failed to load, or a file that could not be read at all: every
    reference into it would be a false alarm, so it resolves."""
    for pool in ids.values():
        pool |= broken
    for name, attr in _FILE_OF.items():
        if attr in r.unreadable:
            ids[name].clear()
            ids[name].add(_ANY)
    if "anggaran" in r.unreadable:
        ids["pos anggaran"].add(_ANY)


def _formula_refs(inds: list[m.Indikator], ids: Ids, problems: Collector) -> None:
    """A realisasi formula's inputs name a list, its price mean a group of goods."""
    for i in inds:
        rumus = i.realisasi
        if not isinstance(rumus, m.Rumus):
            continue
        for x in (rumus.a, rumus.b):
            if x is not None and x.daftar and _missing(x.daftar, ids["daftar"]):
                problems.add(
                    "unknown-ref",
                    x.lokasi,
                    f"daftar {x.daftar!r} tidak ada di daftar.yml{_hint(x.daftar, ids['daftar'])}",
                )
        if rumus.kelompok and _missing(rumus.kelompok, ids["kelompok harga"]):
            hint = _hint(rumus.kelompok, ids["kelompok harga"])
            problems.add(
                "unknown-ref",
                rumus.lokasi,
                f"kelompok harga {rumus.kelompok!r} tidak ada di harga.yml{hint}",
            )


def _table_sources(r: Report, ids: Ids, problems: Collector) -> None:
    """A table's kind exists, and its `sumber` ids name what the kind draws from
    (tables.KINDS declares it per kind)."""
    for t in r.tabel.tabel if r.tabel else []:
        kind = KINDS.get(t.jenis)
        if kind is None:
            hint = difflib.get_close_matches(t.jenis, list(KINDS), n=1)
            extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
            problems.add(
                "unknown-table-kind",
                t.lokasi,
                f"jenis {t.jenis!r} tidak dikenal; pilihan: {', '.join(KINDS)}{extra}",
            )
            continue
        named = ids.get(kind.sumber) if kind.sumber else None
        for s in t.sumber:
            if named is not None and _missing(s, named):
                problems.add(
                    "unknown-ref",
                    t.lokasi,
                    f"tabel {t.id!r}: sumber {s!r} ({kind.sumber}) tidak ditemukan"
                    + _hint(s, named),
                )


def _agreement_refs(r: Report, ids: Ids, problems: Collector) -> None:
    """The performance agreement names measured indicators and budget programmes."""
    if not r.perjanjian:
        return
    for sas in r.perjanjian.sasaran:
        for pk in sas.indikator:
            for y in (pk, *pk.sub):
                if y.indikator_kinerja and _missing(y.indikator_kinerja, ids["indikator"]):
                    problems.add(
                        "unknown-ref",
                        y.lokasi,
                        f"indikator_kinerja {y.indikator_kinerja!r} tidak ada di indikator.yml"
                        + _hint(y.indikator_kinerja, ids["indikator"]),
                    )
    for sp in r.perjanjian.program:
        for p in sp.program:
            if p.program_anggaran and _missing(p.program_anggaran, ids["pos anggaran"]):
                problems.add(
                    "unknown-ref",
                    p.lokasi,
                    f"program_anggaran {p.program_anggaran!r} tidak ada di anggaran.yml"
                    + _hint(p.program_anggaran, ids["pos anggaran"]),
                )


_ANY = "\x00any"  # in a pool whose file could not be read: any reference resolves


def _missing(ident: str, pool: set[str]) -> bool:
    return ident not in pool and _ANY not in pool


def _hint(ident: str, pool: set[str]) -> str:
    """What a dangling reference probably meant ("; maksud Anda 'ik-1'?"), or the ids
    there are (none: "; belum ada"), for the message of `unknown-ref`."""
    known = sorted(x for x in pool if x != _ANY)
    close = difflib.get_close_matches(ident, known, n=1)
    if close:
        return f"; maksud Anda {close[0]!r}?"
    return f"; yang ada: {', '.join(known)}" if known else "; belum ada satu pun"


def _numbers(r: Report, problems: Collector) -> None:
    """A table number printed twice is the document's, not an error: warned, and each
    table keeps its own id and anchor."""
    seen: dict[str, m.Tabel] = {}
    for t in r.tabel.tabel if r.tabel else []:
        if not t.nomor:
            continue
        if t.nomor in seen:
            problems.add(
                "table-number-repeated",
                t.lokasi,
                f"nomor tabel {t.nomor!r} juga dipakai tabel {seen[t.nomor].id!r} "
                f"(baris {seen[t.nomor].lokasi.line}); jangkar tabel ini: #tabel-{t.id}",
            )
        else:
            seen[t.nomor] = t


def _plan_refs(r: Report, indikator: set[str], problems: Collector) -> None:
    """`indikator_kinerja` in Renstra and in the programme list names a measured indicator."""

    def check(items: Iterable[m.IndikatorRencana | m.IndikatorProgram]) -> None:
        for x in items:
            if x.indikator_kinerja and _missing(x.indikator_kinerja, indikator):
                problems.add(
                    "unknown-ref",
                    x.lokasi,
                    f"indikator_kinerja {x.indikator_kinerja!r} tidak ada di indikator.yml"
                    + _hint(x.indikator_kinerja, indikator),
                )

    if r.renstra:
        for t in r.renstra.tujuan:
            for sas in t.sasaran:
                check(_plan_tree(sas.indikator))
        for u in r.renstra.urusan:
            check(_plan_tree(u.indikator))
    if r.perjanjian:
        for sp in r.perjanjian.program:
            for p in sp.program:
                check(p.indikator)
                for k in p.kegiatan:
                    check(k.indikator)
                    for sk in k.sub_kegiatan:
                        check(sk.indikator)


def _plan_tree(items: list[m.IndikatorRencana]) -> Iterable[m.IndikatorRencana]:
    for i in items:
        yield i
        yield from _plan_tree(i.sub)


def _scale_defects(
    skala: list[m.Kategori] | str, fallback: Location, label: str, problems: Collector
) -> None:
    """Gaps, overlaps and reversed bands of a category scale (the report's, or a derived
    figure's), each at the band that carries it."""
    for c in defects(resolve(skala)):
        where = c.atas.sumber.lokasi if c.atas.sumber.lokasi.file else fallback
        if c.jenis == "reversed":
            where = Location(where.file, where.line, f"{where.path}.batas_bawah")
            problems.add("scale-band-reversed", where, f"{label}: {c.teks}")
            continue
        code = "scale-band-gap" if c.jenis == "gap" else "scale-overlap"
        problems.add(code, where, f"{label}: {c.teks}")


def check_rules(r: Report, problems: Collector) -> None:
    """Scales, policies, rules, NA reasons and budget leaves: what compute will rely on;
    every rule, step scale and formula checked for contradictions (`consistency`)."""
    _budget_leaves(r, problems)
    lap = r.laporan
    skala = lap.skala_capaian
    if isinstance(skala, str) and skala not in PRESETS:
        hint = difflib.get_close_matches(skala, list(PRESETS), n=1)
        extra = f"; maksud Anda {hint[0]!r}?" if hint else ""
        problems.add(
            "scale-unknown",
            Location(lap.lokasi.file, lap.lokasi.line, "skala_capaian"),
            f"skala bawaan {skala!r} tidak dikenal; pilihan: {', '.join(PRESETS)}{extra}",
        )
    _scale_defects(skala, lap.lokasi, "skala_capaian", problems)
    for t in r.turunan.turunan if r.turunan else []:
        _scale_defects(t.kategori, t.lokasi, f"{t.id}: kategori", problems)
    k = lap.kebijakan
    for name in ("capaian_target_na", "capaian_realisasi_na"):
        value = getattr(k, name)
        if value is not None and not Decimal(0) <= value <= Decimal(200):
            problems.add(
                "bad-policy",
                Location(k.lokasi.file, k.lokasi.line, f"kebijakan.{name}"),
                f"{name} {format_decimal(value, 2, trim=True)} harus antara 0 dan 200 (persen)",
            )
    for d in r.daftar.daftar if r.daftar else []:
        _list_keys(d, problems)
    check_parameters(r, problems)
    samegroup.suggest(r.pegawai, problems)
    plausible.check(r, problems)
    for ind in r.indicators():
        _na_reasons(ind, k, problems)
        rumus = ind.realisasi
        if isinstance(rumus, m.Rumus):
            for name in ("rentang", "rentang_a"):
                bounds = getattr(rumus, name)
                if bounds and (len(bounds) != 2 or bounds[0] > bounds[1]):
                    problems.add(
                        "bad-rule",
                        rumus.lokasi,
                        f"{ind.id}: {name} harus [terendah, tertinggi], bukan "
                        f"[{', '.join(format_decimal(b, 2, trim=True) for b in bounds)}]",
                    )


def _na_reasons(ind: m.Indikator, k: m.Kebijakan, problems: Collector) -> None:
    """An NA that decides a capaian needs a reason somewhere a reader will see it."""
    if not ind.dinilai:
        return
    values: list[tuple[str, object, str]] = [("target", ind.target, k.alasan_target_na)]
    rumus = ind.realisasi
    if isinstance(rumus, m.NA):
        values.append(("realisasi", rumus, k.alasan_realisasi_na))
    else:
        for x in (rumus.a, rumus.b):
            if x is not None:
                values.append(("masukan rumus", x.nilai, k.alasan_realisasi_na))
    for what, value, policy_reason in values:
        if isinstance(value, m.NA) and not (value.alasan or ind.alasan_na or policy_reason):
            problems.add(
                "na-without-reason",
                ind.lokasi,
                f"{ind.id}: {what} NA tanpa alasan; tulis {{na: alasan}} atau `alasan_na`",
            )


LIST_KEYS = "nomor_terakhir, jumlah, jumlah.<kolom angka>, total.<nomor baris>"


def _list_keys(d: m.Daftar, problems: Collector) -> None:
    """The names a list file's `tertulis` accepts; a malformed one is located here."""
    numeric = {k.kunci for k in d.kolom if k.jenis == "angka"} | {k.kunci for k in d.kolom_jumlah}
    for key in d.tertulis:
        head, dot, rest = key.partition(".")
        ok = (not dot and key in ("nomor_terakhir", "jumlah")) or (
            head == "jumlah" and rest in numeric
        )
        if head == "total" and rest.isdigit() and d.kolom_jumlah:
            ok = 1 <= int(rest) <= len(d.baris)
        if not ok:
            problems.add(
                "bad-tertulis-key",
                Location(d.lokasi.file, d.lokasi.line, f"daftar[{d.id}].tertulis.{key}"),
                f"nama {key!r} tidak diterima; yang diterima: {LIST_KEYS}"
                + (
                    " (daftar ini tidak punya kolom_jumlah)"
                    if head == "total" and not d.kolom_jumlah
                    else ""
                ),
            )
