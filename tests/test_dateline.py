"""The publication date from a dateline at the top of the text (fanboard/dateline.py), when no
metadata gives it, and the publication window it sets. All texts here are invented."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from fanboard.dateline import dateline_of
from fanboard.extract.claims import ArticleClaims
from fanboard.ingest import read_article
from fanboard.reference import DECISION_COLUMNS, FIXTURE_COLUMNS
from fanboard.resolve.reconcile import Reconciler


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Titolo inventato\n3 Marzo 2021 - 09:41\nLa squadra si allena.", (date(2021, 3, 3), "3 Marzo 2021 - 09:41")),
    ("en", "Invented headline\nThursday, Feb. 4, 2021\nThe squad trained.", (date(2021, 2, 4), "Thursday, Feb. 4, 2021")),
    ("en", " date 2021-02-04 Invented headline\nThe squad trained.", (date(2021, 2, 4), "date 2021-02-04")),
    ("en", "Invented headline\nUpdated Feb. 4, 2021 7:05 p.m. ET\nThe squad trained.",
     (date(2021, 2, 4), "Updated Feb. 4, 2021 7:05 p.m. ET")),
    ("nl", "Verzonnen kop\nPiet de Schrijver 4 februari 2021\nDe selectie trainde.",
     (date(2021, 2, 4), "Piet de Schrijver 4 februari 2021")),
    ("nl", "Verzonnen kop\nDonderdag, 4 februari 2021 om 21:10 • Piet de Schrijver • Bijgewerkt: 5 februari 2021",
     (date(2021, 2, 4), "Donderdag, 4 februari 2021 om 21:10 • Piet de Schrijver • Bijgewerkt: 5 februari 2021")),
])
def test_a_clear_dateline_gives_the_date(lang, text, expected):
    assert dateline_of(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    ("nl", "Verzonnen kop\nROTTERDAM - De selectie trainde vandaag zonder de aanvoerder."),   # a place, no date
    ("en", " date 2021-02 Invented headline\nThe squad trained."),                          # a month, no day
    ("en", "Invented headline\nThe squad trained hard before the match of 4 February 2021 against the league leaders."),
    ("en", "Thursday, Feb. 4, 2021\nThe squad trained."),                                   # the headline is no dateline
    ("en", "Invented headline\nThe squad trained.\nCoach\nNotes\nFeb. 4, 2021"),            # too far down
])
def test_no_dateline_no_date(lang, text):
    assert dateline_of(text, lang) is None


def test_the_dateline_sets_published_unless_metadata_states_it(tmp_path):
    path = tmp_path / "invented.txt"
    path.write_text("Titolo inventato\n\n3 Marzo 2021 - 09:41\n\nLa squadra si è allenata a porte chiuse.\n",
                    encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.dateline) == (date(2021, 3, 3), "3 Marzo 2021 - 09:41")
    b = read_article(path, {"published": date(2021, 3, 4)})
    assert (b.published, b.dateline) == (date(2021, 3, 4), "")


class _NoKB:
    def club(self, name):
        return None

    def person(self, name):
        return None


def test_the_window_of_a_dated_article_cites_its_dateline(tmp_path):
    path = tmp_path / "invented.txt"
    path.write_text("Invented headline\n\nThursday, Feb. 4, 2021\n\nThe squad trained behind closed doors.\n",
                    encoding="utf-8")
    a = read_article(path)
    rec = Reconciler(_NoKB(), pd.DataFrame(columns=FIXTURE_COLUMNS), pd.DataFrame(columns=DECISION_COLUMNS))
    windows, _ = rec.infer_windows([a], {a.id: ArticleClaims(a.id, "en", None)})
    w = windows[a.id]
    assert (w.lo, w.hi) == (date(2021, 2, 4), date(2021, 2, 4))
    assert w.evidence == ["published 2021-02-04 (dateline 'Thursday, Feb. 4, 2021')"]
