"""Shape the tables for the dashboard: filters, joins, labels and the highlighted article text.

Pure pandas; no Streamlit import. The pages call these functions and only draw what they return,
so everything a page shows can be tested without a browser. Every table cell is a string
(see fanboard.tables); empty means "the articles do not say".

The modules, in the order a page uses them:

- ``cells``      reading cells: lists ("a;b"), dates, date windows and bounds, readable values;
- ``articles``   an article's label (outlet · date · headline · short id), link and "as of";
- ``filters``    the sidebar's options and ``apply_filters``, which narrows every table;
- ``narrowing``  a choice of people worked out from the same view without people;
- ``league``     the league table on any day, with form and the articles' claims beside it;
- ``matchpage``  one match: its result, the articles that mention it, its line-up;
- ``search``     the sidebar's search over claims and sentences;
- ``shaping``    results, the player grid, league positions and the overview;
- ``timeline``   events with honest dates (day, range, bound), the same event told twice merged;
- ``contradictions`` who says what, credited to the right article;
- ``highlight``  the article text as escaped HTML with claims and names marked;
- ``dashboard``  the ``Dashboard`` every page gets, and whether the tables need a rebuild.

Pages import ``fanboard.views`` and use the names below; they stay importable from here.
"""
from __future__ import annotations

from ..text import fold, md_escape, slug
from .articles import (
    WELL_BOUNDED_DAYS, article_label, article_labels, article_urls, default_as_of, outlet,
    find_articles, language_name, named_outlet, newest_first, published_text, published_window, safe_url, short_id, with_labels,
)
from .cells import (
    MONTHS, Tables, date_kind, date_window, day_range, describe_when, format_day, human_value,
    humanize, open_window, ordinal, split, to_date,
)
from .contradictions import article_statements, contradictions_about, contradictions_view, parse_values
from .search import query_terms, search_frame, search_text
from .league import BASES, group_positions, league_claims, league_table, matchday_on, table_caption
from .matchpage import event_url, match_lineup, match_mentions, match_url, replay_dates, calendar_results
from .timeline import OPEN_ARROW_DAYS, last_event, merge_same_events, timeline_events
from .dashboard import Dashboard, tables_need_build, tables_signature
from .filters import (
    SAGA_LEAD_IN_DAYS, Filters, allowed_articles, apply_filters, club_options, club_people, competitions, events_about,
    date_bounds, default_club, focus_club, languages, people, people_label, saga_window,
)
from .highlight import (
    CLAIM_STYLE, ENTITY_STYLE, Highlight, claim_spans, entity_spans, entity_terms, highlighted_html,
    read_article_text,
)
from .shaping import (
    GRID_LABELS, GRID_STATUSES, NO_INFORMATION, RESULT_LABELS, STANDING_STATUSES, article_claims,
    computed_standing, event_type_order, events_of, latest,
    league_of, league_positions, match_players, match_results, own_matches, up_to, gap_words, player_grid, players_summary, timeline_matches,
    provenance, standing_facts, subject_label, table_as_it_stood,
)

__all__ = [
    "fold", "md_escape", "slug",
    "WELL_BOUNDED_DAYS", "article_label", "article_urls", "default_as_of", "find_articles",
    "newest_first", "outlet",
    "published_text", "published_window", "safe_url", "short_id", "with_labels",
    "date_kind", "day_range", "open_window",
    "article_statements", "contradictions_about", "parse_values",
    "query_terms", "search_frame", "search_text",
    "OPEN_ARROW_DAYS", "merge_same_events",
    "BASES", "group_positions", "league_claims", "league_table", "matchday_on", "table_caption",
    "event_url", "match_lineup", "match_mentions", "match_url", "replay_dates", "calendar_results",
    "MONTHS", "Tables", "date_window", "describe_when", "format_day", "human_value", "humanize",
    "ordinal", "split", "to_date",
    "Dashboard", "tables_need_build", "tables_signature",
    "SAGA_LEAD_IN_DAYS", "Filters", "allowed_articles", "apply_filters", "article_labels",
    "club_options", "club_people", "competitions", "events_about", "date_bounds", "default_club", "focus_club", "languages", "people", "people_label", "saga_window",
    "CLAIM_STYLE", "ENTITY_STYLE", "Highlight", "claim_spans", "entity_spans", "entity_terms",
    "highlighted_html", "read_article_text",
    "GRID_LABELS", "GRID_STATUSES", "NO_INFORMATION", "RESULT_LABELS", "STANDING_STATUSES",
    "article_claims", "computed_standing", "contradictions_view", "event_type_order", "events_of",
    "last_event", "latest", "league_of", "league_positions", "match_players", "match_results", "own_matches", "up_to", "gap_words", "timeline_matches",
    "player_grid", "players_summary", "provenance", "standing_facts", "subject_label",
    "table_as_it_stood", "timeline_events",
]
