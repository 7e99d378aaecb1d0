"""The reference season: fixtures, table-changing decisions, standings.

Data (committed, the source of truth at run time):

- ``data/reference/fixtures.csv``  one row per match, columns ``FIXTURE_COLUMNS``
- ``data/reference/decisions.csv`` rulings that changed the table at the time,
  columns ``DECISION_COLUMNS`` (see data/reference/README.md)
- ``data/reference/football_data_divisions.csv`` football-data.co.uk ``Div``
  codes -> competition names

This module loads and writes those files. Two neighbours do the rest, and their names are
importable from here as well:

- fanboard.reference_import: ``convert_openfootball`` regenerates fixtures.csv from the
  openfootball CSVs (``/work/shared/reference`` during development); ``import_football_data``
  reads a football-data.co.uk CSV;
- fanboard.standings: the league table on a day (``standings``) and after every matchday
  (``standings_series``); the definitions are in its docstring and data/reference/README.md.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

from .kb import KB
from .paths import REFERENCE_DIR
from .standings import (  # noqa: F401  (re-exported: fanboard.reference.standings, ...)
    SERIES_COLUMNS, STANDINGS_COLUMNS, Basis, matchday_end_dates, standings, standings_series,
)

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


class ReferenceDataError(ValueError):
    """A reference or import file is malformed; the message names file and line."""


# -- loading and writing -------------------------------------------------------

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


def main(argv: list[str] | None = None) -> int:
    """``python -m fanboard.reference REF_DIR``: regenerate data/reference/fixtures.csv."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m fanboard.reference OPENFOOTBALL_CSV_DIR", file=sys.stderr)
        return 2
    from .reference_import import convert_openfootball

    df = convert_openfootball(Path(args[0]), KB.load())
    _write_atomic(df, DEFAULT_FIXTURES)
    print(f"wrote {len(df)} fixtures to {DEFAULT_FIXTURES}")
    return 0


_IMPORTERS = ("ImportResult", "convert_openfootball", "import_football_data")


def __getattr__(name: str):
    """``fanboard.reference.convert_openfootball`` and the other importers, looked up in
    fanboard.reference_import on first use (that module builds on this one)."""
    if name in _IMPORTERS:
        from . import reference_import
        return getattr(reference_import, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    raise SystemExit(main())
