"""Terminal tables with rich: status, budget, ansvariga, visa. Width and colour come from cli."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from uppdragskoll import views
from uppdragskoll.budget import BudgetRow, Total
from uppdragskoll.money import format_kr
from uppdragskoll.render import Terminal
from uppdragskoll.render.grid import Column, Grid, Listing
from uppdragskoll.schedule import Occurrence, State, due_dates

WIDE = 150  # budget tables show titles and agencies from here
MEDIUM = 100  # below this, deadlines are a list and amounts are in mnkr

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


def _note(row: views.DeadlineRow, *, delivered_said: bool = False) -> str:
    parts = []
    occ = row.occurrence
    if occ.wording:
        parts.append(occ.wording)
    if occ.delivered:
        if not delivered_said:  # (the list layout's heading line already says it)
            parts.append(f"inlämnad {occ.delivered.isoformat()}")
    elif row.last_working_day is not None:
        holiday = row.non_working or ""
        named = "" if holiday.lower() == views.weekday(occ.due) else f"{holiday}, "
        if row.target > occ.due:  # helgregel: nästa
            parts.append(f"{named}ingen arbetsdag; planera mot {row.target.isoformat()}")
        elif row.target == occ.due:  # helgregel: behåll
            parts.append(f"{named}ingen arbetsdag")
        else:
            parts.append(f"{named}sista arbetsdag {row.last_working_day.isoformat()}")
    if occ.deadline.changes:
        last = occ.deadline.changes[-1]
        times = len(occ.deadline.changes)
        what = f"flyttad från {last.due.text}" + (f" ({last.decision})" if last.decision else "")
        parts.append(what if times == 1 else f"{what}, {times} ändringar")
    deadline = occ.deadline
    if deadline.repeats and deadline.until is None and occ.due == due_dates(deadline)[-1]:
        # the last row of an open series is where the horizon is, not where the series ends
        parts.append("serie utan slut: visas tio år framåt; sätt `till` när sista gången är känd")
    return "; ".join(parts)


def scope_words(days: int | None) -> str:
    if days is None:
        return "alla datum"
    if days == 0:
        return "bara idag"
    return "närmaste dagen" if days == 1 else f"närmaste {days} dagarna"


def _header(view: views.StatusView) -> Text:
    when = f"{view.today.isoformat()} ({views.weekday(view.today)})"
    text = Text(f"Status {when}, {scope_words(view.days)}: ")
    overdue = view.count(State.OVERDUE)
    soon = view.count(State.TODAY, State.SOON)
    later = view.count(State.UPCOMING)
    text.append(
        f"{overdue} försenad{'' if overdue == 1 else 'e'}", style="bold red" if overdue else ""
    )
    text.append(" · ")
    horizon = 14 if view.days is None else min(14, view.days)
    text.append(f"{soon} inom {horizon} dagar", style="yellow" if soon else "")
    text.append(f" · {later} kommande")
    return text


def deadline_table(
    rows: Sequence[views.DeadlineRow],
    width: int,
    *,
    show_assignment: bool = True,
    show_person: bool = True,
) -> RenderableType:
    """A table from MEDIUM columns up, a list below: in a narrow terminal a table would split
    the ids mid-word, and ids are what a user copies into `uppdrag klar`.

    Ids rather than titles: they are short, readable and what `uppdrag klar` takes.
    """
    if width < MEDIUM:
        return _deadline_list(rows, show_assignment=show_assignment, show_person=show_person)
    columns = [
        Column("Datum"),
        Column("Veckodag"),
        Column("Kvar", right=True),
        # Only the description stretches; names keep their natural width.
        Column("Redovisning", stretch=True),
    ]
    if show_person:
        columns.append(Column("Ansvarig", max_width=24))
    grid = Grid(tuple(columns))
    for row in rows:
        occ = row.occurrence
        note = _note(row)
        lines = [_what(occ, show_assignment), _detail(occ)] + ([note] if note else [])
        grid.add_row(
            occ.due.isoformat(),
            views.weekday(occ.due),
            _days(row),
            "\n".join(lines),
            *([row.responsible or "–"] if show_person else []),
            style=STATE_STYLE[row.state],
        )
    return grid


def _what(occ: Occurrence, show_assignment: bool) -> str:
    # `uppdrag/redovisning`, as `uppdrag klar` takes it; the date is shown on its own.
    return f"{occ.assignment.id}/{occ.deadline.id}" if show_assignment else occ.deadline.id


def _detail(occ: Occurrence) -> str:
    recipient = occ.deadline.recipient
    return occ.deadline.kind + (f" till {recipient}" if recipient else "")


def _when(row: views.DeadlineRow) -> str:
    """Days left in words, for the list layout where there is no column heading."""
    if row.state is State.DELIVERED and row.occurrence.delivered is not None:
        return f"inlämnad {row.occurrence.delivered.isoformat()}"
    if row.days_left == 0:
        return "idag"
    if row.days_left < 0:
        late = -row.days_left
        return f"försenad {late} {'dag' if late == 1 else 'dagar'}"
    return f"om {row.days_left} {'dag' if row.days_left == 1 else 'dagar'}"


def _deadline_list(
    rows: Sequence[views.DeadlineRow], *, show_assignment: bool, show_person: bool
) -> RenderableType:
    listing = Listing()
    for row in rows:
        occ = row.occurrence
        body = [_what(occ, show_assignment), _detail(occ)]
        if show_person:
            body.append(f"ansvarig: {row.responsible or '–'}")
        when = _when(row)
        note = _note(row, delivered_said=when.startswith("inlämnad"))
        if note:
            body.append(note)
        style = STATE_STYLE[row.state]
        head = f"{occ.due.isoformat()} {views.weekday(occ.due)} · {when}"
        listing.add(head, body, style=style, head_style=f"bold {style}".strip())
    return listing


def money_table(
    rows: Sequence[BudgetRow],
    width: int,
    *,
    totals: Sequence[Total] = (),
    detailed: bool = True,
) -> RenderableType:
    """Amounts per assignment and year. `detailed` shows beräknat and beviljat (the ceiling is
    beviljat, else beräknat); otherwise only the ceiling. From WIDE columns titles and
    agencies replace the ids. Below MEDIUM a list, in whole kronor: rounding to mnkr in a
    narrow column hid real money."""
    if width < MEDIUM:
        return _money_list(rows, totals)
    wide = width >= WIDE
    headings = ("Beräknat", "Beviljat") if detailed else ("Tak",)
    table = Grid(
        (
            Column("Uppdrag", stretch=wide),
            *([Column("Myndighet", max_width=24)] if wide else []),
            Column("Anslag", max_width=16),
            Column("År"),
            *(Column(f"{h}, kr", right=True) for h in (*headings, "Utfall", "Kvar")),
        ),
        expand=False,
    )

    def cells(
        planned: int | None,
        granted: int | None,
        ceiling: int | None,
        prelim: bool,
        used: int,
        remaining: int | None,
    ) -> list[str]:
        mark = " *" if prelim else ""
        amounts = [_num(planned), _num(granted)] if detailed else [_num(ceiling) + mark]
        return [*amounts, _num(used), _num(remaining) + mark]

    for row in rows:
        table.add_row(
            row.assignment.title if wide else _who(row),
            *([row.agency or "–"] if wide else []),
            row.appropriation or "–",
            row.years,
            *cells(row.planned, row.granted, row.ceiling, row.preliminary, row.used, row.remaining),
            style="red" if row.remaining is not None and row.remaining < 0 else "",
        )
    for t in totals:
        table.add_row(
            t.label,
            *([""] if wide else []),
            "",
            "",
            *cells(t.planned, t.granted, t.ceiling, t.preliminary, t.used, t.remaining),
            style="bold",
        )
    return table


def _who(row: BudgetRow) -> str:
    """The assignment id, with the agency when its budget is split between agencies: two
    identical-looking rows would hide that one of them is overspent."""
    agencies = {line.agency for line in row.assignment.budget if line.agency}
    return f"{row.assignment.id} ({row.agency})" if len(agencies) > 1 else row.assignment.id


def _num(amount: int | None) -> str:
    """An amount in a column headed "…, kr": grouped digits without the unit."""
    if amount is None:
        return "–"
    return format_kr(amount).removesuffix("kr").rstrip("\u00a0 ")


def _money_list(rows: Sequence[BudgetRow], totals: Sequence[Total]) -> RenderableType:
    listing = Listing(spaced=False)

    def lines(ceiling: int | None, used: int, remaining: int | None, mark: str) -> list[str]:
        return [
            f"tak {format_kr_or_dash(ceiling)}{mark}",
            f"utfall {format_kr(used)} · kvar {format_kr_or_dash(remaining)}",
        ]

    for row in rows:
        head = f"{_who(row)} {row.years}"
        if row.appropriation:
            head += f" · {row.appropriation}"
        mark = " (beräknat)" if row.preliminary else ""
        over = row.remaining is not None and row.remaining < 0
        listing.add(
            head,
            lines(row.ceiling, row.used, row.remaining, mark),
            style="red" if over else "",
            head_style="bold red" if over else "bold",
        )
    for t in totals:
        mark = " (delvis beräknat)" if t.preliminary else ""
        if t.planned and not t.granted:
            mark = " (beräknat)"
        listing.add(
            t.label, lines(t.ceiling, t.used, t.remaining, mark), head_style="bold", style=""
        )
    return listing


def format_kr_or_dash(amount: int | None) -> str:
    return "–" if amount is None else format_kr(amount)


PRELIMINARY_NOTE = "* helt eller delvis beräknat belopp: preliminärt tills pengarna är beviljade."


def render_status(view: views.StatusView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        console.print(_header(view))
        if view.skipped_files:
            console.print(
                Text(
                    f"{'1 fil' if view.skipped_files == 1 else f'{view.skipped_files} filer'} "
                    "med fel visas inte; kör `uppdrag check`.",
                    style="bold red",
                )
            )
        console.print()
        if view.rows:
            console.print(deadline_table(view.rows, term.width))
        else:
            scope = (
                ""
                if view.days is None
                else f" {scope_words(view.days).replace('närmaste', 'de närmaste')}"
            )
            if view.skipped_files:
                console.print(f"Inget att redovisa{scope} i filerna utan fel.")
            else:
                console.print(f"Inget att redovisa{scope}, och inget är försenat. Skönt!")
        if view.ongoing:
            console.print()
            console.print(Text("Löpande, utan datum", style="bold"))
            for row in view.ongoing:
                who = f"; ansvarig: {row.responsible}" if row.responsible else ""
                console.print(Text(f"{row.key}: {row.deadline.label}{who}"))
        if view.milestones:
            console.print()
            console.print(Text("Aktiviteter", style="bold"))
            console.print(milestone_table(view.milestones, term.width))
        console.print()
        year = view.today.year
        if view.money:
            console.print(Text(f"Pengar kvar {year}", style="bold"))
            console.print(money_table(view.money, term.width, detailed=False))
            if term.width >= MEDIUM and any(r.preliminary for r in view.money):
                console.print(PRELIMINARY_NOTE, style="dim")
        else:
            console.print(f"Ingen budget registrerad för {year}.")

    return _render(term, draw)


def _milestone_list(rows: Sequence[views.MilestoneRow], show_assignment: bool) -> RenderableType:
    listing = Listing()
    for row in rows:
        act = row.milestone.activity
        person = row.milestone.assignment.person(act.responsible)
        overdue = not act.done and row.days_left is not None and row.days_left < 0
        style = "dim" if act.done else ("red" if overdue else "")
        head = act.period.end.isoformat() if act.period else "utan datum"
        state = "klar" if act.done else ("försenad" if overdue else "")
        if state:
            head += f" · {state}"
        if act.period and not act.period.exact:
            head += f" ({act.period.text})"
        body = [act.title]
        if show_assignment:
            body.append(row.milestone.assignment.id)
        if person:
            body.append(f"ansvarig: {person.name}")
        listing.add(head, body, style=style, head_style=style or ("bold" if state else ""))
    return listing


def milestone_table(
    rows: Sequence[views.MilestoneRow], width: int, *, show_assignment: bool = True
) -> RenderableType:
    if width < MEDIUM:
        return _milestone_list(rows, show_assignment)
    table = Grid(
        (
            Column("Period", max_width=22),
            Column("Senast"),
            Column("Aktivitet", stretch=True),
            Column("Ansvarig", max_width=22),
            Column("Klar"),
        )
    )
    for row in rows:
        act = row.milestone.activity
        person = row.milestone.assignment.person(act.responsible)
        overdue = not act.done and row.days_left is not None and row.days_left < 0
        title = act.title
        if show_assignment:
            title += f"\n{row.milestone.assignment.id}"
        table.add_row(
            act.period.text if act.period else "–",
            act.period.end.isoformat() if act.period else "–",
            title,
            person.name if person else "–",
            "ja" if act.done else ("nej, försenad" if overdue else "nej"),
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
        if term.width >= MEDIUM and any(r.preliminary for r in view.rows):
            console.print(PRELIMINARY_NOTE, style="dim")

    return _render(term, draw)


def totals_table(totals: Sequence[Total], width: int) -> RenderableType:
    if width < MEDIUM:
        return _money_list((), totals)
    headings = ("Beräknat", "Beviljat", "Tak", "Utfall", "Kvar")
    table = Grid((Column(""), *(Column(f"{h}, kr", right=True) for h in headings)), expand=False)
    for t in totals:
        mark = " *" if t.preliminary else ""
        table.add_row(
            t.label,
            _num(t.planned),
            _num(t.granted),
            _num(t.ceiling) + mark,
            _num(t.used),
            _num(t.remaining) + mark,
            style="red" if t.remaining < 0 else "",
        )
    return table


def render_people(view: views.PeopleView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        scope = scope_words(view.days)
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
            # one agency a line, so that a wrapped line does not part an agency from its dnr
            "\n".join(
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
                people = Grid(
                    (
                        Column("Namn och id", max_width=28),
                        Column("Roll", stretch=True),
                        Column("E-post"),
                        Column("Myndighet", max_width=20),
                    )
                )
                for p in a.people:
                    people.add_row(
                        f"{p.name}\n{p.id}", p.role or "–", p.email or "–", p.agency or "–"
                    )
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
                decision = ", ".join(
                    x for x in (c.decision, c.decided.isoformat() if c.decided else None) if x
                )
                line = Text(f"Flyttad: {d.id} hade tidigare datum {c.due.text}")
                if decision:
                    line.append(f" (beslut {decision})")
                if c.source_text:
                    line.append(f": ”{c.source_text.strip()}”")
                console.print(line)
        sources = [(d.id, d.source_text) for d in a.deadlines if d.source_text]
        if sources:
            console.print()
            console.print(Text("Källtext", style="bold"))
            for ident, text in sources:
                console.print(Text(f"{ident}: ", style="bold") + Text(f"”{text.strip()}”"))
        if view.milestones:
            console.print()
            console.print(Text("Aktiviteter", style="bold"))
            console.print(milestone_table(view.milestones, term.width, show_assignment=False))
        console.print()
        console.print(Text("Budget", style="bold"))
        if view.budget.rows:
            console.print(money_table(view.budget.rows, term.width, totals=(view.budget.grand,)))
            if term.width >= MEDIUM and any(r.preliminary for r in view.budget.rows):
                console.print(PRELIMINARY_NOTE, style="dim")
        else:
            console.print("Ingen budget registrerad.")

    return _render(term, draw)
