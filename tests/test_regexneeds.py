"""fanboard/extract/regexneeds.py: the words a regex needs are a necessary condition, so skipping
a rule on a text that lacks them never loses a match (the time grammar relies on it)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fanboard.extract import times
from fanboard.extract.regexneeds import Text, fold, may_match, needs
from fanboard.extract.timegrammar import LANGUAGES, grammar
from fanboard.ingest import read_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = [ROOT / "seeds", DATA / "invented" / "articles", DATA / "invented2" / "articles",
        DATA / "invented_clubs" / "articles"]


def words_of(regex: str) -> list[tuple[list[str], list[str]]]:
    """Each requirement as (whole words, substrings), sorted."""
    return [(sorted(r.words), sorted(sub for _, sub in r.others)) for r in needs(re.compile(regex, re.I))]


def test_requirements_of_a_pattern():
    assert words_of(r"(?<![\w])(?:(?P<num>\d{1,2}|one|two)\s+days?\s+ago)(?![\w])") == [
        (["ago"], []), (["day", "days"], [])]
    # an abbreviation with an optional dot: the word, and the word followed by its dot
    assert words_of(r"(?<!\w)(?:dec|jan)\.?\s+\d+") == [(["dec", "jan"], []), (["dec", "jan"], ["dec.", "jan."])]
    # inside a longer word, a string is no whole word
    assert words_of(r"mid-?season") == [([], ["mid-season", "midseason"])]
    # nothing literal: no requirement, the regex always runs
    assert words_of(r"\d+\s+\w+") == []
    # an optional part requires nothing
    assert words_of(r"(?<!\w)(?:last\s+)?week(?!\w)") == [(["week"], [])]


@pytest.mark.parametrize("regex,text,found", [
    (r"(?<!\w)ago(?!\w)", "three days AGO.", True),
    (r"(?<!\w)ago(?!\w)", "an agony", False),
    (r"(?<!\w)sun(?!\w)", "the ſun", True),         # the long s is an s to re.IGNORECASE
    (r"(?<!\w)istanbul(?!\w)", "İstanbul", True),   # so is a dotted capital I an i
    (r"(?<!\w)dec\.?\s+\d", "on dec. 3", True),
    (r"(?<!\w)dec\.?\s+\d", "he decided 3 times", False),
])
def test_may_match_agrees_with_the_regex(regex, text, found):
    rx = re.compile(regex, re.I)
    assert may_match(needs(rx), Text(text)) is found
    assert (rx.search(text) is not None) is found


def test_fold_keeps_offsets():
    text = "İstanbul, ſtraße and ΣΑΣ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "istanbul, straße and ςας"


def test_no_rule_of_the_time_grammar_is_skipped_where_it_matches():
    """Every text of the seeds and invented sets: where a rule's regex finds something, its
    requirements let it run; and the time expressions are the same as without the filter."""
    articles, _ = read_articles(SETS)
    checked = 0
    for article in articles:
        if article.language not in LANGUAGES:
            continue
        probe = Text(article.text)
        for rule in grammar(article.language).rules:
            if rule.regex.search(article.text):
                assert may_match(rule.needs, probe), (article.article_id, rule.regex.pattern[:60])
                checked += 1
    assert checked > 40
