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
from typing import Any, Callable

from .extract import claims as claims_module
from .extract.claims import ArticleClaims
from .ingest import Article
from .nlp import PATTERNS_DIR, PIPELINE_VERSION
from .paths import KB_DIR
from .resolve.timeexpr import DateValue, TimeExpr

CODE = Path(__file__).resolve().parent

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
# One decoder per declared type, made once and kept: each checks the shape of its value and
# raises Shape when it does not fit.

Decoder = Callable[[Any], Any]
_DECODERS: dict[Any, Decoder] = {}


def decode(data: Any, hint: Any = ArticleClaims) -> Any:
    """JSON data → a value of type `hint`; raises Shape when it does not fit."""
    return _decoder(hint)(data)


def _decoder(hint: Any) -> Decoder:
    fn = _DECODERS.get(hint)
    if fn is None:
        fn = _DECODERS[hint] = _make_decoder(hint)
    return fn


def _make_decoder(hint: Any) -> Decoder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return _decode_any
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if hint is type(None) or hint in (str, int, bool):
        return _exactly(hint)
    if hint is float:
        return lambda d: d if type(d) in (float, int) else _fail(d, "a number")
    if hint is list or origin is list:
        item = _decoder(args[0] if args else Any)
        return lambda d: [item(v) for v in d] if type(d) is list else _fail(d, "a list")
    if hint is tuple or origin is tuple:
        return _tuple(args)
    if hint is date:
        return _decode_date
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and CLASSES.get(hint.__name__) is hint:
        return _dataclass(hint)
    raise TypeError(f"the claim cache cannot check a value of type {hint}")


def _fail(data: Any, what: str) -> Any:
    text = repr(data)
    raise Shape(f"{text if len(text) <= 60 else text[:57] + '...'} is not {what}")


def _exactly(kind: type) -> Decoder:
    what = "null" if kind is type(None) else f"a {kind.__name__}"
    return lambda d: d if type(d) is kind else _fail(d, what)


def _union(args: tuple) -> Decoder:
    if len(args) == 2 and type(None) in args:       # X | None
        inner = _decoder(args[0] if args[1] is type(None) else args[1])
        return lambda d: None if d is None else inner(d)
    options = [_decoder(a) for a in args]

    def decode_union(d: Any) -> Any:
        for option in options:
            try:
                return option(d)
            except Shape:
                continue
        return _fail(d, f"any of {args}")
    return decode_union


def _tuple(args: tuple) -> Decoder:
    if not args or (len(args) == 2 and args[1] is Ellipsis):
        item = _decoder(args[0] if args else Any)
        items = None
    else:
        items = [_decoder(a) for a in args]

    def decode_tuple(d: Any) -> tuple:
        if type(d) is not dict or len(d) != 1 or type(d.get(_TUPLE)) is not list:
            _fail(d, "a tuple")
        values = d[_TUPLE]
        if items is None:
            return tuple(item(v) for v in values)
        if len(values) != len(items):
            _fail(d, f"a tuple of {len(items)}")
        return tuple(fn(v) for fn, v in zip(items, values))
    return decode_tuple


def _decode_date(d: Any) -> date:
    if type(d) is not dict or len(d) != 1 or type(d.get(_DATE)) is not str:
        _fail(d, "a date")
    try:
        return date.fromisoformat(d[_DATE])
    except ValueError:
        return _fail(d, "a date")


def _dataclass(cls: type) -> Decoder:
    fields: list[tuple[str, Decoder]] = []          # filled on first use (the types nest)
    keys = {_TYPE} | {f.name for f in dataclasses.fields(cls)}
    name = cls.__name__

    def decode_dataclass(d: Any) -> Any:
        if type(d) is not dict or d.get(_TYPE) != name or d.keys() != keys:
            _fail(d, f"a {name} with exactly its fields")
        if not fields:
            hints = typing.get_type_hints(cls)
            fields.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{field: fn(d[field]) for field, fn in fields})
    return decode_dataclass


def _decode_any(d: Any) -> Any:
    kind = type(d)
    if d is None or kind in (str, int, float, bool):
        return d
    if kind is list:
        return [_decode_any(v) for v in d]
    if kind is dict:
        if _TUPLE in d:
            return _decoder(tuple)(d)
        if _DATE in d:
            return _decode_date(d)
        cls = CLASSES.get(d.get(_TYPE)) if type(d.get(_TYPE)) is str else None
        if cls is not None:
            return _decoder(cls)(d)
    return _fail(d, "a claim value")


# ----------------------------------------------------------------------------- the cache

def rules_fingerprint() -> str:
    """Changes when the extraction code, the patterns or the knowledge base change."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    h.update(os.environ.get("FANBOARD_CLUB", "").encode())   # the focus when an article names no club
    for folder in (PATTERNS_DIR, KB_DIR, CODE / "extract", CODE / "resolve"):
        for p in sorted(Path(folder).glob("*")):
            if p.is_file() and p.suffix in (".py", ".json", ".toml", ".csv"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    from .localkb import fingerprint as local_kb_fingerprint
    h.update(local_kb_fingerprint())     # the local KB overlay (data/kb/local/)
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
