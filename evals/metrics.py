"""Metrics of an evaluation run: retrieval ranks, status confusion, calibration, latency.

Each function takes plain values (ranks, labels, scores) so that it can be checked by hand on
tiny examples; `evals/summary.py` applies them to a run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def first_relevant_rank(ranked_doc_ids: Sequence[str], expected: Sequence[str]) -> int | None:
    """The 1-based rank of the first expected document, or None if none was retrieved."""
    for rank, doc_id in enumerate(ranked_doc_ids, start=1):
        if doc_id in expected:
            return rank
    return None


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first expected document is in the top k."""
    return sum(1 for rank in ranks if rank is not None and rank <= k) / len(ranks)


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Mean of 1/rank of the first expected document (0 when it was not retrieved)."""
    return sum(1.0 / rank for rank in ranks if rank is not None) / len(ranks)


def ndcg_at(ranked_doc_ids: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Normalised discounted cumulative gain of one ranking, each expected document worth 1."""
    gains = sum(1.0 / math.log2(rank + 1)
                for rank, doc_id in enumerate(ranked_doc_ids[:k], start=1) if doc_id in expected)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(expected), k) + 1))
    return gains / ideal if ideal else 0.0


def percentile_ms(seconds: Sequence[float], percentile: float) -> float:
    """A latency percentile, in milliseconds."""
    return float(np.percentile(np.asarray(seconds) * 1000.0, percentile))


def unique_doc_ids(doc_ids: Sequence[str]) -> list[str]:
    """Document ids in first-seen order: passages of one document count once."""
    return list(dict.fromkeys(doc_ids))


def confusion_matrix(expected: Sequence[str], got: Sequence[str],
                     labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts of (expected label, obtained label), rows expected, every label present."""
    matrix = {row: dict.fromkeys(labels, 0) for row in labels}
    for want, have in zip(expected, got, strict=True):
        matrix[want][have] += 1
    return matrix


@dataclass(frozen=True)
class PrecisionRecall:
    precision: float | None  # None: the label was never predicted
    recall: float | None  # None: the label was never expected
    predicted: int
    expected: int


def precision_recall(expected: Sequence[str], got: Sequence[str], label: str) -> PrecisionRecall:
    """Precision and recall of one label, e.g. 'handoff'."""
    pairs = list(zip(expected, got, strict=True))
    true_positives = sum(1 for want, have in pairs if want == have == label)
    predicted = sum(1 for _, have in pairs if have == label)
    wanted = sum(1 for want, _ in pairs if want == label)
    return PrecisionRecall(true_positives / predicted if predicted else None,
                           true_positives / wanted if wanted else None, predicted, wanted)


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def reliability_bins(confidences: Sequence[float], correct: Sequence[bool],
                     bins: int = 10) -> list[ReliabilityBin]:
    """Confidence against the share of correct outcomes, in equal-width bins, empty bins dropped."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    scores = np.asarray(confidences, dtype=float)
    hits = np.asarray(correct, dtype=float)
    result = []
    for position, (low, high) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
        last = position == bins - 1
        inside = (scores >= low) & ((scores <= high) if last else (scores < high))
        if inside.any():
            result.append(ReliabilityBin(float(low), float(high), int(inside.sum()),
                                         float(scores[inside].mean()), float(hits[inside].mean())))
    return result


def expected_calibration_error(bins: Sequence[ReliabilityBin]) -> float:
    """Mean gap between confidence and accuracy, weighted by the questions in each bin."""
    total = sum(b.count for b in bins)
    if not total:
        return 0.0
    return sum(b.count * abs(b.mean_confidence - b.accuracy) for b in bins) / total


def area_under_roc(scores: Sequence[float], positive: Sequence[bool]) -> float | None:
    """The chance a random positive scores above a random negative (ties count half);
    None when one of the two classes is empty."""
    positives = [s for s, p in zip(scores, positive, strict=True) if p]
    negatives = [s for s, p in zip(scores, positive, strict=True) if not p]
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))
