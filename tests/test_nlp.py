"""The per-language pipelines: blank by default, a user's own model when configured."""
from __future__ import annotations

import spacy

from fanboard.kb import KB
from fanboard.nlp import build_pipeline, load_rules, compile_pattern


def test_default_pipeline_is_blank_with_rules():
    nlp = build_pipeline("nl", KB.load())
    assert nlp.pipe_names == ["fanboard_glued", "fanboard_scores", "fanboard_paragraphs", "sentencizer", "entity_ruler",
                              "fanboard_quotes", "fanboard_cues", "fanboard_times"]
    # the claim components follow, disabled: Extractor.extract runs them with the article
    assert nlp.component_names[len(nlp.pipe_names):] == [
        "fanboard_context", "fanboard_sentences", "fanboard_matches", "fanboard_lineups", "fanboard_statuses",
        "fanboard_goals", "fanboard_events", "fanboard_situation", "fanboard_names",
        "fanboard_claims"]
    assert nlp.disabled == nlp.component_names[len(nlp.pipe_names):]
    doc = nlp("Invented headline\n\nDe aanvoerder speelde 1 - 1 tegen Ajax. “Ik blijf”, zei Goméz.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("De aanvoerder", "PERSONREF", "role:captain"), ("Ajax", "CLUB", "ajax"), ("Goméz", "PERSON", "alejandro-gomez")]
    assert "1 - 1" in [t.text for t in doc]          # one token, whatever the spacing
    assert [s.text.strip() for s in doc.sents][0] == "Invented headline"
    assert [t.text for t in doc if t._.in_quote][:2] == ["“", "Ik"]


def test_one_word_names_must_be_capitalised():
    nlp = build_pipeline("it", KB.load())
    doc = nlp("Invented: la dea del calcio e la Dea di Bergamo.")
    assert [(e.text, e.label_) for e in doc.ents] == [("la Dea", "CLUB"), ("Bergamo", "CITY")]


def test_a_users_model_can_be_plugged_in(tmp_path, monkeypatch):
    # Any spaCy pipeline on disk stands in for a statistical model here (nothing is downloaded).
    model = spacy.blank("en")
    model.add_pipe("sentencizer")
    model.to_disk(tmp_path / "my_model")
    monkeypatch.setenv("FANBOARD_SPACY_MODEL_EN", str(tmp_path / "my_model"))
    nlp = build_pipeline("en", KB.load())
    assert nlp.pipe_names[:3] == ["fanboard_glued", "fanboard_scores", "sentencizer"] and "entity_ruler" in nlp.pipe_names
    assert [e.label_ for e in nlp("Invented: Ilicic scored against Ajax.").ents] == ["PERSON", "CLUB"]


def test_cue_syntax_compiles_to_matcher_patterns():
    nlp = spacy.blank("en")
    rules = load_rules("en")
    assert compile_pattern("need|needs ?at least a draw", nlp, rules) == [
        {"LOWER": {"IN": ["need", "needs"]}}, {"LOWER": "at", "OP": "?"}, {"LOWER": "least"}, {"LOWER": "a"},
        {"LOWER": "draw"}]
    assert compile_pattern("#PERSON *", nlp, rules) == [{"ENT_TYPE": "PERSON", "OP": "+"}, {"IS_PUNCT": False, "OP": "{0,4}"}]


def _patterns_copy(tmp_path):
    import shutil
    from fanboard.nlp import PATTERNS_DIR
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, folder)
    return folder


def _edit(path, change):
    import json
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_misspelt_value_fails_loudly_with_file_kind_and_index(tmp_path):
    import pytest
    from fanboard.nlp import PatternError
    import json
    folder = _patterns_copy(tmp_path)
    entries = json.loads((folder / "en.json").read_text(encoding="utf-8"))["cues"]["status"]
    target = next(i for i, c in enumerate(entries) if isinstance(c, dict) and c.get("value") == "started")
    _edit(folder / "en.json", lambda d: d["cues"]["status"][target].update(value="startd"))
    with pytest.raises(PatternError, match=rf"en\.json:status\[{target}\]: value 'startd' is not one of started, "):
        load_rules("en", folder)
    with pytest.raises(PatternError, match=r"en\.json:status\[\d+\]"):
        build_pipeline("en", KB.load(), patterns_dir=folder)
    assert any(c.value == "started" for c in load_rules("en").cues)   # the real folder still loads


def test_a_misspelt_attribute_fails_too(tmp_path):
    import pytest
    from fanboard.nlp import PatternError
    folder = _patterns_copy(tmp_path)
    _edit(folder / "it.json", lambda d: d["cues"]["situation"][0].update(metric="league_positon"))
    with pytest.raises(PatternError, match=r"it\.json:situation\[0\]: metric 'league_positon' is not one of"):
        load_rules("it", folder)


def test_rules_are_loaded_once_per_folder_and_language(tmp_path):
    folder = _patterns_copy(tmp_path)
    assert load_rules("nl") is load_rules("nl")
    assert load_rules("nl", folder) is load_rules("nl", folder) and load_rules("nl", folder) is not load_rules("nl")
    nlp = build_pipeline("nl", KB.load(), patterns_dir=folder)
    assert nlp.get_pipe("fanboard_cues").rules is load_rules("nl", folder)
    config = nlp.get_pipe_config("fanboard_cues")
    assert (config["lang"], config["patterns_dir"]) == ("nl", str(folder))
