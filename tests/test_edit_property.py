"""Property: on generated valid files in many styles, an edit gives exactly the expected model,
changes at most the one line it is about, and its reverse gives the original bytes back."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uppdragskoll import edit
from uppdragskoll.model import Assignment, Change, Spending

KINDS = ("plan", "övrigt", "årlig redovisning")
PERIODS = ("maj 2026", "hösten 2027", "2027-Q2", "kvartal 1 och 2 2027")
COMMENTS = ("# en kommentar", "# Beslutet: ”senast den 30 maj”", "#")


@dataclass(frozen=True)
class Style:
    mapping: int  # nested mapping keys, relative to their key
    content: int  # list item content, relative to the key owning the list
    dash: int  # list item dash, relative to the key owning the list
    newline: str
    final_newline: bool


@dataclass(frozen=True)
class Deadline:
    id: str
    kind: str
    due: str  # as written
    until: str | None  # recurring when set (yearly)
    delivered: str | None  # single: a date; recurring: "{due: day}" written by `style`
    delivered_block: bool
    source_text: str | None
    flow: bool
    comments: tuple[str | None, ...]  # a comment line before each key, or None
    eol: str | None


@dataclass(frozen=True)
class Line:
    agency: str
    spending: tuple[tuple[str, str], ...]
    flow_items: bool
    after_items: str | None  # a comment line after the last item of `utfall`


@dataclass(frozen=True)
class File:
    title: str
    deadlines: tuple[Deadline, ...]
    budget: tuple[Line, ...]
    blank_lines: bool
    head: str | None
    after_deadlines: str | None  # a comment line after the last redovisning


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 28)).filter(
    lambda d: d.day <= 28
)


@st.composite
def deadlines(draw: st.DrawFn, index: int) -> Deadline:
    exact = draw(st.booleans())
    first = draw(days)
    recurring = exact and draw(st.booleans())
    due = first.isoformat() if exact else draw(st.sampled_from(PERIODS))
    until = first.replace(year=first.year + draw(st.integers(1, 2))).isoformat()
    delivered = None
    if draw(st.booleans()):
        delivered = (first - timedelta(days=1)).isoformat()
    return Deadline(
        id=f"r{index}",
        kind=draw(st.sampled_from(KINDS)),
        due=due,
        until=until if recurring else None,
        delivered=delivered,
        delivered_block=draw(st.booleans()),
        source_text=draw(st.sampled_from((None, "Redovisas senast den 1 maj 2026.", "kort"))),
        flow=draw(st.integers(0, 4)) == 0,
        comments=tuple(draw(st.sampled_from((None, None, *COMMENTS))) for _ in range(8)),
        eol=draw(st.sampled_from((None, None, "# i tid"))),
    )


@st.composite
def files(draw: st.DrawFn) -> tuple[File, Style]:
    count = draw(st.integers(1, 4))
    lines = tuple(
        Line(
            agency=agency,
            spending=tuple(
                (f"2026-0{m}-15", f"{m} 000 kr") for m in range(1, 1 + draw(st.integers(0, 2)))
            ),
            flow_items=draw(st.booleans()),
            after_items=draw(st.sampled_from((None, *COMMENTS))),
        )
        for agency in ("A", "B")[: draw(st.integers(0, 2))]
    )
    shape = File(
        title=draw(st.sampled_from(("Ett uppdrag", "'Uppdrag: med kolon'", '"Citerad titel"'))),
        deadlines=tuple(draw(deadlines(i)) for i in range(count)),
        budget=lines,
        blank_lines=draw(st.booleans()),
        head=draw(st.sampled_from((None, *COMMENTS))),
        after_deadlines=draw(st.sampled_from((None, *COMMENTS))),
    )
    content, dash = draw(st.sampled_from(((2, 0), (4, 2), (4, 0), (6, 4))))
    style = Style(
        mapping=draw(st.sampled_from((2, 4))),
        content=content,
        dash=dash,
        newline=draw(st.sampled_from(("\n", "\r\n"))),
        final_newline=draw(st.booleans()),
    )
    return shape, style


def render(shape: File, style: Style) -> bytes:
    out: list[str] = []
    if shape.head:
        out.append(shape.head)
    out.append(f"titel: {shape.title}")
    if shape.blank_lines:
        out.append("")
    out.append("redovisningar:")
    pad = " " * style.content
    for d in shape.deadlines:
        recurring = d.until is not None
        delivered = d.delivered
        if delivered and recurring:
            delivered = f"{{{d.due}: {delivered}}}"
        pairs = [("id", d.id), ("typ", d.kind), ("datum", d.due)]
        if recurring:
            pairs += [("upprepas", "årligen"), ("till", str(d.until))]
        if delivered:
            pairs.append(("inlämnad", delivered))
        if d.source_text:
            pairs.append(("källtext", f'"{d.source_text}"'))
        dash = " " * style.dash + "-" + " " * (style.content - style.dash - 1)
        if d.flow:
            out.append(dash + "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}")
            continue
        for n, (key, value) in enumerate(pairs):
            if n > 0 and d.comments[n]:
                out.append(pad + str(d.comments[n]))
            start = dash if n == 0 else pad
            if key == "inlämnad" and recurring and d.delivered_block:
                out.append(f"{start}{key}:")
                out.append(f"{pad}{' ' * style.mapping}{d.due}: {d.delivered}")
                continue
            eol = f"  {d.eol}" if d.eol and key == "datum" else ""
            out.append(f"{start}{key}: {value}{eol}")
    if shape.after_deadlines:
        out.append(pad + shape.after_deadlines)
    if shape.budget:
        if shape.blank_lines:
            out.append("")
        out.append("budget:")
    for line in shape.budget:
        dash = " " * style.dash + "-" + " " * (style.content - style.dash - 1)
        out.append(f"{dash}myndighet: {line.agency}")
        out.append(f"{pad}år:")
        out.append(f"{pad}{' ' * style.mapping}2026: {{beviljat: 100 mnkr}}")
        if line.spending:
            out.append(f"{pad}utfall:")
            inner = " " * (style.content + style.dash)
            item_pad = " " * (style.content + style.content)
            gap = " " * (style.content - style.dash - 1)
            for day, amount in line.spending:
                if line.flow_items:
                    out.append(f"{inner}-{gap}{{datum: {day}, belopp: {amount}}}")
                else:
                    out.append(f"{inner}-{gap}datum: {day}")
                    out.append(f"{item_pad}belopp: {amount}")
            if line.after_items:
                out.append(item_pad + line.after_items)
    text = style.newline.join(out) + (style.newline if style.final_newline else "")
    return text.encode("utf-8")


def changed(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    def lines(raw: bytes) -> list[str]:
        return re.findall(r"[^\n]*\n|[^\n]+$", raw.decode("utf-8"))

    old, new = lines(before), lines(after)
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


def read(raw: bytes) -> edit.Source:
    return edit.read_source(raw, "x.yaml", "x", {}, [])


def check_result(
    before: edit.Source, result: edit.Result, expected: Assignment, style: Style
) -> tuple[list[str], list[str]]:
    edit.verify(before, "x.yaml", "x", result.raw, [], {})
    assert read(result.raw).assignment == expected
    removed, added = changed(before.raw, result.raw)
    if removed and not removed[-1].endswith("\n") and removed[-1] + style.newline in added:
        # The old last line had no newline and now has lines after it: as in `git diff`,
        # only its missing line ending changed. That is all, not a rewritten line.
        added.remove(removed.pop() + style.newline)
    assert len(removed) <= 1, removed
    for line in added:
        assert line.endswith(style.newline) or not style.final_newline
        assert not line.endswith("\r\n") or style.newline == "\r\n"
    assert result.raw.endswith(style.newline.encode()) == style.final_newline
    return removed, added


def replace_deadline(a: Assignment, index: int, **update: object) -> Assignment:
    items = list(a.deadlines)
    items[index] = items[index].model_copy(update=update)
    return a.model_copy(update={"deadlines": tuple(items)})


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(files(), st.data())
def test_klar_then_undo(generated: tuple[File, Style], data: st.DataObject) -> None:
    shape, style = generated
    before = read(render(shape, style))
    index = data.draw(st.integers(0, len(shape.deadlines) - 1))
    item = before.assignment.deadlines[index]
    day = date(2026, 5, 28)
    try:
        result = edit.record_delivery(before, item.id, day)
    except edit.Refusal as refusal:
        assert "redan" in refusal.message and item.delivered is not None
        return
    if item.repeats is None:
        expected = replace_deadline(before.assignment, index, delivered=day)
        occurrence = None
    else:
        occurrence = edit.occurrence_dates(item)[1 if item.delivered else 0]
        done = dict(item.delivered) if isinstance(item.delivered, dict) else {}
        expected = replace_deadline(before.assignment, index, delivered={**done, occurrence: day})
    removed, _ = check_result(before, result, expected, style)
    if removed:  # only the flow mapping that holds the delivery is rewritten
        assert "{" in removed[0]
    undone = edit.undo_delivery(read(result.raw), item.id, occurrence)
    assert undone.raw == before.raw


@SETTINGS
@given(files(), st.data())
def test_flytta_then_undo(generated: tuple[File, Style], data: st.DataObject) -> None:
    shape, style = generated
    before = read(render(shape, style))
    singles = [i for i, d in enumerate(before.assignment.deadlines) if d.repeats is None]
    if not singles:
        return
    index = data.draw(st.sampled_from(singles))
    item = before.assignment.deadlines[index]
    new = data.draw(st.sampled_from(("2028-11-28", "hösten 2028", "2028")))
    try:
        result = edit.move_deadline(before, item.id, new, "S2026/01234")
    except edit.Refusal as refusal:  # the delivery was made against the old date
        assert item.delivered is not None and "redan inlämnad" in refusal.message
        return
    assert item.delivered is None
    assert item.due is not None
    expected = replace_deadline(
        before.assignment,
        index,
        due=edit.parse_due(new)[1],
        changes=(
            *item.changes,
            Change.model_validate({"datum": item.due, "beslut": "S2026/01234"}),
        ),
    )
    removed, _ = check_result(before, result, expected, style)
    assert len(removed) == 1 and ("datum: " in removed[0])
    assert edit.undo_move(read(result.raw), item.id).raw == before.raw


@SETTINGS
@given(files(), st.data())
def test_utfall_then_undo(generated: tuple[File, Style], data: st.DataObject) -> None:
    shape, style = generated
    if not shape.budget:
        return
    before = read(render(shape, style))
    number = data.draw(st.integers(0, len(shape.budget) - 1))
    line = before.assignment.budget[number]
    day = data.draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)))
    amount = data.draw(st.sampled_from(("2 400 000 kr", "7", "1,5 mnkr")))
    result = edit.record_spending(before, amount, day, agency=line.agency)
    spent = Spending.model_validate({"datum": day, "belopp": amount})
    lines = list(before.assignment.budget)
    lines[number] = line.model_copy(update={"spending": (*line.spending, spent)})
    expected = before.assignment.model_copy(update={"budget": tuple(lines)})
    removed, added = check_result(before, result, expected, style)
    assert removed == [] and 1 <= len(added) <= 2
    assert edit.undo_spending(read(result.raw), number).raw == before.raw


@SETTINGS
@given(files(), st.data())
def test_flytta_of_a_series_then_undo(generated: tuple[File, Style], data: st.DataObject) -> None:
    shape, style = generated
    before = read(render(shape, style))
    series = [i for i, d in enumerate(before.assignment.deadlines) if d.repeats is not None]
    if not series:
        return
    index = data.draw(st.sampled_from(series))
    item = before.assignment.deadlines[index]
    assert item.due is not None and item.until is not None
    new = data.draw(st.one_of(days.map(date.isoformat), st.sampled_from(("hösten 2028", "2028"))))
    if new == item.due.text:
        return
    count = len(edit.occurrence_dates(item))
    try:
        result = edit.move_deadline(before, item.id, new, "S2026/01234")
    except edit.Refusal as refusal:  # deliveries were made against the old dates
        assert item.delivered and "redan inlämnade tillfällen" in refusal.message
        return
    assert not item.delivered
    period = edit.parse_due(new)[1]
    end = edit.series_end(period.due, 12, count)
    expected = replace_deadline(
        before.assignment,
        index,
        due=period,
        until=edit.parse_due(end.isoformat())[1],
        changes=(Change.model_validate({"datum": item.due, "beslut": "S2026/01234"}),),
    )
    edit.verify(before, "x.yaml", "x", result.raw, [], {})
    after = read(result.raw).assignment
    assert after == expected
    assert len(edit.occurrence_dates(after.deadlines[index])) == count
    removed, _ = changed(before.raw, result.raw)
    assert len(removed) <= 3  # `datum`, `till` (and the old last line's missing newline)
    assert edit.undo_move(read(result.raw), item.id).raw == before.raw
