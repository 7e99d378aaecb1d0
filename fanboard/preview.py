"""The Add page's preview: what the pipeline would extract from a candidate article, computed
without storing anything. Extraction runs as in a build (fanboard.pipeline.extract_one, so a
long text is parsed in pieces), and a failure comes back as a message, never as an exception.

`fanboard.store` re-exports `Preview` and `preview`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import ArticleStore, Candidate


@dataclass
class Preview:
    """What the pipeline would extract from a candidate, computed without storing anything."""

    language: str
    headline: str
    article_id: str
    duplicate_of: str | None
    entities: "object"          # DataFrame: text, kind, name
    claims: "object"            # DataFrame: kind, claim, certainty, sentence
    warnings: list[str]
    error: str = ""             # why nothing could be extracted (then entities and claims are empty)


_ENTITY_KIND = {"CLUB": "club", "PERSON": "person", "COMP": "competition"}


def preview(cand: "Candidate", pipelines, store: "ArticleStore | None" = None) -> Preview:
    """Run the extractor on the candidate's text (nothing is written) and describe the result.

    The text is parsed as a build parses it (in pieces when it is long). When extraction
    fails, the Preview says why in `error`, with no entities or claims: it never raises."""
    import pandas as pd
    from .pipeline import describe_failure, extract_one

    article = cand.article(store.folder) if store else cand.article()
    entities: list[dict] = []
    rows: list[dict] = []
    warnings, error = list(cand.notes), ""
    try:
        claims = extract_one(pipelines, article)
    except Exception as exc:    # any failure of the extractor: said in words, never a traceback
        error = (f"Nothing could be extracted from this text ({describe_failure(exc)}). It can still be "
                 "saved, but until the extractor can read it the builds will skip it and say why.")
    else:
        entities, rows = _preview_entities(cand.text, claims), _preview_claims(claims)
        warnings += claims.warnings
    return Preview(
        language=cand.language, headline=cand.headline, article_id=cand.article_id,
        duplicate_of=store.check_duplicate(cand) if store else None,
        entities=pd.DataFrame(entities, columns=["text", "kind", "name"]),
        claims=pd.DataFrame(rows, columns=["kind", "claim", "certainty", "sentence"]),
        warnings=list(dict.fromkeys(warnings)), error=error,
    )


def _preview_entities(text: str, claims) -> list[dict]:
    seen, entities = set(), []
    for start, end, label, canonical in sorted(claims.entities):
        key = (text[start:end], label, canonical)
        if key not in seen:
            seen.add(key)
            entities.append({"text": text[start:end], "kind": _ENTITY_KIND.get(label, label.lower()), "name": canonical})
    return entities


def _preview_claims(claims) -> list[dict]:
    rows = []
    for m in claims.matches:
        score = f" {m.subject_goals}-{m.opponent_goals}" if m.subject_goals is not None and m.opponent_goals is not None else ""
        opponent = m.opponent or ("(name missing in the text)" if m.hole else "?")
        what = f"{m.subject or '?'} v {opponent}{score}"
        if m.status:
            what += f", {m.status}"
        if m.competition:
            what += f" ({m.competition})"
        prov = m.provenance[0] if m.provenance else None
        rows.append({"kind": "match", "claim": what, "certainty": prov.certainty if prov else "",
                     "sentence": prov.quote if prov else ""})
    for s in claims.statuses:
        what = f"{s.player}: {s.status.replace('_', ' ')}" + (f" ({s.value})" if s.value else "")
        rows.append({"kind": "player status", "claim": what, "certainty": s.certainty, "sentence": s.provenance.quote})
    for e in claims.events:
        what = f"{e.event_type.replace('_', ' ')}: {', '.join(e.actors)}"
        rows.append({"kind": "event", "claim": what, "certainty": e.certainty,
                     "sentence": e.provenance[0].quote if e.provenance else ""})
    for s in claims.situation:
        rows.append({"kind": "league situation", "claim": f"{s.competition}: {s.metric.replace('_', ' ')} = {s.value}",
                     "certainty": s.provenance.certainty, "sentence": s.provenance.quote})
    return rows
