import pytest

from assistant.retrieve.fusion import reciprocal_rank_fusion


def test_scores_are_the_sum_of_inverse_ranks():
    fused = reciprocal_rank_fusion({"dense": ["a", "b"], "bm25": ["b", "c"]}, k=60)
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 62)


def test_agreement_of_both_retrievers_beats_one_first_place():
    fused = reciprocal_rank_fusion({"dense": ["solo", "shared"], "bm25": ["other", "shared"]})
    assert list(fused)[0] == "shared"


def test_result_is_sorted_best_first():
    fused = reciprocal_rank_fusion({"dense": ["x", "y", "z"], "bm25": ["z"]}, k=1)
    scores = list(fused.values())
    assert scores == sorted(scores, reverse=True)
    assert list(fused) == ["z", "x", "y"]


def test_empty_rankings_give_nothing():
    assert reciprocal_rank_fusion({"dense": [], "bm25": []}) == {}
