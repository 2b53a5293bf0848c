"""Opens the current index of a data directory for searching."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from indexing.builder import CHUNKS_FILE, NOT_COVERED_DIR, QUESTIONS_DIR
from indexing.dense import DenseIndex
from indexing.documents_file import DOCUMENTS_FILE, read_documents
from indexing.embeddings.base import EmbeddingBackend
from indexing.errors import GuichetError, IndexNotBuiltError
from indexing.layout import BuildLease, IndexLayout
from indexing.lexical import LexicalIndex
from indexing.manifest import IndexManifest
from indexing.not_covered import TopicLabel, read_topics
from indexing.questions import QuestionIndex
from indexing.models import Chunk, Language, ProcedureDocument, SectionKind


@dataclass(frozen=True)
class OpenIndex:
    """A built index, ready to search: its manifest, chunks, dense and lexical parts."""

    folder: Path
    manifest: IndexManifest
    chunks: dict[str, Chunk]
    dense: DenseIndex
    lexical: LexicalIndex
    documents: list[ProcedureDocument]
    questions: QuestionIndex
    lease: BuildLease
    not_covered: QuestionIndex
    topics: dict[str, TopicLabel]

    def close(self) -> None:
        """Let the build be removed once a newer one is current."""
        self.lease.release()

    @property
    def doc_ids(self) -> set[str]:
        return {chunk.doc_id for chunk in self.chunks.values()}


def open_index(data_dir: Path, backend: EmbeddingBackend) -> OpenIndex:
    """Open the current index; the backend must be the model the index was built with."""
    layout = IndexLayout(data_dir)
    folder = layout.current_build()
    if folder is None:
        raise IndexNotBuiltError(data_dir)
    lease = layout.lease(folder)
    manifest = IndexManifest.read(folder)
    if manifest.embedding_model != backend.name:
        raise GuichetError(
            f"The index in {data_dir} was built with the embedding model "
            f"'{manifest.embedding_model}', but the settings name '{backend.name}'. "
            "Rebuild it with: guichet index")
    chunks = _read_chunks(folder / CHUNKS_FILE)
    chunk_languages = {chunk_id: chunk.language for chunk_id, chunk in chunks.items()}
    return OpenIndex(folder, manifest, chunks,
                     DenseIndex.open(folder / "chroma", backend, chunk_languages),
                     LexicalIndex.load(folder / "lexical"),
                     read_documents(folder / DOCUMENTS_FILE),
                     QuestionIndex.load(folder / QUESTIONS_DIR), lease,
                     QuestionIndex.load(folder / NOT_COVERED_DIR),
                     read_topics(folder / NOT_COVERED_DIR))


def _read_chunks(path: Path) -> dict[str, Chunk]:
    chunks = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            raw.update(language=Language(raw["language"]), section=SectionKind(raw["section"]),
                       keywords=tuple(raw["keywords"]))
            chunks[raw["chunk_id"]] = Chunk(**raw)
    return chunks
