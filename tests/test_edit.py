"""The edit operations: each changes only the lines it is about, on the bundled data and on
hand-written files with every formatting quirk we know of, and each can be undone byte for byte.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import DATA

from uppdragskoll import checks, edit, loader
from uppdragskoll.model import Assignment, Change, Deadline, Spending

FILES = sorted(DATA.glob("*.yaml"))
DAY = date(2026, 5, 28)


def source(raw: bytes, stem: str = "x", others: tuple[loader.Entry, ...] = ()) -> edit.Source:
    return edit.read_source(raw, f"{stem}.yaml", stem, {}, others)


def changes(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """Removed and added lines, each with its line ending, as a diff shows them."""

    def lines(raw: bytes) -> list[str]:
        return re.findall(r"[^\n]*\n|[^\n]+$", raw.decode("utf-8-sig"))

    removed: list[str] = []
    added: list[str] = []
    old, new = lines(before), lines(after)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


def reload(result: edit.Result, stem: str = "x") -> Assignment:
    """The written file read back the way `check` reads it; it must have no errors."""
    edit.verify(None, f"{stem}.yaml", stem, result.raw, [], {})
    return source(result.raw, stem).assignment


def with_deadline(a: Assignment, index: int, **update: object) -> Assignment:
    deadlines = list(a.deadlines)
    deadlines[index] = deadlines[index].model_copy(update=update)
    return a.model_copy(update={"deadlines": tuple(deadlines)})


def indent_of(raw: bytes, index: int) -> str:
    """The indentation of the keys of the redovisning at `index` (block style)."""
    a = source(raw).entry
    _, col = a.at("redovisningar", index, "typ", key=True)
    return " " * (col - 1)


# --- the bundled data ----------------------------------------------------------------------


def _bundled() -> list[tuple[Path, int, Deadline]]:
    found = []
    for path in FILES:
        stem = path.stem
        for i, d in enumerate(source(path.read_bytes(), stem).assignment.deadlines):
            found.append((path, i, d))
    return found


BUNDLED = _bundled()


@pytest.mark.parametrize(
    ("path", "index", "deadline"),
    [b for b in BUNDLED if b[2].delivered is None],
    ids=lambda v: v.stem if isinstance(v, Path) else (v.id if isinstance(v, Deadline) else ""),
)
def test_klar_on_bundled_data_adds_exactly_one_line(
    path: Path, index: int, deadline: Deadline
) -> None:
    raw = path.read_bytes()
    before = source(raw, path.stem)
    result = edit.record_delivery(before, deadline.id, DAY)
    removed, added = changes(raw, result.raw)
    assert removed == []
    pad = indent_of(raw, index)
    if deadline.repeats is None:
        assert added == [f"{pad}inlämnad: {DAY}\n"]
        expected = with_deadline(before.assignment, index, delivered=DAY)
    else:
        first = edit.occurrence_dates(deadline)[0]
        assert added == [f"{pad}inlämnad: {{{first}: {DAY}}}\n"]
        expected = with_deadline(before.assignment, index, delivered={first: DAY})
    assert reload(result, path.stem) == expected
    assert edit.undo_delivery(source(result.raw, path.stem), deadline.id).raw == raw


@pytest.mark.parametrize(
    ("path", "index", "deadline"),
    [b for b in BUNDLED if b[2].due is not None and b[2].repeats is None and not b[2].delivered],
    ids=lambda v: v.stem if isinstance(v, Path) else (v.id if isinstance(v, Deadline) else ""),
)
def test_flytta_on_bundled_data_changes_datum_and_adds_the_change(
    path: Path, index: int, deadline: Deadline
) -> None:
    raw = path.read_bytes()
    before = source(raw, path.stem)
    assert deadline.due is not None
    result = edit.move_deadline(before, deadline.id, "2029-12-28", "S2026/01234")
    removed, added = changes(raw, result.raw)
    pad = indent_of(raw, index)
    row = before.entry.at("redovisningar", index, "datum")[0]
    old_line = raw.decode().splitlines(True)[row - 1]
    old_text = old_line.split(": ", 1)[1].strip()
    assert old_line in removed and len(removed) == 1
    assert added == [
        f"{pad}datum: 2029-12-28\n",
        f"{pad}ändringar:\n",
        f"{pad}  - {{datum: {old_text}, beslut: S2026/01234}}\n",
    ]
    expected = with_deadline(
        before.assignment,
        index,
        due=edit.parse_due("2029-12-28")[1],
        changes=(Change.model_validate({"datum": deadline.due, "beslut": "S2026/01234"}),),
    )
    assert reload(result, path.stem) == expected
    assert edit.undo_move(source(result.raw, path.stem), deadline.id).raw == raw


@pytest.mark.parametrize("path", [p for p in FILES if b"\nbudget:" in p.read_bytes()], ids=str)
def test_utfall_on_bundled_data_appends_to_each_budget_line(path: Path) -> None:
    raw = path.read_bytes()
    before = source(raw, path.stem)
    for number, line in enumerate(before.assignment.budget):
        year = int(next(iter(line.years))[:4])
        day = date(year, 6, 30)
        result = edit.record_spending(
            before,
            "1 000 kr",
            day,
            agency=line.agency,
            appropriation=line.appropriation.key if line.appropriation else None,
            text="rekvisition",
        )
        removed, added = changes(raw, result.raw)
        assert removed == []
        assert added[-1].strip() == f"- {{datum: {day}, belopp: 1 000 kr, text: rekvisition}}"
        lines = list(before.assignment.budget)
        spent = Spending.model_validate({"datum": day, "belopp": 1000, "text": "rekvisition"})
        lines[number] = line.model_copy(update={"spending": (*line.spending, spent)})
        expected = before.assignment.model_copy(update={"budget": tuple(lines)})
        assert reload(result, path.stem) == expected
        assert edit.undo_spending(source(result.raw, path.stem), number).raw == raw


def test_every_bundled_file_is_valid_to_start_with() -> None:
    # The tests above rely on it; a broken file would be refused, not edited.
    for path in FILES:
        source(path.read_bytes(), path.stem)


# --- hand-written files with quirks ---------------------------------------------------------

CRLF_NO_FINAL_NEWLINE = (
    b"titel: Test\r\n"
    b"redovisningar:\r\n"
    b"  - id: plan  # radslutskommentar\r\n"
    b"    typ: plan\r\n"
    b"    datum: 2026-05-29\r\n"
    b"    # om k\xc3\xa4lltexten\r\n"
    b'    k\xc3\xa4lltext: "x"\r\n'
    b"budget:\r\n"
    b"  - myndighet: X\r\n"
    b"    \xc3\xa5r: {2026: {beviljat: 7 mnkr}}\r\n"
    b"    utfall:\r\n"
    b"      - {datum: 2026-01-01, belopp: 1 kr}\r\n"
    b"      # kommentar i listan\r\n"
    b"# slut"
)

FOUR_SPACES = """\
# Fyra blanksteg, listor med strecket fyra steg in, citerade nycklar och skräp-blanksteg.
"titel":    'Fyra: med kolon'
diarienummer: [ S2025/01981 ]
redovisningar:
    -   id: plan
        typ: plan
        datum: "2026-05-29"   # citerat datum
        upprepas: årligen
        till: 2028-05-29
        inlämnad:
            2026-05-29: 2026-05-28   # i tid
    -   {id: slut, typ: slutredovisning, datum: 2028-10-13}
budget:
    -   myndighet: X
        år:
            2026: { beviljat: 7 mnkr }
        utfall:
            -   datum: 2026-01-01
                belopp: 1 kr
                # efter sista utfallet
    # före nästa rad
    -   myndighet: Y
        år: {2026: {beviljat: 1 mnkr}}
""".encode()

MIXED = """\
---
titel: Blandat
redovisningar:
- id: plan
  typ: plan
  datum: 2026-05-29
  källtext: >-
    lång text
    över flera rader
budget:
  - myndighet: X
    år: {2026: { beviljat: 7 mnkr }}
    utfall: [{datum: 2026-01-01, belopp: 1 kr}]
...
""".encode()


def test_crlf_without_final_newline_stays_so() -> None:
    before = source(CRLF_NO_FINAL_NEWLINE)
    result = edit.record_delivery(before, "plan", DAY)
    assert changes(CRLF_NO_FINAL_NEWLINE, result.raw) == ([], ["    inlämnad: 2026-05-28\r\n"])
    # Inserted above the comment that belongs to `källtext`, not between them.
    assert "    inlämnad: 2026-05-28\r\n    # om källtexten\r\n" in result.raw.decode()
    spent = edit.record_spending(before, "5", date(2026, 2, 2))
    assert changes(CRLF_NO_FINAL_NEWLINE, spent.raw) == (
        [],
        ["      - {datum: 2026-02-02, belopp: 5}\r\n"],
    )
    assert spent.raw.endswith(b"      # kommentar i listan\r\n# slut")
    for done in (result, spent):
        assert not done.raw.endswith(b"\n")
        assert b"\n" not in done.raw.replace(b"\r\n", b"")


def test_new_key_at_the_end_of_a_file_without_final_newline() -> None:
    raw = b"titel: T\nbudget:\n  - myndighet: X\n    \xc3\xa5r: {2026: {beviljat: 7 mnkr}}"
    result = edit.record_spending(source(raw), "5", date(2026, 2, 2))
    assert result.raw == raw + b"\n    utfall:\n      - {datum: 2026-02-02, belopp: 5}"
    assert edit.undo_spending(source(result.raw), 0).raw == raw


def test_bom_is_kept() -> None:
    raw = b"\xef\xbb\xbftitel: BOM\nredovisningar: [{id: a, typ: plan, datum: 2026-05-29}]\n"
    result = edit.record_delivery(source(raw), "a", DAY)
    assert result.raw.startswith(b"\xef\xbb\xbftitel: BOM\n")
    assert changes(raw, result.raw) == (
        ["redovisningar: [{id: a, typ: plan, datum: 2026-05-29}]\n"],
        ["redovisningar: [{id: a, typ: plan, datum: 2026-05-29, inlämnad: 2026-05-28}]\n"],
    )


def test_four_space_indentation_and_quirks_elsewhere_are_kept() -> None:
    before = source(FOUR_SPACES)
    delivered = edit.record_delivery(before, "plan", date(2027, 5, 27))
    assert changes(FOUR_SPACES, delivered.raw) == (
        [],
        ["            2027-05-29: 2027-05-27\n"],
    )
    spent = edit.record_spending(before, "2 kr", date(2026, 3, 1), agency="X")
    assert changes(FOUR_SPACES, spent.raw) == (
        [],
        ["            -   datum: 2026-03-01\n", "                belopp: 2 kr\n"],
    )
    # The comment after the last item stays after the list, below the new item.
    assert "belopp: 2 kr\n                # efter sista utfallet\n" in spent.raw.decode()
    other = edit.record_spending(before, "2 kr", date(2026, 3, 1), agency="Y")
    assert changes(FOUR_SPACES, other.raw) == (
        [],
        ["        utfall:\n", "            -   {datum: 2026-03-01, belopp: 2 kr}\n"],
    )
    flow = edit.record_delivery(before, "slut", DAY)
    assert changes(FOUR_SPACES, flow.raw) == (
        ["    -   {id: slut, typ: slutredovisning, datum: 2028-10-13}\n"],
        ["    -   {id: slut, typ: slutredovisning, datum: 2028-10-13, inlämnad: 2026-05-28}\n"],
    )
    moved = edit.move_deadline(before, "slut", "hösten 2028", "S2026/1")
    assert changes(FOUR_SPACES, moved.raw)[1] == [
        "    -   {id: slut, typ: slutredovisning, datum: hösten 2028, ändringar: "
        "[{datum: 2028-10-13, beslut: S2026/1}]}\n"
    ]
    for result in (delivered, spent, other, flow):
        assert result.raw.startswith(b"# Fyra blanksteg")
        assert b"\"titel\":    'Fyra: med kolon'\n" in result.raw
        assert b"diarienummer: [ S2025/01981 ]\n" in result.raw
        assert b"2026: { beviljat: 7 mnkr }\n" in result.raw


def test_markers_folded_text_and_list_styles_of_a_mixed_file_are_kept() -> None:
    before = source(MIXED)
    delivered = edit.record_delivery(before, "plan", DAY)
    assert changes(MIXED, delivered.raw) == ([], ["  inlämnad: 2026-05-28\n"])
    moved = edit.move_deadline(before, "plan", "2026-06-30", "S2026/1", "Ny mening.")
    assert changes(MIXED, moved.raw) == (
        ["  datum: 2026-05-29\n"],
        [
            "  datum: 2026-06-30\n",
            "  ändringar:\n",
            '  - {datum: 2026-05-29, beslut: S2026/1, källtext: "Ny mening."}\n',
        ],
    )
    spent = edit.record_spending(before, "3 kr", date(2026, 2, 1))
    assert changes(MIXED, spent.raw) == (
        ["    utfall: [{datum: 2026-01-01, belopp: 1 kr}]\n"],
        ["    utfall: [{datum: 2026-01-01, belopp: 1 kr}, {datum: 2026-02-01, belopp: 3 kr}]\n"],
    )
    for result in (delivered, moved, spent):
        assert result.raw.startswith(b"---\n") and result.raw.endswith(b"...\n")


def test_comments_inside_the_list_being_edited() -> None:
    raw = b"""\
titel: T
redovisningar:
  # den f\xc3\xb6rsta
  - id: a   # A
    typ: plan
    datum: 2026-05-29
    # om b nedan
  - id: b
    typ: plan
    datum: 2026-06-30
    ansvarig: p
    # sista kommentaren i b

  # efter listan, med tom rad
personer:
  - id: p
    namn: P
"""
    before = source(raw)
    a = edit.record_delivery(before, "a", DAY)
    assert changes(raw, a.raw) == ([], ["    inlämnad: 2026-05-28\n"])
    assert b"    datum: 2026-05-29\n    inl\xc3\xa4mnad: 2026-05-28\n    # om b nedan\n" in a.raw
    b = edit.record_delivery(before, "b", DAY)
    assert changes(raw, b.raw) == ([], ["    inlämnad: 2026-05-28\n"])
    assert b"ansvarig: p\n    inl\xc3\xa4mnad: 2026-05-28\n    # sista kommentaren i b\n" in b.raw
    moved = edit.move_deadline(before, "a", "2026-06-01", "S2026/9")
    assert b"      - {datum: 2026-05-29, beslut: S2026/9}\n    # om b nedan\n" in moved.raw
    assert edit.undo_delivery(source(a.raw), "a").raw == raw
    assert edit.undo_delivery(source(b.raw), "b").raw == raw
    assert edit.undo_move(source(moved.raw), "a").raw == raw


def test_delivery_map_keys_stay_in_date_order() -> None:
    raw = b"""\
titel: T
redovisningar:
  - id: q
    typ: delredovisning
    datum: 2026-03-31
    upprepas: kvartalsvis
    till: 2026-12-31
    inl\xc3\xa4mnad:
      2026-06-30: 2026-06-29
"""
    before = source(raw)
    first = edit.record_delivery(before, "q", DAY)
    assert changes(raw, first.raw) == ([], ["      2026-03-31: 2026-05-28\n"])
    assert first.raw.index(b"2026-03-31: ") < first.raw.index(b"2026-06-30: ")
    chosen = edit.record_delivery(before, "q", DAY, date(2026, 12, 31))
    assert chosen.raw.endswith(b"      2026-06-30: 2026-06-29\n      2026-12-31: 2026-05-28\n")
    undone = edit.undo_delivery(source(chosen.raw), "q", date(2026, 12, 31))
    assert undone.raw == raw


def test_long_text_is_never_folded() -> None:
    raw = b"titel: T\nredovisningar:\n  - id: a\n    typ: plan\n    datum: 2026-05-29\n"
    long = "Ordet " * 400
    moved = edit.move_deadline(source(raw), "a", "2027-01-29", "S2026/1", long)
    added = changes(raw, moved.raw)[1]
    assert len(added) == 3 and added[2].count("Ordet") == 400


# --- refusals ----------------------------------------------------------------------------

SIMPLE = """\
titel: T
redovisningar:
  - id: plan
    typ: plan
    datum: 2026-05-29
  - id: rapport
    typ: delredovisning
    datum: 2026-03-31
    upprepas: årligen
    till: 2027-03-31
    inlämnad: {2026-03-31: 2026-03-30}
  - id: info
    typ: övrigt
    löpande: true
budget:
  - myndighet: A
    år: {2026: {beviljat: 10 kr}}
  - myndighet: B
    anslag: {utgiftsområde: 9, anslag: "1:6"}
    år: {2026: {beviljat: 10 kr}}
""".encode()


@pytest.mark.parametrize(
    ("make", "usage", "message"),
    [
        (lambda s: edit.record_delivery(s, "plam", DAY), True, "Menade du `plan`?"),
        (lambda s: edit.record_delivery(s, "rapport", DAY, date(2026, 4, 1)), True, "tillfällen"),
        (lambda s: edit.record_delivery(s, "rapport", DAY, date(2026, 3, 31)), False, "redan"),
        (lambda s: edit.record_delivery(s, "plan", DAY, date(2026, 1, 1)), True, "upprepas inte"),
        (lambda s: edit.move_deadline(s, "info", "2026-01-01", "S2026/1"), True, "löpande"),
        (lambda s: edit.move_deadline(s, "plan", "2026-05-29", "S2026/1"), True, "redan"),
        (lambda s: edit.move_deadline(s, "plan", "vårvintern 2027", "S2026/1"), True, "period"),
        (lambda s: edit.move_deadline(s, "plan", "2026-02-30", "S2026/1"), True, "februari"),
        (lambda s: edit.record_spending(s, "2.5", DAY), True, "decimaltecknet är komma"),
        (lambda s: edit.record_spending(s, "5 kr", date(2026, 1, 1)), True, "--anslag"),
        (lambda s: edit.record_spending(s, "5", DAY, agency="C"), True, "ingen budgetrad"),
        (lambda s: edit.record_spending(s, "5", DAY, appropriation="1:7"), True, "ingen"),
    ],
)
def test_refusals(make: Callable[[edit.Source], edit.Result], usage: bool, message: str) -> None:
    with pytest.raises(edit.Refusal) as caught:
        make(source(SIMPLE))
    assert caught.value.usage is usage
    assert message in caught.value.message


def test_the_budget_line_is_chosen_by_appropriation_or_agency() -> None:
    before = source(SIMPLE)
    by_appropriation = edit.record_spending(before, "5", DAY, appropriation="UO9 1:6")
    assert reload(by_appropriation).budget[1].spending[0].amount == 5
    by_agency = edit.record_spending(before, "5", DAY, agency="a")
    assert reload(by_agency).budget[0].spending[0].amount == 5


def test_the_recurring_default_is_the_earliest_occurrence_not_delivered() -> None:
    result = edit.record_delivery(source(SIMPLE), "rapport", date(2027, 3, 30))
    assert changes(SIMPLE, result.raw)[1] == [
        "    inlämnad: {2026-03-31: 2026-03-30, 2027-03-31: 2027-03-30}\n"
    ]
    with pytest.raises(edit.Refusal, match="alla tillfällen"):
        edit.record_delivery(source(result.raw), "rapport", DAY)


def test_a_result_that_check_would_reject_is_refused() -> None:
    before = source(SIMPLE)
    over = edit.record_spending(before, "11 kr", DAY, agency="A")  # over the ceiling of 10 kr
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(before, "x.yaml", "x", over.raw, [], {})
    assert [p.code for p in caught.value.problems] == ["over-tak"]
    assert not caught.value.usage
    no_ceiling = edit.record_spending(before, "1 kr", date(2027, 1, 1), agency="A")
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(before, "x.yaml", "x", no_ceiling.raw, [], {})
    assert [p.code for p in caught.value.problems] == ["utfall-utan-tak"]


def test_a_file_with_errors_is_not_edited() -> None:
    broken = SIMPLE.replace(b"datum: 2026-05-29", b"datum: 2026-02-30")
    with pytest.raises(edit.Refusal) as caught:
        source(broken)
    assert [p.code for p in caught.value.problems] == ["ogiltigt-datum"]
    assert "har fel" in caught.value.message


def test_cross_file_errors_count_before_and_after() -> None:
    other = source(SIMPLE, "annan")
    clash = SIMPLE.replace(b"titel: T", b"titel: T2")
    # The same id in two files is an error on the second: the file is refused for it.
    with pytest.raises(edit.Refusal, match="har fel"):
        edit.read_source(clash, "annan.yml", "annan", {}, [other.entry])


def test_new_warnings_are_returned_not_refused() -> None:
    before = source(SIMPLE)
    moved = edit.move_deadline(before, "plan", "2026-05-30", "S2026-1")
    warnings = edit.verify(before, "x.yaml", "x", moved.raw, [], {})
    assert sorted(p.code for p in warnings) == ["icke-arbetsdag", "ogiltigt-diarienummer"]


def test_amounts_keep_the_users_words() -> None:
    assert edit.amount_value("2 400 000 kr") == ("2 400 000 kr", 2_400_000)
    assert edit.amount_value(" 2\u00a0400\u00a0000  kr ") == ("2 400 000 kr", 2_400_000)
    assert edit.amount_value("2400000") == (2_400_000, 2_400_000)
    assert edit.amount_value("2,5 mnkr") == ("2,5 mnkr", 2_500_000)


# --- ny ----------------------------------------------------------------------------------


def test_new_assignment_in_house_style() -> None:
    fields = edit.NewAssignment(
        id="ett-uppdrag",
        title="Uppdrag: att  göra något",
        ministry="Socialdepartementet",
        case_numbers=("S2026/00123",),
        decided=date(2026, 2, 12),
        agencies=("Socialstyrelsen", "Läkemedelsverket"),
        tags=("vård",),
        final_due="hösten 2027",
    )
    result = edit.new_assignment(fields)
    assert result.raw.decode() == (
        "titel: 'Uppdrag: att göra något'\n"
        "diarienummer: [S2026/00123]\n"
        "departement: Socialdepartementet\n"
        "beslutad: 2026-02-12\n"
        "status: pågående\n"
        "taggar: [vård]\n"
        "myndigheter:\n"
        "  - namn: Socialstyrelsen\n"
        "    huvudansvarig: true\n"
        "  - namn: Läkemedelsverket\n"
        "redovisningar:\n"
        "  - id: slutredovisning\n"
        "    typ: slutredovisning\n"
        "    datum: hösten 2027\n"
    )
    assert edit.verify(None, "ett-uppdrag.yaml", "ett-uppdrag", result.raw, [], {}) == ()


@pytest.mark.parametrize(
    "ident", ["../x", "a/b", "..", "", "Stor", "a b", "-a", "å", "x.yaml", "a" * 81, "a\\b"]
)
def test_unsafe_ids_are_refused(ident: str) -> None:
    with pytest.raises(edit.Refusal, match="inget giltigt uppdrags-id") as caught:
        edit.check_id(ident, [])
    assert caught.value.usage


def test_existing_ids_are_refused() -> None:
    with pytest.raises(edit.Refusal, match="finns redan"):
        edit.check_id("hjarta", ["hjarta"])


def test_slug() -> None:
    assert edit.slug("Hjärt- och kärlsjukvård 2026!") == "hjart-och-karlsjukvard-2026"
    assert len(edit.slug("ord " * 40)) <= 60


# --- recurring series, delivery days -----------------------------------------------------

SERIES = """\
titel: T
beslutad: 2025-11-20
redovisningar:
  - id: del
    typ: delredovisning
    datum: 2026-03-31
    upprepas: årligen
    till: 2027-03-31  # sista
    ansvarig: p
personer:
  - id: p
    namn: P
""".encode()


def test_moving_a_series_moves_till_and_keeps_the_number_of_occurrences() -> None:
    before = source(SERIES)
    moved = edit.move_deadline(before, "del", "2026-04-15", "S2026/00001")
    assert changes(SERIES, moved.raw) == (
        ["    datum: 2026-03-31\n", "    till: 2027-03-31  # sista\n"],
        [
            "    datum: 2026-04-15\n",
            "    ändringar:\n",
            "      - {datum: 2026-03-31, beslut: S2026/00001}\n",
            "    till: 2027-04-15  # sista\n",
        ],
    )
    assert "sista tillfället från 2027-03-31 till 2027-04-15" in moved.message
    item = reload(moved).deadlines[0]
    assert edit.occurrence_dates(item) == [date(2026, 4, 15), date(2027, 4, 15)]
    assert edit.undo_move(source(moved.raw), "del").raw == SERIES
    # A quarterly series on the 31st keeps its four occurrences, month ends included.
    quarterly = SERIES.replace(b"\xc3\xa5rligen", b"kvartalsvis").replace(
        b"till: 2027-03-31", b"till: 2026-12-31"
    )
    moved = edit.move_deadline(source(quarterly), "del", "2026-01-31", "S2026/00001")
    item = reload(moved).deadlines[0]
    assert edit.occurrence_dates(item) == [
        date(2026, 1, 31), date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31)
    ]  # fmt: skip
    assert edit.undo_move(source(moved.raw), "del").raw == quarterly


def test_a_series_with_deliveries_is_not_moved() -> None:
    delivered = SERIES.replace(
        b"    ansvarig: p\n", b"    ansvarig: p\n    inl\xc3\xa4mnad: {2026-03-31: 2026-03-30}\n"
    )
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(source(delivered), "del", "2026-04-15", "S2026/1")
    assert not caught.value.usage
    assert "redan inlämnade tillfällen (2026-03-31)" in caught.value.message
    assert "`till: 2026-03-31`" in caught.value.message
    assert "`del-fran-2027`" in caught.value.message


@pytest.mark.parametrize(
    ("occurrence", "steps"),
    [
        (date(2027, 3, 31), ["`till: 2026-03-31`", "`del-2027`"]),
        (date(2026, 3, 31), ["`datum: 2027-03-31`", "`del-2026`"]),
    ],
)
def test_one_occurrence_of_a_series_is_refused_with_the_way_to_split_it(
    occurrence: date, steps: list[str]
) -> None:
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(source(SERIES), "del", "2027-04-15", "S2026/1", occurrence=occurrence)
    assert caught.value.usage
    message = caught.value.message
    assert "kan inte flyttas med kommandot" in message and "Dela serien för hand:" in message
    assert all(step in message for step in steps)
    three = SERIES.replace(b"till: 2027-03-31", b"till: 2028-03-31")
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(
            source(three), "del", "2027-04-15", "S2026/1", occurrence=date(2027, 3, 31)
        )
    assert (
        "`del-fran-2028` med `datum: 2028-03-31`, `upprepas: årligen` och `till: 2028-03-31`"
        in caught.value.message
    )
    with pytest.raises(edit.Refusal, match="inget tillfälle"):
        edit.move_deadline(source(SERIES), "del", "2027-04-15", "S2026/1", occurrence=DAY)


OPEN_SERIES = SERIES.replace(b"    till: 2027-03-31  # sista\n", b"")


def test_an_open_series_moves_whole_without_gaining_a_till() -> None:
    moved = edit.move_deadline(source(OPEN_SERIES), "del", "2026-04-15", "S2026/00001")
    assert changes(OPEN_SERIES, moved.raw) == (
        ["    datum: 2026-03-31\n"],
        [
            "    datum: 2026-04-15\n",
            "    ändringar:\n",
            "      - {datum: 2026-03-31, beslut: S2026/00001}\n",
        ],
    )
    assert "sista tillfället" not in moved.message
    item = reload(moved).deadlines[0]
    assert item.until is None and edit.occurrence_dates(item)[:2] == [
        date(2026, 4, 15), date(2027, 4, 15)
    ]  # fmt: skip
    assert edit.undo_move(source(moved.raw), "del").raw == OPEN_SERIES


def test_an_open_series_is_split_into_an_open_rest() -> None:
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(
            source(OPEN_SERIES), "del", "2027-04-15", "S2026/1", occurrence=date(2027, 3, 31)
        )
    message = caught.value.message
    assert "`till: 2026-03-31`" in message  # the old series ends before the moved one
    assert "`del-fran-2028` med `datum: 2028-03-31` och `upprepas: årligen` (utan `till`" in (
        message
    )
    delivered = OPEN_SERIES.replace(
        b"    ansvarig: p\n", b"    ansvarig: p\n    inl\xc3\xa4mnad: {2026-03-31: 2026-03-30}\n"
    )
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(source(delivered), "del", "2026-04-15", "S2026/1")
    assert "`upprepas: årligen` och `ändringar:" in caught.value.message


def test_an_open_series_takes_deliveries_per_occurrence() -> None:
    done = edit.record_delivery(source(OPEN_SERIES), "del", date(2026, 3, 30))
    assert b"inl\xc3\xa4mnad: {2026-03-31: 2026-03-30}" in done.raw
    later = edit.record_delivery(
        source(done.raw), "del", date(2029, 3, 20), occurrence=date(2029, 3, 31)
    )
    assert reload(later).deadlines[0].delivered == {
        date(2026, 3, 31): date(2026, 3, 30), date(2029, 3, 31): date(2029, 3, 20)
    }  # fmt: skip
    found = {(p.code, p.severity.value) for p in source(later.raw).checked}
    assert ("upprepning-utan-slut", "info") in found
    assert not [f for f in found if f[1] == "fel"]  # both deliveries are occurrences


def test_one_occurrence_series_and_single_deadlines_accept_their_own_date() -> None:
    single = SERIES.replace(b"till: 2027-03-31", b"till: 2026-03-31")
    moved = edit.move_deadline(
        source(single), "del", "2026-04-15", "S2026/1", occurrence=date(2026, 3, 31)
    )
    assert edit.occurrence_dates(reload(moved).deadlines[0]) == [date(2026, 4, 15)]
    plan = edit.move_deadline(
        source(SIMPLE), "plan", "2026-06-30", "S2026/1", occurrence=date(2026, 5, 29)
    )
    assert reload(plan).deadlines[0].changes[0].decision == "S2026/1"
    with pytest.raises(edit.Refusal, match="upprepas inte"):
        edit.move_deadline(source(SIMPLE), "plan", "2026-06-30", "S2026/1", occurrence=DAY)


@pytest.mark.parametrize("first", [date(2026, 1, 31), date(2024, 2, 29), date(2026, 3, 15)])
@pytest.mark.parametrize("step", [1, 3, 6, 12])
def test_series_end_is_the_last_occurrence(first: date, step: int) -> None:
    from uppdragskoll import schedule

    for count in (1, 2, 5, 13):
        end = edit.series_end(first, step, count)
        dates = schedule.recurrence_dates(first, step, end)
        assert len(dates) == count and dates[-1] == end


def test_a_delivery_day_after_today_or_before_the_decision_is_refused() -> None:
    before = source(SERIES)
    with pytest.raises(edit.Refusal) as caught:
        edit.record_delivery(before, "del", date(2030, 1, 1), today=date(2026, 5, 5))
    assert caught.value.usage
    assert caught.value.message.startswith(
        "inlämningsdagen 2030-01-01 ligger efter idag (2026-05-05)"
    )
    with pytest.raises(edit.Refusal) as caught:
        edit.record_delivery(before, "del", date(2025, 11, 19), today=date(2026, 5, 5))
    assert caught.value.usage
    assert "före uppdragets beslutsdatum (2025-11-20" in caught.value.message
    for day in (date(2025, 11, 20), date(2026, 5, 5)):  # both ends are allowed
        edit.record_delivery(before, "del", day, today=date(2026, 5, 5))


def test_spending_or_a_decision_after_today_is_refused() -> None:
    before = source(SIMPLE)
    with pytest.raises(edit.Refusal) as caught:
        edit.record_spending(before, "5", date(2026, 5, 29), agency="A", today=DAY)
    assert caught.value.usage
    assert caught.value.message.startswith("utfallsdagen 2026-05-29 ligger efter idag (2026-05-28)")
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(
            before, "plan", "2026-06-30", "S2026/1", decided=date(2026, 5, 29), today=DAY
        )
    assert caught.value.usage
    assert caught.value.message.startswith(
        "beslutsdatumet 2026-05-29 ligger efter idag (2026-05-28)"
    )
    edit.record_spending(before, "5", DAY, agency="A", today=DAY)  # today itself is fine
    edit.move_deadline(before, "plan", "2026-06-30", "S2026/1", decided=DAY, today=DAY)


OVER = SIMPLE.replace(
    b"    \xc3\xa5r: {2026: {beviljat: 10 kr}}\n  - myndighet: B",
    b"    \xc3\xa5r: {2026: {beviljat: 10 kr}}\n    utfall: [{datum: 2026-01-15, belopp: 11}]\n"
    b"  - myndighet: B",
)


def test_errors_other_files_already_had_do_not_block_a_new_file() -> None:
    other = source(OVER, "annan")  # over the ceiling: an error of annan.yaml
    assert [p.code for p in other.checked if p.severity.value == "fel"] == ["over-tak"]
    new = edit.new_assignment(edit.NewAssignment(id="ny", title="Ny", final_due="2027-03-31"))
    assert edit.verify(None, "ny.yaml", "ny", new.raw, [other.entry], {}) == ()
    baseline = checks.run_all([other.entry])
    assert edit.verify(None, "ny.yaml", "ny", new.raw, [other.entry], {}, baseline=baseline) == ()
    assert edit.files_with_errors(baseline, "ny.yaml") == ["annan.yaml"]
    # An error the new file brings is still refused: the same id as another file.
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(None, "annan.yml", "annan", new.raw, [other.entry], {})
    assert "dubbelt-uppdrag" in [p.code for p in caught.value.problems]
    # And an edit of another file is checked the same way.
    before = source(SIMPLE, "x", (other.entry,))
    moved = edit.move_deadline(before, "plan", "2026-06-30", "S2026/1")
    assert edit.verify(before, "x.yaml", "x", moved.raw, [other.entry], {}) == ()


def test_spending_over_the_ceiling_is_recorded_only_when_allowed() -> None:
    before = source(SIMPLE)
    over = edit.record_spending(before, "11 kr", DAY, agency="A")
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(before, "x.yaml", "x", over.raw, [], {})
    assert "--över-tak" in caught.value.message and not caught.value.usage
    found = edit.verify(before, "x.yaml", "x", over.raw, [], {}, allow={"over-tak"})
    assert [(p.code, p.severity.value) for p in found] == [("over-tak", "fel")]
    # The file can still be edited; more spending that year needs the flag again.
    after = source(over.raw)
    delivered = edit.record_delivery(after, "plan", DAY)
    assert edit.verify(after, "x.yaml", "x", delivered.raw, [], {}) == ()
    more = edit.record_spending(after, "1 kr", DAY, agency="A")
    with pytest.raises(edit.Refusal, match="--över-tak"):
        edit.verify(after, "x.yaml", "x", more.raw, [], {})
    assert edit.verify(after, "x.yaml", "x", more.raw, [], {}, allow={"over-tak"})
    # Other errors are never let through: a year without a ceiling.
    no_ceiling = edit.record_spending(after, "1 kr", date(2027, 1, 1), agency="A")
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(after, "x.yaml", "x", no_ceiling.raw, [], {}, allow={"over-tak"})
    assert [p.code for p in caught.value.problems] == ["utfall-utan-tak"]


REQUISITIONS = """\
titel: T
redovisningar:
  - id: rekvisition-2025
    typ: rekvisition
    datum: 2025-12-01
  - id: rekvisition-2026
    typ: rekvisition
    datum: 2026-12-01
  - id: rekvisition-arlig
    typ: rekvisition
    datum: 2027-03-01
    upprepas: årligen
    till: 2029-03-01
    inlämnad: {2027-03-01: 2027-02-20}
  - id: plan
    typ: plan
    datum: 2025-06-01
""".encode()


@pytest.mark.parametrize(
    ("day", "text", "key"),
    [
        (date(2025, 12, 1), "rekvisition Kammarkollegiet", "rekvisition-2025"),
        (date(2026, 1, 30), "Rekvisition", "rekvisition-2025"),  # 60 days after
        (date(2026, 1, 31), "rekvisition", "rekvisition-2026"),  # 61 days: the next one
        (date(2025, 3, 1), "rekvirerat", "rekvisition-2025"),
        (date(2027, 12, 1), "rekvisition", "rekvisition-arlig/2028-03-01"),  # one delivered
        (date(2029, 5, 1), "rekvisition", None),  # 2029-03-01 is 61 days before
        (date(2025, 12, 1), "lön", None),
        (date(2025, 12, 1), None, None),
    ],
)
def test_a_requisition_hints_at_its_deadline(day: date, text: str | None, key: str | None) -> None:
    assignment = source(REQUISITIONS).assignment
    hint = edit.requisition_hint(assignment, day, text)
    if key is None:
        assert hint is None
    else:
        assert hint is not None
        assert f"`uppdrag klar x/{key} --datum {day.isoformat()}`" in hint


# --- moving against the decision and the deliveries ------------------------------------------


@pytest.mark.parametrize(
    ("new", "decided", "message"),
    [
        ("2025-11-19", None, "det nya datumet 2025-11-19 ligger före uppdragets beslutsdatum"),
        ("2025-Q3", None, "det nya datumet 2025-Q3 ligger före uppdragets beslutsdatum"),
        ("2026-06-30", date(2025, 11, 19), "beslutsdatumet 2025-11-19 ligger före uppdragets"),
    ],
)
def test_a_move_before_the_decision_is_refused(
    new: str, decided: date | None, message: str
) -> None:
    before = source(SERIES)
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(before, "del", new, "S2026/1", decided=decided)
    assert caught.value.usage
    assert caught.value.message.startswith(message)
    assert "(2025-11-20, `beslutad`)" in caught.value.message


def test_a_move_to_the_decision_day_or_a_period_around_it_is_fine() -> None:
    before = source(SERIES)
    for new in ("2025-11-20", "2025-Q4", "hösten 2025"):  # a period ends on or after it
        moved = edit.move_deadline(before, "del", new, "S2026/1", decided=date(2025, 11, 20))
        assert edit.verify(before, "x.yaml", "x", moved.raw, [], {}) is not None


def test_a_delivered_deadline_is_not_moved() -> None:
    delivered = SIMPLE.replace(
        b"    datum: 2026-05-29\n", b"    datum: 2026-05-29\n    inl\xc3\xa4mnad: 2026-05-28\n"
    )
    with pytest.raises(edit.Refusal) as caught:
        edit.move_deadline(source(delivered), "plan", "2026-12-01", "S2026/3")
    assert not caught.value.usage  # exit 1, like a series with delivered occurrences
    assert caught.value.message.startswith(
        "x/plan är redan inlämnad (2026-05-28); en flytt skulle ändra datumet som "
        "inlämningen gjordes mot, så inget har ändrats."
    )
    edit.move_deadline(source(SIMPLE), "plan", "2026-12-01", "S2026/3")  # not delivered: moved


# --- spending: the line by year, the same row twice ------------------------------------------

PERIODS = """\
titel: T
budget:
  - myndighet: A
    år: {2025: {beviljat: 10 kr}}
  - myndighet: A
    år: {2026–2027: {beviljat: 10 kr}}
    utfall:
      - {datum: 2026-02-01, belopp: 3 kr, text: Konsult  mars}
  - myndighet: B
    år: {2027: {beviljat: 10 kr}}
""".encode()


@pytest.mark.parametrize(
    ("day", "agency", "number", "by_year"),
    [
        (date(2025, 6, 1), None, 0, True),  # only line 1 has 2025
        (date(2026, 6, 1), None, 1, True),  # only line 2 has 2026
        (date(2025, 6, 1), "A", 0, True),  # A matches two lines; the year settles it
        (date(2027, 6, 1), "A", 1, True),
        (date(2027, 6, 1), "B", 2, False),  # one line matches: no year needed
    ],
)
def test_the_budget_line_is_the_only_one_for_the_year(
    day: date, agency: str | None, number: int, by_year: bool
) -> None:
    result = edit.record_spending(source(PERIODS), "1 kr", day, agency=agency)
    spent = reload(result).budget[number].spending
    assert spent[-1].day == day
    note = f"obs: budgetraden valdes efter utfallets år, {day.year}: "
    assert [n.startswith(note) for n in result.notes] == ([True] if by_year else [])


@pytest.mark.parametrize(
    ("day", "agency", "message"),
    [
        (date(2027, 6, 1), None, "x har 3 budgetrader (1: A (2025); 2: A (2026–2027); 3: B "
         "(2027)), och 2 av dem har belopp för 2027; välj med --anslag eller --myndighet."),
        (date(2028, 6, 1), None, "x har 3 budgetrader (1: A (2025); 2: A (2026–2027); 3: B "
         "(2027)), men ingen av dem har belopp för 2028; lägg först till året"),
        (date(2028, 6, 1), "A", "2 av x:s 3 budgetrader passar valet (1: A (2025); "
         "2: A (2026–2027); 3: B (2027)), men ingen av dem har belopp för 2028"),
    ],
)  # fmt: skip
def test_a_budget_line_the_year_does_not_settle_is_refused(
    day: date, agency: str | None, message: str
) -> None:
    with pytest.raises(edit.Refusal) as caught:
        edit.record_spending(source(PERIODS), "1 kr", day, agency=agency)
    assert caught.value.usage
    assert caught.value.message.startswith(message)


def test_the_same_spending_row_twice_is_refused_unless_allowed() -> None:
    before = source(PERIODS)
    day = date(2026, 2, 1)
    for text in ("Konsult mars", "konsult  MARS"):  # spacing and case aside, the same text
        with pytest.raises(edit.Refusal) as caught:
            edit.record_spending(before, "3", day, agency="A", text=text)
        assert not caught.value.usage
        assert "redan ett likadant utfall på budgetraden 2: A (2026–2027)" in caught.value.message
        assert caught.value.message.endswith("registrera det med --dubblett.")
    # Another day, amount, text or line is another row: no note.
    others: list[tuple[date, str, str | None]] = [
        (date(2026, 2, 2), "3 kr", "Konsult mars"),
        (day, "4 kr", "Konsult mars"),
        (day, "3 kr", None),
        (day, "3 kr", "Konsult april"),
    ]
    for other_day, amount, text in others:
        result = edit.record_spending(before, amount, other_day, agency="A", text=text)
        assert not any("likadant" in n for n in result.notes), (other_day, amount, text)
    allowed = edit.record_spending(
        before, "3 kr", day, agency="A", text="Konsult mars", duplicate=True
    )
    assert [s.amount for s in reload(allowed).budget[1].spending] == [3, 3]
    assert allowed.notes[-1] == (
        "varning: budgetraden 2: A (2026–2027) hade redan ett likadant utfall (2026-02-01, "
        "3\u00a0kr, 'Konsult mars'); det nya registreras ändå (--dubblett) och båda räknas."
    )


# --- layouts the writer cannot change safely ---------------------------------------------------


def test_a_result_that_is_not_yaml_is_refused_for_the_layout_not_a_line() -> None:
    before = source(SIMPLE)
    broken = SIMPLE.replace(b"  - id: rapport\n", b"  - id: rapport typ: x\n")
    with pytest.raises(edit.Refusal) as caught:
        edit.verify(before, "x.yaml", "x", broken, [], {})
    assert not caught.value.usage
    assert caught.value.problems == ()  # a line:col of the result would point at a fine line
    assert caught.value.message.startswith(
        "x.yaml är giltig men kan inte ändras säkert med kommandot: när filens layout "
    )
    assert "blir den inte giltig YAML. Inget har skrivits" in caught.value.message


def test_an_edit_that_would_rewrite_other_lines_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from uppdragskoll import yamlio

    real = yamlio.RoundTrip.dump

    def reindented(self: yamlio.RoundTrip) -> bytes:
        # As a dump in ruamel's own style would: the same data, other lines re-indented.
        return real(self).replace(b"\n  - id: ", b"\n- id: ").replace(b"\n    ", b"\n  ")

    monkeypatch.setattr(yamlio.RoundTrip, "dump", reindented)
    for make in (
        lambda s: edit.record_delivery(s, "plan", DAY),
        lambda s: edit.move_deadline(s, "plan", "2026-06-30", "S2026/1"),
        lambda s: edit.record_spending(s, "5", DAY, agency="A"),
    ):
        with pytest.raises(edit.Refusal) as caught:
            make(source(SIMPLE))
        assert "befintliga rader ändras, fler än ändringen gäller" in caught.value.message
    monkeypatch.setattr(yamlio.RoundTrip, "dump", real)
    assert edit.record_delivery(source(SIMPLE), "plan", DAY).raw != SIMPLE


def test_the_same_delivery_twice_is_not_next_years_report() -> None:
    # `klar rapport --datum 2026-03-30` again, from the shell history
    with pytest.raises(edit.Refusal, match="redan registrerad för tillfället 2026-03-31"):
        edit.record_delivery(source(SIMPLE), "rapport", date(2026, 3, 30))


def test_a_delivery_before_a_delivered_occurrence_is_not_the_next_one() -> None:
    with pytest.raises(edit.Refusal, match="hör knappast till nästa tillfälle"):
        edit.record_delivery(source(SIMPLE), "rapport", date(2026, 3, 20))
    # named explicitly, it is recorded
    result = edit.record_delivery(
        source(SIMPLE), "rapport", date(2026, 3, 20), occurrence=date(2027, 3, 31)
    )
    assert "2027-03-31: 2026-03-20" in result.raw.decode()


def test_moving_a_date_with_a_comment_on_its_line_says_the_comment_stays() -> None:
    raw = SIMPLE.replace(b"    datum: 2026-05-29\n", b"    datum: 2026-05-29  # sista maj\n", 1)
    result = edit.move_deadline(source(raw), "plan", "2026-06-30", "S2026/1")
    assert "    datum: 2026-06-30  # sista maj\n" in result.raw.decode()
    assert any("`# sista maj`" in note and "står kvar" in note for note in result.notes)
    plain = edit.move_deadline(source(SIMPLE), "plan", "2026-06-30", "S2026/1")
    assert not plain.notes
