"""Guichet's hybrid retrieval as a LangChain retriever, for deployers who compose their own chains."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieve.hybrid import HybridRetriever


class GuichetRetriever(BaseRetriever):
    """Ranked passages as LangChain Documents: the chunk text, with its source in metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 10

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [Document(page_content=passage.chunk.text,
                         metadata={**passage.chunk.to_metadata(),
                                   "fused_score": passage.fused_score})
                for passage in self.retriever.search(query, self.k)]
