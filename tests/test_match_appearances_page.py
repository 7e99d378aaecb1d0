"""The match page shows who played, from the reference match data, beside what the articles say
(one AppTest run on the seeds' tables)."""
from __future__ import annotations

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from helpers import ROOT


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch):
    """As in test_app_pages: each AppTest run remembers st.navigation, like a live server."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def test_match_page_lists_who_played_per_team_beside_the_articles(tables_dir, monkeypatch):
    monkeypatch.setenv("FANBOARD_TABLES", str(tables_dir))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/match.py").run()
    at.selectbox(key="pick_match").set_value("2020-12-13-atalanta-fiorentina").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Who played (match data)" in [s.value for s in at.main.subheader]
    teams = [m.value for m in at.main.markdown if m.value.startswith("**") and "·" not in m.value]
    assert teams == ["**Atalanta**", "**Fiorentina**", "**Named by the articles, not among the players who appeared**"]
    frames = [f.value for f in at.main.dataframe if isinstance(f.value, pd.DataFrame) and "minutes" in f.value.columns]
    home, away, absent = frames
    assert len(home) == 16 and len(away) == 16
    assert home.iloc[0].tolist() == ["Berat Djimsiti", "94", "0", "", "", ""]
    assert home[home["player"] == "Rafael Tolói"].iloc[0].tolist() == ["Rafael Tolói", "94", "1", "", "", ""]
    assert away.iloc[0].tolist() == ["Bartłomiej Drągowski", "94", "", "", "", ""]   # goalkeeper: goals not given
    # the captain sat on the bench all match: the articles and the match data agree
    assert absent.to_dict("records") == [{"player": "Alejandro Gómez", "minutes": "", "goals": "", "red card": "",
                                          "the articles say": "unused", "match data": "confirmed"}]
    captions = " ".join(c.value for c in at.main.caption)
    assert "Italia-Serie-A-Data-and-Data-Analysis" in captions and "Evaldo Borba (MIT License)" in captions
    assert "they tell who played, not who started or came on" in captions
    # a Champions League match: no match data, no section
    at.selectbox(key="pick_match").set_value("2020-12-09-ajax-atalanta").run()
    assert "Who played (match data)" not in [s.value for s in at.main.subheader]
