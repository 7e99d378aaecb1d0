"""Views on the real build of the seeds (the app tests check the pages; these check the shaping)."""
from __future__ import annotations

import pandas as pd

from fanboard import views
from fanboard.tables import read_tables


def test_league_position_line_uses_the_table_as_it_stood(tables_dir):
    t = read_tables(tables_dir)
    pos = views.league_positions(t["standings"], t["situation"], "Atalanta")
    assert set(pos["basis"]) == {"computed table", "article"}
    computed = pos[pos["basis"] == "computed table"].set_index("day")["position"]
    assert computed[pd.Timestamp("2020-12-07")] == 9      # after matchday 10, as the English article says
    assert computed[pd.Timestamp("2020-12-13")] == 8      # after the 3-0 against Fiorentina
    article = pos[pos["basis"] == "article"]
    assert article[["day", "position"]].values.tolist() == [[pd.Timestamp("2020-12-09"), 9]]


def test_people_filter_lists_the_people_of_the_story(tables_dir):
    assert views.people(read_tables(tables_dir)) == ["Alejandro Gómez", "Gian Piero Gasperini", "Josip Iličić"]


def test_standing_facts_read_like_dates(tables_dir):
    facts = views.standing_facts(read_tables(tables_dir)["player_status"], "Alejandro Gómez")
    assert dict(zip(facts["fact"], facts["value"])) == {
        "Captain": "", "Contract until": "June–July 2022", "Expected departure": "January 2021", "Joined": "2014"}
