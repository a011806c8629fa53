"""The fast grid wraps like textwrap, never splits a word, and keeps columns aligned."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.render.grid import Column, Grid, Listing, wrap

KEY = "palliativ-vard-riktlinjer/aterbetalning-2025"


@given(st.text(alphabet=st.sampled_from(list("ab cdeå-/\n")), max_size=80), st.integers(5, 40))
def test_wrap_matches_textwrap_without_splitting_words(text: str, width: int) -> None:
    expected = [
        line
        for paragraph in text.split("\n")
        for line in (
            textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]
        )
    ]
    assert wrap(text, width) == expected
    # A line runs past the width only when it is one word longer than the width.
    assert all(len(line) <= width or len(line.split()) == 1 for line in wrap(text, width))


@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab cd-")), min_size=1, max_size=20)),
    st.integers(5, 40),
)
def test_wrap_keeps_words_whole_and_never_starts_a_line_with_the_separator(
    parts: list[str], width: int
) -> None:
    text = " · ".join(parts)
    lines = wrap(text, width)
    assert " ".join(lines).split() == text.split()
    assert not any(line.lstrip().startswith("·") for line in lines[1:])


def test_wrap_breaks_after_a_separator_rather_than_before() -> None:
    assert wrap("ab cd · ef", 5) == ["ab", "cd ·", "ef"]  # not "ab cd", "· ef"


def test_grid_aligns_and_fits() -> None:
    grid = Grid((Column("Datum"), Column("Kvar", right=True), Column("Vad", stretch=True)))
    grid.add_row("2026-03-31", "30", f"{KEY}\nåterbetalning")
    grid.add_row("2026-05-31", "-5", "kort")
    assert grid.fits(64)
    lines = [text for text, _ in grid.lines(64)]
    assert lines[0] == "Datum        Kvar   Vad"
    assert lines[1] == "─" * 64
    assert lines[2] == f"2026-03-31     30   {KEY}"
    assert lines[3] == "                    återbetalning"
    assert lines[-1] == "2026-05-31     -5   kort"


def test_grid_keeps_an_id_whole_and_says_when_it_does_not_fit() -> None:
    grid = Grid((Column("Datum"), Column("Kvar", right=True), Column("Vad", stretch=True)))
    grid.add_row("2026-03-31", "30", f"{KEY}\nåterbetalning")
    assert not grid.fits(40)  # the renderer then picks a list, where the key has a line
    lines = [text for text, _ in grid.lines(40)]
    assert any(KEY in line for line in lines)
    assert all(len(line) <= 40 or KEY in line for line in lines[2:])


def test_grid_wraps_names_at_spaces_before_it_would_split_an_id() -> None:
    grid = Grid((Column("Id"), Column("Namn", max_width=24), Column("Roll", stretch=True)))
    grid.add_row("miriam-entesarian-matsson", "Miriam Entesarian Matsson", "projektledare")
    grid.add_row("jens-lindqvist", "Jens Lindqvist", "behandlingsrekommendationer (KUL)")
    width = 25 + 3 + 10 + 3 + len("behandlingsrekommendationer")
    assert grid.fits(width)
    assert not grid.fits(width - 1)
    lines = [text for text, _ in grid.lines(width)]
    assert all(len(line) <= width for line in lines)
    text = "\n".join(lines)
    for word in ("miriam-entesarian-matsson", "Entesarian", "behandlingsrekommendationer"):
        assert word in text
    assert lines[2].startswith("miriam-entesarian-matsson   Miriam")


def test_a_column_that_does_not_wrap_stays_one_line() -> None:
    grid = Grid((Column("Text", stretch=True), Column("Kvar, kr", right=True, wrap=False)))
    grid.add_row("ord " * 10, "18 000 000 *")
    lines = [text for text, _ in grid.lines(30)]
    assert lines[2].endswith("18 000 000 *")
    assert not any(line.strip() == "*" for line in lines)


def test_group_lines_head_indented_rows() -> None:
    grid = Grid((Column("År"), Column("Tak, kr", right=True)), expand=False, group="Uppdrag")
    grid.add_line("starka-suicidpreventiva-arbetet-kommuner-regioner", style="bold")
    grid.add_row("2026", "7 000 000")
    assert [t for t, _ in grid.lines(40)] == [
        "Uppdrag",
        "  År       Tak, kr",
        "─" * 18,
        "starka-suicidpreventiva-arbetet-kommuner-regioner",
        "  2026   7 000 000",
    ]
    assert grid.fits(49) and not grid.fits(48)  # a group line longer than the width


def test_listing_indents_and_spaces_items() -> None:
    listing = Listing()
    listing.add("2026-03-31 tisdag · om 30 dagar", ["a/b", "typ"], style="yellow")
    assert [t for t, _ in listing.lines(60)] == [
        "2026-03-31 tisdag · om 30 dagar",
        "  a/b",
        "  typ",
        "",
    ]


def test_listing_keeps_a_key_longer_than_the_width_whole() -> None:
    key = "starka-suicidpreventiva-arbetet-kommuner-regioner/ekonomisk-redovisning-2026"
    listing = Listing(spaced=False)
    listing.add("2026-03-10 tisdag · om 8 dagar", [key, "ekonomisk redovisning"])
    assert [t for t, _ in listing.lines(60)] == [
        "2026-03-10 tisdag · om 8 dagar",
        f"  {key}",
        "  ekonomisk redovisning",
    ]
