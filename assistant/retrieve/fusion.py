"""Reciprocal rank fusion (Cormack et al., 2009).

BM25 scores and cosine similarities live on different scales, so they are not added; each
retriever votes with its ranks instead: score(d) = sum over retrievers of 1 / (k + rank(d)).
A document ranked well by both beats one ranked first by only one; k dampens the top ranks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reciprocal_rank_fusion(rankings: Mapping[str, Sequence[str]], k: int = 60) -> dict[str, float]:
    """Fused scores of every item of the rankings, highest first; each ranking is best first."""
    scores: dict[str, float] = {}
    for ranking in rankings.values():
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return dict(sorted(scores.items(), key=lambda pair: pair[1], reverse=True))
