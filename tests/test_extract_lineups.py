"""Statuses from lineup blocks, through the whole build (invented articles of our own that copy
the structure of a real tabellino)."""
from __future__ import annotations

import pandas as pd

from fanboard import pipeline

HOME_FIRST = """Sampdoria-Atalanta 0-2 (invented test article)

Il tabellino
SAMPDORIA (4-4-2): Audero; Bereszynski, Tonelli, Colley, Augello; Candreva, Thorsby, Ekdal (70' Verre), Jankto; Gomez, Quagliarella. All. Ranieri
ATALANTA (3-4-1-2): Gollini; Toloi, Romero, Djimsiti; Hateboer (75' Maehle), De Roon, Freuler, Gosens; Pessina (60' Malinovskyi); Muriel (60' Ilicic), Zapata. A disposizione: Sportiello, Rossi, Palomino, Caldara, Ilicic, Malinovskyi, Maehle. All. Gasperini
Marcatori: 55' Zapata, 80' Ilicic
"""

AWAY_FIRST = """Atalanta beaten at home (invented test article)

ATALANTA (3-4-1-2): Gollini; Toloi, Romero, Djimsiti; Hateboer, De Roon, Freuler, Gosens; Pessina; Muriel (46' Ilicic), Zapata. All. Gasperini
SAMPDORIA (4-4-2): Audero; Bereszynski, Tonelli, Colley, Augello; Candreva, Thorsby, Ekdal, Jankto; Gomez (88' Verre), Quagliarella. All. Ranieri
"""


def build(tmp_path, text: str, published: str) -> dict[str, pd.DataFrame]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "articles.toml").write_text(f'[report]\npublished = "{published}"\nlanguage = "it"\n',
                                          encoding="utf-8")
    return pipeline.build([folder], None, cache_dir=None, write=False).tables


def statuses(tables, match_id):
    ps = tables["player_status"]
    rows = ps[ps["match_id"] == match_id][["player", "status", "value"]]
    return sorted(map(tuple, rows.values.tolist()))


def test_a_tabellino_gives_the_known_club_players_statuses_in_the_linked_match(tmp_path):
    tables = build(tmp_path, HOME_FIRST, "2021-03-01")
    assert list(tables["matches"]["match_id"]) == ["2021-02-28-sampdoria-atalanta"]
    started = ["Berat Djimsiti", "Cristian Romero", "Duván Zapata", "Hans Hateboer", "Luis Muriel",
               "Marten de Roon", "Matteo Pessina", "Pierluigi Gollini", "Rafael Tolói", "Remo Freuler",
               "Robin Gosens"]
    expected = sorted([(p, "started", "") for p in started] + [
        ("Hans Hateboer", "substituted_off", "75"), ("Joakim Mæhle", "substituted_on", "75"),
        ("Matteo Pessina", "substituted_off", "60"), ("Ruslan Malinovskyi", "substituted_on", "60"),
        ("Luis Muriel", "substituted_off", "60"), ("Josip Iličić", "substituted_on", "60"),
        ("Marco Sportiello", "unused_substitute", ""), ("Francesco Rossi", "unused_substitute", ""),
        ("José Luis Palomino", "unused_substitute", ""), ("Mattia Caldara", "unused_substitute", ""),
    ] + [(p, "started", "") for p in (  # Sampdoria's squad is in the KB too; its "Gomez" is no one
        "Emil Audero", "Bartosz Bereszyński", "Lorenzo Tonelli", "Omar Colley", "Tommaso Augello",
        "Antonio Candreva", "Morten Thorsby", "Albin Ekdal", "Jakub Jankto", "Fabio Quagliarella")
    ] + [("Albin Ekdal", "substituted_off", "70"), ("Valerio Verre", "substituted_on", "70")])
    assert statuses(tables, "2021-02-28-sampdoria-atalanta") == expected


def test_a_name_in_another_clubs_sheet_is_not_the_known_player_of_that_name(tmp_path):
    tables = build(tmp_path, HOME_FIRST, "2021-03-01")
    assert not (tables["player_status"]["player"] == "Alejandro Gómez").any()


def test_the_calendar_decides_home_and_away_when_the_printed_order_is_the_other(tmp_path):
    # published the day after Atalanta-Sampdoria: only that fixture of the pair had been played
    tables = build(tmp_path, AWAY_FIRST, "2020-10-25")
    assert list(tables["matches"]["match_id"]) == ["2020-10-24-atalanta-sampdoria"]
    assert ("Josip Iličić", "substituted_on", "46") in statuses(tables, "2020-10-24-atalanta-sampdoria")


def test_the_goal_line_gives_the_goals_table(tmp_path):
    tables = build(tmp_path, HOME_FIRST, "2021-03-01")
    goals = tables["goals"][["match_id", "date", "scorer", "team", "minute", "penalty", "own_goal", "sources"]]
    assert goals.values.tolist() == [
        ["2021-02-28-sampdoria-atalanta", "2021-02-28", "Duván Zapata", "Atalanta", "55", "", "", "report"],
        ["2021-02-28-sampdoria-atalanta", "2021-02-28", "Josip Iličić", "Atalanta", "80", "", "", "report"],
    ]
    prov = tables["provenance"]
    assert set(prov[prov["table"] == "goals"]["quote"]) == {"Marcatori: 55' Zapata, 80' Ilicic"}


def test_a_captain_mark_is_a_captain_row_without_a_match_and_he_still_went_off(tmp_path):
    text = HOME_FIRST.replace("Pessina (60' Malinovskyi)", "Pessina (cap.) (15' st Malinovskyi)")
    tables = build(tmp_path, text, "2021-03-01")
    ps = tables["player_status"]
    captain = ps[ps["status"] == "captain"][["player", "match_id"]].values.tolist()
    assert captain == [["Matteo Pessina", ""]]
    got = statuses(tables, "2021-02-28-sampdoria-atalanta")
    assert ("Matteo Pessina", "substituted_off", "60") in got and ("Ruslan Malinovskyi", "substituted_on", "60") in got


PREVIEW_NL = """Ajax met Klaassen tegen Atalanta (invented test article)

Ajax speelt woensdag de thuiswedstrijd tegen Atalanta. Vorige week verloor Ajax met 1-0 van Liverpool.
De wedstrijd tegen Atalanta is beslissend voor Ajax.

Opstelling Ajax: Onana; Mazraoui, Schuurs, Blind, Tagliafico; Klaassen, Gravenberch, Labyad; Antony, Traoré, Tadic
"""


def test_a_lone_sheet_belongs_to_the_match_the_preview_tells_most(tmp_path):
    # the article tells two matches of Ajax; the coming one is named twice, last week's once
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "preview.txt").write_text(PREVIEW_NL, encoding="utf-8")
    (folder / "articles.toml").write_text('[preview]\npublished = "2020-12-08"\nlanguage = "nl"\n', encoding="utf-8")
    tables = pipeline.build([folder], None, cache_dir=None, write=False).tables
    got = statuses(tables, "2020-12-09-ajax-atalanta")
    assert ("André Onana", "started", "") in got and ("Davy Klaassen", "started", "") in got
    assert len([r for r in got if r[1] == "started"]) == 11
    assert statuses(tables, "2020-12-01-liverpool-ajax") == []
