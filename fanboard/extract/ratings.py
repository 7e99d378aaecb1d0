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

A team's ratings may also stand on one line, as a team sheet without the team's name, each
player with his mark and a change in brackets with its minute, written before or after it:

    Keeper 6; Back A 6.5, Back B 7 ('77 Sub C 6), Back D 6; ...

A line of at least `MIN_ROW_ITEMS` items, each a name (or a name the page lost) and a plain
mark, tells the starters and the changes of the club whose players they are.
"""
from __future__ import annotations

import re
from typing import Callable

from ..kb import Club, Person
from .claims import MatchClaim, Provenance, StatusClaim
from .lineup_text import _NAME, Name, _player_item, _split_top, load_markers

MIN_RATED = 3
MIN_ROW_ITEMS = 8          # a ratings line holds most of a team's eleven...
MAX_ROW_ITEMS = 11         # ...and no more
_ROW_MARK = re.compile(r"(?:^|\s)\d{1,2}(?:[.,]5)?$")           # an item's head ends with its mark
_MINUTE_FIRST = re.compile(r"\(([’'′`´])(\d{1,3})(?=\s)")     # "('77 Sub": the minute's mark before it
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


def rating_row_statuses(article_id: str, text: str, lang: str, clubs: list[Club],
                        person_of: Callable[[Club, Name], Person | None],
                        match_of: Callable[[Club], MatchClaim | None]) -> list[StatusClaim]:
    """The statuses of every ratings line in `text` (see the module docstring): its named
    players started, the changes in brackets went off and came on at their minute. A line
    counts for the one club of `clubs` whose players it names (all that are found)."""
    markers = load_markers(lang)
    out: list[StatusClaim] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        bare = line.rstrip()
        if not bare or bare.endswith(".") or bare.count(";") + bare.count(",") < MIN_ROW_ITEMS - 1:
            continue
        # "('77 Sub" read as "(77' Sub" (the same length: offsets kept)
        norm = _MINUTE_FIRST.sub(lambda m: "(" + m.group(2) + m.group(1), bare)
        items = _split_top(norm, start)
        heads = [piece.split("(")[0].strip() for piece, _ in items]
        if not MIN_ROW_ITEMS <= len(items) <= MAX_ROW_ITEMS or not all(_ROW_MARK.search(h) for h in heads):
            continue
        told = []   # (name, [substitutions])
        for piece, at in items:
            name, subs, _ = _player_item(piece, at, markers)
            if name is not None:
                told.append((name, subs))
        names = [n for n, subs in told] + [x for _, subs in told for sub in subs for x in (sub.off, sub.on)]
        found = {c.id: [p for n in names if (p := person_of(c, n)) is not None] for c in clubs}
        clubs_found = [c for c in clubs if found[c.id]]
        if len(clubs_found) != 1 or len(found[clubs_found[0].id]) < MIN_RATED:
            continue
        club = clubs_found[0]
        match = match_of(club)
        if match is None:
            continue
        prov = Provenance(article_id, start, start + len(bare), bare, "confirmed")

        def add(name: Name, status: str, value: str = "") -> None:
            person = person_of(club, name)
            if person is not None:
                out.append(StatusClaim(person.name, status, match.key, value, "confirmed", prov))

        for name, subs in told:
            add(name, "started")
            for sub in subs:
                minute = "" if sub.minute is None else str(sub.minute)
                add(sub.off, "substituted_off", minute)
                add(sub.on, "substituted_on", minute)
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
