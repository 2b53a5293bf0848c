"""Where each fact of a document comes from: claims, their official page and when they were checked.

Beside `corpus/<lang>/<doc_id>.md` lies `corpus/<lang>/<doc_id>.claims.yaml`:

```yaml
claims:
  - text: valable 10 ans              # words of the document, exactly as written there
    source: https://...               # the official page that confirms them
    confirms: An eID is valid ten years from age 18 to 75.   # what that page says, in our words
    checked: 2026-12-06               # the day someone read the page and found it so
```

Every consequential fact of a document (an amount, a duration, an age, a percentage, a phone
number, an e-mail address, a link) must fall inside the text of one of its claims, so that
nothing a citizen may act on escapes review. A document's `reviewed` date is the oldest `checked`
date of its claims: the page is as fresh as its stalest fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from indexing.errors import CorpusProblem
from indexing.models import ChannelKind, Language, ProcedureDocument

CLAIMS_SUFFIX = ".claims.yaml"
CLAIM_FIELDS = ("text", "source", "confirms", "checked")

_NUMBER_WORDS = {
    Language.FR: "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|trente",
    Language.NL: "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|vijftien|dertig",
    Language.EN: "one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty",
}
_UNITS = (r"(?:jours?|semaines?|mois|ans|années?|heures?|minutes?|dagen|dag|werkdagen|weken|week"
          r"|maanden|maand|jaar|jaren|uur|uren|minuten|days?|working days|weeks?|months?|years?"
          r"|hours?|minutes?)")
_AMOUNT = r"(?:\d[\d .,]*\s?(?:€|euros?\b|EUR\b)|€\s?\d[\d .,]*\d|€\s?\d)"
_PERCENT = r"\d+(?:[.,]\d+)?\s?%"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
_URL = r"https?://[^\s<>()\[\]{}\"'`]*[^\s<>()\[\]{}\"'`.,;:!?»]"
_PHONE = (r"(?<![\w+])(?:\+ ?|0)\d(?:[ ./]?\d){6,13}(?!\w)"
          r"|\b(?:au|le|op|on|at|bel|call|appelez|nummer|numéro|number)\s\d{3,4}\b")


def _consequential_pattern(language: Language) -> re.Pattern[str]:
    number = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS[language]})"
    duration = rf"\b{number}(?:\s?(?:à|tot|to|-)\s?{number})?\s?{_UNITS}\b"
    return re.compile("|".join([_URL, _EMAIL, _AMOUNT, _PERCENT, duration, _PHONE]), re.IGNORECASE)


_CONSEQUENTIAL = {language: _consequential_pattern(language) for language in Language}


@dataclass(frozen=True)
class Claim:
    """One fact of a document and the official page that confirms it."""

    text: str
    source: str
    confirms: str
    checked: date


@dataclass(frozen=True)
class DocumentClaims:
    """The claims of one document, from its sidecar file."""

    doc_id: str
    language: Language
    path: Path
    claims: tuple[Claim, ...]

    @property
    def oldest_check(self) -> date | None:
        return min((claim.checked for claim in self.claims), default=None)


def claims_path(document: ProcedureDocument) -> Path:
    path = Path(document.path)
    return path.with_name(path.stem + CLAIMS_SUFFIX)


_SEPARATOR = " | "  # no fact runs across it: a phone value must not swallow the hours after it


def _parts(document: ProcedureDocument) -> list[tuple[str, bool]]:
    """The pieces a claim may quote, each flagged when it is itself a phone number to check."""
    parts = [(document.summary, False), *((section.text, False) for section in document.sections)]
    for channel in document.contacts:
        is_number = channel.kind in (ChannelKind.PHONE, ChannelKind.EMERGENCY)
        parts += [(channel.label, False), (channel.value, is_number), (channel.hours or "", False)]
    return [(_spaced(text), flag) for text, flag in parts if text.strip()]


def claimable_text(document: ProcedureDocument) -> str:
    """The text a claim may quote: summary, sections and contacts, one space between words."""
    return _SEPARATOR.join(text for text, _ in _parts(document))


def consequential_facts(document: ProcedureDocument) -> list[tuple[int, int, str]]:
    """Spans of `claimable_text` holding an amount, duration, age, percentage or contact."""
    facts, offset = [], 0
    for text, is_number in _parts(document):
        if is_number:
            facts.append((offset, offset + len(text), text))
        else:
            facts += [(offset + found.start(), offset + found.end(), found.group())
                      for found in _CONSEQUENTIAL[document.language].finditer(text)]
        offset += len(text) + len(_SEPARATOR)
    return facts


def load_claims(document: ProcedureDocument, today: date) -> tuple[DocumentClaims | None,
                                                                   list[CorpusProblem]]:
    """The claims of a document, and what is wrong with them (nothing if none)."""
    path = claims_path(document)
    if not path.exists():
        return None, [CorpusProblem(path, 0, "no claims file: list the document's facts with "
                                    "their official source (see indexing/claims.py)")]
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [CorpusProblem(path, mark.line + 1 if mark else 0,
                                    f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    entries = raw.get("claims") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        return None, [CorpusProblem(path, 1, "the file needs a 'claims:' list")]
    claims, problems = [], []
    text = claimable_text(document)
    for number, entry in enumerate(entries, start=1):
        claim, problem = _claim(entry, number, text, today)
        if problem:
            problems.append(CorpusProblem(path, 0, problem))
        else:
            claims.append(claim)
    result = DocumentClaims(document.doc_id, document.language, path, tuple(claims))
    problems += [CorpusProblem(path, 0, message)
                 for message in _coverage_problems(document, result)]
    if result.oldest_check and document.reviewed != result.oldest_check:
        problems.append(CorpusProblem(Path(document.path), 0, f"reviewed is "
                                      f"{document.reviewed}, but its oldest claim was checked on "
                                      f"{result.oldest_check}: set reviewed to that date"))
    return result, problems


def _claim(entry: object, number: int, text: str, today: date) -> tuple[Claim | None, str]:
    where = f"claim {number}"
    if not isinstance(entry, dict):
        return None, f"{where}: each claim needs {', '.join(CLAIM_FIELDS)}"
    missing = [key for key in CLAIM_FIELDS if not entry.get(key)]
    unknown = sorted(set(entry) - set(CLAIM_FIELDS))
    if missing or unknown:
        what = f"lacks {', '.join(missing)}" if missing else f"has unknown field {unknown[0]}"
        return None, f"{where} {what}; the fields are {', '.join(CLAIM_FIELDS)}"
    claim_text = _spaced(str(entry["text"]))
    if claim_text not in text:
        return None, f"{where}: '{claim_text}' is not in the document; quote its words exactly"
    if not str(entry["source"]).startswith("https://"):
        return None, f"{where}: source must be the https:// address of the official page"
    checked = entry["checked"]
    if not isinstance(checked, date) or checked > today:
        return None, f"{where}: checked '{checked}' must be a past date written YYYY-MM-DD"
    return Claim(claim_text, str(entry["source"]), str(entry["confirms"]).strip(), checked), ""


def _coverage_problems(document: ProcedureDocument, claims: DocumentClaims) -> list[str]:
    text = claimable_text(document)
    covered = [(found.start(), found.end()) for claim in claims.claims
               for found in re.finditer(re.escape(claim.text), text)]
    return [f"'{fact}' is a fact no claim covers: add a claim quoting the sentence around it"
            for start, end, fact in consequential_facts(document)
            if not any(low <= start and end <= high for low, high in covered)]


def _spaced(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())
