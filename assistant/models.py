"""The data the assistant passes between its steps, and the Answer of the contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from indexing.models import Channel, Chunk, Language


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the evidence of each retriever and their fused score.

    Ranks start at 1; a rank of None means that retriever did not return the chunk.
    """

    chunk: Chunk
    fused_score: float
    dense_rank: int | None = None
    dense_similarity: float | None = None
    lexical_rank: int | None = None
    lexical_score: float | None = None


class Audience(StrEnum):
    """Who reads the answer: a citizen gets a short answer, staff get the full sections."""

    CITIZEN = "citizen"
    STAFF = "staff"


class AnswerStatus(StrEnum):
    ANSWER = "answer"
    HANDOFF = "handoff"
    URGENT = "urgent"
    CLARIFY = "clarify"


@dataclass(frozen=True)
class Question:
    """What the citizen asked, with what the faces know about the asking."""

    text: str
    language: Language | None = None
    conversation_id: str | None = None
    audience: Audience = Audience.CITIZEN


@dataclass(frozen=True)
class Source:
    """A passage handed to a generator under its number: `[number]` cites it."""

    number: int
    passage: Passage


@dataclass(frozen=True)
class Draft:
    """A generator's answer text, with `[n]` markers, and the source numbers it cites, in order."""

    text: str
    cited: tuple[int, ...]


@dataclass(frozen=True)
class Citation:
    doc_id: str
    language: Language
    title: str
    url: str
    section: str
    attribution: str = ""  # whom the source's licence asks to credit, if anyone
    updated: str = ""  # the source's review or update date (ISO), shown beside it


class HandoffReason(StrEnum):
    """Why a human takes over (or may, if the citizen prefers): a stable code of the contract."""

    CHOICE = "choice"  # an answer was given; the channels are there if the citizen prefers
    URGENT = "urgent"
    LOW_CONFIDENCE = "low_confidence"
    OUT_OF_SCOPE = "out_of_scope"
    NOT_COVERED = "not_covered"  # a public procedure the corpus has no page on
    OWN_FILE = "own_file"
    OTHERS_DATA = "others_data"
    HARMFUL = "harmful"
    MANIPULATION = "manipulation"
    OTHER_REGION = "other_region"
    OTHER_COUNTRY = "other_country"
    UNSUPPORTED_LANGUAGE = "unsupported_language"


@dataclass(frozen=True)
class Handoff:
    """Why a human should take over (or may, if the citizen prefers), and how to reach one."""

    reason: HandoffReason
    channels: tuple[Channel, ...]


@dataclass(frozen=True)
class Answer:
    question: str
    language: Language
    status: AnswerStatus
    answer: str
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    handoff: Handoff | None = None
    conversation_id: str = ""
    options: tuple[str, ...] = field(default=())  # the choices a clarifying question offers
