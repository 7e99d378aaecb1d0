"""Merge claims from all articles into the rows of the tables, with contradictions."""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..extract.claims import ArticleClaims, EventClaim, MatchClaim, Provenance, StatusClaim
from ..ingest import Article
from ..kb import KB
from ..reference import standings
from ..text import slug
from .reconcile import (
    CONFLICT_EVENTS, INCOMPATIBLE, MATCH_STATUSES_PER_MATCH, STATUS_ORDER, Link, Reconciler,
    Window, date_cells, value_of,
)
from . import timeexpr

EVENT_SUMMARY = {
    "dispute": "Dispute between {actors}",
    "altercation": "Physical altercation involving {actors}",
    "substitution": "Substitution in the conflict: {detail}",
    "resignation_offer": "{actors} offered to resign",
    "sanction_demand": "Sanctions demanded: {actors}",
    "squad_exclusion": "Left out of the squad: {detail}",
    "social_media_post": "Social media post by {actors}",
    "transfer_report": "Reported departure: {actors}",
}


_TABLES: dict[tuple, pd.DataFrame] = {}


@dataclass
class MatchRow:
    match_id: str
    claims: list[MatchClaim]
    link: Link | None
    row: dict = field(default_factory=dict)


def _provenance_rows(table: str, key: str, provs: list[Provenance]) -> list[dict]:
    return [{"table": table, "row_key": key, "article_id": p.article_id, "sentence_start": p.start,
             "sentence_end": p.end, "certainty": p.certainty, "quote": p.quote} for p in provs]


class Assembler:
    def __init__(self, kb: KB, rec: Reconciler, articles: list[Article], claims: dict[str, ArticleClaims],
                 windows: dict[str, Window], links: dict[str, Link]):
        self.kb, self.rec = kb, rec
        self.articles = {a.id: a for a in articles}
        self.claims = claims
        self.windows = windows
        self.links = links
        self.provenance: list[dict] = []
        self.contradictions: list[dict] = []
        self.claim_to_match: dict[str, MatchRow] = {}
        self._tables: dict[tuple, pd.DataFrame] = {}

    # --------------------------------------------------------------- helpers
    def club_id(self, name: str | None) -> str:
        c = self.kb.club(name) if name else None
        return c.id if c else (slug(name) if name else "unknown")

    def window_of(self, article_id: str) -> Window:
        return self.windows.get(article_id, Window())

    def as_of(self, article_id: str) -> str:
        w = self.window_of(article_id)
        return w.hi.isoformat() if w.hi else ""

    # --------------------------------------------------------------- matches
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
                else:
                    key = (c.subject, c.opponent)
                    target = unlinked_named.get(key) if c.opponent else None
                    if target is None:
                        target = MatchRow("", [], None)
                        unlinked.append(target)
                        if c.opponent:
                            unlinked_named[key] = target
                    target.claims.append(c)
        rows = []
        for mr in list(groups.values()) + unlinked:
            rows.append(self._match_row(mr))
            for c in mr.claims:
                self.claim_to_match[c.key] = mr
                for k in c.merged_keys:
                    self.claim_to_match[k] = mr
        rows.sort(key=lambda r: (r["date"] or r["date_from"] or "9999", r["match_id"]))
        return rows

    def _absorbed_by_legs(self, aid: str, c: MatchClaim, groups: dict[str, MatchRow]) -> bool:
        """'Atalanta face Real Madrid' when the same article links both legs: the claim is about
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
        sources = sorted({c.article_id for c in claims})
        latest = max(claims, key=lambda c: (self.window_of(c.article_id).hi or date.min, STATUS_ORDER.get(c.status or "", -1)))
        statuses = [c.status for c in claims if c.status]
        status = latest.status or (max(statuses, key=lambda s: STATUS_ORDER[s]) if statuses else "")
        reason = next((c.status_reason for c in claims if c.status_reason), "") if status == "postponed" else ""
        if not status and mr.link is not None:
            day = self.rec.fixture_day(claims[0], mr.link.fixture)
            newest = max((self.window_of(c.article_id).hi for c in claims if self.window_of(c.article_id).hi), default=None)
            oldest = min((self.window_of(c.article_id).lo for c in claims if self.window_of(c.article_id).lo), default=None)
            if newest is not None and day >= newest:
                status = "scheduled"  # announced by every source before it was played
            elif oldest is not None and day < oldest:
                status = "played"     # told after the day it was played: the calendar has the score
        c0 = claims[0]
        row: dict = {"sources": sources}
        if mr.link is not None:
            fx = mr.link.fixture
            day = self.rec.fixture_day(c0, fx)
            row.update(match_id=mr.match_id, date=day.isoformat(), date_from=day.isoformat(), date_to=day.isoformat(),
                       date_precision="day", date_basis="linked_fixture", competition=fx["competition"],
                       round=fx["round"], home=fx["home"], away=fx["away"], reference=fx["fixture_id"])
            if status == "played" and fx["home_goals"] != "":
                row["home_goals"], row["away_goals"] = int(float(fx["home_goals"])), int(float(fx["away_goals"]))
            if status == "postponed" and not reason:
                reason = "postponed"
            self._match_contradictions(mr, row)
        else:
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
        row.update(status=status, status_reason=reason or "")
        provs = [p for c in claims for p in c.provenance]
        self.provenance.extend(_provenance_rows("matches", row["match_id"], provs))
        return row

    def _match_contradictions(self, mr: MatchRow, row: dict) -> None:
        fx = mr.link.fixture
        label = f"{fx['home']}–{fx['away']}, {row['date']}"
        others = [c for c in mr.claims if c.opponent]
        for c in mr.claims:
            if c.self_reference:
                opp = fx["away"] if fx["home"] == c.subject else fx["home"]
                named = sorted({f"{x.article_id}: {x.opponent}" for x in others})
                self.contradictions.append({
                    "subject": label, "field": "opponent",
                    "values": " | ".join([f"{c.article_id}: {c.self_reference} (the club itself)"] + named + [f"calendar: {opp}"]),
                    "sources": ";".join(sorted({c.article_id} | {x.article_id for x in others})),
                    "resolution": opp, "rule": "calendar",
                    "explanation": (f"{c.article_id} says the match was against {c.self_reference}, the club itself: a slip. "
                                    f"The calendar{' and ' + ', '.join(sorted({x.article_id for x in others})) if others else ''} "
                                    f"identify the opponent as {opp}: the same {c.subject_goals}-{c.opponent_goals} "
                                    f"({self.links[c.key].how if c.key in self.links else 'merged'})."),
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

    def match_id_of(self, key: str | None) -> str:
        if not key:
            return ""
        mr = self.claim_to_match.get(key)
        return mr.match_id if mr else ""

    # -------------------------------------------------------------- statuses
    def player_status(self, match_rows: list[dict]) -> list[dict]:
        dates = {r["match_id"]: r["date"] for r in match_rows}
        groups: dict[tuple, list[StatusClaim]] = defaultdict(list)
        for aid, ac in self.claims.items():
            for s in ac.statuses:
                mid = self.match_id_of(s.match_key) if (s.status in MATCH_STATUSES_PER_MATCH or
                                                        (s.status == "captain" and s.match_key)) else ""
                if s.status in MATCH_STATUSES_PER_MATCH and not mid:
                    continue
                value = ""
                if s.time is not None and s.time.kind == "since_year":
                    value = str(s.time.value[0])
                elif s.time is not None:
                    time = s.time
                    if s.status == "expected_departure" and getattr(time, "tense", None) is not None:
                        time = dataclasses.replace(time, tense="future")  # a departure still to come
                    value = value_of(self.rec.resolve_time(time, self.window_of(aid)))
                groups[(s.player, s.status, mid)].append((s, value))
        rows = []
        for (player, status, mid), items in groups.items():
            values = [v for _, v in items if v]
            value = _most_specific(values)
            certainty = "confirmed" if any(s.certainty == "confirmed" for s, _ in items) else "reported"
            provs = [s.provenance for s, _ in items]
            rows.append({"player": player, "status": status, "match_id": mid, "date": dates.get(mid, ""),
                         "value": value, "certainty": certainty,
                         "article_id": sorted({p.article_id for p in provs}),
                         "quote": " | ".join(dict.fromkeys(p.quote for p in provs))})
            self.provenance.extend(_provenance_rows("player_status", f"{player}|{status}|{mid or value}", provs))
        self._status_contradictions(rows)
        rows.sort(key=lambda r: (r["date"] or "9999", r["player"], r["status"]))
        return rows

    def _status_contradictions(self, rows: list[dict]) -> None:
        by = defaultdict(list)
        for r in rows:
            if r["match_id"]:
                by[(r["player"], r["match_id"])].append(r)
        for (player, mid), rs in by.items():
            for i, a in enumerate(rs):
                for b in rs[i + 1:]:
                    if frozenset({a["status"], b["status"]}) in INCOMPATIBLE:
                        win = a if (a["certainty"], len(a["article_id"])) >= (b["certainty"], len(b["article_id"])) else b
                        rule = "more specific claim" if a["certainty"] != b["certainty"] else "majority"
                        self.contradictions.append({
                            "subject": f"{player} in {mid}", "field": "status",
                            "values": f"{';'.join(a['article_id'])}: {a['status']} ({a['certainty']}) | "
                                      f"{';'.join(b['article_id'])}: {b['status']} ({b['certainty']})",
                            "sources": ";".join(sorted(set(a["article_id"]) | set(b["article_id"]))),
                            "resolution": win["status"], "rule": rule,
                            "explanation": "Two statuses for one player in one match that cannot both be true.",
                        })

    # ---------------------------------------------------------------- events
    def events(self, match_rows: list[dict], status_rows: list[dict]) -> list[dict]:
        match_by_id = {r["match_id"]: r for r in match_rows}
        items: list[dict] = []
        for aid, ac in self.claims.items():
            for e in ac.events:
                items.append({"type": e.event_type, "actors": set(e.actors), "match": self.match_id_of(e.match_key),
                              "certainty": e.certainty, "provs": list(e.provenance), "time": e.time, "aid": aid})
        conflict_people: dict[str, set] = defaultdict(set)   # per article: who is in the conflict it tells
        for it in items:
            if it["type"] in CONFLICT_EVENTS and len(it["actors"]) >= 2:
                conflict_people[it["aid"]] |= it["actors"]
        items += self._derived_events(status_rows, conflict_people)
        merged: list[dict] = []
        # candidates are looked up by (type, match) and (type, actor): merging stays linear
        by_key: dict[tuple, list[dict]] = defaultdict(list)
        for it in items:
            keys = [(it["type"], "match", it["match"])] if it["match"] else \
                [(it["type"], "actor", a) for a in sorted(it["actors"])]
            seen_ids: set[int] = set()
            candidates = []
            for k in keys:
                for m in by_key.get(k, []):
                    if id(m) not in seen_ids:
                        seen_ids.add(id(m))
                        candidates.append(m)
            target = next((m for m in sorted(candidates, key=lambda m: m["_n"]) if self._same_event(m, it)), None)
            if target is None:
                target = {**it, "aids": {it["aid"]}, "times": [(it["time"], it["aid"])], "_n": len(merged),
                          "_prov_keys": {(p.article_id, p.start) for p in it["provs"]}}
                merged.append(target)
            else:
                target["actors"] |= it["actors"]
                target["aids"].add(it["aid"])
                target["times"].append((it["time"], it["aid"]))
                target["certainty"] = "confirmed" if "confirmed" in (target["certainty"], it["certainty"]) else "reported"
                for p in it["provs"]:
                    if (p.article_id, p.start) not in target["_prov_keys"]:
                        target["_prov_keys"].add((p.article_id, p.start))
                        target["provs"].append(p)
            for k in ([(target["type"], "match", target["match"])] if target["match"] else
                      [(target["type"], "actor", a) for a in target["actors"]]):
                if not any(x is target for x in by_key[k]):
                    by_key[k].append(target)
        rows = []
        for m in merged:
            mrow = match_by_id.get(m["match"]) if m["match"] else None
            if mrow and mrow["date"]:
                cells = {"date": mrow["date"], "date_from": mrow["date"], "date_to": mrow["date"],
                         "date_precision": "day", "date_basis": "linked_fixture"}
            else:
                cells = self._event_date(m)
            actors = sorted(m["actors"])
            key = f"{m['type']}|{m['match'] or cells['date'] or cells['date_from']}|{';'.join(actors)}"
            rows.append({"event_type": m["type"], "actors": actors, "match_id": m["match"], "certainty": m["certainty"],
                         "summary": self._summary(m, actors, mrow), "sources": sorted(m["aids"]),
                         "quote": " | ".join(dict.fromkeys(p.quote for p in m["provs"])), **cells, "_key": key})
            self.provenance.extend(_provenance_rows("events", key, m["provs"]))
        rows.sort(key=lambda r: (r["date"] or r["date_from"] or r["date_to"] or "9999", r["event_type"]))
        by_row_key: dict[str, list[dict]] = defaultdict(list)
        for p in self.provenance:
            if p["table"] == "events":
                by_row_key[p["row_key"]].append(p)
        for i, r in enumerate(rows, start=1):
            r["event_id"] = f"e{i:03d}"
            for p in by_row_key.pop(r["_key"], []):
                p["row_key"] = r["event_id"]
            del r["_key"]
        return rows

    def _event_date(self, m: dict) -> dict:
        for t, aid in m["times"]:
            dv = self.rec.resolve_time(t, self.window_of(aid))
            if dv is not None and dv.start is not None and m["type"] not in ("transfer_report",):
                return date_cells(dv)
        # no time of its own: it happened (or was reported) by the time of the earliest source
        his = [self.window_of(aid).hi for aid in m["aids"] if self.window_of(aid).hi]
        if not his:
            return date_cells(None)
        hi = min(his)
        lo = self.window_of(min(m["aids"], key=lambda a: self.window_of(a).hi or date.max)).lo
        if m["type"] == "transfer_report" and lo:
            return {"date": lo.isoformat() if lo == hi else "", "date_from": lo.isoformat(), "date_to": hi.isoformat(),
                    "date_precision": "day" if lo == hi else "range", "date_basis": "inferred"}
        return {"date": "", "date_from": "", "date_to": hi.isoformat(), "date_precision": "range", "date_basis": "inferred"}

    def _derived_events(self, status_rows: list[dict], conflict_people: dict[str, set]) -> list[dict]:
        """Substitutions and squad exclusions of people in the conflict are events of the conflict,
        when the article that reports them also tells of that person's conflict. A substitution
        names both players; the coach in the conflict is a party to both kinds."""
        confirmed = {(r["player"], r["status"], r["match_id"]): r["certainty"] for r in status_rows}
        by_article_match: dict[tuple[str, str], list[StatusClaim]] = defaultdict(list)
        for aid, ac in self.claims.items():
            for s in ac.statuses:
                if s.status in ("substituted_off", "substituted_on", "left_out"):
                    mid = self.match_id_of(s.match_key)
                    if mid:
                        by_article_match[(aid, mid)].append(s)
        out = []
        for (aid, mid), statuses in by_article_match.items():
            people = conflict_people.get(aid, set())
            if not people:
                continue
            coaches = {n for n in people if (p := self.kb.person(n)) is not None and p.role == "coach"}
            subs = [s for s in statuses if s.status != "left_out"]
            outs = [s for s in statuses if s.status == "left_out" and s.player in people]
            if not any(s.player in people for s in subs):
                subs = []
            for kind, group in (("substitution", subs), ("squad_exclusion", outs)):
                if not group:
                    continue
                rows = {(s.player, s.status) for s in group}
                certainty = "confirmed" if any(confirmed.get((p, st, mid)) == "confirmed" for p, st in rows) \
                    else "reported"
                provs = list({s.provenance.start: s.provenance for s in group}.values())
                detail = "; ".join(f"{p} {st.replace('_', ' ')}" for p, st in sorted(rows, key=lambda x: (x[1], x[0])))
                out.append({"type": kind, "actors": {p for p, _ in rows} | coaches, "match": mid,
                            "certainty": certainty, "provs": provs, "time": None, "aid": aid, "detail": detail})
        return out

    def _summary(self, m: dict, actors: list[str], mrow: dict | None) -> str:
        tmpl = EVENT_SUMMARY.get(m["type"], "{actors}")
        names = " and ".join([", ".join(actors[:-1]), actors[-1]] if len(actors) > 2 else actors)
        text = tmpl.format(actors=names, detail=m.get("detail") or names)
        if mrow:
            text += f" ({mrow['home']}–{mrow['away'] or '?'}, {mrow['date'] or 'date unknown'})"
        if m["certainty"] == "reported":
            text += ", reported"
        return text

    # ------------------------------------------------------------- situation
    def situation(self, match_rows: list[dict] | None = None) -> list[dict]:
        """The league situation each article states, as of its publication (its latest possible
        day), or as of the match the sentence reports when it tells the table after that match."""
        dates = {r["match_id"]: r["date"] for r in match_rows or [] if r.get("status") == "played"}
        rows = []
        for aid, ac in self.claims.items():
            for s in ac.situation:
                as_of = self.as_of(aid)
                if s.metric not in ("requirement", "qualified") and s.match_key:
                    as_of = dates.get(self.match_id_of(s.match_key)) or as_of
                rows.append({"as_of": as_of, "competition": s.competition, "metric": s.metric,
                             "value": s.value, "article_id": aid, "quote": s.provenance.quote})
                self.provenance.extend(_provenance_rows("situation", f"{aid}|{s.competition}|{s.metric}", [s.provenance]))
        return rows

    def situation_contradictions(self, situation_rows: list[dict], match_rows: list[dict], focus: str | None) -> None:
        fixtures, decisions = self.rec.fixtures, self.rec.decisions
        metric_col = {"league_position": "position", "points_behind_leader": "gap_to_leader",
                      "points_behind_fourth": "gap_to_fourth", "games_in_hand": "games_in_hand"}
        for r in situation_rows:
            aid = r["article_id"]
            if r["metric"] in metric_col and r["as_of"] and focus and \
                    (fixtures["competition"] == r["competition"]).any():
                as_of = r["as_of"]
                vals = {}
                for basis in ("at_the_time", "final"):
                    t = self._standings(r["competition"], as_of, basis)
                    row = t[t["team"] == focus]
                    if not row.empty:
                        vals[basis] = str(int(row.iloc[0][metric_col[r["metric"]]]))
                if not vals or (vals.get("at_the_time") == r["value"] == vals.get("final")):
                    continue
                notes = self._decisions_note(as_of, r["competition"])
                if vals.get("at_the_time") == r["value"]:
                    resolution, rule = f"{r['value']} at the time; {vals.get('final')} from final results", "calendar (at the time)"
                    expl = (f"The article agrees with the table as it stood on {as_of}. The table computed from final results "
                            f"differs because {notes or 'of later decisions'}. Both values are right for what they measure.")
                else:
                    resolution, rule = vals.get("at_the_time", ""), "calendar"
                    expl = f"The article's value differs from the table computed for {as_of}."
                self.contradictions.append({
                    "subject": f"{focus} in {r['competition']} as of {as_of}", "field": r["metric"],
                    "values": f"{aid}: {r['value']} | table at the time: {vals.get('at_the_time', '?')} | "
                              f"table from final results: {vals.get('final', '?')}",
                    "sources": aid, "resolution": resolution, "rule": rule, "explanation": expl})
            if r["metric"] == "requirement":
                self._requirement_check(r, match_rows)

    def _standings(self, competition: str, as_of: str, basis: str) -> pd.DataFrame:
        """The league table, computed once per (reference data, competition, day, basis) in a process."""
        key = (self.rec.fingerprint, competition, as_of, basis)
        if key not in _TABLES:
            _TABLES[key] = standings(self.rec.fixtures, self.rec.decisions, competition, as_of, basis)
        return _TABLES[key]

    def _decisions_note(self, as_of: str, competition: str) -> str:
        d = self.rec.decisions
        if d is None or d.empty:
            return ""
        d = d[(d["competition"] == competition) & (d["valid_from"] <= as_of) &
              ((d["valid_to"] == "") | (d["valid_to"].isna()) | (d["valid_to"] > as_of))]
        d = d[d["valid_to"].fillna("") != ""]  # only decisions later undone change the final table
        return "; ".join(str(n) for n in d["note"])

    def _requirement_check(self, r: dict, match_rows: list[dict]) -> None:
        aid = r["article_id"]
        ac = self.claims[aid]
        claim = next((s for s in ac.situation if s.metric == "requirement" and s.provenance.quote == r["quote"]), None)
        mid = self.match_id_of(getattr(claim, "match_key", None)) if claim else ""
        mrow = next((m for m in match_rows if m["match_id"] == mid), None)
        if not mrow or mrow["status"] != "played" or mrow.get("home_goals", "") in ("", None):
            return
        focus = ac.focus_club
        hg, ag = int(mrow["home_goals"]), int(mrow["away_goals"])
        fg, og = (hg, ag) if mrow["home"] == focus else (ag, hg)
        result = "won" if fg > og else "drew" if fg == og else "lost"
        met = {"draw": fg >= og, "win": fg > og}.get(r["value"], None)
        self.contradictions.append({
            "subject": f"{mrow['home']}–{mrow['away']}, {mrow['date']}", "field": "requirement",
            "values": f"{aid} (before the match): needs at least a {r['value']} | "
                      f"{';'.join(s for s in mrow['sources'] if s != aid) or 'calendar'}: {focus} {result} {hg}-{ag}",
            "sources": ";".join(mrow["sources"]), "resolution": f"{focus} {result} {hg}-{ag}: requirement {'met' if met else 'not met'}",
            "rule": "calendar",
            "explanation": "A pre-match requirement is not a result. What happened is what the calendar and later sources say.",
        })


    def _same_event(self, a: dict, b: dict) -> bool:
        """One event told twice: same match (if any) and shared actors. A report or a post
        without a match is one event only when its times agree (or it is told in one article)."""
        if a["match"] or b["match"]:
            return a["match"] == b["match"] and bool(a["actors"] & b["actors"])
        if not a["actors"] & b["actors"]:
            return False
        if a["type"] not in ("transfer_report", "social_media_post") or b["aid"] in a["aids"]:
            return True
        if a["type"] == "transfer_report" and a["certainty"] != b["certainty"]:
            return False  # a rumour and the done deal are two moments of the story
        if any(self.kb.club(n) is not None for n in a["actors"] & b["actors"]):
            return True  # the same move: the same player and the same other club
        for ta, aa in a["times"]:
            for tb in (b["time"],):
                va = self.rec.resolve_time(ta, self.window_of(aa))
                vb = self.rec.resolve_time(tb, self.window_of(b["aid"]))
                if va and vb and va.start and vb.start and va.start <= (vb.end or vb.start) and vb.start <= (va.end or va.start):
                    return True
        return False


def _most_specific(values: list[str]) -> str:
    if not values:
        return ""
    def rank(v: str) -> tuple:
        if "/" in v:
            a, b = v.split("/")
            try:
                return (1, (date.fromisoformat(b) - date.fromisoformat(a)).days)
            except ValueError:
                return (3, 0)
        return (0, -len(v))  # a day beats a month beats a year
    return min(values, key=rank)
