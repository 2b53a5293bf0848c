"""Every error Guichet raises on purpose, said so that a person knows what to do next.

All derive from `GuichetError`; the faces turn them into clean messages at their edge (an exit
status and one line for the CLI, a 4xx naming the field for the API). The module sits in the lowest
layer so that every other one can import it without pointing an arrow upwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CorpusProblem:
    """One thing wrong with one corpus file, located precisely enough to fix it."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class GuichetError(Exception):
    """An error whose message tells the user what to do next."""


class IndexNotBuiltError(GuichetError):
    """No index has been built yet in the data directory."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"No index found in {data_dir}. Build one with: guichet index")


class EmbeddingModelError(GuichetError):
    """The configured embedding model cannot be loaded."""


class CatalogueError(GuichetError):
    """A message file that is missing, unreadable, or out of step with the others."""


class InvalidInput(GuichetError):
    """Text or an id a citizen sent that cannot be taken; `field` names what to fix.

    The message never repeats the text itself: it may hold personal data.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class UnknownConversation(InvalidInput):
    """A conversation id that was never given out, or that has expired."""

    def __init__(self) -> None:
        super().__init__("conversation_id", "This conversation is unknown or has expired; ask "
                         "without a conversation id to start a new one.")


class UnknownCollection(GuichetError):
    """A collection name with no built index in the data folder."""


class GenerationRejected(GuichetError):
    """A generator's draft that failed its checks (no valid citation): the extractive answer is
    used instead."""


class EvaluationError(GuichetError):
    """An evaluation run that cannot start: bad question file, bad baseline, no LLM configured."""


class StoreError(GuichetError):
    """A database that cannot be opened or migrated."""
