"""The sentence view: what one sentence holds, computed once and read-only afterwards.

The `fanboard_sentences` component reads the Doc sentence by sentence and writes
`doc._.sentences`: one `SentenceView` per sentence that is not blank. A view holds the
mentions (clubs, people, competitions, towns, with descriptions such as "the captain"
resolved through the article context), the cue phrases outside quotation marks, the time
expressions, the hedges, and the sentence's certainty. Every claim component reads these
views; none changes them (frozen dataclasses, tuples, read-only mappings).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dateline import page_prefix_end
from ..kb import KBError, Person
from ..patterns import LanguageRules
from ..pieces import quoted_tokens, text_of, token_texts
from .context import ArticleContext


@dataclass(frozen=True)
class Mention:
    start: int               # token index
    end: int
    label: str               # CLUB | PERSON | COMP | CITY
    name: str                # canonical name
    person: Person | None = None
    in_quote: bool = False


@dataclass(frozen=True)
class SentenceView:
    index: int                                 # position in doc._.sentences
    span: Span
    rules: LanguageRules
    mentions: tuple[Mention, ...]
    cues: Mapping[str, tuple[Span, ...]]       # by kind, outside quotation marks
    all_cues: tuple[Span, ...]                 # every cue of the sentence, quoted ones too
    times: tuple[tuple, ...]                   # (TimeExpr with doc offsets, token start, token end)
    years_ago: tuple                           # "N years ago" outside quotes: it helps date the article
    hedges: tuple[Span, ...]                   # 'reported' cues outside quotation marks
    captains: tuple[Person, ...]               # players the sentence calls captain
    certainty: str = "confirmed"

    # ------------------------------------------------------------ provenance
    @property
    def doc(self) -> Doc:
        return self.span.doc

    @property
    def text(self) -> str:
        """`span.text`, cut from the Doc's text (Span.text joins its tokens one by one)."""
        return _span_text(self.span)

    @property
    def quote(self) -> str:
        return _trim(self.text)[2]

    def provenance(self, article_id: str, certainty: str | None = None):
        from .claims import Provenance
        lead, tail, quote = _trim(self.text)
        return Provenance(article_id, self.span.start_char + lead, self.span.start_char + tail,
                          quote, certainty or self.certainty)

    # ---------------------------------------------------------------- cues
    def attrs(self, cue: Span) -> dict:
        return self.rules.cues[int(cue.kb_id_)].attrs

    def value(self, cue: Span) -> str:
        return self.rules.cues[int(cue.kb_id_)].value

    def cue_list(self, kind: str) -> tuple[Span, ...]:
        return self.cues.get(kind, ())

    # -------------------------------------------------------------- clauses
    def is_break(self, tok) -> bool:
        """Does this token end a clause? (data: words.clause_punct, where " - " is a dash
        between spaces, and words.clause_breaks)"""
        punct = self.rules.word_set("clause_punct")
        if tok.text in punct or tok.lower_ in self.rules.word_set("clause_breaks"):
            return True
        return tok.text == "-" and " - " in punct and bool(tok.whitespace_) and tok.i > 0 \
            and bool(self.doc[tok.i - 1].whitespace_)

    @cached_property
    def breaks(self) -> tuple[int, ...]:
        """The doc indices of the sentence's clause-ending tokens, in order (found once: every
        claim component asks for clauses)."""
        punct = self.rules.word_set("clause_punct")
        words = self.rules.word_set("clause_breaks")
        spaced_dash = " - " in punct
        doc, out = self.doc, []
        texts, lowers = token_texts(doc)
        minute = _bracketed_minutes(self.span)
        for i in range(self.span.start, self.span.end):   # is_break, with the word lists read once per sentence
            text = texts[i]
            if i in minute:
                continue   # "Mendy (86.) kwam met het doelpunt": a minute in brackets ends no clause
            if text in punct or lowers[i] in words or (
                    spaced_dash and text == "-" and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_):
                out.append(i)
        return tuple(out)

    def clause(self, at: int) -> tuple[int, int]:
        """The token range of the clause that holds token `at`: after the last break before it,
        up to the first break after it."""
        breaks = self.breaks
        before, after = bisect_left(breaks, at), bisect_right(breaks, at)
        start = breaks[before - 1] + 1 if before else self.span.start
        end = breaks[after] if after < len(breaks) else self.span.end
        return start, end

    def broken(self, a: int, b: int) -> bool:
        """Does a contrastive word ('but', 'maar', 'mentre') stand between tokens a and b?"""
        breaks = self.rules.word_set("clause_breaks")
        lo, hi = sorted((a, b))
        if lo < 0:   # a slice from the end, as the Doc reads it
            return any(t.lower_ in breaks for t in self.doc[lo:hi])
        lowers = token_texts(self.doc)[1]
        return any(lowers[i] in breaks for i in range(lo, min(hi, len(lowers))))

    def certainty_at(self, at: int) -> str:
        """'reported' when a hedge stands in the clause of token `at` (modal ones such as
        "would"), or anywhere before a contrastive break (sentence-wide ones, "according to")."""
        clause = self.clause(at)
        for span in self.hedges:
            if self.attrs(span).get("scope") == "sentence":
                if not self.broken(span.start, at):
                    return "reported"
                continue
            if clause[0] <= span.start < clause[1]:
                return "reported"
        return "confirmed"

    # ------------------------------------------------------------- lookups
    def club_at(self, i: int) -> Mention | None:
        for m in self.mentions:
            if m.label == "CLUB" and m.start == i and not m.in_quote:
                return m
        return None

    def time_at(self, i: int):
        for expr, a, b in self.times:
            if a == i:
                return expr
        return None

    def players(self) -> list[Mention]:
        return [m for m in self.mentions if m.person is not None and not m.in_quote and m.person.role == "player"]

    def clubs(self) -> list[Mention]:
        return [m for m in self.mentions if m.label == "CLUB" and not m.in_quote]

    def names_someone(self) -> bool:
        return any(m.person is not None and not m.in_quote for m in self.mentions)


def _span_text(span: Span) -> str:
    return text_of(span.doc)[span.start_char:span.end_char]


def _trim(text: str) -> tuple[int, int, str]:
    """A sentence without surrounding space, and without an opening quotation mark that the
    sentencizer left at its end ('… League. “' belongs to the next sentence)."""
    lead = len(text) - len(text.lstrip())
    body = text.rstrip()
    while body and body[-1] in "“„«‘" and body[:-1].rstrip():
        body = body[:-1].rstrip()
    return lead, len(body), body[lead:]


# ------------------------------------------------------------------ building
@Language.factory("fanboard_sentences",
                  requires=["doc.sents", "doc.ents", "doc.spans", "doc._.context", "token._.in_quote"],
                  assigns=["doc._.sentences"])
def make_sentence_reader(nlp: Language, name: str):
    return SentenceReader(nlp.get_pipe("fanboard_cues").rules)


class SentenceReader:
    """Builds doc._.sentences. Entities and cues are bucketed by sentence once (looking them
    up per sentence was quadratic); descriptions are resolved by the article context, which
    remembers the people named so far."""

    def __init__(self, rules: LanguageRules):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents)
        starts = [sent.start for sent in sents]
        ents: list[list[Span]] = [[] for _ in sents]
        cues: list[list[Span]] = [[] for _ in sents]
        for ent in doc.ents:
            ents[bisect_right(starts, ent.start) - 1].append(ent)
        # hedges and times bucketed by sentence too (scanning all of them per sentence was quadratic)
        hedges: list[list[Span]] = [[] for _ in sents]
        ends = [sent.end for sent in sents]
        quoted = quoted_tokens(doc)
        for span in doc.spans["cues"]:   # one pass (each pass makes a Span object per cue)
            i = bisect_right(starts, span.start) - 1
            if span.end <= ends[i]:
                cues[i].append(span)
                if i >= 0 and span.label_ == "reported" and span.start not in quoted:
                    hedges[i].append(span)
        char_starts = [sent.start_char for sent in sents]
        times: list[list[Span]] = [[] for _ in sents]
        prefix = page_prefix_end(text_of(doc))   # " date 2020-11-02" before the headline: the day of publication
        for span in (doc.spans["times"] if "times" in doc.spans else ()):
            if span._.time.end <= prefix:
                continue
            i = bisect_right(char_starts, span._.time.start) - 1
            if i >= 0:
                times[i].append(span)
        views = []
        context = doc._.context
        for sent, sent_ents, sent_cues, sent_hedges, sent_times in zip(sents, ents, cues, hedges, times):
            if _span_text(sent).strip():
                views.append(self._view(len(views), sent, sent_ents, sent_cues, sent_hedges, sent_times,
                                        context))
        doc._.sentences = tuple(views)
        return doc

    def _view(self, index: int, sent: Span, ents: list[Span], cues: list[Span], hedges: list[Span],
              times: list[Span], context: ArticleContext) -> SentenceView:
        mentions, captains = self._mentions(sent, ents, context)
        quoted = quoted_tokens(sent.doc)
        by_kind: dict[str, list[Span]] = {}
        for span in cues:
            if span.start not in quoted:
                by_kind.setdefault(span.label_, []).append(span)
        own_hedges = tuple(sp for sp in hedges if sp.start >= sent.start and sp.end <= sent.end)
        found, years_ago = [], []
        for span in times:
            expr = span._.time
            if expr.start < sent.start_char or expr.end > sent.end_char:
                continue
            if expr.kind == "years_ago" and sent.start not in quoted:
                years_ago.append(expr)   # with a "since <year>", it dates the article
            if span.start not in quoted:
                found.append((expr, span.start, span.end))
        return SentenceView(
            index=index, span=sent, rules=self.rules, mentions=tuple(mentions),
            cues=MappingProxyType({k: tuple(v) for k, v in by_kind.items()}), all_cues=tuple(cues),
            times=tuple(found), years_ago=tuple(years_ago), hedges=own_hedges, captains=tuple(captains),
            certainty="reported" if own_hedges else "confirmed",
        )

    def _mentions(self, sent: Span, ents: list[Span], context: ArticleContext):
        """The sentence's mentions in order, and the players it calls captain ("the captain",
        "captain <name>")."""
        doc, kb = sent.doc, context.kb
        possessive = self.rules.word_set("possessive")
        captain_words = self.rules.word_set("captain_words")
        mentions: list[Mention] = []
        captains: list[Person] = []
        quoted = quoted_tokens(doc)
        for ent in ents:
            in_quote = ent.start in quoted
            if ent.label_ == "PERSONREF" and ent.ent_id_.startswith("club_country:"):
                club = context.resolve_club_description(ent.ent_id_, doc, ent.start)
                if club is None or any(e.label_ == "CLUB" and 0 <= e.start - ent.end <= 2 and e.ent_id_ == club.id
                                       for e in ents):
                    continue   # unresolved, or "i danesi del Nordsjaelland": the name follows
                m = Mention(ent.start, ent.end, "CLUB", club.name, None, in_quote)
            elif ent.label_ == "PERSONREF" and ent.ent_id_.startswith("club:"):
                club = kb.club_by_id(ent.ent_id_.partition(":")[2])   # "i partenopei": one club's nickname
                if club is None:
                    continue
                m = Mention(ent.start, ent.end, "CLUB", club.name, None, in_quote)
            elif ent.label_ == "PERSONREF":
                if ent.end < sent.end and doc[ent.end].lower_ in possessive:
                    continue  # "the captain's armband" names no one
                # "de Argentijnse aanvoerder van X": one of X's people, whatever the focus club
                of = next((e for e in ents if e.label_ == "CLUB" and e.start == ent.end + 1), None) \
                    if ent.end < sent.end and doc[ent.end].lower_ in self.rules.word_set("genitive") else None
                person = context.resolve_description(ent.ent_id_, kb.club_by_id(of.ent_id_) if of else None)
                if person is None:
                    continue
                m = Mention(ent.start, ent.end, "PERSON", person.name, person, in_quote)
                if (ent.ent_id_ == "role:captain" or doc[ent.end - 1].lower_ in captain_words) \
                        and not in_quote and person.role == "player":
                    captains.append(person)
            elif ent.label_ == "PERSON":
                person = kb.person_by_id(ent.ent_id_)
                if person is None:
                    continue
                m = Mention(ent.start, ent.end, "PERSON", person.name, person, in_quote)
                side = self._coach_side(sent, ent.start, person, kb)
                if side is not None:   # "de ploeg van <coach>": his club
                    mentions.append(Mention(ent.start - 2, ent.end, "CLUB", side.name, None, in_quote))
                    continue
                prev = doc[ent.start - 1] if ent.start > sent.start else None
                if prev is not None and prev.text == "," and ent.start - 2 >= sent.start:
                    prev = doc[ent.start - 2]   # "their captain, <name>," in apposition
                if prev is not None and prev.lower_ in captain_words and not in_quote and person.role == "player":
                    captains.append(person)
            elif ent.label_ == "CITY":
                club = kb.club_by_id(ent.ent_id_)
                if club is None:
                    continue
                m = Mention(ent.start, ent.end, "CITY", club.name, None, in_quote)
            else:
                name = context.canonical(ent)
                if not name:
                    continue
                start = self._numbered_side(sent, ent.start) if ent.label_ == "CLUB" else ent.start
                m = Mention(start, ent.end, ent.label_, name, None, in_quote)
                captain = self._club_captain(sent, ent, context) if ent.label_ == "CLUB" else None
                if captain is not None:   # "the Orbury captain": the club, then its captain
                    mentions.append(m)
                    m = Mention(ent.end, ent.end + 1, "PERSON", captain.name, captain, in_quote)
                    if not in_quote:
                        captains.append(captain)
            if m.person is not None and not in_quote:
                context.remember(m.person)
            mentions.append(m)
        return mentions, captains

    def _club_captain(self, sent: Span, ent: Span, context: ArticleContext):
        """'the Orbury captain' (words.club_role_articles, the club, a captain word): the one
        captain of that club in the knowledge base, or None."""
        doc, rules = sent.doc, self.rules
        if ent.start <= sent.start or ent.end >= sent.end \
                or doc[ent.start - 1].lower_ not in rules.word_set("club_role_articles") \
                or doc[ent.end].lower_ not in rules.word_set("captain_words"):
            return None
        if ent.end + 1 < sent.end and doc[ent.end + 1].lower_ in rules.word_set("possessive"):
            return None   # "the Orbury captain's armband"
        try:
            person = context.kb.resolve_description("role:captain", ent.ent_id_)
        except KBError:
            return None
        return person if person is not None and person.role == "player" else None

    def _coach_side(self, sent: Span, i: int, person, kb):
        """The club of a coach named after 'the team of' (words.coach_side, then words.genitive):
        "de ploeg van <coach>" names his club, not him."""
        doc, rules = sent.doc, self.rules
        if person.role != "coach" or i - 2 < sent.start:
            return None
        if doc[i - 2].lower_ in rules.word_set("coach_side") and doc[i - 1].lower_ in rules.word_set("genitive"):
            return kb.club_by_id(person.club)
        return None

    def _numbered_side(self, sent: Span, i: int) -> int:
        """'10-man Orbury', 'a ten-man Orbury side': the number a club was down to belongs to
        its mention (words.numbered_side, e.g. "man"), so the club stands where it starts; so does
        a place in the table ("sixth-placed", "mid-table": words.placed_side after an ordinal or a
        word of words.placed_prefix)."""
        doc, rules = sent.doc, self.rules
        if i - 3 >= sent.start and doc[i - 1].lower_ in rules.word_set("numbered_side") \
                and doc[i - 2].text in ("-", "–") and (doc[i - 3].is_digit or doc[i - 3].lower_ in rules.numbers):
            return i - 3
        if i - 3 >= sent.start and doc[i - 1].lower_ in rules.word_set("placed_side") \
                and doc[i - 2].text in ("-", "–") and (rules.ordinal(doc[i - 3].text) is not None
                                                       or doc[i - 3].lower_ in rules.word_set("placed_prefix")):
            return i - 3   # "sixth-placed Orbury", "mid-table Orbury": the standing belongs to the mention
        return i


def _bracketed_minutes(span) -> set[int]:
    """The bracket tokens around a number alone ("(86.)", "(65')"): a minute, not an aside."""
    out = set()
    if "(" not in _span_text(span):
        return out   # no bracket, no minute in brackets
    texts = token_texts(span.doc)[0][span.start:span.end]
    for k, text in enumerate(texts):
        if text != "(" or k + 2 >= len(texts) or not texts[k + 1].isdigit():
            continue
        j = k + 2
        while j < len(texts) and j - k <= 3 and texts[j] in (".", "'", "’", "e"):
            j += 1
        if j < len(texts) and texts[j] == ")":
            out |= {span.start + k, span.start + j}
    return out
