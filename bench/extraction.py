"""Measurements 1-3: extraction throughput, incremental rebuild, scaling.

Every build goes through `fanboard.pipeline.build`, the function the CLI and the app use.
The phases inside a build (ingest, nlp + extract, reconcile, write) are timed by wrapping
the module-level functions `build` calls, so a figure can be traced to the phase that
costs it without changing the pipeline.
"""
from __future__ import annotations

import math
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus

PHASES = ("read_articles", "extract_all", "reconcile", "write_tables")


@dataclass
class BuildTiming:
    articles: int
    words: int
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)
    parsed: int = 0
    summary: str = ""

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")

    def phase_text(self) -> str:
        names = {"read_articles": "ingest", "extract_all": "nlp+extract", "reconcile": "reconcile",
                 "write_tables": "write"}
        return ", ".join(f"{names[p]} {self.phases.get(p, 0.0):.2f}s" for p in PHASES)


@contextmanager
def phase_timer():
    """Times the phases of pipeline.build by wrapping the names it calls (restored afterwards)."""
    from fanboard import pipeline
    spent: dict[str, float] = {}
    originals = {name: getattr(pipeline, name) for name in PHASES}

    def wrap(name, fn):
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return timed

    for name, fn in originals.items():
        setattr(pipeline, name, wrap(name, fn))
    try:
        yield spent
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)


def texts_of(dirs: list[Path]) -> list[tuple[str, str]]:
    """(language, text) of every article in dirs, read the way the pipeline reads them."""
    from fanboard.ingest import read_articles
    articles, _ = read_articles(dirs)
    return [(a.language, a.text) for a in articles]


def timed_build(dirs: list[Path], out_dir: Path, cache_dir: Path | None, words: int | None = None,
                jobs: int = 1) -> BuildTiming:
    from fanboard import pipeline
    with phase_timer() as spent:
        t = time.perf_counter()
        result = pipeline.build(dirs, out_dir, cache_dir=cache_dir, jobs=jobs)
        seconds = time.perf_counter() - t
    n = len(result.tables["articles"])
    return BuildTiming(n, words or 0, seconds, dict(spent), result.parsed, result.summary)


def warm_up() -> float:
    """Load spaCy, the pipelines and the stop-word lists once (a one-time cost, reported apart)."""
    from fanboard import pipeline
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.build(pipeline.ARTICLE_DIRS, Path(tmp) / "tables", cache_dir=None)
    return time.perf_counter() - t


def bare_tokenizer(texts: list[tuple[str, str]]) -> float:
    """Seconds for spacy.blank(lang) + sentencizer over the same texts (pipelines made beforehand)."""
    import spacy
    groups: dict[str, list[str]] = {}
    for lang, text in texts:
        groups.setdefault(lang, []).append(text)
    nlps = {}
    for lang in groups:
        try:
            nlps[lang] = spacy.blank(lang)
        except Exception:
            nlps[lang] = spacy.blank("xx")
        nlps[lang].add_pipe("sentencizer")
        nlps[lang]("warm up.")
    t = time.perf_counter()
    for lang, group in groups.items():
        for doc in nlps[lang].pipe(group, batch_size=64):
            pass
    return time.perf_counter() - t


@dataclass
class Throughput:
    full: BuildTiming
    bare_seconds: float
    warm_up_seconds: float

    @property
    def bare_words_per_s(self) -> float:
        return self.full.words / self.bare_seconds

    @property
    def ratio(self) -> float:
        return self.full.seconds / self.bare_seconds


def throughput(corpus_dir: Path, work: Path, warm: bool = True) -> Throughput:
    warm_s = warm_up() if warm else 0.0
    texts = texts_of([corpus_dir])
    words = sum(corpus.count_words(t) for _, t in texts)
    full = timed_build([corpus_dir], work / "tables-full", None, words)
    bare = bare_tokenizer(texts)
    return Throughput(full, bare, warm_s)


@dataclass
class Incremental:
    fill_seconds: float    # parsing every article into the empty claim cache (nlp + extract only)
    rebuild: BuildTiming   # the build after adding one article
    alone: BuildTiming     # building that one article alone (cache off)


def incremental(corpus_dir: Path, work: Path, seed: int = 99) -> Incremental:
    """Fill a claim cache with the corpus, add one article in a second folder, time the build.

    The cache is filled with `pipeline.extract_all` alone, which is what a cached build does
    for the articles it has not seen; a whole build would also reconcile and write the tables,
    which the timed rebuild does anyway, and cost a second full build's time for nothing.
    """
    import random
    from fanboard import pipeline
    from fanboard.ingest import read_articles
    from fanboard.nlp import default_pipelines
    cache = work / "cache"
    extra = work / "extra"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(extra, ignore_errors=True)
    extra.mkdir(parents=True)
    dirs = [corpus_dir, extra]
    articles, _ = read_articles(dirs)
    t = time.perf_counter()
    pipeline.extract_all(articles, default_pipelines(), pipeline.ClaimCache(cache))
    fill = time.perf_counter() - t
    rng = random.Random(seed)
    text = corpus.make_article(corpus.load_pools(), corpus.NameSwapper(), rng, "en")
    (extra / "added_article.txt").write_text(text, encoding="utf-8")
    rebuild = timed_build(dirs, work / "tables-incr", cache)
    alone = timed_build([extra], work / "tables-alone", None)
    return Incremental(fill, rebuild, alone)


@dataclass
class Scaling:
    points: list[BuildTiming]

    def exponent(self, phase: str | None = None) -> float:
        """Slope of log(time) over log(articles) between the smallest and largest build (1 = linear)."""
        a, b = self.points[0], self.points[-1]
        ta = a.phases.get(phase, 0.0) if phase else a.seconds
        tb = b.phases.get(phase, 0.0) if phase else b.seconds
        if a.articles == b.articles or ta <= 0 or tb <= 0:
            return float("nan")
        return math.log(tb / ta) / math.log(b.articles / a.articles)

    @property
    def linear(self) -> bool:
        return self.exponent() <= 1.25


def scaling(corpus_dir: Path, work: Path, sizes: list[int], known: dict[int, BuildTiming] | None = None,
            progress=None) -> Scaling:
    known = known or {}
    points = []
    for n in sizes:
        if n in known:
            points.append(known[n])
            continue
        folder = corpus.subset(corpus_dir, n, work / f"n{n}")
        words = sum(corpus.count_words(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))
        points.append(timed_build([folder], work / f"tables-n{n}", None, words))
        if progress:
            progress(f"   → {n} articles: {points[-1].seconds:.2f} s ({points[-1].phase_text()})")
    return Scaling(points)
