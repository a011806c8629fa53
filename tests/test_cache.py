"""The cache and the worker processes never change what is loaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import DATA

from uppdragskoll import loader


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data" / "uppdrag"
    shutil.copytree(DATA, data)
    return data


def summary(result: loader.LoadResult) -> tuple[object, ...]:
    return (
        [e.assignment for e in result.entries],
        [e.file for e in result.entries],
        list(result.problems),
        result.files,
    )


def test_cache_gives_the_same_result_and_sees_every_edit(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    cache_dir = tmp_path / "cache"
    cold = loader.load_paths([data], cache_dir=cache_dir)
    assert list(cache_dir.rglob("*.pickle")), "the first run writes the cache"
    warm = loader.load_paths([data], cache_dir=cache_dir)
    assert summary(warm) == summary(cold)

    # Same size, same second: only the content differs. The cache must still see it.
    target = data / "palliativ-vard-riktlinjer.yaml"
    text = target.read_text("utf-8")
    pad = " " * (len("pågående".encode()) - len("avslutat"))  # same byte length
    edited = text.replace("status: pågående", "status: avslutat" + pad)
    assert len(edited.encode()) == len(text.encode())
    stat = target.stat()
    target.write_text(edited, "utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = loader.load_paths([data], cache_dir=cache_dir)
    by_id = {a.id: a for a in after.assignments}
    assert by_id["palliativ-vard-riktlinjer"].status == "avslutat"

    # A new broken file and a removed file are both seen.
    (data / "trasig.yaml").write_text("titel: [\n", "utf-8")
    (data / "god-och-nara-vard.yaml").unlink()
    again = loader.load_paths([data], cache_dir=cache_dir)
    assert "god-och-nara-vard" not in {a.id for a in again.assignments}
    assert [p.code for p in again.problems] == ["yaml-syntax"]


def test_settings_change_invalidates_the_cache(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    cache_dir = tmp_path / "cache"
    before = loader.load_paths([data], cache_dir=cache_dir)
    (data.parent / "uppdragskoll.yaml").write_text(
        "årstider:\n  hösten: {från: 8, till: 10}\n", "utf-8"
    )
    after = loader.load_paths([data], cache_dir=cache_dir)
    assert summary(after) == summary(loader.load_paths([data]))
    assert summary(after) != summary(before)


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    cache_dir = tmp_path / "cache"
    loader.load_paths([data], cache_dir=cache_dir)
    for pickle_file in cache_dir.rglob("*.pickle"):
        pickle_file.write_bytes(b"not a pickle")
    assert summary(loader.load_paths([data], cache_dir=cache_dir)) == summary(
        loader.load_paths([data])
    )


def test_worker_processes_give_the_same_result(tmp_path: Path, monkeypatch: object) -> None:
    data = tmp_path / "data" / "uppdrag"
    data.mkdir(parents=True)
    sources = sorted(DATA.glob("*.yaml"))
    for i in range(60):
        for source in sources:
            (data / f"{source.stem}-{i}.yaml").write_bytes(source.read_bytes())
    (data / "trasig.yaml").write_text("titel: A\nstatus: klar\n", "utf-8")
    import pytest

    mp = pytest.MonkeyPatch()
    mp.setattr(loader, "PARALLEL_MIN_FILES", 10)
    try:
        parallel = loader.load_paths([data], workers=2)
    finally:
        mp.undo()
    serial = loader.load_paths([data], workers=1)
    assert summary(parallel) == summary(serial)
    assert len(parallel.entries) == 60 * len(sources)


def test_check_from_the_cache_points_at_the_same_lines(tmp_path: Path) -> None:
    from uppdragskoll import checks

    data = copy_data(tmp_path)
    cache_dir = tmp_path / "cache"
    loader.load_paths([data], cache_dir=cache_dir, keep_positions=False)
    warm = loader.load_paths([data], cache_dir=cache_dir)
    assert all(not e.document.values for e in warm.entries), "the cache holds no positions"
    cold = loader.load_paths([data])
    assert checks.run_all(warm.entries) == checks.run_all(cold.entries)
    assert checks.run_all(cold.entries), "the bundled data has findings to locate"
