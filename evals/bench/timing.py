"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence


def warm_timings(action: Callable[[str], object], questions: Sequence[str],
                 count: int) -> list[float]:
    """Seconds per call of `action` over `count` questions (cycled), after one warm-up call."""
    action(questions[0])
    timings = []
    for question in itertools.islice(itertools.cycle(questions), count):
        started = time.perf_counter()
        action(question)
        timings.append(time.perf_counter() - started)
    return timings
