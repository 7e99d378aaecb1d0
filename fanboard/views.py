"""Shape the tables for the dashboard: filters, joins, labels and the highlighted article text.

Pure pandas; no Streamlit import. The pages call these functions and only draw what they return,
so everything a page shows can be tested without a browser. Every table cell is a string
(see fanboard.tables); empty means "the articles do not say".
"""
from __future__ import annotations

from functools import lru_cache

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .schema import EVENT_TYPES, PLAYER_STATUSES, TABLES

Tables = Mapping[str, pd.DataFrame]

# What the player grid shows for each status, most telling first: when two articles disagree
# about one player in one match, the grid shows the first status in this order.
GRID_STATUSES: dict[str, str] = {
    "substituted_off": "subbed off",
    "substituted_on": "subbed on",
    "started": "started",
    "unused_substitute": "unused",
    "left_out": "left out",
}
NO_INFORMATION = "no information"
GRID_LABELS: tuple[str, ...] = tuple(GRID_STATUSES.values()) + (NO_INFORMATION,)
STANDING_STATUSES = tuple(s for s in PLAYER_STATUSES if s not in GRID_STATUSES)

RESULT_LABELS = {"W": "won", "D": "drawn", "L": "lost", "P": "postponed", "S": "scheduled"}


# ----------------------------------------------------------------------------- small helpers

def split(cell: object) -> list[str]:
    """A multi-valued cell ("a;b") as a list; "" gives []."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def fold(text: str) -> str:
    """Lower case without accents, one output character per input character.

    Keeping the length lets a match in the folded text be used as a span in the original,
    so "Tolói", "Toloi" and "TOLOI" all match "toloi" at the right place.
    """
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)) or ch
        out.append(base[0].lower() if len(base[0].lower()) == 1 else ch)
    return "".join(out)


def slug(text: str) -> str:
    """A file-name-safe ASCII slug: "Mario Pašalić" -> "mario-pasalic"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


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


def describe_when(row: Mapping[str, str]) -> str:
    start, end = date_window(row)
    if start is None:
        return "date unknown"
    if start == end:
        return format_day(start)
    return f"between {format_day(start)} and {format_day(end)}"


# ----------------------------------------------------------------------------- options

def focus_club(matches: pd.DataFrame) -> str | None:
    """The club the saga is about: the team that appears in most matches."""
    teams = Counter(t for col in ("home", "away") for t in matches.get(col, []) if t)
    return teams.most_common(1)[0][0] if teams else None


def people(tables: Tables) -> list[str]:
    """The people of the saga: players with a status, and the people who act in its events.

    Event actors that are not people of a club (journalists who report, clubs named as
    parties of a transfer report) are left out: a fan filters by the people of the story.
    """
    from .kb import KB  # light: CSV files, no spaCy

    kb = _kb(KB)
    actors = {a for cell in tables["events"]["actors"] for a in split(cell)}
    def is_club_person(name: str) -> bool:
        person = kb.person(name) if kb else None
        return person is not None and person.role != "journalist"
    names = set(tables["player_status"]["player"]) | {a for a in actors if is_club_person(a)}
    return sorted(n for n in names if n)


@lru_cache(maxsize=1)
def _kb(loader):
    try:
        return loader.load()
    except Exception:  # a broken knowledge base must not take the dashboard down
        return None


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


def competitions(tables: Tables) -> list[str]:
    names = set(tables["matches"]["competition"]) | set(tables["situation"]["competition"])
    return sorted(n for n in names if n)


def languages(tables: Tables) -> list[str]:
    return sorted({lang for lang in tables["articles"]["language"] if lang})


def article_labels(articles: pd.DataFrame, width: int = 48) -> dict[str, str]:
    """article_id -> "EN · Zapata scores twice as Atalanta win…" (falls back to the id)."""
    labels = {}
    for row in articles.to_dict("records"):
        head = row["headline"] or row["file"] or row["article_id"]
        if len(head) > width:
            head = head[: width - 1].rstrip() + "…"
        lang = row["language"].upper() or "?"
        labels[row["article_id"]] = f"{lang} · {head}"
    return labels


def date_bounds(tables: Tables) -> tuple[date, date] | None:
    """The first and last day any match, event, status or standing refers to."""
    days: list[date] = []
    for name, cols in (
        ("matches", ("date", "date_from", "date_to")),
        ("events", ("date", "date_from", "date_to")),
        ("player_status", ("date",)),
        ("standings", ("as_of",)),
        ("situation", ("as_of",)),
    ):
        for col in cols:
            days += [d for d in map(to_date, tables[name][col]) if d]
    return (min(days), max(days)) if days else None


# ----------------------------------------------------------------------------- filters

@dataclass(frozen=True)
class Filters:
    """What the sidebar selects. An empty selection means "all"."""

    players: tuple[str, ...] = ()
    competitions: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def describe_period(self) -> str:
        if self.date_from and self.date_to:
            return f"between {format_day(self.date_from)} and {format_day(self.date_to)}"
        return "in the articles"

    def describe_players(self) -> str:
        return " or ".join(self.players) if self.players else "anyone"


def _in_window(start: date | None, end: date | None, f: Filters) -> bool:
    """True when [start, end] overlaps the filter's date range (undated rows always pass)."""
    if start is None:
        return True
    if f.date_from and (end or start) < f.date_from:
        return False
    if f.date_to and start > f.date_to:
        return False
    return True


def _where(df: pd.DataFrame, flags: Iterable[bool]) -> pd.DataFrame:
    """Rows of df where flags is true (safe on empty frames, where a mapped mask has no bool dtype)."""
    return df[pd.Series(list(flags), index=df.index, dtype=bool)]


def allowed_articles(articles: pd.DataFrame, f: Filters) -> set[str]:
    keep = articles
    if f.sources:
        keep = keep[keep["article_id"].isin(f.sources)]
    if f.languages:
        keep = keep[keep["language"].isin(f.languages)]
    return set(keep["article_id"])


def _cites(cell: str, allowed: set[str]) -> bool:
    ids = split(cell)
    return not ids or any(i in allowed for i in ids)


def apply_filters(tables: Tables, f: Filters) -> dict[str, pd.DataFrame]:
    """Every table narrowed to the selection.

    - sources/languages keep rows that cite at least one selected article;
    - the date range keeps rows whose date (or date window) overlaps it; undated facts stay;
    - competitions narrow matches, player statuses in those matches and situation claims;
    - players keep their own statuses and events, and the matches they played a part in.
    """
    t = {name: df.copy() for name, df in tables.items()}
    allowed = allowed_articles(t["articles"], f)
    t["articles"] = t["articles"][t["articles"]["article_id"].isin(allowed)]

    m = t["matches"]
    m = _where(m, (_cites(c, allowed) for c in m["sources"]))
    m = _where(m, (_in_window(*date_window(r), f) for r in m.to_dict("records")))
    if f.competitions:
        m = m[m["competition"].isin(f.competitions)]

    ps = t["player_status"]
    ps = _where(ps, (_cites(c, allowed) for c in ps["article_id"]))  # merged rows name several articles
    ps = ps[(ps["match_id"] == "") | ps["match_id"].isin(m["match_id"])]
    if f.players:
        ps = ps[ps["player"].isin(f.players)]

    ev = t["events"]
    ev = _where(ev, (_cites(c, allowed) for c in ev["sources"]))
    ev = _where(ev, (_in_window(*date_window(r), f) for r in ev.to_dict("records")))
    if f.players:
        ev = _where(ev, (any(a in f.players for a in split(c)) for c in ev["actors"]))

    if f.players:
        involved = set(ps["match_id"]) | set(ev["match_id"])
        m = m[m["match_id"].isin(involved)]

    sit = t["situation"]
    sit = _where(sit, (_cites(c, allowed) for c in sit["article_id"]))
    sit = _where(sit, (_in_window(to_date(d), to_date(d), f) for d in sit["as_of"]))
    if f.competitions:
        sit = sit[sit["competition"].isin(f.competitions)]

    st = t["standings"]
    st = _where(st, (_in_window(to_date(d), to_date(d), f) for d in st["as_of"]))

    co = t["contradictions"]
    co = _where(co, (_cites(c, allowed) for c in co["sources"]))

    # Provenance follows the rows it explains: a sentence goes when its row was filtered out.
    # Keys are compared only where they can be rebuilt from the row, so any other key format
    # the pipeline uses simply keeps its provenance.
    def keys(name: str, rows: pd.DataFrame) -> set[str]:
        recs = rows.to_dict("records")
        return {
            "matches": lambda: {r["match_id"] for r in recs},
            "events": lambda: {r["event_id"] for r in recs},
            "player_status": lambda: {f"{r['player']}|{r['status']}|{r['match_id']}" for r in recs},
            "situation": lambda: {f"{r['competition']}|{r['metric']}" for r in recs},
        }[name]()
    kept = {"matches": m, "events": ev, "player_status": ps, "situation": sit}
    dropped = {name: keys(name, tables[name]) - keys(name, rows) for name, rows in kept.items()}
    pv = t["provenance"]
    pv = pv[pv["article_id"].isin(allowed)]
    pv = _where(pv, (r["row_key"] not in dropped.get(r["table"], ()) for r in pv.to_dict("records")))

    t.update(matches=m, player_status=ps, events=ev, situation=sit, standings=st,
             contradictions=co, provenance=pv)
    return {k: v.reset_index(drop=True) for k, v in t.items()}


# ----------------------------------------------------------------------------- matches

def match_results(matches: pd.DataFrame, club: str | None, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per match from the club's point of view, sorted by date.

    Columns: match_id, date (datetime), competition, round, venue, opponent, score
    (club's goals first), result (W/D/L/P/S), result_label, status, status_reason,
    fixture ("Atalanta 2-2 Ajax"), sources (labels), source_ids.
    """
    labels = labels or {}
    rows = []
    for r in matches.to_dict("records"):
        start, _ = date_window(r)
        home = r["home"] == club
        opponent = r["away"] if home else r["home"]
        hg, ag = r["home_goals"], r["away_goals"]
        if r["status"] == "postponed":
            result, score = "P", ""
        elif hg != "" and ag != "":
            ours, theirs = (int(hg), int(ag)) if home else (int(ag), int(hg))
            result = "W" if ours > theirs else "D" if ours == theirs else "L"
            score = f"{ours}-{theirs}"
        else:
            result, score = "S", ""
        centre = f"{hg}-{ag}" if hg != "" and ag != "" else "–"
        rows.append({
            "match_id": r["match_id"],
            "date": pd.Timestamp(start) if start else pd.NaT,
            "competition": r["competition"],
            "round": r["round"],
            "venue": "home" if home else "away",
            "opponent": opponent or "(not named)",
            "score": score,
            "fixture_score": centre if centre != "–" else "",
            "result": result,
            "result_label": RESULT_LABELS[result],
            "status": r["status"],
            "status_reason": r["status_reason"],
            "fixture": f"{r['home'] or '?'} {centre} {r['away'] or '?'}",
            "sources": ", ".join(labels.get(s, s) for s in split(r["sources"])),
            "source_ids": r["sources"],
        })
    cols = ["match_id", "date", "competition", "round", "venue", "opponent", "score", "fixture_score",
            "result", "result_label", "status", "status_reason", "fixture", "sources", "source_ids"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values("date", kind="stable").reset_index(drop=True)


def match_players(player_status: pd.DataFrame, match_id: str) -> pd.DataFrame:
    """Who did what in one match, one row per player and status, with the article quote."""
    rows = player_status[player_status["match_id"] == match_id]
    out = rows.assign(status=rows["status"].map(lambda s: GRID_STATUSES.get(s, humanize(s))))
    return out[["player", "status", "certainty", "article_id", "quote"]].reset_index(drop=True)


# ----------------------------------------------------------------------------- events & timeline

def timeline_events(events: pd.DataFrame, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Events ready to plot: start, end and middle day, a type label and source labels."""
    labels = labels or {}
    rows = []
    for r in events.to_dict("records"):
        start, end = date_window(r)
        if start is None:
            continue
        mid = start + (end - start) / 2
        rows.append({
            **r,
            "start": pd.Timestamp(start),
            "end": pd.Timestamp(end) + pd.Timedelta(hours=23),
            "day": pd.Timestamp(mid),
            "when": describe_when(r),
            "type_label": humanize(r["event_type"]),
            "is_range": start != end,
            "sources_label": " | ".join(labels.get(s, s) for s in split(r["sources"])),
            "actors_label": ", ".join(split(r["actors"])),
        })
    cols = list(TABLES["events"]) + ["start", "end", "day", "when", "type_label", "is_range",
                                     "sources_label", "actors_label"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["start", "event_id"], kind="stable").reset_index(drop=True)


def event_type_order(events: pd.DataFrame) -> list[str]:
    """Type labels in the schema's order (the story's order), then any unknown ones."""
    present = list(dict.fromkeys(events["event_type"]))
    known = [t for t in EVENT_TYPES if t in present]
    return [humanize(t) for t in known + [t for t in present if t not in EVENT_TYPES]]


def league_positions(standings: pd.DataFrame, situation: pd.DataFrame, club: str | None) -> pd.DataFrame:
    """The club's league position over time: computed table rows and article claims.

    Columns: day, position, basis ("computed table" or "article"), detail.
    """
    rows = []
    for r in table_as_it_stood(standings)[lambda t: t["team"] == club].to_dict("records"):
        if to_date(r["as_of"]) and r["position"]:
            rows.append({
                "day": pd.Timestamp(to_date(r["as_of"])),
                "position": int(r["position"]),
                "basis": "computed table",
                "detail": (f"matchday {r['matchday']}: {r['points']} pts from {r['played']} games, "
                           f"{r['gap_to_leader']} behind the leader, {r['gap_to_fourth']} behind 4th"),
            })
    claims = situation[situation["metric"] == "league_position"]
    for r in claims.to_dict("records"):
        if to_date(r["as_of"]) and r["value"].isdigit():
            rows.append({
                "day": pd.Timestamp(to_date(r["as_of"])),
                "position": int(r["value"]),
                "basis": "article",
                "detail": r["quote"],
            })
    out = pd.DataFrame(rows, columns=["day", "position", "basis", "detail"])
    return out.sort_values(["day", "basis"], kind="stable").reset_index(drop=True)


def provenance(tables: Tables, table: str, row_key: str) -> pd.DataFrame:
    """Where a row comes from: article, language, headline, character span and the quote."""
    pv = tables["provenance"]
    rows = pv[(pv["table"] == table) & (pv["row_key"] == row_key)]
    arts = tables["articles"].set_index("article_id")
    out = rows.assign(
        headline=rows["article_id"].map(lambda a: arts["headline"].get(a, "")),
        language=rows["article_id"].map(lambda a: arts["language"].get(a, "")),
    )
    return out[["article_id", "language", "headline", "sentence_start", "sentence_end",
                "certainty", "quote"]].reset_index(drop=True)


# ----------------------------------------------------------------------------- players

def player_grid(player_status: pd.DataFrame, results: pd.DataFrame, players: Iterable[str]) -> pd.DataFrame:
    """One row per player and match: what the player did, or "no information".

    Columns: player, match_id, day, match (label), competition, status, certainty, sources.
    """
    rows = []
    order = {s: i for i, s in enumerate(GRID_STATUSES)}
    for player in players:
        mine = player_status[player_status["player"] == player]
        for m in results.to_dict("records"):
            claims = mine[(mine["match_id"] == m["match_id"]) & mine["status"].isin(list(GRID_STATUSES))]
            if len(claims):
                best = min(claims["status"], key=order.__getitem__)
                chosen = claims[claims["status"] == best]
                status = GRID_STATUSES[best]
                certainty = "confirmed" if (chosen["certainty"] == "confirmed").any() else "reported"
                sources = ";".join(dict.fromkeys(chosen["article_id"]))
            else:
                status, certainty, sources = NO_INFORMATION, "", ""
            rows.append({
                "player": player,
                "match_id": m["match_id"],
                "day": m["date"],
                "match": f"{m['date']:%d %b} {m['opponent']}" if pd.notna(m["date"]) else m["opponent"],
                "competition": m["competition"],
                "status": status,
                "certainty": certainty,
                "sources": sources,
            })
    return pd.DataFrame(rows, columns=["player", "match_id", "day", "match", "competition",
                                       "status", "certainty", "sources"])


def standing_facts(player_status: pd.DataFrame, player: str) -> pd.DataFrame:
    """Facts about a player that are not about one match: captain, contract, departure."""
    rows = player_status[(player_status["player"] == player) & player_status["status"].isin(STANDING_STATUSES)]
    out = rows.assign(fact=rows["status"].map(humanize), value=rows["value"].map(human_value))
    out = out[["fact", "value", "certainty", "article_id", "quote"]]
    return out.drop_duplicates(["fact", "value", "certainty", "article_id"]).reset_index(drop=True)


def events_of(events: pd.DataFrame, player: str) -> pd.DataFrame:
    return _where(events, (player in split(c) for c in events["actors"])).reset_index(drop=True)


# ----------------------------------------------------------------------------- overview

def latest(rows: pd.DataFrame, as_of: date | None, column: str = "as_of") -> pd.DataFrame:
    """Rows with the latest `column` date on or before as_of."""
    if rows.empty:
        return rows
    days = rows[column].map(to_date)
    ok = days.map(lambda d: d is not None and (as_of is None or d <= as_of))
    if not ok.any():
        return rows.iloc[0:0]
    last = days[ok].max()
    return rows[days == last]


def article_claims(situation: pd.DataFrame, competition: str, as_of: date | None) -> dict[str, str]:
    """The latest value of each metric the articles give for a competition, as of a day."""
    out: dict[str, str] = {}
    rows = situation[situation["competition"] == competition]
    for metric, group in rows.groupby("metric", sort=False):
        last = latest(group, as_of)
        if len(last):
            out[str(metric)] = last.iloc[-1]["value"]
            out[f"{metric}__as_of"] = last.iloc[-1]["as_of"]
    return out


def table_as_it_stood(standings: pd.DataFrame) -> pd.DataFrame:
    """The rows of the table as it stood on each day (basis "at_the_time"), which is what the
    articles of the day report; the "final" basis (from final results) is for the contradictions."""
    if "basis" not in standings or not (standings["basis"] == "at_the_time").any():
        return standings
    return standings[standings["basis"] == "at_the_time"]


def computed_standing(standings: pd.DataFrame, club: str | None, as_of: date | None) -> dict[str, str]:
    table = table_as_it_stood(standings)
    last = latest(table[table["team"] == club], as_of)
    return dict(last.iloc[-1]) if len(last) else {}


def last_event(events: pd.DataFrame) -> dict[str, str] | None:
    ev = timeline_events(events)
    if ev.empty:
        return None
    ev = ev.sort_values(["end", "start"], kind="stable")
    return dict(ev.iloc[-1])


def ordinal(n: int | str) -> str:
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ----------------------------------------------------------------------------- sources

@dataclass
class Highlight:
    start: int
    end: int
    kind: str  # "claim" or "entity"
    label: str = ""


def entity_terms(tables: Tables) -> dict[str, str]:
    """Folded name -> kind ("person", "club", "competition"), from the tables themselves.

    A person is also found by their surname, a club by its last word ("Madrid"),
    so the spellings of the articles (Pasalic, Pašalić, Toloi) still match.
    """
    terms: dict[str, str] = {}
    for name in people(tables):
        terms[fold(name)] = "person"
        last = name.split()[-1]
        if len(last) > 3:
            terms.setdefault(fold(last), "person")
    clubs = set(tables["matches"]["home"]) | set(tables["matches"]["away"]) | set(tables["standings"]["team"])
    for name in filter(None, clubs):
        terms[fold(name)] = "club"
        last = name.split()[-1]
        if len(last) > 3:
            terms.setdefault(fold(last), "club")
    for name in competitions(tables):
        terms[fold(name)] = "competition"
    return terms


def entity_spans(text: str, terms: Mapping[str, str]) -> list[Highlight]:
    folded = fold(text)
    spans: list[Highlight] = []
    taken = [False] * len(text)
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", folded):
            if not any(taken[m.start():m.end()]):
                spans.append(Highlight(m.start(), m.end(), "entity", terms[term]))
                for i in range(m.start(), m.end()):
                    taken[i] = True
    return sorted(spans, key=lambda h: h.start)


def claim_spans(provenance_rows: pd.DataFrame, text: str) -> list[Highlight]:
    """Spans of the sentences claims were taken from, labelled with the tables that use them."""
    by_span: dict[tuple[int, int], set[str]] = {}
    for r in provenance_rows.to_dict("records"):
        try:
            a, b = int(r["sentence_start"]), int(r["sentence_end"])
        except ValueError:
            continue
        if 0 <= a < b <= len(text):
            by_span.setdefault((a, b), set()).add(r["table"])
    return [Highlight(a, b, "claim", ", ".join(sorted(t))) for (a, b), t in sorted(by_span.items())]


ENTITY_STYLE = {
    "person": "border-bottom: 2px solid #e8590c; font-weight: 600;",
    "club": "border-bottom: 2px solid #1c7ed6; font-weight: 600;",
    "competition": "border-bottom: 2px solid #7048e8; font-weight: 600;",
}
CLAIM_STYLE = "background: rgba(250, 200, 60, 0.28); color: inherit; border-radius: 3px; padding: 0 1px;"


def highlighted_html(text: str, claims: list[Highlight], entities: list[Highlight]) -> str:
    """The article as HTML: claim sentences marked, entities underlined, EVERYTHING escaped.

    Only the tags written here reach the page; every character from the article goes through
    html.escape, so an article containing "<script>" shows that text.
    """
    n = len(text)
    claim_at: list[Highlight | None] = [None] * n
    entity_at: list[Highlight | None] = [None] * n
    for h in claims:
        for i in range(h.start, min(h.end, n)):
            claim_at[i] = h
    for h in entities:
        for i in range(h.start, min(h.end, n)):
            entity_at[i] = h
    out: list[str] = []
    i = 0
    while i < n:
        c, e = claim_at[i], entity_at[i]
        j = i + 1
        while j < n and claim_at[j] is c and entity_at[j] is e:
            j += 1
        piece = html.escape(text[i:j]).replace("\n", "<br>")
        if e is not None:
            piece = f'<span style="{ENTITY_STYLE.get(e.label, "")}" title="{html.escape(e.label)}">{piece}</span>'
        if c is not None:
            piece = f'<mark style="{CLAIM_STYLE}" title="{html.escape("claim: " + c.label)}">{piece}</mark>'
        out.append(piece)
        i = j
    return '<div style="line-height: 1.7;">' + "".join(out) + "</div>"


def read_article_text(file: str, roots: Iterable[Path]) -> str | None:
    """The article text from its `file` cell, looked up under each root in turn."""
    if not file:
        return None
    path = Path(file)
    candidates = [path] if path.is_absolute() else [Path(r) / path for r in roots]
    for p in candidates:
        if p.is_file():
            return p.read_text(encoding="utf-8", errors="replace")
    return None


def contradictions_view(contradictions: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """One row per contradiction and source: what that source says."""
    rows = []
    for r in contradictions.to_dict("records"):
        values, sources = split(r["values"]), split(r["sources"])
        for i, value in enumerate(values):
            rows.append({
                "subject": r["subject"],
                "field": r["field"],
                "source": labels.get(sources[i], sources[i]) if i < len(sources) else "",
                "says": value,
                "resolution": r["resolution"] or "unresolved",
                "rule": r["rule"],
                "explanation": r["explanation"],
            })
    return pd.DataFrame(rows, columns=["subject", "field", "source", "says", "resolution", "rule", "explanation"])


# ----------------------------------------------------------------------------- freshness

def tables_need_build(tables_dir: Path, article_dirs: Iterable[Path], *, check_age: bool = True) -> bool:
    """True when the tables are missing, or (check_age) older than the newest article."""
    csvs = [tables_dir / f"{name}.csv" for name in TABLES]
    if not all(p.exists() for p in csvs):
        return True
    if not check_age:
        return False
    oldest_table = min(p.stat().st_mtime for p in csvs)
    newest_article = max(
        (p.stat().st_mtime for d in article_dirs if Path(d).is_dir() for p in Path(d).rglob("*") if p.is_file()),
        default=0.0,
    )
    return newest_article > oldest_table


def tables_signature(tables_dir: Path) -> tuple[tuple[str, float], ...]:
    """Names and modification times of the table files: a cache key that changes on rebuild."""
    return tuple(sorted((p.name, p.stat().st_mtime) for p in Path(tables_dir).glob("*.csv")))


# ----------------------------------------------------------------------------- the page context

@dataclass
class Dashboard:
    """What every page needs: all tables, the filtered tables, the filters and a few lookups."""

    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: Filters
    club: str | None
    labels: dict[str, str]
    article_roots: list[Path]

    @classmethod
    def create(cls, tables: Tables, filters: Filters, *, article_roots: Iterable[Path] = (),
               club: str | None = None) -> "Dashboard":
        """`club` overrides the focus club; by default it is the team in most matches."""
        return cls(
            tables=dict(tables),
            filtered=apply_filters(tables, filters),
            filters=filters,
            club=club or focus_club(tables["matches"]),
            labels=article_labels(tables["articles"]),
            article_roots=[Path(r) for r in article_roots],
        )

    @property
    def results(self) -> pd.DataFrame:
        return match_results(self.filtered["matches"], self.club, self.labels)

    @property
    def events(self) -> pd.DataFrame:
        return timeline_events(self.filtered["events"], self.labels)

    @property
    def positions(self) -> pd.DataFrame:
        return league_positions(self.filtered["standings"], self.filtered["situation"], self.club)

    def who(self) -> str:
        """The selected players for sentences: "Mario Pašalić", or "anyone"."""
        return self.filters.describe_players()

    def empty_message(self, what: str) -> str:
        """'No events for Mario Pašalić between 1 Mar 2021 and 5 Mar 2021.'"""
        parts = [f"No {what}"]
        if self.filters.players:
            parts.append(f"for {self.who()}")
        parts.append(self.filters.describe_period())
        extra = []
        if self.filters.competitions:
            extra.append("in " + ", ".join(self.filters.competitions))
        if self.filters.sources or self.filters.languages:
            extra.append("in the selected sources")
        return " ".join(parts + extra) + ". Widen the filters in the sidebar to see more."


def md_escape(text: str) -> str:
    """Text from an article made safe for st.markdown: Markdown and HTML characters escaped."""
    return re.sub(r"([\\`*_{}\[\]#|<>~$:])", r"\\\1", text or "")


def league_of(tables: Tables) -> str | None:
    """The league the standings table belongs to.

    The standings table has no competition column; the league is the competition the articles
    give a league position in, else the competition with the most matches.
    """
    claims = tables["situation"][tables["situation"]["metric"] == "league_position"]
    if len(claims):
        return Counter(claims["competition"]).most_common(1)[0][0]
    comps = Counter(c for c in tables["matches"]["competition"] if c)
    return comps.most_common(1)[0][0] if comps else None


def players_summary(player_status: pd.DataFrame, match_id: str) -> str:
    """'Luis Muriel: subbed off · Duván Zapata: subbed on' for one match."""
    rows = player_status[(player_status["match_id"] == match_id) & player_status["status"].isin(list(GRID_STATUSES))]
    order = {s: i for i, s in enumerate(GRID_STATUSES)}
    best: dict[str, str] = {}
    for r in rows.to_dict("records"):
        if r["player"] not in best or order[r["status"]] < order[best[r["player"]]]:
            best[r["player"]] = r["status"]
    return " · ".join(f"{p}: {GRID_STATUSES[s]}" for p, s in best.items())


def subject_label(tables: Tables, subject: str, club: str | None = None) -> str:
    """A readable name for a contradiction's subject: the fixture of a match, the summary of an event."""
    m = tables["matches"][tables["matches"]["match_id"] == subject]
    if len(m):
        r = match_results(m, club).iloc[0]
        return f"{r['fixture']} ({r['competition']}, {format_day(r['date'].date()) if pd.notna(r['date']) else 'date unknown'})"
    e = tables["events"][tables["events"]["event_id"] == subject]
    if len(e):
        return f"{humanize(e.iloc[0]['event_type'])}: {e.iloc[0]['summary']}"
    return subject


SAGA_LEAD_IN_DAYS = 14


def saga_window(tables: Tables) -> tuple[date, date] | None:
    """The default date range: the days the articles' matches, events and claims cover,
    plus two weeks before for context (the league table can run all season long).
    """
    days: list[date] = []
    for name, cols in (
        ("matches", ("date", "date_from", "date_to")),
        ("events", ("date", "date_from", "date_to")),
        ("player_status", ("date",)),
        ("situation", ("as_of",)),
    ):
        for col in cols:
            days += [d for d in map(to_date, tables[name][col]) if d]
    if not days:
        return date_bounds(tables)
    bounds = date_bounds(tables)
    start = min(days) - timedelta(days=SAGA_LEAD_IN_DAYS)
    if bounds:
        start = max(start, bounds[0])
    return start, max(days)
