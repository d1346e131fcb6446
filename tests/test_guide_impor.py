"""EDITING.md's "Dari PDF ke situs", followed start to finish as written.

The editor's `laporan.txt` is the seed (the NTT report converted to text, tab-separated),
copied into a copy of the repository. Every `sh` block runs there (bash, stop at the first
failing command); a `text` block after a `sh` block is part of what that block printed,
each of its lines a whole line of the output; a `yaml` block that starts with
`# cuplikan: FILE` is part of FILE as the guide reaches it, its lines one after another;
a `# berkas:` block is applied as the replacement it shows. The figures the guide's
corrections lead to are the seed's own: Tabel 3.2's capaian column and mean, read from the
seed. So a command that no longer works, or an output or excerpt that is no longer what
`lkip import` writes or `lkip check` says, fails.
"""

from __future__ import annotations

import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from lkip_build.publish.site import prepare
from tests.conftest import ROOT
from tests.guidesteps import replace, repo, run, steps

SECTION = "## Dari PDF ke situs"
SEED = ROOT / "tests" / "impor" / "lkip-ntt-disperindag-2021.txt"
ID = "ntt-impor"
EXCERPT = "# cuplikan:"


def printed_capaian() -> tuple[list[Decimal], Decimal]:
    """Tabel 3.2 of the seed as printed: each indicator's capaian, in order, and the mean."""
    seed = SEED.read_text(encoding="utf-8")
    start = seed.index("Tabel 3.2\nCapaian Kinerja Tahun 2021")
    end = seed.index("RATA-RATA CAPAIAN", start)
    column = re.findall(r"^\d+\.\t.*\t([\d,]+) ?%$", seed[start:end], re.M)
    mean = re.match(r"RATA-RATA CAPAIAN\t+([\d,]+) %$", seed[end:], re.M)
    assert len(column) == 9 and mean
    return [Decimal(c.replace(",", ".")) for c in column], Decimal(mean[1].replace(",", "."))


def shown_in(path: Path, excerpt: str) -> bool:
    lines, want = path.read_text(encoding="utf-8").splitlines(), excerpt.splitlines()
    return any(lines[i : i + len(want)] == want for i in range(len(lines)))


def test_the_guide_runs_start_to_finish(tmp_path: Path) -> None:
    root = repo(tmp_path)
    shutil.copy(SEED, root / "laporan.txt")
    found = steps(SECTION)
    kinds = [kind for kind, _ in found]
    # the conversion from PDF comes first and is shown, not run (no converter here)
    assert kinds[0] == "text" and "pdftotext -layout" in found[0][1]
    assert kinds.count("sh") >= 4
    said: list[str] | None = None
    outputs = excerpts = 0
    for kind, block in found:
        if kind == "sh":
            done = run(root, block)
            said = (done.stdout + done.stderr).splitlines()
        elif kind == "text" and said is not None:
            assert [line for line in block.splitlines() if line not in said] == [], said
            outputs += 1
        elif kind == "yaml" and block.startswith(EXCERPT):
            head, excerpt = block.split("\n", 1)
            assert shown_in(root / head.removeprefix(EXCERPT).strip(), excerpt), block
            excerpts += 1
        elif kind == "yaml" and block.startswith("# berkas:"):
            replace(root, block)
    assert outputs >= 3 and excerpts >= 3
    assert (root / "site" / ID / "index.html").is_file()
    # the rule and the policy written in step 5 compute what the document prints, so none
    # of the notes accepted in step 7 is the import's
    h = prepare(root, only=ID).by_id[ID]
    column, mean = printed_capaian()
    computed = [h.indikator[f"ik-{i}"].capaian for i in range(1, 10)]
    cent = Decimal("0.01")
    assert [c and c.quantize(cent, ROUND_HALF_UP) for c in computed] == column
    assert h.rata_rata is not None and h.rata_rata.quantize(cent, ROUND_HALF_UP) == mean
