"""The evidence for a request, all in the question's language and from one embedding: passages
(dense and BM25, fused), the example questions citizens ask of each section, and the nearest
questions of the topics the corpus does not cover."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.analyse.spelling import SpellingCorrector, expand_sms
from assistant.models import Passage
from assistant.retrieve.hybrid import HybridRetriever
from indexing.embeddings.base import EmbeddingBackend
from indexing.models import Language
from indexing.questions import QuestionHit, QuestionIndex

PASSAGES_KEPT = 20
QUESTIONS_KEPT = 30
UNCOVERED_KEPT = 3


@dataclass(frozen=True)
class Candidates:
    """What retrieval found for one request: passages best first, example questions best first."""

    query: str
    passages: list[Passage]
    questions: list[QuestionHit]
    uncovered: list[QuestionHit]


class CandidateRetriever:
    def __init__(self, retriever: HybridRetriever, questions: QuestionIndex,
                 not_covered: QuestionIndex, backend: EmbeddingBackend,
                 corrector: SpellingCorrector) -> None:
        self._retriever = retriever
        self._questions = questions
        self._not_covered = not_covered
        self._backend = backend
        self._corrector = corrector

    def retrieve(self, query: str, language: Language) -> Candidates:
        expanded = expand_sms(query, language)
        vector = self._backend.embed_queries([expanded])[0]
        passages = self._retriever.search(expanded, PASSAGES_KEPT, [language],
                                          self._corrector.correct(expanded), vector)
        questions = self._questions.search(vector, QUESTIONS_KEPT, [language])
        uncovered = self._not_covered.search(vector, UNCOVERED_KEPT, [language])
        return Candidates(expanded, passages, questions, uncovered)
