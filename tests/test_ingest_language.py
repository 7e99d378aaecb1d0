"""Language detection and the binary-text check of ingest, as a user meets them. Texts are invented."""
from __future__ import annotations

import re

import pytest

from fanboard import ingest, langdetect
from fanboard.ingest import read_articles

TEXTS = {
    "en": "Rivertown lost again on Sunday, and the coach said that the players were not ready for it.",
    "nl": "Rivertown verloor zondag opnieuw, en de trainer zei dat de spelers er niet klaar voor waren.",
    "it": "Il Rivertown ha perso ancora domenica, e l'allenatore ha detto che i giocatori non erano pronti.",
    "de": "Rivertown hat am Sonntag wieder verloren, und der Trainer sagte, dass die Spieler nicht bereit waren.",
}


def plain_scores(text: str) -> dict[str, float]:
    """The share of stop words per language, counted word by word."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)]
    return {lang: (sum(w in langdetect._stop_words(lang) for w in words) / len(words) if words else 0.0)
            for lang in langdetect.CANDIDATES}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_each_language_is_recognised_with_the_share_of_its_stop_words(lang):
    text = TEXTS[lang] + " " + TEXTS[lang].upper()        # the same word in two cases counts twice
    assert langdetect.language_scores(text) == plain_scores(text)
    assert langdetect.detect_language(text) == lang


def test_a_text_without_words_has_no_language():
    assert langdetect.language_scores("1-0, 2-2 (90')") == {lang: 0.0 for lang in langdetect.CANDIDATES}
    assert langdetect.detect_language("1-0, 2-2 (90')") is None


def test_the_sidecar_language_is_taken_without_detecting(tmp_path, monkeypatch):
    (tmp_path / "given.txt").write_text("Headline\n\n" + TEXTS["nl"], encoding="utf-8")
    (tmp_path / "open.txt").write_text("Headline\n\n" + TEXTS["it"], encoding="utf-8")
    (tmp_path / "articles.toml").write_text('[given]\nlanguage = "en"\n', encoding="utf-8")
    detected = []
    real = ingest.detect_language
    monkeypatch.setattr(ingest, "detect_language", lambda text: detected.append(text[:8]) or real(text))
    articles, messages = read_articles(tmp_path)
    assert [(a.id, a.language) for a in articles] == [("given", "en"), ("open", "it")]
    assert detected == ["Headline"] and messages == []        # only the article without a language


def test_control_characters_beyond_one_in_a_hundred_mean_binary(tmp_path):
    body = "Headline\n\n" + TEXTS["en"] * 3                   # about 280 characters
    (tmp_path / "tabs.txt").write_text(body.replace(" ", "\t", 40) + "\f\r\n", encoding="utf-8")
    (tmp_path / "few.txt").write_text(body + "\x0b" * 8, encoding="utf-8")
    (tmp_path / "many.txt").write_text(body + "\x0b\x01\x1f" * 3, encoding="utf-8")
    articles, messages = read_articles(tmp_path)
    assert [a.id for a in articles] == ["few", "tabs"]
    assert [(m.level, m.message) for m in messages] == [
        ("skipped", "many.txt looks binary (9 control characters), not a text article")]
