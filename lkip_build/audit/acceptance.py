"""Each verification note's stable identity, and which notes a report publishes as printed.

A note's id comes from what it is about: its code, its data file, the table or paragraph
it concerns, the field path and the two figures compared (as printed and as computed).
Its position among the notes plays no part, so adding or removing another note never
changes it; a change of either figure makes it another note, to be reviewed again.

`diterima.yml` (model `Diterima`) lists the notes a report publishes as they are, each by
id with a reason. `review` tells, per report, which notes are listed, which inconsistencies
are new (they block: `publish.pipeline.blocking`), and which listed ids no longer occur
(stale: a problem of their own, located at their line of diterima.yml).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from lkip_build import model as m
from lkip_build.model import Location
from lkip_build.problems import ERROR, Problem, problem

PREFIX = "cv-"  # catatan verifikasi; a letter first, so YAML never reads an id as a number
FILE = "diterima.yml"


def identity(p: Problem) -> str:
    """`cv-` and eight hex digits of what the note is about and the figures it compares."""
    parts = (
        p.code,
        p.file.rsplit("/", 1)[-1],
        p.table,
        p.field,
        p.stated or "",
        p.computed or "",
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return PREFIX + digest[:8]


def identities(found: list[Problem]) -> list[str]:
    """The ids of a report's notes, in their order. Two notes about the same thing with the
    same figures are one note twice (a document printing it in two places the audit cannot
    tell apart): the second is `-2`, the third `-3`."""
    seen: dict[str, int] = {}
    out = []
    for p in found:
        base = identity(p)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


@dataclass(frozen=True)
class Review:
    """One report's notes against its diterima.yml."""

    ids: list[str]  # per note, in the notes' order
    accepted: dict[str, m.CatatanDiterima]  # id -> its entry, for the notes listed
    problems: list[Problem]  # stale, repeated or unexplained entries of diterima.yml

    def entry(self, index: int) -> m.CatatanDiterima | None:
        return self.accepted.get(self.ids[index])

    def new(self, found: list[Problem]) -> list[Problem]:
        """The inconsistencies nobody accepted: each stops publication."""
        ids, accepted = self.ids, self.accepted
        return [p for i, p in enumerate(found) if p.severity == ERROR and ids[i] not in accepted]


def review(diterima: m.Diterima | None, found: list[Problem]) -> Review:
    ids = identities(found)
    present = set(ids)
    accepted: dict[str, m.CatatanDiterima] = {}
    problems: list[Problem] = []
    for c in diterima.catatan if diterima else []:
        if c.id in accepted:
            problems.append(
                problem(
                    "accepted-duplicate",
                    _at(c, "id"),
                    f"catatan {c.id!r} sudah tercantum di baris {accepted[c.id].lokasi.line}",
                    stated=c.id,
                )
            )
            continue
        if not c.alasan.strip():
            problems.append(
                problem(
                    "accepted-without-reason",
                    _at(c, "alasan"),
                    f"catatan {c.id!r} diterima tanpa alasan; tulis mengapa diterbitkan apa "
                    "adanya (misalnya: tercetak demikian di dokumen)",
                    stated=c.id,
                )
            )
        if c.id not in present:
            what = f" ({c.perihal})" if c.perihal else ""
            folder = c.lokasi.file.rsplit("/", 1)[0]
            problems.append(
                problem(
                    "accepted-stale",
                    _at(c, "id"),
                    f"catatan {c.id!r}{what} tidak muncul lagi: angkanya berubah atau sudah "
                    "diperbaiki. Bila diperbaiki, hapus butir ini; bila angkanya berubah, "
                    f"tinjau catatan barunya lalu jalankan `make terima LAPORAN={folder}`",
                    stated=c.id,
                )
            )
        accepted[c.id] = c
    return Review(ids, {k: v for k, v in accepted.items() if k in present}, problems)


def _at(c: m.CatatanDiterima, key: str) -> Location:
    return Location(c.lokasi.file, c.lokasi.line, f"{c.lokasi.path}.{key}")
