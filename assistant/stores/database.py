"""The database every store writes to: SQLite in the data folder, or a PostgreSQL server.

Stores write their SQL once, with `?` placeholders and portable types; a `Database` runs it on its
engine. SQLite (the default, no server to install) keeps one connection per process behind a lock
and runs in WAL mode, so readers never block the writer and a crash loses no committed row.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

DATABASE_FILE = "guichet.sqlite3"


class Dialect(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


class Transaction(Protocol):
    """Statements run inside one transaction: all of them are kept, or none."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...


class Database(Protocol):
    """Where stores keep their rows. `transaction()` commits on success, rolls back on error."""

    dialect: Dialect
    location: str  # for messages: a path or a server, never a password

    def transaction(self) -> AbstractContextManager[Transaction]: ...

    def close(self) -> None: ...


class _SQLiteTransaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._connection.execute(sql, tuple(params)).fetchall()


class SQLiteDatabase:
    """One SQLite file; thread-safe for the API's worker threads."""

    dialect = Dialect.SQLITE

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.location = str(path)
        self._lock = threading.Lock()
        # Autocommit off by hand: transactions are opened and closed by `transaction()`.
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                           timeout=30)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA foreign_keys=ON")

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteTransaction(self._connection)
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._connection.close()
