"""Long articles and failing articles: nothing a person can store may break the build.

* An article of 1.2 million characters (spaCy alone refuses more than 1,000,000) is added and
  built from the terminal; its rows point at the right sentences of the full text.
* Parsing in pieces gives exactly the claims of parsing the text whole.
* An article that makes the parser or the extractor fail is skipped, with its reason, in
  the build messages, the CLI output and the articles table; the others are built as if it
  were not there.
* The Add page's preview says in words when extraction fails, and previews long texts.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from fanboard import limits, pieces, pipeline, store
from fanboard.__main__ import main
from fanboard.extract.article import Extractor
from fanboard.ingest import Article, headline_of, read_articles
from fanboard.kb import KB
from fanboard.nlp import Pipelines, default_pipelines
from fanboard.tables import read_tables

ROOT = Path(__file__).resolve().parents[1]
INVENTED = ROOT / "tests" / "data" / "invented" / "articles"

# Longish words (fewer tokens per character, so a million characters parse faster), with
# enough English function words for the language to be detected.
FILLER = ("Nevertheless, the neighbourhood representatives were acknowledging the unprecedented "
          "administrative responsibilities of their communities throughout the afternoon. ")
START = "Atalanta beat Fiorentina 3-0 on Sunday."   # the calendar holds it (2020-12-13), so it is a row
MIDDLE = "Alejandro Gomez was left out of the squad after a dispute with Gian Piero Gasperini, reports say."
END = "Alejandro Gomez was substituted at half-time after a row with Gian Piero Gasperini, reports say."


def long_article(chars: int = 1_200_000) -> str:
    """An invented article of about `chars` characters: claims at the start, inside one paragraph
    longer than a piece, and at the very end; neutral paragraphs in between."""
    paragraph = FILLER * 4
    giant = FILLER * (150_000 // len(FILLER)) + MIDDLE + " " + FILLER * (60_000 // len(FILLER))
    head = f"Invented long report: a season told at length\n\n{START}\n\n"
    n = (chars - len(head) - len(giant) - len(END)) // (len(paragraph) + 2)
    body = ["\n\n".join([paragraph] * (n // 3)), giant, "\n\n".join([paragraph] * (n - n // 3))]
    return head + "\n\n".join(body) + "\n\n" + END + "\n"


# ----------------------------------------------------------------------------- the pieces

def test_pieces_join_back_into_the_text_and_cut_at_the_strongest_break():
    text = "A short paragraph.\n\n" + "One sentence here. " * 30 + "\n\n" + "word " * 50 + "x" * 300
    for limit in (40, 100, 333, len(text)):
        parts = pieces.split(text, limit)
        assert "".join(parts) == text
        assert all(len(p) <= limit for p in parts)
        assert all(len(p) >= limit // 2 for p in parts[:-1])      # so the text is scanned about twice
    parts = pieces.split(text, 100)
    # the paragraph break comes too early in the window: the last sentence end instead
    assert parts[0] == "A short paragraph.\n\n" + "One sentence here. " * 4
    assert parts[1:6] == ["One sentence here. " * 5] * 5
    assert "word " * 20 in parts                                  # no sentence end: after a space
    assert parts[-3:] == ["x" * 100] * 3                          # no break at all: at the limit
    paragraph = "Para graph text. " * 2 + "\n\n"
    assert pieces.split(paragraph * 10, 100)[0] == paragraph * 2    # a paragraph break beats a sentence end
    assert pieces.split("", 10) == [""]
    with pytest.raises(ValueError):
        pieces.split(text, 1)


def test_parsing_in_pieces_gives_the_claims_of_parsing_whole():
    """120,000 characters of real sentences: parsed whole (spaCy takes that much) and in pieces."""
    articles, _ = read_articles([ROOT / "seeds", INVENTED, ROOT / "tests" / "data" / "invented2" / "articles"])
    en = "\n\n".join(a.text.strip() for a in articles if a.language == "en")
    text = (en + "\n\n") * (120_000 // (len(en) + 2) + 1)
    article = Article("long", Path("long.txt"), text, headline_of(text), "en")
    pipelines = default_pipelines()
    extractor = Extractor(pipelines)
    nlp = pipelines["en"]
    whole = extractor.extract(article, nlp(text))
    assert len(whole.matches) > 20 and len(whole.statuses) > 50 and len(whole.events) > 20
    assert len(pieces.split(text)) == 2 and len(pieces.split(text, 4_000)) > 30
    assert pipeline.extract_one(pipelines, article) == whole            # pieces of PIECE_CHARS
    doc = pieces.parse(nlp, text, 4_000)
    assert doc.text == text
    assert extractor.extract(article, doc) == whole                     # and many small pieces


def test_one_limit_everywhere():
    assert store.MAX_TEXT_BYTES is limits.MAX_TEXT_BYTES and store.MAX_HTML_BYTES is limits.MAX_HTML_BYTES
    assert limits.PIECE_CHARS * 2 <= default_pipelines()["en"].max_length
    assert len(long_article().encode("utf-8")) < limits.MAX_TEXT_BYTES    # so the store accepts it


# ----------------------------------------------------------------------------- through the CLI

@pytest.fixture
def env(tmp_path, monkeypatch):
    data = tmp_path / "data"
    for k, v in {"FANBOARD_ARTICLES": data / "articles", "FANBOARD_TABLES": data / "tables",
                 "FANBOARD_CACHE": data / "cache"}.items():
        monkeypatch.setenv(k, str(v))
    return data


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fanboard", *args], cwd=ROOT, env={**os.environ},
                          capture_output=True, text=True, timeout=600)


def test_a_long_article_is_added_and_built_from_the_terminal(env, tmp_path):
    text = long_article()
    assert 1_150_000 < len(text) < 1_250_000
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "long.txt").write_text(text, encoding="utf-8")
    added = run_cli("add", str(inbox / "long.txt"), "--published", "2020-12-14")
    assert added.returncode == 0, added.stderr
    [stored] = (env / "articles").glob("*.txt")
    assert stored.read_text(encoding="utf-8") == text
    assert "1 stored, 0 already there, 0 refused" in added.stdout
    assert "rebuilt the tables (3 article(s) parsed, the rest from the cache): 3 articles," in added.stdout
    assert "skipped" not in added.stdout + added.stderr

    out = tmp_path / "tables2"
    built = run_cli("build", "--no-cache", "--articles", str(ROOT / "seeds"), "--articles", str(env / "articles"),
                    "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "skipped" not in built.stdout + built.stderr
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == \
        {p.name: p.read_bytes() for p in (env / "tables").glob("*.csv")}    # the add's rebuild: the same tables

    tables = read_tables(out)
    assert stored.stem in set(tables["articles"]["article_id"])
    prov = tables["provenance"][tables["provenance"]["article_id"] == stored.stem]
    for row in prov.to_dict("records"):
        start, end = int(row["sentence_start"]), int(row["sentence_end"])
        assert text[start:end] == row["quote"], row
    found = {row["quote"]: int(row["sentence_start"]) for row in prov.to_dict("records")}
    assert found.get(START) == text.index(START) < 1000
    assert found.get(MIDDLE) == text.index(MIDDLE)
    assert found.get(END) == text.index(END) > 1_100_000
    statuses = tables["player_status"]
    mine = statuses[statuses["article_id"] == stored.stem]
    assert set(mine["quote"]) >= {END, MIDDLE}
    assert set(mine["player"]) == {"Alejandro Gómez"}


# ----------------------------------------------------------------------------- failing articles

def copy_invented(folder: Path, without: str | None = None) -> Path:
    shutil.copytree(INVENTED, folder)
    if without:
        (folder / f"{without}.txt").unlink()
    return folder


def test_an_article_the_extractor_fails_on_is_skipped_and_the_others_are_built(tmp_path, monkeypatch, capsys):
    broken = "en_juventus_atalanta"
    expected = pipeline.build([copy_invented(tmp_path / "without", broken)], tmp_path / "expected", cache_dir=None)
    real = Extractor.extract

    def extract(self, article, doc=None):
        if article.id == broken:
            raise RuntimeError("the extractor broke on this article\nsecond line of detail")
        return real(self, article, doc)

    monkeypatch.setattr(Extractor, "extract", extract)
    folder = copy_invented(tmp_path / "all")
    code = main(["build", "--no-cache", "--articles", str(folder), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 0
    reason = "RuntimeError: the extractor broke on this article"
    assert (f"skipped: {folder / (broken + '.txt')}: could not be processed ({reason}); it is stored, but nothing "
            "was taken from it, and the other articles were built without it") in err.splitlines()
    assert f"; 1 article(s) skipped because they could not be processed: {broken} ({reason})" in out
    assert out.startswith(f"{len(expected.tables['articles'])} articles, ")

    tables = read_tables(tmp_path / "out")
    for name, df in expected.tables.items():
        if name not in ("articles", "unknown_names"):   # unknown_names: the build step's, read from texts
            assert tables[name].equals(df), name          # the others: exactly as if it were not there
    arts = tables["articles"]
    row = arts[arts["article_id"] == broken].iloc[0]
    assert row["warnings"] == f"not processed, so nothing was taken from this article: {reason}"
    assert row["headline"] == headline_of((folder / f"{broken}.txt").read_text(encoding="utf-8"))
    others = arts[arts["article_id"] != broken].reset_index(drop=True)
    assert others.drop(columns="file").equals(expected.tables["articles"].drop(columns="file"))
    assert [Path(f).parent for f in others["file"]] == [folder] * len(others)


@Language.component("fanboard_test_boom")
def _boom(doc):
    if "BOOM-MARKER" in doc.text:
        raise ValueError("this text breaks the parser")
    return doc


def test_an_article_the_parser_fails_on_is_skipped_and_the_others_are_built(tmp_path):
    pipelines = Pipelines(KB.load())
    pipelines["en"].add_pipe("fanboard_test_boom")
    folder = copy_invented(tmp_path / "all")
    (folder / "en_boom.txt").write_text("Invented: the parser breaks\n\nBOOM-MARKER. Atalanta won.\n", encoding="utf-8")
    (folder / "en_long_boom.txt").write_text(long_article(250_000) + "BOOM-MARKER\n", encoding="utf-8")
    result = pipeline.build([folder], None, cache_dir=None, pipelines=pipelines, write=False)
    assert set(result.skipped) == {"en_boom", "en_long_boom"}
    assert set(result.skipped.values()) == {"ValueError: this text breaks the parser"}
    expected = pipeline.build([copy_invented(tmp_path / "plain")], None, cache_dir=None, write=False)
    assert result.tables["matches"].equals(expected.tables["matches"])
    assert result.tables["player_status"].equals(expected.tables["player_status"])
    assert len(result.tables["articles"]) == len(expected.tables["articles"]) + 2
    assert "2 article(s) skipped because they could not be processed: en_boom (ValueError" in result.summary


def test_parse_each_isolates_the_failing_text():
    nlp = spacy.blank("en")
    nlp.add_pipe("fanboard_test_boom")
    texts = ["one fine text", "BOOM-MARKER here", "a long text " * 30, "another BOOM-MARKER " * 20, "last"]
    out = list(pieces.parse_each(nlp, texts, batch_size=2, limit=100))
    assert [type(x).__name__ for x in out] == ["Doc", "ValueError", "Doc", "ValueError", "Doc"]
    assert [x.text for x in out if not isinstance(x, Exception)] == [texts[0], texts[2], texts[4]]


# ----------------------------------------------------------------------------- the preview

def test_the_preview_says_why_when_extraction_fails(monkeypatch):
    cand = store.prepare_text("Invented: a text\n\nAtalanta drew 1-1 with Fiorentina on Sunday.", store.Metadata())

    def broken(self, article, doc=None):
        raise KeyError("no such rule")

    monkeypatch.setattr(Extractor, "extract", broken)
    p = store.preview(cand, default_pipelines())
    assert p.error == ("Nothing could be extracted from this text (KeyError: 'no such rule'). It can still be "
                       "saved, but until the extractor can read it the builds will skip it and say why.")
    assert p.entities.empty and p.claims.empty and p.article_id == cand.article_id


def test_the_preview_of_a_long_text_finds_the_claims_at_its_end():
    text = long_article(1_050_000)
    cand = store.prepare_text(text, store.Metadata())
    p = store.preview(cand, default_pipelines())
    assert p.error == ""
    assert END in set(p.claims["sentence"]) and START in set(p.claims["sentence"])


def test_the_add_page_shows_the_failure_in_words_and_saving_reports_the_skip(monkeypatch, tmp_path):
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    original = PagesManager.__init__

    def init(self, *args, **kwargs):         # AppTest runs remember st.navigation (see test_add_page.py)
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tables", data / "tables")
    for k, v in {"FANBOARD_TABLES": data / "tables", "FANBOARD_ARTICLES": data / "articles",
                 "FANBOARD_CACHE": data / "cache"}.items():
        monkeypatch.setenv(k, str(v))
    real = Extractor.extract

    def extract(self, article, doc=None):
        if "Invented failing article" in article.text:
            raise IndexError("list index out of range")
        return real(self, article, doc)

    monkeypatch.setattr(Extractor, "extract", extract)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/add_article.py").run()
    at.text_area(key="paste_text_0").set_value(f"Invented failing article\n\n{START}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value.replace("\\", "") for e in at.error]
    assert errors == ["Nothing could be extracted from this text (IndexError: list index out of range). It can "
                      "still be saved, but until the extractor can read it the builds will skip it and say why."]
    [save] = [b for b in at.button if b.key == "paste_save_0"]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    [stored] = (data / "articles").glob("*.txt")
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)
    assert (f"Tables rebuilt: 2 articles, " in captions and f"; 1 article(s) skipped because they could not be "
            f"processed: {stored.stem} (IndexError: list index out of range)" in captions), captions
