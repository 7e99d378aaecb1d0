"""`python -m bench`: run the nine measurements, print the figures, write bench/results.md."""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import build_figures, corpus, extraction
from .report import RESULTS, Figure, table, write_results

TARGET_WORDS_PER_S = 200_000
TARGET_BARE_RATIO = 6.0
TARGET_INCREMENTAL_S = 1.0
TARGET_EXPONENT = 1.25
TARGET_COLD_RATIO = 1.5
TARGET_FILTER_MS = 250.0
TARGET_RSS_MB = 400.0
TARGET_LONG_RATIO = 2.0         # per-word time of the 1M-character article / of a normal one
TARGET_SPARSE_RATIO = 10.0      # sparse corpus against bare spacy.blank + sentencizer
BUILD_NAMES = ("long article (1M characters)", "build --jobs speed-up", "sparse corpus throughput")
TARGET_SESSION_RENDER_S = 3.0
SESSION_NAMES = ("filter re-render (AppTest, Timeline)", "20 sessions at once (Timeline)", "server peak RSS (20 sessions)")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def extraction_figures(n: int, sizes: list[int], work: Path, corpus_dir: Path, warm: bool = True) -> list[Figure]:
    log(f"generating {n} articles → {corpus_dir}")
    corpus.generate(n, corpus_dir)

    log("1/9 throughput: full build (cache off) vs bare spacy.blank + sentencizer")
    tp = extraction.throughput(corpus_dir, work, warm)
    full = tp.full
    f1 = Figure(
        "extraction throughput",
        f"{full.words_per_s:,.0f} words/s ({full.articles} articles, {full.words:,} words in {full.seconds:.2f} s)",
        f"bare tokenizer {tp.bare_words_per_s:,.0f} words/s ({tp.bare_seconds:.2f} s)",
        f"{tp.ratio:.1f}×",
        f"≥ {TARGET_WORDS_PER_S:,} words/s and ≤ {TARGET_BARE_RATIO:g}×",
        full.words_per_s >= TARGET_WORDS_PER_S and tp.ratio <= TARGET_BARE_RATIO,
        [f"build phases: {full.phase_text()}",
         (f"one-time start-up (spaCy import, pipelines, stop words; seeds build): {tp.warm_up_seconds:.2f} s, not counted"
          if warm else "no warm-up build: start-up costs are inside the figure (--no-warm-up)"),
         f"tables: {full.summary}"],
    )

    log(f"   → {f1.value}; {f1.reference}; {f1.ratio}; {full.phase_text()}")
    log("2/9 incremental: fill the claim cache, add one article, rebuild")
    inc = extraction.incremental(corpus_dir, work)
    r, alone = inc.rebuild, inc.alone
    extra_s = r.seconds - alone.seconds
    f2 = Figure(
        "incremental rebuild (+1 article)",
        f"{r.seconds:.2f} s ({r.parsed} article parsed), {extra_s:+.2f} s over that article alone",
        f"that article alone {alone.seconds:.2f} s; full build {full.seconds:.2f} s",
        f"{r.seconds / full.seconds:.2f}× of full",
        f"< {TARGET_INCREMENTAL_S:g} s more than the article alone",
        extra_s < TARGET_INCREMENTAL_S and r.parsed == 1,
        [f"rebuild phases: {r.phase_text()}",
         f"the article alone: {alone.phase_text()}",
         f"CPU time: rebuild {r.cpu_seconds:.2f} s ({r.cpu_text()}), {r.cpu_seconds - alone.cpu_seconds:+.2f} s "
         f"over the article alone ({alone.cpu_seconds:.2f} s)",
         "both built as the app and the CLI build (building.ensure_built), in one process",
         f"from the command line (python -m fanboard build, a new process, after adding another article): "
         f"{inc.cli_rebuild:.2f} s, {inc.cli_rebuild - inc.cli_alone:+.2f} s over that article alone "
         f"({inc.cli_alone:.2f} s)",
         f"the previous build beforehand (every article parsed, tables written): {inc.fill_seconds:.2f} s"],
    )

    log(f"   → {f2.value}; {f2.ratio}; {r.phase_text()}")
    log(f"3/9 scaling: builds of {', '.join(map(str, sizes))} articles")
    sc = extraction.scaling(corpus_dir, work, sizes, known={full.articles: full}, progress=log)
    pts = sc.points
    exps = {p: sc.exponent(p) for p in ("extract_all", "reconcile")}
    f3 = Figure(
        "scaling",
        ", ".join(f"{p.articles}: {p.seconds:.2f} s" for p in pts),
        f"per article: {pts[0].seconds / pts[0].articles * 1000:.1f} → {pts[-1].seconds / pts[-1].articles * 1000:.1f} ms",
        f"exponent {sc.exponent():.2f}",
        f"≈ linear (exponent ≤ {TARGET_EXPONENT})",
        sc.exponent() <= TARGET_EXPONENT,
        [f"{p.articles} articles: {p.phase_text()}" for p in pts]
        + [f"growth exponent by phase: nlp+extract {exps['extract_all']:.2f}, reconcile {exps['reconcile']:.2f}"],
    )
    return [f1, f2, f3], full.seconds / full.words if full.words else 0.0


def build_extra_figures(corpus_dir: Path, work: Path, s_per_word: float, args) -> list[Figure]:
    long, jobs, sparse = build_figures.measure(
        corpus_dir, work, s_per_word, long_chars=args.long_chars, jobs_articles=min(args.jobs_articles, args.articles),
        sparse_articles=args.sparse_articles, log=log)
    long_ratio = long.s_per_word / s_per_word if s_per_word else float("nan")
    f7 = Figure(
        BUILD_NAMES[0],
        f"{long.seconds:.2f} s ({long.chars:,} characters, {long.words:,} words; {long.s_per_word * 1e6:.1f} µs/word)",
        f"normal articles {s_per_word * 1e6:.1f} µs/word (measurement 1)",
        f"{long_ratio:.2f}×", f"≤ {TARGET_LONG_RATIO:g}× (linear)", long_ratio <= TARGET_LONG_RATIO,
        ["built alone, cache off: ingest, pieces of 100,000 characters, nlp, extract, reconcile, write"])
    f8 = Figure(
        BUILD_NAMES[1],
        f"jobs={jobs.jobs}: {jobs.many:.2f} s", f"jobs=1: {jobs.one:.2f} s", f"{jobs.speedup:.2f}×",
        "faster with more cores; same tables", jobs.jobs == 1 or jobs.speedup > 1.0,
        [f"{min(args.jobs_articles, args.articles)} articles of the corpus, cache off, whole build (reconcile is one process)"])
    f9 = Figure(
        BUILD_NAMES[2],
        f"{sparse.words / sparse.seconds:,.0f} words/s ({sparse.articles} articles, {sparse.words:,} words in {sparse.seconds:.2f} s)",
        f"bare tokenizer {sparse.words / sparse.bare_seconds:,.0f} words/s ({sparse.bare_seconds:.2f} s)",
        f"{sparse.ratio:.1f}×", f"≤ {TARGET_SPARSE_RATIO:g}×", sparse.ratio <= TARGET_SPARSE_RATIO,
        [f"tables: {sparse.summary}"])
    return [f7, f8, f9]


def dashboard_figures(work: Path, repeats: int, changes: int) -> list[Figure]:
    from . import dashboard
    missing = dashboard.missing_requirements()
    if missing:
        log(f"4-6/9 skipped: {missing}")
        return [Figure(name, "not measured", details=[missing]) for name in
                ("dashboard cold start", "filter latency (Timeline, players)", "server peak RSS")]
    log("4-6/9 dashboard: building the tables, then cold starts, filter changes, memory")
    res = dashboard.run(work, repeats=repeats, changes=changes)
    cold, hello = res.cold_start, res.hello_start
    f4 = Figure(
        "dashboard cold start",
        f"{cold:.2f} s (median of {len(res.cold_starts)}: {', '.join(f'{x:.2f}' for x in res.cold_starts)})",
        f"hello app {hello:.2f} s ({', '.join(f'{x:.2f}' for x in res.hello_starts)})",
        f"{cold / hello:.2f}×",
        f"≤ {TARGET_COLD_RATIO:g}×",
        cold / hello <= TARGET_COLD_RATIO,
        [f"charts drawn on the Overview: {res.overview_charts}",
         f"spaCy loaded by the dashboard server: {'yes' if res.spacy_loaded else 'no'}"],
    )
    lat = res.filter_ms
    f5 = Figure(
        "filter latency (Timeline, players)",
        f"{res.filter_median:.0f} ms median of {len(lat)}",
        f"min {min(lat):.0f} ms, max {max(lat):.0f} ms" if lat else "",
        "",
        f"< {TARGET_FILTER_MS:g} ms",
        bool(lat) and res.filter_median < TARGET_FILTER_MS,
        [f"all changes (ms): {', '.join(f'{x:.0f}' for x in lat)}",
         f"changes whose chart was not seen redrawn: {res.not_redrawn}"],
    )
    f6 = Figure(
        "server peak RSS",
        f"{res.peak_rss_mb:.0f} MB",
        f"hello app {res.hello_rss_mb:.0f} MB",
        f"{res.peak_rss_mb / res.hello_rss_mb:.2f}×" if res.hello_rss_mb else "",
        f"< {TARGET_RSS_MB:g} MB",
        res.peak_rss_mb < TARGET_RSS_MB,
        ["VmHWM of the `streamlit run` process after the cold start and the filter changes"],
    )
    return [f4, f5, f6]


def session_figures(tables: Path, work: Path, changes: int, sessions: int) -> list[Figure]:
    """Measurements 7-9 on a big build: bench/latency.py (AppTest) and bench/sessions.py (browsers)."""
    from . import latency, sessions as load
    log(f"7/9 filter re-render: AppTest on {tables}, {changes} player-filter changes")
    lat = latency.run(tables, changes)
    f7 = Figure(
        SESSION_NAMES[0],
        f"{lat.median_ms:.0f} ms median of {len(lat.all_ms)} ({lat.articles:,} articles)",
        f"CPU {lat.median_cpu_ms:.0f} ms",
        "",
        f"< {TARGET_FILTER_MS:g} ms",
        bool(lat.all_ms) and lat.median_ms < TARGET_FILTER_MS and not lat.exceptions,
        [f"a player nobody picked before: {lat.med(lat.new_ms):.0f} ms (CPU {lat.med(lat.new_cpu_ms):.0f} ms); "
         f"back to everyone: {lat.med(lat.seen_ms):.0f} ms (CPU {lat.med(lat.seen_cpu_ms):.0f} ms)",
         f"opening the app and the Timeline: {', '.join(f'{x:.2f} s' for x in lat.first_open_s)}",
         f"all changes (ms): {', '.join(f'{x:.0f}' for x in lat.all_ms)}",
         f"problems: {len(lat.exceptions)}" + (f" (first: {lat.exceptions[0]})" if lat.exceptions else "")],
    )
    log(f"   → {f7.value}; {f7.reference}")
    log(f"8-9/9 {sessions} browser sessions at once on the Timeline, 3 filter changes each")
    r = load.run(tables, work / "sessions", sessions=sessions, changes=3)
    fl, fc = r.median(r.first_loads), r.median(r.filter_changes)
    log(f"   the same {sessions} sessions against bench/hello_app.py (Streamlit and the browsers alone)")
    h = load.run(tables, work / "sessions-hello", sessions=sessions, changes=3, app="hello")
    hl, hc = h.median(h.first_loads), h.median(h.filter_changes)
    f8 = Figure(
        SESSION_NAMES[1],
        f"first load {fl:.2f} s, filter change {fc:.2f} s (medians); {len(r.errors)} errors",
        f"hello app: first load {hl:.2f} s, filter change {hc:.2f} s; {len(h.errors)} errors",
        f"{fl / hl:.1f}× / {fc / hc:.1f}×" if hl and hc else "",
        f"median render < {TARGET_SESSION_RENDER_S:g} s, 0 errors",
        bool(r.renders) and fl < TARGET_SESSION_RENDER_S and fc < TARGET_SESSION_RENDER_S and not r.errors,
        load.describe(r) + [f"error: {e}" for e in r.errors[:5]]
        + ["the hello app (bench/hello_app.py --app hello: one chart and a People list of the same names):"]
        + [f"  {line}" for line in load.describe(h)],
    )
    f9 = Figure(
        SESSION_NAMES[2],
        f"{r.peak_rss_mb:.0f} MB ({r.articles:,} articles)",
        f"idle after start {r.idle_rss_mb:.0f} MB",
        "",
        f"< {TARGET_RSS_MB:g} MB",
        r.peak_rss_mb < TARGET_RSS_MB,
        ["VmHWM of the `streamlit run` process after the 20 sessions"],
    )
    log(f"   → {f8.value}; {f9.value}")
    return [f7, f8, f9]


def big_tables(args, work: Path) -> Path:
    """The build the session measurements serve: --tables, the build of measurement 1, or a new one."""
    if args.tables:
        return args.tables
    if (work / "tables-full" / "articles.csv").exists():
        return work / "tables-full"
    if not (args.corpus / "articles.toml").exists():
        corpus.generate(args.articles, args.corpus)
    log(f"building the {args.articles} articles of {args.corpus} for measurements 7-9")
    from fanboard import pipeline
    pipeline.build([args.corpus], work / "tables-sessions", cache_dir=None)
    return work / "tables-sessions"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--articles", type=int, default=2000, help="size of the generated corpus (default 2000)")
    ap.add_argument("--sizes", default="250,500,1000", help="smaller builds for the scaling check")
    ap.add_argument("--repeats", type=int, default=3, help="cold starts of each app (median)")
    ap.add_argument("--changes", type=int, default=20, help="player-filter changes (median)")
    ap.add_argument("--no-browser", action="store_true", help="skip the dashboard measurements 4-9")
    ap.add_argument("--no-sessions", action="store_true", help="skip measurements 7-9 (big build, 20 browsers)")
    ap.add_argument("--sessions", type=int, default=20, help="browser sessions at once for measurement 8")
    ap.add_argument("--tables", type=Path, help="built tables for 7-9 (default: the build of measurement 1)")
    ap.add_argument("--no-extraction", action="store_true", help="skip measurements 1-3")
    ap.add_argument("--results", type=Path, default=RESULTS, help="results file (default bench/results.md)")
    ap.add_argument("--no-results", action="store_true", help="print only")
    ap.add_argument("--corpus", type=Path, default=corpus.CORPUS_DIR / "articles", help="where to write the corpus")
    ap.add_argument("--no-warm-up", action="store_true", help="skip the seeds build that loads spaCy first")
    ap.add_argument("--long-chars", type=int, default=build_figures.LONG_CHARS,
                    help="length of the long article (default 1,000,000 characters)")
    ap.add_argument("--jobs-articles", type=int, default=500, help="articles built for the --jobs speed-up")
    ap.add_argument("--sparse-articles", type=int, default=200, help="articles of the sparse corpus")
    ap.add_argument("--label", default="", help="a note for this run in results.md, e.g. 'before'")
    args = ap.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | {args.articles})
    sizes = [s for s in sizes if s <= args.articles]

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="fanboard-bench-"))
    try:
        if args.no_extraction:
            figures = [Figure(name, "not measured", details=["--no-extraction"]) for name in
                       ("extraction throughput", "incremental rebuild (+1 article)", "scaling")]
        else:
            figures, s_per_word = extraction_figures(args.articles, sizes, work, args.corpus, warm=not args.no_warm_up)
        if args.no_browser:
            figures += [Figure(name, "not measured", details=["--no-browser"]) for name in
                        ("dashboard cold start", "filter latency (Timeline, players)", "server peak RSS")]
        else:
            figures += dashboard_figures(work, args.repeats, args.changes)
        if args.no_browser or args.no_sessions:
            figures += [Figure(name, "not measured", details=["--no-browser" if args.no_browser else "--no-sessions"])
                        for name in SESSION_NAMES]
        else:
            figures += session_figures(big_tables(args, work), work, args.changes, args.sessions)
        if args.no_extraction:
            figures += [Figure(name, "not measured", details=["--no-extraction"]) for name in BUILD_NAMES]
        else:
            figures += build_extra_figures(args.corpus, work, s_per_word, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    for i, f in enumerate(figures, 1):
        for d in f.details:
            print(f"  ({i}) {d}")
    if not args.no_results:
        path = write_results(figures, args.results, args.label)
        print(f"→ {path}")
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
