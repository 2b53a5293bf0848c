"""Is this message a scam? The signs of a pasted message and what to do (nothing stored)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from indexing.models import Language
from ui.api.deps import AskQuota, DefaultGuichet
from ui.schemas.requests import MessageCheckIn
from ui.schemas.responses import MessageCheckOut

router = APIRouter(prefix="/api")


@router.post("/message-check", response_model=MessageCheckOut)
def message_check(_: AskQuota, guichet: DefaultGuichet,
                  body: Annotated[MessageCheckIn, Body()]) -> MessageCheckOut:
    language = Language(body.language) if body.language else None
    return MessageCheckOut.from_report(guichet.check_message(body.text, language))
