"""The claim cache: each article's claims as a JSON file in data/cache/, so a rebuild parses
only the articles that are new or changed.

An entry is data, never code: reading it parses JSON and rebuilds the claim dataclasses of
fanboard.extract.claims (and the time expressions in them) field by field, checking every
value against the field's declared type. An entry that cannot be read, is not JSON, has the
wrong shape or belongs to another article is a miss: the article is parsed again and the entry
overwritten. Old pickle entries (*.pickle) are never opened.

The file name holds the format version, the article id (made safe for a file name), and a
digest of the id, the text's hash, the language and the rules fingerprint, so a change of any of
them is a miss. An entry is written to a temporary file in the same folder and renamed into
place, so a reader sees a whole entry or none; a failure to write one only costs a re-parse
next time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import tempfile
import types
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .extract import claims as claims_module
from .extract.claims import ArticleClaims
from .ingest import Article
from .nlp import PATTERNS_DIR, PIPELINE_VERSION
from .resolve.timeexpr import DateValue, TimeExpr

CODE = Path(__file__).resolve().parent
KB_DIR = CODE.parent / "data" / "kb"

FORMAT = 1                      # bump when the encoding below changes
SUFFIX = f".claims-v{FORMAT}.json"

# The only classes an entry may contain: the claim dataclasses and what they hold.
CLASSES: dict[str, type] = {
    name: cls for name, cls in vars(claims_module).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == claims_module.__name__
}
CLASSES.update({"TimeExpr": TimeExpr, "DateValue": DateValue})

_TYPE, _TUPLE, _DATE = "$type", "$tuple", "$date"


class Shape(ValueError):
    """A cached value does not have the shape its field declares."""


# ----------------------------------------------------------------------------- encoding

def encode(value: Any) -> Any:
    """A claim value → JSON-ready data. Dataclasses and tuples are tagged so they come back
    as what they were; a type the cache does not know raises TypeError (the entry is not
    written, the claims are still used)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise TypeError("non-finite float")
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if CLASSES.get(name) is not type(value):
            raise TypeError(f"the claim cache does not know {type(value).__qualname__}")
        out = {_TYPE: name}
        for f in dataclasses.fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    if isinstance(value, tuple):
        return {_TUPLE: [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, date) and not isinstance(value, datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"the claim cache cannot store a {type(value).__qualname__}")


# ----------------------------------------------------------------------------- decoding

def decode(data: Any, hint: Any = ArticleClaims) -> Any:
    """JSON data → a value of type `hint`; raises Shape when it does not fit."""
    if hint is Any:
        return _decode_any(data)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            try:
                return decode(data, arg)
            except Shape:
                continue
        raise Shape(f"{_short(data)} is none of {hint}")
    if hint is type(None):
        if data is None:
            return None
        raise Shape(f"{_short(data)} is not null")
    if hint in (str, int, float, bool):
        ok = type(data) is hint or (hint is float and type(data) is int)
        if not ok:
            raise Shape(f"{_short(data)} is not a {hint.__name__}")
        return data
    if hint is list or origin is list:
        if not isinstance(data, list):
            raise Shape(f"{_short(data)} is not a list")
        (item,) = typing.get_args(hint) or (Any,)
        return [decode(v, item) for v in data]
    if hint is tuple or origin is tuple:
        return _decode_tuple(data, typing.get_args(hint))
    if hint is date:
        return _decode_date(data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(data, hint)
    raise Shape(f"cannot check a value of type {hint}")


def _decode_any(data: Any) -> Any:
    if data is None or type(data) in (str, int, float, bool):
        return data
    if isinstance(data, list):
        return [_decode_any(v) for v in data]
    if isinstance(data, dict):
        if _TUPLE in data:
            return _decode_tuple(data, ())
        if _DATE in data:
            return _decode_date(data)
        cls = CLASSES.get(data.get(_TYPE)) if isinstance(data.get(_TYPE), str) else None
        if cls is not None:
            return _decode_dataclass(data, cls)
    raise Shape(f"{_short(data)} is not a claim value")


def _decode_tuple(data: Any, args: tuple) -> tuple:
    if not (isinstance(data, dict) and set(data) == {_TUPLE} and isinstance(data[_TUPLE], list)):
        raise Shape(f"{_short(data)} is not a tuple")
    items = data[_TUPLE]
    if not args or (len(args) == 2 and args[1] is Ellipsis):
        item = args[0] if args else Any
        return tuple(decode(v, item) for v in items)
    if len(items) != len(args):
        raise Shape(f"a tuple of {len(items)} items where {len(args)} are declared")
    return tuple(decode(v, a) for v, a in zip(items, args))


def _decode_date(data: Any) -> date:
    if not (isinstance(data, dict) and set(data) == {_DATE} and isinstance(data[_DATE], str)):
        raise Shape(f"{_short(data)} is not a date")
    try:
        return date.fromisoformat(data[_DATE])
    except ValueError:
        raise Shape(f"{_short(data)} is not a date") from None


def _decode_dataclass(data: Any, cls: type) -> Any:
    if not isinstance(data, dict) or data.get(_TYPE) != cls.__name__ or CLASSES.get(cls.__name__) is not cls:
        raise Shape(f"{_short(data)} is not a {cls.__name__}")
    fields = dataclasses.fields(cls)
    if set(data) != {_TYPE} | {f.name for f in fields}:
        raise Shape(f"the fields of a cached {cls.__name__} are not those of the class")
    hints = _hints(cls)
    return cls(**{f.name: decode(data[f.name], hints[f.name]) for f in fields})


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _short(data: Any) -> str:
    text = repr(data)
    return text if len(text) <= 60 else text[:57] + "..."


# ----------------------------------------------------------------------------- the cache

def rules_fingerprint() -> str:
    """Changes when the extraction code, the patterns or the knowledge base change."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    for folder in (PATTERNS_DIR, KB_DIR, CODE / "extract", CODE / "resolve"):
        for p in sorted(Path(folder).glob("*")):
            if p.is_file() and p.suffix in (".py", ".json", ".toml", ".csv"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    for p in (CODE / "nlp.py", CODE / "pieces.py", CODE / "limits.py"):   # how texts are parsed
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class ClaimCache:
    """Each article's claims, as JSON files in `folder` (None: no cache at all)."""

    def __init__(self, folder: Path | None, fingerprint: str | None = None):
        self.folder = Path(folder) if folder else None
        self.fingerprint = fingerprint or rules_fingerprint()

    def path(self, article: Article) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256("\x00".join(
            (article.id, article.content_hash, article.language, self.fingerprint)).encode("utf-8")).hexdigest()
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", article.id)[:60].strip("-") or "article"
        return self.folder / f"{name}-{digest[:24]}{SUFFIX}"

    def get(self, article: Article) -> ArticleClaims | None:
        """The cached claims of the article, or None (no entry, or an entry that does not fit)."""
        path = self.path(article)
        if path is None:
            return None
        try:
            data = json.loads(path.read_bytes())
            claims = decode(data, ArticleClaims)
        except (OSError, ValueError, TypeError, RecursionError):   # Shape and JSON errors are ValueErrors
            return None
        if claims.article_id != article.id or claims.language != article.language:
            return None
        return claims

    def put(self, article: Article, claims: ArticleClaims) -> bool:
        """Store the claims (atomically); False when they could not be stored."""
        path = self.path(article)
        if path is None:
            return False
        try:
            data = json.dumps(encode(claims), ensure_ascii=False, allow_nan=False,
                              separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            return False
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            return False
        return True
