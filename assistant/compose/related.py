"""The rights that often go with an answer's procedure, as the block that ends the answer.

"Vous avez peut-être aussi droit à :" then one line per right, with its condition in plain words
and a citation of the page it rests on. Never an amount, never a certainty: the conditions come
from the reviewed rights file (corpus `rights.yaml`), worded as things to check.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from assistant.compose.answer import label_separator
from assistant.messages import catalogue
from assistant.models import Citation
from assistant.rights.check import RightsCheck
from indexing.models import Language, SectionKind

MAX_RELATED = 4


@dataclass(frozen=True)
class RelatedBlock:
    text: str
    citations: tuple[Citation, ...]


class RelatedRights:
    def __init__(self, rights: RightsCheck | None) -> None:
        self._rights = rights

    def block(self, doc_id: str, language: Language, first_number: int,
              already_cited: Collection[str]) -> RelatedBlock | None:
        """The block for an answer about `doc_id` whose own citations end at `first_number - 1`;
        None when no right goes with it (or the deployment has no rights file)."""
        if self._rights is None:
            return None
        related = [(document, condition)
                   for document, condition in self._rights.related(doc_id, language)
                   if document.doc_id not in already_cited][:MAX_RELATED]
        if not related:
            return None
        separator = label_separator(language)
        lines, citations = [catalogue().text("rights.also_entitled", language)], []
        for number, (document, condition) in enumerate(related, start=first_number):
            lines.append(f"- {document.title}{separator}{condition} [{number}]")
            who = next((s for s in document.sections if s.kind is SectionKind.WHO),
                       document.sections[0])
            citations.append(Citation(document.doc_id, language, document.title,
                                      document.source_url, who.heading, document.attribution,
                                      document.reviewed.isoformat()))
        return RelatedBlock("\n".join(lines), tuple(citations))
