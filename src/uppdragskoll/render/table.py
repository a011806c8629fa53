"""Terminal tables with rich: status, budget, ansvariga, visa. Width and colour come from cli."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.text import Text

from uppdragskoll import budget, views
from uppdragskoll.budget import BudgetRow, Total
from uppdragskoll.model import Person
from uppdragskoll.money import format_kr
from uppdragskoll.render import Terminal
from uppdragskoll.render.grid import TIE, Column, Grid, Listing, longest_word, wrap
from uppdragskoll.schedule import Occurrence, State, due_dates

WIDE = 150  # budget tables show titles and agencies, beside the ids, from here
MEDIUM = 100  # below this, deadlines are a list and amounts are in mnkr

STATE_STYLE = {
    State.OVERDUE: "bold red",
    State.TODAY: "bold yellow",
    State.SOON: "yellow",
    State.UPCOMING: "",
    State.DELIVERED: "dim",
    State.CLOSED: "dim",
}


class _Console(Console):
    """Never crops a line: one wider than the terminal is an id or a key longer than the
    width, kept whole (see grid.py); cropping would cut it, the terminal wraps it instead."""

    def print(self, *objects: Any, crop: bool = False, **options: Any) -> None:
        super().print(*objects, crop=crop, **options)


def _tied(appropriation: str | None) -> str | None:
    """ "UO9 1:6 ap.16" on one line: it is what `uppdrag utfall --anslag` takes."""
    return appropriation.replace(" ", TIE) if appropriation else appropriation


def _console(term: Terminal) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = _Console(
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


def _paragraph(parts: Sequence[tuple[str, str]], width: int) -> Text:
    """(text, style) parts as lines of `width`, wrapped as grid.wrap does: at spaces, never
    inside a word or at a TIE, never before ` · `. Print it with no_wrap=True, or rich wraps
    it again, splitting long words."""
    plain = "".join(text for text, _ in parts)
    lines = "\n".join(wrap(plain, width))
    out = Text(lines)
    if len(lines) == len(plain):  # each break took one space's place, so offsets still hold
        start = 0
        for text, style in parts:
            if style:
                out.stylize(style, start, start + len(text))
            start += len(text)
    return out


def _say(console: Console, *parts: tuple[str, str]) -> None:
    console.print(_paragraph(parts, console.width), no_wrap=True, overflow="ignore")


def _header(view: views.StatusView) -> list[tuple[str, str]]:
    when = f"{view.today.isoformat()} ({views.weekday(view.today)})"
    overdue = view.count(State.OVERDUE)
    soon = view.count(State.TODAY, State.SOON)
    later = view.count(State.UPCOMING)
    horizon = 14 if view.days is None else min(14, view.days)
    # A count stays with its words: "1 försenad", not "1" at the end of a line.
    return [
        (f"Status {when}, {scope_words(view.days)}: ", ""),
        (f"{overdue}{TIE}försenad{'' if overdue == 1 else 'e'}", "bold red" if overdue else ""),
        (" · ", ""),
        (f"{soon}{TIE}inom{TIE}{horizon}{TIE}dagar", "yellow" if soon else ""),
        (f" · {later}{TIE}kommande", ""),
    ]


def deadline_table(
    rows: Sequence[views.DeadlineRow],
    width: int,
    *,
    show_assignment: bool = True,
    show_person: bool = True,
    as_list: bool = False,
) -> RenderableType:
    """A table from MEDIUM columns up, when the longest key fits in its column beside the
    others, if need be with the responsible person under the key rather than in a column of
    their own; a list otherwise, or when `as_list`, where a key has a line of its own. A
    table would split a key mid-word, and keys are what a user copies into `uppdrag klar`.

    Ids rather than titles: they are short, readable and what `uppdrag klar` takes.
    """
    if width >= MEDIUM and not as_list:
        for person_column in (True, False) if show_person else (False,):
            grid = _deadline_grid(
                rows,
                show_assignment=show_assignment,
                show_person=show_person,
                person_column=person_column,
            )
            if grid.fits(width):
                return grid
    return _deadline_list(rows, show_assignment=show_assignment, show_person=show_person)


def _deadline_grid(
    rows: Sequence[views.DeadlineRow],
    *,
    show_assignment: bool,
    show_person: bool,
    person_column: bool = True,
) -> Grid:
    columns = [
        Column("Datum", wrap=False),
        Column("Veckodag", wrap=False),
        Column("Kvar", right=True, wrap=False),
        # Only the description stretches; names keep their natural width while there is room.
        Column("Redovisning", stretch=True),
    ]
    in_column = show_person and person_column
    if in_column:
        columns.append(Column("Ansvarig", max_width=24))
    grid = Grid(tuple(columns))
    for row in rows:
        occ = row.occurrence
        note = _note(row)
        lines = [_what(occ, show_assignment), _detail(occ)]
        if show_person and not in_column:
            lines.append(f"ansvarig: {row.responsible or '–'}")
        lines += [note] if note else []
        grid.add_row(
            occ.due.isoformat(),
            views.weekday(occ.due),
            _days(row),
            "\n".join(lines),
            *([row.responsible or "–"] if in_column else []),
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
    """Amounts per assignment and year; `totals` are sums over all of `rows`. `detailed` shows
    beräknat and beviljat (the ceiling is beviljat, else beräknat); otherwise only the
    ceiling.

    Ids are never split. An id column where the longest fits; else each assignment's id
    heads its rows on a line of its own, as from WIDE columns, where the title follows the
    id and the agency is a column. Below MEDIUM a list, in whole kronor: rounding to mnkr
    in a narrow column hid real money."""
    members = {t.label: rows for t in totals}
    wide = width >= WIDE
    layouts: tuple[bool, ...] = ()  # grouped or not
    if wide:
        layouts = (True,)
    elif width >= MEDIUM:
        layouts = (False, True)
    for grouped in layouts:
        grid = _money_grid(rows, totals, members, wide=wide, detailed=detailed, grouped=grouped)
        if grid.fits(width):
            return grid
    return _money_list(rows, totals, members)


def _money_grid(
    rows: Sequence[BudgetRow],
    totals: Sequence[Total],
    members: Mapping[str, Sequence[BudgetRow]],
    *,
    wide: bool,
    detailed: bool,
    grouped: bool,
) -> Grid:
    headings = ("Beräknat", "Beviljat") if detailed else ("Tak",)
    table = Grid(
        (
            *([] if grouped else [Column("Uppdrag")]),
            *([Column("Myndighet", max_width=24)] if wide else []),
            Column("Anslag", max_width=16),
            Column("År", wrap=False),
            *_amount_columns(*headings, "Utfall", "Kvar"),
        ),
        expand=False,
        group="Uppdrag" if grouped else "",
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

    group = None
    for row in rows:
        who = _who(row)
        if grouped and who != group:
            table.add_line(f"{who} · {row.assignment.title}" if wide else who, style="bold")
            group = who
        table.add_row(
            *([] if grouped else [who]),
            *([row.agency or "–"] if wide else []),
            _tied(row.appropriation) or "–",
            row.years,
            *cells(row.planned, row.granted, row.ceiling, row.preliminary, row.used, row.remaining),
            style="red" if row.remaining is not None and row.remaining < 0 else "",
        )
    for t in totals:
        planned, granted, ceiling, remaining = _sums(t, members.get(t.label, ()))
        if grouped:
            table.add_line(t.label, style="bold")
        table.add_row(
            *([] if grouped else [t.label]),
            *([""] if wide else []),
            "",
            "",
            *cells(planned, granted, ceiling, t.preliminary, t.used, remaining),
            style="bold",
        )
    return table


def _amount_columns(*headings: str) -> tuple[Column, ...]:
    return tuple(Column(f"{h}, kr", right=True, wrap=False) for h in headings)


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


def _sums(
    t: Total, rows: Sequence[BudgetRow]
) -> tuple[int | None, int | None, int | None, int | None]:
    """Beräknat, beviljat, tak and kvar of a total over `rows`; None (shown as `–`, like in
    the rows) where none of the rows has that amount, rather than a sum of nothing."""
    return (
        t.planned if any(r.planned is not None for r in rows) else None,
        t.granted if any(r.granted is not None for r in rows) else None,
        t.ceiling if any(r.ceiling is not None for r in rows) else None,
        t.remaining if any(r.remaining is not None for r in rows) else None,
    )


def _members_by(rows: Sequence[BudgetRow], key: str) -> dict[str, list[BudgetRow]]:
    """Rows by the label of the total they count in, grouped as budget.totals_by does."""
    groups: dict[str, list[BudgetRow]] = {}
    for row in rows:
        groups.setdefault(budget.totals_by([row], key)[0].label, []).append(row)
    return groups


def _money_list(
    rows: Sequence[BudgetRow],
    totals: Sequence[Total],
    members: Mapping[str, Sequence[BudgetRow]],
) -> RenderableType:
    listing = Listing(spaced=False)

    def lines(ceiling: int | None, used: int, remaining: int | None, mark: str) -> list[str]:
        return [
            f"tak {format_kr_or_dash(ceiling)}{mark}",
            f"utfall {format_kr(used)} · kvar {format_kr_or_dash(remaining)}",
        ]

    for row in rows:
        head = f"{_who(row)} {row.years}"
        if row.appropriation:
            head += f" · {_tied(row.appropriation)}"
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
        _, _, ceiling, remaining = _sums(t, members.get(t.label, ()))
        listing.add(t.label, lines(ceiling, t.used, remaining, mark), head_style="bold", style="")
    return listing


def format_kr_or_dash(amount: int | None) -> str:
    return "–" if amount is None else format_kr(amount)


PRELIMINARY_NOTE = "* helt eller delvis beräknat belopp: preliminärt tills pengarna är beviljade."


def render_status(view: views.StatusView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        _say(console, *_header(view))
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
                _say(console, (f"{row.key}: {row.deadline.label}{who}", ""))
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
    """A table from MEDIUM columns up when the ids fit beside the other columns, else a list."""
    if width < MEDIUM:
        return _milestone_list(rows, show_assignment)
    table = Grid(
        (
            Column("Period", max_width=22),
            Column("Senast", wrap=False),
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
    return table if table.fits(width) else _milestone_list(rows, show_assignment)


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
        console.print(totals_table(view.per_year, term.width, _members_by(view.rows, "years")))
        console.print()
        console.print(Text("Summa per anslag", style="bold"))
        per_appropriation = _members_by(view.rows, "appropriation")
        console.print(
            totals_table(
                (*view.per_appropriation, view.grand),
                term.width,
                {**per_appropriation, view.grand.label: view.rows},
            )
        )
        if term.width >= MEDIUM and any(r.preliminary for r in view.rows):
            console.print(PRELIMINARY_NOTE, style="dim")

    return _render(term, draw)


def totals_table(
    totals: Sequence[Total], width: int, members: Mapping[str, Sequence[BudgetRow]]
) -> RenderableType:
    """Sums; `members` holds the rows of each, by its label, so that a sum no row has a value
    for shows `–`."""
    headings = ("Beräknat", "Beviljat", "Tak", "Utfall", "Kvar")
    table = Grid((Column(""), *_amount_columns(*headings)), expand=False)
    for t in totals:
        mark = " *" if t.preliminary else ""
        planned, granted, ceiling, remaining = _sums(t, members.get(t.label, ()))
        table.add_row(
            t.label,
            _num(planned),
            _num(granted),
            _num(ceiling) + mark,
            _num(t.used),
            _num(remaining) + mark,
            style="red" if remaining is not None and remaining < 0 else "",
        )
    if width >= MEDIUM and table.fits(width):
        return table
    return _money_list((), totals, members)


def render_people(view: views.PeopleView, term: Terminal) -> str:
    def draw(console: Console) -> None:
        scope = scope_words(view.days)
        console.print(Text(f"Ansvariga {view.today.isoformat()}, {scope}", style="bold"))
        if not (view.people or view.nobody):
            console.print("Inga redovisningar i urvalet.")
        # One layout for every person: a table for one and a list for the next reads badly.
        groups = [rows for _, rows in view.people] + ([list(view.nobody)] if view.nobody else [])
        as_list = term.width >= MEDIUM and not all(
            _deadline_grid(rows, show_assignment=True, show_person=False).fits(term.width)
            for rows in groups
        )
        for name, rows in view.people:
            console.print()
            console.print(Text(name, style="bold"))
            console.print(deadline_table(rows, term.width, show_person=False, as_list=as_list))
        if view.nobody:
            console.print()
            console.print(Text(f"Utan ansvarig ({len(view.nobody)})", style="bold red"))
            console.print(
                deadline_table(view.nobody, term.width, show_person=False, as_list=as_list)
            )
        if view.agencies:
            console.print()
            console.print(Text("Per myndighet", style="bold"))
            console.print(_agency_table(view.agencies, term.width))

    return _render(term, draw)


def _agency_table(
    agencies: Sequence[tuple[str, Sequence[views.DeadlineRow]]], width: int
) -> RenderableType:
    """Count and nearest date per agency; a list where the columns do not fit side by side."""
    table = Grid(
        (
            Column("Myndighet"),
            Column("Redovisningar", right=True, wrap=False),
            Column("Försenade", right=True, wrap=False),
            Column("Närmast", wrap=False),
        ),
        expand=False,
    )
    listing = Listing(spaced=False)
    for name, rows in agencies:
        overdue = sum(1 for r in rows if r.state is State.OVERDUE)
        nxt = min((r.due for r in rows if r.state is not State.DELIVERED), default=None)
        when = nxt.isoformat() if nxt else "–"
        style = "red" if overdue else ""
        table.add_row(name, str(len(rows)), str(overdue), when, style=style)
        count = f"{len(rows)} {'redovisning' if len(rows) == 1 else 'redovisningar'}"
        listing.add(
            name,
            [f"{count} · {overdue} försenad{'' if overdue == 1 else 'e'} · närmast {when}"],
            style=style,
            head_style=f"bold {style}".strip(),
        )
    return table if table.fits(width) else listing


def _facts(console: Console, fields: Sequence[tuple[str, str | None]]) -> None:
    """Label and value pairs; values wrap beside their labels, or below the label when an id
    or a path in them is longer than the room beside it."""
    shown = [(label, value) for label, value in fields if value]
    size = max((len(label) for label, _ in shown), default=0)
    room = console.width - size - 2
    for label, value in shown:
        if longest_word(value) > room:
            console.print(Text(label, style="bold"), no_wrap=True, overflow="ignore")
            for line in wrap(value, console.width - 2):
                console.print(Text(f"  {line}"), no_wrap=True, overflow="ignore")
            continue
        for k, line in enumerate(wrap(value, room)):
            head = Text(label.ljust(size), style="bold") if k == 0 else Text(" " * size)
            console.print(head + Text(f"  {line}"), no_wrap=True, overflow="ignore")


def render_assignment(view: views.AssignmentView, term: Terminal) -> str:
    a = view.assignment

    def draw(console: Console) -> None:
        console.print(Text(a.title, style="bold"))
        agencies = "\n".join(
            x.name
            + (" (huvudansvarig)" if x.lead else "")
            + (f", dnr {x.case_number}" if x.case_number else "")
            for x in a.agencies
        )
        _facts(
            console,
            [
                ("Id", a.id),
                ("Fil", view.file),
                ("Diarienummer", ", ".join(a.case_numbers)),
                ("Departement", a.ministry),
                ("Beslutad", a.decided.isoformat() if a.decided else None),
                ("Status", a.status),
                # one agency a line, so that a wrapped line does not part an agency from its dnr
                ("Myndigheter", agencies),
                ("Taggar", ", ".join(a.tags)),
                ("Källa", a.source),
            ],
        )
        if a.people:
            console.print()
            console.print(Text("Personer", style="bold"))
            console.print(_people_table(a.people, term.width))
        console.print()
        console.print(Text("Redovisningar", style="bold"))
        if view.rows:
            console.print(deadline_table(view.rows, term.width, show_assignment=False))
        elif not a.deadlines:
            _say(console, ("Inga redovisningar ännu (lägg till dem under `redovisningar`).", ""))
        ongoing = [d for d in a.deadlines if d.ongoing and d.due is None]
        for d in ongoing:
            _say(console, (f"Löpande: {d.label} ({d.kind})", ""))
        for d in a.deadlines:
            for c in d.changes:
                decision = ", ".join(
                    x for x in (c.decision, c.decided.isoformat() if c.decided else None) if x
                )
                line = f"Flyttad: {d.id} hade tidigare datum {c.due.text}"
                if decision:
                    line += f" (beslut {decision})"
                if c.source_text:
                    line += f": ”{c.source_text.strip()}”"
                _say(console, (line, ""))
        sources = [(d.id, d.source_text) for d in a.deadlines if d.source_text]
        if sources:
            console.print()
            console.print(Text("Källtext", style="bold"))
            for ident, text in sources:
                _say(console, (f"{ident}: ", "bold"), (f"”{text.strip()}”", ""))
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


def _people_table(people: Sequence[Person], width: int) -> RenderableType:
    """From MEDIUM columns up a table, the e-mail address under the name and id so that the
    role has room to wrap at its spaces; a list where even that does not fit."""
    if width >= MEDIUM:
        table = Grid(
            (
                Column("Namn, id och e-post"),
                Column("Roll", stretch=True),
                Column("Myndighet", max_width=20),
            )
        )
        for p in people:
            contact = "\n".join(x for x in (p.name, p.id, p.email) if x)
            table.add_row(contact, p.role or "–", p.agency or "–")
        if table.fits(width):
            return table
    listing = Listing(spaced=False)
    for p in people:
        details = [x for x in (p.role, p.email, p.agency) if x]
        listing.add(
            f"{p.name} ({p.id})", ["; ".join(details)] if details else [], head_style="bold"
        )
    return listing
