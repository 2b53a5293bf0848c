import numpy as np
import pytest

from assistant.safety.exemplars import ExemplarMatcher


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


DANGER = np.stack([unit(1, 0.1 * i, 0) for i in range(3)])
ORDINARY = np.stack([unit(0, 1, 0.1 * i) for i in range(3)])


def test_the_segment_nearest_a_kind_gives_the_kind_and_a_positive_margin():
    matcher = ExemplarMatcher({"danger": DANGER}, ORDINARY, neighbours=3)
    match = matcher.match(np.stack([unit(0, 1, 0), unit(1, 0.05, 0)]))
    assert match.kind == "danger" and match.segment == 1 and match.margin > 0.5


def test_an_ordinary_message_has_a_negative_margin():
    matcher = ExemplarMatcher({"danger": DANGER}, ORDINARY, neighbours=3)
    assert matcher.match(np.stack([unit(0, 1, 0.05)])).margin < 0


def test_the_best_of_several_kinds_wins():
    other = np.stack([unit(0, 0, 1), unit(0.1, 0, 1), unit(0, 0.1, 1)])
    matcher = ExemplarMatcher({"danger": DANGER, "other": other}, ORDINARY, neighbours=3)
    assert matcher.match(np.stack([unit(0, 0, 1)])).kind == "other"


def test_an_empty_message_matches_nothing_and_too_few_exemplars_are_refused():
    matcher = ExemplarMatcher({"danger": DANGER}, ORDINARY, neighbours=3)
    assert matcher.match(np.zeros((0, 3), dtype=np.float32)) is None
    with pytest.raises(ValueError, match="need 5 exemplars"):
        ExemplarMatcher({"danger": DANGER}, ORDINARY, neighbours=5)
