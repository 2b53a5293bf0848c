"""Feedback on answers (thumbs up/down, reasons, a comment), kept in SQLite and never dropped.

Feedback often arrives after its conversation has expired, so it is stored whatever the
conversation's state; the comment is masked like a question, since people type their details there.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.privacy import mask_personal_data


class Rating(StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Feedback:
    conversation_id: str
    rating: Rating
    comment: str = ""
    reasons: tuple[str, ...] = ()


class FeedbackStore:
    def __init__(self, path: Path, clock=time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("""CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, conversation_id TEXT NOT NULL,
            rating TEXT NOT NULL, reasons TEXT NOT NULL, comment TEXT NOT NULL)""")
        self._db.commit()

    def add(self, feedback: Feedback) -> int:
        """Store one piece of feedback; returns its id once it is safely on disk."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO feedback (at, conversation_id, rating, reasons, comment) "
                "VALUES (?, ?, ?, ?, ?)",
                (self._clock(), feedback.conversation_id, feedback.rating.value,
                 "\n".join(feedback.reasons), mask_personal_data(feedback.comment).text))
            self._db.commit()
            return int(cursor.lastrowid)

    def all(self) -> list[Feedback]:
        with self._lock:
            rows = self._db.execute(
                "SELECT conversation_id, rating, comment, reasons FROM feedback ORDER BY id")
            return [Feedback(cid, Rating(rating), comment, tuple(r for r in reasons.split("\n") if r))
                    for cid, rating, comment, reasons in rows.fetchall()]
