"""The rights check against what a CPAS social worker would list, on evals/rights/situations.jsonl.

    python -m evals.bench.rights_check

Each situation (written outside the team from the official conditions) has its household facts,
the rights to check and those that must not be listed. The facts become the questionnaire's
answers; the table prints, per situation, the rights missed and the rights listed in excess.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.rights.check import open_rights_check
from assistant.settings import Settings
from indexing.corpus import load_corpus
from indexing.models import Language

SITUATIONS = Path(__file__).resolve().parents[1] / "rights" / "situations.jsonl"
INCOME = {"cpas_integration_income": "cpas", "disability_allowance": "disability",
          "unemployment": "unemployment", "pension": "pension", "work": "work", "none": "none"}
# When a household has several incomes, the one the questionnaire's single answer would name.
INCOME_ORDER = ("cpas_integration_income", "disability_allowance", "unemployment", "pension",
                "work", "none")


def answers_of(facts: dict) -> dict[str, str]:
    sources = facts.get("income_sources") or ["none"]
    main = next(source for source in INCOME_ORDER if source in sources)
    yes_no = {True: "yes", False: "no"}
    return {"income": INCOME[main], "children": yes_no[bool(facts.get("children"))],
            "housing": "rent_private" if facts.get("renting") else "other",
            "age_65": yes_no[bool(facts.get("age_65_or_more"))],
            "student": yes_no[bool(facts.get("student"))],
            "job_seeker": yes_no[bool(facts.get("job_seeker"))],
            "low_income": yes_no[bool(facts.get("low_income"))],
            "legal_stay": yes_no[facts.get("legal_residence", True)]}


def main() -> None:
    settings = Settings()
    rights = open_rights_check(settings.corpus_dir, load_corpus(settings.corpus_dir).documents)
    rows = [json.loads(line) for line in SITUATIONS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    print("| situation | listed | expected | missed | in excess | forbidden listed |")
    print("|---|---|---|---|---|---|")
    totals = {"listed": 0, "expected": 0, "hits": 0, "forbidden": 0}
    for row in rows:
        listed = {r.doc_id for r in rights.check(answers_of(row["facts"]), Language.EN)}
        expected = set(row["should_check"])
        forbidden = listed & set(row.get("must_not_list", []))
        totals["listed"] += len(listed)
        totals["expected"] += len(expected)
        totals["hits"] += len(listed & expected)
        totals["forbidden"] += len(forbidden)
        print(f"| {row['id']} | {len(listed)} | {len(expected)} | "
              f"{', '.join(sorted(expected - listed)) or '-'} | "
              f"{', '.join(sorted(listed - expected)) or '-'} | "
              f"{', '.join(sorted(forbidden)) or '-'} |")
    print(f"\n{len(rows)} situations: recall {totals['hits'] / totals['expected']:.3f} "
          f"({totals['hits']}/{totals['expected']}), precision "
          f"{totals['hits'] / max(1, totals['listed']):.3f} ({totals['hits']}/{totals['listed']}),"
          f" forbidden rights listed {totals['forbidden']}")


if __name__ == "__main__":
    main()
