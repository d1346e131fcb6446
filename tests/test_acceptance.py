"""Verification notes: stable ids, and diterima.yml (the notes a published document prints).

A note's id comes from what it is about and the figures compared, never from its place
among the notes: an unrelated edit leaves every other id (and anchor) as it was. A report
publishes the notes its diterima.yml lists; any other mismatch, and any listed note that
no longer occurs, stops `lkip check` (and so the pull-request workflow and the build).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from lkip_build.audit.acceptance import identities, identity
from lkip_build.cli import main
from lkip_build.present import verification
from lkip_build.publish import pipeline

from .conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The repository's reports and chapters, to edit as an editor would."""
    for part in ("data", "content"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= max(count, 1), old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _notes(root: Path) -> tuple[list[str], str]:
    """The seed's note ids and its verification page, as the pipeline makes them."""
    result = pipeline.run(root, pipeline.report(NTT), write_files=False, check_pages=False)
    page = result.expansion.pages[f"{NTT}/{verification.PAGE}"]
    return result.publication.reviews[NTT].ids, page


def test_the_seed_publishes_with_every_note_accepted(capsys) -> None:
    assert main(["check", str(ROOT / "data" / NTT)]) == 0
    listed = yaml.safe_load((ROOT / "data" / NTT / "diterima.yml").read_text(encoding="utf-8"))
    ids, page = _notes(ROOT)
    # 40 since issue 20 item 5: four figures right against another printed figure became
    # consequences, and four groups two staff tables count differently were compared
    assert len(ids) == 40 == len(set(ids))  # every note of the document, each once
    assert [c["id"] for c in listed["catatan"]] == ids
    assert all(c["alasan"].strip() for c in listed["catatan"])
    assert "BARU" not in capsys.readouterr().out
    assert (
        page.count("Diterbitkan sebagaimana tercetak") == 40 and "<strong>Baru</strong>" not in page
    )


def test_a_target_retyped_as_1500_fails_check_naming_the_new_notes(repo: Path, capsys) -> None:
    """The trial of issue 20: a target of 50 retyped as "1.500" in the published seed."""
    _edit(repo / "data" / NTT / "indikator.yml", "    target: 50\n", "    target: 1.500\n")
    assert main(["check", str(repo / "data" / NTT)]) == 1
    out, err = capsys.readouterr()
    new = [line for line in out.splitlines() if line.endswith(" BARU]")]
    assert new, out
    assert any("ik-1.target" in line and "[target-mismatch cv-" in line for line in new)
    for line in new:  # each named by its id, which diterima.yml does not list
        (ident,) = re.findall(r" (cv-[0-9a-f]{8}(?:-\d+)?) BARU\]$", line)
        assert ident not in (repo / "data" / NTT / "diterima.yml").read_text(encoding="utf-8")
    assert f"{len(new)} angka tidak cocok belum diterima" in err
    assert f"make terima LAPORAN=data/{NTT}" in err
    # the whole repository, as the pull-request workflow checks it (`lkip check .`)
    assert main(["check", str(repo)]) == 1


def test_an_unrelated_note_leaves_every_other_id_and_anchor(repo: Path) -> None:
    before, page_before = _notes(repo)
    # one more budget inconsistency: a sub kegiatan's percentage printed wrong
    _edit(
        repo / "data" / NTT / "anggaran.yml",
        '                  persen: "82,01"\n',
        '                  persen: "182,01"\n',
    )
    after, page_after = _notes(repo)
    assert len(after) == len(before) + 1  # one note more, and every old one unchanged
    assert set(before) < set(after)

    def anchors(page: str) -> set[str]:
        return set(re.findall(r'id="(cv-[0-9a-f]{8})"', page))

    assert anchors(page_before) < anchors(page_after)


def test_an_accepted_note_that_no_longer_occurs_is_stale(repo: Path, capsys) -> None:
    # the editor corrects the document's 99,82 (the data computes 98,82): the note goes
    path = repo / "data" / NTT / "anggaran.yml"
    text = path.read_text(encoding="utf-8")
    at = text.index("Pengawasan Makanan, Minuman dan Obat-Obatan Kadaluaarsa")
    path.write_text(
        text[:at] + text[at:].replace('persen: "99,82"', 'persen: "98,82"', 1), encoding="utf-8"
    )
    assert main(["check", str(repo / "data" / NTT)]) == 1
    out = capsys.readouterr().out
    stale = [line.strip() for line in out.splitlines() if "[accepted-stale]" in line]
    assert len(stale) == 1
    assert re.match(rf"data/{NTT}/diterima\.yml:\d+: catatan\[0\]\.id: ", stale[0]), stale[0]
    assert "tidak muncul lagi" in stale[0]
    # `make terima` drops it, keeps the others with their reasons
    listed = repo / "data" / NTT / "diterima.yml"
    _edit(listed, '"tercetak demikian di dokumen"', '"dicek di PDF halaman 40"', -1)
    assert main(["check", "--terima", str(repo / "data" / NTT)]) == 0
    assert "39 catatan diterima (0 baru, 1 dihapus" in capsys.readouterr().err
    assert listed.read_text(encoding="utf-8").count("dicek di PDF halaman 40") == 39
    assert main(["check", str(repo / "data" / NTT)]) == 0


def test_a_repeated_or_unexplained_entry_is_refused(repo: Path, capsys) -> None:
    listed = repo / "data" / NTT / "diterima.yml"
    text = listed.read_text(encoding="utf-8")
    first = re.search(r"  - id: (cv-\w+)\n    perihal: .*\n    alasan: .*\n", text)
    assert first is not None
    again = f"  - id: {first.group(1)}\n    alasan: ''\n"
    listed.write_text(text + again, encoding="utf-8")
    assert main(["check", str(repo / "data" / NTT)]) == 1
    out = capsys.readouterr().out
    assert "[accepted-duplicate]" in out and "sudah tercantum di baris" in out


def test_terima_only_for_one_report(capsys) -> None:
    assert main(["check", "--terima", str(ROOT)]) == 2
    assert "satu laporan" in capsys.readouterr().err


def test_the_retired_policy_is_refused_with_what_replaced_it(repo: Path, capsys) -> None:
    _edit(
        repo / "data" / NTT / "laporan.yml",
        "  desimal_realisasi: 2\n",
        "  desimal_realisasi: 2\n  temuan_memblokir: tidak\n",
    )
    assert main(["check", str(repo / "data" / NTT)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "kebijakan.temuan_memblokir" in text and "[policy-retired]" in text
    assert f"make terima LAPORAN=data/{NTT}" in text


def test_an_id_is_what_the_note_is_about() -> None:
    from lkip_build.model import Location
    from lkip_build.problems import problem

    def note(line: int, stated: str, computed: str = "10") -> object:
        return problem(
            "stated-mismatch",
            Location("data/x/anggaran.yml", line, "apbd.pagu"),
            "pesan",
            table="Tabel 3.22",
            stated=stated,
            computed=computed,
        )

    a, b = note(10, "12"), note(99, "12")  # moved by an edit above it: the same note
    assert identity(a) == identity(b) and re.fullmatch(r"cv-[0-9a-f]{8}", identity(a))
    assert identity(note(10, "13")) != identity(a)  # another printed figure: another note
    assert identity(note(10, "12", "11")) != identity(a)  # another computed one too
    assert identities([a, b, note(10, "13")]) == [
        identity(a),
        identity(a) + "-2",
        identity(note(10, "13")),
    ]
