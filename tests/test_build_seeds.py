"""The seed articles, built end to end, give exactly the tables a careful reader wrote down.

The expected tables live in tests/data/seeds_expected/. They were checked by hand
against both articles and the 2020-21 calendar; see README "What the seeds yield".
"""
from __future__ import annotations

import pandas as pd
import pytest

from fanboard.pipeline import build
from fanboard.schema import TABLES

from helpers import DATA, SEEDS, expected, sort_rows

EXPECTED = DATA / "seeds_expected"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    result = build([SEEDS], out, cache_dir=None)
    # the tables, and nothing else in sight (the generations and the lock are hidden: fanboard/tables.py)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(f"{n}.csv" for n in TABLES)
    return {name: pd.read_csv(out / f"{name}.csv", dtype="string", keep_default_na=False) for name in TABLES}


@pytest.mark.parametrize("name", ["articles", "matches", "player_status", "goals", "events", "situation",
                                  "contradictions", "standings"])
def test_table_matches_expected(tables, name):
    got, want = sort_rows(tables[name]), sort_rows(expected(EXPECTED, name))
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_key_facts_of_the_saga(tables):
    m = tables["matches"].set_index("match_id")
    assert m.loc["2020-12-01-atalanta-midtjylland", ["home_goals", "away_goals", "competition"]].tolist() == \
        ["1", "1", "UEFA Champions League"]
    assert m.loc["2020-12-06-udinese-atalanta", ["status", "status_reason"]].tolist() == ["postponed", "rain"]
    assert m.loc["2020-12-09-ajax-atalanta", ["home_goals", "away_goals", "status"]].tolist() == ["0", "1", "played"]
    assert m.loc["2020-12-13-atalanta-fiorentina", ["home_goals", "away_goals"]].tolist() == ["3", "0"]
    # never a match of Atalanta against itself
    assert not (tables["matches"]["home"] == tables["matches"]["away"]).any()
    s = tables["player_status"]
    row = s[(s.player == "Alejandro Gómez") & (s.match_id == "2020-12-13-atalanta-fiorentina")]
    assert row[["status", "date"]].values.tolist() == [["unused_substitute", "2020-12-13"]]


def test_publication_windows_are_narrow_and_right(tables):
    a = tables["articles"].set_index("article_id")
    assert a.loc["000_981ffb45979d0495", ["published_from", "published_to"]].tolist() == ["2020-12-14", "2020-12-18"]
    assert a.loc["001_6400d61ffa6bd79a", ["published_from", "published_to"]].tolist() == ["2020-12-07", "2020-12-09"]


def test_contradictions_of_the_seeds(tables):
    c = tables["contradictions"]
    assert set(c["field"]) == {"opponent", "requirement", "points_behind_fourth"}
    opp = c[c.field == "opponent"].iloc[0]
    assert opp.resolution == "FC Midtjylland" and opp.rule == "calendar"
    fourth = c[c.field == "points_behind_fourth"].iloc[0]
    assert "table at the time: 6" in fourth["values"] and "table from final results: 5" in fourth["values"]
    assert "Juventus" in fourth.explanation and "Napoli" in fourth.explanation


def test_every_claim_row_traces_to_a_sentence(tables):
    prov = tables["provenance"]
    text = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in prov.itertuples():
        assert text[r.article_id][int(r.sentence_start):int(r.sentence_end)] == r.quote
    for name in ("player_status", "situation"):
        for q, a in zip(tables[name]["quote"], tables[name]["article_id"]):
            for part in q.split(" | "):
                assert any(part in text[x] for x in a.split(";")), part
