"""Which match claims are about the same match, and which claim a phrase belongs to.

Two claims can be one match when every attribute both state agrees (`compatible`).
Within a sentence a generic mention ("the match") joins the named claim of its clause;
across the article, claims about one match told in several sentences become one claim
(`merge_within_article`, run once every component has read the article).
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..nlp import SCORE_TOKEN_RE
from .claims import MatchClaim

if TYPE_CHECKING:
    from .sentence import SentenceView


def nearest_claim(claims, start: int, end: int):
    """The claim whose words stand nearest to tokens [start, end)."""
    def dist(c):
        a, b = c.anchor
        return 0 if a < end and start < b else min(abs(start - b), abs(a - end))
    return min(claims, key=dist) if claims else None


def reachable(s: "SentenceView", claims, start: int):
    """Claims not separated from token `start` by a contrastive break ('mentre', 'but', 'maar')."""
    return [c for c in claims if not s.broken(start, c.anchor[0])]


def chained(s: "SentenceView", claims: list[MatchClaim], nearest: MatchClaim) -> list[MatchClaim]:
    """This claim and those joined to it by coordination alone
    ('né contro il Westmoor né contro il Greenvale', 'against Stonebridge and Brookvale')."""
    w = s.rules
    glue = w.word_set("coordination", "connectors", "fillers", "chain_glue") | {","}
    cue_tokens = {i for c in s.all_cues if c.label_ == "match" for i in range(c.start, c.end)}
    ordered = sorted(claims, key=lambda c: c.anchor[0])
    i = ordered.index(nearest)
    chain = [nearest]
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = (ordered[j], ordered[j + step]) if step == 1 else (ordered[j + step], ordered[j])
            between = s.doc[a.anchor[1]:b.anchor[0]]
            if all(t.lower_ in glue or t.is_punct or t.i in cue_tokens or t.is_title
                   or SCORE_TOKEN_RE.match(t.text) for t in between):
                chain.append(ordered[j + step])
                j += step
            else:
                break
    return sorted(chain, key=lambda c: c.anchor[0])


def merge_in_sentence(s: "SentenceView", claims: list[MatchClaim]) -> list[MatchClaim]:
    named: dict[tuple, MatchClaim] = {}
    generic: list[MatchClaim] = []
    for c in claims:
        if c.opponent is None:
            generic.append(c)
            continue
        key = (c.subject, c.opponent)
        if key in named:
            absorb(named[key], c)
        else:
            named[key] = c
    out = list(named.values())
    generic = [g for g in generic if not _score_of_other(s, g, out)]
    if len(out) == 1:
        for g in generic:
            if not g.hole and compatible(out[0], g):
                absorb(out[0], g)
            else:
                out.append(g)
    elif not out and generic:
        base = generic[0]
        for g in generic[1:]:
            if compatible(base, g):
                absorb(base, g)
            else:
                out.append(g)
        out.insert(0, base)
    else:
        # several matches in one sentence: a generic mention joins the named one of its clause
        for g in generic:
            lo, hi = s.clause(g.anchor[0])
            mates = [c for c in out if c.named and lo <= c.anchor[0] < hi and compatible(c, g) and not g.hole]
            if len(mates) == 1:
                absorb(mates[0], g)
            else:
                out.append(g)
    return out


def _score_of_other(s: "SentenceView", g: MatchClaim, named: list[MatchClaim]) -> bool:
    """'Finisce in pareggio per 1-1 la gara tra X e Y': the result word's claim (its subject the
    article's club by default) has the score of a match of other clubs told in its clause; it is
    that match, already told."""
    if g.subject_goals is None:
        return False
    lo, hi = s.clause(g.anchor[0])
    return any(lo <= c.anchor[0] < hi and c.subject != g.subject and g.subject not in (c.subject, c.opponent)
               and c.subject_goals is not None
               and sorted((c.subject_goals, c.opponent_goals)) == sorted((g.subject_goals, g.opponent_goals))
               for c in named)


def merge_within_article(claims: list[MatchClaim]) -> tuple[list[MatchClaim], dict[str, str]]:
    """Claims about one match told in several sentences become one claim. Returns the merged
    claims and, for each claim absorbed, the key of the claim it went into."""
    merged: list[MatchClaim] = []
    alias: dict[str, str] = {}
    for c in claims:
        if c.opponent is None:
            continue
        target = next((m for m in merged if m.subject == c.subject and m.opponent == c.opponent
                       and compatible(m, c)), None)
        if target is None:
            merged.append(c)
        else:
            absorb(target, c)
            alias[c.key] = target.key
    for c in claims:
        if c.opponent is not None:
            continue
        cands = [m for m in merged if m.opponent is not None and compatible(m, c) and _shared(m, c) > 0]
        if len(cands) > 1:
            best = max(_shared(m, c) for m in cands)
            cands = [m for m in cands if _shared(m, c) == best]
        if len(cands) == 1:
            absorb(cands[0], c)
            alias[c.key] = cands[0].key
            continue
        twin = next((m for m in merged if m.opponent is None and compatible(m, c) and
                     m.time is not None and c.time is not None and _same_time(m.time, c.time)), None)
        if twin is not None:
            absorb(twin, c)
            alias[c.key] = twin.key
        else:
            merged.append(c)
    for m in merged:
        if m.status == "played" and m.subject_goals is not None and getattr(m.time, "tense", "") == "future":
            m.time = dataclasses.replace(m.time, tense="past")   # a match with its final score lies behind
    return merged, alias


def _shared(a: MatchClaim, b: MatchClaim) -> int:
    """How many attributes two compatible claims positively share."""
    n = 0
    if a.time is not None and b.time is not None and _same_time(a.time, b.time):
        n += 2
    if a.competition and a.competition == b.competition:
        n += 1
    if a.subject_goals is not None and b.subject_goals is not None:
        n += 1
    if a.status and a.status == b.status:
        n += 1
    return n


def _same_time(a, b) -> bool:
    return a.kind == b.kind and a.value == b.value and a.direction == b.direction


def compatible(a: MatchClaim, b: MatchClaim) -> bool:
    """Could two claims be about the same match? Every attribute both state must agree."""
    if a.opponent and b.opponent and a.opponent != b.opponent:
        return False
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if a.venue and b.venue and a.venue != b.venue:
        return False
    if a.competition and b.competition and a.competition != b.competition:
        return False
    if a.subject_goals is not None and b.subject_goals is not None and \
            (a.subject_goals, a.opponent_goals) != (b.subject_goals, b.opponent_goals):
        return False
    if a.status and b.status and a.status != b.status:
        return False
    if a.result and b.result and a.subject == b.subject and a.result != b.result:
        return False   # a win and a defeat of one club are two matches
    if a.time is not None and b.time is not None and not _same_time(a.time, b.time):
        return False
    return True


def absorb(into: MatchClaim, other: MatchClaim) -> None:
    for attr in ("opponent", "venue", "competition", "status", "status_reason", "time", "result"):
        if getattr(into, attr) is None and getattr(other, attr) is not None:
            setattr(into, attr, getattr(other, attr))
    if into.subject_goals is None and other.subject_goals is not None:
        into.subject_goals, into.opponent_goals = other.subject_goals, other.opponent_goals
        into.as_written = other.as_written
    into.hole = into.hole and other.hole
    into.self_reference = into.self_reference or other.self_reference
    for p in other.provenance:
        if all(p.start != q.start for q in into.provenance):
            into.provenance.append(p)
    into.merged_keys.append(other.key)
    into.merged_keys.extend(other.merged_keys)


def match_for(s: "SentenceView", told, story, cue, carry: bool) -> MatchClaim | None:
    """The match a phrase of sentence `s` is about: the sentence's own (the nearest to `cue`
    when it tells several), else, after an anaphora ("the match") or when `carry` and the
    story goes on, the match the story is about."""
    if told:
        if len(told) == 1 or cue is None:
            return told[0]
        return nearest_claim(told, cue.start, cue.end)
    if s.cue_list("anaphora") or (carry and story.continuity):
        return story.match
    return None
