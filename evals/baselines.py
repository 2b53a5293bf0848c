"""Baselines ranked on the same questions as Guichet: each retriever alone, and naive RAG.

The naive RAG is what a developer builds from the LangChain tutorials: the corpus files split by
`RecursiveCharacterTextSplitter` (1,000 characters, 200 overlap), stored in Chroma with the same
embedding model, and the most similar chunk's document taken as the answer. Baselines see the
question alone: none of them keeps a conversation.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.retrieve.hybrid import HybridRetriever, RetrievalMode
from evals.metrics import (
    first_relevant_rank,
    hit_at,
    mean_reciprocal_rank,
    ndcg_at,
    percentile_ms,
    unique_doc_ids,
)
from evals.questions import QuestionCase
from evals.summary import Summary
from indexing.embeddings.adapters import LangChainEmbeddings
from indexing.embeddings.base import EmbeddingBackend
from indexing.reader import OpenIndex

CANDIDATES = 20
NAIVE_CHUNK_CHARS = 1000
NAIVE_OVERLAP_CHARS = 200


class RankingBaseline(Protocol):
    name: str

    def rank(self, question: str) -> list[str]:
        """Document ids, best first."""
        ...


class RetrieverBaseline:
    """One of Guichet's retrievers alone (or the plain hybrid), over every language."""

    def __init__(self, index: OpenIndex, backend: EmbeddingBackend, mode: RetrievalMode) -> None:
        self.name = {RetrievalMode.LEXICAL: "BM25 only", RetrievalMode.DENSE: "dense only",
                     RetrievalMode.HYBRID: "hybrid retriever alone"}[mode]
        self._retriever = HybridRetriever(index, backend, mode=mode)

    def rank(self, question: str) -> list[str]:
        return unique_doc_ids([p.chunk.doc_id for p in self._retriever.search(question,
                                                                              CANDIDATES)])


class NaiveLangChainRAG:
    """The tutorial pipeline; its answer is always the top chunk, so it never hands off."""

    name = "naive LangChain RAG"

    def __init__(self, corpus_dir: Path, backend: EmbeddingBackend, work_dir: Path) -> None:
        splitter = RecursiveCharacterTextSplitter(chunk_size=NAIVE_CHUNK_CHARS,
                                                  chunk_overlap=NAIVE_OVERLAP_CHARS)
        files = sorted(corpus_dir.glob("*/*.md"))
        documents = [Document(page_content=path.read_text(encoding="utf-8"),
                              metadata={"doc_id": path.stem, "language": path.parent.name})
                     for path in files]
        client = chromadb.PersistentClient(str(work_dir),
                                           ChromaSettings(anonymized_telemetry=False))
        self._store = Chroma(client=client, collection_name="naive-rag",
                             embedding_function=LangChainEmbeddings(backend))
        self.chunks = splitter.split_documents(documents)
        self._store.add_documents(self.chunks)

    def rank(self, question: str) -> list[str]:
        hits = self._store.similarity_search(question, k=CANDIDATES)
        return unique_doc_ids([hit.metadata["doc_id"] for hit in hits])


@dataclass(frozen=True)
class ComparisonRow:
    name: str
    questions: int
    hit1: float
    hit5: float
    mrr: float
    ndcg5: float
    p50_ms: float


def guichet_row(summary: Summary) -> ComparisonRow:
    """Guichet's own figures of the run, as a row beside the baselines."""
    return ComparisonRow("Guichet (whole pipeline)", summary.ranked_questions, summary.hit1,
                         summary.hit5, summary.mrr, summary.ndcg5, summary.latency_p50_ms)


def compare(baseline: RankingBaseline, cases: Sequence[QuestionCase]) -> ComparisonRow:
    ranked_cases = [case for case in cases if case.expected_doc_ids]
    ranks, gains, latencies = [], [], []
    for case in ranked_cases:
        started = time.perf_counter()
        ranking = baseline.rank(case.question)
        latencies.append(time.perf_counter() - started)
        ranks.append(first_relevant_rank(ranking, case.expected_doc_ids))
        gains.append(ndcg_at(ranking, case.expected_doc_ids, 5))
    return ComparisonRow(baseline.name, len(ranked_cases), hit_at(ranks, 1), hit_at(ranks, 5),
                         mean_reciprocal_rank(ranks), sum(gains) / len(gains),
                         percentile_ms(latencies, 50))
