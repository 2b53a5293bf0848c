import math

import pytest

from evals.metrics import (
    area_under_roc,
    confusion_matrix,
    expected_calibration_error,
    first_relevant_rank,
    hit_at,
    mean_reciprocal_rank,
    ndcg_at,
    percentile_ms,
    precision_recall,
    reliability_bins,
    unique_doc_ids,
)
from evals.questions import load_questions


def test_first_relevant_rank_is_one_based_and_none_when_missing():
    assert first_relevant_rank(["a", "b", "c"], ["c", "b"]) == 2
    assert first_relevant_rank(["a"], ["z"]) is None


def test_hit_rate_and_mrr_on_known_ranks():
    ranks = [1, 2, None, 4]
    assert hit_at(ranks, 1) == 0.25
    assert hit_at(ranks, 3) == 0.5
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 0.5 + 0.25) / 4)


def test_unique_doc_ids_keeps_first_occurrence_order():
    assert unique_doc_ids(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]


def test_percentile_is_in_milliseconds():
    assert percentile_ms([0.010, 0.020, 0.030], 50) == pytest.approx(20.0)


def test_a_malformed_question_line_names_file_and_line(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "q1", "language": "fr", "question": "x", "expect": "answer"}\n'
                    '{"id": "q2", "language": "fr"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:2"):
        load_questions(path)


def test_the_foundation_question_set_only_expects_bundled_documents():
    from assistant.settings import BUNDLED_CORPUS

    bundled = {path.stem for path in BUNDLED_CORPUS.glob("*/*.md")}
    cases = load_questions(BUNDLED_CORPUS.parent / "evals" / "questions"
                           / "foundation-retrieval.jsonl")
    assert len(cases) >= 40
    assert all(set(case.expected_doc_ids) <= bundled for case in cases)


def test_ndcg_is_one_when_expected_documents_lead_and_discounted_otherwise():
    assert ndcg_at(["a", "b", "c"], ["a"], 5) == pytest.approx(1.0)
    assert ndcg_at(["x", "a"], ["a"], 5) == pytest.approx(1 / math.log2(3))
    # Two expected, one found second: 0.63 of the ideal 1 + 0.63.
    assert ndcg_at(["x", "a", "y"], ["a", "b"], 5) == pytest.approx(
        (1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    assert ndcg_at(["x", "y", "z", "w", "v", "a"], ["a"], 5) == 0.0


def test_confusion_matrix_counts_every_pair_and_lists_every_label():
    matrix = confusion_matrix(["answer", "answer", "handoff", "urgent"],
                              ["answer", "handoff", "handoff", "answer"],
                              ["answer", "handoff", "urgent", "clarify"])
    assert matrix["answer"] == {"answer": 1, "handoff": 1, "urgent": 0, "clarify": 0}
    assert matrix["urgent"]["answer"] == 1
    assert matrix["clarify"] == {"answer": 0, "handoff": 0, "urgent": 0, "clarify": 0}


def test_precision_and_recall_of_handoffs():
    expected = ["handoff", "handoff", "handoff", "answer", "answer"]
    got = ["handoff", "handoff", "answer", "handoff", "answer"]
    measured = precision_recall(expected, got, "handoff")
    assert measured.precision == pytest.approx(2 / 3)
    assert measured.recall == pytest.approx(2 / 3)
    assert precision_recall(["answer"], ["answer"], "urgent").recall is None


def test_reliability_bins_and_calibration_error():
    bins = reliability_bins([0.05, 0.15, 0.95, 0.92, 1.0], [False, False, True, True, False])
    assert [(b.count, b.accuracy) for b in bins] == [(1, 0.0), (1, 0.0), (3, pytest.approx(2 / 3))]
    assert bins[2].mean_confidence == pytest.approx((0.95 + 0.92 + 1.0) / 3)
    gaps = 0.05 + 0.15 + 3 * abs((0.95 + 0.92 + 1.0) / 3 - 2 / 3)
    assert expected_calibration_error(bins) == pytest.approx(gaps / 5)


def test_a_question_file_with_an_unknown_status_names_its_line(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "language": "fr", "question": "q", "expect": "answer"}\n'
                    '{"id": "b", "language": "fr", "question": "q", "expect": "maybe"}\n')
    with pytest.raises(ValueError, match=r"set.jsonl:2: .*'expect' must be one of"):
        load_questions(path)


def test_area_under_roc_counts_ordered_pairs_and_needs_both_classes():
    assert area_under_roc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert area_under_roc([0.1, 0.9], [True, False]) == 0.0
    assert area_under_roc([0.5, 0.5], [True, False]) == 0.5
    assert area_under_roc([0.9, 0.3], [True, True]) is None
