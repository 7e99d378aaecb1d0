"""Sources: each article with its metadata and highlighted text, and the contradictions.

Everything that comes from an article is escaped before it reaches the page
(views.highlighted_html escapes the text, views.md_escape the headlines).
"""
import streamlit as st

from fanboard import views
from pages._shared import csv_download, dashboard

d = dashboard()
st.title("Sources")

articles = d.filtered["articles"]
if articles.empty:
    st.info("No articles match the source and language filters. Clear them in the sidebar to see all articles.")
    st.stop()

terms = views.entity_terms(d.tables)
st.caption(
    "Highlighted sentences are the ones claims were taken from; underlined names are people "
    "(orange), clubs (blue) and competitions (purple). Hover for details."
)
for art in articles.to_dict("records"):
    st.subheader(views.md_escape(art["headline"] or art["file"] or art["article_id"]), anchor=False)
    published = art["published"] or (
        f"not stated; between {art['published_from']} and {art['published_to']} (inferred)"
        if art["published_from"] or art["published_to"] else "unknown"
    )
    a, b, c = st.columns([1, 3, 3])
    a.markdown(f"**Language**  \n{views.md_escape(art['language'].upper() or '?')}")
    b.markdown(f"**Published**  \n{views.md_escape(published)}")
    c.markdown(f"**Source**  \n{views.md_escape(art['source'] or art['url'] or art['file'])}")
    if art["published_evidence"]:
        st.caption("Date evidence: " + views.md_escape(art["published_evidence"]))
    for warning in views.split(art["warnings"]):
        st.caption(":material/warning: " + views.md_escape(warning))
    text = views.read_article_text(art["file"], d.article_roots)
    with st.expander("Text with entities and claims", expanded=True):
        if text is None:
            st.warning(f"The article file {art['file']!r} was not found.")
        else:
            claims = views.claim_spans(d.filtered["provenance"][d.filtered["provenance"]["article_id"] == art["article_id"]], text)
            if d.filters.players:
                st.caption(f"{len(claims)} sentence(s) highlighted for claims about {d.who()}.")
            st.html(views.highlighted_html(text, claims, views.entity_spans(text, terms)))

st.header("Contradictions")
contra = views.contradictions_view(d.filtered["contradictions"], d.labels)
if contra.empty:
    st.info("The selected sources do not contradict each other.")
else:
    for (subject, field), group in contra.groupby(["subject", "field"], sort=False):
        first = group.iloc[0]
        with st.container(border=True):
            st.markdown(f"**{views.md_escape(views.subject_label(d.tables, subject, d.club))}** · "
                        f"{views.md_escape(field)} · resolved as: **{views.md_escape(first['resolution'])}**")
            if first["rule"]:
                st.caption("Rule: " + views.md_escape(first["rule"]))
            st.caption(views.md_escape(first["explanation"]))
            st.dataframe(group[["source", "says"]], hide_index=True,
                         column_config={"source": st.column_config.TextColumn("source", width="large"),
                                        "says": st.column_config.TextColumn("says", width="large")})
    csv_download(contra, "contradictions", d)
