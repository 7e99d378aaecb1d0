"""Checks shared by the article store (`add`) and ingest (the build), so both apply one rule.

* Publication dates may lie at most FUTURE_MARGIN_DAYS after today: an article cannot be
  published in the future, but a reporter in another time zone, or a date written the evening
  before, may be a day ahead of this machine's clock.
* Web addresses are kept only when they are http or https with a host: a `javascript:` or
  `data:` "url" would run in a browser when someone clicks the link.
* Near-duplicate texts (the same words, with different line endings, trailing blank lines or
  doubled spaces) share one duplicate key, so they are stored once and count as one source.
* Files given on the command line must be regular files, not links or devices.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

FUTURE_MARGIN_DAYS = 2
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def latest_publication_date(today: date | None = None) -> date:
    """The last publication date accepted today (today + FUTURE_MARGIN_DAYS)."""
    return (today or date.today()) + timedelta(days=FUTURE_MARGIN_DAYS)


def future_date_problem(day: date, today: date | None = None) -> str | None:
    """Why `day` cannot be a publication date ("... is in the future ..."), or None when it can."""
    latest = latest_publication_date(today)
    if day <= latest:
        return None
    return (f"{day.isoformat()} is in the future: today is {(today or date.today()).isoformat()}, and dates "
            f"more than {FUTURE_MARGIN_DAYS} days ahead are refused")


def is_web_url(url: str) -> bool:
    """True for an http:// or https:// address with a host and no whitespace or control characters."""
    url = str(url or "")
    if not url or any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def is_language_code(code: str) -> bool:
    return bool(_LANGUAGE_CODE.fullmatch(str(code or "")))


def dedup_text(text: str) -> str:
    """The text as the duplicate check sees it: Unicode NFC, every run of whitespace (line
    breaks, tabs, non-breaking spaces) one space, no leading or trailing whitespace."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def dedup_key(text: str) -> str:
    """SHA-256 of dedup_text: equal for texts that differ only in whitespace."""
    return hashlib.sha256(dedup_text(text).encode("utf-8", "surrogatepass")).hexdigest()


class NotARegularFile(ValueError):
    """A path given as an article is a link, a folder or a device; the message says which."""


_KINDS = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]


def _kind(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path | str, limit: int) -> tuple[bytes, int]:
    """The bytes of a regular file, never following a symbolic link (the link itself is refused),
    and never blocking on a pipe or device. Reads at most `limit` + 1 bytes; returns them with
    the file's size. Raises NotARegularFile, or OSError when the file cannot be read."""
    path = Path(path)
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise NotARegularFile(f"{path.name} is a symbolic link; links are not followed, so give the file itself")
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(f"{path.name} is {_kind(info.st_mode)}, not a file")
    # O_NOFOLLOW: the path cannot be swapped for a link between the check and the open.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path.name} is {_kind(info.st_mode)}, not a file")
        return fh.read(limit + 1), info.st_size
