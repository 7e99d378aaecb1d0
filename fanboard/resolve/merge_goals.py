"""Merging goal claims: one row per goal of a match (scorer and minute), with every source.

A goal told with its minute and the same goal told without one (by another article, or in
prose) are one row when the scorer has exactly one goal with a minute in that match. A goal
whose claim is not tied to a merged match is left out: a goal row needs its match.
"""
from __future__ import annotations

from collections import defaultdict

from ..extract.claims import GoalClaim
from .merge_base import AssemblerBase, provenance_rows


class GoalMerge(AssemblerBase):
    def goals(self, match_rows: list[dict]) -> list[dict]:
        dates = {r["match_id"]: r["date"] for r in match_rows}
        groups: dict[tuple, list[GoalClaim]] = defaultdict(list)
        for ac in self.claims.values():
            for g in ac.goals:
                mid = self.match_id_of(g.match_key)
                if mid:
                    groups[(mid, g.scorer, g.minute)].append(g)
        for (mid, scorer, minute) in [k for k in groups if k[2] is None]:
            timed = [k for k in groups if k[0] == mid and k[1] == scorer and k[2] is not None]
            if len(timed) == 1:
                groups[timed[0]].extend(groups.pop((mid, scorer, None)))
        rows = []
        for (mid, scorer, minute), items in groups.items():
            provs = [g.provenance for g in items]
            rows.append({
                "match_id": mid, "date": dates.get(mid, ""), "scorer": scorer,
                "team": next((g.team for g in items if g.team), ""),
                "minute": "" if minute is None else str(minute),
                "penalty": "yes" if any(g.penalty for g in items) else "",
                "own_goal": "yes" if any(g.own_goal for g in items) else "",
                "certainty": "confirmed" if any(g.certainty == "confirmed" for g in items) else "reported",
                "sources": sorted({p.article_id for p in provs}),
                "quote": " | ".join(dict.fromkeys(p.quote for p in provs)),
            })
            self.provenance.extend(provenance_rows("goals", f"{mid}|{scorer}|{minute or ''}", provs))
        rows.sort(key=lambda r: (r["date"] or "9999", r["match_id"], int(r["minute"] or 999), r["scorer"]))
        return rows
