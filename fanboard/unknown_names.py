"""The unknown_names table: the names the articles use that the knowledge base lacks.

The names are found per article with the other claims (fanboard.extract.names, which says what
counts as one); this module counts them over the articles. A name the local overlay ignores
(fanboard.localkb) is not listed. Each name comes with how often it appears, the articles and up
to three of its sentences.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from .extract.claims import ArticleClaims
from .tables import frame
from .text import normalize

MAX_SENTENCES = 3


def unknown_names_table(claims: Iterable[ArticleClaims], ignored: set[str] | None = None) -> pd.DataFrame:
    """The unknown_names table of these articles' claims, in article order (see the module
    docstring); `ignored`: normalised names to leave out (default: the local overlay's)."""
    from .localkb import ignored_names

    ignored = ignored_names() if ignored is None else ignored
    rows: dict[tuple[str, str, str], dict] = {}
    for ac in claims:
        for n in ac.names:
            if normalize(n.name) in ignored:
                continue
            row = rows.setdefault((normalize(n.name), n.kind, n.club), {
                "name": n.name, "kind": n.kind, "club": n.club, "count": 0, "articles": [], "sentences": []})
            row["count"] += 1
            if ac.article_id not in row["articles"]:
                row["articles"].append(ac.article_id)
            if n.sentence and n.sentence not in row["sentences"] and len(row["sentences"]) < MAX_SENTENCES:
                row["sentences"].append(n.sentence)
    ordered = sorted(rows.values(), key=lambda r: (r["kind"] != "lineup", -r["count"], r["name"]))
    return frame("unknown_names", [
        {"name": r["name"], "kind": r["kind"], "club": r["club"], "count": r["count"],
         "article_ids": r["articles"], "sentences": " | ".join(r["sentences"])} for r in ordered])
