"""Charts: pure functions from (already filtered) tables to Altair charts.

Colours are fixed per result and per event type, and per competition by name order, so the
same thing has the same colour on every page and in every export. The hues are mid-tones that
read on both a white and a dark background.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Sequence

import altair as alt
import pandas as pd

from . import views
from .schema import EVENT_TYPES

RESULT_ORDER = ["W", "D", "L", "P"]
# Keyed by the result's label (views.RESULT_LABELS, the one name of each result code).
RESULT_COLORS = {views.RESULT_LABELS[code]: colour for code, colour in (
    ("W", "#2f9e44"), ("D", "#e8a317"), ("L", "#e03131"), ("P", "#868e96"), ("S", "#adb5bd"))}

# Tableau-like hues, fixed per event type in the schema's order.
EVENT_PALETTE = ["#e8590c", "#c2255c", "#1c7ed6", "#7048e8", "#d6336c", "#0ca678", "#f08c00", "#5c940d", "#495057"]
EVENT_COLORS = {views.humanize(t): EVENT_PALETTE[i % len(EVENT_PALETTE)] for i, t in enumerate(EVENT_TYPES)}

COMPETITION_PALETTE = ["#4263eb", "#0b7285", "#9c36b5", "#5f3dc4", "#2b8a3e"]

STATUS_COLORS = {
    "started": "#2f9e44",
    "subbed off": "#f08c00",
    "subbed on": "#74b816",
    "unused": "#4dabf7",
    "left out": "#e03131",
    views.NO_INFORMATION: "#dee2e6",
}

LANE_CONFLICT = "Conflict"
# Text drawn on the plot: a mid grey that reads on white and on Streamlit's dark background
# (Vega's default black vanishes in dark mode).
MUTED = "#8c939d"
AXIS_EXTENT = 170  # the same y-axis width in both timeline panels keeps their date axes aligned


def competition_colors(names: Iterable[str]) -> dict[str, str]:
    """A colour for each competition, by sorted name, so it is the same on every page."""
    return {n: COMPETITION_PALETTE[i % len(COMPETITION_PALETTE)] for i, n in enumerate(sorted(set(names)))}


def _domain(start: date | None, end: date | None, days: Sequence[pd.Timestamp]) -> list[alt.DateTime] | None:
    """A date-axis domain with a day of margin, so marks at the edges stay visible."""
    valid = [d for d in days if pd.notna(d)]
    lo = start or (min(valid).date() if valid else None)
    hi = end or (max(valid).date() if valid else None)
    if lo is None or hi is None:
        return None
    lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    return [alt.DateTime(year=d.year, month=d.month, date=d.day) for d in (lo, hi)]


def timeline_chart(
    events: pd.DataFrame,
    results: pd.DataFrame,
    positions: pd.DataFrame,
    *,
    club: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
    width: int = 760,
) -> alt.VConcatChart:
    """The saga on one date axis.

    Top: one lane per conflict event type (coloured by type, reported events hollow, events
    known only to a window drawn as a bar over it) and one lane per competition with the
    club's matches as result marks (W/D/L, postponed as a grey cross).
    Bottom: the club's league position (computed table as a line, article claims as diamonds).
    Clicking an event selects it (selection parameter "event", field event_id).

    Takes the outputs of views.timeline_events, views.match_results and views.league_positions.
    """
    x_domain = _domain(date_from, date_to, list(events.get("start", [])) + list(results.get("date", [])) + list(positions.get("day", [])))
    x_scale = alt.Scale(domain=x_domain) if x_domain else alt.Undefined
    type_lanes = views.event_type_order(events) if len(events) else []
    comp_lanes = sorted(set(results["competition"])) if len(results) else []
    lanes = type_lanes + comp_lanes
    lane_y = alt.Y("lane:N", sort=lanes, title=None, scale=alt.Scale(domain=lanes),
                   axis=alt.Axis(labelLimit=160, labelFontWeight="bold", minExtent=AXIS_EXTENT, maxExtent=AXIS_EXTENT))
    x_axis = alt.X("day:T", scale=x_scale, title=None, axis=alt.Axis(format="%d %b", labelAngle=0, tickCount="day" if x_domain and _span_days(x_domain) <= 21 else alt.Undefined, grid=True))
    # One colour scale for the whole top panel (a layer shares its scales): event types and
    # results. The legend lists only the results; the lanes already name the event types.
    colors = alt.Scale(domain=list(EVENT_COLORS) + list(RESULT_COLORS),
                       range=list(EVENT_COLORS.values()) + list(RESULT_COLORS.values()))
    height = max(60, 44 * len(lanes))
    top = alt.layer(*_event_layers(events, lane_y, x_axis, colors), *_match_layers(results, lane_y, colors, club)).properties(
        width=width, height=height,
        title=alt.TitleParams(f"{club or 'The club'}: conflict events and results", anchor="start", fontSize=14),
    )
    bottom = _position_panel(positions, x_scale, club, width)
    return alt.vconcat(top, bottom, spacing=16).resolve_scale(x="shared", color="independent")


def _event_layers(events: pd.DataFrame, lane_y: alt.Y, x_axis: alt.X, event_colors: alt.Scale) -> list[alt.Chart]:
    """The timeline's event marks: windows as bars, events as circles (hollow when reported)."""
    ev = events.assign(lane=events["type_label"], filled=events["certainty"].eq("confirmed"))
    pick = alt.selection_point(name="event", fields=["event_id"], on="click", empty=False)
    tooltip = [
        alt.Tooltip("type_label:N", title="event"),
        alt.Tooltip("when:N", title="when"),
        alt.Tooltip("summary:N", title="summary"),
        alt.Tooltip("quote:N", title="quote"),
        alt.Tooltip("certainty:N", title="certainty"),
        alt.Tooltip("actors_label:N", title="who"),
        alt.Tooltip("sources_label:N", title="sources"),
    ]
    base_ev = alt.Chart(ev).encode(y=lane_y)
    windows = base_ev.transform_filter("datum.is_range").mark_bar(height=8, opacity=0.35, cornerRadius=4).encode(
        x=alt.X("start:T", title=None), x2="end:T",
        color=alt.Color("type_label:N", scale=event_colors, legend=None),
        tooltip=tooltip,
    )
    points = base_ev.mark_point(size=260, strokeWidth=2.5, shape="circle").encode(
        x=x_axis,
        color=alt.Color("type_label:N", scale=event_colors, legend=None),
        fill=alt.condition("datum.filled", alt.Color("type_label:N", scale=event_colors, legend=None), alt.value("transparent")),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.85)),
        size=alt.condition(pick, alt.value(480), alt.value(260)),
        tooltip=tooltip,
    ).add_params(pick)
    return [windows, points]


def _match_layers(results: pd.DataFrame, lane_y: alt.Y, result_scale: alt.Scale, club: str | None) -> list[alt.Chart]:
    """The timeline's match marks: a square per played match, a cross when postponed, with labels."""
    res = results.assign(lane=results["competition"], day=results["date"])
    res = res.assign(mark_label=[
        f"{r['result']} {r['fixture_score']}" if r["result"] in ("W", "D", "L") else ("postponed" if r["result"] == "P" else "")
        for r in res.to_dict("records")
    ])
    res = res.assign(opponent_label=[f"v {o}" if v == "home" else f"at {o}" for o, v in zip(res["opponent"], res["venue"])])
    match_tooltip = [
        alt.Tooltip("fixture:N", title="match"),
        alt.Tooltip("day:T", title="date", format="%a %d %b %Y"),
        alt.Tooltip("round:N", title="round"),
        alt.Tooltip("result_label:N", title=f"result for {club or 'the club'}"),
        alt.Tooltip("status_reason:N", title="reason"),
        alt.Tooltip("sources:N", title="sources"),
    ]
    base_m = alt.Chart(res).encode(x=alt.X("day:T", title=None), y=lane_y)
    played = base_m.transform_filter("datum.result != 'P'").mark_square(size=420, opacity=1).encode(
        color=alt.Color("result_label:N", scale=result_scale, legend=None),
        tooltip=match_tooltip,
    )
    postponed = base_m.transform_filter("datum.result == 'P'").mark_point(shape="cross", size=420, strokeWidth=2, filled=True, angle=45).encode(
        color=alt.Color("result_label:N", scale=result_scale, legend=None),
        tooltip=match_tooltip,
    )
    letters = base_m.mark_text(dy=-19, fontSize=11, fontWeight="bold").encode(
        text="mark_label:N", color=alt.Color("result_label:N", scale=result_scale, legend=None))
    opponents = base_m.mark_text(dy=19, fontSize=10, color=MUTED).encode(text="opponent_label:N")
    return [played, postponed, letters, opponents]


def _position_panel(pos: pd.DataFrame, x_scale: alt.Scale, club: str | None, width: int) -> alt.LayerChart:
    """The timeline's bottom panel: league position (computed table as a line, claims as diamonds)."""
    max_pos = int(pos["position"].max()) if len(pos) else 10
    y_pos = alt.Y("position:Q", title=None, scale=alt.Scale(reverse=True, domain=[1, max(max_pos + 1, 10)], nice=False),
                  axis=alt.Axis(tickMinStep=1, values=list(range(1, max(max_pos + 1, 10) + 1, 2)),
                                minExtent=AXIS_EXTENT, maxExtent=AXIS_EXTENT))
    basis_scale = alt.Scale(domain=["computed table", "article"], range=["#4263eb", "#e8590c"])
    pos_tooltip = [alt.Tooltip("day:T", title="as of", format="%d %b %Y"), alt.Tooltip("position:Q", title="position"),
                   alt.Tooltip("basis:N", title="according to"), alt.Tooltip("detail:N", title="detail")]
    base_p = alt.Chart(pos).encode(x=alt.X("day:T", scale=x_scale, title=None, axis=alt.Axis(format="%d %b", labelAngle=0)), y=y_pos)
    line = base_p.transform_filter("datum.basis != 'article'").mark_line(point=True, strokeWidth=2).encode(
        color=alt.Color("basis:N", scale=basis_scale, title="position according to",
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        tooltip=pos_tooltip,
    )
    claims = base_p.transform_filter("datum.basis == 'article'").mark_point(shape="diamond", size=200, filled=True).encode(
        color=alt.Color("basis:N", scale=basis_scale), tooltip=pos_tooltip,
    )
    labels = base_p.transform_filter("datum.basis != 'article'").mark_text(dy=-12, fontSize=11, color=MUTED).encode(text=alt.Text("position:Q"))
    return alt.layer(line, claims, labels).properties(
        width=width, height=130,
        title=alt.TitleParams(f"{club or 'The club'}: league position", anchor="start", fontSize=14),
    )


def _span_days(domain: list[alt.DateTime]) -> int:
    a, b = (date(d.year, d.month, d.date) for d in domain)
    return (b - a).days


def results_strip(results: pd.DataFrame, *, club: str | None, width: int | str = "container") -> alt.LayerChart:
    """The latest results as a row of W/D/L/P tiles, oldest left, with the opponent underneath."""
    res = results.reset_index(drop=True)
    res = res.assign(
        slot=range(len(res)),
        letter=res["result"].map(lambda r: r if r in ("W", "D", "L") else "P" if r == "P" else "–"),
        caption=[(f"{r['date']:%d %b} · " if pd.notna(r["date"]) else "") + r["competition"] for r in res.to_dict("records")],
        score_label=[r["fixture"] if r["result"] != "P" else "postponed" for r in res.to_dict("records")],
    )
    result_scale = alt.Scale(domain=list(RESULT_COLORS), range=list(RESULT_COLORS.values()))
    x = alt.X("slot:O", axis=None, title=None)
    tooltip = [alt.Tooltip("fixture:N", title="match"), alt.Tooltip("competition:N"), alt.Tooltip("round:N"),
               alt.Tooltip("result_label:N", title="result"), alt.Tooltip("status_reason:N", title="reason")]
    # Rows by data value (not pixels), so the layout survives Streamlit fitting the chart.
    def row(v: float) -> alt.YDatum:
        return alt.YDatum(v, scale=alt.Scale(domain=[0, 4]), axis=None)

    base = alt.Chart(res).encode(x=x)
    tiles = base.mark_square(size=1600, opacity=1, cornerRadius=6).encode(
        y=row(3.0), color=alt.Color("result_label:N", scale=result_scale, legend=None), tooltip=tooltip)
    letters = base.mark_text(fontSize=22, fontWeight="bold", color="white").encode(y=row(3.0), text="letter:N", tooltip=tooltip)
    scores = base.mark_text(fontSize=12, fontWeight="bold").encode(
        y=row(1.4), text="score_label:N", color=alt.Color("result_label:N", scale=result_scale, legend=None))
    captions = base.mark_text(fontSize=11, color=MUTED).encode(y=row(0.5), text="caption:N")
    return alt.layer(tiles, letters, scores, captions).properties(
        width=width if width != "container" else alt.Step(190), height=150,
        title=alt.TitleParams(f"{club or 'The club'}: latest results", anchor="start", fontSize=14),
    ).configure_view(stroke=None)


def player_grid_chart(grid: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Players (rows) by matches (columns), each cell coloured by what the player did."""
    order = list(dict.fromkeys(grid.sort_values("day")["match"])) if len(grid) else []
    status_scale = alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values()))
    tooltip = [alt.Tooltip("player:N"), alt.Tooltip("match:N"), alt.Tooltip("competition:N"),
               alt.Tooltip("status:N"), alt.Tooltip("certainty:N"), alt.Tooltip("sources:N")]
    base = alt.Chart(grid).encode(
        x=alt.X("match:N", sort=order, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=140)),
        y=alt.Y("player:N", title=None, axis=alt.Axis(labelLimit=180, labelFontWeight="bold")),
    )
    cells = base.mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        color=alt.Color("status:N", scale=status_scale, title="status",
                        legend=alt.Legend(orient="bottom", direction="horizontal", columns=6)),
        tooltip=tooltip,
    )
    text = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text="status:N",
        color=alt.condition(f"datum.status == '{views.NO_INFORMATION}'", alt.value("#495057"), alt.value("white")),
        tooltip=tooltip,
    )
    n_players = grid["player"].nunique() if len(grid) else 1
    return alt.layer(cells, text).properties(
        width=width if width != "container" else alt.Step(130), height=alt.Step(44) if n_players else 44,
        title=alt.TitleParams("Player status per match", anchor="start", fontSize=14),
    )
