"""After all sentences: kinds, recipients, replaced dates and duplicates settled. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from .amounts import AGREEMENT_SPAN, find_years
from .dates import (
    ANNUAL_REPORT_DAY,
    MONTH_NAMES,
    MONTHS,
    due_sort_key,
    find_dates,
    is_iso_day,
    last_year_before,
    later,
    on_day,
    with_year,
)
from .deadlines import FINANCIAL, REPORTS, UNTIL_YEAR, subject_text, supersede
from .found import Extraction, FoundDeadline, MoneyRow, kronor_text, short_text
from .identity import (
    AGENCY_NAME,
    DNR_PREFIX_MINISTRY,
    agency_mentions,
    canonical_department,
    task_subjects,
)
from .money_rows import COST_ESTIMATE
from .text import Region

# --- after all sentences -----------------------------------------------------------------------


def _after_the_final_report(d: FoundDeadline, deadlines: list[FoundDeadline]) -> None:
    """ "tre månader efter att uppdraget har slutredovisats": the final report's date (a named
    one, else the latest report of unnamed kind) plus the time, flagged for a human."""
    exact = [o for o in deadlines if o is not d and o.due and is_iso_day(o.due) and not o.repeats]
    finals = [o for o in exact if o.kind == "slutredovisning"] or [
        o for o in exact if o.kind is None
    ]
    assert d.offset is not None
    n, unit = d.offset
    if not finals:
        d.ongoing = True
        d.note = f"Ska lämnas {n} {unit} efter slutredovisningen, vars datum inte hittades."
        return
    final = max(finals, key=lambda o: o.due or "")
    assert final.due is not None
    d.due = later(date.fromisoformat(final.due), n, unit).isoformat()
    d.note = f"Datumet är räknat: {n} {unit} efter slutredovisningen {final.due}. Kontrollera."


def _order_agencies(ex: Extraction) -> None:
    """Agencies the decision addresses first, then the others in the order the body first
    names them."""
    ident = ex.identity
    rest = ident.agencies[ident.addressed :]
    if len(rest) < 2:
        return
    first: dict[str, int] = {}
    for sentence in ex.doc.sentences:
        if sentence.region is not Region.BODY:
            continue
        for a, _, name in agency_mentions(ident, sentence.text):
            first.setdefault(name, sentence.start + a)
    rest.sort(key=lambda entry: first.get(entry[0], entry[2][0]))
    ident.agencies[ident.addressed :] = rest


def resolve_all(ex: Extraction) -> None:
    _order_agencies(ex)
    _planned_paid_out(ex)
    _year_of_decision(ex)
    for row in ex.money:
        if not row.year:
            ex.review.append(
                f"Beloppet {kronor_text(row.amount)} ({row.kind}) saknar år i beslutet; "
                f"ange år under budget: «{short_text(row.sentence.text)}»"
            )
    _term_extended(ex)
    for d in [d for d in ex.deadlines if d.supersedes]:
        supersede(ex, d)
    deadlines = ex.deadlines
    # "i samband med slutredovisningen": take that deadline's date
    for d in deadlines:
        if d.anchor is None:
            continue
        target = next(
            (
                o
                for o in deadlines
                if o.due
                and o is not d
                and (
                    o.kind == d.anchor
                    or (d.anchor == "*" and (o.kind in REPORTS or o.kind is None))
                )
            ),
            None,
        )
        if target is None and d.anchor == "slutredovisning":
            # "senast i samband med slutredovisning" when the last report is not named so:
            # the last report of unspecified kind, which becomes the final one below
            generic = [o for o in deadlines if o.due and o.kind is None and not o.repeats]
            target = max(generic, key=lambda o: due_sort_key(o.due or ""), default=None)
        if d.offset is not None:
            _after_the_final_report(d, deadlines)
        elif target is not None:
            d.due, d.repeats, d.until = target.due, target.repeats, target.until
        else:
            d.ongoing = True
            d.note = "Ska lämnas i samband med en annan redovisning vars datum inte hittades."
    _after_the_previous_report(ex)
    _years_from_money(ex)
    _years_from_task_period(ex)
    _years_from_the_sentence_before(ex)
    _first_after_decision(ex)
    _list_ending_the_assignment(ex)
    # Reports of unspecified kind: the last one is the final report unless one is named.
    dated_generic = [d for d in deadlines if d.kind is None and d.due and not d.repeats]
    last_due = max((due_sort_key(d.due) for d in dated_generic if d.due), default=None)
    # "senast den 31 december 2022 och därefter årligen …": a report that yearly reports
    # follow is not the final one
    later_series = [
        d for d in deadlines if d.due and d.repeats and last_due and due_sort_key(d.due) > last_due
    ]
    if later_series:
        last_due = None
    # a named final report before the last unnamed one is a participant's, not the whole
    # assignment's ("X ska senast den 25 januari lämna en slutrapport till Y … Y ska lämna en
    # samlad redovisning senast den 15 februari")
    has_final = any(
        d.kind == "slutredovisning"
        and (last_due is None or not d.due or due_sort_key(d.due) >= last_due)
        for d in deadlines
    )
    for d in deadlines:
        if d.kind is not None:
            continue
        if d.repeats:
            d.kind = "årlig redovisning" if d.repeats == "årligen" else "delredovisning"
        elif d.due and not has_final and due_sort_key(d.due) == last_due:
            d.kind = "slutredovisning"
        elif d.due:
            d.kind = "delredovisning"
        elif d.in_annual_report:
            # "ska redovisas i myndighetens årsredovisningar": a yearly report, year unknown
            d.kind = "årlig redovisning"
        else:
            d.kind = "övrigt"
    _final_report_dated_in_passing(ex)
    _last_part_is_final(ex)
    _until_final_report(ex)
    for d in deadlines:
        if d.kind == "slutredovisning" and not d.until:
            # "… och därefter den 1 mars varje år fram till att uppdraget slutredovisas den 1
            # mars 2023": the sentence is yearly, the final report is not
            d.repeats = None
    if len(dated_generic) > 1 or (dated_generic and has_final):
        ex.review.append(
            "Beslutet anger inte typen för alla redovisningar; den sista har tolkats som "
            "slutredovisning och de tidigare som delredovisningar. Kontrollera `typ`."
        )
    _default_recipients(ex)
    _not_to_ourselves(ex)
    _split_over_agencies(ex)
    _dedupe(ex)


_TERM_EXTENDED = re.compile(
    r"\b(?:uppdraget|uppdragstiden)\s+förlängs\s+(?:till(?:\s+och\s+med)?|t\.\s?o\.\s?m\.)\s+den\b",
    re.I,
)


def _term_extended(ex: Extraction) -> None:
    """ "Uppdragstiden förlängs till den 31 december 2019. … slutredovisning senast den 3 april
    2020": with a report due after it, the date ends the assignment's term and is no report;
    alone ("Uppdraget förlängs till den 1 september 2021") it moves the final report."""
    for d in list(ex.deadlines):
        text = d.sentence.text
        if (
            not d.due
            or not _TERM_EXTENDED.search(text)
            or re.search(r"redovis|rapport", text, re.I)
        ):
            continue
        if any(
            o.due
            and o.sentence.start > d.sentence.start
            and due_sort_key(o.due) > due_sort_key(d.due)
            for o in ex.deadlines
        ):
            ex.deadlines.remove(d)
            ex.validity.append((d.due, d.sentence, d.span))


_PART_OF_THE_ASSIGNMENT = re.compile(r"\b(?:den|denna)\s+del(?:en)?\s+av\s+uppdraget\b", re.I)


def _last_part_is_final(ex: Extraction) -> None:
    """ "senast den 1 september 2025 redovisa den del av uppdraget som avser X och senast den 1
    mars 2026 redovisa den del av uppdraget som avser Y", and no final report: reporting the
    last part finishes the assignment."""
    if any(d.kind == "slutredovisning" for d in ex.deadlines):
        return
    dated = [d for d in ex.deadlines if d.due and not d.repeats and d.kind in REPORTS]
    if len(dated) < 2 or not all(
        d.kind == "delredovisning" and _PART_OF_THE_ASSIGNMENT.search(d.sentence.text)
        for d in dated
    ):
        return
    last = max(dated, key=lambda d: due_sort_key(d.due or ""))
    # every part due on that day is the final report, delivered once
    for d in dated:
        if d.due == last.due and d.recipient == last.recipient and d is not last:
            ex.deadlines.remove(d)
    last.kind = "slutredovisning"
    ex.review.append(
        "Beslutet redovisas i delar och nämner ingen slutredovisning; den sista delen har "
        "tolkats som slutredovisning. Kontrollera `typ`."
    )


_FINAL_IN_PASSING = re.compile(
    r"\bi\s+samband\s+med\s+(?:myndighetens\s+|uppdragets\s+)?slutredovisning(?:en)?\s+"
    r"(?:av\s+uppdraget\s+)?(?:senast\s+)?(?=(?:den\s+)?\d)",
    re.I,
)


def _final_report_dated_in_passing(ex: Extraction) -> None:
    """ "Medel som inte har utnyttjats ska återbetalas … senast i samband med
    slutredovisningen den 1 juni 2020" and no final report of its own: that is its date."""
    if any(d.kind == "slutredovisning" for d in ex.deadlines):
        return
    for d in ex.deadlines:
        m = _FINAL_IN_PASSING.search(d.sentence.text)
        if m is None or not d.due or not is_iso_day(d.due) or d.repeats:
            continue
        hits = [h for h in find_dates(d.sentence.text) if h.start == m.end()]
        if not hits or hits[0].values != (d.due,):
            continue
        span = (d.sentence.start + m.start(), d.sentence.start + hits[0].end)
        ex.deadlines.append(
            FoundDeadline(
                "slutredovisning",
                d.due,
                d.sentence,
                span,
                title="Slutredovisning",
                note="Datumet står bara i en mening om en annan leverans; kontrollera mottagaren.",
            )
        )
        return


_OWN_GENERIC_SUBJECT = re.compile(
    r"\s*(?:(?:Därutöver|Dessutom|Vidare|Även|Också)\s+)?(?:Myndigheterna|Universiteten|"
    r"Lärosätena|Länsstyrelserna|Myndigheten|Respektive\s+myndighet|Varje\s+myndighet|"
    # "Myndigheternas individuella analyser redovisas … till Folkhälsomyndigheten och …"
    r"Myndigheternas|Universitetens|Lärosätenas|Länsstyrelsernas)\s",
    re.I,
)


_STEP_MONTHS = {"årligen": 12, "halvårsvis": 6, "kvartalsvis": 3, "månadsvis": 1}


def _list_ending_the_assignment(ex: Extraction) -> None:
    """ "ska lämna en redovisning senast den 31 mars 2026, den 31 mars 2027 och den 31 mars
    2028" and nothing later: the last date is the final report. The earlier ones stay a
    series if three or more remain, else they are separate partial reports."""
    if any(d.kind == "slutredovisning" for d in ex.deadlines):
        return
    for i, d in enumerate(ex.deadlines):
        if not d.untyped_list or not d.due or not d.until or d.repeats not in _STEP_MONTHS:
            continue
        if any(
            o is not d and o.due and due_sort_key(o.due) > due_sort_key(d.until)
            for o in ex.deadlines
        ):
            continue
        step = relativedelta(months=_STEP_MONTHS[d.repeats])
        first, last = date.fromisoformat(d.due), date.fromisoformat(d.until)
        days = [first]
        while days[-1] + step <= last:
            days.append(days[-1] + step)
        final = replace(d, kind="slutredovisning", due=d.until, repeats=None, until=None)
        if len(days) > 3:
            earlier = [replace(d, until=days[-2].isoformat())]
        else:
            earlier = [
                replace(d, kind="delredovisning", due=day.isoformat(), repeats=None, until=None)
                for day in days[:-1]
            ]
        ex.deadlines[i : i + 1] = [*earlier, final]
        return


def _not_to_ourselves(ex: Extraction) -> None:
    """ "Medlen betalas ut efter rekvisition senast den 1 december" in a decision to
    Kammarkollegiet, "Rekvisition till Digg ska ske senast …" in one to Digg: a delivery to the
    agency the decision addresses is made by someone else (regions, SKR) — unless one of the
    addressed agencies is the sentence's subject ("Universiteten ska … redovisa till Uppsala
    universitet")."""
    addressed = set(ex.identity.addressed_names)
    if not addressed:
        return
    # "Regeringen uppdrar åt Kammarkollegiet att betala ut …": the rekvisitioner and
    # redovisningar of the money come from those who receive it
    payer = "Kammarkollegiet" in addressed and any(
        _PAYER.search(s.text) for s in ex.doc.sentences if s.region is Region.BODY
    )
    kept = []
    for d in ex.deadlines:
        text = subject_text(d.sentence.text, d.sentence.lead)
        own = (
            task_subjects(ex.identity, text)
            or _OWN_GENERIC_SUBJECT.match(text)
            # "Kammarkollegiet ska senast den 31 mars 2024 redovisa uppdragets ekonomi": the
            # paying agency's own report (it is never a participant in agency_mentions)
            or any(re.match(rf"\s*{re.escape(n)}\s+(?:ska|skall)\b", text) for n in addressed)
        )
        recipient = ex.identity.alias_of.get((d.recipient or "").lower(), d.recipient)
        if not own and recipient in addressed and _other_addressed_asks(ex, d, recipient):
            kept.append(d)  # "Trafikverket får … rekvirera … från Energimyndigheten."
            continue
        if not own and (
            recipient in addressed
            or (payer and d.kind in FINANCIAL)
            or (d.kind == "rekvisition" and _BY_OTHERS.search(text))
        ):
            continue
        kept.append(d)
    ex.deadlines = kept


def _other_addressed_asks(ex: Extraction, d: FoundDeadline, recipient: str) -> bool:
    """Another agency the decision addresses is the one that delivers to `recipient`: it is
    the subject of a sentence in the same paragraph ("Trafikverket får … rekvirera högst 1
    miljon kronor från Energimyndigheten. Rekvisitionen ska ha inkommit till
    Energimyndigheten senast …")."""
    others = set(ex.identity.addressed_names) - {recipient}
    if not others:
        return False
    for s in ex.doc.sentences:
        if s.paragraph != d.sentence.paragraph:
            continue
        if any(name in others for _, _, name in task_subjects(ex.identity, s.text)):
            return True
        lead = re.match(
            r"\s*([A-ZÅÄÖ][\wåäö-]+(?:\s+[a-zåäö-]+){0,3}?)\s+(?:får|ska|skall)\b", s.text
        )
        if lead and ex.identity.alias_of.get(lead.group(1).lower(), lead.group(1)) in others:
            return True
    return False


_PAYER = re.compile(
    r"\bRegeringen\s+(?:uppdrar\s+åt|ger)\s+[^.;]{2,120}?\batt,?\s+(?:[^.;]{0,80}?\s)?"
    r"(?:betala\s+ut|utbetala)\b",
    re.I,
)
# "efter rekvisition av regionerna", "rekvireras av SKR"
_BY_OTHERS = re.compile(
    r"\b(?:rekvisition|rekvireras|rekvirerats)\s+(?:\S+\s+){0,3}?av\s+(?:regionerna|kommunerna|"
    r"huvudmännen|mottagarna|organisationerna|Sveriges\s+Kommuner\s+och\s+Regioner|SKR)\b",
    re.I,
)


_TITLE_YEAR = re.compile(r"(?<![\d(/:–-])(?P<y>(?:19|20)\d{2})(?![\d:/–-])")


def _year_of_decision(ex: Extraction) -> None:
    """ "Regeringen uppdrar åt Kammarkollegiet att betala ut 1,291 miljarder kronor …" with no
    year in the sentence: money granted now is for the year the decision names in its title
    ("… suicidprevention 2026"), else the year it was decided, of its first payout or
    rekvisition date, of its diarienummer, the one year its task is for, the one budget year
    it names, the period in its title, and last the period of the agreement the sentence
    names. The draft says where the year came from."""
    missing = [i for i, row in enumerate(ex.money) if not row.year and row.kind == "beviljat"]
    if not missing:
        return
    title_years = set(_TITLE_YEAR.findall(ex.identity.title or ""))
    own = [n for n, _, _ in ex.identity.case_numbers]
    dnr_years = {m.group(1) for n in own if (m := re.search(r"((?:19|20)\d{2})/", n))}
    granted_years = {
        row.year for row in ex.money if row.kind == "beviljat" and re.fullmatch(r"\d{4}", row.year)
    }
    if len(granted_years) == 1:
        year, source = next(iter(granted_years)), "beslutets övriga beviljade belopp"
    elif len(title_years) == 1:
        year, source = title_years.pop(), "beslutets rubrik"
    elif ex.identity.decided:
        year, source = ex.identity.decided[:4], "beslutsdatumet"
    elif paid := _payout_year(ex):
        year, source = paid, "datumet för utbetalning eller rekvisition"
    elif len(dnr_years) == 1:
        year, source = dnr_years.pop(), "diarienumret"
    elif found := _year_in_body(ex):
        year, source = found
    elif budget := _budget_year_named(ex):
        year, source = budget, "budgetåret som beslutet nämner"
    elif span := _TITLE_SPAN.search(ex.identity.title or ""):
        # "… förstärkta insatser för kvinnors hälsa 2020–2022": the money is for that period
        year, source = f"{span.group(1)}–{span.group(2)}", "beslutets rubrik"
    else:
        year, source = "", ""
    for i in missing:
        row = ex.money[i]
        if not year:
            # "… i enlighet med överenskommelsen om X 2024–2025, betala ut …" and nothing else
            # to date it by: the money is for the agreement's period
            span = AGREEMENT_SPAN.search(row.sentence.text)
            if span is None:
                continue
            ex.money[i] = replace(row, year=f"{span.group('a')}–{span.group('b')}")
            ex.review.append(
                f"Beloppet {kronor_text(row.amount)} står utan år i meningen; perioden "
                f"{span.group('a')}–{span.group('b')} är hämtad från överenskommelsens namn. "
                f"Kontrollera: «{short_text(row.sentence.text)}»"
            )
            continue
        ex.money[i] = replace(row, year=year)
        ex.review.append(
            f"Beloppet {kronor_text(row.amount)} står utan år i meningen; året {year} är "
            f"hämtat från {source}. Kontrollera: «{short_text(row.sentence.text)}»"
        )


def _planned_paid_out(ex: Extraction) -> None:
    """ "… under förutsättning att riksdagen anslår erforderliga medel, … så snart som möjligt
    efter den 1 juli 2026 fördela och betala ut ett tilläggsbidrag om 30 miljoner kronor":
    planned money without a year is for the year its own sentence pays it out."""
    for i, row in enumerate(ex.money):
        if row.year or row.kind != "beräknat" or not _PAYOUT.search(row.sentence.text):
            continue
        years = {
            y.group()
            for hit in find_dates(row.sentence.text)
            if hit.kind != "year"
            for value in hit.values
            if (y := _YEAR_IN_VALUE.search(value))
        }
        if len(years) == 1:
            year = years.pop()
            ex.money[i] = replace(row, year=year)
            ex.review.append(
                f"Beloppet {kronor_text(row.amount)} står utan år i meningen; året {year} är "
                "hämtat från datumet för utbetalningen. Kontrollera: "
                f"«{short_text(row.sentence.text)}»"
            )


_TITLE_SPAN = re.compile(r"\b((?:19|20)\d{2})\s*[–-]\s*((?:19|20)\d{2})\s*$")


# "Rekvisition ska lämnas senast den 15 september 2022", "Utbetalningen av medlen ska ske i
# december 2022": money paid out in a year is that year's money
_PAYOUT = re.compile(r"\b(?:rekvi\w*|betala[rs]?\s+ut|utbetal\w*)", re.I)
# "i uppdrag att under 2018 fördela medel", "Bidraget gäller för år 2024"
_PERIOD_YEAR = re.compile(
    r"\b(?:under|för\s+(?:år|budgetåret))\s+((?:19|20)\d{2})\b(?!\s*[–-]\s*\d)", re.I
)
_ABOUT_MONEY = re.compile(r"\b(?:uppdrag\w*|medel|medlen|bidrag\w*|kronor)\b", re.I)
_YEAR_IN_VALUE = re.compile(r"(?:19|20)\d{2}")


def _payout_year(ex: Extraction) -> str | None:
    """The year of the first payout or rekvisition date in the decision's body."""
    paid = sorted(
        year.group()
        for sentence in ex.doc.sentences
        if sentence.region is Region.BODY and _PAYOUT.search(sentence.text)
        for hit in find_dates(sentence.text)
        for value in hit.values
        if (year := _YEAR_IN_VALUE.search(value))
    )
    return paid[0] if paid else None


def _year_in_body(ex: Extraction) -> tuple[str, str] | None:
    """The one year the decision's own task or money is said to be for ("under 2018")."""
    body = [s.text for s in ex.doc.sentences if s.region is Region.BODY]
    named = {
        m.group(1)
        for text in body
        if _ABOUT_MONEY.search(text)
        for m in _PERIOD_YEAR.finditer(text)
    }
    if len(named) == 1:
        return named.pop(), "året som uppdraget eller medlen avser"
    return None


# "Riksdagen beslutade i budgetpropositionen för 2017 … att avsätta 400 000 000 kronor för 2017"
_BUDGET_YEAR_NAMED = re.compile(
    r"\b(?:budgetpropositionen|regleringsbrevet|statsbudgeten)\s+för\s+(?:år\s+)?"
    r"((?:19|20)\d{2})\b(?!\s*[–-]\s*\d)|\b(?:för|under)\s+budgetåret\s+((?:19|20)\d{2})\b(?!\s*[–-]\s*\d)",
    re.I,
)


def _budget_year_named(ex: Extraction) -> str | None:
    """The one budget year the decision's body or background names."""
    named = {
        m.group(1) or m.group(2)
        for s in ex.doc.sentences
        if s.region in (Region.BODY, Region.BACKGROUND)
        for m in _BUDGET_YEAR_NAMED.finditer(s.text)
    }
    return named.pop() if len(named) == 1 else None


_NEXT_YEAR = re.compile(
    r"\b(?:nästkommande|påföljande|följande)\s+år\b|\båret\s+(?:därpå|därefter|efter)\b", re.I
)


def _years_from_money(ex: Extraction) -> None:
    """ "Rekvisitionen ska lämnas senast den 1 december varje år", "återbetalas senast den 28
    februari nästkommande år": no year is written, but the decision gives money for 2021–2023,
    so the dates are those years (or the years after)."""
    funded = sorted({int(r.year) for r in ex.money if re.fullmatch(r"(?:19|20)\d{2}", r.year)})
    if not funded or funded[-1] - funded[0] > 15:
        return
    for d in ex.deadlines:
        if d.due is not None or d.day_month is None or d.kind not in FINANCIAL:
            continue  # a yearly report covers a year but need not be due in it
        shift = 1 if _NEXT_YEAR.search(d.sentence.text) else 0
        if d.repeats != "årligen" and not shift:
            continue
        month, day = d.day_month
        if d.kind in ("ekonomisk redovisning", "återbetalning") and month <= 6:
            # "En årlig ekonomisk redovisning av uppdraget ska ske senast den 31 mars": the
            # account of a year's money comes in the spring after it
            shift = 1
        values = [on_day(y + shift, month, day) for y in range(funded[0], funded[-1] + 1)]
        d.due = values[0]
        d.ongoing = False
        d.repeats = "årligen" if len(values) > 1 else None
        d.until = values[-1] if len(values) > 1 else None
        shown = f"{funded[0]}–{funded[-1]}" if len(funded) > 1 else str(funded[0])
        d.note = (
            f"Beslutet anger inget år; åren är härledda från de år beslutet ger medel för "
            f"({shown}). Kontrollera `datum` och `till`."
        )


# "i uppdrag att … under perioden 2016–2021 anordna …", "under åren 2022–2026"
_TASK_PERIOD = re.compile(
    r"\b(?:under|för|över)\s+(?:perioden|åren)\s+((?:19|20)\d{2})\s*[–-]\s*((?:19|20)\d{2})\b", re.I
)


# the assignment, or the programme it sets up ("Forskningsprogrammet ska sträcka sig över
# perioden 2016–2023")
_RUNS_OVER = re.compile(
    r"\buppdrag|\b(?:\w*program\w*|satsning\w*|projekt\w*|verksamhet\w*)\s+ska\s+"
    r"(?:sträcka\s+sig|pågå|löpa|bedrivas|genomföras|omfatta)\b",
    re.I,
)


_THEN = re.compile(r"\b(?:därefter|sedan|efter\s+det(?:ta)?)\b", re.I)


def _after_the_previous_report(ex: Extraction) -> None:
    """ "… senast den 15 januari 2024 redovisa … Trafikanalys ska därefter årligen i
    årsredovisningen redovisa …", "Därefter ska lägesrapporter lämnas senast den 31 januari
    respektive den 30 september varje år": the first time after the dated report before; a
    final report ends it (`_until_final_report`)."""
    for i, d in enumerate(ex.deadlines):
        yearly_day = d.day_month is not None and d.repeats == "årligen"
        if d.due is not None or not (d.in_annual_report or yearly_day):
            continue
        if not _THEN.search(d.sentence.text):
            continue
        before = [
            o
            for o in ex.deadlines[:i]
            if o.due and o.sentence is not d.sentence and is_iso_day(o.until or o.due)
        ]
        if not before:
            continue
        after = date.fromisoformat(before[-1].until or before[-1].due or "")
        month, day = ANNUAL_REPORT_DAY if d.in_annual_report else (d.day_month or (0, 0))
        first = on_day(after.year, month, day)
        if due_sort_key(first) <= after.isoformat():
            first = on_day(after.year + 1, month, day)
        d.due, d.ongoing, d.repeats = first, False, "årligen"
        what = "årsredovisningen" if d.in_annual_report else "gången"
        d.note = (
            f"Beslutet anger inget år; första {what} efter redovisningen "
            f"{before[-1].until or before[-1].due} är härledd. Kontrollera `datum` och `till`."
        )


# "senast den 15 april året efter respektive verksamhetsår" (not "prioriteringarna för
# nästkommande år ska rapporteras senast den 31 oktober")
_DAY_THE_YEAR_AFTER = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\s+(?:det\s+)?(?:året\s+(?:efter|därpå|därefter)|"
    r"(?:påföljande|nästkommande|följande)\s+år)\b",
    re.I,
)


# the reports themselves are made in the years named, whatever the day
_REPORTS_DURING = re.compile(
    r"\b(?:årligen|varje\s+år)\s+under\s+(?:perioden|åren)\s+(?:19|20)\d{2}\s*[–-]", re.I
)


def _years_from_task_period(ex: Extraction) -> None:
    """Yearly reports with no year written take the years the assignment runs ("i uppdrag
    att under perioden 2026–2030 driva …"), else those it is funded for. "Årligen i
    årsredovisningen" covers each year and is due on 22 February the year after; "årligen,
    senast den 28 februari" early in the year reports on the year before, so it too starts
    the year after; either ends the year before a final report that follows."""
    waiting = [
        d
        for d in ex.deadlines
        if d.due is None and (d.in_annual_report or (d.day_month and d.repeats == "årligen"))
    ]
    if not waiting:
        return
    periods = {
        (int(m.group(1)), int(m.group(2)))
        for s in ex.doc.sentences
        if s.region is Region.BODY and _RUNS_OVER.search(s.text)
        for m in _TASK_PERIOD.finditer(s.text)
    }
    funded = sorted({int(r.year) for r in ex.money if re.fullmatch(r"(?:19|20)\d{2}", r.year)})
    from_money = len(periods) != 1
    if not from_money:
        start, end = periods.pop()
        source = "den period uppdraget avser"
    elif funded:
        start, end = funded[0], funded[-1]
        source = "de år beslutet ger medel för"
    else:
        return
    if not 0 <= end - start <= 15:
        return
    for d in waiting:
        if d.in_annual_report:
            (month, day), shift = ANNUAL_REPORT_DAY, 1
            what = f"årsredovisningarna för {start}–{end}"
        elif d.day_month is not None:
            if start == end and from_money and not _final_dates(ex):
                continue  # money for one year alone says nothing of when a yearly report ends
            month, day = d.day_month
            # early in the year, or "den 15 april året efter respektive verksamhetsår": on
            # the year before
            shift = 1 if month <= 2 or _DAY_THE_YEAR_AFTER.search(d.sentence.text) else 0
            if _REPORTS_DURING.search(d.sentence.text):
                shift = 0  # "senast den 21 februari årligen under perioden 2025–2027 lämna"
            what = "åren"
        else:
            continue
        first = on_day(start + shift, month, day)
        last_year = end + shift
        later = {f for f in _final_dates(ex) if f > due_sort_key(first)}
        if len(later) == 1:
            # the yearly reports go on until the final report, also past the years money is
            # given for so far ("får använda … 2025" and a final report in 2031)
            before_final = last_year_before(first, later.pop())
            last_year = before_final if from_money else min(last_year, before_final)
        if last_year < start + shift:
            continue
        d.due, d.ongoing = first, False
        d.until = with_year(first, last_year) if last_year > start + shift else None
        d.repeats = "årligen" if d.until else None
        d.note = (
            f"Beslutet anger inget år; {what} är härledda från {source} ({start}–{end}). "
            "Kontrollera `datum` och `till`."
        )


# "MFD ska under 2019 och 2020 rapportera till Regeringskansliet."
_REPORTS_IN_YEARS = re.compile(
    r"\bunder\s+(?:åren\s+)?(?P<a>(?:19|20)\d{2})\s*(?:och|–|-|till)\s*(?P<b>(?:19|20)\d{2})\s+"
    r"(?:\S+\s+){0,3}?(?:rapportera|redovisa|lämna)\w*\b",
    re.I,
)


def _years_from_the_sentence_before(ex: Extraction) -> None:
    """ "MFD ska under 2019 och 2020 rapportera till Regeringskansliet. Rapporterna ska lämnas
    senast den 1 november.": the day, each of the years the sentence before names."""
    sentences = ex.doc.sentences
    for d in ex.deadlines:
        if d.due is not None or d.day_month is None or d.repeats or d.in_annual_report:
            continue
        at = next((i for i, s in enumerate(sentences) if s is d.sentence), None)
        if not at:
            continue
        m = _REPORTS_IN_YEARS.search(sentences[at - 1].text)
        if m is None or not 0 < int(m.group("b")) - int(m.group("a")) <= 10:
            continue
        month, day = d.day_month
        first, last = on_day(int(m.group("a")), month, day), on_day(int(m.group("b")), month, day)
        d.due, d.until, d.repeats, d.ongoing = first, last, "årligen", False
        d.note = (
            f"Beslutet anger inget år för dagen; åren {m.group('a')}–{m.group('b')} är hämtade "
            "från meningen före. Kontrollera `datum` och `till`."
        )


def _first_after_decision(ex: Extraction) -> None:
    """ "årligen senast den 28 februari" with no year in a decision dated 2025-04-10: the
    first time is the first 28 February after the decision (2026); `_until_final_report`
    then ends it before the final report."""
    decided = ex.identity.decided
    if decided is None:
        _first_from_case_number(ex)
        return
    for d in ex.deadlines:
        if d.due is not None or d.day_month is None or d.repeats != "årligen":
            continue
        month, day = d.day_month
        year = int(decided[:4])
        first = on_day(year, month, day)
        if due_sort_key(first) <= decided:
            first = on_day(year + 1, month, day)
        if d.until and not due_sort_key(first) < due_sort_key(d.until) <= f"{year + 16}":
            continue  # "årligen den 30 mars …, sista gången 2026" decided after that: a human
        d.due, d.ongoing = first, False
        when = f"{day}/{month}" if day else MONTH_NAMES[month - 1]
        d.note = (
            f"Beslutet anger inget år; första gången är den första {when} efter "
            f"beslutsdatumet {decided}. Kontrollera `datum`."
        )


def _first_from_case_number(ex: Extraction) -> None:
    """No decision date, "årligen, senast den 1 september, delredovisa … och senast den 1
    september 2030 slutredovisa", and the decision's own number S2026/00062: the series runs
    from that day in the number's year until the final report. A number is opened in the
    year of the decision or the one before, so the draft asks for a check."""
    own = {
        m.group(1)
        for n, _, _ in ex.identity.case_numbers
        if (m := re.search(r"((?:19|20)\d{2})/", n))
    }
    if len(own) != 1:
        return
    year = int(own.pop())
    finals = _final_dates(ex)
    for d in ex.deadlines:
        if d.due is not None or d.day_month is None or d.repeats != "årligen":
            continue
        month, day = d.day_month
        # the series' end: its own last time, else the one final report
        end = d.until or (finals[0] if len(finals) == 1 else None)
        if day == 0 or end is None:
            continue
        first = on_day(year, month, day)
        if not first < end <= f"{year + 16}":
            continue
        d.due, d.ongoing = first, False
        d.note = (
            f"Beslutet anger inget år och texten inget beslutsdatum; första gången är satt till "
            f"{first} efter årtalet i diarienumret. Kontrollera `datum` (ett diarienummer kan "
            "vara från året före beslutet)."
        )


def _final_dates(ex: Extraction) -> list[str]:
    return [
        d.due for d in ex.deadlines if d.kind == "slutredovisning" and d.due and is_iso_day(d.due)
    ]


def _until_final_report(ex: Extraction) -> None:
    """ "senast den 28 februari varje år fr.o.m. 2022" and a final report on 2024-02-28: the
    yearly report runs until the year before the final one."""
    finals = _final_dates(ex)
    for d in ex.deadlines:
        if d.repeats in _STEP_MONTHS and d.repeats != "årligen":
            _shorter_steps_until_final_report(d, finals)
            continue
        if d.repeats != "årligen" or d.until or not d.due or d.kind == "slutredovisning":
            continue
        # the final report after the series starts ("slutredovisning av åtgärd 1" may come
        # before it); several different ones leave `till` to the human
        later = {f for f in finals if due_sort_key(f) > due_sort_key(d.due)}
        exact = is_iso_day(d.due)
        month = re.fullmatch(r"([a-zåäö]+) \d{4}", d.due)
        if not exact and not (month and month.group(1) in MONTHS):
            continue  # "april 2023" ("årligen i april från och med 2023") or an exact day
        if exact and UNTIL_YEAR.search(d.sentence.text):
            # "årligen t.o.m. 2029 … senast den 15 april": the last year is written, the first
            # not (with the decision date, `_years_from_context` has made the series)
            _last_year_only(d)
            continue
        first = int(d.due[-4:] if month else d.due[:4])
        if len(later) == 1:
            final = later.pop()
            last = last_year_before(d.due, final)
            why = f"sista gången före slutredovisningen {final}"
        elif not later and (end := _valid_until(ex)) is not None:
            # "Uppdraget gäller till och med den 31 december 2029": the last time within it
            last = int(end[:4]) if with_year(d.due, int(end[:4])) <= end else int(end[:4]) - 1
            why = f"sista gången inom uppdragets giltighetstid (till {end})"
        else:
            continue
        if not first < last <= first + 15:
            continue
        d.until = with_year(d.due, last)
        end = f"Beslutet anger ingen sista gång; `till` är satt till {why}. Kontrollera."
        d.note = f"{d.note} {end}" if d.note else end


def _shorter_steps_until_final_report(d: FoundDeadline, finals: list[str]) -> None:
    """ "halvårsvis …, första gången den 31 januari 2027" and one final report on 2028-03-01:
    the series runs until the last time before it (one time left is no series)."""
    if d.until or not d.due or not is_iso_day(d.due) or d.repeats is None:
        return
    later = {f for f in finals if f > d.due}
    if len(later) != 1:
        return
    final = date.fromisoformat(later.pop())
    first = date.fromisoformat(d.due)
    step = _STEP_MONTHS[d.repeats]
    days = [first]
    while (nxt := first + relativedelta(months=step * len(days))) < final:
        days.append(nxt)
    if len(days) == 1:
        d.repeats = None
        return
    d.until = days[-1].isoformat()
    end = (
        f"Beslutet anger ingen sista gång; `till` är satt till sista gången före "
        f"slutredovisningen {final.isoformat()}. Kontrollera."
    )
    d.note = f"{d.note} {end}" if d.note else end


def _last_year_only(d: FoundDeadline) -> None:
    """A yearly day whose year is the series' last ("årligen t.o.m. 2029 … senast den 15
    april") and no decision date to give the first: the draft has the last time alone, never
    an open series from it."""
    d.repeats = None
    d.note = (
        "Beslutet anger sista året men inte det första; utkastet har bara sista gången. "
        "Sätt `datum` till första gången, `upprepas: årligen` och `till`."
    )


def _valid_until(ex: Extraction) -> str | None:
    """The last day of "Uppdraget gäller till och med …", when the decision says it once."""
    ends = set()
    for value, _, _ in ex.validity:
        if is_iso_day(value):
            ends.add(value)
        elif re.fullmatch(r"\d{4}", value):
            ends.add(f"{value}-12-31")
    return ends.pop() if len(ends) == 1 else None


def _mentions_kammarkollegiet(ex: Extraction, d: FoundDeadline) -> bool:
    """The sentence names Kammarkollegiet, or (for a requisition or repayment) its paragraph
    does: "Medlen utbetalas efter rekvisition till Kammarkollegiet. Rekvisitionen ska ha
    kommit in senast …"."""
    if "Kammarkollegiet" in d.sentence.text:
        return True
    if d.kind not in ("rekvisition", "återbetalning"):
        return False
    return any(
        "Kammarkollegiet" in s.text
        for s in ex.doc.sentences
        if s.paragraph == d.sentence.paragraph and s.region == d.sentence.region
    )


# "Medlen ska betalas ut efter rekvisition ställd till Skogsstyrelsen", "rekvireras hos
# Vinnova", "Medel som inte har utnyttjats ska återbetalas till Skogsstyrelsen"
_MONEY_HANDLER = {
    "rekvisition": re.compile(
        rf"\brekvisition(?:en)?\s+(?:ställd\s+|som\s+ställs\s+)?till\s+(?P<to>{AGENCY_NAME.pattern})"
        rf"|\brekvireras\s+(?:från|hos)\s+(?P<at>{AGENCY_NAME.pattern})"
    ),
    "återbetalning": re.compile(
        rf"\b(?:återbetalas|betalas\s+tillbaka|återföras)\s+till\s+(?P<to>{AGENCY_NAME.pattern})"
    ),
}


def _money_handler(ex: Extraction, d: FoundDeadline) -> str | None:
    """The agency a requisition or repayment goes to, named in the decision's body when the
    deadline's own sentence does not name it."""
    rx = _MONEY_HANDLER.get(d.kind or "")
    if rx is None:
        return None
    found = {
        m.group("to") or m.group("at")
        for s in ex.doc.sentences
        if s.region == d.sentence.region
        for m in rx.finditer(s.text)
    }
    return found.pop() if len(found) == 1 else None


def _default_recipients(ex: Extraction) -> None:
    report_to = _most_common(d.recipient for d in ex.deadlines if d.kind in REPORTS)
    report_to = report_to or _most_common(ex.recipient_hints)
    hinted = _most_common(ex.recipient_hints)
    if report_to == "Regeringskansliet" and hinted and hinted.startswith("Regeringskansliet ("):
        # "Konsumentverket ska redovisa uppdraget till Regeringskansliet
        # (Finansdepartementet)." names the department the other sentences leave out
        report_to = hinted
    money_to = _most_common(d.recipient for d in ex.deadlines if d.kind in FINANCIAL)
    if ex.identity.ministry and report_to == "Regeringskansliet":
        report_to = f"Regeringskansliet ({ex.identity.ministry})"
    for i, d in enumerate(ex.deadlines):
        if d.recipient == "Regeringskansliet" and ex.identity.ministry:
            d.recipient = f"Regeringskansliet ({ex.identity.ministry})"
        if d.recipient is None:
            if d.kind in FINANCIAL:
                # ("Medlen betalas ut av Kammarkollegiet efter rekvisition som ska ha kommit
                # in senast …": the requisition goes there, whoever gets the economic report)
                paid_by = (
                    "Kammarkollegiet"
                    if d.kind in ("rekvisition", "återbetalning")
                    and "Kammarkollegiet" in d.sentence.text
                    else None
                )
                d.recipient = (
                    _money_handler(ex, d)
                    or paid_by
                    or money_to
                    or ("Kammarkollegiet" if _mentions_kammarkollegiet(ex, d) else report_to)
                )
            else:
                d.recipient = _report_before(ex.deadlines[:i], d) or report_to
            if d.recipient is None and "budgetunderlag" in d.sentence.text:
                # the budgetunderlag goes to the government (förordning 2000:605)
                d.recipient = (
                    f"Regeringskansliet ({ex.identity.ministry})"
                    if ex.identity.ministry
                    else "Regeringskansliet"
                )
    if ex.identity.ministry is None:
        # "Regeringskansliet (Utbildningsdepartementet och Arbetsmarknadsdepartementet)": the
        # first named leads; a dated delivery's recipient first, then one named without a date
        # ("ska återrapportera resultatet till regeringen (Miljö- och energidepartementet)")
        named = [(d.recipient, d.sentence, d.span) for d in ex.deadlines]
        named += [
            (hint, s, (s.start, s.end))
            for hint in ex.recipient_hints
            if hint.startswith("Regeringskansliet (")
            for s in ex.doc.sentences
            if hint.removeprefix("Regeringskansliet (").rstrip(")") in s.text
        ]
        for recipient, sentence, span in named:
            m = re.match(
                r"Regeringskansliet \("
                r"((?:[A-ZÅÄÖ][a-zåäö]+(?:-\s*och\s+[a-zåäö]+)?)?departementet)",
                recipient or "",
            )
            if m:
                ex.identity.ministry = canonical_department(m.group(1))
                ex.identity.ministry_inferred = True
                # where the text names it: this sentence, or else the first that does (a
                # recipient given by default has none in its own sentence)
                ex.identity.ministry_span = next(
                    (
                        (s.start + at, s.start + at + len(m.group(1)))
                        for s in [sentence, *ex.doc.sentences]
                        if (at := s.text.find(m.group(1))) >= 0
                    ),
                    span,
                )
                break
    if ex.identity.ministry is None and ex.identity.case_numbers:
        prefix = re.match(r"[A-Za-zÅÄÖåäö]+", ex.identity.case_numbers[0][0])
        if prefix and prefix.group() in DNR_PREFIX_MINISTRY:
            ex.identity.ministry = DNR_PREFIX_MINISTRY[prefix.group()]
            ex.identity.ministry_inferred = True
            ex.identity.ministry_span = ex.identity.case_numbers[0][2]


def _report_before(earlier: list[FoundDeadline], d: FoundDeadline) -> str | None:
    """ "Resultatet ska årligen … delredovisas till Regeringskansliet. Arbetet slutredovisas
    senast den 31 mars 2026.": the report just before, in the same paragraph, names the
    recipient."""
    for o in reversed(earlier):
        if o.sentence.paragraph != d.sentence.paragraph:
            return None
        if o.recipient and o.kind not in FINANCIAL and o.sentence is not d.sentence:
            return o.recipient
    return None


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _states_a_year(row: MoneyRow) -> bool:
    return any(not y.budget_year for y in find_years(row.sentence.text, []))


def _split_over_agencies(ex: Extraction) -> None:
    """ "Utgifterna … ska belasta … anslaget 1:2 … med högst 38 miljoner kronor för 2021 …"
    and then "Vinnovas samlade insatser får högst omfatta 32,5 miljoner kronor 2021 … UHM:s
    insatser får högst omfatta 5 miljoner kronor per år och PRV:s … 500 000 kronor per år":
    when the shares of two or more agencies add up exactly to the charged total every year,
    the shares are the rows and carry the appropriation; the total is not money on top."""
    for total_sentence in {id(r.sentence): r.sentence for r in ex.money}.values():
        totals = [r for r in ex.money if r.sentence is total_sentence and r.appropriation]
        if not totals or len({(r.year, r.kind) for r in totals}) != len(totals):
            continue
        shares = [
            r
            for r in ex.money
            if r.appropriation is None
            and r.sentence.start > total_sentence.start
            and 0 <= r.sentence.paragraph - total_sentence.paragraph <= 1
        ]
        if len({r.agency for r in shares}) < 2:
            continue
        sums: dict[tuple[str, str], int] = {}
        for r in shares:
            sums[(r.year, r.kind)] = sums.get((r.year, r.kind), 0) + r.amount
        if any(sums.get((r.year, r.kind)) != r.amount for r in totals) or len(sums) != len(totals):
            continue
        appropriation = totals[0].appropriation
        ex.money = [
            replace(r, appropriation=appropriation) if r in shares else r
            for r in ex.money
            if r not in totals
        ]
        return


_AT_THAT_REPORT = re.compile(
    r"\b(?:vid|i)\s+(?:den\s+)?(?:\w*redovisning(?:en)?|\w*rapport(?:en)?)\s+(?:som\s+\S+\s+\S+\s+)?"
    r"(?:senast\s+)?(?:den\s+)?$",
    re.I,
)


def _names_a_time_of_a_series(ex: Extraction, d: FoundDeadline) -> bool:
    if d.repeats or not d.due or not is_iso_day(d.due) or d.kind not in (None, *REPORTS):
        return False
    if d.kind == "slutredovisning":
        return False
    before = d.sentence.text[: max(0, d.span[0] - d.sentence.start)]
    if not _AT_THAT_REPORT.search(before):
        return False
    return any(
        o.repeats == "årligen"
        and o.due
        and o.until
        and is_iso_day(o.due)
        and is_iso_day(o.until)
        and o.due[4:] == d.due[4:]
        and o.due <= d.due <= o.until
        for o in ex.deadlines
    )


def _dedupe(ex: Extraction) -> None:
    seen: set[tuple[object, ...]] = set()
    kept: list[FoundDeadline] = []
    for d in ex.deadlines:
        key = (d.kind, d.due, d.ongoing, d.recipient)
        if d.due is None and d.kind == "årlig redovisning":
            key = (d.kind, None, True, None)
        if key in seen:
            continue
        seen.add(key)
        kept.append(d)
    # the same delivery read once with and once without its recipient: keep the named one
    named = {(d.kind, d.due) for d in kept if d.due and d.recipient}
    kept = [d for d in kept if d.recipient or not d.due or (d.kind, d.due) not in named]
    # an undated yearly report next to a dated yearly series is the same one ("ska i en årlig
    # redovisning sammanställa …" and "ska under åren 2026–2028 senast den 15 april
    # delredovisa")
    ex.deadlines = [
        d
        for d in kept
        if not (
            d.due is None
            and d.kind == "årlig redovisning"
            and any(
                o.due
                and o.kind in REPORTS
                and (
                    o.repeats == "årligen"
                    or (o.sentence is d.sentence and o.kind == "årlig redovisning")
                )
                for o in kept
            )
        )
    ]
    # "Vid delredovisningen senast den 31 mars 2025 lämnar X en samlad uppföljning": what one
    # time of a yearly series holds, not another delivery
    ex.deadlines = [d for d in ex.deadlines if not _names_a_time_of_a_series(ex, d)]
    # "Den sammanlagda kostnaden för uppdraget under 2017 beräknas till 1 200 000 kronor" and
    # the money granted for 2017 below it: the estimate sums up, it is no money of its own
    ex.money = [
        r
        for r in ex.money
        if not (
            r.kind == "beräknat"
            and COST_ESTIMATE.search(r.sentence.text)
            and any(o.kind == "beviljat" and o.year == r.year for o in ex.money)
        )
    ]
    # the same amount for the same year from another sentence is another measure's money
    # ("För 2021–2025 beräknas 1 miljon kronor årligen för åtgärden." under two measures):
    # the year's row is the sum, and the human is asked to check it; in a text that holds the
    # decision twice it is the same money
    first: dict[tuple[object, ...], list[int]] = {}
    rows: list[MoneyRow] = []
    for row in ex.money:
        appr = row.appropriation
        charged = (appr.area, appr.appropriation, appr.item) if appr else None
        money_key = (row.agency, row.year, row.kind, row.amount)
        # the same money charged to the same appropriation, or one of them to none named
        same = [
            i
            for i in first.get(money_key, [])
            if (a := rows[i].appropriation) is None
            or charged is None
            or (a.area, a.appropriation, a.item) == charged
        ]
        if not same:
            first.setdefault(money_key, []).append(len(rows))
            rows.append(row)
            continue
        at = same[0]
        if ex.copied or rows[at].span == row.span:
            continue
        if rows[at].sentence is row.sentence:
            # "betala ut högst 1 500 000 kronor till Fagersta kommun och högst 1 500 000
            # kronor till Höglandsförbundet": two payments of one year, one row of their sum
            total = rows[at].amount + row.amount
            ex.review.append(
                f"Beloppen {kronor_text(rows[at].amount)} och {kronor_text(row.amount)} "
                f"({row.year}) står i samma mening och är summerade till {kronor_text(total)}; "
                f"kontrollera: «{short_text(row.sentence.text)}»"
            )
            rows[at] = replace(rows[at], amount=total)
            continue
        if not (_states_a_year(rows[at]) and _states_a_year(row)):
            # "betala ut 195 miljoner kronor. … För 2018 fördelas 195 miljoner kronor …": the
            # first names no year of its own, so the second says when the same money goes
            continue
        # a line of its own in the draft, which says so on the review list
        first[money_key].append(len(rows))
        rows.append(row)
    ex.money = rows
