"""The fast grid wraps like textwrap and keeps columns aligned."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.render.grid import Column, Grid, Listing, wrap


@given(st.text(alphabet=st.sampled_from(list("ab cdeå-/\n")), max_size=80), st.integers(5, 40))
def test_wrap_matches_textwrap(text: str, width: int) -> None:
    expected = [
        line
        for paragraph in text.split("\n")
        for line in (
            textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    ]
    assert wrap(text, width) == expected
    assert all(len(line) <= width for line in wrap(text, width))


def test_grid_aligns_and_fits() -> None:
    grid = Grid((Column("Datum"), Column("Kvar", right=True), Column("Vad", stretch=True)))
    grid.add_row("2026-03-31", "30", "palliativ-vard-riktlinjer/aterbetalning-2025\nåterbetalning")
    grid.add_row("2026-05-31", "-5", "kort")
    lines = [text for text, _ in grid.lines(40)]
    assert lines[0] == "Datum        Kvar   Vad"
    assert lines[1] == "─" * 40
    assert lines[2].startswith("2026-03-31     30   palliativ-vard")
    assert all(len(line) <= 40 for line in lines)
    assert lines[-1] == "2026-05-31     -5   kort"


def test_listing_indents_and_spaces_items() -> None:
    listing = Listing()
    listing.add("2026-03-31 tisdag · om 30 dagar", ["a/b", "typ"], style="yellow")
    assert [t for t, _ in listing.lines(60)] == [
        "2026-03-31 tisdag · om 30 dagar",
        "  a/b",
        "  typ",
        "",
    ]
