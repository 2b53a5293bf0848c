"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates, fused by rank, one per section."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import numpy as np

from assistant.retrieve.fusion import reciprocal_rank_fusion
from assistant.models import Passage
from indexing.embeddings.base import EmbeddingBackend
from indexing.models import Language
from indexing.reader import OpenIndex


class RetrievalMode(StrEnum):
    """Which retrievers vote: both (the default), or one alone (for comparisons)."""

    HYBRID = "hybrid"
    DENSE = "dense"
    LEXICAL = "bm25"


class HybridRetriever:
    """Searches an open index with both retrievers and returns passages, best first."""

    def __init__(self, index: OpenIndex, backend: EmbeddingBackend, candidates: int = 40,
                 rrf_k: int = 60, mode: RetrievalMode = RetrievalMode.HYBRID) -> None:
        self.index = index
        self.mode = mode
        self._backend = backend
        self._candidates = candidates
        self._rrf_k = rrf_k

    def search(self, query: str, k: int = 10, languages: Sequence[Language] | None = None,
               lexical_query: str | None = None,
               query_vector: np.ndarray | None = None) -> list[Passage]:
        """The k best passages, at most one per (document, language, section).

        `lexical_query` lets BM25 see a spelling-corrected query while the embedding model,
        which copes with typos, sees the citizen's own words; `query_vector` is the query's
        embedding when a step before already computed it.
        """
        dense_hits, lexical_hits = [], {}
        if self.mode is not RetrievalMode.LEXICAL:
            if query_vector is None:
                query_vector = self._backend.embed_queries([query])[0]
            dense_hits = self.index.dense.search(query_vector, self._candidates, languages)
        if self.mode is not RetrievalMode.DENSE:
            lexical_hits = self.index.lexical.search(lexical_query or query, self._candidates,
                                                     languages)

        rankings = {"dense": [hit.chunk_id for hit in dense_hits]}
        for language, hits in lexical_hits.items():
            rankings[f"bm25-{language.value}"] = [hit.chunk_id for hit in hits]
        fused = reciprocal_rank_fusion(rankings, self._rrf_k)

        dense = {hit.chunk_id: (rank, hit.similarity)
                 for rank, hit in enumerate(dense_hits, start=1)}
        lexical = {hit.chunk_id: (rank, hit.score) for hits in lexical_hits.values()
                   for rank, hit in enumerate(hits, start=1)}
        passages: list[Passage] = []
        seen_sections: set[tuple[str, str, str]] = set()
        for chunk_id, score in fused.items():
            chunk = self.index.chunks[chunk_id]
            section = (chunk.doc_id, chunk.language.value, chunk.section.value)
            if section in seen_sections:
                continue
            seen_sections.add(section)
            dense_rank, similarity = dense.get(chunk_id, (None, None))
            lexical_rank, bm25 = lexical.get(chunk_id, (None, None))
            passages.append(Passage(chunk, score, dense_rank, similarity, lexical_rank, bm25))
            if len(passages) == k:
                break
        return passages
