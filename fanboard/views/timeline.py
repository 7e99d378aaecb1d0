"""The conflict's events as the timeline shows them: one row per event, honest about dates.

An event known to a day is drawn as a dot on that day; one known to a window (1–5 Dec) as a
bar over the window; one known only by an upper bound ("by 18 Dec") as a left-open arrow
ending at the bound, and one known only by a lower bound as a right-open arrow. Events that
are the same (type, people, match and date) are one row with all their sources, however
many articles tell them.
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from ..schema import TABLES
from .cells import date_kind, describe_when, humanize, open_window, split

# How far an open-ended event's arrow reaches from its bound, in days (it is drawn, not dated).
OPEN_ARROW_DAYS = 6
EXTRA = ["start", "end", "day", "when", "kind", "type_label", "is_range", "sources_label",
         "actors_label", "event_ids", "sort_day"]


def merge_same_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events with the same type, people, match and date window as one row.

    The merged row keeps the first event's id and quote, lists every source once and every
    id in ``event_ids``; it is confirmed when any of them is.
    """
    groups: dict[tuple, dict] = {}
    for r in events.to_dict("records"):
        key = (r["event_type"], tuple(sorted(split(r["actors"]))), r["match_id"],
               r["date"], r["date_from"], r["date_to"])
        if key not in groups:
            groups[key] = {**r, "event_ids": r["event_id"]}
            continue
        g = groups[key]
        g["sources"] = ";".join(dict.fromkeys(split(g["sources"]) + split(r["sources"])))
        g["event_ids"] += ";" + r["event_id"]
        if r["certainty"] == "confirmed":
            g["certainty"] = "confirmed"
    cols = list(events.columns) + ["event_ids"]
    return pd.DataFrame(list(groups.values()), columns=cols)


def timeline_events(events: pd.DataFrame, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Events ready to plot and list, one row per distinct event.

    start/end: the window to draw (an open-ended event reaches OPEN_ARROW_DAYS from its
    bound); day: where a day event's dot sits (NaT for every other kind, so no dot is drawn);
    kind: day, range, until or from; when: "1 Dec 2020", "1–5 Dec 2020", "by 18 Dec 2020";
    sort_day: the last day the event can have happened, the honest order of a timeline.
    """
    labels = labels or {}
    rows = []
    for r in merge_same_events(events).to_dict("records"):
        first, last = open_window(r)
        kind = date_kind(r)
        if kind == "unknown":
            continue
        start = first or last - pd.Timedelta(days=OPEN_ARROW_DAYS)
        end = last or first + pd.Timedelta(days=OPEN_ARROW_DAYS)
        rows.append({
            **r,
            "start": pd.Timestamp(start),
            "end": pd.Timestamp(end) + pd.Timedelta(hours=23),
            "day": pd.Timestamp(first) if kind == "day" else pd.NaT,
            "when": describe_when(r),
            "kind": kind,
            "type_label": humanize(r["event_type"]),
            "is_range": kind == "range",
            "sources_label": " | ".join(labels.get(s, s) for s in split(r["sources"])),
            "actors_label": ", ".join(split(r["actors"])),
            "sort_day": pd.Timestamp(last or first),
        })
    out = pd.DataFrame(rows, columns=list(TABLES["events"]) + EXTRA)
    return out.sort_values(["sort_day", "start", "event_id"], kind="stable").reset_index(drop=True)


def last_event(events: pd.DataFrame, labels: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """The event that can have happened last (by its last possible day; a dated event wins a tie)."""
    return latest_event(timeline_events(events, labels))


def latest_event(ev: pd.DataFrame) -> dict[str, str] | None:
    """last_event of events already shaped by timeline_events."""
    if ev.empty:
        return None
    ev = ev.assign(dated=ev["kind"].eq("day")).sort_values(["sort_day", "dated"], kind="stable")
    return dict(ev.iloc[-1])
