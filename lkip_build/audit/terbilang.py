"""Read an amount written in Indonesian words back into a number (for the audit)."""

from __future__ import annotations

_UNITS = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
_SCALES = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "kuadriliun": 10**15,
}
_IGNORED = {"rupiah", "dan"}


class TerbilangError(ValueError):
    pass


def baca_terbilang(text: str) -> int:
    """'Dua Miliar Seratus ... Rupiah' -> 2100000000. Raises TerbilangError on unknown words."""
    words = [
        part
        for w in text.lower().replace("-", " ").split()
        for part in _split(w)
        if part not in _IGNORED
    ]
    if not words:
        raise TerbilangError("kosong")
    total = 0  # completed scale groups
    group = 0  # below the next scale word
    small = 0  # below a hundred within the group
    for w in words:
        if w in _UNITS:
            v = _UNITS[w]
            if v == 1000:  # seribu
                total += (group + small + 1) * 1000 if group + small else 1000
                group = small = 0
            elif v == 100:
                group += 100
            else:
                small += v
        elif w == "belas":
            small += 10
        elif w == "puluh":
            small = small * 10 if small else 10
            group, small = group + small, 0
        elif w == "ratus":
            group, small = group + small * 100, 0
        elif w in _SCALES:
            total += (group + small or 1) * _SCALES[w]
            group = small = 0
        else:
            raise TerbilangError(f"kata {w!r} tidak dikenal")
    return total + group + small


_KNOWN = set(_UNITS) | set(_SCALES) | _IGNORED | {"belas", "puluh", "ratus"}


def _split(word: str) -> list[str]:
    """A word as printed, or the known words it runs together ("jutalima" -> juta, lima):
    a lost space must not hide what the words say. Unknown text is kept, to be refused."""
    if word in _KNOWN:
        return [word]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            head = best[start]
            if head is not None and word[start:end] in _KNOWN:
                best[end] = [*head, word[start:end]]
                break
    return best[len(word)] or [word]
