"""The scorer of `make eval-real` on hand-made gold and tables (CI has no real texts)."""
from __future__ import annotations

import importlib.util
import json
import sys

import pandas as pd
import pytest

from helpers import ROOT

spec = importlib.util.spec_from_file_location("eval_real", ROOT / "dev" / "real" / "eval.py")
ev = importlib.util.module_from_spec(spec)
sys.modules["eval_real"] = ev
spec.loader.exec_module(ev)

GOLD = {
    "k1": {
        "language": "it",
        "matches": [
            {"date": "2020-12-09", "home": "Ajax", "away": "Atalanta", "home_goals": 0, "away_goals": 1,
             "status": "played", "required": True},
            {"date": "2020-12-13", "home": "Atalanta", "away": "Fiorentina", "home_goals": None,
             "away_goals": None, "status": "scheduled", "required": False},
        ],
        "statuses": [
            {"player": "Luis Muriel", "status": "substituted_on", "match": "2020-12-09 Ajax-Atalanta",
             "required": True},
            {"player": "Josip Iličić", "status": "left_out", "match": "2020-12-09 Ajax-Atalanta",
             "required": True},
        ],
        "events": [{"type": "sanction_demand", "agents": ["Gian Piero Gasperini"],
                    "targets": ["Alejandro Gómez", "Josip Iličić"], "required": True}],
    }
}


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns).fillna("")


TABLES = {
    "matches": frame([
        ["2020-12-09-ajax-atalanta", "2020-12-09", "", "", "Ajax", "Atalanta", "0", "1", "played", "k1"],
        ["undated-atalanta-liverpool", "", "2020-12-01", "2020-12-31", "Atalanta", "Liverpool", "1", "0",
         "played", "k1"],
    ], ["match_id", "date", "date_from", "date_to", "home", "away", "home_goals", "away_goals", "status",
        "sources"]),
    "player_status": frame([
        ["Luis Muriel", "substituted_on", "2020-12-09-ajax-atalanta", "", "k1"],
        ["Luis Muriel", "substituted_off", "2020-12-09-ajax-atalanta", "", "k1"],
    ], ["player", "status", "match_id", "value", "article_id"]),
    "events": frame([
        ["sanction_demand", "Gian Piero Gasperini;Alejandro Gómez", "k1"],
        ["sanction_demand", "Gian Piero Gasperini;Cristian Romero", "k1"],
    ], ["event_type", "actors", "sources"]),
}


def test_recall_counts_required_rows_and_precision_counts_every_written_row():
    rows = ev.gold_rows("k1", GOLD["k1"], ["Ajax", "Atalanta", "Fiorentina", "Liverpool"])
    tallies, misses, false = ev.compare(rows, ev.built_rows(TABLES, {"k1"}))
    got = {k: (t.found, t.required, t.correct, t.written) for k, t in tallies.items()}
    assert got == {"matches": (1, 1, 1, 2), "statuses": (1, 2, 1, 2), "goals": (0, 0, 0, 0),
                   "events": (1, 1, 1, 2)}
    assert misses == ["  miss   statuses  Josip Iličić left_out 2020-12-09 Ajax-Atalanta"]
    assert false == [
        "  false  matches   2020-12-01..2020-12-31 Atalanta–Liverpool 1-0 played",
        "  false  statuses  Luis Muriel substituted_off 2020-12-09-ajax-atalanta",
        "  false  events    sanction_demand: Gian Piero Gasperini;Cristian Romero",
    ]


@pytest.mark.parametrize("built_date,date_from,date_to,score,expected", [
    ("2020-12-09", "", "", (0, 1), True),
    ("2020-12-10", "", "", (0, 1), False),            # another day
    ("", "2020-12-07", "2020-12-11", (0, 1), True),   # a range that holds the day
    ("2020-12-09", "", "", (1, 0), False),            # another score
    ("2020-12-09", "", "", (None, None), True),       # a score not stated is not wrong
])
def test_a_match_agrees_on_teams_status_day_and_any_stated_score(built_date, date_from, date_to, score, expected):
    gold = ev.Row("matches", "k", ("2020-12-09", "ajax", "atalanta", "played"), "", {"score": (0, 1)})
    built = ev.Row("matches", "k", (built_date, "ajax", "atalanta", "played"), "",
                   {"score": score, "date_from": date_from, "date_to": date_to})
    assert ev.same("matches", built, gold) is expected


def test_the_split_holds_out_a_fixed_quarter():
    keys = [f"it_outlet_{i}" for i in range(400)]
    held = [k for k in keys if ev.split_of(k) == "held_out"]
    assert 70 <= len(held) <= 130
    assert [ev.split_of(k) for k in keys] == [ev.split_of(k) for k in keys]


def test_missing_files_are_said_and_exit_2(tmp_path, capsys):
    assert ev.main(["--sources", str(tmp_path / "none.toml"), "--gold", str(tmp_path / "g.json")]) == 2
    assert "is missing" in capsys.readouterr().err
    (tmp_path / "s.toml").write_text('[a]\nlanguage = "it"\nurl = "https://example.org/a"\n', encoding="utf-8")
    (tmp_path / "g.json").write_text(json.dumps({"a": {"matches": []}}), encoding="utf-8")
    code = ev.main(["--sources", str(tmp_path / "s.toml"), "--gold", str(tmp_path / "g.json"),
                    "--texts", str(tmp_path / "texts"), "--work", str(tmp_path / "work")])
    out = capsys.readouterr()
    assert code == 2
    assert "1 of 1 texts are missing" in out.out and "no text to evaluate" in out.err


@pytest.mark.parametrize("built_status,other_sources,expected", [
    ("played", 2, True),      # the fixture a preview spoke of, made 'played' by later reports
    ("postponed", 1, True),
    ("played", 0, False),     # only the preview itself: it wrote a result it did not state
    ("scheduled", 0, True),
])
def test_a_previews_scheduled_match_is_the_fixture_row_other_sources_moved_on(built_status, other_sources, expected):
    gold = ev.Row("matches", "k", ("2020-12-09", "ajax", "atalanta", "scheduled"), "", {"score": (None, None)})
    built = ev.Row("matches", "k", ("2020-12-09", "ajax", "atalanta", built_status), "",
                   {"score": (0, 1), "date_from": "", "date_to": "", "other_sources": other_sources})
    assert ev.same("matches", built, gold) is expected
    played_gold = ev.Row("matches", "k", ("2020-12-09", "ajax", "atalanta", "played"), "", {"score": (0, 1)})
    assert ev.same("matches", ev.Row("matches", "k", ("2020-12-09", "ajax", "atalanta", "scheduled"), "",
                                     {"score": (None, None), "date_from": "", "date_to": "",
                                      "other_sources": 3}), played_gold) is False   # only that way round


def test_a_pulled_text_that_differs_from_the_measured_one_is_named(tmp_path, capsys):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "k1.txt").write_text("Ajax - Atalanta 0-1.", encoding="utf-8")
    (texts / "k2.txt").write_text("Atalanta - Fiorentina 3-0.", encoding="utf-8")
    record = tmp_path / "texts.sha256"
    ev.write_hashes(record, ev.text_hashes(texts, ["k1", "k2", "k3"]))
    assert set(ev.read_hashes(record)) == {"k1", "k2"}
    assert ev.changed_texts(ev.read_hashes(record), ev.text_hashes(texts, ["k1", "k2"])) == []

    (texts / "k2.txt").write_text("Atalanta - Fiorentina 3-0.\u00a0", encoding="utf-8")
    assert ev.changed_texts(ev.read_hashes(record), ev.text_hashes(texts, ["k1", "k2"])) == ["k2"]
