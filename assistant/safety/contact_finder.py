"""Finding the contacts of a text (phone numbers, e-mail addresses, links) and what each reaches.

Contacts are compared by what they reach, not by how they are written: phones by their digits
("+32 2 518 21 23" is "02/518.21.23"), e-mails without case, links by host and path. A 3- or
4-digit number (112, 1813) is a phone only after a word of calling ("appelez le", "bel", "call",
"☎"), so that prices, years and postcodes are never touched. A run of digits that looks like a
phone but has a wrong length ("02 518 21 2") still counts as one: it is removed, not trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote


class ContactKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"


@dataclass(frozen=True)
class FoundContact:
    """One contact in a text, as written there."""

    start: int
    end: int
    kind: ContactKind
    text: str


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

_URL_CHAR = r"[^\s<>()\[\]{}\"'`]"
_URL_LAST_CHAR = r"[^\s<>()\[\]{}\"'`.,;:!?»]"
# Without a scheme or "www.", a bare domain counts only with a top-level domain an answer about
# Belgian procedures may name, written in lower case (so "commune.Be" after a missing space is not).
_BARE_DOMAIN_TLD = r"(?:be|brussels|vlaanderen|wallonie|eu|com|org|net|info|gov)"
_URL = re.compile(
    rf"(?:\b(?i:https?)://|(?<![\w@./-])(?i:www)\.){_URL_CHAR}*{_URL_LAST_CHAR}"
    rf"|(?<![\w@./-])(?i:[a-z0-9-]+\.)+{_BARE_DOMAIN_TLD}(?![\w-])"
    rf"(?:/(?:{_URL_CHAR}*{_URL_LAST_CHAR})?)?"
)

# A phone starts and ends where a word or a longer number does not go on ("1.250", "12/03"), nor
# after a digit and a space, so the groups of an IBAN ("BE68 5390 0754 7034") are no phone.
_START = r"(?<![\w+])(?<!\d[ .,/-])"
_END = r"(?!\w)(?![.,/-]\d)"
_PHONE_RUN = re.compile(_START + r"(?:\+ ?|0)\d(?: ?\(0\) ?\d|[ ./-]?\d)+" + _END)
_TOKEN = re.compile(r"[^ ./-]+")
_DIGIT = re.compile(r"\d")
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_MIN_DIGITS_OF_A_WRONG_PHONE = 8

CALL_WORD = (r"(?:(?<!\w)(?:appel(?:ez|er|le|lez)?|composez|formez|t[ée]l[ée]phon(?:ez|er|e)"
              r"|t[ée]l|num[ée]ro|bel(?:len|t)?|nummer|telefoon(?:nummer)?"
              r"|call|dial|phone|ring|number)(?!\w)\.?|[☎📞])")
# "Appelez DOC STOP au 1813": a few words may stand between the call and its number.
_CALLED_NAME = r"(?:(?:[ \t]+[^\s\d.!?;:]+){0,3}?[ \t]+(?:au|à|op|naar|on|at)(?!\w))?"
_CALL_FILLER = (r"(?:[ \t]*(?::|(?<!\w)(?:le|la|au|het|de|the|op|naar|on|gratuit|gratis|free"
                r"|num[ée]ro|nummer|number)(?!\w)))*")
_SHORT_NUMBER = r"[ \t]*(?P<number>\d{3,4})(?!\w)(?![.,/-]?\d)(?![ \t]*(?:€|eur))"
_CALLED_SHORT_NUMBER = re.compile(CALL_WORD + _CALLED_NAME + _CALL_FILLER + _SHORT_NUMBER, re.I)
_ANOTHER_SHORT_NUMBER = re.compile(
    r"[ \t]*(?=[,/]|(?:ou|of|or)(?!\w))(?:[,/][ \t]*)?(?:(?:ou|of|or)(?!\w))?"
    r"[ \t]*(?:(?:le|au|à|het|op|the|on|at)[ \t]+)*"
    + _SHORT_NUMBER,
    re.I)
BARE_SHORT_NUMBER = re.compile(r"\s*\d{3,4}\s*")


def _phone_key(phone: str) -> str:
    """The digits, with +32 and 0032 turned into the leading 0 of a Belgian number."""
    compact = phone.strip().removeprefix("tel:")
    digits = re.sub(r"\D", "", compact.replace("(0)", ""))
    if compact.startswith("+"):
        digits = "00" + digits
    if digits.startswith("0032"):
        digits = "0" + digits[4:]
    return digits


def _is_real_phone(part: str) -> bool:
    """A Belgian number (9 digits, mobiles 10 from 04), or 8 to 15 digits after + or 00."""
    if part[0] not in "+0" or _DATE_LIKE.match(part):
        return False
    key = _phone_key(part)
    if key.startswith("00"):
        return 8 <= len(key) - 2 <= 15
    return len(key) == 9 or (len(key) == 10 and key.startswith("04"))


def _phones_in_run(run: str, offset: int) -> Iterator[tuple[int, int]]:
    """The phones in a run of digits: "02 518 21 23 1000" holds one phone and a postcode."""
    tokens = [(token.start(), token.end()) for token in _TOKEN.finditer(run)]
    for index, (start, _) in enumerate(tokens):
        for _, end in reversed(tokens[index:]):
            if _is_real_phone(run[start:end]):
                yield offset + start, offset + end
                # A slice, so that the phone just found does not hide the next one.
                for rest in _PHONE_RUN.finditer(run[end:]):
                    yield from _phones_in_run(rest.group(), offset + end + rest.start())
                return
    if not _DATE_LIKE.match(run) and len(_phone_key(run)) >= _MIN_DIGITS_OF_A_WRONG_PHONE:
        yield offset, offset + len(run)


def _short_numbers(text: str, phone_ends: Iterable[int]) -> Iterator[tuple[int, int]]:
    """3- or 4-digit numbers after a word of calling, or listed after another phone."""
    list_starts = list(phone_ends)
    for call in _CALLED_SHORT_NUMBER.finditer(text):
        yield call.span("number")
        list_starts.append(call.end())
    for position in list_starts:
        while more := _ANOTHER_SHORT_NUMBER.match(text, position):
            yield more.span("number")
            position = more.end()


def find_all(text: str) -> list[FoundContact]:
    """Every contact in the text, in order; e-mails first, so their digits are not a phone."""
    found: list[FoundContact] = []

    def claim(spans: Iterable[tuple[int, int]], kind: ContactKind) -> None:
        for start, end in spans:
            if not any(start < other.end and other.start < end for other in found):
                found.append(FoundContact(start, end, kind, text[start:end]))

    # Most passages hold no "@" and many no digit; skipping those scans halves the time a large
    # collection's allow list takes to build.
    if "@" in text:
        claim((match.span() for match in _EMAIL.finditer(text)), ContactKind.EMAIL)
    claim((match.span() for match in _URL.finditer(text)), ContactKind.URL)
    if _DIGIT.search(text):
        claim((span for run in _PHONE_RUN.finditer(text)
               for span in _phones_in_run(run.group(), run.start())), ContactKind.PHONE)
        claim(_short_numbers(text, [c.end for c in found if c.kind is ContactKind.PHONE]), ContactKind.PHONE)
    return sorted(found, key=lambda contact: contact.start)


def find_contacts(text: str) -> list[str]:
    """The phone numbers, e-mail addresses and URLs of a text, as written there, in order."""
    return [contact.text for contact in find_all(text)]


def _url_key(url: str) -> str:
    """Host without "www." and path, in lower case, without scheme, query, fragment, final /."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    address = re.split(r"[?#]", address, maxsplit=1)[0]
    host, _, path = address.partition("/")
    host = host.lower().removeprefix("www.")
    path = unquote(path).rstrip("/").lower()
    return f"{host}/{path}" if path else host


def contact_key(kind: ContactKind, contact: str) -> tuple[ContactKind, str]:
    if kind is ContactKind.EMAIL:
        return kind, contact.strip().removeprefix("mailto:").lower()
    if kind is ContactKind.URL:
        return kind, _url_key(contact)
    return kind, _phone_key(contact)


def kind_of(contact: str) -> ContactKind:
    if "@" in contact:
        return ContactKind.EMAIL
    return ContactKind.URL if re.search(r"[A-Za-z]", contact.removeprefix("tel:")) else ContactKind.PHONE
