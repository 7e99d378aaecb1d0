"""The reference season: fixtures, table-changing decisions, standings.

Data (committed, the source of truth at run time):

- ``data/reference/fixtures.csv``  one row per match, columns ``FIXTURE_COLUMNS``
- ``data/reference/decisions.csv`` rulings that changed the table at the time,
  columns ``DECISION_COLUMNS`` (see data/reference/README.md)
- ``data/reference/football_data_divisions.csv`` football-data.co.uk ``Div``
  codes -> competition names

``convert_openfootball`` regenerates fixtures.csv from the openfootball CSVs
(``/work/shared/reference`` during development); nothing else here reads them.

Standings definitions (also in data/reference/README.md):

- order: points, goal difference, goals for, then team name. Serie A's
  head-to-head tie-breakers are NOT applied.
- ``gap_to_leader`` = leader's points - team's points (0 for the leader).
- ``gap_to_fourth`` = 4th-placed team's points - team's points; negative for
  teams above 4th (they are ahead of it).
- ``games_in_hand`` = (most games played by any team placed above) - own games
  played, floored at 0; 0 for the leader.
- ``basis="final"``: only final results of matches played on or before as_of.
- ``basis="at_the_time"``: as "final", but a decision valid at as_of
  (valid_from <= as_of < valid_to) replaces that fixture's result and counts it
  as played on its original date; its points adjustment applies.
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Literal

import pandas as pd

from .kb import KB

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
DEFAULT_FIXTURES = REFERENCE_DIR / "fixtures.csv"
DEFAULT_DECISIONS = REFERENCE_DIR / "decisions.csv"
DEFAULT_DIVISIONS = REFERENCE_DIR / "football_data_divisions.csv"
DEFAULT_NOTES = REFERENCE_DIR / "fixture_notes.csv"

FIXTURE_COLUMNS = [
    "fixture_id", "competition", "season", "round", "matchday", "date",
    "original_date", "home", "away", "home_goals", "away_goals", "status", "note",
]
DECISION_COLUMNS = [
    "competition", "season", "fixture_id", "kind", "home_goals", "away_goals",
    "points_adjustment_team", "points_adjustment", "valid_from", "valid_to", "note",
]
STANDINGS_COLUMNS = [
    "team", "position", "points", "played", "won", "drawn", "lost", "goals_for",
    "goals_against", "goal_difference", "gap_to_leader", "gap_to_fourth", "games_in_hand",
]
SERIES_COLUMNS = [
    "as_of", "matchday", "team", "position", "points", "played", "won", "drawn",
    "lost", "goals_for", "goals_against", "goal_difference", "gap_to_leader",
    "gap_to_fourth", "games_in_hand", "basis",
]
Basis = Literal["at_the_time", "final"]

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


class ReferenceDataError(ValueError):
    """A reference or import file is malformed; the message names file and line."""


# -- loading ------------------------------------------------------------------

def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise ReferenceDataError(f"{path}: file not found")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ReferenceDataError(f"{path}: missing column(s) {', '.join(missing)}")
    return df[columns]


def _int_column(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.replace("", None), errors="raise").astype("Int64")


def load_fixtures(path: Path = DEFAULT_FIXTURES) -> pd.DataFrame:
    """fixtures.csv with goals and matchday as nullable ints, dates as ISO strings."""
    df = _read_csv(path, FIXTURE_COLUMNS)
    for col in ("home_goals", "away_goals", "matchday"):
        df[col] = _int_column(df[col])
    return df


def load_decisions(path: Path = DEFAULT_DECISIONS) -> pd.DataFrame:
    """decisions.csv with goals and points adjustment as nullable ints."""
    df = _read_csv(path, DECISION_COLUMNS)
    for col in ("home_goals", "away_goals", "points_adjustment"):
        df[col] = _int_column(df[col])
    return df


def _write_atomic(df: pd.DataFrame, path: Path) -> None:
    """Write CSV to a temp file in the same folder, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            df.to_csv(f, index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fixture_id(day: str, home_id: str, away_id: str) -> str:
    return f"{day}-{home_id}-{away_id}"


def season_of(day: date) -> str:
    """European season of a date: July-June ("2020-21")."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


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
            rows.append({
                "fixture_id": fid,
                "competition": comp.name,
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
            })
    df = pd.DataFrame(rows, columns=FIXTURE_COLUMNS)
    return df.sort_values(["date", "competition", "fixture_id"], kind="stable").reset_index(drop=True)


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
    required = ("Div", "Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR")
    missing = [c for c in required if c not in header]
    if missing:
        raise ReferenceDataError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
    idx = {c: header.index(c) for c in required}
    divisions = _divisions(divisions_path)
    rows: list[dict[str, object]] = []
    unknown: list[str] = []
    for line_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str) -> str:
            i = idx[name]
            return cells[i].strip() if i < len(cells) else ""

        def fail(what: str) -> ReferenceDataError:
            return ReferenceDataError(f"{path}: line {line_no}: {what}")

        try:
            day = _parse_fd_date(cell("Date"))
        except ValueError as exc:
            raise fail(str(exc)) from None
        goals = {}
        for col in ("FTHG", "FTAG"):
            value = cell(col)
            if not value.isdigit():
                raise fail(f"{col} {value!r} is not a number")
            goals[col] = int(value)
        hg, ag = goals["FTHG"], goals["FTAG"]
        expected = "H" if hg > ag else "A" if ag > hg else "D"
        ftr = cell("FTR")
        if ftr not in ("H", "D", "A"):
            raise fail(f"FTR {ftr!r} is not H, D or A")
        if ftr != expected:
            raise fail(f"FTR {ftr!r} does not match the score {hg}-{ag}")
        names = {}
        for col in ("HomeTeam", "AwayTeam"):
            if not cell(col):
                raise fail(f"{col} is empty")
            names[col] = cell(col)
        home, away = kb.club(names["HomeTeam"]), kb.club(names["AwayTeam"])
        for club, name in ((home, names["HomeTeam"]), (away, names["AwayTeam"])):
            if club is None and name not in unknown:
                unknown.append(name)
        if home is None or away is None:
            continue
        div = cell("Div")
        iso = day.isoformat()
        rows.append({
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
            "note": f"imported from {path.name}",
        })
    df = pd.DataFrame(rows, columns=FIXTURE_COLUMNS)
    for col in ("home_goals", "away_goals", "matchday"):
        df[col] = df[col].astype("Int64")
    return ImportResult(df, unknown)


def add_fixtures(new: pd.DataFrame, path: Path = DEFAULT_FIXTURES) -> pd.DataFrame:
    """Merge ``new`` fixtures into the CSV at ``path`` and write it atomically.

    Rows are keyed by fixture_id; a row already in the file wins over a new
    row with the same id (the file's rows carry curated notes). Returns the
    merged frame as written, sorted by date, competition and fixture_id.
    """
    path = Path(path)
    existing = load_fixtures(path) if path.is_file() else pd.DataFrame(columns=FIXTURE_COLUMNS)
    missing = [c for c in FIXTURE_COLUMNS if c not in new.columns]
    if missing:
        raise ReferenceDataError(f"new fixtures lack column(s) {', '.join(missing)}")
    frames = [f for f in (existing, new[FIXTURE_COLUMNS]) if not f.empty]
    merged = pd.concat(frames, ignore_index=True) if frames else existing
    merged = merged.drop_duplicates("fixture_id", keep="first")
    merged = merged.sort_values(["date", "competition", "fixture_id"], kind="stable").reset_index(drop=True)
    out = merged.astype(object).where(merged.notna(), "")
    _write_atomic(out, path)
    return merged


# -- standings -----------------------------------------------------------------

def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def _results(
    fixtures: pd.DataFrame, decisions: pd.DataFrame, competition: str, as_of: str, basis: Basis
) -> tuple[list[tuple[str, str, int, int]], dict[str, int]]:
    """(home, away, home_goals, away_goals) counted at as_of, and points adjustments."""
    if basis not in ("at_the_time", "final"):
        raise ValueError(f"basis must be 'at_the_time' or 'final', not {basis!r}")
    fx = fixtures[fixtures["competition"] == competition]
    overrides: dict[str, tuple[int, int]] = {}
    adjustments: dict[str, int] = {}
    if basis == "at_the_time" and decisions is not None and not decisions.empty:
        dec = decisions[decisions["competition"] == competition]
        for d in dec.itertuples(index=False):
            valid_to = d.valid_to or "9999-12-31"
            if not (d.valid_from <= as_of < valid_to):
                continue
            if not pd.isna(d.home_goals) and not pd.isna(d.away_goals):
                overrides[d.fixture_id] = (int(d.home_goals), int(d.away_goals))
            if d.points_adjustment_team and not pd.isna(d.points_adjustment):
                team = d.points_adjustment_team
                adjustments[team] = adjustments.get(team, 0) + int(d.points_adjustment)
    results = []
    for f in fx.itertuples(index=False):
        if f.fixture_id in overrides:
            counted_on = f.original_date or f.date
            if counted_on <= as_of:
                hg, ag = overrides[f.fixture_id]
                results.append((f.home, f.away, hg, ag))
            continue
        if f.date <= as_of and not pd.isna(f.home_goals):
            results.append((f.home, f.away, int(f.home_goals), int(f.away_goals)))
    return results, adjustments


def standings(
    fixtures: pd.DataFrame,
    decisions: pd.DataFrame | None,
    competition: str,
    as_of: date | str,
    basis: Basis = "final",
) -> pd.DataFrame:
    """League table of ``competition`` on ``as_of`` (end of that day).

    Every team with a fixture in the competition is listed, even before its
    first match. See the module docstring for the definitions.
    """
    day = _iso(as_of)
    results, adjustments = _results(fixtures, decisions if decisions is not None else pd.DataFrame(),
                                    competition, day, basis)
    fx = fixtures[fixtures["competition"] == competition]
    teams = sorted(set(fx["home"]) | set(fx["away"]))
    stats = {t: dict(played=0, won=0, drawn=0, lost=0, goals_for=0, goals_against=0) for t in teams}
    for home, away, hg, ag in results:
        for team, gf, ga in ((home, hg, ag), (away, ag, hg)):
            s = stats[team]
            s["played"] += 1
            s["goals_for"] += gf
            s["goals_against"] += ga
            s["won" if gf > ga else "lost" if gf < ga else "drawn"] += 1
    rows = []
    for team, s in stats.items():
        points = 3 * s["won"] + s["drawn"] + adjustments.get(team, 0)
        rows.append({"team": team, "points": points, **s,
                     "goal_difference": s["goals_for"] - s["goals_against"]})
    rows.sort(key=lambda r: (-r["points"], -r["goal_difference"], -r["goals_for"], r["team"]))
    leader = rows[0]["points"] if rows else 0
    fourth = rows[3]["points"] if len(rows) >= 4 else None
    max_played_above = 0
    for position, r in enumerate(rows, start=1):
        r["position"] = position
        r["gap_to_leader"] = leader - r["points"]
        r["gap_to_fourth"] = fourth - r["points"] if fourth is not None else pd.NA
        r["games_in_hand"] = max(0, max_played_above - r["played"]) if position > 1 else 0
        max_played_above = max(max_played_above, r["played"])
    df = pd.DataFrame(rows, columns=STANDINGS_COLUMNS)
    return df.astype({c: "Int64" for c in STANDINGS_COLUMNS if c != "team"})


def matchday_end_dates(fixtures: pd.DataFrame, competition: str) -> dict[int, str]:
    """The date on which each matchday ended, as originally scheduled.

    For matchday N: the last scheduled date (original_date, else date) of its
    matches that falls before the first scheduled date of matchday N+1. Matches
    moved or scheduled later than that (a postponement, or matchday 1 games
    held back for clubs still in European cups) do not stretch the matchday.
    The last matchday ends on its last scheduled date.
    """
    fx = fixtures[(fixtures["competition"] == competition) & fixtures["matchday"].notna()]
    scheduled = fx["original_date"].where(fx["original_date"] != "", fx["date"])
    by_md: dict[int, list[str]] = {}
    for md, d in zip(fx["matchday"].astype(int), scheduled):
        by_md.setdefault(md, []).append(d)
    out: dict[int, str] = {}
    mds = sorted(by_md)
    for i, md in enumerate(mds):
        dates = sorted(by_md[md])
        if i + 1 < len(mds):
            next_start = min(by_md[mds[i + 1]])
            before = [d for d in dates if d < next_start]
            out[md] = max(before) if before else dates[-1]
        else:
            out[md] = dates[-1]
    return out


def standings_series(
    fixtures: pd.DataFrame,
    decisions: pd.DataFrame | None,
    competition: str,
    teams: Iterable[str],
    basis: Basis = "final",
) -> pd.DataFrame:
    """The "standings" table (fanboard.schema): the given teams after every matchday.

    One row per (matchday, team), ``as_of`` the matchday's end date (see
    matchday_end_dates). The gaps to the leader and to 4th are in every row.
    """
    wanted = list(teams)
    rows = []
    for md, day in matchday_end_dates(fixtures, competition).items():
        table = standings(fixtures, decisions, competition, day, basis)
        for r in table[table["team"].isin(wanted)].to_dict("records"):
            rows.append({"as_of": day, "matchday": md, **r, "basis": basis})
    df = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    return df.sort_values(["matchday", "position"], kind="stable").reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m fanboard.reference REF_DIR``: regenerate data/reference/fixtures.csv."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m fanboard.reference OPENFOOTBALL_CSV_DIR", file=sys.stderr)
        return 2
    df = convert_openfootball(Path(args[0]), KB.load())
    _write_atomic(df, DEFAULT_FIXTURES)
    print(f"wrote {len(df)} fixtures to {DEFAULT_FIXTURES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
