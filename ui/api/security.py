"""Security headers on every response, and an access log that never holds a question.

The citizen's pages run no inline script, so their Content-Security-Policy allows scripts from
Guichet's own origin only. `frame-ancestors` lists the sites allowed to show the chat in the
widget's frame: Guichet itself and the commune sites of GUICHET_CORS_ORIGINS. The Gradio workbench
(/staff) and the OpenAPI page (/docs) are built by libraries that inline their scripts, so they get
a policy of their own that allows it, and may never be framed. API responses may be framed by no one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

_COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_LIBRARY_PAGES = ("/staff", "/docs", "/redoc")


def content_security_policy(path: str, frame_ancestors: Sequence[str]) -> str:
    if path.startswith("/api/"):
        return "default-src 'none'; frame-ancestors 'none'"
    if path.startswith(_LIBRARY_PAGES):
        return ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' "
                "https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' "
                "https://cdn.jsdelivr.net https://fonts.googleapis.com; img-src 'self' data: "
                "blob: https://fastapi.tiangolo.com; font-src 'self' data: "
                "https://fonts.gstatic.com; connect-src 'self' ws: wss:; media-src 'self' blob:; "
                "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; "
                "form-action 'self'")
    ancestors = " ".join(["'self'", *frame_ancestors])
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            f"form-action 'self'; frame-ancestors {ancestors}")


class SecurityHeaders:
    """Adds the headers above to every HTTP response, and logs method, path, status, time."""

    def __init__(self, app: ASGIApp, frame_ancestors: Sequence[str]) -> None:
        self.app = app
        self._frame_ancestors = tuple(frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path = scope["path"]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _COMMON.items():
                    headers.setdefault(name, value)
                headers["Content-Security-Policy"] = content_security_policy(
                    path, self._frame_ancestors)
                # Query strings hold citizens' questions: the access log names the path only.
                logger.info("%s %s %s %.0f ms", scope["method"], path, message["status"],
                            (time.perf_counter() - started) * 1000)
            await send(message)

        await self.app(scope, receive, with_headers)
