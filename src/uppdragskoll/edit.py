"""Edits of one assignment file: delivery, moved deadline, spending, new file. Bytes in, out.

Each operation takes a `Source` (the file's bytes and the model validated from exactly those
bytes), changes the round-trip tree through yamlio and returns the new bytes. `verify` reads
the result the way `check` does and refuses anything that would fail it. Nothing here touches
the disk: the CLI writes with `yamlio.write_atomic`. The `undo_*` functions reverse an edit;
they back the property tests that an edit and its reverse give the file back byte for byte.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from uppdragskoll import checks, dnr, loader, money, periods, schedule, yamlio
from uppdragskoll.model import Assignment, BudgetLine, Deadline
from uppdragskoll.problems import Problem, Severity

# Where new keys go in a redovisning, following the order of DESIGN.md's example: `ändringar`
# right below `datum`, `inlämnad` after `ansvarig` and before `källtext` and `anteckning`.
_CHANGES_AFTER = ("id", "typ", "titel", "datum")
_DELIVERED_AFTER = (
    *_CHANGES_AFTER,
    "ändringar",
    "löpande",
    "upprepas",
    "till",
    "mottagare",
    "ansvarig",
)
MAX_ID_LENGTH = 80


class Refusal(Exception):
    """An edit that is not made. `usage`: the request is wrong (exit 2); otherwise the data
    or the result is (exit 1). `problems` are the located reasons, if any."""

    def __init__(
        self, message: str, *, usage: bool = False, problems: Sequence[Problem] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Source:
    """A file as read for editing: its bytes and the entry validated from those bytes."""

    raw: bytes
    entry: loader.Entry
    checked: tuple[Problem, ...] = field(default=(), repr=False)  # all rules, with the others

    @property
    def assignment(self) -> Assignment:
        return self.entry.assignment

    @property
    def name(self) -> str:
        return self.entry.file


@dataclass(frozen=True)
class Result:
    """The new bytes of a file and the one Swedish line that says what was done; `notes` are
    lines for the user beside it (`obs: …`, `varning: …`)."""

    raw: bytes
    message: str
    warnings: tuple[Problem, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())


def _layout_refusal(name: str, what: str) -> Refusal:
    """A file that is valid but that the writer cannot change safely. Said as such: the
    positions of the broken result would point at lines that are fine in the user's file."""
    return Refusal(
        f"{name} är giltig men kan inte ändras säkert med kommandot: när filens layout (indrag, "
        f"kommentarer eller `{{…}}`-poster) skrivs om {what}. Inget har skrivits; gör ändringen "
        "för hand och kör `uppdrag check`."
    )


def _lines_of(raw: bytes) -> list[str]:
    return [line.removesuffix("\r") for line in raw.decode("utf-8-sig").split("\n")]


def _rewritten(before: bytes, after: bytes) -> int:
    """How many lines of `before` are changed or gone in `after` (line endings aside: the old
    last line gains one when lines are added after it)."""
    matcher = difflib.SequenceMatcher(None, _lines_of(before), _lines_of(after), autojunk=False)
    return sum(i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal")


def _dumped(rt: yamlio.RoundTrip, name: str, lines: int) -> bytes:
    """The edited file, refused when it would change more than `lines` existing lines: the
    ones the edit is about (a `datum`, a `{…}` that grows). Anything more is a rewrite of the
    user's layout, which no command may do silently."""
    raw = rt.dump()
    count = _rewritten(rt.original, raw)
    if count > lines:
        raise _layout_refusal(
            name, f"skulle {count} befintliga rader ändras, fler än ändringen gäller"
        )
    return raw


def _errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def read_source(
    raw: bytes, name: str, stem: str, context: Mapping[str, Any], others: Sequence[loader.Entry]
) -> Source:
    """Validate a file before editing it; a file with errors (its own, or cross-file ones that
    point at it) is refused, since an edit could not be checked against it. The exception is
    spending over the ceiling (`over-tak`), which `utfall --över-tak` records on purpose: the
    file is still whole, and later edits must not add to it without the flag."""
    document, problems = yamlio.parse_bytes(raw, name)
    assignment = None
    if document is not None:
        assignment, more = loader.validate_document(document, stem, dict(context))
        problems = problems + more
    if document is None or assignment is None or _errors(problems):
        # (a file with a duplicate key or an unknown one may still read as an assignment)
        raise Refusal(
            f"{name} har fel och ändras inte; rätta dem först (uppdrag check).",
            problems=_errors(problems),
        )
    entry = loader.Entry(assignment, document)
    checked = checks.run_all([*others, entry])
    found = _errors([p for p in checked if p.file == name and p.code not in TOLERATED])
    if found:
        raise Refusal(
            f"{name} har fel och ändras inte; rätta dem först (uppdrag check).", problems=found
        )
    return Source(raw, entry, tuple(problems) + tuple(checked))


OVER_CEILING = "over-tak"
# Errors a file may already have and still be edited: recorded overspending (`--över-tak`).
TOLERATED = frozenset({OVER_CEILING})


def verify(
    before: Source | None,
    name: str,
    stem: str,
    raw: bytes,
    others: Sequence[loader.Entry],
    context: Mapping[str, Any],
    *,
    baseline: Sequence[Problem] | None = None,
    allow: Collection[str] = (),
) -> tuple[Problem, ...]:
    """Refuse a result that `check` would reject; return the warnings and notes it adds.

    Only what the edit changes counts: the problems of every file before the edit (`before`,
    or for a new file `baseline`, the problems of `others`, computed when not given) are
    compared with those after, by file, rule and message (positions may shift). An error the
    edit adds, in this file or another (two files, one id), refuses it; errors that were there
    already do not block. New errors whose rule is in `allow` (`over-tak` with `--över-tak`)
    are returned with the warnings instead of refused. An edit whose result is not YAML at all
    is refused for the file's layout, without the result's positions.
    """
    refusal = f"Ändringen skulle ge fel i {name}; inget har skrivits."
    document, problems = yamlio.parse_bytes(raw, name)
    if document is None and before is not None:
        # The edit wrote only values the writer quoted itself into a file that parsed, so
        # YAML that does not parse comes from rewriting the layout; its line:col would point
        # at a line that is fine in the user's file.
        raise _layout_refusal(name, "blir den inte giltig YAML")
    if document is None:
        raise Refusal(refusal, problems=_errors(problems))
    assignment, more = loader.validate_document(document, stem, dict(context))
    problems = problems + more
    if assignment is None:
        raise Refusal(refusal, problems=_errors(problems))
    after = problems + checks.run_all([*others, loader.Entry(assignment, document)])
    if before is not None:
        old: Sequence[Problem] = before.checked
    elif baseline is not None:
        old = baseline
    else:
        old = checks.run_all(others)
    added = _new(after, old)
    own = [p for p in _errors(added) if p.file == name]
    refused = [p for p in own if p.code not in allow]
    if refused:
        if all(p.code == OVER_CEILING for p in refused):
            refusal = (
                f"Utfallet skulle gå över taket i {name}; inget har skrivits. Har pengarna "
                "verkligen använts, registrera utfallet med --över-tak (då rapporterar `uppdrag "
                "check` det som fel tills taket, `beviljat`, höjs)."
            )
        raise Refusal(refusal, problems=refused)
    caused = [p for p in _errors(added) if p.file != name]
    if caused:
        raise Refusal("Ändringen skulle ge fel i andra filer; inget har skrivits.", problems=caused)
    return tuple(p for p in added if p.file == name)


def _new(after: Iterable[Problem], before: Iterable[Problem]) -> list[Problem]:
    """The problems of `after` that `before` did not have, compared by file, rule and message
    (an edit moves lines, so positions may differ); in order."""
    earlier = Counter(_fingerprint(p) for p in before)
    added = []
    for p in sorted(after):
        if earlier[_fingerprint(p)] > 0:
            earlier[_fingerprint(p)] -= 1
        else:
            added.append(p)
    return added


def _fingerprint(problem: Problem) -> tuple[str, str, str, str]:
    return (problem.file, problem.severity, problem.code, problem.message)


def files_with_errors(problems: Iterable[Problem], name: str) -> list[str]:
    """The other files that have errors (before an edit of `name`), sorted."""
    return sorted({p.file for p in _errors(problems) if p.file != name})


# --- finding things ----------------------------------------------------------------------


def deadline(assignment: Assignment, deadline_id: str) -> tuple[int, Deadline]:
    for index, item in enumerate(assignment.deadlines):
        if item.id == deadline_id:
            return index, item
    known = [d.id for d in assignment.deadlines]
    listed = ", ".join(known) or "inga"
    raise Refusal(
        f"okänd redovisning {deadline_id!r} i {assignment.id} (finns: {listed})."
        + loader.suggest(deadline_id, known),
        usage=True,
    )


def occurrence_dates(item: Deadline) -> list[date]:
    """The due dates of a deadline: one, or each of a recurring series (as status sees them)."""
    return list(schedule.due_dates(item))


def series_end(first: date, step_months: int, count: int) -> date:
    """The `count`-th occurrence of a series that starts on `first`: the same day of the month
    (or the month's last day when it is shorter), as `schedule.recurrence_dates` counts."""
    months = first.month - 1 + step_months * (count - 1)
    year, month = first.year + months // 12, months % 12 + 1
    return date(year, month, min(first.day, calendar.monthrange(year, month)[1]))


def _iso(day: date) -> str:
    return day.isoformat()


def _shown(dates: Sequence[date], limit: int = 8) -> str:
    return ", ".join(_iso(d) for d in dates[:limit]) + (" …" if len(dates) > limit else "")


# --- klar --------------------------------------------------------------------------------


def record_delivery(
    source: Source,
    deadline_id: str,
    day: date,
    occurrence: date | None = None,
    *,
    today: date | None = None,
) -> Result:
    """`inlämnad: DAY` on a single deadline; `inlämnad: {DUE: DAY}` on a recurring one, for
    `occurrence` or else the earliest one not yet delivered. A delivery day after `today` (when
    given) or before the assignment's `beslutad` is refused."""
    index, item = deadline(source.assignment, deadline_id)
    key = f"{source.assignment.id}/{item.id}"
    check_delivery_day(source.assignment, day, today)
    rt = yamlio.RoundTrip(source.raw)
    here: tuple[Any, ...] = ("redovisningar", index)
    if item.repeats is None:
        if occurrence is not None and (item.due is None or occurrence != item.due.due):
            raise Refusal(
                f"{key} upprepas inte; --tillfälle gäller bara återkommande redovisningar.",
                usage=True,
            )
        if item.delivered is not None:
            raise Refusal(
                f"{key} är redan inlämnad {item.delivered}; ändra datumet i filen om det är fel."
            )
        rt.insert(here, "inlämnad", day, after=_DELIVERED_AFTER)
        return Result(_dumped(rt, source.name, 1), f"Registrerade inlämning av {key} {_iso(day)}")
    due = _pick_occurrence(key, item, occurrence, day)
    where = (*here, "inlämnad")
    if rt.has(where):
        earlier = [k for k in rt.keys(where) if k < _iso(due)]
        rt.insert(where, due, day, after=earlier)  # in date order
    else:
        rt.insert(here, "inlämnad", yamlio.flow({due: day}), after=_DELIVERED_AFTER)
    return Result(
        _dumped(rt, source.name, 1),
        f"Registrerade inlämning av {key} (tillfället {_iso(due)}) {_iso(day)}",
    )


def check_delivery_day(assignment: Assignment, day: date, today: date | None) -> None:
    """A delivery cannot lie in the future, nor before the decision that gave the assignment."""
    if today is not None and day > today:
        raise Refusal(
            f"inlämningsdagen {_iso(day)} ligger efter idag ({_iso(today)}); registrera "
            "inlämningen när redovisningen är inlämnad (--datum är dagen den lämnades in).",
            usage=True,
        )
    if assignment.decided is not None and day < assignment.decided:
        raise Refusal(
            f"inlämningsdagen {_iso(day)} ligger före uppdragets beslutsdatum "
            f"({_iso(assignment.decided)}, `beslutad`); kontrollera --datum.",
            usage=True,
        )


def _pick_occurrence(key: str, item: Deadline, wanted: date | None, day: date) -> date:
    dates = occurrence_dates(item)
    delivered = item.delivered if isinstance(item.delivered, dict) else {}
    if wanted is not None:
        if wanted not in dates:
            raise Refusal(
                f"{_iso(wanted)} är inget tillfälle för {key} (tillfällen: {_shown(dates)}).",
                usage=True,
            )
        if wanted in delivered:
            raise Refusal(
                f"{key} är redan inlämnad för {_iso(wanted)} ({_iso(delivered[wanted])})."
            )
        return wanted
    due = next((due for due in dates if due not in delivered), None)
    if due is None:
        raise Refusal(f"alla tillfällen för {key} är redan inlämnade.")
    # `klar` run twice from the shell history would mark next year's report as delivered
    same = [d for d, when in delivered.items() if when == day]
    if same:
        raise Refusal(
            f"{key}: en inlämning {_iso(day)} är redan registrerad för tillfället "
            f"{_iso(same[0])}; ange --tillfälle om den gäller ett annat tillfälle."
        )
    passed = [d for d in delivered if day <= d < due]
    if passed:
        raise Refusal(
            f"{key}: inlämningsdagen {_iso(day)} ligger före tillfället {_iso(max(passed))}, som "
            f"redan är inlämnat, så den hör knappast till nästa tillfälle ({_iso(due)}); ange "
            "--tillfälle om den gör det."
        )
    return due


def undo_delivery(source: Source, deadline_id: str, occurrence: date | None = None) -> Result:
    """Remove a recorded delivery again (the reverse of `record_delivery`)."""
    index, item = deadline(source.assignment, deadline_id)
    rt = yamlio.RoundTrip(source.raw)
    where: tuple[Any, ...] = ("redovisningar", index, "inlämnad")
    if not rt.has(where):
        raise Refusal(f"{source.assignment.id}/{item.id} har ingen inlämning.", usage=True)
    if item.repeats is not None and occurrence is not None and len(rt.keys(where)) > 1:
        rt.delete((*where, _iso(occurrence)))
    else:
        rt.delete(where)
    return Result(rt.dump(), f"Tog bort inlämningen av {source.assignment.id}/{item.id}")


# --- flytta ------------------------------------------------------------------------------


def parse_due(text: str, seasons: periods.Seasons | None = None) -> tuple[object, periods.Period]:
    """The value to write for a new `datum` and what it means: an ISO date becomes a date,
    anything else is kept as the words the user typed (a period: `hösten 2027`)."""
    try:
        period = periods.parse_period(text, seasons)
    except periods.PeriodError as exc:
        raise Refusal(f"ogiltigt datum: {str(exc).rstrip('.')}.", usage=True) from None
    if period.exact:
        return period.due, period
    return period.text, period


def move_deadline(
    source: Source,
    deadline_id: str,
    new_due: str,
    decision: str,
    source_text: str | None = None,
    seasons: periods.Seasons | None = None,
    decided: date | None = None,
    occurrence: date | None = None,
    *,
    today: date | None = None,
) -> Result:
    """New date in `datum`; the old one appended to `ändringar` with the decision, its date
    (which calendars use as the modification time) and its sentence, when given. A decision
    dated after `today` (when given) is refused: it has not been made yet. So is a decision,
    or a new date, before the assignment's `beslutad`, as `klar` refuses such a delivery.

    A recurring deadline moves as a whole series: `till` follows to the same occurrence
    (the series keeps its number of occurrences). A deadline that is delivered, or a series
    with delivered occurrences, is not moved, since the deliveries were made against the old
    dates; nor is one occurrence of a series (`occurrence`), which the format cannot express:
    the refusal says how to split the series by hand.
    """
    index, item = deadline(source.assignment, deadline_id)
    key = f"{source.assignment.id}/{item.id}"
    start = source.assignment.decided
    if today is not None and decided is not None and decided > today:
        raise Refusal(
            f"beslutsdatumet {_iso(decided)} ligger efter idag ({_iso(today)}); ett beslut om "
            "flytten kan inte ha fattats än (--beslutsdatum är dagen regeringen beslutade).",
            usage=True,
        )
    if start is not None and decided is not None and decided < start:
        raise Refusal(
            f"beslutsdatumet {_iso(decided)} ligger före uppdragets beslutsdatum "
            f"({_iso(start)}, `beslutad`); ett beslut om flytten kan inte komma före "
            "uppdraget. Kontrollera --beslutsdatum.",
            usage=True,
        )
    if item.due is None:
        raise Refusal(f"{key} har inget datum att flytta (den är löpande).", usage=True)
    dates = occurrence_dates(item)
    recurring = item.repeats is not None
    if occurrence is not None:
        if not recurring:
            if occurrence != item.due.due:
                raise Refusal(
                    f"{key} upprepas inte; --tillfälle gäller bara återkommande redovisningar.",
                    usage=True,
                )
        elif occurrence not in dates:
            raise Refusal(
                f"{_iso(occurrence)} är inget tillfälle för {key} (tillfällen: {_shown(dates)}).",
                usage=True,
            )
        elif len(dates) > 1:
            raise Refusal(split_advice(source.assignment, item, occurrence), usage=True)
    decision = dnr.normalise_dnr(decision)
    if not decision:
        raise Refusal("--beslut saknas: ange diarienumret för beslutet som flyttar datumet.")
    value, period = parse_due(new_due, seasons)
    if period.text == item.due.text:
        raise Refusal(f"{key} har redan datumet {period.text}.", usage=True)
    if start is not None and period.due < start:
        raise Refusal(
            f"det nya datumet {period.text} ligger före uppdragets beslutsdatum "
            f"({_iso(start)}, `beslutad`); en redovisning kan inte ha sin frist före beslutet "
            "som begärde den. Kontrollera NYTT_DATUM.",
            usage=True,
        )
    if not recurring and item.delivered is not None:
        when = _iso(item.delivered) if isinstance(item.delivered, date) else str(item.delivered)
        raise Refusal(
            f"{key} är redan inlämnad ({when}); en flytt skulle ändra datumet som inlämningen "
            "gjordes mot, så inget har ändrats. Begär regeringen en ny eller kompletterande "
            "redovisning, lägg till den som en egen redovisning under `redovisningar:`; är "
            "`inlämnad` fel, ta bort den i filen först och flytta sedan."
        )
    rt = yamlio.RoundTrip(source.raw)
    here: tuple[Any, ...] = ("redovisningar", index)
    last = ""
    if recurring:
        assert item.repeats is not None
        if isinstance(item.delivered, dict) and item.delivered:
            done = sorted(item.delivered)
            rest = [d for d in dates if d > done[-1]]
            how = (
                f"sätt `till: {_iso(done[-1])}` på `{item.id}` och lägg till en ny serie "
                f"`{item.id}-fran-{rest[0].year}` med det nya datumet, `upprepas: "
                f"{item.repeats}`{', `till`' if item.until is not None else ''} och "
                f"`ändringar: [{{datum: {_iso(rest[0])}, beslut: DNR}}]`"
                if rest
                else "ändra datumen i filen"
            )
            raise Refusal(
                f"{key} har redan inlämnade tillfällen ({_shown(done)}); en flytt av hela "
                "serien skulle flytta dem också. Ska bara de kommande tillfällena flyttas, "
                f"dela serien för hand: {how}. Kör sedan `uppdrag check`; "
                "docs/redigering.md visar ett exempel."
            )
        if item.until is not None:  # an open series has no `till` to follow
            until = series_end(period.due, schedule.STEP_MONTHS[item.repeats], len(dates))
            if not (item.until.exact and item.until.due == until):
                rt.set((*here, "till"), until)
                last = f" och sista tillfället från {item.until.text} till {_iso(until)}"
    old = rt.get((*here, "datum"))
    rt.set((*here, "datum"), value)
    change: dict[str, object] = {"datum": old, "beslut": decision}
    if decided is not None:
        change["beslutad"] = decided
    if source_text:
        change["källtext"] = yamlio.quoted(" ".join(source_text.split()))
    if rt.has((*here, "ändringar")):
        rt.append((*here, "ändringar"), change)
    else:
        rt.insert(here, "ändringar", [yamlio.flow(change)], after=_CHANGES_AFTER)
    return Result(
        _dumped(rt, source.name, 3),  # `datum`, `till` and a `{…}` or `[…]` that grows
        f"Flyttade {key} från {item.due.text} till {period.text}{last} (beslut {decision})",
        notes=_comment_on_line(source, (*here, "datum")),
    )


def _comment_on_line(source: Source, path: tuple[Any, ...]) -> tuple[str, ...]:
    """ "datum: 2026-06-30  # sista juni" keeps its comment when the date changes (comments are
    never removed); say so, since it may now be wrong."""
    line, _ = source.entry.at(*path)
    text = source.raw.decode("utf-8", "replace").split("\n")[line - 1] if line else ""
    comment = re.search(r"\s#\s?(.*?)\s*$", text)
    if comment is None or not comment.group(1):
        return ()
    return (
        f"kommentaren på raden (`# {comment.group(1)}`) står kvar; kontrollera att den "
        "stämmer med det nya datumet.",
    )


def split_advice(assignment: Assignment, item: Deadline, occurrence: date) -> str:
    """How to move one occurrence of a series by hand: the format has one `datum` per
    redovisning, so the series is split into (up to) three redovisningar."""
    dates = occurrence_dates(item)
    at = dates.index(occurrence)
    before, after = dates[:at], dates[at + 1 :]
    steps = []
    if before:
        steps.append(f"sätt `till: {_iso(before[-1])}` på `{item.id}`, så att serien slutar före")
    else:
        steps.append(f"låt `{item.id}` börja med nästa tillfälle: `datum: {_iso(after[0])}`")
    steps.append(
        f"lägg till en redovisning `{item.id}-{occurrence.year}` utan `upprepas` och `till`, "
        f"med det nya datumet i `datum` och `ändringar: [{{datum: {_iso(occurrence)}, "
        "beslut: DNR}]`"
    )
    if before and after:
        rule = (
            f", `upprepas: {item.repeats}` och `till: {_iso(after[-1])}`"
            if item.until is not None
            else f" och `upprepas: {item.repeats}` (utan `till`, som serien)"
        )
        steps.append(
            f"lägg till en serie `{item.id}-fran-{after[0].year}` med `datum: "
            f"{_iso(after[0])}`{rule}"
        )
    if item.delivered:
        steps.append("flytta varje `inlämnad` till den redovisning som tillfället nu hör till")
    numbered = "".join(f"\n  {n}) {text}" for n, text in enumerate(steps, 1))
    return (
        f"ett enskilt tillfälle ({_iso(occurrence)}) i den återkommande redovisningen "
        f"{assignment.id}/{item.id} kan inte flyttas med kommandot: filformatet har ett datum "
        f"per serie. Utan --tillfälle flyttas hela serien. Dela serien för hand:{numbered}"
        "\nKör sedan `uppdrag check`; docs/redigering.md visar ett exempel."
    )


def undo_move(source: Source, deadline_id: str) -> Result:
    """Take the last entry of `ändringar` back into `datum` (the reverse of `move_deadline`);
    a series gets back the `till` that keeps its number of occurrences."""
    index, item = deadline(source.assignment, deadline_id)
    if not item.changes:
        raise Refusal(f"{source.assignment.id}/{item.id} har inga ändringar.", usage=True)
    rt = yamlio.RoundTrip(source.raw)
    here: tuple[Any, ...] = ("redovisningar", index)
    last = len(item.changes) - 1
    rt.set((*here, "datum"), rt.get((*here, "ändringar", last, "datum")))
    if item.repeats is not None and item.until is not None:
        first = item.changes[last].due.due
        count = len(occurrence_dates(item))
        until = series_end(first, schedule.STEP_MONTHS[item.repeats], count)
        if not (item.until.exact and item.until.due == until):
            rt.set((*here, "till"), until)
    if last == 0:
        rt.delete((*here, "ändringar"))
    else:
        rt.delete((*here, "ändringar", last))
    return Result(rt.dump(), f"Ångrade flytten av {source.assignment.id}/{item.id}")


# --- utfall ------------------------------------------------------------------------------


def amount_value(text: str) -> tuple[object, int]:
    """The amount as it will be written, and in kronor. The user's words are kept
    (`2 400 000 kr`, `2,4 mnkr`); bare digits are written as a number."""
    clean = " ".join(text.split())
    try:
        kronor = money.parse_amount(clean)
    except money.MoneyError as exc:
        raise Refusal(f"ogiltigt belopp: {str(exc).rstrip('.')}.", usage=True) from None
    if re.fullmatch(r"-?[0-9]+", clean):
        return int(clean), kronor
    return clean, kronor


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def _line_label(number: int, line: BudgetLine) -> str:
    parts = [line.agency or "ingen myndighet"]
    if line.appropriation is not None:
        parts.append(line.appropriation.key)
    years = ", ".join(line.years) or "inga år"
    return f"{number}: {' · '.join(parts)} ({years})"


def _appropriation_names(line: BudgetLine) -> set[str]:
    a = line.appropriation
    if a is None:
        return set()
    names = {a.key, a.appropriation, f"UO{a.area} {a.appropriation}"}
    if a.item is not None:
        names |= {f"{a.appropriation} ap {a.item}", f"{a.appropriation}:{a.item}"}
    if a.name:
        names.add(a.name)
    return {_norm(n) for n in names}


def _covers(line: BudgetLine, year: int) -> bool:
    """Whether one of the line's `år` keys (`2026`, `2026–2029`) includes `year`."""
    for key in line.years:
        years = [int(y) for y in re.findall(r"[0-9]{4}", key)]
        if years and years[0] <= year <= years[-1]:
            return True
    return False


def choose_budget_line(
    assignment: Assignment, day: date, appropriation: str | None, agency: str | None
) -> int:
    """The budget line for spending on `day`: see `_budget_line`."""
    return _budget_line(assignment, day, appropriation, agency)[0]


def _budget_line(
    assignment: Assignment, day: date, appropriation: str | None, agency: str | None
) -> tuple[int, bool]:
    """The budget line that `--anslag`/`--myndighet` point at, and whether the year settled
    it. The options narrow the lines down (no option: all of them); when more than one is
    left, the one line with an amount for the year of `day` is taken, as for one line per
    period of the same agency. Still more than one, or none, is refused with the list."""
    lines = list(enumerate(assignment.budget))
    if not lines:
        raise Refusal(f"{assignment.id} har ingen budget; lägg till en rad under `budget:` först.")
    labels = "; ".join(_line_label(i + 1, line) for i, line in lines)
    chosen = appropriation is not None or agency is not None
    matching = lines
    if agency is not None:
        matching = [(i, b) for i, b in matching if _norm(b.agency or "") == _norm(agency)]
    if appropriation is not None:
        matching = [(i, b) for i, b in matching if _norm(appropriation) in _appropriation_names(b)]
    if not matching:
        raise Refusal(f"ingen budgetrad passar ({labels}).", usage=True)
    if len(matching) == 1:
        return matching[0][0], False
    year = day.year
    in_year = [(i, b) for i, b in matching if _covers(b, year)]
    if len(in_year) == 1:
        return in_year[0][0], True
    fitting = (
        f"{len(matching)} av {assignment.id}:s {len(lines)} budgetrader passar valet"
        if chosen
        else f"{assignment.id} har {len(lines)} budgetrader"
    )
    if not in_year:
        raise Refusal(
            f"{fitting} ({labels}), men ingen av dem har belopp för {year}; lägg först till "
            "året under `år:` på rätt rad (ett utfall utan tak stoppas).",
            usage=True,
        )
    how = "närmare med --anslag och --myndighet" if chosen else "med --anslag eller --myndighet"
    raise Refusal(
        f"{fitting} ({labels}), och {len(in_year)} av dem har belopp för {year}; välj {how}.",
        usage=True,
    )


def _same_text(a: str | None, b: str | None) -> bool:
    """Texts of spending rows compared as a person reads them: case and spacing aside."""
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


def record_spending(
    source: Source,
    amount: str,
    day: date,
    *,
    appropriation: str | None = None,
    agency: str | None = None,
    text: str | None = None,
    today: date | None = None,
    duplicate: bool = False,
) -> Result:
    """Append `{datum: DAY, belopp: AMOUNT[, text: TEXT]}` to the chosen budget line's
    `utfall`, in the style of the items already there (flow when there are none). A day after
    `today` (when given) is refused: spending is recorded when it has happened.

    A row like one the line already has (same day, amount in kronor and text) is refused
    unless `duplicate`: a command run twice would otherwise count the money twice. With
    `duplicate` it is recorded, with a warning."""
    value, kronor = amount_value(amount)
    if today is not None and day > today:
        raise Refusal(
            f"utfallsdagen {_iso(day)} ligger efter idag ({_iso(today)}); registrera utfallet "
            "när pengarna har använts eller rekvirerats (--datum är dagen det skedde).",
            usage=True,
        )
    number, by_year = _budget_line(source.assignment, day, appropriation, agency)
    line = source.assignment.budget[number]
    clean = " ".join(text.split()) if text else None
    notes = []
    if by_year:
        notes.append(
            f"obs: budgetraden valdes efter utfallets år, {day.year}: "
            f"{_line_label(number + 1, line)}."
        )
    same = [s for s in line.spending if s.day == day and s.amount == kronor]
    same = [s for s in same if _same_text(s.text, clean)]
    if same:
        row = f"{_iso(day)}, {money.format_kr(kronor)}" + (f", {clean!r}" if clean else "")
        where = f"budgetraden {_line_label(number + 1, line)}"
        if not duplicate:
            raise Refusal(
                f"{source.assignment.id} har redan ett likadant utfall på {where}: {row}. "
                "Inget har skrivits, så att samma pengar inte räknas två gånger. Är det "
                "verkligen ett utfall till (t.ex. två lika fakturor samma dag), registrera det "
                "med --dubblett."
            )
        notes.append(
            f"varning: {where} hade redan ett likadant utfall ({row}); det nya registreras "
            "ändå (--dubblett) och båda räknas."
        )
    item: dict[str, object] = {"datum": day, "belopp": value}
    if clean:
        item["text"] = clean
    rt = yamlio.RoundTrip(source.raw)
    here: tuple[Any, ...] = ("budget", number)
    if rt.has((*here, "utfall")):
        rt.append((*here, "utfall"), item)
    else:
        rt.insert(here, "utfall", [yamlio.flow(item)])
    who = f" ({line.agency})" if line.agency else ""
    return Result(
        _dumped(rt, source.name, 1),  # only a `[…]` of `utfall` that grows
        f"Registrerade utfall {money.format_kr(kronor)} {_iso(day)} för "
        f"{source.assignment.id}{who}",
        notes=tuple(notes),
    )


REQUISITION_WINDOW_DAYS = 60


def requisition_hint(assignment: Assignment, day: date, text: str | None) -> str | None:
    """For spending recorded as a requisition (`text` mentions rekvisition/rekvirera): the
    `uppdrag klar` command for the undelivered `rekvisition` deadline it probably answers, the
    earliest one due on or after 60 days before `day`. The deadline is not marked by itself:
    the money and the report are two things, and the match is a guess."""
    if not text or "rekvi" not in text.casefold():
        return None
    since = day - timedelta(days=REQUISITION_WINDOW_DAYS)
    found: list[tuple[date, str]] = []
    for item in assignment.deadlines:
        if item.kind != "rekvisition":
            continue
        if item.delivered is not None and not isinstance(item.delivered, dict):
            continue  # delivered, once and for all
        delivered = item.delivered or {}
        for due in occurrence_dates(item):
            if due >= since and due not in delivered:
                found.append((due, item.id if item.repeats is None else f"{item.id}/{_iso(due)}"))
    if not found:
        return None
    due, key = min(found)
    return (
        f"rekvisitionen {assignment.id}/{key} ({_iso(due)}) är inte markerad som inlämnad; "
        f"är det den som rekvirerades, registrera den med `uppdrag klar {assignment.id}/{key} "
        f"--datum {_iso(day)}`."
    )


def undo_spending(source: Source, number: int) -> Result:
    """Remove the last `utfall` of a budget line (the reverse of `record_spending`)."""
    spending = source.assignment.budget[number].spending
    if not spending:
        raise Refusal("budgetraden har inget utfall.", usage=True)
    rt = yamlio.RoundTrip(source.raw)
    where: tuple[Any, ...] = ("budget", number, "utfall")
    rt.delete(where if len(spending) == 1 else (*where, len(spending) - 1))
    return Result(rt.dump(), f"Tog bort det senaste utfallet för {source.assignment.id}")


# --- ny ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAssignment:
    """What `uppdrag ny` asks for: the essentials of a decision."""

    id: str
    title: str
    ministry: str | None = None
    case_numbers: tuple[str, ...] = ()
    decided: date | None = None
    agencies: tuple[str, ...] = ()
    source: str | None = None
    tags: tuple[str, ...] = ()
    final_due: str | None = None  # the slutredovisning, a date or a period


_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def check_id(ident: str, existing: Sequence[str]) -> None:
    """A new id must be a safe file stem (no path, no `..`, lower case a–z, digits, `-`) and
    not taken, whatever the case or suffix of the existing file."""
    if not _SAFE_ID.fullmatch(ident) or len(ident) > MAX_ID_LENGTH:
        raise Refusal(
            f"{ident!r} är inget giltigt uppdrags-id: använd små bokstäver a–z, siffror och "
            f"bindestreck (högst {MAX_ID_LENGTH} tecken), t.ex. {slug(ident) or 'hjarta-karl'}.",
            usage=True,
        )
    if ident.casefold() in {e.casefold() for e in existing}:
        raise Refusal(f"uppdraget {ident!r} finns redan; välj ett annat id.", usage=True)


def slug(text: str) -> str:
    """An id from a title: `Hjärt- och kärlsjukvård` → `hjart-och-karlsjukvard`."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    while len(words) > 60 and "-" in words:
        words = words.rsplit("-", 1)[0]
    return words[:60].strip("-")


def new_assignment(fields: NewAssignment, seasons: periods.Seasons | None = None) -> Result:
    """The text of a new file, in the house style of DESIGN.md."""
    if not fields.title.strip():
        raise Refusal("titel saknas: ange --titel.", usage=True)
    data: dict[str, object] = {"titel": " ".join(fields.title.split())}
    if fields.case_numbers:
        data["diarienummer"] = yamlio.flow([dnr.normalise_dnr(n) for n in fields.case_numbers])
    if fields.ministry:
        data["departement"] = fields.ministry.strip()
    if fields.decided is not None:
        data["beslutad"] = fields.decided
    data["status"] = "pågående"
    if fields.source:
        data["källa"] = fields.source.strip()
    if fields.tags:
        data["taggar"] = yamlio.flow([t.strip() for t in fields.tags])
    if fields.agencies:
        data["myndigheter"] = [
            {"namn": name.strip(), "huvudansvarig": True} if i == 0 else {"namn": name.strip()}
            for i, name in enumerate(fields.agencies)
        ]
    if fields.final_due:
        value, _ = parse_due(fields.final_due, seasons)
        data["redovisningar"] = [
            {"id": "slutredovisning", "typ": "slutredovisning", "datum": value}
        ]
    return Result(yamlio.dump_new(data), f"Skapade uppdraget {fields.id}")


# --- showing a change --------------------------------------------------------------------


def unified_diff(name: str, before: bytes | None, after: bytes) -> str:
    """A `git diff`-like unified diff; `\\ No newline at end of file` where git says it."""

    def lines(raw: bytes | None) -> list[str]:
        if not raw:
            return []
        # Split on LF only: str.splitlines would also split on U+2028 and friends.
        out = re.findall(r"[^\n]*\n|[^\n]+$", raw.decode("utf-8"))
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    # ("a//tmp/data/x.yaml" for an absolute path would read as a path under a/)
    shown = name.lstrip("/")
    old = "/dev/null" if before is None else f"a/{shown}"
    diff = difflib.unified_diff(lines(before), lines(after), old, f"b/{shown}", n=3)
    return "".join(diff)
