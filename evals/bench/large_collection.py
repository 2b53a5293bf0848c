"""Guichet on a large imported collection: build, size, latency, retrieval quality; one table.

    python -m evals.bench.large_collection --export fiches_vdd_text.jsonl \
        [--collection service-public] [--skip-build] [--questions 2000] [--queries 200]

1. `guichet index --source service-public` of the export into the collection, as a child
   process: wall time and peak resident memory (skipped with --skip-build).
2. The time to open the collection (what a CLI command waits for, and a server at start-up), the
   memory it then holds, and its index size on disk.
3. A question set from the export itself: the titles of "Fiche Question-réponse" pages and the
   `related_questions` titles, each expecting the page it names. Titles are phrased like the
   pages, so this is an easy set: it checks that the engine holds at scale, not how well it reads
   citizens. Reports hit@1, hit@5 and MRR for BM25 alone, dense alone and the hybrid.
4. Warm search and ask (extractive) p50 / p95 on that collection and, for comparison, ask on the
   bundled corpus over the dev questions.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import time
from pathlib import Path

from assistant.models import Question
from assistant.retrieve.hybrid import HybridRetriever, RetrievalMode
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.bench.timing import resident_mib, timed_child, warm_timings
from evals.metrics import (
    first_relevant_rank,
    hit_at,
    mean_reciprocal_rank,
    percentile_ms,
    unique_doc_ids,
)
from evals.questions import load_questions
from indexing.embeddings import create_embedding_backend

GUICHET = Path(sys.executable).parent / "guichet"
DEV = Path(__file__).resolve().parents[1] / "questions" / "dev.jsonl"
SEED = 20261123


def build(export: Path, collection: str) -> tuple[float, float]:
    """Seconds and peak MiB of the import, its progress bar shown (it takes hours)."""
    # Status 1 says records were left out (listed on stderr); the rest is published. The
    # collection row's build date shows the index measured is this build's.
    return timed_child([str(GUICHET), "index", "--source", "service-public", str(export),
                        "--collection", collection], show_progress=True,
                       accepted_exit_codes=(0, 1))


def title_questions(export: Path, known: set[str]) -> list[tuple[str, str]]:
    """(question, expected doc id) pairs named by the export, for pages in the index."""
    pairs = {}
    with export.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("pub_type") == "Fiche Question-réponse":
                pairs.setdefault(record["title"], record["id"].lower())
            for related in record.get("related_questions") or []:
                pairs.setdefault(related["question"], related["id"].lower())
    return [(question, doc_id) for question, doc_id in pairs.items() if doc_id in known]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", type=Path, required=True)
    parser.add_argument("--collection", default="service-public")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--questions", type=int, default=2000,
                        help="title questions sampled for the retrieval figures")
    parser.add_argument("--queries", type=int, default=200, help="warm queries timed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("assistant").setLevel(logging.WARNING)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    rows = []
    if not args.skip_build:
        seconds, peak_mib = build(args.export, args.collection)
        rows.append(("build (whole export)", f"{seconds / 60:.1f} min, peak {peak_mib:.0f} MiB"))

    settings = Settings(collection=args.collection)
    backend = create_embedding_backend(settings.embedding_model)
    backend.warm_up()
    resident_before = resident_mib()
    started = time.perf_counter()
    guichet = Guichet.open(settings, backend)
    rows.append(("open the collection (CLI start, server start), memory it holds",
                 f"{time.perf_counter() - started:.1f} s, "
                 f"{resident_mib() - resident_before:.0f} MiB resident"))
    index = guichet.retriever.index
    size_mib = sum(f.stat().st_size for f in index.folder.rglob("*") if f.is_file()) / 2**20
    rows.append(("collection", f"{index.manifest.documents} documents, {index.manifest.chunks} "
                               f"chunks, {size_mib:.0f} MiB on disk, built "
                               f"{index.manifest.built_at[:16]} in "
                               f"{index.manifest.build_seconds / 60:.1f} min"))

    pairs = title_questions(args.export, index.doc_ids)
    random.Random(SEED).shuffle(pairs)
    sample = pairs[:args.questions]
    for mode in (RetrievalMode.LEXICAL, RetrievalMode.DENSE, RetrievalMode.HYBRID):
        retriever = HybridRetriever(index, backend, settings.retrieval_candidates,
                                    settings.rrf_k, mode)
        ranks = [first_relevant_rank(unique_doc_ids(
                     [p.chunk.doc_id for p in retriever.search(question, 20)]), [doc_id])
                 for question, doc_id in sample]
        rows.append((f"title questions, {mode.value} ({len(sample)} of {len(pairs)})",
                     f"hit@1 {hit_at(ranks, 1):.3f}, hit@5 {hit_at(ranks, 5):.3f}, "
                     f"MRR {mean_reciprocal_rank(ranks):.3f}"))

    questions = [question for question, _ in sample]
    for name, action in (("search", lambda q: guichet.search(q)),
                         ("ask", lambda q: guichet.ask(Question(q)))):
        timings = warm_timings(action, questions, args.queries)
        rows.append((f"{name} on the collection ({len(timings)} warm)",
                     f"p50 {percentile_ms(timings, 50):.1f} ms / "
                     f"p95 {percentile_ms(timings, 95):.1f} ms"))
    bundled = Settings(collection="")
    ensure_index(bundled, backend)
    started = time.perf_counter()
    small = Guichet.open(bundled, backend)
    rows.append(("open the bundled corpus, for comparison",
                 f"{time.perf_counter() - started:.1f} s"))
    timings = warm_timings(lambda q: small.ask(Question(q)),
                           [case.question for case in load_questions(DEV)], args.queries)
    rows.append((f"ask on the bundled corpus ({len(timings)} warm)",
                 f"p50 {percentile_ms(timings, 50):.1f} ms / "
                 f"p95 {percentile_ms(timings, 95):.1f} ms"))

    print(f"Machine: {os.cpu_count()} cores, model {settings.embedding_model}")
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
