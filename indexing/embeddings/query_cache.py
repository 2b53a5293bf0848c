"""Query embeddings remembered: the same words are embedded once, whoever asks for them.

One question is embedded by several steps (the danger check reads it, retrieval searches with it)
and the same questions come back often ("passeport prix"); a small LRU cache in front of the model
answers those from memory. Passages are not cached here: the index build has its own cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from indexing.embeddings.base import EmbeddingBackend

DEFAULT_SIZE = 4096


class QueryCachingBackend:
    """An EmbeddingBackend that remembers the last `size` query embeddings."""

    def __init__(self, backend: EmbeddingBackend, size: int = DEFAULT_SIZE) -> None:
        self.name = backend.name
        self._backend = backend
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def warm_up(self) -> None:
        self._backend.warm_up()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._backend.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            known = {text: self._vectors[text] for text in texts if text in self._vectors}
            for text in known:
                self._vectors.move_to_end(text)
        missing = list(dict.fromkeys(text for text in texts if text not in known))
        if missing:
            fresh = self._backend.embed_queries(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    self._vectors[text] = vector
                    known[text] = vector
                while len(self._vectors) > self._size:
                    self._vectors.popitem(last=False)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if not texts:
            return self._backend.embed_queries([])
        return np.stack([known[text] for text in texts])
