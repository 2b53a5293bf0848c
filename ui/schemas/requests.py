"""What the API receives. Text is checked by the assistant (`assistant/inputs.py`), once; here
only its type, its rough size and the fixed choices."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.settings import COLLECTION_NAME_PATTERN
from assistant.stores.feedback import FeedbackReason

# Far above any limit a setting may choose: the assistant applies the configured one.
MAX_TEXT_CHARS = 20000


class AskIn(BaseModel):
    """A question to answer."""

    question: str = Field(max_length=MAX_TEXT_CHARS,
                          description="The citizen's question, in their own words.")
    language: Literal["fr", "nl", "en"] | None = Field(
        default=None, description="Language of the answer; detected when absent.")
    conversation_id: str | None = Field(default=None, max_length=64,
                                        description="From an earlier answer, for follow-ups.")
    audience: Literal["citizen", "staff"] = "citizen"
    collection: str | None = Field(default=None, pattern=COLLECTION_NAME_PATTERN,
                                   description="A named collection; the deployment's by default.")


class FeedbackIn(BaseModel):
    """A thumbs up or down on an answer, with reasons from a fixed list and an optional comment."""

    conversation_id: str = Field(max_length=64, description="The answer's conversation id.")
    rating: Literal["up", "down"]
    comment: str | None = Field(default=None, max_length=MAX_TEXT_CHARS,
                                description="Optional; masked like a question before storage.")
    reasons: list[FeedbackReason] = Field(default_factory=list, max_length=len(FeedbackReason),
                                          description="Why, among the fixed choices.")


class MessageCheckIn(BaseModel):
    """A pasted SMS or e-mail to look for scam signs in; never stored or logged."""

    text: str = Field(max_length=MAX_TEXT_CHARS, description="The message, as received.")
    language: Literal["fr", "nl", "en"] | None = Field(
        default=None, description="Language of the reply; detected when absent.")


class RightsCheckIn(BaseModel):
    """A household's answers to the rights questionnaire; questions left out match nothing."""

    language: Literal["fr", "nl", "en"] = "fr"
    answers: dict[str, str] = Field(max_length=16,
                                    description="question id -> option id, from "
                                                "GET /api/rights-check/questions")
