"""The answer pipeline: one question in, one Answer of the contract out, through named steps.

    intake    the text checked, the conversation found, personal data masked, the language read
    safety    danger first (112), then harmful and manipulative requests (refused)
    analyse   intent, scope, language Guichet does not answer in, the requests and their aspects
    retrieve  passages and example questions for each request
    rank      the procedures, scored by the confidence model
    decide    answer, ask back or hand off, with a typed reason
    compose   the answer from the sources, or the handoff with its channels
    check     citations renumbered, unknown contacts removed (inside compose)
Nothing unmasked is stored or logged; the steps are built once and passed in (see service.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from assistant.analyse.analysis import Analyser, Analysis
from assistant.analyse.intents import Intent
from assistant.analyse.language import detect_language
from assistant.analyse.scope import Scope
from assistant.compose.answer import AnswerComposer, AnswerPart
from assistant.compose.channels import ChannelChooser
from assistant.compose.related import RelatedRights
from assistant.compose.urgent import urgent_message
from assistant.decide.features import RequestSignals
from assistant.decide.policy import (
    Decision,
    DecisionAction,
    DecisionPolicy,
    RegionContext,
    UncoveredTopic,
)
from assistant.inputs import check_id, clean_text
from assistant.messages import catalogue
from assistant.models import Answer, AnswerStatus, Audience, Handoff, HandoffReason, Question
from assistant.retrieve.candidates import CandidateRetriever, Candidates
from assistant.retrieve.ranker import DocumentRanker, Ranking
from assistant.safety.checks import SafetyCheck
from assistant.safety.contacts import ContactAllowList
from assistant.safety.harm.kinds import HarmKind
from assistant.safety.personal_data import mask_personal_data, privacy_notice
from assistant.stores.conversations import CONVERSATION_ID_PATTERN, ConversationStore, Turn
from indexing.errors import UnknownConversation
from indexing.not_covered import TopicLabel
from indexing.models import Language, ProcedureDocument, Region

logger = logging.getLogger(__name__)
messages = catalogue()

# What a refused request gets: the typed reason of its handoff and the message that says so.
REFUSALS: dict[HarmKind, tuple[HandoffReason, str]] = {
    HarmKind.HURT: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.FRAUD: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.EXPLOITATION: (HandoffReason.HARMFUL, "handoff.harmful"),
    HarmKind.OTHERS_DATA: (HandoffReason.OTHERS_DATA, "handoff.others_data"),
    HarmKind.MANIPULATION: (HandoffReason.MANIPULATION, "handoff.manipulation"),
}
MIN_NAMED_QUESTION_WORDS = 3


@dataclass(frozen=True)
class Resolution:
    """One request through retrieve, rank and decide."""

    text: str
    candidates: Candidates
    ranking: Ranking
    decision: Decision


@dataclass(frozen=True)
class Steps:
    """The steps a pipeline chains, each built once (assistant/service.py)."""

    safety: SafetyCheck
    analyser: Analyser
    retriever: CandidateRetriever
    ranker: DocumentRanker
    policy: DecisionPolicy
    composer: AnswerComposer
    channels: ChannelChooser
    allow_list: ContactAllowList
    related: RelatedRights


class AnswerPipeline:
    def __init__(self, steps: Steps, documents: dict[tuple[str, Language], ProcedureDocument],
                 topics: dict[str, TopicLabel], conversations: ConversationStore,
                 region: Region | None, max_question_chars: int) -> None:
        self.steps = steps
        self._documents = documents
        self._topics = topics
        self._conversations = conversations
        self._region = region
        self._max_chars = max_question_chars

    @property
    def safety(self) -> SafetyCheck:
        return self.steps.safety

    @property
    def allow_list(self) -> ContactAllowList:
        return self.steps.allow_list

    @property
    def generator_name(self) -> str:
        return self.steps.composer.generator_name

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
        answer = self._answer(masked.neutral, language, question.audience, history)
        notice = privacy_notice(masked.kinds, language)
        shown = masked.text(language)
        answer = replace(answer, question=shown, conversation_id=conversation_id,
                         answer="\n\n".join(part for part in (answer.answer, notice) if part))
        self._conversations.add(conversation_id, shown, language,
                                tuple(dict.fromkeys(c.doc_id for c in answer.citations)))
        logger.info("question answered: status=%s reason=%s language=%s confidence=%.2f docs=%s",
                    answer.status, answer.handoff.reason if answer.handoff else "-", language,
                    answer.confidence, [c.doc_id for c in answer.citations])
        return answer

    def explain(self, text: str, language: Language | None = None,
                conversation_id: str | None = None) -> Resolution:
        """What the first request of a question resolves to (after the turns of
        `conversation_id`, if given), for staff, evaluators and the model's fitting."""
        masked = mask_personal_data(text, self.allow_list.allows).neutral
        history = self._conversations.history(conversation_id) if conversation_id else []
        language = language or self._language_of(masked, history)
        analysis = self.steps.analyser.analyse(masked, history)
        return self._resolve(analysis.requests[0].text, language, analysis, 0, history)

    def _answer(self, text: str, language: Language, audience: Audience,
                history: list[Turn]) -> Answer:
        verdict = self.steps.safety.check(text, language)
        if verdict.urgency is not None:
            return Answer(text, language, AnswerStatus.URGENT,
                          urgent_message(verdict.urgency, language), confidence=1.0,
                          handoff=Handoff(HandoffReason.URGENT, verdict.urgency.channels))
        if verdict.harm is not None:
            reason, message = REFUSALS[verdict.harm.kind]
            return self._handoff(text, language, messages.text(message, language), reason)
        analysis = self.steps.analyser.analyse(text, history)
        early = self._before_search(text, language, analysis)
        if early is not None:
            return early
        resolutions = [self._resolve(request.text, language, analysis, number, history)
                       for number, request in enumerate(analysis.requests)]
        if analysis.intent is Intent.OWN_FILE:
            first = resolutions[0].decision
            return self._handoff(text, language, messages.text("handoff.own_file", language),
                                 HandoffReason.OWN_FILE, first.likely_candidate, first.probability)
        return self._from_decisions(text, language, audience, analysis, resolutions)

    def _before_search(self, text: str, language: Language, analysis: Analysis) -> Answer | None:
        """Answers that need no search: another language, a greeting, small talk, another
        country."""
        if analysis.foreign_language is not None:
            foreign = messages.foreign(analysis.foreign_language)
            sentences = [foreign, *(messages.text("unsupported_language", other)
                                    for other in Language)]
            return self._handoff(text, language, "\n".join(sentences),
                                 HandoffReason.UNSUPPORTED_LANGUAGE, with_summary=False)
        if analysis.intent in (Intent.GREETING, Intent.THANKS):
            return self._clarify(text, language, analysis.intent.value,
                                 messages.texts("example_questions", language))
        if analysis.intent is Intent.SMALL_TALK:
            return self._handoff(text, language, messages.text("handoff.out_of_scope", language),
                                 HandoffReason.OUT_OF_SCOPE)
        if analysis.scope is Scope.OTHER_COUNTRY:
            return self._handoff(text, language, messages.text("handoff.other_country", language),
                                 HandoffReason.OTHER_COUNTRY)
        return None

    def _resolve(self, request: str, language: Language, analysis: Analysis, number: int,
                 history: list[Turn]) -> Resolution:
        candidates = self.steps.retriever.retrieve(request, language)
        aspect = analysis.requests[number].aspect if number < len(analysis.requests) else None
        previous = history[-1].doc_ids if analysis.follow_up and history else ()
        signals = RequestSignals(aspect, previous, analysis.foreign_place,
                                 self.steps.ranker.unknown_share(candidates.query, language),
                                 len(request.split()))
        ranking = self.steps.ranker.rank(candidates, language, signals)
        vague = number < len(analysis.requests) and analysis.requests[number].vague \
            and not analysis.follow_up
        region = RegionContext(self._region, analysis.region, analysis.several_regions)
        uncovered = UncoveredTopic(ranking.uncovered_topic, ranking.uncovered_lead) \
            if ranking.uncovered_topic else None
        decision = self.steps.policy.decide(ranking.best, ranking.probability, vague, region,
                                            uncovered)
        return Resolution(request, candidates, ranking, decision)

    def _from_decisions(self, text: str, language: Language, audience: Audience,
                        analysis: Analysis, resolutions: list[Resolution]) -> Answer:
        first = resolutions[0].decision
        if first.action is DecisionAction.CLARIFY_PROCEDURE:
            return self._clarify(text, language, "ask_procedure",
                                 messages.texts("example_questions", language), first.probability)
        if first.action is DecisionAction.CLARIFY_REGION:
            return self._clarify(text, language, "ask_region",
                                 messages.texts("region_options", language), first.probability)
        if first.action is DecisionAction.HANDOFF:
            return self._handoff(text, language, self._handoff_message(first, language),
                                 first.reason, first.likely_candidate, first.probability)
        parts = [self._part(resolutions[0])]
        notes = [messages.text("region_note", language, region=self._region_name(language))] \
            if first.region_note else []
        for extra in resolutions[1:]:
            if extra.decision.action is DecisionAction.ANSWER and \
                    extra.decision.candidate.doc_id != first.candidate.doc_id:
                parts.append(self._part(extra))
            elif extra.decision.action is DecisionAction.HANDOFF and \
                    len(extra.text.split()) >= MIN_NAMED_QUESTION_WORDS:
                notes.append(messages.text("second_question", language, question=extra.text))
        composed = self.steps.composer.compose(parts, language, audience)
        citations = composed.citations
        related = self.steps.related.block(first.candidate.doc_id, language, len(citations) + 1,
                                           {part.document.doc_id for part in parts})
        if related is not None:
            notes.append(related.text)
            citations += related.citations
        document = self._documents[(first.candidate.doc_id, language)]
        return Answer(text, language, AnswerStatus.ANSWER,
                      "\n\n".join([composed.text, *notes]), citations, first.probability,
                      Handoff(HandoffReason.CHOICE, self.steps.channels.channels(language,
                                                                                 document)))

    def _part(self, resolution: Resolution) -> AnswerPart:
        candidate = resolution.decision.candidate
        document = self._documents[(candidate.doc_id, candidate.language)]
        return AnswerPart(resolution.text, document, candidate.section, candidate.passages)

    def _clarify(self, text: str, language: Language, key: str, options: tuple[str, ...],
                 confidence: float = 0.0) -> Answer:
        return Answer(text, language, AnswerStatus.CLARIFY,
                      "\n".join([messages.text(key, language), *(f"- {o}" for o in options)]),
                      confidence=confidence, options=options)

    def _handoff(self, text: str, language: Language, message: str, reason: HandoffReason,
                 candidate=None, confidence: float = 0.0, with_summary: bool = True) -> Answer:
        document = self._documents.get((candidate.doc_id, candidate.language)) if candidate \
            else None
        fallback = self.steps.channels.fallback(language)
        if with_summary and document is None and fallback is not None:
            message = f"{message}\n{fallback.summary}"
        return Answer(text, language, AnswerStatus.HANDOFF, message, confidence=confidence,
                      handoff=Handoff(reason, self.steps.channels.channels(language, document)))

    def _handoff_message(self, decision: Decision, language: Language) -> str:
        if decision.reason is HandoffReason.OTHER_REGION:
            return messages.text("handoff.other_region", language,
                                 region=self._region_name(language))
        topic = self._topics.get(decision.topic or "")
        if decision.reason is HandoffReason.NOT_COVERED and topic is not None:
            who = messages.table("handled_by", language)[topic.handled_by.value]
            return messages.text("handoff.not_covered", language, topic=topic.names[language],
                                 who=who)
        return messages.text("handoff.not_confident", language)

    def _region_name(self, language: Language) -> str:
        region = self._region or Region.FEDERAL
        return messages.table("region_names", language)[region.value]

    @staticmethod
    def _language_of(text: str, history: list[Turn]) -> Language:
        guess = detect_language(text, history[-1].language if history else Language.FR)
        if not guess.confident and history:
            return history[-1].language
        return guess.language
