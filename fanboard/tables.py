"""Tables with a fixed schema: build DataFrames, write them as one unit, read them back checked.

Layout of a tables folder (`data/tables/`, or any `--out DIR`):

    DIR/<table>.csv                 -> .generations/current/<table>.csv   (fixed symlinks)
    DIR/.generations/current        -> g<time>-<pid>                      (switched atomically)
    DIR/.generations/g<time>-<pid>/ every <table>.csv plus manifest.json
    DIR/.build.lock                 the lock every writer takes (fanboard.building)

A build writes a complete new generation folder, then switches `current` to it with one
rename, so a reader sees the old set of tables or the new one, never a mix, even after a
kill. `read_tables` resolves `current` once per read. `DIR/<table>.csv` stays readable
for anyone who opens a table directly. The previous generation is kept (a reader may still
be reading it); older ones are removed. manifest.json records each table's size and SHA-256
(so a damaged file is noticed) and what the tables were built from (see fanboard.building).

A folder of plain CSV files (hand-made, or copied) is read as it is.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import operator
import os
import shutil
import time
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd

from .schema import CURATED_COLUMN_TABLES, TABLES

GENERATIONS = ".generations"
CURRENT = "current"
MANIFEST = "manifest.json"
LOCK_NAME = ".build.lock"


class SchemaError(ValueError):
    """A table does not have the columns the schema promises."""


class DamagedTable(SchemaError):
    """A table file cannot be used: unreadable, empty, wrong columns or changed after it was built."""

    def __init__(self, path: Path, name: str, problem: str):
        self.path, self.name, self.problem = Path(path), name, problem
        super().__init__(f"{self.path}: {problem}. Rebuild the tables with `python -m fanboard build`.")

    @property
    def public(self) -> str:
        """The message without the server's path."""
        return f"the {self.name} table is damaged ({self.problem})"


def frame(name: str, rows: Iterable[Mapping[str, object]] = ()) -> pd.DataFrame:
    """A DataFrame for table `name` with exactly the schema's columns, as strings.

    Missing values become "" so that a CSV round trip gives the same frame.
    """
    columns = TABLES[name]
    known = set(columns)
    rows = rows if type(rows) is list else list(rows)
    if not known.issuperset(set().union(*rows)):     # every key of every row, gathered in C
        for row in rows:
            if not known.issuperset(row):
                raise SchemaError(f"table {name!r} has no column(s) {sorted(set(row) - known)}")
    if not rows:
        return pd.DataFrame([], columns=columns, dtype="string").fillna("")
    if len(columns) > 1:    # cells picked by C code, not a .get per cell; a missing key is None
        pick = operator.itemgetter(*columns)
        try:
            cells = list(zip(*map(pick, rows)))
        except KeyError:
            blank = dict.fromkeys(columns)
            cells = list(zip(*map(pick, [{**blank, **row} for row in rows])))
    else:
        cells = [[row.get(c) for row in rows] for c in columns]
    data = {c: _text_array(_column(list(values))) for c, values in zip(columns, cells)}
    return pd.DataFrame(data, columns=columns, copy=False)


def _column(values: list) -> list[str]:
    """One column's cells as text; a column that is all text already is taken as it is."""
    kinds = set(map(type, values))
    if kinds == {str}:
        return values
    if kinds <= {str, int}:
        return [v if type(v) is str else str(v) for v in values]
    if kinds <= {str, int, type(None)}:
        return ["" if v is None else v if type(v) is str else str(v) for v in values]
    return [_cell(v) for v in values]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, (list, tuple, set)):
        return ";".join(map(str, value))
    return str(value)


def _text_array(values: list[str]):
    """A column of the pandas string dtype, made from Python strings by Arrow directly (the
    dtype's own conversion checks each cell again); the same array pandas makes."""
    if _ARROW_STRINGS:
        import pyarrow as pa
        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]))
    return pd.array(values, dtype="string")


_ARROW_STRINGS = pd.StringDtype() == pd.StringDtype("pyarrow") and hasattr(pd.arrays, "ArrowStringArray")


# ----------------------------------------------------------------------------- writing

Stage = Callable[[str], None]


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write the tables to out_dir as one new generation (under the build lock).

    Returns the paths `out_dir/<table>.csv` through which they are read.
    """
    from filelock import FileLock

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out_dir / LOCK_NAME), timeout=300):
        write_generation(tables, out_dir)
    return [out_dir / f"{name}.csv" for name in tables]


def write_generation(tables: Mapping[str, pd.DataFrame], out_dir: Path, *, inputs: dict | None = None,
                     on_stage: Stage | None = None) -> Path:
    """Write every table into a new generation folder, then switch `current` to it.

    The caller holds the build lock. `inputs` (what the tables were built from) goes into
    the manifest. on_stage("writing" | "written" | "switched") is called along the way.
    """
    stage = on_stage or (lambda _: None)
    out_dir = Path(out_dir)
    gens = out_dir / GENERATIONS
    gens.mkdir(parents=True, exist_ok=True)
    _adopt_plain_tables(out_dir)
    gen = gens / f"g{time.time_ns()}-{os.getpid()}"
    gen.mkdir()
    key = out_dir.absolute()
    try:
        _write_generation_files(tables, gen, inputs, stage, _unchanged_source(key, out_dir))
    except BaseException:       # a full disk, a bad frame: the generation never becomes current
        shutil.rmtree(gen, ignore_errors=True)
        raise
    stage("written")
    previous = _current_name(out_dir)
    _link_tables(out_dir)
    _switch(gens, gen.name)
    stage("switched")
    _remove_old(gens, keep={gen.name, previous})
    _LAST_WRITTEN.clear()
    # copies: a string column is an immutable Arrow array, so this copies no cells, and a
    # caller that changes its frames afterwards does not change what is remembered here
    _LAST_WRITTEN[key] = (gen.name, {name: df.copy() for name, df in tables.items()})
    return gen


# The tables this process last wrote: {tables folder: (generation name, {table: frame})}. A
# table equal to the one in the current generation is not serialised again: the new generation
# gets a hard link to that file (checked against its manifest first), so a rebuild after an
# add writes only the tables that changed. Any doubt (another process wrote since, a file
# that no longer matches its manifest, a file system without hard links) writes it anew.
_LAST_WRITTEN: dict[Path, tuple[str, dict[str, pd.DataFrame]]] = {}


def _unchanged_source(key: Path, out_dir: Path):
    """A function (table name, frame) -> (path, manifest entry) of an equal table in the current
    generation, or None."""
    last = _LAST_WRITTEN.get(key)
    gen = current_generation(out_dir)
    if last is None or gen is None or gen.name != last[0]:
        return lambda name, df: None
    manifest = read_manifest(gen) or {"tables": {}}
    frames = last[1]

    def source(name: str, df: pd.DataFrame):
        old, entry = frames.get(name), manifest["tables"].get(name)
        if old is None or not isinstance(entry, dict) or not df.equals(old):
            return None
        return gen / f"{name}.csv", entry
    return source


def _link_unchanged(source, name: str, df: pd.DataFrame, target: Path) -> dict | None:
    """Hard-link the current generation's equal table into the new one; its manifest entry,
    or None when it must be written."""
    found = source(name, df)
    if found is None:
        return None
    path, entry = found
    try:
        data = path.read_bytes()
        if len(data) != entry.get("size") or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            return None
        os.link(path, target)
    except OSError:
        target.unlink(missing_ok=True)
        return None
    return {"size": entry["size"], "sha256": entry["sha256"]}


def _write_generation_files(tables: Mapping[str, pd.DataFrame], gen: Path, inputs: dict | None,
                            stage: Stage, source=lambda name, df: None) -> None:
    written = {}
    for name, df in tables.items():
        if list(df.columns) != TABLES[name]:
            raise SchemaError(f"table {name!r} has columns {list(df.columns)}, expected {TABLES[name]}")
        target = gen / f"{name}.csv"
        entry = _link_unchanged(source, name, df, target)
        if entry is None:
            data = csv_bytes(df)
            _write_file(target, data)
            entry = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        written[name] = entry
        if len(written) == 1:
            stage("writing")    # one table written, the others not yet
    manifest = {"format": 1, "tables": written, "inputs": inputs,
                "written": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    _write_file(gen / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
    _fsync_dir(gen)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The table as CSV, byte for byte what `df.to_csv(index=False, lineterminator="\\n")` writes
    (UTF-8). A frame of Arrow-backed string columns without missing values (what `frame` and
    `read_table` give) is joined by Arrow compute kernels instead of a Python CSV writer per
    row: a cell holding a comma, a double quote or a newline is quoted with its quotes doubled,
    as the csv module's minimal quoting does; any other frame is written by pandas."""
    fast = _arrow_csv_bytes(df)
    return fast if fast is not None else df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _arrow_csv_bytes(df: pd.DataFrame) -> bytes | None:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(df.columns) < 2 or len(df) == 0 or not all(type(c) is str for c in df.columns):
        return None     # a row of one empty cell is written as "" by the csv module; keep pandas
    text = pa.large_string()
    cells = []
    for column in df.columns:
        values = getattr(df[column].array, "_pa_array", None)
        if not isinstance(values, pa.ChunkedArray) or values.type != text or values.null_count:
            return None
        if pc.any(pc.match_substring(values, "\r")).as_py():
            return None     # rare; the csv module's rule for a carriage return is left to it
        quote = pc.match_substring_regex(values, '[\n",]')
        if pc.any(quote).as_py():
            mark = pa.scalar('"', text)
            quoted = pc.binary_join_element_wise(mark, pc.replace_substring(values, '"', '""'), mark,
                                                 pa.scalar("", text))
            values = pc.if_else(quote, quoted, values)
        cells.append(values)
    lines = pc.binary_join_element_wise(*cells, pa.scalar(",", text))
    lines = pc.binary_join_element_wise(lines, pa.scalar("", text), pa.scalar("\n", text)).combine_chunks()
    if lines.null_count or len(lines) != len(df):
        return None
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset: lines.offset + len(lines) + 1]
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(df.columns)
    return header.getvalue().encode("utf-8") + bytes(memoryview(lines.buffers()[2])[offsets[0]:offsets[-1]])


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, 0o644)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _link_target(name: str) -> str:
    return f"{GENERATIONS}/{CURRENT}/{name}.csv"


def _replace_with_link(path: Path, target: str) -> None:
    tmp = path.with_name(f".{path.name}.link-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _link_tables(out_dir: Path) -> None:
    """Make every out_dir/<table>.csv the symlink into the current generation."""
    for leftover in out_dir.glob(".*.csv.link-*"):      # of a writer killed while linking
        leftover.unlink(missing_ok=True)
    for name in TABLES:
        link = out_dir / f"{name}.csv"
        if not (link.is_symlink() and os.readlink(link) == _link_target(name)):
            _replace_with_link(link, _link_target(name))
    _fsync_dir(out_dir)


def _switch(gens: Path, name: str) -> None:
    """Point `current` at generation `name`: one atomic rename of a new symlink."""
    tmp = gens / f".{CURRENT}.tmp-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    current = gens / CURRENT
    if current.is_dir() and not current.is_symlink():    # a copy of a tables folder made it a folder
        os.rename(current, gens / f"copied-{CURRENT}-{time.time_ns()}")
    os.symlink(name, tmp)
    os.replace(tmp, current)
    _fsync_dir(gens)


def _remove_old(gens: Path, keep: set[str | None]) -> None:
    """Remove generations other than the current and the previous one, and leftovers of kills."""
    for entry in gens.iterdir():
        if entry.name == CURRENT or entry.name in keep:
            continue
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _adopt_plain_tables(out_dir: Path) -> None:
    """A folder of plain CSVs (the layout before generations) becomes a first generation.

    The files are copied, `current` points at the copy, and only then each plain file is
    replaced by its symlink, which shows the same bytes: a kill at any point leaves
    every table readable and the set consistent.
    """
    if (out_dir / GENERATIONS / CURRENT).is_symlink():
        return
    plain = [n for n in TABLES if (out_dir / f"{n}.csv").is_file() and not (out_dir / f"{n}.csv").is_symlink()]
    if not plain:
        return
    gen = out_dir / GENERATIONS / f"g{time.time_ns()}-{os.getpid()}-adopted"
    gen.mkdir()
    written = {}
    for name in plain:
        data = (out_dir / f"{name}.csv").read_bytes()
        _write_file(gen / f"{name}.csv", data)
        written[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    _write_file(gen / MANIFEST, json.dumps({"format": 1, "tables": written, "inputs": None}).encode("utf-8"))
    _fsync_dir(gen)
    _switch(out_dir / GENERATIONS, gen.name)
    _link_tables(out_dir)


# ----------------------------------------------------------------------------- reading

def _current_name(out_dir: Path) -> str | None:
    try:
        return os.readlink(Path(out_dir) / GENERATIONS / CURRENT)
    except OSError:
        return None


def current_generation(out_dir: Path) -> Path | None:
    """The folder of the current generation, or None for a folder of plain CSVs."""
    name = _current_name(out_dir)
    return Path(out_dir) / GENERATIONS / name if name else None


def read_manifest(generation: Path | None) -> dict | None:
    """A generation's manifest.json, or None when it has none (or it cannot be read)."""
    if generation is None:
        return None
    try:
        data = json.loads((Path(generation) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("tables"), dict) else None


def table_paths(out_dir: Path) -> tuple[Path | None, dict[str, Path]]:
    """The current generation (resolved once) and where each table is read from.

    `<table>.csv` that is our symlink (or absent) is read from the generation; a plain file
    put there by hand is read as it is.
    """
    out_dir = Path(out_dir)
    gen = current_generation(out_dir)
    paths = {}
    for name in TABLES:
        link = out_dir / f"{name}.csv"
        ours = link.is_symlink() and os.readlink(link) == _link_target(name)
        absent = not link.exists() and not link.is_symlink()
        paths[name] = gen / f"{name}.csv" if gen is not None and (ours or absent) else link
    return gen, paths


def read_table(path: Path, name: str | None = None, expected: dict | None = None) -> pd.DataFrame:
    """Read one table CSV as strings; empty cells are "". Raises DamagedTable for a file that
    cannot be read as that table (and, with `expected` from a manifest, one that changed)."""
    path = Path(path)
    name = name or path.stem
    data = path.read_bytes()
    if not data.strip():
        raise DamagedTable(path, name, "the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DamagedTable(path, name, "it is not UTF-8 text") from None
    if "\x00" in text:
        raise DamagedTable(path, name, "it holds NUL bytes, so it is not a CSV file")
    try:
        df = pd.read_csv(io.StringIO(text), dtype="string", keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise DamagedTable(path, name, f"it is not a readable CSV file: {str(exc).strip()[:120]}") from None
    if name in CURATED_COLUMN_TABLES and list(df.columns) == TABLES[name][:-1]:
        df = df.assign(curated="").astype("string")     # written before curation existed
    if name in TABLES and list(df.columns) != TABLES[name]:
        shown = ", ".join(map(str, df.columns))[:120]
        raise DamagedTable(path, name, f"its columns are {shown}, not the {len(TABLES[name])} columns of the schema")
    if expected and (len(data) != expected.get("size") or hashlib.sha256(data).hexdigest() != expected.get("sha256")):
        raise DamagedTable(path, name, "it changed after it was built")
    return df


def read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    """Read every table of the schema from tables_dir, all from one generation.

    A missing file gives an empty table; a damaged one raises DamagedTable.
    """
    for attempt in range(3):
        gen, paths = table_paths(tables_dir)
        manifest = read_manifest(gen) or {"tables": {}}
        try:
            out = {}
            for name, path in paths.items():
                expected = manifest["tables"].get(name) if gen is not None and path.parent == gen else None
                out[name] = read_table(path, name, expected) if path.exists() else frame(name)
            return out
        except FileNotFoundError:
            # the generation was removed while we read it (two rebuilds meanwhile): read again
            if attempt == 2 or _current_name(tables_dir) == (gen.name if gen else None):
                raise
    raise AssertionError("unreachable")


def missing_tables(tables_dir: Path) -> list[str]:
    """The tables that have no file at all."""
    _, paths = table_paths(tables_dir)
    return [name for name, path in paths.items() if not path.exists()]


def signature(tables_dir: Path) -> tuple:
    """A cache key that changes whenever the tables do: the generation and each file's stat."""
    gen, paths = table_paths(tables_dir)
    stats = []
    for name, path in paths.items():
        try:
            st = path.stat()
            stats.append((name, st.st_mtime_ns, st.st_size))
        except OSError:
            stats.append((name, None, None))
    return (gen.name if gen else None, tuple(stats))
