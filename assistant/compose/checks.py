"""The last step before a citizen reads an answer: citations renumbered 1, 2, 3 in order of use
(one number per section), and every contact no source holds removed."""

from __future__ import annotations

import logging
import re

from assistant.safety.contacts import ContactAllowList
from indexing.models import Chunk, Language

logger = logging.getLogger(__name__)

_CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")  # "[2]" and "[1, 3]"
_REPEATED_MARKER = re.compile(r"(\[\d+\])(?:\s*\1)+")  # "[1][1]" once two sources are one


def same_section(chunks: dict[int, Chunk]) -> dict[int, int]:
    """Each source number, mapped to the first source of the same section: a long section
    comes in several chunks (its opening and the piece that matched), cited once."""
    first: dict[tuple[str, Language, str], int] = {}
    return {number: first.setdefault((chunk.doc_id, chunk.language, chunk.heading), number)
            for number, chunk in sorted(chunks.items())}


def renumber(text: str, sections: dict[int, int]) -> tuple[str, list[int]]:
    """Citations renumbered 1, 2, 3 in order of first use, one number per section; also the
    source numbers they were."""
    def cited(marker: str) -> list[int]:
        return list(dict.fromkeys(sections.get(int(n), int(n)) for n in marker.split(",")))

    order = list(dict.fromkeys(n for marker in _CITATION.findall(text) for n in cited(marker)))
    mapping = {old: new for new, old in enumerate(order, start=1)}

    def renumbered(marker: re.Match[str]) -> str:
        return "".join(f"[{mapping[n]}]" for n in cited(marker.group(1)))

    return _REPEATED_MARKER.sub(r"\1", _CITATION.sub(renumbered, text)), order


def scrub_contacts(text: str, allow_list: ContactAllowList) -> str:
    scrubbed = allow_list.scrub(text)
    if scrubbed.removed:
        logger.warning("removed %d contacts found in no source", len(scrubbed.removed))
    return scrubbed.text
