"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import itertools
import resource
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence


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


def timed_child(command: Sequence[str], env: Mapping[str, str] | None = None,
                show_progress: bool = False) -> tuple[float, float]:
    """Seconds and peak resident MiB of a child process (the largest child so far)."""
    started = time.perf_counter()
    subprocess.run(list(command), env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=None if show_progress else subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
