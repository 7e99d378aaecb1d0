"""Round 9 of issue 10, Italian: squad exclusions told as a coach's decision, goals and
statuses in prose. Every sentence here is written for the test; each has the structure of a
construction of real reporting, with other words, other clubs and other people."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


def _events(c, kind=None):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events
                  if kind is None or e.event_type == kind)


# ---------------------------------------------------------------- a squad exclusion told as a decision

@pytest.mark.parametrize("text,expected", [
    # the player of the clause, the coach of the clause acts
    ("Inter\n\nInventato. Per la trasferta di sabato Antonio Conte ha tenuto Ivan Perišić fuori rosa.",
     [("squad_exclusion", ("Antonio Conte",), ("Ivan Perišić",))]),
    # a noun: the exclusion of the player, nobody named as who decided
    ("Inter\n\nInventato. Dopo la riunione arriva la conferma dell'esclusione di Ivan Perišić, poi Antonio Conte "
     "sceglie Matteo Darmian.",
     [("squad_exclusion", (), ("Ivan Perišić",))]),
    # "escluderlo": the player named in the sentence before
    ("Inter\n\nInventato. Sabato l'Inter farà a meno di Ivan Perišić. Scelta di escluderlo dalla lista "
     "di Antonio Conte.",
     [("squad_exclusion", ("Antonio Conte",), ("Ivan Perišić",))]),
    # "lo ... per motivi disciplinari": the player named before it in the sentence
    ("Inter\n\nInventato. Antonio Conte non porta Ivan Perišić a Verona: l'allenatore lo tiene fuori per motivi "
     "disciplinari.",
     [("squad_exclusion", ("Antonio Conte",), ("Ivan Perišić",))]),
])
def test_an_exclusion_decided_by_the_coach_is_an_event(extractor, text, expected):
    assert _events(claims(extractor, text, "it"), "squad_exclusion") == expected


def test_an_exclusion_that_names_no_player_is_no_event(extractor):
    text = "Inter\n\nInventato. Antonio Conte ha parlato dell'esclusione dalla coppa e del campionato."
    assert _events(claims(extractor, text, "it"), "squad_exclusion") == []


def test_a_denied_decision_is_no_event(extractor):
    text = "Inter\n\nInventato. Antonio Conte ha detto che Ivan Perišić non è fuori rosa."
    assert _events(claims(extractor, text, "it"), "squad_exclusion") == []


# ---------------------------------------------------------------- goals told in a match report's prose

def _scorers(c):
    return sorted({g.scorer for g in c.goals})


@pytest.mark.parametrize("text,expected", [
    # "a sbloccare la gara ci pensò X che poi raddoppia": one scorer, twice
    ("Lazio-Torino 2-0\n\nInventato. La Lazio batte 2-0 il Torino: a sbloccare la gara ci pensò Ciro Immobile "
     "che poi raddoppia dopo l'intervallo.", ["Ciro Immobile"]),
    # "a firmare il tabellino ci pensò anche X, poi Y"
    ("Lazio-Torino 2-0\n\nInventato. La Lazio batte 2-0 il Torino. Dopo la pausa, a firmare il tabellino ci pensò anche "
     "Luis Alberto e Sergej Milinković-Savić.", ["Luis Alberto", "Sergej Milinković-Savić"]),
    # "la rete nel finale del primo tempo di X"
    ("Lazio-Torino 1-0\n\nInventato. La Lazio batte 1-0 il Torino: decide la rete nel finale del primo tempo di "
     "Luis Alberto.", ["Luis Alberto"]),
    # "segna il gol della bandiera il <club> con X"
    ("Lazio-Torino 3-1\n\nInventato. La Lazio batte 3-1 il Torino; nei minuti di recupero segna il gol della bandiera "
     "il Torino con Andrea Belotti.", ["Andrea Belotti"]),
])
def test_italian_prose_goals(extractor, text, expected):
    assert _scorers(claims(extractor, text, "it")) == expected
