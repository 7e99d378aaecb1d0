"""The article store: where added articles live (data/articles/), and how they get there safely.

Layout (the same one `ingest` reads; the seeds in seeds/ are never touched):

    data/articles/<slug>_<hash12>.txt     the article text, UTF-8
    data/articles/articles.toml           metadata, one table per article id
    data/articles/.lock                   the lock that serialises adds

Guarantees:

* Bad input (empty, whitespace only, binary or with a NUL byte, over the size limit,
  undecodable, a bad or future date, a URL that is not http(s)) is refused with a specific
  message *before* anything is written. Front matter (`---` … `---`) becomes metadata.
* File names are generated (a slug of the given name + 12 hex digits of the content
  hash), never taken from the user: `../../etc/passwd` is stored as `etc-passwd_<hash>.txt`.
* The same text is stored only once, across seeds and store; whitespace does not count
  (checks.dedup_key), so a copy with other line endings or spacing is a duplicate too.
* Adds are serialised by a file lock, so concurrent adds from several processes all land.
* Each add is atomic. The text is first written to a hidden pending file; replacing
  `articles.toml` (temp file + os.replace) is the commit point; then the pending file is
  renamed into place. A reader (ingest skips hidden files and ignores metadata without a
  file) sees the article either not at all or complete with its metadata. A kill between
  the two renames leaves a committed entry and its pending text: `recover()`, run under the
  lock before every add, finishes such an add and deletes pending files that were never
  committed. Every writer also runs it when it starts (fanboard.building.recover_stores),
  and then rebuilds the tables.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from filelock import FileLock

from .ingest import ARTICLE_SUFFIXES, SidecarError, article_files, load_toml
from .intake import (  # noqa: F401  (re-exported: the names fanboard.store always had)
    ACCEPTED_SUFFIXES, HTML_SUFFIXES, MAX_HTML_BYTES, MAX_TEXT_BYTES, TEXT_SUFFIXES, Candidate,
    Metadata, Refused, _file_key, _size, article_id_for, prepare_file, prepare_text, safe_display_name,
    slugify,
)
from .paths import CACHE_DIR, SEEDS_DIR, STORE_DIR, TABLES_DIR
from .tables import _fsync_dir

SIDECAR = "articles.toml"
LOCK_NAME = ".lock"
PENDING_PREFIX = ".pending-"


# Test hook: FANBOARD_STORE_PAUSE="<stage>:<seconds>" sleeps at that stage of an add
# ("pending" = text written, not committed; "committed" = metadata committed, text not yet
# renamed), so a test can kill the process exactly there.
PAUSE_ENV = "FANBOARD_STORE_PAUSE"

_SIDECAR_HEADER = (
    "# Metadata of the articles added with `python -m fanboard add` or the app's Add page.\n"
    "# One table per article id (the file name without .txt). Written by fanboard.store;\n"
    "# `source`, `url`, `published` (YYYY-MM-DD) and `language` are read by fanboard.ingest.\n"
)


class StoreError(RuntimeError):
    """The store itself cannot be used (unreadable metadata, a file system error)."""


@dataclass
class AddResult:
    name: str
    status: str                 # "stored" | "duplicate" | "refused"
    message: str
    article_id: str = ""
    path: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.status == "stored"

    def __str__(self) -> str:
        lines = [f"{self.status}: {self.name}: {self.message}"]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def _toml_string(value: str) -> str:
    out = ['"']
    for ch in str(value):
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\u{o:04X}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\uFFFD")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump_sidecar(entries: dict[str, dict[str, str]]) -> str:
    """The sidecar text for entries {article_id: {key: value}}; values are written as strings."""
    parts = [_SIDECAR_HEADER]
    for article_id, values in entries.items():
        parts.append(f"\n[{_toml_string(article_id)}]\n")
        for key, value in values.items():
            if value is None or value == "":
                continue
            if not re.fullmatch(r"[A-Za-z0-9_-]+", key):
                continue
            parts.append(f"{key} = {_toml_string(value if isinstance(value, str) else str(value))}\n")
    return "".join(parts)


def _pause(stage: str) -> None:
    spec = os.environ.get(PAUSE_ENV, "")
    if spec.startswith(stage + ":"):
        import sys
        print(f"paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(float(spec.split(":", 1)[1]))


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------------- the store

class ArticleStore:
    """Added articles in one folder (default data/articles/), plus the folders it must not duplicate."""

    def __init__(self, folder: Path = STORE_DIR, also_check: Iterable[Path] = (SEEDS_DIR,), lock_timeout: float = 60):
        self.folder = Path(folder)
        self.also_check = [Path(p) for p in also_check]
        self.lock_timeout = lock_timeout

    @property
    def sidecar(self) -> Path:
        return self.folder / SIDECAR

    def lock(self) -> FileLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / LOCK_NAME), timeout=self.lock_timeout)

    def entries(self) -> dict[str, dict[str, str]]:
        """The sidecar's tables, as written (an empty dict when there is none yet)."""
        if not self.sidecar.exists():
            return {}
        try:
            data = load_toml(self.sidecar)
        except SidecarError as exc:     # no server path: the message may reach the Add page
            raise StoreError(f"the store's metadata file {exc.public}; fix it before adding articles") from None
        return {k: {kk: str(vv) for kk, vv in v.items()} for k, v in data.items() if isinstance(v, dict)}

    def known_hashes(self) -> dict[str, str]:
        """Duplicate key (checks.dedup_key: whitespace does not count) → where that text already is
        (an article id or seed file), over store and seeds. Files with front matter count as
        the text `add` would store from them (its title, then the text after it)."""
        known: dict[str, str] = {}
        for folder in self.also_check:
            for path in article_files(folder):
                key = _file_key(path)
                if key:
                    known.setdefault(key, f"{folder.name}/{path.name}")
        for path in article_files(self.folder):
            key = _file_key(path)
            if key:
                known.setdefault(key, path.stem)
        return known

    def recover(self) -> list[str]:
        """Finish or undo adds that a crash interrupted. Call it holding the lock. Returns what it did."""
        done: list[str] = []
        if not self.folder.is_dir():
            return done
        entries = self.entries()
        for pending in sorted(self.folder.glob(f"{PENDING_PREFIX}*")):
            article_id = pending.name[len(PENDING_PREFIX):].rsplit(".", 1)[0]
            target = self.folder / f"{article_id}.txt"
            if article_id in entries and not target.exists():
                os.replace(pending, target)
                done.append(f"finished the interrupted add of {article_id}")
            else:
                pending.unlink(missing_ok=True)
                done.append(f"removed the uncommitted text of an interrupted add ({article_id})")
        for tmp in self.folder.glob(f".{SIDECAR}.*.tmp"):
            tmp.unlink(missing_ok=True)
            done.append("removed a half-written metadata file")
        # A committed entry whose text is gone for good (no pending file) is dropped, so the
        # metadata never describes an article that does not exist.
        orphans = [k for k, v in entries.items() if v.get("sha256") and not (self.folder / f"{k}.txt").exists()
                   and not any((self.folder / f"{k}{s}").exists() for s in ARTICLE_SUFFIXES)]
        if orphans:
            for k in orphans:
                entries.pop(k)
            _write_atomic(self.sidecar, dump_sidecar(entries).encode("utf-8"))
            done.append(f"dropped metadata of missing article(s): {', '.join(orphans)}")
        return done

    def check_duplicate(self, cand: Candidate, known: dict[str, str] | None = None) -> str | None:
        """Where the same text (up to whitespace) is already stored, or None."""
        known = self.known_hashes() if known is None else known
        return known.get(cand.dedup_key)

    def add(self, candidates: Iterable[Candidate]) -> list[AddResult]:
        """Store each candidate (each one atomically), skipping texts that are already stored."""
        candidates = list(candidates)
        if not candidates:
            return []
        # Nothing new at all (every text already known): answer without touching data/.
        known = self.known_hashes()
        if all(c.dedup_key in known for c in candidates):
            return [self._duplicate(c, known[c.dedup_key]) for c in candidates]
        results = []
        with self.lock():
            self.recover()
            known = self.known_hashes()
            for cand in candidates:
                where = known.get(cand.dedup_key)
                if where:
                    results.append(self._duplicate(cand, where))
                    continue
                path = self._store_one(cand)
                known[cand.dedup_key] = cand.article_id
                results.append(AddResult(
                    cand.name, "stored", f"stored as {path.name} ({cand.language}, headline: {cand.headline[:80]!r})",
                    cand.article_id, path, list(cand.notes),
                ))
        return results

    @staticmethod
    def _duplicate(cand: Candidate, where: str) -> AddResult:
        return AddResult(cand.name, "duplicate",
                         f"this text is already stored (as {where}); it was not stored again", where)

    def _store_one(self, cand: Candidate) -> Path:
        """Pending text → metadata commit → rename. The caller holds the lock."""
        folder = self.folder
        target = folder / f"{cand.article_id}.txt"
        pending = folder / f"{PENDING_PREFIX}{cand.article_id}.txt"
        entries = self.entries()
        m = cand.metadata
        entry = {
            "source": m.source, "url": m.url, "published": m.published, "language": m.language,
            "sha256": cand.content_hash, "original_name": cand.name,
            "added": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        }
        try:
            with open(pending, "wb") as fh:
                fh.write(cand.text.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            _pause("pending")
            entries[cand.article_id] = entry
            _write_atomic(self.sidecar, dump_sidecar(entries).encode("utf-8"))   # the commit point
            _pause("committed")
            os.replace(pending, target)
            _fsync_dir(folder)
        except OSError as exc:
            pending.unlink(missing_ok=True)
            raise StoreError(f"could not store {cand.name}: {exc.strerror or exc}") from exc
        return target


# ----------------------------------------------------------------------------- add + rebuild

def rebuild(store_dir: Path, tables_dir: Path, cache_dir: Path | None, *, pipelines=None,
            seeds_dir: Path = SEEDS_DIR, progress=None):
    """Rebuild the tables of the seeds and the store now: `building.ensure_built(force=True)`.

    Raises StoreError, for people, when the build cannot run (the tables stay as they were).
    """
    from .building import BuildBusy, ensure_built
    from .ingest import SidecarError

    try:
        return ensure_built([Path(seeds_dir), Path(store_dir)], tables_dir, cache_dir, force=True,
                            pipelines=pipelines, progress=progress).result
    except SidecarError as exc:
        raise StoreError(f"the tables could not be rebuilt: {exc.public}; the tables stay as they were") from exc
    except BuildBusy as exc:
        raise StoreError(f"the tables could not be rebuilt: {exc}") from exc


@dataclass
class Locations:
    """Where the store, the tables and the claim cache are; env vars override the defaults."""

    store: Path
    tables: Path
    cache: Path | None
    seeds: Path = SEEDS_DIR

    @classmethod
    def from_env(cls, environ: dict | None = None) -> "Locations":
        env = os.environ if environ is None else environ
        store = Path(env.get("FANBOARD_ARTICLES") or STORE_DIR)
        tables = Path(env.get("FANBOARD_TABLES") or TABLES_DIR)
        cache = Path(env.get("FANBOARD_CACHE") or CACHE_DIR)
        return cls(store.resolve(), tables.resolve(), cache.resolve())

    @property
    def article_dirs(self) -> list[Path]:
        """The folders a build reads: the seeds, then the store."""
        return [self.seeds, self.store]


# ----------------------------------------------------------------------------- preview

from .preview import Preview, preview   # noqa: E402,F401  (the Add page's preview: fanboard/preview.py)
