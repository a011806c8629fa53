"""A cache of loaded files keyed on each file's path and stat, so repeated commands skip parsing.

One pickle per data directory in the user's cache directory. An entry is reused only when the
file's size, mtime, ctime and inode are all unchanged, and the whole cache only when the tool
version, Python version and settings file are the same; anything else reloads the file.
Reading a damaged cache is never an error: it is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from uppdragskoll import __version__

FORMAT = 5  # bump when anything pickled changes shape, or what reading a file gives

Stat = tuple[int, int, int, int]


def file_stat(path: Path) -> Stat | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


@dataclass
class Cache:
    """Per-file results of one data directory: path → (stat, result)."""

    path: Path
    header: tuple[Any, ...]
    items: dict[str, tuple[Stat, Any]]
    dirty: bool = False

    def get(self, file: str, stat: Stat | None) -> Any | None:
        found = self.items.get(file)
        if found is None or stat is None or found[0] != stat:
            return None
        return found[1]

    def put(self, file: str, stat: Stat | None, result: Any) -> None:
        if stat is not None:
            self.items[file] = (stat, result)
            self.dirty = True

    def keep_only(self, files: set[str]) -> None:
        stale = set(self.items) - files
        for name in stale:
            del self.items[name]
        self.dirty = self.dirty or bool(stale)


def _code_digest() -> str:
    """A digest of the modules whose objects are pickled, so an edited model (an editable
    install, a development checkout) never meets objects pickled by the old one."""
    from uppdragskoll import model, periods, yamlio

    digest = hashlib.sha256()
    for module in (model, periods, yamlio):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def open_cache(cache_dir: Path, data_dir: Path, settings: Path) -> Cache:
    key = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:24]
    path = cache_dir / f"v{FORMAT}" / f"{key}.pickle"
    header = (
        FORMAT,
        __version__,
        _code_digest(),
        sys.version,
        str(data_dir.resolve()),
        file_stat(settings),
    )
    try:
        with path.open("rb") as handle:
            stored_header, items = pickle.load(handle)  # our own file in the user's cache dir
        if stored_header == header and isinstance(items, dict):
            return Cache(path, header, items)
    except Exception:  # a missing, old or damaged cache is simply rebuilt
        pass
    return Cache(path, header, {}, dirty=True)


def save(cache: Cache) -> None:
    """Write atomically; a cache that cannot be written is silently skipped."""
    if not cache.dirty:
        return
    try:
        cache.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=cache.path.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((cache.header, cache.items), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, cache.path)
    except OSError:
        pass
