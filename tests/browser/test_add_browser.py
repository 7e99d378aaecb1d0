"""Adding articles in a real browser: upload and paste, then the new article on Sources, with
markup from the article shown as harmless text (no dialog, no injected element).

This file starts its own server on a private data folder (store, tables and claim cache), so
adds never touch data/ or the shared fixture tables.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, screenshot, streamlit_server, wait_idle

EVIL = (
    "Invented test article: markup in the text\n\n"
    "Atalanta beat Fiorentina 3-0. <script>alert('script')</script> "
    "<img src=x onerror=\"alert('onerror')\"> <a href=\"javascript:alert('link')\">click me</a> "
    "Gomez was left out.\n"
)
EVIL_HTML = (
    "<html><head><title>Invented: HTML page with scripts</title><script>alert('head')</script></head>"
    "<body><article><h1>Invented: HTML page with scripts</h1><p>Atalanta captain Alejandro Gomez was left "
    "out of the squad after a dispute with Gian Piero Gasperini, and the club kept quiet about it for days.</p>"
    "<p><img src=x onerror=\"alert('img')\"><a href=\"javascript:alert('a')\">more</a></p></article></body></html>"
)


@pytest.fixture(scope="module")
def add_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("adddata")
    store, tables, cache = data / "articles", data / "tables", data / "cache"
    with streamlit_server(data / "streamlit.log", FANBOARD_TABLES=str(tables), FANBOARD_ARTICLES=str(store),
                          FANBOARD_CACHE=str(cache)) as url:
        yield url, store


@pytest.fixture
def watched(page):
    """The page, with every dialog and console error recorded (and dialogs dismissed)."""
    dialogs, errors = [], []

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.dialogs, page.console_errors = dialogs, errors
    return page


def no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0


def test_upload_preview_save_then_sources_shows_markup_as_text(add_server, watched):
    url, store = add_server
    page = watched
    page.goto(f"{url}/add_article")
    wait_idle(page, 120_000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([
        {"name": "../../evil.txt", "mimeType": "text/plain", "buffer": EVIL.encode()},
        {"name": "page.html", "mimeType": "text/html", "buffer": EVIL_HTML.encode()},
        {"name": "empty.txt", "mimeType": "text/plain", "buffer": b"   \n"},
    ])
    page.get_by_text("Will be stored as").nth(1).wait_for()
    wait_idle(page, 120_000)
    main = page.locator("[data-testid='stMain']")
    assert "empty.txt holds only whitespace; nothing was stored" in main.inner_text()
    assert "Invented: HTML page with scripts" in main.inner_text()
    no_exception(page)
    screenshot(page, "add_upload_preview")
    page.locator("[data-testid='stTabs'] [role='tabpanel']:visible button", has_text="Save").click()
    page.get_by_text("Tables rebuilt:").wait_for(timeout=120_000)
    wait_idle(page, 120_000)
    text = main.inner_text()
    assert text.count("stored: ") == 2 and "refused: empty.txt" in text
    stored = sorted(p.name for p in store.glob("*.txt"))
    assert len(stored) == 2 and all(n.startswith(("evil_", "page_")) for n in stored), stored
    screenshot(page, "add_upload_saved")

    page.goto(f"{url}/sources")
    wait_idle(page, 120_000)
    page.get_by_text("Invented test article: markup in the text").first.wait_for()
    # the cards' texts arrive after their headlines: a loaded machine read the page between the two
    main.get_by_text("alert('script')").first.wait_for(timeout=60_000)
    wait_idle(page, 120_000)
    body = main.inner_text()
    # the markup of the article is on the page as text ...
    assert "<script>alert('script')</script>" in body
    assert "<img src=x onerror=\"alert('onerror')\">" in body
    assert "Invented: HTML page with scripts" in body
    # ... and nothing of it became an element or ran
    assert page.locator("img[src='x'], a[href^='javascript:'], [onerror]").count() == 0
    assert page.evaluate("() => [...document.scripts].filter(s => s.textContent.includes('alert(')).length") == 0
    no_exception(page)
    screenshot(page, "add_sources_with_markup")
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert not [e for e in page.console_errors if "alert" in e]


def test_paste_in_the_browser(add_server, watched):
    url, store = add_server
    page = watched
    page.goto(f"{url}/add_article")
    wait_idle(page, 120_000)
    page.get_by_role("tab", name="Paste text").click()
    page.get_by_role("textbox", name="Headline (optional)").fill("Invented test article pasted in Chromium")
    page.get_by_role("textbox", name="Headline (optional)").press("Enter")
    wait_idle(page)
    box = page.get_by_role("textbox", name="Article text")
    box.fill("Atalanta beat Sassuolo 5-1 on Saturday. <b onmouseover=alert(1)>Bold?</b> Josip Ilicic scored twice.")
    box.press("Control+Enter")
    page.get_by_text("Will be stored as").first.wait_for()
    wait_idle(page)
    panel = page.locator("[data-testid='stTabs'] [role='tabpanel']:visible")
    assert "invented-test-article-pasted-in-chromium_" in panel.inner_text()
    panel.locator("button", has_text="Save").click()
    page.get_by_text("Tables rebuilt:").wait_for(timeout=120_000)
    wait_idle(page)
    no_exception(page)
    assert any(p.name.startswith("invented-test-article-pasted-in-chromium_") for p in store.glob("*.txt"))
    page.goto(f"{url}/sources")
    wait_idle(page, 120_000)
    assert "<b onmouseover=alert(1)>Bold?</b>" in page.locator("[data-testid='stMain']").inner_text()
    assert page.locator("b[onmouseover]").count() == 0
    assert page.dialogs == []
