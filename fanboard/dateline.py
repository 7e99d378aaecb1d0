"""The publication date an article states at its top (its dateline), when no metadata gives it.

Only a clear dateline counts, never a date somewhere in the story:
  - the " date 2020-12-03" prefix that stored web pages begin with (a full ISO date; a month
    alone, " date 2020-12", states no day and gives none);
  - or one of the first lines after the headline (DATELINE_LINES) that is short and is mostly
    the date: "8 Novembre 2020 - 17:24", "Wednesday, Dec. 9, 2020", "Updated Dec. 1, 2020
    6:20 p.m. ET", "<author> 19 december 2020". The line must hold exactly one full date (day,
    month, year: the time grammar of data/patterns/time_<lang>.toml finds it) and begin with it,
    or hold only that date and, without it and a time of day, at most DATELINE_WORDS words.
A place before a dash ("AMSTERDAM -") is no date and gives none.
"""
from __future__ import annotations

import re
from datetime import date

DATELINE_LINES = 3          # lines after the headline that may hold the dateline
DATELINE_WORDS = 6          # words besides the date and the time of day
MAX_LINE = 120

_PAGE_PREFIX = re.compile(r"\A\s*date (\d{4})-(\d{2})-(\d{2})\b")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def page_prefix_end(text: str) -> int:
    """Where the stored page's " date 2020-12-03" prefix ends (0 when the text has none): the
    article's publication date, which dates no claim of the story."""
    m = _PAGE_PREFIX.match(text)
    return m.end() if m else 0


def dateline_of(text: str, lang: str) -> tuple[date, str] | None:
    """(the date, the words that state it) of the article's dateline, or None."""
    m = _PAGE_PREFIX.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group(0).strip()
        except ValueError:
            return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[1:1 + DATELINE_LINES]:
        found = _line_date(line, lang)
        if found is not None:
            return found, line
    return None


def _line_date(line: str, lang: str) -> date | None:
    from .extract.times import LANGUAGES, find_time_expressions, valid_date
    if len(line) > MAX_LINE or lang not in LANGUAGES:
        return None
    dates = [e for e in find_time_expressions(line, lang) if e.kind == "date"]
    if not dates or len(dates[0].value) < 3 or None in dates[0].value[:3]:
        return None
    expr = dates[0]
    leads = not line[:expr.start].strip(" -–|•,")
    rest = _CLOCK.sub(" ", line[:expr.start] + " " + line[expr.end:])
    if not leads and (len(dates) > 1 or len(_WORD.findall(rest)) > DATELINE_WORDS):
        return None
    y, mo, d = (int(v) for v in expr.value[:3])
    return valid_date(y, mo, d)
