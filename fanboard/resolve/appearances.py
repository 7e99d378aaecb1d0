"""The articles' statuses checked against who really played (data/reference/appearances.csv).

The match data list, for every Serie A match, each player who was on the pitch and his
minutes. They tell whether a player played in a match; they do not tell a starter who was
taken off from a substitute who came on, nor an unused substitute from a player left out of
the squad. So a status is judged only on what the data can tell:

- "started", "substituted_off", "substituted_on" say he played;
- "unused_substitute", "left_out" say he did not.

``match_data`` of a status row is "confirmed" when the data agree, "contradicted" when they do
not (and a contradiction row with rule ``appearances`` says so), and empty when the data cannot
tell: another competition, a match told as postponed or not yet played, a player the KB
cannot name, or a match where some of the players listed could not be identified (then a
player missing from the list may be one of them).
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..kb import KB

PLAYED = {"started", "substituted_off", "substituted_on"}
NOT_PLAYED = {"unused_substitute", "left_out"}
SOURCE = "match data"


class Appearances:
    """appearances.csv as lookups: fixture -> (its day, minutes per person, complete?)."""

    def __init__(self, rows: pd.DataFrame):
        self.day: dict[str, str] = {}
        self.minutes: dict[str, dict[str, str]] = defaultdict(dict)
        self.incomplete: set[str] = set()
        if rows.empty:
            return
        columns = (rows[c].tolist() for c in ("fixture_id", "date", "person_id", "minutes"))
        for fid, day, person, minutes in zip(*columns):
            self.day[fid] = day
            if person:
                self.minutes[fid][person] = minutes
            else:
                self.incomplete.add(fid)

    def verdict(self, fixture_id: str, person_id: str) -> tuple[bool, str] | None:
        """(played, minutes) when the data tell; None when they cannot."""
        if fixture_id not in self.day:
            return None
        minutes = self.minutes[fixture_id].get(person_id)
        if minutes is not None:
            return True, minutes
        if fixture_id in self.incomplete:
            return None
        return False, ""


def check_statuses(statuses: list[dict], matches: list[dict], kb: KB, contradictions: list[dict],
                   appearances: pd.DataFrame | None = None) -> None:
    """Set ``match_data`` on every status row (in place) and add a contradiction row for each
    status the match data contradict. ``appearances``: the rows of appearances.csv (default:
    data/reference's file; no file, no data)."""
    if appearances is None:
        from ..appearances import load_appearances
        appearances = load_appearances()
    data = Appearances(appearances)
    by_id = {m["match_id"]: m for m in matches if m.get("match_id")}
    for row in statuses:
        row["match_data"] = ""
        if row["status"] not in PLAYED | NOT_PLAYED or not data.day:
            continue
        m = by_id.get(row["match_id"])
        fixture = m.get("reference", "") if m else ""
        if not m or m.get("status") != "played" or data.day.get(fixture) != m.get("date"):
            continue   # not a match the data cover, or not the day it was played
        person = kb.person(row["player"])
        told = data.verdict(fixture, person.id) if person else None
        if told is None:
            continue
        played, minutes = told
        agrees = played == (row["status"] in PLAYED)
        row["match_data"] = "confirmed" if agrees else "contradicted"
        if not agrees:
            contradictions.append(_contradiction(row, m, played, minutes))


def _contradiction(row: dict, match: dict, played: bool, minutes: str) -> dict:
    ids = row["article_id"] if isinstance(row["article_id"], list) else str(row["article_id"]).split(";")
    said = f"played, {minutes} minutes" if played else "did not play"
    fixture = f"{match['home']}–{match['away']} ({match['date']})"
    if played:
        why = (f"{row['player']} is among the players who appeared in {fixture}, for {minutes} minutes: "
               f"not {'an unused substitute' if row['status'] == 'unused_substitute' else 'left out'}.")
    else:
        why = (f"{row['player']} is not among the players who appeared in {fixture}: "
               f"{'no start' if row['status'] == 'started' else 'not on the pitch'}.")
    return {
        "subject": f"{row['player']} in {row['match_id']}", "field": "status",
        "values": f"{';'.join(ids)}: {row['status']} ({row['certainty']}) | {SOURCE}: {said}",
        "sources": ";".join(sorted(set(ids))), "resolution": said, "rule": "appearances",
        "explanation": why + " The match data list every player who was on the pitch, with the minutes "
                             "played; they do not tell a starter from a substitute.",
    }
