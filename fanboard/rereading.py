"""Articles this process has read, so that a process that builds again (the app after an add)
does not decode, check and date every unchanged file again.

An article is taken from memory only when its file holds the same bytes (compared by SHA-256:
reading and hashing a file is cheap, decoding, checking and dating its text is not) and its
sidecar metadata and the latest acceptable publication date are the same; otherwise it is
read again. What comes back is a copy with its own list of warnings, equal to a fresh read: reading
depends only on the file's bytes and its metadata. Each read of a folder keeps only the
articles it read, so files that went away are forgotten.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Callable

from .checks import latest_publication_date

_KNOWN: dict[Path, dict[Path, tuple[str, str, object]]] = {}    # folder → {file: (digest, metadata, Article)}
_FOLDERS = 8                # folders remembered at once (the oldest is forgotten first)


class Rereader:
    """Read the articles of one folder, reusing those this process read before."""

    def __init__(self, folder: Path):
        self.key = Path(folder).absolute()
        self.before = _KNOWN.pop(self.key, {})
        self.now: dict[Path, tuple[str, str, object]] = {}

    def read(self, path: Path, meta: dict | None, read: Callable):
        """read(path, meta), or the same article as last time when nothing it depends on changed."""
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return read(path, meta)
        # the latest acceptable publication date too: a date refused as future depends on today
        metadata = repr((sorted((meta or {}).items()), latest_publication_date()))
        known = self.before.get(path)
        if known is not None and known[0] == digest and known[1] == metadata:
            article = known[2]
        else:
            article = read(path, meta)      # may raise: then nothing is remembered for the file
        self.now[path] = (digest, metadata, article)
        return dataclasses.replace(article, warnings=list(article.warnings))

    def done(self) -> None:
        """Remember what this read found (and only that)."""
        _KNOWN[self.key] = self.now
        while len(_KNOWN) > _FOLDERS:
            del _KNOWN[next(iter(_KNOWN))]


_SIDECARS: dict[Path, tuple[str, dict[str, dict]]] = {}     # sidecar file → (digest, metadata per article)


def sidecar(path: Path, parse: Callable[[Path], dict[str, dict]]) -> dict[str, dict]:
    """parse(path), or a copy of what it gave last time when the file holds the same bytes."""
    key = Path(path).absolute()
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return parse(path)              # it reports the problem
    known = _SIDECARS.get(key)
    if known is None or known[0] != digest:
        known = _SIDECARS[key] = (digest, parse(path))
        while len(_SIDECARS) > _FOLDERS * 2:
            del _SIDECARS[next(iter(_SIDECARS))]
    return {article: dict(values) for article, values in known[1].items()}
