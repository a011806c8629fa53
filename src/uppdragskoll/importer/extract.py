"""Facts in a decision: identity, deadlines and money, each tied to its source sentence. Pure.

The rules, in short (docs/importera.md says it in Swedish for users):
- Only the government's instructions count: text under "Bakgrund", the signature and the
  "Kopia till" list are skipped, and a sentence repeated in a second copy is read once.
- A date is a deadline when its sentence obliges someone to deliver ("ska … redovisa",
  "lämnas", "återbetalas", "rekvisition … senast") and nothing marks the date as past or
  cited ("redovisade 1 augusti 2025", "beslut den …", "från och med …").
- Money is a row when the sentence says it is planned ("beräknar", "under förutsättning att
  riksdagen") or granted ("får … använda", "beviljar"); a year comes from the same sentence.
  "Regeringen beräknar att X får använda" is planned. The agency is the subject of the
  amount's clause ("Socialstyrelsen får …", "och Y 400 000 kronor"), else the one after it
  ("… kronor till X"); agencies that get money or a task ("X ska bistå") join `myndigheter`.
- A table after "följande belopp (tkr):" is read row by row (tables.py).
- A date that does not exist ("den 31 april 2026") is a fact and a review note, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .amounts import (
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
from .dates import ANNUAL_REPORT_DAY, DateHit, due_sort_key, find_dates
from .identity import (
    AGENCY,
    DNR_PREFIX_MINISTRY,
    Identity,
    agency_mentions,
    foreign_subject,
    read_identity,
    task_subjects,
)
from .tables import Row, introduces_table, looks_like_table, parse_rows, table_unit
from .text import BULLET, Document, Region, Sentence, parse

Scalar = str | int | bool


@dataclass(frozen=True)
class Fact:
    """One thing found in the text, with where it is in the ORIGINAL input."""

    kind: str  # titel | diarienummer | departement | beslutad | myndighet | redovisning |
    # belopp | anslag | giltighet | ogiltigt datum
    value: str | int
    source_text: str  # the cleaned sentence the fact was read from
    start: int  # offsets into the original input text, [start, end)
    end: int
    details: tuple[tuple[str, Scalar], ...] = ()

    @property
    def källtext(self) -> str:
        return self.source_text

    def detail(self, key: str) -> Scalar | None:
        return next((v for k, v in self.details if k == key), None)


# --- deadlines and money as found -------------------------------------------------------------

TYPES = (
    "plan",
    "delredovisning",
    "årlig redovisning",
    "slutredovisning",
    "ekonomisk redovisning",
    "rekvisition",
    "återbetalning",
    "övrigt",
)


@dataclass
class FoundDeadline:
    kind: str | None  # one of TYPES; None = a report of unspecified kind, decided later
    due: str | None  # ISO date or period text; None = undated
    sentence: Sentence
    span: tuple[int, int]  # flat-text offsets of the date phrase
    ongoing: bool = False
    repeats: str | None = None  # "årligen", "kvartalsvis", … as in `upprepas`
    until: str | None = None
    recipient: str | None = None
    title: str | None = None
    changes: list[str] = field(default_factory=list)
    note: str | None = None
    anchor: str | None = None  # "i samband med slutredovisningen": take that kind's date
    supersedes: bool = False  # "ska i stället …" with the replaced date elsewhere
    also_to: bool = False  # a second recipient of the same delivery ("till X och Y")
    day_month: tuple[int, int] | None = None  # "senast den 1 december varje år": no year


@dataclass(frozen=True)
class MoneyRow:
    agency: str | None
    appropriation: AppropriationHit | None
    year: str  # "2026" or "2026–2029"
    kind: str  # beräknat | beviljat
    amount: int
    sentence: Sentence
    span: tuple[int, int]
    charge: Sentence | None = None  # a following sentence naming the appropriation


@dataclass
class Extraction:
    doc: Document
    identity: Identity = field(default_factory=Identity)
    deadlines: list[FoundDeadline] = field(default_factory=list)
    money: list[MoneyRow] = field(default_factory=list)
    validity: list[tuple[str, Sentence, tuple[int, int]]] = field(default_factory=list)
    replaced: list[tuple[str | None, str]] = field(default_factory=list)  # "skulle" deadlines
    last_money: tuple[Sentence, int] | None = None  # sentence of the latest money rows
    recipient_hints: list[str] = field(default_factory=list)  # recipients named without a date
    review: list[str] = field(default_factory=list)
    invalid_dates: list[tuple[str, Sentence, tuple[int, int]]] = field(default_factory=list)
    table: _Table | None = None  # a money table being read ("följande belopp (tkr):")
    money_run: list[tuple[Sentence, int]] = field(default_factory=list)  # consecutive money
    reasons: set[int] = field(default_factory=set)  # paragraphs under "Skälen för …"
    last_area: int | None = None  # the utgiftsområde last named, for "anslaget 1:3" alone
    amending: bool = False  # "Förlängd tid för uppdraget …", "Ändring av uppdrag …"
    # the latest delivery without a date, for "Det ska ske senast …" in the next sentence
    undated_delivery: tuple[Sentence, str | None, str | None] | None = None


# --- vocabulary -------------------------------------------------------------------------------

_MODAL = re.compile(r"\b(?:ska|skall)\b", re.I)
_DELIVER = re.compile(
    r"\b(?:(?:del|slut|åter)?redovis\w*|(?:del|slut|åter|av)?rapporter\w*|lämna\w*|inkomm\w*|"
    r"ges\s+in|ge\s+in|överlämna\w*|rekvir\w*|rekvisition\w*|återbetal\w*|betala[s]?\s+tillbaka|"
    r"informera\w*|redogör\w*|presentera\w*|(?:del|slut|läges)?rapport(?:en|er)?|plan(?:en)?|"
    r"föreslå|(?:fort)?löpande\s+dialog|i\s+dialog\s+med\s+regeringskansliet|"
    r"(?:genomförande|projekt|arbets|tids|aktivitets)plan\w*)\b",
    re.I,
)
# "redovisas mot anslaget": bookkeeping, not a delivery
_NOT_DELIVERY = re.compile(r"\bredovisas\s+(?:mot|under|på)\s+(?:det\b|anslag|utgiftsområde)", re.I)
_PAST_OR_CITED = re.compile(
    r"\b(?:redovisade|lämnade|beslutade|beslut(?:et)?|regeringsbeslut(?:et)?|gav|gavs|fick|inkom|"
    r"överlämnade|presenterade|publicerade|publicerades|godkändes|antogs|fattade|fattat|"
    r"daterad|daterat|daterade|från\s+och\s+med|fr\.\s?o\.\s?m\.|sedan|efter|från|tillsattes|"
    r"inrättades|trädde\s+i\s+kraft|började|startade|påbörjades|avslutades|slutredovisades|"
    r"redovisades|delredovisades|lämnades|mellan|skrivelse|promemoria|rapport(?:en)?\s+från|"
    r"i\s+stället\s+för|istället\s+för|ändras\s+från|tidigare|ursprungligen|t\.\s?o\.\s?m\.|"
    r"till\s+och\s+med)\s+(?:(?!senast\b)\S+\s+){0,2}?(?:den\s+)?$",
    re.I,
)
# "medel som inte har använts vid utgången av 2025": a condition on money, not a deadline
_USED_MONEY_BEFORE = re.compile(
    r"\b(?:använts|förbrukats|utnyttjats|disponerats|använda|användas|disponeras)\s+"
    r"(?:(?:vid|per|före|senast|under|efter|t\.\s?o\.\s?m\.|till\s+och\s+med)\s+"
    r"(?:\S+\s+){0,2}?)?(?:den\s+)?$",
    re.I,
)
_PAST_MODAL = re.compile(r"\bskulle\b", re.I)
_PRESENT_PASSIVE = re.compile(
    r"\b(?:\w*redovisas|\w*rapporteras|lämnas|återbetalas|rekvireras|ges\s+in)\b|"
    r"\b(?:\w*redovisning(?:en|ar|arna)?|\w*rapport(?:en|er|erna)?)\s+(?:sker|lämnas)\b",
    re.I,
)
_OLD_DATE_BEFORE = re.compile(
    r"(?:i\s+stället\s+för|istället\s+för|ändras\s+från|från|tidigare|ursprungligen)\s+"
    r"(?:\S+\s+){0,2}?(?:den\s+)?$",
    re.I,
)
_AMENDMENT = re.compile(
    r"\b(?:i\s+stället|istället|ändras|ändrar|senareläggs|senarelägger|förlängs|förlänger)\b", re.I
)
_DEADLINE_WORD = re.compile(
    r"\b(?:senast|före|innan|inom|till\s+och\s+med|t\.\s?o\.\s?m\.|vid\s+utgången)\b", re.I
)
_CLAUSE_CUT = re.compile(r"\s(?:och|samt|medan)\s|;|\s[–-]\s")
_AFTER_CUT = re.compile(r"\s(?:och|samt|medan)\s|;|\s[–-]\s|,")
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("rekvisition", r"\brekvir\w*|\brekvisition\w*"),
        ("återbetalning", r"\båterbetal\w*|\bbetala[s]?\s+tillbaka|\båterföras"),
        (
            "ekonomisk redovisning",
            r"\bekonomisk\w*\s+(?:redovis\w*|rapport\w*|slutredovis\w*)|\bredovis\w*\s+(?:de\s+)?"
            r"(?:kostnaderna|utgifterna)\b|\bkostnadsredovis\w*|\bredovisning\s+av\s+"
            r"(?:de\s+)?(?:använda|förbrukade|utbetalade|erhållna)\s+medel|\bredovis\w*\s+(?:hur\s+)?"
            r"(?:[\wåäö]+\s+){0,3}?(?:medlen|medel|bidraget|beloppet|pengarna)\s+(?:har\s+)?(?:använts|"
            r"förbrukats|disponerats)|\bmedlen\s+ska\s+"
            r"redovisas|\bredovisning\s+av\s+(?:hur\s+)?medlen",
        ),
        (
            "plan",
            r"\b(?:genomförande|projekt|arbets|tids|aktivitets|verksamhets)plan(?:en)?\b|"
            r"(?<![\wåäö-])plan(?:en)?\b",
        ),
        (
            "slutredovisning",
            r"\bslutredovis\w*|\bslutrapport\w*|\bslutlig\w*\s+redovis\w*|\bslutgiltig\w*\s+"
            r"redovis\w*|\bredovisas\s+slutligt",
        ),
        (
            "delredovisning",
            r"\bdelredovis\w*|\bdelrapport\w*|\blägesrapport\w*|\blägesredovis\w*|"
            r"\bdelresultat\w*|\bstatusrapport\w*|\bmellanrapport\w*|\bavrapporter\w*|"
            r"\bverksamhetsrapport\w*|\blägesbeskrivning\w*|\bdenna\s+del\s+av\s+uppdraget\b|"
            r"\bhur\s+arbetet\s+(?:fortskrider|"
            r"framskrider|går\s+framåt)|\barbetets\s+fortskridande|\bläget\s+i\s+arbetet|"
            r"\bredovisa\s+läget\b",
        ),
        ("årlig redovisning", r"\bårligen\b|\bårlig\w*|\bvarje\s+år\b|\ben\s+gång\s+per\s+år\b"),
    )
)
_SPECIFICITY = {
    "rekvisition": 0,
    "återbetalning": 0,
    "ekonomisk redovisning": 0,
    "plan": 1,
    "slutredovisning": 1,
    "delredovisning": 1,
    "årlig redovisning": 2,
}
_ANNUAL = re.compile(
    r"\b(?:årligen|varje\s+år|en\s+gång\s+per\s+år|årlig\w*|per\s+år|respektive\s+år)\b", re.I
)
_OTHER_RECURRENCE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("kvartalsvis", r"\bkvartalsvis\b|\bvarje\s+kvartal\b|\ben\s+gång\s+per\s+kvartal\b"),
        ("halvårsvis", r"\bhalvårsvis\b|\bvarje\s+halvår\b|\ben\s+gång\s+per\s+halvår\b"),
        ("månadsvis", r"\bmånadsvis\b|\bvarje\s+månad\b|\ben\s+gång\s+per\s+månad\b"),
    )
)
# "enligt sin instruktion": a standing duty of the agency, not part of this assignment
_STANDING_DUTY = re.compile(
    r"\benligt\s+(?:sin|sitt|sina|dess|myndighetens|kommitténs|utredningens|[\wåäö]+s)\s+"
    r"(?:instruktion|regleringsbrev|direktiv|tilläggsdirektiv|kommittédirektiv)|"
    r"\bi\s+(?:sin|sitt|sina)\s+(?:instruktion|regleringsbrev|direktiv)|"
    r"\bi\s+enlighet\s+med\s+(?:sin|sitt|sina|dess)\s+(?:instruktion|regleringsbrev|direktiv)|"
    # "Enligt Skolverkets förslag i delredovisningen ska central rättning införas våren 2027"
    r"^\s*Enligt\s+(?:\S+\s+){0,3}?(?:förslag(?:et)?|bedömning(?:en)?|rapport(?:en)?|"
    r"tidsplan(?:en)?)\b|"
    # "Vattenmyndigheterna ska enligt förordningen (2017:868) redovisa …", "Sida ska enligt
    # strategin årligen redovisa …": the duty comes from elsewhere ("ska enligt beslutet …"
    # in an amendment is the decision's own)
    r"\b(?:ska|skall)\s+enligt\s+(?:\S+\s+){0,2}?(?:förordning(?:en)?|lag(?:en)?|"
    r"strategi(?:n)?|instruktion(?:en)?|regleringsbrev(?:et|en)?|föreskrift(?:en|erna)?)\b|"
    r"^\s*Enligt\s+(?:\S+\s+){0,2}?(?:förordning(?:en)?|lag(?:en)?|strategi(?:n)?|"
    r"instruktion(?:en)?|regleringsbrev(?:et)?|föreskrift(?:en|erna)?)\b|"
    # "Av regleringsbrevet för 2026 framgår att Skolverket ska redovisa …"
    r"^\s*Av\s+(?:\S+\s+){0,2}?(?:förordning(?:en)?|lag(?:en)?|strategi(?:n)?|"
    r"instruktion(?:en)?|regleringsbrev(?:et)?|föreskrift(?:en|erna)?|direktiv(?:en)?)\b"
    r"[^.;]{0,80}?\bframgår\b|"
    # "Utredningen ska redovisa sitt uppdrag senast … (dir. 2025:12)": a committee's directive
    r"\(\s*dir\.\s*\d{4}:\d{1,4}\s*\)",
    re.I,
)
# "Regeringen gav den 16 mars 2023 Försäkringskassan i uppdrag att redovisa … senast den 31
# mars 2024", "Regeringen har i regleringsbrevet för 2025 gett ESV i uppdrag att senast …": an
# earlier assignment, cited; its dates are at most the ones an amendment replaces
# "Kommunerna kan söka bidrag fram till … och ska redovisa …": the duty of those who receive
# the money, not of the agency the decision addresses
_GRANTEE_SUBJECT = re.compile(
    r"\s*(?:(?:Därefter|Dessutom|Även|Vidare|Samtidigt|Också)\s+)?(?:De|Den|Varje|Alla|En)?\s*"
    r"(?:kommuner(?:na)?|regioner(?:na)?|huvudm(?:än(?:nen)?|annen)|kommunen|regionen|"
    r"organisation(?:en|er|erna)|förening(?:en|ar|arna)|(?:stöd|bidrags|medels)?mottagar(?:e|en|na)|"
    r"sökand(?:e|en|na)|företag(?:et|en)?|aktör(?:en|er|erna)|"
    r"projekt(?:et|en)?ägar\w*|kommittén|utredaren|utredningen|"
    r"som\s+(?:beviljas|har\s+beviljats|tar\s+emot|får)\s+\w+)\b"
    r"(?:\s+som\s+(?:beviljas|har\s+beviljats|tar\s+emot|får)\s+\w+)?"
    r"(?=\s+(?:kan|får|ska|skall|bör|måste)\b)",
    re.I,
)
_EARLIER_ASSIGNMENT = re.compile(
    r"\b(?:gav|gett|givit|gavs|fick|fått|uppdrog)\b[^.;]{0,160}?\bi\s+uppdrag\b|"
    r"\bbeslutade\s+(?:\S+\s+){0,6}?att\s+ge\b[^.;]{0,120}?\bi\s+uppdrag\b",
    re.I,
)
# "Det uppdraget ska redovisas senast …" (in the reasons, about another assignment)
_OTHER_ASSIGNMENT = re.compile(
    r"^\s*(?:Även\s+)?(?:Det|Det\s+tidigare|Det\s+förra|Det\s+nämnda|Det\s+senare)\s+"
    r"(?:uppdraget|regeringsuppdraget)\b",
    re.I,
)
# "Den delredovisning som enligt det ursprungliga beslutet skulle lämnas senast den 1 oktober
# 2023 ska i stället lämnas …": the date under "skulle" is the replaced one
_SKULLE_BEFORE = re.compile(r"\bskulle\b(?:(?!\b(?:ska|skall)\b).)*$", re.I | re.S)
# "Enligt det beslutet ska uppdraget slutredovisas senast den 31 mars 2024" (under Bakgrund)
_BY_EARLIER_DECISION = re.compile(
    r"\b(?:enligt|i)\s+(?:det\s+|detta\s+|regeringens\s+)?(?:(?:ursprungliga|tidigare|"
    r"nämnda)\s+)?beslut(?:et)?\b",
    re.I,
)
# "ESV ska föreslå hur uppföljningen kan redovisas i årsredovisningarna": what a report is
# about, not when it is due
_CONTENT_CLAUSE = re.compile(
    r"\bhur\s+(?:(?!\b(?:ska|skall|senast)\b)[^,;])*?\b(?:kan|bör|skulle|kunde|borde)\b"
    r"(?:(?!\bsenast\b)[^,;])*$",
    re.I,
)
_ONGOING = re.compile(
    r"\b(?:(?:fort)?löpande|regelbundet\s+(?:och\s+)?i)\s+dialog\s+med\s+(?:regeringskansliet|"
    r"regeringen|\w+departementet)|"
    r"\b(?:fort)?löpande\s+(?:\S+\s+){0,4}?(?:informera\w*|rapportera\w*|redovisa\w*|hålla\w*|"
    r"stämma\s+av|avrapportera\w*|underrätta\w*)|\b(?:informera\w*|hålla\w*|rapportera\w*|"
    r"redovisa\w*|underrätta\w*)\s+(?:\S+\s+){0,5}?(?:fort)?löpande\b|\b(?:kontinuerligt|"
    r"regelbundet)\s+(?:\S+\s+){0,3}?(?:informera\w*|hålla\w*\s+(?:\S+\s+){0,4}?informerad\w*)",
    re.I,
)
# "senast tre månader efter att förordningen har trätt i kraft", "inom sex veckor från det att
# avtalet har undertecknats": a deadline counted from an event, whose date the decision lacks
_NUMBER_WORD = r"(?:\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|arton|tjugofyra)"
_AFTER_EVENT = re.compile(
    rf"\b(?:senast|inom)\s+(?:{_NUMBER_WORD}\s+)?(?:kalender|arbets)?(?:dag(?:ar)?|veck(?:a|or)|"
    r"månad(?:er)?|år)\s+(?:efter|från)\s+(?:det\s+att|att|det\s+att\s+|det\s+)?",
    re.I,
)
_SAME_TIME = re.compile(
    r"\b(?:vid\s+samma\s+(?:tidpunkt|tillfälle|tid)|samtidigt|samma\s+dag|senast\s+samma\s+dag|"
    r"vid\s+den\s+tidpunkten)\b",
    re.I,
)
_WITH_REPORT = re.compile(
    r"\bi\s+samband\s+med\s+(?:(?P<k>slut|del)?(?:redovisning(?:en)?|rapport(?:en)?|"
    r"rapportering(?:en)?))\b",
    re.I,
)
_VALIDITY = re.compile(
    r"\buppdraget\s+(?:gäller|löper|pågår|ska\s+(?:vara\s+)?(?:slutfört|avslutat|genomfört|"
    r"slutföras|avslutas|genomföras))\b",
    re.I,
)
_COPY_START = r"\b(?:med\s+)?(?:en\s+)?kopia\s+(?:för\s+kännedom\s+)?till\s+"
# "med kopia till Finansdepartementet": a copy, not a recipient; only the names are removed
_COPY = re.compile(rf"{_COPY_START}{AGENCY}(?:\s*(?:,|och|samt)\s*{AGENCY})*")
_RECIPIENT = re.compile(
    rf"\b(?:till|hos|från)\s+(?P<r>{AGENCY})"
    # "Uppdraget slutredovisas Socialdepartementet senast …" (the "till" left out)
    r"|\b(?:\w*redovisas|lämnas)\s+(?P<d>[A-ZÅÄÖ][a-zåäö]+(?:-\s+och\s+[a-zåäö]+)?departementet)\b"
)
# --- entry point ------------------------------------------------------------------------------


def extract(text: str) -> Extraction:
    doc = parse(text)
    ex = Extraction(doc, read_identity(doc))
    ex.reasons = _reasons(doc)
    ex.amending = bool(ex.identity.title and _AMENDING_TITLE.match(ex.identity.title))
    _task_agencies(ex)
    seen: set[str] = set()
    for sentence in doc.sentences:
        if sentence.region is not Region.BODY:
            ex.table = None
        if sentence.region is Region.BACKGROUND and sentence.key not in seen:
            seen.add(sentence.key)
            _replaced_in_background(ex, sentence)
            continue
        if sentence.region is not Region.BODY or sentence.key in seen:
            continue  # (the same sentence in a repeated copy of the decision is read once)
        if ex.table is not None:
            if _table_line(ex, sentence):
                seen.add(sentence.key)
                continue
            _table_end(ex, sentence)
        if _is_heading(doc, sentence):
            continue
        seen.add(sentence.key)
        _validity(ex, sentence)
        _deadlines(ex, sentence)
        _invalid_dates(ex, sentence)
        _money(ex, sentence)
    _resolve(ex)
    return ex


_AMENDING_TITLE = re.compile(
    r"\s*(?:framställning\s+om\s+)?(?:(?:förlängd|ändrad|utökad)\s+tid|ändring\s+(?:av|i)|"
    r"förlängning\s+av)\b",
    re.I,
)
# "Enligt beslutet ska uppdraget redovisas senast den 31 december 2019." in a decision that
# extends it: what the earlier decision said
_AS_DECIDED = re.compile(
    r"\s*Enligt\s+(?:det\s+)?(?:ursprungliga\s+|tidigare\s+)?(?:beslutet|uppdraget)\b", re.I
)


def _is_heading(doc: Document, sentence: Sentence) -> bool:
    return doc.paragraphs[sentence.paragraph].heading


def _reasons(doc: Document) -> set[int]:
    """Paragraphs under "Skälen för regeringens beslut": the government's reasons."""
    out: set[int] = set()
    inside = False
    for index, para in enumerate(doc.paragraphs):
        if para.heading:
            key = " ".join(doc.flat.text[para.start : para.end].lower().split())
            inside = key.startswith("skälen")
            continue
        if inside:
            out.add(index)
    return out


def _task_agencies(ex: Extraction) -> None:
    """Agencies the decision gives a task besides those it addresses: "Socialstyrelsen och
    Läkemedelsverket ska bistå …". Their deadlines are then part of this assignment."""
    reasons = _reasons(ex.doc)
    known = {name for name, _, _ in ex.identity.agencies}
    for sentence in ex.doc.sentences:
        if sentence.region is not Region.BODY or sentence.paragraph in reasons:
            continue
        if _is_heading(ex.doc, sentence) or _STANDING_DUTY.search(sentence.text):
            continue
        for a, b, name in task_subjects(ex.identity, sentence.text):
            _add_agency(ex, name, sentence, (sentence.start + a, sentence.start + b), known)


def _add_agency(
    ex: Extraction, name: str, sentence: Sentence, span: tuple[int, int], known: set[str]
) -> None:
    if name in known:
        return
    known.add(name)
    ex.identity.agencies.append((name, sentence, span))
    ex.identity.aliases.add(name.lower())
    ex.identity.aliases.update(k for k, v in ex.identity.alias_of.items() if v == name)


def _replaced_in_background(ex: Extraction, sentence: Sentence) -> None:
    """ "Enligt beslutet skulle uppdraget slutredovisas senast …" under Bakgrund: the date an
    amendment replaces. Nothing else under Bakgrund is read."""
    text = sentence.text
    if (
        (_PAST_MODAL.search(text) and not _MODAL.search(text))
        or _BY_EARLIER_DECISION.search(text)
        or _AS_DECIDED.match(text)
    ):
        _replaced(ex, text, _deliveries(text))


def _replaced(ex: Extraction, text: str, deliveries: list[re.Match[str]]) -> None:
    hits = [h for h in find_dates(text) if h.values and _accept_date(text, h, deliveries, True)]
    for hit, kind in zip(hits, _kinds_for(text, hits), strict=True):
        ex.replaced.extend((kind, v) for v in hit.values)


def _invalid_dates(ex: Extraction, sentence: Sentence) -> None:
    """ "den 31 april 2026": a date that does not exist is a fact and a review note."""
    for hit in find_dates(sentence.text):
        if hit.kind != "invalid":
            continue
        span = (sentence.start + hit.start, sentence.start + hit.end)
        ex.invalid_dates.append((hit.written, sentence, span))
        if any(d.span == span for d in ex.deadlines):
            continue  # an undated deadline whose own note says it
        ex.review.append(
            f"Datumet «{hit.written}» finns inte i kalendern och har inte tolkats; kontrollera "
            f"meningen i beslutet: «{_short(sentence.text)}»"
        )


# --- validity ("Uppdraget gäller t.o.m. …") ----------------------------------------------------


def _validity(ex: Extraction, sentence: Sentence) -> None:
    m = _VALIDITY.search(sentence.text)
    if m is None:
        return
    for hit in find_dates(sentence.text):
        if hit.start > m.start() and hit.values:
            span = (sentence.start + hit.start, sentence.start + hit.end)
            ex.validity.append((hit.values[-1], sentence, span))
            return


# --- deadlines -------------------------------------------------------------------------------


def _deliveries(text: str) -> list[re.Match[str]]:
    bad = [m.span() for m in _NOT_DELIVERY.finditer(text)]
    return [m for m in _DELIVER.finditer(text) if not any(a <= m.start() < b for a, b in bad)]


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _CLAUSE_CUT.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _accept_date(text: str, hit: DateHit, deliveries: list[re.Match[str]], modal: bool) -> bool:
    before = text[max(0, hit.start - 60) : hit.start]
    if _PAST_OR_CITED.search(before):
        return False
    used = _USED_MONEY_BEFORE.search(before)
    if used and not (
        re.search(r"\bsenast\s+(?:den\s+)?$", before, re.I)
        and re.search(r"\båterbetal\w*|\bbetala\w*\s+tillbaka", text[: hit.start], re.I)
    ):
        return False  # "medel som inte har använts vid utgången av 2025": a condition
    if re.search(r"\b(?:har|hade)\s+(?:den\s+)?$", before, re.I):
        return False  # "X har den 20 maj 2025 begärt …"
    if _CONTENT_CLAUSE.search(text[max(0, hit.start - 150) : hit.start]):
        return False
    if hit.kind == "year" and (hit.prefix.startswith("under") or hit.prefix == "före"):
        # A bare year is a deadline only when governed: "senast 2026", "före utgången av
        # 2026", or "redovisas under 2026" (a delivery verb right before "under").
        near = text[max(0, hit.start - 30) : hit.start]
        if not re.search(r"\b(?:\w*redovisas|\w*rapporteras|lämnas|ske)\s+$", near, re.I):
            return False
    if hit.kind == "annual" and not hit.values:
        return bool(deliveries) and modal
    if _event_before(text, hit.start):
        return False  # the date of the event a deadline is counted from, not the deadline
    senast = _DEADLINE_WORD.search(text[max(0, hit.start - 40) : hit.start]) is not None
    return bool(deliveries) and (modal or senast)


def _event_before(text: str, pos: int) -> re.Match[str] | None:
    """ "senast tre månader efter att lagen har trätt i kraft den 1 juli 2026": the nearest
    deadline word before pos counts from an event."""
    a, _ = _clause_bounds(text, pos)
    last: re.Match[str] | None = None
    for m in _AFTER_EVENT.finditer(text, max(0, a - 200), pos):
        last = m
    if last is None:
        return None
    later = _DEADLINE_WORD.search(text, last.end(), pos)
    return None if later else last


def _event_deadlines(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> bool:
    """Deliveries due some time after an event: one undated entry each, with a note."""
    added = False
    for m in _AFTER_EVENT.finditer(text):
        a, b = _clause_bounds(text, m.start())
        if any(a <= h.start < b and not _event_before(text, h.start) for h in accepted):
            continue
        clause_start = max(0, text.rfind(".", 0, m.start()) + 1)
        if not _deliveries(text[clause_start:]):
            continue
        tail = re.split(r"[.;]", text[m.end() :], maxsplit=1)[0]
        event = _short(text[m.start() : m.end() + len(tail)].strip(), 120)
        ex.deadlines.append(
            FoundDeadline(
                _kind_near(text, m.start(), 0, len(text)),
                None,
                sentence,
                (sentence.start + m.start(), sentence.start + m.end()),
                ongoing=True,
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
                note=(
                    f"Beslutet räknar tiden från en händelse ({event}) och anger inget datum; "
                    "räkna ut datumet när händelsen är känd."
                ),
            )
        )
        added = True
    return added


def _deadlines(ex: Extraction, sentence: Sentence) -> None:
    text = _COPY.sub(lambda m: " " * len(m.group()), sentence.text)
    if _VALIDITY.search(text) and not re.search(r"\b(?:redovis|rapporter|lämna)", text, re.I):
        return
    lead = sentence.lead  # "Socialstyrelsen ska bland annat:" before "• senast den … redovisa"
    if _STANDING_DUTY.search(text) or _GRANTEE_SUBJECT.match(lead or text):
        return
    if lead and _STANDING_DUTY.search(lead):
        return
    deliveries = _deliveries(text)
    anaphora = _ANAPHORA.match(text)
    if anaphora:
        deliveries.append(anaphora)
    amendment = _AMENDMENT.search(text) is not None
    modal = (
        _MODAL.search(text) is not None
        or amendment
        or _PRESENT_PASSIVE.search(text) is not None
        or _MODAL.search(lead) is not None
    )
    hits = find_dates(text)
    earlier = _EARLIER_ASSIGNMENT.search(text) is not None and not amendment
    if (_PAST_MODAL.search(text) and not _MODAL.search(text)) or earlier:
        # "Uppdraget skulle redovisas senast den 31 mars 2025": an earlier deadline, kept
        # only as the date a later "i stället" replaces.
        _replaced(ex, text, deliveries)
        return
    if _OTHER_ASSIGNMENT.match(text) or (ex.amending and _AS_DECIDED.match(text)):
        _replaced(ex, text, deliveries)
        return
    accepted: list[DateHit] = []
    old_dates: list[str] = []
    for hit in _recurring_series(text, hits):
        before = text[max(0, hit.start - 60) : hit.start]
        if amendment and hit.values and _OLD_DATE_BEFORE.search(before):
            old_dates.extend(hit.values)
            continue
        if amendment and hit.values and _SKULLE_BEFORE.search(text[: hit.start]):
            old_dates.extend(hit.values)
            continue
        if _accept_date(text, hit, deliveries, modal):
            accepted.append(hit)
    accepted = _annual_series(text, accepted)
    if any(h.kind in ("iso", "numeric", "day") and h.values for h in accepted):
        # "senast den 9 juni 2022 inkomma med ett kompletterande budgetunderlag för 2023":
        # the document is what is delivered, the date says when
        accepted = [
            h
            for h in accepted
            if h.kind not in ("budget", "annual")
            or re.match(r"(?:i|genom|via)\s", text[h.start : h.end], re.I)
        ]
    found: list[FoundDeadline] = []
    kinds = _kinds_for(text, accepted)
    if (accepted or deliveries) and foreign_subject(ex.identity, _subject_text(text, lead)):
        keep = [i for i, k in enumerate(kinds) if k in _FINANCIAL]
        if not keep:
            return
        accepted = [accepted[i] for i in keep]
        kinds = [kinds[i] for i in keep]
    recipients = _recipients_for(text, accepted, ex.identity.alias_of)
    if anaphora and ex.undated_delivery is not None:
        # "Statskontoret ska muntligen redovisa till regeringen hur arbetet fortskrider. Det
        # ska ske senast 1 juni 2017 och 1 juni 2018.": the delivery of the sentence before
        previous, earlier_kind, earlier_recipient = ex.undated_delivery
        if previous.paragraph == sentence.paragraph:
            kinds = [k or earlier_kind for k in kinds]
            recipients = [r or earlier_recipient for r in recipients]
    ex.undated_delivery = None
    if deliveries and not accepted and not anaphora:
        ex.undated_delivery = (
            sentence,
            _kind_near(text, deliveries[0].start(), 0, len(text)),
            _first_recipient(text, ex.identity.alias_of),
        )
    for i, hit in enumerate(accepted):
        found.extend(_deadlines_from_hit(ex, sentence, text, hit, kinds[i], recipients[i]))
    found = _also_to(ex, text, _each_financial(text, accepted, found))
    if old_dates:
        for d in found:
            d.changes.extend(v for v in old_dates if v not in d.changes and v != d.due)
    elif (
        (amendment and re.search(r"\bi\s*stället\b", text, re.I))
        or re.match(r"\s*Med\s+ändring\s+av\b", text, re.I)
        or (ex.amending and not re.search(r"\b(?:ytterligare|även|dessutom|också)\b", text, re.I))
    ):
        for d in found:
            d.supersedes = True
    ex.deadlines.extend(found)
    if not accepted and deliveries:
        recipient = _first_recipient(text, ex.identity.alias_of)
        if recipient and recipient.startswith("Regeringskansliet"):
            ex.recipient_hints.append(recipient)  # "Redovisningarna ska lämnas till …"
    if deliveries and _event_deadlines(ex, sentence, text, accepted):
        pass
    elif not accepted and deliveries and modal:
        _undated(ex, sentence, text)
    elif accepted:
        _undated_annual_besides(ex, sentence, text, accepted)
        _ongoing_besides(ex, sentence, text, accepted)


_SERIES_ENDS = re.compile(
    r"\b(?:första\s+gången|med\s+början)\b.*\b(?:sista\s+gången|(?:till\s+och|t\.\s?o\.)\s*med)\b",
    re.I | re.S,
)


# "Det ska ske senast …": the delivery named in the sentence before
def _subject_text(text: str, lead: str) -> str:
    """The text whose start names who acts: a list item's own ("• Folkhälsomyndigheten ska
    …"), else the list's lead ("Socialstyrelsen ska bland annat:")."""
    item = BULLET.sub("", text, count=1)
    if not lead or re.match(r"\s*\S+(?:\s+\S+){0,5}?\s+(?:ska|skall)\b", item):
        return item
    return lead


_ANAPHORA = re.compile(
    r"\s*(?:Det|Detta|Så|Redovisningen|Rapporteringen|Återrapporteringen|Rapporten)\s+"
    r"(?:ska|skall)\s+(?:ske|göras)\b",
    re.I,
)
_SERIES_FIRST = re.compile(
    r"\b(?:första\s+gången|med\s+början)\s+"
    r"(?:(?:senast|den|i|under)\s+){0,2}$",
    re.I,
)
_SERIES_LAST = re.compile(
    r"\b(?:sista\s+gången|(?:till\s+och|t\.\s?o\.)\s*m(?:ed|\.))\s+"
    r"(?:(?:senast|den|i|under)\s+){0,2}$",
    re.I,
)
_EXACT_KINDS = frozenset({"iso", "numeric", "day", "month", "quarter", "half"})


def _recurring_series(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "kvartalsvis, första gången den 31 mars 2027 och sista gången den 31 december 2027":
    one recurring report from the first date to the last, not two separate ones."""
    repeats = next((name for name, rx in _OTHER_RECURRENCE if rx.search(text)), None)
    if repeats is None and _ANNUAL.search(text):
        repeats = "årligen"
    if repeats is None:
        return hits
    out = list(hits)
    if repeats == "årligen":
        listed = _yearly_list(text, out)
        if listed is not None:
            return listed
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        if first.kind not in _EXACT_KINDS or last.kind not in _EXACT_KINDS:
            continue
        if len(first.values) != 1 or len(last.values) != 1:
            continue
        if not _SERIES_FIRST.search(text[max(0, first.start - 40) : first.start]):
            continue
        if not _SERIES_LAST.search(text[max(0, last.start - 40) : last.start]):
            continue
        if due_sort_key(first.values[0]) >= due_sort_key(last.values[0]):
            continue
        merged = DateHit(
            first.kind,
            first.start,
            last.end,
            (first.values[0], last.values[0]),
            year_range=True,
            repeats=repeats,
        )
        return [*out[:i], merged, *out[i + 2 :]]
    return hits


def _yearly_list(text: str, hits: list[DateHit]) -> list[DateHit] | None:
    """ "årligen senast den 31 mars 2025 och den 31 mars 2026": the same day in consecutive
    years, listed, is one yearly series."""
    for i in range(len(hits) - 1):
        run = [hits[i]]
        for nxt in hits[i + 1 :]:
            prev = run[-1]
            if nxt.kind not in ("iso", "numeric", "day") or len(nxt.values) != 1:
                break
            if not _GLUE.fullmatch(text[prev.end : nxt.start]):
                break
            run.append(nxt)
        if len(run) < 2 or any(h.kind not in ("iso", "numeric", "day") for h in run):
            continue
        values = [h.values[0] for h in run if len(h.values) == 1]
        if len(values) != len(run) or len({v[4:] for v in values}) != 1:
            continue
        years = [int(v[:4]) for v in values]
        if years != list(range(years[0], years[0] + len(years))):
            continue
        merged = DateHit(
            run[0].kind, run[0].start, run[-1].end, (values[0], values[-1]), True, repeats="årligen"
        )
        return [*hits[:i], merged, *hits[i + len(run) :]]
    return None


def _annual_series(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "årligen …, första gången i årsredovisningen för 2025 och sista gången i
    årsredovisningen för 2027": one yearly report from the first to the last."""
    annual = [h for h in hits if h.kind == "annual" and len(h.values) == 1]
    if len(annual) != 2 or not (_ANNUAL.search(text) or _SERIES_ENDS.search(text)):
        return hits
    first, last = annual
    a, b = int(first.values[0][:4]), int(last.values[0][:4])
    if not a < b <= a + 15:
        return hits
    month, day = ANNUAL_REPORT_DAY
    merged = DateHit(
        "annual",
        first.start,
        last.end,
        tuple(f"{y:04d}-{month:02d}-{day:02d}" for y in range(a, b + 1)),
        year_range=True,
    )
    return [merged if h is first else h for h in hits if h is not last]


def _deadlines_from_hit(
    ex: Extraction,
    sentence: Sentence,
    text: str,
    hit: DateHit,
    kind: str | None,
    recipient: str | None,
) -> list[FoundDeadline]:
    span = (sentence.start + hit.start, sentence.start + hit.end)
    clause = text[slice(*_clause_bounds(text, hit.start))]
    annual = _ANNUAL.search(clause) is not None or kind == "årlig redovisning"
    other = next((name for name, rx in _OTHER_RECURRENCE if rx.search(clause)), None)
    title = _title_for(text, hit)
    if hit.kind == "invalid":
        # "senast den 31 november 2025": a day past the month's end means its last day;
        # anything else ("2026-13-40") stays undated. Either way a human checks it.
        invalid = (
            f"Beslutet anger datumet «{hit.written}» i meningen «{_short(text)}»; det datumet "
            "finns inte i kalendern. "
        )
        return [
            FoundDeadline(
                kind,
                hit.clamped,
                sentence,
                span,
                ongoing=hit.clamped is None,
                recipient=recipient,
                title=title,
                note=invalid
                + (
                    f"Utkastet använder månadens sista dag, {hit.clamped}. Kontrollera."
                    if hit.clamped
                    else "Kontrollera datumet i beslutet."
                ),
            )
        ]
    if annual and kind == "delredovisning":
        kind = "årlig redovisning"  # "en årlig lägesrapport", "årligen redovisa hur arbetet …"
    values = list(hit.values)
    note = None
    if not values and hit.day_month is not None:
        values, ranged = _years_from_context(text, hit, ex.identity.decided)
        if ranged:
            annual = True
            if kind == "delredovisning":
                kind = "årlig redovisning"
        if hit.kind == "annual" and values:
            values = [f"{int(v[:4]) + 1}-02-22" for v in values]
        elif values:
            month, day = hit.day_month
            values = [f"{int(v[:4]):04d}-{month:02d}-{day:02d}" for v in values]
    if not values:
        what = "årsredovisningen" if hit.kind == "annual" else "datumet"
        note = f"Beslutet anger inget år för {what}; ange datum."
        return [
            FoundDeadline(
                kind or ("årlig redovisning" if annual else None),
                None,
                sentence,
                span,
                ongoing=True,
                repeats="årligen" if annual else other,
                recipient=recipient,
                title=title,
                note=note,
                day_month=hit.day_month if hit.kind != "annual" else None,
            )
        ]
    if hit.repeats:
        kind = kind or "delredovisning"
        if hit.repeats == "årligen" and kind == "delredovisning":
            kind = "årlig redovisning"
        return [
            FoundDeadline(
                kind,
                values[0],
                sentence,
                span,
                repeats=hit.repeats,
                until=values[-1],
                recipient=recipient,
                title=title,
            )
        ]
    if other and not hit.year_range and len(values) == 1:
        # "Delrapporter ska lämnas kvartalsvis, första gången senast den 15 januari 2026"
        return [
            FoundDeadline(
                kind, values[0], sentence, span, repeats=other, recipient=recipient, title=title
            )
        ]
    if annual or hit.year_range:
        return [
            FoundDeadline(
                "årlig redovisning" if kind in (None, "delredovisning") else kind,
                values[0],
                sentence,
                span,
                repeats="årligen",
                until=values[-1] if len(values) > 1 else None,
                recipient=recipient,
                title=title,
            )
        ]
    return [
        FoundDeadline(kind, v, sentence, span, recipient=recipient, title=title) for v in values
    ]


_UNTIL_YEAR = re.compile(
    r"\s*\b(?:till\s+och\s+med|t\.\s?o\.\s?m\.|fram\s+till(?:\s+och\s+med)?|sista\s+gången)\s+"
    r"(?:år\s+)?(?P<y>(?:19|20)\d{2})\b",
    re.I,
)


def _years_from_context(
    text: str, hit: DateHit, decided: str | None = None
) -> tuple[list[str], bool]:
    """Year(s) for "senast den 31 mars" from "under åren 2026–2028" in the same sentence."""
    others = [h for h in find_dates(text) if h.start != hit.start]
    earlier = [h for h in others if h.end <= hit.start and h.values]
    if earlier and re.search(r"\bdärefter\b", text[earlier[-1].end : hit.start], re.I):
        # "den 1 juli 2026 och därefter årligen senast den 1 juli …, sista gången 2028"; "senast
        # den 31 december 2022 och därefter årligen i årsredovisningen": the first annual
        # report due after it is the one for 2022
        first = int(earlier[-1].values[-1][:4]) + (0 if hit.kind == "annual" else 1)
        later_years = [
            v
            for y in find_years(text[hit.end :], [])
            for v in y.years
            if v >= first and not y.budget_year
        ]
        last = max(later_years, default=first)
        return [str(v) for v in range(first, last + 1)], True
    governing = [
        y
        for y in find_years(text, [(h.start, h.end) for h in others if h.kind != "year"])
        if not y.budget_year and y.first != y.last and not y.listed and y.end <= hit.start
    ]
    if governing and re.search(
        r"\b(?:under|för)\s+(?:åren|perioden)\s*$",
        text[max(0, governing[-1].start - 20) : governing[-1].start],
        re.I,
    ):
        # "ska under åren 2026–2028 senast den 15 april delredovisa och senast den 15 april
        # 2029 slutredovisa": the span before the date, not the later date's year
        y = governing[-1]
        return [str(v) for v in range(y.first, y.last + 1)], True
    until = _UNTIL_YEAR.match(text, hit.end)
    if until and not decided and _ANNUAL.search(text):
        # "årligen … den 28 februari till och med 2024" with no decision date: the last year
        # is known, the first is not
        return [until.group("y")], False
    later = [h for h in others if h.start > hit.start and len(h.values) == 1 and h.kind == "day"]
    if later and hit.kind == "day" and hit.day_month:
        # "senast den 1 mars och … senast den 1 september 2027": the year written later; a
        # date that would fall after the later one is the year before ("senast den 28
        # februari delredovisa och den 27 februari 2027 slutredovisa")
        year = int(later[0].values[0][:4])
        month, day = hit.day_month
        later_day = (int(later[0].values[0][5:7]), int(later[0].values[0][8:]))
        yearly = _ANNUAL.search(text[max(0, hit.start - 40) : hit.end + 40]) is not None
        if (month, day) > later_day or (yearly and (month, day) == later_day):
            # "senast den 31 mars årligen delredovisa och senast den 31 mars 2029
            # slutredovisa": the yearly reports come before the final one
            year -= 1
        return [str(year)], False
    dates = [(h.start, h.end) for h in others if h.kind != "year"]
    years = [y for y in find_years(text, dates) if not y.budget_year]
    ranged = [y for y in years if y.first != y.last and not y.listed]
    if ranged:
        y = ranged[0]
        return [str(v) for v in range(y.first, y.last + 1)], True
    named = sorted({v for y in years for v in y.years})
    until = _UNTIL_YEAR.search(text)
    if (
        len(named) == 1
        and until
        and decided
        and hit.day_month
        and _ANNUAL.search(text)
        and not re.search(r"\b(?:med\s+början|första\s+gången|från\s+och\s+med)\b", text, re.I)
    ):
        # "den 15 mars varje år till och med 2021" in a decision of 2018-01-25: from the first
        # such day after the decision
        month, day = hit.day_month
        first = int(decided[:4])
        if f"{first:04d}-{month:02d}-{day:02d}" <= decided:
            first += 1
        last = int(until.group("y"))
        if first <= last <= first + 15:
            return [str(v) for v in range(first, last + 1)], True
    if named and _ANNUAL.search(text):
        # "senast den 1 mars varje år, med början 2026 och fram till och med 2028"
        return [str(v) for v in range(named[0], named[-1] + 1)], True
    if hit.kind == "annual" and len(named) == 1:
        # "För 2026 ska … redovisas i samband med årsredovisningen"
        return [str(named[0])], False
    return [], False


_UNCHANGED = re.compile(
    r"\b(?:fortfarande|ligger\s+fast|oförändrad\w*|kvarstår|som\s+tidigare)\b", re.I
)


def _supersede(ex: Extraction, new: FoundDeadline) -> None:
    """ "ska i stället …": the latest earlier deadline of the same kind is the replaced one."""

    def similar(kind: str | None) -> bool:
        if kind == new.kind:
            return True
        # a report of unnamed kind may be the one replaced; a named final report is not
        # replaced by a partial one ("ska istället lämna en delrapportering … ska fortfarande
        # lämna en slutredovisning")
        vague = (None, "övrigt")
        reports = (*vague, "delredovisning", "slutredovisning")
        return kind in reports and new.kind in reports and (kind in vague or new.kind in vague)

    for exact in (True, False):
        for old in reversed(ex.deadlines):
            usable = (
                old.due
                and old.due != new.due
                # the replaced one stands before, or says it is the earlier decision's
                and (
                    old.sentence.start < new.sentence.start
                    or _BY_EARLIER_DECISION.search(old.sentence.text) is not None
                    or re.search(
                        r"\benligt\s+(?:det\s+)?(?:ursprungliga\s+)?uppdraget\b",
                        old.sentence.text,
                        re.I,
                    )
                    is not None
                )
                and not re.search(r"\bytterligare\b", old.sentence.text, re.I)
                and not old.changes
                and not old.supersedes
                and not _UNCHANGED.search(old.sentence.text)
            )
            if usable and ((old.kind == new.kind) if exact else similar(old.kind)):
                assert old.due is not None
                ex.deadlines.remove(old)
                new.changes.append(old.due)
                return
        for kind, due in reversed(ex.replaced):
            if due != new.due and ((kind == new.kind) if exact else similar(kind)):
                new.changes.append(due)
                return


def _undated(ex: Extraction, sentence: Sentence, text: str) -> None:
    """Deliveries without a date: ongoing, yearly, or at the same time as another one."""
    if m := _ONGOING.search(text):
        ex.deadlines.append(_ongoing(ex, sentence, text, m))
        return
    same = _SAME_TIME.search(text)
    if same:
        previous = next((d for d in reversed(ex.deadlines) if d.due), None)
        if previous is not None and previous.sentence.paragraph == sentence.paragraph:
            kind = _kind_near(text, same.start(), 0, len(text))
            ex.deadlines.append(
                FoundDeadline(
                    kind,
                    previous.due,
                    sentence,
                    (sentence.start + same.start(), sentence.start + same.end()),
                    repeats=previous.repeats,  # same time as the previous one
                    until=previous.until,
                    recipient=_first_recipient(text, ex.identity.alias_of),
                    title=_title_for(text, None),
                )
            )
            return
    with_report = _WITH_REPORT.search(text)
    if with_report:
        # "i samband med slutredovisningen redovisa hur medlen har använts": the words of
        # the anchor phrase name the other report, not this one
        blanked = (
            text[: with_report.start()]
            + " " * (with_report.end() - with_report.start())
            + text[with_report.end() :]
        )
        kind = _kind_near(blanked, with_report.start(), 0, len(text))
        anchor = {"slut": "slutredovisning", "del": "delredovisning"}.get(
            (with_report.group("k") or "").lower(), "*"
        )
        ex.deadlines.append(
            FoundDeadline(
                kind,
                None,
                sentence,
                (sentence.start + with_report.start(), sentence.start + with_report.end()),
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
                anchor=anchor,
            )
        )
        return
    annual = _ANNUAL.search(text)
    if annual and not find_amounts(text):
        ex.deadlines.append(_undated_annual(sentence, text, annual))


def _ongoing_besides(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> None:
    """ "ska löpande informera Regeringskansliet om arbetet, … och i 2026 års budgetunderlag
    redovisa …": the ongoing duty as well as the dated one."""
    m = _ONGOING.search(text)
    if m is None:
        return
    a, b = _clause_bounds(text, m.start())
    if any(a <= h.start < b for h in accepted):
        return
    ex.deadlines.append(_ongoing(ex, sentence, text, m, informed_first=True))


def _ongoing(
    ex: Extraction,
    sentence: Sentence,
    text: str,
    m: re.Match[str],
    *,
    informed_first: bool = False,
) -> FoundDeadline:
    """ "ska löpande informera Regeringskansliet …": an undated duty of type övrigt. Next to
    dated deliveries the one informed is the recipient, not the first "till …"."""
    aliases = ex.identity.alias_of
    finders = (_informed, _first_recipient) if informed_first else (_first_recipient, _informed)
    return FoundDeadline(
        "övrigt",
        None,
        sentence,
        (sentence.start + m.start(), sentence.start + m.end()),
        ongoing=True,
        recipient=finders[0](text, aliases) or finders[1](text, aliases),
        title="Löpande information om arbetet",
    )


def _undated_annual(sentence: Sentence, text: str, m: re.Match[str]) -> FoundDeadline:
    return FoundDeadline(
        "årlig redovisning",
        None,
        sentence,
        (sentence.start + m.start(), sentence.start + m.end()),
        ongoing=True,
        repeats="årligen",
        recipient=_first_recipient(text),
        title=_title_for(text, None) or "Årlig redovisning",
        note="Beslutet säger att redovisningen ska ske årligen men anger inget datum.",
    )


def _undated_annual_besides(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> None:
    """ "ska årligen redovisa … och senast den 15 oktober 2028 lämna en slutredovisning"."""
    for m in _ANNUAL.finditer(text):
        a, b = _clause_bounds(text, m.start())
        if any(a <= h.start < b for h in accepted):
            continue
        if not _deliveries(text[a:b]) or find_amounts(text[a:b]):
            continue
        ex.deadlines.append(_undated_annual(sentence, text[a:b], m))
        return


def _kind_near(text: str, pos: int, lo: int, hi: int) -> str | None:
    """The most specific kind word in text[lo:hi], the nearest to pos breaking ties."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in _KIND_WORDS:
        for m in pattern.finditer(text, lo, hi):
            distance = min(abs(m.start() - pos), abs(m.end() - pos))
            candidate = (_SPECIFICITY[kind], distance, kind)
            if best is None or candidate < best:
                best = candidate
    return best[2] if best else None


_GLUE = re.compile(r"\s*(?:,|och|samt|respektive|resp\.)?\s*(?:senast\s+)?", re.I)


def _kinds_for(text: str, hits: list[DateHit]) -> list[str | None]:
    """The kind of each dated delivery: words before the date in its clause, else after."""
    kinds: list[str | None] = []
    for i, hit in enumerate(hits):
        prev_end = hits[i - 1].end if i else 0
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(text)
        lo = prev_end
        for m in _CLAUSE_CUT.finditer(text, prev_end, hit.start):
            lo = m.end()
        hi = next_start
        cut = _AFTER_CUT.search(text, hit.end, next_start)
        if cut:
            hi = cut.start()
        if i and _GLUE.fullmatch(text[prev_end : hit.start]):
            kinds.append(kinds[-1])  # "den 1 mars 2026 och den 1 mars 2027"
            continue
        kind = _kind_near(text, hit.start, lo, hit.start)
        last = i
        while last + 1 < len(hits) and _GLUE.fullmatch(text[hits[last].end : hits[last + 1].start]):
            last += 1  # "senast den 15 maj 2025 och den 15 november 2025 lämna lägesrapporter"
        if last > i:
            hi = hits[last + 1].start if last + 1 < len(hits) else len(text)
            cut = _AFTER_CUT.search(text, hits[last].end, hi)
            hi = cut.start() if cut else hi
        if kind is None or kind == "årlig redovisning":
            after = _kind_near(text, hits[last].end, hits[last].end, hi)
            if after is not None and (kind is None or _SPECIFICITY[after] < _SPECIFICITY[kind]):
                kind = after
        if kind is None and len(hits) == 1:
            kind = _kind_near(text, hit.start, 0, len(text))
        if kind == "ekonomisk redovisning" and _WITH_FINANCIAL.search(text):
            # "En slutredovisning av uppdraget och en ekonomisk redovisning ska lämnas …": one
            # delivery, known by the main report; the financial one goes with it
            blanked = _ECONOMIC.sub(lambda m: " " * len(m.group()), text)
            kind = _kind_near(blanked, hit.start, 0, len(text))
            kind = None if kind in _FINANCIAL else kind
        kinds.append(kind)
    return kinds


_ECONOMIC = re.compile(r"\bekonomisk\w*\s+(?:redovis\w*|rapport\w*|slutredovis\w*)", re.I)
# a report and an economic report as one coordinated subject
_WITH_FINANCIAL = re.compile(
    r"\b(?:en|ett|sin)\s+(?:[a-zåäö]+\s+)?(?:redovisning|rapport|slutredovisning|delredovisning|"
    r"slutrapport|delrapport|lägesrapport)\b[^.;]{0,200}?\s(?:och|samt)\s+(?:även\s+)?"
    r"(?:(?:en\s+)?ekonomisk\w*\s+(?:redovis|rapport)|redovisa\s+(?:hur\s+)?(?:[\wåäö]+\s+){0,3}?"
    r"(?:medlen|medel)\s+(?:har\s+)?(?:använts|förbrukats))",
    re.I,
)


_NO_ALIASES: dict[str, str] = {}


# "om uppdrag till Trafikverket att …" names the assignee; "redovisa uppdraget till X" does not
_ASSIGNEE_BEFORE = re.compile(r"\b(?:regerings)?uppdrag(?:et|en)?\s*$", re.I)
_ASSIGNEE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:att|om)\b", re.I)


def _recipient_spans(text: str, aliases: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for m in _RECIPIENT.finditer(text):
        if _ASSIGNEE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) and (
            _ASSIGNEE_AFTER.match(text, m.end())
        ):
            continue  # "om uppdrag till Trafikverket att …": the assignee, not a recipient
        name = _normalise_recipient(m.group("r") or m.group("d"), aliases)
        if name:
            out.append((m.start(), m.end(), name))
    # a short name the decision introduces: "Myndigheten för digital förvaltning (Digg)" …
    # "Rekvisition till Digg ska ske …"
    for alias, name in aliases.items():
        if len(alias) < 3 or alias.isupper():
            continue
        for m in re.finditer(rf"\b(?:till|hos)\s+{re.escape(alias)}(?![\wåäö])", text, re.I):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), name))
    out.sort()
    return out


def _each_financial(
    text: str, accepted: list[DateHit], found: list[FoundDeadline]
) -> list[FoundDeadline]:
    """ "ska lämna en ekonomisk redovisning samt till Kammarkollegiet återbetala medel som inte
    har utnyttjats senast den 30 september 2021": two deliveries with one date."""
    if len(accepted) != 1 or len(found) != 1 or found[0].kind not in _FINANCIAL:
        return found
    named = {
        kind
        for kind, pattern in _KIND_WORDS
        if kind in _FINANCIAL and pattern.search(text, 0, accepted[0].start)
    }
    also = re.search(
        r"\b(?:då|samtidigt)\s+(?:ska\s+)?(?:också|även)\b", text[accepted[0].end :], re.I
    )
    if also:
        # "… senast den 1 mars 2017 då också medel som inte utnyttjats ska återbetalas"
        tail = accepted[0].end + also.start()
        named |= {
            kind
            for kind, pattern in _KIND_WORDS
            if kind in _FINANCIAL and pattern.search(text, tail)
        }
    named.discard(found[0].kind)
    if not named:
        return found
    d = found[0]
    extra = [replace(d, kind=kind, changes=list(d.changes), title=None) for kind in sorted(named)]
    return [d, *extra]


_ALSO_TO = re.compile(
    rf"\s*(?:\([^)]{{1,80}}\)\s*)?(?:,|och|samt)\s+(?:till\s+)?(?P<r>{AGENCY})"
    r"(?!\s+(?:ska|skall|får|har|kan)\b)"
)


def _also_to(ex: Extraction, text: str, found: list[FoundDeadline]) -> list[FoundDeadline]:
    """ "ska lämnas till regeringen (Näringsdepartementet) och Tillväxtverket senast …": the
    same delivery to each recipient."""
    spans = _recipient_spans(text, ex.identity.alias_of)
    if len(spans) != 1 or not found:
        return found
    _, end, first = spans[0]
    m = _ALSO_TO.match(text, end)
    if m is None:
        return found
    other = _normalise_recipient(m.group("r"), ex.identity.alias_of)
    if other is None or other == first:
        return found
    out = list(found)
    for d in found:
        if d.recipient == first:
            out.append(replace(d, recipient=other, changes=list(d.changes), also_to=True))
    return out


def _normalise_recipient(name: str, aliases: dict[str, str]) -> str | None:
    """ "till Socialdepartementet" -> Regeringskansliet (Socialdepartementet); a short name
    the decision introduces ("till FRA") -> the agency's name."""
    name = re.sub(r"\(\s*(.*?)[\s,;]*\)", r"(\1)", " ".join(name.split()))
    name = re.sub(r"^Regeringskansliet\(", "Regeringskansliet (", name)
    name = re.sub(r"(?<=[a-zåäö])-och\b", "- och", name)  # "Klimat-och näringslivsdep."
    name = re.sub(r"(?<=[a-zåäö])-(?=[a-zåäö])", "", name)  # "Kammar-kollegiet"
    if name.lower() in aliases:
        return aliases[name.lower()]  # "till FRA", "till Energimyndigheten" (a short name)
    if name == "regeringen":
        return "Regeringskansliet"
    if m := re.fullmatch(r"regeringen\s*\(([^)]+)\)", name):
        return f"Regeringskansliet ({m.group(1).strip()})"  # "till regeringen (Socialdep.)"
    if name.endswith("departementet") or name == "Statsrådsberedningen":
        return f"Regeringskansliet ({name})"
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", name) and name not in ("ESV", "SCB", "SKR", "MUCF", "SIDA"):
        return None
    return name


_INFORMED = re.compile(
    rf"\b(?:informera\w*|hålla\w*|underrätta\w*|dialog\s+med)\s+(?:\w+\s+)?(?P<r>{AGENCY})"
)


def _informed(text: str, aliases: dict[str, str]) -> str | None:
    """ "hålla Regeringskansliet (Socialdepartementet) löpande informerat"."""
    m = _INFORMED.search(text)
    return _normalise_recipient(m.group("r"), aliases) if m else None


def _first_recipient(text: str, aliases: dict[str, str] = _NO_ALIASES) -> str | None:
    spans = _recipient_spans(_COPY.sub(lambda m: " " * len(m.group()), text), aliases)
    return spans[0][2] if spans else None


def _recipients_for(text: str, hits: list[DateHit], aliases: dict[str, str]) -> list[str | None]:
    spans = _recipient_spans(text, aliases)
    if not hits:
        return []
    if len(hits) == 1:
        if not spans:
            return [None]
        nearest = min(spans, key=lambda s: min(abs(s[0] - hits[0].end), abs(hits[0].start - s[1])))
        return [nearest[2]]
    before: list[str | None] = []
    after: list[str | None] = []
    for i, hit in enumerate(hits):
        lo = hits[i - 1].end if i else 0
        hi = hits[i + 1].start if i + 1 < len(hits) else len(text)
        b = [s for s in spans if lo <= s[0] and s[1] <= hit.start]
        a = [s for s in spans if hit.end <= s[0] and s[1] <= hi]
        before.append(b[-1][2] if b else None)
        after.append(a[0][2] if a else None)
    if all(after) and not all(before):
        return after
    if all(before):
        return before
    chosen = [b or a for b, a in zip(before, after, strict=True)]
    fallback = spans[0][2] if spans else None
    # "ska redovisas till X senast den 1 mars och senast den 1 juni": X for both
    return [c or fallback for c in chosen]


_TITLE_NOUN = re.compile(
    r"\b(?:en|ett|sin|sina|den|det)\s+(?P<t>(?:[a-zåäö]+\s+){0,2}?(?:(?:genomförande|projekt|"
    r"arbets|tids)?plan|(?:del|slut|läges|ekonomisk|skriftlig)?(?:redovisning|rapport)|"
    r"redogörelse|analys|utvärdering|kartläggning|förslag|sammanställning)"
    r"(?:\s+(?:för|av|om|över|kring|till|med)\s+[^,.;]{2,90}?)?)"
    r"(?=\s+(?:senast|till\s|hos\s|den\s\d|\d|i\s+samband|före|lämnas|redovisas|ges\s|"
    r"inom|under|vid|och\s+senast|ska\s+(?:lämnas|redovisas|ges\s|inkomma|ges\s+in|skickas))|"
    r"\s*[,.;]|$)",
    re.I,
)


def _title_for(text: str, hit: DateHit | None) -> str | None:
    best: re.Match[str] | None = None
    for m in _TITLE_NOUN.finditer(text):
        if hit is None:
            best = best or m
            continue
        if best is None or abs(m.start() - hit.start) < abs(best.start() - hit.start):
            best = m
    if best is None:
        return None
    title = " ".join(best.group("t").split())
    if len(title) > 120:
        return None
    return title[0].upper() + title[1:]


# --- money -------------------------------------------------------------------------------------


def _money(ex: Extraction, sentence: Sentence) -> None:
    text = sentence.text
    if _table_after_amount(ex, sentence):
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
    if _PART_OF.match(text):
        return  # "Av beloppet ska 4 000 000 kronor fördelas …": a part of an amount before
    amounts = find_amounts(text, thousands=thousands)
    if not amounts:
        if marks and _EQUIVALENT.search(text):
            rows_before = len(ex.money)
            _equivalent_amounts(ex, sentence, marks)
            if len(ex.money) > rows_before:
                _rows_added(ex, sentence, rows_before)
                return
        _use_year(ex, sentence)
        if not _appropriation_for_previous(ex, sentence) and not _aside(ex, sentence):
            ex.money_run = []
        return
    if not marks:
        if any(not a.bare for a in amounts) and _MODAL.search(text):
            shown = ", ".join(_kr(a.kronor) for a in amounts if not a.bare)
            ex.review.append(
                f"Beloppet {shown} står utan tydligt beräknat/beviljat: «{_short(text)}»"
            )
        return
    if all(a.bare for a in amounts):
        # "att under 2018 fördela 350 miljoner för …": money when a granting or planning
        # word governs the amount; "20,5 miljoner liv" elsewhere is not
        amounts = [a for a in amounts if _governed(text, marks, a)]
        if not amounts:
            return
    exclude = [(a.start, a.end) for a in amounts] + [
        (h.start, h.end) for h in find_dates(text) if h.kind != "year"
    ]
    years = find_years(text, exclude)
    appropriation = _with_area(ex, find_appropriation(text))
    # "10 miljoner kronor 2025–2027, varav 4 miljoner kronor 2025 …": the parts are rows
    # when each has a year, else the total is.
    parts = [
        i for i, a in enumerate(amounts) if _VARAV.search(text[max(0, a.start - 30) : a.start])
    ]
    chosen: dict[int, YearHit | None] = {
        i: _year_for(text, amounts, i, years) for i in range(len(amounts))
    }
    if parts:
        part_years = [chosen[i] for i in parts]
        if all(y is not None and y.first == y.last for y in part_years):
            totals = {i for i in range(len(amounts)) if i not in parts}
            drop = {i for i in totals if (y := chosen[i]) is not None and y.first != y.last}
            drop |= {i for i in totals if chosen[i] is None}
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
        year = chosen[i] or _year_of_period(text) or _year_of_addition(ex, sentence)
        span = (sentence.start + amount.start, sentence.start + amount.end)
        for agency in owners[i]:
            if year is None:
                ex.money.append(
                    MoneyRow(agency, appropriation, "", kind, amount.kronor, sentence, span)
                )
                continue
            # "per år" near the amount; "För vart och ett av åren 2026 och 2027 beräknas …"
            # may stand further before it, but not before the previous amount
            lo = max(amounts[i - 1].end if i else 0, amount.start - 80)
            window = text[lo : amount.end + 80]
            each_year = PER_YEAR_RE.search(window) is not None or (
                # "25 000 000 för 2017 respektive för 2018": that amount for each year
                bool(year.listed)
                and re.search(r"\brespektive\b", text[year.start : year.end], re.I) is not None
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
    _rows_added(ex, sentence, rows_before)


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
        f"«{_short(text)}»"
    )


_PART_OF = re.compile(
    r"\s*(?:Av|Inom|Utav)\s+(?:ramen\s+för\s+)?(?:beloppet|beloppen|dessa|detta(?:\s+belopp)?|medlen|"
    r"de\s+(?:tilldelade|beviljade|anvisade)\s+medlen|[\wåäöÅÄÖ-]+s\s+medel|de\s+medel)\b",
    re.I,
)


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
_USE_YEAR = re.compile(
    r"\b(?:medlen|medel\s+för\s+uppdraget|beloppet|beloppen)\s+(?:(?:ska|får)\s+"
    r"(?:användas|förbrukas|disponeras|utbetalas|betalas\s+ut)|avser\s+(?:verksamhet|"
    r"insatser|arbete|kostnader)?)\s+(?:under|för|i)\s+"
    r"(?:budgetåret\s+|år\s+)?(?P<y>(?:19|20)\d{2})\b(?!\s*(?:[-–]|och|till)\s*\d)",
    re.I,
)


def _use_year(ex: Extraction, sentence: Sentence) -> None:
    """ "X får använda högst 2 500 000 kronor …. Medlen ska användas under 2026.": the year
    of the yearless amounts just before, in the same paragraph."""
    m = _USE_YEAR.search(sentence.text)
    if m is None or ex.last_money is None or not ex.money_run:
        return
    if ex.last_money[0].paragraph != sentence.paragraph:
        return
    for run_sentence, first_row in ex.money_run:
        for i in range(first_row, len(ex.money)):
            row = ex.money[i]
            if row.sentence is run_sentence and not row.year:
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
            f"«{_short(text)}»"
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
        f"«{_short(text)}»"
    )


def _aside(ex: Extraction, sentence: Sentence) -> bool:
    """ "X får använda 3 000 000 kronor. Medlen betalas ut efter rekvisition. Kostnaderna ska
    belasta …": a sentence without money or appropriation in the same paragraph does not end
    the amounts a following charging sentence is about."""
    return (
        ex.last_money is not None
        and ex.last_money[0].paragraph == sentence.paragraph
        and not find_appropriations(sentence.text)
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
    if _PROPOSED.search(text[:at]) and not PLANNED_RE.search(text):
        # "Regeringen har i budgetpropositionen föreslagit att 50 miljoner kronor anvisas …"
        return sentence.paragraph in ex.reasons or not re.search(r"\buppdrag", text, re.I)
    if not _PARTICIPLE.match(text, at) or not _PERFECT.search(text[max(0, at - 90) : at]):
        return False
    return sentence.paragraph in ex.reasons or not re.search(r"\buppdrag", text, re.I)


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
_VARAV = re.compile(r"\b(?:varav|av\s+vilka|därav)\s+(?:\S+\s+){0,2}$", re.I)
_CHARGE = re.compile(
    r"\b(?:belasta\w*|avräkna\w*|redovisas\s+mot|finansiera\w*|bekostas|tas\s+från|"
    r"(?:betalas|utbetalas)\s+(?:ut\s+)?från)\b",
    re.I,
)


def _appropriation_for_previous(ex: Extraction, sentence: Sentence) -> bool:
    """ "Kostnaderna ska belasta anslaget 1:1 …" right after the amounts' sentences: the
    appropriation of every row in those sentences that has none."""
    if ex.last_money is None or not ex.money_run or not _CHARGE.search(sentence.text):
        return False
    previous, _ = ex.last_money
    if sentence.paragraph - previous.paragraph > 1:
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
            chosen = [name for name, _, _ in ex.identity.agencies[: ex.identity.addressed]]
        else:
            chosen = [fallback]
        owners.append(chosen)
        previous = chosen
        for m in before + after:
            if m[2] in chosen:
                _add_agency(
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
        addressed = [name for name, _, _ in ex.identity.agencies[: ex.identity.addressed]]
        if len(addressed) != n or (listed and listed[0] in addressed):
            return owners
        listed = addressed
    return [[name] for name in listed]


# --- money tables -------------------------------------------------------------------------------


@dataclass
class _Table:
    """A money table being read: the sentence introducing it and what it says."""

    intro: Sentence
    marks: list[tuple[int, str]]
    multiplier: int
    owner: str | None  # the agency the intro names, for rows without one
    columns: list[int] | None  # the years of the columns, from a header row or the intro
    years: list[int]  # the years the intro names
    first_row: int = 0  # the table's rows are ex.money[first_row:]

    def kind_for(self, year: int) -> str:
        kinds = {kind for _, kind in self.marks}
        if len(kinds) == 1:
            return next(iter(kinds))
        text = self.intro.text
        for m in re.finditer(rf"(?<!\d){year}(?!\d)", text):
            before = [kind for at, kind in self.marks if at < m.start()]
            if before:
                return before[-1]
        first = min(self.columns or self.years or [year])
        return "beviljat" if year == first else "beräknat"


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
    table = _Table(
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
    table = _Table(intro, money_markers(intro.text), 1, before[0].agency, None, [])
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


def _table_line(ex: Extraction, sentence: Sentence) -> bool:
    """A line of the table being read; False when the table has ended."""
    if not looks_like_table(sentence.text):
        return False
    rows_before = len(ex.money)
    _table_rows(ex, sentence, 0)
    if len(ex.money) > rows_before:
        ex.last_money = (sentence, rows_before)
        ex.money_run.append((sentence, rows_before))
    return True


def _table_end(ex: Extraction, sentence: Sentence) -> None:
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
                _add_agency(
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
                    f"Tabellraden «{_short(_row_text(text, offset, row))}» kunde inte läsas; "
                    "fyll i beloppen."
                )
                continue
            if columns:
                cells += [replace(c, year=y) for c, y in zip(numbers, columns, strict=True)]
            elif len(numbers) == 1 and len(table.years) == 1:
                cells.append(replace(numbers[0], year=table.years[0]))
            else:
                ex.review.append(
                    f"Tabellraden «{_short(_row_text(text, offset, row))}» saknar år; "
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


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0") + "\u00a0kr"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- after all sentences -----------------------------------------------------------------------


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


def _resolve(ex: Extraction) -> None:
    _order_agencies(ex)
    _year_of_decision(ex)
    for row in ex.money:
        if not row.year:
            ex.review.append(
                f"Beloppet {_kr(row.amount)} ({row.kind}) saknar år i beslutet; "
                f"ange år under budget: «{_short(row.sentence.text)}»"
            )
    for d in [d for d in ex.deadlines if d.supersedes]:
        _supersede(ex, d)
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
                    or (d.anchor == "*" and (o.kind in _REPORTS or o.kind is None))
                )
            ),
            None,
        )
        if target is not None:
            d.due, d.repeats, d.until = target.due, target.repeats, target.until
        else:
            d.ongoing = True
            d.note = "Ska lämnas i samband med en annan redovisning vars datum inte hittades."
    _years_from_money(ex)
    _until_final_report(ex)
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
        else:
            d.kind = "övrigt"
    if len(dated_generic) > 1 or (dated_generic and has_final):
        ex.review.append(
            "Beslutet anger inte typen för alla redovisningar; den sista har tolkats som "
            "slutredovisning och de tidigare som delredovisningar. Kontrollera `typ`."
        )
    _default_recipients(ex)
    _not_to_ourselves(ex)
    _dedupe(ex)


_OWN_GENERIC_SUBJECT = re.compile(
    r"\s*(?:(?:Därutöver|Dessutom|Vidare|Även|Också)\s+)?(?:Myndigheterna|Universiteten|"
    r"Lärosätena|Länsstyrelserna|Myndigheten|Respektive\s+myndighet|Varje\s+myndighet)\s",
    re.I,
)


def _not_to_ourselves(ex: Extraction) -> None:
    """ "Medlen betalas ut efter rekvisition senast den 1 december" in a decision to
    Kammarkollegiet, "Rekvisition till Digg ska ske senast …" in one to Digg: a delivery to the
    agency the decision addresses is made by someone else (regions, SKR) — unless one of the
    addressed agencies is the sentence's subject ("Universiteten ska … redovisa till Uppsala
    universitet")."""
    addressed = {name for name, _, _ in ex.identity.agencies[: ex.identity.addressed]}
    if not addressed:
        return
    # "Regeringen uppdrar åt Kammarkollegiet att betala ut …": the rekvisitioner and
    # redovisningar of the money come from those who receive it
    payer = "Kammarkollegiet" in addressed and any(
        _PAYER.search(s.text) for s in ex.doc.sentences if s.region is Region.BODY
    )
    kept = []
    for d in ex.deadlines:
        text = _subject_text(d.sentence.text, d.sentence.lead)
        own = task_subjects(ex.identity, text) or _OWN_GENERIC_SUBJECT.match(text)
        recipient = ex.identity.alias_of.get((d.recipient or "").lower(), d.recipient)
        if not own and recipient in addressed and _other_addressed_asks(ex, d, recipient):
            kept.append(d)  # "Trafikverket får … rekvirera … från Energimyndigheten."
            continue
        if not own and (
            recipient in addressed
            or (payer and d.kind in _FINANCIAL)
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
    others = {name for name, _, _ in ex.identity.agencies[: ex.identity.addressed]} - {recipient}
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
    ("… suicidprevention 2026"), else the year it was decided, else its diarienummer's year.
    The draft says where the year came from."""
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
    elif len(dnr_years) == 1:
        year, source = dnr_years.pop(), "diarienumret"
    else:
        return
    for i in missing:
        row = ex.money[i]
        ex.money[i] = replace(row, year=year)
        ex.review.append(
            f"Beloppet {_kr(row.amount)} står utan år i meningen; året {year} är hämtat från "
            f"{source}. Kontrollera: «{_short(row.sentence.text)}»"
        )


_NEXT_YEAR = re.compile(r"\b(?:nästkommande|påföljande|följande)\s+år\b|\båret\s+därpå\b", re.I)


def _years_from_money(ex: Extraction) -> None:
    """ "Rekvisitionen ska lämnas senast den 1 december varje år", "återbetalas senast den 28
    februari nästkommande år": no year is written, but the decision gives money for 2021–2023,
    so the dates are those years (or the years after)."""
    funded = sorted({int(r.year) for r in ex.money if re.fullmatch(r"(?:19|20)\d{2}", r.year)})
    if not funded or funded[-1] - funded[0] > 15:
        return
    for d in ex.deadlines:
        if d.due is not None or d.day_month is None or d.kind not in _FINANCIAL:
            continue  # a yearly report covers a year but need not be due in it
        shift = 1 if _NEXT_YEAR.search(d.sentence.text) else 0
        if d.repeats != "årligen" and not shift:
            continue
        month, day = d.day_month
        values = [
            f"{y + shift:04d}-{month:02d}-{min(day, 28 if month == 2 else day):02d}"
            for y in range(funded[0], funded[-1] + 1)
        ]
        d.due = values[0]
        d.ongoing = False
        d.repeats = "årligen" if len(values) > 1 else None
        d.until = values[-1] if len(values) > 1 else None
        shown = f"{funded[0]}–{funded[-1]}" if len(funded) > 1 else str(funded[0])
        d.note = (
            f"Beslutet anger inget år; åren är härledda från de år beslutet ger medel för "
            f"({shown}). Kontrollera `datum` och `till`."
        )


def _until_final_report(ex: Extraction) -> None:
    """ "senast den 28 februari varje år fr.o.m. 2022" and a final report on 2024-02-28: the
    yearly report runs until the year before the final one."""
    finals = [
        d.due
        for d in ex.deadlines
        if d.kind == "slutredovisning" and d.due and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.due)
    ]
    if len(set(finals)) != 1:
        return
    final = finals[0]
    for d in ex.deadlines:
        if d.repeats != "årligen" or d.until or not d.due or d.kind == "slutredovisning":
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.due):
            continue
        if _UNTIL_YEAR.search(d.sentence.text):
            # "den 28 februari till och med 2024": the last year is written, the first not
            d.note = "Beslutet anger sista året men inte det första; kontrollera `datum`."
            continue
        last = int(final[:4])
        if f"{last:04d}{d.due[4:]}" >= final:
            last -= 1
        first = int(d.due[:4])
        if not first < last <= first + 15:
            continue
        d.until = f"{last:04d}{d.due[4:]}"
        d.note = (
            f"Beslutet anger ingen sista gång; `till` är satt till sista gången före "
            f"slutredovisningen {final}. Kontrollera."
        )


_REPORTS = ("plan", "delredovisning", "årlig redovisning", "slutredovisning", "övrigt")
_FINANCIAL = ("ekonomisk redovisning", "rekvisition", "återbetalning")


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


def _default_recipients(ex: Extraction) -> None:
    report_to = _most_common(d.recipient for d in ex.deadlines if d.kind in _REPORTS)
    report_to = report_to or _most_common(ex.recipient_hints)
    money_to = _most_common(d.recipient for d in ex.deadlines if d.kind in _FINANCIAL)
    if ex.identity.ministry and report_to == "Regeringskansliet":
        report_to = f"Regeringskansliet ({ex.identity.ministry})"
    for d in ex.deadlines:
        if d.recipient == "Regeringskansliet" and ex.identity.ministry:
            d.recipient = f"Regeringskansliet ({ex.identity.ministry})"
        if d.recipient is None:
            if d.kind in _FINANCIAL:
                d.recipient = money_to or (
                    "Kammarkollegiet" if _mentions_kammarkollegiet(ex, d) else report_to
                )
            else:
                d.recipient = report_to
    if ex.identity.ministry is None:
        for d in ex.deadlines:
            # "Regeringskansliet (Utbildningsdepartementet och Arbetsmarknadsdepartementet)":
            # the first named leads
            m = re.match(
                r"Regeringskansliet \("
                r"((?:[A-ZÅÄÖ][a-zåäö]+(?:-\s+och\s+[a-zåäö]+)?)?departementet)",
                d.recipient or "",
            )
            if m:
                ex.identity.ministry = m.group(1)
                ex.identity.ministry_inferred = True
                at = d.sentence.text.find(m.group(1))
                ex.identity.ministry_span = (
                    (d.sentence.start + at, d.sentence.start + at + len(m.group(1)))
                    if at >= 0
                    else d.span
                )
                break
    if ex.identity.ministry is None and ex.identity.case_numbers:
        prefix = re.match(r"[A-Za-zÅÄÖåäö]+", ex.identity.case_numbers[0][0])
        if prefix and prefix.group() in DNR_PREFIX_MINISTRY:
            ex.identity.ministry = DNR_PREFIX_MINISTRY[prefix.group()]
            ex.identity.ministry_inferred = True
            ex.identity.ministry_span = ex.identity.case_numbers[0][2]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


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
            and any(o.due and o.repeats == "årligen" and o.kind in _REPORTS for o in kept)
        )
    ]
    money_seen: set[tuple[object, ...]] = set()
    rows: list[MoneyRow] = []
    for row in ex.money:
        appr = row.appropriation
        money_key = (
            row.agency,
            (appr.area, appr.appropriation, appr.item) if appr else None,
            row.year,
            row.kind,
            row.amount,
        )
        if money_key in money_seen:
            continue
        money_seen.add(money_key)
        rows.append(row)
    ex.money = rows
