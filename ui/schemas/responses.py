"""What the faces send out, as typed models shared by the CLI's JSON and the HTTP API."""

from __future__ import annotations

from datetime import date
from pydantic import BaseModel, Field

from assistant.models import Answer, Passage
from indexing.models import ProcedureDocument


class Health(BaseModel):
    status: str
    documents: int
    chunks: int
    index_version: str
    collections_ready: list[str] = Field(
        description="The collections open and answering; the others built are still opening.")


class Limits(BaseModel):
    max_question_chars: int
    max_comment_chars: int


class PageConfig(BaseModel):
    """What the pages need: languages, limits, channel order, feedback reasons, sentences."""

    languages: list[str]
    limits: Limits
    channel_kinds: list[str] = Field(description="The order the pages list channels in.")
    feedback_reasons: dict[str, list[str]] = Field(description="The reasons offered per rating.")
    strings: dict[str, dict] = Field(description="The pages' sentences, per language.")


class PassageOut(BaseModel):
    """A ranked passage with the scores that ranked it (for staff and evaluators)."""

    doc_id: str
    language: str
    title: str
    section: str
    heading: str
    url: str
    text: str
    fused_score: float
    dense_rank: int | None
    dense_similarity: float | None
    lexical_rank: int | None
    lexical_score: float | None

    @classmethod
    def from_passage(cls, passage: Passage) -> PassageOut:
        chunk = passage.chunk
        return cls(doc_id=chunk.doc_id, language=chunk.language.value, title=chunk.title,
                   section=chunk.section.value, heading=chunk.heading, url=chunk.url,
                   text=chunk.text, fused_score=passage.fused_score,
                   dense_rank=passage.dense_rank, dense_similarity=passage.dense_similarity,
                   lexical_rank=passage.lexical_rank, lexical_score=passage.lexical_score)


class ChannelOut(BaseModel):
    kind: str
    label: str
    value: str
    hours: str | None


class CitationOut(BaseModel):
    doc_id: str
    language: str
    title: str
    url: str
    section: str
    attribution: str = ""
    updated: str = ""


class HandoffOut(BaseModel):
    reason: str
    channels: list[ChannelOut]


class AnswerOut(BaseModel):
    """The contract's Answer (assistant/schema/answer.schema.json)."""

    question: str
    language: str
    status: str
    answer: str
    citations: list[CitationOut]
    confidence: float
    handoff: HandoffOut | None
    conversation_id: str
    options: list[str]

    @classmethod
    def from_answer(cls, answer: Answer) -> AnswerOut:
        handoff = None
        if answer.handoff is not None:
            handoff = HandoffOut(reason=answer.handoff.reason.value, channels=[
                ChannelOut(kind=c.kind.value, label=c.label, value=c.value, hours=c.hours)
                for c in answer.handoff.channels])
        return cls(question=answer.question, language=answer.language.value,
                   status=answer.status.value, answer=answer.answer,
                   citations=[CitationOut(doc_id=c.doc_id, language=c.language.value,
                                          title=c.title, url=c.url, section=c.section,
                                          attribution=c.attribution, updated=c.updated)
                              for c in answer.citations],
                   confidence=answer.confidence, handoff=handoff,
                   conversation_id=answer.conversation_id, options=list(answer.options))


class FeedbackOut(BaseModel):
    id: int
    status: str


class SectionOut(BaseModel):
    kind: str
    heading: str
    text: str


class ProcedureSummaryOut(BaseModel):
    doc_id: str
    language: str
    title: str
    summary: str
    region: str
    source_url: str
    reviewed: date

    @classmethod
    def from_document(cls, document: ProcedureDocument) -> ProcedureSummaryOut:
        return cls(doc_id=document.doc_id, language=document.language.value,
                   title=document.title, summary=document.summary, region=document.region.value,
                   source_url=document.source_url, reviewed=document.reviewed)


class ProcedureOut(ProcedureSummaryOut):
    keywords: list[str]
    contacts: list[ChannelOut]
    sections: list[SectionOut]

    @classmethod
    def from_document(cls, document: ProcedureDocument) -> ProcedureOut:
        summary = ProcedureSummaryOut.from_document(document)
        return cls(**summary.model_dump(), keywords=list(document.keywords),
                   contacts=[ChannelOut(kind=c.kind.value, label=c.label, value=c.value,
                                        hours=c.hours) for c in document.contacts],
                   sections=[SectionOut(kind=s.kind.value, heading=s.heading, text=s.text)
                             for s in document.sections])


class SignalOut(BaseModel):
    sign: str = Field(description="A stable code, e.g. unofficial_link, asks_codes.")
    evidence: str = Field(description="What in the message showed it (personal data masked).")
    explanation: str


class MessageCheckOut(BaseModel):
    """The warning signs found, and what to do; never a verdict that a message is safe."""

    signals: list[SignalOut]
    advice: str

    @classmethod
    def from_report(cls, report) -> MessageCheckOut:
        return cls(signals=[SignalOut(sign=s.sign.value, evidence=s.evidence,
                                      explanation=s.explanation) for s in report.signals],
                   advice=report.advice)


class OptionOut(BaseModel):
    id: str
    text: str


class HouseholdQuestionOut(BaseModel):
    id: str
    text: str
    options: list[OptionOut]


class RightsQuestionsOut(BaseModel):
    """The questionnaire, one question per screen, in the language asked for."""

    language: str
    questions: list[HouseholdQuestionOut]


class RightOut(BaseModel):
    doc_id: str
    title: str
    why: str = Field(description="The answers that matched and the condition to check.")
    url: str = Field(description="The official page of the procedure.")
    where: str = Field(description="Where to apply, from the procedure's page; may be empty.")
    documents: list[str] = Field(description="The documents to bring, from the procedure's page.")


class RightsCheckOut(BaseModel):
    """Rights to check, never a promise: each says why it came up and where to ask."""

    rights: list[RightOut]
