"""fanboard: one trustworthy view of a club saga told across many news articles.

Run with `streamlit run app.py`. This entry point finds (or builds) the tables, draws the
sidebar filters once (bound to the URL, so a copied link opens the same view) and hands a
`Dashboard` to the page that st.navigation runs.
"""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from fanboard import views
from fanboard.tables import read_tables
from pages._shared import navigation_pages

ROOT = Path(__file__).resolve().parent
DEFAULT_TABLES = ROOT / "data" / "tables"
# The same folders as fanboard.pipeline.ARTICLE_DIRS. They are listed here so that checking
# whether the tables are stale does not import the pipeline (and spaCy) on every rerun.
ARTICLE_DIRS = [ROOT / "seeds", ROOT / "data" / "articles"]

st.set_page_config(page_title="fanboard", layout="wide")


def tables_location() -> tuple[Path, bool]:
    """The tables folder, and whether it was chosen explicitly with FANBOARD_TABLES."""
    chosen = os.environ.get("FANBOARD_TABLES")
    return (Path(chosen).resolve(), True) if chosen else (DEFAULT_TABLES, False)


def ensure_tables(tables_dir: Path, explicit: bool) -> None:
    """Build the tables when they are missing, or (default folder only) older than the articles.

    A folder named with FANBOARD_TABLES is taken as it is unless it has no tables at all.
    The pipeline is imported only here, so a normal page view never loads spaCy.
    """
    if not views.tables_need_build(tables_dir, ARTICLE_DIRS, check_age=not explicit):
        return
    try:
        from fanboard import pipeline
    except ImportError as exc:
        st.error(
            f"There are no up-to-date tables in `{tables_dir}`, and the pipeline that builds them "
            f"could not be loaded ({exc}). Build them with `python -m fanboard build`, or point "
            "FANBOARD_TABLES at a folder of tables."
        )
        st.stop()
    from filelock import FileLock

    tables_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(tables_dir / ".build.lock")):
        # Another session may have built them while we waited for the lock.
        if not views.tables_need_build(tables_dir, ARTICLE_DIRS, check_age=not explicit):
            return
        bar = st.progress(0.0, text="Reading the articles and building the tables…")

        def progress(done: int, total: int, message: str) -> None:
            bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{message} ({done}/{total})")

        try:
            result = pipeline.build(list(getattr(pipeline, "ARTICLE_DIRS", ARTICLE_DIRS)), tables_dir, progress=progress)
        except Exception as exc:  # the library raises clear errors; show them to the person
            bar.empty()
            st.error(f"Building the tables failed: {exc}")
            st.stop()
        bar.empty()
        st.toast(result.summary)


@st.cache_data(show_spinner=False)
def load_tables(tables_dir: str, signature: tuple) -> dict:
    """All tables, cached until a table file changes (the signature holds their mtimes)."""
    return read_tables(Path(tables_dir))


def sidebar_filters(tables: dict) -> views.Filters:
    """The filters, drawn once here so they persist across pages, each bound to a URL parameter."""
    labels = views.article_labels(tables["articles"])
    bounds = views.date_bounds(tables)
    default_range = views.saga_window(tables)
    people = views.people_label(tables)
    # Language codes are shown (and kept in the URL) in capitals; accept ?lang=nl as well.
    if "lang" in st.query_params:
        st.query_params["lang"] = [v.upper() for v in st.query_params.get_all("lang")]
    with st.sidebar:
        st.header("Filters")
        search = st.text_input(
            "Search", key="q", bind="query-params", placeholder="Words in claims and sentences",
            help="Keeps the matches, events, statuses, claims and articles whose words contain all of these.",
        )
        players = st.multiselect(
            "People", list(people), format_func=lambda n: people.get(n, n), key="player",
            bind="query-params", placeholder="All people (players and staff)",
        )
        competitions = st.multiselect(
            "Competitions", views.competitions(tables), key="competition", bind="query-params",
            placeholder="All competitions",
        )
        date_from = date_to = as_of = None
        if bounds:
            picked = st.date_input(
                "Dates", value=default_range, min_value=bounds[0], max_value=bounds[1],
                key="dates", bind="query-params", format="YYYY-MM-DD",
            )
            picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
            date_from = picked[0] if picked else bounds[0]
            date_to = picked[1] if len(picked) > 1 else bounds[1]
            as_of = st.date_input(
                "As of", value=None, min_value=bounds[0], max_value=bounds[1], key="as_of",
                bind="query-params", format="YYYY-MM-DD",
                help="The day the tables and the situation are shown for. Empty: the latest "
                     "well-bounded publication date of the sources in view.",
            )
        langs = st.pills(
            "Languages", [code.upper() for code in views.languages(tables)], selection_mode="multi",
            key="lang", bind="query-params",
        )
        sources = st.multiselect(
            "Sources", list(labels), format_func=lambda a: labels.get(a, a), key="source",
            bind="query-params", placeholder="All articles",
        )
        st.caption("An empty filter means everything. The address bar keeps the filters: copy it to share this view.")
    return views.Filters(
        players=tuple(players), competitions=tuple(competitions), date_from=date_from,
        date_to=date_to, sources=tuple(sources), languages=tuple(code.lower() for code in langs or ()),
        search=(search or "").strip(), as_of=as_of,
    )


tables_dir, explicit = tables_location()
ensure_tables(tables_dir, explicit)
tables = load_tables(str(tables_dir), views.tables_signature(tables_dir))
filters = sidebar_filters(tables)
st.session_state["dashboard"] = views.Dashboard.create(
    tables, filters, article_roots=[ROOT, tables_dir, tables_dir.parent],
    club=os.environ.get("FANBOARD_CLUB"),
)

page = st.navigation(navigation_pages())
page.run()
