"""Personal data in a citizen's question: masked before anything is stored or logged.

A question may carry a national register number, an IBAN, a card number, a phone number or an
e-mail address. Each is replaced by a placeholder such as `[PHONE]`, and the answer says kindly
not to share it. Numbers are masked only when their check digits hold (national number, IBAN,
payment card) or their shape is a real phone number, so dates, prices, postcodes and years pass.

Detectors run one after the other, most specific first. Each finds candidate runs of characters
with a loose pattern, then keeps the longest valid part of the run: "0470 12 34 56 2026" masks
the mobile number and leaves the year. What a detector masks becomes a private-use character
that later patterns cannot match, and the marks become placeholders at the very end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from indexing.models import Language


class PersonalDataKind(StrEnum):
    """A kind of personal data that must not be stored."""

    NATIONAL_NUMBER = "national_number"
    IBAN = "iban"
    CARD_NUMBER = "card_number"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True)
class MaskedText:
    """A text with its personal data replaced by placeholders, and the kinds that were found."""

    text: str
    kinds: tuple[PersonalDataKind, ...]


PLACEHOLDERS: Mapping[PersonalDataKind, str] = {
    PersonalDataKind.NATIONAL_NUMBER: "[NATIONAL NUMBER]",
    PersonalDataKind.IBAN: "[IBAN]",
    PersonalDataKind.CARD_NUMBER: "[CARD NUMBER]",
    PersonalDataKind.PHONE: "[PHONE]",
    PersonalDataKind.EMAIL: "[EMAIL]",
}

# One private-use character per kind marks what is already masked while the detectors run.
_MARK_OF = {kind: chr(0xE000 + index) for index, kind in enumerate(PersonalDataKind)}
_KIND_OF_MARK = {mark: kind for kind, mark in _MARK_OF.items()}
_MARKS = re.compile("[" + "".join(_MARK_OF.values()) + "]")
# A typed question never holds these characters; one that does must not pass for a mask.
_NO_FORGED_MARKS = {ord(mark): "\ufffd" for mark in _MARK_OF.values()}

# A number starts and ends where a word or a longer number does not go on ("1.250", "12/03").
_START = r"(?<![\w+])(?<!\d[.,/-])"
_END = r"(?!\w)(?![.,/-]\d)"
_TOKEN = re.compile(r"[^ ./-]+")
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _is_national_number(part: str) -> bool:
    """YYMMDDSSSCC whose check digits hold; the number of people born from 2000 is prefixed by 2."""
    digits = re.sub(r"\D", "", part)
    if len(digits) != 11:
        return False
    base, check = digits[:9], int(digits[9:])
    return check in (97 - int(base) % 97, 97 - int("2" + base) % 97)


def _is_iban(part: str) -> bool:
    """ISO 13616: move the first four characters to the end, read letters as 10..35, mod 97 = 1."""
    compact = part.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _is_card_number(part: str) -> bool:
    """13 to 19 digits in groups of at least four (phones come in pairs), passing Luhn."""
    groups = re.split(r"[ -]", part)
    digits = "".join(groups)
    if not 13 <= len(digits) <= 19 or any(len(group) < 4 for group in groups[:-1]):
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_phone(part: str) -> bool:
    """A Belgian number (9 digits, mobiles 10 from 04) or an international one after + or 00."""
    if part[0] not in "+0" or _DATE_LIKE.match(part):
        return False
    digits = re.sub(r"\D", "", part.replace("(0)", ""))
    if part.startswith("+"):
        digits = "00" + digits
    if digits.startswith("0032"):
        digits = "0" + digits[4:]
    if digits.startswith("00"):
        # 00800 is the international freephone prefix: a public service, not a person.
        return 8 <= len(digits) - 2 <= 15 and not digits.startswith("00800")
    return len(digits) == 9 or (len(digits) == 10 and digits.startswith("04"))


def _always(part: str) -> bool:
    return True


@dataclass(frozen=True)
class _Detector:
    """A loose pattern for candidate runs, and the test that a part of a run must pass."""

    kind: PersonalDataKind
    pattern: re.Pattern[str]
    is_valid: Callable[[str], bool] = field(default=_always)


_DETECTORS = (
    _Detector(PersonalDataKind.EMAIL,
              re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")),
    _Detector(PersonalDataKind.IBAN,
              re.compile(r"(?<!\w)[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,}(?!\w)"), _is_iban),
    _Detector(PersonalDataKind.NATIONAL_NUMBER,
              re.compile(_START + r"\d\d[ .]?\d\d[ .]?\d\d[ .-]?\d{3}[ .-]?\d\d" + _END),
              _is_national_number),
    # The number printed on a Belgian eID card: 3-7-2 digits.
    _Detector(PersonalDataKind.CARD_NUMBER, re.compile(_START + r"\d{3}[- ]\d{7}[- ]\d\d" + _END)),
    _Detector(PersonalDataKind.CARD_NUMBER,
              re.compile(_START + r"[1-9](?:[ -]?\d){12,}" + _END), _is_card_number),
    _Detector(PersonalDataKind.PHONE,
              re.compile(_START + r"[+0]\d(?: ?\(0\) ?\d|[ ./-]?\d)+" + _END), _is_phone),
)


def _first_valid_part(candidate: str, is_valid: Callable[[str], bool]) -> tuple[int, int] | None:
    """Start and end of the first, then longest, valid part made of whole tokens of a run."""
    tokens = [(token.start(), token.end()) for token in _TOKEN.finditer(candidate)]
    for index, (start, _) in enumerate(tokens):
        for _, end in reversed(tokens[index:]):
            if is_valid(candidate[start:end]):
                return start, end
    return None


def _mask_with(detector: _Detector, text: str) -> str:
    def mask_run(match: re.Match[str]) -> str:
        candidate = match.group()
        part = _first_valid_part(candidate, detector.is_valid)
        if part is None:
            return candidate
        start, end = part
        # The rest of the run may hold another item ("0470 12 34 56 0471 65 43 21").
        rest = _mask_with(detector, candidate[end:])
        return candidate[:start] + _MARK_OF[detector.kind] + rest

    return detector.pattern.sub(mask_run, text)


def mask_personal_data(text: str) -> MaskedText:
    """The text with each national number, IBAN, card number, phone and e-mail replaced."""
    working = text.translate(_NO_FORGED_MARKS)
    for detector in _DETECTORS:
        working = _mask_with(detector, working)
    kinds = [_KIND_OF_MARK[mark] for mark in _MARKS.findall(working)]
    masked = _MARKS.sub(lambda mark: PLACEHOLDERS[_KIND_OF_MARK[mark.group()]], working)
    return MaskedText(text=masked, kinds=tuple(dict.fromkeys(kinds)))


@dataclass(frozen=True)
class _Wording:
    """How one language asks not to share personal data."""

    sentence: str  # with {items} and {removed}
    nouns: Mapping[PersonalDataKind, str]
    last_joiner: str
    removed_one: str
    removed_many: str
    feminine: frozenset[PersonalDataKind] = frozenset()
    removed_one_feminine: str = ""


_WORDINGS: Mapping[Language, _Wording] = {
    Language.FR: _Wording(
        sentence="Pour votre sécurité, ne partagez pas {items} ici : "
                 "nous {removed} de votre message.",
        nouns={
            PersonalDataKind.NATIONAL_NUMBER: "votre numéro de registre national",
            PersonalDataKind.IBAN: "votre numéro de compte (IBAN)",
            PersonalDataKind.CARD_NUMBER: "votre numéro de carte",
            PersonalDataKind.PHONE: "votre numéro de téléphone",
            PersonalDataKind.EMAIL: "votre adresse e-mail",
        },
        last_joiner=" ni ",
        removed_one="l'avons effacé",
        removed_many="les avons effacés",
        feminine=frozenset({PersonalDataKind.EMAIL}),
        removed_one_feminine="l'avons effacée",
    ),
    Language.NL: _Wording(
        sentence="Deel voor uw veiligheid {items} hier niet: "
                 "we hebben {removed} uit uw bericht gewist.",
        nouns={
            PersonalDataKind.NATIONAL_NUMBER: "uw rijksregisternummer",
            PersonalDataKind.IBAN: "uw rekeningnummer (IBAN)",
            PersonalDataKind.CARD_NUMBER: "uw kaartnummer",
            PersonalDataKind.PHONE: "uw telefoonnummer",
            PersonalDataKind.EMAIL: "uw e-mailadres",
        },
        last_joiner=" of ",
        removed_one="het",
        removed_many="ze",
    ),
    Language.EN: _Wording(
        sentence="For your safety, please do not share {items} here: "
                 "we have removed {removed} from your message.",
        nouns={
            PersonalDataKind.NATIONAL_NUMBER: "your national register number",
            PersonalDataKind.IBAN: "your bank account number (IBAN)",
            PersonalDataKind.CARD_NUMBER: "your card number",
            PersonalDataKind.PHONE: "your phone number",
            PersonalDataKind.EMAIL: "your e-mail address",
        },
        last_joiner=" or ",
        removed_one="it",
        removed_many="them",
    ),
}


def privacy_notice(kinds: Sequence[PersonalDataKind], language: Language) -> str:
    """One kind sentence naming the kinds of data removed; empty when nothing was removed."""
    unique = list(dict.fromkeys(kinds))
    if not unique:
        return ""
    wording = _WORDINGS[language]
    nouns = [wording.nouns[kind] for kind in unique]
    items = nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + wording.last_joiner + nouns[-1]
    if len(unique) > 1:
        removed = wording.removed_many
    elif unique[0] in wording.feminine:
        removed = wording.removed_one_feminine
    else:
        removed = wording.removed_one
    return wording.sentence.format(items=items, removed=removed)
