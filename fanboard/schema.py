"""The table schema: a contract between the pipeline, the app and the README.

Every table is written as UTF-8 CSV with a header row, columns in this order.
Multi-valued cells are joined with ";" (article ids, actor names).
Empty cells mean "the articles and the calendar do not say".

articles.club is the club the article is mostly about, read from its text (the point of view
of its matches), and club_evidence why: each leading club's score (a mention counts 1, one of
its people 0.5, twice that in the headline), e.g. "Inter 4.5 (3 mentions, 3 of its people, in
the headline); Atalanta 1 (1 mention)". With no club named it is $FANBOARD_CLUB, if set.
"""
from __future__ import annotations

TABLES: dict[str, list[str]] = {
    "articles": [
        "article_id", "file", "headline", "language", "published",
        "published_from", "published_to", "source", "url",
        "published_evidence", "warnings", "club", "club_evidence",
    ],
    "matches": [
        "match_id", "date", "date_from", "date_to", "competition", "round",
        "home", "away", "home_goals", "away_goals", "status", "status_reason",
        "sources", "date_precision", "date_basis", "reference",
    ],
    "player_status": [
        "player", "status", "match_id", "date", "value", "certainty",
        "article_id", "quote", "match_data",
    ],
    "events": [
        "event_id", "date", "date_from", "date_to", "event_type", "actors",
        "agents", "targets", "match_id", "certainty", "summary", "sources", "quote",
        "date_precision", "date_basis",
    ],
    "goals": [
        "match_id", "date", "scorer", "team", "minute", "penalty", "own_goal",
        "certainty", "sources", "quote",
    ],
    "situation": [
        "as_of", "competition", "metric", "value", "article_id", "quote",
    ],
    "contradictions": [
        "subject", "field", "values", "sources", "resolution", "rule",
        "explanation",
    ],
    "standings": [
        "as_of", "matchday", "team", "position", "points", "played", "won",
        "drawn", "lost", "goals_for", "goals_against", "goal_difference",
        "gap_to_leader", "gap_to_fourth", "games_in_hand", "basis",
    ],
    "provenance": [
        "table", "row_key", "article_id", "sentence_start", "sentence_end",
        "certainty", "quote",
    ],
}

MATCH_STATUSES = ("played", "postponed", "scheduled")
CERTAINTIES = ("confirmed", "reported")
# player_status.match_data: what the Serie A appearances (data/reference/appearances.csv) say of
# a status about one match: "confirmed", "contradicted", or "" when they cannot tell (another
# competition, a player or match they do not identify). They tell only whether he played.
MATCH_DATA = ("confirmed", "contradicted")
PLAYER_STATUSES = (
    "started", "substituted_off", "substituted_on", "unused_substitute",
    "left_out", "captain", "contract_until", "expected_departure", "joined",
)
EVENT_TYPES = (
    "dispute", "altercation", "substitution", "resignation_offer",
    "sanction_demand", "squad_exclusion", "social_media_post",
    "transfer_report",
)
SITUATION_METRICS = (
    "league_position", "points_behind_leader", "points_behind_fourth",
    "games_in_hand", "requirement", "qualified",
)
DATE_PRECISIONS = ("day", "range", "month", "year")
DATE_BASES = ("stated", "relative_to_publication", "linked_fixture", "inferred")
