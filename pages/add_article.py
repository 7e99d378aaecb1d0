"""Add articles: upload files or paste text, preview what will be extracted, then save.

The page only draws. fanboard.store checks, converts and stores the input, previews the
extraction and rebuilds the tables. Everything that comes from an article or a file name is
shown as plain text (text areas, tables) or escaped before it reaches Markdown.
"""
import threading

import streamlit as st

from fanboard import store, views
from pages._shared import dashboard, show_table

dashboard()   # app.py has run: sidebar, navigation, tables

loc = store.Locations.from_env()
articles = store.ArticleStore(loc.store, also_check=[loc.seeds])
LANGUAGES = ["", "en", "nl", "it", "de", "fr", "es", "pt"]


def pipelines():
    """The process's pipelines (fanboard.nlp caches them, and builds them again when a fan
    taught the local KB overlay a new name, so the next rebuild here knows it)."""
    from fanboard.nlp import default_pipelines
    with st.spinner("Loading the language pipelines…"):
        return default_pipelines()


@st.cache_resource
def nlp_lock() -> threading.Lock:
    """One extraction at a time: sessions share the spaCy pipelines."""
    return threading.Lock()


def metadata_fields(key: str) -> store.Metadata:
    a, b = st.columns(2)
    source = a.text_input("Source (optional)", key=f"{key}_source", placeholder="e.g. The Athletic")
    url = b.text_input("URL (optional)", key=f"{key}_url", placeholder="https://…")
    c, d = st.columns(2)
    published = c.text_input("Published (optional)", key=f"{key}_published", placeholder="YYYY-MM-DD")
    language = d.selectbox("Language", LANGUAGES, key=f"{key}_language",
                           format_func=lambda x: views.language_name(x) if x else "Detect automatically")
    return store.Metadata(source=source, url=url, published=published, language=language)


def show_preview(cand: store.Candidate, key: str) -> None:
    try:
        with nlp_lock():
            p = store.preview(cand, pipelines(), articles)   # an extraction failure comes back in p.error
    except store.StoreError as exc:
        st.error(views.md_escape(str(exc)))
        return
    with st.container(border=True):
        st.markdown(f"**{views.md_escape(p.headline or cand.name)}**")
        a, b, c = st.columns([1, 2, 3])
        a.markdown(f"**Language**  \n{views.md_escape(views.language_name(p.language))}")
        b.markdown(f"**From**  \n{views.md_escape(cand.name)}")
        if not p.duplicate_of:   # a duplicate is not stored: one message says so, and where it is
            c.markdown(f"**Will be stored as**  \n`{p.article_id}.txt`")
        for w in p.warnings:
            st.caption(":material/info: " + views.md_escape(w))
        if p.duplicate_of:
            st.info(f"This text is already stored (as {views.md_escape(p.duplicate_of)}); saving will skip it.")
        st.text_area("Text to be stored", cand.text, height=160, disabled=True, key=f"text_{key}_{p.article_id}")
        if p.error:
            st.error(views.md_escape(p.error))
            return
        left, right = st.columns([2, 5])
        left.caption(f"Names found: {len(p.entities)}")
        with left:
            show_table(p.entities, hide_index=True, width="stretch")
        right.caption(f"Claims found: {len(p.claims)}")
        if p.claims.empty:
            right.caption("No claims: nothing in this text matched the rules for matches, statuses or events.")
        else:
            with right:
                show_table(p.claims, hide_index=True, width="stretch",
                           column_config={"sentence": st.column_config.TextColumn("sentence", width="large")})


def save(cands: list[store.Candidate], refused: list[store.AddResult]) -> None:
    """Store, rebuild, and rerun so every page (and the sidebar) reads the new tables."""
    with st.spinner("Storing the article(s) and rebuilding the tables…"):
        try:
            results = articles.add(cands)
            if any(r.stored for r in results):
                with nlp_lock():
                    built = store.rebuild(loc.store, loc.tables, loc.cache, pipelines=pipelines())
                st.session_state["add_summary"] = f"Tables rebuilt: {built.summary}."
        except store.StoreError as exc:
            st.error(views.md_escape(str(exc)))
            return
    st.cache_data.clear()
    st.session_state["add_results"] = [(r.status, str(r)) for r in refused + results]
    st.session_state["add_round"] = st.session_state.get("add_round", 0) + 1   # empties the form
    st.rerun()


text_mb, html_mb = (-(-limit // (1024 * 1024)) for limit in (store.MAX_TEXT_BYTES, store.MAX_HTML_BYTES))  # MiB, rounded up
st.title("Add articles")
st.caption(
    f"Upload .txt, .md or .html files, or paste text. Each article may hold up to "
    f"{text_mb} MB of text (an HTML page up to {html_mb} MB). "
    "HTML is turned into plain text with trafilatura. You see what will be extracted before anything is saved; "
    "identical texts are stored once."
)

for status, message in st.session_state.pop("add_results", []):
    {"stored": st.success, "duplicate": st.info}.get(status, st.error)(views.md_escape(message))
if "add_summary" in st.session_state:
    st.caption(views.md_escape(st.session_state.pop("add_summary")))

rnd = st.session_state.get("add_round", 0)
# The tabs keep their state (key): a rerun the user did not ask for (the first build's, which
# shows its toast above) must not send someone who chose "Paste text" back to the first tab.
upload_tab, paste_tab = st.tabs(["Upload files", "Paste text"], key="add_tab", on_change="rerun")

with upload_tab:
    files = st.file_uploader(
        f"Article files: .txt or .md with up to {text_mb} MB of text, .html pages up to {html_mb} MB",
        type=["txt", "md", "html", "htm"], accept_multiple_files=True, key=f"upload_files_{rnd}",
        max_upload_size=html_mb,   # the largest file the store takes; a text file over text_mb is refused with its size
    )
    meta = metadata_fields(f"upload_{rnd}")
    good, bad = [], []
    for i, f in enumerate(files or []):
        try:
            cand = store.prepare_file(f.getvalue(), f.name, meta)
        except store.Refused as exc:
            bad.append(store.AddResult(store.safe_display_name(f.name), "refused", str(exc)))
            st.error(views.md_escape(str(exc)))
            continue
        good.append(cand)
        show_preview(cand, f"upload{i}")
    if st.button("Save", type="primary", key=f"upload_save_{rnd}", disabled=not good):
        save(good, bad)

with paste_tab:
    headline = st.text_input("Headline (optional)", key=f"paste_headline_{rnd}",
                             help="Becomes the first line of the article, unless the text starts with it already.")
    text = st.text_area("Article text", key=f"paste_text_{rnd}", height=220,
                        placeholder="Paste the article here (plain text, or a whole HTML page)")
    meta = metadata_fields(f"paste_{rnd}")
    cand = None
    if text:
        meta.headline = headline
        try:
            cand = store.prepare_text(text, meta)
        except store.Refused as exc:
            st.error(views.md_escape(str(exc)))
        else:
            show_preview(cand, "paste")
    if st.button("Save", type="primary", key=f"paste_save_{rnd}", disabled=cand is None):
        save([cand], [])
