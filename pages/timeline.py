"""Timeline: conflict events and results on one date axis, with the league position below."""
import streamlit as st

from fanboard import charts, views
from pages._shared import chart_downloads, csv_download, dashboard, certainty_column

d = dashboard()
f = d.filters

st.title("Timeline")
events, results, positions = d.events, d.results, d.positions
if events.empty and results.empty:
    st.info(d.empty_message("events or matches"))
    st.stop()
if events.empty:
    st.info(d.empty_message("events"))

n_ev, n_m = len(events), len(results)
st.markdown(
    f"Showing {n_ev} event{'s' * (n_ev != 1)} and {n_m} match{'es' * (n_m != 1)} "
    f"for {views.md_escape(d.who())} {f.describe_period()}."
)
chart = charts.timeline_chart(events, results, positions, club=d.club, date_from=f.date_from, date_to=f.date_to)
picked = st.altair_chart(chart, theme="streamlit", key="timeline_chart", on_select="rerun", selection_mode="event")
st.caption(
    "Filled circles are confirmed, hollow ones reported. A pale bar is the window an undated event "
    "falls in. Squares are results, a grey cross a postponed match. Hover for the quote; click an "
    "event to see where it comes from."
)
chart_downloads(chart, "timeline", d)

selected = [p.get("event_id") for p in picked.selection.get("event", [])] if picked else []
selected = [s for s in selected if s in set(events["event_id"])]
if selected:
    row = events[events["event_id"] == selected[0]].iloc[0]
    st.subheader(f"{row['type_label']} · {row['when']}")
    with st.container(border=True):
        st.markdown(views.md_escape(row["summary"]))
        st.markdown(f"**Certainty:** {row['certainty']} · **Who:** {views.md_escape(row['actors_label']) or 'not named'}")
        st.markdown(f"> {views.md_escape(row['quote'])}")
    prov = views.provenance(d.tables, "events", row["event_id"])
    if prov.empty:
        st.caption("No sentence-level provenance was recorded for this event. Its sources: " + row["sources_label"])
    else:
        st.dataframe(
            prov, hide_index=True,
            column_config={
                "article_id": st.column_config.TextColumn("article"),
                "language": st.column_config.TextColumn("lang", width="small"),
                "headline": st.column_config.TextColumn("headline", width="medium"),
                "sentence_start": st.column_config.NumberColumn("from char"),
                "sentence_end": st.column_config.NumberColumn("to char"),
                "quote": st.column_config.TextColumn("sentence", width="large"),
            },
        )

st.subheader("Events")
if events.empty:
    st.caption(d.empty_message("events"))
else:
    table = events[["when", "type_label", "actors_label", "certainty", "summary", "quote", "sources_label", "event_id"]]
    st.dataframe(
        table, hide_index=True,
        column_config={
            "when": "when",
            "type_label": st.column_config.TextColumn("event"),
            "actors_label": st.column_config.TextColumn("who", width="medium"),
            "certainty": certainty_column(),
            "summary": st.column_config.TextColumn("summary", width="large"),
            "quote": st.column_config.TextColumn("quote", width="large"),
            "sources_label": st.column_config.TextColumn("sources", width="medium"),
            "event_id": st.column_config.TextColumn("id", width="small"),
        },
    )
    csv_download(events[list(d.tables["events"].columns)], "events", d)
