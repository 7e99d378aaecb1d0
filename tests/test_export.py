"""Exports: real PNG/SVG/HTML files rendered offline, CSV following the filters, file names."""
from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from datetime import date

import pandas as pd
import pytest

from fanboard import charts, export, views
from fanboard.tables import read_tables

from conftest import FIXTURE_TABLES


@pytest.fixture(scope="module")
def timeline():
    d = views.Dashboard.create(read_tables(FIXTURE_TABLES), views.Filters(players=("Alejandro Gómez",)))
    return charts.timeline_chart(d.events, d.results, d.positions, club=d.club)


def test_png_is_a_real_png_with_size(timeline):
    png = export.to_png(timeline)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 2 * export.EXPORT_WIDTH and height > 600  # scale 2


def test_svg_parses_and_has_the_labels(timeline):
    svg = export.to_svg(timeline)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Atalanta: conflict events and results" in text
    assert "Squad exclusion" in text and "W 1-0" in text


def test_html_is_standalone_and_offline(timeline):
    page = export.to_html(timeline, title="timeline_gomez_2020-12.html")
    assert page.lstrip().lower().startswith("<!doctype html") or "<html" in page[:200].lower()
    assert "<title>" in page
    assert not re.search(r"<script[^>]+src=[\"']https?://", page)  # no CDN scripts
    assert "vegaEmbed" in page or "vega-embed" in page


def test_static_spec_replaces_container_width():
    chart = charts.results_strip(pd.DataFrame(columns=views.match_results(pd.DataFrame(columns=[
        "match_id", "date", "date_from", "date_to", "competition", "round", "home", "away", "home_goals",
        "away_goals", "status", "status_reason", "sources"]), None).columns), club=None, width="container")
    spec = export.static_spec(chart)
    assert "container" not in str(spec)
    assert spec["config"]["font"] == export.FONT


@pytest.mark.parametrize("players, start, end, expected", [
    (("Alejandro Gómez",), date(2020, 12, 1), date(2020, 12, 19), "timeline_gomez_2020-12.png"),
    (("Josip Iličić", "Alejandro Gómez"), date(2020, 11, 8), date(2020, 12, 19), "timeline_ilicic-gomez_2020-11_2020-12.png"),
    ((), None, None, "timeline_all.png"),
])
def test_file_names_say_what_is_inside(players, start, end, expected):
    assert export.file_name("timeline", "png", players=players, date_from=start, date_to=end) == expected


def test_csv_follows_the_filters():
    tables = read_tables(FIXTURE_TABLES)
    d = views.Dashboard.create(tables, views.Filters(players=("Josip Iličić",)))
    csv = export.to_csv(d.results.drop(columns=["source_ids"])).decode("utf-8")
    lines = csv.strip().split("\n")
    assert lines[0].startswith("match_id,date,competition")
    assert len(lines) == 3
    assert lines[1].split(",")[1] == "2020-12-01" and "FC Midtjylland" in lines[1]


def test_an_exported_chart_says_what_it_shows(timeline):
    d = views.Dashboard.create(read_tables(FIXTURE_TABLES), views.Filters(
        players=("Alejandro Gómez",), languages=("nl",), date_from=date(2020, 12, 1), date_to=date(2020, 12, 19)))
    caption = d.describe()
    assert caption[0].startswith("Atalanta · 1 Dec 2020 – 19 Dec 2020 · as of ")
    svg = export.to_svg(timeline, caption=caption)
    text = " ".join(t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))
    assert caption[0] in text and "Filters: people: Alejandro Gómez; languages: NL" in text
    assert "Atalanta: conflict events and results" in text  # the panels keep their own titles
    # a chart with a title of its own gets the caption under it
    strip = charts.results_strip(d.results, club=d.club)
    spec = export.static_spec(strip, caption=caption)
    assert spec["title"]["text"] == "Atalanta: latest results" and spec["title"]["subtitle"] == caption
    assert export.static_spec(strip)["title"].get("subtitle") is None  # no caption asked, none added
    assert caption[0] in export.to_html(strip, title="results.html", caption=caption)
