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
from indexing.corpus import load_corpus
from indexing.dense import DenseIndex
from indexing.embeddings.base import EmbeddingBackend
from indexing.errors import CorpusProblem
from indexing.layout import IndexLayout
from indexing.lexical import LexicalIndex
from indexing.manifest import Fingerprint, IndexManifest, corpus_hash

logger = logging.getLogger(__name__)

CHUNKS_FILE = "chunks.jsonl"


@dataclass
class BuildReport:
    """What a call to `build_index` did."""

    manifest: IndexManifest
    rebuilt: bool
    problems: list[CorpusProblem] = field(default_factory=list)


ProgressFactory = Callable[[int], Callable[[int], None]]


def _no_progress(total: int) -> Callable[[int], None]:
    return lambda done: None


def fingerprint_of(corpus_dir: Path, backend: EmbeddingBackend) -> Fingerprint:
    return Fingerprint(corpus_hash(corpus_dir), backend.name, CHUNKING_VERSION)


def build_index(corpus_dir: Path, data_dir: Path, backend: EmbeddingBackend, *,
                rebuild: bool = False, progress: ProgressFactory = _no_progress) -> BuildReport:
    """Build the index unless the current one already matches the corpus, model and chunking.

    `progress(total)` returns a callback that receives the number of chunks just embedded.
    Broken documents are reported in the result and left out; the others are indexed.
    """
    layout = IndexLayout(data_dir)
    with layout.build_lock():
        fingerprint = fingerprint_of(corpus_dir, backend)
        current = layout.current_build()
        if current is not None and not rebuild:
            manifest = IndexManifest.read(current)
            if manifest.fingerprint == fingerprint:
                return BuildReport(manifest, rebuilt=False,
                                   problems=load_corpus(corpus_dir).problems)
        layout.clear_partials()
        return _build(corpus_dir, layout, backend, fingerprint, progress)


def _build(corpus_dir: Path, layout: IndexLayout, backend: EmbeddingBackend,
           fingerprint: Fingerprint, progress: ProgressFactory) -> BuildReport:
    started = time.perf_counter()
    corpus = load_corpus(corpus_dir)
    for problem in corpus.problems:
        logger.warning("skipped %s", problem)
    chunks = chunk_documents(corpus.documents)
    texts = [search_text(chunk) for chunk in chunks]
    built_at = datetime.now(UTC)
    version = f"{built_at:%Y%m%dT%H%M%S%fZ}-{fingerprint.corpus_hash[:8]}"
    partial = layout.new_partial(version)

    backend.warm_up()
    DenseIndex.build(partial / "chroma", backend, chunks, texts, on_progress=progress(len(chunks)))
    LexicalIndex.build(chunks, texts).save(partial / "lexical")
    with (partial / CHUNKS_FILE).open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    manifest = IndexManifest(
        index_version=version, corpus_hash=fingerprint.corpus_hash,
        embedding_model=fingerprint.embedding_model,
        chunking_version=fingerprint.chunking_version, built_at=built_at.isoformat(),
        documents=len(corpus.documents), chunks=len(chunks),
        build_seconds=round(time.perf_counter() - started, 2),
    )
    manifest.write(partial)
    layout.publish(partial)
    logger.info("index %s built: %d documents, %d chunks", version, manifest.documents,
                manifest.chunks)
    return BuildReport(manifest, rebuilt=True, problems=corpus.problems)
