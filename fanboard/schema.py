"""The table schema: a contract between the pipeline, the app and the README.

Every table is written as UTF-8 CSV with a header row, columns in this order.
Multi-valued cells are joined with ";" (article ids, actor names).
Empty cells mean "the articles and the calendar do not say".

articles.club is the club the article is mostly about, read from its text (the point of view
of its matches), and club_evidence why: each leading club's score (a mention counts 1, one of
its people 0.5, twice that in the headline), e.g. "Orbury 4.5 (3 mentions, 3 of its people, in
the headline); Rivertown 1 (1 mention)". With no club named it is $FANBOARD_CLUB, if set.
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
        "sources", "date_precision", "date_basis", "reference", "curated",
    ],
    "player_status": [
        "player", "status", "match_id", "date", "value", "certainty",
        "article_id", "quote", "match_data", "curated",
    ],
    "events": [
        "event_id", "date", "date_from", "date_to", "event_type", "actors",
        "agents", "targets", "match_id", "certainty", "summary", "sources", "quote",
        "date_precision", "date_basis", "curated",
    ],
    "goals": [
        "match_id", "date", "scorer", "team", "minute", "penalty", "own_goal",
        "certainty", "sources", "quote", "curated",
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
    "unknown_names": [
        "name", "kind", "club", "count", "article_ids", "sentences",
    ],
    "curation": [
        "id", "at", "who", "action", "table", "key", "field", "value", "old",
        "other", "why", "state",
    ],
}

# Curation (fanboard.curation, README "Correcting the record"):
# - `curated` (matches, player_status, goals, events) is empty for a row as the rules built it;
#   for a row a person touched it lists the curation actions that did, then the row's key in
#   brackets: "c3 corrected home_goals (was 1); c4 confirmed [2020-12-13-a-b]". Tables written
#   before this column existed are read with it empty (CURATED_COLUMN_TABLES).
# - Row keys: matches their match_id, events their event_id; a status row
#   "st-" + the first 10 hex digits of SHA-1 of "match_id|player|status" (all articles'
#   rows of the same claim share it); a goal row "gl-" + SHA-1 of
#   "match_id|scorer|minute|own_goal|n" (n counts equal goals from 1), the same way.
# - `unknown_names`: names the articles use that the knowledge base lacks. kind "lineup"
#   (a name in a known club's team sheet; club is that club) or "cue" (a capitalised name in
#   a sentence with a football cue word); count = how often; sentences joined with " | ".
# - `curation`: every action of the curation log that counts (not undone), with state
#   "applied" or "orphaned" (its row no longer exists in what the rules built).
CURATED_COLUMN_TABLES = ("matches", "player_status", "goals", "events")

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
