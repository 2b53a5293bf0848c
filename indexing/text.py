"""Text normalisation shared by indexing and querying, so both sides see words the same way."""

import re
import unicodedata

_WORD = re.compile(r"\w\w+|\d")


def fold_accents(text: str) -> str:
    """Lower case without diacritics: citizens often type 'identite' for 'identité'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, accents kept (the stemmers want them)."""
    return _WORD.findall(text.casefold().replace("’", "'"))
