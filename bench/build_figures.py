"""Measurements 7-9 of the build: one very long article, `build --jobs`, and a second corpus shape.

7. **long article**: one article of about 1,000,000 characters, built alone (cache off); its
   time per word against the per-word time of the normal corpus build of the same run. Linear
   means at most 2× (an article twice as long costs twice as much, not four times).
8. **--jobs speed-up**: the same articles built (cache off) with `jobs=1` and `jobs=N` (the
   number of cores); the tables are the same (tests/test_build_jobs.py), only the time differs.
9. **sparse corpus**: long articles (about 2,500-3,500 words) in which most sentences carry no
   claim, as in real match reports: filler sentences written by `filler_sentence` below from
   word lists of its own (crowd, weather, training ground: no names, dates, scores or numbers),
   with a claim-bearing paragraph of the normal corpus (bench/corpus.py) every ten or so.
   Throughput against bare `spacy.blank` + sentencizer on the same texts, as in measurement 1.
"""
from __future__ import annotations

import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import corpus
from .extraction import bare_tokenizer, texts_of, timed_build

LONG_CHARS = 1_000_000
SPARSE_WORDS = (2500, 3500)
CLAIM_SHARE = 0.1       # about one paragraph in ten comes from the claim-dense corpus

_SUBJECTS = ["The stands", "The crowd", "The pitch", "The press room", "The training ground", "The academy",
             "The away end", "The club shop", "The car park", "The dressing room corridor", "The tunnel",
             "The groundsman's shed", "The supporters' bus", "The old main stand", "The media centre"]
_VERBS = ["looked", "seemed", "felt", "sounded", "remained", "stayed", "appeared", "grew"]
_COMPLEMENTS = ["quieter than usual", "busy long before kick-off", "damp after the morning rain",
                "full of chatter", "strangely calm", "bright under the floodlights", "crowded and loud",
                "cold and grey", "half empty", "alive with songs", "heavy with expectation", "oddly subdued",
                "freshly painted", "slippery in places", "warm despite the wind"]
_TAILS = ["", " as the afternoon wore on", " for most of the evening", " according to those who were there",
          " while the stewards kept watch", " as photographers waited by the gate", " long after the whistle",
          " in the way it often does", " while vendors sold scarves outside", " as the light faded"]
_ASIDES = ["Nobody seemed in a hurry to leave.", "Coffee ran out at the kiosk again.",
           "A drummer kept the rhythm going behind the goal.", "Flags were waved without pause.",
           "The public address system crackled now and then.", "Umbrellas opened and closed in waves.",
           "Children queued for autographs near the fence.", "Local radio broadcast from a folding table."]


def filler_sentence(rng: random.Random) -> str:
    """One sentence that carries no claim: scenery of a match day, from the word lists above."""
    if rng.random() < 0.25:
        return rng.choice(_ASIDES)
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_COMPLEMENTS)}{rng.choice(_TAILS)}."


def sparse_article(pools: corpus.Pools, swapper: corpus.NameSwapper, rng: random.Random) -> str:
    """A long English article in which most sentences are filler (see the module docstring)."""
    target = rng.randint(*SPARSE_WORDS)
    dense = corpus.make_article(pools, swapper, rng, "en").split("\n\n")
    head, claims = dense[0], dense[1:]
    paragraphs, words = [], 0
    while words < target:
        if claims and rng.random() < CLAIM_SHARE:
            para = claims.pop(0)
        else:
            para = " ".join(filler_sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(para)
        words += len(para.split())
    return "\n\n".join([head, *paragraphs]) + "\n"


def generate_sparse(n: int, out_dir: Path, seed: int = 7) -> list[Path]:
    """n sparse articles (English, undated) in out_dir, emptied first."""
    out_dir = Path(out_dir)
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    rng, pools, swapper = random.Random(seed), corpus.load_pools(), corpus.NameSwapper()
    paths = []
    for i in range(n):
        path = out_dir / f"sparse_{i:04d}_en.txt"
        path.write_text(sparse_article(pools, swapper, rng), encoding="utf-8")
        paths.append(path)
    return paths


def long_article(out_dir: Path, chars: int = LONG_CHARS, seed: int = 11) -> Path:
    """One English article of at least `chars` characters: generated paragraphs, one after another."""
    out_dir = Path(out_dir)
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    rng, pools, swapper = random.Random(seed), corpus.load_pools(), corpus.NameSwapper()
    parts, size = [], 0
    while size < chars:
        part = corpus.make_article(pools, swapper, rng, "en")
        parts.append(part if not parts else part.split("\n\n", 1)[1])
        size += len(parts[-1]) + 2
    path = out_dir / "long_article_en.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


@dataclass
class Long:
    chars: int
    words: int
    seconds: float

    @property
    def s_per_word(self) -> float:
        return self.seconds / self.words


def long_build(work: Path, chars: int = LONG_CHARS) -> Long:
    path = long_article(work / "long", chars)
    text = path.read_text(encoding="utf-8")
    t = timed_build([path.parent], work / "tables-long", None, corpus.count_words(text))
    return Long(len(text), t.words, t.seconds)


@dataclass
class Jobs:
    jobs: int
    one: float
    many: float

    @property
    def speedup(self) -> float:
        return self.one / self.many


def jobs_speedup(corpus_dir: Path, work: Path, jobs: int, n: int) -> Jobs:
    folder = corpus.subset(corpus_dir, n, work / f"jobs-n{n}")
    one = timed_build([folder], work / "tables-jobs1", None, jobs=1)
    many = timed_build([folder], work / f"tables-jobs{jobs}", None, jobs=jobs)
    return Jobs(jobs, one.seconds, many.seconds)


@dataclass
class Sparse:
    articles: int
    words: int
    seconds: float
    bare_seconds: float
    summary: str

    @property
    def ratio(self) -> float:
        return self.seconds / self.bare_seconds


def sparse_throughput(work: Path, n: int) -> Sparse:
    folder = work / "sparse"
    generate_sparse(n, folder)
    texts = texts_of([folder])
    words = sum(corpus.count_words(t) for _, t in texts)
    full = timed_build([folder], work / "tables-sparse", None, words)
    return Sparse(n, words, full.seconds, bare_tokenizer(texts), full.summary)


def cores() -> int:
    import os
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def measure(corpus_dir: Path, work: Path, normal_s_per_word: float, *, long_chars: int, jobs_articles: int,
            sparse_articles: int, log=print) -> tuple[Long, Jobs, Sparse]:
    log(f"7/9 one article of {long_chars:,} characters")
    t = time.perf_counter()
    long = long_build(work, long_chars)
    log(f"   → {long.seconds:.2f} s ({time.perf_counter() - t:.0f} s with generating it)")
    n = cores()
    log(f"8/9 --jobs: {jobs_articles} articles with jobs=1 and jobs={n}")
    jobs = jobs_speedup(corpus_dir, work, n, jobs_articles)
    log(f"   → {jobs.one:.2f} s vs {jobs.many:.2f} s")
    log(f"9/9 sparse corpus: {sparse_articles} long articles, most sentences without a claim")
    sparse = sparse_throughput(work, sparse_articles)
    log(f"   → {sparse.seconds:.2f} s, bare {sparse.bare_seconds:.2f} s")
    return long, jobs, sparse
