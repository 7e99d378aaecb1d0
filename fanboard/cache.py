"""The claim cache: each article's claims as a JSON file in data/cache/, so a rebuild parses
only the articles that are new or changed.

An entry is data, never code: reading it parses JSON and rebuilds the claim dataclasses of
fanboard.extract.claims (and the time expressions in them) field by field, checking every
value against the field's declared type. An entry that cannot be read, is not JSON, has the
wrong shape or belongs to another article is a miss: the article is parsed again and the entry
overwritten. Old entries (*.pickle, and JSON of an older format) are never opened.

The format is compact so that a rebuild reads thousands of entries fast: a dataclass is the
list of its fields (its type is the declared one), and a quote that is the article's own text
between its offsets is not repeated (see "the format" below). A process that builds again
takes the claims it read or wrote last time from memory while their entry files are unchanged.

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
from .rulesprint import rules_fingerprint
from .resolve.timeexpr import DateValue, TimeExpr

FORMAT = 2                      # bump when the encoding below changes
SUFFIX = f".claims-v{FORMAT}.json"

# The only classes an entry may contain: the claim dataclasses and what they hold.
CLASSES: dict[str, type] = {
    name: cls for name, cls in vars(claims_module).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == claims_module.__name__
}
CLASSES.update({"TimeExpr": TimeExpr, "DateValue": DateValue})

# ----------------------------------------------------------------------------- the format
# Each value is written as its declared type says, so it needs no tags: a dataclass is the
# list of its fields in their order, a tuple or a list is a list, a date is its ISO text.
# Only where a field is declared `Any` (a claim's time) is the value tagged: a dataclass as
# {"$type": name, "$fields": [...]}, a tuple as {"$tuple": [...]}, a date as {"$date": text}.
# A provenance quote that is the article's text between its offsets (all of them, in practice)
# is written as null and taken from the text again.

_TYPE, _FIELDS, _TUPLE, _DATE = "$type", "$fields", "$tuple", "$date"
# class → (its field holding text that is written as null, the fields of its start and end)
_ELIDED = {claims_module.Provenance: ("quote", "start", "end")}


class Shape(ValueError):
    """A cached value does not have the shape its field declares."""


def _fail(data: Any, what: str) -> Any:
    text = repr(data)
    raise Shape(f"{text if len(text) <= 60 else text[:57] + '...'} is not {what}")


def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


def _known_class(hint: Any) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint) and CLASSES.get(hint.__name__) is hint


def _optional(hint: Any) -> Any | None:
    """X for `X | None`, else None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


# ----------------------------------------------------------------------------- encoding

Encoder = Callable[[Any, str | None], Any]
_ENCODERS: dict[Any, Encoder] = {}


def encode(value: Any, hint: Any = ArticleClaims, text: str | None = None) -> Any:
    """A value of type `hint` → JSON-ready data (quotes that are `text` between their offsets
    as null). A value that does not fit its declared type, or that the cache does not know,
    raises TypeError: the entry is not written, the claims are still used."""
    return _encoder(hint)(value, text)


def _encoder(hint: Any) -> Encoder:
    fn = _ENCODERS.get(hint)
    if fn is None:
        fn = _ENCODERS[hint] = _make_encoder(hint)
    return fn


def _make_encoder(hint: Any) -> Encoder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    inner = _optional(hint)
    if hint is Any:
        return _encode_any
    if inner is not None:
        enc = _encoder(inner)
        return lambda v, t: None if v is None else enc(v, t)
    if hint is type(None) or hint in (str, int, bool):
        return lambda v, t: v if type(v) is hint else _refuse(v, hint)
    if hint is float:
        return lambda v, t: _encode_any(v, t) if type(v) in (float, int) else _refuse(v, hint)
    if hint is list or origin is list:
        item = _encoder(args[0] if args else Any)
        return lambda v, t: [item(x, t) for x in v] if type(v) is list else _refuse(v, hint)
    if hint is tuple or origin is tuple:
        if not args or (len(args) == 2 and args[1] is Ellipsis):
            item = _encoder(args[0] if args else Any)
            return lambda v, t: [item(x, t) for x in v] if type(v) is tuple else _refuse(v, hint)
        items = [_encoder(a) for a in args]
        return lambda v, t: ([fn(x, t) for fn, x in zip(items, v)] if type(v) is tuple and len(v) == len(items)
                             else _refuse(v, hint))
    if hint is date:
        return lambda v, t: v.isoformat() if type(v) is date else _refuse(v, hint)
    if _known_class(hint):
        return _dataclass_encoder(hint)
    raise TypeError(f"the claim cache cannot store a value of type {hint}")


def _refuse(value: Any, hint: Any) -> Any:
    raise TypeError(f"the claim cache cannot store a {type(value).__qualname__} as {hint}")


def _dataclass_encoder(cls: type) -> Encoder:
    fields: list[tuple[str, Encoder]] = []          # filled on first use (the types nest)
    elided = _ELIDED.get(cls)

    def encode_dataclass(v: Any, t: str | None) -> list:
        if type(v) is not cls:
            _refuse(v, cls)
        if not fields:
            fields.extend((name, _encoder(h)) for name, h in _hints(cls))
        out = [fn(getattr(v, name), t) for name, fn in fields]
        if elided and t is not None:
            name, start, end = elided
            if t[getattr(v, start):getattr(v, end)] == getattr(v, name):
                out[[f for f, _ in fields].index(name)] = None
        return out
    return encode_dataclass


def _encode_any(v: Any, t: str | None) -> Any:
    kind = type(v)
    if v is None or kind in (bool, int, str):
        return v
    if kind is float:
        if v != v or v in (float("inf"), float("-inf")):
            raise TypeError("non-finite float")
        return v
    if kind is list:
        return [_encode_any(x, t) for x in v]
    if kind is tuple:
        return {_TUPLE: [_encode_any(x, t) for x in v]}
    if kind is date:
        return {_DATE: v.isoformat()}
    if _known_class(kind):
        return {_TYPE: kind.__name__, _FIELDS: _encoder(kind)(v, t)}
    raise TypeError(f"the claim cache does not know {kind.__qualname__}")


# ----------------------------------------------------------------------------- decoding
# The decoder of each dataclass (and fixed tuple) is a small function written out from its
# declared field types when first needed, with the check of every field inline: decoding the
# cache of a few thousand articles is most of a rebuild that parses one. Only our own class
# definitions go into that source, never anything read from an entry.

Decoder = Callable[[Any, str | None], Any]


class _Decoders:
    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"_fail": _fail, "_any": _decode_any, "_date": _decode_date}
        self.names: dict[Any, str] = {}

    def function(self, hint: Any) -> Decoder:
        return self.namespace[self._name(hint)]

    def _name(self, hint: Any) -> str:
        name = self.names.get(hint)
        if name is None:
            name = self.names[hint] = f"_d{len(self.names)}"
            try:
                source = self._source(name, hint)      # nested types refer to `name`
            except TypeError:
                del self.names[hint]
                raise
            exec(compile(source, f"<claim cache decoder {hint}>", "exec"), self.namespace)
        return name

    def _source(self, name: str, hint: Any) -> str:
        if _known_class(hint):
            fields = _hints(hint)
            self.namespace[f"{name}_cls"] = hint
            lines = [f"def {name}(d, t):",
                     f"    if type(d) is not list or len(d) != {len(fields)}:",
                     f"        _fail(d, {('a ' + hint.__name__ + ' with exactly its fields')!r})"]
            if fields:
                lines.append("    " + ", ".join(f"f{i}" for i in range(len(fields))) + ", = d")
            index = {field: i for i, (field, _) in enumerate(fields)}
            elided = _ELIDED.get(hint)
            for i, (field, h) in enumerate(fields):
                value = self.expression(h, f"f{i}", 0)
                if elided and field == elided[0] and index[elided[1]] < i and index[elided[2]] < i:
                    start, end = index[elided[1]], index[elided[2]]
                    value = f"t[v{start}:v{end}] if f{i} is None and t is not None else {value}"
                lines.append(f"    v{i} = {value}")
            lines.append(f"    return {name}_cls(" + ", ".join(f"v{i}" for i in range(len(fields))) + ")")
            return "\n".join(lines) + "\n"
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            items = ", ".join(self.expression(a, f"d[{i}]", 0) for i, a in enumerate(args))
            return (f"def {name}(d, t):\n"
                    f"    if type(d) is not list or len(d) != {len(args)}:\n"
                    f"        _fail(d, 'a tuple of {len(args)}')\n"
                    f"    return ({items},)\n")
        raise TypeError(f"the claim cache cannot check a value of type {hint}")

    def expression(self, hint: Any, var: str, depth: int) -> str:
        """Python source of an expression: `var` decoded as `hint` (raising Shape)."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        inner = _optional(hint)
        if hint is Any:
            return f"_any({var}, t)"
        if inner is not None:
            return f"(None if {var} is None else {self.expression(inner, var, depth)})"
        if hint is type(None):
            return f"({var} if {var} is None else _fail({var}, 'null'))"
        if hint in (str, int, bool):
            return f"({var} if type({var}) is {hint.__name__} else _fail({var}, 'a {hint.__name__}'))"
        if hint is float:
            return f"({var} if type({var}) is float or type({var}) is int else _fail({var}, 'a number'))"
        if hint is date:
            return f"_date({var})"
        item = f"_e{depth}"
        if hint is list or origin is list:
            each = self.expression(args[0] if args else Any, item, depth + 1)
            return f"([{each} for {item} in {var}] if type({var}) is list else _fail({var}, 'a list'))"
        if (hint is tuple or origin is tuple) and (not args or (len(args) == 2 and args[1] is Ellipsis)):
            each = self.expression(args[0] if args else Any, item, depth + 1)
            return f"(tuple([{each} for {item} in {var}]) if type({var}) is list else _fail({var}, 'a tuple'))"
        return f"{self._name(hint)}({var}, t)"



def decode(data: Any, hint: Any = ArticleClaims, text: str | None = None) -> Any:
    """JSON data → a value of type `hint` (null quotes taken from `text`); raises Shape when
    it does not fit."""
    return _decoder(hint)(data, text)


_BY_HINT: dict[Any, Decoder] = {}


def _decoder(hint: Any) -> Decoder:
    fn = _BY_HINT.get(hint)
    if fn is None:
        source = _DECODERS.expression(hint, "d", 0)
        fn = _BY_HINT[hint] = eval(f"lambda d, t: {source}", _DECODERS.namespace)
    return fn


def _decode_date(d: Any) -> date:
    if type(d) is not str:
        _fail(d, "a date")
    try:
        return date.fromisoformat(d)
    except ValueError:
        return _fail(d, "a date")


def _decode_any(d: Any, t: str | None) -> Any:
    kind = type(d)
    if d is None or kind in (str, int, float, bool):
        return d
    if kind is list:
        return [_decode_any(v, t) for v in d]
    if kind is dict and len(d) == 1 and type(d.get(_TUPLE)) is list:
        return tuple([_decode_any(v, t) for v in d[_TUPLE]])
    if kind is dict and len(d) == 1 and _DATE in d:
        return _decode_date(d[_DATE])
    if kind is dict and len(d) == 2 and type(d.get(_TYPE)) is str and _FIELDS in d:
        cls = CLASSES.get(d[_TYPE])
        if cls is not None:
            return _DECODERS.function(cls)(d[_FIELDS], t)
    return _fail(d, "a claim value")


_DECODERS = _Decoders()


# ----------------------------------------------------------------------------- the cache

# The claims this process last read or wrote, per cache folder: {entry path: (its file's stat
# signature, the claims)}. A process that builds again (the app after an add) takes them from
# here instead of decoding every entry again, as long as the entry file is the same one (same
# inode, size and times). A build keeps only the entries it used (ClaimCache.keep_only_used).
# Claims are not changed after extraction (reconcile only reads them), so sharing them is safe.
_MEMO: dict[Path, dict[Path, tuple[tuple, ArticleClaims]]] = {}
_MEMO_FOLDERS = 4           # folders remembered at once (the oldest is forgotten first)


def _signature(path: Path) -> tuple:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class ClaimCache:
    """Each article's claims, as JSON files in `folder` (None: no cache at all)."""

    def __init__(self, folder: Path | None, fingerprint: str | None = None):
        self.folder = Path(folder) if folder else None
        self.fingerprint = fingerprint or rules_fingerprint()
        self.used: set[Path] = set()
        self._memo: dict[Path, tuple[tuple, ArticleClaims]] = {}
        if self.folder is not None:
            key = self.folder.absolute()
            self._memo = _MEMO.pop(key, {})
            _MEMO[key] = self._memo             # the most recent folder last
            while len(_MEMO) > _MEMO_FOLDERS:
                del _MEMO[next(iter(_MEMO))]

    def keep_only_used(self) -> None:
        """Forget the claims of entries that this cache did not hand out or store."""
        for path in [p for p in self._memo if p not in self.used]:
            self._memo.pop(path, None)

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
            signature = _signature(path)
            known = self._memo.get(path)
            if known is not None and known[0] == signature:
                self.used.add(path)
                return known[1]
            data = json.loads(path.read_bytes())
            claims = decode(data, ArticleClaims, article.text)
        except (OSError, ValueError, TypeError, LookupError, RecursionError):   # Shape and JSON errors are ValueErrors
            return None
        if claims.article_id != article.id or claims.language != article.language:
            return None
        self._remember(path, signature, claims)
        return claims

    def _remember(self, path: Path, signature: tuple | None, claims: ArticleClaims) -> None:
        self.used.add(path)
        if signature is None:
            self._memo.pop(path, None)
        else:
            self._memo[path] = (signature, claims)

    def put(self, article: Article, claims: ArticleClaims) -> bool:
        """Store the claims (atomically); False when they could not be stored."""
        path = self.path(article)
        if path is None:
            return False
        try:
            data = json.dumps(encode(claims, ArticleClaims, article.text), ensure_ascii=False, allow_nan=False,
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
        try:
            self._remember(path, _signature(path), claims)
        except OSError:
            self._remember(path, None, claims)
        return True
