"""How the analysis patterns read a text, and how their data files are loaded.

Text is folded once: lower case, accents off, apostrophes, dashes and punctuation turned into
spaces, single spaces between words. Data files are YAML beside the module that uses them; a file
that cannot be read, or a pattern that is not a valid regular expression, is refused when loaded,
naming the file and the entry.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.data_files import read_yaml_mapping
from indexing.errors import GuichetError
from indexing.text import fold_accents

DATA_DIR = Path(__file__).resolve().parent / "data"
_NOT_A_WORD = re.compile(r"[\W_]+")


def folded(text: str) -> str:
    return " ".join(_NOT_A_WORD.sub(" ", fold_accents(text)).split())


def read_data(name: str) -> dict:
    return read_yaml_mapping(DATA_DIR / name, "map names to patterns")


def compiled(pattern: object, where: str) -> re.Pattern[str]:
    """One pattern (or a list of alternatives) of a data file, compiled and checked."""
    alternatives = pattern if isinstance(pattern, list) else [pattern]
    try:
        regex = re.compile("|".join(f"(?:{p})" for p in map(str, alternatives)))
    except re.error as exc:
        raise GuichetError(f"{DATA_DIR / where.split(':')[0]}: {where}: not a valid regular "
                           f"expression ({exc})") from exc
    if regex.search(""):
        raise GuichetError(f"{DATA_DIR / where.split(':')[0]}: {where}: matches an empty text")
    return regex
