"""Builds the index of a corpus: load, chunk, embed into Chroma, BM25, manifest, publish."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from indexing.chunking import CHUNKING_VERSION, chunk_documents, search_text
from indexing.dense import DenseIndex
from indexing.documents_file import DOCUMENTS_FILE, write_documents
from indexing.embedding_cache import CACHE_FILE, EmbeddingCache
from indexing.embeddings.base import EmbeddingBackend
from indexing.errors import CorpusProblem
from indexing.layout import IndexLayout
from indexing.lexical import LexicalIndex
from indexing.manifest import Fingerprint, IndexManifest
from indexing.not_covered import write_topics
from indexing.questions import QUERY_CACHE_SUFFIX, QuestionIndex, example_questions
from indexing.source import CorpusSource, MarkdownCorpus

logger = logging.getLogger(__name__)

CHUNKS_FILE = "chunks.jsonl"
QUESTIONS_DIR = "questions"
NOT_COVERED_DIR = "not-covered"


@dataclass
class BuildReport:
    """What a call to `build_index` did."""

    manifest: IndexManifest
    rebuilt: bool
    problems: list[CorpusProblem] = field(default_factory=list)


ProgressFactory = Callable[[int], Callable[[int], None]]


def _no_progress(total: int) -> Callable[[int], None]:
    return lambda done: None


def fingerprint_of(source: CorpusSource, backend: EmbeddingBackend) -> Fingerprint:
    return Fingerprint(source.content_hash(), backend.name, CHUNKING_VERSION)


def build_index(source: CorpusSource | Path, data_dir: Path, backend: EmbeddingBackend, *,
                rebuild: bool = False, progress: ProgressFactory = _no_progress,
                cache_path: Path | None = None) -> BuildReport:
    """Build the index unless the current one already matches the source, model and chunking.

    A Path is a Markdown corpus folder. `progress(total)` returns a callback that receives the
    number of chunks just embedded. Broken documents are reported in the result and left out;
    the others are indexed. Embeddings are cached (in `data_dir` unless `cache_path` says where),
    so an interrupted build resumes and a changed document re-embeds only its own chunks.
    """
    if isinstance(source, Path):
        source = MarkdownCorpus(source)
    layout = IndexLayout(data_dir)
    with layout.build_lock():
        # What a killed build left behind goes first, whether or not this one rebuilds.
        layout.clear_partials()
        fingerprint = fingerprint_of(source, backend)
        current = layout.current_build()
        if current is not None and not rebuild:
            manifest = IndexManifest.read(current)
            if manifest.fingerprint == fingerprint:
                return BuildReport(manifest, rebuilt=False, problems=source.load().problems)
        cache = EmbeddingCache(cache_path or data_dir / CACHE_FILE, backend.name)
        try:
            return _build(source, layout, backend, fingerprint, progress, cache)
        finally:
            cache.close()


def _build(source: CorpusSource, layout: IndexLayout, backend: EmbeddingBackend,
           fingerprint: Fingerprint, progress: ProgressFactory,
           cache: EmbeddingCache) -> BuildReport:
    started = time.perf_counter()
    corpus = source.load()
    for problem in corpus.problems:
        logger.warning("skipped %s", problem)
    chunks = chunk_documents(corpus.documents)
    texts = [search_text(chunk) for chunk in chunks]
    built_at = datetime.now(UTC)
    version = f"{built_at:%Y%m%dT%H%M%S%fZ}-{fingerprint.corpus_hash[:8]}"
    partial = layout.new_partial(version)

    backend.warm_up()
    DenseIndex.build(partial / "chroma", backend, chunks, texts, on_progress=progress(len(chunks)),
                     cache=cache)
    LexicalIndex.build(chunks, texts).save(partial / "lexical")
    query_cache = EmbeddingCache(cache.path, backend.name + QUERY_CACHE_SUFFIX)
    try:
        QuestionIndex.build(partial / QUESTIONS_DIR, backend,
                            example_questions(corpus.documents), query_cache)
        QuestionIndex.build(partial / NOT_COVERED_DIR, backend,
                            [q for topic in corpus.not_covered for q in topic.indexed_questions()],
                            query_cache)
    finally:
        query_cache.close()
    with (partial / CHUNKS_FILE).open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    write_documents(partial / DOCUMENTS_FILE, corpus.documents)
    write_topics(partial / NOT_COVERED_DIR, corpus.not_covered)
    manifest = IndexManifest(
        index_version=version, corpus_hash=fingerprint.corpus_hash,
        embedding_model=fingerprint.embedding_model,
        chunking_version=fingerprint.chunking_version, built_at=built_at.isoformat(),
        documents=len(corpus.documents), chunks=len(chunks),
        build_seconds=round(time.perf_counter() - started, 2), source=source.description,
    )
    manifest.write(partial)
    layout.publish(partial)
    logger.info("index %s built: %d documents, %d chunks", version, manifest.documents,
                manifest.chunks)
    return BuildReport(manifest, rebuilt=True, problems=corpus.problems)
