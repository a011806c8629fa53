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


# --- files that are not plain files: links, loops, directories, unreadable ------------------

NBSP = "\u00a0"
GOOD = "titel: Bra\n"


def _links(folder: Path) -> None:
    """`a.yaml` and `b.yaml` point at each other; `trasig.yaml` at a file that does not exist;
    `katalog.yaml` is a directory."""
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "trasig.yaml").symlink_to("saknas.yaml")
    (folder / "katalog.yaml").mkdir()


LOOP = (
    "Den symboliska länken går i en slinga (den pekar via andra länkar tillbaka på sig "
    "själv) och leder aldrig till en fil; rätta eller ta bort länken."
)
DANGLING = (
    "Den symboliska länken pekar på `saknas.yaml`, som inte finns; rätta länken eller ta bort "
    "den, annars försvinner uppdraget tyst ur status och kalendrar."
)
DIRECTORY = (
    "`katalog.yaml` är en katalog, inte en fil; uppdragsfiler läses inte i underkataloger. "
    "Byt namn på katalogen eller flytta ut filen."
)


def test_links_loops_and_directories_are_located_errors_and_the_rest_load(
    tmp_path: Path,
) -> None:
    (tmp_path / "bra.yaml").write_text(GOOD, encoding="utf-8")
    _links(tmp_path)
    result = loader.load_paths([tmp_path])
    assert [e.assignment.id for e in result.entries] == ["bra"]
    assert result.files == 5 and result.skipped == 4
    shown = sorted((Path(p.file).name, p.line, p.col, p.code, p.message) for p in result.problems)
    assert shown == [
        ("a.yaml", 1, 1, "trasig-lank", LOOP),
        ("b.yaml", 1, 1, "trasig-lank", LOOP),
        ("katalog.yaml", 1, 1, "inte-fil", DIRECTORY),
        ("trasig.yaml", 1, 1, "trasig-lank", DANGLING),
    ]


def test_editor_lock_links_are_not_assignments(tmp_path: Path) -> None:
    # Emacs marks a file being edited with a dangling link `.#name`; it is not data.
    (tmp_path / "bra.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".#bra.yaml").symlink_to("user@host.1234:1700000000")
    result = loader.load_paths([tmp_path])
    assert (result.files, result.problems) == (1, ())


def test_a_loop_named_on_the_command_line_is_a_loop_not_a_missing_path(tmp_path: Path) -> None:
    from conftest import run

    _links(tmp_path)
    assert run("check", "a.yaml", cwd=tmp_path) == (
        1,
        f"a.yaml:1:1: fel[trasig-lank] {LOOP}\n",
        "1 fil kontrollerad: 1 fel, 0 varningar, 0 upplysningar.\n",
    )
    code, out, _ = run("check", "trasig.yaml", cwd=tmp_path)
    assert (code, out) == (1, f"trasig.yaml:1:1: fel[trasig-lank] {DANGLING}\n")


def test_a_linked_file_is_named_as_the_link(tmp_path: Path) -> None:
    from conftest import run

    (tmp_path / "arkiv").mkdir()
    (tmp_path / "arkiv" / "original.yaml").write_text("titel: A\nstatus: klar\n", "utf-8")
    (tmp_path / "lank.yaml").symlink_to("arkiv/original.yaml")
    code, out, _ = run("check", "lank.yaml", cwd=tmp_path)
    assert (code, out.split(": fel[")[0]) == (1, "lank.yaml:2:9")


def test_every_command_survives_a_loop_in_the_data_directory(tmp_path: Path) -> None:
    from conftest import run

    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    (data / "bra.yaml").write_text(
        "titel: Bra\nredovisningar:\n  - {id: slut, typ: slutredovisning, datum: 2026-06-30}\n",
        encoding="utf-8",
    )
    _links(data)
    code, out, err = run("check", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        f"data/uppdrag/a.yaml:1:1: fel[trasig-lank] {LOOP}",
        f"data/uppdrag/b.yaml:1:1: fel[trasig-lank] {LOOP}",
        f"data/uppdrag/katalog.yaml:1:1: fel[inte-fil] {DIRECTORY}",
        f"data/uppdrag/trasig.yaml:1:1: fel[trasig-lank] {DANGLING}",
    ]
    assert err == "5 filer kontrollerade: 4 fel, 0 varningar, 0 upplysningar.\n"
    # The views show what could be read and name the files left out, with exit 1.
    for args in (("status", "--today", "2026-06-01"), ("budget",)):
        code, out, err = run(*args, cwd=tmp_path)
        assert code == 1, args
        assert f"data/uppdrag/a.yaml:1:1: fel[trasig-lank] {LOOP}\n" in err
        assert "4 filer med fel visas inte" in err
    assert "bra/slut" in run("status", "--today", "2026-06-01", cwd=tmp_path)[1]
    code, out, _ = run("visa", "bra", cwd=tmp_path)
    assert code == 0 and out.startswith("Bra\n")
    code, out, err = run("ical", "-o", "-", cwd=tmp_path)
    assert code == 1 and "UID:bra/slut@uppdragskoll" in out and "trasig-lank" in err
    code, _, err = run("klar", "bra/slut", "--datum", "2026-06-29", cwd=tmp_path)
    assert code == 0, err
    assert "inlämnad: 2026-06-29" in (data / "bra.yaml").read_text("utf-8")


def test_an_unreadable_file_gets_a_position_and_a_swedish_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    path = tmp_path / "las.yaml"
    path.write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "las.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    [problem] = loader.load_paths([tmp_path]).problems
    assert (problem.location, problem.code, problem.message) == (
        f"{loader.display_name(path)}:1:1",
        "oläsbar",
        "Filen kan inte läsas: behörighet saknas.",
    )


def test_a_huge_file_gets_a_position_and_grouped_numbers(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    path.write_bytes(b"titel: " + b"x" * (5666 * 1024) + b"\n")
    [problem] = loader.load_paths([tmp_path]).problems
    assert (problem.line, problem.col, problem.code) == (1, 1, "for-stor")
    assert problem.message == (
        f"Filen är 5{NBSP}666{NBSP}KiB, över gränsen 1{NBSP}024{NBSP}KiB för en uppdragsfil, "
        "och läses inte. Dela upp den eller ta bort det som inte hör till uppdraget."
    )


def test_a_missing_path_has_a_position_too(tmp_path: Path) -> None:
    from conftest import run

    code, out, _ = run("check", "finns/inte", cwd=tmp_path)
    assert (code, out) == (2, "finns/inte:1:1: fel[finns-inte] Sökvägen finns inte.\n")


def test_the_draft_mark_survives_the_cache(tmp_path: Path) -> None:
    from uppdragskoll import checks

    data = tmp_path / "data"
    data.mkdir()
    (data / "utkast.yaml").write_text(
        "# UTKAST skapat av `uppdrag importera`.\ntitel: A\n", encoding="utf-8"
    )
    for _ in range(2):  # the second run reads the slim entry from the cache
        result = loader.load_paths([data], cache_dir=tmp_path / "cache", keep_positions=False)
        found = [(p.line, p.col, p.code) for p in checks.run_all(result.entries)]
        assert found == [(1, 1, "utkast")]
