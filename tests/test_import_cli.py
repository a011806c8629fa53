"""`uppdrag importera` end to end: writes a draft that check accepts, never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run

# A copy of ../shared/seeds/000 kept with the tests, so the suite runs from any clone.
SEED_000 = Path(__file__).resolve().parent / "import_cases" / "seed_000_hjarta_karl.txt"
DECISION = """Uppdrag att stärka tillsynen

Regeringens beslut
Regeringen ger Inspektionen för vård och omsorg i uppdrag att stärka tillsynen.
Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) senast den 30 oktober 2027.
Inspektionen får använda 2 000 000 kronor under 2026 för uppdraget.
"""


def workspace(tmp_path: Path) -> Path:
    (tmp_path / "data" / "uppdrag").mkdir(parents=True)
    return tmp_path


def test_writes_a_draft_that_passes_check_and_never_overwrites(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    source = root / "beslut.txt"
    source.write_text(DECISION, "utf-8")
    code, _, err = run("importera", str(source), cwd=root)
    assert code == 0, err
    [written] = sorted((root / "data" / "uppdrag").glob("*.yaml"))
    text = written.read_text("utf-8")
    assert text.startswith("# UTKAST")
    assert 'datum: "2027-10-30"' in text
    assert "senast den 30 oktober 2027" in text  # the source sentence is kept
    assert run("check", cwd=root)[0] == 0
    before = written.read_bytes()
    code, _, err = run("importera", str(source), cwd=root)
    assert code == 2 and "redan finnas i data/uppdrag/" in err
    assert written.read_bytes() == before
    code, _, err = run("importera", str(source), "-o", str(written), cwd=root)
    assert code == 2 and "finns redan" in err
    assert written.read_bytes() == before


def test_json_gives_facts_with_offsets_into_the_input(tmp_path: Path) -> None:
    source = tmp_path / "beslut.txt"
    source.write_text(DECISION, "utf-8")
    code, out, _ = run("importera", str(source), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["källa", "föreslaget_id", "fakta", "granska", "data"]
    assert document["källa"] == str(source)
    assert document["föreslaget_id"] == "starka-tillsynen"
    facts = document["fakta"]
    deadline = next(f for f in facts if f["slag"] == "redovisning")
    assert set(deadline) == {"slag", "värde", "detaljer", "källtext", "start", "slut"}
    assert deadline["värde"] == "2027-10-30"
    assert deadline["detaljer"]["mottagare"] == "Regeringskansliet (Socialdepartementet)"
    assert DECISION[deadline["start"] : deadline["slut"]].strip()
    assert "30 oktober 2027" in DECISION[deadline["start"] : deadline["slut"]]


def test_stdout_and_stdin(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from uppdragskoll.cli import app

    result = CliRunner().invoke(app, ["importera", "-", "-o", "-"], input=DECISION)
    assert result.exit_code == 0
    assert "2027-10-30" in result.stdout


def test_seed_decision_yields_its_deadlines(tmp_path: Path) -> None:
    code, out, _ = run("importera", str(SEED_000), "-o", "-")
    assert code == 0
    assert '"2026-05-30"' in out and '"2028-10-15"' in out
    assert 'beräknat: "7 000 000 kr"' in out


def test_binary_and_missing_files_are_usage_errors(tmp_path: Path) -> None:
    pdf = tmp_path / "beslut.pdf"
    pdf.write_bytes(b"%PDF-1.7\x00\x01\x02")
    code, _, err = run("importera", str(pdf), "-o", "-")
    assert code == 2 and "är en PDF" in err and "pdftotext" in err
    docx = tmp_path / "beslut.docx"
    docx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    code, _, err = run("importera", str(docx), "-o", "-")
    assert code == 2 and "Word" in err
    binary = tmp_path / "beslut.doc"
    binary.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(range(256)) * 8)
    code, _, err = run("importera", str(binary), "-o", "-")
    assert code == 2 and "binärfil" in err
    code, _, err = run("importera", str(tmp_path / "saknas.txt"), "-o", "-")
    assert code == 2 and "finns inte" in err
    empty = tmp_path / "tom.txt"
    empty.write_text(" \n\n", encoding="utf-8")
    code, out, err = run("importera", str(empty), "-o", "-")
    assert code == 2 and "tom" in err and not out


def test_a_decision_already_in_the_data_is_not_imported_again(tmp_path: Path) -> None:
    import shutil

    from conftest import DATA

    shutil.copytree(DATA, tmp_path / "data" / "uppdrag")
    before = sorted(p.name for p in (tmp_path / "data" / "uppdrag").iterdir())
    code, _, err = run("importera", str(SEED_000), cwd=tmp_path)
    assert code == 2
    assert "redan finnas i data/uppdrag/hjarta-karl-handlingsplan.yaml" in err
    assert sorted(p.name for p in (tmp_path / "data" / "uppdrag").iterdir()) == before
    # With an explicit file the user decides.
    code, _, _ = run("importera", str(SEED_000), "-o", str(tmp_path / "utkast.yaml"), cwd=tmp_path)
    assert code == 0 and (tmp_path / "utkast.yaml").exists()


def test_a_directory_is_not_a_decision(tmp_path: Path) -> None:
    code, _, err = run("importera", str(tmp_path), "-o", "-")
    assert code == 2 and "är en katalog" in err


YEARLESS = """Uppdrag om batterier

Regeringens beslut
Regeringen ger Verket för innovationssystem (Vinnova) i uppdrag att stödja batteriforskning.
Vinnova ska årligen senast den 28 februari lämna en delredovisning till Regeringskansliet.
Vinnova ska senast den 28 februari 2029 lämna en slutredovisning till Regeringskansliet.
"""


def test_the_decision_date_given_on_the_command_line_dates_yearly_reports(tmp_path: Path) -> None:
    source = tmp_path / "beslut.txt"
    source.write_text(YEARLESS, "utf-8")
    code, out, err = run("importera", str(source), "-o", "-")
    assert code == 0, err
    assert "löpande: true" in out and "fyll i `beslutad`" in out
    code, out, err = run("importera", str(source), "-o", "-", "--beslutad", "2025-04-10")
    assert code == 0, err
    assert 'beslutad: "2025-04-10"' in out
    assert 'datum: "2026-02-28"' in out and 'till: "2028-02-28"' in out
    assert "fyll i `beslutad`" not in out


def test_a_printed_decision_date_wins_over_the_option(tmp_path: Path) -> None:
    source = tmp_path / "beslut.txt"
    source.write_text("Regeringsbeslut\n2025-06-01\nN2025/01234\n\n" + YEARLESS, "utf-8")
    code, out, err = run("importera", str(source), "-o", "-", "--beslutad", "2025-04-10")
    assert code == 0, err
    assert 'beslutad: "2025-06-01"' in out
    assert "skiljer sig från det som angavs (2025-04-10)" in " ".join(out.split())


def test_an_impossible_decision_date_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "beslut.txt"
    source.write_text(YEARLESS, "utf-8")
    code, out, err = run("importera", str(source), "-o", "-", "--beslutad", "2025-13-10")
    assert code == 2 and out == ""
    assert "ÅÅÅÅ-MM-DD" in err and "Traceback" not in err


def test_text_saved_by_windows_editors_or_read_in_the_wrong_encoding(tmp_path: Path) -> None:
    text = SEED_000.read_text("utf-8")
    saved = {
        "ansi.txt": text.encode("cp1252"),
        "unicode.txt": text.encode("utf-16"),  # Notepad's "Unicode", with BOM
        "utf16le.txt": text.encode("utf-16-le"),  # without BOM
        "bom.txt": text.encode("utf-8-sig"),
        # UTF-8 that was once read as Windows-1252 and saved again: "fÃ¶r", "â€“"
        "mojibake.txt": text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),
    }
    for name, raw in saved.items():
        (tmp_path / name).write_bytes(raw)
        code, out, err = run("importera", str(tmp_path / name), "-o", "-")
        assert code == 0, (name, err)
        assert '"2026-05-30"' in out and '"2028-10-15"' in out, name
        assert "förebygga och behandla hjärt- och kärlsjukdom" in out, name
        assert "OCR" not in out, name


def test_json_offsets_of_names_point_at_the_names() -> None:
    code, out, _ = run("importera", str(SEED_000), "--format", "json", "-o", "-")
    text = SEED_000.read_text("utf-8")
    facts = json.loads(out)["fakta"]
    named = [f for f in facts if f["slag"] in ("departement", "myndighet")]
    assert code == 0 and {f["slag"] for f in named} == {"departement", "myndighet"}
    for fact in named:
        assert " ".join(text[fact["start"] : fact["slut"]].split()) == fact["värde"], fact


def test_decisions_with_like_titles_but_their_own_numbers_are_both_imported(
    tmp_path: Path,
) -> None:
    root = workspace(tmp_path)
    for n, body in enumerate(
        [
            "Uppdrag att fördela medel till idrotten 2026\n\nDiarienummer: Ku2025/01234\n\n"
            "Regeringen ger Testverket i uppdrag att fördela medel. Uppdraget ska redovisas "
            "senast den 1 mars 2027.",
            "Uppdrag att fördela medel till idrotten 2027\n\nDiarienummer: Ku2026/00567\n\n"
            "Regeringen ger Testverket i uppdrag att fördela medel. Uppdraget ska redovisas "
            "senast den 1 mars 2028.",
        ]
    ):
        (root / f"{n}.txt").write_text(body, "utf-8")
        code, _, err = run("importera", str(root / f"{n}.txt"), cwd=root)
        assert code == 0, err
    written = sorted(p.name for p in (root / "data" / "uppdrag").iterdir())
    assert len(written) == 2 and all(name.endswith(".yaml") for name in written)


def test_the_same_case_number_is_named_as_the_decision_writes_it(tmp_path: Path) -> None:
    import shutil

    from conftest import DATA

    shutil.copytree(DATA, tmp_path / "data" / "uppdrag")
    text = tmp_path / "beslut.txt"
    text.write_text(
        "Uppdrag om något helt annat\nDiarienummer: S2025/01981\n\nRegeringen ger "
        "Testverket i uppdrag att pröva nya arbetssätt.\n",
        "utf-8",
    )
    code, _, err = run("importera", str(text), cwd=tmp_path)
    assert code == 2 and "samma diarienummer S2025/01981" in err
