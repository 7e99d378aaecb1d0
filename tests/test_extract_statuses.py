"""The statuses component (fanboard/extract/statuses.py): player statuses. All sentences here are invented for the tests."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor, statuses  # noqa: F401


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Invented. Against Roma, Duván Zapata was replaced by Luis Muriel.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("en", "Invented. Against Roma, Sam Lammers was an unused substitute.", [("Sam Lammers", "unused_substitute", "confirmed")]),
    ("en", "Invented. Against Roma, Ilicic reportedly started.", [("Josip Iličić", "started", "reported")]),
    ("nl", "Verzonnen. Tegen Roma viel Muriel in voor Duván Zapata.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("nl", "Verzonnen. Tegen Roma stonden Hateboer en De Roon in de basis.",
     [("Hans Hateboer", "started", "confirmed"), ("Marten de Roon", "started", "confirmed")]),
    ("nl", "Verzonnen. Tegen Roma zou Gosens niet in de selectie zitten.", [("Robin Gosens", "left_out", "reported")]),
    ("it", "Inventato. Contro la Roma Muriel è subentrato a Duván Zapata.",
     [("Duván Zapata", "substituted_off", "confirmed"), ("Luis Muriel", "substituted_on", "confirmed")]),
    ("it", "Inventato. Contro la Roma Pessina non è stato convocato.", [("Matteo Pessina", "left_out", "confirmed")]),
    ("it", "Inventato. Contro la Roma Miranchuk è rimasto in panchina.", [("Aleksei Miranchuk", "unused_substitute", "confirmed")]),
    ("en", "Invented. Muriel was dropped for the trip to Roma.", [("Luis Muriel", "left_out", "confirmed")]),
    ("en", "Invented. Muriel started on the bench against Roma and did not come on.",
     [("Luis Muriel", "unused_substitute", "confirmed")]),
])
def test_player_statuses(extractor, lang, text, expected):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    assert statuses(c) == expected
    assert all(s.match_key == c.matches[0].key for s in c.statuses)


def test_coaches_get_no_player_status(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Against Roma, Gasperini was an unused substitute.", "en")
    assert c.statuses == []


def test_descriptions_resolve_in_context(extractor):
    text = "Atalanta\n\nVerzonnen. Iličić scoorde tegen Roma. Tegen Roma werd de Sloveen gewisseld."
    assert ("Josip Iličić", "substituted_off", "confirmed") in statuses(claims(extractor, text, "nl"))


def test_a_status_is_for_the_match_it_names_and_the_ones_listed_with_it(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Muriel was an unused substitute against Roma and was left out "
                          "of the squads for the trips to Lazio and Parma.", "en")
    by_key = {m.key: m.opponent for m in c.matches}
    assert sorted((s.status, by_key[s.match_key]) for s in c.statuses) == [
        ("left_out", "Lazio"), ("left_out", "Parma"), ("unused_substitute", "Roma")]


def test_a_hedge_stops_at_but(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Gosens has a contract until 2023, but Inter are reportedly "
                          "interested in him.", "en")
    assert [(s.status, s.certainty) for s in c.statuses if s.status == "contract_until"] == [
        ("contract_until", "confirmed")]


def test_a_status_without_a_match_of_its_own_goes_to_the_match_the_story_is_about(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Atalanta beat Roma 2-0. Muriel was an unused substitute.", "en")
    (m,) = c.matches
    assert [(s.player, s.status, s.match_key) for s in c.statuses] == [("Luis Muriel", "unused_substitute", m.key)]


def test_captain_words_make_a_captain_status_and_a_possessive_names_no_one(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Captain Gomez started against Roma.", "en")
    assert ("Alejandro Gómez", "captain", "confirmed") in statuses(c)
    c = claims(extractor, "Atalanta\n\nInvented. The captain's armband was lost against Roma.", "en")
    assert c.statuses == []


def test_statuses_are_written_to_the_doc_in_sentence_order():
    from extract_helpers import analysed
    doc = analysed("Atalanta\n\nInvented. Against Roma, Gosens started. Against Lazio, Muriel was an unused "
                   "substitute.", "en")
    assert [(s.player, s.status) for s in doc._.statuses] == [
        ("Robin Gosens", "started"), ("Luis Muriel", "unused_substitute")]
    assert doc._.claims.statuses == doc._.statuses


def test_a_list_cut_by_commas_is_one_list_and_a_new_clause_starts_its_own_status(extractor):
    # "could not count on A, B and C, so that D and E got a starting place"
    text = ("Ajax\n\nVerzonnen. Trainer Jan de Boer kon voor het duel met Atalanta geen beroep doen op "
            "Daley Blind, Lassina Traoré en David Neres, waardoor Perr Schuurs en Lisandro Martínez een basisplaats hadden.")
    assert sorted(statuses(claims(extractor, text, "nl"))) == sorted([
        ("Daley Blind", "left_out", "confirmed"), ("Lassina Traoré", "left_out", "confirmed"),
        ("David Neres", "left_out", "confirmed"), ("Perr Schuurs", "started", "confirmed"),
        ("Lisandro Martínez", "started", "confirmed")])


def test_a_list_without_a_conjunction_is_not_joined_across_commas(extractor):
    text = "Atalanta\n\nInvented. Against Roma, Zapata was replaced by Muriel, Gosens by Palomino."
    rows = statuses(claims(extractor, text, "en"))
    assert ("Robin Gosens", "substituted_on", "confirmed") not in rows


@pytest.mark.parametrize("lang,text", [
    ("it", "Inventato. Contro la Roma, al 30′, Pessina è costretto a lasciare il campo dopo un contrasto con Toloi."),
    ("it", "Inventato. Muriel si lascia parare il tiro da Gollini contro la Roma."),
    ("nl", "Verzonnen. Een tegenvaller was het uitvallen van Gosens, die tegen Roma het veld moest verlaten na een duel met Toloi."),
    ("nl", "Verzonnen. Gosens is zichzelf niet meer sinds Hateboer naar Parma vertrok."),
    ("en", "Invented. Two years after his move away from Parma, Pessina signed for Atalanta."),
    ("en", "Invented. Following his move away from Genoa two years ago, Pessina joined Atalanta."),
])
def test_leaving_the_pitch_or_a_past_move_is_no_expected_departure(extractor, lang, text):
    rows = statuses(claims(extractor, "Atalanta\n\n" + text, lang))
    assert not [r for r in rows if r[1] == "expected_departure"], rows


def test_a_departure_is_about_the_players_of_its_clause(extractor):
    text = "Atalanta\n\nInvented. Gosens played well against Roma, and Pessina is set to leave the club in January."
    rows = statuses(claims(extractor, text, "en"))
    assert [r[0] for r in rows if r[1] == "expected_departure"] == ["Matteo Pessina"]


@pytest.mark.parametrize("text,expected", [
    # "ten minutes later substitute X scored the only goal": the name follows the noun
    ("Verzonnen. Tien minuten later maakte invaller Luís Muriel tegen Roma het enige doelpunt.",
     [("Luis Muriel", "substituted_on", "confirmed")]),
    ("Verzonnen. Een tegenvaller tegen Roma was het uitvallen van Toloi na een duel met invaller Pessina.",
     [("Matteo Pessina", "substituted_on", "confirmed")]),
    ("Verzonnen. Tegen Roma kwam Muriel als invaller in het veld.", [("Luis Muriel", "substituted_on", "confirmed")]),
    # "no starting place" says no status
    ("Verzonnen. Gosens is fit en Muriel heeft tegen Roma in ieder geval geen basisplaats.", []),
])
def test_dutch_substitute_noun_and_no_starting_place(extractor, text, expected):
    assert statuses(claims(extractor, "Atalanta\n\n" + text, "nl")) == expected


def test_a_person_the_kb_lacks_is_not_taken_for_the_story_player(extractor):
    text = ("Ajax\n\nVerzonnen. Kudus is geblesseerd voor het duel met Atalanta. "
            "Daarom wordt Jan Pietersen vervangen door Kees de Vries, die voor het eerst bij de selectie is.")
    assert statuses(claims(extractor, text, "nl")) == []
