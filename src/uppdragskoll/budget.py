"""Money per assignment × appropriation × budget year: ceiling, used, remaining. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from uppdragskoll.model import Assignment, BudgetLine


@dataclass(frozen=True)
class BudgetRow:
    assignment: Assignment
    agency: str | None
    appropriation: str | None  # "UO9 1:6 ap.16"
    years: str  # "2026", or "2026–2029" for a lump sum that is not split
    first_year: int
    last_year: int
    planned: int | None  # beräknat
    granted: int | None  # beviljat
    used: int  # utfall dated within the years

    @property
    def ceiling(self) -> int | None:
        # beräknat is conditional on the Riksdag; beviljat wins when both are set.
        return self.granted if self.granted is not None else self.planned

    @property
    def preliminary(self) -> bool:
        return self.granted is None and self.planned is not None

    @property
    def remaining(self) -> int | None:
        return None if self.ceiling is None else self.ceiling - self.used

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def sort_key(self) -> tuple[str, int, int, str, str]:
        # Years first within an assignment: a controller reads a budget chronologically.
        return (
            self.assignment.id,
            self.first_year,
            self.last_year,
            self.agency or "",
            self.appropriation or "",
        )


def year_span(key: str) -> tuple[int, int]:
    """`"2026"` → (2026, 2026); `"2026–2029"` → (2026, 2029)."""
    parts = [int(p) for p in key.replace("–", "-").split("-") if p.strip()]
    return parts[0], parts[-1]


def _line_rows(assignment: Assignment, line: BudgetLine) -> list[BudgetRow]:
    agency = line.agency or assignment.lead_agency
    appropriation = line.appropriation.key if line.appropriation else None
    rows = []
    covered: set[int] = set()
    for key, amounts in line.years.items():
        first, last = year_span(key)
        covered.update(range(first, last + 1))
        used = sum(s.amount for s in line.spending if first <= s.day.year <= last)
        label = str(first) if first == last else f"{first}–{last}"
        rows.append(
            BudgetRow(
                assignment,
                agency,
                appropriation,
                label,
                first,
                last,
                amounts.planned,
                amounts.granted,
                used,
            )
        )
    # Spending in a year with no ceiling still shows, so the numbers add up (check flags it).
    for year in sorted({s.day.year for s in line.spending} - covered):
        used = sum(s.amount for s in line.spending if s.day.year == year)
        rows.append(
            BudgetRow(assignment, agency, appropriation, str(year), year, year, None, None, used)
        )
    return rows


def budget_rows(items: Iterable[Assignment], year: int | None = None) -> list[BudgetRow]:
    """Every row, or those whose years include `year`."""
    rows = [
        row
        for a in items
        for line in a.budget
        for row in _line_rows(a, line)
        if year is None or row.covers(year)
    ]
    return sorted(rows, key=BudgetRow.sort_key)


@dataclass(frozen=True)
class Total:
    label: str
    planned: int
    granted: int
    ceiling: int
    used: int
    remaining: int
    preliminary: bool = False  # some of the ceiling is only beräknat


def total(label: str, rows: Sequence[BudgetRow]) -> Total:
    ceiling = sum(r.ceiling or 0 for r in rows)
    used = sum(r.used for r in rows)
    return Total(
        label,
        sum(r.planned or 0 for r in rows),
        sum(r.granted or 0 for r in rows),
        ceiling,
        used,
        ceiling - used,
        any(r.preliminary for r in rows),
    )


def totals_by(rows: Sequence[BudgetRow], key: str) -> list[Total]:
    """Totals per `years` label or per `appropriation`, in a stable order."""
    groups: dict[str, list[BudgetRow]] = {}
    for row in rows:
        label = row.years if key == "years" else (row.appropriation or "utan anslag")
        groups.setdefault(label, []).append(row)
    return [total(label, groups[label]) for label in sorted(groups)]


def left_this_year(items: Iterable[Assignment], today: date) -> list[BudgetRow]:
    """The rows of today's budget year (lump sums that include it too): for `status`."""
    return budget_rows(items, today.year)
