"""A rebuild writes only the tables that changed: a table equal to the one of the current
generation (the last this process wrote) is hard-linked into the new generation, after its file
is checked against the manifest; anything in doubt is written anew. What a reader gets is the
same either way."""
from __future__ import annotations

import pandas as pd

from fanboard import tables as tables_mod
from fanboard.schema import TABLES
from fanboard.tables import current_generation, frame, read_manifest, read_tables, write_generation


def some_tables(goal_minute: str) -> dict[str, pd.DataFrame]:
    out = {name: frame(name) for name in TABLES}
    out["goals"] = frame("goals", [{"match_id": "2021-01-06-a-b", "scorer": "Some Player", "minute": goal_minute}])
    out["standings"] = frame("standings", [{"as_of": "2021-01-06", "team": "League A", "position": "1"}])
    return out


def inode(gen, name) -> int:
    return (gen / f"{name}.csv").stat().st_ino


def test_only_the_changed_tables_are_written_again(tmp_path):
    first = write_generation(some_tables("12"), tmp_path)
    second = write_generation(some_tables("34"), tmp_path)          # only the goals changed
    assert current_generation(tmp_path) == second != first
    assert inode(second, "standings") == inode(first, "standings")   # linked, not written
    assert inode(second, "goals") != inode(first, "goals")
    got = read_tables(tmp_path)
    for name, df in some_tables("34").items():
        pd.testing.assert_frame_equal(got[name], df, obj=name)
    assert read_manifest(second)["tables"] == {
        name: read_manifest(first)["tables"][name] for name in TABLES if name != "goals"} | {
        "goals": read_manifest(second)["tables"]["goals"]}


def test_a_table_in_doubt_is_written_anew(tmp_path):
    first = write_generation(some_tables("12"), tmp_path)
    path = first / "standings.csv"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"League", b"Leaguf"))              # changed in place: same size
    second = write_generation(some_tables("12"), tmp_path)
    assert inode(second, "standings") != inode(first, "standings")
    assert inode(second, "goals") == inode(first, "goals")
    assert (second / "standings.csv").read_bytes() == data
    pd.testing.assert_frame_equal(read_tables(tmp_path)["standings"], some_tables("12")["standings"])
    # tables another process wrote (this one does not know them): every table written
    tables_mod._LAST_WRITTEN.clear()
    third = write_generation(some_tables("12"), tmp_path)
    assert all(inode(third, name) != inode(second, name) for name in TABLES)


def test_a_frame_changed_after_it_was_written_is_not_taken_for_the_written_one(tmp_path):
    mine = some_tables("12")
    first = write_generation(mine, tmp_path)
    mine["standings"].loc[0, "team"] = "B"                          # the caller changes its frame
    second = write_generation(mine, tmp_path)
    assert inode(second, "standings") != inode(first, "standings")
    assert read_tables(tmp_path)["standings"].loc[0, "team"] == "B"


def test_a_table_is_written_as_pandas_writes_it(tmp_path):
    # the Arrow join must give pandas' bytes for every kind of cell: commas, quotes and newlines
    # are quoted (quotes doubled), a carriage return or a frame that is not Arrow text goes to pandas
    cells = ["plain", "", "a, b", 'he said "no"', "line\nbreak", '"quoted", and\nall', "café ü 東京", " spaced "]
    rows = [{"match_id": c, "scorer": cells[(i + 3) % len(cells)], "minute": str(i)} for i, c in enumerate(cells)]
    rows.append({})                                                   # a row of empty cells
    goals = frame("goals", rows)
    expected = goals.to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert tables_mod._arrow_csv_bytes(goals) is not None             # the fast path is taken
    assert tables_mod.csv_bytes(goals) == expected
    assert expected.decode("utf-8") == (
        "match_id,date,scorer,team,minute,penalty,own_goal,certainty,sources,quote,curated\n"
        'plain,,"he said ""no""",,0,,,,,,\n'
        ',,"line\nbreak",,1,,,,,,\n'
        '"a, b",,"""quoted"", and\nall",,2,,,,,,\n'
        '"he said ""no""",,café ü 東京,,3,,,,,,\n'
        '"line\nbreak",, spaced ,,4,,,,,,\n'
        '"""quoted"", and\nall",,plain,,5,,,,,,\n'
        "café ü 東京,,,,6,,,,,,\n"
        ' spaced ,,"a, b",,7,,,,,,\n'
        ",,,,,,,,,,\n")
    with_cr = frame("goals", rows + [{"match_id": "carriage\rreturn"}])
    assert tables_mod._arrow_csv_bytes(with_cr) is None
    assert tables_mod.csv_bytes(with_cr) == with_cr.to_csv(index=False, lineterminator="\n").encode("utf-8")
    as_objects = goals.astype(object)
    assert tables_mod._arrow_csv_bytes(as_objects) is None
    assert tables_mod.csv_bytes(as_objects) == expected
    assert tables_mod.csv_bytes(frame("goals")) == (",".join(TABLES["goals"]) + "\n").encode("utf-8")
    write_generation({"goals": goals}, tmp_path)
    assert (current_generation(tmp_path) / "goals.csv").read_bytes() == expected
    assert read_tables(tmp_path)["goals"].equals(goals)
