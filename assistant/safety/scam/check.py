"""Is this message a scam? The warning signs of a pasted SMS or e-mail, and what to do now.

Signs are found, never a verdict of safety: a link outside the official domains (the corpus's
`official-domains.yaml` and the sites its pages link to), a domain that borrows an official name
("itsme-renew.com"), a request for codes, card details, a payment or personal data, a threat, an
unexpected parcel fee, a prize or refund, a number to call back urgently. The patterns are data
(`signs.yaml`, per language); a message with no sign is told that this does not make it safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from assistant.data_files import read_yaml_mapping
from assistant.messages import catalogue
from assistant.safety.contact_finder import ContactKind, find_all
from indexing.errors import GuichetError
from indexing.models import Language
from indexing.text import fold_accents

SIGNS_FILE = Path(__file__).resolve().parent / "signs.yaml"
OFFICIAL_DOMAINS_FILE = "official-domains.yaml"
# A borrowed name this long may hide inside a longer label ("itsmeverify"); shorter ones
# ("ing", "kbc") must be a whole label part, or every word holding those letters would match.
MIN_EMBEDDED_NAME = 5


class ScamSign(StrEnum):
    UNOFFICIAL_LINK = "unofficial_link"
    LOOKALIKE_DOMAIN = "lookalike_domain"
    ASKS_CODES = "asks_codes"
    ASKS_CARD_OR_PAYMENT = "asks_card_or_payment"
    ASKS_PERSONAL_DATA = "asks_personal_data"
    THREAT_OR_DEADLINE = "threat_or_deadline"
    PARCEL_FEE = "parcel_fee"
    PRIZE_OR_REFUND_LURE = "prize_or_refund_lure"
    URGENT_CALLBACK_NUMBER = "urgent_callback_number"


PATTERN_SIGNS = (ScamSign.ASKS_CODES, ScamSign.ASKS_CARD_OR_PAYMENT, ScamSign.ASKS_PERSONAL_DATA,
                 ScamSign.THREAT_OR_DEADLINE, ScamSign.PARCEL_FEE, ScamSign.PRIZE_OR_REFUND_LURE,
                 ScamSign.URGENT_CALLBACK_NUMBER)
DEADLINE = "deadline"


@dataclass(frozen=True)
class Signal:
    sign: ScamSign
    evidence: str  # the words or the link that showed it, as written in the message
    explanation: str  # what the sign means, in the reader's language


@dataclass(frozen=True)
class MessageReport:
    signals: tuple[Signal, ...]
    advice: str


@dataclass(frozen=True)
class OfficialDomains:
    domains: frozenset[str]
    suffixes: tuple[str, ...]

    @classmethod
    def load(cls, corpus_dir: Path) -> OfficialDomains:
        path = corpus_dir / OFFICIAL_DOMAINS_FILE
        if not path.is_file():
            return cls(frozenset(), ())
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        domains = {str(d).lower() for key in ("domains", "communes") for d in raw.get(key, [])}
        return cls(frozenset(domains), tuple(str(s).lower() for s in raw.get("suffixes", [])))

    def holds(self, host: str) -> bool:
        return host in self.domains or host.endswith(self.suffixes)


class MessageChecker:
    def __init__(self, official: OfficialDomains, linked_hosts: frozenset[str]) -> None:
        self._official = official
        self._linked_hosts = linked_hosts
        self._patterns, borrowed = load_signs(SIGNS_FILE)
        own = {host.split(".")[0] for host in official.domains | linked_hosts}
        self._borrowed = frozenset(borrowed) | {name for name in own if len(name) >= 4}

    def check(self, text: str, language: Language) -> MessageReport:
        messages = catalogue()
        explained = messages.table("scam.signs", language)
        found: dict[ScamSign, str] = {}
        for sign, evidence in self._link_signs(text):
            found.setdefault(sign, evidence)
        read = _read(text)
        for sign in PATTERN_SIGNS:
            if match := self._patterns[sign.value].search(read):
                found.setdefault(sign, match.group().strip())
        if found and ScamSign.THREAT_OR_DEADLINE not in found:
            if match := self._patterns[DEADLINE].search(read):
                found[ScamSign.THREAT_OR_DEADLINE] = match.group().strip()
        signals = tuple(Signal(sign, found[sign], explained[sign.value])
                        for sign in ScamSign if sign in found)
        advice = messages.text("scam.advice" if signals else "scam.no_sign", language)
        return MessageReport(signals, advice)

    def _link_signs(self, text: str) -> list[tuple[ScamSign, str]]:
        signs = []
        for contact in find_all(text):
            if contact.kind is not ContactKind.URL:
                continue
            host = host_of(contact.text)
            if not host or self._official.holds(host) or host in self._linked_hosts:
                continue
            signs.append((ScamSign.UNOFFICIAL_LINK, contact.text))
            if self._borrows_a_name(host):
                signs.append((ScamSign.LOOKALIKE_DOMAIN, contact.text))
        return signs

    def _borrows_a_name(self, host: str) -> bool:
        labels = host.split(".")
        parts = [part for label in labels for part in re.split(r"[^a-z]+", label) if part]
        for name in self._borrowed:
            if name in parts or (len(name) >= MIN_EMBEDDED_NAME
                                 and any(name in label for label in labels)):
                return True
            if len(name) >= MIN_EMBEDDED_NAME and any(_one_edit_apart(name, p) for p in parts):
                return True
        return False


def _read(text: str) -> str:
    """Lower case, accents off, apostrophes as spaces, punctuation kept (amounts, dates)."""
    return " ".join(fold_accents(text).replace("'", " ").replace("’", " ").split())


def host_of(url: str) -> str:
    """The host of a link, lower case, without 'www.'."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    host = re.split(r"[/?#:]", address, maxsplit=1)[0]
    return host.removeprefix("www.")


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added, removed or two neighbours swapped ("mypensoin")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def load_signs(path: Path) -> tuple[dict[str, re.Pattern[str]], list[str]]:
    raw = read_yaml_mapping(path, "map each sign to its patterns per language")
    patterns = {}
    for name in [sign.value for sign in PATTERN_SIGNS] + [DEADLINE]:
        entry = raw.get(name)
        if not isinstance(entry, dict) or set(entry) != {language.value for language in Language}:
            raise GuichetError(f"{path}: {name} needs patterns for fr, nl and en")
        alternatives = [f"(?:{p})" for language in Language for p in entry[language.value]]
        try:
            patterns[name] = re.compile("|".join(alternatives))
        except re.error as exc:
            raise GuichetError(f"{path}: {name}: not a valid regular expression ({exc})") from exc
    return patterns, [str(name).lower() for name in raw.get("borrowed_names", [])]


@cache
def message_checker(corpus_dir: Path, linked_hosts: frozenset[str]) -> MessageChecker:
    return MessageChecker(OfficialDomains.load(corpus_dir), linked_hosts)
