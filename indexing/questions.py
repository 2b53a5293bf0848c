"""The questions citizens ask of each section, embedded as questions, so a new question can be
matched with the ones people asked before and land on the section that answers them.

A document's example questions (front matter `questions:`) are embedded with the model's query
form, as a citizen's question is, and kept as a matrix beside the index (`questions/`). An
imported page without example questions contributes its title when the title is a question, as
service-public.fr's "Question-réponse" pages are. The same vectors tell the safety detectors what
ordinary questions look like.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from indexing.embedding_cache import EmbeddingCache
from indexing.embeddings.base import EmbeddingBackend
from indexing.models import Language, ProcedureDocument, SectionKind

VECTORS_FILE = "vectors.npy"
QUESTIONS_FILE = "questions.jsonl"
EMBEDDING_BATCH = 16
QUERY_CACHE_SUFFIX = "#query"  # query and passage embeddings of one text differ (e5 prefixes)


@dataclass(frozen=True)
class IndexedQuestion:
    doc_id: str
    language: Language
    section: SectionKind
    text: str


@dataclass(frozen=True)
class QuestionHit:
    question: IndexedQuestion
    similarity: float


def example_questions(documents: Sequence[ProcedureDocument]) -> list[IndexedQuestion]:
    found = []
    for document in documents:
        texts = [(q.section, q.text) for q in document.questions]
        if not texts and document.title.rstrip().endswith("?"):
            texts = [(SectionKind.OVERVIEW, document.title)]
        found += [IndexedQuestion(document.doc_id, document.language, section, text)
                  for section, text in texts]
    return found


class QuestionIndex:
    def __init__(self, questions: list[IndexedQuestion], vectors: np.ndarray) -> None:
        self.questions = questions
        self.vectors = vectors
        self._language_of = np.array([q.language.value for q in questions])

    @classmethod
    def build(cls, folder: Path, backend: EmbeddingBackend, questions: list[IndexedQuestion],
              cache: EmbeddingCache | None = None) -> QuestionIndex:
        vectors = embed_queries_cached(backend, [q.text for q in questions], cache)
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / VECTORS_FILE, vectors)
        with (folder / QUESTIONS_FILE).open("w", encoding="utf-8") as out:
            for question in questions:
                out.write(json.dumps(asdict(question), ensure_ascii=False) + "\n")
        return cls(questions, vectors)

    @classmethod
    def load(cls, folder: Path) -> QuestionIndex:
        if not folder.is_dir():  # an index built before example questions existed
            return cls([], np.zeros((0, 0), dtype=np.float32))
        with (folder / QUESTIONS_FILE).open(encoding="utf-8") as lines:
            questions = [IndexedQuestion(raw["doc_id"], Language(raw["language"]),
                                         SectionKind(raw["section"]), raw["text"])
                         for raw in map(json.loads, lines)]
        return cls(questions, np.load(folder / VECTORS_FILE))

    def search(self, vector: np.ndarray, k: int,
               languages: Sequence[Language] | None = None) -> list[QuestionHit]:
        """The k example questions nearest to a question's vector, best first."""
        if not self.questions:
            return []
        similarities = self.vectors @ vector
        if languages:
            wanted = np.isin(self._language_of, [language.value for language in languages])
            similarities = np.where(wanted, similarities, -np.inf)
        order = np.argsort(-similarities)[:k]
        return [QuestionHit(self.questions[i], float(similarities[i])) for i in order
                if np.isfinite(similarities[i])]


def embed_queries_cached(backend: EmbeddingBackend, texts: Sequence[str],
                         cache: EmbeddingCache | None) -> np.ndarray:
    """Query embeddings of many texts, from the cache where it holds them."""
    cached = cache.lookup(texts) if cache else {}
    missing = [text for position, text in enumerate(texts) if position not in cached]
    fresh: dict[str, np.ndarray] = {}
    unique = list(dict.fromkeys(missing))
    for start in range(0, len(unique), EMBEDDING_BATCH):
        batch = unique[start:start + EMBEDDING_BATCH]
        vectors = backend.embed_queries(batch)
        if cache:
            cache.store(batch, vectors)
        fresh.update(zip(batch, vectors, strict=True))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([cached[p] if p in cached else fresh[text] for p, text in enumerate(texts)]
                    ).astype(np.float32)
