"""The HTTP API: a thin face over `assistant/`. The assistant loads in the background at start-up
so the server answers at once; `/api/health` says 503 until the index is open."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import iterate_in_threadpool

from assistant.feedback import Feedback, Rating
from assistant.models import Answer, Audience, Question
from assistant.pipeline import InvalidQuestion, UnknownConversation
from assistant.service import CollectionRegistry, Guichet, UnknownCollection, ensure_index
from assistant.settings import COLLECTION_NAME_PATTERN, Settings
from indexing.embeddings import create_embedding_backend
from indexing.models import Language
from ui.schemas import (
    AnswerOut,
    AskIn,
    FeedbackIn,
    FeedbackOut,
    Health,
    PassageOut,
    ProcedureOut,
    ProcedureSummaryOut,
)

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000
# A whole small corpus fits in one page; a large collection (6,693 pages) comes in seven.
MAX_PROCEDURES_PAGE = 1000
STATIC = Path(__file__).resolve().parent / "static"
WIDGET = Path(__file__).resolve().parent / "widget"
LanguageCode = Literal["fr", "nl", "en"]
CollectionName = Annotated[str | None, Query(pattern=COLLECTION_NAME_PATTERN,
                                             description="A named collection.")]


class _Readiness:
    """Holds the assistant once it is loaded, or the reason it could not be."""

    def __init__(self) -> None:
        self.guichet: Guichet | None = None
        self.collections: CollectionRegistry | None = None
        self.error: str | None = None

    def load(self, settings: Settings) -> None:
        try:
            backend = create_embedding_backend(settings.embedding_model)
            report = ensure_index(settings, backend)
            for problem in report.problems:
                logger.warning("corpus file skipped: %s", problem)
            guichet = Guichet.open(settings, backend)
            # The registry first: a request may arrive as soon as the assistant is set.
            self.collections = CollectionRegistry(settings, backend, guichet)
            self.guichet = guichet
            logger.info("ready: index %s", guichet.manifest.index_version)
            self.collections.open_all()
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


def _unprocessable(field: str, message: str, location: str = "body") -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors, so clients parse one format."""
    return HTTPException(status_code=422, detail=[{"loc": [location, field], "msg": message,
                                                   "type": "value_error"}])


def create_app(settings: Settings) -> FastAPI:
    readiness = _Readiness()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        threading.Thread(target=readiness.load, args=(settings,), daemon=True).start()
        yield

    app = FastAPI(title="Guichet", lifespan=lifespan,
                  description="Answers about public procedures, with sources, and a human "
                              "channel when unsure.")
    app.state.readiness = readiness
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                           expose_headers=["X-Total-Count"])

    @app.middleware("http")
    async def log_without_query(request: Request, call_next):
        # Query strings hold citizens' questions: the access log names the path only.
        started = time.perf_counter()
        response = await call_next(request)
        logger.info("%s %s %s %.0f ms", request.method, request.url.path, response.status_code,
                    (time.perf_counter() - started) * 1000)
        return response

    def in_collection(default: Guichet, name: str | None, location: str) -> Guichet:
        if not name:
            return default
        try:
            return readiness.collections.get(name)
        except UnknownCollection as exc:
            raise _unprocessable("collection", str(exc), location) from exc

    def answer_for(guichet: Guichet, body: AskIn) -> Answer:
        guichet = in_collection(guichet, body.collection, "body")
        question = body.question.strip()
        if len(question) > settings.max_question_chars:
            raise _unprocessable("question", f"The question is {len(question)} characters long; "
                                 f"the limit is {settings.max_question_chars}. Please shorten it.")
        try:
            return guichet.ask(Question(question, Language(body.language) if body.language else None,
                                        body.conversation_id, Audience(body.audience)))
        except InvalidQuestion as exc:
            field = "conversation_id" if isinstance(exc, UnknownConversation) else "question"
            raise _unprocessable(field, str(exc)) from exc

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def citizen_chat() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/widget.js", include_in_schema=False)
    def widget() -> FileResponse:
        return FileResponse(WIDGET / "guichet-widget.js", media_type="text/javascript")

    @app.get("/api/health", response_model=Health)
    def health(guichet: ReadyGuichet) -> Health:
        manifest = guichet.manifest
        return Health(status="ok", documents=manifest.documents, chunks=manifest.chunks,
                      index_version=manifest.index_version,
                      collections_ready=readiness.collections.ready())

    @app.post("/api/ask", response_model=AnswerOut)
    def ask(guichet: ReadyGuichet, body: Annotated[AskIn, Body()]) -> AnswerOut:
        return AnswerOut.from_answer(answer_for(guichet, body))

    @app.post("/api/ask/stream", response_class=StreamingResponse,
              responses={200: {"content": {"text/event-stream": {}}}})
    def ask_stream(guichet: ReadyGuichet, body: Annotated[AskIn, Body()]) -> StreamingResponse:
        """Server-sent events: `delta` events carry the answer's text line by line, the last
        event (`answer`) carries the whole Answer. Lines are sent only once the whole answer has
        passed its checks, so nothing unchecked (an unknown phone number) ever reaches a screen."""
        answer = AnswerOut.from_answer(answer_for(guichet, body))
        return StreamingResponse(iterate_in_threadpool(_events(answer)),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})

    @app.get("/api/search", response_model=list[PassageOut])
    def search(guichet: ReadyGuichet,
               q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                       pattern=r"\S", description="The search words.")],
               k: Annotated[int, Query(ge=1, le=50)] = 10,
               collection: CollectionName = None) -> list[PassageOut]:
        guichet = in_collection(guichet, collection, "query")
        return [PassageOut.from_passage(p) for p in guichet.search(q, k)]

    @app.get("/api/collections", response_model=list[str])
    def collections(guichet: ReadyGuichet) -> list[str]:
        """The collections this server can answer from; "" is the corpus folder's."""
        return readiness.collections.names()

    @app.get("/api/procedures", response_model=list[ProcedureSummaryOut])
    def procedures(guichet: ReadyGuichet, response: Response,
                   language: LanguageCode | None = None, collection: CollectionName = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_PROCEDURES_PAGE)] = MAX_PROCEDURES_PAGE,
                   offset: Annotated[int, Query(ge=0)] = 0) -> list[ProcedureSummaryOut]:
        """The procedures, sorted by id, a page at a time; X-Total-Count says how many in all."""
        guichet = in_collection(guichet, collection, "query")
        documents = guichet.procedures(Language(language) if language else None)
        response.headers["X-Total-Count"] = str(len(documents))
        return [ProcedureSummaryOut.from_document(d) for d in documents[offset:offset + limit]]

    @app.get("/api/procedures/{doc_id}", response_model=ProcedureOut)
    def procedure(guichet: ReadyGuichet, doc_id: str, language: LanguageCode = "fr",
                  collection: CollectionName = None) -> ProcedureOut:
        guichet = in_collection(guichet, collection, "query")
        document = guichet.procedure(doc_id, Language(language))
        if document is None:
            raise HTTPException(status_code=404,
                                detail=f"No procedure {doc_id!r} in language {language!r}; "
                                       "GET /api/procedures lists them.")
        return ProcedureOut.from_document(document)

    @app.post("/api/feedback", response_model=FeedbackOut, status_code=201)
    def feedback(guichet: ReadyGuichet, body: Annotated[FeedbackIn, Body()]) -> FeedbackOut:
        stored = guichet.record_feedback(Feedback(body.conversation_id, Rating(body.rating),
                                                  body.comment or "", tuple(body.reasons)))
        return FeedbackOut(id=stored, status="stored")

    import gradio as gr  # ~5 s to import: paid when the app is built, not by `import ui.api`

    from ui.staff import build_workbench, workbench_theme
    # No run history: questions typed at a counter must not pile up in the browser's storage.
    app = gr.mount_gradio_app(app, build_workbench(lambda: readiness.guichet), path="/staff",
                              footer_links=[], run_history=False, theme=workbench_theme())
    return app


def _events(answer: AnswerOut) -> Iterator[str]:
    for line in answer.answer.splitlines(keepends=True):
        yield _event("delta", {"text": line})
    yield _event("answer", answer.model_dump())


def _event(name: str, payload: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n"
