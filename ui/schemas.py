"""What the faces send out, as typed models shared by the CLI's JSON and the HTTP API."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.models import Passage


class Health(BaseModel):
    status: str
    documents: int
    chunks: int
    index_version: str


class PassageOut(BaseModel):
    """A ranked passage with the scores that ranked it (for staff and evaluators)."""

    doc_id: str
    language: str
    title: str
    section: str
    heading: str
    url: str
    text: str
    fused_score: float
    dense_rank: int | None
    dense_similarity: float | None
    lexical_rank: int | None
    lexical_score: float | None

    @classmethod
    def from_passage(cls, passage: Passage) -> PassageOut:
        chunk = passage.chunk
        return cls(doc_id=chunk.doc_id, language=chunk.language.value, title=chunk.title,
                   section=chunk.section.value, heading=chunk.heading, url=chunk.url,
                   text=chunk.text, fused_score=passage.fused_score,
                   dense_rank=passage.dense_rank, dense_similarity=passage.dense_similarity,
                   lexical_rank=passage.lexical_rank, lexical_score=passage.lexical_score)
