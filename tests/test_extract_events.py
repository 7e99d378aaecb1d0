"""The events component (fanboard/extract/events.py). All sentences here are invented for the tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract_helpers import claims, extractor  # noqa: F401


@pytest.mark.parametrize("lang,text,etype,actors,certainty", [
    ("en", "Invented. Muriel reportedly had a row with Gasperini.", "dispute", ["Gian Piero Gasperini", "Luis Muriel"], "reported"),
    ("nl", "Verzonnen. Na afloop zou Gasperini zijn ontslag hebben aangeboden.", "resignation_offer", ["Gian Piero Gasperini"], "reported"),
    ("it", "Inventato. Tra Gasperini e Muriel c'è stata una rissa negli spogliatoi.", "altercation",
     ["Gian Piero Gasperini", "Luis Muriel"], "confirmed"),
    ("en", "Invented. Gosens posted a message on Instagram.", "social_media_post", ["Robin Gosens"], "confirmed"),
    ("it", "Inventato. Secondo Sky, Gosens potrebbe lasciare l'Atalanta a gennaio.", "transfer_report", ["Robin Gosens"], "reported"),
])
def test_events(extractor, lang, text, etype, actors, certainty):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    got = [(e.event_type, e.actors, e.certainty) for e in c.events]
    assert (etype, actors, certainty) in got


def test_quoted_speech_is_not_the_reporters_claim(extractor):
    c = claims(extractor, 'Atalanta\n\nInvented. "If I leave the club, there will be a row," Gosens said.', "en")
    assert [e.event_type for e in c.events] == []


def test_a_sentence_naming_no_one_refers_to_the_parties_told_before(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Muriel had a row with Gasperini. The row went on for days.", "en")
    assert [(e.event_type, e.actors, len(e.provenance)) for e in c.events] == [
        ("dispute", ["Gian Piero Gasperini", "Luis Muriel"], 1),
        ("dispute", ["Gian Piero Gasperini", "Luis Muriel"], 1)]
    assert c.events[1].provenance[0].quote == "The row went on for days."


def test_an_event_at_a_match_still_to_come_names_no_match(extractor):
    text = "Atalanta\n\nInvented. Atalanta will play host to Roma this weekend. In the dressing room, Muriel " \
           "had a row with Gasperini."
    c = claims(extractor, text, "en")
    assert [m.status for m in c.matches] == ["scheduled"]
    assert [(e.event_type, e.match_key) for e in c.events] == [("dispute", None)]
    # the same sentence after a match that was played: the event happened at it
    c = claims(extractor, text.replace("will play host to", "beat").replace("this weekend", "2-0"), "en")
    assert [(e.event_type, e.match_key) for e in c.events] == [("dispute", c.matches[0].key)]


def test_a_quarrel_without_its_parties_is_no_event(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. There was a row.", "en")
    assert c.events == []


def roles(c):
    return [(e.event_type, e.agents, e.targets) for e in c.events]


def test_a_player_named_beside_the_row_between_two_others_is_no_party(extractor):
    # "X's injury, besides the row between coach and player": only those after "between" quarrel
    text = "Atalanta\n\nInventato. La serata ha visto l'infortunio di Muriel oltre alla lite tra Gasperini e Gosens."
    assert roles(claims(extractor, text, "it")) == [("dispute", ["Gian Piero Gasperini", "Robin Gosens"], [])]


def test_a_coach_demands_sanctions_against_players_not_himself(extractor):
    c = claims(extractor, "Atalanta\n\nVerzonnen. Gasperini eiste daarna sancties tegen Muriel en Gosens.", "nl")
    assert roles(c) == [("sanction_demand", ["Gian Piero Gasperini"], ["Luis Muriel", "Robin Gosens"])]
    assert c.events[0].actors == ["Gian Piero Gasperini", "Luis Muriel", "Robin Gosens"]


def test_the_journalist_who_reports_a_move_is_its_source_not_a_party(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Fabrizio Romano reports that Gosens will leave the club in January.", "en")
    assert roles(c) == [("transfer_report", [], ["Robin Gosens"])]


def test_a_shot_on_target_is_no_transfer(extractor):
    c = claims(extractor, "Atalanta\n\nInvented. Gosens hit the target twice before Muriel came on.", "en")
    assert [e.event_type for e in c.events] == []


def test_a_resignation_is_offered_by_a_coach(extractor):
    # the player named in the same sentence did not offer to resign
    c = claims(extractor, "Atalanta\n\nVerzonnen. Na de ruzie met Gosens bood Gasperini zijn ontslag aan.", "nl")
    assert ("resignation_offer", ["Gian Piero Gasperini"], []) in roles(c)


def test_leaving_the_pitch_is_no_departure(extractor):
    c = claims(extractor, "Atalanta\n\nInventato. Dopo un contrasto Gosens ha dovuto lasciare il campo al 30'.", "it")
    assert [e.event_type for e in c.events] == []
    c = claims(extractor, "Atalanta\n\nVerzonnen. Gosens moest na een duel het veld verlaten.", "nl")
    assert [e.event_type for e in c.events] == []


def test_the_post_match_is_no_social_media_post(extractor):
    c = claims(extractor, "Atalanta\n\nInventato. Nel post partita Gasperini ha parlato dei suoi giocatori.", "it")
    assert [e.event_type for e in c.events] == []


def test_the_club_a_departure_is_to_stands_in_its_clause(extractor):
    # the club beaten in the other clause is no party to the move
    c = claims(extractor, "Atalanta\n\nInventato. Con Gosens vicino alla cessione, l'Atalanta batte la Roma 2-0.", "it")
    assert [(e.event_type, e.agents, e.targets) for e in c.events if e.event_type == "transfer_report"] == \
        [("transfer_report", [], ["Robin Gosens"])]


def test_one_party_told_of_two_quarrels_stays_apart(tmp_path):
    from fanboard import pipeline
    (tmp_path / "a.txt").write_text("Rows\n\nInvented. Muriel had a row with Gasperini. Later Gosens had a row "
                                    "with Gasperini too.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A row\n\nInvented. There were reports of a row between Gasperini and "
                                    "his players.\n", encoding="utf-8")
    events = pipeline.build([tmp_path], None, cache_dir=None, write=False).tables["events"]
    assert sorted(zip(events.agents, events.sources)) == [
        ("Gian Piero Gasperini", "b"), ("Gian Piero Gasperini;Luis Muriel", "a"), ("Gian Piero Gasperini;Robin Gosens", "a")]


def test_a_quarrel_split_evenly_between_two_clubs_keeps_the_club_named_first_in_every_run():
    """The parties of one club, when two clubs are named as often: the first named wins the tie,
    whatever the process's hash seed (a set's order used to decide, so two builds differed)."""
    code = (
        "from fanboard.kb import Person\n"
        "from fanboard.extract.events import one_club\n"
        "p = lambda n, c: Person(n.lower(), n, c, 'player', '', '', False, ())\n"
        "people = [p('Ana Brandt', 'rivertown'), p('Ole Strand', 'northfield'),\n"
        "          p('Tomas Leal', 'northfield'), p('Ida Berg', 'rivertown')]\n"
        "print(';'.join(x.name for x in one_club(people, None)))\n"
    )
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parents[1], check=True)
        seen.add(out.stdout.strip())
    assert seen == {"Ana Brandt;Ida Berg"}


@pytest.mark.parametrize("lang, text, moved", [
    # pulling two players apart is no parting of the ways; giving in to provocation is no sale
    ("nl", "Verzonnen. Muriel en Zapata moesten door teamgenoten uit elkaar worden getrokken.", []),
    ("it", "Inventato. L'attaccante ha quasi ceduto al nervosismo, ma Muriel si è calmato.", None),
    ("it", "Inventato. Muriel ha ceduto alle proteste dei compagni e si è scusato.", []),
    # the same words where a player does leave
    ("nl", "Verzonnen. Muriel en Atalanta gaan in januari uit elkaar.", ["Luis Muriel"]),
    ("nl", "Verzonnen. Het lijkt erop dat Muriel en de club komende zomer uit elkaar gaan.", ["Luis Muriel"]),
    ("it", "Inventato. Muriel sarà ceduto a gennaio, probabilmente all'estero.", ["Luis Muriel"]),
    ("it", "Inventato. A gennaio l'Atalanta ha ceduto Muriel in Spagna.", ["Luis Muriel"]),
])
def test_a_departure_word_in_a_scuffle_or_a_figure_of_speech_is_no_transfer(extractor, lang, text, moved):
    c = claims(extractor, "Atalanta\n\n" + text, lang)
    reports = [e.targets for e in c.events if e.event_type == "transfer_report"]
    departures = [s.player for s in c.statuses if s.status == "expected_departure"]
    if moved is None:   # "al nervosismo" is no club: nothing at all may be read as a move
        assert reports == [] and departures == []
    else:
        assert reports == ([moved] if moved else []) and departures == moved
