"""Timeline: conflict events and results on one date axis, with the league position below.

Every event has its own address (?event=<id>): the picker below the chart is bound to it,
and clicking an event in the chart picks it.
"""
import streamlit as st

from fanboard import charts, timeline_chart, views
from fanboard.views import curation
from pages._shared import chart_downloads, chart_specs_with_data, csv_download, dashboard, certainty_column, provenance_table, url_choice, show_table

EVENT_ROWS = 200   # rows of the events table a page shows at first, and more at a click
OTHERS_LABEL = "Show other clubs' matches"

d = dashboard()
f = d.filters

st.title("Timeline")
events, results, positions = d.events, d.results, d.positions
if events.empty and results.empty:
    st.info(d.empty_message("events or matches"))
    st.stop()
if events.empty:
    st.info(d.empty_message(d.events_label()))

# The conflict next to the club's own season: its matches and those an event refers to are
# drawn; matches between other clubs only when asked (?others=true). The Matches page and the
# CSV downloads keep every match.
head = st.empty()
others = st.toggle(
    OTHERS_LABEL, key="others", bind="query-params",
    help="Also draw the matches between other clubs that the articles report (marked “other clubs”). "
         "By default the chart draws the club's own matches and any match an event refers to.",
)
drawn = d.cached(("timeline matches", others), lambda: views.timeline_matches(results, events, others=others))
n_ev, n_m, hidden = len(events), len(drawn), len(results) - len(drawn)
head.markdown(
    f"Showing {n_ev:,} event{'s' * (n_ev != 1)} and {n_m:,} match{'es' * (n_m != 1)} "
    f"for {views.md_escape(d.who())} {f.describe_period()}."
    + (f" {hidden:,} match{'es' * (hidden != 1)} between other clubs {'are' if hidden != 1 else 'is'} not drawn "
       f"(switch on “{OTHERS_LABEL}” to draw {'them' if hidden != 1 else 'it'}; the Matches page lists every match)."
       if hidden else "")
)
# The position panel: the league, or the club's group in a cup (?position=<its label>)
league = d.league or "League"
choices = {league: None, **{f"{comp} {group}": comp for comp, group in d.cup_groups().items()}}
cup = choices.get(st.session_state.get("position") or st.query_params.get("position") or league)
if cup:
    positions = d.cached(("group positions", cup), lambda: d.group_positions(cup))
    panel = {"position_title": f"{d.club}: {d.cup_groups()[cup]} position ({cup})", "places": 4}
else:
    panel = {"position_title": f"{d.club}: {league} position"}
# Built once per frame (dates, titles, position axis) for all sessions: a new filter state
# only puts its rows and lanes in place (chart_specs_with_data, timeline_chart.with_lanes).
shape, rows = d.cached(("timeline parts", cup or league, others), lambda: timeline_chart.timeline_parts(
    events, drawn, positions, club=d.club, date_from=f.date_from, date_to=f.date_to, short_tooltips=True, **panel))
top, bottom = chart_specs_with_data(d, f"timeline:{cup or league}:{'all' if others else 'club'}", ("timeline", shape.frame()), rows,
                                    lambda: timeline_chart.panels_of(shape, rows),
                                    lambda specs: timeline_chart.with_lanes(specs, shape.lanes))
ids = d.cached("event_ids", lambda: list(events["event_id"]))


def picked_in_chart() -> None:
    chosen = [p.get("event_id") for p in st.session_state["timeline_chart"].selection.get("event", [])]
    chosen = [c for c in chosen if c in ids]
    if chosen:
        st.session_state["pick_event"] = chosen[0]
        st.query_params["event"] = chosen[0]


st.vega_lite_chart(spec=top, theme="streamlit", key="timeline_chart", on_select=picked_in_chart,
                   selection_mode="event", width="stretch")
if len(choices) > 1:
    st.segmented_control("Position in", list(choices), default=league, key="position", bind="query-params")
st.vega_lite_chart(spec=bottom, theme="streamlit", key="position_chart", width="stretch")
st.caption(
    "Filled circles are confirmed events, hollow ones reported. A pale bar is the window an event "
    "falls in; a dashed arrow ending at a bar is an event known only to have happened by (or "
    "from) that day. Squares are results (click one for its match page), a grey cross a "
    "postponed match. Hover for a summary; click an event for its quote and where it comes from."
)
chart_downloads(lambda: charts.timeline_chart(events, drawn, positions, club=d.club, date_from=f.date_from,
                                              date_to=f.date_to, **panel), "timeline", d)

if ids:
    names = d.cached("event_names", lambda: {
        i: f"{t} · {w}" for i, t, w in zip(events["event_id"].tolist(), events["type_label"].tolist(), events["when"].tolist())})
    # The picker lists the events of the table's page (the newest EVENT_ROWS, more after "Show
    # more") and the one picked: its options go to every session on every rerun (3,000 events
    # at 2,000 articles), and any event can be picked by a click in the chart or its address.
    rows = st.session_state.get("events_rows", EVENT_ROWS)
    listed = ids[-rows:] if len(ids) > rows else ids
    wanted = st.session_state.get("pick_event") or st.query_params.get("event")
    if wanted in ids and len(listed) < len(ids) and wanted not in set(listed):
        listed = [wanted] + listed
    chosen = url_choice("Event", listed, names, "event", placeholder=(
        "Pick an event (or click one in the chart)" if len(listed) == len(ids)
        else f"Pick one of the newest {rows:,} events (or click any in the chart)"))
    if chosen:
        row = events[events["event_id"] == chosen].iloc[0]
        st.subheader(f"{row['type_label']} · {row['when']}")
        with st.container(border=True):
            st.markdown(views.md_escape(row["summary"]))
            st.markdown(f"**Certainty:** {row['certainty']} · **Who:** {views.md_escape(row['actors_label']) or 'not named'}")
            st.markdown(f"> {views.md_escape(row['quote'])}")
            if row["match_id"]:
                st.page_link("pages/match.py", label="Its match", query_params={"match": row["match_id"]},
                             icon=":material/sports_soccer:")
            st.caption(f"This event's own address: …/{views.event_url(chosen)}")
        provenance_table(d, "events", views.split(row["event_ids"]), row["sources_label"])

st.subheader("Events")
if events.empty:
    st.caption(d.empty_message(d.events_label()))
else:
    links = d.per_tables(("curation_links", "events"), lambda: curation.links_by_key(d.tables, "events", "event_id"))  # corrected rows carry a badge
    table = d.cached("events table", lambda: events[[   # once per filter state
        "when", "type_label", "actors_label", "certainty", "summary", "quote", "sources_label", "event_id"]].assign(
        curated=[links.get(e) for e in events["event_id"]]))
    # A page of the newest rows (the table is in date order, the newest last): a browser draws
    # thousands of rows slowly and the download has them all. "Show more" adds older ones.
    shown = min(len(table), st.session_state.get("events_rows", EVENT_ROWS))
    if shown < len(table):
        st.caption(f"The newest {shown:,} of {len(table):,} events; the CSV download below has them all.")
    show_table(
        table.iloc[len(table) - shown:], hide_index=True,
        column_config={
            "when": "when",
            "type_label": st.column_config.TextColumn("event"),
            "actors_label": st.column_config.TextColumn("who", width="medium"),
            "certainty": certainty_column(),
            "summary": st.column_config.TextColumn("summary", width="large"),
            "quote": st.column_config.TextColumn("quote", width="large"),
            "sources_label": st.column_config.TextColumn("sources", width="medium"),
            "event_id": st.column_config.TextColumn("id", width="small"),
            "curated": st.column_config.LinkColumn("curated", display_text=curation.LINK_TEXT, width="small"),
        },
    )
    if shown < len(table):
        st.button(f"Show {min(EVENT_ROWS, len(table) - shown):,} more", key="more_events", icon=":material/expand_more:",
                  on_click=lambda: st.session_state.__setitem__("events_rows", shown + EVENT_ROWS))
    csv_download(events[list(d.tables["events"].columns) + ["event_ids", "sources_label"]], "events", d)
