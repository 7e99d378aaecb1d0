"""The Timeline chart: conflict events and results on one date axis, the club's position below.

Pure functions from the shaped frames (views.timeline_events, views.match_results,
views.league_positions) to Altair charts; fanboard.charts re-exports them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

import altair as alt
import pandas as pd

from . import views
from .chart_style import EVENT_COLORS, MUTED, RESULT_COLORS

LANE_CONFLICT = "Conflict"
AXIS_EXTENT = 130  # the same y-axis width in both timeline panels keeps their date axes aligned
# Lane names are cut shorter on a phone, and the axis narrower, where the plot needs the room (containerSize() is the
# chart's width on the page; a file export has no container and keeps the full names).
NARROW = "(containerSize()[0] > 0 && containerSize()[0] < 600)"
AXIS_LABEL_LIMIT = alt.ExprRef(f"{NARROW} ? 80 : {AXIS_EXTENT - 6}")
AXIS_WIDTH = alt.ExprRef(f"{NARROW} ? 86 : {AXIS_EXTENT}")
# The plot's height is the chart's height, and only its width follows the page: Streamlit's
# default ("fit") squeezes the title, axis and legend into the height and flattens the plot.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
POSITION_LABEL_PX = 22  # a position label ("12") with its air, for _label_scales


def _domain(start: date | None, end: date | None, days: Sequence[pd.Timestamp]) -> tuple[date, date] | None:
    """A date-axis domain with a day of margin, so marks at the edges stay visible."""
    valid = [d for d in days if pd.notna(d)]
    lo = start or (min(valid).date() if valid else None)
    hi = end or (max(valid).date() if valid else None)
    if lo is None or hi is None:
        return None
    return lo - timedelta(days=1), hi + timedelta(days=1)


@dataclass(frozen=True)
class TimelineShape:
    """All that the Timeline's two panels depend on besides their rows: the lanes, the dates
    shown, the titles and the position axis. Two filter states of the same shape get the same
    chart with other rows, so a page can build the chart once per shape and swap only its data
    (pages._shared.chart_specs_with_data)."""

    lanes: tuple[str, ...]
    x_domain: tuple[date, date] | None
    club: str | None
    width: int | str
    position_title: str | None
    places: int | None
    bottom_place: int   # the lowest place on the position axis
    # Short tooltips (the page): no quote and no source labels in every mark, which are most
    # of the chart's bytes; the page shows them for the event picked. A file keeps them all.
    short_tooltips: bool = False

    @property
    def span(self) -> int:
        return (self.x_domain[1] - self.x_domain[0]).days if self.x_domain else 1

    def frame(self) -> "TimelineShape":
        """The shape but its lanes: the chart of one frame is the chart of any other once
        its lanes are put in (with_lanes). A chart without lanes stays a frame of its own."""
        return replace(self, lanes=()) if self.lanes else self


def with_lanes(specs: tuple[dict, dict], lanes: Sequence[str]) -> tuple[dict, dict]:
    """The Vega-Lite specs of panels_of (converted) with these lanes: the lane axis of every
    layer of the top panel and its height, the only places panels_of puts them. Copies what
    it changes."""
    top, bottom = specs
    layers = []
    for layer in top["layer"]:
        y = layer.get("encoding", {}).get("y", {})
        if y.get("field") == "lane":
            y = {**y, "sort": list(lanes), "scale": {**y.get("scale", {}), "domain": list(lanes)}}
            layer = {**layer, "encoding": {**layer["encoding"], "y": y}}
        layers.append(layer)
    return {**top, "layer": layers, "height": _top_height(lanes)}, bottom


def _top_height(lanes: Sequence[str]) -> int:
    return max(60, 44 * len(lanes))


def timeline_chart(
    events: pd.DataFrame,
    results: pd.DataFrame,
    positions: pd.DataFrame,
    *,
    club: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
    width: int | str = "container",
    position_title: str | None = None,
    places: int | None = None,
) -> alt.VConcatChart:
    """The saga on one date axis: the two panels of timeline_panels one above the other (the
    form a file export takes; the page draws the panels separately so each fits its width)."""
    top, bottom = timeline_panels(events, results, positions, club=club, date_from=date_from,
                                  date_to=date_to, width=width, position_title=position_title, places=places)
    for panel in (top, bottom):  # autosize belongs to the top level (a file has no page to fit)
        panel.autosize = alt.Undefined
    return alt.vconcat(top, bottom, spacing=16).resolve_scale(x="shared", color="independent")


def timeline_panels(
    events: pd.DataFrame,
    results: pd.DataFrame,
    positions: pd.DataFrame,
    *,
    club: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
    width: int | str = "container",
    position_title: str | None = None,
    places: int | None = None,
) -> tuple[alt.LayerChart, alt.LayerChart]:
    """Top: one lane per conflict event type and one per competition. An event known to a day
    is a dot (hollow when reported), one known to a window a bar over it, one known only by a
    bound a dashed arrow open towards the unknown side, ending at the bound. Matches are
    result squares (postponed: a grey cross) linking to their match pages; their labels are
    drawn for the club's matches while a lane has room (LABELS_PER_LANE), the rest are in
    tooltips. Clicking an event selects it (selection parameter "event", field event_id).
    Bottom: the club's position (computed table as a line, article claims as diamonds): in the
    league by default, or in a cup group (position_title "Rivertown: Group D position", places 4).
    Labels (matches and positions) are drawn only where the chart has room for them at its
    current width (see _label_scales); the rest are in tooltips.

    Both panels get the same explicit date domain and axis width, so their dates line up.
    Takes the outputs of views.timeline_events, views.match_results and views.league_positions.
    """
    return panels_of(*timeline_parts(events, results, positions, club=club, date_from=date_from, date_to=date_to,
                                     width=width, position_title=position_title, places=places))


def timeline_parts(
    events: pd.DataFrame,
    results: pd.DataFrame,
    positions: pd.DataFrame,
    *,
    club: str | None,
    date_from: date | None = None,
    date_to: date | None = None,
    width: int | str = "container",
    position_title: str | None = None,
    places: int | None = None,
    short_tooltips: bool = False,
) -> tuple[TimelineShape, tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
    """The shape of timeline_panels' chart and the rows of its three data sets (events,
    matches, positions): panels_of(shape, rows) is the chart."""
    days = list(events.get("start", [])) + list(events.get("end", [])) + list(results.get("date", [])) + list(positions.get("day", []))
    type_lanes = views.event_type_order(events) if len(events) else []
    comp_lanes = sorted(set(_competition_lanes(results["competition"])), key=lambda c: (c == NO_COMPETITION, c)) \
        if len(results) else []
    lanes = tuple(type_lanes + comp_lanes)
    max_pos = int(positions["position"].max()) if len(positions) else 10
    shape = TimelineShape(lanes=lanes, x_domain=_domain(date_from, date_to, days), club=club, width=width,
                          position_title=position_title, places=places,
                          bottom_place=places or max(max_pos + 1, 10), short_tooltips=short_tooltips)
    return shape, (_event_rows(events), _match_rows(results, club, lanes), _position_rows(positions))


def panels_of(shape: TimelineShape, rows: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> tuple[alt.LayerChart, alt.LayerChart]:
    """The two panels of timeline_panels, of this shape, drawing these rows (timeline_parts)."""
    ev, res, pos = rows
    lanes, club, width = list(shape.lanes), shape.club, shape.width
    x_domain = ([alt.DateTime(year=d.year, month=d.month, date=d.day) for d in shape.x_domain]
                if shape.x_domain else None)
    x_scale = alt.Scale(domain=x_domain) if x_domain else alt.Undefined
    lane_y = alt.Y("lane:N", sort=lanes, title=None, scale=alt.Scale(domain=lanes),
                   axis=alt.Axis(labelLimit=AXIS_LABEL_LIMIT, labelFontWeight="bold", minExtent=AXIS_WIDTH, maxExtent=AXIS_WIDTH,
                                 labelExpr=LANE_LABEL, labelOffset=alt.ExprRef(LANE_LABEL_OFFSET)))
    x_axis = alt.X("day:T", scale=x_scale, title=None, axis=_date_axis())
    # One colour scale for the whole top panel (a layer shares its scales): event types and
    # results. The legend lists only the results; the lanes already name the event types.
    colors = alt.Scale(domain=list(EVENT_COLORS) + list(RESULT_COLORS),
                       range=list(EVENT_COLORS.values()) + list(RESULT_COLORS.values()))
    height = _top_height(lanes)
    span = shape.span
    short = shape.short_tooltips
    top = alt.layer(*_event_layers(ev, lane_y, x_axis, colors, short),
                    *_match_layers(res, lane_y, colors, club, x_scale, span, short)).properties(
        width=width, height=height, autosize=FIT_WIDTH,
        title=alt.TitleParams(f"{club or 'The club'}: conflict events and results", anchor="start", fontSize=14),
    )
    bottom = _position_panel(pos, x_scale, club, width, span, title=shape.position_title, places=shape.places,
                             bottom_place=shape.bottom_place)
    if short:   # the page: no ARIA description per mark (thousands of them to write); the
        top = top.configure(aria=False)   # events table and the picker say the same
    return top, bottom


def _competition_lanes(competitions: pd.Series) -> pd.Series:
    """The lane of each match: its competition, or "No competition" when no source names one
    (a lane without a name reads as part of the lane above it)."""
    return competitions.where(competitions != "", NO_COMPETITION)


def _date_axis() -> alt.Axis:
    """Day labels as many as fit: about one per 70 pixels of width, never overlapping. A tick
    on the first of January says the year ("Jan 2021"), so that a chart over more than one
    season never shows two "01 Jan" with nothing to tell them apart."""
    return alt.Axis(format="%d %b", labelAngle=0, grid=True, labelOverlap=True, labelExpr=DATE_LABEL,
                    tickCount=alt.ExprRef("max(2, floor(width / 70))"))


NO_COMPETITION = "No competition"
# A lane says a UEFA competition without "UEFA " ("Champions League"): the full name does not fit
# the axis and was cut to "UEFA Champions Lea…"; the tooltips keep the full name.
# On a phone (NARROW) a lane name longer than a short word goes on two lines at its first space
# ("Squad" / "exclusion", "Champions" / "League"): cut to 80 px it read "Squad exclu…".
_LANE_NAME = "replace(datum.label, regexp('^UEFA '), '')"
_FIRST_SPACE = f"indexof({_LANE_NAME}, ' ')"
LANE_LABEL = (f"{NARROW} && length({_LANE_NAME}) > 10 && {_FIRST_SPACE} > 0"
              f" ? [substring({_LANE_NAME}, 0, {_FIRST_SPACE}), substring({_LANE_NAME}, {_FIRST_SPACE} + 1)]"
              f" : {_LANE_NAME}")
LANE_LABEL_OFFSET = f"{NARROW} && length({_LANE_NAME}) > 10 && {_FIRST_SPACE} > 0 ? -6 : 0"   # two lines centred
DATE_LABEL = ("month(datum.value) == 0 && date(datum.value) == 1 ? timeFormat(datum.value, '%b %Y')"
              " : timeFormat(datum.value, '%d %b')")

# Pixels per day at which labels are tried, coarse to fine (a factor 2^(1/8) apart).
LABEL_SCALES = [0.0] + [2.0 ** (k / 8) for k in range(-56, 81)]


def _label_scales(days: Sequence[pd.Timestamp], widths: Sequence[float]) -> list[float]:
    """For each label (centred on its day, `widths` pixels wide), the fewest pixels per day at
    which it is drawn; a label that never fits gets infinity.

    Labels are picked coarse to fine: at each scale of LABEL_SCALES, in date order, a label is
    picked when it keeps clear of every label picked so far ((w1 + w2) / 2 pixels between
    centres). Labels shown at a scale are those picked at it or before, so they never overlap,
    and a chart drawing ``width / span`` pixels per day shows the labels whose scale is at most
    that (_fits), at any width.
    """
    at = [pd.Timestamp(d).toordinal() if pd.notna(d) else None for d in days]  # plain numbers: fast
    half = [w / 2 for w in widths]
    left = sorted((i for i in range(len(at)) if at[i] is not None), key=lambda i: at[i])
    scale = [1e6] * len(at)  # "never" (JSON has no infinity)
    picked: list[int] = []
    for px_per_day in LABEL_SCALES:
        still = []
        for i in left:
            if all(abs(at[i] - at[j]) * px_per_day >= half[i] + half[j] for j in picked):
                scale[i] = px_per_day
                picked.append(i)
            else:
                still.append(i)
        left = still
        if not left:
            break
    return scale


def _fits(field: str, span: int) -> str:
    """A filter keeping the labels whose scale (`field`) the chart reaches at its width."""
    return f"datum.{field} <= width / {max(span, 1)}"


def _text_px(text: str, px_per_char: float, limit: float) -> float:
    """About how wide a label is drawn (the charts' sans-serif), with a little air."""
    return min(len(text) * px_per_char, limit) + 8


SHORT_SUMMARY = 120  # characters of a summary in a short tooltip; the picked event shows it whole


def _short(text: str, limit: int = SHORT_SUMMARY) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _count_of(cells: pd.Series) -> list[int]:
    return [len(views.split(c)) for c in cells]


def _as_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """The text columns whose texts repeat (at most one distinct per two rows) as categories:
    Arrow sends each text once (a dictionary) instead of once per mark; the values are the same."""
    texts = [c for c in frame.columns if (pd.api.types.is_string_dtype(frame[c]) and len(frame)
             and not isinstance(frame[c].dtype, pd.CategoricalDtype)
             and frame[c].map(lambda v: isinstance(v, str)).all() and frame[c].nunique() * 2 <= len(frame))]
    return frame.assign(**{c: frame[c].astype("category") for c in texts})


def _event_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The events as _event_layers draws them: with their lane, fill and open end, and for a
    short tooltip the summary cut short and the number of sources."""
    rows = events.assign(lane=events["type_label"], filled=events["certainty"].eq("confirmed"),
                         open_end=[s if k == "until" else e for s, e, k in zip(events["start"], events["end"], events["kind"])],
                         summary_short=[_short(t) for t in events["summary"]],
                         source_count=_count_of(events["sources"]))
    return _as_categories(rows)


def _event_layers(ev: pd.DataFrame, lane_y: alt.Y, x_axis: alt.X, event_colors: alt.Scale,
                  short: bool = False) -> list[alt.Chart]:
    """The timeline's event marks: windows as bars, bounds as dashed arrows, days as dots.
    A short tooltip has the summary cut short and the number of sources, not the quote and
    the sources' labels."""
    pick = alt.selection_point(name="event", fields=["event_id"], on="click", empty=False)
    tooltip = [
        alt.Tooltip("type_label:N", title="event"),
        alt.Tooltip("when:N", title="when"),
        alt.Tooltip("summary:N", title="summary"),
        alt.Tooltip("quote:N", title="quote"),
        alt.Tooltip("certainty:N", title="certainty"),
        alt.Tooltip("actors_label:N", title="who"),
        alt.Tooltip("sources_label:N", title="sources"),
    ] if not short else [
        alt.Tooltip("type_label:N", title="event"),
        alt.Tooltip("when:N", title="when"),
        alt.Tooltip("summary_short:N", title="summary"),
        alt.Tooltip("certainty:N", title="certainty"),
        alt.Tooltip("actors_label:N", title="who"),
        alt.Tooltip("source_count:Q", title="sources (click for the quote)"),
    ]
    color = alt.Color("type_label:N", scale=event_colors, legend=None)
    base_ev = alt.Chart(ev).encode(y=lane_y)
    windows = base_ev.transform_filter("datum.kind == 'range'").mark_bar(height=10, opacity=0.45, cornerRadius=4).encode(
        x=alt.X("start:T", title=None), x2="end:T", color=color, tooltip=tooltip,
    )
    bounds = base_ev.transform_filter("datum.kind == 'until' || datum.kind == 'from'").mark_rule(
        strokeWidth=3, strokeDash=[5, 3], opacity=0.9).encode(
        x=alt.X("start:T", title=None), x2="end:T", color=color, tooltip=tooltip,
    )
    # The arrowhead points at the unknown side; a bar across the known bound ends it.
    heads = base_ev.transform_filter("datum.kind == 'until' || datum.kind == 'from'").mark_point(
        size=140, filled=True, opacity=0.9).encode(
        x=alt.X("open_end:T", title=None), color=color, tooltip=tooltip,
        shape=alt.condition("datum.kind == 'until'", alt.value("triangle-left"), alt.value("triangle-right")),
    )
    stops = base_ev.transform_filter("datum.kind == 'until' || datum.kind == 'from'").mark_tick(
        thickness=3, size=18).encode(
        x=alt.X("bound:T", title=None), color=color, tooltip=tooltip,
    ).transform_calculate(bound="datum.kind == 'until' ? datum.end : datum.start")
    points = base_ev.transform_filter("datum.kind == 'day'").mark_point(size=260, strokeWidth=2.5, shape="circle").encode(
        x=x_axis,
        color=color,
        fill=alt.condition("datum.filled", color, alt.value("transparent")),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.85)),
        size=alt.condition(pick, alt.value(480), alt.value(260)),
        tooltip=tooltip,
    ).add_params(pick).properties(name="event_dots")   # a fixed view name: Altair's own hashes the rows
    return [windows, bounds, heads, stops, points]


LABELS_PER_LANE = 12  # above this many matches in a lane, only the club's get labels, by room


def _match_labels(res: pd.DataFrame, club: str | None) -> list[bool]:
    """Which matches are labelled: all of a sparse lane; in a crowded lane, the club's, and
    only when the previous labelled one is at least a few days away."""
    show = []
    for lane, group in res.groupby("lane", sort=False):
        crowded = len(group) > LABELS_PER_LANE
        last = None
        for idx, r in group.sort_values("day").iterrows():
            ok = not crowded or (r["involves_club"] and (last is None or (r["day"] - last).days >= 7))
            if ok and crowded:
                last = r["day"]
            show.append((idx, ok))
    flags = dict(show)
    return [flags.get(i, True) for i in res.index]


def _match_label_scales(res: pd.DataFrame, lanes: Sequence[str]) -> tuple[list[float], list[float]]:
    """_label_scales of the result labels (above a square) and the opponent labels (below).

    The labels below one lane's squares share a line with the labels above the next lane's,
    so each such line is spaced as one: lane i's results with lane i-1's opponents.
    """
    top = pd.Series(1e6, index=res.index)
    bottom = pd.Series(1e6, index=res.index)
    shown = res[res["labelled"]]
    for i, lane in enumerate(lanes):
        above = shown[shown["lane"] == lane]
        below = shown[shown["lane"] == lanes[i - 1]] if i else shown.iloc[0:0]
        below = below[below["opponent_label"] != ""]
        days = list(above["day"]) + list(below["day"])
        widths = [_text_px(t, 6.4, 200) for t in above["mark_label"]] + [_text_px(t, 5.4, 90) for t in below["opponent_label"]]
        scales = _label_scales(days, widths)
        top[above.index] = scales[:len(above)]
        bottom[below.index] = scales[len(above):]
    last = shown[(shown["lane"] == lanes[-1]) & (shown["opponent_label"] != "")] if lanes else shown.iloc[0:0]
    bottom[last.index] = _label_scales(list(last["day"]), [_text_px(t, 5.4, 90) for t in last["opponent_label"]])
    return list(top), list(bottom)


def _match_rows(results: pd.DataFrame, club: str | None, lanes: Sequence[str]) -> pd.DataFrame:
    """The matches as _match_layers draws them: lane, labels, which labels are drawn and from
    which width on, the match page's address."""
    res = results.assign(lane=_competition_lanes(results["competition"]), day=results["date"])
    res = res.assign(mark_label=[
        # the club's goals first, as the Overview's strip writes them ("W 4-3 at Genoa", not "W 3-4")
        f"{r['result']} {r['score']}" if r["result"] in ("W", "D", "L") else ("postponed" if r["result"] == "P" else r["fixture_score"])
        for r in res.to_dict("records")
    ])
    res = res.assign(
        opponent_label=[(f"v {o}" if v == "home" else f"at {o}") if c else "" for o, v, c in zip(res["opponent"], res["venue"], res["involves_club"])],
        href=[views.match_url(m) for m in res["match_id"]],
    )
    res = res.assign(labelled=_match_labels(res, club) if len(res) else [], source_count=_count_of(res["source_ids"]))
    top, bottom = _match_label_scales(res, [lane for lane in lanes if lane in set(res["lane"])]) if len(res) else ([], [])
    return _as_categories(res.assign(top_scale=top, bottom_scale=bottom))


def _match_layers(res: pd.DataFrame, lane_y: alt.Y, result_scale: alt.Scale, club: str | None,
                  x_scale: alt.Scale | object = alt.Undefined, span: int = 1, short: bool = False) -> list[alt.Chart]:
    """The timeline's match marks: a square per played match, a cross when postponed, with
    labels where there is room; each links to its match page (which lists the sources a
    short tooltip only counts)."""
    match_tooltip = [
        alt.Tooltip("fixture:N", title="match"),
        alt.Tooltip("day:T", title="date", format="%a %d %b %Y"),
        alt.Tooltip("round:N", title="round"),
        alt.Tooltip("result_label:N", title=f"result for {club or 'the club'}"),
        alt.Tooltip("status_reason:N", title="reason"),
        alt.Tooltip("sources:N", title="sources") if not short else
        alt.Tooltip("source_count:Q", title="sources (click for the match page)"),
    ]
    base_m = alt.Chart(res).encode(x=alt.X("day:T", title=None, scale=x_scale), y=lane_y)
    played = base_m.transform_filter("datum.result != 'P'").mark_square(size=380, opacity=1, cursor="pointer").encode(
        color=alt.Color("result_label:N", scale=result_scale, legend=None),
        tooltip=match_tooltip, href="href:N",
    )
    postponed = base_m.transform_filter("datum.result == 'P'").mark_point(shape="cross", size=380, strokeWidth=2, filled=True, angle=45, cursor="pointer").encode(
        color=alt.Color("result_label:N", scale=result_scale, legend=None),
        tooltip=match_tooltip, href="href:N",
    )
    labelled = base_m.transform_filter("datum.labelled")
    letters = labelled.transform_filter(_fits("top_scale", span)).mark_text(
        dy=-19, fontSize=11, fontWeight="bold").encode(
        text="mark_label:N", color=alt.Color("result_label:N", scale=result_scale, legend=None))
    opponents = labelled.transform_filter(_fits("bottom_scale", span)).mark_text(
        dy=19, fontSize=10, color=MUTED, limit=90).encode(text="opponent_label:N")
    return [played, postponed, letters, opponents]


def _position_rows(pos: pd.DataFrame) -> pd.DataFrame:
    """The positions with the fewest pixels per day at which each computed one is labelled."""
    computed = pos["basis"] != "article"
    scale = pd.Series(1e6, index=pos.index)
    if computed.any():
        scale[computed] = _label_scales(list(pos.loc[computed, "day"]), [POSITION_LABEL_PX] * int(computed.sum()))
    return pos.assign(label_scale=scale)


def _position_panel(pos: pd.DataFrame, x_scale: alt.Scale, club: str | None, width: int | str, span: int = 1, *,
                    title: str | None = None, places: int | None = None, bottom_place: int = 10) -> alt.LayerChart:
    """The timeline's bottom panel: the club's position (computed table as a line, claims as
    diamonds), in the league or, with `places`, in a group of that many teams."""
    ticks = list(range(1, bottom_place + 1, 1 if bottom_place <= 6 else 2))
    y_pos = alt.Y("position:Q", title=None,
                  scale=alt.Scale(reverse=True, domain=[0.6 if places else 1, bottom_place + (0.4 if places else 0)], nice=False),
                  axis=alt.Axis(tickMinStep=1, values=ticks, minExtent=AXIS_WIDTH, maxExtent=AXIS_WIDTH))
    basis_scale = alt.Scale(domain=["computed table", "article"], range=["#4263eb", "#e8590c"])
    pos_tooltip = [alt.Tooltip("day:T", title="as of", format="%d %b %Y"), alt.Tooltip("position:Q", title="position"),
                   alt.Tooltip("basis:N", title="according to"), alt.Tooltip("detail:N", title="detail")]
    base_p = alt.Chart(pos).encode(x=alt.X("day:T", scale=x_scale, title=None, axis=_date_axis()), y=y_pos)
    line = base_p.transform_filter("datum.basis != 'article'").mark_line(point=True, strokeWidth=2).encode(
        color=alt.Color("basis:N", scale=basis_scale, title="position according to",
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        tooltip=pos_tooltip,
    )
    claims = base_p.transform_filter("datum.basis == 'article'").mark_point(shape="diamond", size=200, filled=True).encode(
        color=alt.Color("basis:N", scale=basis_scale), tooltip=pos_tooltip,
    )
    labels = base_p.transform_filter("datum.basis != 'article'").transform_filter(_fits("label_scale", span)).mark_text(
        dy=-12, fontSize=11, color=MUTED).encode(text=alt.Text("position:Q"))
    return alt.layer(line, claims, labels).properties(
        width=width, height=150 if not places else 110, autosize=FIT_WIDTH,
        title=alt.TitleParams(title or f"{club or 'The club'}: league position", anchor="start", fontSize=14),
    )
