"""Finding time expressions: data/patterns/time_<lang>.toml → doc.spans["times"].

``find_time_expressions(text, lang)`` finds the expressions with the language's
grammar (fanboard/extract/timegrammar.py) and gives each its kind, direction, value
and tense. The ``fanboard_times`` component runs it over a Doc and writes one span per
expression to ``doc.spans["times"]`` (label: the kind; ``span._.time``: the TimeExpr).
What an expression means on the calendar is not decided here: fanboard/resolve/timeexpr.py
resolves it once the publication date is known.

Finding, with the rules the tests pin:

* **Tense cues** (per language, in the data) are searched in the clause of a 'nearest'
  expression first (clauses split at commas, "and"/"en"/"e", ...), then in the whole
  sentence; the cue closest to the expression wins. ``find_time_expressions`` takes an
  optional ``context`` (the sentence) when it is given only a fragment.
* English "may" and "march" count as months only next to a day number or a year, or
  after "in" (``ambiguous_months`` in time_en.toml). Dutch "morgen" is not "tomorrow"
  after "'s", "de", "elke", ... ("'s morgens", "de morgen").
* Half-time phrases ("at half-time", "in de rust", "all'intervallo") are not dates and
  no rule matches them.
* dateparser converts the span of an absolute date *with a year* ("13 December 2020",
  "13 dicembre 2020", "December 13, 2020", "2020-12-13", "13/12/2020") into a date, with
  ``DATE_ORDER=DMY`` and strict parsing. It is not used to find spans (its
  ``search_dates`` fires on ordinary words), nor for relative phrases. Our own parse of
  the regex groups checks its answer; where they disagree (or dateparser returns None,
  e.g. "1º maggio 2021" with a masculine ordinal) the regex groups win, and an impossible
  date ("31 February 2020") is dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pieces import text_of
from .regexneeds import Text, may_match
from .regexscan import longest_space_run, scan_near
from .timegrammar import LANGUAGES, Grammar, Rule, grammar, norm

__all__ = ["TimeExpr", "find_time_expressions", "valid_date", "LANGUAGES"]

if not Span.has_extension("time"):
    Span.set_extension("time", default=None)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression as found in a text.

    ``tense`` ('past' | 'future' | '') is the tense cue of the sentence (or the rule's
    forced/default tense); it decides what a 'nearest' expression resolves to.
    """

    text: str
    start: int
    end: int
    kind: str
    direction: str
    value: tuple
    lang: str
    tense: str = ""


def _group(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _ref(m: re.Match, ref: str, g: Grammar):
    """Resolve a value item "@group", "@group?" or "@num*7" against a match."""
    optional = ref.endswith("?")
    ref = ref.rstrip("?")
    factor = 1
    if "*" in ref:
        ref, f = ref.split("*", 1)
        factor = int(f)
    name = ref[1:]
    raw = _group(m, name)
    if raw is None:
        if optional:
            return None
        raise LookupError(name)
    key = norm(raw)
    if name == "weekday":
        return g.weekdays[key]
    if name == "month":
        return g.months[key]
    if name == "num":
        n = int(key) if key.isdigit() else g.numbers[key]
        return n * factor
    if name in ("year", "mnum", "day", "year2"):
        return int(re.sub(r"\D", "", raw))
    return raw


def _value(m: re.Match, rule: Rule, g: Grammar) -> tuple | None:
    out = []
    for item in rule.value:
        if isinstance(item, str) and item.startswith("@"):
            try:
                out.append(_ref(m, item, g))
            except (LookupError, ValueError):
                return None
        else:
            out.append(item)
    if rule.kind == "date":
        return _date_value(m, tuple(out), g)
    if any(isinstance(v, int) and v <= 0 for v in out) and rule.kind.endswith("_ago"):
        return None
    return tuple(out)


def _date_value(m: re.Match, value: tuple, g: Grammar) -> tuple | None:
    """(year, month, day) of an absolute date.

    Without a year: (None, month, day, weekday or None); the year comes from the
    anchor later, and a written weekday ("woensdag 9 december") picks a fitting year.
    """
    y, mo, d = value[:3]
    if y is None:
        try:
            date(2000, mo, d)  # a leap year: 29 Feb is a possible day
        except ValueError:
            return None
        return (None, mo, d, value[3] if len(value) > 3 else None)
    own = valid_date(y, mo, d)
    if own is None and g.lang == "en" and _group(m, "mnum") is not None:
        own = valid_date(y, d, mo)  # American month/day order, only when day/month is impossible
    parsed = _dateparser(m.group(0), g.lang)
    result = own or parsed
    if result is None:
        return None
    return (result.year, result.month, result.day)


def valid_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, lang: str) -> date | None:
    import dateparser  # imported lazily: only absolute dates need it

    clean = re.sub(r"[°ºª]", "", text)
    settings = {
        "DATE_ORDER": "DMY",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        dt = dateparser.parse(clean, languages=[lang], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return dt.date() if dt else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


class _SentenceBounds:
    """The sentence around a position of one text. The sentence ends are found once per text
    and looked up by bisection: scanning from the start for each expression was quadratic."""

    def __init__(self, text: str):
        self.length = len(text)
        found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def __call__(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.ends, pos)
        j = bisect_left(self.starts, pos)
        return (self.ends[i - 1] if i else 0), (self.starts[j] if j < len(self.starts) else self.length)


def _tense(g: Grammar, sentence: str, lo: int, hi: int, memo: dict | None = None) -> str:
    """Tense of the expression at [lo, hi) of ``sentence`` ('' if no cue).

    The cue closest to the expression within its clause decides; if the clause has
    no cue, the closest in the whole sentence. ``memo`` keeps the scans of one text's
    sentences and clauses: several expressions in one sentence ask for the same ones.
    """
    memo = {} if memo is None else memo
    c0, c1 = 0, len(sentence)
    if g.clause_breaks is not None:
        key = ("breaks", sentence)
        breaks = memo.get(key)
        if breaks is None:
            breaks = memo[key] = [(m.start(), m.end()) for m in g.clause_breaks.finditer(sentence)]
        for start, end in breaks:
            if end <= lo:
                c0 = end
            elif start >= hi:
                c1 = start
                break
    return _closest_cue(g, sentence, lo, hi, c0, c1, memo) or _closest_cue(g, sentence, lo, hi, 0, len(sentence), memo)


def _closest_cue(g: Grammar, sentence: str, lo: int, hi: int, c0: int, c1: int, memo: dict | None = None) -> str:
    key = ("cues", sentence, c0, c1)
    cues = memo.get(key) if memo is not None else None
    if cues is None:
        cues = [(m.start(), m.end(), label) for label, rx in (("future", g.future_cues), ("past", g.past_cues))
                if rx is not None for m in rx.finditer(sentence, c0, c1)]
        if memo is not None:
            memo[key] = cues
    best: tuple[int, str] | None = None
    for start, end, label in cues:
        if start < hi and end > lo:
            continue  # inside the expression itself
        dist = lo - end if end <= lo else start - hi
        if best is None or dist < best[0]:
            best = (dist, label)
    return best[1] if best else ""


def find_time_expressions(text: str, lang: str, context: str | None = None,
                          patterns_dir: Path | str | None = None) -> list[TimeExpr]:
    """Time expressions in ``text``: non-overlapping, longest first, in text order.

    Tense cues for 'nearest' expressions are looked for in the sentence of ``text``
    that holds the expression, or in ``context`` (e.g. the sentence, when ``text`` is
    a fragment of it) if given.
    """
    g = grammar(lang, patterns_dir)
    probe = Text(text)
    spaces = None
    candidates: list[tuple[int, int, int, Rule, re.Match]] = []
    for order, rule in enumerate(g.rules):
        if not may_match(rule.needs, probe):
            continue   # the text lacks a word every match of the rule holds: scanning would find nothing
        spaces = longest_space_run(text) if spaces is None else spaces
        for m in scan_near(rule.regex, rule.needs, probe, text, spaces):   # = rule.regex.finditer(text)
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), order, rule, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))

    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    bounds: _SentenceBounds | None = None
    memo: dict = {}
    for start, end, _order, rule, m in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        value = _value(m, rule, g)
        taken.append((start, end))
        if value is None:
            continue  # e.g. "31 February 2020": not a date, and neither are its parts
        surface = text[start:end]
        tense = rule.tense
        if not tense and rule.direction == "nearest":
            if context is not None:
                off = context.find(surface)
                if off >= 0:
                    tense = _tense(g, context, off, off + len(surface), memo)
                else:
                    tense = _tense(g, context + " " + surface, len(context) + 1, len(context) + 1 + len(surface), memo)
            else:
                bounds = bounds or _SentenceBounds(text)
                s0, s1 = bounds(start)
                tense = _tense(g, text[s0:s1], start - s0, end - s0, memo)
            tense = tense or rule.tense_default
        found.append(
            TimeExpr(
                text=surface,
                start=start,
                end=end,
                kind=rule.kind,
                direction=rule.direction,
                value=value,
                lang=lang,
                tense=tense,
            )
        )
    found.sort(key=lambda e: e.start)
    return found


@Language.factory("fanboard_times", default_config={"lang": "", "patterns_dir": ""},
                  assigns=["doc.spans"], requires=["doc.sents"])
def make_time_finder(nlp: Language, name: str, lang: str, patterns_dir: str):
    return TimeFinder(lang or nlp.lang, patterns_dir or None)


class TimeFinder:
    """Writes doc.spans["times"]: one span per time expression, in text order, with
    ``span._.time`` the TimeExpr (character offsets in the doc). A language without a
    time grammar gets an empty group."""

    def __init__(self, lang: str, patterns_dir: str | None):
        self.lang = lang
        self.patterns_dir = patterns_dir
        if lang in LANGUAGES:
            grammar(lang, patterns_dir)   # fail at build time on a broken grammar

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        if self.lang in LANGUAGES:
            for expr in find_time_expressions(text_of(doc), self.lang, patterns_dir=self.patterns_dir):
                span = doc.char_span(expr.start, expr.end, label=expr.kind, alignment_mode="expand")
                if span is None:
                    continue
                span._.time = expr
                spans.append(span)
        doc.spans["times"] = spans
        return doc
