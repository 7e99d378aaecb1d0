"""Curation: a person corrects the record, and the correction survives every rebuild.

What a person can do to a row of matches, player_status, goals or events (each one action in
the curation log, fanboard.curation_store): reject it, set one field, confirm it, merge two rows,
split one, and undo any action. This module names the rows (their keys, documented in
fanboard.schema), checks an action against the current tables before it is recorded, and
records it; fanboard.curation_apply applies the log to every build.

Every check happens before anything is written: an unknown table, key or field, or a bad value,
raises CurationError with a message for people, and the log stays as it was.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pandas as pd

from .curation_store import ROW_TABLES, CurationError, CurationStore
from .schema import CERTAINTIES, EVENT_TYPES, MATCH_STATUSES, PLAYER_STATUSES

KEY_COLUMN = {"matches": "match_id", "events": "event_id"}
KEY_IN_CELL = re.compile(r"\[([^\[\]]+)\]\s*$")


# ----------------------------------------------------------------------------- row keys

def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]


def computed_keys(table: str, df: pd.DataFrame) -> list[str]:
    """Each row's key as the rules built it (see fanboard.schema)."""
    if table in KEY_COLUMN:
        return [str(v) for v in df[KEY_COLUMN[table]]]
    if table == "player_status":
        return [f"st-{_digest(r['match_id'], r['player'], r['status'])}" for r in df.to_dict("records")]
    if table == "goals":
        seen: dict[tuple, int] = {}
        out = []
        for r in df.to_dict("records"):
            base = (r["match_id"], r["scorer"], r["minute"], r["own_goal"])
            seen[base] = seen.get(base, 0) + 1
            out.append(f"gl-{_digest(*base, seen[base])}")
        return out
    raise CurationError(f"table {table!r} cannot be curated; use one of {', '.join(ROW_TABLES)}")


def row_keys(table: str, df: pd.DataFrame) -> list[str]:
    """Each row's key in a built table: a curated row carries the key it was corrected under
    (in its `curated` cell), so a corrected status keeps its key."""
    keys = computed_keys(table, df)
    if "curated" not in df:
        return keys
    out = []
    for key, cell in zip(keys, df["curated"]):
        m = KEY_IN_CELL.search(str(cell or ""))
        out.append(m.group(1) if m else key)
    return out


# ----------------------------------------------------------------------------- fields and values

def _date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise CurationError(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _goals(value: str) -> str:
    if value == "" or (value.isdigit() and int(value) <= 99):
        return str(int(value)) if value else ""
    raise CurationError(f"{value!r} is not a number of goals; write a whole number from 0 to 99 (or nothing)")


def _minute(value: str) -> str:
    if value == "" or (value.isdigit() and 1 <= int(value) <= 130):
        return str(int(value)) if value else ""
    raise CurationError(f"{value!r} is not a minute; write a whole number from 1 to 130 (or nothing)")


def _one_of(options: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in options:
            raise CurationError(f"{value!r} is not allowed here; use one of {', '.join(options)}")
        return value
    return check


def _text(value: str) -> str:
    if not value.strip():
        raise CurationError("the value is empty; give the text it should be")
    if any(ord(c) < 32 for c in value):
        raise CurationError("the value holds control characters (a line break?); give it on one line")
    return value.strip()


def _free(value: str) -> str:
    return "" if value.strip() == "" else _text(value)


def _yes(value: str) -> str:
    return _one_of(("yes", ""))(value)


FIELDS: dict[str, dict] = {
    "matches": {"date": _date, "competition": _text, "round": _free, "home": _text, "away": _text,
                "home_goals": _goals, "away_goals": _goals, "status": _one_of(MATCH_STATUSES),
                "status_reason": _free},
    "player_status": {"player": _text, "status": _one_of(PLAYER_STATUSES), "match_id": _free,
                      "date": _date, "value": _free, "certainty": _one_of(CERTAINTIES)},
    "goals": {"scorer": _text, "team": _text, "minute": _minute, "penalty": _yes, "own_goal": _yes,
              "certainty": _one_of(CERTAINTIES)},
    "events": {"date": _date, "event_type": _one_of(EVENT_TYPES), "actors": _text, "agents": _free,
               "targets": _free, "match_id": _free, "certainty": _one_of(CERTAINTIES), "summary": _text},
}


def check_field(table: str, field: str, value: str) -> str:
    """The value as it will be stored; raises CurationError for an unknown field or a bad value."""
    fields = FIELDS.get(table)
    if fields is None:
        raise CurationError(f"table {table!r} cannot be curated; use one of {', '.join(ROW_TABLES)}")
    if field not in fields:
        raise CurationError(f"the {table} table has no field {field!r} a person can set; "
                            f"use one of {', '.join(fields)}")
    try:
        return fields[field](str(value))
    except CurationError as exc:
        raise CurationError(f"bad value for {table}.{field}: {exc}") from None


# ----------------------------------------------------------------------------- recording

class Curator:
    """Checks actions against the current tables and records them in the log."""

    def __init__(self, tables: dict[str, pd.DataFrame], store: CurationStore | None = None,
                 who: str | None = None):
        self.tables, self.store, self.who = tables, store or CurationStore(), who

    def row(self, table: str, key: str) -> dict:
        """The current row with that key; CurationError when there is none."""
        if table not in ROW_TABLES:
            raise CurationError(f"table {table!r} cannot be curated; use one of {', '.join(ROW_TABLES)}")
        df = self.tables[table]
        keys = row_keys(table, df)
        if key not in keys:
            raise CurationError(f"the {table} table has no row with key {key!r}; "
                                f"`python -m fanboard curate list --table {table}` shows the keys")
        return df.iloc[keys.index(key)].to_dict()

    def _record(self, action: dict) -> dict:
        if self.who:
            action["who"] = self.who
        return self.store.append(action)

    def reject(self, table: str, key: str, why: str = "") -> dict:
        self.row(table, key)
        return self._record({"action": "reject", "table": table, "key": key, "why": why})

    def confirm(self, table: str, key: str, why: str = "") -> dict:
        self.row(table, key)
        return self._record({"action": "confirm", "table": table, "key": key, "why": why})

    def set(self, table: str, key: str, field: str, value: str, why: str = "") -> dict:
        value = check_field(table, field, value)
        row = self.row(table, key)
        old = str(row.get(field, ""))
        if old == value:
            raise CurationError(f"{table}.{field} of {key} is already {value!r}; nothing to correct")
        return self._record({"action": "set", "table": table, "key": key, "field": field, "value": value,
                             "old": old, "why": why})

    def merge(self, table: str, key: str, other: str, why: str = "") -> dict:
        if key == other:
            raise CurationError("a row cannot be merged with itself; give two different keys")
        self.row(table, key)
        self.row(table, other)
        return self._record({"action": "merge", "table": table, "key": key, "other": other, "why": why})

    def split(self, table: str, key: str, sources: list[str], why: str = "") -> dict:
        row = self.row(table, key)
        column = "article_id" if table == "player_status" else "sources"
        have = [s for s in str(row.get(column, "")).split(";") if s]
        wanted = [s for s in sources if s]
        unknown = [s for s in wanted if s not in have]
        if not wanted or unknown or len(set(wanted)) >= len(have):
            raise CurationError(
                f"a split moves some of the row's sources ({', '.join(have) or 'none'}) into a new row; "
                + (f"{', '.join(unknown)} is not one of them" if unknown else "give at least one, and not all"))
        return self._record({"action": "split", "table": table, "key": key, "value": ";".join(wanted), "why": why})

    def undo(self, action_id: str, why: str = "") -> dict:
        def check(actions: list[dict]) -> None:
            target = next((a for a in actions if a["id"] == action_id), None)
            if target is None:
                raise CurationError(f"there is no curation action {action_id!r}; "
                                    "`python -m fanboard curate list` shows them")
        check(self.store.actions())     # before the lock, so a bad id creates nothing
        return self.store.append({"action": "undo", "target": action_id, "why": why,
                                  **({"who": self.who} if self.who else {})}, check=check)


def load_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    from .tables import read_tables
    return read_tables(Path(tables_dir))
