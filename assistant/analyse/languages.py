"""Languages Guichet does not answer in: recognised so that the reply says so, in that language."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from assistant.analyse.reading import compiled, read_data
from indexing.text import fold_accents

LANGUAGES_FILE = "languages.yaml"
MIN_WORDS = 2
SCRIPT_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+")


class ForeignLanguageReader:
    def __init__(self, known_words: set[str]) -> None:
        raw = read_data(LANGUAGES_FILE)
        self._arabic = compiled(raw["scripts"]["ar"], f"{LANGUAGES_FILE}: scripts: ar")
        self._cyrillic = compiled(raw["scripts"]["cyrillic"], f"{LANGUAGES_FILE}: scripts")
        self._ukrainian = compiled(raw["ukrainian_letters"], f"{LANGUAGES_FILE}: ukrainian")
        self._ukrainian_words = frozenset(str(w).casefold() for w in raw["ukrainian_words"])
        self._letters = {code: compiled(pattern, f"{LANGUAGES_FILE}: letters: {code}")
                         for code, pattern in raw["letters"].items()}
        self._words = {code: frozenset(str(w).casefold() for w in words)
                       for code, words in raw["words"].items()}
        self._known = known_words

    def language(self, text: str) -> str | None:
        """The code of the unanswered language a text is written in, or None."""
        if len(self._arabic.findall(text)) >= SCRIPT_LETTERS:
            return "ar"
        words = [w.casefold() for w in _WORD.findall(text)]
        if len(self._cyrillic.findall(text)) >= SCRIPT_LETTERS:
            ukrainian = self._ukrainian.search(text) or self._ukrainian_words.intersection(words)
            return "uk" if ukrainian else "ru"
        known = sum(fold_accents(w) in self._known for w in words)
        counts = Counter({code: sum(w in vocabulary or (code in self._letters and bool(
            self._letters[code].search(w))) for w in words)
            for code, vocabulary in self._words.items()})
        if not counts:
            return None
        code, hits = counts.most_common(1)[0]
        return code if hits >= MIN_WORDS and hits >= known else None


@cache
def foreign_language_reader() -> ForeignLanguageReader:
    from assistant.analyse.language import function_words

    return ForeignLanguageReader(function_words())
