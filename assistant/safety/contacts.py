"""Contacts an answer may show: only phone numbers, e-mail addresses and links found in a source.

A generator can invent a plausible phone number or a link to a page that does not exist, and a
wrong number is worse than none. The allow-list is built once from the corpus and the deployment
profile; `scrub` removes every contact it does not hold, whoever wrote the text, and tidies the
sentence around the gap ("Appelez DOC STOP au ." becomes "Appelez DOC STOP.").

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


@dataclass(frozen=True)
class ScrubbedText:
    """A text without the contacts the allow-list does not hold, and those contacts."""

    text: str
    removed: tuple[str, ...]


class _Kind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"


@dataclass(frozen=True)
class _Found:
    """One contact in a text, as written there."""

    start: int
    end: int
    kind: _Kind
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

_CALL_WORD = (r"(?:(?<!\w)(?:appel(?:ez|er|le|lez)?|composez|formez|t[ée]l[ée]phon(?:ez|er|e)"
              r"|t[ée]l|num[ée]ro|bel(?:len|t)?|nummer|telefoon(?:nummer)?"
              r"|call|dial|phone|ring|number)(?!\w)\.?|[☎📞])")
# "Appelez DOC STOP au 1813": a few words may stand between the call and its number.
_CALLED_NAME = r"(?:(?:[ \t]+[^\s\d.!?;:]+){0,3}?[ \t]+(?:au|à|op|naar|on|at)(?!\w))?"
_CALL_FILLER = (r"(?:[ \t]*(?::|(?<!\w)(?:le|la|au|het|de|the|op|naar|on|gratuit|gratis|free"
                r"|num[ée]ro|nummer|number)(?!\w)))*")
_SHORT_NUMBER = r"[ \t]*(?P<number>\d{3,4})(?!\w)(?![.,/-]?\d)(?![ \t]*(?:€|eur))"
_CALLED_SHORT_NUMBER = re.compile(_CALL_WORD + _CALLED_NAME + _CALL_FILLER + _SHORT_NUMBER, re.I)
_ANOTHER_SHORT_NUMBER = re.compile(
    r"[ \t]*(?=[,/]|(?:ou|of|or)(?!\w))(?:[,/][ \t]*)?(?:(?:ou|of|or)(?!\w))?"
    r"[ \t]*(?:(?:le|au|à|het|op|the|on|at)[ \t]+)*"
    + _SHORT_NUMBER,
    re.I)
_BARE_SHORT_NUMBER = re.compile(r"\s*\d{3,4}\s*")


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


def _find(text: str) -> list[_Found]:
    """Every contact in the text, in order; e-mails first, so their digits are not a phone."""
    found: list[_Found] = []

    def claim(spans: Iterable[tuple[int, int]], kind: _Kind) -> None:
        for start, end in spans:
            if not any(start < other.end and other.start < end for other in found):
                found.append(_Found(start, end, kind, text[start:end]))

    # Most passages hold no "@" and many no digit; skipping those scans halves the time a large
    # collection's allow list takes to build.
    if "@" in text:
        claim((match.span() for match in _EMAIL.finditer(text)), _Kind.EMAIL)
    claim((match.span() for match in _URL.finditer(text)), _Kind.URL)
    if _DIGIT.search(text):
        claim((span for run in _PHONE_RUN.finditer(text)
               for span in _phones_in_run(run.group(), run.start())), _Kind.PHONE)
        claim(_short_numbers(text, [c.end for c in found if c.kind is _Kind.PHONE]), _Kind.PHONE)
    return sorted(found, key=lambda contact: contact.start)


def find_contacts(text: str) -> list[str]:
    """The phone numbers, e-mail addresses and URLs of a text, as written there, in order."""
    return [contact.text for contact in _find(text)]


def _url_key(url: str) -> str:
    """Host without "www." and path, in lower case, without scheme, query, fragment, final /."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    address = re.split(r"[?#]", address, maxsplit=1)[0]
    host, _, path = address.partition("/")
    host = host.lower().removeprefix("www.")
    path = unquote(path).rstrip("/").lower()
    return f"{host}/{path}" if path else host


def _key(kind: _Kind, contact: str) -> tuple[_Kind, str]:
    if kind is _Kind.EMAIL:
        return kind, contact.strip().removeprefix("mailto:").lower()
    if kind is _Kind.URL:
        return kind, _url_key(contact)
    return kind, _phone_key(contact)


def _kind_of(contact: str) -> _Kind:
    if "@" in contact:
        return _Kind.EMAIL
    return _Kind.URL if re.search(r"[A-Za-z]", contact.removeprefix("tel:")) else _Kind.PHONE


# Words that lead to a contact and mean nothing once it is gone: "au", "sur le site", "Tél. :".
_LEAD_WORD = (r"(?:(?<!\w)(?:au|aux|à|le|la|les|du|des|de|sur|via|par|vers|numéro|n°|t[ée]l"
              r"|tel|t[ée]l[ée]phone|e-?mail|courriel|adresse|site|web|internet|lien|page"
              r"|op|naar|het|nummer|telefoonnummer|telefoon|e-?mailadres|adres|website|link"
              r"|pagina|webpagina|at|on|to|the|number|phone|address)(?!\w)\.?"
              r"|(?<!\w)[ld]['’]|[:☎📞→])")
# Between two contacts of a list: the link (", ou"), then the words that lead to the next one.
_JOINER = re.compile(rf"(?P<link>[ \t]*(?:[,/;][ \t]*)?(?:(?:ou|of|or|et|en|and)(?!\w)[ \t]*)?)"
                     rf"(?:{_CALL_WORD}[ \t]*)?(?:{_LEAD_WORD}[ \t]*)*", re.I)
_LEAD_IN = re.compile(rf"(?:{_LEAD_WORD}[ \t]*)+\Z", re.I)
_LONGEST_LEAD_IN = 60
_MARKDOWN_LINK = re.compile(
    r"\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]+)(?:[ \t]+\"[^\"]*\")?\)")

# Where a contact was cut out, a private-use mark holds its place until the text is tidied.
_GAP = "\ue000"
_LINE_GAP = "\ue001"
_NO_FORGED_GAPS = {ord(_GAP): "\ufffd", ord(_LINE_GAP): "\ufffd"}
_AROUND_GAP = (
    (re.compile(rf"(\*\*|__|\*|_|`)[ \t]*{_GAP}[ \t]*\1"), _GAP),  # **02 123 45 67**
    (re.compile(rf"(?:[ \t]*{_LEAD_WORD})*[ \t]*{_GAP}", re.I), _GAP),
    (re.compile(rf"[ \t]*\([ \t]*{_GAP}[ \t]*\)"), _GAP),
    (re.compile(rf"\([ \t]*{_GAP}[ \t]*[,;][ \t]*"), "("),
    (re.compile(rf"[ \t]*[,;][ \t]*{_GAP}[ \t]*\)"), ")"),
    (re.compile(rf"[ \t]*,[ \t]*{_GAP}(?=[ \t]*(?:[.;:!?)]|$))", re.M), _GAP),
)
_BULLET_OF_GAP = re.compile(rf"^[ \t]*(?:[-*•+]|\d+[.)])?[ \t]*{_GAP}[ \t]*[.,;:]?[ \t]*$", re.M)
_LINE_GAP_WITH_BREAKS = re.compile(rf"(\n*){_LINE_GAP}(\n*)")
_GAP_WITH_SPACES = re.compile(rf"[ \t]*{_GAP}[ \t]*")


class ContactAllowList:
    """The contacts of the corpus and the deployment profile: the only ones an answer shows."""

    def __init__(self, keys: frozenset[tuple[_Kind, str]]) -> None:
        self._keys = keys

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> ContactAllowList:
        """Every phone, e-mail and URL of the texts; a text that is only "112" is a phone too.

        The host of a page the sources link to is allowed alone ("belgium.be"): a real page
        proves its site exists, while a path is what a generator would invent.
        """
        keys: set[tuple[_Kind, str]] = set()
        for text in texts:
            keys.update(_key(found.kind, found.text) for found in _find(text))
            if _BARE_SHORT_NUMBER.fullmatch(text):
                keys.add(_key(_Kind.PHONE, text))
        keys.update((_Kind.URL, key.partition("/")[0]) for kind, key in list(keys)
                    if kind is _Kind.URL)
        return cls(frozenset(keys))

    def allows(self, contact: str) -> bool:
        """Whether a phone, e-mail or URL, however written, is one the sources hold."""
        return _key(_kind_of(contact), contact) in self._keys

    def scrub(self, text: str) -> ScrubbedText:
        """The text without any contact the sources do not hold, tidied where one was cut."""
        removed: list[str] = []
        unlinked = self._unlink_disallowed(text.translate(_NO_FORGED_GAPS), removed)
        found = _find(unlinked)
        gone = [not self._holds(contact) for contact in found]
        if not removed and not any(gone):
            return ScrubbedText(text, ())
        removed.extend(contact.text for contact, is_gone in zip(found, gone) if is_gone)
        cut = _cut(unlinked, found, gone)
        return ScrubbedText(_tidy(cut), tuple(dict.fromkeys(removed)))

    def _holds(self, contact: _Found) -> bool:
        return _key(contact.kind, contact.text) in self._keys

    def _unlink_disallowed(self, text: str, removed: list[str]) -> str:
        """A Markdown link to a contact not held keeps its words and loses its target."""
        def unlink(link: re.Match[str]) -> str:
            unknown = [c.text for c in _find(link.group("target")) if not self._holds(c)]
            if not unknown:
                return link.group()
            removed.extend(unknown)
            return link.group("label") or _GAP

        return _MARKDOWN_LINK.sub(unlink, text)


def _cut(text: str, found: list[_Found], gone: list[bool]) -> str:
    """The text with each removed contact cut out; a gap mark where words may need tidying.

    In a list ("au 02 518 21 23, au 1813 ou au 0470 12 34 56"), a contact after a kept one is cut
    with what joins it to the one before; a contact before every kept one, with its leading words
    and the link to the next. The contacts that stay still read as a sentence. A list that loses
    all of its contacts leaves one gap for the tidying.
    """
    cuts: list[tuple[int, int, str]] = []
    for group in _joined_groups(text, found):
        kept = [index for index in group if not gone[index]]
        if not kept:
            start, end = _with_angle_brackets(text, found[group[0]].start, found[group[-1]].end)
            cuts.append((start, end, _GAP))
            continue
        for index in (index for index in group if gone[index]):
            if index < kept[0]:
                cuts.append((_lead_in_start(text, found[index].start),
                             _link_end(text, found[index].end, found[index + 1].start), ""))
            else:
                cuts.append((found[index - 1].end, found[index].end, ""))
    for start, end, replacement in sorted(cuts, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _joined_groups(text: str, found: list[_Found]) -> Iterator[list[int]]:
    """Indices of contacts that follow each other with only joining words between them."""
    group: list[int] = []
    for index, contact in enumerate(found):
        if group and not _JOINER.fullmatch(text, found[group[-1]].end, contact.start):
            yield group
            group = []
        group.append(index)
    if group:
        yield group


def _lead_in_start(text: str, start: int) -> int:
    lead_in = _LEAD_IN.search(text, max(0, start - _LONGEST_LEAD_IN), start)
    return lead_in.start() if lead_in else start


def _link_end(text: str, end: int, next_start: int) -> int:
    joiner = _JOINER.fullmatch(text, end, next_start)
    return joiner.end("link") if joiner else next_start


def _with_angle_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start - 1:start] == "<" and text[end:end + 1] == ">":
        return start - 1, end + 1
    return start, end


def _tidy(text: str) -> str:
    """Tidy only around the gaps, so the rest of the text keeps its own typography."""
    previous = None
    while previous != text:
        previous = text
        for pattern, replacement in _AROUND_GAP:
            text = pattern.sub(replacement, text)
    text = _BULLET_OF_GAP.sub(_LINE_GAP, text)
    text = _LINE_GAP_WITH_BREAKS.sub(_join_lines_around, text)
    return _GAP_WITH_SPACES.sub(_space_for_gap, text)


def _join_lines_around(gap: re.Match[str]) -> str:
    if gap.start() == 0 or gap.end() == len(gap.string):
        return ""
    return "\n" * max(len(gap.group(1)), len(gap.group(2)))


def _space_for_gap(gap: re.Match[str]) -> str:
    before = gap.string[gap.start() - 1:gap.start()]
    after = gap.string[gap.end():gap.end() + 1]
    if before in ("", "\n", "(", "[") or after in ("", "\n") or after in ".,;:!?)]":
        return ""
    return " "
