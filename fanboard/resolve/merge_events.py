"""Merging event claims: one row per event of the story, however many articles tell it.

Two claims are one event when they share an actor and either the same match, or (without a
match) agree in time; a rumour and the done deal stay two events. Substitutions and squad
exclusions of people in the conflict become events of their own. Events are numbered e001, ...
in date order once all are merged.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..extract.claims import StatusClaim
from ..extract.events import QUARRELS
from .merge_base import AssemblerBase, provenance_rows
from .reconcile import CONFLICT_EVENTS, date_cells

# Summaries by event type, written from the roles: with agents and targets, with agents only,
# with targets only ({detail}: the statuses behind a substitution or an exclusion)
EVENT_SUMMARY = {
    "dispute": ("Dispute between {agents}", "Dispute between {agents}", "Dispute involving {targets}"),
    "altercation": ("Physical altercation between {agents} and {targets}",
                    "Physical altercation involving {agents}", "Physical altercation involving {targets}"),
    "substitution": ("{agents} made a substitution in the conflict: {detail}", "Substitution in the conflict: {detail}",
                     "Substitution in the conflict: {detail}"),
    "resignation_offer": ("{agents} offered to resign", "{agents} offered to resign", "{targets} offered to resign"),
    "sanction_demand": ("{agents} demanded sanctions against {targets}", "{agents} demanded sanctions",
                        "Sanctions demanded against {targets}"),
    "squad_exclusion": ("{agents} left them out of the squad: {detail}", "Left out of the squad: {detail}",
                        "Left out of the squad: {detail}"),
    "social_media_post": ("Social media post by {agents} about {targets}", "Social media post by {agents}",
                          "Social media post about {targets}"),
    "transfer_report": ("Reported departure of {targets}, involving {agents}", "Reported move involving {agents}",
                        "Reported departure of {targets}"),
}


class EventMerge(AssemblerBase):
    def events(self, match_rows: list[dict], status_rows: list[dict]) -> list[dict]:
        match_by_id = {r["match_id"]: r for r in match_rows}
        items: list[dict] = []
        for aid, ac in self.claims.items():
            for e in ac.events:
                agents, targets = (set(e.agents), set(e.targets)) if e.agents or e.targets else (set(e.actors), set())
                items.append({"type": e.event_type, "actors": agents | targets, "agents": agents, "targets": targets,
                              "match": self.match_id_of(e.match_key),
                              "certainty": e.certainty, "provs": list(e.provenance), "time": e.time, "aid": aid})
        conflict_people: dict[str, set] = defaultdict(set)   # per article: who is in the conflict it tells
        conflict_sentences: dict[str, set] = defaultdict(set)   # per article: where it tells an event of it
        for it in items:
            if it["type"] in CONFLICT_EVENTS and len(it["actors"]) >= 2:
                conflict_people[it["aid"]] |= it["actors"]
            if it["type"] in CONFLICT_EVENTS:
                conflict_sentences[it["aid"]] |= {p.start for p in it["provs"]}
        items += self._derived_events(status_rows, conflict_people, conflict_sentences)
        rows = self._event_rows(self._merge_events(items), match_by_id)
        rows.sort(key=lambda r: (r["date"] or r["date_from"] or r["date_to"] or "9999", r["event_type"]))
        self._number_events(rows)
        return rows

    def _merge_events(self, items: list[dict]) -> list[dict]:
        """Items told more than once merged into one, in order of first telling."""
        merged: list[dict] = []
        # candidates are looked up by (type, match) and (type, actor): merging stays linear
        by_key: dict[tuple, dict[int, dict]] = defaultdict(dict)     # key -> {its _n: merged event}
        for it in items:
            kind = it["type"]
            if it["match"]:
                pool = by_key.get((kind, "match", it["match"])) or {}
            else:
                pool = {}
                for a in it["actors"]:
                    found = by_key.get((kind, "actor", a))
                    if found:
                        pool.update(found)
            # a telling that names one party of two different quarrels is neither of them: for a
            # quarrel two fits are enough to know, for the rest the first (oldest) fit is the one
            quarrel = kind in QUARRELS
            same = []
            for n in sorted(pool):
                m = pool[n]
                if self._same_event(m, it):
                    same.append(m)
                    if not quarrel or len(same) == 2:
                        break
            target = same[0] if same and (len(same) == 1 or not quarrel) else None
            if target is None:
                target = {**it, "aids": {it["aid"]}, "times": [(it["time"], it["aid"])], "_n": len(merged),
                          "_prov_keys": {(p.article_id, p.start) for p in it["provs"]}, "_keyed": set()}
                merged.append(target)
            else:
                _absorb(target, it)
            # register the target under the keys it does not have yet (its match, or its actors)
            if target["match"]:
                if not target["_keyed"]:
                    by_key[(kind, "match", target["match"])][target["_n"]] = target
                    target["_keyed"].add(None)
            else:
                for a in target["actors"] - target["_keyed"]:
                    by_key[(kind, "actor", a)][target["_n"]] = target
                target["_keyed"] |= target["actors"]
        return merged

    def _event_rows(self, merged: list[dict], match_by_id: dict[str, dict]) -> list[dict]:
        """The table rows of the merged events, each with a provisional key (``_key``)."""
        rows = []
        for m in merged:
            mrow = match_by_id.get(m["match"]) if m["match"] else None
            if mrow and mrow["date"]:
                cells = {"date": mrow["date"], "date_from": mrow["date"], "date_to": mrow["date"],
                         "date_precision": "day", "date_basis": "linked_fixture"}
            else:
                cells = self._event_date(m)
            actors = sorted(m["actors"])
            agents = sorted(m["agents"])
            targets = sorted(m["targets"] - m["agents"])
            key = f"{m['type']}|{m['match'] or cells['date'] or cells['date_from']}|{';'.join(actors)}"
            rows.append({"event_type": m["type"], "actors": actors, "agents": agents, "targets": targets,
                         "match_id": m["match"], "certainty": m["certainty"],
                         "summary": self._summary(m, agents, targets, mrow), "sources": sorted(m["aids"]),
                         "quote": " | ".join(dict.fromkeys(p.quote for p in m["provs"])), **cells, "_key": key})
            self.provenance.extend(provenance_rows("events", key, m["provs"]))
        return rows

    def _number_events(self, rows: list[dict]) -> None:
        """Give the sorted rows their ids (e001, ...) and point their provenance at them."""
        by_row_key: dict[str, list[dict]] = defaultdict(list)
        for p in self.provenance:
            if p["table"] == "events":
                by_row_key[p["row_key"]].append(p)
        for i, r in enumerate(rows, start=1):
            r["event_id"] = f"e{i:03d}"
            for p in by_row_key.pop(r["_key"], []):
                p["row_key"] = r["event_id"]
            del r["_key"]

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

    def _derived_events(self, status_rows: list[dict], conflict_people: dict[str, set],
                        conflict_sentences: dict[str, set] | None = None) -> list[dict]:
        """Substitutions and squad exclusions of people in the conflict are events of the conflict,
        when the article that reports them also tells of that person's conflict. A substitution
        names both players; the coach in the conflict is a party to both kinds. Sending a player
        on is an act of the conflict only when the sentence that tells it tells an event of the
        conflict too ("sent on for the last two minutes, a slight"); taking him off always is."""
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
            subs = _with_partners(subs, people)
            if not any(s.status == "substituted_off" and s.player in people for s in subs):
                told = (conflict_sentences or {}).get(aid, set())
                subs = [s for s in subs if s.provenance.start in told]
            for kind, group in (("substitution", subs), ("squad_exclusion", outs)):
                if not group:
                    continue
                rows = {(s.player, s.status) for s in group}
                certainty = "confirmed" if any(confirmed.get((p, st, mid)) == "confirmed" for p, st in rows) \
                    else "reported"
                provs = list({s.provenance.start: s.provenance for s in group}.values())
                detail = "; ".join(f"{p} {st.replace('_', ' ')}" for p, st in sorted(rows, key=lambda x: (x[1], x[0])))
                players = {p for p, _ in rows} - coaches
                if kind == "substitution":   # the partner of a change is told in its detail, no party
                    players = _changed_parties(group, people) - coaches
                out.append({"type": kind, "actors": players | coaches, "agents": set(coaches), "targets": players,
                            "match": mid,
                            "certainty": certainty, "provs": provs, "time": None, "aid": aid, "detail": detail})
        return out

    def _summary(self, m: dict, agents: list[str], targets: list[str], mrow: dict | None) -> str:
        both, agents_only, targets_only = EVENT_SUMMARY.get(m["type"], ("{agents}: {targets}", "{agents}", "{targets}"))
        tmpl = both if agents and targets else agents_only if agents else targets_only
        who, whom = _names(agents), _names(targets)
        text = tmpl.format(agents=who, targets=whom, detail=m.get("detail") or who or whom)
        if mrow:
            text += f" ({mrow['home']}–{mrow['away'] or '?'}, {mrow['date'] or 'date unknown'})"
        if m["certainty"] == "reported":
            text += ", reported"
        return text

    def _same_event(self, a: dict, b: dict) -> bool:
        """One event told twice: same match (if any) and shared actors. A report, a post or a squad
        exclusion without a match is one event only when its times agree (or it is told in one
        article): two articles' exclusions of one player may be from two matches."""
        if a["type"] in QUARRELS and not _same_parties(a["actors"], b["actors"]):
            return False
        if a["match"] or b["match"]:
            return a["match"] == b["match"] and bool(a["actors"] & b["actors"])
        if not a["actors"] & b["actors"]:
            return False
        if a["type"] not in ("transfer_report", "social_media_post", "squad_exclusion") or b["aid"] in a["aids"]:
            return True
        if a["type"] == "transfer_report" and a["certainty"] != b["certainty"]:
            return False  # a rumour and the done deal are two moments of the story
        if any(self.club_of(n) is not None for n in a["actors"] & b["actors"]):
            return True  # the same move: the same player and the same other club
        vb = self.rec.resolve_time(b["time"], self.window_of(b["aid"]))
        if not (vb and vb.start):
            return False
        # the merged event's times resolved once each (their windows do not change while merging)
        resolved = a.setdefault("_resolved", [])
        for ta, aa in a["times"][len(resolved):]:
            resolved.append(self.rec.resolve_time(ta, self.window_of(aa)))
        for va in resolved:
            if va and va.start and va.start <= (vb.end or vb.start) and vb.start <= (va.end or va.start):
                return True
        return False


def _same_parties(a: set, b: set) -> bool:
    """Can two quarrels be one? They share two parties, or one telling names only some of the
    other's (a coach's row with one player is not his row with another)."""
    shared = len(a & b)
    return shared >= 2 or shared == 1 and (a <= b or b <= a)


def _names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def _absorb(target: dict, it: dict) -> None:
    """Merge item ``it`` into the merged event ``target``: roles, sources, times, sentences."""
    target["agents"] |= it["agents"]
    target["targets"] = (target["targets"] | it["targets"]) - target["agents"]
    target["actors"] |= it["actors"]
    target["aids"].add(it["aid"])
    target["times"].append((it["time"], it["aid"]))
    target["certainty"] = "confirmed" if "confirmed" in (target["certainty"], it["certainty"]) else "reported"
    for p in it["provs"]:
        if (p.article_id, p.start) not in target["_prov_keys"]:
            target["_prov_keys"].add((p.article_id, p.start))
            target["provs"].append(p)


def _with_partners(subs: list[StatusClaim], people: set) -> list[StatusClaim]:
    """The substitutions of the people in the conflict, with the player each change pairs them
    with when the phrase that tells it tells that change alone (a lineup block tells every
    change of a team: there only the conflict's people count)."""
    by_phrase: dict[int, list[StatusClaim]] = defaultdict(list)
    for s in subs:
        by_phrase[s.provenance.start].append(s)
    out = []
    for group in by_phrase.values():
        if any(s.player in people for s in group):
            alone = len({s.player for s in group}) <= 2
            out.extend(s for s in group if alone or s.player in people)
    return out


def _changed_parties(subs: list[StatusClaim], people: set) -> set[str]:
    """Whom a conflict substitution of one match concerns: the conflict's players taken off,
    else the conflict's players sent on. The player sent on in the place of one taken off is his
    partner in the change (named in its detail), not a party, even when he is in the conflict too."""
    off = {s.player for s in subs if s.player in people and s.status == "substituted_off"}
    return off or {s.player for s in subs if s.player in people}
