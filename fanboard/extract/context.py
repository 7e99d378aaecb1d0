"""The article context: the one place where state carries from sentence to sentence.

`fanboard_context` writes `doc._.context`, an `ArticleContext` holding
  - the focus club: the club the article is about (most mentions outside quotes; a club's
    people count half),
  - the people named so far, which decide whom a description ("the captain", "the
    Argentine") means (coreference lives here),
  - the story: for each sentence, the match the text was telling about before it, whether
    the previous sentence went on about that match, and the last people and player named.
    The matches component hands every sentence's matches to `follow`; later components
    read `story(i)`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import KB, Club, KBError, Person
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
        self.mentioned: list[str] = []       # person ids in order of mention (outside quotes)
        self._stories: tuple[Story, ...] = ()

    # --------------------------------------------------------- who is who
    def remember(self, person: Person) -> None:
        self.mentioned.append(person.id)

    def resolve_description(self, refers_to: str) -> Person | None:
        try:
            return self.kb.resolve_description(
                refers_to, self.focus.id if self.focus else None, list(self.mentioned))
        except KBError:
            return None

    def resolve_club_description(self, refers_to: str, doc: Doc) -> Club | None:
        """'gli olandesi', 'the Dutch side' (refers_to "club_country:<Country>"): the one club
        of that country the article names; None when it names none or several."""
        country = refers_to.partition(":")[2]
        named = {e.ent_id_ for e in doc.ents if e.label_ == "CLUB"}
        fits = [c for c in map(self.kb.club_by_id, sorted(named)) if c is not None and c.country == country]
        return fits[0] if len(fits) == 1 else None

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
        for view, claims in zip(views, told):
            stories.append(story)
            story = self._advance(story, view, claims)
        self._stories = tuple(stories)

    def story(self, i: int) -> Story:
        return self._stories[i] if i < len(self._stories) else Story()

    def _advance(self, story: Story, s: "SentenceView", claims: Sequence[MatchClaim]) -> Story:
        match, told = story.match, False
        if claims:
            named = [c for c in claims if c.named] or list(claims)
            match = min(named, key=lambda c: c.anchor[0])
            told = True
        elif s.cue_list("anaphora") and match is not None:
            told = True
        elif story.continuity and (s.cue_list("status") or any(
                s.value(c) in MATCH_BOUND_EVENTS for c in s.cue_list("event"))):
            told = True
        persons = tuple(m.person for m in s.mentions if m.person is not None and not m.in_quote)
        players = [p for p in persons if p.role == "player"]
        return Story(match, told, persons or story.persons, players[-1] if players else story.player)


def focus_club(doc: Doc, kb: KB) -> Club | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "CLUB" and not ent[0]._.in_quote:
            counts[ent.ent_id_] += 1
            first.setdefault(ent.ent_id_, ent.start)
        elif ent.label_ == "PERSON" and not ent[0]._.in_quote:
            person = kb.person_by_id(ent.ent_id_)
            if person is not None and person.club:
                counts[person.club] += 0.5   # a club's people count towards it
                first.setdefault(person.club, ent.start)
    if not counts:
        return None
    best = max(counts, key=lambda c: (counts[c], -first[c]))
    return kb.club_by_id(best)


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
        doc._.context = ArticleContext(self.kb, focus_club(doc, self.kb), article.id if article else "")
        return doc
