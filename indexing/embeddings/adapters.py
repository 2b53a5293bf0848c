"""One embedding backend, seen through the interfaces of LangChain and of Chroma."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings
from langchain_core.embeddings import Embeddings

from indexing.embeddings.base import EmbeddingBackend


class LangChainEmbeddings(Embeddings):
    """A backend as a LangChain `Embeddings`, for LangChain vector stores and retrievers."""

    def __init__(self, backend: EmbeddingBackend) -> None:
        self.backend = backend

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.backend.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.backend.embed_queries([text])[0].tolist()


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """A backend as a Chroma embedding function, so a collection never falls back to Chroma's
    default model (which would try to download its weights)."""

    def __init__(self, backend: EmbeddingBackend) -> None:
        self.backend = backend

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        return list(self.backend.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> ChromaEmbeddings:
        return list(self.backend.embed_queries(list(input)))

    @staticmethod
    def name() -> str:
        return "guichet"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.backend.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        from indexing.embeddings.registry import create_embedding_backend

        return ChromaEmbeddingFunction(create_embedding_backend(config["model"]))
