"""Two clubs joined by 'and' after a match word: "scendere in campo a <stadio> X e Y", "la sfida
tra X e Y". The pair is the match, home side first as written (an order hint: the calendar decides
between the two legs by it, when nothing else does); the score, when the clause
states none, comes from elsewhere (or stays unknown).

Only a pair the clause announces as a match: a match cue (not a weak one such as "contro", nor
one that tells a result: "X batte Y e Z" is no pair) before the first club, in the same clause, or
one whose `pair` is "before" right after the second ("X and Y go head-to-head"),
and the first club not the object of a connector ("contro X e Y": both opponents, matches.py's
twin claims); or a reciprocal cue after the pair, with no other club between ("X e Y, mercoledì,
si sfideranno"). A pair some other rule already made a claim of is left to that rule.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..nlp import SCORE_TOKEN_RE
from .sentence import Mention, SentenceView


def inverted_object(s: SentenceView, cue: Span, club: Mention) -> Mention | None:
    """'Cade il X con il Y', 'Pareggia anche il X contro un Y': a result cue
    that opens its clause, its subject after it, then a connector and the other club (words
    skipped: fillers, words.indefinite_articles). That other club, or None."""
    lo, hi = s.clause(cue.start)
    if not s.attrs(cue).get("result") or any(not t.is_punct for t in s.doc[lo:cue.start]):
        return None
    skip = s.rules.word_set("fillers", "indefinite_articles")
    j = club.end
    if j >= hi or s.doc[j].lower_ not in s.rules.word_set("connectors"):
        return None
    j += 1
    while j < hi and j - club.end <= 3 and s.doc[j].lower_ in skip and s.club_at(j) is None:
        j += 1
    other = s.club_at(j) if j < hi else None
    return other if other is not None and other.name != club.name else None


def loser_after_opener(s: SentenceView, cue: Span) -> bool:
    """'Ko Napoli e Roma', 'Cade la Roma': a result cue the patterns mark `loser_after`, opening
    its clause with no connector after it: the club after it is the side that lost, not the
    opponent of the article's club (with no connector to another club, no match is named)."""
    if not s.attrs(cue).get("loser_after"):
        return False
    lo, _ = s.clause(cue.start)
    return all(t.is_punct for t in s.doc[lo:cue.start])


def announced_pairs(s: SentenceView, claims: list, keys) -> None:
    doc, clubs = s.doc, s.clubs()
    coord = s.rules.word_set("coordination") - {","}
    connectors = s.rules.word_set("connectors")
    fillers = s.rules.word_set("fillers")
    cues = [c for c in s.cue_list("match") if not s.attrs(c).get("weak") and not s.attrs(c).get("result")]
    for a, b in zip(clubs, clubs[1:]):
        between = doc[a.end:b.start]
        if len(between) != 1 or between[0].lower_ not in coord:
            continue
        lo, hi = s.clause(a.start)
        if not lo <= b.start < hi or any(SCORE_TOKEN_RE.match(t.text) for t in doc[lo:hi]):
            continue
        announcing = [c for c in cues if lo <= c.start and c.end <= a.start] or \
            [c for c in cues if s.attrs(c).get("reciprocal") and b.end <= c.start
             and not any(b.end <= m.start < c.start for m in clubs)] or \
            [c for c in cues if c.start == b.end and s.attrs(c).get("pair") == "before"]
        if not announcing:
            continue   # no match word before the pair, no reciprocal one after it ("X e Y, <time>,
            # si sfideranno"), nor one right after it ("X and Y go head-to-head")
        j = a.start - 1
        while j >= lo and doc[j].lower_ in fillers:
            j -= 1
        if j >= lo and doc[j].lower_ in connectors:
            continue   # "contro X e Y": two opponents
        if any({c.subject, c.opponent} == {a.name, b.name} for c, _ in claims):
            continue
        c = keys.new_claim(s)
        c.anchor = (a.start, b.end)
        c.subject, c.opponent, c.order_hint = a.name, b.name, "home"
        c.status = s.attrs(announcing[-1]).get("status")   # "stesso risultato tra X e Y": played
        claims.append((c, doc[a.start:b.end]))
