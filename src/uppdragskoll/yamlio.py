"""YAML in and out: the only module that imports ruamel.yaml.

Reading builds plain Python values straight from libyaml's event stream (the C parser from
`ruamel.yaml.clib`), recording where every key and value stands. Building from events rather
than from the composed node tree lets us refuse hostile input early and cheaply: nesting is
counted as it opens (the C composer recurses and crashes the interpreter on deep nesting),
aliases are sized as they are used (billion laughs), and duplicate keys are caught.
Timestamps stay text, so the model parses dates and reports impossible ones with a position.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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

from uppdragskoll.problems import Problem, error, warning

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
    values: Mapping[Path_, tuple[int, int]] = field(repr=False)
    keys: Mapping[Path_, tuple[int, int]] = field(repr=False)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at `path`, or of its nearest recorded ancestor."""
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


def _scalar(loader: _Loader, event: Any) -> object:
    if event.tag not in (None, "!"):
        if event.tag == "tag:yaml.org,2002:str":  # `!!str 2026`: text on purpose
            return event.value
        line, col = _mark(event)
        raise _Refusal(line, col, "yaml-tagg", f"YAML-taggen {event.tag} stöds inte; ta bort den.")
    if event.implicit[0] is False or event.style not in ("", None):
        return event.value  # quoted: always text
    tag = loader.resolve(ScalarNode, event.value, event.implicit)
    value: str = event.value
    if tag == "tag:yaml.org,2002:int":
        if _INT_RE.fullmatch(value):
            return int(value)
        try:
            return int(value, 0)
        except ValueError:
            return value
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
) -> tuple[object, dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
    """Turn the event stream of a single document into Python values and positions."""
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
                raise _Refusal(
                    *mark,
                    "dubbel-nyckel",
                    f"Nyckeln `{value}` finns två gånger i samma mappning "
                    f"(första gången på rad {first[0]}); ta bort eller slå ihop den ena.",
                )
            top[2] = value
            keys[(*path, value)] = mark
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
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
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
                f"Filen blir över {MAX_NODES} värden när alias (*namn) expanderas; "
                "det ser ut som en aliasbomb och läses inte.",
            )

    following = loader.get_event()
    if not isinstance(following, StreamEndEvent):
        raise _Refusal(
            *_mark(following),
            "flera-dokument",
            "Filen innehåller flera YAML-dokument (`---`); en fil ska beskriva ett uppdrag.",
        )
    return root, values, keys


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()

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
)


def _translate(problem: str) -> str:
    for english, swedish in _SYNTAX:
        if english in problem:
            return swedish
    return problem


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
        root, values, keys = _build(_Loader(text))
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
    return Document(name, root, values, keys), problems


def read_document(path: Path, name: str) -> tuple[Document | None, list[Problem]]:
    """Read one file with every guard a hostile file needs; never raises for bad content."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                error(
                    name,
                    0,
                    0,
                    "for-stor",
                    f"Filen är {size // 1024} KiB; över gränsen {MAX_BYTES // 1024} KiB för en "
                    "uppdragsfil läses den inte.",
                )
            ]
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        return None, [error(name, 0, 0, "oläsbar", f"Filen kan inte läsas: {exc.strerror}.")]
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str) -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    if len(raw) > MAX_BYTES:
        return None, [
            error(
                name,
                0,
                0,
                "for-stor",
                f"Filen är större än {MAX_BYTES // 1024} KiB och läses inte.",
            )
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
