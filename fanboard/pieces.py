"""Parse texts of any length with spaCy, and one failing text never takes the others down.

spaCy refuses a text longer than `nlp.max_length` (error E088). A text longer than
limits.PIECE_CHARS is therefore cut into pieces, each parsed on its own, and the pieces are
joined back into one Doc (`Doc.from_docs`) whose text is exactly the article's text. So every
character offset the extractor takes from it (sentences, entities, time expressions) already
points into the full text, and the extractor sees one document, as it does for a short text.

Where to cut, in order of preference, in the second half of each window of PIECE_CHARS
characters: after a paragraph break (a blank line), after a sentence end or a line break,
after any whitespace; a text without any of those is cut at the limit. A cut is never in the
first half of a window, so each piece but the last has at least PIECE_CHARS / 2 characters and
the text is scanned about twice: linear in its length.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .limits import PIECE_CHARS

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")                  # a blank line, and the space after it
_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*")       # a sentence end or a line break
_SPACE = re.compile(r"\s+")


def split(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text`."""
    if limit < 2:
        raise ValueError(f"the piece limit must be at least 2 characters, not {limit}")
    pieces: list[str] = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = _cut(text, start + limit // 2, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """The best place to cut text[lo:hi]: just after the last break of the strongest kind."""
    for pattern in (_PARAGRAPH, _SENTENCE, _SPACE):
        end = None
        for m in pattern.finditer(text, lo, hi):
            end = m.end()
        if end is not None:
            return end
    return hi


_TEXT_KEY = "fanboard_text"


def text_of(doc: Doc) -> str:
    """`doc.text`, worked out once per Doc: spaCy joins every token's text on each call, and
    the components ask for the whole text several times per article. No component changes the
    text (merging score tokens keeps every character), so the first answer holds. The key
    carries the Doc's identity, so an answer copied along with user_data never applies to
    another Doc."""
    key = (_TEXT_KEY, id(doc))
    text = doc.user_data.get(key)
    if text is None:
        text = doc.user_data[key] = doc.text
    return text


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """The text and the lower-case form of every token, listed once per Doc: the claim
    components read them token by token, and each `doc[i].text` makes a Token object. Read
    only after the analysis components (they merge score tokens); the key holds the Doc's
    identity and length, and starts like text_of's, so `parse` drops it from the pieces too."""
    key = (_TEXT_KEY, id(doc), "tokens", len(doc))
    got = doc.user_data.get(key)
    if got is None:
        # read off the Doc's arrays (a token's text is its ORTH string, its lower_ its LOWER
        # string) rather than through a Token object per token
        strings = doc.vocab.strings
        values = doc.to_array([ORTH, LOWER]).T.tolist() if len(doc) else [[], []]
        got = doc.user_data[key] = ([strings[h] for h in values[0]], [strings[h] for h in values[1]])
    return got


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the tokens whose `token._.in_quote` is true, read once per Doc from where
    spaCy keeps token extension values (doc.user_data, keyed by the token's character offset):
    `span[0]._.in_quote` makes a Token and an Underscore object per look. Read only after the
    analysis components (fanboard_quotes sets the marks); the key holds the Doc's identity and
    length, and starts like text_of's, so `parse` drops it from the pieces too."""
    key = (_TEXT_KEY, id(doc), "quoted", len(doc))
    got = doc.user_data.get(key)
    if got is None:
        offsets = {k[2] for k, v in doc.user_data.items()
                   if v and isinstance(k, tuple) and len(k) == 4 and k[0] == "._." and k[1] == "in_quote"
                   and k[3] is None}
        got = frozenset(i for i, at in enumerate(doc.to_array(IDX).tolist()) if at in offsets) \
            if offsets and len(doc) else frozenset()
        doc.user_data[key] = got
    return got


# components whose annotations are found again on the joined Doc
WHOLE_TEXT_COMPONENTS = ("fanboard_times",)


def parse(nlp: Language, text: str, limit: int = PIECE_CHARS) -> Doc:
    """The Doc of `text`, however long: whole when it fits in one piece, else piece by piece."""
    limit = min(limit, nlp.max_length)
    if len(text) <= limit:
        return nlp(text)
    docs = list(nlp.pipe(split(text, limit)))
    for piece in docs:      # a piece's own text (text_of) is no value of the joined Doc
        for key in [k for k in piece.user_data if isinstance(k, tuple) and k[:1] == (_TEXT_KEY,)]:
            del piece.user_data[key]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:    # from_docs keeps every character; this guards the offsets
        raise ValueError("the pieces of the text did not join back into the same text")
    # values of custom extensions (a time span's expression) do not survive the join, and the
    # time finder reads the whole text in linear time: find them again on the joined Doc
    for name in WHOLE_TEXT_COMPONENTS:
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def parse_each(nlp: Language, texts: Iterable[str], batch_size: int = 64,
               limit: int = PIECE_CHARS) -> Iterator[Doc | Exception]:
    """For each text, in order, its Doc or the exception that parsing it raised.

    Short texts are parsed in batches (`nlp.pipe`); when a batch fails, its texts are parsed
    one by one, so only the text that fails gets an exception. Long texts go through `parse`.
    """
    limit = min(limit, nlp.max_length)
    batch: list[str] = []
    for text in texts:
        if len(text) > limit:
            yield from _parse_batch(nlp, batch)
            batch = []
            yield _attempt(parse, nlp, text, limit)
            continue
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _parse_batch(nlp, batch)
            batch = []
    yield from _parse_batch(nlp, batch)


def _parse_batch(nlp: Language, batch: list[str]) -> list[Doc | Exception]:
    if not batch:
        return []
    try:
        return list(nlp.pipe(batch, batch_size=len(batch)))
    except Exception:
        return [_attempt(nlp, text) for text in batch]


def _attempt(fn, *args) -> Doc | Exception:
    try:
        return fn(*args)
    except Exception as exc:    # reported by the caller as the reason this text was skipped
        return exc
