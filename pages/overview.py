"""Overview: where the club stood, its latest results and the state of the conflict."""
import streamlit as st

from fanboard import charts, views
from pages._shared import chart_downloads, dashboard

d = dashboard()
f = d.filters
club = d.club or "The club"
as_of = f.date_to

st.title("Overview")
st.caption(f"{club}, as told by {len(d.tables['articles'])} articles · situation as of {views.format_day(as_of)}")

# --- where the club stood: articles and computed table side by side
competitions = [c for c in views.competitions(d.tables) if not f.competitions or c in f.competitions]
for comp in competitions:
    st.subheader(comp)
    said = views.article_claims(d.filtered["situation"], comp, as_of)
    left, right = st.columns(2, border=True)
    with left:
        st.markdown("**According to the articles**")
        if not said:
            st.caption(f"The selected articles say nothing about {comp} up to {views.format_day(as_of)}.")
        if "league_position" in said:
            st.metric("League position", views.ordinal(said["league_position"]))
            st.caption(f"as of {views.format_day(views.to_date(said['league_position__as_of']))}")
        facts = []
        if "points_behind_leader" in said:
            facts.append(f"{said['points_behind_leader']} points behind the leader")
        if "points_behind_fourth" in said:
            facts.append(f"{said['points_behind_fourth']} points behind fourth place")
        if "games_in_hand" in said:
            facts.append(f"{said['games_in_hand']} game(s) in hand")
        if "requirement" in said:
            when = views.format_day(views.to_date(said["requirement__as_of"]))
            facts.append(f"needed at least a {said['requirement']} (as of {when})")
        if said.get("qualified") in ("yes", "true"):
            when = views.format_day(views.to_date(said["qualified__as_of"]))
            facts.append(f"qualified for the next round (as of {when})")
        for fact in facts:
            st.markdown(f"- {fact}")
    with right:
        results = d.results[d.results["competition"] == comp]
        computed = views.computed_standing(d.filtered["standings"], d.club, as_of) if comp == views.league_of(d.tables) else {}
        if computed:
            st.markdown("**According to the computed table**")
            st.metric("League position", views.ordinal(computed["position"]))
            st.caption(f"after matchday {computed['matchday']}, as of {views.format_day(views.to_date(computed['as_of']))}")
            st.markdown(
                f"- {computed['points']} points from {computed['played']} games\n"
                f"- {computed['gap_to_leader']} points behind the leader\n"
                f"- {computed['gap_to_fourth']} points behind fourth place\n"
                f"- {computed['games_in_hand']} game(s) in hand"
            )
        else:
            st.markdown("**According to the matches**")
            played = results[results["result"].isin(["W", "D", "L"])]
            if played.empty:
                st.caption(d.empty_message(f"{comp} results"))
            else:
                record = " · ".join(f"{(played['result'] == r).sum()} {views.RESULT_LABELS[r]}" for r in "WDL")
                st.metric("Record in these matches", record)
                last = played.iloc[-1]
                st.markdown(f"- last: {last['fixture']} ({last['round']}, {views.format_day(last['date'].date())})")

# --- latest results
st.subheader("Latest results")
results = d.results.tail(6)
if results.empty:
    st.info(d.empty_message("matches"))
else:
    strip = charts.results_strip(results, club=d.club)
    st.altair_chart(strip, theme="streamlit", key="results_strip")
    chart_downloads(strip, "results", d)

# --- the conflict
st.subheader("The conflict")
last = views.last_event(d.filtered["events"])
if last is None:
    st.info(d.empty_message("events"))
else:
    involved = sorted({a for cell in d.filtered["events"]["actors"] for a in views.split(cell)})
    with st.container(border=True):
        st.markdown(f"**Latest: {views.md_escape(last['type_label'])}** · {last['when']} · {last['certainty']}")
        st.markdown(views.md_escape(last["summary"]))
        st.caption("Involved in the selected events: " + ", ".join(involved))

# --- sources
st.subheader("Sources")
a, b, c = st.columns(3)
a.metric("Articles", len(d.filtered["articles"]))
b.metric("Languages", len(set(d.filtered["articles"]["language"]) - {""}))
c.metric("Contradictions found", len(d.filtered["contradictions"]))
