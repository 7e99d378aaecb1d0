"""Appearances (who played, and for how long) as reference data: the importer
(`python -m fanboard import-appearances`), its checks, and the statuses of the articles
checked against it (player_status.match_data and contradictions with rule `appearances`)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from fanboard.__main__ import main
from fanboard.appearances import APPEARANCE_COLUMNS, DEFAULT_APPEARANCES, load_appearances
from fanboard.extract.claims import ArticleClaims, MatchClaim, Provenance, StatusClaim
from fanboard.paths import KB_DIR, REFERENCE_DIR
from fanboard.reference import DECISION_COLUMNS, FIXTURE_COLUMNS, load_fixtures
from fanboard.resolve.appearances import check_statuses
from fanboard.resolve.merge import Assembler
from fanboard.resolve.reconcile import Link, Reconciler, Window
from fanboard.tables import frame

SHARED = Path("/work/shared/reference/serie_a_2020_21_appearances.csv")
HEADER = "player,shirt,team,matchday,home,away,minutes,goals,red_card\n"
# matchday 11, Atalanta 3-0 Fiorentina on 2020-12-13 (data/reference/fixtures.csv)
GOOD = HEADER + ("A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,12,0,0\n"
                 "Z.NOBODY,77,FIORENTINA,11,ATALANTA,FIORENTINA,90,,0\n")


def run(tmp_path: Path, text: str, capsys, out: Path | None = None) -> tuple[int, str, str]:
    src = tmp_path / "appearances_in.csv"
    src.write_text(text, encoding="utf-8")
    code = main(["import-appearances", str(src), "--out", str(out or tmp_path / "appearances.csv")])
    got = capsys.readouterr()
    return code, got.out, got.err


# -- the importer ------------------------------------------------------------------

def test_import_maps_matches_to_fixtures_and_players_to_people(tmp_path, capsys):
    code, out, err = run(tmp_path, GOOD, capsys)
    assert code == 0, err
    assert "2 appearances in 1 matches read (1 players identified, 1 not)" in out
    assert "not identified in data/kb/people.csv (kept without a person): Fiorentina: Z.NOBODY" in err
    got = pd.read_csv(tmp_path / "appearances.csv", dtype=str, keep_default_na=False)
    assert got.to_dict("records") == [
        {"fixture_id": "2020-12-13-atalanta-fiorentina", "date": "2020-12-13", "club": "Atalanta",
         "player": "A.GOMEZ", "shirt": "10", "person_id": "alejandro-gomez", "minutes": "12", "goals": "0",
         "red_card": "0"},
        {"fixture_id": "2020-12-13-atalanta-fiorentina", "date": "2020-12-13", "club": "Fiorentina",
         "player": "Z.NOBODY", "shirt": "77", "person_id": "", "minutes": "90", "goals": "", "red_card": "0"},
    ]


def test_import_replaces_only_the_matches_it_covers(tmp_path, capsys):
    target = tmp_path / "appearances.csv"
    other = {c: "" for c in APPEARANCE_COLUMNS} | {"fixture_id": "2020-09-19-fiorentina-torino",
                                                   "date": "2020-09-19", "club": "Torino", "player": "X.KEPT",
                                                   "minutes": "90", "shirt": "9", "red_card": "0"}
    stale = other | {"fixture_id": "2020-12-13-atalanta-fiorentina", "date": "2020-12-13", "player": "X.OLD"}
    pd.DataFrame([other, stale], columns=APPEARANCE_COLUMNS).to_csv(target, index=False)
    assert run(tmp_path, GOOD, capsys, target)[0] == 0
    got = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert got["player"].tolist() == ["X.KEPT", "A.GOMEZ", "Z.NOBODY"]


@pytest.mark.parametrize("text, message", [
    ("player,team,minutes\nA.GOMEZ,ATALANTA,12\n",
     "line 1: missing column(s) shirt, matchday, home, away, goals, red_card"),
    (HEADER + "A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,twelve,0,0\n",
     "1 bad row(s): line 2: minutes 'twelve' is not a whole number; nothing was written"),
    (HEADER + "A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,400,0,0\n",
     "line 2: minutes 400 is outside 0..150"),
    (HEADER + "A.GOMEZ,10,ATLANTIS,11,ATALANTA,FIORENTINA,12,0,0\n",
     "line 2: team 'ATLANTIS' is neither home ('ATALANTA') nor away ('FIORENTINA')"),
    (HEADER + "A.GOMEZ,10,ATLANTIS,11,ATLANTIS,FIORENTINA,12,0,0\n",
     "line 2: unknown team 'ATLANTIS': add it (or an alias) to data/kb/clubs.csv"),
    (HEADER + "A.GOMEZ,10,ATALANTA,12,ATALANTA,FIORENTINA,12,0,0\n",
     "line 2: no Serie A fixture of matchday 12 Atalanta–Fiorentina in fixtures.csv"),
    (HEADER + "A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,12,0,0\n" * 2,
     "line 3: A.GOMEZ (ATALANTA) is listed twice for this match (first on line 2)"),
    (HEADER + "A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,12,0,0,extra\n",
     "line 2 has more cells than the header; nothing was written"),
    (HEADER, "no appearance rows; nothing was written"),
])
def test_bad_input_is_refused_with_its_line_and_nothing_is_written(tmp_path, capsys, text, message):
    target = tmp_path / "appearances.csv"
    target.write_text("kept as it was\n", encoding="utf-8")
    code, out, err = run(tmp_path, text, capsys, target)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {tmp_path / 'appearances_in.csv'}: ") and message in err, err
    assert target.read_text(encoding="utf-8") == "kept as it was\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]     # no temp file left


def test_every_bad_row_is_listed_at_once(tmp_path, capsys):
    rows = "".join(f"A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,x{i},0,0\n" for i in range(12))
    _, _, err = run(tmp_path, HEADER + rows, capsys)
    assert "12 bad row(s): line 2: minutes 'x0'" in err and "line 11: minutes 'x9'" in err
    assert "line 12:" not in err and "(and 2 more); nothing was written" in err
    assert not (tmp_path / "appearances.csv").exists()


def test_a_missing_file_is_refused(tmp_path, capsys):
    code = main(["import-appearances", str(tmp_path / "none.csv"), "--out", str(tmp_path / "a.csv")])
    assert code == 2 and "none.csv: file not found; nothing was written" in capsys.readouterr().err


def test_one_name_with_two_shirts_at_one_club_is_not_guessed(tmp_path, capsys):
    text = HEADER + ("A.GOMEZ,10,ATALANTA,11,ATALANTA,FIORENTINA,12,0,0\n"
                     "A.GOMEZ,99,ATALANTA,11,ATALANTA,FIORENTINA,30,0,0\n")
    assert run(tmp_path, text, capsys)[0] == 0
    got = pd.read_csv(tmp_path / "appearances.csv", dtype=str, keep_default_na=False)
    assert got["person_id"].tolist() == ["", ""]


# -- the committed data --------------------------------------------------------------

def test_the_committed_appearances_name_known_fixtures_and_people():
    df = load_appearances()
    assert list(df.columns) == APPEARANCE_COLUMNS and len(df) == 11643
    fixtures = load_fixtures()
    serie_a = fixtures[fixtures["competition"] == "Serie A"]
    assert set(df["fixture_id"]) == set(serie_a["fixture_id"])          # all 380 matches
    with (KB_DIR / "people.csv").open(encoding="utf-8", newline="") as f:
        people = {r["id"]: r for r in csv.DictReader(f)}
    assert (df["person_id"] != "").all() and set(df["person_id"]) <= set(people)
    # a player who changed club is one person at both clubs
    mover = df[df["player"] == "R.NAINGGOLAN"].groupby("club")["person_id"].unique().to_dict()
    assert {k: list(v) for k, v in mover.items()} == {"Cagliari": ["radja-nainggolan"], "Inter": ["radja-nainggolan"]}
    # homonyms at two clubs are two people
    pell = df[df["player"] == "L.PELLEGRINI"].groupby("club")["person_id"].unique().to_dict()
    assert {k: list(v) for k, v in pell.items()} == {"Genoa": ["luca-pellegrini"], "Roma": ["lorenzo-pellegrini"]}
    readme = (REFERENCE_DIR / "README.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2020 Evaldo Borba" in readme.split("## appearances.csv")[1]


@pytest.mark.skipif(not SHARED.is_file(), reason="the shared reference file is not on this machine")
def test_the_committed_file_is_what_the_importer_writes(tmp_path, capsys):
    out = tmp_path / "appearances.csv"
    assert main(["import-appearances", str(SHARED), "--out", str(out)]) == 0
    assert "11643 appearances in 380 matches read (595 players identified, 0 not)" in capsys.readouterr().out
    assert out.read_bytes() == DEFAULT_APPEARANCES.read_bytes()


# -- statuses checked against the appearances ---------------------------------------

LEAGUE = "Invented League"
FIXTURE = "2021-03-06-rivertown-northfield-fc"
CUP_FIXTURE = "2021-03-10-rivertown-northfield-fc"
PEOPLE = {"Ana Brandt": "ana-brandt", "Tomás Leal": "tomas-leal", "Ines Moura": "ines-moura",
          "Rui Sol": "rui-sol"}


class KB:
    """Knows the clubs of nobody and four invented players."""

    def club(self, name):
        return None

    def person(self, name):
        return SimpleNamespace(id=PEOPLE[name], name=name) if name in PEOPLE else None


def fixtures() -> pd.DataFrame:
    base = {"competition": LEAGUE, "season": "2020-21", "original_date": "", "home": "Rivertown",
            "away": "Northfield FC", "home_goals": 2, "away_goals": 1, "status": "played", "note": ""}
    df = pd.DataFrame([base | {"fixture_id": FIXTURE, "round": "Matchday 5", "matchday": 5, "date": "2021-03-06"},
                       base | {"fixture_id": CUP_FIXTURE, "competition": "Invented Cup", "round": "Final",
                               "matchday": pd.NA, "date": "2021-03-10"}], columns=FIXTURE_COLUMNS)
    return df.astype({"matchday": "Int64", "home_goals": "Int64", "away_goals": "Int64"})


def appearances() -> pd.DataFrame:
    """Who played in the league match: Brandt 64 minutes, Leal 20; Sol unidentified in none."""
    row = {"fixture_id": FIXTURE, "date": "2021-03-06", "club": "Rivertown", "shirt": "1", "goals": "0",
           "red_card": "0"}
    return pd.DataFrame([row | {"player": "A.BRANDT", "person_id": "ana-brandt", "minutes": "64"},
                         row | {"player": "T.LEAL", "person_id": "tomas-leal", "minutes": "20"}],
                        columns=APPEARANCE_COLUMNS)


def claims() -> list[ArticleClaims]:
    def prov(quote):
        return Provenance("a", 0, len(quote), quote, "confirmed")

    def match(n, quote, **kw):
        return MatchClaim(key=f"a#m{n}", article_id="a", subject="Rivertown", opponent="Northfield FC",
                          status="played", provenance=[prov(quote)], **kw)

    def status(player, st, quote, key="a#m1"):
        return StatusClaim(player, st, key, "", "confirmed", prov(quote))

    return [ArticleClaims("a", "en", "Rivertown", matches=[
        match(1, "Invented article. Rivertown beat Northfield 2-1 in the league."),
        match(2, "Then they met again in the cup final.")], statuses=[
        status("Ana Brandt", "started", "Brandt started."),                      # played 64: agrees
        status("Tomás Leal", "unused_substitute", "Leal sat on the bench."),     # played 20: contradicts
        status("Ines Moura", "started", "Moura started."),                       # not listed: contradicts
        status("Rui Sol", "left_out", "Sol was left out."),                      # not listed: agrees
        status("Mia Nemo", "started", "Nemo started."),                          # unknown to the KB: blank
        status("Ana Brandt", "started", "Brandt started the final.", "a#m2"),    # no data for the cup: blank
    ])]


def reconciled(data: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    rec = Reconciler(KB(), fixtures(), pd.DataFrame(columns=DECISION_COLUMNS))
    fx = rec._fx_records
    cs = claims()
    asm = Assembler(KB(), rec, [SimpleNamespace(id="a")], {"a": cs[0]}, {"a": Window(date(2021, 3, 11), date(2021, 3, 11))},
                    {"a#m1": Link(fx[0], "unique"), "a#m2": Link(fx[1], "unique")})
    matches = asm.matches()
    statuses = asm.player_status(matches)
    check_statuses(statuses, matches, KB(), asm.contradictions, data)
    return statuses, asm.contradictions


def row(player, st, mid, day, quote, verdict):
    return {"player": player, "status": st, "match_id": mid, "date": day, "value": "", "certainty": "confirmed",
            "article_id": "a", "quote": quote, "match_data": verdict}


def test_statuses_are_confirmed_or_contradicted_by_who_played():
    statuses, contradictions = reconciled(appearances())
    assert_frame_equal(frame("player_status", statuses), frame("player_status", [
        row("Ana Brandt", "started", FIXTURE, "2021-03-06", "Brandt started.", "confirmed"),
        row("Ines Moura", "started", FIXTURE, "2021-03-06", "Moura started.", "contradicted"),
        row("Mia Nemo", "started", FIXTURE, "2021-03-06", "Nemo started.", ""),
        row("Rui Sol", "left_out", FIXTURE, "2021-03-06", "Sol was left out.", "confirmed"),
        row("Tomás Leal", "unused_substitute", FIXTURE, "2021-03-06", "Leal sat on the bench.", "contradicted"),
        row("Ana Brandt", "started", CUP_FIXTURE, "2021-03-10", "Brandt started the final.", ""),
    ]))
    tail = (" The match data list every player who was on the pitch, with the minutes played; they do not tell"
            " a starter from a substitute.")
    assert contradictions == [
        {"subject": f"Ines Moura in {FIXTURE}", "field": "status",
         "values": "a: started (confirmed) | match data: did not play", "sources": "a",
         "resolution": "did not play", "rule": "appearances",
         "explanation": "Ines Moura is not among the players who appeared in Rivertown–Northfield FC "
                        "(2021-03-06): no start." + tail},
        {"subject": f"Tomás Leal in {FIXTURE}", "field": "status",
         "values": "a: unused_substitute (confirmed) | match data: played, 20 minutes", "sources": "a",
         "resolution": "played, 20 minutes", "rule": "appearances",
         "explanation": "Tomás Leal is among the players who appeared in Rivertown–Northfield FC (2021-03-06), "
                        "for 20 minutes: not an unused substitute." + tail},
    ]


def test_a_match_with_an_unidentified_player_tells_only_who_played():
    # one listed player is not identified: he may be Moura or Sol, so their absence proves nothing
    unknown = appearances().iloc[:1].assign(player="X.WHO", person_id="", minutes="90")
    statuses, contradictions = reconciled(pd.concat([appearances(), unknown], ignore_index=True))
    verdicts = {(r["player"], r["match_id"]): r["match_data"] for r in statuses}
    assert verdicts == {("Ana Brandt", FIXTURE): "confirmed", ("Tomás Leal", FIXTURE): "contradicted",
                        ("Ines Moura", FIXTURE): "", ("Rui Sol", FIXTURE): "", ("Mia Nemo", FIXTURE): "",
                        ("Ana Brandt", CUP_FIXTURE): ""}
    assert [c["subject"] for c in contradictions] == [f"Tomás Leal in {FIXTURE}"]


def test_without_appearance_data_nothing_is_judged():
    statuses, contradictions = reconciled(pd.DataFrame(columns=APPEARANCE_COLUMNS))
    assert {r["match_data"] for r in statuses} == {""} and contradictions == []
