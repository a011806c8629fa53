"""Plain, fast tables and indented lists as rich renderables.

rich.Table measures and wraps every cell through several layers of renderables; for the
thousands of rows of a ministry-wide `status` that took seconds. These keep rich's look
(SIMPLE_HEAD without edges: three spaces between columns, a rule under the heading) but
size columns once and wrap with textwrap, then hand rich finished lines to colour.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style

GAP = "   "
RULE = "─"
MIN_STRETCH = 12


@dataclass(frozen=True)
class Column:
    heading: str
    right: bool = False
    max_width: int | None = None
    stretch: bool = False  # takes the width the other columns leave


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters; words longer than that are split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph) <= width and "\t" not in paragraph:
            lines.append(paragraph.rstrip())  # the common case; textwrap costs 10 µs a line
            continue
        lines.extend(
            textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [""]
        )
    return lines


def _style(name: str) -> Style | None:
    return Style.parse(name) if name else None


@dataclass
class Grid:
    """A table: columns sized once from the content, rows wrapped to those sizes."""

    columns: tuple[Column, ...]
    expand: bool = True  # the rule (and a stretch column) fill the console width
    rows: list[tuple[tuple[str, ...], str]] = field(default_factory=list)

    def add_row(self, *cells: str, style: str = "") -> None:
        self.rows.append((cells, style))

    def widths(self, width: int) -> list[int]:
        natural = [len(c.heading) for c in self.columns]
        for cells, _ in self.rows:
            for i, cell in enumerate(cells):
                longest = max((len(line) for line in cell.split("\n")), default=0)
                natural[i] = max(natural[i], longest)
        sizes = [
            min(n, c.max_width) if c.max_width and not c.stretch else n
            for n, c in zip(natural, self.columns, strict=True)
        ]
        gaps = len(GAP) * (len(self.columns) - 1)
        for i, column in enumerate(self.columns):
            if column.stretch:
                room = width - gaps - sum(s for j, s in enumerate(sizes) if j != i)
                wanted = room if self.expand else min(room, natural[i])
                sizes[i] = max(MIN_STRETCH, min(room, wanted))
        # Too narrow for every column at its natural width: shrink the widest, not the rest.
        while sum(sizes) + gaps > width and max(sizes) > 8:
            sizes[sizes.index(max(sizes))] -= 1
        return sizes

    def lines(self, width: int) -> Iterator[tuple[str, str]]:
        sizes = self.widths(width)
        total = sum(sizes) + len(GAP) * (len(sizes) - 1)
        yield self._join([c.heading for c in self.columns], sizes), "bold"
        yield RULE * (width if self.expand else total), ""
        for cells, style in self.rows:
            wrapped = [wrap(cell, size) for cell, size in zip(cells, sizes, strict=True)]
            for k in range(max(len(w) for w in wrapped)):
                yield self._join([w[k] if k < len(w) else "" for w in wrapped], sizes), style

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
