"""Linking a match claim when both legs of a pairing fit the article's window (issue 10, round 5):
an undated round-up names pairings without a score; the leg played in the days of the article's
other linked matches is the one it means, when every other leg is weeks away. Sentences written
for the test with the structure of real round-ups."""
from __future__ import annotations

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
    t = pipeline.build([tmp_path], None, pipelines=pipelines, write=False).tables["matches"]
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
