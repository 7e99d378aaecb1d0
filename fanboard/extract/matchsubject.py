"""Which club a match claim is about, when the words before its cue say so.

`subject_before` finds the club whose match a cue tells: the nearest club before the cue in
its clause (not the object of a connector, unless a genitive ties it to a match word: "la
sconfitta dell'Ashford"), a club a relative pronoun stands for ("il Millbrook, che ..."), or the
club of a coach named before it. `genitive_pair` reads "the <match word> of X against Y"
("il pareggio dell'Orbury contro l'Elmwood", "de nederlaag van Ashford bij Portside").
Also the other side of a claim: the agent of a passive defeat, a club joined by 'and', a
clause opened by a description ('de koploper'), where they played, the competitions they play.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..nlp import SCORE_TOKEN_RE
from .claims import MatchClaim
from .context import ArticleContext
from .sentence import Mention, SentenceView


def subject_before(s: SentenceView, cue: Span, opponent: Mention | None, ctx: ArticleContext) -> Mention | None:
    """The club whose match it is: the nearest club before the cue in the same clause that is
    not itself the object of a connector ('with X', 'contro il X'); else None (the focus club)."""
    doc, kb = s.doc, ctx.kb
    connectors, fillers = s.rules.word_set("connectors"), s.rules.word_set("fillers")
    lo, _ = s.clause(cue.start)
    best = None
    for m in s.clubs():
        if m.end > cue.start or m.start < lo or (opponent is not None and m.start == opponent.start):
            continue
        j = m.start - 1
        while j >= s.span.start and doc[j].lower_ in fillers:
            j -= 1
        if j >= s.span.start and doc[j].lower_ in connectors and not _genitive_of_match(s, j):
            continue
        if j >= s.span.start and doc[j].lower_ in s.rules.word_set("agent_prepositions"):
            continue   # "X were knocked out by Y and lost to Z": Y is the agent of another verb
        best = m
    if best is not None:
        return best
    rel = _relative_subject(s, cue, opponent) or _apposition_subject(s, cue, opponent)
    if rel is not None:
        return rel
    for m in s.mentions:  # "the side of <coach>", "<coach>'s team": the coach's club
        if m.person is not None and m.person.role == "coach" and lo <= m.start and m.end <= cue.start \
                and m.person.club and (opponent is None or kb.club_by_id(m.person.club).name != opponent.name):
            club = kb.club_by_id(m.person.club)
            if club is not None:
                return Mention(m.start, m.end, "CLUB", club.name)
    first = next((m for m in s.mentions if m.start >= lo), None)
    if (first is None or first.start >= cue.start) and s.mentions and _opens_sentence(s, s.mentions[0]):
        # "<player> pulled level with Y (16 goals) in the race with a brace in the win over X": a
        # clause of the cue without a name of its own, the sentence's subject
        first = s.mentions[0]
    if first is not None and first.person is not None and first.person.role == "player" \
            and first.end <= cue.start and first.person.club and s.rules.word_set("player_subject"):
        # "<player> was the villain in the defeat to X": the player's club (words.player_subject)
        club = kb.club_by_id(first.person.club)
        if club is not None and (opponent is None or club.name != opponent.name):
            return Mention(first.start, first.end, "CLUB", club.name)
    gap_words = s.rules.word_set("possessive", "subject_gap")
    for m in s.clubs():
        if opponent is not None and m.start == opponent.start:
            continue
        gap = [t for t in doc[m.end:cue.start] if t.lower_ not in gap_words]
        before = doc[m.start - 1].lower_ if m.start > s.span.start else ""
        if m.end <= cue.start and not gap and before not in connectors:
            return m
    return _gerund_subject(s, cue, opponent) or _cause_subject(s, cue, opponent)


def _opens_sentence(s: SentenceView, m: Mention) -> bool:
    """Does the mention open its sentence (after fillers only)?"""
    fillers = s.rules.word_set("fillers")
    return all(t.lower_ in fillers for t in s.doc[s.span.start:m.start])


def _cause_subject(s: SentenceView, cue: Span, opponent: Mention | None) -> Mention | None:
    """'X go into the second leg in front, thanks to a 2-1 win': a cue in a clause that a cause
    phrase (words.cause_openers: "thanks to") opens, with no club of its own before the cue,
    belongs to the sentence's subject, its first club (not after a connector), before that clause."""
    openers = s.rules.words.get("cause_openers", [])
    if not openers:
        return None
    doc, (lo, _) = s.doc, s.clause(cue.start)
    lowers = [t.lower_ for t in doc[lo:cue.start]]
    starts = [lo + k for k in range(len(lowers)) for ph in openers
              if lowers[k:k + len(ph.split())] == ph.split()]
    if not starts or any(lo <= m.start < cue.start for m in s.clubs()):
        return None
    connectors = s.rules.word_set("connectors")
    for m in s.clubs():
        if m.end > starts[0] or (opponent is not None and m.name == opponent.name):
            return None
        if m.start == s.span.start or doc[m.start - 1].lower_ not in connectors:
            return m
    return None


def _gerund_subject(s: SentenceView, cue: Span, opponent: Mention | None) -> Mention | None:
    """'Il Milan conserva il primo posto, pareggiando 2-2 ...': a gerund cue in a clause with no
    club of its own belongs to the sentence's subject, its first club (not after a connector)."""
    endings, (lo, _) = s.rules.word_set("gerund_endings"), s.clause(cue.start)
    cue_tokens = [c[0] for c in s.cue_list("match") if lo <= c.start <= cue.start]
    if not any(t.lower_.endswith(e) for t in cue_tokens for e in endings):
        return None
    connectors, doc = s.rules.word_set("connectors"), s.doc
    if opponent is not None and not any(t.is_alpha for t in doc[s.span.start:cue.start]):
        return _subject_after_opening_gerund(s, opponent)
    for m in s.clubs():
        if m.end > cue.start or (opponent is not None and m.name == opponent.name):
            return None
        if m.start == s.span.start or doc[m.start - 1].lower_ not in connectors:
            return m
    return None


def _subject_after_opening_gerund(s: SentenceView, opponent: Mention) -> Mention | None:
    """'Battendo il Westmoor per 3-2 la Ashford sale al terzo posto': a sentence that opens with a
    gerund cue and its object has its subject later, the first club after the object that is not
    itself after a connector or a coordination ('e il Y' would be a second object)."""
    doc, fillers = s.doc, s.rules.word_set("fillers")
    skip = s.rules.word_set("connectors", "coordination")
    for m in s.clubs():
        if m.start < opponent.end or m.name == opponent.name:
            continue
        j = m.start - 1
        while j > opponent.end and doc[j].lower_ in fillers:
            j -= 1
        return None if doc[j].lower_ in skip else m
    return None


def _relative_subject(s: SentenceView, cue: Span, opponent: Mention | None) -> Mention | None:
    """'il Bayford, che perde 3-1 con la Oakham', 'Ashford, which lost 1-0 at Portside': the club a
    relative pronoun before the cue stands for, when no other club comes between them."""
    doc, rel = s.doc, s.rules.word_set("relative_subject")
    lo = max(s.span.start, cue.start - 20)
    for j in range(cue.start - 1, lo - 1, -1):
        if opponent is not None and opponent.start <= j < opponent.end and opponent.end <= cue.start:
            continue   # "X, dat bij Y niet verder kwam dan 1-1": the opponent before the cue
        if s.club_at(j) is not None or (opponent is not None and opponent.start <= j < opponent.end):
            return None
        if doc[j].lower_ not in rel:
            continue
        k = j - 1
        if k >= s.span.start and doc[k].text == ",":
            k -= 1
        club = next((m for m in s.clubs() if m.end == k + 1), None)
        if club is not None and (opponent is None or club.name != opponent.name):
            return club
        return None
    return None


def _apposition_subject(s: SentenceView, cue: Span, opponent: Mention | None) -> Mention | None:
    """'aggancia il Westmoor, domani in campo a Ashford': a clause that opens with the cue (or a
    time before it) right after a club and a comma is about that club."""
    lo, _ = s.clause(cue.start)
    if lo - 2 < s.span.start or s.doc[lo - 1].text != "," or cue.start - lo > 3:
        return None
    if any(s.time_at(j) is None and not any(a <= j < b for _, a, b in s.times) for j in range(lo, cue.start)):
        return None
    club = next((m for m in s.clubs() if m.end == lo - 1), None)
    return club if club is not None and (opponent is None or club.name != opponent.name) else None


def _genitive_of_match(s: SentenceView, j: int) -> bool:
    """Is token j a genitive word ('dell'', 'van') right after a match word or a score, in
    figures or in words ("la sconfitta dell'Ashford", "il 2-1 della Stonebridge", "il 2 a 1
    della Stonebridge", "de nederlaag van Ashford")?"""
    doc = s.doc
    if doc[j].lower_ not in s.rules.word_set("genitive") or j <= s.span.start:
        return False
    prev = doc[j - 1]
    cue_ends = {c.end for c in s.cue_list("match")}
    in_words = j - 3 >= s.span.start and prev.like_num and doc[j - 3].like_num \
        and doc[j - 2].lower_ in s.rules.word_set("score_words")   # "il successo per 2 a 0 del X"
    return j in cue_ends or bool(SCORE_TOKEN_RE.match(prev.text)) or in_words


def genitive_pair(s: SentenceView, connector_at: int, club: Mention) -> Mention | None:
    """'<match word> dell'Orbury contro l'Elmwood': the club after the genitive (`club`, at
    token connector_at + 1 or later) is the subject; the club after the next connector, within
    a few words (a time, fillers, 'in casa del'), is the opponent. None when there is none."""
    w, doc = s.rules, s.doc
    if not _genitive_of_match(s, connector_at):
        return None
    glue = w.word_set("connectors", "fillers", "genitive_glue")
    j, seen = club.end, False
    while j < s.span.end and j - club.end < 5:
        if s.club_at(j) is not None:
            return s.club_at(j) if seen and s.club_at(j).name != club.name else None
        tok = doc[j]
        span_end = next((b for _, a, b in s.times if a == j), None)
        if span_end is not None:
            j = span_end
            continue
        if tok.lower_ not in glue or s.is_break(tok):
            return None
        seen = seen or tok.lower_ in w.word_set("connectors")
        j += 1
    return None


def about_others(s: SentenceView, cue: Span, opp: Mention | None, focus) -> bool:
    """'Orbury were overtaken by Elmwood, winners of the games against Ashford': a cue without a
    subject or a score in a sentence that names, before it, a club other than the article's own
    that is not the object of a connector ('against X': an opponent of the article's club), and
    names that club itself neither after the cue nor as the last such club before it ("I
    biancocelesti sono stati superati dal Milan, ... vincitore delle sfide contro X": Milan's),
    tells no match of the article's club."""
    if focus is None or any(m.name == focus.name and m.start >= cue.start for m in s.clubs()):
        return False
    connectors, fillers, doc = s.rules.word_set("connectors"), s.rules.word_set("fillers"), s.doc
    free = []
    for m in s.clubs():
        if m.end > cue.start or (opp is not None and m.start == opp.start):
            continue
        j = m.start - 1
        while j >= s.span.start and doc[j].lower_ in fillers:
            j -= 1
        if j < s.span.start or doc[j].lower_ not in connectors:
            free.append(m)
    return bool(free) and free[-1].name != focus.name


def passive_agent(s: SentenceView, cue: Span) -> Mention | None:
    """The club after an agent word ('door': words.passive_agent) before a defeat cue in its clause."""
    lo, _ = s.clause(cue.start)
    agents = s.rules.word_set("passive_agent")
    return next((s.club_at(t.i + 1) for t in s.doc[lo:cue.start]
                 if t.lower_ in agents and s.club_at(t.i + 1) is not None), None)


def coordinated_club(s: SentenceView, club: Mention) -> Mention | None:
    """'Stonebridge and Brookvale', 'Stonebridge en Brookvale': the club joined to this one by 'and'."""
    coord = s.rules.word_set("coordination") - {","}
    doc, j = s.doc, club.end
    if j < s.span.end and doc[j].lower_ in coord:
        k = j + 1
        while k < s.span.end and doc[k].lower_ in s.rules.word_set("fillers"):
            k += 1
        return s.club_at(k)
    return None


def described_subject(s: SentenceView, cue: Span) -> bool:
    """Does the cue's clause open with a description of a club ('de koploper', 'de thuisploeg':
    words.subject_descriptions) rather than its name?"""
    lo, _ = s.clause(cue.start)
    return any(t.lower_ in s.rules.word_set("subject_descriptions") for t in s.doc[lo:min(cue.start, lo + 3)])


def plays_in(kb, competition: str, *clubs: str | None) -> bool:
    """Can this be the competition of a match of these clubs? Not when the knowledge base lists
    a club's competitions without it ("veroordeeld tot de Europa League na verlies tegen X")."""
    comp = kb.competition(competition)
    for name in clubs:
        club = kb.club(name) if name else None
        if comp is not None and club is not None and club.competitions and comp.id not in club.competitions:
            return False
    return True


def can_meet(kb, a: str | None, b: str | None) -> bool:
    """Can these two clubs play each other? They can when they share a competition the knowledge
    base lists, or come from one country (a league or cup it may not list); a club it lacks
    can meet anyone. A Dutch league club and an Italian one that share no competition cannot."""
    ca, cb = (kb.club(a) if a else None), (kb.club(b) if b else None)
    if ca is None or cb is None or ca.name == cb.name:
        return True
    return bool(set(ca.competitions) & set(cb.competitions)) or ca.country == cb.country


def subject_that_meets(kb, opponent: str, *views: SentenceView, only: bool = False) -> str | None:
    """The club, other than `opponent`, that can meet it: the nearest named before it in the
    first view, else the last named in the next views (the sentences before). `only`: the one
    club the first view names, else None."""
    if only:
        names = {m.name for m in views[0].clubs() if m.name != opponent}
        name = next(iter(names)) if len(names) == 1 else None
        return name if name is not None and can_meet(kb, name, opponent) else None
    for n, view in enumerate(views):
        clubs = [m for m in view.clubs() if m.name != opponent and can_meet(kb, m.name, opponent)]
        if n == 0:
            at = next((m.start for m in view.clubs() if m.name == opponent), view.span.end)
            before = [m for m in clubs if m.end <= at]
            clubs = before or clubs
        names = {m.name for m in clubs}
        if len(names) == 1 or (n == 0 and clubs):
            return clubs[-1].name
    return None


def venue_after(s: SentenceView, at: int, c: MatchClaim, before: int | None = None) -> str | None:
    """'beating X at Anfield', 'contro il Greenvale al Tardini', 'tegen Ashford in Amsterdam': a home
    town or ground of one of the two clubs right after the opponent says where they played; with
    `before`, one between the cue (and its score) and the opponent ('verloor met 2-0 op <stadion> van X')."""
    doc, w = s.doc, s.rules
    for j in range(at, min(s.span.end - 1, before if before is not None else at + 3)):
        if s.is_break(doc[j]) or s.club_at(j) is not None:
            return None
        if doc[j].lower_ not in w.word_set("venue_prepositions"):
            continue
        k = j + 1
        while k < s.span.end and doc[k].lower_ in w.word_set("fillers"):
            k += 1
        town = next((m for m in s.mentions if m.label == "CITY" and m.start == k and not m.in_quote), None)
        if town is not None and town.name in (c.opponent, c.subject):
            return "away" if town.name == c.opponent else "home"
        return None
    return None
