"""Language detection with spaCy's own stop-word lists.

Why not a separate detector: spaCy already ships curated stop-word lists for
every language it supports, they are offline, and news articles of a few
hundred words are long enough for function words to decide the language
reliably. It adds no dependency and no model download.
"""
from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
import re
from collections import Counter
from functools import lru_cache

SUPPORTED_LANGUAGES = ("en", "nl", "it")
# Languages we can recognise (to warn about), beyond those we extract from.
CANDIDATES = ("en", "nl", "it", "de", "fr", "es", "pt")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=None)
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang`, read from its stop_words.py alone: importing the language
    package would also compile its tokenizer exceptions (seconds for French)."""
    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / lang / "stop_words.py"
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return frozenset(w.lower() for w in namespace["STOP_WORDS"])


@lru_cache(maxsize=1)
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each stop word → the candidate languages it is a stop word of."""
    index: dict[str, list[str]] = {}
    for lang in CANDIDATES:
        for word in _stop_words(lang):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def language_scores(text: str) -> dict[str, float]:
    """The share of the text's words that are stop words of each candidate language."""
    found = Counter(_WORD.findall(text))         # each distinct word is looked up once
    total = sum(found.values())
    hits = dict.fromkeys(CANDIDATES, 0)
    if not total:
        return {lang: 0.0 for lang in CANDIDATES}
    languages = _languages_of_words()
    for word, n in found.items():
        for lang in languages.get(word.lower(), ()):
            hits[lang] += n
    return {lang: hits[lang] / total for lang in CANDIDATES}


def detect_language(text: str, min_score: float = 0.12) -> str | None:
    """The ISO code of the most likely language, or None when no language is clear."""
    scores = language_scores(text)
    best = max(scores, key=scores.get)
    if scores[best] < min_score:
        return None
    return best
