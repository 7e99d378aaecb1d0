"""Claims from lineup blocks: the match two team sheets describe, and every player's status.

`lineup_text.read_lineups` reads the blocks; this module decides who the names are and which
match it was, and writes claims:

- two consecutive sheets of two different clubs are one match: the article's own claim about
  that pair when it has one, else a new claim, `played` when the block lists changes or goals;
  outlets usually print the home side first, but not always, so the printed order is only a
  hint that chooses between the calendar's fixtures of the pair;
- a single sheet belongs to the one match of the article that involves its club and names both
  teams; with none or several, its players get no status (a status needs its match);
- a name is looked up among the people of the sheet's own club only ("Rossi" in another club's
  sheet is not the focus club's Rossi); a name the knowledge base lacks is kept as a learned
  name of that club, never added to the knowledge base;
- starters are `started`, a player replaced is `substituted_off` and the one who came on
  `substituted_on` (with the minute as value), listed substitutes who did not come on are
  `unused_substitute`, a "(c)" mark is `captain` (no match: captaincy is a standing fact, as in
  prose);
- a sheet announced as a guess (`predicted`) gives nothing;
- a goal line ("Marcatori: 85' X") gives goals of the block's match: the scorer is looked up in
  both clubs (a name both have, or neither, gives no goal), and an own goal counts for the other
  club.
"""
from __future__ import annotations

from collections import Counter

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..pieces import text_of
from ..kb import KB, Club, Person, normalize
from .claims import GoalClaim, MatchClaim, Provenance, StatusClaim
from .lineup_text import GoalLine, LineupText, Name, TeamSheet, read_lineups
from .ratings import rating_row_statuses, rating_statuses


@dataclass(frozen=True)
class LearnedName:
    """A name in a KB club's lineup that the knowledge base lacks."""
    name: str
    club: str            # canonical club name
    article_id: str
    start: int
    end: int


@dataclass
class LineupClaims:
    matches: list[MatchClaim]
    statuses: list[StatusClaim]
    learned: list[LearnedName]
    goals: list[GoalClaim]


@lru_cache(maxsize=4)
def club_finder(kb: KB):
    """A lookup that also knows clubs printed in capitals ('NORDIA', 'SUDA FC') and a club's
    name by its first or last words ('Orbury' for 'Orbury Town'). One per knowledge base: the
    lineup reader asks it about every 'Words:' of every article, so the club names are
    normalised once and each answer is kept."""
    names = [(normalize(c.name), c) for c in kb.clubs]

    @lru_cache(maxsize=1 << 15)
    def club_of(text: str) -> Club | None:
        club = kb.club(text)
        if club is None and text.isupper():
            club = kb.club(text.title())
        if club is None:
            folded = normalize(text)
            club = next((c for n, c in names if n.endswith(" " + folded) or n.startswith(folded + " ")),
                        None) if len(folded) > 4 else None
        return club
    return club_of


# _people_index per knowledge base (the one a process loaded, kept to tell it from a reloaded one)
# and club: every lineup and ratings list looks its clubs up, and the index reads the whole KB
_INDEXES: dict[int, tuple[KB, dict[str, dict[str, Person]]]] = {}


def _people_index(kb: KB, club: Club) -> dict[str, Person]:
    """The club's people by name, alias and surname: those of people.csv and those who were at the
    club for part of the season (memberships.csv: a January move). Worked out once per KB and
    club; callers only read it."""
    held = _INDEXES.get(id(kb))
    if held is None or held[0] is not kb:
        _INDEXES.clear()
        held = _INDEXES[id(kb)] = (kb, {})
    by_club = held[1]
    if club.id not in by_club:
        by_club[club.id] = _build_people_index(kb, club)
    return by_club[club.id]


def _build_people_index(kb: KB, club: Club) -> dict[str, Person]:
    index: dict[str, Person] = {}
    ambiguous: set[str] = set()
    people = [q for q in kb.people if q.club == club.id or club.id in kb.clubs_of(q)]
    for p in people:
        for form in (p.name, *p.aliases, p.name.split()[-1]):
            key = normalize(form)
            if key in index and index[key] != p:
                ambiguous.add(key)
            index[key] = p
    # then the surnames of several words ("Di Lorenzo" of "Giovanni Di Lorenzo", withheld as an
    # alias in prose) and the last word of an alias ("Traoré" of "Amad Traoré"), where they name
    # one person of the club and no name or alias of the first pass
    second: dict[str, Person] = {}
    for p in people:
        words = p.name.split()
        forms = [" ".join(words[i:]) for i in range(1, len(words) - 1)] + \
                [a.split()[-1] for a in p.aliases if len(a.split()) > 1]
        for key in {normalize(f) for f in forms} - index.keys():
            if key in second and second[key] != p:
                ambiguous.add(key)
            second[key] = p
    index.update(second)
    out = _Index({k: v for k, v in index.items() if k not in ambiguous})
    out.weak = frozenset(second)
    return out


class _Index(dict):
    """A club's people by name; `weak`: the keys of the second pass (a surname of several
    words, an alias's last word), which yield to another club's name or alias."""
    weak: frozenset = frozenset()


def _person(index: dict[str, Person], name: Name) -> Person | None:
    key = normalize(name.text)
    if key in index:
        return index[key]
    if "’" in key and key.replace("’", "'") in index:   # "D’Ambrosio": the typographic apostrophe
        return index[key.replace("’", "'")]
    # "G. Donnarumma", "J. Andersson": the initial must agree with the first name
    parts = name.text.replace(".", ". ").split()
    if len(parts) >= 2 and len(parts[0].rstrip(".")) == 1:
        p = index.get(normalize(" ".join(parts[1:])))
        if p and p.name[:1].lower() == parts[0][:1].lower():
            return p
    return None


class _Sheets:
    """Turns the sheets of one article into claims."""

    def __init__(self, article_id: str, text: str, kb: KB, club_of, existing: list[MatchClaim]):
        self.article_id, self.text, self.kb, self.club_of = article_id, text, kb, club_of
        self.existing = existing
        self.out = LineupClaims([], [], [], [])
        self.goals = False

    def provenance(self, sheet: TeamSheet) -> Provenance:
        return self.span(sheet.start, sheet.end)

    def span(self, start: int, end: int) -> Provenance:
        """Provenance of text[start:end] without its surrounding white space (offsets exact)."""
        raw = self.text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        return Provenance(self.article_id, start, end, self.text[start:end], "confirmed")

    def run(self, lineups: LineupText) -> LineupClaims:
        sheets = [s for s in lineups.sheets if not s.predicted]
        self.goals = bool(lineups.goals)
        goals_used = False          # a goal line belongs to the first match a block describes
        i = 0
        while i < len(sheets):
            a = sheets[i]
            b = sheets[i + 1] if i + 1 < len(sheets) else None
            ca = self.club_of(a.team.text)
            cb = self.club_of(b.team.text) if b else None
            if b is not None and cb is not None and ca is not None and ca.id != cb.id:
                match = self.new_match(ca, cb, a, b)
                self.statuses(a, ca, match)
                self.statuses(b, cb, match)
                if not goals_used:
                    self.goal_claims(lineups.goals, ca, cb, match)
                    goals_used = True
                i += 2
                continue
            if ca is not None:
                match = self.known_match(ca)
                if match is not None:
                    self.statuses(a, ca, match)
            i += 1
        return self.out

    def new_match(self, first: Club, second: Club, a: TeamSheet, b: TeamSheet) -> MatchClaim:
        pair = {first.name, second.name}
        known = [m for m in self.existing if m.named and {m.subject, m.opponent} == pair]
        if len({(m.subject, m.opponent) for m in known}) == 1:
            return known[0]
        n = len(self.out.matches) + 1
        played = bool(a.substitutions or b.substitutions or self.goals)
        claim = MatchClaim(key=f"{self.article_id}#l{n}", article_id=self.article_id, subject=first.name,
                           opponent=second.name, order_hint="home", status="played" if played else None)
        claim.provenance.append(self.provenance(a))
        claim.provenance.append(self.provenance(b))
        claim.anchor = (a.start, b.end)
        self.out.matches.append(claim)
        return claim

    def known_match(self, club: Club) -> MatchClaim | None:
        """The match of a lone team sheet: the one match of its club the article tells, or,
        when it tells several, the pair it tells most often (a preview's coming match is
        named again and again; last week's once), if that pair clearly leads."""
        found = [m for m in self.existing if m.named and club.name in (m.subject, m.opponent)]
        counts = Counter(frozenset((m.subject, m.opponent)) for m in found).most_common(2)
        if not counts or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
            return None
        return next(m for m in found if frozenset((m.subject, m.opponent)) == counts[0][0])

    def status(self, person_or_name, club: Club, status: str, match: MatchClaim | None, prov: Provenance,
               value: str = "") -> None:
        if isinstance(person_or_name, Name):
            self.out.learned.append(LearnedName(person_or_name.text, club.name, self.article_id,
                                                person_or_name.start, person_or_name.end))
            return
        key = match.key if match is not None else None
        self.out.statuses.append(StatusClaim(person_or_name.name, status, key, value, "confirmed", prov))

    def goal_claims(self, goals: tuple[GoalLine, ...], a: Club, b: Club, match: MatchClaim) -> None:
        """A scorer is looked up in both clubs; an own goal counts for the other club."""
        index_a, index_b = _people_index(self.kb, a), _people_index(self.kb, b)
        for g in goals:
            pa, pb = _person(index_a, g.scorer), _person(index_b, g.scorer)
            if pa is not None and pb is not None:   # one club's surname beats the other's alias word
                weak_a, weak_b = (normalize(g.scorer.text) in getattr(i, "weak", ()) for i in (index_a, index_b))
                pa, pb = (None, pb) if weak_a and not weak_b else (pa, None) if weak_b and not weak_a else (pa, pb)
            if (pa is None) == (pb is None):
                continue        # unknown, or a name both clubs have: no guess
            person, club, other = (pa, a, b) if pa else (pb, b, a)
            line_start = self.text.rfind("\n", 0, g.scorer.start) + 1
            line_end = self.text.find("\n", g.scorer.end)
            line_end = len(self.text) if line_end < 0 else line_end
            prov = self.span(line_start, line_end)
            self.out.goals.append(GoalClaim(person.name, (other if g.own_goal else club).name, g.minute,
                                            g.penalty, g.own_goal, match.key, "confirmed", prov))

    def statuses(self, sheet: TeamSheet, club: Club, match: MatchClaim) -> None:
        index = _people_index(self.kb, club)
        prov = self.provenance(sheet)

        def who(name: Name):
            return _person(index, name) or name

        came_on = set()
        for name in sheet.starters:
            self.status(who(name), club, "started", match, prov)
        for sub in sheet.substitutions:
            minute = "" if sub.minute is None else str(sub.minute)
            self.status(who(sub.off), club, "substituted_off", match, prov, minute)
            self.status(who(sub.on), club, "substituted_on", match, prov, minute)
            came_on.add(normalize(sub.on.text))
        for name in sheet.bench:
            if normalize(name.text) not in came_on:
                self.status(who(name), club, "unused_substitute", match, prov)
        if sheet.captain is not None:
            self.status(who(sheet.captain), club, "captain", None, prov)


def lineup_claims(article_id: str, text: str, lang: str, kb: KB, existing: list[MatchClaim]) -> LineupClaims:
    """Claims of every lineup block in `text`; `existing` are the article's other match claims."""
    club_of = club_finder(kb)
    lineups = read_lineups(text, lang, lambda t: club_of(t) and club_of(t).name)
    sheets = _Sheets(article_id, text, kb, club_of, existing)
    out = sheets.run(lineups) if lineups.sheets else LineupClaims([], [], [], [])
    named = sorted({n for m in existing if m.named for n in (m.subject, m.opponent)})
    clubs = [c for c in map(kb.club, named) if c is not None]
    indexes = {c.id: _people_index(kb, c) for c in clubs}
    out.statuses.extend(rating_statuses(article_id, text, lang, clubs,
                                        lambda c, name: _person(indexes[c.id], name), sheets.known_match))
    out.statuses.extend(rating_row_statuses(article_id, text, lang, clubs,
                                            lambda c, name: _person(indexes[c.id], name), sheets.known_match))
    return out


@Language.factory("fanboard_lineups", requires=["doc._.context", "doc._.matches"], assigns=["doc._.lineups"])
def make_lineup_reader(nlp: Language, name: str):
    return LineupReader()


class LineupReader:
    """doc._.lineups: the LineupClaims of the article's lineup blocks (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.context
        told = [c for t in (doc._.matches or ()) for c in t.claims]
        doc._.lineups = lineup_claims(ctx.article_id, text_of(doc), doc.lang_, ctx.kb, told)
        return doc
