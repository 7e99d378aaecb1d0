"""One match: score, date, competition, round, replay; the articles that mention it (each
sentence); the contradictions about it. Its address is ?match=<id>, so it can be shared.

Sections are drawn one after another, so line-ups and goals can be added as sections.
"""
import streamlit as st

from fanboard import views
from fanboard.views import curation
from fanboard.views.appearances import match_appearances
from pages._shared import article_link, dashboard, url_choice, show_table

d = dashboard()
all_results = views.match_results(d.tables["matches"], d.club, d.labels, d.replays, d.calendar)
names = {r["match_id"]: f"{r['fixture']} · {views.format_day(r['date'].date()) if str(r['date']) != 'NaT' else 'date unknown'}"
         for r in all_results.to_dict("records")}
st.title("Match")
if not names:
    st.info("The articles mention no matches.")
    st.stop()
chosen = url_choice("Match", list(names), names, "match", placeholder="Pick a match")
if not chosen:
    st.caption("Pick a match, or click a result on the Overview, the Timeline or the Matches page.")
    st.stop()

m = all_results[all_results["match_id"] == chosen].iloc[0]
st.header(m["fixture"])
if link := d.per_tables(("curation_links", "matches"), lambda: curation.links_by_key(d.tables, "matches", "match_id")).get(chosen):     # a person corrected it
    st.markdown(f"**{curation.badge(d.tables['matches'].set_index('match_id').at[chosen, 'curated'])}** · "
                f"[original values and sources]({link})")
# The competition names the round (a metric's value as long as "UEFA Champions League" is cut
# off in a quarter of the page).
a, b, e = st.columns(3)
a.metric("Date", views.format_day(m["date"].date()) if str(m["date"]) != "NaT" else "unknown")
b.metric(m["competition"] or "Competition not named", m["round"] or "–")
e.metric(f"For {d.club}" if m["involves_club"] else "Result", m["result_label"])
if m["status"] == "postponed":
    replay = f"; replayed on {views.format_day(m['replay'].date())}" if str(m["replay"]) != "NaT" else ""
    st.warning(f"Postponed{(' (' + m['status_reason'] + ')') if m['status_reason'] else ''}{replay}.")

# --- line-up (from player statuses, when the articles give them)
match_row = d.tables["matches"][d.tables["matches"]["match_id"] == chosen]
lineup = d.cached(("lineup", chosen), lambda: views.match_lineup(
    d.tables["player_status"], chosen, tuple(match_row[["home", "away"]].iloc[0]) if len(match_row) else ()))
if len(lineup):
    st.subheader("Players")
    show_table(lineup.assign(article_id=lineup["article_id"].map(
        lambda ids: " | ".join(d.labels.get(i, i) for i in views.split(ids)))), hide_index=True,
        column_config={"article_id": st.column_config.TextColumn("source", width="medium")})

# --- who played, from the reference match data, beside what the articles say
played = match_appearances(d.tables, chosen)
if played is not None:
    st.subheader("Who played (match data)")
    for team, rows in played.teams:
        st.markdown(f"**{views.md_escape(team)}**")
        show_table(rows, hide_index=True)
    st.caption(played.caption)

# --- the articles that mention it
st.subheader("What the articles say")
mentions = views.match_mentions(d.tables, chosen, d.labels, d.urls)
if mentions.empty:
    st.caption("No article sentence mentions this match.")
for article_id, group in mentions.groupby("article_id", sort=False):
    with st.container(border=True):
        st.markdown(f"**{article_link(article_id, d)}**")
        for r in group.to_dict("records"):
            if r["quote"]:
                st.markdown(f"> {views.md_escape(r['quote'])}  \n*about {r['about']}*")
        st.page_link("pages/sources.py", label="Read it with its claims marked", query_params={"article": article_id},
                     icon=":material/article:")

# --- contradictions about it
st.subheader("Contradictions")
contra = views.contradictions_view(views.contradictions_about(d.tables["contradictions"], d.tables, chosen), d.labels)
if contra.empty:
    st.caption("The articles do not contradict each other about this match.")
for (field, resolution), group in contra.groupby(["field", "resolution"], sort=False):
    with st.container(border=True):
        st.markdown(f"**{views.md_escape(field)}** · resolved as: **{views.md_escape(resolution)}**")
        st.caption(views.md_escape(group.iloc[0]["explanation"]))
        show_table(group[["source", "says"]], hide_index=True)
