"""What every page needs (the Dashboard), and whether the tables must be rebuilt."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import pandas as pd

from ..schema import TABLES
from .cells import Tables, format_day
from .articles import article_labels, article_urls, default_as_of
from .filters import Filters, apply_filters, competitions, default_club, events_about, situation_about
from .league import group_positions
from .shaping import league_of, league_positions, match_results
from .matchpage import replay_dates, calendar_results
from .narrowing import PeopleIndex, narrow_to_players
from .timeline import timeline_events

T = TypeVar("T")

def reference_fixtures() -> pd.DataFrame | None:
    """The reference calendar (fanboard.reference), or None when it cannot be read: the
    dashboard then shows what the tables say, without replay dates or cup group tables."""
    from .. import reference

    try:
        return reference.load_fixtures()
    except Exception:  # a broken calendar must not take the dashboard down
        return None


def tables_need_build(tables_dir: Path, article_dirs: Iterable[Path], *, check_age: bool = True) -> bool:
    """True when the tables are missing, or (check_age) older than the newest article."""
    csvs = [tables_dir / f"{name}.csv" for name in TABLES]
    if not all(p.exists() for p in csvs):
        return True
    if not check_age:
        return False
    oldest_table = min(p.stat().st_mtime for p in csvs)
    newest_article = max(
        (p.stat().st_mtime for d in article_dirs if Path(d).is_dir() for p in Path(d).rglob("*") if p.is_file()),
        default=0.0,
    )
    return newest_article > oldest_table


def tables_signature(tables_dir: Path) -> tuple[tuple[str, float], ...]:
    """Names and modification times of the table files: a cache key that changes on rebuild."""
    return tuple(sorted((p.name, p.stat().st_mtime) for p in Path(tables_dir).glob("*.csv")))


def _about(filtered: dict[str, pd.DataFrame], club: str | None, saga_club: str | None) -> dict[str, pd.DataFrame]:
    """The filtered tables with only the situation claims and the events about `club`."""
    return {**filtered, "situation": situation_about(filtered["situation"], filtered["articles"], club, saga_club),
            "events": events_about(filtered["events"], filtered["articles"], club, saga_club)}


@dataclass(eq=False)
class Dashboard:
    """What every page needs: all tables, the filtered tables, the filters and a few lookups.

    Nothing in it changes after create(), so app.py shares one Dashboard per tables version and
    filter state between all sessions; the frames below are shaped once, on first use, and
    ``cached`` keeps anything else derived from it (the pages' chart specs).
    """

    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: Filters
    club: str | None
    labels: dict[str, str]
    article_roots: list[Path]
    club_filtered: dict[str, pd.DataFrame] | None = None
    urls: dict[str, str] | None = None
    fixtures: pd.DataFrame | None = None
    memo: dict = field(default_factory=dict, repr=False)
    table_memo: dict = field(default_factory=dict, repr=False)   # shared with `like` (per_tables)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def create(cls, tables: Tables, filters: Filters, *, article_roots: Iterable[Path] = (),
               club: str | None = None, saga_club: str | None = None,
               like: "Dashboard | None" = None) -> "Dashboard":
        """`club` is the club the pages are seen from; `saga_club` the one the articles are
        about (FANBOARD_CLUB); both default to views.default_club. The situation claims
        kept are those about `club` (filters.situation_about).

        `like`: a Dashboard of the same tables and club, whose lookups (labels, links, the
        calendar and its replay dates) are taken over instead of worked out again, and whose
        filtered tables serve as this one's without players when its filters are ours minus
        the players.
        """
        saga_club = saga_club or default_club(tables)
        club = club or saga_club
        reuse = (filters.players and like is not None and like.club == club
                 and like.filters == filters.without_players())
        if reuse:   # only the people's own rows change: narrow the tables of `like`
            index = like.cached("people_index", lambda: PeopleIndex.of(like.filtered))   # once per `like`
            filtered = narrow_to_players(tables, like.filtered, filters, index)
            club_filtered = like.filtered
        else:
            filtered = _about(apply_filters(tables, filters), club, saga_club)
            club_filtered = (_about(apply_filters(tables, filters.without_players()), club, saga_club)
                             if filters.players else filtered)
        d = cls(
            tables=dict(tables),
            filtered=filtered,
            filters=filters,
            club=club,
            labels=like.labels if like else article_labels(tables["articles"]),
            article_roots=[Path(r) for r in article_roots],
            club_filtered=club_filtered,
            urls=like.urls if like else article_urls(tables["articles"]),
            fixtures=like.fixtures if like else reference_fixtures(),
            table_memo=like.table_memo if like else {},
        )
        if like is not None:
            d.__dict__["replays"] = like.replays   # the cached_property, from the same tables
        if reuse:   # the same tables without players: the same club results and positions
            d.__dict__["club_results"] = like.club_results
            d.__dict__["positions"] = like.positions
            d.memo["as_of"] = like.as_of        # the articles in view do not depend on people
        return d

    @property
    def as_of(self):
        """The day the page is about: the one picked in the sidebar, else the latest
        well-bounded publication date of the sources in view, never after the date range.
        Worked out once per Dashboard (pages ask on every run; a choice of people keeps it)."""
        if self.filters.as_of:
            return self.filters.as_of

        def latest():
            day = default_as_of(self.filtered["articles"]) or self.per_tables(
                "default_as_of", lambda: default_as_of(self.tables["articles"]))
            if day and self.filters.date_to and day > self.filters.date_to:
                return self.filters.date_to
            return day or self.filters.date_to
        return self.cached("as_of", latest)

    def per_tables(self, key: object, make: Callable[[], T]) -> T:
        """make(), computed once for all the Dashboards of the same tables that were made
        `like` one another (it must depend on the tables alone)."""
        return self._once(self.table_memo, key, make)

    def _once(self, memo: dict, key: object, make: Callable[[], T]) -> T:
        """memo[key], made by make() the first time (outside the lock: the first value kept wins)."""
        with self._lock:
            if key in memo:
                return memo[key]
        value = make()
        with self._lock:
            return memo.setdefault(key, value)

    @cached_property
    def club_results(self) -> pd.DataFrame:
        """The club's matches as the other filters select them: a player filter does not apply."""
        return match_results(self.club_filtered["matches"], self.club, self.labels, self.replays, self.calendar)

    @cached_property
    def replays(self) -> dict:
        return replay_dates(self.tables["matches"], self.fixtures)

    @cached_property
    def results(self) -> pd.DataFrame:
        return match_results(self.filtered["matches"], self.club, self.labels, self.replays, self.calendar)

    @cached_property
    def calendar(self) -> dict:
        """The calendar's results of the matches the articles left scheduled and that were
        played by the day the page is about (matchpage.calendar_results)."""
        return calendar_results(self.tables["matches"], self.fixtures, self.as_of)

    @cached_property
    def events(self) -> pd.DataFrame:
        return timeline_events(self.filtered["events"], self.labels)

    @cached_property
    def positions(self) -> pd.DataFrame:
        return league_positions(self.filtered["standings"], self.filtered["situation"], self.club)

    def cached(self, key: object, make: Callable[[], T]) -> T:
        """make(), computed once per Dashboard (and key) however many sessions ask for it."""
        return self._once(self.memo, key, make)

    @property
    def league(self) -> str | None:
        """views.league_of the tables, worked out once for all the Dashboards of the same tables."""
        return self.per_tables("league", lambda: league_of(self.tables))

    @property
    def all_competitions(self) -> list[str]:
        """views.competitions of the tables (every competition, whatever the filters), worked out once."""
        return self.per_tables("competitions", lambda: competitions(self.tables))

    def cup_groups(self) -> dict[str, str]:
        """competition -> the club's group in it ("Group D"), for the cups in the tables,
        from the reference calendar (empty without one)."""
        from .. import group_table

        def find() -> dict[str, str]:
            if self.fixtures is None or not self.club:
                return {}
            groups = {c: group_table.club_group(self.fixtures, c, self.club)
                      for c in self.all_competitions if c != self.league}
            return {c: g for c, g in groups.items() if g}
        return self.per_tables(("cup_groups", self.club), find)   # the tables' and club's: shared by every filter state

    def plays_in(self, competition: str) -> bool:
        """Whether the club has anything in `competition`: the league, a cup group, a match
        in the tables or a claim of the articles."""
        m = self.tables["matches"]
        return (competition == self.league or competition in self.cup_groups()
                or bool(((m["competition"] == competition) & ((m["home"] == self.club) | (m["away"] == self.club))).any())
                or bool((self.club_filtered["situation"]["competition"] == competition).any()))

    def group_positions(self, competition: str) -> pd.DataFrame:
        """The club's position in its group of `competition` over the selected dates."""
        group = self.cup_groups().get(competition)
        if group is None:
            return pd.DataFrame(columns=["day", "position", "basis", "detail"])
        pos = group_positions(self.fixtures, competition, group, self.club, self.filtered["situation"])
        f = self.filters
        keep = [(f.date_from is None or d.date() >= f.date_from) and (f.date_to is None or d.date() <= f.date_to)
                for d in pos["day"]]
        return pos[keep].reset_index(drop=True)

    def describe(self) -> list[str]:
        """What the pages show, for a chart file that leaves them: the club, the dates and
        the "as of" day, then every filter that is set.

        ["Rivertown · 17 Nov 2020 – 18 Dec 2020 · as of 18 Dec 2020",
         "Filters: people: Luka Perišić; languages: NL"]
        """
        f = self.filters
        period = (f"{format_day(f.date_from)} – {format_day(f.date_to)}" if f.date_from and f.date_to
                  else "all dates")
        head = f"{self.club or 'All clubs'} · {period} · as of {format_day(self.as_of) if self.as_of else 'the latest article'}"
        parts = []
        if f.players:
            parts.append("people: " + ", ".join(f.players))
        if f.competitions:
            parts.append("competitions: " + ", ".join(f.competitions))
        if f.languages:
            parts.append("languages: " + ", ".join(code.upper() for code in f.languages))
        if f.sources:
            names = [self.labels.get(a, a) for a in f.sources]
            parts.append("sources: " + (" | ".join(names) if len(names) <= 2 else
                                        f"{len(names)} of {len(self.tables['articles'])} articles"))
        if f.search:
            parts.append(f"search: “{f.search}”")
        return [head, "Filters: " + "; ".join(parts) if parts else "Filters: none (every person, competition, language and article)"]

    def who(self) -> str:
        """The selected players for sentences: "Luka Perišić", or "anyone"."""
        return self.filters.describe_players()

    def events_label(self) -> str:
        """What the event lanes hold: the club's events (views.events_about)."""
        return f"events about {self.club}" if self.club else "events"

    def empty_message(self, what: str) -> str:
        """'No events for Luka Perišić between 1 Mar 2021 and 5 Mar 2021.'"""
        parts = [f"No {what}"]
        if self.filters.players:
            parts.append(f"for {self.who()}")
        parts.append(self.filters.describe_period())
        extra = []
        if self.filters.competitions:
            extra.append("in " + ", ".join(self.filters.competitions))
        if self.filters.sources or self.filters.languages:
            extra.append("in the selected sources")
        return " ".join(parts + extra) + ". Widen the filters in the sidebar to see more."
