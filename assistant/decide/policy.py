"""The decision: answer, ask one question back, or hand off to a person, with a typed reason.

A request is answered when the calibrated probability that its best procedure answers it reaches
the model's threshold. Below it, Guichet hands off: naming the topic the corpus does not cover when
the request is nearest to one (the deployment's general channels then), else offering the
procedure's own contacts only when that procedure is still the likely one (probability at least
LIKELY), or the deployment's general channels. A vague request ("et ça coûte combien ?") with nothing before it is asked back.
For a procedure whose rules depend on the region, the deployment's region answers unless the
citizen names another one (a handoff to that region's services) or several (asked back).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.decide.features import CandidateEvidence
from assistant.models import HandoffReason
from indexing.models import Region

LIKELY = 0.3
# A request this much nearer (cosine) to a topic the corpus does not cover than to any question it
# does is handed off as not covered, whatever the confidence: the nearest page would be a wrong
# answer (chosen on the dev sets: it hands off 15 of their 24 near-topic questions, for 1 answer).
NOT_COVERED_LEAD = 0.01
# Procedures whose rules differ by region: the answer depends on where the citizen lives.
REGION_DEPENDENT_PROCEDURES = frozenset({"allocations-familiales", "allocation-loyer",
                                         "allocations-etudes", "inscription-secondaire",
                                         "encombrants", "logement-social"})


class DecisionAction(StrEnum):
    ANSWER = "answer"
    HANDOFF = "handoff"
    CLARIFY_REGION = "clarify_region"
    CLARIFY_PROCEDURE = "clarify_procedure"


@dataclass(frozen=True)
class Decision:
    action: DecisionAction
    candidate: CandidateEvidence | None
    probability: float
    reason: HandoffReason | None = None
    region_note: bool = False  # the answer says the rules are those of the deployment's region
    topic: str | None = None  # the topic not covered, for a handoff that names it

    @property
    def likely_candidate(self) -> CandidateEvidence | None:
        """The candidate whose contacts a handoff may offer: only a likely one."""
        return self.candidate if self.probability >= LIKELY else None


@dataclass(frozen=True)
class UncoveredTopic:
    """The topic the corpus does not cover nearest to a request, and by how much it is nearer
    than the nearest covered question (negative: farther)."""

    topic_id: str
    lead: float


@dataclass(frozen=True)
class RegionContext:
    served: Region | None
    named: Region | None
    several_named: bool


class DecisionPolicy:
    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def decide(self, best: CandidateEvidence | None, probability: float, vague: bool,
               region: RegionContext, uncovered: UncoveredTopic | None = None) -> Decision:
        if vague:
            return Decision(DecisionAction.CLARIFY_PROCEDURE, None, probability)
        nearest_uncovered = uncovered is not None and uncovered.lead > 0
        if uncovered is not None and (uncovered.lead >= NOT_COVERED_LEAD or (
                nearest_uncovered and (best is None or probability < self.threshold))):
            return Decision(DecisionAction.HANDOFF, None, probability, HandoffReason.NOT_COVERED,
                            topic=uncovered.topic_id)
        if best is None or probability < self.threshold:
            return Decision(DecisionAction.HANDOFF, best, probability,
                            HandoffReason.LOW_CONFIDENCE)
        if best.doc_id not in REGION_DEPENDENT_PROCEDURES:
            return Decision(DecisionAction.ANSWER, best, probability)
        if region.several_named or (region.served is None and region.named is None):
            return Decision(DecisionAction.CLARIFY_REGION, best, probability)
        if region.named is not None and region.named != (region.served or region.named):
            return Decision(DecisionAction.HANDOFF, None, probability, HandoffReason.OTHER_REGION)
        return Decision(DecisionAction.ANSWER, best, probability,
                        region_note=region.named is None)
