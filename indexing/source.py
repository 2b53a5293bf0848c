"""Where a collection's documents come from: a Markdown corpus folder, or an imported export.

Every source says what it holds (a hash, so a stale index is noticed) and loads its documents,
reporting broken entries by file and line instead of stopping.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from indexing.corpus import CorpusLoad, load_corpus
from indexing.manifest import corpus_hash
from indexing.not_covered import load_not_covered


class CorpusSource(Protocol):
    description: str

    def content_hash(self) -> str: ...

    def load(self) -> CorpusLoad: ...


class MarkdownCorpus:
    """The corpus format of `corpus/`: one Markdown file per procedure and language."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.description = f"markdown:{folder}"

    def content_hash(self) -> str:
        return corpus_hash(self.folder)

    def load(self) -> CorpusLoad:
        load = load_corpus(self.folder)
        load.not_covered, problems = load_not_covered(self.folder)
        load.problems += problems
        return load


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
