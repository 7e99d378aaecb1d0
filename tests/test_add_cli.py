"""`python -m fanboard add FILE...`: what it prints, its exit code, what it stores and rebuilds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fanboard.__main__ import main
from fanboard.ingest import read_articles
from fanboard.tables import read_table
from writers import snapshot

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Invented test article: Gasperini and Gomez clash at half-time\n\n"
    "Atalanta drew 1-1 with Fiorentina on Sunday. Alejandro Gomez was substituted at half-time after "
    "a row with Gian Piero Gasperini, reports say.\n"
)


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A private data/ folder: the store, the tables and the cache all live under tmp_path/data."""
    data = tmp_path / "data"
    values = {"FANBOARD_ARTICLES": str(data / "articles"), "FANBOARD_TABLES": str(data / "tables"),
              "FANBOARD_CACHE": str(data / "cache")}
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    return data


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def test_add_stores_refuses_and_rebuilds_from_the_terminal(env, tmp_path):
    inbox = tmp_path / "inbox"
    good = write(inbox, "clash.txt", ARTICLE.encode())
    empty = write(inbox, "empty.txt", b"")
    proc = subprocess.run(
        [sys.executable, "-m", "fanboard", "add", str(good), str(empty), "--source", "Invented Gazette",
         "--published", "2020-12-14", "--url", "https://example.org/clash"],
        cwd=ROOT, env={**os.environ}, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr          # something was refused
    [stored] = list((env / "articles").glob("*.txt"))
    assert stored.name.startswith("clash_")
    assert f"stored: clash.txt: stored as {stored.name} (en, headline: 'Invented test article: Gasperini and Gomez clash at half-time')" in proc.stdout
    assert "refused: empty.txt: empty.txt is empty; nothing was stored" in proc.stderr
    assert "1 stored, 0 already there, 1 refused" in proc.stdout
    assert "rebuilt the tables (3 article(s) parsed, the rest from the cache)" in proc.stdout
    articles = read_table(env / "tables" / "articles.csv")
    row = articles[articles["article_id"] == stored.stem].iloc[0]
    assert (row["source"], row["published"], row["url"], row["language"]) == (
        "Invented Gazette", "2020-12-14", "https://example.org/clash", "en")
    assert set(articles["article_id"]) == {"000_981ffb45979d0495", "001_6400d61ffa6bd79a", stored.stem}


def test_only_refused_files_exit_non_zero_and_leave_data_unchanged(env, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    files = [
        write(inbox, "blank.md", b" \n\n\t"),
        write(inbox, "scan.txt", b"%PDF-1.4\n..."),
        write(inbox, "huge.txt", b"x" * (2 * 1024 * 1024 + 1)),
        write(inbox, "odd.txt", b"Atalanta \x81 won\n"),
    ]
    code = main(["add", *map(str, files), str(inbox / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        "refused: blank.md: blank.md holds only whitespace; nothing was stored",
        "refused: scan.txt: scan.txt is a PDF document, not a text article; nothing was stored",
        "refused: huge.txt: huge.txt is 2.0 MB; the limit is 2.0 MB of text. Split it into several articles; nothing was stored",
        "refused: odd.txt: odd.txt cannot be decoded: byte 0x81 at position 9 is neither UTF-8 nor Windows-1252/Latin-1 "
        "text. Save the file as UTF-8 and retry; nothing was stored",
        "refused: missing.txt: cannot read it (No such file or directory); nothing was stored",
    ]
    assert out.strip() == "0 stored, 0 already there, 5 refused"
    assert snapshot(env) == {}


def test_adding_the_same_text_again_says_so_and_succeeds(env, tmp_path, capsys):
    f = write(tmp_path, "a.txt", ARTICLE.encode())
    assert main(["add", str(f), "--no-build"]) == 0
    before = snapshot(env)
    capsys.readouterr()
    assert main(["add", str(f), "--no-build"]) == 0
    out, _ = capsys.readouterr()
    [stored] = list((env / "articles").glob("*.txt"))
    assert f"duplicate: a.txt: this text is already stored (as {stored.stem}); it was not stored again" in out
    assert "0 stored, 1 already there, 0 refused" in out
    assert snapshot(env) == before


def test_a_seed_added_again_is_a_duplicate(env, capsys):
    seed = ROOT / "seeds" / "000_981ffb45979d0495.txt"
    assert main(["add", str(seed), "--no-build"]) == 0
    assert "already stored (as seeds/000_981ffb45979d0495.txt)" in capsys.readouterr().out
    assert snapshot(env) == {}


@pytest.mark.parametrize("flag,value,message", [
    ("--published", "yesterday", "error: the publication date 'yesterday' is not a date; write it as YYYY-MM-DD"),
    ("--url", "javascript:alert(1)", "error: the URL 'javascript:alert(1)' is not a web address"),
    ("--language", "Klingon!", "error: the language 'klingon!' is not a language code"),
])
def test_bad_metadata_options_are_refused_before_reading_files(env, tmp_path, capsys, flag, value, message):
    f = write(tmp_path, "a.txt", ARTICLE.encode())
    assert main(["add", str(f), flag, value]) == 2
    assert message in capsys.readouterr().err
    assert snapshot(env) == {}


def test_html_and_an_unsafe_name_from_the_terminal(env, tmp_path, capsys):
    page = write(tmp_path, "..evil name\u202e.html", (
        b"<html><head><title>Gomez benched</title><script>alert(1)</script></head><body><article>"
        b"<p>Atalanta captain Alejandro Gomez was left on the bench against Midtjylland after a dispute "
        b"with Gian Piero Gasperini, and the club said nothing about it afterwards.</p>"
        b"<p><a href='javascript:alert(2)'>more</a><img src=x onerror=alert(3)></p></article></body></html>"))
    assert main(["add", str(page), "--no-build", "--language", "en"]) == 0
    out = capsys.readouterr().out
    [stored] = list((env / "articles").glob("*.txt"))
    assert stored.name.startswith("evil-name_")
    assert "stored: ..evil name?.html: stored as" in out
    assert "note: converted from HTML with trafilatura" in out
    text = stored.read_text(encoding="utf-8")
    assert text.startswith("Gomez benched\n") and "<" not in text and "alert" not in text
    [a], _ = read_articles(env / "articles")
    assert a.language == "en" and a.headline == "Gomez benched"
