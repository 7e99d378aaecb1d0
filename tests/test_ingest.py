"""Ingest: what a user drops into the articles folder. Test files here are invented."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

from fanboard.ingest import read_articles

from helpers import ROOT, SEEDS


def test_seeds_are_read_with_language_and_headline():
    articles, messages = read_articles(SEEDS)
    assert messages == []
    assert [(a.id, a.language, a.published) for a in articles] == [
        ("000_981ffb45979d0495", "nl", None), ("001_6400d61ffa6bd79a", "en", None)]
    assert articles[1].headline.startswith("Tension between Gasperini and Gomez")


def test_bad_files_are_skipped_with_a_message_naming_them(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n  ")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "old.txt").write_bytes("Invented: Atalanta wint\n\nDe Argentijn scoorde één keer en de trainer was er niet blij mee, zei hij in het café.".encode("cp1252"))
    articles, messages = read_articles(tmp_path)
    assert [a.id for a in articles] == ["old"]
    assert "café" in articles[0].text and articles[0].language == "nl"
    text = [str(m) for m in messages]
    assert any("skipped" in t and "empty.txt is empty" in t for t in text)
    assert any("skipped" in t and "blank.md holds only whitespace" in t for t in text)
    assert any("skipped" in t and "photo.txt is a PNG image" in t for t in text)
    assert any("warning" in t and "old.txt is not UTF-8" in t for t in text)


def test_sidecar_metadata_and_unsupported_language(tmp_path):
    (tmp_path / "a.txt").write_text("Invented headline\n\nAtalanta won again on Sunday, and the fans were happy with it.")
    (tmp_path / "b.txt").write_text("Erfunden\n\nDer Trainer hat den Kapitän nicht aufgestellt, weil er mit ihm gestritten hat.")
    (tmp_path / "articles.toml").write_text('[a]\npublished = "2021-01-04"\nsource = "Invented Times"\nurl = "https://example.org/a"\n')
    articles, messages = read_articles(tmp_path)
    a, b = articles
    assert (a.published, a.source, a.url, a.language) == (date(2021, 1, 4), "Invented Times", "https://example.org/a", "en")
    assert b.language == "de" and any("not supported" in w for w in b.warnings)


def test_cli_build_writes_all_tables_and_survives_bad_files(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    for p in SEEDS.glob("*.txt"):
        (arts / p.name).write_bytes(p.read_bytes())
    (arts / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "tables"
    proc = subprocess.run([sys.executable, "-m", "fanboard", "build", "--no-cache", "--articles", str(arts),
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "broken.txt is a PDF document" in proc.stderr
    assert proc.stdout.strip().startswith("2 articles, 4 matches, 10 statuses, 9 events")
    assert {p.name for p in out.iterdir()} >= {"articles.csv", "matches.csv", "player_status.csv", "events.csv",
                                                "situation.csv", "contradictions.csv"}


def test_cli_names_a_missing_folder(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "fanboard", "build", "--articles", str(tmp_path / "nope")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "no such folder" in proc.stderr
