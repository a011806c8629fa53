"""Tests for money: parsing amounts in whole kronor and formatting them for people."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.money import MAX_KRONOR, MoneyError, format_kr, format_mnkr, parse_amount

NB = "\u00a0"


@pytest.mark.parametrize(
    ("value", "kronor"),
    [
        (2_000_000, 2_000_000),
        (0, 0),
        (-5_000, -5_000),
        ("2 000 000 kr", 2_000_000),
        ("2000000", 2_000_000),
        ("2 000 000", 2_000_000),
        ("2\u00a0000\u00a0000", 2_000_000),
        ("2\u202f000\u202f000 kr", 2_000_000),
        ("  2 000   kr ", 2_000),
        ("29 349 tkr", 29_349_000),
        ("7 mnkr", 7_000_000),
        ("7 Mkr", 7_000_000),
        ("7 MSEK", 7_000_000),
        ("7mnkr", 7_000_000),
        ("2,5 miljoner kronor", 2_500_000),
        ("2,5 miljoner", 2_500_000),
        ("1 miljon kronor", 1_000_000),
        ("2,5 mnkr", 2_500_000),
        ("2,5 milj. kr", 2_500_000),
        ("7 miljarder", 7_000_000_000),
        ("1,25 mdkr", 1_250_000_000),
        ("500 000 kronor", 500_000),
        ("500 000 SEK", 500_000),
        ("1,5 tkr", 1_500),
        ("1,234 tkr", 1_234),
        ("12 tusen kronor", 12_000),
        ("2 000:-", 2_000),
        ("2 000 000,00 kr", 2_000_000),
        ("0,5 mnkr", 500_000),
        ("-2 000 kr", -2_000),
        ("\u22122 000 kr", -2_000),
        ("- 1,5 mnkr", -1_500_000),
    ],
)
def test_parse_amount(value: object, kronor: int) -> None:
    result = parse_amount(value)
    assert result == kronor
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "true är inget belopp"),
        (False, "false är inget belopp"),
        (None, "belopp saknas"),
        ("", "belopp saknas"),
        ("  ", "belopp saknas"),
        ([2], "[2] är inget belopp"),
        ("abc", '"abc" är inget belopp. Skriv kronor som heltal'),
        ("kr", '"kr" är inget belopp'),
        ("7 euro", 'okänd enhet "euro"'),
        ("2,5 kr", '"2,5 kr" är inget helt antal kronor (öre stöds inte)'),
        ("1,2345 tkr", "öre stöds inte"),
        ("2.5 mnkr", '"2.5 mnkr": decimaltecknet är komma, skriv "2,5 mnkr"'),
        ("2.5", 'decimaltecknet är komma, skriv "2,5"'),
        ("2.000.000", '"2.000.000": punkt grupperar inte siffror, skriv "2 000 000"'),
        ("2,000,000", "komma är decimaltecken"),
        ("20 00 kr", "gruppera siffrorna tre och tre"),
        ("2000 000", "gruppera siffrorna tre och tre"),
        ("1,5 00 mnkr", "gruppera siffrorna tre och tre"),
        ("+5 kr", "är inget belopp"),
        ("5 kr 5", "är inget belopp"),
        ("9" * 40, "orimligt stort belopp"),
    ],
)
def test_parse_amount_errors(value: object, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_amount(value)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (2.5, 'skriv "2,5 mnkr" inom citattecken i stället för 2.5'),
        (0.75, 'skriv "0,75 mnkr" inom citattecken i stället för 0.75'),
        (7.0, 'skriv "7,0 mnkr" inom citattecken i stället för 7.0'),
        (2_000_000.0, "skriv heltalet 2000000 utan decimaler"),
        (float("inf"), "inf är inget belopp"),
        (float("nan"), "nan är inget belopp"),
    ],
)
def test_floats_are_refused_with_a_hint_built_from_the_value(value: float, hint: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_amount(value)
    assert hint in str(info.value)


def test_money_error_is_a_value_error() -> None:
    assert issubclass(MoneyError, ValueError)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 kr"),
        (999, "999 kr"),
        (1_000, "1 000 kr"),
        (7_000_000, "7 000 000 kr"),
        (29_349_000, "29 349 000 kr"),
        (-2_000, "\u22122 000 kr"),
        (1_234_567_890, "1 234 567 890 kr"),
    ],
)
def test_format_kr(amount: int, text: str) -> None:
    assert format_kr(amount) == text.replace(" ", NB)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (7_000_000, "7,0 mnkr"),
        (2_500_000, "2,5 mnkr"),
        (2_450_000, "2,5 mnkr"),  # half up, not to even
        (2_449_999, "2,4 mnkr"),
        (1_000_000, "1,0 mnkr"),
        (999_500, "1,0 mnkr"),  # never "1 000 tkr"
        (999_499, "999 tkr"),
        (450_000, "450 tkr"),
        (1_500, "2 tkr"),
        (1_000, "1 tkr"),
        (999, "999 kr"),
        (0, "0 kr"),
        (-7_000_000, "\u22127,0 mnkr"),
        (-450_000, "\u2212450 tkr"),
        (12_345_678_900, "12 345,7 mnkr"),
    ],
)
def test_format_mnkr(amount: int, text: str) -> None:
    assert format_mnkr(amount) == text.replace(" ", NB)


_AMOUNTS = st.integers(-MAX_KRONOR, MAX_KRONOR)


@given(_AMOUNTS)
def test_format_kr_reads_back(amount: int) -> None:
    assert parse_amount(format_kr(amount)) == amount


@given(_AMOUNTS)
def test_format_mnkr_reads_back_within_its_rounding(amount: int) -> None:
    text = format_mnkr(amount)
    tolerance = 50_000 if text.endswith("mnkr") else 500 if text.endswith("tkr") else 0
    assert abs(parse_amount(text) - amount) <= tolerance


@given(st.integers(0, 10**7), st.sampled_from([(" kr", 1), (" tkr", 1_000), (" mnkr", 10**6)]))
def test_units_multiply(number: int, unit: tuple[str, int]) -> None:
    suffix, factor = unit
    assert parse_amount(f"{number}{suffix}") == number * factor


@given(st.text(max_size=40) | st.floats() | st.none() | st.booleans())
def test_anything_gives_an_int_or_a_money_error(value: object) -> None:
    try:
        result = parse_amount(value)
    except MoneyError as error:
        assert str(error)
    else:
        assert type(result) is int


@pytest.mark.parametrize("value", [MAX_KRONOR + 1, "10 000 001 mdkr", -(10**14)])
def test_amounts_beyond_reason_are_refused(value: object) -> None:
    with pytest.raises(MoneyError, match="orimligt stort belopp"):
        parse_amount(value)
