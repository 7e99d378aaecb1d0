"""Chart specs: the data each chart draws, its lanes, colours and the event selection."""
from __future__ import annotations

import re

from datetime import date

import altair as alt
import pandas as pd
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
        "Ajax 0-1 Atalanta": "W 1-0",   # the club's goals first, as on the Overview
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


def _shown_clear(days, widths, scales, px_per_day) -> bool:
    """True when the labels a chart draws at px_per_day keep clear of each other."""
    shown = [i for i, s in enumerate(scales) if s <= px_per_day]
    return all(abs((days[a] - days[b]).days) * px_per_day >= (widths[a] + widths[b]) / 2
               for a in shown for b in shown if a < b)


@pytest.mark.parametrize("seed", range(5))
def test_labels_never_overlap_at_any_width_and_all_show_when_wide(seed):
    import random

    rnd = random.Random(seed)
    days = [pd.Timestamp("2020-09-01") + pd.Timedelta(days=rnd.randrange(0, 270)) for _ in range(46)]
    widths = [rnd.choice([20, 40, 70, 96]) for _ in days]
    scales = charts._label_scales(days, widths)
    for px_per_day in [0.5, 1, 1.7, 3, 6.4, 10, 22.7, 40]:
        assert _shown_clear(days, widths, scales, px_per_day), px_per_day
    assert sum(s <= 3 for s in scales) < sum(s <= 40 for s in scales)  # wider: more labels
    assert min(scales) == 0.0  # one label is always drawn
    assert all(s <= 500 for s, d in zip(scales, days) if days.count(d) == 1)  # each fits at some width


def field_values(spec: dict, field: str) -> dict[str, float]:
    return {r["fixture"]: r[field] for r in rows_of(spec, "fixture")}


def test_timeline_labels_fit_a_desktop_and_thin_out_on_a_phone(tables):
    d = board(tables)
    spec = timeline(d)
    span = (date(2020, 12, 20) - date(2020, 11, 7)).days  # the chart's domain: a day of margin each side
    desktop, phone = 1400 / span, 200 / span  # pixels per day of a wide plot, and of one on a 390 px phone
    top, bottom = field_values(spec, "top_scale"), field_values(spec, "bottom_scale")
    assert all(v <= desktop for v in top.values()) and all(v <= desktop for v in bottom.values())
    assert sum(v <= phone for v in top.values()) + sum(v <= phone for v in bottom.values()) < len(top) + len(bottom)
    for layer in spec["vconcat"][0]["layer"]:  # the text layers filter on the chart's own width
        if layer["mark"]["type"] == "text":
            assert any("width /" in str(t.get("filter", "")) for t in layer.get("transform", []))
    # league positions are labelled the same way
    positions = [r for r in rows_of(spec, "label_scale") if r["basis"] == "computed table"]
    assert positions and min(r["label_scale"] for r in positions) == 0.0


def test_position_panel_for_a_group_and_the_page_fit():
    from fanboard.reference import load_fixtures

    pos = views.group_positions(load_fixtures(), "UEFA Champions League", "Group D", "Atalanta")
    top, bottom = charts.timeline_panels(views.timeline_events(frame("events"), {}), views.match_results(frame("matches"), None),
                                         pos, club="Atalanta", position_title="Atalanta: Group D position", places=4)
    spec = bottom.to_dict()
    assert spec["title"]["text"] == "Atalanta: Group D position"
    y = spec["layer"][0]["encoding"]["y"]
    assert y["axis"]["values"] == [1, 2, 3, 4] and y["scale"]["domain"] == [0.6, 4.4]
    # the plot keeps its height on the page (only the width fits the container) ...
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"} and top.to_dict()["autosize"]["type"] == "fit-x"
    # ... and a file export, which stacks both panels, has no autosize inside
    both = charts.timeline_chart(views.timeline_events(frame("events"), {}), views.match_results(frame("matches"), None),
                                 pos, club="Atalanta", places=4).to_dict()
    assert all("autosize" not in panel for panel in both["vconcat"])


def test_a_match_of_no_named_competition_gets_a_named_lane_and_new_years_ticks_say_the_year(tables):
    from fanboard import export
    matches = tables["matches"].copy()
    later = matches.index[matches["home"] == "Atalanta"][0]
    # a match no source put in a competition, a year after the others
    matches.loc[later, ["competition", "date", "date_from", "date_to"]] = ["", "2021-12-12", "2021-12-12", "2021-12-12"]
    d = views.Dashboard.create({**tables, "matches": matches}, views.Filters())
    chart = charts.timeline_chart(d.events, d.results, d.positions, club=d.club, width=900)
    lanes = chart.to_dict()["vconcat"][0]["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert lanes[-1] == "No competition" and "" not in lanes

    svg = export.to_svg(chart)
    assert "No competition" in svg
    # the axis runs from late 2020 to December 2021: both new years' ticks name their year
    assert "Jan 2021" in svg and "Jan 2022" not in svg
    assert "01 Jan" not in svg


def test_player_grid_words_only_where_the_cells_have_room_for_them(tables):
    from fanboard import export
    d = board(tables)
    grid = views.player_grid(d.filtered["player_status"], d.results, ["Alejandro Gómez", ILICIC])
    few = export.to_svg(charts.player_grid_chart(grid, width=900))
    # each word once in the legend, and in its cells
    assert few.count(">subbed off<") == 1 + 1 and few.count(">no information<") == 1 + 2

    # a season of matches: 36 columns of 25 px cannot hold "no information"
    season = pd.concat([grid.assign(match=grid["match"] + f" ({k})", day=grid["day"] + pd.Timedelta(days=7 * k))
                        for k in range(9)], ignore_index=True)
    assert season["match"].nunique() == 36
    many = export.to_svg(charts.player_grid_chart(season, width=900))
    assert many.count(">subbed off<") == 1 and many.count(">no information<") == 1   # the legend's
    assert "Alejandro Gómez" in many        # the names stay


def test_a_uefa_lane_is_labelled_without_uefa_so_that_it_fits(tables):
    """The lane axis has room for about 16 characters: "UEFA Champions League" was cut to
    "UEFA Champions Lea…". The lane keeps the full name (tooltips, the legend's order); its
    label drops the "UEFA "."""
    from fanboard import export
    matches = tables["matches"].assign(competition=tables["matches"]["competition"].replace(
        {"Champions League": "UEFA Champions League"}))
    d = views.Dashboard.create({**tables, "matches": matches}, views.Filters())
    chart = charts.timeline_chart(d.events, d.results, d.positions, club=d.club, width=900)
    assert "UEFA Champions League" in chart.to_dict()["vconcat"][0]["layer"][0]["encoding"]["y"]["scale"]["domain"]
    shown = re.findall(r">([^<>]+)</text>", export.to_svg(chart))    # what the chart writes (its aria labels keep the name)
    assert "Champions League" in shown and not [t for t in shown if "UEFA" in t or "…" in t]
