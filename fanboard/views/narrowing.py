"""A change of people in the sidebar, worked out from the same view without people.

Only the statuses, events and matches (and the provenance of the rows that go) depend on the
people picked; every other table of a view is the same with or without them. So a view with
players narrows the tables of its view without players (``everyone``), with a ``PeopleIndex``
made once per such view: who acts in each event, and the provenance key of every row. A
server shares that index between all the player selections on top of one view, so a person
nobody picked before costs a few set look-ups per row, not a pass over the whole tables.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cells import Tables, split
from .filters import Filters, _isin, apply_filters


@dataclass(frozen=True)
class PeopleIndex:
    """What narrowing `everyone` to some people needs, read once from its rows."""

    actors: list[frozenset[str]]            # per event row: the people who act in it
    row_keys: dict[str, list[str]]          # per table, per row: its provenance key
    all_keys: dict[str, frozenset[str]]     # per table: the keys of all its rows
    provenance: list[tuple[str, str]]       # per provenance row: (table, row key)

    @classmethod
    def of(cls, everyone: Tables) -> "PeopleIndex":
        keys = {name: _keys_per_row(name, everyone[name]) for name in ("matches", "events", "player_status")}
        pv = everyone["provenance"]
        return cls(
            actors=[frozenset(split(c)) for c in everyone["events"]["actors"].tolist()],
            row_keys=keys,
            all_keys={name: frozenset(k) for name, k in keys.items()},
            provenance=list(zip(pv["table"].tolist(), pv["row_key"].tolist())),
        )


def _keys_per_row(name: str, rows: pd.DataFrame) -> list[str]:
    """The provenance key of each row, in order (as filters._row_keys makes the set of them)."""
    if name == "matches":
        return rows["match_id"].tolist()
    if name == "events":
        return rows["event_id"].tolist()
    keys = rows["player"].astype(str) + "|" + rows["status"].astype(str) + "|" + rows["match_id"].astype(str)
    return keys.tolist()


def narrow_to_players(tables: Tables, everyone: dict[str, pd.DataFrame], f: Filters,
                      index: PeopleIndex | None = None) -> dict[str, pd.DataFrame]:
    """apply_filters(tables, f), worked out from `everyone`: the tables as f without its
    players selects them (apply_filters(tables, f.without_players()), its situation claims
    narrowed or not). `index`: PeopleIndex.of(everyone), when it is kept for several calls.

    With a search the matches kept depend on the events and statuses before the search, so
    then the tables are filtered from the start.
    """
    if f.search:
        return apply_filters(tables, f)
    if not f.players:
        return everyone
    index = index or PeopleIndex.of(everyone)
    picked = set(f.players)
    ps_keep = everyone["player_status"]["player"].isin(picked).to_numpy()
    ev_keep = np.array([not picked.isdisjoint(a) for a in index.actors], dtype=bool)
    ps, ev = everyone["player_status"][ps_keep], everyone["events"][ev_keep]
    m = everyone["matches"]
    m_keep = _isin(m["match_id"], set(ps["match_id"].tolist()) | set(ev["match_id"].tolist())).to_numpy()
    masks = {"matches": m_keep, "events": ev_keep, "player_status": ps_keep}
    gone: set[tuple[str, str]] = set()
    for name, keep in masks.items():
        kept = {k for k, y in zip(index.row_keys[name], keep) if y}
        gone |= {(name, k) for k in index.all_keys[name] - kept}
    pv = everyone["provenance"]
    pv = pv[np.array([key not in gone for key in index.provenance], dtype=bool)] if gone else pv
    kept_rows = {"matches": m[m_keep], "events": ev, "player_status": ps, "provenance": pv}
    return {**everyone, **{k: v.reset_index(drop=True) for k, v in kept_rows.items()}}
