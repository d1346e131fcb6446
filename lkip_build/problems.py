"""Problems are values: one type for every stage, a registered code, a location, a message.

One format for every problem, location first, like a compiler:
`data/x/anggaran.yml:42: program[2].pagu: <pesan> [code]` (with `[Tabel 3.22]` before the
message when the problem concerns a table). Loader problems, validation problems and audit
findings are all `Problem`; their code decides severity and stage (see `codes`).
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from lkip_build.codes import CODES
from lkip_build.model import Location

ERROR = "error"  # the data cannot be published as it is (or the document contradicts itself)
WARNING = "warning"  # implausible, or a check that could not be made
INFO = "info"  # a stated policy decided a figure: shown, not a fault

# exit statuses of `lkip check` (and of scripts that wrap the build)
EXIT_OK, EXIT_INCONSISTENT, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True)
class Angka:
    """A finding's figures as numbers, beside their texts: the stated figure as read (None
    when it cannot be read as a number as printed), the computed one as shown, and their
    difference (None when there is no honest difference to give)."""

    tertulis: Decimal | None = None
    hitung: Decimal | None = None
    selisih: Decimal | None = None


@dataclass(frozen=True)
class Sebab:
    """One cause that explains several notes (`audit.causes`): a stable `kode` and one
    sentence, the same for the editor and the public. Notes with an equal `sebab` are
    grouped under it; a note's own id never depends on it."""

    kode: str
    kalimat: str

    @property
    def id(self) -> str:
        """`sb-` and eight hex digits of what the cause says: the anchor of its group."""
        digest = hashlib.sha256(f"{self.kode}\x1f{self.kalimat}".encode()).hexdigest()
        return "sb-" + digest[:8]


def grouped(found: Sequence[Problem]) -> dict[Sebab, list[int]]:
    """Each cause and the indices of its notes, in the notes' order."""
    out: dict[Sebab, list[int]] = {}
    for i, p in enumerate(found):
        if p.sebab is not None:
            out.setdefault(p.sebab, []).append(i)
    return out


EDITOR_FIELDS = (
    "code",
    "severity",
    "file",
    "line",
    "table",
    "field",
    "stated",
    "computed",
    "difference",
    "message",
)


@dataclass(frozen=True)
class Problem:
    """One problem or finding: where, what the document states, what the data computes."""

    code: str
    severity: str
    file: str
    line: int
    table: str  # the table or section it concerns ("Tabel 3.23", "Bab 3.3 teks APBN"), or ""
    field: str  # the field path ("program[2].pagu") or the figure's name
    stated: str | None
    computed: str | None
    difference: str | None
    message: str
    # for the public page (audit findings): what was checked, in words a citizen reads
    # ("Jumlah pegawai Golongan IV"), the finding as one sentence, and its figures
    perihal: str = ""
    kalimat: str = ""
    angka: Angka | None = None
    sebab: Sebab | None = None  # the one cause it shares with other notes, if any

    @property
    def lokasi(self) -> Location:
        return Location(self.file, self.line, self.field)

    @property
    def stage(self) -> str:
        return CODES[self.code].stage

    @property
    def saran(self) -> str:
        return CODES[self.code].saran

    def as_dict(self) -> dict[str, object]:
        """The editors' record (`lkip check --json`): location, code and texts; the public
        page's fields are in `verification.as_record`."""
        out: dict[str, object] = {name: getattr(self, name) for name in EDITOR_FIELDS}
        out["sebab"] = self.sebab.kalimat if self.sebab else None
        return out

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        head = f"{where}: {self.field}:" if self.field else f"{where}:"
        table = f" [{self.table}]" if self.table else ""
        return f"{head}{table} {self.message} [{self.code}]"


def problem(
    code: str,
    where: Location,
    message: str,
    *,
    table: str = "",
    field: str | None = None,
    stated: str | None = None,
    computed: str | None = None,
    difference: str | None = None,
    perihal: str = "",
    kalimat: str = "",
    angka: Angka | None = None,
) -> Problem:
    """A problem with the severity its code declares; an unregistered code is a bug."""
    spec = CODES.get(code)
    if spec is None:
        raise KeyError(f"problem code {code!r} is not declared in lkip_build.codes")
    return Problem(
        code,
        spec.severity,
        where.file,
        where.line,
        table,
        where.path if field is None else field,
        stated,
        computed,
        difference,
        message,
        perihal,
        kalimat,
        angka,
    )


class LkipError(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        return render(self.problems)

    @property
    def exit_status(self) -> int:
        return exit_status(self.problems)


PENDING = "value-pending"  # a draft's value or paragraph still to fill


def pending(found: Sequence[Problem]) -> list[Problem]:
    """What is left to fill in a draft (in a final report each is an error instead)."""
    return [p for p in found if p.code == PENDING and p.severity != ERROR]


def _paragraph(p: Problem) -> bool:
    return p.file.endswith(".md")


def tally(found: Sequence[Problem]) -> str:
    """The one count of what is left to fill, said the same in every place (`lkip check`,
    the build's log, the preview, the to-do page, `lkip new`): "445 nilai dan 64 paragraf
    belum diisi", or "" when nothing is."""
    said = _counts(pending(found))
    return f"{said} belum diisi" if said else ""


def _counts(todo: Sequence[Problem]) -> str:
    paragraphs = sum(1 for p in todo if _paragraph(p))
    parts = [f"{len(todo) - paragraphs} nilai" if len(todo) > paragraphs else ""]
    parts.append(f"{paragraphs} paragraf" if paragraphs else "")
    return " dan ".join(x for x in parts if x)


def summary(found: Sequence[Problem], blocking: Sequence[Problem] | None = None) -> str:
    """One line, most serious first: "3 kesalahan, 2 peringatan, 9 catatan, 440 nilai dan
    64 paragraf belum diisi". A kesalahan stops publication; a published document's own
    mismatch listed in its diterima.yml does not, and is counted apart ("33 angka tidak
    cocok diterima"). Without `blocking`, every error blocks (a run that stopped)."""
    todo = {id(p) for p in pending(found)}
    errors = sum(1 for p in found if p.severity == ERROR)
    held = errors if blocking is None else len(blocking)
    parts = [f"{held} kesalahan"]
    if errors > held:
        parts.append(f"{errors - held} angka tidak cocok diterima (diterima.yml)")
    parts += [
        f"{sum(1 for p in found if p.severity == WARNING and id(p) not in todo)} peringatan",
        f"{sum(1 for p in found if p.severity == INFO)} catatan",
    ]
    if todo:
        parts.append(tally(found))
    return ", ".join(parts)


def listing(
    found: Sequence[Problem],
    blocking: Sequence[Problem] | None = None,
    *,
    every_pending: bool = False,
    shown: Callable[[Problem], str] = str,
) -> list[str]:
    """Every problem, most serious first, each group under its heading: what stops
    publication, the published document's own mismatches (listed in diterima.yml),
    warnings, notes, and what is left to fill: one count per file unless `every_pending`
    (a draft has hundreds), with the command that lists them. The summary line first."""
    held = {id(p) for p in (blocking if blocking is not None else found) if p.severity == ERROR}
    todo = pending(found)
    waiting = {id(p) for p in todo}
    groups = [
        ("Memblokir penerbitan", [p for p in found if id(p) in held]),
        (
            "Angka tidak cocok yang diterbitkan apa adanya (diterima.yml)",
            [p for p in found if p.severity == ERROR and id(p) not in held],
        ),
        ("Peringatan", [p for p in found if p.severity == WARNING and id(p) not in waiting]),
        ("Catatan", [p for p in found if p.severity == INFO]),
    ]
    lines = [summary(found, blocking) + ":"]
    for head, members in groups:
        if members:
            lines.append(f"{head} ({len(members)}):")
            lines += [f"  {shown(p)}" for p in members]
    if todo and every_pending:
        lines.append(f"Belum diisi ({_counts(todo)}):")
        lines += [f"  {shown(p)}" for p in todo]
    elif todo:
        lines.append(f"Belum diisi ({_counts(todo)}), per berkas, dari baris pertamanya:")
        files: dict[str, list[Problem]] = {}
        for p in todo:
            files.setdefault(p.file, []).append(p)
        for name, items in files.items():
            what = "paragraf" if _paragraph(items[0]) else "nilai"
            lines.append(f"  {name}:{items[0].line}: {len(items)} {what}")
        folders = sorted({_data_folder(p.file) for p in todo})
        lines.append(
            "  daftar lengkapnya, dengan baris dan petunjuk: "
            + ", ".join(f"`make check LAPORAN={f} SEMUA=1`" for f in folders)
            + ', atau halaman "Yang masih harus diisi" laporannya'
        )
    return lines


def _data_folder(file: str) -> str:
    """A report's data folder from one of its files: data/<id>/x.yml or content/<id>/x.md."""
    top, rid, *_ = [*file.split("/"), "", ""]
    return f"data/{rid}" if top in ("data", "content") and rid else file.rsplit("/", 1)[0]


def render(problems: list[Problem]) -> str:
    """A run that stopped: every problem found, most serious first (`listing`)."""
    return "\n".join(listing(problems))


def exit_status(found: list[Problem]) -> int:
    """3 for a program error, 2 when data could not be read, 1 when it is inconsistent;
    warnings and notes never fail."""
    blocking = [p for p in found if p.severity == ERROR]
    if not blocking:
        return EXIT_OK
    stages = {p.stage for p in blocking}
    if "internal" in stages:
        return EXIT_INTERNAL
    if stages & {"read", "load"}:
        return EXIT_UNREADABLE
    return EXIT_INCONSISTENT


class Collector:
    """Gathers problems while a pass goes on."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.broken: set[str] = set()  # ids of objects in the data that could not be read

    def add(
        self,
        code: str,
        lokasi: Location,
        message: str,
        *,
        table: str = "",
        field: str | None = None,
        stated: str | None = None,
        computed: str | None = None,
        difference: str | None = None,
    ) -> None:
        self.problems.append(
            problem(
                code,
                lokasi,
                message,
                table=table,
                field=field,
                stated=stated,
                computed=computed,
                difference=difference,
            )
        )

    def extend(self, found: list[Problem]) -> None:
        self.problems.extend(found)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def raise_if_any(self) -> None:
        """Stop when an error was found, listing every problem found so far (warnings too:
        an editor fixes them in the same pass); otherwise warnings travel on."""
        if self.errors:
            raise LkipError(self.problems)


@contextmanager
def guard(shown: str, problems: Collector) -> Iterator[None]:
    """The one boundary: any exception that is not a problem becomes an `internal-error`
    naming the file being processed, so an editor never sees a traceback."""
    try:
        yield
    except LkipError:
        raise
    except (Exception, RecursionError) as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
        problems.add(
            "internal-error",
            Location(shown),
            f"kesalahan program saat memproses berkas ini ({type(exc).__name__}: {exc}; "
            f"di {where}); laporkan ke pengembang",
        )
