"""HTML page → article text, with trafilatura.

Why trafilatura: it is maintained, pure Python on top of lxml, works offline, and is built
for exactly this job (news pages: drop navigation, footers, ads and comments, keep the
article body and its headline, date and site name). Its output is plain text, so no tag,
script, event-handler attribute or `javascript:` link survives into the stored article.

When trafilatura finds no article body (a very short page, a bare fragment), we fall back
to a plain strip of the tags with the standard library's HTML parser (the contents of
<script>, <style>, <template> and the like are dropped), and say so in a note.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose contents are never article text.
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas"}
# Elements that end a line of text.
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt",
}
_LOOKS_HTML = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


@dataclass
class HtmlText:
    text: str
    title: str = ""
    date: str = ""          # ISO date found in the page, "" when none
    url: str = ""
    sitename: str = ""
    notes: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """True when a pasted text is an HTML document rather than article text."""
    return bool(_LOOKS_HTML.match(text))


class _TagStripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):  # noqa: D401 - HTMLParser API
        if tag in _SKIP:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(data)


def strip_tags(markup: str) -> tuple[str, str]:
    """(text, title) of markup with every tag removed and script-like contents dropped."""
    parser = _TagStripper()
    parser.feed(markup)
    parser.close()
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, " ".join("".join(parser.title).split())


def html_to_text(markup: str) -> HtmlText:
    """The article text of an HTML page: headline on the first line, then the body."""
    import trafilatura

    notes: list[str] = []
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True,
            include_links=False, include_images=False, include_formatting=False,
        )
    except Exception as exc:  # trafilatura/lxml can choke on pathological markup
        notes.append(f"trafilatura could not read the page ({type(exc).__name__})")
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = " ".join((getattr(doc, "title", None) or "").split()) if doc is not None else ""
    if body:
        notes.append("converted from HTML with trafilatura (navigation, scripts and tags removed)")
        text = body
    else:
        text, stripped_title = strip_tags(markup)
        title = title or stripped_title
        if title and text.startswith(title):
            text = text[len(title):].lstrip()
        notes.append(
            "trafilatura found no article body in this HTML, so the tags were simply stripped "
            "(scripts and styles dropped); check the text before saving"
        )
    text = text.lstrip()
    if title and text.startswith(title):
        # the headline gets a line of its own (trafilatura's fallback extractors run it into the body)
        text = f"{title}\n\n{text[len(title):].lstrip()}".rstrip() if text[len(title):len(title) + 1] != "\n" else text
    elif title:
        text = f"{title}\n\n{text}" if text else title
    return HtmlText(
        text=text,
        title=title,
        date=str(getattr(doc, "date", None) or "") if doc is not None else "",
        url=str(getattr(doc, "url", None) or "") if doc is not None else "",
        sitename=str(getattr(doc, "sitename", None) or "") if doc is not None else "",
        notes=notes,
    )
