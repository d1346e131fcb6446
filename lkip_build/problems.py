"""Problems are values: a stable code, a location and a message, gathered into a list.

One format for every problem, location first, like a compiler:
`data/x/anggaran.yml:42: program[2].pagu: <pesan> [code]`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Lokasi


@dataclass(frozen=True)
class Problem:
    code: str
    lokasi: Lokasi
    message: str

    def __str__(self) -> str:
        return f"{self.lokasi}: {self.message} [{self.code}]"


class LkipError(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        n = len(self.problems)
        head = f"{n} masalah ditemukan:" if n != 1 else "1 masalah ditemukan:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class Collector:
    """Gathers problems while a pass goes on."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, lokasi: Lokasi, message: str) -> None:
        self.problems.append(Problem(code, lokasi, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise LkipError(self.problems)
