"""What the importer finds in a decision: facts, deadlines, money rows. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .amounts import AppropriationHit
from .identity import Identity
from .text import Document, Sentence

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


@dataclass
class FoundDeadline:
    kind: str | None  # a `typ` of the data format (model.DeadlineKind); None = decided later
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
    offset: tuple[int, str] | None = None  # "tre månader efter …": (3, "månader") after anchor
    supersedes: bool = False  # "ska i stället …" with the replaced date elsewhere
    also_to: bool = False  # a second recipient of the same delivery ("till X och Y")
    day_month: tuple[int, int] | None = None  # "senast den 1 december varje år": no year
    # a series read from listed dates in a sentence naming no report type: if nothing comes
    # after it, its last date is the final report
    untyped_list: bool = False
    in_annual_report: bool = False  # "årligen i årsredovisningen" with no year written


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
    table: MoneyTable | None = None  # a money table being read ("följande belopp (tkr):")
    money_run: list[tuple[Sentence, int]] = field(default_factory=list)  # consecutive money
    reasons: set[int] = field(default_factory=set)  # paragraphs under "Skälen för …"
    last_area: int | None = None  # the utgiftsområde last named, for "anslaget 1:3" alone
    # "Uppdraget finansieras … från anslaget 1:10 …" before any amount: for the amounts after
    charge_ahead: tuple[AppropriationHit, Sentence] | None = None
    amending: bool = False  # "Förlängd tid för uppdraget …", "Ändring av uppdrag …"
    part_paragraph: int | None = None  # where "Av beloppet ska …" named a part of an amount
    # paragraphs that tell of an inquiry's assignment ("Regeringen har gett en utredning i
    # uppdrag …"): "Uppdraget ska slutredovisas …" after it there is the inquiry's
    inquiry_paragraphs: set[int] = field(default_factory=set)
    copied: bool = False  # the text holds the decision twice (a pdf with one copy per agency)
    # the latest delivery without a date, for "Det ska ske senast …" in the next sentence
    undated_delivery: tuple[Sentence, str | None, str | None] | None = None


# --- money tables -------------------------------------------------------------------------------


@dataclass
class MoneyTable:
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


def kronor_text(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0") + "\u00a0kr"


def short_text(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def add_agency(
    ex: Extraction, name: str, sentence: Sentence, span: tuple[int, int], known: set[str]
) -> None:
    if name in known:
        return
    if any(k.lower().endswith(" " + name.lower()) for k in known):
        # "Stiftelsen Svenska Filminstitutet" … "Filminstitutet ska …": the same one, shorter
        ex.identity.aliases.add(name.lower())
        return
    known.add(name)
    ex.identity.agencies.append((name, sentence, span))
    ex.identity.aliases.add(name.lower())
    ex.identity.aliases.update(k for k, v in ex.identity.alias_of.items() if v == name)
