import pytest

from evals.metrics import (
    first_relevant_rank,
    hit_at,
    mean_reciprocal_rank,
    percentile_ms,
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
