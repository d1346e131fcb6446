"""One printed cell read as what it says: a number, money, NA, nothing, or words.

Reading never guesses. Numbers follow the Indonesian convention the rest of lkip reads
(`model.numbers`: a point groups thousands, a comma starts the decimals); money may carry
"Rp", "Rp." and a trailing ",-"; a percentage its "%". A cell that looks like a number but
breaks the convention ("13.157.342.97", "98.51", "1,590" as a price) is `unreadable`: the
importer writes it as a value still to fill, with the cell beside it, never as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_build.model.common import NA_SPELLINGS
from lkip_build.model.numbers import AngkaError, parse_decimal, parse_uang

NUMBERISH = re.compile(r"^[+-]?\s*(Rp\.?\s*)?[+-]?\d[\d.,\s]*(,-)?\s*%?$")
DASH = ("-", "–", "—")


@dataclass(frozen=True)
class Value:
    kind: str  # "number", "na", "dash", "empty", "text", "unreadable"
    printed: str
    exact: Decimal | None = None
    why: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def is_value(text: str) -> bool:
    """A cell that holds a figure (or its absence) rather than words or a header."""
    t = clean(text)
    if re.fullmatch(r"(19|20)\d\d", t):  # a year in a header ("2021")
        return False
    return bool(NUMBERISH.match(t)) or (t in NA_SPELLINGS and t not in ("na",))


def read(text: str, money: bool = False) -> Value:
    t = clean(text)
    if not t:
        return Value("empty", t)
    if t in DASH:
        return Value("dash", t)
    if t in NA_SPELLINGS or t.lower() in ("n/a", "na"):
        return Value("na", t)
    if not NUMBERISH.match(t):
        return Value("text", t)
    body = t.replace(" ", "")
    if body.endswith("%"):
        body = body[:-1]
    try:
        if money or body.startswith("Rp") or body.endswith(",-"):
            amount = parse_uang(body)
            return Value("number", t, Decimal(amount))
        return Value("number", t, parse_decimal(body))
    except AngkaError as exc:
        return Value("unreadable", t, why=str(exc))


def whole(value: Value) -> int | None:
    """The value as whole units (a count, rupiah), or None when it is not one."""
    if value.exact is None or value.exact != value.exact.to_integral_value():
        return None
    return int(value.exact)
