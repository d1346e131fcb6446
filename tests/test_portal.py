"""The portal's rows (lkip_build/present/portal.py): the home unit of `make site` is built
from the rows the report units write into their manifests, never from a second reading of
every report. A row read back is the row computed, and the home unit made from rows is the
home unit made from the passes, file for file."""

from __future__ import annotations

import json
from pathlib import Path

from lkip_build.present import portal
from lkip_build.publish import units

from .conftest import ROOT, built

NTT = "ntt-disperindag-lkip-2021"


def test_a_row_read_back_is_the_row_computed() -> None:
    repo = built(ROOT)
    for h in repo.hasil:
        rid = h.report.id
        row = portal.row_of(h, repo.findings[rid])
        text = json.dumps(portal.to_json(row), ensure_ascii=False)
        assert portal.from_json(json.loads(text)) == row
    ntt = portal.row_of(repo.by_id[NTT], repo.findings[NTT])
    # the seed's figures (LKIP 2021 NTT, Tabel 3.2 and 3.22), as the row carries them
    assert ntt.sorotan.rata_rata == "81,44 %" and ntt.sorotan.anggaran[0].serapan == "97,32 %"


def test_the_home_unit_from_rows_is_the_home_unit_from_passes(tmp_path: Path) -> None:
    computed = units.export_unit(ROOT, tmp_path / "passes", units.HOME)
    rows = computed.publication.rows
    assert {r.id for r in rows} == {p.name for p in (ROOT / "data").iterdir() if p.is_dir()}
    # the rows as the report units' manifests carry them
    parts = tmp_path / "parts"
    for r in rows:
        (parts / r.id).mkdir(parents=True)
        manifest = {"unit": r.id, "links": [], "row": portal.to_json(r)}
        (parts / r.id / units.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    read = units.rows_in(parts, sorted(r.id for r in rows))
    assert read is not None and sorted(read, key=portal.order) == sorted(rows, key=portal.order)
    from_rows = units.export_unit(ROOT, tmp_path / "rows", units.HOME, rows=read)
    assert from_rows.publication.hasil == []  # no report was read
    a, b = tmp_path / "passes", tmp_path / "rows"
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_missing_report_unit_means_no_rows(tmp_path: Path) -> None:
    """A report whose unit is not in the folder: the home is not built from the others'
    rows alone (it would leave the report out), it reads every report's pass."""
    (tmp_path / NTT).mkdir()
    row = {"unit": NTT, "links": []}  # an older manifest, without its row
    (tmp_path / NTT / units.MANIFEST).write_text(json.dumps(row), encoding="utf-8")
    assert units.rows_in(tmp_path, [NTT]) is None
    assert units.rows_in(tmp_path, ["lain"]) is None


def test_an_agency_with_two_years_gets_its_page_from_the_rows(tmp_path: Path) -> None:
    """NTT 2021 and its 2022 made by `lkip new`: the home unit, built from the two report
    units' rows alone, has the agency's page with both years, each column linked to its
    report, and the home table links it."""
    import shutil

    from lkip_build.cli import main
    from lkip_build.publish import pipeline

    from .test_units import IGNORE

    root = tmp_path / "repo"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    assert main(["new", "--from", str(root / "data" / NTT), "--year", "2022"]) == 0
    new = NTT.replace("2021", "2022")
    rows = []
    for rid in (NTT, new, "lebak-disperindag-renja-2021"):  # as each report unit writes it
        result = pipeline.run(root, pipeline.report(rid), check_pages=False)
        row = next(r for r in result.publication.rows if r.id == rid)
        rows.append(portal.from_json(json.loads(json.dumps(portal.to_json(row)))))
    unit = units.export_unit(root, tmp_path / "beranda", units.HOME, rows=rows)
    assert unit.publication.hasil == []  # no report read
    docs = tmp_path / "beranda" / "docs"
    pages = sorted((docs / "instansi").glob("*.md"))
    assert len(pages) == 1  # NTT only: Lebak has one year
    text = pages[0].read_text(encoding="utf-8")
    assert f"(../../{NTT}/)" in text and f"(../../{new}/)" in text  # each year's report
    # LKIP 2021 NTT, Tabel 3.2: ik-1 target 50, realisasi 44,32, capaian 88,64 %; mean 81,44 %
    ik1 = next(line for line in text.splitlines() if line.startswith("| ik-1 "))
    assert [c.strip() for c in ik1.split("|")][3:6] == ["50", "44,32", "88,64 %"], ik1
    assert "81,44 %" in text and "97,32 %" in text
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert home.count(portal.AGENCY_LINK) == 2  # on both years' rows
    assert f"instansi/{pages[0].stem}/" in home
