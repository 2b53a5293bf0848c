"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import itertools
import os
import resource
import subprocess
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path


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
                show_progress: bool = False,
                accepted_exit_codes: Collection[int] = (0,)) -> tuple[float, float]:
    """Seconds and peak resident MiB of a child process (the largest child so far); an exit
    status outside `accepted_exit_codes` raises CalledProcessError."""
    started = time.perf_counter()
    child = subprocess.run(list(command), env=env, stdout=subprocess.DEVNULL,
                           stderr=None if show_progress else subprocess.DEVNULL)
    if child.returncode not in accepted_exit_codes:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def resident_mib() -> float:
    """This process's resident memory now, in MiB (Linux: /proc/self/statm)."""
    resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20
