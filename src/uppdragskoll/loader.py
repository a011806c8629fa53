"""Files to validated assignments: reads with yamlio, validates with the model, locates errors."""

from __future__ import annotations

import difflib
import gc
import os
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from uppdragskoll import model, periods, yamlio
from uppdragskoll.problems import Problem, Severity, error

ID_RE = re.compile(model.ID_PATTERN)
SETTINGS_NAME = "uppdragskoll.yaml"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Entry:
    """A valid assignment and the document it came from, so checks can point at lines."""

    assignment: model.Assignment
    document: yamlio.Document

    @property
    def file(self) -> str:
        return self.document.name

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        return self.document.position(path, key=key)


@dataclass(frozen=True)
class LoadResult:
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    files: int
    settings: model.Settings = field(default_factory=lambda: model.Settings())
    # files whose content reads as an assignment but that have errors of their own (a
    # duplicate key): never shown, but `uppdrag check` runs its rules on them too, so that one
    # run reports everything wrong in a file
    flawed: tuple[Entry, ...] = ()

    @property
    def assignments(self) -> tuple[model.Assignment, ...]:
        return tuple(e.assignment for e in self.entries)

    @property
    def skipped(self) -> int:
        """Files that were read but left out because of errors."""
        return self.files - len(self.entries)


def _absolute(path: Path) -> Path:
    """The absolute path of `path`, where a link to a file is not followed to its target: it
    is named as a directory listing names it (`find_sources`), and a loop or a dangling link
    still has a name. A linked directory is resolved, as the listing's prefix is."""
    try:
        if path.is_symlink() and not path.is_dir():
            return path.absolute().parent.resolve() / path.name
        return path.resolve()
    except (OSError, RuntimeError):  # pragma: no cover - a loop higher up the path
        return path.absolute()


def display_name(path: Path, base: Path | None = None) -> str:
    base = base or Path.cwd()
    try:
        return _absolute(path).relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as given, for reading
    name: str  # as shown to the user: relative to the working directory when inside it
    key: str  # absolute, for the cache


def find_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand directories to their assignment files; missing paths are problems."""
    sources, problems = find_sources(paths)
    return [s.path for s in sources], problems


def find_sources(paths: Sequence[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Expand directories to their assignment files; missing paths are problems.

    Names and keys are derived per directory, not per file: resolving 10 000 paths one by
    one costs more than parsing them.
    """
    found: list[SourceFile] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            shown, absolute = display_name(path), str(path.resolve())
            prefix = "" if shown == "." else f"{shown}/"
            # Every `*.yaml` entry is a source, whatever it is: a directory, a dangling link or
            # a link loop is reported when read (yamlio), so no assignment vanishes silently.
            # Asking the entry what it is here would follow links, and a loop would raise.
            with os.scandir(path) as listing:
                names = sorted(e.name for e in listing if _is_source(e.name))
            found.extend(
                SourceFile(path / n, f"{prefix}{n}", os.path.join(absolute, n)) for n in names
            )
        elif path.is_file() or path.is_symlink():  # a broken link is reported when read
            found.append(SourceFile(path, display_name(path), str(_absolute(path))))
        else:
            problems.append(error(path.as_posix(), 1, 1, "finns-inte", "Sökvägen finns inte."))
    return found, problems


def _is_source(name: str) -> bool:
    # `.#x.yaml` is the lock link Emacs keeps beside a file being edited: not data.
    return name.endswith(SUFFIXES) and not name.startswith(".#")


# --- pydantic errors to located Swedish problems -------------------------------------------


def _data_path(data: object, loc: tuple[int | str, ...]) -> tuple[tuple[str | int, ...], bool]:
    """Keep the parts of a pydantic `loc` that exist in the data (drops union tags).

    Returns the path and whether the last part of `loc` was found (False for missing keys).
    """
    path: list[str | int] = []
    current = data
    found = True
    for part in loc:
        if isinstance(current, dict):
            key = _match_key(current, part)
            if key is not _MISSING:
                path.append(key)
                current = current[key]
                found = True
                continue
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
            found = True
            continue
        found = False
    return tuple(path), found


_MISSING: Any = object()


def _match_key(mapping: dict[Any, Any], part: int | str) -> Any:
    if part in mapping:
        return part
    for key in mapping:  # dict keys are validated as text: 2026 in YAML is "2026" in loc
        if str(key) == str(part):
            return key
    return _MISSING


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _inner_model(args[0])
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            found, container = _inner_model(arg)
            if found is not None:
                return found, container
        return None, False
    if origin in (tuple, list):
        return _inner_model(args[0])[0], True
    if origin is dict:
        return _inner_model(args[1])[0], True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def _aliases(cls: type[BaseModel]) -> dict[str, Any]:
    return {
        (f.alias or name): f
        for name, f in cls.model_fields.items()
        if name != "id" or cls is not model.Assignment
    }


def model_at(
    path: Sequence[str | int], root: type[BaseModel] = model.Assignment
) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path` in a file."""
    cls: type[BaseModel] = root
    skip = False
    for part in path:
        if skip:
            skip = False
            continue
        info = _aliases(cls).get(str(part))
        if info is None:
            return None
        inner, skip = _inner_model(info.annotation)
        if inner is None:
            return None
        cls = inner
    return None if skip else cls


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def suggest(word: str, choices: Iterable[str]) -> str:
    """A Swedish 'did you mean' suffix, or ''.

    A typo is matched by similarity; a beginning or a part of a longer name (`palliativ`,
    `sissel`) by containment, when it points at one choice only.
    """
    options = list(choices)
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if match:
        return f" Menade du `{match[0]}`?"
    wanted = word.strip().casefold()
    if len(wanted) >= 3:
        containing = sorted({o for o in options if wanted in o.casefold()})
        if len(containing) == 1:
            return f" Menade du `{containing[0]}`?"
        if 1 < len(containing) <= 4:
            return " Menade du " + " eller ".join(f"`{o}`" for o in containing) + "?"
    return ""


_TYPE_MESSAGES = {
    "string_type": ("fel-typ", "ska vara text"),
    "int_type": ("fel-typ", "ska vara ett heltal"),
    "int_parsing": ("fel-typ", "ska vara ett heltal"),
    "int_from_float": ("fel-typ", "ska vara ett heltal"),
    "bool_type": ("fel-typ", "ska vara true eller false (utan citattecken)"),
    "bool_parsing": ("fel-typ", "ska vara true eller false (utan citattecken)"),
    "tuple_type": ("fel-typ", "ska vara en lista"),
    "list_type": ("fel-typ", "ska vara en lista"),
    "dict_type": ("fel-typ", "ska vara en mappning (nyckel: värde)"),
    "model_type": ("fel-typ", "ska vara en mappning (nyckel: värde)"),
    "model_attributes_type": ("fel-typ", "ska vara en mappning (nyckel: värde)"),
    "string_too_long": ("ogiltigt-varde", "är för lång"),
}
_PRIORITY = {"datum": 0, "belopp": 0, "extra_forbidden": 0, "missing": 1, "literal_error": 1}


def _message(err: Any, path: tuple[str | int, ...], data: object) -> tuple[str, str]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    where = _dotted(path)
    if kind == "datum":
        return "ogiltigt-datum", f"`{where}`: {err['msg']}"
    if kind == "belopp":
        return "ogiltigt-belopp", f"`{where}`: {err['msg']}"
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        value = str(err.get("input"))
        hint = suggest(value, allowed)
        return "ogiltigt-varde", (
            f'`{where}`: "{value}" är inte tillåtet; välj en av: {", ".join(allowed)}.{hint}'
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern == model.ID_PATTERN:
            return "ogiltigt-id", (
                f'`{where}`: "{err.get("input")}" är inget giltigt id; använd små bokstäver '
                "a–z, siffror och bindestreck, t.ex. `slutredovisning`."
            )
        if "\\d{4}" in pattern:
            return (
                "ogiltigt-varde",
                f"`{where}`: ska vara ett år (2026) eller ett spann (2026–2029).",
            )
        return "ogiltigt-varde", f'`{where}`: skrivs som "1:6" (anslag:nummer).'
    if kind in ("greater_than_equal", "less_than_equal"):
        word = "minst" if kind == "greater_than_equal" else "högst"
        bound = ctx.get("ge", ctx.get("le"))
        return "ogiltigt-varde", f"`{where}`: ska vara {word} {bound}."
    if kind == "float_type" or isinstance(err.get("input"), float):
        return "fel-typ", f"`{where}`: ska inte vara ett decimaltal."
    code, text = _TYPE_MESSAGES.get(kind, ("ogiltigt-varde", err["msg"]))
    shown = err.get("input")
    if isinstance(shown, str | int) and not isinstance(shown, bool) and kind in _TYPE_MESSAGES:
        return code, f"`{where}`: {text}, inte `{shown}`."
    return code, f"`{where}`: {text}."


def validation_problems(exc: ValidationError, document: yamlio.Document) -> list[Problem]:
    """One located Swedish problem per offending value; union alternatives collapsed."""
    best: dict[tuple[str | int, ...], tuple[int, Problem]] = {}
    data = document.data
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        path, found = _data_path(data, loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            key = path[-1] if path else loc[-1]
            parent = path[:-1]
            cls = model_at(parent)
            hint = suggest(str(key), _aliases(cls)) if cls is not None else ""
            if re.match(r"\d", str(key)):
                # `{beräknat: 2,5 mnkr}`: in a flow mapping the comma ends the value.
                hint = (
                    " Ett kommatecken inom {…} avslutar värdet: skriv beloppet inom "
                    'citattecken, t.ex. `{beräknat: "2,5 mnkr"}`.'
                )
            line, col = document.position(path, key=True)
            where = f" i `{_dotted(parent)}`" if parent else ""
            problem = error(
                document.name, line, col, "okand-nyckel", f"Okänd nyckel `{key}`{where}.{hint}"
            )
        elif kind == "missing":
            missing = str(loc[-1])
            line, col = document.position(path)
            where = f" i `{_dotted(path)}`" if path else ""
            problem = error(
                document.name, line, col, "saknad-nyckel", f"Nyckeln `{missing}` saknas{where}."
            )
            path = (*path, missing)
        else:
            if not found and path and not loc:
                continue
            key_level = not found  # a bad dict key: point at the key itself
            line, col = document.position(path, key=key_level)
            code, message = _message(err, path, data)
            problem = error(document.name, line, col, code, message)
        rank = _PRIORITY.get(kind, 2)
        if path not in best or rank < best[path][0]:
            best[path] = (rank, problem)
    return [p for _, p in best.values()]


def validate_document(
    document: yamlio.Document, stem: str, context: dict[str, Any]
) -> tuple[model.Assignment | None, list[Problem]]:
    problems: list[Problem] = []
    if not ID_RE.fullmatch(stem):
        problems.append(
            error(
                document.name,
                1,
                1,
                "ogiltigt-id",
                f"Filnamnet `{stem}` är inget giltigt uppdrags-id; döp om filen till små "
                "bokstäver a–z, siffror och bindestreck, t.ex. `hjarta-karl.yaml`.",
            )
        )
    data = dict(document.data)
    if "id" in data:
        line, col = document.position(("id",), key=True)
        problems.append(
            error(
                document.name,
                line,
                col,
                "okand-nyckel",
                "Nyckeln `id` hör inte hemma i filen: uppdragets id är filnamnet.",
            )
        )
        data.pop("id")
    data["id"] = stem if ID_RE.fullmatch(stem) else "ogiltigt"
    try:
        assignment = model.Assignment.model_validate(data, context=context)
    except ValidationError as exc:
        found = validation_problems(exc, document)
        extra = [e["loc"] for e in exc.errors() if e["type"] == "extra_forbidden"]
        if not extra or len(extra) != len(exc.errors()):
            return None, problems + found
        # Only unknown keys (`mottgare`): the rest is read without them, so that `check` can
        # run its rules on the file in the same run; the errors keep it out of every view.
        try:
            assignment = model.Assignment.model_validate(_without(data, extra), context=context)
        except ValidationError:  # pragma: no cover - dropping keys only removes errors
            return None, problems + found
        return assignment, problems + found
    return (assignment if not problems else None), problems


def _without(data: Any, paths: list[tuple[int | str, ...]]) -> Any:
    """A copy of `data` without the keys at `paths` (pydantic error locations)."""
    if not paths:
        return data
    if isinstance(data, dict):
        here = {p[0] for p in paths if len(p) == 1}
        return {
            k: _without(v, [p[1:] for p in paths if len(p) > 1 and p[0] == k])
            for k, v in data.items()
            if k not in here
        }
    if isinstance(data, list):
        return [
            _without(v, [p[1:] for p in paths if len(p) > 1 and p[0] == i])
            for i, v in enumerate(data)
        ]
    return data


def load_settings(data_dir: Path) -> tuple[model.Settings, list[Problem]]:
    path = data_dir.parent / SETTINGS_NAME
    if not path.is_file() and not path.is_symlink():  # a broken link is reported when read
        return model.Settings(), []
    document, problems = yamlio.read_document(path, display_name(path))
    if document is None:
        return model.Settings(), problems
    try:
        return model.Settings.model_validate(document.data), problems
    except ValidationError as exc:
        loc_problems = []
        for p in validation_problems(exc, document):
            message = p.message
            if p.code == "okand-nyckel":
                key = re.search(r"`([^`]*)`", message)
                message = (
                    f"Okänd inställning `{key.group(1) if key else '?'}`."
                    f"{suggest(key.group(1), _aliases(model.Settings)) if key else ''}"
                )
            loc_problems.append(error(p.file, p.line, p.col, p.code, message))
        return model.Settings(), problems + loc_problems


def load_one(
    path: Path, name: str, context: dict[str, Any], *, keep_positions: bool = True
) -> tuple[Entry | None, list[Problem]]:
    document, problems = yamlio.read_document(path, name)
    if document is None:
        return None, problems
    assignment, more = validate_document(document, path.stem, context)
    if assignment is None:
        return None, problems + more
    if not keep_positions:
        document = document.stripped(path)
    return Entry(assignment, document), problems + more


PARALLEL_MIN_FILES = 400  # below this, starting worker processes costs more than it saves

Job = tuple[Path, str]
Loaded = tuple[Entry | None, list[Problem]]


def _load_chunk(jobs: list[Job], context: dict[str, Any], keep: bool) -> list[Loaded]:
    return [load_one(path, name, context, keep_positions=keep) for path, name in jobs]


def _load_many(jobs: list[Job], context: dict[str, Any], workers: int, keep: bool) -> list[Loaded]:
    """Parse and validate files, on several cores when there are many."""
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES:
        return _load_chunk(jobs, context, keep)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the already imported libraries; without it, workers would re-import them.
    if "fork" not in multiprocessing.get_all_start_methods():
        return _load_chunk(jobs, context, keep)
    size = -(-len(jobs) // (workers * 4))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        parts = pool.map(_load_chunk, chunks, [context] * len(chunks), [keep] * len(chunks))
        return [loaded for part in parts for loaded in part]


def load_paths(
    paths: Sequence[Path],
    settings_dir: Path | None = None,
    *,
    cache_dir: Path | None = None,
    workers: int = 1,
    keep_positions: bool = True,
) -> LoadResult:
    """Load every assignment file under `paths`; bad files become problems, never exceptions.

    With `cache_dir`, files whose stat is unchanged since the last run are not read again;
    with `workers` > 1, many files are parsed on several cores. Neither changes the result.
    """
    # Loading makes millions of small objects that all live until the command ends; the
    # cyclic garbage collector would scan them again and again for nothing (it cost a third
    # of the time at 10 000 files). Pause it while loading; the CLI then freezes the result.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_paths(
            paths, settings_dir, cache_dir=cache_dir, workers=workers, keep=keep_positions
        )
    finally:
        if collecting:
            gc.enable()


def _load_paths(
    paths: Sequence[Path],
    settings_dir: Path | None,
    *,
    cache_dir: Path | None,
    workers: int,
    keep: bool,
) -> LoadResult:
    files, problems = find_sources(paths)
    base = settings_dir or (paths[0] if paths and paths[0].is_dir() else None)
    settings, settings_problems = (
        load_settings(base) if base is not None else (model.Settings(), [])
    )
    problems.extend(settings_problems)
    # None keeps the parser on its precomputed default table, which is the common case.
    seasons = settings.season_map()
    context = {"seasons": None if seasons == periods.DEFAULT_SEASONS else seasons}

    store = None
    if cache_dir is not None and base is not None:
        from uppdragskoll import cache

        store = cache.open_cache(cache_dir, base, base.parent / SETTINGS_NAME)
    results: dict[int, Loaded] = {}
    todo: list[tuple[int, Job]] = []
    stats = {}
    for index, source in enumerate(files):
        if store is not None:
            from uppdragskoll.cache import file_stat

            stats[index] = file_stat(source.path)
            hit = store.get(source.key, stats[index])
            if hit is not None and hit[0] == source.name:
                results[index] = hit[1]
                continue
        todo.append((index, (source.path, source.name)))
    fresh = _load_many([job for _, job in todo], context, workers, keep)
    for (index, (path, name)), loaded in zip(todo, fresh, strict=True):
        results[index] = loaded
        if store is not None:
            entry, found = loaded
            # The cache keeps no positions: views never need them, and check reads a file
            # again for the few that have findings (Document.position does it lazily).
            slim = Entry(entry.assignment, entry.document.stripped(path)) if entry else None
            store.put(files[index].key, stats[index], (name, (slim, found)))
    if store is not None:
        from uppdragskoll import cache

        store.keep_only({source.key for source in files})
        cache.save(store)

    entries: list[Entry] = []
    flawed: list[Entry] = []
    for index in range(len(files)):
        entry, more = results[index]
        problems.extend(more)
        if entry is None:
            continue
        if any(p.severity is Severity.ERROR for p in more):
            flawed.append(entry)  # (a duplicate key: the file is left out of every view)
        else:
            entries.append(entry)
    return LoadResult(tuple(entries), tuple(problems), len(files), settings, tuple(flawed))


def find_data_dir(start: Path, environ: Mapping[str, str]) -> Path | None:
    """`UPPDRAG_DATA`, else the nearest `data/uppdrag` found upwards from `start`."""
    configured = environ.get("UPPDRAG_DATA")
    if configured:
        return Path(configured)
    for folder in (start, *start.parents):
        candidate = folder / "data" / "uppdrag"
        if candidate.is_dir():
            return candidate
    return None
