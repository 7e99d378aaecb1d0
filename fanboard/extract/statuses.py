"""Player statuses: started, came on, went off, left out, captain, contract, joined, leaving.

`fanboard_statuses` reads doc._.sentences and the matches they tell (doc._.matches) and
writes `doc._.statuses`, a list of StatusClaim in sentence order. A status for a match
names the match the cue's clause tells, or the one the story is about; standing facts
(contract, joined, expected departure) name no match but a time.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import Person
from ..pieces import token_texts
from .claims import MatchClaim, StatusClaim
from .context import ArticleContext, Story
from .matchmerge import chained, match_for, nearest_claim, reachable
from .destinations import destination_moves
from .prematch import prematch_change
from .sentence import Mention, SentenceView

STANDING_TIME_KINDS = {"month", "season", "mid_year", "year", "date", "since_year", "years_ago"}


@Language.factory("fanboard_statuses", requires=["doc._.sentences", "doc._.matches", "doc._.context"],
                  assigns=["doc._.statuses"])
def make_status_finder(nlp: Language, name: str):
    return StatusFinder()


class StatusFinder:
    def __call__(self, doc: Doc) -> Doc:
        ctx: ArticleContext = doc._.context
        out: list[StatusClaim] = []
        for view, told in zip(doc._.sentences, doc._.matches):
            _SentenceStatuses(view, list(told.claims), ctx.story(view.index), ctx, out).find()
        doc._.statuses = out
        return doc


def _bracket(s: SentenceView, i: int) -> int | None:
    """The token that opens the round bracket token `i` stands in, within the sentence; None outside."""
    depth_open: list[int] = []
    for tok in s.doc[s.span.start:i]:
        if tok.text == "(":
            depth_open.append(tok.i)
        elif tok.text == ")" and depth_open:
            depth_open.pop()
    return depth_open[-1] if depth_open else None


def time_after(s: SentenceView, i: int):
    return next((expr for expr, a, b in s.times if a >= i), None)


def time_near(s: SentenceView, cue: Span, kinds: set[str]):
    cands = [(e, a, b) for e, a, b in s.times if e.kind in kinds]
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t[1] - cue.end), abs(cue.start - t[2])))[0]


SUBSTITUTIONS = {"substituted_on", "substituted_off"}


class _SentenceStatuses:
    """The statuses of one sentence, added to `out` (the article's statuses so far)."""

    def __init__(self, s: SentenceView, told: list[MatchClaim], story: Story, ctx: ArticleContext,
                 out: list[StatusClaim]):
        self.s, self.told, self.story, self.ctx, self.out = s, told, story, ctx, out

    def find(self) -> None:
        s = self.s
        for person in s.captains:
            self.add(person, "captain", None, s.certainty)
        pairs = self._substitution_pairs()
        for cue in s.cue_list("status"):
            if any(cue.start < b and a < cue.end for a, b in pairs):
                continue   # "<coach> replaced X with Y": the pair tells who went off and who came on
            if s.value(cue) != "none":   # e.g. "started on the bench": says no status of its own
                self._cue_statuses(cue)
        self._standing_facts()

    def add(self, person: Person, status: str, match: MatchClaim | None, certainty: str, time=None) -> None:
        prov = self.s.provenance(self.ctx.article_id, certainty)
        key = match.key if match else None
        for existing in self.out:
            if existing.player == person.name and existing.status == status and \
                    existing.match_key == key and existing.provenance.start == prov.start:
                return
        self.out.append(StatusClaim(person.name, status, key, "", certainty, prov, time))

    def _matches_of(self, cue: Span) -> list[MatchClaim | None]:
        """The matches a status cue is about: the one its clause tells (or the story's), and
        those listed together with it ("né contro il Westmoor né contro il Greenvale")."""
        s, told = self.s, self.told
        # a match told in brackets the cue is not in ("entra X (zero minuti contro Y)") is an aside
        told = [c for c in told if _bracket(s, c.anchor[0]) in (None, _bracket(s, cue.start))]
        # none, or only a club without its opponent beyond a break ("..., but it ended 0-2")
        if not told or not (any(c.named for c in told) or reachable(s, told, cue.start)):
            return [match_for(s, [], self.story, cue, carry=True) or self.story.match]
        clause = s.clause(cue.start)
        in_clause = [c for c in told if c.named and clause[0] <= c.anchor[0] < clause[1]]
        reach = reachable(s, told, cue.start)
        # "left out of the squad for the trip to X": the match the status is for follows it
        ahead = sorted((c for c in reach if c.named and cue.end <= c.anchor[0] < clause[1]),
                       key=lambda c: c.anchor[0])
        if ahead and len(reach) > 1:
            target = ahead[0]
        else:
            target = nearest_claim(reach, cue.start, cue.end) if reach else None
        if target in in_clause and len(in_clause) > 1:
            return chained(s, in_clause, target)
        story = self.story.match
        if target is not None and not target.named and target.subject_goals is None \
                and target.time is None and story is not None and story.named \
                and target.subject in (story.subject, story.opponent):
            return [story]   # "… la sfida tra X e Y. Z non prenderà parte alla partita": that match
        return [target] if target else []

    def _cue_statuses(self, cue: Span) -> None:
        s = self.s
        attrs, status = s.attrs(cue), s.value(cue)
        slot = attrs.get("slot", "first")
        certainty = s.certainty_at(cue.start)
        if self._against_unknown(cue) or self._conditional(cue) or self._negated(cue):
            return
        change = prematch_change(s, cue) or self._change_after_absence(cue)   # "X (ankle) was replaced by Y": a line-up change
        for match in self._matches_of(cue):
            if match is not None and match.status == "scheduled" and change is None \
                    and {status, attrs.get("other")} <= SUBSTITUTIONS | {None}:
                continue   # "he left the pitch at half-time, replaced by X": not the match still to come
            if change is not None:
                for status, people in zip(("left_out", "started"), change):
                    for p in people:
                        self.add(p, status, match, certainty)
                continue
            for p in self.targets(cue, slot):
                self.add(p, status, match, certainty)
            if attrs.get("other"):
                other_slot = {"before": "after", "after": "before"}.get(slot, "after")
                for p in self.targets(cue, other_slot):
                    self.add(p, attrs["other"], match, certainty)

    def _negated(self, cue: Span) -> bool:
        """Is the cue denied ("non è squalificato", "non va in tribuna")? A words.negation word in
        its clause up to two words before it. A cue that holds its own negation ("non convocato")
        says the status itself. (Not a Dutch 'niet' after it: "de afwezige X niet fit" is no denial.)"""
        s = self.s
        lo, _ = self.clause(cue.start)
        before = s.rules.word_set("negation")
        return any(t.lower_ in before for t in s.doc[max(lo, cue.start - 2):cue.start])

    def _conditional(self, cue: Span) -> bool:
        """'se X dovesse farcela giocherà dal primo minuto': a clause opened by a condition
        (words.conditional) before the cue tells what may happen, no status."""
        lo, _ = self.clause(cue.start)
        words = self.s.rules.word_set("conditional")
        return any(t.lower_ in words for t in self.s.doc[lo:cue.start])

    def _change_after_absence(self, cue: Span) -> tuple[list[Person], list[Person]] | None:
        """'X was replaced by Y' or 'X ..., al suo posto Y' where the article already told X left
        out ("started without X (ill)", "X va in tribuna"): a change of the line-up, X left out
        and Y started, not a substitution."""
        s = self.s
        absent = {st.player for st in self.out if st.status == "left_out"}
        attrs = s.attrs(cue)
        if s.value(cue) == "substituted_on" and attrs.get("other") == "substituted_off" \
                and attrs.get("slot") == "after":
            # "X va in tribuna, al suo posto Y": the one left out is named before the cue,
            # in its clause or the sentence's clause before it
            off = self.targets(cue, "before")
            if not off or any(p.name not in absent for p in off):
                return None
            started = self.targets(cue, "after")
            return (off, started) if started else None
        if s.value(cue) != "substituted_off" or not attrs.get("other"):
            return None
        lo, _ = self.clause(cue.start)
        before = [m for m in s.players() if lo <= m.start and m.end <= cue.start]
        if not before or any(m.person.name not in absent for m in before):
            return None
        started = self.targets(cue, "after")
        return (list(dict.fromkeys(m.person for m in before)), started) if started else None

    def _against_unknown(self, cue: Span) -> bool:
        """'X, die tegen Sparta ontbrak, ...': the cue's clause names, after 'against'
        (words.status_against), a club the knowledge base lacks: a status in another match."""
        s = self.s
        lo, hi = self.clause(cue.start)
        against = s.rules.word_set("status_against")
        for t in s.doc[lo:hi - 1]:
            nxt = s.doc[t.i + 1]
            if t.lower_ in against and nxt.text[:1].isupper() and not any(
                    m.start <= nxt.i < m.end for m in s.mentions):
                return True
        return False

    def _substitution_pairs(self) -> list[tuple[int, int]]:
        """'<on> for <off>': the pair of a substitution, in the order the cue gives ("first":
        the status of the first name, else substituted_on). Returns the spans of the pairs found."""
        s = self.s
        subs = [c for c in s.cue_list("status") if s.value(c) in ("substituted_on", "substituted_off")]
        if not subs:
            return []
        found: list[tuple[int, int]] = []
        match = match_for(s, self.told, self.story, subs[0], carry=True) or self.story.match
        if match is not None and match.status == "scheduled":
            return []   # a substitution is not told of the match still to come
        genitive = s.rules.word_set("genitive")
        for cue in s.cue_list("sub_pair"):
            people = [m for m in s.players() if m.start >= cue.start and m.end <= cue.end]
            if cue.start > s.span.start and s.doc[cue.start - 1].lower_ in genitive:
                continue   # "un cross di X per Y": a pass from one to the other, no substitution
            if len(people) == 2:
                certainty = s.certainty_at(cue.start)
                first = s.attrs(cue).get("first", "substituted_on")
                second = "substituted_on" if first == "substituted_off" else "substituted_off"
                self.add(people[0].person, first, match, certainty)
                self.add(people[1].person, second, match, certainty)
                found.append((cue.start, cue.end))
        return found

    def _standing_facts(self) -> None:
        """Contract, joined, expected departure: facts about a player, with a time, no match."""
        s, focus = self.s, self.ctx.focus
        players = s.players()
        for cue in s.cue_list("contract"):
            expr = time_after(s, cue.start)
            target = self.targets(cue, "first")
            if expr is not None and target:
                self.add(target[0], "contract_until", None, s.certainty_at(cue.start), time=expr)
        first_person = next((m.person for m in s.mentions if m.person is not None and not m.in_quote), None)
        for cue in s.cue_list("joined"):
            year = next((e for e, a, b in s.times if e.kind in ("year", "since_year", "years_ago")), None)
            target = self.targets(cue, "first")
            if year is not None and target and target[0] is first_person:
                self.add(target[0], "joined", None, s.certainty_at(cue.start), time=year)
        for expr, a, b in s.times:
            if expr.kind == "since_year" and players and first_person is players[0].person and (
                    s.cue_list("club_word") or any(m.label == "CLUB" and focus and m.name == focus.name
                                                   for m in s.mentions)):
                self.add(players[0].person, "joined", None, s.certainty_at(a), time=expr)
        cue = next((c for c in s.cue_list("departure") if self._departure_stands(c)), None)
        if cue is not None:
            expr = time_near(s, cue, STANDING_TIME_KINDS | {"season"})
            # a sentence that tells moves with their destination: the departures are those moves'
            moved = {p.id for p, _, _ in destination_moves(s, self.told, self.ctx.kb, self.story.match)}
            for p in self._departure_targets(cue):
                if moved and p.id not in moved:
                    continue
                self.add(p, "expected_departure", None, s.certainty_at(cue.start), time=expr)

    def _departure_stands(self, cue: Span) -> bool:
        """A departure cue that says a player is leaving: not one inside a phrase that says
        something else ("leave the pitch", data: cues.departure_not), nor one whose clause
        dates it in the past ("two years ago")."""
        s = self.s
        if any(v.start <= cue.start and cue.end <= v.end for v in s.cue_list("departure_not")):
            return False
        lo, hi = self.clause(cue.start)
        return not any(e.kind == "years_ago" and lo <= a < hi for e, a, b in s.times)

    def _departure_targets(self, cue: Span) -> list[Person]:
        """The players of the departure cue's clause; the story's player only when the
        sentence names no one at all."""
        lo, hi = self.clause(cue.start)
        in_clause = [m for m in self.s.players() if lo <= m.start < hi]
        left = self._club_left(cue)
        if left is not None:   # "vertrekt uit Eindhoven": a move from another club than the KB's
            in_clause = [m for m in in_clause if (c := self.ctx.kb.club_by_id(m.person.club)) and c.name == left]
            if not in_clause:
                return []
        if in_clause:
            return list(dict.fromkeys(m.person for m in in_clause))
        if self.s.players():
            return []
        if any(m.label == "CLUB" and lo <= m.start < cue.start for m in self.s.mentions):
            return []   # "la Roma ha lasciato le penne a ...": a club leaves something, no player is leaving
        return self._targets_in(cue, "sentence", [])

    def _club_left(self, cue: Span) -> str | None:
        """The club (or its town) right after 'from' after a departure cue (words.departure_from)."""
        s, doc = self.s, self.s.doc
        if cue.end < s.span.end and doc[cue.end].lower_ in s.rules.word_set("departure_from"):
            m = next((m for m in s.mentions if m.start == cue.end + 1 and m.label in ("CLUB", "CITY")), None)
            return m.name if m is not None else None
        return None

    # -------------------------------------------------------------- who
    def clause(self, at: int) -> tuple[int, int]:
        """The sentence's clause around token `at`, cut also at the words that open a clause
        of its own for a status ("waardoor", "because": data words.status_clause_breaks)."""
        lo, hi = self.s.clause(at)
        breaks = self.s.rules.word_set("status_clause_breaks")
        lowers = token_texts(self.s.doc)[1]
        for i in range(lo, hi):
            if lowers[i] in breaks and i < at:
                lo = i + 1
            elif lowers[i] in breaks and i > at:
                return lo, i
        return lo, hi

    def targets(self, cue: Span, slot: str) -> list[Person]:
        """The players a status cue is about, looked for in the cue's clause first, then the sentence."""
        s = self.s
        if slot in ("first", "before", "after", "next"):
            lo, hi = self.clause(cue.start)
            in_clause = self._targets_in(cue, slot, [m for m in s.players() if lo <= m.start < hi], clause=True)
            if in_clause:
                return self._whole_list(in_clause, cue, lo, hi)
        if slot == "after" and self._unknown_name(cue):
            return []   # "kan niet beschikken over <a name the KB lacks>, waardoor X ...": not X
        # a subject beyond the clause, not across a contrastive break ("…, mentre X si candida")
        players = [m for m in s.players() if slot != "first" or not s.broken(m.start, cue.start)]
        return self._targets_in(cue, slot, players)

    def _whole_list(self, people: list[Person], cue: Span, lo: int, hi: int) -> list[Person]:
        """The clause's players and the rest of the list they stand in, when the commas of
        a list cut it into clauses: "X, Y en Z kregen een basisplaats". Only a list that
        ends with a conjunction, only on the cue's side of it, and only the list a mention in
        the clause (lo, hi) stands in, not one that names the same player earlier."""
        players = self.s.players()
        idx = [i for i, m in enumerate(players) if m.person in people and lo <= m.start < hi]
        if not idx:
            return people
        group = self._coordinated(players, idx[0])
        side_before = players[idx[0]].end <= cue.start
        if len(group) <= len(idx) or any((m.end <= cue.start) != side_before for m in group):
            return people
        doc, coord = self.s.doc, self.s.rules.word_set("coordination")
        gaps = [t for a, b in zip(group, group[1:]) for t in doc[a.end:b.start]]
        if not any(t.lower_ in coord and t.is_alpha for t in gaps):
            return people
        return list(dict.fromkeys(people + [m.person for m in group]))

    def _targets_in(self, cue: Span, slot: str, players: list[Mention], clause: bool = False) -> list[Person]:
        s = self.s
        before = [m for m in players if m.end <= cue.start]
        if slot == "first":
            # the subject: the first player if it stands before the cue, else the nearest before
            if players and players[0].end <= cue.start:
                chosen = self._coordinated(players, 0)
            elif before:
                chosen = self._coordinated(before, len(before) - 1)
            elif clause:
                chosen = []   # the subject may stand before the clause: look in the sentence
            else:
                chosen = self._coordinated(players, 0)
        elif slot == "before":
            chosen = self._coordinated(before, len(before) - 1) if before else []
            after = [m for m in players if m.start >= cue.end]
            if any(m.person is not None and m.person.role == "coach" and m.end == cue.start for m in s.mentions):
                chosen = self._coordinated(after, 0) if after else []   # "<coach> started <player>": the object
            elif s.attrs(cue).get("transitive") and after and after[0].start == cue.end:
                chosen = self._coordinated(after, 0)   # "benched X and started Y": the player after the verb
        elif slot == "after":   # a name may share its first token with the cue ("… dell'|argentino")
            after = [m for m in players if m.start >= cue.end or (m.start > cue.start and m.end > cue.end)]
            named_by = s.attrs(cue).get("named_by", ())   # "opted for two midfielders in X and Y": X, Y
            first = next((i for i, m in enumerate(after) if s.doc[m.start - 1].lower_ in named_by), 0)
            chosen = self._coordinated(after, first) if after else []
        elif slot == "next":   # the player right after the cue, and those listed with him ("begint met X, Y en Z")
            after = [m for m in players if m.start >= cue.end]
            chosen = self._coordinated(after, 0) if after and after[0].start == cue.end else []
        elif slot in ("inside", "around"):
            chosen = [m for m in players if m.start >= cue.start and m.end <= cue.end]
            if not chosen and slot == "around" and before:   # "X bleef op de bank" as well as "bleef X op de bank"
                chosen = self._coordinated(before, len(before) - 1)
        else:  # sentence
            chosen = players
        people = [m.person for m in chosen]
        if not people and slot in ("first", "before", "sentence") and not s.names_someone() and self.story.player \
                and not self._unknown_name(cue):
            people = [self.story.player]
        return list(dict.fromkeys(people))

    def _unknown_name(self, cue: Span) -> bool:
        """Does the cue's clause hold a capitalised name that is no mention (a person the KB
        lacks)? Then the status is about that one, not the story's player."""
        lo, hi = self.clause(cue.start)
        covered = {i for m in self.s.mentions for i in range(m.start, m.end)}
        doc = self.s.doc
        # a first and a last name, both capitalised ("Jan Pietersen"); one capitalised word
        # alone may be a description ("de Sloveen")
        return any(t.is_title and doc[t.i + 1].is_title and t.i not in covered and t.i + 1 not in covered
                   and not t.is_sent_start for t in doc[lo:hi - 1])

    def _coordinated(self, mentions: list[Mention], i: int) -> list[Mention]:
        """The mention at i and those joined to it by 'and', 'en', 'e', commas: 'X en Y', 'X, Y and Z'."""
        if not mentions:
            return []
        doc = self.s.doc
        coord = self.s.rules.word_set("coordination") or frozenset({",", "and"})

        def joined(a: Mention, b: Mention) -> bool:
            # only conjunctions and commas between, besides an aside in brackets after the first
            # ("A (ziek) en B"); brackets alone are an apposition, not a list
            gap = [t for t in doc[a.end:b.start]]
            if gap and gap[0].text == "(" and ")" in [t.text for t in gap]:
                close = [t.text for t in gap].index(")")
                rest = gap[close + 1:]
                return bool(rest) and all(t.lower_ in coord for t in rest) and "(" not in [t.text for t in rest]
            return bool(gap) and all(t.lower_ in coord for t in gap)

        group = [mentions[i]]
        j = i
        while j + 1 < len(mentions) and joined(mentions[j], mentions[j + 1]):
            j += 1
            group.append(mentions[j])
        j = i
        while j - 1 >= 0 and joined(mentions[j - 1], mentions[j]):
            j -= 1
            group.insert(0, mentions[j])
        return group
