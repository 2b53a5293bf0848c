"""Normalising a citizen's question for retrieval (the citizen's own words stay for display).

Questions are typed on phones: SMS abbreviations ("jsp koi faire pr ma carte") and typos
("pasport", "identiter"). BM25 only matches exact terms, so both are repaired before searching.

Spelling uses a deletion index in the manner of SymSpell (Garbe, 2012): two words within edit
distance d share a string obtained from each by at most d deletions, so every deletion variant of
every vocabulary word is stored once, and a query only looks up its own few deletion variants
instead of measuring its distance to 20,000 words. To keep the index small, only the first
`prefix_length` letters of each word are indexed (SymSpell's prefix trick); candidates are then
verified on the whole word. The price is a rare miss when two extra letters open the word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from indexing.models import Language
from indexing.text import fold_accents, words

_SMS_FR = {
    "slt": "salut", "bjr": "bonjour", "stp": "s'il vous plaît", "svp": "s'il vous plaît",
    "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi", "koi": "quoi", "kan": "quand",
    "qd": "quand", "kel": "quel", "kelle": "quelle", "ds": "dans", "tt": "tout",
    "jsp": "je ne sais pas", "chui": "je suis", "jsuis": "je suis", "jai": "j'ai",
    "bcp": "beaucoup", "dc": "donc", "pr": "pour", "ac": "avec", "avc": "avec",
    "cb": "combien", "cmb": "combien", "ajd": "aujourd'hui", "auj": "aujourd'hui",
    "rdv": "rendez-vous", "nvl": "nouvelle", "nv": "nouveau", "mm": "même",
    "tjr": "toujours", "tjrs": "toujours", "qqn": "quelqu'un", "qqch": "quelque chose",
    "ke": "que", "ki": "qui", "ya": "il y a", "y'a": "il y a", "dsl": "désolé",
    "mrc": "merci", "mrci": "merci",
}
_SMS_NL = {
    "ff": "even", "idd": "inderdaad", "wa": "wat", "ni": "niet", "nie": "niet",
    "kweet": "ik weet", "tis": "het is", "mn": "mijn", "da": "dat", "zn": "zijn",
    "gwn": "gewoon", "hvl": "hoeveel",
}
_SMS_EN = {
    "u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks",
    "thanx": "thanks", "r": "are", "b4": "before", "2day": "today", "idk": "I don't know",
    "govt": "government",
}


def _sms_pattern(table: dict[str, str]) -> re.Pattern[str]:
    # Whole words only: "pr" must not touch "prix". Phones type ’ as often as '.
    alternatives = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(key).replace("'", "['’]") for key in alternatives)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)


_SMS_TABLES = {Language.FR: _SMS_FR, Language.NL: _SMS_NL, Language.EN: _SMS_EN}
_SMS_PATTERNS = {language: _sms_pattern(table) for language, table in _SMS_TABLES.items()}
# A lone "c" is "c'est" only before a word ("c ou la commune"); at the end it is anything.
_FRENCH_LONE_C = re.compile(r"(?<![\w'’])c(?=\s+\w)", re.IGNORECASE)


def expand_sms(text: str, language: Language) -> str:
    """The text with that language's SMS abbreviations written out; other words untouched."""
    table = _SMS_TABLES[language]
    expanded = _SMS_PATTERNS[language].sub(
        lambda match: table[match.group().casefold().replace("’", "'")], text)
    if language is Language.FR:
        expanded = _FRENCH_LONE_C.sub("c'est", expanded)
    return expanded


def allowed_typos(word: str) -> int:
    """How many edits a word of this length may carry and still be recognised."""
    if len(word) < 4:
        return 0
    return 1 if len(word) <= 6 else 2


def damerau_levenshtein(first: str, second: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours as one edit; limit + 1 once it exceeds limit.

    This is the 'optimal string alignment' variant, which is what typing errors need. Only the
    cells within `limit` of the diagonal are filled: any path leaving that band costs more.
    """
    if first == second:
        return 0
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    first, second = _strip_common_ends(first, second)
    too_far = limit + 1
    if not first or not second:
        return min(len(first) + len(second), too_far)
    before_previous = [too_far] * (len(second) + 1)
    previous = [min(j, too_far) for j in range(len(second) + 1)]
    for i, letter in enumerate(first, start=1):
        current = [min(i, too_far)] + [too_far] * len(second)
        for j in range(max(1, i - limit), min(len(second), i + limit) + 1):
            other = second[j - 1]
            if letter == other:
                best = previous[j - 1]
            else:
                best = min(previous[j], current[j - 1], previous[j - 1]) + 1
                if i > 1 and j > 1 and letter == second[j - 2] and first[i - 2] == other:
                    best = min(best, before_previous[j - 2] + 1)
            current[j] = min(best, too_far)
        if min(current) > limit:
            return too_far
        before_previous, previous = previous, current
    return previous[-1]


def _strip_common_ends(first: str, second: str) -> tuple[str, str]:
    """Both words without the letters they share at the start and at the end."""
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    end = 0
    while (end < min(len(first), len(second)) - start
           and first[-1 - end] == second[-1 - end]):
        end += 1
    return first[start:len(first) - end], second[start:len(second) - end]


def _deletions(word: str, depth: int) -> set[str]:
    """The word and every string made from it by deleting up to `depth` letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {variant[:i] + variant[i + 1:] for variant in frontier
                    for i in range(len(variant))}
        found |= frontier
    return found


class NearWordIndex:
    """Finds the words of a fixed list within a small edit distance of any word, quickly."""

    def __init__(self, vocabulary: Iterable[str], max_distance: int = 2,
                 prefix_length: int = 7) -> None:
        self.max_distance = max_distance
        self._prefix_length = prefix_length
        self._by_deletion: dict[str, list[str]] = {}
        for word in set(vocabulary):
            for variant in _deletions(word[:prefix_length], max_distance):
                self._by_deletion.setdefault(variant, []).append(word)

    def within(self, word: str, distance: int) -> list[tuple[int, str]]:
        """(distance, vocabulary word) for every word at most `distance` edits away."""
        distance = min(distance, self.max_distance)
        candidates = {candidate
                      for variant in _deletions(word[:self._prefix_length], distance)
                      for candidate in self._by_deletion.get(variant, ())}
        near = []
        for candidate in candidates:
            edits = damerau_levenshtein(word, candidate, distance)
            if edits <= distance:
                near.append((edits, candidate))
        return near


# French elisions a phone keyboard loses: "d'identité" typed "didentite".
_ELISIONS = ("qu", "d", "l", "j", "n", "m", "s", "t", "c")
_VOWELS = frozenset("aeiouy")
_MIN_LETTERS = 4
_CACHE_SIZE = 10_000
_TOKEN = re.compile(r"[^\W_]+")


class SpellingCorrector:
    """Replaces the unknown words of a question by the nearest words of the corpus.

    Building takes about a second and some 50 MB for 20,000 words; correcting a question then
    takes a few milliseconds. Build one per corpus and share it.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._frequency: Counter[str] = Counter()
        # A large collection repeats its words millions of times: fold each distinct one once.
        for entry, count in Counter(vocabulary).items():
            for word in words(fold_accents(entry)):
                self._frequency[word] += count
        self._index = NearWordIndex(word for word in self._frequency
                                    if len(word) >= _MIN_LETTERS and word.isalpha())
        self._corrected: dict[str, str] = {}

    def correct(self, text: str) -> str:
        """The text accent-folded and lower-cased, its unknown words of 4+ letters corrected."""
        folded = fold_accents(text)
        return _TOKEN.sub(lambda match: self._correct_word(match.group()), folded)

    def _correct_word(self, word: str) -> str:
        if len(word) < _MIN_LETTERS or not word.isalpha() or word in self._frequency:
            return word
        if word not in self._corrected:
            if len(self._corrected) >= _CACHE_SIZE:
                self._corrected.clear()  # a long-running server sees endless new typos
            self._corrected[word] = self._repair(word)
        return self._corrected[word]

    def _repair(self, word: str) -> str:
        # A lost apostrophe ("didentite") costs nothing: it is how phones type French elisions.
        # Between equally near readings, the whole word wins over a split.
        splits = [(elision, word.removeprefix(elision)) for elision in _ELISIONS
                  if word.startswith(elision) and len(word) - len(elision) >= _MIN_LETTERS]
        for elision, rest in splits:
            if rest in self._frequency:
                return f"{elision} {rest}"
        readings: list[tuple[int, int, str]] = []
        whole = self._closest(word)
        if whole is not None:
            readings.append((whole[0], 0, whole[1]))
        # A split that also needs a typo fixed is trusted only before a vowel, where French
        # elides: "chasse" must not become "c' passe".
        for elision, rest in splits:
            if rest[0] not in _VOWELS:
                continue
            nearest = self._closest(rest)
            if nearest is not None:
                readings.append((nearest[0], 1, f"{elision} {nearest[1]}"))
        return min(readings)[2] if readings else word

    def _closest(self, word: str) -> tuple[int, str] | None:
        """(edits, word) of the nearest vocabulary word, or None when none is near enough."""
        near = self._index.within(word, allowed_typos(word))
        if not near:
            return None
        # Fewest edits first; between equals, the word the corpus uses most, then a stable order.
        return min(near, key=lambda pair: (pair[0], -self._frequency[pair[1]], pair[1]))
