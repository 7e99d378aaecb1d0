"""Round 7 of issue 10, Italian and English statuses and matches: constructions of real
reporting the extractor missed or misread. Every sentence here is invented for the tests; each
copies the structure of a real construction with other words, other clubs and other players."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import article, extractor  # noqa: F401


def _claims(extractor, text: str, lang: str = "it", published=date(2021, 1, 7)):
    a = article(text, lang)
    a.published = published
    return extractor.extract(a)


def statuses(c):
    pairs = {m.key: (m.subject, m.opponent) for m in c.matches}
    return sorted((s.player, s.status, pairs.get(s.match_key)) for s in c.statuses)


def matches(c):
    return sorted(((m.subject, m.opponent, m.subject_goals, m.opponent_goals, m.status) for m in c.matches),
                  key=lambda row: tuple("" if x is None else str(x) for x in row))


LT = ("Lazio", "Torino")


FS = ("Fiorentina", "Sassuolo")
PLAYED = "Fiorentina\n\nInventato. La Fiorentina ha battuto il Sassuolo 2-1. "
COMING = "Fiorentina\n\nInventato. La Fiorentina affronterà il Sassuolo domenica. "


@pytest.mark.parametrize("text,expected", [
    # "entra X per Y", "fuori X, dentro Y", "esce X, entra Y": the changes of a live report
    (PLAYED + "Al 70' entra Kouamé per Vlahović.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    (PLAYED + "Al 70' fuori Vlahović, dentro Kouamé.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    (PLAYED + "Al 70' esce Vlahović, entra Kouamé.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    # "X entrato in sostituzione di (a tired) Y"
    ("Fiorentina\n\nInventato. La Fiorentina ha battuto il Sassuolo 2-1, con il gol di Kouamé entrato in "
     "sostituzione di uno stanco Vlahović.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    # "X fa il suo ingresso", "<coach> inserisce (anche) X"
    (PLAYED + "Kouamé fa il suo ingresso al 60'.", [("Christian Kouamé", "substituted_on", FS)]),
    (PLAYED + "Prandelli inserisce anche Kouamé e il francese segna subito.",
     [("Christian Kouamé", "substituted_on", FS)]),
    # "alza bandiera bianca X, costretto a lasciare il campo ... Entra Y"
    ("Fiorentina\n\nInventato. La Fiorentina ha pareggiato con il Sassuolo. Al 30' si ferma Castrovilli, "
     "costretto a lasciare il campo per un colpo alla caviglia. Entra Amrabat e la partita cambia.",
     [("Gaetano Castrovilli", "substituted_off", FS),
      ("Sofyan Amrabat", "substituted_on", FS)]),
    # a pass "di X per Y" is no substitution, even beside a change
    (PLAYED + "Entra Kouamé e subito un cross di Biraghi per Vlahović.",
     [("Christian Kouamé", "substituted_on", FS)]),
    # "dentro" as a place is no change
    (PLAYED + "Dentro l'area Vlahović calcia fuori.", []),
])
def test_italian_substitutions_in_prose(extractor, text, expected):
    assert statuses(_claims(extractor, text)) == expected


@pytest.mark.parametrize("text,expected", [
    (COMING + "Out per infortunio Ribéry.", [("Franck Ribéry", "left_out", FS)]),
    (COMING + "Castrovilli salterà la sfida per squalifica.", [("Gaetano Castrovilli", "left_out", FS)]),
    (COMING + "Ribéry ai box per un problema muscolare.", [("Franck Ribéry", "left_out", FS)]),
    (COMING + "Ribéry e Castrovilli sono tra i non convocati.",
     [("Franck Ribéry", "left_out", FS), ("Gaetano Castrovilli", "left_out", FS)]),
    (PLAYED + "Squalificato Castrovilli, Prandelli ha schierato Amrabat.",
     [("Gaetano Castrovilli", "left_out", FS)]),
    # "a <coach> mancavano X, Y e Z": those missing from the match told, not the return leg
    ("Fiorentina\n\nInventato. La Fiorentina ha perso 0-1 contro il Sassuolo. Al ritorno servirà un'impresa, "
     "visto che stasera a Prandelli mancavano Ribéry, Castrovilli e Amrabat.",
     [("Franck Ribéry", "left_out", FS), ("Gaetano Castrovilli", "left_out", FS),
      ("Sofyan Amrabat", "left_out", FS)]),
    # "manca" with no player right after names no one
    (PLAYED + "Manca ancora il gol a Vlahović.", []),
])
def test_italian_absences(extractor, text, expected):
    assert statuses(_claims(extractor, text)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Immobile missed the game through injury.", [("Ciro Immobile", "left_out", LT)]),
    ("Immobile sat out the match with a knock.", [("Ciro Immobile", "left_out", LT)]),
    # "<coach> replaced X with Y": X went off, Y came on
    ("Inzaghi replaced Immobile with Correa at half-time.",
     [("Ciro Immobile", "substituted_off", LT),
      ("Joaquín Correa", "substituted_on", LT)]),
    # "X replaced Y with ten minutes left": X came on
    ("Correa replaced Immobile with ten minutes left.",
     [("Ciro Immobile", "substituted_off", LT),
      ("Joaquín Correa", "substituted_on", LT)]),
    # "benched X and started Y": Y started, nothing said of X
    ("Inzaghi benched Immobile and started Correa.", [("Joaquín Correa", "started", LT)]),
    # dropped to the bench: not out of the squad
    ("Immobile, who was dropped to the bench, came on late.", [("Ciro Immobile", "substituted_on", LT)]),
    # a match suspended is no player suspended; a chance missed is no match missed
    ("After a goal by Immobile, the match was suspended for ten minutes.", []),
    ("Immobile missed a sitter in the match.", []),
])
def test_english_statuses_of_a_played_match(extractor, sentence, expected):
    text = "Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. " + sentence
    assert statuses(_claims(extractor, text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Immobile is suspended, while Acerbi is fit again.", [("Ciro Immobile", "left_out", LT)]),
    ("Immobile will miss the match through suspension.", [("Ciro Immobile", "left_out", LT)]),
    ("Immobile will sit out the trip to Turin.", [("Ciro Immobile", "left_out", LT)]),
])
def test_english_absences_from_a_coming_match(extractor, sentence, expected):
    text = "Lazio\n\nInvented. Lazio face Torino on Sunday. " + sentence
    assert statuses(_claims(extractor, text, "en")) == expected


def test_a_team_sheet_with_its_formation_after_the_colon(extractor):
    # "CLUB: (3-5-2): keeper; ...": the formation stands after the colon; the keeper started
    text = ("Lazio-Torino\n\nInventato. La Lazio ha battuto il Torino 2-1.\n\n"
            "LAZIO: (3-5-2): Strakosha; Patric (dal 60' Hoedt), Acerbi, Radu; Lazzari, Milinković-Savić, "
            "Leiva, Luis Alberto, Marušić; Correa, Immobile. All.: Inzaghi.\n"
            "TORINO: (3-5-2): Sirigu; Izzo, Nkoulou, Bremer; Singo, Lukić, Rincón, Linetty, Ansaldi; "
            "Zaza, Belotti. All.: Nicola.")
    rows = statuses(_claims(extractor, text))
    assert ("Thomas Strakosha", "started", LT) in rows
    assert ("Salvatore Sirigu", "started", LT) in rows
    assert ("Wesley Hoedt", "substituted_on", LT) in rows


def test_a_sheet_names_a_player_by_a_surname_of_two_words_or_by_his_alias_surname(extractor):
    # "Di Lorenzo" in the club's sheet; "Traoré" for the club's player whose alias ends so
    text = ("Napoli-Roma\n\nInventato. Il Napoli ha battuto la Roma 1-0.\n\n"
            "Napoli (4-3-3): Meret; Di Lorenzo, Manolas, Koulibaly, Hysaj; Fabián Ruiz, Demme, Zieliński; "
            "Politano, Osimhen, Insigne. All. Gattuso.")
    assert ("Giovanni Di Lorenzo", "started", ("Napoli", "Roma")) in statuses(_claims(extractor, text))


@pytest.mark.parametrize("text,expected", [
    ("Napoli\n\nInventato. Il Napoli ha battuto la Roma 2-0. Di Lorenzo è stato sostituito al 70'.",
     ["Giovanni Di Lorenzo"]),
    # the preposition before a first name is not the surname
    ("Napoli\n\nInventato. Il Napoli ha battuto la Roma 2-0. Il gol è arrivato su cross di Lorenzo Insigne.",
     ["Lorenzo Insigne"]),
])
def test_a_surname_opening_with_a_preposition_needs_its_capital(extractor, text, expected):
    from extract_helpers import analysed
    doc = analysed(text, "it")
    assert [e.text and e.ent_id_ for e in doc.ents if e.label_ == "PERSON"] == \
        [{"Giovanni Di Lorenzo": "giovanni-di-lorenzo", "Lorenzo Insigne": "lorenzo-insigne"}[n] for n in expected]


def test_a_sheet_names_a_player_by_the_last_word_of_his_alias(extractor):
    # the club's "Amad Traoré" is its "Traoré"; another club's own Traoré keeps his goal
    text = ("Atalanta-Ajax\n\nInventato. L'Atalanta ha pareggiato 1-1 con l'Ajax.\n\n"
            "Atalanta (3-4-2-1): Sportiello; Djimsiti, Caldara, Palomino; Maehle, Pašalić, Freuler, Gosens; "
            "Malinovskyi (70' Traoré), Iličić; Zapata. All. Gasperini.\n"
            "Ajax (4-2-3-1): Onana; Timber, Martínez, Blind, Tagliafico; Gravenberch, Klaassen; "
            "Antony, Tadić, Neres; Traoré. All. ten Hag.\nMarcatori: 20' Traoré, 80' Zapata.")
    c = _claims(extractor, text)
    assert ("Amad Diallo", "substituted_on", ("Atalanta", "Ajax")) in statuses(c)
    assert ("Lassina Traoré", "started", ("Atalanta", "Ajax")) in statuses(c)
    assert sorted(g.scorer for g in c.goals) == ["Duván Zapata", "Lassina Traoré"]


@pytest.mark.parametrize("sentence,expected", [
    # "<coach> ha sostituito X con Y": X went off, Y came on; "X ha sostituito Y": X came on
    ("Prandelli ha sostituito Vlahović con Kouamé al 70'.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    ("Kouamé ha sostituito Vlahović al 70'.",
     [("Christian Kouamé", "substituted_on", FS),
      ("Dušan Vlahović", "substituted_off", FS)]),
    ("Vlahović è stato rilevato al 70'.", [("Dušan Vlahović", "substituted_off", FS)]),
    # left out of the starting eleven is neither left out of the squad nor a start
    ("Vlahović, escluso dall'undici titolare, è entrato nella ripresa.", [("Dušan Vlahović", "substituted_on", FS)]),
    ("Vlahović non è partito titolare.", []),
    ("Vlahović, relegato in panchina, non è entrato.", [("Dušan Vlahović", "unused_substitute", FS)]),
])
def test_italian_changes_and_the_starting_eleven(extractor, sentence, expected):
    assert statuses(_claims(extractor, PLAYED + sentence)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Lazio\n\nInvented. Lazio face Torino on Sunday. Immobile is out injured, and Acerbi is unavailable.",
     [("Ciro Immobile", "left_out", LT), ("Francesco Acerbi", "left_out", LT)]),
    ("Lazio\n\nInvented. Lazio face Torino on Sunday. Lazio will be without the injured Immobile.",
     [("Ciro Immobile", "left_out", LT)]),
    ("Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. Immobile was not in the matchday squad.",
     [("Ciro Immobile", "left_out", LT)]),
    ("Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. Correa, a second-half substitute, scored the winner.",
     [("Joaquín Correa", "substituted_on", LT)]),
    # "X was sent on for Y": X came on, Y went off
    ("Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. Correa was sent on for Immobile in the 60th minute.",
     [("Ciro Immobile", "substituted_off", LT),
      ("Joaquín Correa", "substituted_on", LT)]),
    ("Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. Immobile came off injured after 20 minutes.",
     [("Ciro Immobile", "substituted_off", LT)]),
    # a shot that came off the post is no substitution
    ("Lazio\n\nInvented. Lazio beat Torino 2-1 on Sunday. Immobile's shot came off the post.", []),
])
def test_more_english_absences_and_changes(extractor, text, expected):
    assert sorted(statuses(_claims(extractor, text, "en"))) == sorted(expected)


@pytest.mark.parametrize("text,lang,expected", [
    # "X-Y è finita / finisce / si è chiusa sul <score>": home and away and the final score
    ("Fiorentina\n\nInventato. Fiorentina-Sassuolo è finita 0-1.", "it",
     [("Fiorentina", "Sassuolo", 0, 1, "played")]),
    ("Fiorentina\n\nInventato. Fiorentina-Sassuolo finisce 2-2 al termine di una gara vivace.", "it",
     [("Fiorentina", "Sassuolo", 2, 2, "played")]),
    ("Fiorentina\n\nInventato. Fiorentina-Sassuolo si è chiusa sul 3-1.", "it",
     [("Fiorentina", "Sassuolo", 3, 1, "played")]),
    ("Lazio\n\nInvented. Lazio v Torino finished 0-0.", "en", [("Lazio", "Torino", 0, 0, "played")]),
])
def test_a_pair_and_the_score_it_ended_with(extractor, text, lang, expected):
    assert matches(_claims(extractor, text, lang)) == expected
