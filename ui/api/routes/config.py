"""What the pages need from the server, so that a limit or a sentence lives in one place.

`GET /api/config` gives the languages, the input limits of the settings, the order of channel
kinds, the feedback reasons and the pages' sentences from the message catalogue. The chat page
gets the same object inlined (see pages.py), so it needs no second request to start.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from assistant.compose.channels import CHANNEL_DISPLAY_ORDER
from assistant.messages import catalogue
from assistant.settings import Settings
from assistant.stores.feedback import REASONS_BY_RATING
from indexing.models import Language
from ui.api.deps import server_state
from ui.api.state import ServerState
from ui.schemas.responses import Limits, PageConfig

router = APIRouter(prefix="/api")


def page_config(settings: Settings) -> PageConfig:
    messages = catalogue()
    limit = str(settings.max_question_chars)
    strings = {}
    for language in Language:
        page = dict(messages.table("page", language))
        page["errInput"] = messages.text("page.errInput", language, max_question_chars=limit)
        strings[language.value] = page
    return PageConfig(
        languages=[language.value for language in Language],
        limits=Limits(max_question_chars=settings.max_question_chars,
                      max_comment_chars=settings.max_comment_chars),
        channel_kinds=[kind.value for kind in CHANNEL_DISPLAY_ORDER],
        feedback_reasons={rating.value: [reason.value for reason in reasons]
                          for rating, reasons in REASONS_BY_RATING.items()},
        strings=strings)


def settings_of(state: Annotated[ServerState, Depends(server_state)]) -> Settings:
    return state.settings


@router.get("/config", response_model=PageConfig)
def config(settings: Annotated[Settings, Depends(settings_of)]) -> PageConfig:
    return page_config(settings)
