"""Fixtures from outside sources, in the project schema (fanboard.reference.FIXTURE_COLUMNS).

- ``convert_openfootball`` regenerates fixtures.csv from the openfootball CSVs
  (``/work/shared/reference`` during development); nothing else reads them.
- ``import_football_data`` reads a football-data.co.uk results CSV; every malformed row fails
  with its file and line number, and unknown teams are listed instead of guessed.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .kb import KB
from .reference import (
    DEFAULT_DIVISIONS, DEFAULT_NOTES, FIXTURE_COLUMNS, ReferenceDataError, fixture_id, season_of,
)


# openfootball file -> (competition name, competition id in the KB)
_OPENFOOTBALL_FILES = (
    ("serie_a_2020_21.csv", "serie-a"),
    ("champions_league_2020_21.csv", "ucl"),
    ("coppa_italia_2020_21.csv", "coppa-italia"),
)


# openfootball's note codes, spelled out
_NOTE_WORDS = {
    "a.e.t.": "after extra time",
    "a.e.t. pen.": "after extra time, decided on penalties (the source's score may include the shootout)",
}


# -- openfootball conversion ---------------------------------------------------

def _round_name(raw: str) -> str:
    return re.sub(r"^Gruppe\b", "Group", raw.strip())


def convert_openfootball(ref_dir: Path, kb: KB, notes_path: Path = DEFAULT_NOTES) -> pd.DataFrame:
    """Fixtures of the 2020-21 reference CSVs in the project schema.

    Serie A and Champions League rows must all resolve through the KB (an
    unknown team raises). Coppa Italia rows are kept only when both clubs are
    in the KB (the lower-league clubs of the early rounds are not).
    Postponements come from serie_a_2020_21_postponed.csv; Serie A matchday
    numbers from "Matchday N"; Champions League group matchdays (1-6) from
    the order of each group's dates. ``notes_path`` (fixture_id,note) holds
    hand-written stories that replace the generated note of a fixture.
    """
    ref_dir = Path(ref_dir)
    postponed = _postponements(ref_dir / "serie_a_2020_21_postponed.csv", kb)
    curated = _curated_notes(notes_path)
    rows: list[dict[str, object]] = []
    for filename, comp_id in _OPENFOOTBALL_FILES:
        comp = kb.competition_by_id(comp_id)
        assert comp is not None, comp_id
        with (ref_dir / filename).open(encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
        group_dates: dict[str, list[str]] = {}
        for r in records:
            rnd = _round_name(r["round"])
            if rnd.startswith("Group "):
                group_dates.setdefault(rnd, []).append(r["date"])
        for line_no, r in enumerate(records, start=2):
            home, away = kb.club(r["home"]), kb.club(r["away"])
            if home is None or away is None:
                if comp_id == "coppa-italia":
                    continue
                unknown = r["home"] if home is None else r["away"]
                raise ReferenceDataError(f"{ref_dir / filename}: line {line_no}: unknown team {unknown!r}")
            rows.append(_openfootball_row(r, comp_id, comp.name, home, away, group_dates, postponed, curated))
    df = pd.DataFrame(rows, columns=FIXTURE_COLUMNS)
    return df.sort_values(["date", "competition", "fixture_id"], kind="stable").reset_index(drop=True)


def _openfootball_row(r: dict, comp_id: str, competition: str, home, away, group_dates: dict[str, list[str]],
                      postponed: dict, curated: dict[str, str]) -> dict[str, object]:
    """One openfootball record as a fixture row: matchday, notes and postponement filled in."""
    rnd = _round_name(r["round"])
    matchday: object = ""
    m = re.fullmatch(r"Matchday (\d+)", rnd)
    if m:
        matchday = int(m.group(1))
    elif rnd.startswith("Group "):
        # two matches per group per matchday, on the same day
        matchday = sorted(group_dates[rnd]).index(r["date"]) // 2 + 1
    awarded = r["note"].strip() == "awarded"
    notes = [_NOTE_WORDS.get(r["note"].strip(), r["note"].strip())] if r["note"].strip() and not awarded else []
    original = ""
    key = (comp_id, rnd, home.id, away.id)
    if key in postponed:
        original, story = postponed[key]
        notes.append(story)
    fid = fixture_id(r["date"], home.id, away.id)
    if fid in curated:
        notes = [curated[fid]]
    return {
        "fixture_id": fid,
        "competition": competition,
        "season": "2020-21",
        "round": rnd,
        "matchday": matchday,
        "date": r["date"],
        "original_date": original,
        "home": home.name,
        "away": away.name,
        "home_goals": int(r["home_goals"]),
        "away_goals": int(r["away_goals"]),
        "status": "awarded" if awarded else "played",
        "note": "; ".join(notes),
    }


def _curated_notes(path: Path) -> dict[str, str]:
    if not Path(path).is_file():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as f:
        return {r["fixture_id"].strip(): r["note"].strip() for r in csv.DictReader(f)}



def _postponements(path: Path, kb: KB) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    out: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            home, away = kb.club(r["home"]), kb.club(r["away"])
            if home is None or away is None:
                raise ReferenceDataError(f"{path}: unknown team in {r['home']!r} - {r['away']!r}")
            story = f"postponed on {r['date']}: {r['note'].strip()}; played {r['played_on']}"
            out[("serie-a", r["round"], home.id, away.id)] = (r["date"], story)
    return out


# -- football-data.co.uk import ------------------------------------------------

@dataclass
class ImportResult:
    fixtures: pd.DataFrame
    unknown_teams: list[str] = field(default_factory=list)


def _divisions(path: Path = DEFAULT_DIVISIONS) -> dict[str, str]:
    if not Path(path).is_file():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as f:
        return {r["code"].strip(): r["competition"].strip() for r in csv.DictReader(f)}



def _parse_fd_date(text: str) -> date:
    for fmt in ("%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    raise ValueError(f"Date {text!r} is not dd/mm/yy or dd/mm/yyyy")


_FD_REQUIRED = ("Div", "Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR")


def import_football_data(path: Path, kb: KB, divisions_path: Path = DEFAULT_DIVISIONS) -> ImportResult:
    """Results from a football-data.co.uk CSV, as fixtures in the project schema.

    Reads Div, Date, HomeTeam, AwayTeam, FTHG, FTAG, FTR (other columns are
    ignored). Team names go through the KB; a row with a team the KB does not
    know is left out and the name is listed in ``unknown_teams``. A ``Div``
    code without a known competition is kept as given. A malformed row raises
    ReferenceDataError naming its 1-based line number (the header is line 1).
    round and matchday stay empty: the format does not carry them.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    reader = csv.reader(text.splitlines())
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in _FD_REQUIRED if c not in header]
    if missing:
        raise ReferenceDataError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
    idx = {c: header.index(c) for c in _FD_REQUIRED}
    divisions = _divisions(divisions_path)
    rows: list[dict[str, object]] = []
    unknown: list[str] = []
    for line_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {name: (cells[i].strip() if i < len(cells) else "") for name, i in idx.items()}
        row = _football_data_row(values, f"{path}: line {line_no}", path.name, kb, divisions, unknown)
        if row is not None:
            rows.append(row)
    df = pd.DataFrame(rows, columns=FIXTURE_COLUMNS)
    for col in ("home_goals", "away_goals", "matchday"):
        df[col] = df[col].astype("Int64")
    return ImportResult(df, unknown)


def _football_data_row(cell: dict[str, str], where: str, file_name: str, kb: KB, divisions: dict[str, str],
                       unknown: list[str]) -> dict[str, object] | None:
    """One checked football-data row as a fixture; None (and the name in ``unknown``) when the
    KB does not know a team. A malformed row raises ReferenceDataError naming ``where``."""
    def fail(what: str) -> ReferenceDataError:
        return ReferenceDataError(f"{where}: {what}")

    try:
        day = _parse_fd_date(cell["Date"])
    except ValueError as exc:
        raise fail(str(exc)) from None
    goals = {}
    for col in ("FTHG", "FTAG"):
        value = cell[col]
        if not value.isdigit():
            raise fail(f"{col} {value!r} is not a number")
        goals[col] = int(value)
    hg, ag = goals["FTHG"], goals["FTAG"]
    expected = "H" if hg > ag else "A" if ag > hg else "D"
    ftr = cell["FTR"]
    if ftr not in ("H", "D", "A"):
        raise fail(f"FTR {ftr!r} is not H, D or A")
    if ftr != expected:
        raise fail(f"FTR {ftr!r} does not match the score {hg}-{ag}")
    names = {}
    for col in ("HomeTeam", "AwayTeam"):
        if not cell[col]:
            raise fail(f"{col} is empty")
        names[col] = cell[col]
    home, away = kb.club(names["HomeTeam"]), kb.club(names["AwayTeam"])
    for club, name in ((home, names["HomeTeam"]), (away, names["AwayTeam"])):
        if club is None and name not in unknown:
            unknown.append(name)
    if home is None or away is None:
        return None
    div = cell["Div"]
    iso = day.isoformat()
    return {
        "fixture_id": fixture_id(iso, home.id, away.id),
        "competition": divisions.get(div, div),
        "season": season_of(day),
        "round": "",
        "matchday": pd.NA,
        "date": iso,
        "original_date": "",
        "home": home.name,
        "away": away.name,
        "home_goals": hg,
        "away_goals": ag,
        "status": "played",
        "note": f"imported from {file_name}",
    }
