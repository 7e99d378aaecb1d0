"""What a chart sends to the browser: only the columns its marks, tooltips, filters and
selections read (pages._shared.only_used_columns), every row of them, and the spec as it was."""
from __future__ import annotations

import altair as alt
import pandas as pd
import pyarrow as pa

from fanboard import charts, views
from fanboard.tables import read_tables
from pages._shared import chart_specs, only_used_columns, vega_lite_spec


def frames(spec: dict) -> dict[str, pd.DataFrame]:
    return {name: pa.ipc.open_stream(data).read_all().to_pandas() for name, data in spec["datasets"].items()}


EVENT_COLUMNS = ["event_id", "certainty", "summary", "sources", "quote", "start", "end", "day", "when", "kind",
                 "type_label", "sources_label", "actors_label", "lane", "filled", "open_end"]
MATCH_COLUMNS = ["round", "result", "result_label", "status_reason", "fixture", "sources", "lane", "day",
                 "mark_label", "opponent_label", "href", "labelled", "top_scale", "bottom_scale"]


def test_the_timeline_sends_the_columns_it_draws_and_every_row(tables_dir):
    d = views.Dashboard.create(read_tables(tables_dir), views.Filters())
    made = charts.timeline_panels(d.events, d.results, d.positions, club=d.club)
    top, bottom = chart_specs(d, "timeline", lambda: made)
    whole = vega_lite_spec(made[0])
    assert {k: v for k, v in top.items() if k != "datasets"} == {k: v for k, v in whole.items() if k != "datasets"}
    sent, everything = frames(top), frames(whole)
    assert list(sent) == list(everything)
    by_kind = {("event_id" in f.columns): f for f in sent.values()}
    assert list(by_kind[True].columns) == EVENT_COLUMNS          # not event_ids, raw dates, agents, ...
    assert list(by_kind[False].columns) == MATCH_COLUMNS         # not match_id, score, venue, replay, ...
    for name, frame in sent.items():
        pd.testing.assert_frame_equal(frame, everything[name][list(frame.columns)])
    assert list(frames(bottom)[next(iter(bottom["datasets"]))].columns) == ["day", "position", "basis", "detail", "label_scale"]


def test_a_column_named_only_in_an_expression_or_a_selection_stays():
    df = pd.DataFrame({"x": [1, 2], "odd name": ["a", "b"], "pick": ["p", "q"], "unused": ["u", "v"]})
    pick = alt.selection_point(name="sel", fields=["pick"])
    chart = alt.Chart(df).mark_point().encode(x="x:Q").transform_filter("datum['odd name'] != 'c'").add_params(pick)
    sent = frames(only_used_columns(vega_lite_spec(chart)))
    assert [list(f.columns) for f in sent.values()] == [["x", "odd name", "pick"]]


def test_a_tooltip_of_every_field_keeps_every_column():
    df = pd.DataFrame({"x": [1, 2], "note": ["a", "b"]})
    spec = vega_lite_spec(alt.Chart(df).mark_point(tooltip=True).encode(x="x:Q"))
    assert only_used_columns(spec) == spec


def test_a_filter_state_gets_the_timeline_built_for_it_though_only_its_rows_and_lanes_are_new(tables_dir, monkeypatch):
    """chart_specs_with_data builds the Timeline once per frame (dates, titles, position axis) and
    swaps in each other state's rows and lanes: the specs are those built for that state."""
    from datetime import date

    from fanboard import timeline_chart
    from pages import _shared

    monkeypatch.setattr(_shared, "_SHAPES", type(_shared._SHAPES)())
    tables = read_tables(tables_dir)
    people = views.people(tables)
    dates = {"date_from": date(2020, 11, 8), "date_to": date(2020, 12, 19)}
    base = views.Dashboard.create(tables, views.Filters(**dates))
    states = ([views.Filters(**dates)] + [views.Filters(players=(p,), **dates) for p in people]
              + [views.Filters(players=tuple(people[:2]), **dates)]
              + [views.Filters(competitions=(c,), **dates) for c in views.competitions(tables)]
              + [views.Filters(languages=(lang,), **dates) for lang in views.languages(tables)])
    lanes_seen, built = set(), []
    monkeypatch.setattr(_shared, "_converted", lambda make, convert=_shared._converted: built.append(1) or convert(make))
    for f in states:
        d = views.Dashboard.create(tables, f, like=base if f.players else None)
        shape, rows = timeline_chart.timeline_parts(d.events, d.results, d.positions, club=d.club, **dates)
        got = _shared.chart_specs_with_data(d, "timeline", ("timeline", shape.frame()), rows,
                                            lambda: timeline_chart.panels_of(shape, rows),
                                            lambda specs: timeline_chart.with_lanes(specs, shape.lanes))
        want = tuple(only_used_columns(vega_lite_spec(c)) for c in charts.timeline_panels(
            d.events, d.results, d.positions, club=d.club, **dates))
        assert got == want, f
        lanes_seen.add(shape.lanes)
    assert len(lanes_seen) >= 3 and len(built) == 1   # other lanes, other rows, one chart built
