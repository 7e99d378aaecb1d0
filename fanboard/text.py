"""Text helpers shared by the knowledge base, the article store, the merge and the dashboard.

Four kinds of folding, each for one use:

- ``strip_accents`` drops combining marks and keeps case ("Perišić" -> "Perisic"); letters that do
  not decompose (æ, ø, ß, đ) stay as they are. ``normalize`` builds the KB's lookup key from it.
- ``fold`` lowers case and drops accents one character for one character, so a match found in the
  folded text is a span of the original (used to highlight names in an article).
- ``slug`` gives an ASCII id or file-name part: accents folded, the letters that do not decompose
  spelled out ("Dæhli" -> "daehli"), everything else a dash ("Luka Perišić" -> "luka-perisic").
- ``md_escape`` makes article text safe for Markdown (Streamlit's st.markdown).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD leaves alone, with their usual ASCII spelling (for slugs only).
ASCII_SPELLING = {
    "æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "œ": "oe", "þ": "th", "ı": "i",
}


def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Perišić" -> "Perisic"), case kept.

    Letters that do not decompose (æ, ø, ß, đ) are kept as they are; list their
    ASCII spellings ("Daehli") as aliases.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lookup key: NFKD, combining marks dropped, casefolded, whitespace collapsed."""
    return " ".join(strip_accents(text).casefold().split())


def fold(text: str) -> str:
    """Lower case without accents, one output character per input character.

    Keeping the length lets a match in the folded text be used as a span in the original,
    so "Nunès", "Nunes" and "NUNES" all match "nunes" at the right place.
    """
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)) or ch
        out.append(base[0].lower() if len(base[0].lower()) == 1 else ch)
    return "".join(out)


def slug(text: str, limit: int | None = None) -> str:
    """An ASCII slug of letters, digits and single dashes; "" when nothing is left.

    "Luka Perišić" -> "luka-perisic", "Dæhli" -> "daehli". With ``limit`` the slug is cut to
    at most that many characters (and no trailing dash).
    """
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    spelled = "".join(ASCII_SPELLING.get(c, c) for c in decomposed if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", spelled).strip("-")
    return out[:limit].rstrip("-") if limit is not None else out


def md_escape(text: str) -> str:
    """Text from an article made safe for st.markdown: Markdown and HTML characters escaped."""
    return re.sub(r"([\\`*_{}\[\]#|<>~$:])", r"\\\1", text or "")
