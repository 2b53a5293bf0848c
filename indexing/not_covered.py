"""Procedures citizens ask about that a corpus does not cover (`<corpus>/not-covered.yaml`).

Each topic has a name in every language, the level of government that handles it, and example
questions in every language. The questions are embedded beside the corpus's own (index folder
`not-covered/`): a question nearer to one of them than to any covered procedure is handed off with
the reason `not_covered`, naming the topic, instead of being answered with the nearest page. A
corpus without the file covers what it holds and says nothing of the rest (imported collections).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from indexing.corpus import DOC_ID_PATTERN, NOT_COVERED_FILE
from indexing.errors import CorpusProblem
from indexing.front_matter import MAX_QUESTION_CHARS
from indexing.models import Language, SectionKind
from indexing.questions import IndexedQuestion

TOPICS_FILE = "topics.json"
MIN_QUESTIONS_PER_LANGUAGE = 5


class HandledBy(StrEnum):
    """Who handles a topic, which tells the citizen where to turn."""

    COMMUNE = "commune"
    REGION = "region"
    FEDERAL = "federal"
    OTHER = "other"


@dataclass(frozen=True)
class NotCoveredTopic:
    topic_id: str
    handled_by: HandledBy
    names: dict[Language, str]
    questions: dict[Language, tuple[str, ...]]

    def indexed_questions(self) -> list[IndexedQuestion]:
        return [IndexedQuestion(self.topic_id, language, SectionKind.OVERVIEW, text)
                for language, texts in self.questions.items() for text in texts]


def load_not_covered(corpus_dir: Path) -> tuple[list[NotCoveredTopic], list[CorpusProblem]]:
    """The topics of a corpus's file (none without one) and the problems of those that fail."""
    path = corpus_dir / NOT_COVERED_FILE
    if not path.is_file():
        return [], []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = raw["topics"]
        if not isinstance(entries, list):
            raise TypeError("'topics' must be a list")
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        return [], [CorpusProblem(path, 0, f"not a list of topics ({exc})")]
    topics, problems, seen = [], [], set()
    for number, entry in enumerate(entries, start=1):
        try:
            topic = _topic(entry)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(CorpusProblem(path, 0, f"topic {number}: {exc}"))
            continue
        if topic.topic_id in seen:
            problems.append(CorpusProblem(path, 0, f"topic {topic.topic_id!r} appears twice"))
            continue
        seen.add(topic.topic_id)
        topics.append(topic)
    return topics, problems


def _topic(entry: dict) -> NotCoveredTopic:
    topic_id = str(entry["id"])
    if not DOC_ID_PATTERN.match(topic_id):
        raise ValueError(f"id {topic_id!r} must be lower case words joined by hyphens")
    names = {language: str(entry["name"][language.value]) for language in Language}
    questions = {}
    for language in Language:
        texts = tuple(str(text).strip() for text in entry["questions"][language.value])
        if len(texts) < MIN_QUESTIONS_PER_LANGUAGE:
            raise ValueError(f"{topic_id}: at least {MIN_QUESTIONS_PER_LANGUAGE} "
                             f"{language.value} questions are needed, {len(texts)} found")
        if too_long := [t for t in texts if len(t) > MAX_QUESTION_CHARS or not t]:
            raise ValueError(f"{topic_id}: questions must be 1-{MAX_QUESTION_CHARS} "
                             f"characters: {too_long[0][:40]!r}")
        questions[language] = texts
    return NotCoveredTopic(topic_id, HandledBy(entry["handled_by"]), names, questions)


def write_topics(folder: Path, topics: list[NotCoveredTopic]) -> None:
    """The topics' names and handlers beside their embedded questions, for the messages."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TOPICS_FILE).write_text(json.dumps(
        {t.topic_id: {"handled_by": t.handled_by.value,
                      "names": {lang.value: name for lang, name in t.names.items()}}
         for t in topics}, ensure_ascii=False, indent=1), encoding="utf-8")


@dataclass(frozen=True)
class TopicLabel:
    handled_by: HandledBy
    names: dict[Language, str]


def read_topics(folder: Path) -> dict[str, TopicLabel]:
    path = folder / TOPICS_FILE
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {topic_id: TopicLabel(HandledBy(entry["handled_by"]),
                                 {Language(lang): name for lang, name in entry["names"].items()})
            for topic_id, entry in raw.items()}
