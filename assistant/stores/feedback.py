"""Feedback on answers (thumbs up/down, reasons from a fixed list, a comment), never dropped.

Feedback often arrives after its conversation has expired, so it is stored whatever the
conversation's state. The comment reaches the store already masked; feedback older than the
retention period is deleted by the periodic sweep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from assistant.stores.database import Database


class Rating(StrEnum):
    UP = "up"
    DOWN = "down"


class FeedbackReason(StrEnum):
    """Why an answer helped or did not: the fixed choices the pages offer."""

    CLEAR = "clear"
    NO_NEED_TO_CALL_OR_VISIT = "no_need_to_call_or_visit"
    SOURCES_HELPED = "sources_helped"
    UNCLEAR = "unclear"
    NOT_MY_QUESTION = "not_my_question"
    WRONG_OR_OUTDATED = "wrong_or_outdated"
    PREFER_A_PERSON = "prefer_a_person"


# The reasons the pages offer after each rating.
REASONS_BY_RATING = {
    Rating.UP: (FeedbackReason.CLEAR, FeedbackReason.NO_NEED_TO_CALL_OR_VISIT,
                FeedbackReason.SOURCES_HELPED),
    Rating.DOWN: (FeedbackReason.UNCLEAR, FeedbackReason.NOT_MY_QUESTION,
                  FeedbackReason.WRONG_OR_OUTDATED, FeedbackReason.PREFER_A_PERSON),
}


@dataclass(frozen=True)
class Feedback:
    conversation_id: str
    rating: Rating
    comment: str = ""
    reasons: tuple[FeedbackReason, ...] = ()


class FeedbackStore:
    def __init__(self, database: Database, clock: Callable[[], float] = time.time) -> None:
        self._db = database
        self._clock = clock

    def add(self, feedback: Feedback) -> int:
        """Store one piece of feedback; returns its id once it is committed."""
        with self._db.transaction() as tx:
            rows = tx.execute(
                "INSERT INTO feedback (at, conversation_id, rating, reasons, comment) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (self._clock(), feedback.conversation_id, feedback.rating.value,
                 "\n".join(reason.value for reason in feedback.reasons), feedback.comment))
        return int(rows[0][0])

    def all(self) -> list[Feedback]:
        with self._db.transaction() as tx:
            rows = tx.execute("SELECT conversation_id, rating, comment, reasons FROM feedback "
                              "ORDER BY id")
        return [Feedback(cid, Rating(rating), comment,
                         tuple(FeedbackReason(r) for r in reasons.split("\n") if r))
                for cid, rating, comment, reasons in rows]

    def purge_older_than(self, days: float) -> int:
        """Delete feedback kept longer than `days`; returns how many went."""
        cutoff = self._clock() - days * 86400
        with self._db.transaction() as tx:
            old = tx.execute("SELECT COUNT(*) FROM feedback WHERE at < ?", (cutoff,))[0][0]
            tx.execute("DELETE FROM feedback WHERE at < ?", (cutoff,))
        return int(old)
