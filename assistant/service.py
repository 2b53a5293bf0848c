"""The assistant as the faces (CLI, API, UI) see it: built once from settings, then queried."""

from __future__ import annotations

from indexing.builder import BuildReport, ProgressFactory, build_index
from indexing.embeddings import EmbeddingBackend, create_embedding_backend
from indexing.manifest import IndexManifest
from indexing.reader import open_index

from assistant.models import Passage
from assistant.retrieval import HybridRetriever
from assistant.settings import Settings


def ensure_index(settings: Settings, backend: EmbeddingBackend, *, rebuild: bool = False,
                 progress: ProgressFactory | None = None) -> BuildReport:
    """Build the index of the configured corpus if it is missing or stale (or if asked to)."""
    options = {"progress": progress} if progress else {}
    return build_index(settings.corpus_dir, settings.data_dir, backend, rebuild=rebuild, **options)


class Guichet:
    """One warm assistant: the embedding model loaded and the current index open."""

    def __init__(self, settings: Settings, retriever: HybridRetriever) -> None:
        self.settings = settings
        self.retriever = retriever

    @classmethod
    def open(cls, settings: Settings, backend: EmbeddingBackend | None = None) -> Guichet:
        """Open the current index of the settings' data directory (it must have been built)."""
        backend = backend or create_embedding_backend(settings.embedding_model)
        index = open_index(settings.data_dir, backend)
        backend.warm_up()
        return cls(settings, HybridRetriever(index, backend, settings.retrieval_candidates,
                                             settings.rrf_k))

    @property
    def manifest(self) -> IndexManifest:
        return self.retriever.index.manifest

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        """Ranked passages for a query, without composing an answer."""
        return self.retriever.search(query, k or self.settings.search_k)
