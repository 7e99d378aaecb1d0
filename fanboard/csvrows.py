"""Reading the CSV files that importers take: one reader, so every importer reports a bad file
the same way (file, line, what is wrong) before anything is written."""
from __future__ import annotations

import csv
from pathlib import Path


def read_rows(path: Path, columns: list[str], error: type[Exception], *, required: list[str] | None = None,
              after: str = "", skip_blank: bool = False, encoding: str = "utf-8") -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row (the header is line 1), cells stripped and only
    `columns` kept. Raises `error` when the file is missing, lacks one of the `required`
    columns (default: all of `columns`), has a row with more cells than the header, or is not
    text in `encoding`; `after` ends every message (e.g. "; nothing was written").
    `skip_blank` leaves out rows whose cells are all empty."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: file not found{after}")
    required = columns if required is None else required
    try:
        with path.open(encoding=encoding, newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise error(f"{path}: line 1: missing column(s) {', '.join(missing)} "
                            f"(expected: {', '.join(columns)}){after}")
            rows = []
            for line_no, row in enumerate(reader, start=2):
                if None in row:
                    raise error(f"{path}: line {line_no} has more cells than the header{after}")
                if skip_blank and not any((v or "").strip() for v in row.values()):
                    continue
                rows.append((line_no, {c: (row.get(c) or "").strip() for c in columns}))
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not {encoding.split('-sig')[0].upper()} text ({exc.reason}){after}") from None
    return rows
