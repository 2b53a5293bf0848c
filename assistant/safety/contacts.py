"""Contacts an answer may show: only phone numbers, e-mail addresses and links found in a source.

A generator can invent a plausible phone number or a link to a page that does not exist, and a
wrong number is worse than none. The allow-list is built once from the corpus and the deployment
profile; `scrub` removes every contact it does not hold, whoever wrote the text, and tidies the
sentence around the gap ("Appelez DOC STOP au ." becomes "Appelez DOC STOP.").

How contacts are found and compared is in contact_finder.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assistant.safety.contact_finder import (
    BARE_SHORT_NUMBER,
    CALL_WORD,
    ContactKind,
    FoundContact,
    contact_key,
    find_all,
    kind_of,
)


@dataclass(frozen=True)
class ScrubbedText:
    """A text without the contacts the allow-list does not hold, and those contacts."""

    text: str
    removed: tuple[str, ...]


# Words that lead to a contact and mean nothing once it is gone: "au", "sur le site", "Tél. :".
_LEAD_WORD = (r"(?:(?<!\w)(?:au|aux|à|le|la|les|du|des|de|sur|via|par|vers|numéro|n°|t[ée]l"
              r"|tel|t[ée]l[ée]phone|e-?mail|courriel|adresse|site|web|internet|lien|page"
              r"|op|naar|het|nummer|telefoonnummer|telefoon|e-?mailadres|adres|website|link"
              r"|pagina|webpagina|at|on|to|the|number|phone|address)(?!\w)\.?"
              r"|(?<!\w)[ld]['’]|[:☎📞→])")
# Between two contacts of a list: the link (", ou"), then the words that lead to the next one.
_JOINER = re.compile(rf"(?P<link>[ \t]*(?:[,/;][ \t]*)?(?:(?:ou|of|or|et|en|and)(?!\w)[ \t]*)?)"
                     rf"(?:{CALL_WORD}[ \t]*)?(?:{_LEAD_WORD}[ \t]*)*", re.I)
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

    def __init__(self, keys: frozenset[tuple[ContactKind, str]]) -> None:
        self._keys = keys

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> ContactAllowList:
        """Every phone, e-mail and URL of the texts; a text that is only "112" is a phone too.

        The host of a page the sources link to is allowed alone ("belgium.be"): a real page
        proves its site exists, while a path is what a generator would invent.
        """
        keys: set[tuple[ContactKind, str]] = set()
        for text in texts:
            keys.update(contact_key(found.kind, found.text) for found in find_all(text))
            if BARE_SHORT_NUMBER.fullmatch(text):
                keys.add(contact_key(ContactKind.PHONE, text))
        keys.update((ContactKind.URL, key.partition("/")[0]) for kind, key in list(keys)
                    if kind is ContactKind.URL)
        return cls(frozenset(keys))

    def allows(self, contact: str) -> bool:
        """Whether a phone, e-mail or URL, however written, is one the sources hold."""
        return contact_key(kind_of(contact), contact) in self._keys

    def scrub(self, text: str) -> ScrubbedText:
        """The text without any contact the sources do not hold, tidied where one was cut."""
        removed: list[str] = []
        unlinked = self._unlink_disallowed(text.translate(_NO_FORGED_GAPS), removed)
        found = find_all(unlinked)
        gone = [not self._holds(contact) for contact in found]
        if not removed and not any(gone):
            return ScrubbedText(text, ())
        removed.extend(contact.text for contact, is_gone in zip(found, gone) if is_gone)
        cut = _cut(unlinked, found, gone)
        return ScrubbedText(_tidy(cut), tuple(dict.fromkeys(removed)))

    def _holds(self, contact: FoundContact) -> bool:
        return contact_key(contact.kind, contact.text) in self._keys

    def _unlink_disallowed(self, text: str, removed: list[str]) -> str:
        """A Markdown link to a contact not held keeps its words and loses its target."""
        def unlink(link: re.Match[str]) -> str:
            unknown = [c.text for c in find_all(link.group("target")) if not self._holds(c)]
            if not unknown:
                return link.group()
            removed.extend(unknown)
            return link.group("label") or _GAP

        return _MARKDOWN_LINK.sub(unlink, text)


def _cut(text: str, found: list[FoundContact], gone: list[bool]) -> str:
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


def _joined_groups(text: str, found: list[FoundContact]) -> Iterator[list[int]]:
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
