"""The assistant as the faces (CLI, API, UI) see it: built once from settings, then queried."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from assistant.conversations import ConversationStore
from assistant.feedback import Feedback, FeedbackStore
from assistant.generators.base import AnswerGenerator
from assistant.generators.extractive import ExtractiveGenerator
from assistant.models import Answer, Passage, Question
from assistant.pipeline import AnswerPipeline, Retrieval
from assistant.profile import load_profile
from assistant.retrieval import HybridRetriever
from assistant.settings import COLLECTIONS_DIR, Settings
from indexing.builder import BuildReport, ProgressFactory, build_index
from indexing.embeddings import EmbeddingBackend, create_embedding_backend
from indexing.errors import GuichetError
from indexing.layout import IndexLayout
from indexing.manifest import IndexManifest
from indexing.models import Language, ProcedureDocument
from indexing.reader import open_index

logger = logging.getLogger(__name__)

CONVERSATIONS_FILE = "conversations.sqlite3"
FEEDBACK_FILE = "feedback.sqlite3"


def ensure_index(settings: Settings, backend: EmbeddingBackend, *, rebuild: bool = False,
                 progress: ProgressFactory | None = None) -> BuildReport:
    """Build the index of the configured corpus if it is missing or stale (or if asked to).

    A named collection is built from its own source (`guichet index --source`); here it is only
    checked to exist.
    """
    if settings.collection:
        return BuildReport(IndexManifest.read(_collection_build(settings)), rebuilt=False)
    options = {"progress": progress} if progress else {}
    return build_index(settings.corpus_dir, settings.data_dir, backend, rebuild=rebuild, **options)


def _collection_build(settings: Settings) -> Path:
    current = IndexLayout(settings.index_dir).current_build()
    if current is None:
        raise GuichetError(f"Collection '{settings.collection}' has no index in "
                           f"{settings.index_dir}. Build it with: guichet index --source "
                           f"service-public FILE --collection {settings.collection}")
    return current


def create_generator(settings: Settings) -> AnswerGenerator:
    """The generator the settings choose; LLM clients are imported only when chosen."""
    if settings.generator == "extractive":
        return ExtractiveGenerator()
    from assistant.generators.llm import LLMGenerator, chat_model_from_settings

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    chat_model = chat_model_from_settings(settings.generator, settings.llm_model,
                                          settings.llm_base_url, api_key, settings.llm_timeout_s)
    return LLMGenerator(chat_model, f"{settings.generator}:{settings.llm_model}")


class Guichet:
    """One warm assistant: the embedding model loaded, the index open, the pipeline ready."""

    def __init__(self, settings: Settings, retriever: HybridRetriever,
                 pipeline: AnswerPipeline, feedback: FeedbackStore) -> None:
        self.settings = settings
        self.retriever = retriever
        self.pipeline = pipeline
        self._feedback = feedback

    @classmethod
    def open(cls, settings: Settings, backend: EmbeddingBackend | None = None,
             generator: AnswerGenerator | None = None) -> Guichet:
        """Open the current index of the settings' data directory (it must have been built)."""
        backend = backend or create_embedding_backend(settings.embedding_model)
        if settings.collection:
            _collection_build(settings)
        index = open_index(settings.index_dir, backend)
        backend.warm_up()
        retriever = HybridRetriever(index, backend, settings.retrieval_candidates, settings.rrf_k)
        conversations = ConversationStore(settings.data_dir / CONVERSATIONS_FILE,
                                          settings.conversation_ttl_minutes * 60)
        pipeline = AnswerPipeline(retriever, index.documents, load_profile(settings.profile),
                                  conversations, generator or create_generator(settings),
                                  settings.confidence_threshold, settings.max_question_chars)
        return cls(settings, retriever, pipeline,
                   FeedbackStore(settings.data_dir / FEEDBACK_FILE))

    @property
    def manifest(self) -> IndexManifest:
        return self.retriever.index.manifest

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        """Ranked passages for a query, without composing an answer."""
        return self.retriever.search(query, k or self.settings.search_k)

    def ask(self, question: Question) -> Answer:
        """The answer to a question, a handoff to a human, or an emergency referral."""
        return self.pipeline.ask(question)

    def explain(self, text: str, language: Language) -> Retrieval:
        """The passages and confidence evidence behind a first-turn answer."""
        return self.pipeline.explain(text, language)

    def procedures(self, language: Language | None = None) -> list[ProcedureDocument]:
        """The documents of the corpus, in one language or all, sorted by id."""
        return sorted((doc for (_, doc_language), doc in self.pipeline.documents.items()
                       if language in (None, doc_language)),
                      key=lambda doc: (doc.doc_id, doc.language.value))

    def procedure(self, doc_id: str, language: Language) -> ProcedureDocument | None:
        return self.pipeline.document(doc_id, language)

    def record_feedback(self, feedback: Feedback) -> int:
        return self._feedback.add(feedback)


class UnknownCollection(GuichetError):
    """A collection name with no built index in the data folder."""


class CollectionRegistry:
    """The collections of a data folder, each opened on first use with the shared model."""

    def __init__(self, settings: Settings, backend: EmbeddingBackend, default: Guichet) -> None:
        self._settings = settings
        self._backend = backend
        self._open = {settings.collection: default}
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        """The default collection (named "" when it is the corpus folder's) and the built ones."""
        folder = self._settings.data_dir / COLLECTIONS_DIR
        built = sorted(path.name for path in folder.iterdir()
                       if IndexLayout(path).current_build() is not None) if folder.is_dir() else []
        return list(dict.fromkeys([self._settings.collection, *built]))

    def ready(self) -> list[str]:
        """The collections already open: a request to them does not wait."""
        return sorted(self._open)

    def open_all(self) -> None:
        """Opens every built collection now, so that no citizen's request waits for one (a
        6,693-page collection takes 17 s). A collection that fails is logged and left closed."""
        for name in self.names():
            if name in self._open:
                continue
            started = time.perf_counter()
            try:
                self.get(name)
            except Exception:  # one broken collection must not keep the others from serving
                logger.exception("collection %r could not be opened", name)
                continue
            logger.info("collection %r opened in %.1f s", name, time.perf_counter() - started)

    def get(self, name: str) -> Guichet:
        # An open collection is served without the lock, which an opening one holds for seconds.
        if (opened := self._open.get(name)) is not None:
            return opened
        with self._lock:
            if name not in self._open:
                names = self.names()
                if name not in names:
                    available = ", ".join(n for n in names if n) or "none"
                    raise UnknownCollection(f"No collection named {name!r}; built collections: "
                                            f"{available}.")
                settings = self._settings.model_copy(update={"collection": name})
                opened = Guichet.open(settings, self._backend)
                # A new dict rather than an insertion, so that reading it needs no lock.
                self._open = {**self._open, name: opened}
            return self._open[name]
