from datetime import date

from assistant.confidence import ConfidenceScorer, Evidence, corroborated
from assistant.models import Passage
from indexing.models import Chunk, Language, ProcedureDocument, Region, Section, SectionKind


def document(doc_id: str, text: str) -> ProcedureDocument:
    return ProcedureDocument(doc_id, doc_id, Language.FR, Region.BRUSSELS, "https://be.brussels",
                             date(2026, 11, 1), "résumé", (), (),
                             (Section(SectionKind.HOW, "Comment faire ?", text, 1),), "x.md")


def passage(doc_id: str, fused: float, similarity: float | None, lexical_rank: int | None,
            dense_rank: int | None = 1, language: Language = Language.FR) -> Passage:
    chunk = Chunk(f"fr/{doc_id}/how/0", doc_id, language, doc_id, SectionKind.HOW, "h", "u", "t")
    return Passage(chunk, fused, dense_rank if similarity is not None else None, similarity,
                   lexical_rank, 1.0 if lexical_rank else None)


SCORER = ConfidenceScorer([document("passeport", "passeport prix commune voyage"),
                           document("mariage", "mariage témoins commune")])


def test_lexical_matches_without_dense_support_are_not_evidence():
    passages = [passage("mariage", 0.03, None, 1), passage("passeport", 0.02, 0.70, 2)]
    assert corroborated(passages) == []
    assert SCORER.assess("commune", Language.FR, passages).confidence == 0.0


def test_strong_agreeing_evidence_scores_high_and_weak_scores_low():
    strong = SCORER.assess("prix du passeport", Language.FR,
                           [passage("passeport", 0.033, 0.90, 1), passage("mariage", 0.016, 0.80, 9)])
    weak = SCORER.assess("permis de chasse", Language.FR,
                         [passage("mariage", 0.017, 0.80, None), passage("passeport", 0.016, 0.79, None)])
    assert strong.confidence > 0.8
    assert weak.confidence < 0.3
    assert 0.0 <= weak.confidence <= strong.confidence <= 1.0


def test_a_word_the_corpus_never_uses_weighs_more_than_a_common_one():
    passages = [passage("passeport", 0.033, 0.85, 1)]
    common_missing = SCORER.assess("passeport commune", Language.FR, passages).coverage
    rare_missing = SCORER.assess("passeport chasse", Language.FR, passages).coverage
    assert common_missing == 1.0
    assert rare_missing < 0.5


def test_across_languages_lexical_signals_are_left_out():
    evidence = SCORER.assess("paspoort prijs", Language.NL, [passage("passeport", 0.03, 0.84, None)])
    assert evidence.agreement is None and evidence.coverage is None
    assert evidence.confidence == Evidence(evidence.similarity, None, evidence.margin,
                                           None).confidence > 0
