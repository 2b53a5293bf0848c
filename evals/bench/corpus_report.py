"""The bundled corpus in numbers, and how well search finds its documents.

    python -m evals.bench.corpus_report [--questions evals/questions/dev.jsonl]

Prints documents per language and region, readability per language (min / median / max), and
document-level hit@1 / hit@5 / MRR of hybrid search on the set's single-turn questions that
expect an answer or a clarification about a document.
"""

from __future__ import annotations

import argparse
import logging
import statistics
from collections import Counter
from pathlib import Path

from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.metrics import first_relevant_rank, hit_at, mean_reciprocal_rank, unique_doc_ids
from evals.questions import load_questions
from evals.readability import document_readability
from indexing.corpus import load_corpus
from indexing.embeddings import create_embedding_backend

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "questions" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    documents = load_corpus(settings.corpus_dir).documents

    by_language = Counter(d.language.value for d in documents)
    print("documents per language:", dict(sorted(by_language.items())))
    for language in sorted(by_language):
        regions = Counter(d.region.value for d in documents if d.language.value == language)
        print(f"  {language} by region:", dict(sorted(regions.items())))
    print("\n| language | readability min | median | max | words/sentence max |\n|---|---|---|---|---|")
    for language in sorted(by_language):
        scores = [document_readability(d) for d in documents if d.language.value == language]
        values = [s.score for s in scores]
        print(f"| {language} | {min(values):.1f} | {statistics.median(values):.1f} "
              f"| {max(values):.1f} | {max(s.words_per_sentence for s in scores):.1f} |")

    backend = create_embedding_backend(settings.embedding_model)
    ensure_index(settings, backend)
    guichet = Guichet.open(settings, backend)
    cases = [c for c in load_questions(args.questions)
             if c.expected_doc_ids and not c.turns and c.expect in ("answer", "clarify")]
    print(f"\nsearch on {args.questions.name}: {len(cases)} single-turn questions with a document")
    print("| language | questions | hit@1 | hit@5 | MRR |\n|---|---|---|---|---|")
    for language in ("all", "fr", "nl", "en"):
        subset = [c for c in cases if language in ("all", c.language)]
        if not subset:
            continue
        ranks = [first_relevant_rank(unique_doc_ids([p.chunk.doc_id for p in
                                                     guichet.search(c.question, 20)]),
                                     c.expected_doc_ids) for c in subset]
        print(f"| {language} | {len(subset)} | {hit_at(ranks, 1):.3f} | {hit_at(ranks, 5):.3f} "
              f"| {mean_reciprocal_rank(ranks):.3f} |")


if __name__ == "__main__":
    main()
