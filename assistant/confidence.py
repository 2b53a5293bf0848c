"""How sure Guichet is that the retrieved documents answer the question, from retrieval evidence.

Four signals, each in [0, 1], weighted into one score:
- similarity: the dense similarity of the best corroborated passage, rescaled (e5 similarities sit
  in a narrow band, roughly 0.75 for unrelated text to 0.90 for a close paraphrase);
- agreement: whether the dense and the lexical retrievers both rank the best document high;
- margin: how far the best document's fused score is ahead of the next document's;
- coverage: the share of the question's content words found in the best document.
Lexical matches that dense retrieval does not support at all are not evidence: a vague question
sharing one word with a page must not become a confident answer about that page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.models import Passage
from indexing.lexical import Analyzer
from indexing.models import Language, ProcedureDocument

SIMILARITY_FLOOR = 0.78
SIMILARITY_CEILING = 0.88
# A question and a page in different languages score lower for the same match.
CROSS_LANGUAGE_SIMILARITY = (0.76, 0.86)
AGREEMENT_TOP_RANKS = 5
WEIGHTS = {"similarity": 0.4, "agreement": 0.2, "margin": 0.15, "coverage": 0.25}


@dataclass(frozen=True)
class Evidence:
    similarity: float
    # Both None when the question and the document are in different languages: the lexical
    # index cannot match across languages, so its silence says nothing.
    agreement: float | None
    margin: float
    coverage: float | None

    @property
    def confidence(self) -> float:
        signals = {name: getattr(self, name) for name in WEIGHTS}
        used = {name: value for name, value in signals.items() if value is not None}
        total_weight = sum(WEIGHTS[name] for name in used)
        return round(sum(WEIGHTS[name] * value for name, value in used.items()) / total_weight, 3)


def corroborated(passages: Sequence[Passage], floor: float = SIMILARITY_FLOOR) -> list[Passage]:
    """The passages dense retrieval supports: returned by it, and not below the floor."""
    return [p for p in passages if p.dense_similarity is not None and p.dense_similarity >= floor]


class ConfidenceScorer:
    """Scores retrieval evidence; knows the corpus's words to weigh the question's terms.

    Coverage weighs each term by its rarity in the corpus (IDF): a question about "permis de
    chasse" shares "permis" with several pages but "chasse" with none, and that missing rare word
    is the sign that the corpus does not cover the question.
    """

    def __init__(self, documents: Sequence[ProcedureDocument]) -> None:
        self._analyzers = {language: Analyzer(language) for language in Language}
        self._document_terms: dict[tuple[str, Language], set[str]] = {}
        frequencies: dict[Language, Counter[str]] = {language: Counter() for language in Language}
        for document in documents:
            terms = set(self._analyzers[document.language].terms(_document_text(document)))
            self._document_terms[(document.doc_id, document.language)] = terms
            frequencies[document.language].update(terms)
        counts = Counter(document.language for document in documents)
        self._idf = {language: {term: math.log((counts[language] + 1) / (df + 0.5))
                                for term, df in frequencies[language].items()}
                     for language in Language}
        self._unknown_idf = {language: math.log((counts[language] + 1) / 0.5)
                             for language in Language}

    def assess(self, question: str, question_language: Language,
               passages: Sequence[Passage]) -> Evidence:
        """The evidence that the best corroborated document answers the question."""
        supported = corroborated(passages)
        if not supported:
            return Evidence(0.0, 0.0, 0.0, 0.0)
        best = supported[0]
        similarity = _rescale(best.dense_similarity, SIMILARITY_FLOOR, SIMILARITY_CEILING)
        best_doc = best.chunk.doc_id
        own = [p for p in passages if p.chunk.doc_id == best_doc]
        dense_rank = min((p.dense_rank for p in own if p.dense_rank), default=None)
        lexical_rank = min((p.lexical_rank for p in own if p.lexical_rank), default=None)
        if best.chunk.language is not question_language:
            similarity = _rescale(best.dense_similarity, *CROSS_LANGUAGE_SIMILARITY)
            return Evidence(similarity, None, _margin(passages, best_doc), None)
        agreement = (0.5 * (dense_rank is not None and dense_rank <= AGREEMENT_TOP_RANKS)
                     + 0.5 * (lexical_rank is not None and lexical_rank <= AGREEMENT_TOP_RANKS))
        coverage = self._coverage(question, question_language,
                                  self._document_terms.get((best_doc, question_language), set()))
        return Evidence(similarity, agreement, _margin(passages, best_doc), coverage)

    def _coverage(self, question: str, language: Language, document_terms: set[str]) -> float:
        wanted = set(self._analyzers[language].terms(question))
        if not wanted:
            return 0.0
        idf = self._idf[language]
        weights = {term: idf.get(term, self._unknown_idf[language]) for term in wanted}
        total = sum(weights.values())
        return sum(w for term, w in weights.items() if term in document_terms) / total if total else 0.0


def _rescale(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def _margin(passages: Sequence[Passage], best_doc: str) -> float:
    """1 - (next document's best fused score / best document's): 0 when tied, 1 when alone."""
    by_doc: dict[str, float] = {}
    for passage in passages:
        doc = passage.chunk.doc_id
        by_doc[doc] = max(by_doc.get(doc, 0.0), passage.fused_score)
    best = by_doc.pop(best_doc, 0.0)
    if best <= 0:
        return 0.0
    runner_up = max(by_doc.values(), default=0.0)
    # A 25 % lead already separates documents clearly; scale so that it counts fully.
    return min(1.0, max(0.0, 1.0 - runner_up / best) * 4)


def _document_text(document: ProcedureDocument) -> str:
    return "\n".join([document.title, document.summary, " ".join(document.keywords),
                      *(section.text for section in document.sections)])
