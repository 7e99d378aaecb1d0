"""The per-language rules of data/patterns/<lang>.json: vocabulary, cue phrases, their syntax.

One file per language holds every word list the extractor and the time finder share:
number words, clause breaks, coordination, the function words the rules skip. The time
grammar (data/patterns/time_<lang>.toml) holds only what is particular to dates and
reads that vocabulary from here (fanboard/extract/times.py).

Rules are loaded once per (folder, language) and checked when they are loaded: every
cue's `value` and every attribute with a fixed set of meanings is compared with the
schema (fanboard/schema.py), so a misspelt status fails with `file:kind[i]` instead of
silently producing no rows.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import schema
from .paths import PATTERNS_DIR



class PatternError(ValueError):
    """A pattern file is malformed; the message names file and entry."""


@dataclass
class Cue:
    kind: str
    value: str
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str = ""


@dataclass
class LanguageRules:
    """The per-language vocabulary loaded from data/patterns/<lang>.json."""
    lang: str
    score_order: str = "home_away"
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    words_map: dict[str, dict] = field(default_factory=dict)   # e.g. article_contractions
    cues: list[Cue] = field(default_factory=list)
    tense: dict[str, list[str]] = field(default_factory=dict)  # regular expressions: future, past
    source: Path | None = None
    _sets: dict = field(default_factory=dict, repr=False, compare=False)

    def number(self, text: str) -> int | None:
        t = text.lower().strip(".")
        if t.isdigit():
            return int(t)
        return self.numbers.get(t)

    def ordinal(self, text: str) -> int | None:
        t = text.lower()
        m = re.match(r"^(\d{1,2})(?:st|nd|rd|th|e|ste|de|°|º|ª|o|a)?$", t)
        if m:
            return int(m.group(1))
        return self.ordinals.get(t)

    def word_set(self, *names: str) -> frozenset[str]:
        """The words of one or more lists of `words`, as a set (computed once)."""
        if names not in self._sets:
            self._sets[names] = frozenset(w for name in names for w in self.words.get(name, []))
        return self._sets[names]


#: cue kind → its values, and (kind, attribute) → the attribute's values, as the schema has them.
#: A cue kind or attribute not listed here takes free text (e.g. a postponement's reason).
CUE_VALUES: dict[str, tuple[str, ...]] = {
    "status": schema.PLAYER_STATUSES + ("none",),   # "none": a phrase that states no status of its own
    "event": schema.EVENT_TYPES,
    "goal": ("goal", "brace", "hat_trick", "count", "own_goal", "penalty", "none"),   # see extract/goals.py
}
CUE_ATTRS: dict[tuple[str, str], tuple[str, ...]] = {
    ("match", "status"): schema.MATCH_STATUSES,
    ("match", "venue"): ("home", "away"),
    ("match", "result"): ("W", "D", "L"),
    ("status", "other"): schema.PLAYER_STATUSES,
    ("status", "slot"): ("first", "before", "after", "next", "inside", "around", "sentence"),
    ("situation", "metric"): schema.SITUATION_METRICS,
    ("reported", "scope"): ("sentence",),
    ("goal", "slot"): ("before", "after", "inside", "near"),
}


def _check(cue: Cue) -> None:
    allowed = CUE_VALUES.get(cue.kind)
    if allowed is not None and cue.value not in allowed:
        raise PatternError(f"{cue.source}: value {cue.value!r} is not one of {', '.join(allowed)}")
    for name, value in cue.attrs.items():
        allowed = CUE_ATTRS.get((cue.kind, name))
        if allowed is not None and value not in allowed:
            raise PatternError(f"{cue.source}: {name} {value!r} is not one of {', '.join(allowed)}")


def load_rules(lang: str, patterns_dir: Path | str | None = None) -> LanguageRules:
    """The rules of `lang` from `patterns_dir` (default data/patterns), loaded once per folder."""
    folder = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    return _load_rules(str(folder.resolve()), lang)


@lru_cache(maxsize=None)
def _load_rules(folder: str, lang: str) -> LanguageRules:
    path = Path(folder) / f"{lang}.json"
    if not path.exists():
        return LanguageRules(lang=lang)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise PatternError(f"{path}: not valid JSON: {exc}") from None
    rules = LanguageRules(
        lang=lang,
        score_order=data.get("score_order", "home_away"),
        numbers={k.lower(): int(v) for k, v in data.get("numbers", {}).items()},
        ordinals={k.lower(): int(v) for k, v in data.get("ordinals", {}).items()},
        words={k: [w.lower() for w in v] for k, v in data.get("words", {}).items() if isinstance(v, list)},
        words_map={k: v for k, v in data.get("words", {}).items() if isinstance(v, dict)},
        tense={k: list(v) for k, v in data.get("tense", {}).items() if isinstance(v, list)},
        source=path,
    )
    for kind, entries in data.get("cues", {}).items():
        for i, entry in enumerate(entries):
            if isinstance(entry, str):
                entry = {"p": entry}
            if "p" not in entry:
                raise PatternError(f"{path}: cue {kind}[{i}] has no pattern 'p'")
            attrs = {k: v for k, v in entry.items() if k not in ("p", "value")}
            attrs["p"] = entry["p"]
            cue = Cue(kind, str(entry.get("value", "")), attrs, f"{path.name}:{kind}[{i}]")
            _check(cue)
            rules.cues.append(cue)
    return rules


def compile_pattern(spec: str, nlp: Language, rules: LanguageRules) -> list[dict]:
    """Our compact cue syntax → a spaCy Matcher token pattern.

    Space-separated items, each one of:
      word        a literal (tokenized by the language's tokenizer; matched on LOWER)
      a|b|c       one token, any of the alternatives
      pre~        a token starting with "pre"
      ?item       the item is optional
      *           up to four tokens that are not punctuation
      #NUM        a number, in digits or words of this language
      #SCORE      a score token ("2-1")
      #ORD        an ordinal, in digits ("9th", "9e", "9°") or words
      #PERSON #CLUB #COMP #REF   one entity token of that label (REF = role description)
    """
    pattern: list[dict] = []
    for item in spec.split():
        optional = item.startswith("?") and len(item) > 1
        if optional:
            item = item[1:]
        if item == "*":
            pattern.append({"IS_PUNCT": False, "OP": "{0,4}"})
            continue
        if item == "#SCORE":
            tok = {"TEXT": {"REGEX": r"^\d{1,2}[-–]\d{1,2}$"}}
        elif item in ("#NUM", "#ORD"):
            words = sorted(rules.numbers if item == "#NUM" else rules.ordinals)
            rx = r"^\d{1,3}$" if item == "#NUM" else r"^\d{1,2}(st|nd|rd|th|e|ste|de|°|º|ª)?$"
            tok = {"LOWER": {"REGEX": rx}} if not words else {"LOWER": {"REGEX": rx + "|^(" + "|".join(map(re.escape, words)) + ")$"}}
        elif item.startswith("#"):
            label = {"#REF": "PERSONREF"}.get(item, item[1:])
            tok = {"ENT_TYPE": label, "OP": "+"}
            pattern.append(tok if not optional else {"ENT_TYPE": label, "OP": "*"})
            continue
        elif "|" in item:
            alts = [a.lower() for a in item.split("|")]
            tok = {"LOWER": {"IN": alts}}
        elif item.endswith("~") and len(item) > 1:
            tok = {"LOWER": {"REGEX": "^" + re.escape(item[:-1].lower())}}
        else:
            words = [t.lower_ for t in nlp.make_doc(item)]
            toks = [{"LOWER": w} for w in words]
            if optional:
                for t in toks:
                    t["OP"] = "?"
            pattern.extend(toks)
            continue
        if optional:
            tok["OP"] = "?"
        pattern.append(tok)
    return pattern
