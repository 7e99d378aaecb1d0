"""The contradictions as a person reads them: who says what, credited to the right article.

A contradiction's ``values`` cell is ``"<who>: <value> | <who>: <value> | ..."``, where <who>
is one or more article ids joined with ";" (optionally followed by a qualifier in brackets,
"(before the match)") or a reference ("calendar", "table at the time"). Its ``sources`` cell
lists the articles involved. Many articles saying the same thing make one line, not one box
per article: contradictions about the same subject and field are shown together.
"""
from __future__ import annotations

import re
from typing import Mapping

import pandas as pd

from .articles import with_labels
from .cells import split

COLUMNS = ["subject", "field", "source", "source_ids", "says", "resolution", "rule", "explanation"]
_WHO = re.compile(r"^(?P<who>[^:()]+?)\s*(?P<qualifier>\([^)]*\))?$")


def parse_values(values: str, known: set[str] | frozenset[str] = frozenset()) -> list[tuple[list[str], str, str]]:
    """'a (before): x | b;c: y | calendar: z' -> [(['a'], '(before)', 'x'), (['b','c'], '', 'y'),
    (['calendar'], '', 'z')]. A part without "<who>: " is credited to nobody ([])."""
    out = []
    for part in (p.strip() for p in str(values or "").split(" | ")):
        if not part:
            continue
        who, sep, said = part.partition(": ")
        m = _WHO.match(who) if sep else None
        if not m:
            out.append(([], "", part))
            continue
        ids = [i for i in split(m.group("who"))]
        if known and not all(i in known for i in ids) and len(ids) > 1:
            out.append(([], "", part))
            continue
        out.append((ids, m.group("qualifier") or "", said.strip()))
    return out


def contradictions_view(contradictions: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per (subject, field) and distinct statement: who says it (labels) and what.

    Rows about the same subject and field (one per article pair at scale) are merged; each
    statement is credited to every article that makes it, in labels; the references
    (calendar, tables) are named as they are. ``source_ids`` keeps the ids for the CSV.
    """
    known = set(labels)
    rows: dict[tuple[str, str, str], dict] = {}
    for r in contradictions.to_dict("records"):
        for ids, qualifier, said in parse_values(r["values"], known):
            key = (r["subject"], r["field"], f"{said} {qualifier}".strip())
            row = rows.setdefault(key, {
                "subject": r["subject"], "field": r["field"], "ids": [],
                "says": f"{said} {qualifier}".strip(), "resolution": r["resolution"] or "unresolved",
                "rule": r["rule"], "explanation": with_labels(r["explanation"], labels),
            })
            row["ids"] += [i for i in ids if i not in row["ids"]]
    out = []
    for row in rows.values():
        ids = row.pop("ids")
        row["source"] = " | ".join(labels.get(i, i) for i in ids) or "(not named)"
        row["source_ids"] = ";".join(ids)
        out.append(row)
    return pd.DataFrame(out, columns=COLUMNS)


def contradictions_about(contradictions: pd.DataFrame, tables: Mapping[str, pd.DataFrame],
                         match_id: str) -> pd.DataFrame:
    """The contradictions whose subject is this match (by id, or by its 'Home–Away, day' name)."""
    m = tables["matches"][tables["matches"]["match_id"] == match_id]
    names = {match_id}
    for r in m.to_dict("records"):
        names.add(f"{r['home']}–{r['away']}, {r['date']}")
    return contradictions[contradictions["subject"].isin(names)].reset_index(drop=True)


# Fields whose "contradiction" is one article's claim checked against what happened (a
# pre-match requirement against the result): the result's side names every source of the
# match, which did not contradict anything; the check belongs under the claiming article.
CLAIM_CHECKS = {"requirement"}


def claim_side(says: str) -> bool:
    """The claimed side of a check ('needs at least a draw (before the match)'), not the result."""
    return str(says).rstrip().endswith("(before the match)")


def article_statements(view: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """The rows of contradictions_view where this article is credited, but for the result side
    of a claim check (CLAIM_CHECKS): a match report is not contradicted by another article's
    pre-match requirement, whose check is listed under that article alone."""
    mask = view["source_ids"].map(lambda c: article_id in split(c)).astype(bool)
    check = view["field"].isin(CLAIM_CHECKS) & ~view["says"].map(claim_side).astype(bool)
    return view[mask & ~check].reset_index(drop=True)
