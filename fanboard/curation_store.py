"""The curation log: every correction a fan made, kept forever, one JSON line per action.

Layout (default ``data/curation/``, or $FANBOARD_CURATION):

    <dir>/log.jsonl     one action per line, oldest first, never edited (only appended to)
    <dir>/.lock         the lock every writer takes

An action is a JSON object with at least ``id`` ("c1", "c2", … in the order they were made),
``at`` (UTC time), ``who`` (the user), ``action`` and ``why`` (the reason, may be empty).
Actions on rows (see fanboard.curation for what each does):

    reject   table, key                    the row is wrong: it is left out of the tables
    set      table, key, field, value, old one field corrected (old: the value it replaced)
    confirm  table, key                    a person checked the row
    merge    table, key, other             two rows are the same thing: `other` goes into `key`
    split    table, key, sources           one row is two things: the articles in `sources`
                                           become a row of their own
    undo     target                        action `target` no longer counts

An append is atomic and never loses what is there: under the lock, the whole log plus the new
line is written to a temporary file (fsynced), which then replaces the log with one rename. A
kill at any moment leaves the old log or the new one, never half a line; a temporary file left by
a kill is removed by the next writer.
"""
from __future__ import annotations

import getpass
import json
import os
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock

from .paths import CURATION_DIR

LOG_NAME = "log.jsonl"
LOCK_NAME = ".lock"
ENV = "FANBOARD_CURATION"
ACTIONS = ("reject", "set", "confirm", "merge", "split", "undo")
ROW_TABLES = ("matches", "player_status", "goals", "events")

# Test hook: FANBOARD_CURATION_PAUSE=<seconds> sleeps after the temporary file is written and
# before it replaces the log, so a test can kill the writer exactly there.
PAUSE_ENV = "FANBOARD_CURATION_PAUSE"


class CurationError(ValueError):
    """A curation action cannot be recorded (bad input, or an unreadable log); nothing was written."""


def curation_dir(environ: dict | None = None) -> Path:
    env = os.environ if environ is None else environ
    return Path(env.get(ENV) or CURATION_DIR)


def _who() -> str:
    try:
        return getpass.getuser()
    except Exception:       # no user name in this environment
        return "unknown"


class CurationStore:
    """The curation log in one folder."""

    def __init__(self, folder: Path | None = None, lock_timeout: float = 60):
        self.folder = Path(folder) if folder is not None else curation_dir()
        self.lock_timeout = lock_timeout

    @property
    def log(self) -> Path:
        return self.folder / LOG_NAME

    def lock(self) -> FileLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / LOCK_NAME), timeout=self.lock_timeout)

    def actions(self) -> list[dict]:
        """Every action, oldest first (an empty list when there is no log yet)."""
        try:
            data = self.log.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise CurationError(f"the curation log cannot be read ({exc.strerror or exc})") from None
        out = []
        for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                action = json.loads(line)
            except ValueError:
                raise CurationError(f"{self.log}: line {n} is not JSON; fix or remove that line") from None
            if not isinstance(action, dict) or action.get("action") not in ACTIONS or not action.get("id"):
                raise CurationError(f"{self.log}: line {n} is not a curation action")
            out.append(action)
        return out

    def live(self) -> list[dict]:
        """The actions that count: every row action not undone (an undo of an undo restores it)."""
        actions = self.actions()
        undone: set[str] = set()
        for a in reversed(actions):     # a later undo decides about an earlier one
            if a["action"] == "undo" and a["id"] not in undone:
                undone.add(a.get("target", ""))
        return [a for a in actions if a["action"] != "undo" and a["id"] not in undone]

    def append(self, action: dict, check=None) -> dict:
        """Record one action (adds id, at, who); returns it as recorded.

        check(actions) is called under the lock with the log as it is, and may raise
        CurationError to refuse the action (then nothing is written).
        """
        if action.get("action") not in ACTIONS:
            raise CurationError(f"unknown curation action {action.get('action')!r}; use one of {', '.join(ACTIONS)}")
        with self.lock():
            self._remove_leftovers()
            actions = self.actions()
            if check is not None:
                check(actions)
            record = {"id": f"c{_next_number(actions)}",
                      "at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
                      "who": action.pop("who", None) or _who(), **action}
            record.setdefault("why", "")
            line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
            self._replace_log(_existing_bytes(self.log) + line.encode("utf-8"))
        return record

    def _replace_log(self, data: bytes) -> None:
        tmp = self.folder / f".{LOG_NAME}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            pause = os.environ.get(PAUSE_ENV)
            if pause:
                import sys
                import time
                print("paused before the rename", file=sys.stderr, flush=True)
                time.sleep(float(pause))
            os.replace(tmp, self.log)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        from .tables import _fsync_dir
        _fsync_dir(self.folder)

    def _remove_leftovers(self) -> None:
        for tmp in self.folder.glob(f".{LOG_NAME}.*.tmp"):
            tmp.unlink(missing_ok=True)


def _existing_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return b""
    return data if not data or data.endswith(b"\n") else data + b"\n"


def _next_number(actions: list[dict]) -> int:
    numbers = [int(a["id"][1:]) for a in actions if str(a["id"])[1:].isdigit()]
    return max(numbers, default=0) + 1
