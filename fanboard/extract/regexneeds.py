"""What a regex needs to find anything: literal words and strings any match of it contains.

``needs(regex)`` reads a compiled pattern (its parse tree, from the standard library's own
parser) and returns its requirements: every match of the regex contains, for each
requirement, at least one of its strings. A text that lacks all the strings of one
requirement holds no match, and the regex need not be run on it. The time grammar
(times.py) skips most of its 60-odd rules on a text that way: scanning a text with a rule
costs about as much whether it finds something or not.

Where the pattern puts a word between word boundaries (after ``(?<!\\w)`` or ``\\s+``, before
``(?!\\w)``, ``\\s`` or punctuation), the requirement is the whole word ("dec" as a word, not
inside "decided"), checked against the set of words of the text.

``Text(text)`` is a text as the requirements are checked against it: case-folded the way
``re.IGNORECASE`` compares characters (the simple lower case of each character, and one
representative for the few characters the engine counts as the same letter, such as the
dotless i and the long s), so that a requirement is never missed because of a character the
engine would have matched. Only literals are read: character classes such as \\d and \\w,
repetitions without an upper bound and back references end a literal run and add nothing.
A requirement is a necessary condition, never a guess.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _casefix, _constants as C, _parser

MAX_STRINGS = 64        # a run of literals is expanded into at most this many strings
MARK = "\x00"           # in a string: a word boundary (the character on one side is no word character)

_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_NON_WORD_CLASSES = (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD, C.CATEGORY_UNI_SPACE, C.CATEGORY_UNI_NOT_WORD,
                     C.CATEGORY_LINEBREAK, C.CATEGORY_UNI_LINEBREAK)


def _is_word(ch: str) -> bool:
    return _WORD.match(ch) is not None


def _canon() -> tuple[dict[int, str], set[int]]:
    """Every character of a case-insensitive equivalence class → one representative, for the
    classes whose members are all word characters or all not (a class that mixes them would
    change where words begin); the characters of the other classes are never read as literals."""
    table: dict[int, str] = {}
    mixed: set[int] = set()
    for lower, extra in _casefix._EXTRA_CASES.items():
        members = (lower, *extra)
        if len({_is_word(chr(c)) for c in members}) > 1:
            mixed.update(members)
            continue
        rep = chr(min(members))
        for code in members:
            table[code] = rep
    return table, mixed


_CANON, _MIXED = _canon()
_DOTTED_I = "\u0130"   # "İ": its full lower case is two characters, its simple one "i"
_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CANON) if _CANON[c] != chr(c)) + "]")


def fold(text: str) -> str:
    """`text` case-folded as the regex engine compares characters under IGNORECASE (one
    character for one, so offsets stay). Translating is slow: only done when needed."""
    if _DOTTED_I in text:
        text = text.replace(_DOTTED_I, "i")
    low = text.lower()
    return low.translate(_CANON) if _SPECIAL.search(low) else low


def _fold_char(code: int) -> str | None:
    low = "i" if code == 0x130 else chr(code).lower()
    if len(low) != 1 or ord(low) in _MIXED or code in _MIXED:
        return None
    return _CANON.get(ord(low), low)


class Text:
    """A text ready for `may_match`: folded once, its set of words, and the requirements
    checked so far (many rules share one, such as "a month name")."""
    __slots__ = ("folded", "words", "met", "found", "counts")

    def __init__(self, text: str):
        self.folded = fold(text)
        self.words = frozenset(_WORDS.findall(self.folded))
        self.met: dict[Requirement, bool] = {}
        self.found: dict[Requirement, list[tuple[int, int]]] = {}   # for regexscan.py
        self.counts: dict[Requirement, int] = {}


# ------------------------------------------------------------------ the shape of a piece
@dataclass(frozen=True)
class _Shape:
    empty: bool     # it can match the empty string
    begins: bool    # every non-empty match begins with a non-word character
    ends: bool      # ... and ends with one


_OPAQUE = _Shape(True, False, False)


def _nonword_literal(code: int) -> bool:
    ch = chr(code)
    return not _is_word(ch) and ch.lower() == ch == ch.upper() and code not in _MIXED and code not in _CANON


def _shape(op, av) -> _Shape:
    if op in _ZERO_WIDTH:
        return _Shape(True, True, True)
    if op is C.LITERAL:
        nw = _nonword_literal(av)
        return _Shape(False, nw, nw)
    if op is C.IN:
        nw = all((k is C.CATEGORY and v in _NON_WORD_CLASSES) or (k is C.LITERAL and _nonword_literal(v))
                 for k, v in av)
        return _Shape(False, nw, nw)
    if op is C.SUBPATTERN:
        return _seq_shape(av[-1])
    if op is C.ATOMIC_GROUP:
        return _seq_shape(av)
    if op is C.BRANCH:
        shapes = [_seq_shape(alt) for alt in av[1]]
        return _Shape(any(s.empty for s in shapes), all(s.begins for s in shapes), all(s.ends for s in shapes))
    if op in _REPEATS:
        low, _high, body = av
        inner = _seq_shape(body)
        return _Shape(low == 0 or inner.empty, inner.begins, inner.ends)
    if op in (C.ANY, C.NOT_LITERAL):
        return _Shape(False, False, False)
    return _OPAQUE


def _seq_shape(items) -> _Shape:
    shapes = [_shape(op, av) for op, av in items]
    return _Shape(all(s.empty for s in shapes), _edge(shapes, "begins"), _edge(reversed(shapes), "ends"))


def _edge(shapes, side: str) -> bool:
    """Does every non-empty match of the sequence begin (end) with a non-word character?"""
    for s in shapes:
        if not getattr(s, side):
            return False
        if not s.empty:
            return True
    return True


def _boundary_assert(op, av, direction: int) -> bool:
    """Is this (?<!\\w) (direction -1) or (?!\\w) (direction 1)?"""
    return op is C.ASSERT_NOT and av[0] == direction and len(av[1]) == 1 and av[1][0][0] is C.IN \
        and list(av[1][0][1]) in ([(C.CATEGORY, C.CATEGORY_WORD)], [(C.CATEGORY, C.CATEGORY_UNI_WORD)])


# ------------------------------------------------------------------ strings and requirements
class _Node:
    """What a piece of a pattern matches: `strings`, the exact set of texts it matches with
    word boundaries marked (None: too many or unbounded), and `needs`, its requirements."""
    __slots__ = ("strings", "needs")

    def __init__(self, strings: frozenset[str] | None, needs: list[frozenset[str]]):
        self.strings = strings
        self.needs = needs


_EMPTY = frozenset({""})


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x, y in itertools.product(a, b))


def _useful(strings: frozenset[str] | None) -> bool:
    return bool(strings) and all(s.replace(MARK, "") for s in strings)


def _sequence(items, left: bool, right: bool) -> _Node:
    """`left`/`right`: is there a word boundary just before/after the sequence?"""
    items = list(items)
    shapes = [_shape(op, av) for op, av in items]
    n = len(items)
    lefts, rights = [False] * n, [False] * n
    at = left
    for i, ((op, av), s) in enumerate(zip(items, shapes)):
        lefts[i] = at
        if _boundary_assert(op, av, -1):
            at = True
        elif op not in _ZERO_WIDTH:
            at = s.ends and (not s.empty or at)
    at = right
    for i in range(n - 1, -1, -1):
        (op, av), s = items[i], shapes[i]
        rights[i] = at
        if _boundary_assert(op, av, 1):
            at = True
        elif op not in _ZERO_WIDTH:
            at = s.begins and (not s.empty or at)

    needs: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({MARK if left else ""})
    whole: frozenset[str] | None = run

    def close(run: frozenset[str], boundary: bool) -> None:
        if boundary:
            run = frozenset(s + MARK for s in run)
        if _useful(run):
            needs.append(run)

    for i, (op, av) in enumerate(items):
        if _boundary_assert(op, av, -1) or _boundary_assert(op, av, 1):
            node = _Node(frozenset({MARK}), [])
        else:
            node = _item(op, av, lefts[i], rights[i])
        needs.extend(node.needs)
        if node.strings is None:
            close(run, i > 0 and rights[i - 1])
            run = frozenset({MARK if i + 1 < n and lefts[i + 1] else ""})
            whole = None
            continue
        joined = _product(run, node.strings)
        if joined is None:       # too many: keep what the run had, start again from this item
            close(run, i > 0 and rights[i - 1])
            joined = frozenset((MARK if lefts[i] else "") + s for s in node.strings)
        run = joined
        whole = _product(whole, node.strings) if whole is not None else None
    close(run, right)
    return _Node(whole, needs)


def _score(strings: frozenset[str]) -> tuple:
    """How selective a requirement is: its weakest string, a whole word counting double."""
    return min((len(s.replace(MARK, "")) * (2 if _checks(s)[0] else 1)) for s in strings), -len(strings)


def _best(node: _Node) -> frozenset[str] | None:
    options = list(node.needs) + ([node.strings] if _useful(node.strings) else [])
    return max(options, key=_score) if options else None


def _item(op, av, left: bool, right: bool) -> _Node:
    if op is C.LITERAL:
        ch = _fold_char(av)
        return _Node(frozenset({ch}) if ch is not None else None, [])
    if op in _ZERO_WIDTH:
        return _Node(_EMPTY, [])
    if op is C.SUBPATTERN:
        return _sequence(av[-1], left, right)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, left, right)
    if op is C.IN:
        chars = set()
        for kind, value in av:
            ch = _fold_char(value) if kind is C.LITERAL else None
            if ch is None:
                return _Node(None, [])
            chars.add(ch)
        return _Node(frozenset(chars), [])
    if op is C.BRANCH:
        alternatives = [_sequence(alt, left, right) for alt in av[1]]
        strings = None
        if all(a.strings is not None for a in alternatives):
            union = frozenset().union(*(a.strings for a in alternatives))
            strings = union if len(union) <= MAX_STRINGS else None
        best = [_best(a) for a in alternatives]
        needs = [frozenset().union(*best)] if all(b is not None for b in best) else []
        return _Node(strings, needs)
    if op in _REPEATS:
        low, high, body = av
        if high == 1:
            inner = _sequence(body, left, right)
        else:   # a later repetition has the one before it on its left
            inner = _sequence(body, False, False)
        if low == 0:
            strings = inner.strings | _EMPTY if high == 1 and inner.strings is not None else None
            return _Node(strings, [])
        needs = list(inner.needs) + ([inner.strings] if _useful(inner.strings) else [])
        return _Node(inner.strings if low == high == 1 else None, needs)
    return _Node(None, [])   # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


# ------------------------------------------------------------------ checking
def _checks(s: str) -> tuple[tuple[str, ...], str | None]:
    """The whole words a marked string puts between boundaries, and the substring to look for
    (None when the one word says it all)."""
    plain = s.replace(MARK, "")
    words = []
    for m in _WORDS.finditer(s):
        a, b = m.span()
        if a > 0 and b < len(s):
            words.append(m.group())
    bounded = tuple(words)
    if len(bounded) == 1 and s.strip(MARK) == bounded[0] and s.startswith(MARK) and s.endswith(MARK):
        return bounded, None
    return bounded, plain


@dataclass(frozen=True, eq=False)   # compared by identity: equal ones are one object (_requirement)
class Requirement:
    """One requirement: satisfied when one of its strings is in the text."""
    words: frozenset[str]                           # strings that are one whole word
    others: tuple[tuple[tuple[str, ...], str], ...] # (whole words it holds, substring)

    @cached_property
    def strings(self) -> tuple[str, ...]:
        """Every string it looks for, as a substring (a superset of where it stands)."""
        return (*sorted(self.words), *(sub for _, sub in self.others))

    def met(self, text: Text) -> bool:
        if not self.words.isdisjoint(text.words):
            return True
        folded, words = text.folded, text.words
        return any(all(w in words for w in ws) and sub in folded for ws, sub in self.others)


_INTERNED: dict[tuple, Requirement] = {}


def _requirement(strings: frozenset[str]) -> Requirement:
    words, others = set(), []
    for s in sorted(strings):
        bounded, sub = _checks(s)
        if sub is None:
            words.add(bounded[0])
        else:
            others.append((bounded, sub))
    key = (frozenset(words), tuple(others))
    if key not in _INTERNED:
        _INTERNED[key] = Requirement(*key)
    return _INTERNED[key]


@lru_cache(maxsize=None)
def needs(regex: re.Pattern) -> tuple[Requirement, ...]:
    """The requirements of `regex` (see the module docstring); () when it needs nothing known.
    A case-sensitive pattern is checked against the folded text too, which only makes its
    requirements weaker."""
    node = _sequence(_parser.parse(regex.pattern, regex.flags), False, False)
    found = list(node.needs) + ([node.strings] if _useful(node.strings) else [])
    unique = sorted(dict.fromkeys(found), key=_score, reverse=True)   # the most selective first
    return tuple(_requirement(s) for s in unique)


def may_match(requirements: tuple[Requirement, ...], text: Text) -> bool:
    """Can a regex with these requirements match somewhere in `text`?"""
    known = text.met
    for r in requirements:
        ok = known.get(r)
        if ok is None:
            ok = known[r] = r.met(text)
        if not ok:
            return False
    return True
