"""The store contract on SQLite, plus what only SQLite has: the data folder's file and the feedback
file of earlier versions."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.stores.database import SQLiteDatabase
from assistant.stores.feedback import Feedback, FeedbackReason, FeedbackStore, Rating
from assistant.stores.migrations import LEGACY_FEEDBACK_FILE, migrate
from tests.assistant.stores.contract import StoreContract


class TestSQLite(StoreContract):
    @pytest.fixture
    def database(self, tmp_path):
        database = SQLiteDatabase(tmp_path / "guichet.sqlite3")
        migrate(database)
        yield database
        database.close()

    @pytest.fixture
    def empty_database(self, tmp_path):
        database = SQLiteDatabase(tmp_path / "empty.sqlite3")
        yield database
        database.close()


def test_rows_survive_closing_and_reopening_the_file(tmp_path):
    database = SQLiteDatabase(tmp_path / "guichet.sqlite3")
    migrate(database)
    FeedbackStore(database).add(Feedback("d" * 32, Rating.UP))
    database.close()
    reopened = SQLiteDatabase(tmp_path / "guichet.sqlite3")
    assert migrate(reopened) == []
    assert len(FeedbackStore(reopened).all()) == 1


def test_feedback_of_the_former_separate_file_is_imported_once(tmp_path):
    with sqlite3.connect(tmp_path / LEGACY_FEEDBACK_FILE) as old:
        old.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT "
                    "NULL, conversation_id TEXT NOT NULL, rating TEXT NOT NULL, reasons TEXT NOT "
                    "NULL, comment TEXT NOT NULL)")
        old.execute("INSERT INTO feedback (at, conversation_id, rating, reasons, comment) VALUES "
                    "(1.0, 'old', 'down', 'unclear' || char(10) || 'pas clair', 'trop long')")
    database = SQLiteDatabase(tmp_path / "guichet.sqlite3")
    migrate(database)
    migrate(database)
    kept = FeedbackStore(database).all()
    assert kept == [Feedback("old", Rating.DOWN, "trop long", (FeedbackReason.UNCLEAR,))]
