"""Model validation errors become located Swedish problems, deep inside lists too."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppdragskoll import loader


def load_text(
    tmp_path: Path, text: str, name: str = "uppdrag.yaml"
) -> list[tuple[int, int, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = loader.load_paths([tmp_path])
    return [(p.line, p.col, p.code, p.message) for p in result.problems]


def test_impossible_date_deep_in_a_list_is_located(tmp_path: Path) -> None:
    text = (
        "titel: A\n"
        "redovisningar:\n"
        "  - id: plan\n"
        "    typ: plan\n"
        "    datum: 2026-05-29\n"
        "  - id: slut\n"
        "    typ: slutredovisning\n"
        "    datum: 2026-02-30\n"
    )
    [(line, col, code, message)] = load_text(tmp_path, text)
    assert (line, col, code) == (8, 12, "ogiltigt-datum")
    assert message.startswith("`redovisningar[1].datum`: 2026-02-30 är inget giltigt datum")


def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    text = (
        "titel: A\nredovisningar:\n  - id: plan\n    typ: plan\n    datum: 2026-05-29\n"
        "    mottagre: RK\n"
    )
    [(line, col, code, message)] = load_text(tmp_path, text)
    assert (line, col, code) == (6, 5, "okand-nyckel")
    assert "Menade du `mottagare`?" in message


def test_wrong_deadline_type_suggests(tmp_path: Path) -> None:
    text = "titel: A\nredovisningar:\n  - {id: plan, typ: slutredovisnig, datum: 2026-05-29}\n"
    [(line, col, code, message)] = load_text(tmp_path, text)
    assert (line, col, code) == (3, 21, "ogiltigt-varde")
    assert "Menade du `slutredovisning`?" in message


def test_float_money_gets_a_hint(tmp_path: Path) -> None:
    text = "titel: A\nbudget:\n  - år:\n      2026: {beräknat: 2.5}\n"
    [(line, col, code, message)] = load_text(tmp_path, text)
    assert (line, col, code) == (4, 24, "ogiltigt-belopp")
    assert '"2,5 mnkr"' in message


@pytest.mark.parametrize("value", ["no", "ja", '"true"', "1"])
def test_booleans_are_strict(tmp_path: Path, value: str) -> None:
    text = f"titel: A\nmyndigheter:\n  - namn: Socialstyrelsen\n    huvudansvarig: {value}\n"
    [(line, _, code, _)] = load_text(tmp_path, text)
    assert (line, code) == (4, "fel-typ")


def test_missing_key_points_at_its_parent(tmp_path: Path) -> None:
    text = "titel: A\nredovisningar:\n  - id: plan\n    datum: 2026-05-29\n"
    [(line, col, code, message)] = load_text(tmp_path, text)
    assert (line, col, code) == (3, 5, "saknad-nyckel")
    assert "`typ`" in message


def test_a_bad_file_is_skipped_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "bra.yaml").write_text("titel: Bra\n", encoding="utf-8")
    (tmp_path / "trasig.yaml").write_text("titel: [\n", encoding="utf-8")
    result = loader.load_paths([tmp_path])
    assert [e.assignment.id for e in result.entries] == ["bra"]
    assert result.files == 2 and result.skipped == 1


def test_settings_seasons_override_periods(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (tmp_path / "data" / "uppdragskoll.yaml").write_text(
        "årstider:\n  våren: {från: 2, till: 4}\n", encoding="utf-8"
    )
    (data / "a.yaml").write_text(
        "titel: A\nredovisningar:\n  - {id: r, typ: övrigt, datum: våren 2027}\n", encoding="utf-8"
    )
    result = loader.load_paths([data])
    assert result.problems == ()
    due = result.assignments[0].deadlines[0].due
    assert due is not None and due.end.isoformat() == "2027-04-30"


def test_unknown_setting_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (tmp_path / "data" / "uppdragskoll.yaml").write_text("helgregl: nästa\n", encoding="utf-8")
    result = loader.load_paths([data])
    [problem] = result.problems
    assert problem.code == "okand-nyckel" and "Menade du `helgregel`?" in problem.message


def test_find_data_dir_walks_upwards(tmp_path: Path) -> None:
    (tmp_path / "data" / "uppdrag").mkdir(parents=True)
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert loader.find_data_dir(deep, {}) == tmp_path / "data" / "uppdrag"
    assert loader.find_data_dir(deep, {"UPPDRAG_DATA": "/x"}) == Path("/x")


def test_decimal_comma_in_a_flow_mapping_explains_the_quotes(tmp_path: Path) -> None:
    text = "titel: A\nbudget:\n  - år:\n      2026: {beräknat: 2,5 mnkr}\n"
    problems = load_text(tmp_path, text)
    assert any(
        code == "okand-nyckel" and '`{beräknat: "2,5 mnkr"}`' in message
        for _, _, code, message in problems
    ), problems


def test_suggestions_for_typos_and_for_parts_of_names() -> None:
    ids = ["palliativ-vard-riktlinjer", "god-och-nara-vard", "nasta-steg-god-och-nara-vard"]
    assert (
        loader.suggest("paliativ-vard-riktlinjer", ids) == " Menade du `palliativ-vard-riktlinjer`?"
    )
    assert loader.suggest("palliativ", ids) == " Menade du `palliativ-vard-riktlinjer`?"
    assert loader.suggest("steg", ids) == " Menade du `nasta-steg-god-och-nara-vard`?"
    assert loader.suggest("vard", ids) == (
        " Menade du `god-och-nara-vard` eller `nasta-steg-god-och-nara-vard` eller "
        "`palliativ-vard-riktlinjer`?"
    )
    assert loader.suggest("xy", ids) == ""
