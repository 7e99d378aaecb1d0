"""The article context: the one place where state carries from sentence to sentence.

`fanboard_context` writes `doc._.context`, an `ArticleContext` holding
  - the focus club: the club the article is about, read from the text (most mentions outside
    quotes; a club's people count half, a headline mention twice; $FANBOARD_CLUB when no
    club is named), with its evidence; and the shared surnames ("Zapata") it resolves,
  - the people named so far, which decide whom a description ("the captain", "the
    Argentine") means (coreference lives here),
  - the story: for each sentence, the match the text was telling about before it, whether
    the previous sentence went on about that match, and the last people and player named.
    The matches component hands every sentence's matches to `follow`; later components
    read `story(i)`.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pieces import quoted_tokens, text_of
from ..kb import KB, Club, KBError, Person
from ..patterns import load_rules
from ..text import normalize
from .asides import fixture_to_come_elsewhere, recalled_lineup
from .claims import MatchClaim

if TYPE_CHECKING:
    from .sentence import SentenceView

# Event types that belong to the match being told about when a sentence continues its story.
MATCH_BOUND_EVENTS = {"dispute", "altercation", "substitution", "squad_exclusion", "resignation_offer", "sanction_demand"}


@dataclass(frozen=True)
class Story:
    """What the sentences before this one told."""
    match: MatchClaim | None = None          # the match the text was telling about
    continuity: bool = False                 # did the previous sentence tell about it?
    persons: tuple[Person, ...] = ()         # the people the last sentence naming anyone named
    player: Person | None = None             # the last player named


class ArticleContext:
    def __init__(self, kb: KB, focus: Club | None, article_id: str = ""):
        self.kb = kb
        self.focus = focus
        self.article_id = article_id         # claims are keyed and traced by it
        self.focus_evidence = ""             # why the focus is that club (read_focus)
        self.mentioned: list[str] = []       # person ids in order of mention (outside quotes)
        self._stories: tuple[Story, ...] = ()

    # --------------------------------------------------------- who is who
    def remember(self, person: Person) -> None:
        self.mentioned.append(person.id)

    def resolve_description(self, refers_to: str, club: Club | None = None) -> Person | None:
        """The person a description means: of `club` when the text names it ("de aanvoerder van
        X"), else of the focus club; "the 28-year-old" (LAST_PLAYER) is the person named last,
        if a player."""
        if refers_to == LAST_PLAYER:
            last = self.kb.person_by_id(self.mentioned[-1]) if self.mentioned else None
            return last if last is not None and last.role == "player" else None
        club = club or self.focus
        try:
            person = self.kb.resolve_description(refers_to, club.id if club else None, list(self.mentioned))
            if person is None and club is not None and refers_to.startswith("nationality:"):
                # "the Mexican" of the other club: the one person of that nationality named so far
                person = self.kb.resolve_description(refers_to, None, list(self.mentioned))
                person = person if person is not None and person.id in self.mentioned else None
            return person
        except KBError:
            return None

    def resolve_club_description(self, refers_to: str, doc: Doc, at: int | None = None) -> Club | None:
        """'gli olandesi', 'the Dutch side', 'de Italianen' (refers_to "club_country:<Country>"): the
        one club of that country the article names; when it names several, the one it named before
        token `at` (a description looks back: "Ajax ... Atalanta. De Italianen ..., tegen Napoli").
        None when it names none, or several before `at`."""
        country = refers_to.partition(":")[2]
        ents = [e for e in doc.ents if e.label_ == "CLUB"]
        fits = self._clubs_of(country, ents)
        if len(fits) != 1 and at is not None:
            fits = self._clubs_of(country, [e for e in ents if e.end <= at])
        return fits[0] if len(fits) == 1 else None

    def _clubs_of(self, country: str, ents) -> list[Club]:
        named = {e.ent_id_ for e in ents}
        return [c for c in map(self.kb.club_by_id, sorted(named)) if c is not None and c.country == country]

    def canonical(self, ent: Span) -> str | None:
        kb = self.kb
        if ent.label_ == "CLUB":
            c = kb.club_by_id(ent.ent_id_)
            return c.name if c else None
        if ent.label_ == "PERSON":
            p = kb.person_by_id(ent.ent_id_)
            return p.name if p else None
        if ent.label_ == "COMP":
            c = kb.competition_by_id(ent.ent_id_)
            return c.name if c else None
        if ent.label_ == "PERSONREF":
            p = self.resolve_description(ent.ent_id_)
            return p.name if p else None
        return None

    def entities(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start, end, label, canonical name) of every entity, for highlighting."""
        out = []
        for ent in doc.ents:
            name = self.canonical(ent)
            if name:
                out.append((ent.start_char, ent.end_char, ent.label_, name))
        return out

    # ------------------------------------------------------------- story
    def follow(self, views: Sequence["SentenceView"], told: Sequence[Sequence[MatchClaim]]) -> None:
        """Read the story sentence by sentence: `told[i]` are the matches sentence i tells."""
        story = Story()
        stories = []
        self._looked_back = []   # the matches told as asides so far ("De zege op X" then recalls one)
        for view, claims in zip(views, told):
            stories.append(story)
            story = self._advance(story, view, claims)
        self._stories = tuple(stories)

    def _looked_back_at(self, c: MatchClaim) -> bool:
        """Is this a match an earlier sentence told as an aside (the same two clubs, nothing
        against it)? "De Spanjaarden namen het eerste duel met X. Die zege op X ...": still the aside."""
        from .matchmerge import compatible
        return c.named and any({a.subject, a.opponent} == {c.subject, c.opponent}
                               and (a.subject != c.subject or compatible(a, c))
                               for a in getattr(self, "_looked_back", ()))

    def story(self, i: int) -> Story:
        return self._stories[i] if i < len(self._stories) else Story()

    def _advance(self, story: Story, s: "SentenceView", claims: Sequence[MatchClaim]) -> Story:
        match, told = story.match, False
        if claims and story.match is not None and all(
                _aside(s, c) or _recalled(s, c) or fixture_to_come_elsewhere(story.match, c)
                or _flashback(story.match, c) or _earlier_in_series(s, c) or self._looked_back_at(c)
                or _others_mentioned(self.focus, story.match, c) for c in claims):
            # "X, die een week eerder trof tegen Y (2-2), ...": an aside, the story goes on
            self._looked_back.extend(c for c in claims if c.named)
        elif claims:
            named = [c for c in claims if c.named and not _recalled(s, c)] or [c for c in claims if c.named] \
                or list(claims)
            match = story.match if _same_as_story(story.match, claims) else min(named, key=lambda c: c.anchor[0])
            told = True
        elif s.cue_list("anaphora") and match is not None:
            told = True
        elif story.continuity and (s.cue_list("status") or any(
                s.value(c) in MATCH_BOUND_EVENTS for c in s.cue_list("event"))):
            told = True
        persons = tuple(m.person for m in s.mentions if m.person is not None and not m.in_quote)
        players = [p for p in persons if p.role == "player"]
        return Story(match, told, persons or story.persons, players[-1] if players else story.player)


def _others_mentioned(focus: Club | None, story: MatchClaim, c: MatchClaim) -> bool:
    """A match of two other clubs told without a score or status ("Elsewhere X and Y go
    head-to-head") while the story is about a match of the focus club: an aside."""
    if focus is None or not c.named or c.status is not None or c.subject_goals is not None:
        return False
    return focus.name in (story.subject, story.opponent) and story.named \
        and focus.name not in (c.subject, c.opponent)


FLASHBACK_KINDS = ("weeks_ago", "last_week")


def _flashback(story: MatchClaim, c: MatchClaim) -> bool:
    """'Drie weken geleden won X van Y': a match dated weeks back, told while the story is about
    another named match (not one it could be), is a look back; the story goes on."""
    from .matchmerge import compatible
    return story.named and c.named and c.time is not None and c.time.kind in FLASHBACK_KINDS \
        and not compatible(story, c)


def _earlier_in_series(s: "SentenceView", c: MatchClaim) -> bool:
    """'De Spanjaarden namen het eerste groepsduel met X': a match named by its place in a series
    (words.earlier_ordinals a few words before its cue) is recalled, not the story's match."""
    ordinals = s.rules.word_set("earlier_ordinals")
    lo = max(s.span.start, c.anchor[0] - 4)
    return bool(ordinals) and any(t.lower_ in ordinals for t in s.doc[lo:c.anchor[0] + 1])


def _same_as_story(story: MatchClaim | None, claims: Sequence[MatchClaim]) -> bool:
    """'… convoca tutti per il match di oggi' after the story's 'X sfida Y': a sentence whose
    claims name no opponent, score or other day, of a club of the story's match, tells that match."""
    if story is None or not story.named:
        return False
    return all(not c.named and not c.hole and c.subject_goals is None and c.subject in (story.subject, story.opponent)
               and (c.time is None or c.time.kind == "today") and c.status in (None, story.status)
               for c in claims)


def _aside(s: "SentenceView", c: MatchClaim) -> bool:
    """A match told in passing: its score in brackets right after the opponent ("tegen
    Ashford (2-2)", "against Orbury (0-1 defeat)"), the way a text recalls an earlier game."""
    from ..nlp import SCORE_TOKEN_RE   # nlp imports this module
    doc, end = s.doc, c.anchor[1]
    if recalled_lineup(s, c):   # "two changes from the side that won at Y": a recalled line-up
        return True
    return c.named and end + 1 < s.span.end and doc[end].text == "(" and bool(SCORE_TOKEN_RE.match(doc[end + 1].text))


def _recalled(s: "SentenceView", c: MatchClaim) -> bool:
    """A match recalled as an earlier one: 'after' (words.earlier_prepositions) before its words,
    with only articles, a score, match words or an auxiliary (words.earlier_auxiliaries) between ("dopo il
    successo in casa del X", "dopo aver espugnato X"): the story is about another match."""
    from ..nlp import SCORE_TOKEN_RE
    doc, w = s.doc, s.rules
    skip = w.word_set("fillers", "earlier_auxiliaries")
    cue_tokens = {i for cue in s.cue_list("match") for i in range(cue.start, cue.end)}
    j = c.anchor[0] - 1
    while j >= s.span.start and c.anchor[0] - j <= 5 and (doc[j].lower_ in skip or j in cue_tokens
                                                          or SCORE_TOKEN_RE.match(doc[j].text)):
        j -= 1
    return j >= s.span.start and doc[j].lower_ in w.word_set("earlier_prepositions")


LAST_PLAYER = "last:player"   # a description that means the person named last, when he is a player
SHARED = "shared:"          # the ent_id of a shared surname the context has yet to resolve
COMMON_WORD = "common:"     # the ent_id of a surname that is also a common word ("Destro"), yet to accept
HEADLINE_WEIGHT = 1.0       # a mention in the headline counts once more
PERSON_WEIGHT = 0.5         # a club's people count half a mention of it
DEFAULT_CLUB_ENV = "FANBOARD_CLUB"


@dataclass(frozen=True)
class FocusReading:
    """The club an article is mostly about, and why (the articles table's club, club_evidence)."""
    club: Club | None
    evidence: str


def default_club(kb: KB) -> Club | None:
    """The club of $FANBOARD_CLUB (a name, alias or id), the focus when the text does not decide."""
    wanted = os.environ.get(DEFAULT_CLUB_ENV, "").strip()
    return (kb.club(wanted) or kb.club_by_id(wanted)) if wanted else None


def _headline_end(doc: Doc) -> int:
    text = text_of(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def read_focus(doc: Doc, kb: KB, day: date | None = None, default: Club | None = None) -> FocusReading:
    """The club mentioned most outside quotes (its people count half, a headline mention
    once more; a player counts for his club on the article's day); a tie goes to the club
    named first. No club or person named: `default` (the FANBOARD_CLUB), else none."""
    counts: Counter[str] = Counter()
    parts: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    head = _headline_end(doc)
    quoted = quoted_tokens(doc)
    for ent in doc.ents:
        if ent.start in quoted:
            continue
        if ent.label_ == "CLUB":
            club, kind, weight = ent.ent_id_, "mention", 1.0
        elif ent.label_ == "PERSON" and (person := kb.person_by_id(ent.ent_id_)) is not None \
                and person.club:
            club, kind, weight = kb.club_of(person, day), "person", PERSON_WEIGHT
        else:
            continue
        headline = ent.start_char < head
        counts[club] += weight * (1 + (HEADLINE_WEIGHT if headline else 0))
        parts.setdefault(club, Counter())[kind] += 1
        parts[club]["headline"] += headline
        first.setdefault(club, ent.start)
    if not counts:
        if default is not None:
            return FocusReading(default, f"no club named: the default ({DEFAULT_CLUB_ENV})")
        return FocusReading(None, "no club named")
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    shown = [_evidence(kb, c, counts[c], parts[c]) for c in ranked[:3]]
    tie = len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]
    return FocusReading(kb.club_by_id(ranked[0]), "; ".join(shown) + ("; tie: the club named first" if tie else ""))


def _evidence(kb: KB, club_id: str, score: float, parts: Counter[str]) -> str:
    club = kb.club_by_id(club_id)
    bits = [f"{parts['mention']} mention{'s' * (parts['mention'] != 1)}"] if parts["mention"] else []
    if parts["person"]:
        bits.append(f"{parts['person']} mention{'s' * (parts['person'] != 1)} of its people")
    if parts["headline"]:
        bits.append("in the headline")
    return f"{club.name if club else club_id} {score:g} ({', '.join(bits)})"


def focus_club(doc: Doc, kb: KB) -> Club | None:
    return read_focus(doc, kb).club


def resolve_shared(doc: Doc, kb: KB, focus: Club | None, day: date | None) -> None:
    """Give every shared surname ("Zapata") the one person the context means, or drop it:
    the bearer named in full elsewhere in the article, else the one at the article's club,
    else the one at a club named in the sentence (a club or its people), else in the
    paragraph; a name none of these decides stays unresolved."""
    ents = list(doc.ents)
    if not any(e.ent_id_.startswith(SHARED) for e in ents):
        return
    named = {e.ent_id_ for e in ents if e.label_ == "PERSON" and not e.ent_id_.startswith(SHARED)}
    out = []
    for ent in ents:
        if not ent.ent_id_.startswith(SHARED):
            out.append(ent)
            continue
        pool = kb.shared(ent.ent_id_[len(SHARED):])
        sent = ent.sent if doc.has_annotation("SENT_START") else doc[:]
        levels = [lambda p: p.id in named, lambda p: focus is not None and kb.club_of(p, day) == focus.id,
                  _at_clubs(kb, ents, sent.start_char, sent.end_char, day),
                  _at_clubs(kb, ents, *_paragraph(text_of(doc), ent.start_char), day)]
        person = _decide(pool, levels)
        if person is not None:
            out.append(Span(doc, ent.start, ent.end, label=ent.label_, span_id=person.id))
    doc.ents = out


def resolve_common_words(doc: Doc, kb: KB, day: date | None) -> None:
    """A surname that is also a common word ("Destro": a right foot; "Calabria": a region) is
    its bearer only where that is safe: written with its capital inside a sentence (not as the
    sentence's first word, nor all in capitals, nor after a words.place_prepositions word: "in
    Calabria"), in a sentence that names his club or one of his team-mates (on the article's day). Anywhere else it is the common word, and no entity."""
    ents = list(doc.ents)
    if not any(e.ent_id_.startswith(COMMON_WORD) for e in ents):
        return
    places = load_rules(doc.lang_).word_set("place_prepositions")
    out = []
    for ent in ents:
        if not ent.ent_id_.startswith(COMMON_WORD):
            out.append(ent)
            continue
        sent = ent.sent if doc.has_annotation("SENT_START") else doc[:]
        first = next((t.i for t in sent if not (t.is_space or t.is_punct)), sent.start)
        word = ent.text
        if ent.start <= first or word.isupper() or not word[:1].isupper() or \
                doc[ent.start - 1].lower_ in places:   # "in Calabria": the region
            continue
        pool = kb.common_word_surnames().get(ent.ent_id_[len(COMMON_WORD):], ())
        at = _at_clubs(kb, ents, sent.start_char, sent.end_char, day)
        fits = [p for p in pool if at(p)]
        if len(fits) == 1:
            out.append(Span(doc, ent.start, ent.end, label=ent.label_, span_id=fits[0].id))
    doc.ents = out


def resolve_list_mates(doc: Doc, kb: KB, day: date | None, coordination: frozenset[str]) -> None:
    """A one-word name standing in a list of another club's players ("A, B, Rossi en C", all of
    one club) is that club's bearer of the surname when the club has exactly one, not the person
    the word names elsewhere (the article club's Rossi is another club's Luca Rossi in a list of
    that club's players). The list's other names (two at least, joined by commas and conjunctions only) must
    all be of that one club."""
    ents = list(doc.ents)
    joins = coordination | {","}
    changed = False
    for i, ent in enumerate(ents):
        person = kb.person_by_id(ent.ent_id_) if ent.label_ == "PERSON" and len(ent) == 1 else None
        if person is None or not person.club:
            continue
        lo = hi = i
        while lo > 0 and all(t.lower_ in joins for t in doc[ents[lo - 1].end:ents[lo].start]):
            lo -= 1
        while hi + 1 < len(ents) and all(t.lower_ in joins for t in doc[ents[hi].end:ents[hi + 1].start]):
            hi += 1
        mates = [kb.person_by_id(n.ent_id_) if n.label_ == "PERSON" else None for n in ents[lo:i] + ents[i + 1:hi + 1]]
        if len(mates) < 2 or None in mates or len({kb.club_of(q, day) for q in mates}) != 1:
            continue
        club = kb.club_of(mates[0], day)
        if not club or club == kb.club_of(person, day):
            continue
        word = normalize(ent.text)
        bearers = [q for q in kb.people if kb.club_of(q, day) == club and normalize(q.name.split()[-1]) == word]
        if len(bearers) == 1:
            ents[i] = Span(doc, ent.start, ent.end, label=ent.label_, span_id=bearers[0].id)
            changed = True
    if changed:
        doc.ents = ents


def _decide(pool: tuple[Person, ...], levels) -> Person | None:
    for fits in levels:
        narrowed = [p for p in pool if fits(p)]
        if len(narrowed) == 1:
            return narrowed[0]
        if narrowed:
            pool = tuple(narrowed)
    return None


def _at_clubs(kb: KB, ents, lo: int, hi: int, day: date | None):
    """Fits the people at a club named between characters lo and hi (or one of its people)."""
    clubs = set()
    for e in ents:
        if lo <= e.start_char < hi and e.label_ == "CLUB":
            clubs.add(e.ent_id_)
        elif lo <= e.start_char < hi and e.label_ == "PERSON" and (p := kb.person_by_id(e.ent_id_)) and p.club:
            clubs.add(kb.club_of(p, day))
    return lambda p: kb.club_of(p, day) in clubs


def _paragraph(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, at)
    hi = text.find("\n\n", at)
    return (0 if lo < 0 else lo, len(text) if hi < 0 else hi)


@Language.factory("fanboard_context", requires=["doc.ents", "token._.in_quote"], assigns=["doc._.context"])
def make_context(nlp: Language, name: str):
    return ContextStarter()


class ContextStarter:
    """Starts doc._.context for the article in doc._.article (set by run_claims; None: id "").
    Like the entity ruler, which gets its patterns after it is
    created, it is given the knowledge base (`kb`) by build_pipeline."""

    def __init__(self) -> None:
        self.kb: KB | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.kb is None:
            raise RuntimeError("fanboard_context has no knowledge base: set its .kb (build_pipeline does)")
        article = doc._.article
        day = article.published if article else None
        reading = read_focus(doc, self.kb, day, default_club(self.kb))
        resolve_shared(doc, self.kb, reading.club, day)
        resolve_common_words(doc, self.kb, day)
        resolve_list_mates(doc, self.kb, day, load_rules(doc.lang_).word_set("coordination"))
        ctx = ArticleContext(self.kb, reading.club, article.id if article else "")
        ctx.focus_evidence = reading.evidence
        doc._.context = ctx
        return doc
