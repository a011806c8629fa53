"""Every command is documented in the README, and every docs link points at a file."""

from __future__ import annotations

import re

import pytest
import typer.main
from conftest import ROOT, run

from uppdragskoll.cli import app

README = (ROOT / "README.md").read_text("utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    assert f"uppdrag {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_is_swedish_with_an_example(name: str) -> None:
    from conftest import run

    code, out, _ = run(name, "--help")
    assert code == 0
    assert "Exempel:" in out


def test_docs_links_resolve() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(
            r"\]\(((?:docs/)?[\w./-]+\.md)(?:#[\w-]+)?\)", doc.read_text("utf-8")
        ):
            base = ROOT if doc.name == "README.md" else doc.parent
            assert (base / target).exists(), f"{doc.name} links to missing {target}"


def test_readme_setup_commands_are_the_ci_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    test_line = next(
        line for line in ci.splitlines() if "pytest" in line and not line.startswith("#")
    )
    assert test_line in README.splitlines()
    assert (
        "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/uppdrag status" in README
    )


def test_help_frame_is_swedish() -> None:
    from conftest import run

    _, out, _ = run("status", "--help")
    assert out.startswith("Användning: uppdrag status [FLAGGOR]")
    assert "Flaggor" in out and "Visa den här hjälpen och avsluta." in out
    for english in ("Usage:", "Options", "Show this message", "[default:"):
        assert english not in out


def test_usage_errors_are_swedish_with_suggestions() -> None:
    from conftest import run

    assert run("status", "--todya", "2026-01-01") == (
        2,
        "",
        "uppdrag: okänd flagga --todya. Menade du --today? Se `uppdrag status --help`.\n",
    )
    code, _, err = run("stauts")
    assert code == 2 and "okänt kommando 'stauts'. Menade du status?" in err
    code, _, err = run("status", "--dagar", "-5")
    assert code == 2 and "ska vara ett heltal från 0 till 36600" in err


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_no_english_type_placeholders(name: str) -> None:
    from conftest import run

    _, out, _ = run(name, "--help")
    for placeholder in ("<str>", "<int", "<path>", "<list", "INTEGER", "PATH"):
        assert placeholder not in out, (name, placeholder)


def test_readme_status_example_is_what_status_prints() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("## En måndagsmorgon", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, shown = block.split("\n", 1)
    assert command.startswith("$ uppdrag status --today 2026-03-01")
    code, out, _ = run("status", "--today", "2026-03-01", env={"COLUMNS": "120"})
    assert code == 0 and out == shown
