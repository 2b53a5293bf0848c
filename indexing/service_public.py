"""Importer for service-public.fr "Vos droits et démarches" records (JSON Lines, one per page).

Each record becomes a French procedure document of region `france`:
- `###` headings become sections, mapped onto Guichet's section kinds by their wording
  (conditions -> who, démarche -> how, coût/montant -> cost, durée/délai -> delay, ...); several
  headings of one kind are merged, each keeping its own heading as a bold line; headings that fit
  no kind, and the text before the first heading, go to "Détails";
- `description` is the summary, the breadcrumb (without "Accueil ..." and the page itself) and the
  subject are keywords, so they give every chunk its context;
- `where_to_go` become counter or online contacts, `online_services` online links; no phone number
  is made up (the export gives none);
- the update date (`date`, e.g. "modified 2020-11-12") is the review date, and every document
  carries the attribution the Licence Ouverte asks for.
A line that is not a usable record, or repeats the id of an earlier one (the export lists a page
once per audience), is reported with its line number; the others are imported.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from indexing.corpus import CorpusLoad
from indexing.errors import CorpusProblem
from indexing.models import (
    Channel,
    ChannelKind,
    Language,
    ProcedureDocument,
    Region,
    Section,
    SectionKind,
)
from indexing.sections import SECTION_HEADINGS
from indexing.source import file_hash
from indexing.text import fold_accents

ATTRIBUTION = "service-public.fr (DILA), Licence Ouverte"
MAX_CONTACTS = 6
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_HEADING = re.compile(r"^###\s+(.+?)\s*$")
# First match wins; the words are looked for in the folded heading.
_KIND_WORDS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (SectionKind.DOCUMENTS, ("piece", "justificatif", "document a fournir", "dossier a fournir")),
    (SectionKind.COST, ("cout", "montant", "prix", "tarif", "remuneration", "indemnisation",
                        "versement", "frais")),
    (SectionKind.DELAY, ("duree", "delai", "validite")),
    (SectionKind.WHO, ("qui est concerne", "qui peut", "personnes concernees", "beneficiaire",
                       "conditions", "entreprises concernees", "pour qui")),
    (SectionKind.HOW, ("demarche", "procedure", "demande", "comment", "declaration",
                       "porter plainte", "renouvellement", "inscription")),
    (SectionKind.WHEN, ("quand", "a quel moment", "date")),
    (SectionKind.ONLINE, ("en ligne", "teleservice", "internet")),
    (SectionKind.HELP, ("recours", "contestation", "aide")),
)


class ServicePublicExport:
    """A service-public.fr export file as a corpus source."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"service-public:{path}"

    def content_hash(self) -> str:
        return file_hash(self.path)

    def load(self) -> CorpusLoad:
        load = CorpusLoad()
        if not self.path.is_file():
            load.problems.append(CorpusProblem(self.path, 0, "export file not found"))
            return load
        first_line_of: dict[str, int] = {}
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    document = _document_on(line, f"{self.path}:{number}")
                except UnusableRecord as exc:
                    load.problems.append(CorpusProblem(self.path, number, str(exc)))
                    continue
                # The export repeats a page published for several audiences under the same id.
                first = first_line_of.setdefault(document.doc_id, number)
                if first != number:
                    load.problems.append(CorpusProblem(
                        self.path, number,
                        f"record {document.doc_id.upper()} left out: already imported from "
                        f"line {first}"))
                    continue
                load.documents.append(document)
        return load


class UnusableRecord(ValueError):
    """A line of the export that cannot become a document, with the reason in words."""


def _document_on(line: str, origin: str) -> ProcedureDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnusableRecord(f"not a JSON record ({exc.msg}, column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise UnusableRecord("not a JSON object: one record per line")
    try:
        return document_of(record, origin)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        name = f"record {record['id']}" if record.get("id") else "a record"
        reason = f"field {exc} is missing" if isinstance(exc, KeyError) else str(exc)
        raise UnusableRecord(f"{name} left out: {reason}") from exc


def document_of(record: dict, origin: str) -> ProcedureDocument:
    title = _required(record, "title")
    url = _required(record, "url")
    if not url.startswith("https://"):
        raise ValueError(f"url must be https: {url!r}")
    found = _DATE.search(str(record.get("date") or ""))
    if not found:
        raise ValueError(f"no update date in {record.get('date')!r}")
    description = " ".join(str(record.get("description") or "").split()) or title
    breadcrumb = [str(crumb) for crumb in record.get("breadcrumb") or []]
    context = [crumb for crumb in breadcrumb[:-1] if not crumb.startswith("Accueil")]
    subject = [str(record["subject"])] if record.get("subject") else []
    return ProcedureDocument(
        # Lower case: the contract's document ids are lower case ("F1" becomes "f1").
        doc_id=_required(record, "id").lower(), title=title, language=Language.FR,
        region=Region.FRANCE,
        source_url=url, reviewed=date.fromisoformat(found.group(1)), summary=description,
        keywords=tuple(dict.fromkeys(subject + context)),
        contacts=_contacts(record)[:MAX_CONTACTS],
        sections=_sections(str(record.get("text") or "")), path=origin, attribution=ATTRIBUTION)


def kind_of(heading: str) -> SectionKind:
    folded = fold_accents(heading)
    for kind, words in _KIND_WORDS:
        if any(word in folded for word in words):
            return kind
    return SectionKind.DETAILS


def _sections(text: str) -> tuple[Section, ...]:
    parts: dict[SectionKind, list[str]] = {}
    kind, lines = SectionKind.DETAILS, []

    def close() -> None:
        body = "\n\n".join(line.strip() for line in lines if line.strip())
        if body:
            parts.setdefault(kind, []).append(body)

    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            close()
            kind, lines = kind_of(heading.group(1)), [f"**{heading.group(1)}**"]
        else:
            lines.append(re.sub(r"^#{4,}\s*(.+)$", r"**\1**", line))
    close()
    order = list(SECTION_HEADINGS[Language.FR])
    return tuple(Section(kind, SECTION_HEADINGS[Language.FR][kind], "\n\n".join(parts[kind]), 0)
                 for kind in sorted(parts, key=order.index))


def _contacts(record: dict) -> tuple[Channel, ...]:
    channels = []
    for place in record.get("where_to_go") or []:
        label = str(place.get("title") or "").strip()
        if not label:
            continue
        if place.get("url"):
            channels.append(Channel(ChannelKind.ONLINE, label, str(place["url"])))
        else:
            channels.append(Channel(ChannelKind.COUNTER, label,
                                    str(place.get("complement") or "Voir service-public.fr")))
    for service in record.get("online_services") or []:
        if service.get("url") and service.get("title"):
            channels.append(Channel(ChannelKind.ONLINE, str(service["title"]),
                                    str(service["url"])))
    return tuple(dict.fromkeys(channels))


def _required(record: dict, key: str) -> str:
    value = str(record.get(key) or "").strip()
    if not value:
        consequence = ", so it cannot be cited" if key == "url" else ""
        raise ValueError(f"'{key}' is missing{consequence}")
    return value

