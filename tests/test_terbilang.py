"""Reading amounts in words back into numbers, as the audit does with a document's terbilang."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_build.audit.terbilang import TerbilangError, baca_terbilang
from lkip_build.model.numbers import terbilang, terbilang_rupiah


@pytest.mark.parametrize(
    ("words", "value"),
    [
        # the seed's own amounts (Bab II, Bab III)
        (
            "Tiga Belas Miliar Lima Ratus Sembilan Belas Juta Enam Ratus Lima Puluh Ribu "
            "Lima Ratus Enam Belas Rupiah",
            13_519_650_516,
        ),
        (
            "Dua Miliar Seratus Sembilan Puluh Empat Juta Sembilan Ratus Enam Puluh Ribu Rupiah",
            2_194_960_000,
        ),
        ("seribu", 1000),
        ("satu juta seribu", 1_001_000),
        ("sebelas ribu", 11_000),
        ("dua kuadriliun", 2 * 10**15),
        ("dua puluh lima milyar", 25_000_000_000),  # the older spelling of miliar
        # LPMP Sulawesi Tengah (tests/corpus): "jutalima" printed without its space, and
        # "ribu" lost: the words say 25.090.000.504 beside the digits 25.090.504.000
        ("dua puluh lima milyar sembilan puluh jutalima ratus empat rupiah", 25_090_000_504),
    ],
)
def test_reads_words(words: str, value: int) -> None:
    assert baca_terbilang(words) == value


@pytest.mark.parametrize("words", ["", "rupiah", "dua puluh lima dolar", "sejuta-juta x"])
def test_unknown_words_are_refused(words: str) -> None:
    with pytest.raises(TerbilangError):
        baca_terbilang(words)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=1, max_value=10**18 - 1))
def test_reading_what_terbilang_writes_gives_the_number_back(n: int) -> None:
    assert baca_terbilang(terbilang(n)) == n
    assert baca_terbilang(terbilang_rupiah(n)) == n
