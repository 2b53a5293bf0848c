"""Search latency of a warm assistant: prints p50/p95/max over N queries.

    python -m evals.bench.search_latency [--queries 50] [--questions FILE]

Builds (or reuses) the index of the configured corpus in GUICHET_DATA_DIR, opens it once, then
times `Guichet.search` (query embedding + Chroma + BM25 + fusion) on the question set's
questions, cycling through them if the set holds fewer than N.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import time
from pathlib import Path

from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.metrics import percentile_ms
from evals.questions import load_questions
from indexing.embeddings import create_embedding_backend

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "questions" / "foundation-retrieval.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    settings = Settings()
    backend = create_embedding_backend(settings.embedding_model)
    started = time.perf_counter()
    report = ensure_index(settings, backend)
    index_seconds = time.perf_counter() - started
    started = time.perf_counter()
    guichet = Guichet.open(settings, backend)
    open_seconds = time.perf_counter() - started

    questions = [case.question for case in load_questions(args.questions)]
    queries = list(itertools.islice(itertools.cycle(questions), args.queries))
    guichet.search("warm-up", args.k)
    latencies = []
    for query in queries:
        started = time.perf_counter()
        guichet.search(query, args.k)
        latencies.append(time.perf_counter() - started)

    manifest = report.manifest
    print(f"index: {manifest.documents} documents, {manifest.chunks} chunks, "
          f"model {manifest.embedding_model}, "
          f"{'built' if report.rebuilt else 'reused'} in {index_seconds:.1f} s; "
          f"opened in {open_seconds:.1f} s")
    print(f"search k={args.k} over {len(latencies)} queries: "
          f"p50 {percentile_ms(latencies, 50):.1f} ms, p95 {percentile_ms(latencies, 95):.1f} ms, "
          f"max {max(latencies) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
