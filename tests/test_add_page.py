"""The Add articles page through AppTest: paste, preview, save, and the new rows on other pages.

(File upload has no AppTest widget; tests/browser/test_add_browser.py uploads in Chromium.)
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from writers import snapshot

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"
BODY = ("Atalanta captain Alejandro Gomez was left out of the squad after a dispute with Gian Piero "
        "Gasperini. Atalanta drew 1-1 with Fiorentina on Sunday, reports say.")
HEADLINE = "Invented test article: Gomez <b>left</b> out [again](javascript:alert(1))"


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch):
    """Each AppTest run remembers st.navigation, like a live server (see test_app_pages.py)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")     # shared, so only the first save parses the seeds


@pytest.fixture
def data(tmp_path, monkeypatch, cache_dir) -> Path:
    d = tmp_path / "data"
    shutil.copytree(FIXTURE_TABLES, d / "tables")
    monkeypatch.setenv("FANBOARD_TABLES", str(d / "tables"))
    monkeypatch.setenv("FANBOARD_ARTICLES", str(d / "articles"))
    monkeypatch.setenv("FANBOARD_CACHE", str(cache_dir))
    return d


def open_add_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/add_article.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == ["Add articles"]
    return at


def paste(at: AppTest, text: str, headline: str = "", **meta) -> AppTest:
    at.text_input(key="paste_headline_0").set_value(headline)
    at.text_area(key="paste_text_0").set_value(text)
    for k, v in meta.items():
        (at.selectbox if k == "language" else at.text_input)(key=f"paste_0_{k}").set_value(v)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_paste_preview_save_and_the_new_rows_appear_on_every_page(data):
    at = paste(open_add_page(), BODY, HEADLINE, source="Invented Gazette", published="2020-12-14")
    # the preview: language, where it will be stored, the names and the claims, before saving
    assert "**Language**  \nEnglish" in [m.value for m in at.markdown]
    assert snapshot(data / "articles") == {}
    entities, claims = (df.value for df in at.dataframe[:2])
    assert entities.to_dict("records") == [
        {"text": "Gomez", "kind": "person", "name": "Alejandro Gómez"},      # in the headline
        {"text": "Atalanta", "kind": "club", "name": "Atalanta"},
        {"text": "Alejandro Gomez", "kind": "person", "name": "Alejandro Gómez"},
        {"text": "Gian Piero Gasperini", "kind": "person", "name": "Gian Piero Gasperini"},
        {"text": "Fiorentina", "kind": "club", "name": "Fiorentina"},
    ]
    assert {"kind": "match", "claim": "Atalanta v Fiorentina 1-1, played", "certainty": "reported",
            "sentence": "Atalanta drew 1-1 with Fiorentina on Sunday, reports say."} in claims.to_dict("records")
    # save
    [save] = [b for b in at.button if b.key == "paste_save_0"]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    [stored] = list((data / "articles").glob("*.txt"))
    assert stored.read_text(encoding="utf-8") == f"{HEADLINE}\n\n{BODY}"
    [msg] = [s.value for s in at.success]
    assert msg.startswith("stored\\: pasted text\\: stored as ")
    assert "Tables rebuilt\\: 3 articles" in " ".join(c.value for c in at.caption)
    assert at.text_area(key="paste_text_1").value in ("", None)       # the form is empty again
    # every page reads the rebuilt tables: the sidebar offers the new article, Sources shows it
    assert "Invented Gazette (English) · 14 Dec 2020 · Invented test article: Gomez <b>left</b> out [a… · invented-t" in at.sidebar.multiselect(key="source").options
    at.switch_page("pages/sources.py").run()
    assert not at.exception, [e.value for e in at.exception]
    headlines = [h.value for h in at.subheader]
    assert any("Gomez \\<b\\>left\\</b\\> out \\[again\\](javascript\\:alert(1))" in h for h in headlines), headlines
    at.switch_page("pages/matches.py").run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("text,meta,message", [
    ("   \n\t  ", {}, "the pasted text holds only whitespace; nothing was stored"),
    (BODY, {"published": "next Sunday"}, "the publication date 'next Sunday' is not a date; write it as YYYY-MM-DD"),
    (BODY, {"url": "javascript:alert(1)"}, "the URL 'javascript:alert(1)' is not a web address"),
])
def test_refused_paste_shows_the_reason_and_saves_nothing(data, text, meta, message):
    before = snapshot(data)
    at = paste(open_add_page(), text, **meta)
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any(message in e for e in errors), errors
    [save] = [b for b in at.button if b.key == "paste_save_0"]
    assert save.disabled
    assert snapshot(data) == before


def test_pasting_a_seed_says_it_is_already_stored(data):
    seed = (ROOT / "seeds" / "001_6400d61ffa6bd79a.txt").read_text(encoding="utf-8")
    at = paste(open_add_page(), seed)
    infos = [i.value.replace("\\", "") for i in at.info]
    assert "This text is already stored (as seeds/001_6400d61ffa6bd79a.txt); saving will skip it." in infos
    assert snapshot(data / "articles") == {}
