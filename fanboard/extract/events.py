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
from .destinations import destination_moves
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
        # a longer phrase around the cue that means something else (cues.event_not: "in caso di",
        # "ter discussie", "fight for", "scontro diretto"): no event
        idioms = self.s.cue_list("event_not")
        for cue in self.s.cue_list("event"):
            if any(v.start <= cue.start and cue.end <= v.end and len(v) > len(cue) for v in idioms) \
                    or self._negated(cue):
                continue
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
        if etype == "squad_exclusion":   # "X escluso per scelta tecnica": the coach leaves the player out
            coaches, players = self._exclusion_parties(cue)
            if players:
                self.add(etype, coaches, players, match, time, at=cue.start)
            return
        actors = self.parties(cue, etype)
        if etype == "dispute":   # the player sent on in someone's place is no party to the quarrel
            here = s.provenance(self.ctx.article_id).start
            sent_on = {st.player for st in self.statuses
                       if st.status == "substituted_on" and st.provenance.start == here}
            actors = [p for p in actors if p.name not in sent_on] or actors
        agents, targets = event_roles(etype, actors)
        striker = self._directed_agent(cue) if s.attrs(cue).get("directed") else None
        if striker is not None and striker in actors:   # "un pugno sferrato da X al suo allenatore"
            agents, targets = [striker], [p for p in actors if p is not striker]
        self.add(etype, agents, targets, match, time, at=cue.start)

    def _exclusion_parties(self, cue: Span) -> tuple[list[Person], list[Person]]:
        """(coaches, players) of a squad exclusion told by a cue (a coach's decision, not an
        injury: "fuori rosa", "per scelta tecnica"): the people of the cue's clause. A cue marked
        `clitic` ("escluderlo"), or with a words.object_clitics word just before it ("lo ha messo
        fuori rosa"), is about the player named last before it,
        in the sentence or, naming none there, before it in the story."""
        s = self.s
        lo, hi = s.clause(cue.start)
        people = self.actors(within=(lo, hi))
        players = [p for p in people if p.role == "player"]
        clitics = s.rules.word_set("object_clitics")
        clitic = s.attrs(cue).get("clitic") or any(t.lower_ in clitics for t in s.doc[max(lo, cue.start - 3):cue.start])
        if not players and clitic:
            before = [self._person_of(m) for m in s.mentions if m.person is not None and not m.in_quote
                      and m.end <= cue.start]
            before = [p for p in before if p.role == "player"]
            last = before[-1] if before else self.story.player
            players = [last] if last is not None else []
        return [p for p in people if p.role == "coach"], players

    def _directed_agent(self, cue: Span) -> Person | None:
        """The person who struck (cues marked `directed`): the first one after the cue in its
        clause that a words.directed_agent word ('by', 'of') puts right before his name."""
        s = self.s
        _, hi = s.clause(cue.start)
        words = s.rules.word_set("directed_agent")
        for m in s.mentions:
            if m.person is not None and cue.end < m.start < min(hi, cue.end + 6) \
                    and s.doc[m.start - 1].lower_ in words:
                return m.person
        return None

    def parties(self, cue: Span, etype: str) -> list[Person]:
        """Who an event of the cue is about. A quarrel's parties are the people of its clause,
        of one club (a player named elsewhere in the sentence is no party to it); a clause that
        names one of the parties told before, or no one, refers to those parties."""
        previous = [e for e in self.out if e.event_type == etype]
        before = [p for p in (self.ctx.kb.person(n) for n in previous[-1].actors) if p is not None] \
            if previous else []
        if not self.s.names_someone():
            if before:  # "the relationship between the two": the parties told before
                return before
            people = self.actors()
            return [] if etype in QUARRELS and len(people) < 2 else people
        if etype not in QUARRELS:
            return self.actors()
        lo, hi = self.s.clause(cue.start)
        if self._with_official(cue, hi):   # "furious with the referee": no quarrel among the people named
            return []
        between = [t.i for t in self.s.doc[cue.end:min(cue.end + 4, hi)]
                   if t.lower_ in self.s.rules.word_set("parties_between")]
        if between:   # "the row between X and Y": its parties follow, whoever else the clause names
            lo = between[0]
        pair = self._subject_with(cue, hi) if etype == "altercation" else []
        if pair:      # "X was involved in an incident with Y": X and Y, of any clubs
            return pair
        speakers = self._speakers(cue)   # "X has stated that Y ... after a row with Z": X tells it
        named = [p for p in self.actors(within=(lo, hi)) if p not in speakers]
        here = one_club(named, self.ctx.focus)
        if len(here) < 2 and before and (not here or set(here) <= set(before)):
            return before
        if len(here) >= 2:
            return here
        # a coach alone is a party when the cue says with whom ("the row with his coach", "lite
        # tra il tecnico e alcuni giocatori"), never when the other one named is of another club
        # ("lo scontro tra i due allenatori": a match) or when nothing says he quarrels
        if here and here[0].role == "coach" and len(named) == 1 and self._party_after_with(cue, here[0], lo, hi):
            return here
        if not here:   # "he refused, and words flew between the two": the sentence's coach and player,
            # named before the cue ("..., X si affida a Y" after it tells no quarrel of theirs)
            people = one_club([m.person for m in self.s.mentions if m.person is not None and not m.in_quote
                               and m.person.role != "journalist" and m.end <= cue.start], self.ctx.focus)
            return list(dict.fromkeys(people)) if len(set(people)) >= 2 and any(p.role == "coach" for p in people) \
                else []
        # one person at odds with his own club ("the club and its captain on a collision course")
        own = {m.name for m in self.s.clubs() if lo <= m.start < hi}
        return here if here and any((c := self.ctx.kb.club(n)) is not None and c.id == here[0].club for n in own) else []

    def _speakers(self, cue: Span) -> set[Person]:
        """The people who tell the quarrel rather than take part in it: named right before a
        words.speech_verbs word that a words.speech_that word follows before the cue ("X has
        stated that ...", "X ha spiegato che ...", "X zei dat ..."), and not named again after it."""
        s = self.s
        verbs, that = s.rules.word_set("speech_verbs"), s.rules.word_set("speech_that")
        if not verbs or not that:
            return set()
        doc = s.doc
        out: set[Person] = set()
        for m in s.mentions:
            if m.person is None or m.in_quote or m.end >= cue.start:
                continue
            verb = next((t.i for t in doc[m.end:min(m.end + 3, cue.start)] if t.lower_ in verbs), None)
            if verb is None:
                continue
            comp = next((t.i for t in doc[verb + 1:min(verb + 3, cue.start)] if t.lower_ in that), None)
            if comp is None:
                continue
            if not any(n.person is m.person and n.start > comp for n in s.mentions):
                out.add(m.person)
        return out

    def _negated(self, cue: Span) -> bool:
        """Is the cue denied ("no rift", "nessuna lite", "will not leave", "non sarà ceduto",
        "vertrekt X niet")? A words.negation word in its clause up to two words before it, or a
        words.negation_after word up to three words after it (Dutch puts 'niet' after the verb)."""
        s = self.s
        lo, hi = s.clause(cue.start)
        before = s.rules.word_set("negation")
        after = s.rules.word_set("negation_after")
        return any(t.lower_ in before for t in s.doc[max(lo, cue.start - 2):cue.start]) \
            or any(t.lower_ in after for t in s.doc[cue.end:min(hi, cue.end + 3)])

    def _with_official(self, cue: Span, hi: int) -> bool:
        """Is the cue's other party a match official (words.officials right after the cue, or
        after a with/between word there: "polemica con l'arbitro", "boos op de scheidsrechter")?"""
        s = self.s
        officials = s.rules.word_set("officials")
        return any(t.lower_ in officials for t in s.doc[cue.start:min(cue.end + 3, hi)])

    def _party_after_with(self, cue: Span, coach: Person, lo: int, hi: int) -> bool:
        """Does a with/between word (words.quarrel_with, words.parties_between), in the cue or
        after it, stand a few words before the coach ("con il suo allenatore", "with coach X")?"""
        s = self.s
        withs = s.rules.word_set("quarrel_with", "parties_between")
        for m in s.mentions:
            if m.person is not None and self._person_of(m) is coach and cue.start < m.start < hi and not m.in_quote:
                if any(t.lower_ in withs for t in s.doc[max(cue.start, m.start - 4):m.start]):
                    return True
        return False

    def _subject_with(self, cue: Span, hi: int) -> list[Person]:
        """The parties of "<subject> ... <altercation> with <person>" (data: words.parties_with
        ending the cue or right after it): the sentence's first person and the first person after."""
        s = self.s
        withs = [t.i for t in s.doc[cue.end - 1:min(cue.end + 1, hi)] if t.lower_ in s.rules.word_set("parties_with")]
        people = [m for m in s.mentions if m.person is not None and not m.in_quote]
        if not withs or not people or people[0].end > cue.start:
            return []
        after = next((m.person for m in people if m.start > withs[0]), None)
        return [people[0].person, after] if after is not None and after is not people[0].person else []

    def _social_post(self) -> None:
        s, focus = self.s, self.ctx.focus
        if not s.cue_list("social"):
            return
        people = self.actors(journalists=True)
        if people and not any(p.role == "journalist" for p in people):
            cue = s.cue_list("social")[0]
            time = time_near(s, cue, MATCH_TIME_KINDS)
            posters = [p for p in people if p.club == (focus.id if focus else p.club)] or people
            if posters[0].role == "executive":
                # a club executive on its accounts gives the club's word ("the owner confirmed on
                # Twitter that the coach is leaving"): the news he announces, no post of the story's people
                return
            self.add("social_media_post", posters[:1], [], None, time, at=cue.start)

    def _transfer_report(self) -> None:
        """A departure or a club's interest: it concerns the players (or, naming none, the coach)
        its clause names; the other clubs named act in it. Whoever reports it is its source;
        leaving the pitch is no departure, nor is an idiom of cues.departure_not around the cue."""
        s, kb = self.s, self.ctx.kb
        field = s.rules.word_set("playing_field")
        # a longer phrase around the cue that means something else ("lets the shot be stopped",
        # "leaves no room"); a departure_not cue that is the word itself only says it is done
        idioms = s.cue_list("departure_not") + s.cue_list("report_not")   # report_not: a forecast, no report
        cues = [c for c in s.cue_list("departure") + s.cue_list("transfer_interest")
                if not any(t.lower_ in field for t in s.doc[max(c.start - 3, s.span.start):min(c.end + 3, s.span.end)])
                and not any(v.start <= c.start and c.end <= v.end and len(v) > len(c) for v in idioms)
                and not self._years_ago(c) and not self._negated(c)]
        moves = destination_moves(s, self.told, kb, self.story.match, self.story.player)   # "X could return to Y": one event per move
        for person, club, cue in moves:
            expr = time_near(s, cue, STANDING_TIME_KINDS | {"season"})
            prov = s.provenance(self.ctx.article_id, s.certainty_at(cue.start))
            self.out.append(EventClaim("transfer_report", sorted({person.name, club}), None, prov.certainty,
                                       [prov], expr, [club], [person.name]))
        if not cues or moves:
            return
        cue = cues[0]
        targets = self.moved(cue)
        if targets:
            expr = time_near(s, cue, STANDING_TIME_KINDS | {"season"})
            # the clubs the players leave are no party: the KB's club, the one they are at on the
            # article's day (a player the KB keeps at his new club), the one after 'uit/bij'
            article = s.doc._.article
            day = article.published if article is not None else None
            own = {p.club for p in targets if p.club} | {kb.club_of(p, day) for p in targets if p.club}
            if cue.end < s.span.end and s.doc[cue.end].lower_ in s.rules.word_set("departure_from"):
                # "uit Eindhoven": a club's home town stands for the club he leaves
                own |= {kb.club(m.name).id for m in s.mentions if m.label in ("CLUB", "CITY")
                        and m.start == cue.end + 1 and kb.club(m.name)}
            lo, hi = s.clause(cue.start)   # a club named in another clause (an opponent) is no party
            played = [c.anchor for c in self.told if c.named]   # "het treffen met X": X is an opponent
            # a club after a words.transfer_origin word ("from", "dal", "van") is the one he leaves,
            # unless that word is part of the cue ("a bid from X": X bids)
            origin = s.rules.word_set("transfer_origin")
            left = {m.start for m in s.clubs() if m.start > s.span.start and s.doc[m.start - 1].lower_ in origin
                    and not cue.start <= m.start - 1 < cue.end}
            clubs = [m.name for m in s.clubs() if lo <= m.start < hi and kb.club(m.name) is not None
                     and kb.club(m.name).id not in own and not any(a <= m.start < b for a, b in played)
                     and m.start not in left]
            self.add("transfer_report", list(dict.fromkeys(clubs)), targets, None, expr, at=cue.start)

    def _years_ago(self, cue: Span) -> bool:
        """Does the cue's clause date it years back ("his move away from X two years ago")?"""
        lo, hi = self.s.clause(cue.start)
        return any(e.kind == "years_ago" and lo <= a < hi for e, a, b in self.s.times)

    def moved(self, cue: Span) -> list[Person]:
        """Who a departure cue is about: the players of its clause, else its coach; a clause
        that names no one (its subject told earlier in the sentence) refers to the sentence's
        players, unless it names someone the knowledge base does not know."""
        s = self.s
        lo, hi = s.clause(cue.start)
        here = self.actors(within=(lo, hi))
        found = [p for p in here if p.role == "player"]
        pronouns = s.rules.word_set("subject_pronouns")
        if not found and not any(t.lower_ in pronouns for t in s.doc[lo:cue.start]):
            # "mocht hij niet invallen van X en een vertrek ...": not X's; "vertrek van X": his
            found = [p for p in here if p.role == "coach" and not self._coach_as_agent(p, cue, lo, hi)
                     and self._coach_leaving(p, cue, lo)]
        if found or here:
            return found
        if not s.names_someone():   # someone the knowledge base does not know may have left
            lo, hi = s.span.start, s.span.end
        named = {i for m in s.mentions if lo <= m.start < hi for i in range(m.start, m.end)}
        if any(t.pos_ == "PROPN" and t.i not in named for t in s.doc[lo:hi]) or _unknown_full_name(s):
            return []
        return [p for p in self.actors() if p.role == "player"]

    def _coach_leaving(self, coach: Person, cue: Span, lo: int) -> bool:
        """Is the coach the one the cue tells leaving: named before it in its clause ("X could
        leave"), or right after it with a words.departure_of word ("the departure of X", "l'addio
        di X")? One named later is the object of something else ("his exit left X short")."""
        s = self.s
        of = s.rules.word_set("departure_of")
        for m in s.mentions:
            if m.person is coach and not m.in_quote:
                if lo <= m.start < cue.start:
                    return True
                gap = [t for t in s.doc[cue.end:m.start]]
                if m.start >= cue.end and len(gap) <= 3 and any(t.lower_ in of for t in gap):
                    return True
        return False

    def _coach_as_agent(self, coach: Person, cue: Span, lo: int, hi: int) -> bool:
        """'mocht niet invallen van <coach>', 'by <coach>': the coach after an agent word
        (words.passive_agent, words.genitive) acts on someone; he is not the one leaving,
        unless the cue itself is 'departure of <coach>'."""
        s = self.s
        agents = s.rules.word_set("passive_agent", "genitive")
        for m in s.mentions:
            if m.person is coach and lo <= m.start < hi and m.start > s.span.start:
                if s.doc[m.start - 1].lower_ in agents and m.start - 1 != cue.end:
                    return True
        return False

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
            # an exclusion is from a match of its own clause, never from the one the sentence
            # placed the quarrel at ("a row at half-time of X, and then the club put him out of the squad")
            placed = placed and etype != "squad_exclusion"
            if lo <= nearest.anchor[0] < hi or (etype in MATCH_BOUND_EVENTS and placed):
                match = nearest
        elif etype in MATCH_BOUND_EVENTS and (at_match or (etype != "dispute" and self.story.continuity)):
            match = self.story.match
        if match is not None and match.status == "scheduled":
            return None  # nothing has happened yet at a match still to come
        return match

    def actors(self, journalists: bool = False, within: tuple[int, int] | None = None) -> list[Person]:
        """The people the sentence (or the token range `within`) names outside quotes; a
        sentence that names no one refers to the people of the story. Journalists report
        claims and are left out unless asked for."""
        s = self.s
        people = [self._person_of(m) for m in s.mentions if m.person is not None and not m.in_quote
                  and (journalists or m.person.role != "journalist")
                  and (within is None or within[0] <= m.start < within[1])]
        if within is None and not people and not any(m.person is not None for m in s.mentions):
            people = [p for p in self.story.persons if journalists or p.role != "journalist"]
        return list(dict.fromkeys(people))

    def _person_of(self, m) -> Person:
        """The person a mention means here: a coach reached through a description ("il tecnico",
        resolved to the focus club's) is the one coach the sentence names by name, when that one
        is of another club ("Nel Sassuolo De Zerbi ... lite con il tecnico": De Zerbi)."""
        p = m.person
        if p.role != "coach" or not any(e.label_ == "PERSONREF" and e.start == m.start for e in self.s.span.ents):
            return p
        named = {n.person for n in self.s.mentions if n.person is not None and n.person.role == "coach"
                 and not n.in_quote and n.start != m.start
                 and any(e.label_ == "PERSON" and e.start == n.start for e in self.s.span.ents)}
        return next(iter(named)) if len(named) == 1 and next(iter(named)).club != p.club else p

    def add(self, event_type: str, agents: list, targets: list, match: MatchClaim | None,
            time=None, at: int | None = None) -> None:
        """Record an event (people or club names as agents and targets); a second cue of the
        same type in the same sentence adds its parties to the event already found."""
        agent_names = sorted({_name(a) for a in agents})
        target_names = sorted({_name(t) for t in targets} - set(agent_names))
        names = sorted(set(agent_names) | set(target_names))
        if not names:
            return
        certainty = self.s.certainty_at(at) if at is not None else None
        prov = self.s.provenance(self.ctx.article_id, certainty)
        for e in self.out:
            if e.event_type == event_type and e.provenance[0].start == prov.start:
                e.agents = sorted(set(e.agents) | set(agent_names))
                e.targets = sorted((set(e.targets) | set(target_names)) - set(e.agents))
                e.actors = sorted(set(e.agents) | set(e.targets))
                return
        self.out.append(EventClaim(event_type, names, match.key if match else None,
                                   prov.certainty, [prov], time, agent_names, target_names))


# quarrels: every party acts in them (agents), none is only their object
QUARRELS = ("dispute", "altercation")


def event_roles(etype: str, people: list[Person]) -> tuple[list[Person], list[Person]]:
    """(agents, targets) of an event among its people. In a quarrel all are agents; a
    resignation is offered by a coach; a sanction is demanded by the coach against the players
    (never against himself)."""
    coaches = [p for p in people if p.role == "coach"]
    if etype in QUARRELS:
        return people, []
    if etype == "resignation_offer":
        return coaches, []
    if etype == "sanction_demand":
        return coaches, [p for p in people if p.role == "player"]
    return people, []


def one_club(people: list[Person], focus) -> list[Person]:
    """The people of one club: the focus club's when it has any, else the club most of them
    play for (people of no known club stay)."""
    clubs = [p.club for p in people if p.club]
    if len(set(clubs)) <= 1:
        return people
    # a tie goes to the club named first (never to the order of a set, which changes per run)
    best = focus.id if focus is not None and focus.id in clubs else max(dict.fromkeys(clubs), key=clubs.count)
    return [p for p in people if not p.club or p.club == best]


def _name(x) -> str:
    return x if isinstance(x, str) else x.name



def _unknown_full_name(s: SentenceView) -> bool:
    """Does the sentence write a first and last name (two capitalised words inside it) that
    no mention covers: someone the knowledge base does not know, who may be the one moving?"""
    covered = {i for m in s.mentions for i in range(m.start, m.end)}
    doc = s.doc
    def name_like(t) -> bool:
        return t.is_alpha and t.text[:1].isupper() and t.i not in covered
    return any(name_like(doc[i]) and name_like(doc[i + 1]) and doc[i - 1].text not in (".", ":", '"', "“", "(")
               for i in range(s.span.start + 1, s.span.end - 1))
