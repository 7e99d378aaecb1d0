"""Curation: the log (atomic, append-only, survives a kill), applying it to tables, the CLI."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from fanboard.__main__ import main
from fanboard.curation import computed_keys
from fanboard.curation_apply import apply, finish_build
from fanboard.curation_store import CurationError, CurationStore
from fanboard.tables import read_tables
from writers import snapshot

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"
MATCH = "sa-2020-12-13-atalanta-fiorentina"


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Private copies: the tables (of the fixture), the curation log, the local KB."""
    tables = tmp_path / "tables"
    shutil.copytree(FIXTURE_TABLES, tables)
    for k, v in {"FANBOARD_TABLES": tables, "FANBOARD_CURATION": tmp_path / "curation",
                 "FANBOARD_KB_LOCAL": tmp_path / "kblocal", "FANBOARD_ARTICLES": tmp_path / "articles",
                 "FANBOARD_CACHE": tmp_path / "cache"}.items():
        monkeypatch.setenv(k, str(v))
    return tmp_path


# ----------------------------------------------------------------------------- the log

def test_actions_get_ids_and_undo_takes_one_back(tmp_path):
    store = CurationStore(tmp_path)
    a = store.append({"action": "reject", "table": "matches", "key": "m1", "who": "ann", "why": "no such match"})
    b = store.append({"action": "confirm", "table": "matches", "key": "m2", "who": "bob"})
    assert (a["id"], b["id"]) == ("c1", "c2")
    assert a["who"] == "ann" and a["why"] == "no such match" and a["at"]
    store.append({"action": "undo", "target": "c1", "who": "ann"})
    assert [x["id"] for x in store.live()] == ["c2"]
    store.append({"action": "undo", "target": "c3", "who": "ann"})      # undo the undo
    assert [x["id"] for x in store.live()] == ["c1", "c2"]
    lines = (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["c1", "c2", "c3", "c4"]


def test_a_broken_log_line_is_reported_not_skipped(tmp_path):
    (tmp_path / "log.jsonl").write_text('{"id": "c1", "action": "reject"}\n{not json\n', encoding="utf-8")
    with pytest.raises(CurationError, match="line 2 is not JSON"):
        CurationStore(tmp_path).actions()


KILLED_WRITER = """
import sys
from fanboard.curation_store import CurationStore
CurationStore(sys.argv[1]).append({"action": "confirm", "table": "matches", "key": "m9", "who": "x"})
"""


def test_a_kill_during_a_write_loses_nothing_and_leaves_no_half_log(tmp_path):
    store = CurationStore(tmp_path)
    store.append({"action": "reject", "table": "matches", "key": "m1", "who": "ann"})
    before = (tmp_path / "log.jsonl").read_bytes()
    env = dict(os.environ, FANBOARD_CURATION_PAUSE="60", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], env=env, cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr.readline().strip() == "paused before the rename"
        assert list(tmp_path.glob(".log.jsonl.*.tmp")), "the new log is written to a temporary file first"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert (tmp_path / "log.jsonl").read_bytes() == before
    assert [a["id"] for a in store.actions()] == ["c1"]
    store.append({"action": "confirm", "table": "matches", "key": "m2", "who": "bob"})
    assert not list(tmp_path.glob(".log.jsonl.*.tmp"))
    assert [a["key"] for a in store.actions()] == ["m1", "m2"]


# ----------------------------------------------------------------------------- applying

def fixture_tables() -> dict[str, pd.DataFrame]:
    return read_tables(FIXTURE_TABLES)


def act(i: int, action: str, **kw) -> dict:
    return {"id": f"c{i}", "action": action, **kw}


def test_apply_rejects_corrects_confirms_and_lists_orphans():
    tables = fixture_tables()
    status_key = computed_keys("player_status", tables["player_status"])[0]
    out, states = apply(tables, [
        act(1, "reject", table="matches", key="ucl-2020-12-09-ajax-atalanta"),
        act(2, "set", table="matches", key="ucl-2020-12-01-atalanta-fc-midtjylland", field="home_goals", value="2"),
        act(3, "confirm", table="player_status", key=status_key),
        act(4, "set", table="player_status", key=status_key, field="status", value="started"),
        act(5, "confirm", table="events", key="E99"),
    ])
    assert states == {"c1": "applied", "c2": "applied", "c3": "applied", "c4": "applied", "c5": "orphaned"}
    m = out["matches"].set_index("match_id")
    assert "ucl-2020-12-09-ajax-atalanta" not in m.index
    assert len(m) == len(tables["matches"]) - 1
    row = m.loc["ucl-2020-12-01-atalanta-fc-midtjylland"]
    assert (row["home_goals"], row["curated"]) == ("2", "c2 corrected home_goals (was 1) [ucl-2020-12-01-atalanta-fc-midtjylland]")
    assert (m.drop(columns="curated").drop(index="ucl-2020-12-01-atalanta-fc-midtjylland")
            == tables["matches"].set_index("match_id").drop(columns="curated")
            .drop(index=["ucl-2020-12-09-ajax-atalanta", "ucl-2020-12-01-atalanta-fc-midtjylland"])).all().all()
    s = out["player_status"].iloc[0]
    assert s["status"] == "started"
    assert s["curated"] == f"c3 confirmed; c4 corrected status (was substituted_off) [{status_key}]"
    assert out["events"].equals(tables["events"])


def test_merge_and_split_rows():
    tables = fixture_tables()
    out, states = apply(tables, [act(1, "merge", table="events", key="E1", other="E2")])
    ev = out["events"].set_index("event_id")
    assert states["c1"] == "applied" and "E2" not in ev.index and len(ev) == len(tables["events"]) - 1
    assert ev.loc["E1", "curated"] == "c1 merged with E2 [E1]"
    first = tables["matches"].iloc[0]
    sources = first["sources"].split(";")
    out, states = apply(tables, [act(2, "split", table="matches", key=first["match_id"], value=sources[1])])
    m = out["matches"].set_index("match_id")
    assert m.loc[first["match_id"], "sources"] == sources[0]
    assert m.loc[f"{first['match_id']}~c2", "sources"] == sources[1]
    assert len(m) == len(tables["matches"]) + 1


def test_finish_build_writes_the_curation_table(tmp_path):
    store = CurationStore(tmp_path)
    store.append({"action": "reject", "table": "matches", "key": MATCH, "who": "ann", "why": "wrong"})
    store.append({"action": "reject", "table": "goals", "key": "gl-0000000000", "who": "ann"})
    out = finish_build(fixture_tables(), store=store)
    assert out["curation"][["id", "action", "key", "why", "state"]].values.tolist() == [
        ["c1", "reject", MATCH, "wrong", "applied"], ["c2", "reject", "gl-0000000000", "", "orphaned"]]
    assert MATCH not in set(out["matches"]["match_id"])


# ----------------------------------------------------------------------------- the CLI

def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv, message", [
    (["curate", "reject", "matches", "no-such-match"], "the matches table has no row with key 'no-such-match'"),
    (["curate", "set", "matches", MATCH, "score", "2"], "the matches table has no field 'score'"),
    (["curate", "set", "matches", MATCH, "home_goals", "two"], "'two' is not a number of goals"),
    (["curate", "set", "matches", MATCH, "date", "13/12/2020"], "'13/12/2020' is not a date"),
    (["curate", "set", "matches", MATCH, "status", "abandoned"], "use one of played, postponed, scheduled"),
    (["curate", "set", "standings", "x", "points", "3"], "table 'standings' cannot be curated"),
    (["curate", "confirm", "events", "E99"], "the events table has no row with key 'E99'"),
    (["curate", "merge", "events", "E1", "E1"], "cannot be merged with itself"),
    (["curate", "split", "events", "E1", "--sources", "nope"], "nope is not one of them"),
    (["curate", "undo", "c7"], "there is no curation action 'c7'"),
])
def test_bad_input_gives_a_message_and_writes_nothing(env, capsys, argv, message):
    before = snapshot(env)
    code, out, err = run(capsys, *argv, "--no-build")
    assert code == 2
    assert message in err and "nothing was written" in err
    assert snapshot(env) == before


def test_each_command_records_and_list_shows_it(env, capsys):
    code, out, _ = run(capsys, "curate", "reject", "matches", "ucl-2020-12-09-ajax-atalanta", "--why", "never played",
                       "--no-build", "--who", "ann")
    assert code == 0 and "recorded c1: reject matches ucl-2020-12-09-ajax-atalanta — never played" in out
    assert run(capsys, "curate", "set", "matches", MATCH, "home_goals", "2", "--no-build")[0] == 0
    assert run(capsys, "curate", "confirm", "events", "E1", "--no-build")[0] == 0
    assert run(capsys, "curate", "merge", "events", "E1", "E2", "--no-build")[0] == 0
    code, out, _ = run(capsys, "curate", "undo", "c2", "--no-build")
    assert code == 0 and "recorded c5: undo c2" in out
    actions = [json.loads(line) for line in (env / "curation" / "log.jsonl").read_text().splitlines()]
    assert [(a["id"], a["action"], a.get("key", a.get("target"))) for a in actions] == [
        ("c1", "reject", "ucl-2020-12-09-ajax-atalanta"), ("c2", "set", MATCH), ("c3", "confirm", "E1"),
        ("c4", "merge", "E1"), ("c5", "undo", "c2")]
    assert actions[0]["who"] == "ann" and actions[1]["old"] == "3" and actions[1]["value"] == "2"
    code, out, _ = run(capsys, "curate", "list")
    lines = out.splitlines()
    assert len(lines) == 5 and lines[0].startswith("c1\t") and "never played [not built yet, or undone]" in lines[0]
    code, out, _ = run(capsys, "curate", "list", "--table", "events")
    assert code == 0 and out.splitlines()[0].startswith("E1\t")


def test_kb_add_person_checks_then_writes_the_overlay(env, capsys):
    code, _, err = run(capsys, "kb", "add-person", "Tom Testa", "--club", "No Such FC", "--role", "player", "--no-build")
    assert code == 2 and "no club 'No Such FC'" in err
    code, _, err = run(capsys, "kb", "add-person", "Tom Testa", "--club", "atalanta", "--role", "striker", "--no-build")
    assert code == 2 and "role 'striker' is not known" in err
    assert not (env / "kblocal" / "people.csv").exists()
    code, out, _ = run(capsys, "kb", "add-person", "Tom Testa", "--club", "atalanta", "--role", "player",
                       "--alias", "Testa", "--no-build")
    assert code == 0 and "added Tom Testa (player of atalanta, id tom-testa)" in out
    from fanboard.kb import KB
    kb = KB.load()
    assert kb.person("Testa").id == "tom-testa" and kb.person("tom testa").club == "atalanta"
    before = snapshot(env)
    code, _, err = run(capsys, "kb", "add-person", "Tim Testa", "--club", "atalanta", "--role", "player",
                       "--alias", "Testa", "--no-build")
    assert code == 2 and "alias 'Testa' is ambiguous" in err and "nothing was written" in err
    assert snapshot(env) == before
    code, out, _ = run(capsys, "kb", "add-alias", "person", "tom-testa", "T. Testa", "--no-build")
    assert code == 0 and KB.load().person("T. Testa").id == "tom-testa"
    assert run(capsys, "kb", "ignore", "Instagram")[0] == 0
    from fanboard.localkb import ignored_names
    assert ignored_names() == {"instagram"}
