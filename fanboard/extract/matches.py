"""Match claims: who played whom, where, with what score, when — one sentence at a time.

`fanboard_matches` reads doc._.sentences and writes `doc._.matches`: one `SentenceMatches`
per sentence view (the claims it tells, merged within the sentence, and the time each
claim was dated with). It then hands the told matches to the article context, so that
later components know which match the story is about (`doc._.context.story(i)`).

A sentence tells a match by a match cue ("drew with", "ontvangt", "la trasferta di")
with the opponent named after it, or by a pair of clubs with a score ("Home – Away 2-1"),
or by a score, a connector and a club ("the 2-2 at Brookvale"). Merging claims told in
several sentences happens once the article is read (matchmerge.merge_within_article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import SCORE_TOKEN_RE
from ..pieces import text_of, token_texts
from .claims import MatchClaim
from .context import ArticleContext
from .asides import link_line
from .matchmerge import merge_in_sentence, nearest_claim, reachable
from .matchpairs import announced_pairs, inverted_object, loser_after_opener
from .matchsubject import (about_others as _about_others, coordinated_club, described_subject, genitive_pair,
                           passive_agent, plays_in, subject_before as _subject_before, venue_after,
                           can_meet, subject_that_meets)
from .scorelines import score_between
from .sentence import Mention, SentenceView

FUTURE_DAY_KINDS = {"date", "weekday", "weekend", "today", "tomorrow", "next_week"}  # in the future tense: still to come
MATCH_TIME_KINDS = {"date", "weekday", "weeks_ago", "days_ago", "weekend", "yesterday", "today", "tomorrow", "last_week", "next_week"}


@dataclass(frozen=True)
class SentenceMatches:
    claims: tuple[MatchClaim, ...]              # after merging within the sentence
    dated: tuple[tuple[Any, str], ...] = ()     # (TimeExpr, claim key) for every claim the sentence dated


@Language.factory("fanboard_matches", requires=["doc._.sentences", "doc._.context"],
                  assigns=["doc._.matches"])
def make_match_finder(nlp: Language, name: str):
    return MatchFinder()


class MatchFinder:
    def __call__(self, doc: Doc) -> Doc:
        ctx: ArticleContext = doc._.context
        keys = _Keys(ctx)
        views = doc._.sentences
        told = tuple(find_matches(view, ctx, keys, views[i - 1] if i else None) for i, view in enumerate(views))
        doc._.matches = told
        ctx.follow(doc._.sentences, [t.claims for t in told])
        return doc


class _Keys:
    """Hands out claim keys "<article_id>#m<n>", numbered across the article."""

    def __init__(self, ctx: ArticleContext):
        self.ctx = ctx
        self.n = 0

    def new_claim(self, s: SentenceView) -> MatchClaim:
        self.n += 1
        aid = self.ctx.article_id
        c = MatchClaim(key=f"{aid}#m{self.n}", article_id=aid,
                       subject=self.ctx.focus.name if self.ctx.focus else None, opponent=None)
        c.provenance.append(s.provenance(aid))
        return c


def _subject_that_can_meet(s: SentenceView, prev: SentenceView | None, claims, ctx: ArticleContext) -> None:
    """A claim the article's club was made the subject of by default (the sentence does not name
    it), against a club it cannot meet ("De wedstrijd tegen Y werd afgelast" in an article about
    a club of another country): the match is of the club the sentence, or else the one before it, names that can
    meet that opponent ("... de confrontatie met X. De wedstrijd tegen Y ...")."""
    focus = ctx.focus
    if focus is None or any(m.name == focus.name for m in s.clubs()):
        return
    for c in claims:
        if c.subject != focus.name or c.opponent is None or can_meet(ctx.kb, c.subject, c.opponent):
            continue
        if c.subject_goals is not None and c.venue is None:
            continue   # a score "as written" ("tegen X (0-13)"): whose goals are whose is not known
        other = subject_that_meets(ctx.kb, c.opponent, s, *([prev] if prev is not None else []))
        if other is not None:
            c.subject = other


def find_matches(s: SentenceView, ctx: ArticleContext, keys: _Keys, prev: SentenceView | None = None) -> SentenceMatches:
    """The matches one sentence tells."""
    if link_line(s):
        return SentenceMatches(())
    claims: list[tuple[MatchClaim, Span]] = []
    used_scores: set[int] = set()
    score_between(s, claims, used_scores, keys)   # "Rivertown 0-2 Westmoor"
    for cue in s.cue_list("match"):
        claims.extend(_cue_claims(s, cue, ctx, keys, used_scores, prev))
    _bracketed_scores(s, claims, used_scores)
    _pair_pattern(s, claims, used_scores, keys)
    announced_pairs(s, claims, keys)   # "in campo X e Y", "la sfida tra X e Y" (matchpairs.py)
    _score_connector(s, claims, used_scores, keys, ctx)
    if not claims:
        return SentenceMatches(())
    _subject_that_can_meet(s, prev, [c for c, _ in claims], ctx)
    dated = _fill_from_sentence(s, claims, ctx)
    return SentenceMatches(tuple(merge_in_sentence(s, [c for c, _ in claims])), tuple(dated))


def _cue_claims(s: SentenceView, cue: Span, ctx: ArticleContext, keys: _Keys,
                used_scores: set[int], prev: SentenceView | None = None) -> list[tuple[MatchClaim, Span]]:
    """The claim a match cue makes (and its twin for 'against Stonebridge and Brookvale'), if any."""
    attrs, words, doc, focus = s.attrs(cue), s.rules, s.doc, ctx.focus
    if _averted(s, cue):
        return []   # "X were minutes from a 0-0 draw": it did not end so
    if attrs.get("reciprocal"):
        return []   # "X e Y si sfideranno": the pair is the claim (matchpairs.announced_pairs)
    lo, _ = s.clause(cue.start)
    if attrs.get("result") and any(t.lower_ in words.word_set("conditional") for t in doc[lo:cue.start]):
        return []   # "qualora arrivasse una sconfitta": a result that may come, no match told
    opp, hole, opp_end, connector = _opponent_after(s, cue, ctx)
    if opp is not None and connector in words.word_set("beneficiary_connectors") and _genitive_complement(s, cue):
        return []   # "the only goal of the game for X": the goal was X's, the game one told already
    if opp is None and not hole and attrs.get("object_inside"):
        # "X heeft zondag Y met 3-1 verslagen": the object stands inside the cue's words
        opp = next((m for m in reversed(s.clubs()) if cue.start < m.start and m.end <= cue.end), None)
    inverted = None
    if opp is not None and not hole and ((not connector and _verb_before_subject(s, cue, opp))
                                         or _subject_after(s, cue, opp, connector)):
        # "Zondag won X met 2-1 van Y", "Woensdag ontvangt X Y": the club after the verb is its
        # subject; the opponent comes after it
        inverted = opp
        after = Span(doc, cue.start, opp.end, label=cue.label_, kb_id=cue.kb_id_)
        nxt, nhole, nend, nconn = _opponent_after(s, after, ctx)
        if nxt is not None and nxt.name == inverted.name:
            nxt, nhole, nend, nconn = None, False, opp.end, ""
        opp, hole, opp_end, connector = nxt, nhole, max(nend, opp.end), nconn
    if opp is None and not hole and attrs.get("opponent_before"):
        opp, connector = _opponent_before(s, cue)   # "X kwam bij Y niet verder dan 0-0"
    if opp is None and not hole and attrs.get("result") == "L":
        opp = passive_agent(s, cue)   # "X werd door Y met 2-0 verslagen"
    if opp is None and not hole and attrs.get("weak"):
        return []
    if attrs.get("result") == "W" and opp is not None and _won_by(s, cue, opp):
        return []   # "the cup was won by X": X won something, the sentence names no match
    if attrs.get("weak") and opp is not None and focus is not None and opp.name == focus.name \
            and _subject_before(s, cue, opp, ctx) is None:
        return []  # "… gli ottavi alla Dea": a weak cue naming the club itself is no match
    score = _score_near(s, cue.start, max(cue.end, opp_end), used_scores)
    adjacent_time = _adjacent_time(s, cue, opp_end)
    if opp is None and not hole and score is None and adjacent_time is None:
        return []
    if opp is None and not hole and _after_earlier(s, cue.start):
        return []   # "Na de 5-0 zege gaat Ashford ...": an earlier match, its score taken with it
    subj, owner = _subject_before(s, cue, opp, ctx), _genitive_owner(s, opp)
    if inverted is not None and subj is None and owner is None:
        subj = inverted
    if subj is None and owner is None and opp is not None and not connector and (other := inverted_object(s, cue, opp)):
        subj, opp, opp_end, connector = opp, other, other.end, ""   # "Cade il X con il Y"
    elif subj is None and owner is None and opp is not None and not connector and loser_after_opener(s, cue):
        return []   # "Ko Napoli e Roma": the clubs that lost, no opponent named
    if subj is None and owner is None:
        # "Zaterdag bleek X met 2-0 te sterk": the subject inside the cue's words
        subj = next((m for m in s.clubs() if cue.start < m.start and m.end <= cue.end
                     and (opp is None or m.start != opp.start)), None)
    if subj is None and owner is None and opp is not None:
        subj = _inverted_subject(s, cue, opp)   # "Na de nederlaag tegen X moet Y ...": Y's match
    if subj is None and owner is None and opp is not None:
        subj = _beneficiary(s, opp, ctx)   # "De zege op X was voor Y de derde op rij": Y's match
    if subj is None and owner is None and opp is None and not hole and (
            described_subject(s, cue) or any(t.lower_ in s.rules.word_set("subject_descriptions")
                                             for t in s.doc[s.span.start:min(cue.start, s.span.start + 3)])):
        return []   # "De koploper ging met 2-0 onderuit": a club described, neither it nor its opponent named
    if subj is None and owner is None and score is None and _about_others(s, cue, opp, focus):
        return []
    if opp is not None and opp.label == "CITY" and subj is not None and subj.start > s.span.start \
            and doc[subj.start - 1].lower_ in words.word_set("coordination") - {","}:
        return []   # "X e Y in campo a <town>": two sides at a venue
    c = keys.new_claim(s)
    c.anchor = (cue.start, max(cue.end, opp_end))
    if owner is not None:   # "il pareggio dell'Orbury contro l'Elmwood": Orbury's match
        if any(t.lower_ in words.word_set("genitive_away") for t in doc[opp.end:owner.start]):
            c.venue = "away"   # "la sconfitta dell'Ashford in casa del Portside"
        subj, opp, opp_end = opp, owner, owner.end
        c.anchor = (cue.start, opp_end)
    described = None
    if subj is None and owner is None and opp is not None and prev is not None and described_subject(s, cue):
        # "AC Milan ... aangelopen. De koploper verloor met 3-0 van Atalanta": the club the sentence
        # before names is the one described
        described = subject_that_meets(ctx.kb, opp.name, prev, only=True)
        subj = Mention(cue.start, cue.start, "CLUB", described) if described else None
    if subj is not None:
        c.subject = subj.name
    flip = subj is None and opp is not None and opp.name == c.subject and attrs.get("result") in ("W", "L") \
        and described_subject(s, cue)
    if opp is not None:
        if flip:   # "De koploper verloor van Rivertown": Rivertown's win over a club the text describes
            opp, hole, connector = None, True, ""   # a hole of a kind: linked as the calendar and the players allow
        elif opp.name == c.subject and not connector:
            pass   # "con questo successo il Rivertown si rifà": the club after the cue is its subject
        elif opp.name == c.subject:
            c.self_reference = opp.name   # "a draw with <itself>": the opponent is unknown
            hole = True
        else:
            c.opponent = opp.name
    told_winner = opp is None and not hole and subj is not None and focus is not None \
        and subj.name != focus.name and attrs.get("result") == "L" and _agentless_passive(s, cue)
    if told_winner:
        c.opponent = focus.name   # "werd Rivertown met 2-1 verslagen" in an article about its winner
    elif opp is None and not hole and subj is not None and focus is not None and subj.name != focus.name \
            and attrs.get("opponent_focus") and score is not None:
        c.opponent = focus.name   # "Sampdoria bleek met 1-3 te sterk" (for no one named): for the article's club
    c.hole = hole
    c.venue = attrs.get("venue") or c.venue
    if c.venue is None and connector in words.word_set("away_connectors") and not _home_after(s, cue):
        c.venue = "away"   # "a 3-0 win at X"
    if c.venue is None and opp is None and _home_after(s, cue):
        c.venue = "home"   # "X won 3-2 at home"
    if c.venue is None and c.opponent is not None:
        c.venue = venue_after(s, opp_end, c) or (venue_after(s, cue.end, c, before=opp.start) if opp is not None else None)
    if c.venue is None and c.opponent is not None and subj is not None and cue.start < subj.start < cue.end:
        c.venue = venue_after(s, subj.end, c, before=cue.end)   # "walste X in <town> met 5-0 over Y heen"
    c.result = attrs.get("result") if (score is not None or opp is not None) else None
    if flip:
        c.result = {"W": "L", "L": "W"}[attrs["result"]]
    c.status = attrs.get("status")
    if attrs.get("result") and score is None and opp is None:
        c.result = None
    if score is not None:
        c.result = c.result or _clause_result(s, cue) or _result_after_score(s, score[0])
        # a win cue marked winner_first ("met 3-0 te sterk") may write the winner's goals first
        # (after "een zege bij Y"): a higher first number says no venue; a lower one ("met 1-3 te
        # sterk") can only be home-away, an away win
        order = words.score_order
        if attrs.get("winner_first") and c.result == "W" and score[1] > score[2]:
            order = "winner_first"
        apply_score(c, score[1], score[2], order)
        c.venue = None if flip or told_winner else c.venue   # the described club's venue word is not the subject's; nor the score's order a venue when the winner is not named
        if described and not attrs.get("venue") and connector not in words.word_set("away_connectors"):
            c.venue = None   # "de koploper verloor thuis met 2-1": the calendar decides the order
    if adjacent_time is not None:
        c.time = adjacent_time
    return [(c, cue)] + _twin(s, c, opp, cue, keys)


def _genitive_complement(s: SentenceView, cue: Span) -> bool:
    """Does the cue stand as the complement of another noun ("the goal of the game":
    words.genitive_of_noun and a filler right before it)?"""
    doc, k = s.doc, cue.start - 1
    if k > s.span.start and doc[k].lower_ in s.rules.word_set("fillers"):
        k -= 1
    return k >= s.span.start and k < cue.start - 1 and doc[k].lower_ in s.rules.word_set("genitive_of_noun")


def _home_after(s: SentenceView, cue: Span) -> bool:
    """Does a home phrase (words.home_phrases: "at home") follow the cue, right after it or
    after its score ("won 3-2 at home")?"""
    i = cue.end
    if i < s.span.end and SCORE_TOKEN_RE.match(s.doc[i].text):
        i += 1
    return _skip_phrase(s, i, "home_phrases") > i


def _opponent_before(s: SentenceView, cue: Span) -> tuple[Mention | None, str]:
    """The club after a connector before the cue in its clause ('kwam bij Y niet verder dan'), the
    last one, with its connector; (None, '') when there is none."""
    lo, _ = s.clause(cue.start)
    doc, w = s.doc, s.rules
    found = (None, "")
    for m in s.clubs():
        if m.start < lo or m.end > cue.start:
            continue
        j = m.start - 1
        while j > lo and doc[j].lower_ in w.word_set("fillers"):
            j -= 1
        if j >= lo and doc[j].lower_ in w.word_set("connectors") and j > lo:
            found = (m, doc[j].lower_)
    return found


def _inverted_subject(s: SentenceView, cue: Span, opp: Mention) -> Mention | None:
    """'(Drie dagen) na de nederlaag tegen X speelt Y ...': a cue in a phrase of
    'after' that opens its clause, then one word (the verb) and a club, the clause's subject."""
    doc, w = s.doc, s.rules
    lo, _ = s.clause(cue.start)
    if not any(_after_earlier(s, c.start) for c in s.cue_list("match") if lo <= c.start <= cue.start):
        return None   # also the weak cue 'tegen' after "na de nederlaag"
    na = next((j for j in range(cue.start - 1, lo - 1, -1) if doc[j].lower_ in w.word_set("earlier_prepositions")), None)
    if na is None or na - lo > 3 or any(s.club_at(j) is not None for j in range(lo, na)):
        return None
    j = opp.end
    if j + 2 < s.span.end and doc[j].text == "(" and SCORE_TOKEN_RE.match(doc[j + 1].text) and doc[j + 2].text == ")":
        j += 3
    if j + 1 >= s.span.end:
        return None
    verb = doc[j]
    if verb.is_punct or not verb.is_alpha or verb.lower_ in w.word_set("connectors", "coordination", "genitive"):
        return None
    club = s.club_at(j + 1)
    return club if club is not None and club.name != opp.name else None


def _verb_before_subject(s: SentenceView, cue: Span, club: Mention) -> bool:
    """Dutch puts the verb second: "Zondag won X ...", "In de Serie A versloeg X Y". A verb cue
    (one that tells a result, a status or a venue, not after an article) that follows a fronted
    phrase of its clause naming no club, with a club right after it and no connector between, has
    that club as its subject (words.verb_second marks the languages that do this)."""
    w, doc = s.rules, s.doc
    if not w.word_set("verb_second"):
        return False
    attrs = s.attrs(cue)
    if not (attrs.get("result") or attrs.get("status") or attrs.get("venue")) or attrs.get("weak"):
        return False
    lo, _ = s.clause(cue.start)
    before = [t for t in doc[lo:cue.start] if not t.is_punct]
    if not before or doc[cue.start - 1].lower_ in w.word_set("fillers", "relative_subject", "coordination"):
        return False
    if any(lo <= m.start < cue.end for m in s.clubs()):
        return False   # a club before the verb, or inside the cue's words ("bleek X met 1-3 te sterk voor")
    if club.end < s.span.end and doc[club.end].text in w.word_set("pair_separators"):
        return False   # "... de derby X - Y"
    return True


def _skip_aside(s: SentenceView, i: int, longest: int = 6) -> int:
    """Past an aside between commas at token i (", nel derby di ieri, "), when it names no club
    and holds no other punctuation, and a club (after at most two fillers) follows it; else i."""
    doc, end = s.doc, s.span.end
    if i >= end or doc[i].text != ",":
        return i
    close = next((k for k in range(i + 1, min(end, i + longest + 2)) if doc[k].is_punct), None)
    if close is None or doc[close].text != "," or close == i + 1 \
            or any(s.club_at(k) is not None for k in range(i + 1, close)):
        return i
    k, fillers = close + 1, s.rules.word_set("fillers")
    while k < end and k - close <= 2 and doc[k].lower_ in fillers and s.club_at(k) is None:
        k += 1
    return close + 1 if k < end and s.club_at(k) is not None else i


def _subject_after(s: SentenceView, cue: Span, club: Mention, connector: str) -> bool:
    """'E' tornata alla vittoria anche la Roma, che ...', 'vince il Westmoor', 'il successo per 2-0
    del Westmoor': a result noun or an intransitive result verb (cues marked `subject_after`) takes
    its opponent through a connector ('la vittoria contro X', 'vince sul campo del X'). A club right
    after it with no connector between is the sentence's inverted subject, and one after a
    genitive right after it (a score between at most) is whose result it was, when no club stands
    before the cue in its clause."""
    if not s.attrs(cue).get("subject_after"):
        return False
    w, doc = s.rules, s.doc
    if connector:
        skip = w.word_set("score_prepositions", "score_words")
        k = club.start - 1
        if connector not in w.word_set("genitive") or doc[k].lower_ != connector or any(
                not (t.like_num or SCORE_TOKEN_RE.match(t.text) or t.lower_ in skip) for t in doc[cue.end:k]):
            return False
    lo, _ = s.clause(cue.start)
    return not any(lo <= m.start < cue.end and m.start != club.start for m in s.clubs())


def _beneficiary(s: SentenceView, opp: Mention, ctx: ArticleContext) -> Mention | None:
    """'De zege op X zat voor Y ...': the club after a word of whom it was for (words.beneficiary)
    later in the sentence than the opponent, when no other club comes between and it can meet X."""
    doc, words = s.doc, s.rules.word_set("beneficiary")
    for m in s.clubs():
        if m.start <= opp.start:
            continue
        if m.name != opp.name and doc[m.start - 1].lower_ in words and can_meet(ctx.kb, m.name, opp.name):
            return m
        return None
    return None


def _agentless_passive(s: SentenceView, cue: Span) -> bool:
    """A defeat told in the passive (words.passive_auxiliaries before the cue in its clause)
    with no agent ('door X') in the sentence."""
    lo, _ = s.clause(cue.start)
    aux, agents = s.rules.word_set("passive_auxiliaries"), s.rules.word_set("passive_agent")
    return any(t.lower_ in aux for t in s.doc[lo:cue.start]) and not any(t.lower_ in agents for t in s.span)


def _won_by(s: SentenceView, cue: Span, opp: Mention) -> bool:
    """'werd het toernooi gewonnen door X': a win cue whose club follows an agent word
    (words.passive_agent), with no club before the cue in its clause."""
    lo, _ = s.clause(cue.start)
    agent = opp.start - 1 >= cue.end and s.doc[opp.start - 1].lower_ in s.rules.word_set("passive_agent")
    return agent and not any(lo <= m.start and m.end <= cue.start for m in s.clubs())


def _adjacent_time(s: SentenceView, cue: Span, opp_end: int):
    """The last match time right before the cue or right after its opponent (no list between)."""
    found, joiners = None, s.rules.word_set("coordination") | {","}
    since = s.rules.word_set("since_prepositions")
    for expr, a, b in s.times:
        if a > s.span.start and s.doc[a - 1].lower_ in since:
            continue   # "non giocava dal 3 ottobre": the time since which, not this match's
        between = {t.lower_ for t in s.doc[opp_end:a]} if a >= opp_end else set()
        if expr.kind in MATCH_TIME_KINDS and (0 <= cue.start - b <= 4 or (0 <= a - opp_end <= 3 and not between & joiners)):
            found = expr
    return found


def _twin(s: SentenceView, c: MatchClaim, opp: Mention | None, cue: Span, keys: _Keys) -> list:
    """'against Stonebridge and Brookvale': the claim about the club joined to the opponent."""
    sib = coordinated_club(s, opp) if opp is not None and c.opponent is not None else None
    if sib is None or sib.name == c.subject:
        return []
    if any(sib.end <= other.start <= sib.end + 1 for other in s.cue_list("match") if other.start > cue.end):
        return []   # "held by X and Y drew with Z": Y is the subject of a match of its own
    twin = keys.new_claim(s)
    twin.anchor = (sib.start, sib.end)
    twin.subject, twin.opponent, twin.venue = c.subject, sib.name, c.venue
    twin.status, twin.time = c.status, None
    return [(twin, cue)]


def _opponent_after(s: SentenceView, cue: Span, ctx: ArticleContext) -> tuple[Mention | None, bool, int, str]:
    """The club named right after a match cue, or a hole where its name was stripped; and the
    connector that joins them ('with', 'at', 'contro'), or ''."""
    w, doc = s.rules, s.doc
    connectors = w.word_set("connectors")
    connector_seen = cue[-1].lower_ in connectors
    i, end = cue.end, s.span.end
    i = next((b for _, a, b in s.times if a == i and b < end and not s.club_at(b)), i)   # "won zondag met 1-3 bij X"
    if i + 1 < end and doc[i].lower_ in w.word_set("genitive") and not connector_seen:
        # "het duel van vanavond met X": today's or tomorrow's match in the genitive, the connector after it
        i = next((b for e, a, b in s.times if a == i + 1 and b < end and doc[b].lower_ in connectors
                  and e.kind in ("today", "tomorrow")), i)
    i = _skip_phrase(s, i, "cue_modifiers")   # "verloor thuis met 0-2 van X"
    if not s.attrs(cue).get("subject_after"):
        i = _skip_aside(s, i)   # "ha battuto, nel derby di ieri, il Y"
    if i + 1 < end and doc[i].lower_ in w.word_set("absent_prepositions"):
        # "won zonder <player> met 0-2 bij X": who was missing, then the score and the opponent
        k = next((m.end for m in s.mentions if m.label == "PERSON" and m.start == i + 1), i + 1)
        while k < end and k - i <= 4 and doc[k].is_title and s.club_at(k) is None:
            k += 1   # a name the knowledge base lacks
        i = k if k > i + 1 else i
    if i + 1 < end and doc[i].is_space and "\n" not in doc[i].text and SCORE_TOKEN_RE.match(doc[i + 1].text):
        return None, True, i + 1, ""   # "by beating  3-1": a name stripped right after the cue
    if i + 1 < end and doc[i].lower_ in w.word_set("score_prepositions") and SCORE_TOKEN_RE.match(doc[i + 1].text):
        i += 1   # "pareggia per 1-1 sul campo del X"
    elif i + 3 < end and doc[i].lower_ in w.word_set("score_prepositions") and doc[i + 1].like_num \
            and doc[i + 2].lower_ in w.word_set("score_words") and doc[i + 3].like_num:
        i += 4   # "battuto per 3 a 1 il Y": a score in words, skipped
    if i < end and SCORE_TOKEN_RE.match(doc[i].text):
        i += 1   # "drawing 1-1 with Stonebridge"
    if i + 2 < end and doc[i].lower_ in w.word_set("venue_prepositions"):
        k = i + 1 + (doc[i + 1].lower_ in w.word_set("fillers"))
        town = next((m for m in s.mentions if m.label == "CITY" and m.start == k and not m.in_quote), None)
        if town is not None and town.end < end and doc[town.end].lower_ in connectors:
            i = town.end   # "verloor met 2-0 op <stadion> van X": where, then whom
    i = _skip_phrase(s, i, "cue_modifiers")   # "la sconfitta in campionato contro la Oakham"
    if i < end and doc[i].lower_ in connectors and not connector_seen:
        connector_seen, connector = True, doc[i].lower_
        i += 1
    else:
        connector = cue[-1].lower_ if connector_seen else ""
    for expr, a, b in s.times:   # "ontvangt op woensdag 9 december Rivertown"
        if a == i and s.club_at(b) is not None:
            i = b
    skipped = 0
    while i < end and doc[i].lower_ in w.word_set("fillers", "indefinite_articles") and skipped < 2 \
            and s.club_at(i) is None:   # "in casa di un Y ormai condannato"
        i += 1
        skipped += 1
    if skipped and i + 1 < end and doc[i].lower_ in w.word_set("opponent_descriptions") \
            and doc[i + 1].lower_ in w.word_set("genitive"):
        i += 1   # "contro i tedeschi del Y": a description, then the club
    if skipped and i < end and doc[i].lower_ in w.word_set("genitive"):
        i += 1   # "sul campo del Harbourside", "in casa dell'Ashford"
    if i + 1 < end and doc[i].is_quote and s.club_at(i + 1) is not None:
        i += 1   # 'in casa dei "Lancieri"': a nickname in quotation marks
    if i < end:
        club = s.club_at(i)
        if club is not None:
            return club, False, club.end, connector
        away = s.attrs(cue).get("venue") == "away" or connector in w.word_set("away_connectors")
        town = next((m for m in s.mentions if m.label == "CITY" and m.start == i and not m.in_quote), None)
        if town is not None and away and (ctx.focus is None or town.name != ctx.focus.name):
            return town, False, town.end, connector
    if connector_seen:
        if i >= end:
            return None, True, i, connector
        tok = doc[i]
        temporal = connector in w.word_set("temporal_connectors")
        if tok.is_punct or tok.lower_ in w.word_set("clause_words") or (s.time_at(i) is not None and not temporal):
            return None, True, i, connector
    return None, False, cue.end, connector


def _clause_result(s: SentenceView, cue: Span) -> str | None:
    """The result told by an earlier match cue of the same clause ("si impone in trasferta sul
    campo del X per 2-1": the win orients the score of the venue cue)."""
    lo, _ = s.clause(cue.start)
    found = [s.attrs(c).get("result") for c in s.cue_list("match") if lo <= c.start < cue.start]
    return next((r for r in reversed(found) if r), None)


def _result_after_score(s: SentenceView, at: int) -> str | None:
    """The result a match cue right after the score at token `at` tells ("tegen X (1-0 verlies)",
    "de 2-0 winst"): the score is the one that result came with."""
    return next((s.attrs(c).get("result") for c in s.cue_list("match") if c.start == at + 1), None)


def _averted(s: SentenceView, cue: Span) -> bool:
    """Does the clause before the cue end in a result that was near but did not come
    (words.averted_result, regular expressions matched at the end of that text: "minutes away
    from a 0-0")?"""
    lo, _ = s.clause(cue.start)
    if lo >= cue.start:
        return False
    text = text_of(s.doc)[s.doc[lo].idx:cue.start_char]
    return any(re.search(rx, text, flags=re.IGNORECASE) for rx in s.rules.words.get("averted_result", ()))


def _after_earlier(s: SentenceView, at: int) -> bool:
    """Does 'after' ('na', 'dopo') stand before token `at`, with only articles and a score
    between ("after the 2-0 win", "dopo il 3-1")?"""
    doc, w = s.doc, s.rules
    j = at - 1
    while j >= s.span.start and at - j <= 3 and (doc[j].lower_ in w.word_set("fillers")
                                                 or SCORE_TOKEN_RE.match(doc[j].text)):
        j -= 1
    return j >= s.span.start and doc[j].lower_ in w.word_set("earlier_prepositions")


def _skip_phrase(s: SentenceView, i: int, words: str) -> int:
    """The token after one of the phrases of `words` that starts at token i, else i."""
    lowers = token_texts(s.doc)[1]
    for phrase in s.rules.words.get(words, []):
        parts = phrase.split()
        if i + len(parts) <= s.span.end and lowers[i:i + len(parts)] == parts:
            return i + len(parts)
    return i


def _genitive_owner(s: SentenceView, club: Mention | None) -> Mention | None:
    """The opponent when `club` follows a genitive after a match word ("the defeat of X at Y")."""
    if club is None:
        return None
    k = club.start - 1
    while k > s.span.start and s.doc[k].lower_ in s.rules.word_set("fillers"):
        k -= 1
    return genitive_pair(s, k, club)


def _score_near(s: SentenceView, start: int, end: int, used: set[int]) -> tuple[int, int, int] | None:
    """A score within three tokens of [start, end) that is not an in-game score: a score token,
    or a score in words after a score preposition ("per 2 a 0"; its index is its last number's)."""
    in_game_ends = {c.end for c in s.cue_list("in_game")}
    lo, hi = max(s.span.start, start - 3), min(s.span.end, end + 3)
    best = None
    for i in range(lo, hi):
        m = SCORE_TOKEN_RE.match(s.doc[i].text)
        goals = (int(m.group(1)), int(m.group(2))) if m else _score_in_words(s, i)
        at = i if m else i + 2
        if goals is None or at in used:
            continue
        if any(e <= i and i - e <= 2 for e in in_game_ends):
            continue
        dist = min(abs(i - start), abs(i - (end - 1)))
        if best is None or dist < best[0]:
            best = (dist, at, goals[0], goals[1])
    if best is None:
        return None
    used.add(best[1])
    return best[1], best[2], best[3]


def _score_in_words(s: SentenceView, i: int) -> tuple[int, int] | None:
    """The goals of a score written in words starting at token i, after a score preposition
    ("per 2 a 0", words.score_prepositions and words.score_words), or None."""
    doc, w = s.doc, s.rules
    if i - 1 < s.span.start or i + 2 >= s.span.end or doc[i - 1].lower_ not in w.word_set("score_prepositions"):
        return None
    if not (doc[i].text.isdigit() and doc[i + 2].text.isdigit() and doc[i + 1].lower_ in w.word_set("score_words")):
        return None
    return int(doc[i].text), int(doc[i + 2].text)


def _bracketed_scores(s: SentenceView, claims, used_scores: set[int]) -> None:
    """'Home – Away 2-1' and '<opponent> (1-1)': a score right after a claim's opponent."""
    doc = s.doc
    for m in s.clubs():
        j = m.end
        if j < s.span.end and doc[j].text == "(":
            j += 1
        if j < s.span.end and j not in used_scores and SCORE_TOKEN_RE.match(doc[j].text):
            for c, cue in claims:
                if c.opponent == m.name and c.subject_goals is None:
                    a, b = map(int, SCORE_TOKEN_RE.match(doc[j].text).groups())
                    used_scores.add(j)
                    apply_score(c, a, b, "home_away")


def _score_connector(s: SentenceView, claims, used_scores: set[int], keys: _Keys, ctx: ArticleContext) -> None:
    """'the 2-2 at Brookvale', 'il 2-2 di Brookvale', 'de 1-1 tegen Orbury': a score, a connector, a club."""
    # the club stands two tokens after the score: only the places two before a club outside quotes
    # can hold one (in order, as a scan of every token meets them)
    places = sorted({m.start - 2 for m in s.mentions if m.label == "CLUB" and not m.in_quote
                     and s.span.start <= m.start - 2 < s.span.end - 2})
    if not places:
        return
    doc, connectors = s.doc, s.rules.word_set("connectors")
    texts, lowers = token_texts(doc)
    for i in places:
        m = SCORE_TOKEN_RE.match(texts[i])
        if not m or i in used_scores or lowers[i + 1] not in connectors:
            continue
        club = s.club_at(i + 2)
        if club is None or any(c.opponent == club.name for c, _ in claims):
            continue
        c = keys.new_claim(s)
        c.anchor = (i, club.end)
        subj = _subject_before(s, doc[i:i + 1], club, ctx)
        owner = genitive_pair(s, i + 1, club)
        if owner is not None:   # "il 2-1 della Stonebridge contro l'Orbury"
            subj, club = club, owner
            c.anchor = (i, club.end)
        if subj is not None:
            c.subject = subj.name
        if club.name == c.subject:
            c.self_reference, c.hole = club.name, True
        else:
            c.opponent = club.name
        used_scores.add(i)
        apply_score(c, int(m.group(1)), int(m.group(2)), s.rules.score_order)
        claims.append((c, doc[i:club.end]))


def _pair_pattern(s: SentenceView, claims, used_scores: set[int], keys: _Keys) -> None:
    """'Rivertown-Westmoor 5-1' / 'Rivertown – Westmoor: 5-1': home and away in that order;
    'Rivertown en Ashford speelden met 2-2 gelijk': two clubs and the score of their clause."""
    doc, clubs = s.doc, s.clubs()
    coord = s.rules.word_set("coordination") - {","}
    separators = s.rules.word_set("pair_separators")
    for a, b in zip(clubs, clubs[1:]):
        between = doc[a.end:b.start]
        if len(between) != 1:
            continue
        if between[0].lower_ in coord:
            lo, hi = s.clause(b.end)
            j = next((k for k in range(b.end, min(hi, b.end + 6)) if SCORE_TOKEN_RE.match(doc[k].text)), None)
            between_pair = a.start > lo and doc[a.start - 1].lower_ in s.rules.word_set("parties_between")
            if j is None and between_pair:
                # "finisce 1-1 la gara tra Eastbrook e Westmoor", "è 0-0 tra Greenvale e Seaview"
                j = next((k for k in range(a.start - 1, max(lo, a.start - 9) - 1, -1)
                          if SCORE_TOKEN_RE.match(doc[k].text)), None)
            if j is None and _reciprocal_after(s, b.end, hi):
                # "zondag spelen X en Y tegen elkaar": the two clubs' match, no score
                c = keys.new_claim(s)
                c.anchor = (a.start, b.end)
                c.subject, c.opponent = a.name, b.name
                claims.append((c, doc[a.start:b.end]))
                continue
            if j is None or (j in used_scores and not between_pair):
                continue
            sm = SCORE_TOKEN_RE.match(doc[j].text)
            c = keys.new_claim(s)
            c.anchor = (a.start, j + 1)
            c.subject, c.opponent = a.name, b.name
            used_scores.add(j)
            apply_score(c, int(sm.group(1)), int(sm.group(2)), "home_away")
            claims.append((c, doc[a.start:b.end]))
            continue
        if between[0].text not in separators:
            continue
        j = b.end
        while j < s.span.end and doc[j].text in (":", ","):
            j += 1
        j = _past_final_words(s, j)   # "X-Y è finita 0-1", "X-Y si è chiusa sul 3-1"
        sm = SCORE_TOKEN_RE.match(doc[j].text) if j < s.span.end else None
        c = keys.new_claim(s)
        c.anchor = (a.start, b.end)
        c.subject, c.opponent, c.venue = a.name, b.name, "home"
        if sm and j not in used_scores:
            used_scores.add(j)
            c.subject_goals, c.opponent_goals = int(sm.group(1)), int(sm.group(2))
            c.status = "played"
        claims.append((c, doc[a.start:b.end]))


def _past_final_words(s: SentenceView, j: int) -> int:
    """After a pair 'X-Y', the token past a short phrase that says it ended (words.pair_score_final,
    with words.pair_score_glue around it: "è finita", "si è chiusa sul") when a score follows it;
    else j itself."""
    doc, final = s.doc, s.rules.word_set("pair_score_final")
    glue = s.rules.word_set("pair_score_glue") | final
    k = j
    while k < s.span.end and k - j < 6 and doc[k].lower_ in glue:
        k += 1
    if k > j and k < s.span.end and SCORE_TOKEN_RE.match(doc[k].text) and \
            any(t.lower_ in final for t in doc[j:k]):
        return k
    return j


def _time_distance(anchor: tuple[int, int], t) -> int:
    """Tokens between a claim's words and a time; 0 for a time among them ("verloor vorige week
    met 1-0 van X")."""
    if anchor[0] <= t[1] and t[2] <= anchor[1]:
        return 0
    return min(abs(t[1] - anchor[1]), abs(anchor[0] - t[2]))


def _relative_after(s: SentenceView, end: int, at: int) -> bool:
    """'de confrontatie met X, dat zondag niet speelde': a time in a relative clause that opens
    after the claim's words (a comma and a relative pronoun) tells about the club, not the match."""
    rel = s.rules.word_set("relative_subject")
    return at > end and any(s.doc[j].text == "," and s.doc[j + 1].lower_ in rel for j in range(end, at - 1))


def _reciprocal_after(s: SentenceView, at: int, hi: int) -> bool:
    """Does 'each other' (words.reciprocal: "tegen elkaar") follow token `at` in its clause, right
    after it or after a verb and a time ("X en Y spelen zondag tegen elkaar"), with no club or
    punctuation between?"""
    doc = s.doc
    for k in range(at, min(hi, at + 4)):
        if k > at and (doc[k - 1].is_punct or s.club_at(k - 1) is not None):
            return False
        for phrase in s.rules.words.get("reciprocal", []):
            parts = phrase.split()
            if k + len(parts) <= hi and [t.lower_ for t in doc[k:k + len(parts)]] == parts:
                return True
    return False


def apply_score(c: MatchClaim, a: int, b: int, order: str) -> None:
    """Orient a score a-b to the subject: `order` is the language's convention for scores
    next to a cue ("winner_first" or "home_away"), "home_away" for a score after the clubs."""
    c.status = c.status or "played"
    c.as_written = False
    if c.status == "scheduled":
        c.status = "played"
    if a == b:
        c.subject_goals = c.opponent_goals = a
        c.result = "D"
        return
    if order == "winner_first" and c.result in ("W", "L"):
        hi, lo = max(a, b), min(a, b)
        c.subject_goals, c.opponent_goals = (hi, lo) if c.result == "W" else (lo, hi)
        return
    if c.venue in ("home", "away") and c.result in ("W", "L") and (a > b) != ((c.venue == "home") == (c.result == "W")):
        # "won met 2-1 bij X", "walste in <town> met 5-0 over X heen": the winner written first,
        # against the home-away order; the result word decides whose goals are whose
        hi, lo = max(a, b), min(a, b)
        c.subject_goals, c.opponent_goals = (hi, lo) if c.result == "W" else (lo, hi)
    elif c.venue == "home":
        c.subject_goals, c.opponent_goals = a, b
    elif c.venue == "away":
        c.subject_goals, c.opponent_goals = b, a
    elif c.result == "W":
        c.subject_goals, c.opponent_goals = max(a, b), min(a, b)
        c.venue = "home" if a > b else "away"
    elif c.result == "L":
        c.subject_goals, c.opponent_goals = min(a, b), max(a, b)
        c.venue = "home" if a < b else "away"
    else:
        c.subject_goals, c.opponent_goals = a, b  # as written; the calendar decides the venue
        c.as_written = True
    if c.result is None and c.subject_goals is not None:
        c.result = "W" if c.subject_goals > c.opponent_goals else "L"


def _hypothetical(s: SentenceView, c: MatchClaim) -> bool:
    """Does a future cue ("would", "could") follow the claim's words at once, in its clause
    ("Victory over X would ...", "A win at Y could ...")? The result is imagined."""
    modals = s.rules.word_set("hypothetical")   # per language: "would", not Dutch "moet" (must)
    if not modals:
        return False
    lo, hi = s.clause(c.anchor[0])
    return any(c.anchor[1] <= f.start <= c.anchor[1] + 1 and f.start < hi
               and f.text.split()[0].lower() in modals for f in s.cue_list("future"))


def _recovery_at(s: SentenceView) -> int | None:
    """Where a recovery word (words.recovery: 'recuperare') stands before a postponement cue of
    the sentence: the match told before it is the one that makes up for the match put off, still
    to come; the postponement and its day belong to the match put off. None when there is none."""
    words = s.rules.word_set("recovery")
    cues = s.cue_list("postponed")
    if not cues or not words:
        return None   # no postponement cue after it, or no recovery word: none
    for t in s.span:
        if t.lower_ in words and any(c.start > t.i for c in cues):
            return t.i
    return None


def _told_played_with(s: SentenceView, c, claims) -> bool:
    """Does another claim of c's clause, with the same subject, tell a played result whose words
    end right before c's ("cade 3-1 | in casa del Y")? Then c is that match's venue, played too."""
    lo, hi = s.clause(c.anchor[0])
    return any(o is not c and o.status == "played" and o.result and o.subject == c.subject
               and lo <= o.anchor[0] and o.anchor[1] <= c.anchor[0] <= o.anchor[1] + 2 < hi
               for o in claims)


def _race_for(s: SentenceView, m: Mention) -> bool:
    """Is the competition named as a goal, not as where a match is played ("lo scontro diretto
    Champions", "the Champions League race", "de strijd om een Champions League-ticket")? A word of
    words.competition_goal_before right before it (after fillers), or of competition_goal_after
    right after it."""
    doc, w = s.doc, s.rules
    j = m.start - 1
    while j >= s.span.start and doc[j].lower_ in w.word_set("fillers"):
        j -= 1
    if j >= s.span.start and doc[j].lower_ in w.word_set("competition_goal_before"):
        return True
    k = m.end + (m.end < s.span.end and doc[m.end].text in "-–")
    return k < s.span.end and doc[k].lower_ in w.word_set("competition_goal_after")


def _fill_from_sentence(s: SentenceView, claims, ctx: ArticleContext) -> list[tuple[Any, str]]:
    """Competition, status and time from the rest of the sentence (a competition only for clubs
    that play in it); returns (time, key) of every claim that has a time."""
    all_comps = [m for m in s.mentions if m.label == "COMP" and not m.in_quote and not _race_for(s, m)]
    reason = next((s.value(cue) for cue in s.cue_list("reason")), None)
    only = [c for c, _ in claims]

    def nearest_ids(kind: str) -> set[int]:
        ids = set()
        idioms = s.cue_list(kind + "_not")   # "cancelled out" a lead: no postponement
        for cue in s.cue_list(kind):
            if any(v.start <= cue.start and cue.end <= v.end for v in idioms):
                continue
            reach = reachable(s, only, cue.start)
            if reach:
                ids.add(id(nearest_claim(reach, cue.start, cue.end)))
        return ids

    postponed, future, played = nearest_ids("postponed"), nearest_ids("future"), nearest_ids("played")
    for cue in s.cue_list("played"):   # "ended goalless": a score told in words (the cue's `goals` each)
        reach = reachable(s, only, cue.start) if "goals" in s.attrs(cue) else []
        c = nearest_claim(reach, cue.start, cue.end) if reach else None
        if c is not None and c.subject_goals is None and c.status in (None, "played"):
            c.subject_goals = c.opponent_goals = int(s.attrs(cue)["goals"])
            c.result, c.status = "D", "played"
    recovery = _recovery_at(s)
    times = [(e, a, b) for e, a, b in s.times if e.kind in MATCH_TIME_KINDS]
    dated = []
    for c, cue in claims:
        comps = [m for m in all_comps if plays_in(ctx.kb, m.name, c.subject, c.opponent)]
        near = [m for m in comps if -2 <= m.start - c.anchor[1] <= 6 or -6 <= c.anchor[0] - m.end <= 2]
        if c.competition is None and (near or (comps and len(claims) == 1)):
            c.competition = min(near or comps, key=lambda m: abs(m.start - cue.start)).name
        if id(c) in postponed and recovery is not None and c.anchor[0] < recovery:
            c.status = c.status or "scheduled"   # "X sfida Y per recuperare la partita rinviata il 6 dicembre"
            continue
        if id(c) in postponed:
            c.status = "postponed"
            c.status_reason = reason
        elif c.status == "played" and c.subject_goals is None and _hypothetical(s, c):
            c.status = None   # "Victory over X would be a statement": a result imagined, no match played
        elif c.status is None and _told_played_with(s, c, only):
            c.status = "played"   # "cade 3-1 in casa del Y e ora deve ...": the venue of a result told
        elif c.status is None:
            if id(c) in future:
                c.status = "scheduled"
            elif id(c) in played:
                c.status = "played"
        mine = [t for t in times if not _relative_after(s, c.anchor[1], t[1])]
        lo, hi = s.clause(c.anchor[0])
        mine = [t for t in mine if lo <= t[1] < hi] or mine   # "Woensdag X-Y ..., donderdag Z en W": its clause's
        if any(c.anchor[0] <= a and b <= c.anchor[1] and e.kind not in MATCH_TIME_KINDS for e, a, b in s.times):
            mine = []   # "verloor vorige week van X": its own time, of a kind no day is read from
        if c.time is None and mine:
            nearest = min(mine, key=lambda t: _time_distance(c.anchor, t))
            if len(claims) == 1 or nearest_claim(only, nearest[1], nearest[2]) is c:
                c.time = nearest[0]
        if c.status is None and c.time is not None and (c.time.kind == "tomorrow" or (
                c.time.kind in FUTURE_DAY_KINDS and getattr(c.time, "tense", "") == "future")):
            c.status = "scheduled"   # "Ashford begint woensdag ...", "Rivertown face Kingsbury on Sunday"
        if c.time is not None:
            dated.append((c.time, c.key))
    return dated
