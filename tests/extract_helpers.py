"""Shared helpers for the extractor's component tests. All sentences in those tests are invented."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fanboard.extract.article import Extractor
from fanboard.ingest import Article
from fanboard.nlp import default_pipelines


@pytest.fixture(scope="module")
def extractor():
    return Extractor(default_pipelines())


def article(text: str, lang: str, id: str = "t") -> Article:
    return Article(id=id, path=Path("t.txt"), text=text, headline=text.splitlines()[0], language=lang,
                   published=date(2021, 1, 7))


def claims(extractor, text: str, lang: str):
    return extractor.extract(article(text, lang))


def analysed(text: str, lang: str, id: str = "t"):
    """The Doc after the claim components have run (doc._.sentences, doc._.matches, ...)."""
    from fanboard.extract.pipeline import run_claims
    nlp = default_pipelines()[lang]
    doc = nlp(text)
    run_claims(nlp, doc, article(text, lang, id))
    return doc


def matches(c):
    return [(m.subject, m.opponent, m.venue, m.subject_goals, m.opponent_goals, m.status) for m in c.matches]


def statuses(c):
    return sorted((s.player, s.status, s.certainty) for s in c.statuses)
