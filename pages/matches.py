"""Matches: the club's matches with result, status and sources; each links to its match page.

A match without the club (another group game an article mentions) has no venue or result
from the club's point of view: it is listed on its own, as a neutral result.
"""
import streamlit as st

from fanboard import charts, views
from fanboard.views import curation
from pages._shared import csv_download, dashboard, show_table

d = dashboard()
st.title("Matches")
results = d.results
if results.empty:
    st.info(d.empty_message("matches"))
    st.stop()

statuses = d.filtered["player_status"]
comp_colors = charts.competition_colors(d.all_competitions)
curated = d.per_tables(("curation_links", "matches"), lambda: curation.links_by_key(d.tables, "matches", "match_id"))     # corrected rows carry a badge


def status_text(r: dict) -> str:
    text = f"{r['status']}: {r['status_reason']}" if r["status_reason"] else r["status"]
    if r["result"] == "P" and r["replay"] is not None and str(r["replay"]) != "NaT":
        text += f" · replayed {views.format_day(r['replay'].date())}"
    return text


def draw(rows, key: str, ours: bool) -> None:
    table = rows.assign(
        result=[[r] for r in rows["result_label"]],
        competition=[[c] if c else [] for c in rows["competition"]],   # no pill for a match no source puts in a competition
        players=[views.players_summary(statuses, m) for m in rows["match_id"]],
        status=[status_text(r) for r in rows.to_dict("records")],
        page=[views.match_url(m) for m in rows["match_id"]],
        curated=[curated.get(m) for m in rows["match_id"]],
    )
    # the match next to its page link: a phone shows both before any scrolling
    cols = ["page", "fixture", "date"] + (["result"] if ours else []) + ["competition", "round"] + \
        (["venue"] if ours else []) + ["status", "players", "sources", "curated"]
    show_table(
        table[cols], hide_index=True, key=key,
        column_config={
            "page": st.column_config.LinkColumn("match page", display_text="open", width="small"),
            "date": st.column_config.DateColumn("date", format="ddd D MMM YYYY"),
            "competition": st.column_config.MultiselectColumn(     # "Champions League": the pill fits a phone
                "competition", options=list(comp_colors), color=list(comp_colors.values()),
                format_func=lambda c: c.removeprefix("UEFA ")),
            "round": st.column_config.TextColumn("round", width="medium"),
            "venue": st.column_config.TextColumn("venue", width=60),
            "fixture": st.column_config.TextColumn("match", width="medium"),
            "result": st.column_config.MultiselectColumn(
                "result", options=list(charts.RESULT_COLORS), color=list(charts.RESULT_COLORS.values())),
            "status": st.column_config.TextColumn("status", width="medium"),
            "players": st.column_config.TextColumn("players", width="large"),
            "sources": st.column_config.TextColumn("sources", width="medium"),
            "curated": st.column_config.LinkColumn("curated", display_text=curation.LINK_TEXT, width="small",
                                                   help="A person corrected or confirmed it: its history"),
        },
    )


ours = results[results["involves_club"]]
others = results[~results["involves_club"]]
st.caption(f"Results are from {d.club}'s point of view. Open a match page for its articles and contradictions.")
if ours.empty:
    st.info(d.empty_message(f"{d.club} matches"))
else:
    draw(ours, "matches_table", True)
if len(others):
    st.subheader("Other matches the articles mention")
    st.caption(f"Matches without {d.club}: no venue or result from its point of view.")
    draw(others, "other_matches_table", False)
cells = dict(zip(d.tables["matches"]["match_id"], d.tables["matches"]["curated"]))
csv_download(results.drop(columns=["source_ids"]).assign(source_ids=results["source_ids"],
                                                         curated=results["match_id"].map(cells).fillna("")), "matches", d)
