"""Export charts (PNG, SVG, self-contained HTML) and tables (CSV), offline.

vl-convert renders Vega-Lite in-process with its bundled JavaScript; nothing is fetched from
the network. Text is drawn with the system fonts (Debian's fonts-dejavu-core), which is why the
exports use "DejaVu Sans" explicitly.
"""
from __future__ import annotations

import copy
import functools
import io
import json
from datetime import date
from typing import Any, Iterable, Sequence

import altair as alt
import pandas as pd
import vl_convert as vlc

from .views import slug

EXPORT_WIDTH = 820
FONT = "DejaVu Sans"
CAPTION_COLOR = "#495057"
EXPORT_CONFIG = {
    "background": "white",
    "font": FONT,
    "padding": 12,
}


def static_spec(chart: alt.TopLevelMixin | dict, width: int = EXPORT_WIDTH,
                caption: Sequence[str] = ()) -> dict[str, Any]:
    """The chart's Vega-Lite spec with "container" widths replaced by a fixed width, and the
    caption lines (what the chart shows: club, dates, "as of", filters) above it.

    A file has no container to fill, so a responsive width would collapse to nothing. A file
    also leaves the page that said which filters made it, so it carries them itself.
    """
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    spec = copy.deepcopy(spec)

    def fix(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("width") == "container":
                node["width"] = width
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)

    fix(spec)
    spec.pop("autosize", None)
    if caption:
        _add_caption(spec, [line for line in caption if line])
    config = spec.setdefault("config", {})
    for key, value in EXPORT_CONFIG.items():
        config.setdefault(key, value)
    return spec


def _add_caption(spec: dict[str, Any], lines: list[str]) -> None:
    """Put the lines under the chart's own title (as its subtitle), or make them its title."""
    if not lines:
        return
    title = spec.get("title")
    if title:
        title = dict(title) if isinstance(title, dict) else {"text": title}
        old = title.get("subtitle") or []
        title["subtitle"] = ([old] if isinstance(old, str) else list(old)) + lines
    else:
        title = {"text": lines[0], "subtitle": lines[1:], "fontSize": 14}
    spec["title"] = {"anchor": "start", "subtitleColor": CAPTION_COLOR, "subtitleFontSize": 11,
                     "subtitlePadding": 4, "offset": 10, **title}


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2.0, caption: Sequence[str] = ()) -> bytes:
    return vlc.vegalite_to_png(static_spec(chart, caption=caption), scale=scale)


def to_svg(chart: alt.TopLevelMixin | dict, caption: Sequence[str] = ()) -> str:
    return vlc.vegalite_to_svg(static_spec(chart, caption=caption))


# Characters that may not appear raw in JSON inside an HTML <script> element: "<" (for
# "</script>" and "<!--"), ">" and "&" (for good measure, as in Django's json_script), and
# U+2028/U+2029, which older JavaScript engines treat as line ends inside string literals.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}

_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{title}</title>
<style>
  #vega-chart.vega-embed {{ width: 100%; display: flex; }}
  #vega-chart.vega-embed details, #vega-chart.vega-embed details summary {{ position: relative; }}
</style>
<script type="text/javascript">{bundle}</script>
</head>
<body>
<div id="vega-chart"></div>
<script type="application/json" id="vega-spec">{spec}</script>
<script type="text/javascript">
  vegaEmbed("#vega-chart", JSON.parse(document.getElementById("vega-spec").textContent), {{"renderer": "svg"}})
    .catch(console.error);
</script>
</body>
</html>
"""


def script_json(value: Any) -> str:
    """JSON for a <script> element: the characters that could end the element or start markup
    are written as \\u escapes, so an article quoting "</script><script>…" stays a string."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


@functools.lru_cache(maxsize=1)
def _javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one script (vl-convert's bundle), built once per process."""
    return vlc.javascript_bundle()


def to_html(chart: alt.TopLevelMixin | dict, title: str = "fanboard chart", caption: Sequence[str] = ()) -> str:
    """A standalone, interactive HTML page with Vega, Vega-Lite and vega-embed inlined.

    The page is assembled here rather than by vl-convert, whose page puts the spec into its
    <script> unescaped: a quote from an article containing "</script>" would end the script
    and run whatever follows. Here the spec is data (a JSON <script> block, never run), and
    goes through script_json.
    """
    return _PAGE.format(title=_escape(title), bundle=_javascript_bundle(),
                        spec=script_json(static_spec(chart, caption=caption)))


def to_csv(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM-less header row, dates as ISO days."""
    buf = io.StringIO()
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def file_name(kind: str, ext: str, *, players: Iterable[str] = (), date_from: date | None = None,
              date_to: date | None = None) -> str:
    """A name that says what is inside: timeline_de-roon_2021-01.png, matches_all_2020-11_2020-12.csv.

    Players are named by surname; the period is one month when the range lies in one month.
    """
    who = "-".join(slug(p.split()[-1]) for p in players if p.strip()) or "all"
    parts = [slug(kind) or "chart", who]
    if date_from and date_to:
        a, b = f"{date_from:%Y-%m}", f"{date_to:%Y-%m}"
        parts.append(a if a == b else f"{a}_{b}")
    elif date_from or date_to:
        parts.append(f"{(date_from or date_to):%Y-%m}")
    return "_".join(parts) + "." + ext.lstrip(".")


MIME = {"png": "image/png", "svg": "image/svg+xml", "html": "text/html", "csv": "text/csv"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
