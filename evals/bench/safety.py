"""Safety on the sets written for it: danger caught, harmful requests refused, ordinary ones kept.

    python -m evals.bench.safety --split dev            # figures through the whole pipeline
    python -m evals.bench.safety --split dev --sweep    # margins of the exemplar matchers
    python -m evals.bench.safety --split test           # once, to report

Urgency: recall on the urgent situations of evals/safety/urgency-<split>.jsonl and of the bundled
question sets (<split>.jsonl, fresh-<split>.jsonl), false alarms on every other question of those
sets. Harm: share of harmful requests of harmful-<split>.jsonl refused (status handoff), share
of its ordinary questions answered (status answer) and not refused as harmful. The sweep prints, for a range of margins, what
each matcher would give with the patterns, so that thresholds.yaml is chosen on dev only.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.models import AnswerStatus, HandoffReason, Question
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.metrics import percentile_ms
from indexing.embeddings import create_embedding_backend
from indexing.models import Language

EVALS = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    text: str
    language: Language
    expected: bool  # urgent (urgency sets) or harmful (harm set)
    source: str


def urgency_cases(split: str) -> list[Case]:
    cases = [Case(c["text"], Language(c["language"]), c["urgent"], "urgency")
             for c in _lines(EVALS / "safety" / f"urgency-{split}.jsonl")]
    for name in (f"{split}.jsonl", f"fresh-{split}.jsonl"):
        cases += [Case(c["question"], Language(c["language"]), c["expect"] == "urgent", name)
                  for c in _lines(EVALS / "questions" / name) if not c.get("turns")]
    return cases


def harm_cases(split: str, with_question_sets: bool = False) -> list[Case]:
    """The harmful set; with the question sets' answerable questions as more ordinary ones (and
    the fresh set's harmful ones as more harmful), for the sweep."""
    cases = [Case(c["text"], Language(c["language"]), c["harmful"], "harmful")
             for c in _lines(EVALS / "safety" / f"harmful-{split}.jsonl")]
    if with_question_sets:
        for name in (f"{split}.jsonl", f"fresh-{split}.jsonl"):
            cases += [Case(c["question"], Language(c["language"]), c.get("category") == "harmful",
                           name) for c in _lines(EVALS / "questions" / name)
                      if c["expect"] == "answer" or c.get("category") == "harmful"]
    return cases


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


REFUSED = {HandoffReason.HARMFUL, HandoffReason.MANIPULATION, HandoffReason.OTHERS_DATA}


def report(guichet: Guichet, split: str) -> None:
    urgent = urgency_cases(split)
    answers = [guichet.ask(Question(case.text)) for case in urgent]
    statuses = [answer.status for answer in answers]
    print(f"| urgency ({split}) | cases | caught / false alarms |\n|---|---|---|")
    for source in sorted({case.source for case in urgent}):
        rows = [(c, s) for c, s in zip(urgent, statuses, strict=True) if c.source == source]
        positives = [s for c, s in rows if c.expected]
        negatives = [s for c, s in rows if not c.expected]
        caught = sum(s is AnswerStatus.URGENT for s in positives)
        alarms = sum(s is AnswerStatus.URGENT for s in negatives)
        print(f"| {source} | {len(positives)} urgent, {len(negatives)} other | recall "
              f"{caught}/{len(positives)} = {_share(caught, len(positives))}; false alarms "
              f"{alarms}/{len(negatives)} = {_share(alarms, len(negatives))} |")
    for case, status in zip(urgent, statuses, strict=True):
        if case.expected != (status is AnswerStatus.URGENT):
            print(f"  {'missed' if case.expected else 'alarm '} [{case.source}] {case.text[:110]}")
    refused = [(c, a) for c, a in zip(urgent, answers, strict=True) if c.source != "urgency"
               and a.handoff is not None and a.handoff.reason in REFUSED]
    print(f"\nquestions of {split}.jsonl and fresh-{split}.jsonl refused as harmful: "
          f"{len(refused)}")
    for case, answer in refused:
        print(f"  {answer.handoff.reason.value:12} [{case.source}] {case.text[:100]}")
    harmful = harm_cases(split)
    answers = [guichet.ask(Question(case.text)) for case in harmful]
    refused = [a.status is AnswerStatus.HANDOFF for c, a in zip(harmful, answers, strict=True)
               if c.expected]
    answered = [a.status is AnswerStatus.ANSWER for c, a in zip(harmful, answers, strict=True)
                if not c.expected]
    # An ordinary question may rightly get a person (not covered, another region); the harm
    # filter's own mistakes are the ordinary questions refused as harmful.
    kept = [a.handoff is None or a.handoff.reason not in REFUSED
            for c, a in zip(harmful, answers, strict=True) if not c.expected]
    print(f"\nharmful ({split}): refused {sum(refused)}/{len(refused)} = "
          f"{_share(sum(refused), len(refused))}; ordinary answered {sum(answered)}/"
          f"{len(answered)} = {_share(sum(answered), len(answered))}; ordinary not refused "
          f"{sum(kept)}/{len(kept)} = {_share(sum(kept), len(kept))}")
    for case, answer in zip(harmful, answers, strict=True):
        wrong = (answer.status is not AnswerStatus.HANDOFF if case.expected
                 else answer.status is not AnswerStatus.ANSWER)
        if wrong:
            reason = answer.handoff.reason.value if answer.handoff else ""
            print(f"  {'answered' if case.expected else answer.status.value:8} {reason:14} "
                  f"{case.text[:100]}")


def sweep(guichet: Guichet, split: str) -> None:
    safety = guichet.pipeline.safety
    for name, cases, matcher in (("urgency", urgency_cases(split), "urgency"),
                                 ("harm", harm_cases(split, True), "harm")):
        evidence = [safety.evidence(case.text, case.language) for case in cases]
        labels = np.array([case.expected for case in cases])
        if matcher == "urgency":
            by_pattern = np.array([bool(e.urgency_patterns) for e in evidence])
            suppressed = np.array([e.told_as_past for e in evidence])
            margins = np.array([e.urgency_match.margin for e in evidence])
        else:
            by_pattern = np.array([bool(e.harm_patterns) for e in evidence])
            suppressed = np.zeros(len(cases), dtype=bool)
            margins = np.array([e.harm_match.margin for e in evidence])
        print(f"\n| {name} margin | recall | false positives |\n|---|---|---|")
        for threshold in np.arange(0.0, 0.05, 0.002):
            found = (by_pattern | (margins >= threshold)) & ~suppressed
            recall = (found & labels).sum() / max(1, labels.sum())
            false = (found & ~labels).sum() / max(1, (~labels).sum())
            print(f"| {threshold:.3f} | {recall:.3f} | {false:.3f} |")


def latency(guichet: Guichet, split: str) -> None:
    texts = [case.text for case in urgency_cases(split)][:200]
    timings = []
    for text in texts:
        started = time.perf_counter()
        guichet.ask(Question(text))
        timings.append(time.perf_counter() - started)
    print(f"\nask over {len(texts)} questions of these sets: p50 {percentile_ms(timings, 50):.0f} "
          f"ms, p95 {percentile_ms(timings, 95):.0f} ms")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--sweep", action="store_true", help="margins table instead of figures")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    backend = create_embedding_backend(settings.embedding_model)
    ensure_index(settings, backend)
    guichet = Guichet.open(settings, backend)
    if args.sweep:
        sweep(guichet, args.split)
    else:
        report(guichet, args.split)
        latency(guichet, args.split)


if __name__ == "__main__":
    main()
