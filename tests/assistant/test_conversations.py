from assistant.conversations import MAX_TURNS_KEPT, ConversationStore
from indexing.models import Language


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_turns_come_back_oldest_first_per_conversation(tmp_path):
    store = ConversationStore(tmp_path / "c.sqlite3", ttl_seconds=600, clock=Clock())
    store.add("a", "passeport prix", Language.FR, ("passeport",))
    store.add("b", "paspoort", Language.NL, ())
    store.add("a", "et le délai ?", Language.FR, ("passeport",))
    history = store.history("a")
    assert [turn.question for turn in history] == ["passeport prix", "et le délai ?"]
    assert history[0].doc_ids == ("passeport",) and history[0].language is Language.FR
    assert [turn.question for turn in store.history("b")] == ["paspoort"]


def test_turns_expire_after_the_time_to_live(tmp_path):
    clock = Clock()
    store = ConversationStore(tmp_path / "c.sqlite3", ttl_seconds=60, clock=clock)
    store.add("a", "première question", Language.FR, ())
    clock.now += 61
    assert store.history("a") == []


def test_only_the_last_turns_are_kept(tmp_path):
    clock = Clock()
    store = ConversationStore(tmp_path / "c.sqlite3", ttl_seconds=600, clock=clock)
    for number in range(MAX_TURNS_KEPT + 3):
        clock.now += 1
        store.add("a", f"question {number}", Language.FR, ())
    kept = [turn.question for turn in store.history("a")]
    assert kept == [f"question {n}" for n in range(3, MAX_TURNS_KEPT + 3)]


def test_conversations_survive_a_restart(tmp_path):
    ConversationStore(tmp_path / "c.sqlite3", 600).add("a", "carte", Language.FR, ())
    assert len(ConversationStore(tmp_path / "c.sqlite3", 600).history("a")) == 1
