"""A draft assignment built from extracted facts, written as YAML or JSON. Pure."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from .dates import due_sort_key
from .extract import extract
from .found import Extraction, Fact, FoundDeadline, MoneyRow, kronor_text

_KIND_IDS = {
    "plan": "plan",
    "delredovisning": "delredovisning",
    "årlig redovisning": "arlig-redovisning",
    "slutredovisning": "slutredovisning",
    "ekonomisk redovisning": "ekonomisk-redovisning",
    "rekvisition": "rekvisition",
    "återbetalning": "aterbetalning",
    "övrigt": "ovrigt",
}
_DEFAULT_TITLES = {
    "plan": "Plan för genomförandet",
    "delredovisning": "Delredovisning",
    "årlig redovisning": "Årlig redovisning",
    "slutredovisning": "Slutredovisning",
    "ekonomisk redovisning": "Ekonomisk redovisning av använda medel",
    "rekvisition": "Rekvisition av medel",
    "återbetalning": "Återbetalning av medel som inte har använts",
    "övrigt": "Redovisning",
}


@dataclass(frozen=True)
class Draft:
    """A draft assignment for a person to review; `data` is in the data format."""

    suggested_id: str
    data: dict[str, object]
    facts: tuple[Fact, ...]
    review: tuple[str, ...]
    source: str = ""

    @property
    def titled(self) -> bool:
        """Whether the text had a title (else the draft's is a placeholder)."""
        return any(f.kind == "titel" for f in self.facts)

    def to_yaml(self) -> str:
        header = [
            "# UTKAST skapat av `uppdrag importera`"
            + (f" från {_one_line(self.source)}" if self.source else "")
            + ".",
            "# Jämför varje datum och belopp med beslutet innan filen används. Källtexten",
            "# visar meningen som uppgiften lästes ur. Ta bort den här kommentaren när",
            "# utkastet är granskat.",
        ]
        if self.review:
            header.append("#")
            header.append("# Att granska:")
            for note in self.review:
                header.extend(_wrap_comment(note))
        return "\n".join(header) + "\n" + dump_yaml(self.data)

    def to_json(self) -> str:
        document = {
            "källa": self.source,
            "föreslaget_id": self.suggested_id,
            "fakta": [_fact_json(f) for f in self.facts],
            "granska": list(self.review),
            "data": _jsonable(self.data),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def draft_from_text(text: str, *, source: str = "", decided: str | None = None) -> Draft:
    """Read a decision's text and build a draft. Never raises for any input text.
    `decided` (ISO date) is the decision date when the text does not print it."""
    # A file name decoded with surrogateescape must not make the output unencodable.
    source = re.sub("[\ud800-\udfff]", "\ufffd", source)
    try:
        return _build(extract(text, decided=decided), source)
    except Exception as exc:
        note = (
            "Texten kunde inte tolkas automatiskt (internt fel: "
            f"{type(exc).__name__}); fyll i uppdraget för hand och rapportera felet."
        )
        data: dict[str, object] = {"titel": "Okänt uppdrag", "status": "pågående"}
        return Draft("uppdrag", data, (), (note,), source)


# --- building ---------------------------------------------------------------------------------


def _build(ex: Extraction, source: str) -> Draft:
    doc = ex.doc
    ident = ex.identity
    facts: list[Fact] = []
    review: list[str] = []

    def fact(
        kind: str, value: str | int, text: str, span: tuple[int, int], **details: object
    ) -> None:
        start, end = doc.span(*span)
        pairs = tuple(
            (k, v) for k, v in details.items() if isinstance(v, (str, int, bool)) and v != ""
        )
        facts.append(Fact(kind, value, text, start, end, pairs))

    data: dict[str, object] = {}
    title = ident.title or "Uppdrag utan titel"
    data["titel"] = title
    if ident.title:
        fact("titel", ident.title, ident.title, ident.title_span)
    else:
        review.append("Ingen titel hittades; skriv uppdragets titel.")

    if ident.case_numbers:
        data["diarienummer"] = [v for v, _, _ in ident.case_numbers]
        for value, sentence, span in ident.case_numbers:
            fact("diarienummer", value, sentence.text if sentence else value, span)
    else:
        review.append(
            "Beslutets eget diarienummer hittades inte (nummer i löptexten är hänvisningar "
            "till andra beslut); fyll i `diarienummer`."
        )
    if ident.ministry:
        data["departement"] = ident.ministry
        if ident.ministry_span:
            fact("departement", ident.ministry, ident.ministry, ident.ministry_span)
        if ident.ministry_inferred:
            review.append(
                f"Departementet ({ident.ministry}) är härlett från mottagaren eller diarienumret; "
                "kontrollera."
            )
    else:
        review.append("Departementet hittades inte; fyll i `departement`.")
    if ident.decided:
        data["beslutad"] = ident.decided
        if ident.decided_span:
            fact("beslutad", ident.decided, ident.decided, ident.decided_span)
        if ident.decided_published:
            review.append(
                f"`beslutad` ({ident.decided}) är sidans publiceringsdatum; kontrollera att "
                "beslutet fattades samma dag (datum utan år räknas från det)."
            )
    else:
        review.append("Beslutsdatum står inte i texten; fyll i `beslutad` om det är känt.")
    data["status"] = "pågående"
    if source.startswith(("http://", "https://")):
        data["källa"] = source

    if ident.agencies:
        agencies: list[dict[str, object]] = []
        for i, (name, sentence, span) in enumerate(ident.agencies):
            entry: dict[str, object] = {"namn": name}
            if i == 0:
                entry["huvudansvarig"] = True
            agencies.append(entry)
            fact("myndighet", name, sentence.text, span, huvudansvarig=i == 0)
        data["myndigheter"] = agencies
    else:
        review.append('Ingen myndighet hittades ("Regeringen ger … i uppdrag"); fyll i.')

    deadlines = sorted(
        ex.deadlines,
        key=lambda d: (d.due is None, due_sort_key(d.due) if d.due else "", d.sentence.start),
    )
    entries: list[dict[str, object]] = []
    used_ids: set[str] = set()
    for d in deadlines:
        entry = _deadline_entry(d, used_ids)
        entries.append(entry)
        fact(
            "redovisning",
            d.due or ("löpande" if d.note is None else "odaterad"),
            d.sentence.text,
            d.span,
            id=str(entry["id"]),
            typ=d.kind or "övrigt",
            mottagare=d.recipient or "",
            upprepas=d.repeats or "",
            till=d.until or "",
            ändrad_från=", ".join(d.changes),
        )
        if note := _deadline_note(d):
            todo = " Sätt `datum` och ta bort `löpande: true`." if d.due is None else ""
            review.append(f"Redovisningen `{entry['id']}`: {note}{todo}")
        if d.recipient is None and not d.ongoing:
            review.append(f"Redovisningen `{entry['id']}` saknar mottagare; fyll i `mottagare`.")
    if entries:
        data["redovisningar"] = entries
    else:
        review.append("Inga redovisningar med datum hittades; läs beslutet och fyll i.")

    for value, sentence, span in ex.invalid_dates:
        # "den 31 april 2026": no such day; the sentence is on the review list
        fact("ogiltigt datum", value, sentence.text, span)

    for value, sentence, span in ex.validity:
        fact("giltighet", value, sentence.text, span)
        review.append(
            f"Uppdraget gäller till {value} enligt beslutet; det är ingen redovisning och "
            "finns inte med bland redovisningarna."
        )

    budget = _budget(ex.money, review)
    for row in ex.money:
        fact(
            "belopp",
            row.amount,
            row.sentence.text,
            row.span,
            år=row.year,
            typ=row.kind,
            myndighet=row.agency or "",
        )
        if row.appropriation is not None:
            a = row.appropriation
            label = (f"utgiftsområde {a.area} " if a.area else "") + f"anslag {a.appropriation}"
            if a.item is not None:
                label += f" anslagspost {a.item}"
            fact(
                "anslag",
                label,
                row.sentence.text,
                (row.sentence.start + a.start, row.sentence.start + a.end),
            )
            if a.area is None:
                review.append(
                    f"Anslaget {a.appropriation} står utan utgiftsområde; fyll i `anslag`."
                )
    if budget:
        data["budget"] = budget

    review.extend(ex.review)
    if _looks_like_a_report(doc.flat.text):
        review.append(
            "Texten ser ut att vara en myndighets rapport eller plan, inte regeringens beslut "
            "(den har förord eller sammanfattning och talar om rapporten eller planen). Datumen "
            "kan gälla flera uppdrag; importera helst beslutet självt."
        )
    if doc.ocr_repaired:
        review.append(
            "Texten verkar komma från OCR: å, ä och ö har lagats i ord som lästs fel (f6lja, "
            "p&). Kontrollera källtexterna extra noga, särskilt namn."
        )
    facts = _unique_facts(facts)
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return Draft(
        suggested_id(title),
        data,
        tuple(facts),
        tuple(dict.fromkeys(review)),
        source,
    )


_REPORT_HEADING = re.compile(
    r"^[ \t]*(?:F[öo]rord|Sammanfattning|Innehåll|Innehållsförteckning)[ \t]*$"
    r"|^[ \t]*(?:Genomförandeplan|Delrapport|Slutrapport|Lägesrapport)\b[^\n]{0,80}$",
    re.M,
)
_REPORT_SELF = re.compile(
    r"\b(?:(?:den\s+här|denna|vår|föreliggande)\s+(?:rapport|delrapport|plan|"
    r"genomförandeplan|redovisning)|rapporten\s+(?:har|innehåller|beskriver|redovisar)|"
    r"(?:i|inom)\s+(?:detta|vårt)\s+regeringsuppdrag)\b",
    re.I,
)
_DECISION_MARK = re.compile(r"\bRegeringens\s+beslut\b|\bPå\s+regeringens\s+vägnar\b")


def _looks_like_a_report(text: str) -> bool:
    """An agency's report or plan on an assignment rather than the decision: headings such
    as "Förord" and sentences about itself ("Den här rapporten innehåller …"), and none of a
    decision's own headings."""
    return bool(
        _REPORT_HEADING.search(text)
        and _REPORT_SELF.search(text)
        and not _DECISION_MARK.search(text)
    )


def _unique_facts(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in facts:
        key = (f.kind, f.value, f.start, f.end, f.details)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _deadline_entry(d: FoundDeadline, used: set[str]) -> dict[str, object]:
    kind = d.kind or "övrigt"
    base = _KIND_IDS.get(kind, "redovisning")
    ident = base
    if ident in used and d.due:
        ident = f"{base}-{slug(d.due)}"
    n = 2
    while ident in used:
        ident = f"{base}-{n}"
        n += 1
    used.add(ident)
    entry: dict[str, object] = {"id": ident, "typ": kind}
    entry["titel"] = d.title or _DEFAULT_TITLES.get(kind, "Redovisning")
    if d.due:
        entry["datum"] = d.due
    else:
        entry["löpande"] = True
    if d.repeats and d.due:
        entry["upprepas"] = d.repeats
        if d.until:
            entry["till"] = d.until
    if d.recipient:
        entry["mottagare"] = d.recipient
    if d.changes:
        entry["ändringar"] = [{"datum": c} for c in d.changes]
    entry["källtext"] = d.sentence.text
    if note := _deadline_note(d):
        entry["anteckning"] = "UTKAST: " + note
    return entry


def _deadline_note(d: FoundDeadline) -> str | None:
    """What the reviewer must know of a deadline: its own note, and that a recurring one
    with no last time is an open series (shown ten years ahead until `till` is set)."""
    notes = [d.note] if d.note else []
    if d.repeats and d.due and not d.until:
        notes.append(
            f"Redovisningen upprepas ({d.repeats}) men beslutet anger ingen sista gång; "
            "serien står utan `till` och visas tio år framåt. Sätt `till` om beslutet eller "
            "ett senare beslut anger sista gången."
        )
    return " ".join(notes) or None


def _year_span(year: str) -> tuple[int, int]:
    found = [int(y) for y in re.findall(r"\d{4}", year)]
    return (found[0], found[-1]) if found else (0, -1)


def _overlaps(line: dict[str, object], year: str) -> bool:
    """`year` ("2026" or "2026–2028") shares a year with another key of the line."""
    years = line["år"]
    assert isinstance(years, dict)
    first, last = _year_span(year)
    for key in years:
        if str(key) == year:
            continue
        a, b = _year_span(str(key))
        if first <= b and a <= last:
            return True
    return False


def _other_amount(
    origins: dict[tuple[object, ...], tuple[int, int]], key: tuple[object, ...], row: MoneyRow
) -> bool:
    """Another amount for the year on this line, or the same amount from another sentence
    (another measure's money: "För 2021–2025 beräknas 1 miljon kronor årligen för åtgärden."
    under two measures)."""
    seen = origins.get((*key, row.year, row.kind))
    return seen is not None and (seen[0] != row.amount or seen[1] != row.sentence.start)


def _budget(rows: list[MoneyRow], review: list[str]) -> list[dict[str, object]]:
    lines: dict[tuple[object, ...], dict[str, object]] = {}
    sources: dict[tuple[object, ...], list[str]] = {}
    # (line, year, kind): amount and where its sentence starts
    origins: dict[tuple[object, ...], tuple[int, int]] = {}
    beside: dict[str, list[int]] = {}  # year: amounts put on lines of their own
    for row in rows:
        if not row.year:
            continue
        appr = row.appropriation
        appr_key = (appr.area, appr.appropriation, appr.item) if appr and appr.area else None
        # a lump sum "2026–2028" and a row for 2026 may not share a line (`uppdrag check`
        # refuses overlapping years): the later one gets a line of its own
        # a second, different amount for the same year ("… 1,2 miljarder kronor under 2026.
        # … dessutom tre miljoner kronor för administration …", "850 000 000 kronor till
        # regionerna och 2 500 000 kronor till SKR") is money for another purpose or receiver:
        # a line of its own too
        part = 0
        overlapping = False
        while (row.agency, appr_key, part) in lines:
            if _overlaps(lines[(row.agency, appr_key, part)], row.year):
                overlapping = True
            elif not _other_amount(origins, (row.agency, appr_key, part), row):
                break
            part += 1
        key: tuple[object, ...] = (row.agency, appr_key, part)
        if part and key not in lines:
            if overlapping:
                review.append(
                    f"Beloppet för {row.year} ({kronor_text(row.amount)}) överlappar åren i ett "
                    "annat belopp till samma myndighet och anslag och står på en egen rad. "
                    "Kontrollera om det ena ingår i det andra."
                )
            else:
                beside.setdefault(row.year, []).append(row.amount)
        line = lines.get(key)
        if line is None:
            line = {}
            if row.agency:
                line["myndighet"] = row.agency
            if appr is not None and appr.area is not None:
                a: dict[str, object] = {"utgiftsområde": appr.area, "anslag": appr.appropriation}
                if appr.item is not None:
                    a["anslagspost"] = appr.item
                if appr.sub_item:
                    review.append(
                        f"Beslutet anger delposten {appr.sub_item} av anslaget "
                        f"{appr.appropriation}; formatet har ingen delpost, så `anslagspost` är "
                        f"{appr.item} (delposten står kvar i källtexten)."
                    )
                if appr.name:
                    a["namn"] = appr.name
                line["anslag"] = a
            line["år"] = {}
            lines[key] = line
            sources[key] = []
        years = line["år"]
        assert isinstance(years, dict)
        year_key: str | int = int(row.year) if row.year.isdigit() else row.year
        amounts = years.setdefault(year_key, {})
        previous = amounts.get(row.kind)
        if previous is not None and previous != row.amount:
            review.append(
                f"Två olika belopp ({row.kind}) för {row.year}: {previous} och {row.amount} "
                "kronor; det första står i utkastet. Kontrollera."
            )
            continue
        amounts[row.kind] = row.amount
        origins.setdefault((*key, row.year, row.kind), (row.amount, row.sentence.start))
        for sentence in (row.sentence, row.charge):
            if sentence is not None and sentence.text not in sources[key]:
                sources[key].append(sentence.text)
    if beside:
        listed = "; ".join(
            f"{year}: " + ", ".join(kronor_text(a) for a in amounts)
            for year, amounts in beside.items()
        )
        review.append(
            f"Belopp på egna rader bredvid andra belopp för samma år, myndighet och anslag "
            f"(olika åtgärder eller mottagare, var och en med sin källtext): {listed}. "
            "Kontrollera att inget av dem ingår i ett annat."
        )
    out = []
    for line_key, line in lines.items():
        if not line["år"]:
            continue
        years = line.pop("år")
        assert isinstance(years, dict)
        line["år"] = dict(sorted(years.items(), key=lambda kv: str(kv[0])))
        line["källtext"] = " ".join(sources[line_key])
        out.append(line)
    return out


# --- ids ----------------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    [
        "att",
        "en",
        "ett",
        "och",
        "för",
        "av",
        "till",
        "de",
        "det",
        "den",
        "om",
        "i",
        "med",
        "på",
        "som",
        "samt",
        "från",
        "inom",
        "vid",
        "under",
    ]
)


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def suggested_id(title: str) -> str:
    """A file stem from the title: the leading "Uppdrag (till X) att" and small words dropped."""
    text = re.sub(
        r"^\s*(?:(?:ändring|förlängning)\s+av\s+)?uppdrag(?:\s+till\s+.{1,80}?)?\s+(?:att|om)\s+",
        "",
        title,
        flags=re.I,
    )
    words = [w for w in re.split(r"[^\wåäö]+", text.lower()) if w and w not in _STOPWORDS]
    words = [w for w in slug("-".join(words)).split("-") if w]
    if words[:2] == ["ta", "fram"]:
        words = words[2:]
    out: list[str] = []
    for w in words:
        if len("-".join([*out, w])) > 60:
            break
        out.append(w)
        if len(out) == 6:
            break
    ident = "-".join(out)
    return ident if re.fullmatch(r"[a-z0-9][a-z0-9-]*", ident) else "uppdrag"


# --- YAML ---------------------------------------------------------------------------------------

_PLAIN_KEY = re.compile(r"[a-zåäöA-ZÅÄÖ_][a-zåäöA-ZÅÄÖ0-9_]*")
_YAML_WORDS = frozenset(["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"])


def dump_yaml(value: object) -> str:
    """Block-style YAML 1.2 for dicts, lists, str, int and bool; every string double-quoted."""
    if isinstance(value, dict):
        if not value:
            return "{}\n"
        return "\n".join(_mapping_lines(value, 0)) + "\n"
    if isinstance(value, list):
        if not value:
            return "[]\n"
        return "\n".join(_sequence_lines(value, 0)) + "\n"
    return _scalar(value) + "\n"


def _mapping_lines(mapping: dict[object, object], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        k = _key(key)
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{k}:")
            lines.extend(_mapping_lines(value, indent + 2))
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{k}:")
            lines.extend(_sequence_lines(value, indent + 2))
        elif key in _AMOUNT_KEYS and isinstance(value, int) and not isinstance(value, bool):
            # "12 000 000 kr", as the data's own files write money and easy to hold against
            # "12 miljoner kronor" in the decision (the JSON output keeps the integer)
            lines.append(f'{pad}{k}: "{value:,} kr"'.replace(",", " "))
        else:
            lines.append(f"{pad}{k}: {_scalar(value)}")
    return lines


_AMOUNT_KEYS = frozenset({"beräknat", "beviljat", "belopp"})


def _sequence_lines(items: list[object], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            inner = _mapping_lines(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        elif isinstance(item, list) and item:
            inner = _sequence_lines(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        else:
            lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _key(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int):
        return str(key)
    text = str(key)
    if _PLAIN_KEY.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return _quote(text)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    if value is None:
        return "null"
    return _quote(str(value))


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _quote(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        code = ord(ch)
        if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code == 0xFEFF:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        elif code in (0xFFFE, 0xFFFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _one_line(text: str) -> str:
    """One comment line: whitespace collapsed, characters YAML cannot print replaced."""
    return " ".join(_NOT_PRINTABLE.sub("\ufffd", text).split())


def _wrap_comment(note: str, width: int = 96) -> list[str]:
    """The note as comment lines; an amount ("2 000 000 kr", written with no-break spaces) is
    never broken across lines."""
    printable = _NOT_PRINTABLE.sub("\ufffd", note).strip()
    words = [w.replace("\u00a0", " ") for w in re.split(r"[^\S\u00a0]+", printable)]
    lines: list[str] = []
    current = "#  -"
    for word in words:
        if len(current) + 1 + len(word) > width and current not in ("#  -", "#   "):
            lines.append(current)
            current = "#   "
        current += " " + word
    lines.append(current)
    return lines


# --- JSON ---------------------------------------------------------------------------------------


def _fact_json(f: Fact) -> dict[str, object]:
    return {
        "slag": f.kind,
        "värde": f.value,
        "detaljer": dict(f.details),
        "källtext": f.source_text,
        "start": f.start,
        "slut": f.end,
    }


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
