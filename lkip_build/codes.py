"""Every problem code, declared once: severity, stage, what it means and what to do.

Loader problems, validation problems and audit findings are one type (`problems.Problem`)
and every code they use is a row here. EDITING.md's code tables are generated from this
registry (`python -m lkip_build.codes`) and a test keeps them equal.

Severity:
  error    stops `lkip check` and the build (an audit error unless its report's
           diterima.yml lists it: a published document's own mismatches are shown as printed)
  warning  implausible, or a check that could not be made: shown, never blocking
  info     a stated policy decided a figure: shown so the reader knows, not a fault

Stage, in pipeline order: read (bytes to YAML tree), load (tree to model), validate
(ids, references, scales, rules), compute, render (tables, markers, pages), audit
(stated figures against computed ones), html (the built page), publish (PDF), internal.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
Stage = Literal[
    "read", "load", "validate", "compute", "render", "audit", "html", "publish", "internal"
]
STAGES: tuple[Stage, ...] = (
    "read",
    "load",
    "validate",
    "compute",
    "render",
    "audit",
    "html",
    "publish",
    "internal",
)


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    stage: Stage
    judul: str  # what the problem is, in Indonesian, one line
    saran: str  # what an editor does about it

    def as_row(self) -> str:
        return f"| `{self.code}` | {self.judul} | {self.saran} |"


# code | severity | stage | judul: what it is | saran: what an editor does about it
_TABLE = """
file-unreadable | error | read | berkas tidak bisa dibaca | periksa izin dan nama berkas
file-too-large | error | read | berkas melebihi 2 MB | hapus isi yang tidak perlu (komentar panjang, teks yang tertempel); satu jenis data hanya punya satu berkas, jadi berkasnya tidak bisa dipecah
file-empty | error | read | berkas kosong | isi berkas atau hapus berkasnya
not-utf8 | error | read | berkas bukan UTF-8 | simpan ulang berkas sebagai UTF-8
bad-character | error | read | berkas memuat pemisah baris Unicode (U+0085, U+2028, U+2029) | hapus karakter itu (biasanya terbawa dari salinan PDF)
yaml-syntax | error | read | YAML tidak valid (termasuk tab sebagai indentasi) | perbaiki indentasi dengan spasi; beri tanda kutip pada teks yang memuat ': '
yaml-tag | error | read | tag YAML dipakai | hapus tag (`!!...`); tulis nilainya saja
yaml-anchor | error | read | anchor dipakai | hapus `&nama`; tulis nilainya di setiap tempat
yaml-alias | error | read | alias dipakai | ganti `*nama` dengan nilainya
yaml-too-deep | error | read | susunan terlalu dalam | kurangi kedalaman susunan data
yaml-multiple-documents | error | read | lebih dari satu dokumen dalam berkas | hapus baris `---` kedua; satu berkas satu dokumen
yaml-comma-decimal | error | read | angka berkoma desimal di dalam [ ] atau { } terpotong oleh YAML | beri tanda kutip ('99,50') atau tulis satu nilai per baris
yaml-complex-key | error | read | kunci bukan teks | tulis kunci sebagai teks biasa
duplicate-key | error | read | kunci ditulis dua kali | hapus salah satu kunci
missing-file | error | load | `laporan.yml` tidak ada | buat `laporan.yml` di folder laporan
unknown-file | error | load | berkas YAML yang tidak dikenal di folder laporan | ganti nama berkas sesuai saran, atau pindahkan keluar dari `data/`
no-reports | error | load | tidak ada folder laporan di `data/` | buat `data/<id>/laporan.yml` (lihat Menambah laporan baru)
id-folder-mismatch | error | load | `id` tidak sama dengan nama folder | samakan `id` di `laporan.yml` dengan nama foldernya
unknown-field | error | load | kolom tidak dikenal (dengan saran) | periksa ejaan nama kolom; lihat daftar kolom berkas ini
missing-field | error | load | kolom wajib tidak diisi | tambahkan kolom itu
missing-value | error | load | nilai kosong | isi nilainya; bila memang tidak tersedia tulis `NA` beserta alasannya
wrong-type | error | load | bentuk salah (daftar/pemetaan/nilai tunggal) | tulis bentuk yang diminta kolom ini (lihat contoh di panduan)
bad-number | error | load | bukan angka cara Indonesia | tulis ribuan dengan titik dan desimal dengan koma: `1.500`, `44,32`
number-too-large | error | load | angka terlalu panjang (lebih dari 18 digit bulat) | periksa angka itu; rupiah ditulis utuh tanpa sen berlebih
value-out-of-range | error | load | nilai di luar rentang yang diizinkan kolom ini | tulis nilai di dalam rentang yang disebut pesan
bad-boolean | error | load | bukan `ya`/`tidak` | tulis `ya` atau `tidak`
bad-choice | error | load | pilihan tidak dikenal (dengan saran) | pilih salah satu nilai yang disebut
text-cut-by-comment | error | load | teks terpotong oleh ` #` (YAML menganggap sisanya komentar) | beri tanda kutip pada seluruh teks
pagu-na | error | validate | pagu ditulis NA | tulis pagu dari dokumen; dalam draf tulis `{belum_diisi: petunjuk}`
na-without-reason | warning | validate | nilai NA tanpa alasan | tulis `{na: alasan}` atau isi `alasan_na` indikatornya
value-pending | warning | validate | nilai belum diisi (`{belum_diisi: petunjuk}`): peringatan dalam laporan `status: draf`, kesalahan dalam laporan final | isi nilainya sesuai petunjuk (lihat halaman Yang masih harus diisi); tulis `status: final` setelah semua terisi
duplicate-id | error | validate | id dipakai dua kali | beri id lain pada salah satunya
bad-id | error | validate | id memuat karakter selain a-z, 0-9 dan `-` (spasi, huruf mirip dari abjad lain, karakter tak terlihat) | ketik ulang id dengan huruf kecil, angka dan `-`
unknown-ref | error | validate | rujukan ke id yang tidak ada | periksa ejaan id (lihat saran)
unknown-column | error | validate | kolom baris daftar tidak ada di `kolom` | tambahkan kolom itu ke `kolom`, atau perbaiki kuncinya
row-length | error | validate | banyak nilai baris komposisi tidak sama dengan banyak kolom | isi satu nilai untuk setiap kolom (dan sub kolom)
derived-amount-typed | error | validate | pos berinduk diberi pagu/realisasi (seharusnya dihitung) | hapus angka pos induk; catat angka dokumen di `tertulis`
negative-amount | error | validate | rupiah negatif | periksa tanda minus
price-zero | error | validate | harga tahun lalu 0 | isi harga tahun lalu lebih dari 0
empty-group | error | validate | kelompok harga tanpa barang | isi `barang` atau hapus kelompoknya
target-not-positive | error | validate | target 0 atau negatif untuk aturan yang membagi dengan target | periksa target; bila tidak tersedia tulis `{na: alasan}`
scale-gap | error | compute | realisasi di luar semua langkah skala indikator | tambahkan langkah terakhir tanpa `batas_atas`
count-fraction | warning | validate | bilangan cacahan (pelaku usaha, orang, dokumen, unit, ...) yang bukan bilangan bulat | periksa angkanya: koma adalah pemisah desimal (1,630 = satu koma enam tiga); ribuan dipisah titik (1.630)
share-over-100 | warning | validate | indikator bagian-dari-keseluruhan (cakupan, proporsi, persentase) dengan a lebih besar dari b: realisasi di atas 100 % | periksa apakah a dan b tertukar atau salah ketik
scale-band-gap | warning | validate | skala kategori bercelah: ada nilai yang tidak masuk pita mana pun | biarkan bila dokumen memang mencetaknya begitu; nilai yang jatuh di celah menjadi kesalahan
scale-overlap | error | validate | dua pita skala saling tumpang tindih | periksa batas dan tanda ≤/< setiap pita
scale-unknown | error | validate | nama skala bawaan tidak dikenal | pilih salah satu skala bawaan
scale-band-reversed | error | validate | pita skala kategori dengan `batas_bawah` di atas `batas_atas`-nya: tidak ada nilai yang masuk | tukar kedua batas, atau salin ulang batasnya dari dokumen
step-bound-repeated | error | validate | dua langkah skala indikator dengan `batas_atas` yang sama, atau dua langkah tanpa `batas_atas` | beri setiap langkah batasnya sendiri; hanya langkah terakhir tanpa `batas_atas`
step-beyond-cap | error | validate | capaian sebuah langkah skala di atas `batas` atau di bawah `lantai` aturannya | tulis `batas: null` (atau `lantai: null`) bila skala dokumen memang memberi capaian itu; bila tidak, perbaiki langkahnya
rule-floor-above-cap | error | validate | `lantai` aturan capaian di atas `batas`-nya | periksa kedua angka; lantai paling tinggi sama dengan batas
parameter-unused | error | validate | parameter yang tidak dipakai jenis aturan atau rumusnya (misalnya `skala` tanpa `jenis: skala`, `triwulan` pada rumus rasio) | perbaiki `jenis`, atau hapus parameter itu
parameter-conflict | error | validate | masukan rumus memakai `jumlah` dan `unik` sekaligus | pilih salah satu
formula-range-contradiction | error | validate | rentang hasil rumus skor tidak memuat hasil rumus untuk seluruh `rentang_a` | periksa konstanta, pengali, pembagi, `rentang_a` dan `rentang`
formula-self-reference | error | validate | `kolom_jumlah` menjumlahkan dirinya sendiri, langsung atau melalui kolom jumlah lain | hapus kunci kolom itu sendiri dari `dari`
value-in-scale-gap | error | compute | nilai jatuh di celah skala yang tidak didefinisikan dokumen | periksa nilai atau batas skala; kategori tidak ditebak
unknown-table-kind | error | validate | `jenis` tabel tidak dikenal | pilih jenis yang disebut
same-group-suggested | warning | validate | label dua tabel pegawai cocok (unit kerja, jenis kelamin), tetapi `sama` belum ditulis | tulis `sama` seperti disarankan bila keduanya menghitung pegawai yang sama, atau `sama: {}` bila tidak
table-number-repeated | warning | validate | nomor tabel dipakai dua kali | biarkan bila dokumen memang begitu; setiap tabel tetap punya id dan jangkar sendiri
bad-tertulis-key | error | validate | nama di `tertulis` tidak berbentuk yang diterima | pakai nama yang disebut pesan
bad-policy | error | validate | kebijakan laporan tidak bisa dipakai | perbaiki nilai kebijakan
bad-rule | error | validate | aturan capaian tidak lengkap atau tidak cocok dengan indikatornya | lengkapi aturan sesuai contoh di panduan
division-by-zero | error | compute | pembagi rumus bernilai 0 | periksa masukan pembagi
input-not-number | error | compute | masukan rumus yang dihitung dari daftar bukan angka | isi kolom angka daftar dengan satu angka per sel
table-error | error | render | tabel tidak bisa digambar dari datanya | periksa `jenis` dan `sumber` tabel di `tabel.yml`
table-not-placed | error | render | tabel bernomor tidak dipasang di halaman mana pun | pasang `<!-- lkip:tabel ID -->` di bab yang memuatnya
table-placed-twice | error | render | tabel bernomor dipasang di dua halaman | hapus salah satu penandanya; tabel tanpa nomor boleh diulang
missing-page | error | render | halaman di `laporan.yml` tidak ada di `content/` | buat berkasnya atau perbaiki `halaman.file`
page-outside-report | error | render | halaman berpenanda di folder yang bukan laporan | pindahkan halaman ke `content/<id>/` laporan yang benar, lalu daftarkan di `halaman` pada `laporan.yml`-nya
page-not-in-nav | error | render | halaman di `content/` yang tidak ada di navigasi situs | daftarkan di `halaman` pada `laporan.yml` (halaman laporan), atau pindahkan atau hapus berkasnya
marker-unknown | error | render | penanda tidak dikenal | pakai salah satu penanda yang disebut
marker-malformed | error | render | penanda salah tulis | tulis `<!-- lkip:nama argumen -->`
marker-arguments | error | render | argumen penanda salah | ikuti penulisan yang disebut pesan
marker-outside-report | error | render | penanda laporan dipakai di luar halaman laporan | pindahkan penanda ke halaman laporannya
derived-reference | error | compute | angka turunan merujuk nama yang tidak ada, yang bukan angka, atau dirinya sendiri (langsung atau melalui angka turunan lain) | pakai nama seperti pada penanda `nilai` (lihat saran), atau perbaiki `a`/`b`
table-unnumbered | error | render | penanda `rujukan` merujuk tabel tanpa `nomor` | beri tabelnya `nomor` di tabel.yml, atau hapus penandanya
unknown-table | error | render | id tabel tidak ada di `tabel.yml` | periksa ejaan id tabel
unknown-value | error | render | nama nilai tidak ada (dengan saran) | pakai nama yang disarankan
bad-format | error | render | format nilai tidak berlaku | pakai format yang disebut
unknown-indicator | error | render | id indikator tidak ada | periksa ejaan id indikator
unknown-report | error | render | id laporan tidak ada di `data/` | pakai id laporan yang disebut pesan (nama foldernya di `data/`)
no-capaian | error | render | indikator yang tidak dinilai (`dinilai: tidak`) dipakai di `rumus-capaian` | hapus penanda itu, atau hapus `dinilai: tidak` bila indikator itu memang punya capaian
chart-error | error | render | grafik tidak bisa dibuat dari datanya | periksa argumen penanda grafik
accepted-stale | error | validate | catatan di `diterima.yml` tidak muncul lagi (angkanya berubah atau sudah diperbaiki) | bila data diperbaiki, hapus butirnya; bila angkanya berubah, tinjau catatan barunya lalu jalankan `make terima LAPORAN=data/<id>`
accepted-duplicate | error | validate | id catatan tercantum dua kali di `diterima.yml` | hapus salah satu butirnya
accepted-without-reason | error | validate | catatan diterima di `diterima.yml` tanpa alasan | tulis di `alasan` mengapa catatan itu diterbitkan apa adanya
policy-retired | error | validate | `kebijakan.temuan_memblokir` tidak dipakai lagi | hapus barisnya; catatan yang diterbitkan apa adanya didaftar di `diterima.yml` (`make terima LAPORAN=data/<id>`)
stated-mismatch | error | audit | angka tertulis berbeda dari hasil hitung | bila data yang salah, perbaiki data; bila dokumen memang mencetaknya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
stated-consequence | info | audit | angka tertulis yang benar terhadap angka lain yang salah cetak (di sampingnya, atau jumlah baris tercetak tabel yang dihitungnya), bukan terhadap data | ikuti catatan angka salah cetak yang diikutinya: bila data yang salah dan diperbaiki, catatan ini ikut hilang; catatan ini sendiri bukan kesalahan
stated-unreadable | warning | audit | angka tertulis tidak terbaca | salin angka persis seperti tercetak di dokumen (huruf O atau l dari salinan PDF diketik ulang sebagai angka); bila dokumen memang mencetak yang bukan angka, biarkan
stated-without-basis | warning | audit | angka tertulis tanpa dasar hitung (misalnya persen dari pagu 0) | bila data yang salah (pagu 0, nilai NA), perbaiki data; bila dokumen memang menulis angka untuk sesuatu yang tidak bisa dihitung, biarkan
stated-unknown | warning | audit | nama di `tertulis` tidak dikenal | pakai nama yang disebut pesan (daftarnya di panduan)
words-digits-mismatch | error | audit | terbilang tidak sama dengan angkanya | salin terbilang dan angkanya persis seperti tercetak; bila dokumen memang mencetaknya berbeda, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
words-unreadable | warning | audit | terbilang tidak terbaca | salin terbilang persis seperti tercetak; bila dokumen memang mencetaknya begitu, biarkan
words-too-large | warning | audit | jumlah terlalu besar untuk ditulis dengan kata | periksa jumlahnya (di atas 999 kuadriliun)
formula-stated-differs | error | audit | rumus capaian yang dinyatakan kalimat dokumen (`aturan.rumus_tertulis`) bukan aturan yang dipakai angka tercetaknya (`aturan.jenis`) | bila `jenis` atau `rumus_tertulis.jenis` salah isi, perbaiki; bila dokumen memang menulisnya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
table-reference-mismatch | error | audit | kalimat dokumen merujuk tabel dengan nomor atau judul yang bukan milik tabel itu | bila `nomor`, `judul` atau `tertulis` tabelnya salah isi, perbaiki; bila dokumen memang menulisnya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
budget-version-mismatch | error | audit | versi terakhir `versi_pagu` bukan pagu yang berlaku (jumlah rinciannya) | bila salah isi, perbaiki versi atau rinciannya; bila dokumen memang mencetaknya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
count-mismatch | error | audit | angka dalam rumus tidak sama dengan banyak baris daftar yang dihitungnya | bila salah isi, perbaiki daftar atau angka masukan rumus; bila dokumen memang mencetaknya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
same-quantity-mismatch | error | audit | total tabel tidak sama dengan nilai `sama_dengan`, atau angka tabel tidak sama dengan angka lain yang menghitung kelompok yang sama (`sama`) | bila salah isi, perbaiki angka tabel yang salah; bila dokumen memang mencetaknya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
target-mismatch | error | audit | target indikator berbeda antara Renstra, Perjanjian Kinerja atau daftar program dan pengukuran kinerja | bila salah isi, perbaiki target yang salah; bila dokumen memang mencetaknya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
pk-without-result | warning | audit | indikator Perjanjian Kinerja tidak diukur (tidak ada di indikator.yml) | isi `indikator_kinerja` bila indikatornya diukur; bila memang tidak diukur, biarkan (pembaca diberi tahu)
realisasi-over-pagu | warning | audit | realisasi melebihi pagu | periksa pagu dan realisasinya
capaian-over-100 | warning | audit | capaian di atas 100 % pada aturan tanpa batas (`batas: null`) | bila laporan membatasi capaian, isi `aturan.batas`; bila tidak, catat capaian yang tercetak di `tertulis` indikatornya
policy-applied | info | audit | kebijakan laporan menentukan capaian (nilai NA) | tidak perlu tindakan: kebijakan ditampilkan kepada pembaca
capaian-na | info | audit | capaian tidak dapat dihitung (nilai NA) dan tidak masuk rata-rata | isi nilainya bila sudah tersedia
out-of-domain | warning | audit | hasil di luar rentang yang dapat diberikan aturannya | periksa masukan; hasil seperti ini biasanya salah ketik
claim-false | error | audit | pernyataan dokumen tidak sesuai dengan data | bila data yang salah, perbaiki data; bila dokumen memang menulisnya, daftarkan catatannya di `diterima.yml` (`make terima LAPORAN=data/<id>`)
unsafe-html | error | html | HTML yang dapat menjalankan kode (script, atribut `on...=`, tautan `javascript:`, iframe, form, style) ada di halaman | hapus HTML itu dari bab; tulis dengan Markdown
html-number-mismatch | error | html | angka tabel di HTML berbeda dari hasil hitung | laporkan ke pengembang: tabel berubah setelah dihitung
html-table-missing | error | html | tabel hilang dari HTML halaman | tulis penanda tabel di barisnya sendiri, di luar blok kode, komentar atau blok HTML (`<div>`)
html-not-a-number | error | html | angka hasil hitung (di tabel atau penanda `nilai`) tertulis `nan`, `inf`, `None` atau sejenisnya | laporkan ke pengembang
html-link-broken | error | html | tautan di halaman menuju berkas yang tidak ada di situs | perbaiki tautan di halaman (alamat relatif dari halaman itu), atau tambahkan halaman yang dituju
site-build-warning | error | html | pembangun situs (MkDocs) menolak halaman laporan | baca pesannya: biasanya tautan ke halaman atau jangkar yang tidak ada di laporan ini
pdf-failed | error | publish | PDF laporan gagal dibuat | pasang chromium, atau bangun tanpa PDF dengan `LKIP_PDF=0`
internal-error | error | internal | kesalahan program saat memproses berkas (bukan kesalahan data) | laporkan ke pengembang beserta pesan ini; berkas yang disebut sedang diproses
"""


def _parse(text: str) -> tuple[Code, ...]:
    out = []
    for line in text.strip().splitlines():
        code, severity, stage, judul, saran = (part.strip() for part in line.split(" | "))
        assert severity in ("error", "warning", "info") and stage in STAGES, line
        # The assert checked both against their Literal types, but mypy narrows `in STAGES`
        # only from 2.x on and `in (...)` of plain strings never: a cast of stage would be
        # needed on mypy 1.x and redundant (an error here) on 2.x.
        out.append(Code(code, severity, stage, judul, saran))  # type: ignore[arg-type]
    return tuple(out)


REGISTRY: tuple[Code, ...] = _parse(_TABLE)
CODES: dict[str, Code] = {c.code: c for c in REGISTRY}
assert len(CODES) == len(REGISTRY), "a code is declared twice"


def markdown(stages: tuple[Stage, ...]) -> str:
    """The code table of EDITING.md for the given stages."""
    rows = [c.as_row() for c in REGISTRY if c.stage in stages]
    return "\n".join(["| kode | arti | yang dilakukan |", "| --- | --- | --- |", *rows]) + "\n"


GUIDE_SECTIONS: dict[str, tuple[Stage, ...]] = {
    "kode-masalah": (
        "read",
        "load",
        "validate",
        "compute",
        "render",
        "html",
        "publish",
        "internal",
    ),
    "kode-temuan": ("audit",),
}


if __name__ == "__main__":  # pragma: no cover
    for name, stages in GUIDE_SECTIONS.items():
        sys.stdout.write(f"<!-- {name} -->\n{markdown(stages)}<!-- /{name} -->\n\n")
