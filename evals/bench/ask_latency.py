"""Latency of `ask` (the whole pipeline, extractive answers) and confidence by expected outcome.

    python -m evals.bench.ask_latency [--queries 100]

Opens the assistant once (warm), then asks the questions of the dev set, cycling through them to
reach N, and prints p50/p95 latency and a table of confidence scores by expected status:
questions the corpus answers against those that must hand off.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import statistics
import time
from collections import Counter
from pathlib import Path

from assistant.models import Question
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.metrics import percentile_ms
from evals.questions import QuestionCase, load_questions
from indexing.embeddings import create_embedding_backend

QUESTIONS = Path(__file__).resolve().parents[1] / "questions"
DEFAULT_SETS = (QUESTIONS / "dev.jsonl",)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--questions", type=Path, nargs="+", default=list(DEFAULT_SETS))
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    settings = Settings()
    backend = create_embedding_backend(settings.embedding_model)
    ensure_index(settings, backend)
    guichet = Guichet.open(settings, backend)
    cases = [case for path in args.questions for case in load_questions(path)]

    guichet.ask(Question("warm-up: carte d'identité"))
    latencies = []
    for case in itertools.islice(itertools.cycle(cases), args.queries):
        started = time.perf_counter()
        guichet.ask(Question(case.question))
        latencies.append(time.perf_counter() - started)
    print(f"ask (generator {settings.generator}) over {len(latencies)} questions: "
          f"p50 {percentile_ms(latencies, 50):.1f} ms, p95 {percentile_ms(latencies, 95):.1f} ms")
    print_confidence_table(guichet, cases, settings.confidence_threshold)


SWEEP = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def print_confidence_table(guichet: Guichet, cases: list[QuestionCase], threshold: float) -> None:
    groups: dict[str, list[tuple[float, str]]] = {}
    for case in cases:
        answer = guichet.ask(Question(case.question))
        groups.setdefault(case.expect, []).append((answer.confidence, answer.status.value))
    print(f"\nconfidence threshold {threshold}")
    print("| expected | questions | min | median | max | statuses |\n|---|---|---|---|---|---|")
    for expect, results in groups.items():
        scores = [score for score, _ in results]
        statuses = ", ".join(f"{s} {n}" for s, n in Counter(s for _, s in results).most_common())
        print(f"| {expect} | {len(results)} | {min(scores):.2f} | {statistics.median(scores):.2f} "
              f"| {max(scores):.2f} | {statuses} |")
    print_threshold_sweep(groups)



def print_threshold_sweep(groups: dict[str, list[tuple[float, str]]]) -> None:
    """What another threshold would do: answerable questions kept, unanswerable ones handed off."""
    answerable = [score for score, _ in groups.get("answer", [])]
    unanswerable = [score for score, _ in groups.get("handoff", [])]
    print("\n| threshold | answerable kept | unanswerable handed off |\n|---|---|---|")
    for threshold in SWEEP:
        kept = sum(score >= threshold for score in answerable)
        handed = sum(score < threshold for score in unanswerable)
        print(f"| {threshold:.2f} | {kept}/{len(answerable)} | {handed}/{len(unanswerable)} |")


if __name__ == "__main__":
    main()
