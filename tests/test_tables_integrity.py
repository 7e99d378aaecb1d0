"""A damaged table file is noticed and rebuilt, or explained when it cannot be; failures reach
visitors as plain messages without tracebacks or server paths (issue 11, items 5 and 6)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib

import pytest

from fanboard.__main__ import main
from fanboard.schema import TABLES
from fanboard.tables import DamagedTable, read_tables

from writers import data_dir, ROOT, DataDir, errors, open_app, shown, snapshot, table_bytes

FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"
GARBAGE = bytes(range(256)) * 4
DAMAGE = {
    "garbage bytes": GARBAGE,
    "empty": b"",
    "wrong columns": b"when,who\n2020-12-13,someone\n",
}
PROBLEM = {
    "garbage bytes": "it is not UTF-8 text",
    "empty": "the file is empty",
    "wrong columns": f"its columns are when, who, not the {len(TABLES['matches'])} columns of the schema",
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def data(tmp_path, cache, monkeypatch) -> DataDir:
    return data_dir(tmp_path, cache, monkeypatch)


def built(data: DataDir, capsys) -> dict[str, bytes]:
    assert main(["build"]) == 0
    capsys.readouterr()
    return table_bytes(data.tables)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_table_is_rebuilt_when_the_app_starts(data, capsys, monkeypatch, damage):
    good = built(data, capsys)
    (data.tables / "matches.csv").write_bytes(DAMAGE[damage])     # written in place, as an editor saves
    with pytest.raises(DamagedTable, match="matches.csv: " + PROBLEM[damage]):
        read_tables(data.tables)
    at = open_app(monkeypatch, data, "matches")
    assert not at.main.error
    assert "Fiorentina" in shown(at)
    assert table_bytes(data.tables) == good


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_hand_made_table_is_rebuilt_too(data, capsys, monkeypatch, damage):
    shutil.copytree(FIXTURE_TABLES, data.tables, ignore=shutil.ignore_patterns("*.py"))
    (data.tables / "matches.csv").write_bytes(DAMAGE[damage])
    with pytest.raises(DamagedTable, match="matches.csv: "):
        read_tables(data.tables)
    at = open_app(monkeypatch, data, "matches")
    assert not at.main.error
    assert "Fiorentina" in shown(at)
    assert table_bytes(data.tables) == built(data, capsys)         # what a build of the seeds gives


def test_a_table_replaced_by_another_file_is_rebuilt(data, capsys, monkeypatch):
    good = built(data, capsys)
    target = data.tables / "articles.csv"
    target.unlink()
    target.write_bytes(GARBAGE)
    at = open_app(monkeypatch, data, "sources")
    assert not at.main.error
    assert table_bytes(data.tables) == good


def test_a_damaged_table_that_cannot_be_rebuilt_is_explained(data, capsys, monkeypatch):
    built(data, capsys)
    data.articles.mkdir(parents=True)
    (data.articles / "articles.toml").write_text('["x"]\nsource = "Invented\n', encoding="utf-8")
    (data.tables / "matches.csv").write_bytes(b"")
    before = snapshot(data.root)
    at = open_app(monkeypatch, data)
    assert errors(at) == [
        "The tables cannot be shown: the matches table is damaged (the file is empty). "
        "The tables could not be rebuilt, because an article metadata file is broken: articles.toml in the "
        "folder 'articles', line 2, column 19: is not valid TOML: Illegal character '\\n'. "
        "Fix that file and reload the page."
    ]
    assert str(data.root) not in shown(at) and "Traceback" not in shown(at)
    assert not at.main.dataframe and not at.sidebar.multiselect    # nothing drawn from broken tables
    assert snapshot(data.root) == before


def test_an_unexpected_build_failure_is_a_plain_message_without_paths(data, monkeypatch):
    import fanboard.building

    def broken(*args, **kwargs):
        raise RuntimeError(f"disk on fire at {data.root}/secret/place.py")

    monkeypatch.setattr(fanboard.building, "ensure_built", broken)
    at = open_app(monkeypatch, data)
    assert errors(at) == [
        "There are no tables to show yet. The tables could not be rebuilt because of an unexpected error; "
        "the details are in the server's log. Rebuild them with `python -m fanboard build` to see them."
    ]
    assert "secret" not in shown(at) and str(data.root) not in shown(at)


def test_streamlit_shows_visitors_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    proc = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '\nshowErrorDetails = "none"\n' in proc.stdout          # Streamlit reads it from the project


def test_tables_built_by_other_rules_are_rebuilt_when_the_app_starts(data, capsys, monkeypatch):
    """After an upgrade whose extraction rules differ, the tables on disk are not what the new
    rules make of the articles: the app rebuilds them at its start, as when an article changed."""
    import fanboard.rulesprint as rulesprint
    from fanboard.building import needs_build
    from fanboard.store import Locations
    from fanboard.tables import read_manifest, table_paths

    good = built(data, capsys)
    dirs = Locations.from_env().article_dirs
    assert needs_build(data.tables, dirs) is None
    before = read_manifest(table_paths(data.tables)[0])["inputs"]["rules"]

    monkeypatch.setattr(rulesprint, "PIPELINE_VERSION", "a later version")
    assert needs_build(data.tables, dirs) == "the extraction rules changed since the tables were built"
    at = open_app(monkeypatch, data, "matches")
    assert not at.main.error and "Fiorentina" in shown(at)
    after = read_manifest(table_paths(data.tables)[0])["inputs"]["rules"]
    assert after != before and after == rulesprint.current_rules()
    assert needs_build(data.tables, dirs) is None
    assert table_bytes(data.tables) == good      # these rules make the same tables
