"""Personal data in a citizen's words: masked before anything is stored, logged or echoed.

A message may carry a national register number, an account number, a card or document number, a
phone number, an e-mail address, a file reference, a name or a street address. Each is replaced by a
placeholder that says what it was ("[numéro national]"), so the answer can still say "do not share
this here". Numbers are masked by their shape, whatever their check digits: a mistyped number is
still someone's number. What stays: dates, amounts, years, ages, durations, postcodes alone, short
service numbers (112, 1813) and the public service lines of the reviewed list, procedure names
("formulaire C4").

Detectors run one after the other, most specific first; what one masks becomes a private-use mark
that later detectors cannot match. The marks become placeholders only when the text is rendered in
a language (`MaskedText.text`), once the language of the message is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from assistant.messages import catalogue
from indexing.errors import GuichetError
from indexing.models import Language

PATTERNS_FILE = Path(__file__).resolve().parent / "personal_data.yaml"


class PersonalDataKind(StrEnum):
    """A kind of personal data that must not be stored."""

    NATIONAL_NUMBER = "national_number"
    IBAN = "iban"
    CARD_NUMBER = "card_number"
    ID_DOCUMENT = "id_document"
    PHONE = "phone"
    EMAIL = "email"
    REFERENCE = "reference"
    NAME = "name"
    ADDRESS = "address"


_MARK_OF = {kind: chr(0xE000 + index) for index, kind in enumerate(PersonalDataKind)}
_KIND_OF_MARK = {mark: kind for kind, mark in _MARK_OF.items()}
_MARKS = re.compile("[" + "".join(_MARK_OF.values()) + "]")
# A typed message never holds these characters; one that does must not pass for a mask.
_NO_FORGED_MARKS = {ord(mark): "\ufffd" for mark in _MARK_OF.values()}


@dataclass(frozen=True)
class MaskedText:
    """A message with a mark where each piece of personal data was, and the kinds found."""

    marked: str
    kinds: tuple[PersonalDataKind, ...]

    def text(self, language: Language) -> str:
        """The message with each mark written as a placeholder of that language."""
        placeholders = catalogue().table("privacy.placeholders", language)
        return _MARKS.sub(lambda mark: placeholders[_KIND_OF_MARK[mark.group()].value],
                          self.marked)

    @property
    def neutral(self) -> str:
        """The message with the marks left out, for reading (language, search), never display."""
        return re.sub(r"[ \t]*" + _MARKS.pattern + r"[ \t]*", " ", self.marked).strip()


@dataclass(frozen=True)
class _Vocabulary:
    """The words of `personal_data.yaml`, checked when loaded."""

    name_phrases: tuple[tuple[str, bool], ...]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    street_before: tuple[str, ...]
    street_suffix: tuple[str, ...]
    street_after: tuple[str, ...]
    street_box: tuple[str, ...]
    reference_words: tuple[str, ...]
    iban_countries: frozenset[str]


@cache
def _vocabulary(path: Path = PATTERNS_FILE) -> _Vocabulary:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        streets = raw["street_words"]
        vocabulary = _Vocabulary(
            name_phrases=tuple((str(entry["phrase"]), bool(entry["lowercase"]))
                               for entry in raw["name_phrases"]),
            name_particles=frozenset(map(str, raw["name_particles"])),
            not_names=frozenset(str(word).casefold() for word in raw["not_names"]),
            street_before=tuple(map(str, streets["before"])),
            street_suffix=tuple(map(str, streets["suffix"])),
            street_after=tuple(map(str, streets["after"])),
            street_box=tuple(map(str, streets["box"])),
            reference_words=tuple(map(str, raw["reference_words"])),
            iban_countries=frozenset(map(str, raw["iban_countries"])))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise GuichetError(f"{path}: not a valid personal-data vocabulary ({exc!r})") from exc
    if not all(phrase for phrase, _ in vocabulary.name_phrases):
        raise GuichetError(f"{path}: an empty name phrase would mask every word")
    return vocabulary


# --- Numbers ----------------------------------------------------------------------------------
# A number starts and ends where a word or a longer number does not go on ("1.250", "12/03").
_START = r"(?<![\w+])(?<!\d[.,/-])"
_END = r"(?!\w)(?![.,/-]\d)"
_SEP = r"[ .\-]?"
_NATIONAL = re.compile(_START + rf"\d\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d{{3}}{_SEP}\d\d" + _END)
_EID = re.compile(_START + r"\d{3}[- ]?\d{7}[- ]?\d\d" + _END)
_CARD = re.compile(_START + r"[2-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{1,7}" + _END
                   + r"|" + _START + r"3[47]\d\d[ -]?\d{6}[ -]?\d{5}" + _END)
_PASSPORT = re.compile(r"(?<![\w-])[A-Z]{2}\d{6,7}(?![\w-])")
_NORTH_AMERICAN = re.compile(r"(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}"
                             + _END)
_PHONE_RUN = re.compile(_START + r"(?:\+ ?|0)\d(?: ?\(0\) ?\d|[ ./-]?\d){6,16}" + _END)
_SIN = re.compile(_START + r"\d{3}[ -]\d{3}[ -]\d{3}" + _END)
_LONG_DIGITS = re.compile(_START + r"\d{6,}(?:[/-]\d{2,})*" + _END
                          + r"|" + _START + r"\d{2,4}[/-]\d{5,}" + _END)
_MIXED_ID = re.compile(r"(?<![\w-])(?=[A-Za-z0-9-]*\d[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])"
                       r"[A-Za-z0-9][A-Za-z0-9-]{6,}[A-Za-z0-9](?![\w-])")
_AMOUNT_AFTER = re.compile(r"\s?(?:€|eur\b|euros?\b|%)", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_IBAN = re.compile(r"(?<![\w-])([A-Za-z]{2})\d{2}(?:[ -]?[A-Za-z0-9]){11,30}(?![\w-])")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _is_phone(text: str) -> bool:
    """A Belgian number (9 digits, mobiles 10 from 04) or an international one after + or 00."""
    digits = _digits(text.replace("(0)", ""))
    if text.lstrip().startswith("+"):
        digits = "00" + digits
    if digits.startswith("0032"):
        digits = "0" + digits[4:]
    if digits.startswith("00"):
        return 8 <= len(digits) - 2 <= 15 and not digits.startswith("00800")
    return len(digits) in (9, 10) and not digits.startswith(("0800", "070", "078", "090"))


def _digit_count_between(low: int, high: int) -> Callable[[re.Match[str]], bool]:
    return lambda match: low <= len(_digits(match.group())) <= high


class _Masker:
    """Runs the detectors over one message, marking what each finds."""

    def __init__(self, text: str, is_public: Callable[[str], bool]) -> None:
        self.text = text.translate(_NO_FORGED_MARKS)
        self._is_public = is_public

    def mark(self, kind: PersonalDataKind, pattern: re.Pattern[str],
             accept: Callable[[re.Match[str]], bool] = lambda match: True,
             group: int = 0) -> None:
        def replace(match: re.Match[str]) -> str:
            if not accept(match) or _MARKS.search(match.group(group)):
                return match.group()
            whole, start, end = match.group(), *match.span(group)
            offset = match.start()
            return whole[:start - offset] + _MARK_OF[kind] + whole[end - offset:]

        self.text = pattern.sub(replace, self.text)

    def not_an_amount(self, match: re.Match[str]) -> bool:
        return not _AMOUNT_AFTER.match(self.text, match.end())

    def not_a_service_number(self, match: re.Match[str]) -> bool:
        return not self._is_public(match.group())


def _nothing_is_public(number: str) -> bool:
    return False


def mask_personal_data(text: str,
                       is_public: Callable[[str], bool] = _nothing_is_public) -> MaskedText:
    """The message with its personal data marked; `is_public` tells a public service line (one
    the corpus or the profile gives) from a person's number."""
    masker = _Masker(text, is_public)
    vocabulary = _vocabulary()
    Kind = PersonalDataKind
    masker.mark(Kind.EMAIL, _EMAIL)
    masker.mark(Kind.IBAN, _IBAN, lambda m: m.group(1).upper() in vocabulary.iban_countries
                and len(_digits(m.group())) >= 8)
    masker.mark(Kind.CARD_NUMBER, _CARD, _digit_count_between(13, 19))
    masker.mark(Kind.ID_DOCUMENT, _EID)
    masker.mark(Kind.NATIONAL_NUMBER, _NATIONAL, masker.not_an_amount)
    masker.mark(Kind.ID_DOCUMENT, _PASSPORT)
    masker.mark(Kind.PHONE, _NORTH_AMERICAN)
    # Nine digits in threes are a social insurance number; Belgian phones group otherwise.
    masker.mark(Kind.REFERENCE, _SIN,
                lambda m: masker.not_an_amount(m) and masker.not_a_service_number(m))
    masker.mark(Kind.PHONE, _PHONE_RUN,
                lambda m: _is_phone(m.group()) and masker.not_a_service_number(m))
    masker.mark(Kind.REFERENCE, _LONG_DIGITS,
                lambda m: masker.not_an_amount(m) and masker.not_a_service_number(m))
    masker.mark(Kind.REFERENCE, _reference_after_word(vocabulary), group=1)
    masker.mark(Kind.REFERENCE, _MIXED_ID, lambda m: len(_digits(m.group())) >= 5)
    masker.mark(Kind.ADDRESS, _address_pattern(vocabulary))
    # Only the name is masked (group 2): the phrase before it stays readable.
    masker.mark(Kind.NAME, _name_pattern(vocabulary), _is_a_name(vocabulary), group=2)
    kinds = tuple(dict.fromkeys(_KIND_OF_MARK[mark] for mark in _MARKS.findall(masker.text)))
    return MaskedText(masker.text, kinds)


@cache
def _reference_after_word(vocabulary: _Vocabulary) -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in sorted(vocabulary.reference_words, key=len,
                                                           reverse=True))
    return re.compile(rf"(?i:(?<!\w)(?:{words})(?!\w))[ \t]*(?:[:#.°=]|is|est|:)?[ \t]*"
                      r"((?=[A-Za-z0-9/-]*\d[A-Za-z0-9/-]*\d)[A-Za-z0-9][A-Za-z0-9/-]{6,}"
                      r"[A-Za-z0-9])(?![\w-])")


_NAME_WORD = r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*"
_CAPITALISED_WORD = r"[A-ZÀ-Þ][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*"


@cache
def _name_pattern(vocabulary: _Vocabulary) -> re.Pattern[str]:
    phrases = "|".join(re.escape(phrase).replace("'", "['’]").replace(r"\ ", r"\s+")
                       for phrase, _ in vocabulary.name_phrases)
    particles = "|".join(re.escape(p) for p in sorted(vocabulary.name_particles, key=len,
                                                        reverse=True))
    return re.compile(rf"(?i:(?<!\w)({phrases}))[ \t]*:?[ \t]*"
                      rf"({_NAME_WORD}(?:[ \t]+(?:(?i:{particles})[ \t]+)*{_CAPITALISED_WORD})"
                      r"{0,3})")


def _is_a_name(vocabulary: _Vocabulary) -> Callable[[re.Match[str]], bool]:
    lowercase_allowed = {_fold(phrase) for phrase, lowercase in vocabulary.name_phrases
                         if lowercase}

    def accept(match: re.Match[str]) -> bool:
        name = match.group(2)
        first = name.split()[0]
        if first.casefold() in vocabulary.not_names:
            return False
        return first[0].isupper() or _fold(match.group(1)) in lowercase_allowed

    return accept


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


@cache
def _address_pattern(vocabulary: _Vocabulary) -> re.Pattern[str]:
    def alternatives(words: Sequence[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    before, after = alternatives(vocabulary.street_before), alternatives(vocabulary.street_after)
    suffix, box = alternatives(vocabulary.street_suffix), alternatives(vocabulary.street_box)
    name_word = r"(?:[A-ZÀ-Þ][\w'’.-]*|(?:de|du|des|la|le|l|d|van|der|den|het|sint|saint|sainte)"\
                r"(?=[ \t'’]))"
    name = rf"{name_word}(?:[ \t'’]+{name_word}){{0,5}}"
    number = rf"\d{{1,4}}(?:[ \t]?[a-zA-Z](?![\w]))?(?:[ \t,]*(?i:{box})\.?[ \t]?\w{{1,5}})?"
    street_first = rf"(?i:\b(?:{before})\b\.?)[ \t]+(?:(?:de|du|des|la|le|d|l)[ \t'’]+)*{name}" \
                   rf",?[ \t]+{number}"
    number_first = rf"\b\d{{1,4}}[ \t]?,?[ \t]+(?i:\b(?:{before})\b\.?)[ \t]+" \
                   rf"(?:(?:de|du|des|la|le|d|l)[ \t'’]+)*{name}"
    compound = rf"\b[A-ZÀ-Þ][\w-]*(?i:{suffix})\b[ \t]+{number}"
    english = rf"\b\d{{1,5}}[ \t]+{name}[ \t]+(?i:\b(?:{after})\b\.?)"
    return re.compile(rf"(?:{street_first}|{number_first}|{compound}|{english})(?![\d€%])")


def privacy_notice(kinds: Sequence[PersonalDataKind], language: Language) -> str:
    """One kind sentence naming the kinds of data removed; empty when nothing was removed."""
    unique = list(dict.fromkeys(kinds))
    if not unique:
        return ""
    messages = catalogue()
    nouns = [messages.table("privacy.nouns", language)[kind.value] for kind in unique]
    joiner = messages.text("privacy.last_joiner", language)
    items = nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + joiner + nouns[-1]
    return messages.text("privacy.notice", language, items=items)
