"""`uppdrag klar`, `flytta`, `utfall` and `ny` end to end: messages, exit codes, dry runs, and
nothing written whenever something is wrong."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, run

from uppdragskoll import edit

HJARTA = "data/uppdrag/hjarta-karl-handlingsplan.yaml"
PALLIATIV = "data/uppdrag/palliativ-vard-riktlinjer.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled data; commands run from its root, like a user in a data repo,
    on a fixed day (flytta records it as the decision date unless told otherwise)."""
    shutil.copytree(DATA, tmp_path / "data" / "uppdrag")
    monkeypatch.setenv("UPPDRAG_TODAY", "2026-05-05")
    return tmp_path


def snapshot(repo: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((repo / "data" / "uppdrag").iterdir())}


def test_klar_writes_and_confirms(repo: Path) -> None:
    path = repo / "data/uppdrag/rehabilitering-habilitering-strategi.yaml"
    before = path.read_bytes()
    code, out, err = run(
        "klar", "rehabilitering-habilitering-strategi/slutredovisning", "--datum", "2026-05-28",
        "--today", "2026-05-29", cwd=repo,
    )  # fmt: skip
    assert (code, out, err) == (
        0,
        "Registrerade inlämning av rehabilitering-habilitering-strategi/slutredovisning "
        "2026-05-28 i data/uppdrag/rehabilitering-habilitering-strategi.yaml.\n",
        "",
    )
    assert path.read_bytes() == before.replace(
        b"    datum: maj 2026\n", b"    datum: maj 2026\n    inl\xc3\xa4mnad: 2026-05-28\n"
    )
    assert run("check", cwd=repo)[0] == 0


def test_klar_defaults_to_today(repo: Path) -> None:
    code, out, _ = run(
        "klar", "god-och-nara-vard/delredovisning-framja", "--today", "2026-03-30", cwd=repo
    )
    assert code == 0
    assert out == (
        "Registrerade inlämning av god-och-nara-vard/delredovisning-framja (tillfället "
        "2026-03-31) 2026-03-30 i data/uppdrag/god-och-nara-vard.yaml.\n"
    )
    assert (
        b"    inl\xc3\xa4mnad: {2026-03-31: 2026-03-30}\n"
        in (repo / "data/uppdrag/god-och-nara-vard.yaml").read_bytes()
    )


def test_dry_run_prints_the_diff_and_writes_nothing(repo: Path) -> None:
    before = snapshot(repo)
    code, out, err = run(
        "flytta", "hjarta-karl-handlingsplan/slutredovisning", "2029-03-27",
        "--beslut", "S2026/01234", "--torrkörning", cwd=repo,
    )  # fmt: skip
    assert code == 0
    assert out == (
        f"--- a/{HJARTA}\n"
        f"+++ b/{HJARTA}\n"
        "@@ -118,7 +118,9 @@\n"
        "   - id: slutredovisning\n"
        "     typ: slutredovisning\n"
        "     titel: Gemensam slutredovisning av uppdraget\n"
        "-    datum: 2028-10-15\n"
        "+    datum: 2029-03-27\n"
        "+    ändringar:\n"
        "+      - {datum: 2028-10-15, beslut: S2026/01234, beslutad: 2026-05-05}\n"
        "     mottagare: Regeringskansliet (Socialdepartementet)\n"
        '     # Planen: "Projektägare/beställare och PL".\n'
        "     ansvarig: sissel-kulstadvik\n"
    )
    assert err == "uppdrag: torrkörning, inget har skrivits.\n"
    assert snapshot(repo) == before


def test_flytta_to_a_period_with_a_malformed_dnr_warns(repo: Path) -> None:
    code, out, err = run(
        "flytta", "hjarta-karl-handlingsplan/lagesrapport-2027", "hösten 2027",
        "--beslut", "S2026-77", "--källtext", "PM:et lämnas  hösten 2027.", cwd=repo,
    )  # fmt: skip
    assert code == 0
    assert out == (
        "Flyttade hjarta-karl-handlingsplan/lagesrapport-2027 från oktober 2027 till hösten "
        f"2027 (beslut S2026-77) i {HJARTA}.\n"
    )
    assert "varning[ogiltigt-diarienummer] `S2026-77` ser inte ut som ett diarienummer" in err
    text = (repo / HJARTA).read_text("utf-8")
    assert (
        "    datum: hösten 2027\n    ändringar:\n"
        "      - {datum: oktober 2027, beslut: S2026-77, beslutad: 2026-05-05, källtext: "
        '"PM:et lämnas hösten 2027."}\n'
    ) in text


def test_utfall_keeps_the_amount_as_written(repo: Path) -> None:
    code, out, err = run(
        "utfall", "hjarta-karl-handlingsplan", "--belopp", "2 400 000 kr",
        "--datum", "2026-06-30", "--text", "rekvisition Kammarkollegiet",
        "--today", "2026-07-01", cwd=repo,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Registrerade utfall 2\u00a0400\u00a0000\u00a0kr 2026-06-30 för "
        f"hjarta-karl-handlingsplan (Socialstyrelsen) i {HJARTA}.\n"
    )
    assert (
        (repo / HJARTA)
        .read_text("utf-8")
        .endswith(
            "      2028: {beräknat: 4 mnkr}\n"
            "    utfall:\n"
            "      - {datum: 2026-06-30, belopp: 2 400 000 kr, text: rekvisition Kammarkollegiet}\n"
        )
    )


LINES = "1: Socialstyrelsen · UO9 1:6 ap.16 (2025); 2: Socialstyrelsen (2026, 2027)"  # palliativ


@pytest.mark.parametrize("choice", [(), ("--myndighet", "Socialstyrelsen")])
@pytest.mark.parametrize(
    ("day", "number", "after"),
    [
        ("2025-12-15", 1, b"      2025: {beviljat: 2 000 000 kr}\n    utfall:\n"),
        ("2026-06-30", 2, b"      2027: {ber\xc3\xa4knat: 2 000 000 kr}\n    utfall:\n"),
    ],
)
def test_utfall_takes_the_only_budget_line_for_the_year(
    repo: Path, choice: tuple[str, ...], day: str, number: int, after: bytes
) -> None:
    # Both lines are Socialstyrelsen's, one per period: without an option, and with the
    # --myndighet that matches both, the year of --datum settles it, and the output says so.
    code, out, err = run(
        "utfall", "palliativ-vard-riktlinjer", "--belopp", "2 000 000 kr", "--datum", day,
        *choice, "--today", "2026-07-01", cwd=repo,
    )  # fmt: skip
    label = LINES.split("; ")[number - 1]
    assert (code, out, err) == (
        0,
        f"Registrerade utfall 2\u00a0000\u00a0000\u00a0kr {day} för palliativ-vard-riktlinjer "
        f"(Socialstyrelsen) i {PALLIATIV}.\n",
        f"uppdrag: obs: budgetraden valdes efter utfallets år, {day[:4]}: {label}.\n",
    )
    raw = (repo / PALLIATIV).read_bytes()
    assert after + f"      - {{datum: {day}, belopp: 2 000 000 kr}}\n".encode() in raw


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ((), f"palliativ-vard-riktlinjer har 2 budgetrader ({LINES}), men ingen av dem har "
         "belopp för 2028; lägg först till året under `år:` på rätt rad (ett utfall utan tak "
         "stoppas)."),
        (("--myndighet", "Socialstyrelsen"), "2 av palliativ-vard-riktlinjer:s 2 budgetrader "
         f"passar valet ({LINES}), men ingen av dem har belopp för 2028"),
    ],
)  # fmt: skip
def test_utfall_refuses_a_budget_line_the_year_does_not_settle(
    repo: Path, choice: tuple[str, ...], message: str
) -> None:
    before = snapshot(repo)
    code, out, err = run(
        "utfall", "palliativ-vard-riktlinjer", "--belopp", "5 kr", "--datum", "2028-06-30",
        *choice, "--today", "2028-07-01", cwd=repo,
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err.startswith(f"uppdrag: {message}") and err.count("\n") == 1
    assert snapshot(repo) == before
    code, _, _ = run(
        "utfall", "palliativ-vard-riktlinjer", "--belopp", "5 kr", "--datum", "2025-06-30",
        "--anslag", "1:6", cwd=repo,
    )  # fmt: skip
    assert code == 0
    assert b"      2025: {beviljat: 2 000 000 kr}\n    utfall:\n" in (repo / PALLIATIV).read_bytes()


def test_utfall_refuses_the_same_row_twice_unless_told(repo: Path) -> None:
    args = (
        "utfall", "hjarta-karl-handlingsplan", "--belopp", "100 000 kr", "--datum",
        "2026-04-30", "--text", "konsult",
    )  # fmt: skip
    row = b"      - {datum: 2026-04-30, belopp: 100 000 kr, text: konsult}\n"
    assert run(*args, cwd=repo)[0] == 0
    once = snapshot(repo)
    assert once["hjarta-karl-handlingsplan.yaml"].count(row) == 1
    # Run again (the same amount in other words, the text in other case): refused, exit 1.
    again = ("--belopp", "0,1 mnkr", "--text", "Konsult")
    code, out, err = run(*args, *again, cwd=repo)
    assert (code, out) == (1, "")
    assert err == (
        "uppdrag: hjarta-karl-handlingsplan har redan ett likadant utfall på budgetraden 1: "
        "Socialstyrelsen (2026, 2027, 2028): 2026-04-30, 100\u00a0000\u00a0kr, 'Konsult'. "
        "Inget har skrivits, så att samma pengar inte räknas två gånger. Är det verkligen ett "
        "utfall till (t.ex. två lika fakturor samma dag), registrera det med --dubblett.\n"
    )
    assert snapshot(repo) == once
    # Another day, amount or text is another row.
    for other in (("--datum", "2026-05-01"), ("--belopp", "100 001 kr"), ("--text", "resor")):
        before = snapshot(repo)
        assert run(*args, *other, "--torrkörning", cwd=repo)[0] == 0, other
        assert snapshot(repo) == before
    # With --dubblett it is recorded, with a warning on stderr.
    code, out, err = run(*args, "--dubblett", cwd=repo)
    assert code == 0 and out.startswith("Registrerade utfall 100\u00a0000\u00a0kr 2026-04-30")
    assert err == (
        "uppdrag: varning: budgetraden 1: Socialstyrelsen (2026, 2027, 2028) hade redan ett "
        "likadant utfall (2026-04-30, 100\u00a0000\u00a0kr, 'konsult'); det nya registreras "
        "ändå (--dubblett) och båda räknas.\n"
    )
    assert (repo / HJARTA).read_bytes().count(row) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("klar", "hjarta-karl-handlingsplan/planen"), "Menade du `plan`?"),
        (("klar", "hjarta-karl-handlingsplam/plan"), "Menade du `hjarta-karl-handlingsplan`?"),
        (("klar", "hjarta-karl-handlingsplan"), "skriv UPPDRAG/REDOVISNING"),
        (("klar", "hjarta-karl-handlingsplan/slutredovisning", "--datum", "15/10"), "--datum"),
        (("flytta", "hjarta-karl-handlingsplan/slutredovisning", "snart", "--beslut", "S1/1"),
         "okänd period"),
        (("utfall", "hjarta-karl-handlingsplan", "--belopp", "7 dollar", "--datum",
          "2026-06-30"), "okänd enhet"),
        (("utfall", "hjarta-karl-handlingsplan", "--belopp", "5", "--datum", "2026-06-31"),
         "juni 2026 har 30 dagar"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_and_write_nothing(
    repo: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(repo)
    code, out, err = run(*args, cwd=repo)
    assert (code, out) == (2, "")
    assert err.startswith("uppdrag: ") and message in err and err.count("\n") == 1
    assert snapshot(repo) == before


def test_a_result_that_check_would_reject_exits_1(repo: Path) -> None:
    before = snapshot(repo)
    code, out, err = run(
        "utfall", "hjarta-karl-handlingsplan", "--belopp", "8 mnkr", "--datum", "2026-06-30",
        "--today", "2026-07-01", cwd=repo,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        f"{HJARTA}:238:37: fel[over-tak] Utfallet för 2026 är 8\u00a0000\u00a0000\u00a0kr, över "
        "taket 7\u00a0000\u00a0000\u00a0kr med 1\u00a0000\u00a0000\u00a0kr.\n"
        f"uppdrag: Utfallet skulle gå över taket i {HJARTA}; inget har skrivits. Har pengarna "
        "verkligen använts, registrera utfallet med --över-tak (då rapporterar `uppdrag check` "
        "det som fel tills taket, `beviljat`, höjs).\n"
    )
    assert snapshot(repo) == before


def test_utfall_over_the_ceiling_is_recorded_with_the_flag(repo: Path) -> None:
    args = (
        "utfall", "hjarta-karl-handlingsplan", "--belopp", "8 mnkr", "--datum", "2026-06-30",
        "--today", "2026-07-01", "--över-tak",
    )  # fmt: skip
    code, out, err = run(*args, cwd=repo)
    assert code == 0
    assert out == (
        "Registrerade utfall 8\u00a0000\u00a0000\u00a0kr 2026-06-30 för "
        f"hjarta-karl-handlingsplan (Socialstyrelsen) i {HJARTA}.\n"
    )
    assert err == (
        f"{HJARTA}:238:37: fel[over-tak] Utfallet för 2026 är 8\u00a0000\u00a0000\u00a0kr, över "
        "taket 7\u00a0000\u00a0000\u00a0kr med 1\u00a0000\u00a0000\u00a0kr.\n"
        "uppdrag: varning: utfallet går över taket och registreras ändå (--över-tak). `uppdrag "
        "check` rapporterar det som fel tills taket (`beviljat`) höjs i filen; status och "
        "budget visar det negativa beloppet som kvar, i rött.\n"
    )
    assert b"- {datum: 2026-06-30, belopp: 8 mnkr}" in (repo / HJARTA).read_bytes()
    code, out, _ = run("check", cwd=repo)
    assert code == 1 and "fel[over-tak]" in out
    # The file stays editable; more spending over the ceiling needs the flag again.
    code, _, _ = run("klar", "hjarta-karl-handlingsplan/slutredovisning", cwd=repo)
    assert code == 0
    before = snapshot(repo)
    code, _, err = run(*args[:-1], "--dubblett", cwd=repo)  # the same row again, on purpose
    assert code == 1 and "--över-tak" in err
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("utfall", "hjarta-karl-handlingsplan", "--belopp", "5", "--datum", "2026-05-06"),
         "utfallsdagen 2026-05-06 ligger efter idag (2026-05-05)"),
        (("utfall", "hjarta-karl-handlingsplan", "--belopp", "5", "--datum", "2026-05-05",
          "--today", "2026-05-04"), "utfallsdagen 2026-05-05 ligger efter idag (2026-05-04)"),
        (("flytta", "hjarta-karl-handlingsplan/slutredovisning", "2029-03-27", "--beslut",
          "S2026/01234", "--beslutsdatum", "2026-05-06"),
         "beslutsdatumet 2026-05-06 ligger efter idag (2026-05-05)"),
    ],
)  # fmt: skip
def test_utfall_and_flytta_refuse_a_day_after_today(
    repo: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(repo)
    code, out, err = run(*args, cwd=repo)
    assert (code, out) == (2, "")
    assert err.startswith("uppdrag: ") and message in err and err.count("\n") == 1
    assert snapshot(repo) == before


def test_utfall_of_a_requisition_hints_at_the_deadline_without_marking_it(repo: Path) -> None:
    args = ("utfall", "palliativ-vard-riktlinjer", "--anslag", "1:6")
    code, _, err = run(
        *args, "--belopp", "1 900 000 kr", "--datum", "2025-12-01", "--text",
        "rekvisition Kammarkollegiet", cwd=repo,
    )  # fmt: skip
    assert code == 0
    assert err == (
        "uppdrag: obs: rekvisitionen palliativ-vard-riktlinjer/rekvisition-2025 (2025-12-01) "
        "är inte markerad som inlämnad; är det den som rekvirerades, registrera den med "
        "`uppdrag klar palliativ-vard-riktlinjer/rekvisition-2025 --datum 2025-12-01`.\n"
    )
    assert "inlämnad" not in (repo / PALLIATIV).read_text("utf-8")
    code, _, err = run(*args, "--belopp", "1", "--datum", "2025-12-02", cwd=repo)
    assert (code, err) == (0, "")  # no text about a requisition, no hint
    code, _, _ = run(
        "klar", "palliativ-vard-riktlinjer/rekvisition-2025", "--datum", "2025-12-01", cwd=repo
    )
    assert code == 0
    code, _, err = run(*args, "--belopp", "1", "--datum", "2025-12-03", "--text", "rekvisition",
                       cwd=repo)  # fmt: skip
    assert (code, err) == (0, "")  # delivered now


def _overspend_palliativ(repo: Path) -> None:
    path = repo / PALLIATIV
    line = b"      2025: {beviljat: 2 000 000 kr}\n"
    raw = path.read_bytes()
    assert line in raw
    path.write_bytes(
        raw.replace(line, line + b"    utfall: [{datum: 2025-06-30, belopp: 3 mnkr}]\n")
    )
    assert run("check", cwd=repo)[0] == 1


BROKEN_NOTE = (
    f"uppdrag: obs: en annan fil hade redan fel före ändringen ({PALLIATIV}); de hindrar den "
    "inte, men `uppdrag check` rapporterar dem tills de är rättade.\n"
)


def test_ny_is_not_blocked_by_errors_other_files_already_had(repo: Path) -> None:
    _overspend_palliativ(repo)
    code, out, err = run(*NEW, cwd=repo)
    assert code == 0
    assert out.startswith("Skapade uppdraget uppdrag-om-vardens-kompetensforsorjning")
    assert err == BROKEN_NOTE
    assert (repo / "data/uppdrag/uppdrag-om-vardens-kompetensforsorjning.yaml").exists()


def test_klar_flytta_utfall_are_not_blocked_by_errors_other_files_already_had(
    repo: Path,
) -> None:
    _overspend_palliativ(repo)
    (repo / "data/uppdrag/trasig.yaml").write_bytes(b"titel: [\n")
    note = BROKEN_NOTE.replace(
        f"en annan fil hade redan fel före ändringen ({PALLIATIV})",
        f"andra filer hade redan fel före ändringen ({PALLIATIV}, data/uppdrag/trasig.yaml)",
    )
    for args in (
        ("flytta", "hjarta-karl-handlingsplan/slutredovisning", "2029-03-27", "--beslut",
         "S2026/01234"),
        ("klar", "hjarta-karl-handlingsplan/slutredovisning"),
        ("utfall", "hjarta-karl-handlingsplan", "--belopp", "5", "--datum", "2026-05-05"),
    ):  # fmt: skip
        code, _, err = run(*args, cwd=repo)
        assert (code, err) == (0, note), args


def test_already_delivered_exits_1(repo: Path) -> None:
    code, out, err = run("klar", "hjarta-karl-handlingsplan/plan", cwd=repo)
    assert (code, out) == (1, "")
    assert err == (
        "uppdrag: hjarta-karl-handlingsplan/plan är redan inlämnad 2026-05-29; ändra datumet "
        "i filen om det är fel.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("hjarta-karl-handlingsplan/slutredovisning", "2020-01-01"),
         "det nya datumet 2020-01-01 ligger före uppdragets beslutsdatum (2025-11-20, "
         "`beslutad`)"),
        (("hjarta-karl-handlingsplan/slutredovisning", "våren 2025"),
         "det nya datumet våren 2025 ligger före uppdragets beslutsdatum (2025-11-20, "),
        (("hjarta-karl-handlingsplan/slutredovisning", "2029-03-27", "--beslutsdatum",
          "2025-11-19"),
         "beslutsdatumet 2025-11-19 ligger före uppdragets beslutsdatum (2025-11-20, "),
    ],
)  # fmt: skip
def test_flytta_refuses_dates_before_the_decision(
    repo: Path, args: tuple[str, ...], message: str
) -> None:
    # As `klar` refuses a delivery before `beslutad`: exit 2, nothing written.
    before = snapshot(repo)
    code, out, err = run("flytta", *args, "--beslut", "S2026/00001", cwd=repo)
    assert (code, out) == (2, "")
    assert err.startswith(f"uppdrag: {message}") and err.count("\n") == 1
    assert snapshot(repo) == before


def test_flytta_refuses_a_delivered_deadline(repo: Path) -> None:
    # As for a series with delivered occurrences: exit 1, the data stands in the way.
    before = snapshot(repo)
    code, out, err = run(
        "flytta", "hjarta-karl-handlingsplan/plan", "2026-12-01", "--beslut", "S2026/00003",
        cwd=repo,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "uppdrag: hjarta-karl-handlingsplan/plan är redan inlämnad (2026-05-29); en flytt "
        "skulle ändra datumet som inlämningen gjordes mot, så inget har ändrats. Begär "
        "regeringen en ny eller kompletterande redovisning, lägg till den som en egen "
        "redovisning under `redovisningar:`; är `inlämnad` fel, ta bort den i filen först och "
        "flytta sedan.\n"
    )
    assert snapshot(repo) == before


def test_a_write_error_is_a_setup_error_exit_2(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As `ical` and cli.main: a folder without write rights is the setup, not the data.
    import tempfile

    def refused(*_: object, **__: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    before = snapshot(repo)
    code, out, err = run("klar", "hjarta-karl-handlingsplan/slutredovisning", cwd=repo)
    assert (code, out, err) == (
        2,
        "",
        f"uppdrag: kan inte skriva {HJARTA}: behörighet saknas; inget har ändrats.\n",
    )
    assert snapshot(repo) == before


# A valid file with every layout quirk at once: a list flush with its key, one indented four
# with three spaces after the dash, and a `{…}` item with a comment after it in a list that a
# comment line opens. ruamel.yaml 0.19 writes the item after that one as `- id: arlig typ: …`.
KNEPIG = """\
titel: 'Knepigt uppdrag'   # titeln i enkla citattecken
diarienummer:
- S2026/00001
myndigheter:
    -   namn: Socialstyrelsen   # fyra mellanslag
personer: [{id: anna, namn: Anna Ek, myndighet: Socialstyrelsen}]
redovisningar:
  # första
  - {id: plan, typ: plan, datum: 2026-03-30, ansvarig: anna}  # flödesstil
  - id: arlig
    typ: årlig redovisning
    datum: 2026-04-15
  - id: slut
    typ: slutredovisning
    datum: "hösten 2028"  # period
budget:
  - myndighet: Socialstyrelsen
    år:
      2027–2028: {beräknat: 10 mnkr}
"""
SLUT = '    datum: "hösten 2028"  # period\n'
KNEPIG_EDITS = [
    (("klar", "knepig/slut", "--datum", "2026-05-01"),
     KNEPIG.replace(SLUT, SLUT + "    inlämnad: 2026-05-01\n")),
    (("flytta", "knepig/slut", "2029-03-30", "--beslut", "S2026/00009"),
     KNEPIG.replace(SLUT, "    datum: 2029-03-30  # period\n    ändringar:\n      - {datum: "
                    '"hösten 2028", beslut: S2026/00009, beslutad: 2027-06-01}\n')),
    (("utfall", "knepig", "--belopp", "5", "--datum", "2027-02-01"),
     KNEPIG + "    utfall:\n      - {datum: 2027-02-01, belopp: 5}\n"),
]  # fmt: skip


@pytest.fixture
def knepig(tmp_path: Path) -> Path:
    path = tmp_path / "data/uppdrag/knepig.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(KNEPIG, "utf-8")
    assert run("check", cwd=tmp_path) == (0, "", "1 fil kontrollerad: inga problem.\n")
    return path


@pytest.mark.parametrize(("args", "expected"), KNEPIG_EDITS, ids=["klar", "flytta", "utfall"])
def test_an_unusual_valid_layout_is_edited_or_refused_for_what_it_is(
    knepig: Path, args: tuple[str, ...], expected: str
) -> None:
    # Never a syntax error at a line that is fine in the user's file: either only the lines
    # the edit is about change, or the layout is named as the reason and nothing is written.
    code, out, err = run(*args, "--today", "2027-06-01", cwd=knepig.parents[2])
    if code == 0:
        assert knepig.read_text("utf-8") == expected
        return
    assert (code, out) == (1, "")
    assert err.startswith(
        "uppdrag: data/uppdrag/knepig.yaml är giltig men kan inte ändras säkert med "
        "kommandot: när filens layout (indrag, kommentarer eller `{…}`-poster) skrivs om "
    )
    assert err.endswith("Inget har skrivits; gör ändringen för hand och kör `uppdrag check`.\n")
    assert err.count("\n") == 1  # no located problem: it would point at a line that is fine
    assert knepig.read_text("utf-8") == KNEPIG


@pytest.mark.parametrize(("args", "expected"), KNEPIG_EDITS, ids=["klar", "flytta", "utfall"])
def test_an_unusual_valid_layout_is_edited(
    knepig: Path, args: tuple[str, ...], expected: str
) -> None:
    code, _, err = run(*args, "--today", "2027-06-01", cwd=knepig.parents[2])
    assert code == 0, err
    assert knepig.read_text("utf-8") == expected


def test_a_file_with_errors_is_not_touched(repo: Path) -> None:
    path = repo / HJARTA
    broken = path.read_bytes().replace(b"beslutad: 2025-11-20", b"beslutad: 2025-11-31")
    path.write_bytes(broken)
    before = snapshot(repo)
    code, out, err = run("klar", "hjarta-karl-handlingsplan/slutredovisning", cwd=repo)
    assert (code, out) == (1, "")
    assert err.startswith(f"{HJARTA}:10:11: fel[ogiltigt-datum] ")
    assert err.endswith(
        f"uppdrag: {HJARTA} har fel och ändras inte; rätta dem först (uppdrag check).\n"
    )
    assert snapshot(repo) == before


def test_another_broken_file_does_not_block_an_edit(repo: Path) -> None:
    (repo / "data/uppdrag/trasig.yaml").write_bytes(b"titel: [\n")
    code, _, _ = run("klar", "hjarta-karl-handlingsplan/slutredovisning", cwd=repo)
    assert code == 0


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = repo / HJARTA
    real = edit.verify
    theirs = path.read_bytes() + b"# Tillagt av en kollega medan kommandot arbetade.\n"

    def meanwhile(*args: object, **kwargs: object) -> object:
        path.write_bytes(theirs)  # someone saves the file between our read and our write
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(edit, "verify", meanwhile)
    code, out, err = run("klar", "hjarta-karl-handlingsplan/slutredovisning", cwd=repo)
    assert (code, out) == (1, "")
    assert err == (
        f"uppdrag: {HJARTA} har ändrats sedan den lästes; inget har skrivits. Kör kommandot igen.\n"
    )
    assert path.read_bytes() == theirs


# --- ny ----------------------------------------------------------------------------------

NEW = (
    "ny", "--titel", "Uppdrag om vårdens kompetensförsörjning", "--departement",
    "Socialdepartementet", "--diarienummer", "S2026/00123", "--beslutad", "2026-02-12",
    "--myndighet", "Socialstyrelsen", "--slutredovisning", "2027-03-31",
)  # fmt: skip


def test_ny_from_flags(repo: Path) -> None:
    code, out, err = run(*NEW, cwd=repo)
    path = repo / "data/uppdrag/uppdrag-om-vardens-kompetensforsorjning.yaml"
    assert (code, err) == (0, "")
    assert out == (
        "Skapade uppdraget uppdrag-om-vardens-kompetensforsorjning i "
        "data/uppdrag/uppdrag-om-vardens-kompetensforsorjning.yaml.\n"
    )
    assert path.read_text("utf-8") == (
        "titel: Uppdrag om vårdens kompetensförsörjning\n"
        "diarienummer: [S2026/00123]\n"
        "departement: Socialdepartementet\n"
        "beslutad: 2026-02-12\n"
        "status: pågående\n"
        "myndigheter:\n"
        "  - namn: Socialstyrelsen\n"
        "    huvudansvarig: true\n"
        "redovisningar:\n"
        "  - id: slutredovisning\n"
        "    typ: slutredovisning\n"
        "    datum: 2027-03-31\n"
    )
    assert run("check", cwd=repo)[0] == 0
    code, _, err = run(*NEW, cwd=repo)  # the same id again
    assert code == 2
    assert "finns redan" in err


@pytest.mark.parametrize("ident", ["../utanfor", "a/b", "..", "Versaler", "x.yaml", "-a"])
def test_ny_refuses_unsafe_ids(repo: Path, ident: str) -> None:
    before = snapshot(repo)
    code, out, err = run(*NEW, "--id", ident, cwd=repo)
    assert (code, out) == (2, "")
    assert "inget giltigt uppdrags-id" in err
    assert snapshot(repo) == before
    assert sorted(p.name for p in repo.iterdir()) == ["data"]


def test_ny_refuses_what_check_would_reject(repo: Path) -> None:
    # Two files with the same diarienummer is only a warning; an id taken by a .yml file
    # under another suffix is refused before anything is written.
    (repo / "data/uppdrag/gammal.yml").write_bytes(b"titel: Gammal\n")
    code, _, err = run(*NEW, "--id", "gammal", cwd=repo)
    assert code == 2 and "finns redan" in err
    code, _, err = run(*NEW, "--id", "dubbel", "--diarienummer", "S2025/01981", cwd=repo)
    assert code == 0
    assert "varning[dubbelt-diarienummer]" in err


def test_ny_without_a_title_off_a_terminal_is_a_usage_error(repo: Path) -> None:
    code, out, err = run("ny", "--id", "x", cwd=repo)
    assert (code, out) == (2, "")
    assert err == "uppdrag: ange --titel (eller kör kommandot i en terminal för att få frågor).\n"


@pytest.mark.parametrize("title", ["", "   "])
def test_ny_with_an_empty_title_says_the_title_is_missing(repo: Path, title: str) -> None:
    before = snapshot(repo)
    code, out, err = run("ny", "--titel", title, cwd=repo)
    assert (code, out, err) == (
        2,
        "",
        "uppdrag: titel saknas: --titel är tom; ange uppdragets titel.\n",
    )
    assert snapshot(repo) == before


def test_ny_with_a_title_that_gives_no_id_asks_for_one(repo: Path) -> None:
    code, out, err = run("ny", "--titel", "???", cwd=repo)
    assert (code, out) == (2, "")
    assert err == (
        "uppdrag: av titeln '???' går inget id att bilda (den har inga bokstäver a–z eller "
        "siffror); ange --id.\n"
    )
    assert run("ny", "--titel", "???", "--id", "fragor", cwd=repo)[0] == 0


class _Interrupted(io.RawIOBase):
    """Standard input where the user presses Ctrl-C at the first question."""

    def readable(self) -> bool:
        return True

    def readinto(self, _: object) -> int:
        raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("typed", "code", "message"),
    [
        (None, 130, "uppdrag: avbrutet; inget har skrivits.\n"),  # Ctrl-C
        ("", 2, "uppdrag: avbrutet (inget svar, Ctrl-D); inget har skrivits.\n"),  # Ctrl-D
        ("Ett uppdrag\n", 2, "uppdrag: avbrutet (inget svar, Ctrl-D); inget har skrivits.\n"),
    ],
)
def test_ny_interrupted_at_a_question_is_not_a_data_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, typed: str | None, code: int, message: str
) -> None:
    # 1 means errors in the data; Ctrl-C is 130 as in cli.main, Ctrl-D (no answer) is 2.
    import typer.testing

    from uppdragskoll import cli, cli_edit

    monkeypatch.setattr(cli_edit, "_interactive", lambda: True)
    if typed is None:  # the runner's stdin raises KeyboardInterrupt, as a terminal does
        monkeypatch.setattr(typer.testing, "make_input_stream", lambda *_: _Interrupted())
    before = snapshot(repo)
    runner = typer.testing.CliRunner()
    result = runner.invoke(cli.app, ["ny", "--data", str(repo / "data/uppdrag")], typed)
    assert result.exit_code == code
    assert result.stderr.endswith("\n" + message)
    assert "Avbrutet." not in result.output  # not typer's "Aborted!" with exit 1
    assert snapshot(repo) == before


def test_ny_asks_in_a_terminal(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from uppdragskoll import cli, cli_edit

    monkeypatch.setattr(cli_edit, "_interactive", lambda: True)
    answers = "\n".join(
        [
            "Ett frågat uppdrag",  # titel
            "",  # id: take the suggestion
            "Socialdepartementet",
            "S2026/00999",
            "12 februari",  # no year: asked again
            "hösten 2026",  # not a day: asked again
            "12 februari 2026",  # as the decision writes it
            "Socialstyrelsen",
            "hösten 2027",
        ]
    )
    result = CliRunner().invoke(cli.app, ["ny", "--data", str(repo / "data/uppdrag")], answers)
    assert result.exit_code == 0, result.output
    created = repo / "data/uppdrag/ett-fragat-uppdrag.yaml"
    assert created.read_text("utf-8") == (
        "titel: Ett frågat uppdrag\n"
        "diarienummer: [S2026/00999]\n"
        "departement: Socialdepartementet\n"
        "beslutad: 2026-02-12\n"
        "status: pågående\n"
        "myndigheter:\n"
        "  - namn: Socialstyrelsen\n"
        "    huvudansvarig: true\n"
        "redovisningar:\n"
        "  - id: slutredovisning\n"
        "    typ: slutredovisning\n"
        "    datum: hösten 2027\n"
    )


def test_ny_dry_run(repo: Path) -> None:
    code, out, _ = run(*NEW, "--id", "prov", "--torrkörning", cwd=repo)
    assert code == 0
    assert out.startswith("--- /dev/null\n+++ b/data/uppdrag/prov.yaml\n@@ -0,0 +1,12 @@\n")
    assert not (repo / "data/uppdrag/prov.yaml").exists()


@pytest.mark.parametrize(
    "command",
    [
        lambda: ("klar", "hjarta-karl-handlingsplan/slutredovisning"),
        lambda: ("flytta", "hjarta-karl-handlingsplan/slutredovisning", "2029", "--beslut", "S1"),
        lambda: ("utfall", "hjarta-karl-handlingsplan", "--belopp", "1", "--datum", "2026-01-01"),
        lambda: NEW,
    ],
)
def test_every_edit_command_is_documented(command: Callable[[], tuple[str, ...]]) -> None:
    name = command()[0]
    docs = (Path(__file__).resolve().parents[1] / "docs" / "redigering.md").read_text("utf-8")
    assert f"uppdrag {name}" in docs
    code, out, _ = run(name, "--help")
    assert code == 0 and "Exempel: uppdrag " + name in " ".join(out.split())


def test_crlf_file_edited_without_repeating_its_warning(repo: Path) -> None:
    path = repo / "data/uppdrag/windows.yaml"
    raw = (
        b"titel: Windows\r\nredovisningar:\r\n  - id: q\r\n    typ: delredovisning\r\n"
        b"    datum: 2026-03-31\r\n    upprepas: kvartalsvis\r\n    till: 2026-12-31\r\n"
    )
    path.write_bytes(raw)
    code, out, err = run(
        "klar", "windows/q", "--tillfälle", "2026-09-30", "--datum", "2026-09-29",
        "--today", "2026-10-01", cwd=repo,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Registrerade inlämning av windows/q (tillfället 2026-09-30) 2026-09-29 i "
        "data/uppdrag/windows.yaml.\n"
    )
    assert path.read_bytes() == raw + b"    inl\xc3\xa4mnad: {2026-09-30: 2026-09-29}\r\n"


# --- recurring series, occurrence keys, delivery days, impossible dates, help --------------

GOD = "data/uppdrag/god-och-nara-vard.yaml"
FRAMJA = "god-och-nara-vard/delredovisning-framja"


def test_flytta_moves_a_whole_series_with_its_last_occurrence(repo: Path) -> None:
    path = repo / GOD
    before = path.read_bytes()
    code, out, err = run("flytta", FRAMJA, "2026-04-15", "--beslut", "S2026/00001", cwd=repo)
    assert (code, err) == (0, "")
    assert out == (
        f"Flyttade {FRAMJA} från 2026-03-31 till 2026-04-15 och sista tillfället från "
        f"2027-03-31 till 2027-04-15 (beslut S2026/00001) i {GOD}.\n"
    )
    assert path.read_bytes() == before.replace(
        b"    datum: 2026-03-31\n    upprepas: \xc3\xa5rligen\n    till: 2027-03-31\n",
        b"    datum: 2026-04-15\n"
        b"    \xc3\xa4ndringar:\n"
        b"      - {datum: 2026-03-31, beslut: S2026/00001, beslutad: 2026-05-05}\n"
        b"    upprepas: \xc3\xa5rligen\n    till: 2027-04-15\n",
    )
    assert run("check", cwd=repo)[0] == 0
    code, out, _ = run("visa", "god-och-nara-vard", "--format", "json", cwd=repo)
    assert code == 0 and "2027-04-15" in out  # the 2027 occurrence is still there


@pytest.mark.parametrize(
    "args",
    [
        ("flytta", FRAMJA, "2027-04-15", "--beslut", "S1", "--tillfälle", "2027-03-31"),
        ("flytta", f"{FRAMJA}/2027-03-31", "2027-04-15", "--beslut", "S1"),
        ("flytta", f"{FRAMJA}/2027-03-31@uppdragskoll", "2027-04-15", "--beslut", "S1"),
    ],
)
def test_flytta_of_one_occurrence_explains_the_split(repo: Path, args: tuple[str, ...]) -> None:
    before = snapshot(repo)
    code, out, err = run(*args, cwd=repo)
    assert (code, out) == (2, "")
    assert err.startswith(
        "uppdrag: ett enskilt tillfälle (2027-03-31) i den återkommande redovisningen "
        f"{FRAMJA} kan inte flyttas med kommandot"
    )
    assert "  1) sätt `till: 2026-03-31` på `delredovisning-framja`" in err
    assert "  2) lägg till en redovisning `delredovisning-framja-2027`" in err
    assert snapshot(repo) == before


def _keys_for_2027(repo: Path) -> list[str]:
    """How other commands name the 2027 occurrence: `nyckel` in `status --format json`, and
    the UIDs of its calendar event and of its reminder event."""
    import json

    _, out, _ = run("status", "--format", "json", "--today", "2027-03-01", cwd=repo)
    keys = [r["nyckel"] for r in json.loads(out)["redovisningar"]]
    _, feed, _ = run("ical", "-o", "-", "--förvarning", "7", cwd=repo)
    uids = re.findall(r"^UID:(.*)$", feed.replace("\r\n ", "").replace("\r\n", "\n"), re.M)
    found = [k for k in [*keys, *uids] if k.startswith(f"{FRAMJA}/2027-03-31")]
    assert len(found) == 3, found
    return found


def test_klar_takes_the_occurrence_from_a_json_key_or_calendar_uid(repo: Path) -> None:
    before = snapshot(repo)
    for key in _keys_for_2027(repo):
        code, out, err = run("klar", key, "--datum", "2026-05-04", "--torrkörning", cwd=repo)
        assert code == 0, err
        assert "+    inlämnad: {2027-03-31: 2026-05-04}\n" in out
        assert snapshot(repo) == before
    code, out, err = run("klar", f"{FRAMJA}/2027-03-31", "--datum", "2026-05-04", cwd=repo)
    assert (code, err) == (0, "")
    assert out == (
        f"Registrerade inlämning av {FRAMJA} (tillfället 2027-03-31) 2026-05-04 i {GOD}.\n"
    )
    assert b"    inl\xc3\xa4mnad: {2027-03-31: 2026-05-04}\n" in (repo / GOD).read_bytes()


def test_klar_key_and_tillfalle_must_agree(repo: Path) -> None:
    before = snapshot(repo)
    key = f"{FRAMJA}/2027-03-31"
    code, out, err = run("klar", key, "--tillfälle", "2026-03-31", cwd=repo)
    assert (code, out) == (2, "")
    assert err == (
        f"uppdrag: '{key}' pekar på tillfället 2027-03-31 men --tillfälle är 2026-03-31; "
        "ange bara det ena.\n"
    )
    assert snapshot(repo) == before
    code, _, _ = run("klar", key, "--tillfälle", "2027-03-31", "--datum", "2026-05-01", cwd=repo)
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--datum", "2030-01-01"),
         "inlämningsdagen 2030-01-01 ligger efter idag (2026-05-05)"),
        (("--datum", "2026-05-06"), "ligger efter idag (2026-05-05)"),
        (("--datum", "2026-05-06", "--today", "2026-05-04"), "ligger efter idag (2026-05-04)"),
        (("--datum", "2023-06-07"),
         "inlämningsdagen 2023-06-07 ligger före uppdragets beslutsdatum (2023-06-08"),
    ],
)  # fmt: skip
def test_klar_refuses_a_delivery_in_the_future_or_before_the_decision(
    repo: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(repo)
    code, out, err = run("klar", FRAMJA, *args, cwd=repo)
    assert (code, out) == (2, "")
    assert err.startswith("uppdrag: ") and message in err and err.count("\n") == 1
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("klar", FRAMJA, "--today", "2026-02-30"), {},
         "uppdrag: --today: 2026-02-30 är inget giltigt datum (februari 2026 har 28 dagar).\n"),
        (("flytta", FRAMJA, "2026-04-15", "--beslut", "S1", "--today", "2026-02-30"), {},
         "uppdrag: --today: 2026-02-30 är inget giltigt datum (februari 2026 har 28 dagar).\n"),
        (("klar", FRAMJA), {"UPPDRAG_TODAY": "2026-13-01"},
         "uppdrag: UPPDRAG_TODAY: 2026-13-01 är inget giltigt datum (månaden ska vara "
         "01–12).\n"),
        (("klar", FRAMJA, "--datum", "2026-04-31"), {},
         "uppdrag: --datum: 2026-04-31 är inget giltigt datum (april 2026 har 30 dagar).\n"),
        (("klar", FRAMJA, "--tillfälle", "2027-02-29"), {},
         "uppdrag: --tillfälle: 2027-02-29 är inget giltigt datum (februari 2027 har 28 "
         "dagar).\n"),
        (("klar", f"{FRAMJA}/2026-02-30"), {},
         f"uppdrag: '{FRAMJA}/2026-02-30': 2026-02-30 är inget giltigt datum (februari 2026 "
         "har 28 dagar).\n"),
        (("flytta", FRAMJA, "2026-04-15", "--beslut", "S1", "--beslutsdatum", "2026-02-30"),
         {}, "uppdrag: --beslutsdatum: 2026-02-30 är inget giltigt datum (februari 2026 har "
         "28 dagar).\n"),
    ],
)  # fmt: skip
def test_impossible_dates_are_named_as_such(
    repo: Path, args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    before = snapshot(repo)
    code, out, err = run(*args, cwd=repo, env=env)
    assert (code, out, err) == (2, "", message)
    assert snapshot(repo) == before


@pytest.mark.parametrize("name", ["klar", "flytta", "utfall", "ny"])
def test_help_shows_only_swedish_placeholders(name: str) -> None:
    code, out, _ = run(name, "--help")
    assert code == 0
    assert "<" not in out and ">" not in out, out  # typer's <str>, <path>, <list[str]>
    placeholders = set(re.findall(r"\{([^}]*)\}", out.split("\n", 1)[0]))
    placeholders |= set(re.findall(r"^  (?:--\S+ )?([A-ZÅÄÖ_/-]{2,})\s", out, re.MULTILINE))
    assert placeholders <= {
        "UPPDRAG/REDOVISNING", "NYTT_DATUM", "UPPDRAG", "ÅÅÅÅ-MM-DD", "DNR", "TEXT",
        "KATALOG", "BELOPP", "ANSLAG", "MYNDIGHET", "NAMN", "LÄNK", "TAGG", "DATUM",
    }, placeholders  # fmt: skip


def test_ny_from_flags_alone_notes_what_is_missing(repo: Path) -> None:
    code, out, err = run("ny", "--titel", "X", cwd=repo)
    assert (code, out) == (0, "Skapade uppdraget x i data/uppdrag/x.yaml.\n")
    assert err == (
        "uppdrag: obs: uppdraget har inga redovisningar ännu och syns inte i `uppdrag status` "
        "förrän en läggs till under `redovisningar:` i filen.\n"
        "uppdrag: obs: ingen myndighet angavs; lägg till den under `myndigheter:` i filen.\n"
    )
    assert (repo / "data/uppdrag/x.yaml").read_text("utf-8") == "titel: X\nstatus: pågående\n"
    code, _, err = run(*NEW, "--id", "komplett", cwd=repo)
    assert code == 0 and "obs:" not in err


def test_ny_in_a_terminal_asks_for_what_the_flags_leave_out(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from uppdragskoll import cli, cli_edit

    monkeypatch.setattr(cli_edit, "_interactive", lambda: True)
    answers = "\n".join(["", "", "", "", "Socialstyrelsen", "2027-03-31"]) + "\n"
    result = CliRunner().invoke(
        cli.app, ["ny", "--titel", "X", "--data", str(repo / "data/uppdrag")], answers
    )
    assert result.exit_code == 0, result.output
    for question in ("Id (filnamn)", "Departement", "Huvudansvarig myndighet", "Slutredovisning"):
        assert question in result.output
    assert (
        (repo / "data/uppdrag/x.yaml")
        .read_text("utf-8")
        .endswith(
            "  - namn: Socialstyrelsen\n    huvudansvarig: true\nredovisningar:\n"
            "  - id: slutredovisning\n    typ: slutredovisning\n    datum: 2027-03-31\n"
        )
    )
    assert "obs:" not in result.output


def test_the_split_by_hand_in_the_docs_passes_check(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "redigering.md").read_text("utf-8")
    found = re.search(r"```yaml\n(  - id: delredovisning-framja .*?)```", docs, re.DOTALL)
    assert found is not None
    data = tmp_path / "uppdrag"
    data.mkdir()
    text = "titel: Delad\nbeslutad: 2025-01-01\nredovisningar:\n" + found.group(1)
    (data / "delad.yaml").write_text(text, "utf-8")
    code, out, err = run("check", "--data", str(data), cwd=tmp_path)
    assert code == 0 and "inga problem" in err, (out, err)
