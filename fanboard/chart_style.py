"""The charts' fixed colours and shared styles: the same thing has the same colour on every
page and in every export (fanboard.charts and fanboard.timeline_chart draw with them).

Colours are fixed per result and per event type, and per competition by name order. The hues
are mid-tones that read on both a white and a dark background.
"""
from __future__ import annotations

from typing import Iterable

from . import views
from .schema import EVENT_TYPES

RESULT_ORDER = ["W", "D", "L", "P"]
# Keyed by the result's label (views.RESULT_LABELS, the one name of each result code).
RESULT_COLORS = {views.RESULT_LABELS[code]: colour for code, colour in (
    ("W", "#2f9e44"), ("D", "#e8a317"), ("L", "#e03131"), ("P", "#868e96"), ("S", "#adb5bd"), ("N", "#748ffc"))}

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
# Text drawn on the plot: a mid grey that reads on white and on Streamlit's dark background
# (Vega's default black vanishes in dark mode).
MUTED = "#8c939d"


def competition_colors(names: Iterable[str]) -> dict[str, str]:
    """A colour for each competition, by sorted name, so it is the same on every page."""
    return {n: COMPETITION_PALETTE[i % len(COMPETITION_PALETTE)] for i, n in enumerate(sorted(set(names)))}

