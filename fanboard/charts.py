"""Charts: pure functions from (already filtered) tables to Altair charts.

The colours are in fanboard.chart_style (the same on every page and in every export), the
Timeline chart in fanboard.timeline_chart; both are re-exported here.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from . import views
from .chart_style import (COMPETITION_PALETTE, EVENT_COLORS, EVENT_PALETTE, MUTED, RESULT_COLORS,  # noqa: F401
                          RESULT_ORDER, STATUS_COLORS, competition_colors)
from .timeline_chart import LABEL_SCALES, _label_scales, timeline_chart, timeline_panels  # noqa: F401


def _strip_rows(results: pd.DataFrame, club: str | None) -> pd.DataFrame:
    """The strip's text: the score, who against (the postponed card names the opponent and the
    replay), the day and competition, and the match page's address."""
    res = results.reset_index(drop=True)
    recs = res.to_dict("records")

    def score(r: dict) -> str:
        if r["result"] == "P":
            return "postponed"
        return r["score"] or r["fixture_score"] or "–"

    def against(r: dict) -> str:
        if not r["involves_club"]:
            return r["fixture"]
        where = "v" if r["venue"] == "home" else "at"
        return f"{where} {r['opponent']}"

    def when(r: dict) -> str:
        day = f"{r['date']:%d %b}" if pd.notna(r["date"]) else ""
        if r["result"] == "P" and pd.notna(r.get("replay")):
            return f"{day} → replay {r['replay']:%d %b %Y}"
        return f"{day} · {r['competition']}"

    return res.assign(
        slot=range(len(res)),
        letter=res["result"].map(lambda r: r if r in ("W", "D", "L", "N") else "P" if r == "P" else "–"),
        score_label=[score(r) for r in recs],
        against=[against(r) for r in recs],
        caption=[when(r) for r in recs],
        href=[views.match_url(m) for m in res["match_id"]],
    )


def results_strip(results: pd.DataFrame, *, club: str | None, width: int | str = "container") -> alt.LayerChart:
    """The latest results as a row of tiles, oldest left, fitting its container.

    Each tile links to its match page. Texts are cut to the tile's width (never overlapping):
    the score, the opponent (or the fixture for a match without the club), the day.
    """
    res = _strip_rows(results, club)
    n = max(len(res), 1)
    result_scale = alt.Scale(domain=list(RESULT_COLORS), range=list(RESULT_COLORS.values()))
    x = alt.X("slot:O", axis=None, title=None, scale=alt.Scale(paddingInner=0.1, paddingOuter=0.05))
    tooltip = [alt.Tooltip("fixture:N", title="match"), alt.Tooltip("competition:N"), alt.Tooltip("round:N"),
               alt.Tooltip("result_label:N", title=f"result for {club or 'the club'}"),
               alt.Tooltip("status_reason:N", title="reason"), alt.Tooltip("caption:N", title="when")]
    fit = alt.ExprRef(f"max(30, width / {n} - 6)")

    # Rows by data value (not pixels), so the layout survives Streamlit fitting the chart.
    def row(v: float) -> alt.YDatum:
        return alt.YDatum(v, scale=alt.Scale(domain=[0, 4]), axis=None)

    base = alt.Chart(res).encode(x=x, href="href:N")
    tiles = base.mark_square(size=1100, opacity=1, cornerRadius=6, cursor="pointer").encode(
        y=row(3.1), color=alt.Color("result_label:N", scale=result_scale, legend=None), tooltip=tooltip)
    letters = base.mark_text(fontSize=18, fontWeight="bold", color="white", cursor="pointer").encode(
        y=row(3.1), text="letter:N", tooltip=tooltip)
    scores = base.mark_text(fontSize=12, fontWeight="bold", limit=fit).encode(
        y=row(1.8), text="score_label:N", color=alt.Color("result_label:N", scale=result_scale, legend=None),
        tooltip=tooltip)
    against = base.mark_text(fontSize=11, limit=fit, color=MUTED).encode(y=row(1.1), text="against:N", tooltip=tooltip)
    captions = base.mark_text(fontSize=10, color=MUTED, limit=fit).encode(y=row(0.4), text="caption:N", tooltip=tooltip)
    return alt.layer(tiles, letters, scores, against, captions).properties(
        width=width, height=160,
        title=alt.TitleParams(f"{club or 'The club'}: latest results", anchor="start", fontSize=14),
    ).configure_view(stroke=None)


CELL_CHAR_PX = 7.5   # the width of a character of the grid's 12 px bold cell words, generously


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
    # A cell's word only where every column is wide enough for the longest word: with many
    # matches (a season of articles) the words would spill over the cells and the names.
    n_matches = len(order) or 1
    longest = max((len(s) for s in grid["status"]), default=0) if len(grid) else 0
    fits = f"width / {n_matches} >= {longest * CELL_CHAR_PX + 12:g}"
    text = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text=alt.condition(fits, alt.Text("status:N"), alt.value("")),
        color=alt.condition(f"datum.status == '{views.NO_INFORMATION}'", alt.value("#495057"), alt.value("white")),
        tooltip=tooltip,
    )
    n_players = grid["player"].nunique() if len(grid) else 1
    return alt.layer(cells, text).properties(
        width=width if width != "container" else alt.Step(130), height=alt.Step(44) if n_players else 44,
        title=alt.TitleParams("Player status per match", anchor="start", fontSize=14),
    )
