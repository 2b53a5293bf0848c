"""Feedback on an answer: stored, never lost, its comment masked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from assistant.stores.feedback import Rating
from ui.api.deps import DefaultGuichet, FeedbackQuota
from ui.schemas.requests import FeedbackIn
from ui.schemas.responses import FeedbackOut

router = APIRouter(prefix="/api")


@router.post("/feedback", response_model=FeedbackOut, status_code=201)
def feedback(_: FeedbackQuota, guichet: DefaultGuichet,
             body: Annotated[FeedbackIn, Body()]) -> FeedbackOut:
    stored = guichet.record_feedback(body.conversation_id, Rating(body.rating),
                                     body.comment or "", tuple(body.reasons))
    return FeedbackOut(id=stored, status="stored")
