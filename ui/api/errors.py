"""How the API answers what went wrong: a 4xx naming the field, never the citizen's text.

FastAPI's own validation errors echo the input; here they keep only where the problem is and
what to do. An unexpected exception is logged with its type and place only (its message may hold
a citizen's words), and the caller gets a 500 that says to try again.
"""

from __future__ import annotations

import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indexing.errors import InvalidInput

logger = logging.getLogger(__name__)

_READABLE = {
    "json_invalid": "The body is not valid JSON; send one JSON object, e.g. "
                    '{"question": "..."}.',
}


def unprocessable(location: str, field: str, message: str) -> JSONResponse:
    """A 422 shaped like FastAPI's own validation errors, so clients parse one format."""
    return JSONResponse(status_code=422, content={"detail": [
        {"loc": [location, field], "msg": message, "type": "value_error"}]})


async def _validation_failed(request: Request, exc: RequestValidationError) -> JSONResponse:
    detail = [{"loc": [part for part in error.get("loc", ()) if isinstance(part, str | int)],
               "msg": _READABLE.get(error.get("type", ""), error.get("msg", "Invalid value")),
               "type": error.get("type", "value_error")}
              for error in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": detail})


async def _invalid_input(request: Request, exc: InvalidInput) -> JSONResponse:
    location = "query" if request.method == "GET" else "body"
    return unprocessable(location, exc.field, str(exc))


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    # FastAPI answers 400 when a body cannot be parsed at all (nested too deep, not UTF-8):
    # that is the body's fault, said like any other invalid body.
    if exc.status_code == 400:
        return unprocessable("body", "json", "The body could not be read as JSON; send one "
                             'UTF-8 JSON object, e.g. {"question": "..."}.')
    return await http_exception_handler(request, exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_failed)
    app.add_exception_handler(InvalidInput, _invalid_input)
    app.add_exception_handler(StarletteHTTPException, _http_error)


class UnexpectedErrors:
    """Outermost guard: an exception nothing handled becomes a 500 and one safe log line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # the message may hold a citizen's words: type and place only
            last = traceback.extract_tb(exc.__traceback__)[-1]
            logger.error("unexpected %s on %s %s at %s:%d", type(exc).__name__, scope["method"],
                         scope["path"], last.filename.rsplit("/", 1)[-1], last.lineno)
            if not started:
                response = JSONResponse(status_code=500, content={
                    "detail": "Guichet met an unexpected problem. Please try again; if it "
                              "happens again, contact your commune."})
                await response(scope, receive, send)
