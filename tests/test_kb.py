"""The knowledge base: what a user would look up, and what bad data must say."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from fanboard.kb import DEFAULT_KB_DIR, KB, KBError, normalize

SHARED_REFERENCE = Path("/work/shared/reference")


@pytest.fixture(scope="module")
def kb() -> KB:
    return KB.load()


@pytest.mark.parametrize(
    "text, person_id",
    [
        ("Goméz", "alejandro-gomez"),
        ("gomez", "alejandro-gomez"),
        ("Gómez", "alejandro-gomez"),
        ("GOMEZ", "alejandro-gomez"),
        ("Papu", "alejandro-gomez"),
        ("Papu Gomez", "alejandro-gomez"),
        ('Alejandro "Papu" Gómez', "alejandro-gomez"),
        ("Josep Ilicic", "josip-ilicic"),
        ("Josip Iličić", "josip-ilicic"),
        ("Ilicic", "josip-ilicic"),
        ("Gasp", "gian-piero-gasperini"),
        ("Gianpiero  Gasperini", "gian-piero-gasperini"),
        ("de roon", "marten-de-roon"),
        ("Maehle", "joakim-maehle"),
        ("Malinovskiy", "ruslan-malinovskyi"),
        ("Duvan Zapata", "duvan-zapata"),
        ("Tolói", "rafael-toloi"),
        ("Erik ten Hag", "erik-ten-hag"),
        ("Di Marzio", "gianluca-di-marzio"),
    ],
)
def test_person_lookup(kb: KB, text: str, person_id: str) -> None:
    person = kb.person(text)
    assert person is not None, text
    assert person.id == person_id


@pytest.mark.parametrize(
    "text, club_id",
    [
        ("La Dea", "atalanta"),
        ("la dea", "atalanta"),
        ("Atalanta BC", "atalanta"),
        ("Atalanta Bergamo", "atalanta"),
        ("Metalist Charkov", "metalist-kharkiv"),
        ("AFC Ajax", "ajax"),
        ("ACF Fiorentina", "fiorentina"),
        ("FC Internazionale Milano", "inter"),
        ("Milan", "milan"),
        ("Verona", "hellas-verona"),
        ("Lazio Roma", "lazio"),
        ("Istanbul Basaksehir", "istanbul-basaksehir"),
        ("Bor. Mönchengladbach", "borussia-monchengladbach"),
        ("Dinamo Kiev", "dynamo-kyiv"),
    ],
)
def test_club_lookup(kb: KB, text: str, club_id: str) -> None:
    club = kb.club(text)
    assert club is not None, text
    assert club.id == club_id


def test_unknown_names_are_none(kb: KB) -> None:
    assert kb.club("Bergamo") is None
    assert kb.club("Real") is None
    assert kb.club("Manchester") is None
    assert kb.person("Percassi") is None  # two Percassis: not an alias of either
    assert kb.person("Nobody Atall") is None


def test_whole_person_row(kb: KB) -> None:
    gomez = kb.person("Papu")
    assert gomez is not None
    assert (gomez.id, gomez.name, gomez.club, gomez.role, gomez.position,
            gomez.nationality, gomez.captain) == (
        "alejandro-gomez", "Alejandro Gómez", "atalanta", "player", "midfielder",
        "Argentina", True)
    gasp = kb.person_by_id("gian-piero-gasperini")
    assert gasp is not None
    assert (gasp.name, gasp.club, gasp.role, gasp.captain) == (
        "Gian Piero Gasperini", "atalanta", "coach", False)


def test_whole_club_row(kb: KB) -> None:
    atalanta = kb.club_by_id("atalanta")
    assert atalanta is not None
    assert (atalanta.name, atalanta.country, atalanta.competitions, atalanta.ucl_group) == (
        "Atalanta", "Italy", ("serie-a", "ucl", "coppa-italia"), "D")


def test_competitions(kb: KB) -> None:
    assert {c.id: c.name for c in kb.competitions} == {
        "serie-a": "Serie A",
        "ucl": "UEFA Champions League",
        "uel": "UEFA Europa League",
        "coppa-italia": "Coppa Italia",
    }
    assert kb.competition("Champions League").id == "ucl"
    assert kb.competition("italiaanse beker").id == "coppa-italia"


def test_club_counts(kb: KB) -> None:
    serie_a = [c for c in kb.clubs if "serie-a" in c.competitions]
    assert len(serie_a) == 20
    assert all("coppa-italia" in c.competitions for c in serie_a)
    groups: dict[str, list[str]] = {}
    for c in kb.clubs:
        if c.ucl_group:
            groups.setdefault(c.ucl_group, []).append(c.id)
    assert sorted(groups) == list("ABCDEFGH")
    assert all(len(ids) == 4 for ids in groups.values())
    assert sorted(groups["D"]) == ["ajax", "atalanta", "liverpool", "midtjylland"]


def test_football_data_names_of_serie_a_2020_21(kb: KB) -> None:
    names = ["Atalanta", "Benevento", "Bologna", "Cagliari", "Crotone", "Fiorentina",
             "Genoa", "Inter", "Juventus", "Lazio", "Milan", "Napoli", "Parma", "Roma",
             "Sampdoria", "Sassuolo", "Spezia", "Torino", "Udinese", "Verona"]
    resolved = {n: kb.club(n) for n in names}
    assert [n for n, c in resolved.items() if c is None] == []
    assert len({c.id for c in resolved.values() if c}) == 20


@pytest.mark.skipif(not SHARED_REFERENCE.is_dir(), reason="/work/shared/reference not available")
@pytest.mark.parametrize(
    "filename, group_stage_only",
    [("serie_a_2020_21.csv", False), ("champions_league_2020_21.csv", True)],
)
def test_every_reference_club_resolves(kb: KB, filename: str, group_stage_only: bool) -> None:
    with (SHARED_REFERENCE / filename).open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f)
                if not group_stage_only or r["round"].startswith(("Group", "Gruppe"))]
    names = {r["home"] for r in rows} | {r["away"] for r in rows}
    assert [n for n in sorted(names) if kb.club(n) is None] == []
    assert len({kb.club(n).id for n in names}) == (20 if not group_stage_only else 32)


def test_resolve_description(kb: KB) -> None:
    def who(refers_to: str, club: str, candidates: list[str] | None = None) -> str | None:
        p = kb.resolve_description(refers_to, club, candidates)
        return p.id if p else None

    assert who("role:captain", "atalanta") == "alejandro-gomez"
    assert who("role:coach", "atalanta") == "gian-piero-gasperini"
    assert who("nationality:Slovenia", "atalanta") == "josip-ilicic"
    assert who("nationality:Germany", "atalanta") == "robin-gosens"
    # Gómez, Palomino and Romero are all Argentine: ambiguous without context
    assert who("nationality:Argentina", "atalanta") is None
    assert who("nationality:Argentina", "atalanta",
               ["gian-piero-gasperini", "alejandro-gomez", "josip-ilicic"]) == "alejandro-gomez"
    # two Argentines mentioned: still ambiguous
    assert who("nationality:Argentina", "atalanta",
               ["alejandro-gomez", "jose-luis-palomino"]) is None
    # candidates that do not fit fall back to the unique match in the club
    assert who("nationality:Slovenia", "atalanta", ["alejandro-gomez"]) == "josip-ilicic"
    assert who("nationality:Ukraine", "atalanta") is None  # Malinovskyi and Kovalenko
    assert who("nationality:Japan", "atalanta") is None
    assert who("role:coach", "ajax") == "erik-ten-hag"


def test_descriptions_per_language(kb: KB) -> None:
    nl = {d.phrase: d.refers_to for d in kb.descriptions("nl")}
    assert nl["de aanvoerder"] == "role:captain"
    assert nl["de argentijn"] == "nationality:Argentina"
    it = {d.phrase: d.refers_to for d in kb.descriptions("it")}
    assert it["l'argentino"] == "nationality:Argentina"
    assert it["il mister"] == "role:coach"
    en = {d.phrase: d.refers_to for d in kb.descriptions("en")}
    assert en["the skipper"] == "role:captain"
    assert all(d.phrase == d.phrase.lower() for d in kb.descriptions())


def test_surface_forms_include_accent_stripped_variants(kb: KB) -> None:
    forms = list(kb.surface_forms())
    assert ("PERSON", "Josip Iličić", "josip-ilicic") in forms
    assert ("PERSON", "Josip Ilicic", "josip-ilicic") in forms
    assert ("PERSON", "Mario Pasalic", "mario-pasalic") in forms  # derived from "Mario Pašalić"
    assert ("CLUB", "La Dea", "atalanta") in forms
    assert ("COMP", "Coppa Italia", "coppa-italia") in forms
    assert len(forms) == len({(label, text) for label, text, _ in forms})
    assert {label for label, _, _ in forms} == {"CLUB", "PERSON", "COMP"}


def test_normalize() -> None:
    assert normalize("  Goméz\t PAPU ") == "gomez papu"
    assert normalize("İstanbul Başakşehir") == "istanbul basaksehir"


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, target)
    return target


def test_ambiguous_alias_is_an_error(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / "clubs.csv").open("a", encoding="utf-8") as f:
        f.write("sampdoria-bis,Sampdoria Bis,Italy,,,Samp\n")
    with pytest.raises(KBError, match=r"clubs\.csv.*alias 'Samp' is ambiguous.*'sampdoria'.*'sampdoria-bis'"):
        KB.load(kb_dir)


def test_alias_differing_only_in_accents_is_ambiguous_too(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / "people.csv").open("a", encoding="utf-8") as f:
        f.write("other-gomez,Other Person,atalanta,player,forward,Spain,,Gomèz\n")
    with pytest.raises(KBError, match=r"people\.csv.*'Gomèz' is ambiguous"):
        KB.load(kb_dir)


def test_missing_column_is_an_error(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    path = kb_dir / "competitions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(["id,name,aliases"] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"competitions\.csv: missing column 'kind'"):
        KB.load(kb_dir)


def test_unknown_club_of_a_person_is_an_error(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / "people.csv").open("a", encoding="utf-8") as f:
        f.write("x-y,X Y,nowhere-fc,player,forward,Spain,,\n")
    with pytest.raises(KBError, match=r"'x-y' has unknown club id 'nowhere-fc'"):
        KB.load(kb_dir)


def test_cities_come_from_the_folder_the_kb_is_loaded_from(tmp_path: Path) -> None:
    from fanboard.nlp import build_pipeline
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / "cities.csv").open("a", encoding="utf-8") as f:
        f.write("Zingonia,atalanta,Zingonia di Verdellino\n")
    kb = KB.load(kb_dir)
    assert kb.cities[-1].city == "Zingonia" and kb.cities[-1].aliases == ("Zingonia di Verdellino",)
    assert "Zingonia" not in {c.city for c in KB.load().cities}
    doc = build_pipeline("it", kb)("Inventato: la trasferta di Zingonia.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Zingonia", "CITY", "atalanta")]


def test_a_kb_folder_without_cities_has_none(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    (kb_dir / "cities.csv").unlink()
    (kb_dir / "stadiums.csv").unlink()
    assert KB.load(kb_dir).cities == ()


def test_stadiums_stand_for_their_club_like_home_towns(tmp_path: Path) -> None:
    from fanboard.nlp import build_pipeline
    kb_dir = _copy_kb(tmp_path)
    (kb_dir / "stadiums.csv").write_text("stadium,club,aliases\nCampo Zeta,atalanta,Stadio Zeta\n", encoding="utf-8")
    kb = KB.load(kb_dir)
    assert [(c.city, c.club) for c in kb.cities if c.city == "Campo Zeta"] == [("Campo Zeta", "atalanta")]
    doc = build_pipeline("en", kb)("Invented: a draw at the Stadio Zeta.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Stadio Zeta", "CITY", "atalanta")]
    (kb_dir / "stadiums.csv").write_text("stadium,club,aliases\nCampo Zeta,zeta-fc,\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"stadiums\.csv: stadium 'Campo Zeta' names unknown club id 'zeta-fc'"):
        KB.load(kb_dir)


def test_a_city_of_an_unknown_club_is_an_error(tmp_path: Path) -> None:
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / "cities.csv").open("a", encoding="utf-8") as f:
        f.write("Atlantis,atlantis-fc,\n")
    with pytest.raises(KBError, match=r"cities\.csv: city 'Atlantis' names unknown club id 'atlantis-fc'"):
        KB.load(kb_dir)


def test_a_player_who_changed_club_has_both_clubs_with_their_dates(kb: KB) -> None:
    from datetime import date
    nainggolan = kb.person("Radja Nainggolan")
    assert kb.clubs_of(nainggolan) == ("inter", "cagliari")
    assert [(m.club, m.from_matchday, m.to_matchday) for m in kb.memberships(nainggolan.id)] == [
        ("inter", "2", "8"), ("cagliari", "16", "38")]
    assert kb.club_of(nainggolan, date(2020, 10, 1)) == "inter"
    assert kb.club_of(nainggolan, date(2020, 12, 20)) == "inter"      # gone from Inter's matches, not yet at Cagliari
    assert kb.club_of(nainggolan, date(2021, 3, 1)) == "cagliari"
    assert kb.club_of(kb.person("Gollini"), date(2021, 3, 1)) == "atalanta"
    assert kb.clubs_of(kb.person("Gian Piero Gasperini")) == ("atalanta",)    # no dates: people.csv's club


def test_shared_surnames_name_each_bearer_and_no_one_alone(kb: KB) -> None:
    assert [p.name for p in kb.shared("Zapata")] == ["Cristián Zapata", "Duván Zapata"]
    assert sorted(p.club for p in kb.shared("insigne")) == ["benevento", "napoli"]
    assert kb.person("Zapata") is None and kb.shared("Muriel") == ()


@pytest.mark.parametrize("name, row, message", [
    ("memberships.csv", "nobody-at-all,inter,2020-10-01,2020-11-01,3,6",
     r"memberships\.csv: unknown person id 'nobody-at-all'"),
    ("memberships.csv", "duvan-zapata,inter,2020-10-01,01/11/2020,3,6",
     r"memberships\.csv: line \d+: dates must be YYYY-MM-DD"),
    ("memberships.csv", "duvan-zapata,genoa,2021-02-01,2020-11-01,3,6",
     r"'duvan-zapata' at 'genoa' ends \(2020-11-01\) before it starts \(2021-02-01\)"),
    ("shared_surnames.csv", "Muriel,luis-muriel|duvan-zapata",
     r"surname 'Muriel' is also a name or alias of 'luis-muriel'"),
    ("shared_surnames.csv", "Nadie,duvan-zapata|ghost-player",
     r"surname 'Nadie' needs two or more known person ids \(unknown: ghost-player\)"),
])
def test_bad_memberships_and_shared_surnames_are_errors(tmp_path: Path, name: str, row: str, message: str) -> None:
    kb_dir = _copy_kb(tmp_path)
    with (kb_dir / name).open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    with pytest.raises(KBError, match=message):
        KB.load(kb_dir)
