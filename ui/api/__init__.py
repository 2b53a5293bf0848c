"""The HTTP API and the pages: a thin face over `assistant/`.

`create_app` wires the parts; each route lives in `ui/api/routes/`, its dependencies in `deps.py`,
the error shapes in `errors.py`, the headers in `security.py`.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from assistant.settings import Settings
from ui.api.deps import RateLimits
from ui.api.errors import UnexpectedErrors, install_error_handlers
from ui.api.rate_limit import RateLimiter
from ui.api.routes import (
    ask,
    config,
    feedback,
    health,
    message_check,
    pages,
    procedures,
    rights,
    search,
)
from ui.api.security import SecurityHeaders
from ui.api.state import ServerState


def create_app(settings: Settings) -> FastAPI:
    state = ServerState(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state.start()
        yield
        state.stop()

    app = FastAPI(title="Guichet", lifespan=lifespan, max_body_size=settings.max_body_bytes,
                  description="Answers about public procedures, with sources, and a human "
                              "channel when unsure.")
    app.state.server = state
    app.state.limits = RateLimits(RateLimiter(settings.ask_rate_per_minute),
                                  RateLimiter(settings.feedback_rate_per_minute))
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                           expose_headers=["X-Total-Count", "Retry-After"])
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.cors_origins)
    app.add_middleware(UnexpectedErrors)
    for module in (pages, config, health, ask, search, procedures, feedback, message_check,
                   rights):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")
    return _with_workbench(app, state)


def _with_workbench(app: FastAPI, state: ServerState) -> FastAPI:
    import gradio as gr  # ~5 s to import: paid when the app is built, not by `import ui.api`

    from ui.staff import build_workbench, workbench_theme

    # No run history: questions typed at a counter must not pile up in the browser's storage.
    workbench = build_workbench(state.using, state.settings.max_question_chars)
    return gr.mount_gradio_app(app, workbench, path="/staff",
                               footer_links=[], run_history=False, theme=workbench_theme())
