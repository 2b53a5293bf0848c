"""Text and ids from outside, checked once before anything reads, stores or logs them.

Typed or pasted text arrives with what a screen does not show: zero-width characters, non-breaking
spaces, control characters, and halves of emoji split by a broken copy (lone surrogates, which no
database or log can encode). Invisible spacing becomes plain space; what cannot be text is refused
with a message naming the field, never quoting the text (it may hold personal data).
"""

from __future__ import annotations

import re
import unicodedata

from indexing.errors import InvalidInput

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spacing is kept as typed (two spaces may separate words whose letters are spaced out, a
# disguise the safety step undoes); only unusual spaces and tabs become plain spaces.
_SPACES = re.compile(r"[^\S\n ]")


def clean_text(text: str, field: str, max_chars: int, *, required: bool = True) -> str:
    """The text with invisible characters gone and spaces plain, or InvalidInput naming `field`."""
    if _SURROGATE.search(text):
        raise InvalidInput(field, "The text holds a broken character (often half of an emoji "
                           "lost in a copy); retype it or remove that character.")
    if _CONTROL.search(text):
        raise InvalidInput(field, "The text holds control characters; retype it as plain text.")
    normalised = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    cleaned = "\n".join(_SPACES.sub(" ", line).strip() for line in normalised.split("\n"))
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip()
    if required and not cleaned:
        raise InvalidInput(field, "The text is empty; write your question in words.")
    if len(cleaned) > max_chars:
        raise InvalidInput(field, f"The text is {len(cleaned)} characters long; the limit is "
                           f"{max_chars}. Please shorten it.")
    return cleaned


def check_id(value: str, field: str, pattern: str) -> str:
    """An id (conversation, case) as given out by Guichet, or InvalidInput naming `field`."""
    if not re.fullmatch(pattern, value):
        raise InvalidInput(field, f"This {field.replace('_', ' ')} is not one Guichet gives out; "
                           "copy it again from the answer, or leave it out.")
    return value
