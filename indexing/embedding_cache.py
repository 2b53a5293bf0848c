"""Embeddings kept between builds, keyed by model and text: builds resume and stay incremental.

A build looks every chunk up here before embedding it, and stores each batch as soon as it is
embedded. So a build that was interrupted starts again where it stopped, and a rebuild after one
document changed embeds only the chunks whose text changed. The cache lives in the data folder
(SQLite, WAL); deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

CACHE_FILE = "embedding-cache.sqlite"


class EmbeddingCache:
    def __init__(self, path: Path, model: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._model = model
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS embeddings (model TEXT NOT NULL, "
                         "text_hash TEXT NOT NULL, vector BLOB NOT NULL, "
                         "PRIMARY KEY (model, text_hash))")
        self._db.commit()

    def lookup(self, texts: Sequence[str]) -> dict[int, np.ndarray]:
        """The cached vectors of these texts, by their position in `texts`."""
        hashes = [_hash(text) for text in texts]
        found = {}
        for start in range(0, len(hashes), 500):  # SQLite caps the number of parameters
            window = hashes[start:start + 500]
            rows = self._db.execute(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN "
                f"({','.join('?' * len(window))})", [self._model, *window]).fetchall()
            found.update({text_hash: vector for text_hash, vector in rows})
        return {position: np.frombuffer(found[text_hash], dtype=np.float32)
                for position, text_hash in enumerate(hashes) if text_hash in found}

    def store(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO embeddings (model, text_hash, vector) VALUES (?, ?, ?)",
            [(self._model, _hash(text), np.asarray(vector, dtype=np.float32).tobytes())
             for text, vector in zip(texts, vectors, strict=True)])
        self._db.commit()

    def close(self) -> None:
        self._db.close()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
