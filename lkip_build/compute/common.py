"""What every part of compute shares: percentages, means, the names of labels."""

from __future__ import annotations

from decimal import Decimal

HUNDRED = Decimal(100)


def slug(text: str) -> str:
    """'ASN (orang)' -> 'asn-orang': the name of a label inside value names."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def persen(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole x 100, or None when whole is 0 (a pagu of 0 has no absorption)."""
    if whole == 0:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)
