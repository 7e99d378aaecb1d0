"""The article store: where added articles live (data/articles/), and how they get there safely.

Layout (the same one `ingest` reads; the seeds in seeds/ are never touched):

    data/articles/<slug>_<hash12>.txt     the article text, UTF-8
    data/articles/articles.toml           metadata, one table per article id
    data/articles/.lock                   the lock that serialises adds

Guarantees:

* Bad input (empty, whitespace only, binary, over the size limit, undecodable, a bad
  date or URL) is refused with a specific message *before* anything is written.
* File names are generated (a slug of the given name + 12 hex digits of the content
  hash), never taken from the user: `../../etc/passwd` is stored as `etc-passwd_<hash>.txt`.
* The same text (same SHA-256 after decoding) is stored only once, across seeds and store.
* Adds are serialised by a file lock, so concurrent adds from several processes all land.
* Each add is atomic. The text is first written to a hidden pending file; replacing
  `articles.toml` (temp file + os.replace) is the commit point; then the pending file is
  renamed into place. A reader (ingest skips hidden files and ignores metadata without a
  file) sees the article either not at all or complete with its metadata. A kill between
  the two renames leaves a committed entry and its pending text: `recover()`, run under the
  lock before every add, finishes such an add and deletes pending files that were never
  committed.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable

from filelock import FileLock

from .ingest import (
    ARTICLE_SUFFIXES, Article, IngestError, article_files, decode_text, headline_of,
)
from .langdetect import SUPPORTED_LANGUAGES, detect_language

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
STORE_DIR = ROOT / "data" / "articles"
SIDECAR = "articles.toml"
LOCK_NAME = ".lock"
PENDING_PREFIX = ".pending-"

from .limits import MAX_HTML_BYTES, MAX_TEXT_BYTES   # noqa: E402  (defined once, in fanboard/limits.py)
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

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


class Refused(ValueError):
    """An input was refused; the message says why and what to do, for a person."""


@dataclass
class Metadata:
    """What the person may say about an article (all optional)."""

    source: str = ""
    url: str = ""
    published: str = ""     # YYYY-MM-DD
    language: str = ""      # ISO code; detected when empty
    headline: str = ""      # only for pasted text: becomes the first line

    def checked(self) -> "Metadata":
        """A cleaned copy; raises Refused for a bad date, URL or language code."""
        source = _one_line(self.source)
        url = _one_line(self.url)
        if url and not re.match(r"^https?://[^\s]+$", url, re.IGNORECASE):
            raise Refused(f"the URL {_show(url)} is not a web address; give one that starts with http:// or https://")
        published = _one_line(self.published)
        if published:
            try:
                published = date.fromisoformat(published).isoformat()
            except ValueError:
                raise Refused(f"the publication date {_show(published)} is not a date; write it as YYYY-MM-DD, e.g. 2020-12-21") from None
        language = _one_line(self.language).lower()
        if language and not re.fullmatch(r"[a-z]{2,3}", language):
            raise Refused(f"the language {_show(language)} is not a language code; use a two-letter code such as en, nl or it")
        return Metadata(source, url, published, language, _one_line(self.headline))


@dataclass
class Candidate:
    """An input turned into article text and checked, ready to store (nothing written yet)."""

    name: str                   # the given name, made safe for display
    text: str
    article_id: str
    metadata: Metadata
    language: str               # as ingest will see it
    notes: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def headline(self) -> str:
        return headline_of(self.text)

    def article(self, folder: Path = STORE_DIR) -> Article:
        """The Article ingest would read once this candidate is stored (for a preview)."""
        m = self.metadata
        return Article(
            id=self.article_id, path=Path(folder) / f"{self.article_id}.txt", text=self.text,
            headline=self.headline, language=self.language,
            published=date.fromisoformat(m.published) if m.published else None,
            source=m.source, url=m.url, warnings=list(self.notes),
        )


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


# ----------------------------------------------------------------------------- preparing input

def safe_display_name(name: str, limit: int = 80) -> str:
    """A given file name as it may be shown: no control characters, no path, bounded length."""
    name = "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1] or name
    return name if len(name) <= limit else name[: limit - 1] + "…"


def slugify(text: str, limit: int = 40) -> str:
    """ASCII letters, digits and dashes only; "" when nothing is left."""
    text = unicodedata.normalize("NFKD", str(text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].rstrip("-")


def article_id_for(name: str, text: str) -> str:
    """The generated, safe id (and file stem) of an article: <slug>_<12 hex digits of its hash>."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug = slugify(stem) or slugify(headline_of(text)) or "article"
    return f"{slug}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 100 * 1024 else f"{n / 1024:.1f} kB"


def _one_line(value: object) -> str:
    return " ".join(str(value or "").replace("\x00", " ").split())


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes → text, refusing what is not text. Stricter than ingest.decode_text, which
    falls back to Latin-1 for any byte: here bytes that are neither UTF-8 nor Windows-1252
    (and UTF-8 with damaged bytes in it) are refused as undecodable."""
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise Refused(f"{name} starts like UTF-16 text but its bytes cannot be decoded; save it as UTF-8 and retry") from None
        notes.append(f"{name} is UTF-16; stored as UTF-8")
    try:
        text, warnings = decode_text(data, name)
    except IngestError as exc:
        raise Refused(f"{exc}; nothing was stored") from None
    if warnings:    # not UTF-8
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = exc.start
        if _has_utf8_sequences(data):
            raise Refused(
                f"{name} cannot be decoded: it is mostly UTF-8 but has invalid bytes (the first at byte {bad}), "
                "so the file is probably damaged. Save it again as UTF-8 and retry; nothing was stored"
            )
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise Refused(
                f"{name} cannot be decoded: byte 0x{data[exc.start]:02X} at position {exc.start} is neither "
                "UTF-8 nor Windows-1252/Latin-1 text. Save the file as UTF-8 and retry; nothing was stored"
            ) from None
        notes.append(f"{name} is not UTF-8; read it as Windows-1252/Latin-1 and stored it as UTF-8")
    return text, notes


_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """True when data holds valid multi-byte UTF-8 sequences (2+ of them, to be sure)."""
    return len(_UTF8_MULTI.findall(data[:1_000_000])) >= 2


def _finish(name: str, text: str, notes: list[str], meta: Metadata) -> Candidate:
    """Common checks of a decoded text; builds the Candidate."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Refused(f"{name} holds only whitespace; nothing was stored")
    control = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\t\f") or 0x7F <= ord(ch) < 0xA0)
    if control:
        if control > max(8, len(text) // 100):
            raise Refused(f"{name} looks binary ({control} control characters), not a text article; nothing was stored")
        text = "".join(" " if ((ord(ch) < 32 and ch not in "\n\t\f") or 0x7F <= ord(ch) < 0xA0) else ch for ch in text)
        notes.append(f"{control} stray control character(s) replaced by spaces")
    # Lone surrogates cannot be stored as UTF-8.
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise Refused(
            f"{name} has {_size(size)} of text; the limit is {_size(MAX_TEXT_BYTES)}. "
            "Split it into several articles; nothing was stored"
        )
    language = meta.language
    if not language:
        language = detect_language(text) or ""
    if not language:
        notes.append("could not detect the language; stored anyway, only names will be recognised and claims marked as such")
        language = "xx"
    elif language not in SUPPORTED_LANGUAGES:
        notes.append(
            f"language '{language}' is not supported (en, nl, it); stored anyway, only names will be "
            "recognised and claims marked as such"
        )
    return Candidate(name=name, text=text, article_id=article_id_for(name, text), metadata=meta,
                     language=language, notes=notes)


def _has_surrogates(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def prepare_file(data: bytes, name: str, meta: Metadata | None = None) -> Candidate:
    """Uploaded/given file bytes → Candidate. Raises Refused with a message for people."""
    meta = (meta or Metadata()).checked()
    shown = safe_display_name(name) or "the file"
    suffix = Path(shown).suffix.lower()
    if suffix and suffix not in ACCEPTED_SUFFIXES:
        raise Refused(f"{shown}: only .txt, .md and .html files can be added (this one is {suffix}); nothing was stored")
    if not data:
        raise Refused(f"{shown} is empty; nothing was stored")
    if suffix in HTML_SUFFIXES:
        if len(data) > MAX_HTML_BYTES:
            raise Refused(f"{shown} is {_size(len(data))}; the limit for an HTML page is {_size(MAX_HTML_BYTES)}; nothing was stored")
        markup, notes = _decode(data, shown)
        return _from_html(shown, markup, notes, meta)
    if len(data) > MAX_TEXT_BYTES:
        raise Refused(
            f"{shown} is {_size(len(data))}; the limit is {_size(MAX_TEXT_BYTES)} of text. "
            "Split it into several articles; nothing was stored"
        )
    text, notes = _decode(data, shown)
    return _finish(shown, text, notes, meta)


def prepare_text(text: str, meta: Metadata | None = None, name: str = "pasted text") -> Candidate:
    """Pasted text (with an optional headline) → Candidate. Pasted HTML documents are converted."""
    meta = (meta or Metadata()).checked()
    text = str(text or "")
    if not text:
        raise Refused("the pasted text is empty; nothing was stored")
    if "\x00" in text:
        raise Refused("the pasted text contains NUL characters, so it is not text; nothing was stored")
    from .htmltext import looks_like_html
    if looks_like_html(text):
        if len(text.encode("utf-8", "replace")) > MAX_HTML_BYTES:
            raise Refused(f"the pasted HTML is over {_size(MAX_HTML_BYTES)}; nothing was stored")
        return _from_html(name, text, [], meta)
    if not text.strip():
        raise Refused("the pasted text holds only whitespace; nothing was stored")
    if meta.headline and headline_of(text) != meta.headline:
        text = f"{meta.headline}\n\n{text.lstrip()}"
    slug_source = meta.headline or headline_of(text)
    cand = _finish(name, text, [], meta)
    cand.article_id = article_id_for(slug_source, cand.text)
    return cand


def _from_html(name: str, markup: str, notes: list[str], meta: Metadata) -> Candidate:
    from .htmltext import html_to_text

    page = html_to_text(markup)
    notes = notes + page.notes
    if not page.text.strip():
        raise Refused(f"{name} is an HTML page without any text; nothing was stored")
    filled = Metadata(
        source=meta.source or _one_line(page.sitename), url=meta.url, published=meta.published,
        language=meta.language, headline=meta.headline,
    )
    if not filled.url and re.match(r"^https?://\S+$", page.url or ""):
        filled.url = page.url
    if not filled.published and page.date:
        try:
            filled.published = date.fromisoformat(page.date[:10]).isoformat()
            notes.append(f"publication date {filled.published} taken from the page")
        except ValueError:
            pass
    text = page.text
    if meta.headline and headline_of(text) != meta.headline:
        text = f"{meta.headline}\n\n{text}"
    return _finish(name, text, notes, filled)


# ----------------------------------------------------------------------------- the sidecar

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


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
            data = tomllib.loads(self.sidecar.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise StoreError(
                f"{self.sidecar} cannot be read ({exc}); fix or remove it before adding articles"
            ) from None
        return {k: {kk: str(vv) for kk, vv in v.items()} for k, v in data.items() if isinstance(v, dict)}

    def known_hashes(self) -> dict[str, str]:
        """Content hash → where that text already is (an article id or seed file), over store and seeds."""
        known: dict[str, str] = {}
        for folder in self.also_check:
            for path in article_files(folder):
                try:
                    text, _ = decode_text(path.read_bytes(), path.name)
                except (IngestError, OSError):
                    continue
                known.setdefault(hashlib.sha256(text.encode("utf-8")).hexdigest(), f"{folder.name}/{path.name}")
        entries = self.entries() if self.folder.is_dir() else {}
        for path in article_files(self.folder):
            digest = entries.get(path.stem, {}).get("sha256")
            if not digest:
                try:
                    text, _ = decode_text(path.read_bytes(), path.name)
                except (IngestError, OSError):
                    continue
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            known.setdefault(digest, path.stem)
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
        known = self.known_hashes() if known is None else known
        return known.get(cand.content_hash)

    def add(self, candidates: Iterable[Candidate]) -> list[AddResult]:
        """Store each candidate (each one atomically), skipping texts that are already stored."""
        candidates = list(candidates)
        if not candidates:
            return []
        # Nothing new at all (every text already known): answer without touching data/.
        known = self.known_hashes()
        if all(c.content_hash in known for c in candidates):
            return [self._duplicate(c, known[c.content_hash]) for c in candidates]
        results = []
        with self.lock():
            self.recover()
            known = self.known_hashes()
            for cand in candidates:
                where = known.get(cand.content_hash)
                if where:
                    results.append(self._duplicate(cand, where))
                    continue
                path = self._store_one(cand)
                known[cand.content_hash] = cand.article_id
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
    """Rebuild the tables from the seeds and the store (incremental: cached claims are reused).

    Serialised with the app's `<tables>/.build.lock`, and the articles are read inside the
    lock, so the last build to finish always includes every article added before it started.
    """
    from . import pipeline

    tables_dir = Path(tables_dir)
    tables_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(tables_dir / ".build.lock"), timeout=300):
        return pipeline.build([Path(seeds_dir), Path(store_dir)], tables_dir, progress=progress,
                              pipelines=pipelines, cache_dir=cache_dir)


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
        tables = Path(env.get("FANBOARD_TABLES") or ROOT / "data" / "tables")
        cache = Path(env.get("FANBOARD_CACHE") or ROOT / "data" / "cache")
        return cls(store.resolve(), tables.resolve(), cache.resolve())


# ----------------------------------------------------------------------------- preview

from .preview import Preview, preview   # noqa: E402,F401  (the Add page's preview: fanboard/preview.py)
