"""Extract claims from one article: matches, player statuses, events, league situation.

The rules here are generic: which words mean what lives in data/patterns/<lang>.json
and who is who lives in data/kb/. The code only knows how a sentence of football
news is shaped: a cue, the people and clubs around it, a score, a time.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..ingest import Article
from ..kb import KB, KBError, Person
from ..langdetect import SUPPORTED_LANGUAGES
from ..nlp import SCORE_TOKEN_RE, LanguageRules, Pipelines
from ..resolve import timeexpr
from .lineups import lineup_claims
from .claims import (
    ArticleClaims, EventClaim, MatchClaim, Provenance, SituationClaim, StatusClaim,
)

# Event types that belong to the match being told about when a sentence continues its story.
MATCH_BOUND_EVENTS = {"dispute", "altercation", "substitution", "squad_exclusion", "resignation_offer", "sanction_demand"}
# Time expression kinds that can date a match.
MATCH_TIME_KINDS = {"date", "weekday", "weeks_ago", "days_ago", "weekend", "yesterday", "today", "tomorrow", "last_week", "next_week"}
STANDING_TIME_KINDS = {"month", "season", "mid_year", "year", "date", "since_year", "years_ago"}
PUNCT = set(",.;:!?)(–—\"“”«»")


@dataclass
class Mention:
    start: int               # token index
    end: int
    label: str               # CLUB | PERSON | COMP
    name: str                # canonical name
    person: Person | None = None
    in_quote: bool = False


@dataclass
class Sentence:
    span: Span
    mentions: list[Mention]
    cues: dict[str, list[Span]]
    times: list = field(default_factory=list)   # (TimeExpr with doc offsets, token start, token end)
    certainty: str = "confirmed"
    future: bool = False
    claims: list[MatchClaim] = field(default_factory=list)

    @property
    def quote(self) -> str:
        return _trim(self.span.text)[2]

    def provenance(self, article_id: str) -> Provenance:
        lead, tail, quote = _trim(self.span.text)
        return Provenance(article_id, self.span.start_char + lead, self.span.start_char + tail,
                          quote, self.certainty)


def _trim(text: str) -> tuple[int, int, str]:
    """A sentence without surrounding space, and without an opening quotation mark that the
    sentencizer left at its end ('… League. “' belongs to the next sentence)."""
    lead = len(text) - len(text.lstrip())
    body = text.rstrip()
    while body and body[-1] in "“„«‘" and body[:-1].rstrip():
        body = body[:-1].rstrip()
    return lead, len(body), body[lead:]


class Extractor:
    """Turns Articles into ArticleClaims with the rule-based pipelines."""

    def __init__(self, pipelines: Pipelines):
        self.pipelines = pipelines
        self.kb: KB = pipelines.kb

    def extract(self, article: Article, doc: Doc | None = None) -> ArticleClaims:
        lang = article.language if article.language in SUPPORTED_LANGUAGES else "xx"
        if doc is None:
            doc = self.pipelines[lang](article.text)
        rules = self.pipelines.rules(lang)
        result = _ArticleExtraction(article, doc, self.kb, rules, lang).run()
        if lang != "xx":
            lineups = lineup_claims(article.id, doc.text, lang, self.kb, result.matches)
            result.matches.extend(lineups.matches)
            result.statuses.extend(lineups.statuses)
            result.goals.extend(lineups.goals)
        if lang == "xx":
            result.warnings.append(
                f"language '{article.language}' is not supported: only names were recognised, no claims extracted"
            )
        return result


class _ArticleExtraction:
    def __init__(self, article: Article, doc: Doc, kb: KB, rules: LanguageRules, lang: str):
        self.article = article
        self.doc = doc
        self.kb = kb
        self.rules = rules
        self.lang = lang
        self.words = rules.words
        self.out = ArticleClaims(article.id, article.language, None)
        self.mentioned: list[str] = []          # person ids in order of mention
        self.n_claims = 0
        self.current_match: MatchClaim | None = None
        self.continuity = False                 # did the previous sentence tell about current_match?
        self.last_persons: list[Person] = []
        self.last_player: Person | None = None

    # ------------------------------------------------------------------ setup
    def run(self) -> ArticleClaims:
        self.focus = self._focus_club()
        self.out.focus_club = self.focus.name if self.focus else None
        if self.lang == "xx":
            self._collect_entities()
            return self.out
        # once per document: time expressions and hedges (looked up per sentence below)
        self._times = timeexpr.find_time_expressions(self.doc.text, self.lang)
        self._reported = [sp for sp in self.doc.spans["cues"] if sp.label_ == "reported" and not sp[0]._.in_quote]
        # entities and cues bucketed by sentence once (looking them up per sentence was quadratic)
        sents = list(self.doc.sents)
        starts = [sent.start for sent in sents]
        self._ents_by_sent: list[list[Span]] = [[] for _ in sents]
        self._cues_by_sent: list[list[Span]] = [[] for _ in sents]
        for ent in self.doc.ents:
            self._ents_by_sent[bisect_right(starts, ent.start) - 1].append(ent)
        for span in self.doc.spans["cues"]:
            i = bisect_right(starts, span.start) - 1
            if span.end <= sents[i].end:
                self._cues_by_sent[i].append(span)
        for i, sent in enumerate(sents):
            self._sent_index = i
            s = self._analyse(sent)
            if not s.span.text.strip():
                continue
            self._matches(s)
            self._statuses(s)
            self._events(s)
            self._situation(s)
            self._advance_context(s)
        self._merge_within_article()
        self._collect_entities()
        return self.out

    def _focus_club(self):
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ == "CLUB" and not ent[0]._.in_quote:
                counts[ent.ent_id_] += 1
                first.setdefault(ent.ent_id_, ent.start)
            elif ent.label_ == "PERSON" and not ent[0]._.in_quote:
                person = self.kb.person_by_id(ent.ent_id_)
                if person is not None and person.club:
                    counts[person.club] += 0.5   # a club's people count towards it
                    first.setdefault(person.club, ent.start)
        if not counts:
            return None
        best = max(counts, key=lambda c: (counts[c], -first[c]))
        return self.kb.club_by_id(best)

    def _collect_entities(self) -> None:
        for ent in self.doc.ents:
            name = self._canonical(ent)
            if name:
                self.out.entities.append((ent.start_char, ent.end_char, ent.label_, name))

    def _canonical(self, ent: Span) -> str | None:
        if ent.label_ == "CLUB":
            c = self.kb.club_by_id(ent.ent_id_)
            return c.name if c else None
        if ent.label_ == "PERSON":
            p = self.kb.person_by_id(ent.ent_id_)
            return p.name if p else None
        if ent.label_ == "COMP":
            c = self.kb.competition_by_id(ent.ent_id_)
            return c.name if c else None
        if ent.label_ == "PERSONREF":
            p = self._resolve_ref(ent.ent_id_)
            return p.name if p else None
        return None

    def _resolve_ref(self, refers_to: str) -> Person | None:
        try:
            return self.kb.resolve_description(
                refers_to, self.focus.id if self.focus else None, list(self.mentioned))
        except KBError:
            return None

    def _analyse(self, sent: Span) -> Sentence:
        mentions: list[Mention] = []
        for ent in self._ents_by_sent[self._sent_index]:
            in_quote = ent[0]._.in_quote
            if ent.label_ == "PERSONREF":
                if ent.end < sent.end and self.doc[ent.end].lower_ in ("'s", "’s", "'"):
                    continue  # "the captain's armband" names no one
                person = self._resolve_ref(ent.ent_id_)
                if person is None:
                    continue
                m = Mention(ent.start, ent.end, "PERSON", person.name, person, in_quote)
                if ent.ent_id_ == "role:captain" and not in_quote and person.role == "player":
                    self._status_claim(person, "captain", None, "", self._sentence_certainty(sent), sent)
            elif ent.label_ == "PERSON":
                person = self.kb.person_by_id(ent.ent_id_)
                if person is None:
                    continue
                m = Mention(ent.start, ent.end, "PERSON", person.name, person, in_quote)
                prev = self.doc[ent.start - 1] if ent.start > sent.start else None
                if prev is not None and prev.lower_ in self.words.get("captain_words", []) and not in_quote \
                        and person.role == "player":
                    self._status_claim(person, "captain", None, "", self._sentence_certainty(sent), sent)
            elif ent.label_ == "CITY":
                club = self.kb.club_by_id(ent.ent_id_)
                if club is None:
                    continue
                m = Mention(ent.start, ent.end, "CITY", club.name, None, in_quote)
            else:
                name = self._canonical(ent)
                if not name:
                    continue
                m = Mention(ent.start, ent.end, ent.label_, name, None, in_quote)
            if m.person is not None and not in_quote:
                self.mentioned.append(m.person.id)
            mentions.append(m)
        cues: dict[str, list[Span]] = {}
        for span in self._cues_by_sent[self._sent_index]:
            if not span[0]._.in_quote:
                cues.setdefault(span.label_, []).append(span)
        s = Sentence(sent, mentions, cues)
        s.certainty = self._sentence_certainty(sent)
        s.future = bool(cues.get("future"))
        for expr in self._times:
            if expr.start < sent.start_char or expr.end > sent.end_char:
                continue
            if expr.kind == "years_ago" and not sent[0]._.in_quote:
                self.out.times.append((expr, None))   # with a "since <year>", it dates the article
            span = self.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None or span[0]._.in_quote:
                continue
            s.times.append((expr, span.start, span.end))
        return s

    def _sentence_certainty(self, sent: Span, at: int | None = None) -> str:
        """'reported' when a hedge stands in the sentence (for sentence-wide ones such as
        "according to") or in the clause of token `at` (for modal ones such as "would")."""
        clause = self._clause(sent, at) if at is not None else None
        for span in self._reported:
            if span.start < sent.start or span.end > sent.end:
                continue
            if clause is None:
                return "reported"
            if self._attrs(span).get("scope") == "sentence":
                breaks = set(self.words.get("clause_breaks", []))
                lo, hi = sorted((span.start, at))
                if not any(t.lower_ in breaks for t in self.doc[lo:hi]):
                    return "reported"
                continue
            if clause[0] <= span.start < clause[1]:
                return "reported"
        return "confirmed"

    def _clause(self, sent: Span, at: int) -> tuple[int, int]:
        breaks = set(self.words.get("clause_breaks", []))
        start, end = sent.start, sent.end
        for tok in sent:
            is_break = tok.text in (",", ";", ":", "(", ")", "–", "—") or tok.lower_ in breaks
            if is_break and tok.i < at:
                start = tok.i + 1
            elif is_break and tok.i > at:
                end = tok.i
                break
        return start, end

    def _certainty_at(self, s: "Sentence", at: int) -> str:
        return self._sentence_certainty(s.span, at)

    def _attrs(self, cue: Span) -> dict:
        return self.rules.cues[int(cue.kb_id_)].attrs

    def _value(self, cue: Span) -> str:
        return self.rules.cues[int(cue.kb_id_)].value

    # ---------------------------------------------------------------- matches
    def _club_at(self, s: Sentence, i: int) -> Mention | None:
        for m in s.mentions:
            if m.label == "CLUB" and m.start == i and not m.in_quote:
                return m
        return None

    def _time_at(self, s: Sentence, i: int):
        for expr, a, b in s.times:
            if a == i:
                return expr
        return None

    def _opponent_after(self, s: Sentence, cue: Span) -> tuple[Mention | None, bool, int]:
        """The club named right after a match cue, or a hole where its name was stripped."""
        connectors = set(self.words.get("connectors", []))
        fillers = set(self.words.get("fillers", []))
        clause = set(self.words.get("clause_words", []))
        connector_seen = cue[-1].lower_ in connectors
        i = cue.end
        end = s.span.end
        if i < end and SCORE_TOKEN_RE.match(self.doc[i].text):
            i += 1   # "drawing 1-1 with Juventus"
        if i < end and self.doc[i].lower_ in connectors and not connector_seen:
            connector_seen = True
            self._last_connector = self.doc[i].lower_
            i += 1
        elif connector_seen:
            self._last_connector = cue[-1].lower_
        else:
            self._last_connector = ""
        for expr, a, b in s.times:   # "ontvangt op woensdag 9 december Atalanta"
            if a == i and self._club_at(s, b) is not None:
                i = b
        skipped = 0
        while i < end and self.doc[i].lower_ in fillers and skipped < 2 and self._club_at(s, i) is None:
            i += 1
            skipped += 1
        if i < end:
            club = self._club_at(s, i)
            if club is not None:
                return club, False, club.end
            away = self._attrs(cue).get("venue") == "away" or \
                getattr(self, "_last_connector", "") in self.words.get("away_connectors", [])
            town = next((m for m in s.mentions if m.label == "CITY" and m.start == i and not m.in_quote), None)
            if town is not None and away and (self.focus is None or town.name != self.focus.name):
                return town, False, town.end
        if connector_seen:
            if i >= end:
                return None, True, i
            tok = self.doc[i]
            temporal = self._last_connector in self.words.get("temporal_connectors", [])
            if tok.is_punct or tok.lower_ in clause or (self._time_at(s, i) is not None and not temporal):
                return None, True, i
        return None, False, cue.end

    def _coordinated_club(self, s: Sentence, club: Mention) -> Mention | None:
        """'Juventus and Bologna', 'Juventus en Bologna': the club joined to this one by 'and'."""
        coord = set(self.words.get("coordination", [])) - {","}
        j = club.end
        if j < s.span.end and self.doc[j].lower_ in coord:
            k = j + 1
            while k < s.span.end and self.doc[k].lower_ in self.words.get("fillers", []):
                k += 1
            nxt = self._club_at(s, k)
            if nxt is not None:
                return nxt
        return None

    def _subject_before(self, s: Sentence, cue: Span, opponent: Mention | None) -> Mention | None:
        """The club whose match it is: the nearest club before the cue in the same clause that is
        not itself the object of a connector ('with X', 'contro il X'); else None (the focus club)."""
        connectors = set(self.words.get("connectors", []))
        fillers = set(self.words.get("fillers", []))
        lo, _ = self._clause(s.span, cue.start)
        best = None
        for m in s.mentions:
            if m.label != "CLUB" or m.in_quote or m.end > cue.start or m.start < lo:
                continue
            if opponent is not None and m.start == opponent.start:
                continue
            j = m.start - 1
            while j >= s.span.start and self.doc[j].lower_ in fillers:
                j -= 1
            if j >= s.span.start and self.doc[j].lower_ in connectors:
                continue
            best = m
        if best is not None:
            return best
        for m in s.mentions:  # "the side of <coach>", "<coach>'s team": the coach's club
            if m.person is not None and m.person.role == "coach" and lo <= m.start and m.end <= cue.start \
                    and m.person.club and (opponent is None or self.kb.club_by_id(m.person.club).name != opponent.name):
                club = self.kb.club_by_id(m.person.club)
                if club is not None:
                    return Mention(m.start, m.end, "CLUB", club.name)
        for m in s.mentions:
            if m.label != "CLUB" or m.in_quote or (opponent is not None and m.start == opponent.start):
                continue
            gap = [t for t in self.doc[m.end:cue.start] if t.lower_ not in ("'s", "’s", "'", "zich", "ha", "has", "heeft", "è")]
            before = self.doc[m.start - 1].lower_ if m.start > s.span.start else ""
            if m.end <= cue.start and not gap and before not in self.words.get("connectors", []):
                return m
        return None

    def _score_near(self, s: Sentence, start: int, end: int, used: set[int]) -> tuple[int, int, int] | None:
        """A score token within three tokens of [start, end) that is not an in-game score."""
        in_game_ends = {c.end for c in s.cues.get("in_game", [])}
        lo, hi = max(s.span.start, start - 3), min(s.span.end, end + 3)
        best = None
        for i in range(lo, hi):
            m = SCORE_TOKEN_RE.match(self.doc[i].text)
            if not m or i in used:
                continue
            if any(e <= i and i - e <= 2 for e in in_game_ends):
                continue
            dist = min(abs(i - start), abs(i - (end - 1)))
            if best is None or dist < best[0]:
                best = (dist, i, int(m.group(1)), int(m.group(2)))
        if best is None:
            return None
        used.add(best[1])
        return best[1], best[2], best[3]

    def _new_claim(self, s: Sentence) -> MatchClaim:
        self.n_claims += 1
        c = MatchClaim(key=f"{self.article.id}#m{self.n_claims}", article_id=self.article.id,
                       subject=self.focus.name if self.focus else None, opponent=None)
        c.provenance.append(s.provenance(self.article.id))
        return c

    def _matches(self, s: Sentence) -> None:
        claims: list[tuple[MatchClaim, Span]] = []
        used_scores: set[int] = set()
        for cue in s.cues.get("match", []):
            attrs = self._attrs(cue)
            opp, hole, opp_end = self._opponent_after(s, cue)
            if opp is None and not hole and attrs.get("weak"):
                continue
            if attrs.get("weak") and opp is not None and self.focus is not None and opp.name == self.focus.name \
                    and self._subject_before(s, cue, opp) is None:
                continue  # "… gli ottavi alla Dea": a weak cue naming the club itself is no match
            score = self._score_near(s, cue.start, max(cue.end, opp_end), used_scores)
            adjacent_time = None
            for expr, a, b in s.times:
                between = {t.lower_ for t in self.doc[opp_end:a]} if a >= opp_end else set()
                joined = between & (set(self.words.get("coordination", [])) | {","})
                if expr.kind in MATCH_TIME_KINDS and (0 <= cue.start - b <= 4 or (0 <= a - opp_end <= 3 and not joined)):
                    adjacent_time = expr
            if opp is None and not hole and score is None and adjacent_time is None:
                continue
            c = self._new_claim(s)
            c.anchor = (cue.start, max(cue.end, opp_end))
            subj = self._subject_before(s, cue, opp)
            if subj is not None:
                c.subject = subj.name
            if opp is not None:
                if opp.name == c.subject:
                    c.self_reference = opp.name   # "a draw with <itself>": the opponent is unknown
                    hole = True
                else:
                    c.opponent = opp.name
            c.hole = hole
            c.venue = attrs.get("venue")
            if c.venue is None and self._last_connector in self.words.get("away_connectors", []):
                c.venue = "away"   # "a 3-0 win at X"
            c.result = attrs.get("result") if (score is not None or opp is not None) else None
            c.status = attrs.get("status")
            if attrs.get("result") and score is None and opp is None:
                c.result = None
            if score is not None:
                self._apply_score(c, score[1], score[2], cue_order=True)
            if adjacent_time is not None:
                c.time = adjacent_time
            claims.append((c, cue))
            if opp is not None and c.opponent is not None:
                sib = self._coordinated_club(s, opp)
                if sib is not None and sib.name != c.subject:
                    twin = self._new_claim(s)
                    twin.anchor = (sib.start, sib.end)
                    twin.subject, twin.opponent, twin.venue = c.subject, sib.name, c.venue
                    twin.status, twin.time = c.status, None
                    claims.append((twin, cue))
        # "Home – Away 2-1" and "<opponent> (1-1)"
        for m in s.mentions:
            if m.label != "CLUB" or m.in_quote:
                continue
            j = m.end
            if j < s.span.end and self.doc[j].text == "(":
                j += 1
            if j < s.span.end and j not in used_scores and SCORE_TOKEN_RE.match(self.doc[j].text):
                for c, cue in claims:
                    if c.opponent == m.name and c.subject_goals is None:
                        a, b = map(int, SCORE_TOKEN_RE.match(self.doc[j].text).groups())
                        used_scores.add(j)
                        self._apply_score(c, a, b, cue_order=False)
        self._pair_pattern(s, claims, used_scores)
        self._score_connector(s, claims, used_scores)
        if not claims:
            return
        self._fill_from_sentence(s, claims)
        self._current_sent = s.span
        merged = self._merge_in_sentence([c for c, _ in claims])
        s.claims = merged
        self.out.matches.extend(merged)

    def _score_connector(self, s: Sentence, claims, used_scores) -> None:
        """'the 2-2 at Bologna', 'il 2-2 di Bologna', 'de 1-1 tegen Inter': a score, a connector, a club."""
        connectors = set(self.words.get("connectors", [])) | {"di", "a"}
        for i in range(s.span.start, s.span.end - 2):
            m = SCORE_TOKEN_RE.match(self.doc[i].text)
            if not m or i in used_scores or self.doc[i + 1].lower_ not in connectors:
                continue
            club = self._club_at(s, i + 2)
            if club is None or any(c.opponent == club.name for c, _ in claims):
                continue
            c = self._new_claim(s)
            c.anchor = (i, club.end)
            subj = self._subject_before(s, self.doc[i:i + 1], club)
            if subj is not None:
                c.subject = subj.name
            if club.name == c.subject:
                c.self_reference, c.hole = club.name, True
            else:
                c.opponent = club.name
            used_scores.add(i)
            self._apply_score(c, int(m.group(1)), int(m.group(2)), cue_order=True)
            claims.append((c, self.doc[i:club.end]))

    def _pair_pattern(self, s: Sentence, claims, used_scores) -> None:
        """'Atalanta-Sassuolo 5-1' / 'Atalanta – Sassuolo: 5-1': home and away in that order."""
        clubs = [m for m in s.mentions if m.label == "CLUB" and not m.in_quote]
        coord = set(self.words.get("coordination", [])) - {","}
        for a, b in zip(clubs, clubs[1:]):
            between = self.doc[a.end:b.start]
            if len(between) != 1:
                continue
            sm = None
            if between[0].lower_ in coord:   # "Atalanta en Ajax speelden met 2-2 gelijk"
                lo, hi = self._clause(s.span, b.end)
                j = next((k for k in range(b.end, min(hi, b.end + 6)) if SCORE_TOKEN_RE.match(self.doc[k].text)), None)
                if j is None or j in used_scores:
                    continue
                sm = SCORE_TOKEN_RE.match(self.doc[j].text)
                c = self._new_claim(s)
                c.anchor = (a.start, j + 1)
                c.subject, c.opponent = a.name, b.name
                if j not in used_scores:
                    used_scores.add(j)
                    self._apply_score(c, int(sm.group(1)), int(sm.group(2)), cue_order=False)
                claims.append((c, self.doc[a.start:b.end]))
                continue
            if between[0].text not in ("-", "–", "—", "vs", "v"):
                continue
            j = b.end
            while j < s.span.end and self.doc[j].text in (":", ","):
                j += 1
            sm = SCORE_TOKEN_RE.match(self.doc[j].text) if j < s.span.end else None
            c = self._new_claim(s)
            c.anchor = (a.start, b.end)
            c.subject, c.opponent, c.venue = a.name, b.name, "home"
            if sm and j not in used_scores:
                used_scores.add(j)
                c.subject_goals, c.opponent_goals = int(sm.group(1)), int(sm.group(2))
                c.status = "played"
            claims.append((c, self.doc[a.start:b.end]))

    def _apply_score(self, c: MatchClaim, a: int, b: int, cue_order: bool) -> None:
        """Orient a score a-b to the subject, by the language's convention."""
        c.status = c.status or "played"
        if c.status == "scheduled":
            c.status = "played"
        order = self.rules.score_order if cue_order else "home_away"
        if a == b:
            c.subject_goals = c.opponent_goals = a
            c.result = "D"
            return
        if order == "winner_first" and c.result in ("W", "L"):
            hi, lo = max(a, b), min(a, b)
            c.subject_goals, c.opponent_goals = (hi, lo) if c.result == "W" else (lo, hi)
            return
        # home-away order
        if c.venue == "home":
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
            c.venue = c.venue  # unknown
        if c.result is None and c.subject_goals is not None:
            c.result = "W" if c.subject_goals > c.opponent_goals else "L"

    def _chained(self, claims: list[MatchClaim], nearest: MatchClaim) -> list[MatchClaim]:
        """This claim and those joined to it by coordination alone
        ('né contro il Sassuolo né contro il Parma', 'against Juventus and Bologna')."""
        glue = set(self.words.get("coordination", [])) | set(self.words.get("connectors", [])) \
            | set(self.words.get("fillers", [])) | {"né", "neither", "nor", "noch", "both", "for", "per", "voor", ","}
        ordered = sorted(claims, key=lambda c: c.anchor[0])
        i = ordered.index(nearest)
        chain = [nearest]
        for step in (1, -1):
            j = i
            while 0 <= j + step < len(ordered):
                a, b = (ordered[j], ordered[j + step]) if step == 1 else (ordered[j + step], ordered[j])
                between = self.doc[a.anchor[1]:b.anchor[0]]
                cue_tokens = {i for c in self._current_cues("match") for i in range(c.start, c.end)}
                if all(t.lower_ in glue or t.is_punct or t.i in cue_tokens or t.is_title
                       or SCORE_TOKEN_RE.match(t.text) for t in between):
                    chain.append(ordered[j + step])
                    j += step
                else:
                    break
        return sorted(chain, key=lambda c: c.anchor[0])

    def _current_cues(self, kind: str) -> list[Span]:
        return [c for c in self._cues_by_sent[self._sent_index] if c.label_ == kind]

    def _reachable(self, s: Sentence, claims, start: int):
        """Claims not separated from token `start` by a contrastive break ('mentre', 'but', 'maar')."""
        breaks = set(self.words.get("clause_breaks", []))
        out = []
        for c in claims:
            lo, hi = sorted((start, c.anchor[0]))
            if not any(t.lower_ in breaks for t in self.doc[lo:hi]):
                out.append(c)
        return out

    def _nearest_claim(self, claims, start: int, end: int):
        """The claim whose words stand nearest to tokens [start, end)."""
        def dist(c):
            a, b = c.anchor
            return 0 if a < end and start < b else min(abs(start - b), abs(a - end))
        return min(claims, key=dist) if claims else None

    def _fill_from_sentence(self, s: Sentence, claims) -> None:
        comps = [m for m in s.mentions if m.label == "COMP" and not m.in_quote]
        reason = None
        for cue in s.cues.get("reason", []):
            reason = self._value(cue)
            break
        only = [c for c, _ in claims]
        def nearest_ids(kind: str) -> set[int]:
            ids = set()
            for cue in s.cues.get(kind, []):
                reach = self._reachable(s, only, cue.start)
                if reach:
                    ids.add(id(self._nearest_claim(reach, cue.start, cue.end)))
            return ids
        postponed_claims, future_claims, played_claims = nearest_ids("postponed"), nearest_ids("future"), nearest_ids("played")
        times = [(e, a, b) for e, a, b in s.times if e.kind in MATCH_TIME_KINDS]
        for c, cue in claims:
            near = [m for m in comps if -2 <= m.start - c.anchor[1] <= 6 or -6 <= c.anchor[0] - m.end <= 2]
            if c.competition is None and (near or (comps and len(claims) == 1)):
                pool = near or comps
                c.competition = min(pool, key=lambda m: abs(m.start - cue.start)).name
            if id(c) in postponed_claims:
                c.status = "postponed"
                c.status_reason = reason
            elif c.status is None:
                if id(c) in future_claims:
                    c.status = "scheduled"
                elif id(c) in played_claims:
                    c.status = "played"
            if c.time is None and times:
                nearest = min(times, key=lambda t: min(abs(t[1] - c.anchor[1]), abs(c.anchor[0] - t[2])))
                if len(claims) == 1 or self._nearest_claim(only, nearest[1], nearest[2]) is c:
                    c.time = nearest[0]
            if c.time is not None:
                self.out.times.append((c.time, c.key))

    def _merge_in_sentence(self, claims: list[MatchClaim]) -> list[MatchClaim]:
        named: dict[tuple, MatchClaim] = {}
        generic: list[MatchClaim] = []
        for c in claims:
            if c.opponent is None:
                generic.append(c)
                continue
            key = (c.subject, c.opponent)
            if key in named:
                _absorb(named[key], c)
            else:
                named[key] = c
        out = list(named.values())
        if len(out) == 1:
            for g in generic:
                if not g.hole and _compatible(out[0], g):
                    _absorb(out[0], g)
                else:
                    out.append(g)
        elif not out and generic:
            base = generic[0]
            for g in generic[1:]:
                if _compatible(base, g):
                    _absorb(base, g)
                else:
                    out.append(g)
            out.insert(0, base)
        else:
            # several matches in one sentence: a generic mention joins the named one of its clause
            for g in generic:
                lo, hi = self._clause(self._current_sent, g.anchor[0])
                mates = [c for c in out if c.named and lo <= c.anchor[0] < hi and _compatible(c, g) and not g.hole]
                if len(mates) == 1:
                    _absorb(mates[0], g)
                else:
                    out.append(g)
        return out

    def _match_for(self, s: Sentence, cue: Span | None, carry: bool) -> MatchClaim | None:
        if s.claims:
            if len(s.claims) == 1 or cue is None:
                return s.claims[0]
            return self._nearest_claim(s.claims, cue.start, cue.end)
        if s.cues.get("anaphora") or (carry and self.continuity):
            return self.current_match
        return None

    def _event_match(self, s: Sentence, cue: Span, etype: str) -> MatchClaim | None:
        """The match an event happened at: a match told in the same clause, or, for events that
        happen at matches, one the sentence places it at ("in de rust van", "during", "negli
        spogliatoi") or the story goes on about. Never a match still to come."""
        at_match = bool(s.cues.get("played") or s.cues.get("anaphora"))
        match = None
        if s.claims:
            nearest = self._nearest_claim(s.claims, cue.start, cue.end)
            lo, hi = self._clause(s.span, cue.start)
            mlo, mhi = self._clause(s.span, nearest.anchor[0])
            placed = any(mlo <= c.start < mhi for kind in ("played", "anaphora") for c in s.cues.get(kind, []))
            if lo <= nearest.anchor[0] < hi or (etype in MATCH_BOUND_EVENTS and placed):
                match = nearest
        elif etype in MATCH_BOUND_EVENTS and (at_match or (etype != "dispute" and self.continuity)):
            match = self.current_match
        if match is not None and match.status == "scheduled":
            return None  # nothing has happened yet at a match still to come
        return match

    # --------------------------------------------------------------- statuses
    def _players(self, s: Sentence) -> list[Mention]:
        return [m for m in s.mentions if m.person is not None and not m.in_quote and m.person.role == "player"]

    def _targets(self, s: Sentence, cue: Span, slot: str) -> list[Person]:
        """The players a status cue is about, looked for in the cue's clause first, then the sentence."""
        if slot in ("first", "before", "after"):
            lo, hi = self._clause(s.span, cue.start)
            in_clause = self._targets_in(s, cue, slot, [m for m in self._players(s) if lo <= m.start < hi],
                                         clause=True)
            if in_clause:
                return in_clause
        return self._targets_in(s, cue, slot, self._players(s))

    def _targets_in(self, s: Sentence, cue: Span, slot: str, players: list[Mention],
                    clause: bool = False) -> list[Person]:
        if slot == "first":
            # the subject: the first player if it stands before the cue, else the nearest before
            before = [m for m in players if m.end <= cue.start]
            if players and players[0].end <= cue.start:
                chosen = self._coordinated(players, 0)
            elif before:
                chosen = self._coordinated(before, len(before) - 1)
            elif clause:
                chosen = []   # the subject may stand before the clause: look in the sentence
            else:
                chosen = self._coordinated(players, 0)
        elif slot == "before":
            before = [m for m in players if m.end <= cue.start]
            chosen = self._coordinated(before, len(before) - 1) if before else []
            coach_before = any(m.person is not None and m.person.role == "coach" and m.end == cue.start
                               for m in s.mentions)
            if coach_before:   # "<coach> started <player>": the player is the object
                after = [m for m in players if m.start >= cue.end]
                chosen = self._coordinated(after, 0) if after else []
        elif slot == "after":   # a name may share its first token with the cue ("… dell'|argentino")
            after = [m for m in players if m.start >= cue.end or (m.start > cue.start and m.end > cue.end)]
            chosen = self._coordinated(after, 0) if after else []
        elif slot == "inside":
            chosen = [m for m in players if m.start >= cue.start and m.end <= cue.end]
        else:  # sentence
            chosen = players
        people = [m.person for m in chosen]
        if not people and slot in ("first", "before", "sentence") and not any(
                m.person is not None and not m.in_quote for m in s.mentions) and self.last_player:
            people = [self.last_player]
        out: list[Person] = []
        for p in people:
            if p not in out:
                out.append(p)
        return out

    def _coordinated(self, mentions: list[Mention], i: int) -> list[Mention]:
        """The mention at i and those joined to it by 'and', 'en', 'e', commas: 'X en Y', 'X, Y and Z'."""
        if not mentions:
            return []
        coord = set(self.words.get("coordination", [",", "and"]))
        group = [mentions[i]]
        j = i
        while j + 1 < len(mentions) and all(t.lower_ in coord for t in self.doc[mentions[j].end:mentions[j + 1].start]) \
                and mentions[j + 1].start > mentions[j].end:
            j += 1
            group.append(mentions[j])
        j = i
        while j - 1 >= 0 and all(t.lower_ in coord for t in self.doc[mentions[j - 1].end:mentions[j].start]) \
                and mentions[j].start > mentions[j - 1].end:
            j -= 1
            group.insert(0, mentions[j])
        return group

    def _status_claim(self, person: Person, status: str, match: MatchClaim | None, value: str,
                      certainty: str, sent: Span, time=None) -> None:
        prov = Sentence(sent, [], {}, certainty=certainty).provenance(self.article.id)
        for existing in self.out.statuses:
            if existing.player == person.name and existing.status == status and \
                    existing.match_key == (match.key if match else None) and \
                    existing.provenance.start == prov.start:
                return
        self.out.statuses.append(StatusClaim(person.name, status, match.key if match else None,
                                             value, certainty, prov, time))

    def _statuses(self, s: Sentence) -> None:
        for cue in s.cues.get("status", []):
            if self._value(cue) == "none":
                continue  # e.g. "started on the bench": says no status of its own
            attrs = self._attrs(cue)
            clause = self._clause(s.span, cue.start)
            in_clause = [c for c in s.claims if c.named and clause[0] <= c.anchor[0] < clause[1]]
            if s.claims:
                reach = self._reachable(s, s.claims, cue.start)
                # "left out of the squad for the trip to X": the match the status is for follows it
                ahead = sorted((c for c in reach if c.named and cue.end <= c.anchor[0] < clause[1]),
                               key=lambda c: c.anchor[0])
                if ahead and len(reach) > 1:
                    target = ahead[0]
                else:
                    target = self._nearest_claim(reach, cue.start, cue.end) if reach else None
                # and the matches listed together with it ("né contro il Sassuolo né contro il Parma")
                matches = self._chained(in_clause, target) if target in in_clause and len(in_clause) > 1 \
                    else ([target] if target else [])
            else:
                matches = [self._match_for(s, cue, carry=True) or self.current_match]
            slot = attrs.get("slot", "first")
            certainty = self._certainty_at(s, cue.start)
            for match in matches:
                for p in self._targets(s, cue, slot):
                    self._status_claim(p, self._value(cue), match, "", certainty, s.span)
                if attrs.get("other"):
                    other_slot = {"before": "after", "after": "before"}.get(slot, "after")
                    for p in self._targets(s, cue, other_slot):
                        self._status_claim(p, attrs["other"], match, "", certainty, s.span)
        subs = [c for c in s.cues.get("status", []) if self._value(c) in ("substituted_on", "substituted_off")]
        if subs:
            match = self._match_for(s, subs[0], carry=True) or self.current_match
            for cue in s.cues.get("sub_pair", []):
                people = [m for m in self._players(s) if m.start >= cue.start and m.end <= cue.end]
                if len(people) == 2:
                    certainty = self._certainty_at(s, cue.start)
                    self._status_claim(people[0].person, "substituted_on", match, "", certainty, s.span)
                    self._status_claim(people[1].person, "substituted_off", match, "", certainty, s.span)
        # contract, joined, expected departure: standing facts
        players = self._players(s)
        for cue in s.cues.get("contract", []):
            expr = self._time_after(s, cue.start)
            target = self._targets(s, cue, "first")
            if expr is not None and target:
                self._status_claim(target[0], "contract_until", None, "", self._certainty_at(s, cue.start), s.span, time=expr)
        first_person = next((m.person for m in s.mentions if m.person is not None and not m.in_quote), None)
        for cue in s.cues.get("joined", []):
            year = next((e for e, a, b in s.times if e.kind in ("year", "since_year", "years_ago")), None)
            target = self._targets(s, cue, "first")
            if year is not None and target and target[0] is first_person:
                self._status_claim(target[0], "joined", None, "", self._certainty_at(s, cue.start), s.span, time=year)
        for expr, a, b in s.times:
            if expr.kind == "since_year" and players and first_person is players[0].person and (s.cues.get("club_word") or any(
                    m.label == "CLUB" and self.focus and m.name == self.focus.name for m in s.mentions)):
                self._status_claim(players[0].person, "joined", None, "", self._certainty_at(s, a), s.span, time=expr)
        if s.cues.get("departure"):
            cue = s.cues["departure"][0]
            expr = self._time_near(s, cue, STANDING_TIME_KINDS | {"season"})
            for p in self._targets(s, cue, "sentence"):
                self._status_claim(p, "expected_departure", None, "", self._certainty_at(s, cue.start), s.span, time=expr)

    def _time_after(self, s: Sentence, i: int):
        for expr, a, b in s.times:
            if a >= i:
                return expr
        return None

    def _time_near(self, s: Sentence, cue: Span, kinds: set[str]):
        cands = [(e, a, b) for e, a, b in s.times if e.kind in kinds]
        if not cands:
            return None
        return min(cands, key=lambda t: min(abs(t[1] - cue.end), abs(cue.start - t[2])))[0]

    # ----------------------------------------------------------------- events
    def _actors(self, s: Sentence, journalists: bool = False) -> list[Person]:
        people = [m.person for m in s.mentions if m.person is not None and not m.in_quote
                  and (journalists or m.person.role != "journalist")]
        if not people and not any(m.person is not None for m in s.mentions):
            people = [p for p in self.last_persons if journalists or p.role != "journalist"]
        out: list[Person] = []
        for p in people:
            if p not in out:
                out.append(p)
        return out

    def _event(self, s: Sentence, event_type: str, actors: list[Person], match: MatchClaim | None,
               time=None, at: int | None = None, extra_actors: list[str] = ()) -> None:
        if not actors:
            return
        prov = s.provenance(self.article.id)
        if at is not None:
            prov.certainty = self._certainty_at(s, at)
        names = sorted({p.name for p in actors} | set(extra_actors))
        for e in self.out.events:
            if e.event_type == event_type and e.provenance[0].start == prov.start:
                e.actors = sorted(set(e.actors) | set(names))
                return
        self.out.events.append(EventClaim(event_type, names, match.key if match else None,
                                          prov.certainty, [prov], time))

    def _events(self, s: Sentence) -> None:
        seen_types = set()
        for cue in s.cues.get("event", []):
            etype = self._value(cue)
            if etype in seen_types:
                continue
            seen_types.add(etype)
            match = self._event_match(s, cue, etype)
            time = self._time_near(s, cue, MATCH_TIME_KINDS | {"recent"})
            actors = self._actors(s)
            if etype == "dispute":   # the player sent on in someone's place is no party to the quarrel
                sent_on = {st.player for st in self.out.statuses
                           if st.status == "substituted_on" and st.provenance.start == s.provenance(self.article.id).start}
                actors = [p for p in actors if p.name not in sent_on] or actors
            if not any(m.person is not None and not m.in_quote for m in s.mentions):
                previous = [e for e in self.out.events if e.event_type == etype]
                if previous:  # "the relationship between the two": the parties told before
                    actors = [p for p in (self.kb.person(n) for n in previous[-1].actors) if p is not None]
                elif etype in ("dispute", "altercation") and len(actors) < 2:
                    continue  # a quarrel named without its parties, and no earlier one to refer to
            self._event(s, etype, actors, match, time, at=cue.start)
        if s.cues.get("social"):
            people = self._actors(s, journalists=True)
            if people and not any(p.role == "journalist" for p in people):
                time = self._time_near(s, s.cues["social"][0], MATCH_TIME_KINDS)
                posters = [p for p in people if p.club == (self.focus.id if self.focus else p.club)] or people
                self._event(s, "social_media_post", posters[:1], None, time, at=s.cues["social"][0].start)
        transfer_cues = s.cues.get("departure", []) + s.cues.get("transfer_interest", [])
        if transfer_cues:
            cue = transfer_cues[0]
            people = self._actors(s, journalists=True)
            if any(p.role == "player" for p in people) or any(p.role == "coach" for p in people):
                expr = self._time_near(s, cue, STANDING_TIME_KINDS | {"season"})
                own = {p.club for p in people if p.club}
                clubs = [m.name for m in s.mentions if m.label == "CLUB" and not m.in_quote
                         and self.kb.club(m.name) is not None and self.kb.club(m.name).id not in own]
                self._event(s, "transfer_report", people, None, expr, at=cue.start, extra_actors=clubs)

    # -------------------------------------------------------------- situation
    def _situation(self, s: Sentence) -> None:
        if not s.cues.get("situation") or self.focus is None:
            return
        opponents = {c.opponent for c in s.claims}
        clubs = [m for m in s.mentions if m.label == "CLUB" and not m.in_quote and m.name not in opponents]
        if clubs and clubs[0].name != self.focus.name:
            return
        comps = [m.name for m in s.mentions if m.label == "COMP" and not m.in_quote]
        league = next((c.name for c in (self.kb.competition_by_id(x) for x in self.focus.competitions)
                       if c is not None and c.kind == "league"), None)
        seen = set()
        for cue in s.cues["situation"]:
            attrs = self._attrs(cue)
            metric = attrs.get("metric")
            value = self._value(cue) or None
            if value is None:
                for tok in cue:
                    n = self.rules.ordinal(tok.text) if metric == "league_position" else self.rules.number(tok.text)
                    if n is not None:
                        value = str(n)
                        break
            if value is None or metric in seen:
                continue
            seen.add(metric)
            match = None
            if metric in ("requirement", "qualified"):
                match = self._match_for(s, cue, carry=True) or self.current_match
                comp = comps[0] if comps else (match.competition if match else None)
            else:
                comp = next((c for c in comps if self.kb.competition(c) and self.kb.competition(c).kind == "league"), league)
                played = [c for c in s.claims if c.status == "played"]
                if len(played) == 1:
                    match = played[0]   # "beat Roma 4-1 to climb to seventh": the table after that match
            if comp is None:
                continue
            self.out.situation.append(SituationClaim(comp, metric, str(value), s.provenance(self.article.id),
                                                     match.key if match else None))

    # ---------------------------------------------------------------- context
    def _advance_context(self, s: Sentence) -> None:
        told = False
        if s.claims:
            named = [c for c in s.claims if c.named] or s.claims
            self.current_match = min(named, key=lambda c: c.anchor[0])
            told = True
        elif s.cues.get("anaphora") and self.current_match is not None:
            told = True
        elif self.continuity and (s.cues.get("status") or any(
                self._value(c) in MATCH_BOUND_EVENTS for c in s.cues.get("event", []))):
            told = True
        self.continuity = told
        persons = [m.person for m in s.mentions if m.person is not None and not m.in_quote]
        if persons:
            self.last_persons = persons
        players = [p for p in persons if p.role == "player"]
        if players:
            self.last_player = players[-1]

    # ------------------------------------------------------------ within article
    def _merge_within_article(self) -> None:
        """Claims about one match told in several sentences become one claim."""
        claims = self.out.matches
        merged: list[MatchClaim] = []
        alias: dict[str, str] = {}
        for c in claims:
            if c.opponent is None:
                continue
            target = next((m for m in merged if m.subject == c.subject and m.opponent == c.opponent
                           and _compatible(m, c)), None)
            if target is None:
                merged.append(c)
            else:
                _absorb(target, c)
                alias[c.key] = target.key
        for c in claims:
            if c.opponent is not None:
                continue
            cands = [m for m in merged if m.opponent is not None and _compatible(m, c) and _shared(m, c) > 0]
            if len(cands) > 1:
                best = max(_shared(m, c) for m in cands)
                cands = [m for m in cands if _shared(m, c) == best]
            if len(cands) == 1:
                _absorb(cands[0], c)
                alias[c.key] = cands[0].key
            else:
                twin = next((m for m in merged if m.opponent is None and _compatible(m, c) and
                             m.time is not None and c.time is not None and _same_time(m.time, c.time)), None)
                if twin is not None:
                    _absorb(twin, c)
                    alias[c.key] = twin.key
                else:
                    merged.append(c)
        self.out.matches = merged
        for st in self.out.statuses:
            if st.match_key in alias:
                st.match_key = alias[st.match_key]
        for ev in self.out.events:
            if ev.match_key in alias:
                ev.match_key = alias[ev.match_key]
        self.out.times = [(t, alias.get(k, k)) for t, k in self.out.times]


def _shared(a: MatchClaim, b: MatchClaim) -> int:
    """How many attributes two compatible claims positively share."""
    n = 0
    if a.time is not None and b.time is not None and _same_time(a.time, b.time):
        n += 2
    if a.competition and a.competition == b.competition:
        n += 1
    if a.subject_goals is not None and b.subject_goals is not None:
        n += 1
    if a.status and a.status == b.status:
        n += 1
    return n


def _same_time(a, b) -> bool:
    return a.kind == b.kind and a.value == b.value and a.direction == b.direction


def _compatible(a: MatchClaim, b: MatchClaim) -> bool:
    """Could two claims be about the same match? Every attribute both state must agree."""
    if a.opponent and b.opponent and a.opponent != b.opponent:
        return False
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if a.venue and b.venue and a.venue != b.venue:
        return False
    if a.competition and b.competition and a.competition != b.competition:
        return False
    if a.subject_goals is not None and b.subject_goals is not None and \
            (a.subject_goals, a.opponent_goals) != (b.subject_goals, b.opponent_goals):
        return False
    if a.status and b.status and a.status != b.status:
        return False
    if a.time is not None and b.time is not None and not _same_time(a.time, b.time):
        return False
    return True


def _absorb(into: MatchClaim, other: MatchClaim) -> None:
    for attr in ("opponent", "venue", "competition", "status", "status_reason", "time", "result"):
        if getattr(into, attr) is None and getattr(other, attr) is not None:
            setattr(into, attr, getattr(other, attr))
    if into.subject_goals is None and other.subject_goals is not None:
        into.subject_goals, into.opponent_goals = other.subject_goals, other.opponent_goals
    into.hole = into.hole and other.hole
    into.self_reference = into.self_reference or other.self_reference
    for p in other.provenance:
        if all(p.start != q.start for q in into.provenance):
            into.provenance.append(p)
    into.merged_keys.append(other.key)
    into.merged_keys.extend(other.merged_keys)
