"""A cup group's table on any day, what a club still needs, and its knockout ties.

A group table is a league table over the group's fixtures (fanboard.standings counts it), ranked
by UEFA's 2020-21 group-stage tie-breakers (rank_group): points; then, among the teams level on
points, the points, goal difference, goals scored and away goals scored in the matches between
them (applied again to the matches of the teams still level, if fewer); then goal difference and
goals scored in all group matches; then the name (UEFA's further criteria, overall away goals, wins
and away wins, disciplinary points and the club coefficient, are not applied).

"What the club still needs" compares points only (its representative scores know no goals), so
a tie on points there is reported as "depends on tie-breakers", never decided by guess.

"What the club still needs" looks at its next group match: for each result of it (win, draw,
loss), every result of the group's other remaining matches is tried; a result is *enough*
when the club ends in the qualifying places on points in every case, *not enough* when it
never does, and otherwise depends on the other results or on tie-breakers.
"""
from __future__ import annotations

from datetime import date
from itertools import product

import pandas as pd

from .standings import standings

QUALIFYING_PLACES = 2
# A representative score for each result of a remaining match: only points are compared.
OUTCOMES = {"win": (1, 0), "draw": (0, 0), "loss": (0, 1)}
KNOCKOUT_ORDER = ["Round of 32", "Round of 16", "Quarterfinals", "Semifinals", "Final"]


def club_group(fixtures: pd.DataFrame, competition: str, club: str) -> str | None:
    """The group ("Group D") the club played in, from the reference fixtures."""
    fx = fixtures[(fixtures["competition"] == competition) & fixtures["round"].str.startswith("Group")]
    mine = fx[(fx["home"] == club) | (fx["away"] == club)]
    return str(mine["round"].iloc[0]) if len(mine) else None


def group_fixtures(fixtures: pd.DataFrame, competition: str, group: str) -> pd.DataFrame:
    return fixtures[(fixtures["competition"] == competition) & (fixtures["round"] == group)]


def group_table(fixtures: pd.DataFrame, competition: str, group: str, as_of: date | str) -> pd.DataFrame:
    """The group's table at the end of as_of, with the form of its last 5 results."""
    fx = group_fixtures(fixtures, competition, group)
    day = as_of.isoformat() if isinstance(as_of, date) else str(as_of)
    table = rank_group(standings(fx, None, competition, as_of, "final"), played_results(fx, day))
    return table.assign(form=[form(fx, t, day) for t in table["team"]])


def played_results(fixtures: pd.DataFrame, as_of: str) -> list[tuple[str, str, int, int]]:
    """(home, away, home_goals, away_goals) of the matches played on or before as_of."""
    done = fixtures[(fixtures["date"] <= as_of) & fixtures["home_goals"].notna() & fixtures["away_goals"].notna()]
    return [(r.home, r.away, int(r.home_goals), int(r.away_goals)) for r in done.itertuples(index=False)]


def _mini_table(teams: set[str], results: list[tuple[str, str, int, int]]) -> dict[str, tuple[int, int, int, int]]:
    """(points, goal difference, goals scored, away goals scored) in the matches between these teams."""
    acc = {t: [0, 0, 0, 0] for t in teams}
    for home, away, hg, ag in results:
        if home in teams and away in teams:
            acc[home][0] += 3 if hg > ag else 1 if hg == ag else 0
            acc[away][0] += 3 if ag > hg else 1 if hg == ag else 0
            acc[home][1] += hg - ag
            acc[away][1] += ag - hg
            acc[home][2] += hg
            acc[away][2] += ag
            acc[away][3] += ag
    return {t: tuple(v) for t, v in acc.items()}


def _order_level(teams: list[str], results: list[tuple[str, str, int, int]], overall: dict[str, dict]) -> list[str]:
    """Teams level on points, in UEFA's order: head-to-head criteria (again on a smaller level
    subset), then overall goal difference and goals scored, then the name."""
    if len(teams) < 2:
        return list(teams)
    h2h = _mini_table(set(teams), results)
    out: list[str] = []
    ranked = sorted(teams, key=lambda t: tuple(-x for x in h2h[t]))
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and h2h[ranked[j + 1]] == h2h[ranked[i]]:
            j += 1
        level = ranked[i:j + 1]
        if 1 < len(level) < len(teams):   # fewer teams still level: their own matches again
            out += _order_level(level, results, overall)
        else:
            out += sorted(level, key=lambda t: (-overall[t]["goal_difference"], -overall[t]["goals_for"], t))
        i = j + 1
    return out


def rank_group(table: pd.DataFrame, results: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    """The standings of a group in UEFA's 2020-21 group-stage order (see the module docstring),
    positions renumbered."""
    if table.empty:
        return table
    overall = {r["team"]: r for r in table.to_dict("records")}
    order: list[str] = []
    for _, level in table.groupby("points", sort=False):
        order += _order_level(list(level["team"]), results, overall)
    order.sort(key=lambda t: -int(overall[t]["points"]))   # stable: the groups keep their inner order
    out = table.set_index("team").loc[order].reset_index()
    out["position"] = pd.array(range(1, len(out) + 1), dtype="Int64")
    return out


def form(fixtures: pd.DataFrame, team: str, as_of: str, last: int = 5) -> str:
    """'WDLWW': the team's last results on or before as_of, oldest first."""
    played = fixtures[((fixtures["home"] == team) | (fixtures["away"] == team)) & (fixtures["date"] <= as_of)
                      & fixtures["home_goals"].notna()].sort_values("date")
    out = []
    for r in played.to_dict("records"):
        ours, theirs = (r["home_goals"], r["away_goals"]) if r["home"] == team else (r["away_goals"], r["home_goals"])
        out.append("W" if ours > theirs else "D" if ours == theirs else "L")
    return "".join(out[-last:])


def _remaining(fx: pd.DataFrame, as_of: str) -> pd.DataFrame:
    return fx[(fx["date"] > as_of) | fx["home_goals"].isna()].sort_values("date")


def _verdict(points: dict[str, int], club: str) -> str:
    above = sum(p > points[club] for t, p in points.items() if t != club)
    level = sum(p == points[club] for t, p in points.items() if t != club)
    if above + level < QUALIFYING_PLACES:
        return "in"
    return "out" if above >= QUALIFYING_PLACES else "tie"


def what_club_needs(fixtures: pd.DataFrame, competition: str, group: str, club: str,
                    as_of: date | str) -> dict | None:
    """The club's next group match and, per result of it, "enough", "not enough" or "depends".

    None when the club has no group match left after as_of (the group is done for it).
    """
    day = as_of.isoformat() if isinstance(as_of, date) else str(as_of)
    fx = group_fixtures(fixtures, competition, group)
    left = _remaining(fx, day)
    mine = left[(left["home"] == club) | (left["away"] == club)]
    if mine.empty:
        return None
    nxt = mine.iloc[0]
    base = {r["team"]: int(r["points"]) for r in standings(fx, None, competition, day, "final").to_dict("records")}
    others = [r for r in left.to_dict("records") if r["fixture_id"] != nxt["fixture_id"]]
    verdicts = {}
    for name, (hg, ag) in OUTCOMES.items():
        ours = (hg, ag) if nxt["home"] == club else (ag, hg)
        seen = set()
        for combo in product(OUTCOMES.values(), repeat=len(others)):
            pts = dict(base)
            for (h, a), (home, away) in [(ours, (nxt["home"], nxt["away"]))] + list(zip(combo, [(o["home"], o["away"]) for o in others])):
                pts[home] += 3 if h > a else 1 if h == a else 0
                pts[away] += 3 if a > h else 1 if h == a else 0
            seen.add(_verdict(pts, club))
        verdicts[name] = "enough" if seen == {"in"} else "not enough" if seen == {"out"} else "depends"
    opponent = nxt["away"] if nxt["home"] == club else nxt["home"]
    return {"date": nxt["date"], "opponent": opponent, "venue": "home" if nxt["home"] == club else "away",
            "fixture_id": nxt["fixture_id"], "verdicts": verdicts}


def describe_needs(needs: dict | None) -> str:
    """'Against Ashford (away, 2020-12-09): a win is enough; a draw is enough; a loss is not enough.'"""
    if needs is None:
        return ""
    where = "at" if needs["venue"] == "away" else "at home to"
    enough = [r for r, v in needs["verdicts"].items() if v == "enough"]
    parts = []
    if enough:
        weakest = enough[-1]
        parts.append(f"a {weakest} {where} {needs['opponent']} is enough"
                     if weakest != "win" else f"only a win {where} {needs['opponent']} is sure to be enough")
    for r, v in needs["verdicts"].items():
        if v == "depends":
            parts.append(f"a {r} depends on the other results or on tie-breakers")
        elif v == "not enough":
            parts.append(f"a {r} is not enough")
    if not enough and not parts:
        return ""
    return "; ".join(parts)


def knockout_ties(fixtures: pd.DataFrame, competition: str, club: str) -> pd.DataFrame:
    """The club's knockout matches (after the groups), in round order then date."""
    fx = fixtures[(fixtures["competition"] == competition) & ~fixtures["round"].str.startswith("Group")
                  & ((fixtures["home"] == club) | (fixtures["away"] == club))]
    order = {r: i for i, r in enumerate(KNOCKOUT_ORDER)}
    fx = fx.assign(_o=fx["round"].map(lambda r: order.get(r, len(order)))).sort_values(["_o", "date"])
    return fx.drop(columns="_o").reset_index(drop=True)
