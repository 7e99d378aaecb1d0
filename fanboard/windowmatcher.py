"""A spaCy token Matcher that only looks where its patterns can match.

spaCy's Matcher tries every pattern at every token of a Doc; with 30-50 cue patterns (the
ones with wildcards, optional items or entity slots) that cost more than all the rest of the
cue finding. But most of those patterns need a word that a text seldom holds ("relationship …
tense", "was|were … without"): a pattern can only match within its own length of where that
word stands. `WindowMatcher` finds, per Doc, where each pattern's rarest needed word stands,
and runs the Matcher over those windows only (as Spans); a pattern whose needed word is not
in the Doc at all is not run anywhere.

The matches are the same as the Matcher's on the whole Doc, as a set of (key, start, end):
a match lies within its pattern's length of the needed word it holds, so inside one window;
a match found in a window is a match in the Doc, since a token pattern reads nothing outside
the tokens it matches. A pattern that needs no known word, or whose length has no bound,
makes the whole Doc one window. (`OP: "+"` on an entity label is bounded by the Doc's
longest run of entity tokens.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy

from spacy.attrs import ENT_TYPE, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc

WHOLE_DOC_SHARE = 0.5     # windows covering more of the Doc than this: match the whole Doc at once
MERGE_GAP = 8             # windows closer than this many tokens are matched as one


@dataclass(frozen=True)
class _Token:
    need: object           # frozenset of LOWER hashes, a regex id (int), or None: no word needed
    exact: bool            # matches exactly one token (no "OP", or "OP": "1")
    longest: int | None    # the most tokens it matches; None: a run over an entity label
    entity: int | None = None   # the entity label it needs at least one token of ("OP": "+" or none)


@dataclass(frozen=True)
class _Plan:
    tokens: tuple[_Token, ...]
    bounded: bool          # every token has a longest length (or is an entity run)


def _plan(pattern: list[dict], strings, regex_id) -> _Plan:
    tokens, bounded = [], True
    for tok in pattern:
        op = tok.get("OP")
        attrs = {k: v for k, v in tok.items() if k != "OP"}
        longest: int | None = 1
        if op in ("+", "*"):
            longest = None
            bounded = bounded and set(attrs) == {"ENT_TYPE"}
        elif op is not None and op.startswith("{"):
            _lo, comma, hi = op.strip("{}").partition(",")
            if comma and hi.strip():
                longest = int(hi)
            else:
                bounded = False
        elif op not in (None, "1", "?", "!"):
            bounded = False
        need = None
        value = attrs.get("LOWER")
        if op in (None, "1", "+"):
            if isinstance(value, str):
                need = frozenset({strings.add(value)})
            elif isinstance(value, dict) and set(value) == {"IN"}:
                need = frozenset(strings.add(v) for v in value["IN"])
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                need = regex_id(value["REGEX"])
        entity = None
        if set(attrs) == {"ENT_TYPE"} and isinstance(attrs["ENT_TYPE"], str) and op in (None, "1", "+"):
            entity = strings.add(attrs["ENT_TYPE"])
        tokens.append(_Token(need, op in (None, "1"), longest, entity))
    return _Plan(tuple(tokens), bounded and any(t.need is not None and t.exact for t in tokens))


class WindowMatcher:
    """`add(key, pattern)` like Matcher.add (one pattern per key, no callbacks, no greedy);
    calling it gives the set of (match_id, start, end) the Matcher gives on the whole Doc."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self._plans: list[_Plan] = []
        self._singles: list[Matcher] = []   # one Matcher per pattern, in the order added
        self._regexes: list[re.Pattern] = []
        self._hits: dict[int, tuple[int, ...]] = {}   # LOWER hash → ids of the regexes it matches

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: str, pattern: list[dict]) -> None:
        self.matcher.add(key, [pattern])
        single = Matcher(self.vocab)
        single.add(key, [pattern])
        self._singles.append(single)
        self._plans.append(_plan(pattern, self.vocab.strings, self._regex_id))
        self._hits.clear()

    def _regex_id(self, regex: str) -> int:
        for i, rx in enumerate(self._regexes):
            if rx.pattern == regex:
                return i
        self._regexes.append(re.compile(regex))   # as spaCy's REGEX predicate compiles it
        return len(self._regexes) - 1

    def windows(self, doc: Doc) -> list[tuple[int, int]] | None:
        """The token ranges to match over, or None for the whole Doc."""
        per_plan = self._plan_spans(doc)
        if any(spans is None for spans in per_plan):
            return None
        return _merged(sorted(s for spans in per_plan for s in spans), len(doc))

    def _plan_spans(self, doc: Doc) -> list[list[tuple[int, int]] | None]:
        """Per pattern (in the order added): the token ranges where it can match, or None when
        it can match anywhere."""
        n = len(doc)
        lowers = doc.to_array(LOWER).tolist()
        where: dict[int, list[int]] = {}
        for i, h in enumerate(lowers):
            where.setdefault(h, []).append(i)
        by_regex: list[list[int]] = [[] for _ in self._regexes]
        regex_words: list[set[int]] = [set() for _ in self._regexes]
        if self._regexes:
            strings, hits = self.vocab.strings, self._hits
            for h, at in where.items():
                ids = hits.get(h)
                if ids is None:
                    text = strings[h]
                    ids = hits[h] = tuple(i for i, rx in enumerate(self._regexes) if rx.search(text))
                for r in ids:
                    by_regex[r].extend(at)
                    regex_words[r].add(h)

        known: dict[frozenset, list[int]] = {}   # many patterns need the same words

        def positions(need) -> list[int]:
            if isinstance(need, int):
                return by_regex[need]
            at = known.get(need)
            if at is None:
                at = known[need] = [i for h in need if h in where for i in where[h]]
            return at

        ents = None

        def holds(need, h: int) -> bool:
            return h in regex_words[need] if isinstance(need, int) else h in need

        runs = None
        per_plan: list[list[tuple[int, int]] | None] = []
        for plan in self._plans:
            if not plan.bounded:
                per_plan.append(None)
                continue
            spans: list[tuple[int, int]] = []
            per_plan.append(spans)
            found = [(t, positions(tok.need)) for t, tok in enumerate(plan.tokens) if tok.need is not None]
            if any(not at for _, at in found):
                continue   # a needed word is missing: the pattern matches nowhere
            anchor, at = min((x for x in found if plan.tokens[x[0]].exact), key=lambda x: len(x[1]))
            if any(tok.longest is None for tok in plan.tokens) and runs is None:
                runs = _longest_entity_run(doc)
            longest = [tok.longest if tok.longest is not None else runs for tok in plan.tokens]
            # the exact tokens next to the anchor stand at fixed offsets from it: check their words
            lo = anchor
            while lo > 0 and plan.tokens[lo - 1].exact:
                lo -= 1
            hi = anchor + 1
            while hi < len(plan.tokens) and plan.tokens[hi].exact:
                hi += 1
            checks = [(t - anchor, plan.tokens[t].need) for t in range(lo, hi)
                      if t != anchor and plan.tokens[t].need is not None]
            # an entity slot next to them holds a token of its label just there
            labels = [(t - anchor, plan.tokens[t].entity) for t in (lo - 1, *range(lo, hi), hi)
                      if 0 <= t < len(plan.tokens) and plan.tokens[t].entity is not None]
            if labels and ents is None:
                ents = doc.to_array(ENT_TYPE).tolist()
            before, after = sum(longest[:anchor]), sum(longest[anchor:])
            for i in at:
                if all(0 <= i + d < n and holds(need, lowers[i + d]) for d, need in checks) \
                        and all(0 <= i + d < n and ents[i + d] == label for d, label in labels):
                    spans.append((max(0, i - before), min(n, i + after)))
        return per_plan

    def __call__(self, doc: Doc) -> set[tuple[int, int, int]]:
        """Each pattern is matched over its own windows only (a pattern's matches do not depend on
        the others' without callbacks or greedy filters), with a Matcher of its own: the other
        patterns are not tried where only this one can match."""
        if not len(self.matcher):
            return set()
        n = len(doc)
        found = set()
        for matcher, spans in zip(self._singles, self._plan_spans(doc)):
            if spans is not None and not spans:
                continue
            windows = None if spans is None else _merged(sorted(spans), n)
            if windows is None:
                found.update(matcher(doc))
                continue
            for a, b in windows:
                found.update((key, a + s, a + e) for key, s, e in matcher(doc[a:b]))
        return found


def _merged(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]] | None:
    """Sorted token ranges joined where they overlap or stand close; None when they cover
    more of the Doc than WHOLE_DOC_SHARE (then matching the whole Doc at once is cheaper)."""
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + MERGE_GAP:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    if sum(b - a for a, b in merged) > WHOLE_DOC_SHARE * n:
        return None
    return [(a, b) for a, b in merged]


def _longest_entity_run(doc: Doc) -> int:
    """The longest run of consecutive tokens with one entity label."""
    labels = doc.to_array(ENT_TYPE)
    if not len(labels) or not labels.any():
        return 0
    starts = numpy.flatnonzero(numpy.diff(labels)) + 1     # where a run of one label begins
    bounds = numpy.concatenate(([0], starts, [len(labels)]))
    lengths = numpy.diff(bounds)[labels[bounds[:-1]] != 0]
    return int(lengths.max()) if len(lengths) else 0
