"""Readability of corpus documents: published formulas per language, over the body text.

- French: Kandel & Moles (1958), the French adaptation of Flesch:
  207 - 1.015 x (words / sentences) - 73.6 x (syllables / words).
- Dutch: Flesch-Douma (1960): 206.835 - 0.93 x (words / sentences) - 77 x (syllables / words).
- English: Flesch reading ease (1948): 206.835 - 1.015 x (words / sentences) - 84.6 x (syll. / words).
All three read alike: 60-70 is plain standard prose, above 70 is easy, below 50 is hard.

Syllables are counted as groups of vowels, with the usual silent endings of French ('-e', '-es',
'-ent' of verbs is left counted: it errs towards harder, never easier) and English ('-e').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.models import Language, ProcedureDocument

_VOWELS = {
    Language.FR: "aeiouyàâäéèêëîïôöûùüÿœæ",
    Language.NL: "aeiouyàäéèêëïöüij",
    Language.EN: "aeiouy",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*(?:[-*]|\d+[.)])\s|\n\s*\n")
_FORMULAS = {
    Language.FR: (207.0, 1.015, 73.6),
    Language.NL: (206.835, 0.93, 77.0),
    Language.EN: (206.835, 1.015, 84.6),
}


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    score: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences


def syllables(word: str, language: Language) -> int:
    word = word.casefold()
    if language is Language.FR and len(word) > 3 and re.search(r"[^aeiouy]es?$", word):
        word = re.sub(r"es?$", "", word)
    if language is Language.EN and len(word) > 3 and word.endswith("e") and not word.endswith("le"):
        word = word[:-1]
    groups = re.findall(f"[{_VOWELS[language]}]+", word)
    return max(1, len(groups))


def readability(text: str, language: Language) -> Readability:
    """The score of a text; list items count as sentences, as a reader takes them one by one."""
    words = _WORD.findall(text)
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    syllable_count = sum(syllables(word, language) for word in words)
    base, per_sentence, per_syllable = _FORMULAS[language]
    score = (base - per_sentence * len(words) / sentences
             - per_syllable * syllable_count / max(1, len(words)))
    return Readability(len(words), sentences, syllable_count, round(score, 1))


def document_readability(document: ProcedureDocument) -> Readability:
    body = "\n".join(section.text for section in document.sections)
    return readability(body, document.language)
