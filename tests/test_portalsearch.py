"""The portal's one search (lkip_build/publish/portalsearch.py): what goes into Pagefind's
index, read back from the index the build wrote. Every table row with a name is a record
with its figures, every record keeps its own URL (Pagefind keeps one record per URL, so a
shared URL would drop records silently), and the index is the same bytes from run to run.
In a real browser: tests/browser/test_portal_search.py."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from lkip_build.publish import pipeline, portalsearch

from .conftest import ROOT

NTT = "ntt-disperindag-lkip-2021"
NTT_INSTANSI = "Dinas Perindustrian dan Perdagangan Provinsi Nusa Tenggara Timur"


def indexed(site: Path) -> list[dict]:
    """Every record of the index under `site`, as Pagefind stored it (its fragments)."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{") :]))
    return out


def test_every_record_is_in_the_index_under_its_own_url(repo_site: Path) -> None:
    result = pipeline.run(ROOT, check_pages=False)
    made = [
        r
        for records in portalsearch.site_records(
            repo_site, result.publication.rows, result.sources, result.expansion.rendered
        )
        for r in records
    ]
    urls = [r["url"] for r in made]
    assert len(urls) == len(set(urls))  # none shares a URL: none dropped
    entry = json.loads((repo_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(made)
    assert sorted(r["url"] for r in indexed(repo_site)) == sorted(urls)


def test_every_named_table_row_is_a_record_with_its_figures(repo_site: Path) -> None:
    result = pipeline.run(ROOT, pipeline.report(NTT), check_pages=False)
    rows = [
        (t.title, t.rows[i][t.key_column - 1])
        for src, tables in result.expansion.rendered.items()
        if src.startswith(NTT + "/") and not src.endswith("/cetak.md")
        for t in tables.values()
        for i in range(len(t.rows))
        if t.rows[i][t.key_column - 1]
    ]
    records = [r for r in indexed(repo_site) if r["filters"].get("bagian") == ["Tabel"]]
    ntt = [r for r in records if r["filters"]["instansi"] == [NTT_INSTANSI]]
    assert len(ntt) == len(rows)
    # LKIP 2021 NTT, Tabel 3.5 (seed line 788): "1 Beras kg 10.950 10.143 -807 -7,37%"
    beras = next(r for r in ntt if r["meta"]["title"] == "Beras")
    assert beras["meta"]["tabel"].startswith("Tabel 3.5")
    for figure in ("10.950", "10.143", "-807", "-7,37"):
        assert figure in beras["meta"]["baris"]
    assert beras["url"].startswith(f"{NTT}/bab-3-akuntabilitas-kinerja/?baris=0#")
    assert beras["filters"]["tahun"] == ["2021"] and beras["filters"]["tingkat"] == ["Provinsi"]


def test_the_index_is_the_same_bytes_from_run_to_run(tmp_path: Path) -> None:
    """Pagefind writes its filter maps in hash-map order (a new order each run);
    `settle` writes them sorted, named by their content."""
    records = [
        {
            "url": f"r{i}/",
            "content": f"harga beras {i}",
            "meta": {"title": f"R{i}"},
            "filters": {"tahun": [str(2018 + i % 4)], "tingkat": ["Provinsi", "Kota"][i % 2 :]},
        }
        for i in range(40)
    ]
    digests = set()
    for run in range(3):
        site = tmp_path / str(run)
        site.mkdir()
        assert portalsearch.write_index(site, [records]) == 40
        h = hashlib.sha256()
        for path in sorted((site / "pagefind").rglob("*")):
            if path.is_file():
                h.update(path.relative_to(site).as_posix().encode() + path.read_bytes())
        digests.add(h.hexdigest())
    assert len(digests) == 1
    # and what it rewrote is what Pagefind's reader expects: its signature, then CBOR
    for path in (tmp_path / "0" / "pagefind" / "filter").iterdir():
        data = gzip.decompress(path.read_bytes())
        name, values = cbor2.loads(data[len(portalsearch.SIGNATURE) :])
        assert values == sorted(values) and name in ("tahun", "tingkat")
