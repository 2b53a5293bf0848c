"""The evidence that a procedure answers a request, as named numbers for the confidence model.

For each candidate procedure (the best few by passages and by example questions): how near the
request is to the questions citizens ask of it and to its passages, by how much it leads the next
procedure on each, what share of the nearest example questions are its own, how well BM25 and the
fusion rank it, how many of the request's rarer words its text holds, whether the aspect asked for
is one of its sections, whether it is the procedure of the turn before (a follow-up), by how much
a topic the corpus does not cover is nearer than its own questions, and signals of the request
itself (a foreign place named, words no page holds, length).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.models import Passage
from assistant.retrieve.candidates import Candidates
from indexing.models import Language, SectionKind

FEATURES = ("question_similarity", "question_margin", "question_votes", "passage_similarity",
            "passage_margin", "lexical", "fused", "coverage", "aspect_section", "previous",
            "foreign_place", "unknown_words", "short_request", "uncovered_lead")
MAX_CANDIDATES = 6
VOTING_QUESTIONS = 10
SIMILARITY_BASE = 0.8  # e5 similarities sit in a narrow band; centred for the model
SHORT_REQUEST_WORDS = 4


@dataclass(frozen=True)
class CandidateEvidence:
    """One candidate procedure of a request, its evidence, and where in it the answer lies."""

    doc_id: str
    language: Language
    features: dict[str, float]
    section: SectionKind | None
    passages: tuple[Passage, ...] = field(default=())


@dataclass(frozen=True)
class RequestSignals:
    """What the analysis says of the request, the same for every candidate."""

    aspect: SectionKind | None
    previous_doc_ids: tuple[str, ...]
    foreign_place: bool
    unknown_words: float
    words: int


def candidate_evidence(candidates: Candidates, language: Language, signals: RequestSignals,
                       sections_of: dict[str, set[SectionKind]],
                       coverage_of) -> list[CandidateEvidence]:
    """Evidence of the candidate procedures, in no particular order (the ranker orders them)."""
    question_best: dict[str, float] = {}
    question_section: dict[str, SectionKind] = {}
    for hit in candidates.questions:
        doc = hit.question.doc_id
        if hit.similarity > question_best.get(doc, -1.0):
            question_best[doc] = hit.similarity
            question_section[doc] = hit.question.section
    top_questions = [hit.question.doc_id for hit in candidates.questions[:VOTING_QUESTIONS]]
    passage_best: dict[str, float] = {}
    lexical_best: dict[str, float] = {}
    fused_best: dict[str, float] = {}
    passages_of: dict[str, list[Passage]] = {}
    for passage in candidates.passages:
        doc = passage.chunk.doc_id
        passages_of.setdefault(doc, []).append(passage)
        if passage.dense_similarity is not None:
            passage_best[doc] = max(passage_best.get(doc, -1.0), passage.dense_similarity)
        if passage.lexical_score is not None:
            lexical_best[doc] = max(lexical_best.get(doc, 0.0), passage.lexical_score)
        fused_best[doc] = max(fused_best.get(doc, 0.0), passage.fused_score)
    pool = list(dict.fromkeys([*sorted(question_best, key=question_best.get, reverse=True)[:4],
                               *list(dict.fromkeys(p.chunk.doc_id for p in candidates.passages))
                               [:4], *(d for d in signals.previous_doc_ids if d in sections_of)]))
    pool = [doc for doc in pool if doc in sections_of][:MAX_CANDIDATES + len(
        signals.previous_doc_ids)]
    top_lexical = max(lexical_best.values(), default=0.0) or 1.0
    uncovered = candidates.uncovered[0].similarity if candidates.uncovered else None
    evidence = []
    for doc in pool:
        q_sim = question_best.get(doc, SIMILARITY_BASE - 0.05)
        p_sim = passage_best.get(doc, SIMILARITY_BASE - 0.05)
        others_q = max((v for d, v in question_best.items() if d != doc), default=q_sim - 0.05)
        others_p = max((v for d, v in passage_best.items() if d != doc), default=p_sim - 0.05)
        aspect = signals.aspect
        features = {
            "question_similarity": (q_sim - SIMILARITY_BASE) * 10,
            "question_margin": (q_sim - others_q) * 10,
            "question_votes": top_questions.count(doc) / VOTING_QUESTIONS,
            "passage_similarity": (p_sim - SIMILARITY_BASE) * 10,
            "passage_margin": (p_sim - others_p) * 10,
            "lexical": lexical_best.get(doc, 0.0) / top_lexical,
            "fused": fused_best.get(doc, 0.0) * 30,
            "coverage": coverage_of(doc),
            "aspect_section": 0.0 if aspect is None else (1.0 if aspect in sections_of[doc]
                                                          else -1.0),
            "previous": float(doc in signals.previous_doc_ids),
            "foreign_place": float(signals.foreign_place),
            "unknown_words": signals.unknown_words,
            "short_request": float(signals.words <= SHORT_REQUEST_WORDS),
            "uncovered_lead": -1.0 if uncovered is None else
            max(-1.0, min(1.0, (uncovered - q_sim) * 10)),
        }
        section = aspect if aspect in sections_of[doc] else question_section.get(doc)
        if section is None and passages_of.get(doc):
            section = passages_of[doc][0].chunk.section
        evidence.append(CandidateEvidence(doc, language, features, section,
                                          tuple(passages_of.get(doc, ()))))
    return evidence
