"""Round 7 of issue 10, events in all three languages: what made a false event or a wrong party.
Every sentence here is written for the test; each has the structure of a construction of real
reporting, with other words, other clubs and other people."""
from __future__ import annotations

import pytest

from extract_helpers import claims, extractor  # noqa: F401


def _events(c):
    return sorted((e.event_type, tuple(e.agents), tuple(e.targets)) for e in c.events)


# ---------------------------------------------------------------- a coach alone is no quarrel

@pytest.mark.parametrize("lang,text", [
    # a coach who refuses, fights for a title or disagrees with an official quarrels with no one named
    ("en", "Roma news\n\nMade up. Paulo Fonseca refused to blame his defenders after the defeat at Bologna."),
    ("en", "Roma news\n\nMade up. Paulo Fonseca insists his players will fight for every point."),
    ("en", "Roma news\n\nMade up. Paulo Fonseca's disagreement with the referee earned him a booking."),
    ("it", "Roma\n\nInventato. La polemica di Paulo Fonseca con l'arbitro per un fuorigioco dubbio."),
    ("it", "Roma\n\nInventato. Lo sfogo di Paulo Fonseca contro l'arbitraggio a fine gara."),
    ("nl", "Roma\n\nVerzonnen. Paulo Fonseca was boos op de scheidsrechter na het gelijkspel."),
    # two coaches of two clubs: a match between their teams, not a row of one of them
    ("it", "Roma\n\nInventato. Il confronto tra Gennaro Gattuso e Paulo Fonseca vale il terzo posto, ed è scontro "
           "tra Gattuso e Fonseca."),
])
def test_a_coach_alone_quarrels_with_no_one(extractor, lang, text):
    assert _events(claims(extractor, text, lang)) == []


@pytest.mark.parametrize("lang,text,expected", [
    # the cue says with whom: a with/between word before the coach (the other side unnamed)
    ("it", "Roma\n\nInventato. Nell'intervallo un senatore ha avuto una lite furiosa con il tecnico Paulo Fonseca.",
     [("dispute", ("Paulo Fonseca",), ())]),
    ("it", "Roma\n\nInventato. Si parla di tensioni tra Paulo Fonseca e alcuni senatori dello spogliatoio.",
     [("dispute", ("Paulo Fonseca",), ())]),
    ("nl", "Roma\n\nVerzonnen. Een routinier kreeg in de kleedkamer ruzie met trainer Paulo Fonseca.",
     [("dispute", ("Paulo Fonseca",), ())]),
    # and the coach and his player, named in the clause, are both parties
    ("en", "Roma news\n\nMade up. Paulo Fonseca and Edin Dzeko are at odds over the captaincy.",
     [("dispute", ("Edin Džeko", "Paulo Fonseca"), ())]),
])
def test_a_coach_with_an_unnamed_other_side(extractor, lang, text, expected):
    assert _events(claims(extractor, text, lang)) == expected


def test_a_quarrel_cue_before_the_people_names_none_of_them(extractor):
    # "<tension>, X relies on Y": the coach and player named after the cue's clause are no parties
    text = "Napoli\n\nInventato. Gara nervosa e tesa fino alla fine, tensione ovunque, Gattuso si affida a Osimhen."
    assert _events(claims(extractor, text, "it")) == []


# ---------------------------------------------------------------- phrases that only look like a quarrel

@pytest.mark.parametrize("lang,text", [
    ("it", "Napoli\n\nInventato. In caso di pareggio, Gennaro Gattuso potrebbe inserire Dries Mertens."),
    ("it", "Napoli\n\nInventato. Non a caso Gennaro Gattuso ha scelto Victor Osimhen come centravanti."),
    ("it", "Napoli\n\nInventato. Dopo il terzo ko di fila la panchina di Gennaro Gattuso è in discussione."),
    ("it", "Napoli\n\nInventato. Lo scontro diretto di domenica dirà molto sul Napoli di Gennaro Gattuso e di Mertens."),
    ("it", "Napoli\n\nInventato. I tifosi invocano le dimissioni di Gennaro Gattuso dopo la sconfitta."),
    ("en", "Napoli news\n\nMade up. Gennaro Gattuso said the fight for fourth place is far from over."),
    ("en", "Napoli news\n\nMade up. Gennaro Gattuso made a compelling argument for starting Dries Mertens."),
    ("nl", "Napoli\n\nVerzonnen. De toekomst van Gennaro Gattuso staat ter discussie na de nederlaag."),
    ("nl", "Napoli\n\nVerzonnen. Dries Mertens kwam in botsing met ploeggenoot Victor Osimhen en bleef liggen."),
    ("nl", "Napoli\n\nVerzonnen. Gennaro Gattuso ziet uit naar de clash met Juventus van zaterdag."),
    ("nl", "Napoli\n\nVerzonnen. Dries Mertens duwde de bal over de lijn, Gennaro Gattuso balde de vuist."),
])
def test_an_idiom_around_a_quarrel_cue(extractor, lang, text):
    assert _events(claims(extractor, text, lang)) == []


@pytest.mark.parametrize("lang,text", [
    # a denied quarrel or move
    ("en", "Fiorentina news\n\nMade up. Cesare Prandelli says there is no rift with Franck Ribery."),
    ("it", "Fiorentina\n\nInventato. Cesare Prandelli assicura: nessuna lite con Franck Ribéry."),
    ("nl", "Fiorentina\n\nVerzonnen. Er is geen ruzie tussen Cesare Prandelli en Franck Ribéry."),
    ("en", "Fiorentina news\n\nMade up. Franck Ribery will not leave Fiorentina in January."),
    ("it", "Fiorentina\n\nInventato. Franck Ribéry non lascerà la Fiorentina a gennaio."),
    ("nl", "Fiorentina\n\nVerzonnen. Volgens de club vertrekt Franck Ribéry niet."),
])
def test_a_denial_is_no_event(extractor, lang, text):
    assert _events(claims(extractor, text, lang)) == []


# ---------------------------------------------------------------- phrases that only look like a move

@pytest.mark.parametrize("lang,text", [
    ("en", "Torino news\n\nMade up. Andrea Belotti's exit from the Coppa Italia stung the whole squad."),
    ("en", "Torino news\n\nMade up. Andrea Belotti will leave nothing to chance against Genoa."),
    ("en", "Torino news\n\nMade up. Davide Nicola was handed a transfer budget while Belotti was injured."),
    ("it", "Torino\n\nInventato. Davide Nicola sceglie di lasciare in panchina Andrea Belotti."),
    ("it", "Torino\n\nInventato. Al 65' Andrea Belotti lascia il posto a Simone Zaza."),
    ("it", "Torino\n\nInventato. Buona partenza del Torino: Andrea Belotti colpisce la traversa."),
    ("it", "Torino\n\nInventato. Andrea Belotti è vicino a segnare il gol del vantaggio."),
    ("it", "Torino\n\nInventato. A fine gara Andrea Belotti ha salutato i tifosi sotto la curva."),
    ("nl", "Torino\n\nVerzonnen. Andrea Belotti moest de wedstrijd geblesseerd verlaten."),
    ("nl", "Torino\n\nVerzonnen. Andrea Belotti verlaat de kleedkamer als eerste, zegt zijn trainer."),
])
def test_an_idiom_around_a_departure_cue(extractor, lang, text):
    assert _events(claims(extractor, text, lang)) == []


def test_a_coach_named_after_a_departure_cue_is_not_the_one_leaving(extractor):
    # "his exit left <coach> short": the coach is the object of the clause, not the one leaving;
    # "the departure of <coach>" still is his
    assert _events(claims(extractor, "Sampdoria news\n\nMade up. Quagliarella limped off, and his exit "
                                     "left Claudio Ranieri without a striker.", "en")) == []
    assert _events(claims(extractor, "Sampdoria news\n\nMade up. The board discussed the departure of "
                                     "Claudio Ranieri at the end of the season.", "en")) == \
        [("transfer_report", (), ("Claudio Ranieri",))]


# ---------------------------------------------------------------- moves: the buyer acts, the seller is no party

@pytest.mark.parametrize("lang,text", [
    ("en", "Genoa news\n\nMade up. Bologna have signed Mattia Zaccagni from Hellas Verona on a three-year deal."),
    ("en", "Genoa news\n\nMade up. Mattia Zaccagni completed a loan move to Bologna on Friday."),
    ("en", "Genoa news\n\nMade up. Hellas Verona turned down a bid from Bologna for Mattia Zaccagni."),
    ("en", "Genoa news\n\nMade up. Mattia Zaccagni has left Hellas Verona to join Bologna."),
    ("it", "Genoa\n\nInventato. Mattia Zaccagni va in prestito al Bologna fino a giugno."),
    ("it", "Genoa\n\nInventato. Ufficiale: Mattia Zaccagni è un nuovo giocatore del Bologna."),
    ("it", "Genoa\n\nInventato. Il Bologna ha ingaggiato Mattia Zaccagni dall'Hellas Verona."),
    ("it", "Genoa\n\nInventato. Il Bologna è interessato a Mattia Zaccagni."),
    ("nl", "Genoa\n\nVerzonnen. Bologna huurt Mattia Zaccagni van Hellas Verona."),
    ("nl", "Genoa\n\nVerzonnen. Mattia Zaccagni wordt tot het einde van het seizoen verhuurd aan Bologna."),
    ("nl", "Genoa\n\nVerzonnen. Bologna heeft een bod uitgebracht op Mattia Zaccagni."),
])
def test_a_move_with_its_buyer(extractor, lang, text):
    assert _events(claims(extractor, text, lang)) == [("transfer_report", ("Bologna",), ("Mattia Zaccagni",))]


@pytest.mark.parametrize("lang,text", [
    # a past move told as a description, a renewal, a goal "signed" in Italian: no report
    ("nl", "Genoa\n\nVerzonnen. De van Hellas Verona overgenomen middenvelder Mattia Zaccagni begon op de bank."),
    ("en", "Genoa news\n\nMade up. Hellas Verona have signed Mattia Zaccagni to a new contract until 2025."),
    ("it", "Genoa\n\nInventato. Mattia Zaccagni firma con un destro il gol che batte il Bologna."),
])
def test_no_move(extractor, lang, text):
    assert [e for e in _events(claims(extractor, text, lang)) if e[0] == "transfer_report"] == []


@pytest.mark.parametrize("lang,text,expected", [
    # quarrel verbs: "fell out with", "locked horns with", "hanno litigato"
    ("en", "Napoli news\n\nMade up. Dries Mertens fell out with Gennaro Gattuso over his role.",
     [("dispute", ("Dries Mertens", "Gennaro Gattuso"), ())]),
    ("en", "Napoli news\n\nMade up. Victor Osimhen locked horns with Gennaro Gattuso at the training ground.",
     [("dispute", ("Gennaro Gattuso", "Victor Osimhen"), ())]),
    ("it", "Napoli\n\nInventato. Victor Osimhen e Gennaro Gattuso avrebbero litigato dopo l'allenamento.",
     [("dispute", ("Gennaro Gattuso", "Victor Osimhen"), ())]),
])
def test_quarrel_verbs(extractor, lang, text, expected):
    assert _events(claims(extractor, text, lang)) == expected


def test_an_exit_from_the_starting_side_is_no_move(extractor):
    text = "Napoli news\n\nMade up. The draw keeps Napoli sixth, and Dries Mertens' exit from the starting side is debated."
    assert _events(claims(extractor, text, "en")) == []
