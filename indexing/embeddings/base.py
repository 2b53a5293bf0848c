"""The one interface every embedding backend offers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class EmbeddingBackend(Protocol):
    """Turns texts into L2-normalised vectors; queries and passages may be embedded differently.

    `name` identifies the model in the index manifest, so that changing models rebuilds the index.
    Loading is deferred to `warm_up` (called by the first embedding at the latest) so that creating
    a backend is cheap and a command that never embeds never pays for it.
    """

    name: str

    def warm_up(self) -> None: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...
