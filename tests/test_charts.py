"""Chart specs: the data each chart draws, its lanes, colours and the event selection."""
from __future__ import annotations

from datetime import date

import altair as alt
import pytest

from fanboard import charts, views
from fanboard.schema import EVENT_TYPES
from fanboard.tables import frame, read_tables

from conftest import FIXTURE_TABLES

ILICIC = "Josip Iličić"


@pytest.fixture(scope="module")
def tables():
    return read_tables(FIXTURE_TABLES)  # chart functions are tested on the fixed, hand-made tables


def board(tables, **filters) -> views.Dashboard:
    return views.Dashboard.create(tables, views.Filters(date_from=date(2020, 11, 8), date_to=date(2020, 12, 19), **filters))


def rows_of(spec: dict, column: str) -> list[dict]:
    """All dataset rows (any dataset of the spec) that have `column`."""
    return [r for rows in spec.get("datasets", {}).values() for r in rows if column in r]


def params_of(spec: dict) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            found.extend(node.get("params", []))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return found


def timeline(d: views.Dashboard) -> dict:
    f = d.filters
    return charts.timeline_chart(d.events, d.results, d.positions, club=d.club,
                                 date_from=f.date_from, date_to=f.date_to).to_dict()


def test_timeline_draws_every_event_match_and_position(tables):
    spec = timeline(board(tables))
    events = {r["event_id"]: r for r in rows_of(spec, "event_id")}
    assert sorted(events) == [f"E{i}" for i in range(1, 9)]
    assert events["E2"]["certainty"] == "reported" and events["E2"]["filled"] is False
    assert events["E7"]["is_range"] is True  # the Instagram post is only known to a window
    matches = {r["fixture"]: r for r in rows_of(spec, "fixture")}
    assert {k: v["mark_label"] for k, v in matches.items()} == {
        "Atalanta 1-1 FC Midtjylland": "D 1-1",
        "Udinese – Atalanta": "postponed",
        "Ajax 0-1 Atalanta": "W 0-1",
        "Atalanta 3-0 Fiorentina": "W 3-0",
    }
    positions = {(r["basis"], r["position"]) for r in rows_of(spec, "basis")}
    assert ("article", 9) in positions and ("computed table", 8) in positions


def test_timeline_lanes_are_event_types_then_competitions(tables):
    spec = timeline(board(tables))
    top = spec["vconcat"][0]
    lanes = top["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert lanes == [views.humanize(t) for t in EVENT_TYPES] + ["Champions League", "Serie A"]


def test_timeline_click_selects_an_event_by_id(tables):
    (param,) = [p for p in params_of(timeline(board(tables))) if p["name"] == "event"]
    assert param["select"]["type"] == "point" and param["select"]["fields"] == ["event_id"]


def test_timeline_follows_the_player_filter(tables):
    spec = timeline(board(tables, players=(ILICIC,)))
    assert sorted({r["event_id"] for r in rows_of(spec, "event_id")}) == ["E3", "E5", "E6"]
    assert sorted({r["opponent"] for r in rows_of(spec, "fixture")}) == ["FC Midtjylland", "Udinese"]


def test_timeline_of_nothing_is_still_a_valid_chart(tables):
    empty = {name: frame(name) for name in tables}
    d = views.Dashboard.create(empty, views.Filters())
    spec = charts.timeline_chart(d.events, d.results, d.positions, club=None).to_dict()
    assert spec["vconcat"][0]["title"]["text"] == "The club: conflict events and results"


def test_results_strip_in_date_order(tables):
    d = board(tables)
    spec = charts.results_strip(d.results, club=d.club).to_dict()
    rows = sorted(rows_of(spec, "letter"), key=lambda r: r["slot"])
    assert [r["letter"] for r in rows] == ["D", "P", "W", "W"]
    assert [r["score_label"] for r in rows] == ["1-1", "postponed", "1-0", "3-0"]
    assert [r["against"] for r in rows] == ["v FC Midtjylland", "at Udinese", "at Ajax", "v Fiorentina"]
    # Every tile links to its match page (the replay date is tested on the real build).
    assert [r["href"] for r in rows][1] == "match?match=" + rows[1]["match_id"]
    assert spec["width"] == "container"


def test_player_grid_cells(tables):
    d = board(tables)
    grid = views.player_grid(d.filtered["player_status"], d.results, ["Alejandro Gómez", ILICIC])
    spec = charts.player_grid_chart(grid).to_dict()
    cells = {(r["player"], r["match"]): r["status"] for r in rows_of(spec, "status")}
    assert cells == {
        ("Alejandro Gómez", "01 Dec FC Midtjylland"): "subbed off",
        ("Alejandro Gómez", "06 Dec Udinese"): "left out",
        ("Alejandro Gómez", "09 Dec Ajax"): "started",
        ("Alejandro Gómez", "13 Dec Fiorentina"): "unused",
        (ILICIC, "01 Dec FC Midtjylland"): "subbed on",
        (ILICIC, "06 Dec Udinese"): "left out",
        (ILICIC, "09 Dec Ajax"): "no information",
        (ILICIC, "13 Dec Fiorentina"): "no information",
    }


def test_colours_are_fixed_per_type_result_and_competition():
    assert set(charts.EVENT_COLORS) == {views.humanize(t) for t in EVENT_TYPES}
    assert len(set(charts.EVENT_COLORS.values())) == len(EVENT_TYPES)
    assert list(charts.RESULT_COLORS)[:4] == ["won", "drawn", "lost", "postponed"]
    assert set(charts.STATUS_COLORS) == set(views.GRID_LABELS)
    one = charts.competition_colors(["Serie A", "Champions League"])
    assert one == charts.competition_colors(["Champions League", "Serie A", "Serie A"])
    assert one["Serie A"] != one["Champions League"]
    assert isinstance(charts.results_strip, object) and alt.SCHEMA_VERSION
