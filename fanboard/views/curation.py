"""The Curation page's data, and the badge every page shows on a row a person touched.

Pure pandas. A row's `curated` cell (fanboard.schema) lists the actions that touched it and
ends with its key; `badge` turns it into a short mark, `curation_url` links to the row on the
Curation page, where its original values (from the curation table) and its sources are.
"""
from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from ..curation import row_keys
from .cells import Tables, split

TABLE_LABELS = {"matches": "Matches", "player_status": "Player statuses", "goals": "Goals", "events": "Events"}
SUMMARY = {
    "matches": ("date", "competition", "home", "away", "home_goals", "away_goals", "status"),
    "player_status": ("player", "status", "match_id", "date", "value"),
    "goals": ("match_id", "scorer", "team", "minute"),
    "events": ("date", "event_type", "actors", "summary"),
}
SOURCE_COLUMN = {"matches": "sources", "player_status": "article_id", "goals": "sources", "events": "sources"}


def badge(cell: object) -> str:
    """'✎ corrected' for a row a person changed (a field, a merge, a split), '✓ confirmed' for one a
    person only confirmed, '' for a row as the rules built it."""
    text = str(cell or "")
    if not text:
        return ""
    if any(word in text for word in (" corrected ", " merged ", " split")):
        return "✎ corrected"
    return "✓ confirmed" if " confirmed" in text else ""


def badges(df: pd.DataFrame) -> list[str]:
    """The badge of each row (empty for tables without a curated column)."""
    if "curated" not in df:
        return [""] * len(df)
    return [badge(c) for c in df["curated"]]


def curation_url(table: str, key: str, mark: str = "") -> str:
    """The row on the Curation page; `mark` (corrected | confirmed) ends the address, so a link
    column can show it (LINK_TEXT)."""
    return f"curation?table={quote(table)}&key={quote(key)}" + (f"&mark={mark}" if mark else "")


LINK_TEXT = r"mark=(\w+)$"     # display_text of a LinkColumn of curation_links: "corrected"


def curation_links(df: pd.DataFrame, table: str) -> list[str | None]:
    """A link to the Curation page for each row that carries a badge (None for the others)."""
    if "curated" not in df or df.empty:
        return [None] * len(df)
    return [curation_url(table, k, badge(c).split()[-1]) if badge(c) else None
            for k, c in zip(row_keys(table, df), df["curated"])]


def links_by_key(tables: Tables, table: str, column: str) -> dict[str, str]:
    """{value of `column` (e.g. match_id): link} for the rows of `table` that carry a badge."""
    df = tables[table]
    return {k: u for k, u in zip(df[column], curation_links(df, table)) if u}


def curation_rows(tables: Tables, table: str) -> pd.DataFrame:
    """The rows of a curatable table with their key, a one-line summary and the badge."""
    df = tables[table]
    cols = SUMMARY[table]
    return pd.DataFrame({
        "key": row_keys(table, df),
        "row": [" · ".join(str(r[c]) for c in cols if str(r[c])) for r in df.to_dict("records")],
        "badge": badges(df),
        "curated": list(df["curated"]) if "curated" in df else [""] * len(df),
    })


def row_detail(tables: Tables, table: str, key: str) -> dict | None:
    """One row: its fields, its sources (article ids), its quote, and the actions on it."""
    df = tables[table]
    keys = row_keys(table, df)
    if key not in keys:
        return None
    row = df.iloc[keys.index(key)].to_dict()
    return {"row": row, "sources": split(row.get(SOURCE_COLUMN[table], "")), "quote": row.get("quote", ""),
            "history": history(tables, table, key)}


def history(tables: Tables, table: str, key: str) -> pd.DataFrame:
    """The actions that count on that row, with the original value each correction replaced."""
    log = tables.get("curation")
    if log is None or log.empty:
        return pd.DataFrame(columns=["id", "at", "who", "action", "field", "value", "old", "why", "state"])
    rows = log[(log["table"] == table) & ((log["key"] == key) | (log["other"] == key))]
    return rows[["id", "at", "who", "action", "field", "value", "old", "why", "state"]].reset_index(drop=True)


def curation_log(tables: Tables) -> pd.DataFrame:
    """Every action that counts, newest first, orphaned ones marked."""
    log = tables.get("curation")
    if log is None:
        return pd.DataFrame()
    return log.iloc[::-1].reset_index(drop=True)


def unknown_names(tables: Tables) -> pd.DataFrame:
    """The unknown names, lineup names first, with their counts as numbers."""
    df = tables.get("unknown_names")
    if df is None or df.empty:
        return pd.DataFrame(columns=["name", "kind", "club", "count", "article_ids", "sentences"])
    return df.assign(count=pd.to_numeric(df["count"], errors="coerce").fillna(0).astype(int))
