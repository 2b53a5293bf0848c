"""The citation check every generated answer must pass before a citizen reads it.

A language model can write a fluent sentence that no source supports. The check does not judge
meaning; it enforces the form that makes each claim traceable: every sentence long enough to state
a fact (five words or more) carries a `[n]` marker, and every marker names a source that was
actually given. Shorter sentences ("Bonne nouvelle !", "Voici les étapes :") may go uncited.

Sentences end at `.`, `!` or `?` followed by a space, and at line breaks; list bullets and
numbers ("- ", "2. ") are not sentence ends. A marker written after the full stop
("… commune. [2]") belongs to the sentence before it, as models often place it there.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from indexing.errors import GenerationRejected
from assistant.models import Draft

MIN_CLAIM_WORDS = 5

# "[1]", "[1, 3]" and "[1,3]"; "[1][3]" is two matches.
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^((?:\[\d+(?:\s*,\s*\d+)*\]\s*)+)(.*)$", re.DOTALL)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# After the punctuation, not before a digit: "75.50" and "www.belgium.be" are not sentence ends.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def check_citations(text: str, given: Collection[int]) -> Draft:
    """The text as a Draft citing its sources in order of first use; GenerationRejected if not."""
    cited = _cited_numbers(text)
    if not cited:
        raise GenerationRejected("no citation marker")
    for number in cited:
        if number not in given:
            raise GenerationRejected(f"cites source {number}, which was not given")
    for sentence in split_sentences(text):
        if _is_claim(sentence) and not _MARKER.search(sentence):
            raise GenerationRejected(f"sentence without citation: {_shorten(sentence)!r}")
    return Draft(text=text.strip(), cited=cited)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each keeping the markers that follow its full stop."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        line_start = len(sentences)
        for piece in _SENTENCE_END.split(line):
            leading = _LEADING_MARKERS.match(piece)
            # Markers opening a line cite that line's sentence, unless they are all the line has.
            if leading and sentences and (len(sentences) > line_start or not leading[2].strip()):
                sentences[-1] = f"{sentences[-1]} {leading[1].strip()}"
                piece = leading[2]
            if piece.strip():
                sentences.append(piece.strip())
    return sentences


def _cited_numbers(text: str) -> tuple[int, ...]:
    numbers: dict[int, None] = {}  # a dict keeps first-use order without repeats
    for marker in _MARKER.finditer(text):
        for number in marker[1].split(","):
            numbers.setdefault(int(number), None)
    return tuple(numbers)


def _is_claim(sentence: str) -> bool:
    words = [word for word in _MARKER.sub(" ", sentence).split()
             if any(char.isalnum() for char in word)]
    return len(words) >= MIN_CLAIM_WORDS


def _shorten(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
