"""Golden files for every view and format on data/uppdrag, with a fixed day and width.

Update with `pytest --update-golden` and review the diff like code.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run

TODAY = "2026-03-01"
VIEWS = {
    "status": ("status",),
    "status-alla": ("status", "--alla", "--aktiviteter"),
    "budget": ("budget",),
    "budget-2026": ("budget", "--år", "2026"),
    "ansvariga": ("ansvariga", "--dagar", "400"),
    "visa": ("visa", "hjarta-karl-handlingsplan"),
}
FORMATS = {"tabell": "txt", "json": "json", "csv": "csv"}


# Tables at two widths; data formats once, since they do not depend on the width.
CASES = [(view, "tabell", width) for view in VIEWS for width in ("120", "60")] + [
    (view, fmt, "120") for view in VIEWS for fmt in ("json", "csv")
]


@pytest.mark.parametrize(("view", "fmt", "width"), CASES)
def test_golden(
    view: str,
    fmt: str,
    width: str,
    golden: Callable[[str, str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    code, out, err = run(*VIEWS[view], "--today", TODAY, "--format", fmt)
    assert code == 0, err
    suffix = f"-{width}" if fmt == "tabell" else ""
    golden(f"views/{view}{suffix}.{FORMATS[fmt]}", out)


def test_output_is_identical_across_runs() -> None:
    first = run("status", "--alla", "--today", TODAY, "--format", "json")
    assert first == run("status", "--alla", "--today", TODAY, "--format", "json")


def test_narrow_table_fits_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    for width in (60, 80, 120, 160):
        monkeypatch.setenv("COLUMNS", str(width))
        for args in VIEWS.values():
            _, out, _ = run(*args, "--today", TODAY)
            assert max(len(line) for line in out.splitlines()) <= width, (args, width)


def test_no_colour_codes_off_a_terminal() -> None:
    _, out, _ = run("status", "--today", TODAY)
    assert "\x1b[" not in out


def test_status_answers_what_next_by_when_and_who() -> None:
    _, out, _ = run("status", "--today", TODAY, "--format", "json")
    data = json.loads(out)
    assert data["antal"] == {"försenade": 1, "inom_14_dagar": 0, "kommande": 3}
    first = data["redovisningar"][0]
    assert first["status"] == "försenad" and first["dagar_kvar"] < 0
    keys = [r["nyckel"] for r in data["redovisningar"]]
    assert keys == sorted(
        keys, key=lambda k: next(r["datum"] for r in data["redovisningar"] if r["nyckel"] == k)
    )


def test_csv_is_excel_friendly() -> None:
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "uppdrag"
    raw = subprocess.run(
        [str(exe), "status", "--alla", "--today", TODAY, "--format", "csv"],
        capture_output=True,
        check=True,
    ).stdout
    out = raw.decode("utf-8")
    assert out.startswith("\ufeffdatum;veckodag;dagar_kvar;")
    assert out.count("\r\n") == out.count("\n")  # CRLF rows, as spreadsheets expect
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert all(len(r) == len(rows[0]) for r in rows)


def test_csv_neutralises_formulas() -> None:
    from uppdragskoll.render.data import to_csv

    text = to_csv(["a", "b", "c"], [['=HYPERLINK("x")', "+1", -5], ["@SUM(A1)", "-2", "ok"]])
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1] == ['\'=HYPERLINK("x")', "'+1", "-5"]
    assert rows[2] == ["'@SUM(A1)", "'-2", "ok"]


def test_budget_totals_equal_rows_on_real_data() -> None:
    data = json.loads(run("budget", "--format", "json")[1])
    ceiling = sum(r["tak"] or 0 for r in data["rader"])
    used = sum(r["utfall"] for r in data["rader"])
    assert data["summa"]["tak"] == ceiling and data["summa"]["utfall"] == used
    assert sum(t["tak"] for t in data["summa_per_år"]) == ceiling
    assert sum(t["tak"] for t in data["summa_per_anslag"]) == ceiling


def test_unknown_assignment_suggests_and_exits_2() -> None:
    code, _, err = run("visa", "hjarta-karl")
    assert code == 2
    assert "Menade du `hjarta-karl-handlingsplan`?" in err


def test_filters_select() -> None:
    data = json.loads(
        run("status", "--alla", "--today", TODAY, "--format", "json", "--typ", "rekvisition")[1]
    )
    assert {r["typ"] for r in data["redovisningar"]} == {"rekvisition"}
    data = json.loads(
        run(
            "status",
            "--alla",
            "--today",
            TODAY,
            "--format",
            "json",
            "--uppdrag",
            "god-och-nara-vard",
        )[1]
    )
    assert {r["uppdrag"] for r in data["redovisningar"]} == {"god-och-nara-vard"}


def test_friendly_sentence_when_nothing_is_due() -> None:
    _, out, _ = run("status", "--today", TODAY, "--typ", "plan", "--dagar", "10")
    assert "Inget att redovisa de närmaste 10 dagarna" in out


def test_the_last_shown_row_of_an_open_series_says_it_has_no_end(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (data / "staende.yaml").write_text(
        "titel: Stående uppdrag\nredovisningar:\n"
        "  - {id: arlig, typ: årlig redovisning, datum: 2026-12-15, upprepas: årligen}\n"
        "  - {id: serie, typ: delredovisning, datum: 2026-06-15, upprepas: årligen,"
        " till: 2028-06-15}\n",
        encoding="utf-8",
    )
    code, out, err = run("visa", "staende", "--today", TODAY, "--data", str(data))
    assert code == 0, err
    flat = " ".join(out.split())
    assert flat.count("serie utan slut") == 1  # once, on 2035-12-15, not on the closed series
    assert flat.index("2035-12-15") < flat.index("serie utan slut")


# --- ids stay whole ---------------------------------------------------------------------------
# Users copy ids and keys from the tables into `uppdrag klar ID/REDOVISNING`, so no width may
# split one. `uppdrag importera` makes ids this long from decision titles.
LONG = "starka-suicidpreventiva-arbetet-kommuner-regioner"
LONG_REPORT = "ekonomisk-redovisning-av-anvanda-medel-2026"
LONG_VIEWS = {
    "status": ("status", "--alla", "--aktiviteter"),
    "budget": ("budget",),
    "ansvariga": ("ansvariga", "--dagar", "400"),
    "visa": ("visa", LONG),
}


@pytest.fixture
def long_ids(tmp_path: Path) -> Path:
    """data/uppdrag and one assignment more, with a long id and a long report id."""
    from conftest import DATA

    data = tmp_path / "uppdrag"
    shutil.copytree(DATA, data)
    text = (DATA / "hjarta-karl-handlingsplan.yaml").read_text("utf-8")
    report = (
        f"  - id: {LONG_REPORT}\n    typ: ekonomisk redovisning\n    datum: 2026-03-10\n"
        "    mottagare: Kammarkollegiet\n    ansvarig: sissel-kulstadvik\n"
    )
    text = text.replace("redovisningar:\n", "redovisningar:\n" + report, 1)
    text = text.replace("[S2025/01981]", "[S2025/09999]")  # not a duplicate of the original
    (data / f"{LONG}.yaml").write_text(text, "utf-8")
    return data


def _shown_ids(view: str, data: dict[str, Any]) -> set[str]:
    """What the table view shows of the JSON view: keys, ids, e-mail addresses, role words."""
    if view == "visa":
        people = data["personer"]
        return (
            {data["id"]}
            | {r["redovisning"] for r in data["redovisningar"]}
            | {p["id"] for p in people}
            | {p["epost"] for p in people if p["epost"]}
            | {w.strip(",()") for p in people for w in (p["roll"] or "").split()}
        )
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "uppdrag" in node and "redovisning" in node:
                found.add(f"{node['uppdrag']}/{node['redovisning']}")
            elif "uppdrag" in node:
                found.add(node["uppdrag"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


@pytest.mark.parametrize("width", [40, 60, 80, 100, 104, 120, 150, 160])
@pytest.mark.parametrize("view", LONG_VIEWS)
def test_ids_are_never_split(
    view: str, width: int, long_ids: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = (*LONG_VIEWS[view], "--today", TODAY, "--data", str(long_ids))
    code, raw, err = run(*args, "--format", "json")
    assert code == 0, err
    idents = _shown_ids(view, json.loads(raw))
    assert any(LONG in i for i in idents)
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, err = run(*args)
    assert code == 0, err
    lines = out.splitlines()
    for ident in idents:
        whole = re.compile(rf"(?<![\w/-]){re.escape(ident)}(?![\w/-])")
        assert any(whole.search(line) for line in lines), (ident, width)
    for line in lines:
        # Wider than the terminal only as one id longer than it, for the terminal to wrap.
        assert len(line) <= width or len(line.split()) == 1, line
        assert not line.lstrip().startswith("·"), line


def test_status_header_wraps_after_a_separator_not_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run("status", "--today", TODAY)
    assert out.splitlines()[:2] == [
        "Status 2026-03-01 (söndag), närmaste 90 dagarna:",
        "1 försenad · 0 inom 14 dagar · 3 kommande",
    ]
    for width in range(40, 100):
        monkeypatch.setenv("COLUMNS", str(width))
        _, out, _ = run("status", "--alla", "--today", TODAY)
        assert not any(line.startswith("·") for line in out.splitlines()), width


@pytest.mark.parametrize("width", ["150", "160"])
def test_wide_budget_shows_titles_beside_the_ids(
    width: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = json.loads(run("budget", "--format", "json")[1])["rader"]
    monkeypatch.setenv("COLUMNS", width)
    _, out, _ = run("budget")
    flat = " ".join(out.split())
    for row in rows:
        assert re.search(rf"(?m)^{re.escape(row['uppdrag'])}\b", out), row["uppdrag"]
        assert row["uppdragstitel"] in flat


def test_a_sum_of_no_amounts_is_a_dash_like_its_rows() -> None:
    _, out, _ = run("budget", "--today", TODAY)
    per_year = out.split("Summa per år")[1]
    # 2025 has only beviljat, 2026 only beräknat: the sums show – there, as the rows do.
    assert re.search(r"(?m)^2025\s+–\s+2\s000\s000\s+2\s000\s000\s+0\s", per_year)
    assert re.search(r"(?m)^2026\s+12\s000\s000\s+–\s+12\s000\s000 \*\s", per_year)
    per_appropriation = out.split("Summa per anslag")[1]
    assert re.search(r"(?m)^Summa\s+25\s000\s000\s+2\s000\s000\s", per_appropriation)
    _, out, _ = run("visa", "hjarta-karl-handlingsplan", "--today", TODAY)
    assert re.search(r"(?m)^Summa\s+18\s000\s000\s+–\s+0\s+18\s000\s000 \*$", out)
