"""Amounts of money: parsing "29 349 tkr" into whole kronor and formatting them back. Pure."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

NBSP = "\u00a0"
MINUS = "\u2212"  # what format_kr writes; parse_amount reads it and "-"

ACCEPTED_FORMS = (
    'Skriv kronor som heltal (2000000) eller med enhet: "2 000 000 kr", "29 349 tkr", '
    '"7 mnkr", "2,5 miljoner kronor"'
)

_KR, _TKR, _MNKR, _MDKR = 1, 1_000, 1_000_000, 1_000_000_000
_UNITS: Mapping[str, int] = MappingProxyType(
    {"": _KR, "kr": _KR, "kr.": _KR, "kronor": _KR, "sek": _KR, ":-": _KR}
    | dict.fromkeys(("tkr", "tsek", "tusen", "tusen kr", "tusen kronor"), _TKR)
    | dict.fromkeys(
        (
            "mnkr",
            "mkr",
            "msek",
            "mn",
            "mn kr",
            "milj",
            "milj.",
            "milj kr",
            "milj. kr",
            "miljon",
            "miljoner",
            "miljon kr",
            "miljoner kr",
            "miljon kronor",
            "miljoner kronor",
        ),
        _MNKR,
    )
    | dict.fromkeys(
        (
            "mdkr",
            "mdr",
            "mdr kr",
            "miljard",
            "miljarder",
            "miljard kr",
            "miljarder kr",
            "miljard kronor",
            "miljarder kronor",
        ),
        _MDKR,
    )
)
_MAX_DIGITS = 30  # far beyond any budget; keeps int() away from its digit limit

_AMOUNT = re.compile(r"(?P<sign>[-\u2212]?) ?(?P<num>[0-9](?:[0-9 .,]*[0-9])?) ?(?P<unit>[^0-9]*)")
_GROUPED = re.compile(r"[0-9]{1,3}(?: [0-9]{3})*|[0-9]+")
_DOT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


class MoneyError(ValueError):
    """The value is not an amount in whole kronor; message is Swedish and says what to write."""


def parse_amount(value: object) -> int:
    """Whole kronor from an int or a Swedish amount: "2 000 000 kr", "29 349 tkr", "2,5 mnkr".

    A comma is the decimal mark, spaces (also NBSP) group digits, and the result must be whole
    kronor. A leading minus is allowed, for corrections of earlier amounts. Floats are refused:
    a YAML `2.5` has lost its unit, and binary fractions are no way to count money.
    """
    if isinstance(value, bool):
        raise MoneyError(f"{str(value).lower()} är inget belopp. {ACCEPTED_FORMS}")
    if isinstance(value, int):
        return _within_reason(value, str(value))
    if isinstance(value, float):
        raise MoneyError(_float_message(value))
    if value is None:
        raise MoneyError(f"belopp saknas. {ACCEPTED_FORMS}")
    if not isinstance(value, str):
        raise MoneyError(f"{value!r} är inget belopp. {ACCEPTED_FORMS}")
    return _parse_text(value)


def format_kr(amount: int) -> str:
    """`7 000 000 kr`, grouped with no-break spaces; negative amounts with a real minus sign."""
    return f"{group_digits(amount)}{NBSP}kr"


def format_mnkr(amount: int) -> str:
    """A short form for narrow columns: `7,0 mnkr`, `450 tkr`, `300 kr` (rounded half up)."""
    size = abs(amount)
    sign = MINUS if amount < 0 else ""
    tenths_of_millions = (size + 50_000) // 100_000
    thousands = (size + 500) // 1_000
    if thousands >= 1_000:
        whole, tenth = divmod(tenths_of_millions, 10)
        return f"{sign}{group_digits(whole)},{tenth}{NBSP}mnkr"
    if size >= 1_000:
        return f"{sign}{thousands}{NBSP}tkr"
    return format_kr(amount)


def group_digits(amount: int) -> str:
    """Swedish digit grouping with no-break spaces: `5 666`, `−1 500 000`."""
    sign = MINUS if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", NBSP)


def _float_message(value: float) -> str:
    if not math.isfinite(value):
        return f"{value} är inget belopp. {ACCEPTED_FORMS}"
    if value.is_integer() and abs(value) >= 1_000:
        # (not "i stället för 1000000.0": YAML read `1e6` or `1000000.0`; which, is unknown)
        return f"decimaltal tolkas inte som belopp: skriv heltalet {int(value)} utan decimaler"
    # repr gives the shortest text that reads back as the same float: what was typed.
    hint = format(Decimal(repr(value)), "f").replace(".", ",")
    return (
        f'decimaltal tolkas inte som belopp: skriv "{hint} mnkr" inom citattecken '
        f"i stället för {value!r}"
    )


def _parse_text(text: str) -> int:
    clean = " ".join(text.split())  # NBSP and narrow NBSP are whitespace too
    if not clean:
        raise MoneyError(f"belopp saknas. {ACCEPTED_FORMS}")
    match = _AMOUNT.fullmatch(clean.lower())
    if match is None:
        raise MoneyError(f'"{clean}" är inget belopp. {ACCEPTED_FORMS}')
    num, unit = match["num"], match["unit"].strip()
    if unit not in _UNITS:
        raise MoneyError(
            f'"{clean}": okänd enhet "{unit}". Skriv kr, tkr, mnkr, miljoner kronor eller mdkr'
        )
    if "." in num:
        if _DOT_GROUPED.fullmatch(num):
            better = num.replace(".", " ")
            raise MoneyError(f'"{clean}": punkt grupperar inte siffror, skriv "{better}"')
        better = f"{num.replace('.', ',')} {unit}".rstrip()
        raise MoneyError(f'"{clean}": decimaltecknet är komma, skriv "{better}"')
    whole, _, fraction = num.partition(",")
    if "," in fraction:
        raise MoneyError(
            f'"{clean}": komma är decimaltecken; gruppera siffror med mellanslag: "2 000 000"'
        )
    if not _GROUPED.fullmatch(whole) or " " in fraction:
        raise MoneyError(f'"{clean}": gruppera siffrorna tre och tre, som "2 000 000"')
    digits = whole.replace(" ", "") + fraction
    if len(digits) > _MAX_DIGITS:
        raise MoneyError(f'"{clean}": orimligt stort belopp')
    scaled = int(digits) * _UNITS[unit]
    per_krona: int = 10 ** len(fraction)
    kronor, ore = divmod(scaled, per_krona)
    if ore:
        raise MoneyError(f'"{clean}" är inget helt antal kronor (öre stöds inte)')
    return _within_reason(-kronor if match["sign"] else kronor, clean)


# Ten thousand billion kronor: several times the whole state budget; anything larger is a typo.
MAX_KRONOR = 10**13


def _within_reason(kronor: int, written: str) -> int:
    if abs(kronor) > MAX_KRONOR:
        raise MoneyError(f'"{written}": orimligt stort belopp (över 10 000 miljarder kronor)')
    return kronor
