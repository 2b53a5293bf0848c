"""Runs a question set through the assistant, as the API would, and records each outcome.

Every case starts a new conversation; its earlier `turns` are asked first in that conversation,
then the question itself, which alone is timed and judged. Alongside the answer, the record keeps
the document ranking (the cited documents first, then the retrieval behind the question) so that
retrieval and answers are measured on the same run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.models import Answer, AnswerStatus, Question
from assistant.service import Guichet
from evals.categories import category_of
from evals.faithfulness import FaithfulnessChecker, strip_markers
from evals.judge import LLMJudge
from evals.metrics import first_relevant_rank, ndcg_at, unique_doc_ids
from evals.questions import QuestionCase
from evals.readability import readability
from indexing.sections import OVERVIEW_HEADINGS

RANKING_DEPTH = 10
PASSAGES_KEPT = 5
@dataclass(frozen=True)
class CaseResult:
    """One question's outcome: what was expected, what came back, and its measures."""

    id: str
    language: str
    question: str
    expect: str
    expected_doc_ids: list[str]
    category: str
    status: str
    confidence: float
    latency_s: float
    answer: dict
    turns: list[str] = field(default_factory=list)
    ranked_doc_ids: list[str] = field(default_factory=list)
    rank: int | None = None
    ndcg5: float | None = None
    passages: list[dict] = field(default_factory=list)
    sentences_checked: int = 0
    unsupported_sentences: list[str] = field(default_factory=list)
    citations_valid: bool | None = None
    language_match: bool = True
    must_mention: list[str] = field(default_factory=list)
    must_mention_missing: list[str] = field(default_factory=list)
    readability: float | None = None
    generator: str = ""
    judge_faithfulness: float | None = None
    judge_relevancy: float | None = None

    @property
    def correct_status(self) -> bool:
        return self.status == self.expect

    @property
    def correct(self) -> bool:
        """The right status, and for an answer, the right procedure cited first."""
        return self.correct_status and (self.expect != "answer" or self.rank == 1)

    @property
    def supported_sentences(self) -> int:
        return self.sentences_checked - len(self.unsupported_sentences)


class EvaluationRunner:
    def __init__(self, guichet: Guichet, checker: FaithfulnessChecker,
                 judge: LLMJudge | None = None) -> None:
        self._guichet = guichet
        self._checker = checker
        self._judge = judge

    def run(self, cases: Sequence[QuestionCase],
            progress: Callable[[Iterable[QuestionCase]], Iterable[QuestionCase]] = iter,
            ) -> list[CaseResult]:
        return [self.run_case(case) for case in progress(cases)]

    def run_case(self, case: QuestionCase) -> CaseResult:
        answer, latency = ask_case(self._guichet, case)

        resolution = self._guichet.explain(case.question, answer.language)
        passages = resolution.candidates.passages
        ranked = unique_doc_ids([c.doc_id for c in answer.citations]
                                + [c.doc_id for c in resolution.ranking.candidates]
                                + [p.chunk.doc_id for p in passages])[:RANKING_DEPTH]
        expected = list(case.expected_doc_ids)
        sections = self._cited_sections(answer)
        cited_texts = [section or "" for section in sections]
        answered = answer.status is AnswerStatus.ANSWER
        supports = self._checker.check(answer.answer, cited_texts) if answered else []
        text = strip_markers(answer.answer)
        judged = self._judge is not None and answered
        channels = answer.handoff.channels if answer.handoff else ()
        said = " ".join([text, *(f"{c.label} {c.value}" for c in channels)]).casefold()
        return CaseResult(
            id=case.id, language=case.language, question=case.question, expect=case.expect,
            expected_doc_ids=expected,
            category=category_of(case.expect, expected, case.category),
            status=answer.status.value, confidence=round(answer.confidence, 4),
            latency_s=round(latency, 5), answer=json.loads(json.dumps(asdict(answer))),
            turns=list(case.turns), ranked_doc_ids=ranked,
            rank=first_relevant_rank(ranked, expected) if expected else None,
            ndcg5=round(ndcg_at(ranked, expected, 5), 4) if expected else None,
            passages=[{"doc_id": p.chunk.doc_id, "language": p.chunk.language.value,
                       "section": p.chunk.heading, "fused": round(p.fused_score, 4),
                       "dense": p.dense_similarity and round(p.dense_similarity, 3),
                       "bm25": p.lexical_score and round(p.lexical_score, 2)}
                      for p in passages[:PASSAGES_KEPT]],
            sentences_checked=len(supports),
            unsupported_sentences=[s.sentence for s in supports if not s.supported],
            citations_valid=(all(s is not None for s in sections) and bool(sections)
                             if answered else None),
            language_match=answer.language.value == case.language,
            must_mention=list(case.must_mention),
            must_mention_missing=[word for word in case.must_mention
                                  if word.casefold() not in said],
            readability=round(readability(text, answer.language).score, 1) if answered else None,
            generator=self._guichet.pipeline.generator_name,
            judge_faithfulness=(self._judge.faithfulness(answer.answer, cited_texts)
                                if judged else None),
            judge_relevancy=self._judge.relevancy(case.question, text) if judged else None)

    def _cited_sections(self, answer: Answer) -> list[str | None]:
        """The text of each cited section, or None when a citation points nowhere real."""
        texts: list[str | None] = []
        for citation in answer.citations:
            document = self._guichet.procedure(citation.doc_id, citation.language)
            if document is None or document.source_url != citation.url:
                texts.append(None)
                continue
            # The overview is the front matter's summary, indexed as a section of its own.
            sections = {OVERVIEW_HEADINGS[document.language]: document.summary,
                        **{s.heading: s.text for s in document.sections}}
            text = sections.get(citation.section)
            texts.append(None if text is None else f"{citation.section}\n{text}")
        return texts


def ask_case(guichet: Guichet, case: QuestionCase) -> tuple[Answer, float]:
    """The answer to a case, its earlier turns asked first in the same conversation, and the
    seconds the judged question alone took."""
    conversation_id = None
    for turn in case.turns:
        conversation_id = guichet.ask(Question(turn, None, conversation_id)).conversation_id
    started = time.perf_counter()
    answer = guichet.ask(Question(case.question, None, conversation_id))
    return answer, time.perf_counter() - started


def write_results(results: Sequence[CaseResult], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")


def read_results(path: Path) -> list[CaseResult]:
    """Results of an earlier run (a baseline); a broken line names the file and line."""
    results = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                results.append(CaseResult(**json.loads(line)))
            except (json.JSONDecodeError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a result line of `guichet eval` "
                                 f"({exc})") from exc
    return results
