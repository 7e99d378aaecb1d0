"""The fanboard_times component (fanboard/extract/times.py): time expressions → doc.spans["times"].

Resolving them to dates is tested in tests/test_timeexpr.py. All sentences are invented."""
from __future__ import annotations

import json
import shutil

from fanboard.extract.times import find_time_expressions
from fanboard.kb import KB
from fanboard.nlp import PATTERNS_DIR, build_pipeline, default_pipelines


def test_each_expression_is_a_span_with_its_time_expression():
    doc = default_pipelines()["en"]("Invented. Atalanta won on Sunday and will play Roma on Wednesday.")
    spans = doc.spans["times"]
    assert [(sp.text, sp.label_) for sp in spans] == [("Sunday", "weekday"), ("Wednesday", "weekday")]
    assert [(sp._.time.text, sp._.time.start, sp._.time.tense) for sp in spans] == [
        ("Sunday", doc.text.index("Sunday"), "past"), ("Wednesday", doc.text.index("Wednesday"), "future")]


def test_a_language_without_a_time_grammar_gets_an_empty_group():
    doc = default_pipelines()["xx"]("Invented. 13 December 2020, Atalanta.")
    assert list(doc.spans["times"]) == []


def test_number_words_are_the_language_files_numbers():
    # "sixteen" is in en.json's numbers (the time grammar once had its own, shorter list); "a" counts as one
    found = find_time_expressions("He left sixteen years ago and came back a week ago.", "en")
    assert [(e.text, e.kind, e.value) for e in found] == [
        ("sixteen years ago", "years_ago", (16,)), ("a week ago", "weeks_ago", (1,))]


def test_coordination_bounds_the_search_for_a_tense_cue():
    # without the break at "e" (words.coordination), the nearer future "vincerà" would decide
    (sunday,) = find_time_expressions("L'Atalanta ha giocato a lungo contro la Roma domenica e vincerà.", "it")
    assert (sunday.text, sunday.tense) == ("domenica", "past")


def test_the_component_reads_its_patterns_folder_from_its_config(tmp_path):
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, folder)
    data = json.loads((folder / "en.json").read_text(encoding="utf-8"))
    data["numbers"]["zillion"] = 7
    (folder / "en.json").write_text(json.dumps(data), encoding="utf-8")
    nlp = build_pipeline("en", KB.load(), patterns_dir=folder)
    assert nlp.get_pipe_config("fanboard_times")["patterns_dir"] == str(folder)
    doc = nlp("Invented. Atalanta lost zillion weeks ago.")
    assert [(sp.text, sp._.time.value) for sp in doc.spans["times"]] == [("zillion weeks ago", (7,))]
    assert list(default_pipelines()["en"]("Invented. Atalanta lost zillion weeks ago.").spans["times"]) == []
