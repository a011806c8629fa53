"""The reader: values, positions, and every hostile input refused with a location, fast."""

from __future__ import annotations

import time

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
    assert document is None
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 1, "dubbel-nyckel")]
    assert "rad 1" in problems[0].message


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


def test_deep_nesting_refused_before_the_c_composer_can_crash() -> None:
    # 100 000 open brackets crash ruamel's C composer (stack overflow); we stop at the limit.
    _, problems = parse("a: " + "[" * 100_000)
    assert problems == [f"f.yaml:1:{3 + yamlio.MAX_DEPTH} for-djup"]  # root map is level 1


def test_oversized_file_is_not_read(tmp_path: object) -> None:
    _, problems = parse(b"a: " + b"x" * (yamlio.MAX_BYTES + 1))
    assert problems == ["f.yaml for-stor"]


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
