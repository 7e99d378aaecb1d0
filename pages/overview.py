"""Overview: where the club stood, its latest results and the state of the conflict.

The club's situation (claims, tables, record) is the club's: a player filter does not change
it. The latest results and the conflict follow the player filter, and say so.
"""
import streamlit as st

from fanboard import charts, group_table, views
from fanboard.views.timeline import latest_event
from pages._shared import as_of_caption, chart_downloads, chart_specs, dashboard

d = dashboard()
f = d.filters
club = d.club or "The club"
as_of = d.as_of
club_view = d.club_filtered
asked = f.as_of   # the day a fan set in "As of": nothing after it is the latest (None: everything)

st.title("Overview")
st.caption(f"{club}, as told by {len(d.filtered['articles'])} of {len(d.tables['articles'])} articles · "
           f"situation {as_of_caption(d)}")
if f.players:
    st.info(f"The situation below is {club}'s and does not follow the People filter; the latest "
            f"results and the conflict are those of {views.md_escape(d.who())}.")

# --- where the club stood: articles and computed table side by side
league = d.league
competitions = [c for c in d.all_competitions if (not f.competitions or c in f.competitions) and d.plays_in(c)]
for comp in competitions:
    st.subheader(comp)
    said = views.article_claims(club_view["situation"], comp, as_of)
    left, right = st.columns(2, border=True)
    with left:
        st.markdown("**According to the articles**")
        if not said:
            st.caption(f"The selected articles say nothing about {comp} up to {views.format_day(as_of)}.")
        if "league_position" in said:
            st.metric("League position", views.ordinal(said["league_position"]))
            st.caption(f"as of {views.format_day(views.to_date(said['league_position__as_of']))}")
        facts = []

        def dated(key: str, text: str) -> str:
            """The fact, with its day when that is not the position's (or there is no position)."""
            day = said.get(f"{key}__as_of")
            if day and day != said.get("league_position__as_of"):
                return f"{text} (as of {views.format_day(views.to_date(day))})"
            return text

        if "points_behind_leader" in said:
            facts.append(dated("points_behind_leader", f"{said['points_behind_leader']} points behind the leader"))
        if "points_behind_fourth" in said:
            facts.append(dated("points_behind_fourth", views.gap_words(said["points_behind_fourth"], said.get("league_position"), "fourth place")))
        if "games_in_hand" in said:
            facts.append(dated("games_in_hand", f"{said['games_in_hand']} game(s) in hand"))
        if "requirement" in said:
            when = views.format_day(views.to_date(said["requirement__as_of"]))
            facts.append(f"needed at least a {said['requirement']} (as of {when})")
        if said.get("qualified") in ("yes", "true"):
            when = views.format_day(views.to_date(said["qualified__as_of"]))
            facts.append(f"qualified for the next round (as of {when})")
        for fact in facts:
            st.markdown(f"- {fact}")
    with right:
        computed = views.computed_standing(club_view["standings"], d.club, as_of) if comp == league else {}
        group = group_table.club_group(d.fixtures, comp, d.club) if d.fixtures is not None and d.club and comp != league else None
        if computed:
            st.markdown("**According to the computed table**")
            st.metric("League position", views.ordinal(computed["position"]))
            st.caption(f"after matchday {computed['matchday']}, as of {views.format_day(views.to_date(computed['as_of']))}")
            st.markdown(
                f"- {computed['points']} points from {computed['played']} games\n"
                f"- {computed['gap_to_leader']} points behind the leader\n"
                f"- {views.gap_words(computed['gap_to_fourth'], computed['position'], 'fourth place')}\n"
                f"- {computed['games_in_hand']} game(s) in hand"
            )
            st.page_link("pages/league_table.py", label="The whole table", icon=":material/table:")
        elif group:
            table = group_table.group_table(d.fixtures, comp, group, as_of)
            mine = table[table["team"] == d.club]
            st.markdown(f"**According to the calendar: {group}**")
            if len(mine):
                r = mine.iloc[0]
                st.metric(f"{group} position", views.ordinal(int(r["position"])))
                st.caption(f"{int(r['points'])} points from {int(r['played'])} games, as of {views.format_day(as_of)}")
            needs = group_table.describe_needs(group_table.what_club_needs(d.fixtures, comp, group, d.club, as_of))
            if needs:
                st.markdown(f"- still needed: {needs}")
            st.page_link("pages/league_table.py", label=f"The {group} table", icon=":material/table:")
        else:
            mine = views.up_to(d.club_results, asked, "date")
            played = mine[(mine["competition"] == comp) & mine["result"].isin(["W", "D", "L"])]
            st.markdown("**According to the matches**")
            if played.empty:
                st.caption(d.empty_message(f"{comp} results"))
            else:
                # the words in the label, the numbers in the value: "1 won · 0 drawn · 1 lost" in
                # a metric's large type is cut off on a phone
                record = " · ".join(str((played["result"] == r).sum()) for r in "WDL")
                st.metric("Record in these matches: " + " · ".join(views.RESULT_LABELS[r] for r in "WDL"), record)

# --- latest results
st.subheader("Latest results")
results = views.up_to(views.own_matches(d.results), asked, "date").tail(6)   # the club's: others' are on the Matches page
if f.players:
    st.caption(f"In the matches {views.md_escape(d.who())} played a part in.")
if results.empty:
    st.info(d.empty_message("matches"))
else:
    def strip():
        return charts.results_strip(results, club=d.club)
    (spec,) = chart_specs(d, "results_strip", strip)   # once per filter state, for all sessions
    st.vega_lite_chart(spec=spec, theme="streamlit", key="results_strip", width="stretch")
    st.caption("Click a result for its match page.")
    chart_downloads(strip, "results", d)

# --- the conflict
st.subheader("The conflict")
last = d.cached("last_event", lambda: latest_event(views.up_to(d.events, asked, "sort_day")))   # d.events: shaped once per filter state
if last is None:
    st.info(d.empty_message(d.events_label()))
else:
    involved = d.cached("involved", lambda: sorted({a for cell in d.filtered["events"]["actors"] for a in views.split(cell)}))
    with st.container(border=True):
        label = "Latest" if last["kind"] == "day" else "Latest known"
        st.markdown(f"**{label}: {views.md_escape(last['type_label'])}** · {views.md_escape(last['when'])} · {last['certainty']}")
        st.markdown(views.md_escape(last["summary"]))
        st.page_link("pages/timeline.py", label="This event on the Timeline", query_params={"event": last["event_id"]},
                     icon=":material/link:")
        st.caption("Involved in the selected events: " + ", ".join(involved))

# --- sources
st.subheader("Sources")
a, b, c = st.columns(3)
a.metric("Articles", len(d.filtered["articles"]))
b.metric("Languages", len(set(d.filtered["articles"]["language"]) - {""}))
c.metric("Contradictions found", d.cached("contradictions found", lambda: len(
    views.contradictions_view(d.filtered["contradictions"], d.labels).drop_duplicates(["subject", "field"]))))
