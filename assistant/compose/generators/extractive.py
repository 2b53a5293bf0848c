"""The default generator: an answer made of the sources' own sentences, offline and deterministic.

The first source gives the direct answer (its first sentences); each further source adds one
short bullet under a label ("Coût", "Délai", ...). Only the labels and the bullet layout are
Guichet's words; every sentence comes from a cited source, so nothing can be invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.messages import catalogue
from assistant.models import Audience, Draft, Source
from indexing.models import Language, SectionKind

CITIZEN_MAX_WORDS = 120
DIRECT_ANSWER_SENTENCES = 2
LIST_ITEMS_AFTER_COLON = 4

_BOLD_LINE = re.compile(r"\*\*[^*]+\*\*")
_LIST_MARKER = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9«\"'])")


class ExtractiveGenerator:
    name = "extractive"

    def compose(self, question: str, language: Language, sources: Sequence[Source],
                audience: Audience) -> Draft:
        if not sources:
            return Draft("", ())
        if audience is Audience.STAFF:
            return self._full_sections(language, sources)
        first, *others = sources
        lines = [f"{lead(first.passage.chunk.text, DIRECT_ANSWER_SENTENCES)} [{first.number}]"]
        cited = [first.number]
        words = len(lines[0].split())
        for source in others:
            label = _label(language, source.passage.chunk.section)
            bullet = f"- {label} : " if language is Language.FR else f"- {label}: "
            bullet += f"{lead(source.passage.chunk.text, 1)} [{source.number}]"
            if words + len(bullet.split()) > CITIZEN_MAX_WORDS:
                continue
            lines.append(bullet)
            cited.append(source.number)
            words += len(bullet.split())
        return Draft("\n".join(lines), tuple(cited))

    @staticmethod
    def _full_sections(language: Language, sources: Sequence[Source]) -> Draft:
        parts = []
        for source in sources:
            chunk = source.passage.chunk
            parts.append(f"{_label(language, chunk.section)} [{source.number}]\n"
                         f"{chunk.text.strip()}")
        return Draft("\n\n".join(parts), tuple(source.number for source in sources))


def _label(language: Language, section: SectionKind) -> str:
    return catalogue().table("section_labels", language)[section.value]


def lead(text: str, max_sentences: int) -> str:
    """The first sentences of a text; a sentence announcing a list (':') brings its first items."""
    # A bold line alone is a sub-heading kept from an imported page, not something to say.
    blocks = [block.strip() for block in text.split("\n")
              if block.strip() and not _BOLD_LINE.fullmatch(block.strip())]
    if blocks and _LIST_MARKER.match(blocks[0]):
        # Steps first: the first steps are the answer, not the remark after the list.
        return " ".join(_ending(item) for item in _list_items(blocks)[:max(2, max_sentences)])
    sentences: list[str] = []
    for position, block in enumerate(blocks):
        if _LIST_MARKER.match(block) or block.startswith("|"):  # a list item, a table row
            continue
        for sentence in _SENTENCE_END.split(block):
            sentences.append(sentence.strip())
            if sentence.rstrip().endswith(":"):
                items = _list_items(blocks[position + 1:])
                if items:
                    return " ".join(sentences)[:-1].rstrip() + " : " + "; ".join(items) + "."
                # What it announces is a table or a sub-heading: alone, it leads nowhere.
                sentences.pop()
                continue
            # A question ("Vous avez perdu un titre de séjour ?") only sets up the sentence after.
            if len([x for x in sentences if not x.endswith("?")]) == max_sentences:
                return " ".join(sentences)
    if sentences:
        return " ".join(sentences)
    items = _list_items(blocks)
    return "; ".join(items) + "." if items else (blocks[0] if blocks else text.strip())


def _ending(item: str) -> str:
    return item if item.endswith((".", "!", "?")) else item + "."


def _list_items(blocks: Sequence[str]) -> list[str]:
    items = []
    for block in blocks:
        if not _LIST_MARKER.match(block):
            break
        items.append(_LIST_MARKER.sub("", block).rstrip(" ;.,"))
        if len(items) == LIST_ITEMS_AFTER_COLON:
            break
    return items
