"""Scorers printed after a newspaper score line: "RIVERTOWN 0 WESTMOOR 2 Orbin 60, Verre 64".

The match finder reads the score line itself (scorelines.py); the goal finder (goals.py) calls
`scorers_after_score_line` for each sentence that tells a played match with both scores. Right
after the line's anchor (the second club and its goals) comes a list of "<player> <minute>",
separated by commas or semicolons, with an optional "pen"/"og" mark after the minute. Each item
whose player is a KB player of one of the two clubs is a goal of that club (an own goal, of the
other club) at that minute. The list ends at the first token that fits none of this.
"""
from __future__ import annotations

import re

from .claims import GoalClaim, MatchClaim
from .sentence import SentenceView

MINUTE_RE = re.compile(r"^(\d{1,3})(?:'|’|′)?$")
MARKED_MINUTE_RE = re.compile(r"^(\d{1,3})(?:'|’|′)$")
SCORE_TOKEN = re.compile(r"^\d{1,2}[-–]\d{1,2}$")
PENALTY_MARKS = {"pen", "pen.", "p", "penalty"}
OWN_GOAL_MARKS = {"og", "o.g.", "o.g"}
SEPARATORS = {",", ";", "and", "&"}


def scorers_after_score_line(s: SentenceView, told: list[MatchClaim], kb, article_id: str) -> list[GoalClaim]:
    doc, out = s.doc, []
    players = {m.start: m for m in s.players()}
    for match in told:
        if match.status != "played" or match.subject_goals is None or not match.named:
            continue
        if match.anchor is None:
            continue
        if not _is_score_line(s, match):
            out.extend(_minutes_first(s, match, players, kb, article_id))
            continue
        i, end = match.anchor[1], s.span.end
        # the anchor ends after the second club; its goals follow it
        if i < end and doc[i].text.isdigit():
            i += 1
        while i < end:
            m = players.get(i)
            if m is None or m.end >= end:
                break
            minute = MINUTE_RE.match(doc[m.end].text)
            if not minute:
                break
            i = m.end + 1
            marks = set()
            while i < end and (doc[i].lower_ in PENALTY_MARKS | OWN_GOAL_MARKS or doc[i].text in "()"):
                marks.add(doc[i].lower_)
                i += 1
            club = kb.club_by_id(m.person.club)
            if club is not None and club.name in (match.subject, match.opponent) and 1 <= int(minute.group(1)) <= 130:
                own = bool(marks & OWN_GOAL_MARKS)
                team = club.name if not own else (match.opponent if club.name == match.subject else match.subject)
                out.append(GoalClaim(m.person.name, team, int(minute.group(1)), bool(marks & PENALTY_MARKS) and not own,
                                     own, match.key, "confirmed", s.provenance(article_id, "confirmed")))
            while i < end and doc[i].lower_ in SEPARATORS:
                i += 1
    return out


def _is_score_line(s: SentenceView, match: MatchClaim) -> bool:
    """The claim is the newspaper form: club, goals, club, goals, with nothing else between."""
    a, b = match.anchor
    toks = s.doc[a:min(b + 1, s.span.end)]
    return sum(1 for t in toks if t.text.isdigit()) == 2 and b < s.span.end and s.doc[b].text.isdigit()


def _minutes_first(s: SentenceView, match: MatchClaim, players: dict, kb, article_id: str) -> list[GoalClaim]:
    """'Torino-Genoa 2-1: 10′ X, 55′, 70′ Y': after the pair, its score and a
    colon, minutes (with their mark) each followed by commas until the player they belong to.
    Only a list that opens right after the colon with a minute; it ends at the first token that
    fits none of this."""
    doc, end, out = s.doc, s.span.end, []
    i = match.anchor[1]
    if i < end and SCORE_TOKEN.match(doc[i].text):
        i += 1
    if not (i + 1 < end and doc[i].text == ":" and MARKED_MINUTE_RE.match(doc[i + 1].text)):
        return out
    i += 1
    minutes: list[int] = []
    while i < end:
        tok = doc[i]
        minute = MARKED_MINUTE_RE.match(tok.text)
        if minute:
            minutes.append(int(minute.group(1)))
            i += 1
        elif tok.text == ",":
            i += 1
        elif i in players and minutes:
            m = players[i]
            club = kb.club_by_id(m.person.club)
            if club is not None and club.name in (match.subject, match.opponent):
                out += [GoalClaim(m.person.name, club.name, n, False, False, match.key, "confirmed",
                                  s.provenance(article_id, "confirmed")) for n in minutes if 1 <= n <= 130]
            minutes, i = [], m.end
        else:
            break
    return out
