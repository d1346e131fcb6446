"""Why a printed aggregate disagrees with its rows: name the one usual mistake that explains it.

When a document prints a total, a percentage of a total or a mean that its rows do not give, the
audit tries the ways hand-made reports usually go wrong and names the one that reproduces the
printed figure: a mean of the rows' percentages instead of the ratio of the sums (or the
converse), the mean of the figures as printed, a divisor off by one, another capaian rule
(the formula inverted), truncation instead of rounding, a row left out or counted twice,
columns of two adjacent rows crossed, one digit mistyped, lost or transposed, a figure copied from
elsewhere. It names one only when exactly one explains the figure: two explanations are no
explanation, and the `candidates_*` functions list them all for a "beberapa kemungkinan" note.

A hypothesis explains a printed figure when its exact value, rounded half-up to the printed number
of decimals, is the printed figure: "97,80" with two decimals stands for any value in
[97,795; 97,805). Digit slips are judged on the digits of the correctly rounded figure. The
arithmetic is exact (fractions), so a value on a rounding boundary is never misjudged.

Pass the printed figure as the document writes it (`angka.parse_decimal` keeps "98,2" as 98.2,
not 98.20): a lost digit is seen in the number of digits printed. A figure whose separators are
themselves wrong ("13.157.342.97") is passed as its digits, Decimal("1315734297").

The parts: `core` (an Explanation, a hypothesis, the exact rounding and display they share,
naming rows), `slips` (one figure written wrong: truncated, a digit mistyped, lost or
transposed, copied from elsewhere; and `_check`, the one rule for what explains a printed
figure), `aggregates` (what a document may have computed instead of a mean or a ratio of
sums), `candidates` (every explanation of a total, a percentage, a mean, a row's percentage
or a single figure) and `explain` (the one explanation or none, rows swapped within or
between tables, and the sentence for the editor).
"""

from __future__ import annotations

from lkip_build.audit.diagnosis.candidates import (
    candidates_mean,
    candidates_ratio,
    candidates_row,
    candidates_rule,
    candidates_total,
    candidates_value,
)
from lkip_build.audit.diagnosis.core import KODE, Elsewhere, Explanation, Labels
from lkip_build.audit.diagnosis.explain import (
    describe,
    explain_mean,
    explain_ratio,
    explain_row,
    explain_rule,
    explain_swaps,
    explain_total,
    explain_value,
)
from lkip_build.audit.diagnosis.slips import MIN_SLIP_DIGITS
from lkip_build.audit.diagnosis.slips import _digits as _digits  # tests/test_diagnosis.py reads it

__all__ = [
    "KODE",
    "MIN_SLIP_DIGITS",
    "Elsewhere",
    "Explanation",
    "Labels",
    "candidates_mean",
    "candidates_ratio",
    "candidates_row",
    "candidates_rule",
    "candidates_total",
    "candidates_value",
    "describe",
    "explain_mean",
    "explain_ratio",
    "explain_row",
    "explain_rule",
    "explain_swaps",
    "explain_total",
    "explain_value",
]
