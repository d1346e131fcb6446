"""The verification sheet: every place where a report disagrees with itself.

The checks are split by domain (indicators, budget, staff, prices, lists, and the same
quantity in two places); each is a function that records findings on an `Auditor`, which
reads stated figures and compares them with rounding respected as an interval. Last,
`causes` groups the notes one mistake explains under that cause.
"""

from __future__ import annotations

from lkip_build.audit import (
    agreement,
    budget,
    causes,
    derived,
    indicators,
    lists,
    prices,
    references,
    staff,
)
from lkip_build.audit.recorder import Auditor, stated_number
from lkip_build.compute import Computed
from lkip_build.problems import ERROR, INFO, WARNING, Problem

__all__ = ["ERROR", "INFO", "WARNING", "Auditor", "Problem", "audit", "stated_number"]

CHECKS = (
    indicators.indicators,
    budget.budget,
    budget.versions,
    staff.staff,
    prices.prices,
    lists.lists,
    agreement.agreement,
    references.references,
    derived.derived,
)


def audit(hasil: Computed) -> list[Problem]:
    """Every finding of one computed report, in a stable order."""
    a = Auditor(hasil)
    for check in CHECKS:
        check(a)
    found = sorted(a.found, key=lambda t: (t.file, t.line, t.field, t.code))
    return causes.assign(found, a.links)
