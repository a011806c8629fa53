"""`uppdrag klar`, `flytta`, `utfall`, `ny`: edits that keep every other byte of the file.

Registered on the app in cli.py. Only typer, the standard library and uppdragskoll.cli are
imported at the top; the loader, ruamel and pydantic load inside the commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from uppdragskoll.cli import (
    DataOpt,
    DebugOpt,
    ExitCode,
    TodayOpt,
    app,
    fail,
    resolve_data_dir,
    resolve_today,
)

if TYPE_CHECKING:
    from uppdragskoll.edit import NewAssignment, Refusal, Result, Source
    from uppdragskoll.loader import Entry
    from uppdragskoll.problems import Problem

T = TypeVar("T")

DryRunOpt = Annotated[
    bool,
    typer.Option(
        "--torrkörning", help="Visa ändringen som en diff i stället för att skriva filen."
    ),
]
KeyArg = Annotated[
    str,
    typer.Argument(
        metavar="UPPDRAG/REDOVISNING",
        help=(
            "Uppdragets och redovisningens id, t.ex. hjarta-karl-handlingsplan/plan; ett "
            "tillfälle som UPPDRAG/REDOVISNING/ÅÅÅÅ-MM-DD (som i `status --format json` och "
            "kalenderns UID)."
        ),
        show_default=False,
    ),
]


@dataclass(frozen=True)
class _Target:
    """The file an edit is about, read once: everything needed to edit, verify and write."""

    path: Path
    source: Source
    others: tuple[Entry, ...]
    context: dict[str, Any]
    broken: tuple[str, ...] = ()  # other files that had errors before the edit


def _refused(refusal: Refusal) -> NoReturn:
    from uppdragskoll.problems import render_text

    if refusal.problems:
        sys.stderr.write(render_text(sorted(refusal.problems)))
    fail(refusal.message, ExitCode.USAGE if refusal.usage else ExitCode.PROBLEMS)


def _guard(action: Callable[[], T]) -> T:
    """Run an edit step; a refusal or an uneditable file becomes a message and an exit code."""
    from uppdragskoll.edit import Refusal
    from uppdragskoll.yamlio import EditError

    try:
        return action()
    except Refusal as refusal:
        _refused(refusal)
    except EditError as exc:
        fail(str(exc), ExitCode.PROBLEMS)


def _open(ident: str, data: Path | None) -> _Target:
    from uppdragskoll import edit, loader
    from uppdragskoll.problems import os_reason

    data_dir = resolve_data_dir(data)
    result = loader.load_paths([data_dir])
    files, _ = loader.find_files([data_dir])
    matches = [p for p in files if p.stem == ident]
    if not matches:
        stems = sorted({p.stem for p in files})
        fail(f"okänt uppdrag {ident!r}.{loader.suggest(ident, stems)}")
    if len(matches) > 1:
        shown = " och ".join(loader.display_name(p) for p in matches)
        fail(
            f"uppdraget {ident!r} finns i två filer ({shown}); ta bort den ena.", ExitCode.PROBLEMS
        )
    path = matches[0]
    name = loader.display_name(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:  # rights or a missing disk: the setup, not the data (DESIGN.md)
        fail(f"kan inte läsa {name}: {os_reason(exc)}.", ExitCode.USAGE)
    others = tuple(e for e in result.entries if e.file != name)
    context = {"seasons": result.settings.season_map()}
    source = _guard(lambda: edit.read_source(raw, name, ident, context, others))
    broken = edit.files_with_errors([*result.problems, *source.checked], name)
    return _Target(path, source, others, context, tuple(broken))


_NAMED = 5


def _broken_note(files: Sequence[str]) -> list[str]:
    """One note naming the other files that already had errors: they do not block the edit
    (it adds none), but `uppdrag check` still reports them."""
    if not files:
        return []
    shown = ", ".join(files[:_NAMED])
    if len(files) > _NAMED:
        shown += f" och {len(files) - _NAMED} till"
    which = "en annan fil" if len(files) == 1 else "andra filer"
    return [
        f"obs: {which} hade redan fel före ändringen ({shown}); de hindrar den inte, men "
        "`uppdrag check` rapporterar dem tills de är rättade."
    ]


_UID_DOMAIN = "@uppdragskoll"
_REMINDER = "/forvarning"


def _split_key(key: str) -> tuple[str, str, date | None]:
    """`UPPDRAG/REDOVISNING`, optionally with `/ÅÅÅÅ-MM-DD` for one occurrence: the key that
    `status --format json` prints, and the calendar UID (`…@uppdragskoll`, also a reminder's
    `…/forvarning@uppdragskoll`)."""
    clean = key.strip()
    if clean.endswith(_UID_DOMAIN):
        clean = clean.removesuffix(_UID_DOMAIN).removesuffix(_REMINDER)
    parts = clean.split("/")
    if len(parts) not in (2, 3) or not all(parts):
        fail(
            f"{key!r}: skriv UPPDRAG/REDOVISNING, t.ex. hjarta-karl-handlingsplan/plan, eller "
            "UPPDRAG/REDOVISNING/ÅÅÅÅ-MM-DD för ett tillfälle (`uppdrag visa UPPDRAG` visar "
            "redovisningarnas id)."
        )
    due = _date(parts[2], repr(key)) if len(parts) == 3 else None
    return parts[0], parts[1], due


def _occurrence(key: str, in_key: date | None, option: str | None) -> date | None:
    """The occurrence from the key or from `--tillfälle`; both must agree when both are given."""
    chosen = _date(option, "--tillfälle") if option is not None else None
    if in_key is not None and chosen is not None and in_key != chosen:
        fail(
            f"{key!r} pekar på tillfället {in_key.isoformat()} men --tillfälle är "
            f"{chosen.isoformat()}; ange bara det ena."
        )
    return in_key if in_key is not None else chosen


def _date(text: str, option: str) -> date:
    from uppdragskoll.periods import PeriodError, parse_iso_date

    try:
        return parse_iso_date(text)
    except PeriodError as exc:
        fail(f"{option}: {str(exc).rstrip('.')}.")


def _today(option: str | None) -> date:
    """`resolve_today`, with the same message as every other date option for an impossible
    date (`2026-02-30 är inget giltigt datum …`) instead of only the expected format."""
    text = option or os.environ.get("UPPDRAG_TODAY")
    if text:
        _date(text, "--today" if option else "UPPDRAG_TODAY")
    return resolve_today(option)


def _finish(
    path: Path,
    name: str,
    before: bytes | None,
    result: Result,
    warnings: Sequence[Problem],
    *,
    dry_run: bool,
    notes: Sequence[str] = (),
) -> None:
    """Show the diff (dry run) or write the file atomically, then say what happened; `notes`
    (`obs: …`, `varning: …`) follow the warnings."""
    from uppdragskoll.edit import unified_diff
    from uppdragskoll.problems import os_reason, render_text
    from uppdragskoll.yamlio import ChangedOnDisk, write_atomic

    if dry_run:
        sys.stdout.write(unified_diff(name, before, result.raw))
        sys.stderr.write(render_text(warnings))
        sys.stderr.writelines(f"uppdrag: {note}\n" for note in notes)
        sys.stderr.write("uppdrag: torrkörning, inget har skrivits.\n")
        return
    try:
        write_atomic(path, result.raw, expected=before)
    except ChangedOnDisk:
        what = "har ändrats sedan den lästes" if before is not None else "finns redan"
        fail(f"{name} {what}; inget har skrivits. Kör kommandot igen.", ExitCode.PROBLEMS)
    except OSError as exc:  # rights, a full disk: the setup, not the data (DESIGN.md)
        fail(f"kan inte skriva {name}: {os_reason(exc)}; inget har ändrats.", ExitCode.USAGE)
    sys.stderr.write(render_text(warnings))
    sys.stderr.writelines(f"uppdrag: {note}\n" for note in notes)
    sys.stdout.write(f"{result.message} i {name}.\n")


def _edit(
    target: _Target,
    make: Callable[[Source], Result],
    *,
    dry_run: bool,
    allow: Sequence[str] = (),
    notes: Callable[[Sequence[Problem]], list[str]] | None = None,
) -> None:
    """Make the edit, verify it (`allow`: rules whose new errors are accepted) and write it;
    `notes` adds lines for the user from the result's warnings."""
    from uppdragskoll import edit

    source = target.source
    result = _guard(lambda: make(source))
    stem = source.assignment.id
    warnings = _guard(
        lambda: edit.verify(
            source, source.name, stem, result.raw, target.others, target.context, allow=allow
        )
    )
    said = [*_broken_note(target.broken), *result.notes, *(notes(warnings) if notes else [])]
    _finish(target.path, source.name, source.raw, result, warnings, dry_run=dry_run, notes=said)


@app.command()
def klar(
    key: KeyArg,
    *,
    day: Annotated[
        str | None,
        typer.Option(
            "--datum",
            metavar="ÅÅÅÅ-MM-DD",
            help="Dagen redovisningen lämnades in (standard: idag).",
            show_default=False,
        ),
    ] = None,
    occurrence: Annotated[
        str | None,
        typer.Option(
            "--tillfälle",
            metavar="ÅÅÅÅ-MM-DD",
            help=(
                "För en återkommande redovisning: tillfällets förfallodag "
                "(standard: det tidigaste som inte är inlämnat). Samma som "
                "UPPDRAG/REDOVISNING/ÅÅÅÅ-MM-DD."
            ),
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    data: DataOpt = None,
    today: TodayOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Registrera att en redovisning är inlämnad (`inlämnad` i filen); kommentarer och allt
    annat i filen lämnas orört.

    Inlämningsdagen får inte ligga efter idag eller före uppdragets beslutsdatum.

    Exempel: uppdrag klar hjarta-karl-handlingsplan/plan --datum 2026-05-29
    """
    from uppdragskoll import edit

    ident, deadline_id, in_key = _split_key(key)
    due = _occurrence(key, in_key, occurrence)
    now = _today(today)
    delivered = _date(day, "--datum") if day is not None else now
    target = _open(ident, data)
    _edit(
        target,
        lambda source: edit.record_delivery(source, deadline_id, delivered, due, today=now),
        dry_run=dry_run,
    )


@app.command()
def flytta(
    key: KeyArg,
    new_due: Annotated[
        str,
        typer.Argument(
            metavar="NYTT_DATUM",
            help='Det nya datumet, ÅÅÅÅ-MM-DD eller en period som "hösten 2027".',
            show_default=False,
        ),
    ],
    *,
    decision: Annotated[
        str,
        typer.Option(
            "--beslut",
            metavar="DNR",
            help="Diarienumret för regeringsbeslutet som flyttar datumet, t.ex. S2026/01234.",
            show_default=False,
        ),
    ],
    source_text: Annotated[
        str | None,
        typer.Option(
            "--källtext",
            metavar="TEXT",
            help="Meningen i beslutet som anger det nya datumet (sparas i `ändringar`).",
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--beslutsdatum",
            metavar="ÅÅÅÅ-MM-DD",
            help=(
                "När beslutet om flytten fattades (standard: idag; inte efter idag); sparas "
                "som `beslutad`."
            ),
            show_default=False,
        ),
    ] = None,
    occurrence: Annotated[
        str | None,
        typer.Option(
            "--tillfälle",
            metavar="ÅÅÅÅ-MM-DD",
            help=(
                "Ett enskilt tillfälle i en återkommande redovisning. Det kan formatet inte "
                "uttrycka: kommandot visar hur serien delas för hand."
            ),
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    data: DataOpt = None,
    today: TodayOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Regeringen har flyttat en redovisning: nytt datum i `datum`, det gamla sparas i
    `ändringar` tillsammans med beslutet. Ett diarienummer som inte ser ut som
    Regeringskansliets ger en varning men sparas som det är skrivet.

    En återkommande redovisning flyttas som hel serie: `till` följer med så att antalet
    tillfällen är detsamma.

    Exempel: uppdrag flytta hjarta-karl-handlingsplan/slutredovisning 2029-03-31 --beslut
    S2026/01234
    """
    from uppdragskoll import edit

    ident, deadline_id, in_key = _split_key(key)
    due = _occurrence(key, in_key, occurrence)
    now = _today(today)
    when = _date(decided, "--beslutsdatum") if decided is not None else now
    target = _open(ident, data)
    seasons = target.context["seasons"]
    _edit(
        target,
        lambda source: edit.move_deadline(
            source, deadline_id, new_due, decision, source_text, seasons, when, due, today=now
        ),
        dry_run=dry_run,
    )


@app.command()
def utfall(
    ident: Annotated[
        str, typer.Argument(metavar="UPPDRAG", help="Uppdragets id.", show_default=False)
    ],
    *,
    amount: Annotated[
        str,
        typer.Option(
            "--belopp",
            metavar="BELOPP",
            help='Beloppet, t.ex. "2 400 000 kr", "2,4 mnkr" eller 2400000.',
            show_default=False,
        ),
    ],
    day: Annotated[
        str,
        typer.Option(
            "--datum",
            metavar="ÅÅÅÅ-MM-DD",
            help="Dagen pengarna användes eller rekvirerades (inte efter idag).",
            show_default=False,
        ),
    ],
    appropriation: Annotated[
        str | None,
        typer.Option(
            "--anslag",
            metavar="ANSLAG",
            help='Välj budgetrad efter anslag, t.ex. 1:6 eller "UO9 1:6 ap.16".',
            show_default=False,
        ),
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--myndighet",
            metavar="MYNDIGHET",
            help="Välj budgetrad efter myndighet.",
            show_default=False,
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            metavar="TEXT",
            help="Vad utfallet avser, t.ex. rekvisition.",
            show_default=False,
        ),
    ] = None,
    over_ceiling: Annotated[
        bool,
        typer.Option(
            "--över-tak",
            help=(
                "Registrera utfallet även om det går över årets tak (pengarna har verkligen "
                "använts). `uppdrag check` rapporterar det som fel tills taket höjs."
            ),
        ),
    ] = False,
    duplicate: Annotated[
        bool,
        typer.Option(
            "--dubblett",
            help=(
                "Registrera utfallet även om budgetraden redan har ett likadant (samma datum, "
                "belopp och text), t.ex. två lika fakturor samma dag."
            ),
        ),
    ] = False,
    dry_run: DryRunOpt = False,
    data: DataOpt = None,
    today: TodayOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Registrera pengar som använts eller rekvirerats (`utfall` på en budgetrad).

    Med flera budgetrader väljs raden med --anslag eller --myndighet, annars den enda som har
    belopp för utfallets år. Ett utfall över årets tak stoppas, utom med --över-tak; ett
    likadant utfall som redan finns stoppas, utom med --dubblett.

    Exempel: uppdrag utfall palliativ-vard-riktlinjer --belopp "1 500 000 kr" --datum
    2025-12-01 --anslag 1:6 --text "rekvisition Kammarkollegiet"
    """
    from uppdragskoll import edit

    spent = _date(day, "--datum")
    now = _today(today)
    target = _open(ident.strip(), data)

    def notes(warnings: Sequence[Problem]) -> list[str]:
        said = []
        if any(p.code == edit.OVER_CEILING for p in warnings):
            said.append(
                "varning: utfallet går över taket och registreras ändå (--över-tak). "
                "`uppdrag check` rapporterar det som fel tills taket (`beviljat`) höjs i "
                "filen; status och budget visar det negativa beloppet som kvar, i rött."
            )
        hint = edit.requisition_hint(target.source.assignment, spent, text)
        if hint:
            said.append(f"obs: {hint}")
        return said

    _edit(
        target,
        lambda source: edit.record_spending(
            source,
            amount,
            spent,
            appropriation=appropriation,
            agency=agency,
            text=text,
            today=now,
            duplicate=duplicate,
        ),
        dry_run=dry_run,
        allow=(edit.OVER_CEILING,) if over_ceiling else (),
        notes=notes,
    )


def _interactive() -> bool:
    """Whether `ny` may ask questions: only when someone sits at the terminal."""
    return sys.stdin.isatty()


# Ctrl-C, as cli.main and typer end an interrupted command: 128 + SIGINT.
_INTERRUPTED = 130


def _prompt(label: str, default: str) -> str:
    """One answer from the terminal. Ctrl-C exits 130 like the rest of the CLI; Ctrl-D (the
    input ends without an answer) is a usage error, 2. Never 1, which means errors in the data.
    Nothing has been written at a question."""
    try:
        return str(typer.prompt(label, default=default, show_default=bool(default)))
    except typer.Abort as exc:
        # click turns both into Abort ("Aborted!", exit 1); the key pressed is its context.
        sys.stderr.write("\n")
        if isinstance(exc.__context__, EOFError):
            fail("avbrutet (inget svar, Ctrl-D); inget har skrivits.", ExitCode.USAGE)
        sys.stderr.write("uppdrag: avbrutet; inget har skrivits.\n")
        raise typer.Exit(_INTERRUPTED) from None


def _ask(
    label: str, check: Callable[[str], object], *, required: bool = False, default: str = ""
) -> str:
    """Ask in the terminal until the answer passes `check` (empty is fine unless required)."""
    from uppdragskoll.edit import Refusal

    while True:
        answer = _prompt(label, default).strip()
        if not answer and not required:
            return ""
        if not answer:
            sys.stderr.write("uppdrag: ett värde behövs.\n")
            continue
        try:
            check(answer)
        except Refusal as refusal:
            sys.stderr.write(f"uppdrag: {refusal.message}\n")
            continue
        return answer


@app.command()
def ny(
    *,
    ident: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="UPPDRAG",
            help="Uppdragets id och filnamn (standard: bildas av titeln).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--titel", metavar="TEXT", help="Uppdragets titel.", show_default=False),
    ] = None,
    ministry: Annotated[
        str | None,
        typer.Option(
            "--departement",
            metavar="NAMN",
            help="Departementet, t.ex. Socialdepartementet.",
            show_default=False,
        ),
    ] = None,
    case_numbers: Annotated[
        list[str] | None,
        typer.Option(
            "--diarienummer",
            metavar="DNR",
            help="Beslutets diarienummer, t.ex. S2025/01981 (kan anges flera gånger).",
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option("--beslutad", metavar="ÅÅÅÅ-MM-DD", help="Beslutsdatum.", show_default=False),
    ] = None,
    agencies: Annotated[
        list[str] | None,
        typer.Option(
            "--myndighet",
            metavar="NAMN",
            help="Myndighet i uppdraget; den första blir huvudansvarig (kan anges flera gånger).",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--källa",
            metavar="LÄNK",
            help="Länk till beslutet på regeringen.se.",
            show_default=False,
        ),
    ] = None,
    tags: Annotated[
        list[str] | None,
        typer.Option(
            "--tagg", metavar="TAGG", help="Tagg (kan anges flera gånger).", show_default=False
        ),
    ] = None,
    final_due: Annotated[
        str | None,
        typer.Option(
            "--slutredovisning",
            metavar="DATUM",
            help='Slutredovisningens datum eller period, t.ex. 2028-10-15 eller "hösten 2028".',
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    data: DataOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Skapa en ny uppdragsfil från flaggor, eller genom frågor i terminalen när något
    väsentligt saknas.

    Exempel: uppdrag ny --titel "Uppdrag om vårdens kompetensförsörjning" --departement
    Socialdepartementet --diarienummer S2026/00123 --beslutad 2026-02-12 --myndighet
    Socialstyrelsen --slutredovisning 2027-03-31
    """
    from uppdragskoll import edit, loader

    data_dir = resolve_data_dir(data)
    result = loader.load_paths([data_dir])
    context = {"seasons": result.settings.season_map()}
    files, _ = loader.find_files([data_dir])
    existing = sorted({p.stem for p in files} | {e.assignment.id for e in result.entries})
    seasons = context["seasons"]
    interactive = _interactive()

    def no_check(_: str) -> None:
        return None

    def check_date(answer: str) -> None:
        # a day as the decision writes it ("15 mars 2026") as well as 2026-03-15
        _, period = edit.parse_due(answer, seasons)
        if period.start != period.end:
            raise edit.Refusal(
                f"{answer!r} är ingen dag; skriv t.ex. 2026-03-15 eller 15 mars 2026."
            )

    if title is not None and not title.strip():
        if not interactive:
            fail("titel saknas: --titel är tom; ange uppdragets titel.")
        title = None  # asked for below, like a missing one
    if title is None:
        if not interactive:
            fail("ange --titel (eller kör kommandot i en terminal för att få frågor).")
        title = _ask("Titel", no_check, required=True)
    if ident is None:
        ident = edit.slug(title)
        if not ident and not interactive:
            fail(
                f"av titeln {title!r} går inget id att bilda (den har inga bokstäver a–z eller "
                "siffror); ange --id."
            )
        if interactive:
            ident = _ask(
                "Id (filnamn)",
                lambda a: edit.check_id(a, existing),
                required=True,
                default=ident,
            )
    if interactive:
        if ministry is None:
            ministry = _ask("Departement", no_check) or None
        if case_numbers is None:
            case_numbers = [n for n in [_ask("Diarienummer", no_check)] if n]
        if decided is None:
            answer = _ask("Beslutad (datum)", check_date)
            decided = edit.parse_due(answer, seasons)[1].due.isoformat() if answer else None
        if agencies is None:
            agencies = [a for a in [_ask("Huvudansvarig myndighet", no_check)] if a]
        if final_due is None:
            final_due = (
                _ask("Slutredovisning (datum eller period)", lambda a: edit.parse_due(a, seasons))
                or None
            )
    _guard(lambda: edit.check_id(ident or "", existing))
    fields = edit.NewAssignment(
        id=ident,
        title=title,
        ministry=ministry,
        case_numbers=tuple(case_numbers or ()),
        decided=_date(decided, "--beslutad") if decided else None,
        agencies=tuple(agencies or ()),
        source=source,
        tags=tuple(tags or ()),
        final_due=final_due,
    )
    made = _guard(lambda: edit.new_assignment(fields, seasons))
    path = data_dir / f"{ident}.yaml"
    name = loader.display_name(path)
    from uppdragskoll import checks

    baseline = checks.run_all(result.entries)
    warnings = _guard(
        lambda: edit.verify(None, name, ident, made.raw, result.entries, context, baseline=baseline)
    )
    broken = edit.files_with_errors([*result.problems, *baseline], name)
    _finish(path, name, None, made, warnings, dry_run=dry_run, notes=_broken_note(broken))
    for note in _missing(fields):
        sys.stderr.write(f"uppdrag: obs: {note}\n")


def _missing(fields: NewAssignment) -> list[str]:
    """What a new file lacks that the overviews need, said after it is created."""
    notes = []
    if not fields.final_due:
        notes.append(
            "uppdraget har inga redovisningar ännu och syns inte i `uppdrag status` förrän "
            "en läggs till under `redovisningar:` i filen."
        )
    if not fields.agencies:
        notes.append("ingen myndighet angavs; lägg till den under `myndigheter:` i filen.")
    return notes
