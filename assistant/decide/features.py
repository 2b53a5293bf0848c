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


@dataclass
class _BestScores:
    """Each document's best score of each kind over the candidates retrieved for the request."""

    question: dict[str, float] = field(default_factory=dict)
    question_section: dict[str, SectionKind] = field(default_factory=dict)
    passage: dict[str, float] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)
    fused: dict[str, float] = field(default_factory=dict)
    passages_of: dict[str, list[Passage]] = field(default_factory=dict)


def _best_scores(candidates: Candidates) -> _BestScores:
    best = _BestScores()
    for hit in candidates.questions:
        doc = hit.question.doc_id
        if hit.similarity > best.question.get(doc, -1.0):
            best.question[doc] = hit.similarity
            best.question_section[doc] = hit.question.section
    for passage in candidates.passages:
        doc = passage.chunk.doc_id
        best.passages_of.setdefault(doc, []).append(passage)
        if passage.dense_similarity is not None:
            best.passage[doc] = max(best.passage.get(doc, -1.0), passage.dense_similarity)
        if passage.lexical_score is not None:
            best.lexical[doc] = max(best.lexical.get(doc, 0.0), passage.lexical_score)
        best.fused[doc] = max(best.fused.get(doc, 0.0), passage.fused_score)
    return best


def _candidate_pool(candidates: Candidates, best: _BestScores, signals: RequestSignals,
                    sections_of: dict[str, set[SectionKind]]) -> list[str]:
    """The best few procedures by example questions and by passages, and the turn before's."""
    by_question = sorted(best.question, key=best.question.get, reverse=True)[:4]
    by_passage = list(dict.fromkeys(p.chunk.doc_id for p in candidates.passages))[:4]
    previous = [doc for doc in signals.previous_doc_ids if doc in sections_of]
    pool = [doc for doc in dict.fromkeys([*by_question, *by_passage, *previous])
            if doc in sections_of]
    return pool[:MAX_CANDIDATES + len(signals.previous_doc_ids)]


def candidate_evidence(candidates: Candidates, language: Language, signals: RequestSignals,
                       sections_of: dict[str, set[SectionKind]],
                       coverage_of) -> list[CandidateEvidence]:
    """Evidence of the candidate procedures, in no particular order (the ranker orders them)."""
    best = _best_scores(candidates)
    top_questions = [hit.question.doc_id for hit in candidates.questions[:VOTING_QUESTIONS]]
    top_lexical = max(best.lexical.values(), default=0.0) or 1.0
    uncovered = candidates.uncovered[0].similarity if candidates.uncovered else None
    evidence = []
    for doc in _candidate_pool(candidates, best, signals, sections_of):
        q_sim = best.question.get(doc, SIMILARITY_BASE - 0.05)
        p_sim = best.passage.get(doc, SIMILARITY_BASE - 0.05)
        others_q = max((v for d, v in best.question.items() if d != doc), default=q_sim - 0.05)
        others_p = max((v for d, v in best.passage.items() if d != doc), default=p_sim - 0.05)
        aspect = signals.aspect
        features = {
            "question_similarity": (q_sim - SIMILARITY_BASE) * 10,
            "question_margin": (q_sim - others_q) * 10,
            "question_votes": top_questions.count(doc) / VOTING_QUESTIONS,
            "passage_similarity": (p_sim - SIMILARITY_BASE) * 10,
            "passage_margin": (p_sim - others_p) * 10,
            "lexical": best.lexical.get(doc, 0.0) / top_lexical,
            "fused": best.fused.get(doc, 0.0) * 30,
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
        passages = best.passages_of.get(doc, [])
        section = aspect if aspect in sections_of[doc] else best.question_section.get(doc)
        if section is None and passages:
            section = passages[0].chunk.section
        evidence.append(CandidateEvidence(doc, language, features, section, tuple(passages)))
    return evidence
