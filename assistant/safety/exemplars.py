"""Recognising a situation by its meaning: the nearest reviewed exemplars, against ordinary ones.

Patterns know the words someone chose; frightened or scheming people choose others. Here each
sentence of a message is embedded with the multilingual model and compared with reviewed exemplars
of each kind of situation (danger to life, harmful requests) and with ordinary questions that use
the same words harmlessly (from the detector's own list and from the corpus's example questions).
The evidence for a kind is the mean similarity of the `k` nearest exemplars of that kind, minus
that of the `k` nearest ordinary ones: a sentence is that kind when the difference passes a
threshold chosen on the dev sets. Mean of several neighbours, not the single nearest, so that one
odd exemplar cannot decide alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

NEIGHBOURS = 5


@dataclass(frozen=True)
class ExemplarMatch:
    """The kind a message is nearest to, by how much, and in which of its segments."""

    kind: str
    margin: float
    segment: int


class ExemplarMatcher:
    """Vectors of exemplars by kind and of ordinary texts; `match` reads a message's segments."""

    def __init__(self, exemplars: Mapping[str, np.ndarray], ordinary: np.ndarray,
                 neighbours: int = NEIGHBOURS) -> None:
        if ordinary.shape[0] < neighbours or any(v.shape[0] < neighbours
                                                 for v in exemplars.values()):
            raise ValueError(f"each kind and the ordinary set need {neighbours} exemplars")
        self._kinds = list(exemplars)
        self._exemplars = [exemplars[kind] for kind in self._kinds]
        self._ordinary = ordinary
        self._k = neighbours

    def match(self, segment_vectors: np.ndarray) -> ExemplarMatch | None:
        """The best kind over all segments (None for an empty message)."""
        if segment_vectors.shape[0] == 0:
            return None
        ordinary = _top_mean(segment_vectors @ self._ordinary.T, self._k)
        best: ExemplarMatch | None = None
        for kind, vectors in zip(self._kinds, self._exemplars, strict=True):
            margins = _top_mean(segment_vectors @ vectors.T, self._k) - ordinary
            segment = int(np.argmax(margins))
            if best is None or margins[segment] > best.margin:
                best = ExemplarMatch(kind, float(margins[segment]), segment)
        return best


def _top_mean(similarities: np.ndarray, k: int) -> np.ndarray:
    """For each row, the mean of its k largest values."""
    return np.partition(similarities, -k, axis=1)[:, -k:].mean(axis=1)


def stack(texts_by_kind: Mapping[str, Sequence[str]], embed) -> dict[str, np.ndarray]:
    """Embed each kind's exemplars with `embed` (a list of texts -> array of vectors)."""
    return {kind: embed(list(texts)) for kind, texts in texts_by_kind.items()}
