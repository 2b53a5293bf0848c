"""A message cut into the sentences a danger or a request can hide in.

Long messages tell a story and bury the one sentence that matters ("... anyway I won't need the
money after Sunday"): each sentence is read alone. A message of one sentence is its own segment.
A sentence of one word carries no meaning of its own and is joined to the one after it. Each
segment is embedded once and reused by every step that reads it.
"""

from __future__ import annotations

import re

MAX_SEGMENTS = 8
_BOUNDARY = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*|(?<=\S)\s+(?=(?:PS|P\.S\.|btw|ps)\b)")


def segments(text: str) -> tuple[str, ...]:
    """The sentences of a message (at most MAX_SEGMENTS), or the message itself when it is one."""
    whole = " ".join(text.split())
    sentences: list[str] = []
    pending = ""
    for part in (" ".join(piece.split()) for piece in _BOUNDARY.split(text)):
        if not part:
            continue
        part = f"{pending} {part}".strip()
        if len(part.split()) < 2:
            pending = part
            continue
        sentences.append(part)
        pending = ""
    if pending:
        sentences = [*sentences[:-1], f"{sentences[-1]} {pending}"] if sentences else [pending]
    if len(sentences) <= 1:
        return (whole,)
    # Long stories: the danger sits more often at the end than in the greeting.
    return tuple(sentences[-MAX_SEGMENTS:])
