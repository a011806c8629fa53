"""Budget rows: ceilings, preliminary amounts, lump sums, and totals that add up."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll import budget, views
from uppdragskoll.model import Assignment


def with_budget(*lines: dict[str, object], ident: str = "a") -> Assignment:
    return Assignment.model_validate(
        {
            "id": ident,
            "titel": ident.upper(),
            "myndigheter": [{"namn": "Socialstyrelsen"}],
            "budget": list(lines),
        }
    )


def test_ceiling_prefers_granted_and_marks_planned_preliminary() -> None:
    a = with_budget(
        {
            "anslag": {"utgiftsområde": 9, "anslag": "1:6", "anslagspost": 16},
            "år": {
                2026: {"beräknat": "7 mnkr", "beviljat": "6 mnkr"},
                2027: {"beräknat": "7 mnkr"},
            },
            "utfall": [{"datum": "2026-06-30", "belopp": "2 400 000 kr"}],
        }
    )
    rows = budget.budget_rows([a])
    assert [(r.years, r.ceiling, r.preliminary, r.used, r.remaining) for r in rows] == [
        ("2026", 6_000_000, False, 2_400_000, 3_600_000),
        ("2027", 7_000_000, True, 0, 7_000_000),
    ]
    assert rows[0].appropriation == "UO9 1:6 ap.16"
    assert rows[0].agency == "Socialstyrelsen"  # the lead agency when the line names none


def test_lump_sum_is_one_row_and_counts_spending_in_every_year() -> None:
    a = with_budget(
        {
            "år": {"2026–2029": {"beviljat": "48 mnkr"}},
            "utfall": [
                {"datum": "2026-12-31", "belopp": "10 mnkr"},
                {"datum": "2029-01-31", "belopp": "8 mnkr"},
            ],
        }
    )
    [row] = budget.budget_rows([a])
    assert (row.years, row.ceiling, row.used, row.remaining) == (
        "2026–2029",
        48_000_000,
        18_000_000,
        30_000_000,
    )
    assert budget.left_this_year([a], date(2027, 5, 1)) == [row]
    assert budget.left_this_year([a], date(2030, 5, 1)) == []


def test_spending_without_a_ceiling_still_shows() -> None:
    a = with_budget(
        {
            "år": {2026: {"beviljat": "1 mnkr"}},
            "utfall": [{"datum": "2027-02-01", "belopp": "5 000 kr"}],
        }
    )
    rows = budget.budget_rows([a])
    assert [(r.years, r.ceiling, r.used) for r in rows] == [
        ("2026", 1_000_000, 0),
        ("2027", None, 5_000),
    ]


amounts = st.integers(min_value=0, max_value=50_000_000)


@given(st.lists(st.tuples(st.integers(2025, 2028), amounts, amounts), min_size=1, max_size=6))
def test_totals_equal_the_sum_of_rows(years: list[tuple[int, int, int]]) -> None:
    items = [
        with_budget(
            {
                "år": {year: {"beviljat": granted}},
                "utfall": [{"datum": f"{year}-06-30", "belopp": used}],
            },
            ident=f"u{i}",
        )
        for i, (year, granted, used) in enumerate(years)
    ]
    view = views.budget_view(items, None)
    for totals in (view.per_year, view.per_appropriation):
        assert sum(t.ceiling for t in totals) == view.grand.ceiling
        assert sum(t.used for t in totals) == view.grand.used
    assert view.grand.ceiling == sum(g for _, g, _ in years)
    assert view.grand.used == sum(u for _, _, u in years)
    assert view.grand.remaining == view.grand.ceiling - view.grand.used
    for row in view.rows:
        assert row.remaining == (row.ceiling or 0) - row.used
