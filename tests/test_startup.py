"""`uppdrag --help` stays at startup cost: heavy libraries load only in the commands."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pydantic", "ruamel", "icalendar", "holidays", "dateutil", "_ruamel_yaml")


def imported_after(code: str) -> set[str]:
    script = (
        "import sys, json\n"
        f"{code}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert imported_after("import uppdragskoll.cli") & set(HEAVY) == set()


def test_help_loads_no_heavy_library() -> None:
    code = (
        "from uppdragskoll import cli\n"
        "try:\n"
        "    sys.argv = ['uppdrag', '--help']; cli.app()\n"
        "except SystemExit:\n"
        "    pass\n"
    )
    assert imported_after(code) & set(HEAVY) == set()


def test_command_help_loads_no_heavy_library_of_ours() -> None:
    # typer itself builds pydantic TypeAdapters for a command's parameters, so a command's
    # help may import pydantic; the libraries only we use must still stay out.
    ours = set(HEAVY) - {"pydantic"}
    for command in ("status", "check", "ical", "klar", "importera"):
        code = (
            "from uppdragskoll import cli\n"
            "try:\n"
            f"    sys.argv = ['uppdrag', '{command}', '--help']; cli.app()\n"
            "except SystemExit:\n"
            "    pass\n"
        )
        assert imported_after(code) & ours == set(), command
