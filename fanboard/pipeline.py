"""The whole build: articles → claims → reconciled tables in data/tables/."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from . import pieces
from .cache import ClaimCache
from .extract.article import Extractor
from .extract.claims import ArticleClaims
from .ingest import Article, IngestMessage, read_articles
from .kb import KB
from .langdetect import SUPPORTED_LANGUAGES
from .nlp import Pipelines
from .paths import ARTICLE_DIRS, CACHE_DIR, ROOT, TABLES_DIR
from .reference import load_decisions, load_fixtures
from .resolve.appearances import check_statuses
from .standings import series_rows
from .resolve.merge import Assembler
from .resolve.reconcile import Reconciler
from .resolve import state as reconcile_state
from .tables import frame, write_tables
from .unknown_names import unknown_names_table


Progress = Callable[[int, int, str], None]


@contextmanager
def gc_paused():
    """No cyclic garbage collection inside the block. Reconcile and writing allocate hundreds of
    thousands of short-lived rows while millions of long-lived objects (the claims of every
    article) are tracked: each collection of the oldest generation walks all of them, which
    cost up to a second per build. The rows hold no reference cycles, so nothing piles up; the
    collector runs again as before when the block ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    messages: list[IngestMessage] = field(default_factory=list)
    out_dir: Path | None = None
    parsed: int = 0          # articles parsed this time (the rest came from the cache)
    skipped: dict[str, str] = field(default_factory=dict)   # article id → why it could not be processed

    @property
    def summary(self) -> str:
        t = self.tables
        text = (f"{len(t['articles']) - len(self.skipped)} articles, {len(t['matches'])} matches, "
                f"{len(t['player_status'])} statuses, {len(t['events'])} events, "
                f"{len(t['contradictions'])} contradictions")
        if self.skipped:
            shown = [f"{aid} ({reason})" for aid, reason in list(self.skipped.items())[:3]]
            more = len(self.skipped) - len(shown)
            text += (f"; {len(self.skipped)} article(s) skipped because they could not be processed: "
                     + "; ".join(shown) + (f"; and {more} more" if more else ""))
        return text


def extract_one(pipelines: Pipelines, article: Article) -> ArticleClaims:
    """The claims of one article, however long its text (raises when extraction fails)."""
    doc = pieces.parse(pipelines[_pipeline_language(article.language)], article.text)
    return Extractor(pipelines).extract(article, doc)


# ----------------------------------------------------------------------------- the map step
# Extraction is independent per article: a plain function of (article, rules fingerprint) that
# any engine (a process pool here; Dask, Ray or Spark past one machine) can call as it is.

_MAP_PIPELINES: Pipelines | None = None     # set by the parent before forking its workers
_MAP_RULES: list[str] = []                  # this process's rules fingerprint, read once


def _map_pipelines(fingerprint: str) -> Pipelines:
    """This process's pipelines, after checking that its rules are the ones asked for."""
    global _MAP_PIPELINES
    if not _MAP_RULES:
        from .rulesprint import rules_fingerprint
        _MAP_RULES.append(rules_fingerprint())
    if _MAP_RULES[0] != fingerprint:
        raise RuntimeError(f"this worker's rules ({_MAP_RULES[0]}) are not the build's ({fingerprint}): "
                           "deploy the same code, patterns and knowledge base everywhere")
    if _MAP_PIPELINES is None:
        from .nlp import default_pipelines
        _MAP_PIPELINES = default_pipelines()
    return _MAP_PIPELINES


def extract_claims(article: Article, fingerprint: str) -> ArticleClaims:
    """The map step: the claims of one article under the rules `fingerprint` names (raises
    when the worker runs other rules, or when extraction fails)."""
    return extract_one(_map_pipelines(fingerprint), article)


def extract_batch(articles: list[Article], fingerprint: str) -> list[ArticleClaims | str]:
    """The map step over a batch of articles of one language (parsed together, as one build
    does): each article's claims, or the reason it could not be processed."""
    pipelines = _map_pipelines(fingerprint)
    return list(_extract_group(pipelines, Extractor(pipelines), articles))


def _extract_group(pipelines: Pipelines, extractor: Extractor, group: list[Article]):
    try:
        docs = pieces.parse_each(pipelines[_pipeline_language(group[0].language)], (a.text for a in group))
    except Exception as exc:            # the language's pipeline cannot be built
        docs = iter([exc] * len(group))
    for a, doc in zip(group, docs):
        try:
            if isinstance(doc, Exception):
                raise doc
            yield extractor.extract(a, doc)
        except Exception as exc:
            yield describe_failure(exc)


def _batches(todo: list[Article], size: int = 64) -> list[list[Article]]:
    by_lang: dict[str, list[Article]] = {}
    for a in todo:
        by_lang.setdefault(a.language, []).append(a)
    return [group[i:i + size] for group in by_lang.values() for i in range(0, len(group), size)]


def _map(batches: list[list[Article]], pipelines: Pipelines, jobs: int):
    """(batch, its results) for each batch, in order: here, or over `jobs` processes."""
    if jobs <= 1 or len(batches) <= 1:
        extractor = Extractor(pipelines)
        for batch in batches:
            yield batch, _extract_group(pipelines, extractor, batch)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from .rulesprint import rules_fingerprint
    global _MAP_PIPELINES
    _MAP_PIPELINES = pipelines          # forked workers inherit the parent's pipelines
    fingerprint = rules_fingerprint()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context) as pool:
        futures = [pool.submit(extract_batch, batch, fingerprint) for batch in batches]
        for batch, future in zip(batches, futures):
            yield batch, future.result()


def extract_all(articles: list[Article], pipelines: Pipelines, cache: ClaimCache,
                progress: Progress | None = None, jobs: int = 1) -> tuple[dict[str, ArticleClaims], int, dict[str, str]]:
    """Each article's claims, from the cache or parsed now (over `jobs` processes): (claims by
    article id, how many were parsed, {article id: reason} of the articles that could not be
    processed). A failure in one article (parsing or extraction) leaves that article out and
    never stops the others. The result does not depend on `jobs`."""
    out: dict[str, ArticleClaims] = {}
    failed: dict[str, str] = {}
    parsed = 0
    todo = []
    for a in articles:
        cached = cache.get(a)
        if cached is not None:
            out[a.id] = cached
        else:
            todo.append(a)
    done = len(out)
    # in parallel, a few batches per process, so that the processes finish together
    size = 64 if jobs <= 1 else max(1, min(64, -(-len(todo) // (jobs * 4))))
    for batch, results in _map(_batches(todo, size), pipelines, jobs):
        for a, claims in zip(batch, results):
            if isinstance(claims, str):
                failed[a.id] = claims
            else:
                cache.put(a, claims)
                out[a.id] = claims
                parsed += 1
            done += 1
            if progress:
                progress(done, len(articles), a.id)
    cache.keep_only_used()
    return {a.id: out[a.id] for a in articles if a.id in out}, parsed, failed


def _pipeline_language(lang: str) -> str:
    return lang if lang in SUPPORTED_LANGUAGES else "xx"


def describe_failure(exc: BaseException, limit: int = 240) -> str:
    """An exception as one short line for people: its type and the first line of its message."""
    first = (str(exc).strip().splitlines() or [""])[0].strip()
    text = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reconcile(articles: list[Article], claims: dict[str, ArticleClaims], kb: KB,
              fixtures: pd.DataFrame | None = None, decisions: pd.DataFrame | None = None,
              skipped: dict[str, str] | None = None, appearances: pd.DataFrame | None = None,
              state_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The tables. Articles in `skipped` (id → reason) have no claims: they only get a row in
    the articles table whose warning says why nothing was taken from them. `appearances`: who
    played in each match (default: data/reference/appearances.csv), checked against the statuses.
    `state_dir`: where what one article alone decides is kept between builds (see
    fanboard.resolve.state); the tables are the same with it or without it (None)."""
    fixtures = load_fixtures() if fixtures is None else fixtures
    decisions = load_decisions() if decisions is None else decisions
    skipped = skipped or {}
    every = articles
    articles = [a for a in articles if a.id not in skipped]
    rec = Reconciler(kb, fixtures, decisions)
    if state_dir is None:
        windows, links = rec.infer_windows(articles, claims)
    else:
        windows, links = reconcile_state.infer_windows(rec, articles, claims, Path(state_dir))
    asm = Assembler(kb, rec, articles, claims, windows, links)
    asm.link_by_shared_statuses()
    matches = asm.matches()
    statuses = asm.player_status(matches)
    check_statuses(statuses, matches, kb, asm.contradictions, appearances)
    goals = asm.goals(matches)
    events = asm.events(matches, statuses)
    focus = _focus(claims)
    situation = asm.situation(matches)
    asm.situation_contradictions(situation, matches, focus)
    folders: dict = {}
    return {
        "articles": frame("articles", [_article_row(a, windows.get(a.id), claims.get(a.id), skipped.get(a.id), folders)
                                       for a in every]),
        "matches": frame("matches", matches),
        "player_status": frame("player_status", statuses),
        "goals": frame("goals", goals),
        "events": frame("events", events),
        "situation": frame("situation", situation),
        "contradictions": frame("contradictions", _dedupe(asm.contradictions)),
        "standings": frame("standings", _standings(fixtures, decisions, focus, kb)),
        "provenance": frame("provenance", asm.provenance),
        "unknown_names": unknown_names_table(claims[a.id] for a in articles if a.id in claims),
        "curation": frame("curation"),
    }


def _article_row(a: Article, w, ac: ArticleClaims | None, skipped: str | None, folders: dict | None = None) -> dict:
    """An article's row in the articles table (w: its publication window; none when skipped)."""
    warnings = a.warnings + (ac.warnings if ac else [])
    if skipped is not None:
        warnings = warnings + [f"not processed, so nothing was taken from this article: {skipped}"]
    return {
        "article_id": a.id, "file": _display_path(a.path, folders), "headline": a.headline, "language": a.language,
        "published": a.published.isoformat() if a.published else "",
        "published_from": w.lo.isoformat() if w and w.lo else "", "published_to": w.hi.isoformat() if w and w.hi else "",
        "source": a.source, "url": a.url, "published_evidence": " | ".join(w.evidence) if w else "",
        "warnings": " | ".join(warnings),
        "club": ac.focus_club or "" if ac else "", "club_evidence": ac.focus_evidence if ac else "",
    }


def _display_path(path: Path, folders: dict | None = None) -> str:
    """The article's path relative to the project (seeds/x.txt), or absolute when outside it.
    `folders` keeps each folder's resolved path for the articles of one build (a file that is
    not itself a symlink resolves to its resolved folder and its name); the path is then joined
    and cut as text, which gives what pathlib gives for these normalised paths."""
    path = Path(path)
    if folders is None or path.name in ("", ".", "..") or os.path.islink(path):
        path = path.resolve()
        try:
            return path.relative_to(ROOT).as_posix()
        except ValueError:
            return str(path)
    head, name = os.path.split(str(path))
    parent = folders.get(head)
    if parent is None:
        parent = folders[head] = str(path.parent.resolve())
    full = f"{parent.rstrip(os.sep)}{os.sep}{name}"
    root = str(ROOT)
    if os.sep == "/" and root != "/" and full.startswith(root + "/"):
        return full[len(root) + 1:]
    try:
        return Path(full).relative_to(ROOT).as_posix()
    except ValueError:
        return full


def _focus(claims: dict[str, ArticleClaims]) -> str | None:
    counts: dict[str, int] = {}
    for ac in claims.values():
        if ac.focus_club:
            counts[ac.focus_club] = counts.get(ac.focus_club, 0) + 1
    return max(counts, key=counts.get) if counts else None


_STANDINGS_CACHE: dict[tuple, list[dict]] = {}


def _standings(fixtures: pd.DataFrame, decisions: pd.DataFrame, focus: str | None, kb: KB) -> list[dict]:
    """The league tables per matchday for the focus club's league. They depend only on the
    reference data, so they are computed once per (fixtures, decisions, club) in a process."""
    if not focus:
        return []
    key = (focus, int(pd.util.hash_pandas_object(fixtures, index=False).sum()),
           int(pd.util.hash_pandas_object(decisions, index=False).sum()) if len(decisions) else 0)
    if key not in _STANDINGS_CACHE:
        _STANDINGS_CACHE[key] = _compute_standings(fixtures, decisions, focus, kb)
    return _STANDINGS_CACHE[key]


def _compute_standings(fixtures: pd.DataFrame, decisions: pd.DataFrame, focus: str, kb: KB) -> list[dict]:
    club = kb.club(focus)
    if club is None:
        return []
    rows = []
    for comp_id in club.competitions:
        comp = kb.competition_by_id(comp_id)
        if comp is None or comp.kind != "league" or not (fixtures["competition"] == comp.name).any():
            continue
        fx = fixtures[fixtures["competition"] == comp.name]
        teams = sorted(set(fx["home"]) | set(fx["away"]))
        if focus not in teams:
            continue
        for basis in ("at_the_time", "final"):
            rows += series_rows(fixtures, decisions, comp.name, teams, basis)
    return rows


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        key = (r["subject"], r["field"], r["values"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_FROZEN = [0]   # how many long_lived_frozen blocks are open (one build at a time holds the build lock)


@contextmanager
def long_lived_frozen():
    """Run a build with what is already in memory (the cached claims of every article, the
    pipelines) left out of the collector's walks (gc.freeze): after an add, the first full
    collection of the rebuild walked the claims of 2,000 articles (0.4-0.5 s, in whichever
    phase it fell). Collection itself stays on, so the build's own garbage is collected as
    always; the frozen objects are handed back to it when the outermost block ends."""
    if _FROZEN[0] == 0:
        gc.freeze()
    _FROZEN[0] += 1
    try:
        yield
    finally:
        _FROZEN[0] -= 1
        if _FROZEN[0] == 0:
            gc.unfreeze()


def build(articles_dirs: list[Path] | Path | None = None, out_dir: Path | None = TABLES_DIR, *,
          progress: Progress | None = None, kb: KB | None = None, pipelines: Pipelines | None = None,
          cache_dir: Path | None = CACHE_DIR, write: bool = True, jobs: int = 1) -> BuildResult:
    """Read the articles, extract (over `jobs` processes) and reconcile claims, and write the
    tables to out_dir."""
    if articles_dirs is None:
        articles_dirs = ARTICLE_DIRS
    if isinstance(articles_dirs, (str, Path)):
        articles_dirs = [Path(articles_dirs)]
    with long_lived_frozen():
        articles, messages = read_articles([Path(d) for d in articles_dirs])
        if pipelines is None:
            from .nlp import default_pipelines
            pipelines = default_pipelines() if kb is None else Pipelines(kb)
        kb = pipelines.kb
        claims, parsed, skipped = extract_all(articles, pipelines, ClaimCache(cache_dir), progress, jobs)
    for a in articles:
        if a.id in skipped:
            messages.append(IngestMessage(
                str(a.path), "skipped",
                f"could not be processed ({skipped[a.id]}); it is stored, but nothing was taken from it, "
                "and the other articles were built without it"))
    with gc_paused():
        tables = reconcile(articles, claims, kb, skipped=skipped,
                           state_dir=Path(cache_dir) / "reconcile" if cache_dir else None)
        if write and out_dir is not None:
            write_tables(tables, Path(out_dir))
    return BuildResult(tables, messages, Path(out_dir) if out_dir else None, parsed, skipped)
