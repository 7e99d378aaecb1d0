"""`finditer` that only scans near the words a regex needs, with the same matches.

A time-grammar rule that passes the word check of regexneeds.py (the text holds "may", so
the date rules with a month name run) still scans the whole text, and finds nothing in most
of it. Every match holds one of the strings of each requirement; if a match is at most W
characters long, it starts within W characters before such a string. `scan_near` searches
only those stretches, and gives what `regex.finditer(text)` gives:

* the width W of a match is bounded from the pattern: literals and classes count one, a
  bounded repetition its maximum, and a repetition without bound only when it repeats one
  whitespace character (``\\s+``), which then counts the longest run of whitespace in the text;
  any other unbounded piece (``\\w+``, ``.*``, a back reference of unknown width) means no
  bound, and the whole text is scanned;
* each search starts where the previous match ended, at the first place a match can start
  (as finditer does), and is cut off W characters after the last place one can start, plus
  what the pattern's lookaheads and ``\\b``/``$`` read past a match: a match found there is
  the one the whole text gives, since nothing it reads lies past the cut;
* a lookbehind sees the text before the place a search starts (``pattern.search(text, pos)``).

Where the stretches cover more than half the text, the whole text is scanned at once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C, _parser

from .regexneeds import Requirement, Text

WHOLE_TEXT_SHARE = 0.5
_SPACE_RUN = re.compile(r"\s+")
_AT_AHEAD = (C.AT_BOUNDARY, C.AT_NON_BOUNDARY, C.AT_UNI_BOUNDARY, C.AT_UNI_NON_BOUNDARY,
             C.AT_LOC_BOUNDARY, C.AT_LOC_NON_BOUNDARY, C.AT_END, C.AT_END_LINE, C.AT_END_STRING)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


class _Unbounded(Exception):
    pass


def _space_only(body) -> bool:
    """Is this repeated piece one whitespace character?"""
    if len(body) != 1:
        return False
    op, av = body[0]
    if op is C.IN:
        return all(k is C.CATEGORY and v in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE) for k, v in av)
    return op is C.LITERAL and chr(av).isspace() and chr(av).lower() == chr(av).upper()


class _Width:
    """The most characters a piece can read: `fixed` plus `spaces` times the longest run of
    whitespace; `ahead`: the most it reads past its end (lookaheads, \\b, $)."""

    def __init__(self):
        self.groups: dict[int, tuple[int, int]] = {}
        self.ahead = 0

    def seq(self, items) -> tuple[int, int]:
        fixed = spaces = 0
        for op, av in items:
            f, s = self.item(op, av)
            fixed += f
            spaces += s
        return fixed, spaces

    def item(self, op, av) -> tuple[int, int]:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            return 1, 0
        if op is C.AT:
            if av in _AT_AHEAD:
                self.ahead = max(self.ahead, 1)
            return 0, 0
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, body = av
            f, s = self.seq(body)
            if direction == 1:
                if s:
                    raise _Unbounded
                self.ahead = max(self.ahead, f)
            return 0, 0
        if op is C.SUBPATTERN:
            group, body = av[0], av[-1]
            width = self.seq(body)
            if group is not None:
                self.groups[group] = width
            return width
        if op is C.ATOMIC_GROUP:
            return self.seq(av)
        if op is C.BRANCH:
            widths = [self.seq(alt) for alt in av[1]]
            return max(w[0] for w in widths), max(w[1] for w in widths)
        if op in _REPEATS:
            _low, high, body = av
            if high == C.MAXREPEAT:
                if _space_only(body):
                    return 0, 1
                raise _Unbounded
            f, s = self.seq(body)
            return f * high, s * high
        if op is C.GROUPREF and av in self.groups:
            return self.groups[av]
        raise _Unbounded   # GROUPREF_EXISTS, an unknown group, ...


@lru_cache(maxsize=None)
def width(regex: re.Pattern) -> tuple[int, int, int] | None:
    """(fixed, whitespace runs, read-ahead) of a match of `regex`, or None if unbounded."""
    w = _Width()
    try:
        fixed, spaces = w.seq(_parser.parse(regex.pattern, regex.flags))
    except _Unbounded:
        return None
    return fixed, spaces, w.ahead + 2   # 2 more: "$" also matches before a last newline


def longest_space_run(text: str) -> int:
    return max((m.end() - m.start() for m in _SPACE_RUN.finditer(text)), default=0)


def _count(req: Requirement, probe: Text) -> int:
    """How often the strings of a requirement stand in the text (kept per text: rules share
    requirements, such as "a month name")."""
    n = probe.counts.get(req)
    if n is None:
        n = probe.counts[req] = sum(probe.folded.count(s) for s in req.strings)
    return n


def _occurrences(req: Requirement, probe: Text) -> list[tuple[int, int]]:
    """(start, length) of every place a string of the requirement stands."""
    out = probe.found.get(req)
    if out is None:
        out, folded = [], probe.folded
        for s in req.strings:
            i = folded.find(s)
            while i >= 0:
                out.append((i, len(s)))
                i = folded.find(s, i + 1)
        probe.found[req] = out
    return out


def scan_near(regex: re.Pattern, requirements: tuple[Requirement, ...], probe: Text, text: str,
              spaces: int) -> list[re.Match]:
    """The matches `regex.finditer(text)` gives (`probe` is Text(text); `spaces` its longest
    whitespace run), found by searching near the rarest requirement's strings only."""
    bound = width(regex)
    n = len(text)
    if bound is None or not requirements:
        return list(regex.finditer(text))
    fixed, runs, ahead = bound
    most = fixed + runs * spaces
    rarest = min(requirements, key=lambda req: _count(req, probe))
    starts = sorted((max(0, i + length - most), i) for i, length in _occurrences(rarest, probe))
    merged: list[list[int]] = []
    for lo, hi in starts:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    if sum(hi - lo + most for lo, hi in merged) > WHOLE_TEXT_SHARE * n:
        return list(regex.finditer(text))
    out: list[re.Match] = []
    pos = 0
    for lo, hi in merged:
        q = max(pos, lo)
        cut = min(n, hi + most + ahead)
        while q <= hi:
            m = regex.search(text, q, cut)
            if m is None or m.start() > hi:
                break
            if m.end() == m.start():
                return list(regex.finditer(text))   # an empty match: leave it to finditer
            out.append(m)
            pos = q = m.end()
    return out
