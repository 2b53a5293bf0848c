"""Faithfulness without an entailment model: is each answer sentence backed by a cited passage?

A sentence counts as supported when either test passes against the text of a section it cites
(or, for a sentence without a marker, any section the answer cites):
- lexical: at least LEXICAL_RECALL of its content words (three letters or more, or numbers,
  accents folded) occur in the section;
- embedding: its cosine similarity with the closest sentence of the section reaches
  EMBEDDING_SIMILARITY, with the index's own embedding model (catches rephrasing).
Neither test understands negation or numbers changed in context, so this is an upper bound on
true faithfulness: it flags invented sentences and answers built from the wrong passage, which
is what an extractive or a drifting LLM answer gets wrong. An LLM judge is the next step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from indexing.embeddings.base import EmbeddingBackend
from indexing.text import fold_accents

LEXICAL_RECALL = 0.6
EMBEDDING_SIMILARITY = 0.9
MIN_CONTENT_WORDS = 3
_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_SENTENCE_BREAK = re.compile(r"(?<=[^\d][.!?])\s+|\n+")  # "2. Quatre" is one item
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SentenceSupport:
    sentence: str
    supported: bool
    lexical_recall: float
    similarity: float | None


def content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(fold_accents(text)) if len(word) >= 3 or word.isdigit()}


def strip_markers(text: str) -> str:
    """The text without its `[n]` citation markers."""
    return _MARKER.sub("", text)


def split_sentences(text: str) -> list[str]:
    pieces = (_BULLET.sub("", piece).strip() for piece in _SENTENCE_BREAK.split(text))
    return [piece for piece in pieces if piece]


def cited_numbers(sentence: str) -> list[int]:
    return [int(number) for marker in _MARKER.findall(sentence) for number in marker.split(",")]


class FaithfulnessChecker:
    """Checks answer sentences against the sections their citations point to."""

    def __init__(self, backend: EmbeddingBackend | None = None) -> None:
        self._backend = backend

    def check(self, answer: str, cited_sections: Sequence[str]) -> list[SentenceSupport]:
        """One verdict per sentence worth checking; `cited_sections[n-1]` is what `[n]` cites."""
        results = []
        for sentence in split_sentences(answer):
            claim = strip_markers(sentence).strip()
            if len(content_words(claim)) < MIN_CONTENT_WORDS:
                continue  # a heading or a connective: nothing to verify
            numbers = [n for n in cited_numbers(sentence) if 1 <= n <= len(cited_sections)]
            sources = [cited_sections[n - 1] for n in numbers] or list(cited_sections)
            results.append(self._support(claim, sources))
        return results

    def _support(self, claim: str, sources: Sequence[str]) -> SentenceSupport:
        words = content_words(claim)
        recall = max((len(words & content_words(source)) / len(words) for source in sources),
                     default=0.0)
        if recall >= LEXICAL_RECALL or self._backend is None or not sources:
            return SentenceSupport(claim, recall >= LEXICAL_RECALL, recall, None)
        candidates = [s for source in sources for s in split_sentences(source)]
        vectors = self._backend.embed_passages([claim, *candidates])
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        similarity = float((vectors[1:] @ vectors[0]).max())
        return SentenceSupport(claim, similarity >= EMBEDDING_SIMILARITY, recall, similarity)
