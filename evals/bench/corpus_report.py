"""The bundled corpus in numbers, and how well search finds its documents.

    python -m evals.bench.corpus_report [--questions evals/questions/dev.jsonl]

Prints documents per language and region, readability per language (min / median / max), the
claims that tie facts to official pages (per language, and per document with --claims), and
document-level hit@1 / hit@5 / MRR of hybrid search on the set's single-turn questions that
expect an answer or a clarification about a document.
"""

from __future__ import annotations

import argparse
import logging
import statistics
from collections import Counter
from datetime import date
from pathlib import Path

from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.metrics import first_relevant_rank, hit_at, mean_reciprocal_rank, unique_doc_ids
from evals.questions import load_questions
from evals.readability import document_readability
from indexing.claims import load_claims
from indexing.corpus import load_corpus
from indexing.embeddings import create_embedding_backend
from indexing.models import ProcedureDocument

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "questions" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--claims", action="store_true", help="one row of claims per document")
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

    print_claims(documents, per_document=args.claims)

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


def print_claims(documents: list[ProcedureDocument], *, per_document: bool) -> None:
    today = date.today()
    loaded = {(d.language.value, d.doc_id): load_claims(d, today) for d in documents}
    print("\n| language | documents | claims | claims/document min / median | source pages "
          "| oldest check | claims files with a problem |\n|---|---|---|---|---|---|---|")
    for language in sorted({key[0] for key in loaded}):
        rows = [(claims, problems) for (lang, _), (claims, problems) in loaded.items()
                if lang == language]
        counts = [len(claims.claims) if claims else 0 for claims, _ in rows]
        every = [claim for claims, _ in rows if claims for claim in claims.claims]
        print(f"| {language} | {len(rows)} | {len(every)} | {min(counts)} / "
              f"{statistics.median(counts):g} | {len({c.source for c in every})} | "
              f"{min(c.checked for c in every)} | {sum(bool(p) for _, p in rows)} |")
    if per_document:
        print("\n| document | claims | source pages | checked |\n|---|---|---|---|")
        for (language, doc_id), (claims, _) in sorted(loaded.items()):
            held = claims.claims if claims else ()
            print(f"| {language}/{doc_id} | {len(held)} | "
                  f"{', '.join(sorted({c.source for c in held}))} | "
                  f"{min((c.checked for c in held), default='-')} |")


if __name__ == "__main__":
    main()
