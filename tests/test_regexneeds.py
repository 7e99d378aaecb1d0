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


def _near(regex: str, text: str, flags=re.I) -> list[tuple]:
    from fanboard.extract.regexscan import longest_space_run, scan_near
    rx = re.compile(regex, flags)
    return [(m.span(), m.groups()) for m in scan_near(rx, needs(rx), Text(text), text, longest_space_run(text))]


def _full(regex: str, text: str, flags=re.I) -> list[tuple]:
    return [(m.span(), m.groups()) for m in re.compile(regex, flags).finditer(text)]


@pytest.mark.parametrize("regex,text", [
    # whitespace runs longer than usual inside a match: the width counts the longest run
    (r"(?<!\w)(?:last|next)\s+(week|month)(?!\w)", "x " * 200 + "last \n\n\n     week" + " y" * 200),
    # a lookahead just past the cut: the search reads far enough to see the "-21"
    (r"(?<!\d)(20\d\d)(?![-–/]\d)\s+season", "the 2020 season, " + "filler " * 100 + "2020 season-21 and 2020-21 season"),
    # matches next to each other, where finditer goes on from the end of the last one
    (r"(?<!\w)ago(?:\s+ago)?", "ago ago ago " + "z " * 300 + "ago"),
    # a back reference of a known width
    (r"(?P<d>\d\d)(?P<sep>[/.])(?P<m>\d\d)(?P=sep)(?P<y>20\d\d)", "on 13/12/2020 " + "q " * 300 + "and 01.02.2021"),
    # unbounded: the whole text is scanned
    (r"(?<!\w)since\s+\w+", "ever since yesterday, " + "w " * 300 + "since then"),
])
def test_scan_near_finds_what_finditer_finds(regex, text):
    assert _near(regex, text) == _full(regex, text)
    assert _full(regex, text)


def test_scan_near_gives_every_rule_its_finditer_matches_on_the_test_articles():
    from fanboard.extract.regexscan import longest_space_run, scan_near
    articles, _ = read_articles(SETS)
    found = 0
    for article in articles:
        if article.language not in LANGUAGES:
            continue
        probe, spaces = Text(article.text), longest_space_run(article.text)
        for rule in grammar(article.language).rules:
            full = [(m.span(), m.groups()) for m in rule.regex.finditer(article.text)]
            near = [(m.span(), m.groups()) for m in scan_near(rule.regex, rule.needs, probe, article.text, spaces)]
            assert near == full, (article.article_id, rule.regex.pattern[:60])
            found += len(full)
    assert found > 50
