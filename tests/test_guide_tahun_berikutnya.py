"""EDITING.md's "Menyusun laporan tahun berikutnya", followed start to finish as written.

Every `sh` block of the section runs (bash, stop at the first failing command) in a copy of
the repository, and every `yaml` block that starts with `# berkas:` is applied as the
replacement it shows (its `# ganti:` text must be in the file exactly once). A `text` block
right after the `lkip diff` command is its output in part: each of its lines must be a line
the command wrote. So a guide that no longer matches what `lkip new` writes or `lkip diff`
says, or a command that no longer works, fails.
"""

from __future__ import annotations

from pathlib import Path

from lkip_build.publish.site import prepare
from tests.guidesteps import replace, repo, run, steps

SECTION = "## Menyusun laporan tahun berikutnya"


def test_the_guide_runs_start_to_finish(tmp_path: Path) -> None:
    root = repo(tmp_path)
    ran = []
    found = steps(SECTION)
    assert [kind for kind, _ in found].count("sh") >= 5
    compared = False
    for i, (kind, block) in enumerate(found):
        if kind == "text" and "lkip diff" in found[i - 1][1]:
            # the year-on-year comparison, as the guide shows it (values from the seed and
            # the guide's own figures), written by the command itself
            output = (root / "perbandingan.md").read_text(encoding="utf-8")
            assert "dihapus" not in output
            lines = set(output.splitlines())
            assert [line for line in block.splitlines() if line not in lines] == []
            compared = True
        elif kind == "sh":
            ran.append(run(root, block).stdout)
        elif kind == "yaml" and block.startswith("# berkas:"):
            if "status: final" in block:
                filled = prepare(root, only="ntt-disperindag-lkip-2022")
                h = filled.by_id["ntt-disperindag-lkip-2022"]
                # the two indicators and the programme filled in are computed now
                assert h.indikator["ik-3"].capaian is not None
                assert h.indikator["ik-7"].capaian is not None
                program = h.sumber["apbd"].program[1]
                assert program.pos.id == "p-perizinan" and program.persen is not None
            replace(root, block)
    assert compared
    assert (root / "site" / "ntt-disperindag-lkip-2022" / "yang-masih-harus-diisi").is_dir()
    assert ran[-1].strip() == "status keluar: 1"
    final = (root / "hasil-periksa.txt").read_text(encoding="utf-8")
    assert "(laporan berstatus final) [value-pending]" in final
