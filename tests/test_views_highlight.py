"""The highlighted article text (fanboard.views.highlight) on small hand-made inputs: names found
in any spelling, claim sentences marked, and every character of the article escaped."""
from __future__ import annotations

import pandas as pd

from fanboard import views
from fanboard.views import Highlight
from small_tables import small_tables

MARK = '<mark style="background: rgba(250, 200, 60, 0.28); color: inherit; border-radius: 3px; padding: 0 1px;"'
PERSON = '<span style="border-bottom: 2px solid #e8590c; font-weight: 600;" title="person">'


def test_entity_terms_are_the_folded_names_of_the_tables():
    assert views.entity_terms(small_tables()) == {
        "ana brandt": "person", "brandt": "person", "tomas leal": "person", "leal": "person",
        "eastbury": "club", "rivertown": "club", "northfield": "club", "westford": "club",
        "cup": "competition", "league": "competition"}


def test_entity_spans_match_any_spelling_at_the_right_place():
    text = "Brandt & LEAL argued\nat Rivertówn in the Cup; Leala is no one."
    spans = views.entity_spans(text, views.entity_terms(small_tables()))
    assert [text[h.start:h.end] for h in spans] == ["Brandt", "LEAL", "Rivertówn", "Cup"]
    assert spans == [
        Highlight(0, 6, "entity", "person"), Highlight(9, 13, "entity", "person"),
        Highlight(24, 33, "entity", "club"), Highlight(41, 44, "entity", "competition")]


def test_the_longest_name_wins_where_names_overlap():
    assert views.entity_spans("Ana Brandt said", {"ana brandt": "person", "brandt": "person"}) == [
        Highlight(0, 10, "entity", "person")]


def test_claim_spans_merge_the_tables_of_one_sentence_and_skip_bad_offsets():
    pv = pd.DataFrame([
        {"table": "matches", "sentence_start": "0", "sentence_end": "10"},
        {"table": "events", "sentence_start": "0", "sentence_end": "10"},
        {"table": "situation", "sentence_start": "12", "sentence_end": "20"},
        {"table": "matches", "sentence_start": "", "sentence_end": "5"},      # no offsets: skipped
        {"table": "matches", "sentence_start": "15", "sentence_end": "99"},   # past the text: skipped
    ])
    assert views.claim_spans(pv, "x" * 20) == [Highlight(0, 10, "claim", "events, matches"),
                                              Highlight(12, 20, "claim", "situation")]


def test_highlighted_html_escapes_everything_from_the_article():
    html = views.highlighted_html("Tolói <b>\nx", [Highlight(0, 8, "claim", "matches")],
                                  [Highlight(0, 5, "entity", "person")])
    assert html == (
        '<div style="line-height: 1.7;">'
        f'{MARK} title="claim: matches">{PERSON}Tolói</span></mark>'
        f'{MARK} title="claim: matches"> &lt;b</mark>&gt;<br>x</div>')


def test_a_label_cannot_break_out_of_its_attribute():
    html = views.highlighted_html("ab", [Highlight(0, 2, "claim", '"><script>')], [])
    assert "<script>" not in html and 'title="claim: &quot;&gt;&lt;script&gt;"' in html


def test_read_article_text_looks_under_each_root(tmp_path):
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "a.txt").write_text("Invented text.", encoding="utf-8")
    roots = [tmp_path / "first", tmp_path / "second"]
    assert views.read_article_text("a.txt", roots) == "Invented text."
    assert views.read_article_text(str(tmp_path / "second" / "a.txt"), []) == "Invented text."
    assert views.read_article_text("missing.txt", roots) is None
    assert views.read_article_text("", roots) is None
