"""The collections a server answers from: each opened once, swapped when a rebuild is published.

One Guichet per collection of the data folder, sharing the embedding model and the stores; a
request holds the Guichet it uses until it lets go, so a rebuild never closes files in use.
"""

from __future__ import annotations

import logging
import threading
import time

from assistant.service import Guichet
from assistant.settings import COLLECTIONS_DIR, Settings
from indexing.embeddings import EmbeddingBackend
from indexing.errors import UnknownCollection
from indexing.layout import IndexLayout

logger = logging.getLogger(__name__)


class CollectionRegistry:
    """The collections of a data folder, each opened on first use with the shared model.

    `refresh()` opens the newly published build of any open collection and retires the build it
    replaces; a request keeps the Guichet it acquired (`acquire`) until it lets go of it, and a
    retired build is closed, and its folder removed, once no request holds it.
    """

    def __init__(self, settings: Settings, backend: EmbeddingBackend, default: Guichet) -> None:
        self._settings = settings
        self._backend = backend
        self._stores = default.stores
        self._open = {settings.collection: default}
        self._lock = threading.Lock()
        self._in_flight: dict[int, int] = {}
        self._retired: list[Guichet] = []
        self._counter_lock = threading.Lock()

    def names(self) -> list[str]:
        """The default collection (named "" when it is the corpus folder's) and the built ones."""
        folder = self._settings.data_dir / COLLECTIONS_DIR
        built = sorted(path.name for path in folder.iterdir()
                       if IndexLayout(path).current_build() is not None) if folder.is_dir() else []
        return list(dict.fromkeys([self._settings.collection, *built]))

    def ready(self) -> list[str]:
        """The collections already open: a request to them does not wait."""
        return sorted(self._open)

    def default(self) -> Guichet:
        return self._open[self._settings.collection]

    def open_all(self) -> None:
        """Opens every built collection now, so that no citizen's request waits for one (a
        6,693-page collection takes 17 s). A collection that fails is logged and left closed."""
        for name in self.names():
            if name in self._open:
                continue
            started = time.perf_counter()
            try:
                self.get(name)
            except Exception:  # one broken collection must not keep the others from serving
                logger.exception("collection %r could not be opened", name)
                continue
            logger.info("collection %r opened in %.1f s", name, time.perf_counter() - started)

    def get(self, name: str) -> Guichet:
        # An open collection is served without the lock, which an opening one holds for seconds.
        if (opened := self._open.get(name)) is not None:
            return opened
        with self._lock:
            if name not in self._open:
                names = self.names()
                if name not in names:
                    available = ", ".join(n for n in names if n) or "none"
                    raise UnknownCollection(f"No collection named {name!r}; built collections: "
                                            f"{available}.")
                opened = self._open_collection(name)
                # A new dict rather than an insertion, so that reading it needs no lock.
                self._open = {**self._open, name: opened}
            return self._open[name]

    def _open_collection(self, name: str) -> Guichet:
        settings = self._settings.with_overrides(collection=name)
        return Guichet.open(settings, self._backend, stores=self._stores)

    def acquire(self, name: str) -> Guichet:
        """The Guichet a request runs on; its build stays open until `let_go`."""
        self.get(name)
        with self._counter_lock:
            guichet = self._open[name]
            self._in_flight[id(guichet)] = self._in_flight.get(id(guichet), 0) + 1
        return guichet

    def let_go(self, guichet: Guichet) -> None:
        with self._counter_lock:
            self._in_flight[id(guichet)] -= 1
        self._close_idle_retired()

    def refresh(self) -> list[str]:
        """Switch every open collection whose index was rebuilt to its new build; returns the
        names switched. A build that fails to open is logged and the old one keeps serving."""
        switched = []
        for name, guichet in list(self._open.items()):
            current = IndexLayout(guichet.settings.index_dir).current_build()
            if current is None or current == guichet.build:
                continue
            try:
                fresh = self._open_collection(name)
            except Exception:
                logger.exception("collection %r: the new build could not be opened", name)
                continue
            with self._counter_lock:
                self._open = {**self._open, name: fresh}
                self._retired.append(guichet)
            logger.info("collection %r now serves index %s", name, fresh.manifest.index_version)
            switched.append(name)
        self._close_idle_retired()
        return switched

    def _close_idle_retired(self) -> None:
        with self._counter_lock:
            idle = [g for g in self._retired if self._in_flight.get(id(g), 0) == 0]
            self._retired = [g for g in self._retired if g not in idle]
        for guichet in idle:
            guichet.close()
            self._in_flight.pop(id(guichet), None)
            removed = IndexLayout(guichet.settings.index_dir).remove_unused_builds()
            if removed:
                logger.info("old builds removed: %s", [folder.name for folder in removed])
