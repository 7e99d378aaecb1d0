"""Shared helpers for the pipeline tests."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from fanboard.tables import read_table

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def expected(folder: Path, name: str) -> pd.DataFrame:
    return read_table(folder / f"{name}.csv", name)


def sort_rows(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns), kind="stable").reset_index(drop=True)
