"""Reconcile: put claims on the real calendar, merge what several articles say, and
write down where they disagree.

Steps (each a function below):
  1. publication windows: the stated date, or a window inferred from what the
     article reports (linked fixtures, weekday references, years);
  2. linking: each match claim to one fixture of the reference calendar, when the
     teams, venue, competition, score, status and time leave exactly one; when both legs
     of a pairing remain, the leg within a week of the article's other linked matches, or
     the one leg in the month a stored page states (" date 2020-12");
  3. merging: claims about the same match, status or event become one row with all
     sources;
  4. contradictions: a row for every disagreement, with each source's value, the
     calendar's when it speaks, and the rule that resolved it
     (calendar > more specific claim > majority).
"""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from ..ingest import Article
from ..kb import KB
from ..extract.claims import ArticleClaims, MatchClaim, StatusClaim, EventClaim
from . import timeexpr

CONFLICT_EVENTS = {"dispute", "altercation", "sanction_demand", "resignation_offer"}
STATUS_ORDER = {"scheduled": 0, "postponed": 1, "played": 2}
MATCH_STATUSES_PER_MATCH = {"started", "substituted_off", "substituted_on", "unused_substitute", "left_out"}
# statuses of one player in one match that cannot both be true
INCOMPATIBLE = {
    frozenset({"started", "left_out"}), frozenset({"started", "unused_substitute"}),
    frozenset({"started", "substituted_on"}), frozenset({"left_out", "substituted_on"}),
    frozenset({"left_out", "substituted_off"}), frozenset({"unused_substitute", "substituted_on"}),
    frozenset({"unused_substitute", "substituted_off"}), frozenset({"left_out", "unused_substitute"}),
}
FAR_PAST, FAR_FUTURE = date(1900, 1, 1), date(2999, 12, 31)
WINDOW_ROUNDS = 4   # rounds of window inference at most (links narrow windows, windows allow links)
NEAR_DAYS = 7       # a leg this close to a fixture the same article is linked to is the one it means...
RECENT_DAYS = 14    # a played match whose score fits no fixture: the one of its result this recent
FAR_DAYS = 28       # ...when every other leg is at least this far from all of them
# the " date 2020-12" prefix stored web pages begin with when they state only the month
_PAGE_MONTH = re.compile(r"\A\s*date (\d{4})-(\d{2})(?![-\d])")


@dataclass
class Window:
    lo: date | None = None
    hi: date | None = None
    evidence: list[str] = field(default_factory=list)

    def known(self) -> bool:
        return self.lo is not None and self.hi is not None

    def narrow(self, lo: date | None, hi: date | None, why: str) -> bool:
        new_lo = max(d for d in (self.lo, lo) if d is not None) if (self.lo or lo) else None
        new_hi = min(d for d in (self.hi, hi) if d is not None) if (self.hi or hi) else None
        if new_lo and new_hi and new_lo > new_hi:
            self.evidence.append(f"ignored (contradicts the rest): {why}")
            return False
        changed = (new_lo, new_hi) != (self.lo, self.hi)
        if changed:
            self.lo, self.hi = new_lo, new_hi
            self.evidence.append(why)
        return changed


@dataclass
class Link:
    fixture: dict
    how: str          # "unique" | "window" | "shared statuses"


class Reconciler:
    def __init__(self, kb: KB, fixtures: pd.DataFrame, decisions: pd.DataFrame):
        self.kb = kb
        self.fixtures = fixtures
        self.decisions = decisions
        self.fingerprint = (int(pd.util.hash_pandas_object(fixtures, index=False).sum()),
                            int(pd.util.hash_pandas_object(decisions, index=False).sum()) if len(decisions) else 0)
        self._fx_records = [{k: ("" if pd.isna(v) else (str(v) if k in ("date", "original_date") else v))
                             for k, v in r.items()} for r in fixtures.to_dict("records")]
        self.by_team: dict[str, list[dict]] = defaultdict(list)
        # per team and per (team, opponent): (fixture, team at home?, its parsed cells), in
        # calendar order, so that a claim naming its opponent looks at a handful of fixtures
        self._by_team: dict[str, list[tuple]] = defaultdict(list)
        self._by_pair: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for f in self._fx_records:
            self.by_team[f["home"]].append(f)
            self.by_team[f["away"]].append(f)
            for team, other, home in ((f["home"], f["away"], True), (f["away"], f["home"], False)):
                entry = (f, home, other, _parsed(f))
                self._by_team[team].append(entry)
                self._by_pair[(team, other)].append(entry)

    # ------------------------------------------------------------ fixtures
    def candidates(self, c: MatchClaim, window: Window) -> list[dict]:
        """The fixtures the claim can be; a printed order only chooses among several."""
        out = self._candidates(c, window)
        if c.order_hint and c.venue is None and len(out) > 1:
            hinted = [f for f in out if (f["home"] == c.subject) == (c.order_hint == "home")]
            return hinted or out
        return out

    def _candidates(self, c: MatchClaim, window: Window) -> list[dict]:
        if not c.subject:
            return []
        out = []
        pool = self._by_pair.get((c.subject, c.opponent), ()) if c.opponent else self._by_team.get(c.subject, ())
        scored = c.subject_goals is not None and c.status != "postponed"
        by_result = c.subject_goals is None and c.result and c.status == "played"
        for f, home, other, (day, original, goals) in pool:
            if c.venue and (c.venue == "home") != home:
                continue
            if c.competition and f["competition"] != c.competition:
                continue
            if c.status == "postponed":
                if original is None:
                    continue
                day = original
            elif original is not None and _announces_original(c, original):
                day = original   # "domenica 6 dicembre contro X", written before it was put off
            if by_result and goals is not None:
                sg, og = _goals(f, goals, home)
                if c.result != ("W" if sg > og else "D" if sg == og else "L"):
                    continue  # "the draw with X": not the match Rivertown won
            if scored:
                if not goals:
                    continue
                if not any(_score_fits(c, g, home) for g in (goals, *_pitch_scores(f))):
                    continue
            if c.time is not None and not self._fits_time(c, window, day):
                continue
            if window.hi is not None and c.status in ("played", "postponed") and day > window.hi:
                continue
            if window.lo is not None and c.status == "scheduled" and day < window.lo:
                continue
            out.append(f)
        return out

    @staticmethod
    def _fits_time(c: MatchClaim, window: Window, day: date) -> bool:
        """Can the claim's own time ("on Saturday", "13 December", "last week") be this day?"""
        if c.time.kind == "weekday" and c.time.value and day.weekday() != c.time.value[0]:
            return False  # "on Saturday": the fixture must be on a Saturday
        if c.time.kind == "date" and not _same_day(c.time.value, day):
            return False  # "woensdag 24 februari", "13 December 2020"
        if window.known():
            dv = _resolve_window(c.time, window.lo, window.hi)
            if dv is not None and dv.start and dv.end and \
                    not (dv.start - timedelta(days=1) <= day <= dv.end + timedelta(days=1)):
                return False
        return True

    @staticmethod
    def fixture_day(c: MatchClaim, f: dict) -> date:
        """The fixture's day as the claim tells it: the original day of a postponed fixture for
        the claim of its postponement, or a preview that dates it on that day."""
        if f["original_date"]:
            original = date.fromisoformat(f["original_date"])
            if c.status == "postponed" or _announces_original(c, original):
                return original
        return date.fromisoformat(f["date"])

    # ------------------------------------------------------------ windows
    def infer_windows(self, articles: list[Article], claims: dict[str, ArticleClaims]) -> tuple[dict[str, Window], dict[str, Link]]:
        windows = {a.id: self.first_window(a) for a in articles}
        links: dict[str, Link] = {}
        for _ in range(WINDOW_ROUNDS):  # a few rounds: links narrow windows, windows allow links
            changed = False
            for a in articles:
                changed |= self.window_round(a, claims[a.id], windows[a.id], links)
            if not changed:
                break
        return windows, links

    @staticmethod
    def first_window(a: Article) -> Window:
        """An article's window before any inference: its stated day, else unknown."""
        w = Window()
        if a.published:
            w.lo = w.hi = a.published
            how = f"dateline '{a.dateline[:60]}'" if getattr(a, "dateline", "") else "stated"
            w.evidence.append(f"published {a.published.isoformat()} ({how})")
        return w

    def window_round(self, a: Article, ac: ArticleClaims, w: Window, links: dict[str, Link]) -> bool:
        """One round for one article: link the claims its window now allows, then narrow the
        window by what is linked. It reads and writes only this article's window and the links
        of its own claims, so each article's rounds can be run (and kept) on their own."""
        changed = False
        for c in ac.matches:
            if c.key in links:
                continue
            cands = self.candidates(c, w)
            if not cands:
                cands = self._score_contradicted(c, w)
            if len(cands) > 1 and c.status is None and w.hi is not None:
                # a match told without tense or score: the one already played, if only one was
                told = [f for f in cands if self.fixture_day(c, f) <= w.hi]
                cands = told if len(told) == 1 else cands
            if len(cands) == 1:
                links[c.key] = Link(cands[0], "window" if (w.lo or w.hi) else "unique")
                changed = True
            elif len(cands) > 1 and c.opponent:
                # a claim with a tense or score, or with players in it, is a match the article
                # tells; a bare mention ("zero minutes against X") is no sign of the week
                told = c.status is not None
                near = (self._near_linked(ac, cands, links) if told else None) or \
                    (self._in_page_month(a, c, cands) if told or any(s.match_key == c.key for s in ac.statuses) else None)
                if near is not None:
                    links[c.key] = Link(near[0], near[1])
                    changed = True
        if not a.published:
            changed |= self._narrow(w, ac, links)
        return changed

    def _score_contradicted(self, c: MatchClaim, w: Window) -> list[dict]:
        """A played match whose score no fixture of the pair has ("a 3-0 win over X" of a match
        that ended 3-1): the one fixture of the two clubs with the claim's result (W/D/L) played
        in the RECENT_DAYS before the article's window (before its first day: a match of that
        day may be the one the article is about, its score still to come), if exactly one. The
        calendar's score then stands, and the merge writes what the article said as a
        contradiction. Only for an article with a known window and a claim with its opponent."""
        if c.subject_goals is None or c.status != "played" or not c.opponent or not c.result \
                or not w.known():
            return []
        lo = w.lo - timedelta(days=RECENT_DAYS)
        bare = replace(c, subject_goals=None, opponent_goals=None)
        out = [f for f in self._candidates(bare, w) if lo <= self.fixture_day(c, f) < w.lo]
        return out if len(out) == 1 else []

    def _near_linked(self, ac: ArticleClaims, cands: list[dict], links: dict[str, Link]) -> tuple[dict, str] | None:
        """Both legs of a pairing fit the window ("Bologna-Atalanta" in a round-up dated only by
        its month): the leg played within a few days of the article's other linked matches, when
        every other leg is weeks away from all of them (a round-up, a preview of the week)."""
        days = {self.fixture_day(c, links[c.key].fixture) for c in ac.matches if c.key in links}
        if not days:
            return None
        def gap(f: dict) -> int:
            d = date.fromisoformat(f["date"])
            return min(abs((d - x).days) for x in days)
        near = [f for f in cands if gap(f) <= NEAR_DAYS]
        if len(near) == 1 and all(gap(f) >= FAR_DAYS for f in cands if f is not near[0]):
            return near[0], "near the article's other matches"
        return None

    def _in_page_month(self, a: Article, c: MatchClaim, cands: list[dict]) -> tuple[dict, str] | None:
        """Both legs fit, and the page states only its month (" date 2020-12"): the one leg played
        in that month (or the week before it). Only to choose between legs, never to date the
        article: a month is no window for the other things it tells."""
        month = stated_month(a)
        if month is None:
            return None
        lo, hi = month[0] - timedelta(days=NEAR_DAYS), month[1]
        inside = [f for f in cands if lo <= self.fixture_day(c, f) <= hi]
        if len(inside) == 1:
            return inside[0], f"the leg of the page's month {month[0].strftime('%Y-%m')}"
        return None

    def _narrow(self, w: Window, ac: ArticleClaims, links: dict[str, Link]) -> bool:
        changed = False
        for c in ac.matches:
            link = links.get(c.key)
            if link is None:
                continue
            day = self.fixture_day(c, link.fixture)
            label = f"{link.fixture['home']}–{link.fixture['away']} ({day.isoformat()})"
            if c.status in ("played", "postponed"):
                changed |= w.narrow(day, None, f"reports {label} as {c.status}: published on or after {day}")
            elif c.status == "scheduled":
                changed |= w.narrow(None, day, f"announces {label}: published on or before {day}")
            if c.time is not None:
                aw = _anchor_window(c.time, day)
                if aw:
                    changed |= w.narrow(aw[0], aw[1], f"'{c.time.text}' refers to {label}: published {aw[0]}..{aw[1]}")
        # years: "since 2014" together with "six years ago"
        since = {s.time.value[0] for s in ac.statuses if s.time is not None and s.time.kind == "since_year"}
        ago = {t.value[0] for t, _ in ac.times if t.kind == "years_ago"}
        if len(since) == 1 and len(ago) == 1:
            year = next(iter(since)) + next(iter(ago))
            changed |= w.narrow(date(year, 1, 1), date(year, 12, 31),
                                f"'since {next(iter(since))}' together with '{next(iter(ago))} years ago': published in {year}")
        return changed

    # ------------------------------------------------------------ helpers
    def resolve_time(self, expr, w: Window):
        if expr is None:
            return None
        if w.known():
            return _resolve_window(expr, w.lo, w.hi)
        return timeexpr.resolve(expr, None)


def stated_month(a: Article) -> tuple[date, date] | None:
    """(first day, last day) of the month a page's " date 2020-12" prefix states, or None."""
    m = _PAGE_MONTH.match(getattr(a, "text", "") or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _parsed(f: dict) -> tuple:
    """A fixture's (day, original day or None, (home goals, away goals)); the goals are None
    without a score, False when only the home side's is filled (read from the cells then)."""
    original = date.fromisoformat(f["original_date"]) if f["original_date"] else None
    if f["home_goals"] == "":
        goals = None
    elif f["away_goals"] == "":
        goals = False
    else:
        goals = (int(float(f["home_goals"])), int(float(f["away_goals"])))
    return date.fromisoformat(f["date"]), original, goals


def _score_fits(c: MatchClaim, goals: tuple[int, int], home: bool) -> bool:
    """Does the claim's score state this (home goals, away goals)? A claim that does not say
    who was at home may give it in either order."""
    sg, og = goals if home else (goals[1], goals[0])
    if (sg, og) == (c.subject_goals, c.opponent_goals):
        return True
    return c.venue is None and (og, sg) == (c.subject_goals, c.opponent_goals)


_PITCH_SCORE = re.compile(r"\bended (\d+)-(\d+)\b")


def _pitch_scores(f: dict) -> tuple[tuple[int, int], ...]:
    """An awarded match's score on the pitch, from the calendar's note ("ended 0-0 on the pitch;
    awarded 3-0 ..."): a report written before the sports judge's decision gives that one."""
    if f.get("status") != "awarded":
        return ()
    return tuple((int(a), int(b)) for a, b in _PITCH_SCORE.findall(str(f.get("note") or "")))


def _goals(f: dict, goals, home: bool) -> tuple[int, int]:
    """(the team's goals, the other's) of a fixture with a score."""
    hg, ag = goals if goals else (int(float(f["home_goals"])), int(float(f["away_goals"])))
    return (hg, ag) if home else (ag, hg)


def _key(expr) -> tuple:
    """What a time expression means, without where it stands (for memoising)."""
    return (expr.kind, expr.direction, expr.value, expr.lang, getattr(expr, "tense", ""))


_WINDOWS: dict[tuple, object] = {}


def _resolve_window(expr, lo: date, hi: date):
    key = ("r", _key(expr), lo, hi)
    if key not in _WINDOWS:
        _WINDOWS[key] = timeexpr.resolve_window(expr, lo, hi)
    return _WINDOWS[key]


def _anchor_window(expr, day: date):
    key = ("a", _key(expr), day)
    if key not in _WINDOWS:
        _WINDOWS[key] = timeexpr.anchor_window(expr, day)
    return _WINDOWS[key]


def _announces_original(c: MatchClaim, original: date) -> bool:
    """A claim that announces a match on the day it was first due (a preview dated by its day
    and month), before the match was put off and played later."""
    return c.status == "scheduled" and c.time is not None and c.time.kind == "date" \
        and bool(c.time.value) and _same_day(c.time.value, original)


def _same_day(value: tuple, day: date) -> bool:
    """Does a written date (year or None, month, day, weekday or None) fit this day?"""
    try:
        year, month, dom = value[0], value[1], value[2]
    except (IndexError, TypeError):
        return True
    weekday = value[3] if len(value) > 3 else None
    return (year in (None, day.year) and month == day.month and dom == day.day
            and weekday in (None, day.weekday()))


def date_cells(dv) -> dict:
    """A DateValue → the date columns of a table row."""
    if dv is None or dv.start is None:
        return {"date": "", "date_from": "", "date_to": "", "date_precision": "", "date_basis": ""}
    single = dv.start == dv.end
    return {
        "date": dv.start.isoformat() if single else "",
        "date_from": dv.start.isoformat(),
        "date_to": dv.end.isoformat() if dv.end else "",
        "date_precision": "day" if single and dv.precision in ("day", "range") else dv.precision,
        "date_basis": dv.basis,
    }


def span_of_value(value: str) -> tuple[date, date] | None:
    """The days a value_of cell covers ("2022", "2021-01", "2024-06-30", "2022-06-01/2022-07-31");
    None for a cell that is no such value (or a range without its end)."""
    try:
        if "/" in value:
            lo, hi = value.split("/", 1)
            return date.fromisoformat(lo), date.fromisoformat(hi)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        return (day := date(*parts)), day
    except (ValueError, TypeError):
        return None


def value_of(dv) -> str:
    """A DateValue as a compact value: 2021-01 (month), 2022 (year), 2022-06-01/2022-07-31 (range)."""
    if dv is None or dv.start is None:
        return ""
    if dv.precision == "month":
        return dv.start.strftime("%Y-%m")
    if dv.precision == "year":
        return str(dv.start.year)
    if dv.start == dv.end:
        return dv.start.isoformat()
    return f"{dv.start.isoformat()}/{dv.end.isoformat() if dv.end else ''}"
