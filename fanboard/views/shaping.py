"""Shape the (filtered) tables into what the pages show: results, timelines, grids, overviews.

Pure pandas; no Streamlit import. The pages call these functions and only draw what they return,
so everything a page shows can be tested without a browser.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Iterable, Mapping

import pandas as pd

from ..schema import EVENT_TYPES, PLAYER_STATUSES, TABLES
from .cells import Tables, date_window, format_day, human_value, humanize, split, to_date, where


# What the player grid shows for each status, most telling first: when two articles disagree
# about one player in one match, the grid shows the first status in this order.
GRID_STATUSES: dict[str, str] = {
    "substituted_off": "subbed off",
    "substituted_on": "subbed on",
    "started": "started",
    "unused_substitute": "unused",
    "left_out": "left out",
}
NO_INFORMATION = "no information"
GRID_LABELS: tuple[str, ...] = tuple(GRID_STATUSES.values()) + (NO_INFORMATION,)
STANDING_STATUSES = tuple(s for s in PLAYER_STATUSES if s not in GRID_STATUSES)

# What a result code (match_results' "result") is called on the pages and in the charts.
RESULT_LABELS = {"W": "won", "D": "drawn", "L": "lost", "P": "postponed", "S": "scheduled",
                 "N": "other clubs"}


# ---------------------------------------------------------------------- matches

def match_results(matches: pd.DataFrame, club: str | None, labels: Mapping[str, str] | None = None,
                  replays: Mapping[str, date] | None = None,
                  calendar: Mapping[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """One row per match from the club's point of view, sorted by date.

    Columns: match_id, date (datetime), competition, round, venue, opponent, score
    (club's goals first), result (W/D/L/P/S, or N for a match without the club: it has no
    venue or result from the club's point of view), result_label, status, status_reason,
    replay (the day a postponed match was played, when the calendar knows it), fixture
    ("Rivertown 2-2 Northfield"), sources (labels), source_ids, involves_club.

    `calendar`: match_id -> the calendar's score of a match the articles left scheduled and the
    calendar says was played (matchpage.calendar_results); it is shown played, with that score
    and the reason "result from the calendar".
    """
    labels, replays, calendar = labels or {}, replays or {}, calendar or {}
    rows = [_result_row(_with_calendar(r, calendar.get(r["match_id"])), club, labels, replays.get(r["match_id"]))
            for r in matches.to_dict("records")]
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    return out.sort_values("date", kind="stable").reset_index(drop=True)


RESULT_COLUMNS = ["match_id", "date", "competition", "round", "venue", "opponent", "score", "fixture_score",
                  "result", "result_label", "status", "status_reason", "replay", "fixture", "sources",
                  "source_ids", "involves_club"]


CALENDAR_REASON = "result from the calendar"


def _with_calendar(r: dict, score: tuple[int, int] | None) -> dict:
    if score is None:
        return r
    return {**r, "home_goals": str(score[0]), "away_goals": str(score[1]), "status": "played",
            "status_reason": CALENDAR_REASON}


def _result_row(r: dict, club: str | None, labels: Mapping[str, str], replay: date | None) -> dict:
    start, _ = date_window(r)
    ours_known = club in (r["home"], r["away"])
    home = r["home"] == club
    opponent = (r["away"] if home else r["home"]) if ours_known else ""
    hg, ag = r["home_goals"], r["away_goals"]
    centre = f"{hg}-{ag}" if hg != "" and ag != "" else "–"
    if r["status"] == "postponed":
        result, score = "P", ""
    elif not ours_known:
        result, score = ("N", centre) if centre != "–" else ("S", "")
    elif centre != "–":
        ours, theirs = (int(hg), int(ag)) if home else (int(ag), int(hg))
        result = "W" if ours > theirs else "D" if ours == theirs else "L"
        score = f"{ours}-{theirs}"
    else:
        result, score = "S", ""
    return {
        "match_id": r["match_id"],
        "date": pd.Timestamp(start) if start else pd.NaT,
        "competition": r["competition"],
        "round": r["round"],
        "venue": ("home" if home else "away") if ours_known else "",
        "opponent": (opponent or "(not named)") if ours_known else "",
        "score": score,
        "fixture_score": centre if centre != "–" else "",
        "result": result,
        "result_label": RESULT_LABELS[result],
        "status": r["status"],
        "status_reason": r["status_reason"],
        "replay": pd.Timestamp(replay) if replay else pd.NaT,
        "fixture": f"{r['home'] or '?'} {centre} {r['away'] or '?'}",
        "sources": ", ".join(labels.get(s, s) for s in split(r["sources"])),
        "source_ids": r["sources"],
        "involves_club": ours_known,
    }


def gap_words(gap, position=None, place: str = "fourth place") -> str:
    """A points gap to a place as a fan says it: "6 points behind fourth place", "13 points ahead
    of fourth place" (a computed gap is negative for a club above it), "level on points with
    fourth place", or "in fourth place" when the club is the one there."""
    gap = int(gap)
    pos = int(position) if str(position or "").isdigit() else None
    if pos == 4:
        return f"in {place}"
    if gap < 0:
        return f"{-gap} point{'s' * (gap != -1)} ahead of {place}"
    if gap == 0:
        return f"level on points with {place}"
    return f"{gap} point{'s' * (gap != 1)} behind {place}"


def up_to(frame: pd.DataFrame, day, column: str) -> pd.DataFrame:
    """The rows of `frame` whose `column` (a day) is on or before `day`; all of them when `day`
    is None. A row without a day is left out once a day is asked for: nothing says it was by then."""
    if day is None or frame.empty:
        return frame
    return frame[pd.to_datetime(frame[column]).le(pd.Timestamp(day))].reset_index(drop=True)


def own_matches(results: pd.DataFrame) -> pd.DataFrame:
    """The club's own matches of match_results' frame (every match when no club is chosen:
    no involves_club anywhere), in their order."""
    if results.empty or not results["involves_club"].any() or results["involves_club"].all():
        return results
    return results[results["involves_club"]].reset_index(drop=True)


def timeline_matches(results: pd.DataFrame, events: pd.DataFrame, *, others: bool = False) -> pd.DataFrame:
    """The matches the Timeline draws: the club's own, and any match one of `events` (the
    events shown) refers to by its match_id. A match between other clubs is drawn only with
    `others`; without a club (no involves_club anywhere) every match is drawn.

    `results` is match_results' frame; the rows kept keep their order.
    """
    if others or results.empty or not results["involves_club"].any():
        return results
    referred = set(events["match_id"]) - {""} if len(events) else set()
    keep = results["involves_club"] | results["match_id"].isin(referred)
    return results if keep.all() else results[keep].reset_index(drop=True)


def match_players(player_status: pd.DataFrame, match_id: str) -> pd.DataFrame:
    """Who did what in one match, one row per player and status, with the article quote."""
    rows = player_status[player_status["match_id"] == match_id]
    out = rows.assign(status=rows["status"].map(lambda s: GRID_STATUSES.get(s, humanize(s))))
    return out[["player", "status", "certainty", "article_id", "quote"]].reset_index(drop=True)


# ------------------------------------------------------------ events & timeline

def event_type_order(events: pd.DataFrame) -> list[str]:
    """Type labels in the schema's order (the story's order), then any unknown ones."""
    present = list(dict.fromkeys(events["event_type"]))
    known = [t for t in EVENT_TYPES if t in present]
    return [humanize(t) for t in known + [t for t in present if t not in EVENT_TYPES]]


def league_positions(standings: pd.DataFrame, situation: pd.DataFrame, club: str | None) -> pd.DataFrame:
    """The club's league position over time: computed table rows and article claims.

    Columns: day, position, basis ("computed table" or "article"), detail.
    """
    rows = []
    for r in table_as_it_stood(standings)[lambda t: t["team"] == club].to_dict("records"):
        if to_date(r["as_of"]) and r["position"]:
            rows.append({
                "day": pd.Timestamp(to_date(r["as_of"])),
                "position": int(r["position"]),
                "basis": "computed table",
                "detail": (f"matchday {r['matchday']}: {r['points']} pts from {r['played']} games, "
                           f"{r['gap_to_leader']} behind the leader, {gap_words(r['gap_to_fourth'], r['position'], '4th')}"),
            })
    claims = situation[situation["metric"] == "league_position"]
    for r in claims.to_dict("records"):
        if to_date(r["as_of"]) and r["value"].isdigit():
            rows.append({
                "day": pd.Timestamp(to_date(r["as_of"])),
                "position": int(r["value"]),
                "basis": "article",
                "detail": r["quote"],
            })
    out = pd.DataFrame(rows, columns=["day", "position", "basis", "detail"])
    return out.sort_values(["day", "basis"], kind="stable").reset_index(drop=True)


def provenance(tables: Tables, table: str, row_key: str) -> pd.DataFrame:
    """Where a row comes from: article, language, headline, character span and the quote."""
    pv = tables["provenance"]
    rows = pv[(pv["table"] == table) & (pv["row_key"] == row_key)]
    arts = tables["articles"].set_index("article_id")
    out = rows.assign(
        headline=rows["article_id"].map(lambda a: arts["headline"].get(a, "")),
        language=rows["article_id"].map(lambda a: arts["language"].get(a, "")),
    )
    return out[["article_id", "language", "headline", "sentence_start", "sentence_end",
                "certainty", "quote"]].reset_index(drop=True)


# ---------------------------------------------------------------------- players

def player_grid(player_status: pd.DataFrame, results: pd.DataFrame, players: Iterable[str]) -> pd.DataFrame:
    """One row per player and match: what the player did, or "no information".

    Columns: player, match_id, day, match (label), competition, status, certainty, sources.
    """
    rows = []
    order = {s: i for i, s in enumerate(GRID_STATUSES)}
    for player in players:
        mine = player_status[player_status["player"] == player]
        for m in results.to_dict("records"):
            claims = mine[(mine["match_id"] == m["match_id"]) & mine["status"].isin(list(GRID_STATUSES))]
            if len(claims):
                best = min(claims["status"], key=order.__getitem__)
                chosen = claims[claims["status"] == best]
                status = GRID_STATUSES[best]
                certainty = "confirmed" if (chosen["certainty"] == "confirmed").any() else "reported"
                sources = ";".join(dict.fromkeys(chosen["article_id"]))
            else:
                status, certainty, sources = NO_INFORMATION, "", ""
            rows.append({
                "player": player,
                "match_id": m["match_id"],
                "day": m["date"],
                "match": f"{m['date']:%d %b} {m['opponent']}" if pd.notna(m["date"]) else m["opponent"],
                "competition": m["competition"],
                "status": status,
                "certainty": certainty,
                "sources": sources,
            })
    return pd.DataFrame(rows, columns=["player", "match_id", "day", "match", "competition",
                                       "status", "certainty", "sources"])


def standing_facts(player_status: pd.DataFrame, player: str) -> pd.DataFrame:
    """Facts about a player that are not about one match: captain, contract, departure."""
    rows = player_status[(player_status["player"] == player) & player_status["status"].isin(STANDING_STATUSES)]
    out = rows.assign(fact=rows["status"].map(humanize), value=rows["value"].map(human_value))
    out = out[["fact", "value", "certainty", "article_id", "quote"]]
    return out.drop_duplicates(["fact", "value", "certainty", "article_id"]).reset_index(drop=True)


def events_of(events: pd.DataFrame, player: str) -> pd.DataFrame:
    return where(events, (player in split(c) for c in events["actors"])).reset_index(drop=True)


def players_summary(player_status: pd.DataFrame, match_id: str) -> str:
    """'Ana Brandt: subbed off · Tomás Leal: subbed on' for one match."""
    rows = player_status[(player_status["match_id"] == match_id) & player_status["status"].isin(list(GRID_STATUSES))]
    order = {s: i for i, s in enumerate(GRID_STATUSES)}
    best: dict[str, str] = {}
    for r in rows.to_dict("records"):
        if r["player"] not in best or order[r["status"]] < order[best[r["player"]]]:
            best[r["player"]] = r["status"]
    return " · ".join(f"{p}: {GRID_STATUSES[s]}" for p, s in best.items())


# --------------------------------------------------------------------- overview

def latest(rows: pd.DataFrame, as_of: date | None, column: str = "as_of") -> pd.DataFrame:
    """Rows with the latest `column` date on or before as_of."""
    if rows.empty:
        return rows
    days = rows[column].map(to_date)
    ok = days.map(lambda d: d is not None and (as_of is None or d <= as_of))
    if not ok.any():
        return rows.iloc[0:0]
    last = days[ok].max()
    return rows[days == last]


def article_claims(situation: pd.DataFrame, competition: str, as_of: date | None) -> dict[str, str]:
    """The latest value of each metric the articles give for a competition, as of a day."""
    out: dict[str, str] = {}
    rows = situation[situation["competition"] == competition]
    for metric, group in rows.groupby("metric", sort=False):
        last = latest(group, as_of)
        if len(last):
            out[str(metric)] = last.iloc[-1]["value"]
            out[f"{metric}__as_of"] = last.iloc[-1]["as_of"]
    return out


def table_as_it_stood(standings: pd.DataFrame) -> pd.DataFrame:
    """The rows of the table as it stood on each day (basis "at_the_time"), which is what the
    articles of the day report; the "final" basis (from final results) is for the contradictions."""
    if "basis" not in standings or not (standings["basis"] == "at_the_time").any():
        return standings
    return standings[standings["basis"] == "at_the_time"]


def computed_standing(standings: pd.DataFrame, club: str | None, as_of: date | None) -> dict[str, str]:
    table = table_as_it_stood(standings)
    last = latest(table[table["team"] == club], as_of)
    return dict(last.iloc[-1]) if len(last) else {}


def league_of(tables: Tables) -> str | None:
    """The league the standings table belongs to.

    The standings table has no competition column; the league is the competition the articles
    give a league position in, else the competition with the most matches.
    """
    claims = tables["situation"][tables["situation"]["metric"] == "league_position"]
    if len(claims):
        return Counter(claims["competition"]).most_common(1)[0][0]
    comps = Counter(c for c in tables["matches"]["competition"] if c)
    return comps.most_common(1)[0][0] if comps else None


# ---------------------------------------------------------------------- sources

def subject_label(tables: Tables, subject: str, club: str | None = None) -> str:
    """A readable name for a contradiction's subject: the fixture of a match, the summary of an event."""
    m = tables["matches"][tables["matches"]["match_id"] == subject]
    if len(m):
        r = match_results(m, club).iloc[0]
        return f"{r['fixture']} ({r['competition']}, {format_day(r['date'].date()) if pd.notna(r['date']) else 'date unknown'})"
    e = tables["events"][tables["events"]["event_id"] == subject]
    if len(e):
        return f"{humanize(e.iloc[0]['event_type'])}: {e.iloc[0]['summary']}"
    return subject
