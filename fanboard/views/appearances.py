"""Who played in a match, from the reference match data, beside what the articles say.

``match_appearances`` gives, for one match of the tables, the players the Serie A
appearances (data/reference/appearances.csv, see fanboard.appearances) list for each team
with their minutes, next to the statuses the articles give them and whether the data
confirm those. Players the articles name for the match who are not in the list come last.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import pandas as pd

from .cells import Tables, format_day, to_date
from .shaping import GRID_STATUSES

COLUMNS = ["player", "minutes", "goals", "red card", "the articles say", "match data"]
NOT_LISTED = "Named by the articles, not among the players who appeared"
SOURCE_CAPTION = ("Who played and for how long: the Serie A 2020-21 appearances of the project "
                  "“Italia-Serie-A-Data-and-Data-Analysis” by Evaldo Borba (MIT License), in "
                  "data/reference/appearances.csv. Minutes count time on the pitch with added time: "
                  "they tell who played, not who started or came on.")


@dataclass
class MatchAppearances:
    teams: list[tuple[str, pd.DataFrame]]   # (team, rows in COLUMNS), home team first
    caption: str


def match_appearances(tables: Tables, match_id: str, appearances: pd.DataFrame | None = None,
                      names: Mapping[str, str] | None = None) -> MatchAppearances | None:
    """The match data of one match, per team; None when they do not cover it.

    ``appearances``: rows of appearances.csv (default: data/reference's file); ``names``:
    person id -> name (default: the knowledge base's people).
    """
    m = tables["matches"][tables["matches"]["match_id"] == match_id]
    if m.empty or not m.iloc[0]["reference"]:
        return None
    match = m.iloc[0]
    data = _appearances() if appearances is None else appearances
    rows = data[data["fixture_id"] == match["reference"]]
    if rows.empty:
        return None
    names = _names() if names is None else names
    said = _statuses(tables["player_status"], match_id)
    listed: set[str] = set()
    teams = []
    for team in [t for t in (match["home"], match["away"]) if t in set(rows["club"])] + \
            sorted(set(rows["club"]) - {match["home"], match["away"]}):
        group = rows[rows["club"] == team].assign(_m=lambda f: -pd.to_numeric(f["minutes"]))
        out = []
        for r in group.sort_values(["_m", "player"], kind="stable").to_dict("records"):
            name = names.get(r["person_id"], "") or r["player"]
            listed.add(name)
            out.append({"player": name, "minutes": r["minutes"], "goals": r["goals"],
                        "red card": "yes" if r["red_card"] == "1" else "",
                        **said.get(name, {"the articles say": "", "match data": ""})})
        teams.append((team, pd.DataFrame(out, columns=COLUMNS)))
    absent = [{"player": p, "minutes": "", "goals": "", "red card": "", **v}
              for p, v in said.items() if p not in listed]
    if absent:
        teams.append((NOT_LISTED, pd.DataFrame(absent, columns=COLUMNS)))
    day = to_date(rows.iloc[0]["date"])
    replay = f" They are of the match as played on {format_day(day)}." if day and day != to_date(match["date"]) else ""
    return MatchAppearances(teams, SOURCE_CAPTION + replay)


def _statuses(player_status: pd.DataFrame, match_id: str) -> dict[str, dict[str, str]]:
    """player -> what the articles say of him in the match, and the match data's verdict."""
    rows = player_status[(player_status["match_id"] == match_id) & player_status["status"].isin(list(GRID_STATUSES))]
    out: dict[str, dict[str, list[str]]] = {}
    for r in rows.to_dict("records"):
        entry = out.setdefault(r["player"], {"the articles say": [], "match data": []})
        entry["the articles say"].append(GRID_STATUSES[r["status"]])
        verdict = r.get("match_data", "")
        if verdict and verdict not in entry["match data"]:
            entry["match data"].append(verdict)
    return {p: {k: "; ".join(v) for k, v in e.items()} for p, e in out.items()}


def _appearances() -> pd.DataFrame:
    from ..appearances import load_appearances
    return load_appearances()


def _names() -> dict[str, str]:
    from ..paths import KB_DIR
    path = Path(KB_DIR) / "people.csv"
    return dict(_people(path, path.stat().st_mtime_ns)) if path.is_file() else {}


@lru_cache(maxsize=2)
def _people(path: Path, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return tuple(zip(df["id"], df["name"]))
