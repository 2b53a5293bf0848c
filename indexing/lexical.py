"""The lexical index: BM25 (bm25s) per language, with that language's Snowball stemmer.

Accents are folded before stemming: citizens often type without them, and the stemmer treats
'identité' and 'identite' differently, so both sides of the search must look the same first.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN, STOPWORDS_FRENCH

from indexing.models import Chunk, Language
from indexing.text import fold_accents, words

# Pages repeat the same words: folding each once speeds up reading a large collection severalfold.
_fold_word = lru_cache(maxsize=200_000)(fold_accents)
_STEMMERS = {Language.FR: "french", Language.NL: "dutch", Language.EN: "english"}
_STOPWORDS = {Language.FR: STOPWORDS_FRENCH, Language.NL: STOPWORDS_DUTCH, Language.EN: STOPWORDS_EN}


class Analyzer:
    """Turns a text into the stemmed, accent-folded terms BM25 counts, for one language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._stemmer = Stemmer.Stemmer(_STEMMERS[language])
        self._stopwords = {fold_accents(word) for word in _STOPWORDS[language]}

    def terms(self, text: str) -> list[str]:
        folded = [_fold_word(word) for word in words(text)]
        return self._stemmer.stemWords([word for word in folded if word not in self._stopwords])


@dataclass(frozen=True)
class LexicalHit:
    """A chunk matched by BM25, with its score."""

    chunk_id: str
    score: float


class LanguageLexicalIndex:
    """BM25 over the chunks of one language."""

    def __init__(self, language: Language, chunk_ids: list[str], bm25: bm25s.BM25) -> None:
        self.language = language
        self.chunk_ids = chunk_ids
        self._bm25 = bm25
        self._analyzer = Analyzer(language)

    @classmethod
    def build(cls, language: Language, chunks: Sequence[Chunk], texts: Sequence[str]):
        analyzer = Analyzer(language)
        bm25 = bm25s.BM25()
        bm25.index([analyzer.terms(text) or [""] for text in texts], show_progress=False)
        return cls(language, [chunk.chunk_id for chunk in chunks], bm25)

    def search(self, query: str, k: int) -> list[LexicalHit]:
        terms = self._analyzer.terms(query)
        if not terms or not self.chunk_ids:
            return []
        k = min(k, len(self.chunk_ids))
        indices, scores = self._bm25.retrieve([terms], k=k, show_progress=False)
        return [LexicalHit(self.chunk_ids[int(i)], float(s))
                for i, s in zip(indices[0], scores[0]) if s > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder))
        (folder / "chunk_ids.json").write_text(json.dumps(self.chunk_ids), encoding="utf-8")

    @classmethod
    def load(cls, language: Language, folder: Path) -> LanguageLexicalIndex:
        chunk_ids = json.loads((folder / "chunk_ids.json").read_text(encoding="utf-8"))
        return cls(language, chunk_ids, bm25s.BM25.load(str(folder)))


class LexicalIndex:
    """One BM25 index per corpus language."""

    def __init__(self, by_language: dict[Language, LanguageLexicalIndex]) -> None:
        self.by_language = by_language

    @classmethod
    def build(cls, chunks: Sequence[Chunk], texts: Sequence[str]) -> LexicalIndex:
        by_language = {}
        for language in Language:
            picked = [(c, t) for c, t in zip(chunks, texts) if c.language is language]
            if picked:
                by_language[language] = LanguageLexicalIndex.build(
                    language, [c for c, _ in picked], [t for _, t in picked])
        return cls(by_language)

    def search(self, query: str, k: int,
               languages: Sequence[Language] | None = None) -> dict[Language, list[LexicalHit]]:
        """Ranked hits per language; each language's query is analysed with its own stemmer."""
        wanted = languages or list(self.by_language)
        return {lang: self.by_language[lang].search(query, k)
                for lang in wanted if lang in self.by_language}

    def save(self, folder: Path) -> None:
        for language, index in self.by_language.items():
            index.save(folder / language.value)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        return cls({lang: LanguageLexicalIndex.load(lang, folder / lang.value)
                    for lang in Language if (folder / lang.value).is_dir()})
