"""The fingerprint of the extraction rules: what the claims of an article depend on besides
its text. A light module (no spaCy), so that a page start can tell whether the tables were
built with the rules of the code that serves them.

It changes when the extraction code, the patterns, the knowledge base (and its local
overlay), the parsing code or FANBOARD_CLUB change. The claim cache keys its entries by it
(fanboard.cache), and a build records it with its inputs (fanboard.building), so tables built
by an older version are rebuilt, not shown as if the new rules had made them.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .paths import KB_DIR, PATTERNS_DIR

PIPELINE_VERSION = "1"  # bump when rules change in a way that alters the output
CODE = Path(__file__).resolve().parent
# how texts are parsed, and the time values an entry holds (resolve/timeexpr.py); the rest of
# fanboard/resolve only reads claims, so a change there keeps every entry (reconcile has its
# own fingerprint for what it keeps: fanboard.resolve.state)
PARSE_FILES = (CODE / "nlp.py", CODE / "pieces.py", CODE / "limits.py", CODE / "resolve" / "timeexpr.py")
SUFFIXES = (".py", ".json", ".toml", ".csv")


def _files() -> list[Path]:
    out = []
    for folder in (PATTERNS_DIR, KB_DIR, CODE / "extract"):
        out += [p for p in sorted(Path(folder).glob("*")) if p.is_file() and p.suffix in SUFFIXES]
    return out


def rules_fingerprint() -> str:
    """Changes when the extraction code, the patterns or the knowledge base change."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    h.update(os.environ.get("FANBOARD_CLUB", "").encode())   # the focus when an article names no club
    for p in _files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    from .localkb import fingerprint as local_kb_fingerprint
    h.update(local_kb_fingerprint())     # the local KB overlay (data/kb/local/)
    for p in PARSE_FILES:
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


_MEMO: dict[tuple, str] = {}


def current_rules() -> str:
    """rules_fingerprint(), worked out again only when one of its files' size or modification
    time changed (a page start asks on every run)."""
    from .localkb import local_dir
    local = [local_dir() / n for n in ("people.csv", "aliases.csv")]
    key = [PIPELINE_VERSION, os.environ.get("FANBOARD_CLUB", "")]
    for p in [*_files(), *PARSE_FILES, *local]:
        try:
            st = p.stat()
            key.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            key.append((str(p), None))
    key = tuple(key)
    if key not in _MEMO:
        _MEMO.clear()
        _MEMO[key] = rules_fingerprint()
    return _MEMO[key]
