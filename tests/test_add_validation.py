"""What `add` (the CLI and the Add page) and the build refuse or read differently since issue 11:
links and other non-files, near-duplicates, future dates, non-web urls, front matter, and NUL
bytes anywhere in a file. Every refusal names its reason and leaves data/ byte for byte as it was."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from fanboard.__main__ import main
from fanboard.checks import FUTURE_MARGIN_DAYS
from fanboard.ingest import read_articles
from fanboard.tables import read_table
from writers import snapshot

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_6400d61ffa6bd79a.txt"
FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"
BODY = (
    "Atalanta drew 1-1 with Fiorentina on Sunday. Alejandro Gomez was substituted at half-time after "
    "a row with Gian Piero Gasperini, reports say.\n"
)
ARTICLE = "Invented test article: Gasperini and Gomez clash at half-time\n\n" + BODY
TODAY = r"\d{4}-\d{2}-\d{2}"
FUTURE = (r"is in the future: today is " + TODAY
          + rf", and dates more than {FUTURE_MARGIN_DAYS} days ahead are refused")


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A private data/ folder: the store, the tables and the cache all live under tmp_path/data."""
    data = tmp_path / "data"
    for k, sub in (("FANBOARD_ARTICLES", "articles"), ("FANBOARD_TABLES", "tables"), ("FANBOARD_CACHE", "cache")):
        monkeypatch.setenv(k, str(data / sub))
    return data


def write(folder: Path, name: str, data: bytes | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def sidecar(data: Path) -> dict:
    return tomllib.loads((data / "articles" / "articles.toml").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- 8: links, non-files

def test_links_folders_and_pipes_are_refused_and_nothing_is_written(env, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    good = write(inbox, "good.txt", ARTICLE)
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "again.txt").symlink_to(good)              # a link to a perfectly good article
    (inbox / "folder.txt").mkdir()
    os.mkfifo(inbox / "pipe.txt")                       # reading it would block forever
    names = ["passwd.txt", "again.txt", "folder.txt", "pipe.txt"]
    code = main(["add", *(str(inbox / n) for n in names), "--no-build"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        "refused: passwd.txt: passwd.txt is a symbolic link; links are not followed, so give the file itself; nothing was stored",
        "refused: again.txt: again.txt is a symbolic link; links are not followed, so give the file itself; nothing was stored",
        "refused: folder.txt: folder.txt is a folder, not a file; nothing was stored",
        "refused: pipe.txt: pipe.txt is a named pipe, not a file; nothing was stored",
    ]
    assert out.strip() == "0 stored, 0 already there, 4 refused"
    assert snapshot(env) == {}


def test_a_link_next_to_a_good_file_only_the_file_is_stored(env, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    good = write(inbox, "good.txt", ARTICLE)
    (inbox / "secret.txt").symlink_to("/etc/passwd")
    assert main(["add", str(good), str(inbox / "secret.txt"), "--no-build"]) == 1
    assert "1 stored, 0 already there, 1 refused" in capsys.readouterr().out
    [stored] = (env / "articles").glob("*.txt")
    assert stored.read_text(encoding="utf-8") == ARTICLE
    assert "root:" not in "".join(p.read_text(errors="replace") for p in (env / "articles").iterdir() if p.is_file())


# ----------------------------------------------------------------------------- 9: near-duplicates

NEAR_DUPLICATES = {
    "crlf.txt": ARTICLE.replace("\n", "\r\n"),
    "trailing.txt": ARTICLE + "\n\n\n   \n",
    "doubled.txt": ARTICLE.replace("drew 1-1 with", "drew  1-1  with"),
    "tabs-and-nbsp.txt": ARTICLE.replace(" on Sunday", "\ton\u00a0Sunday"),
    "leading.txt": "\n\n  " + ARTICLE,
}


def test_near_duplicates_of_a_stored_article_are_not_stored_again(env, tmp_path, capsys):
    first = write(tmp_path, "first.txt", ARTICLE)
    assert main(["add", str(first), "--no-build"]) == 0
    [stored] = (env / "articles").glob("*.txt")
    before = snapshot(env)
    capsys.readouterr()
    files = [write(tmp_path / "inbox", name, text) for name, text in NEAR_DUPLICATES.items()]
    assert main(["add", *map(str, files), "--no-build"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"duplicate: {name}: this text is already stored (as {stored.stem}); it was not stored again"
        for name in NEAR_DUPLICATES
    ] + ["0 stored, 5 already there, 0 refused"]
    assert snapshot(env) == before


def test_near_duplicates_in_one_call_are_stored_once_and_the_text_stays_as_given(env, tmp_path, capsys):
    a = write(tmp_path, "a.txt", NEAR_DUPLICATES["trailing.txt"])
    b = write(tmp_path, "b.txt", NEAR_DUPLICATES["doubled.txt"])
    assert main(["add", str(a), str(b), "--no-build"]) == 0
    out = capsys.readouterr().out
    [stored] = (env / "articles").glob("*.txt")
    assert f"duplicate: b.txt: this text is already stored (as {stored.stem}); it was not stored again" in out
    assert stored.read_text(encoding="utf-8") == NEAR_DUPLICATES["trailing.txt"]   # blank lines kept
    assert "1 stored, 1 already there, 0 refused" in out


def test_a_seed_with_other_line_endings_and_spacing_is_a_duplicate(env, tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8")
    variant = write(tmp_path, "copy.txt", text.replace("\n", "\r\n").replace(". ", ".  ") + "\r\n\r\n")
    assert main(["add", str(variant), "--no-build"]) == 0
    assert ("duplicate: copy.txt: this text is already stored (as seeds/001_6400d61ffa6bd79a.txt); "
            "it was not stored again") in capsys.readouterr().out
    assert snapshot(env) == {}


def test_different_words_are_not_duplicates(env, tmp_path, capsys):
    a = write(tmp_path, "a.txt", ARTICLE)
    b = write(tmp_path, "b.txt", ARTICLE.replace("1-1", "2-2"))
    assert main(["add", str(a), str(b), "--no-build"]) == 0
    assert "2 stored, 0 already there, 0 refused" in capsys.readouterr().out


# ----------------------------------------------------------------------------- 10: dates and urls

@pytest.mark.parametrize("published", ["2099-01-01", "in 10 days"])
def test_a_future_publication_date_is_refused(env, tmp_path, capsys, published):
    if published == "in 10 days":
        published = (date.today() + timedelta(days=10)).isoformat()
    f = write(tmp_path, "a.txt", ARTICLE)
    assert main(["add", str(f), "--published", published]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(rf"error: the publication date {published} {FUTURE}; give the day the article was "
                        r"published\n", err), err
    assert snapshot(env) == {}


def test_a_date_within_the_margin_is_accepted(env, tmp_path, capsys):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    f = write(tmp_path, "a.txt", ARTICLE)
    assert main(["add", str(f), "--published", tomorrow, "--no-build"]) == 0
    [entry] = sidecar(env).values()
    assert entry["published"] == tomorrow


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(document.cookie)",
                                 "data:text/html,<script>alert(1)</script>", "http://", "https:///etc/passwd",
                                 "ftp://example.org/a.txt"])
def test_only_web_urls_are_accepted(env, tmp_path, capsys, url):
    f = write(tmp_path, "a.txt", ARTICLE)
    assert main(["add", str(f), "--url", url]) == 2
    assert f"error: the URL {url!r} is not a web address; give one that starts with http:// or https://" in capsys.readouterr().err
    assert snapshot(env) == {}


# ----------------------------------------------------------------------------- 14: front matter

FRONT_MATTER = (
    "---\n"
    'title: "Invented test article: Gasperini and Gomez clash"\n'
    "date: 2020-12-14T09:30:00+01:00\n"
    "source: Invented Gazette   # the paper\n"
    "url: https://example.org/clash\n"
    "tags:\n"
    "  - atalanta\n"
    "author: Someone\n"
    "---\n\n"
)


def test_front_matter_becomes_metadata_and_the_title_the_headline(env, tmp_path, capsys):
    f = write(tmp_path, "notes.md", FRONT_MATTER + BODY)
    assert main(["add", str(f), "--no-build"]) == 0
    out = capsys.readouterr().out
    [stored] = (env / "articles").glob("*.txt")
    assert out.splitlines()[:2] == [
        f"stored: notes.md: stored as {stored.name} (en, headline: 'Invented test article: Gasperini and Gomez clash')",
        "  note: front matter read as metadata (headline, published, source, url), not stored as text",
    ]
    assert stored.read_text(encoding="utf-8") == "Invented test article: Gasperini and Gomez clash\n\n" + BODY
    entry = sidecar(env)[stored.stem]
    assert (entry["published"], entry["source"], entry["url"]) == ("2020-12-14", "Invented Gazette", "https://example.org/clash")
    [a], _ = read_articles(env / "articles")
    assert (a.headline, a.published, a.source) == ("Invented test article: Gasperini and Gomez clash",
                                                   date(2020, 12, 14), "Invented Gazette")


def test_the_options_win_over_the_front_matter(env, tmp_path, capsys):
    f = write(tmp_path, "notes.md", FRONT_MATTER + BODY)
    assert main(["add", str(f), "--no-build", "--source", "The Athletic", "--published", "2020-12-15"]) == 0
    [entry] = sidecar(env).values()
    assert (entry["published"], entry["source"], entry["url"]) == ("2020-12-15", "The Athletic", "https://example.org/clash")


def test_a_file_with_front_matter_is_a_duplicate_of_the_same_article_without_it(env, tmp_path, capsys):
    plain = write(tmp_path, "plain.txt", "Invented test article: Gasperini and Gomez clash\n\n" + BODY)
    assert main(["add", str(plain), "--no-build"]) == 0
    before = snapshot(env)
    f = write(tmp_path, "notes.md", FRONT_MATTER + BODY)
    assert main(["add", str(f), "--no-build"]) == 0
    assert "duplicate: notes.md: this text is already stored" in capsys.readouterr().out
    assert snapshot(env) == before


@pytest.mark.parametrize("line,message", [
    ("date: 2099-01-01", "notes.md: in its front matter, the publication date 2099-01-01 " + FUTURE),
    ("date: last Sunday", re.escape("notes.md: in its front matter, the publication date 'last Sunday' is not a date")),
    ("url: javascript:alert(1)", re.escape("notes.md: in its front matter, the URL 'javascript:alert(1)' is not a web address")),
    ("language: english", re.escape("notes.md: in its front matter, the language 'english' is not a language code")),
])
def test_bad_front_matter_is_refused_like_bad_options(env, tmp_path, capsys, line, message):
    f = write(tmp_path, "notes.md", f"---\ntitle: A headline\n{line}\n---\n{BODY}")
    assert main(["add", str(f), "--no-build"]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"^refused: notes.md: {message}.*; nothing was stored$", err, re.M), err
    assert snapshot(env) == {}


def test_front_matter_without_text_is_refused(env, tmp_path, capsys):
    f = write(tmp_path, "empty.md", "---\ntitle: Only a title\n---\n\n")
    assert main(["add", str(f), "--no-build"]) == 1
    assert ("refused: empty.md: empty.md has front matter but no article text after it; nothing was stored"
            in capsys.readouterr().err)
    assert snapshot(env) == {}


def test_a_markdown_rule_is_never_the_headline(env, tmp_path, capsys):
    f = write(tmp_path, "rule.md", "---\n\n# Atalanta beat Fiorentina: a report\n\n---\n\n" + BODY)
    assert main(["add", str(f), "--no-build"]) == 0
    out = capsys.readouterr().out
    [stored] = (env / "articles").glob("*.txt")
    assert "(en, headline: 'Atalanta beat Fiorentina: a report')" in out
    assert stored.read_text(encoding="utf-8").startswith("---\n")      # not front matter: kept as given


# ----------------------------------------------------------------------------- 15: NUL bytes

def test_a_nul_byte_after_the_first_8_kb_is_refused(env, tmp_path, capsys):
    text = ARTICLE.encode() + b"Atalanta won again. " * 500
    f = write(tmp_path, "late.txt", text + b"\x00" + b" The end.\n")
    assert main(["add", str(f), "--no-build"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"refused: late.txt: late.txt contains a NUL byte (at byte {len(text)}), which no text article has: "
        "the file is damaged or not text; nothing was stored"]
    assert snapshot(env) == {}


# ----------------------------------------------------------------------------- the build

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`python -m fanboard build` of one folder with every case; (stderr, articles table)."""
    d = tmp_path_factory.mktemp("articles")
    write(d, "fm.md", "---\ntitle: Invented test article: front matter\ndate: 2020-12-14\n"
                      "source: From the front matter\nurl: https://example.org/fm\nlanguage: en\n---\n\n" + BODY)
    write(d, "fmfuture.md", "---\ntitle: Invented test article: dated in the future\ndate: 2099-01-01\n---\n" + BODY)
    write(d, "fmjs.md", "---\ntitle: Invented test article: script url\nurl: javascript:alert(1)\n---\n" + BODY)
    write(d, "rule.md", "---\nInvented test article: a rule, not front matter\n---\n\n" + BODY)
    write(d, "future.txt", "Invented test article: sidecar date in the future\n\n" + BODY)
    write(d, "js.txt", "Invented test article: sidecar script url\n\n" + BODY)
    write(d, "late-nul.txt", ARTICLE.encode() + b"Atalanta won again. " * 500 + b"\x00 The end.\n")
    write(d, "articles.toml", '[fm]\nsource = "From the sidecar"\n\n[future]\npublished = "2099-01-01"\n\n'
                              '[js]\nurl = "javascript:alert(1)"\nsource = "Invented Gazette"\n')
    out = tmp_path_factory.mktemp("tables")
    proc = subprocess.run([sys.executable, "-m", "fanboard", "build", "--no-cache", "--articles", str(d), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return proc, read_table(out / "articles.csv") if (out / "articles.csv").exists() else None, d


def test_the_build_reads_front_matter_as_metadata_and_the_sidecar_wins(built):
    proc, articles, _ = built
    assert proc.returncode == 0, proc.stderr
    row = articles.set_index("article_id").loc["fm"]
    assert (row["headline"], row["published"], row["source"], row["url"], row["language"]) == (
        "Invented test article: front matter", "2020-12-14", "From the sidecar", "https://example.org/fm", "en")
    assert articles.set_index("article_id").loc["rule", "headline"] == "Invented test article: a rule, not front matter"
    assert "---" not in set(articles["headline"])


def test_the_build_drops_script_urls_with_a_warning(built):
    proc, articles, d = built
    by_id = articles.set_index("article_id")
    assert by_id.loc["js", "url"] == "" and by_id.loc["js", "source"] == "Invented Gazette"
    assert by_id.loc["fmjs", "url"] == ""
    assert f"warning: {d / 'js.txt'}: js.txt: url 'javascript:alert(1)' is not an http:// or https:// address; it was dropped" in proc.stderr
    assert f"warning: {d / 'fmjs.md'}: fmjs.md: url 'javascript:alert(1)' is not an http:// or https:// address; it was dropped" in proc.stderr
    assert not any("javascript" in u for u in articles["url"])


def test_the_build_refuses_future_dates_and_nul_bytes_naming_the_file(built):
    proc, articles, d = built
    assert re.search(rf"^skipped: {re.escape(str(d / 'future.txt'))}: future.txt: published 2099-01-01 {FUTURE}; fix the date$",
                     proc.stderr, re.M), proc.stderr
    assert re.search(rf"^skipped: {re.escape(str(d / 'fmfuture.md'))}: fmfuture.md \(front matter\): published 2099-01-01 "
                     rf"{FUTURE}; fix the date$", proc.stderr, re.M), proc.stderr
    assert re.search(rf"^skipped: {re.escape(str(d / 'late-nul.txt'))}: late-nul.txt contains a NUL byte \(at byte \d+\)",
                     proc.stderr, re.M), proc.stderr
    assert {"future", "fmfuture", "late-nul"}.isdisjoint(articles["article_id"])
    assert not any(str(p).startswith("209") for p in articles["published"])


# ----------------------------------------------------------------------------- the Add page

@pytest.fixture(autouse=False)
def page_data(tmp_path, monkeypatch):
    """The app on private tables and store; each AppTest run remembers st.navigation (see test_add_page.py)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    d = tmp_path / "data"
    shutil.copytree(FIXTURE_TABLES, d / "tables")
    monkeypatch.setenv("FANBOARD_TABLES", str(d / "tables"))
    monkeypatch.setenv("FANBOARD_ARTICLES", str(d / "articles"))
    monkeypatch.setenv("FANBOARD_CACHE", str(d / "cache"))
    return d


def paste(text: str, **meta) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/add_article.py").run()
    at.text_area(key="paste_text_0").set_value(text)
    for k, v in meta.items():
        at.text_input(key=f"paste_0_{k}").set_value(v)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("meta,message", [
    ({"published": "2099-01-01"}, "the publication date 2099-01-01 " + FUTURE + "; give the day the article was published"),
    ({"url": "data:text/html,<b>x</b>"}, re.escape("the URL 'data:text/html,<b>x</b>' is not a web address")),
])
def test_the_page_refuses_future_dates_and_non_web_urls(page_data, meta, message):
    before = snapshot(page_data)
    at = paste(ARTICLE, **meta)
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any(re.search(message, e) for e in errors), errors
    [save] = [b for b in at.button if b.key == "paste_save_0"]
    assert save.disabled
    assert snapshot(page_data) == before


def test_the_page_says_a_near_duplicate_of_a_seed_is_already_stored(page_data):
    text = SEED.read_text(encoding="utf-8").replace(". ", ".  ") + "\n\n\n"
    at = paste(text)
    infos = [i.value.replace("\\", "") for i in at.info]
    assert "This text is already stored (as seeds/001_6400d61ffa6bd79a.txt); saving will skip it." in infos
    assert snapshot(page_data / "articles") == {}


def test_the_page_reads_pasted_front_matter(page_data):
    at = paste(FRONT_MATTER + BODY)
    assert "**Invented test article: Gasperini and Gomez clash**" in [m.value.replace("\\", "") for m in at.markdown]
    [shown] = [t.value for t in at.text_area if t.key and t.key.startswith("text_paste_")]
    assert shown == "Invented test article: Gasperini and Gomez clash\n\n" + BODY
    assert any("front matter read as metadata" in c.value for c in at.caption)
