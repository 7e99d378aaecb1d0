"""Transfer moves told with their destination: "X could return to Y on loan", "Z could head to W".

A cue of `cues.transfer_destination` (data/patterns/<lang>.json: "return to", "head to", "join
up with ... at") followed, within its clause and a few tokens, by a KB club, tells a move of
one player to that club: the club acts in it (agent), the player is whom it concerns (target).
The player is the nearest KB player before the cue in its clause, else in the sentence (the
subject of "..., and he may return to Y, reports say"), and must play for another club.
A sentence that tells a match, or a destination that plays in the match the story is about,
tells a trip to play there, not a move; a clause that speaks of a move made years ago tells no
report.

The event finder (events.py) asks `destination_moves` first: each move is its own event, and a
sentence with such moves adds no catch-all report of its other players.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..kb import Person
from .sentence import SentenceView

REACH = 8   # tokens between the cue and the destination club, at most


def destination_moves(s: SentenceView, told, kb, story_match=None,
                      story_player: Person | None = None) -> list[tuple[Person, str, Span]]:
    """(player, destination club name, cue) of each move the sentence tells with its destination.
    A sentence that names no one ("De aanvaller trekt naar X") tells the move of `story_player`,
    the last player named before it, when given."""
    if told:
        return []
    playing = {story_match.subject, story_match.opponent} if story_match is not None else set()
    out: list[tuple[Person, str, Span]] = []
    for cue in s.cue_list("transfer_destination"):
        lo, hi = s.clause(cue.start)
        if any(e.kind == "years_ago" and lo <= a < hi for e, a, b in s.times):
            continue
        club = next((m for m in s.clubs() if cue.end <= m.start < min(hi, cue.end + REACH)), None)
        if club is None or kb.club(club.name) is None:
            continue
        dest = kb.club(club.name)
        if dest.name in playing:
            continue
        before = [m for m in s.players() if m.end <= cue.start and not m.in_quote]
        in_clause = [m for m in before if m.start >= lo]
        # "il passaggio di X al Y", "the move of X to Y": the player between the cue and the club
        between = [m for m in s.players() if cue.end <= m.start and m.end <= club.start]
        pick = (between or in_clause or before or [None])[-1]
        person = pick.person if pick is not None else (story_player if not s.names_someone() else None)
        if person is None or _already_at(kb, person, dest.id, s):
            continue
        if all(p is not person for p, _, _ in out):
            out.append((person, dest.name, cue))
    return out


def _already_at(kb, person: Person, club_id: str, s: SentenceView) -> bool:
    """Is the player at the destination club already? The knowledge base has him at his club of
    the season; one whose time at that club begins after the article's day is not there yet
    (a summer move told before his first match for it)."""
    if person.club != club_id:
        return False
    article = s.doc._.article
    day = article.published if article is not None else None
    spans = [m for m in kb.memberships(person.id) if m.club == club_id]
    return not (day is not None and spans and all(m.start is not None and m.start > day for m in spans))
