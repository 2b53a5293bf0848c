"""The data that flows out of the corpus: documents, their sections, their contacts, and chunks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Language(StrEnum):
    """A language the corpus is written in."""

    FR = "fr"
    NL = "nl"
    EN = "en"


class Region(StrEnum):
    """The authority whose rules a procedure follows."""

    BRUSSELS = "brussels"
    FEDERAL = "federal"
    WALLONIA = "wallonia"
    FLANDERS = "flanders"
    FRANCE = "france"  # imported collections such as service-public.fr


class ChannelKind(StrEnum):
    """How a citizen can reach a human or a service (the contract's channel kinds)."""

    PHONE = "phone"
    COUNTER = "counter"
    ONLINE = "online"
    DIGITAL_HELP = "digital_help"
    EMERGENCY = "emergency"


class SectionKind(StrEnum):
    """The fixed vocabulary of procedure sections, whatever the language of the heading."""

    OVERVIEW = "overview"
    WHO = "who"
    WHEN = "when"
    HOW = "how"
    DOCUMENTS = "documents"
    COST = "cost"
    DELAY = "delay"
    WHERE = "where"
    ONLINE = "online"
    HELP = "help"
    DETAILS = "details"  # an imported page's sections that fit none of the kinds above


@dataclass(frozen=True)
class Channel:
    """One way to reach a human or a service: a phone line, a counter, a website."""

    kind: ChannelKind
    label: str
    value: str
    hours: str | None = None


@dataclass(frozen=True)
class Section:
    """One `##` section of a procedure document."""

    kind: SectionKind
    heading: str
    text: str
    line: int


@dataclass(frozen=True)
class ExampleQuestion:
    """A question citizens ask that a section answers, in the document's language."""

    section: SectionKind
    text: str


@dataclass(frozen=True)
class ProcedureDocument:
    """One procedure in one language, as written in `corpus/<lang>/<doc_id>.md`."""

    doc_id: str
    title: str
    language: Language
    region: Region
    source_url: str
    reviewed: date
    summary: str
    keywords: tuple[str, ...]
    contacts: tuple[Channel, ...]
    sections: tuple[Section, ...]
    path: str
    attribution: str = ""  # whom to credit when citing, for sources under an open licence
    questions: tuple[ExampleQuestion, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """A piece of one section of one document: the unit that is embedded and retrieved."""

    chunk_id: str
    doc_id: str
    language: Language
    title: str
    section: SectionKind
    heading: str
    url: str
    text: str
    position: int = 0
    keywords: tuple[str, ...] = field(default=())

    def to_metadata(self) -> dict[str, str | int]:
        """Flat metadata, as a vector store keeps it beside the text."""
        return {
            "doc_id": self.doc_id,
            "language": self.language.value,
            "title": self.title,
            "section": self.section.value,
            "heading": self.heading,
            "url": self.url,
            "position": self.position,
            "keywords": ", ".join(self.keywords),
        }
