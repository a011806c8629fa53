"""Who and what a decision is: title, its own case numbers (not the ones it cites), the
department, the decision date and the agencies it addresses. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Document, Region, Sentence

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
    agencies: list[tuple[str, Sentence, Span]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # addressed agencies and their short names


# A name that can receive a report or be addressed: departments, agencies, abbreviations.
_AGENCY_SUFFIX = (
    r"(?:kollegiet|verket|styrelsen|myndigheten|kontoret|inspektionen|nämnden|rådet|institutet|"
    r"ämbetet|ombudsmannen|byrån|centrum|universitet|högskolan|förvaltningen|banken|kassan|"
    r"akademien|arkivet|museet|museer|polisen|myndigheten|kommissionen|registret|direktoratet|"
    r"länsstyrelsen|länsstyrelserna|regionerna|kommunerna|institut|beredningen|delegationen)"
)
AGENCY = (
    r"(?:Regeringskansliet\s*\([^)]{3,80}\)|Regeringskansliet|regeringen|"
    r"[A-ZÅÄÖ][a-zåäö]+(?:-\s+och\s+[a-zåäö]+)?departementet|Statsrådsberedningen|"
    r"Statens\s+[a-zåäö]+(?:\s+(?:för|och)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?)?|"
    r"Myndigheten\s+för\s+[a-zåäö]+(?:[\s-]+(?:och|för|i|av|med|[a-zåäö]+s)?\s*[a-zåäö]+){0,3}|"
    r"Sveriges\s+[a-zåäö]+\s+[A-ZÅÄÖ]?[a-zåäö]+|"
    rf"[A-ZÅÄÖ][\wåäöÅÄÖ-]*{_AGENCY_SUFFIX}|[A-ZÅÄÖ]{{2,6}}(?![\wåäö]))"
)
DEPARTMENT = re.compile(
    r"\b(?P<d>[A-ZÅÄÖ][a-zåäö]+(?:-\s+och\s+[a-zåäö]+)?departementet|Statsrådsberedningen)\b"
)
_DNR = re.compile(
    r"(?<![\w/])(?P<dnr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?\d{4}/\d{2,6}(?:/[A-ZÅÄÖ]{1,6})?)"
    r"(?P<delvis>\s*\(\s*delvis\s*\))?"
)
_DNR_LABEL = re.compile(
    r"(?:diarienummer|\bdnr)\s*[:.]\s*$|hänvisa\s+till\s+(?:diarienumret|"
    r"diarienummer|dnr)\s*$",
    re.I,
)
_ISO_DATE = re.compile(r"(?<![\d-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\d-])")
_DECIDED_LABEL = re.compile(r"\b(?:beslutsdatum|beslutad|beslutat|datum)\s*:?\s*$", re.I)
_ASSIGN = re.compile(
    r"\bRegeringen\s+(?:beslutar\s+att\s+)?(?:ger|uppdrar\s+(?:åt|till)?|ge)\s+"
    r"(?P<who>[^.;]{2,300}?)\s+(?:i\s+uppdrag|att\s+)",
)
_TITLE_AGENCY = re.compile(
    r"^\s*(?:(?:Ändring|Förlängning)\s+av\s+)?[Uu]ppdrag\s+till\s+(?P<who>[^.;]{2,200}?)\s+(?:att|om|för)\b"
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


def read_identity(doc: Document) -> Identity:
    """Title, case numbers, department, decision date and agencies addressed."""
    ex = Identity()
    flat = doc.flat.text
    # Title: the first "Uppdrag …" paragraph, else the first short body paragraph.
    for para in doc.paragraphs:
        text = flat[para.start : para.end]
        if re.match(r"\s*(?:(?:ändring|förlängning)\s+av\s+)?uppdrag\b", text, re.I):
            ex.title, ex.title_span = _cut_title(text, para.start)
            break
    if ex.title is None:
        for para in doc.paragraphs:
            text = flat[para.start : para.end]
            words = text.split()
            if para.region is Region.BODY and 3 <= len(words) <= 30 and not para.heading:
                ex.title, ex.title_span = _cut_title(text, para.start)
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
                ex.ministry = dep.group("d")
                ex.ministry_span = (para.start + dep.start(), para.start + dep.end())

    for sentence in doc.sentences:
        if sentence.region in (Region.SIGNATURE, Region.COPIES):
            continue
        for m in _DNR.finditer(sentence.text):
            if _DNR_LABEL.search(sentence.text[max(0, m.start() - 40) : m.start()]):
                _add_dnr(ex, m, sentence, sentence.start)
        if ex.decided is None:
            for m in _ISO_DATE.finditer(sentence.text):
                if _DECIDED_LABEL.search(sentence.text[max(0, m.start() - 20) : m.start()]):
                    ex.decided = m.group()
                    ex.decided_span = (sentence.start + m.start(), sentence.start + m.end())
        if ex.ministry is None:
            for m in re.finditer(
                r"\b(?:regeringsuppdrag|uppdrag|beslut)\s+från\s+(?P<d>[A-ZÅÄÖ][a-zåäö]+"
                r"(?:-\s+och\s+[a-zåäö]+)?departementet)",
                sentence.text,
                re.I,
            ):
                ex.ministry = m.group("d")
                ex.ministry_span = (sentence.start + m.start("d"), sentence.start + m.end("d"))
                break

    _agencies(ex, doc)
    return ex


def _cut_title(text: str, base: int) -> tuple[str, tuple[int, int]]:
    end = len(text)
    stop = re.search(
        r"\s*(?:Diarienummer|Dnr|Publicerad|Regeringens beslut|Regeringsbeslut)\b|(?<=[a-zåäö])"
        r"\.\s",
        text,
    )
    if stop:
        end = stop.start()
    title = " ".join(text[:end].split()).rstrip(" .")
    words = title.split()
    if len(words) > 40:
        title = " ".join(words[:40])
    return title, (base, base + end)


def _add_dnr(ex: Identity, m: re.Match[str], sentence: Sentence | None, base: int) -> None:
    value = re.sub(r"\s", "", m.group("dnr"))
    if m.group("delvis"):
        value += " (delvis)"
    if any(v.split()[0] == value.split()[0] for v, _, _ in ex.case_numbers):
        return
    ex.case_numbers.append((value, sentence, (base + m.start(), base + m.end())))


def _split_agencies(who: str) -> list[tuple[str, int]]:
    """'Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket' -> names with offsets."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for m in re.finditer(r",\s*|\s+(?:och|samt)\s+(?=[A-ZÅÄÖ])", who):
        parts.append((who[pos : m.start()], pos))
        pos = m.end()
    parts.append((who[pos:], pos))
    out = []
    for name, offset in parts:
        clean = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(" ,")
        clean = re.sub(r"^(?:även|också|dessutom)\s+", "", clean)
        if 2 <= len(clean) <= 100 and (clean[0].isupper() or clean.startswith(("läns", "samt"))):
            out.append((clean, offset + (len(name) - len(name.lstrip()))))
    return out


def _agencies(ex: Identity, doc: Document) -> None:
    names: dict[str, tuple[Sentence, tuple[int, int]]] = {}
    for sentence in doc.sentences:
        if sentence.region not in (Region.BODY, Region.HEADER):
            continue
        for m in _ASSIGN.finditer(sentence.text):
            who = m.group("who")
            if re.search(r"\b(?:ska|skall|har|att)\b", who):
                continue
            for name, offset in _split_agencies(who):
                start = sentence.start + m.start("who") + offset
                names.setdefault(name, (sentence, (start, start + len(name))))
    title_match = _TITLE_AGENCY.match(ex.title) if ex.title and not names else None
    if ex.title and title_match:
        title_sentence = Sentence(ex.title, *ex.title_span, 0, Region.BODY)
        for name, offset in _split_agencies(title_match.group("who")):
            start = ex.title_span[0] + title_match.start("who") + offset
            names.setdefault(name, (title_sentence, (start, start + len(name))))
    ex.agencies = [(n, s, span) for n, (s, span) in names.items()]
    # Short names the decision introduces: "Statens skolverk (Skolverket)", "(MSB)"
    for name, sentence, _ in ex.agencies:
        ex.aliases.add(name.lower())
        at = sentence.text.find(name)
        if at >= 0:
            alias = re.match(r"\s*\(([^)]{2,40})\)", sentence.text[at + len(name) :])
            if alias:
                ex.aliases.add(alias.group(1).lower())


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_GENERIC_SUBJECTS = frozenset(
    {"myndigheten", "myndigheterna", "regeringen", "regeringskansliet", "kammarkollegiet"}
)
_SUBJECT = re.compile(
    rf"\s*(?:(?:Därefter|Dessutom|Även|Vidare|Samtidigt|Också)\s+)?(?P<s>{AGENCY})"
    r"(?=\s+(?!och\b|samt\b|eller\b)[a-zåäö])"
)


def foreign_subject(ex: Identity, text: str) -> bool:
    """The sentence is about another agency's duty ("Skolverket ska enligt sitt regleringsbrev
    redovisa …"), not one of the agencies this decision addresses."""
    if not ex.agencies:
        return False
    m = _SUBJECT.match(text)
    if m is None:
        return False
    subject = " ".join(m.group("s").lower().split())
    if subject in _GENERIC_SUBJECTS or subject in ex.aliases or "departementet" in subject:
        return False
    for name in ex.aliases:
        for word in [name, *name.split()]:
            if len(word) >= 5 and _common_prefix(word, subject) >= 7:
                return False
            if len(word) >= 5 and subject.split()[0] == word:
                return False
    return True
