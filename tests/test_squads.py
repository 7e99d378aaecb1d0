"""import-players: squads from the reference players file into data/kb/people.csv."""
from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest

from fanboard.__main__ import main
from fanboard.kb import DEFAULT_KB_DIR, KB
from fanboard.squads import import_players, proper_case

REFERENCE_PLAYERS = Path("/work/shared/reference/serie_a_2020_21_players.csv")
REFERENCE_APPEARANCES = REFERENCE_PLAYERS.with_name("serie_a_2020_21_appearances.csv")

PEOPLE = """\
id,name,club,role,position,nationality,captain,aliases
duvan-zapata,Duván Zapata,atalanta,player,forward,Colombia,,Zapata
alejandro-gomez,Alejandro Gómez,atalanta,player,midfielder,Argentina,yes,Gómez|Papu
fabrizio-romano,Fabrizio Romano,,journalist,,Italy,,
"""

PLAYERS = """\
player,team,shirt,position,appearances
D.ZAPATA,ATALANTA,91,outfield,37
A.GOMEZ,ATALANTA,10,outfield,10
C.ZAPATA,GENOA,2,outfield,12
L.PELLEGRINI,GENOA,3,outfield,11
N.BARELLA,INTER,23,outfield,36
R.NAINGGOLAN,INTER,44,outfield,4
R.NAINGGOLAN,CAGLIARI,4,outfield,22
L.PELLEGRINI,ROMA,7,outfield,34
M.DE ROON,ATALANTA,15,outfield,35
S.HANDANOVIC,INTER,1,goalkeeper,37
FARAGO',CAGLIARI,16,outfield,8
"""

NAMES = """\
club,player,name,position,nationality,surname_alias,aliases
genoa,C.ZAPATA,Cristián Zapata,defender,Colombia,,
genoa,L.PELLEGRINI,Luca Pellegrini,defender,Italy,,
roma,L.PELLEGRINI,Lorenzo Pellegrini,midfielder,Italy,,
inter,N.BARELLA,Nicolò Barella,midfielder,Italy,,
inter,R.NAINGGOLAN,Radja Nainggolan,midfielder,Belgium,,
cagliari,R.NAINGGOLAN,Radja Nainggolan,midfielder,Belgium,,
atalanta,A.GOMEZ,Alejandro Gómez,,,keep,
"""

EXTRA = """\
club,name,role,position,nationality,captain,surname,aliases
inter,Antonio Conte,coach,,Italy,,Conte,
liverpool,Joe Gomez,player,defender,England,,,
"""

EXPECTED = """\
id,name,club,role,position,nationality,captain,aliases
duvan-zapata,Duván Zapata,atalanta,player,forward,Colombia,,
alejandro-gomez,Alejandro Gómez,atalanta,player,midfielder,Argentina,yes,Gómez|Papu
fabrizio-romano,Fabrizio Romano,,journalist,,Italy,,
cristian-zapata,Cristián Zapata,genoa,player,defender,Colombia,,
luca-pellegrini,Luca Pellegrini,genoa,player,defender,Italy,,
nicolo-barella,Nicolò Barella,inter,player,midfielder,Italy,,Barella
radja-nainggolan,Radja Nainggolan,cagliari,player,midfielder,Belgium,,Nainggolan
lorenzo-pellegrini,Lorenzo Pellegrini,roma,player,midfielder,Italy,,
m-de-roon,M. De Roon,atalanta,player,,,,De Roon
s-handanovic,S. Handanovic,inter,player,goalkeeper,,,Handanovic
farago,Faragò,cagliari,player,,,,
antonio-conte,Antonio Conte,inter,coach,,Italy,,Conte
joe-gomez,Joe Gomez,liverpool,player,defender,England,,
"""


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A copy of data/kb with a small people.csv, and the three input files."""
    kb = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, kb)
    for derived in ("memberships.csv", "shared_surnames.csv"):   # of the whole people.csv
        (kb / derived).unlink()
    (kb / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "players.csv").write_text(PLAYERS, encoding="utf-8")
    (tmp_path / "names.csv").write_text(NAMES, encoding="utf-8")
    (tmp_path / "extra.csv").write_text(EXTRA, encoding="utf-8")
    return kb


def _run(kb: Path, players: str = "players.csv") -> int:
    base = kb.parent
    return main(["import-players", str(base / players), "--kb", str(kb),
                 "--names", str(base / "names.csv"), "--extra", str(base / "extra.csv")])


def test_import_maps_teams_keeps_rows_and_withholds_shared_surnames(kb_dir: Path, capsys) -> None:
    assert _run(kb_dir) == 0
    assert (kb_dir / "people.csv").read_text(encoding="utf-8") == EXPECTED
    out, err = capsys.readouterr()
    assert out.strip() == "10 added, 1 updated, 2 unchanged; 13 people, players in 6 clubs"
    # Zapata (Atalanta and Genoa) and Pellegrini (Genoa and Roma) name no one alone; Gómez is
    # kept for the Atalanta captain (names file "keep") although Joe Gomez bears it too
    assert "no surname-only alias (shared, or a common word): Pellegrini, Zapata" in err
    assert "note: radja-nainggolan also played for inter" in err
    kb = KB.load(kb_dir)
    assert kb.person("Zapata") is None and kb.person("Pellegrini") is None
    assert kb.person("Gomez").id == "alejandro-gomez"
    assert kb.person("Barella").id == "nicolo-barella"
    assert kb.person("Cristian Zapata").club == "genoa"


def test_import_is_idempotent(kb_dir: Path) -> None:
    assert _run(kb_dir) == 0
    first = (kb_dir / "people.csv").read_bytes()
    assert _run(kb_dir) == 0
    assert (kb_dir / "people.csv").read_bytes() == first


def test_unknown_team_is_refused_and_nothing_written(kb_dir: Path, capsys) -> None:
    (kb_dir.parent / "bad.csv").write_text(
        PLAYERS + "X.ROSSI,PRO VERCELLI,9,outfield,3\n", encoding="utf-8")
    before = (kb_dir / "people.csv").read_bytes()
    assert _run(kb_dir, "bad.csv") == 2
    err = capsys.readouterr().err
    assert "unknown team(s), add them (or an alias) to data/kb/clubs.csv: line 13: 'PRO VERCELLI'" in err
    assert "nothing was written" in err
    assert (kb_dir / "people.csv").read_bytes() == before


def test_missing_column_is_refused(kb_dir: Path, capsys) -> None:
    (kb_dir.parent / "bad.csv").write_text("player,club\nA.B,INTER\n", encoding="utf-8")
    before = (kb_dir / "people.csv").read_bytes()
    assert _run(kb_dir, "bad.csv") == 2
    assert "missing column(s) team, shirt, position, appearances" in capsys.readouterr().err
    assert (kb_dir / "people.csv").read_bytes() == before


def test_proper_case() -> None:
    assert proper_case("DE ROON") == "De Roon"
    assert proper_case("D'AMBROSIO") == "D'Ambrosio"
    assert proper_case("MILINKOVIC-SAVIC") == "Milinkovic-Savic"
    assert proper_case("FARAGO'") == "Faragò"


def test_whole_kb_has_every_serie_a_squad_and_coach() -> None:
    kb = KB.load()
    assert len(kb.people) == 866   # 718 + the players, coaches of the CL squads and Tottenham, Paredes (PSG) the round-5 articles name, and the round-9 additions (data/kb/README.md)
    serie_a = [c for c in kb.clubs if "serie-a" in c.competitions]
    assert len(serie_a) == 20
    for club in serie_a:
        people = kb.people_of(club.id)
        players = [p for p in people if p.role == "player"]
        coaches = [p for p in people if p.role == "coach"]
        assert len(players) >= 18, club.id
        assert coaches, club.id
    for club_id in ("ajax", "liverpool", "midtjylland", "real-madrid"):
        assert len([p for p in kb.people_of(club_id) if p.role == "player"]) >= 14, club_id
    assert kb.person("Lautaro Martinez").club == "inter"
    assert kb.person("Szczesny").name == "Wojciech Szczęsny"
    assert kb.person("Insigne") is None and kb.person("Lorenzo Insigne").club == "napoli"
    # staff: executives of the big clubs, by role (Maldini names no one alone: Daniel plays for Milan)
    assert [(p.club, p.role) for p in map(kb.person, ("Marotta", "Agnelli", "Friedkin", "De Laurentiis"))] == [
        ("inter", "executive"), ("juventus", "executive"), ("roma", "executive"), ("napoli", "executive")]
    assert kb.person("Maldini") is None and kb.person("Paolo Maldini").role == "executive"


@pytest.mark.skipif(not REFERENCE_PLAYERS.is_file(), reason="reference players file not on this machine")
def test_committed_people_is_the_import_of_the_committed_inputs(tmp_path: Path) -> None:
    """Re-running the documented command changes nothing in data/kb/people.csv."""
    kb = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, kb)
    result = import_players(REFERENCE_PLAYERS, kb, names=kb / "player_names.csv",
                            extra=kb / "squads_extra.csv", write=False)
    with (DEFAULT_KB_DIR / "people.csv").open(encoding="utf-8", newline="") as f:
        assert result.rows == list(csv.DictReader(f))
    assert result.added == 0 and result.updated == 0
    # and so do the files it derives, memberships.csv and shared_surnames.csv
    import_players(REFERENCE_PLAYERS, kb, names=kb / "player_names.csv", extra=kb / "squads_extra.csv",
                   appearances=REFERENCE_APPEARANCES)
    for name in ("people.csv", "memberships.csv", "shared_surnames.csv"):
        assert (kb / name).read_bytes() == (DEFAULT_KB_DIR / name).read_bytes(), name


APPEARANCES = """\
player,shirt,team,matchday,home,away,minutes,goals,red_card
R.NAINGGOLAN,44,INTER,2,INTER,FIORENTINA,20,0,0
R.NAINGGOLAN,44,INTER,5,GENOA,INTER,12,0,0
R.NAINGGOLAN,4,CAGLIARI,16,CAGLIARI,BENEVENTO,90,0,0
R.NAINGGOLAN,4,CAGLIARI,20,CAGLIARI,ROMA,70,1,0
C.ZAPATA,2,GENOA,5,GENOA,INTER,90,0,0
"""

FIXTURES = """\
competition,matchday,date,home,away
Serie A,2,2020-09-26,Inter,Fiorentina
Serie A,5,2020-10-24,Genoa,Inter
Serie A,16,2021-01-06,Cagliari,Benevento
Serie A,20,2021-01-31,Cagliari,Roma
"""


def _run_dated(kb: Path, appearances: str) -> int:
    base = kb.parent
    (base / "appearances.csv").write_text(appearances, encoding="utf-8")
    (base / "fixtures.csv").write_text(FIXTURES, encoding="utf-8")
    return main(["import-players", str(base / "players.csv"), "--kb", str(kb), "--names", str(base / "names.csv"),
                 "--extra", str(base / "extra.csv"), "--appearances", str(base / "appearances.csv"),
                 "--fixtures", str(base / "fixtures.csv")])


def test_appearances_date_the_club_memberships(kb_dir: Path, capsys) -> None:
    assert _run_dated(kb_dir, APPEARANCES) == 0
    assert "3 club memberships with dates written to memberships.csv" in capsys.readouterr().out
    assert (kb_dir / "memberships.csv").read_text(encoding="utf-8") == (
        "person,club,from,to,from_matchday,to_matchday\n"
        "cristian-zapata,genoa,2020-10-24,2020-10-24,5,5\n"
        "radja-nainggolan,inter,2020-09-26,2020-10-24,2,5\n"
        "radja-nainggolan,cagliari,2021-01-06,2021-01-31,16,20\n")
    assert (kb_dir / "shared_surnames.csv").read_text(encoding="utf-8") == (
        "surname,people\nPellegrini,lorenzo-pellegrini|luca-pellegrini\nZapata,cristian-zapata|duvan-zapata\n")
    kb = KB.load(kb_dir)
    nainggolan = kb.person("Nainggolan")
    assert kb.clubs_of(nainggolan) == ("inter", "cagliari")
    assert [kb.club_of(nainggolan, date(*d)) for d in ((2020, 9, 1), (2020, 12, 1), (2021, 1, 20), (2021, 5, 1))] \
        == ["inter", "inter", "cagliari", "cagliari"]
    assert [p.id for p in kb.shared("zapata")] == ["cristian-zapata", "duvan-zapata"]


def test_an_appearance_of_an_unknown_player_is_refused_and_nothing_written(kb_dir: Path, capsys) -> None:
    before = {p.name: p.read_bytes() for p in kb_dir.iterdir()}
    assert _run_dated(kb_dir, APPEARANCES + "X.NOBODY,9,GENOA,5,GENOA,INTER,3,0,0\n") == 2
    err = capsys.readouterr().err
    assert "appearances.csv: no player or match for line 7 (X.NOBODY, GENOA, matchday 5); nothing was written" in err
    assert {p.name: p.read_bytes() for p in kb_dir.iterdir()} == before
