"""Issue 13's remaining items in the views: the club every page is seen from (options, default,
whose claims), the club's cup group position over time, and what an exported chart says."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from fanboard import views

EN, NL = "001_6400d61ffa6bd79a", "000_981ffb45979d0495"
SAGA = (date(2020, 11, 17), date(2020, 12, 18))


@pytest.fixture(scope="module")
def seeds(tables_dir):
    from fanboard.tables import read_tables

    return read_tables(tables_dir)


def with_article_clubs(tables: dict, clubs: dict[str, str]) -> dict:
    """The tables as a build that reads each article's own club (articles.club) would write."""
    arts = tables["articles"].assign(club=tables["articles"]["article_id"].map(lambda a: clubs.get(a, "")))
    return {**tables, "articles": arts}


def test_the_clubs_offered_are_the_league_clubs_the_tables_name_default_first(seeds):
    # matches name Atalanta, Udinese, Fiorentina (Serie A) and Ajax, FC Midtjylland (not in the league table)
    assert views.club_options(seeds, "Atalanta") == ["Atalanta", "Fiorentina", "Udinese"]
    assert views.club_options(seeds, "Juventus") == ["Juventus", "Atalanta", "Fiorentina", "Udinese"]
    assert views.club_options(with_article_clubs(seeds, {EN: "Napoli"}), "Atalanta") == [
        "Atalanta", "Fiorentina", "Napoli", "Udinese"]


def test_the_default_club_is_configured_else_the_articles_own_else_the_most_matches(seeds):
    assert views.default_club(seeds) == "Atalanta"  # no articles.club column: the team in most matches
    assert views.default_club(seeds, "Fiorentina") == "Fiorentina"  # FANBOARD_CLUB wins
    two_udinese = with_article_clubs(seeds, {EN: "Udinese", NL: "Udinese"})
    assert views.default_club(two_udinese) == "Udinese"
    assert views.default_club(with_article_clubs(seeds, {EN: "", NL: ""})) == "Atalanta"  # column, but empty


def test_another_club_does_not_get_the_saga_clubs_claims(seeds):
    saga = views.Dashboard.create(seeds, views.Filters(date_from=SAGA[0], date_to=SAGA[1]))
    udinese = views.Dashboard.create(seeds, views.Filters(date_from=SAGA[0], date_to=SAGA[1]), club="Udinese")
    assert udinese.club == "Udinese" and saga.club == "Atalanta"
    assert len(saga.filtered["situation"]) == len(seeds["situation"]) > 0
    assert udinese.filtered["situation"].empty and udinese.club_filtered["situation"].empty
    # its own league line: Udinese's computed positions, no article diamond
    assert set(udinese.positions["basis"]) == {"computed table"}
    assert udinese.positions.set_index("day").loc["2020-12-17", "position"] == 10
    # its results: the postponed match against Atalanta is its own; the others are neutral
    assert udinese.results.set_index("match_id").loc["2020-12-06-udinese-atalanta", "opponent"] == "Atalanta"
    assert list(udinese.results["result"]) == ["N", "P", "N", "N"]
    assert udinese.cup_groups() == {} and not udinese.plays_in("UEFA Champions League")
    assert saga.cup_groups() == {"UEFA Champions League": "Group D"} and saga.plays_in("UEFA Champions League")
    # with articles.club, a claim is its article's club's: the English article's club gets it
    tables = with_article_clubs(seeds, {EN: "Udinese"})
    d = views.Dashboard.create(tables, views.Filters(), club="Udinese", saga_club="Atalanta")
    assert set(d.filtered["situation"]["article_id"]) == {EN}
    d = views.Dashboard.create(tables, views.Filters(), club="Atalanta", saga_club="Atalanta")
    assert set(d.filtered["situation"]["article_id"]) == set(seeds["situation"]["article_id"]) - {EN}


def test_club_people_are_the_kb_players_of_that_club():
    names = ["Alejandro Gómez", "Josip Iličić", "Someone Unknown"]
    assert views.club_people(names, "Atalanta") == ["Alejandro Gómez", "Josip Iličić"]
    assert views.club_people(names, "Udinese") == []
    assert views.club_people(names, "Not A Club") == names  # unknown club: nothing is hidden


def test_the_group_position_over_time_comes_from_the_calendar(seeds):
    d = views.Dashboard.create(seeds, views.Filters())
    pos = d.group_positions("UEFA Champions League")
    assert [(f"{r['day']:%Y-%m-%d}", r["position"]) for r in pos.to_dict("records")] == [
        ("2020-10-21", 1), ("2020-10-27", 2), ("2020-11-03", 3), ("2020-11-25", 3), ("2020-12-01", 2), ("2020-12-09", 2)]
    assert set(pos["basis"]) == {"computed table"} and pos.iloc[-1]["detail"] == "Group D: 11 pts from 6 games"
    narrow = views.Dashboard.create(seeds, views.Filters(date_from=date(2020, 11, 17), date_to=date(2020, 12, 5)))
    assert [f"{t:%m-%d}" for t in narrow.group_positions("UEFA Champions League")["day"]] == ["11-25", "12-01"]
    assert narrow.group_positions("Serie A").empty  # not a cup with a group


def test_describe_says_club_dates_as_of_and_every_filter(seeds):
    d = views.Dashboard.create(seeds, views.Filters(date_from=SAGA[0], date_to=SAGA[1]))
    assert d.describe() == ["Atalanta · 17 Nov 2020 – 18 Dec 2020 · as of 18 Dec 2020",
                            "Filters: none (every person, competition, language and article)"]
    d = views.Dashboard.create(seeds, views.Filters(
        players=("Josip Iličić",), competitions=("Serie A",), languages=("nl",), sources=(NL,), search="regen",
        date_from=date(2020, 12, 1), date_to=date(2020, 12, 6), as_of=date(2020, 12, 5)), club="Udinese")
    head, filters = d.describe()
    assert head == "Udinese · 1 Dec 2020 – 6 Dec 2020 · as of 5 Dec 2020"
    assert filters == ("Filters: people: Josip Iličić; competitions: Serie A; languages: NL; "
                       f"sources: {d.labels[NL]}; search: “regen”")


def test_each_clubs_pages_show_its_own_events(seeds):
    """A season's articles tell several clubs' stories: Inter's coach freezing out a midfielder
    is not an Atalanta event, and Atalanta's quarrel is not Inter's. An event whose parties
    the knowledge base places nowhere goes with its article's club."""
    events = seeds["events"]
    base = events.iloc[0].to_dict()
    inter = {**base, "event_id": "X1", "event_type": "squad_exclusion", "actors": "Antonio Conte;Christian Eriksen",
             "agents": "Antonio Conte", "targets": "Christian Eriksen", "sources": "inter_article"}
    nobody = {**base, "event_id": "X2", "event_type": "dispute", "actors": "Invented Person;Another Invented",
              "agents": "Invented Person;Another Invented", "targets": "", "sources": "inter_article"}
    both = pd.concat([events, pd.DataFrame([inter, nobody])], ignore_index=True)
    articles = pd.concat([seeds["articles"], pd.DataFrame([{**seeds["articles"].iloc[0].to_dict(),
                                                             "article_id": "inter_article", "club": "Inter"}])],
                         ignore_index=True)
    atalanta = views.events_about(both, articles, "Atalanta", "Atalanta")
    assert list(atalanta["event_id"]) == list(events["event_id"])   # every seed event, neither new one
    assert list(views.events_about(both, articles, "Inter", "Atalanta")["event_id"]) == ["X1", "X2"]
    assert views.events_about(both, articles, "Udinese", "Atalanta").empty
    # a club the knowledge base does not know: every event
    assert len(views.events_about(both, articles, "Rivertown", "Atalanta")) == len(both)
