"""Tests for periods: every form in DESIGN.md "Dates", spans, errors and invariants."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.periods import (
    DEFAULT_SEASONS,
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodError,
    parse_iso_date,
    parse_period,
    period_from_bounds,
)

D = date

FORMS = [
    # exact dates
    ("2026-05-30", D(2026, 5, 30), D(2026, 5, 30)),
    ("senast 2026-05-30", D(2026, 5, 30), D(2026, 5, 30)),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29)),
    # months
    ("2027-10", D(2027, 10, 1), D(2027, 10, 31)),
    ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
    ("oktober 2027", D(2027, 10, 1), D(2027, 10, 31)),
    ("okt 2027", D(2027, 10, 1), D(2027, 10, 31)),
    ("okt. 2027", D(2027, 10, 1), D(2027, 10, 31)),
    ("sept 2026", D(2026, 9, 1), D(2026, 9, 30)),
    ("mars 2026", D(2026, 3, 1), D(2026, 3, 31)),
    ("mar 2026", D(2026, 3, 1), D(2026, 3, 31)),
    ("februari 2028", D(2028, 2, 1), D(2028, 2, 29)),
    ("i december 2026", D(2026, 12, 1), D(2026, 12, 31)),
    # quarters
    ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30)),
    ("2026Q4", D(2026, 10, 1), D(2026, 12, 31)),
    ("Q2 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("kvartal 2 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("kv 3 2026", D(2026, 7, 1), D(2026, 9, 30)),
    ("första kvartalet 2026", D(2026, 1, 1), D(2026, 3, 31)),
    ("andra kvartalet 2026", D(2026, 4, 1), D(2026, 6, 30)),
    ("tredje kvartalet 2026", D(2026, 7, 1), D(2026, 9, 30)),
    ("fjärde kvartalet 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("sista kvartalet 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("1:a kvartalet 2026", D(2026, 1, 1), D(2026, 3, 31)),
    ("3:e kvartalet 2026", D(2026, 7, 1), D(2026, 9, 30)),
    ("under andra kvartalet 2026", D(2026, 4, 1), D(2026, 6, 30)),
    # half years
    ("2026-H1", D(2026, 1, 1), D(2026, 6, 30)),
    ("H2 2026", D(2026, 7, 1), D(2026, 12, 31)),
    ("första halvåret 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("andra halvåret 2026", D(2026, 7, 1), D(2026, 12, 31)),
    ("2:a halvåret 2026", D(2026, 7, 1), D(2026, 12, 31)),
    # years
    ("2026", D(2026, 1, 1), D(2026, 12, 31)),
    ("under 2026", D(2026, 1, 1), D(2026, 12, 31)),
    ("år 2026", D(2026, 1, 1), D(2026, 12, 31)),
    ("under år 2026", D(2026, 1, 1), D(2026, 12, 31)),
    # seasons (SMHI)
    ("våren 2027", D(2027, 3, 1), D(2027, 5, 31)),
    ("vår 2027", D(2027, 3, 1), D(2027, 5, 31)),
    ("sommaren 2027", D(2027, 6, 1), D(2027, 8, 31)),
    ("sommar 2027", D(2027, 6, 1), D(2027, 8, 31)),
    ("hösten 2026", D(2026, 9, 1), D(2026, 11, 30)),
    ("höst 2026", D(2026, 9, 1), D(2026, 11, 30)),
    ("under hösten 2026", D(2026, 9, 1), D(2026, 11, 30)),
    ("vintern 2026/2027", D(2026, 12, 1), D(2027, 2, 28)),
    ("vintern 2026-2027", D(2026, 12, 1), D(2027, 2, 28)),
    ("vintern 2026–2027", D(2026, 12, 1), D(2027, 2, 28)),
    ("vintern 2026/27", D(2026, 12, 1), D(2027, 2, 28)),
    ("vintern 2027/2028", D(2027, 12, 1), D(2028, 2, 29)),
    # a bare year names the winter that ends in it
    ("vintern 2027", D(2026, 12, 1), D(2027, 2, 28)),
    ("vinter 2027", D(2026, 12, 1), D(2027, 2, 28)),
    # parts of a year
    ("början av 2027", D(2027, 1, 1), D(2027, 3, 31)),
    ("i början av 2027", D(2027, 1, 1), D(2027, 3, 31)),
    ("början 2027", D(2027, 1, 1), D(2027, 3, 31)),
    ("slutet av 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("i slutet av 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("senast i slutet av 2026", D(2026, 10, 1), D(2026, 12, 31)),
    ("mitten av 2026", D(2026, 4, 1), D(2026, 9, 30)),
    # spans
    ("kvartal 4 2027 – kvartal 2 2028", D(2027, 10, 1), D(2028, 6, 30)),
    ("kvartal 4 2027 - kvartal 2 2028", D(2027, 10, 1), D(2028, 6, 30)),
    ("kvartal 4 2027—kvartal 2 2028", D(2027, 10, 1), D(2028, 6, 30)),
    ("slutet 2026/början 2027", D(2026, 10, 1), D(2027, 3, 31)),
    ("slutet av 2026 – början av 2027", D(2026, 10, 1), D(2027, 3, 31)),
    ("kvartal 1 och 2 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("kvartal 1–2 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("kvartal 2 och kvartal 3 2026", D(2026, 4, 1), D(2026, 9, 30)),
    ("första och andra kvartalet 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("Q1–Q2 2026", D(2026, 1, 1), D(2026, 6, 30)),
    ("hösten 2026 – våren 2027", D(2026, 9, 1), D(2027, 5, 31)),
    ("från hösten 2026 till våren 2027", D(2026, 9, 1), D(2027, 5, 31)),
    ("våren och sommaren 2027", D(2027, 3, 1), D(2027, 8, 31)),
    ("2026-05-01 – 2026-06-30", D(2026, 5, 1), D(2026, 6, 30)),
    ("2026-05-01-2026-06-30", D(2026, 5, 1), D(2026, 6, 30)),
    ("mellan 2026-05-01 och 2026-06-30", D(2026, 5, 1), D(2026, 6, 30)),
    ("maj–juni 2026", D(2026, 5, 1), D(2026, 6, 30)),
    ("jan-mar 2026", D(2026, 1, 1), D(2026, 3, 31)),
    ("november 2026 – februari 2027", D(2026, 11, 1), D(2027, 2, 28)),
    ("2026/2027", D(2026, 1, 1), D(2027, 12, 31)),
    ("2026–2029", D(2026, 1, 1), D(2029, 12, 31)),
    ("2026-10 – 2027-03", D(2026, 10, 1), D(2027, 3, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), FORMS, ids=[row[0] for row in FORMS])
def test_accepted_forms(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.due) == (start, end, end)
    assert period.text == text


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("VÅREN 2027", "våren 2027"),
        ("Kvartal 2 2026", "kvartal 2 2026"),
        ("2026-q2", "2026-Q2"),
        ("h1 2026", "H1 2026"),
        ("  våren   2027 ", "våren 2027"),
        ("våren\u00a02027", "våren 2027"),
        ("kvartal\u202f2\u00a02026", "kvartal 2 2026"),
        ("våren\t2027", "våren 2027"),
        ("kvartal 4 2027 \u2013 kvartal 2 2028", "kvartal 4 2027 - kvartal 2 2028"),
        ("kvartal 4 2027\u2212kvartal 2 2028", "kvartal 4 2027 - kvartal 2 2028"),
        ("vintern 2026 / 2027", "vintern 2026/2027"),
        ("Oktober 2027", "okt 2027"),
    ],
)
def test_case_whitespace_and_dashes_do_not_matter(text: str, same_as: str) -> None:
    a, b = parse_period(text), parse_period(same_as)
    assert (a.start, a.end) == (b.start, b.end)


def test_text_keeps_wording_and_collapses_whitespace_only() -> None:
    period = parse_period("  Våren\u00a0\u00a02027 ")
    assert period.text == "Våren 2027"
    assert parse_period("Kvartal 4 2027 – kvartal 2 2028").text == "Kvartal 4 2027 – kvartal 2 2028"


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("2026-05-30", True),
        (" 2026-05-30 ", True),
        ("senast 2026-05-30", False),  # one day, but not written as a plain date
        ("2026-05-30 – 2026-05-30", False),
        ("2026-05", False),
        ("våren 2027", False),
    ],
)
def test_exact(text: str, exact: bool) -> None:
    assert parse_period(text).exact is exact


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("våren 2027", D(2027, 1, 1), D(2027, 6, 30)),
        ("vår 2027", D(2027, 1, 1), D(2027, 6, 30)),
        ("vintern 2027", D(2026, 11, 1), D(2027, 3, 31)),
        ("vintern 2026/2027", D(2026, 11, 1), D(2027, 3, 31)),
    ],
)
def test_season_override_in_either_form(text: str, start: date, end: date) -> None:
    period = parse_period(text, {"våren": (1, 6), "vinter": (11, 3)})
    assert (period.start, period.end) == (start, end)


def test_later_season_entry_wins_for_both_forms() -> None:
    # A settings file merged over the defaults may use the short form of a name.
    seasons = {**DEFAULT_SEASONS, "vinter": (11, 3)}
    for text in ("vintern 2027", "vinter 2027"):
        period = parse_period(text, seasons)
        assert (period.start, period.end) == (D(2026, 11, 1), D(2027, 3, 31))


def test_season_override_replaces_the_defaults() -> None:
    with pytest.raises(PeriodError, match="okänd period"):
        parse_period("hösten 2026", {"våren": (1, 6)})


def test_season_override_with_bad_months() -> None:
    with pytest.raises(PeriodError, match="ogiltiga månader"):
        parse_period("våren 2027", {"våren": (0, 13)})


def test_default_seasons_are_smhi_and_read_only() -> None:
    assert dict(DEFAULT_SEASONS) == {
        "våren": (3, 5),
        "sommaren": (6, 8),
        "hösten": (9, 11),
        "vintern": (12, 2),
    }
    with pytest.raises(TypeError):
        DEFAULT_SEASONS["våren"] = (1, 2)  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "2026-02-30 är inget giltigt datum (februari 2026 har 28 dagar)"),
        ("2026-04-31", "2026-04-31 är inget giltigt datum (april 2026 har 30 dagar)"),
        ("2026-13", '"2026-13": månad 13 finns inte, skriv 01–12'),
        ("2026-Q5", '"2026-Q5": kvartal 5 finns inte, skriv 1–4'),
        ("Kvartal 0 2026", '"Kvartal 0 2026": kvartal 0 finns inte, skriv 1–4'),
        ("tredje halvåret 2026", '"tredje halvåret 2026": halvår 3 finns inte, skriv 1–2'),
        ("1899", '"1899": år 1899 ligger utanför 1900–2200'),
        ("våren 2201", '"våren 2201": år 2201 ligger utanför 1900–2200'),
        ("Våren 2026/2027", '"Våren 2026/2027": våren ligger inom ett år, skriv våren 2026'),
        ("vintern 2026/2028", "vintern ska gälla två år i följd"),
        ("kvartal 2 2028 – kvartal 4 2027", "andra delen börjar eller slutar före den första"),
        ("2026 – kvartal 1 2026", "andra delen börjar eller slutar före den första"),
        ("2026-05-01 – 2026-02-30", "2026-02-30 är inget giltigt datum"),
    ],
)
def test_recognised_but_wrong(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "snart",
        "våren",  # no year
        "kvartal 2",
        "26-05-30",
        "2026-5-30",
        "20266",
        "midsommar 2026",
        "våren – 2027",
        "2026-",
        "/",
        "x" * 500,
    ],
)
def test_unknown_text_names_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    message = str(info.value)
    assert message.startswith(f'okänd period "{" ".join(text.split())}". Skriv ett datum')
    assert "våren 2027" in message and "kvartal 4 2027 – kvartal 2 2028" in message


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_empty(text: str) -> None:
    with pytest.raises(PeriodError, match="datum saknas"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-30", D(2026, 5, 30)),
        (" 2024-02-29\n", D(2024, 2, 29)),
        ("1900-01-01", D(1900, 1, 1)),
        ("2200-12-31", D(2200, 12, 31)),
    ],
)
def test_parse_iso_date(text: str, expected: date) -> None:
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "2026-02-30 är inget giltigt datum (februari 2026 har 28 dagar)"),
        ("2025-02-29", "2025-02-29 är inget giltigt datum (februari 2025 har 28 dagar)"),
        ("2026-00-10", "2026-00-10 är inget giltigt datum (månaden ska vara 01–12)"),
        ("2026-06-00", "2026-06-00 är inget giltigt datum (juni 2026 har 30 dagar)"),
        ("1899-12-31", "1899-12-31 är inget giltigt datum (året ska vara 1900–2200)"),
        ("2026-5-30", '"2026-5-30" är inget datum: skriv ÅÅÅÅ-MM-DD'),
        ("2026/05/30", '"2026/05/30" är inget datum: skriv ÅÅÅÅ-MM-DD'),
        ("våren 2027", '"våren 2027" är inget datum'),
        ("２０２６-０５-３０", "är inget datum"),  # full-width digits are not ASCII digits
    ],
)
def test_parse_iso_date_errors(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_iso_date(text)
    assert message in str(info.value)


def test_period_from_bounds() -> None:
    period = period_from_bounds(" våren  2027", D(2027, 1, 1), D(2027, 6, 30))
    assert period == Period(D(2027, 1, 1), D(2027, 6, 30), "våren 2027")
    assert period.due == D(2027, 6, 30)
    assert not period.exact


def test_period_from_bounds_rejects_reversed_bounds_and_empty_text() -> None:
    with pytest.raises(PeriodError, match="från 2027-06-30 ligger efter till 2027-01-01"):
        period_from_bounds("våren 2027", D(2027, 6, 30), D(2027, 1, 1))
    with pytest.raises(PeriodError, match="saknar text"):
        period_from_bounds(" ", D(2027, 1, 1), D(2027, 6, 30))


def test_period_error_is_a_value_error() -> None:
    assert issubclass(PeriodError, ValueError)


def test_periods_sort_by_start_then_end() -> None:
    texts = ["2027", "våren 2027", "2026-Q4", "2026-12-31"]
    assert [p.text for p in sorted(map(parse_period, texts))] == [
        "2026-Q4",
        "2026-12-31",
        "2027",
        "våren 2027",
    ]


# --- properties ---------------------------------------------------------------------------

_DATES = st.dates(D(MIN_YEAR, 1, 1), D(MAX_YEAR, 12, 31))
_WORDS = st.sampled_from(
    ["våren", "vintern", "kvartal", "Q", "H", "och", "–", "/", "-", "av", "slutet", "maj", " "]
)


@given(st.text(max_size=60) | st.lists(_WORDS | st.integers(0, 3000).map(str)).map(" ".join))
def test_any_text_gives_a_period_or_a_period_error(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError as error:
        assert str(error)
    else:
        assert period.start <= period.end
        assert period.text == " ".join(text.split())


@given(_DATES)
def test_every_iso_date_is_an_exact_one_day_period(day: date) -> None:
    period = parse_period(day.isoformat())
    assert (period.start, period.end, period.exact) == (day, day, True)
    assert parse_iso_date(day.isoformat()) == day


@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 4))
def test_quarter_spellings_agree(year: int, q: int) -> None:
    ordinal = ["första", "andra", "tredje", "fjärde"][q - 1]
    spellings = [
        f"{year}-Q{q}",
        f"Q{q} {year}",
        f"kvartal {q} {year}",
        f"{ordinal} kvartalet {year}",
    ]
    periods = {(p.start, p.end) for p in map(parse_period, spellings)}
    assert len(periods) == 1
    ((start, end),) = periods
    assert start == D(year, 3 * q - 2, 1)
    assert end + timedelta(days=1) == (D(year + 1, 1, 1) if q == 4 else D(year, 3 * q + 1, 1))


@given(_DATES, _DATES)
def test_date_spans_run_from_the_first_to_the_second(a: date, b: date) -> None:
    text = f"{a} – {b}"
    if b < a:
        with pytest.raises(PeriodError):
            parse_period(text)
    else:
        assert (parse_period(text).start, parse_period(text).end) == (a, b)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("30 maj 2026", date(2026, 5, 30)),
        ("den 1 mars 2027", date(2027, 3, 1)),
        ("1 okt. 2026", date(2026, 10, 1)),
        ("Senast den 15 oktober 2028", date(2028, 10, 15)),
        ("29 februari 2028", date(2028, 2, 29)),
    ],
)
def test_day_month_year_as_a_decision_writes_it(text: str, day: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (day, day)
    assert not period.exact  # exact means an ISO date as written


@pytest.mark.parametrize("text", ["31 april 2026", "29 februari 2027", "0 maj 2026"])
def test_impossible_day_month_year_is_an_error(text: str) -> None:
    with pytest.raises(PeriodError, match="finns inte"):
        parse_period(text)
