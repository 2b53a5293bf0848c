"""The citizen's pages: the chat at `/`, its static files, and the widget script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse, HTMLResponse

from assistant.settings import Settings
from ui.api.routes.config import page_config, settings_of

UI = Path(__file__).resolve().parents[2]
STATIC = UI / "static"
WIDGET = UI / "widget"

router = APIRouter(include_in_schema=False)


CONFIG_SLOT = "<!-- guichet-config -->"
QUESTION_LIMIT_SLOT = 'maxlength="{max_question_chars}"'


@router.get("/")
def citizen_chat(settings: Annotated[Settings, Depends(settings_of)]) -> HTMLResponse:
    """The chat page with its configuration inlined (the data of GET /api/config, as JSON that
    the browser does not run), so the page starts without waiting for a second request."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    data = json.dumps(page_config(settings).model_dump(), ensure_ascii=False)
    inline = ('<script id="guichet-config" type="application/json">'
              + data.replace("<", "\\u003c") + "</script>")
    page = page.replace(CONFIG_SLOT, inline).replace(
        QUESTION_LIMIT_SLOT, f'maxlength="{settings.max_question_chars}"')
    return HTMLResponse(page)


@router.get("/widget.js")
def widget() -> FileResponse:
    return FileResponse(WIDGET / "guichet-widget.js", media_type="text/javascript")
