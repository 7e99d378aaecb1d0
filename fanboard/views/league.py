"""The league table page: the computed table on any day, with form and the articles' claims.

The table comes from the standings table (one row per team and matchday, for each basis:
"at_the_time" counts the decisions valid on the day, "final" only final results). Form is
read from the same rows: the change in won/drawn/lost from one matchday to the next.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping

import pandas as pd

from .cells import format_day, ordinal, to_date

BASES = {"at_the_time": "as it stood at the time", "final": "from final results"}
COLUMNS = ["position", "team", "played", "won", "drawn", "lost", "goals_for", "goals_against",
           "goal_difference", "points", "form", "matchday", "as_of", "focus"]
CLAIM_METRICS = {
    "league_position": "position", "points_behind_leader": "points behind the leader",
    "points_behind_fourth": "points behind 4th", "games_in_hand": "games in hand",
}


def _basis_rows(standings: pd.DataFrame, basis: str) -> pd.DataFrame:
    if "basis" in standings and (standings["basis"] == basis).any():
        return standings[standings["basis"] == basis]
    return standings


def matchday_on(standings: pd.DataFrame, as_of: date | None, basis: str = "at_the_time") -> str | None:
    """The last matchday ended on or before as_of (its number, as in the table), or None."""
    rows = _basis_rows(standings, basis)
    days = rows["as_of"].map(to_date)
    ok = rows[days.map(lambda d: d is not None and (as_of is None or d <= as_of))]
    if ok.empty:
        return None
    return str(max(ok["matchday"].astype(int)))


def form_by_team(rows: pd.DataFrame, matchday: int, last: int = 5) -> dict[str, str]:
    """'WWDLW' per team: results of its last `last` matches up to `matchday`, oldest first."""
    out: dict[str, str] = {}
    for team, group in rows.groupby("team", sort=False):
        g = group.assign(md=group["matchday"].astype(int)).sort_values("md")
        g = g[g["md"] <= matchday]
        prev = {"won": 0, "drawn": 0, "lost": 0}
        seq = ""
        for r in g.to_dict("records"):
            for col, letter in (("won", "W"), ("drawn", "D"), ("lost", "L")):
                seq += letter * max(0, int(r[col]) - prev[col])
                prev[col] = int(r[col])
        out[str(team)] = seq[-last:]
    return out


def league_table(standings: pd.DataFrame, as_of: date | None, basis: str = "at_the_time",
                 club: str | None = None) -> pd.DataFrame:
    """Every team's row after the last matchday ended on or before as_of, in table order.

    Columns: see COLUMNS; ``focus`` is True for the club. Empty before the first matchday.
    """
    rows = _basis_rows(standings, basis)
    md = matchday_on(standings, as_of, basis)
    if md is None:
        return pd.DataFrame(columns=COLUMNS)
    table = rows[rows["matchday"].astype(str) == md]
    forms = form_by_team(rows, int(md))
    table = table.assign(form=table["team"].map(lambda t: forms.get(t, "")), focus=table["team"] == club)
    num = ["position", "played", "won", "drawn", "lost", "goals_for", "goals_against", "goal_difference", "points"]
    table = table.astype({c: int for c in num})
    return table.sort_values("position")[COLUMNS].reset_index(drop=True)


def table_caption(table: pd.DataFrame, basis: str) -> str:
    """'After matchday 11 (ended 6 Dec 2020), as it stood at the time.'"""
    if table.empty:
        return ""
    first = table.iloc[0]
    return f"After matchday {first['matchday']} (ended {format_day(to_date(first['as_of']))}), {BASES.get(basis, basis)}."


def league_claims(situation: pd.DataFrame, competition: str | None, as_of: date | None,
                  labels: Mapping[str, str]) -> pd.DataFrame:
    """What the articles say about the club's league standing up to as_of, newest first.

    Columns: claim ("position: 9th"), as_of (day), source (label), quote.
    """
    rows = situation[(situation["competition"] == competition) & situation["metric"].isin(list(CLAIM_METRICS))]
    out = []
    for r in rows.to_dict("records"):
        day = to_date(r["as_of"])
        if day is None or (as_of and day > as_of):
            continue
        value = ordinal(r["value"]) if r["metric"] == "league_position" and str(r["value"]).isdigit() else r["value"]
        out.append({"claim": f"{CLAIM_METRICS[r['metric']]}: {value}", "as_of": format_day(day), "_day": day,
                    "source": labels.get(r["article_id"], r["article_id"]), "quote": r["quote"]})
    df = pd.DataFrame(out, columns=["claim", "as_of", "_day", "source", "quote"])
    return df.sort_values("_day", ascending=False, kind="stable").drop(columns="_day").reset_index(drop=True)


def group_positions(fixtures: pd.DataFrame, competition: str, group: str, club: str | None,
                    situation: pd.DataFrame | None = None) -> pd.DataFrame:
    """The club's position in its cup group after each day a group match was played, computed
    from the calendar, and the articles' claims of a position in that competition.

    Columns as shaping.league_positions: day, position, basis ("computed table" or
    "article"), detail.
    """
    from .. import group_table as gt

    fx = gt.group_fixtures(fixtures, competition, group)
    days = sorted({str(d) for d in fx.loc[fx["home_goals"].notna(), "date"]})
    rows = []
    for day in days:
        table = gt.group_table(fixtures, competition, group, day)
        mine = table[table["team"] == club]
        if len(mine):
            r = mine.iloc[0]
            rows.append({"day": pd.Timestamp(day), "position": int(r["position"]), "basis": "computed table",
                         "detail": f"{group}: {int(r['points'])} pts from {int(r['played'])} games"})
    claims = situation if situation is not None else pd.DataFrame(columns=["competition", "metric", "value", "as_of", "quote"])
    claims = claims[(claims["competition"] == competition) & (claims["metric"] == "league_position")]
    for r in claims.to_dict("records"):
        if to_date(r["as_of"]) and str(r["value"]).isdigit():
            rows.append({"day": pd.Timestamp(to_date(r["as_of"])), "position": int(r["value"]),
                         "basis": "article", "detail": r["quote"]})
    out = pd.DataFrame(rows, columns=["day", "position", "basis", "detail"])
    return out.sort_values(["day", "basis"], kind="stable").reset_index(drop=True)
