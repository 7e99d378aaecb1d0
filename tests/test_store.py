"""The article store: bad input refused with a message and nothing written, safe names,
dedupe, HTML conversion, atomic adds (a kill mid-add), concurrent adds, incremental rebuild."""
from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st_

from fanboard import store
from fanboard.ingest import read_articles, read_sidecar
from fanboard.store import ArticleStore, Metadata, Refused, prepare_file, prepare_text
from writers import snapshot

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SAFE_NAME = re.compile(r"^[a-z0-9-]+_[0-9a-f]{12}\.txt$")

ARTICLE = (
    "Invented test article: Gomez left out again\n\n"
    "Atalanta captain Alejandro Gomez was left out of the squad after a dispute with Gian Piero Gasperini. "
    "Atalanta drew 1-1 with Fiorentina on Sunday.\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def st(data_dir: Path) -> ArticleStore:
    return ArticleStore(data_dir / "articles", also_check=[SEEDS])


def add_bytes(st: ArticleStore, data: bytes, name: str, meta: Metadata | None = None):
    return st.add([prepare_file(data, name, meta)])[0]


# ----------------------------------------------------------------------------- bad input

BAD_INPUTS = [
    ("empty.txt", b"", "empty.txt is empty; nothing was stored"),
    ("blank.txt", b"  \n\t\r\n   \n", "blank.txt holds only whitespace; nothing was stored"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "photo.txt is a PNG image, not a text article"),
    ("paper.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "paper.md is a PDF document, not a text article"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100), "archive.txt is a zip archive (or an Office document), not a text article"),
    ("nul.txt", b"Atalanta\x00\x00\x01\x02 won", "nul.txt looks binary (it contains NUL bytes), not a text article"),
    ("big.txt", b"Atalanta won. " * (store.MAX_TEXT_BYTES // 14 + 1),
     "big.txt is 2.0 MB; the limit is 2.0 MB of text. Split it into several articles; nothing was stored"),
    ("odd.txt", b"Atalanta \x81\x8d won the match against Fiorentina\n",
     "odd.txt cannot be decoded: byte 0x81 at position 9 is neither UTF-8 nor Windows-1252/Latin-1 text"),
    ("damaged.txt", "Gómez and Iličić: ".encode() + b"\xe9\xff " + "Atalanta–Fiorentina".encode(),
     "damaged.txt cannot be decoded: it is mostly UTF-8 but has invalid bytes (the first at byte 21)"),
    ("image.jpg", b"\xff\xd8\xff\xe0JFIF", "image.jpg: only .txt, .md and .html files can be added (this one is .jpg)"),
    ("page.html", b"<html><body><script>alert(1)</script><style>p{}</style></body></html>",
     "page.html is an HTML page without any text; nothing was stored"),
]


@pytest.mark.parametrize("name,data,message", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(st, data_dir, name, data, message):
    before = snapshot(data_dir)
    with pytest.raises(Refused) as exc:
        add_bytes(st, data, name)
    assert message in str(exc.value)
    assert snapshot(data_dir) == before == {}
    assert not st.folder.exists()


def test_bad_input_next_to_stored_articles_leaves_them_byte_for_byte(st, data_dir):
    add_bytes(st, ARTICLE.encode(), "good.txt")
    before = snapshot(data_dir)
    for name, data, _ in BAD_INPUTS:
        with pytest.raises(Refused):
            add_bytes(st, data, name)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("meta,message", [
    (Metadata(published="21/12/2020"), "the publication date '21/12/2020' is not a date; write it as YYYY-MM-DD"),
    (Metadata(url="javascript:alert(1)"), "the URL 'javascript:alert(1)' is not a web address"),
    (Metadata(language="english"), "the language 'english' is not a language code"),
])
def test_bad_metadata_is_refused(st, data_dir, meta, message):
    with pytest.raises(Refused, match=re.escape(message)):
        add_bytes(st, ARTICLE.encode(), "a.txt", meta)
    assert snapshot(data_dir) == {}


def test_pasted_empty_or_blank_text_is_refused(st, data_dir):
    with pytest.raises(Refused, match="the pasted text is empty"):
        prepare_text("")
    with pytest.raises(Refused, match="the pasted text holds only whitespace"):
        prepare_text(" \n\t ")
    with pytest.raises(Refused, match="contains NUL characters"):
        prepare_text("Atalanta\x00won")
    assert snapshot(data_dir) == {}


def test_text_at_the_size_limit_is_accepted(st):
    line = b"Atalanta beat Fiorentina in Bergamo.\n"
    data = b"Invented test article\n" + line * ((store.MAX_TEXT_BYTES - 30) // len(line))
    assert len(data) <= store.MAX_TEXT_BYTES
    assert add_bytes(st, data, "long.txt").stored


# ----------------------------------------------------------------------------- accepted input

def test_cp1252_text_is_accepted_with_a_note_and_stored_as_utf8(st):
    text = "Invented test article: Gómez’s café row\n\nAtalanta’s captain Gómez – “a leader” – was left out.\n"
    result = add_bytes(st, text.encode("cp1252"), "cp.txt")
    assert result.stored
    assert result.notes == ["cp.txt is not UTF-8; read it as Windows-1252/Latin-1 and stored it as UTF-8"]
    assert result.path.read_text(encoding="utf-8") == text


def test_latin1_text_is_accepted(st):
    text = "Invented test article\n\nÀ Bergamo, l'Atalanta a battu la Fiorentina; Gómez était absent.\n"
    result = add_bytes(st, text.encode("latin-1"), "fr.txt")
    assert result.stored and result.path.read_text(encoding="utf-8") == text
    assert "read it as Windows-1252/Latin-1" in result.notes[0]


def test_stored_article_is_read_back_by_ingest_with_its_metadata(st):
    meta = Metadata(source='Het "Parool"\\', url="https://example.org/a?b=1", published="2020-12-21", language="en")
    result = add_bytes(st, ARTICLE.encode(), "gomez.txt", meta)
    articles, messages = read_articles(st.folder)
    assert [m for m in messages if m.level != "warning"] == []
    [a] = articles
    assert (a.id, a.text, a.source, a.url, a.published.isoformat(), a.language) == (
        result.article_id, ARTICLE, 'Het "Parool"\\', "https://example.org/a?b=1", "2020-12-21", "en")
    assert a.headline == "Invented test article: Gomez left out again"
    entry = st.entries()[result.article_id]
    assert entry["sha256"] == a.content_hash and entry["original_name"] == "gomez.txt"


@given(st_.text(max_size=80))
@settings(max_examples=100, deadline=None)
def test_any_metadata_text_round_trips_through_the_sidecar(value):
    entries = {"a_000000000000": {"source": value, "original_name": value}}
    parsed = tomllib.loads(store.dump_sidecar(entries))
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)
    # empty values are left out of the sidecar (ingest treats missing and "" alike)
    assert parsed == {"a_000000000000": {"source": expected, "original_name": expected} if value else {}}


@pytest.mark.parametrize("name", [
    "../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini.txt", "a\x00b.txt", "\u202eexe.txt",
    "𝔣𝔞𝔫𝔟𝔬𝔞𝔯𝔡.txt", "CON.txt", "....txt", "ä" * 300 + ".txt", ".hidden.txt", "articles.toml.txt",
])
def test_file_names_are_never_trusted(st, data_dir, name):
    result = add_bytes(st, (f"Invented test article {name!r}\n\n" + ARTICLE).encode(), name)
    assert result.stored
    assert SAFE_NAME.match(result.path.name), result.path.name
    assert result.path.parent == st.folder
    assert sorted(snapshot(data_dir)) == sorted(["articles/.lock", "articles/articles.toml", f"articles/{result.path.name}"])
    assert "\x00" not in result.name and "/" not in result.name


def test_html_is_converted_to_text_without_tags_or_scripts(st):
    html = (
        "<!doctype html><html><head><title>Gomez row deepens</title><script>alert('head')</script></head>"
        "<body><nav>Home | News | Sport</nav><article><h1>Gomez row deepens</h1>"
        "<p>Atalanta captain Alejandro Gomez was left out of the squad on Saturday after a dispute with "
        "Gian Piero Gasperini. <a href=\"javascript:alert(2)\">Read more</a> <img src=x onerror=\"alert(3)\"></p>"
        "<p>Reports say the Argentine could leave in January, while Atalanta drew 1-1 with Fiorentina.</p>"
        "<script>document.write('evil')</script></article><footer>Copyright</footer></body></html>"
    )
    result = add_bytes(st, html.encode(), "row.html")
    text = result.path.read_text(encoding="utf-8")
    assert text.startswith("Gomez row deepens\n")
    assert "Atalanta captain Alejandro Gomez was left out of the squad" in text
    for bad in ("<", "alert", "javascript", "onerror", "evil", "Copyright"):
        assert bad not in text
    assert "converted from HTML with trafilatura (navigation, scripts and tags removed)" in result.notes


def test_html_without_an_article_body_falls_back_to_stripping_tags_and_says_so(st):
    html = "<ul><li>Atalanta <script>alert(1)</script>won 2-0 &amp; Gomez <i onclick=x()>scored</i>.</li></ul>"
    result = add_bytes(st, html.encode(), "short.html")
    assert result.path.read_text(encoding="utf-8") == "Atalanta won 2-0 & Gomez scored."
    assert any("trafilatura found no article body" in n and "tags were simply stripped" in n for n in result.notes)


def test_pasted_text_with_markup_is_stored_as_the_literal_text(st):
    text = "Invented: <script>alert('x')</script> <img src=x onerror=alert(1)> <a href='javascript:alert(2)'>x</a>"
    cand = prepare_text(text, Metadata(headline="Invented test article with markup"))
    result = st.add([cand])[0]
    assert result.path.read_text(encoding="utf-8") == "Invented test article with markup\n\n" + text
    assert result.path.name.startswith("invented-test-article-with-markup_")


def test_unsupported_language_is_stored_with_a_warning(st):
    text = ("Erfundener Testartikel\n\nDer Kapitän von Atalanta wurde nach einem Streit mit dem Trainer nicht "
            "in den Kader berufen. Die Mannschaft spielte am Sonntag gegen die Fiorentina und es war nicht gut.\n")
    result = add_bytes(st, text.encode(), "de.txt")
    assert result.stored
    assert result.notes == [
        "language 'de' is not supported (en, nl, it); stored anyway, only names will be recognised and claims marked as such"
    ]
    [a], messages = read_articles(st.folder)
    assert a.language == "de" and "not supported" in a.warnings[0]


# ----------------------------------------------------------------------------- duplicates

def test_identical_text_is_not_stored_twice(st, data_dir):
    first = add_bytes(st, ARTICLE.encode(), "one.txt")
    before = snapshot(data_dir)
    again = add_bytes(st, ARTICLE.encode(), "two.txt", Metadata(source="elsewhere"))
    assert again.status == "duplicate"
    assert again.message == f"this text is already stored (as {first.article_id}); it was not stored again"
    assert snapshot(data_dir) == before
    # cp1252 bytes of the same text are the same text
    assert add_bytes(st, ARTICLE.encode("cp1252"), "three.txt").status == "duplicate"


def test_a_seed_is_a_duplicate_and_the_seeds_stay_untouched(st, data_dir):
    seed = SEEDS / "001_6400d61ffa6bd79a.txt"
    seeds_before = snapshot(SEEDS)
    result = add_bytes(st, seed.read_bytes(), seed.name)
    assert result.status == "duplicate"
    assert "already stored (as seeds/001_6400d61ffa6bd79a.txt)" in result.message
    assert snapshot(data_dir) == {} and snapshot(SEEDS) == seeds_before


def test_duplicates_within_one_batch_are_stored_once(st):
    results = st.add([prepare_file(ARTICLE.encode(), "a.txt"), prepare_file(ARTICLE.encode(), "b.txt")])
    assert [r.status for r in results] == ["stored", "duplicate"]
    assert len(list(st.folder.glob("*.txt"))) == 1


# ----------------------------------------------------------------------------- atomic adds: kill mid-add

def _start_add(store_dir: Path, article: Path, stage: str) -> subprocess.Popen:
    env = {**os.environ, store.PAUSE_ENV: f"{stage}:60", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "fanboard", "add", str(article), "--store", str(store_dir), "--no-build",
         "--source", "Killed Times"],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )


@pytest.mark.parametrize("stage,outcome", [("pending", "before"), ("committed", "after")])
def test_an_add_killed_midway_leaves_the_store_before_or_after(st, tmp_path, stage, outcome):
    first = add_bytes(st, ARTICLE.encode(), "first.txt")
    new = tmp_path / "new.txt"
    new.write_text("Invented test article: killed mid-add\n\nAtalanta beat Sassuolo 5-1 on Saturday.\n", encoding="utf-8")
    before_ids = {a.id for a in read_articles(st.folder)[0]}
    proc = _start_add(st.folder, new, stage)
    try:
        line = proc.stderr.readline()
        assert line.strip() == f"paused at {stage}", line
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    # What a reader sees right after the kill: the article fully there with its metadata, or not at all.
    articles, messages = read_articles(st.folder)
    assert [m for m in messages if m.level != "warning"] == []
    ids = {a.id for a in articles}
    new_ids = ids - before_ids
    assert new_ids == set() or all(a.source == "Killed Times" for a in articles if a.id in new_ids)
    # After recovery (run under the lock before every add) the files are exactly before or after.
    with st.lock():
        st.recover()
    files = sorted(p.name for p in st.folder.iterdir() if p.name != ".lock")
    entries = st.entries()
    if outcome == "before":
        assert files == sorted([f"{first.article_id}.txt", "articles.toml"])
        assert list(entries) == [first.article_id]
        assert add_bytes(st, new.read_bytes(), "new.txt").stored      # the add can simply be retried
    else:
        [new_id] = set(entries) - {first.article_id}
        assert files == sorted([f"{first.article_id}.txt", f"{new_id}.txt", "articles.toml"])
        [a] = [a for a in read_articles(st.folder)[0] if a.id == new_id]
        assert a.source == "Killed Times" and a.content_hash == entries[new_id]["sha256"]
        assert add_bytes(st, new.read_bytes(), "new.txt").status == "duplicate"


# ----------------------------------------------------------------------------- concurrent adds

def _worker(args: tuple[str, int]) -> list[str]:
    folder, n = args
    os.environ[store.PAUSE_ENV] = "pending:0.02"   # widen the window in which an unlocked add would race
    s = ArticleStore(Path(folder), also_check=[])
    out = []
    for i in range(3):
        text = f"Invented test article {n}-{i}\n\nAtalanta played match number {n * 10 + i} in Bergamo.\n"
        out += [r.status for r in s.add([prepare_file(text.encode(), f"w{n}-{i}.txt")])]
    shared = "Invented test article: everyone adds this one\n\nAtalanta beat Crotone 5-1.\n"
    out += [r.status for r in s.add([prepare_file(shared.encode(), "shared.txt")])]
    return out


def test_concurrent_adds_from_several_processes_all_land(tmp_path):
    folder = tmp_path / "articles"
    workers = 5
    # fork (Linux) starts the workers in milliseconds; spawn where fork is not available
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    prepare_file(b"Warm up: load the language detector once, before forking.", "warm.txt")
    with multiprocessing.get_context(method).Pool(workers) as pool:
        statuses = pool.map(_worker, [(str(folder), n) for n in range(workers)])
    flat = [s for per in statuses for s in per]
    assert flat.count("stored") == workers * 3 + 1
    assert flat.count("duplicate") == workers - 1
    articles, messages = read_articles(folder)
    assert [m for m in messages if m.level != "warning"] == [] and len(articles) == workers * 3 + 1
    meta, _ = read_sidecar(folder)
    assert set(meta) == {a.id for a in articles}
    assert not list(folder.glob(".pending-*")) and not list(folder.glob("*.tmp"))


# ----------------------------------------------------------------------------- incremental rebuild

def test_rebuild_after_an_add_parses_only_the_new_article(st, data_dir):
    from fanboard.nlp import default_pipelines

    tables, cache = data_dir / "tables", data_dir / "cache"
    add_bytes(st, ARTICLE.encode(), "one.txt")
    first = store.rebuild(st.folder, tables, cache, pipelines=default_pipelines())
    assert first.parsed == 3
    result = add_bytes(st, "Invented test article two\n\nAtalanta beat Sassuolo 5-1 on Saturday.\n".encode(), "two.txt")
    second = store.rebuild(st.folder, tables, cache, pipelines=default_pipelines())
    assert second.parsed == 1
    from fanboard.tables import read_table
    ids = set(read_table(tables / "articles.csv")["article_id"])
    assert result.article_id in st.entries()
    assert ids == {"000_981ffb45979d0495", "001_6400d61ffa6bd79a", *st.entries()}
