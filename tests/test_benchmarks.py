"""The benchmark tools: a deterministic, valid corpus, and the table and target logic.

No timings are asserted here; benchmarks/run.py measures, these tests only check its logic.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT, run

BENCH = ROOT / "benchmarks"


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # run.py imports generate as a sibling module
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
bench = _load("run")


# --- the generator ---------------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    first = [(f.name, f.text) for f in generate.generate(30, seed=1)]
    again = [(f.name, f.text) for f in generate.generate(30, seed=1)]
    other = [(f.name, f.text) for f in generate.generate(30, seed=2)]
    assert first == again
    assert first != other


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    small = [f.text for f in generate.generate(10, seed=7)]
    large = [f.text for f in generate.generate(25, seed=7)]
    assert large[:10] == small


def test_written_corpus_is_deterministic(tmp_path: Path) -> None:
    data_a, events_a = generate.write_corpus(tmp_path / "a", 20, seed=3)
    data_b, events_b = generate.write_corpus(tmp_path / "b", 20, seed=3)
    files_a = {p.name: p.read_bytes() for p in data_a.glob("*.yaml")}
    files_b = {p.name: p.read_bytes() for p in data_b.glob("*.yaml")}
    assert len(files_a) == 20
    assert files_a == files_b
    assert events_a == events_b
    assert data_a == tmp_path / "a" / "data" / "uppdrag"


def test_corpus_has_the_shapes_of_real_data() -> None:
    files = list(generate.generate(300, seed=1))
    text = "".join(f.text for f in files)
    for needle in (
        "upprepas: årligen",
        "inlämnad: {",
        "löpande: true",
        "ändringar:",
        "utfall:",
        "anslag: {utgiftsområde:",
        "beviljat:",
        "beräknat:",
        "mnkr",
        "tkr",
        "källtext:",
        "ansvarig:",
        "# ",
        "kvartal",
        "våren",
        "status: avslutat",
        "status: återkallat",
    ):
        assert needle in text, needle
    assert re.search(r"[åäöÅÄÖ]", text)
    assert len({f.text.split("departement: ")[1].split("\n")[0] for f in files}) >= 5
    # Mostly small files, some with 20 or more activities.
    activities = [f.text.count("\n  - titel: ") for f in files]
    assert any(n >= 20 for n in activities)
    assert sorted(activities)[len(activities) // 2] < 10


def test_diarienummer_are_unique_across_files() -> None:
    seen: set[str] = set()
    for f in generate.generate(2000, seed=1):
        line = f.text.split("diarienummer: [", 1)[1].split("]", 1)[0]
        for number in line.split(", "):
            key = number.removesuffix(" (delvis)")
            assert key not in seen, key
            seen.add(key)


def test_generated_files_pass_check_and_events_are_counted(tmp_path: Path) -> None:
    data, events = generate.write_corpus(tmp_path, 30, seed=1)
    code, out, _ = run("check", str(data), "--format", "json", cwd=tmp_path)
    problems = json.loads(out)
    assert [p for p in problems if p["allvarlighet"] == "fel"] == []
    assert code == 0

    feed = tmp_path / "alla.ics"
    code, _, err = run("ical", "--data", str(data), "-o", str(feed), "--today", "2026-03-01")
    assert code == 0, err
    assert feed.read_bytes().count(b"BEGIN:VEVENT") == events


def test_files_for_events_reaches_the_target() -> None:
    n = generate.files_for_events(200, seed=1)
    counts = [f.events for f in generate.generate(n, seed=1)]
    assert sum(counts) >= 200
    assert sum(counts[:-1]) < 200


def test_quoting_reads_back_as_text() -> None:
    assert generate.q("Socialstyrelsen") == "Socialstyrelsen"
    assert generate.q("2027") == '"2027"'
    assert generate.q("a: b") == '"a: b"'
    assert generate.q("a\tb") == '"a\\tb"'
    assert generate.q("ja, nej", flow=True) == '"ja, nej"'
    assert generate.q("yes") == '"yes"'


# --- run.py: evaluation and formatting, with made-up numbers ----------------------------------


def _m(key: str, times: list[float], rss_mib: float = 20, **extra: object) -> Any:
    m = bench.Measurement(key, key, key, times=times, maxrss_kib=int(rss_mib * 1024))
    for name, value in extra.items():
        setattr(m, name, value)
    return m


def _results(*items: Any) -> dict[str, Any]:
    return {m.key: m for m in items}


def test_min_and_median() -> None:
    m = _m("x", [0.3, 0.1, 0.2, 0.9])
    assert m.min == 0.1
    assert m.median == pytest.approx(0.25)
    assert m.maxrss_mib == pytest.approx(20)


def test_targets_pass_miss_and_unmeasured() -> None:
    results = _results(
        _m("floor-typer-rich", [0.050, 0.060]),
        _m("help", [0.054, 0.07]),
        _m("check-cold@1000", [1.2, 1.3]),
        _m("status-cold@1000", [1.8, 2.0]),
        _m("ical-10k", [2.5], rss_mib=240),
    )
    verdicts = {(v.target.key, v.target.metric): v for v in bench.evaluate(results, bench.TARGETS)}
    help_ = verdicts[("help", "ratio")]
    assert help_.value == pytest.approx(1.08)
    assert help_.passed is True and help_.text == "PASS"
    assert verdicts[("check-cold@1000", "seconds")].passed is True
    status = verdicts[("status-cold@1000", "seconds")]
    assert status.passed is False
    assert status.text == "MISS (+20 %)"
    assert verdicts[("ical-10k", "seconds")].passed is True
    memory = verdicts[("ical-10k", "mib")]
    assert memory.value == pytest.approx(240)
    assert memory.text == "MISS (+140 %)"
    unmeasured = verdicts[("check-cold@10000", "seconds")]
    assert unmeasured.value is None and unmeasured.passed is None
    assert unmeasured.text == "ej mätt"


def test_ratio_target_without_its_floor_is_unmeasured() -> None:
    verdicts = bench.evaluate(_results(_m("help", [0.07])), bench.TARGETS[:1])
    assert verdicts[0].value is None
    assert verdicts[0].text == "ej mätt"


def test_limit_itself_passes() -> None:
    target = bench.Target("x ≤ 1,5 s", "x", 1.5)
    [verdict] = bench.evaluate(_results(_m("x", [1.5, 2.0])), [target])
    assert verdict.passed is True


def test_markdown_table_has_floors_ratios_and_exit_codes() -> None:
    results = _results(
        _m("floor-pass", [0.010]),
        _m("floor-typer-rich", [0.050]),
        _m("help", [0.060]),
        _m("check-cold@1000", [1.234], rss_mib=115, size=1000),
        _m("ical@1000", [2.0], size=1000, events=4090),
        _m("peer-yamllint@1000", [6.0], size=1000, returncode=1),
        _m("never-run", []),
    )
    table = bench.markdown_table(results)
    lines = table.strip().splitlines()
    assert lines[0].startswith("| mätning |")
    assert set(lines[1].replace("|", "").split()) <= {"---", "---:"}
    assert len(lines) == 2 + 6  # the measurement without times is left out
    help_row = next(line for line in lines if line.startswith("| help |"))
    assert "| 6,00 × | 1,20 × |" in help_row
    check_row = next(line for line in lines if line.startswith("| check-cold@1000"))
    assert "| 1 000 |" in check_row and "| 1,234 |" in check_row and check_row.endswith("| 115 |")
    assert "4 090" in table
    assert "(slutkod 1)" in table


def test_targets_and_peers_tables() -> None:
    results = _results(
        _m("check-cold@100", [0.4]),
        _m("peer-check-jsonschema@100", [1.0]),
        _m("check-cold@1000", [2.0]),
    )
    verdicts = bench.evaluate(results)
    targets = bench.targets_table(verdicts)
    assert targets.count("\n") == 2 + len(bench.TARGETS)
    assert "| `check` 1 000 filer, kall ≤ 1,5 s | 2,000 s | MISS (+33 %) |" in targets
    peers = bench.peers_table(results, [100, 1000])
    assert "| 100 | 0,400 | 1,000 | 0,40 × | – | – |" in peers
    assert "| 1 000 | 2,000 | – | – | – | – |" in peers
    assert bench.peers_table(_results(_m("check-cold@100", [0.4])), [100]) == ""


def test_report_and_json_are_complete() -> None:
    results = _results(_m("floor-pass", [0.01]), _m("help", [0.06]))
    text = bench.report(results, [100], "rubrik")
    assert text.startswith("rubrik\n")
    assert "| mål | uppmätt (min) | resultat |" in text
    raw = bench.as_json(results, 3, "python benchmarks/run.py --quick")
    decoded = json.loads(json.dumps(raw))
    assert decoded["runs"] == 3
    assert {m["key"] for m in decoded["measurements"]} == {"floor-pass", "help"}
    assert decoded["measurements"][0]["min"] == pytest.approx(0.01)
    assert len(decoded["targets"]) == len(bench.TARGETS)


def test_parse_sizes() -> None:
    assert bench.parse_sizes("10000,100,1_000") == [100, 1000, 10000]
    with pytest.raises(Exception, match="100,1000"):
        bench.parse_sizes("0")


def test_formatting_helpers() -> None:
    assert bench.seconds(1.23456) == "1,235"
    assert bench.seconds(12.346) == "12,35"
    assert bench.ratio(None) == "–"
    assert bench.ratio(1.5) == "1,50 ×"
    assert bench.number(10000) == "10 000"
    assert bench.number(None) == "–"


def _load_path(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ocr_word_list_builder_reads_misreadings_as_the_importer_does(tmp_path: Path) -> None:
    from uppdragskoll.importer import text

    builder = _load_path("ocr_ordlista", BENCH / "importera" / "ocr_ordlista.py")
    assert builder.MISREAD_AS == text._MISREAD_AS
    (tmp_path / "a.txt").write_text("Myndigheten får ändra. Andra får inte ändra. Regeringen.")
    words = tmp_path / "words.txt"
    with words.open("w") as out:
        sys.stdout, saved = out, sys.stdout
        try:
            builder.main([str(tmp_path)])
        finally:
            sys.stdout = saved
    assert words.read_text().splitlines() == ["andra 1", "får 2", "ändra 2"]


def test_ocr_damaged_copy_is_deterministic_and_keeps_the_expectations(tmp_path: Path) -> None:
    stil = _load_path("ocrstil", BENCH / "importera" / "ocrstil.py")
    source = tmp_path / "in"
    source.mkdir()
    (source / "01_x.txt").write_text("Uppdraget ska redovisas senast den 1 mars 2027 för år 2026.")
    (source / "01_x.yaml").write_text("redovisningar: []\n")
    stil.main(source, tmp_path / "a", 1.0)
    stil.main(source, tmp_path / "b", 1.0)
    damaged = (tmp_path / "a" / "01_x.txt").read_text()
    assert damaged == (tmp_path / "b" / "01_x.txt").read_text()
    assert not set("åäö") & set(damaged) and "redovisas senast den 1 mars 2027" in damaged
    assert (tmp_path / "a" / "01_x.yaml").read_text() == "redovisningar: []\n"


# --- the importer's facit ----------------------------------------------------------------------

FACIT = sorted((BENCH / "importera").glob("*/*.yaml"))
_TYPES = {
    "plan", "delredovisning", "slutredovisning", "årlig redovisning", "ekonomisk redovisning",
    "rekvisition", "återbetalning", "övrigt",
}  # fmt: skip
_DUE = re.compile(
    r"\d{4}-\d{2}-\d{2}|[a-zåäö]+ \d{4}|\d{4}-Q[1-4]|\d{4}-H[12]|(?:våren|hösten|början av) \d{4}"
    r"|\d{4}"
)


@pytest.mark.parametrize("path", FACIT, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_facit_follows_the_annotation_rules(path: Path) -> None:
    """ANNOTERING.md's format: a facit that drifts from it would score the importer wrongly."""
    from ruamel.yaml import YAML

    case = YAML(typ="safe", pure=True).load(path.read_text("utf-8")) or {}
    assert set(case) <= {"departement", "diarienummer", "myndigheter", "redovisningar", "budget"}
    for entry in case.get("redovisningar") or []:
        assert set(entry) <= {
            "datum",
            "typ",
            "mottagare",
            "löpande",
            "upprepas",
            "till",
            "ändringar",
        }
        assert entry["typ"] in _TYPES
        assert ("datum" in entry) != bool(entry.get("löpande")), entry
        for key in ("datum", "till"):
            if key in entry:
                assert _DUE.fullmatch(str(entry[key])), entry
    for row in case.get("budget") or []:
        assert set(row) <= {"år", "beräknat", "beviljat", "anslag", "myndighet"}
        assert re.fullmatch(r"\d{4}(?:–\d{4})?", str(row["år"])), row
        assert {"beräknat", "beviljat"} & set(row), row
    sources = path.parent / "SOURCES"
    if sources.exists():
        assert path.stem in sources.read_text("utf-8").split(), f"{path.stem} saknas i SOURCES"
