"""A build that reuses the reconcile state (fanboard.resolve.state, kept in the cache folder)
after an article is added, removed or changed gives exactly the tables of a build from scratch,
on the seeds and the three invented sets; a damaged or foreign state is ignored."""
from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

from fanboard import pipeline
from fanboard.resolve import state
from helpers import DATA, ROOT

SETS = [ROOT / "seeds", DATA / "invented" / "articles", DATA / "invented2" / "articles",
        DATA / "invented_clubs" / "articles"]


@pytest.fixture(scope="module")
def pipelines():
    from fanboard.nlp import default_pipelines
    return default_pipelines()


def copies(tmp_path) -> list:
    dirs = []
    for i, folder in enumerate(SETS):      # the same folder names, so the article ids stay the same
        shutil.copytree(folder, tmp_path / f"in{i}")
        dirs.append(tmp_path / f"in{i}")
    return dirs


def tables(dirs, pipelines, cache) -> dict[str, pd.DataFrame]:
    return pipeline.build(dirs, None, cache_dir=cache, pipelines=pipelines, write=False).tables


def assert_same(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(want)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


def stored(cache) -> dict:
    return json.loads((cache / "reconcile" / state.FILE).read_text(encoding="utf-8"))


def _drop_first_published(toml) -> None:
    text = toml.read_text(encoding="utf-8")
    toml.write_text(re.sub(r'(?m)^published = "[^"]*"\n', "", text, count=1), encoding="utf-8")


def _cut_in_half(path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: max(1, len(lines) // 2)]), encoding="utf-8")


@pytest.mark.parametrize("edit", ["add", "remove", "change text", "change date"])
def test_a_rebuild_with_the_state_equals_a_build_from_scratch(tmp_path, pipelines, edit):
    dirs = copies(tmp_path)
    undated = dirs[1] / "en_holes.txt"            # no published date: its window is inferred
    held_back = undated.read_bytes()
    if edit == "add":
        undated.unlink()
    cache = tmp_path / "cache"
    before = tables(dirs, pipelines, cache)
    entries = stored(cache)["articles"]
    assert len(entries) == len(before["articles"]) and all(len(e["rounds"]) == 4 for e in entries.values())
    if edit == "add":
        undated.write_bytes(held_back)
    elif edit == "remove":
        undated.unlink()
    elif edit == "change text":
        _cut_in_half(dirs[2] / "nl_kort.txt")     # undated too
    else:
        _drop_first_published(dirs[1] / "articles.toml")
    incremental = tables(dirs, pipelines, cache)
    full = tables(dirs, pipelines, None)
    assert_same(incremental, full)
    assert not before["articles"].equals(full["articles"])      # the edit changed the tables
    assert set(stored(cache)["articles"]) == set(full["articles"]["article_id"])


def test_the_state_is_what_the_rebuild_reads(tmp_path, pipelines):
    """An entry whose digest still fits is taken as it is (so the tests above compare the
    reused state, not a recomputation)."""
    dirs = copies(tmp_path)
    cache = tmp_path / "cache"
    first = tables(dirs, pipelines, cache)
    data = stored(cache)
    aid = "en_holes"
    for r in data["articles"][aid]["rounds"]:
        r[3] = ["kept from the last build"]
    (cache / "reconcile" / state.FILE).write_text(json.dumps(data), encoding="utf-8")
    again = tables(dirs, pipelines, cache)
    row = again["articles"].set_index("article_id").loc[aid]
    assert row["published_evidence"] == "kept from the last build"
    assert first["articles"].set_index("article_id").loc[aid]["published_evidence"] != row["published_evidence"]


def _garbage(path) -> None:
    path.write_bytes(b"\x00\x01 not json")


def _foreign(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["code"] = "another version"
    path.write_text(json.dumps(data), encoding="utf-8")


def _bad_shapes(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = list(data["articles"].values())
    entries[0]["rounds"] = "four rounds"
    entries[1]["rounds"][0][1] = "yesterday"
    for e in entries[2:]:
        for r in e["rounds"]:
            r[4] = [["some#m1", "no such fixture", "window", 0]]
    path.write_text(json.dumps(data), encoding="utf-8")


def _half_written(path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_garbage, _foreign, _bad_shapes, _half_written])
def test_a_damaged_or_foreign_state_is_ignored(tmp_path, pipelines, damage):
    dirs = copies(tmp_path)
    cache = tmp_path / "cache"
    tables(dirs, pipelines, cache)
    damage(cache / "reconcile" / state.FILE)
    got = tables(dirs, pipelines, cache)
    assert_same(got, tables(dirs, pipelines, None))
    data = stored(cache)                                         # rewritten whole
    assert data["format"] == state.FORMAT and set(data["articles"]) == set(got["articles"]["article_id"])
    assert not list((cache / "reconcile").glob(".*.tmp"))


def test_a_state_folder_that_cannot_be_written_costs_nothing_but_time(tmp_path, pipelines):
    dirs = copies(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "reconcile").write_text("a file where the state folder should be", encoding="utf-8")
    assert_same(tables(dirs, pipelines, cache), tables(dirs, pipelines, None))


# ----------------------------------------------------------------------------- the app's builds

def generation_files(tables_dir) -> dict[str, bytes]:
    """Every table of the current generation, as written (the manifest aside: it records when)."""
    from fanboard.tables import current_generation
    gen = current_generation(tables_dir)
    return {p.name: p.read_bytes() for p in sorted(gen.iterdir()) if p.suffix == ".csv"}


def app_build(dirs, tables_dir, cache, pipelines):
    from fanboard.building import ensure_built
    return ensure_built(dirs, tables_dir, cache, force=True, pipelines=pipelines).result


def test_rebuilds_the_way_the_app_builds_equal_full_builds_after_each_edit(tmp_path, pipelines):
    """One tables folder and one cache, as a user has them: add an article, change one's text,
    change one's date, remove one, rebuilding after each as the app and the CLI do
    (building.ensure_built); after each, every table as written equals that of a full build
    without cache or state, and the last one also that of a fresh process (`python -m fanboard
    build --no-cache`), so nothing kept in this process makes them agree."""
    import subprocess
    import sys
    dirs = copies(tmp_path)
    added = dirs[1] / "en_holes.txt"                # undated: its window is inferred
    held_back = added.read_bytes()
    added.unlink()
    tables_dir, cache = tmp_path / "tables", tmp_path / "cache"
    first = app_build(dirs, tables_dir, cache, pipelines)
    seen = [generation_files(tables_dir)]
    edits = {
        "add": lambda: added.write_bytes(held_back),
        "change text": lambda: _cut_in_half(dirs[2] / "nl_kort.txt"),
        "change date": lambda: _drop_first_published(dirs[1] / "articles.toml"),
        "remove": lambda: next(p for p in sorted(dirs[0].glob("*.txt"))).unlink(),
    }
    for i, (name, edit) in enumerate(edits.items()):
        edit()
        result = app_build(dirs, tables_dir, cache, pipelines)
        assert result.parsed == (0 if name in ("change date", "remove") else 1), name
        got = generation_files(tables_dir)
        full = app_build(dirs, tmp_path / f"full{i}", None, pipelines)
        assert full.parsed == len(full.tables["articles"]), name
        want = generation_files(tmp_path / f"full{i}")
        assert set(got) == set(want) and len(want) == 11, name
        for table in want:
            assert got[table] == want[table], f"{name}: {table}"
        assert got != seen[-1], name                # the edit changed the tables
        seen.append(got)
    assert len(first.tables["articles"]) == len(full.tables["articles"])    # one added, one removed
    fresh = tmp_path / "fresh"
    args = [sys.executable, "-m", "fanboard", "build", "--no-cache", "--jobs", "1", "--out", str(fresh)]
    for d in dirs:
        args += ["--articles", str(d)]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert generation_files(fresh) == seen[-1]
