"""The rights check: from a household's answers, the rights to look into, each with why.

Small on purpose: a right comes up when one of its groups of answers matches (rules.py says how
they are written). Never an amount and never a certainty: the list says what to check and where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.messages import catalogue
from assistant.rights.rules import RIGHTS_FILE, RightRule, RightsRules, load_rights_rules
from indexing.errors import InvalidInput
from indexing.models import Language, ProcedureDocument, SectionKind

LEGAL_STAY_QUESTION = "legal_stay"
WITHOUT_LEGAL_STAY = "no"


@dataclass(frozen=True)
class RightFound:
    doc_id: str
    title: str
    why: str  # the answers that matched, then the rule's condition
    url: str  # the official page the procedure document rests on
    where: str  # the opening of the document's "where" section, else of its "how"
    documents: tuple[str, ...]  # the items of its "documents" section


class RightsCheck:
    def __init__(self, rules: RightsRules,
                 documents: dict[tuple[str, Language], ProcedureDocument]) -> None:
        self.rules = rules
        self._documents = documents

    def validate(self, answers: dict[str, str]) -> None:
        """An unknown question or option is named, so the page or the caller can fix it."""
        for question_id, option_id in answers.items():
            question = self.rules.question(question_id)
            if question is None:
                raise InvalidInput("answers", f"unknown question '{question_id}'; the questions "
                                   "are " + ", ".join(q.question_id for q in self.rules.questions))
            if question.option(option_id) is None:
                raise InvalidInput("answers", f"question '{question_id}' has no option "
                                   f"'{option_id}'; its options are "
                                   + ", ".join(o.option_id for o in question.options))

    def check(self, answers: dict[str, str], language: Language) -> list[RightFound]:
        """The rights the answers point to, in the file's order; unanswered questions match
        nothing."""
        self.validate(answers)
        without_stay = answers.get(LEGAL_STAY_QUESTION) == WITHOUT_LEGAL_STAY
        found = []
        for rule in self.rules.rules:
            if rule.legal_stay and without_stay:
                continue
            group = next((g for g in rule.when if _matches(g, answers)), None)
            if group is not None:
                found.append(self._found(rule, group, answers, language))
        return found

    def related(self, doc_id: str, language: Language) -> list[tuple[ProcedureDocument, str]]:
        """The rights that often go with `doc_id`, each with its condition, for its answers."""
        # Every rule's document exists in every language: the rules file is checked on loading.
        return [(self._documents[(rule.doc_id, language)], rule.condition[language])
                for rule in self.rules.rules if doc_id in rule.after]

    def _found(self, rule: RightRule, group: dict[str, frozenset[str]], answers: dict[str, str],
               language: Language) -> RightFound:
        document = self._documents[(rule.doc_id, language)]
        matched = []
        for question_id in group:
            question = self.rules.question(question_id)
            matched.append(question.option(answers[question_id]).text[language])
        why = catalogue().text("rights.why", language, answers=" · ".join(matched),
                               condition=rule.condition[language])
        return RightFound(rule.doc_id, document.title, why, document.source_url,
                          _first_paragraph(document, SectionKind.WHERE)
                          or _first_paragraph(document, SectionKind.HOW),
                          _items(document, SectionKind.DOCUMENTS))


def _matches(group: dict[str, frozenset[str]], answers: dict[str, str]) -> bool:
    return all(answers.get(question_id) in options for question_id, options in group.items())


def _section_text(document: ProcedureDocument, kind: SectionKind) -> str:
    return next((section.text for section in document.sections if section.kind is kind), "")


def _first_paragraph(document: ProcedureDocument, kind: SectionKind) -> str:
    return _section_text(document, kind).split("\n\n", 1)[0].strip()


def _items(document: ProcedureDocument, kind: SectionKind) -> tuple[str, ...]:
    return tuple(line.strip()[2:].strip() for line in _section_text(document, kind).splitlines()
                 if line.strip().startswith("- "))


def open_rights_check(corpus_dir: Path,
                      documents: Iterable[ProcedureDocument]) -> RightsCheck | None:
    """The rights check of a corpus that has a rights file; None for one that has not."""
    path = corpus_dir / RIGHTS_FILE
    if not path.is_file():
        return None
    documents = list(documents)
    doc_ids: dict[Language, set[str]] = {}
    for document in documents:
        doc_ids.setdefault(document.language, set()).add(document.doc_id)
    return RightsCheck(load_rights_rules(path, doc_ids),
                       {(d.doc_id, d.language): d for d in documents})
