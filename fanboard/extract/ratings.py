"""Player-ratings lists: one line per player, a mark out of ten, and a comment.

    Rivertown player ratings
    Tom Keeper (GK) - 6/10 - Little to do ...
    Ben Back: 7/10
    Substitutes
    Joe Sub - 6/10 - Lively after coming on ...

Outlets rate the players who took part in the match: each rated player of a list started it,
and those rated under a substitutes heading (a bench marker of data/patterns/lineups.toml on a
line of its own, "Substitutes", "Subs:") came on. A list needs at least `MIN_RATED` rating lines
(a mark out of ten written as "n/10", so that no other number reads as a rating). A name counts
only when it is a KB player of exactly one club of the matches the article tells; the status is
for the one match of that club the article tells most (as for a lone team sheet, lineups.py).
"""
from __future__ import annotations

import re
from typing import Callable

from ..kb import Club, Person
from .claims import MatchClaim, Provenance, StatusClaim
from .lineup_text import _NAME, Name, load_markers

MIN_RATED = 3
HEADING_CHARS = 60
_LINE_NAME = _NAME.replace(r"\s", "[ \t]")   # a name on one line
RATING_LINE = re.compile(rf"^[ \t]*(?P<name>{_LINE_NAME})(?:[ \t]*\([^()\n]{{1,20}}\))?[ \t]*[-–—:][ \t]*"
                         r"\d{1,2}(?:[.,]5)?[ \t]*/[ \t]*10\b", re.M)


def rating_statuses(article_id: str, text: str, lang: str, clubs: list[Club],
                    person_of: Callable[[Club, Name], Person | None],
                    match_of: Callable[[Club], MatchClaim | None]) -> list[StatusClaim]:
    """The statuses a ratings list in `text` tells (none when it holds no list); `clubs` are the
    clubs of the matches the article tells."""
    lines = list(RATING_LINE.finditer(text))
    if len(lines) < MIN_RATED:
        return []
    headings = _headings(text, lang)
    out: list[StatusClaim] = []
    for line in lines:
        name = Name(line.group("name"), line.start("name"), line.end("name"))
        found = [(club, p) for club in clubs if (p := person_of(club, name)) is not None]
        if len(found) != 1:
            continue
        club, person = found[0]
        match = match_of(club)
        if match is None:
            continue
        above = [bench for at, bench in headings if at < line.start()]
        status = "substituted_on" if above and above[-1] else "started"
        end = text.find("\n", line.start())
        prov = Provenance(article_id, line.start("name"), len(text) if end < 0 else end,
                          text[line.start("name"):len(text) if end < 0 else end], "confirmed")
        out.append(StatusClaim(person.name, status, match.key, "", "confirmed", prov))
    return out


def _headings(text: str, lang: str) -> list[tuple[int, bool]]:
    """The short lines without a rating or a full stop that head parts of the list ("Rivertown
    player ratings", "Defenders", "Substitutes"), with their offset and whether they head
    the substitutes (a bench marker alone on its line): a bench heading holds until the next."""
    words = {w.rstrip(":").strip() for w in load_markers(lang).bench}
    out, pos = [], 0
    for line in text.split("\n"):
        bare = line.strip()
        if bare and len(bare) <= HEADING_CHARS and not bare.endswith(".") and not RATING_LINE.match(line):
            out.append((pos, bare.rstrip(":").strip().lower() in words))
        pos += len(line) + 1
    return out
