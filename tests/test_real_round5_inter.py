"""Constructions of real reporting found in the second saga of the development set (issue 10,
round 5: a player's story told around substitutions and appearances), each in a sentence written
for the test with the structure of the real one (other words, other clubs and players)."""
from __future__ import annotations

from extract_helpers import claims, extractor, matches  # noqa: F401


def _statuses(c):
    return sorted((s.player, s.status, s.match_key) for s in c.statuses)


def test_a_coach_calls_a_player_back_and_another_comes_on_in_his_place(extractor):
    # present tense, the coach as subject, the player after the verb; then "al suo posto entra X"
    text = ("Roma-Lazio\n\nRoma-Lazio, minuto 80: sotto di un gol, Paulo Fonseca richiama in panchina "
            "Edin Dzeko. Al suo posto entra Borja Mayoral.")
    c = claims(extractor, text, "it")
    assert matches(c) == [("Roma", "Lazio", "home", None, None, None)]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1"), ("Edin Džeko", "substituted_off", "t#m1")]


def test_matches_recalled_in_brackets_are_not_the_substitutions_match(extractor):
    text = ("Roma-Lazio\n\nRoma-Lazio, minuto 80: Paulo Fonseca richiama in panchina Edin Dzeko. "
            "Al suo posto entra Borja Mayoral (zero minuti contro Napoli e Torino).")
    c = claims(extractor, text, "it")
    assert [m[:2] for m in matches(c)] == [("Roma", "Lazio"), ("Roma", "Napoli"), ("Roma", "Torino")]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1"), ("Edin Džeko", "substituted_off", "t#m1")]


def test_the_day_since_which_a_player_has_not_played_is_no_match(extractor):
    text = "Roma-Lazio\n\nAl suo posto entra Borja Mayoral, che non scendeva in campo dal 3 ottobre."
    c = claims(extractor, text, "it")
    assert matches(c) == [("Roma", "Lazio", "home", None, None, None)]
    assert _statuses(c) == [("Borja Mayoral", "substituted_on", "t#m1")]
