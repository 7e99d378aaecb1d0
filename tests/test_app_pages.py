"""Each page through Streamlit's AppTest: runs cleanly, shows the seed facts, follows the filters."""
from __future__ import annotations

import json

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
ILICIC = "Josip Iličić"
GOMEZ = "Alejandro Gómez"


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch):
    """Run AppTest the way a live server runs after its first request: st.navigation mode.

    Streamlit treats an app with a pages/ folder as a legacy multipage app until
    st.navigation is called, and a server remembers that call for good. AppTest forgets it
    before every run, which would run page files without app.py (and its sidebar). This
    shim makes each AppTest run remember it, like the server does.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def open_page(tables_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """open_page("timeline", player=[...], dates=(...)) -> a finished AppTest on that page.

    The filters are set the way a user sets them, through the sidebar widgets.
    """

    def run(page: str | None = None, tables: Path | None = None, **filters) -> AppTest:
        monkeypatch.setenv("FANBOARD_TABLES", str(tables or tables_dir))
        at = AppTest.from_file(str(APP), default_timeout=90)
        at.run()
        if page:
            at.switch_page(f"pages/{page}.py").run()
        for key, value in filters.items():
            widget = at.sidebar.date_input(key=key) if key == "dates" else at.sidebar.multiselect(key=key)
            widget.set_value(tuple(date.fromisoformat(v) for v in value) if key == "dates" else value)
        if filters:
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def shown(at: AppTest) -> str:
    """Everything the main area shows as text, tables included."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(e.value) for e in getattr(at.main, kind)]
    parts += [f"{m.label}: {m.value}" for m in at.main.metric]
    parts += [e.value.to_string() for e in at.main.dataframe if isinstance(e.value, pd.DataFrame)]
    parts += [h.proto.body for h in at.main.get("html")]
    return "\n".join(parts).replace("\\", "")


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [e.value for e in at.main.dataframe]


def test_sidebar_filters_are_bound_to_the_url(open_page, tables_dir, monkeypatch):
    at = open_page()
    assert [w.key for w in at.sidebar.multiselect] == ["player", "competition", "source"]
    assert at.sidebar.multiselect(key="player").label == "People"
    assert at.sidebar.multiselect(key="player").options == [GOMEZ, "Gian Piero Gasperini (coach)", ILICIC]
    assert at.sidebar.date_input(key="dates").value == (date(2020, 11, 17), date(2020, 12, 18))  # the saga, two weeks before its first match

    monkeypatch.setenv("FANBOARD_TABLES", str(tables_dir))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params.update(player=ILICIC, dates=["2020-12-01", "2020-12-06"], lang="NL")
    at.run()
    assert at.sidebar.multiselect(key="player").value == [ILICIC]
    assert at.sidebar.date_input(key="dates").value == (date(2020, 12, 1), date(2020, 12, 6))
    assert "Latest: Squad exclusion" in shown(at)
    assert "Articles: 1" in shown(at)


def test_overview_shows_standing_results_and_conflict(open_page):
    at = open_page()
    text = shown(at)
    assert "League position: 9th" in text  # the English article: ninth in Serie A
    assert "12 points behind the leader" in text and "6 points behind fourth place" in text
    assert "League position: 8th" in text  # the computed table after matchday 11
    assert "needed at least a draw (as of 9 Dec 2020)" in text
    assert "qualified for the next round (as of 18 Dec 2020)" in text
    assert "Group D position: 2nd" in text  # computed from the calendar
    assert "Latest known: Social media post** · by 18 Dec 2020" in text  # a bound, not a day
    assert "as of 18 Dec 2020 (the latest publication date of the sources in view)" in text
    assert "Contradictions found: 3" in text and "Articles: 2" in text
    assert {b.label for b in at.main.get("download_button")} >= {"PNG", "SVG", "HTML"}


def test_overview_follows_the_player_filter(open_page):
    everyone = shown(open_page())
    at = open_page(player=[ILICIC])
    text = shown(at)
    assert "Latest: Squad exclusion" in text and "Social media post" not in text
    assert "Ajax" not in text  # Iličić had no part in the Ajax match
    assert text != everyone


def drawn_matches(at: AppTest) -> list[str]:
    """The fixtures the Timeline's top chart draws, in its data's order (the dataset of its
    match marks: the one with the match pages' addresses)."""
    import pyarrow as pa

    top = at.main.get("vega_lite_chart")[0].proto
    [matches] = [t for t in (pa.ipc.open_stream(d.data.data).read_all() for d in top.datasets)
                 if "href" in t.column_names]
    return matches.column("fixture").to_pylist()


def summary_line(at: AppTest) -> str:
    [line] = [str(m.value) for m in at.main.markdown if str(m.value).startswith("Showing ")]
    return line.replace("\\", "")


def test_timeline_shows_events_and_matches(open_page):
    at = open_page("timeline")
    text = shown(at)
    assert summary_line(at) == "Showing 9 events and 4 matches for anyone between 17 Nov 2020 and 18 Dec 2020."
    assert drawn_matches(at) == ["Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta", "Ajax 0-1 Atalanta",
                                 "Atalanta 3-0 Fiorentina"]   # all the club's own: nothing hidden
    [toggle] = at.main.toggle
    assert (toggle.label, toggle.value) == ("Show other clubs' matches", False)
    events = frames(at)[0]
    assert list(events["type_label"]) == [
        "Altercation", "Dispute", "Resignation offer", "Sanction demand", "Substitution",
        "Squad exclusion", "Dispute", "Transfer report", "Social media post",
    ]  # in the order of the last day each can have happened: "by 9 Dec" before "7–9 Dec"
    assert list(events["when"])[-3:] == ["by 9 Dec 2020", "7–9 Dec 2020", "by 18 Dec 2020"]
    assert set(events["certainty"]) == {"confirmed", "reported"}
    assert {b.label for b in at.main.get("download_button")} == {"PNG", "SVG", "HTML", "CSV"}


def test_timeline_follows_the_player_widget(open_page):
    at = open_page("timeline")
    at.sidebar.multiselect(key="player").set_value([ILICIC]).run()
    assert not at.exception
    text = shown(at)
    assert summary_line(at) == "Showing 2 events and 2 matches for Josip Iličić between 17 Nov 2020 and 18 Dec 2020."
    assert drawn_matches(at) == ["Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta"]
    # the substitution is Gómez's: Iličić, sent on in his place, is named in its detail only
    assert list(frames(at)[0]["type_label"]) == ["Sanction demand", "Squad exclusion"]


def test_timeline_empty_state_explains_itself(open_page):
    at = open_page("timeline", player=[ILICIC], dates=["2020-12-09", "2020-12-19"])
    assert "No events or matches for Josip Iličić between 9 Dec 2020 and 19 Dec 2020" in shown(at)


def test_matches_table(open_page):
    at = open_page("matches")
    table = frames(at)[0]
    assert list(table["fixture"]) == [
        "Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta", "Ajax 0-1 Atalanta", "Atalanta 3-0 Fiorentina",
    ]
    assert [r[0] for r in table["result"]] == ["drawn", "postponed", "won", "won"]
    assert list(table["status"]) == ["played", "postponed: rain · replayed 20 Jan 2021", "played", "played"]
    assert list(table["round"]) == ["Group D", "Matchday 10", "Group D", "Matchday 11"]
    assert list(table["page"])[0] == "match?match=" + "2020-12-01-atalanta-midtjylland"
    assert "Josip Iličić: subbed on" in table["players"][0]
    assert "Alejandro Gómez: unused" in table["players"][3]


def test_matches_follow_the_player_and_competition_filters(open_page):
    table = frames(open_page("matches", player=[ILICIC]))[0]
    assert list(table["fixture"]) == ["Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta"]
    table = frames(open_page("matches", competition=["Serie A"]))[0]
    assert list(table["fixture"]) == ["Udinese – Atalanta", "Atalanta 3-0 Fiorentina"]


def test_players_page_grid_facts_and_events(open_page):
    at = open_page("players")
    assert [h.value for h in at.main.header] == [GOMEZ, ILICIC]
    text = shown(at)
    assert "June–July 2022" in text and "Captain" in text and "January 2021" in text
    assert f"no standing facts (captaincy, contract, departure) about {ILICIC}" in text


def test_players_page_focuses_on_the_selected_player(open_page):
    at = open_page("players", player=[ILICIC])
    assert [h.value for h in at.main.header] == [ILICIC]
    assert "June–July 2022" not in shown(at)
    at = open_page("players", player=["Gian Piero Gasperini"], dates=["2020-12-10", "2020-12-19"])
    assert ("no standing facts and no events between 10 Dec 2020 and 19 Dec 2020 about: Gian Piero Gasperini"
            in shown(at))


def test_sources_page_articles_highlights_and_contradictions(open_page):
    at = open_page("sources")
    text = shown(at)
    assert "Atalanta en Alejandro Gómez lijken op ramkoers na bericht op Instagram" in text
    assert "not stated; 14–18 Dec 2020 (inferred)" in text
    bodies = [h.proto.body for h in at.main.get("html")]
    assert len(bodies) == 2 and all("<mark" in b for b in bodies)  # all articles, text collapsed
    assert "FC Midtjylland" in text and "the club itself" in text
    marks_all = sum(b.count("<mark") for b in bodies)
    at = open_page("sources", player=[ILICIC])
    marks_ilicic = sum(h.proto.body.count("<mark") for h in at.main.get("html"))
    assert 0 < marks_ilicic < marks_all
    assert f"highlighted for claims about {ILICIC}" in shown(at)


def test_sources_page_escapes_article_html(open_page, tables_dir, tmp_path):
    tables = tmp_path / "tables"
    shutil.copytree(tables_dir, tables)
    evil = tmp_path / "evil.txt"
    evil.write_text("Invented test article.\n<script>alert('x')</script> <b>Gómez</b> & co", encoding="utf-8")
    articles = pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False)
    articles.loc[0, "file"] = str(evil)
    articles.loc[0, "headline"] = "<img src=x onerror=alert(1)> *bold*"
    articles.to_csv(tables / "articles.csv", index=False)
    at = open_page("sources", tables=tables)
    body = at.main.get("html")[0].proto.body
    assert "<script>" not in body and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "<b>" not in body and "&amp; co" in body
    headline = at.main.subheader[0].value
    assert "\\<img" in headline and "\\*bold\\*" in headline


def test_filters_persist_across_pages(open_page):
    at = open_page(player=[ILICIC])
    at.switch_page("pages/players.py").run()
    assert at.sidebar.multiselect(key="player").value == [ILICIC]
    assert [h.value for h in at.main.header] == [ILICIC]


@pytest.mark.parametrize("page", [None, "timeline", "matches", "players", "sources"])
def test_pages_explain_empty_tables(open_page, tmp_path, page):
    from fanboard.tables import frame, write_tables
    from fanboard.schema import TABLES

    write_tables({name: frame(name) for name in TABLES}, tmp_path)
    at = open_page(page, tables=tmp_path)
    infos = " ".join(str(i.value) for i in at.main.info)
    assert infos, "an empty page must say why it is empty"
    assert "No " in infos


def test_league_table_page_twenty_rows_and_the_group(open_page):
    at = open_page("league_table")
    league, claims, group = frames(at)[0], frames(at)[1], frames(at)[2]
    assert len(league) == 20 and list(league["position"]) == list(range(1, 21))
    assert "Atalanta" in list(league["team"]) and "form (last 5)" not in league.columns  # config renames only
    assert list(claims["claim"])[0] == "position: 9th"
    assert list(group["team"]) == ["Liverpool", "Atalanta", "Ajax", "FC Midtjylland"]
    assert "Group D is done for Atalanta." in shown(at)


def test_league_tables_have_the_short_headings_of_a_printed_table(open_page):
    """The whole row, points included, fits beside the articles' claims: short headings and
    narrow number columns (the widths are checked by eye in the browser, this the headings)."""
    at = open_page("league_table")
    league, group = at.main.dataframe[0], at.main.dataframe[2]
    for table in (league, group):
        config = json.loads(table.proto.columns)
        headings = [config.get(c, {}).get("label", c) for c in table.value.columns]
        assert headings == ["#", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts", "Form"]
        assert all(config[c]["width"] <= 40 for c in ("played", "won", "points"))


def test_match_page_shows_the_match_its_articles_and_contradictions(open_page):
    at = open_page("match")
    at.selectbox(key="pick_match").set_value("2020-12-01-atalanta-midtjylland").run()
    assert not at.exception
    text = shown(at)
    assert "Atalanta 1-1 FC Midtjylland" in text
    assert [(m.label, m.value) for m in at.main.metric] == [
        ("Date", "1 Dec 2020"), ("UEFA Champions League", "Group D"), ("For Atalanta", "drawn")]
    assert "Atalanta (the club itself)" in " ".join(str(v) for f in frames(at) for v in f.to_numpy().ravel())
    at.selectbox(key="pick_match").set_value("2020-12-06-udinese-atalanta").run()
    assert "replayed on 20 Jan 2021" in shown(at)


def test_search_narrows_events_and_articles(open_page):
    at = open_page("timeline")
    at.sidebar.text_input(key="q").set_value("instagram").run()
    events = frames(at)[0]
    assert 0 < len(events) < 9


# --------------------------------------------------------------- the club picker (?club=)

def club_page(tables_dir: Path, monkeypatch: pytest.MonkeyPatch, page: str | None = None, tables: Path | None = None,
              **params) -> AppTest:
    """A page opened from an address with these query parameters (?club=Udinese)."""
    monkeypatch.setenv("FANBOARD_TABLES", str(tables or tables_dir))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_club_picker_is_bound_to_the_url_and_defaults_to_the_saga_club(open_page, tables_dir, monkeypatch):
    at = open_page()
    club = at.sidebar.selectbox(key="club")
    assert (club.label, club.value, club.options) == ("Club", "Atalanta", ["Atalanta", "Fiorentina", "Udinese"])
    monkeypatch.setenv("FANBOARD_CLUB", "Fiorentina")
    assert club_page(tables_dir, monkeypatch).sidebar.selectbox(key="club").value == "Fiorentina"
    monkeypatch.delenv("FANBOARD_CLUB")
    at = club_page(tables_dir, monkeypatch, club="Udinese")
    assert at.sidebar.selectbox(key="club").value == "Udinese"
    at = club_page(tables_dir, monkeypatch, club="No Such Club")  # a wrong address falls back to the default
    assert at.sidebar.selectbox(key="club").value == "Atalanta" and "Atalanta, as told by" in shown(at)


def test_the_articles_own_club_is_the_default_when_none_is_configured(tables_dir, monkeypatch, tmp_path):
    from fanboard.schema import TABLES

    if "club" not in TABLES["articles"]:
        pytest.skip("articles.csv has no club column in this build's schema (views: tests/test_views_club.py)")
    tables = tmp_path / "tables"
    shutil.copytree(tables_dir, tables)
    arts = pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False)
    arts.assign(club="Udinese").to_csv(tables / "articles.csv", index=False)
    monkeypatch.delenv("FANBOARD_CLUB", raising=False)
    at = club_page(tables_dir, monkeypatch, tables=tables)
    assert at.sidebar.selectbox(key="club").value == "Udinese"
    assert "Udinese, as told by 2 of 2 articles" in shown(at)
    assert "League position: 9th" in shown(at)  # the articles' claims are now Udinese's own


def test_another_club_changes_every_page(tables_dir, monkeypatch):
    text = shown(club_page(tables_dir, monkeypatch, club="Udinese"))
    assert "Udinese, as told by 2 of 2 articles" in text
    assert "League position: 10th" in text  # Udinese's computed row after matchday 12
    assert "League position: 9th" not in text  # that is what the articles say about Atalanta
    assert "UEFA Champions League" not in text  # Udinese is not in it
    at = club_page(tables_dir, monkeypatch, "league_table", club="Udinese")
    league = frames(at)[0]
    assert len(league) == 20 and "What the articles say about Udinese" in shown(at)
    assert "Group D" not in shown(at) and len(frames(at)) == 1
    assert league.iloc[9]["team"] == "Udinese"  # 10th, highlighted as the focus (views.league_table: focus)
    at = club_page(tables_dir, monkeypatch, "players", club="Udinese")
    assert "No Udinese player has a status in the selected articles." in shown(at)
    at = club_page(tables_dir, monkeypatch, "timeline", club="Udinese")
    assert [s.options for s in at.main.get("button_group")] == []  # no cup group to offer
    assert summary_line(at).startswith("Showing 0 events and 1 match for anyone")   # the events are Atalanta's


def test_the_timeline_hides_other_clubs_matches_unless_asked(tables_dir, monkeypatch):
    """Seen from Udinese, three of the four matches are between other clubs, and every event
    is Atalanta's (views.events_about): only Udinese's match is drawn by default, every match
    with the toggle, which the address keeps; the Matches page keeps them all."""
    at = club_page(tables_dir, monkeypatch, "timeline", club="Udinese")
    assert summary_line(at) == (
        "Showing 0 events and 1 match for anyone between 17 Nov 2020 and 18 Dec 2020. 3 matches between "
        "other clubs are not drawn (switch on “Show other clubs' matches” to draw them; the Matches page "
        "lists every match).")
    assert [i.value for i in at.main.info] == [
        "No events about Udinese between 17 Nov 2020 and 18 Dec 2020. Widen the filters in the sidebar to see more."]
    assert drawn_matches(at) == ["Udinese – Atalanta"]
    [toggle] = at.main.toggle
    assert (toggle.label, toggle.value) == ("Show other clubs' matches", False)
    toggle.set_value(True).run()
    assert not at.exception
    assert summary_line(at) == "Showing 0 events and 4 matches for anyone between 17 Nov 2020 and 18 Dec 2020."
    assert drawn_matches(at) == ["Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta", "Ajax 0-1 Atalanta",
                                 "Atalanta 3-0 Fiorentina"]
    # a shared address opens with the toggle on (the browser test sees the toggle write it)
    at = club_page(tables_dir, monkeypatch, "timeline", club="Udinese", others="true")
    assert at.main.toggle[0].value is True and len(drawn_matches(at)) == 4
    # the Matches page lists every match whatever the Timeline draws
    at = club_page(tables_dir, monkeypatch, "matches", club="Udinese")
    assert [len(f) for f in frames(at)] == [1, 3]   # Udinese's match, then the other matches


def test_the_timeline_offers_the_league_and_the_group_position(tables_dir, monkeypatch):
    at = club_page(tables_dir, monkeypatch, "timeline")
    [choice] = at.main.button_group
    assert choice.label == "Position in" and choice.options and choice.value in ("Serie A", ["Serie A"])
    at = club_page(tables_dir, monkeypatch, "timeline", position="UEFA Champions League Group D")
    [choice] = at.main.button_group
    assert choice.value in ("UEFA Champions League Group D", ["UEFA Champions League Group D"])
    specs = [c.proto.spec for c in at.main.get("vega_lite_chart")]
    assert any("Atalanta: Group D position (UEFA Champions League)" in s for s in specs)
    assert not any("Atalanta: Serie A position" in s for s in specs)


# --------------------------------------------------------------- the Add page says the real limits

def test_the_add_page_says_the_stores_limits(open_page):
    from fanboard import limits

    at = open_page("add_article")
    [uploader] = at.main.get("file_uploader")
    assert uploader.proto.label == "Article files: .txt or .md with up to 2 MB of text, .html pages up to 10 MB"
    assert uploader.proto.max_upload_size_mb == limits.MAX_HTML_BYTES // (1024 * 1024) == 10
    assert "200" not in uploader.proto.label


def test_lowercase_languages_in_the_address_are_kept(tables_dir, monkeypatch):
    at = club_page(tables_dir, monkeypatch, lang="nl")  # the page opens again at ?lang=NL
    [langs] = [b for b in at.sidebar.get("button_group") if b.key == "lang"]
    assert list(langs.value) == ["NL"]
    assert "Atalanta, as told by 1 of 2 articles" in shown(at)


def test_a_corrected_event_carries_its_badge_on_the_players_page(open_page, tables_dir, tmp_path):
    tables = tmp_path / "tables"
    shutil.copytree(tables_dir, tables)
    events = pd.read_csv(tables / "events.csv", dtype=str, keep_default_na=False)
    sanction = events.index[events["event_type"] == "sanction_demand"][0]
    events.loc[sanction, "curated"] = f"c1 confirmed [{events.at[sanction, 'event_id']}]"
    events.to_csv(tables / "events.csv", index=False)
    at = open_page("players", tables=tables, player=[ILICIC])
    table = next(e.value for e in at.main.dataframe if "curated" in e.value.columns)
    marked = table[table["curated"].notna()]
    assert marked["type_label"].tolist() == ["Sanction demand"]
    assert marked["curated"].tolist() == [f"curation?table=events&key={events.at[sanction, 'event_id']}&mark=confirmed"]


def test_the_server_gives_arrow_the_system_allocator(open_page):
    """Arrow's own pool (mimalloc) keeps freed pages per session thread; the app hands Arrow
    the system malloc it tunes for many sessions (app.malloc_for_many_sessions)."""
    import pyarrow as pa

    open_page()
    assert pa.default_memory_pool().backend_name == "system"


# --------------------------------------------------------------- the Timeline's first load is light

def test_the_timeline_table_shows_a_page_of_the_newest_events_and_more_at_a_click(open_page):
    at = open_page("timeline")
    everything = frames(at)[0]
    assert len(everything) == 9 and "The newest" not in shown(at)   # fewer than a page: the whole table
    at.session_state["events_rows"] = 4   # a page of 4 rows instead of 200
    at.run()
    text = shown(at)
    assert "The newest 4 of 9 events; the CSV download below has them all." in text
    page = frames(at)[0]
    pd.testing.assert_frame_equal(page.reset_index(drop=True), everything.iloc[5:].reset_index(drop=True))
    [more] = [b for b in at.main.button if b.key == "more_events"]
    assert more.label == "Show 5 more"
    more.click().run()
    assert not at.exception
    pd.testing.assert_frame_equal(frames(at)[0].reset_index(drop=True), everything.reset_index(drop=True))
    assert "The newest" not in shown(at) and not [b for b in at.main.button if b.key == "more_events"]


def test_the_timeline_chart_on_the_page_has_short_tooltips_and_the_picked_event_the_quote(open_page):
    import json

    import pyarrow as pa

    at = open_page("timeline")
    top = at.main.get("vega_lite_chart")[0].proto
    columns = {d.name: pa.ipc.open_stream(d.data.data).schema.names for d in top.datasets}
    [event_columns] = [c for c in columns.values() if "event_id" in c]
    assert "quote" not in event_columns and "sources_label" not in event_columns
    assert {"summary_short", "source_count", "when", "type_label", "actors_label", "certainty"} <= set(event_columns)
    [match_columns] = [c for c in columns.values() if "href" in c]
    assert "sources" not in match_columns and "source_count" in match_columns
    tooltips = {t["title"] for layer in json.loads(top.spec)["layer"] for t in layer.get("encoding", {}).get("tooltip", [])}
    assert "quote" not in tooltips and "sources (click for the quote)" in tooltips
    assert json.loads(top.spec)["config"]["aria"] is False   # no description written per mark
    # the quote is one click away: the picked event shows it
    event = frames(at)[0].iloc[-1]
    at.selectbox(key="pick_event").set_value(event["event_id"]).run()
    assert f"> {event['quote']}" in shown(at).replace("\\", "")


# --------------------------------------------------------------- the Sources filter lists a few at a time

def with_many_articles(tables_dir: Path, tmp_path: Path) -> Path:
    """The seeds' tables and 38 more (invented) articles without claims: 40 in all, more than
    the Sources list offers at once (app.SOURCE_OPTIONS, 30). Five are from "Gazette Alpha"."""
    tables = tmp_path / "tables"
    shutil.copytree(tables_dir, tables)
    articles = pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False)
    extra = [{**{c: "" for c in articles.columns}, "article_id": f"{100 + n}_{n:016x}", "file": f"extra/{n}.txt",
              "headline": f"Invented report {n}", "language": "en", "published": f"2020-10-{n % 28 + 1:02d}",
              "source": "Gazette Alpha" if n % 8 == 0 else "Gazette Beta"} for n in range(38)]
    pd.concat([articles, pd.DataFrame(extra)], ignore_index=True).to_csv(tables / "articles.csv", index=False)
    return tables


def test_the_sources_list_offers_the_newest_and_what_find_sources_finds(tables_dir, monkeypatch, tmp_path):
    from fanboard import views

    tables = with_many_articles(tables_dir, tmp_path)
    all_labels = views.article_labels(pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False))
    at = club_page(tables_dir, monkeypatch, tables=tables)
    source = at.sidebar.multiselect(key="source")
    newest = views.newest_first(pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False))
    assert source.options == [all_labels[a] for a in newest[:30]]   # the two seeds (December) first
    assert "The list has the newest 30 of 40 articles: find others above." in [c.value for c in at.sidebar.caption]
    at.sidebar.text_input(key="source_find").set_value("ALPHA").run()
    alpha = [a for a in newest if all_labels[a].startswith("Gazette Alpha")]
    assert len(alpha) == 5
    assert at.sidebar.multiselect(key="source").options == [all_labels[a] for a in alpha]
    assert "5 articles of 40 match “ALPHA”." in [c.value for c in at.sidebar.caption]
    at.sidebar.multiselect(key="source").set_value([alpha[-1]]).run()
    at.sidebar.text_input(key="source_find").set_value("beta").run()   # the pick stays listed and picked
    source = at.sidebar.multiselect(key="source")
    assert source.value == [alpha[-1]] and source.options[0] == all_labels[alpha[-1]] and len(source.options) == 31
    assert "33 articles of 40 match “beta”; the list has the newest 30." in [c.value for c in at.sidebar.caption]
    # an address names a source by its label, though it is not among the listed ones
    at = club_page(tables_dir, monkeypatch, tables=tables, source=all_labels[alpha[-1]])
    assert at.sidebar.multiselect(key="source").value == [alpha[-1]]
    assert not at.exception


def test_a_few_sources_are_all_listed_without_a_search(open_page):
    at = open_page()
    assert len(at.sidebar.multiselect(key="source").options) == 2
    assert [t.key for t in at.sidebar.text_input] == ["q"]


def test_the_event_picker_lists_the_tables_page_and_the_event_picked(open_page, tables_dir, monkeypatch):
    at = open_page("timeline")
    ids = list(frames(at)[0]["event_id"])
    assert at.selectbox(key="pick_event").options and len(at.selectbox(key="pick_event").options) == 9
    at.session_state["events_rows"] = 4   # a page of 4 rows instead of 200: the picker lists those
    at.run()
    picker = at.selectbox(key="pick_event")
    names = {o for o in picker.options}
    assert len(picker.options) == 4 and picker.proto.placeholder == "Pick one of the newest 4 events (or click any in the chart)"
    assert picker.value is None and len(names) == 4
    # an older event, named by the address (or a click in the chart), is listed first and shown
    monkeypatch.setenv("FANBOARD_TABLES", str(tables_dir))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["event"] = ids[0]
    at.session_state["events_rows"] = 4
    at.run()
    at.switch_page("pages/timeline.py").run()
    picker = at.selectbox(key="pick_event")
    assert len(picker.options) == 5 and picker.value == ids[0]
    assert not at.exception


def test_the_overviews_latest_results_are_the_clubs_own(tables_dir, monkeypatch):
    """Seen from Udinese, three of the four matches are between other clubs: the strip of
    latest results shows Udinese's one match, not the others (the Matches page lists them)."""
    at = club_page(tables_dir, monkeypatch, None, club="Udinese")
    assert not at.exception
    import pyarrow as pa
    strip = at.main.get("vega_lite_chart")[0].proto
    [rows] = [t for t in (pa.ipc.open_stream(d.data.data).read_all() for d in strip.datasets)
              if "fixture" in t.column_names]
    assert rows.column("fixture").to_pylist() == ["Udinese – Atalanta"]


def test_an_articles_fact_of_another_day_than_the_position_says_its_day(tables_dir, tmp_path, open_page):
    """A later article gives the position only: the points gaps under it are those of
    8 Dec, and say so."""
    from fanboard import views
    tables = tmp_path / "tables"
    shutil.copytree(tables_dir, tables)
    situation = pd.read_csv(tables / "situation.csv", dtype=str, keep_default_na=False)
    later = situation[situation["metric"] == "league_position"].assign(as_of="2020-12-14", value="7")
    pd.concat([situation, later]).to_csv(tables / "situation.csv", index=False)
    [day] = set(situation.loc[situation["metric"] == "points_behind_leader", "as_of"])
    day = views.format_day(date.fromisoformat(day))    # 8 Dec in the fixture, 9 Dec in a real build
    text = shown(open_page(tables=tables))
    assert "League position: 7th" in text and "as of 14 Dec 2020" in text
    assert f"12 points behind the leader (as of {day})" in text
    assert f"6 points behind fourth place (as of {day})" in text
    assert f"1 game(s) in hand (as of {day})" in text


def test_the_people_filter_offers_the_people_of_the_club_in_view(tables_dir, monkeypatch):
    """Seen from Udinese, the conflict's events are Atalanta's: its coach, who acts only in
    them, is no choice there, while the players with a status stay. A person picked in a
    shared address stays picked (and a choice) whatever the club."""
    at = club_page(tables_dir, monkeypatch, "overview", club="Atalanta")
    assert at.sidebar.multiselect(key="player").options == [GOMEZ, "Gian Piero Gasperini (coach)", ILICIC]
    at = club_page(tables_dir, monkeypatch, "overview", club="Udinese")
    assert at.sidebar.multiselect(key="player").options == [GOMEZ, ILICIC]
    at = club_page(tables_dir, monkeypatch, "overview", club="Udinese", player="Gian Piero Gasperini (coach)")
    people = at.sidebar.multiselect(key="player")
    assert people.options == [GOMEZ, "Gian Piero Gasperini (coach)", ILICIC]
    assert people.value == ["Gian Piero Gasperini"]


def test_a_match_in_no_competition_gets_no_blank_pill(open_page, tables_dir, tmp_path):
    """A match no source puts in a competition (another league's game a report recalls) shows
    an empty competition cell, not an empty coloured pill."""
    from fanboard.tables import read_tables, write_tables

    tables = read_tables(tables_dir)
    m = tables["matches"]
    tables["matches"] = m.assign(competition=m["competition"].where(m["home"] != "Udinese", ""))
    write_tables(tables, tmp_path)
    table = frames(open_page("matches", tables=tmp_path))[0]
    assert [list(c) for c in table["competition"]] == [["UEFA Champions League"], [], ["UEFA Champions League"], ["Serie A"]]


def test_the_overview_as_of_a_day_shows_nothing_after_it(tables_dir, monkeypatch):
    """As of 7 Dec: the latest results stop at the postponed Udinese game (not the Ajax and
    Fiorentina games after it), and the latest event is one known by then."""
    import pyarrow as pa
    at = club_page(tables_dir, monkeypatch, None, as_of="2020-12-07")
    strip = at.main.get("vega_lite_chart")[0].proto
    [rows] = [t for t in (pa.ipc.open_stream(d.data.data).read_all() for d in strip.datasets)
              if "fixture" in t.column_names]
    assert rows.column("fixture").to_pylist() == ["Atalanta 1-1 FC Midtjylland", "Udinese – Atalanta"]
    text = shown(at)
    assert "Latest: Squad exclusion" in text and "Social media post" not in text
    everything = shown(club_page(tables_dir, monkeypatch, None))
    assert "Latest known: Social media post" in everything


def test_the_sources_page_lists_ten_articles_at_a_time(tables_dir, monkeypatch, tmp_path):
    """40 articles: ten cards a page (each marks up its whole text), the pages named by their
    range; the last page has the last ten."""
    tables = with_many_articles(tables_dir, tmp_path)
    at = club_page(tables_dir, monkeypatch, "sources", tables=tables)
    pager = at.main.selectbox(key="sources_page")
    assert pager.options == ["1–10 of 40", "11–20 of 40", "21–30 of 40", "31–40 of 40"]
    first = [h.value for h in at.main.subheader]
    assert len(first) == 10
    pager.set_value(30).run()
    last = [h.value for h in at.main.subheader]
    assert len(last) == 10 and not set(first) & set(last)
    assert not at.exception
    at.sidebar.text_input(key="q").set_value("Invented").run()   # fewer articles: the page list follows
    assert not at.exception
