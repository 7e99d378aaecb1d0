"""The claim components in the pipeline (fanboard/extract/pipeline.py): order, metadata, registry."""
from __future__ import annotations

from spacy.language import Language

from extract_helpers import article
from fanboard.extract import pipeline
from fanboard.extract.pipeline import CLAIM_KINDS, ClaimKind, Extractor
from fanboard.kb import KB
from fanboard.nlp import Pipelines, build_pipeline


def test_the_config_declares_the_order_and_spacy_finds_no_missing_attribute():
    nlp = build_pipeline("en", KB.load())
    claim_names = pipeline.claim_component_names()
    assert [n for n in nlp.config["nlp"]["pipeline"] if n in claim_names] == claim_names
    assert [k.field for k in CLAIM_KINDS] == ["matches", "lineups", "statuses", "goals", "events", "situation", "names"]
    for name in nlp.disabled:
        nlp.enable_pipe(name)
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert analysis["summary"]["fanboard_events"]["requires"] == [
        "doc._.sentences", "doc._.matches", "doc._.statuses", "doc._.context"]


def test_nlp_alone_only_analyses():
    nlp = build_pipeline("en", KB.load())
    doc = nlp("Atalanta\n\nInvented. Atalanta beat Roma 2-0.")
    assert doc._.claims is None and doc._.matches is None and len(doc.spans["cues"]) > 0


@Language.factory("test_warning_kind", requires=["doc._.sentences"], assigns=["doc._.warnings"])
def _make_warning_kind(nlp, name):
    def component(doc):
        doc._.warnings = [f"{len(doc._.sentences)} sentences read"]
        return doc
    return component


def test_a_new_claim_kind_is_a_component_and_a_registry_entry(monkeypatch):
    from spacy.tokens import Doc
    if not Doc.has_extension("warnings"):
        Doc.set_extension("warnings", default=None)
    monkeypatch.setattr(pipeline, "CLAIM_KINDS", CLAIM_KINDS + (ClaimKind("warnings", "test_warning_kind", __name__),))
    result = Extractor(Pipelines(KB.load())).extract(article("Atalanta\n\nInvented. Atalanta beat Roma 2-0.", "en"))
    assert result.warnings == ["3 sentences read"]
    assert [(m.opponent, m.subject_goals, m.opponent_goals) for m in result.matches] == [("Roma", 2, 0)]


def test_an_unsupported_language_gets_names_and_a_warning_but_no_claims():
    result = Extractor(Pipelines(KB.load())).extract(article("Atalanta\n\nErfunden. Atalanta-Roma 2-0.", "de"))
    assert (result.language, result.focus_club, result.matches) == ("de", "Atalanta", [])
    assert [(label, name) for _, _, label, name in result.entities] == [
        ("CLUB", "Atalanta"), ("CLUB", "Atalanta"), ("CLUB", "Roma")]
    assert result.warnings == ["language 'de' is not supported: only names were recognised, no claims extracted"]
