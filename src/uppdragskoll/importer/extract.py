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
- A date that does not exist ("den 31 november 2025") is a fact and a review note; a day just
  past the month's end is read as its last day.

This module reads the sentences in order; deadlines.py and money_rows.py read one sentence
each, found.py holds what they find, and resolve.py settles kinds, recipients, replaced dates
and duplicates once every sentence has been read.
"""

from __future__ import annotations

import re

from .deadlines import (
    STANDING_DUTY,
    read_deadlines,
    read_invalid_dates,
    read_replaced_in_background,
    read_validity,
)
from .found import Extraction, add_agency
from .identity import (
    read_identity,
    task_subjects,
)
from .money_rows import end_table, read_money, read_table_line
from .resolve import resolve_all
from .text import Document, Region, Sentence, copy_key, parse

# --- entry point ------------------------------------------------------------------------------


def extract(text: str, *, decided: str | None = None) -> Extraction:
    """`decided` is the decision date the user knows (regeringen.se shows it beside the
    page); a decision date printed in the text wins, a page's publication date does not."""
    doc = parse(text)
    ex = Extraction(doc, read_identity(doc))
    if decided is not None:
        if ex.identity.decided is None or ex.identity.decided_published:
            ex.identity.decided, ex.identity.decided_published = decided, False
            ex.identity.decided_span = None
        elif ex.identity.decided != decided:
            ex.review.append(
                f"Beslutsdatumet i texten ({ex.identity.decided}) skiljer sig från det som "
                f"angavs ({decided}); texten används. Kontrollera att det är rätt beslut."
            )
    ex.reasons = _reasons(doc)
    ex.amending = bool(ex.identity.title and _AMENDING_TITLE.match(ex.identity.title))
    _task_agencies(ex)
    ex.copied = _holds_a_copy(doc)
    seen: set[tuple[str, str]] = set()
    own_reports: list[Sentence] = []
    paragraph_keys: dict[int, str] = {}
    for sentence in doc.sentences:
        # the same sentence in a repeated copy of the decision (the same paragraph again) is
        # read once; the same sentence under another measure is read again
        if sentence.paragraph not in paragraph_keys:
            paragraph_keys[sentence.paragraph] = "" if ex.copied else _paragraph_key(doc, sentence)
        key = (sentence.key, paragraph_keys[sentence.paragraph])
        if sentence.region is not Region.BODY:
            ex.table = None
        if sentence.region is Region.BACKGROUND and key not in seen:
            seen.add(key)
            read_replaced_in_background(ex, sentence)
            if _OWN_REPORT.match(sentence.text):
                own_reports.append(sentence)
            continue
        if sentence.region is not Region.BODY or key in seen:
            continue
        if ex.table is not None:
            if read_table_line(ex, sentence):
                seen.add(key)
                continue
            end_table(ex, sentence)
        if _is_heading(doc, sentence):
            continue
        seen.add(key)
        read_validity(ex, sentence)
        read_deadlines(ex, sentence)
        read_invalid_dates(ex, sentence)
        read_money(ex, sentence)
    if not any(d.due for d in ex.deadlines):
        # "Uppdraget ska redovisas … senast den 30 april 2023." left under a "Bakgrund"
        # heading: the decision's own deadline when the body gives none
        for sentence in own_reports:
            read_deadlines(ex, sentence)
    resolve_all(ex)
    return ex


_OWN_REPORT = re.compile(
    r"\s*(?:Hela\s+)?Uppdraget\s+(?:ska|skall)\s+(?:slut|del)?(?:redovisas|rapporteras)\b"
)


_AMENDING_TITLE = re.compile(
    r"\s*(?:framställning\s+om\s+)?(?:(?:förlängd|ändrad|utökad)\s+tid|ändring\s+(?:av|i)|"
    r"förlängning\s+av|tillägg\s+till)\b",
    re.I,
)


def _holds_a_copy(doc: Document) -> bool:
    """A quarter or more of the body's sentences stand twice: the decision is in the text
    twice, and a sentence read again would count its deadlines and money twice."""
    keys = [s.key for s in doc.sentences if s.region is Region.BODY and len(s.key) > 20]
    return len(keys) - len(set(keys)) >= max(2, len(keys) / 4)


def _paragraph_key(doc: Document, sentence: Sentence) -> str:
    para = doc.paragraphs[sentence.paragraph]
    return copy_key(doc.flat.text[para.start : para.end])


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
        if _is_heading(ex.doc, sentence) or STANDING_DUTY.search(sentence.text):
            continue
        for a, b, name in task_subjects(ex.identity, sentence.text):
            add_agency(ex, name, sentence, (sentence.start + a, sentence.start + b), known)
