"""Shared test helpers: run the CLI in-process, golden files, fixed terminal."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "uppdrag"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files from current output instead of comparing.",
    )


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test depends on who runs it: width, colour, clock and data dir are pinned."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("UPPDRAG_TODAY", raising=False)
    monkeypatch.delenv("UPPDRAG_DATA", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("UPPDRAG_CACHE", "0")
    yield


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> object:
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str | bytes) -> None:
        path = GOLDEN / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        assert path.exists(), f"no golden file {name}; run pytest --update-golden and review it"
        assert data == path.read_bytes(), f"{name} differs; if intended: pytest --update-golden"

    return check


def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run `uppdrag ARGS` in-process through the real entry point; (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from uppdragskoll import cli

    runner = CliRunner()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(cli.app, list(args), env=env, catch_exceptions=True)
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    # The raw bytes: click normalises CRLF in .stdout, and CSV rows must keep theirs.
    return (
        result.exit_code,
        result.stdout_bytes.decode("utf-8"),
        result.stderr_bytes.decode("utf-8") if result.stderr_bytes else "",
    )
