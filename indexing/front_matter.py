"""Reads a document's front matter: the YAML block, its contacts and its example questions.

Every problem raises `InvalidDocument` with the line to fix; `indexing.corpus` turns it into a
`CorpusProblem` and skips the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

import yaml

from indexing.models import Channel, ChannelKind, ExampleQuestion, Section, SectionKind

CONTACT_FIELDS = ("kind", "label", "value", "hours")
MAX_QUESTION_CHARS = 200


class InvalidDocument(Exception):
    """A document fault at `line`; the corpus loader reports it and skips the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    values: dict
    lines: dict[str, int]
    item_lines: dict[str, list[int]]
    first_line: int


def parse_front_matter(source: str, first_line: int) -> FrontMatter:
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        values = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        reason = getattr(exc, "problem", None) or str(exc)
        raise InvalidDocument(line, f"front matter is not valid YAML: {reason}") from None
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        raise InvalidDocument(first_line, "front matter must be a list of 'key: value' lines")
    lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [first_line + item.start_mark.line for item in value_node.value]
    return FrontMatter(values, lines, item_lines, first_line)


def parse_questions(raw: object, line: int, sections: tuple[Section, ...]
                     ) -> tuple[ExampleQuestion, ...]:
    """`questions:` maps a section kind (or `overview`) to the questions citizens ask of it."""
    if raw is None:
        return ()
    present = {SectionKind.OVERVIEW, *(section.kind for section in sections)}
    kinds = ", ".join(kind.value for kind in SectionKind if kind in present)
    if not isinstance(raw, dict):
        raise InvalidDocument(line, f"questions must map a section to a list of questions, "
                               f"e.g. 'cost: [Ça coûte combien ?]'; sections here: {kinds}")
    questions: list[ExampleQuestion] = []
    for key, texts in raw.items():
        try:
            kind = SectionKind(str(key))
        except ValueError:
            raise InvalidDocument(line, f"questions: '{key}' is not a section kind; use one "
                                   f"of: {kinds}") from None
        if kind not in present:
            raise InvalidDocument(line, f"questions: the document has no '{key}' section; "
                                   f"its sections are: {kinds}")
        if not isinstance(texts, list) or not texts:
            raise InvalidDocument(line, f"questions: '{key}' must be a list of questions")
        for text in texts:
            if not isinstance(text, str) or not text.strip():
                raise InvalidDocument(line, f"questions: '{key}' holds an empty or non-text "
                                       "entry; quote a question that starts with a symbol")
            if len(text) > MAX_QUESTION_CHARS:
                raise InvalidDocument(line, f"questions: '{text[:40]}...' is longer than "
                                       f"{MAX_QUESTION_CHARS} characters; keep the citizen's "
                                       "short question")
            questions.append(ExampleQuestion(kind, " ".join(text.split())))
    return tuple(questions)


def parse_contacts(raw: object, line: int, item_lines: list[int]) -> tuple[Channel, ...]:
    if not isinstance(raw, list):
        raise InvalidDocument(line, "contacts must be a list of {kind, label, value, hours}")
    channels = []
    for index, entry in enumerate(raw):
        entry_line = item_lines[index] if index < len(item_lines) else line
        if not isinstance(entry, dict):
            raise InvalidDocument(entry_line, "each contact needs kind, label and value")
        unknown = sorted(set(entry) - set(CONTACT_FIELDS))
        if unknown:
            raise InvalidDocument(entry_line, f"unknown contact field '{unknown[0]}'; "
                                   "the fields are " + ", ".join(CONTACT_FIELDS))
        lacking = [key for key in ("kind", "label", "value") if not str(entry.get(key) or "").strip()]
        if lacking:
            raise InvalidDocument(entry_line, "contact lacks " + ", ".join(lacking))
        kind = enum_value(ChannelKind, entry["kind"], entry_line, "contact kind")
        value = str(entry["value"]).strip()
        if kind is ChannelKind.ONLINE and not is_https_url(value):
            raise InvalidDocument(entry_line, f"online contact '{value}' must be an https:// address")
        hours = entry.get("hours")
        channels.append(Channel(kind=kind, label=str(entry["label"]).strip(), value=value,
                                hours=str(hours).strip() if hours else None))
    return tuple(channels)


def enum_value(enum: type, value: object, line: int, name: str):
    try:
        return enum(value)
    except ValueError:
        raise InvalidDocument(line, f"{name} '{value}' is not one of "
                               + ", ".join(member.value for member in enum)) from None


def is_https_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme == "https" and bool(parsed.netloc) and " " not in value
