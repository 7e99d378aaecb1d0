"""The claims a process read or wrote are reused from memory only while their entry file is unchanged."""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from fanboard import cache, pipeline
from fanboard.extract.article import Extractor
from fanboard.extract.claims import ArticleClaims
from fanboard.ingest import read_articles
from fanboard.nlp import default_pipelines

ROOT = Path(__file__).resolve().parents[1]
INVENTED = ROOT / "tests" / "data" / "invented" / "articles"


def test_an_entry_changed_on_disk_is_read_again(tmp_path):
    article = read_articles(INVENTED)[0][0]
    claims = Extractor(default_pipelines()).extract(article)
    folder = tmp_path / "cache"
    assert cache.ClaimCache(folder).put(article, claims)
    path = cache.ClaimCache(folder).path(article)
    assert cache.ClaimCache(folder).get(article) == claims

    # another process replaces the entry (a new file), then changes it in place
    for n, how in enumerate(("replaced", "rewritten")):
        other = dataclasses.replace(claims, warnings=claims.warnings + [f"{how} by another build"])
        data = json.dumps(cache.encode(other, ArticleClaims, article.text)).encode("utf-8")
        if how == "replaced":
            (tmp_path / "new").write_bytes(data)
            os.replace(tmp_path / "new", path)
        else:
            with open(path, "wb") as fh:
                fh.write(data)
        assert cache.ClaimCache(folder).get(article) == other, how
        assert cache.ClaimCache(folder).get(article).warnings[-1] == f"{how} by another build"

    path.write_bytes(b"not an entry")
    assert cache.ClaimCache(folder).get(article) is None       # a damaged entry is a miss, memory or not


def test_builds_in_one_process_give_the_tables_of_a_build_without_cache(tmp_path):
    reference = pipeline.build(INVENTED, None, cache_dir=None, write=False).tables
    folder = tmp_path / "cache"
    for round_ in range(3):         # parsed and stored; read from the files; from memory
        result = pipeline.build(INVENTED, None, cache_dir=folder, write=False)
        assert result.parsed == (len(reference["articles"]) if round_ == 0 else 0)
        assert set(result.tables) == set(reference)
        for name, table in reference.items():
            assert result.tables[name].equals(table), (round_, name)
    remembered = cache._MEMO[folder.absolute()]
    assert len(remembered) == len(reference["articles"])

    # a build of fewer articles keeps in memory only the claims it used
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    kept = sorted(INVENTED.glob("*.txt"))[:2]
    for p in kept:
        (fewer / p.name).write_bytes(p.read_bytes())
    (fewer / "articles.toml").write_bytes((INVENTED / "articles.toml").read_bytes())
    assert pipeline.build(fewer, None, cache_dir=folder, write=False).parsed == 0
    entries = cache.ClaimCache(folder)
    assert set(remembered) == {entries.path(a) for a in read_articles(fewer)[0]} and len(remembered) == 2
