"""The sidebar's search: the rows whose words contain the query, in any spelling.

A row matches when the query (folded: case and accents ignored, so "pasalic" finds "Pašalić")
is in one of its readable cells: a match's teams, competition and round; an event's type,
people, summary and quote; a status's player, status and quote; a claim's metric, value and
quote; a contradiction's subject, values and explanation. Articles are searched in their
headline and text by the Sources page (search_text).
"""
from __future__ import annotations

import pandas as pd

from ..text import fold
from .cells import humanize, where

FIELDS = {
    "matches": ("home", "away", "competition", "round", "status", "status_reason"),
    "events": ("event_type", "actors", "summary", "quote"),
    "player_status": ("player", "status", "value", "quote"),
    "situation": ("competition", "metric", "value", "quote"),
    "contradictions": ("subject", "field", "values", "explanation"),
}


def query_terms(query: str) -> list[str]:
    """The folded words of a query; every one must be found ("ajax draw")."""
    return [w for w in fold(query or "").split() if w]


def row_matches(row: dict, fields: tuple[str, ...], terms: list[str]) -> bool:
    text = " ".join(fold(str(row.get(c, ""))) + " " + fold(humanize(str(row.get(c, "")))) for c in fields)
    return all(t in text for t in terms)


def search_frame(df: pd.DataFrame, table: str, query: str) -> pd.DataFrame:
    """The rows of one table that match the query (all rows for an empty query)."""
    terms = query_terms(query)
    if not terms:
        return df
    return where(df, (row_matches(r, FIELDS[table], terms) for r in df.to_dict("records")))


def search_tables(query: str, **frames: pd.DataFrame) -> tuple[pd.DataFrame, ...]:
    """Each named frame (matches=..., events=...) narrowed to the query, in the order given."""
    return tuple(search_frame(df, name, query) for name, df in frames.items())


def search_text(text: str | None, query: str) -> bool:
    """True when an article's text (or headline) contains every word of the query."""
    terms = query_terms(query)
    folded = fold(text or "")
    return all(t in folded for t in terms)
