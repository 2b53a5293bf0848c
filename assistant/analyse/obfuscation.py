"""Undoing the disguises people use to slip a word past a filter, once, before safety and routing.

Three disguises are undone: letters replaced by look-alike digits and symbols inside a word
("k!ller", "fr@ude", "t00er", "fau$$e"), letters spaced or dotted apart ("i l l e g a l",
"m.e.u.r.t.r.e", "f-a-u-x"), and a word cut by stray symbols ("ill*gal"). Numbers stay numbers: a
token with no letter ("0470", "12,50") is left alone, and so is a token that is mostly digits
("C4", "2e"). The result is for reading only; the citizen's own text is what is searched and shown.
"""

from __future__ import annotations

import re

_LOOK_ALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                              "@": "a", "$": "s", "!": "i", "€": "e", "|": "l", "+": "t"})
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = re.compile(r"^([(\"'«]*)(.*?)([)\"'».,;:?!]*)$")
# Three or more single letters, each followed by the same separator (space, dot, dash, underscore):
# "i l l e g a l", "f.a.k.e" (the article in "a f.a.k.e" keeps its own space).
_SPACED = re.compile(r"(?<!\w)[^\W\d_]([ ._\-])(?:[^\W\d_]\1)+[^\W\d_](?!\w)")
_STRAY_SYMBOLS = re.compile(r"(?<=[^\W\d_])[*#^~_]+(?=[^\W\d_])")


def deobfuscate(text: str) -> str:
    """The text with look-alike characters, spaced letters and stray symbols undone."""
    joined = _SPACED.sub(lambda match: match.group().replace(match.group(1), ""), text)
    cleaned = _STRAY_SYMBOLS.sub("", joined)
    return _TOKEN.sub(_plain_token, cleaned)


def _plain_token(match: re.Match[str]) -> str:
    token = match.group()
    lead, core, trail = _EDGE_PUNCTUATION.match(token).groups()
    letters = sum(char.isalpha() for char in core)
    disguised = sum(char in "013457@$!€|+" for char in core)
    if letters < 2 or disguised == 0 or disguised > letters:
        return token
    return lead + core.translate(_LOOK_ALIKES) + trail
