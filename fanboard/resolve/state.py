"""Reconcile state kept between builds, so that a rebuild after an add redoes only what changed.

What is kept (one JSON file, ``<state_dir>/windows.json``):
  for every article, keyed by a digest of what its publication window depends on (its id,
  stated day and dateline, its match claims, its "since <year>" statuses and "<n> years ago"
  expressions), the result of each of the ``WINDOW_ROUNDS`` rounds of window inference run on
  that article alone: whether the round changed something, the window (lo, hi, evidence) and
  the links of the article's match claims to fixtures (fixture id, how, round it was made).

Why per article is exact: a round reads and writes only one article's window and the links of
its own claims (``Reconciler.window_round``); the only thing the articles share is how many
rounds run (until a round in which no article changed, at most ``WINDOW_ROUNDS``). So the full
inference is: each article's rounds on its own, then the number of rounds from every
article's "changed" flags, then each article's state after that many rounds. An article whose
digest is unchanged takes its rounds from the state; a new or changed one runs them (after an
add: one article). The file's header holds the format, a fingerprint of the code that computes
windows and the reference data's fingerprint (``Reconciler.fingerprint``): any difference,
or a file that cannot be read or has the wrong shape, means no state (every article is
computed), never a crash. The file is written to a temporary file and renamed into place, so a
kill leaves the old state or the new one. A process that builds again (the app) also keeps the
digests and the state it last read or wrote in memory, trusted while the file's stat is the
same (another writer, or a hand edit, changes it).

What is recomputed on every build: everything that merges several articles (calendar links by
shared statuses, matches, statuses, goals, events and their numbering, situation checks and
contradictions). Those steps look their candidates up by key (fixtures by team and opponent,
events by type and match or actor), so they take time in proportion to the claims, not to
their pairs; they give the same rows as without the state because they run on the same
windows and links.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

from ..extract.claims import ArticleClaims
from ..ingest import Article
from .reconcile import WINDOW_ROUNDS, Link, Reconciler, Window, stated_month

FORMAT = 1
FILE = "windows.json"
_SOURCES = ("reconcile.py", "timeexpr.py", "state.py")


def code_fingerprint() -> str:
    """A digest of the code that computes windows and links (this folder's modules)."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    h.update((here.parent / "extract" / "claims.py").read_bytes())
    return h.hexdigest()[:32]


# Within one process (the app after an add): the digests of the claims objects the last build
# used (the claim cache hands out the same objects while their entries are unchanged), and the
# state as last read or written, with the stat of its file, so a rebuild neither digests every
# article again nor reads and checks the whole file when nobody else changed it.
_DIGESTS: dict[int, tuple] = {}
_MEMO: dict[Path, tuple] = {}


def _digest_of(a: Article, ac: ArticleClaims, used: dict[int, tuple]) -> str:
    key = (a.id, a.published, getattr(a, "dateline", "") or "")
    known = _DIGESTS.get(id(ac))
    if known is not None and known[0] is ac and known[1] == key:
        used[id(ac)] = known
        return known[2]
    digest = article_digest(a, ac)
    used[id(ac)] = (ac, key, digest)
    return digest


def _stat(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def article_digest(a: Article, ac: ArticleClaims) -> str:
    """A digest of everything an article's window inference reads."""
    since = [s.time for s in ac.statuses if s.time is not None and s.time.kind == "since_year"]
    ago = [t for t, _ in ac.times if t.kind == "years_ago"]
    # every field of the match claims but where their sentences stand (a window reads none of that)
    matches = [tuple(v for k, v in vars(c).items() if k != "provenance") for c in ac.matches]
    # repr, not pickle: the same claims parsed now or read from the claim cache give the same text
    data = repr((a.id, a.published, getattr(a, "dateline", "") or "", stated_month(a), matches, since, ago)).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def article_rounds(rec: Reconciler, a: Article, ac: ArticleClaims) -> list[list]:
    """The article's state after each round run on it alone:
    [changed, lo, hi, evidence, [[claim key, fixture id, how, round], ...]] per round."""
    w = rec.first_window(a)
    links: dict[str, Link] = {}
    made: dict[str, int] = {}
    rounds = []
    for r in range(WINDOW_ROUNDS):
        changed = rec.window_round(a, ac, w, links)
        for k in links:
            made.setdefault(k, r)
        rounds.append([changed, _iso(w.lo), _iso(w.hi), list(w.evidence),
                       [[k, link.fixture["fixture_id"], link.how, made[k]] for k, link in links.items()]])
    return rounds


def infer_windows(rec: Reconciler, articles: list[Article], claims: dict[str, ArticleClaims],
                  state_dir: Path) -> tuple[dict[str, Window], dict[str, Link]]:
    """``rec.infer_windows(articles, claims)``, with each article's rounds taken from the state
    in `state_dir` when its digest is unchanged; the state is updated for the next build."""
    by_id = {f["fixture_id"]: f for f in rec._fx_records}
    if len(by_id) != len(rec._fx_records):      # fixtures without one id each: no state
        return rec.infer_windows(articles, claims)
    header = {"format": FORMAT, "code": code_fingerprint(), "reference": list(rec.fingerprint)}
    path = Path(state_dir) / FILE
    signature = _stat(path)
    memo = _MEMO.get(path.absolute())
    trusted = memo is not None and signature is not None and memo[0] == signature and memo[1] == header
    old = memo[2] if trusted else _read(path, header)       # entries this process wrote are known to fit
    entries: dict[str, dict] = {}
    used: dict[int, tuple] = {}
    for a in articles:
        digest = _digest_of(a, claims[a.id], used)
        entry = old.get(a.id)
        if not (isinstance(entry, dict) and entry.get("digest") == digest and
                (trusted or _fits(entry.get("rounds"), by_id))):
            entry = {"digest": digest, "rounds": article_rounds(rec, a, claims[a.id])}
        entries[a.id] = entry
    _DIGESTS.clear()
    _DIGESTS.update(used)
    if entries != old:
        _write(path, {**header, "articles": entries})
        signature = _stat(path)
    _MEMO.clear()
    if signature is not None:
        _MEMO[path.absolute()] = (signature, header, entries)
    # rounds run until one in which no article changed (at most WINDOW_ROUNDS)
    ran = next((r + 1 for r in range(WINDOW_ROUNDS) if not any(e["rounds"][r][0] for e in entries.values())),
               WINDOW_ROUNDS)
    windows: dict[str, Window] = {}
    made: list[tuple] = []
    for n, a in enumerate(articles):
        _, lo, hi, evidence, links = entries[a.id]["rounds"][ran - 1]
        windows[a.id] = Window(_day(lo), _day(hi), list(evidence))
        made += [(r, n, i, k, fid, how) for i, (k, fid, how, r) in enumerate(links)]
    made.sort(key=lambda x: x[:3])          # the order the full inference makes them in
    return windows, {k: Link(by_id[fid], how) for _, _, _, k, fid, how in made}


def _fits(rounds, by_id: dict) -> bool:
    """Does a stored entry have the shape ``article_rounds`` gives, with fixtures that exist?"""
    try:
        if len(rounds) != WINDOW_ROUNDS:
            return False
        for changed, lo, hi, evidence, links in rounds:
            if not (isinstance(changed, bool) and all(isinstance(e, str) for e in evidence)):
                return False
            _day(lo), _day(hi)
            for k, fid, how, r in links:
                if not (isinstance(k, str) and fid in by_id and isinstance(how, str) and isinstance(r, int)):
                    return False
        return True
    except (TypeError, ValueError):
        return False


def _read(path: Path, header: dict) -> dict:
    """The stored entries when the file is ours and of this code and reference data, else {}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in header.items()):
        return {}
    entries = data.get("articles")
    return entries if isinstance(entries, dict) else {}


def _write(path: Path, data: dict) -> None:
    """Write the state atomically (a temporary file renamed into place); a failure only costs
    a full inference next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))   # the C encoder
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(value) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("a day is written as text")
    return date.fromisoformat(value)
