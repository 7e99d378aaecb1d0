"""Merging match claims: one row per match, linked to the calendar where the claims allow.

A match claim linked to a fixture joins every other claim linked to it; an unlinked claim joins
the unlinked claims of the same two teams; a claim about a two-legged tie joins its first leg.
The calendar decides date, teams and score of a linked match; where an article says otherwise,
a contradiction row says what each source said.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extract.claims import MatchClaim
from .merge_base import AssemblerBase, provenance_rows
from .reconcile import STATUS_ORDER, Link, date_cells


UNDATED_DAYS = 14   # an undated match told as played joins one dated this long before the article


@dataclass
class MatchRow:
    """The claims merged into one match, its calendar link (None when unlinked) and its id."""

    match_id: str
    claims: list[MatchClaim]
    link: Link | None
    row: dict = field(default_factory=dict)


class MatchMerge(AssemblerBase):
    def link_by_shared_statuses(self) -> None:
        """An unnamed match ("the 1-1 draw") links to the fixture where other sources put the
        same players in the same roles, when exactly one fixture fits."""
        linked_status: dict[str, set] = defaultdict(set)
        for ac in self.claims.values():
            for s in ac.statuses:
                if s.match_key in self.links:
                    linked_status[self.links[s.match_key].fixture["fixture_id"]].add((s.player, s.status))
        for aid, ac in self.claims.items():
            for c in ac.matches:
                if c.key in self.links or not (c.hole or c.self_reference):
                    continue
                mine = {(s.player, s.status) for s in ac.statuses if s.match_key == c.key}
                if not mine:
                    continue
                cands = self.rec.candidates(c, self.window_of(aid))
                scored = [(len(mine & linked_status.get(f["fixture_id"], set())), f) for f in cands]
                scored = [x for x in scored if x[0] > 0]
                if scored:
                    best = max(x[0] for x in scored)
                    top = [f for n, f in scored if n == best]
                    if len(top) == 1:
                        self.links[c.key] = Link(top[0], "shared statuses")

    def matches(self) -> list[dict]:
        groups: dict[str, MatchRow] = {}
        unlinked: list[MatchRow] = []
        unlinked_named: dict[tuple, MatchRow] = {}
        for aid, ac in self.claims.items():
            for c in ac.matches:
                link = self.links.get(c.key)
                if link is not None:
                    fx = link.fixture
                    day = self.rec.fixture_day(c, fx)
                    mid = f"{day.isoformat()}-{self.club_id(fx['home'])}-{self.club_id(fx['away'])}"
                    mr = groups.setdefault(mid, MatchRow(mid, [], link))
                    mr.claims.append(c)
                elif c.opponent and self._absorbed_by_legs(aid, c, groups):
                    continue
                elif not c.opponent and not c.hole:
                    continue   # one club and no gap in the text where the other was: no match row
                else:
                    key = (c.subject, c.opponent, self._claim_day(aid, c))
                    target = unlinked_named.get(key) if c.opponent else None
                    if target is None:
                        target = MatchRow("", [], None)
                        unlinked.append(target)
                        if c.opponent:
                            unlinked_named[key] = target
                    target.claims.append(c)
        unlinked = self._join_spans(unlinked)
        rows = []
        for mr in list(groups.values()) + [mr for mr in unlinked if self._unlinked_kept(mr)]:
            rows.append(self._match_row(mr))
            for c in mr.claims:
                self.claim_to_match[c.key] = mr
                for k in c.merged_keys:
                    self.claim_to_match[k] = mr
        rows.sort(key=lambda r: (r["date"] or r["date_from"] or "9999", r["match_id"]))
        return rows

    def _join_spans(self, unlinked: list[MatchRow]) -> list[MatchRow]:
        """An unlinked match that its text dates only to a span ("zaterdag" in an article of
        some day of a week) joins the one unlinked match of the same two clubs that another
        source dates to a day inside that span, when their scores agree."""
        def dated(mr: MatchRow):
            for c in mr.claims:
                cells = date_cells(self.rec.resolve_time(c.time, self.window_of(c.article_id)))
                if cells["date_from"]:
                    return cells
            return None

        def score(mr: MatchRow):
            return next(((c.subject_goals, c.opponent_goals) for c in mr.claims if c.subject_goals is not None), None)

        def agree(x: MatchRow, claims: list[MatchClaim]) -> bool:
            a = score(x)
            b = next(((c.subject_goals, c.opponent_goals) for c in claims if c.subject_goals is not None), None)
            as_written = all(c.venue is None for c in claims)   # "tegen X (0-13)": whose goals is not known
            return a is None or b is None or a == b or (as_written and a == b[::-1])

        def weekday_fits(c0: MatchClaim, day: str) -> bool:
            """A match told on a weekday ("zondag") joins no match another source dates to another day of the week."""
            t = c0.time
            return t is None or t.kind != "weekday" or not t.value or date.fromisoformat(day).weekday() == t.value[0]

        def joins(c0: MatchClaim, claims: list[MatchClaim], span) -> MatchRow | None:
            into = [x for x in exact.get((c0.subject, c0.opponent), ())
                    if span[0] <= days[id(x)]["date"] <= span[1] and agree(x, claims)
                    and weekday_fits(c0, days[id(x)]["date"])]
            return into[0] if len(into) == 1 else None

        days = {id(mr): dated(mr) for mr in unlinked}
        # the unlinked matches dated to a day, by their two clubs (each add looks up one pair)
        exact: dict[tuple, list[MatchRow]] = {}
        for mr in unlinked:
            if mr.claims[0].opponent and days[id(mr)] and days[id(mr)]["date"]:
                exact.setdefault((mr.claims[0].subject, mr.claims[0].opponent), []).append(mr)
        out = []
        for mr in unlinked:
            cells, c0 = days[id(mr)], mr.claims[0]
            if c0.opponent and cells and not cells["date"] and cells["date_to"]:
                into = joins(c0, mr.claims, (cells["date_from"], cells["date_to"]))
                if into is not None:
                    into.claims.extend(mr.claims)
                    continue
            elif c0.opponent and cells is None:
                # told without a time, as played, in an article of a known window: played in it or
                # in the two weeks before it (each source of the undated row on its own)
                for c in list(mr.claims):
                    w = self.window_of(c.article_id)
                    if c.status != "played" or w.hi is None:
                        continue
                    span = (((w.lo or w.hi) - timedelta(days=UNDATED_DAYS)).isoformat(), w.hi.isoformat())
                    into = joins(c, [c], span)
                    if into is not None:
                        into.claims.append(c)
                        mr.claims.remove(c)
                if not mr.claims:
                    continue
            out.append(mr)
        return out

    def _claim_day(self, aid: str, c: MatchClaim) -> str:
        """The day (or first day of the span) a claim's own time resolves to, "" when none."""
        cells = date_cells(self.rec.resolve_time(c.time, self.window_of(aid)))
        return cells["date"] or cells["date_from"] or ""

    def _unlinked_kept(self, mr: MatchRow) -> bool:
        """An unlinked match becomes a row only when it names both clubs, its text dates it, and
        the calendar cannot hold it (the two clubs never meet there). Otherwise the calendar would
        have linked a right claim: one it cannot link is a misread (another match's score, the
        wrong club as subject, another season), and an undated row is no fact a fan can use."""
        c0 = mr.claims[0]
        if not c0.subject or not c0.opponent:
            return False
        if not any(self._claim_day(c.article_id, c) for c in mr.claims):
            return False
        pair = {c0.subject, c0.opponent}
        return not any({f["home"], f["away"]} == pair for f in self.rec.by_team.get(c0.subject, []))

    def _absorbed_by_legs(self, aid: str, c: MatchClaim, groups: dict[str, MatchRow]) -> bool:
        """'Rivertown face Real Madrid' when the same article links both legs: the claim is about
        the tie; it joins the first leg instead of becoming a match of its own."""
        cands = self.rec.candidates(c, self.window_of(aid))
        linked = {k: self.links[k].fixture["fixture_id"] for k in (x.key for x in self.claims[aid].matches)
                  if k in self.links}
        if len(cands) < 2 or not all(f["fixture_id"] in linked.values() for f in cands):
            return False
        first = min(cands, key=lambda f: f["date"])
        for mr in groups.values():
            if mr.link is not None and mr.link.fixture["fixture_id"] == first["fixture_id"]:
                mr.claims.append(c)
                self.claim_to_match[c.key] = mr
                return True
        return False

    def _match_row(self, mr: MatchRow) -> dict:
        claims = mr.claims
        status, reason = self._match_status(mr)
        row: dict = {"sources": sorted({c.article_id for c in claims})}
        if mr.link is not None:
            reason = self._linked_cells(mr, row, status, reason)
        else:
            self._unlinked_cells(mr, row, status)
        row.update(status=status, status_reason=reason or "")
        provs = [p for c in claims for p in c.provenance]
        self.provenance.extend(provenance_rows("matches", row["match_id"], provs))
        return row

    def _match_status(self, mr: MatchRow) -> tuple[str, str]:
        """The status the latest source gives (else the furthest along), and a postponement's reason.
        Without any, a linked match is "scheduled" when every source predates it, "played" when
        every source was written after it."""
        claims = mr.claims
        latest = max(claims, key=lambda c: (self.window_of(c.article_id).hi or date.min, STATUS_ORDER.get(c.status or "", -1)))
        statuses = [c.status for c in claims if c.status]
        status = latest.status or (max(statuses, key=lambda s: STATUS_ORDER[s]) if statuses else "")
        if status == "scheduled" and mr.link is not None and mr.link.fixture["home_goals"] != "" \
                and any(c.status == "played" for c in claims):
            status = "played"   # a report of the match outranks a preview of an undated source
        reason = next((c.status_reason for c in claims if c.status_reason), "") if status == "postponed" else ""
        if not status and mr.link is not None:
            day = self.rec.fixture_day(claims[0], mr.link.fixture)
            newest = max((self.window_of(c.article_id).hi for c in claims if self.window_of(c.article_id).hi), default=None)
            oldest = min((self.window_of(c.article_id).lo for c in claims if self.window_of(c.article_id).lo), default=None)
            if newest is not None and day >= newest:
                status = "scheduled"  # announced by every source before it was played
            elif oldest is not None and day < oldest:
                status = "played"     # told after the day it was played: the calendar has the score
        return status, reason

    def _linked_cells(self, mr: MatchRow, row: dict, status: str, reason: str) -> str:
        """Fill a linked match's cells from its fixture; returns the status reason."""
        fx = mr.link.fixture
        day = self.rec.fixture_day(mr.claims[0], fx)
        row.update(match_id=mr.match_id, date=day.isoformat(), date_from=day.isoformat(), date_to=day.isoformat(),
                   date_precision="day", date_basis="linked_fixture", competition=fx["competition"],
                   round=fx["round"], home=fx["home"], away=fx["away"], reference=fx["fixture_id"])
        if status == "played" and fx["home_goals"] != "":
            row["home_goals"], row["away_goals"] = int(float(fx["home_goals"])), int(float(fx["away_goals"]))
        if status == "postponed" and not reason:
            reason = "postponed"
        self._match_contradictions(mr, row)
        return reason

    def _unlinked_cells(self, mr: MatchRow, row: dict, status: str) -> None:
        """Fill an unlinked match's cells from its claims; its id is <day>-<home id>-<away id>."""
        claims = mr.claims
        c0 = claims[0]
        home, away = c0.subject, c0.opponent
        venue = next((c.venue for c in claims if c.venue), None)
        if venue == "away":
            home, away = away, home
        sg = next(((c.subject_goals, c.opponent_goals) for c in claims if c.subject_goals is not None), None)
        dv = None
        for c in claims:
            dv = self.rec.resolve_time(c.time, self.window_of(c.article_id))
            if dv is not None:
                break
        cells = date_cells(dv)
        key_day = cells["date"] or cells["date_from"] or "undated"
        mid = f"{key_day}-{self.club_id(home)}-{self.club_id(away) if away else 'unknown'}"
        mr.match_id = mid
        row.update(match_id=mid, **cells, competition=next((c.competition for c in claims if c.competition), ""),
                   home=home or "", away=away or "")
        if sg and status == "played":
            row["home_goals"], row["away_goals"] = (sg if venue != "away" else (sg[1], sg[0]))
        for c in claims:
            if c.self_reference:
                self.contradictions.append({
                    "subject": f"match in {c.article_id}", "field": "opponent",
                    "values": f"{c.article_id}: '{c.self_reference}' (the club itself)",
                    "sources": c.article_id, "resolution": "opponent unknown",
                    "rule": "calendar",
                    "explanation": f"The article names {c.self_reference} as its own opponent, which cannot be; "
                                   "no other source or fixture identifies the match, so the opponent is left empty.",
                })

    def _match_contradictions(self, mr: MatchRow, row: dict) -> None:
        fx = mr.link.fixture
        label = f"{fx['home']}–{fx['away']}, {row['date']}"
        for c in mr.claims:
            if c.self_reference:
                opp = fx["away"] if fx["home"] == c.subject else fx["home"]
                # the sources told from the same side: an opponent named from the other club's
                # side is that club's opponent, no rival to this one
                others = [x for x in mr.claims if x.opponent and x.subject == c.subject]
                named = sorted({f"{x.article_id}: {x.opponent}" for x in others})
                same = (f": the same {c.subject_goals}-{c.opponent_goals} "
                        f"({self.links[c.key].how if c.key in self.links else 'merged'})"
                        if c.subject_goals is not None and c.opponent_goals is not None else "")
                self.contradictions.append({
                    "subject": label, "field": "opponent",
                    "values": " | ".join([f"{c.article_id}: {c.self_reference} (the club itself)"] + named + [f"calendar: {opp}"]),
                    "sources": ";".join(sorted({c.article_id} | {x.article_id for x in others})),
                    "resolution": opp, "rule": "calendar",
                    "explanation": (f"{c.article_id} says the match was against {c.self_reference}, the club itself: a slip. "
                                    f"The calendar{' and ' + ', '.join(sorted({x.article_id for x in others})) if others else ''} "
                                    f"identify the opponent as {opp}{same}."),
                })
            if c.subject_goals is not None and c.status == "played" and fx["home_goals"] != "":
                home = fx["home"] == c.subject
                hg, ag = int(float(fx["home_goals"])), int(float(fx["away_goals"]))
                sg, og = (hg, ag) if home else (ag, hg)
                if (sg, og) != (c.subject_goals, c.opponent_goals) and (og, sg) != (c.subject_goals, c.opponent_goals):
                    self.contradictions.append({
                        "subject": label, "field": "score",
                        "values": f"{c.article_id}: {c.subject_goals}-{c.opponent_goals} | calendar: {hg}-{ag}",
                        "sources": c.article_id, "resolution": f"{hg}-{ag}", "rule": "calendar",
                        "explanation": "The article's score differs from the official result; the calendar wins.",
                    })
