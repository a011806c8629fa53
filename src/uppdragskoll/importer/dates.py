"""Swedish date phrases in one sentence: exact days, months, quarters, half-years, seasons,
years and "i årsredovisningen för ÅÅÅÅ". Pure; says what is written, not whether it is a
deadline (that is extract.py's call)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_NAMES = tuple(MONTHS)
_ABBREVIATED = {
    "jan": 1,
    "feb": 2,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

# The annual report of an agency is due 22 February of the following year
# (förordning (2000:605) om årsredovisning och budgetunderlag, 2 kap. 1 §).
ANNUAL_REPORT_DAY = (2, 22)
# The budget documentation for the years Y–Y+2 is due 1 March of the year before Y (same
# förordning, 9 kap. 3 §): "i budgetunderlaget för 2027–2029" -> 2026-03-01.
BUDGET_DOCUMENTATION_DAY = (3, 1)

_Y = r"(?<![\w/])(?:19|20)\d{2}(?![\d/]|:\d)"
_DASH = r"\s*(?:[-–—‒]|till\s+och\s+med|t\.\s?o\.\s?m\.|till)\s*"
_LIST = r"(?:\s*,\s*(?:för\s+)?{y})*\s*(?:,\s*)?(?:och|samt|respektive|resp\.)\s+(?:för\s+)?{y}"
_TAIL = rf"(?P<range>{_DASH}(?P<y2>{_Y}))|(?P<list>{_LIST.format(y=_Y)})"
_MONTH = r"(?P<m>" + "|".join(MONTHS) + "|" + "|".join(_ABBREVIATED) + r")\.?"
_ORD = r"(?P<ord>första|andra|tredje|fjärde|1:a|2:a|3:e|4:e|1|2|3|4)"
# "senast den första december 2026": a day of the month in words
_ORDINAL_WORDS = [
    "första",
    "andra",
    "tredje",
    "fjärde",
    "femte",
    "sjätte",
    "sjunde",
    "åttonde",
    "nionde",
    "tionde",
    "elfte",
    "tolfte",
    "trettonde",
    "fjortonde",
    "femtonde",
    "sextonde",
    "sjuttonde",
    "artonde",
    "nittonde",
    "tjugonde",
]
_ORDINAL_DAYS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)}
_ORDINAL_DAYS |= {f"tjugo{w}": 20 + n for n, w in enumerate(_ORDINAL_WORDS[:9], 1)}
_ORDINAL_DAYS |= {"trettionde": 30, "trettioförsta": 31}
_DAY_WORD = "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True))

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"(?<![\d-])(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})(?![\d-])"),
        # "1/10 2026", "den 1/10 2026", "1/10-2026": day/month, then the year
        (
            "numeric",
            r"(?<![\d/.,-])(?:\bden\s+)?(?P<d>[0-3]?\d)/(?P<mo>[01]?\d)(?:\s+|\s*-\s*)"
            r"(?P<y>(?:19|20)\d{2})(?![\d/-])",
        ),
        # "1.10.2026", "den 01.10.2026" (Finnish and German habit, and some templates)
        (
            "numeric",
            r"(?<![\d/.,-])(?:\bden\s+)?(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:19|20)\d{2})"
            r"(?![\d/.-]\d|\d)",
        ),
        (
            "day",
            rf"(?<![\d,])(?:\bden\s+)?(?:(?P<d>[0-3]?\d)(?::[ae]|e)?|(?<=den\s)(?P<dw>{_DAY_WORD}))"
            rf"\s+{_MONTH}(?![\wåäö])"
            rf"(?:,?\s+(?:år\s+)?(?P<y>{_Y})(?:{_TAIL})?)?",
        ),
        (
            "annual",
            r"(?:i\s+samband\s+med\s+|i\s+|genom\s+|via\s+)?(?:[\wåäö]+s\s+|sin\s+|sina\s+)?"
            # (the resultatredovisning is the part of the årsredovisning on performance)
            rf"(?:års|resultat)redovisning(?:arna|ar|en)?(?:\s+för\s+(?:(?:budget|räkenskaps)?år(?:et|en)?\s+)?"
            rf"(?P<y>{_Y})(?:{_TAIL})?)?",
        ),
        # "i 2026 års budgetunderlag": the one handed in that year
        ("budget_of", rf"(?:i\s+)?(?P<y>{_Y})\s+års\s+budgetunderlag"),
        (
            "budget",
            r"(?:i\s+samband\s+med\s+|i\s+|genom\s+|via\s+)?(?:[\wåäö]+s\s+|sitt\s+|sina\s+)?"
            rf"budgetunderlag(?:en|et)?\s+för\s+(?:(?:budget)?år(?:et|en)?\s+)?(?P<y>{_Y})"
            rf"(?:{_TAIL})?",
        ),
        ("quarter", rf"(?:{_ORD}\s+kvartalet|kvartal\s+(?P<n>[1-4]))\s+(?:år\s+)?(?P<y>{_Y})"),
        ("half", rf"(?P<ord>första|andra|1:a|2:a)\s+halvåret\s+(?:år\s+)?(?P<y>{_Y})"),
        ("season", rf"(?P<s>våren|sommaren|hösten)\s+(?:år\s+)?(?P<y>{_Y})"),
        ("winter", r"vintern\s+(?P<y>(?:19|20)\d{2})\s*/\s*(?P<y2>(?:19|20)\d{2})"),
        ("part", rf"(?P<part>början|slutet)\s+av\s+(?:år(?:et)?\s+)?(?P<y>{_Y})"),
        # "årligen i april från och med 2023", "varje år i mars med början 2026"
        (
            "month_yearly",
            rf"\b(?:årligen|varje\s+år)\s+(?:senast\s+)?(?:i|under|före\s+utgången\s+av)\s+"
            rf"{_MONTH}\s+(?:månad\s+)?(?:,\s*)?(?:från\s+och\s+med|fr\.\s?o\.\s?m\.|med\s+"
            rf"(?:början|start))\s+(?:år\s+)?(?P<y>{_Y})",
        ),
        (
            "month",
            rf"(?<!\d )(?<![\d.])\b{_MONTH}\s+(?:månad\s+)?(?:år\s+)?(?P<y>{_Y})(?:{_TAIL})?",
        ),
        # "årligen, senast vid utgången av mars månad", "före september månads utgång": a
        # month in a year the sentence does not write
        (
            "month_noyear",
            r"(?:(?:vid|före)\s+utgången\s+av\s+|före\s+(?=[a-zåäö]+\s+månads\s+utgång))"
            rf"{_MONTH}(?:\s+månads\s+utgång|\s+månad)?(?![\wåäö])"
            r"(?!\s*(?:,\s*)?(?:år\s+)?(?:19|20)\d{2})",
        ),
        # "från och med 2017 och därefter årligen till och med 2020": whole years
        (
            "year_series",
            rf"från\s+och\s+med\s+(?:år\s+)?(?P<y>{_Y})\s*,?\s+(?:och\s+)?därefter\s+"
            r"(?:årligen|varje\s+år)\s+(?:till\s+och\s+med|t\.\s?o\.\s?m\.|fram\s+till"
            rf"(?:\s+och\s+med)?)\s+(?:år\s+)?(?P<y2>{_Y})",
        ),
        (
            "year",
            r"(?P<pre>senast\s+(?:under\s+|vid\s+utgången\s+av\s+|i\s+slutet\s+av\s+)?|"
            r"före\s+utgången\s+av\s+|vid\s+utgången\s+av\s+|före\s+|under\s+)"
            rf"(?:år(?:et)?\s+)?(?P<y>{_Y})(?![–-]\s*\d)",
        ),
        # "Uppdraget ska slutredovisas 2020.": the year right after the verb
        (
            "year",
            rf"(?:(?<=redovisas\s)|(?<=rapporteras\s))(?P<pre>)(?P<y>{_Y})"
            r"(?=\s*[.;,]|\s+(?:och|samt|till)\s)",
        ),
    )
)

_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
# Words (or digits) a sentence must contain for a kind of date phrase to be worth searching
_DIGITS = tuple("0123456789")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": _DIGITS,
    "numeric": _DIGITS,
    "day": _DIGITS,
    "annual": ("årsredovisning", "resultatredovisning"),
    "budget_of": ("budgetunderlag",),
    "budget": ("budgetunderlag",),
    "quarter": ("kvartal",),
    "half": ("halvår",),
    "season": ("våren", "sommaren", "hösten"),
    "winter": ("vintern",),
    "part": ("början", "slutet"),
    "month": _DIGITS,
    "month_yearly": ("årligen", "varje år"),
    "month_noyear": ("utgång",),
    "year": _DIGITS,
    "year_series": ("därefter",),
}


@dataclass(frozen=True)
class DateHit:
    """A date phrase. `values` holds one ISO date or period text per occurrence."""

    kind: str  # iso | numeric ("1/10 2026") | day | annual | budget | quarter | half | season |
    # winter | part | month | year | invalid (a day that does not exist: "den 31 april 2026";
    # `values` is empty)
    start: int
    end: int
    values: tuple[str, ...]
    year_range: bool = False  # "2026–2028": a recurring series rather than separate dates
    day_month: tuple[int, int] | None = None  # set when the year is missing ("den 1 mars")
    prefix: str = ""  # for "year": the governing words ("senast", "under", ...)
    written: str = ""  # for "invalid": the date as the decision writes it
    repeats: str | None = None  # a series "första gången … sista gången …": its recurrence
    clamped: str | None = None  # for "invalid" "31 november 2025": the month's last day
    listed: bool = False  # a series read from listed dates alone, no "årligen" in the sentence

    @property
    def text_value(self) -> str:
        return ", ".join(self.values)


def _years(m: re.Match[str]) -> tuple[list[int], bool]:
    first = int(m.group("y"))
    groups = m.groupdict()
    if groups.get("range") and groups.get("y2"):
        last = int(groups["y2"])
        if first <= last <= first + 15:
            return list(range(first, last + 1)), True
        return [first], False
    if groups.get("list"):
        more = [int(y) for y in re.findall(r"\d{4}", groups["list"])]
        return [first, *more], False
    return [first], False


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or _ABBREVIATED.get(key, 0)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _hit(kind: str, m: re.Match[str]) -> DateHit | None:
    start, end = m.span()
    g = m.groupdict()
    if kind == "iso":
        iso = g["iso"]
        y, mo, d = int(iso[:4]), int(iso[5:7]), int(iso[8:])
        value = _iso(y, mo, d)
        return DateHit(kind, start, end, (value,)) if value else _invalid(m, y, mo, d)
    if kind == "numeric":
        y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
        value = _iso(y, mo, d)
        return DateHit(kind, start, end, (value,)) if value else _invalid(m, y, mo, d)
    if kind == "day":
        month = _month_number(g["m"])
        day = int(g["d"]) if g["d"] else _ORDINAL_DAYS[g["dw"].lower()]
        if not month:
            return None
        if g.get("y") is None:
            if _iso(2024, month, day) is None:  # a leap year accepts 29 February
                return _invalid(m)
            return DateHit(kind, start, end, (), day_month=(month, day))
        years, is_range = _years(m)
        values = tuple(v for y in years if (v := _iso(y, month, day)))
        if values:
            return DateHit(kind, start, end, values, is_range)
        return _invalid(m, years[0], month, day) if len(years) == 1 else _invalid(m)
    if kind == "annual":
        if g.get("y") is None:
            return DateHit(kind, start, end, (), day_month=ANNUAL_REPORT_DAY)
        years, is_range = _years(m)
        values = tuple(f"{y + 1}-02-22" for y in years)
        return DateHit(kind, start, end, values, is_range)
    if kind == "budget_of":
        month, day = BUDGET_DOCUMENTATION_DAY
        return DateHit("budget", start, end, (f"{int(g['y']):04d}-{month:02d}-{day:02d}",))
    if kind == "budget":
        # one document for the whole span "2027–2029"; a list names one document per year
        years, is_range = _years(m)
        month, day = BUDGET_DOCUMENTATION_DAY
        firsts = years[:1] if is_range else years
        return DateHit(kind, start, end, tuple(f"{y - 1}-{month:02d}-{day:02d}" for y in firsts))
    if kind == "year_series":
        first, last = int(g["y"]), int(g["y2"])
        if not first < last <= first + 15:
            return None
        return DateHit("year", start, end, (str(first), str(last)), True, repeats="årligen")
    if kind == "month_noyear":
        return DateHit("month", start, end, (), day_month=(_month_number(g["m"]), 0))
    year = int(g["y"])
    if kind == "quarter":
        n = int(g["n"]) if g.get("n") else _ordinal(g["ord"])
        return DateHit(kind, start, end, (f"{year}-Q{n}",))
    if kind == "half":
        return DateHit(kind, start, end, (f"{year}-H{_ordinal(g['ord'])}",))
    if kind == "season":
        return DateHit(kind, start, end, (f"{g['s'].lower()} {year}",))
    if kind == "winter":
        return DateHit(kind, start, end, (f"vintern {year}/{g['y2']}",))
    if kind == "part":
        return DateHit(kind, start, end, (f"{g['part'].lower()} av {year}",))
    if kind == "month_yearly":
        name = MONTH_NAMES[_month_number(g["m"]) - 1]
        return DateHit("month", start, end, (f"{name} {year}",), repeats="årligen")
    if kind == "month":
        month = _month_number(g["m"])
        years, is_range = _years(m)
        name = MONTH_NAMES[month - 1]
        return DateHit(kind, start, end, tuple(f"{name} {y}" for y in years), is_range)
    if kind == "year":
        prefix = " ".join(g["pre"].lower().split())
        return DateHit(kind, start, end, (str(year),), prefix=prefix)
    return None


def _invalid(m: re.Match[str], year: int = 0, month: int = 0, day: int = 0) -> DateHit:
    """ "den 31 april 2026", "2026-02-30": written as a date but not in the calendar. A day
    just past the month's end means its last day; `clamped` holds it."""
    written = re.sub(r"^den\s+", "", " ".join(m.group().split()), flags=re.I)
    clamped = None
    if 1900 <= year <= 2100 and 1 <= month <= 12 and 28 < day <= 31:
        clamped = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()
    return DateHit("invalid", m.start(), m.end(), (), written=written, clamped=clamped)


def _ordinal(text: str) -> int:
    text = text.lower()
    return _ORDINALS.get(text) or int(text[0])


def find_dates(sentence: str) -> list[DateHit]:
    """All date phrases in the sentence, left to right, without overlaps."""
    return list(_find_dates(sentence))


@lru_cache(maxsize=256)
def _find_dates(sentence: str) -> tuple[DateHit, ...]:
    """Cached: a sentence is asked for its dates by the deadline, money and fact readers."""
    taken: list[tuple[int, int]] = []
    hits: list[DateHit] = []
    lower = sentence.lower()
    for kind, pattern in _PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and not any(word in lower for word in needs):
            continue  # a cheap test first: long texts have many sentences without dates
        for m in pattern.finditer(sentence):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            hit = _hit(kind, m)
            if hit is None:
                continue
            taken.append((m.start(), m.end()))
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return tuple(_borrow_years(sentence, hits))


_LIST_GLUE = re.compile(r"\s*(?:,|och|samt|respektive|resp\.|eller)\s*(?:senast\s+)?", re.I)


def _borrow_years(sentence: str, hits: list[DateHit]) -> list[DateHit]:
    """ "den 1 mars och den 1 september 2026": the first date takes the year of the second."""
    out = list(hits)
    for i in range(len(out) - 2, -1, -1):
        hit, nxt = out[i], out[i + 1]
        if hit.kind != "day" or hit.values or hit.day_month is None:
            continue
        if nxt.kind != "day" or len(nxt.values) != 1:
            continue
        if not _LIST_GLUE.fullmatch(sentence[hit.end : nxt.start]):
            continue
        year = int(nxt.values[0][:4])
        value = _iso(year, hit.day_month[0], hit.day_month[1])
        if value:
            out[i] = DateHit(hit.kind, hit.start, hit.end, (value,))
    return out


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_iso_day(value: str) -> bool:
    """Whether a due value is one exact day ("2026-05-30") rather than a period text."""
    return _ISO_DAY.fullmatch(value) is not None


def on_day(year: int, month: int, day: int) -> str:
    """A day written without its year ("den 28 februari") in `year`, 29 February as 28 in
    other years than leap years; day 0 is the whole month ("vid utgången av mars")."""
    if day == 0:
        return f"{MONTH_NAMES[month - 1]} {year}"
    return _iso(year, month, day) or f"{year:04d}-{month:02d}-28"


def with_year(value: str, year: int) -> str:
    """The same day or month in another year: "2026-02-28" or "april 2026" moved to `year`."""
    if is_iso_day(value):
        return f"{year:04d}{value[4:]}"
    return re.sub(r"\d{4}$", f"{year:04d}", value)


def last_year_before(value: str, final: str) -> int:
    """The last year in which `value`'s day or month falls wholly before the date `final`."""
    year = int(final[:4])
    return year - 1 if due_sort_key(with_year(value, year)) >= final else year


def due_sort_key(value: str) -> str:
    """A rough ISO-comparable key for an ISO date or a period text (its last day)."""
    if is_iso_day(value):
        return value
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return f"{m.group(1)}-{int(m.group(2)) * 3:02d}-31"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        return f"{m.group(1)}-{'06' if m.group(2) == '1' else '12'}-31"
    m = re.fullmatch(r"([a-zåäö]+) (\d{4})", value)
    if m and m.group(1) in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-31"
    seasons = {
        "våren": "05",
        "sommaren": "08",
        "hösten": "11",
        "början av": "03",
        "slutet av": "12",
    }
    for word, month in seasons.items():
        if value.startswith(word):
            return f"{value[-4:]}-{month}-31"
    m = re.search(r"(\d{4})$", value)
    return f"{m.group(1)}-12-31" if m else "9999-12-31"


def later(day: date, n: int, unit: str) -> date:
    """`n` days, weeks or months after `day` ("tre månader efter beslutet"); a month that
    overshoots a short month ends on its last day (31 januari + 1 månad = 28 februari)."""
    unit = unit.lower()
    if unit.startswith("dag"):
        return day + relativedelta(days=n)
    if unit.startswith("veck"):
        return day + relativedelta(weeks=n)
    return day + relativedelta(months=n)
