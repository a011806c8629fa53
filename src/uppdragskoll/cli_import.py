"""`uppdrag importera`: a decision's text to a draft assignment file (registered in cli.py)."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from uppdragskoll.cli import DataOpt, DebugOpt, ExitCode, app, fail, resolve_data_dir

# A decision is tens of KiB, a long one with appendices a few hundred; 2 MiB reads in a few
# seconds, while 10 MiB took half a minute and most of a GiB of memory.
MAX_TEXT_BYTES = 2 * 1024 * 1024


def _read_text(source: Path) -> str:
    from uppdragskoll.importer.text import decode_text  # (not at start-up: see test_startup)

    try:
        raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if str(source) == "-" else None
        if raw is None:
            if source.is_dir():
                fail(f"{source} är en katalog; ange beslutets textfil.")
            if not source.is_file():
                fail(f"filen {source} finns inte.")
            with source.open("rb") as handle:  # never more than the limit in memory
                raw = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        from uppdragskoll.problems import os_reason

        fail(f"kan inte läsa {source}: {os_reason(exc)}.")
    if len(raw) > MAX_TEXT_BYTES:
        fail(
            f"{source} är större än {MAX_TEXT_BYTES // (1024 * 1024)} MiB; "
            "är det verkligen ett beslut?"
        )
    if raw.startswith(b"%PDF"):
        fail(
            f"{source} är en PDF; kopiera texten ur den (eller ta ut den med t.ex. pdftotext) "
            "till en textfil först."
        )
    if raw.startswith(b"PK\x03\x04"):
        fail(
            f"{source} är ett Word- eller zip-dokument; spara eller kopiera texten till en "
            "textfil först."
        )
    text = decode_text(raw)
    head = text[:4096]
    if sum(1 for c in head if c.isprintable() or c in "\n\r\t\f") < 0.95 * len(head):
        fail(
            f"{source} ser ut att vara en binärfil; kopiera texten ur PDF:en till en textfil först."
        )
    if not text.strip():
        fail(f"{source} är tom; kopiera beslutets text till filen först.")
    return text


def _iso_date(value: str) -> str:
    """`--beslutad 2025-04-10`: a real date, or a clear message."""
    import datetime

    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        fail(f"--beslutad {value!r} är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-04-10.")


def _title_key(title: str) -> str:
    words = " ".join(title.split()).casefold()
    return re.sub(r"^(uppdrag|regeringsuppdrag)( att| om| till| avseende)?\s+", "", words)


def _refuse_duplicate(data: dict[str, object], folder: Path, *, titled: bool) -> None:
    """A decision already in the data directory is not imported a second time by default
    (by its case number, or by its title when the text has one)."""
    from uppdragskoll import dnr, loader

    def keys(numbers: object) -> dict[str, str]:
        """Comparable key -> the number as the decision writes it (for the message)."""
        listed = numbers if isinstance(numbers, (list, tuple)) else []
        shown = [dnr.normalise_dnr(str(n)).removesuffix(" (delvis)") for n in listed]
        return {n.casefold(): n for n in shown}

    wanted = keys(data.get("diarienummer"))
    title = _title_key(str(data.get("titel", ""))) if titled else ""
    for entry in loader.load_paths([folder]).entries:
        existing = entry.assignment
        theirs = keys(existing.case_numbers)
        same_dnr = sorted(wanted[k] for k in wanted.keys() & theirs.keys())
        # A decision's heading ("Uppdrag att ta fram …") and the file's title ("Ta fram …")
        # differ in their first words; compare what follows.
        same_title = (
            bool(title)
            # (not two decisions with their own, different numbers: "… 2025" and "… 2026")
            and not (wanted and theirs and not wanted.keys() & theirs.keys())
            and difflib.SequenceMatcher(None, title, _title_key(existing.title)).ratio() >= 0.85
        )
        if same_dnr or same_title:
            reason = f"samma diarienummer {same_dnr[0]}" if same_dnr else "nästan samma titel"
            fail(
                f"beslutet verkar redan finnas i {entry.file} ({reason}); inget har skrivits. "
                "Är det ett nytt uppdrag, skriv utkastet till en egen fil med -o."
            )


@app.command()
def importera(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help=(
                "Beslutets text (kopierad från regeringen.se eller ur PDF:en); "
                "- läser standardinmatning."
            ),
        ),
    ],
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--utfil",
            metavar="FIL",
            help="Skriv utkastet hit (- för standardutdata). Standard: datakatalogen/<id>.yaml.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="yaml (utkast i dataformatet) eller json (fakta med teckenpositioner i texten).",
        ),
    ] = "yaml",
    decided: Annotated[
        str | None,
        typer.Option(
            "--beslutad",
            metavar="DATUM",
            help=(
                "Beslutsdatum (ÅÅÅÅ-MM-DD) när texten inte har det – regeringen.se visar det "
                "bredvid beslutet. Ger år åt årliga redovisningar utan år."
            ),
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Läs ett regeringsbeslut och skriv ett utkast till uppdragsfil med alla datum och belopp
    som hittas, var och en med meningen den kommer från, för en människa att granska.

    Skriver aldrig över en befintlig fil. Utkastets kommentarer överst säger vad som behöver
    granskas: återkommande redovisningar utan datum, osäkra typer, belopp utan år.

    Exempel: uppdrag importera beslut.txt -o data/uppdrag/nytt-uppdrag.yaml
    """
    from uppdragskoll import checks, loader, yamlio
    from uppdragskoll.importer import draft_from_text
    from uppdragskoll.problems import FORMATS, Severity

    if fmt not in ("yaml", "json"):
        fail(f"okänt format {fmt!r}; välj yaml eller json.")
    if decided is not None:
        decided = _iso_date(decided)
    text = _read_text(source)
    draft = draft_from_text(text, source=str(source), decided=decided)
    body = draft.to_yaml() if fmt == "yaml" else draft.to_json()
    if output is not None and str(output) == "-":
        sys.stdout.write(body)
        return
    if output is None:
        if fmt == "json":
            sys.stdout.write(body)
            return
        folder = resolve_data_dir(data)
        _refuse_duplicate(draft.data, folder, titled=draft.titled)
        output = folder / f"{draft.suggested_id}.yaml"
        for n in range(2, 100):
            if not output.exists():
                break
            # another decision whose title gives the same name: the next free one
            output = folder / f"{draft.suggested_id}-{n}.yaml"
    if output.exists():
        fail(f"{output} finns redan; inget har skrivits. Ange en annan fil med -o.")
    if not output.parent.is_dir():
        fail(f"katalogen {output.parent} finns inte.")
    try:
        yamlio.write_atomic(output, body.encode("utf-8"), expected=None)
    except yamlio.EditError as exc:
        fail(str(exc))
    except OSError as exc:
        from uppdragskoll.problems import os_reason

        fail(f"kan inte skriva {output}: {os_reason(exc)}.")
    facts = [f for f in draft.facts if f.kind in ("redovisning", "belopp")]
    sys.stderr.write(
        f"Skrev utkastet {output} med {len(facts)} datum och belopp; "
        + (
            "1 punkt att granska står överst i filen.\n"
            if len(draft.review) == 1
            else f"{len(draft.review)} punkter att granska står överst i filen.\n"
        )
    )
    if fmt == "yaml" and output.suffix in loader.SUFFIXES:
        result = loader.load_paths([output], settings_dir=output.parent)
        problems = sorted([*result.problems, *checks.run_all(result.entries)])
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            sys.stderr.write(FORMATS["text"](errors))
            sys.stderr.write(
                "Utkastet har fel som måste rättas innan det klarar `uppdrag check`.\n"
            )
            raise typer.Exit(int(ExitCode.PROBLEMS))
