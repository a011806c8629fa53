"""Every rule, both ways: tests/cases/bad names the codes it must produce, good produces none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from uppdragskoll import checks, loader
from uppdragskoll.problems import Problem

CASES = Path(__file__).resolve().parent / "cases"
GOOD = sorted((CASES / "good").iterdir())
BAD = sorted((CASES / "bad").iterdir())


def problems_of(case: Path) -> list[Problem]:
    result = loader.load_paths([case])
    return sorted([*result.problems, *checks.run_all(result.entries)])


def case_texts(case: Path) -> str:
    files = sorted(case.iterdir()) if case.is_dir() else [case]
    return "\n".join(
        f.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff") for f in files
    )


def declared(case: Path, label: str) -> list[str]:
    return [
        c
        for line in re.findall(rf"^# {label}: (.+)$", case_texts(case), re.M)
        for c in line.split()
    ]


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.name)
def test_bad_case(case: Path) -> None:
    expected = declared(case, "förväntat")
    assert expected, "a bad case must name its codes with '# förväntat: kod'"
    found = problems_of(case)
    assert sorted(p.code for p in found) == sorted(expected), found
    for p in found:
        assert p.message and p.file, p
        if p.code != "dubbelt-uppdrag":
            assert p.line >= 1 and p.col >= 1, f"{p} has no position"


@pytest.mark.parametrize("case", GOOD, ids=lambda p: p.name)
def test_good_case(case: Path) -> None:
    assert declared(case, "visar"), "a good case must name the rules it passes with '# visar: kod'"
    assert problems_of(case) == []


def test_every_rule_has_a_good_and_a_bad_case() -> None:
    codes = {c.code for c in checks.CHECKS}
    bad = {code for case in BAD for code in declared(case, "förväntat")}
    good = {code for case in GOOD for code in declared(case, "visar")}
    assert codes - bad == set(), "rules without a bad case"
    assert codes - good == set(), "rules without a good case"


def test_codes_are_documented() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "regler.md").read_text("utf-8")
    bad = {code for case in BAD for code in declared(case, "förväntat")}
    for code in {c.code for c in checks.CHECKS} | bad:
        assert f"`{code}`" in docs, f"{code} missing from docs/regler.md"


def test_an_unreviewed_draft_is_a_warning_on_each_marker(tmp_path: Path) -> None:
    found = problems_of(CASES / "bad" / "utkast.yaml")
    assert [(p.line, p.col, str(p.severity), p.code, p.message) for p in found] == [
        (
            1,
            1,
            "varning",
            "utkast",
            "Filen är ett utkast från `uppdrag importera` som inte är granskat: jämför datum "
            "och belopp med beslutet, gå igenom `# Att granska:` och ta sedan bort "
            "kommentarerna överst (`# UTKAST …` och listan).",
        ),
        (
            9,
            13,
            "varning",
            "utkast",
            "`anteckning` börjar med `UTKAST:`: utkastet är inte granskat här. Gör det "
            "anteckningen säger och ta sedan bort den.",
        ),
        (
            18,
            17,
            "varning",
            "utkast",
            "`redovisningar[1].anteckning` börjar med `UTKAST:`: utkastet är inte granskat här. "
            "Gör det anteckningen säger och ta sedan bort den.",
        ),
    ]


def test_a_fresh_import_fails_check_strict_until_reviewed(tmp_path: Path) -> None:
    from conftest import run

    from uppdragskoll.importer.draft import draft_from_text

    decision = (
        "Uppdrag att stärka tillsynen\n\nRegeringens beslut\nRegeringen ger Inspektionen för "
        "vård och omsorg i uppdrag att stärka tillsynen.\nInspektionen ska årligen redovisa "
        "arbetet till Regeringskansliet (Socialdepartementet).\n"
    )
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    path = data / "tillsyn.yaml"
    path.write_text(draft_from_text(decision, source="beslut.txt").to_yaml(), "utf-8")
    code, out, _ = run("check", "--strict", cwd=tmp_path)
    assert code == 1
    assert out.startswith("data/uppdrag/tillsyn.yaml:1:1: varning[utkast] ")
    assert run("check", cwd=tmp_path)[0] == 0  # without --strict a draft still passes
    notes = [line for line in out.splitlines() if "`UTKAST:`" in line]
    assert notes, out  # the undated yearly report carries an `anteckning: "UTKAST: …"`
    reviewed = "\n".join(
        line
        for line in path.read_text("utf-8").splitlines()
        if not line.startswith("#") and "UTKAST:" not in line
    )
    path.write_text(reviewed + "\n", "utf-8")
    code, out, _ = run("check", "--strict", cwd=tmp_path)
    assert "utkast" not in out


def test_the_review_list_alone_still_marks_a_draft(tmp_path: Path) -> None:
    text = (CASES / "bad" / "utkast.yaml").read_text("utf-8")
    first, rest = text.split("\n", 1)
    assert first.startswith("# UTKAST")
    path = tmp_path / "utkast.yaml"
    path.write_text("# Att granska:\n#  - Departementet hittades inte.\n" + rest, "utf-8")
    found = [p for p in problems_of(path) if p.code == "utkast"]
    assert (found[0].line, found[0].col) == (1, 1)
