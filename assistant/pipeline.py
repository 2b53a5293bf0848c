"""The answer pipeline: one question in, one Answer of the contract out.

Order matters: personal data is masked first (nothing unmasked is stored or logged), danger to
life is checked before anything else, questions that must not be searched are routed away, and
only then does retrieval run; below the confidence threshold Guichet hands off instead of guessing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.confidence import ConfidenceScorer, Evidence, corroborated
from assistant.safety.contacts import ContactAllowList
from assistant.generators.base import AnswerGenerator
from assistant.generators.extractive import ExtractiveGenerator
from assistant.language import detect_language
from assistant.messages import catalogue
from assistant.models import (
    Answer,
    AnswerStatus,
    Audience,
    Citation,
    Draft,
    Handoff,
    HandoffReason,
    Passage,
    Question,
    Source,
)
from assistant.normalise import SpellingCorrector, expand_sms
from assistant.inputs import check_id, clean_text
from assistant.safety.personal_data import mask_personal_data, privacy_notice
from assistant.stores.conversations import CONVERSATION_ID_PATTERN, ConversationStore, Turn
from assistant.profile import DeploymentProfile
from assistant.retrieval import HybridRetriever
from assistant.routing import Route, mentioned_region, route
from assistant.compose.urgent import urgent_message
from assistant.safety.checks import SafetyCheck
from assistant.safety.harm.kinds import HarmKind
from indexing.errors import GenerationRejected, UnknownConversation
from indexing.models import (
    Channel,
    ChannelKind,
    Chunk,
    Language,
    ProcedureDocument,
    Region,
    SectionKind,
)

logger = logging.getLogger(__name__)
messages = catalogue()

RETRIEVAL_K = 10
MAX_HANDOFF_CHANNELS = 5
# The sections a citizen needs after the direct answer, in the order they act on them.
FOLLOW_ON_SECTIONS = (SectionKind.HOW, SectionKind.DOCUMENTS, SectionKind.COST,
                      SectionKind.DELAY, SectionKind.WHERE)
# Procedures whose rules differ by region: the answer depends on where the citizen lives.
REGION_DEPENDENT_PROCEDURES = frozenset({"allocations-familiales", "allocation-loyer",
                                         "allocations-etudes", "inscription-secondaire",
                                         "encombrants"})
FALLBACK_DOCUMENT = "contacts-services"
# What a refused request gets: the typed reason of its handoff and the message that says so.
REFUSALS: dict[HarmKind, tuple[HandoffReason, str]] = {
    HarmKind.HURT: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.FRAUD: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.EXPLOITATION: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.OTHERS_DATA: (HandoffReason.OTHERS_DATA, "handoff.others_data"),
    HarmKind.MANIPULATION: (HandoffReason.MANIPULATION, "handoff.manipulation"),
}
FOLLOW_UP_MAX_WORDS = 6
SECOND_PASSAGE_WEIGHT = 0.5
# Dense similarity between texts of one language runs higher than across languages; without this
# handicap an English page sharing a word ("register") beat the right French one. Chosen on dev.
SAME_LANGUAGE_BIAS = 0.03
_FOLLOW_UP_START = re.compile(r"^\s*(?:et|mais|alors|ok|en|maar|and|but|what about|how about|"
                              r"also|aussi|ook)\b", re.IGNORECASE)
_CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")  # "[2]" and "[1, 3]"
_REPEATED_MARKER = re.compile(r"(\[\d+\])(?:\s*\1)+")  # "[1][1]" once two sources are one


@dataclass(frozen=True)
class Retrieval:
    """What retrieval found for a question: passages best document first, the language of the
    procedure that answers, the evidence behind the confidence, and that procedure."""

    passages: list[Passage]
    language: Language
    evidence: Evidence
    document: ProcedureDocument | None


class AnswerPipeline:
    def __init__(self, retriever: HybridRetriever, documents: Sequence[ProcedureDocument],
                 profile: DeploymentProfile, conversations: ConversationStore,
                 generator: AnswerGenerator, safety: SafetyCheck, confidence_threshold: float,
                 max_question_chars: int) -> None:
        self.safety = safety
        self._retriever = retriever
        self._documents = {(doc.doc_id, doc.language): doc for doc in documents}
        self._profile = profile
        self._conversations = conversations
        self._generator = generator
        self._fallback = ExtractiveGenerator()
        self._scorer = ConfidenceScorer(documents)
        self._threshold = confidence_threshold
        self._max_chars = max_question_chars
        chunks = list(retriever.index.chunks.values())
        self._first_chunks = {}
        for chunk in chunks:
            self._first_chunks.setdefault((chunk.doc_id, chunk.language, chunk.section), chunk)
        self._corrector = SpellingCorrector(word for chunk in chunks for word in
                                            f"{chunk.title} {chunk.text}".split())
        self.allow_list = ContactAllowList.from_texts(
            [chunk.text for chunk in chunks] + [chunk.url for chunk in chunks]
            + [text for doc in documents for channel in doc.contacts
               for text in (channel.label, channel.value, channel.hours or "")]
            + profile.contact_texts())

    @property
    def generator_name(self) -> str:
        return self._generator.name

    def explain(self, text: str, language: Language) -> Retrieval:
        """The retrieval a first-turn question gets, for staff and evaluators to inspect."""
        return self._retrieve(mask_personal_data(text, self.allow_list.allows).neutral, language)

    @property
    def documents(self) -> dict[tuple[str, Language], ProcedureDocument]:
        return dict(self._documents)

    def document(self, doc_id: str, language: Language) -> ProcedureDocument | None:
        return self._documents.get((doc_id, language))

    def ask(self, question: Question) -> Answer:
        text = clean_text(question.text, "question", self._max_chars)
        if question.conversation_id:
            check_id(question.conversation_id, "conversation_id", CONVERSATION_ID_PATTERN)
        masked = mask_personal_data(text, self.allow_list.allows)
        conversation_id = question.conversation_id or self._conversations.new_id()
        history = self._conversations.history(conversation_id) if question.conversation_id else []
        if question.conversation_id and not history:
            raise UnknownConversation()
        language = question.language or self._language_of(masked.neutral, history)
        notice = privacy_notice(masked.kinds, language) if masked.kinds else ""
        shown = masked.text(language)

        answer = self._answer(masked.neutral, language, question.audience, history)
        answer_text = "\n\n".join(part for part in (answer.answer, notice) if part)
        answer = replace(answer, question=shown, answer=answer_text,
                         conversation_id=conversation_id)
        self._conversations.add(conversation_id, shown, language,
                                tuple(dict.fromkeys(c.doc_id for c in answer.citations)))
        logger.info("question answered: status=%s language=%s confidence=%.2f docs=%s",
                    answer.status, language, answer.confidence,
                    [c.doc_id for c in answer.citations])
        return answer

    def _answer(self, text: str, language: Language, audience: Audience,
                history: list[Turn]) -> Answer:
        verdict = self.safety.check(text, language)
        if verdict.urgency is not None:
            return Answer(text, language, AnswerStatus.URGENT,
                          urgent_message(verdict.urgency, language), confidence=1.0,
                          handoff=Handoff(HandoffReason.URGENT, verdict.urgency.channels))
        if verdict.harm is not None:
            reason, message = REFUSALS[verdict.harm.kind]
            return self._handoff(text, language, messages.text(message, language), reason, None)
        routed = route(text)
        if routed in (Route.GREETING, Route.THANKS):
            opening = "greeting" if routed is Route.GREETING else "thanks"
            examples = messages.texts("example_questions", language)
            return Answer(text, language, AnswerStatus.CLARIFY,
                          "\n".join([messages.text(opening, language), *(f"- {q}" for q in examples)]),
                          options=examples)
        if routed is Route.OUT_OF_SCOPE:
            return self._handoff(text, language, messages.text("handoff.out_of_scope", language),
                                 HandoffReason.OUT_OF_SCOPE, None)

        query = self._retrieval_query(text, history)
        retrieved = self._retrieve(query, language, focus=text if query != text else None)
        document = retrieved.document
        if routed is Route.OWN_FILE:
            holder = document if retrieved.evidence.similarity > 0 else None
            return self._handoff(text, language, messages.text("handoff.own_file", language),
                                 HandoffReason.OWN_FILE, holder)
        confidence = retrieved.evidence.confidence
        if document is None or confidence < self._threshold:
            return self._handoff(text, language, messages.text("handoff.not_confident", language),
                                 HandoffReason.LOW_CONFIDENCE, document, confidence)
        if document.doc_id in REGION_DEPENDENT_PROCEDURES:
            region = mentioned_region(" ".join([*(t.question for t in history), text]))
            if region is None:
                options = messages.texts("region_options", language)
                return Answer(text, language, AnswerStatus.CLARIFY,
                              "\n".join([messages.text("ask_region", language), *(f"- {o}" for o in options)]),
                              confidence=confidence, options=options)
            if region not in (document.region, Region.BRUSSELS):
                return self._handoff(text, language, messages.text("handoff.other_region", language), HandoffReason.OTHER_REGION,
                                     None, confidence)
        return self._grounded_answer(text, language, audience, retrieved)

    def _grounded_answer(self, text: str, language: Language, audience: Audience,
                         retrieved: Retrieval) -> Answer:
        sources = self._sources(retrieved)
        draft = self._draft(text, language, sources, audience)
        by_number = {source.number: source.passage.chunk for source in sources}
        body, used_numbers = _renumber(draft.text, _same_section(by_number))
        citations = tuple(self._citation(by_number[n]) for n in used_numbers)
        if retrieved.language is not language:
            body = messages.text("french_source_note", language) + "\n\n" + body
        channels = self._channels(language, retrieved.document)
        return Answer(text, language, AnswerStatus.ANSWER, body, citations,
                      retrieved.evidence.confidence, Handoff(HandoffReason.CHOICE, channels))

    def _citation(self, chunk: Chunk) -> Citation:
        document = self._documents.get((chunk.doc_id, chunk.language))
        return Citation(chunk.doc_id, chunk.language, chunk.title, chunk.url, chunk.heading,
                        document.attribution if document else "",
                        document.reviewed.isoformat() if document else "")

    def _draft(self, text: str, language: Language, sources: list[Source],
               audience: Audience) -> Draft:
        try:
            draft = self._generator.compose(text, language, sources, audience)
        except GenerationRejected as rejected:
            logger.warning("generator %s rejected (%s); using the extractive answer",
                           self._generator.name, rejected)
            draft = self._fallback.compose(text, language, sources, audience)
        scrubbed = self.allow_list.scrub(draft.text)
        if scrubbed.removed:
            logger.warning("removed contacts found in no source: %s", list(scrubbed.removed))
        return Draft(scrubbed.text, draft.cited)

    def _sources(self, retrieved: Retrieval) -> list[Source]:
        """The best corroborated passage, then the key sections of its document."""
        best = corroborated(retrieved.passages)[0]
        chunk = best.chunk
        picked: list[Passage] = [best]
        if chunk.position > 0:
            # A later piece of a long section (a side case) reads wrongly alone: its section's
            # opening comes first.
            opening = self._first_chunks[(chunk.doc_id, chunk.language, chunk.section)]
            picked.insert(0, Passage(opening, best.fused_score))
        for section in FOLLOW_ON_SECTIONS:
            if section is chunk.section:
                continue
            other = self._first_chunks.get((chunk.doc_id, chunk.language, section))
            if other is not None:
                picked.append(Passage(other, 0.0))
        return [Source(number, passage) for number, passage in enumerate(picked, start=1)]

    def _retrieve(self, query: str, language: Language, focus: str | None = None) -> Retrieval:
        """Passages for the query, best document first; `focus` (a follow-up's own words) picks
        which section of that document answers first."""
        dense_query = expand_sms(query, language)
        lexical_query = self._corrector.correct(dense_query)
        source_language = self._source_language(dense_query, language)
        passages = _best_document_first(self._retriever.search(
            dense_query, RETRIEVAL_K, [source_language], lexical_query))
        supported = corroborated(passages)
        # The evidence is that of the whole question; the focus only picks the first section.
        evidence = self._scorer.assess(dense_query, language, passages)
        if supported and focus:
            passages = self._focused(passages, supported[0].chunk.doc_id, focus, language,
                                     source_language)
            supported = corroborated(passages)
        if not supported:
            return Retrieval([], language, evidence, None)
        best = supported[0].chunk
        return Retrieval(passages, best.language, evidence,
                          self._documents.get((best.doc_id, best.language)))

    def _focused(self, passages: list[Passage], doc_id: str, focus: str, language: Language,
                 source_language: Language) -> list[Passage]:
        expanded = expand_sms(focus, language)
        focus_passages = self._retriever.search(expanded, RETRIEVAL_K, [source_language],
                                                self._corrector.correct(expanded))
        section = next((p for p in corroborated(focus_passages) if p.chunk.doc_id == doc_id), None)
        if section is None:
            return passages
        return [section] + [p for p in passages if p.chunk.chunk_id != section.chunk.chunk_id]

    def _source_language(self, query: str, language: Language) -> Language:
        """The question's language if its best matching procedure exists in it, else French.

        The procedure is chosen by the multilingual dense model alone, over both languages:
        measured on Dutch and English questions, dense ranks procedures better than the hybrid,
        and a page in the question's language must not win only because it shares its words, so
        same-language matches are handicapped by SAME_LANGUAGE_BIAS.
        """
        if language is Language.FR:
            return language
        candidates = self._retriever.search(query, RETRIEVAL_K, [language, Language.FR])
        dense = [p for p in candidates if p.dense_similarity is not None]
        if not dense:
            return Language.FR

        def similarity(passage: Passage) -> float:
            bias = SAME_LANGUAGE_BIAS if passage.chunk.language is language else 0.0
            return passage.dense_similarity - bias

        best = max(dense, key=similarity).chunk.doc_id
        return language if (best, language) in self._documents else Language.FR

    def _retrieval_query(self, text: str, history: list[Turn]) -> str:
        """A follow-up ('et ça coûte combien ?') is searched together with the question before."""
        if history and _looks_like_follow_up(text):
            return f"{history[-1].question} {text}"
        return text

    def _language_of(self, text: str, history: list[Turn]) -> Language:
        guess = detect_language(text, history[-1].language if history else Language.FR)
        if not guess.confident and history:
            return history[-1].language
        return guess.language

    def _handoff(self, text: str, language: Language, message: str, reason: HandoffReason,
                 document: ProcedureDocument | None, confidence: float = 0.0) -> Answer:
        fallback = self._fallback_document(language)
        if fallback is not None and document is None:
            message = f"{message}\n{fallback.summary}"
        return Answer(text, language, AnswerStatus.HANDOFF, message, confidence=confidence,
                      handoff=Handoff(reason, self._channels(language, document)))

    def _fallback_document(self, language: Language) -> ProcedureDocument | None:
        """`contacts-services`: how to reach a human, the fallback of every handoff."""
        return (self._documents.get((FALLBACK_DOCUMENT, language))
                or self._documents.get((FALLBACK_DOCUMENT, Language.FR)))

    def _channels(self, language: Language, document: ProcedureDocument | None
                  ) -> tuple[Channel, ...]:
        """Human channels first (phone, counter, digital help), then online ones."""
        document = document or self._fallback_document(language)
        channels = list(document.contacts if document else ()) + list(
            self._profile.channels_for(language))
        # The procedure's own wording of a channel is kept; the profile's same office is dropped.
        by_office: dict[tuple[ChannelKind, str], Channel] = {}
        for channel in channels:
            by_office.setdefault((channel.kind, channel.label.casefold()), channel)
        unique = list(by_office.values())
        unique.sort(key=lambda channel: channel.kind is ChannelKind.ONLINE)
        return tuple(unique[:MAX_HANDOFF_CHANNELS])


def _same_section(chunks: dict[int, Chunk]) -> dict[int, int]:
    """Each source number, mapped to the first source of the same section.

    A long section comes in several chunks (its opening and the piece that matched): one
    citation says where both come from.
    """
    first: dict[tuple[str, Language, str], int] = {}
    return {number: first.setdefault((chunk.doc_id, chunk.language, chunk.heading), number)
            for number, chunk in sorted(chunks.items())}


def _renumber(text: str, same_section: dict[int, int]) -> tuple[str, list[int]]:
    """Citations renumbered 1, 2, 3 in order of first use, one number per section; also the
    source numbers they were."""
    def cited(marker: str) -> list[int]:
        return list(dict.fromkeys(same_section.get(int(n), int(n)) for n in marker.split(",")))

    order = list(dict.fromkeys(n for marker in _CITATION.findall(text) for n in cited(marker)))
    mapping = {old: new for new, old in enumerate(order, start=1)}

    def renumbered(marker: re.Match[str]) -> str:
        return "".join(f"[{mapping[n]}]" for n in cited(marker.group(1)))

    return _REPEATED_MARKER.sub(r"\1", _CITATION.sub(renumbered, text)), order


def _best_document_first(passages: list[Passage]) -> list[Passage]:
    """Passages of the best document first, that document chosen on all its passages.

    One strong passage of a page that merely mentions the subject (the documents to bring for a
    residence permit include a passport) must not beat a page whose sections all match.
    """
    scores: dict[str, list[float]] = {}
    for passage in corroborated(passages):
        scores.setdefault(passage.chunk.doc_id, []).append(passage.fused_score)
    if not scores:
        return passages
    best = max(scores, key=lambda doc: _document_score(scores[doc]))
    return ([p for p in passages if p.chunk.doc_id == best]
            + [p for p in passages if p.chunk.doc_id != best])


def _document_score(fused_scores: list[float]) -> float:
    top = sorted(fused_scores, reverse=True)
    return top[0] + SECOND_PASSAGE_WEIGHT * (top[1] if len(top) > 1 else 0.0)


def _looks_like_follow_up(text: str) -> bool:
    return len(text.split()) <= FOLLOW_UP_MAX_WORDS or bool(_FOLLOW_UP_START.match(text))
