"""Matches a sentence recalls about a side's line-up, not the match it goes on to tell.

"X changed two players from the side that won at Y last week": the match at Y is told only to
say which line-up the changes start from. The story (context.py) does not move to it, so the
statuses of the next sentences ("A started in place of B") stay with the match being told.
A claim is such a recall when, in its clause, a relative word (words.relative_subject) follows
a line-up word (words.lineup_words) before the claim's anchor.
"""
from __future__ import annotations


def recalled_lineup(s, claim) -> bool:
    words = s.rules.word_set("lineup_words")
    if not words or claim.anchor is None:
        return False
    doc = s.doc
    lo, _ = s.clause(claim.anchor[0])
    relative = s.rules.word_set("relative_subject")
    for tok in doc[max(lo, s.span.start + 1):claim.anchor[0]]:
        if tok.lower_ in relative and doc[tok.i - 1].lower_ in words:
            return True
    return False


def fixture_to_come_elsewhere(story_match, claim) -> bool:
    """A match still to come between other clubs, told in passing while the story is about a
    played match ("..., behind leaders X, who play at Y later on"): the story stays with its match."""
    if story_match is None or story_match.status != "played" or claim.status != "scheduled":
        return False
    return not ({claim.subject, claim.opponent} & {story_match.subject, story_match.opponent})


def link_line(s) -> bool:
    """A line in capitals that opens with a link label (words.link_labels: 'VIDEO', 'FOTO'): the
    title of another page the article links to ("VIDEO X-Y 2-1: LE IMMAGINI"), not a match
    it tells."""
    labels = s.rules.word_set("link_labels")
    first = s.doc[s.span.start]
    if not labels or first.lower_ not in labels or not first.text.isupper():
        return False
    line_start = s.span.start == 0 or "\n" in s.doc[s.span.start - 1].text_with_ws
    return line_start and all(not t.is_alpha or t.text.isupper() for t in s.span)
