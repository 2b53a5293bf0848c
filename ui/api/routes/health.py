"""Readiness: 503 while the index loads, then what is served."""

from __future__ import annotations

from fastapi import APIRouter

from ui.api.deps import Collections, DefaultGuichet
from ui.schemas.responses import Health

router = APIRouter(prefix="/api")


@router.get("/health", response_model=Health)
def health(guichet: DefaultGuichet, collections: Collections) -> Health:
    manifest = guichet.manifest
    return Health(status="ok", documents=manifest.documents, chunks=manifest.chunks,
                  index_version=manifest.index_version, collections_ready=collections.ready())


@router.get("/collections", response_model=list[str])
def list_collections(collections: Collections) -> list[str]:
    """The collections this server can answer from; "" is the corpus folder's."""
    return collections.names()
