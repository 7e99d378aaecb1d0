"""Players: what each player did in each match, their standing facts and their events."""
import streamlit as st

from fanboard import charts, views
from fanboard.views import curation
from pages._shared import chart_downloads, csv_download, dashboard, certainty_column, source_labels

d = dashboard()
f = d.filters
st.title("Players")

statuses = d.filtered["player_status"]
if f.players:
    focus = list(f.players)
else:
    focus = views.club_people(sorted(set(d.tables["player_status"]["player"]) - {""}), d.club)
    st.caption(f"All {views.md_escape(d.club or 'the club')} players with a status in the articles. "
               "Pick players in the sidebar to focus on them.")

results = d.results
grid = views.player_grid(statuses, results, focus)
if not focus:
    st.info(f"No {views.md_escape(d.club or 'club')} player has a status in the selected articles.")
elif results.empty:
    st.info(d.empty_message("matches"))
else:
    chart = charts.player_grid_chart(grid)
    st.altair_chart(chart, theme="streamlit", key="player_grid")
    chart_downloads(chart, "players", d)
    csv_download(grid.drop(columns=["match_id"]), "player_grid", d, label="CSV of the grid")

for player in focus:
    st.header(player)
    facts = views.standing_facts(statuses, player)
    with st.container():
        st.markdown("**Standing facts**")
        if facts.empty:
            st.caption(f"The selected articles state no standing facts (captaincy, contract, departure) about {player}.")
        else:
            st.dataframe(
                facts.assign(article_id=facts["article_id"].map(lambda a: source_labels(a, d))), hide_index=True,
                column_config={
                    "fact": "fact", "value": "value",
                    "certainty": certainty_column(),
                    "article_id": st.column_config.TextColumn("source", width="medium"),
                    "quote": st.column_config.TextColumn("quote", width="large"),
                },
                key=f"facts_{views.slug(player)}",
            )
    with st.container():
        st.markdown("**Events**")
        mine = views.timeline_events(views.events_of(d.filtered["events"], player), d.labels)
        if mine.empty:
            st.info(f"No events for {player} {f.describe_period()}.")
        else:
            links = d.per_tables(("curation_links", "events"), lambda: curation.links_by_key(d.tables, "events", "event_id"))      # corrected rows carry a badge
            st.dataframe(
                mine.assign(curated=[links.get(e) for e in mine["event_id"]])[
                    ["when", "type_label", "certainty", "summary", "sources_label", "curated"]], hide_index=True,
                column_config={
                    "when": "when", "type_label": "event",
                    "certainty": certainty_column(),
                    "summary": st.column_config.TextColumn("summary", width="large"),
                    "sources_label": st.column_config.TextColumn("sources", width="medium"),
                    "curated": st.column_config.LinkColumn("curated", display_text=curation.LINK_TEXT, width="small"),
                },
                key=f"events_{views.slug(player)}",
            )
