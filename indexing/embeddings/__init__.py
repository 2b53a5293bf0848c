"""Embedding backends behind one protocol, and adapters for LangChain and Chroma."""

from indexing.embeddings.base import EmbeddingBackend
from indexing.embeddings.registry import DEFAULT_EMBEDDING_MODEL, create_embedding_backend

__all__ = ["DEFAULT_EMBEDDING_MODEL", "EmbeddingBackend", "create_embedding_backend"]
