"""Round 9 of issue 10, the knowledge base and the tokenizer: constructions of real scraped
text that hid known names, and names the knowledge base lacked. Every sentence here is invented
for the tests; each copies the structure of a real construction with other words and clubs."""
from __future__ import annotations

import pytest

from fanboard.kb import KB
from fanboard.nlp import build_pipeline


@pytest.fixture(scope="module")
def nl():
    return build_pipeline("nl", KB.load())


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text,tokens,expected", [
    # a caption's word glued to the club that opens the article
    ("Foto's FotoTorino speelde gelijk.", ["Foto", "Torino"], [("Torino", "CLUB")]),
    # a competition glued to the club of the next sentence, whose name has two words
    ("In de Europa LeagueManchester United won.", ["League", "Manchester"],
     [("Europa League", "COMP"), ("Manchester United", "CLUB")]),
    # a one-letter competition name glued to the club of the next sentence
    ("Lazio staat tweede in de Serie ANapoli speelt vanavond.", ["A", "Napoli"],
     [("Serie A", "COMP"), ("Napoli", "CLUB")]),
    # a stray letter glued to a name in a list of players
    ("Aanvallers: Muriel, kZapata, Lammers", ["k", "Zapata"], [("Muriel", "PERSON"), ("Lammers", "PERSON")]),
    ("Aanvallers: Muriel, kIlicic, Lammers", ["k", "Ilicic"], [("Ilicic", "PERSON")]),
    # a score's bracket glued to the club of a lineup block
    ("Parma – Torino 1-2 (0-2)TORINO (4-3-3): Sirigu", [")", "TORINO"],
     [("Parma", "CLUB"), ("Torino", "CLUB"), ("TORINO", "CLUB")]),
])
def test_a_name_glued_to_the_word_before_is_split_off(nl, text, tokens, expected):
    doc = nl(text)
    words = [t.text for t in doc]
    i = words.index(tokens[0])
    assert words[i:i + len(tokens)] == tokens
    assert doc.text == text and all(doc.text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert set(expected) <= set(ents(doc))


@pytest.mark.parametrize("word", ["McTominay", "DeLaurentiis", "McKennie", "DiMarco", "YouTube", "iPhone", "PSVer", "TVs"])
def test_camel_case_names_and_words_stay_whole(nl, word):
    assert word in [t.text for t in nl(f"Gisteren zag ik {word} daar.")]
