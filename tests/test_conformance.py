"""The conformance suite: small broken reports and the problems each must produce, the
same from `lkip check` and from a strict build (see conformance/README.md)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lkip_build.cli import main
from lkip_build.codes import CODES

from .conftest import LAPORAN, ROOT, build, tiny_site

sys.path.insert(0, str(ROOT / "scripts"))
import build_site

CASES = sorted((Path(__file__).parent / "conformance").glob("*.case"))
LINE = re.compile(r"(data/uji-2021/[^:\s]+?)(?::(\d+))?: .*\[([a-z0-9-]+)(?: cv-[^\]]*)?\]\s*$")


@dataclass
class Case:
    category: str
    expect: set[tuple[str, int, str]]
    files: dict[str, bytes] = field(default_factory=dict)


def parse(path: Path) -> Case:
    return parse_text(path.read_text(encoding="utf-8"))


def parse_text(text: str) -> Case:
    """A case from its text (tests/hints/ reuses the format: conformance/README.md)."""
    head, *parts = re.split(r"^--- ", text, flags=re.M)
    named = re.search(r"# kategori: (.+)", head)
    category = named.group(1) if named else ""
    expect = set()
    for m in re.finditer(r"# expect: (\S+):(\d+) (\S+)", head):
        expect.add((m.group(1), int(m.group(2)), m.group(3)))
    case = Case(category, expect)
    for part in parts:
        first, _, body = part.partition("\n")
        name, *flags = first.split(" ", 1)
        flags_text = flags[0] if flags else ""
        if "[crlf]" in flags_text:
            body = body.replace("\n", "\r\n")
        data = body.encode("latin-1" if "[latin-1]" in flags_text else "utf-8")
        if "[bom]" in flags_text:
            data = b"\xef\xbb\xbf" + data
        size = re.search(r"\[size (\d+)\]", flags_text)
        if size:
            data += b"".join(b"# pengisi\n" for _ in range(int(size.group(1)) // 10 + 1))
        case.files[name] = data
    return case


def write_case(case: Case, data: Path) -> Path:
    """The case's data files into `data/uji-2021/`, its `index.md` (a chapter) into
    `content/uji-2021/` beside it: `lkip check`, the hook build and `make site` read both."""
    folder = data / "uji-2021"
    folder.mkdir(parents=True, exist_ok=True)
    if "laporan.yml" not in case.files:
        (folder / "laporan.yml").write_text(LAPORAN.format(id="uji-2021"), encoding="utf-8")
    for name, content in case.files.items():
        if name.endswith(".md"):
            chapter = data.parent / "content" / "uji-2021"
            chapter.mkdir(parents=True, exist_ok=True)
            (chapter / name).write_bytes(content)
        else:
            (folder / name).write_bytes(content)
    return folder


def blocking(expect: set[tuple[str, int, str]]) -> set[tuple[str, int, str]]:
    return {e for e in expect if CODES[e[2]].severity == "error"}


def _early_warning(code: str) -> bool:
    return CODES[code].severity == "warning" and CODES[code].stage != "audit"


def found_in(output: str) -> set[tuple[str, int, str]]:
    out = set()
    for line in output.splitlines():
        m = LINE.search(line)
        if m:
            out.add((m.group(1).removeprefix("data/uji-2021/"), int(m.group(2) or 0), m.group(3)))
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_lkip_check(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = parse(path)
    folder = write_case(case, tmp_path / "data")
    status = main(["check", "--semua", str(folder)])
    captured = capsys.readouterr()
    found = found_in(captured.out + captured.err)
    assert (status != 0) == bool(blocking(case.expect))
    assert found == case.expect, captured.out + captured.err


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_build(
    path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hook build and `make site` (the units, one after another in this process) refuse
    what `lkip check` refuses, with the same located problems, and publish the rest."""
    case = parse(path)
    config = tiny_site(tmp_path, "# Uji\n")
    for name in list((tmp_path / "data" / "uji-2021").iterdir()):
        name.unlink()
    write_case(case, tmp_path / "data")
    result = build(config, tmp_path / "out")
    assert "Traceback" not in result.stderr
    # a failed build lists every problem that blocks it, as lkip check does; its notes and
    # warnings, and a passing build's, are on the verification page, not in the log
    failed = bool(blocking(case.expect))
    assert (result.returncode != 0) == failed, result.stderr
    # a failed build's log lists what blocks it and the warnings found before the audit; the
    # audit's warnings and notes are on the verification page
    problems = {e for e in case.expect if e in blocking(case.expect) or _early_warning(e[2])}
    assert found_in(result.stderr) == (problems if failed else set()), result.stderr
    monkeypatch.setenv("LKIP_PDF", "0")
    monkeypatch.setenv("LKIP_JOBS", "1")
    units = build_site.main([], root=tmp_path)
    err = capsys.readouterr().err
    assert (units != 0) == failed, err
    assert found_in(err) == (problems if failed else set()), err


def test_values_are_exact(tmp_path: Path) -> None:
    """Accepted input means what the editor wrote: 1.500 is 1500, 10^15 + 1 stays exact."""
    from lkip_build.compute import compute_report
    from lkip_build.problems import Collector
    from lkip_build.read.report import load_reports

    for name in ("yaml-bom-crlf-ok", "huge-amounts-exact"):
        data = tmp_path / name / "data"
        write_case(parse(Path(__file__).parent / "conformance" / f"{name}.case"), data)
        reports, problems = load_reports(data, data.parent)
        assert not problems.problems
        h = compute_report(reports[0], Collector())
        first = h.sumber["apbd"].program[0]
        if name == "yaml-bom-crlf-ok":
            assert (first.pagu, first.realisasi) == (1500, 1000)
        else:
            assert first.pagu == 10**15 + 1
            assert h.sumber["apbd"].pagu == 2 * 10**15


def test_every_category_of_the_issue_is_covered() -> None:
    categories = {parse(p).category for p in CASES}
    assert "" not in categories, "a case without `# kategori:`"
    assert len(categories) >= 10
    assert len(CASES) >= 25
