"""Retrieval metrics over ranked document ids, and latency percentiles."""

from __future__ import annotations

from collections.abc import Sequence

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


def percentile_ms(seconds: Sequence[float], percentile: float) -> float:
    """A latency percentile, in milliseconds."""
    return float(np.percentile(np.asarray(seconds) * 1000.0, percentile))


def unique_doc_ids(doc_ids: Sequence[str]) -> list[str]:
    """Document ids in first-seen order: passages of one document count once."""
    return list(dict.fromkeys(doc_ids))
