"""`lkip check --terima FOLDER`: write a report's diterima.yml from the notes it has now.

Every verification note of the report is listed by its stable id, with the reason an
editor already gave (kept when the id is listed) or "tercetak demikian di dokumen", and
above each entry, as comments, where it is and what it says: the editor reviews the list
in the pull request and, where the data is what is wrong (a typing slip), fixes the data
and deletes the entry instead. Entries whose notes no longer occur are dropped. Only one
report at a time: accepting every report's notes at once is never what a review wants.
"""

from __future__ import annotations

import json
from pathlib import Path

from lkip_build.audit.acceptance import FILE
from lkip_build.problems import Problem
from lkip_build.publish import pipeline

DEFAULT_REASON = "tercetak demikian di dokumen"
HEADER = """\
# Catatan verifikasi yang diterbitkan apa adanya: ketidakcocokan yang tercetak di dokumen
# yang sudah terbit (ditulis oleh `make terima`, lalu ditinjau penyunting).
# Tinjau setiap butir: bila yang salah adalah data (salah ketik), perbaiki datanya dan
# hapus butirnya. Setiap angka tidak cocok lain yang muncul kemudian menghentikan
# `lkip check` dan build, begitu pula butir yang catatannya tidak muncul lagi.
"""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write(root: Path, data_dir: Path, rid: str) -> tuple[int, int, int]:
    """Write data/RID/diterima.yml; (listed, newly listed, dropped)."""
    result = pipeline.run(root, pipeline.report(rid), data_dir=data_dir, write_files=False)
    found = result.publication.findings.get(rid, [])
    review = result.publication.reviews[rid]
    before = result.publication.by_id[rid].report.diterima
    reasons = {c.id: c.alasan for c in before.catatan} if before else {}
    path = data_dir / rid / FILE
    if not found:  # nothing to accept: no file (one left from before would be all stale)
        path.unlink(missing_ok=True)
        return 0, 0, len(reasons)
    lines = [HEADER, "catatan:"]
    for ident, t in zip(review.ids, found, strict=True):
        lines += _entry(ident, t, reasons.get(ident) or DEFAULT_REASON)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    new = sum(1 for i in review.ids if i not in reasons)
    dropped = sum(1 for i in reasons if i not in set(review.ids))
    return len(found), new, dropped


def _entry(ident: str, t: Problem, reason: str) -> list[str]:
    where = f"{t.file.rsplit('/', 1)[-1]}:{t.line}"
    place = f"{t.table} · " if t.table else ""
    return [
        f"  # {place}{where} · {t.code}",
        f"  # {_one_line(t.kalimat or t.message)}",
        f"  - id: {ident}",
        f"    perihal: {_q(_one_line(t.perihal or t.field))}",
        f"    alasan: {_q(reason)}",
    ]
