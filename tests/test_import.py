"""`uppdrag importera`: each phrase family found and not found, text noise, the seeds end to
end, the YAML and JSON output. The case corpus is scored in test_import_cases.py."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from uppdragskoll.importer import Draft, Fact, draft_from_text
from uppdragskoll.importer.draft import dump_yaml, suggested_id
from uppdragskoll.importer.text import normalise_chars, parse, repair_ocr

CASES = Path(__file__).parent / "import_cases"


def decision(body: str, *, background: str = "") -> str:
    """A minimal decision addressed to one agency, with `body` under "Regeringens beslut"."""
    text = (
        "Socialdepartementet\n\nUppdrag till Testverket att pröva nya arbetssätt\n\n"
        "Regeringens beslut\n\n"
        "Regeringen ger Testverket i uppdrag att pröva nya arbetssätt i vården.\n\n"
        f"{body}\n\n"
    )
    if background:
        text += f"Bakgrund\n\n{background}\n\n"
    return text + "På regeringens vägnar\n\nAnna Andersson\n\nBo Berg\n"


def deadlines(text: str) -> list[dict[str, Any]]:
    entries = draft_from_text(text).data.get("redovisningar", [])
    assert isinstance(entries, list)
    return entries


def dates(text: str) -> list[str]:
    return [str(e.get("datum", "löpande")) for e in deadlines(text)]


def money(text: str) -> list[tuple[str, str, int]]:
    rows = []
    budget = draft_from_text(text).data.get("budget", [])
    assert isinstance(budget, list)
    for line in budget:
        for year, amounts in line["år"].items():
            for kind in ("beräknat", "beviljat"):
                if kind in amounts:
                    rows.append((str(year), kind, amounts[kind]))
    return rows


def load_yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


# --- deadlines: each phrase family, found and not found ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Testverket ska senast den 30 maj 2026 lämna en plan för arbetet.", ["2026-05-30"]),
        (
            "Testverket ska senast, efter samråd med Statskontoret, den 15 oktober 2028 lämna "
            "en slutredovisning.",
            ["2028-10-15"],
        ),
        ("Uppdraget ska redovisas 30 oktober 2027.", ["2027-10-30"]),
        (
            "Testverket ska delredovisa arbetet senast i mars 2026 och 2027.",
            ["mars 2026", "mars 2027"],
        ),
        ("Testverket ska redovisa uppdraget före utgången av juni 2026.", ["juni 2026"]),
        ("En delrapport ska lämnas senast under det första kvartalet 2027.", ["2027-Q1"]),
        ("Uppdraget ska slutredovisas under andra halvåret 2027.", ["2027-H2"]),
        ("Uppdraget ska redovisas senast 2026-05-29.", ["2026-05-29"]),
        ("Testverket ska lämna en lägesrapport under hösten 2026.", ["hösten 2026"]),
        ("Uppdraget ska redovisas senast vid utgången av 2026.", ["2026"]),
        (
            "Delrapporter ska lämnas senast den 31 maj respektive den 30 november 2026.",
            ["2026-05-31", "2026-11-30"],
        ),
    ],
)
def test_deadline_phrases_are_found(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket redovisade den 30 maj 2025 en kartläggning av området.",
        "Regeringen beslutade den 15 oktober 2024 att ge Testverket ett liknande uppdrag.",
        "Rapporten publicerades 30 oktober 2024 och fick stor spridning.",
        "I mars 2024 och 2025 genomförde Testverket konferenser om arbetet.",
        "Före utgången av juni 2024 hade tjugo kommuner anslutit sig.",
        "Under det första kvartalet 2025 minskade antalet ärenden.",
        "Under andra halvåret 2024 ökade efterfrågan på stöd.",
        "Medlen får användas till och med den 31 december 2026.",
        "Testverket ska senast den 1 mars 2026 ta fram ett nytt stödmaterial.",
        "Enligt förordningen ska medlemsstaterna senast den 24 maj 2025 utse en myndighet.",
    ],
)
def test_dates_that_are_not_deadlines(sentence: str) -> None:
    assert dates(decision(sentence)) == []


def test_background_dates_are_not_deadlines() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 2 november 2026.",
        background=(
            "Rådslutsatserna godkändes i december 2024. Socialstyrelsen redovisade 1 augusti "
            "2025 en uppföljning. Det tidigare uppdraget ska slutredovisas senast den 31 "
            "december 2025."
        ),
    )
    assert dates(text) == ["2026-11-02"]


def test_another_agencys_deadline_is_not_ours() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 2 november 2026. Skolverket ska enligt sitt "
        "regleringsbrev redovisa ett närliggande uppdrag senast den 1 mars 2026."
    )
    assert dates(text) == ["2026-11-02"]


def test_several_recipients_each_with_their_own_date() -> None:
    entries = deadlines(
        decision(
            "Testverket ska redovisa förslaget till Regeringskansliet (Finansdepartementet) "
            "senast den 1 juni 2026 och till Statskontoret senast den 1 september 2026."
        )
    )
    assert [(e["datum"], e["mottagare"]) for e in entries] == [
        ("2026-06-01", "Regeringskansliet (Finansdepartementet)"),
        ("2026-09-01", "Statskontoret"),
    ]


def test_a_copy_is_not_a_recipient() -> None:
    entries = deadlines(
        decision(
            "Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) med kopia "
            "till Finansdepartementet senast den 1 juni 2026."
        )
    )
    assert [e["mottagare"] for e in entries] == ["Regeringskansliet (Socialdepartementet)"]


def test_recipient_named_in_a_separate_sentence() -> None:
    entries = deadlines(
        decision(
            "Uppdraget ska slutredovisas senast den 1 december 2027. Redovisningen ska lämnas "
            "till Regeringskansliet (Socialdepartementet)."
        )
    )
    assert entries[0]["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_types_come_from_the_words_near_each_date() -> None:
    entries = deadlines(
        decision(
            "Testverket ska lämna en plan senast den 1 mars 2026, en delredovisning senast "
            "den 1 oktober 2026 och en slutredovisning senast den 1 mars 2027. Medlen ska "
            "rekvireras från Kammarkollegiet senast den 1 december 2025. Medel som inte har "
            "använts ska återbetalas senast den 31 mars 2027. Samtidigt ska en ekonomisk "
            "redovisning lämnas till Kammarkollegiet."
        )
    )
    assert [(e["datum"], e["typ"]) for e in entries] == [
        ("2025-12-01", "rekvisition"),
        ("2026-03-01", "plan"),
        ("2026-10-01", "delredovisning"),
        ("2027-03-01", "slutredovisning"),
        ("2027-03-31", "återbetalning"),
        ("2027-03-31", "ekonomisk redovisning"),
    ]
    assert entries[0]["mottagare"] == "Kammarkollegiet"
    assert entries[-1]["mottagare"] == "Kammarkollegiet"


def test_unnamed_reports_become_partial_and_final() -> None:
    entries = deadlines(
        decision(
            "Uppdraget ska redovisas senast den 1 december 2026. En redovisning av hur arbetet "
            "fortskrider ska lämnas senast den 1 juni 2026."
        )
    )
    assert [(e["datum"], e["typ"]) for e in entries] == [
        ("2026-06-01", "delredovisning"),
        ("2026-12-01", "slutredovisning"),
    ]


def test_annual_report_takes_its_year_from_the_sentence() -> None:
    text = decision("För 2026 ska Testverket redovisa arbetet i samband med årsredovisningen.")
    assert dates(text) == ["2027-02-22"]


def test_annual_report_without_a_year_asks_the_human() -> None:
    text = decision("Testverket ska redovisa arbetet i samband med årsredovisningen.")
    draft = draft_from_text(text)
    entries = deadlines(text)
    assert [e.get("löpande") for e in entries] == [True]
    assert any("inget år för årsredovisningen" in note for note in draft.review)


def test_final_report_in_the_annual_report_for_a_year() -> None:
    entries = deadlines(
        decision("Testverket ska slutrapportera uppdraget i årsredovisningen för 2027.")
    )
    assert [(e["datum"], e["typ"]) for e in entries] == [("2028-02-22", "slutredovisning")]


def test_annual_report_negative() -> None:
    text = decision("Av Testverkets årsredovisning för 2024 framgår att kostnaderna ökade.")
    assert dates(text) == []


def test_yearly_without_a_date_is_flagged() -> None:
    text = decision(
        "Testverket ska årligen redovisa hur arbetet fortlöper och senast den 15 oktober 2028 "
        "lämna en slutredovisning till Regeringskansliet (Socialdepartementet)."
    )
    draft = draft_from_text(text)
    entries = deadlines(text)
    yearly = [e for e in entries if e["typ"] == "årlig redovisning"]
    assert yearly and yearly[0]["löpande"] is True and "datum" not in yearly[0]
    assert "anteckning" in yearly[0]
    assert any("årligen" in note for note in draft.review)
    assert [e["datum"] for e in entries if "datum" in e] == ["2028-10-15"]


def test_yearly_in_the_past_is_not_a_report() -> None:
    assert dates(decision("Testverket har årligen redovisat statistik om verksamheten.")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska årligen senast den 1 mars 2026–2028 redovisa resultaten.",
        "Testverket ska under åren 2026–2028 senast den 1 mars redovisa resultaten.",
        "Testverket ska senast den 1 mars varje år, med början 2026 och till och med 2028, "
        "redovisa resultaten.",
    ],
)
def test_recurring_yearly_deadlines(sentence: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert (entry["datum"], entry["upprepas"], entry["till"]) == (
        "2026-03-01",
        "årligen",
        "2028-03-01",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Testverket ska kvartalsvis, med början den 31 mars 2027 och sista gången den 31 "
            "december 2027, redovisa antalet ansökningar.",
            ("2027-03-31", "kvartalsvis", "2027-12-31"),
        ),
        (
            "Testverket ska halvårsvis redovisa arbetet, första gången senast den 30 juni 2027 "
            "och sista gången senast den 31 december 2028.",
            ("2027-06-30", "halvårsvis", "2028-12-31"),
        ),
        (
            "Testverket ska årligen redovisa resultaten, första gången senast den 1 mars 2026 "
            "och sista gången senast den 1 mars 2028.",
            ("2026-03-01", "årligen", "2028-03-01"),
        ),
    ],
)
def test_series_with_first_and_last_date(sentence: str, expected: tuple[str, str, str]) -> None:
    text = decision(sentence + " Uppdraget ska slutredovisas senast den 1 december 2029.")
    entries = [e for e in deadlines(text) if e.get("typ") != "slutredovisning"]
    assert [(e["datum"], e["upprepas"], e["till"]) for e in entries] == [expected]
    assert dates(text)[-1] == "2029-12-01"


def test_two_dates_without_a_recurrence_stay_two_reports() -> None:
    text = decision(
        "Testverket ska lämna en första delrapport senast den 30 juni 2027 och en sista "
        "delrapport senast den 31 december 2027."
    )
    assert dates(text) == ["2027-06-30", "2027-12-31"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunerna kan söka bidrag fram till den 1 oktober 2026 och ska redovisa hur "
        "bidraget har använts senast den 31 mars 2028.",
        "Regionerna ska senast den 31 mars 2027 redovisa till Testverket hur medlen har använts.",
        "Mottagarna ska återbetala medel som inte har använts senast den 30 juni 2027.",
        "De organisationer som beviljas bidrag ska lämna en slutrapport senast den 1 mars 2027.",
    ],
)
def test_what_grant_recipients_must_do_is_not_ours(sentence: str) -> None:
    text = decision(sentence + " Uppdraget ska slutredovisas senast den 1 december 2028.")
    assert dates(text) == ["2028-12-01"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Uppdraget ska slutredovisas senast 1.10.2029.", ["2029-10-01"]),
        ("Uppdraget ska slutredovisas senast den 01.10.2029.", ["2029-10-01"]),
        ("Uppdraget ska slutredovisas senast 15/12 2026.", ["2026-12-15"]),
    ],
)
def test_numeric_dates(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


def test_it_shall_happen_refers_to_the_delivery_before() -> None:
    entries = deadlines(
        decision(
            "Testverket ska muntligen redovisa till regeringen (Socialdepartementet) hur arbetet "
            "fortskrider. Det ska ske senast den 1 juni 2026 och den 1 juni 2027. Uppdraget ska "
            "slutredovisas senast den 1 mars 2028."
        )
    )
    assert [(e["datum"], e["typ"], e.get("mottagare")) for e in entries] == [
        ("2026-06-01", "delredovisning", "Regeringskansliet (Socialdepartementet)"),
        ("2027-06-01", "delredovisning", "Regeringskansliet (Socialdepartementet)"),
        ("2028-03-01", "slutredovisning", "Regeringskansliet (Socialdepartementet)"),
    ]


def test_it_shall_happen_without_a_delivery_before_is_not_a_report() -> None:
    assert dates(decision("Testverket ska bjuda in till en konferens. Det ska ske 2026.")) == []


def test_a_report_and_its_economic_report_to_two_recipients() -> None:
    entries = deadlines(
        decision(
            "En slutredovisning av uppdraget och en ekonomisk redovisning ska lämnas till "
            "regeringen (Socialdepartementet) och Tillväxtverket senast den 28 februari 2027."
        )
    )
    assert [(e["datum"], e["typ"], e.get("mottagare")) for e in entries] == [
        ("2027-02-28", "slutredovisning", "Regeringskansliet (Socialdepartementet)"),
        ("2027-02-28", "slutredovisning", "Tillväxtverket"),
    ]


def test_an_economic_report_alone_keeps_its_kind() -> None:
    [entry] = deadlines(
        decision("En ekonomisk redovisning ska lämnas till Kammarkollegiet senast den 1 mars 2027.")
    )
    assert (entry["typ"], entry["mottagare"]) == ("ekonomisk redovisning", "Kammarkollegiet")


def test_granted_extension_is_the_new_final_date() -> None:
    text = decision(
        "Regeringen bifaller Testverkets begäran och förlänger tiden för redovisning av "
        "uppdraget till den 1 september 2026."
    )
    assert dates(text) == ["2026-09-01"]


def test_sentence_broken_over_a_line_is_not_a_heading() -> None:
    text = decision(
        "Testverket ska vid genomförandet av uppdraget löpande informera\nRegeringskansliet.\n\n"
        "Uppdraget ska slutredovisas senast den 1 mars 2027."
    )
    entries = deadlines(text)
    assert [e.get("datum", "löpande") for e in entries] == ["2027-03-01", "löpande"]
    assert entries[1]["mottagare"].startswith("Regeringskansliet")


def test_yearly_until_a_year_starts_after_the_decision() -> None:
    text = (
        "Regeringsbeslut\n2026-01-25\n\nUppdrag om uppföljning\n\nRegeringen ger Testverket i "
        "uppdrag att följa upp ungas villkor. Uppdraget ska redovisas den 15 mars varje år till "
        "och med 2029.\n"
    )
    [entry] = deadlines(text)
    assert (entry["datum"], entry["upprepas"], entry["till"]) == (
        "2026-03-15",
        "årligen",
        "2029-03-15",
    )


def test_money_for_a_period_within_one_year() -> None:
    text = decision(
        "I uppdraget ingår att för perioden 1 juli–31 december 2026 fördela 15 000 000 kronor "
        "till tolktjänst."
    )
    assert money(text) == [("2026", "beviljat", 15_000_000)]


def test_yearly_dates_without_years_take_the_funded_years() -> None:
    text = decision(
        "Testverket får använda 10 miljoner kronor under 2026. För 2027–2028 beräknas 10 "
        "miljoner kronor per år. Medlen betalas ut efter rekvisition till Kammarkollegiet. "
        "Rekvisitionen ska lämnas senast den 1 december varje år. Medel som inte har "
        "utnyttjats ska återbetalas till Kammarkollegiet senast den 28 februari "
        "nästkommande år."
    )
    entries = deadlines(text)
    assert [(e["typ"], e["datum"], e.get("till")) for e in entries] == [
        ("rekvisition", "2026-12-01", "2028-12-01"),
        ("återbetalning", "2027-02-28", "2029-02-28"),
    ]
    assert all("härledda" in e["anteckning"] for e in entries)
    review = [n for n in draft_from_text(text).review if "härledda" in n]
    assert len(review) == 2 and not any("löpande" in n for n in review)  # they are dated


def test_yearly_accounts_of_the_money_come_the_spring_after_each_funded_year() -> None:
    text = decision(
        "Testverket får använda 500 000 kronor under 2026. Under perioden 2027–2028 beräknar "
        "regeringen att avsätta 2 miljoner kronor per år. Rekvisitionen ska ske årligen senast "
        "den 1 december. En årlig ekonomisk redovisning av uppdraget ska ske senast den 31 "
        "mars. Medel som inte utnyttjats ska återbetalas till Kammarkollegiet senast den 31 mars "
        "året efter rekvisition."
    )
    assert [(e["typ"], e["datum"], e.get("till")) for e in deadlines(text)] == [
        ("rekvisition", "2026-12-01", "2028-12-01"),
        ("ekonomisk redovisning", "2027-03-31", "2029-03-31"),
        ("återbetalning", "2027-03-31", "2029-03-31"),
    ]


def test_yearly_date_without_a_year_and_no_money_stays_undated() -> None:
    [entry] = deadlines(decision("Rekvisitionen ska lämnas senast den 1 december varje år."))
    assert entry["löpande"] is True and "datum" not in entry


def test_open_yearly_series_ends_before_the_final_report() -> None:
    entries = deadlines(
        decision(
            "Testverket ska redovisa uppdraget senast den 28 februari varje år fr.o.m. 2026. En "
            "slutredovisning ska lämnas senast den 28 februari 2029."
        )
    )
    assert [(e["datum"], e.get("till")) for e in entries] == [
        ("2026-02-28", "2028-02-28"),
        ("2029-02-28", None),
    ]


def test_a_named_final_report_that_still_holds_is_not_replaced() -> None:
    entries = deadlines(
        decision(
            "Testverket ska istället lämna en delrapportering av uppdraget senast den 1 april "
            "2026. Testverket ska fortfarande lämna en slutredovisning av uppdraget senast den "
            "31 mars 2027."
        )
    )
    assert [(e["datum"], e["typ"], e.get("ändringar")) for e in entries] == [
        ("2026-04-01", "delredovisning", None),
        ("2027-03-31", "slutredovisning", None),
    ]


def test_economic_report_and_repayment_with_one_date() -> None:
    entries = deadlines(
        decision(
            "Testverket ska lämna en ekonomisk redovisning samt till Kammarkollegiet återbetala "
            "medel som inte har utnyttjats senast den 30 september 2026."
        )
    )
    assert sorted((e["datum"], e["typ"]) for e in entries) == [
        ("2026-09-30", "ekonomisk redovisning"),
        ("2026-09-30", "återbetalning"),
    ]


def test_unused_money_at_a_date_without_repayment_is_a_condition() -> None:
    assert (
        dates(decision("Medel som inte har använts senast den 31 december 2026 får inte användas."))
        == []
    )


def test_document_named_with_a_year_and_a_date_is_one_delivery() -> None:
    [entry] = deadlines(
        decision(
            "Testverket ska senast den 9 juni 2026 till Regeringskansliet (Försvarsdepartementet) "
            "inkomma med ett kompletterande budgetunderlag för 2027."
        )
    )
    assert entry["datum"] == "2026-06-09"


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        (
            "Lärosätena ska senast den 25 januari 2027 redovisa resultatet till Uppsala "
            "universitet (med kopia till Regeringskansliet, Utbildningsdepartementet).",
            "Uppsala universitet",
        ),
        (
            "Uppdraget slutredovisas Socialdepartementet senast den 31 mars 2027.",
            "Regeringskansliet (Socialdepartementet)",
        ),
        (
            "Uppdraget ska redovisas till Regeringskansliet (Utbildningsdepartementet med kopia "
            "till Miljödepartementet) senast den 15 februari 2027.",
            "Regeringskansliet (Utbildningsdepartementet)",
        ),
    ],
)
def test_recipients_in_real_wording(sentence: str, recipient: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert entry["mottagare"] == recipient


def test_bulleted_list_takes_its_subject_and_ska_from_the_lead() -> None:
    text = decision(
        "Testverket ska bland annat:\n"
        "• samverka med berörda myndigheter,\n"
        "• löpande informera Regeringskansliet om arbetet,\n"
        "• årligen, under 2026 till 2028, senast den 31 mars, delredovisa uppdraget,\n"
        "• under 2026 betala ut 226 miljoner kronor till regionerna,\n"
        "• senast den 31 mars 2029 slutredovisa uppdraget."
    )
    entries = deadlines(text)
    assert [(e.get("datum", "löpande"), e.get("till")) for e in entries] == [
        ("2026-03-31", "2028-03-31"),
        ("2029-03-31", None),
        ("löpande", None),
    ]
    assert money(text) == [("2026", "beviljat", 226_000_000)]


def test_bulleted_list_of_someone_else_is_not_ours() -> None:
    text = decision(
        "Uppdraget ska slutredovisas senast den 1 mars 2028.\n\nKommunerna ska:\n"
        "• senast den 31 mars 2027 redovisa hur medlen har använts."
    )
    assert dates(text) == ["2028-03-01"]


def test_a_delivery_to_the_addressed_agency_is_made_by_others() -> None:
    text = (
        "Uppdrag till Kammarkollegiet att betala ut medel\n\nRegeringen uppdrar åt "
        "Kammarkollegiet att betala ut 300 miljoner kronor till regionerna under 2026. Medlen "
        "ska betalas ut efter rekvisition senast den 1 december 2026. En ekonomisk redovisning "
        "ska lämnas till Kammarkollegiet senast den 31 mars 2027. Kammarkollegiet ska redovisa "
        "uppdraget till Regeringskansliet (Socialdepartementet) senast den 30 april 2027.\n"
    )
    assert dates(text) == ["2027-04-30"]


def test_granted_amount_without_a_year_takes_the_title_year() -> None:
    text = (
        "Uppdrag att betala ut medel för insatser inom psykisk hälsa 2026\n\nRegeringen uppdrar "
        "åt Kammarkollegiet att betala ut 1,291 miljarder kronor till regionerna. Kammarkollegiet "
        "betalar även ut 25,5 miljoner till Sveriges Kommuner och Regioner.\n"
    )
    draft = draft_from_text(text)
    assert money(text) == [("2026", "beviljat", 1_291_000_000), ("2026", "beviljat", 25_500_000)]
    assert any("hämtat från beslutets rubrik" in note for note in draft.review)


def test_an_items_own_amount_divided_among_receivers_is_one_row() -> None:
    text = decision(
        "Testverket ska\n\n* under 2026 betala ut 12 miljoner kronor till landets fyra centrum. "
        "Medlen ska fördelas så att Region Norr och Region Syd tilldelas 4 miljoner kronor "
        "vardera, medan övriga regioner tilldelas 2 miljoner kronor vardera,\n"
        "* senast den 1 mars 2027 redovisa uppdraget till Regeringskansliet."
    )
    assert money(text) == [("2026", "beviljat", 12_000_000)]
    # each item of a list of measures is its own money
    items = decision(
        "Testverket ska\n\n* under 2026 betala ut 12 miljoner kronor till landets fyra centrum,"
        "\n* under 2026 betala ut 2 miljoner kronor till länsstyrelserna."
    )
    assert money(items) == [("2026", "beviljat", 12_000_000), ("2026", "beviljat", 2_000_000)]


def test_years_that_end_an_agreements_name_are_not_the_payouts_year() -> None:
    head = (
        "Uppdrag att betala ut medel till regionerna\n\nRegeringen uppdrar åt Kammarkollegiet "
        "att, i enlighet med överenskommelsen mellan staten och Sveriges Kommuner och Regioner, "
        "SKR, om en god och nära vård 2023–2024, betala ut 250 000 000 kronor till regionerna."
    )
    # the payout date says when the money goes
    paid = head + " Utbetalningen ska ske senast den 15 juni 2023.\n"
    assert money(paid) == [("2023", "beviljat", 250_000_000)]
    # nothing else dates it: the agreement's period, flagged
    alone = head + "\n"
    assert money(alone) == [("2023–2024", "beviljat", 250_000_000)]
    assert any("överenskommelsens namn" in n for n in draft_from_text(alone).review)
    # "för 2023–2024" after the agreement's name is the money's own period
    own = head.replace(
        "2023–2024, betala ut 250 000 000 kronor", "betala ut 250 000 000 kronor för 2023–2024"
    )
    assert money(own + "\n") == [("2023–2024", "beviljat", 250_000_000)]


def test_equivalent_amount_after_the_sentences_own_amount() -> None:
    text = decision(
        "Testverket får använda 3 000 000 kronor under 2026 och regeringen beräknar motsvarande "
        "belopp för 2027 och 2028."
    )
    assert money(text) == [
        ("2026", "beviljat", 3_000_000),
        ("2027", "beräknat", 3_000_000),
        ("2028", "beräknat", 3_000_000),
    ]
    assert any("motsvarande belopp" in n for n in draft_from_text(text).review)


def test_a_part_of_an_earlier_amount_is_no_row() -> None:
    text = decision(
        "Testverket får under 2026 använda 10 000 000 kronor för uppdraget. Av beloppet ska "
        "4 000 000 kronor fördelas till länsstyrelserna."
    )
    assert money(text) == [("2026", "beviljat", 10_000_000)]


def test_list_lead_without_a_colon_and_an_item_with_its_own_subject() -> None:
    text = decision(
        "Testverket ska\n\n"
        "* senast den 31 oktober 2026 delredovisa uppdraget,\n"
        "* löpande informera Regeringskansliet om arbetet. Testverket ska vidare\n"
        "* senast den 31 mars 2027 lämna underlag till Statskontoret.\n"
        "* Skolverket ska enligt sitt regleringsbrev redovisa statistik senast den 1 mars 2027.\n"
        "* senast den 31 mars 2028 slutredovisa uppdraget till Regeringskansliet.\n\n"
        "Socialstyrelsen ska\n\n* senast den 1 juni 2027 lämna underlag till Testverket."
    )
    assert dates(text) == ["2026-10-31", "2027-03-31", "2028-03-31", "löpande"]


def test_year_taken_from_a_later_date_keeps_the_order() -> None:
    text = decision(
        "Testverket ska senast den 28 februari delredovisa uppdraget och den 27 februari 2027 "
        "slutredovisa uppdraget till Regeringskansliet."
    )
    assert dates(text) == ["2026-02-28", "2027-02-27"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Medlen ska betalas ut efter rekvisition senast den 1 december 2026.",
        "Medlen ska betalas ut efter rekvisition av regionerna senast den 1 december 2026.",
        "En ekonomisk redovisning av hur medlen använts ska lämnas senast den 31 mars 2027.",
    ],
)
def test_money_kammarkollegiet_pays_out_is_reported_by_others(sentence: str) -> None:
    text = (
        "Utbetalning av medel för 2026\n\n(Ny version) Regeringen uppdrar åt Kammarkollegiet "
        "att, enligt överenskommelse med Sveriges Kommuner och Regioner (SKR), betala ut 24 "
        f"miljoner kronor till SKR. {sentence} Kammarkollegiet ska redovisa uppdraget till "
        "Regeringskansliet (Socialdepartementet) senast den 30 april 2027.\n"
    )
    assert dates(text) == ["2027-04-30"]
    assert agency_names(text) == ["Kammarkollegiet"]
    assert money(text) == [("2026", "beviljat", 24_000_000)]


def test_agency_that_pays_out_still_requisitions_its_own_money() -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att betala ut 16 miljoner kronor under 2026. Medlen "
        "betalas ut efter rekvisition till Kammarkollegiet senast den 1 december 2026."
    )
    assert dates(text) == ["2026-12-01"]


def test_delivery_to_the_addressed_agencys_short_name_is_by_others() -> None:
    text = (
        "Uppdrag om säker kommunikation\n\nRegeringen uppdrar åt Myndigheten för digital "
        "förvaltning (Digg) att betala ut medel till SKR. Rekvisition till Digg ska ske senast "
        "den 1 december 2026. Digg ska slutredovisa uppdraget till Regeringskansliet "
        "(Finansdepartementet) senast den 1 april 2027.\n"
    )
    assert dates(text) == ["2027-04-01"]


def test_same_dates_for_two_agencies_with_their_own_recipients() -> None:
    text = (
        "Uppdrag om behandling\n\nRegeringen ger Kriminalvården och Socialstyrelsen i uppdrag "
        "att pröva ett program.\n\nKriminalvården ska lämna en delredovisning senast den 31 "
        "mars 2026 till Regeringskansliet (Justitiedepartementet).\n\nSocialstyrelsen ska "
        "lämna en delredovisning senast den 31 mars 2026 till Regeringskansliet "
        "(Socialdepartementet med kopia till Justitiedepartementet och "
        "Arbetsmarknadsdepartementet).\n"
    )
    assert [e["mottagare"] for e in deadlines(text)] == [
        "Regeringskansliet (Justitiedepartementet)",
        "Regeringskansliet (Socialdepartementet)",
    ]


def test_yearly_list_of_dates_is_one_series() -> None:
    text = decision(
        "Testverket ska årligen senast den 31 mars 2026 och den 31 mars 2027 lämna "
        "delredovisningar. Testverket ska senast den 31 mars 2028 slutredovisa uppdraget."
    )
    assert [(e["datum"], e.get("till")) for e in deadlines(text)] == [
        ("2026-03-31", "2027-03-31"),
        ("2028-03-31", None),
    ]


def test_span_before_a_dateless_day_wins_over_a_later_date() -> None:
    text = decision(
        "Testverket ska under åren 2026–2028 senast den 15 april delredovisa och senast den "
        "15 april 2029 slutredovisa uppdraget. Testverket ska i en årlig redovisning "
        "sammanställa resultaten."
    )
    assert [(e["datum"], e.get("till")) for e in deadlines(text)] == [
        ("2026-04-15", "2028-04-15"),
        ("2029-04-15", None),
    ]


def test_repayment_named_after_the_date() -> None:
    entries = deadlines(
        decision(
            "En ekonomisk redovisning ska lämnas till Kammarkollegiet senast den 1 mars 2027 då "
            "också medel som inte utnyttjats ska återbetalas till Kammarkollegiet."
        )
    )
    assert sorted(e["typ"] for e in entries) == ["ekonomisk redovisning", "återbetalning"]


def test_proposal_with_a_date_is_a_delivery() -> None:
    text = decision(
        "Testverket ska\n\n• senast den 15 november 2026 föreslå hur arbetet kan utformas."
    )
    assert dates(text) == ["2026-11-15"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Testverket beviljas högst 10 000 000 kronor för 2026 och högst 25 000 000 för 2027 "
            "respektive för 2028.",
            [
                ("2026", "beviljat", 10_000_000),
                ("2027", "beviljat", 25_000_000),
                ("2028", "beviljat", 25_000_000),
            ],
        ),
        (
            "Regeringen uppdrar åt Testverket att, enligt överenskommelsen med Sveriges Kommuner "
            "och Regioner om insatser inom området psykisk hälsa 2026, betala ut 1 527 000 000 "
            "kronor till kommuner och regioner.",
            [("2026", "beviljat", 1_527_000_000)],
        ),
        (
            "Regeringen uppdrar åt Testverket att under 2026 betala 850 000 000 kronor till "
            "regionerna.",
            [("2026", "beviljat", 850_000_000)],
        ),
    ],
)
def test_more_money_phrases_from_real_decisions(
    sentence: str, expected: list[tuple[str, str, int]]
) -> None:
    assert money(decision(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Regeringen uppdrar åt Testverket att för perioden 2026–2029 lämna stöd med högst "
            "575 miljoner kronor för ett testcenter.",
            [("2026–2029", "beviljat", 575_000_000)],
        ),
        (
            "För genomförande av uppdraget disponerar Testverket 500 000 kronor under 2026.",
            [("2026", "beviljat", 500_000)],
        ),
    ],
)
def test_support_and_present_tense_grants(
    sentence: str, expected: list[tuple[str, str, int]]
) -> None:
    assert money(decision(sentence)) == expected


def test_a_number_without_kronor_is_no_amount_when_the_sentence_has_none() -> None:
    assert money(decision("Testverket ska nå högst 25 000 000 invånare under 2026.")) == []


def test_list_items_share_the_year_of_their_money() -> None:
    text = decision(
        "Testverket ska:\n"
        "* Fördela 59 miljoner kronor till regionerna under 2026.\n"
        "* Fördela 4,5 miljoner kronor till professionsorganisationer."
    )
    assert money(text) == [("2026", "beviljat", 59_000_000), ("2026", "beviljat", 4_500_000)]


def test_cited_case_number_in_prose_is_no_letterhead() -> None:
    text = (
        "Förlängd tid för uppdraget till Testverket att förbereda ett nytt system\n\n"
        "Regeringen förlänger tiden för uppdraget till Testverket att förbereda ett nytt "
        "system.\n\nRegeringen gav den 7 mars 2026 Testverket i uppdrag att förbereda ett nytt "
        "system (Ju2026/00608). Uppdragstiden förlängs.\n\nUppdraget ska i stället redovisas "
        "senast den 31 januari 2027.\n"
    )
    assert dates(text) == ["2027-01-31"]


def test_recipient_names_with_stray_hyphens() -> None:
    entries = deadlines(
        decision(
            "En ekonomisk redovisning ska lämnas till Kammar-kollegiet senast den 1 mars 2027. "
            "Uppdraget ska redovisas till Regeringskansliet (Klimat-och "
            "näringslivsdepartementet) senast den 1 juni 2027."
        )
    )
    assert [e["mottagare"] for e in entries] == [
        "Kammarkollegiet",
        "Regeringskansliet (Klimat- och näringslivsdepartementet)",
    ]


def test_ongoing_dialogue_with_the_ministry() -> None:
    [entry] = deadlines(
        decision(
            "Testverket ska föra en löpande dialog med Regeringskansliet "
            "(Utbildningsdepartementet) om hur arbetet fortskrider."
        )
    )
    assert entry["löpande"] is True
    assert entry["mottagare"] == "Regeringskansliet (Utbildningsdepartementet)"


def test_report_that_also_accounts_for_the_money_is_the_report() -> None:
    [entry] = deadlines(
        decision(
            "Testverket ska senast den 31 januari 2027 i en rapport till Regeringskansliet "
            "(Utbildningsdepartementet) beskriva hur arbetet har genomförts samt redovisa hur "
            "tilldelade medel har använts."
        )
    )
    assert entry["typ"] == "slutredovisning"


def test_repayment_with_the_final_report_without_article() -> None:
    text = decision(
        "Testverket ska slutredovisa uppdraget till Regeringskansliet (Socialdepartementet) den "
        "30 december 2026. Medel som inte har utnyttjats ska återbetalas till Kammarkollegiet "
        "senast i samband med slutredovisning."
    )
    assert sorted((e["datum"], e["typ"]) for e in deadlines(text)) == [
        ("2026-12-30", "slutredovisning"),
        ("2026-12-30", "återbetalning"),
    ]


def test_requisition_each_year_of_the_money() -> None:
    text = decision(
        "Testverket får rekvirera högst 8 000 000 kronor för 2026 från Kammarkollegiet. "
        "Regeringen beräknar att högst 15 000 000 kronor årligen under 2027–2028 avsätts. "
        "Rekvisitionen ska inkomma till Kammarkollegiet senast den 31 mars respektive år."
    )
    [entry] = deadlines(text)
    assert (entry["typ"], entry["datum"], entry["till"]) == (
        "rekvisition",
        "2026-03-31",
        "2028-03-31",
    )


def test_day_then_a_comma_and_years() -> None:
    text = decision(
        "Lärosätena ska senast den 1 december, 2026 och 2027 lämna en delredovisning. "
        "Uppdraget ska slutredovisas senast den 31 januari 2029."
    )
    assert dates(text) == ["2026-12-01", "2027-12-01", "2029-01-31"]


def test_budget_documentation_of_a_year_and_ongoing_information_together() -> None:
    text = decision(
        "Testverket ska löpande informera Regeringskansliet (Socialdepartementet) om hur arbetet "
        "fortskrider och i 2027 års budgetunderlag redovisa behovet av medel."
    )
    assert dates(text) == ["2027-03-01", "löpande"]


def test_yearly_reports_before_the_final_one_on_the_same_day() -> None:
    text = decision(
        "Testverket ska senast den 31 mars årligen delredovisa och senast den 31 mars 2029 "
        "slutredovisa uppdraget till Regeringskansliet."
    )
    assert sorted(dates(text)) == ["2029-03-31", "löpande"]
    # the first yearly report's year is not written; the last one (2028) is in the note
    yearly = next(e for e in deadlines(text) if e.get("löpande"))
    assert "sista gången 2028-03-31" in yearly["anteckning"]


def test_requisition_between_two_addressed_agencies_counts() -> None:
    text = (
        "Uppdrag om vätgas\n\nRegeringen ger Statens energimyndighet (Energimyndigheten) och "
        "Trafikverket i uppdrag att ta fram ett program.\n\nTrafikverket får för uppdraget "
        "under 2026 rekvirera högst 1 miljon kronor från Energimyndigheten. Rekvisitionen ska "
        "ha inkommit till Energimyndigheten senast den 1 december 2026.\n"
    )
    [entry] = deadlines(text)
    assert (entry["typ"], entry["datum"]) == ("rekvisition", "2026-12-01")


def test_extension_replaces_what_the_decision_said() -> None:
    text = (
        "Förlängd tid för uppdraget att se över stöden\n\nRegeringen beviljar Testverket "
        "förlängd tid för redovisning av uppdraget. Uppdraget ska redovisas senast den 15 april "
        "2027.\n\nTestverket fick den 5 juni 2026 i uppdrag att se över stöden. Enligt beslutet "
        "ska uppdraget redovisas senast den 31 december 2026.\n"
    )
    [entry] = deadlines(text)
    assert (entry["datum"], entry["ändringar"]) == ("2027-04-15", [{"datum": "2026-12-31"}])


def test_then_yearly_in_the_annual_report() -> None:
    text = decision(
        "En redovisning av hur uppdraget har utförts ska lämnas till Regeringskansliet "
        "(Justitiedepartementet) senast den 31 december 2026 och därefter årligen i "
        "årsredovisningen."
    )
    assert dates(text) == ["2026-12-31", "2027-02-22"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska under genomförandet ha en fortlöpande dialog med Regeringskansliet "
        "(Justitiedepartementet).",
        "Testverket ska regelbundet och i dialog med Regeringskansliet (Justitiedepartementet) "
        "ta fram prognoser.",
    ],
)
def test_dialogue_with_the_ministry_is_ongoing(sentence: str) -> None:
    assert dates(decision(sentence)) == ["löpande"]


def test_dialogue_with_another_agency_is_not_a_delivery() -> None:
    assert dates(decision("Testverket ska föra en dialog med ansvarig myndighet i Norge.")) == []


def test_what_a_proposal_says_will_happen_is_no_deadline() -> None:
    text = decision(
        "Enligt Testverkets förslag i ovan nämnda delredovisning ska central rättning införas "
        "våren 2027. Uppdraget ska slutredovisas senast den 1 oktober 2027."
    )
    assert dates(text) == ["2027-10-01"]


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        (
            "Uppdraget ska redovisas till Regeringskansliet(Socialdepartementet) senast den 1 "
            "mars 2027.",
            "Regeringskansliet (Socialdepartementet)",
        ),
        (
            "Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet, med kopia till "
            "Kulturdepartementet) senast den 1 mars 2027.",
            "Regeringskansliet (Socialdepartementet)",
        ),
    ],
)
def test_recipient_spelling_is_tidied(sentence: str, recipient: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert entry["mottagare"] == recipient


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        (
            "Testverket ska senast den 1 december 2026 lämna en slutredovisning av uppdraget "
            "till Klimat-och näringslivsdepartementet.",
            "Regeringskansliet (Klimat- och näringslivsdepartementet)",
        ),
        (
            "Myndigheterna ska redovisa uppdraget till respektive ansvarigt departement i "
            "Regeringskansliet senast den 2 mars 2027.",
            "Regeringskansliet",
        ),
    ],
)
def test_more_recipient_spellings(sentence: str, recipient: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert entry["mottagare"].startswith(recipient)  # plain Regeringskansliet may get the dep.


def test_copy_to_an_organisation_inside_the_parenthesis() -> None:
    [entry] = deadlines(
        decision(
            "Uppdraget ska redovisas till Regeringskansliet (Arbetsmarknadsdepartementet och "
            "Kulturdepartementet med kopia till Forum för levande historia) senast den 1 mars 2027."
        )
    )
    assert entry["mottagare"] == (
        "Regeringskansliet (Arbetsmarknadsdepartementet och Kulturdepartementet)"
    )


def test_recipient_by_the_short_name_the_decision_introduces() -> None:
    text = (
        "Uppdrag om vätgas\n\nRegeringen ger Statens energimyndighet (Energimyndigheten) och "
        "Trafikverket i uppdrag att ta fram ett program. Trafikverket ska lämna underlag till "
        "Energimyndigheten senast den 1 december 2026.\n"
    )
    assert deadlines(text)[0]["mottagare"] == "Statens energimyndighet"


def test_that_part_of_the_assignment_is_a_partial_report() -> None:
    [entry] = deadlines(decision("Den delen av uppdraget redovisas senast den 15 januari 2027."))
    assert entry["typ"] == "delredovisning"


def test_this_part_of_the_assignment_is_a_partial_report() -> None:
    [entry] = deadlines(
        decision("Testverket ska redovisa denna del av uppdraget senast den 30 september 2026.")
    )
    assert entry["typ"] == "delredovisning"


def test_report_followed_by_yearly_reports_is_not_final() -> None:
    entries = deadlines(
        decision(
            "En redovisning ska lämnas till Regeringskansliet senast den 31 december 2026 och "
            "därefter årligen i årsredovisningen."
        )
    )
    assert entries[0]["typ"] == "delredovisning"


def test_first_report_then_every_year_until_the_final_one() -> None:
    text = decision(
        "Den första redovisningen ska lämnas den 1 mars 2026 till Regeringskansliet "
        "(Justitiedepartementet) och därefter den 1 mars varje år fram till att uppdraget "
        "slutredovisas den 1 mars 2029."
    )
    assert [(e["datum"], e.get("till"), e["typ"]) for e in deadlines(text)] == [
        ("2026-03-01", "2028-03-01", "årlig redovisning"),
        ("2029-03-01", None, "slutredovisning"),
    ]


def test_yearly_reports_named_partial_stay_partial() -> None:
    [entry] = deadlines(
        decision(
            "Testverket ska årligen senast den 1 mars 2026–2028 lämna en delredovisning av "
            "uppdraget."
        )
    )
    assert (entry["typ"], entry["till"]) == ("delredovisning", "2028-03-01")


def test_open_yearly_series_ends_before_an_unnamed_final_report() -> None:
    entries = deadlines(
        decision(
            "Delredovisningar ska lämnas årligen senast den 31 oktober med start 2026. En "
            "redovisning av uppdraget i sin helhet ska lämnas senast den 31 mars 2029."
        )
    )
    assert [(e["datum"], e.get("till")) for e in entries] == [
        ("2026-10-31", "2028-10-31"),
        ("2029-03-31", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Regionerna redovisar senast den 31 mars 2027 hur medlen har använts.",
        "Vidare ska Testverket hålla sig informerad om uppdraget som regeringen lämnade till "
        "Statens servicecenter den 27 maj 2025.",
    ],
)
def test_others_in_the_present_and_acts_in_the_past(sentence: str) -> None:
    text = decision(sentence + " Uppdraget ska slutredovisas senast den 1 december 2027.")
    assert dates(text) == ["2027-12-01"]


def test_same_date_as_the_repayment() -> None:
    text = decision(
        "Medel som inte har använts ska betalas tillbaka till Kammarkollegiet senast den 31 "
        "januari 2027. Senast samma datum ska Testverket lämna en ekonomisk redovisning till "
        "Kammarkollegiet."
    )
    assert sorted((e["datum"], e["typ"]) for e in deadlines(text)) == [
        ("2027-01-31", "ekonomisk redovisning"),
        ("2027-01-31", "återbetalning"),
    ]


def test_continuous_dialogue_about_the_work() -> None:
    text = decision(
        "Testverket ska ha en kontinuerlig dialog om uppdragets genomförande med "
        "Regeringskansliet (Näringsdepartementet)."
    )
    assert dates(text) == ["löpande"]


def test_present_tense_duty_of_the_addressed_agency() -> None:
    text = decision(
        "Varje år, med början 2026, redovisar Testverket arbetet till Folkhälsomyndigheten. "
        "Testverket slutredovisar uppdraget till Socialdepartementet senast den 31 mars 2028."
    )
    entries = deadlines(text)
    assert [(e.get("datum", "löpande"), e["typ"]) for e in entries] == [
        ("2028-03-31", "slutredovisning"),
        ("löpande", "årlig redovisning"),
    ]


def test_informing_others_is_not_a_delivery() -> None:
    text = decision(
        "Testverket ska\n\n"
        "• för berörda aktörer tillgängliggöra och informera om stödmaterialet senast den 1 juli "
        "2026,\n"
        "• senast den 18 december 2026 redovisa uppdraget."
    )
    assert dates(text) == ["2026-12-18"]


def test_informing_the_ministry_by_a_date_is_a_delivery() -> None:
    text = decision("Testverket ska senast den 1 juli 2026 informera Regeringskansliet om läget.")
    assert dates(text) == ["2026-07-01"]


def test_unchanged_part_decided_earlier_keeps_its_date_not_the_decision_date() -> None:
    text = decision(
        "Den del av uppdraget som beslutades den 7 maj 2025 ska i enlighet med tidigare beslut "
        "redovisas till Regeringskansliet (Socialdepartementet) senast den 28 maj 2026."
    )
    assert dates(text) == ["2026-05-28"]


def test_end_of_month_written_with_manad() -> None:
    text = decision("Testverket ska före utgången av mars månad 2028 lämna en delredovisning.")
    assert dates(text) == ["mars 2028"]


def test_the_total_the_effort_amounts_to_is_granted() -> None:
    text = decision(
        "Totalt uppgår satsningen till 250 000 000 kronor för 2026 och regeringen beräknar "
        "250 000 000 kronor årligen för 2027–2028."
    )
    assert money(text) == [
        ("2026", "beviljat", 250_000_000),
        ("2027", "beräknat", 250_000_000),
        ("2028", "beräknat", 250_000_000),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tre månader efter att uppdraget har slutredovisats ska Testverket återbetala ej "
            "förbrukade medel till Kammarkollegiet.",
            "2027-06-30",
        ),
        (
            "Medel som inte har använts ska återbetalas senast sex veckor efter slutredovisningen.",
            "2027-05-12",
        ),
    ],
)
def test_time_counted_from_the_final_report(sentence: str, expected: str) -> None:
    text = decision("Uppdraget ska slutredovisas senast den 31 mars 2027. " + sentence)
    entries = deadlines(text)
    [repay] = [e for e in entries if e["typ"] == "återbetalning"]
    assert repay["datum"] == expected
    assert "räknat" in repay["anteckning"]


def test_time_after_a_final_report_that_is_not_dated_stays_undated() -> None:
    [entry] = deadlines(
        decision(
            "Tre månader efter att uppdraget har slutredovisats ska Testverket återbetala ej "
            "förbrukade medel till Kammarkollegiet."
        )
    )
    assert entry["löpande"] is True and "datum" not in entry


def test_yearly_in_a_month_until_the_final_report() -> None:
    text = decision(
        "Testverket ska senast den 30 november 2026 och årligen i april från och med 2027 komma "
        "in med en lägesrapport till Regeringskansliet (Näringsdepartementet). Testverket ska "
        "därefter senast den 30 april 2030 lämna en slutredovisning. Samråd ska ske med "
        "berörda myndigheter."
    )
    assert [(e["datum"], e.get("till")) for e in deadlines(text)] == [
        ("2026-11-30", None),
        ("april 2027", "april 2029"),
        ("2030-04-30", None),
    ]
    assert agency_names(text) == ["Testverket"]


def test_recurring_negative_in_background() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 1 juni 2027.",
        background="Statistiken har publicerats årligen den 1 mars 2019–2024.",
    )
    assert dates(text) == ["2027-06-01"]


def test_ongoing_information() -> None:
    [entry] = deadlines(
        decision(
            "Testverket ska löpande informera Regeringskansliet (Socialdepartementet) om arbetet."
        )
    )
    assert entry["löpande"] is True
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_ongoing_in_the_past_is_not_a_report() -> None:
    assert dates(decision("Testverket har löpande informerat departementet om arbetet.")) == []


def test_validity_is_not_a_report() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 1 mars 2027. Uppdraget gäller t.o.m. den 31 "
        "december 2027."
    )
    draft = draft_from_text(text)
    assert dates(text) == ["2027-03-01"]
    assert [f.value for f in draft.facts if f.kind == "giltighet"] == ["2027-12-31"]


def test_amendment_with_the_old_date_in_the_sentence() -> None:
    [entry] = deadlines(
        decision(
            "Tidpunkten för slutredovisningen ändras från den 1 mars 2026 till den 1 juni 2026."
        )
    )
    assert entry["datum"] == "2026-06-01"
    assert entry["ändringar"] == [{"datum": "2026-03-01"}]


def test_amendment_with_the_old_date_elsewhere() -> None:
    [entry] = deadlines(
        decision(
            "Regeringen beslutar att uppdraget i stället ska slutredovisas senast den 30 "
            "september 2026. Enligt det tidigare beslutet skulle uppdraget slutredovisas "
            "senast den 31 mars 2026."
        )
    )
    assert entry["datum"] == "2026-09-30"
    assert entry["ändringar"] == [{"datum": "2026-03-31"}]


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "För uppdraget får Testverket under 2025 använda 2 000 000 kronor.",
            [("2025", "beviljat", 2_000_000)],
        ),
        (
            "Regeringen beräknar att 7 miljoner kronor kommer att avsättas för uppdraget för 2026, "
            "7 miljoner under 2027 samt 4 miljoner under 2028, under förutsättning att riksdagen "
            "anvisar medel.",
            [
                ("2026", "beräknat", 7_000_000),
                ("2027", "beräknat", 7_000_000),
                ("2028", "beräknat", 4_000_000),
            ],
        ),
        (
            "Testverket får använda högst 1 500 tkr under 2026.",
            [("2026", "beviljat", 1_500_000)],
        ),
        (
            "Testverket får använda 2,5 miljoner kronor under 2026.",
            [("2026", "beviljat", 2_500_000)],
        ),
        (
            "Regeringen beräknar att sammanlagt 48 miljoner kronor avsätts för 2026–2029.",
            [("2026–2029", "beräknat", 48_000_000)],
        ),
        (
            "Testverket får använda 20 miljoner kronor per år under 2025–2026.",
            [("2025", "beviljat", 20_000_000), ("2026", "beviljat", 20_000_000)],
        ),
        (
            "Regeringen beviljar Testverket 750 000 kronor för 2026.",
            [("2026", "beviljat", 750_000)],
        ),
        (
            "Regeringen beräknar följande belopp för uppdraget (tkr): 2025: 2 000, 2026: 1 500.",
            [("2025", "beräknat", 2_000_000), ("2026", "beräknat", 1_500_000)],
        ),
    ],
)
def test_money_rows(sentence: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(money(decision(sentence))) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Hjärt-kärlsjukdomar kräver 20,5 miljoner liv varje år.",
        "Fallolyckor kostar samhället 11 miljarder kronor per år.",
        "Testverket fick under 2023 använda 3 miljoner kronor för ett liknande uppdrag.",
        "Totalt 3 674 000 000 kronor fördelades till kommunerna under 2025.",
        "En specialistläkare bör ansvara för högst 1100 invånare.",
    ],
)
def test_amounts_that_are_not_budget_rows(sentence: str) -> None:
    assert money(decision(sentence)) == []


def test_amount_without_a_year_is_reviewed_not_guessed() -> None:
    draft = draft_from_text(decision("Testverket får använda 1 750 000 kronor för uppdraget."))
    assert "budget" not in draft.data
    assert any("saknar år" in note for note in draft.review)
    assert [f.value for f in draft.facts if f.kind == "belopp"] == [1_750_000]


def test_appropriation_in_the_same_or_next_sentence() -> None:
    data = draft_from_text(
        decision(
            "För uppdraget får Testverket använda 3 500 000 kronor under 2025. Kostnaderna ska "
            "belasta utgiftsområde 9 Hälsovård, sjukvård och social omsorg, anslaget 1:6 Bidrag "
            "till folkhälsa och sjukvård, anslagsposten 16."
        )
    ).data
    budget = data["budget"]
    assert isinstance(budget, list)
    assert budget[0]["anslag"] == {
        "utgiftsområde": 9,
        "anslag": "1:6",
        "anslagspost": 16,
        "namn": "Bidrag till folkhälsa och sjukvård",
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # money the agency is to distribute or pay out is money the decision makes available
        (
            "Regeringen uppdrar åt Testverket att under 2027 fördela 80 000 000 kronor i "
            "statsbidrag till regionerna.",
            [("2027", "beviljat", 80_000_000)],
        ),
        (
            "Testverket ska under 2026, efter ansökan från Region Testlän, betala ut 4 200 000 "
            "kronor för arbetet.",
            [("2026", "beviljat", 4_200_000)],
        ),
        (
            "Regeringen uppdrar åt Testverket att under 2027 använda två miljarder kronor till "
            "att korta vårdköerna.",
            [("2027", "beviljat", 2_000_000_000)],
        ),
        # "miljoner" without "kronor", governed by a granting verb
        (
            "Testverket ska under 2026 fördela 250 miljoner för investeringar i omsorgen.",
            [("2026", "beviljat", 250_000_000)],
        ),
        # "respektive": the amounts take the listed years in order
        (
            "För 2027 och 2028 beräknas Testverket få använda högst 60 miljoner respektive "
            "högst 45 miljoner kronor.",
            [("2027", "beräknat", 60_000_000), ("2028", "beräknat", 45_000_000)],
        ),
        (
            "För 2027–2028 beräknas 9 miljoner kronor perår.",
            [
                ("2027", "beräknat", 9_000_000),
                ("2028", "beräknat", 9_000_000),
            ],
        ),
    ],
)
def test_money_phrases_from_real_decisions(
    sentence: str, expected: list[tuple[str, str, int]]
) -> None:
    assert money(decision(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Under 2024 fördelade Testverket 80 miljoner kronor till regionerna.",
        "Testverket har räknat ut att 20 miljoner människor berörs.",
        "Testverket fördelade 3 miljoner kronor till kommunerna under 2023.",
    ],
)
def test_distribution_negatives(sentence: str) -> None:
    assert money(decision(sentence)) == []


def test_each_of_the_addressed_agencies_and_an_addition() -> None:
    text = (
        "Uppdrag om utbildning\n\nRegeringen ger Uppsala universitet, Lunds universitet och "
        "Kungl. Tekniska högskolan i uppdrag att ta fram utbildningar.\n\n"
        "För uppdraget får lärosätena vardera rekvirera högst 1,2 miljoner kronor under 2027 "
        "(utgiftsområde 16, anslag 2:64). Uppsala universitet får därutöver rekvirera 300 000 "
        "kronor för samordningen.\n"
    )
    assert agency_names(text) == [
        "Uppsala universitet",
        "Lunds universitet",
        "Kungl. Tekniska högskolan",
    ]
    assert budget_rows(text) == [
        ("Uppsala universitet", "2027", "beviljat", 1_200_000, "2:64"),
        ("Lunds universitet", "2027", "beviljat", 1_200_000, "2:64"),
        ("Kungl. Tekniska högskolan", "2027", "beviljat", 1_200_000, "2:64"),
        ("Uppsala universitet", "2027", "beviljat", 300_000, None),
    ]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Med ändring av regeringens beslut den 5 mars 2025 med uppdrag till Testverket och "
            "Lantmäteriet att pröva ny teknik ska uppdraget redovisas senast den 1 juni 2026.",
            ["Testverket", "Lantmäteriet"],
        ),
        (
            "Regeringen bifaller Statens provverks begäran och förlänger tiden för redovisning "
            "av uppdraget till den 1 september 2026.",
            ["Statens provverk"],
        ),
        (
            "Uppdraget till Statens skolverk och Socialstyrelsen om att pröva nya arbetssätt "
            "ändras så att uppdraget ska slutredovisas senast den 1 juni 2026.",
            ["Statens skolverk", "Socialstyrelsen"],
        ),
        (
            "Med ändring av regeringens beslut den 5 mars 2025 om uppdrag att ta fram en plan "
            "ska Trafikverket redovisa planen senast den 1 juni 2026.",
            ["Trafikverket"],
        ),
        (
            "Regeringen uppdrar åt länsstyrelserna att genomföra åtgärder under 2026. "
            "Länsstyrelserna ska redovisa uppdraget senast den 1 juni 2027.",
            ["Länsstyrelserna"],
        ),
        (
            "Regeringen uppdrar åt Inspektionen för vård och omsorg, IVO, och "
            "Läkemedelsverket, LV, att utreda tillsynen. IVO ska redovisa senast den 1 mars 2027.",
            ["Inspektionen för vård och omsorg", "Läkemedelsverket"],
        ),
        (
            "Regeringen uppdrar åt Statens institutionsstyrelse, SiS, att förbereda sig.",
            ["Statens institutionsstyrelse"],
        ),
        (
            "Regeringen ändrar uppdraget till Statistiska centralbyrån, SCB, om statistik.",
            ["Statistiska centralbyrån"],
        ),
        (
            "Regeringen bemyndigar Folkhälsomyndigheten att ingå avtal om vaccin.",
            ["Folkhälsomyndigheten"],
        ),
        (
            "Socialstyrelsen har i uppdrag att kartlägga arbetsmiljön i ambulanssjukvården.",
            ["Socialstyrelsen"],
        ),
        (
            "Regeringen beslutar att Trafikverket får förbereda följande objekt för byggstart.",
            ["Trafikverket"],
        ),
        (
            "Regeringen uppdrar åt Tandvårds- och Läkemedelsförmånsverket att analysera priserna.",
            ["Tandvårds- och Läkemedelsförmånsverket"],
        ),
        (
            "Regeringen ger Transportstyrelsen och Statens väg- och transportforskningsinstitut, "
            "VTI, i uppdrag att analysera kraven. VTI ska redovisa senast den 1 mars 2027.",
            ["Transportstyrelsen", "Statens väg- och transportforskningsinstitut"],
        ),
        (
            "Regeringen ger Socialstyrelsen och Statens beredning för medicinsk och social "
            "utvärdering (SBU) uppdrag avseende den nationella strategin.",
            ["Socialstyrelsen", "Statens beredning för medicinsk och social utvärdering"],
        ),
        (
            "Regeringen ger Statens Energimyndighet i uppdrag att främja effektivisering.",
            ["Statens energimyndighet"],
        ),
        (
            "Regeringen beslutar att ge Socialstyrelsen förlängd tid för redovisning av "
            "uppdraget om att kartlägga daglig verksamhet.",
            ["Socialstyrelsen"],
        ),
        (
            "Med ändring av regeringens beslut den 6 juli 2017 ska Statens energimyndighet "
            "(Energimyndigheten) senast den 28 februari 2020 till Regeringskansliet "
            "(Infrastrukturdepartementet) redovisa hur arbetet framskrider.",
            ["Statens energimyndighet"],
        ),
        ("Regeringen beslutar att Sverige ska delta i samarbetet.", []),
        (
            "Regeringen ger Försvarsmakten, FOI och FRA i uppdrag att samverka.",
            ["Försvarsmakten", "FOI", "FRA"],
        ),
        (
            "Regeringen ger länsstyrelserna i Uppsala, Västra Götaland och Dalarna i uppdrag att "
            "pröva nya arbetssätt.",
            [
                "Länsstyrelsen i Uppsala län",
                "Länsstyrelsen i Västra Götalands län",
                "Länsstyrelsen i Dalarnas län",
            ],
        ),
        (
            "Regeringen förlänger tiden för Folkhälsomyndighetens uppdrag att ta fram en plan. "
            "Uppdraget ska i stället redovisas senast den 1 juni 2027.",
            ["Folkhälsomyndigheten"],
        ),
        (
            "Regeringen ger Boverket, Försvarsmakten, Havs- och vattenmyndigheten, Myndigheten för "
            "civilt försvar, Naturvårdsverket, Post- och telestyrelsen, Riksantikvarieämbetet, "
            "Sametinget, Statens energimyndighet, Strålsäkerhetsmyndigheten, Sveriges geologiska "
            "undersökning, Tillväxtverket, och Trafikverket (planmyndigheterna) i uppdrag att "
            "bistå utredningen.",
            [
                "Boverket",
                "Försvarsmakten",
                "Havs- och vattenmyndigheten",
                "Myndigheten för civilt försvar",
                "Naturvårdsverket",
                "Post- och telestyrelsen",
                "Riksantikvarieämbetet",
                "Sametinget",
                "Statens energimyndighet",
                "Strålsäkerhetsmyndigheten",
                "Sveriges geologiska undersökning",
                "Tillväxtverket",
                "Trafikverket",
            ],
        ),
        (
            "Regeringen ger tre myndigheter i uppdrag att ta fram en gemensam plan.\n\n"
            "Följande myndigheter får uppdraget:\n\n• Socialstyrelsen\n• Kriminalvården\n"
            "• Statens beredning för medicinsk och social utvärdering",
            [
                "Socialstyrelsen",
                "Kriminalvården",
                "Statens beredning för medicinsk och social utvärdering",
            ],
        ),
    ],
)
def test_agencies_of_amending_and_plain_decisions(opening: str, expected: list[str]) -> None:
    text = f"Ändring av uppdrag\n\n{opening}\n"
    assert agency_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uppdrag om spel\n\nSpelproblem skadar. Regeringen ger därför Folkhälsomyndigheten i "
            "uppdrag att förebygga spelproblem.\n",
            ["Folkhälsomyndigheten"],
        ),
        (
            "Förlängd tid för uppdrag om stöd\n\nRegeringen förlänger tiden för att slutredovisa "
            "uppdraget till den 28 februari 2027. Regeringen gav den 3 december 2025, som ett led "
            "i åtgärdsprogrammet, Försäkringskassan i uppdrag att utvärdera stödet.\n",
            ["Försäkringskassan"],
        ),
        (
            "Uppdrag om fritidskort\n\nRegeringen uppdrar åt Myndigheten för ungdoms- och "
            "civilsamhällesfrågor, MUCF, att fördela medel. MUCF ska redovisa uppdraget senast "
            "den 31 mars 2027.\n",
            ["Myndigheten för ungdoms- och civilsamhällesfrågor"],
        ),
        (
            "Uppdrag om recept\n\nRegeringen uppdrar åt E-hälsomyndigheten, Läkemedelsverket och "
            "Tandvårds- och läkemedelsförmånsverket, TLV, att utreda reservlösningar. TLV ska "
            "redovisa sin del senast den 1 juni 2027.\n",
            ["E-hälsomyndigheten", "Läkemedelsverket", "Tandvårds- och läkemedelsförmånsverket"],
        ),
        (
            "Uppdrag om recept\n\nRegeringen uppdrar åt Läkemedelsverket och Myndigheten för "
            "digital förvaltning i att utreda pappersrecept.\n",
            ["Läkemedelsverket", "Myndigheten för digital förvaltning"],
        ),
        (
            "Uppdrag om försvar\n\nRegeringen ger Försvarsmakten, FRA och MSB i uppdrag att "
            "samverka.\n",
            ["Försvarsmakten", "FRA", "MSB"],
        ),
        (
            "Uppdrag om idrott\n\nRegeringen uppdrar åt Gymnastik- och idrottshögskolan, Centrum "
            "för idrottsforskning, CIF, att analysera paraidrotten. CIF ska redovisa uppdraget "
            "senast den 15 april 2027.\n",
            ["Gymnastik- och idrottshögskolan"],
        ),
        (
            "Uppdrag om tillsyn\n\nRegeringen uppdrar åt Socialstyrelsen, Folkhälsomyndigheten "
            "och IVO att samverka.\n",
            ["Socialstyrelsen", "Folkhälsomyndigheten", "IVO"],
        ),
        (
            "Uppdrag om skarv\n\nRegeringen ger Naturvårdsverket, Sveriges lantbruksuniversitet "
            "(SLU) och Statens jordbruksverk varsitt uppdrag att ta fram kunskap.\n",
            ["Naturvårdsverket", "Sveriges lantbruksuniversitet", "Statens jordbruksverk"],
        ),
        (
            "Uppdrag till MSB att förbereda civilplikt\n\nRegeringen gav den 9 januari "
            "Myndigheten för samhällsskydd och beredskap (MSB) i uppdrag att förbereda "
            "civilplikt. MSB ska redovisa uppdraget senast den 1 juni 2027.\n",
            ["Myndigheten för samhällsskydd och beredskap"],
        ),
        (
            "Uppdrag om vaccination\n\nRegeringen uppdrar åt Folkhälsomyndighetens att följa "
            "upp vaccinationerna.\n",
            ["Folkhälsomyndigheten"],
        ),
        (
            "Uppdrag om tillsyn över överförmyndare\n\nRegeringen uppdrar åt länsstyrelserna i "
            "Stockholms, Västra Götalands och Norrbottens län att gemensamt förbättra tillsynen.\n",
            [
                "Länsstyrelsen i Stockholms län",
                "Länsstyrelsen i Västra Götalands län",
                "Länsstyrelsen i Norrbottens län",
            ],
        ),
        (
            "Uppdrag om ett telefonnummer\n\nRegeringen ger Uppsala universitet (Nationellt "
            "centrum för kvinnofrid, NCK) i uppdrag att genomföra en förstudie.\n",
            ["Uppsala universitet"],
        ),
        (
            "Uppdrag om ekologisk produktion\n\nRegeringen uppdrar åt Livsmedelsverket "
            "respektive Statens jordbruksverk att analysera behovet av ändringar.\n",
            ["Livsmedelsverket", "Statens jordbruksverk"],
        ),
        (
            "Ändring av uppdraget att främja IPv6\n\nRegeringen uppdrog genom beslut den 13 juni "
            "2026 åt Post- och telestyrelsen att främja IPv6. Uppdraget ska i stället redovisas "
            "senast den 1 mars 2028.\n",
            ["Post- och telestyrelsen"],
        ),
        # extensions and amendments that name the agencies only in passing
        (
            "Förlängd tid för uppdraget att analysera ett intensivår\n\nRegeringen gav den 18 "
            "februari 2026 Statskontoret i uppdrag att analysera ett intensivår (A2026/00398). "
            "Uppdragstiden förlängs.\n",
            ["Statskontoret"],
        ),
        (
            "Förlängd tid för uppdraget om center\n\nRegeringen gav den 24 februari 2026 "
            "Arbetsförmedlingen, Skatteverket och Polismyndigheten i uppdrag att inrätta center. "
            "Uppdragstiden förlängs.\n",
            ["Arbetsförmedlingen", "Skatteverket", "Polismyndigheten"],
        ),
        (
            "Framställning om förlängd tid\n\nRegeringen beviljar Statens jordbruksverk "
            "(Jordbruksverket) förlängd tid för redovisning av uppdraget att se över stöden.\n",
            ["Statens jordbruksverk"],
        ),
        (
            "Förlängd tid för uppdraget att anordna utbildning\n\nRegeringen förlänger tiden för "
            "uppdraget till Umeå universitet och Kungl. Tekniska högskolan att anordna "
            "utbildning (U2016/02603).\n",
            ["Umeå universitet", "Kungl. Tekniska högskolan"],
        ),
        (
            "Ändrad tid för redovisning av uppdrag om en plan\n\nMed ändring av regeringens "
            "beslut den 23 mars 2026 om uppdrag att ta fram en plan (dnr N2026/02312 m.fl.) ska "
            "Trafikverket redovisa sitt förslag senast den 31 augusti 2027.\n",
            ["Trafikverket"],
        ),
        (
            "Informationsinsatser om vaccination\n\nRegeringen gav den 17 december 2025 i "
            "uppdrag åt Folkhälsomyndigheten, Myndigheten för samhällsskydd och beredskap (MSB) "
            "och Socialstyrelsen att informera allmänheten. Uppdraget förlängs.\n",
            [
                "Folkhälsomyndigheten",
                "Myndigheten för samhällsskydd och beredskap",
                "Socialstyrelsen",
            ],
        ),
        (
            "Förlängd tid för uppdraget om signalsystemet\n\nMed ändring av regeringens beslut "
            "den 1 april 2026 om uppdrag att analysera signalsystemet (I2026/01105) ska "
            "Trafikverket till Regeringskansliet (Infrastrukturdepartementet) delredovisa "
            "uppdraget senast den 30 september 2027.\n",
            ["Trafikverket"],
        ),
        (
            "Uppdrag om cancervården\n\nRegeringen har beslutat att ge Kammarkollegiet uppdraget "
            "att betala ut 203 miljoner kronor till regionerna.\n",
            ["Kammarkollegiet"],
        ),
        (
            "Uppdrag om strategier\n\nRegeringen uppdrar åt Boverket och Trafikverket att ta fram "
            "strategier. Regeringen ger samtidigt Riksantikvarieämbetet i uppdrag att stödja "
            "arbetet.\n",
            ["Boverket", "Trafikverket", "Riksantikvarieämbetet"],
        ),
        (
            "Bidrag till samisk hälsa\n\nRegeringen beviljar Region Västerbotten 1 650 000 kronor "
            "för att utveckla vården under 2026.\n",
            ["Region Västerbotten"],
        ),
        (
            "Uppdrag om beredskapsflygplatser\n\nRegeringen ger Trafikverket i uppdrag att ingå "
            "avtal. Statens kostnader för avtalen ska belasta anslaget 1:6 Ersättning avseende "
            "flygplatser.\n",
            ["Trafikverket"],
        ),
    ],
)
def test_agencies_in_more_openings(text: str, expected: list[str]) -> None:
    assert agency_names(text) == expected


def test_department_of_a_shared_recipient_is_the_first_named() -> None:
    data = draft_from_text(
        "Uppdrag om kartläggning\n\nRegeringen ger Testverket i uppdrag att kartlägga. "
        "Uppdraget ska redovisas till Regeringskansliet (Utbildningsdepartementet och "
        "Arbetsmarknadsdepartementet) senast den 1 juni 2027.\n"
    ).data
    assert data["departement"] == "Utbildningsdepartementet"


def test_the_county_board_named_once_is_the_one_meant_later() -> None:
    text = (
        "Uppdrag om mathantverk\n\nRegeringen ger Länsstyrelsen i Testlands län i uppdrag att "
        "stödja mathantverket. Länsstyrelsen får använda 2 000 000 kronor under 2026.\n"
    )
    assert agency_names(text) == ["Länsstyrelsen i Testlands län"]


# --- whose money: the subject of the money sentence decides (issue from a new user) ---------


def several(body: str) -> str:
    """A decision addressed to two agencies that names a third in its body."""
    return (
        "Socialdepartementet\n\nUppdrag att utveckla en nationell tjänst\n\n"
        "Regeringens beslut\n\n"
        "Regeringen ger E-hälsomyndigheten och Läkemedelsverket i uppdrag att utveckla en "
        "nationell tjänst i samråd med Socialstyrelsen.\n\n"
        f"{body}\n\n"
        "På regeringens vägnar\n\nAnna Andersson\n\nBo Berg\n"
    )


def budget_rows(text: str) -> list[tuple[str | None, str, str, int, str | None]]:
    """(myndighet, år, beräknat|beviljat, belopp, anslag) per budget row."""
    budget = draft_from_text(text).data.get("budget", [])
    assert isinstance(budget, list)
    rows = []
    for line in budget:
        appr = line.get("anslag", {}).get("anslag")
        for year, amounts in line["år"].items():
            for kind, amount in amounts.items():
                rows.append((line.get("myndighet"), str(year), kind, amount, appr))
    return rows


def agency_names(text: str) -> list[str]:
    agencies = draft_from_text(text).data.get("myndigheter", [])
    assert isinstance(agencies, list)
    return [a["namn"] for a in agencies]


def test_money_goes_to_the_subject_of_its_sentence() -> None:
    text = several(
        "E-hälsomyndigheten får under 2026 använda 3 000 000 kronor för uppdraget. "
        "Socialstyrelsen får under 2026 använda 500 000 kronor för sitt arbete inom uppdraget. "
        "Kostnaderna ska belasta anslaget 1:8 Bidrag till folkhälsa och sjukvård inom "
        "utgiftsområde 9 Hälsovård, sjukvård och social omsorg."
    )
    assert budget_rows(text) == [
        ("E-hälsomyndigheten", "2026", "beviljat", 3_000_000, "1:8"),
        ("Socialstyrelsen", "2026", "beviljat", 500_000, "1:8"),
    ]
    assert agency_names(text) == ["E-hälsomyndigheten", "Läkemedelsverket", "Socialstyrelsen"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Regeringen beräknar att Socialstyrelsen får använda 800 000 kronor under 2027.",
            [("Socialstyrelsen", "2027", "beräknat", 800_000)],
        ),
        (
            "Regeringen avser att under 2027 anvisa 800 000 kronor till Socialstyrelsen.",
            [("Socialstyrelsen", "2027", "beräknat", 800_000)],
        ),
        (
            "För 2026 får högst 900 000 kronor användas av Läkemedelsverket och högst 400 000 "
            "kronor av Socialstyrelsen.",
            [
                ("Läkemedelsverket", "2026", "beviljat", 900_000),
                ("Socialstyrelsen", "2026", "beviljat", 400_000),
            ],
        ),
        (
            "E-hälsomyndigheten får under 2026 använda 2 000 000 kronor och Socialstyrelsen "
            "500 000 kronor.",
            [
                ("E-hälsomyndigheten", "2026", "beviljat", 2_000_000),
                ("Socialstyrelsen", "2026", "beviljat", 500_000),
            ],
        ),
        (
            "Läkemedelsverket och Socialstyrelsen får vardera använda 250 000 kronor under 2026.",
            [
                ("Läkemedelsverket", "2026", "beviljat", 250_000),
                ("Socialstyrelsen", "2026", "beviljat", 250_000),
            ],
        ),
    ],
)
def test_money_subject_phrases(sentence: str, expected: list[tuple[str, str, str, int]]) -> None:
    text = several(sentence)
    assert [row[:4] for row in budget_rows(text)] == expected
    assert "Socialstyrelsen" in agency_names(text)


def test_named_agency_that_gets_no_money_is_not_the_owner() -> None:
    """Negative: "i samråd med", "hos Kammarkollegiet" and the first agency of the decision
    do not take the money; an agency that only cooperates does not join `myndigheter`."""
    text = several(
        "E-hälsomyndigheten får, i samråd med Socialstyrelsen, under 2026 använda 2 000 000 "
        "kronor. Medlen ska rekvireras hos Kammarkollegiet senast den 1 december 2026."
    )
    assert budget_rows(text) == [("E-hälsomyndigheten", "2026", "beviljat", 2_000_000, None)]
    assert agency_names(text) == ["E-hälsomyndigheten", "Läkemedelsverket"]


def test_agency_given_a_task_joins_and_its_deadline_counts() -> None:
    text = several(
        "Socialstyrelsen ska bistå E-hälsomyndigheten och senast den 1 juni 2026 redovisa "
        "sitt underlag till Regeringskansliet (Socialdepartementet)."
    )
    assert agency_names(text) == ["E-hälsomyndigheten", "Läkemedelsverket", "Socialstyrelsen"]
    assert dates(text) == ["2026-06-01"]


def test_standing_duty_and_reasons_do_not_add_agencies() -> None:
    text = several(
        "Uppdraget ska redovisas senast den 1 december 2026. Skolverket ska enligt sitt "
        "regleringsbrev redovisa ett närliggande uppdrag senast den 1 mars 2026.\n\n"
        "Skälen för regeringens beslut\n\nFolkhälsomyndigheten ska följa utvecklingen."
    )
    assert agency_names(text) == ["E-hälsomyndigheten", "Läkemedelsverket"]
    assert dates(text) == ["2026-12-01"]


def test_planned_money_that_names_a_granting_verb_is_planned() -> None:
    """ "Regeringen beräknar att X får använda …" is beräknat, not beviljat; a granted
    sentence before it stays beviljat."""
    text = decision(
        "Testverket får använda 1 000 000 kronor under 2026. Regeringen beräknar att "
        "Testverket får använda 2 000 000 kronor per år under 2027–2028."
    )
    assert money(text) == [
        ("2026", "beviljat", 1_000_000),
        ("2027", "beräknat", 2_000_000),
        ("2028", "beräknat", 2_000_000),
    ]


def test_money_table_with_agencies_and_year_columns() -> None:
    text = several(
        "Myndigheterna får använda följande belopp för uppdraget (tkr):\n\n"
        "Myndighet 2026 2027\nE-hälsomyndigheten 4 500 3 000\nLäkemedelsverket 900 600\n"
        "Summa 5 400 3 600\n\n"
        "Beloppen för 2027 är beräknade och förutsätter att riksdagen anvisar medel."
    )
    assert [row[:4] for row in budget_rows(text)] == [
        ("E-hälsomyndigheten", "2026", "beviljat", 4_500_000),
        ("E-hälsomyndigheten", "2027", "beräknat", 3_000_000),
        ("Läkemedelsverket", "2026", "beviljat", 900_000),
        ("Läkemedelsverket", "2027", "beräknat", 600_000),
    ]


def test_replaced_amount_is_not_a_row() -> None:
    text = decision("Testverket får i stället för 2 000 000 kronor använda 3 500 000 kronor 2025.")
    assert money(text) == [("2025", "beviljat", 3_500_000)]


def test_short_name_the_decision_introduces_is_a_recipient() -> None:
    text = several(
        "Inspektionen för vård och omsorg (IVO) ska bistå myndigheterna. Läkemedelsverket ska "
        "lämna sitt underlag till IVO senast den 1 september 2026."
    )
    [entry] = deadlines(text)
    assert entry["mottagare"] == "Inspektionen för vård och omsorg"
    assert "Inspektionen för vård och omsorg" in agency_names(text)


def test_report_with_another_report_takes_its_own_kind() -> None:
    text = decision(
        "Uppdraget ska slutredovisas senast den 1 juni 2026. Testverket ska i samband med "
        "slutredovisningen redovisa hur de ytterligare medlen har använts."
    )
    assert [(e["datum"], e["typ"]) for e in deadlines(text)] == [
        ("2026-06-01", "slutredovisning"),
        ("2026-06-01", "ekonomisk redovisning"),
    ]


def test_wide_money_table_is_read_quickly() -> None:
    row = " ".join(["100"] * 24)
    text = several(
        "Myndigheterna får använda följande belopp (tkr):\n\n"
        "Myndighet 2026 2027 2028 2029 2030 2031 2032 2033 2034 2035\n"
        f"E-hälsomyndigheten {row}\n\nUppdraget ska redovisas senast den 1 mars 2027."
    )
    draft = draft_from_text(text)
    assert any("Tabellraden" in n for n in draft.review)


# --- yearly reports versus partial ones ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska lämna en årlig lägesrapport senast den 1 mars varje år 2026–2028.",
        "Testverket ska årligen redovisa hur arbetet fortskrider i en lägesrapport senast den "
        "15 april, första gången 2026 och sista gången 2028.",
        "En statusrapport ska lämnas senast den 1 mars varje år 2026–2028.",
        "Testverket ska senast den 1 mars varje år 2026–2028 redovisa hur arbetet fortskrider.",
        "Testverket ska varje år lämna en verksamhetsrapport, senast den 1 mars, med början "
        "2026 och till och med 2028.",
    ],
)
def test_yearly_progress_reports_are_annual(sentence: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert entry["typ"] == "årlig redovisning"
    assert entry["upprepas"] == "årligen"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Testverket ska lämna en lägesrapport senast den 1 oktober 2026.", "delredovisning"),
        ("En statusrapport ska lämnas senast den 1 oktober 2026.", "delredovisning"),
        (
            "En redovisning av hur arbetet fortskrider ska lämnas senast den 1 oktober 2026.",
            "delredovisning",
        ),
        (
            "Testverket ska lämna en verksamhetsrapport senast den 1 oktober 2026.",
            "delredovisning",
        ),
        (
            "Lägesrapporter ska lämnas kvartalsvis, första gången senast den 15 januari 2026.",
            "delredovisning",
        ),
        (
            "Testverket ska årligen lämna en ekonomisk redovisning senast den 1 mars 2026–2028.",
            "ekonomisk redovisning",
        ),
    ],
)
def test_progress_reports_that_are_not_yearly(sentence: str, kind: str) -> None:
    text = decision(sentence + " Uppdraget ska slutredovisas senast den 1 december 2028.")
    entries = [e for e in deadlines(text) if e.get("typ") != "slutredovisning"]
    assert [e["typ"] for e in entries] == [kind]


# --- dates that do not exist --------------------------------------------------------------------


def test_impossible_date_is_a_review_note_and_a_fact() -> None:
    sentence = "Medlen ska rekvireras senast den 31 april 2026 hos Kammarkollegiet."
    draft = draft_from_text(decision(f"Testverket får använda 1 000 000 kronor 2026. {sentence}"))
    entries = draft.data["redovisningar"]
    assert isinstance(entries, list)
    [entry] = entries
    assert entry["typ"] == "rekvisition"
    # a day past the month's end means its last day, and a human is asked to check
    assert entry["datum"] == "2026-04-30" and "löpande" not in entry
    assert "31 april 2026" in entry["anteckning"] and "sista dag" in entry["anteckning"]
    notes = [n for n in draft.review if "31 april 2026" in n]
    assert len(notes) == 1 and sentence in notes[0] and "finns inte" in notes[0]
    [fact] = [f for f in draft.facts if f.kind == "ogiltigt datum"]
    assert fact.value == "31 april 2026" and fact.källtext == sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Testverket ska redovisa uppdraget senast 31/4 2027.", "2027-04-30"),
        ("Uppdraget ska slutredovisas senast den 31 november 2027.", "2027-11-30"),
        ("Uppdraget ska slutredovisas senast 2027-02-30.", "2027-02-28"),
    ],
)
def test_day_past_the_month_end_is_its_last_day(sentence: str, expected: str) -> None:
    [entry] = deadlines(decision(sentence))
    assert entry["datum"] == expected
    assert "finns inte i kalendern" in entry["anteckning"]


def test_impossible_month_stays_undated() -> None:
    [entry] = deadlines(decision("Uppdraget ska slutredovisas senast 2027-13-05."))
    assert entry["löpande"] is True and "datum" not in entry


def test_impossible_date_outside_a_deadline_is_still_noted() -> None:
    draft = draft_from_text(
        decision("Testverket ska följa arbetet som inleds den 30 februari 2026.")
    )
    assert "redovisningar" not in draft.data
    assert any("30 februari 2026" in n and "finns inte" in n for n in draft.review)
    assert [f.value for f in draft.facts if f.kind == "ogiltigt datum"] == ["30 februari 2026"]


@pytest.mark.parametrize(
    ("body", "background"),
    [
        ("Medlen ska rekvireras senast den 30 april 2026.", ""),
        ("Medlen ska rekvireras senast den 29 februari 2028.", ""),  # a leap year
        ("Uppdraget ska redovisas senast den 1 mars 2026.", "Beslutet fattades den 31 april 2024."),
    ],
)
def test_possible_dates_and_background_give_no_date_note(body: str, background: str) -> None:
    draft = draft_from_text(decision(body, background=background))
    assert not any("finns inte" in n for n in draft.review)
    assert not [f for f in draft.facts if f.kind == "ogiltigt datum"]
    entries = draft.data["redovisningar"]
    assert isinstance(entries, list) and len(entries) == 1


def test_old_deadline_under_background_is_the_replaced_one() -> None:
    text = decision(
        "Uppdraget ska i stället slutredovisas senast den 30 april 2027.",
        background="Enligt beslutet skulle uppdraget slutredovisas senast den 1 december 2026.",
    )
    [entry] = deadlines(text)
    assert entry["datum"] == "2027-04-30"
    assert entry["ändringar"] == [{"datum": "2026-12-01"}]


# --- cited assignments, other duties, content clauses (blind round 4) -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Regeringen gav den 16 mars 2023 Testverket i uppdrag att redovisa utvecklingen senast "
        "den 31 mars 2024 (S2023/01002).",
        "Regeringen har i regleringsbrevet för 2025 gett Testverket i uppdrag att senast den 1 "
        "april 2025 redovisa en prognos.",
        "Regeringen beslutade den 3 mars 2024 att ge Testverket i uppdrag att redovisa en analys "
        "senast den 1 juni 2025.",
        "Testverket fick i regleringsbrevet för 2024 i uppdrag att senast den 31 mars 2025 "
        "redovisa läget.",
        "Vattenmyndigheterna ska enligt förordningen (2017:868) redovisa förslag till "
        "åtgärdsprogram senast den 22 december 2026.",
        "Sida ska enligt strategin årligen redovisa resultaten senast den 15 mars.",
        "Enligt förordningen (2000:605) ska myndigheten lämna årsredovisning senast den 22 "
        "februari 2026.",
        "Det uppdraget ska redovisas senast den 15 juni 2026.",
        "Testverket ska föreslå hur uppföljningen kan redovisas i myndigheternas "
        "årsredovisningar från och med räkenskapsåret 2027.",
    ],
)
def test_cited_and_other_duties_are_no_deadlines(sentence: str) -> None:
    text = decision(f"Uppdraget ska redovisas senast den 1 december 2026. {sentence}")
    assert dates(text) == ["2026-12-01"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Regeringen ger även Testverket i uppdrag att senast den 1 mars 2026 redovisa en plan.",
            ["2026-03-01"],
        ),
        ("Testverket ska enligt detta beslut redovisa senast den 1 april 2026.", ["2026-04-01"]),
        ("Detta uppdrag ska redovisas senast den 15 juni 2026.", ["2026-06-15"]),
        (
            "Testverket ska senast den 1 mars 2026 redovisa hur myndigheten kan följa upp arbetet.",
            ["2026-03-01"],
        ),
        (
            "Testverket ska redovisa hur uppföljningen kan utvecklas, senast den 30 september "
            "2026.",
            ["2026-09-30"],
        ),
    ],
)
def test_own_deadlines_near_those_words_are_kept(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


def test_assignee_after_uppdrag_till_is_no_recipient() -> None:
    text = decision(
        "Regeringen ändrar sitt beslut den 12 maj 2022 om uppdrag till Testverket att "
        "analysera elvägar (I2022/01122) på så sätt att uppdraget i stället ska slutredovisas "
        "senast den 30 november 2024."
    )
    [entry] = deadlines(text)
    assert entry.get("mottagare") != "Testverket"


def test_part_of_the_assignment_to_someone_is_a_recipient() -> None:
    text = decision(
        "Testverket ska redovisa sin del av uppdraget till Statskontoret senast den 1 oktober 2024."
    )
    [entry] = deadlines(text)
    assert entry["mottagare"] == "Statskontoret"


def test_date_under_skulle_in_an_amendment_is_the_replaced_one() -> None:
    text = decision(
        "Den delredovisning som enligt det ursprungliga beslutet skulle lämnas senast den 1 "
        "oktober 2023 ska i stället lämnas senast den 15 december 2023."
    )
    [entry] = deadlines(text)
    assert entry["datum"] == "2023-12-15"
    assert entry["ändringar"] == [{"datum": "2023-10-01"}]


@pytest.mark.parametrize(
    "background",
    [
        "Enligt det beslutet ska uppdraget slutredovisas till Regeringskansliet senast den 31 "
        "mars 2024.",
        "I beslutet anges att uppdraget ska slutredovisas senast den 31 mars 2024.",
    ],
)
def test_deadline_of_the_earlier_decision_under_background_is_replaced(background: str) -> None:
    text = decision(
        "Uppdraget ska i stället slutredovisas senast den 30 november 2024.", background=background
    )
    [entry] = deadlines(text)
    assert entry["datum"] == "2024-11-30"
    assert entry["ändringar"] == [{"datum": "2024-03-31"}]


def test_other_background_deadline_is_not_replaced_without_an_amendment() -> None:
    text = decision(
        "Uppdraget ska slutredovisas senast den 30 november 2024.",
        background="Enligt beslutet ska uppdraget redovisas senast den 31 mars 2024.",
    )
    [entry] = deadlines(text)
    assert "ändringar" not in entry


# --- annual reports and budget documentation ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Testverket ska i budgetunderlaget för 2027–2029 redovisa en bedömning av behovet.",
            ["2026-03-01"],
        ),
        ("Testverket ska redovisa uppdraget i sitt budgetunderlag för 2027.", ["2026-03-01"]),
    ],
)
def test_annual_report_and_budget_documentation_dates(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


def test_budget_bill_is_no_budget_documentation() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 1 juni 2026. Regeringen föreslog i "
        "budgetpropositionen för 2026 att anslaget skulle ökas."
    )
    assert dates(text) == ["2026-06-01"]


def test_yearly_report_from_first_to_last_annual_report() -> None:
    text = decision(
        "En redovisning ska ske årligen i årsredovisningen, med början i årsredovisningen för "
        "2025 och sista gången i årsredovisningen för 2027."
    )
    [entry] = deadlines(text)
    assert (entry["datum"], entry["upprepas"], entry["till"]) == (
        "2026-02-22",
        "årligen",
        "2028-02-22",
    )


def test_two_annual_reports_without_yearly_words_stay_two() -> None:
    text = decision(
        "Testverket ska redovisa arbetet i årsredovisningen för 2025 och lämna en slutredovisning "
        "i årsredovisningen för 2027."
    )
    assert dates(text) == ["2026-02-22", "2028-02-22"]


def test_listed_dates_take_the_kind_written_after_them() -> None:
    text = decision(
        "Testverket ska senast den 15 maj 2025 och den 15 november 2025 lämna lägesrapporter."
    )
    assert [(e["datum"], e["typ"]) for e in deadlines(text)] == [
        ("2025-05-15", "delredovisning"),
        ("2025-11-15", "delredovisning"),
    ]


# --- money: planned, past, charged per agency ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Regeringen avser att under 2026 och 2027 anvisa 100 000 000 kronor per år för "
            "fortsatta insatser inom ramen för uppdraget.",
            [("2026", "beräknat", 100_000_000), ("2027", "beräknat", 100_000_000)],
        ),
        (
            "Testverket får för 2025 disponera 1,5 miljoner kronor för uppdraget. För vart och "
            "ett av åren 2026 och 2027 beräknas 1,5 miljoner kronor.",
            [
                ("2025", "beviljat", 1_500_000),
                ("2026", "beräknat", 1_500_000),
                ("2027", "beräknat", 1_500_000),
            ],
        ),
        (
            "För detta ändamål anvisas 5 miljoner kronor för 2025.",
            [("2025", "beviljat", 5_000_000)],
        ),
        (
            "Kostnaderna för uppdraget, högst 4 000 000 kronor under 2025, ska belasta "
            "utgiftsområde 9 Hälsovård, sjukvård och social omsorg, anslaget 1:6 Bidrag till "
            "folkhälsa och sjukvård.",
            [("2025", "beviljat", 4_000_000)],
        ),
        (
            "Regeringen har i budgetpropositionen för 2026 beräknat 10 miljoner kronor för 2027 "
            "för uppdraget.",
            [("2027", "beräknat", 10_000_000)],
        ),
    ],
)
def test_more_money_phrases(body: str, expected: list[tuple[str, str, int]]) -> None:
    assert money(decision(body)) == expected


@pytest.mark.parametrize(
    "reasons",
    [
        "Regeringen har i budgetpropositionen för 2025 beräknat 45 miljoner kronor per år "
        "2025–2027 för en läsfrämjande satsning.",
        "Regeringen har i budgetpropositionen för 2025 beräknat 45 miljoner kronor per år "
        "2025–2027 för uppdraget.",
        "Regeringen har under 2021 avsatt 50 miljoner kronor till lokala projekt.",
    ],
)
def test_money_already_decided_in_the_reasons_is_no_row(reasons: str) -> None:
    text = decision(
        "Testverket får använda 2 000 000 kronor under 2025 för uppdraget.\n\n"
        f"Skälen för regeringens beslut\n\n{reasons}"
    )
    assert money(text) == [("2025", "beviljat", 2_000_000)]


def test_charge_sentence_naming_one_agency_charges_only_its_rows() -> None:
    text = several(
        "För uppdraget får E-hälsomyndigheten använda 8 000 000 kronor och Läkemedelsverket "
        "4 000 000 kronor under 2025. E-hälsomyndighetens kostnader ska belasta utgiftsområde 9 "
        "Hälsovård, sjukvård och social omsorg, anslaget 2:6 E-hälsomyndigheten. "
        "Läkemedelsverkets kostnader ska belasta utgiftsområde 9 Hälsovård, sjukvård och social "
        "omsorg, anslaget 1:8 Bidrag till psykiatri."
    )
    assert [(r[0], r[4]) for r in budget_rows(text)] == [
        ("E-hälsomyndigheten", "2:6"),
        ("Läkemedelsverket", "1:8"),
    ]


def test_appropriation_without_area_takes_the_one_named_before() -> None:
    draft = draft_from_text(
        decision(
            "Testverket får använda 25 miljoner kronor under 2025 för uppdraget. Kostnaderna ska "
            "belasta utgiftsområde 14 Arbetsmarknad och arbetsliv, anslaget 1:1 "
            "Arbetsförmedlingens förvaltningskostnader. Testverket får vidare använda högst 40 "
            "miljoner kronor av anslaget 1:3 Kostnader för arbetsmarknadspolitiska program och "
            "insatser under 2025."
        )
    )
    budget = draft.data["budget"]
    assert isinstance(budget, list)
    assert [(b["anslag"]["utgiftsområde"], b["anslag"]["anslag"]) for b in budget] == [
        (14, "1:1"),
        (14, "1:3"),
    ]


def test_appropriation_without_any_area_is_still_a_review_note() -> None:
    draft = draft_from_text(
        decision("Testverket får använda 1 000 000 kronor av anslaget 1:3 Bidrag under 2025.")
    )
    assert any("utan utgiftsområde" in n for n in draft.review)


def test_charge_after_an_aside_in_the_same_paragraph() -> None:
    text = decision(
        "Testverket får använda 3 000 000 kronor för uppdraget under 2025. Medlen betalas ut "
        "efter rekvisition. Kostnaderna ska belasta utgiftsområde 9 Hälsovård, sjukvård och "
        "social omsorg, anslaget 1:6 Bidrag till folkhälsa och sjukvård."
    )
    assert [r[4] for r in budget_rows(text)] == ["1:6"]


# --- identity -------------------------------------------------------------------------------


def test_own_case_numbers_versus_cited_ones() -> None:
    text = (
        "Regeringsbeslut I:4\n2025-06-12\nU2025/01234 (delvis)\nU2025/00987\n"
        "Utbildningsdepartementet\n\nStatens skolverk\n106 20 Stockholm\n\n"
        "Uppdrag att stärka läsningen\n\nRegeringens beslut\n\nRegeringen ger Statens skolverk "
        "(Skolverket) och Kungliga biblioteket i uppdrag att stärka läsningen. Uppdraget ska "
        "redovisas senast den 1 mars 2027.\n\nSkälen för regeringens beslut\n\nSkolverket "
        "redovisade ett tidigare uppdrag (U2023/00456).\n"
    )
    data = draft_from_text(text).data
    assert data["diarienummer"] == ["U2025/01234 (delvis)", "U2025/00987"]
    assert data["departement"] == "Utbildningsdepartementet"
    assert data["beslutad"] == "2025-06-12"
    assert data["myndigheter"] == [
        {"namn": "Statens skolverk", "huvudansvarig": True},
        {"namn": "Kungliga biblioteket"},
    ]


def test_letterhead_below_the_pages_title_and_publication_date() -> None:
    data = draft_from_text(
        "Uppdrag till Testverket att pröva nya arbetssätt\n\nPublicerad 12 mars 2026\n\n"
        "Regeringsbeslut 4\nSocialdepartementet\n2026-03-12\nS2026/00871 (delvis)\n"
        "S2025/02214\n\nTestverket\nBox 1\n123 45 Solna\n\n"
        "Uppdrag till Testverket att pröva nya arbetssätt\n\nRegeringens beslut\n\n"
        "Regeringen ger Testverket i uppdrag att pröva nya arbetssätt. Uppdraget ska "
        "redovisas senast den 1 mars 2027. Arbetet redovisades senast i S2024/00001.\n"
    ).data
    assert data["diarienummer"] == ["S2026/00871 (delvis)", "S2025/02214"]
    assert data["beslutad"] == "2026-03-12"


def test_case_number_glued_to_the_title() -> None:
    data = draft_from_text(
        "Uppdrag till Tillväxtverket att stödja företagDiarienummer: KN2025/01577\n\n"
        "Regeringen ger Tillväxtverket i uppdrag att stödja företag.\n"
    ).data
    assert data["titel"] == "Uppdrag till Tillväxtverket att stödja företag"
    assert data["diarienummer"] == ["KN2025/01577"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Diarienummer: LI2025/02155;LI2025/02182", ["LI2025/02155", "LI2025/02182"]),
        (
            "Diarienummer: Ku2024/01066 (delvis) Ku2025/00743",
            ["Ku2024/01066 (delvis)", "Ku2025/00743"],
        ),
    ],
)
def test_case_numbers_separated_by_semicolons_or_delvis(label: str, expected: list[str]) -> None:
    data = draft_from_text(
        f"Uppdrag till Tillväxtverket att stödja företag{label}\n\n"
        "Regeringen ger Tillväxtverket i uppdrag att stödja företag.\n"
    ).data
    assert data["diarienummer"] == expected


def test_no_case_number_is_asked_for() -> None:
    draft = draft_from_text(decision("Uppdraget ska redovisas senast den 1 mars 2027."))
    assert "diarienummer" not in draft.data
    assert any("diarienummer" in note for note in draft.review)


# --- text noise and offsets ----------------------------------------------------------------


def test_noise_is_cleaned() -> None:
    raw = (
        "Uppdrag till Testverket att pröva\n\nRegeringens beslut\n\nRegeringen ger Testverket "
        "i uppdrag att pröva.\n\nUpp\u00addraget ska redo-\nvisas senast den 30\u00a0sep"
        "tember 2026 till Regeringskansliet (Social-\ndepartementet).\n\n2 (3)\n\n"
        "Testverket får använda 2\u00a0000\u00a0000\u00a0kronor under 2026.\n"
    )
    draft = draft_from_text(raw)
    [entry] = deadlines(raw)
    assert entry["datum"] == "2026-09-30"
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"
    assert "Uppdraget ska redovisas senast den 30 september 2026" in entry["källtext"]
    assert money(raw) == [("2026", "beviljat", 2_000_000)]
    assert draft.data["titel"] == "Uppdrag till Testverket att pröva"


def test_shared_word_part_keeps_its_hyphen() -> None:
    doc = parse("Text om hälso-\noch sjukvården och primär- \noch sekundärprevention.\n")
    assert "hälso- och sjukvården" in doc.flat.text
    assert "primär- och sekundärprevention" in doc.flat.text


def test_page_footer_inside_a_sentence_is_dropped() -> None:
    doc = parse("Uppdraget ska redovisas senast den\n\n3 (5)\n\n1 mars 2027 till departementet.\n")
    assert [s.text for s in doc.sentences] == [
        "Uppdraget ska redovisas senast den 1 mars 2027 till departementet."
    ]


def test_letter_footer_inside_a_sentence_is_dropped() -> None:
    doc = parse(
        "Uppdraget ska redovisas till Regeringskansliet (Klimat- och\n\n"
        "Postadress          Telefonväxel          E-post: kn.registrator@regeringskansliet.se\n"
        "103 33 Stockholm    08-405 10 00          Webb: www.regeringen.se\n"
        "                                                         2 (4)\n\n"
        "näringslivsdepartementet) senast den 1 oktober 2025.\n"
    )
    assert [s.text for s in doc.sentences] == [
        "Uppdraget ska redovisas till Regeringskansliet (Klimat- och näringslivsdepartementet) "
        "senast den 1 oktober 2025."
    ]


def test_page_break_inside_a_sentence_that_goes_on_with_a_capital() -> None:
    doc = parse(
        "Testverket ska lämna en delredovisning av genomförda insatser och planerade\n"
        "aktiviteter till regeringen (Arbetsmarknadsdepartementet och\n\n"
        "Postadress\n103 33 Stockholm\nTelefonväxel\n08-405 10 00\n\f\n2 (2)\n\n"
        "Kulturdepartementet) senast den 1 mars 2027.\n\n"
        "Kort rad utan punkt\n\n3 (3)\n\nNästa stycke börjar här.\n"
    )
    texts = [s.text for s in doc.sentences]
    assert texts[0].endswith(
        "(Arbetsmarknadsdepartementet och Kulturdepartementet) senast den 1 mars 2027."
    )
    # a short line before a page break is no sentence cut in two
    assert "Nästa stycke börjar här." in texts


def test_letterhead_then_a_title_that_is_not_uppdrag() -> None:
    text = (
        "Regeringsbeslut\nI:3\n\nTestverket\nBox 123\n123 45 Stockholm\n\n"
        "Utbetalning av medel till ideella organisationer inom\nfolkhälsoområdet\n\n"
        "Regeringen uppdrar åt Testverket att betala ut pengar till organisationerna.\n\n"
        "För uppdraget får Testverket under 2026 använda 24 miljoner kronor.\n\n"
        "På regeringens vägnar\n\nAnna Andersson\n"
    )
    draft = draft_from_text(text)
    assert draft.data["titel"] == (
        "Utbetalning av medel till ideella organisationer inom folkhälsoområdet"
    )
    assert money(text) == [("2026", "beviljat", 24_000_000)]


def test_footer_on_separate_lines_is_dropped_but_addresses_elsewhere_stay() -> None:
    doc = parse(
        "Testverket ska lämna en rapport till\n\nPostadress\n103 33 Stockholm\nTelefonväxel\n"
        "08-405 10 00\nBesöksadress\nRosenbad 4\n\nStatskontoret senast den 1 mars 2026.\n\n"
        "Kontakta Testverket, 103 33 Stockholm.\n"
    )
    texts = [s.text for s in doc.sentences]
    assert "Telefonväxel" not in " ".join(texts) and "Rosenbad" not in " ".join(texts)
    assert "Kontakta Testverket, 103 33 Stockholm." in texts


def test_ocr_repair_restores_common_words() -> None:
    raw = "Medel som inte har anvdnts ska aterbetalas. For uppdraget far myndigheten " * 20
    repaired = repair_ocr(normalise_chars(raw)).text
    assert "använts ska återbetalas. För uppdraget får myndigheten" in repaired


def test_ocr_text_still_yields_deadlines() -> None:
    text = (CASES / "s_ocr_decision.txt").read_text("utf-8")
    draft = draft_from_text(text)
    assert dates(text) == ["2026-10-15", "2027-04-30", "2028-01-31"]
    assert any("OCR" in note for note in draft.review)


def test_fact_offsets_point_into_the_original_text() -> None:
    raw = (
        "Uppdrag till Testverket att pröva\n\nRegeringens beslut\n\nRegeringen ger Testverket "
        "i uppdrag att pröva. Upp\u00addraget ska redovisas senast den\n15\u00a0oktober 2028. "
        "Testverket får använda 2\u00a0000\u00a0000 kronor under 2026.\n"
    )
    facts = draft_from_text(raw).facts
    [deadline] = [f for f in facts if f.kind == "redovisning"]
    assert raw[deadline.start : deadline.end] == "den\n15\u00a0oktober 2028"
    [amount] = [f for f in facts if f.kind == "belopp"]
    assert raw[amount.start : amount.end] == "2\u00a0000\u00a0000 kronor"
    [agency] = [f for f in facts if f.kind == "myndighet"]
    assert raw[agency.start : agency.end] == "Testverket"


def test_repeated_copy_is_read_once() -> None:
    once = decision("Uppdraget ska redovisas senast den 1 mars 2027.")
    assert dates(once + "\n" + once) == ["2027-03-01"]


# --- the seeds, end to end -----------------------------------------------------------------


def test_seed_000_hjarta_karl() -> None:
    draft = draft_from_text((CASES / "seed_000_hjarta_karl.txt").read_text("utf-8"))
    entries = deadlines((CASES / "seed_000_hjarta_karl.txt").read_text("utf-8"))
    assert [(e.get("datum"), e["typ"], e.get("mottagare")) for e in entries] == [
        ("2026-05-30", "plan", "Regeringskansliet (Socialdepartementet)"),
        ("2028-10-15", "slutredovisning", "Regeringskansliet (Socialdepartementet)"),
        (None, "årlig redovisning", "Regeringskansliet (Socialdepartementet)"),
    ]
    assert entries[2]["löpande"] is True
    assert draft.data["budget"] == [
        {
            "myndighet": "Socialstyrelsen",
            "år": {
                2026: {"beräknat": 7_000_000},
                2027: {"beräknat": 7_000_000},
                2028: {"beräknat": 4_000_000},
            },
            "källtext": (
                "Regeringen beräknar att 7 miljoner kronor kommer att avsättas för uppdraget för "
                "2026, 7 miljoner under 2027 samt 4 miljoner under 2028. under förutsättning att "
                "riksdagen anvisat medel för det aktuella anslaget."
            ),
        }
    ]
    assert "diarienummer" not in draft.data  # S2025/00109 is only cited
    assert draft.data["myndigheter"] == [
        {"namn": "Socialstyrelsen", "huvudansvarig": True},
        {"namn": "Läkemedelsverket"},
    ]


def test_seed_002_palliativ_vard() -> None:
    text = (CASES / "seed_002_palliativ_vard.txt").read_text("utf-8")
    draft = draft_from_text(text)
    assert [(e["datum"], e["typ"], e["mottagare"]) for e in deadlines(text)] == [
        ("2025-12-01", "rekvisition", "Kammarkollegiet"),
        ("2026-03-31", "återbetalning", "Kammarkollegiet"),
        ("2026-03-31", "ekonomisk redovisning", "Kammarkollegiet"),
        ("2027-10-30", "slutredovisning", "Regeringskansliet (Socialdepartementet)"),
    ]
    budget = draft.data["budget"]
    assert isinstance(budget, list)
    assert [(b.get("anslag", {}).get("anslag"), b["år"]) for b in budget] == [
        ("1:6", {2025: {"beviljat": 2_000_000}}),
        (None, {2026: {"beräknat": 5_000_000}, 2027: {"beräknat": 2_000_000}}),
    ]
    assert budget[0]["anslag"]["utgiftsområde"] == 9
    assert budget[0]["anslag"]["anslagspost"] == 16


# --- output ---------------------------------------------------------------------------------


def test_yaml_round_trips_and_has_a_swedish_header() -> None:
    draft = draft_from_text((CASES / "seed_002_palliativ_vard.txt").read_text("utf-8"))
    text = draft.to_yaml()
    assert text.startswith("# UTKAST")
    assert "# Att granska:" in text
    assert amounts_as_integers(load_yaml(text)) == draft.data


@pytest.mark.parametrize(
    "value",
    [
        'citat "inom" citat',
        "back\\slash",
        "rad\nbrytning\ttabb",
        "no",
        "yes",
        "2026-05-30",
        "12:30",
        "- inte en lista",
        "# inte en kommentar",
        "nbsp\u00a0och\u2028radseparator\x85nel",
        "kontroll\x01\x7f\x9f",
        "",
        "  blanka  ",
        "emoji 🙂",
    ],
)
def test_yaml_strings_survive(value: str) -> None:
    data = {"titel": value, "lista": [value, {"nyckel": value}], "år": {2026: {"beviljat": 1}}}
    assert amounts_as_integers(load_yaml(dump_yaml(data))) == data


def amounts_as_integers(value: Any) -> Any:
    """The YAML draft writes money as the data files do ("12 000 000 kr"); the data holds ints."""
    from uppdragskoll.money import parse_amount

    if isinstance(value, dict):
        return {
            k: parse_amount(v)
            if k in ("beräknat", "beviljat", "belopp")
            else amounts_as_integers(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [amounts_as_integers(v) for v in value]
    return value


def test_amounts_are_written_as_kronor_grouped_like_the_data_files() -> None:
    yaml_text = dump_yaml({"år": {2026: {"beviljat": 12_000_000, "beräknat": 500}}})
    assert 'beviljat: "12 000 000 kr"' in yaml_text and 'beräknat: "500 kr"' in yaml_text


def test_json_has_offsets_and_stable_order() -> None:
    draft = draft_from_text((CASES / "seed_000_hjarta_karl.txt").read_text("utf-8"))
    document = json.loads(draft.to_json())
    assert list(document) == ["källa", "föreslaget_id", "fakta", "granska", "data"]
    first = document["fakta"][0]
    assert list(first) == ["slag", "värde", "detaljer", "källtext", "start", "slut"]
    english = {"source", "suggested_id", "facts", "review", "kind", "value", "details", "end"}
    assert not english & set(document) and not english & set(first)
    assert "ä" in draft.to_json()  # ensure_ascii=False
    assert draft.to_json() == draft.to_json()


def test_suggested_id_is_a_safe_stem() -> None:
    assert (
        suggested_id(
            "Uppdrag att ta fram en nationell handlingsplan för att förebygga och behandla hjärt- "
            "och kärlsjukdom"
        )
        == "nationell-handlingsplan-forebygga-behandla-hjart-karlsjukdom"
    )
    assert suggested_id("Uppdrag till Statens skolverk att stärka läsningen") == (
        "starka-lasningen"
    )
    assert suggested_id("!!!") == "uppdrag"


def test_drafts_pass_uppdrag_check(tmp_path: Path) -> None:
    """Every draft of the case corpus (seeds 000 and 002 included) is accepted by `uppdrag
    check`: no errors; warnings such as a missing `ansvarig` are allowed."""
    cli = pytest.importorskip("uppdragskoll.cli")
    if not hasattr(cli, "check"):
        pytest.skip("uppdrag check finns inte ännu")
    folder = tmp_path / "data" / "uppdrag"
    folder.mkdir(parents=True)
    for path in sorted(CASES.glob("*.txt")):
        draft = draft_from_text(path.read_text("utf-8"), source=path.name)
        stem = path.stem.replace("_", "-")
        (folder / f"{stem}.yaml").write_text(draft.to_yaml(), "utf-8")
    env = {**os.environ, "UPPDRAG_CACHE": "0"}
    result = subprocess.run(
        [sys.executable, "-c", "from uppdragskoll.cli import main; main()", "check", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 fel" in result.stdout + result.stderr


# --- never raises, always YAML ----------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "senast",
        "den",
        "30",
        "maj",
        "2026",
        "ska",
        "redovisa",
        "årligen",
        "kronor",
        "miljoner",
        "tkr",
        "under",
        "2026–2028",
        "Regeringen",
        "ger",
        "i uppdrag",
        "till",
        "Regeringskansliet (Socialdepartementet)",
        "Bakgrund\n",
        "\n\n",
        "-\n",
        "\u00ad",
        "\u00a0",
        "3 (5)\n",
        ".",
        ",",
        "och",
        "i stället",
        "årsredovisningen för",
        "S2025/01981 (delvis)",
        "Uppdrag att",
        "beräknar",
        "får använda",
        "högst",
        "varav",
        "anslaget 1:6",
        "utgiftsområde 9",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(_WORDS, max_size=80).map(" ".join)))
def test_any_text_gives_a_draft_that_loads_as_yaml(text: str) -> None:
    draft = draft_from_text(text, source="fil.txt")
    assert isinstance(draft, Draft)
    assert not any("internt fel" in note for note in draft.review)
    assert amounts_as_integers(load_yaml(draft.to_yaml())) == draft.data
    json.loads(draft.to_json())
    for fact in draft.facts:
        assert isinstance(fact, Fact)
        assert 0 <= fact.start <= fact.end <= len(text)


def test_pathological_input_is_fast() -> None:
    """Guards against catastrophic regex backtracking; real timings are measured elsewhere."""
    import time

    chunks = [
        "den " * 5000,
        "1 " * 20000,
        "och " * 10000,
        "Regeringen ger " + "Myndigheten för och " * 2000,
        "2 000 " * 8000,
        ("senast den 30 maj 2026 ska Testverket redovisa. " * 2000),
    ]
    for chunk in chunks:
        start = time.perf_counter()
        draft_from_text(chunk)
        assert time.perf_counter() - start < 5, chunk[:40]


# --- deadlines counted from an event, "motsvarande belopp", names with commas -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska redovisa resultatet senast tre månader efter att förordningen har "
        "trätt i kraft.",
        "En slutredovisning ska lämnas senast sex månader efter att regeringen har fattat beslut "
        "om planen.",
        "Testverket ska inom två veckor från det att avtalet har undertecknats lämna en plan.",
        # the event's date is not the deadline
        "Testverket ska redovisa uppdraget senast tre månader efter att lagen har trätt i kraft "
        "den 1 juli 2026.",
    ],
)
def test_deadline_after_an_event_is_undated_with_a_note(sentence: str) -> None:
    draft = draft_from_text(decision(sentence))
    entries = draft.data["redovisningar"]
    assert isinstance(entries, list) and len(entries) == 1
    entry: dict[str, Any] = entries[0]
    assert entry.get("löpande") is True and "datum" not in entry
    assert entry["anteckning"].startswith("UTKAST: Beslutet räknar tiden från en händelse")
    assert any("räknar tiden från en händelse" in note for note in draft.review)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # not counted from an event: the date stands
        (
            "Testverket ska redovisa en plan så snart som möjligt, dock senast i samband med att "
            "lagändringarna träder i kraft den 1 juli 2026.",
            ["2026-07-01"],
        ),
        (
            "Testverket ska senast den 1 juni 2026 lämna en delredovisning och slutredovisa "
            "uppdraget senast tre månader efter att lagen har trätt i kraft.",
            ["2026-06-01", "löpande"],
        ),
        ("Testverket ska redovisa uppdraget senast den 30 maj 2026.", ["2026-05-30"]),
        # an event without a delivery is no report
        ("Lagen träder i kraft tre månader efter att den har beslutats.", []),
    ],
)
def test_deadline_after_an_event_negatives(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


def test_equivalent_amount_repeats_the_latest_year() -> None:
    text = decision(
        "Testverket får använda 1 800 000 kronor under 2026 för uppdraget. Kostnaderna ska "
        "belasta utgiftsområde 9 Hälsovård, sjukvård och social omsorg, anslaget 8:1 "
        "Socialstyrelsen. Regeringen beräknar att Testverket får använda motsvarande belopp "
        "under vart och ett av åren 2027 och 2028."
    )
    assert money(text) == [
        ("2026", "beviljat", 1800000),
        ("2027", "beräknat", 1800000),
        ("2028", "beräknat", 1800000),
    ]
    assert any("motsvarande belopp" in note for note in draft_from_text(text).review)


def test_equivalent_amount_for_named_agencies_only() -> None:
    text = decision(
        "Testverket får använda 2 000 000 kronor och Provmyndigheten 500 000 kronor under 2026. "
        "Regeringen beräknar att Provmyndigheten får använda motsvarande belopp för 2027."
    )
    assert sorted(money(text)) == [
        ("2026", "beviljat", 500000),
        ("2026", "beviljat", 2000000),
        ("2027", "beräknat", 500000),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # no amount before it: nothing to repeat, a review note instead
        "Regeringen beräknar att Testverket får använda motsvarande belopp för 2027.",
        # "motsvarande" without a money word
        "Testverket får använda 1 000 000 kronor under 2026. Testverket ska lämna en "
        "motsvarande redovisning för 2027 senast den 1 mars 2027.",
    ],
)
def test_equivalent_amount_negatives(sentence: str) -> None:
    assert [r for r in money(decision(sentence)) if r[0] == "2027"] == []


def test_equivalent_amount_in_the_reasons_is_no_row() -> None:
    text = decision("Testverket får använda 1 000 000 kronor under 2026 för uppdraget.").replace(
        "På regeringens vägnar",
        "Skälen för regeringens beslut\n\nRegeringen beräknade motsvarande belopp för 2025 i "
        "budgetpropositionen.\n\nPå regeringens vägnar",
    )
    assert money(text) == [("2026", "beviljat", 1000000)]


def test_agency_name_with_a_comma_is_one_agency() -> None:
    text = decision("").replace(
        "Regeringen ger Testverket i uppdrag",
        "Regeringen ger Myndigheten för press, radio och tv (MPRT) i uppdrag",
    )
    agencies = draft_from_text(text).data["myndigheter"]
    assert [a["namn"] for a in agencies] == ["Myndigheten för press, radio och tv"]  # type: ignore[attr-defined]
    listed = decision("").replace(
        "Regeringen ger Testverket i uppdrag",
        "Regeringen ger Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket i uppdrag",
    )
    names = [a["namn"] for a in draft_from_text(listed).data["myndigheter"]]  # type: ignore[attr-defined]
    assert names == ["Socialstyrelsen", "Folkhälsomyndigheten", "Läkemedelsverket"]


def _charged(text: str) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for line in draft_from_text(text).data["budget"]:  # type: ignore[attr-defined]
        a = line.get("anslag")
        for year, amounts in line["år"].items():
            for kind in amounts:
                out[(str(year), kind)] = a["anslag"] if a else None
    return out


def test_granted_money_before_planned_money_gets_the_charge() -> None:
    text = decision(
        "Testverket får använda 5 miljoner kronor under 2026 för uppdraget. Regeringen beräknar "
        "att Testverket får använda 7,5 miljoner kronor för 2027. Kostnaderna ska belasta "
        "utgiftsområde 22 Kommunikationer, anslaget 1:1 Utveckling av statens "
        "transportinfrastruktur."
    )
    assert _charged(text)[("2026", "beviljat")] == "1:1"


def test_planned_money_two_sentences_back_keeps_no_charge() -> None:
    text = decision(
        "Regeringen beräknar att Testverket får använda 7 miljoner kronor för 2027. Testverket "
        "får använda 5 miljoner kronor under 2026 för uppdraget. Kostnaderna ska belasta "
        "utgiftsområde 22 Kommunikationer, anslaget 1:1 Utveckling av statens "
        "transportinfrastruktur."
    )
    charged = _charged(text)
    assert charged[("2026", "beviljat")] == "1:1"
    assert charged[("2027", "beräknat")] is None


# --- phrasing variety (blind round 6) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Testverket ska återrapportera uppdraget senast 1/10 2027.", ["2027-10-01"]),
        ("Uppdraget ska redovisas senast den 1/10-2027.", ["2027-10-01"]),
        ("Testverket ska inkomma med en delrapport senast den 1 oktober 2026.", ["2026-10-01"]),
        ("Uppdraget ska vara slutfört och redovisat senast den 30 april 2027.", ["2027-04-30"]),
        ("Uppdraget ska ha genomförts och redovisats senast 2028-06-30.", ["2028-06-30"]),
    ],
)
def test_more_deadline_phrasings(sentence: str, expected: list[str]) -> None:
    assert dates(decision(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Av 1/10 2024 års rapport framgår att arbetet har försenats.",
        "Enkäten besvarades av 3/4 2024 av kommunerna.",
    ],
)
def test_slash_dates_that_are_not_deadlines(sentence: str) -> None:
    assert [d for d in dates(decision(sentence)) if d != "löpande"] == []


def test_requisition_recipient_from_the_paragraph() -> None:
    text = decision(
        "Testverket får använda 1 500 000 kr under 2026. Medlen utbetalas efter rekvisition "
        "till Kammarkollegiet. Rekvisitionen ska ha kommit in senast 2026-11-15.\n\n"
        "Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) senast den 1 "
        "mars 2027."
    )
    by_date = {e["datum"]: e for e in deadlines(text)}
    assert by_date["2026-11-15"]["mottagare"] == "Kammarkollegiet"
    assert by_date["2027-03-01"]["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_requisition_without_kammarkollegiet_in_the_paragraph() -> None:
    text = decision(
        "Uppdraget ska redovisas till Regeringskansliet (Socialdepartementet) senast den 1 "
        "mars 2027.\n\nTestverket får använda 1 500 000 kr under 2026. Rekvisition ska ske "
        "senast den 1 november 2026.\n\nKammarkollegiet har tidigare betalat ut medel."
    )
    by_date = {e["datum"]: e for e in deadlines(text)}
    assert by_date["2026-11-01"].get("mottagare") != "Kammarkollegiet"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "För uppdraget ställs 4 000 000 kronor till förfogande under 2026.",
            [("2026", "beviljat", 4000000)],
        ),
        (
            "Regeringen avser att för 2027 tilldela Testverket ytterligare 1 000 000 kr. "
            "Beloppet för 2026 utbetalas efter rekvisition.",
            [("2027", "beräknat", 1000000)],
        ),
        (
            "Regeringen avser att ställa 2 miljoner kronor till förfogande för 2027.",
            [("2027", "beräknat", 2000000)],
        ),
        (
            "Testverket får disponera 1,5 mnkr under 2026. Regeringen beräknar 1,5 mnkr för "
            "vart och ett av åren 2027 och 2028.",
            [
                ("2026", "beviljat", 1500000),
                ("2027", "beräknat", 1500000),
                ("2028", "beräknat", 1500000),
            ],
        ),
        (
            "Under 2026 tillförs ytterligare fem miljoner kronor till uppdraget.",
            [("2026", "beviljat", 5000000)],
        ),
        (
            "Regeringen tillför uppdraget 2 miljoner kronor under 2027.",
            [("2027", "beviljat", 2000000)],
        ),
        (
            "Regeringen beviljar Testförbundet 100 000 000 kronor för att genomföra insatser."
            "\n\nInsatserna ska:\n\n• stärka föreningarna,\n• öka deltagandet,\n• nå fler "
            "barn.\n\nBidraget avser verksamhet 2024.",
            [("2024", "beviljat", 100000000)],
        ),
    ],
)
def test_more_money_phrasings(sentence: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(money(decision(sentence))) == sorted(expected)


def test_amount_owner_after_a_year_phrase() -> None:
    text = decision(
        "För uppdraget beräknas 800 000 kronor för vart och ett av åren 2026–2028 för "
        "Testverket och 600 000 kronor för vart och ett av åren 2026–2028 för Statskontoret."
    )
    budget = draft_from_text(text).data["budget"]
    owners = {line["myndighet"]: sorted(line["år"]) for line in budget}  # type: ignore[attr-defined]
    assert owners == {"Testverket": [2026, 2027, 2028], "Statskontoret": [2026, 2027, 2028]}


def test_amount_for_an_agencys_account_is_not_its_money() -> None:
    text = decision("Testverket får använda 600 000 kronor under 2026 för Statskontorets räkning.")
    budget = draft_from_text(text).data["budget"]
    assert [line["myndighet"] for line in budget] == ["Testverket"]  # type: ignore[attr-defined]


def test_kr_abbreviation_followed_by_a_capital_ends_the_sentence() -> None:
    sentences = [
        s.text for s in parse(decision("X får 1 000 kr. Beloppet ska rekvireras.")).sentences
    ]
    assert "X får 1 000 kr." in sentences
    sentences = [s.text for s in parse(decision("Högst 1,5 milj. Kronor får användas.")).sentences]
    assert not any(s.endswith("milj.") for s in sentences)


def test_lump_sum_overlapping_a_yearly_amount_gets_its_own_line() -> None:
    draft = draft_from_text(
        decision(
            "För uppdraget ställs 4 000 000 kronor till förfogande under 2026. Testverket får "
            "använda sammanlagt högst 9 miljoner kronor under perioden 2026–2028."
        )
    )
    budget = draft.data["budget"]
    assert [sorted(map(str, line["år"])) for line in budget] == [  # type: ignore[attr-defined]
        ["2026"],
        ["2026–2028"],
    ]
    assert any("överlappar" in point for point in draft.review)


def test_yearly_amounts_without_overlap_share_a_line() -> None:
    budget = draft_from_text(
        decision("Testverket får använda 4 000 000 kronor under 2026 och 5 000 000 kronor 2027.")
    ).data["budget"]
    assert len(budget) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the year of a yearless amount stands in the next sentence
            "För ändamålet får Testverket använda högst 2 500 000 kronor från anslaget 1:1 "
            "Testverket inom utgiftsområde 9 Hälsovård, sjukvård och social omsorg. Medlen ska "
            "användas under 2026.",
            [("2026", "beviljat", 2_500_000)],
        ),
        (  # the part of money the agency already has
            "Av de 10 000 000 kronor som Testverket har fått för 2026 för stöd till vården får "
            "1 200 000 kronor användas för detta uppdrag.",
            [("2026", "beviljat", 1_200_000)],
        ),
        (  # a total split up in a table after it
            "Testverket får använda högst 7 500 000 kronor under 2026–2028 för uppdraget enligt "
            "följande fördelning.\n\nBelopp (tkr) 2026 2027 2028\n3 000 2 500 2 000",
            [
                ("2026", "beviljat", 3_000_000),
                ("2027", "beviljat", 2_500_000),
                ("2028", "beviljat", 2_000_000),
            ],
        ),
        (  # a table that does not add up to the total: both stay for review
            "Testverket får använda högst 9 000 000 kronor under 2026–2028 för uppdraget enligt "
            "följande fördelning.\n\nBelopp (tkr) 2026 2027 2028\n3 000 2 500 2 000",
            [
                ("2026", "beviljat", 3_000_000),
                ("2026–2028", "beviljat", 9_000_000),
                ("2027", "beviljat", 2_500_000),
                ("2028", "beviljat", 2_000_000),
            ],
        ),
        (  # a conditional grant is planned; a second amount the same year is another row
            "Under förutsättning att riksdagen beslutar om medel tilldelas Testverket 1,2 "
            "miljarder kronor under 2026. Under förutsättning att riksdagen beslutar om sådana "
            "medel tilldelas Testverket dessutom tre miljoner kronor för administration under "
            "2026.",
            [("2026", "beräknat", 3_000_000), ("2026", "beräknat", 1_200_000_000)],
        ),
        (  # money of the past and a repayment condition are no rows
            "Testverket får använda 500 000 kronor under 2026. Testverket fick 2024 3 000 000 "
            "kronor för ett liknande uppdrag. Medel som inte har använts ska återbetalas.",
            [("2026", "beviljat", 500_000)],
        ),
        (  # "Medlen ska användas under 2026–2027" names no single year for the amount
            "Testverket får använda högst 2 500 000 kronor för uppdraget. Medlen ska användas "
            "under 2026–2027.",
            [],
        ),
    ],
)
def test_money_wording_round_seven(body: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(money(decision(body))) == expected


def test_respectively_splits_money_between_the_addressed_agencies() -> None:
    text = (
        "Miljödepartementet\n\nUppdrag till Länsstyrelsen i Skåne län och Länsstyrelsen i "
        "Västra Götalands län att samordna åtgärder\n\nRegeringens beslut\n\nRegeringen ger "
        "Länsstyrelsen i Skåne län och Länsstyrelsen i Västra Götalands län i uppdrag att "
        "samordna åtgärder.\n\nLänsstyrelserna får för 2026 använda 2 000 000 kronor respektive "
        "1 500 000 kronor för uppdraget.\n\nPå regeringens vägnar\n\nAnna Andersson\n\nBo Berg\n"
    )
    budget = draft_from_text(text).data["budget"]
    assert [(line["myndighet"], line["år"]) for line in budget] == [  # type: ignore[attr-defined]
        ("Länsstyrelsen i Skåne län", {2026: {"beviljat": 2_000_000}}),
        ("Länsstyrelsen i Västra Götalands län", {2026: {"beviljat": 1_500_000}}),
    ]


def test_same_amount_twice_for_a_year_is_one_row() -> None:
    budget = draft_from_text(
        decision(
            "Testverket får använda 500 000 kronor under 2026. Medlen om 500 000 kronor får "
            "användas under 2026."
        )
    ).data["budget"]
    assert len(budget) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "body",
    [
        # a duty another document lays down, quoted
        "Av regleringsbrevet för 2026 framgår att Testverket ska redovisa insatserna senast den "
        "22 februari 2027.",
        # a committee's directive, cited by number
        "Utredningen ska redovisa sitt uppdrag senast den 30 juni 2026 (dir. 2025:12).",
    ],
)
def test_cited_duties_of_other_documents_are_no_deadlines(body: str) -> None:
    assert dates(decision(body)) == []


def test_own_deadline_next_to_cited_directive_is_kept() -> None:
    body = (
        "Utredningen ska redovisa sitt uppdrag senast den 30 juni 2026 (dir. 2025:12). "
        "Testverket ska redovisa uppdraget senast den 1 oktober 2026."
    )
    assert dates(decision(body)) == ["2026-10-01"]


def test_proposed_appropriation_in_budget_bill_is_no_money() -> None:
    body = (
        "Regeringen har i budgetpropositionen för 2026 föreslagit att 50 miljoner kronor "
        "anvisas för läsfrämjande insatser under 2026."
    )
    assert money(decision(body)) == []
    assert money(decision("För uppdraget anvisas 2 000 000 kronor under 2026.")) == [
        ("2026", "beviljat", 2_000_000)
    ]


def test_appropriation_name_keeps_inom_and_title_drops_ska() -> None:
    body = (
        "En delredovisning av uppdraget ska lämnas senast den 31 mars 2027. Testverket får "
        "använda 8 000 000 kronor under 2026. Kostnaderna ska belasta utgiftsområde 9 "
        "Hälsovård, sjukvård och social omsorg, anslaget 4:5 Stimulansbidrag och åtgärder inom "
        "äldrepolitiken, ap.2 Åtgärder inom äldrepolitiken."
    )
    assert [e["titel"] for e in deadlines(decision(body))] == ["Delredovisning av uppdraget"]
    budget = draft_from_text(decision(body)).data["budget"]
    assert isinstance(budget, list)
    assert budget[0]["anslag"]["namn"] == "Stimulansbidrag och åtgärder inom äldrepolitiken"


# --- money: years from payouts, parts per appropriation, value frames -------------------------


def test_yearless_grant_takes_the_year_of_its_payout() -> None:
    text = decision(
        "För uppdraget disponerar Testverket 400 000 kronor. Medlen betalas ut efter rekvisition "
        "som ska lämnas senast den 1 oktober 2027."
    )
    assert money(text) == [("2027", "beviljat", 400_000)]
    assert any("utbetalning eller rekvisition" in n for n in draft_from_text(text).review)


def test_yearless_grant_takes_the_year_the_task_is_for() -> None:
    text = decision(
        "Testverket ska under 2027 fördela medel till kommunerna. För uppdraget får Testverket "
        "disponera 20 000 000 kronor."
    )
    assert money(text) == [("2027", "beviljat", 20_000_000)]


@pytest.mark.parametrize(
    "body",
    [
        # a report date says nothing about the year of the money
        "För uppdraget disponerar Testverket 400 000 kronor. Testverket ska slutredovisa "
        "uppdraget senast den 1 mars 2028.",
        # two years named: which one is not for the importer to guess
        "Testverket ska under 2026 kartlägga och under 2027 fördela medel. För uppdraget får "
        "Testverket disponera 20 000 000 kronor.",
    ],
)
def test_yearless_grant_without_a_payout_or_one_year_stays_for_the_human(body: str) -> None:
    text = decision(body)
    assert money(text) == []
    assert any("saknar år" in n for n in draft_from_text(text).review)


def test_a_total_split_over_appropriations_becomes_its_parts() -> None:
    text = decision(
        "Testverket får för uppdraget disponera högst 700 000 kronor under 2026. Av dessa medel "
        "ska 400 000 kronor belasta utgiftsområde 9 Hälsovård, sjukvård och social omsorg, "
        "anslaget 1:6 Bidrag till folkhälsa och sjukvård, anslagsposten 3 och 300 000 kronor "
        "belasta utgiftsområde 1 Rikets styrelse, anslaget 6:1 Allmänna val och demokrati, "
        "anslagsposten 2."
    )
    budget = draft_from_text(text).data["budget"]
    assert [(line["anslag"]["anslag"], line["anslag"]["anslagspost"]) for line in budget] == [
        ("1:6", 3),
        ("6:1", 2),
    ]
    assert money(text) == [("2026", "beviljat", 400_000), ("2026", "beviljat", 300_000)]


def test_parts_that_do_not_add_up_to_the_total_are_no_rows() -> None:
    text = decision(
        "Testverket får för uppdraget disponera högst 900 000 kronor under 2026. Av dessa medel "
        "ska 400 000 kronor belasta anslaget 1:6 och 300 000 kronor belasta anslaget 6:1."
    )
    assert money(text) == [("2026", "beviljat", 900_000)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Under 2026 får Testverket skänka utrustning till ett belopp av högst sexton miljoner "
            "kronor.",
            [("2026", "beviljat", 16_000_000)],
        ),
        (
            "Regeringen uppdrar åt Testverket att under 2026 donera materiel till ett belopp av "
            "högst 2 000 000 kronor.",
            [("2026", "beviljat", 2_000_000)],
        ),
        # the others' side of a grant is no money of the agency's
        (
            "Kommunerna får under 2026 ansöka om bidrag till ett belopp av högst 50 000 kronor "
            "per projekt.",
            [],
        ),
    ],
)
def test_value_frames_the_agency_may_give(
    sentence: str, expected: list[tuple[str, str, int]]
) -> None:
    assert money(decision(sentence)) == expected


# --- listed dates that make a series ---------------------------------------------------------


def series(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (str(e.get("datum")), e.get("upprepas"), e.get("till") and str(e["till"]), e["typ"])
        for e in deadlines(text)
    ]


def test_three_listed_yearly_dates_before_a_final_report_are_a_series() -> None:
    text = decision(
        "Testverket ska senast den 30 november 2026, 30 november 2027 och 30 november 2028 "
        "delredovisa och senast den 30 november 2029 slutredovisa uppdraget till "
        "Regeringskansliet."
    )
    assert series(text) == [
        ("2026-11-30", "årligen", "2028-11-30", "delredovisning"),
        ("2029-11-30", None, None, "slutredovisning"),
    ]


def test_two_listed_dates_with_respektive_are_a_series() -> None:
    text = decision(
        "Testverket ska senast den 1 mars 2026 respektive den 1 mars 2027 delredovisa och den "
        "1 mars 2028 slutredovisa uppdraget."
    )
    assert series(text)[0] == ("2026-03-01", "årligen", "2027-03-01", "delredovisning")


def test_quarter_ends_in_a_row_are_a_quarterly_series() -> None:
    text = decision(
        "Testverket ska lämna en statusrapport till Regeringskansliet senast den 31 mars, den "
        "30 juni, den 30 september och den 31 december 2026. Uppdraget ska slutredovisas senast "
        "den 31 mars 2027."
    )
    assert series(text)[0] == ("2026-03-31", "kvartalsvis", "2026-12-31", "delredovisning")


def test_a_listed_run_with_nothing_after_it_ends_in_the_final_report() -> None:
    text = decision(
        "Testverket ska lämna en redovisning till Regeringskansliet senast den 31 mars 2026, den "
        "31 mars 2027 och den 31 mars 2028."
    )
    assert series(text) == [
        ("2026-03-31", None, None, "delredovisning"),
        ("2027-03-31", None, None, "delredovisning"),
        ("2028-03-31", None, None, "slutredovisning"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # two dates without "respektive": a partial and a final report
        "Uppdraget ska redovisas senast den 1 mars 2026 och den 1 mars 2027.",
        # not evenly spaced
        "Testverket ska delredovisa senast den 1 mars 2026, den 1 mars 2027 och den 1 mars 2029 "
        "och slutredovisa senast den 1 mars 2030.",
        # different days
        "Testverket ska delredovisa senast den 1 mars 2026, den 2 mars 2027 och den 1 mars 2028 "
        "och slutredovisa senast den 1 mars 2030.",
    ],
)
def test_other_listed_dates_stay_separate(body: str) -> None:
    assert all(repeats is None for _, repeats, _, _ in series(decision(body)))


def test_yearly_report_in_the_annual_report_takes_the_assignments_period() -> None:
    text = decision(
        "Testverket ska under perioden 2026–2028 anordna kurser inom uppdraget. En redogörelse "
        "för kurserna ska årligen lämnas i Testverkets årsredovisning."
    )
    assert series(text) == [("2027-02-22", "årligen", "2029-02-22", "årlig redovisning")]


def test_report_with_the_annual_report_takes_the_funded_year() -> None:
    text = decision(
        "Testverket får använda 2 000 000 kronor under 2026 för uppdraget. Resultatet ska "
        "redovisas i samband med Testverkets årsredovisning."
    )
    assert [e["datum"] for e in deadlines(text)] == ["2027-02-22"]


def test_yearly_report_in_the_annual_report_without_any_year_stays_undated() -> None:
    text = decision("En redogörelse ska årligen lämnas i Testverkets årsredovisning.")
    assert dates(text) == ["löpande"]


def test_a_county_board_as_recipient_keeps_its_county() -> None:
    text = decision(
        "Testverket ska senast den 1 mars 2027 redovisa uppdraget till Länsstyrelsen i "
        "Stockholms län med kopia till Regeringskansliet (Kulturdepartementet)."
    )
    assert [e["mottagare"] for e in deadlines(text)] == ["Länsstyrelsen i Stockholms län"]


def test_yearly_date_without_years_takes_the_assignments_period() -> None:
    text = (
        "Uppdrag till Testverket att driva ett centrum\n\n"
        "Regeringen ger Testverket i uppdrag att under perioden 2026–2030 driva ett centrum för "
        "mathantverk.\n\nTestverket ska årligen, senast den 28 februari, lämna en delredovisning "
        "av uppdraget till Regeringskansliet. Testverket ska senast den 28 februari 2031 lämna en "
        "slutredovisning av uppdraget.\n"
    )
    assert series(text)[:1] == [("2027-02-28", "årligen", "2030-02-28", "årlig redovisning")]


def test_yearly_series_ends_before_the_final_report_that_follows_it() -> None:
    text = decision(
        "Testverket ska senast den 28 februari 2026 lämna en slutredovisning av åtgärd 1. "
        "Testverket ska från och med 2027 årligen, senast den 28 februari, lämna en "
        "delredovisning av åtgärd 2. Testverket ska senast den 28 februari 2031 lämna en "
        "slutredovisning av hela uppdraget."
    )
    yearly = [s for s in series(text) if s[1]]
    assert yearly == [("2027-02-28", "årligen", "2030-02-28", "årlig redovisning")]


def test_listed_annual_reports_are_a_series() -> None:
    text = decision(
        "Testverket ska lämna en delredovisning av uppdraget i årsredovisningarna för 2025, 2026 "
        "och 2027. Uppdraget ska slutredovisas senast den 15 februari 2029."
    )
    assert series(text)[0] == ("2026-02-22", "årligen", "2028-02-22", "delredovisning")


def test_letterhead_title_heading_and_regeringens_beslut() -> None:
    text = (
        "Regeringsbeslut I:3\n2026-03-12\nS2026/00123\nSocialdepartementet\n\n"
        "Folkhälsomyndigheten\n104 05 Stockholm\n\n"
        "Utbetalning av medel till ideella organisationer inom folkhälsoområdet\n\n"
        "Regeringens beslut\n\nRegeringen uppdrar åt Folkhälsomyndigheten att betala ut 24 "
        "miljoner kronor till organisationerna.\n\nPå regeringens vägnar\n"
    )
    draft = draft_from_text(text)
    assert draft.data["titel"] == (
        "Utbetalning av medel till ideella organisationer inom folkhälsoområdet"
    )
    assert draft.data["diarienummer"] == ["S2026/00123"]
    assert money(text) == [("2026", "beviljat", 24_000_000)]


def test_open_yearly_series_ends_within_the_assignments_validity() -> None:
    text = decision(
        "Testverket ska årligen, senast den 1 oktober, med start 2026 redovisa arbetet till "
        "Regeringskansliet. Uppdraget gäller till och med den 31 december 2029."
    )
    assert series(text) == [("2026-10-01", "årligen", "2029-10-01", "årlig redovisning")]
    # without an end anywhere, an open series: `upprepas` without `till` (the draft says so)
    open_ended = decision(
        "Testverket ska årligen, senast den 1 oktober, med start 2026 redovisa arbetet till "
        "Regeringskansliet."
    )
    assert series(open_ended) == [("2026-10-01", "årligen", None, "årlig redovisning")]
    assert any("ingen sista gång" in n for n in draft_from_text(open_ended).review)


@pytest.mark.parametrize(
    ("body", "first"),
    [
        (
            "Skriftliga redovisningar lämnas till Socialdepartementet senast den 15 december "
            "varje år, från och med 2027.",
            "2027-12-15",
        ),
        (
            "Från och med 2028 ska bedömningen årligen redovisas till Regeringskansliet "
            "(Socialdepartementet) senast den 22 februari.",
            "2028-02-22",
        ),
    ],
)
def test_a_yearly_report_with_no_end_is_an_open_series_that_check_accepts(
    body: str, first: str, tmp_path: Path
) -> None:
    assert series(decision(body)) == [(first, "årligen", None, "årlig redovisning")]
    out = tmp_path / "utkast.yaml"
    out.write_text(draft_from_text(decision(body)).to_yaml(), encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-c", "from uppdragskoll.cli import main; main()", "check", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "UPPDRAG_CACHE": "0"},
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "info[upprepning-utan-slut]" in checked.stdout


def test_the_final_report_that_ends_a_yearly_sentence_does_not_repeat() -> None:
    text = decision(
        "Den första redovisningen ska lämnas den 1 mars 2027 till Regeringskansliet "
        "(Socialdepartementet) och därefter den 1 mars varje år fram till att uppdraget "
        "slutredovisas den 1 mars 2030."
    )
    assert series(text) == [
        ("2027-03-01", "årligen", "2029-03-01", "årlig redovisning"),
        ("2030-03-01", None, None, "slutredovisning"),
    ]


def test_a_yearly_report_with_only_its_last_year_is_never_an_open_series() -> None:
    text = decision(
        "Testverket ska årligen t.o.m. 2031 redovisa uppdraget till Regeringskansliet "
        "(Socialdepartementet) senast den 15 april för respektive år."
    )
    # without the decision date, the last time alone, for the human to extend (and no
    # undated yearly report besides it from the same sentence)
    assert series(text) == [("2031-04-15", None, None, "årlig redovisning")]
    # with it, the first 15 April after the decision starts the series
    (entry,) = draft_from_text(text, decided="2027-05-20").data["redovisningar"]
    assert (entry["datum"], entry["upprepas"], entry["till"]) == (
        "2028-04-15",
        "årligen",
        "2031-04-15",
    )


def test_a_yearless_yearly_report_dated_from_the_decision_keeps_saying_it_recurs() -> None:
    text = decision(
        "Testverket ska årligen senast den 1 mars redovisa arbetet till Regeringskansliet."
    )
    draft = draft_from_text(text, decided="2026-03-15")
    (entry,) = draft.data["redovisningar"]
    assert entry["datum"] == "2027-03-01" and "till" not in entry
    # the first time comes from the decision date, and the series has no end: both are said
    assert "efter beslutsdatumet 2026-03-15" in entry["anteckning"]
    assert "ingen sista gång" in entry["anteckning"]
    assert any("ingen sista gång" in n and "beslutsdatumet" in n for n in draft.review)


# --- round K: ongoing duties, payments to each receiver, proposals, subsets, first dates ----


@pytest.mark.parametrize(
    "body",
    [
        "Testverket ska hålla Justitiedepartementet informerat om hur arbetet med uppdraget "
        "fortskrider.",
        "Testverket ska under uppdragets genomförande hålla Regeringskansliet "
        "(Landsbygds- och infrastrukturdepartementet) informerat.",
        "Testverket och Skolverket ska löpande stämma av arbetet med Regeringskansliet.",
        "Testverket ska informera Regeringskansliet om arbetets gång.",
        "Testverket ska:\n\n* kartlägga läget när det gäller:\n\n1. lägesbilden,\n2. aktörerna."
        "\n\n* löpande informera Regeringskansliet om hur arbetet fortskrider.",
    ],
)
def test_ongoing_duties_towards_the_government(body: str) -> None:
    assert dates(decision(body)) == ["löpande"]


@pytest.mark.parametrize(
    "body",
    [
        "Testverket ska kontinuerligt informera och stödja utförare av äldreomsorg.",
        "Testverket ska informera kommunerna om möjligheten att söka bidrag.",
    ],
)
def test_informing_others_is_no_ongoing_report(body: str) -> None:
    assert dates(decision(body)) == []


def test_an_amount_to_each_named_receiver_is_their_sum() -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att för år 2026 betala ut 420 000 kronor till vardera "
        "Umeå kommun, Ekerö kommun och Falu kommun."
    )
    assert money(text) == [("2026", "beviljat", 1_260_000)]
    assert any("var och en av 3 mottagare" in n for n in draft_from_text(text).review)
    # "till vardera kommun" names no count: the amount stays as written
    one = decision("Testverket får under 2026 betala ut 420 000 kronor till vardera kommun.")
    assert money(one) == [("2026", "beviljat", 420_000)]


def test_a_proposal_for_the_assignment_is_planned_money() -> None:
    text = decision(
        "Regeringen har i vårändringsbudgeten för 2026 föreslagit att Testverkets anslag ska "
        "ökas med 100 000 000 kronor för 2026. Nu ger regeringen Testverket i uppdrag att "
        "förbereda finansieringen."
    )
    assert money(text) == [("2026", "beräknat", 100_000_000)]


@pytest.mark.parametrize(
    ("body", "background"),
    [
        # about something else, in a paragraph of its own
        (
            "Testverket ska redovisa uppdraget senast den 1 mars 2027.\n\nRegeringen har i "
            "budgetpropositionen för 2026 föreslagit att anslaget för kollektivtrafik ökas med "
            "50 miljoner kronor för 2026.",
            "",
        ),
        # under Bakgrund
        (
            "Testverket ska redovisa uppdraget senast den 1 mars 2027.",
            "Regeringen har i budgetpropositionen för 2026 föreslagit att Testverkets anslag "
            "ökas med 50 miljoner kronor för 2026.",
        ),
    ],
)
def test_other_proposals_are_no_rows(body: str, background: str) -> None:
    assert money(decision(body, background=background)) == []


def test_a_part_within_the_totals_year_is_no_row() -> None:
    text = decision(
        "Testverket får för åtgärden använda 7 miljoner kronor under 2026, varav 1 miljon kronor "
        "öronmärks för den offentliga sektorn. Testverket får för en annan åtgärd använda 1 "
        "miljon kronor under 2026, varav 500 000 kronor ska användas till ett program."
    )
    assert money(text) == [("2026", "beviljat", 7_000_000), ("2026", "beviljat", 1_000_000)]


def test_yearly_date_without_years_starts_after_the_decision_date() -> None:
    text = (
        "Regeringsbeslut\n2026-04-10\nKN2026/01234\nKlimat- och näringslivsdepartementet\n\n"
        "Uppdrag till Testverket att stödja batteriindustrin\n\nRegeringen ger Testverket i "
        "uppdrag att stödja batteriindustrin.\n\nTestverket ska årligen senast den 28 februari "
        "lämna en delredovisning till Regeringskansliet. Testverket ska senast den 28 februari "
        "2030 lämna en slutredovisning av uppdraget.\n"
    )
    assert series(text)[0] == ("2027-02-28", "årligen", "2029-02-28", "delredovisning")


def test_yearly_in_the_annual_report_from_a_first_one_is_one_series() -> None:
    text = decision(
        "En delrapportering av uppdraget ska ske årligen i årsredovisningen med start i "
        "årsredovisningen för 2026. Uppdraget ska slutredovisas till Regeringskansliet "
        "(Socialdepartementet) senast den 30 november 2029."
    )
    assert series(text) == [
        ("2027-02-22", "årligen", "2029-02-22", "delredovisning"),
        ("2029-11-30", None, None, "slutredovisning"),
    ]


def test_a_date_followed_by_a_case_number_is_a_cited_decision() -> None:
    text = decision(
        "Med ändring av regeringens beslut om uppdrag till Testverket att genomföra "
        "laserskanning den 17 maj 2026 (N2026/03101/SK) beslutar regeringen att följande ska "
        "gälla i den del som avser Testverkets redovisning. Uppdraget ska redovisas senast den "
        "1 mars 2028."
    )
    assert dates(text) == ["2028-03-01"]


def test_with_the_final_report_when_the_last_report_is_not_named_so() -> None:
    text = decision(
        "En redovisning av uppdraget ska lämnas till Regeringskansliet senast den 31 mars 2027. "
        "Medel som inte har utnyttjats ska återbetalas till Kammarkollegiet senast i samband med "
        "slutredovisning."
    )
    assert series(text) == [
        ("2027-03-31", None, None, "slutredovisning"),
        ("2027-03-31", None, None, "återbetalning"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vidare ska Testverket lämna en slutrapport, inklusive en ekonomisk redovisning, till "
        "Regeringskansliet senast den 31 mars 2027.",
        "Testverket ska slutredovisa uppdraget samt lämna en ekonomisk redovisning av använda "
        "medel till Regeringskansliet senast den 31 mars 2027.",
        "Uppdraget, inbegripet en ekonomisk redovisning, ska slutredovisas till "
        "Regeringskansliet senast den 31 mars 2027.",
        "En rapport om uppdraget, tillsammans med en redovisning av hur medlen har använts, ska "
        "lämnas till Regeringskansliet senast den 31 mars 2027.",
        "Slutrapport om uppdraget och redovisning av hur medlen har förbrukats ska lämnas till "
        "Regeringskansliet senast den 31 mars 2027.",
    ],
)
def test_a_final_report_including_the_financial_one_is_the_final_report(sentence: str) -> None:
    assert series(decision(sentence)) == [("2027-03-31", None, None, "slutredovisning")]


def test_a_department_name_with_a_capital_after_och_is_normalised() -> None:
    text = decision(
        "Testverket ska senast den 1 mars 2027 redovisa uppdraget till Regeringskansliet "
        "(Landsbygds- och Infrastrukturdepartementet)."
    )
    assert [e["mottagare"] for e in deadlines(text)] == [
        "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)"
    ]


def test_the_kind_after_a_date_stops_at_the_next_delivery() -> None:
    text = decision(
        "En redovisning av uppdraget ska lämnas till Regeringskansliet senast den 6 december "
        "2026 med en delredovisning senast den 31 maj 2026."
    )
    assert series(text) == [
        ("2026-05-31", None, None, "delredovisning"),
        ("2026-12-06", None, None, "slutredovisning"),
    ]


def test_sedan_meaning_then_does_not_hide_a_yearly_date() -> None:
    text = decision(
        "Testverket ska senast den 15 februari 2027 redovisa en plan för arbetet. Testverket "
        "ska sedan årligen den 15 februari med start 2028 redovisa vidtagna åtgärder. Uppdraget "
        "ska slutredovisas senast den 3 oktober 2030."
    )
    assert series(text) == [
        ("2027-02-15", None, None, "plan"),
        ("2028-02-15", "årligen", "2030-02-15", "årlig redovisning"),
        ("2030-10-03", None, None, "slutredovisning"),
    ]


def test_sedan_meaning_since_is_still_a_starting_point() -> None:
    text = decision(
        "Testverket har sedan den 1 juli 2025 ansvar för registret. Uppdraget ska redovisas "
        "senast den 1 mars 2027."
    )
    assert dates(text) == ["2027-03-01"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Senast den 16 januari 2027 ska Testverket redovisa till regeringen hur myndigheten "
        "avser att genomföra uppdraget.",
        "Testverket ska senast den 16 januari 2027 redovisa hur uppdraget är planerat att "
        "genomföras, och vilka resultat som förväntas, till Regeringskansliet.",
        "Testverket ska senast den 16 januari 2027 redovisa hur myndigheten har planerat "
        "genomföra uppdraget i den del som handlar om informationsinsatser.",
    ],
)
def test_how_the_agency_means_to_carry_out_the_assignment_is_a_plan(sentence: str) -> None:
    text = decision(sentence + " Uppdraget ska slutredovisas senast den 1 december 2028.")
    assert series(text) == [
        ("2027-01-16", None, None, "plan"),
        ("2028-12-01", None, None, "slutredovisning"),
    ]


def test_a_partial_report_containing_a_plan_is_a_partial_report() -> None:
    text = decision(
        "Därutöver ska en delredovisning innehållande en utvärdering och en plan för det "
        "fortsatta arbetet redovisas till Regeringskansliet den 1 april 2027. En "
        "slutredovisning ska lämnas senast den 29 mars 2029."
    )
    assert [e["typ"] for e in deadlines(text)] == ["delredovisning", "slutredovisning"]


@pytest.mark.parametrize(
    "sentence",
    [
        "En första redovisning ska dock lämnas till Regeringskansliet senast den 30 juni 2027.",
        "Uppdraget ska såvitt avser punkterna 1 och 2 redovisas till Regeringskansliet senast "
        "den 30 juni 2027.",
        "Testverket ska till Regeringskansliet redovisa framdriften av uppdraget den 30 juni 2027.",
    ],
)
def test_words_that_make_a_dated_report_a_partial_one(sentence: str) -> None:
    assert series(decision(sentence)) == [("2027-06-30", None, None, "delredovisning")]


def test_the_only_report_without_such_words_is_the_final_one() -> None:
    text = decision("Uppdraget ska redovisas till Regeringskansliet senast den 30 juni 2027.")
    assert series(text) == [("2027-06-30", None, None, "slutredovisning")]


def test_dates_after_foljande_tillfallen_take_the_kind_before_the_list() -> None:
    text = decision(
        "Testverket ska till Regeringskansliet redovisa framdriften av uppdraget vid följande "
        "tillfällen; den 8 juni 2026, den 14 december 2026 och den 14 juni 2027. Regeringen "
        "avser därefter att återkomma med tidpunkter för redovisningstillfällen."
    )
    assert {e["typ"] for e in deadlines(text)} == {"delredovisning"}
    assert dates(text) == ["2026-06-08", "2026-12-14", "2027-06-14"]


def test_a_programme_period_dates_reports_in_the_annual_report() -> None:
    text = decision(
        "Forskningsprogrammet ska sträcka sig över perioden 2026–2029. Testverket ska årligen "
        "till Regeringskansliet lämna en särskild rapport om programmet i samband med "
        "årsredovisningen. En slutredovisning ska lämnas senast den 29 mars 2030."
    )
    assert series(text)[0] == ("2027-02-22", "årligen", "2030-02-22", "årlig redovisning")


def test_a_programme_period_in_the_past_tense_dates_nothing() -> None:
    text = decision(
        "Programmet pågick under perioden 2016–2019. Testverket ska årligen till "
        "Regeringskansliet lämna en rapport om verksamheten i samband med årsredovisningen."
    )
    assert [e.get("löpande") for e in deadlines(text)] == [True]


@pytest.mark.parametrize(
    ("words", "kronor"),
    [
        ("fem och en halv miljon kronor", 5_500_000),
        ("en och en halv miljard kronor", 1_500_000_000),
    ],
)
def test_number_words_with_a_half(words: str, kronor: int) -> None:
    text = decision(
        f"Testverket ska under 2026 betala ut {words} till Sveriges Kommuner och Regioner."
    )
    assert money(text) == [("2026", "beviljat", kronor)]


def test_a_part_another_agency_receives_is_that_agencys_row() -> None:
    text = decision(
        "Testverket får använda högst 21 000 000 kronor 2026 för uppdraget från det under "
        "utgiftsområde 24 Näringsliv uppförda anslaget 1:8 Sveriges geologiska undersökning. "
        "Av de medel som är tillgängliga för uppdraget ska Testverket vidare lämna bidrag till "
        "Naturvårdsverket med högst 4 000 000 kronor för 2026."
    )
    budget = draft_from_text(text).data["budget"]  # type: ignore[index]
    rows = {
        (line["myndighet"], y, a.get("beviljat")) for line in budget for y, a in line["år"].items()
    }  # type: ignore[union-attr]
    assert rows == {("Testverket", 2026, 21_000_000), ("Naturvårdsverket", 2026, 4_000_000)}


def test_a_part_of_the_agencys_own_money_is_no_row() -> None:
    text = decision(
        "Testverket får använda högst 21 000 000 kronor 2026 för uppdraget. Av medlen ska "
        "4 000 000 kronor användas för en förstudie."
    )
    assert money(text) == [("2026", "beviljat", 21_000_000)]


def test_from_the_appropriation_means_the_one_named_before() -> None:
    text = decision(
        "Testverket får använda högst 21 000 000 kronor 2026 från det under utgiftsområde 24 "
        "Näringsliv uppförda anslaget 1:8 Sveriges geologiska undersökning. Av de medel som är "
        "tillgängliga ska Testverket lämna bidrag till Naturvårdsverket med högst 4 000 000 "
        "kronor för 2026. För 2027 beräknas 21 000 000 kronor från anslaget användas för samma "
        "ändamål."
    )
    assert _charged(text)[("2027", "beräknat")] == "1:8"


def test_an_agency_acting_through_a_unit_is_the_agency_and_the_unit_its_short_name() -> None:
    text = (
        "Justitiedepartementet\n\nUppdrag om extremism\n\nRegeringens beslut\n\n"
        "Regeringen ger Brottsförebyggande rådet (Brå) genom Center mot våldsbejakande "
        "extremism (CVE) och Polismyndigheten i uppdrag att vidta åtgärder.\n\n"
        "CVE vid Brå och Polismyndigheten ska senast den 20 februari 2027 lämna varsin "
        "delredovisning av uppdraget till Regeringskansliet (Justitiedepartementet).\n"
    )
    data = draft_from_text(text).data
    assert [a["namn"] for a in data["myndigheter"]] == [  # type: ignore[index]
        "Brottsförebyggande rådet",
        "Polismyndigheten",
    ]
    assert series(text) == [("2027-02-20", None, None, "delredovisning")]


def test_money_returned_and_used_money_reported_at_the_same_time() -> None:
    text = decision(
        "Pengar som inte har använts returneras till Kammarkollegiet senast den 31 mars 2027. "
        "Samtidigt redovisar Testverket använda medel till Kammarkollegiet."
    )
    assert [(e["datum"], e["typ"], e["mottagare"]) for e in deadlines(text)] == [
        ("2027-03-31", "återbetalning", "Kammarkollegiet"),
        ("2027-03-31", "ekonomisk redovisning", "Kammarkollegiet"),
    ]


def test_money_not_used_by_a_date_is_a_condition_not_a_return() -> None:
    text = decision(
        "Testverket får använda 2 000 000 kronor under 2026. Medel som inte har använts vid "
        "utgången av 2026 får användas 2027."
    )
    assert deadlines(text) == []


def test_a_second_verb_in_the_sentence_delivers_to_its_own_recipient() -> None:
    text = decision(
        "Senast den 31 mars 2027 slutrapporterar Testverket projektet till Kammarkollegiet och "
        "redovisar arbetsresultatet till Regeringskansliet (Socialdepartementet)."
    )
    assert [(e["datum"], e["typ"], e["mottagare"]) for e in deadlines(text)] == [
        ("2027-03-31", "slutredovisning", "Kammarkollegiet"),
        ("2027-03-31", "slutredovisning", "Regeringskansliet (Socialdepartementet)"),
    ]


def test_a_report_without_recipient_takes_the_one_just_before_in_its_paragraph() -> None:
    text = decision(
        "Senast den 31 mars 2028 ska Testverket slutrapportera till Kammarkollegiet.\n\n"
        "Resultatet ska senast den 31 mars 2027 delredovisas till Regeringskansliet "
        "(Socialdepartementet). Arbetet slutredovisas senast den 31 mars 2028."
    )
    assert sorted((str(e["datum"]), e["mottagare"]) for e in deadlines(text)) == [
        ("2027-03-31", "Regeringskansliet (Socialdepartementet)"),
        ("2028-03-31", "Kammarkollegiet"),
        ("2028-03-31", "Regeringskansliet (Socialdepartementet)"),
    ]


def test_yearly_in_the_annual_report_after_a_dated_report() -> None:
    text = decision(
        "Testverket ska senast den 15 januari 2027 redovisa de delar av uppdraget som avser "
        "punkt 1 till Regeringskansliet. Testverket ska därefter årligen i årsredovisningen "
        "redovisa hur arbetet fortskrider. Testverket ska slutredovisa uppdraget i "
        "årsredovisningen för 2029."
    )
    assert series(text)[1] == ("2027-02-22", "årligen", "2029-02-22", "årlig redovisning")


def test_yearly_in_the_annual_report_without_then_stays_undated() -> None:
    text = decision(
        "Testverket ska senast den 15 januari 2027 redovisa en plan till Regeringskansliet. "
        "Testverket ska årligen i årsredovisningen redovisa hur arbetet fortskrider."
    )
    assert [e.get("löpande") for e in deadlines(text)] == [None, True]


def test_the_report_named_in_the_sentence_before_gives_the_recipient() -> None:
    text = decision(
        "Myndigheterna ska lämna in en särskild redovisning till Myndigheten för delaktighet "
        "(MFD). Redovisningen ska lämnas in senast den 1 februari 2027."
    )
    assert [e["mottagare"] for e in deadlines(text)] == ["Myndigheten för delaktighet"]


def test_a_department_named_in_an_undated_sentence_completes_the_recipient() -> None:
    text = (
        "Uppdrag om livsmedelspriser\n\nRegeringens beslut\n\n"
        "Regeringen ger Testverket i uppdrag att följa livsmedelspriserna.\n\n"
        "Testverket ska redovisa uppdraget till Regeringskansliet (Finansdepartementet). "
        "Uppdraget ska delredovisas senast den 1 mars 2027 samt slutredovisas senast den "
        "1 september 2028. Testverket ska löpande informera Regeringskansliet om arbetet.\n"
    )
    dated = [e["mottagare"] for e in deadlines(text) if "datum" in e]
    assert dated == ["Regeringskansliet (Finansdepartementet)"] * 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Ansökan ska ha inkommit till Energimarknadsinspektionen senast den 20 maj 2027.",
        "Ansökan med skälen för de föreslagna åtgärderna ska ha inkommit till "
        "Energimarknadsinspektionen senast den 20 maj 2027.",
    ],
)
def test_an_application_the_agency_makes_is_no_report(sentence: str) -> None:
    assert [(e["typ"], e["mottagare"]) for e in deadlines(decision(sentence))] == [
        ("övrigt", "Energimarknadsinspektionen")
    ]


def test_the_own_deadline_under_a_background_heading_when_the_body_has_none() -> None:
    text = decision(
        "Testverket ska inhämta synpunkter.",
        background=(
            "Regeringen gav den 19 november 2020 Testverket i uppdrag att ta fram ett underlag. "
            "Uppdraget ska redovisas till Regeringskansliet (Finansdepartementet) senast den "
            "30 april 2027."
        ),
    )
    assert series(text) == [("2027-04-30", None, None, "slutredovisning")]


def test_a_background_report_date_is_ignored_when_the_body_has_one() -> None:
    text = decision(
        "Uppdraget ska redovisas senast den 1 december 2027.",
        background="Uppdraget ska redovisas till Regeringskansliet senast den 30 april 2027.",
    )
    assert dates(text) == ["2027-12-01"]


def test_a_date_that_only_says_when_an_event_happens_is_no_deadline() -> None:
    text = decision(
        "En delrapport ska lämnas till Regeringskansliet senast den 1 oktober 2026 för möjlig "
        "användning i samband med Innovationsveckan i Brasilien i oktober 2026. En "
        "slutrapport ska lämnas senast den 31 mars 2027."
    )
    assert dates(text) == ["2026-10-01", "2027-03-31"]


def test_a_second_date_joined_by_och_is_still_a_deadline() -> None:
    text = decision(
        "Testverket ska i samband med arbetet redovisa till Regeringskansliet senast den "
        "1 oktober 2026 och senast den 31 mars 2027."
    )
    assert dates(text) == ["2026-10-01", "2027-03-31"]


def test_a_deadline_described_again_is_read_once_and_takes_its_kind() -> None:
    text = decision(
        "Testverket ska lämna en redovisning till Regeringskansliet senast den 20 oktober "
        "2026, den 31 mars 2027 och den 31 mars 2028. Redovisningen som ska inkomma senast "
        "den 20 oktober 2026 ska innehålla ett förslag på genomförandeplan för arbetet 2027."
    )
    assert series(text) == [
        ("2026-10-20", None, None, "plan"),
        ("2027-03-31", None, None, "delredovisning"),
        ("2028-03-31", None, None, "slutredovisning"),
    ]


def test_weekly_reports_are_an_ongoing_duty() -> None:
    text = decision(
        "Testverket ska bland annat:\n\n"
        "− veckovis lämna en redovisning till Regeringskansliet över antalet genomförda tester,\n\n"
        "− senast den 30 april 2026 lämna en redovisning till Regeringskansliet med en "
        "bedömning av behovet av medel för andra halvåret 2026."
    )
    assert [(e.get("datum"), e.get("löpande"), e["typ"]) for e in deadlines(text)] == [
        ("2026-04-30", None, "slutredovisning"),
        (None, True, "övrigt"),
    ]


def test_a_period_after_for_is_what_a_report_is_about() -> None:
    text = decision(
        "Testverket ska senast den 30 april 2026 redovisa resultaten för första halvåret 2026 "
        "till Regeringskansliet."
    )
    assert dates(text) == ["2026-04-30"]


def test_a_period_after_under_is_still_a_deadline() -> None:
    text = decision("Uppdraget ska redovisas under andra halvåret 2026.")
    assert dates(text) == ["2026-H2"]


def test_what_goes_in_the_agencys_budgetunderlag_is_due_with_it() -> None:
    text = decision(
        "Testverket ska i sitt budgetunderlag för 2027–2029 i samverkan med Statens medieråd "
        "räkna in de uppgifter som ska överföras från Statens medieråd."
    )
    assert [(e["datum"], e["typ"]) for e in deadlines(text)] == [("2026-03-01", "övrigt")]
    assert deadlines(text)[0]["mottagare"].startswith("Regeringskansliet")


def test_a_month_without_year_takes_the_funded_years() -> None:
    text = decision(
        "För genomförandet av uppdraget får Testverket använda 2 miljoner kronor under 2026, "
        "1 miljon kronor under 2027 och 1 miljon kronor under 2028. Testverket ska årligen, "
        "senast vid utgången av mars månad, redovisa uppdraget till Regeringskansliet. "
        "Testverket ska slutredovisa uppdraget senast den 31 december 2028."
    )
    assert series(text)[0] == ("mars 2026", "årligen", "mars 2028", "årlig redovisning")


def test_a_february_date_without_year_reports_on_the_year_before() -> None:
    text = decision(
        "Testverket får använda 1 miljon kronor per år under 2026–2028. Testverket ska "
        "årligen senast den 28 februari redovisa hur arbetet fortskrider till Regeringskansliet."
    )
    first = deadlines(text)[0]
    assert (first["datum"], first["till"]) == ("2027-02-28", "2029-02-28")


def test_a_month_with_its_year_is_not_read_as_yearless() -> None:
    text = decision("Uppdraget ska redovisas senast vid utgången av mars månad 2027.")
    assert dates(text) == ["mars 2027"]


def test_yearly_until_a_year_without_a_start_is_undated_with_the_last_time_noted() -> None:
    text = decision(
        "Testverket ska årligen före september månads utgång fram till 2028 informera "
        "Regeringskansliet (Infrastrukturdepartementet) om nya projekt."
    )
    (entry,) = deadlines(text)
    assert (entry.get("löpande"), entry["mottagare"]) == (
        True,
        "Regeringskansliet (Infrastrukturdepartementet)",
    )
    assert "sista gången september 2028, men inte när den börjar" in entry["anteckning"]


_TWO_MEASURES = (
    "Åtgärd 1. Testverket ska främja vildsvinsjakt. För 2027–2028 beräknas 1 miljon kronor "
    "årligen för åtgärden. Stöd får beviljas enligt förordningen.\n\n"
    "Åtgärd 2. Testverket ska stödja smittskyddsprogrammet. För 2027–2028 beräknas 1 miljon "
    "kronor årligen för åtgärden. Stödet ges enligt villkor i regleringsbrevet.\n\n"
    "Åtgärd 3. Testverket ska utvärdera insatserna. För 2028 beräknas 1 miljon kronor för "
    "åtgärden."
)


def test_the_same_money_sentence_under_two_measures_is_a_line_for_each() -> None:
    draft = draft_from_text(decision(_TWO_MEASURES))
    budget = draft.data["budget"]
    assert isinstance(budget, list)
    # one line per measure, each with its own sentence: the year's total is their sum
    assert [dict(line["år"]) for line in budget] == [
        {2027: {"beräknat": 1_000_000}, 2028: {"beräknat": 1_000_000}},
        {2027: {"beräknat": 1_000_000}, 2028: {"beräknat": 1_000_000}},
        {2028: {"beräknat": 1_000_000}},
    ]
    assert [line["källtext"].startswith("För 2027–2028 beräknas") for line in budget] == [
        True,
        True,
        False,
    ]
    [note] = [n for n in draft.review if "egna rader" in n]
    assert "2027: 1\u00a0000\u00a0000\u00a0kr" in note


def test_the_same_money_in_a_second_copy_of_the_decision_is_counted_once() -> None:
    body = (
        "Testverket får använda 3 miljoner kronor under 2026 för uppdraget. Uppdraget ska "
        "redovisas senast den 1 mars 2027. Testverket ska samverka med Socialstyrelsen. "
        "Testverket ska inhämta synpunkter från regionerna."
    )
    # the copy breaks its paragraphs elsewhere, as a second pdf page often does
    first, rest = body.split(". ", 1)
    text = decision(body + "\n\n" + first + ".\n\n" + rest)
    assert money(text) == [("2026", "beviljat", 3_000_000)]
    assert dates(text) == ["2027-03-01"]


def test_then_yearly_on_the_same_date_until_a_year() -> None:
    text = decision(
        "Uppdraget ska delredovisas till Regeringskansliet senast den 1 mars 2027 och därefter "
        "årligen senast samma datum till och med 2029. Uppdraget ska slutredovisas senast den "
        "1 mars 2030."
    )
    assert series(text)[0][:3] == ("2027-03-01", "årligen", "2029-03-01")


@pytest.mark.parametrize(
    ("then", "repeats", "until"),
    [
        ("och därefter halvårsvis", "halvårsvis", "2027-09-15"),
        ("och därefter var sjätte månad", "halvårsvis", "2027-09-15"),
        ("och därefter kvartalsvis", "kvartalsvis", "2027-09-15"),
        ("och därefter årligen", "årligen", "2027-03-15"),
        ("samt därefter en gång per år", "årligen", "2027-03-15"),
    ],
)
def test_a_date_and_then_every_so_often_is_a_series_until_the_final_report(
    then: str, repeats: str, until: str
) -> None:
    text = decision(
        "Testverket ska lämna en lägesrapport till Regeringskansliet (Socialdepartementet) "
        f"senast den 15 mars 2025 {then}. Uppdraget ska slutredovisas senast den 1 oktober 2027."
    )
    assert series(text)[0][:3] == ("2025-03-15", repeats, until)
    assert dates(text)[-1] == "2027-10-01"


def test_a_date_and_then_every_half_year_without_a_final_report_is_an_open_series() -> None:
    text = decision(
        "Testverket ska lämna en första lägesrapport till Regeringskansliet senast den 15 mars "
        "2025 och därefter halvårsvis."
    )
    [entry] = deadlines(text)
    assert (entry["datum"], entry["upprepas"], "till" in entry) == (
        "2025-03-15",
        "halvårsvis",
        False,
    )


def test_then_with_a_date_of_its_own_is_not_an_open_series() -> None:
    text = decision(
        "Testverket ska redovisa uppdraget senast den 15 mars 2025 och därefter årligen senast "
        "den 1 juli redovisa resultaten av arbetet till Regeringskansliet."
    )
    assert "2025-03-15" in dates(text)
    assert not any(e.get("upprepas") and e.get("datum") == "2025-03-15" for e in deadlines(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska lämna prognoser till Regeringskansliet vid tre tillfällen under 2025: "
        "den 30 januari, den 15 april och den 30 oktober.",
        "Testverket ska under 2025 lämna prognoser till Regeringskansliet senast den 30 januari, "
        "den 15 april och den 30 oktober.",
    ],
)
def test_days_listed_within_a_year_are_in_that_year(sentence: str) -> None:
    assert dates(decision(sentence)) == ["2025-01-30", "2025-04-15", "2025-10-30"]


def test_one_day_after_a_year_of_work_is_the_year_after() -> None:
    text = decision(
        "Arbetet ska bedrivas under 2025 och redovisas till Regeringskansliet senast den 31 mars."
    )
    assert dates(text) == ["2026-03-31"]


def test_a_date_and_yearly_on_the_same_day_before_the_verb_is_a_series() -> None:
    text = decision(
        "Testverket ska:\n\n• senast den 1 september 2026 och årligen senast den 1 september "
        "delredovisa uppdraget till Regeringskansliet,\n• senast den 1 september 2029 "
        "slutredovisa uppdraget till Regeringskansliet."
    )
    assert series(text)[0][:3] == ("2026-09-01", "årligen", "2028-09-01")
    assert dates(text)[-1] == "2029-09-01"


def test_a_plan_and_then_yearly_results_with_verbs_of_their_own_are_two_reports() -> None:
    text = decision(
        "Testverket ska redovisa en plan senast den 1 mars 2026 och därefter årligen senast "
        "den 1 mars redovisa resultaten till Regeringskansliet."
    )
    assert not any(e.get("upprepas") and e["datum"] == "2026-03-01" for e in deadlines(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska beskriva hur arbetet bedrivits i sin årsredovisning för åren 2026–2028.",
        "Testverket ska kommentera arbetet i respektive årsredovisning för åren 2026 – 2028.",
    ],
)
def test_describing_the_work_in_the_annual_reports_is_a_yearly_report(sentence: str) -> None:
    assert series(decision(sentence))[0][:3] == ("2027-02-22", "årligen", "2029-02-22")


def test_describing_or_commenting_outside_the_annual_report_is_no_delivery() -> None:
    text = decision(
        "Testverket ska kommentera förslagen vid ett möte med kommunerna den 1 mars 2027."
    )
    assert dates(text) == []


def test_reporting_the_part_that_concerns_something_is_a_partial_report() -> None:
    text = decision(
        "Testverket ska senast den 1 april 2026 redovisa uppdraget i den del det rör "
        "ersättningen till Regeringskansliet (Socialdepartementet)."
    )
    assert [e["typ"] for e in deadlines(text)] == ["delredovisning"]


def test_a_requirement_changed_as_follows_is_the_replaced_date() -> None:
    text = decision(
        "Det krav på redovisning senast den 15 juni 2026 som avser delprov ändras enligt "
        "följande. Testverket ska i stället lämna en redovisning senast den 30 september 2026."
    )
    [entry] = deadlines(text)
    assert entry["datum"] == "2026-09-30"
    assert [c["datum"] for c in entry["ändringar"]] == ["2026-06-15"]


def test_a_day_written_in_words() -> None:
    text = decision(
        "Testverket ska senast den första december 2026 slutredovisa uppdraget och senast den "
        "femtonde mars 2026 delredovisa det."
    )
    assert sorted(dates(text)) == ["2026-03-15", "2026-12-01"]


def test_a_group_the_decision_names_is_not_the_addressed_agency() -> None:
    text = decision(
        "Regionerna samt Gotlands kommun (nedan kallade planupprättarna) ska upprätta planer. "
        "Planupprättarna ska redovisa sina planer senast den 20 januari 2027 till "
        "Regeringskansliet. Testverket ska redovisa uppdraget senast den 30 september 2026."
    )
    assert dates(text) == ["2026-09-30"]


def test_a_delivery_by_someone_else_that_starts_the_clock_is_not_ours() -> None:
    text = decision(
        "Uppdraget ska genomföras inom tre månader efter att Kriminalvården lämnat sitt "
        "underlag, dock senast i oktober 2028. Uppdraget ska slutredovisas senast den 31 "
        "december 2028."
    )
    assert dates(text) == ["2028-12-31"]


def test_a_law_that_enters_into_force_in_a_relative_clause_is_no_deadline() -> None:
    text = decision(
        "Testverket ska föreslå hur erfarenheterna kan tas till vara i lagändringarna om barn "
        "som träder i kraft den 1 juli 2026. Uppdraget ska redovisas senast den 29 februari 2028."
    )
    assert dates(text) == ["2028-02-29"]


def test_a_yearless_day_after_a_dated_one_takes_its_year() -> None:
    text = decision(
        "Testverket ska senast den 5 februari 2026 delredovisa och senast den 15 juni "
        "slutredovisa uppdraget till Regeringskansliet."
    )
    assert dates(text) == ["2026-02-05", "2026-06-15"]


def test_the_date_of_an_assignment_to_another_agency_is_cited() -> None:
    text = decision(
        "Testverket ska utgå från regeringens uppdrag till Trafikverket den 20 mars 2025 att "
        "upprätta en plan. Testverket ska redovisa uppdraget senast den 30 december 2025."
    )
    assert dates(text) == ["2025-12-30"]


def test_what_others_have_handed_in_on_a_date_is_no_deadline() -> None:
    text = decision(
        "Testverket ska ta hänsyn till de synpunkter som har lämnats till Regeringskansliet "
        "under hearingen om sällsynta tillstånd den 29 november 2023. Uppdraget ska "
        "redovisas senast den 1 mars 2025."
    )
    assert dates(text) == ["2025-03-01"]


def test_the_paying_agencys_own_report_on_the_assignments_finances() -> None:
    text = (
        "Uppdrag till Kammarkollegiet att betala ut medel\n\nRegeringen uppdrar åt "
        "Kammarkollegiet att betala ut 25 500 000 kronor till Sveriges Kommuner och Regioner. "
        "Pengarna betalas ut under 2023.\n\nKammarkollegiet ska senast den 31 mars 2024 "
        "redovisa uppdragets ekonomi för kalenderåret 2023.\n"
    )
    assert [(e["datum"], e["typ"]) for e in deadlines(text)] == [
        ("2024-03-31", "ekonomisk redovisning")
    ]


def test_an_extension_said_of_the_time_in_the_sentence_before() -> None:
    text = decision(
        "Regeringen ändrar tiden för redovisningen. Den förlängs till den 31 mars 2021."
    )
    assert dates(text) == ["2021-03-31"]


def test_one_county_board_reporting_for_the_boards_addressed() -> None:
    text = (
        "Uppdrag om information\n\nRegeringen uppdrar åt länsstyrelserna att informera "
        "allmänheten.\n\nLänsstyrelsen i Skåne län samordnar uppdraget och rapporterar löpande "
        "till Socialdepartementet.\n"
    )
    assert [(e["typ"], e.get("löpande")) for e in deadlines(text)] == [("övrigt", True)]


def test_a_stray_full_stop_between_month_and_year() -> None:
    text = decision(
        "Senast den 31 augusti. 2019 ska Testverket redovisa resultatet till Socialdepartementet."
    )
    assert dates(text) == ["2019-08-31"]


def test_to_be_in_the_governments_hands_by_a_date_is_a_delivery() -> None:
    text = decision(
        "Underlaget och Testverkets yttrande ska vara regeringen (Näringsdepartementet) "
        "tillhanda senast den 20 juni 2018."
    )
    assert [(e["datum"], e.get("mottagare")) for e in deadlines(text)] == [
        ("2018-06-20", "Regeringskansliet (Näringsdepartementet)")
    ]


def test_an_assignment_in_the_agencys_appropriation_letter_is_another_one() -> None:
    text = decision(
        "Hänsyn ska tas till pågående uppdrag i regleringsbrevet för Bolagsverket avseende "
        "2018 som ska redovisas till Regeringskansliet senast den 28 mars 2018. Uppdraget ska "
        "redovisas senast den 1 december 2018."
    )
    assert dates(text) == ["2018-12-01"]


def test_consequences_shown_in_the_budget_documentation() -> None:
    text = decision(
        "De ekonomiska konsekvenserna av förändringen ska framgå av myndighetens "
        "budgetunderlag för 2018–2021."
    )
    assert [(e["datum"], e["typ"]) for e in deadlines(text)] == [("2017-03-01", "övrigt")]


def test_whole_years_from_one_year_and_then_yearly_until_another() -> None:
    text = decision(
        "Testverket ska från och med 2027 och därefter årligen till och med 2030 lämna en "
        "samlad redovisning av uppdraget till Folkhälsomyndigheten."
    )
    assert series(text) == [("2027", "årligen", "2030", "årlig redovisning")]


def test_from_a_year_alone_is_a_starting_point() -> None:
    text = decision(
        "Testverket ska från och med 2027 ansvara för registret. Uppdraget ska redovisas "
        "senast den 1 mars 2028."
    )
    assert dates(text) == ["2028-03-01"]


def test_duties_restated_from_the_assignment_in_an_addition_are_replaced() -> None:
    text = (
        "Tillägg till uppdrag om digital information\n\nRegeringens beslut\n\n"
        "Regeringen har tidigare gett Testverket i uppdrag att informera arbetsgivare. "
        "Regeringen förlänger nu tidpunkten för återrapporteringen.\n\n"
        "Enligt uppdraget ska Testverket senast den 28 februari 2026 föreslå upplägg för "
        "fortsatt samverkan. Enligt uppdraget ska myndigheten även, senast den 1 januari 2027, "
        "redovisa besöksstatistik. Testverket ska istället återrapportera till Regeringskansliet "
        "(Arbetsmarknadsdepartementet) senast den 15 januari 2027.\n"
    )
    assert dates(text) == ["2027-01-15"]


def test_informing_two_departments_of_progress_is_ongoing() -> None:
    text = decision(
        "Testverket ska informera Socialdepartementet och Arbetsmarknadsdepartementet om hur "
        "arbetet fortskrider."
    )
    assert [(e.get("löpande"), e["typ"]) for e in deadlines(text)] == [(True, "övrigt")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Första rapporteringen ska omfatta perioden fr.o.m februari 2026.",
        "Rapporteringen ska följa förordning (EU) 2021/241 av den 12 februari 2027.",
        "Testverket ska årligen publicera en rapport senast den 1 mars.",
        "Avtalet ska bygga på de redovisningar som Länsstyrelsen lämnade den 19 juni 2026 "
        "respektive den 30 augusti 2026.",
    ],
)
def test_dates_that_are_no_deliveries_to_the_government(sentence: str) -> None:
    text = decision(sentence + " Uppdraget ska redovisas senast den 1 december 2027.")
    assert dates(text) == ["2027-12-01"]


def test_until_without_its_final_dot_and_after_every_year() -> None:
    text = decision(
        "Testverket ska senast den 28 februari varje år fram t.o.m 2028 lämna en "
        "förvaltningsförklaring till Regeringskansliet, vilket även ska omfatta det "
        "finansiella utfallet i myndighetens årsredovisning."
    )
    (entry,) = deadlines(text)
    assert entry.get("löpande") is True
    assert "sista gången 2028-02-28" in entry["anteckning"]


def test_a_repayment_to_the_agency_named_by_its_short_name_is_not_its_own() -> None:
    text = (
        "Ändring av uppdraget till Myndigheten för familjerätt och föräldraskapsstöd\n\n"
        "Regeringen ändrar uppdraget till Myndigheten för familjerätt och föräldraskapsstöd, "
        "MFoF, om förstärkta familjerätter.\n\n"
        "Pengar som inte har använts för avsett ändamål ska senast den 27 mars 2027 "
        "återbetalas till MFoF.\n"
    )
    assert deadlines(text) == []


def test_a_short_name_in_the_genitive_names_the_agency() -> None:
    text = (
        "Uppdrag om ungdomspolitiken\n\nRegeringens beslut\n\nMyndigheten för ungdoms- och "
        "civilsamhällesfrågors (MUCF:s) uppdrag förlängs. Övriga myndigheter ska årligen "
        "lämna ett underlag till MUCF.\n"
    )
    assert [e["mottagare"] for e in deadlines(text)] == [
        "Myndigheten för ungdoms- och civilsamhällesfrågor"
    ]


def test_parts_of_a_grant_named_after_bland_annat_are_no_rows() -> None:
    text = decision(
        "För uppdragets genomförande får Testverket under 2026 använda 105 miljoner kronor. "
        "Bland annat fördelas 70 miljoner kronor till kommuner och högst 25 miljoner kronor "
        "till regionerna. Högst 4 miljoner kronor fördelas till ideella föreningar."
    )
    assert money(text) == [("2026", "beviljat", 105_000_000)]


def test_money_to_distribute_in_its_own_sentence_is_a_row() -> None:
    text = decision(
        "Testverket får under 2026 använda 5 miljoner kronor. Testverket ska under 2026 "
        "fördela 3 miljoner kronor till regionerna."
    )
    assert money(text) == [("2026", "beviljat", 5_000_000), ("2026", "beviljat", 3_000_000)]


def test_a_cost_estimate_is_no_money_row() -> None:
    text = decision(
        "För uppdragets genomförande får Testverket använda 450 000 kronor för 2026. Den "
        "totala kostnaden för uppdraget 2026–2027 beräknas till 1 400 000 kronor."
    )
    assert money(text) == [("2026", "beviljat", 450_000)]


def test_the_government_paying_an_organisation_is_a_grant() -> None:
    text = (
        "Bidrag till Röda Korset\n\nRegeringens beslut\n\nRegeringen betalar Röda Korset "
        "17 miljoner kronor för att under 2026 stärka organisationens behandlingscentrum.\n"
    )
    assert money(text) == [("2026", "beviljat", 17_000_000)]


def test_an_approximate_grant_names_the_receiver_and_asks_for_the_exact_amount() -> None:
    text = (
        "Ansökan om bidrag\n\nRegeringens beslut\n\nRegeringen beviljar Funktionsrätt Sverige "
        "knappt två miljoner kronor för 2026 för att förbättra patientdelaktigheten.\n"
    )
    draft = draft_from_text(text)
    assert [a["namn"] for a in draft.data["myndigheter"]] == ["Funktionsrätt Sverige"]  # type: ignore[index]
    assert any("ungefärligt" in note for note in draft.review)


def test_sveriges_kommuner_och_regioner_is_one_receiver_charged_two_paragraphs_on() -> None:
    text = (
        "Bidrag till SKR\n\nRegeringens beslut\n\nRegeringen beviljar Sveriges Kommuner och "
        "Regioner (SKR) 5 000 000 kronor för att främja säker digital kommunikation.\n\n"
        "Bidraget avser verksamhet under 2026. Bidraget betalas efter rekvisition som lämnas "
        "senast den 1 december 2026 till Kammarkollegiet.\n\n"
        "Utgifterna för bidraget ska redovisas mot det inom utgiftsområde 22 Kommunikationer "
        "för budgetåret 2026 uppförda anslaget 2:7 Digital förvaltning, anslagsposten 3.\n"
    )
    draft = draft_from_text(text)
    assert [a["namn"] for a in draft.data["myndigheter"]] == ["Sveriges Kommuner och Regioner"]  # type: ignore[index]
    assert _charged(text) == {("2026", "beviljat"): "2:7"}


def test_a_company_receiving_money_owns_its_row() -> None:
    text = decision(
        "Testverket får använda 1,9 miljoner kronor under 2026. Regeringen beslutar även att "
        "Chalmers Tekniska Högskola AB får rekvirera 1,9 miljoner kronor under 2026 för att "
        "ta fram ett utbud av utbildning."
    )
    budget = draft_from_text(text).data["budget"]  # type: ignore[index]
    assert sorted(line["myndighet"] for line in budget) == [  # type: ignore[union-attr]
        "Chalmers Tekniska Högskola AB",
        "Testverket",
    ]


_SPREAD = (
    "Justitiedepartementet\n\nUppdrag att sprida strategin bakom Sluta skjut\n\n"
    "Regeringen ger Testverket i uppdrag att sprida strategin till fler orter.\n\n"
)


def test_money_supplied_for_what_the_assignment_is_counts() -> None:
    text = _SPREAD + (
        "Genom riksdagens beslut om vårändringsbudgeten för 2026 har 6 miljoner kronor "
        "tillförts anslag 1:15 som disponeras av Testverket för att sprida strategin.\n\n"
        "Regeringen har i budgetpropositionen för 2027 föreslagit att det ska tillföras "
        "ytterligare 10 miljoner kronor 2027 och 12 miljoner kronor 2028.\n"
    )
    assert money(text) == [
        ("2026", "beviljat", 6_000_000),
        ("2027", "beräknat", 10_000_000),
        ("2028", "beräknat", 12_000_000),
    ]


def test_money_supplied_for_something_else_is_background() -> None:
    text = _SPREAD + (
        "Genom riksdagens beslut om ändringsbudgeten för 2026 har 6 miljoner kronor tillförts "
        "anslag 1:15 som disponeras av Testverket för att bygga ett nytt register.\n"
    )
    assert money(text) == []


@pytest.mark.parametrize(
    "after",
    [
        "655 000 000 kronor respektive 300 000 000 kronor utbetalas engångsvis till regionerna.",
        "2 miljarder kronor får till den 30 juni 2026 bara användas till covid-19-relaterad vård.",
        "Av de totala medlen får högst 1,5 miljoner kronor användas för myndighetens egna "
        "kostnader.",
    ],
)
def test_amounts_dividing_the_total_just_before_are_no_rows(after: str) -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att under 2026 betala ut totalt 4 000 000 000 kronor "
        "till regionerna. " + after
    )
    assert money(text) == [("2026", "beviljat", 4_000_000_000)]


@pytest.mark.parametrize(
    "after",
    [
        "Testverket ska betala ut 29 000 000 kronor till Sveriges Kommuner och Regioner.",
        "Testverket får därutöver använda 2 000 000 kronor för administration.",
        "För 2027 beräknas 3 000 000 000 kronor för samma ändamål.",
        "5 000 000 000 kronor utbetalas till kommunerna.",
    ],
)
def test_more_money_after_a_total_is_a_row(after: str) -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att under 2026 betala ut totalt 4 000 000 000 kronor "
        "till regionerna. " + after
    )
    assert len(money(text)) == 2


def test_the_grants_year_from_a_later_paragraph_about_the_grant() -> None:
    text = (
        "Ansökan om bidrag, Svenskt Friluftsliv\n\nRegeringens beslut\n\nRegeringen beviljar "
        "Svenskt Friluftsliv 10 000 000 kronor för att genomföra insatser.\n\nInsatserna ska "
        "bestå i uppsökande verksamhet för barn och unga.\n\nBidraget avser verksamhet 2026.\n"
    )
    assert money(text) == [("2026", "beviljat", 10_000_000)]


def test_the_payout_month_gives_the_year() -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att betala 30 000 000 kronor till kommunerna. "
        "Kommunerna ska använda pengarna till kompetensutveckling.\n\nTestverket betalar "
        "engångsvis ut pengarna under november månad 2026."
    )
    assert money(text) == [("2026", "beviljat", 30_000_000)]


def test_a_cost_frame_alone_is_planned_money_and_a_part_of_one_year_keeps_the_total() -> None:
    text = decision(
        "Kostnaden för uppdragets genomförande beräknas till högst 17 miljoner kronor för "
        "perioden 2026–2028 varav 2 miljoner kronor avser 2026."
    )
    assert money(text) == [("2026–2028", "beräknat", 17_000_000)]


def test_the_resultatredovisning_of_a_year_is_due_with_the_annual_report() -> None:
    text = decision(
        "Testverket ska redovisa uppdraget till Regeringskansliet (Kulturdepartementet) i "
        "samband med resultatredovisningen för 2026."
    )
    assert dates(text) == ["2027-02-22"]


def test_paying_out_without_requisition_is_no_delivery() -> None:
    text = decision(
        "Testverket ska utan rekvisition senast den 26 november 2026 betala ut 572 000 kronor "
        "till Statistiska centralbyrån."
    )
    assert deadlines(text) == []


def test_regeringskansliet_comma_department_is_one_recipient() -> None:
    text = decision(
        "Testverket ska senast den 31 mars 2027 lämna en redovisning av uppdraget till "
        "Regeringskansliet, Finansdepartementet."
    )
    assert [e["mottagare"] for e in deadlines(text)] == ["Regeringskansliet (Finansdepartementet)"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska regelbundet lämna skriftliga rapporter om uppdraget till "
        "Regeringskansliet.",
        "Löpande redovisning av uppdraget ska lämnas av Testverket till Regeringskansliet.",
        "Myndigheterna redovisar senast den 9 december 2026 en plan. De redovisar löpande sina "
        "insatser till Regeringskansliet.",
        "Uppdraget redovisas löpande till Regeringskansliet fram till den 31 december 2027.",
    ],
)
def test_ongoing_reports_in_other_words(sentence: str) -> None:
    assert any(e.get("löpande") and e["typ"] == "övrigt" for e in deadlines(decision(sentence)))
    assert "2027-12-31" not in dates(decision(sentence))


def test_a_short_name_given_after_a_title_that_named_the_agency() -> None:
    text = (
        "Utökat uppdrag till Totalförsvarets forskningsinstitut om propaganda\n\n"
        "Regeringen utökar uppdraget till Totalförsvarets forskningsinstitut (FOI) att göra "
        "analyser.\n\nFOI ska regelbundet lämna skriftliga rapporter om uppdraget till "
        "Regeringskansliet (Justitiedepartementet). Uppdraget ska slutredovisas den 13 februari "
        "2027.\n"
    )
    assert [e.get("datum", "löpande") for e in deadlines(text)] == ["2027-02-13", "löpande"]


def test_extending_the_time_for_an_assignment_is_its_new_deadline() -> None:
    text = (
        "Ändring av uppdraget att analysera aktivitetsersättning\n\n"
        "Regeringen förlänger tiden för Testverkets uppdrag att analysera variationen i "
        "avslag till den 11 december 2026.\n"
    )
    assert series(text) == [("2026-12-11", None, None, "slutredovisning")]


def test_the_dates_of_decisions_being_amended_are_no_deadlines() -> None:
    text = decision(
        "Med ändring av regeringens beslut den 4 februari 2024 om uppdrag till statliga "
        "myndigheter att ta emot praktikanter och den 19 april 2025 om uppdrag till statliga "
        "myndigheter att fortsatt ta emot praktikanter beslutar regeringen att Testverket ska "
        "redovisa uppdraget i en slutrapport senast den 30 april 2027."
    )
    assert dates(text) == ["2027-04-30"]


def test_the_assigning_sentence_itself_can_set_the_deadline() -> None:
    text = decision(
        "Regeringen ger i uppdrag till Anna Berg, stabschef vid Testverket, att ansvara för att "
        "lämna en årsredovisning för 2026 för Testverket. Det ska ske efter tidpunkten för "
        "avvecklingen av Testverket den 31 december 2026."
    )
    assert dates(text) == ["2027-02-22"]


def test_a_later_report_of_a_series_described_is_not_another_report() -> None:
    text = decision(
        "Testverket ska senast den 15 december 2026 delredovisa uppdraget till "
        "Regeringskansliet. Därefter ska delredovisning ske årligen senast den 1 mars med start "
        "2028. Delredovisningen den 1 mars 2030 ska även innehålla förslag på förändringar. "
        "Uppdraget ska slutredovisas senast den 31 december 2030."
    )
    assert dates(text) == ["2026-12-15", "2028-03-01", "2030-12-31"]


def test_two_amounts_to_two_receivers_in_one_sentence_are_both_kept() -> None:
    text = decision(
        "Regeringen uppdrar åt Testverket att under 2026 betala 850 000 000 kronor till "
        "regionerna och 2 500 000 kronor till SKR."
    )
    assert sorted(money(text)) == [
        ("2026", "beviljat", 2_500_000),
        ("2026", "beviljat", 850_000_000),
    ]
    assert any("egna rader" in note for note in draft_from_text(text).review)


def test_parts_listed_with_respektive_after_av_dessa_are_no_rows() -> None:
    text = decision(
        "För åren 2027–2028 beräknas 19 miljoner kronor per år för genomförande av uppdraget, "
        "av dessa ska 7 miljoner respektive 4 miljoner användas inom åtgärden Regionala program."
    )
    assert money(text) == [("2027", "beräknat", 19_000_000), ("2028", "beräknat", 19_000_000)]


def test_a_year_ends_a_sentence_before_an_amount() -> None:
    text = decision(
        "Testverket får för uppdragets genomförande använda 2 250 000 kronor under 2026. "
        "1 500 000 kronor får användas för grunduppdraget och 750 000 kronor får användas för "
        "de delar som tillkommer i detta beslut."
    )
    assert money(text) == [("2026", "beviljat", 2_250_000)]


_SHARES = (
    "Regeringen ger Verket för innovationssystem (Vinnova), Upphandlingsmyndigheten (UHM) och "
    "Patent- och registreringsverket (PRV) i uppdrag att främja nyttiggörande.\n\n"
    "Utgifterna för uppdraget ska belasta det under utgiftsområde 24 Näringsliv uppförda "
    "anslaget 1:2 Verket för innovationssystem, anslagsposten 1 med högst 38 miljoner kronor "
    "för 2026 och beräknas omfatta 38 miljoner kronor 2027 samt 23 miljoner kronor för 2028 "
    "respektive 2029. Vinnovas samlade insatser får högst omfatta 32,5 miljoner kronor 2026 "
    "och beräknas omfatta 32,5 miljoner 2027 samt 17,5 miljoner kronor för 2028 och 2029. "
    "UHM:s insatser får högst omfatta 5 miljoner kronor per år och PRV:s insatser får högst "
    "omfatta 500 000 kronor per år.\n"
)


def test_shares_that_add_up_to_the_charged_total_replace_it() -> None:
    text = "Uppdrag om nyttiggörande\n\nRegeringens beslut\n\n" + _SHARES
    rows = {
        (line["myndighet"], year, kind, amount)
        for line in draft_from_text(text).data["budget"]  # type: ignore[union-attr]
        for year, amounts in line["år"].items()
        for kind, amount in amounts.items()
    }
    expected = set()
    for agency, first, later in (
        ("Verket för innovationssystem", 32_500_000, 17_500_000),
        ("Upphandlingsmyndigheten", 5_000_000, 5_000_000),
        ("Patent- och registreringsverket", 500_000, 500_000),
    ):
        expected |= {
            (agency, 2026, "beviljat", first),
            (agency, 2027, "beräknat", first),
            (agency, 2028, "beräknat", later),
            (agency, 2029, "beräknat", later),
        }
    assert rows == expected
    charged = {line["anslag"]["anslag"] for line in draft_from_text(text).data["budget"]}  # type: ignore[index,union-attr]
    assert charged == {"1:2"}


def test_shares_that_do_not_add_up_leave_the_total() -> None:
    text = "Uppdrag om nyttiggörande\n\nRegeringens beslut\n\n" + _SHARES.replace(
        "500 000 kronor per år", "800 000 kronor per år"
    )
    years = [
        amounts
        for line in draft_from_text(text).data["budget"]  # type: ignore[union-attr]
        for amounts in line["år"].values()
    ]
    assert {"beviljat": 38_000_000} in years


def test_a_close_dialogue_with_the_department_is_ongoing() -> None:
    text = decision(
        "Testverket ska ha en nära dialog med Socialdepartementet om kostnaden för lagerhållningen."
    )
    assert [(e.get("löpande"), e["typ"]) for e in deadlines(text)] == [(True, "övrigt")]


def test_a_dialogue_with_others_is_no_duty_to_the_government() -> None:
    text = decision("Testverket ska ha en nära dialog med regionerna om lagerhållningen.")
    assert deadlines(text) == []


def test_working_in_close_dialogue_is_a_way_of_working() -> None:
    text = decision(
        "Testverket ska i nära dialog med Regeringskansliet samverka med nya intressenter."
    )
    assert deadlines(text) == []


def test_the_same_money_restated_with_its_year_is_counted_once() -> None:
    text = decision(
        "Regeringen ger Testverket i uppdrag att betala ut 195 miljoner kronor. Pengarna "
        "betalas ut till regionerna.\n\nRegionerna får pengarna om de uppfyller kraven. För "
        "2026 fördelas 195 miljoner kronor till de regioner som inför vårdförloppen."
    )
    assert money(text) == [("2026", "beviljat", 195_000_000)]


def test_a_date_moved_from_in_the_reasons_is_the_replaced_one() -> None:
    text = (
        "Ändring av uppdraget att analysera takprissystemet\n\n"
        "Regeringen ändrar uppdraget till Testverket. Uppdraget ska delredovisas senast den 14 "
        "juni 2026.\n\nTestverket har begärt förlängd tid och regeringen har därför förlängt "
        "tiden för delredovisning, från 30 april 2026 till 14 juni 2026.\n"
    )
    (entry,) = deadlines(text)
    assert (entry["datum"], entry.get("ändringar")) == ("2026-06-14", [{"datum": "2026-04-30"}])


def test_when_the_assignment_ends_is_no_deadline() -> None:
    text = decision(
        "Uppdraget ska redovisas löpande till Socialdepartementet och avslutas den 31 december "
        "2027."
    )
    assert dates(text) == ["löpande"]


def test_yearly_reports_go_on_until_the_final_report_past_the_funded_years() -> None:
    text = decision(
        "Testverket får under 2026 använda 4 000 000 kronor för uppdraget. Testverket ska "
        "årligen, senast den 28 februari lämna en delredovisning till Regeringskansliet. "
        "Testverket ska senast den 28 februari 2031 lämna en slutredovisning."
    )
    assert series(text)[0][:3] == ("2027-02-28", "årligen", "2030-02-28")


def test_money_set_aside_in_the_decision_is_granted() -> None:
    text = decision(
        "För dessa ändamål avsätts 20 miljoner kronor för kompetenscentrum och 1 miljon kronor "
        "för avelsarbetet under 2026."
    )
    assert sorted(money(text)) == [
        ("2026", "beviljat", 1_000_000),
        ("2026", "beviljat", 20_000_000),
    ]


def test_money_that_will_be_set_aside_is_planned() -> None:
    text = decision("Regeringen beräknar att 5 miljoner kronor kommer att avsättas för 2027.")
    assert money(text) == [("2027", "beräknat", 5_000_000)]


def test_a_period_in_the_title_dates_a_payout_without_a_year() -> None:
    text = (
        "Utbetalning av medel till regionerna i enlighet med överenskommelsen om "
        "förlossningsvården 2026–2028\n\nRegeringens beslut\n\nTestverket ska utbetala "
        "937 000 000 kronor till regionerna i enlighet med överenskommelsen.\n"
    )
    assert money(text) == [("2026–2028", "beviljat", 937_000_000)]


def test_shares_called_totals_after_a_total_are_parts() -> None:
    text = decision(
        "Regeringen ger Testverket i uppdrag att under 2026 utbetala totalt 82 000 000 kronor "
        "till kommuner och regioner. För att kompensera kommunerna avsätts totalt 75 miljoner "
        "kronor. Regionerna tilldelas totalt 5,5 miljoner kronor."
    )
    assert money(text) == [("2026", "beviljat", 82_000_000)]


def test_the_agency_told_to_pay_out_is_addressed_when_no_one_is_given_the_assignment() -> None:
    text = (
        "Utbetalning av medel till regionerna 2026–2028\n\nRegeringens beslut\n\n"
        "Kammarkollegiet ska utbetala 937 000 000 kronor till regionerna.\n\n"
        "SKR ska lämna en samlad redovisning till Socialdepartementet senast den 31 mars 2028.\n"
    )
    draft = draft_from_text(text)
    assert [a["namn"] for a in draft.data["myndigheter"]] == ["Kammarkollegiet"]  # type: ignore[index]
    assert deadlines(text) == []  # what SKR must do is not the addressed agency's duty


def test_the_agency_by_its_kind_keeping_the_department_updated() -> None:
    text = decision("Verket ska hålla departementet löpande uppdaterat om utvecklingen.")
    assert [(e.get("löpande"), e["mottagare"]) for e in deadlines(text)] == [
        (True, "Regeringskansliet (Socialdepartementet)")
    ]


def test_agencies_listed_with_och_lansstyrelserna_and_a_stray_hyphen() -> None:
    text = (
        "Uppdrag om lustgas\n\nRegeringens beslut\n\nRegeringen ger Läkemedelsverket, "
        "Post-och telestyrelsen och länsstyrelserna i uppdrag att kartlägga handeln.\n"
    )
    names = [a["namn"] for a in draft_from_text(text).data["myndigheter"]]  # type: ignore[index]
    assert names == ["Läkemedelsverket", "Post- och telestyrelsen", "Länsstyrelserna"]


def test_the_last_words_of_an_addressed_agencys_name_are_that_agency() -> None:
    text = (
        "Uppdrag till Stiftelsen Svenska Filminstitutet om film på minoritetsspråk\n\n"
        "Regeringens beslut\n\nRegeringen uppdrar åt Stiftelsen Svenska Filminstitutet att "
        "stödja film för barn.\n\nFilminstitutet ska redovisa uppdraget senast den 1 mars 2027.\n"
    )
    draft = draft_from_text(text)
    assert [a["namn"] for a in draft.data["myndigheter"]] == ["Stiftelsen Svenska Filminstitutet"]  # type: ignore[index]
    assert dates(text) == ["2027-03-01"]


# --- session 5: families from blind rounds V, W, X ---------------------------------------------


def _names(text: str) -> list[str]:
    return [a["namn"] for a in draft_from_text(text).data.get("myndigheter", [])]  # type: ignore[attr-defined]


def test_an_agency_that_gets_the_assignment_in_the_passive_is_addressed() -> None:
    text = (
        "Uppdrag om informationsinsatser för unga\n\nMyndigheten för ungdoms- och "
        "civilsamhällesfrågor (MUCF) får i uppdrag att utveckla informationen till unga. "
        "MUCF ska redovisa uppdraget till Regeringskansliet senast den 31 mars 2027.\n"
    )
    assert _names(text) == ["Myndigheten för ungdoms- och civilsamhällesfrågor"]
    # after "Regeringen ger X i uppdrag", "Y får i uppdrag att" is a further task, not a name
    more = decision(
        "Testverket får i uppdrag att även stödja Bocuse d'Or med 2 miljoner kronor under 2026."
    )
    assert _names(more) == ["Testverket"]


def test_the_agency_of_a_supplemented_assignment_ends_before_its_date() -> None:
    text = (
        "Komplettering av uppdraget att genomföra ett låneprogram\n\nRegeringen kompletterar "
        "uppdraget till Trafikverket från den 4 februari 2026 (I2026/00256), kompletterat den 18 "
        "mars 2026 (I2026/00944), på det sättet att även stora företag ska kunna ansöka.\n"
    )
    assert _names(text) == ["Trafikverket"]


def test_a_county_board_with_a_comma_after_ska_is_the_named_board() -> None:
    text = (
        "Ändring av uppdraget att driva ett centrum för mathantverk\n\nI tillägg till "
        "regeringens beslut den 21 januari 2026 ska även följande gälla. Länsstyrelsen i "
        "Jämtlands län ska, ifråga om stöd till rådgivning, bevilja stöd endast enligt villkoren. "
        "Länsstyrelsen ska tillhandahålla en länk till stödordningen.\n"
    )
    assert _names(text) == ["Länsstyrelsen i Jämtlands län"]


@pytest.mark.parametrize(
    "written",
    ["Landsbygds- och infrastruktur departementet", "Landsbygds- och infrastruktur-departementet"],
)
def test_a_department_name_split_before_departementet_is_joined(written: str) -> None:
    text = decision(
        f"Testverket ska redovisa uppdraget till Regeringskansliet ({written}) senast den "
        "1 mars 2027."
    )
    assert [e["mottagare"] for e in deadlines(text)] == [
        "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Regeringskansliet (Klimat- och näringslivsdepartementet) ska informeras löpande under "
        "arbetets gång.",
        "Därutöver ska Testverket informera Klimat- och näringslivsdepartementet om fall som är "
        "av särskild betydelse.",
        "Testverket ska alltid underrätta Regeringskansliet när avtal har ingåtts.",
        "Testverket ska vid de tidpunkter och i den form som beslutas i dialog med "
        "Regeringskansliet (Justitiedepartementet) informera om arbetet.",
        "Delredovisning ska ske löpande enligt närmare anvisning från Regeringskansliet.",
        "Testverket informerar löpande Regeringskansliet om hur arbetet fortskrider.",
        "Testverket ska under uppdragstiden ha en dialog med Regeringskansliet "
        "(Klimat- och näringslivsdepartementet).",
        # "hur" before it does not make it a proposal
        "Testverket ska analysera hur arbetet fortskrider och löpande informera Regeringskansliet.",
    ],
)
def test_ongoing_duties_in_the_passive_and_for_events(sentence: str) -> None:
    text = decision(f"Uppdraget ska redovisas senast den 1 mars 2027. {sentence}")
    assert dates(text) == ["2027-03-01", "löpande"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a proposal about ongoing reports is not one
        "Testverket ska lämna förslag till lämpligt format och tidsintervall för en löpande "
        "redovisning till Regeringskansliet av uppgifterna.",
        # "som årligen behövs", "för varje år": what is reported, not how often
        "Testverket ska redovisa hur stora intäkter som årligen behövs för att sänka tarifferna.",
        "Testverket ska också för varje år under perioden uppskatta hur stora intäkter som "
        "kvarstår och redovisa detta som ett överskott.",
        # the day something ends, in a condition
        "Om Testverket bedömer att förbudet kan upphöra den 30 september, ska det redovisa "
        "vilka regler som kan ersätta förbudet.",
        # a delivery the decision takes away
        "Vidare ändrar regeringen uppdraget på det sätt att Testverket inte behöver lämna någon "
        "slutredovisning i årsredovisningen för 2026.",
        "Testverket ska inte heller varje år lämna förslag till åtgärder.",
        # what the agency asked for, reported
        "I en skrivelse den 24 januari 2026 har Testverket hemställt att uppdraget ska upphöra "
        "från och med den redovisning som ska ske senast den 30 april 2026.",
        # "årlig" for a yearly figure, and a yearly report that others make
        "Testverket ska redovisa en bedömning av kostnaderna, så att det för respektive år går "
        "att utläsa en indikativ årlig kostnadsutveckling.",
        "Testverket ska också möjliggöra för en årlig redovisning av utfallet.",
        # the date of an EU act with its series letters
        "Testverket ska särskilt redogöra för möjligheterna att klara kraven i Europaparlamentets "
        "och rådets direktiv 2008/50/EG av den 21 maj 2008 om luftkvalitet.",
        # an EU regulation's deadline for the member states, cited
        "Av Europaparlamentets och rådets förordning (EU) 2021/2115 av den 2 december 2021 om "
        "fastställande av regler om stöd för strategiska planer framgår att varje medlemsland "
        "ska överlämna ett förslag till strategisk plan till kommissionen senast den 1 januari "
        "2027.",
    ],
)
def test_no_extra_deliveries_from_words_about_content(sentence: str) -> None:
    text = decision(f"Uppdraget ska redovisas senast den 1 mars 2027. {sentence}")
    assert dates(text) == ["2027-03-01"]


def test_a_negation_outside_the_modal_takes_nothing_away() -> None:
    text = decision(
        "Medel som inte har redovisats ska återbetalas till Kammarkollegiet senast den 30 juni "
        "2027. Uppdraget ska slutredovisas senast den 31 mars 2027."
    )
    assert dates(text) == ["2027-03-31", "2027-06-30"]


def test_not_only_is_no_negation() -> None:
    text = decision(
        "Testverket ska inte bara redovisa resultaten utan också lämna förslag till "
        "Regeringskansliet senast den 1 mars 2027."
    )
    assert dates(text) == ["2027-03-01"]


def test_requisitions_for_two_years_with_respektive_are_two_dates() -> None:
    text = decision(
        "Medlen betalas ut efter rekvisition till Kammarkollegiet senast den 1 november 2026 "
        "respektive 2027. Uppdraget ska slutredovisas senast den 31 maj 2028."
    )
    assert dates(text) == ["2026-11-01", "2027-11-01", "2028-05-31"]
    # reports listed the same way are one yearly series
    reports = decision(
        "Testverket ska lämna lägesrapporter senast den 1 november 2026 respektive 2027. "
        "Uppdraget ska slutredovisas senast den 31 maj 2028."
    )
    assert [(d["datum"], d.get("upprepas")) for d in deadlines(reports)] == [
        ("2026-11-01", "årligen"),
        ("2028-05-31", None),
    ]


def test_a_yearless_payout_takes_the_one_budget_year_the_decision_names() -> None:
    body = (
        "Uppdrag åt Kammarkollegiet att utbetala medel till regionerna\n\nRegeringen ger "
        "Kammarkollegiet i uppdrag att utbetala totalt 90 000 000 kronor med anledning av "
        "överenskommelsen.\n\nBakgrund\n\nRiksdagen beslutade i budgetpropositionen för {year} "
        "att avsätta medel för förlossningsvården.\n"
    )
    text = body.format(year="2026")
    assert money(text) == [("2026", "beviljat", 90_000_000)]
    assert any("budgetåret som beslutet nämner" in n for n in draft_from_text(text).review)
    # two budget years named: nothing to choose by, the human dates the amount
    both = body.format(year="2026 och i budgetpropositionen för 2027")
    assert money(both) == []


def test_a_payer_with_a_long_clause_before_its_verb_is_the_addressed_agency() -> None:
    text = (
        "Utbetalning av medel till Sveriges Kommuner och Regioner i enlighet med "
        "överenskommelsen om kvinnors hälsa 2026–2027\n\nKammarkollegiet ska, med anledning av "
        "överenskommelsen mellan staten och Sveriges Kommuner och Regioner (SKR) om ökad "
        "tillgänglighet och jämlikhet i mödrahälso- och förlossningsvården samt förstärkta "
        "insatser för kvinnors hälsa, utbetala 33 000 000 kronor till SKR.\n\nSKR ska lämna en "
        "samlad redovisning av insatserna till Socialdepartementet senast den 31 mars 2027.\n"
    )
    assert _names(text) == ["Kammarkollegiet"]
    assert money(text) == [("2026–2027", "beviljat", 33_000_000)]
    assert dates(text) == []  # the receiver's report, not Kammarkollegiet's


def test_before_a_date_after_a_from_phrase_and_a_span_of_days() -> None:
    text = decision(
        "Testverket ska, efter att ha hämtat synpunkter från Arvsfondsdelegationen, före 1 juni "
        "2027 föreslå hur stor del av tillgångarna som ska göras tillgänglig för utdelning "
        "perioden 1 juli 2027–31 december 2027."
    )
    # "från Arvsfondsdelegationen, före" is no starting point; the span is not two deadlines
    assert dates(text) == ["2027-06-01"]


def test_a_verbless_list_of_reports_after_a_delivery_sentence() -> None:
    text = decision(
        "Uppdraget ska redovisas till Regeringskansliet (Kulturdepartementet) vid två olika "
        "tillfällen. En delredovisning den 1 april 2027 och en slutredovisning den 31 mars 2028."
    )
    assert [(e["typ"], e["datum"], e["mottagare"]) for e in deadlines(text)] == [
        ("delredovisning", "2027-04-01", "Regeringskansliet (Kulturdepartementet)"),
        ("slutredovisning", "2028-03-31", "Regeringskansliet (Kulturdepartementet)"),
    ]
    # without a delivery sentence before it, such a phrase is no duty
    alone = decision("En delredovisning den 1 april 2025 visade att arbetet går framåt.")
    assert dates(alone) == []


def test_money_that_shall_be_set_aside_is_granted() -> None:
    text = decision(
        "För 2026 ska högst 4 000 000 kronor avsättas för insatsen. För 2027 beräknas "
        "20 000 000 kronor avsättas för samma ändamål."
    )
    assert money(text) == [("2026", "beviljat", 4_000_000), ("2027", "beräknat", 20_000_000)]
    # what the government intends to set aside is planned
    planned = decision(
        "Regeringen avser att 3 miljoner kronor ska avsättas under 2028 under förutsättning att "
        "riksdagen beslutar om medel."
    )
    assert money(planned) == [("2028", "beräknat", 3_000_000)]


def test_review_notes_never_break_an_amount_across_lines() -> None:
    lines = Draft(
        suggested_id="x",
        data={},
        facts=(),
        review=("ord " * 20 + "och 12\u00a0345\u00a0678\u00a0kr sist.",),
    ).to_yaml()
    assert "12 345 678 kr" in lines
    assert "\u00a0" not in lines


def test_a_final_report_dated_only_in_the_repayment_sentence() -> None:
    text = decision(
        "Rekvisitionen ska ske senast den 1 november 2026. Medel som inte har utnyttjats ska "
        "återbetalas till Kammarkollegiet senast i samband med slutredovisningen den 1 juni 2027."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("rekvisition", "2026-11-01"),
        ("återbetalning", "2027-06-01"),
        ("slutredovisning", "2027-06-01"),
    ]
    # with a final report of its own, none is added
    own = text.replace(
        "Rekvisitionen ska", "Uppdraget ska slutredovisas senast den 1 juni 2027. Rekvisitionen ska"
    )
    assert [e["typ"] for e in deadlines(own)].count("slutredovisning") == 1


def test_the_addressed_agencies_reports_to_the_coordinating_ones_are_deadlines() -> None:
    text = (
        "Uppdrag att ta fram underlag till en strategi\n\nRegeringen ger Folkhälsomyndigheten, "
        "Socialstyrelsen, Skolverket och Arbetsförmedlingen i uppdrag att analysera "
        "insatserna.\n\nMyndigheternas individuella analyser redovisas senast den 1 september "
        "2026 till Folkhälsomyndigheten och Socialstyrelsen. De samordnande myndigheterna ska "
        "senast den 31 december 2026 slutredovisa uppdraget till Socialdepartementet.\n"
    )
    assert [(e["datum"], e.get("mottagare")) for e in deadlines(text)] == [
        ("2026-09-01", "Folkhälsomyndigheten"),
        ("2026-09-01", "Socialstyrelsen"),
        ("2026-12-31", "Regeringskansliet (Socialdepartementet)"),
    ]


def test_the_government_informed_by_a_date_in_the_passive_is_a_partial_report() -> None:
    text = decision(
        "Regeringskansliet (Justitiedepartementet) ska informeras om hur arbetet fortlöper "
        "senast den 1 februari 2027. Uppdraget ska slutredovisas senast den 1 november 2027."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("delredovisning", "2027-02-01"),
        ("slutredovisning", "2027-11-01"),
    ]
    assert deadlines(text)[0]["mottagare"] == "Regeringskansliet (Justitiedepartementet)"


@pytest.mark.parametrize(
    "written",
    [
        "Regeringskansliet (det blivande Landsbygds- och infrastrukturdepartementet)",
        "Regeringskansliet (Landsbygds- och infrastrukturdepartement)",
    ],
)
def test_a_department_to_be_formed_or_without_its_article_is_the_department(written: str) -> None:
    text = decision(f"Testverket ska redovisa uppdraget till {written} senast den 1 mars 2027.")
    assert [e["mottagare"] for e in deadlines(text)] == [
        "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)"
    ]


def test_the_last_of_the_parts_is_the_final_report_when_none_is_named() -> None:
    text = decision(
        "Testverket ska senast den 1 september 2026 redovisa den del av uppdraget som avser "
        "samordningen och senast den 1 mars 2027 redovisa den del av uppdraget som avser "
        "uppföljningen till Regeringskansliet."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("delredovisning", "2026-09-01"),
        ("slutredovisning", "2027-03-01"),
    ]
    # a named final report keeps the parts partial
    named = text.replace(
        "uppföljningen till Regeringskansliet.",
        "uppföljningen. Uppdraget ska slutredovisas senast den 1 juni 2027.",
    )
    assert [e["typ"] for e in deadlines(named)] == [
        "delredovisning",
        "delredovisning",
        "slutredovisning",
    ]


def test_reporting_the_assignment_to_the_government_about_something_names_the_recipient() -> None:
    text = decision(
        "Testverket ska senast den 31 mars 2027 delredovisa uppdraget till Regeringskansliet om "
        "beräkningar av nyckeltal som myndigheten tar fram tillsammans med Försvarsmakten."
    )
    assert [e.get("mottagare") for e in deadlines(text)] == [
        "Regeringskansliet (Socialdepartementet)"  # the decision's own department
    ]
    # the decision cited by name keeps its assignee out
    cited = decision(
        "Enligt regeringens uppdrag till Skolverket om läromedel ska Testverket redovisa "
        "uppdraget senast den 31 mars 2027 till Regeringskansliet (Utbildningsdepartementet)."
    )
    assert [e["mottagare"] for e in deadlines(cited)] == [
        "Regeringskansliet (Utbildningsdepartementet)"
    ]


# --- rounds ZI–ZN: split short names, extensions, later yearly years, series times ------------


def test_a_short_name_split_by_the_pdf_still_names_the_assignee() -> None:
    text = (
        "Uppdrag att analysera prissättningen\n\nRegeringens beslut\n\nRegeringen ger Statens "
        "prisverk (SP V) i uppdrag att analysera prissättningen.\n\nSPV ska redovisa uppdraget i "
        "en delrapport senast den 30 september 2027. SPV ska vidare i en slutrapport senast den "
        "31 mars 2028 beskriva vilka ändringar som behövs.\n"
    )
    assert dates(text) == ["2027-09-30", "2028-03-31"]
    # another agency's capitals are still someone else
    other = text.replace("SPV ska redovisa", "SPB ska redovisa")
    assert dates(other) == ["2028-03-31"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket ska löpande återrapportera arbetet till Regeringskansliet.",
        "Testverket ska återrapportera löpande till Regeringskansliet (Socialdepartementet).",
        "Under perioden mars till juni 2027 ska uppdraget varje månad redovisas till "
        "Socialdepartementet.",
        "Testverket ska månadsvis rapportera läget till Regeringskansliet.",
    ],
)
def test_frequent_or_ongoing_reporting_is_one_ongoing_duty(sentence: str) -> None:
    text = decision(f"{sentence} Uppdraget ska slutredovisas senast den 15 december 2027.")
    assert dates(text) == ["2027-12-15", "löpande"]


def test_monthly_figures_to_count_are_no_reporting_duty() -> None:
    text = decision(
        "Testverket ska redovisa antalet ärenden varje månad i sin årsredovisning för 2027."
    )
    assert "löpande" not in dates(text)


def test_an_extension_without_a_report_word_moves_the_final_report() -> None:
    text = decision(
        "Testverket ska redovisa uppdraget till Regeringskansliet senast den 1 juni 2027.\n\n"
        "Förlängd tid för uppdraget\n\nDen 3 maj 2027 beviljade regeringen en framställning "
        "från Testverket om förlängd tid för uppdraget. Uppdraget förlängs till den 1 oktober "
        "2027."
    )
    (entry,) = deadlines(text)
    assert entry["datum"] == "2027-10-01"
    assert [c["datum"] for c in entry["ändringar"]] == ["2027-06-01"]


@pytest.mark.parametrize(
    "term", ["Uppdraget förlängs till den", "Uppdragstiden förlängs t.o.m. den"]
)
def test_an_extended_term_before_a_later_report_is_no_report(term: str) -> None:
    text = decision(
        f"{term} 31 december 2027. Testverket ska lämna en slutredovisning till "
        "Regeringskansliet senast den 31 mars 2028."
    )
    assert dates(text) == ["2028-03-31"]


@pytest.mark.parametrize(
    "then",
    [
        "och därefter årligen 2028–2030",
        "och därefter årligen till och med 2030",
        "och därefter årligen under perioden 2028–2030",
    ],
)
def test_a_first_date_and_then_yearly_years_is_one_series(then: str) -> None:
    text = decision(f"Testverket ska senast den 1 maj 2027 {then} redovisa till Regeringskansliet.")
    assert series(text) == [("2027-05-01", "årligen", "2030-05-01", "årlig redovisning")]


def test_what_one_time_of_a_yearly_series_holds_is_not_another_delivery() -> None:
    text = decision(
        "Varje år under perioden 2027–2030 delredovisar Testverket, senast den 31 mars, "
        "uppdraget till Socialdepartementet. Vid delredovisningen senast den 31 mars 2030 "
        "lämnar Testverket en samlad uppföljning. Uppdraget slutredovisas senast den 31 mars "
        "2031."
    )
    assert dates(text) == ["2027-03-31", "2031-03-31"]
    # a date outside the series is a delivery of its own
    outside = text.replace("Vid delredovisningen senast den 31 mars 2030", "Senast den 1 maj 2029")
    assert dates(outside) == ["2027-03-31", "2029-05-01", "2031-03-31"]


def test_the_consulted_bodies_answers_are_not_the_agencys_delivery() -> None:
    text = decision(
        "Underlaget ska redovisas till Regeringskansliet senast den 15 september 2027. "
        "Av remissmissivet ska det framgå att remissyttrandena ska lämnas till "
        "Regeringskansliet senast den 15 december 2027."
    )
    assert dates(text) == ["2027-09-15"]


def test_repayment_on_two_listed_dates_a_year_apart_is_two_deliveries() -> None:
    text = decision(
        "Medel som inte har använts ska återbetalas till Kammarkollegiet senast den 30 december "
        "2027 respektive den 30 december 2028."
    )
    assert [(e["typ"], e["datum"], e.get("upprepas")) for e in deadlines(text)] == [
        ("återbetalning", "2027-12-30", None),
        ("återbetalning", "2028-12-30", None),
    ]


def test_an_appropriation_named_before_the_amount_charges_it() -> None:
    text = decision(
        "Uppdraget finansieras under budgetåret 2027 från utgiftsområde 21 Energi, anslaget 1:10 "
        "Energi- och klimatomställning, anslagspost 1. Av avsatta medel får Testverket använda "
        "högst 2 miljoner kronor."
    )
    assert budget_rows(text) == [("Testverket", "2027", "beviljat", 2_000_000, "1:10")]


def test_a_yearly_report_with_only_its_last_time_starts_after_the_decision_date() -> None:
    text = decision(
        "Testverket ska delredovisa uppdraget årligen den 30 mars och slutredovisa uppdraget den "
        "30 mars 2031 till Regeringskansliet."
    )
    undated = deadlines(text)
    assert [e.get("löpande") for e in undated if e["typ"] != "slutredovisning"] == [True]
    dated = draft_from_text(text, decided="2027-05-04").data["redovisningar"]
    yearly = [e for e in dated if e.get("upprepas")]
    assert [(e["datum"], e["till"]) for e in yearly] == [("2028-03-30", "2030-03-30")]


def test_markdown_bold_does_not_split_a_date_from_its_year() -> None:
    text = decision(
        "Uppdraget ska slutredovisas till Regeringskansliet **senast den 29 september** 2027."
    )
    assert dates(text) == ["2027-09-29"]


def test_a_yearly_day_in_the_year_after_each_year_of_the_period_starts_a_year_later() -> None:
    text = (
        "Uppdrag till Testverket\n\nRegeringens beslut\n\nRegeringen ger Testverket i uppdrag att "
        "samordna arbetet under perioden 2026–2029.\n\nTestverket ska redovisa uppdraget årligen "
        "senast den 15 april året efter respektive verksamhetsår till Regeringskansliet.\n"
    )
    assert series(text) == [("2027-04-15", "årligen", "2030-04-15", "årlig redovisning")]
    # what the report is about may be next year's; the day is still in the period
    about = text.replace(
        "redovisa uppdraget årligen senast den 15 april året efter respektive verksamhetsår",
        "årligen senast den 15 april redovisa prioriteringarna för nästkommande år",
    )
    assert series(about)[0][:3] == ("2026-04-15", "årligen", "2029-04-15")


def test_yearly_in_the_annual_report_up_to_a_named_one_ends_there() -> None:
    text = decision(
        "Redovisning av resultat ska även ske årligen i myndighetens årsredovisning fram till och "
        "med årsredovisningen för 2029."
    )
    (entry,) = deadlines(text)
    assert entry.get("löpande") and "sista gången 2030-02-22" in entry["anteckning"]
    # the decision's date gives the first: the årsredovisning for the year it was taken
    for decided in ("2027-01-15", "2027-06-15"):
        (dated,) = draft_from_text(text, decided=decided).data["redovisningar"]
        assert (dated["datum"], dated["upprepas"], dated["till"]) == (
            "2028-02-22",
            "årligen",
            "2030-02-22",
        )


def test_a_unit_of_the_addressed_agency_reports_for_it() -> None:
    text = (
        "Uppdrag att stödja arbetet inför valen\n\nRegeringens beslut\n\nRegeringen ger Statens "
        "provningsanstalt (SPA) i uppdrag att stödja arbetet inför valen.\n\nNCP vid SPA ska "
        "senast den 20 mars 2027 lämna en delredovisning till Regeringskansliet "
        "(Försvarsdepartementet) och senast den 1 december 2027 lämna en slutredovisning.\n"
    )
    assert dates(text) == ["2027-03-20", "2027-12-01"]
    # the same unit alone, or a unit of another agency, is someone else
    assert dates(text.replace("NCP vid SPA ska", "NCP ska")) == []
    assert dates(text.replace("NCP vid SPA ska", "NCP vid Tullverket ska")) == []


def test_what_a_grantee_promises_in_a_list_is_not_the_agencys_deadline() -> None:
    body = (
        "Testverket får betala ut medel under förutsättning att Fagersta kommun försäkrar att "
        "den kommer att\n\n• redovisa resultatet till Regeringskansliet senast den 15 december "
        "2027,\n• lämna underlag undertecknade av behöriga företrädare.\n\nTestverket ska "
        "slutredovisa uppdraget senast den 1 mars 2028."
    )
    assert dates(decision(body)) == ["2028-03-01"]
    # the addressed agency's own promises are its duties
    own = body.replace("Fagersta kommun försäkrar att den", "Testverket försäkrar att det")
    assert dates(decision(own)) == ["2027-12-15", "2028-03-01"]


def test_equal_payments_to_two_receivers_in_one_sentence_are_summed() -> None:
    text = decision(
        "Regeringen ger Testverket i uppdrag att under 2027 betala ut högst 1 500 000 kronor till "
        "Fagersta kommun och högst 1 500 000 kronor till Höglandsförbundet."
    )
    assert money(text) == [("2027", "beviljat", 3_000_000)]
    assert any(
        "summerade till 3\u00a0000\u00a0000\u00a0kr" in n for n in draft_from_text(text).review
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Testverket samverkar med Ekonomistyrningsverket och informerar löpande "
        "Regeringskansliet om arbetets gång.",
        "Under arbetets gång håller Testverket Regeringskansliet informerat om hur uppdraget "
        "fortlöper.",
    ],
)
def test_an_ongoing_duty_in_the_present_tense(sentence: str) -> None:
    text = decision(f"{sentence} Uppdraget ska redovisas senast den 31 oktober 2027.")
    assert dates(text) == ["2027-10-31", "löpande"]
    # another agency doing it is no duty of this decision's
    other = sentence.replace("Testverket", "Skolverket")
    assert dates(decision(f"{other} Uppdraget ska redovisas senast den 31 oktober 2027.")) == [
        "2027-10-31"
    ]


def test_the_governments_own_delivery_in_a_relative_clause_is_no_deadline() -> None:
    text = decision(
        "Beräkningarna ska utgöra ett underlag till den plan som regeringen ska lämna till "
        "Europeiska kommissionen senast den 30 juni 2027. Testverket ska redovisa uppdraget "
        "senast den 1 mars 2027."
    )
    assert dates(text) == ["2027-03-01"]


def test_a_continued_assignment_names_its_agency_without_the_words_around_it() -> None:
    text = (
        "Uppdrag till Länsstyrelsen i Stockholms län\n\nRegeringens beslut\n\nRegeringen ger "
        "Länsstyrelsen i Stockholms län i fortsatt uppdrag att samordna arbetet mot "
        "människohandel.\n"
    )
    assert [m["namn"] for m in draft_from_text(text).data["myndigheter"]] == [
        "Länsstyrelsen i Stockholms län"
    ]


def test_a_total_cost_estimate_above_the_money_granted_is_no_row_of_its_own() -> None:
    text = decision(
        "Den sammanlagda kostnaden för uppdraget under 2027 beräknas till 600 000 kronor. För "
        "att finansiera uppdraget under 2027 får Testverket rekvirera följande från "
        "Kammarkollegiet:\n\n* 300 000 kronor från utgiftsområde 4 Rättsväsendet, anslaget 1:1 "
        "Polismyndigheten, anslagspost 4,\n* 300 000 kronor från utgiftsområde 8 Migration, "
        "anslaget 1:3 Migrationspolitiska åtgärder, anslagspost 2."
    )
    assert sorted(budget_rows(text)) == [
        ("Testverket", "2027", "beviljat", 300_000, "1:1"),
        ("Testverket", "2027", "beviljat", 300_000, "1:3"),
    ]
    # alone, the estimate is the assignment's frame
    alone = decision("Kostnaderna för uppdraget under 2027 beräknas till 600 000 kronor.")
    assert money(alone) == [("2027", "beräknat", 600_000)]


def test_a_bare_year_right_after_the_report_verb() -> None:
    assert dates(decision("Uppdraget ska slutredovisas 2028.")) == ["2028"]
    # a year that governs something else is not when
    assert dates(decision("Resultaten som redovisas 2028 ska användas i arbetet.")) == []


def test_a_scanned_letter_l_for_the_digit_one_in_money() -> None:
    text = decision(
        "Testverket får under 2027 använda högst l miljon kronor som ska belasta utgiftsområde "
        "18 Samhällsplanering, anslaget l : 1 Bostadspolitisk utveckling."
    )
    assert budget_rows(text) == [("Testverket", "2027", "beviljat", 1_000_000, "1:1")]


def test_the_original_date_stated_in_the_past_is_the_one_replaced() -> None:
    text = decision(
        "Det ursprungliga redovisningsdatumet var 30 december 2027. Uppdraget har förlängts och "
        "ska istället redovisas den 13 februari 2028."
    )
    (entry,) = deadlines(text)
    assert entry["datum"] == "2028-02-13"
    assert [c["datum"] for c in entry["ändringar"]] == ["2027-12-30"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Arbetet ska utgå från det förslag som Testverket har redovisat till regeringen i mars "
        "2027.",
        "Testverket ska redovisa behovet av stöd med anledning av att konventionen blir lag den "
        "1 januari 2027.",
    ],
)
def test_a_past_report_or_an_event_is_no_deadline(sentence: str) -> None:
    text = decision(f"{sentence} Uppdraget ska redovisas senast den 2 november 2027.")
    assert dates(text) == ["2027-11-02"]


def test_an_appropriation_in_uo_shorthand() -> None:
    text = decision(
        "Testverket får använda högst 1 miljon kronor under 2027. Utgifterna ska belasta anslag "
        "1:5 Näringslivsutveckling inom UO 24, ap. 8 Näringslivsutveckling."
    )
    (line,) = draft_from_text(text).data["budget"]
    assert line["anslag"] == {
        "utgiftsområde": 24,
        "anslag": "1:5",
        "anslagspost": 8,
        "namn": "Näringslivsutveckling",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Avstämning ska ske med Regeringskansliet (Infrastrukturdepartementet) under arbetets "
        "gång.",
        "Testverket ska fortlöpande samråda med Regeringskansliet (Näringsdepartementet).",
    ],
)
def test_checking_in_with_the_government_as_work_goes_on_is_ongoing(sentence: str) -> None:
    text = decision(f"{sentence} Uppdraget ska redovisas senast den 1 mars 2027.")
    assert dates(text) == ["2027-03-01", "löpande"]
    elsewhere = re.sub(r"Regeringskansliet \(\w+\)", "Naturvårdsverket", sentence)
    assert dates(decision(f"{elsewhere} Uppdraget ska redovisas senast den 1 mars 2027.")) == [
        "2027-03-01"
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [("1 S april", "2027-04-15"), ("l5 april", "2027-04-15"), ("3O april", "2027-04-30")],
)
def test_a_scanned_day_number_with_a_letter_for_a_digit(written: str, day: str) -> None:
    assert dates(decision(f"Uppdraget ska redovisas senast den {written} 2027.")) == [day]


YEARLESS_YEARLY = (
    "Uppdrag till Länsstyrelserna om tillsyn\n\n{line}\n\nRegeringen ger länsstyrelserna i "
    "uppdrag att stärka tillsynen.\n\nLänsstyrelserna ska årligen, senast den 31 mars, redovisa "
    "uppdraget till Regeringskansliet. Uppdraget slutredovisas senast den 31 mars 2029.\n"
)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Publicerad 15 maj 2026", True),
        ("Regeringsbeslut I:5 2026-05-15", False),
        ("Beslutad den 15 maj 2026", False),
    ],
)
def test_the_decision_or_publication_date_line_dates_yearless_reports(
    line: str, published: bool
) -> None:
    draft = draft_from_text(YEARLESS_YEARLY.format(line=line))
    assert draft.data["beslutad"] == "2026-05-15"
    yearly = [e for e in draft.data["redovisningar"] if e.get("upprepas")]
    assert [(e["datum"], e["till"]) for e in yearly] == [("2027-03-31", "2028-03-31")]
    assert any("publiceringsdatum" in n for n in draft.review) is published


def test_a_given_decision_date_wins_over_the_publication_date() -> None:
    text = YEARLESS_YEARLY.format(line="Publicerad 2 april 2026")
    draft = draft_from_text(text, decided="2026-03-30")
    assert draft.data["beslutad"] == "2026-03-30"
    assert not any("publiceringsdatum" in n or "skiljer sig" in n for n in draft.review)
    # (a printed decision date still wins over the one given)
    printed = draft_from_text(
        YEARLESS_YEARLY.format(line="Beslutad 2026-04-02"), decided="2026-03-30"
    )
    assert printed.data["beslutad"] == "2026-04-02"


def test_money_the_government_has_set_aside_for_the_assignment_is_granted() -> None:
    text = decision(
        "För genomförande av uppdraget under 2027 har regeringen under utgiftsområde 9 avsatt "
        "10 000 000 kronor på anslaget 1:4 Testverket, anslagspost 2. Regeringen avser att "
        "avsätta 10 000 000 kronor för samma ändamål 2028."
    )
    assert money(text) == [("2027", "beviljat", 10_000_000), ("2028", "beräknat", 10_000_000)]
    # set aside in a budget bill for something else: background
    other = decision(
        "Regeringen har i budgetpropositionen för 2027 avsatt 50 000 000 kronor för bredband."
    )
    assert money(other) == []


def test_money_to_hand_out_in_a_list_under_the_agencys_lead() -> None:
    text = decision(
        "Testverket ska bland annat:\n\n• under 2027 efter rekvisition betala ut 16 000 000 "
        "kronor till de sex regionala centren,\n• tilldela 4 000 000 kronor till centret med "
        "samordningsansvar,\n• senast den 31 mars 2028 slutredovisa uppdraget."
    )
    assert money(text) == [("2027", "beviljat", 16_000_000), ("2027", "beviljat", 4_000_000)]


def test_then_twice_a_year_after_a_dated_report_until_the_final_one() -> None:
    text = decision(
        "Testverket ska lämna en lägesrapport till Regeringskansliet senast den 31 maj 2027.\n\n"
        "Därefter ska lägesrapporter lämnas till Regeringskansliet senast den 31 januari "
        "respektive den 30 september varje år. En slutrapport ska lämnas till "
        "Regeringskansliet senast den 31 mars 2030."
    )
    assert [s[:3] for s in series(text)] == [
        ("2027-05-31", None, None),
        ("2027-09-30", "årligen", "2029-09-30"),
        ("2028-01-31", "årligen", "2030-01-31"),
        ("2030-03-31", None, None),
    ]


def test_the_same_year_as_the_date_before() -> None:
    text = decision(
        "Testverket ska senast den 15 oktober 2027 redovisa en bedömning till Regeringskansliet. "
        "Uppdraget ska slutredovisas senast den 31 december samma år."
    )
    assert dates(text) == ["2027-10-15", "2027-12-31"]


def test_two_last_parts_due_the_same_day_are_one_final_report() -> None:
    text = decision(
        "Denna del av uppdraget ska redovisas till Regeringskansliet senast den 14 september "
        "2027.\n\nI uppdraget ingår vidare att bedöma behoven. Denna del av uppdraget ska "
        "redovisas till Regeringskansliet senast den 31 januari 2028.\n\nI uppdraget ingår "
        "slutligen att föreslå åtgärder. Denna del av uppdraget ska redovisas till "
        "Regeringskansliet senast den 31 januari 2028."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("delredovisning", "2027-09-14"),
        ("slutredovisning", "2028-01-31"),
    ]


def test_money_the_agency_pays_in_the_present_tense() -> None:
    text = decision(
        "Under 2027 betalar Testverket 23 200 000 kronor åt nationella kompetenscentrum för "
        "anhörigstöd."
    )
    assert money(text) == [("2027", "beviljat", 23_200_000)]


def test_one_funded_year_alone_does_not_date_a_yearly_report() -> None:
    body = (
        "Testverket får använda 2 000 000 kronor under 2027. Varje år redovisar Testverket "
        "senast den 30 april till Socialdepartementet."
    )
    assert dates(decision(body)) == ["löpande"]
    # with a final report, the years run from the funded one until the year before it
    ended = decision(body + " Uppdraget slutredovisas senast den 30 april 2030.")
    assert series(ended)[0][:3] == ("2027-04-30", "årligen", "2029-04-30")


@pytest.mark.parametrize(
    ("order", "kind"),
    [
        ("Regeringen uppdrar vidare åt Testverket att årligen redovisa arbetet med tillsynen.",
         "årlig redovisning"),
        ("Regeringen uppdrar även åt Testverket att löpande informera Regeringskansliet "
         "(Socialdepartementet) om arbetet.", "övrigt"),
    ],
)  # fmt: skip
def test_an_undated_duty_in_the_governments_own_order(order: str, kind: str) -> None:
    (entry,) = deadlines(decision(order))
    assert (entry["typ"], entry["löpande"]) == (kind, True)
    # the same words as a plain wish are not an order to anyone
    assert deadlines(decision(order.replace("uppdrar vidare åt", "vill att").replace(
        "uppdrar även åt", "vill att"))) == []  # fmt: skip


def test_ongoing_check_ins_with_the_government_name_the_one_checked_with() -> None:
    text = decision(
        "Testverket ska ta till vara kunskaper hos Socialstyrelsen och ha löpande avstämningar "
        "med Regeringskansliet (Socialdepartementet) under arbetets gång."
    )
    (entry,) = deadlines(text)
    assert entry["löpande"] is True
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"
    # check-ins among the agencies themselves are no duty towards the government
    assert (
        deadlines(text.replace("Regeringskansliet (Socialdepartementet)", "länsstyrelserna")) == []
    )


@pytest.mark.parametrize("split", ["Regerings kansliet", "Regerings\nkansliet"])
def test_the_government_offices_split_in_two_by_the_layout(split: str) -> None:
    text = decision(
        f"Uppdraget ska redovisas till {split} (Socialdepartementet) senast den 31 mars 2027."
    )
    (entry,) = deadlines(text)
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_taking_over_the_responsibility_for_accounts_is_no_report() -> None:
    text = decision(
        "Testverket ska förbereda och till den 1 september 2027 genomföra övertagandet av "
        "kansliet, inklusive ansvaret för den ekonomiska redovisningen."
    )
    assert dates(text) == []
    # a report that is due by the same words is still one
    assert dates(text.replace("genomföra övertagandet", "redovisa övertagandet")) == ["2027-09-01"]


def test_accounts_and_repayment_at_the_same_time_are_two_deliveries() -> None:
    text = decision(
        "Uppdraget ska redovisas till Regeringskansliet senast den 10 december 2027. Vidare ska "
        "vid samma tidpunkt en ekonomisk redovisning av använda medel lämnas till "
        "Kammarkollegiet och medel som inte har använts återbetalas till Kammarkollegiet."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("slutredovisning", "2027-12-10"),
        ("ekonomisk redovisning", "2027-12-10"),
        ("återbetalning", "2027-12-10"),
    ]


def test_the_government_kept_updated_is_an_ongoing_duty_with_its_department() -> None:
    text = decision(
        "Testverket ska hålla regeringen (Socialdepartementet) uppdaterad om hur arbetet "
        "fortskrider."
    )
    (entry,) = deadlines(text)
    assert (entry["löpande"], entry["mottagare"]) == (
        True,
        "Regeringskansliet (Socialdepartementet)",
    )
    # the material kept up to date is not a duty towards anyone
    assert deadlines(decision("Testverket ska hålla stödmaterialet uppdaterat.")) == []


def test_the_department_of_a_report_without_a_date() -> None:
    text = (
        "Uppdrag om granskningar\n\nRegeringen ger Testverket i uppdrag att ta emot "
        "internationella granskningar. Testverket ska återrapportera resultatet av "
        "granskningarna till regeringen (Miljö- och energidepartementet).\n"
    )
    assert draft_from_text(text).data["departement"] == "Miljö- och energidepartementet"
    assert (
        "departement"
        not in draft_from_text(text.replace(" (Miljö- och energidepartementet)", "")).data
    )


def test_this_year_is_the_decisions_year() -> None:
    text = decision(
        "En första version av planen ska lämnas till Regeringskansliet senast 31 augusti i år."
    )
    assert dates(text.replace("Regeringens beslut", "Regeringsbeslut 2020-05-20")) == ["2020-08-31"]
    # without the decision's date the year is left to the reader
    (entry,) = deadlines(text)
    assert "datum" not in entry and "inget år" in entry["anteckning"]


def test_a_departments_lost_hyphen_before_och() -> None:
    for written in ("Landsbygdsoch", "Landsbygds-och"):
        text = decision(
            "Uppdraget ska redovisas till Regeringskansliet "
            f"({written} infrastrukturdepartementet) senast den 16 januari 2027."
        )
        (entry,) = deadlines(text)
        assert (
            entry["mottagare"] == "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)"
        )


def test_frequent_reports_listed_under_what_the_assignment_includes() -> None:
    text = decision(
        "I uppdraget ingår att:\n\n"
        "• följa regionernas arbete med vaccinationerna,\n"
        "• veckovis redovisa antalet vaccinationer till Socialdepartementet,\n"
        "• månadsvis skicka en sammanställning av ersättningen till Kammarkollegiet och "
        "Finansdepartementet."
    )
    assert [(e["löpande"], e["mottagare"]) for e in deadlines(text)] == [
        (True, "Regeringskansliet (Socialdepartementet)"),
        (True, "Kammarkollegiet"),
    ]


def test_a_report_on_some_parts_of_the_assignment_is_a_partial_report() -> None:
    text = decision(
        "Testverket ska senast den 7 april 2027 lämna en redovisning av de delar av uppdraget "
        "som rör avgifter för provet samt en övergripande tidsplan för det fortsatta arbetet. "
        "Uppdraget ska slutredovisas senast den 15 juni 2028."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("delredovisning", "2027-04-07"),
        ("slutredovisning", "2028-06-15"),
    ]


def test_the_old_date_cited_after_the_new_one_in_an_amendment() -> None:
    text = (
        "Ändring av uppdraget att se över regelverket\n\nRegeringen ändrar uppdraget till "
        "Testverket att se över regelverket. Testverket ska i stället redovisa uppdraget senast "
        "den 30 september 2027 till Regeringskansliet (Finansdepartementet).\n\nRegeringen gav "
        "genom beslut den 28 september 2026 Testverket i uppdrag att se över regelverket. "
        "Uppdraget ska enligt beslutet redovisas till Regeringskansliet (Finansdepartementet) "
        "senast den 1 april 2027.\n"
    )
    (entry,) = deadlines(text)
    assert (entry["datum"], entry["ändringar"]) == ("2027-09-30", [{"datum": "2027-04-01"}])
    # in a decision that changes nothing, "enligt beslutet" is this decision's own word
    fresh = decision(
        "Uppdraget ska enligt beslutet redovisas till Regeringskansliet senast den 1 april 2027."
    )
    assert dates(fresh) == ["2027-04-01"]


@pytest.mark.parametrize(
    ("written", "until"),
    [("för 2026 och 2027", "2028-02-22"), ("för 2026, 2027 och 2028", "2029-02-22")],
)
def test_reports_in_listed_annual_reports_are_a_yearly_series(written: str, until: str) -> None:
    text = decision(
        f"Testverket redovisar uppdraget till Regeringskansliet i årsredovisningarna {written}."
    )
    assert series(text) == [("2027-02-22", "årligen", until, "årlig redovisning")]
    spent = decision(
        f"Testverket ska i årsredovisningarna {written} redovisa hur medlen har använts."
    )
    assert series(spent) == [("2027-02-22", "årligen", until, "ekonomisk redovisning")]
    # two annual reports years apart are two reports
    apart = decision(
        "Testverket redovisar uppdraget till Regeringskansliet i årsredovisningarna för 2026 "
        "och 2028."
    )
    assert [d for d, *_ in series(apart)] == ["2027-02-22", "2029-02-22"]


@pytest.mark.parametrize(
    ("written", "department"),
    [
        ("Landsbygd- och infrastrukturdepartementet", "Landsbygds- och infrastrukturdepartementet"),
        ("Socialdepartement", "Socialdepartementet"),
        ("Klimat och näringslivsdepartementet", "Klimat- och näringslivsdepartementet"),
        ("Klimatoch näringslivsdepartementet", "Klimat- och näringslivsdepartementet"),
        ("Miljö- och energidepartememet", "Miljö- och energidepartementet"),
        # a name that is no near miss of a department stays as written
        ("Statsrådsberedningens kansli", "Statsrådsberedningens kansli"),
    ],
)
def test_a_misspelt_department_is_the_department(written: str, department: str) -> None:
    data = draft_from_text(
        "Uppdrag om TEN-T\n\nRegeringen ger Testverket i uppdrag att analysera förordningen. "
        f"Uppdraget ska redovisas till Regeringskansliet ({written}) senast den 28 februari "
        "2027.\n"
    ).data
    (entry,) = data["redovisningar"]
    assert entry["mottagare"] == f"Regeringskansliet ({department})"


def test_an_inquirys_report_date_is_not_the_agencys() -> None:
    text = decision(
        "Testverket ska beakta de förslag som Elmarknadsutredningen lämnar i sitt betänkande, "
        "som ska redovisas senast den 25 april 2027. Uppdraget ska redovisas senast den 18 "
        "december 2027."
    )
    assert dates(text) == ["2027-12-18"]
    # the agency's own comments on the inquiry's report are a delivery
    comments = decision("Testverket ska lämna synpunkter på betänkandet senast den 25 april 2027.")
    assert dates(comments) == ["2027-04-25"]


def test_the_extended_term_ends_with_the_final_report() -> None:
    text = decision(
        "Regeringen förlänger uppdragstiden till och med den 1 februari 2027, då uppdraget "
        "slutredovisas till Regeringskansliet."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [("slutredovisning", "2027-02-01")]
    # the term alone is how long the assignment runs
    assert dates(decision("Uppdraget gäller till och med den 1 februari 2027.")) == []


def test_a_compilation_handed_to_kammarkollegiet_is_a_delivery() -> None:
    text = decision(
        "Testverket ska sammanställa ett underlag till Kammarkollegiet senast den 11 december "
        "2027 för utbetalning av ersättningen."
    )
    (entry,) = deadlines(text)
    assert (entry["datum"], entry["mottagare"]) == ("2027-12-11", "Kammarkollegiet")
    assert dates(text.replace("till Kammarkollegiet", "om kommunerna")) == []


def test_when_reporting_starts_is_no_deadline() -> None:
    text = decision(
        "Testverket ska veckovis redovisa antalet tester till Socialdepartementet. I "
        "rapporteringen ska myndigheten redovisa testningen per åldersgrupp, med start den 1 "
        "juli 2027."
    )
    assert dates(text) == ["löpande"]
    # the first of a quarterly series is a date
    quarterly = decision(
        "Testverket ska kvartalsvis redovisa testningen till Socialdepartementet, med start den "
        "30 september 2027."
    )
    assert series(quarterly)[0][0] == "2027-09-30"


def test_a_report_verb_split_in_two_by_the_layout() -> None:
    text = decision(
        "Uppdraget ska redo visas löpande till Regeringskansliet (Socialdepartementet)."
    )
    (entry,) = deadlines(text)
    assert (entry["löpande"], entry["mottagare"]) == (
        True,
        "Regeringskansliet (Socialdepartementet)",
    )
    # "redo" is a word of its own before anything else
    assert deadlines(decision("Testverket ska vara redo att visa resultaten löpande.")) == []


def test_a_yearly_report_from_a_named_year_until_the_final_one() -> None:
    text = decision(
        "Uppdraget ska redovisas till Regeringskansliet årligen senast den 31 mars fr.o.m. 2027 "
        "och slutredovisas till Regeringskansliet senast den 31 mars 2031."
    )
    assert series(text) == [
        ("2027-03-31", "årligen", "2030-03-31", "årlig redovisning"),
        ("2031-03-31", None, None, "slutredovisning"),
    ]


def test_the_earlier_decisions_money_told_again_in_an_amendment() -> None:
    told = (
        "Regeringen uppdrog genom beslut den 13 juni 2026 åt Testverket att främja IPv6. Av "
        "beslutet framgår att Testverket för genomförandet får rekvirera sammanlagt 1 miljon "
        "kronor åren 2026 och 2027."
    )
    amending = (
        f"Ändring av uppdraget att främja IPv6\n\n{told} Uppdraget ska i stället redovisas "
        "senast den 1 mars 2028.\n"
    )
    assert money(amending) == []
    # the same words in a decision of its own grant the money
    assert money(decision(told.replace("Av beslutet framgår att", "Regeringen beslutar att")))


def test_a_report_with_the_date_first_and_the_subject_after_the_verb() -> None:
    text = decision("Den 1 oktober 2027 slutredovisar myndigheten uppdraget.")
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [("slutredovisning", "2027-10-01")]
    # a date that opens a sentence about someone else's report is not the agency's
    assert dates(decision("Den 1 oktober 2027 slutredovisar utredningen sitt arbete.")) == []


def test_status_pictures_before_the_final_report_are_partial_reports() -> None:
    text = decision(
        "Testverket ska lämna lägesbilder över arbetet till regeringen (Finansdepartementet) den "
        "30 juni 2027 och i samband med slutredovisningen av uppdraget. Uppdraget ska "
        "slutredovisas till regeringen (Finansdepartementet) senast den 31 december 2028."
    )
    assert [(e["typ"], e["datum"]) for e in deadlines(text)] == [
        ("delredovisning", "2027-06-30"),
        ("slutredovisning", "2028-12-31"),
    ]


def test_two_departments_share_one_delivery() -> None:
    text = decision(
        "Myndigheterna ska redovisa uppdraget gemensamt till Miljödepartementet och "
        "Kulturdepartementet senast den 28 februari 2027."
    )
    (entry,) = deadlines(text)
    assert entry["mottagare"] == "Regeringskansliet (Miljödepartementet och Kulturdepartementet)"
    # a department and an agency are two recipients
    other = decision(
        "Uppdraget ska redovisas till Miljödepartementet och Naturvårdsverket senast den 28 "
        "februari 2027."
    )
    assert [e["mottagare"] for e in deadlines(other)] == [
        "Regeringskansliet (Miljödepartementet)",
        "Naturvårdsverket",
    ]


def test_a_short_name_declared_after_a_name_missing_a_space() -> None:
    text = (
        "Uppdrag om pojkars jämställdhet\n\nRegeringen ger Myndigheten för ungdoms-och "
        "civilsamhällesfrågor (MUCF) i uppdrag att ta fram en kunskapssammanställning.\n\n"
        "MUCF ska redovisa uppdraget den 31 mars 2027.\n"
    )
    data = draft_from_text(text).data
    assert [a["namn"] for a in data["myndigheter"]] == [
        "Myndigheten för ungdoms- och civilsamhällesfrågor"
    ]
    assert [e["datum"] for e in data["redovisningar"]] == ["2027-03-31"]


def test_several_case_numbers_after_the_label() -> None:
    text = (
        "Uppdrag till Kammarkollegiet att betala ut medelDiarienummer: Fi2025/01984, "
        "Fi2025/01995, Fi2026/00145\n\nRegeringen ger Kammarkollegiet i uppdrag att betala ut "
        "medel. Kammarkollegiet ska redovisa uppdraget senast den 1 mars 2027.\n"
    )
    assert draft_from_text(text).data["diarienummer"] == [
        "Fi2025/01984",
        "Fi2025/01995",
        "Fi2026/00145",
    ]


def test_the_assignment_of_an_inquiry_named_before_it() -> None:
    text = decision(
        "Ett förslag ska lämnas till Regeringskansliet senast den 1 mars 2027.",
        background="",
    ).replace(
        "Ett förslag ska lämnas",
        "Regeringen har gett en utredning i uppdrag att föreslå kompletterande bestämmelser (dir. "
        "2026:46). Uppdraget ska slutredovisas senast den 22 december 2026. Testverkets förslag "
        "ska lämnas",
    )
    assert dates(text) == ["2027-03-01"]
    # the agency's own assignment, after a committee it works with, is its own
    own = decision(
        "Testverket ska samverka med Kommissionen för jämställda livsinkomster (dir. 2026:22). "
        "Uppdraget ska slutredovisas till regeringen senast den 17 december 2027."
    )
    assert dates(own) == ["2027-12-17"]


def test_planned_money_paid_out_after_a_date_is_that_years() -> None:
    text = decision(
        "Regeringen ger Testverket i uppdrag att, under förutsättning att riksdagen anslår "
        "erforderliga medel, så snart som möjligt efter den 1 juli 2027 fördela och betala ut "
        "ett tilläggsbidrag om 30 miljoner kronor."
    )
    assert money(text) == [("2027", "beräknat", 30_000_000)]
    # without a payout date the year is left to the reader
    undated = text.replace("så snart som möjligt efter den 1 juli 2027 ", "")
    assert money(undated) == []


def test_ongoing_support_to_the_government_under_a_lead() -> None:
    text = decision(
        "Testverket ska löpande inom ramen för sitt verksamhetsområde:\n\n– bistå "
        "Regeringskansliet (Näringsdepartementet), med underlag och förslag,\n\n– bidra till "
        "samverkan i Östersjöregionen."
    )
    (entry,) = deadlines(text)
    assert (entry["löpande"], entry["mottagare"]) == (
        True,
        "Regeringskansliet (Näringsdepartementet)",
    )
    # without "löpande" in the lead the support is a task, not a reporting duty
    assert deadlines(text.replace("ska löpande inom", "ska inom")) == []


def test_the_date_of_a_decision_by_the_riksdag_is_no_deadline() -> None:
    text = decision(
        "Kompletteringen ska avse dels en reviderad tidplan för projektet baserad på antagandet "
        "att riksdagen under slutet av 2027 beslutar om omsättning av flottan, dels en utvecklad "
        "ekonomisk plan. Sjöfartsverket ska lämna kompletteringen till Regeringskansliet senast "
        "den 9 april 2027."
    )
    assert dates(text) == ["2027-04-09"]


def test_a_delpost_is_kept_as_its_post_with_a_review_note() -> None:
    text = decision(
        "Testverket får använda högst 1 000 000 kronor under 2027. Kostnaderna ska belasta "
        "utgiftsområde 22 Kommunikationer, anslaget 1:1 Utveckling av statens "
        "transportinfrastruktur, anslagsposten 11.1 Trimning och effektivitetsåtgärder."
    )
    draft = draft_from_text(text)
    (line,) = draft.data["budget"]
    assert line["anslag"]["anslagspost"] == 11
    assert any("delposten 11.1" in note for note in draft.review)
    # a plain post says nothing
    plain = draft_from_text(text.replace("11.1", "11"))
    assert not any("delpost" in note for note in plain.review)


# --- session 8 blind rounds (S8A–S8D): grants, names, typos, year lists -------------------


def test_a_grant_with_bevilja_is_money_and_names_its_receiver() -> None:
    text = (
        "Kulturdepartementet\n\nAnsökan om medel för tre undersökningar\n\n"
        "Regeringen beslutar, i enlighet med ansökan från Centralförbundet för alkohol- och "
        "narkotikaupplysning (CAN), att bevilja CAN 3 000 000 kronor för arbetet med "
        "undersökningarna. Medlen får användas under 2017.\n\nPå regeringens vägnar\n"
    )
    assert money(text) == [("2017", "beviljat", 3_000_000)]
    names = [a["namn"] for a in draft_from_text(text).data["myndigheter"]]
    assert names == ["Centralförbundet för alkohol- och narkotikaupplysning"]
    # an abbreviation the decision does not spell out stays as written
    bare = text.replace(
        "ansökan från Centralförbundet för alkohol- och narkotikaupplysning (CAN)", "ansökan"
    )
    assert [a["namn"] for a in draft_from_text(bare).data["myndigheter"]] == ["CAN"]


def test_an_agency_name_with_an_adjective_after_for_is_whole() -> None:
    text = decision(
        "För uppdraget får Testverket använda högst 1 000 000 kronor och Myndigheten för "
        "psykologiskt försvar får använda högst 500 000 kronor under 2026."
    )
    rows = {
        (line.get("myndighet"), year)
        for line in draft_from_text(text).data["budget"]
        for year in line["år"]
    }
    assert ("Myndigheten för psykologiskt försvar", 2026) in rows


def test_a_misspelt_report_verb_in_a_bullet_is_still_a_report() -> None:
    text = decision(
        "Testverket ska bland annat:\n\n• betala ut 2,5 miljoner kronor till regionerna,\n"
        "• senast den 11 juni 2027 slutrapporera uppdraget till Regeringskansliet."
    )
    assert series(text) == [("2027-06-11", None, None, "slutredovisning")]


def test_each_year_keeps_its_own_amount_in_one_sentence() -> None:
    text = decision(
        "För uppdragets genomförande får Testverket använda högst 500 000 kronor under 2018 "
        "och för 2019 beräknas Testverket få använda 400 000 kronor."
    )
    assert money(text) == [("2018", "beviljat", 500_000), ("2019", "beräknat", 400_000)]
    # a list of years for one amount is still one lump sum
    lump = decision("Testverket får använda 5 000 000 kronor under 2026 och under 2027.")
    assert money(lump) == [("2026–2027", "beviljat", 5_000_000)]


def test_yearly_times_listed_in_full_are_not_open_series() -> None:
    text = decision(
        "En årlig ekonomisk uppföljning ska lämnas senast den 15 juni 2027 respektive den 15 "
        "mars 2028 till Regeringskansliet (Socialdepartementet)."
    )
    assert [(d, rep) for d, rep, _, _ in series(text)] == [
        ("2027-06-15", None),
        ("2028-03-15", None),
    ]


def test_repayment_the_year_after_each_requisition() -> None:
    text = decision(
        "Testverket får använda högst 500 000 kronor under 2027 och för 2028 beräknas "
        "Testverket få använda 500 000 kronor. Medel som inte har utnyttjats ska återbetalas "
        "till Kammarkollegiet senast den 28 februari året efter rekvisitionen."
    )
    repay = [s for s in series(text) if s[3] == "återbetalning"]
    assert repay == [("2028-02-28", "årligen", "2029-02-28", "återbetalning")]


def test_uppdrar_ar_typo_still_names_the_agency() -> None:
    text = (
        "Uppdrag att genomföra utbildningsinsatser\n\nRegeringens beslut\n\n"
        "Regeringen uppdrar år Statens geotekniska institut (SGI) att genomföra "
        "utbildningsinsatser.\n\nUppdraget ska redovisas senast den 1 mars 2027.\n"
    )
    names = [a["namn"] for a in draft_from_text(text).data["myndigheter"]]
    assert names == ["Statens geotekniska institut"]


def test_the_appropriation_the_money_has_been_added_to() -> None:
    text = decision(
        "Testverket får för uppdragets genomförande använda högst 16 miljoner kronor under "
        "2026. Dessa medel har tillförts utgiftsområde 18 Samhällsplanering, anslaget 1 :4 "
        "Testverket."
    )
    (line,) = draft_from_text(text).data["budget"]
    assert (line["anslag"]["utgiftsområde"], line["anslag"]["anslag"]) == (18, "1:4")


def test_requisitions_go_to_the_agency_the_decision_names_for_them() -> None:
    text = decision(
        "Testverket får använda högst 5 000 000 kronor under 2026 och 3 500 000 kronor under "
        "2027. Medlen ska betalas ut efter rekvisition ställd till\n\nSkogsstyrelsen. "
        "Rekvisitionen ska ske senast den 1 december 2026 respektive den 1 december 2027. En "
        "årlig ekonomisk uppföljning ska lämnas senast den 15 juni 2027 respektive den 15 mars "
        "2028 till Regeringskansliet (Socialdepartementet)."
    )
    found = [(e["datum"], e["typ"], e.get("mottagare")) for e in deadlines(text)]
    assert ("2026-12-01", "rekvisition", "Skogsstyrelsen") in found
    assert ("2027-06-15", "ekonomisk redovisning", "Regeringskansliet (Socialdepartementet)") in (
        found
    )


def test_a_report_with_its_economic_account_is_the_report() -> None:
    text = decision(
        "Testverket ska redovisa planerade insatser och resultatet av vidtagna insatser samt "
        "lämna en ekonomisk redovisning av använda medel till Socialdepartementet senast den "
        "22 februari 2028. En delredovisning ska även lämnas den 22 februari 2027."
    )
    assert sorted((d, t) for d, _, _, t in series(text)) == [
        ("2027-02-22", "delredovisning"),
        ("2028-02-22", "slutredovisning"),
    ]


# --- blind rounds ZZY–ZZZ -----------------------------------------------------------------


def test_ger_x_uppdrag_enligt_nedan_addresses_x() -> None:
    text = (
        "Uppdrag om ett nationellt program\n\nRegeringen ger Statens skolverk uppdrag enligt "
        "nedan.\n\nSkolverket ska ta fram ett program.\n\nStatens skolverk ska redovisa "
        "uppdraget till Utbildningsdepartementet senast den 1 oktober 2027.\n"
    )
    draft = draft_from_text(text)
    assert [a["namn"] for a in draft.data["myndigheter"]] == ["Statens skolverk"]
    assert series(text) == [("2027-10-01", None, None, "slutredovisning")]


def test_regions_granted_money_report_on_its_use() -> None:
    text = (
        "Medel till regioner för att omförhandla avtal\n\nRegeringen beslutar att regionerna "
        "får rekvirera medel i syfte att omförhandla avtal.\n\nRegionerna ska lämna en "
        "redovisning över hur medlen har använts senast den 31 mars 2027 till "
        "Socialdepartementet.\n"
    )
    assert [a["namn"] for a in draft_from_text(text).data["myndigheter"]] == ["Regionerna"]
    assert series(text) == [("2027-03-31", None, None, "ekonomisk redovisning")]
    # in a decision addressed to an agency, the regions' duty is still not the agency's
    other = decision(
        "Regionerna ska lämna en redovisning över hur medlen har använts senast den 31 mars "
        "2027 till Testverket."
    )
    assert dates(other) == []


def test_contributing_input_by_a_date_is_a_delivery() -> None:
    assert dates(
        decision("Testverket bidrar senast den 30 juni 2027 med underlag för en lägesbild.")
    ) == ["2027-06-30"]
    assert dates(decision("Testverket ska bidra till att målen nås senast den 30 juni 2027.")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Under arbetets gång ska Testverket informera Regeringskansliet om hur arbetet går.",
        "Testverket ska stämma av med Regeringskansliet under arbetets gång med minst två "
        "muntliga delredovisningar innan slutredovisningen.",
    ],
)
def test_checking_in_while_the_work_goes_on_is_ongoing(body: str) -> None:
    assert [e.get("löpande") for e in deadlines(decision(body))] == [True]


def test_a_report_including_its_economic_account_is_the_final_report() -> None:
    text = decision(
        "Uppdraget ska redovisas, inklusive en ekonomisk redovisning, senast den 30 mars 2027."
    )
    assert series(text) == [("2027-03-30", None, None, "slutredovisning")]


def test_a_national_plan_the_task_follows_is_no_plan_to_deliver() -> None:
    text = decision(
        "Testverket ska redovisa uppdraget senast den 1 oktober 2027 i enlighet med uppdraget "
        "att samordna och följa upp den nationella planen mot rasism."
    )
    assert series(text) == [("2027-10-01", None, None, "slutredovisning")]
    assert series(decision("Testverket ska lämna en plan senast den 1 oktober 2027.")) == [
        ("2027-10-01", None, None, "plan")
    ]


def test_forum_for_levande_historia_is_an_agency_and_a_recipient() -> None:
    text = decision(
        "Testverket ska redovisa uppdraget senast den 1 oktober 2027 till Forum för levande "
        "historia (med kopia till Kulturdepartementet)."
    )
    (entry,) = deadlines(text)
    assert entry["mottagare"] == "Forum för levande historia"
    named = draft_from_text(
        "Uppdrag till Forum för levande historia\n\nRegeringens beslut\n\nRegeringen ger "
        "Forum för levande historia i uppdrag att sprida kunskap.\n"
    )
    assert [a["namn"] for a in named.data["myndigheter"]] == ["Forum för levande historia"]


# --- blind rounds ZZZA–ZZZB ---------------------------------------------------------------


def test_a_yearless_day_takes_the_years_of_the_sentence_before() -> None:
    text = decision(
        "Testverket ska under 2027 och 2028 rapportera till Regeringskansliet. Rapporterna ska "
        "lämnas senast den 1 november."
    )
    assert series(text)[0][:3] == ("2027-11-01", "årligen", "2028-11-01")


def test_yearly_during_the_period_starts_in_its_first_year() -> None:
    text = decision(
        "Testverket ska senast den 21 februari årligen under perioden 2026–2028 lämna en "
        "delredovisning av uppdraget och senast den 21 februari 2029 lämna en slutredovisning "
        "av uppdraget till Regeringskansliet (Socialdepartementet)."
    )
    assert [(d, t) for d, _, t, _ in series(text)] == [
        ("2026-02-21", "2028-02-21"),
        ("2029-02-21", None),
    ]


def test_dialog_held_continuously_is_ongoing() -> None:
    body = "Dialog ska föras löpande med Regeringskansliet (Socialdepartementet)."
    assert [e.get("löpande") for e in deadlines(decision(body))] == [True]


def test_one_report_to_the_government_and_to_an_agency_is_two_deliveries() -> None:
    text = decision(
        "Testverket ska senast den 1 mars 2028 lämna en redovisning av uppdraget till "
        "Regeringskansliet (Socialdepartementet) samt till Folkhälsomyndigheten som följer upp "
        "arbetet."
    )
    assert sorted((e["datum"], e["mottagare"]) for e in deadlines(text)) == [
        ("2028-03-01", "Folkhälsomyndigheten"),
        ("2028-03-01", "Regeringskansliet (Socialdepartementet)"),
    ]


def test_a_yearless_yearly_report_starts_in_the_year_of_the_decisions_own_number() -> None:
    text = (
        "Uppdrag till Testverket att genomföra insatserDiarienummer:  S2027/00062\n\n"
        "Regeringen uppdrar åt Testverket att genomföra insatser.\n\nTestverket ska årligen, "
        "senast den 1 september, delredovisa uppdraget och senast den 1 september 2031 "
        "slutredovisa uppdraget till Regeringskansliet.\n"
    )
    draft = draft_from_text(text)
    yearly = [e for e in draft.data["redovisningar"] if e.get("upprepas")]
    assert [(e["datum"], e["till"]) for e in yearly] == [("2027-09-01", "2030-09-01")]
    assert "diarienumret" in yearly[0]["anteckning"]
    # a decision date, when known, still decides
    dated = draft_from_text(text, decided="2027-10-15").data["redovisningar"]
    assert [e["datum"] for e in dated if e.get("upprepas")] == ["2028-09-01"]


def test_a_plan_for_how_the_assignment_is_to_be_carried_out_is_a_plan() -> None:
    text = decision(
        "Testverket ska senast den 30 maj 2027 till Regeringskansliet (Socialdepartementet) "
        "inkomma med en plan för hur uppdraget ska\ngenomföras."
    )
    assert series(text) == [("2027-05-30", None, None, "plan")]
    # "Uppdraget ska vara genomfört senast …" is still how long it runs
    assert dates(decision("Uppdraget ska vara genomfört senast den 31 december 2027.")) == []


def test_an_ongoing_duty_and_a_yearly_report_in_one_sentence_are_both_kept() -> None:
    text = decision(
        "Testverket ska löpande informera Regeringskansliet (Socialdepartementet) och redovisa "
        "uppdraget i samband med de årliga genomföranderapporterna."
    )
    assert sorted((e.get("löpande"), e["typ"]) for e in deadlines(text)) == [
        (True, "årlig redovisning"),
        (True, "övrigt"),
    ]
    # one report that is both ongoing and yearly stays one
    both = decision("Testverket ska löpande och årligen redovisa uppdraget till Regeringskansliet.")
    assert len(deadlines(both)) == 1


@pytest.mark.parametrize(
    "body",
    [
        "Testverket redovisar uppdraget Socialdepartementet senast den 15 januari 2027.",
        "Testverket ska senast den 15 januari 2027 lämna Socialdepartementet en redovisning av "
        "genomförandet.",
        "Testverket ska senast den 15 januari 2027 lämna en redovisning till Regeringen "
        "(Socialdepartementet) med kopia till Tillväxtverket.",
    ],
)
def test_the_department_is_the_recipient_without_till_or_with_capital_regeringen(
    body: str,
) -> None:
    (entry,) = deadlines(decision(body))
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_the_only_report_named_verksamhetsrapport_is_the_final_report() -> None:
    text = decision(
        "Testverket ska senast den 28 februari 2027 lämna in en verksamhetsrapport till "
        "Regeringskansliet (Socialdepartementet) om uppdragets genomförande under 2026."
    )
    assert series(text) == [("2027-02-28", None, None, "slutredovisning")]


@pytest.mark.parametrize(
    "name",
    [
        "Sametinget",
        "Vinnova",
        "Arbetsförmedlingen",
        "Kriminalvården",
        "Lantmäteriet",
        "Havs- och vattenmyndigheten",
        "Statistiska centralbyrån",
        "Sveriges Kommuner och Regioner",
        "Brottsförebyggande rådet",
        "Europeiska kommissionen",
    ],
)
def test_recipients_whose_names_have_no_agency_ending(name: str) -> None:
    (entry,) = deadlines(
        decision(f"Testverket ska redovisa uppdraget till {name} senast den 1 mars 2027.")
    )
    assert entry["mottagare"] == name


def test_the_same_report_to_an_agency_and_sametinget() -> None:
    text = decision(
        "Testverket ska redovisa uppdragets genomförande senast den 1 mars 2027 till Länsstyrelsen "
        "i Stockholms län och Sametinget med kopia till Regeringskansliet (Socialdepartementet)."
    )
    assert [(e["datum"], e.get("mottagare")) for e in deadlines(text)] == [
        ("2027-03-01", "Länsstyrelsen i Stockholms län"),
        ("2027-03-01", "Sametinget"),
    ]


def test_case_number_with_a_mixed_case_unit() -> None:
    text = decision("Uppdraget ska redovisas senast den 1 mars 2027.").replace(
        "Regeringens beslut\n", "Diarienummer: M2017/00171/Kl\n\nRegeringens beslut\n"
    )
    assert draft_from_text(text).data["diarienummer"] == ["M2017/00171/Kl"]


def test_an_extended_assignment_names_its_lower_case_agencies() -> None:
    text = (
        "Förlängning av uppdrag att kartlägga vattensituationen\n\n"
        "Regeringen förlänger uppdraget till länsstyrelserna att kartlägga vattensituationen i "
        "respektive län.\n\nUppdraget ska redovisas senast den 23 september 2027.\n"
    )
    assert [m["namn"] for m in draft_from_text(text).data["myndigheter"]] == ["Länsstyrelserna"]


def test_a_long_agency_name_that_gets_the_assignment() -> None:
    text = (
        "Uppdrag att utarbeta underlag om klimatanpassning\n\n"
        "Sveriges meteorologiska och hydrologiska institut (SMHI) får i uppdrag att följa upp "
        "arbetet med klimatanpassning.\n\n"
        "Uppdraget ska redovisas till Miljödepartementet senast den 28 februari 2027.\n"
    )
    data = draft_from_text(text).data
    assert [m["namn"] for m in data["myndigheter"]] == [
        "Sveriges meteorologiska och hydrologiska institut"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Testverket ska lämna en skriftlig rapport till Regeringskansliet (Socialdepartementet) "
        "en gång per månad avseende utvecklingen av ärendehanteringen.",
        "Testverket ska varannan månad rapportera läget till Regeringskansliet "
        "(Socialdepartementet).",
        "Testverket ska månatligen redovisa läget till Regeringskansliet (Socialdepartementet).",
    ],
)
def test_reports_too_frequent_to_date_are_ongoing(body: str) -> None:
    (entry,) = deadlines(decision(body))
    assert entry["löpande"] is True
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"


def test_a_monthly_figure_in_a_dated_report_is_not_an_ongoing_duty() -> None:
    text = decision(
        "Testverket ska redovisa antalet ärenden per månad i slutrapporten, som ska lämnas "
        "senast den 1 mars 2027."
    )
    assert [e.get("datum", "löpande") for e in deadlines(text)] == ["2027-03-01"]


@pytest.mark.parametrize(
    "body",
    [
        "De insatser som har genomförts ska redovisas i myndighetens årsredovisningar.",
        "Testverket ska redovisa verksamheten särskilt i sin årsredovisning.",
    ],
)
def test_a_report_in_the_annual_report_without_a_year_is_a_yearly_report(body: str) -> None:
    (entry,) = deadlines(decision(body))
    assert (entry["typ"], entry["löpande"]) == ("årlig redovisning", True)


def test_beslutar_att_uppdra_at_names_the_agency() -> None:
    text = (
        "Uppdrag angående ett nationellt kunskapscentrum\n\n"
        "Regeringen beslutar att uppdra åt Socialstyrelsen att göra en utlysning bland "
        "universitet och högskolor.\n\nUppdraget ska redovisas senast den 16 mars 2027.\n"
    )
    assert [m["namn"] for m in draft_from_text(text).data["myndigheter"]] == ["Socialstyrelsen"]


def test_ocr_repair_keeps_words_that_stand_as_they_are() -> None:
    raw = "Testverket far anvanda medlen. De ska se till att andra får vara med. " * 20
    repaired = repair_ocr(normalise_chars(raw)).text
    assert "Testverket får använda medlen. De ska se till att andra får vara med." in repaired


def test_a_short_or_partly_damaged_ocr_text_is_repaired() -> None:
    # most å/ä/ö survived, a few came out as digits or symbols; too short for the letter count
    text = (
        "Regeringen uppdrar &t Testverket att göra en kartläggning.\n\n"
        "Testverket ska l6pande informera Regeringskansliet (N4ringsdepartementet) om arbetet. "
        "Uppdraget ska redovisas till Ldnsstyrelsen i Kalmar l4n senast den 1 mars 2027.\n"
    )
    data = draft_from_text(text).data
    assert [m["namn"] for m in data["myndigheter"]] == ["Testverket"]
    assert [(e.get("datum", "löpande"), e.get("mottagare")) for e in data["redovisningar"]] == [
        ("2027-03-01", "Länsstyrelsen i Kalmar län"),
        ("löpande", "Regeringskansliet (Näringsdepartementet)"),
    ]


def test_clean_text_is_not_repaired() -> None:
    text = decision(
        "Barn som far illa ska få stöd. Uppdraget ska redovisas senast den 1 mars 2027."
    )
    assert "Barn som far illa" in " ".join(s.text for s in parse(text).sentences)


def test_a_yearly_span_right_after_the_date_beside_a_final_report() -> None:
    text = decision(
        "Testverket ska lämna delrapporter av uppdraget senast den 12 april under åren 2026–2028 "
        "samt lämna en slutrapport till Regeringskansliet (Socialdepartementet) senast den 15 "
        "september 2028."
    )
    assert series(text) == [
        ("2026-04-12", "årligen", "2028-04-12", "delredovisning"),
        ("2028-09-15", None, None, "slutredovisning"),
    ]


def test_ges_i_uppdrag_names_the_agency() -> None:
    text = (
        "Uppdrag om producentansvaret för förpackningar\n\n"
        "Naturvårdsverket ges i uppdrag att följa utvecklingen av producentansvaret.\n\n"
        "Uppdraget ska slutredovisas till Regeringskansliet (Miljödepartementet) den 1 mars 2028.\n"
    )
    assert [m["namn"] for m in draft_from_text(text).data["myndigheter"]] == ["Naturvårdsverket"]


def test_ocr_repair_picks_the_word_the_misread_letters_fit() -> None:
    raw = (
        "UHM:s insatser f4r högst omfatta 5 miljoner kronor per ar och PRV:s insatser f&r "
        "högst omfatta 500 000 kronor per 4r. Uppdraget ska redovisas f6re utg&ngen av 2027. "
    ) * 10
    repaired = repair_ocr(normalise_chars(raw)).text
    assert (
        "UHM:s insatser får högst omfatta 5 miljoner kronor per år och PRV:s insatser får "
        "högst omfatta 500 000 kronor per år. Uppdraget ska redovisas före utgången av 2027."
    ) in repaired


def test_ocr_repair_restores_words_beyond_the_hand_made_vocabulary() -> None:
    raw = (
        "MSB ska fortlopande informera Regeringskansliet. Rapporten ska sammanstéllas av "
        "Ldnsstyrelsen i Skane l4n och skickas till Malmo. "
    ) * 10
    repaired = repair_ocr(normalise_chars(raw)).text
    assert (
        "MSB ska fortlöpande informera Regeringskansliet. Rapporten ska sammanställas av "
        "Länsstyrelsen i Skåne län och skickas till Malmö."
    ) in repaired


def test_the_ocr_word_list_ships_with_the_package() -> None:
    from importlib import resources

    words = resources.files("uppdragskoll.importer").joinpath("data/ocr_ord.txt").read_text("utf-8")
    counts = dict(line.split(" ") for line in words.splitlines())
    assert int(counts["för"]) > int(counts["får"]) > 0
    # words without å/ä/ö are listed only when a misreading could produce them
    assert "andra" in counts and "regeringen" not in counts


def test_a_hard_hyphen_inside_an_agency_name_is_joined() -> None:
    text = decision(
        "Uppdraget ska redovisas i en rapport till Regerings-kansliet (Socialdepartementet) "
        "senast den 31 mars 2027."
    )
    (entry,) = deadlines(text)
    assert entry["mottagare"] == "Regeringskansliet (Socialdepartementet)"
    joined = " ".join(
        s.text for s in parse("Samråd med Konstnärs-nämnden och EU-kommissionen.").sentences
    )
    assert joined == "Samråd med Konstnärsnämnden och EU-kommissionen."


@pytest.mark.parametrize(
    ("body", "due"),
    [
        (
            "Arbetet genomförs under våren 2027 och redovisas till Regeringskansliet senast den "
            "30 september.",
            "2027-09-30",
        ),
        (
            "Testverket ska under 2027 genomföra en enkät och redovisa resultatet senast den 31 "
            "mars.",
            "2028-03-31",
        ),
    ],
)
def test_a_day_without_year_after_the_period_of_the_work(body: str, due: str) -> None:
    assert [e.get("datum") for e in deadlines(decision(body))] == [due]


def test_a_period_after_a_delivery_verb_is_still_the_deadline() -> None:
    assert dates(decision("Uppdraget ska redovisas under hösten 2027.")) == ["hösten 2027"]


def test_ocr_repair_reads_two_characters_for_one_and_mends_compounds() -> None:
    raw = (
        "Arbetet sker pé sjukhusvérd och i primédrvarden nédra patienterna i 14net, "
        "och ska fo6lja upp omstéllningsarbetet. "
    ) * 10
    repaired = repair_ocr(normalise_chars(raw)).text
    assert (
        "Arbetet sker på sjukhusvård och i primärvården nära patienterna i länet, "
        "och ska följa upp omställningsarbetet."
    ) in repaired


def test_an_agency_report_is_flagged_as_not_the_decision() -> None:
    report = (
        "Insatser för en god och nära vård\n\nFörord\n\n"
        "Den 8 juni 2023 gav regeringen ett uppdrag till Testverket att främja omställningen. "
        "Uppdraget ska delredovisas senast den 31 mars 2026.\n\n"
        "Den här rapporten innehåller en lägesbeskrivning av omställningen.\n"
    )
    assert any("rapport eller plan" in note for note in draft_from_text(report).review)
    # a decision that mentions a report is no report
    assert not any(
        "rapport eller plan" in note
        for note in draft_from_text(
            decision(
                "Testverket ska i den här rapporten … senast den 1 mars 2027 lämna en redovisning."
            )
        ).review
    )


@pytest.mark.parametrize(
    "title",
    [
        "Utredning om en tryggare vård",
        "Bidrag till Riksidrottsförbundet för 2026",
        "Framställning om förlängd tid för uppdraget att utvärdera kontrollen",
    ],
)
def test_the_first_line_is_the_title_not_a_sentence_about_the_assignment(title: str) -> None:
    text = (
        f"{title}\n\nRegeringen ger Testverket i uppdrag att göra en utredning.\n\n"
        "Uppdraget ska redovisas senast den 9 maj 2027.\n"
    )
    assert draft_from_text(text).data["titel"] == title


def test_a_text_without_blank_lines_ends_a_list_at_its_last_item() -> None:
    text = (
        "Stärkt trygghet för barn och unga i hem för vård eller boende, Dir. 2024:18\n"
        "Beslut vid regeringssammanträde den 8 februari 2024\n"
        "Sammanfattning\n"
        "En särskild utredare ges i uppdrag att utreda en ökad differentiering av vården.\n"
        "Utredaren ska bl.a.\n"
        "• analysera hur en ökad differentiering av vården kan göras,\n"
        "• lämna nödvändiga författningsförslag.\n"
        "I uppdraget ingår inte att lämna förslag för HVB för vuxna.\n"
        "Uppdraget ska redovisas senast den 9 maj 2025.\n"
        "Behovet av ökad trygghet\n"
        "Ett barn som tillfälligt berövats sin familjemiljö ska ha rätt till skydd.\n"
    )
    data = draft_from_text(text).data
    assert data["titel"] == "Stärkt trygghet för barn och unga i hem för vård eller boende"
    assert [e.get("datum") for e in data["redovisningar"]] == ["2025-05-09"]


@pytest.mark.parametrize(
    ("body", "due"),
    [
        ("En första delredovisning ska lämnas senast fyra månader efter beslutet.", "2026-09-14"),
        ("Uppdraget ska redovisas senast tre månader från dagen för detta beslut.", "2026-08-14"),
        ("Testverket ska senast sex veckor efter beslutet inkomma med en plan.", "2026-06-25"),
    ],
)
def test_a_deadline_counted_from_the_decision_date(body: str, due: str) -> None:
    text = decision(body).replace(
        "Regeringens beslut\n", "Regeringsbeslut I:3\n2026-05-14\n\nRegeringens beslut\n"
    )
    (entry,) = deadlines(text)
    assert entry["datum"] == due and "räknat" in entry["anteckning"]


def test_a_deadline_counted_from_the_decision_without_its_date_asks_the_human() -> None:
    (entry,) = deadlines(decision("Uppdraget ska redovisas senast tre månader efter beslutet."))
    assert entry["löpande"] is True and "datum" not in entry


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        (
            "För 2028 och 2029 beräknas 4 respektive 3 miljoner kronor för uppdraget.",
            [("2028", "beräknat", 4_000_000), ("2029", "beräknat", 3_000_000)],
        ),
        (
            "Regeringen beräknar att avsätta 10 miljoner kronor 2027 respektive 25 miljoner "
            "kronor 2028.",
            [("2027", "beräknat", 10_000_000), ("2028", "beräknat", 25_000_000)],
        ),
    ],
)
def test_two_amounts_that_share_their_unit(body: str, rows: list[tuple[str, str, int]]) -> None:
    assert money(decision(body)) == rows


def test_an_amendment_på_så_sätt_names_the_agency_and_no_recipient() -> None:
    text = (
        "Ändring av uppdrag att utveckla den statliga redovisningen\n\n"
        "Regeringens beslut\n\n"
        "Regeringen ändrar sitt beslut den 15 december 2025 (Fi2025/03456) om uppdrag till "
        "Ekonomistyrningsverket på så sätt att uppdraget i stället ska slutredovisas senast den "
        "30 november 2027. Uppdraget skulle enligt det ursprungliga beslutet ha slutredovisats "
        "senast den 31 maj 2027.\n"
    )
    data = draft_from_text(text).data
    assert [m["namn"] for m in data["myndigheter"]] == ["Ekonomistyrningsverket"]
    (entry,) = data["redovisningar"]
    assert entry["datum"] == "2027-11-30" and "mottagare" not in entry
    assert entry["ändringar"][0]["datum"] == "2027-05-31"


def test_a_part_named_after_its_amount_is_no_new_money() -> None:
    text = decision(
        "Testverket får använda 20 000 000 kronor under 2027 för uppdraget. Testverket får "
        "använda högst 500 000 kronor av beloppet för administration."
    )
    assert money(text) == [("2027", "beviljat", 20_000_000)]


def test_a_grant_to_an_organisation_with_its_requisition_to_kammarkollegiet() -> None:
    text = (
        "Bidrag till Svenska Röda Korset\n\nRegeringens beslut\n\n"
        "Regeringen beslutar att Svenska Röda Korset får ett bidrag på 5 miljoner kronor för "
        "2027. Medlen betalas ut av Kammarkollegiet efter rekvisition som ska ha kommit in "
        "senast den 1 december 2027. Svenska Röda Korset ska senast den 31 mars 2028 lämna en "
        "ekonomisk redovisning till Regeringskansliet (Socialdepartementet).\n"
    )
    data = draft_from_text(text).data
    assert [m["namn"] for m in data["myndigheter"]] == ["Svenska Röda Korset"]
    assert money(text) == [("2027", "beviljat", 5_000_000)]
    assert [(e["typ"], e["mottagare"]) for e in data["redovisningar"]] == [
        ("rekvisition", "Kammarkollegiet"),
        ("ekonomisk redovisning", "Regeringskansliet (Socialdepartementet)"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Testverket får ett statsbidrag om 5 miljoner kronor för 2027.",
        "Testverket får 5 miljoner kronor för 2027 för uppdraget.",
    ],
)
def test_får_with_an_amount_is_granted(body: str) -> None:
    assert money(decision(body)) == [("2027", "beviljat", 5_000_000)]


def test_får_ansöka_om_bidrag_is_not_a_grant() -> None:
    assert (
        money(decision("Kommunerna får ansöka om bidrag på högst 5 miljoner kronor för 2027."))
        == []
    )


@pytest.mark.parametrize(
    "body",
    [
        "Totalt får Testverket använda 9 miljoner kronor, fördelat med 3 miljoner kronor per år "
        "2027–2029.",
        "Totalt får Testverket använda 9 miljoner kronor under 2027–2029, varav 3 miljoner "
        "kronor per år.",
    ],
)
def test_a_total_split_into_the_same_amount_each_year(body: str) -> None:
    assert money(decision(body)) == [
        ("2027", "beviljat", 3_000_000),
        ("2028", "beviljat", 3_000_000),
        ("2029", "beviljat", 3_000_000),
    ]


def test_under_vart_och_ett_av_åren_is_each_year() -> None:
    text = decision(
        "Testverket får använda 500 000 kronor under vart och ett av åren 2027 och 2028."
    )
    assert money(text) == [("2027", "beviljat", 500_000), ("2028", "beviljat", 500_000)]


def test_a_list_item_that_goes_on_over_a_page_break_keeps_the_list_together() -> None:
    text = decision(
        "Testverket ska\n\n"
        "• kartlägga behoven av beredskap enligt samma förordning.\n\n"
        "Postadress\n103 33 Stockholm\nTelefonväxel\n08-405 10 00\nWebb\nwww.regeringen.se\n\n"
        "2 (2)\n\n"
        "Även andra behov för att uppfylla samma syfte kan lyftas.\n"
        "• Löpande informera Regeringskansliet om hur arbetet med uppdraget fortskrider.\n"
        "• Senast den 1 mars 2027 slutredovisa uppdraget till Regeringskansliet."
    )
    assert [e.get("datum", "löpande") for e in deadlines(text)] == ["2027-03-01", "löpande"]


def test_the_sentence_after_a_lists_last_item_over_a_page_break_stands_alone() -> None:
    text = decision(
        "Utredaren ska bland annat:\n\n"
        "• kartlägga och analysera alternativen,\n"
        "• lämna nödvändiga författningsförslag.\n\n"
        "Postadress\n103 33 Stockholm\nTelefonväxel\n08-405 10 00\nWebb\nwww.regeringen.se\n\n"
        "2 (2)\n\n"
        "Uppdraget ska redovisas senast den 5 januari 2027."
    )
    assert dates(text) == ["2027-01-05"]


def test_list_items_run_together_on_one_line_are_items() -> None:
    text = decision(
        "Uppdragen ska: • genomföras i nära dialog med Socialdepartementet och redovisas "
        "löpande. • genomföras så länge det krävs. • redovisas i den rapport som Testverket "
        "senast den 31 december 2020 ska lämna till Regeringskansliet."
    )
    assert [e.get("datum", "löpande") for e in deadlines(text)] == ["2020-12-31", "löpande"]


def test_the_agency_of_an_amended_appropriation_letter_is_in_its_title() -> None:
    text = (
        "Ändring av regleringsbrev för budgetåret 2020 avseende Myndigheten för "
        "tillväxtpolitiska utvärderingar och analyser\n\nTillväxtanalys ska utreda en metod. "
        "Uppdraget ska redovisas senast den 1 mars 2021.\n"
    )
    assert agency_names(text) == ["Myndigheten för tillväxtpolitiska utvärderingar och analyser"]


def test_the_date_of_a_report_cited_by_its_number() -> None:
    text = decision(
        "Testverket ska utgå från rapporten Förslag på nytt system (TSV 2018-796) den 13 mars "
        "2019. Uppdraget ska redovisas senast den 1 december 2023."
    )
    assert dates(text) == ["2023-12-01"]


def test_a_deadline_after_a_department_in_parentheses_is_still_one() -> None:
    text = decision(
        "Uppdraget ska lämnas till Regeringskansliet (Socialdepartementet) den 1 mars 2027."
    )
    assert dates(text) == ["2027-03-01"]


def test_informing_how_the_assignment_progresses_is_ongoing() -> None:
    text = decision("Testverket ska:\n\n* informera Regeringskansliet om hur uppdraget fortskrider")
    assert [e.get("löpande") for e in deadlines(text)] == [True]
