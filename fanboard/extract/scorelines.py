"""Score lines: the score printed between the two clubs, home first.

"Rivertown 0-2 Westmoor" (a headline, a "Final score:" line) and the newspaper form
"RIVERTOWN 0 WESTMOOR 2" (each club followed by its goals) tell a played match in home–away
order. The match finder (matches.py) calls `score_between` once per sentence.
"""
from __future__ import annotations

import re

from ..nlp import SCORE_TOKEN_RE
from .sentence import SentenceView

GOALS_RE = re.compile(r"^\d{1,2}$")


def score_between(s: SentenceView, claims, used_scores: set[int], keys) -> None:
    """Add a played home–away claim for every 'Home n-n Away' / 'Home n Away n' in the sentence."""
    doc, clubs = s.doc, s.clubs()
    for a, b in zip(clubs, clubs[1:]):
        if b.start - a.end != 1 or a.name == b.name:
            continue
        mid = doc[a.end]
        sm = SCORE_TOKEN_RE.match(mid.text)
        if sm and a.end not in used_scores:
            home, away, used = int(sm.group(1)), int(sm.group(2)), (a.end,)
        elif GOALS_RE.match(mid.text) and b.end < s.span.end and GOALS_RE.match(doc[b.end].text) \
                and not (b.end + 1 < s.span.end and doc[b.end + 1].text in ("-", "–", ":")):
            home, away, used = int(mid.text), int(doc[b.end].text), (a.end, b.end)
        else:
            continue
        if any({c.subject, c.opponent} == {a.name, b.name} and c.subject_goals is not None for c, _ in claims):
            continue
        c = keys.new_claim(s)
        c.anchor = (a.start, b.end)
        c.subject, c.opponent, c.venue = a.name, b.name, "home"
        c.subject_goals, c.opponent_goals, c.status = home, away, "played"
        c.result = "W" if home > away else "L" if home < away else "D"
        used_scores.update(used)
        claims.append((c, doc[a.start:b.end]))
