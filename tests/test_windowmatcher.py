"""fanboard/windowmatcher.py: matching only around the words a pattern needs finds exactly what
spaCy's Matcher finds on the whole Doc."""
from __future__ import annotations

from pathlib import Path

import spacy

from fanboard.ingest import read_articles
from fanboard.nlp import default_pipelines
from fanboard.windowmatcher import WindowMatcher

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = [ROOT / "seeds", DATA / "invented" / "articles", DATA / "invented2" / "articles",
        DATA / "invented_clubs" / "articles"]


def test_windows_find_what_the_whole_doc_finds():
    nlp = spacy.blank("en")
    wm = WindowMatcher(nlp.vocab)
    wm.add("tense", [{"LOWER": "relationship"}, {"IS_PUNCT": False, "OP": "{0,4}"}, {"LOWER": "tense"}])
    wm.add("without", [{"LOWER": {"IN": ["was", "were"]}}, {"LOWER": "also", "OP": "?"}, {"LOWER": "without"}])
    wm.add("pref", [{"LOWER": {"REGEX": "^batt"}}])
    text = ("The relationship with the coach was tense. " + "Filler words go on here. " * 30 +
            "They were also without him. Battling on, the relationship was never tense again, it was.")
    doc = nlp(text)
    strings = nlp.vocab.strings
    got = sorted((strings[k], doc[s:e].text) for k, s, e in wm(doc))
    assert got == [("pref", "Battling"), ("tense", "relationship was never tense"),
                   ("tense", "relationship with the coach was tense"), ("without", "were also without")]
    assert wm(doc) == set(wm.matcher(doc))
    # two windows around the needed words, not the whole Doc
    assert wm.windows(doc) is not None and len(wm.windows(doc)) == 2
    # a Doc without "relationship", "without" or a word starting "batt": nothing to match anywhere
    assert wm.windows(nlp("The coach was calm.")) == []


def test_cue_matches_of_every_test_article_are_the_whole_doc_matches():
    pipelines = default_pipelines()
    articles, _ = read_articles(SETS)
    compared = 0
    for article in articles:
        nlp = pipelines[article.language]
        doc = nlp(article.text)
        wm = nlp.get_pipe("fanboard_cues").matcher
        if not len(wm):
            continue
        assert wm(doc) == set(wm.matcher(doc)), article.article_id
        compared += len(wm(doc))
    assert compared > 20
