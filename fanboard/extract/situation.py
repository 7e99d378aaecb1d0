"""The league situation of the focus club: position, points behind, games in hand, what it needs.

`fanboard_situation` reads doc._.sentences and the matches they tell and writes
`doc._.situation`, a list of SituationClaim. Only sentences about the focus club count;
a position stated right after a single played match is the table after that match.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .claims import SituationClaim
from .context import ArticleContext, Story
from .matchmerge import match_for
from .sentence import SentenceView


@Language.factory("fanboard_situation", requires=["doc._.sentences", "doc._.matches", "doc._.context"],
                  assigns=["doc._.situation"])
def make_situation_finder(nlp: Language, name: str):
    return SituationFinder()


class SituationFinder:
    def __call__(self, doc: Doc) -> Doc:
        ctx: ArticleContext = doc._.context
        out: list[SituationClaim] = []
        for view, told in zip(doc._.sentences, doc._.matches):
            out.extend(situation_of(view, list(told.claims), ctx.story(view.index), ctx))
        doc._.situation = out
        return doc


def _league(ctx: ArticleContext) -> str | None:
    """The focus club's league, by the knowledge base."""
    comps = (ctx.kb.competition_by_id(x) for x in ctx.focus.competitions)
    return next((c.name for c in comps if c is not None and c.kind == "league"), None)


def situation_of(s: SentenceView, told, story: Story, ctx: ArticleContext) -> list[SituationClaim]:
    focus, kb, rules = ctx.focus, ctx.kb, s.rules
    if not s.cue_list("situation") or focus is None:
        return []
    opponents = {c.opponent for c in told}
    clubs = [m for m in s.clubs() if m.name not in opponents]
    if clubs and clubs[0].name != focus.name:
        return []
    comps = [m.name for m in s.mentions if m.label == "COMP" and not m.in_quote]
    league = _league(ctx)
    # A place in a cup group ("second in the group", "nel girone"), or a sentence that names a
    # cup and no league, tells no league position, gap or game in hand.
    named_league = any(kb.competition(c) and kb.competition(c).kind == "league" for c in comps)
    cup_only = not named_league and (
        any(kb.competition(c) and kb.competition(c).kind != "league" for c in comps)
        or any(t.lower_ in rules.word_set("group_words") for t in s.span))
    seen, out = set(), []
    for cue in s.cue_list("situation"):
        metric = s.attrs(cue).get("metric")
        value = s.value(cue) or None
        if value is None:
            for tok in cue:
                n = rules.ordinal(tok.text) if metric == "league_position" else rules.number(tok.text)
                if n is not None:
                    value = str(n)
                    break
        if value is None or metric in seen:
            continue
        seen.add(metric)
        match = None
        if metric in ("requirement", "qualified"):
            match = match_for(s, told, story, cue, carry=True) or story.match
            comp = comps[0] if comps else (match.competition if match else None)
        else:
            if cup_only:
                continue
            comp = next((c for c in comps if kb.competition(c) and kb.competition(c).kind == "league"), league)
            played = [c for c in told if c.status == "played"]
            if len(played) == 1:
                match = played[0]   # "beat Kingsbury 4-1 to climb to seventh": the table after that match
        if comp is None:
            continue
        out.append(SituationClaim(comp, metric, str(value), s.provenance(ctx.article_id),
                                  match.key if match else None))
    return out
