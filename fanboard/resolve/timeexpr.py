"""Time expressions in football news (en, nl, it) → calendar dates.

Articles speak in relative time ("afgelopen zondag", "two weeks ago", "a gennaio")
and often carry no publication date. This module does two things:

1. ``find_time_expressions(text, lang)`` finds time expressions with rules compiled
   from ``data/patterns/time_{lang}.toml``. All vocabulary (weekday and month names,
   number words, modifiers, tense cues) and all patterns live in those files; the
   code here only knows what each *kind* of expression means.
2. ``resolve(expr, anchor)`` turns one expression into a :class:`DateValue` given the
   publication date (the anchor); ``resolve_window`` does it for an anchor known only
   as a window, and ``anchor_window`` runs it backwards: which publication dates are
   consistent with the expression pointing at a known event date?

Rules chosen (each is a choice; the tests pin them):

* **Weekdays.** An explicit modifier excludes the anchor day: "last Sunday" /
  "afgelopen zondag" / "domenica scorsa" is 1..7 days before the anchor, "next
  Wednesday" / "komende woensdag" / "mercoledì prossimo" 1..7 days after.
  A bare or possessive weekday ("Wednesday's match", "zondag") is *nearest*: the
  tense of its sentence decides. Future cue ("will", "is set to", "looms", "zal",
  "gaat", "sarà", ...) → the next such day 0..6 days ahead (the same day is allowed:
  match-day previews say "ahead of Wednesday's game" on the Wednesday); past cue →
  0..6 days back; no cue → a *range* from the previous to the next such day (never a
  guessed day). The cue closest to the expression in its sentence wins.
* **Months without a year** ("in January", "a gennaio"): the month containing the
  anchor if it is the anchor's month; otherwise future tense → next occurrence, past
  tense → last occurrence, no cue → the nearer occurrence (ties → future). So a
  December article's "in January" is January of the next year.
* **Seasons.** "winter" is the meteorological winter, 1 Dec .. end of Feb (it holds
  the whole January transfer window and the Christmas break, which is what football
  writers mean by "komende winter"). The *winter transfer window* ("januari-
  transferwindow", "mercato di gennaio", "January window") is 1 Jan .. 1 Feb (the
  usual deadline in Italy, England and the Netherlands). The *winter break*
  ("winterstop", "sosta invernale") is 20 Dec .. 31 Jan: deliberately wide, since
  Dutch "in de winterstop" is used for moves made during the January window.
  Summer is 1 Jun .. 31 Aug, the summer window 1 Jul .. 31 Aug, a football season
  1 Jul .. 30 Jun. "winter 2021" is the winter that holds January 2021; "seizoen
  2020/21" starts in 2020. "komende winter"/"this winter" is the winter containing
  the anchor, else the next one; "next winter" is strictly after the anchor.
* **mid_year** ("medio 2022", "mid-2022", "metà 2022"): 1 Jun .. 31 Jul, the two
  months around 1 July when contracts end and the summer window opens (a range).
  "until 2022" / "tot 2022" / "fino al 2022" is kind ``year``, value (2022, 'until'),
  year precision.
* **Day and month without a year** ("on 15 February", "woensdag 9 december"): value
  (None, month, day, weekday|None). A written weekday picks the nearby year it fits;
  otherwise tense as for months, and without a cue the nearer occurrence.
* **N weeks ago** is 7N days back ± 3 days (``WEEK_TOLERANCE_DAYS``), a range:
  writers round. N days ago is an exact day. N years ago is the year anchor.year - N.
  N months ago is the month N months before the anchor's month. "in two weeks" /
  "over twee weken" / "tra due settimane" (weeks_ahead) mirror weeks_ago; "last year"
  / "vorig jaar" / "l'anno scorso" (year_offset, value (-1,)) is anchor.year - 1.
* **Weekends** are Saturday..Sunday. "this weekend" is the weekend containing the
  anchor, else (tense) the coming one; "last weekend" ends strictly before the anchor.
* **Tense cues** (per language, in the data file) are searched in the clause of the
  expression first (clauses split at commas, "and"/"en"/"e", ...), then in the whole
  sentence; the cue closest to the expression wins. ``find_time_expressions`` takes an
  optional ``context`` (the sentence) when it is given only a fragment.
* **Recent** ("in recent weeks", "onlangs", "di recente") is the range anchor-28 days
  .. anchor; "recent days" 7, "recent months" 90, "recent years" 1095 (set per phrase
  in the data file).
* **since_year** starts on 1 Jan of the year and ends on the anchor (None without one).
* English "may" and "march" count as months only next to a day number or a year, or
  after "in" (``ambiguous_months`` in time_en.toml). Dutch "morgen" is not
  "tomorrow" after "'s", "de", "elke", ... ("'s morgens", "de morgen").
* Half-time phrases ("at half-time", "in de rust", "all'intervallo") are not dates
  and no rule matches them.

What dateparser is used for: converting the span of an absolute date *with a year*
("13 December 2020", "13 dicembre 2020", "December 13, 2020", "2020-12-13",
"13/12/2020") into a date, with ``DATE_ORDER=DMY`` and strict parsing. It is right for
all those forms (measured with 1.5). It is *not* used to find spans (its
``search_dates`` fires on ordinary words), nor for relative phrases: it returns None
for "twee weken geleden", "afgelopen zondag", "komende winter", its bare weekdays are
resolved against today's clock, not the article's anchor, and a day-month without a
year gets the current year. Our own parse of the regex groups checks its answer; where
they disagree (or dateparser returns None, e.g. "1º maggio 2021" with a masculine
ordinal) the regex groups win, and an impossible date ("31 February 2020") is dropped.
"""

from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

__all__ = [
    "TimeExpr",
    "DateValue",
    "find_time_expressions",
    "resolve",
    "resolve_window",
    "anchor_window",
    "LANGUAGES",
    "WEEK_TOLERANCE_DAYS",
    "RECENT_DAYS",
    "SEASONS",
]

PATTERN_DIR = Path(__file__).resolve().parents[2] / "data" / "patterns"
LANGUAGES = ("en", "nl", "it")

#: "N weeks ago" is taken as 7N days back, give or take this many days.
WEEK_TOLERANCE_DAYS = 3
#: default span of "recently" / "in recent weeks" (the data files may set others).
RECENT_DAYS = 28

#: name → ((start month, day), (end month, day), which calendar year a stated year
#: names: 'start' or 'end'). An end before the start wraps into the next year; an end
#: day beyond the month's length is clamped (Feb 29 → Feb 28 in common years).
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int], str]] = {
    "winter": ((12, 1), (2, 29), "end"),
    "spring": ((3, 1), (5, 31), "start"),
    "summer": ((6, 1), (8, 31), "start"),
    "autumn": ((9, 1), (11, 30), "start"),
    "winter_window": ((1, 1), (2, 1), "start"),
    "summer_window": ((7, 1), (8, 31), "start"),
    "winter_break": ((12, 20), (1, 31), "end"),
    "football": ((7, 1), (6, 30), "start"),
}

#: the middle of a year: (start month, day), (end month, day)
MID_YEAR = ((6, 1), (7, 31))

DIRECTIONS = ("past", "future", "nearest", "none")

# Kinds whose value depends only on the text (not on the anchor) when fully stated.
_STATED = "stated"
_RELATIVE = "relative_to_publication"


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


@dataclass(frozen=True)
class DateValue:
    """A resolved date or span. ``start == end`` for a single day."""

    start: date | None
    end: date | None
    precision: str  # 'day' | 'range' | 'month' | 'year'
    basis: str  # 'stated' | 'relative_to_publication' | 'linked_fixture' | 'inferred'


# --------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Rule:
    kind: str
    regex: re.Pattern
    value: tuple
    direction: str
    tense: str  # forced tense, or ''
    tense_default: str  # tense when the sentence gives none


@dataclass(frozen=True)
class _Grammar:
    lang: str
    rules: tuple[_Rule, ...]
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    future_cues: re.Pattern | None
    past_cues: re.Pattern | None
    clause_breaks: re.Pattern | None


def _norm(word: str) -> str:
    """Lower case, no accents, no apostrophes or dots: 'Mercoledì' → 'mercoledi'."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return re.sub(r"['’`.\s]", "", word)


def _alt(forms, *, abbrev_dot: bool = False) -> str:
    """A regex alternation of literal forms, longest first; spaces match any space."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        p = re.escape(form).replace(r"\ ", r"\s+")
        if abbrev_dot:
            p += r"\.?"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _words_alt(fragments) -> str:
    """Alternation of regex fragments from [words]; literal spaces match any space."""
    ordered = sorted(set(fragments), key=len, reverse=True)
    return "(?:" + "|".join(f.replace(" ", r"\s+") for f in ordered) + ")"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _expand(pattern: str, fills: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: fills.get(m.group(1), m.group(0)), pattern)


def _load(lang: str) -> dict:
    path = PATTERN_DIR / f"time_{lang}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"no time patterns for language {lang!r}: expected {path}"
        ) from None


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in LANGUAGES:
        raise ValueError(
            f"unsupported language {lang!r}; time expressions exist for {', '.join(LANGUAGES)}"
        )
    data = _load(lang)

    weekdays: dict[str, int] = {}
    for idx, forms in enumerate(data["weekdays"]):
        for f in forms:
            weekdays[_norm(f)] = idx
    months: dict[str, int] = {}
    full_months: list[str] = []
    abbrevs: list[str] = []
    for idx, forms in enumerate(data["months"], start=1):
        full_months.append(forms[0])
        abbrevs.extend(forms[1:])
        for f in forms:
            months[_norm(f)] = idx
    ambiguous = {_norm(m) for m in data.get("ambiguous_months", [])}
    numbers = {_norm(k): int(v) for k, v in data["numbers"].items()}

    apos = "['’`]"
    weekday_alt = _alt([f for forms in data["weekdays"] for f in forms])
    month_all = "(?:" + _alt(full_months) + "|" + _alt(abbrevs, abbrev_dot=True) + ")" if abbrevs else _alt(full_months)
    month_safe = [m for m in full_months if _norm(m) not in ambiguous]
    ordinals = data.get("ordinal_suffixes", [])
    ordinal = "(?:" + _alt(ordinals) + ")?" if ordinals else ""
    year = r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    fills = {
        "apos": apos,
        "weekday": f"(?P<weekday>{weekday_alt})",
        "weekday_any": weekday_alt,
        "month": f"(?P<month>{month_all})",
        "month_full": f"(?P<month>{_alt(full_months)})",
        "month_safe": f"(?P<month>{_alt(month_safe)})",
        "day": rf"(?<!\d)(?P<day>[0-3]?\d){ordinal}(?!\d)",
        "num": rf"(?P<num>\d{{1,2}}|{_alt(data['numbers'].keys())})",
        "year": year,
        "yearx": year + r"(?![-–/]\d)",
    }
    for name, frags in data.get("words", {}).items():
        fills[name] = _expand(_words_alt(frags), {"apos": apos})

    rules = []
    for i, r in enumerate(data["rules"]):
        direction = r.get("direction", "none")
        if direction not in DIRECTIONS:
            raise ValueError(f"time_{lang}.toml rule {i}: direction {direction!r} not in {DIRECTIONS}")
        # a list of patterns: alternatives that would repeat a named group in one regex
        patterns = r["pattern"] if isinstance(r["pattern"], list) else [r["pattern"]]
        for pattern in patterns:
            body = _expand(pattern, fills)
            try:
                regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"time_{lang}.toml rule {i} ({r['kind']}): bad pattern: {exc}") from exc
            rules.append(
                _Rule(
                    kind=r["kind"],
                    regex=regex,
                    value=tuple(r.get("value", ())),
                    direction=direction,
                    tense=r.get("tense", ""),
                    tense_default=r.get("tense_default", ""),
                )
            )

    def cues(key: str) -> re.Pattern | None:
        pats = data.get("cues", {}).get(key, [])
        if not pats:
            return None
        return re.compile("|".join(f"(?:{_expand(p, {'apos': apos})})" for p in pats), re.IGNORECASE)

    return _Grammar(
        lang=lang,
        rules=tuple(rules),
        weekdays=weekdays,
        months=months,
        numbers=numbers,
        future_cues=cues("future"),
        past_cues=cues("past"),
        clause_breaks=cues("clause_breaks"),
    )


# --------------------------------------------------------------------------- finding


def _group(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _ref(m: re.Match, ref: str, g: _Grammar):
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
    key = _norm(raw)
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


def _value(m: re.Match, rule: _Rule, g: _Grammar) -> tuple | None:
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


def _date_value(m: re.Match, value: tuple, g: _Grammar) -> tuple | None:
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
    own = _valid(y, mo, d)
    if own is None and g.lang == "en" and _group(m, "mnum") is not None:
        own = _valid(y, d, mo)  # American month/day order, only when day/month is impossible
    parsed = _dateparser(m.group(0), g.lang)
    result = own or parsed
    if result is None:
        return None
    return (result.year, result.month, result.day)


def _valid(y: int, mo: int, d: int) -> date | None:
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


def _tense(g: _Grammar, sentence: str, lo: int, hi: int) -> str:
    """Tense of the expression at [lo, hi) of ``sentence`` ('' if no cue).

    The cue closest to the expression within its clause decides; if the clause has
    no cue, the closest in the whole sentence.
    """
    c0, c1 = 0, len(sentence)
    if g.clause_breaks is not None:
        for m in g.clause_breaks.finditer(sentence):
            if m.end() <= lo:
                c0 = m.end()
            elif m.start() >= hi:
                c1 = m.start()
                break
    return _closest_cue(g, sentence, lo, hi, c0, c1) or _closest_cue(g, sentence, lo, hi, 0, len(sentence))


def _closest_cue(g: _Grammar, sentence: str, lo: int, hi: int, c0: int, c1: int) -> str:
    best: tuple[int, str] | None = None
    for label, rx in (("future", g.future_cues), ("past", g.past_cues)):
        if rx is None:
            continue
        for m in rx.finditer(sentence, c0, c1):
            if m.start() < hi and m.end() > lo:
                continue  # inside the expression itself
            dist = lo - m.end() if m.end() <= lo else m.start() - hi
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else ""


def find_time_expressions(text: str, lang: str, context: str | None = None) -> list[TimeExpr]:
    """Time expressions in ``text``: non-overlapping, longest first, in text order.

    Tense cues for 'nearest' expressions are looked for in the sentence of ``text``
    that holds the expression, or in ``context`` (e.g. the sentence, when ``text`` is
    a fragment of it) if given.
    """
    g = _grammar(lang)
    candidates: list[tuple[int, int, int, _Rule, re.Match]] = []
    for order, rule in enumerate(g.rules):
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), order, rule, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))

    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    bounds: _SentenceBounds | None = None
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
                    tense = _tense(g, context, off, off + len(surface))
                else:
                    tense = _tense(g, context + " " + surface, len(context) + 1, len(context) + 1 + len(surface))
            else:
                bounds = bounds or _SentenceBounds(text)
                s0, s1 = bounds(start)
                tense = _tense(g, text[s0:s1], start - s0, end - s0)
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


# --------------------------------------------------------------------------- resolving

Span = tuple[date, date]


def _month_span(y: int, m: int) -> Span:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _clamped(y: int, m: int, d: int) -> date:
    return date(y, m, min(d, calendar.monthrange(y, m)[1]))


def _season_span(name: str, label_year: int) -> Span:
    (sm, sd), (em, ed), label = SEASONS[name]
    wraps = (em, ed) < (sm, sd)
    if not wraps:
        return _clamped(label_year, sm, sd), _clamped(label_year, em, ed)
    if label == "start":
        return _clamped(label_year, sm, sd), _clamped(label_year + 1, em, ed)
    return _clamped(label_year - 1, sm, sd), _clamped(label_year, em, ed)


def _pick(cands: list[Span], anchor: date, direction: str, tense: str, hull_if_unsure: bool) -> tuple[Span, bool] | None:
    """Choose among candidate spans (sorted) for an anchor.

    past → the latest ending strictly before the anchor; future → the earliest starting
    strictly after; nearest → the one containing the anchor, else by tense, else the
    closer one (ties → future) or, with ``hull_if_unsure``, the hull of both neighbours.
    Returns (span, is_hull).
    """
    before = [c for c in cands if c[1] < anchor]
    after = [c for c in cands if c[0] > anchor]
    if direction == "past":
        return (before[-1], False) if before else None
    if direction == "future":
        return (after[0], False) if after else None
    for c in cands:
        if c[0] <= anchor <= c[1]:
            return c, False
    prev = before[-1] if before else None
    nxt = after[0] if after else None
    if tense == "future" and nxt:
        return nxt, False
    if tense == "past" and prev:
        return prev, False
    if prev and nxt:
        if hull_if_unsure:
            return (prev[0], nxt[1]), True
        return (nxt, False) if (nxt[0] - anchor) <= (anchor - prev[1]) else (prev, False)
    c = nxt or prev
    return (c, False) if c else None


def _day(d: date, basis: str = _RELATIVE) -> DateValue:
    return DateValue(d, d, "day", basis)


def _r_date(e: TimeExpr, a: date | None) -> DateValue | None:
    y, m, d = e.value[:3]
    if y is not None:
        return _day(date(y, m, d), _STATED)
    if a is None:
        return None
    weekday = e.value[3] if len(e.value) > 3 else None
    cands = [(x, x) for yy in range(a.year - 1, a.year + 2) if (x := _valid(yy, m, d))]
    fitting = [c for c in cands if c[0].weekday() == weekday]
    if weekday is not None and fitting:
        # the written weekday decides the year when only one nearby year fits
        cands = fitting
        if len(fitting) == 1:
            return _day(fitting[0][0])
    picked = _pick(cands, a, e.direction, e.tense, hull_if_unsure=False)
    return _day(picked[0][0]) if picked else None


def _r_weekday(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    (idx,) = e.value[:1]
    base = a - timedelta(days=(a.weekday() - idx) % 7)  # the latest such day <= anchor
    cands = [(base + timedelta(days=7 * k),) * 2 for k in range(-2, 3)]
    picked = _pick(cands, a, e.direction, e.tense, hull_if_unsure=True)
    if picked is None:
        return None
    (s, t), hull = picked
    return DateValue(s, t, "range" if hull else "day", _RELATIVE)


def _r_weekend(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    sat = a - timedelta(days=(a.weekday() - 5) % 7)  # the latest Saturday <= anchor
    cands = [(sat + timedelta(days=7 * k), sat + timedelta(days=7 * k + 1)) for k in range(-2, 3)]
    picked = _pick(cands, a, e.direction, e.tense, hull_if_unsure=False)
    if picked is None:
        return None
    (s, t), _ = picked
    return DateValue(s, t, "range", _RELATIVE)


def _r_month(e: TimeExpr, a: date | None) -> DateValue | None:
    m = e.value[0]
    if len(e.value) > 1 and e.value[1] is not None:
        s, t = _month_span(e.value[1], m)
        return DateValue(s, t, "month", _STATED)
    if a is None:
        return None
    cands = [_month_span(y, m) for y in (a.year - 1, a.year, a.year + 1)]
    picked = _pick(cands, a, e.direction, e.tense, hull_if_unsure=False)
    if picked is None:
        return None
    (s, t), _ = picked
    return DateValue(s, t, "month", _RELATIVE)


def _r_month_offset(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    s, t = _month_span(*_shift_month(a.year, a.month, e.value[0]))
    return DateValue(s, t, "month", _RELATIVE)


def _r_months_ago(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    s, t = _month_span(*_shift_month(a.year, a.month, -e.value[0]))
    return DateValue(s, t, "month", _RELATIVE)


def _r_season(e: TimeExpr, a: date | None) -> DateValue | None:
    name = e.value[0]
    if name not in SEASONS:
        return None
    stated = e.value[1] if len(e.value) > 1 else None
    if stated is not None:
        s, t = _season_span(name, stated)
        return DateValue(s, t, "range", _STATED)
    if a is None:
        return None
    cands = [_season_span(name, y) for y in range(a.year - 2, a.year + 3)]
    picked = _pick(cands, a, e.direction, e.tense, hull_if_unsure=False)
    if picked is None:
        return None
    (s, t), _ = picked
    return DateValue(s, t, "range", _RELATIVE)


def _r_mid_year(e: TimeExpr, a: date | None) -> DateValue | None:
    y = e.value[0]
    (sm, sd), (em, ed) = MID_YEAR
    return DateValue(date(y, sm, sd), date(y, em, ed), "range", _STATED)


def _r_year(e: TimeExpr, a: date | None) -> DateValue | None:
    y = e.value[0]
    return DateValue(date(y, 1, 1), date(y, 12, 31), "year", _STATED)


def _r_since_year(e: TimeExpr, a: date | None) -> DateValue | None:
    """(year,) → from 1 Jan; (year, month) ("since June 2016") → from the 1st, month precision."""
    month = e.value[1] if len(e.value) > 1 else None
    if month is None:
        return DateValue(date(e.value[0], 1, 1), a, "year", _STATED)
    return DateValue(date(e.value[0], month, 1), a, "month", _STATED)


def _r_years_ago(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    y = a.year - e.value[0]
    return DateValue(date(y, 1, 1), date(y, 12, 31), "year", _RELATIVE)


def _r_weeks_ago(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    centre = a - timedelta(days=7 * e.value[0])
    tol = timedelta(days=WEEK_TOLERANCE_DAYS)
    return DateValue(centre - tol, centre + tol, "range", _RELATIVE)


def _r_weeks_ahead(e: TimeExpr, a: date | None) -> DateValue | None:
    """"over twee weken": 7N days ahead ± WEEK_TOLERANCE_DAYS, like weeks_ago."""
    if a is None:
        return None
    centre = a + timedelta(days=7 * e.value[0])
    tol = timedelta(days=WEEK_TOLERANCE_DAYS)
    return DateValue(centre - tol, centre + tol, "range", _RELATIVE)


def _r_days_ago(e: TimeExpr, a: date | None) -> DateValue | None:
    return _day(a - timedelta(days=e.value[0])) if a else None


def _r_days_ahead(e: TimeExpr, a: date | None) -> DateValue | None:
    return _day(a + timedelta(days=e.value[0])) if a else None


def _r_year_offset(e: TimeExpr, a: date | None) -> DateValue | None:
    """"last year" / "vorig jaar" / "l'anno scorso": the calendar year anchor.year - 1."""
    if a is None:
        return None
    y = a.year + e.value[0]
    return DateValue(date(y, 1, 1), date(y, 12, 31), "year", _RELATIVE)


def _r_week(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    monday = a - timedelta(days=a.weekday()) + timedelta(days=7 * e.value[0])
    return DateValue(monday, monday + timedelta(days=6), "range", _RELATIVE)


def _r_recent(e: TimeExpr, a: date | None) -> DateValue | None:
    if a is None:
        return None
    days = e.value[0] if e.value else RECENT_DAYS
    return DateValue(a - timedelta(days=days), a, "range", _RELATIVE)


def _r_offset(days: int) -> Callable[[TimeExpr, date | None], DateValue | None]:
    return lambda e, a: _day(a + timedelta(days=days)) if a else None


_RESOLVERS: dict[str, Callable[[TimeExpr, date | None], DateValue | None]] = {
    "date": _r_date,
    "weekday": _r_weekday,
    "weekend": _r_weekend,
    "month": _r_month,
    "month_offset": _r_month_offset,
    "months_ago": _r_months_ago,
    "season": _r_season,
    "mid_year": _r_mid_year,
    "year": _r_year,
    "since_year": _r_since_year,
    "years_ago": _r_years_ago,
    "weeks_ago": _r_weeks_ago,
    "days_ago": _r_days_ago,
    "days_ahead": _r_days_ahead,
    "weeks_ahead": _r_weeks_ahead,
    "year_offset": _r_year_offset,
    "week": _r_week,
    "recent": _r_recent,
    "today": _r_offset(0),
    "yesterday": _r_offset(-1),
    "tomorrow": _r_offset(1),
}


def resolve(expr: TimeExpr, anchor: date | None) -> DateValue | None:
    """The date or span ``expr`` means for an article published on ``anchor``.

    Absolute expressions resolve without an anchor (basis 'stated'); relative ones
    return None without one (basis 'relative_to_publication' otherwise).
    """
    fn = _RESOLVERS.get(expr.kind)
    if fn is None:
        raise ValueError(f"unknown time-expression kind {expr.kind!r}")
    return fn(expr, anchor)


def _days(lo: date, hi: date):
    d = lo
    while d <= hi:
        yield d
        d += timedelta(days=1)


def resolve_window(expr: TimeExpr, anchor_from: date, anchor_to: date) -> DateValue | None:
    """Resolve for a publication date known only to lie in [anchor_from, anchor_to].

    The hull of ``resolve`` over every anchor in the window. If every anchor gives
    the same value, that value is returned unchanged (a month stays a month); else the
    hull has precision 'range' ('day' if it collapses to one day).
    """
    if anchor_to < anchor_from:
        raise ValueError(f"anchor window is empty: {anchor_from} > {anchor_to}")
    values = [v for a in _days(anchor_from, anchor_to) if (v := resolve(expr, a)) is not None]
    if not values:
        return None
    if all(v == values[0] for v in values):
        return values[0]
    starts = [v.start for v in values]
    ends = [v.end for v in values]
    start = None if None in starts else min(starts)
    end = None if None in ends else max(ends)
    precision = "day" if start is not None and start == end else "range"
    return DateValue(start, end, precision, values[0].basis)


def _search_span(expr: TimeExpr) -> int:
    if expr.kind == "years_ago":
        return 366 * (expr.value[0] + 2)
    if expr.kind == "months_ago":
        return 31 * (expr.value[0] + 2)
    if expr.kind in ("weeks_ago", "weeks_ahead"):
        return 7 * expr.value[0] + 2 * WEEK_TOLERANCE_DAYS + 7
    if expr.kind == "year_offset":
        return 800
    if expr.kind == "recent":
        return (expr.value[0] if expr.value else RECENT_DAYS) + 2
    if expr.kind == "season":
        return 800
    return 400


def anchor_window(expr: TimeExpr, event_date: date) -> tuple[date, date] | None:
    """Publication dates consistent with ``expr`` referring to ``event_date``.

    An anchor is consistent when ``resolve(expr, anchor)`` contains ``event_date``
    (for weekdays the event must also fall on that weekday). Returns the first and last
    consistent anchor, or None when none is, or when the expression is absolute (an
    absolute date says nothing about when it was written). Examples, with the rules in
    the module docstring: "afgelopen zondag" + Sun 2020-12-13 → (12-14, 12-20);
    future "Wednesday's match" + Wed 2020-12-09 → (12-03, 12-09), the same day
    included; "two weeks ago" + 2020-12-01 → (12-12, 12-18), i.e. 12-15 ± 3;
    "this weekend" + Sun 2020-12-13 → (12-07, 12-13); "six years ago" + any day of
    2014 → (2020-01-01, 2020-12-31).
    """
    if resolve(expr, None) is not None:
        return None  # absolute: no constraint on the publication date
    if expr.kind == "weekday" and event_date.weekday() != expr.value[0]:
        return None
    span = timedelta(days=_search_span(expr))
    hits = []
    for a in _days(event_date - span, event_date + span):
        v = resolve(expr, a)
        if v is not None and v.start is not None and v.end is not None and v.start <= event_date <= v.end:
            hits.append(a)
    if not hits:
        return None
    return hits[0], hits[-1]
