"""The one ranker of procedures: every candidate's evidence, scored by the confidence model.

Passages and example questions each name candidate procedures; the ranker gathers their evidence
(assistant/decide/features.py), scores each with the model's logit and orders them, and gives the
calibrated probability that the first one answers the request. Nothing else reorders: no
language handicap (every procedure exists in every language), no second fusion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.decide.coverage import CoverageMeter
from assistant.decide.features import CandidateEvidence, RequestSignals, candidate_evidence
from assistant.decide.model import ConfidenceModel
from assistant.retrieve.candidates import Candidates
from indexing.models import Language, ProcedureDocument, SectionKind


@dataclass(frozen=True)
class Ranking:
    candidates: tuple[CandidateEvidence, ...]  # best first
    logits: tuple[float, ...]
    probability: float  # that the first candidate answers the request
    uncovered_topic: str | None = None  # the topic the corpus lacks nearest to the request
    uncovered_lead: float = -1.0  # how much nearer that topic is than the nearest covered question

    @property
    def best(self) -> CandidateEvidence | None:
        return self.candidates[0] if self.candidates else None


class DocumentRanker:
    def __init__(self, model: ConfidenceModel, documents: Sequence[ProcedureDocument]) -> None:
        self._model = model
        self._coverage = CoverageMeter(documents)
        self._sections: dict[Language, dict[str, set[SectionKind]]] = {}
        for document in documents:
            self._sections.setdefault(document.language, {})[document.doc_id] = {
                SectionKind.OVERVIEW, *(section.kind for section in document.sections)}

    def unknown_share(self, text: str, language: Language) -> float:
        return self._coverage.unknown_share(text, language)

    def evidence(self, candidates: Candidates, language: Language,
                 signals: RequestSignals) -> list[CandidateEvidence]:
        """The candidates' evidence, unordered (what the model is fitted on)."""
        return candidate_evidence(
            candidates, language, signals, self._sections.get(language, {}),
            lambda doc_id: self._coverage.coverage(candidates.query, language, doc_id))

    def rank(self, candidates: Candidates, language: Language,
             signals: RequestSignals) -> Ranking:
        scored = sorted(((self._model.logit(e.features), e)
                         for e in self.evidence(candidates, language, signals)),
                        key=lambda pair: pair[0], reverse=True)
        topic, lead = _nearest_uncovered_topic(candidates)
        if not scored:
            return Ranking((), (), 0.0, topic, lead)
        logits = tuple(logit for logit, _ in scored)
        probability = self._model.probability(logits[0], logits[1] if len(logits) > 1 else None)
        return Ranking(tuple(e for _, e in scored), logits, probability, topic, lead)


def _nearest_uncovered_topic(candidates: Candidates) -> tuple[str | None, float]:
    if not candidates.uncovered:
        return None, -1.0
    nearest = candidates.uncovered[0]
    covered = candidates.questions[0].similarity if candidates.questions else -1.0
    return nearest.question.doc_id, nearest.similarity - covered
