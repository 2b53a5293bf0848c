"""An answer from the sources: it says what it answers, then answers, then gives the next steps.

Each request answered opens with a line naming the procedure and the aspect ("Carte d'identité :
documents à apporter"), so that a wrong match shows at once; the generator then writes from the
sources, the section asked for first and the sections a citizen acts on next after it. Two
requests give two such parts, numbered as one list of sources. The extractive generator is the
fallback of any generator whose draft fails its citation check.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.compose.checks import renumber, same_section, scrub_contacts
from assistant.compose.generators.base import AnswerGenerator
from assistant.compose.generators.extractive import ExtractiveGenerator
from assistant.messages import catalogue
from assistant.models import Audience, Citation, Draft, Passage, Source
from assistant.safety.contacts import ContactAllowList
from indexing.errors import GenerationRejected
from indexing.models import Chunk, Language, ProcedureDocument, SectionKind

logger = logging.getLogger(__name__)

# The sections a citizen needs after the direct answer, in the order they act on them.
FOLLOW_ON_SECTIONS = (SectionKind.HOW, SectionKind.DOCUMENTS, SectionKind.COST,
                      SectionKind.DELAY, SectionKind.WHERE)
OPENING_SECTIONS = (SectionKind.HOW, SectionKind.WHO, SectionKind.OVERVIEW)


@dataclass(frozen=True)
class AnswerPart:
    """One request answered: its words, the procedure chosen, where in it the answer lies."""

    request: str
    document: ProcedureDocument
    section: SectionKind | None
    matched: tuple[Passage, ...]


@dataclass(frozen=True)
class ComposedAnswer:
    text: str
    citations: tuple[Citation, ...]


class AnswerComposer:
    def __init__(self, generator: AnswerGenerator, chunks: Sequence[Chunk],
                 allow_list: ContactAllowList) -> None:
        self._generator = generator
        self._fallback = ExtractiveGenerator()
        self._allow_list = allow_list
        self._first_chunks: dict[tuple[str, Language, SectionKind], Chunk] = {}
        for chunk in chunks:
            self._first_chunks.setdefault((chunk.doc_id, chunk.language, chunk.section), chunk)

    @property
    def generator_name(self) -> str:
        return self._generator.name

    def compose(self, parts: Sequence[AnswerPart], language: Language,
                audience: Audience) -> ComposedAnswer:
        blocks, sources_of = [], {}
        for part in parts:
            sources = [Source(len(sources_of) + n, p)
                       for n, p in enumerate(self._passages(part), start=1)]
            sources_of.update({s.number: s.passage.chunk for s in sources})
            draft = self._draft(part.request, language, sources, audience)
            blocks.append(f"{heading(part.document, part.section, language)}\n{draft.text}")
        body, order = renumber("\n\n".join(blocks), same_section(sources_of))
        citations = tuple(citation(sources_of[n], part_document(parts, sources_of[n]))
                          for n in order)
        return ComposedAnswer(body, citations)

    def _passages(self, part: AnswerPart) -> list[Passage]:
        """The section asked for first (its opening, then the piece that matched, if later),
        then the first chunk of each follow-on section."""
        doc = part.document
        first = part.section
        if first is None or (doc.doc_id, doc.language, first) not in self._first_chunks:
            first = next((s for s in OPENING_SECTIONS
                          if (doc.doc_id, doc.language, s) in self._first_chunks), None)
        picked: list[Passage] = []
        if first is not None:
            picked.append(Passage(self._first_chunks[(doc.doc_id, doc.language, first)], 1.0))
            later = next((p for p in part.matched if p.chunk.section is first
                          and p.chunk.position > 0), None)
            if later is not None:
                picked.append(later)
        for section in FOLLOW_ON_SECTIONS:
            chunk = self._first_chunks.get((doc.doc_id, doc.language, section))
            if section is not first and chunk is not None:
                picked.append(Passage(chunk, 0.0))
        return picked

    def _draft(self, request: str, language: Language, sources: list[Source],
               audience: Audience) -> Draft:
        try:
            draft = self._generator.compose(request, language, sources, audience)
        except GenerationRejected as rejected:
            logger.warning("generator %s rejected (%s); using the extractive answer",
                           self._generator.name, rejected)
            draft = self._fallback.compose(request, language, sources, audience)
        return Draft(scrub_contacts(draft.text, self._allow_list), draft.cited)


def heading(document: ProcedureDocument, section: SectionKind | None, language: Language) -> str:
    aspect = catalogue().table("aspect_headings", language)[(section or SectionKind.OVERVIEW)
                                                             .value]
    return f"{document.title}{label_separator(language)}{aspect}"


def label_separator(language: Language) -> str:
    """What joins a label to its text: French typography puts a space before the colon."""
    return " : " if language is Language.FR else ": "


def part_document(parts: Sequence[AnswerPart], chunk: Chunk) -> ProcedureDocument:
    return next(p.document for p in parts if p.document.doc_id == chunk.doc_id
                and p.document.language is chunk.language)


def citation(chunk: Chunk, document: ProcedureDocument) -> Citation:
    return Citation(chunk.doc_id, chunk.language, chunk.title, chunk.url, chunk.heading,
                    document.attribution, document.reviewed.isoformat())
