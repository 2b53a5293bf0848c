"""Named, append-only schema migrations, in the manner of simonw/llm's `migrations.py`.

Each migration has a name and runs once per database, in order, inside its own transaction; the
table `_migrations` records what ran. The schema version is the number of migrations applied. A
migration is never edited once released: a change to the schema is a new migration at the end.
SQL uses `{id}`, `{real}` and `{text}` for the types that differ between SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from assistant.stores.database import Database, Dialect, Transaction

logger = logging.getLogger(__name__)

_TYPES = {
    Dialect.SQLITE: {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL", "text": "TEXT"},
    Dialect.POSTGRESQL: {"id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                         "real": "DOUBLE PRECISION", "text": "TEXT"},
}


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Transaction, Dialect], None]


def _statements(*sql: str) -> Callable[[Transaction, Dialect], None]:
    def apply(tx: Transaction, dialect: Dialect) -> None:
        for statement in sql:
            tx.execute(statement.format(**_TYPES[dialect]))

    return apply


LEGACY_FEEDBACK_FILE = "feedback.sqlite3"
# The reasons the chat offered when that file was written; any other text is left out.
_LEGACY_REASONS = frozenset({"clear", "no_need_to_call_or_visit", "sources_helped", "unclear",
                             "not_my_question", "wrong_or_outdated", "prefer_a_person"})


def _import_legacy_feedback(tx: Transaction, dialect: Dialect) -> None:
    """Feedback from before the one database (its own `feedback.sqlite3`) is kept, not lost."""
    if dialect is not Dialect.SQLITE:
        return
    main = next(row[2] for row in tx.execute("PRAGMA database_list") if row[1] == "main")
    legacy = Path(main).with_name(LEGACY_FEEDBACK_FILE) if main else None
    if legacy is None or not legacy.exists():
        return
    with closing(sqlite3.connect(legacy)) as old:
        rows = old.execute("SELECT at, conversation_id, rating, reasons, comment FROM feedback "
                           "ORDER BY id").fetchall()
    for at, conversation_id, rating, reasons, comment in rows:
        known = "\n".join(r for r in reasons.split("\n") if r in _LEGACY_REASONS)
        tx.execute("INSERT INTO feedback (at, conversation_id, rating, reasons, comment) "
                   "VALUES (?, ?, ?, ?, ?)", (at, conversation_id, rating, known, comment))
    logger.info("imported %d feedback rows from %s", len(rows), legacy)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("m001_conversation_turns", _statements(
        """CREATE TABLE turns (conversation_id {text} NOT NULL, at {real} NOT NULL,
           question {text} NOT NULL, language {text} NOT NULL, doc_ids {text} NOT NULL)""",
        "CREATE INDEX turns_by_conversation ON turns (conversation_id, at)",
        "CREATE INDEX turns_by_time ON turns (at)")),
    Migration("m002_feedback", _statements(
        """CREATE TABLE feedback (id {id}, at {real} NOT NULL, conversation_id {text} NOT NULL,
           rating {text} NOT NULL, reasons {text} NOT NULL, comment {text} NOT NULL)""",
        "CREATE INDEX feedback_by_time ON feedback (at)")),
    Migration("m003_import_legacy_feedback", _import_legacy_feedback),
)


def schema_version(database: Database) -> int:
    """How many migrations this database has applied."""
    with database.transaction() as tx:
        _ensure_ledger(tx)
        return int(tx.execute("SELECT COUNT(*) FROM _migrations")[0][0])


def migrate(database: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not run yet; returns their names."""
    applied = []
    for migration in migrations:
        with database.transaction() as tx:
            _ensure_ledger(tx)
            done = {row[0] for row in tx.execute("SELECT name FROM _migrations")}
            if migration.name in done:
                continue
            migration.apply(tx, database.dialect)
            tx.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                       (migration.name, time.time()))
        logger.info("database %s: migration %s applied", database.location, migration.name)
        applied.append(migration.name)
    return applied


def _ensure_ledger(tx: Transaction) -> None:
    tx.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, "
               "applied_at DOUBLE PRECISION NOT NULL)")
