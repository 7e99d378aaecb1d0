"""Every writer builds under one lock, into a new generation switched atomically, and finishes
an interrupted add when it starts (issue 11, items 3 and 7).

Through the CLI (in a subprocess where it must be paused or killed) and the app (AppTest).
"""
from __future__ import annotations

import tomllib

import pytest

from fanboard.__main__ import main
from fanboard.ingest import article_files, read_articles
from fanboard.tables import GENERATIONS, read_tables

from writers import (
    NEW_ARTICLE, ROOT, DataDir, article_ids, cli, data_dir, finish, kill, open_app, shown,
    snapshot, table_bytes, wait_for_pause,
)

SEED_IDS = {"000_981ffb45979d0495", "001_6400d61ffa6bd79a"}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")     # shared: only the first build parses the seeds


@pytest.fixture
def data(tmp_path, cache, monkeypatch) -> DataDir:
    monkeypatch.delenv("FANBOARD_BUILD_PAUSE", raising=False)
    monkeypatch.delenv("FANBOARD_STORE_PAUSE", raising=False)
    return data_dir(tmp_path, cache, monkeypatch)


def stored_ids(data: DataDir) -> set[str]:
    return {p.stem for p in article_files(data.articles)}     # not the hidden pending files


def generations(data: DataDir) -> list[str]:
    return sorted(p.name for p in (data.tables / GENERATIONS).iterdir() if p.name != "current")


# ----------------------------------------------------------------------------- one unit

def test_tables_stay_readable_as_files_and_only_two_generations_are_kept(data, capsys):
    for _ in range(3):
        assert main(["build"]) == 0
    assert "2 articles, 4 matches" in capsys.readouterr().out
    assert article_ids(data.tables) == SEED_IDS            # <tables>/articles.csv, read directly
    assert len(generations(data)) == 2                      # the current one and the one before
    assert {n: df.to_csv(index=False, lineterminator="\n").encode() for n, df in read_tables(data.tables).items()} \
        == table_bytes(data.tables)


@pytest.mark.parametrize("stage,outcome", [("writing", "old"), ("written", "old"), ("switched", "new")])
def test_a_build_killed_midway_leaves_the_old_or_the_new_tables_whole(data, capsys, stage, outcome):
    assert main(["build"]) == 0
    old = table_bytes(data.tables)
    assert main(["add", str(data.inbox("new.txt", NEW_ARTICLE)), "--no-build"]) == 0
    [new_id] = stored_ids(data)
    proc = cli("build", env=data.environ, pause=f"{stage}:120")
    try:
        wait_for_pause(proc, stage)
    finally:
        kill(proc)
    after = table_bytes(data.tables)
    read_tables(data.tables)                                # the app's reader finds them whole (no DamagedTable)
    if outcome == "old":
        assert after == old
    else:
        assert after != old and article_ids(data.tables) == SEED_IDS | {new_id}
    # the next build finishes the job and cleans up what the killed one left
    capsys.readouterr()
    assert main(["build"]) == 0
    assert article_ids(data.tables) == SEED_IDS | {new_id}
    if outcome == "new":
        assert table_bytes(data.tables) == after            # the killed build's generation was complete
    assert len(generations(data)) == 2


# ----------------------------------------------------------------------------- one lock

def test_an_article_added_while_a_build_runs_is_in_the_tables_when_both_are_done(data):
    assert main(["build"]) == 0
    go = data.root / "go"
    build = cli("build", "--no-cache", env=data.environ, pause=f"built:{go}")
    add = None
    try:
        wait_for_pause(build, "built")                      # the build has read the articles
        add = cli("add", str(data.inbox("new.txt", NEW_ARTICLE)), "--source", "Invented Gazette", env=data.environ)
        for line in add.stdout:                             # stored; now its rebuild
            if line.startswith("stored: new.txt"):
                break
        for line in add.stderr:                             # waits for the build (an unlocked one would not)
            if line.startswith("waiting for another build of"):
                break
        go.touch()
        code, out, err = finish(build)
        assert code == 0, err
        code, out, err = finish(add)
        assert code == 0, err
        assert "rebuilt the tables" in out
    finally:
        go.touch()
        for proc in (build, add):
            if proc is not None and proc.poll() is None:
                kill(proc)
    [new_id] = stored_ids(data)
    assert article_ids(data.tables) == SEED_IDS | {new_id}


def test_the_app_rebuilds_tables_that_a_build_wrote_without_an_article_added_meanwhile(data, monkeypatch):
    assert main(["build"]) == 0
    go = data.root / "go"
    build = cli("build", env=data.environ, pause=f"built:{go}")
    try:
        wait_for_pause(build, "built")
        assert main(["add", str(data.inbox("new.txt", NEW_ARTICLE)), "--source", "Invented Gazette", "--no-build"]) == 0
        go.touch()
        code, _, err = finish(build)
        assert code == 0, err
    finally:
        go.touch()
        if build.poll() is None:
            kill(build)
    [new_id] = stored_ids(data)
    assert article_ids(data.tables) == SEED_IDS            # the build finished after the add, without it
    at = open_app(monkeypatch, data, "sources")
    assert article_ids(data.tables) == SEED_IDS | {new_id}
    assert "Invented test article: Atalanta win at Sassuolo" in shown(at)
    assert not at.main.error


def test_the_app_shows_tables_built_from_other_folders_as_they_are(data, capsys, monkeypatch):
    invented = ROOT / "tests" / "data" / "invented" / "articles"
    assert main(["build", "--articles", str(invented), "--out", str(data.tables)]) == 0
    before = snapshot(data.root)
    at = open_app(monkeypatch, data, "sources")         # FANBOARD_TABLES names them: not rebuilt from seeds/
    assert not at.main.error
    assert article_ids(data.tables) == {p.stem for p in article_files(invented)}
    assert snapshot(data.root) == before


# ----------------------------------------------------------------------------- an add killed after its commit

def kill_an_add_after_its_commit(data: DataDir) -> str:
    """`add` killed between the metadata commit and the rename: returns the article's id."""
    proc = cli("add", str(data.inbox("new.txt", NEW_ARTICLE)), "--source", "Killed Times", "--no-build",
               env=data.environ, store_pause="committed:120")
    try:
        wait_for_pause(proc, "committed")
    finally:
        kill(proc)
    assert stored_ids(data) == set() and list(data.articles.glob(".pending-*"))
    [new_id] = tomllib.loads((data.articles / "articles.toml").read_text(encoding="utf-8"))
    return new_id


@pytest.mark.parametrize("writer", ["build", "add", "app"])
def test_the_next_writer_finishes_an_add_killed_after_its_commit_and_rebuilds(data, capsys, monkeypatch, writer):
    assert main(["build"]) == 0
    new_id = kill_an_add_after_its_commit(data)
    assert article_ids(data.tables) == SEED_IDS
    capsys.readouterr()
    if writer == "build":
        assert main(["build"]) == 0
        assert f"recovered: finished the interrupted add of {new_id}" in capsys.readouterr().err
    elif writer == "add":       # the same file again: a duplicate now, and still the tables are rebuilt
        assert main(["add", str(data.inbox("new.txt", NEW_ARTICLE))]) == 0
        out, err = capsys.readouterr()
        assert f"recovered: finished the interrupted add of {new_id}" in err
        assert f"duplicate: new.txt: this text is already stored (as {new_id})" in out
        assert "rebuilt the tables" in out
    else:
        at = open_app(monkeypatch, data, "sources")
        assert "Invented test article: Atalanta win at Sassuolo" in shown(at)
    assert stored_ids(data) == {new_id} and not list(data.articles.glob(".pending-*"))
    assert article_ids(data.tables) == SEED_IDS | {new_id}
    [article] = [a for a in read_articles(data.articles)[0] if a.id == new_id]
    assert article.source == "Killed Times"
    rows = read_tables(data.tables)["articles"]
    assert rows.loc[rows["article_id"] == new_id, "source"].tolist() == ["Killed Times"]
