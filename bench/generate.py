"""Synthetic reports for the benchmark: N agencies × Y years shaped like the NTT one, or a
national mix (`--shape campuran`) for the portal's benchmark (bench/portal.py).

An NTT-shaped report is the NTT LKIP 2021 (its data and chapters, so the same tables and sizes) with
its own id, agency, year and budget realisations (each leaf's realisasi scaled by a factor
between 0,90 and 1,00 drawn from the report's number, so charts and tables differ from one
report to the next and no cache hit is free). The printed `tertulis` figures stay the
seed's, so the audit has findings to report, as for a real published document: like one,
its diterima.yml lists them (`lkip check --terima`, `accept`), since a figure that differs
from the data and is not listed there stops the build.

A small report (`small`) is the Lebak Renja page (one page of prose, no table, no chart)
with its own id, agency, level (nasional, provinsi, kabupaten, kota: one in four each),
region (one of 38 provinces, or one of 514 regencies and cities in one: as many as the
country has), year (2017-2026) and kind of document, so the portal's filters have many
values. Its page names three commodities of six (one report in two names "beras"), so a
search for a word finds reports across the whole portal, not only the NTT-shaped ones.

    python bench/generate.py OUT --agencies 10 --years 1
    python bench/generate.py OUT --shape campuran --reports 2000 --ntt 20
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "ntt-disperindag-lkip-2021"
SMALL_SEED = "lebak-disperindag-renja-2021"
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


TINGKAT = ("nasional", "provinsi", "kabupaten", "kota")
DOKUMEN = {
    "Renja": "Rencana Kerja (Renja)",
    "LKIP": "Laporan Kinerja Instansi Pemerintah (LKIP)",
    "LKjIP": "Laporan Kinerja Instansi Pemerintah (LKjIP)",
    "Renstra": "Rencana Strategis (Renstra)",
}
BIDANG = (
    "Pertanian",
    "Kesehatan",
    "Pendidikan",
    "Perhubungan",
    "Koperasi dan Usaha Kecil",
    "Pariwisata",
    "Ketahanan Pangan",
    "Lingkungan Hidup",
    "Sosial",
    "Kelautan dan Perikanan",
    "Tenaga Kerja",
    "Pekerjaan Umum",
)
KOMODITAS = ("beras", "jagung", "gula pasir", "minyak goreng", "bawang merah", "cabai rawit")
PROVINCES, REGIONS = 38, 514  # Indonesia's provinces, and its regencies and cities


def small(out: Path, number: int) -> str:
    """Report `number` of the mix: the Lebak page with its own identity (module docstring)."""
    rng = random.Random(number)
    tingkat = TINGKAT[number % len(TINGKAT)]
    tahun = 2017 + rng.randrange(10)
    jenis = list(DOKUMEN)[rng.randrange(len(DOKUMEN))]
    bidang = BIDANG[rng.randrange(len(BIDANG))]
    province = f"Provinsi Uji {rng.randrange(1, PROVINCES + 1):02d}"
    region = rng.randrange(1, REGIONS + 1)
    if tingkat == "nasional":
        place, wilayah, pemerintah = "", "Indonesia", "Pemerintah Republik Indonesia"
        instansi = f"Kementerian {bidang}"
    elif tingkat == "provinsi":
        place = wilayah = province
        pemerintah, instansi = f"Pemerintah {province}", f"Dinas {bidang} {province}"
    else:
        place = f"{'Kabupaten' if tingkat == 'kabupaten' else 'Kota'} Uji {region:03d}"
        wilayah = f"{place}, {province}"
        pemerintah, instansi = f"Pemerintah {place}", f"Dinas {bidang} {place}"
    rid = f"bench-{number:05d}-{tingkat}-{jenis.lower()}-{tahun}"
    data, content = out / "data" / rid, out / "content" / rid
    shutil.copytree(ROOT / "data" / SMALL_SEED, data)
    shutil.copytree(ROOT / "content" / SMALL_SEED, content)
    fields = {
        "id": rid,
        "jenis_dokumen": jenis,
        "judul": f"{DOKUMEN[jenis]} Tahun {tahun}",
        "instansi": instansi,
        "singkatan_instansi": f"{bidang} {number:05d}",
        "pemerintah": pemerintah,
        "tingkat": tingkat,
        "wilayah": wilayah,
        "tahun": str(tahun),
    }
    laporan = re.sub(r"\A(#.*\n)+", "", (data / "laporan.yml").read_text(encoding="utf-8"))
    for key, value in fields.items():
        laporan = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", laporan)
    (data / "laporan.yml").write_text(laporan, encoding="utf-8")
    seed = _seed_names()
    for page in content.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        if page.name == "index.md":
            text = re.sub(r"(?m)\A# .*$", f"# {jenis} {tahun} {instansi}", text)
        for old, new in (
            (seed["instansi"], instansi),
            (seed["wilayah_kab"], place or "Indonesia"),
            (seed["provinsi"], province),
            (seed["judul"], fields["judul"]),
        ):
            text = text.replace(old, new)
        if page.name != "index.md":
            named = rng.sample(KOMODITAS, 3)
            text += (
                f"\nKomoditas yang dipantau harganya pada tahun {tahun}: "
                f"{named[0]}, {named[1]} dan {named[2]}.\n"
            )
        page.write_text(text, encoding="utf-8")
    return rid


def _seed_names() -> dict[str, str]:
    """The small seed's own names, replaced in its pages by a report's."""
    laporan = (ROOT / "data" / SMALL_SEED / "laporan.yml").read_text(encoding="utf-8")
    value = dict(re.findall(r"(?m)^(\w+): (.*)$", laporan))
    place = value["pemerintah"].removeprefix("Pemerintah ")
    province = "Provinsi " + value["wilayah"].split(", ", 1)[1]
    return {
        "instansi": value["instansi"],
        "wilayah_kab": place,
        "provinsi": province,
        "judul": value["judul"],
    }


def skeleton(out: Path) -> None:
    """A repository without reports: mkdocs.yml, hooks, theme, the top-level pages."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    tops = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "content").glob("*.md"))]
    for name in ("mkdocs.yml", "hooks", "overrides", "content/assets", *tops):
        source, target = ROOT / name, out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


def accept(out: Path, ids: list[str]) -> None:
    """Each report's verification notes listed in its diterima.yml, as printed (`lkip check
    --terima`, which takes one report), by this checkout's package and without the content
    cache (the build measured after this starts cold)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_CACHE": "0"}
    for rid in ids:
        subprocess.run(
            [sys.executable, "-m", "lkip_build.cli", "check", "--terima", f"data/{rid}"],
            cwd=out,
            env=env,
            check=True,
            capture_output=True,
        )


def generate(out: Path, agencies: int, years: int = 1) -> list[str]:
    """A repository under `out` (mkdocs.yml, hooks, theme, top-level pages) with the
    NTT-shaped reports."""
    skeleton(out)
    ids = [report(out, a, 2021 + y) for a in range(1, agencies + 1) for y in range(years)]
    accept(out, ids)
    return ids


def generate_mix(out: Path, reports: int, ntt: int) -> tuple[list[str], list[str]]:
    """A repository under `out` with `reports` reports: `ntt` NTT-shaped (at most
    `reports`), the rest small; the ids of each shape (small, NTT-shaped)."""
    skeleton(out)
    ntt = min(ntt, reports)
    shaped = [report(out, a, 2021) for a in range(1, ntt + 1)]
    accept(out, shaped)
    return [small(out, i) for i in range(1, reports - ntt + 1)], shaped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--agencies", type=int, default=1)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument(
        "--shape",
        choices=("ntt", "campuran"),
        default="ntt",
        help="ntt: every report NTT-shaped (--agencies × --years); campuran: --reports "
        "reports, --ntt of them NTT-shaped, the rest small (one page, no table)",
    )
    parser.add_argument("--reports", type=int, default=200, help="with --shape campuran")
    parser.add_argument("--ntt", type=int, default=20, help="with --shape campuran")
    args = parser.parse_args()
    if args.shape == "campuran":
        few, shaped = generate_mix(args.out, args.reports, args.ntt)
        print(f"{len(few)} laporan kecil + {len(shaped)} laporan berbentuk NTT di {args.out}")
        return
    ids = generate(args.out, args.agencies, args.years)
    print(f"{len(ids)} laporan di {args.out}")


if __name__ == "__main__":
    main()
