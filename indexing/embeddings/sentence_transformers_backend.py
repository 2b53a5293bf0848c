"""Any sentence-transformers model: a hub name (for deployers with hub access) or a local path."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from indexing.errors import EmbeddingModelError


class SentenceTransformerBackend:
    """Loads the model with sentence-transformers on the CPU.

    sentence-transformers (and torch) take seconds to import, so the import waits for `warm_up`.
    e5-family models expect `query: ` / `passage: ` prefixes; other models take none.
    """

    def __init__(self, name: str, model_path: str, query_prefix: str = "",
                 passage_prefix: str = "") -> None:
        self.name = name
        self._model_path = model_path
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self._model_path, device="cpu")
            except (OSError, ValueError) as exc:
                raise EmbeddingModelError(
                    f"Cannot load the embedding model '{self._model_path}': {exc}. Set "
                    "GUICHET_EMBEDDING_MODEL to a local model folder, or to a hub name on a "
                    "machine with access to the model hub."
                ) from exc

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._query_prefix + text for text in texts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._passage_prefix + text for text in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)
