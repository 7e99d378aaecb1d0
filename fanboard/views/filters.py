"""What the sidebar offers and selects, and every table narrowed to that selection.

The options (people, competitions, languages, the date range) come from the tables themselves;
``apply_filters`` narrows every table at once, provenance included.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from .articles import article_labels  # noqa: F401  (re-exported: the sidebar's labels)
from .cells import Tables, format_day, open_window, split, to_date, where
from .search import search_tables


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects. An empty selection means "all"."""

    players: tuple[str, ...] = ()
    competitions: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    search: str = ""
    as_of: date | None = None

    def without_players(self) -> "Filters":
        """The same selection for the club's own views, which a player filter does not narrow."""
        return replace(self, players=())

    def describe_period(self) -> str:
        if self.date_from and self.date_to:
            return f"between {format_day(self.date_from)} and {format_day(self.date_to)}"
        return "in the articles"

    def describe_players(self) -> str:
        return " or ".join(self.players) if self.players else "anyone"


def _in_window(start: date | None, end: date | None, f: Filters) -> bool:
    """True when [start, end] overlaps the filter's date range; an open end ("by 18 Dec" has
    no start) overlaps everything on that side, and undated rows always pass."""
    if f.date_from and end is not None and end < f.date_from:
        return False
    if f.date_to and start is not None and start > f.date_to:
        return False
    return True


def allowed_articles(articles: pd.DataFrame, f: Filters) -> set[str]:
    keep = articles
    if f.sources:
        keep = keep[keep["article_id"].isin(f.sources)]
    if f.languages:
        keep = keep[keep["language"].isin(f.languages)]
    return set(keep["article_id"])


def _isin(column: pd.Series, values: set[str]) -> pd.Series:
    """column.isin(values), fast for big sets (pandas' Arrow strings convert value by value)."""
    return column.astype(object).isin(values)


def _cites(cell: str, allowed: set[str]) -> bool:
    if cell in allowed and ";" not in cell and cell == cell.strip():   # one id: most cells
        return True
    ids = split(cell)
    return not ids or any(i in allowed for i in ids)


def apply_filters(tables: Tables, f: Filters) -> dict[str, pd.DataFrame]:
    """Every table narrowed to the selection.

    - sources/languages keep rows that cite at least one selected article;
    - the date range keeps rows whose date (or date window) overlaps it; undated facts stay;
    - competitions narrow matches, player statuses in those matches and situation claims;
    - players keep their own statuses and events, and the matches they played a part in;
    - a search keeps the rows whose words (quote, summary, teams, people) contain it.

    The tables are only read (pandas copies on write), so nothing of them is copied here: a
    server that works out many filter states at once holds the tables once.
    """
    t = dict(tables)
    allowed = allowed_articles(t["articles"], f)
    t["articles"] = t["articles"][_isin(t["articles"]["article_id"], allowed)]
    m = _matches_kept(t["matches"], allowed, f)
    ps = _statuses_kept(t["player_status"], m, allowed, f)
    ev = _events_kept(t["events"], allowed, f)
    if f.players:
        involved = set(ps["match_id"]) | set(ev["match_id"])
        m = m[_isin(m["match_id"], involved)]
    sit = _situation_kept(t["situation"], allowed, f)
    st = t["standings"]
    st = where(st, (_in_window(to_date(d), to_date(d), f) for d in st["as_of"].tolist()))
    co = t["contradictions"]
    co = where(co, (_cites(c, allowed) for c in co["sources"].tolist()))
    if f.search:
        m, ev, ps, sit, co = search_tables(f.search, matches=m, events=ev, player_status=ps,
                                           situation=sit, contradictions=co)
    kept = {"matches": m, "events": ev, "player_status": ps, "situation": sit}
    pv = _provenance_kept(t["provenance"], tables, kept, allowed)
    t.update(matches=m, player_status=ps, events=ev, situation=sit, standings=st,
             contradictions=co, provenance=pv)
    return {k: v.reset_index(drop=True) for k, v in t.items()}


def _matches_kept(m: pd.DataFrame, allowed: set[str], f: Filters) -> pd.DataFrame:
    m = where(m, (_cites(c, allowed) for c in m["sources"].tolist()))
    m = where(m, (_in_window(*open_window(r), f) for r in _date_cells(m)))
    if f.competitions:
        m = m[m["competition"].isin(f.competitions)]
    return m


def _statuses_kept(ps: pd.DataFrame, matches: pd.DataFrame, allowed: set[str], f: Filters) -> pd.DataFrame:
    """Statuses cited by a selected article (merged rows name several), in a kept match or none."""
    ps = where(ps, (_cites(c, allowed) for c in ps["article_id"].tolist()))
    ps = ps[(ps["match_id"] == "") | _isin(ps["match_id"], set(matches["match_id"].tolist()))]
    if f.players:
        ps = ps[ps["player"].isin(f.players)]
    return ps


def _events_kept(ev: pd.DataFrame, allowed: set[str], f: Filters) -> pd.DataFrame:
    ev = where(ev, (_cites(c, allowed) for c in ev["sources"].tolist()))
    ev = where(ev, (_in_window(*open_window(r), f) for r in _date_cells(ev)))
    return _players_events(ev, f)


def _players_events(ev: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events in which one of the selected people acts (all of them without a selection)."""
    if not f.players:
        return ev
    return where(ev, (any(a in f.players for a in split(c)) for c in ev["actors"].tolist()))


def _situation_kept(sit: pd.DataFrame, allowed: set[str], f: Filters) -> pd.DataFrame:
    sit = where(sit, (_cites(c, allowed) for c in sit["article_id"].tolist()))
    sit = where(sit, (_in_window(to_date(d), to_date(d), f) for d in sit["as_of"].tolist()))
    if f.competitions:
        sit = sit[sit["competition"].isin(f.competitions)]
    return sit


def _date_cells(rows: pd.DataFrame) -> list[dict[str, str]]:
    """The date cells of each row, for open_window (cheaper than whole records of a big table)."""
    return [{"date": d, "date_from": a, "date_to": b}
            for d, a, b in zip(rows["date"].tolist(), rows["date_from"].tolist(), rows["date_to"].tolist())]


def _row_keys(name: str, rows: pd.DataFrame) -> set[str]:
    """The provenance keys of a table's rows, rebuilt from the rows."""
    if name == "matches":
        return set(rows["match_id"])
    if name == "events":
        return set(rows["event_id"])
    if name == "player_status":
        parts = ("player", "status", "match_id")
    else:  # situation
        parts = ("competition", "metric")
    keys = rows[parts[0]].astype(str)
    for col in parts[1:]:
        keys = keys + "|" + rows[col].astype(str)
    return set(keys)


def _provenance_kept(pv: pd.DataFrame, tables: Tables, kept: dict[str, pd.DataFrame],
                     allowed: set[str]) -> pd.DataFrame:
    """Provenance follows the rows it explains: a sentence goes when its row was filtered out.

    Keys are compared only where they can be rebuilt from the row, so any other key format
    the pipeline uses simply keeps its provenance.
    """
    dropped = {name: _row_keys(name, tables[name]) - _row_keys(name, rows) for name, rows in kept.items()}
    pv = pv[_isin(pv["article_id"], allowed)]
    gone = pd.Series(False, index=pv.index, dtype=bool)
    for name, keys in dropped.items():
        if keys:
            gone |= pv["table"].eq(name) & _isin(pv["row_key"], keys)
    return pv[~gone]


def focus_club(matches: pd.DataFrame) -> str | None:
    """The club the saga is about: the team that appears in most matches."""
    teams = Counter(t for col in ("home", "away") for t in matches.get(col, []) if t)
    return teams.most_common(1)[0][0] if teams else None


def club_options(tables: Tables, default: str | None = None) -> list[str]:
    """The clubs the sidebar offers as the focus: the league's clubs (the teams of the
    standings) that a match or an article's own club (articles.club, when the build has it)
    names, and the default, which comes first."""
    league = set(tables["standings"]["team"])
    named = {t for col in ("home", "away") for t in tables["matches"][col]}
    named |= {c for cell in tables["articles"].get("club", ()) for c in split(cell)}
    clubs = sorted(t for t in named & league if t and t != default)
    return ([default] if default else []) + clubs


def default_club(tables: Tables, configured: str | None = None) -> str | None:
    """The focus club when the sidebar picks none: the one configured (FANBOARD_CLUB), else
    the club most articles are about (articles.club, when the build has it), else the team
    in most matches."""
    if configured:
        return configured
    own = Counter(c for cell in tables["articles"].get("club", ()) for c in split(cell) if c)
    if own:
        return own.most_common(1)[0][0]
    return focus_club(tables["matches"])


def situation_about(situation: pd.DataFrame, articles: pd.DataFrame, club: str | None,
                    saga_club: str | None) -> pd.DataFrame:
    """The situation claims about `club`. A claim is about its article's own club
    (articles.club, when the build has it; the saga's club when the article names none), so
    another club's page never shows the saga club's league position as its own."""
    if "club" in articles.columns:
        own = {a: split(c) for a, c in zip(articles["article_id"], articles["club"])}
        keep = pd.Series([club in own.get(a, ()) or (not own.get(a) and club == saga_club)
                          for a in situation["article_id"]], index=situation.index, dtype=bool)
        return situation[keep].reset_index(drop=True)   # (a plain empty list would select no columns)
    return situation if club == saga_club else situation.iloc[0:0]


def events_about(events: pd.DataFrame, articles: pd.DataFrame, club: str | None,
                 saga_club: str | None) -> pd.DataFrame:
    """The events of `club`: those in which one of the parties (actors and targets) is the
    club or a person the knowledge base places at it at any time of the season (a player who
    moved keeps his old club's quarrels). An event none of whose parties the knowledge base
    places anywhere is its articles' club's (situation_about's rule). Every event when there is
    no knowledge base or it does not know the club.

    A season's articles tell several clubs' stories (one club's captain in a quarrel, another's
    midfielder frozen out): each club's pages show its own."""
    from ..kb import KB

    kb = _kb(KB)
    known = kb.club(club) if kb and club else None
    if known is None or events.empty:
        return events
    clubs_of: dict[str, tuple[str, ...]] = {}

    def placed(name: str) -> tuple[str, ...]:
        if name not in clubs_of:
            c = kb.club(name)
            p = None if c else kb.person(name)
            clubs_of[name] = (c.id,) if c else (kb.clubs_of(p) if p is not None and p.role != "journalist" else ())
        return clubs_of[name]

    own = ({a: split(c) for a, c in zip(articles["article_id"], articles["club"])}
           if "club" in articles.columns else {})

    def about(parties: str, sources: str) -> bool:
        placed_at = {c for name in split(parties) for c in placed(name)}
        if placed_at:
            return known.id in placed_at
        return any(club in own.get(a, ()) or (not own.get(a) and club == saga_club) for a in split(sources))

    parties = events["actors"] + ";" + events["targets"] if "targets" in events.columns else events["actors"]
    keep = pd.Series([about(p, s) for p, s in zip(parties, events["sources"])], index=events.index, dtype=bool)
    return events if keep.all() else events[keep].reset_index(drop=True)


def club_people(names: list[str], club: str | None) -> list[str]:
    """The names (of people with a status) that the knowledge base places at the club. All of
    them when there is no knowledge base, or the club is not in it."""
    from ..kb import KB

    kb = _kb(KB)
    known = kb.club(club) if kb and club else None
    if known is None:
        return list(names)
    return [n for n in names if (p := kb.person(n)) is not None and p.club == known.id]


def people(tables: Tables) -> list[str]:
    """The people of the saga: players with a status, and the people who act in its events.

    Event actors that are not people of a club (journalists who report, clubs named as
    parties of a transfer report) are left out: a fan filters by the people of the story.
    """
    from ..kb import KB  # light: CSV files, no spaCy

    kb = _kb(KB)
    actors = {a for cell in tables["events"]["actors"] for a in split(cell)}
    def is_club_person(name: str) -> bool:
        person = kb.person(name) if kb else None
        return person is not None and person.role != "journalist"
    names = set(tables["player_status"]["player"]) | {a for a in actors if is_club_person(a)}
    return sorted(n for n in names if n)


def people_label(tables: Tables) -> dict[str, str]:
    """name -> "Carlo Bianchi (coach)" for staff, the name alone for players: the
    People filter mixes players and staff, and says which is which."""
    from ..kb import KB

    kb = _kb(KB)
    out = {}
    for name in people(tables):
        person = kb.person(name) if kb else None
        role = person.role if person else ""
        out[name] = f"{name} ({role})" if role and role != "player" else name
    return out


@lru_cache(maxsize=1)
def _kb(loader):
    try:
        return loader.load()
    except Exception:  # a broken knowledge base must not take the dashboard down
        return None


def competitions(tables: Tables) -> list[str]:
    names = set(tables["matches"]["competition"]) | set(tables["situation"]["competition"])
    return sorted(n for n in names if n)


def languages(tables: Tables) -> list[str]:
    return sorted({lang for lang in tables["articles"]["language"] if lang})


def date_bounds(tables: Tables) -> tuple[date, date] | None:
    """The first and last day any match, event, status or standing refers to."""
    days: list[date] = []
    for name, cols in (
        ("matches", ("date", "date_from", "date_to")),
        ("events", ("date", "date_from", "date_to")),
        ("player_status", ("date",)),
        ("standings", ("as_of",)),
        ("situation", ("as_of",)),
    ):
        for col in cols:
            days += [d for d in map(to_date, tables[name][col]) if d]
    return (min(days), max(days)) if days else None


SAGA_LEAD_IN_DAYS = 14


def saga_window(tables: Tables) -> tuple[date, date] | None:
    """The default date range: the days the articles' matches, events and claims cover,
    plus two weeks before for context (the league table can run all season long).
    """
    days: list[date] = []
    for name, cols in (
        ("matches", ("date", "date_from", "date_to")),
        ("events", ("date", "date_from", "date_to")),
        ("player_status", ("date",)),
        ("situation", ("as_of",)),
    ):
        for col in cols:
            days += [d for d in map(to_date, tables[name][col]) if d]
    if not days:
        return date_bounds(tables)
    bounds = date_bounds(tables)
    start = min(days) - timedelta(days=SAGA_LEAD_IN_DAYS)
    if bounds:
        start = max(start, bounds[0])
    return start, max(days)
