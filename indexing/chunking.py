"""Section-aware chunking: a chunk never mixes two sections of a document.

Citizens ask about one aspect of a procedure (the cost, what to bring), and the answer cites one
section, so the section is the natural unit. A long section is split between paragraphs or list
items, never inside one, into pieces of at most `max_words` words; every piece keeps the title and
heading so it still makes sense alone. Each document also gets an overview chunk (title, summary,
keywords) that matches questions naming the procedure without a specific aspect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexing.models import Chunk, ProcedureDocument, Section, SectionKind
from indexing.sections import OVERVIEW_HEADINGS

# Part of the fingerprint: a change here rebuilds every index. 2: documents kept with the index;
# 3: example questions embedded beside the chunks; 4: the topics a corpus does not cover too.
CHUNKING_VERSION = "4"
DEFAULT_MAX_WORDS = 150

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_BLOCK_START = re.compile(r"^\s*(?:[-*]\s|\d+[.)]\s)")


def chunk_document(document: ProcedureDocument, max_words: int = DEFAULT_MAX_WORDS) -> list[Chunk]:
    """Cut one document into chunks: an overview, then each section in order."""
    chunks = [_overview_chunk(document)]
    for section in document.sections:
        for position, text in enumerate(_split_section(section, max_words)):
            chunks.append(_chunk(document, section.kind, section.heading, text, position))
    return chunks


def chunk_documents(documents: Iterable[ProcedureDocument],
                    max_words: int = DEFAULT_MAX_WORDS) -> list[Chunk]:
    """Chunks of many documents, in document order."""
    return [chunk for document in documents for chunk in chunk_document(document, max_words)]


def search_text(chunk: Chunk) -> str:
    """The text that is embedded and indexed: the chunk with the context it needs to stand alone."""
    parts = [chunk.title, chunk.heading, chunk.text]
    if chunk.keywords:
        parts.append(", ".join(chunk.keywords))
    return "\n".join(parts)


def _overview_chunk(document: ProcedureDocument) -> Chunk:
    chunk = _chunk(document, SectionKind.OVERVIEW, OVERVIEW_HEADINGS[document.language],
                   document.summary, 0)
    return Chunk(**{**chunk.__dict__, "keywords": document.keywords})


def _chunk(document: ProcedureDocument, kind: SectionKind, heading: str, text: str,
           position: int) -> Chunk:
    return Chunk(
        chunk_id=f"{document.language.value}/{document.doc_id}/{kind.value}/{position}",
        doc_id=document.doc_id,
        language=document.language,
        title=document.title,
        section=kind,
        heading=heading,
        url=document.source_url,
        text=text,
        position=position,
    )


def _split_section(section: Section, max_words: int) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    current_words = 0
    for block in (piece for whole in _blocks(section.text)
                  for piece in _sentence_groups(whole, max_words)):
        words = len(block.split())
        if current and current_words + words > max_words:
            pieces.append("\n".join(current))
            current, current_words = [], 0
        current.append(block)
        current_words += words
    if current:
        pieces.append("\n".join(current))
    return pieces


def _blocks(text: str) -> list[str]:
    """Paragraphs and list items: the units a chunk boundary may fall between."""
    blocks: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if _BLOCK_START.match(line) or not blocks or not blocks[-1]:
            blocks.append([line.rstrip()])
        else:
            blocks[-1].append(line.rstrip())
    return ["\n".join(block) for block in blocks if block]


def _sentence_groups(block: str, max_words: int) -> list[str]:
    """A block longer than a chunk (a long paragraph of an imported page), cut between sentences;
    a single sentence longer than that is cut between words."""
    if len(block.split()) <= max_words:
        return [block]
    groups: list[list[str]] = [[]]
    group_words = 0
    for sentence in _SENTENCE_END.split(block):
        words = sentence.split()
        for start in range(0, max(len(words), 1), max_words):
            piece = words[start:start + max_words]
            if groups[-1] and group_words + len(piece) > max_words:
                groups.append([])
                group_words = 0
            groups[-1].append(" ".join(piece))
            group_words += len(piece)
    return [" ".join(group) for group in groups if group]
