"""Problems found in the data: one frozen record, and the pure text/github/json renderers;
and the operating system's reasons in Swedish, for the messages about files."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Severity(StrEnum):
    # Declaration order is the sort order of equal positions: errors first.
    ERROR = "fel"
    WARNING = "varning"
    INFO = "info"


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Problem:
    file: str  # as the user named it, or relative to the data root
    line: int  # 1-based; 0 = the whole file
    col: int  # 1-based; 0 = the whole line
    severity: Severity
    code: str  # stable and documented in docs/regler.md, e.g. "okand-nyckel"
    message: str  # Swedish, says what to do

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.file, self.line, self.col, _RANK[self.severity], self.code, self.message)

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    @property
    def location(self) -> str:
        if self.line == 0:
            return self.file
        if self.col == 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.col}"


def error(file: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(file, line, col, Severity.ERROR, code, message)


def warning(file: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(file, line, col, Severity.WARNING, code, message)


def info(file: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(file, line, col, Severity.INFO, code, message)


def count(problems: Sequence[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(problems: Sequence[Problem], files: int) -> str:
    """One Swedish line: how many files were read and what was found."""
    errors, warnings, infos = (count(problems, s) for s in Severity)
    checked = _n(files, "fil kontrollerad", "filer kontrollerade")
    if not problems:
        return f"{checked}: inga problem."
    return (
        f"{checked}: {errors} fel, {_n(warnings, 'varning', 'varningar')}, "
        f"{_n(infos, 'upplysning', 'upplysningar')}."
    )


def render_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{p.location}: {p.severity}[{p.code}] {p.message}\n" for p in problems)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, so a pull request shows each problem on its line."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.col:
            props.append(f"col={p.col}")
        props.append(f"title={_escape_property(p.code)}")
        lines.append(
            f"::{_GITHUB_LEVEL[p.severity]} {','.join(props)}::{_escape_data(p.message)}\n"
        )
    return "".join(lines)


def render_json(problems: Sequence[Problem]) -> str:
    items = [
        {
            "fil": p.file,
            "rad": p.line,
            "kolumn": p.col,
            "allvarlighet": str(p.severity),
            "kod": p.code,
            "meddelande": p.message,
        }
        for p in problems
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


FORMATS: Mapping[str, Callable[[Sequence[Problem]], str]] = MappingProxyType(
    {"text": render_text, "github": render_github, "json": render_json}
)


# The operating system's reasons in Swedish, for every message about a file that could not be
# read or written.
_OS_REASONS = {
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.ENOENT: "filen finns inte (längre)",
    errno.EISDIR: "det är en katalog",
    errno.ENOTDIR: "en del av sökvägen är inte en katalog",
    errno.EIO: "in- eller utmatningsfel (skadad disk eller bortkopplad nätverksdisk?)",
    errno.ELOOP: "symboliska länkar pekar i en slinga",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EMFILE: "för många öppna filer",
    errno.ENFILE: "för många öppna filer i systemet",
    errno.ENXIO: "enheten finns inte",
    errno.EBUSY: "filen är upptagen",
    errno.EAGAIN: "filen är tillfälligt låst; försök igen",
    errno.ESTALE: "nätverksfilen är inaktuell; montera om disken",
    errno.ETIMEDOUT: "tidsgränsen överskreds (nätverksdisk?)",
    errno.ENOMEM: "minnet räcker inte",
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Swedish; an unknown reason by its errno name,
    never in the system's English."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason is not None:
        return reason
    code = errno.errorcode.get(exc.errno or 0)
    return f"operativsystemet svarade {code}" if code else "okänt fel i operativsystemet"
