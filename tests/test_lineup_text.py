"""Lineup blocks as real reports print them, in sentences of our own with the same structure
(the Italian tabellino, "Opstelling X:" and "Neres en Tadic", English "Subs not used")."""
from __future__ import annotations

from fanboard.extract.lineup_text import read_lineups

CLUBS = {"NORDIA": "Nordia", "Nordia": "Nordia", "SUDA": "Suda", "Suda": "Suda", "FC Ovest": "FC Ovest"}


def club_of(text: str) -> str | None:
    return CLUBS.get(text)


def sheet_summary(sheet):
    return {
        "team": sheet.team.text,
        "formation": sheet.formation,
        "starters": [n.text for n in sheet.starters],
        "subs": [(s.off.text, s.on.text, s.minute) for s in sheet.substitutions],
        "bench": [n.text for n in sheet.bench],
        "coach": sheet.coach.text if sheet.coach else None,
        "captain": sheet.captain.text if sheet.captain else None,
        "predicted": sheet.predicted,
    }


TABELLINO = (
    "Il tabellino della partita\n"
    "NORDIA (4-3-3): Amato; Bruno, Conti (88′ Dini), Esposito, Fabbri (dal 61’ Galli); Longo, "
    "Marini (61′ Neri), Orlando; Pace, Quaranta (46′ Riva), Sala. All. Tosi Verdi\n"
    "SUDA (3-4-2-1): Ugo; Vitale, Zanetti, Abate; Barbieri, Caputo, Donati; Ferri (80' Gatti); "
    "Lombardi, Mancini; Nardi (80' Ortolani (90+2' Parisi)). A disposizione: Ruggiero, Santoro, Gatti, "
    "Ortolani, Parisi. All. Tedesco\n"
    "Marcatori: 12' pt Nardi (S), 20' st rig. Sala (N), 86' aut. Abate (N)\n"
    "Espulso: Orlando al 79′ per doppia ammonizione\n"
)


def test_tabellino_two_teams_with_changes_bench_coach_goals_and_red_card():
    lineups = read_lineups(TABELLINO, "it", club_of)
    assert [sheet_summary(s) for s in lineups.sheets] == [
        {"team": "NORDIA", "formation": "4-3-3",
         "starters": ["Amato", "Bruno", "Conti", "Esposito", "Fabbri", "Longo", "Marini", "Orlando",
                      "Pace", "Quaranta", "Sala"],
         "subs": [("Conti", "Dini", 88), ("Fabbri", "Galli", 61), ("Marini", "Neri", 61),
                  ("Quaranta", "Riva", 46)],
         "bench": [], "coach": "Tosi Verdi", "captain": None, "predicted": False},
        {"team": "SUDA", "formation": "3-4-2-1",
         "starters": ["Ugo", "Vitale", "Zanetti", "Abate", "Barbieri", "Caputo", "Donati", "Ferri",
                      "Lombardi", "Mancini", "Nardi"],
         "subs": [("Ferri", "Gatti", 80), ("Nardi", "Ortolani", 80), ("Ortolani", "Parisi", 92)],
         "bench": ["Ruggiero", "Santoro", "Gatti", "Ortolani", "Parisi"], "coach": "Tedesco",
         "captain": None, "predicted": False},
    ]
    assert [(g.scorer.text, g.minute, g.penalty, g.own_goal) for g in lineups.goals] == [
        ("Nardi", 12, False, False), ("Sala", 65, True, False), ("Abate", 86, False, True)]
    assert [(r.player.text, r.minute) for r in lineups.red_cards] == [("Orlando", 79)]


def test_every_name_points_at_its_place_in_the_text():
    lineups = read_lineups(TABELLINO, "it", club_of)
    names = [n for s in lineups.sheets for n in s.starters + s.bench]
    names += [x for s in lineups.sheets for sub in s.substitutions for x in (sub.off, sub.on)]
    assert names and all(TABELLINO[n.start:n.end] == n.text for n in names)


def test_dutch_opstelling_with_en_before_the_last_name_and_no_formation():
    text = ("Opstellingen\n"
            "Nordia: Aarts; Bakker, Claes, Dekker, Evers; Floor, Goris, Hendriks, Jansen; Kok en Leen.\n"
            "Suda: Maas; Nijs, Oost, Peters, Quint; Roos, Smit, Teunis; Ullens, Vos en Wouters.\n")
    sheets = [sheet_summary(s) for s in read_lineups(text, "nl", club_of).sheets]
    assert [s["team"] for s in sheets] == ["Nordia", "Suda"]
    assert sheets[0]["starters"][-2:] == ["Kok", "Leen"] and len(sheets[0]["starters"]) == 11
    assert sheets[1]["starters"] == ["Maas", "Nijs", "Oost", "Peters", "Quint", "Roos", "Smit", "Teunis",
                                     "Ullens", "Vos", "Wouters"]


def test_english_teams_with_minute_after_the_name_captain_and_unused_subs():
    text = ("Suda: Ugo; Vitale (c), Zanetti, Abate; Barbieri, Caputo (Gatti 71), Donati, Ferri; "
            "Lombardi, Mancini (Ortolani 84); Nardi. Subs not used: Ruggiero, Santoro.\n"
            "Goals: Nardi 33, Lombardi 90+1\n")
    lineups = read_lineups(text, "en", club_of)
    (sheet,) = lineups.sheets
    assert sheet_summary(sheet) == {
        "team": "Suda", "formation": None,
        "starters": ["Ugo", "Vitale", "Zanetti", "Abate", "Barbieri", "Caputo", "Donati", "Ferri",
                     "Lombardi", "Mancini", "Nardi"],
        "subs": [("Caputo", "Gatti", 71), ("Mancini", "Ortolani", 84)],
        "bench": ["Ruggiero", "Santoro"], "coach": None, "captain": "Vitale", "predicted": False}
    assert [(g.scorer.text, g.minute) for g in lineups.goals] == [("Nardi", 33), ("Lombardi", 91)]


def test_a_predicted_lineup_is_marked_and_a_short_list_is_no_lineup():
    text = ("Vermoedelijke opstelling Nordia: Aarts; Bakker, Claes, Dekker, Evers; Floor, Goris, Hendriks; "
            "Jansen, Kok, Leen.\n"
            "Suda: Maas, Nijs en Oost waren de beste spelers.\n")
    sheets = read_lineups(text, "nl", club_of).sheets
    assert [(s.team.text, s.predicted) for s in sheets] == [("Nordia", True)]


def test_a_line_that_names_no_known_club_is_no_lineup():
    text = "Rivali: Aarts; Bakker, Claes, Dekker, Evers; Floor, Goris, Hendriks; Jansen, Kok, Leen."
    assert read_lineups(text, "it", club_of).sheets == ()


def test_one_scorer_with_two_minutes_of_the_second_half():
    text = "RETI: 30′ pt rig. Sala (N), 5′ e 22′ st B. Nardi (S).\n"
    goals = read_lineups(text, "it", club_of).goals
    assert [(g.scorer.text, g.minute, g.penalty) for g in goals] == [
        ("Sala", 30, True), ("B. Nardi", 50, False), ("B. Nardi", 67, False)]
    assert all(text[g.scorer.start:g.scorer.end] == g.scorer.text for g in goals)


RATED_TABELLINO = (
    "SUDA (4-2-3-1): Ugo 6; Vitale 6 (12′ st Zanetti 6), Abate 6,5, Barbieri 7, Caputo 7; Donati 6, "
    "Ferri 6,5; Gatti 7 (24′ st Lombardi 5,5), Mancini (cap.) 7, Nardi 6,5 (40′ st Ortolani sv); Parisi 6,5. "
    "A disp.: 1 Ruggiero, 16 Santoro, 22 Amato. All.: Tedesco Rossi 6,5.\n"
)


def test_ratings_with_a_decimal_comma_shirt_numbers_and_a_captain_before_his_change():
    # "Name 6,5", "(cap.) (33' st Name)", "A disp.: 31 Name", "Name sv": same structure as real tabellini
    (sheet,) = read_lineups(RATED_TABELLINO, "it", club_of).sheets
    got = sheet_summary(sheet)
    assert got["starters"] == ["Ugo", "Vitale", "Abate", "Barbieri", "Caputo", "Donati", "Ferri", "Gatti",
                               "Mancini", "Nardi", "Parisi"]
    assert got["subs"] == [("Vitale", "Zanetti", 57), ("Gatti", "Lombardi", 69), ("Nardi", "Ortolani", 85)]
    assert got["bench"] == ["Ruggiero", "Santoro", "Amato"]
    assert got["captain"] == "Mancini"


def test_a_captain_marked_before_his_substitution_is_still_replaced():
    text = ("NORDIA (3-4-1-2): Amato; Bruno, Conti, Dini; Esposito, Fabbri, Galli, Longo; "
            "Marini (cap.) (33′ st Neri); Orlando (33′ st Pace), Sala. A disp.: Riva. All. Tosi\n")
    (sheet,) = read_lineups(text, "it", club_of).sheets
    assert sheet_summary(sheet)["subs"] == [("Marini", "Neri", 78), ("Orlando", "Pace", 78)]
    assert sheet_summary(sheet)["captain"] == "Marini"
