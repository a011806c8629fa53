"""The reader: values, positions, and every hostile input refused with a location, fast."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uppdragskoll import yamlio


def parse(text: str | bytes) -> tuple[yamlio.Document | None, list[str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    document, problems = yamlio.parse_bytes(raw, "f.yaml")
    return document, [f"{p.location} {p.code}" for p in problems]


def test_values_keep_dates_as_text_and_yaml_12_booleans() -> None:
    document, problems = parse("a: 2026-02-30\nb: no\nc: true\nd: 7\ne: 2.5\nf: ~\ng: '2026'\n")
    assert problems == []
    assert document is not None
    assert document.data == {
        "a": "2026-02-30",
        "b": "no",
        "c": True,
        "d": 7,
        "e": 2.5,
        "f": None,
        "g": "2026",
    }


def test_positions_of_nested_values_and_keys() -> None:
    text = (
        "titel: x\nredovisningar:\n  - id: plan\n    datum: 2026-05-30\n"
        "  - {id: slut, datum: 2028}\n"
    )
    document, _ = parse(text)
    assert document is not None
    assert document.position(("redovisningar", 0, "datum")) == (4, 12)
    assert document.position(("redovisningar", 0, "datum"), key=True) == (4, 5)
    assert document.position(("redovisningar", 1, "datum")) == (5, 23)
    # A path that does not exist falls back to its nearest ancestor.
    assert document.position(("redovisningar", 1, "saknas")) == (5, 5)


def test_year_keys_stay_integers() -> None:
    document, _ = parse("år:\n  2026: {beräknat: 7 mnkr}\n")
    assert document is not None
    assert document.data == {"år": {2026: {"beräknat": "7 mnkr"}}}


def test_duplicate_key_names_both_lines() -> None:
    document, problems = yamlio.parse_bytes(b"titel: a\nstatus: x\ntitel: b\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 1, "dubbel-nyckel")]
    assert "rad 1" in problems[0].message
    # the first value is kept and the rest read, so one run reports every other problem too
    assert document is not None and document.data == {"titel": "a", "status": "x"}


def test_billion_laughs_refused_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    _, problems = parse("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2  # generous: it takes milliseconds
    # Refused inside line 5, where the expansion passes the limit, not after building it.
    assert len(problems) == 1 and problems[0].startswith("f.yaml:5:")
    assert problems[0].endswith(" for-manga-varden")
    _, [problem] = yamlio.parse_bytes("\n".join(lines).encode("utf-8") + b"\n", "f.yaml")
    assert "över 50\u00a0000 värden" in problem.message


def test_deep_nesting_refused_before_the_c_composer_can_crash() -> None:
    # 100 000 open brackets crash ruamel's C composer (stack overflow); we stop at the limit.
    _, problems = parse("a: " + "[" * 100_000)
    assert problems == [f"f.yaml:1:{3 + yamlio.MAX_DEPTH} for-djup"]  # root map is level 1


def test_oversized_file_is_not_read(tmp_path: object) -> None:
    _, problems = parse(b"a: " + b"x" * (yamlio.MAX_BYTES + 1))
    assert problems == ["f.yaml:1:1 for-stor"]
    _, [problem] = yamlio.parse_bytes(b"a: " + b"x" * (yamlio.MAX_BYTES + 1), "f.yaml")
    assert problem.message == "Filen är större än 1\u00a0024\u00a0KiB och läses inte."


def test_invalid_utf8_is_located() -> None:
    _, problems = parse(b"titel: ok\nb: \xe5sikt\n")
    assert problems == ["f.yaml:2:4 inte-utf8"]


def test_bom_and_crlf_are_read_with_warnings() -> None:
    document, problems = parse(b"\xef\xbb\xbftitel: A\r\nstatus: x\r\n")
    assert document is not None and document.data == {"titel": "A", "status": "x"}
    assert problems == ["f.yaml:1:1 bom", "f.yaml:1:1 crlf"]


def test_tab_indentation_is_located() -> None:
    _, problems = parse("titel: x\nmyndigheter:\n\t- namn: y\n")
    assert problems == ["f.yaml:3:1 tabb"]


def test_syntax_error_in_swedish() -> None:
    document, _ = parse("titel: a: b\n")
    assert document is None
    _, problems = yamlio.parse_bytes(b"titel: a: b\n", "f.yaml")
    assert problems[0].message.startswith("YAML-syntaxfel: kolon på fel ställe")
    assert problems[0].location == "f.yaml:1:9"


def test_python_tags_are_refused() -> None:
    _, problems = parse("a: !!python/object/apply:os.system [ls]\n")
    assert problems == ["f.yaml:1:4 yaml-tagg"]


def test_non_mapping_and_empty_and_multi_document() -> None:
    assert parse("- a\n")[1] == ["f.yaml:1:1 inte-mappning"]
    assert parse("")[1] == ["f.yaml:1:1 tom-fil"]
    assert parse("# bara kommentar\n")[1] == ["f.yaml:1:1 tom-fil"]
    assert parse("a: 1\n---\nb: 2\n")[1] == ["f.yaml:2:1 flera-dokument"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_reader_never_raises_on_any_bytes(raw: bytes) -> None:
    document, problems = yamlio.parse_bytes(raw, "f.yaml")
    assert (document is None) == any(p.severity == "fel" for p in problems)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab: -[]{}\n\t&*!#'\"2026-0?|>,%@`åä\\")), max_size=200)
)
def test_reader_never_raises_on_yamlish_text(text: str) -> None:
    document, problems = yamlio.parse_bytes(text.encode("utf-8"), "f.yaml")
    assert document is not None or problems


@pytest.mark.parametrize(
    ("text", "location", "message"),
    [
        (
            "%FOO\ntitel: x\n",
            "1:5",
            "YAML-syntaxfel: en rad som börjar med `%` läses som ett YAML-direktiv, och det "
            "här är inget känt direktiv; sätt texten inom citattecken.",
        ),
        (
            'titel: "\\ud800"\n',
            "1:11",
            "YAML-syntaxfel: escape-sekvensen (`\\u…` eller `\\U…`) inom dubbla citattecken är "
            "inget giltigt Unicode-tecken; skriv tecknet som det är eller använd enkla "
            "citattecken.",
        ),
        (
            'titel: "\\xZZ"\n',
            "1:11",
            "YAML-syntaxfel: `\\x`, `\\u` eller `\\U` inom dubbla citattecken ska följas av "
            "hexadecimala siffror; skriv `\\\\` för ett omvänt snedstreck eller använd enkla "
            "citattecken.",
        ),
        (
            "titel: &\n",
            "1:9",
            "YAML-syntaxfel: ett ankare (`&namn`) eller alias (`*namn`) saknar namn; text som "
            "börjar med & eller * ska stå inom citattecken.",
        ),
        (
            "titel: !<x\n",
            "1:11",
            "YAML-syntaxfel: en YAML-tagg (`!…`) är ofullständig eller okänd; text som börjar "
            "med ! ska stå inom citattecken.",
        ),
        (
            "%YAML 2.0\n---\ntitel: x\n",
            "1:1",
            "YAML-syntaxfel: `%YAML` anger en version som inte stöds; skriv `%YAML 1.2` eller "
            "ta bort raden.",
        ),
        (
            "titel: |0\n  x\n",
            "1:9",
            "YAML-syntaxfel: indragsangivelsen efter `|` eller `>` får inte vara 0.",
        ),
    ],
    ids=["direktiv", "unicode", "hex", "ankare", "tagg", "version", "indrag-0"],
)
def test_libyaml_messages_are_swedish(text: str, location: str, message: str) -> None:
    _, [problem] = yamlio.parse_bytes(text.encode("utf-8"), "f.yaml")
    assert (problem.location, problem.code, problem.message) == (
        f"f.yaml:{location}",
        "yaml-syntax",
        message,
    )


_ENGLISH = re.compile(r"\b(found|did not|could not|expected|allowed|while|character)\b")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"ab: -[]{}\n\t&*!#'\"2026-0?|>,%@`åä\\.",
                *("%YAML 1.2\n", "%TAG ! x\n", "%FOO\n", "---\n", "...\n", "!<", "!!", "|0"),
                *("\\u", "\\x", "\\U", "\u0085", "\x01"),
            ]
        ),
        max_size=40,
    )
)
def test_syntax_messages_are_never_english(parts: list[str]) -> None:
    _, problems = yamlio.parse_bytes("".join(parts).encode("utf-8"), "f.yaml")
    for problem in problems:
        assert not _ENGLISH.search(problem.message), problem.message
        assert problem.line >= 1 and problem.col >= 1, problem


def test_every_libyaml_message_has_a_swedish_translation() -> None:
    # The messages of libyaml 0.2.5 (scanner, parser and reader) that a file can trigger.
    english = [
        "block sequence entries are not allowed in this context",
        "control characters are not allowed",
        "could not find expected ':'",
        "could not find expected directive name",
        "did not find URI escaped octet",
        "did not find expected '!'",
        "did not find expected ',' or ']'",
        "did not find expected ',' or '}'",
        "did not find expected '-' indicator",
        "did not find expected <document start>",
        "did not find expected alphabetic or numeric character",
        "did not find expected comment or line break",
        "did not find expected digit or '.' character",
        "did not find expected hexdecimal number",
        "did not find expected key",
        "did not find expected node content",
        "did not find expected tag URI",
        "did not find expected version number",
        "did not find expected whitespace",
        "did not find expected whitespace or line break",
        "did not find the expected '>'",
        "found a tab character that violates indentation",
        "found a tab character where an indentation space is expected",
        "found an incorrect leading UTF-8 octet",
        "found an incorrect trailing UTF-8 octet",
        "found an indentation indicator equal to 0",
        "found character that cannot start any token",
        "found duplicate %TAG directive",
        "found duplicate %YAML directive",
        "found extremely long version number",
        "found incompatible YAML document",
        "found invalid Unicode character escape code",
        "found undefined alias",
        "found undefined tag handle",
        "found unexpected ':'",
        "found unexpected document indicator",
        "found unexpected end of stream",
        "found unexpected non-alphabetical character",
        "found unknown directive name",
        "found unknown escape character",
        "incomplete UTF-8 octet sequence",
        "input is too long",
        "invalid Unicode character",
        "invalid leading UTF-8 octet",
        "invalid length of a UTF-8 sequence",
        "invalid trailing UTF-8 octet",
        "mapping keys are not allowed in this context",
        "mapping values are not allowed in this context",
    ]
    for problem in english:
        swedish = yamlio._translate(problem)
        assert not _ENGLISH.search(swedish), (problem, swedish)
