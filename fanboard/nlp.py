"""One spaCy pipeline per language, built from rules and the knowledge base.

    spacy.blank(lang)
      → fanboard_glued    splits a name glued to the word before it ("VideoJuventus"), see GluedNames
      → sentencizer
      → fanboard_scores   merges "1 - 1" into one token, so scores look alike in every language
      → entity_ruler      clubs, people, competitions and role descriptions from data/kb
      → fanboard_quotes   marks tokens inside quotation marks (Token._.in_quote)
      → fanboard_cues     cue phrases from data/patterns/<lang>.json → doc.spans["cues"]
      → fanboard_times    time expressions (fanboard/extract/times.py) → doc.spans["times"]
      then the claim components of fanboard/extract/pipeline.py, disabled: they run when
      Extractor.extract pairs the Doc with its article.

Everything language-specific is data: data/kb/*.csv and data/patterns/ (the folder is
the `patterns_dir` of build_pipeline, passed to the components in their spaCy config).
A statistical model can be plugged in with FANBOARD_SPACY_MODEL_<LANG> (or the
`model` argument); its tokenizer, sentences and NER then feed the same rules.
It is never required.
"""
from __future__ import annotations

import itertools
import os
import re
import warnings
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from .extract import times as _times  # noqa: F401  (registers the fanboard_times component)
from .extract.context import COMMON_WORD, SHARED
from .text import normalize
from .kb import KB
from .patterns import PATTERNS_DIR, Cue, LanguageRules, PatternError, compile_pattern, load_rules
from .pieces import text_of, token_texts
from .windowmatcher import WindowMatcher

__all__ = ["PATTERNS_DIR", "PIPELINE_VERSION", "SCORE_TOKEN_RE", "Cue", "LanguageRules", "PatternError",
           "compile_pattern", "load_rules", "build_pipeline", "Pipelines", "default_pipelines"]

from .rulesprint import PIPELINE_VERSION  # noqa: E402  (bump it there when rules change the output)

# no digit, dash, slash, dot or colon before the first digit; the pattern starts with that digit (a
# lookbehind first made the regex engine try every position of the text)
SCORE_RE = re.compile(r"(\d(?<![\d\-–/.:]\d)\d?)\s?[-–]\s?(\d{1,2})(?![\d\-–/]|[.,:]\d)")
SCORE_TOKEN_RE = re.compile(r"^(\d{1,2})[-–](\d{1,2})$")
QUOTE_PAIRS = {"“": "”", "„": "”", "«": "»", '"': '"', "‘": "’"}

if not Token.has_extension("in_quote"):
    Token.set_extension("in_quote", default=False)


@Language.component("fanboard_scores", retokenizes=True)
def merge_scores(doc: Doc) -> Doc:
    """Merge '1', '-', '1' into one token '1-1' so that every language sees scores alike."""
    spans = []
    for m in SCORE_RE.finditer(text_of(doc)):   # the text stays the same when scores are merged
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retok:
            for span in spacy.util.filter_spans(spans):
                retok.merge(span)
    return doc


@Language.factory("fanboard_glued", retokenizes=True)
def make_glued_names(nlp: Language, name: str):
    return GluedNames(nlp)


class GluedNames:
    """Splits a knowledge-base name off the word it is glued to in scraped text: a caption's
    "Video" before the headline's club ("VideoJuventus"), a competition before the club that
    starts the next sentence ("LeagueReal Madrid", "Serie AInter"), a list's stray letter
    ("xRossi"), a score's bracket before a lineup's club ("(0-2)PARMA"). The text stays as it is; only the token ends.

    A split is made where a lower-case letter (or a closing bracket) meets a capital inside one
    token, or a capital meets a capitalised word, the part from the capital on is a name or alias of at least MIN_CHARS characters (a
    club, person or competition, or the first word of one whose next words follow), the whole
    token is no name itself, and the part before is no name particle ("McTominay", "DeLigt",
    "DiMarco" stay whole). `forms` is set by build_pipeline from the knowledge base."""

    MIN_CHARS = 4
    PARTICLES = frozenset({"mc", "mac", "de", "di", "da", "del", "della", "van", "von", "der", "den",
                           "la", "le", "du", "dos", "das", "o", "d", "l", "st", "el", "al"})
    # a match starts at the capital where the split is made; the pattern begins with that capital
    # (a lookbehind first made the regex engine try every position of the text: 13x slower)
    _AT = re.compile(r"[A-ZÀ-ÖØ-Þ](?:(?<=[^\W\d_A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ])|(?<=[)\]][A-ZÀ-ÖØ-Þ])"   # "VideoJuventus", ")PARMA"
                     r"|(?<=[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ])(?=[^\W\d_A-ZÀ-ÖØ-Þ]))")               # "Serie AInter"

    def __init__(self, nlp: Language):
        self.single: set[str] = set()                        # one-token names, lower case
        self.leading: dict[str, list[tuple[str, ...]]] = {}   # a longer name's first word → its next words

    def set_forms(self, nlp: Language, forms) -> None:
        for text in forms:
            words = [t.text.lower() for t in nlp.make_doc(text)]
            if len(words) == 1:
                self.single.add(words[0])
            elif words:
                self.leading.setdefault(words[0], []).append(tuple(words[1:]))

    def _is_name(self, doc: Doc, i: int, right: str) -> bool:
        low = right.lower()
        if len(right) < self.MIN_CHARS:
            return False
        if low in self.single:
            return True
        following = [t.lower_ for t in doc[i + 1:i + 4]]
        return any(tuple(following[:len(rest)]) == rest for rest in self.leading.get(low, ()))

    def __call__(self, doc: Doc) -> Doc:
        if not self.single and not self.leading:
            return doc
        starts = None
        splits: list[tuple[int, list[str]]] = []
        for m in self._AT.finditer(text_of(doc)):
            if starts is None:
                starts = _token_starts(doc)
            i = bisect_right(starts, m.start()) - 1
            tok = doc[i]
            cut = m.start() - tok.idx
            if cut <= 0 or (splits and splits[-1][0] == i) or tok.lower_ in self.single:
                continue
            left, right = tok.text[:cut], tok.text[cut:]
            if left.lower() in self.PARTICLES or not self._is_name(doc, i, right):
                continue
            parts = [left, right]
            if left[-1] in ")]" and len(left) > 1:   # "(0-2)PARMA": the bracket is a token of its own
                parts = [left[:-1], left[-1], right]
            splits.append((i, parts))
        if splits:
            with doc.retokenize() as retok:
                for i, parts in splits:
                    tok = doc[i]
                    retok.split(tok, parts, heads=[(tok, 0)] * len(parts))
        return doc


@Language.component("fanboard_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and subtitles carry no full stop. (The token after
    one whose text or trailing space holds a line break starts a sentence; found from where the
    text's line breaks stand rather than by reading every token.)"""
    starts = _token_starts(doc)
    after = sorted({bisect_right(starts, m.start()) for m in _LINE_BREAK.finditer(text_of(doc))})
    breaks = set(after)
    not_starts = []
    for m in _BRACKET_MINUTE.finditer(text_of(doc)):   # "Mendy (86.) kwam ...": a minute, no full stop
        i = bisect_right(starts, m.end() - 1)
        if i < len(doc) and i not in breaks and starts[i] >= m.end():
            not_starts.append(i)
    if doc.has_annotation("DEP"):   # a parsed Doc: spaCy refuses the change (E043), as it always did
        for i in after:
            if 1 <= i < len(doc):
                doc[i].is_sent_start = True
        for i in not_starts:
            doc[i].is_sent_start = False
        return doc
    # all at once: each `token.is_sent_start = ...` first checks the whole Doc for a parse, which
    # made this quadratic in the length of a text with many lines
    values = doc.to_array(SENT_START)
    values[[i for i in after if 1 <= i < len(doc)]] = 1
    values[not_starts] = numpy.uint64(-1 % 2 ** 64)   # sent_start -1: no sentence starts here
    doc.from_array([SENT_START], values)
    return doc


_BRACKET_MINUTE = re.compile(r"\(\d{1,3}\.\)(?=[ \t]+\S)")


_LINE_BREAK = re.compile(r"\n")


def _token_starts(doc: Doc) -> list[int]:
    """The character offset of every token (tokens cover the text one after another)."""
    return doc.to_array(IDX).tolist()


@Language.component("fanboard_quotes", assigns=["token._.in_quote"])
def mark_quotes(doc: Doc) -> Doc:
    """Token._.in_quote for tokens inside quotation marks (quoted speech is not the reporter's claim).

    Only the tokens that open or close a quote, or end a paragraph, change anything: those are
    found from where quotation marks and blank lines stand in the text, and the tokens between
    an opening and its closing mark are marked."""
    text = text_of(doc)
    if not any(ch in text for ch in QUOTE_PAIRS):
        return doc   # nothing opens a quote
    starts = _token_starts(doc)
    marks = sorted({bisect_right(starts, m.start()) - 1 for m in _QUOTE_EVENT.finditer(text)})
    open_char: str | None = None
    opened = 0
    for i in marks:
        tok = doc[i]
        ch = tok.text
        if open_char is None:
            if ch in QUOTE_PAIRS and not (ch == "‘" and i > 0 and tok.idx == doc[i - 1].idx + len(doc[i - 1])):
                open_char, opened = ch, i
        elif ch == QUOTE_PAIRS[open_char] or (ch == "\n" * len(ch) and ch.count("\n") >= 2):
            # the closing mark, or a paragraph end: an unclosed quote ends with its paragraph; a
            # name or two between marks ('in casa dei "Lancieri"') is a nickname, not speech
            if ch != QUOTE_PAIRS[open_char] or not _quoted_name(doc[opened + 1:i]):
                for t in doc[opened:i + 1]:
                    t._.in_quote = True
            open_char = None
    if open_char is not None:
        for t in doc[opened:]:
            t._.in_quote = True
    return doc


SCARE_QUOTE_WORDS = 2   # at most this many words between quotation marks, all capitalised: a name


def _quoted_name(tokens) -> bool:
    """Do the tokens between two quotation marks hold only a name ("Lancieri", “Gasp”)?"""
    words = [t for t in tokens if t.is_alpha]
    return 0 < len(words) <= SCARE_QUOTE_WORDS and all(t.text[0].isupper() for t in words) \
        and all(t.is_alpha or t.is_space or t.text in "'’-." for t in tokens)
_QUOTE_EVENT = re.compile("[" + re.escape("".join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values())))) + "]|(?=\n\n)")


@Language.factory("fanboard_cues", default_config={"lang": "", "patterns_dir": ""},
                  requires=["doc.ents"], assigns=["doc.spans"])
def make_cue_matcher(nlp: Language, name: str, lang: str, patterns_dir: str):
    return CueMatcher(nlp, load_rules(lang or nlp.lang, patterns_dir or None))


class CueMatcher:
    """Finds the cue phrases of data/patterns/<lang>.json and stores them as doc.spans['cues'].

    Each span's label is the cue kind and its kb_id is the cue's index in `rules.cues`.

    Most cues are plain phrases ("according to", "zou|zouden"): those go to a PhraseMatcher
    on LOWER, which looks each token up once. Only cues with wildcards, optional items,
    regexes or entity slots go to the token Matcher, which tries every one of its patterns
    at every token; with all 250-300 cues in it, it cost more than the rest of the pipeline.
    The matches are the same either way.
    """

    MAX_PHRASE_VARIANTS = 64   # a|b c|d is expanded into its phrases up to this many

    def __init__(self, nlp: Language, rules: LanguageRules):
        self.rules = rules
        self.matcher = WindowMatcher(nlp.vocab)   # the token Matcher, run only where a pattern can match
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for i, cue in enumerate(rules.cues):
            try:
                pattern = compile_pattern(cue.attrs["p"], nlp, rules)
                phrases = _as_phrases(pattern, self.MAX_PHRASE_VARIANTS)
                if phrases is not None:
                    self.phrase_matcher.add(str(i), [Doc(nlp.vocab, words=list(words)) for words in phrases])
                else:
                    self.matcher.add(str(i), pattern)
            except Exception as exc:  # spaCy's own validation message is precise
                raise PatternError(f"{cue.source}: {cue.attrs['p']!r}: {exc}") from None

    def __call__(self, doc: Doc) -> Doc:
        if not self.rules.cues:   # a language without cue patterns (e.g. 'xx'): nothing to find
            doc.spans["cues"] = []
            return doc
        found = set(self.phrase_matcher(doc))
        if len(self.matcher):
            found.update(self.matcher(doc))
        strings = doc.vocab.strings
        # (start, end, cue index): where one kind matches the same span twice, the lower index wins
        matches = sorted((start, end, int(strings[match_id])) for match_id, start, end in found)
        by_kind: dict[str, list[Span]] = {}
        for start, end, idx in matches:
            kind = self.rules.cues[idx].kind
            by_kind.setdefault(kind, []).append(Span(doc, start, end, label=kind, kb_id=str(idx)))
        # keep the longest match per kind where matches of one kind overlap
        kept = []
        for group in by_kind.values():
            kept.extend(spacy.util.filter_spans(group))
        doc.spans["cues"] = sorted(kept, key=lambda s: (s.start, s.end))
        return doc


def _as_phrases(pattern: list[dict], limit: int) -> list[tuple[str, ...]] | None:
    """The lower-case phrases a token pattern matches, when it is only literals and
    one-token alternatives (no operators, regexes or entity slots); otherwise None."""
    options: list[list[str]] = []
    for tok in pattern:
        if set(tok) != {"LOWER"}:
            return None
        value = tok["LOWER"]
        if isinstance(value, str):
            options.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            options.append(list(dict.fromkeys(value["IN"])))
        else:
            return None
    n = 1
    for o in options:
        n *= len(o)
    if not options or n > limit:
        return None
    return list(itertools.product(*options))


def _entity_pattern(nlp: Language, label: str, text: str, target: str) -> dict:
    """A ruler pattern for one name. One-word names must not be written in lower case
    ("Dea", "Conte", "Gasp" are also common words); longer names match case-insensitively."""
    words = [t.text for t in nlp.make_doc(text)]
    if len(words) == 1:
        return {"label": label, "pattern": [{"LOWER": words[0].lower(), "IS_LOWER": False}], "id": target}
    if words[0][:1].isupper() and words[0].lower() in CAPITAL_PARTICLES:
        # "Di Lorenzo" as written, not the preposition before a first name ("il cross di Lorenzo Rossi")
        return {"label": label, "pattern": [{"TEXT": words[0]}] + [{"LOWER": w.lower()} for w in words[1:]],
                "id": target}
    return {"label": label, "pattern": text, "id": target}


def _particle_pattern(pattern: list[dict]) -> bool:
    """Is a token pattern a name written with its capital particle ("Di Lorenzo", see
    _entity_pattern): the first token's exact text, then lower-case words?"""
    return len(pattern) > 1 and set(pattern[0]) == {"TEXT"} and isinstance(pattern[0]["TEXT"], str) \
        and all(set(t) == {"LOWER"} and isinstance(t["LOWER"], str) for t in pattern[1:])


#: first words of a surname that are also prepositions ("Di Lorenzo", "Da Costa", "Del Prato"):
#: such a name is found only with its capital
CAPITAL_PARTICLES = frozenset({"di", "da", "dal", "dalla", "del", "della", "dello", "dei", "degli", "delle"})


class KBEntityRuler(EntityRuler):
    """spaCy's EntityRuler, with the one-word name patterns of `_entity_pattern`
    ([{"LOWER": w, "IS_LOWER": False}]) looked up by a PhraseMatcher on LOWER, and the
    IS_LOWER condition checked on the matched token.

    Why: spaCy's token Matcher tries each of its patterns at every token; with ~100 one-word
    names that was most of the pipeline's time, while a PhraseMatcher looks each token up
    once. Matches, their order and the entities set are the same as EntityRuler's.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._split_at = -1

    def _split(self) -> None:
        vocab = self.nlp.vocab
        self._words = PhraseMatcher(vocab, attr="LOWER")
        self._others = Matcher(vocab)
        # "Di Lorenzo" ([{"TEXT": "Di"}, {"LOWER": "lorenzo"}]): looked up as the lower-case phrase,
        # the first token's text checked on each match ({(label key, lower words): first texts})
        self._particles = PhraseMatcher(vocab, attr="LOWER")
        self._particle_texts: dict[tuple[int, tuple[str, ...]], set[str]] = {}
        self._order: dict[int, int] = {}
        for n, (label, patterns) in enumerate(self.token_patterns.items()):
            key = vocab.strings.add(label)
            self._order[key] = n
            for pattern in patterns:
                tok = pattern[0] if len(pattern) == 1 else {}
                if set(tok) == {"LOWER", "IS_LOWER"} and isinstance(tok["LOWER"], str) and tok["IS_LOWER"] is False:
                    self._words.add(label, [Doc(vocab, words=[tok["LOWER"]])])
                elif _particle_pattern(pattern):
                    lowers = (pattern[0]["TEXT"].lower(), *(t["LOWER"] for t in pattern[1:]))
                    if (key, lowers) not in self._particle_texts:
                        self._particles.add(label, [Doc(vocab, words=list(lowers))])
                    self._particle_texts.setdefault((key, lowers), set()).add(pattern[0]["TEXT"])
                else:
                    self._others.add(label, [pattern])
        self._split_at = len(self)

    def _particle_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches the token Matcher gives for the particle patterns, in its order (by
        start, then by the order the labels were added)."""
        if not self._particle_texts:
            return []
        texts, lowers = token_texts(doc)
        out = [(m, s, e) for m, s, e in self._particles(doc)
               if texts[s] in self._particle_texts.get((m, tuple(lowers[s:e])), ())]
        out.sort(key=lambda m: (m[1], self._order.get(m[0], 0)))
        return out

    def match(self, doc: Doc):
        self._require_patterns()
        if self._split_at != len(self):
            self._split()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            words = [(m, s, e) for m, s, e in self._words(doc) if e - s == 1 and not doc[s].is_lower]
            # the token Matcher's order: by position, then by the order the patterns were added
            words.sort(key=lambda m: (m[1], self._order.get(m[0], 0)))
            others = list(self._others(doc)) if len(self._others) else []
            others += self._particle_matches(doc)
            # a name of several words ends in a capital ("la Dea", not "la dea del calcio");
            # role descriptions ("de aanvoerder") are lower case by nature
            phrases = [(m, s, e) for m, s, e in self.phrase_matcher(doc)
                       if e - s == 1 or not doc[e - 1].is_lower or self.nlp.vocab.strings[m].startswith("PERSONREF")]
            matches = words + others + phrases
        final_matches = set([(m_id, start, end) for m_id, start, end in matches if start != end])
        get_sort_key = lambda m: (m[2] - m[1], -m[1])  # noqa: E731 (as in EntityRuler.match)
        return sorted(final_matches, key=get_sort_key, reverse=True)


@Language.factory(
    "fanboard_entity_ruler",
    default_config={"phrase_matcher_attr": None, "overwrite_ents": False, "ent_id_sep": "||"},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_kb_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None,
                         overwrite_ents: bool, ent_id_sep: str) -> KBEntityRuler:
    return KBEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr,
                         overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)


DESCRIPTION_AGES = range(16, 41)   # a player's age in a description ("the 28-year-old")


def _description_forms(phrase: str, rules: "LanguageRules") -> list[str]:
    """'l'argentino' and its forms after a preposition: 'all'argentino', 'dell'argentino', …
    (the contractions of the language's articles are data: words.article_contractions)."""
    forms = [phrase]
    if "{age}" in phrase:   # "the {age}-year-old": the ages a player may be (DESCRIPTION_AGES)
        forms = [phrase.replace("{age}", str(age)) for age in DESCRIPTION_AGES]
    if "{player}" in phrase:   # "de deense {player}": de Deense middenvelder, spelmaker, ... (words.player_nouns)
        forms = [f.replace("{player}", noun) for f in forms for noun in sorted(rules.word_set("player_nouns"))]
    base = list(forms)
    for article, contracted in rules.words_map.get("article_contractions", {}).items():
        forms += [c + f[len(article):] for f in base if f.startswith(article) for c in contracted]
    return forms


def _city_forms(kb: KB) -> list[tuple[str, str]]:
    """Home towns that stand for one club ("la trasferta di Udine"): the knowledge base's
    cities.csv. A town with two clubs (Milan, Rome, Turin, Genoa) is left out: it names no
    one. Cities are tagged CITY, never counted as a club mention; only match cues read them."""
    return [(form, city.club) for city in kb.cities for form in (city.city, *city.aliases)
            if kb.club(form) is None]   # a town that is also a club's name is a club mention


def _split_team_pairs(nlp: Language) -> None:
    """Split at a hyphen between letters: "Oakham-Millbrook" and "Champions League-duel" (Italian and
    Dutch keep them as one token), and between a score and a word ("de 2-2-remise"), so that
    names, scores and cue words are found; names in the knowledge
    base are tokenized the same way, so "Jean-Claude" still matches."""
    infixes = list(nlp.Defaults.infixes or []) + [r"(?<=[A-Za-zÀ-ÿ])[-–](?=[A-Za-zÀ-ÿ])",
                                                  r"(?<=\d)[-–](?=[A-Za-zÀ-ÿ]{3})"]   # "de 1-1-remise"
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _model_name(lang: str) -> str | None:
    return os.environ.get(f"FANBOARD_SPACY_MODEL_{lang.upper()}") or None


def build_pipeline(lang: str, kb: KB, model: str | None = None,
                   patterns_dir: Path | str | None = None) -> Language:
    """The rule-based pipeline for `lang` (any spaCy language code; 'xx' for unknown), with
    the rules of `patterns_dir` (default data/patterns)."""
    from .extract.pipeline import add_claim_components   # the claim components import this module
    model = model or _model_name(lang)
    if model:
        # Optional: a user-installed statistical model. Its NER keeps its own labels;
        # our ruler runs after it and overwrites with knowledge-base entities.
        nlp = spacy.load(model, exclude=["lemmatizer"])
    else:
        try:
            nlp = spacy.blank(lang)
        except (ImportError, KeyError, ValueError):
            nlp = spacy.blank("xx")
    if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("fanboard_paragraphs")
        nlp.add_pipe("sentencizer")
    _split_team_pairs(nlp)
    nlp.add_pipe("fanboard_scores", first=True)
    glued = nlp.add_pipe("fanboard_glued", first=True)
    glued.set_forms(nlp, [text for _, text, _ in kb.surface_forms()] + [text for text, _ in kb.shared_forms()])
    ruler = nlp.add_pipe(
        "fanboard_entity_ruler", name="entity_ruler",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    patterns = [_entity_pattern(nlp, label, text, target) for label, text, target in kb.surface_forms()]
    patterns += [_entity_pattern(nlp, "CITY", text, club) for text, club in _city_forms(kb)]
    # a surname several people bear ("Zapata"): the article context resolves it or drops it
    patterns += [_entity_pattern(nlp, "PERSON", text, SHARED + key) for text, key in kb.shared_forms()]
    # a surname that is also a common word ("Destro"): the context gives it its bearer only where safe
    patterns += [_entity_pattern(nlp, "PERSON", people[0].name.split()[-1] if normalize(people[0].name.split()[-1]) == key
                                 else key.title(), COMMON_WORD + key)
                 for key, people in kb.common_word_surnames().items()]
    patterns += [
        {"label": "PERSONREF", "pattern": phrase, "id": d.refers_to}
        for d in kb.descriptions(lang) for phrase in _description_forms(d.phrase, load_rules(lang, patterns_dir))
    ]
    ruler.add_patterns(patterns + _apostrophe_variants(patterns))
    nlp.add_pipe("fanboard_quotes")
    folder = str(patterns_dir or "")
    cues = nlp.add_pipe("fanboard_cues", config={"lang": lang, "patterns_dir": folder})
    nlp.add_pipe("fanboard_times", config={"lang": lang, "patterns_dir": folder})
    add_claim_components(nlp, kb, with_kinds=bool(cues.rules.cues))
    return nlp


APOSTROPHES = {"'": "’", "’": "'"}


def _apostrophe_variants(patterns: list[dict]) -> list[dict]:
    """The same patterns with the other apostrophe: a name the knowledge base writes with a
    straight one ("Dall'Ara", "D'Ambrosio") is printed with a typographic one as often."""
    swap = str.maketrans(APOSTROPHES)

    def other(p):
        if isinstance(p, str):
            return p.translate(swap)
        return [{k: v.translate(swap) if isinstance(v, str) else v for k, v in tok.items()} for tok in p]

    out = []
    for p in patterns:
        text = p["pattern"] if isinstance(p["pattern"], str) else " ".join(str(v) for tok in p["pattern"] for v in tok.values())
        if "'" in text or "’" in text:
            out.append({**p, "pattern": other(p["pattern"])})
    return out


class Pipelines:
    """Lazily built pipelines, one per language, sharing one knowledge base."""

    def __init__(self, kb: KB, patterns_dir: Path | str | None = None):
        self.kb = kb
        self.patterns_dir = patterns_dir
        self._nlps: dict[str, Language] = {}

    def __getitem__(self, lang: str) -> Language:
        if lang not in self._nlps:
            self._nlps[lang] = build_pipeline(lang, self.kb, patterns_dir=self.patterns_dir)
        return self._nlps[lang]

    def rules(self, lang: str) -> LanguageRules:
        return self[lang].get_pipe("fanboard_cues").rules


def default_pipelines() -> Pipelines:
    """The pipelines of the default KB, built once per process, again when the local KB overlay
    (fanboard.localkb) changed."""
    from .localkb import fingerprint
    return _default_pipelines(fingerprint())


@lru_cache(maxsize=1)
def _default_pipelines(overlay: bytes) -> Pipelines:
    return Pipelines(KB.load())
