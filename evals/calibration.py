"""Choosing the confidence threshold on a development set.

For each candidate threshold the whole pipeline runs again (the threshold also decides region
questions and follow-ups, so outcomes are not replayed from one run). The chosen threshold gives
the most correct answers (status `answer` with an expected procedure cited first) among those
whose handoff recall reaches the floor; ties go to the better status accuracy, then to the higher,
more cautious threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.service import Guichet
from evals.questions import QuestionCase
from evals.runner import ask_case

HANDOFF_RECALL_FLOOR = 0.95
CANDIDATES = tuple(round(0.20 + 0.025 * step, 3) for step in range(25))  # 0.20 ... 0.80


@dataclass(frozen=True)
class ThresholdOutcome:
    threshold: float
    correct_answers: int
    handoff_recall: float
    status_accuracy: float


def outcome_at(threshold: float, guichet: Guichet,
               cases: Sequence[QuestionCase]) -> ThresholdOutcome:
    correct_answers = correct_status = handed_off = 0
    for case in cases:
        answer, _ = ask_case(guichet, case)
        status = answer.status.value
        correct_status += status == case.expect
        handed_off += case.expect == "handoff" and status == "handoff"
        correct_answers += (case.expect == status == "answer" and bool(answer.citations)
                            and answer.citations[0].doc_id in case.expected_doc_ids)
    handoffs = sum(case.expect == "handoff" for case in cases)
    return ThresholdOutcome(threshold, correct_answers, handed_off / handoffs if handoffs else 1.0,
                            correct_status / len(cases))


def sweep(open_guichet: Callable[[float], Guichet], cases: Sequence[QuestionCase],
          thresholds: Sequence[float] = CANDIDATES) -> list[ThresholdOutcome]:
    return [outcome_at(threshold, open_guichet(threshold), cases) for threshold in thresholds]


def choose_threshold(outcomes: Sequence[ThresholdOutcome],
                     recall_floor: float = HANDOFF_RECALL_FLOOR) -> tuple[ThresholdOutcome, bool]:
    """The best outcome, and whether it meets the floor (if none does: the best recall)."""
    eligible = [o for o in outcomes if o.handoff_recall >= recall_floor]
    if not eligible:
        return max(outcomes, key=lambda o: (o.handoff_recall, o.correct_answers,
                                            o.threshold)), False
    return max(eligible, key=lambda o: (o.correct_answers, o.status_accuracy, o.threshold)), True
