"""Shape the tables for the dashboard: filters, joins, labels and the highlighted article text.

Pure pandas; no Streamlit import. The pages call these functions and only draw what they return,
so everything a page shows can be tested without a browser. Every table cell is a string
(see fanboard.tables); empty means "the articles do not say".

The modules, in the order a page uses them:

- ``cells``      reading cells: lists ("a;b"), dates, date windows, readable values;
- ``filters``    the sidebar's options and ``apply_filters``, which narrows every table;
- ``shaping``    results, timelines, the player grid, the overview and contradiction views;
- ``highlight``  the article text as escaped HTML with claims and names marked;
- ``dashboard``  the ``Dashboard`` every page gets, and whether the tables need a rebuild.

Pages import ``fanboard.views`` and use the names below; they stay importable from here.
"""
from __future__ import annotations

from ..text import fold, md_escape, slug
from .cells import (
    MONTHS, Tables, date_window, describe_when, format_day, human_value, humanize, ordinal, split,
    to_date,
)
from .dashboard import Dashboard, tables_need_build, tables_signature
from .filters import (
    SAGA_LEAD_IN_DAYS, Filters, allowed_articles, apply_filters, article_labels, competitions,
    date_bounds, focus_club, languages, people, saga_window,
)
from .highlight import (
    CLAIM_STYLE, ENTITY_STYLE, Highlight, claim_spans, entity_spans, entity_terms, highlighted_html,
    read_article_text,
)
from .shaping import (
    GRID_LABELS, GRID_STATUSES, NO_INFORMATION, RESULT_LABELS, STANDING_STATUSES, article_claims,
    computed_standing, contradictions_view, event_type_order, events_of, last_event, latest,
    league_of, league_positions, match_players, match_results, player_grid, players_summary,
    provenance, standing_facts, subject_label, table_as_it_stood, timeline_events,
)

__all__ = [
    "fold", "md_escape", "slug",
    "MONTHS", "Tables", "date_window", "describe_when", "format_day", "human_value", "humanize",
    "ordinal", "split", "to_date",
    "Dashboard", "tables_need_build", "tables_signature",
    "SAGA_LEAD_IN_DAYS", "Filters", "allowed_articles", "apply_filters", "article_labels",
    "competitions", "date_bounds", "focus_club", "languages", "people", "saga_window",
    "CLAIM_STYLE", "ENTITY_STYLE", "Highlight", "claim_spans", "entity_spans", "entity_terms",
    "highlighted_html", "read_article_text",
    "GRID_LABELS", "GRID_STATUSES", "NO_INFORMATION", "RESULT_LABELS", "STANDING_STATUSES",
    "article_claims", "computed_standing", "contradictions_view", "event_type_order", "events_of",
    "last_event", "latest", "league_of", "league_positions", "match_players", "match_results",
    "player_grid", "players_summary", "provenance", "standing_facts", "subject_label",
    "table_as_it_stood", "timeline_events",
]
