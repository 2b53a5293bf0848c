"""Reads procedure documents (Markdown with YAML front matter) and validates them.

A corpus is `<corpus_dir>/<language>/<doc_id>.md`. Every problem is reported with its file and
line; a broken file is skipped so that one typo never takes the whole corpus down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from indexing.errors import CorpusProblem
from indexing.front_matter import (
    FrontMatter,
    InvalidDocument,
    enum_value,
    is_https_url,
    parse_contacts,
    parse_front_matter,
    parse_questions,
)
from indexing.models import Language, ProcedureDocument, Region, Section
from indexing.sections import allowed_headings, section_kind

if TYPE_CHECKING:  # the topics read this module's rules for ids and questions
    from indexing.not_covered import NotCoveredTopic

REQUIRED_FIELDS = ("id", "title", "language", "region", "source_url", "reviewed", "summary",
                   "keywords", "contacts")
# Optional: documents written before a field existed still load.
OPTIONAL_FIELDS = ("questions",)
DOC_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SUMMARY_WORDS = 40
NOT_COVERED_FILE = "not-covered.yaml"


@dataclass
class CorpusLoad:
    """The documents that passed validation and the problems of those that did not."""

    documents: list[ProcedureDocument] = field(default_factory=list)
    problems: list[CorpusProblem] = field(default_factory=list)
    not_covered: list[NotCoveredTopic] = field(default_factory=list)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The Markdown files of a corpus, in a stable order."""
    return sorted(p for p in corpus_dir.glob("*/*.md") if p.is_file())


def indexed_files(corpus_dir: Path) -> list[Path]:
    """Every file of a corpus that its index is built from."""
    extra = [p for p in (corpus_dir / NOT_COVERED_FILE,) if p.is_file()]
    return corpus_files(corpus_dir) + extra


def load_corpus(corpus_dir: Path) -> CorpusLoad:
    """Load every document of the corpus; collect the problems of those that fail."""
    load = CorpusLoad()
    if not corpus_dir.is_dir():
        load.problems.append(CorpusProblem(corpus_dir, 0, "corpus folder not found; set "
                                           "GUICHET_CORPUS_DIR to the folder holding fr/, nl/, en/"))
        return load
    for path in corpus_files(corpus_dir):
        try:
            load.documents.append(parse_document(path))
        except InvalidDocument as problem:
            load.problems.append(CorpusProblem(path, problem.line, problem.message))
    return load


def parse_document(path: Path) -> ProcedureDocument:
    """Parse and validate one document file."""
    language = _language_of_folder(path)
    text = _read_text(path)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InvalidDocument(1, "the file must start with a '---' line opening the YAML front matter")
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise InvalidDocument(1, "front matter is not closed: add a '---' line after it") from None
    front = parse_front_matter("\n".join(lines[1:closing]), first_line=2)
    sections = _parse_body(lines[closing + 1:], first_line=closing + 2, language=language)
    return _build_document(path, language, front, sections)


def _language_of_folder(path: Path) -> Language:
    try:
        return Language(path.parent.name)
    except ValueError:
        raise InvalidDocument(1, f"folder '{path.parent.name}' is not a corpus language; "
                               f"use one of {', '.join(lang.value for lang in Language)}") from None


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidDocument(line, "the file is not valid UTF-8; save it as UTF-8") from None


def _parse_body(lines: list[str], first_line: int, language: Language) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    heading_line = first_line
    body: list[str] = []
    seen: set = set()

    def close_section() -> None:
        if heading is None:
            return
        content = "\n".join(body).strip()
        if not content:
            raise InvalidDocument(heading_line, f"section '## {heading}' is empty")
        kind = section_kind(language, heading)
        sections.append(Section(kind=kind, heading=heading, text=content, line=heading_line))

    for offset, line in enumerate(lines):
        number = first_line + offset
        stripped = line.strip()
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            if level != 2:
                raise InvalidDocument(number, f"only '##' headings are allowed, found '{stripped}'")
            close_section()
            heading = stripped[2:].strip()
            kind = section_kind(language, heading)
            if kind is None:
                raise InvalidDocument(number, f"unknown section '## {heading}'; use one of: "
                                       + ", ".join(allowed_headings(language)))
            if kind in seen:
                raise InvalidDocument(number, f"section '## {heading}' appears twice; merge them")
            seen.add(kind)
            heading_line, body = number, []
        elif heading is None:
            if stripped:
                raise InvalidDocument(number, "text before the first '##' section; move it into "
                                       "a section or into the 'summary' field")
        else:
            body.append(line)
    close_section()
    if not sections:
        raise InvalidDocument(first_line, "the document has no '##' section; add at least one of: "
                               + ", ".join(allowed_headings(language)))
    return tuple(sections)


def _build_document(path: Path, language: Language, front: FrontMatter,
                    sections: tuple[Section, ...]) -> ProcedureDocument:
    values, lines = front.values, front.lines

    def line_of(key: str) -> int:
        return lines.get(key, front.first_line)

    unknown = sorted(set(values) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise InvalidDocument(line_of(unknown[0]), f"unknown front matter field '{unknown[0]}'; "
                               "the fields are " + ", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS))
    missing = [key for key in REQUIRED_FIELDS if values.get(key) in (None, "", [])]
    if missing:
        raise InvalidDocument(front.first_line - 1, "front matter lacks " + ", ".join(missing))
    doc_id = str(values["id"])
    if not DOC_ID_PATTERN.match(doc_id) or doc_id != path.stem:
        raise InvalidDocument(line_of("id"), f"id '{doc_id}' must equal the file name "
                               f"'{path.stem}' (lower case letters, digits and dashes)")
    if values["language"] != language.value:
        raise InvalidDocument(line_of("language"), f"language '{values['language']}' does not "
                               f"match the folder '{language.value}/'")
    region = enum_value(Region, values["region"], line_of("region"), "region")
    source_url = str(values["source_url"])
    if not is_https_url(source_url):
        raise InvalidDocument(line_of("source_url"), f"source_url '{source_url}' must be a full "
                               "https:// address of the official page")
    reviewed = values["reviewed"]
    if not isinstance(reviewed, date):
        raise InvalidDocument(line_of("reviewed"), f"reviewed '{reviewed}' must be a date "
                               "written YYYY-MM-DD")
    summary = str(values["summary"]).strip()
    if len(summary.split()) > MAX_SUMMARY_WORDS:
        raise InvalidDocument(line_of("summary"), f"summary has {len(summary.split())} words; "
                               f"keep it to one plain sentence of at most {MAX_SUMMARY_WORDS}")
    keywords = values["keywords"]
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise InvalidDocument(line_of("keywords"), "keywords must be a list of words, "
                               "e.g. [déménagement, domicile]")
    contacts = parse_contacts(values["contacts"], line_of("contacts"),
                               front.item_lines.get("contacts", []))
    questions = parse_questions(values.get("questions"), line_of("questions"), sections)
    return ProcedureDocument(
        doc_id=doc_id, title=str(values["title"]).strip(), language=language, region=region,
        source_url=source_url, reviewed=reviewed, summary=summary,
        keywords=tuple(k.strip() for k in keywords), contacts=contacts, sections=sections,
        path=str(path), questions=questions,
    )
