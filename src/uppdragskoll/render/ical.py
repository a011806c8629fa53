"""Calendar feeds: occurrences to RFC 5545 bytes. Pure; the only module that imports icalendar.

Every value that depends on the clock or on chance in a naive feed is derived from the data
here: UIDs from ids, DTSTAMP and LAST-MODIFIED from the dates recorded on the assignment (or
`SOURCE_DATE_EPOCH`, passed in by cli.py), and events are sorted by date and UID. Same data,
same bytes.

TEXT and CATEGORIES are escaped here (icalendar's escaper turns a literal "\\N" into a line
break); icalendar writes the durations. The content lines are joined and folded here rather
than by `Component.to_ical()`, whose per-character folding made 10 000 events take over two
seconds (DESIGN.md asks for three seconds including the load); the fold below works on bytes,
never splits a UTF-8 character and never splits a backslash escape.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote, urlsplit

from icalendar.prop import vDuration

from uppdragskoll import people, workdays
from uppdragskoll.model import Assignment, Change, Deadline
from uppdragskoll.periods import MONTH_NAMES
from uppdragskoll.schedule import Occurrence

PRODID = "-//uppdragskoll//uppdrag ical//SV"
UID_DOMAIN = "uppdragskoll"
REFRESH = "PT12H"  # REFRESH-INTERVAL and X-PUBLISHED-TTL: a hint; Google and Outlook.com ignore it
TIMEZONE = "Europe/Stockholm"
# DTSTAMP of an assignment that records no date at all (no beslutad, ändringar or inlämnad):
# fixed, so the feed stays reproducible, and plainly older than any real decision.
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)
ALARM_HOUR = 9  # reminders fire at 09:00 local time on a working day
MAX_LINE = 75  # octets per physical line, excluding CRLF (RFC 5545 §3.1)
CRLF = b"\r\n"

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

# RFC 5545 requires at least one component in a VCALENDAR; an empty feed carries this one.
# Written out by hand rather than generated from tzdata, so the bytes never change with it.
STOCKHOLM_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)

# C0 controls other than TAB and LF, DEL and C1 controls are not allowed in a content line.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|[\r\u0085\u2028\u2029]")
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class FeedOptions:
    """What a feed looks like; every field comes from flags or settings, nothing from the clock."""

    name: str
    description: str = "Redovisningar av regeringsuppdrag, från uppdragskoll."
    reminder_days: int = 0  # one VALARM this many days before; 0: none
    warning_days: int = 0  # a separate all-day "förvarning" event this many days before; 0: none
    stamp: datetime | None = None  # SOURCE_DATE_EPOCH: replaces every DTSTAMP and LAST-MODIFIED


# --- values -----------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Newlines normalised to LF and control characters dropped: they have no place in TEXT."""
    return _CONTROL.sub("", _NEWLINES.sub("\n", value))


def one_line(value: str) -> str:
    """For SUMMARY: whitespace (including a YAML block scalar's newline) collapsed to spaces."""
    return " ".join(clean_text(value).split())


# RFC 5545 §3.3.11, in one pass. Not icalendar's escape_char: it first turns a literal
# backslash followed by N into a line break, so "S:\Nämnd" lost its backslash.
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


def _text(value: str) -> str:
    return clean_text(value).translate(_TEXT_ESCAPES)


def _categories(values: Iterable[str]) -> str:
    return ",".join(one_line(v).translate(_TEXT_ESCAPES) for v in values)


def _duration(value: timedelta) -> str:
    text: bytes = vDuration(value).to_ical()  # type: ignore[no-untyped-call]
    return text.decode("ascii")


def _date(day: date) -> str:
    return f"{day:%Y%m%d}"


def _utc(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def swedish_day(day: date) -> str:
    """ "lördag 30 maj 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def valid_url(value: str | None) -> str | None:
    """An http(s) URL fit for the URL property (non-ASCII percent-encoded), else None."""
    if not value:
        return None
    text = value.strip()
    if any(c.isspace() or unicodedata.category(c)[0] == "C" or c in '"<>\\^`{|}' for c in text):
        return None
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(text, safe=_URL_SAFE)


def fold(line: str) -> bytes:
    """One content line, folded at 75 octets without splitting a UTF-8 character or an escape."""
    raw = line.encode("utf-8")
    if len(raw) <= MAX_LINE:
        return raw + CRLF
    pieces: list[bytes] = []
    start, limit = 0, MAX_LINE
    while len(raw) - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off to the lead byte
            cut -= 1
        # An odd run of backslashes before the cut means "\;" or "\n" would be split; some
        # clients mis-read that (icalendar issue #1501), so keep the escape together.
        backslashes = len(raw[start:cut]) - len(raw[start:cut].rstrip(b"\\"))
        if backslashes % 2:
            cut -= 1
        pieces.append(raw[start:cut])
        start, limit = cut, MAX_LINE - 1  # a continuation line starts with one space
    pieces.append(raw[start:])
    return b"\r\n ".join(pieces) + CRLF


# --- the data behind an event -------------------------------------------------------------------


def assignment_stamp(assignment: Assignment) -> datetime:
    """The latest date recorded on the assignment, at 00:00 UTC; see FALLBACK_STAMP.

    Counts `beslutad`, the decision date of each change in `ändringar` and every `inlämnad`
    date: the dates whose change changes what the calendar shows. The old deadline kept in
    `ändringar` is not a modification date (it may lie in the future), so it does not count.
    Editing another file changes nothing.
    """
    days: list[date] = []
    if assignment.decided is not None:
        days.append(assignment.decided)
    for deadline in assignment.deadlines:
        days.extend(c.decided for c in deadline.changes if c.decided is not None)
        delivered = deadline.delivered
        if isinstance(delivered, dict):
            days.extend(delivered.values())
        elif delivered is not None:
            days.append(delivered)
    if not days:
        return FALLBACK_STAMP
    latest = max(days)
    return datetime(latest.year, latest.month, latest.day, tzinfo=UTC)


def uid(occ: Occurrence, suffix: str = "") -> str:
    return f"{occ.key}{suffix}@{UID_DOMAIN}"


def closed(occ: Occurrence) -> bool:
    """Ended without this being delivered: kept as history, with no reminders."""
    return occ.delivered is None and occ.assignment.status != "pågående"


def summary(occ: Occurrence) -> str:
    """`Slutredovisning: <uppdragets titel>`; "✓ " once delivered."""
    kind = occ.deadline.kind
    head = occ.deadline.label if kind == "övrigt" else kind.capitalize()
    text = one_line(f"{head}: {occ.assignment.title}")
    if occ.delivered is not None:
        return f"✓ {text}"
    if closed(occ):
        return f"{text} (uppdraget avslutat)"
    return text


def _responsible_line(occ: Occurrence) -> str | None:
    person = occ.assignment.person(occ.deadline.responsible)
    if person is None:
        return None
    parts = [person.name]
    if person.role:
        parts.append(f", {person.role}")
    if person.agency:
        parts.append(f" ({person.agency})")
    if person.email:
        parts.append(f", {person.email}")
    return "".join(parts)


def _decided_by(change: Change) -> str:
    """ "beslut S2026/04512, 2026-06-02": the decision that moved a date, as far as recorded."""
    if change.decision and change.decided:
        return f"beslut {change.decision}, {change.decided.isoformat()}"
    if change.decision:
        return f"beslut {change.decision}"
    if change.decided:
        return f"beslutat {change.decided.isoformat()}"
    return ""


def _original_decision(a: Assignment) -> str:
    """ "Ur det ursprungliga beslutet (S2025/01981, 2025-11-20)": where `källtext` comes from."""
    parts = [*a.case_numbers[:1], *([a.decided.isoformat()] if a.decided else [])]
    label = "Ur det ursprungliga beslutet"
    return f"{label} ({', '.join(parts)})" if parts else label


def current_source(d: Deadline) -> str | None:
    """The line quoting the decision that set the current date, when the date was moved.

    `ändringar` is in order (`uppdrag flytta` appends), so the last change set `datum`; its
    `källtext` is that decision's sentence. Without one, the line still names the decision.
    """
    if not d.changes:
        return None
    latest = d.changes[-1]
    by = _decided_by(latest)
    head = f"Datum ändrat ({by})" if by else "Datum ändrat"
    if latest.source_text:
        return f"{head}: ”{latest.source_text.strip()}”"
    return head


def description(occ: Occurrence) -> str:
    """What an agency needs at a glance: what, when, to whom, who, which case, and the source.

    When the date was moved (`ändringar`), the sentence that set the current date comes right
    under the date; the earlier dates and the original decision's sentence follow further down,
    labelled as such, so the event never quotes a date that no longer holds as if it did.
    """
    a, d = occ.assignment, occ.deadline
    lines = [d.label, f"Uppdrag: {a.title}", f"Datum: {swedish_day(occ.due)}"]
    moved = current_source(d)
    if moved is not None:
        lines.append(moved)
    if occ.wording is not None:
        lines.append(f"Datum enligt beslutet: {occ.wording} (kalendern visar periodens sista dag)")
    if not workdays.is_working_day(occ.due):
        name = workdays.holiday_name(occ.due) or "ingen arbetsdag"
        last = workdays.last_working_day_before(occ.due)
        lines.append(
            f"Obs: dagen är ingen arbetsdag ({name}); sista arbetsdag före är {swedish_day(last)}."
        )
    if occ.recurring and d.repeats is not None:
        until = (
            f", till och med {swedish_day(d.until.due)}"
            if d.until is not None
            else ", utan känt slut (kalendern visar tio år framåt)"
        )
        lines.append(f"Återkommande: {d.repeats}{until}")
    if occ.delivered is not None:
        lines.append(f"Inlämnad: {swedish_day(occ.delivered)}")
    elif closed(occ):
        lines.append(f"Uppdraget är {a.status}; redovisningen är inte registrerad som inlämnad.")
    if d.recipient:
        lines.append(f"Mottagare: {d.recipient}")
    responsible = _responsible_line(occ)
    lines.append(f"Ansvarig: {responsible or 'ingen angiven'}")
    agencies = people.agencies_of(occ)
    if agencies:
        noun = "Myndighet" if len(agencies) == 1 else "Myndigheter"
        lines.append(f"{noun}: {', '.join(agencies)}")
    if a.case_numbers:
        lines.append(f"Diarienummer: {', '.join(a.case_numbers)}")
    own = [f"{x.name} {x.case_number}" for x in a.agencies if x.case_number]
    if own:
        lines.append(f"Myndigheternas diarienummer: {'; '.join(own)}")
    if a.ministry:
        lines.append(f"Departement: {a.ministry}")
    for change in d.changes:
        by = _decided_by(change)
        lines.append(f"Tidigare datum: {change.due.text}" + (f" ({by})" if by else ""))
    if d.note:
        lines.append(f"Anteckning: {d.note}")
    if d.source_text:
        label = _original_decision(a) if d.changes else "Ur beslutet"
        lines.append(f"{label}: ”{d.source_text.strip()}”")
    if a.source:
        lines.append(f"Källa: {a.source.strip()}")
    if occ.delivered is None and not closed(occ):
        lines.append(f"Markera som inlämnad: {done_command(occ)}")
    return "\n".join(lines)


def done_command(occ: Occurrence) -> str:
    """The documented `klar` call: `UPPDRAG/REDOVISNING`, plus `--tillfälle` when recurring."""
    base = f"uppdrag klar {occ.assignment.id}/{occ.deadline.id}"
    return f"{base} --tillfälle {occ.due.isoformat()}" if occ.recurring else base


def notice_day(due: date, days: int) -> date:
    """`days` before `due`, moved back to a working day: a reminder on a Sunday helps nobody."""
    return workdays.last_working_day_on_or_before(due - timedelta(days=days))


def alarm_trigger(due: date, fire: date) -> timedelta:
    """Relative to the start of an all-day event, i.e. local midnight: 09:00 on `fire`."""
    return -(due - fire) + timedelta(hours=ALARM_HOUR)


# --- events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    day: date
    uid: str
    data: bytes  # folded content lines, CRLF-terminated


def _event(
    occ: Occurrence,
    *,
    day: date,
    event_uid: str,
    title: str,
    text: str,
    categories: tuple[str, ...],
    stamp: datetime,
    alarm: tuple[str, ...] = (),
) -> _Event:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_text(event_uid)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(stamp)}",
        f"SEQUENCE:{len(occ.deadline.changes)}",
        f"DTSTART;VALUE=DATE:{_date(day)}",
        f"DTEND;VALUE=DATE:{_date(day + timedelta(days=1))}",
        f"SUMMARY:{_text(title)}",
        f"DESCRIPTION:{_text(text)}",
        f"CATEGORIES:{_categories(categories)}",
        "TRANSP:TRANSPARENT",
    ]
    url = valid_url(occ.assignment.source)
    if url is not None:
        lines.append(f"URL:{url}")
    lines.extend(alarm)
    lines.append("END:VEVENT")
    return _Event(day, event_uid, b"".join(fold(line) for line in lines))


def events(occ: Occurrence, options: FeedOptions, stamp: datetime) -> Iterator[_Event]:
    """The deadline's own event and, when asked for and still relevant, its förvarning."""
    title = summary(occ)
    text = description(occ)
    pending = occ.delivered is None and not closed(occ)
    alarm: tuple[str, ...] = ()
    if pending and options.reminder_days > 0:
        fire = notice_day(occ.due, options.reminder_days)
        alarm = (
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_text(f'Påminnelse: {title} – förfaller {swedish_day(occ.due)}')}",
            f"TRIGGER:{_duration(alarm_trigger(occ.due, fire))}",
            "END:VALARM",
        )
    yield _event(
        occ,
        day=occ.due,
        event_uid=uid(occ),
        title=title,
        text=text,
        categories=(occ.deadline.kind,),
        stamp=stamp,
        alarm=alarm,
    )
    if pending and options.warning_days > 0:
        day = notice_day(occ.due, options.warning_days)
        left = (occ.due - day).days
        when = f"{occ.due.day} {MONTH_NAMES[occ.due.month - 1]}"
        yield _event(
            occ,
            day=day,
            event_uid=uid(occ, "/forvarning"),
            title=f"Om {left} {'dag' if left == 1 else 'dagar'} ({when}): {title}",
            text=f"Förvarning: förfaller {swedish_day(occ.due)}.\n\n{text}",
            categories=("förvarning", occ.deadline.kind),
            stamp=stamp,
        )


class EventCache:
    """Rendered events by occurrence key, shared by the feeds of one run (`--per-person`
    puts each event in up to three feeds). Only valid for one set of reminder options."""

    def __init__(self) -> None:
        self._events: dict[tuple[str, int, int, datetime | None], tuple[_Event, ...]] = {}
        self._stamps: dict[str, datetime] = {}

    def stamp(self, assignment: Assignment) -> datetime:
        found = self._stamps.get(assignment.id)
        if found is None:
            found = self._stamps[assignment.id] = assignment_stamp(assignment)
        return found

    def events(self, occ: Occurrence, options: FeedOptions) -> tuple[_Event, ...]:
        key = (occ.key, options.reminder_days, options.warning_days, options.stamp)
        found = self._events.get(key)
        if found is None:
            stamp = options.stamp or self.stamp(occ.assignment)
            found = self._events[key] = tuple(events(occ, options, stamp))
        return found


def render_feed(
    occurrences: Iterable[Occurrence], options: FeedOptions, cache: EventCache | None = None
) -> bytes:
    """A complete VCALENDAR; withdrawn assignments never reach here (schedule drops them)."""
    cache = cache or EventCache()
    collected: list[_Event] = []
    for occ in occurrences:
        if occ.assignment.status == "återkallat":
            continue
        collected.extend(cache.events(occ, options))
    collected.sort(key=lambda e: (e.day, e.uid))
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(one_line(options.name))}",
        f"NAME:{_text(one_line(options.name))}",
        f"X-WR-CALDESC:{_text(options.description)}",
        f"DESCRIPTION:{_text(options.description)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    out = [fold(line) for line in header]
    if not collected:
        out.extend(fold(line) for line in STOCKHOLM_VTIMEZONE)
    out.extend(event.data for event in collected)
    out.append(fold("END:VCALENDAR"))
    return b"".join(out)
