"""The data the assistant passes between its steps."""

from __future__ import annotations

from dataclasses import dataclass

from indexing.models import Chunk


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the evidence of each retriever and their fused score.

    Ranks start at 1; a rank of None means that retriever did not return the chunk.
    """

    chunk: Chunk
    fused_score: float
    dense_rank: int | None = None
    dense_similarity: float | None = None
    lexical_rank: int | None = None
    lexical_score: float | None = None
