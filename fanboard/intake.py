"""What a person hands in, made ready for the store: a file's bytes or pasted text become a
Candidate (decoded text, headline, metadata, notes), or are refused with a message that says
why and what to do. Nothing here writes to disk; fanboard.store stores candidates.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .checks import dedup_key, future_date_problem, is_web_url
from .ingest import Article, IngestError, decode_text, headline_of, split_front_matter
from .langdetect import SUPPORTED_LANGUAGES, detect_language
from .limits import MAX_HTML_BYTES, MAX_TEXT_BYTES
from .paths import STORE_DIR
from .text import slug as _slug

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


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
        if url and not is_web_url(url):
            raise Refused(f"the URL {_show(url)} is not a web address; give one that starts with http:// or https://")
        published = _one_line(self.published)
        if published:
            try:
                day = date.fromisoformat(published)
            except ValueError:
                raise Refused(f"the publication date {_show(published)} is not a date; write it as YYYY-MM-DD, e.g. 2020-12-21") from None
            if future_date_problem(day):
                raise Refused(f"the publication date {future_date_problem(day)}; give the day the article was published")
            published = day.isoformat()
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
    def dedup_key(self) -> str:
        """The duplicate check's key: equal for texts that differ only in whitespace."""
        return dedup_key(self.text)

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

# ----------------------------------------------------------------------------- preparing input

def safe_display_name(name: str, limit: int = 80) -> str:
    """A given file name as it may be shown: no control characters, no path, bounded length."""
    name = "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1] or name
    return name if len(name) <= limit else name[: limit - 1] + "…"


def slugify(text: str, limit: int = 40) -> str:
    """ASCII letters, digits and dashes only; "" when nothing is left (fanboard.text.slug)."""
    return _slug(text, limit)


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


_FILE_KEYS: dict[tuple, str] = {}     # (path, mtime, size, inode) → key: each file is read once


def _file_key(path: Path) -> str | None:
    """The duplicate key of an article file already stored or in the seeds (None when unreadable)."""
    try:
        info = path.stat()
    except OSError:
        return None
    sig = (str(path), info.st_mtime_ns, info.st_size, info.st_ino)
    if sig not in _FILE_KEYS:
        try:
            text, _ = decode_text(path.read_bytes(), path.name)
        except (IngestError, OSError):
            return None
        front = split_front_matter(text)
        if len(_FILE_KEYS) > 50_000:
            _FILE_KEYS.clear()
        _FILE_KEYS[sig] = dedup_key(front.text_with_title() if front is not None and front.body.strip() else text)
    return _FILE_KEYS[sig]


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
    text, meta = _front_matter(shown, text, meta, notes)
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
    notes: list[str] = []
    text, meta = _front_matter("the pasted text", text, meta, notes)
    if meta.headline and headline_of(text) != meta.headline:
        text = f"{meta.headline}\n\n{text.lstrip()}"
    slug_source = meta.headline or headline_of(text)
    cand = _finish(name, text, notes, meta)
    cand.article_id = article_id_for(slug_source, cand.text)
    return cand


def _front_matter(name: str, text: str, meta: Metadata, notes: list[str]) -> tuple[str, Metadata]:
    """A leading `---` … `---` block becomes metadata, not text: its title the first line, its
    date/source/url/language checked like the person's own (which win when both are given)."""
    front = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    if front is None:
        return text, meta
    if not front.body.strip():
        raise Refused(f"{name} has front matter but no article text after it; nothing was stored")
    v = front.values
    try:
        own = Metadata(source="" if meta.source else v.get("source", ""), url="" if meta.url else v.get("url", ""),
                       published="" if meta.published else v.get("published", ""),
                       language="" if meta.language else v.get("language", "")).checked()
    except Refused as exc:
        raise Refused(f"{name}: in its front matter, {exc}; nothing was stored") from None
    used = [k for k in ("headline", "published", "source", "url", "language") if v.get(k)]
    notes.append(f"front matter read as metadata ({', '.join(used) or 'nothing fanboard uses'}), not stored as text")
    merged = Metadata(meta.source or own.source, meta.url or own.url, meta.published or own.published,
                      meta.language or own.language, meta.headline)
    return front.text_with_title(meta.headline), merged


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
    if not filled.url and is_web_url(page.url or ""):
        filled.url = page.url
    try:
        day = date.fromisoformat(page.date[:10]) if page.date and not filled.published else None
    except ValueError:
        day = None
    if day and future_date_problem(day):
        notes.append(f"the page's date {future_date_problem(day)}; it was not used")
    elif day:
        filled.published = day.isoformat()
        notes.append(f"publication date {filled.published} taken from the page")
    text = page.text
    if meta.headline and headline_of(text) != meta.headline:
        text = f"{meta.headline}\n\n{text}"
    return _finish(name, text, notes, filled)


# ----------------------------------------------------------------------------- the sidecar
