"""One match on its own page: the result, the articles that mention it, its contradictions.

The page is built from sections, each a function here, so that sections for line-ups and
goals can be added beside them: ``match_lineup`` already reads the starters and changes of
``player_status`` when the build has them.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping
from urllib.parse import urlencode

import pandas as pd

from .cells import Tables, split, to_date
from .shaping import GRID_STATUSES

LINEUP_ORDER = ["started", "substituted_off", "substituted_on", "unused_substitute", "left_out"]


def match_url(match_id: str) -> str:
    """The match page's own address, relative to the app (shareable)."""
    return "match?" + urlencode({"match": match_id})


def event_url(event_id: str) -> str:
    """The Timeline with this event opened (shareable)."""
    return "timeline?" + urlencode({"event": event_id})


def replay_dates(matches: pd.DataFrame, fixtures: pd.DataFrame | None) -> dict[str, date]:
    """match_id -> the day a postponed match was played, from the calendar it is linked to."""
    if fixtures is None or fixtures.empty:
        return {}
    days = dict(zip(fixtures["fixture_id"], fixtures["date"]))
    out = {}
    for r in matches.to_dict("records"):
        if r["status"] != "postponed" or not r.get("reference"):
            continue
        day = to_date(days.get(r["reference"]))
        if day and day != to_date(r["date"]):
            out[r["match_id"]] = day
    return out


def calendar_results(matches: pd.DataFrame, fixtures: pd.DataFrame | None, as_of: date | None) -> dict[str, tuple[int, int]]:
    """match_id -> (home goals, away goals) of the calendar, for a match the articles give no
    score of (left "scheduled" by a preview or a live blog before kick-off, or told without its
    result) that the calendar it is linked to says was played by `as_of`: a fan looking back at
    it expects its result, not "scheduled" or a blank."""
    if fixtures is None or fixtures.empty or as_of is None or matches.empty:
        return {}
    done = fixtures[fixtures["status"].isin(["played", "awarded"]) & fixtures["home_goals"].astype(str).str.isdigit()
                    & fixtures["away_goals"].astype(str).str.isdigit()]
    known = {f: (to_date(d), int(h), int(a)) for f, d, h, a in
             zip(done["fixture_id"], done["date"], done["home_goals"], done["away_goals"])}
    out = {}
    for mid, status, ref, hg in zip(matches["match_id"], matches["status"], matches["reference"], matches["home_goals"]):
        if status != "postponed" and hg == "" and ref in known:
            day, h, a = known[ref]
            if day and day <= as_of:
                out[mid] = (h, a)
    return out


def match_mentions(tables: Tables, match_id: str, labels: Mapping[str, str],
                   urls: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every article that mentions the match, one row per sentence: the match itself, and the
    statuses and events set in it.

    Columns: article (label), article_id, url (http/https or ""), about, sentence_start, quote.
    """
    urls = urls or {}
    pv = tables["provenance"]
    keys = {("matches", match_id)}
    ps = tables["player_status"][tables["player_status"]["match_id"] == match_id]
    keys |= {("player_status", f"{r['player']}|{r['status']}|{r['match_id']}") for r in ps.to_dict("records")}
    ev = tables["events"][tables["events"]["match_id"] == match_id]
    keys |= {("events", e) for e in ev["event_id"]}
    about = {"matches": "the match", "player_status": "a player", "events": "the conflict"}
    rows = []
    for r in pv.to_dict("records"):
        if (r["table"], r["row_key"]) in keys:
            rows.append({"article": labels.get(r["article_id"], r["article_id"]), "article_id": r["article_id"],
                         "url": urls.get(r["article_id"], ""), "about": about[r["table"]],
                         "sentence_start": int(r["sentence_start"] or 0), "quote": r["quote"]})
    cols = ["article", "article_id", "url", "about", "sentence_start", "quote"]
    out = pd.DataFrame(rows, columns=cols).drop_duplicates(["article_id", "quote"])
    # Articles that list the match as a source but gave no sentence still count.
    m = tables["matches"][tables["matches"]["match_id"] == match_id]
    named = [a for cell in m["sources"] for a in split(cell)]
    missing = [a for a in dict.fromkeys(named) if a not in set(out["article_id"])]
    extra = pd.DataFrame([{"article": labels.get(a, a), "article_id": a, "url": urls.get(a, ""),
                           "about": "the match", "sentence_start": 0, "quote": ""} for a in missing], columns=cols)
    out = pd.concat([out, extra], ignore_index=True) if len(extra) else out
    return out.sort_values(["article", "sentence_start"], kind="stable").reset_index(drop=True)


def match_lineup(player_status: pd.DataFrame, match_id: str, teams: tuple[str, ...] = ()) -> pd.DataFrame:
    """Who started, came off, came on, sat unused or was left out, with the minute when known,
    and the club each played for.

    Columns: player, club, status, minute, certainty, article_id. Empty when the articles give
    none. club: the player's club on the match's day in the knowledge base (its dated
    memberships), when it is one of the match's teams (given); '' when it is not known.
    """
    rows = player_status[(player_status["match_id"] == match_id) & player_status["status"].isin(LINEUP_ORDER)]
    order = {s: i for i, s in enumerate(LINEUP_ORDER)}
    out = rows.assign(
        _o=rows["status"].map(order),
        minute=[v if s in ("substituted_off", "substituted_on") else "" for s, v in zip(rows["status"], rows["value"])],
        status=rows["status"].map(GRID_STATUSES.get),
    )
    out = out.assign(club=[club_on(p, d, teams) for p, d in zip(out["player"], out["date"])])
    out = out.sort_values(["_o", "club", "player"], kind="stable")
    return out[["player", "club", "status", "minute", "certainty", "article_id"]].reset_index(drop=True)


def club_on(player: str, day: object, teams: tuple[str, ...] = ()) -> str:
    """The club the knowledge base places the player at on that day, by the club's name in
    the tables; '' when it does not know him, or names a club that is not one of the teams."""
    from ..kb import KB
    from .filters import _kb

    kb = _kb(KB)
    person = kb.person(player) if kb else None
    if person is None:
        return ""
    club = kb.club_by_id(kb.club_of(person, to_date(day)))
    if club is None:
        return ""
    if not teams:
        return club.name
    for team in teams:   # the tables' own name of the club (an alias of the same club)
        if team == club.name or (kb.club(team) is not None and kb.club(team).id == club.id):
            return team
    return ""
