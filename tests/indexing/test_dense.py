"""The dense index's language filter: real Chroma, the real default model, the bundled index.

The bundled index is small enough for Chroma's own filter; setting CHROMA_FILTER_LIMIT to 0
makes it take the large-collection path (an unfiltered query, filtered here) instead.
"""

from __future__ import annotations

from collections import Counter

import pytest

import indexing.dense
from indexing.models import Language
from indexing.reader import open_index

QUERIES = ("perte de ma carte d'identité", "kinderbijslag aanvragen",
           "register a change of address", "prime énergie rénovation")
LANGUAGE_SETS = ([Language.FR], [Language.NL], [Language.EN], [Language.NL, Language.EN])


def languages_of(index, hits) -> set[Language]:
    return {index.chunks[hit.chunk_id].language for hit in hits}


@pytest.mark.slow
@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids=lambda langs: "+".join(langs))
def test_a_large_collection_filters_languages_without_losing_neighbours(
        bundled_guichet, embedding_backend, monkeypatch, languages):
    index = bundled_guichet.retriever.index
    vectors = embedding_backend.embed_queries(list(QUERIES))
    by_chroma = [index.dense.search(vector, 40, languages) for vector in vectors]
    monkeypatch.setattr(indexing.dense, "CHROMA_FILTER_LIMIT", 0)
    here = [index.dense.search(vector, 40, languages) for vector in vectors]
    for filtered_here, filtered_by_chroma in zip(here, by_chroma, strict=True):
        assert len(filtered_here) == 40
        assert languages_of(index, filtered_here) <= set(languages)
        shared = {hit.chunk_id for hit in filtered_here} & {hit.chunk_id
                                                            for hit in filtered_by_chroma}
        assert len(shared) >= 38, "the HNSW graph is approximate, but not that approximate"
        assert filtered_here[0] == filtered_by_chroma[0]


@pytest.mark.slow
@pytest.mark.parametrize("filter_limit", [0, indexing.dense.CHROMA_FILTER_LIMIT])
def test_a_filter_wanting_more_than_a_language_holds_returns_all_of_it(
        bundled_guichet, embedding_backend, monkeypatch, filter_limit):
    monkeypatch.setattr(indexing.dense, "CHROMA_FILTER_LIMIT", filter_limit)
    index = bundled_guichet.retriever.index
    english = Counter(chunk.language for chunk in index.chunks.values())[Language.EN]
    vector = embedding_backend.embed_queries(["passport"])[0]
    hits = index.dense.search(vector, english + 50, [Language.EN])
    assert len(hits) == english
    assert languages_of(index, hits) == {Language.EN}


@pytest.mark.slow
def test_when_unfiltered_neighbours_hold_too_few_of_a_language_chroma_filters(
        bundled_guichet, embedding_backend, monkeypatch):
    monkeypatch.setattr(indexing.dense, "CHROMA_FILTER_LIMIT", 0)
    monkeypatch.setattr(indexing.dense, "OVERFETCH", 1)
    index = bundled_guichet.retriever.index
    counts = Counter(chunk.language for chunk in index.chunks.values())
    fetched = -(-40 * len(index.chunks) // counts[Language.EN])
    vector = embedding_backend.embed_queries(["kinderbijslag aanvragen voor mijn kind"])[0]
    unfiltered = index.dense.search(vector, fetched)
    assert sum(index.chunks[hit.chunk_id].language is Language.EN for hit in unfiltered) < 40
    hits = index.dense.search(vector, 40, [Language.EN])
    assert len(hits) == 40 and languages_of(index, hits) == {Language.EN}


@pytest.mark.slow
def test_a_language_the_collection_lacks_finds_nothing(bundled_settings, service_public_collection,
                                                       embedding_backend):
    collection = bundled_settings.with_overrides(collection=service_public_collection)
    index = open_index(collection.index_dir, embedding_backend)
    vector = embedding_backend.embed_queries(["kinderbijslag"])[0]
    assert index.dense.search(vector, 10, [Language.NL]) == []
    assert len(index.dense.search(vector, 10, [Language.FR, Language.NL])) == 10
