"""League table: the league as it stood on any day (at the time, or from final results), with
form, the club highlighted and the articles' claims beside it; and the club's cup group.
"""
import streamlit as st

from fanboard import group_table, views
from pages._shared import as_of_caption, csv_download, dashboard, show_table

d = dashboard()
st.title("League table")
as_of = d.as_of
league = d.league
st.caption(f"{views.md_escape(league or 'The league')} {as_of_caption(d)}. Change the day with “As of” in the sidebar.")
basis = st.segmented_control("Table", list(views.BASES), format_func=lambda b: views.BASES[b].capitalize(),
                             default="at_the_time", key="basis", bind="query-params") or "at_the_time"


FOCUS_STYLE = "font-weight: bold; background-color: rgba(66, 99, 235, 0.18)"


def with_focus(shown, focus):
    """The table with the focus club's row highlighted."""
    return shown.style.apply(lambda r: [FOCUS_STYLE if focus[r.name] else ""] * len(r), axis=1)


# Short headings and narrow number columns, as printed tables have them: the whole row, points
# included, fits beside the articles' claims without scrolling sideways.
NARROW = 34
SHORT = {"goal_difference": "GD", "goals_for": "GF", "goals_against": "GA"}
TABLE_COLUMNS = {
    "position": st.column_config.NumberColumn("#", width=32, pinned=True),   # they stay in view while
    "team": st.column_config.TextColumn("team", width=112, pinned=True),     # a phone scrolls to Pts
    **{c: st.column_config.NumberColumn(h, width=NARROW, help=t) for c, h, t in (
        ("played", "P", "played"), ("won", "W", "won"), ("drawn", "D", "drawn"), ("lost", "L", "lost"),
        ("GF", "GF", "goals for"), ("GA", "GA", "goals against"), ("GD", "GD", "goal difference"),
        ("points", "Pts", "points"))},
    "form": st.column_config.TextColumn("form", width=70, help="the last five results, oldest first"),
}

table = views.league_table(d.tables["standings"], as_of, basis, d.club)
left, right = st.columns([3, 2])
with left:
    if table.empty:
        st.info(f"No matchday of {league} had ended by {views.format_day(as_of)}.")
    else:
        st.markdown(views.table_caption(table, basis))
        shown = table.rename(columns=SHORT)
        show_table(with_focus(shown.drop(columns=["matchday", "as_of", "focus"]), table["focus"]),
                     hide_index=True, key="league_table",
            height=35 * (len(shown) + 1) + 3,
            column_config=TABLE_COLUMNS)
        csv_download(table, "league_table", d)
with right:
    st.markdown(f"**What the articles say about {views.md_escape(d.club or 'the club')}**")
    claims = views.league_claims(d.club_filtered["situation"], league, as_of, d.labels)
    if claims.empty:
        st.caption(f"No article gives {d.club}'s league standing up to {views.format_day(as_of)}.")
    else:
        mine = table[table["focus"]]
        if len(mine):
            r = mine.iloc[0]
            st.markdown(f"Computed: **{views.ordinal(r['position'])}**, {r['points']} points from {r['played']} games.")
        show_table(claims, hide_index=True, key="league_claims",
                     column_config={"quote": st.column_config.TextColumn("quote", width="large")})

# --- the club's cup groups, computed from the calendar
if d.fixtures is not None and d.club:
    for comp in [c for c in d.all_competitions if c != league]:
        group = group_table.club_group(d.fixtures, comp, d.club)
        if not group:
            continue
        st.header(f"{comp}: {group}")
        gt = group_table.group_table(d.fixtures, comp, group, as_of).assign(focus=lambda t: t["team"] == d.club)
        st.caption(f"Computed from the calendar's results up to {views.format_day(as_of)}, "
                   "ranked by UEFA's group tie-breakers: points, then head-to-head, then goal difference.")
        cols = ["position", "team", "played", "won", "drawn", "lost", "goals_for", "goals_against",
                "goal_difference", "points", "form"]
        show_table(with_focus(gt[cols].rename(columns=SHORT), gt["focus"]), hide_index=True,
                     key=f"group_{views.slug(comp)}", column_config=TABLE_COLUMNS)
        needs = group_table.describe_needs(group_table.what_club_needs(d.fixtures, comp, group, d.club, as_of))
        st.markdown(f"**Still needed:** {needs}." if needs else f"{group} is done for {d.club}.")
        said = views.article_claims(d.club_filtered["situation"], comp, as_of)
        if said:
            st.markdown("**The articles:** " + " · ".join(
                f"{views.humanize(k)}: {v} (as of {views.format_day(views.to_date(said[k + '__as_of']))})"
                for k, v in said.items() if not k.endswith("__as_of")))
        ko = group_table.knockout_ties(d.fixtures, comp, d.club)
        if needs == "" and len(ko):
            st.markdown("**Knockout ties**")
            show_table(ko[["round", "date", "home", "home_goals", "away_goals", "away"]], hide_index=True,
                         key=f"knockout_{views.slug(comp)}")
