"""Names the articles use that the knowledge base lacks: the unknown_names table.

Two kinds (the table's `kind`):

- "lineup": a name in the team sheet of a club the knowledge base knows, that is not one of
  that club's people (fanboard.extract.lineups keeps it as a LearnedName and gives it no
  status). Its `club` is the sheet's club: adding the name as a player of that club gives the
  name its statuses at the next build.
- "cue": a run of capitalised words, not at the start of its sentence, in a sentence that holds
  a football cue word (the words of the status, goal and transfer cues in data/patterns/), that
  the knowledge base does not know as a person, club, competition or city, and none of whose
  words the article also writes in lower case (so "Monday" or "Coach" is not a name).

A name the local overlay ignores (fanboard.localkb) is not listed. Each name comes with how
often it appears, the articles and up to three of its sentences. This reads the article texts
and uses no spaCy, so it costs little next to a build.
"""
from __future__ import annotations

import calendar
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import PATTERNS_DIR
from .tables import frame
from .text import normalize

CUE_KINDS = ("status", "goal", "in_game", "joined", "departure", "contract", "sub_pair", "transfer_interest")
MAX_SENTENCES = 3
MAX_QUOTE = 300
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@lru_cache(maxsize=8)
def cue_words(lang: str) -> frozenset[str]:
    """Lower-case words of five letters or more from the cue phrases of that language."""
    path = Path(PATTERNS_DIR) / f"{lang}.json"
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


class _Found:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], dict] = {}

    def add(self, name: str, kind: str, club: str, article_id: str, sentence: str) -> None:
        key = (normalize(name), kind, club)
        row = self.rows.setdefault(key, {"name": name, "kind": kind, "club": club, "count": 0,
                                         "articles": [], "sentences": []})
        row["count"] += 1
        if article_id not in row["articles"]:
            row["articles"].append(article_id)
        if sentence and sentence not in row["sentences"] and len(row["sentences"]) < MAX_SENTENCES:
            row["sentences"].append(sentence)


@lru_cache(maxsize=4)
def _club_finder(kb):
    """fanboard.extract.lineups.club_finder with the club names normalised once (it is asked
    about every line of every article here)."""
    names = [(normalize(c.name), c) for c in kb.clubs]

    @lru_cache(maxsize=None)
    def club_of(text: str):
        club = kb.club(text)
        if club is None and text.isupper():
            club = kb.club(text.title())
        if club is None:
            folded = normalize(text)
            club = next((c for n, c in names if n.endswith(" " + folded) or n.startswith(folded + " ")),
                        None) if len(folded) > 4 else None
        return club
    return club_of


def _lineup_names(article, kb, found: _Found) -> set[str]:
    """The learned names of the article's lineup blocks (as fanboard.extract.lineups finds them)."""
    from .extract.lineup_text import read_lineups
    from .extract.lineups import _Sheets

    names = set()
    club_of = _club_finder(kb)
    try:
        lineups = read_lineups(article.text, article.language, lambda t: club_of(t) and club_of(t).name)
        learned = _Sheets(article.id, article.text, kb, club_of, []).run(lineups).learned if lineups.sheets else []
    except Exception:       # a text the lineup reader cannot take gives no names, never a failed build
        return names
    for n in learned:
        found.add(n.name, "lineup", n.club, article.id, _line(article.text, n.start, n.end))
        names.add(normalize(n.name))
    return names


def _cue_names(article, kb, found: _Found, skip: set[str]) -> None:
    cues = cue_words(article.language)
    if not cues:
        return
    lower = set(re.findall(r"(?<![\w'’])[a-zà-öø-ÿ][\w'’\-]*", article.text))
    for s in SENTENCE.finditer(article.text):
        sentence = s.group(0)
        if not cues & {w.casefold() for w in re.findall(r"\w+", sentence)}:
            continue
        first = re.search(r"\w", sentence)
        for start, name in _capitalised_runs(sentence):
            if first and start <= first.start():
                name = name.partition(" ")[2]   # the first word of a sentence is capitalised anyway
            if not name:
                continue
            if any(w.casefold() in lower or w in lower for w in name.split()):
                continue
            if normalize(name) in skip or _known(kb, name):
                continue
            found.add(name, "cue", "", article.id, sentence.strip()[:MAX_QUOTE])


def unknown_names_table(dirs: list[Path], kb=None, ignored: set[str] | None = None) -> pd.DataFrame:
    """The unknown_names table of the articles in `dirs` (see the module docstring)."""
    from .ingest import read_articles
    from .kb import KB
    from .localkb import ignored_names

    kb = kb or KB.load()
    ignored = ignored_names() if ignored is None else ignored
    articles, _ = read_articles([Path(d) for d in dirs]) if dirs else ([], [])
    found = _Found()
    for article in articles:
        skip = _lineup_names(article, kb, found) | ignored
        _cue_names(article, kb, found, skip)
    rows = [r for r in found.rows.values() if normalize(r["name"]) not in ignored]
    rows.sort(key=lambda r: (r["kind"] != "lineup", -r["count"], r["name"]))
    return frame("unknown_names", [
        {"name": r["name"], "kind": r["kind"], "club": r["club"], "count": r["count"],
         "article_ids": r["articles"], "sentences": " | ".join(r["sentences"])} for r in rows])
