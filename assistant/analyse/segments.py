"""A message cut into the sentences a danger or a request can hide in.

Long messages tell a story and bury the one sentence that matters ("... anyway I won't need the
money after Sunday"): each sentence is read alone as well as the whole. Sentences shorter than
two words carry no meaning of their own and stay only in the whole.
"""

from __future__ import annotations

import re

MAX_SEGMENTS = 8
_BOUNDARY = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*|(?<=\S)\s+(?=(?:PS|P\.S\.|btw|ps)\b)")


def segments(text: str) -> tuple[str, ...]:
    """The whole text first, then its sentences (at most MAX_SEGMENTS in all)."""
    whole = " ".join(text.split())
    parts = [" ".join(part.split()) for part in _BOUNDARY.split(text)]
    sentences = [part for part in parts if len(part.split()) >= 2 and part != whole]
    if len(sentences) > MAX_SEGMENTS - 1:
        # Long stories: the danger sits more often at the end than in the greeting.
        sentences = sentences[-(MAX_SEGMENTS - 1):]
    return (whole, *sentences)
