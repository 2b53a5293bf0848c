"""Ranked passages for staff, without an answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.inputs import clean_text
from ui.api.deps import QueryGuichet
from ui.schemas.responses import PassageOut

MAX_QUERY_CHARS = 1000
router = APIRouter(prefix="/api")


@router.get("/search", response_model=list[PassageOut])
def search(guichet: QueryGuichet,
           q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="The search words.")],
           k: Annotated[int, Query(ge=1, le=50)] = 10) -> list[PassageOut]:
    query = clean_text(q, "q", MAX_QUERY_CHARS)
    return [PassageOut.from_passage(p) for p in guichet.search(query, k)]
