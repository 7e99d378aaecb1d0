"""`python -m bench.profile [--articles 500]`: where a full build spends its time.

Builds the first N articles of the benchmark corpus (generated if missing) under the
standard library's cProfile and prints the fanboard functions by inclusive time, with
their share of the build. No extra dependency; for a sampling profile of a running
benchmark, `py-spy record --pid <pid>` (pip install py-spy) gives the same picture
with less overhead.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from . import corpus, extraction


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    source = corpus.CORPUS_DIR / "articles"
    if len(list(source.glob("*.txt"))) < args.articles:
        corpus.generate(max(args.articles, 2000), source)
    extraction.warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus.subset(source, args.articles, Path(tmp) / "articles")
        from fanboard import pipeline
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        pipeline.build([folder], Path(tmp) / "tables", cache_dir=None)
        prof.disable()
        total = time.perf_counter() - t
    stats = pstats.Stats(prof)
    rows = []
    for (file, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
        if "/fanboard/" in file:
            rows.append((ct, tt, nc, f"{file.split('/fanboard/')[-1]}:{line} {name}"))
    rows.sort(reverse=True)
    print(f"build of {args.articles} articles: {total:.2f} s under cProfile")
    print(f"{'incl. s':>8} {'share':>6} {'self s':>7} {'calls':>9}  function")
    for ct, tt, nc, where in rows[:args.top]:
        print(f"{ct:8.2f} {100 * ct / total:5.1f}% {tt:7.2f} {nc:9d}  fanboard/{where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
