"""Unknown names, the local KB overlay in a build, the curation badges, and a build that keeps
corrections (through fanboard.building, the way every writer builds)."""
from __future__ import annotations

import pandas as pd

from fanboard.building import ensure_built
from fanboard.curation_store import CurationStore
from fanboard.localkb import LocalKB
from fanboard.tables import read_tables
from fanboard import pipeline
from fanboard.views import curation as cv

LINEUP = """Sampdoria-Atalanta 0-2 (invented test article)

Il tabellino
SAMPDORIA (4-4-2): Audero; Bereszynski, Tonelli, Colley, Augello; Candreva, Thorsby, Ekdal, Jankto; Gomez, Quagliarella. All. Ranieri
ATALANTA (3-4-1-2): Gollini; Toloi, Romero, Djimsiti; Hateboer, De Roon, Freuler, Gosens; Pessina; Bellandi, Zapata. All. Gasperini
"""
ATALANTA_LINE = LINEUP.splitlines()[4]
MATCH = "2021-02-28-sampdoria-atalanta"


def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    (folder / "tabellino.txt").write_text(LINEUP, encoding="utf-8")
    (folder / "articles.toml").write_text('[tabellino]\npublished = "2021-03-01"\nlanguage = "it"\n', encoding="utf-8")
    return folder


def unknown_names(folder, cache):
    return pipeline.build([folder], None, cache_dir=cache, write=False).tables["unknown_names"]


def test_lineup_names_the_kb_lacks_are_listed_with_their_line(tmp_path, monkeypatch):
    monkeypatch.setenv("FANBOARD_KB_LOCAL", str(tmp_path / "kblocal"))
    table = unknown_names(articles(tmp_path), tmp_path / "cache")
    lineup = table[table["kind"] == "lineup"]
    assert lineup.values.tolist() == [
        ["Bellandi", "lineup", "Atalanta", "1", "tabellino", ATALANTA_LINE],
        ["Gomez", "lineup", "Sampdoria", "1", "tabellino", LINEUP.splitlines()[3]],
    ]
    from_cache = unknown_names(tmp_path / "articles", tmp_path / "cache")   # read from the claim cache
    pd.testing.assert_frame_equal(from_cache, table)
    LocalKB().ignore("Gomez")
    again = unknown_names(articles(tmp_path / "again"), tmp_path / "cache")   # the cached claims, filtered anew
    assert list(again[again["kind"] == "lineup"]["name"]) == ["Bellandi"]


def test_a_person_added_to_the_overlay_gets_statuses_and_corrections_survive_rebuilds(tmp_path, monkeypatch):
    monkeypatch.setenv("FANBOARD_KB_LOCAL", str(tmp_path / "kblocal"))
    monkeypatch.setenv("FANBOARD_CURATION", str(tmp_path / "curation"))
    folder, out = articles(tmp_path), tmp_path / "tables"
    ensure_built([folder], out, tmp_path / "cache", force=True)
    before = read_tables(out)
    assert "Bellandi" not in set(before["player_status"]["player"])
    assert "Bellandi" in set(before["unknown_names"]["name"])
    LocalKB().add_person("Bellandi", "Atalanta", "player")
    CurationStore().append({"action": "set", "table": "matches", "key": MATCH, "field": "away_goals",
                            "value": "3", "old": "", "who": "ann"})
    for _ in range(2):      # every rebuild applies the log again; the cache sees the new person
        ensure_built([folder], out, tmp_path / "cache", force=True)
        after = read_tables(out)
        mine = after["player_status"][after["player_status"]["player"] == "Bellandi"]
        assert mine[["status", "match_id", "curated"]].values.tolist() == [["started", MATCH, ""]]
        assert "Bellandi" not in set(after["unknown_names"]["name"])
        m = after["matches"].set_index("match_id").loc[MATCH]
        assert (m["away_goals"], m["curated"]) == ("3", f"c1 corrected away_goals (was {before['matches'].set_index('match_id').at[MATCH, 'away_goals'] or 'empty'}) [{MATCH}]")
        assert after["curation"][["id", "state"]].values.tolist() == [["c1", "applied"]]


def test_badges_and_links():
    df = pd.DataFrame({"match_id": ["a", "b", "c"], "curated": ["c1 corrected home_goals (was 1) [a]", "", "c2 confirmed [c]"]})
    assert cv.badges(df) == ["✎ corrected", "", "✓ confirmed"]
    assert cv.curation_links(df, "matches") == ["curation?table=matches&key=a&mark=corrected", None,
                                                "curation?table=matches&key=c&mark=confirmed"]
    assert cv.links_by_key({"matches": df}, "matches", "match_id") == {
        "a": "curation?table=matches&key=a&mark=corrected", "c": "curation?table=matches&key=c&mark=confirmed"}
