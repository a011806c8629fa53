"""Money in a decision's sentences: amounts, years, planned or granted, whose, and tables.
Pure; see docs/importera.md."""

from __future__ import annotations

import re
from dataclasses import replace

from .amounts import (
    AGREEMENT_SPAN,
    GRANTED_RE,
    PER_YEAR_RE,
    PLANNED_RE,
    THOUSANDS_DECLARED,
    AmountHit,
    AppropriationHit,
    YearHit,
    find_amounts,
    find_appropriation,
    find_appropriations,
    find_years,
    money_markers,
)
from .dates import MONTHS, find_dates
from .deadlines import MODAL
from .found import Extraction, MoneyRow, MoneyTable, add_agency, kronor_text, short_text
from .identity import agency_mentions
from .tables import Row, introduces_table, looks_like_table, parse_rows, table_unit
from .text import BULLET, Sentence

# --- money -------------------------------------------------------------------------------------


# "Av beslutet framgår att PTS får rekvirera sammanlagt 1 miljon kronor …" in a decision that
# changes an earlier one: the earlier decision's money, told again
_AS_DECIDED_BEFORE = re.compile(
    r"\s*(?:Av|Enligt)\s+(?:det\s+)?(?:ursprungliga\s+|tidigare\s+)?beslutet\b", re.I
)


def read_money(ex: Extraction, sentence: Sentence) -> None:
    text = sentence.text
    if _table_after_amount(ex, sentence):
        return
    if ex.amending and _AS_DECIDED_BEFORE.match(text):
        return
    marks = money_markers(text)
    if not marks and sentence.lead:
        # "Socialstyrelsen ska:" + "• under 2025 betala ut 226 miljoner kronor till
        # regionerna": the verb's "ska" stands in the list's lead
        item = BULLET.sub("", text, count=1)
        marks = [(0, kind) for _, kind in money_markers(f"{sentence.lead} {item}")]
    if marks and _table_intro(ex, sentence, marks):
        return
    thousands = THOUSANDS_DECLARED.search(text) is not None
    if _split_over_appropriations(ex, sentence, thousands):
        return
    if (_PART_OF.match(text) or _PART_AFTER.search(text)) and not _part_for_another_agency(
        ex, text
    ):
        ex.part_paragraph = sentence.paragraph
        return  # "Av beloppet ska 4 000 000 kronor fördelas …": a part of an amount before
    if ex.part_paragraph == sentence.paragraph and _NEXT_PART.match(text):
        return
    if COST_ESTIMATE.search(text) and not GRANTED_RE.search(text) and ex.money:
        return  # an estimate next to the money granted; alone it is the assignment's frame
    amounts = find_amounts(text, thousands=thousands)
    if not amounts:
        if marks and _EQUIVALENT.search(text):
            rows_before = len(ex.money)
            _equivalent_amounts(ex, sentence, marks)
            if len(ex.money) > rows_before:
                _rows_added(ex, sentence, rows_before)
                return
        _use_year(ex, sentence)
        if _appropriation_for_previous(ex, sentence):
            return
        _charge_ahead(ex, sentence)
        if not _aside(ex, sentence):
            ex.money_run = []
        return
    if not marks:
        if any(not a.bare for a in amounts) and MODAL.search(text):
            shown = ", ".join(kronor_text(a.kronor) for a in amounts if not a.bare)
            ex.review.append(
                f"Beloppet {shown} står utan tydligt beräknat/beviljat: «{short_text(text)}»"
            )
        return
    if all(a.bare for a in amounts):
        # "att under 2018 fördela 350 miljoner för …": money when a granting or planning
        # word governs the amount; "20,5 miljoner liv" elsewhere is not
        amounts = [a for a in amounts if _governed(text, marks, a)]
        if not amounts:
            return
    amounts = [_to_each_of(ex, text, a) for a in amounts]
    for a in amounts:
        if approx := _APPROXIMATE.search(text[max(0, a.start - 20) : a.start]):
            ex.review.append(
                f"Beloppet {kronor_text(a.kronor)} står som ungefärligt i beslutet "
                f"(«{approx.group(1)} {text[a.start : a.end]}»); kontrollera det exakta beloppet."
            )
    exclude = [(a.start, a.end) for a in amounts] + [
        (h.start, h.end) for h in find_dates(text) if h.kind != "year"
    ]
    # "i enlighet med överenskommelsen om ökad tillgänglighet till barn- och ungdomspsykiatrin
    # 2025–2026, betala ut 172 006 253 kronor": the years end the agreement's name and are not
    # the payout's year (that comes from the payout date or the decision; see resolve)
    names = {(m.start("a"), m.end("b")) for m in AGREEMENT_SPAN.finditer(text)}
    years = [y for y in find_years(text, exclude) if (y.start, y.end) not in names]
    appropriation = (
        _with_area(ex, find_appropriation(text))
        or _same_appropriation(ex, text)
        or _charged_ahead(ex, sentence)
    )
    # "10 miljoner kronor 2025–2027, varav 4 miljoner kronor 2025 …": the parts are rows
    # when each has a year, else the total is.
    parts = [
        i for i, a in enumerate(amounts) if _VARAV.search(text[max(0, a.start - 30) : a.start])
    ]
    for i in list(parts):
        # "av dessa ska 7 miljoner respektive 4 miljoner användas": the list goes on
        j = i + 1
        while (
            j < len(amounts)
            and j not in parts
            and _LIST_ON.fullmatch(text[amounts[j - 1].end : amounts[j].start])
        ):
            parts.append(j)
            j += 1
    parts.sort()
    chosen: dict[int, YearHit | None] = {
        i: _year_for(text, amounts, i, years) for i in range(len(amounts))
    }
    if parts:
        part_years = [chosen[i] for i in parts]
        totals = {i for i in range(len(amounts)) if i not in parts}
        # "7 miljoner kronor under 2020, varav 1 miljon kronor öronmärks …": a part within
        # the total's one year is a subset, not a row
        spread = all((y := chosen[i]) is None or y.first != y.last for i in range(parts[0]))
        # the parts replace the total only when they cover its years ("… 2025–2027, varav 4
        # miljoner kronor 2025, 3 miljoner 2026 och 3 miljoner 2027"), not "17 miljoner
        # kronor för perioden 2018–2020 varav 2 miljoner kronor avser 2018"
        spans = {(y.first, y.last) for i in range(parts[0]) if (y := chosen[i]) is not None}

        def per_year(i: int) -> bool:
            # "…, fördelat med 3 miljoner kronor per år 2027–2029": a part for each year
            return PER_YEAR_RE.search(text[amounts[i].end : amounts[i].end + 40]) is not None

        covered: set[int] = set()
        for i in range(parts[0], len(amounts)):
            if (y := chosen[i]) is None:
                continue
            covered |= set(range(y.first, y.last + 1)) if per_year(i) else {y.first}
        whole = all(set(range(a, b + 1)) <= covered for a, b in spans)
        if (
            spread
            and whole
            and all(
                y is not None and (y.first == y.last or per_year(i))
                for i, y in zip(parts, part_years, strict=True)
            )
        ):
            drop = {i for i in totals if (y := chosen[i]) is None or y.first != y.last}
        else:
            drop = set(parts)
    else:
        drop = set()
    # "får i stället för 2 000 000 kronor använda 3 500 000 kronor": the old amount is no row
    drop |= {i for i, a in enumerate(amounts) if _OLD_AMOUNT.search(text[: a.start])}
    # "Av de 10 000 000 kronor som X har fått … får 1 200 000 kronor användas": money the
    # agency already has is no row; the part of it is
    drop |= {
        i
        for i, a in enumerate(amounts)
        if _THOSE_BEFORE.search(text[max(0, a.start - 30) : a.start])
        and _THOSE_AFTER.match(text, a.end)
    }
    _pair_respectively(text, amounts, chosen, drop)
    owners = _owners(ex, sentence, amounts)
    rows_before = len(ex.money)
    for i, amount in enumerate(amounts):
        if i in drop or _past_money(ex, sentence, marks, amount.start):
            continue
        kind = _classify(text, marks, amount.start)
        span = (sentence.start + amount.start, sentence.start + amount.end)
        lo = max(amounts[i - 1].end if i else 0, amount.start - 80)
        # ("Totalt får 9 miljoner kronor användas, fördelat med 3 miljoner kronor per år": the
        # "per år" of a part that follows is not the total's; but "X får 8 000 000 kronor och Y
        # 4 000 000 kronor per år" is both)
        hi = amounts[i + 1].start if i + 1 in parts else amount.end + 80
        if chosen[i] is None and PER_YEAR_RE.search(text[lo:hi]):
            # "UHM:s insatser får högst omfatta 5 miljoner kronor per år" after a sentence with
            # money for 2021 (granted) and 2022–2024 (planned): the same years, the same status
            pattern = _years_before(ex, sentence)
            if pattern:
                for agency in owners[i]:
                    for key, status in pattern:
                        ex.money.append(
                            MoneyRow(
                                agency, appropriation, key, status, amount.kronor, sentence, span
                            )
                        )
                continue
        year = chosen[i] or _year_of_period(text) or _year_of_addition(ex, sentence)
        for agency in owners[i]:
            if year is None:
                ex.money.append(
                    MoneyRow(agency, appropriation, "", kind, amount.kronor, sentence, span)
                )
                continue
            # "per år" near the amount; "För vart och ett av åren 2026 och 2027 beräknas …"
            # may stand further before it, but not before the previous amount
            window = text[lo:hi]
            each_year = (
                PER_YEAR_RE.search(window) is not None
                or (
                    # "25 000 000 för 2017 respektive för 2018": that amount for each year
                    bool(year.listed)
                    and re.search(r"\brespektive\b", text[year.start : year.end], re.I) is not None
                )
                or (
                    # "32,5 miljoner kronor 2021 … 32,5 miljoner 2022 samt 17,5 miljoner kronor
                    # för 2023 och 2024": among amounts of one year each, each year
                    bool(year.listed)
                    and len(amounts) > 1
                    and all(
                        (y := chosen[j]) is not None and y.first == y.last
                        for j in range(len(amounts))
                        if j != i
                    )
                )
            )
            keys = (
                [str(each) for each in year.years]
                if len(year.years) > 1 and each_year
                else [year.key]
            )
            for key in keys:
                ex.money.append(
                    MoneyRow(agency, appropriation, key, kind, amount.kronor, sentence, span)
                )
    _equivalent_in_sentence(ex, sentence, marks, amounts, rows_before)
    if _parts_of_the_total(ex, sentence, rows_before):
        ex.review.append(
            "Beloppen i «" + short_text(text) + "» har lästs som delar av beloppet före och "
            "blir inga egna rader; kontrollera."
        )
        del ex.money[rows_before:]
        return
    _rows_added(ex, sentence, rows_before)


# words that add money rather than divide it
_ADDING = re.compile(
    r"\b(?:ytterligare|därutöver|dessutom|också|även|vidare|utöver|tillkommer\s+\d|extra|"
    r"respektive\s+år)\b",
    re.I,
)


def _parts_of_the_total(ex: Extraction, sentence: Sentence, rows_before: int) -> bool:
    """ "Regeringen uppdrar åt Kammarkollegiet att utbetala totalt 976 000 000 kronor. 655 000
    000 kronor respektive 300 000 000 kronor utbetalas …", "… betala ut 4 miljarder kronor
    under 2021. … 2 miljarder kronor får till den 30 juni 2021 bara användas till …": amounts
    that add up to no more than the one just before, for the same receiver, year and status,
    divide it; they are not more money."""
    new = ex.money[rows_before:]
    text = sentence.text
    if not new or ex.last_money is None or _ADDING.search(text):
        return False
    previous, start_row = ex.last_money
    if (
        sentence.lead
        and not _PART_OF.match(sentence.lead)
        and previous.paragraph != sentence.paragraph
    ):
        # "Testverket ska: • Fördela 59 miljoner … • Fördela 4,5 miljoner …" (but "• … betala
        # ut 17 miljoner kronor. Medlen ska fördelas så att … tilldelas 3 miljoner kronor
        # vardera" divides the item's own amount)
        return False
    # the amount, not a giver, is what the sentence is about: "655 000 000 kronor … utbetalas",
    # "2 miljarder kronor får … bara användas till …" (not "Kammarkollegiet ska betala ut …")
    first = min(r.span[0] for r in new) - sentence.start
    if re.search(
        r"\b(?:Regeringen|Myndigheten|Myndigheterna|Kammarkollegiet)\b", text[:first]
    ) or any(start < first for start, _, _ in agency_mentions(ex.identity, text)):
        return False
    if sentence.paragraph - previous.paragraph > 1 or previous is sentence:
        return False
    before = [r for r in ex.money[start_row:rows_before] if r.sentence is previous]
    if len(before) != 1:
        return False
    total = before[0]
    if any(
        r.agency != total.agency or r.kind != total.kind or r.year not in (total.year, "")
        for r in new
    ):
        return False
    # one amount per place in the text ("vardera" gives several rows for one amount)
    by_span = {r.span: r.amount for r in new}
    return sum(by_span.values()) <= total.amount


def _equivalent_in_sentence(
    ex: Extraction,
    sentence: Sentence,
    marks: list[tuple[int, str]],
    amounts: list[AmountHit],
    rows_before: int,
) -> None:
    """ "X får använda 3 000 000 kronor under 2026 och regeringen beräknar motsvarande belopp
    för 2027 och 2028": the sentence's own amount again for the years after the phrase."""
    text = sentence.text
    m = _EQUIVALENT.search(text)
    if m is None or not amounts or m.start() < amounts[-1].end:
        return
    own = [r for r in ex.money[rows_before:] if r.year.isdigit()]
    if not own:
        return
    exclude = [(h.start, h.end) for h in find_dates(text) if h.kind != "year"]
    tail = [y for y in find_years(text, exclude) if y.start >= m.start() and not y.budget_year]
    base_year = max(int(r.year) for r in own)
    years = sorted({y for hit in tail for y in hit.years if y > base_year})
    if not years:
        return
    kind = _classify(text, marks, m.start())
    span = (sentence.start + m.start(), sentence.start + m.end())
    for row in [r for r in own if int(r.year) == base_year]:
        for year in years:
            ex.money.append(replace(row, year=str(year), kind=kind, span=span))
    ex.review.append(
        f"«{m.group()}» har tolkats som samma belopp som för {base_year}; kontrollera: "
        f"«{short_text(text)}»"
    )


def _split_over_appropriations(ex: Extraction, sentence: Sentence, thousands: bool) -> bool:
    """ "Av dessa medel ska 300 000 kronor belasta … anslag 2:2 … och 235 000 kronor belasta …
    anslag 6:1 …" after "får disponera högst 535 000 kronor": the total is charged to several
    appropriations, so the parts, each with its own, replace the total's row."""
    if ex.last_money is None or not ex.money_run:
        return False
    if sentence.paragraph - ex.last_money[0].paragraph > 2:
        return False
    text = sentence.text
    amounts = [a for a in find_amounts(text, thousands=thousands) if not a.bare]
    hits = find_appropriations(text)
    if len(amounts) < 2 or len(hits) != len(amounts):
        return False
    bounds = [a.start for a in amounts[1:]] + [len(text)]
    after = [
        next((h for h in hits if a.end <= h.start < b), None)
        for a, b in zip(amounts, bounds, strict=True)
    ]
    bounds = [0] + [a.end for a in amounts[:-1]]
    before = [
        next((h for h in hits if b <= h.start < a.start), None)
        for a, b in zip(amounts, bounds, strict=True)
    ]
    paired = after if all(after) else before if all(before) else None
    if paired is None:
        return False
    total = sum(a.kronor for a in amounts)
    run = [s for s, _ in ex.money_run]
    whole = next(
        (
            i
            for i in range(len(ex.money) - 1, -1, -1)
            if ex.money[i].sentence in run and ex.money[i].amount == total
        ),
        None,
    )
    if whole is None:
        return False
    row = ex.money.pop(whole)
    budget_years = [y for y in find_years(text, []) if y.budget_year]
    year = row.year or (budget_years[0].key if budget_years else "")
    for amount, hit in zip(amounts, paired, strict=True):
        span = (sentence.start + amount.start, sentence.start + amount.end)
        part = replace(
            row, appropriation=_with_area(ex, hit), year=year, amount=amount.kronor, span=span
        )
        ex.money.insert(whole, replace(part, charge=sentence))
        whole += 1
    return True


_PART_OF = re.compile(
    r"\s*(?:(?:Av|Inom|Utav)\s+(?:ramen\s+för\s+)?(?:beloppet|beloppen|dessa|detta(?:\s+belopp)?|"
    r"medlen|de\s+(?:tilldelade|beviljade|anvisade)\s+medlen|[\wåäöÅÄÖ-]+s\s+medel|de\s+medel)|"
    # "… får använda 105 miljoner kronor. Bland annat fördelas 70 miljoner kronor till …"
    r"Bland\s+annat\s+(?:ska\s+)?(?:fördelas|går|avsätts|används))\b",
    re.I,
)
# "… får använda högst 500 000 kronor av beloppet för administration": the same, said after
_PART_AFTER = re.compile(
    r"\b(?:kronor|kr|miljoner|miljon|tkr)\s+av\s+(?:beloppet|beloppen|medlen|dessa\s+medel|"
    r"detta\s+belopp)\b",
    re.I,
)
# "Högst 4 miljoner kronor fördelas till ideella föreningar." right after such a part: another
_NEXT_PART = re.compile(
    r"\s*(?:(?:Högst|Minst|Upp\s+till|Resterande|Övriga)\s+)?\d[\d\s,]*\s*(?:miljon\w*|miljard\w*|"
    r"kronor|tkr)(?:\s+kronor)?\s+(?:fördelas|går|avsätts|ska\s+(?:fördelas|gå|avsättas))\b",
    re.I,
)
_APPROXIMATE = re.compile(r"\b(knappt|drygt|cirka|ca\.?|omkring|ungefär|runt)\s+$", re.I)
# "Den totala kostnaden för uppdraget 2022–2023 beräknas till 1 400 000 kronor": an estimate
COST_ESTIMATE = re.compile(
    r"\bkostnade(?:n|rna)\s+(?:[^.;]{0,100}?\s)?beräknas\s+(?:uppgå\s+)?till\b", re.I
)

# "… ska SGU lämna bidrag till Naturvårdsverket med högst 4 000 000 kronor"
_GRANT_TO = re.compile(
    r"\b(?:bidrag|medel|stöd|ersättning)\s+(?:[\wåäö]+\s+){0,2}?till\s+$|"
    r"\b(?:betala\s+ut|fördela|överföra|föra\s+över)\s+(?:[\wåäö]+\s+){0,6}?till\s+$",
    re.I,
)


def _part_for_another_agency(ex: Extraction, text: str) -> bool:
    """ "Av de medel som är tillgängliga för uppdraget ska SGU lämna bidrag till
    Naturvårdsverket med högst 4 000 000 kronor": a part that another agency receives is
    that agency's row, as the same money in a later year would be."""
    main = ex.identity.agencies[0][0] if ex.identity.agencies else None
    return any(
        name != main and _GRANT_TO.search(text[max(0, start - 60) : start])
        for start, _, name in agency_mentions(ex.identity, text)
    )


# "betala ut 420 000 kronor till vardera Umeå kommun, Ekerö kommun och Falu kommun",
# "… till vardera av de 21 regionerna"
_TO_EACH = re.compile(
    r"\s*(?:kronor\s+|kr\s+)?(?:till|för)\s+var(?:dera|\s+och\s+en)\s+(?:av\s+)?(?:de\s+)?"
    r"(?:(?P<n>\d{1,3})\s+\w+|(?P<names>[A-ZÅÄÖ][^.;:]*?))(?=\s*(?:[.;:]|$|,?\s+(?:för\s+att|"
    r"som|under|i\s+enlighet)\b))",
    re.I,
)


def _to_each_of(ex: Extraction, text: str, amount: AmountHit) -> AmountHit:
    """An amount paid to each of several named receivers is their sum for the agency that
    pays; the draft asks the human to check it."""
    m = _TO_EACH.match(text, amount.end)
    if m is None:
        return amount
    if m.group("n"):
        count = int(m.group("n"))
    else:
        names = [n for n in re.split(r",\s*|\s+(?:och|samt)\s+", m.group("names")) if n.strip()]
        if any(not n.strip()[:1].isupper() for n in names):
            return amount
        count = len(names)
    if count < 2:
        return amount
    total = amount.kronor * count
    ex.review.append(
        f"Beloppet {kronor_text(amount.kronor)} går till var och en av {count} mottagare; "
        f"utkastet har summan {kronor_text(total)}. Kontrollera: «{short_text(text)}»"
    )
    return replace(amount, kronor=total)


def _governed(text: str, marks: list[tuple[int, str]], amount: AmountHit) -> bool:
    """A classifying word stands shortly before the amount, in the same clause."""
    return any(
        0 < amount.start - at <= 80 and not re.search(r"[.;]", text[at : amount.start])
        for at, _ in marks
    )


def _pair_respectively(
    text: str, amounts: list[AmountHit], chosen: dict[int, YearHit | None], drop: set[int]
) -> None:
    """ "För 2022 och 2023 beräknas … 70 miljoner respektive 49 miljoner kronor": the amounts
    take the listed years in order."""
    kept = [i for i in range(len(amounts)) if i not in drop]
    if len(kept) < 2:
        return
    first, last = amounts[kept[0]], amounts[kept[-1]]
    if not re.search(r"\brespektive\b", text[first.end : last.start], re.I):
        return
    years = {y for i in kept if (y := chosen[i]) is not None}
    if len(years) != 1:
        return
    year = years.pop()
    if len(year.years) != len(kept):
        return
    for i, each in zip(kept, year.years, strict=True):
        chosen[i] = YearHit(year.start, year.end, each, each, year.budget_year)


_PERIOD = re.compile(
    r"\b(?:för|under)\s+perioden\s+(?:den\s+)?\d{1,2}\s+[a-zåäö]+\s*(?:[-–]|till(?:\s+och\s+med)?)"
    r"\s*(?:den\s+)?\d{1,2}\s+[a-zåäö]+\s+(?P<y>(?:19|20)\d{2})\b",
    re.I,
)


def _year_of_period(text: str) -> YearHit | None:
    """ "att för perioden 1 juli–31 december 2018 fördela 15 000 000 kronor": the year of a
    period within one year."""
    m = _PERIOD.search(text)
    if m is None:
        return None
    year = int(m.group("y"))
    return YearHit(m.start("y"), m.end("y"), year, year, False)


_ADDITION = re.compile(r"\b(?:därutöver|dessutom|utöver\s+detta|även|också)\b", re.I)


def _years_before(ex: Extraction, sentence: Sentence) -> list[tuple[str, str]]:
    """The (year, status) of each single-year row of the money sentence just before, in the
    same or the previous paragraph, when there are two or more years."""
    if ex.last_money is None:
        return []
    previous, first = ex.last_money
    if previous is sentence or not 0 <= sentence.paragraph - previous.paragraph <= 1:
        return []
    pattern = sorted(
        {
            (row.year, row.kind)
            for row in ex.money[first:]
            if row.sentence is previous and re.fullmatch(r"(?:19|20)\d{2}", row.year)
        }
    )
    years = [y for y, _ in pattern]
    return pattern if len(years) >= 2 and len(set(years)) == len(years) else []


def _year_of_addition(ex: Extraction, sentence: Sentence) -> YearHit | None:
    """ "X får … 1,9 miljoner kronor under 2022. Y får därutöver rekvirera 400 000 kronor":
    the addition is for the year of the money just before, in the same paragraph."""
    if ex.last_money is None:
        return None
    previous, first = ex.last_money
    # an item of the same list ("• Fördela 59 miljoner kronor … under 2024", "• Fördela 4,5
    # miljoner kronor …") or an addition in the same paragraph
    same_list = bool(sentence.lead) and previous.lead == sentence.lead
    if not same_list and (
        not _ADDITION.search(sentence.text) or previous.paragraph != sentence.paragraph
    ):
        return None
    years = {row.year for row in ex.money[first:] if row.sentence is previous}
    if len(years) != 1:
        return None
    year = years.pop()
    if not re.fullmatch(r"(?:19|20)\d{2}", year):
        return None
    return YearHit(0, 0, int(year), int(year), False)


_THOSE_BEFORE = re.compile(r"\b(?:av|inom\s+ramen\s+för|utöver)\s+de\s+$", re.I)
_THOSE_AFTER = re.compile(r"\s*(?:kronor\s+|kr\s+)?som\b", re.I)
_MONTHS = "|".join(MONTHS)
_USE_YEAR = re.compile(
    r"\b(?:(?:medlen|medel\s+för\s+uppdraget|beloppet|beloppen|pengarna|bidraget|stödet)\s+"
    r"(?:(?:ska|får)\s+(?:användas|förbrukas|disponeras|utbetalas|betalas\s+ut)|avser"
    r"(?:\s+(?:verksamhet|insatser|arbete|kostnader))?|betalas\s+ut|utbetalas)|"
    # "Kammarkollegiet betalar engångsvis ut pengarna under november månad 2020."
    r"betalar\s+(?:\S+\s+){0,2}?ut\s+(?:pengarna|medlen|beloppet|bidraget))\s+"
    r"(?:(?:engångsvis|direkt|i\s+sin\s+helhet)\s+)?(?:(?:under|för|i)\s+)?"
    rf"(?:budgetåret\s+|år\s+|(?:{_MONTHS})\s+(?:månad\s+)?)?"
    r"(?P<y>(?:19|20)\d{2})\b(?!\s*(?:[-–]|och|till)\s*\d)",
    re.I,
)


def _use_year(ex: Extraction, sentence: Sentence) -> None:
    """ "X får använda högst 2 500 000 kronor …. Medlen ska användas under 2026.", "Bidraget
    avser verksamhet 2024.": the year of the yearless amounts shortly before."""
    m = _USE_YEAR.search(sentence.text)
    if m is None or ex.last_money is None:
        return
    # (a list of what the money is for may stand between: "Insatserna ska: • … • …")
    if not 0 <= sentence.paragraph - ex.last_money[0].paragraph <= 6:
        return
    for i, row in enumerate(ex.money):
        if not row.year and row.sentence.paragraph <= sentence.paragraph:
            ex.money[i] = replace(row, year=m.group("y"))


_EQUIVALENT = re.compile(r"\bmotsvarande\s+(?:belopp|medel|summa|nivå)\b", re.I)


def _equivalent_amounts(ex: Extraction, sentence: Sentence, marks: list[tuple[int, str]]) -> None:
    """ "Regeringen beräknar att X får använda motsvarande belopp för 2027": the latest year's
    rows again, for each year the sentence names, for the agencies it names (else all)."""
    text = sentence.text
    m = _EQUIVALENT.search(text)
    assert m is not None
    if sentence.paragraph in ex.reasons or _past_money(ex, sentence, marks, m.start()):
        return
    dated = [r for r in ex.money if r.year.isdigit()]
    exclude = [(h.start, h.end) for h in find_dates(text) if h.kind != "year"]
    years = sorted(
        {y for hit in find_years(text, exclude) for y in range(hit.first, hit.last + 1)}
        | {y for hit in find_years(text, exclude) for y in hit.listed}
    )
    if not dated or not years:
        ex.review.append(
            f"«{m.group()}» hänvisar till ett belopp som inte kunde avgöras; fyll i beloppet: "
            f"«{short_text(text)}»"
        )
        return
    base_year = max(int(r.year) for r in dated)
    base = [r for r in dated if int(r.year) == base_year]
    named = {name for _, _, name in agency_mentions(ex.identity, text)}
    if named & {r.agency for r in base}:
        base = [r for r in base if r.agency in named]
    kind = _classify(text, marks, m.start())
    span = (sentence.start + m.start(), sentence.start + m.end())
    appropriation = _with_area(ex, find_appropriation(text))
    seen: set[tuple[str | None, int]] = set()
    for row in base:
        if (row.agency, row.amount) in seen:
            continue
        seen.add((row.agency, row.amount))
        for year in years:
            if year > base_year:
                ex.money.append(
                    MoneyRow(row.agency, appropriation, str(year), kind, row.amount, sentence, span)
                )
    ex.review.append(
        f"«{m.group()}» har tolkats som samma belopp som för {base_year}; kontrollera: "
        f"«{short_text(text)}»"
    )


def _aside(ex: Extraction, sentence: Sentence) -> bool:
    """ "X får använda 3 000 000 kronor. Medlen betalas ut efter rekvisition. Kostnaderna ska
    belasta …": a sentence without money or appropriation in the same paragraph does not end
    the amounts a following charging sentence is about."""
    if ex.last_money is None or find_appropriations(sentence.text):
        return False
    last = ex.last_money[0].paragraph
    # "Bidraget avser verksamhet under 2023. Bidraget betalas efter rekvisition …" in the
    # paragraph after the grant is about the same money
    return last == sentence.paragraph or (
        sentence.paragraph == last + 1 and _ABOUT_THE_MONEY.match(sentence.text) is not None
    )


_ABOUT_THE_MONEY = re.compile(
    r"\s*(?:Bidraget|Medlen|Beloppet|Pengarna|Stödet|Rätten\s+till\s+(?:bidrag|stöd)|"
    r"Utbetalning(?:en)?|Rekvisition(?:en)?)\b",
    re.I,
)


def _rows_added(ex: Extraction, sentence: Sentence, rows_before: int) -> None:
    if len(ex.money) > rows_before:
        ex.last_money = (sentence, rows_before)
        ex.money_run.append((sentence, rows_before))
    else:
        ex.money_run = []


_PERFECT = re.compile(r"\b(?:har|hade)\s+(?:(?!\b(?:ska|skall|får|och|men)\b)[^,;.]){0,80}?$", re.I)
_PARTICIPLE = re.compile(
    r"(?:beräknat|beräknats|avsatt|avsatts|anvisat|anvisats|beviljat|beviljats|tillfört|"
    r"tillförts|tilldelat|tilldelats)\b",
    re.I,
)

_PROPOSED = re.compile(
    r"\b(?:har|hade)\s+(?:\S+\s+){0,8}?föreslagit\s+att\b|\bföreslog\s+(?:\S+\s+){0,6}?att\b",
    re.I,
)


def _past_money(ex: Extraction, sentence: Sentence, marks: list[tuple[int, str]], pos: int) -> bool:
    """ "Regeringen har i budgetpropositionen för 2025 beräknat 45 miljoner kronor …" in the
    reasons, or about something other than the assignment: money already decided, no row."""
    text = sentence.text
    before = [at for at, _ in marks if at < pos]
    at = before[-1] if before else marks[0][0]
    if _PROPOSED.search(text[:pos]) and not PLANNED_RE.search(text):
        # "Regeringen har i budgetpropositionen föreslagit att 50 miljoner kronor anvisas …":
        # planned money when it is this assignment's, else background
        return sentence.paragraph in ex.reasons or not _about_assignment(ex, sentence)
    supplied = re.match(
        r"(?:har|hade)\s+(?:\S+\s+){1,14}?(?:tillförts|avsatt|anvisat|tilldelat)\b", text[at:], re.I
    )
    if not supplied and (
        not _PARTICIPLE.match(text, at) or not _PERFECT.search(text[max(0, at - 90) : at])
    ):
        return False
    return sentence.paragraph in ex.reasons or not (
        re.search(r"\buppdrag", text, re.I) or _for_the_task(ex, text)
    )


def _for_the_task(ex: Extraction, text: str) -> bool:
    """ "… har 6 miljoner kronor tillförts anslag 1:15 … som disponeras av Brå för att sprida
    GVI-strategin" in a decision titled "Uppdrag att sprida strategin …": money for what the
    assignment is."""
    title = ex.identity.title or ""
    m = re.search(
        r"\b(?:[Uu]ppdrag|[Bb]idrag|[Mm]edel)\b[^.]{0,80}?\batt\s+([a-zåäö]{4,})\b", title
    )
    return m is not None and re.search(rf"\bför\s+att\s+{m.group(1)}\b", text) is not None


_OPERATIVE = re.compile(r"\bi\s+uppdrag\b|\buppdrar\s+(?:åt|till)\b|\buppdraget\b", re.I)


def _about_assignment(ex: Extraction, sentence: Sentence) -> bool:
    """The sentence speaks of the assignment, of an agency it addresses ("Vetenskapsrådets
    anslag ska ökas med …"), or stands in the paragraph that gives the assignment."""
    if re.search(r"\buppdrag", sentence.text, re.I) or _for_the_task(ex, sentence.text):
        return True
    if (
        re.search(r"\bytterligare\b", sentence.text, re.I)
        and ex.last_money is not None
        and sentence.paragraph - ex.last_money[0].paragraph <= 2
        and sentence.paragraph not in ex.reasons
    ):
        return True  # "… föreslagit att det ska tillföras ytterligare 10 miljoner kronor 2022"
    addressed = set(ex.identity.addressed_names)
    genitive = re.sub(r"\b([A-ZÅÄÖ][\wåäö-]+?)s\b", r"\1 ", sentence.text)
    if any(name in addressed for _, _, name in agency_mentions(ex.identity, genitive)):
        return True
    return any(
        s.paragraph == sentence.paragraph and _OPERATIVE.search(s.text) for s in ex.doc.sentences
    )


# "För 2022 beräknas 21 000 000 kronor från anslaget användas": the one named before
_THE_APPROPRIATION = re.compile(
    r"\b(?:från|ur|av|mot|under|på)\s+(?:samma\s+anslag|anslaget)\b(?!\s*\d)", re.I
)


def _charge_ahead(ex: Extraction, sentence: Sentence) -> None:
    """ "Uppdraget finansieras under budgetåret 2022 från … anslaget 1:10 …" with no amount
    and no money before it: the appropriation of the amounts that follow."""
    if ex.money or not _CHARGE.search(sentence.text):
        return
    found = [a for a in (_with_area(ex, h) for h in find_appropriations(sentence.text)) if a]
    if len(found) == 1:
        ex.charge_ahead = (found[0], sentence)


def _charged_ahead(ex: Extraction, sentence: Sentence) -> AppropriationHit | None:
    if ex.charge_ahead is None:
        return None
    appropriation, charging = ex.charge_ahead
    return appropriation if sentence.paragraph - charging.paragraph <= 1 else None


def _same_appropriation(ex: Extraction, text: str) -> AppropriationHit | None:
    if not _THE_APPROPRIATION.search(text):
        return None
    return next((r.appropriation for r in reversed(ex.money) if r.appropriation), None)


def _with_area(ex: Extraction, hit: AppropriationHit | None) -> AppropriationHit | None:
    """ "… utgiftsområde 14 …, anslaget 1:1 …. X får vidare använda … av anslaget 1:3 …": an
    appropriation named without its utgiftsområde is in the one the decision named last."""
    if hit is None:
        return None
    if hit.area is not None:
        ex.last_area = hit.area
        return hit
    return replace(hit, area=ex.last_area) if ex.last_area is not None else hit


_OLD_AMOUNT = re.compile(
    r"\b(?:i\s+stället\s+för|istället\s+för|(?:ändras|höjs|sänks|ökas|minskas)\s+från|tidigare|"
    r"ursprungligen)\s+(?:\S+\s+){0,2}?$",
    re.I,
)
_LIST_ON = re.compile(r"\s*(?:kronor\s+|kr\s+)?(?:,|och|samt|respektive)\s*", re.I)
_VARAV = re.compile(
    # ("Totalt får 9 miljoner kronor användas, fördelat med 3 miljoner kronor per år …")
    r"\b(?:varav|av\s+vilka|därav|av\s+dessa|fördelat\s+(?:med|på|som))\s+(?:\S+\s+){0,2}$",
    re.I,
)
_CHARGE = re.compile(
    r"\b(?:belasta\w*|avräkna\w*|redovisas\s+mot|finansiera\w*|bekostas|tas\s+från|"
    r"(?:betalas|utbetalas)\s+(?:ut\s+)?från|"
    # "Dessa medel har tillförts utgiftsområde 18 …, anslaget 1:4 Boverket."
    r"(?:dessa|de)\s+medel\s+har\s+tillförts|medlen\s+har\s+tillförts)\b",
    re.I,
)


def _appropriation_for_previous(ex: Extraction, sentence: Sentence) -> bool:
    """ "Kostnaderna ska belasta anslaget 1:1 …" right after the amounts' sentences: the
    appropriation of every row in those sentences that has none."""
    if ex.last_money is None or not ex.money_run or not _CHARGE.search(sentence.text):
        return False
    previous, _ = ex.last_money
    if sentence.paragraph - previous.paragraph > 2:
        return False
    appropriations = [
        a for a in (_with_area(ex, h) for h in find_appropriations(sentence.text)) if a
    ]
    if not appropriations:
        return False
    chosen = _appropriation_per_agency(ex, sentence.text, appropriations)
    only = _charged_agency(ex, sentence.text)
    budget_years = [y for y in find_years(sentence.text, []) if y.budget_year]
    named = [y for y in find_years(sentence.text, []) if not y.budget_year]
    last_kind = ex.money[-1].kind
    for run_sentence, first_row in ex.money_run:
        for i in range(first_row, len(ex.money)):
            row = ex.money[i]
            if row.sentence is not run_sentence or row.appropriation is not None:
                continue
            if only is not None and row.agency != only:
                continue  # "Domstolsverkets kostnader ska belasta …": that agency's rows only
            if run_sentence is not previous and row.kind != last_kind and row.kind == "beräknat":
                continue  # planned money two sentences back is another year's appropriation
            # (granted money before a sentence of planned money is charged all the same)
            if named and row.year and not any(str(v) == row.year for y in named for v in y.years):
                continue  # "Kostnaderna för 2025 ska belasta …"
            # "… för budgetåret 2026" in the charging sentence is the year of a yearless amount
            year = row.year or (budget_years[0].key if budget_years else "")
            appropriation = chosen.get(row.agency, appropriations[0])
            ex.money[i] = replace(row, appropriation=appropriation, charge=sentence, year=year)
    return True


_GENITIVE = re.compile(r"\b([A-ZÅÄÖ][\wåäö-]+?)s\b(?=\s+(?:kostnader|del|andel|medel)\b)")


def _charged_agency(ex: Extraction, text: str) -> str | None:
    """The one agency whose costs a charging sentence is about: "Domstolsverkets kostnader ska
    belasta …", "Kostnaderna för Polismyndighetens del ska belasta …"."""
    charge = _CHARGE.search(text)
    if charge is None:
        return None
    head = _GENITIVE.sub(lambda m: m.group(1) + " ", text[: charge.start()])
    names = {name for _, _, name in agency_mentions(ex.identity, head)}
    return names.pop() if len(names) == 1 else None


def _appropriation_per_agency(
    ex: Extraction, text: str, appropriations: list[AppropriationHit]
) -> dict[str | None, AppropriationHit]:
    """ "anslaget 1:1 Skatteverket respektive anslaget 1:3 Kronofogdemyndigheten": each
    agency's own appropriation, by the name of the appropriation or by the order of the
    agencies in the rows it charges."""
    if len(appropriations) < 2:
        return {}
    out: dict[str | None, AppropriationHit] = {}
    for hit in appropriations:
        for _, _, name in agency_mentions(ex.identity, hit.name or ""):
            out.setdefault(name, hit)
    if re.search(r"\brespektive\b", text, re.I):
        agencies: list[str | None] = []
        for run_sentence, first_row in ex.money_run:
            for row in ex.money[first_row:]:
                if row.sentence is run_sentence and row.agency not in agencies:
                    agencies.append(row.agency)
        if len(agencies) == len(appropriations):
            for agency, hit in zip(agencies, appropriations, strict=True):
                out.setdefault(agency, hit)
    return out


_NEW_CLAUSE = re.compile(r";|,\s*(?:och|men|medan)\s+(?!att\b)|\.\s", re.I)


def _classify(text: str, marks: list[tuple[int, str]], pos: int) -> str:
    """The nearest classifying word before the amount, else the first one after it. "får …
    använda" that "beräknar att" governs is planned: "Regeringen beräknar att X får använda"."""
    kinds: list[tuple[int, str]] = []
    planned_at: int | None = None
    for at, kind in marks:
        if kind == "beräknat":
            planned_at = at
        elif planned_at is not None and not _NEW_CLAUSE.search(text, planned_at, at):
            kind = "beräknat"
        else:
            planned_at = None
        kinds.append((at, kind))
    before = [kind for at, kind in kinds if at < pos]
    return before[-1] if before else kinds[0][1]


_CONJ = re.compile(r",|\b(?:och|samt|respektive|varav|medan)\b", re.I)


def _year_for(text: str, amounts: list[AmountHit], i: int, years: list[YearHit]) -> YearHit | None:
    amount = amounts[i]
    lo = amounts[i - 1].end if i else 0
    hi = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
    usable = [y for y in years if not y.budget_year]
    after = [y for y in usable if amount.end <= y.start < hi]
    before = [y for y in usable if lo <= y.start and y.end <= amount.start]
    a = after[0] if after else None
    b = before[-1] if before else None
    if b is not None and re.fullmatch(r"\s*:\s*", text[b.end : amount.start]):
        return b  # "2025: 3 000"
    a_free = a is not None and not _CONJ.search(text, amount.end, a.start)
    b_free = b is not None and not _CONJ.search(text, b.end, amount.start)
    if a is not None and a_free:
        return a
    if b is not None and b_free:
        return b
    if a is not None and i + 1 >= len(amounts):
        return a
    if b is not None:
        return b
    if a is not None:
        return a
    if len({y.key for y in usable}) == 1:
        return usable[0]  # "X får 3 000 000 kronor och Y 1 000 000 kronor under 2026"
    fallback = [y for y in years if y.budget_year]
    return fallback[0] if fallback else None


# --- whose money --------------------------------------------------------------------------------

# "i samverkan med X", "hos X", "från X": X is named but does not receive the money
_NOT_OWNER_BEFORE = re.compile(
    r"\b(?:med|hos|från|mot|inom|vid|om|enligt|genom|via|efter)\s+$", re.I
)
_OWNER_AFTER = re.compile(
    r"^\s*(?:kronor\s+|kr\s+)?(?:[a-zåäö]+\s+){0,2}?(?:till|av|åt)\s+$"
    # "600 000 kronor för vart och ett av åren 2026–2028 för ESV", "… kronor under 2026 för X"
    r"|^\s*(?:kronor\s+|kr\s+)?(?:(?:för|under)\s+(?:vart\s+och\s+ett\s+av\s+)?"
    r"(?:(?:budget)?år(?:en|et)?\s+)?(?:19|20)\d{2}(?:\s*(?:[-–]|och|till|,)\s*(?:19|20)\d{2})*"
    r"\s+|per\s+år\s+|årligen\s+)?(?:till|åt|för)\s+$",
    re.I,
)
_EACH = re.compile(
    r"\b(?:vardera|var\s+för\s+sig|var\s+och\s+en|per\s+myndighet|respektive\s+myndighet)\b", re.I
)


def _owners(ex: Extraction, sentence: Sentence, amounts: list[AmountHit]) -> list[list[str | None]]:
    """The agency (or agencies, "X och Y får vardera …") each amount is for: the subject of
    its clause ("Socialstyrelsen får … använda 500 000 kronor", "och Y 400 000 kronor"), else
    the agency right after it ("… kronor till X", "… användas av X"), else the previous
    amount's, else the agency the decision addresses first. Agencies that receive money join
    `myndigheter`."""
    text = sentence.text
    mentions = [
        m for m in agency_mentions(ex.identity, text) if not _NOT_OWNER_BEFORE.search(text[: m[0]])
    ]
    fallback = ex.identity.agencies[0][0] if ex.identity.agencies else None
    owners: list[list[str | None]] = []
    previous: list[str | None] | None = None
    known = {name for name, _, _ in ex.identity.agencies}
    claimed: list[tuple[int, int, str]] = []  # "… kronor av X": X is that amount's, not the next
    for i, amount in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        before = [m for m in mentions if lo <= m[0] and m[1] <= amount.start and m not in claimed]
        after = [
            m
            for m in mentions
            if amount.end <= m[0] < hi
            and (gap := _OWNER_AFTER.match(text[amount.end : m[0]])) is not None
            # "… kronor för Socialstyrelsens räkning": named, not the owner
            and not (gap.group().rstrip().endswith("för") and text[m[1] : m[1] + 1].isalpha())
        ]
        chosen: list[str | None]
        if before:
            chosen = [before[-1][2]]
            if len(before) > 1 and _EACH.search(text[lo:hi]):
                group = [before[-1]]
                for m in reversed(before[:-1]):
                    if re.fullmatch(r"\s*(?:,|och|samt)\s*", text[m[1] : group[0][0]]):
                        group.insert(0, m)
                chosen = [m[2] for m in group] if len(group) > 1 else chosen
        elif after:
            chosen = [after[0][2]]
            claimed.append(after[0])
        elif previous is not None:
            chosen = previous
        elif _EACH.search(text[lo:hi]) and ex.identity.addressed > 1:
            # "får universiteten vardera rekvirera …": each agency the decision addresses
            chosen = list[str | None](ex.identity.addressed_names)
        else:
            chosen = [fallback]
        owners.append(chosen)
        previous = chosen
        for m in before + after:
            if m[2] in chosen:
                add_agency(
                    ex, m[2], sentence, (sentence.start + m[0], sentence.start + m[1]), known
                )
    return _respectively(ex, text, amounts, mentions, owners)


def _respectively(
    ex: Extraction,
    text: str,
    amounts: list[AmountHit],
    mentions: list[tuple[int, int, str]],
    owners: list[list[str | None]],
) -> list[list[str | None]]:
    """ "X och Y får använda 2 000 000 kronor respektive 1 500 000 kronor", "Länsstyrelserna
    får … 2 000 000 kronor respektive 1 500 000 kronor": the amounts go to the agencies in
    the order they are named (before the amounts, else the decision's addressees)."""
    n = len(amounts)
    if n < 2 or not re.search(r"\brespektive\b", text[amounts[0].end : amounts[-1].start], re.I):
        return owners
    if any(o != owners[0] or len(o) != 1 for o in owners):
        return owners
    listed: list[str] = []
    for m in mentions:
        if m[1] <= amounts[0].start and m[2] not in listed:
            listed.append(m[2])
    if len(listed) != n:
        addressed = ex.identity.addressed_names
        if len(addressed) != n or (listed and listed[0] in addressed):
            return owners
        listed = addressed
    return [[name] for name in listed]


def _table_intro(ex: Extraction, sentence: Sentence, marks: list[tuple[int, str]]) -> bool:
    """ "Myndigheterna får använda följande belopp (tkr):" and the rows after it."""
    text = sentence.text
    if not introduces_table(text) or find_amounts(text):
        return False  # "… följande belopp: 2 000 000 kronor för 2026 …" is read as prose
    colon = re.search(r"(?<!\d):(?!\s*\d{3}\b)", text)
    head = text[: colon.start()] if colon else text
    if find_amounts(head) or not introduces_table(head):
        return False
    mentions = agency_mentions(ex.identity, head)
    owners = {name for _, _, name in mentions}
    years = sorted({v for y in find_years(head, [(m[0], m[1]) for m in mentions]) for v in y.years})
    table = MoneyTable(
        sentence,
        [(at, kind) for at, kind in marks if at < len(head)] or marks,
        table_unit(text) or 1,
        next(iter(owners)) if len(owners) == 1 else None,
        None,
        years,
    )
    if table.owner is None and ex.identity.agencies:
        table.owner = ex.identity.agencies[0][0]
    ex.table = table
    ex.money_run = []
    rows_before = len(ex.money)
    table.first_row = rows_before
    if colon:
        _table_rows(ex, sentence, colon.end())
    _rows_added(ex, sentence, rows_before)
    return True


_HEADER_THEN_ROW = re.compile(
    r"^\D*?(?P<years>(?:(?:19|20)\d{2}\s+)+(?:19|20)\d{2})\s+(?P<rest>\d.*)$", re.S
)


def _table_after_amount(ex: Extraction, sentence: Sentence) -> bool:
    """ "X får använda högst 7 500 000 kronor under 2026–2028 enligt följande fördelning." and
    then a table "Belopp (tkr) 2026 2027 2028 / 3 000 2 500 2 000": the table's years are the
    rows; the total they add up to is no row of its own."""
    text = sentence.text
    if ex.table is not None or ex.last_money is None:
        return False
    if any(not a.bare for a in find_amounts(text)):
        return False
    if not looks_like_table(text) or table_unit(text) is None:
        return False
    intro, first = ex.last_money
    if sentence.paragraph - intro.paragraph > 2:
        return False
    before = [r for r in ex.money[first:] if r.sentence is intro]
    if not before:
        return False
    table = MoneyTable(intro, money_markers(intro.text), 1, before[0].agency, None, [])
    table.first_row = len(ex.money)
    ex.table = table
    # "Belopp (tkr) 2026 2027 2028 3 000 2 500 2 000": a header and an unnamed row on one line
    head = _HEADER_THEN_ROW.match(text)
    if head is not None:
        table.multiplier = table_unit(text) or 1
        table.columns = [int(y) for y in re.findall(r"(?:19|20)\d{2}", head.group("years"))]
        _table_rows(ex, sentence, head.start("rest"))
    else:
        _table_rows(ex, sentence, 0)
    added = ex.money[table.first_row :]
    if not added:
        return True
    years = {int(r.year) for r in added if r.year.isdigit()}
    total = sum(r.amount for r in added)
    covered = [
        r
        for r in before
        if "–" in r.year
        and r.amount == total
        and all(int(r.year[:4]) <= y <= int(r.year[-4:]) for y in years)
    ]
    appropriation = next((r.appropriation for r in before if r.appropriation), None)
    charge = next((r.charge for r in before if r.charge), None)
    for i in range(table.first_row, len(ex.money)):
        ex.money[i] = replace(ex.money[i], appropriation=appropriation, charge=charge)
    if covered:
        ex.money = [r for r in ex.money if not any(r is c for c in covered)]
        table.first_row -= len(covered)
    ex.last_money = (sentence, table.first_row)
    ex.money_run = [(sentence, table.first_row)]
    return True


def read_table_line(ex: Extraction, sentence: Sentence) -> bool:
    """A line of the table being read; False when the table has ended."""
    if not looks_like_table(sentence.text):
        return False
    rows_before = len(ex.money)
    _table_rows(ex, sentence, 0)
    if len(ex.money) > rows_before:
        ex.last_money = (sentence, rows_before)
        ex.money_run.append((sentence, rows_before))
    return True


def end_table(ex: Extraction, sentence: Sentence) -> None:
    """The sentence after a table may say which of its years are planned: "Beloppen för 2027
    är beräknade och förutsätter att riksdagen anvisar medel"."""
    table = ex.table
    ex.table = None
    if table is None or find_amounts(sentence.text):
        return
    marks = money_markers(sentence.text)
    if not marks:
        return
    for hit in find_years(sentence.text, []):
        after = [kind for at, kind in marks if at > hit.start]
        before = [kind for at, kind in marks if at < hit.start]
        kind = after[0] if after else before[-1]
        for i in range(table.first_row, len(ex.money)):
            row = ex.money[i]
            if row.year in {str(y) for y in hit.years}:
                ex.money[i] = replace(row, kind=kind)


def _table_rows(ex: Extraction, sentence: Sentence, offset: int) -> None:
    table = ex.table
    assert table is not None
    text = sentence.text
    unit = table_unit(text[offset:])
    if unit is not None and offset == 0:
        table.multiplier = unit  # "Myndighet (tkr) 2026 2027" in the header row
    known = {name for name, _, _ in ex.identity.agencies}
    for row in parse_rows(text[offset:]):
        header = row.header_years()
        if header is not None:
            table.columns = header
            continue
        if row.is_total:
            continue
        owner = table.owner
        if row.name:
            named = agency_mentions(ex.identity, row.name)
            if named:
                owner = named[0][2]
                a = offset + row.name_start + named[0][0]
                add_agency(
                    ex,
                    owner,
                    sentence,
                    (sentence.start + a, sentence.start + a + len(row.name)),
                    known,
                )
        cells = list(row.cells)
        if row.groups:
            columns = table.columns or (table.years if len(table.years) > 1 else None)
            numbers = row.numbers(len(columns) if columns else None)
            if numbers is None or (columns and len(numbers) != len(columns)):
                ex.review.append(
                    f"Tabellraden «{short_text(_row_text(text, offset, row))}» kunde inte läsas; "
                    "fyll i beloppen."
                )
                continue
            if columns:
                cells += [replace(c, year=y) for c, y in zip(numbers, columns, strict=True)]
            elif len(numbers) == 1 and len(table.years) == 1:
                cells.append(replace(numbers[0], year=table.years[0]))
            else:
                ex.review.append(
                    f"Tabellraden «{short_text(_row_text(text, offset, row))}» saknar år; "
                    "fyll i beloppen."
                )
                continue
        for cell in cells:
            if cell.year is None:
                continue
            amount = cell.value * table.multiplier // cell.scale
            span = (sentence.start + offset + cell.start, sentence.start + offset + cell.end)
            ex.money.append(
                MoneyRow(
                    owner, None, str(cell.year), table.kind_for(cell.year), amount, sentence, span
                )
            )


def _row_text(text: str, offset: int, row: Row) -> str:
    end = max([row.name_end, *(e for _, _, e in row.groups), *(c.end for c in row.cells)])
    return text[offset + row.name_start : offset + end]
