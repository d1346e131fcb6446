"""The text of a marker, as a chapter holds it: what tools that read chapters without
expanding them need (`lkip check`'s cache key, the pipeline's scope), with no import of
the data model or the renderers."""

from __future__ import annotations

import re

MARKER = re.compile(r"<!--\s*lkip:([a-z-]+)((?:\s+[^\s>]+)*)\s*-->")
# markers that show other reports' figures: every report's (the portal table), or one's
CROSS_REPORT = frozenset({"daftar-laporan", "sorotan"})
