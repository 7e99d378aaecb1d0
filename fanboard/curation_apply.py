"""Applying the curation log to freshly built tables: the one step a build adds after reconciling.

`finish_build(tables)` is called by fanboard.building on the reconciled tables, before they
are written. It

1. applies every action of the curation log that counts (fanboard.curation_store.live), in the
   order they were made, to matches, player_status, goals and events; a touched row's `curated`
   cell says which actions touched it, and ends with its key in brackets;
2. recomputes the league table when a correction changed the score or status of a league match
   (the standings come from the reference calendar: the corrected result replaces that fixture's);
3. writes the curation table: each action that counts, "applied", or "orphaned" when its row is
   not in what the rules built any more (an action is never dropped silently).
"""
from __future__ import annotations

import pandas as pd

from .curation import KEY_COLUMN, computed_keys
from .curation_store import CurationError, CurationStore
from .schema import TABLES
from .tables import frame

SCORE_FIELDS = ("home_goals", "away_goals", "status")


def finish_build(tables: dict[str, pd.DataFrame], store: CurationStore | None = None) -> dict[str, pd.DataFrame]:
    """The tables to write: the reconciled ones with the curation applied."""
    tables = dict(tables)
    store = store or CurationStore()
    try:
        actions = store.live()
    except CurationError as exc:      # an unreadable log must not stop the build, nor vanish
        actions = []
        tables["curation"] = frame("curation", [{"id": "-", "action": "reject", "state": f"log unreadable: {exc}"}])
        return tables
    tables, states = apply(tables, actions)
    tables["curation"] = frame("curation", [_curation_row(a, states[a["id"]]) for a in actions])
    return tables


def _curation_row(a: dict, state: str) -> dict:
    return {"id": a["id"], "at": a.get("at", ""), "who": a.get("who", ""), "action": a["action"],
            "table": a.get("table", ""), "key": a.get("key", ""), "field": a.get("field", ""),
            "value": a.get("value", ""), "old": a.get("old", ""), "other": a.get("other", ""),
            "why": a.get("why", ""), "state": state}


def apply(tables: dict[str, pd.DataFrame], actions: list[dict]) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Apply row actions in order. Returns the tables and each action's state."""
    work: dict[str, list[dict]] = {}
    states: dict[str, str] = {}
    scores_changed = False
    for a in actions:
        table = a.get("table", "")
        if table not in KEY_COLUMN and table not in ("player_status", "goals"):
            states[a["id"]] = "orphaned"
            continue
        if table not in work:
            df = tables[table]
            work[table] = [dict(r, _key=k, _marks=[]) for r, k in zip(df.to_dict("records"), computed_keys(table, df))]
        ok = _apply_one(work[table], a)
        states[a["id"]] = "applied" if ok else "orphaned"
        scores_changed |= ok and table == "matches" and a.get("field") in SCORE_FIELDS
    out = dict(tables)
    for table, rows in work.items():
        for r in rows:
            marks = r.pop("_marks")
            key = r.pop("_key")
            r["curated"] = f"{'; '.join(marks)} [{key}]" if marks else r.get("curated", "")
        out[table] = frame(table, [{c: r.get(c, "") for c in TABLES[table]} for r in rows])
    if scores_changed:
        out["standings"] = _standings_with(out, actions, states)
    return out, states


def _apply_one(rows: list[dict], a: dict) -> bool:
    """One action on a table's rows (in place). False when its row is not there (orphaned)."""
    hits = [r for r in rows if r["_key"] == a.get("key")]
    if not hits:
        return False
    kind = a["action"]
    if kind == "reject":
        rows[:] = [r for r in rows if r["_key"] != a["key"]]
        return True
    if kind == "confirm":
        for r in hits:
            r["_marks"].append(f"{a['id']} confirmed")
        return True
    if kind == "set":
        for r in hits:
            r["_marks"].append(f"{a['id']} corrected {a['field']} (was {r.get(a['field'], '') or 'empty'})")
            r[a["field"]] = a.get("value", "")
        return True
    if kind == "merge":
        return _merge(rows, hits, a)
    if kind == "split":
        return _split(rows, hits, a)
    return False


def _merge(rows: list[dict], hits: list[dict], a: dict) -> bool:
    others = [r for r in rows if r["_key"] == a.get("other")]
    if not others:
        return False
    keep = hits[0]
    for other in others:
        for column, value in other.items():
            if column.startswith("_"):
                continue
            if column in ("sources", "actors", "agents", "targets"):
                keep[column] = ";".join(sorted(set(filter(None, f"{keep.get(column, '')};{value}".split(";")))))
            elif not keep.get(column):
                keep[column] = value
    keep["_marks"].append(f"{a['id']} merged with {a['other']}")
    rows[:] = [r for r in rows if r["_key"] != a["other"]]
    return True


def _split(rows: list[dict], hits: list[dict], a: dict) -> bool:
    moved = set(str(a.get("value", "")).split(";")) - {""}
    row = hits[0]
    have = [s for s in str(row.get("sources", "")).split(";") if s]
    if not moved & set(have) or not set(have) - moved:
        return False
    new = {k: (list(v) if isinstance(v, list) else v) for k, v in row.items()}
    row["sources"] = ";".join(s for s in have if s not in moved)
    new["sources"] = ";".join(s for s in have if s in moved)
    new["_key"] = f"{row['_key']}~{a['id']}"
    column = KEY_COLUMN.get(a["table"])
    if column:
        new[column] = new["_key"]
    row["_marks"].append(f"{a['id']} split, {new['sources']} now in row {new['_key']}")
    new["_marks"] = [f"{a['id']} split from {row['_key']}"]
    rows.insert(rows.index(row) + 1, new)
    return True


# ----------------------------------------------------------------------------- the league table

def _standings_with(tables: dict[str, pd.DataFrame], actions: list[dict], states: dict[str, str]) -> pd.DataFrame:
    """The standings recomputed with the corrected results of league matches (the rest unchanged)."""
    from .reference import load_decisions, load_fixtures, standings_series

    old = tables["standings"]
    if old.empty:
        return old
    fixtures, decisions = load_fixtures(), load_decisions()
    touched = {a["key"] for a in actions if states.get(a["id"]) == "applied" and a.get("table") == "matches"
               and a.get("field") in SCORE_FIELDS}
    matches = tables["matches"]
    comps = set()
    for m in matches[matches["match_id"].isin(touched)].to_dict("records"):
        at = (fixtures["competition"] == m["competition"]) & (fixtures["home"] == m["home"]) \
            & (fixtures["away"] == m["away"])
        if not at.any() or m["status"] != "played" or m["home_goals"] == "" or m["away_goals"] == "":
            continue
        fixtures.loc[at, ["home_goals", "away_goals", "status"]] = [int(m["home_goals"]), int(m["away_goals"]), "played"]
        comps.add(m["competition"])
    teams_now = set(old["team"])
    for comp in comps:
        fx = fixtures[fixtures["competition"] == comp]
        teams = sorted(set(fx["home"]) | set(fx["away"]))
        if set(teams) != teams_now:
            continue    # the standings are of another league
        rows = []
        for basis in ("at_the_time", "final"):
            rows += standings_series(fixtures, decisions, comp, teams, basis).to_dict("records")
        return frame("standings", rows)
    return old
