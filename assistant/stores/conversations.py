"""Conversations kept server-side so that a follow-up question can be understood.

Only what follow-ups need is kept: the masked question, its language and the documents the answer
used. Turns expire after a set time (a periodic sweep deletes them, not only a later question) and
only the last few turns of a conversation are kept.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from assistant.stores.database import Database
from indexing.models import Language

MAX_TURNS_KEPT = 5
CONVERSATION_ID_PATTERN = r"^[0-9a-f]{32}$"


@dataclass(frozen=True)
class Turn:
    question: str
    language: Language
    doc_ids: tuple[str, ...]
    at: float


class ConversationStore:
    """Turns by conversation id, in any `Database`."""

    def __init__(self, database: Database, ttl_seconds: float,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = database
        self._ttl = ttl_seconds
        self._clock = clock

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def history(self, conversation_id: str) -> list[Turn]:
        """The turns of a conversation that have not expired, oldest first."""
        with self._db.transaction() as tx:
            rows = tx.execute("SELECT question, language, doc_ids, at FROM turns "
                              "WHERE conversation_id = ? AND at >= ? ORDER BY at",
                              (conversation_id, self._clock() - self._ttl))
        return [Turn(question, Language(language), tuple(json.loads(doc_ids)), at)
                for question, language, doc_ids, at in rows]

    def add(self, conversation_id: str, masked_question: str, language: Language,
            doc_ids: tuple[str, ...]) -> None:
        with self._db.transaction() as tx:
            tx.execute("INSERT INTO turns (conversation_id, at, question, language, doc_ids) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (conversation_id, self._clock(), masked_question, language.value,
                        json.dumps(list(doc_ids))))
            kept = tx.execute("SELECT at FROM turns WHERE conversation_id = ? ORDER BY at DESC "
                              "LIMIT 1 OFFSET ?", (conversation_id, MAX_TURNS_KEPT - 1))
            if kept:
                tx.execute("DELETE FROM turns WHERE conversation_id = ? AND at < ?",
                           (conversation_id, kept[0][0]))

    def purge_expired(self) -> int:
        """Delete every turn past its time to live; returns how many went."""
        with self._db.transaction() as tx:
            expired = tx.execute("SELECT COUNT(*) FROM turns WHERE at < ?",
                                 (self._clock() - self._ttl,))[0][0]
            tx.execute("DELETE FROM turns WHERE at < ?", (self._clock() - self._ttl,))
        return int(expired)
