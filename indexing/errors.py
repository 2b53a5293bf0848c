"""What can go wrong while reading a corpus or opening an index, said so a person can fix it."""

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
