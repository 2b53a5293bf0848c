"""The corpus as documents: a page of summaries, or one procedure whole."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Response

from indexing.models import Language
from ui.api.deps import QueryGuichet
from ui.schemas.responses import ProcedureOut, ProcedureSummaryOut

# A whole small corpus fits in one page; a large collection (6,693 pages) comes in seven.
MAX_PROCEDURES_PAGE = 1000
LanguageCode = Literal["fr", "nl", "en"]
router = APIRouter(prefix="/api")


@router.get("/procedures", response_model=list[ProcedureSummaryOut])
def procedures(guichet: QueryGuichet, response: Response, language: LanguageCode | None = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PROCEDURES_PAGE)] = MAX_PROCEDURES_PAGE,
               offset: Annotated[int, Query(ge=0)] = 0) -> list[ProcedureSummaryOut]:
    """The procedures, sorted by id, a page at a time; X-Total-Count says how many in all."""
    documents = guichet.procedures(Language(language) if language else None)
    response.headers["X-Total-Count"] = str(len(documents))
    return [ProcedureSummaryOut.from_document(d) for d in documents[offset:offset + limit]]


@router.get("/procedures/{doc_id}", response_model=ProcedureOut)
def procedure(guichet: QueryGuichet, doc_id: Annotated[str, Path(max_length=100)],
              language: LanguageCode = "fr") -> ProcedureOut:
    document = guichet.procedure(doc_id, Language(language))
    if document is None:
        raise HTTPException(status_code=404, detail=f"No procedure with this id in language "
                                                    f"{language!r}; GET /api/procedures lists them.")
    return ProcedureOut.from_document(document)
