"""The HTML export embeds chart data (article quotes included) as data a browser never runs.
(tests/browser/test_export_browser.py opens such an export in Chromium.)"""
from __future__ import annotations

import json
import re

import pytest

from fanboard import export

PAYLOAD = "</script><script>alert(1)</script>"


@pytest.mark.parametrize("value,expected", [
    (PAYLOAD, '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'),
    ("a & b <!-- c --> d", '"a \\u0026 b \\u003c!-- c --\\u003e d"'),
    ("line\u2028para\u2029end", '"line\\u2028para\\u2029end"'),
    ({"quote": "Gómez “said” \\ \"no\"\n"}, '{"quote":"Gómez “said” \\\\ \\"no\\"\\n"}'),
    ([1, 2.5, None, True], "[1,2.5,null,true]"),
])
def test_script_json_escapes_what_could_end_a_script(value, expected):
    out = export.script_json(value)
    assert out == expected
    assert json.loads(out) == value                       # still JSON, and the same value
    assert not re.search(r"[<>&\u2028\u2029]", out)


def chart_with(quote: str) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"day": "2020-12-14", "quote": quote}]},
        "mark": "point",
        "encoding": {"x": {"field": "day", "type": "temporal"}, "tooltip": [{"field": "quote"}]},
        "width": "container",
    }


def embedded_spec(page: str) -> dict:
    [block] = re.findall(r'<script type="application/json" id="vega-spec">(.*?)</script>', page, re.S)
    return json.loads(block)


def test_a_quote_with_a_closing_script_tag_stays_inside_the_data():
    page = export.to_html(chart_with(f"Gomez said {PAYLOAD} and left."), title="timeline_all.html")
    assert PAYLOAD not in page and "alert(1)</script>" not in page
    # the page's own three scripts (the libraries, the data, the embedding call) and no other
    assert len(re.findall(r"<script\b", page)) == 3 and page.count("</script>") == 3
    spec = embedded_spec(page)
    assert spec["data"]["values"][0]["quote"] == f"Gomez said {PAYLOAD} and left."
    assert spec["width"] == export.EXPORT_WIDTH


def test_the_title_is_escaped_and_used():
    page = export.to_html(chart_with("x"), title="</title><script>alert(2)</script>")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>" in page
    assert len(re.findall(r"<script\b", page)) == 3


def test_the_library_bundle_cannot_end_its_own_script():
    bundle = export._javascript_bundle()
    assert "vegaEmbed" in bundle
    assert "</script" not in bundle.lower() and "<!--" not in bundle
