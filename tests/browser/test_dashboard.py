"""The dashboard in a real browser: every page, the player filter in the URL, chart downloads."""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from .conftest import IDLE, screenshot, wait_idle

PAGES = {  # page title -> (url path, number of charts it must draw)
    "Overview": ("", 1),  # the default page lives at the root
    "Timeline": ("timeline", 1),
    "Matches": ("matches", 0),
    "Players": ("players", 1),
    "Sources": ("sources", 0),
}
CHART = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg, .vega-embed canvas, .vega-embed svg"


def open_page(page, server: str, path: str, query: str = "") -> None:
    page.goto(f"{server}/{path}{query}")
    wait_idle(page)


@pytest.mark.parametrize("title", list(PAGES))
def test_every_page_renders_without_exception(page, server, title):
    path, n_charts = PAGES[title]
    open_page(page, server, path)
    if n_charts:
        page.wait_for_selector(CHART, timeout=60_000)
        assert page.locator(CHART).count() >= n_charts
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stDialog']").count() == 0  # e.g. "Page not found"
    assert page.locator("h1").first.inner_text().strip() == title
    screenshot(page, title.lower())


def _select_player(page, name: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type(name.split()[0])
    page.get_by_role("option", name=name).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def test_player_filter_changes_timeline_and_survives_reload(page, server):
    open_page(page, server, "timeline")
    page.wait_for_selector(CHART)
    summary = page.get_by_text("Showing ", exact=False).first
    before = summary.inner_text()
    chart_before = page.locator("[data-testid='stVegaLiteChart']").first.screenshot()
    assert before == "Showing 9 events and 4 matches for anyone between 17 Nov 2020 and 18 Dec 2020."

    _select_player(page, "Josip Iličić")
    page.wait_for_function("() => document.body.innerText.includes('for Josip Iličić')")
    after = page.get_by_text("Showing ", exact=False).first.inner_text()
    assert after != before
    assert after == "Showing 2 events and 2 matches for Josip Iličić between 17 Nov 2020 and 18 Dec 2020."
    assert "player=" in page.url
    page.wait_for_selector(CHART)
    page.wait_for_timeout(800)
    assert page.locator("[data-testid='stVegaLiteChart']").first.screenshot() != chart_before

    copied = page.url
    page.goto("about:blank")
    page.goto(copied)
    wait_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Josip Iličić").first.wait_for()   # the sidebar may still be drawing
    assert "Josip Iličić" in sidebar.inner_text()
    assert "for Josip Iličić" in page.get_by_text("Showing ", exact=False).first.inner_text()
    screenshot(page, "timeline_ilicic")

    # The filter stays set on another page too (it lives in app.py and in the URL).
    page.get_by_role("link", name="Players").click()
    wait_idle(page)
    assert "player=" in page.url
    assert page.locator("h2", has_text="Josip Iličić").count() == 1
    assert page.locator("h2", has_text="Alejandro Gómez").count() == 0


def test_other_clubs_matches_are_drawn_only_with_the_toggle_which_the_address_keeps(page, server):
    """Seen from Udinese, three of the four matches are between other clubs (and every event is
    Atalanta's): hidden, and said so, until the toggle is switched on; the address keeps the
    toggle, a reload keeps the view."""
    open_page(page, server, "timeline", "?club=Udinese")
    page.wait_for_selector(CHART)
    summary = page.get_by_text("Showing ", exact=False).first
    assert summary.inner_text() == (
        "Showing 0 events and 1 match for anyone between 17 Nov 2020 and 18 Dec 2020. 3 matches between "
        "other clubs are not drawn (switch on “Show other clubs' matches” to draw them; the Matches page "
        "lists every match).")
    toggle = page.locator("[data-testid='stCheckbox']", has_text="Show other clubs' matches")
    assert toggle.count() == 1 and not toggle.locator("input").is_checked()
    toggle.locator("label").first.click()
    page.wait_for_function("() => document.body.innerText.includes('0 events and 4 matches')")
    wait_idle(page)
    assert page.get_by_text("Showing ", exact=False).first.inner_text() == (
        "Showing 0 events and 4 matches for anyone between 17 Nov 2020 and 18 Dec 2020.")
    assert "others=true" in page.url and "club=Udinese" in page.url
    page.wait_for_selector(CHART)
    copied = page.url
    page.goto("about:blank")
    page.goto(copied)
    wait_idle(page)
    page.get_by_text("0 events and 4 matches", exact=False).first.wait_for()
    assert page.locator("[data-testid='stCheckbox'] input").first.is_checked()
    assert page.locator("[data-testid='stException']").count() == 0


def _download(page, label: str, tmp_path):
    with page.expect_download(timeout=90_000) as info:
        page.locator("[data-testid='stDownloadButton'] button", has_text=label).first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return download.suggested_filename, target.read_bytes()


def test_timeline_downloads_png_svg_and_html(page, server, tmp_path):
    open_page(page, server, "timeline", "?player=Alejandro+G%C3%B3mez")
    page.wait_for_selector(CHART)

    name, png = _download(page, "PNG", tmp_path)
    assert name.startswith("timeline_gomez_") and name.endswith(".png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 800 and height >= 400

    name, svg = _download(page, "SVG", tmp_path)
    assert name.endswith(".svg")
    root = ET.fromstring(svg)
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Filters: people: Alejandro Gómez" in text  # the file says which filters and dates it shows
    assert "Atalanta · 17 Nov 2020 – 18 Dec 2020 · as of 18 Dec 2020" in text
    assert int(float(root.get("width"))) >= 800

    name, html = _download(page, "HTML", tmp_path)
    assert name.endswith(".html")
    assert b"<html" in html.lower() and b"vega" in html.lower()
    assert page.locator("[data-testid='stException']").count() == 0


def _find_colour(png: bytes, rgb: tuple[int, int, int], tolerance: int = 40, top: float = 0.4) -> tuple[float, float] | None:
    """The centre of the pixels of one colour in the top part of a screenshot (None when absent)."""
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    xs, ys = [], []
    px = img.load()
    for y in range(0, int(img.height * top), 2):
        for x in range(0, img.width, 2):
            r, g, b = px[x, y]
            if abs(r - rgb[0]) + abs(g - rgb[1]) + abs(b - rgb[2]) <= tolerance:
                xs.append(x)
                ys.append(y)
    if len(xs) < 10:
        return None
    # the leftmost blob only (a dashed "by …" arrow of the same colour may run to the right)
    near = [(x, y) for x, y in zip(xs, ys) if x <= min(xs) + 24]
    return sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near)


def test_clicking_an_event_shows_its_provenance(page, server):
    from fanboard.charts import EVENT_COLORS

    # one Dispute point in the window, so the colour centroid is that point
    open_page(page, server, "timeline", "?player=Alejandro+G%C3%B3mez&dates=2020-12-01&dates=2020-12-05")
    page.wait_for_selector(CHART)
    page.wait_for_timeout(1000)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    hexcolour = EVENT_COLORS["Dispute"].lstrip("#")
    target = tuple(int(hexcolour[i:i + 2], 16) for i in (0, 2, 4))
    # The points are drawn at 85% opacity on the page background.
    blended = tuple(round(0.85 * c + 0.15 * 255) for c in target)
    spot = _find_colour(chart.screenshot(), blended) or _find_colour(chart.screenshot(), target)
    assert spot, "the Dispute event is not drawn"
    box = chart.bounding_box()  # after the screenshot, which may have scrolled the chart into view
    page.mouse.click(box["x"] + spot[0], box["y"] + spot[1])
    page.wait_for_function("() => document.body.innerText.includes('Dispute · ')", timeout=60_000)
    wait_idle(page)
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "Certainty: confirmed" in main and "Gian Piero Gasperini" in main
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "timeline_selected_event")
