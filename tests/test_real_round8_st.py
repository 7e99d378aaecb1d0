"""Round 8 of issue 10, statuses (Dutch, English) and goals (English, Italian): constructions of
real reporting the extractor missed or misread. Every sentence here is invented for the tests;
each copies the structure of a real construction with other words, clubs and players."""
from __future__ import annotations

import pytest

from extract_helpers import article, extractor  # noqa: F401


def _claims(extractor, text: str, lang: str):
    return extractor.extract(article(text, lang))


def statuses(c):
    pairs = {m.key: (m.subject, m.opponent) for m in c.matches}
    return sorted((s.player, s.status, pairs.get(s.match_key)) for s in c.statuses)


AA = ("Ajax", "Atalanta")


NL_PLAYED = "Ajax wint van Atalanta\n\nAjax heeft dinsdag met 2-1 gewonnen van Atalanta. "


@pytest.mark.parametrize("sentence,expected", [
    # "kwam X in de ploeg voor Y": X came on for Y
    ("Na rust kwam Mohammed Kudus in de ploeg voor Davy Klaassen.",
     [("Davy Klaassen", "substituted_off", AA),
      ("Mohammed Kudus", "substituted_on", AA)]),
    # "X werd gewisseld voor Y": the one who came on is named too
    ("Perr Schuurs, die moeite had, werd na een uur gewisseld voor Edson Álvarez.",
     [("Edson Álvarez", "substituted_on", AA), ("Perr Schuurs", "substituted_off", AA)]),
    # "gewisseld voor de rust": before half-time, no one came on by these words
    ("Schuurs werd gewisseld voor de rust.",
     [("Perr Schuurs", "substituted_off", AA)]),
    # one who came on and went off again
    ("Kudus viel in voor Klaassen. Later werd Kudus zelf ook gewisseld.",
     [("Davy Klaassen", "substituted_off", AA),
      ("Mohammed Kudus", "substituted_off", AA), ("Mohammed Kudus", "substituted_on", AA)]),
    # "werd X gewisseld door Y": Y came on
    ("In de slotfase werd Klaassen gewisseld door Kudus.",
     [("Davy Klaassen", "substituted_off", AA),
      ("Mohammed Kudus", "substituted_on", AA)]),
])
def test_dutch_substitutions(extractor, sentence, expected):
    assert statuses(_claims(extractor, NL_PLAYED + sentence, "nl")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "miste <the side> ook X, Y en Z": the players listed right after are absent
    ("Het won wel drie keer op rij, maar behalve Kudus miste de Amsterdamse ploeg ook Blind, Neres en Tadić.",
     [("Daley Blind", "left_out", AA), ("David Neres", "left_out", AA), ("Dušan Tadić", "left_out", AA)]),
    # "miste ook" with no player right after says no absence
    ("Zapata miste ook een grote kans.", []),
    # "naar de kant moest", "moest ... naar de kant": he went off
    ("Het werd nog lastiger nadat spits Zapata met een enkelblessure naar de kant moest.",
     [("Duván Zapata", "substituted_off", AA)]),
    ("Zapata moest met kramp naar de kant.",
     [("Duván Zapata", "substituted_off", AA)]),
])
def test_dutch_absences_and_changes(extractor, sentence, expected):
    assert statuses(_claims(extractor, NL_PLAYED + sentence, "nl")) == expected


LM = ("Atalanta", "Milan")


@pytest.mark.parametrize("sentence,expected", [
    # "X tested Y ... after being brought on": the clause's subject came on, not the keeper
    ("Late on Mandzukic tested Gollini with a low drive soon after being brought on.",
     [("Mario Mandžukić", "substituted_on", LM)]),
    ("Mandzukic forced a save from Gollini soon after coming on.", [("Mario Mandžukić", "substituted_on", LM)]),
    ("Leão came off the bench and hit the post.", [("Rafael Leão", "substituted_on", LM)]),
])
def test_english_came_on(extractor, sentence, expected):
    text = "Milan\n\nInvented. Atalanta beat Milan 3-0 on Saturday. " + sentence
    assert statuses(_claims(extractor, text, "en")) == expected
