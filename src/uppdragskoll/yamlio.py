"""YAML in and out: the only module that imports ruamel.yaml.

Reading builds plain Python values straight from libyaml's event stream (the C parser from
`ruamel.yaml.clib`), recording where every key and value stands. Building from events rather
than from the composed node tree lets us refuse hostile input early and cheaply: nesting is
counted as it opens (the C composer recurses and crashes the interpreter on deep nesting),
aliases are sized as they are used (billion laughs), and duplicate keys are caught.
Timestamps stay text, so the model parses dates and reports impossible ones with a position.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _ruamel_yaml import (
    AliasEvent,
    CParser,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import Resolver

from uppdragskoll.money import NBSP
from uppdragskoll.money import group_digits as grouped  # the one digit grouping of the UI
from uppdragskoll.problems import Problem, error, os_reason, warning

MAX_BYTES = 1024 * 1024  # a real assignment file is a few KiB
MAX_DEPTH = 24  # the format nests six levels; anything far deeper is not ours
MAX_NODES = 50_000  # values after alias expansion; real files have a few hundred

Path_ = tuple[Any, ...]  # mapping keys (usually text, years as int) and list indexes


class _Loader(CParser, Resolver):  # type: ignore[misc]
    """libyaml's parser with ruamel's YAML 1.2 resolver (so `no` stays a string)."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Resolver.__init__(self)


@dataclass(frozen=True)
class Document:
    """A file's top-level mapping and where each of its parts stands (1-based line, col)."""

    name: str
    data: dict[Any, Any]
    values: dict[Path_, tuple[int, int]] = field(repr=False)
    keys: dict[Path_, tuple[int, int]] = field(repr=False)
    source: Path | None = field(default=None, repr=False, compare=False)  # set when stripped
    # Where the `# UTKAST` comment of an unreviewed `uppdrag importera` draft stands, if any:
    # comments are not data, so this is the one thing about them the reader keeps.
    draft_mark: tuple[int, int] | None = None

    def stripped(self, source: Path) -> Document:
        """The same document without its data and positions, which views never use and which
        dominate memory and the cache; `position` reads the file again if ever asked."""
        return Document(self.name, {}, {}, {}, source, self.draft_mark)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at `path`, or of its nearest recorded ancestor."""
        if self.source is not None and not self.values:
            again, _ = read_document(self.source, self.name)
            if again is not None:  # the file may have changed since; positions are advisory
                self.values.update(again.values)
                self.keys.update(again.keys)
        if key and path in self.keys:
            return self.keys[path]
        probe = tuple(path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return (1, 1)


class _Refusal(Exception):
    """The input is refused; carries a located Swedish message."""

    def __init__(self, line: int, col: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message = line, col, code, message


def _mark(event: Any) -> tuple[int, int]:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# First characters of YAML 1.2 core-schema numbers, booleans, nulls and timestamps.
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~tfTFnN")
_CONTAINER_TAGS = frozenset({"!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _scalar(loader: _Loader, event: Any) -> object:
    if event.tag is not None and str(event.tag) != "!":
        if str(event.tag) == "tag:yaml.org,2002:str":  # `!!str 2026`: text on purpose
            return event.value
        line, col = _mark(event)
        raise _Refusal(line, col, "yaml-tagg", f"YAML-taggen {event.tag} stöds inte; ta bort den.")
    value: str = event.value
    if event.style or not event.implicit[0]:
        return value  # quoted or a block scalar: always text
    if value and value[0] not in _MAYBE_NOT_TEXT:
        return value  # most scalars: only these first characters can start a non-string
    tag = loader.resolve(ScalarNode, value, event.implicit)
    if tag == "tag:yaml.org,2002:int":
        # ("0x10", "0o17": hexadecimal and octal are text here, so a ceiling written that way
        # is refused instead of read as 16 or 15 kronor)
        return int(value) if _INT_RE.fullmatch(value) else value
    if tag == "tag:yaml.org,2002:float":
        text = value.lower().lstrip("+")
        if text in (".inf", "-.inf", ".nan"):
            return value  # not money and not a date: let the model say what it should be
        try:
            return float(value)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    return value  # strings, and timestamps kept as text on purpose


def _build(
    loader: _Loader,
) -> tuple[object, dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]], list[_Refusal]]:
    """Turn the event stream of a single document into Python values and positions, and the
    duplicate keys found on the way (each keeps its first value, so the rest of the file is
    still read and every other problem in it reported in the same run)."""
    duplicates: list[_Refusal] = []
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    anchors: dict[str, tuple[object, int]] = {}  # anchor -> (value, expanded size)
    open_anchors: set[str] = set()
    nodes = 0

    event = loader.get_event()  # StreamStart
    event = loader.get_event()
    if isinstance(event, StreamEndEvent):
        raise _Refusal(1, 1, "tom-fil", "Filen är tom. Ett uppdrag behöver minst `titel`.")
    if not isinstance(event, DocumentStartEvent):  # pragma: no cover - libyaml guarantees it
        raise _Refusal(*_mark(event), "yaml-syntax", "YAML-syntaxfel: dokumentet börjar oväntat.")

    # A stack of open containers: (container, path, pending key or None, key mark, size, anchor)
    stack: list[list[Any]] = []
    root: object = None

    def add(value: object, size: int, mark: tuple[int, int]) -> None:
        nonlocal root
        if not stack:
            root = value
            values[()] = mark
            return
        top = stack[-1]
        container, path = top[0], top[1]
        top[4] += size
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
            values.setdefault(child, mark)
            return
        if top[2] is _NO_KEY:
            if isinstance(value, dict | list):
                raise _Refusal(
                    *mark, "yaml-nyckel", "En nyckel måste vara text, inte en lista eller mappning."
                )
            if value in container:
                first = keys.get((*path, value), (0, 0))
                duplicates.append(
                    _Refusal(
                        *mark,
                        "dubbel-nyckel",
                        f"Nyckeln `{value}` finns två gånger i samma mappning "
                        f"(första gången på rad {first[0]}); ta bort eller slå ihop den ena.",
                    )
                )
                top[2] = _SKIPPED_KEY
                return
            top[2] = value
            keys[(*path, value)] = mark
            return
        if top[2] is _SKIPPED_KEY:  # the second value of a duplicate key
            top[2] = _NO_KEY
            return
        child = (*path, top[2])
        container[top[2]] = value
        values.setdefault(child, mark)
        top[2] = _NO_KEY

    def child_path() -> Path_:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top[0], list):
            return (*top[1], len(top[0]))
        return (*top[1], top[2]) if top[2] is not _NO_KEY else (*top[1], "<nyckel>")

    while True:
        event = loader.get_event()
        if isinstance(event, DocumentEndEvent):
            break
        nodes += 1
        if isinstance(event, ScalarEvent):
            value = _scalar(loader, event)
            add(value, 1, _mark(event))
            if event.anchor:
                anchors[event.anchor] = (value, 1)
        elif isinstance(event, MappingStartEvent | SequenceStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _Refusal(
                    *_mark(event),
                    "for-djup",
                    f"Värdena är nästlade djupare än {MAX_DEPTH} nivåer; ingen uppdragsfil "
                    "behöver det. Kontrollera indrag och klamrar.",
                )
            if event.tag is not None and str(event.tag) not in _CONTAINER_TAGS:
                raise _Refusal(
                    *_mark(event), "yaml-tagg", f"YAML-taggen {event.tag} stöds inte; ta bort den."
                )
            container: dict[Any, Any] | list[Any] = (
                {} if isinstance(event, MappingStartEvent) else []
            )
            path = child_path()
            if event.anchor:
                open_anchors.add(event.anchor)
            stack.append([container, path, _NO_KEY, _mark(event), 1, event.anchor])
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            container, path, _, mark, size, anchor = stack.pop()
            if anchor:
                open_anchors.discard(anchor)
                anchors[anchor] = (container, size)
            add(container, size, mark)
        elif isinstance(event, AliasEvent):
            if event.anchor in open_anchors:
                raise _Refusal(
                    *_mark(event), "yaml-alias", f"Aliaset *{event.anchor} pekar på sig självt."
                )
            if event.anchor not in anchors:  # pragma: no cover - libyaml reports it first
                raise _Refusal(*_mark(event), "yaml-alias", f"Okänt alias *{event.anchor}.")
            value, size = anchors[event.anchor]
            nodes += size
            add(value, size, _mark(event))
        if nodes > MAX_NODES:
            raise _Refusal(
                *_mark(event),
                "for-manga-varden",
                f"Filen blir över {grouped(MAX_NODES)} värden när alias (*namn) expanderas; "
                "det ser ut som en aliasbomb och läses inte.",
            )

    following = loader.get_event()
    if not isinstance(following, StreamEndEvent):
        raise _Refusal(
            *_mark(following),
            "flera-dokument",
            "Filen innehåller flera YAML-dokument (`---`); en fil ska beskriva ett uppdrag.",
        )
    return root, values, keys, duplicates


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()
_SKIPPED_KEY: Any = _NoKey()  # a duplicate key, whose value is read but not kept

# libyaml's English problems, in the words a user of this tool would understand.
_SYNTAX = (
    (
        "found character '\\t' that cannot start any token",
        "tabbtecken får inte användas för indrag i YAML; använd mellanslag",
    ),
    ("found a tab character", "tabbtecken får inte användas för indrag i YAML; använd mellanslag"),
    (
        "mapping values are not allowed",
        "kolon på fel ställe: text som innehåller ': ' måste stå inom citattecken",
    ),
    ("could not find expected ':'", "kolon saknas efter en nyckel"),
    ("did not find expected key", "fel indrag: raden står inte i linje med nycklarna ovanför"),
    ("did not find expected '-' indicator", "fel indrag i en lista"),
    (
        "found unexpected end of stream",
        "filen tar slut mitt i ett värde (saknas ett citattecken eller en klammer?)",
    ),
    ("did not find expected ',' or ']'", "komma eller ']' saknas i en lista inom hakparenteser"),
    ("did not find expected ',' or '}'", "komma eller '}' saknas i en mappning inom klamrar"),
    ("found undefined alias", "aliaset (*namn) har inget ankare (&namn)"),
    ("found unknown escape character", "okänd escape-sekvens inom dubbla citattecken"),
    ("block sequence entries are not allowed", "ett listelement ('- ') står på fel ställe"),
    (
        "found character that cannot start any token",
        "tecknet kan inte inleda ett värde här; sätt värdet inom citattecken",
    ),
    ("control characters are not allowed", "filen innehåller ett otillåtet styrtecken"),
    ("did not find expected node content", "ett värde saknas eller står på fel ställe"),
    ("found unexpected ':'", "kolon på fel ställe; sätt texten inom citattecken"),
    ("while scanning a quoted scalar", "ett citattecken avslutas aldrig"),
    # A line that starts with `%` is a directive to YAML (`%FOO`, `%YAML 1.2`).
    (
        "found unknown directive name",
        "en rad som börjar med `%` läses som ett YAML-direktiv, och det här är inget känt "
        "direktiv; sätt texten inom citattecken",
    ),
    (
        "could not find expected directive name",
        "en rad som börjar med `%` läses som ett YAML-direktiv men saknar direktivnamn; sätt "
        "texten inom citattecken",
    ),
    (
        "found unexpected non-alphabetical character",
        "ett YAML-direktiv (en rad som börjar med `%`) har ett ogiltigt tecken i namnet; sätt "
        "texten inom citattecken",
    ),
    ("found duplicate %YAML directive", "direktivet `%YAML` står två gånger"),
    ("found duplicate %TAG directive", "direktivet `%TAG` står två gånger för samma tagg"),
    *(
        (english, "`%YAML` anger en version som inte stöds; skriv `%YAML 1.2` eller ta bort raden")
        for english in (
            "found incompatible YAML document",
            "incompatible %YAML directive",
            "found extremely long version number",
            "did not find expected digit or '.' character",
            "did not find expected version number",
        )
    ),
    (
        "did not find expected whitespace or line break",
        "mellanslag eller radbrytning saknas efter en tagg (`!…`), ett direktiv (`%…`) eller "
        "ett blockvärde (`|`, `>`); sätt texten inom citattecken",
    ),
    ("did not find expected whitespace", "mellanslag saknas i ett `%TAG`-direktiv"),
    (
        "did not find expected <document start>",
        "`---` saknas efter ett direktiv (`%…`), eller text står efter dokumentslutet `...`",
    ),
    (
        "did not find expected comment or line break",
        "text står där bara en kommentar eller radbrytning får stå (efter `|`, `>`, `...` eller "
        "ett direktiv); sätt texten inom citattecken eller flytta den till nästa rad",
    ),
    (
        "found unexpected document indicator",
        "`---` eller `...` först på en rad inne i ett värde avslutar dokumentet; sätt texten "
        "inom citattecken eller dra in raden",
    ),
    # Anchors, aliases and tags: `&`, `*` and `!` start them, so text starting so needs quotes.
    (
        "did not find expected alphabetic or numeric character",
        "ett ankare (`&namn`) eller alias (`*namn`) saknar namn; text som börjar med & eller * "
        "ska stå inom citattecken",
    ),
    *(
        (
            english,
            "en YAML-tagg (`!…`) är ofullständig eller okänd; text som börjar med ! ska stå "
            "inom citattecken",
        )
        for english in (
            "did not find expected tag URI",
            "did not find the expected '>'",
            "did not find expected '!'",
            "did not find URI escaped octet",
            "found undefined tag handle",
            "found an incorrect leading UTF-8 octet",
            "found an incorrect trailing UTF-8 octet",
        )
    ),
    (
        "found an indentation indicator equal to 0",
        "indragsangivelsen efter `|` eller `>` får inte vara 0",
    ),
    (
        "mapping keys are not allowed",
        "ett `? ` (en uttrycklig nyckel) står på fel ställe; sätt texten inom citattecken",
    ),
    # Escapes inside "…": `\x41`, `\u00e5`, `\U0001F600`.
    (
        "did not find expected hexdecimal number",
        "`\\x`, `\\u` eller `\\U` inom dubbla citattecken ska följas av hexadecimala siffror; "
        "skriv `\\\\` för ett omvänt snedstreck eller använd enkla citattecken",
    ),
    (
        "found invalid Unicode character escape code",
        "escape-sekvensen (`\\u…` eller `\\U…`) inom dubbla citattecken är inget giltigt "
        "Unicode-tecken; skriv tecknet som det är eller använd enkla citattecken",
    ),
    # The reader's complaints; the text was decoded already, so these are rare.
    *(
        (english, "filen innehåller ett tecken som inte är giltig text")
        for english in (
            "invalid Unicode character",
            "invalid leading UTF-8 octet",
            "invalid trailing UTF-8 octet",
            "invalid length of a UTF-8 sequence",
            "incomplete UTF-8 octet sequence",
            "incomplete UTF-16",
            "unexpected low surrogate area",
        )
    ),
    ("input is too long", "filen är för lång"),
)


def _translate(problem: str) -> str:
    for english, swedish in _SYNTAX:
        if english in problem:
            return swedish
    # A message of a newer libyaml: still a Swedish sentence, the original kept for a report.
    return (
        f"texten kan inte läsas som YAML här; kontrollera citattecken, kolon och indrag ({problem})"
    )


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _syntax_refusal(exc: YAMLError, text: str) -> _Refusal:
    if isinstance(exc, ReaderError):
        line, col = _line_col(text, exc.position)
        return _Refusal(line, col, "yaml-syntax", f"YAML-syntaxfel: {_translate(exc.reason)}.")
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or str(exc)
        if (
            exc.context
            and "quoted scalar" in exc.context
            and "end of stream" in (exc.problem or "")
        ):
            problem = "while scanning a quoted scalar"
            mark = exc.context_mark or mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return _Refusal(line, col, "yaml-syntax", f"YAML-syntaxfel: {_translate(problem)}.")
    return _Refusal(1, 1, "yaml-syntax", f"YAML-syntaxfel: {_translate(str(exc))}.")


_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)


def parse_text(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a Document; refusals come back as located problems."""
    problems: list[Problem] = []
    tab = _TAB_INDENT.search(text)
    if tab is not None:
        line, col = _line_col(text, tab.end() - 1)
        return None, [
            error(
                name, line, col, "tabb", "Tabbtecken i indrag; YAML kräver mellanslag för indrag."
            )
        ]
    try:
        root, values, keys, duplicates = _build(_Loader(text))
        problems += [error(name, d.line, d.col, d.code, d.message) for d in duplicates]
    except _Refusal as refusal:
        return None, [error(name, refusal.line, refusal.col, refusal.code, refusal.message)]
    except YAMLError as exc:
        syntax = _syntax_refusal(exc, text)
        return None, [error(name, syntax.line, syntax.col, syntax.code, syntax.message)]
    except RecursionError:  # pragma: no cover - depth is bounded above
        return None, [error(name, 1, 1, "for-djup", "Filen är för djupt nästlad.")]
    if not isinstance(root, dict):
        kind = "en lista" if isinstance(root, list) else "ett enstaka värde"
        if root is None:
            return None, [
                error(
                    name,
                    1,
                    1,
                    "tom-fil",
                    "Filen innehåller inget uppdrag (bara kommentarer eller tomt).",
                )
            ]
        return None, [
            error(
                name,
                1,
                1,
                "inte-mappning",
                f"Filen ska vara en mappning med nycklar som `titel:`, men är {kind}.",
            )
        ]
    return Document(name, root, values, keys, draft_mark=_draft_mark(text)), problems


# "# UTKAST skapat av …" and "# Att granska:" open a draft's header; either left is a draft
_DRAFT_MARK = re.compile(r"#[ \t]*(?:UTKAST\b|Att granska:)")


def _draft_mark(text: str) -> tuple[int, int] | None:
    """The `# UTKAST …` line in the comments that open the file (`uppdrag importera` writes
    it first), or None; comments further down are the user's own."""
    start, number = 0, 1
    while start < len(text):  # line by line, and only as far as the opening comments go
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].rstrip("\r")
        content = line.lstrip(" \t")
        if content.startswith("#"):
            if _DRAFT_MARK.match(content):
                return number, len(line) - len(content) + 1
        elif content.strip() not in ("", "---"):
            return None
        start, number = end + 1, number + 1
    return None


def _kib(size: int) -> str:
    return f"{grouped(size // 1024)}{NBSP}KiB"


def _unreadable(path: Path, name: str, exc: OSError) -> Problem:
    """A file-level read failure as a problem at 1:1; broken links are named as such."""
    if exc.errno == errno.ELOOP:
        return error(
            name,
            1,
            1,
            "trasig-lank",
            "Den symboliska länken går i en slinga (den pekar via andra länkar tillbaka på sig "
            "själv) och leder aldrig till en fil; rätta eller ta bort länken.",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and path.is_symlink():
        try:
            target = f"`{os.readlink(path)}`"
        except OSError:
            target = "en fil"
        return error(
            name,
            1,
            1,
            "trasig-lank",
            f"Den symboliska länken pekar på {target}, som inte finns; rätta länken eller ta "
            "bort den, annars försvinner uppdraget tyst ur status och kalendrar.",
        )
    return error(name, 1, 1, "oläsbar", f"Filen kan inte läsas: {os_reason(exc)}.")


def read_document(path: Path, name: str) -> tuple[Document | None, list[Problem]]:
    """Read one file with every guard a hostile file needs; never raises for bad content.

    Only regular files are read: a directory, a FIFO (which would block) or a device named
    `*.yaml` is a problem, and so is a link that leads nowhere. Every problem is at 1:1.
    """
    try:
        info = path.stat()
    except OSError as exc:
        return None, [_unreadable(path, name, exc)]
    if not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            message = (
                f"`{path.name}` är en katalog, inte en fil; uppdragsfiler läses inte i "
                "underkataloger. Byt namn på katalogen eller flytta ut filen."
            )
        else:
            message = (
                f"`{path.name}` är ingen vanlig fil (utan t.ex. en namngiven pipe eller en "
                "enhet) och läses inte; ta bort den eller byt namn på den."
            )
        return None, [error(name, 1, 1, "inte-fil", message)]
    if info.st_size > MAX_BYTES:
        return None, [
            error(
                name,
                1,
                1,
                "for-stor",
                f"Filen är {_kib(info.st_size)}, över gränsen {_kib(MAX_BYTES)} för en "
                "uppdragsfil, och läses inte. Dela upp den eller ta bort det som inte hör till "
                "uppdraget.",
            )
        ]
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # it may have grown since stat
    except OSError as exc:
        return None, [_unreadable(path, name, exc)]
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str) -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    if len(raw) > MAX_BYTES:
        return None, [
            error(name, 1, 1, "for-stor", f"Filen är större än {_kib(MAX_BYTES)} och läses inte.")
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        problems.append(
            warning(
                name,
                1,
                1,
                "bom",
                "Filen börjar med en BOM (byte order mark); spara den som UTF-8 utan BOM.",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(
                name,
                line,
                col,
                "inte-utf8",
                f"Filen är inte giltig UTF-8 (byte 0x{raw[exc.start]:02x}); spara den som UTF-8.",
            )
        ]
    if "\r\n" in text:
        problems.append(
            warning(
                name,
                1,
                1,
                "crlf",
                "Filen har Windows-radslut (CRLF); den läses som vanligt, men spara gärna med LF "
                "så att diffar i git blir rena.",
            )
        )
    if "\x00" in text:
        line, col = _line_col(text, text.index("\x00"))
        return None, [
            error(
                name, line, col, "inte-yaml", "Filen innehåller NUL-tecken och är inte en textfil."
            )
        ]
    document, more = parse_text(text, name)
    return document, problems + more


# --- writing: round-trip mode ---------------------------------------------------------------
#
# Edits load a file in ruamel's round-trip mode, change the tree and dump it. ruamel keeps
# comments, key order, quoting and flow style, but it normalises some things on the way out:
# spaces inside flow collections, padding after `key:`, trailing spaces, indentation that
# differs between lists, `---` and `...`. So the dump is not written as is: it is merged back
# into the file line by line (`_merge`), and only the lines the edit changed come from ruamel.
# Every other line is copied byte for byte, with its own line ending.

import contextlib  # noqa: E402
import copy  # noqa: E402
import difflib  # noqa: E402
import io  # noqa: E402
import itertools  # noqa: E402
import tempfile  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import date  # noqa: E402

from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.comments import CommentedMap, CommentedSeq  # noqa: E402
from ruamel.yaml.emitter import RoundTripEmitter  # noqa: E402
from ruamel.yaml.error import CommentMark  # noqa: E402
from ruamel.yaml.events import CollectionEndEvent  # noqa: E402
from ruamel.yaml.scalarstring import (  # noqa: E402
    DoubleQuotedScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken  # noqa: E402

BOM = b"\xef\xbb\xbf"
_WIDTH = 1_000_000  # never fold a long `källtext` onto several lines


class EditError(Exception):
    """The file cannot be edited this way; the message is Swedish and says why."""


class ChangedOnDisk(EditError):
    """The file changed between reading and writing; nothing was written."""


@dataclass(frozen=True)
class Layout:
    """How a file is written: line ending, BOM, final newline and block indentation."""

    newline: str = "\n"
    bom: bool = False
    final_newline: bool = True
    mapping: int = 2  # a nested mapping's keys, relative to its parent key
    sequence: int = 4  # a list item's content, relative to the key that owns the list
    offset: int = 2  # a list item's dash, relative to the key that owns the list


class _Emitter(RoundTripEmitter):
    """ruamel's round-trip emitter with one bug fixed (ruamel.yaml 0.19.1).

    In a block list that a comment line opens, the first item's "right after `- `" flag
    (`no_newline`) is still set after a flow collection with an end-of-line comment
    (`- {id: a}  # c`), so the next block mapping item gets its keys on one line
    (`- id: b typ: c`), which is not YAML. A flow collection that has ended has used the flag
    up, commented or not; ruamel resets it only when there is no comment.
    """

    def expect_first_flow_mapping_key(self) -> None:  # `{}`
        ended = isinstance(self.event, CollectionEndEvent)
        super().expect_first_flow_mapping_key()
        if ended:
            self.no_newline = False

    def expect_flow_mapping_key(self) -> None:
        ended = isinstance(self.event, CollectionEndEvent)
        super().expect_flow_mapping_key()
        if ended:
            self.no_newline = False

    def expect_flow_sequence_item(self) -> None:
        ended = isinstance(self.event, CollectionEndEvent)
        super().expect_flow_sequence_item()
        if ended:
            self.no_newline = False


def _yaml(layout: Layout) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def _decode(raw: bytes) -> tuple[str, Layout]:
    """Text with LF line ends, and the line ending, BOM and final newline of the file."""
    bom = raw.startswith(BOM)
    try:
        text = raw[len(BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise EditError("filen är inte giltig UTF-8 och kan inte redigeras.") from None
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf > text.count("\n") - crlf else "\n"
    final = text == "" or text.endswith("\n")
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        raise EditError("filen har radslut med bara CR; spara den med LF eller CRLF först.")
    return text, Layout(newline=newline, bom=bom, final_newline=final)


def _is_block(node: object) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and not node.fa.flow_style()


def _indents(root: CommentedMap) -> list[tuple[int, int, int]]:
    """The (mapping, sequence, offset) indents a file uses, the most common first.

    Measured from node positions: a nested mapping's keys and a list's dash and content,
    each relative to the key that owns them. A file may mix styles (4-space mappings, lists
    flush with their key in one place and indented in another), so each combination seen is a
    candidate; `RoundTrip.dump` keeps the one that changes the fewest lines.
    """
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()

    def walk(node: object) -> None:
        if isinstance(node, CommentedMap) and _is_block(node):
            for key, value in node.items():
                key_col = node.lc.key(key)[1]
                if _is_block(value) and len(value) > 0:
                    if isinstance(value, CommentedMap) and value.lc.col > key_col:
                        mappings[value.lc.col - key_col] += 1
                    elif isinstance(value, CommentedSeq) and value.lc.col >= key_col:
                        content = value.lc.item(0)[1] - key_col
                        dash = value.lc.col - key_col
                        if content >= dash + 2:
                            sequences[(content, dash)] += 1
                walk(value)
        elif isinstance(node, CommentedSeq):
            for item in node:
                walk(item)

    walk(root)
    maps = [m for m, _ in mappings.most_common()] or [2]
    seqs = [s for s, _ in sequences.most_common()] or [(4, 2)]
    # Each candidate costs two dumps; a handful covers any file a person wrote.
    return [(m, seq, off) for m in maps[:2] for seq, off in seqs[:3]]


def _lines(text: str) -> list[str]:
    """Lines with their endings kept; the last one may have none."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _original_lines(raw: bytes, layout: Layout) -> list[str]:
    """The file's lines as they are, CRLF or LF each, without the BOM."""
    return _lines(raw[len(BOM) if layout.bom else 0 :].decode("utf-8"))


def _content(line: str) -> str:
    return line.rstrip("\n").removesuffix("\r")


_DROPPED_LEAD = re.compile(r"(---|%)")
_DROPPED_TRAIL = re.compile(r"(\.\.\.[ \t]*|[ \t]+)\r?\n?$")


def _merge(
    original: list[str], pristine: list[str], edited: list[str], newline: str = "\n"
) -> list[str]:
    """Original lines, with only the parts that differ between `pristine` and `edited` replaced.

    `pristine` is ruamel's dump of the unchanged file, `edited` its dump after the edit. A line
    is an anchor when it is the same in all three (as aligned by difflib); between two anchors
    the original text is kept unless the edit changed that stretch of the dump.
    """
    keys = [_content(line) for line in original]
    to_original: dict[int, int] = {}
    for block in difflib.SequenceMatcher(
        None, keys, pristine, autojunk=False
    ).get_matching_blocks():
        for k in range(block.size):
            to_original[block.b + k] = block.a + k
    anchors = [(-1, -1, -1)]
    for block in difflib.SequenceMatcher(
        None, pristine, edited, autojunk=False
    ).get_matching_blocks():
        for k in range(block.size):
            if block.a + k in to_original:
                anchors.append((block.a + k, block.b + k, to_original[block.a + k]))
    anchors.append((len(pristine), len(edited), len(original)))
    out: list[str] = []
    for (a0, b0, o0), (a1, b1, o1) in itertools.pairwise(anchors):
        before, after, kept = pristine[a0 + 1 : a1], edited[b0 + 1 : b1], original[o0 + 1 : o1]
        if before == after:
            out.extend(kept)
        elif not before:
            # A pure insertion. Lines ruamel drops (`...`, blank lines with spaces) stay after it.
            out.extend(line + newline for line in after)
            out.extend(kept)
        else:
            out.extend(_replace(before, after, kept, newline))
        if o1 < len(original):
            out.append(original[o1])
    return out


def _replace(before: list[str], after: list[str], kept: list[str], newline: str) -> list[str]:
    """The original lines `kept`, where ruamel wrote `before`, changed into `after`."""
    lead = 0
    while lead < len(kept) and _DROPPED_LEAD.match(kept[lead]):
        lead += 1
    trail = len(kept)
    while trail > lead and _DROPPED_TRAIL.match(kept[trail - 1]):
        trail -= 1
    if len(kept) == len(before):
        lead, trail = 0, len(kept)
    core = kept[lead:trail]
    # Markers and blank lines with spaces, which ruamel drops, stay around the change.
    out = kept[:lead]
    if len(core) == len(before):
        # Lines ruamel rewrote in place (`{ a: 1 }` as `{a: 1}`): line i of the original is
        # line i of the dump, so only the lines the edit changed are taken from the dump.
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(core[i1:i2])
            else:
                out.extend(line + newline for line in after[j1:j2])
    else:
        out.extend(line + newline for line in after)
    out.extend(kept[trail:])
    return out


def _finish(lines: list[str], layout: Layout) -> bytes:
    """Join lines: every line but the last ends with a newline, the last one as the file did."""
    out = list(lines)
    for i, line in enumerate(out[:-1]):
        if not line.endswith("\n"):
            out[i] = line + layout.newline  # the old last line, now followed by new ones
    if out:
        body = _content(out[-1])
        ending = out[-1][len(body) :] or layout.newline
        out[-1] = body + (ending if layout.final_newline else "")
    return (BOM if layout.bom else b"") + "".join(out).encode("utf-8")


def _plain_key(key: object) -> str:
    return key.isoformat() if isinstance(key, date) else str(key)


# ruamel writes `PM:et` unquoted inside `{…}`, which YAML 1.2 allows but libyaml (the reader)
# refuses; in flow style, text with an indicator character is quoted.
_FLOW_UNSAFE = re.compile(r"[:#,\[\]{}&*!|>'\"%@`]")


def _node_for(value: object, flow: bool = False) -> object:
    """Plain Python values as ruamel nodes; dicts and lists in block style unless `flow`."""
    if isinstance(value, CommentedMap | CommentedSeq):
        return value
    if flow and type(value) is str and _FLOW_UNSAFE.search(value):
        return SingleQuotedScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _node_for(item, flow)
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list | tuple):
        sequence = CommentedSeq(_node_for(item, flow) for item in value)
        if flow:
            sequence.fa.set_flow_style()
        return sequence
    return value


def quoted(text: str) -> object:
    """Text written in double quotes, as the files quote `källtext`."""
    return DoubleQuotedScalarString(text)


def flow(value: dict[Any, Any] | list[Any]) -> object:
    """A mapping or list written in flow style: `{datum: 2026-06-30, belopp: 2 mnkr}`."""
    return _node_for(value, flow=True)


# Comments after an entry belong, in ruamel, to the entry before them: in
#     ansvarig: x
#     # om källtexten
#     källtext: "…"
# the comment is stored with `ansvarig`. A key inserted after `ansvarig` would land below the
# comment and split it from `källtext`. So inserting, appending and deleting move the comment
# lines that follow an entry (its "tail"; an end-of-line comment stays) to the right entry.


def _slot(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where the comment that follows the entry `key` is stored: (ca.items, key, index)."""
    value = container[key]
    if _is_block(value) and len(value) > 0:
        last = next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1
        return _slot(value, last)
    return container.ca.items, key, 2 if isinstance(container, CommentedMap) else 0


def _inner_blocks(container: Any, key: Any) -> list[Any]:
    """The block collections that end where the entry `key` ends, outermost first."""
    found = []
    value = container[key]
    while _is_block(value) and len(value) > 0:
        found.append(value)
        value = value[next(reversed(value)) if isinstance(value, CommentedMap) else -1]
    return found


def _take_tail(container: Any, key: Any) -> str:
    """Detach the comment lines after entry `key` (not its end-of-line comment) as text."""
    tail = ""
    items, at, index = _slot(container, key)
    entry = items.get(at)
    if entry is not None and len(entry) > index and isinstance(entry[index], CommentToken):
        token = entry[index]
        value = token.value
        newline = value.find("\n")
        if 0 <= newline < len(value) - 1:
            head, tail = value[: newline + 1], str(value[newline + 1 :])
            if head.strip():
                token.value = head
            else:
                entry[index] = None
    # Comments after a flow item that ends a block list are kept as the list's `end`.
    for block in reversed(_inner_blocks(container, key)):
        ends = getattr(block.ca, "end", None) or []
        for token in ends:
            text = token.value
            tail += text if text.startswith("\n") else " " * token.column + text
        if ends:
            block.ca.end = []
    return tail


def _give_tail(container: Any, key: Any, tail: str) -> None:
    if not tail:
        return
    items, at, index = _slot(container, key)
    entry = items.setdefault(at, [None, None, None, None])
    token = entry[index]
    if isinstance(token, CommentToken):
        token.value = token.value + tail
    else:
        entry[index] = CommentToken("\n" + tail, CommentMark(0))


class RoundTrip:
    """One file in round-trip mode. Paths are tuples of keys and list indexes, like
    `("redovisningar", 0, "datum")`; date keys are written as ISO text in paths."""

    def __init__(self, raw: bytes) -> None:
        self.original = raw
        text, layout = _decode(raw)
        self._lines = _original_lines(raw, layout)
        self._pristine = self._load(text)  # never edited: dumped to see what ruamel changes
        self._root = self._load(text)
        self._indents = _indents(self._root)
        mapping, sequence, offset = self._indents[0]
        self.layout = replace(layout, mapping=mapping, sequence=sequence, offset=offset)

    @staticmethod
    def _load(text: str) -> CommentedMap:
        try:
            root = _yaml(Layout()).load(text)
        except (YAMLError, ValueError) as exc:
            raise EditError(f"filen kan inte läsas för redigering: {exc}") from None
        if not isinstance(root, CommentedMap):
            raise EditError("filen är ingen mappning och kan inte redigeras.")
        return root

    @staticmethod
    def _dump(root: CommentedMap, layout: Layout) -> list[str]:
        stream = io.StringIO()
        _yaml(layout).dump(root, stream)
        return stream.getvalue().split("\n")[:-1]

    def _find(self, path: Sequence[Any]) -> tuple[Any, Any]:
        """The container holding `path[-1]`, and that key or index as stored."""
        node: Any = self._root
        parent: Any = None
        key: Any = None
        for part in path:
            parent = node
            key = self._key(node, part)
            node = node[key]
        return parent, key

    @staticmethod
    def _key(node: Any, part: Any) -> Any:
        if isinstance(node, CommentedMap):
            for key in node:
                if key == part or _plain_key(key) == str(part):
                    return key
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            return part
        raise KeyError(part)

    def _node(self, path: Sequence[Any]) -> Any:
        if not path:
            return self._root
        parent, key = self._find(path)
        return parent[key]

    def has(self, path: Sequence[Any]) -> bool:
        try:
            self._find(path)
        except KeyError:
            return False
        return True

    def keys(self, path: Sequence[Any]) -> list[str]:
        """The keys of the mapping at `path`, as text (dates in ISO form)."""
        node = self._node(path)
        return [_plain_key(k) for k in node] if isinstance(node, CommentedMap) else []

    def is_flow(self, path: Sequence[Any]) -> bool:
        node = self._node(path)
        return isinstance(node, CommentedMap | CommentedSeq) and bool(node.fa.flow_style())

    def get(self, path: Sequence[Any]) -> object:
        """A copy of the value at `path`, scalar styles kept, comments dropped."""
        value = copy.deepcopy(self._node(path))
        for node in _walk(value):
            node.ca.items.clear()
            node.ca.comment = None
        return value

    def set(self, path: Sequence[Any], value: object) -> None:
        """Replace an existing value; a comment on its line stays."""
        parent, key = self._find(path)
        if type(value) is str:
            # ruamel would give new text the quoting of the old value; plain when possible.
            value = PlainScalarString(value)
        parent[key] = _node_for(value)
        self._keep_comment_gap(parent, key)

    def _keep_comment_gap(self, parent: Any, key: Any) -> None:
        """`datum: maj 2026  # i tid` becomes `datum: 2026-06-30  # i tid`: the spaces before
        an end-of-line comment are kept, not its column (ruamel keeps the column)."""
        if not isinstance(parent, CommentedMap) or not _is_block(parent):
            return
        entry = parent.ca.items.get(key)
        token = entry[2] if entry is not None and len(entry) > 2 else None
        if not isinstance(token, CommentToken) or not token.value.startswith("#"):
            return
        try:
            line, col = parent.lc.value(key)
            text = _content(self._lines[line])
        except (KeyError, IndexError, TypeError):
            return  # a value added in this edit: no original line to measure
        gap = token.column - len(text[: token.column].rstrip())
        if gap < 1 or not text[token.column :].startswith("#"):
            return
        stream = io.StringIO()
        _yaml(Layout()).dump({"k": parent[key]}, stream)
        width = len(stream.getvalue().rstrip("\n")) - len("k: ")
        token.column = col + width + gap

    def insert(
        self, path: Sequence[Any], key: Any, value: object, *, after: Sequence[str] | None = None
    ) -> None:
        """Add `key` to the mapping at `path`: at the end, or with `after` right after the last
        of those keys present in it (first when none is)."""
        mapping = self._node(path)
        if not isinstance(mapping, CommentedMap):
            raise EditError(f"`{'.'.join(map(str, path))}` är ingen mappning.")
        existing = [_plain_key(k) for k in mapping]
        if _plain_key(key) in existing:
            raise EditError(f"`{_plain_key(key)}` finns redan i `{'.'.join(map(str, path))}`.")
        position = len(existing)
        if after is not None:
            wanted = {str(a) for a in after}
            position = max((i + 1 for i, k in enumerate(existing) if k in wanted), default=0)
        tail = ""
        if position > 0 and _is_block(mapping):
            tail = _take_tail(mapping, list(mapping)[position - 1])
        mapping.insert(position, key, _node_for(value))
        _give_tail(mapping, key, tail)

    def append(self, path: Sequence[Any], value: object, *, flow: bool | None = None) -> None:
        """Append to the list at `path`; `flow=None` writes the item like the one before it."""
        sequence = self._node(path)
        if not isinstance(sequence, CommentedSeq):
            raise EditError(f"`{'.'.join(map(str, path))}` är ingen lista.")
        if flow is None:
            last = sequence[-1] if len(sequence) else None
            flow = not _is_block(last)
        tail = ""
        if _is_block(sequence) and len(sequence) > 0:
            tail = _take_tail(sequence, len(sequence) - 1)
        sequence.append(_node_for(value, flow))
        _give_tail(sequence, len(sequence) - 1, tail)

    def delete(self, path: Sequence[Any]) -> None:
        """Remove an entry; the comment lines after it move to the entry before it."""
        parent, key = self._find(path)
        tail = _take_tail(parent, key) if _is_block(parent) else ""
        if isinstance(parent, CommentedMap):
            keys = list(parent)
            index = keys.index(key)
            previous = keys[index - 1] if index > 0 else None
            del parent[key]
        else:
            previous = key - 1 if key > 0 else None
            # ruamel keeps list comments by index: shift the ones after the removed item.
            moved = {i - 1 if i > key else i: c for i, c in parent.ca.items.items() if i != key}
            del parent[key]
            parent.ca.items.clear()
            parent.ca.items.update(moved)
        if previous is not None:
            _give_tail(parent, previous, tail)
        elif tail:
            raise EditError("kommentarerna efter det första elementet kan inte flyttas.")

    def dump(self) -> bytes:
        """The edited file: untouched lines byte for byte, changed ones as ruamel writes them."""
        original = [_content(line) for line in self._lines]
        best: tuple[int, bytes] | None = None
        for mapping, sequence, offset in self._indents:
            layout = replace(self.layout, mapping=mapping, sequence=sequence, offset=offset)
            pristine = self._dump(self._pristine, layout)
            edited = self._dump(self._root, layout)
            merged = _merge(self._lines, pristine, edited, layout.newline)
            result = _finish(merged, layout)
            plain = _finish([line + layout.newline for line in edited], layout)
            expected = _data(plain)
            if expected is None:
                continue  # ruamel wrote these indents as broken YAML: never compare with it
            # The merge is checked, not trusted: it must mean exactly what ruamel's dump means.
            if _data(result) != expected:
                result = plain
            changed = _changed_lines(original, result, layout)
            if best is None or changed < best[0]:
                best = (changed, result)
            if pristine == original:
                break  # ruamel reproduces this file exactly with these indents
        if best is None:
            raise EditError(
                "filens layout (indrag, kommentarer eller `{…}`-poster) kan inte skrivas om "
                "säkert; inget har skrivits. Gör ändringen för hand och kör `uppdrag check`."
            )
        return best[1]


def _changed_lines(original: list[str], result: bytes, layout: Layout) -> int:
    text = result[len(BOM) if layout.bom else 0 :].decode("utf-8")
    lines = [_content(line) for line in _lines(text)]
    matcher = difflib.SequenceMatcher(None, original, lines, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _walk(node: object) -> list[Any]:
    found: list[Any] = []
    if isinstance(node, CommentedMap):
        found.append(node)
        for value in node.values():
            found.extend(_walk(value))
    elif isinstance(node, CommentedSeq):
        found.append(node)
        for value in node:
            found.extend(_walk(value))
    return found


def _data(raw: bytes) -> object:
    document, _ = parse_bytes(raw, "")
    return None if document is None else document.data


def dump_new(data: dict[str, Any]) -> bytes:
    """A new file in the house style (2-space mappings, lists indented 4 with the dash at 2)."""
    stream = io.StringIO()
    _yaml(Layout()).dump(_node_for(data), stream)
    return stream.getvalue().encode("utf-8")


def write_atomic(path: Path, data: bytes, *, expected: bytes | None) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    `expected` is the file as read before editing; if the file no longer holds exactly those
    bytes, nothing is written (ChangedOnDisk). `expected=None` creates a new file and refuses
    if one appeared meanwhile. The temporary file sits in the same directory, is named
    `.<name>.<random>.tmp` (not `.yaml`, so `check` never reads a leftover), and is flushed
    and fsynced before it takes the file's place; then the directory is fsynced.
    """
    target = Path(os.path.realpath(path))  # replace what a symlink points at, not the link
    directory = target.parent
    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if expected is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
            try:
                os.link(temp, target)  # fails if the name exists: no file is overwritten
            except FileExistsError:
                raise ChangedOnDisk(f"{path} finns redan; inget har skrivits.") from None
            os.unlink(temp)
        else:
            info = os.stat(target)
            if target.read_bytes() != expected:
                raise ChangedOnDisk(
                    f"{path} har ändrats sedan den lästes; inget har skrivits. Kör kommandot igen."
                )
            os.chmod(temp, stat.S_IMODE(info.st_mode))
            # Only root may give a file away; otherwise the writer owns the new file.
            with contextlib.suppress(PermissionError, AttributeError):
                os.chown(temp, info.st_uid, info.st_gid)
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open a directory
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)
