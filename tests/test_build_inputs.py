"""What a build records about its inputs (building.inputs_of): a rebuild hashes only the files
that are new or whose size or mtime changed, and takes the others' hashes from the last build's
record, the same test `inputs_match` makes to decide that the tables are up to date."""
from __future__ import annotations

import copy
import hashlib
import os

from fanboard.building import inputs_match, inputs_of


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_rebuild_hashes_only_new_and_changed_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    one, two = folder / "one.txt", folder / "two.txt"
    one.write_text("First headline\n\nThe first text.\n", encoding="utf-8")
    two.write_text("Second headline\n\nThe second text.\n", encoding="utf-8")
    first = inputs_of([folder])
    st1, st2 = one.stat(), two.stat()
    assert first == {"dirs": [str(folder.resolve())],
                     "files": {"0/one.txt": [st1.st_size, st1.st_mtime_ns, sha(one)],
                               "0/two.txt": [st2.st_size, st2.st_mtime_ns, sha(two)]}}
    known = copy.deepcopy(first)
    known["files"]["0/one.txt"][2] = "the hash the last build recorded"
    two.write_text("Second headline\n\nThe other text.\n", encoding="utf-8")        # same size, new bytes
    os.utime(two, ns=(st2.st_atime_ns, st2.st_mtime_ns + 1_000_000_000))
    three = folder / "three.txt"
    three.write_text("Third headline\n\nNew.\n", encoding="utf-8")
    again = inputs_of([folder], known)
    st2, st3 = two.stat(), three.stat()
    assert again == {"dirs": [str(folder.resolve())],
                     "files": {"0/one.txt": [st1.st_size, st1.st_mtime_ns, "the hash the last build recorded"],
                               "0/three.txt": [st3.st_size, st3.st_mtime_ns, sha(three)],
                               "0/two.txt": [st2.st_size, st2.st_mtime_ns, sha(two)]}}
    assert inputs_match(inputs_of([folder], first), [folder])
    # a record of other folders, or of another shape, lends no hash
    elsewhere = {**known, "dirs": [str(tmp_path / "elsewhere")]}
    assert inputs_of([folder], elsewhere)["files"]["0/one.txt"][2] == sha(one)
    broken = {"dirs": known["dirs"], "files": {"0/one.txt": [st1.st_size, st1.st_mtime_ns]}}
    assert inputs_of([folder], broken)["files"]["0/one.txt"][2] == sha(one)
    assert inputs_of([folder], "not a record")["files"]["0/one.txt"][2] == sha(one)
