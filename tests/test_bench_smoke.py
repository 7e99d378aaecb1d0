"""A small run of `python -m bench`, so the benchmark code cannot rot.

No timing is asserted: the figures depend on the machine. What is asserted is what a reader
of the benchmark relies on: the corpus is made of generated articles with knowledge-base
names, the printed table has the nine measurements with numbers in them, and the results file
records the commit.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import corpus
from bench.__main__ import main
from bench.dashboard import missing_requirements
from bench.report import Figure, write_results

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["extraction throughput", "incremental rebuild (+1 article)", "scaling", "dashboard cold start",
         "filter latency (Timeline, players)", "server peak RSS", "filter re-render (AppTest, Timeline)",
         "20 sessions at once (Timeline)", "server peak RSS (20 sessions)",
         "long article (1M characters)", "build --jobs speed-up", "sparse corpus throughput"]


def rows(printed: str) -> dict[str, list[str]]:
    """The table rows, by measurement name, as lists of cells."""
    out = {}
    for line in printed.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].isdigit():
            out[cells[1]] = cells
    return out


def test_corpus_recombines_seed_sentences_with_other_kb_names(tmp_path):
    paths = corpus.generate(4, tmp_path / "a", seed=7)
    again = corpus.generate(4, tmp_path / "b", seed=7)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert texts == [p.read_text(encoding="utf-8") for p in again]          # deterministic
    assert all(t.splitlines()[0].endswith(corpus.GENERATED_MARK) for t in texts)
    sidecar = (tmp_path / "a" / "articles.toml").read_text(encoding="utf-8")
    assert sidecar.count('language = "') == 4
    swapper = corpus.NameSwapper()
    # every article names people or clubs of the knowledge base (so the rules have work to do) ...
    assert all(len(swapper.pattern.findall(t)) >= 3 for t in texts)
    # ... and not only the ones of the source articles
    named = {swapper.forms[m][1] for t in texts for m in swapper.pattern.findall(t)}
    assert len(named - {"atalanta", "gian-piero-gasperini", "alejandro-gomez", "josip-ilicic"}) >= 8


def test_bench_prints_every_figure_and_writes_results(tmp_path, capsys):
    results = tmp_path / "results.md"
    assert main(["--articles", "6", "--sizes", "3", "--no-browser", "--no-warm-up", "--results", str(results),
                 "--long-chars", "3000", "--jobs-articles", "4", "--sparse-articles", "2",
                 "--corpus", str(tmp_path / "corpus"), "--label", "smoke"]) == 0
    printed = capsys.readouterr().out
    table = rows(printed)
    assert list(table) == NAMES

    throughput = table["extraction throughput"]
    assert re.fullmatch(r"[\d,]+ words/s \(6 articles, [\d,]+ words in [\d.]+ s\)", throughput[2])
    assert re.fullmatch(r"bare tokenizer [\d,]+ words/s \([\d.]+ s\)", throughput[3])
    assert re.fullmatch(r"\d+\.\d×", throughput[4])
    assert re.search(r"tables: 6 articles, [1-9]\d* matches", printed)   # the rules fired

    incremental = table["incremental rebuild (+1 article)"]
    assert re.fullmatch(r"[\d.]+ s \(1 article parsed\), [+-][\d.]+ s over that article alone", incremental[2])
    assert re.fullmatch(r"that article alone [\d.]+ s; full build [\d.]+ s", incremental[3])
    assert re.fullmatch(r"\d+\.\d\d× of full", incremental[4])

    scaling = table["scaling"]
    assert re.fullmatch(r"3: [\d.]+ s, 6: [\d.]+ s", scaling[2])
    assert re.fullmatch(r"exponent -?\d+\.\d\d", scaling[4])

    for name in NAMES[3:6]:
        assert table[name][2] == "not measured" and table[name][6] == "n/a"

    long = table["long article (1M characters)"]
    assert re.fullmatch(r"[\d.]+ s \([\d,]+ characters, [\d,]+ words; [\d.]+ µs/word\)", long[2])
    assert re.fullmatch(r"\d+\.\d\d×", long[4])
    jobs = table["build --jobs speed-up"]
    assert re.fullmatch(r"jobs=\d+: [\d.]+ s", jobs[2]) and re.fullmatch(r"jobs=1: [\d.]+ s", jobs[3])
    sparse = table["sparse corpus throughput"]
    assert re.fullmatch(r"[\d,]+ words/s \(2 articles, [\d,]+ words in [\d.]+ s\)", sparse[2])

    text = results.read_text(encoding="utf-8")
    assert re.search(r"### \d{4}-\d\d-\d\d \d\d:\d\d · commit [0-9a-f]{7,}(\+dirty)? · smoke", text)
    assert re.search(r"\| 1 +\| extraction throughput", text) and "words/s" in text


def test_results_keep_earlier_runs_below_the_newest(tmp_path):
    path = tmp_path / "results.md"
    write_results([Figure("scaling", "250: 1.00 s", ratio="exponent 1.00", met=True)], path, label="before")
    write_results([Figure("scaling", "250: 0.50 s", ratio="exponent 1.00", met=True)], path, label="after")
    text = path.read_text(encoding="utf-8")
    assert text.count("# Benchmark results") == 1
    assert text.index("· after") < text.index("250: 0.50 s") < text.index("· before") < text.index("250: 1.00 s")


@pytest.mark.browser
@pytest.mark.skipif(bool(missing_requirements()), reason=missing_requirements() or "ok")
def test_dashboard_measurements_run(tmp_path):
    # In its own process: the browser tests of this session keep Playwright's sync API busy here.
    import json
    import subprocess
    import sys
    from types import SimpleNamespace
    code = (
        "import json, sys, dataclasses; from pathlib import Path; from bench import dashboard; "
        "r = dashboard.run(Path(sys.argv[1]), repeats=1, changes=2, tables=Path(sys.argv[2])); "
        "print(json.dumps(dataclasses.asdict(r)))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(ROOT / "tests" / "fixtures" / "tables")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    res = SimpleNamespace(**json.loads(proc.stdout.strip().splitlines()[-1]))
    assert len(res.cold_starts) == 1 and len(res.hello_starts) == 1
    assert res.cold_starts[0] > 0 and res.hello_starts[0] > 0
    assert res.overview_charts >= 1
    assert len(res.filter_ms) == 2 and all(ms > 0 for ms in res.filter_ms)
    assert res.peak_rss_mb > 50 and res.hello_rss_mb > 50
