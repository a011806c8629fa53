"""The command line: the only module that reads the clock, the environment and the terminal,
and the only one that chooses exit codes. Heavy libraries are imported inside commands."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from uppdragskoll import clisv

clisv.install()

if TYPE_CHECKING:
    from uppdragskoll.loader import LoadResult
    from uppdragskoll.problems import Problem
    from uppdragskoll.render import Terminal
    from uppdragskoll.views import Filters


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1
    USAGE = 2
    INTERNAL = 3


app = typer.Typer(
    name="uppdrag",
    help=(
        "Håll koll på regeringsuppdrag: vad som ska redovisas, när, av vem och hur mycket "
        "pengar som finns kvar.\n\nExempel: uppdrag status"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"uppdrag {version('uppdragskoll')}\n")
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Visa versionen och avsluta.",
        ),
    ] = False,
) -> None:
    """Håll koll på regeringsuppdrag: vad som ska redovisas, när, av vem och hur mycket pengar
    som finns kvar.

    Exempel: uppdrag status
    """


# --- shared options, defined once -----------------------------------------------------------

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="KATALOG",
        help="Katalog med uppdragsfiler. Standard: $UPPDRAG_DATA, annars närmaste data/uppdrag.",
        show_default=False,
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Dagens datum, ÅÅÅÅ-MM-DD (standard: $UPPDRAG_TODAY, annars idag).",
        show_default=False,
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Visa hela felspårningen vid internt fel.")]


def fail(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    sys.stderr.write(f"uppdrag: {message}\n")
    raise typer.Exit(int(code))


def resolve_today(option: str | None) -> date:
    """`--today`, then `UPPDRAG_TODAY`, then the clock: the only place that reads it."""
    text = option or os.environ.get("UPPDRAG_TODAY")
    if not text:
        return date.today()
    from uppdragskoll.periods import PeriodError, parse_iso_date

    try:
        return parse_iso_date(text.strip())
    except PeriodError as exc:
        fail(f"ogiltigt datum i --today/UPPDRAG_TODAY: {str(exc).rstrip('.')}.")


def resolve_data_dir(option: Path | None) -> Path:
    from uppdragskoll.loader import find_data_dir

    if option is not None:
        if not option.is_dir():
            fail(f"datakatalogen {option} finns inte.")
        return option
    found = find_data_dir(Path.cwd(), dict(os.environ))
    if found is None:
        fail(
            "hittar ingen datakatalog: ange --data KATALOG, sätt UPPDRAG_DATA, eller kör "
            "kommandot i ett repo som har data/uppdrag."
        )
    if not found.is_dir():
        fail(f"datakatalogen {found} (från UPPDRAG_DATA) finns inte.")
    return found


def problem_exit(problems: list[Problem], *, strict: bool) -> ExitCode:
    from uppdragskoll.problems import Severity

    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return ExitCode.PROBLEMS if any(p.severity in failing for p in problems) else ExitCode.OK


NoCacheOpt = Annotated[
    bool,
    typer.Option("--ingen-cache", help="Läs om alla filer i stället för att använda cachen."),
]


def cache_dir(disabled: bool) -> Path | None:
    """`$UPPDRAG_CACHE` (a directory, or 0 to turn it off), else the user's cache directory."""
    setting = os.environ.get("UPPDRAG_CACHE", "")
    if disabled or setting.lower() in ("0", "nej", "no", "off", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "uppdragskoll"


def workers() -> int:
    return min(os.cpu_count() or 1, 8)


def load(data: Path | None, *, no_cache: bool = False) -> LoadResult:
    """Every assignment in the data directory; a directory without any is a usage error,
    since it is far more often the wrong folder than an empty repo."""
    from uppdragskoll import loader

    folder = resolve_data_dir(data)
    result = loader.load_paths(
        [folder], cache_dir=cache_dir(no_cache), workers=workers(), keep_positions=False
    )
    gc.freeze()  # what was loaded lives until the command ends: keep it out of the collector
    if result.files == 0:
        fail(
            f"inga uppdragsfiler (*.yaml) i {folder}. Fel katalog? Ange --data, eller skapa "
            "ett uppdrag med `uppdrag ny` eller `uppdrag importera`."
        )
    return without_errors(result)


def without_errors(result: LoadResult) -> LoadResult:
    """Views leave out files that break a rule which would make them miscount (an overlap of
    budget years or a duplicate id would be counted twice). Left-out files are named on stderr. A
    broken settings file is a usage error: silently falling back to defaults would change
    dates without a word."""
    from dataclasses import replace

    from uppdragskoll import checks, loader
    from uppdragskoll.problems import FORMATS, Severity

    settings = [
        p
        for p in result.problems
        if p.file.endswith(loader.SETTINGS_NAME) and p.severity is Severity.ERROR
    ]
    if settings:
        sys.stderr.write(FORMATS["text"](settings))
        fail(f"inställningarna i {settings[0].file} har fel; rätta dem (se ovan).")
    errors = checks.run_all(result.entries, checks.VIEW_CHECKS)
    broken = {p.file for p in errors}
    if not broken:
        return result
    return replace(
        result,
        entries=tuple(e for e in result.entries if e.file not in broken),
        problems=(*result.problems, *errors),
    )


# --- commands -------------------------------------------------------------------------------


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="SÖKVÄGAR",
            help="Filer eller kataloger att kontrollera (standard: datakatalogen).",
            show_default=False,
        ),
    ] = None,
    *,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Utdata: text, github (annoteringar i GitHub Actions) eller json.",
        ),
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Låt även varningar ge felkod 1.")
    ] = False,
    data: DataOpt = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="ÅÅÅÅ-MM-DD",
            help="Godtas för enhetlighet; check beror aldrig på datum.",
            show_default=False,
        ),
    ] = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kontrollera uppdragsfilerna: syntax, format, datum, belopp och regler mellan filer.

    Exempel: uppdrag check data/uppdrag --format github
    """
    from uppdragskoll import checks, loader
    from uppdragskoll.problems import FORMATS, summary

    if fmt not in FORMATS:
        fail(f"okänt format {fmt!r}; välj text, github eller json.")
    targets = list(paths) if paths else [resolve_data_dir(data)]
    # Settings live beside the data directory; for files, beside the folder they are in.
    settings_dir = (
        data
        if data is not None
        else next((p if p.is_dir() else p.parent for p in targets if p.exists()), None)
    )
    result = loader.load_paths(
        targets, settings_dir=settings_dir, cache_dir=cache_dir(no_cache), workers=workers()
    )
    problems = sorted([*result.problems, *checks.run_all([*result.entries, *result.flawed])])
    sys.stdout.write(FORMATS[fmt](problems))
    if fmt == "text":
        sys.stderr.write(summary(problems, result.files) + "\n")
    if result.files == 0:
        if not any(p.code == "finns-inte" for p in problems):
            sys.stderr.write(
                f"uppdrag: inga uppdragsfiler (*.yaml) i {', '.join(map(str, targets))}.\n"
            )
        raise typer.Exit(int(ExitCode.USAGE))
    raise typer.Exit(int(problem_exit(problems, strict=strict)))


@app.command()
def schema(debug: DebugOpt = False) -> None:
    """Skriv ut JSON Schema för uppdragsfilerna, för redigerare och andra verktyg.

    Exempel: uppdrag schema > uppdrag.schema.json
    """
    import json

    from uppdragskoll.model import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")


# --- views ----------------------------------------------------------------------------------

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", metavar="FORMAT", help="Utdata: tabell, json eller csv (semikolon, för Excel)."
    ),
]
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--myndighet",
        metavar="NAMN",
        help="Bara uppdrag där myndigheten ingår.",
        show_default=False,
    ),
]
PersonOpt = Annotated[
    str | None,
    typer.Option(
        "--person",
        metavar="PERSON",
        help="Bara redovisningar med denna ansvariga (id eller namn).",
        show_default=False,
    ),
]
MinistryOpt = Annotated[
    str | None,
    typer.Option(
        "--departement", metavar="NAMN", help="Bara uppdrag från departementet.", show_default=False
    ),
]
TagOpt = Annotated[
    str | None,
    typer.Option("--tagg", metavar="TAGG", help="Bara uppdrag med taggen.", show_default=False),
]
AssignmentOpt = Annotated[
    str | None,
    typer.Option(
        "--uppdrag", metavar="ID", help="Bara uppdraget med detta id.", show_default=False
    ),
]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--typ",
        metavar="TYP",
        help="Bara redovisningar av typen, t.ex. slutredovisning.",
        show_default=False,
    ),
]
DaysOpt = Annotated[
    int,
    typer.Option(
        "--dagar",
        metavar="N",
        min=0,
        max=36600,
        help="Visa redovisningar som förfaller inom N dagar.",
    ),
]
AllOpt = Annotated[
    bool, typer.Option("--alla", help="Visa alla datum, även inlämnade och långt fram i tiden.")
]

TABLE_FORMATS = ("tabell", "json", "csv")


def check_format(fmt: str) -> None:
    if fmt not in TABLE_FORMATS:
        fail(f"okänt format {fmt!r}; välj tabell, json eller csv.")


def terminal() -> Terminal:
    """Width and colour, decided here once: renderers never look at the terminal."""
    from uppdragskoll.render import Terminal

    tty = sys.stdout.isatty()
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    elif tty:
        width = shutil.get_terminal_size((100, 24)).columns
    else:
        width = 120  # fixed off a terminal, so piped output does not depend on who runs it
    color = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    return Terminal(width=max(40, width), color=color)


def make_filters(**given: str | None) -> Filters:
    from uppdragskoll.views import Filters

    return Filters(**given)


def validate_filters(filters: Filters, result: LoadResult) -> None:
    """Exit 2 with a suggestion when a filter value matches nothing in the data."""
    from uppdragskoll.loader import suggest

    unknown = filters.unknown(result.assignments)
    if unknown is None:
        return
    flag, value, choices = unknown
    more = f" och {len(choices) - 8} till" if len(choices) > 8 else ""
    hint = suggest(value, choices) or (
        f" Kända värden: {', '.join(choices[:8])}{more}."
        if choices
        else " Ingen fil har något sådant värde."
    )
    fail(f"{flag} {value!r} finns inte i datat.{hint}")


def selection(result: LoadResult, **given: str | None) -> Filters:
    """The filters of a view, checked against the data: an unknown id or a value that
    matches nothing exits 2 with a suggestion."""
    known_id(result, given.get("assignment"))
    filters = make_filters(**given)
    validate_filters(filters, result)
    return filters


def emit(
    fmt: str,
    table: Callable[[], str],
    data: Callable[[], object],
    rows: Callable[[], tuple[Sequence[dict[str, object]], Sequence[str]]],
) -> None:
    """Write a view as a table, JSON or CSV; renderers are imported only when chosen."""
    if fmt == "tabell":
        sys.stdout.write(table())
    elif fmt == "json":
        from uppdragskoll.render.data import to_json

        sys.stdout.write(to_json(data()))
    else:
        from uppdragskoll.render.data import csv_from_dicts

        sys.stdout.write(csv_from_dicts(*rows()))


def report_skipped(result: LoadResult) -> None:
    """After a view is written, name each file left out of it, with the line and column of its
    first errors, and exit 1, so a typo never hides an assignment silently and a script or CI
    job notices. The view itself still shows every file that could be read."""
    if not result.skipped:
        return
    write_errors(result.problems)
    noun = "1 fil" if result.skipped == 1 else f"{result.skipped} filer"
    sys.stderr.write(
        f"uppdrag: {noun} med fel visas inte (slutkod 1); kör `uppdrag check` för alla detaljer.\n"
    )
    raise typer.Exit(int(ExitCode.PROBLEMS))


MAX_SKIPPED_PROBLEMS = 10


def write_errors(problems: Sequence[Problem]) -> None:
    """The errors among `problems` on standard error as fil:rad:kolumn, the first ten."""
    from uppdragskoll.problems import Severity, render_text

    errors = sorted(p for p in problems if p.severity is Severity.ERROR)
    shown = errors[:MAX_SKIPPED_PROBLEMS]
    sys.stderr.write(render_text(shown))
    if len(errors) > len(shown):
        sys.stderr.write(f"… och {len(errors) - len(shown)} fel till.\n")


def known_id(result: LoadResult, ident: str | None, what: str = "uppdrag") -> None:
    from uppdragskoll.loader import suggest

    if ident is None:
        return
    ids = [e.assignment.id for e in result.entries]
    if ident not in ids:
        fail(f"okänt {what} {ident!r}.{suggest(ident, ids)}")


@app.command()
def status(
    *,
    days: DaysOpt = 90,
    all_dates: AllOpt = False,
    activities: Annotated[
        bool, typer.Option("--aktiviteter", help="Visa även myndighetens egna aktiviteter.")
    ] = False,
    agency: AgencyOpt = None,
    person: PersonOpt = None,
    ministry: MinistryOpt = None,
    tag: TagOpt = None,
    assignment: AssignmentOpt = None,
    kind: KindOpt = None,
    fmt: FormatOpt = "tabell",
    data: DataOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Vad är försenat, vad ska in snart, vem är ansvarig och hur mycket pengar finns kvar i år.

    Exempel: uppdrag status --dagar 30 --person projektledare-sos
    """
    from uppdragskoll import views
    from uppdragskoll.render import table

    check_format(fmt)
    day = resolve_today(today)
    result = load(data, no_cache=no_cache)
    filters = selection(
        result, agency=agency, person=person, ministry=ministry, tag=tag,
        assignment=assignment, kind=kind,
    )  # fmt: skip
    view = views.status_view(
        result.assignments,
        day,
        days=None if all_dates else days,
        filters=filters,
        rule=result.settings.holiday_rule,
        include_delivered=all_dates,
        with_milestones=activities,
        skipped_files=result.skipped,
    )
    emit(
        fmt,
        lambda: table.render_status(view, terminal()),
        view.as_json,
        lambda: ([r.as_json() for r in view.rows], CSV_DEADLINE_COLUMNS),
    )
    report_skipped(result)


CSV_DEADLINE_COLUMNS = (
    "datum",
    "veckodag",
    "dagar_kvar",
    "status",
    "uppdrag",
    "uppdragstitel",
    "redovisning",
    "titel",
    "typ",
    "mottagare",
    "ansvarig",
    "myndighet",
    "period",
    "inlämnad",
    "arbetsdag",
    "sista_arbetsdag",
    "nyckel",
)
CSV_BUDGET_COLUMNS = (
    "uppdrag",
    "uppdragstitel",
    "myndighet",
    "anslag",
    "år",
    "beräknat",
    "beviljat",
    "tak",
    "preliminärt",
    "utfall",
    "kvar",
)


@app.command()
def budget(
    *,
    year: Annotated[
        int | None,
        typer.Option(
            "--år",
            metavar="ÅÅÅÅ",
            min=1900,
            max=2200,
            help="Bara detta budgetår.",
            show_default=False,
        ),
    ] = None,
    agency: AgencyOpt = None,
    ministry: MinistryOpt = None,
    tag: TagOpt = None,
    assignment: AssignmentOpt = None,
    fmt: FormatOpt = "tabell",
    data: DataOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Pengar per uppdrag, anslag och år: beräknat, beviljat, utfall och kvar, med summor.

    Exempel: uppdrag budget --år 2026 --format csv > budget.csv
    """
    from uppdragskoll import views
    from uppdragskoll.render import table

    check_format(fmt)
    result = load(data, no_cache=no_cache)
    filters = selection(result, agency=agency, ministry=ministry, tag=tag, assignment=assignment)
    view = views.budget_view(filters.apply(result.assignments), year)
    emit(
        fmt,
        lambda: table.render_budget(view, terminal()),
        view.as_json,
        lambda: ([views.budget_json(r) for r in view.rows], CSV_BUDGET_COLUMNS),
    )
    report_skipped(result)


@app.command()
def ansvariga(
    *,
    days: DaysOpt = 90,
    all_dates: AllOpt = False,
    agency: AgencyOpt = None,
    person: PersonOpt = None,
    ministry: MinistryOpt = None,
    tag: TagOpt = None,
    assignment: AssignmentOpt = None,
    kind: KindOpt = None,
    fmt: FormatOpt = "tabell",
    data: DataOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Per person och myndighet: vad var och en ansvarar för och när, och vad som saknar ansvarig.

    Exempel: uppdrag ansvariga --myndighet Socialstyrelsen
    """
    from uppdragskoll import views
    from uppdragskoll.render import table

    check_format(fmt)
    day = resolve_today(today)
    result = load(data, no_cache=no_cache)
    filters = selection(
        result, agency=agency, person=person, ministry=ministry, tag=tag,
        assignment=assignment, kind=kind,
    )  # fmt: skip
    view = views.people_view(
        result.assignments,
        day,
        days=None if all_dates else days,
        filters=filters,
        rule=result.settings.holiday_rule,
        include_delivered=all_dates,
    )

    def rows() -> tuple[list[dict[str, object]], tuple[str, ...]]:
        people = [{**r.as_json(), "person": name} for name, group in view.people for r in group]
        nobody = [{**r.as_json(), "person": None} for r in view.nobody]
        return people + nobody, ("person", *CSV_DEADLINE_COLUMNS)

    emit(fmt, lambda: table.render_people(view, terminal()), view.as_json, rows)
    report_skipped(result)


@app.command()
def visa(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="Uppdragets id (filnamnet utan .yaml).")
    ],
    *,
    fmt: FormatOpt = "tabell",
    data: DataOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Allt om ett uppdrag: varje tillfälle, aktiviteter, källtexter, personer och budget.

    Exempel: uppdrag visa hjarta-karl-handlingsplan
    """
    from uppdragskoll import views
    from uppdragskoll.render import table

    check_format(fmt)
    day = resolve_today(today)
    result = load(data, no_cache=no_cache)
    ident = ident.split("/")[0].removesuffix(".yaml")
    entry = next((e for e in result.entries if e.assignment.id == ident), None)
    if entry is None:
        broken = [p for p in result.problems if Path(p.file).stem == ident]
        if broken:
            write_errors(broken)
            fail(
                f"uppdraget {ident!r} har fel och kan inte visas; kör `uppdrag check`.",
                ExitCode.PROBLEMS,
            )
        known_id(result, ident)
    assert entry is not None
    view = views.assignment_view(entry.assignment, entry.file, day, result.settings.holiday_rule)
    emit(
        fmt,
        lambda: table.render_assignment(view, terminal()),
        view.as_json,
        lambda: ([r.as_json() for r in view.rows], CSV_DEADLINE_COLUMNS),
    )


# Commands kept in their own modules register themselves on `app` when imported; the
# modules import only typer and the standard library at the top, so `--help` stays fast.
from uppdragskoll import cli_edit, cli_ical, cli_import  # noqa: E402, F401

# One line per command in `uppdrag --help`, whole: click would cut each docstring's first
# sentence at the column limit ("Kontrollera uppdragsfilerna: syntax, format, …och...").
SHORT_HELP = {
    "check": "Kontrollera uppdragsfilerna (syntax, datum, belopp, regler).",
    "schema": "Skriv ut JSON Schema för uppdragsfilerna.",
    "status": "Försenat och kommande, ansvariga och pengar kvar i år.",
    "budget": "Pengar per uppdrag, anslag och år.",
    "ansvariga": "Vad varje person och myndighet ansvarar för, och när.",
    "visa": "Allt om ett uppdrag.",
    "klar": "Registrera att en redovisning är inlämnad.",
    "flytta": "Regeringen har flyttat en redovisning: nytt datum.",
    "utfall": "Registrera pengar som använts eller rekvirerats.",
    "ny": "Skapa en ny uppdragsfil.",
    "ical": "Skriv kalenderflöden (.ics) med alla redovisningar.",
    "importera": "Läs ett regeringsbeslut och skriv ett utkast.",
}
for _command in app.registered_commands:
    _name = _command.name or (_command.callback.__name__ if _command.callback else "")
    _command.short_help = SHORT_HELP.get(_name, _command.short_help)


def main() -> None:
    """Console-script entry point: the one boundary that turns crashes into one sentence."""
    code: int | str | None = 0
    try:
        try:
            app()
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()  # inside the boundary: a full disk or closed pipe shows up here
    except BrokenPipeError:
        # `uppdrag status | head`: the reader left; say nothing, like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)
    except KeyboardInterrupt:
        sys.stderr.write("uppdrag: avbrutet.\n")
        sys.exit(130)
    except OSError as exc:
        if "--debug" in sys.argv:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        from uppdragskoll.problems import os_reason

        reason = os_reason(exc)
        sys.stderr.write(f"uppdrag: kan inte läsa eller skriva{where}: {reason}.\n")
        sys.exit(int(ExitCode.USAGE))
    except Exception:
        if "--debug" in sys.argv:
            raise
        sys.stderr.write(
            "uppdrag: internt fel. Kör samma kommando med --debug och rapportera felet "
            "med utskriften.\n"
        )
        sys.exit(int(ExitCode.INTERNAL))
    sys.exit(code)


if __name__ == "__main__":
    main()
