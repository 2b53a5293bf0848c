"""What is due for review in a corpus: its documents and their claims, oldest check first.

For the person who keeps the corpus (`guichet corpus review`) and for staff, who see when a page
they rely on is past the deployment's review age. A document's `reviewed` date is the oldest
check of its claims (see indexing/claims.py), so its age is the age of its stalest fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indexing.claims import Claim, load_claims
from indexing.corpus import load_corpus
from indexing.errors import CorpusProblem
from indexing.models import Language


def is_due(reviewed: date, today: date, review_age_days: int) -> bool:
    """Whether a page checked on `reviewed` is past the review age on `today`."""
    return (today - reviewed).days > review_age_days


@dataclass(frozen=True)
class DocumentReview:
    doc_id: str
    language: Language
    title: str
    source_url: str
    reviewed: date
    age_days: int
    due: bool
    claims: tuple[Claim, ...]  # oldest check first

    @property
    def sources(self) -> tuple[str, ...]:
        """The pages its claims rely on, each once, in the order the claims name them."""
        return tuple(dict.fromkeys(claim.source for claim in self.claims))


@dataclass(frozen=True)
class CorpusReview:
    documents: tuple[DocumentReview, ...]  # oldest first
    problems: tuple[CorpusProblem, ...]

    @property
    def due(self) -> tuple[DocumentReview, ...]:
        return tuple(document for document in self.documents if document.due)


def review_corpus(corpus_dir: Path, today: date, review_age_days: int) -> CorpusReview:
    """Every document of the corpus with its claims, the oldest checked first."""
    load = load_corpus(corpus_dir)
    documents, problems = [], list(load.problems)
    for document in load.documents:
        claims, claim_problems = load_claims(document, today)
        problems += claim_problems
        ordered = tuple(sorted(claims.claims, key=lambda claim: claim.checked)) if claims else ()
        age = (today - document.reviewed).days
        documents.append(DocumentReview(
            document.doc_id, document.language, document.title, document.source_url,
            document.reviewed, age, is_due(document.reviewed, today, review_age_days), ordered))
    documents.sort(key=lambda d: (d.reviewed, d.doc_id, d.language.value))
    return CorpusReview(tuple(documents), tuple(problems))
