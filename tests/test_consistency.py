"""Rules, step scales, formulas and sum columns checked before use (`read/consistency.py`,
`compute/skala.py`): each contradiction with its code, file, line and field path, all at
once; and, as properties over generated parameter sets, that the order an editor writes
bands, steps or sum columns in never changes a result, while a contradictory set is a
problem instead of a figure.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_build import model as m
from lkip_build.compute import compute_report
from lkip_build.compute.lists import compute_daftar
from lkip_build.compute.skala import classify, defects, resolve
from lkip_build.problems import Collector, Problem
from lkip_build.publish.site import prepare_report
from lkip_build.read.report import Report, load_reports
from lkip_build.read.validate import check_references, check_rules

from .conftest import model_laporan

D = Decimal
RID = "uji-2021"


def found(make_report, files: dict[str, str]) -> list[tuple[str, str, int, str]]:
    """(code, file, line, field path) of every problem the validation pass finds."""
    data = make_report(files)
    reports, problems = load_reports(data, data.parent)
    assert not problems.problems, [str(p) for p in problems.problems]
    for r in reports:
        check_references(r, problems)
        check_rules(r, problems)
    return [(p.code, p.file.rsplit("/", 1)[-1], p.line, p.lokasi.path) for p in problems.problems]


def one(body: str) -> str:
    """indikator.yml with one indicator `x` (lines 3-5), `body` from line 6 on."""
    return "sasaran_strategis: S\nindikator:\n  - id: x\n    nama: X\n    target: 10\n" + body


# ---------------------------------------------------------------- each check, located


def test_step_scale_contradictions_are_located_all_at_once(make_report) -> None:
    body = (
        "    realisasi: {jenis: langsung, a: 5}\n"  # 6
        "    aturan:\n"  # 7
        "      jenis: skala\n"  # 8
        "      tandai_di_atas: 150\n"  # 9
        "      skala:\n"  # 10
        "        - {batas_atas: 30, capaian: 75}\n"  # 11
        "        - {batas_atas: 10, capaian: 120}\n"  # 12: above the default cap
        "        - {batas_atas: 30, capaian: 50}\n"  # 13: 30 again
        "        - {capaian: 25}\n"  # 14
        "        - {capaian: -5}\n"  # 15: a second open step, below the floor
    )
    assert found(make_report, {"indikator.yml": one(body)}) == [
        ("parameter-unused", "indikator.yml", 8, "indikator[0].aturan.tandai_di_atas"),
        ("step-beyond-cap", "indikator.yml", 12, "indikator[0].aturan.skala[1].capaian"),
        ("step-bound-repeated", "indikator.yml", 13, "indikator[0].aturan.skala[2].batas_atas"),
        ("step-bound-repeated", "indikator.yml", 15, "indikator[0].aturan.skala[4].batas_atas"),
        ("step-beyond-cap", "indikator.yml", 15, "indikator[0].aturan.skala[4].capaian"),
    ]


def test_steps_within_an_explicit_cap_or_none_pass(make_report) -> None:
    body = (
        "    realisasi: {jenis: langsung, a: 5}\n"
        "    aturan:\n      jenis: skala\n      batas: null\n      skala:\n"
        "        - {batas_atas: 100, capaian: 50}\n        - {capaian: 25}\n"
        "        - {batas_atas: 10, capaian: 120}\n"  # written out of order: no problem
    )
    assert found(make_report, {"indikator.yml": one(body)}) == []


def test_a_floor_above_the_cap_and_steps_a_ratio_ignores(make_report) -> None:
    body = (
        "    realisasi: {jenis: langsung, a: 5}\n"
        "    aturan: {jenis: rasio, batas: 100, lantai: 120, "
        "skala: [{batas_atas: 10, capaian: 100}]}\n"  # 7
    )
    assert found(make_report, {"indikator.yml": one(body)}) == [
        ("rule-floor-above-cap", "indikator.yml", 7, "indikator[0].aturan.lantai"),
        ("parameter-unused", "indikator.yml", 7, "indikator[0].aturan.skala"),
    ]


DAFTAR = (
    "daftar:\n  - id: d\n    kolom:\n      - {kunci: nama, judul: Nama}\n"
    "      - {kunci: l, judul: L, jenis: angka}\n    baris:\n      - {nama: A, l: 1}\n"
)


def test_formula_parameters_its_kind_ignores_and_conflicting_inputs(make_report) -> None:
    body = (
        "    realisasi:\n"  # 6
        "      jenis: rasio\n"  # 7
        "      triwulan: [1, 2]\n"  # 8
        "      kelompok: beras\n"  # 9
        "      a: {daftar: d, jumlah: l, unik: nama}\n"  # 10
        "      b: {nilai: 4, jumlah: l}\n"  # 11
    )
    assert found(make_report, {"indikator.yml": one(body), "daftar.yml": DAFTAR}) == [
        ("unknown-ref", "indikator.yml", 7, "indikator[0].realisasi"),  # no harga.yml
        ("parameter-unused", "indikator.yml", 7, "indikator[0].realisasi.triwulan"),
        ("parameter-unused", "indikator.yml", 7, "indikator[0].realisasi.kelompok"),
        ("parameter-conflict", "indikator.yml", 10, "indikator[0].realisasi.a.unik"),
        ("parameter-unused", "indikator.yml", 11, "indikator[0].realisasi.b.jumlah"),
    ]


@pytest.mark.parametrize(
    ("rentang_a", "rentang", "bad"),
    [
        ("[-20, 20]", "[0, 100]", False),  # 50 % + E × 50/20, as the Itjen report prints it
        ("[0, 20]", "[0, 100]", False),  # narrower than the declared result: fine
        ("[-20, 40]", "[0, 100]", True),  # E = 40 gives 150
        ("[-40, 20]", "[0, 100]", True),  # E = -40 gives -50
    ],
)
def test_a_score_range_that_its_input_range_contradicts(
    make_report, rentang_a: str, rentang: str, bad: bool
) -> None:
    body = (
        "    realisasi:\n      jenis: skor\n      konstanta: 50\n      pengali: 50\n"
        f"      pembagi: 20\n      rentang_a: {rentang_a}\n      rentang: {rentang}\n"
        "      a: 10\n"
    )
    expect = [("formula-range-contradiction", "indikator.yml", 7, "indikator[0].realisasi.rentang")]
    assert found(make_report, {"indikator.yml": one(body)}) == (expect if bad else [])


def test_sum_columns_that_add_up_themselves_or_nothing(make_report) -> None:
    daftar = (
        "daftar:\n  - id: d\n    kolom:\n"  # 1-3
        "      - {kunci: nama, judul: Nama}\n      - {kunci: l, judul: L, jenis: angka}\n"
        "    kolom_jumlah:\n"  # 6
        "      - {kunci: t, judul: T, dari: [l, u]}\n"  # 7: t -> u -> t
        "      - {kunci: u, judul: U, dari: [t]}\n"  # 8
        "      - {kunci: s, judul: S, dari: [s]}\n"  # 9: itself
        "      - {kunci: l, judul: L2, dari: [x]}\n"  # 10: a typed column's key; x unknown
        "    baris:\n      - {nama: A, l: 1}\n"
    )
    assert found(make_report, {"daftar.yml": daftar}) == [
        ("formula-self-reference", "daftar.yml", 7, "daftar[d].kolom_jumlah[0].dari"),
        ("formula-self-reference", "daftar.yml", 8, "daftar[d].kolom_jumlah[1].dari"),
        ("formula-self-reference", "daftar.yml", 9, "daftar[d].kolom_jumlah[2].dari"),
        ("duplicate-id", "daftar.yml", 10, "daftar[d].kolom_jumlah[3].kunci"),
        ("unknown-ref", "daftar.yml", 10, "daftar[d].kolom_jumlah[3].dari"),
    ]


def test_a_band_with_its_bounds_reversed(make_report) -> None:
    laporan = (
        (make_report({}) / RID / "laporan.yml")
        .read_text(encoding="utf-8")
        .split("skala_capaian:")[0]
    )
    laporan += (
        "skala_capaian:\n"  # 9
        "  - {kategori: A, batas_bawah: 90, batas_atas: 100, atas_inklusif: ya}\n"  # 10
        "  - {kategori: B, batas_bawah: 90, batas_atas: 80}\n"  # 11: 90 above 80
        "  - {kategori: C, batas_atas: 80}\n"  # 12
        "halaman:\n  - file: index.md\n    judul: Sampul\n"
    )
    got = found(make_report, {"laporan.yml": laporan})
    assert ("scale-band-reversed", "laporan.yml", 11, "skala_capaian[1].batas_bawah") in got


def test_a_contradiction_stops_before_any_figure(make_report) -> None:
    body = (
        "    realisasi: {jenis: langsung, a: 5}\n"
        "    aturan:\n      jenis: skala\n      skala:\n"
        "        - {batas_atas: 10, capaian: 100}\n        - {batas_atas: 10, capaian: 50}\n"
        "        - {capaian: 25}\n"
    )
    data = make_report({"indikator.yml": one(body)})
    prepared = prepare_report(data / RID, data.parent)
    assert prepared.computed is None
    assert [p.code for p in prepared.problems] == ["step-bound-repeated"]


# ---------------------------------------------------------------- the order never decides


def test_sum_columns_are_computed_after_the_sums_they_add_up() -> None:
    kolom = [
        m.Kolom(kunci="nama", judul="Nama"),
        m.Kolom(kunci="l", judul="L", jenis="angka"),
        m.Kolom(kunci="p", judul="P", jenis="angka"),
    ]
    sums = [
        m.KolomJumlah(kunci="semua", judul="Semua", dari=["lp", "l"]),  # written first
        m.KolomJumlah(kunci="lp", judul="L+P", dari=["l", "p"]),
    ]
    baris = [{"nama": "A", "l": "1", "p": "2"}, {"nama": "B", "l": "3", "p": "4"}]
    for order in (sums, sums[::-1]):
        d = m.Daftar(id="d", kolom=kolom, kolom_jumlah=order, baris=baris)
        result = compute_daftar(d, Collector())
        assert result.jumlah == {"l": 4, "lp": 10, "p": 6, "semua": 14}


def _run(aturan: m.Aturan, realisasi: Decimal) -> tuple[list[Problem], object]:
    """Validate, then (when nothing is refused) compute one indicator, as the pass does."""
    ind = m.Indikator(
        id="x",
        nama="x",
        target=D(10),
        aturan=aturan,
        realisasi=m.Rumus(jenis="langsung", a=m.Masukan(nilai=realisasi)),
    )
    report = Report(
        folder="x",
        laporan=model_laporan(),
        kinerja=m.Kinerja(sasaran_strategis="x", indikator=[ind]),
    )
    c = Collector()
    check_rules(report, c)
    if c.errors:
        return c.problems, None
    h = compute_report(report, c)
    if "x" not in h.indikator:  # refused while computing (scale-gap)
        return c.problems, None
    r = h.indikator["x"]
    assert r.applied is not None
    return c.problems, (r.capaian, r.kategori, r.applied.hitungan)


BOUND = st.decimals(min_value=0, max_value=200, places=2)
VALUE = st.decimals(min_value=0, max_value=100, places=0)


@st.composite
def step_scales(draw) -> list[m.Langkah]:
    """Valid steps: distinct upper bounds, at most one open last step, values in 0..100."""
    bounds = draw(st.lists(BOUND, min_size=1, max_size=5, unique=True))
    steps = [
        m.Langkah(batas_atas=b, capaian=draw(VALUE), kategori=draw(st.sampled_from("ABC")))
        for b in bounds
    ]
    if draw(st.booleans()):
        steps.append(m.Langkah(capaian=draw(VALUE), kategori="Z"))
    return steps


@settings(max_examples=150, deadline=None)
@given(
    steps=step_scales(),
    realisasi=st.decimals(min_value=-10, max_value=250, places=2),
    batas=st.sampled_from([None, D(100), D(120)]),
    seed=st.randoms(use_true_random=False),
)
def test_shuffled_steps_give_the_same_capaian(
    steps: list[m.Langkah], realisasi: Decimal, batas: Decimal | None, seed: random.Random
) -> None:
    """Any order of a valid step scale gives the same capaian, category and explanation,
    and that capaian is the step of the lowest bound the realisasi does not pass."""
    shuffled = list(steps)
    seed.shuffle(shuffled)
    first = _run(m.Aturan(jenis="skala", batas=batas, skala=steps), realisasi)
    again = _run(m.Aturan(jenis="skala", batas=batas, skala=shuffled), realisasi)
    assert first == again
    problems, result = first
    codes = [p.code for p in problems]
    # the only problems a valid scale has: a realisasi above every bound with no open step
    # (a compute problem, as before), and none before compute
    assert set(codes) <= {"scale-gap"}
    fits = [s for s in steps if s.batas_atas is None or realisasi <= s.batas_atas]
    if not fits:
        assert codes == ["scale-gap"]
        return
    best = min(fits, key=lambda s: (s.batas_atas is None, s.batas_atas or 0))
    assert result is not None and result[0] == best.capaian  # type: ignore[index]


CONTRADICTIONS = ["repeated-bound", "two-open-steps", "above-cap", "below-floor", "floor-cap"]


@settings(max_examples=100, deadline=None)
@given(
    steps=step_scales(),
    kind=st.sampled_from(CONTRADICTIONS),
    realisasi=st.decimals(min_value=0, max_value=250, places=2),
    seed=st.randoms(use_true_random=False),
)
def test_contradictory_step_rules_are_problems_not_figures(
    steps: list[m.Langkah], kind: str, realisasi: Decimal, seed: random.Random
) -> None:
    """A valid scale with one contradiction added, in any order: refused before compute,
    with the contradiction's code, whatever the realisasi."""
    batas: Decimal | None = D(100)
    lantai: Decimal | None = D(0)
    if kind == "repeated-bound":
        twin = seed.choice(steps)
        steps = [*steps, m.Langkah(batas_atas=twin.batas_atas, capaian=twin.capaian + 1)]
        code = "step-bound-repeated"
    elif kind == "two-open-steps":
        steps = [*steps, m.Langkah(capaian=D(10)), m.Langkah(capaian=D(5))]
        code = "step-bound-repeated"
    elif kind == "above-cap":
        steps = [*steps, m.Langkah(batas_atas=D(1000), capaian=D(101))]
        code = "step-beyond-cap"
    elif kind == "below-floor":
        steps = [*steps, m.Langkah(batas_atas=D(1000), capaian=D(-1))]
        code = "step-beyond-cap"
    else:
        batas, lantai = D(50), D(60)
        steps = [m.Langkah(batas_atas=s.batas_atas, capaian=D(55)) for s in steps]
        code = "rule-floor-above-cap"
    seed.shuffle(steps)
    problems, result = _run(
        m.Aturan(jenis="skala", batas=batas, lantai=lantai, skala=steps), realisasi
    )
    assert result is None
    assert code in [p.code for p in problems]
    assert all(p.severity == "error" and p.stage == "validate" for p in problems)


@st.composite
def category_scales(draw) -> list[m.Kategori]:
    """A printed scale in either form: lower bounds only (the NTT form), or bands with both
    bounds and their ≤/< marks, which may leave gaps or overlap (then validate says so)."""
    cuts = sorted(draw(st.lists(st.integers(1, 150), min_size=1, max_size=5, unique=True)))
    names = [f"K{i}" for i in range(len(cuts) + 1)]
    if draw(st.booleans()):
        return [m.Kategori(kategori=names[0])] + [
            m.Kategori(batas_bawah=D(c), kategori=n) for c, n in zip(cuts, names[1:], strict=True)
        ]
    edges: list[int | None] = [None, *cuts, None]
    bands = []
    for i, name in enumerate(names):
        lo, hi = edges[i], edges[i + 1]
        nudge = draw(st.sampled_from([0, 0, 0, 1, -1]))  # now and then a gap or an overlap
        bands.append(
            m.Kategori(
                kategori=name,
                batas_bawah=None if lo is None else D(lo + nudge),
                batas_atas=None if hi is None else D(hi),
                bawah_inklusif=draw(st.booleans()),
                atas_inklusif=draw(st.booleans()),
            )
        )
    return bands


@settings(max_examples=200, deadline=None)
@given(
    bands=category_scales(),
    values=st.lists(st.decimals(min_value=-5, max_value=200, places=1), min_size=1, max_size=8),
    seed=st.randoms(use_true_random=False),
)
def test_shuffled_bands_give_the_same_category_and_the_same_problems(
    bands: list[m.Kategori], values: list[Decimal], seed: random.Random
) -> None:
    shuffled = list(bands)
    seed.shuffle(shuffled)

    def outcome(scale: list[m.Kategori]) -> tuple[list[str], list[tuple[str, str]]]:
        pita = resolve(scale)
        shown = [(b.kategori if (b := classify(v, pita)) else "") for v in values]
        return shown, sorted((c.jenis, c.teks) for c in defects(pita))

    assert outcome(bands) == outcome(shuffled)


def test_the_step_table_reads_the_same_in_any_order() -> None:
    """Tabel 3.7 prints each step from the bound below it: in bound order, however written."""
    from lkip_build.present.tables.indicators import skala_indikator

    steps = [
        m.Langkah(capaian=D(25), kategori="Belum Berhasil"),
        m.Langkah(batas_atas=D(30), capaian=D(75), kategori="Berhasil"),
        m.Langkah(batas_atas=D(10), capaian=D(100), kategori="Sangat Berhasil"),
        m.Langkah(batas_atas=D(100), capaian=D(50), kategori="Cukup Berhasil"),
    ]
    rows = []
    for order in (steps, steps[::-1]):
        ind = m.Indikator(
            id="x",
            nama="x",
            target=D(10),
            aturan=m.Aturan(jenis="skala", batas=None, skala=order),
            realisasi=m.Rumus(jenis="langsung", a=m.Masukan(nilai=D("19.77"))),
        )
        report = Report(
            folder="x",
            laporan=model_laporan(),
            kinerja=m.Kinerja(sasaran_strategis="x", indikator=[ind]),
        )
        h = compute_report(report, Collector())
        assert h.indikator["x"].capaian == D(75)
        t = m.Tabel(id="s", judul="S", jenis="skala-indikator", sumber=["x"])
        rows.append(skala_indikator(t, h).rows)
    assert rows[0] == rows[1]
    assert [r[0] for r in rows[0]] == [
        "X ≤ 10 %",
        "10 % < X ≤ 30 %",
        "30 % < X ≤ 100 %",
        "X > 100 %",
    ]
