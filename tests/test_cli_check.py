"""`uppdrag check` and `uppdrag schema` end to end: formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, run
from ruamel.yaml import YAML

BIN = Path(sys.executable).parent


def uppdrag(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it (the crash boundary included)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(BIN / "uppdrag"), *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_bundled_data_has_no_errors() -> None:
    code, out, err = run("check", "data/uppdrag")
    assert code == 0
    assert "fel[" not in out
    assert "8 filer kontrollerade: 0 fel" in err or "filer kontrollerade: 0 fel" in err


def test_check_finds_the_data_dir_by_itself(tmp_path: Path) -> None:
    deep = ROOT / "src" / "uppdragskoll"
    code, _, err = run("check", cwd=deep)
    assert code == 0 and "0 fel" in err


def test_error_exit_code_and_text_format() -> None:
    code, out, _ = run("check", "tests/cases/bad/omojligt-datum.yaml")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("tests/cases/bad/omojligt-datum.yaml:3:11: fel[ogiltigt-datum] ")


def test_warnings_fail_only_with_strict() -> None:
    case = "tests/cases/bad/ogiltigt-diarienummer.yaml"
    assert run("check", case)[0] == 0
    assert run("check", "--strict", case)[0] == 1


def test_github_format_annotates_lines() -> None:
    code, out, _ = run("check", "--format", "github", "tests/cases/bad/okand-nyckel.yaml")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=tests/cases/bad/okand-nyckel.yaml,line=3,col=1,title=okand-nyckel::"
    )


def test_github_format_escapes_newlines_and_percent() -> None:
    from uppdragskoll.problems import Problem, Severity, render_github

    text = render_github([Problem("a,b:c.yaml", 1, 2, Severity.WARNING, "k", "100% fel\nrad två")])
    assert text == "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=k::100%25 fel%0Arad två\n"


def test_json_format_is_a_list_of_problems() -> None:
    code, out, _ = run("check", "--format", "json", "tests/cases/bad/over-tak.yaml")
    assert code == 1
    [item] = json.loads(out)
    assert item["kod"] == "over-tak" and item["allvarlighet"] == "fel"
    assert item["fil"] == "tests/cases/bad/over-tak.yaml" and item["rad"] > 0


def test_missing_path_is_a_usage_error() -> None:
    code, out, _ = run("check", "finns/inte")
    assert code == 2
    assert "finns-inte" in out


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("check", "--format", "xml")
    assert code == 2 and "okänt format" in err


def test_no_traceback_on_any_hostile_case_in_a_real_process() -> None:
    result = uppdrag("check", "tests/cases/bad")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "for-manga-varden" in result.stdout and "for-djup" in result.stdout


def test_no_data_dir_is_a_usage_error(tmp_path: Path) -> None:
    result = uppdrag("status", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("uppdrag: hittar ingen datakatalog")


def test_internal_error_is_one_sentence_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from uppdragskoll import checks, cli

    def crash(*_: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "run_all", crash)
    monkeypatch.setattr(sys, "argv", ["uppdrag", "check", str(DATA)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("uppdrag: internt fel.") and "Traceback" not in err and "boom" not in err
    monkeypatch.setattr(sys, "argv", ["uppdrag", "check", str(DATA), "--debug"])
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "stor.yaml"
    big.write_bytes(b"titel: " + b"x" * (2 * 1024 * 1024) + b"\n")
    result = uppdrag("check", str(big))
    assert result.returncode == 1
    assert "for-stor" in result.stdout and "Traceback" not in result.stderr


def test_nothing_is_written_by_check(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    before = {p: p.read_bytes() for p in data.iterdir()}
    assert run("check", cwd=tmp_path)[0] == 0
    assert {p: p.read_bytes() for p in data.iterdir()} == before
    assert sorted(data.iterdir()) == sorted(before)


def test_schema_is_json_schema_of_the_swedish_keys() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    props = schema["properties"]
    assert {"titel", "redovisningar", "budget", "diarienummer"} <= set(props)
    assert "id" not in props and "titel" in schema["required"]
    deadline = schema["$defs"]["Deadline"]
    assert deadline["additionalProperties"] is False
    assert "slutredovisning" in json.dumps(deadline["properties"]["typ"], ensure_ascii=False)


def test_bundled_data_validates_against_the_schema() -> None:
    import jsonschema

    schema = json.loads(run("schema")[1])
    from uppdragskoll import yamlio

    for path in sorted(DATA.glob("*.yaml")):
        document, _ = yamlio.read_document(path, path.name)
        assert document is not None
        # Through JSON, as an editor sees the file: keys become text, dates are text already.
        jsonschema.validate(json.loads(json.dumps(document.data)), schema)


def test_pre_commit_hook_entry_runs_like_pre_commit(tmp_path: Path) -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    [hook] = hooks
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    repo = tmp_path / "datarepo"
    shutil.copytree(DATA, repo / "data" / "uppdrag")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    command = shlex.split(hook["entry"])
    ok = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "data" / "uppdrag" / "trasig.yaml").write_text("titel: A\nstatus: klar\n", "utf-8")
    bad = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "data/uppdrag/trasig.yaml:2:9: fel[ogiltigt-varde]" in bad.stdout


def test_empty_data_dir_is_a_usage_error_not_all_clear(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path))
    assert code == 2 and "inga uppdragsfiler" in err
    code, out, err = run("status", "--data", str(tmp_path))
    assert (code, out) == (2, "") and "Fel katalog?" in err


def test_filter_typos_are_usage_errors_with_suggestions() -> None:
    code, _, err = run("status", "--myndighet", "Socialstyrelsn")
    assert code == 2 and "Menade du `Socialstyrelsen`?" in err
    code, _, err = run("status", "--typ", "rekvistion")
    assert code == 2 and "Menade du `rekvisition`?" in err
    # Case and stray spaces are not typos.
    assert run("status", "--typ", "Rekvisition", "--person", " Maria  Areblad ")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--today"], "flaggan --today behöver ett värde. Se `uppdrag status --help`."),
        (["ical", "-o"], "flaggan -o behöver ett värde. Se `uppdrag ical --help`."),
        (["status", "--alla=ja"], "flaggan --alla tar inget värde. Se `uppdrag status --help`."),
        (
            ["flytta", "x/y", "2027-11-30"],
            "flaggan --beslut DNR krävs. Se `uppdrag flytta --help`.",
        ),
    ],
)
def test_a_flag_without_its_value_is_explained_in_swedish(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2 and err.strip() == f"uppdrag: {message}"


def test_skipped_files_are_named(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    (data / "trasig.yaml").write_text("titel: A\ndaum: 2026-01-01\n", "utf-8")
    code, out, err = run("status", cwd=tmp_path)
    assert code == 1
    assert "hjarta-karl-handlingsplan" in out  # the readable files are still shown
    assert "data/uppdrag/trasig.yaml:2:1: fel[" in err
    assert "1 fil med fel visas inte (slutkod 1)" in err


@pytest.mark.parametrize(
    "args",
    [["budget"], ["ansvariga", "--alla"], ["status", "--format", "json"], ["ical", "-o", "-"]],
)
def test_every_view_exits_1_and_names_line_and_column_of_a_skipped_file(
    tmp_path: Path, args: list[str]
) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    (data / "trasig.yaml").write_text("titel: A\nbeslutad: 2026-02-30\n", "utf-8")
    code, out, err = run(*args, cwd=tmp_path)
    assert code == 1 and out
    assert "data/uppdrag/trasig.yaml:2:" in err and "visas inte" in err


def test_many_broken_files_are_listed_up_to_a_limit(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    for n in range(12):
        (data / f"trasig-{n:02}.yaml").write_text("titel: [\n", "utf-8")
    code, _, err = run("status", cwd=tmp_path)
    assert code == 1
    assert err.count("trasig-") == 10
    assert "… och 2 fel till." in err and "12 filer med fel visas inte" in err


def test_full_disk_and_closed_pipe_are_not_internal_errors() -> None:
    full = subprocess.run(
        f"{BIN / 'uppdrag'} status > /dev/full",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert full.returncode == 2
    assert full.stderr == "uppdrag: kan inte läsa eller skriva: disken är full.\n"
    piped = subprocess.run(
        f"{BIN / 'uppdrag'} status --alla --aktiviteter | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.stderr == "" and piped.stdout.startswith("Status ")


def test_views_leave_out_files_with_rule_errors_and_say_so(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    path = data / "palliativ-vard-riktlinjer.yaml"
    # An overlapping lump sum would be counted twice in the budget.
    text = path.read_text("utf-8").replace(
        "      2027: {beräknat: 2 000 000 kr}",
        "      2027: {beräknat: 2 000 000 kr}\n      2026–2027: {beviljat: 9 000 000 kr}",
    )
    path.write_text(text, "utf-8")
    code, out, err = run("budget", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert "palliativ-vard-riktlinjer" not in {r["uppdrag"] for r in json.loads(out)["rader"]}
    assert "data/uppdrag/palliativ-vard-riktlinjer.yaml:" in err and "1 fil med fel" in err


def test_a_broken_settings_file_is_a_usage_error_not_ignored(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data" / "uppdrag")
    (tmp_path / "data" / "uppdragskoll.yaml").write_text("helgregel: next\n", "utf-8")
    code, _, err = run("status", cwd=tmp_path)
    assert code == 2
    assert "välj en av: föregående, behåll, nästa" in err
    assert "inställningarna i data/uppdragskoll.yaml har fel" in err


def test_header_counts_within_a_short_window() -> None:
    _, out, _ = run("status", "--today", "2026-03-20", "--dagar", "5")
    assert "0 inom 5 dagar" in out.splitlines()[0]


def test_an_overspent_assignment_stays_visible_in_red(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    path = data / "palliativ-vard-riktlinjer.yaml"
    text = path.read_text("utf-8").replace(
        "      2027: {beräknat: 2 000 000 kr}",
        "      2027: {beräknat: 2 000 000 kr}\n    utfall:\n"
        "      - {datum: 2026-06-30, belopp: 6 000 000 kr}",
    )
    path.write_text(text, "utf-8")
    assert run("check", cwd=tmp_path)[0] == 1  # over-tak is an error in check
    code, out, _ = run("budget", "--år", "2026", "--format", "json", cwd=tmp_path)
    assert code == 0
    row = next(r for r in json.loads(out)["rader"] if r["uppdrag"] == "palliativ-vard-riktlinjer")
    assert row["kvar"] == -1_000_000


def test_check_of_single_files_uses_the_settings_beside_their_folder(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (tmp_path / "data" / "uppdragskoll.yaml").write_text(
        "årstider:\n  våren: {från: 2, till: 4}\n", "utf-8"
    )
    (data / "a.yaml").write_text(
        "titel: A\nredovisningar:\n  - id: r\n    typ: årlig redovisning\n"
        "    datum: 2026-04-30\n    upprepas: årligen\n    till: våren 2027\n",
        "utf-8",
    )
    # With the setting, våren 2027 ends 2027-04-30, an occurrence; without it, 2027-05-31.
    assert run("check", "--strict", str(data))[0] == 0
    assert run("check", "--strict", str(data / "a.yaml"))[0] == 0


def test_a_withdrawn_assignment_leaves_no_money_or_activities_in_status(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    path = data / "hjarta-karl-handlingsplan.yaml"
    path.write_text(
        path.read_text("utf-8").replace("status: pågående", "status: återkallat"), "utf-8"
    )
    _, out, _ = run(
        "status", "--today", "2026-03-01", "--aktiviteter", "--format", "json", cwd=tmp_path
    )
    view = json.loads(out)
    assert "hjarta-karl-handlingsplan" not in {r["uppdrag"] for r in view["budget"]["rader"]}
    assert "hjarta-karl-handlingsplan" not in {r["uppdrag"] for r in view["aktiviteter"]}
    assert "hjarta-karl-handlingsplan" not in {r["uppdrag"] for r in view["redovisningar"]}


def test_status_for_a_person_shows_only_the_money_of_their_assignments() -> None:
    every = json.loads(run("status", "--today", "2026-03-01", "--format", "json")[1])
    assert len({r["uppdrag"] for r in every["budget"]["rader"]}) > 1
    view = json.loads(
        run("status", "--today", "2026-03-01", "--format", "json", "--person", "Maria Areblad")[1]
    )
    theirs = {r["uppdrag"] for r in view["redovisningar"]}
    assert theirs and {r["uppdrag"] for r in view["budget"]["rader"]} <= theirs


def test_visa_of_a_broken_file_names_line_and_column(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    (data / "trasig.yaml").write_text("titel: A\nbeslutad: 2026-02-30\n", "utf-8")
    code, _, err = run("visa", "trasig", cwd=tmp_path)
    assert code == 1
    assert "data/uppdrag/trasig.yaml:2:11: fel[ogiltigt-datum]" in err


def test_version() -> None:
    from importlib.metadata import version

    code, out, _ = run("--version")
    assert (code, out) == (0, f"uppdrag {version('uppdragskoll')}\n")


def _one_report_file(ident: str, email: str | None) -> str:
    address = f"\n    epost: {email}" if email else ""
    return (
        f"titel: Uppdrag {ident}\nstatus: pågående\nmyndigheter:\n  - namn: Socialstyrelsen\n"
        "personer:\n  - id: anna\n    namn: Anna Svensson\n"
        f"    myndighet: Socialstyrelsen{address}\n"
        f"redovisningar:\n  - id: slut\n    typ: slutredovisning\n    datum: 2027-03-01\n"
        "    ansvarig: anna\n"
    )


def test_one_person_with_and_without_email_is_one_person(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (data / "ett.yaml").write_text(_one_report_file("ett", "anna@example.se"), "utf-8")
    (data / "tre.yaml").write_text(_one_report_file("tre", None), "utf-8")
    code, out, err = run(
        "ansvariga", "--alla", "--format", "json", "--today", "2026-12-01", cwd=tmp_path
    )
    assert code == 0, err
    people = json.loads(out)["personer"]
    assert [p["namn"] for p in people] == ["Anna Svensson (Socialstyrelsen)"]
    assert len(people[0]["redovisningar"]) == 2


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"-2 000 000 kr"', "en ram kan inte vara negativ"),
        ("0x10", '"0x10" är inget belopp'),
        ("0o17", '"0o17" är inget belopp'),
        ("99999999999999999999999 kr", "orimligt stort belopp"),
    ],
)
def test_impossible_ceilings_are_errors_at_their_place(
    tmp_path: Path, written: str, message: str
) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    path = data / "palliativ-vard-riktlinjer.yaml"
    text = path.read_text("utf-8")
    assert "2025: {beviljat: 2 000 000 kr}" in text
    path.write_text(
        text.replace("2025: {beviljat: 2 000 000 kr}", f"2025: {{beviljat: {written}}}")
    )
    code, out, _ = run("check", cwd=tmp_path)
    assert code == 1
    assert "palliativ-vard-riktlinjer.yaml:54:24: fel[ogiltigt-belopp]" in out and message in out


@pytest.mark.parametrize("columns", ["40", "60", "100"])
def test_an_appropriation_label_is_never_broken(tmp_path: Path, columns: str) -> None:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    long_id = "starka-suicidpreventiva-arbetet-kommuner-regioner"
    (data / "palliativ-vard-riktlinjer.yaml").rename(data / f"{long_id}.yaml")
    code, out, _ = run("budget", "--today", "2026-03-02", cwd=tmp_path, env={"COLUMNS": columns})
    assert code == 0
    # what `uppdrag utfall --anslag` takes, on one line wherever it stands
    labelled = [line for line in out.splitlines() if "UO9" in line]
    assert labelled and all("UO9 1:6 ap.16" in line for line in labelled)


def test_one_check_reports_every_problem_in_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "uppdrag"
    folder.mkdir(parents=True)
    (folder / "x.yaml").write_text(
        "titel: A\ntitel: B\nstatus: pågående\nmottgare: X\nredovisningar:\n"
        "  - id: a\n    typ: plan\n    datum: 2026-05-04\n    ansvarig: nisse\n"
        "  - id: a\n    typ: plan\n    datum: 2026-06-01\n",
        "utf-8",
    )
    code, out, _ = run("check", cwd=tmp_path)
    assert code == 1
    assert [line.split()[1].split("[")[1].rstrip("]") for line in out.splitlines()] == [
        "dubbel-nyckel",
        "okand-nyckel",
        "okand-ansvarig",
        "dubbel-redovisning",
    ]
    code, _, err = run("status", cwd=tmp_path)
    assert code == 1 and "1 fil med fel visas inte" in err  # still left out of every view


def test_a_file_with_a_duplicate_key_is_never_edited(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "uppdrag"
    folder.mkdir(parents=True)
    text = (
        "titel: A\ntitel: B\nstatus: pågående\n"
        "redovisningar:\n  - {id: a, typ: plan, datum: 2026-05-04}\n"
    )
    (folder / "y.yaml").write_text(text, "utf-8")
    code, _, err = run("klar", "y/a", "--datum", "2026-05-01", cwd=tmp_path)
    assert code == 1 and "har fel och ändras inte" in err
    assert (folder / "y.yaml").read_text("utf-8") == text


def test_visa_of_an_assignment_with_no_reports_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "uppdrag"
    folder.mkdir(parents=True)
    (folder / "tomt.yaml").write_text("titel: Tomt\nstatus: pågående\n", "utf-8")
    code, out, _ = run("visa", "tomt", cwd=tmp_path)
    assert code == 0 and "Inga redovisningar ännu" in out
