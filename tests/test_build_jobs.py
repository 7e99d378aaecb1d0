"""`build --jobs N` spreads the map step (read, nlp, extract one article) over processes: the
tables must be exactly those of a build in one process, and the map step is a plain function
of (article, rules fingerprint) that another engine could call as it is."""
from __future__ import annotations

import subprocess
import sys

import pytest

from fanboard import pipeline
from fanboard.cache import ClaimCache, rules_fingerprint
from fanboard.ingest import read_articles
from fanboard.nlp import default_pipelines
from helpers import DATA, ROOT

DIRS = [ROOT / "seeds", DATA / "invented" / "articles", DATA / "invented2" / "articles"]


def csv_of(tables) -> dict[str, str]:
    return {name: df.to_csv(index=False) for name, df in tables.items()}


def test_jobs_gives_the_tables_of_one_process(tmp_path):
    one = pipeline.build(DIRS, None, cache_dir=None, write=False, jobs=1)
    many = pipeline.build(DIRS, None, cache_dir=None, write=False, jobs=2)
    assert many.parsed == one.parsed == len(one.tables["articles"]) > 2
    assert csv_of(many.tables) == csv_of(one.tables)


def test_the_map_step_is_a_function_of_article_and_fingerprint():
    articles, _ = read_articles(DIRS)
    fingerprint = rules_fingerprint()
    claims = {a.id: pipeline.extract_claims(a, fingerprint) for a in articles}
    built, parsed, failed = pipeline.extract_all(articles, default_pipelines(), ClaimCache(None))
    assert not failed and parsed == len(articles)
    assert claims == built
    with pytest.raises(RuntimeError, match="not the build's"):
        pipeline.extract_claims(articles[0], "0" * 16)


def test_cli_jobs(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "fanboard", "build", "--no-cache", *args],
                              cwd=ROOT, capture_output=True, text=True)
    bad = run("--jobs", "0", "--articles", str(DIRS[1]), "--out", str(tmp_path / "x"))
    assert bad.returncode == 2 and "--jobs must be at least 1" in bad.stderr
    assert not (tmp_path / "x").exists()
    for jobs in ("1", "2"):
        done = run("--jobs", jobs, "--articles", str(DIRS[1]), "--out", str(tmp_path / jobs))
        assert done.returncode == 0, done.stderr
    from fanboard.tables import read_tables
    assert csv_of(read_tables(tmp_path / "1")) == csv_of(read_tables(tmp_path / "2"))
