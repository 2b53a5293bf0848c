"""Questions: one answer (`/api/ask`) or the same answer as server-sent events (`/stream`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Body
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool

from assistant.models import Answer, Audience, Question
from indexing.models import Language
from ui.api.deps import AskQuota, Collections, holding
from ui.schemas.requests import AskIn
from ui.schemas.responses import AnswerOut

router = APIRouter(prefix="/api")


@router.post("/ask", response_model=AnswerOut)
def ask(_: AskQuota, collections: Collections, body: Annotated[AskIn, Body()]) -> AnswerOut:
    return AnswerOut.from_answer(_answer(collections, body))


@router.post("/ask/stream", response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {}}}})
def ask_stream(_: AskQuota, collections: Collections,
               body: Annotated[AskIn, Body()]) -> StreamingResponse:
    """Server-sent events: `delta` events carry the answer's text line by line, the last event
    (`answer`) carries the whole Answer. Lines are sent only once the whole answer has passed its
    checks, so nothing unchecked (an unknown phone number) ever reaches a screen."""
    answer = AnswerOut.from_answer(_answer(collections, body))
    return StreamingResponse(iterate_in_threadpool(_events(answer)),
                             media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


def _answer(collections: Collections, body: AskIn) -> Answer:
    language = Language(body.language) if body.language else None
    with holding(collections, body.collection) as guichet:
        return guichet.ask(Question(body.question, language, body.conversation_id,
                                    Audience(body.audience)))


def _events(answer: AnswerOut) -> Iterator[str]:
    for line in answer.answer.splitlines(keepends=True):
        yield _event("delta", {"text": line})
    yield _event("answer", answer.model_dump())


def _event(name: str, payload: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n"
