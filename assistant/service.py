"""The assistant as the faces (CLI, API, UI) see it: built once from settings, then queried."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
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
from assistant.compose.related import RelatedRights
from assistant.decide.model import load_model
from assistant.decide.policy import DecisionPolicy
from assistant.pipeline import AnswerPipeline, Resolution, Steps
from assistant.profile import DeploymentProfile, load_profile
from assistant.retrieve.candidates import CandidateRetriever
from assistant.retrieve.hybrid import HybridRetriever
from assistant.retrieve.ranker import DocumentRanker
from assistant.rights.check import RightsCheck, open_rights_check
from assistant.safety.checks import SafetyCheck, build_safety_check
from assistant.safety.contact_finder import ContactKind, find_all
from assistant.safety.contacts import ContactAllowList
from assistant.safety.scam.check import MessageReport, host_of, message_checker
from assistant.safety.personal_data import mask_personal_data
from assistant.settings import BUNDLED_CORPUS, Settings
from assistant.stores.conversations import CONVERSATION_ID_PATTERN, ConversationStore
from assistant.stores.database import DATABASE_FILE, Database, SQLiteDatabase
from assistant.stores.feedback import Feedback, FeedbackReason, FeedbackStore, Rating
from assistant.stores.migrations import migrate
from indexing.builder import BuildReport, ProgressFactory, build_index
from indexing.embedding_cache import EmbeddingCache
from indexing.embeddings import EmbeddingBackend, create_embedding_backend
from indexing.embeddings.query_cache import QueryCachingBackend
from indexing.errors import GuichetError
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
           generator: AnswerGenerator | None, rights: RightsCheck | None) -> Steps:
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
                 allow_list=allow_list, related=RelatedRights(rights))


class Guichet:
    """One warm assistant: the embedding model loaded, one build of the index open."""

    def __init__(self, settings: Settings, retriever: HybridRetriever,
                 pipeline: AnswerPipeline, stores: Stores,
                 rights: RightsCheck | None = None) -> None:
        self.settings = settings
        self.rights = rights  # None when the corpus has no rights file
        self.retriever = retriever
        self.pipeline = pipeline
        self.stores = stores
        self._hosts: frozenset[str] | None = None

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
        # A collection imported from elsewhere has its own documents, not the corpus's rights.
        rights = None if settings.collection else open_rights_check(settings.corpus_dir,
                                                                    index.documents)
        ordinary = list(dict.fromkeys([*reference_questions(),
                                       *(q.text for q in index.questions.questions)]))
        safety = build_safety_check(embed_reference, queries.embed_queries,
                                    embed_reference(ordinary), profile.region)
        pipeline = AnswerPipeline(
            _steps(settings, index, retriever, queries, profile, safety, generator, rights),
            {(d.doc_id, d.language): d for d in index.documents}, index.topics,
            stores.conversations, profile.region, settings.max_question_chars)
        return cls(settings, retriever, pipeline, stores, rights)

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

    def check_message(self, text: str, language: Language | None = None) -> MessageReport:
        """The scam signs of a pasted message and what to do; nothing of it is stored or
        logged, and personal data in the evidence is masked."""
        text = clean_text(text, "text", self.settings.max_message_chars)
        language = language or detect_language(text, Language.FR).language
        report = message_checker(self.settings.corpus_dir, self._linked_hosts()).check(
            text, language)
        allows = self.pipeline.allow_list.allows
        signals = tuple(replace(signal, evidence=mask_personal_data(
            signal.evidence, allows).text(language)) for signal in report.signals)
        return replace(report, signals=signals)

    def _linked_hosts(self) -> frozenset[str]:
        """The sites the corpus's pages link to: not scams, whoever runs them (itsme-id.com)."""
        if self._hosts is None:
            texts = [c.value for doc in self.pipeline.documents.values() for c in doc.contacts]
            texts += [s.text for doc in self.pipeline.documents.values() for s in doc.sections]
            self._hosts = frozenset(
                host_of(found.text) for text in texts for found in find_all(text)
                if found.kind is ContactKind.URL)
        return self._hosts

    def record_feedback(self, conversation_id: str, rating: Rating, comment: str,
                        reasons: tuple[FeedbackReason, ...]) -> int:
        """Store feedback, its comment masked like a question (people type details there)."""
        check_id(conversation_id, "conversation_id", CONVERSATION_ID_PATTERN)
        text = clean_text(comment, "comment", self.settings.max_comment_chars, required=False)
        masked = mask_personal_data(text, self.pipeline.allow_list.allows)
        language = detect_language(masked.neutral, Language.FR).language
        return self.stores.feedback.add(Feedback(conversation_id, rating,
                                                 masked.text(language), reasons))
