"""The rows each command shows, as plain values: one structure feeds table, JSON and CSV. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from uppdragskoll import budget, people, schedule, workdays
from uppdragskoll.model import Assignment, Deadline
from uppdragskoll.schedule import Occurrence, State

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
STATE_LABELS = {
    State.DELIVERED: "inlämnad",
    State.OVERDUE: "försenad",
    State.TODAY: "idag",
    State.SOON: "snart",
    State.UPCOMING: "kommande",
    State.CLOSED: "avslutad",
}


def fold(text: str | None) -> str:
    """Filter values compare without case and surrounding or repeated whitespace."""
    return " ".join((text or "").split()).casefold()


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class DeadlineRow:
    """One occurrence as every view shows it."""

    occurrence: Occurrence
    state: State
    days_left: int
    responsible: str | None
    agency: str | None
    non_working: str | None  # "lördag", "Midsommarafton", … when the date is not a working day
    last_working_day: date | None  # the last working day before a non-working due date
    target: date  # the planning date per `helgregel`

    @property
    def due(self) -> date:
        return self.occurrence.due

    def as_json(self) -> dict[str, Any]:
        occ = self.occurrence
        return {
            "nyckel": occ.key,
            "datum": occ.due.isoformat(),
            "veckodag": weekday(occ.due),
            "period": occ.wording,
            "dagar_kvar": self.days_left,
            "status": STATE_LABELS[self.state],
            "uppdrag": occ.assignment.id,
            "uppdragstitel": occ.assignment.title,
            "redovisning": occ.deadline.id,
            "titel": occ.deadline.label,
            "typ": occ.deadline.kind,
            "mottagare": occ.deadline.recipient,
            "ansvarig": self.responsible,
            "myndighet": self.agency,
            "inlämnad": occ.delivered.isoformat() if occ.delivered else None,
            "arbetsdag": self.non_working is None,
            "sista_arbetsdag": self.last_working_day.isoformat() if self.last_working_day else None,
            "planeringsdatum": self.target.isoformat(),
            "källtext": occ.deadline.source_text,
        }


def deadline_row(occ: Occurrence, today: date, rule: workdays.HolidayRule) -> DeadlineRow:
    who = people.responsible_of(occ)
    working = workdays.is_working_day(occ.due)
    return DeadlineRow(
        occurrence=occ,
        state=occ.state(today),
        days_left=occ.days_left(today),
        responsible=who.name if who else None,
        agency=people.agency_of(occ),
        non_working=None if working else workdays.holiday_name(occ.due),
        last_working_day=None if working else workdays.last_working_day_before(occ.due),
        target=occ.target(rule),
    )


@dataclass(frozen=True)
class Filters:
    """The selection shared by status, ansvariga, ical: all given filters must match."""

    agency: str | None = None
    person: str | None = None
    ministry: str | None = None
    tag: str | None = None
    assignment: str | None = None
    kind: str | None = None

    def assignment_ok(self, a: Assignment) -> bool:
        if self.assignment and a.id != self.assignment.strip():
            return False
        if self.ministry and fold(a.ministry) != fold(self.ministry):
            return False
        if self.tag and fold(self.tag) not in {fold(t) for t in a.tags}:
            return False
        return not self.agency or any(fold(x.name) == fold(self.agency) for x in a.agencies)

    def person_ok(self, a: Assignment, responsible: str | None) -> bool:
        """No --person, or `responsible` (an id in `a`) is that person, by id or name."""
        if not self.person:
            return True
        person = a.person(responsible)
        return person is not None and fold(self.person) in (fold(person.id), fold(person.name))

    def involves(self, a: Assignment) -> bool:
        """With --person: the person answers for one of the assignment's deliveries or
        activities (their money is theirs to watch too)."""
        responsible = [d.responsible for d in a.deadlines] + [x.responsible for x in a.activities]
        return not self.person or any(self.person_ok(a, r) for r in responsible)

    def occurrence_ok(self, occ: Occurrence) -> bool:
        if self.kind and fold(occ.deadline.kind) != fold(self.kind):
            return False
        return self.person_ok(occ.assignment, occ.deadline.responsible)

    def unknown(self, items: Sequence[Assignment]) -> tuple[str, str, list[str]] | None:
        """The first filter whose value matches nothing in the data: (flag, value, choices).

        A typo in a filter must not look like "nothing is due".
        """
        from uppdragskoll.model import DEADLINE_KINDS

        choices = {
            "--myndighet": (self.agency, sorted({x.name for a in items for x in a.agencies})),
            "--departement": (self.ministry, sorted({a.ministry for a in items if a.ministry})),
            "--tagg": (self.tag, sorted({t for a in items for t in a.tags})),
            "--person": (
                self.person,
                sorted({v for a in items for p in a.people for v in (p.id, p.name)}),
            ),
            "--typ": (self.kind, list(DEADLINE_KINDS)),
        }
        for flag, (value, known) in choices.items():
            if value is not None and fold(value) not in {fold(k) for k in known}:
                return flag, value, known
        return None

    def apply(self, items: Sequence[Assignment]) -> list[Assignment]:
        return [a for a in items if self.assignment_ok(a)]


def selected_occurrences(items: Sequence[Assignment], filters: Filters) -> list[Occurrence]:
    return [
        occ for occ in schedule.all_occurrences(filters.apply(items)) if filters.occurrence_ok(occ)
    ]


@dataclass(frozen=True)
class MilestoneRow:
    milestone: schedule.Milestone
    days_left: int | None

    def as_json(self) -> dict[str, Any]:
        act = self.milestone.activity
        return {
            "uppdrag": self.milestone.assignment.id,
            "titel": act.title,
            "period": act.period.text if act.period else None,
            "från": act.period.start.isoformat() if act.period else None,
            "till": act.period.end.isoformat() if act.period else None,
            "dagar_kvar": self.days_left,
            "ansvarig": (
                p.name if (p := self.milestone.assignment.person(act.responsible)) else None
            ),
            "klar": act.done,
        }


@dataclass(frozen=True)
class OngoingRow:
    """A redovisning without a date ("ska löpande informera"): it never becomes overdue, so
    status lists it on its own lest it be forgotten."""

    assignment: Assignment
    deadline: Deadline

    @property
    def key(self) -> str:
        return f"{self.assignment.id}/{self.deadline.id}"

    @property
    def responsible(self) -> str | None:
        person = self.assignment.person(self.deadline.responsible)
        return person.name if person else None

    def as_json(self) -> dict[str, Any]:
        return {
            "nyckel": self.key,
            "uppdrag": self.assignment.id,
            "redovisning": self.deadline.id,
            "titel": self.deadline.label,
            "typ": self.deadline.kind,
            "mottagare": self.deadline.recipient,
            "ansvarig": self.responsible,
            "källtext": self.deadline.source_text,
        }


def ongoing_rows(items: Sequence[Assignment], filters: Filters) -> tuple[OngoingRow, ...]:
    rows = []
    for a in filters.apply(items):
        if a.status != "pågående":
            continue
        for d in a.deadlines:
            if not (d.ongoing and d.due is None):
                continue
            if filters.kind and fold(d.kind) != fold(filters.kind):
                continue
            if not filters.person_ok(a, d.responsible):
                continue
            rows.append(OngoingRow(a, d))
    return tuple(rows)


@dataclass(frozen=True)
class StatusView:
    today: date
    days: int | None  # None: --alla
    rows: tuple[DeadlineRow, ...]
    money: tuple[budget.BudgetRow, ...]
    milestones: tuple[MilestoneRow, ...] = ()
    skipped_files: int = 0
    ongoing: tuple[OngoingRow, ...] = field(default=())

    def count(self, *states: State) -> int:
        return sum(1 for r in self.rows if r.state in states)

    def as_json(self) -> dict[str, Any]:
        return {
            "idag": self.today.isoformat(),
            "dagar": self.days,
            "antal": {
                "försenade": self.count(State.OVERDUE),
                "inom_14_dagar": self.count(State.TODAY, State.SOON),
                "kommande": self.count(State.UPCOMING),
            },
            "redovisningar": [r.as_json() for r in self.rows],
            "löpande": [o.as_json() for o in self.ongoing],
            "aktiviteter": [m.as_json() for m in self.milestones],
            "budget": {
                "år": self.today.year,
                "rader": [budget_json(r) for r in self.money],
            },
            "överhoppade_filer": self.skipped_files,
        }


def status_view(
    items: Sequence[Assignment],
    today: date,
    *,
    days: int | None,
    filters: Filters,
    rule: workdays.HolidayRule,
    include_delivered: bool = False,
    with_milestones: bool = False,
    skipped_files: int = 0,
) -> StatusView:
    occs = schedule.window(
        selected_occurrences(items, filters), today, days, include_delivered=include_delivered
    )
    # A withdrawn assignment is gone from the view: no deadlines, activities or money.
    chosen = [a for a in filters.apply(items) if a.status != "återkallat" and filters.involves(a)]
    milestones: list[MilestoneRow] = []
    if with_milestones:
        for a in chosen:
            for m in schedule.milestones(a):
                due = m.due
                left = (due - today).days if due else None
                if m.activity.done and not include_delivered:
                    continue
                if days is not None and left is not None and left > days:
                    continue
                milestones.append(MilestoneRow(m, left))
        milestones.sort(
            key=lambda r: (
                r.milestone.due or date.max,
                r.milestone.assignment.id,
                r.milestone.index,
            )
        )
    return StatusView(
        today=today,
        days=days,
        rows=tuple(deadline_row(o, today, rule) for o in occs),
        money=tuple(budget.left_this_year(chosen, today)),
        milestones=tuple(milestones),
        skipped_files=skipped_files,
        ongoing=ongoing_rows(items, filters),
    )


def budget_json(row: budget.BudgetRow) -> dict[str, Any]:
    return {
        "uppdrag": row.assignment.id,
        "uppdragstitel": row.assignment.title,
        "myndighet": row.agency,
        "anslag": row.appropriation,
        "år": row.years,
        "beräknat": row.planned,
        "beviljat": row.granted,
        "tak": row.ceiling,
        "preliminärt": row.preliminary,
        "utfall": row.used,
        "kvar": row.remaining,
    }


def total_json(t: budget.Total) -> dict[str, Any]:
    return {
        "etikett": t.label,
        "beräknat": t.planned,
        "beviljat": t.granted,
        "tak": t.ceiling,
        "utfall": t.used,
        "kvar": t.remaining,
    }


@dataclass(frozen=True)
class BudgetView:
    year: int | None
    rows: tuple[budget.BudgetRow, ...]
    per_year: tuple[budget.Total, ...]
    per_appropriation: tuple[budget.Total, ...]
    grand: budget.Total

    def as_json(self) -> dict[str, Any]:
        return {
            "år": self.year,
            "rader": [budget_json(r) for r in self.rows],
            "summa_per_år": [total_json(t) for t in self.per_year],
            "summa_per_anslag": [total_json(t) for t in self.per_appropriation],
            "summa": total_json(self.grand),
        }


def budget_view(items: Sequence[Assignment], year: int | None) -> BudgetView:
    rows = budget.budget_rows(items, year)
    return BudgetView(
        year,
        tuple(rows),
        tuple(budget.totals_by(rows, "years")),
        tuple(budget.totals_by(rows, "appropriation")),
        budget.total("Summa", rows),
    )


@dataclass(frozen=True)
class PeopleView:
    today: date
    days: int | None
    people: tuple[tuple[str, tuple[DeadlineRow, ...]], ...]
    agencies: tuple[tuple[str, tuple[DeadlineRow, ...]], ...]
    nobody: tuple[DeadlineRow, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "idag": self.today.isoformat(),
            "dagar": self.days,
            "personer": [
                {"namn": name, "redovisningar": [r.as_json() for r in rows]}
                for name, rows in self.people
            ],
            "myndigheter": [
                {"namn": name, "redovisningar": [r.as_json() for r in rows]}
                for name, rows in self.agencies
            ],
            "utan_ansvarig": [r.as_json() for r in self.nobody],
        }


def people_view(
    items: Sequence[Assignment],
    today: date,
    *,
    days: int | None,
    filters: Filters,
    rule: workdays.HolidayRule,
    include_delivered: bool = False,
) -> PeopleView:
    occs = schedule.window(
        selected_occurrences(items, filters), today, days, include_delivered=include_delivered
    )
    groups, nobody = people.by_person(occs)

    def rows(seq: Sequence[Occurrence]) -> tuple[DeadlineRow, ...]:
        return tuple(deadline_row(o, today, rule) for o in seq)

    return PeopleView(
        today,
        days,
        tuple((g.label, rows(g.occurrences)) for g in groups),
        tuple((g.label, rows(g.occurrences)) for g in people.by_agency(occs)),
        rows(nobody),
    )


@dataclass(frozen=True)
class AssignmentView:
    assignment: Assignment
    file: str
    today: date
    rows: tuple[DeadlineRow, ...]
    milestones: tuple[MilestoneRow, ...]
    budget: BudgetView

    def as_json(self) -> dict[str, Any]:
        a = self.assignment
        return {
            "id": a.id,
            "fil": self.file,
            "titel": a.title,
            "diarienummer": list(a.case_numbers),
            "departement": a.ministry,
            "beslutad": a.decided.isoformat() if a.decided else None,
            "status": a.status,
            "källa": a.source,
            "taggar": list(a.tags),
            "myndigheter": [
                {"namn": x.name, "huvudansvarig": x.lead, "diarienummer": x.case_number}
                for x in a.agencies
            ],
            "personer": [
                {
                    "id": p.id,
                    "namn": p.name,
                    "roll": p.role,
                    "epost": p.email,
                    "myndighet": p.agency,
                }
                for p in a.people
            ],
            "redovisningar": [r.as_json() for r in self.rows],
            "löpande": [
                {"redovisning": d.id, "titel": d.label, "typ": d.kind, "källtext": d.source_text}
                for d in a.deadlines
                if d.ongoing and d.due is None
            ],
            "ändringar": [
                {"redovisning": d.id, "tidigare_datum": c.due.text, "beslut": c.decision}
                for d in a.deadlines
                for c in d.changes
            ],
            "aktiviteter": [m.as_json() for m in self.milestones],
            "budget": self.budget.as_json(),
        }


def assignment_view(
    assignment: Assignment, file: str, today: date, rule: workdays.HolidayRule
) -> AssignmentView:
    rows = tuple(deadline_row(o, today, rule) for o in schedule.all_occurrences([assignment]))
    ms = tuple(
        MilestoneRow(m, (m.due - today).days if m.due else None)
        for m in sorted(schedule.milestones(assignment), key=lambda m: (m.due or date.max, m.index))
    )
    return AssignmentView(assignment, file, today, rows, ms, budget_view([assignment], None))
