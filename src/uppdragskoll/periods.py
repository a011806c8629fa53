"""Exact dates and vague periods ("våren 2027", "2026-Q2") as written in decisions. Pure."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TypeAlias

MIN_YEAR = 1900
MAX_YEAR = 2200

Seasons: TypeAlias = Mapping[str, tuple[int, int]]
"""Season name -> (first month, last month); first > last means it spans the new year."""

# SMHI's calendar seasons. Keys are the definite forms people write ("våren 2027").
DEFAULT_SEASONS: Seasons = MappingProxyType(
    {"våren": (3, 5), "sommaren": (6, 8), "hösten": (9, 11), "vintern": (12, 2)}
)

ACCEPTED_FORMS = (
    "Skriv ett datum (2026-05-30) eller en period: 2027-10, oktober 2027, 2026-Q2, "
    "kvartal 2 2026, 2026-H1, 2026, våren 2027, början av 2027, kvartal 4 2027 – kvartal 2 2028"
)

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS: Mapping[str, int] = MappingProxyType(
    {name: i for i, name in enumerate(MONTH_NAMES, 1)}
    | {abbr: i for i, abbr in enumerate(("jan", "feb", "mar", "apr"), 1)}
    | {"jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
)
_ORDINALS: Mapping[str, int] = MappingProxyType(
    {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "sista": 0}  # 0 = the last one
)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Every dash a person or a word processor might type, read as a plain hyphen.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_AROUND_SEPARATOR = re.compile(r" ?([-/]) ?")
_LEADING_FILLER = re.compile(r"(?:senast|under|i|år) ")
_SPAN_OPENER = re.compile(r"(?:från|mellan) ")
_SPAN_SEPARATOR = re.compile(r"-|/| och | till ")
_MAX_KEY_LENGTH = 100  # no real period is longer; bounds the work spent on span splits


class PeriodError(ValueError):
    """The text is not a date or a known period; message is Swedish and lists accepted forms."""


class _Reason(PeriodError):
    """Why a recognised form is wrong; parse_period prefixes the text as the user wrote it."""


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive interval of days, with the wording it was written as."""

    start: date
    end: date  # inclusive; the due date
    text: str  # as written, whitespace collapsed: "våren 2027", "2026-05-30"

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise PeriodError(f'"{self.text}": från {self.start} ligger efter till {self.end}')

    @property
    def exact(self) -> bool:
        """True for a single day written as an ISO date."""
        return self.start == self.end and _ISO_DATE.fullmatch(self.text) is not None

    @property
    def due(self) -> date:
        """The deadline: the last day of the interval."""
        return self.end


def parse_iso_date(text: str) -> date:
    """Parse a strict YYYY-MM-DD date; anything else is a PeriodError in Swedish."""
    clean = text.strip()
    if not _ISO_DATE.fullmatch(clean):
        raise PeriodError(f'"{clean}" är inget datum: skriv ÅÅÅÅ-MM-DD, till exempel 2026-05-30')
    year, month, day = int(clean[:4]), int(clean[5:7]), int(clean[8:])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"{clean} är inget giltigt datum (året ska vara {MIN_YEAR}–{MAX_YEAR})")
    if not 1 <= month <= 12:
        raise PeriodError(f"{clean} är inget giltigt datum (månaden ska vara 01–12)")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise PeriodError(
            f"{clean} är inget giltigt datum ({MONTH_NAMES[month - 1]} {year} har {days} dagar)"
        )
    return date(year, month, day)


def period_from_bounds(text: str, start: date, end: date) -> Period:
    """A period whose interval is given explicitly: `{text: våren 2027, från: …, till: …}`."""
    clean = _clean(text)
    if not clean:
        raise PeriodError("perioden saknar text: skriv till exempel text: våren 2027")
    if start > end:
        raise PeriodError(f'"{clean}": från {start} ligger efter till {end}')
    return Period(start, end, clean)


def parse_period(text: str, seasons: Seasons | None = None) -> Period:
    """Parse an ISO date or a Swedish period; the due date is the period's last day.

    `vintern 2027` is the winter that ends in 2027 (Dec 2026–Feb 2027), like `vintern
    2026/2027`. `mitten av 2026` is Q2–Q3. A span `A – B` (also `A/B`, `A och B`, `från A
    till B`) runs from A's start to B's end; B must neither start nor end before A.
    """
    clean = _clean(text)
    if not clean:
        raise PeriodError(f"datum saknas. {ACCEPTED_FORMS}")
    key = _key(clean)
    if len(key) <= _MAX_KEY_LENGTH:
        table = _season_table(DEFAULT_SEASONS if seasons is None else seasons)
        try:
            bounds = _parse_single(key, table) or _parse_span(key, table)
        except _Reason as reason:
            raise PeriodError(f'"{clean}": {reason}') from None
        if bounds is not None:
            return Period(bounds[0], bounds[1], clean)
    raise PeriodError(f'okänd period "{clean}". {ACCEPTED_FORMS}')


# --- normalising --------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Collapse every run of whitespace (NBSP and narrow NBSP included) to one space."""
    return " ".join(text.split())


def _key(clean: str) -> str:
    """The form the grammar reads: lower case, plain hyphens, no spaces around - and /."""
    return _AROUND_SEPARATOR.sub(r"\1", clean.lower().translate(_DASHES))


def _season_table(seasons: Seasons) -> dict[str, tuple[int, int]]:
    """Season names in both forms: "våren" and "vår", "vintern" and "vinter"."""
    table: dict[str, tuple[int, int]] = {}
    for name, months in seasons.items():
        if len(months) != 2 or not all(1 <= m <= 12 for m in months):
            raise PeriodError(f'årstiden "{name}" har ogiltiga månader {months}: skriv 1–12')
        word = name.strip().lower()
        table[word] = months
        if word.endswith("en"):
            table[word[:-2]] = months  # våren -> vår, sommaren -> sommar
        elif word.endswith("n"):
            table[word[:-1]] = months  # vintern -> vinter
        elif word.endswith("er"):
            table[word + "n"] = months  # vinter -> vintern
        else:
            table[word + "en"] = months  # vår -> våren
    return table


# --- single periods -----------------------------------------------------------------------

Bounds: TypeAlias = tuple[date, date]
_Table: TypeAlias = Mapping[str, tuple[int, int]]
_Handler: TypeAlias = Callable[["re.Match[str]", _Table], Bounds | None]


def _months(first_year: int, first_month: int, last_year: int, last_month: int) -> Bounds:
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(first_year, first_month, 1), date(last_year, last_month, last_day)


def _year(match: re.Match[str], group: str = "y") -> int:
    year = int(match[group])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Reason(f"år {year} ligger utanför {MIN_YEAR}–{MAX_YEAR}")
    return year


def _number(match: re.Match[str], largest: int, what: str) -> int:
    """The quarter or half-year number, from digits ("2") or an ordinal ("andra", "2:a")."""
    groups = match.groupdict()
    if groups.get("n") is not None:
        n = int(groups["n"])
    else:
        word = groups["ord"]
        n = (_ORDINALS[word] or largest) if word in _ORDINALS else int(word[0])
    if not 1 <= n <= largest:
        raise _Reason(f"{what} {n} finns inte, skriv 1–{largest}")
    return n


def _iso_date(match: re.Match[str], _: _Table) -> Bounds:
    day = parse_iso_date(match[0])
    return day, day


def _day_month_year(match: re.Match[str], _: _Table) -> Bounds | None:
    """`30 maj 2026`, `den 1 mars 2027`: one day, written as a decision writes it."""
    month = _MONTHS.get(match["word"])
    if month is None:
        return None
    year, day = _year(match), int(match["d"])
    try:
        found = date(year, month, day)
    except ValueError:
        raise _Reason(
            f"{day} {MONTH_NAMES[month - 1]} {year} finns inte "
            f"({MONTH_NAMES[month - 1]} {year} har {calendar.monthrange(year, month)[1]} dagar)"
        ) from None
    return found, found


def _iso_month(match: re.Match[str], _: _Table) -> Bounds:
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise _Reason(f"månad {match['m']} finns inte, skriv 01–12")
    year = _year(match)
    return _months(year, month, year, month)


def _quarter(match: re.Match[str], _: _Table) -> Bounds:
    year, q = _year(match), _number(match, 4, "kvartal")
    return _months(year, 3 * q - 2, year, 3 * q)


def _half(match: re.Match[str], _: _Table) -> Bounds:
    year, h = _year(match), _number(match, 2, "halvår")
    return _months(year, 6 * h - 5, year, 6 * h)


def _whole_year(match: re.Match[str], _: _Table) -> Bounds:
    year = _year(match)
    return _months(year, 1, year, 12)


_PART_OF_YEAR = MappingProxyType({"början": (1, 3), "mitten": (4, 9), "slutet": (10, 12)})


def _part_of_year(match: re.Match[str], _: _Table) -> Bounds:
    year = _year(match)
    first, last = _PART_OF_YEAR[match["part"]]
    return _months(year, first, year, last)


def _word_year(match: re.Match[str], table: _Table) -> Bounds | None:
    """`oktober 2027`, `okt. 2027`, `våren 2027`, `vintern 2027` (ends in 2027)."""
    word = match["word"]
    if word in _MONTHS:
        year, month = _year(match), _MONTHS[word]
        return _months(year, month, year, month)
    if word in table and not match["dot"]:
        year = _year(match)
        first, last = table[word]
        return _months(year - 1 if first > last else year, first, year, last)
    return None


def _season_two_years(match: re.Match[str], table: _Table) -> Bounds | None:
    """`vintern 2026/2027`, `vintern 2026-27`: a season across the new year."""
    word = match["word"]
    if word not in table:
        return None
    first, last = table[word]
    year = _year(match)
    if first <= last:
        raise _Reason(f"{word} ligger inom ett år, skriv {word} {year}")
    second = match["y2"]
    if int(second) != (year + 1 if len(second) == 4 else (year + 1) % 100):
        raise _Reason(f"{word} ska gälla två år i följd, till exempel {word} 2026/2027")
    return _months(year, first, year + 1, last)


_Y = r"(?P<y>[0-9]{4})"
_ORD = r"(?P<ord>första|andra|tredje|fjärde|sista|[0-9]:?[ae])"
_FORMS: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(pattern), handler)
    for pattern, handler in (
        (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", _iso_date),
        (rf"{_Y}-(?P<m>[0-9]{{2}})", _iso_month),
        (rf"(?:den )?(?P<d>[0-9]{{1,2}}) (?P<word>[a-zåäö]+)\.? {_Y}", _day_month_year),
        (rf"{_Y} ?-? ?q(?P<n>[0-9])", _quarter),
        (rf"q(?P<n>[0-9]) ?-? ?{_Y}", _quarter),
        (rf"(?:kvartal|kv\.?) ?(?P<n>[0-9]),? {_Y}", _quarter),
        (rf"{_ORD} kvartal(?:et)?,? {_Y}", _quarter),
        (rf"{_Y} ?-? ?h(?P<n>[0-9])", _half),
        (rf"h(?P<n>[0-9]) ?-? ?{_Y}", _half),
        (rf"halvår(?:et)? (?P<n>[0-9]),? {_Y}", _half),
        (rf"{_ORD} halvår(?:et)?,? {_Y}", _half),
        (_Y, _whole_year),
        (rf"(?P<part>början|mitten|slutet)(?: av)? {_Y}", _part_of_year),
        (rf"(?P<word>[a-zåäö]+)(?P<dot>\.?) {_Y}", _word_year),
        (rf"(?P<word>[a-zåäö]+) {_Y}[-/](?P<y2>[0-9]{{4}}|[0-9]{{2}})", _season_two_years),
    )
)


def _parse_single(key: str, table: _Table) -> Bounds | None:
    """Bounds of one period; None if no form matches; PeriodError if one matches but is wrong."""
    while match := _LEADING_FILLER.match(key):
        key = key[match.end() :]
    for pattern, handler in _FORMS:
        if (match := pattern.fullmatch(key)) is not None:
            bounds = handler(match, table)
            if bounds is not None:
                return bounds
    return None


# --- spans --------------------------------------------------------------------------------


def _parse_span(key: str, table: _Table) -> Bounds | None:
    """`A – B`, `A/B`, `A och B`, where one side may borrow a word or the year from the other.

    Borrowing makes `maj–juni 2026`, `kvartal 1 och 2 2026` and `första och andra kvartalet
    2026` work. A side that looks like a date but is wrong (`2026-02-30`) is reported if no
    other reading of the text works.
    """
    key = _SPAN_OPENER.sub("", key, count=1) if _SPAN_OPENER.match(key) else key
    first_error: PeriodError | None = None
    for sep in _SPAN_SEPARATOR.finditer(key):
        left, right = key[: sep.start()].strip(), key[sep.end() :].strip()
        if not left or not right:
            continue
        for left_text, right_text in _readings(left, right):
            try:
                a = _parse_single(left_text, table)
                b = _parse_single(right_text, table) if a is not None else None
            except PeriodError as error:
                first_error = first_error or error
                continue
            if a is None or b is None:
                continue
            if b[0] < a[0] or b[1] < a[1]:
                first_error = first_error or _Reason(
                    "andra delen börjar eller slutar före den första, skriv den tidigare först"
                )
                continue
            return a[0], b[1]
    if first_error is not None:
        raise first_error
    return None


def _readings(left: str, right: str) -> Iterator[tuple[str, str]]:
    """Both sides as written, then with words borrowed: `maj` + `2026`, `kvartal` + `2 2026`."""
    right_words, left_words = right.split(" "), left.split(" ")
    lefts = [left] + [f"{left} {' '.join(right_words[k:])}" for k in range(1, len(right_words))]
    rights = [right] + [f"{' '.join(left_words[:k])} {right}" for k in range(1, len(left_words))]
    for right_text in rights:
        for left_text in lefts:
            yield left_text, right_text
