"""How a person sees an article: its label, its publication date or window, its link.

Ids belong in the CSVs; everywhere a person reads, an article is "outlet · date · headline ·
short id". Only http and https urls become links.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Mapping
from urllib.parse import urlparse

import pandas as pd

from .cells import day_range, to_date

# A publication window wider than this is not "well bounded": it says little about when the
# article was written (an open-ended or season-long window), so it does not set the "as of".
WELL_BOUNDED_DAYS = 31
ARTICLE_ID = re.compile(r"\b\d{3}_[0-9A-Za-z]+\b")


def published_window(row: Mapping[str, str]) -> tuple[date | None, date | None]:
    """The first and last day the article can have been published."""
    day = to_date(row.get("published"))
    if day:
        return day, day
    return to_date(row.get("published_from")), to_date(row.get("published_to"))


def published_text(row: Mapping[str, str]) -> str:
    """'9 Dec 2020', or '7–9 Dec 2020' for an inferred window, or 'date unknown'."""
    return day_range(*published_window(row))


# The languages as a fan names them (the codes stay in the CSVs and the address).
LANGUAGE_NAMES = {"en": "English", "it": "Italian", "nl": "Dutch", "de": "German", "es": "Spanish",
                  "fr": "French", "pt": "Portuguese"}


def language_name(code: object) -> str:
    """'nl' -> 'Dutch'; an unknown code in capitals; '' -> 'language unknown'."""
    text = str(code or "").strip().lower()
    return LANGUAGE_NAMES.get(text, text.upper()) if text else "language unknown"


def named_outlet(row: Mapping[str, str]) -> str:
    """The outlet's name: the source column, else the url's host; '' when neither is known."""
    if row.get("source"):
        return str(row["source"])
    host = urlparse(str(row.get("url") or "")).hostname or ""
    return host.removeprefix("www.")


def outlet(row: Mapping[str, str]) -> str:
    """The outlet (named_outlet), else what is known of it: 'a Dutch article'."""
    return named_outlet(row) or (f"{language_name(row.get('language'))} article" if row.get("language")
                                 else "unnamed source")


def short_id(article_id: str) -> str:
    """'001_6400d61ffa6bd79a' -> '001_6400d6': enough to tell copies apart, short to read."""
    return article_id if len(article_id) <= 12 else article_id[:10]


def article_label(row: Mapping[str, str], width: int = 48) -> str:
    """'Invented Gazette (English) · 7–9 Dec 2020 · Tension between coach and… · 001_6400d6', or
    'English article · …' when the outlet is not known."""
    head = row.get("headline") or row.get("file") or row["article_id"]
    if len(head) > width:
        head = head[: width - 1].rstrip() + "…"
    parts = [outlet(row)]
    if named_outlet(row) and row.get("language"):
        parts[0] += f" ({language_name(row['language'])})"
    return " · ".join(parts + [published_text(row), head, short_id(row["article_id"])])


def article_labels(articles: pd.DataFrame, width: int = 48) -> dict[str, str]:
    """article_id -> its label (see article_label)."""
    return {r["article_id"]: article_label(r, width) for r in articles.to_dict("records")}


def safe_url(url: object) -> str | None:
    """The url when it is http(s) with a host; None otherwise (javascript:, data:, files...)."""
    text = str(url or "").strip()
    try:
        parsed = urlparse(text)
    except ValueError:
        return None
    if parsed.scheme.lower() in ("http", "https") and parsed.hostname and not any(c in text for c in "\"'<> "):
        return text
    return None


def article_urls(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> its url, for the articles that have a safe (http/https) one."""
    out = {}
    for r in articles.to_dict("records"):
        url = safe_url(r.get("url"))
        if url:
            out[r["article_id"]] = url
    return out


def with_labels(text: str, labels: Mapping[str, str]) -> str:
    """A text that names articles by id ('001_6400d…: 6') with their labels instead."""
    return ARTICLE_ID.sub(lambda m: labels.get(m.group(0), m.group(0)), text)


def default_as_of(articles: pd.DataFrame) -> date | None:
    """The day the articles are about: the latest well-bounded publication date.

    An article's date counts when it is stated, or when its inferred window is at most
    WELL_BOUNDED_DAYS long (its last day counts). Open-ended windows are left out, so one
    undated article cannot move the whole dashboard to the end of the season.
    """
    days = []
    for r in articles.to_dict("records"):
        start, end = published_window(r)
        if start and end and end - start <= timedelta(days=WELL_BOUNDED_DAYS):
            days.append(end)
    return max(days) if days else None


def newest_first(articles: pd.DataFrame) -> list[str]:
    """The article ids by the last day each can have been published, newest first (an
    article without a date last), then by id."""
    def last_day(r: Mapping[str, str]) -> date:
        first, last = published_window(r)
        return last or first or date.min
    rows = sorted(articles.to_dict("records"), key=lambda r: r["article_id"])
    return [r["article_id"] for r in sorted(rows, key=last_day, reverse=True)]


def find_articles(folded_labels: Mapping[str, str], query: str, order: list[str], limit: int) -> tuple[list[str], int]:
    """The first `limit` ids of `order` whose label (folded: text.fold) holds every word of
    `query` whatever its case and accents, and how many ids match in all."""
    from ..text import fold

    words = fold(query).split()
    hits = [a for a in order if all(w in folded_labels.get(a, "") for w in words)]
    return hits[:limit], len(hits)
