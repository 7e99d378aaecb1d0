"""What every page needs (the Dashboard), and whether the tables must be rebuilt."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..schema import TABLES
from .cells import Tables
from .articles import article_labels, article_urls, default_as_of
from .filters import Filters, apply_filters, focus_club
from .shaping import league_positions, match_results
from .matchpage import replay_dates
from .timeline import timeline_events


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


@dataclass
class Dashboard:
    """What every page needs: all tables, the filtered tables, the filters and a few lookups."""

    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: Filters
    club: str | None
    labels: dict[str, str]
    article_roots: list[Path]
    club_filtered: dict[str, pd.DataFrame] | None = None
    urls: dict[str, str] | None = None
    fixtures: pd.DataFrame | None = None

    @classmethod
    def create(cls, tables: Tables, filters: Filters, *, article_roots: Iterable[Path] = (),
               club: str | None = None) -> "Dashboard":
        """`club` overrides the focus club; by default it is the team in most matches."""
        filtered = apply_filters(tables, filters)
        return cls(
            tables=dict(tables),
            filtered=filtered,
            filters=filters,
            club=club or focus_club(tables["matches"]),
            labels=article_labels(tables["articles"]),
            article_roots=[Path(r) for r in article_roots],
            club_filtered=apply_filters(tables, filters.without_players()) if filters.players else filtered,
            urls=article_urls(tables["articles"]),
            fixtures=reference_fixtures(),
        )

    @property
    def as_of(self):
        """The day the page is about: the one picked in the sidebar, else the latest
        well-bounded publication date of the sources in view, never after the date range."""
        if self.filters.as_of:
            return self.filters.as_of
        day = default_as_of(self.filtered["articles"]) or default_as_of(self.tables["articles"])
        if day and self.filters.date_to and day > self.filters.date_to:
            return self.filters.date_to
        return day or self.filters.date_to

    @property
    def club_results(self) -> pd.DataFrame:
        """The club's matches as the other filters select them: a player filter does not apply."""
        return match_results(self.club_filtered["matches"], self.club, self.labels, self.replays)

    @property
    def replays(self) -> dict:
        return replay_dates(self.tables["matches"], self.fixtures)

    @property
    def results(self) -> pd.DataFrame:
        return match_results(self.filtered["matches"], self.club, self.labels, self.replays)

    @property
    def events(self) -> pd.DataFrame:
        return timeline_events(self.filtered["events"], self.labels)

    @property
    def positions(self) -> pd.DataFrame:
        return league_positions(self.filtered["standings"], self.filtered["situation"], self.club)

    def who(self) -> str:
        """The selected players for sentences: "Luka Perišić", or "anyone"."""
        return self.filters.describe_players()

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
