"""Measure fanboard on the real-article development set (`make eval-real`).

Reads `dev/real/sources.toml` (the recipe), `dev/real/gold.json` (a careful reader's facts, see
COLLECTING.md) and the texts in `dev/real/texts/` (git-ignored: pull them as COLLECTING.md says).
Builds the tables of those texts with the real CLI, then prints, for matches, statuses, goals and
events:

1. every miss (a required gold row the build did not write) and every false row (a row the build
   wrote that is neither required nor allowed), per article;
2. recall and precision per kind, per language and per split (`dev` is what rules are tuned on,
   `held_out` a quarter kept aside), last, so the tail of the output is the summary.

A match row is one per fixture, with the latest status any source gives it: a preview's
"scheduled" is stated by a row that other articles made "played" or "postponed" (the same fixture,
told later); a row that only the preview itself made "played" still counts as false.

Recall = required gold rows found / required gold rows. Precision = rows written that match a gold
row (required or allowed) / rows written. A row written about several articles counts once for
each article that is among its sources.

It says clearly when texts are missing, and exits 2 when none can be evaluated. It is a
development tool, not part of `make test`: CI has no texts.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KINDS = ("matches", "statuses", "goals", "events")
LANGUAGES = ("it", "nl", "en")
SPLITS = ("dev", "held_out")


DEFAULT_SAGA = "atalanta-and-others"


def split_of(key: str) -> str:
    """The fixed split: a quarter of the keys (first SHA-1 hex digit 0-3) is held out."""
    return "held_out" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "0123" else "dev"


def fold(text: object) -> str:
    """Lower case, accents folded, spaces collapsed: 'Iličić' and 'Ilicic' compare equal."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("ø", "o").replace("Ø", "o").replace("ı", "i").lower().split())


# ---------------------------------------------------------------------------- loading

def load_sources(path: Path) -> dict[str, dict]:
    with path.open("rb") as fh:
        sources = tomllib.load(fh)
    for key, entry in sources.items():
        expected = split_of(key)
        if entry.get("split", expected) != expected:
            raise SystemExit(f"{path}: [{key}] split = {entry['split']!r}, but the fixed rule "
                             f"gives {expected!r} (the split is never changed by hand)")
        entry["split"] = expected
    return sources


def load_gold(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _club_names() -> list[str]:
    clubs = pd.read_csv(ROOT / "data" / "kb" / "clubs.csv", dtype=str, keep_default_na=False)
    return list(clubs["name"])


def parse_match(text: str | None, clubs: list[str]) -> tuple[str, str, str] | None:
    """'2020-12-09 Ajax-Atalanta' → (date, 'ajax', 'atalanta'); club names may hold a hyphen."""
    if not text:
        return None
    date, _, pair = str(text).strip().partition(" ")
    known = {fold(c) for c in clubs}
    cuts = [i for i, ch in enumerate(pair) if ch == "-"]
    for i in cuts:
        home, away = fold(pair[:i]), fold(pair[i + 1:])
        if home in known and away in known:
            return date, home, away
    if not cuts:
        return date, fold(pair), ""
    return date, fold(pair[:cuts[0]]), fold(pair[cuts[0] + 1:])


# ---------------------------------------------------------------------------- rows as keys

@dataclass
class Row:
    """One fact, written or gold, in a comparable form."""
    kind: str
    article: str
    key: tuple
    label: str
    extra: dict = field(default_factory=dict)
    required: bool = True


def _int_or_none(v) -> int | None:
    if v is None or v == "" or (isinstance(v, float) and pd.isna(v)):
        return None
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def gold_rows(key: str, g: dict, clubs: list[str]) -> list[Row]:
    rows: list[Row] = []
    for m in g.get("matches", []):
        k = (m.get("date") or "", fold(m.get("home")), fold(m.get("away")), m.get("status") or "played")
        score = (_int_or_none(m.get("home_goals")), _int_or_none(m.get("away_goals")))
        rows.append(Row("matches", key, k, f"{k[0]} {m.get('home')}–{m.get('away')} {_score(score)} {k[3]}",
                        {"score": score}, bool(m.get("required", True))))
    for s in g.get("statuses", []):
        match = parse_match(s.get("match"), clubs)
        k = (fold(s.get("player")), s.get("status"), match)
        rows.append(Row("statuses", key, k, f"{s.get('player')} {s.get('status')} {s.get('match') or ''}".strip(),
                        {}, bool(s.get("required", True))))
    for x in g.get("goals", []):
        match = parse_match(x.get("match"), clubs)
        k = (fold(x.get("scorer")), match)
        rows.append(Row("goals", key, k, f"{x.get('scorer')} {x.get('minute')}' {x.get('match') or ''}",
                        {"minute": _int_or_none(x.get("minute")), "penalty": bool(x.get("penalty")),
                         "own_goal": bool(x.get("own_goal"))}, bool(x.get("required", True))))
    for e in g.get("events", []):
        agents = frozenset(fold(a) for a in e.get("agents", []) or [])
        targets = frozenset(fold(t) for t in e.get("targets", []) or [])
        k = (e.get("type"),)
        rows.append(Row("events", key, k, f"{e.get('type')}: {', '.join(e.get('agents') or [])} → "
                                          f"{', '.join(e.get('targets') or [])}",
                        {"agents": agents, "targets": targets}, bool(e.get("required", True))))
    return rows


def _score(score) -> str:
    return "" if score == (None, None) else f"{score[0]}-{score[1]}"


def _split_ids(cell) -> list[str]:
    return [p for p in str(cell or "").split(";") if p] if not pd.isna(cell) else []


def built_rows(tables: dict[str, pd.DataFrame], keys: set[str]) -> list[Row]:
    rows: list[Row] = []
    matches = tables["matches"]
    by_id = {r.match_id: (r.date or r.date_to or "", fold(r.home), fold(r.away)) for r in matches.itertuples()}
    for r in matches.itertuples():
        k = (r.date or "", fold(r.home), fold(r.away), r.status)
        score = (_int_or_none(r.home_goals), _int_or_none(r.away_goals))
        sources = _split_ids(r.sources)
        for a in sources:
            if a in keys:
                rows.append(Row("matches", a, k, f"{k[0] or r.date_from + '..' + r.date_to} {r.home}–{r.away} "
                                                 f"{_score(score)} {r.status}", {"score": score,
                                                 "date_from": r.date_from, "date_to": r.date_to,
                                                 "other_sources": len(set(sources) - {a})}))
    for r in tables["player_status"].itertuples():
        match = by_id.get(r.match_id) if r.match_id else None
        k = (fold(r.player), r.status, match)
        for a in _split_ids(r.article_id):
            if a in keys:
                rows.append(Row("statuses", a, k, f"{r.player} {r.status} {r.match_id or r.value}".strip()))
    if "goals" in tables:
        for r in tables["goals"].itertuples():
            match = by_id.get(getattr(r, "match_id", ""))
            k = (fold(r.scorer), match)
            for a in _split_ids(getattr(r, "sources", getattr(r, "article_id", ""))):
                if a in keys:
                    rows.append(Row("goals", a, k, f"{r.scorer} {r.minute}' {r.match_id}",
                                    {"minute": _int_or_none(r.minute)}))
    for r in tables["events"].itertuples():
        agents = frozenset(fold(p) for p in _split_ids(getattr(r, "agents", "")))
        targets = frozenset(fold(p) for p in _split_ids(getattr(r, "targets", "")))
        actors = frozenset(fold(p) for p in _split_ids(r.actors))
        for a in _split_ids(r.sources):
            if a in keys:
                rows.append(Row("events", a, (r.event_type,), f"{r.event_type}: {r.actors}",
                                {"agents": agents, "targets": targets, "actors": actors,
                                 "roles": "agents" in tables["events"].columns}))
    return rows


# ---------------------------------------------------------------------------- comparison

def same(kind: str, built: Row, gold: Row) -> bool:
    """Does a written row state the gold fact? Unstated details never count against it."""
    if kind == "matches":
        date, home, away, status = built.key
        gdate, ghome, gaway, gstatus = gold.key
        if (home, away) != (ghome, gaway):
            return False
        if status != gstatus and not (gstatus == "scheduled" and built.extra.get("other_sources")):
            return False
        if date:
            if date != gdate:
                return False
        elif not (built.extra.get("date_from") and built.extra["date_from"] <= gdate <= built.extra["date_to"]):
            return False
        b, g = built.extra["score"], gold.extra["score"]
        return None in b or None in g or b == g
    if kind == "statuses":
        return built.key == gold.key
    if kind == "goals":
        if built.key != gold.key:
            return False
        b, g = built.extra.get("minute"), gold.extra.get("minute")
        return b is None or g is None or b == g
    if kind == "events":
        if built.key != gold.key:
            return False
        parties = gold.extra["agents"] | gold.extra["targets"]
        actors = built.extra["actors"]
        if not actors or not actors <= parties:
            return False
        if built.extra.get("roles"):
            return built.extra["agents"] <= gold.extra["agents"] and built.extra["targets"] <= gold.extra["targets"]
        return True
    raise ValueError(kind)


@dataclass
class Tally:
    required: int = 0
    found: int = 0
    written: int = 0
    correct: int = 0

    def add(self, other: "Tally") -> None:
        for f in ("required", "found", "written", "correct"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @staticmethod
    def pct(a: int, b: int) -> str:
        return "   –  " if b == 0 else f"{100 * a / b:5.1f}%"

    def cells(self) -> str:
        return (f"{self.pct(self.found, self.required)} ({self.found}/{self.required})".ljust(20)
                + f"{self.pct(self.correct, self.written)} ({self.correct}/{self.written})".ljust(20))


def compare(gold: list[Row], built: list[Row]) -> tuple[dict[str, Tally], list[str], list[str]]:
    tallies = {k: Tally() for k in KINDS}
    misses, false = [], []
    for kind in KINDS:
        g = [r for r in gold if r.kind == kind]
        b = [r for r in built if r.kind == kind]
        t = tallies[kind]
        for row in g:
            if row.required:
                t.required += 1
                if any(same(kind, x, row) for x in b):
                    t.found += 1
                else:
                    misses.append(f"  miss   {kind:9} {row.label}")
        for row in b:
            t.written += 1
            if any(same(kind, row, x) for x in g):
                t.correct += 1
            else:
                false.append(f"  false  {kind:9} {row.label}")
    return tallies, misses, false


# ---------------------------------------------------------------------------- build

def prepare(sources: dict[str, dict], texts: Path, work: Path) -> tuple[Path, list[str]]:
    """Copy the present texts and a sidecar with their metadata into work/articles."""
    articles = work / "articles"
    if articles.exists():
        shutil.rmtree(articles)
    articles.mkdir(parents=True)
    missing, lines = [], []
    for key, entry in sorted(sources.items()):
        src = texts / f"{key}.txt"
        if not src.is_file():
            missing.append(key)
            continue
        shutil.copyfile(src, articles / f"{key}.txt")
        lines.append(f"[{key}]")
        lines.append(f"language = {json.dumps(entry['language'])}")
        if entry.get("outlet"):
            lines.append(f"source = {json.dumps(entry['outlet'])}")
        if entry.get("url"):
            lines.append(f"url = {json.dumps(entry['url'])}")
        published = str(entry.get("published", ""))
        if len(published) == 10:
            lines.append(f"published = {json.dumps(published)}")
        lines.append("")
    (articles / "articles.toml").write_text("\n".join(lines), encoding="utf-8")
    return articles, missing


def build(articles: Path, work: Path) -> dict[str, pd.DataFrame]:
    out = work / "tables"
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "fanboard", "build", "--articles", str(articles), "--out", str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the build failed (exit {proc.returncode}); see its output above")
    for line in (proc.stdout + proc.stderr).splitlines():
        if "skipped" in line.lower() or "warning" in line.lower():
            print(f"build: {line}")
    tables = {}
    for name in ("matches", "player_status", "events", "goals"):
        path = out / f"{name}.csv"
        if path.exists():
            tables[name] = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tables


# ---------------------------------------------------------------------------- report

def report(sources, gold, tables, only: set[str], verbose: bool) -> dict:
    clubs = _club_names()
    keys = set(only)
    built = built_rows(tables, keys)
    by_article_built = defaultdict(list)
    for r in built:
        by_article_built[r.article].append(r)
    table: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    saga_table: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for key in sorted(keys):
        g = gold_rows(key, gold.get(key, {}), clubs)
        tallies, misses, false = compare(g, by_article_built.get(key, []))
        lang, split = sources[key]["language"], sources[key]["split"]
        for kind, t in tallies.items():
            for group in ((lang, split), (lang, "all"), ("all", split), ("all", "all")):
                table[(kind, *group)].add(t)
            saga_table[(kind, saga_of(sources[key]), split)].add(t)
            saga_table[(kind, saga_of(sources[key]), "all")].add(t)
        if verbose and (misses or false):
            print(f"\n{key} ({lang}, {split})")
            print("\n".join(misses + false))
    print("\nkind       language split      recall              precision")
    results = {}
    for kind in KINDS:
        for lang in (*LANGUAGES, "all"):
            for split in (*SPLITS, "all"):
                t = table.get((kind, lang, split))
                if t is None:
                    continue
                results[f"{kind}/{lang}/{split}"] = dict(t.__dict__)
                print(f"{kind:10} {lang:8} {split:10} {t.cells()}")
    groups = [(l, "all") for l in LANGUAGES] + [("all", s) for s in SPLITS] + [("all", "all")]
    print("\nrecall/precision %  " + "".join(f"{(l if s == 'all' else s):>12}" for l, s in groups))
    for kind in KINDS:
        cells = []
        for group in groups:
            t = table.get((kind, *group), Tally())
            r = "-" if not t.required else f"{100 * t.found / t.required:.0f}"
            p = "-" if not t.written else f"{100 * t.correct / t.written:.0f}"
            cells.append(f"{r + '/' + p:>12}")
        print(f"{kind:19}" + "".join(cells))
    sagas = sorted({saga for _, saga, _ in saga_table})
    if len(sagas) > 1:
        _print_by_saga(saga_table, sagas)
    return results


def saga_of(entry: dict) -> str:
    """The story an article belongs to (`saga` in sources.toml); the first 100 articles have none."""
    return entry.get("saga") or DEFAULT_SAGA


def _print_by_saga(saga_table: dict, sagas: list[str]) -> None:
    """A second grid: recall/precision per kind for each saga, dev and held out."""
    groups = [(saga, split) for saga in sagas for split in (*SPLITS, "all")]
    print("\nby saga (recall/precision %)")
    print(" " * 19 + "".join(f"{(saga[:14] + ' ' + split[:4]):>22}" for saga, split in groups))
    for kind in KINDS:
        cells = []
        for saga, split in groups:
            t = saga_table.get((kind, saga, split), Tally())
            r = "-" if not t.required else f"{100 * t.found / t.required:.0f}"
            p = "-" if not t.written else f"{100 * t.correct / t.written:.0f}"
            cells.append(f"{r + '/' + p:>22}")
        print(f"{kind:19}" + "".join(cells))


def text_hashes(texts: Path, keys) -> dict[str, str]:
    """SHA-256 of each present text, by key."""
    return {k: hashlib.sha256((texts / f"{k}.txt").read_bytes()).hexdigest()
            for k in sorted(keys) if (texts / f"{k}.txt").is_file()}


def read_hashes(path: Path) -> dict[str, str]:
    """The fingerprints of `sha256sum` format ("<hex>  <key>.txt" per line)."""
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(None, 1)
            out[name.strip().removesuffix(".txt")] = digest
    return out


def write_hashes(path: Path, hashes: dict[str, str]) -> None:
    head = ("# SHA-256 of the texts the figures of RESULTS.md were measured on (not the texts: see\n"
            "# COLLECTING.md). `make eval-real` warns when a pulled text differs; `--write-hashes` rewrites this.\n")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(head + "".join(f"{d}  {k}.txt\n" for k, d in sorted(hashes.items())), encoding="utf-8")
    tmp.replace(path)


def changed_texts(recorded: dict[str, str], present: dict[str, str]) -> list[str]:
    """Keys whose pulled text is not the one the recorded figures were measured on."""
    return sorted(k for k, d in present.items() if k in recorded and recorded[k] != d)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=HERE / "sources.toml")
    ap.add_argument("--gold", type=Path, default=HERE / "gold.json")
    ap.add_argument("--texts", type=Path, default=HERE / "texts")
    ap.add_argument("--work", type=Path, default=HERE / "_work")
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    ap.add_argument("--batch", help="only the articles of this batch (`batch` in sources.toml), built on their own: "
                                    "a batch collected after the rules were written measures them on unseen text")
    ap.add_argument("--quiet", action="store_true", help="summary only, no per-article misses and false rows")
    ap.add_argument("--hashes", type=Path, default=HERE / "texts.sha256")
    ap.add_argument("--write-hashes", action="store_true",
                    help="record the SHA-256 of every present text in --hashes (after a deliberate change)")
    args = ap.parse_args(argv)
    for p in (args.sources, args.gold):
        if not p.is_file():
            print(f"eval-real: {p} is missing", file=sys.stderr)
            return 2
    sources, gold = load_sources(args.sources), load_gold(args.gold)
    if args.batch:
        sources = {k: v for k, v in sources.items() if v.get("batch") == args.batch}
        if not sources:
            print(f"eval-real: no article of {args.sources} has batch = {args.batch!r}", file=sys.stderr)
            return 2
    no_gold = sorted(set(sources) - set(gold))
    if no_gold:
        print(f"eval-real: {len(no_gold)} articles have no gold and are left out: {', '.join(no_gold)}")
    articles, missing = prepare({k: v for k, v in sources.items() if k in gold}, args.texts, args.work)
    if missing:
        print(f"eval-real: {len(missing)} of {len(sources)} texts are missing from {args.texts} "
              f"(pull them as dev/real/COLLECTING.md says): {', '.join(missing)}")
    hashes = text_hashes(args.texts, [k for k in sources if k in gold and k not in missing])
    if args.write_hashes:
        write_hashes(args.hashes, hashes)
        print(f"eval-real: recorded the SHA-256 of {len(hashes)} texts in {args.hashes}")
    changed = changed_texts(read_hashes(args.hashes), hashes)
    if changed:
        print(f"eval-real: {len(changed)} texts differ from the ones the recorded figures were measured on "
              f"({args.hashes.name}); figures may not compare: {', '.join(changed)}")
    present = {k for k in sources if k in gold and k not in missing
               and (args.split == "all" or sources[k]["split"] == args.split)}
    if not present:
        print("eval-real: no text to evaluate", file=sys.stderr)
        return 2
    tables = build(articles, args.work)
    langs = {l: sum(1 for k in present if sources[k]["language"] == l) for l in LANGUAGES}
    print(f"eval-real: {len(present)} articles ({', '.join(f'{n} {l}' for l, n in langs.items())}), "
          f"commit {_commit()}")
    results = report(sources, gold, tables, present, not args.quiet)
    (args.work / "last.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "fanboard", "data"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("+changes" if dirty else "")
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
