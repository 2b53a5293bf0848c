"""Reads and validates `rights.yaml` of a corpus: the household questions and the rights rules.

A mistake names the file and the entry, and what to write instead; a rule must rest on a document
the corpus has in every language, so that each right listed links to a page a citizen can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from indexing.errors import GuichetError
from indexing.models import Language

RIGHTS_FILE = "rights.yaml"
MAX_QUESTIONS = 8


class RightsRulesError(GuichetError):
    """A rights file that cannot be used as written."""


@dataclass(frozen=True)
class Option:
    option_id: str
    text: dict[Language, str]


@dataclass(frozen=True)
class HouseholdQuestion:
    question_id: str
    text: dict[Language, str]
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.option_id == option_id), None)


@dataclass(frozen=True)
class RightRule:
    """A right, when it comes up, and its condition in plain words."""

    doc_id: str
    when: tuple[dict[str, frozenset[str]], ...]  # any group; in a group, every question
    legal_stay: bool
    after: tuple[str, ...]
    condition: dict[Language, str]
    reviewed: date


@dataclass(frozen=True)
class RightsRules:
    questions: tuple[HouseholdQuestion, ...]
    rules: tuple[RightRule, ...]

    def question(self, question_id: str) -> HouseholdQuestion | None:
        return next((q for q in self.questions if q.question_id == question_id), None)


def load_rights_rules(path: Path, doc_ids: dict[Language, set[str]]) -> RightsRules:
    """Read `path`; `doc_ids` are the documents of the corpus, per language."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        questions = tuple(_question(entry, path) for entry in raw["questions"])
        if len(questions) > MAX_QUESTIONS:
            raise RightsRulesError(f"{path}: {len(questions)} questions; keep at most "
                                   f"{MAX_QUESTIONS}, the questionnaire must stay short")
        known = {q.question_id: {o.option_id for o in q.options} for q in questions}
        rules = tuple(_rule(entry, known, doc_ids, path) for entry in raw["rights"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise RightsRulesError(f"{path}: not a valid rights file ({exc!r}); it needs "
                               "'questions' and 'rights' lists") from exc
    return RightsRules(questions, rules)


def _texts(raw: dict, where: str) -> dict[Language, str]:
    if not isinstance(raw, dict) or {str(k) for k in raw} != {lang.value for lang in Language}:
        raise RightsRulesError(f"{where}: give the text in fr, nl and en (quote a text holding a "
                               "comma), found keys " + ", ".join(map(str, raw or {})))
    texts = {Language(key): str(value).strip() for key, value in raw.items()}
    if not all(texts.values()):
        raise RightsRulesError(f"{where}: a text is empty")
    return texts


def _question(raw: dict, path: Path) -> HouseholdQuestion:
    question_id = str(raw["id"])
    where = f"{path}: question '{question_id}'"
    options = tuple(Option(str(o["id"]), _texts(o["text"], f"{where}, option '{o['id']}'"))
                    for o in raw["options"])
    if len(options) < 2 or len({o.option_id for o in options}) != len(options):
        raise RightsRulesError(f"{where}: needs at least two options with distinct ids")
    return HouseholdQuestion(question_id, _texts(raw["text"], where), options)


def _rule(raw: dict, known: dict[str, set[str]], doc_ids: dict[Language, set[str]],
          path: Path) -> RightRule:
    doc_id = str(raw["doc"])
    where = f"{path}: right '{doc_id}'"
    missing = [lang.value for lang in Language if doc_id not in doc_ids.get(lang, set())]
    if missing:
        raise RightsRulesError(f"{where}: the corpus has no document '{doc_id}' in "
                               + ", ".join(missing))
    groups = []
    for group in raw["when"]:
        parsed = {}
        for question_id, options in group.items():
            wanted = {str(option) for option in options}
            if question_id not in known:
                raise RightsRulesError(f"{where}: unknown question '{question_id}'; the "
                                       "questions are " + ", ".join(known))
            if not wanted or wanted - known[question_id]:
                raise RightsRulesError(f"{where}: '{question_id}' has no option "
                                       + ", ".join(sorted(wanted - known[question_id]) or ["[]"]))
            parsed[question_id] = frozenset(wanted)
        groups.append(parsed)
    if not groups:
        raise RightsRulesError(f"{where}: 'when' needs at least one group of answers")
    after = tuple(str(d) for d in raw.get("after") or ())
    unknown_after = [d for d in after if d not in doc_ids.get(Language.FR, set())]
    if unknown_after:
        raise RightsRulesError(f"{where}: 'after' names unknown documents: "
                               + ", ".join(unknown_after))
    if not isinstance(raw["reviewed"], date):
        raise RightsRulesError(f"{where}: 'reviewed' must be a date written YYYY-MM-DD")
    return RightRule(doc_id, tuple(groups), bool(raw.get("legal_stay", False)), after,
                     _texts(raw["condition"], where), raw["reviewed"])
