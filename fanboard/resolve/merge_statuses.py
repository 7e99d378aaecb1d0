"""Merging player-status claims: one row per player, status and match (or value, for the
statuses that are not about one match: captain, contract, departure, joined).

Claims about the same player, status and match merge into one row that cites every article;
the row is "confirmed" when any of its claims is. Two statuses of one player in one match that
cannot both be true become a contradiction row.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date

from ..extract.claims import StatusClaim
from .merge_base import AssemblerBase, provenance_rows
from .reconcile import INCOMPATIBLE, MATCH_STATUSES_PER_MATCH, span_of_value, value_of

CERTAINTY_RANK = {"reported": 0, "confirmed": 1}


class StatusMerge(AssemblerBase):
    def player_status(self, match_rows: list[dict]) -> list[dict]:
        dates = {r["match_id"]: r["date"] for r in match_rows}
        groups: dict[tuple, list[tuple[StatusClaim, str]]] = defaultdict(list)
        for aid, ac in self.claims.items():
            for s in ac.statuses:
                mid = self.match_id_of(s.match_key) if (s.status in MATCH_STATUSES_PER_MATCH or
                                                        (s.status == "captain" and s.match_key)) else ""
                if s.status in MATCH_STATUSES_PER_MATCH and not mid:
                    continue
                groups[(s.player, s.status, mid)].append((s, self._status_value(s, aid)))
        rows = []
        for (player, status, mid), items in [(k, part) for k, group in groups.items()
                                             for part in (_value_clusters(group) if not k[2] else [group])]:
            values = [v for _, v in items if v]
            value = _most_specific(values)
            certainty = "confirmed" if any(s.certainty == "confirmed" for s, _ in items) else "reported"
            provs = [s.provenance for s, _ in items]
            rows.append({"player": player, "status": status, "match_id": mid, "date": dates.get(mid, ""),
                         "value": value, "certainty": certainty,
                         "article_id": sorted({p.article_id for p in provs}),
                         "quote": " | ".join(dict.fromkeys(p.quote for p in provs))})
            self.provenance.extend(provenance_rows("player_status", f"{player}|{status}|{mid or value}", provs))
        self._status_contradictions(rows)
        rows.sort(key=lambda r: (r["date"] or "9999", r["player"], r["status"]))
        return rows

    def _status_value(self, s: StatusClaim, aid: str) -> str:
        """The value cell of a status claim: a change's minute (from a lineup block), a year
        ('since 2014'), else its resolved time."""
        if s.status in ("substituted_off", "substituted_on") and s.value:
            return s.value
        if s.time is not None and s.time.kind == "since_year":
            return str(s.time.value[0])
        if s.time is not None:
            time = s.time
            if s.status == "expected_departure" and getattr(time, "tense", None) is not None:
                time = dataclasses.replace(time, tense="future")  # a departure still to come
            return value_of(self.rec.resolve_time(time, self.window_of(aid)))
        return ""

    def _status_contradictions(self, rows: list[dict]) -> None:
        by = defaultdict(list)
        for r in rows:
            if r["match_id"]:
                by[(r["player"], r["match_id"])].append(r)
        for (player, mid), rs in by.items():
            for i, a in enumerate(rs):
                for b in rs[i + 1:]:
                    if frozenset({a["status"], b["status"]}) in INCOMPATIBLE:
                        win = a if _weight(a) >= _weight(b) else b
                        rule = "more specific claim" if a["certainty"] != b["certainty"] else "majority"
                        self.contradictions.append({
                            "subject": f"{player} in {mid}", "field": "status",
                            "values": f"{';'.join(a['article_id'])}: {a['status']} ({a['certainty']}) | "
                                      f"{';'.join(b['article_id'])}: {b['status']} ({b['certainty']})",
                            "sources": ";".join(sorted(set(a["article_id"]) | set(b["article_id"]))),
                            "resolution": win["status"], "rule": rule,
                            "explanation": "Two statuses for one player in one match that cannot both be true.",
                        })


def _weight(row: dict) -> tuple[int, int]:
    """How strongly a status row is held: a confirmed claim beats a reported one, then more
    articles beat fewer (certainty is ranked, never compared as text)."""
    return (CERTAINTY_RANK.get(row["certainty"], 0), len(row["article_id"]))


def _value_clusters(items: list) -> list[list]:
    """A standing fact's claims split by the values they give: claims whose days overlap ("2022"
    and "mid-2022") are one fact, claims that cannot both be meant are two (a contract to 2022
    at one club and one to 2024 at the next), each with its own sources and quotes. A claim with
    no value, or one that is not a day, goes with the first. Claims keep their order."""
    spans: list[list[tuple[date, date]]] = []
    home_of = []
    for _, value in items:
        span = span_of_value(value) if value else None
        if span is None:
            home_of.append(None)
            continue
        home = next((i for i, c in enumerate(spans) if any(a <= span[1] and span[0] <= b for a, b in c)), None)
        if home is None:
            spans.append([span])
            home = len(spans) - 1
        else:
            spans[home].append(span)
        home_of.append(home)
    out: list[list] = [[] for _ in range(max(1, len(spans)))]
    for item, home in zip(items, home_of):
        out[home or 0].append(item)
    return out


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
