"""Who and what a decision is: title, its own case numbers (not the ones it cites), the
department, the decision date and the agencies it addresses. Pure."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import MONTHS, find_dates
from .text import BULLET, Document, Region, Sentence, is_section_heading, is_title_line

Span = tuple[int, int]  # offsets into Document.flat.text


@dataclass
class Identity:
    title: str | None = None
    title_span: Span = (0, 0)
    case_numbers: list[tuple[str, Sentence | None, Span]] = field(default_factory=list)
    ministry: str | None = None
    ministry_inferred: bool = False  # from a recipient or a dnr prefix, not printed as such
    ministry_span: Span | None = None
    decided: str | None = None
    decided_span: Span | None = None
    decided_published: bool = False  # the page's "Publicerad 15 maj 2026", not the decision's
    agencies: list[tuple[str, Sentence, Span]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # addressed agencies and their short names
    alias_of: dict[str, str] = field(default_factory=dict)  # "tillväxtverket" -> full name
    addressed: int = 0  # how many of `agencies` the decision addresses ("ger X i uppdrag")
    # names the decision gives others: "Regionerna samt Gotlands kommun (nedan kallade
    # länsplaneupprättarna)" -> "länsplaneupprättarna"
    others: set[str] = field(default_factory=set)

    @property
    def addressed_names(self) -> list[str]:
        """The agencies the decision addresses, in its order."""
        return [name for name, _, _ in self.agencies[: self.addressed]]


# A name that can receive a report or be addressed: departments, agencies, abbreviations.
_AGENCY_SUFFIX = (
    r"(?:kollegiet|kollegium|verket|styrelsen|myndigheten|kontoret|inspektionen|nämnden|rådet|"
    r"institutet|ämbetet|ombudsmannen|byrån|centrum|universitet|högskolan|förvaltningen|banken|"
    r"kassan|akademien|arkivet|museet|museer|polisen|myndigheten|kommissionen|registret|"
    r"direktoratet|länsstyrelsen|länsstyrelserna|regionerna|kommunerna|institut|beredningen|"
    r"delegationen|förmedlingen|bevakningen|makten|vården|mäteriet|tinget|centralbyrån)"
)
# Bodies whose names have none of the endings above, or more words than the patterns below
_NAMED_BODIES = (
    "Sveriges meteorologiska och hydrologiska institut",
    "Statens väg- och transportforskningsinstitut",
    "Institutet för arbetsmarknads- och utbildningspolitisk utvärdering",
    "Sveriges Kommuner och Regioner",
    "Sveriges Kommuner och Landsting",
    "Europeiska kommissionen",
    "Nordiska ministerrådet",
    "Naturhistoriska riksmuseet",
    "Polarforskningssekretariatet",
    "Svenska kraftnät",
    "Kungl. biblioteket",
    "Kungliga biblioteket",
    "Justitiekanslern",
    "Riksrevisionen",
    "Tillväxtanalys",
    "Trafikanalys",
    "Vårdanalys",
    "Nationalmuseum",
    "Riksgälden",
    "Vinnova",
    "Formas",
    "Forte",
    "Sida",
)


def _spaced(name: str) -> str:
    """A literal name whose words may be parted by any white space (line breaks in a pdf)."""
    return r"\s+".join(re.escape(word) for word in name.split())


_NAMED_BODY = "|".join(_spaced(name) + r"(?![\wåäö])" for name in _NAMED_BODIES)
AGENCY = (
    # ("till Regeringen (Justitiedepartementet)", capitalised mid-sentence)
    r"(?:Regeringskansliet\s*\([^)]{3,200}\)|Regeringskansliet|[Rr]egeringen\s*\([^)]{3,200}\)|"
    r"regeringen|"
    rf"{_NAMED_BODY}|"
    # "till Länsstyrelsen i Stockholms län", not just "Länsstyrelsen"
    r"Länsstyrelsen\s+i\s+[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖa-zåäö][a-zåäö]+)?\s+län|"
    r"[A-ZÅÄÖ][a-zåäö]+(?:-\s*och\s+[a-zåäö]+)?departementet|Statsrådsberedningen|"
    # "Statens kostnader för avtalen ska belasta …" is no agency
    r"Statens\s+(?!(?:kostnader|utgifter|medel|ansvar|åtagande|andel|del|bidrag|stöd|roll|"
    r"insatser|intäkter|budget|finanser)\b)[a-zåäö]+"
    r"(?:\s+(?:för|och)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?)?|"
    r"Myndigheten\s+för\s+[a-zåäö]+(?:[\s-]+(?:och|för|i|av|med|[a-zåäö]+s)?\s*[a-zåäö]+){0,3}|"
    # "till Forum för levande historia", "Inspektionen för vård och omsorg"
    r"(?:Forum|Inspektionen|Institutet|Centrum)\s+för\s+[a-zåäö]+"
    r"(?:\s+(?:och\s+)?(?!(?:ska|skall|har|får|kan|om|med|senast|och)\b)[a-zåäö]+)?|"
    r"Sveriges\s+[a-zåäö]+\s+[A-ZÅÄÖ]?[a-zåäö]+|"
    # "Havs- och vattenmyndigheten", "Post- och telestyrelsen"
    rf"[A-ZÅÄÖ][\wåäö]*-\s+och\s+[a-zåäö]+{_AGENCY_SUFFIX}|"
    # "Brottsförebyggande rådet", "Specialpedagogiska skolmyndigheten", "Försvarets materielverk"
    r"(?:Svenska|Statistiska|Karolinska|Centrala|Brottsförebyggande|Finanspolitiska|"
    rf"Specialpedagogiska|Försvarets|Totalförsvarets)\s+[a-zåäö]*(?:{_AGENCY_SUFFIX}|verk)|"
    rf"[A-ZÅÄÖ][\wåäöÅÄÖ-]*{_AGENCY_SUFFIX}|"
    r"[A-ZÅÄÖ][a-zåäö]+\s+(?:tekniska\s+)?(?:universitet|högskola|högskolan)(?![\wåäö])|"
    r"[A-ZÅÄÖ]{2,6}(?![\wåäö]))"
)
DEPARTMENT = re.compile(
    r"\b(?P<d>[A-ZÅÄÖ][a-zåäö]+(?:-\s*och\s+[a-zåäö]+)?departementet|Statsrådsberedningen)\b"
)
_DNR = re.compile(
    # (the unit after the number may be mixed case: "M2017/00171/Kl")
    r"(?<![\w/])(?P<dnr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?\d{4}/\d{2,6}"
    r"(?:/[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}(?![\wåäö]))?)"
    r"(?P<delvis>\s*\(\s*delvis\s*\))?"
)
_DNR_LABEL = re.compile(
    # ("Diarienummer: A2023/00160, A2025/01272": each number of a list after the label)
    # ("Diarienummer: LI2025/02155;LI2025/02182", "Ku2024/01066 (delvis) Ku2025/00743")
    r"(?:diarienummer|\bdnr)\s*[:.]\s*(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?\d{4}/\d{2,6}"
    r"(?:/[A-Za-zÅÄÖåäö]{1,6})?(?:\s*\(\s*delvis\s*\))?(?:\s*(?:,|;|och)\s*|\s+))*$|"
    r"hänvisa\s+till\s+(?:diarienumret|diarienummer|dnr)\s*$",
    re.I,
)
_ISO_DATE = re.compile(r"(?<![\d-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\d-])")
_DECIDED_LABEL = re.compile(r"\b(?:beslutsdatum|beslutad|beslutat|datum)\s*:?\s*$", re.I)
# "Regeringsbeslut I:5 2026-05-15", "Beslutad den 15 maj 2026", and regeringen.se's
# "Publicerad 15 maj 2026" above a copied page (the day it was published, nearly always the
# day it was decided)
_DECIDED_LINE = re.compile(
    r"^\s*(?P<label>Publicerad|Beslutad|Beslutsdatum|Regeringsbeslut(?:\s+[IVX]+\s*:\s*\d+)?)"
    r"\s*:?\s*(?P<when>(?:den\s+)?(?:(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}\s+"
    rf"(?:{'|'.join(MONTHS)})\s+(?:19|20)\d{{2}}))\b",
    re.I,
)
_ASSIGN = re.compile(
    # ("uppdrar år Statens geotekniska institut": a typo on a published page)
    # ("Regeringen beslutar att uppdra åt Socialstyrelsen att …")
    # ("Regeringen bemyndigar Folkhälsomyndigheten att ingå avtal …")
    r"\bRegeringen\s+(?:(?:beslutar|har\s+beslutat)\s+att\s+)?(?:ger|uppdrar?\s+"
    r"(?:åt|till|år(?=\s+[A-ZÅÄÖ]))?|ge|bemyndigar)\s+"
    r"(?:(?:därför|därtill|härmed|också|även|dessutom|nu|samtidigt|vidare)\s+)?"
    r"(?P<who>(?:[^.;]|(?<=Kungl)\.){2,600}?)\s+(?:i\s+(?:(?:fortsatt|nytt|förnyat|utökat|"
    r"ytterligare|ett)\s+)?uppdrag|uppdraget\b|att\b|"
    # "Regeringen ger Statens skolverk uppdrag enligt nedan."
    # ("Regeringen ger Socialstyrelsen och SBU uppdrag avseende den nationella strategin …")
    r"uppdrag\s+(?=enligt\s+nedan|att\b|avseende\b|rörande\b|gällande\b)|"
    # "ger X, Y och Z varsitt uppdrag att …"
    r"(?:varsitt|var\s+sitt|vart\s+sitt|ett\s+gemensamt|gemensamt)\s+uppdrag\b)"
    # "Regeringen beviljar Region Västerbotten 1 650 000 kronor för att …": a grant's receiver
    # ("Regeringen beslutar, i enlighet med ansökan från X (CAN), att bevilja CAN 3 000 000
    # kronor …")
    r"|\bRegeringen\s+(?:beviljar|(?:beslutar|har\s+beslutat)(?:,[^.;]{0,200}?,)?\s+att\s+"
    r"bevilja)\s+(?P<granted>[A-ZÅÄÖ][^.;,]{1,80}?)\s+(?:\([^)]{1,40}\)\s+)?"
    # ("… beviljar Funktionsrätt Sverige knappt två miljoner kronor")
    r"(?:(?:knappt|drygt|cirka|ca|omkring|ungefär|högst|totalt|sammanlagt)\s+)?"
    r"(?=\d|(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+(?:miljon|miljard|tusen)|"
    r"(?:ett\s+)?(?:bidrag|stöd|medel)\b)"
    # "Regeringen beslutar att regionerna får rekvirera medel i syfte att …": a grant's
    # receivers, named by what they may do
    r"|\bRegeringen\s+beslutar\s+att\s+(?P<entitled>(?:[A-ZÅÄÖ][^.;,]{1,80}?|regionerna|"
    r"kommunerna|länsstyrelserna))\s+får\s+(?:rekvirera\b|(?:ett\s+)?(?:\w+\s+)?"
    # ("Regeringen beslutar att Svenska Röda Korset får ett bidrag på 5 miljoner kronor")
    r"(?:stats)?(?:bidrag|stöd)\s+(?:på|om|med)\b)"
    # "Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF) får i uppdrag att …"
    # ("Naturvårdsverket ges i uppdrag att …")
    # ("Socialstyrelsen har i uppdrag att kartlägga …" on a page that summarises the decision)
    r"|^\s*(?P<given>[A-ZÅÄÖ][^.;:]{1,120}?)\s+(?:\([^)]{1,40}\)\s+)?(?:får|ges|har)\s+"
    r"(?:(?:härmed|även|också|därför|vidare|nu)\s+)?i\s+uppdrag\b"
    # "Regeringen beslutar att Trafikverket får förbereda följande objekt …"
    r"|\bRegeringen\s+beslutar\s+att\s+(?P<decided>[A-ZÅÄÖ][^.;,]{1,80}?)\s+(?:får|ska)\s+"
    r"(?:(?:även|också|vidare)\s+)?[a-zåäö]+(?<!rekvirera)\b",
)
# An amending decision names its agency in the decision it changes: "Med ändring av
# regeringens beslut den 5 december 2019 med uppdrag till X och Y att …", "Uppdraget till X
# om att … ändras", "Regeringen bifaller Statens jordbruksverks begäran", "X:s uppdrag att …
# förlängs".
_AMENDED_AGENCY = re.compile(
    r"\b(?:[Uu]ppdrag(?:et)?\s+till|[Bb]eslut\s+om\s+uppdrag\s+till)\s+"
    # ("Regeringen förlänger uppdraget till länsstyrelserna att …")
    r"(?P<who>(?=[A-ZÅÄÖ]|(?:länsstyrelserna|regionerna|kommunerna)\b)"
    r"(?:[^.;:]|(?<=Kungl)\.){2,201}?)\s+(?:\([^)]{1,40}\)\s+)?"
    r"(?:på\s+så\s+sätt\s+)?(?:om\s+att|att|om|avseende)\b"
    r"|\bbifaller\s+(?P<gen>[A-ZÅÄÖ][^.;]{1,80}?)s\s+(?:begäran|hemställan|framställan)"
    # "Regeringen förlänger tiden för Socialstyrelsens uppdrag att …"
    r"|\b(?:tiden|uppdragstiden|redovisningstiden)\s+för\s+(?P<term>[A-ZÅÄÖ][^.;]{1,80}?)"
    r"(?:s|:s)\s+uppdrag\b"
    r"|^\s*(?!Med\s|Regeringen\s)(?P<own>[A-ZÅÄÖ][^.;]{1,80}?)(?:s|:s)?\s+(?:\([^)]{1,20}\)\s+)?"
    r"uppdrag\s+att\b"
    # "Regeringen gav den 3 december 2015, som ett led i …, Försäkringskassan i uppdrag att …"
    # ("Regeringen gav den 9 januari X i uppdrag": the year left out in the decision's own year)
    # ("Regeringen uppdrog genom beslut den 13 juni 2019 åt PTS att …")
    r"|\bRegeringen\s+(?:gav|uppdrog)\s+(?:genom\s+beslut\s+)?"
    r"(?:den\s+\d{1,2}\s+[a-zåäö]+(?:\s+\d{4})?\s*)?(?:,[^,.;]{0,160},\s*)?"
    r"(?:(?P<gave>[A-ZÅÄÖ](?:[^.;,]|,\s*(?=[A-ZÅÄÖ])){1,400}?)\s+i\s+uppdrag\b|"
    # "Regeringen gav den 17 december 2020 i uppdrag åt X, Y (MSB) och Z att …"
    r"(?:i\s+uppdrag\s+)?åt\s+(?P<gave_to>[A-ZÅÄÖ](?:[^.;,]|,\s*(?=[A-ZÅÄÖ])){1,400}?)\s+att\b)"
    # "Regeringen beviljar Statens jordbruksverk (Jordbruksverket) förlängd tid för …"
    # ("Regeringen beslutar att ge Socialstyrelsen förlängd tid för redovisning …")
    r"|\bRegeringen\s+(?:beviljar|medger|(?:beslutar\s+att\s+)?ger?)\s+"
    r"(?P<granted>[A-ZÅÄÖ][^.;,]{1,80}?)\s+"
    r"(?:\([^)]{1,40}\)\s+)?(?:förlängd|ändrad|längre)\s+tid\b"
    # "Med ändring av regeringens beslut den … om uppdrag att … ska Trafikverket redovisa"
    r"|^\s*Med\s+ändring\s+av\b(?:[^.;]|\.(?!\s))*?\bska\s+(?P<inv>[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+[a-zåäö]+){0,3}?)"
    # ("… ska Statens energimyndighet (Energimyndigheten) senast den 28 februari 2020 till …")
    r"(?:\s*\([^)]{1,40}\))?(?:\s+senast\s+den\s+\d{1,2}\s+[a-zåäö]+\s+\d{4})?"
    # "… ska Trafikverket till Regeringskansliet (Infrastrukturdepartementet) delredovisa …"
    r"(?:\s+till\s+[^.;()]{2,60}(?:\([^)]{2,80}\))?)?"
    r"\s+(?:redovisa|lämna|slutredovisa|delredovisa|rapportera|ta\s+fram|genomföra)\b"
)
_TITLE_AGENCY = re.compile(
    r"^\s*(?:(?:Ändring|Förlängning)\s+av\s+)?[Uu]ppdrag\s+till\s+(?P<who>[^.;]{2,200}?)\s+(?:att|om|för)\b"
    # "Ändring av regleringsbrev för budgetåret 2020 avseende Myndigheten för tillväxtpolitiska
    # utvärderingar och analyser"
    r"|^\s*(?:Ändring\s+av\s+)?[Rr]egleringsbrev(?:et)?\s+för\s+budgetåret\s+\d{4}\s+"
    r"(?:avseende|för)\s+(?P<letter>[A-ZÅÄÖ][^.;]{2,120}?)\s*$"
)
DNR_PREFIX_MINISTRY = {
    "S": "Socialdepartementet",
    "U": "Utbildningsdepartementet",
    "Fi": "Finansdepartementet",
    "Ju": "Justitiedepartementet",
    "A": "Arbetsmarknadsdepartementet",
    "Ku": "Kulturdepartementet",
    "KN": "Klimat- och näringslivsdepartementet",
    "LI": "Landsbygds- och infrastrukturdepartementet",
    "Fö": "Försvarsdepartementet",
    "UD": "Utrikesdepartementet",
    "SB": "Statsrådsberedningen",
}
# every department 2014–2026, for names a decision misspells ("Landsbygd- och
# infrastrukturdepartementet", "Socialdepartement")
DEPARTMENTS = (
    *DNR_PREFIX_MINISTRY.values(),
    "Miljödepartementet",
    "Miljö- och energidepartementet",
    "Näringsdepartementet",
    "Infrastrukturdepartementet",
    "Landsbygdsdepartementet",
    "Landsbygds- och infrastrukturdepartementet",
)


def canonical_department(name: str) -> str:
    """A known department's name for a near miss of it; anything else as written."""
    if name in DEPARTMENTS:
        return name
    close = difflib.get_close_matches(name, DEPARTMENTS, n=1, cutoff=0.92)
    return close[0] if close else name


def read_identity(doc: Document) -> Identity:
    """Title, case numbers, department, decision date and agencies addressed."""
    ex = Identity()
    flat = doc.flat.text
    # Title: the first "Uppdrag …" paragraph, else the first short body paragraph.
    for para in doc.paragraphs:
        text = flat[para.start : para.end]
        if is_title_line(text):
            ex.title, ex.title_span = _cut_title(text, para.start)
            break
    if ex.title is None:
        for para in doc.paragraphs:
            text = flat[para.start : para.end]
            if para.region is not Region.BODY or (para.heading and is_section_heading(text)):
                continue
            # (a text without blank lines: the title ends where its first sentence does,
            # "Stärkt trygghet för barn i HVB, Dir. 2024:18 Departement: …")
            title, span = _cut_title(text, para.start)
            if 3 <= len(title.split()) <= 30:
                ex.title, ex.title_span = title, span
                break

    header = [p for p in doc.paragraphs if p.region is Region.HEADER]
    for para in header:
        text = flat[para.start : para.end]
        if re.search(r"\ber(?:t|a)?\s+(?:dnr|ref)", text, re.I):
            text = re.sub(r"\ber(?:t|a)?\s+(?:dnr|ref)\w*\s*:?\s*\S+", " ", text, flags=re.I)
        for m in _DNR.finditer(text):
            _add_dnr(ex, m, None, para.start)
        if ex.decided is None:
            d = _ISO_DATE.search(text)
            if d:
                ex.decided = d.group()
                ex.decided_span = (para.start + d.start(), para.start + d.end())
        if ex.ministry is None:
            dep = DEPARTMENT.search(text)
            if dep:
                ex.ministry = canonical_department(dep.group("d"))
                ex.ministry_span = (para.start + dep.start(), para.start + dep.end())

    for sentence in doc.sentences:
        if sentence.region in (Region.SIGNATURE, Region.COPIES):
            continue
        for m in _DNR.finditer(sentence.text):
            if _DNR_LABEL.search(sentence.text[max(0, m.start() - 120) : m.start()]):
                _add_dnr(ex, m, sentence, sentence.start)
        if ex.decided is None:
            for m in _ISO_DATE.finditer(sentence.text):
                if _DECIDED_LABEL.search(sentence.text[max(0, m.start() - 20) : m.start()]):
                    ex.decided = m.group()
                    ex.decided_span = (sentence.start + m.start(), sentence.start + m.end())
        if ex.decided is None and (line := _DECIDED_LINE.match(sentence.text)):
            _decided_from_line(ex, line, sentence.start)
        if ex.ministry is None:
            for m in re.finditer(
                r"\b(?:regeringsuppdrag|uppdrag|beslut)\s+från\s+(?P<d>[A-ZÅÄÖ][a-zåäö]+"
                r"(?:-\s*och\s+[a-zåäö]+)?departementet)",
                sentence.text,
                re.I,
            ):
                ex.ministry = canonical_department(m.group("d"))
                ex.ministry_span = (sentence.start + m.start("d"), sentence.start + m.end("d"))
                break

    _agencies(ex, doc)
    _names_for_others(ex, doc)
    return ex


_CALLED_BELOW = re.compile(
    r"\((?:nedan|hädanefter|i\s+det\s+följande)\s+(?:kallad|kallade|kallat|kallas|benämnd|"
    r"benämnda|benämns)\s+(?P<name>[^()]{2,40}?)\)",
    re.I,
)


def _names_for_others(ex: Identity, doc: Document) -> None:
    """A short name the decision gives a group it does not address ("Regionerna samt Gotlands
    kommun (nedan kallade länsplaneupprättarna)"): sentences with that subject are theirs."""
    for sentence in doc.sentences:
        for m in _CALLED_BELOW.finditer(sentence.text):
            named = sentence.text[max(0, m.start() - 120) : m.start()].lower()
            if not any(alias in named for alias in ex.aliases if len(alias) >= 3):
                ex.others.add(" ".join(m.group("name").lower().split()))


def _decided_from_line(ex: Identity, m: re.Match[str], base: int) -> None:
    # (no value for "Publicerad 31 april 2026": not a day; the date check says so elsewhere)
    when = [v for h in find_dates(m.group("when")) if h.kind in ("iso", "day") for v in h.values]
    if len(when) != 1:
        return
    ex.decided = when[0]
    ex.decided_span = (base + m.start("label"), base + m.end())
    ex.decided_published = m.group("label").lower() == "publicerad"


def _cut_title(text: str, base: int) -> tuple[str, tuple[int, int]]:
    end = len(text)
    stop = re.search(
        r"\s*(?:Diarienummer|Dnr|Publicerad|Regeringens beslut|Regeringsbeslut)\b|(?<=[a-zåäö])"
        # ("…, Dir. 2024:18": a committee directive's number)
        r"(?<!\bKungl)(?<!\bDir)\.\s|\s*,?\s*Dir\.\s*\d{4}:\d+",
        text,
    )
    if stop:
        end = stop.start()
    # (a page's header line without its department, joined to the title)
    lead = re.match(r"\s*Regeringsuppdrag\s+från\s+(?=Uppdrag\b)", text[:end])
    begin = lead.end() if lead else 0
    title = " ".join(text[begin:end].split()).rstrip(" .")
    words = title.split()
    if len(words) > 40:
        title = " ".join(words[:40])
    return title, (base + begin, base + end)


def _add_dnr(ex: Identity, m: re.Match[str], sentence: Sentence | None, base: int) -> None:
    value = re.sub(r"\s", "", m.group("dnr"))
    if m.group("delvis"):
        value += " (delvis)"
    if any(v.split()[0] == value.split()[0] for v, _, _ in ex.case_numbers):
        return
    ex.case_numbers.append((value, sentence, (base + m.start(), base + m.end())))


# "länsstyrelserna i Stockholms, Skåne och Norrbottens län": one county board per county
_COUNTY_BOARDS = re.compile(r"\s*[Ll]änsstyrelserna\s+i\s+(?P<counties>.+?)(?P<län>\s+län)?\s*")
# The counties as their county boards are named ("Länsstyrelsen i Skåne län"), by the name a
# decision may use without "län" ("länsstyrelserna i Stockholm, Västra Götaland och Skåne")
_COUNTY_GENITIVES = (
    *[
        "Blekinge",
        "Dalarnas",
        "Gotlands",
        "Gävleborgs",
        "Hallands",
        "Jämtlands",
        "Jönköpings",
        "Kalmar",
    ],
    *["Kronobergs", "Norrbottens", "Skåne", "Stockholms", "Södermanlands", "Uppsala", "Värmlands"],
    *["Västerbottens", "Västernorrlands", "Västmanlands", "Örebro", "Östergötlands"],
    "Västra Götalands",
)
_COUNTIES = {
    (g if g in ("Blekinge", "Kalmar", "Skåne", "Uppsala", "Örebro") else g[:-1]): g
    for g in _COUNTY_GENITIVES
}


def _split_agencies(who: str) -> list[tuple[str, int]]:
    """'Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket' -> names with offsets."""
    if boards := _COUNTY_BOARDS.fullmatch(who):
        counties = list(
            re.finditer(r"[A-ZÅÄÖ][\wåäö]*(?:\s+[A-ZÅÄÖ][\wåäö]*)*", boards["counties"])
        )
        if counties and (boards["län"] or all(c.group() in _COUNTIES for c in counties)):
            return [
                (
                    f"Länsstyrelsen i {_COUNTIES.get(c.group(), c.group())} län",
                    boards.start("counties") + c.start(),
                )
                for c in counties
            ]
    parts: list[tuple[str, int]] = []
    pos = 0
    # "Uppsala universitet (Nationellt centrum för kvinnofrid, NCK)": a parenthesis is part of
    # the name before it
    masked = re.sub(r"\([^)]*\)", lambda m: "_" * len(m.group()), who)
    # "Myndigheten för press, radio och tv": a comma before a lower-case word is in a name
    # ("Sveriges Kommuner och Regioner" is one organisation)
    for m in re.finditer(
        # ("Tandvårds- och Läkemedelsförmånsverket": one name, however it is capitalised)
        r",\s*(?=[A-ZÅÄÖ]|läns|samt\b)|(?<!-)\s+(?:och|samt|respektive)\s+(?=[A-ZÅÄÖ]|länsstyrelserna\b)"
        r"(?!Regioner\b)",
        masked,
    ):
        parts.append((who[pos : m.start()], pos))
        pos = m.end()
    parts.append((who[pos:], pos))
    out = []
    for name, offset in parts:
        clean = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(" ,")
        clean = re.sub(r"^(?:även|också|dessutom)\s+", "", clean)
        # "uppdrar åt Folkhälsomyndighetens att": a stray genitive s
        clean = re.sub(
            r"(myndigheten|verket|styrelsen|kollegiet|rådet|nämnden|institutet|ombudsmannen)s$",
            r"\1",
            clean,
        )
        # "Brottsförebyggande rådet (Brå) genom Center mot våldsbejakande extremism": the
        # agency, acting through one of its units
        clean = re.split(r"\s+genom\s+", clean, maxsplit=1)[0]
        # "Statens Energimyndighet", "Statistiska Centralbyrån": the name as the agency writes it
        clean = re.sub(
            r"^(Statens|Statistiska)\s+([A-ZÅÄÖ])([a-zåäö]+)$",
            lambda m: f"{m[1]} {m[2].lower()}{m[3]}",
            clean,
        )
        # "uppdrar åt … Myndigheten för digital förvaltning i att …": a stray word before "att"
        clean = re.sub(r"\s+(?:i|på|av|för|till|om|med)$", "", clean)
        lower_group = clean.startswith(("läns", "samt", "regionerna", "kommunerna"))
        if 2 <= len(clean) <= 100 and (clean[0].isupper() or lower_group):
            if lower_group and not clean.startswith("samt"):
                # "uppdrar åt länsstyrelserna", "beslutar att regionerna får rekvirera"
                clean = clean[0].upper() + clean[1:]
            out.append((clean, offset + (len(name) - len(name.lstrip()))))
    return out


def _agencies(ex: Identity, doc: Document) -> None:
    names: dict[str, tuple[Sentence, tuple[int, int]]] = {}
    matches = [
        (sentence, m)
        for sentence in doc.sentences
        if sentence.region in (Region.BODY, Region.HEADER)
        for m in _ASSIGN.finditer(sentence.text)
    ]
    assigning = any(m.group("who") or m.group("granted") or m.group("entitled") for _, m in matches)
    for sentence, m in matches:
        group = next(g for g in ("who", "granted", "entitled", "given", "decided") if m.group(g))
        who = m.group(group)
        # ("Regeringen beslutar att ge Socialstyrelsen förlängd tid för redovisning av
        # uppdraget": an extension, whose agency the amendment rules read)
        if re.search(r"\b(?:ska|skall|har|att|förlängd|ändrad|längre)\b", who):
            continue
        if group in ("given", "decided") and (
            # "X får i uppdrag att …" names the addressed agency only in a decision that has
            # no "Regeringen ger …" (later it is one more task of an agency already named)
            names
            or assigning
            or not all(
                AGENCY_NAME.fullmatch(n) or re.fullmatch(AGENCY, n) for n, _ in _split_agencies(who)
            )
        ):
            continue
        # "Myndigheten för ungdoms- och civilsamhällesfrågor, MUCF, att …": one agency and
        # its short name (but "Försvarsmakten, FOI och FRA" are three)
        # "Gymnastik- och idrottshögskolan, Centrum för idrottsforskning, CIF, att …": an
        # agency, its unit and the unit's short name (a list ends with "och" or "samt")
        apposition = re.fullmatch(
            r"\s*([^,]+?),(?:\s*([^,]+?),)?\s*([A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö]{2,5}),?\s*", who
        )
        if apposition and not (
            apposition.group(2) and re.search(r"\b(?:och|samt|respektive)\s+[A-ZÅÄÖ]", who)
        ):
            # ("Transportstyrelsen och Statens väg- och transportforskningsinstitut, VTI, i
            # uppdrag": the short name of the last agency of the list)
            listed = _split_agencies(apposition.group(1))
            full = listed[-1][0] if listed else apposition.group(1).strip()
            for short in filter(None, apposition.group(2, 3)):
                ex.alias_of.setdefault(short.strip().lower(), full)
                ex.aliases.add(short.strip().lower())
            who = who[: apposition.end(1)]
        for name, offset in _split_agencies(who):
            start = sentence.start + m.start(group) + offset
            names.setdefault(name, (sentence, (start, start + len(name))))
    if not names:
        _listed_agencies(doc, names)
    if not names:
        _amended_agencies(doc, names)
    title_match = _TITLE_AGENCY.match(ex.title) if ex.title and not names else None
    if ex.title and title_match:
        title_sentence = Sentence(ex.title, *ex.title_span, 0, Region.BODY)
        group = "who" if title_match.group("who") else "letter"
        for name, offset in _split_agencies(title_match.group(group)):
            start = ex.title_span[0] + title_match.start(group) + offset
            names.setdefault(name, (title_sentence, (start, start + len(name))))
    if not names:
        _acting_agency(doc, names)
    ex.agencies = _without_short_names(ex, [(n, s, span) for n, (s, span) in names.items()])
    ex.addressed = len(ex.agencies)
    # Short names the decision introduces: "Statens skolverk (Skolverket)", "(MSB)"
    for name, sentence, _ in ex.agencies:
        ex.aliases.add(name.lower())
        at = sentence.text.find(name)
        if at >= 0:
            after = sentence.text[at + len(name) :]
            alias = re.match(r"\s*\(([^)]{2,40})\)", after) or re.match(
                # "Myndigheten för familjerätt och föräldraskapsstöd, MFoF, om …"
                r"\s*,\s*((?=(?:[a-zåäö]*[A-ZÅÄÖ]){2})[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7}),",
                after,
            )
            if alias:
                short = alias.group(1).lower()
                # "(TL V)": a PDF's text layer splits the capitals the body writes "TLV"
                for key in {short, re.sub(r"(?<=[a-zåäö]) (?=[a-zåäö]\b)", "", short)}:
                    ex.aliases.add(key)
                    ex.alias_of.setdefault(key, name)
            # "… (Brå) genom Center mot våldsbejakande extremism (CVE)": the unit's short name
            unit = re.match(
                r"\s*(?:\([^)]{2,40}\)\s*)?genom\s+[^(),]{3,80}?\s*\(([^)]{2,12})\)", after
            )
            if unit:
                ex.aliases.add(unit.group(1).lower())
                ex.alias_of.setdefault(unit.group(1).lower(), name)
    # … and anywhere else in the body: "Inspektionen för socialförsäkringen (ISF) ska …"
    for sentence in doc.sentences:
        if sentence.region not in (Region.BODY, Region.HEADER):
            continue
        for m in _DECLARED_ALIAS.finditer(sentence.text):
            full = " ".join(m.group("full").split())
            if m.group("gen") and full.endswith("s"):
                full = full[:-1]  # "Myndigheten för … civilsamhällesfrågors (MUCF:s)"
            short = (m.group("short") or m.group("short2")).strip()
            if short.lower() not in ex.alias_of and full.lower() != short.lower():
                ex.alias_of[short.lower()] = canonical_agency(ex, full) or full
            if ex.alias_of.get(short.lower(), "").lower() in ex.aliases:
                # "Regeringen utökar uppdraget till Totalförsvarets forskningsinstitut (FOI)"
                # when the title named the agency: "FOI ska …" is the addressed agency
                ex.aliases.add(short.lower())
    # "Uppdrag till MSB att …" as the title and "Myndigheten för samhällsskydd och beredskap
    # (MSB)" in the body: the agency by the full name the decision gives it
    for i, (name, sentence, span) in enumerate(ex.agencies):
        if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", name) and name.lower() not in ex.alias_of:
            # "ansökan från Centralförbundet för alkohol- och narkotikaupplysning (CAN), att
            # bevilja CAN …": a receiver that is no agency, spelled out by its initials
            for sent in doc.sentences:
                if spelled := spelled_out(sent.text, name):
                    ex.alias_of[name.lower()] = spelled
                    break
        named = ex.alias_of.get(name.lower(), "")
        if " " not in name and " " in named and all(n != named for n, _, _ in ex.agencies):
            ex.agencies[i] = (named, sentence, span)
            ex.aliases.add(named.lower())


_JOINERS = frozenset({"för", "och", "i", "av", "om", "med", "till", "samt", "på"})


def spelled_out(text: str, short: str) -> str | None:
    """The name `short` abbreviates where the text introduces it as "Full Name (SHORT)": the
    words before the parenthesis whose initials, small joining words aside, spell it
    ("Centralförbundet för alkohol- och narkotikaupplysning (CAN)")."""
    at = text.find(f"({short})")
    if at <= 0:
        return None
    words = list(re.finditer(r"[\wåäöÅÄÖ-]+", text[:at]))[-12:]
    for first in range(len(words)):
        if not words[first].group()[0].isupper():
            continue
        initials = "".join(w.group()[0] for w in words[first:] if w.group().lower() not in _JOINERS)
        if initials.lower() == short.lower():
            return text[words[first].start() : words[-1].end()]
    return None


def _acting_agency(doc: Document, names: dict[str, tuple[Sentence, tuple[int, int]]]) -> None:
    """No "Regeringen ger X i uppdrag": the agency the first operative sentence makes pay out
    ("Kammarkollegiet ska utbetala 937 000 000 kronor till regionerna")."""
    acting = re.compile(
        rf"\s*(?P<s>{AGENCY_NAME.pattern})\s+(?:ska|skall)"
        # "Kammarkollegiet ska, med anledning av överenskommelsen …, utbetala …"
        r"(?:\s*,[^,;.]{1,300},)?\s+(?:\S+\s+){0,3}?"
        r"(?:utbetala|betala\s+ut|fördela)\b"
    )
    for sentence in doc.sentences:
        if sentence.region is not Region.BODY:
            continue
        m = acting.match(sentence.text)
        if m:
            name = " ".join(m.group("s").split())
            names[name] = (sentence, (sentence.start + m.start("s"), sentence.start + m.end("s")))
            return


_SHORT_NAME = re.compile(r"(?=(?:[a-zåäö]*[A-ZÅÄÖ]){2})[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6}")
# "…, IVO, och Läkemedelsverket, LV, att …": a short name between commas, then the list goes
# on or ends ("Försvarsmakten, FOI och FRA" are three agencies)
_AFTER_SHORT_NAME = re.compile(r"\s*,\s*(?:och|samt|respektive|att|om|i\s+uppdrag)\b")


def _without_short_names(
    ex: Identity, agencies: list[tuple[str, Sentence, Span]]
) -> list[tuple[str, Sentence, Span]]:
    """ "Regeringen uppdrar åt Inspektionen för vård och omsorg, IVO, och Läkemedelsverket, LV,
    att …": IVO and LV are the short names of the agency before each, not agencies of their own."""
    kept: list[tuple[str, Sentence, Span]] = []
    for name, sentence, span in agencies:
        if kept and _SHORT_NAME.fullmatch(name) and kept[-1][1] is sentence:
            start, end = span[0] - sentence.start, span[1] - sentence.start
            before = sentence.text[kept[-1][2][1] - sentence.start : start]
            if re.fullmatch(r"\s*,\s*", before) and _AFTER_SHORT_NAME.match(sentence.text, end):
                ex.alias_of.setdefault(name.lower(), kept[-1][0])
                ex.aliases.add(name.lower())
                continue
        kept.append((name, sentence, span))
    return kept


# "Totalt får nio myndigheter detta uppdrag:", "Regeringen ger följande myndigheter i uppdrag
# att …:" before a bulleted list of the agencies
_AGENCIES_LISTED = re.compile(r"\bmyndigheter(?:na)?\b[^.;]*\buppdrag\w*\b[^.;]*:?\s*$", re.I)


def _listed_agencies(doc: Document, names: dict[str, tuple[Sentence, tuple[int, int]]]) -> None:
    """The agencies a decision lists one per item after it says how many it addresses."""
    for sentence in doc.sentences:
        if sentence.region is not Region.BODY or not _AGENCIES_LISTED.search(sentence.lead):
            continue
        bullet = BULLET.match(sentence.text)
        name = sentence.text[bullet.end() if bullet else 0 :].strip(" ,.;")
        # (an item is the name alone: "Statens beredning för medicinsk och social utvärdering")
        if re.fullmatch(r"[A-ZÅÄÖ][\w\s,()åäöÅÄÖ-]{1,79}", name) and not re.search(
            r"\b(?:ska|skall|har|är|att)\b", name
        ):
            start = sentence.start + sentence.text.index(name)
            names.setdefault(name, (sentence, (start, start + len(name))))


def _amended_agencies(doc: Document, names: dict[str, tuple[Sentence, tuple[int, int]]]) -> None:
    """The agencies of the decision an amending decision changes, from its first sentence
    that names them."""
    for sentence in doc.sentences:
        if sentence.region is not Region.BODY:
            continue
        m = _AMENDED_AGENCY.search(sentence.text)
        if m is None:
            continue
        group = next(
            g
            for g in ("who", "gen", "term", "own", "inv", "gave", "gave_to", "granted")
            if m.group(g)
        )
        who = m.group(group)
        if group == "own" and who.endswith(":s"):
            who = who[:-2]
        elif group == "own" and re.search(r"\([^)]*\)$", who) is None and who.endswith("s"):
            who = who[:-1]
        if re.search(r"\b(?:ska|skall|har|att|regeringen)\b", who, re.I):
            continue
        # "kompletterar uppdraget till Trafikverket från den 4 februari 2021 (I2020/02256),
        # kompletterat den 18 mars 2021 …, på det sättet att …": the name ends at the date
        who = _AFTER_NAME.split(who, maxsplit=1)[0]
        found = []
        for name, offset in _split_agencies(who):
            if group == "own" and name.endswith("s") and not AGENCY_NAME.fullmatch(name):
                name = name[:-1]  # "Myndigheten för ungdoms- och civilsamhällesfrågors"
            if (
                group in ("who", "gave", "gave_to", "granted")
                or AGENCY_NAME.fullmatch(name)
                or re.fullmatch(AGENCY, name)
            ):
                start = sentence.start + m.start(group) + offset
                found.append((name, (start, start + len(name))))
        for name, span in found:
            names.setdefault(name, (sentence, span))
        if found:
            return


_AFTER_NAME = re.compile(
    r"\s+(?:från\s+den|den\s+\d|från\s+\d|i\s+beslut)\b|\s*\((?=[A-Z]{1,3}\d{4}/)"
)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_GENERIC_SUBJECTS = frozenset(
    {"myndigheten", "myndigheterna", "regeringen", "regeringskansliet", "kammarkollegiet"}
    # "Verket ska hålla departementet löpande uppdaterat": the addressed agency, by its kind
    | {"verket", "styrelsen", "inspektionen", "institutet", "rådet", "nämnden", "kollegiet"}
)
_SUBJECT = re.compile(
    rf"\s*(?:(?:Därefter|Dessutom|Även|Vidare|Samtidigt|Också)\s+)?(?P<s>{AGENCY})"
    r"(?=\s+(?!och\b|samt\b|eller\b)[a-zåäö])"
)


_UNIT_OF = re.compile(rf"\s+(?:vid|inom|hos)\s+(?P<s>{AGENCY})")


def one_of_the_boards(name: str, addressed: Collection[str]) -> bool:
    """ "Länsstyrelsen i Skåne län" when the decision addresses "Länsstyrelserna" (names in
    any case, as long as both sides are written the same way)."""
    return name.lower().startswith("länsstyrelsen i ") and any(
        a.lower() == "länsstyrelserna" for a in addressed
    )


def foreign_subject(ex: Identity, text: str) -> bool:
    """The sentence is about another agency's duty ("Skolverket ska enligt sitt regleringsbrev
    redovisa …"), not one of the agencies this decision addresses."""
    if not ex.agencies:
        return False
    first = " ".join(text.lower().split()[:3])
    if any(first.startswith(name) for name in ex.others):
        return True  # "Länsplaneupprättarna ska redovisa sina planer senast …"
    m = _SUBJECT.match(text)
    if m is None:
        return False
    subject = " ".join(m.group("s").lower().split())
    if subject in _GENERIC_SUBJECTS or subject in ex.aliases or "departementet" in subject:
        return False
    if one_of_the_boards(subject, ex.aliases):
        return False  # "Länsstyrelsen i Skåne län samordnar …": one of the boards addressed
    unit = _UNIT_OF.match(text, m.end())
    if unit and " ".join(unit.group("s").lower().split()) in ex.aliases:
        return False  # "NCSC vid FRA ska …": a unit of the addressed agency
    for name in ex.aliases:
        for word in [name, *name.split()]:
            if len(word) >= 5 and _common_prefix(word, subject) >= 7:
                return False
            if len(word) >= 5 and subject.split()[0] == word:
                return False
    return True


# --- agencies named in running text -------------------------------------------------------------

_NAME_SUFFIX = (
    r"(?:kollegiet|kollegium|verket|verk|styrelsen|styrelserna|styrelse|myndigheten|myndighet|"
    r"kontoret|inspektionen|inspektion|nämnden|nämnd|rådet|råd|institutet|institut|ämbetet|"
    r"ämbete|ombudsmannen|byrån|centrum|universitetet|universitet|högskolan|förvaltningen|"
    r"banken|kassan|akademien|arkivet|museet|museer|polisen|kommissionen|registret|"
    r"direktoratet|delegationen|förmedlingen|bevakningen|makten|vården|mäteriet|anstalt|"
    r"anstalten|tinget|skolverk|centralbyrån)"
)
_NAME_FOR = (
    r"(?:Myndigheten|Inspektionen|Verket|Institutet|Nämnden|Rådet|Centrum|Styrelsen|Forum|"
    r"Delegationen|Statens\s+(?!(?:kostnader|utgifter|medel|ansvar|åtagande)\b)[a-zåäö]+)\s+för\s+"
    # ("Myndigheten för psykologiskt försvar", "… för digital förvaltning", "Forum för
    # levande historia")
    r"(?:[a-zåäö]+(?:iskt|iska|ligt|liga|igt|iga|al|ala|ande|ende)\s+)?"
    r"[a-zåäö-]+(?:\s+(?:och|i|av|med|till)\s+[a-zåäö-]+)?"
)
AGENCY_NAME = re.compile(
    r"(?<![\wåäöÅÄÖ-])(?:"
    r"Kungl\.\s+[A-ZÅÄÖa-zåäö][a-zåäö]+|"
    r"Länsstyrelsen\s+i\s+[A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖa-zåäö][a-zåäö]+)?\s+län|"
    # a state-owned company that receives money: "Chalmers Tekniska Högskola AB"
    r"(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,4}AB(?![\wåäö])|"
    rf"{_NAME_FOR}|"
    r"(?:Statens|[A-ZÅÄÖ][a-zåäö]+(?:s|iska|ska|nde))\s+[a-zåäö-]*?"
    rf"{_NAME_SUFFIX}|"
    rf"[A-ZÅÄÖ][\wåäöé]*?(?:-\s+och\s+[a-zåäö]+|-[a-zåäö]+)?{_NAME_SUFFIX}"
    r")(?![\wåäö])"
)
_DECLARED_ALIAS = re.compile(
    rf"(?P<full>{AGENCY_NAME.pattern})\s*(?:\((?P<short>[A-ZÅÄÖ][\wåäöÅÄÖ-]{{1,30}})(?P<gen>:s)?\)|"
    # "Myndigheten för familjerätt och föräldraskapsstöd, MFoF, om …": a short name with
    # two or more capitals between commas
    r",\s*(?P<short2>(?=(?:[a-zåäö]*[A-ZÅÄÖ]){2})[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7}),)"
)
# Not agencies that take part in an assignment: the government, its offices, the parliament,
# and Kammarkollegiet, which only pays out and receives money on the government's behalf.
_NOT_PARTICIPANTS = frozenset(
    {"regeringen", "regeringskansliet", "riksdagen", "kammarkollegiet", "kammarkollegium"}
    # words shaped like agency names that are not ("Samråd ska ske med …")
    | {"samråd", "förråd", "underlag", "underlaget"}
)


def _head(name: str) -> str | None:
    """The word carrying the agency noun, for names of one word or "Statens X" / "Xs Y"."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0]
    if len(words) == 2 and words[0].endswith("s"):
        return words[1]
    return None


def canonical_agency(ex: Identity, mention: str) -> str | None:
    """The decision's own name for an agency mentioned in the text ("Kulturrådet" for
    "Statens kulturråd" (Kulturrådet), "Energimyndigheten" for Statens energimyndighet);
    None for the government, Kammarkollegiet and names that are no agency."""
    text = " ".join(mention.split())
    key = text.lower()
    if key in _NOT_PARTICIPANTS or "departementet" in key:
        return None
    known = [name for name, _, _ in ex.agencies]
    for name in known:
        if name.lower() == key:
            return name
    if key in ex.alias_of:
        return ex.alias_of[key]
    head = _head(text)
    if head is not None and len(head) >= 6:
        for name in known:
            other = _head(name)
            if other is None or len(other) < 6:
                continue
            short, long_ = sorted((head, other), key=len)
            if long_.startswith(short) and len(long_) - len(short) <= 3:
                return name
    if key == "länsstyrelsen":
        boards = [name for name in known if name.lower().startswith("länsstyrelsen i ")]
        if len(boards) == 1:
            return boards[0]  # "Länsstyrelsen i Jämtlands län … Länsstyrelsen ska …"
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", text):
        return None  # an abbreviation the decision does not introduce
    return text


@lru_cache(maxsize=16)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """All known names in one pattern, longest first so that a longer name wins where two
    start at the same place; cached, as every sentence asks."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\wåäöÅÄÖ-])(?:{alternatives})(?![\wåäöÅÄÖ])", re.I)


def agency_mentions(ex: Identity, text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every agency named in the text, left to right."""
    spans: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    names = sorted(
        {n for n, _, _ in ex.agencies} | {a for a in ex.alias_of if len(a) >= 2},
        key=lambda n: (-len(n), n),
    )
    known = _names_pattern(tuple(names))
    for pattern in [known, AGENCY_NAME] if known else [AGENCY_NAME]:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if pattern is known and m.group().islower() and len(m.group()) <= 6:
                continue  # "isf" in running text is no name; "ISF" is
            name = canonical_agency(ex, m.group())
            if name is None:
                continue
            taken.append(m.span())
            spans.append((m.start(), m.end(), name))
    spans.sort()
    return spans


_TASK_LEAD = re.compile(r"^\s*(?:(?:Därutöver|Dessutom|Vidare|Även|Också|Därefter)\s+)?")
_TASK_VERB = re.compile(r"\s+(?:ska|skall)(?:\s+|,\s*)(?!enligt\b)", re.I)


def task_subjects(ex: Identity, text: str) -> list[tuple[int, int, str]]:
    """Agencies that are the subject of "ska …" at the start of a sentence: "Socialstyrelsen
    och Läkemedelsverket ska bistå …", "Inspektionen för socialförsäkringen (ISF) ska följa …".
    """
    lead = _TASK_LEAD.match(text)
    pos = lead.end() if lead else 0
    verb = _TASK_VERB.search(text, pos, min(len(text), pos + 250))
    if verb is None:
        return []
    subject = text[pos : verb.start()]
    found = [(pos + a, pos + b, n) for a, b, n in agency_mentions(ex, subject)]
    if not found:
        return []
    # Nothing but names, parenthesised short names and "och"/"samt"/"," may stand there.
    rest = subject
    for a, b, _ in sorted(found, reverse=True):
        rest = rest[: a - pos] + rest[b - pos :]
    rest = re.sub(r"\([^)]{0,40}\)", " ", rest)
    if re.sub(r"\s|,|\boch\b|\bsamt\b|\bäven\b|\bockså\b", "", rest):
        return []
    return found
