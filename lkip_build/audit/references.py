"""Tables as the prose cites them: a number or a title printed in a sentence against the
table's own (`tabel.yml` `tertulis`: `rujukan`, `judul`). The page writes the reference from
the table itself (`<!-- lkip:rujukan ID -->`), with a mark where the document cites it
otherwise.
"""

from __future__ import annotations

import re

from lkip_build.audit import wording
from lkip_build.audit.recorder import Auditor
from lkip_build.present.tables import label


def references(a: Auditor) -> None:
    tabel = a.h.report.tabel
    for t in tabel.tabel if tabel else []:
        own = {"rujukan": label(t), "judul": t.judul}
        for said in t.tertulis:
            for key, text in said.nilai.items():
                field = f"tabel.{t.id}.{key}"
                if key not in own:
                    a.unknown(said, field, key, text, own)
                elif _plain(text) != _plain(own[key]):
                    what = "nomor" if key == "rujukan" else "judul"
                    name = label(t) or t.id
                    perihal = (
                        f"Rujukan ke {name} ({t.judul})" if key == "rujukan" else (f"Judul {name}")
                    )
                    a.add(
                        "table-reference-mismatch",
                        said.lokasi,
                        said.di,
                        field,
                        f"{said.di} merujuk {text!r}, sedangkan {what} tabel {t.id} di "
                        f"tabel.yml adalah {own[key]!r}",
                        text,
                        own[key],
                        perihal=perihal,
                        kalimat=wording.sentence(
                            f'{perihal}: {wording.place(said.di)} menulis "{text}", '
                            f"sedangkan tabel itu adalah {name}, {t.judul}"
                        ),
                    )


def _plain(text: str) -> str:
    """A reference as compared: case, spacing and the punctuation around it do not count."""
    return re.sub(r"\s+", " ", text).strip(" .:;,").casefold()
