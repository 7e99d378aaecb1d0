"""The article text as HTML: the sentences claims were taken from marked, names underlined.

Every character from the article is escaped; only the tags written here reach the page.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from ..text import fold
from .cells import Tables
from .filters import competitions, people


@dataclass
class Highlight:
    start: int
    end: int
    kind: str  # "claim" or "entity"
    label: str = ""


def entity_terms(tables: Tables) -> dict[str, str]:
    """Folded name -> kind ("person", "club", "competition"), from the tables themselves.

    A person is also found by their surname, a club by its last word ("Rovers"),
    so the spellings of the articles (Perisic, Perišić, Tolói) still match.
    """
    terms: dict[str, str] = {}
    for name in people(tables):
        terms[fold(name)] = "person"
        last = name.split()[-1]
        if len(last) > 3:
            terms.setdefault(fold(last), "person")
    clubs = set(tables["matches"]["home"]) | set(tables["matches"]["away"]) | set(tables["standings"]["team"])
    for name in filter(None, clubs):
        terms[fold(name)] = "club"
        last = name.split()[-1]
        if len(last) > 3:
            terms.setdefault(fold(last), "club")
    for name in competitions(tables):
        terms[fold(name)] = "competition"
    return terms


def entity_spans(text: str, terms: Mapping[str, str]) -> list[Highlight]:
    folded = fold(text)
    spans: list[Highlight] = []
    taken = [False] * len(text)
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", folded):
            if not any(taken[m.start():m.end()]):
                spans.append(Highlight(m.start(), m.end(), "entity", terms[term]))
                for i in range(m.start(), m.end()):
                    taken[i] = True
    return sorted(spans, key=lambda h: h.start)


def claim_spans(provenance_rows: pd.DataFrame, text: str) -> list[Highlight]:
    """Spans of the sentences claims were taken from, labelled with the tables that use them."""
    by_span: dict[tuple[int, int], set[str]] = {}
    for r in provenance_rows.to_dict("records"):
        try:
            a, b = int(r["sentence_start"]), int(r["sentence_end"])
        except ValueError:
            continue
        if 0 <= a < b <= len(text):
            by_span.setdefault((a, b), set()).add(r["table"])
    return [Highlight(a, b, "claim", ", ".join(sorted(t))) for (a, b), t in sorted(by_span.items())]


ENTITY_STYLE = {
    "person": "border-bottom: 2px solid #e8590c; font-weight: 600;",
    "club": "border-bottom: 2px solid #1c7ed6; font-weight: 600;",
    "competition": "border-bottom: 2px solid #7048e8; font-weight: 600;",
}
CLAIM_STYLE = "background: rgba(250, 200, 60, 0.28); color: inherit; border-radius: 3px; padding: 0 1px;"


def highlighted_html(text: str, claims: list[Highlight], entities: list[Highlight]) -> str:
    """The article as HTML: claim sentences marked, entities underlined, EVERYTHING escaped.

    Only the tags written here reach the page; every character from the article goes through
    html.escape, so an article containing "<script>" shows that text.
    """
    n = len(text)
    claim_at: list[Highlight | None] = [None] * n
    entity_at: list[Highlight | None] = [None] * n
    for h in claims:
        for i in range(h.start, min(h.end, n)):
            claim_at[i] = h
    for h in entities:
        for i in range(h.start, min(h.end, n)):
            entity_at[i] = h
    out: list[str] = []
    i = 0
    while i < n:
        c, e = claim_at[i], entity_at[i]
        j = i + 1
        while j < n and claim_at[j] is c and entity_at[j] is e:
            j += 1
        piece = html.escape(text[i:j]).replace("\n", "<br>")
        if e is not None:
            piece = f'<span style="{ENTITY_STYLE.get(e.label, "")}" title="{html.escape(e.label)}">{piece}</span>'
        if c is not None:
            piece = f'<mark style="{CLAIM_STYLE}" title="{html.escape("claim: " + c.label)}">{piece}</mark>'
        out.append(piece)
        i = j
    return '<div style="line-height: 1.7;">' + "".join(out) + "</div>"


def read_article_text(file: str, roots: Iterable[Path]) -> str | None:
    """The article text from its `file` cell, looked up under each root in turn."""
    if not file:
        return None
    path = Path(file)
    candidates = [path] if path.is_absolute() else [Path(r) / path for r in roots]
    for p in candidates:
        if p.is_file():
            return p.read_text(encoding="utf-8", errors="replace")
    return None
