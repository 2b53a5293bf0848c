"""The run's figures, report and result files, on hand-made results with known values."""

from __future__ import annotations

import pytest

from evals.calibration import ThresholdOutcome, choose_threshold
from evals.report import render_report
from evals.runner import CaseResult, read_results, write_results
from evals.summary import summarise


def result(id: str, expect: str, status: str, *, language: str = "fr", rank: int | None = None,
           expected=("passeport",), checked: int = 0, unsupported=(), confidence: float = 0.8,
           latency: float = 0.1, reason: str = "", category: str = "identity") -> CaseResult:
    handoff = {"reason": reason, "channels": []} if status == "handoff" else None
    return CaseResult(
        id=id, language=language, question=f"question {id}", expect=expect,
        expected_doc_ids=list(expected), category=category, status=status,
        confidence=confidence, latency_s=latency,
        answer={"answer": "texte", "citations": [], "handoff": handoff},
        rank=rank, ndcg5=(1.0 if rank == 1 else 0.5 if rank else 0.0) if expected else None,
        sentences_checked=checked, unsupported_sentences=list(unsupported),
        citations_valid=True if status == "answer" else None, readability=70.0 if
        status == "answer" else None, generator="extractive")


RESULTS = [
    result("a", "answer", "answer", rank=1, checked=4),
    result("b", "answer", "answer", rank=3, checked=4, unsupported=["invented"], language="nl"),
    result("c", "answer", "handoff", rank=None, reason="low_confidence", confidence=0.3),
    result("d", "handoff", "handoff", expected=(), reason="out_of_scope", category="out"),
    result("e", "handoff", "answer", expected=(), checked=2, category="out", language="nl"),
    result("f", "urgent", "urgent", expected=(), category="urgent", latency=0.5),
]


def test_summary_figures_match_a_hand_count():
    summary = summarise(RESULTS)
    assert summary.questions == 6
    assert summary.hit1 == pytest.approx(1 / 3)  # a only, among a, b, c
    assert summary.hit5 == pytest.approx(2 / 3)
    assert summary.mrr == pytest.approx((1 + 1 / 3) / 3)
    assert summary.status_accuracy == pytest.approx(4 / 6)
    assert summary.handoff.precision == pytest.approx(1 / 2)
    assert summary.handoff.recall == pytest.approx(1 / 2)
    assert summary.urgent.recall == 1.0
    assert summary.faithfulness == pytest.approx(9 / 10)
    assert summary.confusion["answer"]["handoff"] == 1
    assert summary.confusion["handoff"]["answer"] == 1
    assert summary.answered_correctly == pytest.approx(1 / 3)  # a; b cites the wrong one first
    # decided by confidence: a (right, 0.8) against b, e (0.8, a tie each) and c (0.3)
    assert summary.auroc == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_breakdowns_split_by_language_and_category():
    summary = summarise(RESULTS)
    nl = next(row for row in summary.by_language if row.group == "nl")
    assert (nl.questions, nl.status_accuracy, nl.hit1) == (2, 0.5, 0.0)
    out = next(row for row in summary.by_category if row.group == "out")
    assert out.handoff_recall == 0.5


def test_reliability_uses_only_outcomes_the_threshold_decided():
    summary = summarise(RESULTS)
    # a, b, e (answers) and c (low-confidence handoff); not the routed or urgent ones.
    assert sum(b.count for b in summary.reliability) == 4


def test_results_survive_a_round_trip_through_jsonl(tmp_path):
    path = tmp_path / "results.jsonl"
    write_results(RESULTS, path)
    assert read_results(path) == RESULTS


def test_a_broken_baseline_line_is_named(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_text('{"id": "a"}\n')
    with pytest.raises(ValueError, match="old.jsonl:1"):
        read_results(path)


def test_report_is_self_contained_and_shows_failures_and_changes():
    improved = [result("b", "answer", "answer", rank=1, checked=4, language="nl"),
                *RESULTS[2:]]
    html = render_report("run", [RESULTS[0], *improved], summarise([RESULTS[0], *improved]),
                         baseline=RESULTS)
    assert html.count("data:image/png;base64,") == 3
    assert "http://" not in html and "https://" not in html
    assert "1 fixed" in html and "0 broken" in html
    assert "question c" in html and "question e" in html  # failures listed
    assert "question a</summary>" not in html


def test_threshold_choice_respects_the_handoff_recall_floor():
    outcomes = [ThresholdOutcome(0.4, 90, 0.80, 0.85), ThresholdOutcome(0.5, 85, 0.95, 0.88),
                ThresholdOutcome(0.6, 85, 0.96, 0.90), ThresholdOutcome(0.7, 70, 1.0, 0.80)]
    chosen, meets = choose_threshold(outcomes)
    assert (chosen.threshold, meets) == (0.6, True)
    chosen, meets = choose_threshold(outcomes[:1])
    assert (chosen.threshold, meets) == (0.4, False)
