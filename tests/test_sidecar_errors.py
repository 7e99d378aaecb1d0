"""A broken metadata sidecar, or a bad date in it, stops the build with the file, line and column;
the tables stay as they were, in the CLI and in the app (issue 11, item 4)."""
from __future__ import annotations

import pytest

from fanboard.__main__ import main
from fanboard.ingest import article_files

from writers import data_dir, NEW_ARTICLE, DataDir, errors, open_app, shown, snapshot

# A sidecar as a person might edit it by hand; {id} is the stored article.
GOOD = '["{id}"]\nsource = "Invented Gazette"\npublished = "2020-12-14"\n'
BROKEN = {
    "unclosed string": ('["{id}"]\nsource = "Invented Gazette\npublished = "2020-12-14"\n',
                        "line 2, column 27: is not valid TOML: Illegal character '\\n'"),
    "missing bracket": ('["{id}"\nsource = "Invented Gazette"\n',
                        "line 1, column 24: is not valid TOML: Expected ']' at the end of a table declaration"),
    "impossible date": ('["{id}"]\nsource = "Invented Gazette"\npublished = "2020-14-12"\n',
                        "line 3, column 13: the article '{id}' has published = '2020-14-12', which is not a date; "
                        "write it as YYYY-MM-DD, e.g. 2020-12-21"),
    "date as a number": ('["{id}"]\nsource = "Invented Gazette"\n  published = 20201214\n',
                         "line 3, column 15: the article '{id}' has published = 20201214, which is not a date; "
                         "write it as YYYY-MM-DD, e.g. 2020-12-21"),
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def data(tmp_path, cache, monkeypatch) -> DataDir:
    return data_dir(tmp_path, cache, monkeypatch)


def stored_article(data: DataDir, capsys) -> str:
    """One article added with its source and date, and the tables built: returns its id."""
    assert main(["add", str(data.inbox("gazette.txt", NEW_ARTICLE)), "--source", "Invented Gazette",
                 "--published", "2020-12-14"]) == 0
    capsys.readouterr()
    [path] = article_files(data.articles)
    return path.stem


@pytest.mark.parametrize("case", list(BROKEN))
def test_build_stops_at_a_broken_sidecar_and_leaves_the_tables_as_they_were(data, capsys, case):
    article_id = stored_article(data, capsys)
    text, where = BROKEN[case]
    sidecar = data.articles / "articles.toml"
    sidecar.write_text(text.format(id=article_id), encoding="utf-8")
    before = snapshot(data.root)
    assert main(["build"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"error: {sidecar}, {where.format(id=article_id)}\n"
                   f"nothing was built; the tables in {data.tables} stay as they were\n")
    assert snapshot(data.root) == before
    # fixed by hand, the next build goes through and keeps the metadata
    sidecar.write_text(GOOD.format(id=article_id), encoding="utf-8")
    assert main(["build"]) == 0
    assert "Invented Gazette" in (data.tables / "articles.csv").read_text(encoding="utf-8")


def test_a_sidecar_that_is_not_utf8_is_named_with_its_line(data, capsys):
    article_id = stored_article(data, capsys)
    (data.articles / "articles.toml").write_bytes(f'["{article_id}"]\nsource = "Gazzetta caf\xe9"\n'.encode("latin-1"))
    before = snapshot(data.root)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "articles.toml, line 2, column 23: is not UTF-8 text (byte 0xE9); save it as UTF-8" in err
    assert snapshot(data.root) == before


def test_a_bad_date_in_articles_csv_names_the_line(tmp_path, capsys):
    folder, out = tmp_path / "articles", tmp_path / "tables"
    folder.mkdir()
    (folder / "report.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (folder / "articles.csv").write_text("file,source,published\nreport.txt,Invented Gazette,2020-12-14\n", encoding="utf-8")
    assert main(["build", "--articles", str(folder), "--out", str(out), "--no-cache"]) == 0
    before = snapshot(out)
    (folder / "articles.csv").write_text("file,source,published\nreport.txt,Invented Gazette,14/12/2020\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--articles", str(folder), "--out", str(out), "--no-cache"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"error: {folder / 'articles.csv'}, line 2: the article 'report' has published = '14/12/2020', "
        "which is not a date; write it as YYYY-MM-DD, e.g. 2020-12-21")
    assert snapshot(out) == before


def test_the_app_shows_a_broken_sidecar_and_keeps_showing_the_old_tables(data, capsys, monkeypatch):
    article_id = stored_article(data, capsys)
    text, where = BROKEN["impossible date"]
    (data.articles / "articles.toml").write_text(text.format(id=article_id), encoding="utf-8")
    before = snapshot(data.root)
    at = open_app(monkeypatch, data, "sources")
    assert errors(at) == [
        "The tables could not be rebuilt, because an article metadata file is broken: articles.toml in the "
        f"folder 'articles', {where.format(id=article_id)}. Fix that file and reload the page. "
        "Until then the tables of the last good build are shown."
    ]
    page = shown(at)
    assert "Invented test article: Atalanta win at Sassuolo" in page and "Invented Gazette" in page
    assert str(data.root) not in page
    assert snapshot(data.root) == before


def test_add_refuses_to_write_next_to_a_broken_sidecar(data, capsys):
    article_id = stored_article(data, capsys)
    text, where = BROKEN["unclosed string"]
    (data.articles / "articles.toml").write_text(text.format(id=article_id), encoding="utf-8")
    before = snapshot(data.root)
    assert main(["add", str(data.inbox("other.txt", "Invented: another one\n\nAtalanta lost 0-3 at home.\n"))]) == 2
    assert capsys.readouterr().err == (
        f"error: the store's metadata file articles.toml in the folder 'articles', {where}; "
        "fix it before adding articles\n")
    assert snapshot(data.root) == before
