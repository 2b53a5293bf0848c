"""The assistant as the faces (CLI, API, UI) see it: built once from settings, then queried."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.compose.generators.base import AnswerGenerator
from assistant.compose.generators.extractive import ExtractiveGenerator
from assistant.inputs import check_id, clean_text
from assistant.analyse.language import detect_language
from assistant.models import Answer, Passage, Question
from assistant.analyse.analysis import Analyser
from assistant.analyse.spelling import SpellingCorrector
from assistant.compose.answer import AnswerComposer
from assistant.compose.channels import ChannelChooser
from assistant.decide.model import load_model
from assistant.decide.policy import DecisionPolicy
from assistant.pipeline import AnswerPipeline, Resolution, Steps
from assistant.profile import DeploymentProfile, load_profile
from assistant.retrieve.candidates import CandidateRetriever
from assistant.retrieve.hybrid import HybridRetriever
from assistant.retrieve.ranker import DocumentRanker
from assistant.safety.checks import SafetyCheck, build_safety_check
from assistant.safety.contacts import ContactAllowList
from assistant.safety.personal_data import mask_personal_data
from assistant.settings import BUNDLED_CORPUS, COLLECTIONS_DIR, Settings
from assistant.stores.conversations import CONVERSATION_ID_PATTERN, ConversationStore
from assistant.stores.database import DATABASE_FILE, Database, SQLiteDatabase
from assistant.stores.feedback import Feedback, FeedbackReason, FeedbackStore, Rating
from assistant.stores.migrations import migrate
from indexing.builder import BuildReport, ProgressFactory, build_index
from indexing.embedding_cache import EmbeddingCache
from indexing.embeddings import EmbeddingBackend, create_embedding_backend
from indexing.embeddings.query_cache import QueryCachingBackend
from indexing.errors import GuichetError, UnknownCollection
from indexing.layout import IndexLayout
from indexing.manifest import IndexManifest
from indexing.corpus import load_corpus
from indexing.models import Language, ProcedureDocument
from indexing.questions import QUERY_CACHE_SUFFIX, embed_queries_cached, example_questions
from indexing.reader import OpenIndex, open_index

logger = logging.getLogger(__name__)


def ensure_index(settings: Settings, backend: EmbeddingBackend, *, rebuild: bool = False,
                 progress: ProgressFactory | None = None) -> BuildReport:
    """Build the index of the configured corpus if it is missing or stale (or if asked to).

    A named collection is built from its own source (`guichet index --source`); here it is only
    checked to exist.
    """
    if settings.collection:
        return BuildReport(IndexManifest.read(_collection_build(settings)), rebuilt=False)
    options = {"progress": progress} if progress else {}
    return build_index(settings.corpus_dir, settings.data_dir, backend, rebuild=rebuild,
                       cache_path=settings.embedding_cache, **options)


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
    from assistant.compose.generators.llm import LLMGenerator, chat_model_from_settings

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    chat_model = chat_model_from_settings(settings.generator, settings.llm_model,
                                          settings.llm_base_url, api_key, settings.llm_timeout_s)
    return LLMGenerator(chat_model, f"{settings.generator}:{settings.llm_model}")


@dataclass(frozen=True)
class Stores:
    """What Guichet keeps between requests, in one database, shared by every collection."""

    database: Database
    conversations: ConversationStore
    feedback: FeedbackStore

    def sweep(self, feedback_retention_days: float) -> None:
        """Delete expired conversation turns and feedback past its retention."""
        turns = self.conversations.purge_expired()
        old = self.feedback.purge_older_than(feedback_retention_days)
        if turns or old:
            logger.info("sweep: %d expired turns and %d old feedback rows deleted", turns, old)


def open_stores(settings: Settings) -> Stores:
    """The stores of a deployment, their database migrated to the current schema."""
    database = SQLiteDatabase(settings.data_dir / DATABASE_FILE)
    migrate(database)
    return Stores(database, ConversationStore(database, settings.conversation_ttl_minutes * 60),
                  FeedbackStore(database))


@cache
def reference_questions() -> tuple[str, ...]:
    """The bundled corpus's example questions: what ordinary questions look like, for the safety
    step, whatever collection is served (thresholds were chosen with them)."""
    return tuple(q.text for q in example_questions(load_corpus(BUNDLED_CORPUS).documents))


def _reference_embedder(settings: Settings, backend: EmbeddingBackend):
    """Embeds the safety exemplars once per model: later starts read them from the data folder."""
    def embed(texts):
        cache = EmbeddingCache(settings.embedding_cache, backend.name + QUERY_CACHE_SUFFIX)
        try:
            return embed_queries_cached(backend, texts, cache)
        finally:
            cache.close()

    return embed


def _steps(settings: Settings, index: OpenIndex, retriever: HybridRetriever,
           queries: QueryCachingBackend, profile: DeploymentProfile, safety: SafetyCheck,
           generator: AnswerGenerator | None) -> Steps:
    chunks = list(index.chunks.values())
    allow_list = ContactAllowList.from_texts(
        [chunk.text for chunk in chunks] + [chunk.url for chunk in chunks]
        + [text for doc in index.documents for channel in doc.contacts
           for text in (channel.label, channel.value, channel.hours or "")]
        + profile.contact_texts())
    corrector = SpellingCorrector(word for chunk in chunks
                                  for word in f"{chunk.title} {chunk.text}".split())
    model = load_model(settings.confidence_model)
    return Steps(safety=safety, analyser=Analyser(),
                 retriever=CandidateRetriever(retriever, index.questions, index.not_covered,
                                              queries, corrector),
                 ranker=DocumentRanker(model, index.documents),
                 policy=DecisionPolicy(model.threshold if settings.confidence_threshold is None
                                       else settings.confidence_threshold),
                 composer=AnswerComposer(generator or create_generator(settings), chunks,
                                         allow_list),
                 channels=ChannelChooser(profile, {(d.doc_id, d.language): d
                                                   for d in index.documents}),
                 allow_list=allow_list)


class Guichet:
    """One warm assistant: the embedding model loaded, one build of the index open."""

    def __init__(self, settings: Settings, retriever: HybridRetriever,
                 pipeline: AnswerPipeline, stores: Stores) -> None:
        self.settings = settings
        self.retriever = retriever
        self.pipeline = pipeline
        self.stores = stores

    @classmethod
    def open(cls, settings: Settings, backend: EmbeddingBackend | None = None,
             generator: AnswerGenerator | None = None, stores: Stores | None = None) -> Guichet:
        """Open the current build of the settings' index (it must have been built)."""
        backend = backend or create_embedding_backend(settings.embedding_model)
        if settings.collection:
            _collection_build(settings)
        stores = stores or open_stores(settings)
        index = open_index(settings.index_dir, backend)
        backend.warm_up()
        queries = backend if isinstance(backend, QueryCachingBackend) else QueryCachingBackend(
            backend)
        retriever = HybridRetriever(index, queries, settings.retrieval_candidates, settings.rrf_k)
        profile = load_profile(settings.profile)
        embed_reference = _reference_embedder(settings, backend)
        ordinary = list(dict.fromkeys([*reference_questions(),
                                       *(q.text for q in index.questions.questions)]))
        safety = build_safety_check(embed_reference, queries.embed_queries,
                                    embed_reference(ordinary), profile.region)
        pipeline = AnswerPipeline(
            _steps(settings, index, retriever, queries, profile, safety, generator),
            {(d.doc_id, d.language): d for d in index.documents}, index.topics,
            stores.conversations, profile.region, settings.max_question_chars)
        return cls(settings, retriever, pipeline, stores)

    @property
    def manifest(self) -> IndexManifest:
        return self.retriever.index.manifest

    @property
    def build(self) -> Path:
        return self.retriever.index.folder

    def close(self) -> None:
        """Release this build: it may be removed once a newer one is current."""
        self.retriever.index.close()

    def search(self, query: str, k: int | None = None) -> list[Passage]:
        """Ranked passages for a query, without composing an answer."""
        return self.retriever.search(query, k or self.settings.search_k)

    def ask(self, question: Question) -> Answer:
        """The answer to a question, a handoff to a human, or an emergency referral."""
        return self.pipeline.ask(question)

    def explain(self, text: str, language: Language | None = None,
                conversation_id: str | None = None) -> Resolution:
        """The candidates, ranking and decision behind an answer (before it is asked)."""
        return self.pipeline.explain(text, language, conversation_id)

    def procedures(self, language: Language | None = None) -> list[ProcedureDocument]:
        """The documents of the corpus, in one language or all, sorted by id."""
        return sorted((doc for (_, doc_language), doc in self.pipeline.documents.items()
                       if language in (None, doc_language)),
                      key=lambda doc: (doc.doc_id, doc.language.value))

    def procedure(self, doc_id: str, language: Language) -> ProcedureDocument | None:
        return self.pipeline.document(doc_id, language)

    def record_feedback(self, conversation_id: str, rating: Rating, comment: str,
                        reasons: tuple[FeedbackReason, ...]) -> int:
        """Store feedback, its comment masked like a question (people type details there)."""
        check_id(conversation_id, "conversation_id", CONVERSATION_ID_PATTERN)
        text = clean_text(comment, "comment", self.settings.max_comment_chars, required=False)
        masked = mask_personal_data(text, self.pipeline.allow_list.allows)
        language = detect_language(masked.neutral, Language.FR).language
        return self.stores.feedback.add(Feedback(conversation_id, rating,
                                                 masked.text(language), reasons))


class CollectionRegistry:
    """The collections of a data folder, each opened on first use with the shared model.

    `refresh()` opens the newly published build of any open collection and retires the build it
    replaces; a request keeps the Guichet it acquired (`acquire`) until it lets go of it, and a
    retired build is closed, and its folder removed, once no request holds it.
    """

    def __init__(self, settings: Settings, backend: EmbeddingBackend, default: Guichet) -> None:
        self._settings = settings
        self._backend = backend
        self._stores = default.stores
        self._open = {settings.collection: default}
        self._lock = threading.Lock()
        self._in_flight: dict[int, int] = {}
        self._retired: list[Guichet] = []
        self._counter_lock = threading.Lock()

    def names(self) -> list[str]:
        """The default collection (named "" when it is the corpus folder's) and the built ones."""
        folder = self._settings.data_dir / COLLECTIONS_DIR
        built = sorted(path.name for path in folder.iterdir()
                       if IndexLayout(path).current_build() is not None) if folder.is_dir() else []
        return list(dict.fromkeys([self._settings.collection, *built]))

    def ready(self) -> list[str]:
        """The collections already open: a request to them does not wait."""
        return sorted(self._open)

    def default(self) -> Guichet:
        return self._open[self._settings.collection]

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
                opened = self._open_collection(name)
                # A new dict rather than an insertion, so that reading it needs no lock.
                self._open = {**self._open, name: opened}
            return self._open[name]

    def _open_collection(self, name: str) -> Guichet:
        settings = self._settings.with_overrides(collection=name)
        return Guichet.open(settings, self._backend, stores=self._stores)

    def acquire(self, name: str) -> Guichet:
        """The Guichet a request runs on; its build stays open until `let_go`."""
        self.get(name)
        with self._counter_lock:
            guichet = self._open[name]
            self._in_flight[id(guichet)] = self._in_flight.get(id(guichet), 0) + 1
        return guichet

    def let_go(self, guichet: Guichet) -> None:
        with self._counter_lock:
            self._in_flight[id(guichet)] -= 1
        self._close_idle_retired()

    def refresh(self) -> list[str]:
        """Switch every open collection whose index was rebuilt to its new build; returns the
        names switched. A build that fails to open is logged and the old one keeps serving."""
        switched = []
        for name, guichet in list(self._open.items()):
            current = IndexLayout(guichet.settings.index_dir).current_build()
            if current is None or current == guichet.build:
                continue
            try:
                fresh = self._open_collection(name)
            except Exception:
                logger.exception("collection %r: the new build could not be opened", name)
                continue
            with self._counter_lock:
                self._open = {**self._open, name: fresh}
                self._retired.append(guichet)
            logger.info("collection %r now serves index %s", name, fresh.manifest.index_version)
            switched.append(name)
        self._close_idle_retired()
        return switched

    def _close_idle_retired(self) -> None:
        with self._counter_lock:
            idle = [g for g in self._retired if self._in_flight.get(id(g), 0) == 0]
            self._retired = [g for g in self._retired if g not in idle]
        for guichet in idle:
            guichet.close()
            self._in_flight.pop(id(guichet), None)
            removed = IndexLayout(guichet.settings.index_dir).remove_unused_builds()
            if removed:
                logger.info("old builds removed: %s", [folder.name for folder in removed])
