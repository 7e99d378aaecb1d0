"""Matches: the club's matches with result, status and sources; pick one for its line-ups."""
import streamlit as st

from fanboard import charts, views
from pages._shared import csv_download, dashboard, certainty_column, source_labels

d = dashboard()
st.title("Matches")
results = d.results
if results.empty:
    st.info(d.empty_message("matches"))
    st.stop()

statuses = d.filtered["player_status"]
table = results.assign(
    result=[[r] for r in results["result_label"]],
    competition=[[c] for c in results["competition"]],
    players=[views.players_summary(statuses, m) for m in results["match_id"]],
    status=[f"{s}: {r}" if r else s for s, r in zip(results["status"], results["status_reason"])],
)
comp_colors = charts.competition_colors(views.competitions(d.tables))
st.caption(f"Results are for {d.club}. Select a row to see what each article says about the players in that match.")
picked = st.dataframe(
    table[["date", "competition", "round", "venue", "fixture", "result", "status", "players", "sources"]],
    hide_index=True, on_select="rerun", selection_mode="single-row", key="matches_table",
    column_config={
        "date": st.column_config.DateColumn("date", format="ddd D MMM YYYY"),
        "competition": st.column_config.MultiselectColumn(
            "competition", options=list(comp_colors), color=list(comp_colors.values())),
        "round": st.column_config.TextColumn("round", width="small"),
        "venue": st.column_config.TextColumn("venue", width=60),
        "fixture": st.column_config.TextColumn("match", width="medium"),
        "result": st.column_config.MultiselectColumn(
            "result", options=list(charts.RESULT_COLORS), color=list(charts.RESULT_COLORS.values())),
        "status": st.column_config.TextColumn("status", width="medium"),
        "players": st.column_config.TextColumn("players", width="large"),
        "sources": st.column_config.TextColumn("sources", width="medium"),
    },
)
csv_download(results.drop(columns=["source_ids"]), "matches", d)

rows = picked.selection.rows if picked else []
if not rows:
    st.caption("Select a match (the box at the left of its row) for the player statuses and quotes.")
else:
    match = results.iloc[rows[0]]
    st.subheader(f"{match['fixture']} · {views.format_day(match['date'].date())}")
    who = views.match_players(statuses, match["match_id"])
    if who.empty:
        st.caption(d.empty_message(f"player statuses for {match['fixture']}"))
    else:
        st.dataframe(
            who.assign(article_id=who["article_id"].map(lambda a: source_labels(a, d))), hide_index=True,
            column_config={
                "player": "player", "status": "status",
                "certainty": certainty_column(),
                "article_id": st.column_config.TextColumn("source", width="medium"),
                "quote": st.column_config.TextColumn("quote", width="large"),
            },
        )
