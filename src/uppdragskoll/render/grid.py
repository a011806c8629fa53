"""Plain, fast tables and indented lists as rich renderables.

rich.Table measures and wraps every cell through several layers of renderables; for the
thousands of rows of a ministry-wide `status` that took seconds. These keep rich's look
(SIMPLE_HEAD without edges: three spaces between columns, a rule under the heading) but
size columns once and wrap with textwrap, then hand rich finished lines to colour.

Words are never split: ids, keys, e-mail addresses and amounts are what users copy. A column
shrinks to its longest word before any word would have to break; a word longer than the
whole room stands alone on its line and runs past it, for the terminal to wrap (most
terminals copy a soft-wrapped line whole). `Grid.fits` tells a renderer when that would
happen, so it can choose another layout first.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style

GAP = "   "
RULE = "─"
MIN_STRETCH = 12
MIN_COLUMN = 8  # the last resort, when even the longest words do not fit side by side
INDENT = "  "  # rows under a group line
TIE = "\x00"  # a space that no line is broken at; wrap() prints it as a space
_BEFORE_SEPARATOR = re.compile(r" +(?=·( |$))")


@dataclass(frozen=True)
class Column:
    heading: str
    right: bool = False
    max_width: int | None = None  # wrap longer text; never narrower than the longest word
    stretch: bool = False  # takes the width the other columns leave
    wrap: bool = True  # False: numbers and dates, a cell is one line however narrow the room


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken at spaces only, not at a TIE. A word
    longer than `width` is kept whole on a line of its own. No line starts with ` · `."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph) <= width and "\t" not in paragraph:
            # the common case; textwrap costs 10 µs a line
            lines.append(paragraph.rstrip().replace(TIE, " "))
            continue
        tied = _BEFORE_SEPARATOR.sub(lambda m: TIE * len(m[0]), paragraph)
        broken = textwrap.wrap(tied, width, break_long_words=False, break_on_hyphens=False)
        lines.extend(line.replace(TIE, " ") for line in broken or [""])
    return lines


def longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _style(name: str) -> Style | None:
    return Style.parse(name) if name else None


@dataclass
class Grid:
    """A table: columns sized once from the content, rows wrapped to those sizes.

    With `group` set, the table may hold group lines (`add_line`): a line across the whole
    width, such as an id too long for a column, with the rows under it indented. `group`
    names what those lines are and heads the table above the column headings.
    """

    columns: tuple[Column, ...]
    expand: bool = True  # the rule (and a stretch column) fill the console width
    group: str = ""
    rows: list[tuple[tuple[str, ...], str, bool]] = field(default_factory=list)
    _measured: tuple[int, list[int], list[int]] | None = field(default=None, repr=False)

    def add_row(self, *cells: str, style: str = "") -> None:
        self.rows.append((cells, style, False))

    def add_line(self, text: str, *, style: str = "") -> None:
        """A group line: across every column, wrapped at spaces, its words never split."""
        self.rows.append(((text,), style, True))

    def _indent(self) -> str:
        return INDENT if self.group else ""

    def _measure(self) -> tuple[list[int], list[int]]:
        """Natural widths (longest line) and least widths (longest word, or the whole line
        for a column that does not wrap). Headings are one line, so they count whole."""
        if self._measured is not None and self._measured[0] == len(self.rows):
            return self._measured[1], self._measured[2]  # fits() and lines() both ask
        natural = [len(c.heading) for c in self.columns]
        least = list(natural)
        for cells, _, line in self.rows:
            if line:
                continue
            for i, cell in enumerate(cells):
                longest = max((len(part) for part in cell.split("\n")), default=0)
                if longest <= least[i]:
                    continue  # nothing in it can be wider than the column already must be
                natural[i] = max(natural[i], longest)
                whole = not self.columns[i].wrap
                least[i] = max(least[i], longest if whole else longest_word(cell))
        self._measured = (len(self.rows), natural, least)
        return natural, least

    def _sizes(self, width: int) -> tuple[list[int], bool]:
        """Column widths for `width`, and whether each is at least its longest word."""
        natural, least = self._measure()
        width -= len(self._indent())
        sizes = [
            max(least[i], min(n, c.max_width)) if c.max_width and not c.stretch else n
            for i, (n, c) in enumerate(zip(natural, self.columns, strict=True))
        ]
        gaps = len(GAP) * (len(self.columns) - 1)
        for i, column in enumerate(self.columns):
            if column.stretch:
                room = width - gaps - sum(s for j, s in enumerate(sizes) if j != i)
                wanted = room if self.expand else min(room, natural[i])
                sizes[i] = max(least[i], MIN_STRETCH, min(room, wanted))
        # Too narrow for every column at its natural width: wrap the widest at its spaces,
        # then the next, none below its longest word.
        over = sum(sizes) + gaps - width
        while over > 0:
            slack = [(s, i) for i, s in enumerate(sizes) if s > least[i]]
            if not slack:
                break
            _, i = max(slack)
            sizes[i] -= 1
            over -= 1
        fits = over <= 0
        # Still too wide: the longest words will run past their columns rather than break.
        while over > 0 and max(sizes) > MIN_COLUMN:
            sizes[sizes.index(max(sizes))] -= 1
            over -= 1
        return sizes, fits

    def widths(self, width: int) -> list[int]:
        return self._sizes(width)[0]

    def fits(self, width: int) -> bool:
        """Whether no word has to run past its column or past `width`: a renderer that gets
        False can choose a layout with more room for the long words."""
        if not self._sizes(width)[1]:
            return False
        return all(longest_word(c[0]) <= width for c, _, line in self.rows if line)

    def lines(self, width: int) -> Iterator[tuple[str, str]]:
        sizes = self.widths(width)
        indent = self._indent()
        total = len(indent) + sum(sizes) + len(GAP) * (len(sizes) - 1)
        if self.group:
            yield self.group, "bold"
        yield indent + self._join([c.heading for c in self.columns], sizes), "bold"
        yield RULE * (width if self.expand else total), ""
        for cells, style, line in self.rows:
            if line:
                for text in wrap(cells[0], width):
                    yield text, style
                continue
            wrapped = [
                wrap(cell, size) if column.wrap else cell.split("\n")
                for cell, size, column in zip(cells, sizes, self.columns, strict=True)
            ]
            for k in range(max(len(w) for w in wrapped)):
                text = self._join([w[k] if k < len(w) else "" for w in wrapped], sizes)
                yield (indent + text if text else text), style

    def _join(self, cells: list[str], sizes: list[int]) -> str:
        parts = [
            cell.rjust(size) if column.right else cell.ljust(size)
            for cell, size, column in zip(cells, sizes, self.columns, strict=True)
        ]
        return GAP.join(parts).rstrip()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from _segments(self.lines(options.max_width))


@dataclass
class Listing:
    """Items of a heading line and indented detail lines, each wrapped to the width."""

    items: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    indent: int = 2
    spaced: bool = True  # a blank line after each item

    def add(
        self, head: str, lines: Iterable[str], *, style: str = "", head_style: str = ""
    ) -> None:
        self.items.append((head, head_style or style, list(lines), style))

    def lines(self, width: int) -> Iterator[tuple[str, str]]:
        pad = " " * self.indent
        for head, head_style, body, style in self.items:
            for line in wrap(head, width):
                yield line, head_style
            for text in body:
                for line in wrap(text, width - self.indent):
                    yield pad + line, style
            if self.spaced:
                yield "", ""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from _segments(self.lines(options.max_width))


def _segments(lines: Iterable[tuple[str, str]]) -> Iterator[Segment]:
    styles: dict[str, Style | None] = {}
    for text, name in lines:
        if name not in styles:
            styles[name] = _style(name)
        yield Segment(text, styles[name])
        yield Segment.line()
