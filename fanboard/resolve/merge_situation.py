"""Merging what the articles say about the league situation, checked against the computed table.

Each article's claims (position, gaps, games in hand, requirements) are rows as of its
publication, or of the match the sentence reports. A claim that differs from the table as it
stood that day, or from the table computed from final results, becomes a contradiction row that
names both; a pre-match requirement is checked against the match's result.
"""
from __future__ import annotations


import pandas as pd

from ..standings import League
from .merge_base import AssemblerBase, provenance_rows

# Leagues and decision notes depend only on the reference data: kept per (its fingerprint, ...)
# for the whole process, so a table is computed once however many claims it checks.
_LEAGUES: dict[tuple, League] = {}
_NOTES: dict[tuple, str] = {}


class SituationMerge(AssemblerBase):
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
                self.provenance.extend(provenance_rows("situation", f"{aid}|{s.competition}|{s.metric}", [s.provenance]))
        return rows

    def situation_contradictions(self, situation_rows: list[dict], match_rows: list[dict], focus: str | None) -> None:
        fixtures, decisions = self.rec.fixtures, self.rec.decisions
        metric_col = {"league_position": "position", "points_behind_leader": "gap_to_leader",
                      "points_behind_fourth": "gap_to_fourth", "games_in_hand": "games_in_hand"}
        competitions = set(fixtures["competition"])
        for r in situation_rows:
            aid = r["article_id"]
            club = getattr(self.claims.get(aid), "focus_club", None) or focus   # the article's own club
            if r["metric"] in metric_col and r["as_of"] and club and r["competition"] in competitions:
                as_of = r["as_of"]
                vals = {}
                for basis in ("at_the_time", "final"):
                    row = next((t for t in self._standings(r["competition"], as_of, basis) if t["team"] == club), None)
                    if row is not None:
                        vals[basis] = str(int(row[metric_col[r["metric"]]]))
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
                    "subject": f"{club} in {r['competition']} as of {as_of}", "field": r["metric"],
                    "values": f"{aid}: {r['value']} | table at the time: {vals.get('at_the_time', '?')} | "
                              f"table from final results: {vals.get('final', '?')}",
                    "sources": aid, "resolution": resolution, "rule": rule, "explanation": expl})
            if r["metric"] == "requirement":
                self._requirement_check(r, match_rows)

    def _standings(self, competition: str, as_of: str, basis: str) -> list[dict]:
        """The league table's rows, computed once per (reference data, competition, day, basis) in a process."""
        key = (self.rec.fingerprint, competition)
        if key not in _LEAGUES:
            _LEAGUES[key] = League(self.rec.fixtures, self.rec.decisions, competition)
        return _LEAGUES[key].table(as_of, basis)

    def _decisions_note(self, as_of: str, competition: str) -> str:
        key = (self.rec.fingerprint, as_of, competition)
        if key not in _NOTES:
            _NOTES[key] = self._compute_note(as_of, competition)
        return _NOTES[key]

    def _compute_note(self, as_of: str, competition: str) -> str:
        """The notes of the decisions valid on as_of that were later undone (only those change
        the final table), in the order of the decisions file."""
        d = self.rec.decisions
        if d is None or d.empty:
            return ""
        notes = []
        for r in d.itertuples(index=False):
            if pd.isna(r.competition) or r.competition != competition or pd.isna(r.valid_from) \
                    or pd.isna(r.valid_to) or r.valid_to == "":
                continue
            if r.valid_from <= as_of < r.valid_to:
                notes.append(str(r.note))
        return "; ".join(notes)

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
