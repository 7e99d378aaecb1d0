"""fanboard_names: the names an article uses that the knowledge base lacks (doc._.names).

Two kinds (the unknown_names table's `kind`):

- "lineup": a name in the team sheet of a club the knowledge base knows, that is not one of
  that club's people (the lineup component keeps it as a LearnedName and gives it no status).
  Its `club` is the sheet's club: adding the name as a player of that club gives the name its
  statuses at the next build.
- "cue": a run of capitalised words, not at the start of its sentence, in a sentence that holds
  a football cue word (the words of the status, goal and transfer cues of the language's
  pattern file), that the knowledge base does not know as a person, club, competition or city,
  and none of whose words the article also writes in lower case (so "Monday" or "Coach" is not
  a name).

They are found with the other claims, so they travel in the claim cache and a rebuild reads
no article twice; fanboard.unknown_names counts them over the articles into the table. The
scan uses plain regular expressions over the text, not the tokens: it costs little next to
the rest of the pipeline.
"""
from __future__ import annotations

import calendar
import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..pieces import text_of
from ..paths import PATTERNS_DIR
from ..text import normalize
from .claims import NameClaim

CUE_KINDS = ("status", "goal", "in_game", "joined", "departure", "contract", "sub_pair", "transfer_interest")
MAX_QUOTE = 300
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
LOWER_WORD = re.compile(r"(?<![\w'’])[a-zà-öø-ÿ][\w'’\-]*")
_WORD_RUN = re.compile(r"\w+")


@Language.factory("fanboard_names", requires=["doc._.context", "doc._.lineups"], assigns=["doc._.names"])
def make_name_finder(nlp: Language, name: str):
    return NameFinder()


class NameFinder:
    """doc._.names: the NameClaims of the article (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.context
        lineups = doc._.lineups
        article = doc._.article
        lang = article.language if article is not None else doc.lang_
        doc._.names = names_in(text_of(doc), lang, ctx.kb, getattr(lineups, "learned", None) or [])
        return doc


def names_in(text: str, lang: str, kb, learned: list) -> list[NameClaim]:
    """The lineup names (from `learned`, the lineup component's LearnedNames) and then the cue
    names of one text."""
    out = [NameClaim(n.name, "lineup", n.club, _line(text, n.start, n.end)) for n in learned]
    skip = {normalize(n.name) for n in learned}
    out += [NameClaim(name, "cue", "", sentence) for name, sentence in _cue_names(text, lang, kb, skip)]
    return out


@lru_cache(maxsize=8)
def cue_words(lang: str, folder: str = str(PATTERNS_DIR)) -> frozenset[str]:
    """Lower-case words of five letters or more from the cue phrases of that language."""
    path = Path(folder) / f"{lang}.json"
    try:
        cues = json.loads(path.read_text(encoding="utf-8")).get("cues", {})
    except (OSError, ValueError):
        return frozenset()
    words = set()
    for kind in CUE_KINDS:
        for cue in cues.get(kind, []):
            for word in re.split(r"[\s|?]+", str(cue.get("p", "") if isinstance(cue, dict) else cue)):
                if len(word) >= 5 and word.isalpha():
                    words.add(word.casefold())
    return frozenset(words)


@lru_cache(maxsize=4)
def _kb_words(kb) -> frozenset[str]:
    """Every word of a club, competition or city name, and of the descriptive phrases."""
    forms = [f for c in kb.clubs for f in (c.name, *c.aliases)]
    forms += [f for c in kb.competitions for f in (c.name, *c.aliases)]
    forms += [f for c in kb.cities for f in (c.city, *c.aliases)]
    forms += [d.phrase for d in kb.descriptions()]
    forms += [c.country for c in kb.clubs] + [p.nationality for p in kb.people]
    forms += list(calendar.month_name) + list(calendar.day_name)
    return frozenset(normalize(w) for f in forms for w in f.split() if w)


def _capitalised_runs(sentence: str, longest: int = 3):
    """(offset, text) of each run of up to `longest` capitalised words separated by single spaces
    (a possessive 's dropped)."""
    run: list[re.Match] = []

    def flush():
        if run:
            yield run[0].start(), re.sub(r"['’]s$", "", " ".join(m.group(0) for m in run[:longest]))
        run.clear()

    for m in WORD.finditer(sentence):
        word = m.group(0)
        joined = run and sentence[run[-1].end():m.start()] == " "
        if not joined:
            yield from flush()
        if len(word) > 1 and word[0].isupper() and not word.isupper():
            run.append(m)
        else:
            yield from flush()
    yield from flush()


def _known(kb, name: str) -> bool:
    if kb.person(name) or kb.club(name) or kb.competition(name):
        return True
    words = [normalize(w) for w in name.split()]
    return all(w in _kb_words(kb) for w in words) or any(kb.person(w) for w in name.split())


def _line(text: str, start: int, end: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo: len(text) if hi < 0 else hi].strip()[:MAX_QUOTE]


def _cue_names(text: str, lang: str, kb, skip: set[str]):
    """(name, sentence) of each cue name of the text, in order (see the module docstring)."""
    cues = cue_words(lang)
    if not cues:
        return
    lower: set[str] | None = None   # the text's lower-case words, read when a name asks first
    for s in SENTENCE.finditer(text):
        sentence = s.group(0)
        if not any(w.casefold() in cues for w in _WORD_RUN.findall(sentence)):
            continue
        first = re.search(r"\w", sentence)
        for start, name in _capitalised_runs(sentence):
            if first and start <= first.start():
                name = name.partition(" ")[2]   # the first word of a sentence is capitalised anyway
            if not name:
                continue
            if lower is None:
                lower = set(LOWER_WORD.findall(text))
            if any(w.casefold() in lower or w in lower for w in name.split()):
                continue
            if normalize(name) in skip or _known(kb, name):
                continue
            yield name, sentence.strip()[:MAX_QUOTE]
