"""The article context (fanboard/extract/context.py): focus club, coreference, the story. Invented text."""
from __future__ import annotations

from extract_helpers import analysed


def test_the_focus_club_is_the_most_mentioned_outside_quotes():
    doc = analysed("Invented\n\nInvented. Roma lost. Atalanta won, and Gosens and Muriel scored for Atalanta. "
                   "“Roma, Roma, Roma,” the fans sang.", "en")
    assert doc._.context.focus.name == "Atalanta"
    assert doc._.claims.focus_club == "Atalanta"


def test_a_description_means_the_person_named_before():
    doc = analysed("Atalanta\n\nVerzonnen. Iličić scoorde voor Atalanta. Daarna werd de Sloveen gewisseld.", "nl")
    ctx = doc._.context
    assert ctx.focus.name == "Atalanta"   # descriptions are looked for among the focus club's people
    assert ctx.mentioned == ["josip-ilicic", "josip-ilicic"]
    assert [(m.label, m.name) for m in doc._.sentences[-1].mentions if m.person] == [("PERSON", "Josip Iličić")]


def test_the_story_carries_the_match_from_sentence_to_sentence():
    doc = analysed("Atalanta\n\nInvented. Atalanta beat Roma 2-0. Muriel was an unused substitute. "
                   "Gosens likes music.", "en")
    ctx = doc._.context
    stories = [ctx.story(v.index) for v in doc._.sentences]
    roma = doc._.matches[2].claims[0]
    assert [(s.match is roma, s.continuity) for s in stories] == [
        (False, False), (False, False), (False, False), (True, True), (True, True)]
    assert [s.player.name if s.player else None for s in stories] == [None, None, None, None, "Luis Muriel"]
