"""A rebuild after adding one article (the others' claims from the cache, the league tables kept
in the process) must give exactly the tables of a full build from nothing, on the seeds and both
invented sets: byte for byte, as written to disk."""
from __future__ import annotations

import shutil

from fanboard import pipeline
from helpers import DATA, ROOT

SETS = [ROOT / "seeds", DATA / "invented" / "articles", DATA / "invented2" / "articles"]


def files_of(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_add_one_article_then_rebuild_equals_a_full_build(tmp_path):
    from fanboard.ingest import article_files
    every = [p for d in SETS for p in article_files(d)]
    assert len(every) >= 5
    cache = tmp_path / "cache"
    for i, folder in enumerate(SETS):      # the same folders, so the article ids are the same
        shutil.copytree(folder, tmp_path / f"in{i}")
    dirs = [tmp_path / f"in{i}" for i in range(len(SETS))]
    last = article_files(dirs[-1])[-1]
    held_back = last.read_bytes()
    last.unlink()
    first = pipeline.build(dirs, tmp_path / "before", cache_dir=cache)
    assert first.parsed == len(every) - 1
    last.write_bytes(held_back)                                      # the add
    incremental = pipeline.build(dirs, tmp_path / "incremental", cache_dir=cache)
    assert incremental.parsed == 1                                   # only the new article parsed
    full = pipeline.build(dirs, tmp_path / "full", cache_dir=None, jobs=2)
    assert full.parsed == len(every)
    got, want = files_of(tmp_path / "incremental"), files_of(tmp_path / "full")
    assert set(got) == set(want) and len(want) >= 9
    for name in want:
        assert got[name] == want[name], name
    assert files_of(tmp_path / "before") != want                    # the add changed something
