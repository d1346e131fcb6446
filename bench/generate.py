"""Synthetic reports shaped like the NTT one, for the benchmark: N agencies × Y years.

Each report is the NTT LKIP 2021 (its data and chapters, so the same tables and sizes) with
its own id, agency, year and budget realisations (each leaf's realisasi scaled by a factor
between 0,90 and 1,00 drawn from the report's number, so charts and tables differ from one
report to the next and no cache hit is free). The printed `tertulis` figures stay the
seed's, so the audit has findings to report, as for a real published document.

    python bench/generate.py OUT --agencies 10 --years 1
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "ntt-disperindag-lkip-2021"
LEAF = re.compile(r"^(\s+realisasi: )(\d{1,3}(?:\.\d{3})+|\d+)\s*$", re.M)


def _vary(text: str, rng: random.Random) -> str:
    def scale(m: re.Match[str]) -> str:
        amount = int(m.group(2).replace(".", ""))
        varied = amount * rng.randint(900, 1000) // 1000
        return m.group(1) + f"{varied:,}".replace(",", ".")

    return LEAF.sub(scale, text)


def report(out: Path, agency: int, year: int) -> str:
    rid = f"bench-dinas-{agency:03d}-lkip-{year}"
    rng = random.Random(agency * 10_000 + year)
    data, content = out / "data" / rid, out / "content" / rid
    shutil.copytree(ROOT / "data" / SEED, data)
    shutil.copytree(ROOT / "content" / SEED, content)
    laporan = (data / "laporan.yml").read_text(encoding="utf-8")
    laporan = laporan.replace(f"id: {SEED}", f"id: {rid}")
    laporan = re.sub(
        r"(?m)^singkatan_instansi: .*$", f"singkatan_instansi: Dinas {agency:03d}", laporan
    )
    laporan = re.sub(
        r"(?m)^instansi: .*$", f"instansi: Dinas Contoh {agency:03d} Provinsi Uji", laporan
    )
    laporan = re.sub(r"(?m)^tahun: \d+$", f"tahun: {year}", laporan)
    (data / "laporan.yml").write_text(laporan, encoding="utf-8")
    budget = data / "anggaran.yml"
    budget.write_text(_vary(budget.read_text(encoding="utf-8"), rng), encoding="utf-8")
    return rid


def generate(out: Path, agencies: int, years: int = 1) -> list[str]:
    """A repository under `out` (mkdocs.yml, hooks, theme, home page) with the reports."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "overrides", "content/index.md", "content/assets"):
        source, target = ROOT / name, out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return [report(out, a, 2021 + y) for a in range(1, agencies + 1) for y in range(years)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--agencies", type=int, default=1)
    parser.add_argument("--years", type=int, default=1)
    args = parser.parse_args()
    ids = generate(args.out, args.agencies, args.years)
    print(f"{len(ids)} laporan di {args.out}")


if __name__ == "__main__":
    main()
