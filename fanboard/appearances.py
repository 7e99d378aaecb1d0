"""Appearances: who was on the pitch in each Serie A match, and for how many minutes.

``python -m fanboard import-appearances FILE [--out FILE] [--fixtures FILE] [--kb DIR]``

FILE (UTF-8 CSV, header row): ``player,shirt,team,matchday,home,away,minutes,goals,red_card``,
one row per player and match he appeared in; ``player`` is ``Initial.SURNAME`` as in the
squads file (fanboard.squads), ``team``/``home``/``away`` club names or aliases of clubs.csv,
``matchday`` the Serie A matchday. A player of a club who is missing from a match did not play
in it.

The importer writes ``data/reference/appearances.csv`` (``APPEARANCE_COLUMNS``):

- ``fixture_id`` and ``date``: the fixture of fixtures.csv with that competition, matchday,
  home and away (the day it was actually played);
- ``club``: the canonical club name; ``player``/``shirt``: as in FILE;
- ``person_id``: the person of data/kb/people.csv, found by the squads importer's own rule
  (club + surname + initial, or the full name of player_names.csv; a player who changed club
  is one person). Empty when no single person fits, or when one club has two shirts for
  the same name: never guessed.

Rows of the fixtures FILE covers replace that fixture's rows; other fixtures' rows stay.
Every malformed row is reported with its line; then nothing is written.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import squads
from .kb import DEFAULT_KB_DIR, KB, normalize
from .csvrows import read_rows
from .paths import REFERENCE_DIR
from .reference import DEFAULT_FIXTURES, ReferenceDataError, _write_atomic, load_fixtures

DEFAULT_APPEARANCES = REFERENCE_DIR / "appearances.csv"
SOURCE_COLUMNS = ["player", "shirt", "team", "matchday", "home", "away", "minutes", "goals", "red_card"]
APPEARANCE_COLUMNS = ["fixture_id", "date", "club", "player", "shirt", "person_id", "minutes", "goals",
                      "red_card"]
COMPETITION_ID = "serie-a"
MAX_MINUTES = 150          # a match with extra time and added time stays below this
MAX_LISTED = 10            # errors shown in one message


class AppearancesError(ReferenceDataError):
    """FILE is malformed or names unknown teams or fixtures; nothing was written."""


@dataclass
class ImportResult:
    rows: pd.DataFrame                 # what was read, in APPEARANCE_COLUMNS
    fixtures: int                      # fixtures FILE covers
    written: int = 0                   # rows in the target file afterwards
    unidentified: list[str] = field(default_factory=list)   # "Club: PLAYER" without a person


# -- reading the source ----------------------------------------------------------

def _read_source(path: Path) -> list[tuple[int, dict[str, str]]]:
    rows = read_rows(path, SOURCE_COLUMNS, AppearancesError, after="; nothing was written", skip_blank=True,
                     encoding="utf-8-sig")
    if not rows:
        raise AppearancesError(f"{path}: no appearance rows; nothing was written")
    return rows


_LIMITS = {"shirt": (0, 99), "matchday": (1, 38), "minutes": (0, MAX_MINUTES), "goals": (0, 20),
           "red_card": (0, 1)}
_OPTIONAL = {"goals"}      # the source leaves goals empty for goalkeepers


def _row_problem(r: dict[str, str]) -> str | None:
    if not r["player"]:
        return "player is empty"
    for col, (lo, hi) in _LIMITS.items():
        if col in _OPTIONAL and not r[col]:
            continue
        if not r[col].isdigit():
            return f"{col} {r[col]!r} is not a whole number"
        if not lo <= int(r[col]) <= hi:
            return f"{col} {r[col]} is outside {lo}..{hi}"
    if normalize(r["team"]) not in (normalize(r["home"]), normalize(r["away"])):
        return f"team {r['team']!r} is neither home ({r['home']!r}) nor away ({r['away']!r})"
    return None


def _fixture_keys(fixtures: pd.DataFrame, competition: str) -> dict[tuple[int, str, str], tuple[str, str]]:
    fx = fixtures[fixtures["competition"] == competition]
    return {(int(r["matchday"]), r["home"], r["away"]): (r["fixture_id"], str(r["date"]))
            for r in fx.to_dict("records") if not pd.isna(r["matchday"])}


def read_appearances(path: Path, kb: KB, fixtures: pd.DataFrame) -> list[dict[str, str]]:
    """FILE's rows as APPEARANCE_COLUMNS rows (person_id still empty). Raises AppearancesError
    listing every malformed row, unknown team or missing fixture (up to MAX_LISTED)."""
    path = Path(path)
    comp = kb.competition_by_id(COMPETITION_ID)
    keys = _fixture_keys(fixtures, comp.name if comp else "Serie A")
    problems: list[str] = []
    out, seen = [], {}
    for line_no, r in _read_source(path):
        problem = _row_problem(r)
        clubs = {c: kb.club(r[c]) for c in ("team", "home", "away")}
        if problem is None and any(v is None for v in clubs.values()):
            unknown = next(r[c] for c, v in clubs.items() if v is None)
            problem = f"unknown team {unknown!r}: add it (or an alias) to data/kb/clubs.csv"
        fixture = None if problem else keys.get((int(r["matchday"]), clubs["home"].name, clubs["away"].name))
        if problem is None and fixture is None:
            problem = (f"no Serie A fixture of matchday {r['matchday']} {clubs['home'].name}–"
                       f"{clubs['away'].name} in fixtures.csv")
        if problem is None:
            key = (fixture[0], clubs["team"].id, normalize(r["player"]), r["shirt"])
            if key in seen:
                problem = f"{r['player']} ({r['team']}) is listed twice for this match (first on line {seen[key]})"
            seen.setdefault(key, line_no)
        if problem:
            problems.append(f"line {line_no}: {problem}")
            continue
        out.append({"fixture_id": fixture[0], "date": fixture[1], "club": clubs["team"].name,
                    "player": r["player"], "shirt": str(int(r["shirt"])), "person_id": "",
                    "minutes": str(int(r["minutes"])), "goals": str(int(r["goals"])) if r["goals"] else "",
                    "red_card": str(int(r["red_card"]))})
    if problems:
        more = f" (and {len(problems) - MAX_LISTED} more)" if len(problems) > MAX_LISTED else ""
        raise AppearancesError(f"{path}: {len(problems)} bad row(s): " + "; ".join(problems[:MAX_LISTED])
                               + more + "; nothing was written")
    return out


# -- who is who ------------------------------------------------------------------

def _people_rows(kb_dir: Path) -> list[dict[str, str]]:
    with (Path(kb_dir) / "people.csv").open(encoding="utf-8", newline="") as f:
        return [{c: (r.get(c) or "").strip() for c in squads.PEOPLE_COLUMNS} for r in csv.DictReader(f)]


def _full_names(kb_dir: Path, kb: KB) -> dict[tuple[str, str], str]:
    """(club id, normalized Initial.SURNAME) -> the full name of player_names.csv."""
    path = Path(kb_dir) / "player_names.csv"
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            club = kb.club_by_id((r.get("club") or "").strip()) or kb.club((r.get("club") or "").strip())
            if club and (r.get("name") or "").strip():
                out[(club.id, normalize(r["player"]))] = r["name"].strip()
    return out


def identify(rows: list[dict[str, str]], kb: KB, kb_dir: Path = DEFAULT_KB_DIR) -> list[str]:
    """Fill each row's person_id by the squads importer's rule; the "Club: PLAYER" left empty.

    A name is one person across clubs when its full name is the same at each (a player who
    changed club); a club with two shirts for one name, or several people who fit, stays empty.
    """
    names = _full_names(kb_dir, kb)
    people = [r for r in _people_rows(kb_dir) if r["role"] == "player"]
    shirts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        shirts[(kb.club(r["club"]).id, r["player"])].add(r["shirt"])

    def full(club_id: str, ref: str) -> str:
        initial, surname = squads.split_reference(ref)
        return names.get((club_id, normalize(ref))) or (f"{initial}. " if initial else "") + squads.proper_case(surname)

    fulls = {key: full(*key) for key in shirts}
    by_ref: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in shirts:
        by_ref[normalize(key[1])].append(key)
    found: dict[tuple[str, str], str] = {}
    for (club_id, ref), name in fulls.items():
        if len(shirts[(club_id, ref)]) > 1:
            found[(club_id, ref)] = ""
            continue
        clubs = [c for c, other in by_ref[normalize(ref)] if normalize(fulls[(c, other)]) == normalize(name)]
        initial, surname = squads.split_reference(ref)
        cand = squads.Candidate(clubs=clubs, name=name, initial=initial,
                                surname=squads._surname_in(name, surname) if initial else "")
        hits = [p["id"] for p in people if p["club"] in clubs and squads._matches(p, cand)]
        found[(club_id, ref)] = hits[0] if len(hits) == 1 else ""
    for r in rows:
        r["person_id"] = found[(kb.club(r["club"]).id, r["player"])]
    return sorted({f"{r['club']}: {r['player']}" for r in rows if not r["person_id"]})


# -- the import --------------------------------------------------------------------

def import_appearances(path: Path, target: Path = DEFAULT_APPEARANCES, *, kb_dir: Path = DEFAULT_KB_DIR,
                       fixtures_path: Path = DEFAULT_FIXTURES, write: bool = True) -> ImportResult:
    """Read FILE, identify its players and merge it into ``target`` (atomically).

    Raises AppearancesError (or ReferenceDataError for a broken fixtures file); then ``target``
    is left as it was.
    """
    kb = KB.load(kb_dir)
    rows = read_appearances(Path(path), kb, load_fixtures(fixtures_path))
    unidentified = identify(rows, kb, kb_dir)
    new = pd.DataFrame(rows, columns=APPEARANCE_COLUMNS)
    result = ImportResult(new, new["fixture_id"].nunique(), 0, unidentified)
    if not write:
        return result
    target = Path(target)
    old = load_appearances(target) if target.is_file() else pd.DataFrame(columns=APPEARANCE_COLUMNS)
    kept = old[~old["fixture_id"].isin(set(new["fixture_id"]))]
    merged = pd.concat([f for f in (kept, new) if len(f)], ignore_index=True)
    merged["_m"] = -pd.to_numeric(merged["minutes"])
    merged = merged.sort_values(["date", "fixture_id", "club", "_m", "player"], kind="stable")
    merged = merged[APPEARANCE_COLUMNS].reset_index(drop=True)
    _write_atomic(merged, target)
    result.written = len(merged)
    return result


def load_appearances(path: Path = DEFAULT_APPEARANCES) -> pd.DataFrame:
    """appearances.csv as strings; an empty frame when the file does not exist (no data)."""
    path = Path(path)
    if not path.is_file():
        return pd.DataFrame(columns=APPEARANCE_COLUMNS, dtype=str)
    return _load(path, path.stat().st_mtime_ns, path.stat().st_size).copy()


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int, size: int) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in APPEARANCE_COLUMNS if c not in df.columns]
    if missing:
        raise ReferenceDataError(f"{path}: missing column(s) {', '.join(missing)}; re-import it with "
                                 "`python -m fanboard import-appearances FILE`")
    return df[APPEARANCE_COLUMNS]


def summary(result: ImportResult, target: Path) -> str:
    people = result.rows["person_id"].replace("", pd.NA).dropna().nunique()
    return (f"{len(result.rows)} appearances in {result.fixtures} matches read "
            f"({people} players identified, {len(result.unidentified)} not); "
            f"{result.written} rows in {target}")
