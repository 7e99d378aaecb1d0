"""Merging goal claims: one row per goal of a match (scorer and minute), with every source.

Goals of one scorer in one match are counted, not summed across sentences: one sentence tells
at least as many goals as it names ("a brace from X" tells two), one article at least as many
as its most telling sentence or its distinct minutes, and the match has as many as the most
telling article or the distinct minutes of all articles, whichever is more. Each stated minute
is a row; the goals left over are rows without a minute. A goal told without its minute is a
source of the timed rows when every goal has its minute (of the first, or of the first two for
"a brace"; of its own article's, when that article states the minute in another sentence), else
of the rows without one. A goal whose claim is not tied to a merged match is
left out: a goal row needs its match.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.claims import GoalClaim
from .merge_base import AssemblerBase, provenance_rows


def goal_count(items: list[GoalClaim]) -> int:
    """How many goals of one scorer in one match these claims tell at least (see the docstring)."""
    minutes = {g.minute for g in items if g.minute is not None}
    by_article: dict[str, list[GoalClaim]] = defaultdict(list)
    for g in items:
        by_article[g.provenance.article_id].append(g)
    told = [len(minutes)]
    for claims in by_article.values():
        per_sentence = Counter(g.provenance.start for g in claims)
        told.append(max(len({g.minute for g in claims if g.minute is not None}), max(per_sentence.values())))
    return max(told)


class GoalMerge(AssemblerBase):
    def goals(self, match_rows: list[dict]) -> list[dict]:
        dates = {r["match_id"]: r["date"] for r in match_rows}
        scored: dict[tuple, list[GoalClaim]] = defaultdict(list)
        for ac in self.claims.values():
            for g in ac.goals:
                mid = self.match_id_of(g.match_key)
                if mid:
                    scored[(mid, g.scorer)].append(g)
        rows = []
        for (mid, scorer), items in scored.items():
            for minute, n, group in self._goal_groups(items):
                rows.append(self._row(mid, dates.get(mid, ""), scorer, minute, n, group))
        rows.sort(key=lambda r: (r["date"] or "9999", r["match_id"], int(r["minute"] or 999), r["scorer"]))
        return rows

    @staticmethod
    def _goal_groups(items: list[GoalClaim]) -> list[tuple[int | None, int, list[GoalClaim]]]:
        """(minute, number among the goals without a minute, claims) of each goal row."""
        minutes = sorted({g.minute for g in items if g.minute is not None})
        untimed = [g for g in items if g.minute is None]
        groups = [(m, 1, [g for g in items if g.minute == m]) for m in minutes]
        extra = goal_count(items) - len(minutes)
        # goals without a minute: rows of their own when the count asks for more rows, else
        # sources of the timed rows; the k-th goal a sentence tells goes to the k-th row
        lists = [lst for _, _, lst in groups] if extra <= 0 else [[] for _ in range(extra)]
        rank: Counter = Counter()
        told = Counter((g.provenance.article_id, g.provenance.start) for g in untimed)
        for g in untimed:
            key = (g.provenance.article_id, g.provenance.start)
            # one goal told without a minute by an article that states its minute elsewhere
            own = [k for k, (_, _, lst) in enumerate(groups)
                   if any(t.provenance.article_id == key[0] for t in lst)] if extra <= 0 and told[key] == 1 else []
            own = own if len(own) == 1 else []
            targets = [lists[k] for k in own] or lists
            targets[min(rank[key], len(targets) - 1)].append(g)
            rank[key] += 1
        return groups + ([(None, k + 1, lst) for k, lst in enumerate(lists) if lst] if extra > 0 else [])

    def _row(self, mid: str, date: str, scorer: str, minute: int | None, n: int, items: list[GoalClaim]) -> dict:
        provs = [g.provenance for g in items]
        key = f"{mid}|{scorer}|{'' if minute is None else minute}" + (f"|{n}" if n > 1 else "")
        self.provenance.extend(provenance_rows("goals", key, provs))
        return {
            "match_id": mid, "date": date, "scorer": scorer,
            "team": next((g.team for g in items if g.team), ""),
            "minute": "" if minute is None else str(minute),
            "penalty": "yes" if any(g.penalty for g in items) else "",
            "own_goal": "yes" if any(g.own_goal for g in items) else "",
            "certainty": "confirmed" if any(g.certainty == "confirmed" for g in items) else "reported",
            "sources": sorted({p.article_id for p in provs}),
            "quote": " | ".join(dict.fromkeys(p.quote for p in provs)),
        }
