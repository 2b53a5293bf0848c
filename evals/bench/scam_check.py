"""The scam check on the 74 labelled messages of evals/safety/scam-messages.jsonl.

    python -m evals.bench.scam_check

Prints the share of phishing messages with at least one sign (target 1.0), the share of
legitimate notices given a sign (false signs), per-sign recall against the labels, and whether any
reply calls a message safe. The messages were written outside the team; the sign patterns were
not tuned on them (see the closing note of the issue for the one run reported).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path

from assistant.service import Guichet
from assistant.settings import Settings
from indexing.models import Language

MESSAGES = Path(__file__).resolve().parents[1] / "safety" / "scam-messages.jsonl"
# A verdict of safety in any language; the address suspect@safeonweb.be is not one.
SAFE_VERDICT = re.compile(r"\b(?:safe|sûr|sure|sans danger|veilig|betrouwbaar|fiable)\b", re.I)


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    guichet = Guichet.open(Settings())
    rows = [json.loads(line) for line in MESSAGES.read_text(encoding="utf-8").splitlines()]
    caught, false_signs, verdicts = [], [], 0
    labelled, found_right = Counter(), Counter()
    for row in rows:
        report = guichet.check_message(row["text"], Language(row["language"]))
        signs = {signal.sign.value for signal in report.signals}
        reply = report.advice + " ".join(s.explanation for s in report.signals)
        verdicts += bool(SAFE_VERDICT.search(reply.replace("safeonweb", "")))
        if row["phishing"]:
            caught.append(bool(signs))
            for sign in row["signs"]:
                labelled[sign] += 1
                found_right[sign] += sign in signs
            if not signs:
                print(f"missed {row['id']} ({row['language']}): {row['text'][:90]!r}")
        else:
            false_signs.append(bool(signs))
            if signs:
                print(f"false sign {row['id']} ({row['language']}): {sorted(signs)} "
                      f"{row['text'][:80]!r}")
    print(f"\nphishing with at least one sign: {sum(caught)}/{len(caught)} "
          f"({sum(caught) / len(caught):.3f})")
    print(f"legitimate given a sign: {sum(false_signs)}/{len(false_signs)} "
          f"({sum(false_signs) / len(false_signs):.3f})")
    print(f"replies calling a message safe: {verdicts}")
    print("\n| sign | labelled | found | recall |\n|---|---|---|---|")
    for sign, count in labelled.most_common():
        print(f"| {sign} | {count} | {found_right[sign]} | {found_right[sign] / count:.2f} |")


if __name__ == "__main__":
    main()
