"""`uppdrag ical`: stable, valid feeds that independent parsers read the same way."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events
import vobject
from conftest import DATA, run
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll import feeds, workdays
from uppdragskoll.render import ical as render

Golden = Callable[[str, str | bytes], None]

TRICKY_TITLE = (
    "Uppdrag att, med stöd; av \\ backslash\noch ny rad, utreda förutsättningarna för en "
    "långsiktigt hållbar kompetensförsörjning inom hälso- och sjukvården i Västra Götaland"
)

# A small world that exercises every rule: delivered, recurring, vague period, moved deadline,
# weekend deadline, withdrawn and ended assignments, tricky text, a person in two files.
FIXTURE = {
    "alfa": f"""titel: {json.dumps(TRICKY_TITLE, ensure_ascii=False)}
diarienummer: [S2025/01981, "S2026/00012 (delvis)"]
departement: Socialdepartementet
beslutad: 2025-11-20
källa: https://www.regeringen.se/regeringsuppdrag/2025/11/uppdrag-att-utreda/
myndigheter:
  - namn: Socialstyrelsen
    huvudansvarig: true
    diarienummer: 4.3-83395/2025
personer:
  - id: anna
    namn: Anna Åberg
    roll: projektledare
    epost: anna.aberg@example.se
    myndighet: Socialstyrelsen
redovisningar:
  - id: plan
    typ: plan
    titel: Plan för genomförandet
    datum: 2026-05-30
    mottagare: Regeringskansliet (Socialdepartementet)
    ansvarig: anna
    inlämnad: 2026-05-29
    källtext: "…ska senast den 30 maj 2026 redovisa en plan; se bilaga, punkt 2…"
  - id: lage
    typ: årlig redovisning
    datum: 2026-10-15
    upprepas: årligen
    till: 2028-10-15
    ansvarig: anna
    inlämnad: {{2026-10-15: 2026-10-14}}
  - id: slut
    typ: slutredovisning
    datum: våren 2029
    ansvarig: anna
    ändringar:
      - {{datum: 2028-06-30, beslut: S2026/00100, beslutad: 2026-11-05,
          källtext: "Slutredovisningen ska i stället lämnas senast den 31 december 2028."}}
      - {{datum: 2028-12-31, beslut: S2027/00200,
          källtext: "Uppdraget ska slutredovisas våren 2029."}}
    källtext: "…ska slutredovisa uppdraget senast den 30 juni 2028."
""",
    "beta": """titel: Bättre vård för <äldre> & "sköra"
beslutad: 2024-03-01
källa: inte en länk
myndigheter:
  - namn: Läkemedelsverket
personer:
  - id: anna-a
    namn: Anna Åberg
    epost: anna.aberg@example.se
    myndighet: Socialstyrelsen
  - id: bo
    namn: Bo <script>
    myndighet: Läkemedelsverket
redovisningar:
  - id: slut
    typ: slutredovisning
    datum: 2027-06-25
    ansvarig: anna-a
  - id: del
    typ: övrigt
    titel: Möte; med departementet
    datum: 2026-12-01
    ansvarig: bo
""",
    "gamma": """titel: Återkallat uppdrag
status: återkallat
redovisningar:
  - {id: slut, typ: slutredovisning, datum: 2026-09-30}
""",
    "delta": """titel: Avslutat uppdrag
status: avslutat
redovisningar:
  - {id: slut, typ: slutredovisning, datum: 2026-09-30}
  - {id: plan, typ: plan, datum: 2026-02-02, inlämnad: 2026-02-01}
""",
    "epsilon": """titel: Utan datum
redovisningar:
  - {id: rapport, typ: delredovisning, datum: 2026-11-30}
""",
}


def make_data(root: Path, files: dict[str, str] = FIXTURE, settings: str | None = None) -> Path:
    data = root / "data" / "uppdrag"
    data.mkdir(parents=True)
    for name, text in files.items():
        (data / f"{name}.yaml").write_text(text, encoding="utf-8")
    if settings is not None:
        (root / "data" / "uppdragskoll.yaml").write_text(settings, encoding="utf-8")
    return data


@pytest.fixture
def world(tmp_path: Path) -> Path:
    return make_data(tmp_path)


def feed(data: Path, out: Path, *args: str, env: dict[str, str] | None = None) -> bytes:
    code, _, err = run("ical", "--data", str(data), "-o", str(out), *args, env=env)
    assert code == 0, err
    return out.read_bytes()


def parse(raw: bytes | str) -> Any:
    """icalendar's parse, typed loosely: its property values are a wide union."""
    return icalendar.Calendar.from_ical(raw)


def events_by_uid(raw: bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in parse(raw).walk("VEVENT")}


def raw_events(raw: bytes) -> dict[str, bytes]:
    """Each VEVENT's exact bytes, keyed by its (unfolded) UID."""
    blocks = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", raw, re.S)
    out = {}
    for block in blocks:
        unfolded = block.replace(b"\r\n ", b"")
        match = re.search(rb"^UID:(.*)\r$", unfolded, re.M)
        assert match
        out[match.group(1).decode()] = block
    return out


# --- the feed from the repo's own data ---------------------------------------------------------


def test_same_data_gives_identical_bytes(tmp_path: Path) -> None:
    first = feed(DATA, tmp_path / "a.ics", "--påminnelse", "14", "--förvarning", "7")
    second = feed(DATA, tmp_path / "b.ics", "--påminnelse", "14", "--förvarning", "7")
    assert first == second
    assert b"DTSTAMP:" in first and first.count(b"BEGIN:VEVENT") > 10


def test_every_status_occurrence_is_in_the_feed_with_its_date(tmp_path: Path) -> None:
    code, out, err = run(
        "status", "--alla", "--format", "json", "--today", "2026-03-01", "--data", str(DATA)
    )
    assert code == 0, err
    listed = {r["nyckel"]: r["datum"] for r in json.loads(out)["redovisningar"]}
    assert listed
    events = events_by_uid(feed(DATA, tmp_path / "a.ics"))
    in_feed = {uid.removesuffix("@uppdragskoll"): e.start.isoformat() for uid, e in events.items()}
    assert in_feed == listed


def test_an_open_series_is_in_the_feed_ten_years_whatever_today(tmp_path: Path) -> None:
    """`upprepas` without `till`: each occurrence up to ten years from `datum`, and the feed
    does not depend on the day it is made."""
    data = make_data(
        tmp_path / "w",
        {
            "zeta": """titel: Stående uppdrag
redovisningar:
  - {id: arlig, typ: årlig redovisning, datum: 2021-12-15, upprepas: årligen,
     inlämnad: {2021-12-15: 2021-12-10}}
"""
        },
    )
    early = feed(data, tmp_path / "a.ics", "--today", "2022-01-01")
    late = feed(data, tmp_path / "b.ics", "--today", "2029-06-30")
    assert early == late
    starts = sorted(e.start for e in parse(early).walk("VEVENT"))
    assert [d.year for d in starts] == list(range(2021, 2031))
    assert {d.isoformat()[5:] for d in starts} == {"12-15"}
    described = {str(e["DESCRIPTION"]) for e in parse(early).walk("VEVENT")}
    assert all("Återkommande: årligen, utan känt slut" in text for text in described)


def test_an_unrelated_edit_leaves_other_events_byte_identical(tmp_path: Path) -> None:
    data = tmp_path / "uppdrag"
    shutil.copytree(DATA, data)
    before = raw_events(feed(data, tmp_path / "a.ics"))
    edited = data / "hjarta-karl-handlingsplan.yaml"
    text = edited.read_text("utf-8")
    text = text.replace("titel: Gemensam slutredovisning", "titel: Ny gemensam slutredovisning")
    text = text.replace(
        "    datum: 2028-10-15\n", "    datum: 2028-10-15\n    inlämnad: 2028-10-01\n"
    )
    edited.write_text(text, "utf-8")
    after = raw_events(feed(data, tmp_path / "b.ics"))
    assert before.keys() == after.keys()
    touched = {uid for uid in before if uid.startswith("hjarta-karl-handlingsplan/")}
    assert touched
    for uid in before.keys() - touched:
        assert before[uid] == after[uid], uid
    # The edited assignment's events do change: a new DTSTAMP, the ✓ and the new title.
    final = "hjarta-karl-handlingsplan/slutredovisning@uppdragskoll"
    assert before[final] != after[final]
    assert b"DTSTAMP:20281001T000000Z" in after[final]


# --- event content ------------------------------------------------------------------------------


def test_uids_are_stable_keys_and_unique(world: Path, tmp_path: Path) -> None:
    raw = feed(world, tmp_path / "a.ics", "--förvarning", "7")
    uids = [str(e["UID"]) for e in parse(raw).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert set(uids) == {
        "alfa/plan@uppdragskoll",
        "alfa/lage/2026-10-15@uppdragskoll",
        "alfa/lage/2027-10-15@uppdragskoll",
        "alfa/lage/2027-10-15/forvarning@uppdragskoll",
        "alfa/lage/2028-10-15@uppdragskoll",
        "alfa/lage/2028-10-15/forvarning@uppdragskoll",
        "alfa/slut@uppdragskoll",
        "alfa/slut/forvarning@uppdragskoll",
        "beta/slut@uppdragskoll",
        "beta/slut/forvarning@uppdragskoll",
        "beta/del@uppdragskoll",
        "beta/del/forvarning@uppdragskoll",
        "delta/slut@uppdragskoll",
        "delta/plan@uppdragskoll",
        "epsilon/rapport@uppdragskoll",
        "epsilon/rapport/forvarning@uppdragskoll",
    }


def test_events_are_all_day_transparent_and_sorted(world: Path, tmp_path: Path) -> None:
    raw = feed(world, tmp_path / "a.ics", "--förvarning", "7")
    events = list(parse(raw).walk("VEVENT"))
    keys = [(e.start, str(e["UID"])) for e in events]
    assert keys == sorted(keys)
    for e in events:
        assert type(e.start) is date
        assert e.end == e.start + timedelta(days=1)
        assert str(e["TRANSP"]) == "TRANSPARENT"
    assert raw.count(b"DTSTART;VALUE=DATE:") == len(events)


def test_summary_description_and_properties(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics"))
    plan = events["alfa/plan@uppdragskoll"]
    flat_title = " ".join(TRICKY_TITLE.split())
    assert str(plan["SUMMARY"]) == f"✓ Plan: {flat_title}"
    text = str(plan["DESCRIPTION"])
    for expected in (
        f"Uppdrag: {TRICKY_TITLE}",  # newline, comma, semicolon and backslash survive
        "Datum: lördag 30 maj 2026",
        "sista arbetsdag före är fredag 29 maj 2026",
        "Inlämnad: fredag 29 maj 2026",
        "Mottagare: Regeringskansliet (Socialdepartementet)",
        "Ansvarig: Anna Åberg, projektledare (Socialstyrelsen), anna.aberg@example.se",
        "Diarienummer: S2025/01981, S2026/00012 (delvis)",
        "Myndigheternas diarienummer: Socialstyrelsen 4.3-83395/2025",
        "Ur beslutet: ”…ska senast den 30 maj 2026 redovisa en plan; se bilaga, punkt 2…”",
    ):
        assert expected in text
    assert "uppdrag klar" not in text  # already delivered
    assert [str(c) for c in plan["CATEGORIES"].cats] == ["plan"]
    assert str(plan["URL"]).startswith("https://www.regeringen.se/")
    assert "ATTENDEE" not in plan and "ORGANIZER" not in plan

    final = events["alfa/slut@uppdragskoll"]
    assert str(final["SUMMARY"]) == f"Slutredovisning: {flat_title}"
    assert final["SEQUENCE"] == 2
    assert "Datum enligt beslutet: våren 2029" in str(final["DESCRIPTION"])
    assert "Markera som inlämnad: uppdrag klar alfa/slut" in str(final["DESCRIPTION"])
    assert final.start == date(2029, 5, 31)

    other = events["beta/del@uppdragskoll"]
    assert str(other["SUMMARY"]) == 'Möte; med departementet: Bättre vård för <äldre> & "sköra"'
    assert "URL" not in other  # `källa: inte en länk` is text, not a URL


def test_withdrawn_disappear_and_ended_stay_without_reminders(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics", "--påminnelse", "14"))
    assert not [uid for uid in events if uid.startswith("gamma/")]
    ended = events["delta/slut@uppdragskoll"]
    assert str(ended["SUMMARY"]) == "Slutredovisning: Avslutat uppdrag (uppdraget avslutat)"
    assert not ended.subcomponents
    assert str(events["delta/plan@uppdragskoll"]["SUMMARY"]).startswith("✓ ")


def test_dtstamp_is_the_latest_recorded_date(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics"))
    # alfa: beslutad 2025-11-20, inlämnad 2026-05-29 and 2026-10-14, one change decided
    # 2026-11-05. The old deadlines in ändringar (2028) are not modification dates.
    stamp = datetime(2026, 11, 5, tzinfo=UTC)
    for uid, event in events.items():
        if uid.startswith("alfa/"):
            assert event.stamp == stamp
            assert event["LAST-MODIFIED"].dt == stamp
    assert events["beta/slut@uppdragskoll"].stamp == datetime(2024, 3, 1, tzinfo=UTC)
    assert events["epsilon/rapport@uppdragskoll"].stamp == render.FALLBACK_STAMP


def test_source_date_epoch_replaces_every_stamp(world: Path, tmp_path: Path) -> None:
    raw = feed(world, tmp_path / "a.ics", env={"SOURCE_DATE_EPOCH": "1767225600"})
    stamps = set(re.findall(rb"^(?:DTSTAMP|LAST-MODIFIED):(.*)\r$", raw, re.M))
    assert stamps == {b"20260101T000000Z"}


def test_bad_source_date_epoch_is_a_usage_error(world: Path, tmp_path: Path) -> None:
    code, _, err = run(
        "ical",
        "--data",
        str(world),
        "-o",
        str(tmp_path / "a.ics"),
        env={"SOURCE_DATE_EPOCH": "igår"},
    )
    assert code == 2
    assert "SOURCE_DATE_EPOCH" in err and "Traceback" not in err
    assert not (tmp_path / "a.ics").exists()


# --- reminders ----------------------------------------------------------------------------------


def test_reminder_fires_at_nine_on_a_working_day(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics", "--påminnelse", "14"))
    with_alarm = 0
    for uid, event in events.items():
        alarms = event.subcomponents
        delivered = str(event["SUMMARY"]).startswith("✓")
        if delivered or uid.startswith("delta/"):  # delta ended: no reminders
            assert alarms == [], uid
            continue
        assert len(alarms) == 1, uid
        alarm = alarms[0]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert "Påminnelse" in str(alarm["DESCRIPTION"])
        fires = datetime.combine(event.start, datetime.min.time()) + alarm["TRIGGER"].dt
        assert fires.hour == 9 and fires.minute == 0
        assert workdays.is_working_day(fires.date())
        assert 14 <= (event.start - fires.date()).days <= 18
        with_alarm += 1
    assert with_alarm == 6
    # 2027-06-25 - 14 days is Friday 11 June 2027: exactly -P13DT15H.
    beta = events["beta/slut@uppdragskoll"].subcomponents[0]
    assert beta["TRIGGER"].dt == -timedelta(days=13, hours=15)
    # One day before is -PT15H: 09:00 on the eve of an all-day event.
    assert render.alarm_trigger(date(2026, 5, 30), date(2026, 5, 29)) == -timedelta(hours=15)


def test_reminder_from_settings_and_zero_turns_it_off(tmp_path: Path) -> None:
    data = make_data(tmp_path, settings="påminnelse: 10\nkalendernamn: Våra uppdrag, SoS\n")
    raw = feed(data, tmp_path / "a.ics")
    assert raw.count(b"BEGIN:VALARM") == 6
    assert "X-WR-CALNAME:Våra uppdrag\\, SoS\r\n".encode() in raw
    assert feed(data, tmp_path / "b.ics", "--påminnelse", "0").count(b"BEGIN:VALARM") == 0
    named = feed(data, tmp_path / "c.ics", "--namn", "Annat namn")
    assert b"X-WR-CALNAME:Annat namn\r\nNAME:Annat namn\r\n" in named


def test_forewarning_is_a_separate_event_on_a_working_day(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics", "--förvarning", "7"))
    warning = events["beta/slut/forvarning@uppdragskoll"]
    # 2027-06-25 - 7 = Friday 18 June 2027, a working day (midsommarafton is the 25th).
    assert warning.start == date(2027, 6, 18)
    assert str(warning["SUMMARY"]).startswith("Om 7 dagar (25 juni): Slutredovisning: ")
    assert [str(c) for c in warning["CATEGORIES"].cats] == ["förvarning", "slutredovisning"]
    assert events["alfa/slut/forvarning@uppdragskoll"].start == date(2029, 5, 24)
    # 7 days before 26 June 2026 is midsommarafton, 19 June: the warning comes on the 18th.
    assert render.notice_day(date(2026, 6, 26), 7) == date(2026, 6, 18)
    # 9 days before 11 January 2027 is Saturday 2 January; nyårsdagen and nyårsafton are not
    # working days either, so the warning comes on Wednesday 30 December.
    assert render.notice_day(date(2027, 1, 11), 9) == date(2026, 12, 30)
    assert "alfa/plan/forvarning@uppdragskoll" not in events  # delivered: no warning
    assert "delta/slut/forvarning@uppdragskoll" not in events  # ended: no warning


# --- the bytes themselves -----------------------------------------------------------------------


def assert_wire_format(raw: bytes) -> None:
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # no fold splits a character


def test_wire_format_and_golden(world: Path, tmp_path: Path, golden: Golden) -> None:
    raw = feed(world, tmp_path / "a.ics", "--påminnelse", "14", "--förvarning", "7")
    assert_wire_format(raw)
    assert raw.startswith(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uppdragskoll//uppdrag ical//SV\r\n"
        b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
    )
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\nX-PUBLISHED-TTL:PT12H\r\n" in raw
    golden("ical/fixture.ics", raw)


def test_tricky_text_round_trips_through_independent_parsers(world: Path, tmp_path: Path) -> None:
    raw = feed(world, tmp_path / "a.ics")
    text = raw.decode("utf-8")
    mine = events_by_uid(raw)

    parsed = vobject.readOne(text, validate=True)
    seen = {ev.uid.value: ev for ev in parsed.vevent_list}
    assert seen.keys() == mine.keys()
    for uid, ev in seen.items():
        assert ev.summary.value == str(mine[uid]["SUMMARY"])
        assert ev.description.value == str(mine[uid]["DESCRIPTION"])
        assert ev.dtstart.value == mine[uid].start
    assert f"Uppdrag: {TRICKY_TITLE}\n" in seen["alfa/plan@uppdragskoll"].description.value

    expanded = recurring_ical_events.of(parse(text)).between(date(2020, 1, 1), date(2035, 1, 1))
    assert sorted((str(e["UID"]), e.start) for e in expanded) == sorted(
        (uid, e.start) for uid, e in mine.items()
    )


def test_empty_selection_is_still_a_valid_calendar(world: Path, tmp_path: Path) -> None:
    # Both values exist in the data; together they select nothing (a typo is an error instead).
    raw = feed(world, tmp_path / "a.ics", "--uppdrag", "epsilon", "--typ", "plan")
    assert_wire_format(raw)
    assert b"BEGIN:VEVENT" not in raw
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n" in raw  # RFC 5545: 1*component
    cal = parse(raw)
    assert str(cal["X-WR-CALNAME"]) == "Regeringsuppdrag" and not cal.walk("VEVENT")
    assert vobject.readOne(raw.decode("utf-8")).name == "VCALENDAR"


def test_filters_select_events(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics", "--person", "bo"))
    assert list(events) == ["beta/del@uppdragskoll"]
    events = events_by_uid(feed(world, tmp_path / "b.ics", "--typ", "plan"))
    assert set(events) == {"alfa/plan@uppdragskoll", "delta/plan@uppdragskoll"}


def test_stdout_output(world: Path) -> None:
    code, out, err = run("ical", "--data", str(world), "-o", "-")
    assert code == 0, err
    assert out.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert out.count("BEGIN:VEVENT") == 10


def test_fold_never_splits_characters_or_escapes() -> None:
    line = "SUMMARY:" + "a" * 66 + "ö" * 3
    folded = render.fold(line)
    first, rest = folded.split(b"\r\n ", 1)
    assert len(first) == 74 and first.endswith(b"a")  # 66 a + 8 prefix = 74; ö would be 76
    assert (first + rest).decode() == line + "\r\n"
    escape = "DESCRIPTION:" + "x" * 62 + "\\;tail"
    out = render.fold(escape)
    assert b"\\\r\n ;" not in out and b"\r\n \\;tail" in out
    assert render.fold("X:" + "x" * 73) == b"X:" + b"x" * 73 + b"\r\n"


@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_fold_property(value: str) -> None:
    line = "DESCRIPTION:" + render._text(value)
    folded = render.fold(line)
    assert folded.endswith(b"\r\n")
    for physical in folded[:-2].split(b"\r\n"):
        assert len(physical) <= 75
        physical.decode("utf-8")
    assert folded[:-2].replace(b"\r\n ", b"").decode("utf-8") == line
    expected = render.clean_text(value)
    assert rfc_unescape(render._text(value)) == expected
    event = f"BEGIN:VEVENT\r\n{folded.decode()}END:VEVENT\r\n"
    assert vobject.readOne(event).description.value == expected
    if not re.search(r"\\[nN]", expected):  # icalendar's parser mangles a literal \N (as its
        parsed = icalendar.Event.from_ical(event)  # escaper did): compare only without one
        assert str(parsed["DESCRIPTION"]) == expected


def rfc_unescape(text: str) -> str:
    """RFC 5545 §3.3.11 read left to right: the reference the escaping must round-trip."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def test_literal_backslash_n_is_not_a_line_break() -> None:
    for value in ("S:\\Nämnd", "C:\\ny mapp\\n", "\\N", "a\\\\Nb"):
        escaped = render._text(value)
        assert rfc_unescape(escaped) == value
        assert "\n" not in rfc_unescape(escaped)
    assert render._text("S:\\Nämnd; x, y\nz") == "S:\\\\Nämnd\\; x\\, y\\nz"
    assert render._categories(["a,b", "c\\N"]) == "a\\,b,c\\\\N"


def test_url_must_be_http() -> None:
    assert render.valid_url("https://www.regeringen.se/a/") == "https://www.regeringen.se/a/"
    assert render.valid_url("https://exempel.se/å") == "https://exempel.se/%C3%A5"
    for bad in ("inte en länk", "javascript:alert(1)", "https://a b.se", "ftp://x.se", None):
        assert render.valid_url(bad) is None


# --- --per-person -------------------------------------------------------------------------------


def test_slug_and_unique_names() -> None:
    assert feeds.slug("Lena Jönsson") == "lena-jonsson"
    assert feeds.slug("Ærø Straße") == "aero-strasse"
    assert feeds.slug("  ") == "namnlos" and feeds.slug("CON") == "con"
    assert feeds.slug("x" * 100) == "x" * feeds.MAX_SLUG
    names = feeds.unique_names(
        [("anna", "anna-sos"), ("anna", "anna-lv"), ("bo", "bo-x"), ("bo-2", "y")], set()
    )
    assert names == ["anna-sos", "anna-lv", "bo", "bo-2"]
    assert feeds.unique_names([("a", "a-x"), ("a", "a-x")], set()) == ["a-x", "a-x-2"]


def test_per_person_writes_feeds_and_an_index(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "publik"
    code, _, err = run("ical", "--data", str(world), "--per-person", str(out))
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "alla.ics",
        "index.html",
        "myndighet-lakemedelsverket.ics",
        "myndighet-socialstyrelsen.ics",
        "person-anna-aberg.ics",
        "person-bo-script.ics",
    ]
    for name in names:
        assert re.fullmatch(r"[a-z0-9-]+\.(ics|html)", name)
    # One person across two files (same name and e-mail): one feed with both assignments.
    anna = events_by_uid((out / "person-anna-aberg.ics").read_bytes())
    assert {uid.split("/")[0] for uid in anna} == {"alfa", "beta"}
    cal = parse((out / "person-anna-aberg.ics").read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Regeringsuppdrag – Anna Åberg (Socialstyrelsen)"
    assert (out / "alla.ics").read_bytes() == feed(world, tmp_path / "a.ics")
    page = (out / "index.html").read_text("utf-8")
    assert "Bo &lt;script&gt;" in page and "<script>\nfor" in page
    assert "Bo <script>" not in page
    assert 'data-fil="person-anna-aberg.ics"' in page
    assert "http" not in page.replace("https-länk", "").replace('protocol === "http', "")


def test_per_person_with_base_url(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "publik"
    code, _, err = run(
        "ical", "--data", str(world), "--per-person", str(out), "--webbadress", "https://x.se/k/"
    )
    assert code == 0, err
    page = (out / "index.html").read_text("utf-8")
    assert 'href="webcal://x.se/k/alla.ics"' in page and 'href="https://x.se/k/alla.ics"' in page
    assert "<script>" not in page


def test_per_person_rewrites_only_changes_and_cleans_up(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "publik"
    assert run("ical", "--data", str(world), "--per-person", str(out))[0] == 0
    old = 1_000_000_000
    for path in out.iterdir():
        os.utime(path, (old, old))
    (out / "egen.ics").write_text("inte vår", "utf-8")
    (out / "person-lamnat.ics").write_bytes((out / "alla.ics").read_bytes())  # ours, now stale
    (world / "beta.yaml").write_text(FIXTURE["beta"].replace("ansvarig: bo\n", ""), "utf-8")
    code, _, err = run("ical", "--data", str(world), "--per-person", str(out))
    assert code == 0, err
    assert not (out / "person-bo-script.ics").exists()
    assert not (out / "person-lamnat.ics").exists()
    assert (out / "egen.ics").read_text("utf-8") == "inte vår"
    assert (out / "person-anna-aberg.ics").stat().st_mtime == old  # unchanged: not rewritten
    assert (out / "alla.ics").stat().st_mtime != old  # changed
    assert "tog bort 2 gamla flöden: person-bo-script.ics, person-lamnat.ics" in err


def test_per_person_refuses_to_overwrite_foreign_files(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "publik"
    out.mkdir()
    (out / "index.html").write_text("<h1>Vår egen sida</h1>", "utf-8")
    code, _, err = run("ical", "--data", str(world), "--per-person", str(out))
    assert code == 2
    assert "inte skriven av uppdragskoll" in err
    assert (out / "index.html").read_text("utf-8") == "<h1>Vår egen sida</h1>"
    assert not (out / "alla.ics").exists()


@pytest.mark.parametrize("name", ["uppdrag.yaml", "anteckningar.txt", "andras.ics"])
def test_output_never_replaces_a_file_it_did_not_write(
    world: Path, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    target.write_text("titel: Mitt uppdrag\n# osparad anteckning\n", "utf-8")
    code, _, err = run("ical", "--data", str(world), "-o", str(target))
    assert code == 2
    assert "finns redan och är inte en kalender som uppdrag har skrivit" in err
    assert target.read_text("utf-8") == "titel: Mitt uppdrag\n# osparad anteckning\n"


def test_a_note_that_mentions_our_prodid_is_not_ours(world: Path, tmp_path: Path) -> None:
    target = tmp_path / "anteckningar.txt"
    target.write_text("Flödena har PRODID:-//uppdragskoll//SV i huvudet.\n", "utf-8")
    code, _, err = run("ical", "--data", str(world), "-o", str(target))
    assert code == 2 and "inte en kalender som uppdrag har skrivit" in err
    assert target.read_text("utf-8").startswith("Flödena har PRODID")


def test_output_replaces_its_own_feed_and_an_empty_file(world: Path, tmp_path: Path) -> None:
    target = tmp_path / "alla.ics"
    target.touch()
    first = feed(world, target)
    assert first.startswith(b"BEGIN:VCALENDAR")
    code, _, _ = run("ical", "--data", str(world), "-o", str(target), "--påminnelse", "7")
    assert code == 0 and target.read_bytes() != first


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "ange antingen -o FIL"),
        (("-o", "-", "--per-person", "x"), "ange antingen -o FIL"),
        (("-o", "{tmp}"), "är en katalog"),
        (("-o", "{tmp}/saknas/a.ics"), "finns inte"),
        (("--per-person", "{tmp}/fil.txt"), "kan inte skapa katalogen"),
        (("--per-person", "{tmp}/fil.txt/under"), "kan inte skapa katalogen"),
        (("-o", "-", "--webbadress", "https://x.se"), "bara med --per-person"),
        (("-o", "-", "--uppdrag", "alfx"), "okänt uppdrag 'alfx'"),
        (("-o", "-", "--today", "2026-13-01"), "ogiltigt datum"),
        (("-o", "-", "--namn", " "), "får inte vara tomt"),
    ],
)
def test_usage_errors_are_swedish_with_exit_2(
    world: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "fil.txt").write_text("x", "utf-8")
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run("ical", "--data", str(world), *filled)
    assert (code, out) == (2, "")
    assert message in err and "Traceback" not in err


def test_unwritable_target_is_a_usage_error(
    world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", denied)
    code, _, err = run("ical", "--data", str(world), "-o", str(tmp_path / "a.ics"))
    assert code == 2
    assert "åtkomst nekad" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    code, _, err = run("ical", "--data", str(world), "--per-person", str(tmp_path / "ut"))
    assert code == 2 and "åtkomst nekad" in err


def test_help_is_swedish_with_an_example() -> None:
    code, out, _ = run("ical", "--help")
    assert code == 0
    assert "Exempel: uppdrag ical -o" in out and "--påminnelse" in out and "--förvarning" in out


def test_help_metavars_are_swedish() -> None:
    code, out, _ = run("ical", "--help")
    assert code == 0
    for english in ("<str>", "<path>", "<int", "TEXT", "INTEGER", "PATH", "RANGE"):
        assert english not in out
    for swedish in ("--namn NAMN", "--utfil FIL", "--per-person KATALOG", "--påminnelse DAGAR"):
        assert swedish in out


# --- where -o writes ------------------------------------------------------------------------------


def test_output_through_a_symlink_replaces_the_target_not_the_link(
    world: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "publik"
    folder.mkdir()
    real = folder / "alla.ics"
    real.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//uppdragskoll//gammal\r\nEND:VCALENDAR\r\n")
    link = tmp_path / "länk.ics"
    link.symlink_to(real)
    raw = feed(world, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == raw and raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in folder.iterdir()) == ["alla.ics"]  # no temporary file left
    old = 1_000_000_000
    os.utime(real, (old, old))
    feed(world, link)
    assert real.stat().st_mtime == old and link.is_symlink()  # unchanged: not rewritten
    # A link to a file that does not exist yet: the file is created where the link points.
    dangling = tmp_path / "ny.ics"
    dangling.symlink_to(folder / "ny-fil.ics")
    assert feed(world, dangling) == raw
    assert dangling.is_symlink() and (folder / "ny-fil.ics").read_bytes() == raw


def test_output_to_a_fifo_is_written_directly(world: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "rör.ics"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with fifo.open("rb") as handle:
            got.append(handle.read())

    def unblock() -> None:  # should the command read the FIFO, fail the test instead of hanging
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    timer = threading.Timer(30, unblock)
    timer.start()
    try:
        code, _, err = run("ical", "--data", str(world), "-o", str(fifo))
    finally:
        timer.cancel()
    thread.join(timeout=30)
    assert code == 0, err
    assert not thread.is_alive()
    assert got == [feed(world, tmp_path / "a.ics")]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not replaced by a file


def test_per_person_never_opens_a_fifo_under_a_feed_name(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "publik"
    out.mkdir()
    os.mkfifo(out / "alla.ics")  # opening it for reading would block forever
    code, _, err = run("ical", "--data", str(world), "--per-person", str(out))
    assert code == 2 and "inte skriven av uppdragskoll" in err
    assert stat.S_ISFIFO(os.lstat(out / "alla.ics").st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full finns bara på Linux")
def test_full_device_is_one_swedish_sentence(world: Path) -> None:
    code, out, err = run("ical", "--data", str(world), "-o", "/dev/full")
    assert (code, out) == (2, "")
    assert err == "uppdrag: kan inte skriva /dev/full: disken är full.\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_stdout_is_standard_output(world: Path, tmp_path: Path) -> None:
    expected = feed(world, tmp_path / "a.ics")
    for alias in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
        code, out, err = run("ical", "--data", str(world), "-o", alias)
        assert code == 0, err
        assert out.encode("utf-8") == expected
        assert f"skrev {alias}" in err


def uppdrag(*args: str, stdout: Any) -> subprocess.CompletedProcess[bytes]:
    """`uppdrag ARGS` as a real process, for what only real file descriptors show."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from uppdragskoll.cli import main; main()", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        env={**os.environ, "UPPDRAG_CACHE": "0"},
    )


@pytest.mark.skipif(not os.path.islink("/dev/stdout"), reason="/dev/stdout är ingen länk här")
def test_dev_stdout_in_a_real_process(world: Path, tmp_path: Path) -> None:
    expected = feed(world, tmp_path / "a.ics")
    target = tmp_path / "f.ics"
    with target.open("wb") as handle:  # uppdrag ical -o /dev/stdout > f.ics
        done = uppdrag("ical", "--data", str(world), "-o", "/dev/stdout", stdout=handle)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == expected
    assert os.path.islink("/dev/stdout")
    # uppdrag ical -o /dev/stdout | tail: nothing is read from the pipe, so nothing hangs.
    piped = uppdrag("ical", "--data", str(world), "-o", "/dev/stdout", stdout=subprocess.PIPE)
    assert (piped.returncode, piped.stdout) == (0, expected), piped.stderr
    if Path("/dev/full").exists():  # uppdrag ical -o - > /dev/full
        with open("/dev/full", "wb") as full:
            done = uppdrag("ical", "--data", str(world), "-o", "-", stdout=full)
        assert done.returncode == 2
        assert (
            done.stderr
            == "uppdrag: kan inte skriva till standardutdata: disken är full.\n".encode()
        )


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOSPC, "disken är full"),
        (errno.EACCES, "åtkomst nekad"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
        (errno.EISDIR, "det är en katalog"),
        (errno.EDQUOT, "diskkvoten är slut"),
        (errno.ETIMEDOUT, "systemfel ETIMEDOUT"),
    ],
)
def test_os_errors_are_one_swedish_sentence(
    world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, reason: str
) -> None:
    def broken(src: str, dst: str) -> None:
        raise OSError(number, os.strerror(number), dst)

    monkeypatch.setattr(os, "replace", broken)
    target = tmp_path / "a.ics"
    code, out, err = run("ical", "--data", str(world), "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"uppdrag: kan inte skriva {target}: {reason}.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no temporary file left


# --- no feed from no data ---------------------------------------------------------------------


@pytest.mark.parametrize("content", [{}, {"LÄSMIG.md": "inga uppdrag här"}])
def test_no_assignment_files_refuses_to_write_an_empty_feed(
    tmp_path: Path, content: dict[str, str]
) -> None:
    data = tmp_path / "tom"
    data.mkdir()
    for name, text in content.items():
        (data / name).write_text(text, "utf-8")
    target = tmp_path / "alla.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//uppdragskoll//x\r\n")
    before = target.read_bytes()
    code, out, err = run("ical", "--data", str(data), "-o", str(target))
    assert (code, out) == (2, "")
    assert "inga uppdragsfiler" in err and "Traceback" not in err
    assert target.read_bytes() == before
    code, _, err = run("ical", "--data", str(data), "--per-person", str(tmp_path / "ut"))
    assert code == 2 and "inga uppdragsfiler" in err
    assert not (tmp_path / "ut").exists()


def test_only_broken_files_refuses_to_write_an_empty_feed(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"trasig": "titel: [\n", "utan-titel": "status: pågående\n"})
    code, out, err = run("ical", "--data", str(data), "-o", "-")
    assert (code, out) == (2, "")
    assert "ingen av de 2 uppdragsfilerna" in err and "uppdrag check" in err


def test_filter_value_not_in_the_data_is_a_usage_error(world: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "ical", "--data", str(world), "-o", str(tmp_path / "a.ics"), "--myndighet", "Socialstyrelsn"
    )
    assert (code, out) == (2, "")
    assert "Socialstyrelsen" in err and "enade du" in err
    assert not (tmp_path / "a.ics").exists()
    code, _, err = run(
        "ical", "--data", str(world), "--per-person", str(tmp_path / "ut"), "--tagg", "finns-inte"
    )
    assert code == 2 and "--tagg 'finns-inte'" in err
    assert not (tmp_path / "ut").exists()


# --- moved and recurring deadlines ---------------------------------------------------------------


def test_moved_deadline_quotes_the_decision_that_set_the_date(world: Path, tmp_path: Path) -> None:
    text = str(
        events_by_uid(feed(world, tmp_path / "a.ics"))["alfa/slut@uppdragskoll"]["DESCRIPTION"]
    )
    due = render.swedish_day(date(2029, 5, 31))
    # The sentence that set the current date comes right under the date.
    assert (
        f"Datum: {due}\n"
        "Datum ändrat (beslut S2027/00200): ”Uppdraget ska slutredovisas våren 2029.”\n"
    ) in text
    history = (
        "Tidigare datum: 2028-06-30 (beslut S2026/00100, 2026-11-05)\n"
        "Tidigare datum: 2028-12-31 (beslut S2027/00200)\n"
    )
    assert history in text
    original = (
        "Ur det ursprungliga beslutet (S2025/01981, 2025-11-20): "
        "”…ska slutredovisa uppdraget senast den 30 juni 2028.”"
    )
    assert original in text
    assert "Ur beslutet:" not in text
    assert text.index("Datum ändrat") < text.index(history) < text.index(original)


def test_after_flytta_the_event_quotes_the_new_decision(tmp_path: Path) -> None:
    data = tmp_path / "uppdrag"
    shutil.copytree(DATA, data)
    key = "hjarta-karl-handlingsplan/slutredovisning"
    before = str(
        events_by_uid(feed(data, tmp_path / "a.ics"))[f"{key}@uppdragskoll"]["DESCRIPTION"]
    )
    assert "Ur beslutet: ”Socialstyrelsen och Läkemedelsverket ska årligen" in before
    assert "Datum ändrat" not in before
    sentence = "Slutredovisningen ska i stället lämnas senast den 15 mars 2029."
    code, _, err = run(
        "flytta", key, "2029-03-15", "--beslut", "S2026/04512", "--källtext", sentence,
        "--beslutsdatum", "2026-06-02", "--data", str(data),
    )  # fmt: skip
    assert code == 0, err
    event = events_by_uid(feed(data, tmp_path / "b.ics"))[f"{key}@uppdragskoll"]
    text = str(event["DESCRIPTION"])
    assert (
        f"Datum: {render.swedish_day(date(2029, 3, 15))}\n"
        f"Datum ändrat (beslut S2026/04512, 2026-06-02): ”{sentence}”\n"
    ) in text
    assert "Tidigare datum: 2028-10-15 (beslut S2026/04512, 2026-06-02)\n" in text
    assert (
        "Ur det ursprungliga beslutet (S2025/01981, 2025-11-20): ”Socialstyrelsen och "
        "Läkemedelsverket ska årligen redovisa hur arbetet fortlöper och senast den 15 oktober "
        "2028 lämna"
    ) in text
    assert "Ur beslutet:" not in text
    assert event["SEQUENCE"] == 1 and event.start == date(2029, 3, 15)


def test_recurring_done_command_is_the_documented_one(world: Path, tmp_path: Path) -> None:
    events = events_by_uid(feed(world, tmp_path / "a.ics"))
    text = str(events["alfa/lage/2027-10-15@uppdragskoll"]["DESCRIPTION"])
    assert text.endswith("\nMarkera som inlämnad: uppdrag klar alfa/lage --tillfälle 2027-10-15")
    assert "alfa/lage/2027-10-15" not in text
    # The command as written works, and the feed then shows the occurrence as delivered.
    code, _, err = run(
        "klar", "alfa/lage", "--tillfälle", "2027-10-15", "--datum", "2027-10-11",
        "--today", "2027-10-20", "--data", str(world),
    )  # fmt: skip
    assert code == 0, err
    after = events_by_uid(feed(world, tmp_path / "b.ics"))
    assert str(after["alfa/lage/2027-10-15@uppdragskoll"]["SUMMARY"]).startswith("✓ ")
    assert not str(after["alfa/lage/2028-10-15@uppdragskoll"]["SUMMARY"]).startswith("✓ ")
    # The repo's own data: a recurring delredovisning.
    mine = events_by_uid(feed(DATA, tmp_path / "c.ics"))
    uid = "god-och-nara-vard/delredovisning-framja/2026-03-31@uppdragskoll"
    assert str(mine[uid]["DESCRIPTION"]).endswith(
        "uppdrag klar god-och-nara-vard/delredovisning-framja --tillfälle 2026-03-31"
    )
    single = str(mine["hjarta-karl-handlingsplan/slutredovisning@uppdragskoll"]["DESCRIPTION"])
    assert single.endswith("uppdrag klar hjarta-karl-handlingsplan/slutredovisning")


# --- per agency -----------------------------------------------------------------------------------


def test_a_joint_assignment_is_in_every_agency_feed(tmp_path: Path) -> None:
    out = tmp_path / "publik"
    code, _, err = run("ical", "--data", str(DATA), "--per-person", str(out))
    assert code == 0, err
    joint = {
        uid
        for uid in events_by_uid((out / "alla.ics").read_bytes())
        if uid.startswith("hjarta-karl-handlingsplan/")
    }
    assert joint
    for agency in ("socialstyrelsen", "lakemedelsverket"):
        in_feed = set(events_by_uid((out / f"myndighet-{agency}.ics").read_bytes()))
        assert joint <= in_feed, agency
    page = (out / "index.html").read_text("utf-8")
    assert "myndighet-lakemedelsverket.ics" in page
    assert not [p for p in out.iterdir() if "ingen-myndighet" in p.name]
