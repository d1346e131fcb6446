"""`lkip import` (lkip_build/importer): a published report's text becomes a checked draft.

The NTT seed's converted text (tests/impor/, a copy of ../shared/seeds/) is imported once
per session and compared with data/ntt-disperindag-lkip-2021, entered by hand: at least 90 %
of the capaian, budget and staff values reproduced exactly, the rest pending, none wrong.
Spot values are the seed's own (line numbers of the seed). The corpus fragments (flattened
text of eleven other agencies' reports) import too, each compared with its hand-entered
folder: what is not reproduced is pending or missing, never a wrong value the audit misses.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from lkip_build.cli import main
from lkip_build.importer import draft as draft_mod
from lkip_build.importer import source
from lkip_build.importer.compare import Comparison, compare
from lkip_build.publish.site import prepare_report
from tests.conftest import ROOT
from tests.test_architecture import _code_strings

SEED = ROOT / "tests" / "impor" / "lkip-ntt-disperindag-2021.txt"
HAND = ROOT / "data" / "ntt-disperindag-lkip-2021"
CORPUS = ROOT / "tests" / "corpus"


def _repo(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _repo(tmp_path_factory.mktemp("impor"))
    assert main(["import", str(SEED), "--id", "ntt-impor", "--root", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def compared(imported: Path) -> Comparison:
    return compare(HAND, ROOT, imported / "data" / "ntt-impor", imported)


def _yaml(root: Path, name: str) -> dict:
    return yaml.safe_load((root / "data" / "ntt-impor" / name).read_text(encoding="utf-8"))


def test_the_seed_reproduces_the_hand_entered_values(compared: Comparison) -> None:
    for kind in ("capaian", "anggaran", "pegawai"):
        t = compared.tables[kind]
        assert t.total > 0, kind
        assert t.share >= 0.9, (kind, t.reproduced, t.total)
        assert t.wrong == [] and t.missing == [], kind
        assert t.reproduced + t.pending == t.total
    # every input of the three hand-entered files is counted, as read here from the YAML
    assert [compared.tables[k].total for k in ("capaian", "anggaran", "pegawai")] == _inputs()


def _inputs() -> list[int]:
    """(capaian, anggaran, pegawai) inputs of the hand-entered files, counted from YAML."""

    def indicators(items: list[dict]) -> int:
        return sum(2 + ("tahun_dasar" in i) + indicators(i.get("sub", [])) for i in items)

    def lines(pos: dict) -> int:
        own = sum(k in pos for k in ("fisik",))
        if pos.get("rincian"):
            return own + sum(lines(r) for r in pos["rincian"])
        return own + sum(k in pos for k in ("pagu", "realisasi"))

    kinerja = yaml.safe_load((HAND / "indikator.yml").read_text(encoding="utf-8"))
    anggaran = yaml.safe_load((HAND / "anggaran.yml").read_text(encoding="utf-8"))
    pegawai = yaml.safe_load((HAND / "pegawai.yml").read_text(encoding="utf-8"))
    return [
        indicators(kinerja["indikator"]),
        sum(lines(p) for s in anggaran["sumber"] for p in s["program"]),
        sum(len(r["nilai"]) for k in pegawai["komposisi"] for r in k["baris"]),
    ]


def test_the_draft_is_read_by_lkip_check_and_its_findings_are_the_documents(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", str(imported / "data" / "ntt-impor")])
    out = capsys.readouterr().out
    assert status == 1  # the document's own mismatches, not yet accepted
    codes = set(re.findall(r"\[([a-z-]+)(?: [^\]]*)?\]$", out, re.M))
    assert codes <= {"stated-mismatch", "same-group-suggested", "na-without-reason", "capaian-na"}
    # Tabel 3.22 prints the APBD realisasi total without a digit (seed line 1185)
    assert "13.157.342.97" in out
    # the Tabel 2.3 programmes of the APBN printed in the other order (seed lines 447-448)
    assert "tertukar" in out


def test_spot_values_come_from_the_seed_with_their_lines(imported: Path) -> None:
    seed = SEED.read_text(encoding="utf-8").splitlines()
    ind = _yaml(imported, "indikator.yml")["indikator"][0]
    assert (ind["target"], ind["realisasi"]["a"]["nilai"]) == (50, "44,32")  # seed line 668
    assert ind["tertulis"][0]["nilai"]["capaian"] == "88,64 %"
    # the parent of two lettered rows whose realisasi is their mean is computed
    assert _yaml(imported, "indikator.yml")["indikator"][1]["realisasi"] == {"jenis": "rerata_sub"}
    apbd = next(s for s in _yaml(imported, "anggaran.yml")["sumber"] if s["id"] == "apbd")
    stab = apbd["program"][3]["rincian"][0]["rincian"][0]
    assert stab["nama"] == "Pasar Murah Bersubsidi"
    assert (stab["pagu"], stab["realisasi"]) == ("4.925.000", "4.825.000")
    text = (imported / "data" / "ntt-impor" / "anggaran.yml").read_text(encoding="utf-8")
    line = int(re.search(r'nama: "Pasar Murah Bersubsidi"  # baris (\d+)', text)[1])
    assert "Pasar Murah Bersubsidi" in seed[line - 1] and "4.925.000" in seed[line - 1]
    golongan = _yaml(imported, "pegawai.yml")["komposisi"][2]
    row = next(r for r in golongan["baris"] if r["label"] == "III d")  # seed line 251
    assert row["nilai"] == [1, 2, 1, 3, 1, 1, 1, 2, "-", 1, "-", 1]
    assert row["tertulis"] == {"jumlah": "21"}
    assert golongan["sub_kolom"] == ["L", "P"]


def test_chapters_keep_the_text_and_mark_each_table(imported: Path) -> None:
    lap = _yaml(imported, "laporan.yml")
    assert lap["status"] == "draf" and lap["tahun"] == 2021 and lap["tingkat"] == "provinsi"
    assert lap["jenis_dokumen"] == "LKIP"
    hand = yaml.safe_load((HAND / "laporan.yml").read_text(encoding="utf-8"))
    for key in ("instansi", "pemerintah", "wilayah", "tempat", "tanggal", "jenis_dokumen"):
        assert lap[key] == hand[key], key  # read from the cover, each marked a guess
    content = imported / "content" / "ntt-impor"
    pages = [h["file"] for h in lap["halaman"]]
    assert [p for p in pages if p.startswith("bab-")] == [
        "bab-1-pendahuluan.md",
        "bab-2-perencanaan-kinerja.md",
        "bab-3-akuntabilitas-kinerja.md",
        "bab-4-penutup.md",
    ]
    tabel = {t["id"]: t for t in _yaml(imported, "tabel.yml")["tabel"]}
    text = "".join(p.read_text(encoding="utf-8") for p in content.glob("*.md"))
    assert all(f"<!-- lkip:tabel {ident} -->" in text for ident in tabel)
    assert "berjumlah 71 orang yang terdiri dari" in text  # seed line 211
    assert tabel["anggaran-apbd-rinci"]["nomor"] == "3.23"


def test_figures_of_the_prose_that_are_data_become_named_figures(imported: Path) -> None:
    content = imported / "content" / "ntt-impor"
    bab2 = (content / "bab-2-perencanaan-kinerja.md").read_text(encoding="utf-8")
    # seed line 464: "dana APBN sebesar Rp. 2.194.960.000,-", the pagu of Tabel 2.3's APBN
    assert "APBN sebesar Rp. <!-- lkip:nilai anggaran.apbn.pagu -->,-" in bab2
    bab1 = (content / "bab-1-pendahuluan.md").read_text(encoding="utf-8")
    # seed line 211: 40 men among the ASN is one figure of Tabel 1.1; 71 is two (the ASN
    # column and the men's row both sum to 71), so it stays as typed
    assert "dari <!-- lkip:nilai pegawai.jenis-kelamin.sel.laki-laki.asn-orang --> orang" in bab1
    assert "berjumlah 71 orang" in bab1


def test_an_unreadable_cell_is_pending_with_what_was_printed(tmp_path: Path) -> None:
    text = (
        "PEMERINTAH KOTA CONTOH\nLAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)\n"
        "DINAS CONTOH KOTA CONTOH TAHUN 2023\n\nBAB III\n\n"
        "Tabel 3.1 Realisasi Anggaran APBD\n\n"
        "No\tProgram\tPagu (Rp)\tRealisasi (Rp)\t%\n"
        "1\tProgram Satu\t1.000.000\t900.000,-\t90,00\n"
        "2\tProgram Dua\t2.000.00\t1.500.000\t75,00\n"
        "\tJumlah\t3.000.000\t2.400.000\t80,00\n"
    )
    d = draft_mod.make(text, "kota-contoh-2023")
    anggaran = d.files["data/kota-contoh-2023/anggaran.yml"]
    assert 'pagu: "1.000.000"  # baris 10' in anggaran
    assert 'realisasi: "900.000"  # baris 10' in anggaran
    assert re.search(r"pagu: \{belum_diisi: \"baris 11: .*tercetak: '2\.000\.00'", anggaran)
    assert 'persen: "90,00"' in anggaran  # a printed percentage is a tertulis, not an input
    assert len(d.notes.pending) == 1
    root = _repo(tmp_path)
    for rel, body in d.files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body, encoding="utf-8")
    done = prepare_report(root / "data" / "kota-contoh-2023", root)
    assert done.computed is not None


def test_an_indicator_named_jumlah_is_an_indicator_and_bab_may_be_title_case() -> None:
    text = (
        "Bab III Akuntabilitas Kinerja\n\nTabel 3.1 Capaian Kinerja\n\n"
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n"
        "1.\tJumlah wirausaha baru\t120\t90\t75,00\n"
        "2.\tPersentase pasar tertib\t80\t80\t100,00\n"
        "\tJumlah\t\t\t\n"
    )
    d = draft_mod.make(text, "x", "", draft_mod.Identity("Dinas X", "kota", 2023, "LKjIP"))
    names = [i["nama"] for i in yaml.safe_load(d.files["data/x/indikator.yml"])["indikator"]]
    assert names == ["Jumlah wirausaha baru", "Persentase pasar tertib"]
    assert "content/x/bab-3-akuntabilitas-kinerja.md" in d.files


def test_pipe_and_layout_tables_read_as_tab_tables() -> None:
    tab = "Tabel 3.2 Capaian\n\nNo\tIndikator\tTarget\tRealisasi\tCapaian\n1\tIndeks A\t80\t72,5\t90,63\n"
    pipe = (
        "Tabel 3.2 Capaian\n\n| No | Indikator | Target | Realisasi | Capaian |\n"
        "|---|---|---|---|---|\n| 1 | Indeks A | 80 | 72,5 | 90,63 |\n"
    )
    layout = (
        "Tabel 3.2 Capaian\n\n No   Indikator     Target   Realisasi   Capaian\n"
        " 1    Indeks A      80       72,5        90,63\n"
    )
    read = []
    for text in (tab, pipe, layout):
        s = source.read(text)
        table = next(b for b in s.blocks if isinstance(b, source.Table))
        assert table.caption is not None and table.caption.nomor == "3.2"
        read.append([[c for c in r.cells if c] for r in table.rows])
    assert read[0] == read[1] == read[2]


def _fragment(folder: Path) -> str:
    text = (folder / "SOURCE.md").read_text(encoding="utf-8")
    return re.search(r"```text\n(.*?)```", text, re.S)[1]


FRAGMENTS = sorted(p.name for p in CORPUS.iterdir() if (p / "data").is_dir())


@pytest.mark.parametrize("rid", FRAGMENTS)
def test_each_corpus_fragment_imports_and_is_never_silently_wrong(rid: str, tmp_path: Path) -> None:
    folder = CORPUS / rid
    lap = yaml.safe_load((folder / "data" / rid / "laporan.yml").read_text(encoding="utf-8"))
    given = draft_mod.Identity(lap["instansi"], lap["tingkat"], lap["tahun"], lap["jenis_dokumen"])
    d = draft_mod.make(_fragment(folder), rid, "SOURCE.md", given)
    root = _repo(tmp_path)
    for rel, body in d.files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body, encoding="utf-8")
    c = compare(folder / "data" / rid, folder, root / "data" / rid, root)
    overall = c.overall
    assert overall.total > 0
    assert overall.unflagged == [], overall.unflagged
    assert overall.wrong == []


def test_the_flattened_dumai_table_is_read_because_each_row_confirms_itself(tmp_path: Path) -> None:
    """Kota Dumai's Tabel 3-1 (corpus SOURCE.md): 65 / 405 x 100 = 16,05 as printed."""
    rid = "kota-dumai-dpupr-lkjip-2020"
    d = draft_mod.make(
        _fragment(CORPUS / rid), rid, "", draft_mod.Identity("x", "kota", 2020, "LKjIP")
    )
    ind = yaml.safe_load(d.files[f"data/{rid}/indikator.yml"])["indikator"]
    assert [(i["target"], i["realisasi"]["a"]["nilai"]) for i in ind] == [(405, 65), (100, 100)]
    assert ind[0]["satuan"] == "Liter/detik"


def test_a_missing_identity_or_an_existing_folder_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "x.txt"
    src.write_text("Tabel 1 A\n\nNo\tNama\n1\tSatu\n", encoding="utf-8")
    assert main(["import", str(src), "--id", "x", "--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "--tahun" in err and "Traceback" not in err
    binary = tmp_path / "laporan.docx.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00 not text")
    assert main(["import", str(binary), "--id", "y", "--root", str(tmp_path)]) == 2
    assert "bukan berkas teks" in capsys.readouterr().err
    (tmp_path / "data" / "x").mkdir(parents=True)
    assert main(["import", str(SEED), "--id", "x", "--root", str(tmp_path)]) == 2
    assert "tidak ditimpa" in capsys.readouterr().err


def _names_of_agencies() -> set[str]:
    """Proper names of every agency and region lkip has data of: none belongs in the
    importer, which works from the vocabulary of these reports."""
    words: set[str] = set()
    common = set(
        re.findall(r"[a-z]+", (ROOT / "lkip_build/importer/vocabulary.py").read_text().lower())
    )
    for lap in [*ROOT.glob("data/*/laporan.yml"), *CORPUS.glob("*/data/*/laporan.yml")]:
        data = yaml.safe_load(lap.read_text(encoding="utf-8"))
        for key in ("instansi", "wilayah", "pemerintah", "tempat"):
            for w in re.findall(r"[A-Za-z]{4,}", str(data.get(key, ""))):
                if w.lower() not in common and w[0].isupper():
                    words.add(w.lower())
    return words


def test_the_importer_holds_no_report_specific_string() -> None:
    names = _names_of_agencies()
    assert {"kupang", "dumai", "sampang", "lampung"} <= names
    found = []
    for path in sorted((ROOT / "lkip_build" / "importer").glob("*.py")):
        for line, value in _code_strings(path):
            text = value.lower()
            hits = [w for w in names if re.search(rf"\b{w}\b", text)]
            numbers = re.findall(r"\btabel\s+\d", text)
            if hits or numbers:
                found.append(f"{path.name}:{line}: {hits or numbers}")
    assert found == []
