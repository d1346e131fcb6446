"""Indonesian number conventions: parse what editors type, write what readers expect."""

from decimal import Decimal

import pytest

from lkip_build.model.numbers import (
    AngkaError,
    format_decimal,
    format_int,
    format_persen,
    format_rupiah,
    parse_decimal,
    parse_int,
    round_half_up,
    terbilang,
    terbilang_rupiah,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13.519.650.516", 13519650516),
        ("13519650516", 13519650516),
        ("1.500", 1500),
        ("0", 0),
        ("-", 0),
        ("-807", -807),
        ("1.000.000.000.000.000", 10**15),
    ],
)
def test_parse_int(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["1.5", "1,5", "12.34.567", "abc", "1 500", "١٢", "12\u200b3", ""])
def test_parse_int_refuses(text: str) -> None:
    with pytest.raises(AngkaError):
        parse_int(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("44,32", Decimal("44.32")),
        ("1.593", Decimal("1593")),
        ("1.234,5", Decimal("1234.5")),
        ("-7,37%", Decimal("-7.37")),
        ("16,67", Decimal("16.67")),
        ("100", Decimal("100")),
    ],
)
def test_parse_decimal(text: str, value: Decimal) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["44.32", "1.5", "1,2,3", "x", "1e5", "nan", "inf"])
def test_parse_decimal_refuses(text: str) -> None:
    with pytest.raises(AngkaError):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("84.725"), 2, "84,73"),  # half-up, where round() and Babel give 84,72
        (Decimal("19.765"), 2, "19,77"),  # the report's mean of 12,76 and 26,77
        (Decimal("0.005"), 2, "0,01"),
        (Decimal("-7.365"), 2, "-7,37"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("100"), 2, "100,00"),
    ],
)
def test_format_decimal_rounds_half_up(value: Decimal, places: int, text: str) -> None:
    assert format_decimal(value, places) == text


def test_round_half_up_only_once() -> None:
    assert round_half_up(Decimal("2.675"), 2) == Decimal("2.68")


@pytest.mark.parametrize(
    ("value", "text"),
    [(13519650516, "13.519.650.516"), (0, "0"), (-2211, "-2.211"), (999, "999"), (1000, "1.000")],
)
def test_format_int(value: int, text: str) -> None:
    assert format_int(value) == text


def test_one_rupiah_style() -> None:
    assert format_rupiah(13519650516) == "Rp13.519.650.516"
    assert format_rupiah(0) == "Rp0"


def test_persen_has_a_space_before_the_sign() -> None:
    assert format_persen(Decimal("88.64")) == "88,64 %"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000000000, "satu miliar"),
        (10**12, "satu triliun"),
        (4350000, "empat juta tiga ratus lima puluh ribu"),
        (310900000, "tiga ratus sepuluh juta sembilan ratus ribu"),
    ],
)
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_terbilang_of_the_seed_amounts() -> None:
    # Golden values: the words the LKIP itself prints beside these amounts (Bab 2.2.2, 3.3).
    assert terbilang_rupiah(13519650516) == (
        "Tiga Belas Miliar Lima Ratus Sembilan Belas Juta Enam Ratus Lima Puluh Ribu "
        "Lima Ratus Enam Belas Rupiah"
    )
    assert terbilang_rupiah(2194960000) == (
        "Dua Miliar Seratus Sembilan Puluh Empat Juta Sembilan Ratus Enam Puluh Ribu Rupiah"
    )
    assert terbilang_rupiah(13157342972) == (
        "Tiga Belas Miliar Seratus Lima Puluh Tujuh Juta Tiga Ratus Empat Puluh Dua Ribu "
        "Sembilan Ratus Tujuh Puluh Dua Rupiah"
    )
