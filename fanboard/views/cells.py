"""Reading and writing the cells of the tables: lists, dates and labels.

Every table cell is a string (see fanboard.tables); empty means "the articles do not say".
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Mapping

import pandas as pd

Tables = Mapping[str, pd.DataFrame]


def split(cell: object) -> list[str]:
    """A multi-valued cell ("a;b") as a list; "" gives []."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def to_date(value: object) -> date | None:
    """An ISO date cell as a date; "" or nonsense gives None."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def humanize(code: str) -> str:
    """'squad_exclusion' -> 'Squad exclusion'."""
    return code.replace("_", " ").capitalize() if code else code


def format_day(d: date | None) -> str:
    return f"{d.day} {d:%b %Y}" if d else "an unknown date"


def date_window(row: Mapping[str, str]) -> tuple[date | None, date | None]:
    """The first and last day a row can refer to: its date, else its date_from..date_to."""
    day = to_date(row.get("date"))
    if day:
        return day, day
    start, end = to_date(row.get("date_from")), to_date(row.get("date_to"))
    return start or end, end or start


def day_range(start: date | None, end: date | None) -> str:
    """'7 Dec 2020', '7–9 Dec 2020', '28 Nov – 2 Dec 2020', 'by 9 Dec 2020', 'from 7 Dec 2020'."""
    if start and end:
        if start == end:
            return f"{start.day} {start:%b %Y}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {end:%b %Y}"
        if start.year == end.year:
            return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    if end:
        return f"by {end.day} {end:%b %Y}"
    if start:
        return f"from {start.day} {start:%b %Y}"
    return "date unknown"


def open_window(row: Mapping[str, str]) -> tuple[date | None, date | None]:
    """The first and last day a row can refer to, None where the row gives no bound:
    "by 18 Dec" is (None, 18 Dec), not 18 Dec."""
    day = to_date(row.get("date"))
    if day:
        return day, day
    return to_date(row.get("date_from")), to_date(row.get("date_to"))


def date_kind(row: Mapping[str, str]) -> str:
    """'day', 'range' (both ends known), 'until' (only an upper bound), 'from' or 'unknown'."""
    start, end = open_window(row)
    if start and end:
        return "day" if start == end else "range"
    return "until" if end else "from" if start else "unknown"


def describe_when(row: Mapping[str, str]) -> str:
    """'1 Dec 2020', '1–5 Dec 2020', 'by 18 Dec 2020', 'from 7 Dec 2020' or 'date unknown'.

    A range is a range and a bound is a bound, never a guessed day.
    """
    return day_range(*open_window(row))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def human_value(value: str) -> str:
    """'2021-01' -> 'January 2021'; '2022-06-01/2022-07-31' -> 'June–July 2022'; others as they are."""
    if not value:
        return value
    if "/" in value:
        lo, hi = (to_date(v) for v in value.split("/", 1))
        if lo and hi:
            if lo.year == hi.year:
                return f"{MONTHS[lo.month - 1]}–{MONTHS[hi.month - 1]} {hi.year}" if lo.month != hi.month \
                    else f"{MONTHS[lo.month - 1]} {lo.year}"
            return f"{MONTHS[lo.month - 1]} {lo.year} – {MONTHS[hi.month - 1]} {hi.year}"
        return value
    parts = value.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def ordinal(n: int | str) -> str:
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def where(df: pd.DataFrame, flags: Iterable[bool]) -> pd.DataFrame:
    """Rows of df where flags is true (safe on empty frames, where a mapped mask has no bool dtype)."""
    return df[pd.Series(list(flags), index=df.index, dtype=bool)]
