"""Round 8 of issue 10, events in all three languages: parties lost or added, moves not read.
Every sentence here is written for the test; each has the structure of a construction of real
reporting, with other words, other clubs and other people."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


# ---------------------------------------------------------------- a description after a curly apostrophe

@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_an_italian_description_after_either_apostrophe_is_a_party(extractor, apostrophe):
    text = (f"Inter\n\nInventato. Lautaro Martínez è nervoso. Domenica l{apostrophe}argentino ha avuto "
            f"una lunga discussione con il suo allenatore.")
    assert _events(claims(extractor, text, "it")) == [("dispute", ("Antonio Conte", "Lautaro Martínez"), ())]


# ---------------------------------------------------------------- who tells a quarrel is no party to it

@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Sampdoria news\n\nMade up. Claudio Ranieri has said that Fabio Quagliarella was dropped on Sunday "
           "after a falling out with Antonio Candreva.",
     [("dispute", ("Antonio Candreva", "Fabio Quagliarella"), ())]),
    ("it", "Sampdoria\n\nInventato. Claudio Ranieri ha spiegato che Fabio Quagliarella è rimasto a casa per una lite "
           "con Antonio Candreva.",
     [("dispute", ("Antonio Candreva", "Fabio Quagliarella"), ())]),
])
def test_the_speaker_of_a_reported_quarrel_is_no_party(extractor, lang, text, expected):
    assert _events(claims(extractor, text, lang)) == expected


def test_a_speaker_named_again_after_that_is_a_party(extractor):
    text = ("Sampdoria news\n\nMade up. Claudio Ranieri confirmed that he and Fabio Quagliarella had a heated "
            "exchange, and that Claudio Ranieri regrets it.")
    assert _events(claims(extractor, text, "en")) == [("dispute", ("Claudio Ranieri", "Fabio Quagliarella"), ())]


# ---------------------------------------------------------------- moves: a swap, "il passaggio di X al Y"

def test_a_swap_concerns_both_players(extractor):
    # the clubs each player leaves are no party; both players are whom the report concerns
    text = "Milan news\n\nMade up. Milan were said to be keen to swap Samu Castillejo for Napoli's Hirving Lozano."
    assert _events(claims(extractor, text, "en")) == [("transfer_report", (), ("Hirving Lozano", "Samu Castillejo"))]


@pytest.mark.parametrize("text", [
    "Lazio\n\nInventato. Manca la firma, ma è fatta per il passaggio di Joaquín Correa al Sevilla.",
    "Lazio\n\nInventato. Si lavora al trasferimento di Joaquín \"Tucu\" Correa al Siviglia.",
])
def test_the_move_of_a_player_named_after_the_cue(extractor, text):
    assert _events(claims(extractor, text, "it")) == [("transfer_report", ("Sevilla",), ("Joaquín Correa",))]


# ---------------------------------------------------------------- the partner of a conflict's change

def _built_events(text: str, lang: str, published):
    from pathlib import Path

    from fanboard import pipeline
    from fanboard.extract.article import Extractor
    from fanboard.ingest import Article
    from fanboard.nlp import default_pipelines

    pipes = default_pipelines()
    a = Article(id="t", path=Path("t.txt"), text=text, headline=text.splitlines()[0], language=lang,
                published=published)
    tables = pipeline.reconcile([a], {"t": Extractor(pipes).extract(a)}, pipes.kb)
    return tables["events"][["event_type", "agents", "targets", "match_id"]].to_dict("records")


def test_the_player_sent_on_for_a_conflict_player_is_no_party_to_the_substitution():
    # the one sent on in his place is told in the summary's detail, not as whom the change concerns,
    # even when the sentence after tells of him coming on alone
    from datetime import date
    text = ("Juventus held by Atalanta\n\nJuventus were held to a 1-1 draw at home against Atalanta on Wednesday.\n\n"
            "The build-up had been overshadowed by a row between coach Andrea Pirlo and Dybala.\n\n"
            "At the break Paulo Dybala was replaced by Alvaro Morata.\n\n"
            "Alvaro Morata came on reluctantly, the papers say.")
    events = _built_events(text, "en", date(2020, 12, 17))
    subs = [e for e in events if e["event_type"] == "substitution"]
    assert subs == [{"event_type": "substitution", "agents": "Andrea Pirlo", "targets": "Paulo Dybala",
                     "match_id": "2020-12-16-juventus-atalanta"}]


# ---------------------------------------------------------------- "the coach" of another club

def test_the_coach_a_description_means_is_the_coach_the_sentence_names(extractor):
    # the focus club is Atalanta, but the sentence tells of Torino and names its coach: "il tecnico" is he
    text = ("Atalanta-Torino\n\nInventato. Nel Torino Davide Nicola non convoca Simone Zaza: l'attaccante resta "
            "a casa dopo una lite con il tecnico in allenamento.")
    assert _events(claims(extractor, text, "it")) == [("dispute", ("Davide Nicola",), ())]
