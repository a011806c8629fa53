"""A seeded corpus of assignment files shaped like data/uppdrag, for benchmarks.

    python benchmarks/generate.py --n 1000 --out /tmp/korpus [--seed 1]

writes /tmp/korpus/data/uppdrag/*.yaml. File number i depends only on the seed and i, so the
corpus of 100 files is the first 100 files of the corpus of 10 000, and the same seed always
gives the same bytes. Every file passes `uppdrag check` without errors (warnings about
non-working days may appear, as in real data).

The mix follows the real files: most assignments are small (one agency, two to six
redovisningar), some are large (many people, 20+ aktiviteter, budgets over several years);
recurring deadlines with per-occurrence `inlämnad`, vague periods (`våren 2027`,
`kvartal 2 2026`), `löpande` duties, moved deadlines with `ändringar`, budgets with
`beräknat`/`beviljat`/`utfall` and `anslag`, comments, source sentences and Swedish letters.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from uppdragskoll.periods import MONTH_NAMES

TODAY = date(2026, 3, 1)  # the day the benchmarks pass as --today; shapes past vs future

MONTHS = MONTH_NAMES  # the parser's own names, so the corpus speaks its language

# Department, dnr prefix, expenditure areas with appropriations, agencies.
DEPARTMENTS: tuple[tuple[str, str, tuple[tuple[int, str, str], ...], tuple[str, ...]], ...] = (
    (
        "Socialdepartementet",
        "S",
        ((9, "1:6", "Bidrag till folkhälsa och sjukvård"), (9, "8:1", "Socialstyrelsen")),
        (
            "Socialstyrelsen",
            "Läkemedelsverket",
            "Folkhälsomyndigheten",
            "Inspektionen för vård och omsorg",
            "Statens beredning för medicinsk och social utvärdering",
            "E-hälsomyndigheten",
        ),
    ),
    (
        "Utbildningsdepartementet",
        "U",
        ((16, "1:5", "Utveckling av skolväsendet och förskolan"), (16, "2:64", "Särskilda medel")),
        ("Statens skolverk", "Universitetskanslersämbetet", "Specialpedagogiska skolmyndigheten"),
    ),
    (
        "Klimat- och näringslivsdepartementet",
        "KN",
        ((20, "1:1", "Naturvårdsverket"), (21, "1:3", "Energiforskning")),
        (
            "Naturvårdsverket",
            "Statens energimyndighet",
            "Tillväxtverket",
            "Havs- och vattenmyndigheten",
        ),
    ),
    (
        "Justitiedepartementet",
        "Ju",
        ((4, "1:1", "Polismyndigheten"), (4, "1:6", "Kriminalvården")),
        ("Polismyndigheten", "Kriminalvården", "Brottsförebyggande rådet", "Domstolsverket"),
    ),
    (
        "Landsbygds- och infrastrukturdepartementet",
        "LI",
        ((22, "1:1", "Utveckling av statens transportinfrastruktur"), (23, "1:18", "Åtgärder")),
        ("Trafikverket", "Statens jordbruksverk", "Post- och telestyrelsen", "Boverket"),
    ),
    (
        "Arbetsmarknadsdepartementet",
        "A",
        ((14, "1:1", "Arbetsförmedlingens förvaltningskostnader"), (13, "1:1", "Integration")),
        ("Arbetsförmedlingen", "Arbetsmiljöverket", "Jämställdhetsmyndigheten"),
    ),
    (
        "Kulturdepartementet",
        "Ku",
        ((17, "1:2", "Bidrag till allmän kulturverksamhet"), (17, "7:2", "Riksantikvarieämbetet")),
        ("Statens kulturråd", "Riksantikvarieämbetet", "Myndigheten för kulturanalys"),
    ),
    (
        "Försvarsdepartementet",
        "Fö",
        ((6, "2:4", "Krisberedskap"), (6, "2:7", "Myndigheten för civilt försvar")),
        ("Myndigheten för civilt försvar", "Försvarsmakten", "Totalförsvarets forskningsinstitut"),
    ),
    (
        "Finansdepartementet",
        "Fi",
        ((2, "1:10", "Ekonomistyrningsverket"), (2, "1:7", "Arbetsgivarverket")),
        ("Ekonomistyrningsverket", "Skatteverket", "Kammarkollegiet", "Statskontoret"),
    ),
)

VERBS = (
    "Utveckla",
    "Följa upp",
    "Stödja implementeringen av",
    "Kartlägga",
    "Samordna arbetet med",
    "Utvärdera",
    "Ta fram vägledning om",
    "Främja",
    "Analysera",
    "Genomföra insatser för",
)
AREAS = (
    "den nationella strategin för psykisk hälsa och suicidprevention",
    "kompetensförsörjningen i hälso- och sjukvården",
    "energieffektivisering i offentliga lokaler",
    "skolans digitalisering och läromedel",
    "brottsofferstödet i hela landet",
    "klimatanpassning av kommunernas vattenförsörjning",
    "äldreomsorgens kvalitet och bemanning",
    "tillgången till läkemedel vid kris och krig",
    "nyanländas etablering på arbetsmarknaden",
    "kulturarvets digitala tillgänglighet",
    "ökad jämställdhet i arbetslivet",
    "förebyggande arbete mot våld i nära relationer",
    "det civila försvarets förmåga",
    "en hållbar och säker livsmedelsförsörjning",
    "bredbandsutbyggnaden på landsbygden",
    "återvinning av plast och textilier",
    "elevhälsans förebyggande och hälsofrämjande arbete",
    "barns och ungas fysiska aktivitet",
    "statens lokalförsörjning",
    "digital förvaltning och öppna data",
    "cybersäkerheten i samhällsviktig verksamhet",
    "minskad användning av antibiotika",
    "förutsättningarna för skärgårdsnäringar",
    "god och nära vård i glesbygd",
)
FIRST_NAMES = (
    "Åsa",
    "Björn",
    "Märta",
    "Göran",
    "Sören",
    "Ängla",
    "Östen",
    "Karin",
    "Lars",
    "Eva",
    "Mikael",
    "Anna",
    "Johan",
    "Maria",
    "Per",
    "Sofia",
    "Håkan",
    "Ylva",
    "Jörgen",
    "Ulrika",
    "Mårten",
    "Linnéa",
    "Tove",
    "Ebba",
)
LAST_NAMES = (
    "Åberg",
    "Öberg",
    "Ström",
    "Lindström",
    "Bäckström",
    "Söderberg",
    "Nyström",
    "Håkansson",
    "Jönsson",
    "Ängström",
    "Karlsson",
    "Andersson",
    "Pettersson",
    "Lundqvist",
    "Sjögren",
    "Wåhlin",
    "Holmgren",
    "Ekström",
    "Björk",
    "Nordén",
)
ROLES = (
    "projektledare",
    "biträdande projektledare",
    "controller",
    "uppdragssamordnare",
    "enhetschef",
    "utredare",
    "kommunikatör",
    "jurist",
    "analytiker",
)
ACTIVITY_VERBS = (
    "Kartläggning av nuläget",
    "Omvärldsbevakning och litteraturgenomgång",
    "Rekrytera externa experter",
    "Enkät till kommuner och regioner",
    "Dialogmöten med berörda aktörer",
    "Ta fram förslag till åtgärder",
    "Intern förankring",
    "Remiss av utkast",
    "Textbearbetning och klarspråk",
    "Publicering och kommunikation",
    "Workshop med referensgrupp",
    "Analys av registerdata",
    "Samråd med Sveriges Kommuner och Regioner",
    "Pilotverksamhet i två län",
    "Utvärdering av piloten",
    "Upphandling av extern utvärderare",
)
DEADLINE_TITLES = {
    "plan": "Plan för genomförandet av uppdraget",
    "delredovisning": "Delredovisning av arbetet",
    "årlig redovisning": "Årlig redovisning av hur arbetet fortlöper",
    "slutredovisning": "Slutredovisning av uppdraget",
    "ekonomisk redovisning": "Ekonomisk redovisning av använda medel",
    "rekvisition": "Rekvisition av medel",
    "återbetalning": "Återbetalning av medel som inte har använts",
    "övrigt": "Löpande information om arbetet",
}
SEASONS = (("våren", 3, 5), ("sommaren", 6, 8), ("hösten", 9, 11))
TAGS = (
    "digitalisering",
    "jämställdhet",
    "kompetensförsörjning",
    "klimat",
    "primärvård",
    "krisberedskap",
    "statsbidrag",
    "uppföljning",
    "läkemedel",
    "barn och unga",
    "landsbygd",
    "kultur",
)


@dataclass(frozen=True)
class GeneratedFile:
    name: str  # file name, e.g. "utveckla-den-nationella-strategin-00042.yaml"
    text: str
    events: int  # calendar events `uppdrag ical` makes of it (dated occurrences)


# --- small helpers -------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-zÅÄÖåäöÉé][^\x00-\x1f\"'#]*$")  # tabs quoted, as "\t"
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


def q(text: str, *, flow: bool = False) -> str:
    """A YAML scalar: plain when that reads back as the same string, else double-quoted."""
    plain = (
        _PLAIN.match(text) is not None
        and ": " not in text
        and not text.endswith((":", " "))
        and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n")
        and not (flow and _FLOW_UNSAFE.search(text))
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Same day `months` later; only called with day <= 28 or a same-month yearly step."""
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, day.day)


def spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def group(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def amount(rng: random.Random, kronor: int) -> str:
    """Kronor written as people write them: `7 mnkr`, `2 500 000 kr`, `29 349 tkr`, `2,5 mnkr`."""
    if kronor % 1_000_000 == 0:
        return rng.choice((f"{kronor // 1_000_000} mnkr", f"{group(kronor)} kr", str(kronor)))
    if kronor % 100_000 == 0:
        millions = f"{kronor / 1_000_000:.1f}".replace(".", ",")
        # A decimal comma must be quoted inside a flow mapping: `{beräknat: "2,5 mnkr"}`.
        return rng.choice(
            (f'"{millions} mnkr"', f"{group(kronor)} kr", f'"{millions} miljoner kronor"')
        )
    if kronor % 1000 == 0:
        return rng.choice((f"{group(kronor // 1000)} tkr", f"{group(kronor)} kr"))
    return str(kronor)


def in_words(kronor: int) -> str:
    if kronor % 1_000_000 == 0:
        return f"{kronor // 1_000_000} miljoner kronor"
    return f"{group(kronor)} kronor"


# --- periods: the text and its due date, computed here so the files stay consistent --------


def period_around(rng: random.Random, day: date) -> tuple[str, date]:
    """A vague period containing `day`, as decisions and plans write them, and its last day."""
    y, m = day.year, day.month
    quarter = (m - 1) // 3 + 1
    choice = rng.randrange(10)
    if choice == 0:
        return f"{MONTHS[m - 1]} {y}", month_end(y, m)
    if choice == 1:
        return f"{y}-{m:02d}", month_end(y, m)
    if choice == 2:
        return f"kvartal {quarter} {y}", month_end(y, quarter * 3)
    if choice == 3:
        return f"{y}-Q{quarter}", month_end(y, quarter * 3)
    if choice == 4:
        ordinal = ("första", "andra", "tredje", "fjärde")[quarter - 1]
        return f"{ordinal} kvartalet {y}", month_end(y, quarter * 3)
    if choice == 5:
        half = 1 if m <= 6 else 2
        text = rng.choice((f"{y}-H{half}", f"{('första', 'andra')[half - 1]} halvåret {y}"))
        return text, month_end(y, half * 6)
    if choice == 6:
        for name, first, last in SEASONS:
            if first <= m <= last:
                return f"{name} {y}", month_end(y, last)
        if m == 12:
            return f"vintern {y}/{y + 1}", month_end(y + 1, 2)
        return f"vintern {y - 1}/{y}", month_end(y, 2)
    if choice == 7:
        if quarter == 1:
            return f"början av {y}", month_end(y, 3)
        if quarter == 4:
            return f"slutet av {y}", month_end(y, 12)
        return f"kvartal {quarter} {y}", month_end(y, quarter * 3)
    if choice == 8:
        return rng.choice((f"under {y}", str(y))), date(y, 12, 31)
    # a span of two quarters or months, as in activity plans
    if quarter < 4:
        return f"kvartal {quarter} och {quarter + 1} {y}", month_end(y, quarter * 3 + 3)
    return f"kvartal 4 {y} – kvartal 1 {y + 1}", month_end(y + 1, 3)


# --- one file ------------------------------------------------------------------------------


def _dnr_serial(index: int, secondary: bool) -> int:
    # A bijection on 0..49 999 (7919 is prime, coprime to 50 000); primaries and secondaries
    # use disjoint ranges, so every dnr is unique across the corpus for up to 50 000 files.
    serial = (index * 7919) % 50_000 + 1000
    return serial + 50_000 if secondary else serial


@dataclass
class _Person:
    id: str
    name: str
    role: str
    agency: str
    email: str | None


def generate_file(seed: int, index: int) -> GeneratedFile:
    rng = random.Random(f"{seed}:{index}")
    ministry, prefix, appropriations, agencies = DEPARTMENTS[rng.randrange(len(DEPARTMENTS))]
    size = rng.random()
    large = size < 0.1
    medium = 0.1 <= size < 0.4

    decided = date(2023, 1, 1) + timedelta(days=rng.randrange(365 * 3 + 60))
    title = f"{rng.choice(VERBS)} {rng.choice(AREAS)}"
    stem = f"{slug(title)[:60].strip('-')}-{index:05d}"
    dnr_year = decided.year
    dnrs = [f"{prefix}{dnr_year}/{_dnr_serial(index, False):05d}"]
    if rng.random() < 0.15:
        dnrs.append(f"{prefix}{dnr_year}/{_dnr_serial(index, True):05d}")
    if rng.random() < 0.05:
        dnrs[0] += " (delvis)"

    roll = rng.random()
    status = "pågående" if roll < 0.85 else ("avslutat" if roll < 0.95 else "återkallat")
    n_agencies = 1 + (rng.random() < 0.3) + (large and rng.random() < 0.5)
    own = rng.sample(agencies, min(n_agencies, len(agencies)))
    lead = own[0]

    # People: none for some small files, many for large ones.
    if large:
        n_people = rng.randint(5, 15)
    elif medium:
        n_people = rng.randint(1, 4)
    else:
        n_people = rng.choice((0, 0, 1, 1, 2))
    people: list[_Person] = []
    used_ids: set[str] = set()
    for _ in range(n_people):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        pid = slug(name)
        n = 2
        while pid in used_ids:
            pid, n = f"{slug(name)}-{n}", n + 1
        used_ids.add(pid)
        agency = rng.choice(own)
        email = None
        if rng.random() < 0.6:
            domain = slug(agency).split("-")[0]
            email = f"{pid.replace('-', '.')}@{domain}.se"
        people.append(_Person(pid, name, rng.choice(ROLES), agency, email))

    def responsible() -> str | None:
        return rng.choice(people).id if people and rng.random() < 0.75 else None

    # Timeline: first report a few months after the decision, final report 1–5 years later.
    end = decided + timedelta(days=rng.randint(365, 365 * 5))
    if status == "avslutat":
        end = min(end, TODAY - timedelta(days=rng.randint(10, 400)))
        end = max(end, decided + timedelta(days=60))
    if large:
        n_deadlines = rng.randint(6, 9)
    elif medium:
        n_deadlines = rng.randint(3, 6)
    else:
        n_deadlines = rng.randint(2, 3)
    recipient = f"Regeringskansliet ({ministry})"
    closed = status == "avslutat"
    events = 0

    lines: list[str] = []
    add = lines.append
    add(f"# Genererad testdata (benchmarks/generate.py, seed {seed}, nr {index}).")
    add(f"# Beslut {dnrs[0]} den {spoken(decided)}; källtexterna är påhittade men typiska.")
    add(f"titel: {q(title)}")
    add(f"diarienummer: [{', '.join(dnrs)}]")
    add(f"departement: {ministry}")
    add(f"beslutad: {decided.isoformat()}")
    add(f"status: {status}")
    if rng.random() < 0.5:
        add(f"källa: https://www.regeringen.se/regeringsuppdrag/{decided.year}/{stem}/")
    tags = rng.sample(TAGS, rng.randint(0, 3))
    if tags:
        add(f"taggar: [{', '.join(tags)}]")
    add("myndigheter:")
    for i, agency in enumerate(own):
        add(f"  - namn: {q(agency)}")
        if i == 0:
            add("    huvudansvarig: true")
            if rng.random() < 0.5:
                own_dnr = f"{rng.randint(1, 9)}.{rng.randint(1, 9)}-{rng.randint(1000, 99999)}"
                add(f"    diarienummer: {own_dnr}/{decided.year}")
    if people:
        add("personer:")
        if large:
            add("  # Rollerna enligt myndighetens genomförandeplan.")
        for p in people:
            add(f"  - id: {p.id}")
            add(f"    namn: {p.name}")
            add(f"    roll: {p.role}")
            if p.email:
                add(f"    epost: {p.email}")
            add(f"    myndighet: {q(p.agency)}")

    # --- redovisningar ---
    add("redovisningar:")
    span_days = (end - decided).days
    used_kinds: list[str] = []
    pool = ["delredovisning", "årlig redovisning", "delredovisning", "ekonomisk redovisning"]
    if rng.random() < 0.5:
        used_kinds.append("plan")
    money_kinds = rng.random() < 0.3
    if money_kinds:
        used_kinds += ["rekvisition", "återbetalning"]
    while len(used_kinds) < n_deadlines - 1:
        used_kinds.append(rng.choice(pool))
    used_kinds = used_kinds[: max(1, n_deadlines - 1)]
    ongoing = rng.random() < 0.12
    recurring_left = 1 if rng.random() < 0.35 else 0
    ids: set[str] = set()

    def unique_id(base: str) -> str:
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.add(candidate)
        return candidate

    def delivered_for(due: date) -> date | None:
        if due >= TODAY and not closed:
            return None
        if closed or rng.random() < 0.9:
            return due - timedelta(days=rng.choice((0, 1, 2, 3, 7, 14)))
        return None  # overdue

    # Interim deadlines fall strictly between the decision and the final report.
    step = max(span_days // (len(used_kinds) + 1), 20)
    requisition_day: date | None = None
    for k, kind in enumerate(used_kinds):
        due = decided + timedelta(days=step * (k + 1) - rng.randint(0, min(step // 2, 30)))
        due = min(due, end - timedelta(days=1))
        if kind == "återbetalning" and requisition_day is not None:
            due = max(due, requisition_day + timedelta(days=30))
            due = min(due, end - timedelta(days=1))
            if due < requisition_day:
                kind = "ekonomisk redovisning"
        if kind == "rekvisition":
            requisition_day = due
        mottagare = "Kammarkollegiet" if kind in ("rekvisition", "återbetalning") else recipient
        base = {"årlig redovisning": "lagesrapport", "ekonomisk redovisning": "ekonomi"}.get(
            kind, slug(kind)
        )
        did = unique_id(base)
        add(f"  - id: {did}")
        add(f"    typ: {kind}")
        if rng.random() < 0.8:
            add(f"    titel: {q(DEADLINE_TITLES[kind])}")
        who = responsible()
        recurring = (
            recurring_left > 0
            and kind in ("delredovisning", "årlig redovisning", "ekonomisk redovisning")
            and (end - due).days > 400
        )
        if recurring:
            recurring_left -= 1
            every = rng.choices(
                ("årligen", "halvårsvis", "kvartalsvis", "månadsvis"), (6, 2, 2, 1)
            )[0]
            months = {"årligen": 12, "halvårsvis": 6, "kvartalsvis": 3, "månadsvis": 1}[every]
            first = due.replace(day=min(due.day, 28))
            if every == "årligen" and rng.random() < 0.5:
                first = rng.choice((date(due.year, 3, 31), date(due.year, 10, 15)))
                if first <= decided:
                    first = first.replace(year=first.year + 1)
            occurrences = [first]
            while True:
                following = add_months(occurrences[-1], months)
                if following >= end or len(occurrences) >= 24:
                    break
                occurrences.append(following)
            if len(occurrences) < 2:
                occurrences.append(add_months(first, months))
            if occurrences[-1] >= end:
                end = occurrences[-1] + timedelta(days=rng.randint(30, 200))
            add("    # Återkommande: myndighetens val av datum, beslutet säger bara intervallet.")
            add(f"    datum: {first.isoformat()}")
            add(f"    upprepas: {every}")
            add(f"    till: {occurrences[-1].isoformat()}")
            done = {d: delivered_for(d) for d in occurrences}
            pairs = [f"{d.isoformat()}: {v.isoformat()}" for d, v in done.items() if v is not None]
            # A withdrawn assignment has no occurrences, so nothing to mark per occurrence.
            if pairs and status != "återkallat":
                add(f"    inlämnad: {{{', '.join(pairs)}}}")
            if status != "återkallat":
                events += len(occurrences)
            sentence = (
                f"{lead} ska {every} redovisa hur arbetet fortlöper till {recipient}, "
                f"första gången senast den {spoken(first)}."
            )
        else:
            vague = kind in ("delredovisning", "årlig redovisning", "plan") and rng.random() < 0.35
            if vague:
                text, period_end = period_around(rng, due)
                if period_end >= end:
                    text, period_end = due.isoformat(), due
                add(f"    datum: {q(text)}")
                due = period_end
                sentence = f"{lead} ska lämna en {kind} till {recipient} , {text}."
            else:
                add(f"    datum: {due.isoformat()}")
                sentence = f"{lead} ska senast den {spoken(due)} lämna en {kind} till {mottagare}."
            if rng.random() < 0.05:
                old = due - timedelta(days=rng.randint(20, 120))
                add("    ändringar:")
                add(f"      - datum: {old.isoformat()}")
                add(f"        beslut: {prefix}{due.year}/{_dnr_serial(index, True) + 1:05d}")
            got = delivered_for(due)
            if got is not None:
                add(f"    inlämnad: {got.isoformat()}")
            if status != "återkallat":
                events += 1
        add(f"    mottagare: {q(mottagare)}")
        if who:
            add(f"    ansvarig: {who}")
        if rng.random() < 0.7:
            add(f"    källtext: {q(sentence)}")
    if ongoing:
        add(f"  - id: {unique_id('lopande-information')}")
        add("    typ: övrigt")
        add(f"    titel: {q(DEADLINE_TITLES['övrigt'])}")
        add("    löpande: true")
        add(f"    mottagare: {q(recipient)}")
        add(f"    källtext: {q(f'{lead} ska löpande informera {recipient} om arbetet.')}")
    final_due = end
    add(f"  - id: {unique_id('slutredovisning')}")
    add("    typ: slutredovisning")
    add(f"    titel: {q(DEADLINE_TITLES['slutredovisning'])}")
    if rng.random() < 0.25:
        text, period_end = period_around(rng, end)
        add(f"    datum: {q(text)}")
        final_due = period_end
    else:
        add(f"    datum: {end.isoformat()}")
    final_got = delivered_for(final_due)
    if final_got is not None:
        add(f"    inlämnad: {final_got.isoformat()}")
    if status != "återkallat":
        events += 1
    add(f"    mottagare: {q(recipient)}")
    who = responsible()
    if who:
        add(f"    ansvarig: {who}")
    add(
        "    källtext: "
        + q(
            f"{lead} ska senast den {spoken(end)} lämna en slutredovisning av uppdraget "
            f"till {recipient}."
        )
    )

    # --- aktiviteter ---
    if large:
        n_activities = rng.randint(20, 40)
    elif medium:
        n_activities = rng.randint(2, 10)
    else:
        n_activities = rng.choice((0, 0, 1, 2, 3))
    if n_activities:
        add("aktiviteter:")
        add("  # Myndighetens egna milstolpar enligt genomförandeplanen.")
        for _ in range(n_activities):
            day = decided + timedelta(days=rng.randrange(max(span_days, 1)))
            what = rng.choice(ACTIVITY_VERBS)
            add(f"  - titel: {q(what)}")
            if rng.random() < 0.3:
                text_or_day = spoken(day)
                add(f"    period: {day.isoformat()}")
            else:
                text_or_day, _end = period_around(rng, day)
                add(f"    period: {q(text_or_day)}")
            who = responsible()
            if who:
                add(f"    ansvarig: {who}")
            if day < TODAY and rng.random() < 0.7:
                add("    klar: true")
            if rng.random() < 0.3:
                row = "\t".join((what, text_or_day, lead))  # a row of the plan's table
                add(f"    källtext: {q(row)}")

    # --- budget ---
    if rng.random() < 0.6:
        add("budget:")
        n_lines = 1 + (large and rng.random() < 0.6)
        first_year, last_year = decided.year, max(end.year, decided.year)
        for line_no in range(n_lines):
            agency = own[line_no % len(own)]
            add(f"  - myndighet: {q(agency)}")
            if rng.random() < 0.6:
                area, approp, name = rng.choice(appropriations)
                item = f", anslagspost: {rng.randint(1, 30)}" if rng.random() < 0.4 else ""
                add(
                    f'    anslag: {{utgiftsområde: {area}, anslag: "{approp}"{item}, '
                    f"namn: {q(name, flow=True)}}}"
                )
            else:
                add("    # Beslutet namnger inget anslag.")
            ceilings: dict[tuple[int, int], int] = {}
            add("    år:")
            if rng.random() < 0.15 and last_year > first_year:
                total = rng.randint(5, 60) * 1_000_000
                add(f"      {first_year}–{last_year}: {{beviljat: {amount(rng, total)}}}")
                ceilings[(first_year, last_year)] = total
            else:
                for year in range(first_year, last_year + 1):
                    planned = rng.randint(1, 80) * 100_000
                    if year <= TODAY.year and rng.random() < 0.7:
                        granted = planned - rng.choice((0, 0, 100_000, 250_000, 29_000))
                        granted = max(granted, 100_000)
                        if rng.random() < 0.5:
                            add(
                                f"      {year}: {{beräknat: {amount(rng, planned)}, "
                                f"beviljat: {amount(rng, granted)}}}"
                            )
                        else:
                            add(f"      {year}: {{beviljat: {amount(rng, granted)}}}")
                        ceilings[(year, year)] = granted
                    else:
                        add(f"      {year}: {{beräknat: {amount(rng, planned)}}}")
                        ceilings[(year, year)] = planned
            spent: list[str] = []
            for (start_year, stop_year), ceiling in ceilings.items():
                if start_year > TODAY.year:
                    continue
                left = ceiling * rng.choice((50, 70, 90, 100)) // 100
                for _ in range(rng.randint(0, 3)):
                    year = rng.randint(start_year, min(stop_year, TODAY.year))
                    last_month = 12 if year < TODAY.year else max(TODAY.month - 1, 1)
                    day = date(year, rng.randint(1, last_month), rng.randint(1, 28))
                    value = min(left, rng.randint(1, 40) * 50_000)
                    if value <= 0:
                        break
                    left -= value
                    what = rng.choice(
                        ("rekvisition Kammarkollegiet", "lönekostnader", "konsultstöd", "")
                    )
                    text = f", text: {q(what, flow=True)}" if what else ""
                    spent.append(
                        f"      - {{datum: {day.isoformat()}, belopp: {amount(rng, value)}{text}}}"
                    )
            if spent:
                add("    utfall:")
                lines.extend(sorted(spent))
            if rng.random() < 0.7:
                sentence = (
                    f"Regeringen beräknar att {in_words(rng.randint(1, 9) * 1_000_000)} kommer "
                    f"att avsättas för uppdraget under {first_year}, under förutsättning att "
                    "riksdagen anvisat medel för det aktuella anslaget."
                )
                add(f"    källtext: {q(sentence)}")
    if rng.random() < 0.2:
        add(f"anteckning: {q('Stäm av med ' + ministry + ' om ändrade tidsramar.')}")
    return GeneratedFile(f"{stem}.yaml", "\n".join(lines) + "\n", events)


def generate(n: int, seed: int = 1) -> Iterator[GeneratedFile]:
    for index in range(n):
        yield generate_file(seed, index)


def files_for_events(target: int, seed: int = 1, limit: int = 100_000) -> int:
    """The number of files whose calendar holds at least `target` events."""
    total = 0
    for index in range(limit):
        total += generate_file(seed, index).events
        if total >= target:
            return index + 1
    return limit


def write_corpus(out: Path, n: int, seed: int = 1) -> tuple[Path, int]:
    """Write DIR/data/uppdrag/*.yaml; returns the data directory and the expected events."""
    data = out / "data" / "uppdrag"
    data.mkdir(parents=True, exist_ok=True)
    for old in data.glob("*.yaml"):
        old.unlink()
    events = 0
    for item in generate(n, seed):
        (data / item.name).write_text(item.text, encoding="utf-8")
        events += item.events
    return data, events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, required=True, help="antal uppdragsfiler")
    parser.add_argument("--out", type=Path, required=True, help="katalog; filerna i data/uppdrag")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    data, events = write_corpus(args.out, args.n, args.seed)
    sys.stderr.write(f"{args.n} filer i {data}, {events} kalenderhändelser\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
