"""The time grammar of one language: data/patterns/time_<lang>.toml compiled to regexes.

Vocabulary lists are plain words (matched case-insensitively, never inside another
word). Rule patterns are regular expressions; placeholders in braces are filled in from
the vocabulary: {weekday} {weekday_any} {month} {month_full} {month_safe} {day} {num}
{year} {yearx} {apos}, and every list in [words] as {name}. The header of each
time_<lang>.toml describes the rule fields.

The vocabulary the time grammar shares with the extractor comes from the language's
<lang>.json (fanboard/patterns.py), the one place it is defined: the number words behind
{num} (`numbers`, plus `words.indefinite_one`: "a week ago"), the tense cues (`tense`) and
the clause breaks that bound the search for a tense cue: `words.clause_punct`,
`words.clause_breaks` and, for tense only, `words.coordination` ("X won on Sunday and will
play on Wednesday": each side of "and" has its own tense, while "X and Y started" keeps
one subject for the extractor).

A grammar is compiled once per (patterns folder, language).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..patterns import PATTERNS_DIR, LanguageRules, load_rules
from .regexneeds import Requirement, needs

LANGUAGES = ("en", "nl", "it")
DIRECTIONS = ("past", "future", "nearest", "none")
APOS = "['’`]"


@dataclass(frozen=True)
class Rule:
    kind: str
    regex: re.Pattern
    value: tuple
    direction: str
    tense: str  # forced tense, or ''
    tense_default: str  # tense when the sentence gives none
    needs: tuple[Requirement, ...] = ()  # what a text must hold for the regex to match (regexneeds.py)


@dataclass(frozen=True)
class Grammar:
    lang: str
    rules: tuple[Rule, ...]
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    future_cues: re.Pattern | None
    past_cues: re.Pattern | None
    clause_breaks: re.Pattern | None


def norm(word: str) -> str:
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


def _load(folder: Path, lang: str) -> dict:
    path = folder / f"time_{lang}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"no time patterns for language {lang!r}: expected {path}"
        ) from None


def grammar(lang: str, patterns_dir: Path | str | None = None) -> Grammar:
    """The compiled grammar of `lang` from `patterns_dir` (default data/patterns)."""
    if lang not in LANGUAGES:
        raise ValueError(
            f"unsupported language {lang!r}; time expressions exist for {', '.join(LANGUAGES)}"
        )
    if not patterns_dir:
        return _grammar(_default_folder(), lang)
    return _grammar(str(Path(patterns_dir).resolve()), lang)


@lru_cache(maxsize=1)
def _default_folder() -> str:
    """data/patterns, resolved once (resolving costs a system call per part of the path, and the
    time finder asks for its grammar once per text)."""
    return str(PATTERNS_DIR.resolve())


@lru_cache(maxsize=None)
def _grammar(folder: str, lang: str) -> Grammar:
    data = _load(Path(folder), lang)
    vocab = load_rules(lang, folder)
    weekdays = {norm(f): idx for idx, forms in enumerate(data["weekdays"]) for f in forms}
    months = {norm(f): idx for idx, forms in enumerate(data["months"], start=1) for f in forms}
    number_words = {**vocab.numbers, **{w: 1 for w in vocab.words.get("indefinite_one", [])}}
    numbers = {norm(k): v for k, v in number_words.items()}
    fills = _fills(data, list(number_words))
    rules = tuple(rule for i, r in enumerate(data["rules"]) for rule in _rules(i, r, fills, lang))

    def cues(pats: list[str]) -> re.Pattern | None:
        if not pats:
            return None
        return re.compile("|".join(f"(?:{_expand(p, {'apos': APOS})})" for p in pats), re.IGNORECASE)

    return Grammar(
        lang=lang, rules=rules, weekdays=weekdays, months=months, numbers=numbers,
        future_cues=cues(vocab.tense.get("future", [])), past_cues=cues(vocab.tense.get("past", [])),
        clause_breaks=cues(clause_break_patterns(vocab)),
    )


def clause_break_patterns(vocab: LanguageRules) -> list[str]:
    """Regexes for what ends a clause when looking for a tense cue: the punctuation
    (" - " is a dash between spaces), the contrastive words and the coordinating ones."""
    marks = vocab.words.get("clause_punct", [])
    plain = [p for p in marks if p == p.strip()]
    out = ["[" + "".join(re.escape(p) for p in plain) + "]"] if plain else []
    out += [r"\s" + re.escape(p.strip()) + r"\s" for p in marks if p != p.strip()]
    words = [w for w in vocab.words.get("clause_breaks", []) + vocab.words.get("coordination", []) if w.strip(",")]
    out += [r"(?<!\w)" + re.escape(w).replace(r"\ ", r"\s+") + r"(?!\w)" for w in dict.fromkeys(words)]
    return out


def _fills(data: dict, number_words: list[str]) -> dict[str, str]:
    """The regex behind each {placeholder} of the rule patterns."""
    full_months = [forms[0] for forms in data["months"]]
    abbrevs = [f for forms in data["months"] for f in forms[1:]]
    ambiguous = {norm(m) for m in data.get("ambiguous_months", [])}
    weekday_alt = _alt([f for forms in data["weekdays"] for f in forms])
    month_all = "(?:" + _alt(full_months) + "|" + _alt(abbrevs, abbrev_dot=True) + ")" if abbrevs else _alt(full_months)
    month_safe = [m for m in full_months if norm(m) not in ambiguous]
    ordinals = data.get("ordinal_suffixes", [])
    ordinal = "(?:" + _alt(ordinals) + ")?" if ordinals else ""
    year = r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    fills = {
        "apos": APOS,
        "weekday": f"(?P<weekday>{weekday_alt})",
        "weekday_any": weekday_alt,
        "month": f"(?P<month>{month_all})",
        "month_full": f"(?P<month>{_alt(full_months)})",
        "month_safe": f"(?P<month>{_alt(month_safe)})",
        "day": rf"(?<!\d)(?P<day>[0-3]?\d){ordinal}(?!\d)",
        "num": rf"(?P<num>\d{{1,2}}|{_alt(number_words)})",
        "year": year,
        "yearx": year + r"(?![-–/]\d)",
    }
    for name, frags in data.get("words", {}).items():
        fills[name] = _expand(_words_alt(frags), {"apos": APOS})
    return fills


def _rules(i: int, r: dict, fills: dict[str, str], lang: str) -> list[Rule]:
    """Rule i of the file; a list of patterns gives one Rule each (alternatives that would
    repeat a named group in one regex)."""
    direction = r.get("direction", "none")
    if direction not in DIRECTIONS:
        raise ValueError(f"time_{lang}.toml rule {i}: direction {direction!r} not in {DIRECTIONS}")
    patterns = r["pattern"] if isinstance(r["pattern"], list) else [r["pattern"]]
    out = []
    for pattern in patterns:
        body = _expand(pattern, fills)
        try:
            regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"time_{lang}.toml rule {i} ({r['kind']}): bad pattern: {exc}") from exc
        out.append(Rule(kind=r["kind"], regex=regex, value=tuple(r.get("value", ())), direction=direction,
                        tense=r.get("tense", ""), tense_default=r.get("tense_default", ""), needs=needs(regex)))
    return out
