"""Decision text as read from a PDF or web page: noise cleanup, structure, sentences. Pure.

Every cleaned character remembers the offset of the input character it came from, so a fact
found in the cleaned text can point back into the original input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from .dates import MONTHS

# --- offset-preserving text -------------------------------------------------------------------


@dataclass(frozen=True)
class Mapped:
    """Text plus, for each character (and one past the end), its offset in the input."""

    text: str
    pos: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span [start, end) of cleaned text [start, end)."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            return self.pos[start], self.pos[start]
        return self.pos[start], self.pos[end - 1] + 1


class _Builder:
    def __init__(self, source: Mapped) -> None:
        self._src = source
        self._chars: list[str] = []
        self._pos: list[int] = []

    def copy(self, start: int, end: int) -> None:
        """Append source text [start, end) unchanged."""
        self._chars.append(self._src.text[start:end])
        self._pos.extend(self._src.pos[start:end])

    def put(self, text: str, start: int, end: int | None = None) -> None:
        """Append `text` as a replacement of source [start, end) (a point when end is None)."""
        if not text:
            return
        first = self._src.pos[min(start, len(self._src.text))]
        last = first if end is None or end <= start else self._src.pos[end - 1]
        self._chars.append(text)
        if len(text) == 1:
            self._pos.append(first)
        else:
            # Spread the replacement over the source span: first char -> first, last -> last.
            step = len(text) - 1
            self._pos.extend(first + (last - first) * i // step for i in range(len(text)))

    @property
    def length(self) -> int:
        return len(self._pos)

    def mark(self) -> int:
        return len(self._chars)

    def text_from(self, mark: int) -> str:
        return "".join(self._chars[mark:])

    def build(self, end_pos: int | None = None) -> Mapped:
        text = "".join(self._chars)
        tail = self._src.pos[-1] if end_pos is None else end_pos
        return Mapped(text, (*self._pos, tail))


def _substitute(
    source: Mapped, pattern: re.Pattern[str], replace: dict[str, str] | str | None = None
) -> Mapped:
    """Replace every match of `pattern` by replace[match], or by `replace` itself when it is a
    string (default: delete it)."""
    out = _Builder(source)
    last = 0
    for m in pattern.finditer(source.text):
        out.copy(last, m.start())
        new = replace if isinstance(replace, str) else (replace or {}).get(m.group(), "")
        out.put(new, m.start(), m.end())
        last = m.end()
    out.copy(last, len(source.text))
    return out.build()


def _delete_group(source: Mapped, pattern: re.Pattern[str], group: str) -> Mapped:
    """Delete what `group` of each match of `pattern` spans, keep the rest of the match."""
    out = _Builder(source)
    last = 0
    for m in pattern.finditer(source.text):
        out.copy(last, m.start(group))
        out.put("", m.start(group), m.end(group))
        last = m.end(group)
    out.copy(last, len(source.text))
    return out.build()


def decode_text(raw: bytes) -> str:
    """A text file's bytes as text, whatever a Windows editor saved it as: UTF-8 (with or
    without BOM), UTF-16 (Notepad's "Unicode", with BOM or not) or Windows-1252 ("ANSI")."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    head = raw[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 >= len(head):
        # UTF-16 without BOM: every other byte of Latin text is NUL
        order = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return raw[: len(raw) // 2 * 2].decode(order, errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def as_mapped(text: str) -> Mapped:
    """Text whose characters map to themselves."""
    return Mapped(text, tuple(range(len(text) + 1)))


# --- character noise ----------------------------------------------------------------------------

_CHAR_MAP = {
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0c": "\n",  # form feed between PDF pages
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}
_CHAR_RE = re.compile("|".join(re.escape(k) for k in sorted(_CHAR_MAP, key=len, reverse=True)))


def _mojibake() -> dict[str, str]:
    """UTF-8 text read as Windows-1252 or Latin-1 ("fÃ¶r", "â€“"), back to what it was."""
    out: dict[str, str] = {}
    for char in [chr(c) for c in range(0xA0, 0x100)] + list("–—‘’‚“”„…•€™"):
        for encoding in ("latin-1", "cp1252"):
            try:
                out[char.encode("utf-8").decode(encoding)] = char
            except UnicodeDecodeError:
                continue  # (bytes Windows-1252 leaves undefined)
    return out


_MOJIBAKE_MAP = _mojibake()
_MOJIBAKE_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(_MOJIBAKE_MAP, key=len, reverse=True))
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


# "**senast den 29 september** 2017": bold from a page saved as Markdown
_MARKDOWN_BOLD = re.compile(r"\*\*")


# "högst l miljon kronor", "anslaget l : 1": a scanned "1" read as the letter l, which
# stands alone nowhere else in Swedish prose
_LETTER_ONE = re.compile(
    r"(?<![\wåäöÅÄÖ])l(?=\s+(?:miljon|miljoner|miljard|miljarder)\b|\s*:\s*\d)"
    r"|(?<=\d:)l(?![\wåäöÅÄÖ])|(?<=\d\s:\s)l(?![\wåäöÅÄÖ])"
)


# "senast den 1 S april 2021", "den l5 mars": a scanned day number with S for 5, O for 0
# or l for 1 (only right before a month's name, where no letter belongs)
_MONTH_AHEAD = rf"(?=\s+(?:{'|'.join(MONTHS)})\b)"
_SCANNED_DAY = re.compile(
    rf"(?<=\bden\s\d)\s?[SO]{_MONTH_AHEAD}|(?<=\bden\s)[lI](?=\d{_MONTH_AHEAD})", re.I
)
# "Uppdragen ska: • genomföras … och redovisas löpande. • genomföras så länge …": list items
# that a PDF's text layer ran together on one line start lines of their own
_INLINE_BULLET = re.compile(r"(?<=[^\s•▪●])[ \t]+(?=[•▪●][ \t]+\S)")
# "Senast den 31 augusti. 2019 ska …": a stray full stop between a day's month and its year
_STRAY_STOP = re.compile(
    rf"\b\d{{1,2}}\s(?:{'|'.join(MONTHS)})(?P<stop>\.)(?=\s(?:19|20)\d\d\s+[a-zåäö])"
)
# every text _SCANNED_DAY matches ("S", " S", "o", "l", …) and the digit it stands for
_SCANNED_DIGIT = {
    space + letter: digit
    for letters, digit in (("sS", "5"), ("oO", "0"), ("lLiI", "1"))
    for letter in letters
    for space in ("", " ")
}


# "till Regerings kansliet (Socialdepartementet)", "ska redo visas löpande": a word the
# importer keys on, split in two by a PDF's layout
_SPLIT_NAME = re.compile(
    r"(?<=\bRegerings)(?:[ \t]+\n?[ \t]*|\n[ \t]*)(?=kansliet\b)"
    r"|(?<=redo)(?:[ \t]+\n?[ \t]*|\n[ \t]*)(?=vis(?:a|as|ar|ning|ningen|ningar)\b)"
    # "Regerings-kansliet", "Konstnärs-nämnden", "Ekobrotts-myndigheten": a soft hyphen that
    # became a hard one inside a name (not "EU-kommissionen", not "Havs- och …")
    r"|(?<=[a-zåäö]{3})-(?=(?:kansliet|departementet|nämnden|styrelsen|verket|myndigheten|"
    r"kollegiet|inspektionen|ämbetet|förmedlingen)\b)",
    re.I,
)
# "Myndigheten för ungdoms-och civilsamhällesfrågor", "Landsbygdsoch infrastrukturdepartementet":
# the space (or the hyphen too, before a department) of a shortened compound's "- och" lost
_GLUED_AND = re.compile(
    r"(?<=[a-zåäö])-och(?=[ \t]+[a-zåäö])|(?<=[a-zåäö]s)och(?=[ \t]+[a-zåäö]+departementet\b)"
)


def normalise_chars(raw: str) -> Mapped:
    """UTF-8 read as Windows-1252 ("fÃ¶r") is put right, NBSP and friends become spaces, soft
    hyphens, zero-width characters and Markdown's bold marks disappear, a lone l read for the
    digit 1 in an amount becomes 1, a
    "Regerings kansliet" or "redo visas" split by the layout is joined and a lost "- och"
    ("ungdoms-och civilsamhällesfrågor", "Landsbygdsoch infrastrukturdepartementet") put
    back."""
    mapped = _substitute(as_mapped(raw), _MOJIBAKE_RE, _MOJIBAKE_MAP)
    mapped = _substitute(mapped, _CHAR_RE, _CHAR_MAP)
    mapped = _substitute(mapped, _MARKDOWN_BOLD, {})
    mapped = _substitute(mapped, _LETTER_ONE, {"l": "1"})
    mapped = _substitute(mapped, _SCANNED_DAY, _SCANNED_DIGIT)
    mapped = _delete_group(mapped, _STRAY_STOP, "stop")
    mapped = _substitute(mapped, _INLINE_BULLET, "\n")
    mapped = _substitute(mapped, _SPLIT_NAME, {})
    mapped = _substitute(mapped, _GLUED_AND, {"och": "- och", "-och": "- och"})
    return _substitute(mapped, _CONTROL_RE, {})


# --- OCR repair ---------------------------------------------------------------------------------

# Words whose å/ä/ö an OCR engine tends to mangle ("for", "stédja", "arligen", "f6lja", "&r"):
# a mangled one tells a damaged text (`looks_ocr_damaged`), and each is in the word list that
# repairs it (`_ocr_lexicon`) even where the clean decisions have it too rarely.
_OCR_VOCABULARY = """
för är på år året åren årligen årlig årliga årets års årsredovisning årsredovisningen
återbetalas återbetala återbetalning återbetalningen återrapportera återrapporteras
återrapportering lämna lämnas lämnar lämnats lämnat även också får fått användas använda
använt använts beräknar beräknas beräknat beräknade högst halvåret halvår utgången före
följa följer följande främja stödja stödjer stöd stödet hälso hälsa hälsan sjukvården
sjukvård vård vården vårdens närmare nära därför där när så då mål målen målgrupper län
både någon några gäller genomföra genomfört genomförs genomförande genomförandet
läkemedelsverket folkhälsomyndigheten förordning förordningen förutsättning
förutsättningar redogörelse hänvisa ändamål ändra ändras ändring ändringar löpande
överlämna överlämnas återkomma första fjärde hösten våren sommaren utgiftsområde
utgiftsområdet omställningen omställning primärvården primärvård tillgänglighet tillgång
tillgången sätt särskilt stärka stärks jämfört ökad öka ökar över sådan sådana såsom väl
vägnar inför fördela fördelas fördelats förslag föreslå förbättra förebygga förebyggande
förstärka fortsätta fortsätter påverka bör behöver kräver ställning myndighetens
uppföljning uppföljningen slutföra slutfört delredovisningarna åtgärder insatser
kommunerna kostnader ersättning åt göra föra län länen länsstyrelsen länsstyrelserna
månad månader månaden början ställs förfogande skälen räkenskapsår budgetår verksamhetsår
näringsdepartementet miljödepartementet försvarsdepartementet näringslivsdepartementet
miljö försäkringskassan tillväxtverket strålsäkerhetsmyndigheten jämställdhetsmyndigheten
naturvårdsverket arbetsförmedlingen kriminalvården försvarsmakten åklagarmyndigheten
riksantikvarieämbetet konstnärsnämnden sjöfartsverket vetenskapsrådet kulturrådet
högskolerådet brottsförebyggande tandvårds läkemedelsförmånsverket vårdanalys
"""
# Mangled forms that are words in their own right, kept as they stand: "de" (då), "andra"
# (ändra), "sitt" (sätt), "ner" (när), "val" (väl), "bor" (bör) …
_OCR_KEEP = frozenset(
    {"de", "se", "sitt", "sett", "satt", "andra", "fortsatta", "ner", "sedan", "sidan", "val"}
    | {"do", "dir", "bor", "or", "stad", "fair", "po", "even", "fora", "mal"}
)

_OCR_SLOT = r"(?:éa|ai|ia|o6|6o|[aoeéèdi6&4@1äåöÄÅÖAOE])"


def _ocr_pattern(word: str) -> str:
    return "".join(_OCR_SLOT if ch in "åäö" else re.escape(ch) for ch in word)


_OCR_WORDS = tuple(dict.fromkeys(w for w in _OCR_VOCABULARY.split() if any(c in w for c in "åäö")))
_OCR_RE = re.compile(
    r"(?<![\w&@])(?:"
    + "|".join(f"(?P<w{i}>{_ocr_pattern(w)})" for i, w in enumerate(_OCR_WORDS))
    + r")(?![\w&@])",
    re.IGNORECASE,
)


_ASCII_FOLD = str.maketrans("åäö", "aao")
# "år" rather than "är" after these words ("per &r", "varje ar", "under ar 2026")
_YEAR_CONTEXT = re.compile(
    r"\b(?:per|varje|samma|nästa|detta|föregående|innevarande|under|i|om|hela|ett|första|"
    r"sista|två|tre|fyra|fem|respektive|\w*kommande)\s+$",
    re.I,
)


# long vocabulary words with their å/ä/ö folded to a/o, as no clean text writes them
_FOLDED_VOCABULARY = (
    frozenset(w.translate(_ASCII_FOLD) for w in _OCR_WORDS if len(w) >= 5) - _OCR_KEEP
)
# a digit, symbol or é where å/ä/ö were ("f6r", "p&", "omstéllningen"; "§" stands in for a pair
# of such characters while a word is repaired): no word of the vocabulary has one
_STRONG_MISREAD = re.compile(r"[0-9&@éè§]")


def looks_ocr_damaged(text: str) -> bool:
    """Swedish prose has about 4 % å/ä/ö among its letters; OCR output that lost them has ~0.
    A text that lost only some of them (or is short) still shows plainly mangled vocabulary
    words, which none of 2 400 clean decisions has: a long one folded to ASCII ("lopande",
    "sarskilt") or one with a digit, symbol or é ("f6r", "p&", "omstéllningen")."""
    letters = sum(1 for c in text if c.isalpha())
    umlauts = sum(1 for c in text if c in "åäöÅÄÖ")
    if letters >= 400 and umlauts / letters < 0.008:
        return True
    # (word by word: the vocabulary's pattern run over a whole text of megabytes is slow)
    for m in _OCR_TOKEN.finditer(text):
        token = m.group().lower()
        if token in _FOLDED_VOCABULARY:
            return True
        if _STRONG_MISREAD.search(token) and _OCR_RE.fullmatch(token):
            return True
    return False


_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")
# What OCR engines print for å/ä/ö, and which letters each can stand for (seed 003: "p&",
# "f6lja", "stédja", "frimja", "dven")
_MISREAD_AS = {
    "6": "ö", "4": "åä", "&": "åä", "@": "åä", "é": "åäö", "è": "åäö", "d": "ä", "i": "ä",
    "e": "ä", "o": "öå", "a": "åä", "§": "åäö",
}  # fmt: skip
# Two characters printed for one å/ä/ö ("néara", "primédrvarden", "moéten", "fo6lja"), read as
# the placeholder "§"; a 1 for the l before one ("14n", "16sningar")
_MISREAD_PAIR = re.compile(r"é[adi]|[aod]é|o6|6o")
_MISREAD_L = re.compile(r"^1(?=[0-9&@éè]|[a-zåäö]*[0-9&@éè])")


# a word as OCR prints it: letters, with digits and symbols where å/ä/ö were
_OCR_TOKEN = re.compile(r"(?<![\w&@])(?=[\w&@]*[^\W\d_])[\w&@]+(?![\w&@])")


def _ocr_key(word: str) -> str:
    """Letters that may be a misread å/ä/ö, and å/ä/ö themselves, as "?": a word and each of
    its misreadings share the key."""
    return "".join("?" if c in "åäö" or c in _MISREAD_AS else c for c in word)


@dataclass(frozen=True)
class _Lexicon:
    counts: dict[str, int]  # how often each word occurs in clean decisions
    by_key: dict[str, tuple[str, ...]]  # words with å/ä/ö under their `_ocr_key`


@cache
def _ocr_lexicon() -> _Lexicon:
    """The word list built by benchmarks/importera/ocr_ordlista.py, plus the vocabulary."""
    counts: dict[str, int] = {}
    text = resources.files(__package__).joinpath("data/ocr_ord.txt").read_text("utf-8")
    for line in text.splitlines():
        word, _, n = line.partition(" ")
        counts[word] = int(n)
    for word in _OCR_WORDS:
        counts[word] = max(counts.get(word, 0), 50)
    by_key: dict[str, list[str]] = {}
    for word in counts:
        if any(c in "åäö" for c in word):
            by_key.setdefault(_ocr_key(word), []).append(word)
    return _Lexicon(counts, {k: tuple(v) for k, v in by_key.items()})


def _fitting(token: str, lexicon: _Lexicon) -> list[str]:
    return [
        word
        for word in lexicon.by_key.get(_ocr_key(token), ())
        if all(
            w == t or (w in "åäö" and w in _MISREAD_AS.get(t, ""))
            for w, t in zip(word, token, strict=True)
        )
    ]


def _compound(token: str, lexicon: _Lexicon) -> list[str]:
    """A compound the list lacks, mended part by part: "sjukhusvérd" is "sjukhus" and "vård",
    "omstéllningsarbetet" is "omställnings" and "arbetet" (a part with no misread character
    stays as it is)."""
    for cut in range(len(token) - 2, 2, -1):
        head, tail = token[:cut], token[cut:]
        heads = [head] if not _STRONG_MISREAD.search(head) else _fitting(head, lexicon)
        if not heads and head.endswith("s"):
            heads = [w + "s" for w in _fitting(head[:-1], lexicon)]
        tails = [tail] if not _STRONG_MISREAD.search(tail) else _fitting(tail, lexicon)
        if heads and tails and (heads != [head] or tails != [tail]):
            best = max(heads, key=lambda w: lexicon.counts.get(w.removesuffix("s"), 0))
            return [best + max(tails, key=lambda w: lexicon.counts.get(w, 0))]
    return []


def _restored(token: str, lexicon: _Lexicon) -> str | None:
    """The word `token` is a misreading of, or None when it stands as it is."""
    if token in _OCR_KEEP or any(c in "åäö" for c in token) or len(token) > 40:
        return None
    fitting = _fitting(token, lexicon)
    if not fitting and _STRONG_MISREAD.search(token):
        variant = _MISREAD_L.sub("l", _MISREAD_PAIR.sub("§", token))
        fitting = _fitting(variant, lexicon) or _compound(variant, lexicon)
    if not fitting:
        return None
    best = max(fitting, key=lambda w: (lexicon.counts.get(w, 0), w))
    if _STRONG_MISREAD.search(token):
        return best  # no word is written so
    # a word in its own right unless the restored word is far more common ("far" -> "får",
    # but "sitt" stays)
    return best if lexicon.counts.get(best, 0) > 10 * lexicon.counts.get(token, 0) else None


def repair_ocr(source: Mapped) -> Mapped:
    """Restore å/ä/ö in the words of an OCR-damaged text (only call when damaged): each word
    that a misreading of a known word could be ("f6lja", "p&", "lopande", "Malmo") becomes the
    most common such word, unless it is a common word as it stands ("andra", "de")."""
    out = _Builder(source)
    last = 0
    lexicon = _ocr_lexicon()
    for m in _OCR_TOKEN.finditer(source.text):
        found = m.group()
        word = _restored(found.lower(), lexicon)
        if word is None:
            continue
        if word in ("är", "år") and (
            _YEAR_CONTEXT.search(source.text, max(0, m.start() - 30), m.start())
            or _YEAR_AFTER.match(source.text, m.end())
        ):
            word = "år"  # "per &r 2018 och 2019", "varje ar", "&r 2026"
        if found.lower() == word:
            continue
        if found.isupper() and len(found) > 1:
            word = word.upper()
        elif found[:1].isupper():
            word = word[:1].upper() + word[1:]
        out.copy(last, m.start())
        out.put(word, m.start(), m.end())
        last = m.end()
    out.copy(last, len(source.text))
    return out.build()


# --- lines, headings, paragraphs ------------------------------------------------------------

_PAGE_LINE = re.compile(
    r"\s*(?:\d{1,3}\s*\(\s*\d{1,3}\s*\)|(?:sida|s\.)\s*\d{1,3}(?:\s*(?:av|/|\()\s*\d{1,3}\)?)?"
    r"|-\s*\d{1,3}\s*-|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})\s*",
    re.IGNORECASE,
)


class Region(Enum):
    """What a stretch of a decision is: only BODY holds the government's instructions."""

    HEADER = "header"  # letterhead before the title: dnr, date, department, addressee
    BODY = "body"
    BACKGROUND = "background"
    SIGNATURE = "signature"  # "På regeringens vägnar" and the names under it
    COPIES = "copies"  # "Kopia till" list


# Headings compared after folding case and dropping punctuation.
_BACKGROUND_HEADINGS = ("bakgrund", "tidigare uppdrag", "ärendet", "nuvarande förhållanden")
_BODY_HEADINGS = (
    "regeringens beslut",
    "skälen för regeringens beslut",
    "skälen för beslutet",
    "närmare om uppdraget",
    "uppdraget",
    "uppdragets genomförande",
    "uppdragets omfattning",
    "genomförande och redovisning",
    "redovisning av uppdraget",
    "redovisning",
    "ekonomiska förutsättningar",
    "finansiering",
    "finansiering av uppdraget",
    "kostnader",
    "beslut",
)


_MARKDOWN = re.compile(r"^\s*#{1,6}\s+|\*\*|__")


def _heading_key(line: str) -> str:
    line = _MARKDOWN.sub("", line)  # "## Bakgrund", "**Bakgrund**" pasted from markdown
    return " ".join(re.sub(r"[^\wåäöÅÄÖ ]+", " ", line).lower().split())


def is_title_line(line: str) -> bool:
    """The title of a decision: "Uppdrag …", "Ändring av uppdrag …", "Förlängd tid för …" (not
    a sentence about the assignment: "Uppdraget ska redovisas senast …")."""
    return (
        re.match(
            r"\s*(?:(?:(?:ändring|förlängning)\s+av|tillägg\s+till|(?:förlängd|ändrad)\s+tid\s+"
            r"(?:för|att)(?:\s+\w+){0,2}?)\s+)?(?:uppdrag|redovisning)\w*\b|\s*(?:förlängd|ändrad)\s+tid\b",
            line,
            re.I,
        )
        is not None
        and re.match(r"\s*(?:uppdraget|redovisningen)\s+(?:ska|skall)\b", line, re.I) is None
    )


@dataclass(frozen=True)
class Paragraph:
    start: int  # offsets into Document.flat.text
    end: int
    heading: bool
    region: Region


def copy_key(text: str) -> str:
    """Letters and digits only, for spotting the same sentence or paragraph in a repeated
    copy of the decision."""
    return re.sub(r"[\W_]+", "", text.lower())


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets into Document.flat.text
    end: int
    paragraph: int
    region: Region
    # For an item of a bulleted list, the sentence that introduces the list ("Socialstyrelsen
    # ska bland annat:"): the items' subject and "ska" stand there.
    lead: str = ""

    @property
    def key(self) -> str:
        return copy_key(self.text)


@dataclass(frozen=True)
class Document:
    flat: Mapped  # paragraphs separated by "\n\n", lines joined, hyphenation undone
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    ocr_repaired: bool

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.flat.span(start, end)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


_OPEN_ENDINGS = frozenset(
    [
        "den",
        "det",
        "de",
        "en",
        "ett",
        "att",
        "och",
        "eller",
        "samt",
        "för",
        "av",
        "till",
        "i",
        "på",
        "med",
        "om",
        "som",
        "senast",
        "från",
        "under",
        "vid",
        "inom",
        "ska",
        "skall",
        "har",
        "är",
    ]
)


def _looks_like_heading(line: str, prev: str | None, nxt: str | None, wrap: int) -> bool:
    """A heading line stands alone; `wrap` is the typical length of a wrapped PDF line (0 when
    the text is not wrapped), since a full-width line that goes on is not a heading."""
    s = _MARKDOWN.sub("", line).strip()
    if not s or len(s) > 90 or not s[0].isupper():
        return False
    key = _heading_key(s)
    if key in _BODY_HEADINGS or key.startswith(_BACKGROUND_HEADINGS):
        return len(key.split()) <= 6
    if key in ("på regeringens vägnar", "kopia till"):
        return True
    words = s.split()
    if len(words) > 12 or s[-1] in ".,:;-–" or re.search(r"\d{4}", s):
        return False
    if words[-1].lower() in _OPEN_ENDINGS:
        return False  # "… ska redovisas senast den" goes on after a page break
    if len(words) >= 4 and re.search(r"\s(?:ska|skall)\s", s):
        return False  # "X ska … löpande informera" + "Regeringskansliet.": a sentence goes on
    if wrap and nxt and len(s) >= 0.75 * wrap:
        return False
    prev_ok = prev is None or not prev.strip() or prev.rstrip()[-1] in ".!?:"
    next_ok = nxt is None or not nxt.strip() or nxt.strip()[0].isupper()
    return prev_ok and next_ok


_HYPHEN_KEEP = frozenset({"och", "eller", "samt", "respektive", "resp", "till", "som", "men"})


def _join_paragraph(src: Mapped, lines: Sequence[_Line], out: _Builder) -> None:
    """Append the lines as one paragraph: single spaces, hyphenation across lines undone."""
    pending_space = False
    for i, line in enumerate(lines):
        text = line.text
        lstrip = len(text) - len(text.lstrip())
        body = text.strip()
        if not body:
            continue
        start = line.start + lstrip
        end = start + len(body)
        if pending_space:
            out.put(" ", start)
        pending_space = True
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        first_next = re.match(r"[^\W\d_]+", nxt)
        if (
            body.endswith("-")
            and len(body) > 1
            and body[-2].isalpha()
            and first_next is not None
            and nxt[0].islower()
        ):
            if first_next.group().lower() in _HYPHEN_KEEP:
                # "hälso- och sjukvården": a shared word part, not hyphenation
                _copy_collapsed(src, start, end, out)
            else:
                _copy_collapsed(src, start, end - 1, out)
                pending_space = False
            continue
        _copy_collapsed(src, start, end, out)


def _copy_collapsed(src: Mapped, start: int, end: int, out: _Builder) -> None:
    """Copy src[start:end] with runs of spaces collapsed to one."""
    last = start
    for m in re.finditer(r"  +", src.text[start:end]):
        a, b = start + m.start(), start + m.end()
        out.copy(last, a + 1)
        last = b
    out.copy(last, end)


def _wrap_width(lines: Sequence[_Line]) -> int:
    """The median length of longer lines when the text is hard-wrapped (as from a PDF)."""
    lengths = sorted(len(ln.text.strip()) for ln in lines if len(ln.text.strip()) >= 30)
    if len(lengths) < 5:
        return 0
    median = lengths[len(lengths) // 2]
    return median if median <= 110 else 0


# The letter footer of a regeringen.se PDF, which text extraction puts after the first page's
# text, often inside a sentence: "Postadress 103 33 Stockholm Telefonväxel 08-405 10 00 …"
_FOOTER_KEY = re.compile(
    r"^\s*(?:Postadress|Besöksadress|Telefonväxel|Telefon|Telefax|E-post|Webb)\b|"
    r"\bTelefonväxel\b|\bBesöksadress\b|registrator@|www\.regeringen\.se",
    re.I,
)
_FOOTER_VALUE = re.compile(
    r"\s*(?:\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+|0\d{1,3}[-\s]\d[\d ]{4,10}|"
    r"[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|gränd|torg|backe|plan|bad)?\s+\d{1,3}[A-Z]?)\s*"
)


def _footer_lines(lines: Sequence[_Line]) -> set[int]:
    """Lines of the letter footer: its labelled lines and the values right after them."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _FOOTER_KEY.search(line.text):
            continue
        out.add(i)
        for j in range(i + 1, min(i + 3, len(lines))):
            if not _FOOTER_VALUE.fullmatch(lines[j].text):
                break
            out.add(j)
    return out


def _blocks(src: Mapped) -> list[tuple[list[_Line], bool]]:
    """Group lines into paragraphs (blank-line separated); headings become their own block."""
    every = _lines(src.text)
    footer = _footer_lines(every)
    dropped = [
        ln.start
        for i, ln in enumerate(every)
        if i in footer or _PAGE_LINE.fullmatch(ln.text) or "\f" in ln.text
    ]
    lines = [
        ln for i, ln in enumerate(every) if i not in footer and not _PAGE_LINE.fullmatch(ln.text)
    ]
    wrap = _wrap_width(lines)
    # (text copied from a pdf viewer or rkrattsbaser: hardly a blank line between paragraphs)
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    inner = lines[filled[0] : filled[-1] + 1] if filled else []
    blankless = sum(1 for ln in inner if not ln.text.strip()) * 20 < max(len(inner), 1)
    blocks: list[tuple[list[_Line], bool]] = []
    current: list[_Line] = []
    prev_text: str | None = None
    for i, line in enumerate(lines):
        if not line.text.strip():
            if current:
                blocks.append((current, False))
                current = []
            prev_text = ""
            continue
        nxt = next((ln.text for ln in lines[i + 1 : i + 3] if ln.text.strip()), None)
        blank_after = i + 1 < len(lines) and not lines[i + 1].text.strip()
        if current and BULLET.match(line.text):
            blocks.append((current, False))  # each item of a bulleted list is a paragraph
            current = []
        elif (
            blankless
            and current
            and BULLET.match(current[0].text)
            and current[-1].text.rstrip().endswith(".")
            and line.text.lstrip()[:1].isupper()
            and not any(BULLET.match(ln.text) for ln in lines[i + 1 : i + 4])
        ):
            # a text without blank lines: the sentence after a list's last item ("• lämna
            # nödvändiga författningsförslag." | "Uppdraget ska redovisas …") is not part of it
            blocks.append((current, False))
            current = []
        if _looks_like_heading(line.text, prev_text, "" if blank_after else nxt, wrap):
            if current:
                blocks.append((current, False))
                current = []
            blocks.append(([line], True))
        else:
            current.append(line)
        prev_text = line.text
    if current:
        blocks.append((current, False))
    return _merge_continuations(blocks, dropped)


_OPEN_END = re.compile(
    r"(?<![\wåäöÅÄÖ-])(?:till|av|och|för|med|på|om|att|som|samt|eller|från|hos|mot|vid|"
    r"enligt|genom|inom|den|det|de|en|ett)$",
    re.I,
)


def _merge_continuations(
    blocks: list[tuple[list[_Line], bool]], dropped: Sequence[int] = ()
) -> list[tuple[list[_Line], bool]]:
    """A page break inside a sentence: the next block continues in lower case, or in any
    case when a page footer, header or number stood between the two blocks and the first
    ends in the middle of a sentence ("… (Arbetsmarknadsdepartementet och" | "2 (2)" |
    "Kulturdepartementet) senast …")."""
    merged: list[tuple[list[_Line], bool]] = []
    for index, (lines, heading) in enumerate(blocks):
        if merged and not heading and not merged[-1][1]:
            prev_lines = merged[-1][0]
            tail = prev_lines[-1].text.rstrip()
            head = lines[0].text.lstrip()
            page_break = any(prev_lines[-1].end < at < lines[0].start for at in dropped)
            # a capital after a page break continues only a wrapped line of prose
            prose = len(prev_lines) > 1 or len(tail) >= 60
            if (
                tail
                and tail[-1] not in ".!?:;"
                and (
                    head[:1].islower()
                    or head[:1].isdigit()
                    or (page_break and prose and not BULLET.match(head))
                    # "… efter rekvisition ställd till" | "Skogsstyrelsen. Rekvisitionen …":
                    # no sentence ends on a preposition
                    or (prose and _OPEN_END.search(tail) and not BULLET.match(head))
                )
            ):
                merged[-1] = (prev_lines + lines, False)
                continue
            list_goes_on = index + 1 < len(blocks) and bool(
                BULLET.match(blocks[index + 1][0][0].text)
            )
            if (
                page_break
                and BULLET.match(prev_lines[0].text)
                and not BULLET.match(head)
                and list_goes_on
            ):
                # a list item that goes on over a page break: "• … enligt samma förordning." |
                # "2 (2)" | "Även andra behov … kan lyftas." | "• Löpande informera …" (not
                # "Uppdraget ska redovisas senast …" after the list's last item)
                merged[-1] = (prev_lines + lines, False)
                continue
        merged.append((lines, heading))
    return merged


def is_section_heading(text: str) -> bool:
    """ "Regeringens beslut", "Bakgrund", "Skälen för regeringens beslut" …"""
    key = _heading_key(text)
    return key.startswith((*_BACKGROUND_HEADINGS, *_BODY_HEADINGS, "på regeringens vägnar"))


def _region_after(heading_text: str, current: Region) -> Region:
    key = _heading_key(heading_text)
    if key.startswith(_BACKGROUND_HEADINGS):
        return Region.BACKGROUND
    if key.startswith("på regeringens vägnar"):
        return Region.SIGNATURE
    if key.startswith("kopia till"):
        return Region.COPIES
    if current in (Region.SIGNATURE, Region.COPIES, Region.HEADER) and key not in _BODY_HEADINGS:
        return current  # names, copy lines and letterhead lines look like headings
    return Region.BODY


# --- sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    [
        "t.ex",
        "bl.a",
        "m.m",
        "t.o.m",
        "fr.o.m",
        "s.k",
        "d.v.s",
        "dvs",
        "resp",
        "jfr",
        "prop",
        "dir",
        "dnr",
        "nr",
        "kap",
        "ca",
        "st",
        "f.d",
        "m.fl",
        "enl",
        "inkl",
        "exkl",
        "kl",
        "p",
        "s",
        "uo",
        "bet",
        "kungl",
        "rskr",
        "sfs",
        "mn",
        "milj",
        "mdr",
        "tkr",
        "kr",
        "osv",
        "o.d",
        "m.a.o",
        "fig",
        "tab",
        "ex",
        "a.a",
        "ap",
        "anm",
    ]
)
_CURRENCY_UNITS = frozenset(["kr", "tkr", "mkr", "mnkr", "mdkr", "mdr"])
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)])?\s+(?=[\"”(\[]?[A-ZÅÄÖÉ0-9])")


_MAX_SENTENCE = 1500
_FORCED_BREAK = re.compile(r"[.;:!?]\s+|\s(?=\S)")


def _split_sentences(text: str, base: int) -> Iterator[tuple[int, int]]:
    """Sentences of a paragraph; very long ones (lists, tables, junk) are cut into pieces so
    that no later stage works on unbounded text."""
    for start, end in _sentences(text):
        while end - start > _MAX_SENTENCE:
            window = text[start : start + _MAX_SENTENCE]
            cuts = [m.end() for m in re.finditer(r"[.;:!?]\s+", window)]
            cut = cuts[-1] if cuts and cuts[-1] > _MAX_SENTENCE // 3 else 0
            if not cut:
                spaces = [m.end() for m in re.finditer(r"\s+", window)]
                cut = spaces[-1] if spaces else _MAX_SENTENCE
            yield base + start, base + start + len(text[start : start + cut].rstrip())
            start += cut
        if text[start:end].strip():
            yield base + start, base + end


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        token = re.search(r"(\S+)$", text[start : m.start()])
        word = token.group(1).lower() if token else ""
        unit_end = (
            word.rstrip(".") in _CURRENCY_UNITS
            and re.search(r"\d\s*\S+$", text[start : m.start()]) is not None
            and text[m.end() : m.end() + 1].isupper()
        )  # "… tilldela X 1 000 000 kr. Beloppet …": the unit ends the sentence
        if not unit_end and (
            word.rstrip(".").lstrip("(") in _ABBREVIATIONS or re.fullmatch(r"[a-zåäö]", word)
        ):
            continue
        if text[m.end() : m.end() + 1].isdigit() and re.fullmatch(r"\d{1,3}", word):
            continue  # "1. 2." numbered lists
        stop = m.start() + len(m.group().rstrip())
        yield start, stop
        start = m.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def parse(raw: str) -> Document:
    """Clean the input and split it into regions, paragraphs and sentences."""
    chars = normalise_chars(raw)
    repaired = looks_ocr_damaged(chars.text)
    if repaired:
        chars = repair_ocr(chars)
    blocks = _blocks(chars)

    out = _Builder(chars)
    spans: list[tuple[int, int, bool, str]] = []
    length = 0
    for lines, heading in blocks:
        if spans:
            out.put("\n\n", lines[0].start)
            length += 2
        before = length
        mark = out.mark()
        _join_paragraph(chars, lines, out)
        length = out.length
        spans.append((before, length, heading, out.text_from(mark)))
    flat = out.build()

    paragraphs: list[Paragraph] = []
    region = Region.HEADER if _has_letterhead(blocks) else Region.BODY
    prose = False  # running text has begun
    for start, end, heading, text in spans:
        if is_title_line(text) and region in (Region.HEADER, Region.SIGNATURE, Region.COPIES):
            region = Region.BODY  # the title, or the title of a repeated copy
        was = region
        if heading:
            region = _region_after(text, region)
        if region is Region.BODY and not prose and _LETTERHEAD.match(text):
            # the page's title and "Publicerad …" above the decision's own letterhead
            region = was = Region.HEADER
        elif region is Region.HEADER and (len(text.split()) >= 20 or _OPERATIVE.match(text)):
            region = Region.BODY  # no title line found: prose has begun
        if was is Region.HEADER and region is Region.BODY and paragraphs:
            # "Utbetalning av medel till regionerna …" right before "Regeringens beslut" or
            # "Regeringen uppdrar åt …" is a title that does not begin with "Uppdrag"
            prev = paragraphs[-1]
            if prev.region is Region.HEADER and _looks_like_title(flat.text[prev.start : prev.end]):
                paragraphs[-1] = Paragraph(prev.start, prev.end, prev.heading, Region.BODY)
        paragraphs.append(Paragraph(start, end, heading, region))
        prose = prose or (
            region is Region.BODY and (len(text.split()) >= 20 or bool(_OPERATIVE.match(text)))
        )

    sentences: list[Sentence] = []
    lead = ""
    for index, para in enumerate(paragraphs):
        text = flat.text[para.start : para.end]
        if para.heading:
            sentences.append(Sentence(text, para.start, para.end, index, para.region))
            lead = ""
            continue
        item = BULLET.match(text) is not None
        # "1. lägesbilden …" under a bullet keeps the list's lead for the bullets after it
        if not item and not _NUMBERED.match(text):
            lead = ""
        for s, e in _split_sentences(text, para.start):
            sentences.append(
                Sentence(flat.text[s:e], s, e, index, para.region, lead if item else "")
            )
        last = sentences[-1].text.rstrip() if sentences else ""
        # an item that opens a list of its own ("* kartlägga läget när det gäller:") keeps
        # the outer lead for the items after it
        if _LEAD_END.search(last) and not (item and lead):
            lead = last.rstrip(":").rstrip()
    return Document(flat, tuple(paragraphs), tuple(sentences), repaired)


# "Socialstyrelsen ska bland annat:", "Socialstyrelsen ska" (before a list of what it shall do)
_LEAD_END = re.compile(
    r"(?::|\b(?:ska|skall|får|att|bl\.\s?a\.|bland\s+annat|även|också|dessutom))\s*$", re.I
)


_NUMBERED = re.compile(r"\A\s*\d{1,2}[.)]\s+\S")

# A line that starts an item of a bulleted list
BULLET = re.compile(r"\A\s*(?:[•·▪◦‣●○■□➢►*]|[-–—−](?=\s)|o(?=\s))\s+")


# the operative sentence of a decision: its body has begun
_OPERATIVE = re.compile(
    r"\s*Regeringen\s+(?:ger|uppdrar|beslutar|ändrar|bifaller|förlänger|medger|beviljar|"
    r"tilldelar|anvisar|avslår|upphäver|ställer)\b"
)


def _looks_like_title(text: str) -> bool:
    """A letterhead paragraph that is rather the decision's title: a phrase of a few words,
    no case number, date, postal code, box or page number."""
    words = text.split()
    return 3 <= len(words) <= 40 and not re.search(
        r"\d{4}-\d{2}-\d{2}|\d{4}/\d{2,6}|\b\d{3}\s?\d{2}\b|\bBox\b|^\s*\d+\s*\(\d+\)|"
        r"departementet\s*$|regeringsbeslut",
        text,
        re.I,
    )


_LETTERHEAD = re.compile(r"\s*Regeringsbeslut\b(?:\s+[IVX]+\s*:\s*\d+|\s+\d+)?\s*$", re.I | re.M)


def _has_letterhead(blocks: Sequence[tuple[list[_Line], bool]]) -> bool:
    """True when the text opens with metadata (dnr, date, department) before the title."""
    for lines, _heading in blocks[:12]:
        for line in lines:
            if is_title_line(line.text):
                return False
            if len(line.text.split()) <= 8 and re.search(
                r"\b\d{4}-\d{2}-\d{2}\b|\b[A-ZÅÄÖ][A-Za-zö]{0,3}\d{4}/\d{2,6}\b", line.text
            ):
                return True  # a metadata line, not a number cited in running text
            if re.search(r"departementet\s*$|^\s*regeringsbeslut", line.text, re.I):
                return True
    return False
