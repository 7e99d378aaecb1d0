"""Changes to a side before kick-off told like substitutions: "X (ankle) and Y (illness) were
replaced by A and B" in a team-news paragraph.

A "replaced by" cue (a status cue with an `other` status, data: cues.status) whose players
before it each carry a reason in brackets right after the name, a word and no minute ("(ankle)",
"(illness)", not "(64')"), tells a change of the line-up: those players were left out and the
players after the cue started in their place. The status finder (statuses.py) asks
`prematch_change` first, and keeps its own reading when it answers None.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..kb import Person
from .sentence import SentenceView


def prematch_change(s: SentenceView, cue: Span) -> tuple[list[Person], list[Person]] | None:
    """(left out, started) of a pre-match change, or None when the cue tells no such change."""
    if s.value(cue) != "substituted_off" or not s.attrs(cue).get("other"):
        return None
    doc, coord = s.doc, s.rules.word_set("coordination") | {","}
    players = s.players()
    before = sorted((m for m in players if m.end <= cue.start), key=lambda m: m.start)
    out: list[Person] = []
    i = cue.start
    # walk back: "<name> (<reason>)" items joined by commas and "and", ending at the cue
    while before:
        m = before[-1]
        close = _reason_end(s, m.end)
        if close is None or close != i:
            break
        out.insert(0, m.person)
        before.pop()
        j = m.start
        while j > s.span.start and doc[j - 1].lower_ in coord:
            j -= 1
        if j == m.start:
            break
        i = j
    if not out:
        return None
    after = sorted((m for m in players if m.start >= cue.end), key=lambda m: m.start)
    started: list[Person] = []
    k = cue.end
    for m in after:
        if m.start < k or not all(t.lower_ in coord for t in doc[k:m.start]):
            break
        started.append(m.person)
        k = m.end
    return list(dict.fromkeys(out)), list(dict.fromkeys(started))


def _reason_end(s: SentenceView, at: int) -> int | None:
    """The token after a bracketed reason that opens at token `at`: "( ankle )" -> its end."""
    doc, end = s.doc, s.span.end
    if at >= end or doc[at].text != "(":
        return None
    j = at + 1
    while j < end and doc[j].text != ")" and j - at <= 4:
        if not doc[j].is_alpha:
            return None
        j += 1
    if j >= end or doc[j].text != ")" or j == at + 1:
        return None
    return j + 1
