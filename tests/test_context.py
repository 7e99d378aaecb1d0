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


def _read(text: str, lang: str, published=None):
    """The Doc of an invented article published on `published` (default: the helpers' day)."""
    from datetime import date
    from pathlib import Path

    from fanboard.extract.pipeline import run_claims
    from fanboard.ingest import Article
    from fanboard.nlp import default_pipelines
    nlp = default_pipelines()[lang]
    doc = nlp(text)
    run_claims(nlp, doc, Article(id="t", path=Path("t.txt"), text=text, headline=text.splitlines()[0],
                                 language=lang, published=published or date(2021, 1, 7)))
    return doc


def _people(doc) -> list[tuple[str, str]]:
    return [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "PERSON"]


def test_a_shared_surname_is_the_player_of_the_article_club():
    doc = analysed("Invented: Atalanta win\n\nAtalanta beat Parma. Zapata started and Muriel came on.", "en")
    assert ("Zapata", "duvan-zapata") in _people(doc)
    doc = analysed("Invented: Genoa hold on\n\nGenoa drew at Bologna. Zapata started in defence for Genoa.", "en")
    assert ("Zapata", "cristian-zapata") in _people(doc)


def test_a_shared_surname_takes_the_club_of_its_sentence_when_the_article_club_has_neither():
    doc = analysed("Invented: Lazio notes\n\nLazio trained twice. Lazio rested Immobile. "
                   "At Napoli, Insigne was left out.", "en")
    assert doc._.context.focus.name == "Lazio"
    assert ("Insigne", "lorenzo-insigne") in _people(doc)


def test_a_shared_surname_is_the_one_named_in_full_elsewhere():
    doc = analysed("Invented: Atalanta notes\n\nAtalanta met Genoa. Cristián Zapata was booked, "
                   "and later Zapata was sent off.", "en")
    assert _people(doc).count(("Zapata", "cristian-zapata")) == 1


def test_a_shared_surname_the_context_does_not_decide_stays_unresolved():
    doc = analysed("Invented\n\nZapata was booked in the first half.", "en")
    assert doc._.context.focus is None
    assert _people(doc) == []


def test_a_player_who_changed_club_counts_for_his_club_on_the_article_day():
    from datetime import date
    text = "Invented: a midfielder's week\n\nNainggolan trained alone on Monday."
    assert _read(text, "en", date(2020, 10, 20))._.context.focus.name == "Inter"
    assert _read(text, "en", date(2021, 2, 20))._.context.focus.name == "Cagliari"


def test_the_focus_comes_with_its_evidence_and_the_headline_weighs_twice():
    doc = analysed("Roma face a test\n\nInvented. Lazio rested. Lazio trained. Pellegrini and Džeko ran.", "en")
    ctx = doc._.context
    # Roma: 2 (named in the headline) + 0.5 (Džeko); Lazio 2. "Pellegrini" (Lorenzo at Roma,
    # Luca at Genoa) counts for no club until the focus has made it Roma's
    assert ctx.focus.name == "Roma"
    assert ctx.focus_evidence == ("Roma 2.5 (1 mention, 1 mention of its people, in the headline); "
                                  "Lazio 2 (2 mentions)")
    assert ("Pellegrini", "lorenzo-pellegrini") in _people(doc)
    assert doc._.claims.focus_evidence == ctx.focus_evidence


def test_fanboard_club_is_the_focus_only_when_the_text_names_no_club(monkeypatch):
    monkeypatch.setenv("FANBOARD_CLUB", "Inter")
    doc = _read("Invented\n\nThe coach spoke on Friday.", "en")
    assert doc._.context.focus.name == "Inter"
    assert doc._.context.focus_evidence == "no club named: the default (FANBOARD_CLUB)"
    assert _read("Invented\n\nRoma trained on Friday.", "en")._.context.focus.name == "Roma"
