"""Sources: the articles in view, one at a time with its highlighted text, and the contradictions.

Everything that comes from an article is escaped before it reaches the page
(views.highlighted_html escapes the text, views.md_escape the headlines). An article is
named by its label (outlet · date · headline · short id) and links to its original when its
url is http(s). The picked article has its own address (?article=<id>).
"""
import streamlit as st

from fanboard import views
from pages._shared import article_link, csv_download, dashboard, url_choice, show_table

d = dashboard()
f = d.filters
st.title("Sources")

articles = d.filtered["articles"]
texts = {a["article_id"]: views.read_article_text(a["file"], d.article_roots) for a in articles.to_dict("records")}
if f.search:
    articles = articles[[views.search_text(f"{a['headline']}\n{texts.get(a['article_id']) or ''}", f.search)
                         for a in articles.to_dict("records")]]
if articles.empty:
    st.info("No articles match the source, language and search filters. Clear them in the sidebar to see all articles.")
    st.stop()

st.caption(f"{len(articles)} article{'s' * (len(articles) != 1)}"
           + (f" containing “{views.md_escape(f.search)}”" if f.search else "") + ". Pick one to read it on its own (it gets its own address).")
ids = list(articles["article_id"])
chosen = url_choice("Article", ids, d.labels, "article", placeholder="All articles, text collapsed (or pick one)")
contra = views.contradictions_view(d.filtered["contradictions"], d.labels)


def show_article(chosen: str, expanded: bool) -> None:
    """One article: its metadata, where it is contradicted, and its text with claims marked."""
    art = articles[articles["article_id"] == chosen].iloc[0]

    with st.container(border=True):
        st.subheader(views.md_escape(art["headline"] or art["file"] or art["article_id"]), anchor=False)
        published = art["published"] or (
            f"not stated; {views.published_text(art)} (inferred)" if art["published_from"] or art["published_to"] else "unknown")
        source = (article_link(chosen, d) if (d.urls or {}).get(chosen)
                  else views.md_escape(views.named_outlet(art) or "not named"))
        st.markdown(f"**Language** {views.md_escape(views.language_name(art['language']))} · "
                    f"**Published** {views.md_escape(published)} · **Source** {source} · "
                    f"**id** {views.md_escape(chosen)}")
        if art["published_evidence"] and expanded:
            st.caption("Date evidence: " + views.md_escape(views.with_labels(art["published_evidence"], d.labels)))
        for warning in views.split(art["warnings"]) if expanded else []:
            st.caption(":material/warning: " + views.md_escape(warning))
        mine = views.article_statements(contra, chosen)
        if len(mine):
            st.markdown("**Where this article is contradicted or contradicts others**")
            for r in mine.to_dict("records"):
                st.markdown(f"- {views.md_escape(views.subject_label(d.tables, r['subject'], d.club))} · "
                            f"{views.md_escape(r['field'])}: says **{views.md_escape(r['says'])}**; "
                            f"resolved as {views.md_escape(r['resolution'])}")
        text = texts.get(chosen)
        with st.expander("Text with entities and claims", expanded=expanded):
            if text is None:
                st.warning(f"The article file {art['file']!r} was not found.")
            else:
                prov = d.filtered["provenance"]
                prov = prov[prov["article_id"] == chosen]
                if f.players:  # only the claims about these people: statuses and events, not the club's table
                    prov = prov[prov["table"].isin(["player_status", "events"])]
                    prov = prov[[any(p in key for p in f.players) or t == "events" for key, t in zip(prov["row_key"], prov["table"])]]
                claims = views.claim_spans(prov, text)
                if f.players:
                    st.caption(f"{len(claims)} sentence(s) highlighted for claims about {views.md_escape(d.who())}.")
                st.html(views.highlighted_html(text, claims, views.entity_spans(text, views.entity_terms(d.tables))))


EXPANDED_UP_TO = 5  # a few articles are shown whole; more are listed with their text collapsed
PER_PAGE = 10       # articles per page of the list: each card marks up its whole text (166 took a minute)
listed = [chosen] if chosen else ids
start = 0
if len(listed) > PER_PAGE:
    start = st.selectbox(
        "Page of the list", list(range(0, len(listed), PER_PAGE)), key="sources_page",
        format_func=lambda i: f"{i + 1}–{min(i + PER_PAGE, len(listed))} of {len(listed)}",
        help="The list shows ten articles at a time; pick one above to read it on its own.")
for art_id in listed[start:start + PER_PAGE]:
    show_article(art_id, expanded=bool(chosen) or len(ids) <= EXPANDED_UP_TO)

st.header("Contradictions")
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
            show_table(group[["says", "source"]], hide_index=True,
                         column_config={"source": st.column_config.TextColumn("who says it", width="large"),
                                        "says": st.column_config.TextColumn("says", width="medium")})
    csv_download(contra, "contradictions", d)
