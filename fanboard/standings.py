"""League tables computed from the reference fixtures and decisions (fanboard.reference).

Standings definitions (also in data/reference/README.md):

- order: points, goal difference, goals for, then team name. Serie A's
  head-to-head tie-breakers are NOT applied.
- ``gap_to_leader`` = leader's points - team's points (0 for the leader).
- ``gap_to_fourth`` = 4th-placed team's points - team's points; negative for
  teams above 4th (they are ahead of it).
- ``games_in_hand`` = (most games played by any team placed above) - own games
  played, floored at 0; 0 for the leader.
- ``basis="final"``: only final results of matches played on or before as_of.
- ``basis="at_the_time"``: as "final", but a decision valid at as_of
  (valid_from <= as_of < valid_to) replaces that fixture's result and counts it
  as played on its original date; its points adjustment applies.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Literal

import pandas as pd

STANDINGS_COLUMNS = [
    "team", "position", "points", "played", "won", "drawn", "lost", "goals_for",
    "goals_against", "goal_difference", "gap_to_leader", "gap_to_fourth", "games_in_hand",
]
SERIES_COLUMNS = [
    "as_of", "matchday", "team", "position", "points", "played", "won", "drawn",
    "lost", "goals_for", "goals_against", "goal_difference", "gap_to_leader",
    "gap_to_fourth", "games_in_hand", "basis",
]
Basis = Literal["at_the_time", "final"]


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


class League:
    """One competition's fixtures and decisions as plain values, so that a table on any day
    costs one pass over its fixtures (no DataFrame work); tables are kept once computed.
    ``table(as_of, basis)`` gives the rows of ``standings`` as dicts, in table order."""

    def __init__(self, fixtures: pd.DataFrame, decisions: pd.DataFrame | None, competition: str):
        fx = fixtures[fixtures["competition"] == competition]
        self.competition = competition
        self.teams = sorted(set(fx["home"]) | set(fx["away"]))
        self.fixtures = [(f.fixture_id, f.home, f.away, f.date, f.original_date,
                          None if pd.isna(f.home_goals) else f.home_goals, f.away_goals)
                         for f in fx.itertuples(index=False)]
        self.decisions = []
        if decisions is not None and not decisions.empty:
            self.decisions = list(decisions[decisions["competition"] == competition].itertuples(index=False))
        self._tables: dict[tuple[str, str], list[dict]] = {}

    def _results(self, as_of: str, basis: Basis) -> tuple[list[tuple[str, str, int, int]], dict[str, int]]:
        """(home, away, home_goals, away_goals) counted at as_of, and points adjustments."""
        if basis not in ("at_the_time", "final"):
            raise ValueError(f"basis must be 'at_the_time' or 'final', not {basis!r}")
        overrides: dict[str, tuple[int, int]] = {}
        adjustments: dict[str, int] = {}
        if basis == "at_the_time":
            for d in self.decisions:
                valid_to = d.valid_to or "9999-12-31"
                if not (d.valid_from <= as_of < valid_to):
                    continue
                if not pd.isna(d.home_goals) and not pd.isna(d.away_goals):
                    overrides[d.fixture_id] = (int(d.home_goals), int(d.away_goals))
                if d.points_adjustment_team and not pd.isna(d.points_adjustment):
                    team = d.points_adjustment_team
                    adjustments[team] = adjustments.get(team, 0) + int(d.points_adjustment)
        results = []
        for fid, home, away, day, original, hg, ag in self.fixtures:
            if fid in overrides:
                if (original or day) <= as_of:
                    results.append((home, away, *overrides[fid]))
                continue
            if day <= as_of and hg is not None:
                results.append((home, away, int(hg), int(ag)))
        return results, adjustments

    def table(self, as_of: date | str, basis: Basis = "final") -> list[dict]:
        """The league table on as_of (end of that day): one dict per team, in table order."""
        day = _iso(as_of)
        key = (day, basis)
        if key not in self._tables:
            self._tables[key] = self._compute(day, basis)
        return self._tables[key]

    def _compute(self, day: str, basis: Basis) -> list[dict]:
        results, adjustments = self._results(day, basis)
        stats = {t: dict(played=0, won=0, drawn=0, lost=0, goals_for=0, goals_against=0) for t in self.teams}
        for home, away, hg, ag in results:
            for team, gf, ga in ((home, hg, ag), (away, ag, hg)):
                s = stats[team]
                s["played"] += 1
                s["goals_for"] += gf
                s["goals_against"] += ga
                s["won" if gf > ga else "lost" if gf < ga else "drawn"] += 1
        rows = []
        for team, s in stats.items():
            points = 3 * s["won"] + s["drawn"] + adjustments.get(team, 0)
            rows.append({"team": team, "points": points, **s,
                         "goal_difference": s["goals_for"] - s["goals_against"]})
        rows.sort(key=lambda r: (-r["points"], -r["goal_difference"], -r["goals_for"], r["team"]))
        leader = rows[0]["points"] if rows else 0
        fourth = rows[3]["points"] if len(rows) >= 4 else None
        max_played_above = 0
        for position, r in enumerate(rows, start=1):
            r["position"] = position
            r["gap_to_leader"] = leader - r["points"]
            r["gap_to_fourth"] = fourth - r["points"] if fourth is not None else pd.NA
            r["games_in_hand"] = max(0, max_played_above - r["played"]) if position > 1 else 0
            max_played_above = max(max_played_above, r["played"])
        return rows

    def frame(self, as_of: date | str, basis: Basis = "final") -> pd.DataFrame:
        df = pd.DataFrame([dict(r) for r in self.table(as_of, basis)], columns=STANDINGS_COLUMNS)
        return df.astype({c: "Int64" for c in STANDINGS_COLUMNS if c != "team"})


def standings(
    fixtures: pd.DataFrame,
    decisions: pd.DataFrame | None,
    competition: str,
    as_of: date | str,
    basis: Basis = "final",
) -> pd.DataFrame:
    """League table of ``competition`` on ``as_of`` (end of that day).

    Every team with a fixture in the competition is listed, even before its
    first match. See the module docstring for the definitions.
    """
    return League(fixtures, decisions, competition).frame(as_of, basis)


def matchday_end_dates(fixtures: pd.DataFrame, competition: str) -> dict[int, str]:
    """The date on which each matchday ended, as originally scheduled.

    For matchday N: the last scheduled date (original_date, else date) of its
    matches that falls before the first scheduled date of matchday N+1. Matches
    moved or scheduled later than that (a postponement, or matchday 1 games
    held back for clubs still in European cups) do not stretch the matchday.
    The last matchday ends on its last scheduled date.
    """
    fx = fixtures[(fixtures["competition"] == competition) & fixtures["matchday"].notna()]
    scheduled = fx["original_date"].where(fx["original_date"] != "", fx["date"])
    by_md: dict[int, list[str]] = {}
    for md, d in zip(fx["matchday"].astype(int), scheduled):
        by_md.setdefault(md, []).append(d)
    out: dict[int, str] = {}
    mds = sorted(by_md)
    for i, md in enumerate(mds):
        dates = sorted(by_md[md])
        if i + 1 < len(mds):
            next_start = min(by_md[mds[i + 1]])
            before = [d for d in dates if d < next_start]
            out[md] = max(before) if before else dates[-1]
        else:
            out[md] = dates[-1]
    return out


def standings_series(
    fixtures: pd.DataFrame,
    decisions: pd.DataFrame | None,
    competition: str,
    teams: Iterable[str],
    basis: Basis = "final",
) -> pd.DataFrame:
    """The "standings" table (fanboard.schema): the given teams after every matchday.

    One row per (matchday, team), ``as_of`` the matchday's end date (see
    matchday_end_dates). The gaps to the leader and to 4th are in every row.
    """
    return pd.DataFrame(series_rows(fixtures, decisions, competition, teams, basis), columns=SERIES_COLUMNS)


def series_rows(fixtures: pd.DataFrame, decisions: pd.DataFrame | None, competition: str,
                teams: Iterable[str], basis: Basis = "final", league: League | None = None) -> list[dict]:
    """The rows of ``standings_series`` as dicts, in its order (matchday, then position)."""
    wanted = set(teams)
    league = league or League(fixtures, decisions, competition)
    rows = []
    for md, day in matchday_end_dates(fixtures, competition).items():
        for r in league.table(day, basis):
            if r["team"] in wanted:
                rows.append({"as_of": day, "matchday": int(md), **{c: r[c] for c in STANDINGS_COLUMNS}, "basis": basis})
    rows.sort(key=lambda r: (r["matchday"], r["position"]))
    return rows
