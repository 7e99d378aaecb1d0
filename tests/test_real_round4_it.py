"""Round 4 of issue 10, Italian: constructions of real Italian reporting the extractor missed.
Every sentence here is invented for the tests; each copies the structure of a real construction
with other words and other players."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from extract_helpers import article, extractor  # noqa: F401
from helpers import ROOT


def _claims(extractor, text: str, published=date(2021, 1, 7)):
    a = article("Atalanta\n\n" + text, "it")
    a.published = published
    return extractor.extract(a)


def goals(c):
    return sorted((g.scorer, g.team, g.minute, g.penalty, g.own_goal) for g in c.goals)


@pytest.mark.parametrize("text,expected", [
    # a round-up's story is its first result; the goals of the second one still count
    ("Inventato. Terza sconfitta per il Genoa che dopo il ko con la Lazio perde in casa anche "
     "contro il Torino che vince 2-0, mentre l'Inter pareggia 1-1 con la Roma. Gara vivace del "
     "Torino in vantaggio al 21' con Belotti, nella ripresa raddoppio di Zaza su rigore al 58'.",
     [("Andrea Belotti", "Torino", 21, False, False), ("Simone Zaza", "Torino", 58, True, False)]),
    # "un rigore di X": a penalty goal; "la sblocca X": the scorer after the verb
    ("Inventato. La Lazio ha battuto il Torino 2-0 all'Olimpico. A decidere è stato un rigore di "
     "Immobile al minuto 40. Nella ripresa la sblocca Correa.",
     [("Ciro Immobile", "Lazio", 40, True, False), ("Joaquín Correa", "Lazio", None, False, False)]),
    # "X realizza una doppietta": two goals; "il pari grazie a X e Y": one each
    ("Inventato. Il Torino ha pareggiato 2-2 con la Lazio. Immobile realizza una doppietta, "
     "ma il Torino trova il pari grazie a Belotti e Zaza.",
     [("Andrea Belotti", "Torino", None, False, False), ("Ciro Immobile", "Lazio", None, False, False),
      ("Ciro Immobile", "Lazio", None, False, False), ("Simone Zaza", "Torino", None, False, False)]),
    # "va a segno con il solito X", "Decide X": the name inside the phrase
    ("Inventato. La Lazio ha battuto il Torino 2-1. Il Torino va a segno con il solito Belotti, "
     "poi decide Ciro Immobile su punizione al 90'.",
     [("Andrea Belotti", "Torino", None, False, False), ("Ciro Immobile", "Lazio", 90, False, False)]),
    # "in vantaggio con il tandem X-Y" does not say which of the two scored
    ("Inventato. La Lazio ha battuto il Torino 1-0. La Lazio passa in vantaggio con il tandem "
     "Correa-Immobile.", []),
    # the relative pronoun stands for the scorer named before it; the minute of that clause
    ("Inventato. La Lazio ha battuto il Torino 2-0. Luis Alberto serve Immobile, che di piatto "
     "insacca la rete dell'1-0. Al 70' contropiede della Lazio con Correa, che dribbla il portiere "
     "e segna il gol del 2-0.",
     [("Ciro Immobile", "Lazio", None, False, False), ("Joaquín Correa", "Lazio", 70, False, False)]),
])
def test_goals_told_in_italian_prose(extractor, text, expected):
    c = _claims(extractor, text)
    assert goals(c) == expected
    pairs = {m.key: (m.subject, m.opponent) for m in c.matches}
    assert all(g.team in pairs[g.match_key] for g in c.goals)    # each goal in its club's match


def matches(c):
    return sorted((m.subject, m.opponent, m.subject_goals, m.opponent_goals, m.status) for m in c.matches)


def test_results_of_other_clubs_in_a_standings_sentence_are_no_match_of_the_article_club(extractor):
    # the clubs that overtook the article's club won "the games against X and Y": their games,
    # not the article club's
    c = extractor.extract(article(
        "Lazio\n\nInventato. La Lazio pareggia 1-1 con il Genoa e perde il quarto posto. I "
        "biancocelesti sono stati superati dal Milan e raggiunti dalla Roma, uscite vincitrici "
        "dalle sfide contro Torino e Parma.", "it"))
    assert matches(c) == [("Lazio", "Genoa", 1, 1, "played")]


@pytest.mark.parametrize("sentence", [
    "Belotti si lascia parare il tiro da Strakosha.",                          # lets it be saved
    "Le parole di Inzaghi non sembrano lasciare spazio a dubbi sul ruolo di Correa.",  # leaves no room
])
def test_lasciare_that_is_no_departure_writes_no_transfer_event(extractor, sentence):
    c = _claims(extractor, "Inventato. La Lazio ha battuto il Torino 2-0. " + sentence)
    assert [e.event_type for e in c.events] == []
    assert [s for s in c.statuses if s.status == "expected_departure"] == []


LINEUP_CHAIN = (
    "Lazio, lite tra Inzaghi e Correa\n\n"
    "Inventato. Ieri la Lazio ha battuto il Torino 4-3 in trasferta. Dopo la partita è scoppiata "
    "una lite tra Inzaghi e Correa negli spogliatoi.\n\n"
    "LAZIO (3-5-2): Reina; Patric, Acerbi, Radu; Lazzari, Milinkovic, Leiva, Luis Alberto, Marusic; "
    "Correa (56' Caicedo - 86' Muriqi), Immobile (dal 60' Pereira, dal 80' Akpa Akpro). All. Inzaghi\n")


def test_a_substitute_replaced_in_turn_in_one_bracket(extractor):
    # "X (56' Y - 86' Z)" and "X (dal 60' Y, dal 80' Z)": Y came on and went off again
    c = _claims(extractor, LINEUP_CHAIN.split("\n\n", 1)[1], published=date(2020, 11, 2))
    changes = sorted((s.player, s.status) for s in c.statuses if s.status.startswith("substituted"))
    assert changes == [
        ("Andreas Pereira", "substituted_off"), ("Andreas Pereira", "substituted_on"),
        ("Ciro Immobile", "substituted_off"), ("Felipe Caicedo", "substituted_off"),
        ("Felipe Caicedo", "substituted_on"), ("Jean-Daniel Akpa Akpro", "substituted_on"),
        ("Joaquín Correa", "substituted_off"), ("Vedat Muriqi", "substituted_on")]


def test_the_conflict_substitution_from_a_lineup_block_names_only_the_conflict_people(tmp_path):
    # a lineup block tells every change of the team; the conflict's substitution is the coach's
    # change of the player he quarrelled with, not the team's other changes
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "articles.toml").write_text(
        '[it_lite]\npublished = "2020-11-02"\nsource = "test"\nlanguage = "it"\n', encoding="utf-8")
    (articles / "it_lite.txt").write_text(LINEUP_CHAIN, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "fanboard", "build", "--articles", str(articles),
                    "--out", str(tmp_path / "out")], cwd=ROOT, check=True, capture_output=True)
    events = pd.read_csv(tmp_path / "out" / "events.csv", dtype=str, keep_default_na=False)
    subs = events[events.event_type == "substitution"]
    assert [(r.actors, r.agents, r.targets, r.match_id) for r in subs.itertuples()] == [
        ("Joaquín Correa;Simone Inzaghi", "Simone Inzaghi", "Joaquín Correa", "2020-11-01-torino-lazio")]
