"""Measurements 1-3: extraction throughput, incremental rebuild, scaling.

Throughput and scaling time `fanboard.pipeline.build`. The incremental rebuild times what a
user waits for after adding an article: `fanboard.building.ensure_built`, the one way the CLI
(`python -m fanboard build` and `add`) and the app (every page start, the Add page's save)
build, which also records what the tables were built from, applies the curation log and writes
a new generation. The phases inside a build (ingest, nlp + extract, reconcile, write) are timed
by wrapping the module-level functions the build calls, so a figure can be traced to the phase
that costs it without changing the pipeline; each phase is timed in wall-clock and CPU time
(CPU time is less sensitive to a loaded machine).
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
# the app's build (fanboard.building): hashing the inputs is ingest, the curation log and the
# new generation are the write
APP_PHASES = {"inputs_of": "read_articles", "finish_build": "write_tables", "write_generation": "write_tables"}


@dataclass
class BuildTiming:
    articles: int
    words: int
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)
    parsed: int = 0
    summary: str = ""
    cpu_seconds: float = 0.0
    cpu_phases: dict[str, float] = field(default_factory=dict)

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")

    def phase_text(self) -> str:
        names = {"read_articles": "ingest", "extract_all": "nlp+extract", "reconcile": "reconcile",
                 "write_tables": "write"}
        return ", ".join(f"{names[p]} {self.phases.get(p, 0.0):.2f}s" for p in PHASES)

    def cpu_text(self) -> str:
        names = {"read_articles": "ingest", "extract_all": "nlp+extract", "reconcile": "reconcile",
                 "write_tables": "write"}
        return ", ".join(f"{names[p]} {self.cpu_phases.get(p, 0.0):.2f}s" for p in PHASES)


@contextmanager
def phase_timer(cpu: dict[str, float] | None = None):
    """Times the phases of a build by wrapping the names it calls (restored afterwards): those
    of pipeline.build, and those of building's (APP_PHASES). Yields {phase: wall seconds};
    `cpu`, when given, receives {phase: CPU seconds}."""
    from fanboard import building, curation_apply, pipeline
    spent: dict[str, float] = {}
    cpu = {} if cpu is None else cpu
    targets = [(pipeline, name, name) for name in PHASES] + \
        [(curation_apply if name == "finish_build" else building, name, phase) for name, phase in APP_PHASES.items()]
    originals = [(module, name, getattr(module, name)) for module, name, _ in targets]
    depth = [0]

    def wrap(phase, fn):
        def timed(*args, **kwargs):
            depth[0] += 1
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:           # write_tables calls write_generation: count it once
                    spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - t
                    cpu[phase] = cpu.get(phase, 0.0) + time.process_time() - c
        return timed

    for (module, name, fn), (_, _, phase) in zip(originals, targets):
        setattr(module, name, wrap(phase, fn))
    try:
        yield spent
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)


def texts_of(dirs: list[Path]) -> list[tuple[str, str]]:
    """(language, text) of every article in dirs, read the way the pipeline reads them."""
    from fanboard.ingest import read_articles
    articles, _ = read_articles(dirs)
    return [(a.language, a.text) for a in articles]


def timed_build(dirs: list[Path], out_dir: Path, cache_dir: Path | None, words: int | None = None,
                jobs: int = 1) -> BuildTiming:
    from fanboard import pipeline
    cpu: dict[str, float] = {}
    with phase_timer(cpu) as spent:
        t, c = time.perf_counter(), time.process_time()
        result = pipeline.build(dirs, out_dir, cache_dir=cache_dir, jobs=jobs)
        seconds, cpu_seconds = time.perf_counter() - t, time.process_time() - c
    n = len(result.tables["articles"])
    return BuildTiming(n, words or 0, seconds, dict(spent), result.parsed, result.summary, cpu_seconds, cpu)


def timed_app_build(dirs: list[Path], tables_dir: Path, cache_dir: Path | None) -> BuildTiming:
    """The build a user waits for: building.ensure_built (as `python -m fanboard build` and the
    Add page run it: forced, the default pipelines of this process)."""
    from fanboard import building
    cpu: dict[str, float] = {}
    with phase_timer(cpu) as spent:
        t, c = time.perf_counter(), time.process_time()
        result = building.ensure_built(dirs, tables_dir, cache_dir, force=True).result
        seconds, cpu_seconds = time.perf_counter() - t, time.process_time() - c
    n = len(result.tables["articles"])
    return BuildTiming(n, 0, seconds, dict(spent), result.parsed, result.summary, cpu_seconds, cpu)


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
    fill_seconds: float    # the user's previous build: every article parsed, the tables written
    rebuild: BuildTiming   # the build after adding one article
    alone: BuildTiming     # building that one article alone (cache off)
    cli_rebuild: float = 0.0    # `python -m fanboard build` after adding another article (a fresh process)
    cli_alone: float = 0.0      # the same command on that article alone, without cache


def cli_build(dirs: list[Path], tables_dir: Path, cache_dir: Path | None) -> float:
    """Seconds of `python -m fanboard build --jobs 1` in a new process (start-up included)."""
    import os
    import subprocess
    import sys
    args = [sys.executable, "-m", "fanboard", "build", "--jobs", "1", "--out", str(tables_dir)]
    if cache_dir is None:
        args.append("--no-cache")
    for d in dirs:
        args += ["--articles", str(d)]
    env = {**os.environ, "FANBOARD_CACHE": str(cache_dir or tables_dir.parent / "no-cache")}
    t = time.perf_counter()
    subprocess.run(args, cwd=corpus.ROOT, env=env, check=True, capture_output=True, timeout=900)
    return time.perf_counter() - t


def incremental(corpus_dir: Path, work: Path, seed: int = 99) -> Incremental:
    """Build the corpus as a user's last build left it (claim cache, reconcile state and tables
    written), add one article in a second folder, time the rebuild, both the way the app and
    the CLI build (building.ensure_built, in this process, as the app's Add page does)."""
    import random
    cache = work / "cache"
    extra = work / "extra"
    tables = work / "tables-incr"
    for folder in (cache, extra, tables, work / "tables-alone", work / "tables-alone-cli"):
        shutil.rmtree(folder, ignore_errors=True)
    extra.mkdir(parents=True)
    dirs = [corpus_dir, extra]
    fill = timed_app_build(dirs, tables, cache).seconds
    rng = random.Random(seed)
    text = corpus.make_article(corpus.load_pools(), corpus.NameSwapper(), rng, "en")
    (extra / "added_article.txt").write_text(text, encoding="utf-8")
    rebuild = timed_app_build(dirs, tables, cache)
    alone = timed_app_build([extra], work / "tables-alone", None)
    # the same from the command line: a new process that reads the claim cache from disk
    extra2 = work / "extra2"
    shutil.rmtree(extra2, ignore_errors=True)
    extra2.mkdir()
    (extra2 / "added_article.txt").write_text(
        corpus.make_article(corpus.load_pools(), corpus.NameSwapper(), random.Random(seed + 1), "en"), encoding="utf-8")
    cli_rebuild = cli_build(dirs + [extra2], tables, cache)
    cli_alone = cli_build([extra2], work / "tables-alone-cli", None)
    return Incremental(fill, rebuild, alone, cli_rebuild, cli_alone)


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
