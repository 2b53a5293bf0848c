"""The figures of a run, overall and per language and category, each defined in one sentence."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evals.metrics import (
    PrecisionRecall,
    ReliabilityBin,
    area_under_roc,
    confusion_matrix,
    expected_calibration_error,
    hit_at,
    mean_reciprocal_rank,
    percentile_ms,
    precision_recall,
    reliability_bins,
)
from evals.questions import EXPECTATIONS
from evals.runner import CaseResult

DEFINITIONS = {
    "hit@1": "Share of questions with an expected procedure whose first-ranked document is one "
             "of them (cited documents rank first, then the retrieval behind the question).",
    "hit@5": "The same, anywhere in the first five documents.",
    "MRR": "Mean of 1/rank of the first expected document (0 when it is not in the ranking).",
    "nDCG@5": "Discounted gain of the expected documents in the first five, 1.0 when they all "
              "come first.",
    "answered correctly": "Of the questions that should be answered, the share answered (status "
                          "answer) with an expected procedure cited first: what a citizen gets.",
    "status accuracy": "Share of questions whose status (answer, handoff, urgent, clarify) is "
                       "the expected one.",
    "handoff precision": "Of the questions handed off to a human, the share that should have been.",
    "handoff recall": "Of the questions that should be handed off, the share that were.",
    "urgent recall": "Of the questions describing a danger, the share that got the emergency "
                     "numbers first; it must be 1.0.",
    "faithfulness": "Share of answer sentences supported by a cited section (lexical or "
                    "embedding overlap, see evals/faithfulness.py; no entailment model).",
    "citation validity": "Share of answers whose every citation names a real section of a real "
                         "procedure with its official URL.",
    "language match": "Share of questions answered in the language they were asked in.",
    "must mention": "Share of questions with `must_mention` words where all of them appear in "
                    "the answer or its contacts.",
    "readability": "Mean readability of answers (Kandel-Moles FR, Flesch-Douma NL, Flesch EN; "
                   "60-70 plain, above 70 easy).",
    "latency p50/p95": "Time to answer the judged question, warm process, in milliseconds.",
    "judge faithfulness": "Mean share of an answer's claims the cited passages support, as the "
                          "configured LLM judge grades them.",
    "judge relevancy": "Mean score the LLM judge gives to how directly answers address their "
                       "question.",
    "ECE": "Expected calibration error: mean gap between confidence and the share of correct "
           "outcomes, over the questions where confidence decided.",
    "AUROC": "Over the same questions, the chance that a right answer has a higher confidence "
             "than a wrong one (0.5: confidence tells nothing; 1.0: it separates them).",
}


def shown(value: float | None) -> str:
    """A share or score as reports print it."""
    return "n/a" if value is None else f"{value:.3f}"


def faithfulness_of(answers: Sequence[CaseResult]) -> float | None:
    """Supported sentences over checked sentences, for a group of answers."""
    checked = sum(r.sentences_checked for r in answers)
    return sum(r.supported_sentences for r in answers) / checked if checked else None


@dataclass(frozen=True)
class Breakdown:
    group: str
    questions: int
    hit1: float | None
    status_accuracy: float
    faithfulness: float | None
    handoff_recall: float | None


@dataclass(frozen=True)
class Summary:
    questions: int
    ranked_questions: int  # those with an expected procedure, which the ranking figures cover
    hit1: float | None
    hit5: float | None
    mrr: float | None
    ndcg5: float | None
    answered_correctly: float | None
    status_accuracy: float
    confusion: dict[str, dict[str, int]]
    handoff: PrecisionRecall
    urgent: PrecisionRecall
    faithfulness: float | None
    sentences_checked: int
    citation_validity: float | None
    language_match: float
    must_mention: float | None
    readability: dict[str, float]
    latency_p50_ms: float
    latency_p95_ms: float
    reliability: list[ReliabilityBin]
    ece: float
    auroc: float | None
    by_language: list[Breakdown]
    by_category: list[Breakdown]
    judge_faithfulness: float | None = None
    judge_relevancy: float | None = None

    def headline(self) -> list[tuple[str, str]]:
        """(name, value) rows for a summary table."""
        rows = [("questions", str(self.questions)), ("hit@1", shown(self.hit1)),
                ("hit@5", shown(self.hit5)), ("MRR", shown(self.mrr)),
                ("nDCG@5", shown(self.ndcg5)),
                ("answered correctly", shown(self.answered_correctly)),
                ("status accuracy", shown(self.status_accuracy)),
                ("handoff precision", shown(self.handoff.precision)),
                ("handoff recall", shown(self.handoff.recall)),
                ("urgent recall", shown(self.urgent.recall)),
                ("faithfulness",
                 f"{shown(self.faithfulness)} ({self.sentences_checked} sentences)"),
                ("citation validity", shown(self.citation_validity)),
                ("language match", shown(self.language_match)),
                ("must mention", shown(self.must_mention))]
        rows += [(f"readability {language}", f"{score:.1f}")
                 for language, score in self.readability.items()]
        rows += [("latency p50/p95", f"{self.latency_p50_ms:.0f} / {self.latency_p95_ms:.0f} ms"),
                 ("ECE", f"{self.ece:.3f}"), ("AUROC", shown(self.auroc))]
        if self.judge_faithfulness is not None or self.judge_relevancy is not None:
            rows += [("judge faithfulness", shown(self.judge_faithfulness)),
                     ("judge relevancy", shown(self.judge_relevancy))]
        return rows


def summarise(results: Sequence[CaseResult]) -> Summary:
    if not results:
        raise ValueError("no results to summarise: the question set is empty")
    ranked = [r for r in results if r.expected_doc_ids]
    ranks = [r.rank for r in ranked]
    expected = [r.expect for r in results]
    got = [r.status for r in results]
    answers = [r for r in results if r.status == "answer"]
    checked = sum(r.sentences_checked for r in answers)
    mentions = [r for r in results if r.must_mention]
    decided = [r for r in results if decided_by_confidence(r)]
    right = [r.expect == "answer" and r.rank == 1 for r in decided]
    bins = reliability_bins([r.confidence for r in decided], right)
    to_answer = [r for r in results if r.expect == "answer"]
    latencies = [r.latency_s for r in results]
    readability = {}
    for language in ("fr", "nl", "en"):
        scores = [r.readability for r in answers if r.language == language and r.readability]
        if scores:
            readability[language] = statistics.fmean(scores)
    return Summary(
        questions=len(results), ranked_questions=len(ranked),
        hit1=hit_at(ranks, 1) if ranks else None, hit5=hit_at(ranks, 5) if ranks else None,
        mrr=mean_reciprocal_rank(ranks) if ranks else None,
        ndcg5=statistics.fmean(r.ndcg5 for r in ranked) if ranked else None,
        answered_correctly=(sum(r.status == "answer" and r.rank == 1 for r in to_answer)
                            / len(to_answer) if to_answer else None),
        status_accuracy=sum(r.correct_status for r in results) / len(results),
        confusion=confusion_matrix(expected, got, EXPECTATIONS),
        handoff=precision_recall(expected, got, "handoff"),
        urgent=precision_recall(expected, got, "urgent"),
        faithfulness=faithfulness_of(answers),
        sentences_checked=checked,
        citation_validity=(sum(bool(r.citations_valid) for r in answers) / len(answers)
                           if answers else None),
        language_match=sum(r.language_match for r in results) / len(results),
        must_mention=(sum(not r.must_mention_missing for r in mentions) / len(mentions)
                      if mentions else None),
        readability=readability,
        latency_p50_ms=percentile_ms(latencies, 50), latency_p95_ms=percentile_ms(latencies, 95),
        reliability=bins, ece=expected_calibration_error(bins),
        auroc=area_under_roc([r.confidence for r in decided], right),
        by_language=_breakdown(results, lambda r: r.language),
        by_category=_breakdown(results, lambda r: r.category),
        judge_faithfulness=_mean([r.judge_faithfulness for r in results]),
        judge_relevancy=_mean([r.judge_relevancy for r in results]))


def _mean(scores: Sequence[float | None]) -> float | None:
    given = [score for score in scores if score is not None]
    return statistics.fmean(given) if given else None


def decided_by_confidence(result: CaseResult) -> bool:
    """An answer, or a handoff for low confidence: the outcomes the threshold chose between."""
    handoff = result.answer.get("handoff") or {}
    return result.status == "answer" or (result.status == "handoff"
                                         and handoff.get("reason") == "low_confidence")


def _breakdown(results: Sequence[CaseResult], key: Callable[[CaseResult], str]) -> list[Breakdown]:
    groups: dict[str, list[CaseResult]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    rows = []
    for group, members in sorted(groups.items()):
        ranks = [r.rank for r in members if r.expected_doc_ids]
        answers = [r for r in members if r.status == "answer"]
        handoffs = [r for r in members if r.expect == "handoff"]
        rows.append(Breakdown(
            group, len(members), hit_at(ranks, 1) if ranks else None,
            sum(r.correct_status for r in members) / len(members),
            faithfulness_of(answers),
            sum(r.status == "handoff" for r in handoffs) / len(handoffs) if handoffs else None))
    return rows
