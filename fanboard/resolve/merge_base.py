"""What every part of the merge shares: the claims of all articles, their publication windows,
the links to the calendar, and the provenance and contradiction rows the merge writes.

The merge itself is ``merge.Assembler``, made of one part per claim kind (merge_matches,
merge_statuses, merge_events, merge_situation); each part is a class over this base.
"""
from __future__ import annotations

from ..extract.claims import ArticleClaims, Provenance
from ..ingest import Article
from ..kb import KB
from ..text import slug
from .reconcile import Link, Reconciler, Window


_NO_WINDOW = Window()


def provenance_rows(table: str, key: str, provs: list[Provenance]) -> list[dict]:
    """The provenance table's rows for one merged row (`key`), one per sentence it was taken from."""
    return [{"table": table, "row_key": key, "article_id": p.article_id, "sentence_start": p.start,
             "sentence_end": p.end, "certainty": p.certainty, "quote": p.quote} for p in provs]


class AssemblerBase:
    """State shared by the merge parts; ``claim_to_match`` is filled by the match merge and read
    by the others (through ``match_id_of``), which is why matches are merged first."""

    def __init__(self, kb: KB, rec: Reconciler, articles: list[Article], claims: dict[str, ArticleClaims],
                 windows: dict[str, Window], links: dict[str, Link]):
        self.kb, self.rec = kb, rec
        self.articles = {a.id: a for a in articles}
        self.claims = claims
        self.windows = windows
        self.links = links
        self.provenance: list[dict] = []
        self.contradictions: list[dict] = []
        self.claim_to_match: dict = {}   # claim key -> merge_matches.MatchRow
        self._clubs: dict = {}           # name -> its KB club or None (club_of)

    def club_of(self, name: str):
        """The KB club of a name (None when it names none), looked up once per name."""
        try:
            return self._clubs[name]
        except KeyError:
            club = self._clubs[name] = self.kb.club(name)
            return club

    def club_id(self, name: str | None) -> str:
        """The KB id of a club, else a slug of the name as written ("unknown" without a name)."""
        c = self.club_of(name) if name else None
        return c.id if c else (slug(name) if name else "unknown")

    def window_of(self, article_id: str) -> Window:
        """The article's publication window (an empty one, never to be changed, when it has none)."""
        return self.windows.get(article_id) or _NO_WINDOW

    def as_of(self, article_id: str) -> str:
        w = self.window_of(article_id)
        return w.hi.isoformat() if w.hi else ""

    def match_id_of(self, key: str | None) -> str:
        """The match_id of the merged match a claim key belongs to ("" when none)."""
        if not key:
            return ""
        mr = self.claim_to_match.get(key)
        return mr.match_id if mr else ""
