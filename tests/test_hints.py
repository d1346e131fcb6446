"""Advice that is right: every problem code's hint, applied to the broken file, leaves no
problem behind (see hints/README.md).

Each case under tests/hints/ is a conformance case (tests/conformance/README.md) of one
code, plus the edit an editor makes by following the hint literally: the registry's
`saran` (lkip_build/codes.py, EDITING.md's code tables) and the suggestion in the message
("maksud Anda 'target'?", "contoh yang benar: 1.593 atau 44,32"). Both versions go
through `lkip check`; the fixed one must produce no problem, or exactly the ones the case
lists as intended (`# sesudah:`). Every registered code has a case or a reason here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lkip_build.cli import main
from lkip_build.codes import CODES

from .conftest import LAPORAN
from .test_conformance import Case, parse_text

HERE = Path(__file__).parent / "hints"
CASES = sorted(HERE.glob("*.case"))

# Codes without a hint case, each with the reason no data can show its hint at work.
EXEMPT = {
    "internal-error": "a program error: no data causes it (the hint is to report it)",
    "html-number-mismatch": (
        "a program error: a drawn table's figure changed on its way to the HTML; no data "
        "or chapter causes it (tests/test_safety.py shows the check at work)"
    ),
    "html-not-a-number": (
        "a program error: only figures lkip wrote are read (a table's typed cells, a `nilai` "
        "marker's figure), never the editor's words ('Ranah Minang nan elok')"
    ),
    "site-build-warning": (
        "a generator's own warning that the page checks did not foresee: only `make site` "
        "meets it, `lkip check` by design never does"
    ),
    "pdf-failed": "the build machine's browser, not the data (`make site` with PDFs only)",
}

# every located problem `lkip check` prints ends with its code (and a note's id)
LINE = re.compile(
    r"^\s*(\S+?)(?::(\d+))?: .*\[([a-z0-9-]+)(?: cv-[0-9a-f]{8}(?:-\d+)?(?: BARU)?)?\]$"
)
REPORT = "uji-2021"


@dataclass
class Edit:
    """One step of the fix: `perbaikan` (hunks: old lines → new lines), `tulis` (a whole
    file), `hapus`, `ganti-nama` or `jalankan` (a command)."""

    op: str
    args: list[str]
    hunks: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""


@dataclass
class Hint:
    code: str
    saran: str  # the registry's hint the fix follows, as the case quotes it
    pesan: list[str]  # suggestions in the messages the fix follows (must be printed)
    xfail: str
    broken: Case
    without: list[str]  # default files the case does not have (`# tanpa:`)
    target: str  # what `lkip check` is given: the report folder, or `.` (the repository)
    fix: list[Edit]
    after: set[tuple[str, int, str]]  # intended problems of the fixed version


def parse(path: Path) -> Hint:
    text = path.read_text(encoding="utf-8")
    case_text, *steps = re.split(r"^=== ", text, flags=re.M)
    head = case_text.split("\n--- ", 1)[0]

    def one(name: str) -> str:
        m = re.search(rf"^# {name}: (.+)$", head, flags=re.M)
        return m.group(1).strip() if m else ""

    code = one("kode")
    assert code, f"{path.name}: `# kode:` missing"
    assert path.stem.split(".")[0] == code, f"{path.name}: the file is named after its code"
    pesan = re.findall(r"^# pesan: (.+)$", head, flags=re.M)
    after = {
        (m.group(1), int(m.group(2)), m.group(3))
        for m in re.finditer(r"^# sesudah: (\S+):(\d+) (\S+)$", head, flags=re.M)
    }
    fix = [_step(step) for step in steps]
    assert fix, f"{path.name}: no fix (`=== perbaikan FILE`, ...)"
    without = re.findall(r"^# tanpa: (\S+)$", head, flags=re.M)
    broken = parse_text(case_text)
    return Hint(
        code, one("saran"), pesan, one("xfail"), broken, without, one("periksa"), fix, after
    )


def _step(text: str) -> Edit:
    first, _, body = text.partition("\n")
    op, *args = first.split()
    edit = Edit(op, args)
    if op == "tulis":
        edit.text = body
    elif op == "perbaikan":
        old: list[str] = []
        new: list[str] = []
        for line in body.split("\n"):  # not splitlines: U+2028 is no line break here
            if not line or line.startswith("#"):
                continue  # a comment between hunks
            sign, rest = line[0], line[1:]
            assert sign in "-+", f"a hunk line starts with - or +: {line!r}"
            if sign == "-" and new:
                edit.hunks.append(("\n".join(old), "\n".join(new)))
                old, new = [], []
            (old if sign == "-" else new).append(rest)
        edit.hunks.append(("\n".join(old), "\n".join(new)))
    else:
        assert op in ("hapus", "ganti-nama", "jalankan", "biarkan"), f"unknown step {op!r}"
    return edit


def place(root: Path, name: str) -> Path:
    """Where a case's file lives: a data file in data/uji-2021/, a chapter (.md) in
    content/uji-2021/; a name with a folder is relative to the repository root."""
    if "/" in name:
        return root / name
    folder = "content" if name.endswith(".md") else "data"
    return root / folder / REPORT / name


def write(hint: Hint, root: Path) -> Path:
    """The broken version under root: the standard laporan.yml and a one-line chapter
    unless the case gives its own (or, `# tanpa:`, none), then the case's files. Returns
    what `lkip check` is given."""
    (root / "data").mkdir()
    files = {"laporan.yml": LAPORAN.format(id=REPORT).encode(), "index.md": b"# Uji\n"}
    files = {k: v for k, v in files.items() if k not in hint.without}
    for name, content in {**files, **hint.broken.files}.items():
        target = place(root, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root if hint.target == "." else root / "data" / REPORT


def apply(edit: Edit, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if edit.op == "biarkan":  # the hint says to leave it as the document prints it
        return
    if edit.op == "jalankan":  # `make terima LAPORAN=data/<id>`
        assert edit.args == ["lkip", "check", "--terima"], edit.args
        assert main(["check", "--terima", str(root / "data" / REPORT)]) == 0, capsys.readouterr()
        return
    target = place(root, edit.args[0])
    if edit.op == "tulis":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(edit.text, encoding="utf-8")
    elif edit.op == "hapus":
        assert target.exists(), target
        target.rmdir() if target.is_dir() else target.unlink()
    elif edit.op == "ganti-nama":
        moved = place(root, edit.args[1])
        moved.parent.mkdir(parents=True, exist_ok=True)
        target.rename(moved)
    else:
        text = target.read_text(encoding="utf-8")
        for old, new in edit.hunks:
            assert text.count(old) == 1, f"{edit.args[0]}: {old!r} occurs {text.count(old)}×"
            text = text.replace(old, new)
        target.write_text(text, encoding="utf-8")


def check(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, set[tuple[str, int, str]]]:
    """`lkip check` of the case: its status, its output and every problem it located."""
    status = main(["check", "--semua", str(folder)])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    found = set()
    for line in output.splitlines():
        m = LINE.match(line)
        if m and m.group(3) in CODES:
            shown = m.group(1)
            for prefix in (f"data/{REPORT}/", f"content/{REPORT}/"):
                shown = shown.removeprefix(prefix)
            found.add((shown, int(m.group(2) or 0), m.group(3)))
    return status, output, found


def _params() -> list:
    """Each case; one whose hint is known wrong until a fix lands fails strictly (`# xfail:`
    with the reason), so the fix makes it pass and its mark is removed."""
    out = []
    for path in CASES:
        reason = parse(path).xfail
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(path, marks=marks, id=path.stem))
    return out


@pytest.mark.parametrize("path", _params())
def test_hint(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hint = parse(path)
    assert hint.saran == CODES[hint.code].saran, (
        f"{path.name} follows an old hint; apply the registry's again:\n  {CODES[hint.code].saran}"
    )
    folder = write(hint, tmp_path)
    _, output, found = check(folder, capsys)
    assert hint.code in {c for _, _, c in hint.broken.expect}
    assert found == hint.broken.expect, output
    for text in hint.pesan:
        assert text in output, f"the message does not say {text!r}:\n{output}"
    for edit in hint.fix:
        apply(edit, tmp_path, capsys)
    status, output, found = check(folder, capsys)
    assert found == hint.after, f"after the hint was followed:\n{output}"
    assert status == 0, f"after the hint was followed, publishing is still refused:\n{output}"


def test_every_code_has_a_hint_case() -> None:
    covered = {parse(p).code for p in CASES}
    assert not set(EXEMPT) & covered, "a code with a case needs no exemption"
    assert set(EXEMPT) <= set(CODES), "an exemption of a code no longer registered"
    missing = set(CODES) - covered - set(EXEMPT)
    assert not missing, f"codes without a hint case in tests/hints/: {sorted(missing)}"
