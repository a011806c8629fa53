"""`uppdrag ical`: calendar feeds (registered on the app in cli.py).

Only typer, the standard library and uppdragskoll.cli are imported at the top; icalendar and
the model load inside the command, so `uppdrag --help` stays fast.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from uppdragskoll.cli import (
    AgencyOpt,
    AssignmentOpt,
    DataOpt,
    DebugOpt,
    KindOpt,
    MinistryOpt,
    NoCacheOpt,
    PersonOpt,
    TagOpt,
    TodayOpt,
    app,
    fail,
    load,
    report_skipped,
    resolve_data_dir,
    resolve_today,
    selection,
)

if TYPE_CHECKING:
    from uppdragskoll.loader import LoadResult

MARKER = b"PRODID:-//uppdragskoll//"  # in every feed this tool writes: see render.ical.PRODID
FEED_PREFIXES = ("person-", "myndighet-")

_REASONS = {
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.ENOENT: "katalogen finns inte",
    errno.ENOTDIR: "en del av sökvägen är ingen katalog",
    errno.EISDIR: "det är en katalog",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOSPC: "disken är full",
    errno.EEXIST: "det finns redan en fil med det namnet",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EFBIG: "filen blir för stor",
    errno.EIO: "in- eller utmatningsfel",
    errno.ELOOP: "för många symboliska länkar i sökvägen",
    errno.EBADF: "filbeskrivaren är inte öppen för skrivning",
    errno.ENXIO: "enheten finns inte",
    errno.ETXTBSY: "filen används",
    errno.EPIPE: "mottagaren har stängt",
}


def _reason(exc: OSError) -> str:
    """The reason in Swedish; an errno we have no words for is named, never in English."""
    number = exc.errno or 0
    return _REASONS.get(number, f"systemfel {errno.errorcode.get(number, number)}")


def _source_date_epoch() -> datetime | None:
    """`SOURCE_DATE_EPOCH` (reproducible-builds.org): replaces every DTSTAMP when set."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    try:
        seconds = int(text)
        if seconds < 0:
            raise ValueError
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        fail(f"SOURCE_DATE_EPOCH={text!r} är ingen tidpunkt; ange sekunder sedan 1970-01-01 UTC.")


def _default_mode(path: Path) -> int:
    """The existing file's permissions, else 0666 minus the umask: a web server must read it."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _same_content(path: Path, data: bytes) -> bool:
    """True when `path` is a regular file holding exactly `data`.

    Never reads more than len(data) + 1 bytes, and never reads anything but a regular file, so
    a FIFO or a device can neither hang the command nor fill its memory.
    """
    fd = _open_regular(path)
    if fd is None:
        return False
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(fd).st_size != len(data):
            return False
        return handle.read(len(data) + 1) == data


def _open_regular(path: Path) -> int | None:
    """A read descriptor for `path` if it is a regular file (links followed), else None.

    Checked before opening (opening a FIFO's read end would wake a waiting writer) and again
    after, non-blocking, in case something else was swapped in under the name.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace the regular file `path` with `data`, unless it already holds them.

    A symbolic link is followed: the file it points to is replaced and the link stays a link.
    An unchanged file keeps its mtime, so web servers keep their ETag/Last-Modified and
    calendar clients that ask "changed since?" get a cheap "no". OSError goes to the caller.
    """
    real = Path(os.path.realpath(path))
    if _same_content(real, data):
        return False
    mode = _default_mode(real)
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_stream(fd: int, data: bytes) -> None:
    """Write to an open file descriptor (1 = standard output) without Python's buffer.

    Unbuffered, so a failed write (a full disk) leaves nothing behind for the exit to flush
    again. Under a test runner, whose sys.stdout has no descriptor, the stream is used.
    """
    stream = {1: sys.stdout, 2: sys.stderr}.get(fd)
    if stream is not None:
        stream.flush()
        try:
            real_fd = stream.fileno()
        except (OSError, ValueError):  # io.UnsupportedOperation is both
            stream.buffer.write(data)
            stream.buffer.flush()
            return
        fd = real_fd
    _write_all(fd, data)


# /dev/stdout, /dev/fd/N, /proc/self/fd/N: an open file of this process, not a place to publish.
_FD_ALIAS = re.compile(r"/dev/(stdout|stderr)|/dev/fd/(\d+)|/proc/(?:self|thread-self)/fd/(\d+)")


def fd_alias(path: str) -> int | None:
    """The descriptor that `path` names (/dev/stdout → 1), else None."""
    match = _FD_ALIAS.fullmatch(os.path.abspath(path))
    if match is None:
        return None
    named, number, proc = match.groups()
    if named is not None:
        return 1 if named == "stdout" else 2
    return int(number or proc)


def write_output(target: Path, data: bytes) -> bool:
    """`-o FIL`: where the bytes go depends on what FIL is. True when something was written.

    - /dev/stdout, /dev/fd/N: written to that descriptor, as `-o -` does.
    - a regular file (or a link to one, or nothing yet): replaced atomically, only if changed;
      a symbolic link keeps pointing at the new file.
    - anything else (a FIFO, /dev/full, /dev/null, a terminal): opened and written directly,
      never read and never replaced.
    """
    fd = fd_alias(str(target))
    if fd is not None:
        _write_stream(fd, data)
        return True
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return write_if_changed(target, data)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if stat.S_ISREG(info.st_mode):
        return write_if_changed(target, data)
    out = os.open(target, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(out, data)
    finally:
        os.close(out)
    return True


def _ours(path: Path) -> bool:
    """A file this tool wrote: a feed carrying our PRODID, or an index with our generator tag.

    Only a regular file can be ours; a FIFO or device under a feed's name is never opened.
    """
    try:
        fd = _open_regular(path)
    except OSError:
        return False
    if fd is None:
        return False
    with os.fdopen(fd, "rb") as handle:
        head = handle.read(2048)
    # (not a note that merely mentions our PRODID: a calendar that begins as ours does)
    if head.startswith(b"BEGIN:VCALENDAR\r\n"):
        return b"\r\n" + MARKER in head
    return head.lower().startswith(b"<!doctype html") and (
        b'<meta name="generator" content="uppdragskoll">' in head
    )


def _foreign_file(path: Path) -> bool:
    """A regular file with content that is not a feed of ours: `-o` never replaces it."""
    if fd_alias(str(path)) is not None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0 and not _ours(path)


def _refuse_empty_data(folder: Path, result: LoadResult) -> None:
    """No feed from data without a single readable assignment: published from CI, an empty feed
    would empty every subscriber's calendar. (cli.load already refuses a directory without
    assignment files; an empty *selection* from filters is still written.)"""
    if not result.entries:
        fail(
            f"ingen av de {result.files} uppdragsfilerna i {folder} kunde läsas; inget flöde "
            "skrivs, eftersom ett tomt flöde skulle tömma prenumeranternas kalendrar. Kör "
            "`uppdrag check`."
        )


def _is_feed_name(name: str) -> bool:
    return name == "alla.ics" or (name.endswith(".ics") and name.startswith(FEED_PREFIXES))


def _write_folder(folder: Path, files: dict[str, bytes]) -> tuple[int, list[str]]:
    """Write the feeds and the index; remove feeds we wrote earlier that no longer exist.

    Files this tool did not write are never overwritten or removed.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"kan inte skapa katalogen {folder}: {_reason(exc)}.")
    if not folder.is_dir():
        fail(f"{folder} är ingen katalog.")
    for name in files:
        target = folder / name
        if target.exists() and not _ours(target):
            fail(
                f"{target} finns redan och är inte skriven av uppdragskoll; flytta den eller "
                "välj en annan katalog."
            )
    written = 0
    removed: list[str] = []
    try:
        for name, data in files.items():
            written += write_if_changed(folder / name, data)
        for old in sorted(folder.iterdir()):
            if _is_feed_name(old.name) and old.name not in files and old.is_file() and _ours(old):
                old.unlink()
                removed.append(old.name)
    except OSError as exc:
        where = exc.filename or folder
        fail(f"kan inte skriva i {where}: {_reason(exc)}.")
    return written, removed


@app.command()
def ical(
    *,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--utfil",
            metavar="FIL",
            help="Skriv ett flöde till FIL (.ics); - skriver till standardutdata.",
            show_default=False,
        ),
    ] = None,
    per_person: Annotated[
        Path | None,
        typer.Option(
            "--per-person",
            metavar="KATALOG",
            help=(
                "Skriv alla.ics, ett flöde per ansvarig person och per myndighet samt "
                "index.html till KATALOG (skapas vid behov)."
            ),
            show_default=False,
        ),
    ] = None,
    reminder: Annotated[
        int | None,
        typer.Option(
            "--påminnelse",
            metavar="DAGAR",
            min=0,
            max=365,
            help=(
                "Larm kl. 09 en arbetsdag DAGAR dagar före varje ej inlämnad redovisning "
                "(standard: inställningen påminnelse; 0 = inget larm)."
            ),
            show_default=False,
        ),
    ] = None,
    warning: Annotated[
        int,
        typer.Option(
            "--förvarning",
            metavar="DAGAR",
            min=0,
            max=365,
            help=(
                "Lägg en egen heldagshändelse DAGAR dagar före varje ej inlämnad redovisning, "
                "för kalendrar som struntar i larm i prenumerationer (0 = ingen)."
            ),
        ),
    ] = 0,
    name: Annotated[
        str | None,
        typer.Option(
            "--namn",
            metavar="NAMN",
            help="Kalenderns namn (standard: inställningen kalendernamn).",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--webbadress",
            metavar="URL",
            help=(
                "Publik adress till katalogen, för fasta länkar i index.html, t.ex. "
                "https://myndighet.github.io/uppdrag/ (bara med --per-person)."
            ),
            show_default=False,
        ),
    ] = None,
    agency: AgencyOpt = None,
    person: PersonOpt = None,
    ministry: MinistryOpt = None,
    tag: TagOpt = None,
    assignment: AssignmentOpt = None,
    kind: KindOpt = None,
    data: DataOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Skriv kalenderflöden (.ics) med alla redovisningar, att prenumerera på i Outlook, Google,
    Apple Kalender eller Thunderbird.

    Flödet innehåller alla datum, oavsett dagens datum: inlämnade redovisningar märks med ✓,
    återkallade uppdrag tas bort. Samma data ger samma bytes, och en fil skrivs bara om när
    innehållet ändrats.

    Exempel: uppdrag ical -o redovisningar.ics --påminnelse 14

    Exempel: uppdrag ical --per-person publik/ --förvarning 7
    """
    if (output is None) == (per_person is None):
        fail("ange antingen -o FIL (- för standardutdata) eller --per-person KATALOG.")
    if base_url is not None and per_person is None:
        fail("--webbadress gäller bara med --per-person.")
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        fail(f"--webbadress ska börja med https://, inte {base_url!r}.")
    if today is not None:
        resolve_today(today)  # checked for a typo, but the feed never depends on today
    stamp = _source_date_epoch()

    from uppdragskoll import feeds, views
    from uppdragskoll.render.ical import EventCache, FeedOptions, render_feed

    folder = resolve_data_dir(data)
    result = load(folder, no_cache=no_cache)
    _refuse_empty_data(folder, result)
    settings = result.settings
    # A value that matches nothing in the data (`--myndighet Socialstyrelsn`) is a typo: exit 2
    # with a suggestion. Values that exist but select nothing together give a valid empty feed.
    filters = selection(
        result,
        agency=agency,
        person=person,
        ministry=ministry,
        tag=tag,
        assignment=assignment,
        kind=kind,
    )
    occurrences = views.selected_occurrences(result.assignments, filters)
    calendar_name = name if name is not None else settings.calendar_name
    if not calendar_name.strip():
        fail("--namn får inte vara tomt.")
    options = FeedOptions(
        name=calendar_name,
        reminder_days=reminder if reminder is not None else (settings.reminder_days or 0),
        warning_days=warning,
        stamp=stamp,
    )
    if output is not None:
        feed = render_feed(occurrences, options)
        if output == "-":
            try:
                _write_stream(1, feed)
            except BrokenPipeError:
                raise  # `| head`: the reader left; main() exits quietly, like other tools
            except OSError as exc:
                fail(f"kan inte skriva till standardutdata: {_reason(exc)}.")
        else:
            target = Path(output)
            if target.is_dir():
                fail(f"{target} är en katalog; ange en fil, t.ex. {target / 'alla.ics'}.")
            if not target.parent.is_dir():
                fail(f"kan inte skriva {target}: katalogen {target.parent} finns inte.")
            if _foreign_file(target):
                # `-o data/uppdrag/x.yaml` by a slip of the hand must not replace the file
                fail(
                    f"{target} finns redan och är inte en kalender som uppdrag har skrivit; "
                    "ta bort filen eller välj ett annat namn."
                )
            try:
                changed = write_output(target, feed)
            except BrokenPipeError:
                raise
            except OSError as exc:
                fail(f"kan inte skriva {target}: {_reason(exc)}.")
            state = "skrev" if changed else "oförändrad:"
            sys.stderr.write(f"uppdrag: {state} {target} ({len(occurrences)} redovisningar)\n")
    else:
        assert per_person is not None
        planned = feeds.plan_feeds(occurrences)
        files: dict[str, bytes] = {}
        cache = EventCache()
        for f in planned:
            described = (
                options.description
                if f.kind == "alla"
                else f"Redovisningar av regeringsuppdrag för {f.label}, från uppdragskoll."
            )
            files[f.filename] = render_feed(
                f.occurrences,
                FeedOptions(
                    name=feeds.feed_name(calendar_name, f),
                    description=described,
                    reminder_days=options.reminder_days,
                    warning_days=options.warning_days,
                    stamp=stamp,
                ),
                cache,
            )
        files[feeds.INDEX_FILE] = feeds.index_html(planned, calendar_name, base_url).encode("utf-8")
        written, removed = _write_folder(per_person, files)
        # (named, so that whoever publishes can tell the subscribers of a feed that moved)
        gone = (
            f"; tog bort {len(removed)} gamla flöde{'' if len(removed) == 1 else 'n'}: "
            + ", ".join(removed)
            if removed
            else ""
        )
        same = len(files) - written
        sys.stderr.write(
            f"uppdrag: {len(planned)} flöde{'' if len(planned) == 1 else 'n'} i {per_person}: "
            f"{written} {'fil' if written == 1 else 'filer'} "
            f"{'skriven' if written == 1 else 'skrivna'}, "
            f"{same} {'oförändrad' if same == 1 else 'oförändrade'}{gone}\n"
        )
    report_skipped(result)
