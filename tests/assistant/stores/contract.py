"""The one contract every database backend passes: each backend's test module subclasses
`StoreContract` and provides the `database` fixture (a fresh, migrated database)."""

from __future__ import annotations

import pytest

from assistant.stores.conversations import MAX_TURNS_KEPT, ConversationStore
from assistant.stores.feedback import Feedback, FeedbackReason, FeedbackStore, Rating
from assistant.stores.migrations import MIGRATIONS, Migration, migrate, schema_version
from indexing.models import Language


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class StoreContract:
    @pytest.fixture
    def clock(self) -> Clock:
        return Clock()

    def test_a_fresh_database_is_at_the_latest_schema_and_migrating_again_does_nothing(
            self, database):
        assert schema_version(database) == len(MIGRATIONS)
        assert migrate(database) == []

    def test_turns_come_back_oldest_first_per_conversation(self, database, clock):
        store = ConversationStore(database, ttl_seconds=600, clock=clock)
        store.add("a", "passeport prix", Language.FR, ("passeport",))
        clock.now += 1
        store.add("b", "paspoort", Language.NL, ())
        clock.now += 1
        store.add("a", "et le délai ?", Language.FR, ("passeport",))
        history = store.history("a")
        assert [turn.question for turn in history] == ["passeport prix", "et le délai ?"]
        assert history[0].doc_ids == ("passeport",) and history[0].language is Language.FR
        assert [turn.question for turn in store.history("b")] == ["paspoort"]

    def test_turns_expire_and_the_sweep_deletes_them(self, database, clock):
        store = ConversationStore(database, ttl_seconds=60, clock=clock)
        store.add("a", "première question", Language.FR, ())
        store.add("b", "autre question", Language.FR, ())
        clock.now += 30
        store.add("c", "récente", Language.FR, ())
        clock.now += 31
        assert store.history("a") == []
        assert store.purge_expired() == 2
        assert [turn.question for turn in store.history("c")] == ["récente"]
        assert store.purge_expired() == 0

    def test_only_the_last_turns_are_kept(self, database, clock):
        store = ConversationStore(database, ttl_seconds=600, clock=clock)
        for number in range(MAX_TURNS_KEPT + 3):
            clock.now += 1
            store.add("a", f"question {number}", Language.FR, ())
        kept = [turn.question for turn in store.history("a")]
        assert kept == [f"question {n}" for n in range(3, MAX_TURNS_KEPT + 3)]

    def test_feedback_is_stored_with_its_reasons_and_purged_after_its_retention(self, database,
                                                                                 clock):
        store = FeedbackStore(database, clock=clock)
        first = store.add(Feedback("a" * 32, Rating.DOWN, "pas clair [téléphone]",
                                   (FeedbackReason.UNCLEAR, FeedbackReason.PREFER_A_PERSON)))
        clock.now += 10 * 86400
        second = store.add(Feedback("b" * 32, Rating.UP))
        assert second > first
        assert store.all() == [
            Feedback("a" * 32, Rating.DOWN, "pas clair [téléphone]",
                     (FeedbackReason.UNCLEAR, FeedbackReason.PREFER_A_PERSON)),
            Feedback("b" * 32, Rating.UP)]
        assert store.purge_older_than(days=5) == 1
        assert [f.conversation_id for f in store.all()] == ["b" * 32]

    def test_a_database_one_migration_behind_upgrades_without_losing_rows(self, empty_database,
                                                                          clock):
        older = MIGRATIONS[:-1] + (Migration("m_test_extra_column", _add_note_column),)
        migrate(empty_database, MIGRATIONS)
        FeedbackStore(empty_database, clock=clock).add(Feedback("c" * 32, Rating.UP, "merci"))
        before = schema_version(empty_database)
        assert migrate(empty_database, MIGRATIONS + older[-1:]) == ["m_test_extra_column"]
        assert schema_version(empty_database) == before + 1
        with empty_database.transaction() as tx:
            rows = tx.execute("SELECT conversation_id, comment, note FROM feedback")
        assert rows == [("c" * 32, "merci", None)]


def _add_note_column(tx, dialect) -> None:
    tx.execute("ALTER TABLE feedback ADD COLUMN note TEXT")
