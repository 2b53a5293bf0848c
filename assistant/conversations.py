"""Conversations kept server-side (SQLite) so that a follow-up question can be understood.

Only what follow-ups need is kept: the masked question, its language and the documents the answer
used; turns expire after a set time and only the last few are kept.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from indexing.models import Language

MAX_TURNS_KEPT = 5


@dataclass(frozen=True)
class Turn:
    question: str
    language: Language
    doc_ids: tuple[str, ...]
    at: float


class ConversationStore:
    """Turns by conversation id; thread-safe for the API's worker threads."""

    def __init__(self, path: Path, ttl_seconds: float, clock=time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._ttl = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        # WAL: readers never block the writer, and a crash loses no committed turn.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("""CREATE TABLE IF NOT EXISTS turns (
            conversation_id TEXT NOT NULL, at REAL NOT NULL, question TEXT NOT NULL,
            language TEXT NOT NULL, doc_ids TEXT NOT NULL)""")
        self._db.execute("CREATE INDEX IF NOT EXISTS turns_by_conversation "
                         "ON turns (conversation_id, at)")
        self._db.commit()

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def history(self, conversation_id: str) -> list[Turn]:
        """The turns of a conversation that have not expired, oldest first."""
        with self._lock:
            self._expire()
            rows = self._db.execute(
                "SELECT question, language, doc_ids, at FROM turns WHERE conversation_id = ? "
                "ORDER BY at", (conversation_id,)).fetchall()
        return [Turn(question, Language(language), tuple(json.loads(doc_ids)), at)
                for question, language, doc_ids, at in rows]

    def add(self, conversation_id: str, masked_question: str, language: Language,
            doc_ids: tuple[str, ...]) -> None:
        with self._lock:
            self._db.execute("INSERT INTO turns VALUES (?, ?, ?, ?, ?)",
                             (conversation_id, self._clock(), masked_question, language.value,
                              json.dumps(list(doc_ids))))
            self._db.execute(
                "DELETE FROM turns WHERE conversation_id = ? AND rowid NOT IN (SELECT rowid FROM "
                "turns WHERE conversation_id = ? ORDER BY at DESC LIMIT ?)",
                (conversation_id, conversation_id, MAX_TURNS_KEPT))
            self._db.commit()

    def _expire(self) -> None:
        self._db.execute("DELETE FROM turns WHERE at < ?", (self._clock() - self._ttl,))
        self._db.commit()

    def close(self) -> None:
        self._db.close()
