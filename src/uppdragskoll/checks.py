"""Rules over valid assignments, within and across files. Each rule is a small registered unit.

A rule is a function from all entries to findings; `CHECKS` gives each its stable code and
severity. The docstring of each rule is its documentation (docs/regler.md is written from it).
None of them depends on today's date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from uppdragskoll import dnr, schedule, workdays
from uppdragskoll.budget import year_span
from uppdragskoll.loader import Entry, suggest
from uppdragskoll.model import Deadline, YearAmounts
from uppdragskoll.money import format_kr
from uppdragskoll.problems import Problem, Severity

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Finding:
    entry: Entry
    path: Path_
    message: str
    key: bool = False
    place: tuple[int, int] | None = None  # a line and column that no data path has (a comment)


Rule = Callable[[Sequence[Entry]], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    rule: Rule
    description: str  # Swedish, for docs/regler.md

    @property
    def doc(self) -> str:
        return (self.rule.__doc__ or "").strip()


def check_duplicate_assignment(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Two files must not give the same assignment id (file stem), e.g. `x.yaml` and `x.yml`.

    PASS:  data/uppdrag/a.yaml, data/uppdrag/b.yaml
    FAIL:  data/uppdrag/a.yaml, annan/a.yaml
    """
    seen: dict[str, Entry] = {}
    for entry in entries:
        first = seen.setdefault(entry.assignment.id, entry)
        if first is not entry:
            yield Finding(
                entry,
                (),
                f"Uppdrags-id `{entry.assignment.id}` finns redan i {first.file}; "
                "varje uppdrag ska ha ett eget filnamn.",
            )


def check_duplicate_deadline(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Each redovisning `id` is unique within its file (`uppdrag/redovisning` is global).

    PASS:  redovisningar: [{id: plan, ...}, {id: slut, ...}]
    FAIL:  redovisningar: [{id: plan, ...}, {id: plan, ...}]
    """
    for entry in entries:
        seen: dict[str, int] = {}
        for i, deadline in enumerate(entry.assignment.deadlines):
            if deadline.id in seen:
                line = entry.at("redovisningar", seen[deadline.id], "id")[0]
                yield Finding(
                    entry,
                    ("redovisningar", i, "id"),
                    f"Redovisningen `{deadline.id}` finns redan på rad {line}; ge den ett eget id.",
                )
            else:
                seen[deadline.id] = i


def check_duplicate_person(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Each person `id` is unique within its file.

    PASS:  personer: [{id: pl, ...}, {id: controller, ...}]
    FAIL:  personer: [{id: pl, ...}, {id: pl, ...}]
    """
    for entry in entries:
        seen: set[str] = set()
        for i, person in enumerate(entry.assignment.people):
            if person.id in seen:
                yield Finding(
                    entry,
                    ("personer", i, "id"),
                    f"Personen `{person.id}` finns redan; ge varje person ett eget id.",
                )
            seen.add(person.id)


def check_responsible_exists(entries: Sequence[Entry]) -> Iterator[Finding]:
    """`ansvarig` must name an id under `personer`.

    PASS:  ansvarig: projektledare-sos   (with personer: [{id: projektledare-sos, ...}])
    FAIL:  ansvarig: okand-person
    """
    for entry in entries:
        people = [p.id for p in entry.assignment.people]
        items: list[tuple[str, int, str | None]] = [
            ("redovisningar", i, d.responsible) for i, d in enumerate(entry.assignment.deadlines)
        ] + [("aktiviteter", i, a.responsible) for i, a in enumerate(entry.assignment.activities)]
        for section, i, responsible in items:
            if responsible is not None and responsible not in people:
                known = ", ".join(f"`{p}`" for p in people) or "inga"
                yield Finding(
                    entry,
                    (section, i, "ansvarig"),
                    f"`ansvarig: {responsible}` finns inte under `personer` (kända: {known})."
                    + suggest(responsible, people),
                )


def check_open_series(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A recurring deadline (`upprepas`) without `till` is a series with no last occurrence
    ("senast den 15 december varje år, från och med 2027"); it is shown ten years ahead from
    `datum` or from its latest delivered occurrence; set `till` once the last one is known.

    PASS:  {datum: 2026-10-15, upprepas: årligen, till: 2027-10-15}
    FAIL:  {datum: 2026-10-15, upprepas: årligen}
    """
    for entry in entries:
        for i, d in enumerate(entry.assignment.deadlines):
            if d.repeats is None or d.until is not None or d.due is None:
                continue
            shown = schedule.due_dates(d)
            yield Finding(
                entry,
                ("redovisningar", i, "upprepas"),
                f"`{d.id}` upprepas {d.repeats} utan `till`, alltså utan känt sista "
                f"tillfälle; status och kalendrar visar {len(shown)} tillfällen, till och med "
                f"{shown[-1].isoformat()} ({schedule.OPEN_SERIES_YEARS} år från `datum` eller "
                "från det senast inlämnade tillfället). Sätt `till` när sista tillfället är "
                "känt.",
            )


def check_until_fits(entries: Sequence[Entry]) -> Iterator[Finding]:
    """`till`, the last occurrence of a recurring deadline, is not before `datum`, and is
    only given with `upprepas`.

    PASS:  {datum: 2026-10-15, upprepas: årligen, till: 2027-10-15}
    FAIL:  {datum: 2026-10-15, till: 2027-10-15}
    """
    for entry in entries:
        for i, d in enumerate(entry.assignment.deadlines):
            if d.repeats is not None and d.until is not None and d.due is not None:
                if d.until.due < d.due.due:
                    yield Finding(
                        entry,
                        ("redovisningar", i, "till"),
                        f"`till` ({d.until.text}) ligger före `datum` ({d.due.text}).",
                    )
            elif d.repeats is None and d.until is not None:
                yield Finding(
                    entry,
                    ("redovisningar", i, "till"),
                    "`till` gäller bara återkommande redovisningar; lägg till `upprepas:` "
                    "eller ta bort `till`.",
                )


def check_deadline_has_date(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A redovisning needs `datum`, or `löpande: true` when it is ongoing with no date.

    PASS:  {id: info, typ: övrigt, löpande: true}
    FAIL:  {id: plan, typ: plan}
    """
    for entry in entries:
        for i, d in enumerate(entry.assignment.deadlines):
            if d.due is None and not d.ongoing:
                yield Finding(
                    entry,
                    ("redovisningar", i),
                    f"Redovisningen `{d.id}` saknar `datum`; ange ett datum eller en period, "
                    "eller `löpande: true` om den inte har något.",
                )


def check_delivered_shape(entries: Sequence[Entry]) -> Iterator[Finding]:
    """`inlämnad` is one date for a single deadline, and `{förfallodag: inlämnad}` for a
    recurring one, each key an occurrence of the series.

    PASS:  {upprepas: årligen, datum: 2026-10-15, till: 2027-10-15,
            inlämnad: {2026-10-15: 2026-10-14}}
    FAIL:  {upprepas: årligen, datum: 2026-10-15, till: 2027-10-15, inlämnad: 2026-10-14}
    """
    for entry in entries:
        # From the deadlines themselves: a withdrawn assignment has no occurrences in the
        # views, but its recorded deliveries are still valid.
        occurrences = {d.id: set(schedule.due_dates(d)) for d in entry.assignment.deadlines}
        for i, d in enumerate(entry.assignment.deadlines):
            value = d.delivered
            if value is None:
                continue
            path: Path_ = ("redovisningar", i, "inlämnad")
            recurring = d.repeats is not None
            if recurring and not isinstance(value, dict):
                yield Finding(
                    entry,
                    path,
                    "För en återkommande redovisning anges `inlämnad` per tillfälle: "
                    f"`inlämnad: {{{d.due.due if d.due else 'ÅÅÅÅ-MM-DD'}: {value}}}`.",
                )
            elif isinstance(value, dict):
                if not recurring:
                    yield Finding(
                        entry,
                        path,
                        "`inlämnad` ska vara ett datum för en redovisning som inte upprepas.",
                    )
                    continue
                valid = occurrences.get(d.id, set())
                for due in sorted(value):
                    if due not in valid:
                        shown = ", ".join(x.isoformat() for x in sorted(valid)[:6]) or "inga"
                        yield Finding(
                            entry,
                            (*path, due.isoformat()),
                            f"{due.isoformat()} är inget tillfälle för `{d.id}` "
                            f"(tillfällen: {shown}).",
                            key=True,
                        )


def check_until_is_an_occurrence(entries: Sequence[Entry]) -> Iterator[Finding]:
    """`till` of a recurring deadline should be one of its occurrences; otherwise the last
    occurrence is earlier than the file seems to say (e.g. after the first date was moved).

    PASS:  {datum: 2026-03-31, upprepas: årligen, till: 2027-03-31}
    FAIL:  {datum: 2026-04-15, upprepas: årligen, till: 2027-03-31}
    """
    for entry in entries:
        for i, d in enumerate(entry.assignment.deadlines):
            if d.repeats is None or d.until is None or d.due is None:
                continue
            step = schedule.STEP_MONTHS[d.repeats]
            days = schedule.recurrence_dates(d.due.due, step, d.until.due)
            if days and days[-1] != d.until.due:
                yield Finding(
                    entry,
                    ("redovisningar", i, "till"),
                    f"`till: {d.until.text}` är inget tillfälle i serien från {d.due.text}; "
                    f"sista tillfället blir {days[-1].isoformat()}. Rätta `till` om serien ska "
                    "ha fler tillfällen.",
                )


def check_delivered_after_decision(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A delivery (`inlämnad`) cannot come before the decision (`beslutad`) that asked for it.

    PASS:  {beslutad: 2025-11-20, inlämnad: 2026-05-29}
    FAIL:  {beslutad: 2025-11-20, inlämnad: 2020-01-01}
    """
    for entry in entries:
        decided = entry.assignment.decided
        if decided is None:
            continue
        for i, d in enumerate(entry.assignment.deadlines):
            value = d.delivered
            dates = list(value.values()) if isinstance(value, dict) else [value] if value else []
            for day in dates:
                if day < decided:
                    yield Finding(
                        entry,
                        ("redovisningar", i, "inlämnad"),
                        f"`{d.id}` är inlämnad {day.isoformat()}, före beslutet "
                        f"{decided.isoformat()}. Stämmer datumet?",
                    )


def check_budget_years(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Years in `år` do not overlap, and a span is written from the earlier year.

    PASS:  år: {2026: {beräknat: 7 mnkr}, 2027–2028: {beviljat: 8 mnkr}}
    FAIL:  år: {2026–2029: {beviljat: 48 mnkr}, 2027: {beräknat: 7 mnkr}}
    """
    for entry in entries:
        for b, line in enumerate(entry.assignment.budget):
            taken: dict[int, str] = {}
            for key in line.years:
                first, last = year_span(key)
                path: Path_ = ("budget", b, "år", key)
                if last < first:
                    yield Finding(entry, path, f"Spannet `{key}` slutar före det börjar.", True)
                    continue
                for year in range(first, last + 1):
                    if year in taken:
                        yield Finding(
                            entry,
                            path,
                            f"År {year} ingår både i `{taken[year]}` och i `{key}`.",
                            True,
                        )
                        break
                    taken[year] = key


def _ceilings(line_years: Mapping[str, YearAmounts]) -> dict[int, tuple[str, int | None]]:
    out: dict[int, tuple[str, int | None]] = {}
    for key, amounts in line_years.items():
        first, last = year_span(key)
        for year in range(first, last + 1):
            out[year] = (key, amounts.ceiling)
    return out


def check_spending_has_ceiling(entries: Sequence[Entry]) -> Iterator[Finding]:
    """`utfall` in a year needs a ceiling (`beviljat` or `beräknat`) for that year.

    PASS:  år: {2026: {beviljat: 2 mnkr}}, utfall: [{datum: 2026-06-30, belopp: 1 mnkr}]
    FAIL:  år: {2026: {beviljat: 2 mnkr}}, utfall: [{datum: 2027-06-30, belopp: 1 mnkr}]
    """
    for entry in entries:
        for b, line in enumerate(entry.assignment.budget):
            ceilings = _ceilings(line.years)
            for s, spend in enumerate(line.spending):
                _, ceiling = ceilings.get(spend.day.year, ("", None))
                if ceiling is None:
                    yield Finding(
                        entry,
                        ("budget", b, "utfall", s, "datum"),
                        f"Utfall {spend.day.isoformat()} ligger i {spend.day.year}, som saknar "
                        f"`beviljat` eller `beräknat` under `år`.",
                    )


def check_spending_within_ceiling(entries: Sequence[Entry]) -> Iterator[Finding]:
    """The `utfall` of a year (or lump-sum span) must not exceed its ceiling.

    PASS:  år: {2026: {beviljat: 2 mnkr}}, utfall: [{belopp: 2 mnkr, ...}]
    FAIL:  år: {2026: {beviljat: 2 mnkr}}, utfall: [{belopp: 2 100 000 kr, ...}]
    """
    for entry in entries:
        for b, line in enumerate(entry.assignment.budget):
            ceilings = _ceilings(line.years)
            used: dict[str, int] = defaultdict(int)
            last_index: dict[str, int] = {}
            for s, spend in enumerate(line.spending):
                key, ceiling = ceilings.get(spend.day.year, ("", None))
                if ceiling is not None:
                    used[key] += spend.amount
                    last_index[key] = s
            for key, total in sorted(used.items()):
                ceiling = line.years[key].ceiling
                if ceiling is not None and total > ceiling:
                    yield Finding(
                        entry,
                        ("budget", b, "utfall", last_index[key], "belopp"),
                        f"Utfallet för {key} är {format_kr(total)}, över taket "
                        f"{format_kr(ceiling)} med {format_kr(total - ceiling)}.",
                    )


def check_spending_not_negative(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A negative `utfall` (a correction or repayment) must not make a year's total negative:
    the remaining money would then exceed the ceiling.

    PASS:  utfall: [{belopp: 2 mnkr, ...}, {belopp: -500 000 kr, ...}]
    FAIL:  utfall: [{belopp: -5 mnkr, ...}]
    """
    for entry in entries:
        for b, line in enumerate(entry.assignment.budget):
            totals: dict[int, tuple[int, int]] = {}
            for s, spend in enumerate(line.spending):
                total, _ = totals.get(spend.day.year, (0, s))
                totals[spend.day.year] = (total + spend.amount, s)
            for year, (total, last) in sorted(totals.items()):
                if total < 0:
                    yield Finding(
                        entry,
                        ("budget", b, "utfall", last, "belopp"),
                        f"Utfallet för {year} blir sammanlagt {format_kr(total)}; ett negativt "
                        "belopp (rättelse eller återbetalning) kan inte vara större än det som "
                        "redan använts det året.",
                    )


def _all_case_numbers(entry: Entry) -> Iterator[tuple[Path_, str]]:
    for i, number in enumerate(entry.assignment.case_numbers):
        yield ("diarienummer", i), number
    for i, d in enumerate(entry.assignment.deadlines):
        for c, change in enumerate(d.changes):
            if change.decision:
                yield ("redovisningar", i, "ändringar", c, "beslut"), change.decision


def check_case_number_format(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Regeringskansliet's diarienummer look like `S2025/01981`, `Fi2015/2449` or
    `S2019/02110/FS`, optionally `(delvis)`. A malformed one is a warning: decisions have typos.

    PASS:  diarienummer: [S2025/01981]
    FAIL:  diarienummer: [S2025-01981]
    """
    for entry in entries:
        for path, number in _all_case_numbers(entry):
            if not dnr.is_valid_dnr(number):
                yield Finding(
                    entry,
                    path,
                    f"`{number}` ser inte ut som ett diarienummer från Regeringskansliet "
                    "(t.ex. S2025/01981 eller S2019/02110/FS).",
                )


def check_case_number_unique(entries: Sequence[Entry]) -> Iterator[Finding]:
    """The same diarienummer in two files is a warning, unless marked `(delvis)`: one
    decision can hold several assignments.

    PASS:  a.yaml: [S2025/01981 (delvis)], b.yaml: [S2025/01981 (delvis)]
    FAIL:  a.yaml: [S2025/01981], b.yaml: [S2025/01981]
    """
    seen: dict[str, Entry] = {}
    for entry in entries:
        for i, number in enumerate(entry.assignment.case_numbers):
            if "delvis" in number.lower():
                continue
            key = dnr.normalise_dnr(number).lower()
            first = seen.setdefault(key, entry)
            if first is not entry:
                yield Finding(
                    entry,
                    ("diarienummer", i),
                    f"Diarienumret {number} finns också i {first.file}. Är det samma uppdrag? "
                    "Skriv annars `(delvis)` efter numret i båda filerna.",
                )


def _due_before(
    entries: Sequence[Entry],
    first_kind: str,
    later_kind: str,
    describe: Callable[[Deadline, Deadline], str],
    *,
    before_all: bool = False,
) -> Iterator[Finding]:
    """A deadline of `later_kind` due before one of `first_kind` in the same assignment (with
    `before_all`, before every one of them)."""
    for entry in entries:
        deadlines = entry.assignment.deadlines
        firsts = [d for d in deadlines if d.kind == first_kind and d.due is not None]
        if before_all:
            firsts = sorted(firsts, key=lambda d: d.due.due if d.due else date.max)[:1]
        for i, later in enumerate(deadlines):
            if later.kind != later_kind or later.due is None:
                continue
            due = later.due.due
            earlier = next((d for d in firsts if d.due is not None and due < d.due.due), None)
            if earlier is not None:
                yield Finding(entry, ("redovisningar", i, "datum"), describe(later, earlier))


def check_final_after_interim(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A slutredovisning should not be due before a delredovisning of the same assignment.

    PASS:  delredovisning 2027-03-31, slutredovisning 2028-03-31
    FAIL:  delredovisning 2028-06-30, slutredovisning 2028-03-31
    """
    return _due_before(
        entries,
        "delredovisning",
        "slutredovisning",
        lambda final, d: (
            f"Slutredovisningen `{final.id}` ({_text(final)}) ligger före "
            f"delredovisningen `{d.id}` ({_text(d)}). Stämmer datumen?"
        ),
    )


def check_repayment_after_requisition(entries: Sequence[Entry]) -> Iterator[Finding]:
    """An återbetalning should not be due before every rekvisition of the same assignment;
    money requisitioned year by year is repaid year by year, so one repayment may come
    before the next year's rekvisition.

    PASS:  rekvisition 2025-12-01, återbetalning 2026-03-31
    PASS:  rekvisition 2025-12-15 and 2026-12-15, återbetalning 2025-12-30 and 2026-12-30
    FAIL:  rekvisition 2026-12-01, återbetalning 2026-03-31
    """
    return _due_before(
        entries,
        "rekvisition",
        "återbetalning",
        lambda repay, d: (
            f"Återbetalningen `{repay.id}` ({_text(repay)}) ligger före "
            f"rekvisitionen `{d.id}` ({_text(d)}). Stämmer datumen?"
        ),
        before_all=True,
    )


def _text(deadline: Deadline) -> str:
    return deadline.due.text if deadline.due is not None else ""


def check_non_working_day(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A deadline on a Saturday, Sunday or Swedish holiday is kept as decided (lag 1930:173
    does not move it); this names the last working day before it.

    PASS:  datum: 2026-05-29   (fredag)
    FAIL:  datum: 2026-05-30   (lördag: sista arbetsdag 2026-05-29)
    """
    for entry in entries:
        index = {id(d): i for i, d in enumerate(entry.assignment.deadlines)}
        for occ in schedule.occurrences(entry.assignment):
            if occ.delivered is not None or occ.working_day:
                continue
            if occ.wording is not None:
                continue  # a period ends on a calendar day, not a decided one
            name = (workdays.holiday_name(occ.due) or "helgdag").lower()
            target = workdays.last_working_day_before(occ.due)
            yield Finding(
                entry,
                ("redovisningar", index[id(occ.deadline)], "datum"),
                f"`{occ.key}` förfaller {occ.due.isoformat()} ({name}), som inte är en "
                f"arbetsdag; sista arbetsdag före är {target.isoformat()}.",
            )


DRAFT_NOTE = "UTKAST:"


def check_reviewed(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A draft from `uppdrag importera` still carries its review markers: the `# UTKAST`
    comment it opens with, or an `anteckning` that starts with `UTKAST:`. Each marker is a
    warning, so `check --strict` in CI keeps an unreviewed draft from being published.

    PASS:  anteckning: Datumet bekräftat av departementet.
    FAIL:  # UTKAST skapat av `uppdrag importera` …   (first line of the file)
    FAIL:  anteckning: "UTKAST: Beslutet anger inget datum; …"
    """
    for entry in entries:
        mark = entry.document.draft_mark
        if mark is not None:
            yield Finding(
                entry,
                (),
                "Filen är ett utkast från `uppdrag importera` som inte är granskat: jämför datum "
                "och belopp med beslutet, gå igenom `# Att granska:` och ta sedan bort "
                "kommentarerna överst (`# UTKAST …` och listan).",
                place=mark,
            )
        notes: list[tuple[Path_, str | None]] = [(("anteckning",), entry.assignment.note)]
        notes += [
            (("redovisningar", i, "anteckning"), d.note)
            for i, d in enumerate(entry.assignment.deadlines)
        ]
        for path, note in notes:
            if note is not None and note.lstrip().startswith(DRAFT_NOTE):
                where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
                yield Finding(
                    entry,
                    path,
                    f"`{where.lstrip('.')}` börjar med `{DRAFT_NOTE}`: utkastet är inte granskat "
                    "här. Gör det anteckningen säger och ta sedan bort den.",
                )


def check_agency_known(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A person's or budget line's `myndighet` should be one of the assignment's `myndigheter`.

    PASS:  myndigheter: [{namn: Socialstyrelsen}], personer: [{myndighet: Socialstyrelsen}]
    FAIL:  myndigheter: [{namn: Socialstyrelsen}], personer: [{myndighet: Socialstyrelse}]
    """
    for entry in entries:
        names = [a.name for a in entry.assignment.agencies]
        if not names:
            continue
        places: list[tuple[Path_, str | None]] = [
            (("personer", i, "myndighet"), p.agency) for i, p in enumerate(entry.assignment.people)
        ]
        places += [
            (("budget", i, "myndighet"), b.agency) for i, b in enumerate(entry.assignment.budget)
        ]
        for path, agency in places:
            if agency is not None and agency not in names:
                yield Finding(
                    entry,
                    path,
                    f"Myndigheten `{agency}` finns inte under `myndigheter`."
                    + suggest(agency, names),
                )


CHECKS: tuple[Check, ...] = (
    Check(
        "dubbelt-uppdrag",
        Severity.ERROR,
        check_duplicate_assignment,
        (
            "Två filer får inte ge samma uppdrags-id (filnamn utan ändelse), t.ex. `x.yaml` och "
            "`x.yml`."
        ),
    ),
    Check(
        "dubbel-redovisning",
        Severity.ERROR,
        check_duplicate_deadline,
        (
            "En redovisnings `id` ska vara unikt i sin fil; `uppdrag/redovisning` används i "
            "kalendrar och av `uppdrag klar`."
        ),
    ),
    Check(
        "dubbel-person",
        Severity.ERROR,
        check_duplicate_person,
        "En persons `id` ska vara unikt i sin fil.",
    ),
    Check(
        "okand-ansvarig",
        Severity.ERROR,
        check_responsible_exists,
        "`ansvarig` ska vara ett `id` under `personer` (med förslag vid stavfel).",
    ),
    Check(
        "upprepning-utan-slut",
        Severity.INFO,
        check_open_series,
        (
            "En återkommande redovisning (`upprepas`) utan `till:` är en serie utan känt sista "
            "tillfälle (”varje år från och med 2027”). Status och kalendrar visar den tio år "
            "framåt från `datum` eller från det senast inlämnade tillfället; sätt `till` när "
            "sista tillfället är känt."
        ),
    ),
    Check(
        "till-ogiltig",
        Severity.ERROR,
        check_until_fits,
        (
            "`till` (sista tillfället i en återkommande redovisning) får inte ligga före `datum`,"
            " och `till` utan `upprepas` är fel."
        ),
    ),
    Check(
        "datum-saknas",
        Severity.ERROR,
        check_deadline_has_date,
        (
            "En redovisning behöver `datum`, eller `löpande: true` om den saknar datum (”ska "
            "löpande informera”)."
        ),
    ),
    Check(
        "inlamnad-form",
        Severity.ERROR,
        check_delivered_shape,
        (
            "`inlämnad` är ett datum för en enstaka redovisning och `{förfallodag: inlämnad}` för"
            " en återkommande, där varje förfallodag är ett av seriens tillfällen."
        ),
    ),
    Check(
        "till-utanfor-serie",
        Severity.WARNING,
        check_until_is_an_occurrence,
        (
            "`till` i en återkommande redovisning bör vara ett av seriens tillfällen; annars "
            "blir sista tillfället ett annat än filen verkar säga (till exempel efter att "
            "första datumet flyttats)."
        ),
    ),
    Check(
        "inlamnad-fore-beslut",
        Severity.WARNING,
        check_delivered_after_decision,
        "En redovisning kan inte vara inlämnad före beslutet (`beslutad`) som begärde den.",
    ),
    Check(
        "overlappande-ar",
        Severity.ERROR,
        check_budget_years,
        (
            "Åren under `år` får inte överlappa; ett klumpbelopp skrivs `2026–2029` och delas "
            "inte upp."
        ),
    ),
    Check(
        "utfall-utan-tak",
        Severity.ERROR,
        check_spending_has_ceiling,
        "Utfall ett år kräver ett tak det året: `beviljat` eller `beräknat`.",
    ),
    Check(
        "over-tak",
        Severity.ERROR,
        check_spending_within_ceiling,
        "Utfallet ett år (eller i ett klumpbelopps spann) får inte överstiga taket.",
    ),
    Check(
        "negativt-utfall",
        Severity.ERROR,
        check_spending_not_negative,
        (
            "Ett negativt utfall (rättelse eller återbetalning) får inte göra årets utfall "
            "negativt; då skulle mer än taket finnas kvar."
        ),
    ),
    Check(
        "ogiltigt-diarienummer",
        Severity.WARNING,
        check_case_number_format,
        (
            "Regeringskansliets diarienummer ser ut som `S2025/01981`, `Fi2015/2449` eller "
            "`S2019/02110/FS`, ibland med `(delvis)`. Ett felaktigt är en varning: beslut "
            "innehåller stavfel."
        ),
    ),
    Check(
        "dubbelt-diarienummer",
        Severity.WARNING,
        check_case_number_unique,
        (
            "Samma diarienummer i två filer är en varning, utom när det är märkt `(delvis)`: ett "
            "beslut kan innehålla flera uppdrag."
        ),
    ),
    Check(
        "slut-fore-del",
        Severity.WARNING,
        check_final_after_interim,
        "En slutredovisning bör inte ligga före en delredovisning i samma uppdrag.",
    ),
    Check(
        "aterbetalning-fore-rekvisition",
        Severity.WARNING,
        check_repayment_after_requisition,
        (
            "En återbetalning bör inte ligga före uppdragets första rekvisition (medel som "
            "rekvireras år för år återbetalas år för år)."
        ),
    ),
    Check(
        "okand-myndighet",
        Severity.WARNING,
        check_agency_known,
        "En persons eller budgetrads `myndighet` bör finnas under uppdragets `myndigheter`.",
    ),
    Check(
        "utkast",
        Severity.WARNING,
        check_reviewed,
        (
            "Ett utkast från `uppdrag importera` som inte är granskat: kommentaren "
            "`# UTKAST skapat av …` överst i filen, eller en `anteckning` som börjar med "
            "`UTKAST:`. Varje markering är en varning, så att `uppdrag check --strict` i CI "
            "stoppar ett ogranskat utkast."
        ),
    ),
    Check(
        "icke-arbetsdag",
        Severity.INFO,
        check_non_working_day,
        (
            "En redovisning som förfaller en lördag, söndag eller helgdag (midsommarafton, "
            "julafton och nyårsafton räknas som helgdagar). Lag (1930:173) flyttar inte datum i "
            "regeringsbeslut, så datumet står kvar; upplysningen anger sista arbetsdag före."
        ),
    ),
)


# The rules whose findings would make the views miscount: such files are left out of them.
# Other errors (an overspent ceiling, an unknown ansvarig) describe a real state that the
# views show as it is, in red where it matters.
MISCOUNTING = frozenset(
    {"dubbelt-uppdrag", "dubbel-redovisning", "overlappande-ar", "negativt-utfall"}
)
VIEW_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.code in MISCOUNTING)


def run_all(entries: Sequence[Entry], checks: Sequence[Check] = CHECKS) -> list[Problem]:
    problems = []
    for check in checks:
        for finding in check.rule(entries):
            line, col = finding.place or finding.entry.at(*finding.path, key=finding.key)
            problems.append(
                Problem(finding.entry.file, line, col, check.severity, check.code, finding.message)
            )
    return problems
