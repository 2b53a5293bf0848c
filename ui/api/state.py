"""The server's assistant: loaded in the background at start-up, then kept current.

The server answers at once (`/api/health` says 503 until the index is open). Once ready, two
background threads run: one watches for a newly published index and switches to it within
seconds, without a restart; one sweeps expired conversations and old feedback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from assistant.collections import CollectionRegistry
from assistant.service import Guichet, ensure_index, open_stores
from assistant.settings import Settings
from indexing.embeddings import create_embedding_backend

logger = logging.getLogger(__name__)


class ServerState:
    """Holds the collections once loaded, or the reason they could not be."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.collections: CollectionRegistry | None = None
        self.error: str | None = None
        self._stopping = threading.Event()

    def load(self) -> None:
        settings = self.settings
        try:
            backend = create_embedding_backend(settings.embedding_model)
            report = ensure_index(settings, backend)
            for problem in report.problems:
                logger.warning("corpus file skipped: %s", problem)
            guichet = Guichet.open(settings, backend, stores=open_stores(settings))
            self.collections = CollectionRegistry(settings, backend, guichet)
            logger.info("ready: index %s", guichet.manifest.index_version)
        except Exception as exc:  # reported through /api/health instead of killing the server
            logger.error("the assistant could not start: %s", type(exc).__name__)
            logger.debug("start-up failure", exc_info=True)
            self.error = str(exc)
            return
        self._every(settings.index_watch_seconds, self.collections.refresh, "index watcher")
        self._every(settings.sweep_interval_seconds,
                    lambda: guichet.stores.sweep(settings.feedback_retention_days), "sweeper")
        self.collections.open_all()

    def start(self) -> None:
        threading.Thread(target=self.load, name="guichet-load", daemon=True).start()

    def stop(self) -> None:
        self._stopping.set()

    @contextmanager
    def using(self) -> Iterator[Guichet | None]:
        """The deployment's Guichet, held for the block (None while it loads)."""
        if self.collections is None:
            yield None
            return
        guichet = self.collections.acquire(self.settings.collection)
        try:
            yield guichet
        finally:
            self.collections.let_go(guichet)

    def _every(self, seconds: float, task, name: str) -> None:
        def loop() -> None:
            while not self._stopping.wait(seconds):
                try:
                    task()
                except Exception:  # a failed round is logged; the next one tries again
                    logger.exception("%s failed", name)

        threading.Thread(target=loop, name=f"guichet-{name}", daemon=True).start()
