"""The size limits, defined once: what the store accepts and how the pipeline cuts long texts.

* The store refuses an article with more than MAX_TEXT_BYTES of text (UTF-8, after decoding
  or HTML conversion), and an HTML page over MAX_HTML_BYTES, before anything is written.
* Everything it accepts can be built: spaCy refuses texts over `nlp.max_length` (1,000,000
  characters by default), so the pipeline parses a text longer than PIECE_CHARS in pieces of
  at most PIECE_CHARS characters, cut at paragraph breaks where it can (fanboard.pieces).
  A text under PIECE_CHARS is parsed whole, exactly as before.

This module imports nothing, so the store and the app can read the limits without spaCy.
"""
from __future__ import annotations

MAX_TEXT_BYTES = 2 * 1024 * 1024        # 2 MB of article text (UTF-8), after decoding/conversion
MAX_HTML_BYTES = 10 * 1024 * 1024       # an HTML page may be larger than its text
PIECE_CHARS = 100_000                   # the longest piece of text handed to spaCy at once
SPACY_MAX_LENGTH = 1_000_000            # spaCy's default nlp.max_length, for the check below

assert PIECE_CHARS * 2 <= SPACY_MAX_LENGTH, "a piece must stay well below spaCy's nlp.max_length"
