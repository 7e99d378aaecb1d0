"""A small hand-made set of tables for the view tests: two articles, three matches of an
invented club (a win, a cup draw away, a postponement), a few statuses and two events."""
from __future__ import annotations

import pandas as pd

from fanboard.tables import frame

M1, M2, M3 = "2021-03-06-rivertown-northfield", "2021-03-13-eastbury-rivertown", "2021-03-20-rivertown-westford"


def small_tables() -> dict[str, pd.DataFrame]:
    return {
        "articles": frame("articles", [
            {"article_id": "a", "file": "a.txt", "headline": "Rivertown beat Northfield and the row goes on",
             "language": "en", "published": "2021-03-08"},
            {"article_id": "b", "file": "b.txt", "headline": "", "language": "it", "published": "2021-03-14"},
        ]),
        "matches": frame("matches", [
            {"match_id": M1, "date": "2021-03-06", "competition": "League", "round": "Matchday 5",
             "home": "Rivertown", "away": "Northfield", "home_goals": "2", "away_goals": "1",
             "status": "played", "sources": "a;b"},
            {"match_id": M2, "date": "2021-03-13", "competition": "Cup", "round": "Quarter-final",
             "home": "Eastbury", "away": "Rivertown", "home_goals": "0", "away_goals": "0",
             "status": "played", "sources": "b"},
            {"match_id": M3, "date": "2021-03-20", "competition": "League", "round": "Matchday 7",
             "home": "Rivertown", "away": "Westford", "status": "postponed", "status_reason": "snow",
             "sources": "a"},
        ]),
        "player_status": frame("player_status", [
            {"player": "Ana Brandt", "status": "started", "match_id": M1, "date": "2021-03-06",
             "certainty": "confirmed", "article_id": "a;b", "quote": "Brandt started."},
            {"player": "Tomás Leal", "status": "substituted_on", "match_id": M1, "date": "2021-03-06",
             "certainty": "reported", "article_id": "a", "quote": "Leal came on."},
            {"player": "Ana Brandt", "status": "left_out", "match_id": M2, "date": "2021-03-13",
             "certainty": "reported", "article_id": "b", "quote": "Brandt was left out."},
            {"player": "Tomás Leal", "status": "contract_until", "value": "2022-06-01/2022-07-31",
             "certainty": "confirmed", "article_id": "a", "quote": "Leal's contract runs to 2022."},
        ]),
        "events": frame("events", [
            {"event_id": "e001", "date": "2021-03-07", "date_from": "2021-03-07", "date_to": "2021-03-07",
             "event_type": "dispute", "actors": "Ana Brandt;Ole Strand", "certainty": "confirmed",
             "summary": "Dispute between Ana Brandt and Ole Strand", "sources": "a", "quote": "They argued.",
             "date_precision": "day"},
            {"event_id": "e002", "date_from": "2021-03-10", "date_to": "2021-03-14",
             "event_type": "squad_exclusion", "actors": "Ana Brandt", "match_id": M2, "certainty": "reported",
             "summary": "Left out of the squad: Ana Brandt left out", "sources": "b",
             "quote": "Brandt was left out.", "date_precision": "range"},
        ]),
        "situation": frame("situation", [
            {"as_of": "2021-03-08", "competition": "League", "metric": "league_position", "value": "3",
             "article_id": "a", "quote": "Rivertown are third."},
        ]),
        "standings": frame("standings", [
            {"as_of": "2021-03-07", "matchday": "5", "team": "Rivertown", "position": "4", "points": "10",
             "played": "5", "gap_to_leader": "2", "gap_to_fourth": "0", "basis": "at_the_time"},
            {"as_of": "2021-03-07", "matchday": "5", "team": "Rivertown", "position": "5", "points": "9",
             "played": "5", "gap_to_leader": "3", "gap_to_fourth": "1", "basis": "final"},
        ]),
        "contradictions": frame("contradictions", [
            {"subject": M1, "field": "score", "values": "a: 3-1 | calendar: 2-1", "sources": "a",
             "resolution": "2-1", "rule": "calendar", "explanation": "The calendar wins."},
        ]),
        "provenance": frame("provenance", [
            {"table": "matches", "row_key": M1, "article_id": "a", "sentence_start": "0", "sentence_end": "20",
             "certainty": "confirmed", "quote": "Rivertown beat them."},
            {"table": "matches", "row_key": M1, "article_id": "b", "sentence_start": "0", "sentence_end": "10",
             "certainty": "confirmed", "quote": "A 2-1 win."},
            {"table": "matches", "row_key": M3, "article_id": "a", "sentence_start": "30", "sentence_end": "50",
             "certainty": "confirmed", "quote": "Snow stopped it."},
            {"table": "events", "row_key": "e001", "article_id": "a", "sentence_start": "60",
             "sentence_end": "72", "certainty": "confirmed", "quote": "They argued."},
            {"table": "player_status", "row_key": f"Ana Brandt|left_out|{M2}", "article_id": "b",
             "sentence_start": "20", "sentence_end": "40", "certainty": "reported", "quote": "Brandt was left out."},
        ]),
    }
