"""Small drawing helpers shared by the pages: download buttons and the page context."""
from __future__ import annotations

import re
import runpy
import threading
from collections import OrderedDict
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Hashable, Sequence

import altair as alt
from altair.utils.schemapi import debug_mode
import pandas as pd
import streamlit as st

from fanboard import export
from fanboard.views import Dashboard, split

PAGES_DIR = Path(__file__).resolve().parent
APP = PAGES_DIR.parent / "app.py"


def navigation_pages() -> list[st.Page]:
    """The dashboard's pages, in menu order (app.py passes them to st.navigation).

    The Overview lives at the root; /overview is a hidden page that sends there, keeping the
    filters in the address. The match page has no menu entry: a result links to it.
    """
    overview = st.Page(PAGES_DIR / "overview.py", title="Overview", url_path="home", default=True)

    def to_overview() -> None:
        st.switch_page(overview, query_params={k: st.query_params.get_all(k) for k in st.query_params})

    return [
        overview,
        st.Page(to_overview, title="Overview", url_path="overview", visibility="hidden"),
        st.Page(PAGES_DIR / "timeline.py", title="Timeline", url_path="timeline"),
        st.Page(PAGES_DIR / "league_table.py", title="League table", url_path="league_table"),
        st.Page(PAGES_DIR / "matches.py", title="Matches", url_path="matches"),
        st.Page(PAGES_DIR / "match.py", title="Match", url_path="match", visibility="hidden"),
        st.Page(PAGES_DIR / "players.py", title="Players", url_path="players"),
        st.Page(PAGES_DIR / "sources.py", title="Sources", url_path="sources"),
        st.Page(PAGES_DIR / "curation.py", title="Curation", url_path="curation"),
        st.Page(PAGES_DIR / "add_article.py", title="Add articles", url_path="add_article"),
    ]


def dashboard() -> Dashboard:
    """The context app.py prepared in this run (tables, filters, focus club).

    app.py leaves it in session state and the page takes it out, so a page can tell whether
    app.py ran first. It does not when Streamlit's legacy "pages/ folder" mode runs a page
    file on its own: on the first request of a fresh server that names a page (/timeline),
    and in every AppTest run after switch_page. Then the page runs app.py itself, which draws
    the sidebar, declares st.navigation (ending that mode) and runs this page inside it.
    """
    d = st.session_state.pop("dashboard", None)
    if d is None:
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
    return d


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec st.altair_chart sends for this chart, its data as Arrow datasets.

    The same conversion as Streamlit's (its theme and data transformer, under its lock), but
    without Altair's JSON-schema validation, the slowest part: the tests validate every chart.
    """
    from streamlit.elements import vega_charts

    datasets: dict = {}
    alt.data_transformers.register("to_arrow_dataset", vega_charts._to_arrow_dataset)
    with vega_charts._altair_globals_lock:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else nullcontext()
        with theme, alt.data_transformers.enable("to_arrow_dataset", datasets=datasets):
            spec = chart.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets} if isinstance(spec.get("datasets"), dict) else datasets
    return spec


# Transforms whose fields are not all named by "field"/"fields"/"groupby" or datum.<name>:
# a spec with one of these keeps every column of its data.
OPAQUE_TRANSFORMS = {"fold", "pivot", "lookup", "flatten", "impute", "density", "regression", "loess",
                     "quantile", "extent"}
DATUM_FIELD = re.compile(r"""datum\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["']([^"']+)["']\s*\])""")


def _fields_used(spec: object) -> set[str] | None:
    """Every data column the spec reads (None: it may read any, e.g. tooltip: true)."""
    used: set[str] = set()
    stack = [{k: v for k, v in spec.items() if k != "datasets"}] if isinstance(spec, dict) else [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if OPAQUE_TRANSFORMS & node.keys() or node.get("tooltip") is True:
                return None
            for key, value in node.items():
                if key == "field" and isinstance(value, str):
                    used.update({value, value.replace("\\", ""), value.split(".")[0]})
                elif key in ("fields", "groupby") and isinstance(value, list):
                    used.update(v for v in value if isinstance(v, str))
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and "datum" in node:
            used.update(a or b for a, b in DATUM_FIELD.findall(node))
    return used


def only_used_columns(spec: dict) -> dict:
    """The spec with each Arrow dataset cut to the columns the chart reads.

    The chart functions hand Altair whole shaped frames (an event's ids, raw dates and
    article ids beside what is drawn); every session that draws the chart is sent its data,
    so the columns no mark, tooltip, filter or selection reads are left out.
    """
    import pyarrow as pa

    used = _fields_used(spec)
    datasets = spec.get("datasets")
    if used is None or not isinstance(datasets, dict):
        return spec
    cut = {}
    for name, data in datasets.items():
        if not isinstance(data, bytes):
            cut[name] = data
            continue
        table = pa.ipc.open_stream(data).read_all()
        keep = [c for c in table.column_names if c in used]
        if len(keep) == len(table.column_names):
            cut[name] = data
            continue
        sink = pa.BufferOutputStream()
        table = table.select(keep)
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        cut[name] = sink.getvalue().to_pybytes()
    return {**spec, "datasets": cut}


_BUILDING = threading.RLock()


def chart_specs(d: Dashboard, name: str, make: Callable[[], alt.TopLevelMixin | tuple]) -> tuple[dict, ...]:
    """The Vega-Lite specs of the chart(s) make() returns, made once per Dashboard.

    app.py shares a Dashboard between all sessions with the same tables and filters, so the
    charts are built and converted once per filter state, not on every rerun of every session.
    Draw them with st.vega_lite_chart(spec=...), which is what st.altair_chart does after
    converting. `name` tells the page's charts apart; make() must depend on nothing but d.
    The charts are built without Altair's check of every part as it is made (the tests
    validate every chart; the check is a sixth of the time), and their data keeps only the
    columns they read (only_used_columns).
    """
    return d.cached(("vega-lite", name), lambda: _converted(make))


def _converted(make: Callable[[], alt.TopLevelMixin | tuple]) -> tuple[dict, ...]:
    with _BUILDING, debug_mode(False):   # debug_mode is Altair's global: one builder at a time
        made = make()
    return tuple(only_used_columns(vega_lite_spec(c)) for c in (made if isinstance(made, tuple) else (made,)))


# shape -> (the specs built for it, each data set of its rows as the columns it keeps; the
# names of those data sets): the newest few, shared by every session and Dashboard of the server.
_SHAPES: OrderedDict = OrderedDict()
SHAPES_KEPT = 32


class _Columns(tuple):
    """In a kept spec, in place of a data set of the rows: the columns the chart reads of it."""


def chart_specs_with_data(d: Dashboard, name: str, shape: Hashable, rows: Sequence[pd.DataFrame],
                          make: Callable[[], alt.TopLevelMixin | tuple],
                          fit: Callable[[tuple[dict, ...]], tuple[dict, ...]] = lambda specs: specs) -> tuple[dict, ...]:
    """chart_specs of make(), for charts whose spec is the same for every filter state of the
    same `shape` but for their data, which are exactly the frames `rows`, and for what
    fit(specs) puts in (the Timeline's lanes, timeline_chart.with_lanes).

    The charts are built and converted once per shape (Altair's part, most of the time); for
    another state of that shape only the rows are converted (to Arrow, cut to the columns the
    chart reads) and put in place of the first state's, then fit() is applied. The specs are
    the ones chart_specs gives for make(): the same data sets, under the same names. What is
    kept per shape is the spec without its rows.
    """
    return d.cached(("vega-lite", name), lambda: _with_rows(shape, rows, make, fit))


def _with_rows(shape: Hashable, rows: Sequence[pd.DataFrame], make: Callable[[], alt.TopLevelMixin | tuple],
               fit: Callable[[tuple[dict, ...]], tuple[dict, ...]]) -> tuple[dict, ...]:
    import pyarrow as pa
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes
    from streamlit.util import calc_hash

    data = [convert_anything_to_arrow_bytes(r) for r in rows]   # as Streamlit's _to_arrow_dataset names them
    names = [calc_hash(b) for b in data]
    with _BUILDING:
        built = _SHAPES.get(shape)
        if built is not None:
            _SHAPES.move_to_end(shape)
    if built is None or len(set(names)) < len(names) or len(built[1]) != len(names):
        specs = _converted(make)
        if len(set(names)) == len(names):
            kept = tuple({**spec, "datasets": {
                k: _Columns(pa.ipc.open_stream(v).schema.names) if k in names and isinstance(v, bytes) else v
                for k, v in spec.get("datasets", {}).items()}} for spec in specs)
            with _BUILDING:
                _SHAPES[shape] = (kept, names)
                while len(_SHAPES) > SHAPES_KEPT:
                    _SHAPES.popitem(last=False)
        return specs
    kept, old_names = built
    rename = dict(zip(old_names, names))
    new_data = dict(zip(names, data))
    out = []
    for spec in kept:
        datasets = {}
        for key, value in spec["datasets"].items():
            if isinstance(value, _Columns):
                datasets[rename[key]] = _cut(new_data[rename[key]], value)
            else:
                datasets[key] = value
        out.append({**_renamed({k: v for k, v in spec.items() if k != "datasets"}, rename), "datasets": datasets})
    return fit(tuple(out))


def _renamed(node: object, rename: dict[str, str]) -> object:
    """A copy of a spec with every data reference ({"data": {"name": old}}) renamed."""
    if isinstance(node, dict):
        out = {k: _renamed(v, rename) for k, v in node.items()}
        ref = out.get("data")
        if isinstance(ref, dict) and ref.get("name") in rename:
            out["data"] = {**ref, "name": rename[ref["name"]]}
        return out
    if isinstance(node, list):
        return [_renamed(v, rename) for v in node]
    return node


def _cut(data: bytes, columns: Sequence[str]) -> bytes:
    """The Arrow stream `data` cut to `columns`, as only_used_columns cuts it."""
    import pyarrow as pa

    keep = set(columns)
    table = pa.ipc.open_stream(data).read_all()
    cols = [c for c in table.column_names if c in keep]
    if len(cols) == len(table.column_names):
        return data
    sink = pa.BufferOutputStream()
    table = table.select(cols)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def chart_downloads(chart: alt.TopLevelMixin | Callable[[], alt.TopLevelMixin], kind: str, d: Dashboard) -> None:
    """PNG, SVG and standalone HTML of exactly this (filtered) chart, rendered on click.

    `chart` may be a function that makes the chart: then it is made only when a file is asked for.
    """
    f = d.filters
    make_chart = chart if callable(chart) else (lambda: chart)

    def name(ext: str) -> str:
        return export.file_name(kind, ext, players=f.players, date_from=f.date_from, date_to=f.date_to)

    caption = d.describe()   # a file says which club, dates, "as of" and filters it shows
    makers: dict[str, Callable[[], bytes | str]] = {
        "png": lambda: export.to_png(make_chart(), caption=caption),
        "svg": lambda: export.to_svg(make_chart(), caption=caption),
        "html": lambda: export.to_html(make_chart(), title=name("html"), caption=caption),
    }
    with st.container(horizontal=True, gap="small"):
        for ext, make in makers.items():
            st.download_button(
                ext.upper(), data=make, file_name=name(ext), mime=export.MIME[ext],
                key=f"download_{kind}_{ext}", on_click="ignore", icon=":material/download:",
                help=f"Download this chart as {ext.upper()} ({name(ext)})",
            )


def csv_download(df: pd.DataFrame, kind: str, d: Dashboard, label: str = "CSV") -> None:
    """The table as shown (filters applied) as CSV, written when it is asked for."""
    f = d.filters
    st.download_button(
        label, data=lambda: export.to_csv(df), mime="text/csv", key=f"download_{kind}_csv",
        file_name=export.file_name(kind, "csv", players=f.players, date_from=f.date_from, date_to=f.date_to),
        on_click="ignore", icon=":material/download:", help="Download this table as CSV, with the filters applied",
    )


# Headings a fan reads where a field's own name would not do by capitalising it.
HEADINGS = {"as_of": "As of", "article_id": "Source", "source_ids": "Sources", "match_id": "Match",
            "event_id": "Event", "fixture_id": "Fixture", "goals_for": "GF", "goals_against": "GA",
            "goal_difference": "GD", "url": "Link", "id": "Id"}


def heading(name: object) -> str:
    """A column's heading in words: 'home_goals' -> 'Home goals', 'as_of' -> 'As of', 'from char'
    -> 'From char'; short codes ('GD', '#') as they are."""
    text = str(name)
    if text in HEADINGS:
        return HEADINGS[text]
    text = text.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def show_table(data, column_config: dict | None = None, **kwargs):
    """st.dataframe with every column headed in words (heading): the labels given in
    column_config are capitalised, the columns without one get the field's name in words,
    so no raw field name (home_goals, as_of) reaches a fan."""
    frame = getattr(data, "data", data)   # a Styler's frame
    config: dict = {}
    for column in getattr(frame, "columns", []):
        config[column] = heading(column)
    for column, value in (column_config or {}).items():
        if isinstance(value, str):
            value = heading(value) if value == column or value[:1].islower() else value
        elif isinstance(value, dict) and isinstance(value.get("label"), str):
            value = {**value, "label": heading(value["label"])}
        config[column] = value
    return st.dataframe(data, column_config=config, **kwargs)


def certainty_column() -> st.column_config.Column:
    """The certainty of a claim as a badge: green confirmed, orange reported (one look on every page)."""
    return st.column_config.MultiselectColumn(
        "Certainty", options=["confirmed", "reported"], color=["green", "orange"])


def source_labels(ids: object, d: Dashboard) -> str:
    """Article ids ("a;b" when several articles say it) as the readable labels of those articles."""
    return " | ".join(d.labels.get(a, a) for a in split(ids))


def article_link(article_id: str, d: Dashboard) -> str:
    """The article's label as Markdown, a link to the original when its url is http(s).

    Streamlit opens Markdown links in a new tab with rel="noopener noreferrer".
    """
    from fanboard.views import md_escape

    label = md_escape(d.labels.get(article_id, article_id))
    url = (d.urls or {}).get(article_id)
    return f"[{label}]({url})" if url else label


def as_of_caption(d: Dashboard) -> str:
    """'as of 18 Dec 2020 (the latest publication date of the sources in view)'."""
    from fanboard.views import format_day

    why = "picked in the sidebar" if d.filters.as_of else "the latest publication date of the sources in view"
    return f"as of {format_day(d.as_of)} ({why})"


def provenance_table(d: Dashboard, table: str, keys: list[str], fallback: str = "") -> None:
    """Where rows come from: one line per article sentence, the article by its label (a link
    to the original when known)."""
    import pandas as pd

    from fanboard import views

    prov = pd.concat([views.provenance(d.tables, table, k) for k in keys], ignore_index=True) if keys else pd.DataFrame()
    if prov.empty:
        st.caption("No sentence-level provenance was recorded for this. Its sources: " + fallback)
        return
    prov = prov.drop_duplicates(["article_id", "quote"])
    show_table(
        prov.assign(article=prov["article_id"].map(lambda a: d.labels.get(a, a)),
                    link=prov["article_id"].map(lambda a: (d.urls or {}).get(a))),
        hide_index=True,
        column_order=["article", "link", "sentence_start", "sentence_end", "quote", "article_id"],
        column_config={
            "article": st.column_config.TextColumn("article", width="medium"),
            "link": st.column_config.LinkColumn("original", display_text="open ↗"),
            "sentence_start": st.column_config.NumberColumn("from char"),
            "sentence_end": st.column_config.NumberColumn("to char"),
            "quote": st.column_config.TextColumn("sentence", width="large"),
            "article_id": st.column_config.TextColumn("id", width="small"),
        },
    )


def url_choice(label: str, options: list[str], names: dict[str, str], param: str, *,
               placeholder: str = "", default_first: bool = False) -> str | None:
    """A picker whose choice is the URL parameter `param` (an id: ?match=<id>), so the view can
    be shared. Streamlit's own binding would store the shown label, not the id."""
    wanted = st.query_params.get(param)
    index = options.index(wanted) if wanted in options else (0 if default_first and options else None)

    def remember() -> None:
        value = st.session_state.get(f"pick_{param}")
        if value:
            st.query_params[param] = value
        else:
            st.query_params.pop(param, None)

    chosen = st.selectbox(label, options, index=index, format_func=lambda o: names.get(o, o),
                          key=f"pick_{param}", on_change=remember, placeholder=placeholder)
    if chosen and st.query_params.get(param) != chosen:
        st.query_params[param] = chosen
    return chosen
