"""The claim cache is data (JSON), not code: whatever is in data/cache, a build gives the same
tables as a build without a cache, and nothing in there is ever executed."""
from __future__ import annotations

import dataclasses
import json
import os
import pickle
from pathlib import Path

import pytest

from fanboard import cache, pipeline
from fanboard.extract.article import Extractor
from fanboard.extract.claims import ArticleClaims
from fanboard.ingest import read_articles
from fanboard.nlp import default_pipelines
from fanboard.resolve.timeexpr import TimeExpr

ROOT = Path(__file__).resolve().parents[1]
DIRS = [ROOT / "seeds", ROOT / "tests" / "data" / "invented" / "articles",
        ROOT / "tests" / "data" / "invented2" / "articles"]


def tables_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(Path(folder).glob("*.csv"))}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, bytes]:
    """The tables of a build without any cache."""
    out = tmp_path_factory.mktemp("no-cache")
    pipeline.build(DIRS, out, cache_dir=None)
    return tables_bytes(out)


@pytest.fixture(scope="module")
def n_articles() -> int:
    return len(read_articles(DIRS)[0])


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + cache.SUFFIX))


def test_claims_come_back_from_json_exactly_as_they_were():
    articles, _ = read_articles(DIRS)
    extractor = Extractor(default_pipelines())
    n_times = 0
    for a in articles:
        claims = extractor.extract(a)
        back = cache.decode(json.loads(json.dumps(cache.encode(claims, ArticleClaims, a.text))), ArticleClaims, a.text)
        assert back == claims, a.id
        assert all(isinstance(m.anchor, tuple) for m in back.matches)
        n_times += sum(isinstance(t, TimeExpr) and isinstance(t.value, tuple) for t, _ in back.times)
    assert n_times > 10          # the material has time expressions, so their round trip is tested


def test_a_cached_build_gives_the_tables_of_a_build_without_cache(tmp_path, reference, n_articles):
    first = pipeline.build(DIRS, tmp_path / "t1", cache_dir=tmp_path / "cache")
    assert first.parsed == n_articles and len(entries(tmp_path / "cache")) == n_articles
    # besides the entries only the reconcile state (fanboard.resolve.state), one whole file
    assert [p.name for p in (tmp_path / "cache").iterdir() if not p.name.endswith(cache.SUFFIX)] == ["reconcile"]
    assert [p.name for p in (tmp_path / "cache" / "reconcile").iterdir()] == ["windows.json"]
    second = pipeline.build(DIRS, tmp_path / "t2", cache_dir=tmp_path / "cache")
    assert second.parsed == 0
    assert tables_bytes(tmp_path / "t1") == tables_bytes(tmp_path / "t2") == reference


def _garbage(path: Path, other: Path) -> bytes:
    return b"\x80\x00\xffnot json at all"


def _truncated(path: Path, other: Path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


FIELDS = [f.name for f in dataclasses.fields(ArticleClaims)]     # an entry lists them in this order


def _wrong_field_type(path: Path, other: Path) -> bytes:
    data = json.loads(path.read_bytes())
    data[FIELDS.index("matches")] = "no list"
    return json.dumps(data).encode()


def _missing_field(path: Path, other: Path) -> bytes:
    data = json.loads(path.read_bytes())
    del data[FIELDS.index("warnings")]
    return json.dumps(data).encode()


def _unknown_class(path: Path, other: Path) -> bytes:
    data = json.loads(path.read_bytes())
    data[FIELDS.index("times")] = [[{"$type": "system", "$fields": ["touch pwned"]}, None]]
    return json.dumps(data).encode()


def _extra_field(path: Path, other: Path) -> bytes:
    return json.dumps(json.loads(path.read_bytes()) + ["one more"]).encode()


def _format_1(path: Path, other: Path) -> bytes:
    """The entry as the first format (tagged objects) wrote it."""
    data = json.loads(path.read_bytes())
    return json.dumps({"$type": "ArticleClaims", **dict(zip(FIELDS, data))}).encode()


def _another_article(path: Path, other: Path) -> bytes:
    return other.read_bytes()


def _pickle(path: Path, other: Path) -> bytes:
    return pickle.dumps(Boom(path.parent / "pwned"))


class Boom:
    """A pickle that creates a file when it is loaded: it must never be loaded."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


CORRUPTIONS = {
    "empty": lambda path, other: b"",
    "garbage bytes": _garbage,
    "truncated": _truncated,
    "a JSON list": lambda path, other: b"[]",
    "a JSON number": lambda path, other: b"42",
    "an empty object": lambda path, other: b"{}",
    "only a type": lambda path, other: b'{"$type": "ArticleClaims"}',
    "a wrong field type": _wrong_field_type,
    "a missing field": _missing_field,
    "an extra field": _extra_field,
    "the first format": _format_1,
    "an unknown class": _unknown_class,
    "another article's claims": _another_article,
    "deep nesting": lambda path, other: b"[" * 100_000 + b"]" * 100_000,
    "a pickle": _pickle,
}


def test_unreadable_entries_are_misses_and_are_overwritten(tmp_path, reference, n_articles):
    """Every kind of bad entry, one per article (two rounds: there are more kinds than articles)."""
    folder = tmp_path / "cache"
    pipeline.build(DIRS, None, cache_dir=folder, write=False)
    paths = entries(folder)
    assert len(paths) == n_articles
    kinds = list(CORRUPTIONS)
    articles, _ = read_articles(DIRS)
    for round_ in range(0, len(kinds), n_articles):
        batch = kinds[round_:round_ + n_articles]
        for path, other, kind in zip(paths, paths[1:] + paths[:1], batch):
            path.write_bytes(CORRUPTIONS[kind](path, other))
        result = pipeline.build(DIRS, tmp_path / f"tables{round_}", cache_dir=folder)
        assert result.parsed == len(batch) and not result.skipped, batch
        assert tables_bytes(tmp_path / f"tables{round_}") == reference, batch
        assert not (folder / "pwned").exists()
        fresh = cache.ClaimCache(folder)
        assert all(fresh.get(a) is not None for a in articles)     # rewritten, readable again
        assert entries(folder) == paths


def test_an_old_pickle_cache_is_never_opened(tmp_path, reference, n_articles):
    folder = tmp_path / "cache"
    folder.mkdir()
    fingerprint = cache.rules_fingerprint()
    for a in read_articles(DIRS)[0]:          # where the pickle cache kept them
        old = folder / f"{a.id}-{a.content_hash[:16]}-{a.language}-{fingerprint}.pickle"
        old.write_bytes(pickle.dumps(Boom(folder / "pwned")))
    result = pipeline.build(DIRS, tmp_path / "tables", cache_dir=folder)
    assert result.parsed == n_articles
    assert tables_bytes(tmp_path / "tables") == reference
    assert not (folder / "pwned").exists()


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path, reference, n_articles):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    for out in ("t1", "t2"):
        result = pipeline.build(DIRS, tmp_path / out, cache_dir=blocked)
        assert result.parsed == n_articles
        assert tables_bytes(tmp_path / out) == reference
    assert blocked.read_text() == "a file where the cache folder should be"


def test_an_entry_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    article = read_articles(DIRS)[0][0]
    claims = Extractor(default_pipelines()).extract(article)
    c = cache.ClaimCache(tmp_path / "cache")
    assert c.put(article, claims) and c.get(article) == claims
    before = {p.name: p.read_bytes() for p in (tmp_path / "cache").iterdir()}

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    claims.warnings.append("changed")
    assert c.put(article, claims) is False
    assert {p.name: p.read_bytes() for p in (tmp_path / "cache").iterdir()} == before   # old entry, no temp file


def test_entry_names_are_safe_whatever_the_id_and_language(tmp_path):
    from fanboard.ingest import Article
    a = Article("../../etc/x" + "y" * 300, Path("x.txt"), "text", "text", "../../evil")
    path = cache.ClaimCache(tmp_path).path(a)
    assert path.parent == tmp_path and len(path.name) < 120 and path.name.endswith(cache.SUFFIX)


PROV = ["a", 0, 5, "Hello", "confirmed"]          # a Provenance: its fields in their order


@pytest.mark.parametrize("change", [
    {1: "0"}, {1: True}, {1: 1.5}, {3: None}, {3: 5}, {5: "one field too many"},
])
def test_decode_checks_every_field_against_its_declared_type(change):
    from fanboard.extract.claims import Provenance
    assert cache.decode(PROV, Provenance) == Provenance("a", 0, 5, "Hello", "confirmed")
    bad = list(PROV) + [None] * (max(change) + 1 - len(PROV))
    for index, value in change.items():
        bad[index] = value
    with pytest.raises(cache.Shape):
        cache.decode(bad, Provenance)
    for other in ({"$type": "Provenance", **dict(zip(["article_id", "start", "end", "quote", "certainty"], PROV))},
                  PROV[:4], "Hello"):
        with pytest.raises(cache.Shape):
            cache.decode(other, Provenance)


def test_a_quote_that_is_the_text_between_its_offsets_is_stored_once():
    from fanboard.extract.claims import Provenance
    text = "Hello there. The Rivertown keeper was injured on Sunday."
    quote = Provenance("a", 13, 56, text[13:56], "reported")
    moved = Provenance("a", 0, 5, "Howdy", "reported")      # not the text at its offsets: kept as written
    assert cache.encode(quote, Provenance, text) == ["a", 13, 56, None, "reported"]
    assert cache.encode(moved, Provenance, text) == ["a", 0, 5, "Howdy", "reported"]
    assert cache.decode(cache.encode(quote, Provenance, text), Provenance, text) == quote
    assert cache.decode(cache.encode(moved, Provenance, text), Provenance, text) == moved
    with pytest.raises(cache.Shape):          # without the text, a missing quote does not fit
        cache.decode(["a", 13, 56, None, "reported"], Provenance)


def test_decode_checks_tuples_and_optional_values():
    from fanboard.extract.claims import MatchClaim
    claim = MatchClaim(key="a#m1", article_id="a", subject="X", opponent=None, anchor=(3, 4))
    data = cache.encode(claim, MatchClaim)
    assert cache.decode(data, MatchClaim) == claim
    names = [f.name for f in dataclasses.fields(MatchClaim)]
    for field, value in (("anchor", [3]), ("anchor", {"$tuple": [3, 4]}), ("anchor", [3, "4"]),
                         ("opponent", 7), ("provenance", {}), ("time", {"$type": "Path", "$fields": ["/"]})):
        bad = list(data)
        bad[names.index(field)] = value
        with pytest.raises(cache.Shape):
            cache.decode(bad, MatchClaim)
    with pytest.raises(TypeError):
        cache.encode(claim.__class__.__mro__)            # not a claim value: never written
    with pytest.raises(TypeError):
        cache.encode(dataclasses.replace(claim, anchor=[3, 4]), MatchClaim)     # a list where a tuple belongs
