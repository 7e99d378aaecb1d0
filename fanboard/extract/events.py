"""Events: disputes, altercations, resignation offers, social-media posts, transfer reports.

`fanboard_events` reads doc._.sentences, the matches they tell and the statuses already
found (the player sent on in someone's place is no party to a quarrel) and writes
`doc._.events`, a list of EventClaim in sentence order. One event of a type per sentence;
a sentence that names no one refers to the parties told before.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import Person
from .claims import EventClaim, MatchClaim, StatusClaim
from .context import MATCH_BOUND_EVENTS, ArticleContext, Story
from .matchmerge import nearest_claim
from .matches import MATCH_TIME_KINDS
from .sentence import SentenceView
from .statuses import STANDING_TIME_KINDS, time_near


@Language.factory("fanboard_events",
                  requires=["doc._.sentences", "doc._.matches", "doc._.statuses", "doc._.context"],
                  assigns=["doc._.events"])
def make_event_finder(nlp: Language, name: str):
    return EventFinder()


class EventFinder:
    def __call__(self, doc: Doc) -> Doc:
        ctx: ArticleContext = doc._.context
        out: list[EventClaim] = []
        for view, told in zip(doc._.sentences, doc._.matches):
            _SentenceEvents(view, list(told.claims), ctx.story(view.index), ctx, doc._.statuses, out).find()
        doc._.events = out
        return doc


class _SentenceEvents:
    """The events of one sentence, added to `out` (the article's events so far)."""

    def __init__(self, s: SentenceView, told: list[MatchClaim], story: Story, ctx: ArticleContext,
                 statuses: list[StatusClaim], out: list[EventClaim]):
        self.s, self.told, self.story, self.ctx, self.statuses, self.out = s, told, story, ctx, statuses, out

    def find(self) -> None:
        seen_types = set()
        for cue in self.s.cue_list("event"):
            etype = self.s.value(cue)
            if etype not in seen_types:
                seen_types.add(etype)
                self._cue_event(cue, etype)
        self._social_post()
        self._transfer_report()

    def _cue_event(self, cue: Span, etype: str) -> None:
        s = self.s
        match = self.event_match(cue, etype)
        time = time_near(s, cue, MATCH_TIME_KINDS | {"recent"})
        actors = self.actors()
        if etype == "dispute":   # the player sent on in someone's place is no party to the quarrel
            here = s.provenance(self.ctx.article_id).start
            sent_on = {st.player for st in self.statuses
                       if st.status == "substituted_on" and st.provenance.start == here}
            actors = [p for p in actors if p.name not in sent_on] or actors
        if not s.names_someone():
            previous = [e for e in self.out if e.event_type == etype]
            if previous:  # "the relationship between the two": the parties told before
                actors = [p for p in (self.ctx.kb.person(n) for n in previous[-1].actors) if p is not None]
            elif etype in ("dispute", "altercation") and len(actors) < 2:
                return  # a quarrel named without its parties, and no earlier one to refer to
        self.add(etype, actors, match, time, at=cue.start)

    def _social_post(self) -> None:
        s, focus = self.s, self.ctx.focus
        if not s.cue_list("social"):
            return
        people = self.actors(journalists=True)
        if people and not any(p.role == "journalist" for p in people):
            cue = s.cue_list("social")[0]
            time = time_near(s, cue, MATCH_TIME_KINDS)
            posters = [p for p in people if p.club == (focus.id if focus else p.club)] or people
            self.add("social_media_post", posters[:1], None, time, at=cue.start)

    def _transfer_report(self) -> None:
        s, kb = self.s, self.ctx.kb
        cues = s.cue_list("departure") + s.cue_list("transfer_interest")
        if not cues:
            return
        cue = cues[0]
        people = self.actors(journalists=True)
        if any(p.role == "player" for p in people) or any(p.role == "coach" for p in people):
            expr = time_near(s, cue, STANDING_TIME_KINDS | {"season"})
            own = {p.club for p in people if p.club}
            clubs = [m.name for m in s.clubs() if kb.club(m.name) is not None and kb.club(m.name).id not in own]
            self.add("transfer_report", people, None, expr, at=cue.start, extra_actors=clubs)

    def event_match(self, cue: Span, etype: str) -> MatchClaim | None:
        """The match an event happened at: a match told in the same clause, or, for events that
        happen at matches, one the sentence places it at ("in de rust van", "during", "negli
        spogliatoi") or the story goes on about. Never a match still to come."""
        s, told = self.s, self.told
        at_match = bool(s.cue_list("played") or s.cue_list("anaphora"))
        match = None
        if told:
            nearest = nearest_claim(told, cue.start, cue.end)
            lo, hi = s.clause(cue.start)
            mlo, mhi = s.clause(nearest.anchor[0])
            placed = any(mlo <= c.start < mhi for kind in ("played", "anaphora") for c in s.cue_list(kind))
            if lo <= nearest.anchor[0] < hi or (etype in MATCH_BOUND_EVENTS and placed):
                match = nearest
        elif etype in MATCH_BOUND_EVENTS and (at_match or (etype != "dispute" and self.story.continuity)):
            match = self.story.match
        if match is not None and match.status == "scheduled":
            return None  # nothing has happened yet at a match still to come
        return match

    def actors(self, journalists: bool = False) -> list[Person]:
        s = self.s
        people = [m.person for m in s.mentions if m.person is not None and not m.in_quote
                  and (journalists or m.person.role != "journalist")]
        if not people and not any(m.person is not None for m in s.mentions):
            people = [p for p in self.story.persons if journalists or p.role != "journalist"]
        return list(dict.fromkeys(people))

    def add(self, event_type: str, actors: list[Person], match: MatchClaim | None,
            time=None, at: int | None = None, extra_actors: list[str] = ()) -> None:
        if not actors:
            return
        certainty = self.s.certainty_at(at) if at is not None else None
        prov = self.s.provenance(self.ctx.article_id, certainty)
        names = sorted({p.name for p in actors} | set(extra_actors))
        for e in self.out:
            if e.event_type == event_type and e.provenance[0].start == prov.start:
                e.actors = sorted(set(e.actors) | set(names))
                return
        self.out.append(EventClaim(event_type, names, match.key if match else None,
                                   prov.certainty, [prov], time))
