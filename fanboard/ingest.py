"""Ingest: article files as people wrote them → Article objects.

Articles are `.txt` or `.md` files with the headline on the first non-empty
line. Optional metadata sits in a sidecar `articles.toml` or `articles.csv` in
the same folder; the article text itself is never edited. A leading front-matter
block (`---`, `key: value` lines, `---`) is read as metadata, not as text: its
title is the headline, and its date, source, url and language fill what the
sidecar leaves empty, with the same checks. Without a date in the metadata, a clear
dateline at the top of the text gives it (fanboard/dateline.py). Files with a NUL byte
anywhere are not text and are skipped.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .checks import future_date_problem, is_language_code, is_web_url
from .dateline import dateline_of
from .langdetect import detect_language, SUPPORTED_LANGUAGES
from .rereading import Rereader, sidecar

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECARS = ("articles.toml", "articles.csv")
METADATA_KEYS = ("source", "url", "published", "language")

# Signatures of common binary formats, for a precise message.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
}


class IngestError(ValueError):
    """An article file cannot be read as text. The message names the file."""


@dataclass
class Article:
    id: str
    path: Path
    text: str
    headline: str
    language: str
    published: date | None = None
    source: str = ""
    url: str = ""
    warnings: list[str] = field(default_factory=list)
    dateline: str = ""          # the words at the top that stated `published`, when no metadata did

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class IngestMessage:
    file: str
    level: str  # "warning" | "skipped" | "error"
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.file}: {self.message}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")     # control characters other than \t \n \f \r


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes of an article → text, with warnings. Raises IngestError for non-text."""
    warnings: list[str] = []
    if not data.strip():
        raise IngestError(f"{name} is empty" if not data else f"{name} holds only whitespace")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"{name} is {what}, not a text article")
    nul = data.find(b"\x00")
    if 0 <= nul < 8192:
        raise IngestError(f"{name} looks binary (it contains NUL bytes), not a text article")
    if nul >= 0:
        raise IngestError(f"{name} contains a NUL byte (at byte {nul}), which no text article has: "
                          "the file is damaged or not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            warnings.append(f"{name} is not UTF-8; read it as Windows-1252 (cp1252)")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            warnings.append(f"{name} is not UTF-8; read it as Latin-1")
    control = len(_CONTROL.findall(text))
    if control > max(8, len(text) // 100):
        raise IngestError(f"{name} looks binary ({control} control characters), not a text article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{name} holds only whitespace")
    return text, warnings


_RULE = re.compile(r"[-*_=~#+.\s]*")     # a line of rule/heading marks only ("---", "***", "#")


def headline_of(text: str) -> str:
    """The first line with words in it, without Markdown heading marks; never a rule like ---."""
    for line in text.splitlines():
        if not _RULE.fullmatch(line):
            return line.strip().lstrip("#").strip()
    return ""


# ----------------------------------------------------------------------------- front matter

# Front-matter keys → the metadata they give (the sidecar's names; "headline" is the title).
FRONT_MATTER_KEYS = {
    "title": "headline", "headline": "headline", "date": "published", "published": "published",
    "source": "source", "publisher": "source", "url": "url", "link": "url",
    "language": "language", "lang": "language",
}
_FM_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|\s*)")
_FM_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d.*)?")
_FM_MAX_LINES = 200


@dataclass
class FrontMatter:
    """A leading `---` … `---` block: its values (by sidecar name), the other keys, the text after it."""

    values: dict[str, str]
    ignored: list[str]
    body: str

    def text_with_title(self, title: str = "") -> str:
        """The text after the block, starting with the title (given, or the block's) unless it already does."""
        title = title or self.values.get("headline", "")
        return f"{title}\n\n{self.body}" if title and headline_of(self.body) != title else self.body


def _fm_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        inner = raw[1:-1]
        return inner.replace("''", "'") if raw[0] == "'" else inner.replace('\\"', '"').replace("\\\\", "\\")
    return re.split(r"\s#", raw, maxsplit=1)[0].strip()


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the start of text, or None when there is none.

    Front matter is a first non-blank line `---`, then `key: value` lines (at least one, with
    blank lines, `#` comments and indented list items), closed by `---` or `...`. Anything
    else, e.g. a Markdown rule followed by prose, is not front matter and is left alone.
    """
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].strip().lstrip("\ufeff") != "---":
        return None
    values: dict[str, str] = {}
    ignored: list[str] = []
    seen_key = False
    for i in range(start + 1, min(len(lines), start + 1 + _FM_MAX_LINES)):
        line = lines[i].rstrip()
        if line in ("---", "..."):     # closed; a block without any key is a pair of rules
            return FrontMatter(values, ignored, "\n".join(lines[i + 1:]).lstrip("\n")) if seen_key else None
        if not line.strip() or line.lstrip().startswith("#") or (line[:1].isspace() and seen_key):
            continue        # blank, comment, or a nested value / list item of the key before
        m = _FM_KEY.fullmatch(line)
        if not m:
            return None
        seen_key = True
        key, value = m.group(1).lower(), _fm_value(m.group(2) or "")
        target = FRONT_MATTER_KEYS.get(key)
        if target and value and target not in values:
            if target == "published" and _FM_DATETIME.fullmatch(value):
                value = _FM_DATETIME.fullmatch(value).group(1)
            values[target] = " ".join(value.split())
        elif not target:
            ignored.append(key)
    return None


def _parse_date(value: object, where: str) -> date | None:
    """A publication date from the metadata; raises IngestError for a non-date or a future date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise IngestError(f"{where}: published {value!r} is not an ISO date (YYYY-MM-DD)") from None
    problem = future_date_problem(day)
    if problem:
        raise IngestError(f"{where}: published {problem}; fix the date")
    return day


class SidecarError(ValueError):
    """A metadata sidecar (articles.toml / articles.csv) cannot be used. The build stops rather
    than drop every source and date it holds; the message names the file, line and column."""

    def __init__(self, path: Path, problem: str, line: int | None = None, column: int | None = None):
        self.path, self.problem, self.line, self.column = Path(path), problem, line, column
        super().__init__(self.describe(str(self.path)))

    def describe(self, where: str) -> str:
        pos = f", line {self.line}" if self.line else ""
        pos += f", column {self.column}" if self.line and self.column else ""
        return f"{where}{pos}: {self.problem}"

    @property
    def public(self) -> str:
        """The message without the server's path: the file and its folder's name only."""
        return self.describe(f"{self.path.name} in the folder '{self.path.absolute().parent.name}'")


def read_sidecar(folder: Path) -> tuple[dict[str, dict], list[IngestMessage]]:
    """Metadata per article id from articles.toml / articles.csv in folder.

    Raises SidecarError for a sidecar that is not valid TOML/CSV or holds a publication
    date that is not a date: silently dropping its metadata would change every table.
    """
    folder = Path(folder)
    meta: dict[str, dict] = {}
    toml_path = folder / "articles.toml"
    if toml_path.exists():
        meta.update(sidecar(toml_path, _read_toml_sidecar))      # parsed again only when it changed
    csv_path = folder / "articles.csv"
    if csv_path.exists():
        for key, values in sidecar(csv_path, _read_csv_sidecar).items():
            meta.setdefault(key, {}).update(values)
    return meta, []


def _sidecar_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SidecarError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[:exc.start]
        line, column = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise SidecarError(path, f"is not UTF-8 text (byte 0x{raw[exc.start]:02X}); save it as UTF-8",
                           line, column) from None


def load_toml(path: Path) -> dict:
    """A TOML sidecar's contents; SidecarError with the line and column when it is not valid."""
    return _load_toml(Path(path))[0]


def _load_toml(path: Path) -> tuple[dict, str]:
    text = _sidecar_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if found:
            line, column = int(found.group(1)), int(found.group(2))
            message = message[:found.start()]
        else:
            line, column = text.count("\n") + 1, None
            message = re.sub(r"\s*\(at end of document\)$", " at the end of the file", message)
        raise SidecarError(path, f"is not valid TOML: {message}", line, column) from None


def _read_toml_sidecar(path: Path) -> dict[str, dict]:
    data, text = _load_toml(path)
    meta: dict[str, dict] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            entry = {k: value[k] for k in METADATA_KEYS if k in value}
            if "published" in entry:
                entry["published"] = _sidecar_date(
                    entry["published"], path, key, lambda: _toml_position(text, key, "published"))
            meta[Path(key).stem] = entry
    return meta


def _read_csv_sidecar(path: Path) -> dict[str, dict]:
    reader = csv.DictReader(io.StringIO(_sidecar_text(path), newline=""))
    meta: dict[str, dict] = {}
    try:
        key_col = "article_id" if reader.fieldnames and "article_id" in reader.fieldnames else "file"
        for row in reader:
            key = Path(row.get(key_col) or "").stem
            if not key:
                continue
            values = {k: row[k] for k in METADATA_KEYS if row.get(k)}
            if "published" in values:
                line = reader.line_num
                values["published"] = _sidecar_date(values["published"], path, key, lambda: (line, None))
            meta.setdefault(key, {}).update(values)
    except csv.Error as exc:
        raise SidecarError(path, f"is not valid CSV: {exc}", reader.line_num) from None
    return meta


def _sidecar_date(value: object, path: Path, article: str, where) -> date | None:
    """A sidecar's `published` value as a date; SidecarError naming the article and the value."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    line, column = where()
    shown = repr(value) if isinstance(value, str) else str(value)
    raise SidecarError(path, f"the article {article!r} has published = {shown[:60]}, which is not a date; "
                             "write it as YYYY-MM-DD, e.g. 2020-12-21", line, column)


def _toml_position(text: str, table: str, key: str) -> tuple[int | None, int | None]:
    """Line and column of `key = ...` inside the table [table] (best effort: None when not found)."""
    header = re.compile(r"^\s*\[\s*(?:" + "|".join(re.escape(q) for q in (
        table, f'"{table}"', f"'{table}'")) + r")\s*\]")
    assignment = re.compile(r"^(\s*" + re.escape(key) + r"\s*=\s*)")
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        if header.match(line):
            inside = True
        elif re.match(r"^\s*\[", line):
            inside = False
        elif inside and (found := assignment.match(line)):
            return number, len(found.group(1)) + 1
    return None, None


def _apply_front_matter(text: str, meta: dict, name: str, warnings: list[str]) -> tuple[str, dict, str, str]:
    """Front matter → (text after it, metadata with its values where the sidecar has none,
    its title, where the publication date comes from). The sidecar wins when both give a value."""
    front = split_front_matter(text)
    if front is None:
        return text, meta, "", name
    if not front.body.strip():
        raise IngestError(f"{name} has front matter but no article text after it")
    merged = dict(meta)
    taken = [k for k in METADATA_KEYS if front.values.get(k) and not meta.get(k)]
    merged.update({k: front.values[k] for k in taken})
    if "language" in taken and not is_language_code(merged["language"].lower()):
        warnings.append(f"{name}: language {merged.pop('language')!r} in the front matter is not a language code; "
                        "the language was detected instead")
    return front.body, merged, front.values.get("headline", ""), name + (" (front matter)" if "published" in taken else "")


def read_article(path: Path, meta: dict | None = None) -> Article:
    """Read one article file. Raises IngestError when it is not a text article."""
    path = Path(path)
    text, warnings = decode_text(path.read_bytes(), path.name)
    text, meta, title, date_from = _apply_front_matter(text, dict(meta or {}), path.name, warnings)
    language = str(meta.get("language") or detect_language(text) or "").lower()   # detected only when not given
    if not language:
        language = "xx"
        warnings.append(f"{path.name}: could not detect the language; processed with the language-neutral pipeline")
    elif language not in SUPPORTED_LANGUAGES:
        warnings.append(
            f"{path.name}: language '{language}' is not supported (en, nl, it); "
            "processed with names only, claims marked as such"
        )
    url = str(meta.get("url") or "").strip()
    if url and not is_web_url(url):
        warnings.append(f"{path.name}: url {url[:80]!r} is not an http:// or https:// address; it was dropped")
        url = ""
    published = _parse_date(meta.get("published"), date_from)
    stated = dateline_of(text, language) if published is None else None
    return Article(
        id=path.stem,
        path=path,
        text=text,
        headline=title or headline_of(text),
        language=language,
        published=stated[0] if stated else published,
        source=str(meta.get("source") or ""),
        url=url,
        warnings=warnings,
        dateline=stated[1] if stated else "",
    )


def article_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and p.name not in SIDECARS
        and not p.name.startswith(".")
    )


def read_articles(folders: list[Path] | Path) -> tuple[list[Article], list[IngestMessage]]:
    """All articles of the folders. Unreadable files are skipped with a message; never raises for one file."""
    if isinstance(folders, (str, Path)):
        folders = [Path(folders)]
    articles: list[Article] = []
    messages: list[IngestMessage] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        folder = Path(folder)
        meta, sidecar_messages = read_sidecar(folder)
        messages.extend(sidecar_messages)
        known = Rereader(folder)            # unchanged files: the article read last time
        for path in article_files(folder):
            try:
                article = known.read(path, meta.get(path.stem), read_article)
            except IngestError as exc:
                messages.append(IngestMessage(str(path), "skipped", str(exc)))
                continue
            except OSError as exc:
                messages.append(IngestMessage(str(path), "skipped", f"cannot read {path.name}: {exc.strerror}"))
                continue
            if article.id in seen:
                messages.append(IngestMessage(
                    str(path), "skipped",
                    f"article id {article.id!r} is already used by {seen[article.id]}; rename one of them",
                ))
                continue
            seen[article.id] = path
            for w in article.warnings:
                messages.append(IngestMessage(str(path), "warning", w))
            articles.append(article)
        known.done()
    return articles, messages
