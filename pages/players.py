"""Players: what each player did in each match, their standing facts and their events."""
import streamlit as st

from fanboard import charts, views
from fanboard.views import curation
from pages._shared import chart_downloads, csv_download, dashboard, certainty_column, source_labels, show_table

d = dashboard()
f = d.filters
st.title("Players")

statuses = d.filtered["player_status"]
if f.players:
    focus = list(f.players)
else:
    focus = d.cached("players_focus", lambda: views.club_people(
        sorted(set(d.tables["player_status"]["player"]) - {""}), d.club))
    st.caption(f"All {views.md_escape(d.club or 'the club')} players with a status in the articles. "
               "Pick players in the sidebar to focus on them.")

results = d.results
grid = d.cached(("player_grid", tuple(focus)), lambda: views.player_grid(statuses, results, focus))
if not focus:
    st.info(f"No {views.md_escape(d.club or 'club')} player has a status in the selected articles.")
elif results.empty:
    st.info(d.empty_message("matches"))
else:
    chart = d.cached(("player_grid_chart", tuple(focus)), lambda: charts.player_grid_chart(grid))
    st.altair_chart(chart, theme="streamlit", key="player_grid")
    chart_downloads(chart, "players", d)
    csv_download(grid.drop(columns=["match_id"]), "player_grid", d, label="CSV of the grid")


def per_player() -> dict[str, tuple]:
    """Each focused person's standing facts and events, as shown: worked out once per
    Dashboard (the same filters in any session share it), not on every rerun."""
    links = d.per_tables(("curation_links", "events"), lambda: curation.links_by_key(d.tables, "events", "event_id"))
    out = {}
    for player in focus:
        facts = views.standing_facts(statuses, player)
        facts = facts.assign(article_id=facts["article_id"].map(lambda a: source_labels(a, d)))
        mine = views.timeline_events(views.events_of(d.filtered["events"], player), d.labels)
        mine = mine.assign(curated=[links.get(e) for e in mine["event_id"]])[          # corrected rows carry a badge
            ["when", "type_label", "certainty", "summary", "sources_label", "curated"]]
        out[player] = (facts, mine)
    return out


shown = d.cached(("players_page", tuple(focus)), per_player)
empty = [p for p in focus if shown[p][0].empty and shown[p][1].empty]
if empty:
    names = ", ".join(views.md_escape(p) for p in empty)
    st.caption(f"The selected articles state no standing facts and no events {f.describe_period()} about: {names}.")
for player in [p for p in focus if p not in set(empty)]:
    facts, mine = shown[player]
    st.header(player)
    with st.container():
        st.markdown("**Standing facts**")
        if facts.empty:
            st.caption(f"The selected articles state no standing facts (captaincy, contract, departure) about {player}.")
        else:
            show_table(
                facts, hide_index=True,
                column_config={
                    "fact": "Fact", "value": "Value",
                    "certainty": certainty_column(),
                    "article_id": st.column_config.TextColumn("Source", width="medium"),
                    "quote": st.column_config.TextColumn("Quote", width="large"),
                },
                key=f"facts_{views.slug(player)}",
            )
    with st.container():
        st.markdown("**Events**")
        if mine.empty:
            st.caption(f"No events for {player} {f.describe_period()}.")
        else:
            show_table(
                mine, hide_index=True,
                column_config={
                    "when": "When", "type_label": "Event",
                    "certainty": certainty_column(),
                    "summary": st.column_config.TextColumn("Summary", width="large"),
                    "sources_label": st.column_config.TextColumn("Sources", width="medium"),
                    "curated": st.column_config.LinkColumn("Curated", display_text=curation.LINK_TEXT, width="small"),
                },
                key=f"events_{views.slug(player)}",
            )
