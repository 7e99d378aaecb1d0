"""Reading a folder again in one process gives exactly what a fresh read gives. Texts are invented."""
from __future__ import annotations

from pathlib import Path

from fanboard import rereading
from fanboard.ingest import read_articles

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "seeds", ROOT / "tests" / "data" / "invented" / "articles",
        ROOT / "tests" / "data" / "invented2" / "articles"]


def fresh(folders):
    """A read with nothing remembered."""
    saved = dict(rereading._KNOWN)
    rereading._KNOWN.clear()
    try:
        return read_articles(folders)
    finally:
        rereading._KNOWN.clear()
        rereading._KNOWN.update(saved)


def write_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "plain.txt").write_text(
        "Rivertown beat Ashford\n\nRivertown won 2-1 at home on Sunday, and the coach was happy with it.\n",
        encoding="utf-8")
    (folder / "old.txt").write_bytes(
        "Orbury wint\n\nDe trainer van Orbury was niet blij met het café, zei hij na de wedstrijd.".encode("cp1252"))
    (folder / "front.md").write_text(
        "---\ntitle: Elmwood stay top\ndate: 2021-01-10\nsource: Invented Post\n---\n"
        "Elmwood drew 0-0 with Orbury and they are still top of the league.\n", encoding="utf-8")
    (folder / "dated.txt").write_text(
        "Ashford lose again\n\n12 January 2021\n\nAshford lost 3-0 away to Elmwood, and the fans left early.\n",
        encoding="utf-8")
    (folder / "articles.toml").write_text('[plain]\npublished = "2021-01-04"\nurl = "ftp://nowhere"\n',
                                          encoding="utf-8")


def test_a_second_read_equals_a_fresh_read(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder)
    folders = SETS + [folder]
    first = read_articles(folders)
    again = read_articles(folders)
    assert again == first == fresh(folders)
    assert len(first[0]) > 10 and first[1]         # articles, and warnings about some of them
    assert [(a.id, a.published and a.published.isoformat(), a.url, a.source, len(a.warnings))
            for a in again[0][-4:]] == [
        ("dated", "2021-01-12", "", "", 0), ("front", "2021-01-10", "", "Invented Post", 0),
        ("old", None, "", "", 1), ("plain", "2021-01-04", "", "", 1)]


def test_what_changed_is_read_again(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder)
    read_articles(folder)
    articles, _ = read_articles(folder)
    {a.id: a for a in articles}["front"].warnings.append("added by a caller")     # not seen by the next read

    plain = folder / "plain.txt"
    text = plain.read_text(encoding="utf-8")
    plain.write_text(text.replace("2-1", "3-1"), encoding="utf-8")          # same size, other bytes
    (folder / "articles.toml").write_text('[plain]\npublished = "2021-01-05"\n[old]\nsource = "Invented Daily"\n',
                                          encoding="utf-8")
    (folder / "dated.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    articles, messages = read_articles(folder)
    assert (articles, messages) == fresh(folder)
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == ["front", "old", "plain"]
    assert "won 3-1" in by_id["plain"].text and by_id["plain"].published.isoformat() == "2021-01-05"
    assert by_id["plain"].warnings == [] and by_id["old"].source == "Invented Daily"
    assert by_id["front"].warnings == []
    assert [m.message for m in messages if m.level == "skipped"] == ["dated.txt is a PNG image, not a text article"]


def test_a_sidecar_broken_after_a_good_read_still_stops_the_build(tmp_path):
    import pytest
    from fanboard.ingest import SidecarError
    folder = tmp_path / "articles"
    write_folder(folder)
    read_articles(folder)
    (folder / "articles.toml").write_text('[plain]\npublished = "soon"\n', encoding="utf-8")
    with pytest.raises(SidecarError, match="published = 'soon'"):
        read_articles(folder)
    (folder / "articles.toml").write_text('[plain]\npublished = "2021-01-04"\nurl = "ftp://nowhere"\n',
                                          encoding="utf-8")
    assert read_articles(folder) == fresh(folder)
