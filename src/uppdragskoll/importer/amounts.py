"""Amounts of money, budget years, appropriations and the words that make money planned
(beräknat) or granted (beviljat), in one sentence. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_MULTIPLIERS: dict[str, int] = {
    "kronor": 1,
    "kr": 1,
    "sek": 1,
    "tkr": 1_000,
    "tusen": 1_000,
    "mnkr": 1_000_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "miljon": 1_000_000,
    "miljoner": 1_000_000,
    "milj": 1_000_000,
    "mdkr": 1_000_000_000,
    "mdr": 1_000_000_000,
    "miljard": 1_000_000_000,
    "miljarder": 1_000_000_000,
}
_WORD_NUMBERS: dict[str, int] = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
}

_NUMBER = r"(?P<num>\d{1,3}(?:[ .]\d{3})+(?!\d)|\d+)(?:,(?P<dec>\d+))?"
_UNIT = (
    r"(?P<unit>miljarder|miljard|mdkr|mdr|miljoner|miljon|milj\.|mnkr|mkr|msek|"
    r"tusen(?=\s+kr)|tkr|kronor|kr|sek)(?![\wåäö])(?P<kr>\s+(?:kronor|kr)(?![\wåäö]))?"
)
_AMOUNT_RE = re.compile(rf"(?<![\w,.:/]){_NUMBER}\s*{_UNIT}", re.IGNORECASE)
_WORD_AMOUNT_RE = re.compile(
    r"(?<![\wåäö])(?P<word>" + "|".join(_WORD_NUMBERS) + r")\s+"
    # "fem och en halv miljon kronor"
    r"(?P<half>och\s+en\s+halv\s+)?"
    r"(?P<unit>miljoner|miljon|miljarder|miljard)(?P<kr>\s+kronor)?(?![\wåäö])",
    re.IGNORECASE,
)
# "högst 25 000 000 för 2017": a millions-sized number in a sentence that speaks of kronor
_GROUPED_RE = re.compile(
    r"\b(?:högst|med|om|och|samt|respektive|resp\.|totalt|sammanlagt)\s"
    r"(?P<num>\d{1,3}(?: \d{3}){2,})(?!\d)(?=\s*(?:$|[,.;)]|(?:för|till|under|per|och|samt|"
    r"respektive|i|år)\b))",
    re.I,
)
_SHARED_UNIT = re.compile(rf"(?<![\w,.:/]){_NUMBER}\s+(?:respektive|resp\.)\s+$", re.I)
_BARE_NUMBER_RE = re.compile(r"(?<![\w,.:/\-–])" + _NUMBER + r"(?![\w:/\-–])")
_CEILING_RE = re.compile(
    r"(?:högst|maximalt|upp\s+till|som\s+mest|inte\s+mer\s+än|totalt|sammanlagt)\s*$", re.I
)
# Words allowed right after "7 miljoner" with no "kronor": the sentence is about money.
_BARE_FOLLOWERS = re.compile(
    r"\s*(?:$|[,.;:)]|(?:under|för|per|och|samt|till|varav|i|år|om|av|som|kommer|ska|"
    r"respektive|resp\.)(?![\wåäö])|(?:19|20)\d{2}\b)",
    re.I,
)
THOUSANDS_DECLARED = re.compile(
    r"\((?:belopp\s+i\s+)?tkr\)|\bi\s+tkr\b|tusental(?:s)?\s+kronor|\(tusen\s+kronor\)|"
    r"belopp\s+i\s+tusen(?:tal)?\s+kronor",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AmountHit:
    start: int
    end: int
    kronor: int
    bare: bool  # "7 miljoner" with no "kronor": money only if the sentence is about money
    ceiling: bool  # "högst 2 000 000 kronor"


def _to_int(number: str, decimals: str | None, multiplier: int) -> int | None:
    digits = re.sub(r"[ .]", "", number)
    try:
        value = Decimal(f"{digits}.{decimals}" if decimals else digits) * multiplier
    except InvalidOperation:
        return None
    if value <= 0 or value >= Decimal(10) ** 15:
        return None
    return int(value.to_integral_value())


def find_amounts(sentence: str, *, thousands: bool = False) -> list[AmountHit]:
    """Amounts with a unit; with `thousands`, bare numbers too (a "(tkr)" table)."""
    hits: list[AmountHit] = []
    taken: list[tuple[int, int]] = []
    for m in _AMOUNT_RE.finditer(sentence):
        unit = m.group("unit").lower().rstrip(".")
        value = _to_int(m.group("num"), m.group("dec"), _MULTIPLIERS[unit])
        if value is None:
            continue
        bare = unit in ("miljon", "miljoner", "milj", "miljard", "miljarder") and not m.group("kr")
        if bare and not _BARE_FOLLOWERS.match(sentence, m.end()):
            continue  # "20,5 miljoner liv"
        # "4 respektive 3 miljoner kronor": the unit written once for both (but not the year
        # in "10 miljoner kronor 2021 respektive 25 miljoner kronor 2022")
        shared = _SHARED_UNIT.search(sentence, max(0, m.start() - 40), m.start())
        if shared and not re.fullmatch(r"(?:19|20)\d\d", shared.group("num")):
            first = _to_int(shared.group("num"), shared.group("dec"), _MULTIPLIERS[unit])
            if first is not None:
                end = shared.end("dec") if shared.group("dec") else shared.end("num")
                hits.append(_make(sentence, shared.start(), end, first, bare))
                taken.append((shared.start(), end))
        hits.append(_make(sentence, m.start(), m.end(), value, bare))
        taken.append(m.span())
    for m in _WORD_AMOUNT_RE.finditer(sentence):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        unit = m.group("unit").lower()
        value = _WORD_NUMBERS[m.group("word").lower()] * _MULTIPLIERS[unit]
        if m.group("half"):
            value += _MULTIPLIERS[unit] // 2
        bare = not m.group("kr")
        if bare and not _BARE_FOLLOWERS.match(sentence, m.end()):
            continue
        hits.append(_make(sentence, m.start(), m.end(), value, bare))
        taken.append(m.span())
    if any(not h.bare for h in hits):
        # "högst 10 000 000 kronor för 2016 och högst 25 000 000 för 2017": the unit said once
        for m in _GROUPED_RE.finditer(sentence):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            start, end = m.span("num")
            if any(start < b and a < end for a, b in taken):
                continue
            value = _to_int(m.group("num"), None, 1)
            if value is not None:
                hits.append(_make(sentence, start, end, value, False))
                taken.append((start, end))
    if thousands:
        for m in _BARE_NUMBER_RE.finditer(sentence):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            digits = re.sub(r"[ .]", "", m.group("num"))
            is_year = m.group("num") == digits and len(digits) == 4 and 1900 <= int(digits) <= 2100
            if len(digits) < 3 or is_year:
                continue  # years and small numbers are not table amounts
            value = _to_int(m.group("num"), m.group("dec"), 1_000)
            if value is not None:
                hits.append(_make(sentence, m.start(), m.end(), value, False))
    hits.sort(key=lambda h: h.start)
    return hits


def _make(sentence: str, start: int, end: int, value: int, bare: bool) -> AmountHit:
    ceiling = _CEILING_RE.search(sentence[max(0, start - 30) : start]) is not None
    return AmountHit(start, end, value, bare, ceiling)


# --- years --------------------------------------------------------------------------------

_YEAR_RANGE_RE = re.compile(
    r"(?<![\w/])(?P<a>(?:19|20)\d{2})\s*(?:[-–—]|till\s+och\s+med|t\.\s?o\.\s?m\.|till)\s*"
    r"(?P<b>(?:19|20)\d{2})(?![\d:/])"
)
_YEAR_RE = re.compile(r"(?<![\w/.,])(?P<a>(?:19|20)\d{2})(?![\d/]|:\d|,\d| \d{3}(?!\d))")


@dataclass(frozen=True)
class YearHit:
    start: int
    end: int
    first: int
    last: int  # == first for a single year
    budget_year: bool  # "budgetåret 2025": the appropriation's year, a fallback only
    listed: tuple[int, ...] = ()  # "2026, 2027 och 2028": the years named

    @property
    def key(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    @property
    def years(self) -> tuple[int, ...]:
        return self.listed or tuple(range(self.first, self.last + 1))


def find_years(sentence: str, exclude: list[tuple[int, int]]) -> list[YearHit]:
    """Budget years and year spans, outside the excluded spans (dates, amounts)."""
    hits: list[YearHit] = []
    taken = list(exclude)
    for m in _YEAR_RANGE_RE.finditer(sentence):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= a + 15 and not _overlaps(m.span(), taken):
            hits.append(YearHit(m.start(), m.end(), a, b, _is_budget_year(sentence, m.start())))
            taken.append(m.span())
    for m in _YEAR_RE.finditer(sentence):
        if _overlaps(m.span(), taken):
            continue
        year = int(m.group("a"))
        hits.append(YearHit(m.start(), m.end(), year, year, _is_budget_year(sentence, m.start())))
    hits.sort(key=lambda h: h.start)
    return _merge_lists(sentence, hits, exclude)


_YEAR_LIST_GLUE = re.compile(r"\s*(?:,|och|samt|respektive)\s*(?:för\s+|under\s+)?", re.I)


def _merge_lists(
    sentence: str, hits: list[YearHit], amounts: list[tuple[int, int]]
) -> list[YearHit]:
    """ "2026, 2027 och 2028" becomes one hit naming three years, but not "… 500 000 kronor
    under 2018 och för 2019 beräknas … 500 000 kronor", where each year has its amount."""
    out: list[YearHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        glue = _YEAR_LIST_GLUE.fullmatch(sentence[prev.end : hit.start]) if prev else None
        own_amounts = (
            prev is not None
            and glue is not None
            and re.search(r"\b(?:för|under)\s*$", glue.group(), re.I) is not None
            and any(prev.start - 16 <= end <= prev.start for _, end in amounts)
            and any(hit.end <= start for start, _ in amounts)
        )
        if (
            prev is not None
            and glue is not None
            and not own_amounts
            and hit.first == hit.last
            and prev.budget_year == hit.budget_year
        ):
            listed = (*prev.years, hit.first)
            if len(set(listed)) == len(listed) and list(listed) == sorted(listed):
                out[-1] = YearHit(
                    prev.start, hit.end, listed[0], listed[-1], prev.budget_year, listed
                )
                continue
        out.append(hit)
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _is_budget_year(sentence: str, start: int) -> bool:
    return re.search(r"budgetåret\s*$", sentence[max(0, start - 15) : start], re.I) is not None


# "överenskommelsen mellan staten och SKR om ökad tillgänglighet till barn- och
# ungdomspsykiatrin 2025–2026": a span of years that ends an agreement's name
AGREEMENT_SPAN = re.compile(
    r"\b\w*överenskommelse(?:n|rna)?\b[^.;]*?\bom\s+[^,.;]*?"
    r"(?<!\bför\s)(?<!\bunder\s)(?P<a>(?:19|20)\d{2})\s*[–-]\s*(?P<b>(?:19|20)\d{2})\b",
    re.I,
)


PER_YEAR_RE = re.compile(
    r"\b(?:per\s*år|årligen|varje\s+år|per\s+budgetår|om\s+året|"
    r"(?:för|under|i)\s+vart\s+och\s+ett\s+av\s+(?:budget)?åren|/\s*år)\b",
    re.IGNORECASE,
)

# --- appropriations -------------------------------------------------------------------------

_AREA_RE = re.compile(r"\b(?:utgiftsområde(?:t)?|UO)\s*(?P<n>\d{1,2})\b", re.I)
_APPROPRIATION_RE = re.compile(
    # ("anslaget 1 : 1" when a scan spaced the colon)
    r"\b(?:ram)?anslag(?:et)?\s+(?P<a>\d{1,2}\s?:\s?\d{1,2})(?![\d:])"
    r"(?:\s+(?P<name>[A-ZÅÄÖ][^,.;()]*?))?(?=\s*(?:,|\.|;|\(|\)|$|\s+anslagspost|\s+ap\.|"
    r"\s+inom\s+(?:ramen|utgiftsområde|UO\b|anslaget)|"
    r"\s+under\s+utgiftsområde|\s+och\s+som|\s+som\s|\s+för\s+budgetåret|\s+respektive\s|"
    r"\s+(?:och|samt)\s+(?:ram)?anslag))",
)
# ("anslagsposten 11.1 Trimning och effektivitetsåtgärder": a delpost of post 11)
_ITEM_RE = re.compile(
    r"\b(?:anslagspost(?:en)?|ap\.)\s*(?P<n>\d{1,3})(?:\.(?P<sub>\d{1,2})(?!\d))?\b", re.I
)


@dataclass(frozen=True)
class AppropriationHit:
    area: int | None
    appropriation: str
    item: int | None
    name: str | None
    start: int
    end: int
    sub_item: str | None = None  # "11.1": the data format keeps the post, 11, and says so


def find_appropriation(sentence: str) -> AppropriationHit | None:
    """The appropriation a sentence charges: utgiftsområde, anslag, anslagspost."""
    hits = find_appropriations(sentence)
    return hits[0] if hits else None


def find_appropriations(sentence: str) -> list[AppropriationHit]:
    """Every appropriation the sentence names ("anslaget 1:1 Skatteverket respektive anslaget
    1:3 Kronofogdemyndigheten"), each with the utgiftsområde and anslagspost nearest it."""
    matches = list(_APPROPRIATION_RE.finditer(sentence))
    areas = list(_AREA_RE.finditer(sentence))
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        item = _ITEM_RE.search(sentence, m.end(), end)
        earlier = [a for a in areas if a.start() < m.start()]
        area = earlier[-1] if earlier else (areas[0] if areas else None)
        name = (m.group("name") or "").strip() or None
        if name and len(name) > 90:
            name = None
        area_number = int(area.group("n")) if area else None
        if area_number is not None and not 1 <= area_number <= 27:
            area_number = None
        out.append(
            AppropriationHit(
                area_number,
                m.group("a").replace(" ", ""),
                int(item.group("n")) if item else None,
                name,
                m.start(),
                m.end(),
                f"{item.group('n')}.{item.group('sub')}" if item and item.group("sub") else None,
            )
        )
    return out


# --- planned or granted --------------------------------------------------------------------

PLANNED_RE = re.compile(
    r"\b(?:beräknar|beräknas|beräknat|avser\s+(?:att\s+)?(?:\w+\s+){0,6}?(?:avsättas|avsätta|"
    r"tillföras|tillföra|anvisas|anvisa|föreslå|tilldelas|tilldela|ställa\s+(?:\S+\s+){0,8}?till\s+(?:\w+\s+)?förfogande)|planerar\s+att\s+(?:avsätta|tillföra|anvisa)|kommer\s+att\s+avsättas|"
    r"under\s+förutsättning\s+att\s+riksdagen|förutsätter\s+att\s+riksdagen|preliminär[at]?|"
    r"beräknade)\b",
    re.IGNORECASE,
)
GRANTED_RE = re.compile(
    r"\b(?:får\b,?(?:\s+\S+){0,12}?\s+(?:använda|användas|disponera|disponeras|rekvirera|"
    r"rekvireras|uppgå|omfatta|betalas\s+ut|utbetalas|betala\s+ut|utbetala|fördela)|beviljar|beviljas|beviljats|tilldelas|"
    r"tilldelar|anvisar|anvisas|(?<!att\s)avsätts|"
    # "Under 2026 tillförs ytterligare 5 miljoner kronor till uppdraget" (not "har tillförts")
    r"tillförs|tillför(?=\s)|"
    # "För 2019 ska högst 4 000 000 kronor avsättas för insatsen."
    r"(?:ska|skall)\s+(?:\S+\s+){0,6}?avsättas|ställer\s+(?:\w+\s+){0,6}?till\s+(?:\w+\s+)?förfogande|ställs\s+"
    r"(?:\S+\s+){0,8}?till\s+(?:\w+\s+)?förfogande|betalas\s+ut|utbetalas|"
    # "uppdrar åt X att under 2018 fördela 100 000 000 kronor", "ska betala ut 204 miljoner
    # kronor": money the agency is to distribute is money the decision makes available
    r"(?:att|ska|skall),?\s+(?:\S+\s+){0,40}?(?:fördela|betala\s+ut|utbetala|använda|tilldela|"
    r"betala(?!\s+tillbaka)(?=\s+\d))|fördelas|"
    r"betalar\s+(?:\S+\s+){0,2}?ut|betalar\s+(?:\S+\s+){0,3}?(?=\d)|disponerar|uppgår\s+(?:\S+\s+){0,3}?till|"
    # "Regeringen betalar Röda Korset 17 miljoner kronor för att …", "Under 2021 betalar
    # Socialstyrelsen 23 200 000 kronor åt …"
    r"\bRegeringen\s+betalar\s+(?:\S+\s+){1,6}?(?=\d)|"
    # "att för perioden 2018–2021 lämna stöd med högst 575 miljoner kronor"
    # "ska SGU lämna bidrag till Naturvårdsverket med högst 4 000 000 kronor"
    r"(?:lämna|ge|bevilja)\s+(?:stöd|bidrag)\s+(?:till\s+(?:\S+\s+){1,6}?)?(?:med|om)|"
    # "Svenska Röda Korset får ett bidrag på 5 miljoner kronor", "X får 5 miljoner kronor"
    r"får\s+(?:ett\s+)?(?:\w+\s+)?(?:stats)?(?:bidrag|stöd|anslag)\s+(?:på|om|med)\b|"
    r"får\s+(?:högst\s+|totalt\s+|sammanlagt\s+)?(?=\d{1,3}(?:[ .]\d{3})*(?:,\d+)?\s*"
    r"(?:kr\b|kronor|miljon|miljard|mnkr|mkr|tkr))|"
    # "Regeringen beslutar … att bevilja CAN 3 000 000 kronor för arbetet med …"
    r"(?:att|ska|skall)\s+bevilja\s+(?:\S+\s+){0,8}?(?=\d)|"
    # "får Socialstyrelsen donera till ett belopp av högst 10 000 000 kronor" (but not
    # "kommunerna får ansöka om bidrag till ett belopp av …")
    r"(?:får|att),?\s+(?:\S+\s+){0,12}?(?:donera|skänka|överlåta|köpa|upphandla|anskaffa|"
    r"bevilja|ge|lämna)\s+(?:\S+\s+){0,20}?till\s+ett\s+(?:\S+\s+)?belopp\s+(?:av|om|på)|"
    # "Kostnaderna för uppdraget, högst 4 000 000 kronor, ska belasta anslaget …"
    r"(?:ska|skall)\s+belasta|"
    # "Genom riksdagens beslut … har 6 miljoner kronor tillförts anslag 1:15 … som disponeras
    # av Brå för att …" (past money, kept only when it is for the assignment)
    r"(?:har|hade)\s+(?:\S+\s+){1,6}?tillförts|"
    # "För genomförande av uppdraget under 2017 har regeringen … avsatt 10 000 000 kronor"
    r"(?:har|hade)\s+(?:\S+\s+){1,14}?(?:avsatt|anvisat|tilldelat)(?=\s+(?:\S+\s+){0,2}?\d))\b",
    re.IGNORECASE,
)


# "Regeringen har i vårändringsbudgeten för 2020 föreslagit att anslaget ska ökas med …",
# "… föreslagit en satsning på 50 miljoner kronor": money the riksdag has yet to decide
PROPOSED_RE = re.compile(
    r"\b(?:har|hade)\s+(?:\S+\s+){0,16}?föreslagit\s+(?:att|en\s+(?:\S+\s+){0,2}?(?:på|om|med))"
    r"|\bföreslår\s+(?:\S+\s+){0,6}?att\b",
    re.IGNORECASE,
)


def money_markers(sentence: str) -> list[tuple[int, str]]:
    """(position, "beräknat" | "beviljat") for every word that classifies money."""
    marks = [(m.start(), "beräknat") for m in PLANNED_RE.finditer(sentence)]
    marks += [(m.start(), "beräknat") for m in PROPOSED_RE.finditer(sentence)]
    marks += [(m.start(), "beviljat") for m in GRANTED_RE.finditer(sentence)]
    return sorted(marks)
