"""Which feeds `uppdrag ical --per-person` writes, their file names and the index page. Pure."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from uppdragskoll import people
from uppdragskoll.schedule import Occurrence

ALL_FILE = "alla.ics"
INDEX_FILE = "index.html"
GENERATOR = "uppdragskoll"  # <meta name="generator">: marks an index.html this tool wrote
MAX_SLUG = 60
# Letters that NFKD does not split into a base letter and a mark.
_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "œ": "oe", "ð": "d"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Feed:
    """One calendar file: its name in the folder, who it is for, and what it holds."""

    filename: str
    kind: str  # "alla", "person" or "myndighet"
    label: str
    occurrences: tuple[Occurrence, ...]

    @property
    def title(self) -> str:
        return {"alla": "Alla redovisningar", "person": "Person", "myndighet": "Myndighet"}[
            self.kind
        ]


def slug(text: str) -> str:
    """ASCII, lower case, digits and single hyphens: safe on every file system and in a URL.

    `Lena Jönsson` → `lena-jonsson`. Reserved Windows names (CON, NUL …) cannot arise because
    every feed name has a prefix (`person-`, `myndighet-`).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)
    cleaned = _NOT_SLUG.sub("-", ascii_only.encode("ascii", "ignore").decode("ascii"))
    return cleaned.strip("-")[:MAX_SLUG].strip("-") or "namnlos"


def unique_names(candidates: Sequence[tuple[str, str]], taken: set[str]) -> list[str]:
    """One distinct name per item, in the given (sorted) order.

    Each candidate is (short, long): the short slug when only one item has it, else the long
    one; what still collides gets `-2`, `-3` … in order, so the names are deterministic.
    """
    shorts = [short for short, _ in candidates]
    names: list[str] = []
    used = set(taken)
    for short, long in candidates:
        name = short if shorts.count(short) == 1 else long
        if name in used:
            n = 2
            while f"{name}-{n}" in used:
                n += 1
            name = f"{name}-{n}"
        used.add(name)
        names.append(name)
    return names


def _is_agency(group: people.Group) -> bool:
    """A real agency's group: its label is an agency named on one of its occurrences."""
    for occ in group.occurrences:
        person = occ.assignment.person(occ.deadline.responsible)
        named = {a.name for a in occ.assignment.agencies}
        if group.label in named or (person is not None and group.label == person.agency):
            return True
    return False


def plan_feeds(occurrences: Sequence[Occurrence]) -> list[Feed]:
    """`alla.ics`, then one feed per responsible person, then one per agency.

    People are grouped as in `uppdrag ansvariga`: by name, e-mail and agency, so one person
    named in several files gets one feed. Agencies are grouped by `people.by_agency`, as in
    `uppdrag ansvariga`: an occurrence is in the feed of every agency named in its assignment's
    `myndigheter` (and its responsible person's). Deadlines with no responsible person are only
    in `alla.ics` and their agencies' feeds; with no agency at all, only in `alla.ics`.
    """
    feeds = [Feed(ALL_FILE, "alla", "Alla", tuple(occurrences))]
    groups, _nobody = people.by_person(occurrences)
    who = [people.responsible_of(g.occurrences[0]) for g in groups]
    person_slugs = unique_names(
        [
            (slug(p.name), slug(f"{p.name} {p.agency or ''}")) if p else ("namnlos", "namnlos")
            for p in who
        ],
        set(),
    )
    for group, name in zip(groups, person_slugs, strict=True):
        feeds.append(Feed(f"person-{name}.ics", "person", group.label, group.occurrences))
    # people.by_agency decides who an occurrence belongs to (every agency of the assignment,
    # as in `uppdrag ansvariga`); its catch-all group for "no agency" gets no feed.
    groups = [g for g in people.by_agency(occurrences) if _is_agency(g)]
    groups.sort(key=lambda g: (g.label.casefold(), g.label))
    agency_slugs = unique_names([(slug(g.label), slug(g.label)) for g in groups], set())
    for group, name in zip(groups, agency_slugs, strict=True):
        feeds.append(Feed(f"myndighet-{name}.ics", "myndighet", group.label, group.occurrences))
    return feeds


def feed_name(calendar_name: str, feed: Feed) -> str:
    return calendar_name if feed.kind == "alla" else f"{calendar_name} – {feed.label}"


def _links(feed: Feed, base_url: str | None) -> str:
    name = html.escape(feed.filename)
    if base_url:
        https = base_url.rstrip("/") + "/" + feed.filename
        webcal = "webcal://" + https.split("://", 1)[1]
        return (
            f'<a href="{html.escape(webcal)}">Prenumerera (webcal)</a> · '
            f'<a href="{html.escape(https)}">https-länk</a>'
            f" <code>{html.escape(https)}</code>"
        )
    # Without a known address the page finds its own: the script below turns these into
    # webcal:// and absolute https links; without JavaScript they still point at the file.
    return (
        f'<a class="webcal" href="{name}" data-fil="{name}">Prenumerera (webcal)</a> · '
        f'<a href="{name}">https-länk</a> <code data-fil="{name}">{name}</code>'
    )


_SCRIPT = """<script>
for (const el of document.querySelectorAll("[data-fil]")) {
  const url = new URL(el.dataset.fil, location.href);
  if (el.tagName === "CODE") { el.textContent = url.href; }
  else if (url.protocol === "https:" || url.protocol === "http:") {
    el.href = "webcal://" + url.host + url.pathname;
  }
}
</script>
"""


def index_html(feeds: Sequence[Feed], calendar_name: str, base_url: str | None = None) -> str:
    """A self-contained Swedish page listing every feed with its subscription links."""
    title = html.escape(calendar_name)
    sections: list[str] = []
    for kind, heading in (
        ("alla", "Alla redovisningar"),
        ("person", "Per ansvarig person"),
        ("myndighet", "Per myndighet"),
    ):
        chosen = [f for f in feeds if f.kind == kind]
        if not chosen:
            continue
        items = "\n".join(
            f"<li><strong>{html.escape(f.label)}</strong> ({len(f.occurrences)} "
            f"{'redovisning' if len(f.occurrences) == 1 else 'redovisningar'}): "
            f"{_links(f, base_url)}</li>"
            for f in chosen
        )
        sections.append(f"<h2>{heading}</h2>\n<ul>\n{items}\n</ul>")
    body = "\n".join(sections)
    script = "" if base_url else _SCRIPT
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR}">
<title>{title} – kalenderflöden</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.5; }}
code {{ word-break: break-all; font-size: 0.9em; }}
li {{ margin-bottom: 0.4rem; }}
</style>
</head>
<body>
<h1>{title} – kalenderflöden</h1>
<p>Prenumerera på ett flöde så uppdateras kalendern när uppdragsfilerna ändras.
<strong>Outlook</strong> (webben): Lägg till kalender → Prenumerera från webben, klistra in
https-länken. <strong>Google Kalender</strong>: Andra kalendrar → + → Från webbadress.
<strong>Apple Kalender</strong> och <strong>Thunderbird</strong>: klicka på webcal-länken.</p>
<p>Kalenderprogrammen hämtar flödet när de själva vill: Google och Outlook.com ofta bara
några gånger per dygn, så en ändring kan dröja upp till ett dygn innan den syns.</p>
{body}
{script}</body>
</html>
"""
