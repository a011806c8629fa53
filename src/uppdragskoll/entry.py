"""Console-script entry point: `uppdrag --help` from a stored text, everything else via cli.

The help page is the first thing a new user runs and what shells and scripts probe; it is
answered without importing typer and the commands. tests/test_startup.py keeps the stored
text equal to what typer prints (`pytest --update-golden` rewrites it). Click wraps help at
80 columns at most, so the stored page is right for any terminal at least that wide;
narrower ones go the normal way.
"""

import os
import sys

HELP_WIDTH = 80


def _width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except OSError:
        return HELP_WIDTH  # not a terminal: click uses 80 too


def main() -> None:
    if sys.argv[1:] in (["--help"], ["-h"]) and _width() >= HELP_WIDTH:
        from uppdragskoll._help import TEXT

        sys.stdout.write(TEXT)
        return
    from uppdragskoll.cli import main as run

    run()
