"""The sentence view (fanboard/extract/sentence.py): computed once per sentence, read-only. Invented text."""
from __future__ import annotations

import dataclasses

import pytest

from extract_helpers import analysed


TEXT = ("Atalanta\n\nInvented. Gosens started against Roma, but Muriel reportedly did not.  \n"
        "“I would leave,” Ilicic said. The captain's armband went to Toloi.")


@pytest.fixture(scope="module")
def views():
    return analysed(TEXT, "en")._.sentences


def test_one_view_per_sentence_that_is_not_blank(views):
    assert [v.quote for v in views] == [
        "Atalanta", "Invented.", "Gosens started against Roma, but Muriel reportedly did not.",
        "“I would leave,” Ilicic said.", "The captain's armband went to Toloi."]
    assert [v.index for v in views] == [0, 1, 2, 3, 4]


def test_views_cannot_be_changed(views):
    v = views[2]
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.certainty = "confirmed"
    with pytest.raises(TypeError):
        v.cues["match"] = ()
    assert isinstance(v.mentions, tuple) and isinstance(v.times, tuple)


def test_mentions_cues_and_certainty(views):
    v = views[2]
    assert [(m.label, m.name) for m in v.mentions] == [
        ("PERSON", "Robin Gosens"), ("CLUB", "Roma"), ("PERSON", "Luis Muriel")]
    assert {k: [c.text for c in cs] for k, cs in v.cues.items()}["reported"] == ["reportedly"]
    assert v.certainty == "reported"                       # a hedge stands in the sentence
    gosens, _, muriel = v.mentions
    assert v.certainty_at(gosens.start) == "confirmed"      # … but not in Gosens's clause
    assert v.certainty_at(muriel.start) == "reported"
    assert v.clause(gosens.start)[1] == next(t.i for t in v.span if t.text == ",")


def test_quoted_cues_are_not_the_sentences_but_are_kept(views):
    quoted = views[3]
    assert dict(quoted.cues) == {} and quoted.certainty == "confirmed"
    assert {c.label_ for c in quoted.all_cues} >= {"future", "reported"}   # "would", inside the quote
    assert [(m.name, m.in_quote) for m in quoted.mentions] == [("Josip Iličić", False)]


def test_a_possessive_description_names_no_one(views):
    assert [m.name for m in views[4].mentions] == ["Rafael Tolói"]
    assert views[4].captains == ()


def test_clause_breaks_come_from_the_language_file():
    # "though" was a clause break for tense only; the language file now says it once, for both
    doc = analysed("Atalanta\n\nInvented. Gosens started against Roma though Muriel reportedly did not.", "en")
    v = doc._.sentences[-1]
    gosens = v.mentions[0]
    assert v.certainty_at(gosens.start) == "confirmed"
    assert v.clause(gosens.start)[1] == next(t.i for t in v.span if t.text == "though")
