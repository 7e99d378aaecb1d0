"""Small drawing helpers shared by the pages: download buttons and the page context."""
from __future__ import annotations

import runpy
from pathlib import Path
from typing import Callable

import altair as alt
import pandas as pd
import streamlit as st

from fanboard import export
from fanboard.views import Dashboard

APP = Path(__file__).resolve().parents[1] / "app.py"


def dashboard() -> Dashboard:
    """The context app.py prepared for this run (tables, filters, focus club)."""
    if "dashboard" not in st.session_state:
        # The very first request to a fresh server that names a page (/timeline) runs in
        # Streamlit's legacy "pages/ folder" mode, which runs this file without app.py.
        # Running app.py here draws the sidebar, switches that mode off for good (st.navigation)
        # and runs the requested page inside it; then this outer run is done.
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
    return st.session_state["dashboard"]


def chart_downloads(chart: alt.TopLevelMixin, kind: str, d: Dashboard) -> None:
    """PNG, SVG and standalone HTML of exactly this (filtered) chart, rendered on click."""
    f = d.filters

    def name(ext: str) -> str:
        return export.file_name(kind, ext, players=f.players, date_from=f.date_from, date_to=f.date_to)

    makers: dict[str, Callable[[], bytes | str]] = {
        "png": lambda: export.to_png(chart),
        "svg": lambda: export.to_svg(chart),
        "html": lambda: export.to_html(chart, title=name("html")),
    }
    with st.container(horizontal=True, gap="small"):
        for ext, make in makers.items():
            st.download_button(
                ext.upper(), data=make, file_name=name(ext), mime=export.MIME[ext],
                key=f"download_{kind}_{ext}", on_click="ignore", icon=":material/download:",
                help=f"Download this chart as {ext.upper()} ({name(ext)})",
            )


def csv_download(df: pd.DataFrame, kind: str, d: Dashboard, label: str = "CSV") -> None:
    """The table as shown (filters applied) as CSV."""
    f = d.filters
    st.download_button(
        label, data=export.to_csv(df), mime="text/csv", key=f"download_{kind}_csv",
        file_name=export.file_name(kind, "csv", players=f.players, date_from=f.date_from, date_to=f.date_to),
        on_click="ignore", icon=":material/download:", help="Download this table as CSV, with the filters applied",
    )
