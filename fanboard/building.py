"""Building the tables: the one way every writer does it.

`ensure_built` is used by `python -m fanboard build`, by `add`'s rebuild, by the app on
every start of a page and by the Add page's save (through `store.rebuild`). It

1. finishes or undoes an add that a kill interrupted (`ArticleStore.recover`, under the
   store's lock), in any article folder that has leftovers of one, then rebuilds;
2. takes the build lock `<tables>/.build.lock`, so builds never overlap, and reads the
   articles inside it, so the last build to finish includes every article added before
   it started;
3. decides staleness from what the current generation was built from: its manifest
   records every article file and sidecar (size, mtime, SHA-256) and the folders, so an
   article added while a build ran makes the result stale however the clocks compare;
4. checks a broken sidecar before anything else (the build stops, the tables stay), and
   writes the new tables as one generation (fanboard.tables.write_generation).
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from filelock import FileLock, Timeout

from .ingest import SIDECARS, article_files, read_sidecar
from .rulesprint import current_rules
from .tables import LOCK_NAME, read_manifest, table_paths, write_generation

# Test hook: FANBOARD_BUILD_PAUSE="<stage>:<seconds>" sleeps at that stage of a build, or
# "<stage>:<path>" waits until that file exists. Stages: "built" (tables computed, nothing
# written), "writing" (one table of the new generation written), "written" (the generation
# complete, not yet current), "switched" (current points at it, old ones not yet removed).
PAUSE_ENV = "FANBOARD_BUILD_PAUSE"
LOCK_TIMEOUT = 900      # seconds a writer waits for another build to finish

Progress = Callable[[int, int, str], None]


class BuildBusy(RuntimeError):
    """Another build held the lock for longer than a writer waits."""


@dataclass
class Outcome:
    """What ensure_built did: the build (None when the tables were up to date), why, and
    which interrupted adds it finished first."""

    result: object | None = None        # pipeline.BuildResult
    reason: str | None = None
    recovered: list[str] = field(default_factory=list)


def _pause(stage: str) -> None:
    spec = os.environ.get(PAUSE_ENV, "")
    if not spec.startswith(stage + ":"):
        return
    print(f"paused at {stage}", file=sys.stderr, flush=True)
    arg = spec.split(":", 1)[1]
    try:
        time.sleep(float(arg))
        return
    except ValueError:
        pass
    deadline = time.monotonic() + 600
    while not Path(arg).exists() and time.monotonic() < deadline:
        time.sleep(0.05)


# ----------------------------------------------------------------------------- recovery

def _has_leftovers(folder: Path) -> bool:
    from .store import PENDING_PREFIX, SIDECAR
    if not folder.is_dir():
        return False
    return any(folder.glob(f"{PENDING_PREFIX}*")) or any(folder.glob(f".{SIDECAR}.*.tmp"))


def recover_stores(dirs: Iterable[Path]) -> list[str]:
    """Finish or undo interrupted adds in every folder that has leftovers of one.

    Folders without leftovers are not touched (not even locked), so this costs a directory
    listing. Raises store.StoreError when a store's metadata cannot be read.
    """
    from .store import ArticleStore

    done: list[str] = []
    for folder in dirs:
        folder = Path(folder)
        if not _has_leftovers(folder):
            continue
        store = ArticleStore(folder, also_check=[])
        with store.lock():
            done += store.recover()
    return done


# ----------------------------------------------------------------------------- staleness

def _input_files(dirs: list[Path]):
    for index, folder in enumerate(dirs):
        names = [p.name for p in article_files(folder)] + [s for s in SIDECARS if (folder / s).is_file()]
        for name in names:
            yield f"{index}/{name}", folder / name


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_of(dirs: Iterable[Path], known: object = None) -> dict:
    """What a build reads: the folders, and each article file and sidecar's size, mtime and hash.
    `known`: what the last build recorded; a file of the same size and mtime keeps its hash
    there (the same test inputs_match makes), so a rebuild hashes only new and changed files."""
    dirs = [Path(d) for d in dirs]
    resolved = [str(d.resolve()) for d in dirs]
    before = known.get("files") if isinstance(known, dict) and known.get("dirs") == resolved else None
    before = before if isinstance(before, dict) else {}
    files = {}
    for key, path in _input_files(dirs):
        try:
            st = path.stat()
            rec = before.get(key)
            same = isinstance(rec, list) and len(rec) == 3 and rec[:2] == [st.st_size, st.st_mtime_ns] \
                and isinstance(rec[2], str)
            files[key] = [st.st_size, st.st_mtime_ns, rec[2] if same else _digest(path)]
        except OSError:
            continue    # gone meanwhile: the next check sees the change
    return {"dirs": resolved, "files": files}


def inputs_match(recorded: object, dirs: Iterable[Path]) -> bool:
    """True when the folders hold exactly the files, with the same contents, that a build
    recorded. A file whose mtime changed but not its bytes still matches."""
    dirs = [Path(d) for d in dirs]
    if not isinstance(recorded, dict) or recorded.get("dirs") != [str(d.resolve()) for d in dirs]:
        return False
    files = recorded.get("files")
    if not isinstance(files, dict):
        return False
    seen = 0
    for key, path in _input_files(dirs):
        rec = files.get(key)
        if not isinstance(rec, list) or len(rec) != 3:
            return False
        seen += 1
        try:
            st = path.stat()
            if [st.st_size, st.st_mtime_ns] != rec[:2] and (st.st_size != rec[0] or _digest(path) != rec[2]):
                return False
        except OSError:
            return False
    return seen == len(files)


def needs_build(tables_dir: Path, dirs: Iterable[Path], *, keep_foreign: bool = False) -> str | None:
    """Why the tables must be (re)built, or None when they are up to date.

    With keep_foreign (a tables folder someone chose), tables that do not record being built
    from `dirs` (hand-made, written by pipeline.build directly, or built from other folders)
    are taken as they are; without it they are rebuilt from `dirs`.
    """
    dirs = [Path(d) for d in dirs]
    gen, paths = table_paths(Path(tables_dir))
    missing = [name for name, path in paths.items() if not path.exists()]
    if len(missing) == len(paths):
        return "there are no tables yet"
    if missing:
        return f"the {missing[0]} table is missing"
    manifest = read_manifest(gen)
    for name, info in (manifest or {}).get("tables", {}).items():
        path = paths.get(name)
        try:
            if path is not None and path.parent == gen and path.stat().st_size != info.get("size"):
                return f"the {name} table is damaged"
        except (OSError, AttributeError):
            return f"the {name} table is damaged"
    inputs = manifest.get("inputs") if manifest else None
    ours = isinstance(inputs, dict) and inputs.get("dirs") == [str(d.resolve()) for d in dirs]
    if not ours:
        return None if keep_foreign else "the tables do not record being built from these articles"
    if not inputs_match(inputs, dirs):
        return "the articles changed since the tables were built"
    if inputs.get("rules") != current_rules():
        return "the extraction rules changed since the tables were built"
    return None


# ----------------------------------------------------------------------------- building

def ensure_built(dirs: Iterable[Path], tables_dir: Path, cache_dir: Path | None, *, force: bool = False,
                 keep_foreign: bool = False, pipelines=None, progress: Progress | None = None,
                 on_wait: Callable[[], None] | None = None, lock_timeout: float = LOCK_TIMEOUT,
                 jobs: int = 1) -> Outcome:
    """Recover interrupted adds, then build the tables of `dirs` into tables_dir when they are
    missing, damaged or stale (always with force), under the build lock. keep_foreign: see
    needs_build. on_wait() is called when another build holds the lock and this one waits.
    jobs: processes that extract the articles (the tables do not depend on it).

    Raises ingest.SidecarError (nothing written), store.StoreError, BuildBusy.
    """
    dirs, tables_dir = [Path(d) for d in dirs], Path(tables_dir)
    recovered = recover_stores(dirs)
    if recovered:
        force = True
    if not force and needs_build(tables_dir, dirs, keep_foreign=keep_foreign) is None:
        return Outcome(recovered=recovered)
    tables_dir.mkdir(parents=True, exist_ok=True)
    lock = _acquire(tables_dir, on_wait, lock_timeout)
    try:
        # Another writer may have built them while we waited for the lock.
        reason = ("an interrupted add was finished" if recovered else "a rebuild was asked for") if force \
            else needs_build(tables_dir, dirs, keep_foreign=keep_foreign)
        if reason is None:
            return Outcome(recovered=recovered)
        return Outcome(_build_locked(dirs, tables_dir, cache_dir, pipelines, progress, jobs), reason, recovered)
    finally:
        lock.release()


def _acquire(tables_dir: Path, on_wait: Callable[[], None] | None, timeout: float) -> FileLock:
    lock = FileLock(str(tables_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
        return lock
    except Timeout:
        if on_wait:
            on_wait()
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise BuildBusy(
            f"another build of these tables has held the lock for over {timeout:.0f} seconds; "
            "wait for it to finish and try again"
        ) from None
    return lock


def _build_locked(dirs: list[Path], tables_dir: Path, cache_dir: Path | None, pipelines, progress, jobs: int = 1):
    for folder in dirs:
        read_sidecar(folder)            # a broken sidecar stops the build here, before spaCy loads
    from . import pipeline
    with pipeline.long_lived_frozen():
        return _build_frozen(dirs, tables_dir, cache_dir, pipelines, progress, jobs)


def _build_frozen(dirs: list[Path], tables_dir: Path, cache_dir: Path | None, pipelines, progress, jobs: int):
    from . import pipeline
    manifest = read_manifest(table_paths(tables_dir)[0])
    # before the articles are read: a later add makes it stale
    inputs = {**inputs_of(dirs, manifest.get("inputs") if manifest else None), "rules": current_rules()}
    if progress:
        progress(0, 0, "reading the articles")

    result = pipeline.build(dirs, None, progress=progress, pipelines=pipelines, cache_dir=cache_dir, write=False,
                             jobs=jobs)
    from .curation_apply import finish_build
    with pipeline.gc_paused():
        result.tables = finish_build(result.tables)     # the curation log applied
        _pause("built")
        write_generation(result.tables, tables_dir, inputs=inputs, on_stage=_pause)
    result.out_dir = tables_dir
    return result
