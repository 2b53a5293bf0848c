"""The index manifest: what an index was built from, so a stale index is noticed and rebuilt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from indexing.corpus import indexed_files

MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class Fingerprint:
    """What decides whether an index is still valid: same corpus, same model, same chunking."""

    corpus_hash: str
    embedding_model: str
    chunking_version: str


@dataclass(frozen=True)
class IndexManifest:
    """Written last into a finished build: a build without one is not an index."""

    index_version: str
    corpus_hash: str
    embedding_model: str
    chunking_version: str
    built_at: str
    documents: int
    chunks: int
    build_seconds: float
    source: str = ""  # what the index was built from, e.g. "markdown:/path" or "service-public:…"

    @property
    def fingerprint(self) -> Fingerprint:
        return Fingerprint(self.corpus_hash, self.embedding_model, self.chunking_version)

    def write(self, folder: Path) -> None:
        (folder / MANIFEST_FILE).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> IndexManifest:
        return cls(**json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8")))


def corpus_hash(corpus_dir: Path) -> str:
    """A hash of every corpus file's path and bytes: any edit, addition or removal changes it."""
    digest = hashlib.sha256()
    for path in indexed_files(corpus_dir):
        digest.update(path.relative_to(corpus_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
