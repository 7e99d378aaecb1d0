"""fanboard: one trustworthy view of a club saga told across many news articles.

Run with `streamlit run app.py`. This entry point finds (or builds) the tables, draws the
club picker and the sidebar filters once (bound to the URL, so a copied link opens the same view) and hands a
`Dashboard` to the page that st.navigation runs.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import streamlit as st

from fanboard import views
from fanboard.building import BuildBusy, ensure_built
from fanboard.ingest import SidecarError
from fanboard.store import Locations
from fanboard.text import fold
from fanboard.tables import DamagedTable, missing_tables, read_tables, signature
from pages._shared import navigation_pages

ROOT = Path(__file__).resolve().parent
LOG = logging.getLogger("fanboard.app")

st.set_page_config(page_title="fanboard", layout="wide")


@st.cache_resource(show_spinner=False)
def malloc_for_many_sessions(arenas: int = 2, mmap_from: int = 256 * 1024) -> bool:
    """Tune glibc's malloc for a server of many sessions (once per server process).

    Every session runs its script in a thread of its own, and glibc gives each new thread a
    heap of its own (up to 8 per core), in which the transient copies of a page's chart and
    table data (a few MB each, freed once sent) stay spread and fragmented: the server's
    resident memory grew with the number of sessions, not with the data. So the threads
    made after this call share `arenas` heaps, and blocks of `mmap_from` bytes or more are
    mapped on their own and given back to the system when freed (a fixed threshold: glibc's
    own rises after the first big free). Measured with 5 sessions on 2,000 articles: peak
    476 MB as glibc comes, 412 MB with 2 heaps, 361 MB with the threshold too. No-op off glibc.

    Arrow (the tables' string columns, every st.dataframe and chart data set) allocates from
    its own pool, mimalloc, which keeps freed pages per thread: it is set to the system
    allocator (the tuned malloc above). Measured with 6 AppTest sessions on 2,000 articles
    (bench/latency.py): peak 453 MB with mimalloc, 393-399 MB with the system pool, same CPU.
    """
    import ctypes

    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())

    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(-8, arenas)) and bool(libc.mallopt(-3, mmap_from))  # M_ARENA_MAX, M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        return False


malloc_for_many_sessions()


def build_tables(loc: Locations, chosen: bool, *, force: bool = False) -> str | None:
    """Build the tables when they are missing, damaged or stale (always with force).

    Returns None, or a plain message for people when the build failed; the tables that were
    there stay. Details go to the server log, never to the page. `chosen`: a folder named
    with FANBOARD_TABLES that was not built from the app's article folders (hand-made, or
    built with `--articles`) is taken as it is.
    spaCy is loaded only when a build runs, so a normal page view never loads it.
    """
    bar = None

    def progress(done: int, total: int, message: str) -> None:
        nonlocal bar
        if bar is None:
            bar = st.progress(0.0, text="Reading the articles and building the tables…")
        bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{message} ({done}/{total})")

    try:
        outcome = ensure_built(loc.article_dirs, loc.tables, loc.cache, force=force,
                               keep_foreign=chosen, progress=progress)
    except SidecarError as exc:
        return (f"The tables could not be rebuilt, because an article metadata file is broken: "
                f"{views.md_escape(exc.public)}. Fix that file and reload the page.")
    except BuildBusy:
        return "The tables are being rebuilt by another process; reload the page in a minute."
    except Exception:   # StoreError, ImportError (no spaCy), a bug: a plain message, details in the log
        LOG.exception("building the tables failed")
        return ("The tables could not be rebuilt because of an unexpected error; the details are in "
                "the server's log. Rebuild them with `python -m fanboard build` to see them.")
    finally:
        if bar is not None:
            bar.empty()
    if outcome.result is not None:
        st.toast(views.md_escape(outcome.result.summary))
    return None


# Caches shared by every session of this server (st.cache_resource: one object, not a copy per
# run), keyed by the tables' signature (generation and files), so a rebuild starts them afresh.
# Nothing takes these objects apart or changes them: pages only read the tables and frames.
@st.cache_resource(show_spinner=False, max_entries=2)
def load_tables(tables_dir: str, signature: tuple) -> dict:
    """All tables, cached until they change (the signature names the generation and files)."""
    return read_tables(Path(tables_dir))


@st.cache_resource(show_spinner=False, max_entries=2)
def sidebar_options(tables_dir: str, signature: tuple, env_club: str | None = None) -> dict:
    """What the sidebar offers: it depends on the tables (and FANBOARD_CLUB) only, so it is
    worked out once."""
    tables = load_tables(tables_dir, signature)
    return {
        "labels": (labels := views.article_labels(tables["articles"])), "bounds": views.date_bounds(tables),
        "newest": views.newest_first(tables["articles"]),                  # the Sources list's order
        "folded": {a: fold(label) for a, label in labels.items()},          # what "Find sources" searches
        "by_label": {label: a for a, label in labels.items()},              # a label in the address -> its id
        "default_range": views.saga_window(tables), "people": views.people_label(tables),
        "competitions": views.competitions(tables), "languages": views.languages(tables),
        "saga_club": (saga := views.default_club(tables, env_club)),
        "clubs": views.club_options(tables, saga),
    }


@st.cache_resource(show_spinner=False, max_entries=16)
def people_of(tables_dir: str, signature: tuple, club: str | None, saga_club: str | None) -> dict[str, str]:
    """The People filter's choices seen from `club`: the players with a status and the people
    in the club's own events (views.events_about), not the actors of other clubs' stories."""
    tables = load_tables(tables_dir, signature)
    return views.people_label({**tables, "events": views.events_about(tables["events"], tables["articles"],
                                                                      club, saga_club)})


# One Dashboard per filter state (the frozen Filters: every field is part of the key), shared
# by all sessions. A player filter takes over the lookups and the club's own views of the same
# state without players, so a change of players does not work those out again.
@st.cache_resource(show_spinner=False, max_entries=24)
def shared_dashboard(tables_dir: str, signature: tuple, filters: views.Filters, club: str | None,
                     saga_club: str | None, roots: tuple[str, ...]) -> views.Dashboard:
    tables = load_tables(tables_dir, signature)
    like = (shared_dashboard(tables_dir, signature, filters.without_players(), club, saga_club, roots)
            if filters.players else None)
    return views.Dashboard.create(tables, filters, article_roots=[Path(r) for r in roots], club=club,
                                  saga_club=saga_club, like=like)


@st.cache_resource(show_spinner=False)
def last_signatures() -> dict:
    """tables folder -> the signature its caches were last filled for (one dict per server)."""
    return {}


def read_or_explain(loc: Locations) -> tuple[dict | None, str | None]:
    """The tables, or None and a plain description of what is wrong with them."""
    try:
        st.session_state["tables_signature"] = sig = signature(loc.tables)
        if last_signatures().get(str(loc.tables), sig) != sig:
            shared_dashboard.clear()   # a rebuild: the older versions' frames need not stay in memory
        last_signatures()[str(loc.tables)] = sig
        return load_tables(str(loc.tables), sig), None
    except DamagedTable as exc:
        LOG.warning("damaged table: %s", exc)
        return None, exc.public
    except Exception:
        LOG.exception("reading the tables failed")
        return None, "the tables cannot be read"


def tables_or_stop(loc: Locations, chosen: bool) -> dict:
    """Build if needed, read, rebuild once if a table is damaged; explain and stop if all fails."""
    problem = build_tables(loc, chosen)
    tables, damage = read_or_explain(loc)
    if damage and problem is None:
        problem = build_tables(loc, chosen, force=True)
        if problem is None:
            tables, damage = read_or_explain(loc)
    if tables is not None and not (problem and missing_tables(loc.tables)):
        if problem:
            st.error(problem + " Until then the tables of the last good build are shown.")
        return tables
    what = f"The tables cannot be shown: {damage}." if damage else "There are no tables to show yet."
    st.error(f"{what} {problem or ''}".strip())
    st.stop()


def open_again(page: st.Page, home: st.Page) -> None:
    """Open the page again at its proper address, before any widget is drawn: /overview is the
    Overview at /, and ?lang=nl is ?lang=NL (language codes are shown, and kept in the URL, in
    capitals). It has to be done here: a bound widget reads only the address the page was
    opened with, and once drawn its parameter cannot be set."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    fixed = {k: [v.upper() for v in vs] if k == "lang" else vs for k, vs in params.items()}
    target = home if page.url_path == "overview" else page
    if target is not page or fixed != params:
        st.switch_page(target, query_params=fixed)


def sidebar_club(tables: dict) -> str | None:
    """The club every page is seen from (?club=), FANBOARD_CLUB or the saga's club by default."""
    cached = sidebar_options(str(tables_dir), st.session_state["tables_signature"], os.environ.get("FANBOARD_CLUB"))
    default, options = cached["saga_club"], cached["clubs"]
    if not options:
        return default
    with st.sidebar:
        club = st.selectbox(
            "Club", options, index=0, key="club", bind="query-params",
            help="The club the pages are about: its results, league position, cup group and players.",
        )
    return club or default


# The Sources list offers at most this many articles at a time (the newest, or those "Find
# sources" finds), and the ones picked: every option is sent to the browser on every rerun of
# every page, which for 2,000 articles was 235 KB a page and most of a session's widget state.
SOURCE_OPTIONS = 30


def sources_filter(options: dict) -> list[str]:
    """The Sources multiselect (?source=, the articles' labels), listing the articles picked
    and, beside them, the newest SOURCE_OPTIONS or, once words are typed in "Find sources",
    those whose label holds them all. With no more articles than that it lists every one."""
    labels, newest = options["labels"], options["newest"]
    offered, found = newest, len(newest)
    query = ""
    if len(labels) > SOURCE_OPTIONS:
        query = st.text_input(
            "Find sources", key="source_find", placeholder="Outlet, date or headline words",
            help="Lists the articles whose label (outlet, language, date, headline, id) holds all of "
                 "these words, for the Sources filter below.",
        ).strip()
        offered, found = views.find_articles(options["folded"], query, newest, SOURCE_OPTIONS)
    if "source" in st.session_state:   # the articles picked stay listed, whatever is searched
        picked = [a for a in st.session_state["source"] or [] if a in labels]
    else:   # the first run: the address names them by their labels
        picked = [options["by_label"][x] for x in st.query_params.get_all("source") if x in options["by_label"]]
    listed = picked + [a for a in offered if a not in set(picked)]
    sources = st.multiselect(
        "Sources", listed, format_func=lambda a: labels.get(a, a), key="source",
        bind="query-params", placeholder="All articles",
    )
    if len(labels) > SOURCE_OPTIONS:
        shown = len([a for a in offered if a not in set(picked)])
        if query:
            st.caption(f"{found:,} article{'s' * (found != 1)} of {len(labels):,} match “{views.md_escape(query)}”"
                       + (f"; the list has the newest {shown}." if found > shown else "."))
        else:
            st.caption(f"The list has the newest {shown} of {len(labels):,} articles: find others above.")
    return sources


def sidebar_filters(tables: dict, club: str | None, saga_club: str | None) -> views.Filters:
    """The filters, drawn once here so they persist across pages, each bound to a URL parameter."""
    options = sidebar_options(str(tables_dir), st.session_state["tables_signature"], os.environ.get("FANBOARD_CLUB"))
    labels, bounds, default_range, everyone = (options[k] for k in ("labels", "bounds", "default_range", "people"))
    people = people_of(str(tables_dir), st.session_state["tables_signature"], club, saga_club)
    # a person picked before the club changed stays a choice (and picked) rather than vanish
    # the address holds the shown label ("… (coach)"), read before the widget on a first run
    by_label = {label: name for name, label in everyone.items()}
    picked = st.session_state.get("player") or [by_label.get(p, p) for p in st.query_params.get_all("player")]
    people = {**people, **{n: everyone[n] for n in picked if n in everyone}}
    people = {n: people[n] for n in sorted(people)}
    with st.sidebar:
        st.header("Filters")
        search = st.text_input(
            "Search", key="q", bind="query-params", placeholder="Words in claims and sentences",
            help="Keeps the matches, events, statuses, claims and articles whose words contain all of these.",
        )
        players = st.multiselect(
            "People", list(people), format_func=lambda n: people.get(n, n), key="player",
            bind="query-params", placeholder="All people (players and staff)",
            select_all=False,   # a fan picks people; "all" is the empty filter already
        )
        competitions = st.multiselect(
            "Competitions", options["competitions"], key="competition", bind="query-params",
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
            "Languages", [code.upper() for code in options["languages"]], selection_mode="multi",
            key="lang", bind="query-params",
        )
        sources = sources_filter(options)
        st.caption("An empty filter means everything. The address bar keeps the filters: copy it to share this view.")
    return views.Filters(
        players=tuple(players), competitions=tuple(competitions), date_from=date_from,
        date_to=date_to, sources=tuple(sources), languages=tuple(code.lower() for code in langs or ()),
        search=(search or "").strip(), as_of=as_of,
    )


loc = Locations.from_env()
tables_dir = loc.tables
tables = tables_or_stop(loc, chosen=bool(os.environ.get("FANBOARD_TABLES")))
pages = navigation_pages()
page = st.navigation(pages)
open_again(page, home=pages[0])
club = sidebar_club(tables)
saga_club = sidebar_options(str(tables_dir), st.session_state["tables_signature"], os.environ.get("FANBOARD_CLUB"))["saga_club"]
filters = sidebar_filters(tables, club, saga_club)
st.session_state["dashboard"] = shared_dashboard(
    str(tables_dir), st.session_state["tables_signature"], filters, club, saga_club,
    tuple(str(r) for r in (ROOT, tables_dir, tables_dir.parent)),
)

page.run()
