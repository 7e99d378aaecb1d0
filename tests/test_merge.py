"""The merge (fanboard.resolve.merge) on hand-made claims: what several articles say about the
same match, status or event becomes one row citing all of them, with the right certainty, id
and provenance. Clubs and people are invented; the KB knows none of them, so ids are slugs."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from fanboard.extract.claims import ArticleClaims, EventClaim, MatchClaim, Provenance, StatusClaim
from fanboard.extract.times import TimeExpr
from fanboard.reference import DECISION_COLUMNS, FIXTURE_COLUMNS
from fanboard.resolve import merge
from fanboard.resolve.merge import Assembler
from fanboard.resolve.reconcile import Link, Reconciler, Window
from fanboard.tables import frame
from fanboard.text import slug

LEAGUE = "Invented League"


class NoKB:
    """A knowledge base that knows nobody: every club id is a slug of the name as written."""

    def club(self, name):
        return None

    def person(self, name):
        return None


def fixtures() -> pd.DataFrame:
    df = pd.DataFrame([{
        "fixture_id": "2021-03-06-rivertown-northfield-fc", "competition": LEAGUE, "season": "2020-21",
        "round": "Matchday 5", "matchday": 5, "date": "2021-03-06", "original_date": "", "home": "Rivertown",
        "away": "Northfield FC", "home_goals": 2, "away_goals": 1, "status": "played", "note": "",
    }], columns=FIXTURE_COLUMNS)
    return df.astype({"matchday": "Int64", "home_goals": "Int64", "away_goals": "Int64"})


def prov(aid: str, start: int, quote: str, certainty: str = "confirmed") -> Provenance:
    return Provenance(aid, start, start + len(quote), quote, certainty)


def assemble(claims: list[ArticleClaims], links: dict[str, int] | None = None,
             windows: dict[str, tuple[date, date]] | None = None) -> Assembler:
    """An Assembler over the claims; `links` maps a match-claim key to a fixture (by row number)."""
    rec = Reconciler(NoKB(), fixtures(), pd.DataFrame(columns=DECISION_COLUMNS))
    fx = rec._fx_records
    articles = [SimpleNamespace(id=ac.article_id) for ac in claims]
    wins = {ac.article_id: Window(*(windows or {}).get(ac.article_id, (None, None))) for ac in claims}
    return Assembler(NoKB(), rec, articles, {ac.article_id: ac for ac in claims}, wins,
                     {k: Link(fx[i], "unique") for k, i in (links or {}).items()})


def match_claim(aid: str, n: int, quote: str, **kw) -> MatchClaim:
    return MatchClaim(key=f"{aid}#m{n}", article_id=aid, subject="Rivertown", provenance=[prov(aid, 0, quote)], **kw)


MATCH_ROW = {
    "match_id": "2021-03-06-rivertown-northfield-fc", "date": "2021-03-06", "date_from": "2021-03-06",
    "date_to": "2021-03-06", "date_precision": "day", "date_basis": "linked_fixture", "competition": LEAGUE,
    "round": "Matchday 5", "home": "Rivertown", "away": "Northfield FC", "home_goals": "2", "away_goals": "1",
    "status": "played", "status_reason": "", "reference": "2021-03-06-rivertown-northfield-fc",
}


def test_two_articles_about_one_fixture_give_one_match_citing_both():
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown beat Northfield 2-1.", opponent="Northfield FC", status="played",
                    subject_goals=2, opponent_goals=1)])
    b = ArticleClaims("b", "en", "Rivertown", matches=[
        match_claim("b", 1, "The win over Northfield.", opponent="Northfield FC", result="W")])
    asm = assemble([a, b], links={"a#m1": 0, "b#m1": 0})
    rows = asm.matches()
    assert_frame_equal(frame("matches", rows), frame("matches", [{**MATCH_ROW, "sources": "a;b"}]))
    assert asm.match_id_of("b#m1") == MATCH_ROW["match_id"]
    assert_frame_equal(frame("provenance", asm.provenance), frame("provenance", [
        {"table": "matches", "row_key": MATCH_ROW["match_id"], "article_id": "a", "sentence_start": 0,
         "sentence_end": 30, "certainty": "confirmed", "quote": "Rivertown beat Northfield 2-1."},
        {"table": "matches", "row_key": MATCH_ROW["match_id"], "article_id": "b", "sentence_start": 0,
         "sentence_end": 24, "certainty": "confirmed", "quote": "The win over Northfield."},
    ]))
    assert asm.contradictions == []


def test_a_score_against_the_calendar_is_a_contradiction_the_calendar_wins():
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown beat Northfield 3-1.", opponent="Northfield FC", status="played",
                    subject_goals=3, opponent_goals=1)])
    asm = assemble([a], links={"a#m1": 0})
    assert_frame_equal(frame("matches", asm.matches()), frame("matches", [{**MATCH_ROW, "sources": "a"}]))
    assert asm.contradictions == [{
        "subject": "Rivertown–Northfield FC, 2021-03-06", "field": "score",
        "values": "a: 3-1 | calendar: 2-1", "sources": "a", "resolution": "2-1", "rule": "calendar",
        "explanation": "The article's score differs from the official result; the calendar wins.",
    }]


def on_day(text: str, y: int, m: int, d: int) -> TimeExpr:
    return TimeExpr(text, 0, len(text), "date", "nearest", (y, m, d), "en")


def test_unlinked_claims_about_the_same_opponent_merge_and_the_id_folds_accents():
    # one article says Rivertown played away: the merged row has the opponent at home; the
    # calendar does not hold the pair, and the text dates the match, so it is a row
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown drew with Slavija Čačak on 2 March 2021.", opponent="Slavija Čačak",
                    status="played", time=on_day("2 March 2021", 2021, 3, 2))])
    b = ArticleClaims("b", "en", "Rivertown", matches=[
        match_claim("b", 1, "Against Slavija Čačak, away, on 2 March 2021.", opponent="Slavija Čačak",
                    venue="away", time=on_day("2 March 2021", 2021, 3, 2))])
    asm = assemble([a, b])
    assert_frame_equal(frame("matches", asm.matches()), frame("matches", [{
        "match_id": "2021-03-02-slavija-cacak-rivertown", "date": "2021-03-02", "date_from": "2021-03-02",
        "date_to": "2021-03-02", "date_precision": "day", "date_basis": "stated",
        "home": "Slavija Čačak", "away": "Rivertown", "status": "played", "sources": "a;b"}]))


def test_an_unlinked_match_the_calendar_could_hold_or_without_a_date_is_no_row():
    # Rivertown meet Northfield FC in the calendar, but on no day with a 0-4: a misread (another
    # match's score, another season); a pair outside the calendar without a date is no fact either
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "After the 0-4 win Rivertown host Northfield.", opponent="Northfield FC",
                    status="played", subject_goals=4, opponent_goals=0, time=on_day("2 March 2021", 2021, 3, 2)),
        match_claim("a", 2, "Rivertown drew with Slavija Čačak.", opponent="Slavija Čačak", status="played"),
        match_claim("a", 3, "Rivertown drew with .", opponent=None, hole=True, status="played")])
    a.statuses = [StatusClaim("Ann Example", "started", "a#m1", "", "confirmed", prov("a", 0, "Ann started."))]
    asm = assemble([a])
    rows = asm.matches()
    assert rows == []
    assert asm.player_status(rows) == []   # a status needs its match


def test_a_report_outranks_a_preview_whose_source_is_dated_later():
    # the preview is dated (after the day, by mistake of its page), the report is not: the calendar
    # has a score and one source reports the match played, so it is played
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown host Northfield on Saturday.", opponent="Northfield FC", status="scheduled")])
    b = ArticleClaims("b", "en", "Rivertown", matches=[
        match_claim("b", 1, "Rivertown beat Northfield 2-1.", opponent="Northfield FC", status="played",
                    subject_goals=2, opponent_goals=1)])
    asm = assemble([a, b], links={"a#m1": 0, "b#m1": 0}, windows={"a": (date(2021, 3, 6), date(2021, 3, 6))})
    assert_frame_equal(frame("matches", asm.matches()), frame("matches", [{**MATCH_ROW, "sources": "a;b"}]))


def test_slug_folds_accented_letters_instead_of_dropping_them():
    assert slug("Pašalić") == "pasalic"
    assert merge.slug("Slavija Čačak") == "slavija-cacak"      # merge uses the one slug
    assert slug("Dæhli Ørsta") == "daehli-orsta"               # letters that do not decompose, spelled out
    assert slug("  --Nové   Město!! ") == "nove-mesto"
    assert slug("Borussia Mönchengladbach", limit=12) == "borussia-mon"
    assert slug("Åsane 2", limit=6) == "asane"                 # no trailing dash after the cut
    assert slug("中文") == ""


def status(aid: str, player: str, st: str, certainty: str, quote: str, match_key: str | None = "a#m1") -> StatusClaim:
    return StatusClaim(player, st, match_key, "", certainty, prov(aid, 100, quote, certainty))


def status_claims() -> list[ArticleClaims]:
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown beat Northfield 2-1.", opponent="Northfield FC", status="played")],
        statuses=[status("a", "Ana Brandt", "started", "reported", "Brandt was said to start.")])
    b = ArticleClaims("b", "en", "Rivertown", matches=[
        match_claim("b", 1, "The Northfield game.", opponent="Northfield FC")],
        statuses=[status("b", "Ana Brandt", "started", "confirmed", "Brandt started.", "b#m1"),
                  status("b", "Tomás Leal", "captain", "confirmed", "Leal is the captain.", None)])
    c = ArticleClaims("c", "en", "Rivertown", matches=[
        match_claim("c", 1, "Northfield, Saturday.", opponent="Northfield FC")],
        statuses=[status("c", "Ana Brandt", "left_out", "reported", "Brandt reportedly left out.", "c#m1"),
                  status("c", "Ana Brandt", "started", "reported", "Brandt unmatched.", "c#m9")])
    return [a, b, c]


def test_statuses_about_one_player_in_one_match_merge_and_confirmed_wins():
    asm = assemble(status_claims(), links={"a#m1": 0, "b#m1": 0, "c#m1": 0})
    rows = asm.player_status(asm.matches())
    mid = MATCH_ROW["match_id"]
    assert_frame_equal(frame("player_status", rows), frame("player_status", [
        {"player": "Ana Brandt", "status": "left_out", "match_id": mid, "date": "2021-03-06",
         "certainty": "reported", "article_id": "c", "quote": "Brandt reportedly left out."},
        {"player": "Ana Brandt", "status": "started", "match_id": mid, "date": "2021-03-06",
         "certainty": "confirmed", "article_id": "a;b", "quote": "Brandt was said to start. | Brandt started."},
        {"player": "Tomás Leal", "status": "captain", "match_id": "", "date": "",
         "certainty": "confirmed", "article_id": "b", "quote": "Leal is the captain."},
    ]))  # the claim about a match no row exists for ("c#m9") is dropped
    keys = [(p["row_key"], p["article_id"]) for p in asm.provenance if p["table"] == "player_status"]
    assert keys == [(f"Ana Brandt|started|{mid}", "a"), (f"Ana Brandt|started|{mid}", "b"),
                    ("Tomás Leal|captain|", "b"), (f"Ana Brandt|left_out|{mid}", "c")]
    assert [(c["subject"], c["field"], c["values"], c["sources"]) for c in asm.contradictions] == [
        (f"Ana Brandt in {mid}", "status", "a;b: started (confirmed) | c: left_out (reported)", "a;b;c")]


def test_an_incompatible_status_is_resolved_for_the_confirmed_claim():
    asm = assemble(status_claims(), links={"a#m1": 0, "b#m1": 0, "c#m1": 0})
    asm.player_status(asm.matches())
    assert [(c["resolution"], c["rule"]) for c in asm.contradictions] == [("started", "more specific claim")]


def event(aid: str, kind: str, actors: list[str], certainty: str, quote: str, match_key: str | None = None) -> EventClaim:
    return EventClaim(kind, actors, match_key, certainty, [prov(aid, 200, quote, certainty)])


def test_events_told_twice_merge_into_one_numbered_row_with_every_source():
    windows = {"a": (date(2021, 3, 7), date(2021, 3, 8)), "b": (date(2021, 3, 9), date(2021, 3, 9))}
    a = ArticleClaims("a", "en", "Rivertown", matches=[
        match_claim("a", 1, "Rivertown beat Northfield 2-1.", opponent="Northfield FC", status="played")],
        events=[event("a", "dispute", ["Ana Brandt", "Ole Strand"], "reported", "They are said to have argued."),
                event("a", "altercation", ["Ana Brandt", "Tomás Leal"], "confirmed", "A scuffle at the match.", "a#m1")])
    b = ArticleClaims("b", "en", "Rivertown", events=[
        event("b", "dispute", ["Ole Strand", "Ana Brandt"], "confirmed", "Strand and Brandt argued.")])
    asm = assemble([a, b], links={"a#m1": 0}, windows=windows)
    matches = asm.matches()
    rows = asm.events(matches, asm.player_status(matches))
    mid = MATCH_ROW["match_id"]
    assert_frame_equal(frame("events", rows), frame("events", [
        {"event_id": "e001", "event_type": "altercation", "date": "2021-03-06", "date_from": "2021-03-06",
         "date_to": "2021-03-06", "date_precision": "day", "date_basis": "linked_fixture",
         "actors": "Ana Brandt;Tomás Leal", "agents": "Ana Brandt;Tomás Leal", "match_id": mid, "certainty": "confirmed",
         "summary": "Physical altercation involving Ana Brandt and Tomás Leal (Rivertown–Northfield FC, 2021-03-06)",
         "sources": "a", "quote": "A scuffle at the match."},
        {"event_id": "e002", "event_type": "dispute", "date_to": "2021-03-08", "date_precision": "range",
         "date_basis": "inferred", "actors": "Ana Brandt;Ole Strand", "agents": "Ana Brandt;Ole Strand",
         "certainty": "confirmed",
         "summary": "Dispute between Ana Brandt and Ole Strand", "sources": "a;b",
         "quote": "They are said to have argued. | Strand and Brandt argued."},
    ]))
    keys = [(p["row_key"], p["article_id"]) for p in asm.provenance if p["table"] == "events"]
    assert keys == [("e002", "a"), ("e002", "b"), ("e001", "a")]


def test_a_standing_fact_with_two_values_that_cannot_both_hold_is_two_rows():
    """A contract to mid-2022 (one club) and one to June 2024 (the next) are two facts, each with
    its own claims; "2022" and "mid-2022" are one; a claim without a value goes with the first."""
    from fanboard.resolve.merge_statuses import _value_clusters
    items = [("a", "2022-06-01/2022-07-31"), ("b", "2024-06-30"), ("c", "2022"), ("d", "")]
    assert _value_clusters(items) == [[("a", "2022-06-01/2022-07-31"), ("c", "2022"), ("d", "")],
                                      [("b", "2024-06-30")]]
    assert _value_clusters([("d", "")]) == [[("d", "")]]
