"""One cause for several notes (audit/causes.py, the checks' links) and the staff tables
that count the same groups (read/samegroup.py, `sama`): each with a case where the cause
is named, one where it must not be, and the seed's groups as its document shows them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lkip_build import model as m
from lkip_build.audit import causes
from lkip_build.audit.acceptance import identity
from lkip_build.problems import Angka, Collector, Problem, Sebab, problem
from lkip_build.read import samegroup

from .test_audit import codes, run
from .test_audit import lists as list_report

D = Decimal
NTT = "ntt-disperindag-lkip-2021"


def note(field: str, stated: str, computed: str, table: str = "Tabel 9") -> Problem:
    return problem(
        "stated-mismatch",
        m.Location("data/x/anggaran.yml", 1, field),
        "m",
        table=table,
        field=field,
        stated=stated,
        computed=computed,
        perihal=f"Pagu {field}",
        angka=Angka(D(stated), D(computed), D(computed) - D(stated)),
    )


def grouped(found: list[Problem]) -> list[set[str]]:
    return [{found[i].field for i in ix} for ix in causes.groups(found).values()]


# ---------------------------------------------------------------- patterns among findings


def test_two_sibling_figures_printed_as_each_others_are_swapped() -> None:
    found = causes.assign([note("s.p-1.pagu", "5", "7"), note("s.p-2.pagu", "7", "5")], [])
    assert grouped(found) == [{"s.p-1.pagu", "s.p-2.pagu"}]
    assert found[0].sebab is not None and found[0].sebab.kode == "rows-swapped"
    assert "tertukar" in found[0].sebab.kalimat


def test_a_swap_that_could_be_with_two_rows_is_no_explanation() -> None:
    found = [
        note("s.p-1.pagu", "5", "7"),
        note("s.p-2.pagu", "7", "5"),
        note("s.p-3.pagu", "7", "5"),
    ]
    assert grouped(causes.assign(found, [])) == []


def test_figures_in_other_tables_or_not_siblings_are_not_paired() -> None:
    other = note("s.p-2.pagu", "7", "5", table="Tabel 10")
    assert grouped(causes.assign([note("s.p-1.pagu", "5", "7"), other], [])) == []
    deeper = note("s.p-2.k.pagu", "7", "5")
    assert grouped(causes.assign([note("s.p-1.pagu", "5", "7"), deeper], [])) == []


def test_differences_that_cancel_are_one_figure_moved() -> None:
    found = causes.assign([note("j.a", "20", "21"), note("j.b", "51", "50")], [])
    assert grouped(found) == [{"j.a", "j.b"}]
    sebab = found[0].sebab
    assert sebab is not None and sebab.kode == "moved-between-rows"
    assert "Jumlah keduanya sama (71)" in sebab.kalimat


def test_a_move_is_named_only_between_two_lone_siblings() -> None:
    # a third mismatched sibling: the pair is not the only way the differences add up
    found = [note("j.a", "20", "21"), note("j.b", "51", "50"), note("j.c", "3", "5")]
    assert grouped(causes.assign(found, [])) == []
    # differences that do not cancel
    assert grouped(causes.assign([note("j.a", "20", "21"), note("j.b", "52", "50")], [])) == []


def test_links_need_two_notes_that_occur_and_merge_when_they_share_one() -> None:
    a, b, c = note("x.a", "1", "2"), note("x.b", "3", "5"), note("y.c", "9", "8")
    one, two = Sebab("printed-figures", "Satu."), Sebab("printed-figures", "Dua.")
    lonely = causes.assign([a, b, c], [(one, [causes.key(a), ("stated-mismatch", "", "nope")])])
    assert grouped(lonely) == []
    merged = causes.assign(
        [a, b, c], [(one, [causes.key(a), causes.key(b)]), (two, [causes.key(b), causes.key(c)])]
    )
    assert grouped(merged) == [{"x.a", "x.b", "y.c"}]
    assert merged[0].sebab == Sebab("printed-figures", "Satu. Dua.")


def test_grouping_never_changes_a_notes_id() -> None:
    found = causes.assign([note("s.p-1.pagu", "5", "7"), note("s.p-2.pagu", "7", "5")], [])
    assert all(t.sebab is not None for t in found)
    assert [identity(t) for t in found] == [identity(replace(t, sebab=None)) for t in found]


# ---------------------------------------------------------------- the checks' links


def test_a_list_counting_a_row_it_lacks_explains_its_count_and_the_formula() -> None:
    found = run(**list_report("3", "3"))  # numbered to 3, two rows, the formula uses 3
    assert codes(found) == ["count-mismatch", "stated-mismatch"]
    assert {t.sebab for t in found} == {found[0].sebab} and found[0].sebab is not None
    assert found[0].sebab.kode == "list-row-missing"
    assert "menyebut 3 baris, tetapi berisi 2: satu baris tidak tercantum" in found[0].sebab.kalimat


def test_a_list_sum_short_by_the_missing_row_is_explained_so() -> None:
    d = m.Daftar(
        id="l",
        kolom=[m.Kolom(kunci="nama", judul="Nama"), m.Kolom(kunci="n", judul="N", jenis="angka")],
        baris=[{"nama": "A", "n": "10"}, {"nama": "B", "n": "25"}, {"nama": "C", "n": "7"}],
        # "4 rows", and a sum with the fourth row's 13 in it: not a one-digit typo of 42
        tertulis={"jumlah": "4", "jumlah.n": "55"},
    )
    found = run(daftar=m.KumpulanDaftar(daftar=[d]))
    assert codes(found) == ["stated-mismatch", "stated-mismatch"]
    total = next(t for t in found if t.field == "l.jumlah.n")
    assert "satu baris lebih banyak" in total.message and "lebih 13" in total.message
    assert "salah ketik" not in total.message
    assert total.sebab is not None and total.sebab.kode == "list-row-missing"
    # the same list with its count right: the sum is only a mismatch
    right = replace(d, tertulis={"jumlah": "3", "jumlah.n": "55"})
    (alone,) = run(daftar=m.KumpulanDaftar(daftar=[right]))
    assert alone.sebab is None and "baris lebih banyak" not in alone.message


def staff_text(stated: dict[str, str], row_total: str = "4") -> m.Pegawai:
    """Two rows; the first's cells sum to 3 but print 4; the text quotes the table."""
    return m.Pegawai(
        komposisi=[
            m.Komposisi(
                id="k",
                judul_baris="Pendidikan",
                kolom=["U", "V"],
                baris=[
                    m.BarisKomposisi(
                        label="S1", kelompok="G", nilai=[1, 2], tertulis={"jumlah": row_total}
                    ),
                    m.BarisKomposisi(
                        label="S2", kelompok="G", nilai=[2, 2], tertulis={"jumlah": "4"}
                    ),
                ],
                tertulis=[m.Tertulis(di="Bab 1 teks", nilai=stated)],
            )
        ]
    )


def test_figures_right_against_a_printed_row_total_are_its_consequences() -> None:
    # printed rows 4 + 4 = 8 (cells 3 + 4 = 7): "8", "G 8", "S1 50 %" follow the misprint
    found = run(pegawai=staff_text({"total": "8", "kelompok.g": "8", "persen.s1": "50 %"}))
    assert codes(found) == ["stated-consequence"] * 3 + ["stated-mismatch"]
    assert len({t.sebab for t in found}) == 1 and found[0].sebab is not None
    assert found[0].sebab.kode == "printed-row-total"
    # right against the data: no note; wrong against both: a mismatch of its own
    assert run(pegawai=staff_text({"total": "7"}, row_total="3")) == []
    other = run(pegawai=staff_text({"total": "9"}))
    assert codes(other) == ["stated-mismatch", "stated-mismatch"]
    assert all(t.sebab is None for t in other)


def test_a_mean_of_the_printed_capaian_follows_them() -> None:
    def ind(ident: str, real: str, printed: str) -> m.Indikator:
        return m.Indikator(
            id=ident,
            nama=ident,
            target=D(100),
            realisasi=m.Rumus(jenis="langsung", a=m.Masukan(nilai=D(real))),
            tertulis=[m.Tertulis(di="Tabel 1", nilai={"capaian": printed})],
        )

    def report(mean: str) -> dict:
        inds = [ind("a", "80", "90"), ind("b", "70", "70")]  # a printed 90 for 80
        return {
            "kinerja": m.Kinerja(
                sasaran_strategis="x",
                indikator=inds,
                tertulis=[m.Tertulis(di="Tabel 1", nilai={"rata_rata": mean})],
            )
        }

    found = run(**report("80"))  # (90 + 70) / 2, not the data's (80 + 70) / 2 = 75
    mean = next(t for t in found if "rata_rata" in t.field)
    assert mean.code == "stated-consequence" and mean.sebab is not None
    assert mean.sebab.kode == "mean-of-printed"
    assert {t.field for t in found if t.sebab} == {"a.capaian", mean.field}
    wrong = next(t for t in run(**report("79")) if "rata_rata" in t.field)
    assert wrong.code == "stated-mismatch" and wrong.sebab is None


# ---------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed() -> list[Problem]:
    from lkip_build.publish.site import prepare

    from .conftest import ROOT

    return prepare(ROOT).findings[NTT]


def test_the_seeds_notes_grouped_by_their_causes(seed) -> None:
    """Read off the seed (lkip-ntt-disperindag-2021.txt): Tabel 2.3 prints the two APBN
    programmes' pagu swapped; Bab 3.3's APBN paragraph quotes another pagu and realisasi
    and computes its 94,73 % and its terbilang from them; Tabel 3.4 is numbered to 39 with
    38 rows, and ik-1's formula uses 39; Tabel 1.2's SMA row prints 16 for cells summing to
    15, and Bab 1.5's "71 pegawai" and "S1 57.75 %" use 16, while Tabel 1.3 and 1.4 count
    one more in Sekretariat; Tabel 1.3's Bid PSDI L column prints 2 for cells summing to 4,
    the 2 its total (73), its men (42) and its Bid PSDI (9) have over Tabel 1.1 and 1.2;
    its IV a row prints 4 (cells 6), and Bab 1.5's "Golongan IV 11" uses it; Bab 1.5's
    "20 struktural, 51 fungsional umum" is the data's 21 and 50 with one moved."""
    got = {(s.kode, frozenset(seed[i].field for i in ix)) for s, ix in causes.groups(seed).items()}
    assert got == {
        ("rows-swapped", frozenset({"apbn/p-perdagangan-dalam-negeri.pagu", "apbn/p-perdagangan-luar-negeri.pagu"})),
        ("printed-figures", frozenset({"apbn.pagu", "apbn.realisasi", "apbn.persen", "apbn.terbilang_pagu"})),
        ("list-row-missing", frozenset({"pelaku-usaha-oss.nomor_terakhir", "ik-1.realisasi"})),
        ("printed-row-total", frozenset({"pendidikan.total", "pendidikan.sma.jumlah", "pendidikan.persen.s1", "golongan.kolom.sekretariat", "jabatan.kolom.sekretariat"})),
        ("printed-column-total", frozenset({"golongan.kolom.bid-psdi", "golongan.kolom.l", "golongan.total", "golongan.total.bid-psdi-l"})),
        ("printed-row-total", frozenset({"golongan.iv-a.jumlah", "golongan.kelompok.iv"})),
        ("moved-between-rows", frozenset({"jabatan.kelompok.struktural", "jabatan.kelompok.fungsional-umum"})),
    }  # fmt: skip
    persen = next(t for t in seed if t.field == "apbn.persen")
    assert "(94,7366), dipotong, bukan dibulatkan" in persen.message


def test_the_seeds_figures_right_against_another_printed_figure(seed) -> None:
    follow = {t.field: t.stated for t in seed if t.code == "stated-consequence"}
    assert follow == {
        "apbn.terbilang_pagu": "Dua Miliar Seratus Dua Puluh Enam Juta Tiga Ratus Delapan Ribu Rupiah",
        "pendidikan.persen.s1": "57.75 %",
        "pendidikan.total": "71",
        "golongan.kelompok.iv": "11",
    }  # fmt: skip


# ---------------------------------------------------------------- same groups: suggestions


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("Bid PSDI", "Bidang PSDI", True),
        ("Bid Pengemb Perdagangan", "Bid Pengembangan Perdagangan", True),
        ("L", "Laki-laki", True),
        ("Sekretariat", "Sekretariat", True),
        ("Bid PSDI", "Bidang SPPI", False),
        ("Bi PSDI", "Bidang PSDI", False),  # two letters: no abbreviation
        ("UPTD PSMB", "PSMB", False),
    ],
)
def test_labels_that_name_the_same_group(x: str, y: str, same: bool) -> None:
    assert samegroup.same_label(x, y) is same


def test_a_pairing_needs_one_partner_each() -> None:
    assert samegroup.pairing(["L", "P"], ["Perempuan", "Laki-laki"]) == [1, 0]
    assert samegroup.pairing(["L", "P"], ["Laki-laki", "Lainnya"]) is None  # L: two
    assert samegroup.pairing(["A"], ["A", "B"]) is None


def tables(sama: dict[str, str] | None) -> m.Pegawai:
    return m.Pegawai(
        komposisi=[
            m.Komposisi(
                id="jk",
                judul_baris="Jenis Kelamin",
                kolom=["ASN"],
                baris=[
                    m.BarisKomposisi(label="Laki-laki", nilai=[3]),
                    m.BarisKomposisi(label="Perempuan", nilai=[2]),
                ],
            ),
            m.Komposisi(
                id="pend",
                judul_baris="Pendidikan",
                kolom=["Sekretariat", "Bidang A"],
                baris=[m.BarisKomposisi(label="S1", nilai=[3, 2])],
            ),
            m.Komposisi(
                id="gol",
                judul_baris="Golongan",
                kolom=["Sekretariat", "Bid A"],
                sub_kolom=["L", "P"],
                sama_dengan="pegawai.jk.kolom.asn",
                sama=sama,
                baris=[m.BarisKomposisi(label="III", nilai=[2, 1, 1, 1])],
            ),
        ]
    )


def test_matching_labels_suggest_the_links_to_write() -> None:
    assert samegroup.candidates(tables(None)) == {
        "gol": {
            "kolom.sekretariat": "pegawai.pend.kolom.sekretariat",
            "kolom.bid-a": "pegawai.pend.kolom.bidang-a",
            "kolom.l": "pegawai.jk.sel.laki-laki.asn",
            "kolom.p": "pegawai.jk.sel.perempuan.asn",
        }
    }
    c = Collector()
    samegroup.suggest(tables(None), c)
    (hint,) = c.problems
    assert hint.code == "same-group-suggested" and hint.field == "komposisi[gol].sama"
    # declined ({}) or written: nothing to suggest
    assert samegroup.candidates(tables({})) == {}


def test_the_suggested_links_applied_are_compared_and_the_hint_is_gone() -> None:
    """The hint applied as written: the suggestion stops, and the groups are compared
    (Sekretariat 3 against 3 agrees; Bid A 2 against 2; men 3 against 3; women 2 against 2
    in a consistent report, and a moved person is found)."""
    links = samegroup.candidates(tables(None))["gol"]
    assert run(pegawai=tables(links)) == []
    moved = tables(links)
    gol = replace(moved.komposisi[2], baris=[m.BarisKomposisi(label="III", nilai=[2, 2, 1, 0])])
    found = run(pegawai=replace(moved, komposisi=[*moved.komposisi[:2], gol]))
    # a woman of Bid A counted in Sekretariat: both units differ, the sexes do not
    assert {t.field for t in found} == {"gol.kolom.sekretariat", "gol.kolom.bid-a"}
    assert {t.code for t in found} == {"same-quantity-mismatch"}
