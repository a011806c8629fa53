"""Money tables in decision text: "följande belopp (tkr):" followed by rows such as
`Statens energimyndighet 4 000 3 000`, a header of years (`Myndighet 2026 2027`), or
`Skatteverket 2025: 3 000, 2026: 2 000`. Pure; says what the rows hold, not whose money it is
or whether it is planned or granted (that is extract.py's call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The unit a table declares for its numbers.
_UNITS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            r"\((?:belopp\s+i\s+)?(?:tkr|tusen\s+kronor|tusentals\s+kronor)\)|\bi\s+tkr\b|"
            r"tusental(?:s)?\s+kronor|belopp\s+i\s+tusen(?:tal)?\s+kronor",
            re.I,
        ),
        1_000,
    ),
    (
        re.compile(
            r"\((?:belopp\s+i\s+)?(?:mnkr|mkr|miljoner\s+kronor)\)|\bi\s+(?:mnkr|miljoner\s+kronor)\b",
            re.I,
        ),
        1_000_000,
    ),
    (re.compile(r"\((?:belopp\s+i\s+)?(?:kronor|kr)\)|\bi\s+kronor\b", re.I), 1),
)
_FOLLOWING = re.compile(r"\bföljande\s+(?:belopp|medel|ramar)\b", re.I)
_NOT_TABLE_WORDS = re.compile(
    r"\b(?:ska|skall|får|har|är|kommer|beräknar|beräknas|avser|belasta\w*|rekvirera\w*|"
    r"återbetala\w*|redovisa\w*|lämna\w*|använd\w*|senast|under|enligt|varav|är|var|"
    r"förutsätt\w*|anvisa\w*|gäller|avse\w*)\b",
    re.I,
)
_TOTAL = re.compile(r"^(?:summa|totalt|total|sammanlagt|sammantaget|sum)\b", re.I)
_HEADER_WORDS = frozenset(
    [
        "myndighet",
        "myndigheter",
        "mottagare",
        "år",
        "belopp",
        "tkr",
        "kronor",
        "kr",
        "anslag",
        "budgetår",
        "medel",
        "mnkr",
        "totalt",
    ]
)
_TOKEN = re.compile(
    r"(?P<yc>(?<![\d,])(?:19|20)\d{2})\s*:\s*(?P<ycv>\d{1,3}(?:[ .]\d{3})+(?!\d)|\d+)"
    r"(?:,(?P<ycd>\d+))?|(?P<num>(?<![\d,])\d+(?:,\d+)?)|(?P<word>[^\W\d_][^\s\d:;,]*)"
)
_UNIT_WORDS = frozenset(["tkr", "kr", "kronor", "mnkr", "mkr", "(tkr)", "(kronor)", "(mnkr)"])


def table_unit(text: str) -> int | None:
    """The multiplier a table declares: 1 000 for "(tkr)", 1 000 000 for "(mnkr)"."""
    for pattern, multiplier in _UNITS:
        if pattern.search(text):
            return multiplier
    return None


def introduces_table(text: str) -> bool:
    """ "… får använda följande belopp (tkr):", "Regeringen beräknar (tkr):"."""
    return table_unit(text) is not None or _FOLLOWING.search(text) is not None


def looks_like_table(text: str) -> bool:
    """A line of names and numbers, no verbs: `Tillväxtverket 1 500 1 500`, `2026 2027`."""
    if _NOT_TABLE_WORDS.search(text):
        return False
    if not re.search(r"\d", text):
        return False
    tokens = list(_TOKEN.finditer(text))
    words = [m for m in tokens if m.group("word") and m.group("word").lower() not in _UNIT_WORDS]
    numbers = [m for m in tokens if not m.group("word")]
    return len(words) <= 12 and len(words) <= 4 * len(numbers)


@dataclass(frozen=True)
class Cell:
    value: int  # in the table's unit, times 1 000 for decimals ("2,5" -> 2 500)
    scale: int  # 1 000 when value carries three implied decimals, else 1
    year: int | None  # "2025: 3 000" names the year; else the column decides
    start: int
    end: int


@dataclass
class Row:
    name: str
    name_start: int
    name_end: int
    groups: list[tuple[str, int, int]] = field(default_factory=list)  # digit groups
    cells: list[Cell] = field(default_factory=list)  # "YEAR: amount" cells

    @property
    def is_total(self) -> bool:
        return _TOTAL.match(self.name) is not None

    def header_years(self) -> list[int] | None:
        """The years of a header row (`Myndighet 2026 2027 2028`), else None."""
        if self.cells or not self.groups:
            return None
        words = [w.strip("()").lower() for w in self.name.split()]
        if any(w not in _HEADER_WORDS for w in words):
            return None
        years = []
        for text, _, _ in self.groups:
            if not re.fullmatch(r"(?:19|20)\d{2}", text):
                return None
            years.append(int(text))
        return years if years == sorted(set(years)) else None

    def numbers(self, columns: int | None) -> list[Cell] | None:
        """The row's amounts, split into `columns` numbers when that count is known."""
        splits = _splits(self.groups, columns)
        if splits is None:
            return None
        out = []
        for part in splits:
            digits = "".join(text for text, _, _ in part).split(",")
            value = int(digits[0])
            scale = 1
            if len(digits) > 1:
                decimals = (digits[1] + "000")[:3]
                value = value * 1000 + int(decimals)
                scale = 1000
            out.append(Cell(value, scale, None, part[0][1], part[-1][2]))
        return out


def parse_rows(text: str) -> list[Row]:
    """Rows of names and numbers in a table text (one line or several joined)."""
    rows: list[Row] = []
    current: Row | None = None
    for m in _TOKEN.finditer(text):
        if m.group("word"):
            word = m.group("word")
            if word.lower() in _UNIT_WORDS:
                continue
            if current is None or current.groups or current.cells:
                current = Row(word, m.start(), m.end())
                rows.append(current)
            else:
                current.name = text[current.name_start : m.end()]
                current.name_end = m.end()
            continue
        if current is None:
            current = Row("", m.start(), m.start())
            rows.append(current)
        if m.group("yc"):
            digits = re.sub(r"[ .]", "", m.group("ycv"))
            value, scale = int(digits), 1
            if m.group("ycd"):
                value = value * 1000 + int((m.group("ycd") + "000")[:3])
                scale = 1000
            current.cells.append(Cell(value, scale, int(m.group("yc")), m.start(), m.end()))
        else:
            current.groups.append((m.group("num"), m.start(), m.end()))
    for row in rows:
        row.name = " ".join(row.name.split())
    return rows


def _splits(
    groups: list[tuple[str, int, int]], count: int | None
) -> list[list[tuple[str, int, int]]] | None:
    """Digit groups into numbers: a lead group of 1-3 digits (or a lone longer one, or one
    with decimals) and then groups of exactly three digits. With `count`, the split into
    that many numbers whose sizes differ least; without, the longest numbers."""
    if not groups:
        return None
    n = len(groups)

    def is_tail(text: str) -> bool:
        return re.fullmatch(r"\d{3}(?:,\d+)?", text) is not None

    def lead_ok(i: int, j: int) -> bool:  # groups[i:j] form one number
        first = groups[i][0]
        if "," in first and j - i > 1:
            return False
        if j - i == 1:
            return True
        if not re.fullmatch(r"[1-9]\d{0,2}", first):
            return False
        return all(is_tail(groups[k][0]) for k in range(i + 1, j)) and all(
            "," not in groups[k][0] for k in range(i + 1, j - 1)
        )

    if count is None:
        parts: list[list[tuple[str, int, int]]] = []
        i = 0
        while i < n:
            j = i + 1
            while j < n and is_tail(groups[j][0]) and lead_ok(i, j + 1):
                j += 1
            parts.append(groups[i:j])
            i = j
        return parts
    best: tuple[float, list[list[tuple[str, int, int]]]] | None = None

    def walk(i: int, acc: list[list[tuple[str, int, int]]]) -> None:
        nonlocal best
        if len(acc) > count:
            return
        if i == n:
            if len(acc) == count:
                values = [int("".join(g[0] for g in part).split(",")[0]) or 1 for part in acc]
                spread = max(values) / min(values)
                if best is None or spread < best[0]:
                    best = (spread, [list(p) for p in acc])
            return
        for j in range(i + 1, n + 1):
            if lead_ok(i, j):
                acc.append(groups[i:j])
                walk(j, acc)
                acc.pop()

    if n <= 24 and count <= 8:  # bounded: at most C(23, 7) partial splits
        walk(0, [])
    return best[1] if best else None
