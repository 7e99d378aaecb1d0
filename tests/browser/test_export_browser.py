"""An exported Timeline HTML whose article quotes `</script><script>alert(1)</script>`, opened in
Chromium: no dialog opens, no script is injected, the chart draws, and the quote is intact in
the embedded data and shown as text in the tooltip.

The tables are built by the real pipeline from the seeds plus one invented article carrying
the payload (as if it had been pasted on the Add page). The export is made twice: by
fanboard.export directly, and by the Timeline page's HTML download button in a running app.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, streamlit_server, wait_idle

PAYLOAD = "</script><script>alert(1)</script>"
QUOTE = f"Alejandro Gomez had a furious row with Gian Piero Gasperini at half-time {PAYLOAD}, reports say."
ARTICLE = f"Invented test article: a row at half-time\n\nAtalanta beat Fiorentina 3-0. {QUOTE}\n"


@pytest.fixture(scope="module")
def evil_tables(tmp_path_factory) -> Path:
    from fanboard.pipeline import build

    articles = tmp_path_factory.mktemp("evil_articles")
    (articles / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "articles.toml").write_text('[evil]\npublished = "2021-01-12"\nsource = "Invented Gazette"\n',
                                            encoding="utf-8")
    out = tmp_path_factory.mktemp("evil_tables")
    build([ROOT / "seeds", articles], out, cache_dir=None)
    return out


def open_export(browser, path: Path):
    """The exported file in a fresh page, recording every dialog (dismissed) and script error."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.dialogs, pg.errors = [], []

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    try:
        pg.goto(path.as_uri(), wait_until="load")
        assert pg.dialogs == [], f"the exported page ran a script from the data: {pg.dialogs}"
        pg.wait_for_selector("#vega-chart svg .mark-symbol", timeout=60_000)
    except BaseException:
        context.close()
        raise
    return context, pg


def check_export(browser, path: Path) -> None:
    context, pg = open_export(browser, path)
    try:
        # the chart rendered: its title, and the event mark that carries the quote
        texts = pg.locator("#vega-chart svg text").all_text_contents()
        assert any("conflict events and results" in t for t in texts), texts[:20]
        mark = pg.locator("#vega-chart svg [aria-label*='alert(1)']")
        assert mark.count() == 1
        assert f"quote: {QUOTE};" in mark.get_attribute("aria-label")
        # the embedded data, parsed by the browser, holds the quote exactly
        quotes = pg.evaluate(
            """() => {
                const spec = JSON.parse(document.getElementById('vega-spec').textContent);
                return Object.values(spec.datasets || {}).flat().map(r => r.quote).filter(Boolean);
            }"""
        )
        assert QUOTE in quotes
        # the tooltip shows it as text
        mark.hover(force=True)
        tip = pg.locator("#vg-tooltip-element")
        tip.wait_for(state="visible", timeout=10_000)
        assert QUOTE in tip.inner_text()
        # nothing ran and nothing was injected: the page's three scripts only, no dialog, no error
        assert pg.evaluate("document.querySelectorAll('script').length") == 3
        assert pg.locator("#vg-tooltip-element script").count() == 0
        pg.wait_for_timeout(300)
        assert pg.dialogs == [] and pg.errors == []
    finally:
        context.close()


def test_exported_timeline_html_runs_no_script_from_a_quote(browser, evil_tables, tmp_path):
    from fanboard import charts, export, views
    from fanboard.tables import read_tables

    d = views.Dashboard.create(read_tables(evil_tables), views.Filters())
    assert QUOTE in set(d.events["quote"])
    chart = charts.timeline_chart(d.events, d.results, d.positions, club=d.club)
    target = tmp_path / "timeline_all.html"
    target.write_text(export.to_html(chart, title=target.name), encoding="utf-8")
    check_export(browser, target)


def test_the_timeline_pages_html_download_runs_no_script_from_a_quote(browser, page, evil_tables, tmp_path):
    with streamlit_server(tmp_path / "streamlit.log", FANBOARD_TABLES=str(evil_tables)) as url:
        page.on("dialog", lambda d: pytest.fail(f"the app opened a dialog: {d.message}"))
        page.goto(f"{url}/timeline")
        wait_idle(page)
        with page.expect_download(timeout=90_000) as info:
            page.locator("[data-testid='stDownloadButton'] button", has_text="HTML").first.click()
        download = info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
    assert target.name.startswith("timeline_") and target.suffix == ".html"
    check_export(browser, target)
