"""fanboard benchmarks: `make bench` (= `python -m bench`) prints nine figures and adds them
to bench/results.md with the commit they were measured on.

Absolute times on a shared machine are noise, so each figure that can have one is measured
against a reference run in the same process, on the same machine, at the same time.

1. Extraction throughput. A generated corpus (bench/corpus.py: 2,000 articles, ~1M words,
   en/nl/it, sentences of the seeds and invented test articles recombined with other
   knowledge-base names) is built with `pipeline.build(..., cache_dir=None)` into a temporary
   folder: ingest, nlp, extract, reconcile, write. Reference: `spacy.blank(lang)` +
   sentencizer over the same texts. Words are whitespace-separated chunks. A seeds build
   first loads spaCy, the pipelines and the stop-word lists; that one-time cost is reported
   apart. Targets: ≥ 200,000 words/s and ≤ 6× the reference's time.
2. Incremental rebuild. The same corpus is built the way a user builds
   (`fanboard.building.ensure_built`, as `python -m fanboard build` and the app's Add page do),
   leaving its claim cache, reconcile state and tables; one new generated article is added in
   a second folder, and the build runs again in the same process (the app's case). Reference:
   that article built alone (cache off), the same way. Target: < 1 s more than the article
   alone; also printed as a ratio to the full build of (1), with CPU time per phase, and the
   same from the command line (a new process, which reads the claim cache from disk).
3. Scaling. Builds of the first 250, 500 and 1,000 articles (and the 2,000 of (1)). The growth
   exponent (log time / log articles between the smallest and the largest build) should
   stay near 1; it is also printed per phase, so a quadratic phase shows itself.
4. Dashboard cold start (bench/dashboard.py, Playwright + /usr/bin/chromium): from
   `streamlit run app.py --server.headless true --server.port <free>` to the Overview
   rendered (script idle, every chart drawn), with tables built beforehand and named by
   FANBOARD_TABLES. Reference: bench/hello_app.py (one Altair chart) started the same way.
   Median of 3 starts each. Target: ≤ 1.5×.
5. Filter latency: 20 player-filter changes on the Timeline page (add a player, remove it),
   from the key press to the script idle with the chart redrawn. Median. Target: < 250 ms.
6. Memory: peak RSS (VmHWM) of the server that served (4) and (5). Target: < 400 MB.
7. Filter re-render on a big build (bench/latency.py): the app and its Timeline page run
   through Streamlit's AppTest on the 2,000-article build of (1); the People filter is changed
   20 times (a new player, then back to everyone); median time of the rerun, with its CPU
   time (less sensitive to a loaded machine). Target: < 250 ms.
8. Twenty people at once (bench/sessions.py): 20 headless Chromium sessions open the
   Timeline of a server on that build at the same moment and each adds 3 players (each session
   its own) to the People filter. Medians of the first load and of a filter change; errors
   (a step not rendered in time, an exception on the page). Target: median render < 3 s, 0 errors.
   Reference: the same test against bench/hello_app.py (`--app hello`: one chart and a People
   list of the same names), what Streamlit and 20 Chromiums cost on the machine without fanboard.
9. Memory: peak RSS of the server of (8). Target: < 400 MB.
10-12. The build (bench/build_figures.py): one article of 1,000,000 characters (per-word time
   ≤ 2× that of (1): linear), the `--jobs` speed-up (jobs=1 against jobs=cores, cache off),
   and a second corpus shape, long articles in which most sentences carry no claim, against
   bare spacy.blank + sentencizer (≤ 10×).

`python -m bench --help` lists the options (smaller corpus, no browser, another results
file); `python -m bench.profile` shows where a build spends its time; `python -m bench.corpus`
only writes the corpus. tests/test_bench_smoke.py runs a tiny version without timing anything.
"""
