"""Personal-data masking measured: the case table, and false positives on every question set.

    python -m evals.bench.personal_data

The table (tests/data/personal-data-cases.jsonl, written blind to the masker) gives the values
that must disappear and the ones that must stay. A false positive is a question of an evaluation
set (none holds personal data, except the few addresses written into harmful requests, listed)
in which anything is masked.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from assistant.safety.personal_data import mask_personal_data
from indexing.models import Language

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "data" / "personal-data-cases.jsonl"
REVIEWED = ROOT / "corpus" / "reviewed-phone-numbers.yaml"
SETS = sorted((ROOT / "evals" / "questions").glob("*.jsonl")) + sorted(
    (ROOT / "evals" / "safety").glob("*.jsonl"))


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def main() -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    # Public lines stay, as the pipeline's allow-list keeps every number of the corpus.
    public = {_digits(e["number"]) for e in yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))}
    masked_values = kept_values = raw = lost = 0
    by_kind: Counter = Counter()
    for case in cases:
        shown = mask_personal_data(case["text"], lambda n: _digits(n) in public).text(
            Language(case["language"]))
        for item in case["mask"]:
            masked_values += 1
            by_kind[item["kind"]] += 1
            raw += item["value"] in shown
        for value in case["keep"]:
            kept_values += 1
            lost += value not in shown
    print("| table | cases | values |\n|---|---|---|")
    print(f"| to mask | {sum(bool(c['mask']) for c in cases)} | {masked_values} "
          f"({', '.join(f'{k} {n}' for k, n in sorted(by_kind.items()))}); left raw: {raw} |")
    print(f"| must stay | {sum(not c['mask'] for c in cases)} only-keep cases | {kept_values}; "
          f"lost: {lost} |")
    print("\n| question set | questions | with something masked |\n|---|---|---|")
    total = flagged = 0
    examples = []
    for path in SETS:
        texts = [raw_case.get("question") or raw_case.get("text") for raw_case in
                 map(json.loads, path.read_text(encoding="utf-8").splitlines()) if raw_case]
        hits = [text for text in texts if mask_personal_data(text).kinds]
        total, flagged = total + len(texts), flagged + len(hits)
        examples += [(path.name, text) for text in hits]
        print(f"| {path.name} | {len(texts)} | {len(hits)} |")
    print(f"| all | {total} | {flagged} ({flagged / total:.2%}) |")
    for name, text in examples:
        print(f"  [{name}] {text[:120]}")


if __name__ == "__main__":
    main()
