"""`uppdrag --help` stays at startup cost: heavy libraries load only in the commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


def help_module_source(text: str) -> str:
    assert '"""' not in text and "\\" not in text
    return (
        '"""`uppdrag --help` as typer prints it; kept in sync by tests/test_startup.py."""\n\n'
        f'TEXT = """\\\n{text}"""\n'
    )


def test_stored_help_is_what_typer_prints(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import ROOT, run

    from uppdragskoll import _help

    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run("--help")
    assert code == 0
    source = ROOT / "src" / "uppdragskoll" / "_help.py"
    if request.config.getoption("--update-golden"):
        source.write_text(help_module_source(out), "utf-8")
        return
    assert out == _help.TEXT, "run pytest --update-golden to store the new help text"
    assert source.read_text("utf-8") == help_module_source(out)


def test_entry_point_answers_help_without_importing_the_cli() -> None:
    code = (
        "import io, contextlib\n"
        "from uppdragskoll import entry\n"
        "sys.argv = ['uppdrag', '--help']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    entry.main()\n"
    )
    loaded = imported_after(code)
    assert "typer" not in loaded and "rich" not in loaded


def test_entry_point_runs_commands_through_the_cli(tmp_path: object) -> None:
    from conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-c", "from uppdragskoll.entry import main; main()", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "kontrollerade" in result.stderr
