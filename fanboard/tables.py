"""Tables with a fixed schema: build DataFrames, write them atomically, read them back."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .schema import TABLES


class SchemaError(ValueError):
    """A table does not have the columns the schema promises."""


def frame(name: str, rows: Iterable[Mapping[str, object]] = ()) -> pd.DataFrame:
    """A DataFrame for table `name` with exactly the schema's columns, as strings.

    Missing values become "" so that a CSV round trip gives the same frame.
    """
    columns = TABLES[name]
    records = []
    for row in rows:
        unknown = set(row) - set(columns)
        if unknown:
            raise SchemaError(f"table {name!r} has no column(s) {sorted(unknown)}")
        records.append({c: _cell(row.get(c)) for c in columns})
    return pd.DataFrame(records, columns=columns, dtype="string").fillna("")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    return str(value)


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write every table as `<name>.csv` in out_dir.

    Each file is written to a temporary file in the same folder and renamed into
    place, so a reader never sees a half-written table.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        if list(df.columns) != TABLES[name]:
            raise SchemaError(f"table {name!r} has columns {list(df.columns)}, expected {TABLES[name]}")
        target = out_dir / f"{name}.csv"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".csv.tmp", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                df.to_csv(fh, index=False, lineterminator="\n")
            os.chmod(tmp, 0o644)  # mkstemp makes files private; tables are for every reader
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def read_table(path: Path, name: str | None = None) -> pd.DataFrame:
    """Read one table CSV as strings; empty cells are ""."""
    path = Path(path)
    name = name or path.stem
    df = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8")
    if name in TABLES and list(df.columns) != TABLES[name]:
        raise SchemaError(
            f"{path} has columns {list(df.columns)}; expected {TABLES[name]}. "
            "Rebuild the tables with `python -m fanboard build`."
        )
    return df


def read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    """Read every table of the schema from tables_dir; a missing file gives an empty table."""
    tables_dir = Path(tables_dir)
    out = {}
    for name in TABLES:
        path = tables_dir / f"{name}.csv"
        out[name] = read_table(path, name) if path.exists() else frame(name)
    return out
