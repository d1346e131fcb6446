"""The verification sheet: every place where a report disagrees with itself.

Checks yield findings (`Problem`s with audit codes) instead of raising. A stated figure
(kept in `tertulis`) is compared with the figure computed from the inputs, with rounding
respected as an interval, as in XBRL Calculations 1.1: "97,80" stands for
[97,795; 97,805], and a computed value that comes from rounded inputs (yearly mean
prices) is itself an interval. The two agree when the intervals meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from . import claims, diagnosis
from . import model as m
from .angka import (
    PERCENT_BOUNDS,
    AngkaError,
    format_decimal,
    format_int,
    parse_decimal,
    round_shown,
    terbilang,
)
from .compute import HUNDRED, Hasil, HasilIndikator, HasilPos, slug
from .model import NA, NA_SPELLINGS, Lokasi
from .problems import ERROR, INFO, WARNING, Problem, problem
from .skala import bands_of
from .tables import label
from .terbilang_baca import TerbilangError, baca_terbilang

WORDS_LIMIT = 10**18  # terbilang has no word past kuadriliun

__all__ = ["ERROR", "INFO", "WARNING", "Problem", "audit", "stated_number"]

# ---------------------------------------------------------------- reading stated figures

Interval = tuple[Decimal, Decimal]
Explain = Callable[[Decimal], list[diagnosis.Penjelasan]]


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-decimals - 1)


def stated_number(text: str, integer: bool) -> tuple[Decimal, int] | None:
    """A figure as a document prints it -> (value, decimals), tolerant of its habits.

    "13.519.650.516,-", "Rp. 4.350.000", "- 1.527", "-" (nil), "98.51" (English decimal
    point), "10,307" as a thousands group in an integer column. None when unreadable.
    """
    s = text.strip().replace("Rp.", "").replace("Rp", "").replace("%", "").strip()
    s = s.removesuffix(",-").removesuffix(",").strip()
    # a figure printed with its unit: "4,88 per 1000 kelahiran hidup", "13 Kab/Kota"
    unit = re.fullmatch(r"([+-]?\s*[\d.,]*\d)\s+[^\d\s].*", s)
    if unit:
        s = unit.group(1).strip()
    s = re.sub(r"^([+-])\s+", r"\1", s)
    if s in ("-", ""):
        return (Decimal(0), 0) if s == "-" else None
    if integer:
        s = re.sub(r",0{1,2}$", "", s)  # "110.229.962.000,00": zero sen
        if re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+|[+-]?\d+", s):
            return Decimal(s.replace(".", "").replace(",", "")), 0
        if re.fullmatch(r"[+-]?[\d.]+", s):  # "13.157.342.97": a digit lost; read the digits
            return Decimal(s.replace(".", "")), 0
        return None
    try:
        value = parse_decimal(s)
        return value, len(s.rsplit(",", 1)[1]) if "," in s else 0
    except AngkaError:
        if re.fullmatch(r"[+-]?\d+\.\d{1,2}", s):  # "98.51": a decimal point typed English-style
            return Decimal(s), len(s.rsplit(".", 1)[1])
        return None


def _truncated(exact: Decimal, stated: Decimal, decimals: int) -> bool:
    q = Decimal(10) ** -decimals
    return abs(exact).quantize(q, rounding="ROUND_DOWN") == abs(stated) and exact * stated >= 0


class Auditor:
    def __init__(self, hasil: Hasil):
        self.h = hasil
        self.found: list[Problem] = []

    # -- recording
    def add(
        self,
        code: str,
        where: Lokasi,
        table: str,
        field: str,
        message: str,
        stated: str | None = None,
        computed: str | None = None,
        difference: str | None = None,
    ) -> None:
        self.found.append(
            problem(
                code,
                where,
                message,
                table=table,
                field=field,
                stated=stated,
                computed=computed,
                difference=difference,
            )
        )

    def unknown(self, t: m.Tertulis, field: str, key: str, text: str) -> None:
        """A stated figure under a name the audit does not know: reported, not guessed."""
        self.add("stated-unknown", t.lokasi, t.di, field, f"nama {key!r} tidak dikenal", text)

    # -- comparisons
    def number(
        self,
        where: Lokasi,
        table: str,
        field: str,
        text: str,
        computed: Decimal | int | None,
        *,
        integer: bool = False,
        spread: Interval | None = None,
        what: str = "",
        explain: Explain | None = None,
    ) -> None:
        """Compare a stated figure with the computed one (an exact value or an interval)."""
        label = what or field.rsplit(".", 1)[-1]
        bound = claims.one_sided(text)
        if bound is not None and computed is not None:
            self.one_sided(where, table, field, text, computed, bound, label)
            return
        read = stated_number(text, integer) if bound is None else (bound.value, 0)
        if read is None:
            self.add(
                "stated-unreadable",
                where,
                table,
                field,
                f"{label}: angka tertulis {text!r} tidak terbaca",
                text,
            )
            return
        value, decimals = read
        if computed is None:
            if value != 0:
                self.add(
                    "stated-without-basis",
                    where,
                    table,
                    field,
                    f"{label}: dokumen menulis {text}, tetapi data tidak memberi dasar "
                    "hitungnya (pembagi 0, atau nilainya NA)",
                    text,
                )
            return
        exact = Decimal(computed)
        lo, hi = spread if spread else (exact, exact)
        half = _half_unit(decimals)
        if lo - half <= value <= hi + half:
            return
        if (
            not integer
            and decimals
            and not spread
            and round_shown(exact, decimals, PERCENT_BOUNDS) == value
        ):
            return  # the site's own display of a value near a boundary (99,9986 -> 99,99)
        shown = format_int(int(exact)) if integer else format_decimal(exact, max(decimals, 2))
        diff = exact - value
        diff_text = format_int(int(diff)) if integer else format_decimal(diff, max(decimals, 2))
        hint = ""
        if not spread:  # a figure from rounded inputs is an interval: no single slip to name
            tried = explain(value) if explain else []
            tried = tried or diagnosis.candidates_value(value, exact, decimals)
            if len(tried) == 1:  # named only when exactly one usual mistake explains it
                hint = f"; penjelasan: {tried[0].pesan}"
        if not hint and not integer and decimals and _truncated(exact, value, decimals):
            hint = " (angka dokumen tampaknya dipotong, bukan dibulatkan)"
        elif not hint and integer and value and str(int(exact)).startswith(str(int(value))):
            hint = " (ada angka yang hilang)"
        self.add(
            "stated-mismatch",
            where,
            table,
            field,
            f"{label}: dokumen menulis {text}, hasil hitung dari data {shown}{hint}",
            text,
            shown,
            diff_text,
        )

    def words(
        self, where: Lokasi, table: str, field: str, text: str, computed: int, digits: str | None
    ) -> None:
        """An amount in words against the computed amount and against its own digits."""
        if abs(computed) >= WORDS_LIMIT:
            self.add(
                "words-too-large",
                where,
                table,
                field,
                f"jumlah {format_int(int(computed))} terlalu besar untuk ditulis dengan kata",
                text,
            )
            return
        try:
            value = baca_terbilang(text)
        except TerbilangError as exc:
            self.add(
                "words-unreadable",
                where,
                table,
                field,
                f"terbilang tidak terbaca: {exc}",
                text,
            )
            return
        if digits is not None:
            read = stated_number(digits, integer=True)
            if read is not None and read[0] != value:
                self.add(
                    "words-digits-mismatch",
                    where,
                    table,
                    field,
                    f"terbilang ({format_int(value)}) tidak sama dengan angkanya ({digits})",
                    text,
                    digits,
                    format_int(int(read[0]) - value),
                )
        if value != computed:
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"terbilang bernilai {format_int(value)}, "
                f"hasil hitung dari data {format_int(computed)}",
                text,
                f"{terbilang(computed)} rupiah",
                format_int(computed - value),
            )

    def category(self, where: Lokasi, table: str, field: str, stated: str, computed: str) -> None:
        """A printed category: one of the scale's names, and the one the data earns."""
        names = [b.kategori for b in bands_of(self.h.report.laporan.skala_capaian)]
        if names and stated.strip().lower() not in (n.lower() for n in names):
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"dokumen menulis kategori {stated!r}, yang bukan kategori skala laporan "
                f"({', '.join(names)})",
                stated,
                computed or None,
            )
            return
        if not computed:
            why = "laporan tidak punya skala_capaian" if not names else "capaiannya NA"
            self.add(
                "stated-without-basis",
                where,
                table,
                field,
                f"dokumen menulis {stated!r}, tetapi data tidak memberi dasar untuk menghitungnya "
                f"({why})",
                stated,
            )
            return
        self.text(where, table, field, stated, computed)

    def text(self, where: Lokasi, table: str, field: str, stated: str, computed: str) -> None:
        if stated.strip().lower() != computed.strip().lower():
            self.add(
                "stated-mismatch",
                where,
                table,
                field,
                f"dokumen menulis {stated!r}, hasil hitung {computed!r}",
                stated,
                computed,
            )

    def one_sided(
        self,
        where: Lokasi,
        table: str,
        field: str,
        text: str,
        computed: Decimal | int | None,
        bound: claims.Batas,
        label: str,
    ) -> None:
        """ "di atas 90 %": a one-sided claim holds or it does not."""
        if computed is None:
            return
        if not bound.holds(Decimal(computed)):
            self.add(
                "claim-false",
                where,
                table,
                field,
                f"{label}: dokumen menyatakan {text!r}, hasil hitung dari data "
                f"{format_decimal(Decimal(computed))}",
                text,
                format_decimal(Decimal(computed)),
            )

    def claim(self, t: m.Tertulis, field: str, text: str, verdict: claims.Verdict) -> None:
        if verdict is None:
            self.add(
                "stated-unknown",
                t.lokasi,
                t.di,
                field,
                f"pernyataan {text!r} tidak dikenal; yang dikenal: {claims.KNOWN}",
                text,
            )
        elif not verdict[0]:
            self.add(
                "claim-false",
                t.lokasi,
                t.di,
                field,
                f"dokumen menyatakan {text!r}, tetapi {verdict[1]}",
                text,
            )

    # ---------------------------------------------------------------- the checks

    def run(self) -> list[Problem]:
        self.indicators()
        self.budget()
        self.staff()
        self.prices()
        self.lists()
        self.agreement()
        return self.found

    def indicators(self) -> None:
        h = self.h
        kinerja = h.report.kinerja
        if kinerja is None:
            return
        for r in h.indikator.values():
            self._indicator(r)
        for t in kinerja.tertulis:
            for key, text in t.nilai.items():
                field = f"indikator.yml tertulis.{key}"
                if key == "rata_rata":
                    scored = [r.capaian for r in h.utama if r.capaian is not None]
                    names = [r.indikator.id for r in h.utama if r.capaian is not None]
                    self.number(
                        t.lokasi,
                        t.di,
                        field,
                        text,
                        h.rata_rata,
                        what="rata-rata capaian",
                        explain=lambda v, s=scored, n=names: diagnosis.candidates_mean(
                            v, s, 2, labels=n
                        ),
                    )
                elif key == "kategori":
                    self.category(t.lokasi, t.di, field, text, h.kategori)
                elif key == "klaim":
                    self.claim(t, field, text, claims.report_claim(text, h))
                else:
                    self.unknown(t, field, key, text)

    def _indicator(self, r: HasilIndikator) -> None:
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
        table = self._table_of_kind("capaian")
        for t in ind.tertulis:
            for key, text in t.nilai.items():
                field = f"{ind.id}.{key}"
                if key == "klaim":
                    self.claim(t, field, text, claims.indicator_claim(text, r))
                    continue
                if key not in values:
                    self.unknown(t, field, key, text)
                    continue
                v = values[key]
                if key == "kategori":
                    self.category(t.lokasi, t.di, field, text, str(v))
                elif isinstance(v, NA) or (v is None and (r.na or key in ("a", "b"))):
                    # an NA result is still audited: a printed number on it is a finding
                    if text.strip() not in NA_SPELLINGS:
                        self.add(
                            "stated-mismatch",
                            t.lokasi,
                            t.di,
                            field,
                            f"dokumen menulis {text}, data: NA ({r.na or 'tidak tersedia'})",
                            text,
                            "NA",
                        )
                elif v is None:
                    continue
                elif key == "realisasi":
                    # the published realisasi is itself rounded: compare the exact value
                    self.number(
                        t.lokasi, t.di, field, text, r.realisasi_tepat, what=f"realisasi {ind.id}"
                    )
                else:
                    self.number(t.lokasi, t.di, field, text, v, what=f"{key} {ind.id}")  # type: ignore[arg-type]
        if (
            ind.aturan.batas is None
            and ind.aturan.jenis != "skala"
            and r.capaian is not None
            and r.capaian > HUNDRED
        ):
            self.add(
                "capaian-over-100",
                ind.lokasi,
                table,
                f"{ind.id}.capaian",
                f"capaian {format_decimal(r.capaian)} % melebihi 100 % dan aturannya tanpa batas "
                "(batas: null); periksa apakah laporan memang tidak membatasi capaian",
                computed=format_decimal(r.capaian),
            )
        if r.catatan:
            self.add(
                "policy-applied",
                ind.lokasi,
                table,
                f"{ind.id}.capaian",
                r.catatan,
                computed=format_decimal(r.capaian or Decimal(0)),
            )
        elif r.na and ind.dinilai:
            self.add(
                "capaian-na",
                ind.lokasi,
                table,
                f"{ind.id}.capaian",
                f"capaian {ind.id} tidak dihitung: {r.na}; tidak masuk rata-rata",
                computed="NA",
            )
        if r.diluar:
            self.add(
                "out-of-domain",
                ind.lokasi,
                table,
                f"{ind.id}.realisasi",
                f"{ind.id}: {r.diluar}",
                computed=format_decimal(r.realisasi_tepat)
                if r.realisasi_tepat is not None
                else None,
            )
        rumus = ind.realisasi
        if isinstance(rumus, NA):
            return
        for x in (rumus.a, rumus.b):
            if x is not None and x.nilai is not None and x.daftar:
                counted = self._count(x)
                if counted is not None and counted != x.nilai:
                    table = self._table_of("daftar", x.daftar)
                    self.add(
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

    def _count(self, x: m.Masukan) -> Decimal | None:
        d = self.h.daftar.get(x.daftar)
        if d is None:
            return None
        if x.jumlah:
            return Decimal(d.jumlah.get(x.jumlah, 0))
        if x.unik:
            return Decimal(len({str(r.get(x.unik, "")).strip().lower() for r in d.baris}))
        return Decimal(d.banyak)

    def _table_of(self, jenis: str, source: str) -> str:
        tabel = self.h.report.tabel
        for t in tabel.tabel if tabel else []:
            if t.jenis == jenis and source in t.sumber and t.nomor:
                return label(t)
        return source

    def _table_of_kind(self, jenis: str) -> str:
        tabel = self.h.report.tabel
        for t in tabel.tabel if tabel else []:
            if t.jenis == jenis and t.nomor:
                return label(t)
        return ""

    # -- budget
    def budget(self) -> None:
        for s in self.h.sumber.values():
            self._stated_amounts(
                s.sumber.tertulis, f"{s.sumber.id}", s.pagu, s.realisasi, None, s.program
            )
            for p in s.program:
                self._pos(p, s.sumber.id)

    def _pos(self, p: HasilPos, path: str) -> None:
        path = f"{path}/{p.pos.id or p.pos.nama}"
        self._stated_amounts(p.pos.tertulis, path, p.pagu, p.realisasi, p.pos.fisik, p.anak)
        if p.realisasi is not None and p.realisasi > p.pagu:
            self.add(
                "realisasi-over-pagu",
                p.pos.lokasi,
                "anggaran",
                path,
                f"realisasi {format_int(p.realisasi)} melebihi pagu {format_int(p.pagu)}",
                computed=format_int(p.realisasi),
                difference=format_int(p.realisasi - p.pagu),
            )
        for c in p.anak:
            self._pos(c, path)

    def _stated_amounts(
        self,
        stated: list[m.Tertulis],
        path: str,
        pagu: int | Decimal,
        realisasi: int | Decimal | None,
        fisik: Decimal | None,
        rows: list[HasilPos],
    ) -> None:
        persen = realisasi * HUNDRED / pagu if pagu and realisasi is not None else None
        names = [r.pos.nama for r in rows]
        pagus = [Decimal(r.pagu) for r in rows]
        reals = [Decimal(r.realisasi) for r in rows if r.realisasi is not None]
        if len(reals) != len(rows):
            reals = []

        def total(values: list[Decimal]) -> Explain | None:
            if not rows:
                return None
            return lambda v: diagnosis.candidates_total(v, values, 0, labels=names)

        ratio: Explain | None = None
        if rows and all(pagus) and reals:
            ratio = lambda v: diagnosis.candidates_ratio(v, reals, pagus, 2, labels=names)  # noqa: E731
        for t in stated:
            consequence = self._printed_basis(t, pagu, realisasi)
            for key, text in t.nilai.items():
                field = f"{path}.{key}"
                own = {"sisa": None if realisasi is None else pagu - realisasi, "persen": persen}
                if key in consequence and self._follows(
                    t, field, key, text, consequence[key], own[key]
                ):
                    continue
                if key == "pagu":
                    self.number(
                        t.lokasi, t.di, field, text, pagu, integer=True, explain=total(pagus)
                    )
                elif key == "realisasi":
                    self.number(
                        t.lokasi, t.di, field, text, realisasi, integer=True, explain=total(reals)
                    )
                elif key == "persen":
                    self.number(
                        t.lokasi, t.di, field, text, persen, what="persen keuangan", explain=ratio
                    )
                elif key == "sisa":
                    rest = None if realisasi is None else pagu - realisasi
                    self.number(t.lokasi, t.di, field, text, rest, integer=True, what="sisa")
                elif key == "fisik":
                    if fisik is not None:
                        self.number(t.lokasi, t.di, field, text, fisik, what="fisik")
                elif key in ("terbilang_pagu", "terbilang_realisasi"):
                    amount = pagu if key == "terbilang_pagu" else realisasi
                    if amount is None:
                        self.number(t.lokasi, t.di, field, "0", None, what=key)
                        continue
                    self.words(
                        t.lokasi,
                        t.di,
                        field,
                        text,
                        amount,
                        t.nilai.get(key.removeprefix("terbilang_")),
                    )
                else:
                    self.unknown(t, field, key, text)

    def _printed_basis(
        self, t: m.Tertulis, pagu: int | Decimal, realisasi: int | Decimal | None
    ) -> dict[str, Decimal]:
        """Where a document misprints a pagu or realisasi, the sisa and percentage it prints
        beside them follow from the misprint: what they would be from the printed figures."""
        read = {
            k: stated_number(t.nilai[k], integer=True)
            for k in ("pagu", "realisasi")
            if k in t.nilai
        }
        p = read["pagu"][0] if read.get("pagu") else Decimal(pagu)
        r = read["realisasi"][0] if read.get("realisasi") else realisasi
        if r is None or (p == pagu and r == realisasi):
            return {}
        out = {"sisa": p - Decimal(r)}
        if p:
            out["persen"] = Decimal(r) * HUNDRED / p
        return out

    def _follows(
        self,
        t: m.Tertulis,
        field: str,
        key: str,
        text: str,
        basis: Decimal,
        computed: Decimal | int | None,
    ) -> bool:
        """A printed figure wrong against the data but right against the document's own
        misprinted total is reported as a consequence of that misprint, not a second error."""
        read = stated_number(text, integer=key == "sisa")
        if read is None:
            return False
        value, decimals = read
        half = _half_unit(decimals)

        def near(x: Decimal | int) -> bool:
            return Decimal(x) - half <= value <= Decimal(x) + half

        if (computed is not None and near(computed)) or not near(basis):
            return False
        self.add(
            "stated-consequence",
            t.lokasi,
            t.di,
            field,
            f"{key}: dokumen menulis {text}, sesuai dengan angka lain yang tercetak di tempat "
            "yang sama (yang berbeda dari hasil hitung): akibat selisih itu, bukan kesalahan kedua",
            text,
        )
        return True

    # -- staff
    def staff(self) -> None:
        from .fakta import kumpulkan

        facts = kumpulkan(self.h)
        for k in self.h.komposisi.values():
            kom = k.komposisi
            table = self._table_of("komposisi", kom.id)
            for row, total in zip(kom.baris, k.jumlah_baris, strict=True):
                for key, text in row.tertulis.items():
                    if key == "jumlah":
                        self.number(
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
                    self.number(
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
                self.add(
                    "same-quantity-mismatch",
                    kom.lokasi,
                    table,
                    f"{kom.id}.total",
                    f"total tabel ini {k.total}, sedangkan {kom.sama_dengan} = {other.value}",
                    format_int(k.total),
                    format_int(int(other.value)),
                    format_int(int(other.value) - k.total),  # type: ignore[call-overload]
                )
            if kom.tertulis_jumlah:
                self.number(
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
                        self.unknown(t, field, key, text)
                    else:
                        self.number(
                            t.lokasi,
                            t.di,
                            field,
                            text,
                            f.value,
                            integer=f.kind == "angka",
                            what=key,
                        )  # type: ignore[arg-type]

    # -- prices
    def prices(self) -> None:
        for g in self.h.harga.values():
            k = g.kelompok
            table = self._table_of("harga", k.id)
            half = Decimal("0.5") if k.harga_dibulatkan else Decimal(0)
            lows, highs = [], []
            for b in g.barang:
                p0, p1 = Decimal(b.barang.harga_lalu), Decimal(b.barang.harga_kini)
                lo = (p1 - half - (p0 + half)) * HUNDRED / (p0 + half)
                hi = (p1 + half - (p0 - half)) * HUNDRED / (p0 - half)
                lows.append(lo)
                highs.append(hi)
                for key, text in b.barang.tertulis.items():
                    field = f"{k.id}.{slug(b.barang.nama)}.{key}"
                    if key == "selisih":
                        self.number(
                            b.barang.lokasi,
                            table,
                            field,
                            text,
                            b.selisih,
                            integer=True,
                            spread=(b.selisih - 2 * half, b.selisih + 2 * half),
                            what=f"selisih {b.barang.nama}",
                        )
                    elif key == "persen":
                        self.number(
                            b.barang.lokasi,
                            table,
                            field,
                            text,
                            b.persen,
                            spread=(lo, hi),
                            what=f"persentase {b.barang.nama}",
                        )
            n = Decimal(len(g.barang))
            for key, text in k.tertulis.items():
                if key == "rata_rata":
                    self.number(
                        k.lokasi,
                        table,
                        f"{k.id}.rata_rata",
                        text,
                        g.rata_rata,
                        spread=(sum(lows) / n, sum(highs) / n),
                        what="rata-rata",
                    )

    # -- lists
    def lists(self) -> None:
        for d in self.h.daftar.values():
            table = self._table_of("daftar", d.daftar.id)
            for key, text in d.daftar.tertulis.items():
                field = f"{d.daftar.id}.{key}"
                if key in ("nomor_terakhir", "jumlah"):
                    self.number(
                        d.daftar.lokasi,
                        table,
                        field,
                        text,
                        d.banyak,
                        integer=True,
                        what="banyak baris",
                    )
                elif key.startswith("jumlah."):
                    col = key.split(".", 1)[1]
                    self.number(
                        d.daftar.lokasi,
                        table,
                        field,
                        text,
                        d.jumlah.get(col),
                        integer=True,
                        what=f"jumlah {col}",
                    )
                elif key.startswith("total."):
                    i = int(key.split(".", 1)[1]) - 1
                    totals = [k.kunci for k in d.daftar.kolom_jumlah]
                    value = d.baris[i].get(totals[0]) if totals and 0 <= i < len(d.baris) else None
                    self.number(
                        d.daftar.lokasi,
                        table,
                        field,
                        text,
                        value,
                        integer=True,
                        what=f"total baris {i + 1}",
                    )  # type: ignore[arg-type]

    # -- the same quantity in two places
    def agreement(self) -> None:
        h = self.h
        pk = h.report.perjanjian
        if pk is not None:
            for sas in pk.sasaran:
                for ind in sas.indikator:
                    for x in (ind, *ind.sub):
                        self._pk_indicator(x)
        if pk is not None:
            table = self._table_of_kind("program-kegiatan")
            for sp in pk.program:
                for prog in sp.program:
                    for x in prog.indikator:
                        r = h.indikator.get(x.indikator_kinerja) if x.indikator_kinerja else None
                        if r is not None:
                            self._same_target(x.lokasi, table, x.target, r)
        renstra = h.report.renstra
        year = h.report.laporan.tahun
        if renstra is not None:
            for u in renstra.urusan:
                table = self._table_of("iku", u.id)
                for ind in u.indikator:
                    for x in (ind, *ind.sub):
                        r = h.indikator.get(x.indikator_kinerja) if x.indikator_kinerja else None
                        if r is not None and year in x.target:
                            self._same_target(x.lokasi, table, x.target[year], r)

    def _pk_indicator(self, x: m.IndikatorPK) -> None:
        table = self._table_of_kind("perjanjian")
        if not x.indikator_kinerja:
            self.add(
                "pk-without-result",
                x.lokasi,
                table,
                x.nama,
                f"indikator Perjanjian Kinerja {x.nama!r} (target {_show(x.target)}) "
                "tidak diukur di Bab III",
                _show(x.target),
            )
            return
        r = self.h.indikator.get(x.indikator_kinerja)
        if r is None:
            return
        self._same_target(x.lokasi, table, x.target, r)
        for t in x.tertulis:
            for key, text in t.nilai.items():
                if key == "target":
                    if isinstance(r.indikator.target, NA) or r.indikator.target is None:
                        continue
                    self.number(
                        t.lokasi,
                        t.di,
                        f"{r.indikator.id}.target",
                        text,
                        r.indikator.target,
                        what=f"target {r.indikator.id}",
                    )

    def _same_target(self, where: Lokasi, table: str, target: object, r: HasilIndikator) -> None:
        mine = r.indikator.target
        if isinstance(target, NA) and isinstance(mine, NA):
            return
        if isinstance(target, Decimal) and isinstance(mine, Decimal) and target == mine:
            return
        self.add(
            "target-mismatch",
            where,
            table,
            f"{r.indikator.id}.target",
            f"target {r.indikator.id} di {table} {_show(target)}, di Bab III {_show(mine)}",
            _show(target),
            _show(mine),
        )


def _show(v: object) -> str:
    if isinstance(v, Decimal):
        return format_decimal(v, 2, trim=True)
    return "-" if v is None else str(v)


def audit(hasil: Hasil) -> list[Problem]:
    """Every finding of one computed report, in a stable order."""
    found = Auditor(hasil).run()
    return sorted(found, key=lambda t: (t.file, t.line, t.field, t.code))
