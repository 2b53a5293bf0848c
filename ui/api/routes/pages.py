"""The citizen's pages: the chat at `/`, its static files, and the widget script."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

UI = Path(__file__).resolve().parents[2]
STATIC = UI / "static"
WIDGET = UI / "widget"

router = APIRouter(include_in_schema=False)


@router.get("/")
def citizen_chat() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/widget.js")
def widget() -> FileResponse:
    return FileResponse(WIDGET / "guichet-widget.js", media_type="text/javascript")
