"""`guichet corpus ...`: tools for the person who keeps the corpus.

`guichet corpus review` lists documents and their claims by the age of their last check, oldest
first, and exits 1 when one is past the review age or a claims file has a problem (for cron).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from assistant.settings import Settings
from indexing.review import DocumentReview, review_corpus


def add_corpus_commands(commands) -> None:
    corpus = commands.add_parser("corpus", help="tools for the person who keeps the corpus")
    corpus_commands = corpus.add_subparsers(required=True, metavar="ACTION")
    review = corpus_commands.add_parser(
        "review", help="documents and their claims by age of their last check, oldest first; "
                       "exits 1 when one is past the review age")
    review.add_argument("--corpus", help="corpus folder (default: GUICHET_CORPUS_DIR or the "
                        "bundled corpus)")
    review.add_argument("--claims", action="store_true",
                        help="also list each claim with its check date and source")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(command=run_corpus_review)


def run_corpus_review(args: argparse.Namespace, settings: Settings) -> int:
    today = date.today()
    review = review_corpus(settings.corpus_dir, today, settings.review_age_days)
    if args.json:
        print(json.dumps({"today": today.isoformat(), "review_age_days": settings.review_age_days,
                          "documents": [_review_json(d) for d in review.documents],
                          "problems": [str(p) for p in review.problems]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{len(review.documents)} documents, {len(review.due)} past the review age of "
              f"{settings.review_age_days} days (GUICHET_REVIEW_AGE_DAYS) on {today}; "
              "oldest first.")
        for document in review.documents:
            flag = "DUE" if document.due else "ok "
            print(f"{flag} {document.reviewed} {document.age_days:>4} d  "
                  f"{document.language.value}/{document.doc_id}  "
                  f"({len(document.claims)} claims) {document.source_url}")
            if args.claims:
                for claim in document.claims:
                    print(f"      {claim.checked}  \"{claim.text}\"  {claim.source}")
        for problem in review.problems:
            print(f"problem: {problem}", file=sys.stderr)
    return 1 if review.due or review.problems else 0


def _review_json(document: DocumentReview) -> dict:
    return {"doc_id": document.doc_id, "language": document.language.value,
            "title": document.title, "source_url": document.source_url,
            "reviewed": document.reviewed.isoformat(), "age_days": document.age_days,
            "due": document.due, "sources": list(document.sources),
            "claims": [{"text": c.text, "source": c.source, "confirms": c.confirms,
                        "checked": c.checked.isoformat()} for c in document.claims]}
