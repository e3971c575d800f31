import pytest

from boothpos.core.errors import MoneyError
from boothpos.core.money import (
    commission,
    format_rupiah,
    parse_rate,
    parse_rupiah,
    round_half_up_div,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1250000", 1_250_000),
        ("1.250.000", 1_250_000),
        ("Rp 1.250.000", 1_250_000),
        ("Rp1.250.000,00", 1_250_000),
        ("rp 125.000", 125_000),
        ("  Rp 125.000  ", 125_000),
        ("Rp. 75.000", 75_000),
        ("125000,00", 125_000),
        ("125000.00", 125_000),
        ("0", 0),
        ("Rp\u00a0500", 500),
        (125000, 125_000),
        (125000.0, 125_000),
    ],
)
def test_parse_accepts_every_form_people_type(text, expected):
    assert parse_rupiah(text) == expected
    assert isinstance(parse_rupiah(text), int)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("-5000", "negatif"),
        ("Rp -5.000", "negatif"),
        ("−5000", "negatif"),
        ("1250000,50", "pecahan"),
        ("125000.5", "pecahan"),
        (125000.5, "pecahan"),
        ("abc", "bukan jumlah rupiah"),
        ("12,5,0", "bukan jumlah rupiah"),
        ("1.25.000", "bukan jumlah rupiah"),
        ("Rp", "bukan jumlah rupiah"),
        ("", "kosong"),
        ("1e6", "bukan jumlah rupiah"),
        (-1, "negatif"),
    ],
)
def test_parse_refuses_with_a_message_naming_the_value(text, reason):
    with pytest.raises(MoneyError) as info:
        parse_rupiah(text)
    message = info.value.message("id")
    assert reason in message
    if str(text):
        assert str(text) in message or reason == "kosong"
    assert info.value.exit_code == 2


def test_english_message():
    with pytest.raises(MoneyError) as info:
        parse_rupiah("12,5")
    assert "fraction" in info.value.message("en")


@pytest.mark.parametrize(
    "amount, text",
    [
        (1_250_000, "Rp 1.250.000"),
        (0, "Rp 0"),
        (500, "Rp 500"),
        (1000, "Rp 1.000"),
        (-5000, "-Rp 5.000"),
        (4_500_000, "Rp 4.500.000"),
    ],
)
def test_format(amount, text):
    assert format_rupiah(amount) == text


def test_format_refuses_floats():
    with pytest.raises(TypeError):
        format_rupiah(1.5)


def test_format_parse_round_trip():
    for amount in (0, 1, 999, 1000, 12_345_678, 10**10):
        assert parse_rupiah(format_rupiah(amount)) == amount


@pytest.mark.parametrize(
    "text", ["10000000001", "Rp 1.000.000.000.000", "9223372036854775808", "9" * 5000, 10**19]
)
def test_amounts_above_the_bound_are_refused_with_the_limit(text):
    with pytest.raises(MoneyError) as refused:
        parse_rupiah(text)
    assert "Rp 10.000.000.000" in refused.value.message("en")
    assert "too large" in refused.value.message("en")


@pytest.mark.parametrize(
    "num, den, expected",
    [(5, 10, 1), (4, 10, 0), (15, 10, 2), (25, 10, 3), (-5, 10, -1), (-4, 10, 0)],
)
def test_round_half_up(num, den, expected):
    assert round_half_up_div(num, den) == expected


def test_commission_is_rounded_half_up_once():
    assert commission(125_005, 1000) == 12_501  # 12 500,5 → 12 501
    assert commission(125_004, 1000) == 12_500
    assert commission(0, 1000) == 0
    assert commission(1_000_000, 0) == 0


@pytest.mark.parametrize("text, bp", [("10", 1000), ("10%", 1000), ("12,5 %", 1250), ("0", 0)])
def test_parse_rate(text, bp):
    assert parse_rate(text) == bp


@pytest.mark.parametrize("text", ["-1", "101", "x", "12.345"])
def test_parse_rate_refuses(text):
    with pytest.raises(MoneyError):
        parse_rate(text)
