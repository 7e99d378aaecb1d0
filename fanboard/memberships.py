"""What the squad import derives besides people.csv: dated club memberships and shared surnames.

``data/kb/memberships.csv`` (person, club, from, to, from_matchday, to_matchday): for every
player of the appearances file, each club he played for, from the date of his first to the
date of his last Serie A match for it. The dates are those of data/reference/fixtures.csv
(the day a match was actually played), found by matchday and the two clubs. A player who
changed club during the season (Orbury, then Seaview) has two rows.

``data/kb/shared_surnames.csv`` (surname, people): a surname several people bear, which the
importer gives to none of them as an alias; the extractor resolves it by the club in
context (fanboard/extract/context.py), or leaves it unresolved.

Both files are written atomically, and only after the whole knowledge base loads with them.
"""
from __future__ import annotations

import csv
import os
import tempfile
from datetime import date
from pathlib import Path

from .csvrows import read_rows
from .kb import KB, Membership, normalize
from .paths import REFERENCE_DIR

APPEARANCE_COLUMNS = ["player", "shirt", "team", "matchday", "home", "away", "minutes", "goals", "red_card"]
MEMBERSHIP_COLUMNS = ["person", "club", "from", "to", "from_matchday", "to_matchday"]
SHARED_COLUMNS = ["surname", "people"]
DEFAULT_FIXTURES = REFERENCE_DIR / "fixtures.csv"


class MembershipError(ValueError):
    """The appearances or fixtures cannot be read, or name what the KB lacks; nothing was written."""


def _rows(path: Path, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    return read_rows(path, required, MembershipError, after="; nothing was written")


def match_days(fixtures: Path, kb: KB) -> dict[tuple[str, str, str], date]:
    """(matchday, home id, away id) -> the day the Serie A match was played."""
    out = {}
    for _, r in _rows(fixtures, ["competition", "matchday", "date", "home", "away"]):
        home, away = kb.club(r["home"]), kb.club(r["away"])
        if r["competition"] == "Serie A" and home and away and r["matchday"] and r["date"]:
            out[(r["matchday"], home.id, away.id)] = date.fromisoformat(r["date"])
    return out


def memberships(appearances: Path, fixtures: Path, kb: KB,
                person_of: dict[tuple[str, str], str]) -> list[Membership]:
    """The memberships the appearances tell; `person_of` maps (club id, normalised
    reference name) to the person id the import gave that player."""
    days = match_days(fixtures, kb)
    spans: dict[tuple[str, str], list[tuple[date, str]]] = {}
    problems = []
    for line_no, r in _rows(appearances, APPEARANCE_COLUMNS[:6]):
        club, home, away = kb.club(r["team"]), kb.club(r["home"]), kb.club(r["away"])
        day = days.get((r["matchday"], home.id, away.id)) if home and away else None
        person = person_of.get((club.id, normalize(r["player"]))) if club else None
        if day is None or person is None:
            problems.append(f"line {line_no} ({r['player']}, {r['team']}, matchday {r['matchday']})")
            continue
        spans.setdefault((person, club.id), []).append((day, r["matchday"]))
    if problems:
        more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
        raise MembershipError(f"{appearances}: no player or match for {'; '.join(problems[:5])}{more}; "
                              "nothing was written")
    out = []
    for (person, club), played in spans.items():
        first, last = min(played), max(played)
        out.append(Membership(person, club, first[0], last[0], first[1], last[1]))
    return sorted(out, key=lambda m: (m.person, m.start or date.min))


def membership_rows(ms: list[Membership]) -> list[dict[str, str]]:
    return [{"person": m.person, "club": m.club, "from": m.start.isoformat() if m.start else "",
             "to": m.end.isoformat() if m.end else "", "from_matchday": m.from_matchday,
             "to_matchday": m.to_matchday} for m in ms]


def shared_rows(shared: dict[str, list[str]]) -> list[dict[str, str]]:
    return [{"surname": s, "people": "|".join(sorted(ids))} for s, ids in sorted(shared.items(), key=lambda x: normalize(x[0]))]


def write_csv(rows: list[dict[str, str]], columns: list[str], path: Path) -> None:
    """Write a CSV atomically (temp file in the same folder, then rename)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
