"""Round 6 of issue 10, Italian: constructions of real Italian reporting the extractor missed or
misread. Every sentence here is invented for the tests; each copies the structure of a real
construction with other words, other clubs and other players."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import article, extractor  # noqa: F401


def _claims(extractor, text: str, published=date(2021, 1, 7)):
    a = article(text, "it")
    a.published = published
    return extractor.extract(a)


def matches(c):
    return sorted(((m.subject, m.opponent, m.subject_goals, m.opponent_goals, m.status, m.venue) for m in c.matches),
                  key=lambda row: tuple("" if x is None else str(x) for x in row))


def events(c):
    return [(e.event_type, e.agents, e.targets) for e in c.events]


@pytest.mark.parametrize("text,expected", [
    # "Ko X e Y" opening a clause: X and Y lost; no opponent is named, so no match
    ("Lazio\n\nInventato. La Lazio vola, Genoa e Torino inseguono. Ko Sassuolo e Udinese", []),
    ("Lazio\n\nInventato. Cade la Sampdoria.", []),
    # with a connector after the club the other side is named ("Cade X con Y")
    ("Lazio\n\nInventato. Cade la Sampdoria con il Torino.",
     [("Sampdoria", "Torino", None, None, "played", None)]),
    # "ko" after its club, or with a connector, stays a defeat of the club before it
    ("Lazio\n\nInventato. La Lazio incassa il ko contro il Torino.",
     [("Lazio", "Torino", None, None, "played", None)]),
])
def test_ko_opening_a_clause_names_the_losers(extractor, text, expected):
    assert matches(_claims(extractor, text)) == expected


def test_the_same_result_between_two_clubs_is_their_match(extractor):
    # "Stesso risultato tra X e Y" after a draw: X and Y played (the score is the calendar's)
    c = _claims(extractor, "Lazio\n\nInventato. Il Genoa pareggia 1-1 contro il Torino. Stesso "
                           "risultato tra Parma e Spezia, con i gialloblù ancora in crisi.")
    assert matches(c) == [("Genoa", "Torino", 1, 1, "played", None),
                          ("Parma", "Spezia", None, None, "played", None)]


@pytest.mark.parametrize("text", [
    # "contro i danesi del X": a nationality, then the club; "nell’intervallo" (typographic
    # apostrophe) says the match was played, as "nell'intervallo" does
    "Lazio\n\nInventato. La lite è scoppiata nell’intervallo del match europeo contro i "
    "tedeschi del Borussia Dortmund, quando Inzaghi ha discusso con Immobile.",
    "Lazio\n\nInventato. La lite è scoppiata nell'intervallo del match europeo contro i "
    "tedeschi del Borussia Dortmund, quando Inzaghi ha discusso con Immobile.",
])
def test_an_opponent_described_by_its_nationality(extractor, text):
    assert matches(_claims(extractor, text)) == [("Lazio", "Borussia Dortmund", None, None, "played", None)]


@pytest.mark.parametrize("text,expected", [
    # "un cazzotto sferrato da/del X al suo allenatore" (or "contro Y"): X struck, the coach was struck
    ("Lazio\n\nInventato. Si parla di un cazzotto sferrato da Immobile al proprio allenatore.",
     [("altercation", ["Ciro Immobile"], ["Simone Inzaghi"])]),
    ("Lazio\n\nInventato. Si parla di un cazzotto sferrato da Immobile contro Inzaghi.",
     [("altercation", ["Ciro Immobile"], ["Simone Inzaghi"])]),
    # no one named after 'da'/'del': both are parties, as in any quarrel
    ("Lazio\n\nInventato. Tra Immobile e Inzaghi è volato un cazzotto.",
     [("altercation", ["Ciro Immobile", "Simone Inzaghi"], [])]),
])
def test_a_punch_has_a_striker_and_a_target(extractor, text, expected):
    assert events(_claims(extractor, text)) == expected


def test_a_line_of_capitals_opening_with_video_is_a_link_not_a_match(extractor):
    # "VIDEO X-Y 2-1: LE IMMAGINI": the title of another page; a headline in capitals is kept
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio batte il Genoa 2-0.\n\nVIDEO TORINO-NAPOLI 1-2: LE "
                           "IMMAGINI DEL MATCH\n\nIMMOBILE SEGNA, LAZIO-GENOA 2-0")
    assert matches(c) == [("Lazio", "Genoa", 2, 0, "played", "home")]


@pytest.mark.parametrize("text,expected", [
    # a sentence opened by a gerund cue and its object: the subject comes after the object
    ("Lazio\n\nInventato. Battendo il Genoa per 3 a 1 la Sampdoria sale al nono posto.",
     [("Sampdoria", "Genoa", 3, 1, "played", None)]),   # the score in words read since round 10
    # a second object after 'e' is no subject
    ("Lazio\n\nInventato. Battendo il Genoa e il Torino, la Lazio sale al quinto posto.",
     [("Lazio", "Genoa", None, None, "played", None), ("Lazio", "Torino", None, None, "played", None)]),
    # "X, che aveva sconfitto per 3 a 1 il Y": a win by X, the score in words read
    ("Lazio\n\nInventato. Il Milan resta davanti alla Juventus, che nell’anticipo aveva sconfitto per 3 a 1 il "
     "Torino.", [("Juventus", "Torino", 3, 1, "played", None)]),   # the score in words read since round 10
    # "X corsaro a <city>": an away win at the city's club
    ("Lazio\n\nInventato. Spezia corsaro a Torino, una vittoria che vale la salvezza.",
     [("Spezia", "Torino", None, None, "played", "away")]),
])
def test_round_up_results(extractor, text, expected):
    assert matches(_claims(extractor, text)) == expected


def statuses(c):
    pairs = {m.key: (m.subject, m.opponent) for m in c.matches}
    return sorted((s.player, s.status, pairs.get(s.match_key)) for s in c.statuses)


def test_a_pair_that_will_face_each_other_and_who_will_miss_it(extractor):
    # "X e Y, <quando>, si sfideranno": a match to come (X printed first: the order hint); "mancherà X", "X è
    # ancora out": left out; "se X dovesse farcela giocherà dal primo minuto": no status, a condition
    c = _claims(extractor, "Lazio\n\nInventato. Lazio e Torino, nella serata di sabato 9 gennaio, si sfideranno "
                           "all'Olimpico. Dietro mancherà lo squalificato Acerbi. Sulla fascia Lazzari è "
                           "ancora out: se Marusic ce la fa sarà in campo dal primo minuto.")
    assert matches(c) == [("Lazio", "Torino", None, None, "scheduled", None)]
    assert statuses(c) == [("Francesco Acerbi", "left_out", ("Lazio", "Torino")),
                           ("Manuel Lazzari", "left_out", ("Lazio", "Torino"))]


def test_a_pair_that_faced_each_other(extractor):
    c = _claims(extractor, "Lazio\n\nInventato. Genoa e Torino si sono affrontate ieri sera.")
    assert matches(c) == [("Genoa", "Torino", None, None, "played", None)]


@pytest.mark.parametrize("text", [
    # "escludendolo dai convocati": the player the pronoun stands for, named before it
    "Lazio\n\nInventato. Inzaghi ha dato un segnale a Luis Alberto, escludendolo dalla lista per la "
    "gara di domani contro il Torino.",
    # "ha scelto di non convocare X"
    "Lazio\n\nInventato. Per il match di domani contro il Torino Inzaghi ha scelto di non convocare "
    "Luis Alberto.",
])
def test_a_coach_who_leaves_a_player_out(extractor, text):
    c = _claims(extractor, text)
    assert matches(c) == [("Lazio", "Torino", None, None, "scheduled", None)]
    assert statuses(c) == [("Luis Alberto", "left_out", ("Lazio", "Torino"))]


def test_a_preview_of_a_fixture_later_put_off_is_dated_on_its_first_day():
    # "X giocherà domenica 6 dicembre contro Y", written the day before; the match was then put
    # off and played in January: the preview links to the fixture, on the day it announced
    import pandas as pd

    from fanboard.extract.claims import MatchClaim
    from fanboard.extract.times import TimeExpr
    from fanboard.reference import DECISION_COLUMNS, FIXTURE_COLUMNS
    from fanboard.resolve.reconcile import Reconciler, Window

    fx = pd.DataFrame([{
        "fixture_id": "2021-01-20-westmoor-rivertown", "competition": "Invented League", "season": "2020-21",
        "round": "Matchday 10", "matchday": 10, "date": "2021-01-20", "original_date": "2020-12-06",
        "home": "Westmoor", "away": "Rivertown", "home_goals": 1, "away_goals": 1, "status": "played",
        "note": "postponed on 2020-12-06: waterlogged pitch"}], columns=FIXTURE_COLUMNS)
    rec = Reconciler(None, fx.astype({"matchday": "Int64", "home_goals": "Int64", "away_goals": "Int64"}),
                     pd.DataFrame(columns=DECISION_COLUMNS))
    day = TimeExpr("domenica 6 dicembre", 0, 19, "date", "nearest", (None, 12, 6, 6), "it", "future")
    preview = MatchClaim("a#m1", "a", "Rivertown", "Westmoor", status="scheduled", time=day)
    window = Window(date(2020, 12, 5), date(2020, 12, 5))
    [f] = rec.candidates(preview, window)
    assert rec.fixture_day(preview, f) == date(2020, 12, 6)
    # a preview without a day, or one of the day it was played, is the day it was played
    later = MatchClaim("b#m1", "b", "Rivertown", "Westmoor", status="scheduled")
    assert rec.fixture_day(later, f) == date(2021, 1, 20)
    january = TimeExpr("mercoledì 20 gennaio", 0, 20, "date", "nearest", (None, 1, 20, 2), "it", "future")
    assert rec.fixture_day(MatchClaim("c#m1", "c", "Rivertown", "Westmoor", status="scheduled", time=january),
                           f) == date(2021, 1, 20)


def test_a_substitution_is_not_told_of_the_match_still_to_come(extractor):
    # "Nell'ultima gara ... ha lasciato il campo, sostituito da Y" in a preview of the next match
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio giocherà domani contro il Torino. Nell'ultima partita "
                           "europea Immobile è uscito dopo il primo tempo, sostituito da Caicedo.")
    assert matches(c) == [("Lazio", "Torino", None, None, "scheduled", None)]
    assert statuses(c) == []


@pytest.mark.parametrize("text,expected", [
    # "l'incontro decisivo con gli olandesi": an adjective between the cue and its connector, and a
    # club told by its country (the one Dutch club the article names)
    ("Lazio\n\nInventato. La Lazio resta davanti all'Ajax. L'incontro decisivo con gli olandesi, in "
     "programma il 9 dicembre, vale gli ottavi.", [("Lazio", "Ajax", None, None, "scheduled", None)]),
    # 'in casa dei "Bianconeri"': a nickname between quotation marks is a name, not quoted speech
    ("Lazio\n\nInventato. Alla Lazio basterà un pari nella prossima gara in casa dei "
     "\"Bianconeri\".", [("Lazio", "Juventus", None, None, "scheduled", "away")]),
])
def test_opponents_told_by_description_or_nickname(extractor, text, expected):
    assert matches(_claims(extractor, text)) == expected


def test_quoted_speech_is_still_no_claim(extractor):
    # more than a word or two between quotation marks is speech: its matches are not the reporter's
    c = _claims(extractor, "Lazio\n\nInventato. Inzaghi ha detto: \"Abbiamo battuto il Torino e ora pensiamo "
                           "al resto\".")
    assert matches(c) == []


def test_a_club_that_awaits_another_hosts_it(extractor):
    # "domenica X aspetta Y a <città>": X at home, still to come
    c = _claims(extractor, "Lazio\n\nInventato. Intanto domenica la Lazio aspetta il Torino nel prossimo "
                           "turno di campionato.")
    assert matches(c) == [("Lazio", "Torino", None, None, "scheduled", "home")]


def test_a_recovery_match_and_who_misses_it(extractor):
    # "X sfida Y per recuperare la partita ..., rinviata il 6 dicembre": the recovery, still to
    # come (the day is the postponement's, not its own); "qualora arrivasse un ko": no match; "il
    # match di oggi" of one of its clubs is that match; "Assente X", "indisponibile Y": left out
    c = _claims(extractor, "Lazio\n\nInventato. Oggi alle 15 Inzaghi rischia il posto. La Lazio sfida il Torino "
                           "all'Olimpico per recuperare la partita del decimo turno, rinviata il 6 dicembre "
                           "scorso a causa della neve. Qualora arrivasse un altro ko stasera, il tecnico rischia. "
                           "Inzaghi ha chiamato tutti per il match di oggi. Assente, ancora una volta, Lucas "
                           "Leiva. Indisponibile anche l'infortunato Luiz Felipe.", published=None)
    assert matches(c) == [("Lazio", None, None, None, None, None), ("Lazio", "Torino", None, None, "scheduled", None)]
    assert statuses(c) == [("Lucas Leiva", "left_out", ("Lazio", "Torino")),
                           ("Luiz Felipe", "left_out", ("Lazio", "Torino"))]


def test_a_club_told_by_its_lower_case_nickname(extractor):
    # "l'allenatore dei partenopei viene dal successo sul X": Napoli's win, not the article
    # club's (descriptions.csv: "partenopei" is club:napoli)
    c = _claims(extractor, "Lazio\n\nInventato. Stasera è Inzaghi contro Gattuso: l'allenatore dei partenopei "
                           "viene dal successo in campionato sul Torino.")
    assert matches(c) == [("Napoli", "Torino", None, None, "played", None)]


def test_the_article_club_overtaken_in_a_standings_sentence_by_its_nickname(extractor):
    # "I biancocelesti sono stati superati dal Milan ..., usciti vincitori dalle sfide contro X e Y":
    # the article's club named by its nickname before the others: still the others' games
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio pareggia 1-1 con il Genoa. I biancocelesti sono stati "
                           "superati dal Milan e raggiunti dalla Roma, usciti vincitori dalle sfide contro Torino "
                           "e Parma.")
    assert matches(c) == [("Lazio", "Genoa", 1, 1, "played", None)]


def test_two_sides_on_the_field_of_a_town_are_no_match_against_it(extractor):
    # "X e i partenopei in campo a <città>": the town is the venue of
    # their match, not a third side
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio batte il Genoa 2-0. Mercoledì Torino e partenopei "
                           "scenderanno in campo a Udine, in coppa.")
    assert matches(c) == [("Lazio", "Genoa", 2, 0, "played", None)]


def goals(c):
    pairs = {m.key: (m.subject, m.opponent) for m in c.matches}
    return sorted((g.scorer, g.team, g.minute, pairs.get(g.match_key)) for g in c.goals)


def test_a_score_line_with_its_scorers_minutes_first(extractor):
    # "X-Y 3-1: 12′, 40′ A, 55′ B, 80′ C": the score before a colon is a score; each player after
    # the minutes he scored in
    c = _claims(extractor, "Napoli\n\nNapoli-Torino 3-1: 12′, 40′ Mertens, 55′ Belotti, 80′ Zielinski")
    assert matches(c) == [("Napoli", "Torino", 3, 1, "played", "home")]
    assert goals(c) == [("Andrea Belotti", "Torino", 55, ("Napoli", "Torino")),
                        ("Dries Mertens", "Napoli", 12, ("Napoli", "Torino")),
                        ("Dries Mertens", "Napoli", 40, ("Napoli", "Torino")),
                        ("Piotr Zieliński", "Napoli", 80, ("Napoli", "Torino"))]


def test_substitutions_thrown_into_the_fray_and_in_his_place(extractor):
    # "<coach> getta nella mischia X per Y": X on, Y off; "Si fa male X, al suo posto Y": X off, Y on
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio batte il Torino 2-0. Nella ripresa Inzaghi getta nella "
                           "mischia Correa per Muriqi. Si fa male Lazzari, al suo posto Marusic.")
    assert statuses(c) == [("Adam Marušić", "substituted_on", ("Lazio", "Torino")),
                           ("Joaquín Correa", "substituted_on", ("Lazio", "Torino")),
                           ("Manuel Lazzari", "substituted_off", ("Lazio", "Torino")),
                           ("Vedat Muriqi", "substituted_off", ("Lazio", "Torino"))]


def test_a_team_sheet_names_a_player_who_was_at_the_club_for_part_of_the_season(extractor):
    # Depaoli left Atalanta for Benevento in January (memberships.csv): an autumn team sheet of
    # Atalanta that lists him on the bench is still his
    c = _claims(extractor, "Atalanta-Sampdoria 2-0 (articolo inventato)\n\nIl tabellino\n"
                           "ATALANTA (3-5-2): Sportiello; Palomino, Caldara, Toloi; Maehle, Pasalic, De Roon, "
                           "Freuler, Gosens; Zapata, Muriel. A disp.: 27 Depaoli, 31 Rossi. All.: Gasperini\n",
                published=date(2020, 11, 2))
    bench = [row for row in statuses(c) if row[1] == "unused_substitute"]
    assert bench == [("Fabio Depaoli", "unused_substitute", ("Atalanta", "Sampdoria")),
                     ("Francesco Rossi", "unused_substitute", ("Atalanta", "Sampdoria"))]


@pytest.mark.parametrize("text,expected", [
    # "X ha lasciato <città> per raggiungere <club>, la sua nuova squadra": a move to that club
    ("Lazio\n\nInventato. È finita l'avventura di Immobile con la Lazio: oggi ha lasciato la capitale per raggiungere "
     "Siviglia, la sua nuova squadra.", [("transfer_report", ["Sevilla"], ["Ciro Immobile"])]),
    # "ha lasciato fuori X", "ha lasciato il campo": no move
    ("Lazio\n\nInventato. Per questa trasferta Inzaghi ha lasciato fuori Immobile dall'elenco dei convocati.", []),
    ("Lazio\n\nInventato. La Lazio batte il Torino 2-0. Immobile ha lasciato il campo dopo venti minuti.", []),
])
def test_a_player_who_has_left(extractor, text, expected):
    assert [e for e in events(_claims(extractor, text)) if e[0] == "transfer_report"] == expected


def test_a_player_who_made_way_has_not_left(extractor):
    # "all'intervallo ha lasciato il posto a X": a substitution, not a move
    c = _claims(extractor, "Lazio\n\nInventato. La Lazio batte il Torino 2-0. Immobile all'intervallo ha lasciato "
                           "il posto a Caicedo.")
    assert [e for e in events(c) if e[0] == "transfer_report"] == []
    assert [row for row in statuses(c) if row[1] == "expected_departure"] == []
