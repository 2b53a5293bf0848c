"""The HTTP API: a thin face over `assistant/`. The assistant loads in the background at start-up
so the server answers at once; `/api/health` says 503 until the index is open."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from indexing.embeddings import create_embedding_backend
from ui.schemas import Health, PassageOut

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000


class _Readiness:
    """Holds the assistant once it is loaded, or the reason it could not be."""

    def __init__(self) -> None:
        self.guichet: Guichet | None = None
        self.error: str | None = None

    def load(self, settings: Settings) -> None:
        try:
            backend = create_embedding_backend(settings.embedding_model)
            report = ensure_index(settings, backend)
            for problem in report.problems:
                logger.warning("corpus file skipped: %s", problem)
            self.guichet = Guichet.open(settings, backend)
            logger.info("ready: index %s", self.guichet.manifest.index_version)
        except Exception as exc:  # reported through /api/health instead of killing the server
            logger.exception("the assistant could not start")
            self.error = str(exc)


def _ready_guichet(request: Request) -> Guichet:
    readiness: _Readiness = request.app.state.readiness
    if readiness.guichet is None:
        detail = readiness.error or "Guichet is starting (loading the index); retry shortly."
        raise HTTPException(status_code=503, detail=detail)
    return readiness.guichet


# At module level so that FastAPI can resolve it under postponed annotations.
ReadyGuichet = Annotated[Guichet, Depends(_ready_guichet)]


def create_app(settings: Settings) -> FastAPI:
    readiness = _Readiness()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        threading.Thread(target=readiness.load, args=(settings,), daemon=True).start()
        yield

    app = FastAPI(title="Guichet", lifespan=lifespan,
                  description="Answers about public procedures, with sources.")
    app.state.readiness = readiness

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/api/health", response_model=Health)
    def health(guichet: ReadyGuichet) -> Health:
        manifest = guichet.manifest
        return Health(status="ok", documents=manifest.documents, chunks=manifest.chunks,
                      index_version=manifest.index_version)

    @app.get("/api/search", response_model=list[PassageOut])
    def search(guichet: ReadyGuichet,
               q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                       pattern=r"\S", description="The search words.")],
               k: Annotated[int, Query(ge=1, le=50)] = 10) -> list[PassageOut]:
        return [PassageOut.from_passage(p) for p in guichet.search(q, k)]

    return app
