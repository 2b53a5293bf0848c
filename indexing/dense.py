"""The dense index: chunk embeddings in a persistent Chroma collection."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from indexing.embedding_cache import EmbeddingCache
from indexing.embeddings.adapters import ChromaEmbeddingFunction
from indexing.embeddings.base import EmbeddingBackend
from indexing.models import Chunk, Language

COLLECTION_NAME = "guichet-chunks"
EMBEDDING_BATCH = 8
STORE_BATCH = 1000
# Chroma's metadata filter reads the metadata of the whole collection before it searches: 4 ms
# on the bundled 620 chunks, 30 to 250 ms on 38,000 (3 ms unfiltered). Past CHROMA_FILTER_LIMIT
# chunks, a language filter asks for OVERFETCH times the neighbours the wanted languages' share
# calls for, unfiltered, and drops the other languages here.
CHROMA_FILTER_LIMIT = 5000
OVERFETCH = 2
MAX_OVERFETCH = 1000

@dataclass(frozen=True)
class DenseHit:
    """A chunk found by embedding similarity; `similarity` is the cosine similarity."""

    chunk_id: str
    similarity: float


def _client(folder: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(path=str(folder),
                                     settings=ChromaSettings(anonymized_telemetry=False))


class DenseIndex:
    """A Chroma collection of chunks, queried with the backend the index was built with.

    `chunk_languages` (chunk id -> language, every chunk of the collection) lets a large
    collection filter by language without Chroma's metadata filter.
    """

    def __init__(self, collection, backend: EmbeddingBackend,
                 chunk_languages: Mapping[str, Language]) -> None:
        self._collection = collection
        self._backend = backend
        self._chunk_languages = chunk_languages
        self._language_counts = Counter(chunk_languages.values())

    @classmethod
    def build(cls, folder: Path, backend: EmbeddingBackend, chunks: Sequence[Chunk],
              texts: Sequence[str], on_progress: Callable[[int], None] = lambda n: None,
              cache: EmbeddingCache | None = None):
        """Embed every chunk (in small batches, reporting progress) into a new collection.

        Chunks whose text the cache already holds are not embedded again, and a text shared by
        several chunks (boilerplate repeated across records) is embedded once.
        """
        collection = _client(folder).create_collection(
            COLLECTION_NAME, embedding_function=ChromaEmbeddingFunction(backend),
            configuration={"hnsw": {"space": "cosine"}})
        cached = cache.lookup(texts) if cache else {}
        on_progress(len(cached))
        positions_by_text: dict[str, list[int]] = {}
        for position in range(len(chunks)):
            if position not in cached:
                positions_by_text.setdefault(texts[position], []).append(position)
        missing_texts = list(positions_by_text)
        for start in range(0, len(missing_texts), EMBEDDING_BATCH):
            batch_texts = missing_texts[start:start + EMBEDDING_BATCH]
            vectors = backend.embed_passages(batch_texts)
            if cache:
                cache.store(batch_texts, vectors)
            for text, vector in zip(batch_texts, vectors, strict=True):
                cached.update((position, vector) for position in positions_by_text[text])
            on_progress(sum(len(positions_by_text[text]) for text in batch_texts))
        for start in range(0, len(chunks), STORE_BATCH):
            positions = range(start, min(start + STORE_BATCH, len(chunks)))
            collection.add(
                ids=[chunks[p].chunk_id for p in positions],
                embeddings=np.stack([cached[p] for p in positions]),
                documents=[chunks[p].text for p in positions],
                metadatas=[chunks[p].to_metadata() for p in positions],
            )
        return cls(collection, backend, {chunk.chunk_id: chunk.language for chunk in chunks})

    @classmethod
    def open(cls, folder: Path, backend: EmbeddingBackend,
             chunk_languages: Mapping[str, Language]) -> DenseIndex:
        collection = _client(folder).get_collection(
            COLLECTION_NAME, embedding_function=ChromaEmbeddingFunction(backend))
        return cls(collection, backend, chunk_languages)

    def count(self) -> int:
        return self._collection.count()

    def search(self, query_vector: np.ndarray, k: int,
               languages: Sequence[Language] | None = None) -> list[DenseHit]:
        """The k most similar chunks, optionally only in some languages."""
        total = len(self._chunk_languages)
        wanted = set(languages) if languages else set(self._language_counts)
        in_wanted = sum(self._language_counts[language] for language in wanted)
        if in_wanted == 0:
            return []
        if in_wanted == total:
            return self._query(query_vector, min(k, total))
        fetched = min(total, math.ceil(k * total / in_wanted) * OVERFETCH)
        if total > CHROMA_FILTER_LIMIT and fetched <= MAX_OVERFETCH:
            hits = [hit for hit in self._query(query_vector, fetched)
                    if self._chunk_languages[hit.chunk_id] in wanted][:k]
            if len(hits) == min(k, in_wanted):
                return hits
        where = {"language": {"$in": sorted(language.value for language in wanted)}}
        return self._query(query_vector, min(k, in_wanted), where)

    def _query(self, query_vector: np.ndarray, n_results: int,
               where: dict | None = None) -> list[DenseHit]:
        result = self._collection.query(query_embeddings=[query_vector], n_results=n_results,
                                        where=where, include=["distances"])
        return [DenseHit(chunk_id, 1.0 - float(distance))
                for chunk_id, distance in zip(result["ids"][0], result["distances"][0])]
