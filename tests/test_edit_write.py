"""Atomic writes: a crash leaves the old file or the new one, never a mix; a file that changed
on disk since it was read is not overwritten; leftovers are never read by `check`."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from uppdragskoll import loader, yamlio


def test_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"titel: A\n")
    path.chmod(0o640)
    yamlio.write_atomic(path, b"titel: B\n", expected=b"titel: A\n")
    assert path.read_bytes() == b"titel: B\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_refuses_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"titel: A, changed by someone else\n")
    with pytest.raises(yamlio.ChangedOnDisk, match="har ändrats sedan den lästes"):
        yamlio.write_atomic(path, b"titel: B\n", expected=b"titel: A\n")
    assert path.read_bytes() == b"titel: A, changed by someone else\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_new_file_never_overwrites_one_that_appeared(tmp_path: Path) -> None:
    path = tmp_path / "ny.yaml"
    yamlio.write_atomic(path, b"titel: Ny\n", expected=None)
    assert path.read_bytes() == b"titel: Ny\n"
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    with pytest.raises(yamlio.ChangedOnDisk, match="finns redan"):
        yamlio.write_atomic(path, b"titel: Annan\n", expected=None)
    assert path.read_bytes() == b"titel: Ny\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.yaml"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_symlinked_file_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.yaml").write_bytes(b"titel: A\n")
    link = tmp_path / "a.yaml"
    link.symlink_to(real / "a.yaml")
    yamlio.write_atomic(link, b"titel: B\n", expected=b"titel: A\n")
    assert link.is_symlink()
    assert (real / "a.yaml").read_bytes() == b"titel: B\n"


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"titel: A\n")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        yamlio.write_atomic(path, b"titel: B\n", expected=b"titel: A\n")
    assert path.read_bytes() == b"titel: A\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from uppdragskoll import yamlio

    path, moment = Path(sys.argv[1]), sys.argv[2]
    real = {"fsync": os.fsync, "replace": os.replace}

    def die(name):
        def wrapped(*args):
            if name == "fsync" and moment == "after-replace":
                return real[name](*args)  # the directory fsync comes after the replace
            if name == moment or (name == "replace" and moment == "after-replace"):
                if moment == "after-replace":
                    real["replace"](*args)
                os.kill(os.getpid(), signal.SIGKILL)
            return real[name](*args)
        return wrapped

    os.fsync = die("fsync")
    os.replace = die("replace")
    old = path.read_bytes()
    yamlio.write_atomic(path, b"titel: NY\\n" + b"#" * 4_000_000 + b"\\n", expected=old)
    """
)


@pytest.mark.parametrize(
    ("moment", "survivor"), [("fsync", "old"), ("replace", "old"), ("after-replace", "new")]
)
def test_killed_at_each_step_leaves_a_whole_file(
    tmp_path: Path, moment: str, survivor: str
) -> None:
    path = tmp_path / "a.yaml"
    old = b"titel: GAMMAL\n"
    path.write_bytes(old)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), moment], capture_output=True, timeout=60
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    data = path.read_bytes()
    if survivor == "old":
        assert data == old
    else:
        assert data.startswith(b"titel: NY\n") and len(data) == 4_000_011
    files, _ = loader.find_files([tmp_path])
    assert files == [path]  # a leftover temporary file is never taken for an assignment
    leftovers = [p.name for p in tmp_path.iterdir() if p != path]
    assert all(name.startswith(".a.yaml.") and name.endswith(".tmp") for name in leftovers)


LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from uppdragskoll import yamlio

    path = Path(sys.argv[1])
    contents = [b"a" * 3_000_000, b"b" * 5_000_000]
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    while True:
        current = path.read_bytes()
        yamlio.write_atomic(path, contents[current == contents[0]], expected=current)
    """
)


def test_killed_at_a_random_moment_the_file_is_never_a_mix(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    contents = (b"a" * 3_000_000, b"b" * 5_000_000)
    path.write_bytes(contents[0])
    chance = random.Random(6)
    for _ in range(6):
        child = subprocess.Popen([sys.executable, "-c", LOOP, str(path)], stdout=subprocess.PIPE)
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        time.sleep(chance.uniform(0.01, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert path.read_bytes() in contents
        assert loader.find_files([tmp_path])[0] == [path]
