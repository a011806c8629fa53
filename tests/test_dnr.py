"""Tests for dnr: the shape of Government Offices diarienummer, and tidying them."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.dnr import DNR_PATTERN, is_valid_dnr, normalise_dnr


@pytest.mark.parametrize(
    "text",
    [
        "S2025/01981",
        "Fi2015/2449",
        "S2019/02110/FS",  # unit suffix, used until 2020
        "S2018/04513/HS",
        "Fi2019/00123/SF",
        "Ku2024/00123",
        "N2023/01234 (delvis)",
        "S2019/02110/FS (delvis)",
        "A2022/01234",
        "U2021/1234",
        "M2024/00012",
        "Ju2023/05678",
        "UD2024/12345",
        "SB2023/00001",
        "Jo2020/01234",
        "Fö2024/00456",
        "LI2022/00100",
        "KN2023/00200",
        "Ie2024/00300",
        "S1990/1",
        "S2100/123456",
        "  S2025/01981  ",  # surrounding whitespace is tidied away
        "N2023/01234\u00a0(delvis)",
        "N2023/01234(delvis)",
        "N2023/01234 (Delvis)",
    ],
)
def test_valid(text: str) -> None:
    assert is_valid_dnr(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "S",
        "S202501981",  # missing slash
        "S2025-01981",
        "S2025/0198l",  # letter l for digit 1
        "S2025/O1981",  # letter O for zero
        "S0202/01981",  # year typed backwards
        "S1989/01981",
        "S2101/01981",
        "S25/01981",  # two-digit year
        "S 2025/01981",  # a space inside is a typo to fix, not to hide
        "s2025/01981",  # department starts with a capital
        "Soc2025/01981x",
        "Sosd2025/01981",  # department of four letters
        "2025/01981",
        "S2025/",
        "S2025/1234567",  # more than six digits
        "S2025/01981/",
        "S2019/02110/FSABCDE",  # unit longer than six
        "S2019/02110/F S",
        "S2025/01981 (del)",
        "S2025/01981 delvis",
        "(delvis)",
        "4.3-83395/2025",  # an agency's own case number, not the Government Offices'
    ],
)
def test_invalid(text: str) -> None:
    assert not is_valid_dnr(text)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("S2025/01981", "S2025/01981"),
        ("  S2025/01981\n", "S2025/01981"),
        ("N2023/01234   (delvis)", "N2023/01234 (delvis)"),
        ("N2023/01234(delvis)", "N2023/01234 (delvis)"),
        ("N2023/01234 ( Delvis )", "N2023/01234 (delvis)"),
        ("N2023/01234\u00a0(delvis)", "N2023/01234 (delvis)"),
        ("S 2025/01981", "S 2025/01981"),  # kept, so the warning shows what was written
        ("S  2025/01981", "S 2025/01981"),
        ("(delvis)", "(delvis)"),
        ("", ""),
    ],
)
def test_normalise(text: str, normalised: str) -> None:
    assert normalise_dnr(text) == normalised


def test_pattern_is_usable_on_its_own() -> None:
    # Exported for the JSON Schema; it checks the shape but not the year range.
    assert re.fullmatch(DNR_PATTERN, "S2019/02110/FS (delvis)")
    assert not re.fullmatch(DNR_PATTERN, "S2019/02110/FS (delvis) ")


@given(st.text(max_size=40))
def test_never_raises_and_normalising_is_idempotent(text: str) -> None:
    once = normalise_dnr(text)
    assert normalise_dnr(once) == once
    assert is_valid_dnr(text) is is_valid_dnr(once)


_DEPARTMENTS = st.sampled_from(["S", "Fi", "Fö", "UD", "Ku", "N", "SB", "Ie"])


@given(_DEPARTMENTS, st.integers(1990, 2100), st.integers(0, 999_999), st.booleans())
def test_generated_numbers_are_valid(dept: str, year: int, serial: int, partly: bool) -> None:
    text = f"{dept}{year}/{serial:05d}" + (" (delvis)" if partly else "")
    assert is_valid_dnr(text)
    assert not is_valid_dnr(text.replace("/", "", 1))
