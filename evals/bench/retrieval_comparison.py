"""Compares embedding models and retrieval modes on a question set; prints one table.

    python -m evals.bench.retrieval_comparison [--questions FILE] [--models NAME ...]

For each model, builds the index of the corpus in a temporary folder (index time), then runs
every question through BM25 alone, dense alone and the hybrid, and reports document-level
hit@1, hit@3 and MRR, and the median query latency of a warm process.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from assistant.retrieve.hybrid import HybridRetriever, RetrievalMode
from assistant.settings import BUNDLED_CORPUS
from evals.metrics import (
    first_relevant_rank,
    hit_at,
    mean_reciprocal_rank,
    percentile_ms,
    unique_doc_ids,
)
from evals.questions import QuestionCase, load_questions
from indexing.builder import build_index
from indexing.embeddings import create_embedding_backend
from indexing.embeddings.registry import packaged_models
from indexing.reader import open_index

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "questions" / "foundation-retrieval.jsonl"
HEADER = ("| retrieval | model | questions | hit@1 | hit@3 | MRR | p50 query ms | index s |\n"
          "|---|---|---|---|---|---|---|---|")


def evaluate(retriever: HybridRetriever, cases: list[QuestionCase]) -> tuple[list, list[float]]:
    ranks, latencies = [], []
    for case in cases:
        started = time.perf_counter()
        passages = retriever.search(case.question, k=20)
        latencies.append(time.perf_counter() - started)
        ranked = unique_doc_ids([p.chunk.doc_id for p in passages])
        ranks.append(first_relevant_rank(ranked, case.expected_doc_ids))
    return ranks, latencies


def row(mode: str, model: str, cases: list, ranks: list, latencies: list, index_s: float) -> str:
    return (f"| {mode} | {model} | {len(cases)} | {hit_at(ranks, 1):.3f} | {hit_at(ranks, 3):.3f} "
            f"| {mean_reciprocal_rank(ranks):.3f} | {percentile_ms(latencies, 50):.1f} "
            f"| {index_s:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--models", nargs="+", default=packaged_models())
    args = parser.parse_args()
    cases = load_questions(args.questions)
    subsets = {"all": cases, "fr": [c for c in cases if c.language == "fr"],
               "nl+en": [c for c in cases if c.language != "fr"]}
    rows = {name: [] for name in subsets}
    for position, model in enumerate(args.models):
        backend = create_embedding_backend(model)
        with tempfile.TemporaryDirectory() as data_dir:
            started = time.perf_counter()
            build_index(args.corpus, Path(data_dir), backend)
            index_seconds = time.perf_counter() - started
            index = open_index(Path(data_dir), backend)
            modes = [RetrievalMode.DENSE, RetrievalMode.HYBRID]
            if position == 0:
                modes.insert(0, RetrievalMode.LEXICAL)
            for mode in modes:
                retriever = HybridRetriever(index, backend, mode=mode)
                retriever.search("warm-up", k=5)
                for name, subset in subsets.items():
                    ranks, latencies = evaluate(retriever, subset)
                    label = "(none)" if mode is RetrievalMode.LEXICAL else model
                    rows[name].append(row(mode.value, label, subset, ranks, latencies,
                                          0.0 if mode is RetrievalMode.LEXICAL else index_seconds))
    for name, lines in rows.items():
        print(f"\nQuestions: {name} ({args.questions.name})\n{HEADER}")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
