"""Round 8 dashboard fixes (tag: dash): what the browser probe on the real articles found."""
from __future__ import annotations

import pandas as pd
import pytest

from fanboard import group_table
from fanboard.reference import FIXTURE_COLUMNS

CL = "UEFA Champions League"


def cup_group(matches: list[tuple[str, str, str, int, int]]) -> pd.DataFrame:
    rows = []
    for day, home, away, hg, ag in matches:
        rows.append({"fixture_id": f"{day}-{home}-{away}", "competition": CL, "season": "2020-21",
                     "round": "Group X", "matchday": pd.NA, "date": day, "original_date": "",
                     "home": home, "away": away, "home_goals": hg, "away_goals": ag,
                     "status": "played", "note": ""})
    return pd.DataFrame(rows, columns=FIXTURE_COLUMNS).astype({"home_goals": "Int64", "away_goals": "Int64"})


def test_a_group_tie_on_points_goes_to_head_to_head_before_goal_difference():
    # Atalanta and Ajax end on 7 points, Atalanta with the better goal difference (+3 to +2),
    # Ajax with the better record between them (4 points to 1). Liverpool and Midtjylland end
    # on 3: their two games are level in points, difference and goals, and Midtjylland scored
    # more away (2 to 1), though Liverpool's overall difference is better (-1 to -4).
    fx = cup_group([
        ("2020-10-01", "Atalanta", "Ajax", 0, 1), ("2020-10-08", "Ajax", "Atalanta", 2, 2),
        ("2020-10-15", "Ajax", "Midtjylland", 1, 0), ("2020-10-22", "Atalanta", "Liverpool", 1, 0),
        ("2020-10-29", "Atalanta", "Midtjylland", 3, 0), ("2020-11-05", "Liverpool", "Midtjylland", 1, 2),
        ("2020-11-12", "Midtjylland", "Liverpool", 0, 1),
    ])
    table = group_table.group_table(fx, CL, "Group X", "2020-12-31")
    assert [(r["position"], r["team"], r["points"], r["goal_difference"]) for r in table.to_dict("records")] == [
        (1, "Ajax", 7, 2), (2, "Atalanta", 7, 3), (3, "Midtjylland", 3, -4), (4, "Liverpool", 3, -1)]


def test_three_teams_level_on_every_head_to_head_count_go_to_overall_goal_difference():
    # Atalanta beat Ajax, Ajax beat Liverpool, Liverpool beat Atalanta, each 1-0 at home: the
    # three are level between them on everything; their wins over Midtjylland split them.
    fx = cup_group([
        ("2020-10-01", "Atalanta", "Ajax", 1, 0), ("2020-10-08", "Ajax", "Liverpool", 1, 0),
        ("2020-10-15", "Liverpool", "Atalanta", 1, 0), ("2020-10-22", "Ajax", "Midtjylland", 4, 0),
        ("2020-10-29", "Atalanta", "Midtjylland", 2, 0), ("2020-11-05", "Liverpool", "Midtjylland", 1, 0),
    ])
    table = group_table.group_table(fx, CL, "Group X", "2020-12-31")
    assert [(r["position"], r["team"], r["points"]) for r in table.to_dict("records")] == [
        (1, "Ajax", 6), (2, "Atalanta", 6), (3, "Liverpool", 6), (4, "Midtjylland", 0)]


# --- the pages, through AppTest on the seeds' tables (fixtures of test_app_pages)
from tests.test_app_pages import GOMEZ, ILICIC, frames, navigation_mode, open_page, shown  # noqa: E402,F401

GASPERINI = "Gian Piero Gasperini"


def test_the_players_page_shows_only_people_with_something_and_names_the_rest_once(open_page):
    at = open_page("players", player=[GASPERINI, ILICIC, GOMEZ], dates=["2020-12-10", "2020-12-19"])
    text = shown(at)
    assert GASPERINI not in [h.value for h in at.main.header]
    assert f"No events for {GASPERINI}" not in text
    assert (f"The selected articles state no standing facts and no events between 10 Dec 2020 and "
            f"19 Dec 2020 about: {GASPERINI}") in text


def test_the_people_filter_has_no_select_all(open_page):
    at = open_page()
    assert at.sidebar.multiselect(key="player").proto.select_all == 0


def headings(at) -> list[str]:
    """The headings every table of the page shows (its column config, else the field's name)."""
    import json

    out = []
    for df in at.main.dataframe:
        config = json.loads(df.proto.columns or "{}")
        frame = df.value if isinstance(df.value, pd.DataFrame) else getattr(df.value, "data", None)
        for column in getattr(frame, "columns", []):
            label = (config.get(str(column)) or {}).get("label")
            out.append(label if label is not None else str(column))
    return out


@pytest.mark.parametrize("page", ["timeline", "league_table", "matches", "players", "sources", "curation"])
def test_no_table_heads_a_column_with_a_field_name(open_page, page):
    at = open_page(page)
    seen = headings(at)
    assert seen, "the page shows a table"
    raw = [h for h in seen if "_" in h or h[:1].islower()]
    assert raw == [], raw


def test_an_article_label_names_its_language_in_words_never_a_code():
    from fanboard import views

    bare = {"article_id": "nl_invented_one", "headline": "Invented: coach and captain clash", "language": "nl",
            "published": "2020-12-15", "source": "", "url": ""}
    assert views.article_label(bare) == \
        "Dutch article · 15 Dec 2020 · Invented: coach and captain clash · nl_invente"
    named = {**bare, "url": "https://www.example-gazette.test/story", "language": "it"}
    assert views.article_label(named).startswith("example-gazette.test (Italian) · 15 Dec 2020 · ")
    assert views.language_name("en") == "English"


def test_the_sources_page_says_the_language_in_words(open_page):
    text = shown(open_page("sources"))
    assert "**Language** English" in text
    assert "**Language** EN" not in text and "**Source** EN" not in text


def test_the_match_pages_players_table_says_which_club_each_played_for(open_page):
    at = open_page("match")
    at.selectbox(key="pick_match").set_value("2020-12-01-atalanta-midtjylland").run()
    players = next(f for f in frames(at) if "player" in f.columns and "status" in f.columns)
    assert [tuple(r) for r in players[["player", "club", "status"]].to_numpy()] == [
        (GOMEZ, "Atalanta", "subbed off"), (ILICIC, "Atalanta", "subbed on")]


def test_a_requirement_check_is_listed_under_the_article_that_made_the_claim_only():
    from fanboard import views

    contradictions = pd.DataFrame([{
        "subject": "Atalanta–Ajax, 2020-12-09", "field": "requirement",
        "values": "preview (before the match): needs at least a draw | report1;report2: Atalanta won 2-1",
        "sources": "preview;report1;report2", "resolution": "Atalanta won 2-1: requirement met", "rule": "calendar",
        "explanation": "A pre-match requirement is not a result.",
    }, {
        "subject": "Atalanta–Ajax, 2020-12-09", "field": "home_goals", "values": "report1: 2 | report2: 3",
        "sources": "report1;report2", "resolution": "unresolved", "rule": "", "explanation": "",
    }])
    labels = {"preview": "Preview", "report1": "Report one", "report2": "Report two"}
    view = views.contradictions_view(contradictions, labels)
    assert [(r["field"], r["says"]) for r in views.article_statements(view, "preview").to_dict("records")] == [
        ("requirement", "needs at least a draw (before the match)")]
    assert [(r["field"], r["says"]) for r in views.article_statements(view, "report1").to_dict("records")] == [
        ("home_goals", "2")]
    assert [(r["field"], r["says"]) for r in views.article_statements(view, "report2").to_dict("records")] == [
        ("home_goals", "3")]


def test_timeline_lane_names_go_on_two_lines_on_a_phone_instead_of_being_cut(tables_dir):
    """The top panel drawn as on a 390 px phone (its container narrow): a long lane name is two
    whole lines ("Squad" / "exclusion"), never cut with an ellipsis; a short one stays one line."""
    import json
    import re

    import altair as alt
    import vl_convert as vlc

    from fanboard import timeline_chart, views
    from fanboard.tables import read_tables

    d = views.Dashboard.create(read_tables(tables_dir), views.Filters())
    events = d.events.assign(event_type="squad_exclusion", type_label="Squad exclusion")
    top, _ = timeline_chart.timeline_panels(events, d.results, d.positions, club=d.club, width=300)
    top.autosize = alt.Undefined
    spec = json.dumps(top.to_dict()).replace(timeline_chart.NARROW, "true")   # as in a phone's container
    svg = vlc.vegalite_to_svg(json.loads(spec))
    lines = [re.findall(r"<tspan[^>]*>([^<]*)</tspan>", t) or [re.sub("<[^>]+>", "", t)]
             for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]   # a label's lines are its tspans
    texts = [" / ".join(t) for t in lines]
    assert "Squad / exclusion" in texts and "Champions / League" in texts
    assert "Serie A" in texts
    assert not [t for t in texts if "…" in t]
    wide = vlc.vegalite_to_svg(top.to_dict())   # a file export (no container) keeps the full name
    assert "Squad exclusion" in re.findall(r"<text[^>]*>([^<]*)</text>", wide)
