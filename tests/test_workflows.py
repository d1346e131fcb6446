"""The users' CI, shipped: GitHub workflows (linted by actionlint in `make test`) and the
pre-commit hook that runs `lkip check` on the reports a commit changes."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from lkip_changed import reports

WORKFLOWS = ROOT / ".github" / "workflows"
NTT = "ntt-disperindag-lkip-2021"


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps_run(wf: dict) -> str:
    return "\n".join(s.get("run", "") for job in wf["jobs"].values() for s in job.get("steps", []))


def steps_uses(wf: dict) -> set[str]:
    return {
        s["uses"].split("@")[0]
        for job in wf["jobs"].values()
        for s in job.get("steps", [])
        if "uses" in s
    }


def test_pull_request_workflow_checks_tests_builds_and_comments_the_diff() -> None:
    wf = workflow("periksa.yml")
    assert "pull_request" in wf[True]
    assert wf["permissions"]["pull-requests"] == "write"
    run = steps_run(wf)
    for command in ("lkip check .", "make test", 'lkip diff "origin/$BASE_REF" HEAD'):
        assert command in run, command
    # the preview: the units the change touches, one matrix job per group of them
    # (it was `make site` in the one job; a whole site per pull request does not scale)
    assert '--plan "$RUNNERS" --changed berubah.txt' in run
    assert "build_site.py --unit $UNITS" in run
    assert wf["jobs"]["pratinjau"]["strategy"]["matrix"] == (
        "${{ fromJSON(needs.rencana.outputs.matrix) }}"
    )
    assert "GITHUB_STEP_SUMMARY" in run
    assert {"actions/checkout", "actions/github-script", "actions/upload-artifact"} <= steps_uses(
        wf
    )
    checkout = next(
        s
        for j in wf["jobs"].values()
        for s in j["steps"]
        if s.get("uses", "").startswith("actions/checkout")
    )
    assert checkout["with"]["fetch-depth"] == 0  # the base branch's revision is there


def test_pages_workflow_never_deploys_an_older_build_over_a_newer() -> None:
    wf = workflow("terbit.yml")
    assert wf[True]["push"]["branches"] == ["main"]
    # any static host or object store beside Pages, by a repository variable (rclone)
    steps = wf["jobs"]["terbit"]["steps"]
    other = next(s for s in steps if "rclone" in s.get("run", ""))
    assert "vars.LKIP_TUJUAN != ''" in other["if"] and "terbaru == 'true'" in other["if"]
    assert 'sync --checksum "$SITUS/" "$TUJUAN"' in other["run"]
    # one group for the whole run, runs queued in order, a started deploy never cut off
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/cache"} <= steps_uses(
        wf
    )
    # the head check is in the plan, the only job every other waits for
    assert wf["jobs"]["terbitkan"]["if"] == (
        "needs.rencana.outputs.terbaru == 'true' && vars.LKIP_TANPA_PAGES != 'true'"
    )
    assert set(wf["jobs"]["terbitkan"]["needs"]) == {"rencana", "terbit"}
    # built by units over a matrix of runners, assembled once (was `make site` in one job)
    run = steps_run(wf)
    assert 'build_site.py --plan "$RUNNERS"' in run
    assert "build_site.py --unit $UNITS --out parts" in run
    # the home page from the report units' rows, after the matrix, before the assembly
    home = run.index("build_site.py --unit beranda --out parts")
    assert home < run.index("build_site.py --assemble parts")
    assert "beranda" not in build_site_plan()
    upload = next(
        s for s in wf["jobs"]["bangun"]["steps"] if "upload-artifact" in s.get("uses", "")
    )
    assert upload["with"]["include-hidden-files"] is True  # each unit's links manifest


def build_site_plan() -> str:
    """What `rencana` plans for publishing: the report units only."""
    done = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--plan", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_both_workflows_cache_pip_and_the_content_cache() -> None:
    for name in ("periksa.yml", "terbit.yml"):
        paths = {
            s["with"]["path"]
            for j in workflow(name)["jobs"].values()
            for s in j.get("steps", [])
            if s.get("uses", "").startswith("actions/cache")
        }
        assert paths == {"~/.cache/pip", ".cache/lkip"}, name


def test_pre_commit_config_is_valid() -> None:
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert exe, "pre-commit is in the test extras"
    done = subprocess.run(
        [exe, "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_changed_files_map_to_the_units_to_build() -> None:
    import build_site

    assert build_site.touched(ROOT, [f"data/{NTT}/anggaran.yml", "tests/test_x.py"]) == [
        "beranda",
        NTT,
    ]
    assert build_site.touched(ROOT, ["README.md", ".github/workflows/periksa.yml"]) == []
    assert build_site.touched(ROOT, ["content/index.md"]) == ["beranda"]
    every = build_site.unit_names(ROOT)
    assert build_site.touched(ROOT, ["lkip_build/markers.py"]) == every
    assert build_site.touched(ROOT, ["content/assets/lkip.css"]) == every
    matrix = build_site.plan(every, 3)["include"]
    assert [m["unit"].split() for m in matrix] == [[e] for e in every]
    # more units than runners: the home page (it reads every report) has a job of its own
    matrix = build_site.plan(["beranda", *(f"r{i}" for i in range(50))], 20)["include"]
    assert len(matrix) == 20 and matrix[0]["unit"] == "beranda"
    assert sorted(u for m in matrix[1:] for u in m["unit"].split()) == sorted(
        f"r{i}" for i in range(50)
    )


def test_changed_files_map_to_their_reports() -> None:
    assert reports(
        [
            f"content/{NTT}/bab-1-pendahuluan.md",
            f"data/{NTT}/anggaran.yml",
            "data/lebak-disperindag-renja-2021/laporan.yml",
            "content/index.md",
            "mkdocs.yml",
            "data/dihapus-2020/laporan.yml",
        ]
    ) == [NTT, "lebak-disperindag-renja-2021"]


def hook_entry() -> list[str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for r in config["repos"] for h in r["hooks"] if h["id"] == "lkip-check"]
    assert hook["pass_filenames"] is True
    return shlex.split(hook["entry"])


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The repository's reports and the hook's script, with a `.venv/bin/python` that is
    this interpreter (the hook's entry names the repository's venv)."""
    repo = tmp_path / "repo"
    for part in ("data", "content", "scripts", "lkip_build"):
        shutil.copytree(ROOT / part, repo / part)
    python = repo / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    return repo


def run_hook(repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*hook_entry(), *files], cwd=repo, capture_output=True, text=True, check=False
    )


def test_hook_passes_a_good_report_and_fails_a_broken_one(repo_copy: Path) -> None:
    changed = [f"data/{NTT}/indikator.yml"]
    good = run_hook(repo_copy, changed)
    assert good.returncode == 0, good.stderr
    assert f"lkip check data/{NTT}" in good.stderr
    path = repo_copy / "data" / NTT / "indikator.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    target: 16,67\n", "    target: enam belas\n"), encoding="utf-8"
    )
    bad = run_hook(repo_copy, changed)
    assert bad.returncode == 2
    assert f"data/{NTT}/indikator.yml:94: indikator[2].target:" in bad.stderr


def test_hook_ignores_files_outside_reports(repo_copy: Path) -> None:
    done = run_hook(repo_copy, ["content/index.md"])
    assert done.returncode == 0 and done.stderr == ""
