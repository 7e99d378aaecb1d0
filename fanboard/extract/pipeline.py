"""The claim components of a language pipeline, their order, and the registry of claim kinds.

After the analysis components of fanboard/nlp.py (sentences, scores, entities, quotes,
cues, times), each language pipeline holds these claim components, in this order:

    fanboard_context     doc._.context    focus club, people named so far, the story (context.py)
    fanboard_sentences   doc._.sentences  one read-only SentenceView per sentence (sentence.py)
    fanboard_matches     doc._.matches    per sentence: the matches it tells (matches.py)
    fanboard_lineups     doc._.lineups    lineup blocks: their match, every player's status and the
                                          goal lines, which need the matches told (lineups.py)
    fanboard_statuses    doc._.statuses   player statuses, which need the matches (statuses.py)
    fanboard_goals       doc._.goals      goals told in prose, at the matches told (goals.py)
    fanboard_events      doc._.events     events, which need matches and statuses (events.py)
    fanboard_situation   doc._.situation  the focus club's league situation (situation.py)
    fanboard_names       doc._.names      names the knowledge base lacks, for curation (names.py)
    fanboard_claims      doc._.claims     the ArticleClaims: matches merged across sentences,
                                          statuses and events re-pointed at the merged matches,
                                          the times that date them, entities for highlighting

Mechanism, and why:
  - Each claim kind writes to its own Doc extension (doc._.<kind>) rather than all into one
    `doc._.claims`: spaCy's `requires`/`assigns` metadata names attributes, so only one
    extension per kind lets `nlp.analyze_pipes()` check that statuses come after matches
    and events after statuses (tests/test_extract_pipeline.py does).
  - The order is the pipeline's own config order (`nlp.config["nlp"]["pipeline"]`,
    `nlp.component_names`): `run_claims` runs the claim components in that order.
  - The claim components stand in the pipeline *disabled*: `nlp(text)` and `nlp.pipe(texts)`
    only analyse. Claims need the article they belong to (their keys and provenance carry
    its id) and the build streams texts through `nlp.pipe` before it pairs each Doc with
    its Article; `Extractor.extract(article, doc)` sets `doc._.article` and runs them.
  - A new claim kind is a module with a `@Language.factory` component that writes
    `doc._.<kind>` and an entry in CLAIM_KINDS below (plus the list on ArticleClaims that
    carries its claims out). Extensions, pipeline order and collection follow the registry.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..ingest import Article
from ..kb import KB
from ..langdetect import SUPPORTED_LANGUAGES
from .claims import ArticleClaims
from .matchmerge import merge_within_article

__all__ = ["ClaimKind", "CLAIM_KINDS", "Extractor", "add_claim_components", "run_claims", "claim_component_names"]


def _told(doc: Doc) -> list:
    """The match claims of every sentence, in order (before merging across sentences)."""
    return [c for told in (doc._.matches or ()) for c in told.claims]


@dataclass(frozen=True)
class ClaimKind:
    field: str                     # the ArticleClaims list it fills; its component writes doc._.<field>
    factory: str                   # the spaCy factory of its component
    module: str                    # the module that registers the factory
    relink: bool = False           # its claims' match_key follows matches merged across sentences
    gather: Callable[[Doc], list] | None = None   # how to read its claims off the Doc (default: the list)
    fills: tuple[str, ...] = ()    # it adds to these ArticleClaims lists (doc._.<field>.<list>) instead


#: The claim kinds, in the order their components run: each may read what the earlier ones wrote.
CLAIM_KINDS: tuple[ClaimKind, ...] = (
    ClaimKind("matches", "fanboard_matches", "fanboard.extract.matches", gather=_told),
    ClaimKind("lineups", "fanboard_lineups", "fanboard.extract.lineups", relink=True,
              fills=("matches", "statuses", "goals")),
    ClaimKind("statuses", "fanboard_statuses", "fanboard.extract.statuses", relink=True),
    ClaimKind("goals", "fanboard_goals", "fanboard.extract.goals", relink=True, fills=("goals", "matches")),
    ClaimKind("events", "fanboard_events", "fanboard.extract.events", relink=True),
    ClaimKind("situation", "fanboard_situation", "fanboard.extract.situation"),
    ClaimKind("names", "fanboard_names", "fanboard.extract.names"),
)

for _name in ("article", "context", "sentences", "claims", *(k.field for k in CLAIM_KINDS)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
importlib.import_module(".sentence", __package__)   # registers fanboard_sentences and fanboard_context
for _kind in CLAIM_KINDS:
    importlib.import_module(_kind.module)


def claim_component_names(with_kinds: bool = True) -> list[str]:
    kinds = ["fanboard_sentences", *(k.factory for k in CLAIM_KINDS)] if with_kinds else []
    return ["fanboard_context", *kinds, "fanboard_claims"]


def add_claim_components(nlp: Language, kb: KB, with_kinds: bool = True) -> None:
    """Add the claim components to `nlp`, disabled (see the module docstring). A language
    without cue rules gets only the context and the collector: names, no claims."""
    for name in claim_component_names(with_kinds):
        nlp.add_pipe(name)
        nlp.disable_pipe(name)
    nlp.get_pipe("fanboard_context").kb = kb


def run_claims(nlp: Language, doc: Doc, article: Article | None) -> ArticleClaims:
    """Run the claim components of `nlp` on an analysed `doc`, in config order."""
    doc._.article = article
    wanted = set(claim_component_names())
    for name in nlp.component_names:
        if name in wanted:
            doc = nlp.get_pipe(name)(doc)
    return doc._.claims


@Language.factory("fanboard_claims", requires=["doc._.context", *(f"doc._.{k.field}" for k in CLAIM_KINDS)],
                  assigns=["doc._.claims"])
def make_claim_collector(nlp: Language, name: str):
    return ClaimCollector()


class ClaimCollector:
    """doc._.claims: every kind's claims in one ArticleClaims, with matches told in several
    sentences merged (every kind may point at a match, so this happens last)."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.context
        article = doc._.article
        out = ArticleClaims(ctx.article_id, article.language if article else doc.lang_,
                            ctx.focus.name if ctx.focus else None)
        for kind in CLAIM_KINDS:
            if not kind.fills:
                setattr(out, kind.field, kind.gather(doc) if kind.gather else list(doc._.get(kind.field) or []))
        for kind in CLAIM_KINDS:
            told = doc._.get(kind.field)
            for field in kind.fills if told is not None else ():
                getattr(out, field).extend(getattr(told, field))
        out.matches, alias = merge_within_article(out.matches)
        for kind in CLAIM_KINDS:
            if kind.relink:
                fields = [f for f in kind.fills if f != "matches"] or [kind.field]
                for claim in (c for f in fields for c in getattr(out, f)):
                    if claim.match_key in alias:
                        claim.match_key = alias[claim.match_key]
        out.times = [(t, alias.get(k, k)) for t, k in _times(doc)]
        out.entities = ctx.entities(doc)
        out.focus_evidence = ctx.focus_evidence
        doc._.claims = out
        return doc


def _times(doc: Doc) -> list[tuple]:
    """(time, match key or None) in sentence order: "N years ago" (it dates the article
    together with a "since <year>"), then the times that dated the sentence's matches."""
    out = []
    for view, told in zip(doc._.sentences or (), doc._.matches or ()):
        out += [(expr, None) for expr in view.years_ago]
        out += list(told.dated)
    return out


class Extractor:
    """Turns Articles into ArticleClaims with the rule-based pipelines."""

    def __init__(self, pipelines):
        self.pipelines = pipelines
        self.kb: KB = pipelines.kb

    def extract(self, article: Article, doc: Doc | None = None) -> ArticleClaims:
        lang = article.language if article.language in SUPPORTED_LANGUAGES else "xx"
        nlp = self.pipelines[lang]
        if doc is None:
            doc = nlp(article.text)
        result = run_claims(nlp, doc, article)
        if lang == "xx":
            result.warnings.append(
                f"language '{article.language}' is not supported: only names were recognised, no claims extracted"
            )
        return result
