"""Terminal tables with rich: status, budget, ansvariga, visa. Width and colour come from cli."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from uppdragskoll import views
from uppdragskoll.budget import BudgetRow, Total
from uppdragskoll.money import format_kr, format_mnkr
from uppdragskoll.render import Terminal
from uppdragskoll.schedule import Occurrence, State

WIDE = 150  # every column on one line per occurrence
MEDIUM = 100  # below this, tables fold into a few tall columns
MONEY_WIDE = 100

STATE_STYLE = {
    State.OVERDUE: "bold red",
    State.TODAY: "bold yellow",
    State.SOON: "yellow",
    State.UPCOMING: "",
    State.DELIVERED: "dim",
    State.CLOSED: "dim",
}


def _console(term: Terminal) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=term.width,
        color_system="standard" if term.color else None,
        force_terminal=term.color,
        no_color=not term.color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    return console, buffer


def _render(term: Terminal, draw: Callable[[Console], None]) -> str:
    console, buffer = _console(term)
    draw(console)
    # Trailing spaces from padded cells make golden files and diffs noisy.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _days(row: views.DeadlineRow) -> str:
    if row.state is State.DELIVERED:
        return "klar"
    if row.days_left == 0:
        return "idag"
    return str(row.days_left)


def _note(row: views.DeadlineRow) -> str:
    parts = []
    occ = row.occurrence
    if occ.wording:
        parts.append(occ.wording)
    if occ.delivered:
        parts.append(f"inlämnad {occ.delivered.isoformat()}")
    elif row.last_working_day is not None:
        holiday = row.non_working or ""
        named = "" if holiday.lower() == views.weekday(occ.due) else f"{holiday}, "
        parts.append(f"{named}sista arbetsdag {row.last_working_day.isoformat()}")
    if occ.deadline.changes:
        parts.append(f"flyttad {len(occ.deadline.changes)} gång(er)")
    return "; ".join(parts)


def _money(amount: int | None, width: int) -> str:
    if amount is None:
        return "–"
    return format_kr(amount) if width >= MONEY_WIDE else format_mnkr(amount)


def _header(view: views.StatusView) -> Text:
    when = f"{view.today.isoformat()} ({views.weekday(view.today)})"
    scope = "alla datum" if view.days is None else f"närmaste {view.days} dagarna"
    text = Text(f"Status {when}, {scope}: ")
    overdue = view.count(State.OVERDUE)
    soon = view.count(State.TODAY, State.SOON)
    later = view.count(State.UPCOMING)
    text.append(
        f"{overdue} försenad{'' if overdue == 1 else 'e'}", style="bold red" if overdue else ""
    )
    text.append(" · ")
    text.append(f"{soon} inom 14 dagar", style="yellow" if soon else "")
    text.append(f" · {later} kommande")
    return text


def _fixed(table: Table, heading: str, *, right: bool = False) -> None:
    table.add_column(
        heading, no_wrap=True, justify="right" if right else "left", min_width=len(heading)
    )


def deadline_table(
    rows: Sequence[views.DeadlineRow],
    width: int,
    *,
    show_assignment: bool = True,
    show_person: bool = True,
) -> Table:
    """Wide: one line per occurrence and every column. Medium: ids joined, recipient under the
    type. Narrow: date, days and who, with the rest stacked in one column.

    Ids rather than titles: they are short, readable and what `uppdrag klar` takes.
    """
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    _fixed(table, "Datum")
    if width >= MEDIUM:
        _fixed(table, "Veckodag")
    _fixed(table, "Kvar", right=True)

    def what(occ: Occurrence) -> str:
        # `uppdrag/redovisning`, as `uppdrag klar` takes it; the date is in its own column.
        return f"{occ.assignment.id}/{occ.deadline.id}" if show_assignment else occ.deadline.id

    if width >= WIDE:
        if show_assignment:
            table.add_column("Uppdrag", overflow="fold", ratio=2)
        table.add_column("Redovisning", overflow="fold", ratio=2)
        table.add_column("Typ", overflow="fold", ratio=1)
        table.add_column("Mottagare", overflow="fold", ratio=2)
        if show_person:
            table.add_column("Ansvarig", overflow="fold", ratio=1)
        table.add_column("Obs", overflow="fold", ratio=2)
        for row in rows:
            occ = row.occurrence
            deadline = occ.deadline.id + (f" {occ.due.year}" if occ.recurring else "")
            table.add_row(
                occ.due.isoformat(),
                views.weekday(occ.due),
                _days(row),
                *([occ.assignment.id] if show_assignment else []),
                deadline,
                occ.deadline.kind,
                occ.deadline.recipient or "–",
                *([row.responsible or "–"] if show_person else []),
                _note(row),
                style=STATE_STYLE[row.state],
            )
        return table
    medium = width >= MEDIUM
    # Only the description column stretches; names and notes keep their natural width.
    table.add_column("Redovisning", ratio=1, overflow="fold")
    if show_person:
        table.add_column("Ansvarig", overflow="fold", max_width=24 if medium else 12)
    for row in rows:
        occ = row.occurrence
        detail = occ.deadline.kind + (
            f" till {occ.deadline.recipient}" if occ.deadline.recipient else ""
        )
        note = _note(row)
        lines = [what(occ), detail] + ([note] if note else [])
        table.add_row(
            *(
                [occ.due.isoformat(), views.weekday(occ.due)]
                if medium
                else [f"{occ.due.isoformat()}\n{views.weekday(occ.due)}"]
            ),
            _days(row),
            "\n".join(lines),
            *([row.responsible or "–"] if show_person else []),
            style=STATE_STYLE[row.state],
        )
    return table


def money_table(rows: Sequence[BudgetRow], width: int, *, totals: Sequence[Total] = ()) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    wide = width >= WIDE
    table.add_column("Uppdrag", ratio=3, overflow="fold")
    if wide:
        table.add_column("Myndighet", ratio=2, overflow="fold")
    if width >= MEDIUM:
        table.add_column("Anslag", ratio=1, overflow="fold")
    _fixed(table, "År")
    for heading in ("Beräknat", "Beviljat") if wide else ("Tak",):
        _fixed(table, heading, right=True)
    _fixed(table, "Utfall", right=True)
    _fixed(table, "Kvar", right=True)

    def amounts(
        planned: int | None, granted: int | None, ceiling: int | None, prelim: bool
    ) -> list[str]:
        if wide:
            return [_money(planned, width), _money(granted, width)]
        return [_money(ceiling, width) + (" *" if prelim else "")]

    for row in rows:
        remaining = _money(row.remaining, width) + (" *" if row.preliminary else "")
        table.add_row(
            row.assignment.title if wide else row.assignment.id,
            *([row.agency or "–"] if wide else []),
            *([row.appropriation or "–"] if width >= MEDIUM else []),
            row.years,
            *amounts(row.planned, row.granted, row.ceiling, row.preliminary),
            _money(row.used, width),
            remaining,
            style="red" if row.remaining is not None and row.remaining < 0 else "",
        )
    for t in totals:
        table.add_row(
            t.label,
            *([""] if wide else []),
            *([""] if width >= MEDIUM else []),
            "",
            *amounts(t.planned, t.granted, t.ceiling, False),
            _money(t.used, width),
            _money(t.remaining, width),
            style="bold",
        )
    return table


PRELIMINARY_NOTE = "* beräknat belopp: preliminärt tills pengarna är beviljade."


def render_status(view: views.StatusView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        console.print(_header(view))
        if view.skipped_files:
            console.print(
                Text(
                    f"{view.skipped_files} fil(er) med fel visas inte; kör `uppdrag check`.",
                    style="bold red",
                )
            )
        console.print()
        if view.rows:
            console.print(deadline_table(view.rows, term.width))
        else:
            scope = "" if view.days is None else f" de närmaste {view.days} dagarna"
            console.print(f"Inget att redovisa{scope}, och inget är försenat. Skönt!")
        if view.milestones:
            console.print()
            console.print(Text("Aktiviteter", style="bold"))
            console.print(milestone_table(view.milestones, term.width))
        console.print()
        year = view.today.year
        if view.money:
            console.print(Text(f"Pengar kvar {year}", style="bold"))
            console.print(money_table(view.money, term.width))
            if any(r.preliminary for r in view.money):
                console.print(PRELIMINARY_NOTE, style="dim")
        else:
            console.print(f"Ingen budget registrerad för {year}.")

    return _render(term, draw)


def milestone_table(
    rows: Sequence[views.MilestoneRow], width: int, *, show_assignment: bool = True
) -> Table:
    medium = width >= MEDIUM
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=medium)
    if medium:
        table.add_column("Period", ratio=1, overflow="fold")
    _fixed(table, "Senast")
    table.add_column("Aktivitet", ratio=3, overflow="fold")
    table.add_column("Ansvarig", ratio=1, overflow="fold")
    _fixed(table, "Klar")
    for row in rows:
        act = row.milestone.activity
        person = row.milestone.assignment.person(act.responsible)
        overdue = not act.done and row.days_left is not None and row.days_left < 0
        period = act.period.text if act.period else "–"
        end = act.period.end.isoformat() if act.period else "–"
        title = act.title
        if show_assignment:
            title += f"\n{row.milestone.assignment.id}"
        if not medium and act.period and not act.period.exact:
            title += f"\n({period})"
        table.add_row(
            *([period] if medium else []),
            end,
            title,
            person.name if person else "–",
            "ja" if act.done else "nej",
            style="dim" if act.done else ("red" if overdue else ""),
        )
    return table


def render_budget(view: views.BudgetView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        title = "Budget" + (f" {view.year}" if view.year else ", alla år")
        console.print(Text(title, style="bold"))
        if not view.rows:
            console.print("Ingen budget registrerad" + (f" för {view.year}." if view.year else "."))
            return
        console.print(money_table(view.rows, term.width))
        console.print()
        console.print(Text("Summa per år", style="bold"))
        console.print(totals_table(view.per_year, term.width))
        console.print()
        console.print(Text("Summa per anslag", style="bold"))
        console.print(totals_table((*view.per_appropriation, view.grand), term.width))
        if any(r.preliminary for r in view.rows):
            console.print(PRELIMINARY_NOTE, style="dim")

    return _render(term, draw)


def totals_table(totals: Sequence[Total], width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", ratio=1, overflow="fold")
    if width >= WIDE:
        table.add_column("Beräknat", justify="right", no_wrap=True)
        table.add_column("Beviljat", justify="right", no_wrap=True)
    table.add_column("Tak", justify="right", no_wrap=True)
    table.add_column("Utfall", justify="right", no_wrap=True)
    table.add_column("Kvar", justify="right", no_wrap=True)
    for t in totals:
        extra = [_money(t.planned, width), _money(t.granted, width)] if width >= WIDE else []
        table.add_row(
            t.label,
            *extra,
            _money(t.ceiling, width),
            _money(t.used, width),
            _money(t.remaining, width),
            style="red" if t.remaining < 0 else "",
        )
    return table


def render_people(view: views.PeopleView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        scope = "alla datum" if view.days is None else f"närmaste {view.days} dagarna"
        console.print(Text(f"Ansvariga {view.today.isoformat()}, {scope}", style="bold"))
        if not (view.people or view.nobody):
            console.print("Inga redovisningar i urvalet.")
        for name, rows in view.people:
            console.print()
            console.print(Text(name, style="bold"))
            console.print(deadline_table(rows, term.width, show_person=False))
        if view.nobody:
            console.print()
            console.print(Text(f"Utan ansvarig ({len(view.nobody)})", style="bold red"))
            console.print(deadline_table(view.nobody, term.width, show_person=False))
        if view.agencies:
            console.print()
            console.print(Text("Per myndighet", style="bold"))
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            table.add_column("Myndighet", ratio=2, overflow="fold")
            table.add_column("Redovisningar", justify="right", no_wrap=True)
            table.add_column("Försenade", justify="right", no_wrap=True)
            table.add_column("Närmast", no_wrap=True)
            for name, rows in view.agencies:
                overdue = sum(1 for r in rows if r.state is State.OVERDUE)
                nxt = min((r.due for r in rows if r.state is not State.DELIVERED), default=None)
                table.add_row(
                    name,
                    str(len(rows)),
                    str(overdue),
                    nxt.isoformat() if nxt else "–",
                    style="red" if overdue else "",
                )
            console.print(table)

    return _render(term, draw)


def _field(table: Table, label: str, value: str | None) -> None:
    if value:
        table.add_row(Text(label, style="bold"), value)


def render_assignment(view: views.AssignmentView, term: Terminal) -> str:
    a = view.assignment

    def draw(console: Console) -> None:
        console.print(Text(a.title, style="bold"))
        facts = Table.grid(padding=(0, 2))
        facts.add_column(no_wrap=True)
        facts.add_column(overflow="fold")
        _field(facts, "Id", a.id)
        _field(facts, "Fil", view.file)
        _field(facts, "Diarienummer", ", ".join(a.case_numbers))
        _field(facts, "Departement", a.ministry)
        _field(facts, "Beslutad", a.decided.isoformat() if a.decided else None)
        _field(facts, "Status", a.status)
        _field(
            facts,
            "Myndigheter",
            ", ".join(
                x.name
                + (" (huvudansvarig)" if x.lead else "")
                + (f", dnr {x.case_number}" if x.case_number else "")
                for x in a.agencies
            ),
        )
        _field(facts, "Taggar", ", ".join(a.tags))
        _field(facts, "Källa", a.source)
        console.print(facts)
        if a.people:
            console.print()
            console.print(Text("Personer", style="bold"))
            if term.width >= MEDIUM:
                people = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
                for heading, ratio in (
                    ("Id", 2),
                    ("Namn", 2),
                    ("Roll", 3),
                    ("E-post", 3),
                    ("Myndighet", 2),
                ):
                    people.add_column(heading, overflow="fold", ratio=ratio)
                for p in a.people:
                    people.add_row(p.id, p.name, p.role or "–", p.email or "–", p.agency or "–")
                console.print(people)
            else:
                for p in a.people:
                    line = Text(f"{p.name} ", style="bold") + Text(f"({p.id})")
                    details = [x for x in (p.role, p.email, p.agency) if x]
                    console.print(line)
                    if details:
                        console.print(Padding(Text("; ".join(details)), (0, 0, 0, 2)))
        console.print()
        console.print(Text("Redovisningar", style="bold"))
        if view.rows:
            console.print(deadline_table(view.rows, term.width, show_assignment=False))
        ongoing = [d for d in a.deadlines if d.ongoing and d.due is None]
        for d in ongoing:
            console.print(f"Löpande: {d.label} ({d.kind})")
        for d in a.deadlines:
            for c in d.changes:
                console.print(
                    f"Ändrat: {d.id} hade tidigare datum {c.due.text}"
                    + (f" (beslut {c.decision})" if c.decision else "")
                )
        sources = [(d.id, d.source_text) for d in a.deadlines if d.source_text]
        if sources:
            console.print()
            console.print(Text("Källtext", style="bold"))
            for ident, text in sources:
                console.print(Text(f"{ident}: ", style="bold") + Text(f"”{text.strip()}”"))
        if view.milestones:
            console.print()
            console.print(Text("Aktiviteter", style="bold"))
            console.print(milestone_table(view.milestones, term.width))
        console.print()
        console.print(Text("Budget", style="bold"))
        if view.budget.rows:
            console.print(money_table(view.budget.rows, term.width, totals=(view.budget.grand,)))
            if any(r.preliminary for r in view.budget.rows):
                console.print(PRELIMINARY_NOTE, style="dim")
        else:
            console.print("Ingen budget registrerad.")

    return _render(term, draw)


def render_lines(lines: Sequence[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def today_marker(today: date) -> str:
    return f"{today.isoformat()} ({views.weekday(today)})"
