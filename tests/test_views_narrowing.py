"""A player filter narrows the tables of the same view without players (views.narrow_to_players),
and a fan sees exactly what filtering all tables from the start shows: every table, the
timeline's events, the results and the league positions, for every person of the seeds."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from fanboard import views
from fanboard.tables import read_tables
from small_tables import small_tables


def assert_same_view(narrowed: views.Dashboard, fresh: views.Dashboard) -> None:
    assert set(narrowed.filtered) == set(fresh.filtered)
    for name, frame in fresh.filtered.items():
        assert_frame_equal(narrowed.filtered[name], frame, obj=name)
    for shaped in ("events", "results", "positions", "club_results"):
        assert_frame_equal(getattr(narrowed, shaped), getattr(fresh, shaped), obj=shaped)


@pytest.fixture(scope="module")
def seed_tables(tables_dir) -> dict[str, pd.DataFrame]:
    return read_tables(tables_dir)


BASES = [
    views.Filters(),
    views.Filters(date_from=date(2020, 12, 1), date_to=date(2020, 12, 20)),
    views.Filters(languages=("it",)),
]


@pytest.mark.parametrize("base", BASES, ids=["everything", "december", "italian"])
def test_every_person_of_the_seeds_narrowed_is_what_a_fresh_filter_shows(seed_tables, base):
    people = views.people(seed_tables)
    assert len(people) == 3   # two players and the coach of the seeds
    like = views.Dashboard.create(seed_tables, base)
    for picked in [(p,) for p in people] + [tuple(people[:2]), ("Nobody Known",)]:
        f = views.Filters(**{**base.__dict__, "players": picked})
        narrowed = views.Dashboard.create(seed_tables, f, like=like)
        assert_same_view(narrowed, views.Dashboard.create(seed_tables, f))


def test_every_person_of_the_small_tables_narrowed_is_what_a_fresh_filter_shows():
    tables = small_tables()
    for base in (views.Filters(), views.Filters(sources=("b",)), views.Filters(competitions=("Cup",))):
        like = views.Dashboard.create(tables, base)
        for person in views.people(tables):
            f = views.Filters(**{**base.__dict__, "players": (person,)})
            assert_same_view(views.Dashboard.create(tables, f, like=like), views.Dashboard.create(tables, f))


def test_a_player_of_the_small_tables_keeps_their_rows_through_the_narrowing():
    tables = small_tables()
    like = views.Dashboard.create(tables, views.Filters())
    got = views.Dashboard.create(tables, views.Filters(players=("Tomás Leal",)), like=like).filtered
    # as apply_filters gives it (test_views_filters): his statuses, the match he came on in
    # and its provenance, no event
    expected = {"matches": [0], "player_status": [1, 3], "events": [], "provenance": [0, 1]}
    for name, positions in expected.items():
        assert_frame_equal(got[name], tables[name].iloc[positions].reset_index(drop=True), obj=name)


def test_a_search_with_players_is_filtered_from_the_start(seed_tables):
    base = views.Filters(search="gol")
    like = views.Dashboard.create(seed_tables, base)
    for person in views.people(seed_tables):
        f = views.Filters(players=(person,), search="gol")
        assert_same_view(views.Dashboard.create(seed_tables, f, like=like), views.Dashboard.create(seed_tables, f))


def test_filtering_leaves_the_shared_tables_as_they_were(seed_tables):
    before = {name: frame.copy() for name, frame in seed_tables.items()}
    like = views.Dashboard.create(seed_tables, views.Filters(languages=("en",)))
    for person in views.people(seed_tables)[:4]:
        views.Dashboard.create(seed_tables, views.Filters(players=(person,), languages=("en",)), like=like).events
    for name, frame in before.items():
        assert_frame_equal(seed_tables[name], frame, obj=name)
