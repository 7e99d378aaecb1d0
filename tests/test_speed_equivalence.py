"""The faster forms of round 9 (issue 12) give what the plain forms gave: lineup headers looked
for only where one can end at a colon, sentence starts set all at once, per-pattern windows.
Sentences are invented; no timing is asserted."""
from __future__ import annotations

import re

import spacy

from fanboard.extract import lineup_text
from fanboard.nlp import default_pipelines, paragraph_breaks
from fanboard.windowmatcher import WindowMatcher


def _headers_plain(text, club_of, markers):
    """The header search before round 9: from up to HEADER_SPAN before each colon, one search
    through the rest of the text each time."""
    heading = lineup_text._alternation(markers.heading)
    pattern = re.compile(
        rf"(?:(?P<heading>{heading})\s+)?(?P<team>[A-ZÀ-Þ][\w.'’&\- ]{{1,{lineup_text.MAX_TEAM_CHARS}}}?)\s*"
        rf"(?:{lineup_text._FORMATION})?\s*:\s*", flags=re.I)
    found, pos = [], 0
    while True:
        colon = text.find(":", pos)
        if colon < 0:
            break
        m = pattern.search(text, max(pos, colon - lineup_text.HEADER_SPAN))
        if not m:
            break
        header = lineup_text.header_of_match(m, club_of)
        if header:
            found.append(header)
        pos = m.end() if header else m.start() + 1
    return found


def test_lineup_headers_are_those_of_the_plain_search():
    clubs = {"Westbury", "Eastmoor Rovers", "LAKESIDE"}
    texts = [
        "Westbury (3-5-2): Hale; Brook, Stone. Eastmoor Rovers: Moss; Reed, Vale.",
        "The coach said: nothing. Then the line-up\n\nLAKESIDE ( 4 - 4 - 2 ) :  Crane; Finch",
        "Teams  Westbury: Hale. A long aside without any colon " * 12 + "Eastmoor Rovers:\nMoss",
        "Fans of Westbury sang: loud. Trainer Oakes of Eastmoor Rovers told us: calm. no: no:",
        ":::Westbury:Eastmoor Rovers:(3-4-3):",
    ]
    for lang in ("en", "nl", "it"):
        markers = lineup_text.load_markers(lang)
        for text in texts:
            expected = _headers_plain(text, lambda t: t if t in clubs else None, markers)
            assert lineup_text._headers(text, lambda t: t if t in clubs else None, markers) == expected, text
    assert [h[0].text for h in lineup_text._headers(texts[0], lambda t: t if t in clubs else None,
                                                     lineup_text.load_markers("en"))] == ["Westbury", "Eastmoor Rovers"]


def test_line_breaks_and_bracketed_minutes_set_the_sentence_starts_all_at_once():
    nlp = default_pipelines()["nl"]
    text = "Koppen zonder punt\nVan Dam (71.) scoorde laat\n\nDe tweede alinea (9.) begint hier.\n"
    doc = paragraph_breaks(nlp.get_pipe("fanboard_scores")(nlp.make_doc(text)))
    values = {t.text: t.is_sent_start for t in doc}
    assert values["Van"] is True and values["De"] is True
    assert values["scoorde"] is False and values["begint"] is False   # after a minute in brackets
    assert values["Koppen"] is True and values["zonder"] is None      # untouched: the sentencizer decides
    sents = [s.text.strip() for s in nlp.get_pipe("sentencizer")(doc).sents]
    assert [s for s in sents if s] == ["Koppen zonder punt", "Van Dam (71.) scoorde laat",
                                       "De tweede alinea (9.) begint hier."]


def test_each_pattern_matched_in_its_own_windows_finds_the_whole_doc_matches():
    nlp = spacy.blank("en")
    wm = WindowMatcher(nlp.vocab)
    wm.add("calm", [{"LOWER": "stayed"}, {"OP": "?"}, {"LOWER": "calm"}])
    wm.add("left", [{"LOWER": {"IN": ["left", "quit"]}}, {"LOWER": "early"}])
    # "left early" everywhere: its windows cover most of the Doc, so it is matched on the whole Doc
    text = "They left early. " * 8 + "The keeper stayed very calm. " + "Others quit early."
    doc = nlp(text)
    assert wm(doc) == set(wm.matcher(doc))
    assert len(wm(doc)) == 10
