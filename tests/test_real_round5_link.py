"""Linking a match claim when both legs of a pairing fit the article's window (issue 10, round 5):
an undated round-up names pairings without a score; the leg played in the days of the article's
other linked matches is the one it means, when every other leg is weeks away. Sentences written
for the test with the structure of real round-ups."""
from __future__ import annotations

import pandas as pd
import pytest

from fanboard import pipeline

COLUMNS = ["match_id", "home", "away", "home_goals", "away_goals", "status"]


@pytest.fixture(scope="module")
def pipelines():
    from fanboard.nlp import default_pipelines
    return default_pipelines()


def build(tmp_path, pipelines, text: str, lang: str = "it") -> list[tuple]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.toml").write_text(f'[a]\nsource = "test"\nlanguage = "{lang}"\n', encoding="utf-8")
    t = pipeline.build([tmp_path], None, cache_dir=tmp_path / "cache", pipelines=pipelines,
                       write=False).tables["matches"]
    return [tuple(r) for r in t[COLUMNS].astype(str).itertuples(index=False)]


ROUND_UP = ("Serie A, il riepilogo della giornata\n\n"
            "La Roma ha battuto il Cagliari 3-2 all'Olimpico. L'Udinese ha perso 0-2 contro il Benevento.\n\n"
            "Il Bologna ha pareggiato con l'Atalanta. La Sampdoria ha perso con il Sassuolo.")
# the four matches of 23 December 2020: two by their scores, Bologna-Atalanta by its draw,
# Sampdoria-Sassuolo (both legs lost by Sampdoria) by the days of the others
EXPECTED = [
    ("2020-12-23-bologna-atalanta", "Bologna", "Atalanta", "2", "2", "played"),
    ("2020-12-23-roma-cagliari", "Roma", "Cagliari", "3", "2", "played"),
    ("2020-12-23-sampdoria-sassuolo", "Sampdoria", "Sassuolo", "2", "3", "played"),
    ("2020-12-23-udinese-benevento", "Udinese", "Benevento", "0", "2", "played"),
]


def test_an_undated_round_up_links_the_leg_of_its_matchday(tmp_path, pipelines):
    assert build(tmp_path, pipelines, ROUND_UP) == EXPECTED


def test_a_pairing_whose_legs_are_both_weeks_away_stays_unlinked(tmp_path, pipelines):
    # Lazio and Cagliari met in September and February: neither leg is that week's, no row
    assert build(tmp_path, pipelines, ROUND_UP + " La Lazio ha battuto il Cagliari.") == EXPECTED


def test_without_other_linked_matches_both_legs_stay_possible(tmp_path, pipelines):
    # nothing else in the article is linked: Sampdoria-Sassuolo has no week, no row
    assert build(tmp_path, pipelines, "Serie A\n\nLa Sampdoria ha perso con il Sassuolo.") == []


# Sampdoria lost to Sassuolo in both legs (at home 2-3 on 23 December 2020, away 0-1 on 24 April 2021
# away 0-1): only the month a stored page states (" date 2020-12") tells which one it reports
LOSS = "La Sampdoria ha perso con il Sassuolo e resta a metà classifica."
FIRST_LEG = [("2020-12-23-sampdoria-sassuolo", "Sampdoria", "Sassuolo", "2", "3", "played")]
SECOND_LEG = [("2021-04-24-sassuolo-sampdoria", "Sassuolo", "Sampdoria", "1", "0", "played")]


@pytest.mark.parametrize("month,expected", [
    ("2020-12", FIRST_LEG),
    ("2021-04", SECOND_LEG),
    ("2021-02", []),            # neither leg in February: no row
])
def test_the_page_month_chooses_the_leg(tmp_path, pipelines, month, expected):
    assert build(tmp_path, pipelines, f" date {month} Serie A, la giornata\n\n{LOSS}") == expected


def test_a_page_month_does_not_choose_for_a_bare_mention(tmp_path, pipelines):
    # "against Sassuolo" with no tense, score or player of the match: no leg is told
    text = " date 2020-12 Serie A\n\nLa Sampdoria pensa già alla sfida contro il Sassuolo."
    assert build(tmp_path, pipelines, text) == []


def test_a_rebuild_after_the_page_month_changed_equals_a_full_build(tmp_path, pipelines):
    folder, cache = tmp_path / "in", tmp_path / "cache"
    folder.mkdir()
    (folder / "articles.toml").write_text('[a]\nsource = "test"\nlanguage = "it"\n', encoding="utf-8")
    (folder / "a.txt").write_text(f" date 2020-12 Serie A\n\n{LOSS}", encoding="utf-8")
    first = pipeline.build([folder], None, cache_dir=cache, pipelines=pipelines, write=False).tables
    assert list(first["matches"]["match_id"]) == [FIRST_LEG[0][0]]
    (folder / "a.txt").write_text(f" date 2021-04 Serie A\n\n{LOSS}", encoding="utf-8")
    again = pipeline.build([folder], None, cache_dir=cache, pipelines=pipelines, write=False).tables
    scratch = pipeline.build([folder], None, cache_dir=None, pipelines=pipelines, write=False).tables
    assert list(again["matches"]["match_id"]) == [SECOND_LEG[0][0]]
    for name in scratch:
        pd.testing.assert_frame_equal(again[name], scratch[name], obj=name)
