"""What routes need, as FastAPI dependencies: the assistant for a collection, the caller."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from assistant.collections import CollectionRegistry
from assistant.service import Guichet
from assistant.settings import COLLECTION_NAME_PATTERN
from indexing.errors import InvalidInput, UnknownCollection
from ui.api.rate_limit import RateLimiter
from ui.api.state import ServerState


def server_state(request: Request) -> ServerState:
    return request.app.state.server


def ready_collections(state: Annotated[ServerState, Depends(server_state)]) -> CollectionRegistry:
    if state.collections is None:
        detail = state.error or "Guichet is starting (loading the index); retry shortly."
        raise HTTPException(status_code=503, detail=detail)
    return state.collections


Collections = Annotated[CollectionRegistry, Depends(ready_collections)]


@contextmanager
def holding(collections: CollectionRegistry, name: str | None) -> Iterator[Guichet]:
    """The Guichet of a collection (the deployment's when None), held while in use so that a
    rebuild cannot remove its files underneath it."""
    try:
        guichet = collections.acquire(name or collections.default().settings.collection)
    except UnknownCollection as exc:
        raise InvalidInput("collection", str(exc)) from exc
    try:
        yield guichet
    finally:
        collections.let_go(guichet)


CollectionQuery = Annotated[str | None, Query(pattern=COLLECTION_NAME_PATTERN,
                                              description="A named collection.")]


def default_guichet(collections: Collections) -> Iterator[Guichet]:
    with holding(collections, None) as guichet:
        yield guichet


def query_guichet(collections: Collections, collection: CollectionQuery = None
                  ) -> Iterator[Guichet]:
    with holding(collections, collection) as guichet:
        yield guichet


DefaultGuichet = Annotated[Guichet, Depends(default_guichet)]
QueryGuichet = Annotated[Guichet, Depends(query_guichet)]


def client_key(request: Request) -> str:
    """Who is calling, for rate limits: the client's address (the proxy's, unless uvicorn is
    told to trust its X-Forwarded-For with GUICHET_FORWARDED_ALLOW_IPS)."""
    return request.client.host if request.client else "unknown"


ClientKey = Annotated[str, Depends(client_key)]


@dataclass(frozen=True)
class RateLimits:
    ask: RateLimiter
    feedback: RateLimiter


def _limits(request: Request) -> RateLimits:
    return request.app.state.limits


def ask_quota(request: Request, client: ClientKey) -> None:
    _limits(request).ask.check(client)


def feedback_quota(request: Request, client: ClientKey) -> None:
    _limits(request).feedback.check(client)


AskQuota = Annotated[None, Depends(ask_quota)]
FeedbackQuota = Annotated[None, Depends(feedback_quota)]
