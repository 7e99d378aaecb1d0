"""Goals told in prose: "X scored in the 85th minute", "a brace from X", "autogol di X".

`fanboard_goals` reads doc._.sentences and the matches they tell (doc._.matches) and writes
`doc._.goals`, a GoalsTold whose `goals` list fills ArticleClaims.goals (next to the goals of
lineup blocks). The cue phrases are data: data/patterns/<lang>.json, cues.goal, each with

    value    goal | brace (two goals) | hat_trick (three) | count (the cue's number) | own_goal | penalty | none
    slot     where the scorer stands: before | after | inside | near (the nearest, either side)

`penalty` marks as a penalty the goal of the player nearest to it in its clause ("from the
spot", "su rigore"), as does a goal cue with `"penalty": true` ("a penalty by X"); `none`
is a phrase that says a goal was not scored ("missed", "ruled out", "non ha segnato"): its
clause tells no goal.

Precision first. A goal needs:
  - a KB player named in the cue's clause, outside quotation marks, on the side the cue says;
    with none before a `before` cue: the player a clause-opening pronoun stands for ("If X's
    ..., he converted a penalty": words.subordinate_openers), or the player of the club before
    the cue who opens the next clause ("Y opened the scoring, as X ...": words.scorer_clause);
  - a match: the one the sentence tells (the nearest to the cue), else the one the story is
    about, when the player's club plays in it; when the sentence tells none and the story
    none of that club's (a round-up's story is its first result), the one played match of
    that club the article tells. Never one still to be played, nor in a clause
    that speaks of the future or is hedged ("would score"). The goal counts for the player's
    club, an own goal for the other one;
  - a clause that counts goals ("12 goals this season", "scored five times": words.goal_counting
    outside the cue) tells no goal.
The minute is taken only when the clause states it in a form of words.goal_minute (regular
expressions whose first group is the minute, e.g. "85th minute", "al 34'"), or as minutes after
the last minute the sentence stated (words.goal_minute_later, "four minutes later"); else None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pieces import text_of
from ..kb import Person
from .claims import GoalClaim, MatchClaim
from .context import ArticleContext, Story
from .matchmerge import match_for
from .matchsubject import can_meet
from ..nlp import SCORE_TOKEN_RE
from .scorerlines import scorers_after_score_line
from .sentence import Mention, SentenceView

COUNTS = {"goal": 1, "own_goal": 1, "brace": 2, "hat_trick": 3}
MAX_COUNT = 6   # "count" cues: more goals than this in one match is a tally, not a match told
NOT_PLAYED = {"scheduled", "postponed"}


def _played_by(match: MatchClaim | None, club: str) -> bool:
    """Is this a match with both clubs named, not still to be played, that `club` plays in?"""
    return match is not None and match.named and match.status not in NOT_PLAYED \
        and club in (match.subject, match.opponent)


def _scoreless(match: MatchClaim, club: str, own_goal: bool = False) -> bool:
    """Does the match's score say the goal's side (the other club for an own goal) scored nothing?
    A score known only as written ("tegen X (0-13)") says it only when neither side scored."""
    if match.as_written and match.subject_goals != match.opponent_goals:
        return False
    side_is_subject = (club == match.subject) != own_goal
    return (match.subject_goals if side_is_subject else match.opponent_goals) == 0


@dataclass
class GoalsTold:
    goals: list[GoalClaim] = field(default_factory=list)
    matches: list[MatchClaim] = field(default_factory=list)   # a match only its goals tell (implied_match)


@dataclass
class _Orphan:
    """A goal told for a club the article tells no match of: kept in case the goals name the match."""
    finder: "_SentenceGoals"
    cue: Span
    person: Person
    club: str
    value: str
    penalty: bool
    count: int | None


@Language.factory("fanboard_goals", requires=["doc._.sentences", "doc._.matches", "doc._.context"],
                  assigns=["doc._.goals"])
def make_goal_finder(nlp: Language, name: str):
    return GoalFinder()


class GoalFinder:
    def __call__(self, doc: Doc) -> Doc:
        ctx: ArticleContext = doc._.context
        out = GoalsTold()
        every = [c for told in doc._.matches for c in told.claims]
        orphans: list[_Orphan] = []
        for view, told in zip(doc._.sentences, doc._.matches):
            out.goals += scorers_after_score_line(view, list(told.claims), ctx.kb, ctx.article_id)
            if view.cue_list("goal"):
                _SentenceGoals(view, list(told.claims), ctx.story(view.index), ctx, out.goals, every, orphans).find()
        implied = implied_match(orphans, every, ctx)
        if implied is not None:
            out.matches.append(implied)
            for o in orphans:
                o.finder._add(o.cue, o.person, o.value, o.penalty, o.count, match=implied)
        doc._.goals = out
        return doc


def implied_match(orphans: list[_Orphan], told: list[MatchClaim], ctx: ArticleContext) -> MatchClaim | None:
    """A report that tells its match only by its goals ("X kwam op voorsprong via A ... : 0-1",
    "langszij via B: 1-1", with no sentence naming the two clubs as a match): when the goals no
    match took are of players of exactly two clubs that can meet, with a running score in the
    sentence of one of them, and no claim of the article names those two clubs, the goals tell
    their played match (the calendar gives its day and its order). Languages opt in with
    words.implied_goal_match."""
    if not orphans or not orphans[0].finder.s.rules.word_set("implied_goal_match"):
        return None
    clubs = list(dict.fromkeys(o.club for o in orphans))
    if len(clubs) != 2 or not can_meet(ctx.kb, clubs[0], clubs[1]):
        return None
    if any({c.subject, c.opponent} == set(clubs) for c in told):
        return None
    if not any(SCORE_TOKEN_RE.match(t.text) for o in orphans for t in o.finder.s.span):
        return None
    first = orphans[0].finder.s
    c = MatchClaim(key=f"{ctx.article_id}#mg1", article_id=ctx.article_id, subject=clubs[0], opponent=clubs[1],
                   status="played")
    c.provenance.append(first.provenance(ctx.article_id, "confirmed"))
    return c


class _SentenceGoals:
    def __init__(self, s: SentenceView, told: list[MatchClaim], story: Story, ctx: ArticleContext,
                 out: list[GoalClaim], article_matches: list[MatchClaim] = (), orphans: list | None = None):
        self.s, self.told, self.story, self.ctx, self.out = s, told, story, ctx, out
        self.article_matches = list(article_matches)
        self.orphans = orphans

    def find(self) -> None:
        s = self.s
        cues = s.cue_list("goal")
        penalised = self._penalty_takers([c for c in cues if s.value(c) == "penalty"
                                          or s.attrs(c).get("penalty")])
        taken: set[tuple] = set()     # a player is credited once per clause, by its first cue
        spot = s.rules.word_set("penalty_words")   # "X tekende vanaf de stip voor de 2-0": a penalty
        for cue in cues:
            value = s.value(cue)
            count = self._count(cue) if value == "count" else COUNTS.get(value)
            if not count or not self._tells_goal(cue):
                continue
            scorers = self._group(self._scorer(cue, s.attrs(cue).get("slot", "before")))
            for scorer in scorers + (self._echo(cue) if scorers else []):
                if (scorer.person.id, s.clause(cue.start)) not in taken:
                    taken.add((scorer.person.id, s.clause(cue.start)))
                    self._add(cue, scorer.person, value,
                              scorer.person.id in penalised or bool(s.attrs(cue).get("penalty"))
                              or any(t.lower_ in spot for t in cue), count)

    def _echo(self, cue: Span) -> list[Mention]:
        """'X scored too, as did Y': the player right after words.goal_echo opening the next
        clause scored as well."""
        s, doc = self.s, self.s.doc
        _, hi = s.clause(cue.start)
        if hi >= s.span.end or doc[hi].text != ",":
            return []
        for echo in s.rules.words.get("goal_echo", ()):
            words = echo.split()
            at = hi + 1 + len(words)
            if [t.lower_ for t in doc[hi + 1:at]] == words:
                return [m for m in s.players() if m.start == at]
        return []

    def _count(self, cue: Span) -> int | None:
        """The goals a 'count' cue tells ("scoorde vijf keer", "(vijf goals en drie assists)"): its
        number, in digits or words; None past MAX_COUNT (a season's tally, not one match)."""
        numbers = self.s.rules.numbers
        fixed = self.s.attrs(cue).get("count")   # "zijn vijfklapper": the number is in the word
        if fixed:
            return int(fixed) if 1 <= int(fixed) <= MAX_COUNT else None
        for t in cue:
            n = int(t.text) if t.text.isdigit() else numbers.get(t.lower_)
            if n is not None:
                return n if 1 <= n <= MAX_COUNT else None
        return None

    def _penalty_takers(self, penalties: list[Span]) -> set[str]:
        """The player nearest each penalty phrase in its clause ("a penalty from X and a goal
        from Y": X's goal only)."""
        s, out = self.s, set()
        for cue in penalties:
            lo, hi = s.clause(cue.start)
            near = [(max(m.start - cue.end, cue.start - m.end, 0), m) for m in s.players() if lo <= m.start < hi]
            if near:
                out.add(min(near, key=lambda t: t[0])[1].person.id)
        return out

    def _tells_goal(self, cue: Span) -> bool:
        s = self.s
        lo, hi = s.clause(cue.start)
        if s.certainty_at(cue.start) != "confirmed" and not self._hedges_after_and(cue):
            return False
        if any(lo <= c.start < hi and not cue.start <= c.start < cue.end and not self._after_and(cue, c)
               for c in s.cue_list("future")):
            return False   # (a word of the cue's own, "a nulla è servito il gol di X", tells no future)
        if any(lo <= c.start < hi and s.value(c) == "none" for c in s.cue_list("goal")):
            return False
        counting = s.rules.word_set("goal_counting")
        return not any(t.lower_ in counting for t in s.doc[lo:hi] if not cue.start <= t.i < cue.end)

    def _after_and(self, cue: Span, later: Span) -> bool:
        """Does `later` (a modal: a hedge or a future cue) stand after the cue with a coordinating
        word (words.coordination, not a comma) between ("X fired home an equaliser and the hosts
        could not find a winner")? Then it belongs to the verb of the clause that word opens,
        not to the goal."""
        coord = self.s.rules.word_set("coordination") - {","}
        return later.start >= cue.end and any(t.lower_ in coord for t in self.s.doc[cue.end:later.start])

    def _hedges_after_and(self, cue: Span) -> bool:
        """Are all the hedges that make the cue's clause 'reported' modal ones after an 'and'
        (see _after_and)? A sentence-wide hedge ("according to") always counts."""
        s = self.s
        lo, hi = s.clause(cue.start)
        hedges = [h for h in s.hedges if s.attrs(h).get("scope") == "sentence" or lo <= h.start < hi]
        return bool(hedges) and all(s.attrs(h).get("scope") != "sentence" and self._after_and(cue, h)
                                    for h in hedges)

    def _scorer(self, cue: Span, slot: str) -> Mention | None:
        s = self.s
        lo, hi = s.clause(cue.start)
        assist = s.rules.word_set("goal_assist")    # "on a pass from X": X made it, X did not score
        players = [m for m in s.players() if lo <= m.start < hi
                   and not any(t.lower_ in assist for t in s.doc[max(lo, m.start - 2):m.start])]
        before = [m for m in players if m.end <= cue.start] or self._antecedent(lo)
        if not before and slot == "before":
            before = self._before_aside(cue, lo, assist)
        coord = s.rules.word_set("coordination") - {","}
        if before and cue.start - 1 > lo and s.doc[cue.start - 1].lower_ in coord and slot in ("before", "near"):
            # "A passed B and scored": the verb after 'and' shares the clause's subject, A, or none
            before = [m for m in before if m.start <= lo]   # or a relative pronoun's antecedent
        after = [m for m in players if m.start >= cue.end]
        inside = [m for m in players if m.start >= cue.start and m.end <= cue.end]
        if slot in ("inside", "near") and inside:
            # "de Zweed X": a description and the name it stands before are one player
            return inside[0] if len({m.person.id for m in inside}) == 1 else None
        if slot == "inside":
            return None
        if before and slot in ("before", "near") and self._pronoun_subject(lo, before[-1]):
            before = []   # "Hij kapte X uit en scoorde": the pronoun scored, X is the object
        if not before and slot == "before":
            before = self._pronoun_antecedent(lo) or self._club_then_player(cue, lo, hi)
        if slot == "before":
            return before[-1] if before else None
        if slot == "after":
            return after[0] if after else None
        near = [(cue.start - before[-1].end, 0, before[-1])] if before else []
        near += [(after[0].start - cue.end, 1, after[0])] if after else []
        return min(near, key=lambda t: t[:2])[2] if near else None

    def _before_aside(self, cue: Span, lo: int, assist: set) -> list[Mention]:
        """'X pulled level with Y (16 goals) in the race with a brace': a clause that opens after a
        bracket goes on with the clause before the bracket; its subject, the player of that clause
        not after a connector ('with Y' is no scorer), scored."""
        s, doc = self.s, self.s.doc
        if lo - 1 <= s.span.start or doc[lo - 1].text != ")":
            return []
        opening = next((k for k in range(lo - 2, s.span.start - 1, -1) if doc[k].text == "("), None)
        if opening is None:
            return []
        start, _ = s.clause(opening - 1) if opening > s.span.start else (opening, opening)
        connectors = s.rules.word_set("connectors")
        return [m for m in s.players() if start <= m.start and m.end <= opening
                and (m.start == s.span.start or doc[m.start - 1].lower_ not in connectors | assist)][:1]

    def _pronoun_subject(self, lo: int, mention: Mention) -> bool:
        """Does a subject pronoun (words.subject_pronouns) open the clause before the player,
        with no other player before it?"""
        s = self.s
        pronouns = s.rules.word_set("subject_pronouns")
        first = next((m for m in s.players() if lo <= m.start), mention)
        return any(t.lower_ in pronouns for t in s.doc[lo:min(first.start, lo + 2)])

    def _pronoun_antecedent(self, lo: int) -> list[Mention]:
        """'If X's mood was ..., he smiled after converting a penalty': a clause that opens with a
        subject pronoun, in a sentence that opens with a subordinating word (words.subordinate_openers)
        and a player, stands for that player."""
        s, doc = self.s, self.s.doc
        if doc[lo].lower_ not in s.rules.word_set("subject_pronouns"):
            return []
        first = next((t.i for t in s.span if not t.is_space), s.span.end)
        if first >= lo - 1 or doc[first].lower_ not in s.rules.word_set("subordinate_openers"):
            return []
        return [m for m in s.players() if m.start == first + 1 and m.end < lo]

    def _club_then_player(self, cue: Span, lo: int, hi: int) -> list[Mention]:
        """'X opened the scoring after half an hour, as Y ...': a club before the
        cue with no player in its clause, and the next clause opening with words.scorer_clause
        and a player of that club: he scored."""
        s, doc, kb = self.s, self.s.doc, self.ctx.kb
        clubs = [m for m in s.clubs() if lo <= m.start and m.end <= cue.start]
        club = kb.club(clubs[-1].name) if clubs else None
        if club is None or hi + 2 >= s.span.end or doc[hi].text != "," \
                or doc[hi + 1].lower_ not in s.rules.word_set("scorer_clause"):
            return []
        return [m for m in s.players() if m.start == hi + 2 and m.person.club == club.id]

    def _antecedent(self, lo: int) -> list[Mention]:
        """The player a clause-opening relative pronoun stands for ("serve Orbin, che insacca":
        Orbin), or an apposition ("Orbin, autore di una doppietta": words.scorer_apposition),
        when he ends right before it (a comma between allowed)."""
        s = self.s
        if s.doc[lo].lower_ not in s.rules.word_set("relative_subject", "scorer_apposition"):
            return []
        k = lo - 1 if lo - 1 >= s.span.start and s.doc[lo - 1].text == "," else lo
        return [m for m in s.players() if m.end == k][:1]

    def _group(self, mention: Mention | None) -> list[Mention]:
        """The scorer and the players joined to it by 'and', 'e', 'en', commas alone
        ("Ekdal e Verre", "A, B en C"): each of them scored."""
        if mention is None:
            return []
        s = self.s
        coord = s.rules.word_set("coordination") | {","}
        players = sorted(s.players(), key=lambda m: m.start)
        i = players.index(mention)
        lo = hi = i
        roles = tuple(s.rules.word_set("role_nouns"))

        def joined(a, b) -> bool:
            between = list(s.doc[a.end:b.start])
            if b.start <= a.end:
                return False
            if all(t.lower_ in coord for t in between):
                return True
            # "A, B en oud-Heracles-speler C", "A en aanvoerder B": a role before the last name
            k = next((i for i, t in enumerate(between) if t.lower_ not in coord), len(between))
            rest = between[k:]
            return 0 < k and 0 < len(rest) <= 6 and bool(roles) and rest[-1].lower_.endswith(roles) \
                and not any(t.is_punct and t.text != "-" for t in rest)
        while hi + 1 < len(players) and joined(players[hi], players[hi + 1]):
            hi += 1
        while lo > 0 and joined(players[lo - 1], players[lo]):
            lo -= 1
        return players[lo:hi + 1]

    def _match(self, cue: Span, club: str, own_goal: bool = False) -> MatchClaim | None:
        """The match the sentence (or the story) tells, if the scorer's club plays in it; else
        the one played match of that club the article tells, if it tells only one. Never one
        whose score says the goal's side scored nothing (a first leg that ended 0-0)."""
        own = match_for(self.s, self.told, self.story, cue, carry=False)
        match = own or match_for(self.s, self.told, self.story, cue, carry=True) or self.story.match
        pairs = self._club_matches(club, own_goal, played=True)
        if _played_by(match, club) and not _scoreless(match, club, own_goal):
            # the story's match, recalled without a result ("the first leg ended ..."), is not
            # the one the goals are told of when the article tells one played match of the club
            if own is None and match.status is None and len(pairs) == 1:
                one = next(iter(pairs.values()))
                return None if _scoreless(one, club, own_goal) else one
            return match
        if own is not None and own.named and own.status not in NOT_PLAYED:
            return None          # the match the sentence tells is another one
        if not pairs:   # the headline's "X-Y", told without a status: the one match of the club
            pairs = self._club_matches(club, own_goal, played=False)
        story = self.story.match
        if len(pairs) > 1 and story is not None and not story.named and story.subject == club:
            # the story goes on about the club's match without naming it ("the win for X"): the one
            # played match of the club told so far, not those the article recalls after it
            start = self.s.span.start_char
            told = {k: c for k, c in pairs.items() if c.provenance and c.provenance[0].start < start}
            pairs = told if len(told) == 1 else pairs
        one = next(iter(pairs.values())) if len(pairs) == 1 else None
        return None if one is None or _scoreless(one, club, own_goal) else one

    def _club_matches(self, club: str, own_goal: bool, played: bool) -> dict:
        """The club's matches the article tells, one per pair of clubs (of two legs, the one the
        goal's side scored in; else the one told last)."""
        pairs: dict[tuple, MatchClaim] = {}
        for c in self.article_matches:
            if _played_by(c, club) and (not played or c.status == "played"):
                key = (c.subject, c.opponent)
                if key not in pairs or _scoreless(pairs[key], club, own_goal) or not _scoreless(c, club, own_goal):
                    pairs[key] = c
        return pairs

    def _add(self, cue: Span, person: Person, value: str, penalty: bool, count: int | None = None,
             match: MatchClaim | None = None) -> None:
        club = self.ctx.kb.club_by_id(person.club)
        if match is not None:   # the match the article's goals imply (implied_match)
            if club is None or club.name not in (match.subject, match.opponent):
                return
        else:
            match = self._match(cue, club.name, value == "own_goal") if club is not None else None
        if match is None:
            if club is not None and self.orphans is not None and value != "own_goal":
                self.orphans.append(_Orphan(self, cue, person, club.name, value, penalty, count))
            return
        own_goal = value == "own_goal"
        team = club.name
        if own_goal:
            team = match.opponent if club.name == match.subject else match.subject
        count = count or COUNTS[value]
        minute = self._minute(cue) if count == 1 else None
        prov = self.s.provenance(self.ctx.article_id, "confirmed")
        for _ in range(count):
            self.out.append(GoalClaim(person.name, team, minute, penalty and not own_goal, own_goal,
                                      match.key, "confirmed", prov))

    def _minute(self, cue: Span) -> int | None:
        """The minute the cue's clause states (the one nearest the cue), or None."""
        s = self.s
        lo, hi = s.clause(cue.start)
        doc = s.doc
        if self._antecedent(lo):       # "al 70' ... Orbin, che segna": the antecedent's clause too
            lo = s.clause(lo - 1 if doc[lo - 1].text != "," else lo - 2)[0]
        if hi < s.span.end and doc[hi].text == "(":   # "scored (12.)": the minute in brackets after
            hi = next((t.i + 1 for t in doc[hi:min(hi + 6, s.span.end)] if t.text == ")"), hi)
        start, end = s.doc[lo].idx, s.doc[hi - 1].idx + len(s.doc[hi - 1].text)
        text = text_of(s.doc)
        found = []
        for rx in s.rules.words.get("goal_minute", ()):
            for m in re.finditer(rx, text[start:end], flags=re.IGNORECASE):
                at = start + m.start()
                dist = max(cue.start_char - (start + m.end()), at - cue.end_char, 0)
                found.append((dist, int(m.group(1))))
        for rx in s.rules.words.get("goal_minute_later", ()):
            # "four minutes later": the minute the sentence stated last before it, plus four
            for m in re.finditer(rx, text[start:end], flags=re.IGNORECASE):
                at = start + m.start()
                dist = max(cue.start_char - (start + m.end()), at - cue.end_char, 0)
                base, step = self._stated_before(at), s.rules.number(m.group(1))
                found.append((dist, base + step if base is not None and step is not None else None))
        for _, mnt in sorted(found, key=lambda f: (f[0], -1 if f[1] is None else f[1])):
            if mnt is None:
                return None        # the nearest is "minutes later" than a minute not told
            if 1 <= mnt <= 130:
                return mnt
        return None

    def _stated_before(self, at: int) -> int | None:
        """The last minute (words.goal_minute) the sentence states before character `at`."""
        s = self.s
        lo = s.span.start_char
        text = text_of(s.doc)[lo:at]
        last = [(m.end(), int(m.group(1))) for rx in s.rules.words.get("goal_minute", ())
                for m in re.finditer(rx, text, flags=re.IGNORECASE)]
        return max(last)[1] if last else None
