"""Fits the confidence model on the dev question sets and writes assistant/decide/confidence_model.json.

    python -m evals.fit_confidence [--questions evals/questions/dev.jsonl ...]

For every dev question that reaches retrieval (not urgent, refused, out of scope or in another
language), each candidate procedure is an example: its evidence features, and whether it is one of
the expected procedures (none is, for a question that needs a person). Stage one, a logistic
regression over the standardised features, scores candidates. Stage two calibrates: out-of-fold
stage-one logits of each question's best candidate, and its lead over the second, predict whether
that candidate is right. The threshold is the one that keeps handoff recall at least 0.95 on
these questions while answering as many of the others correctly as it can (a question nearer to a
topic the corpus does not cover is handed off whatever its probability: assistant/decide/policy.py). Only dev sets: the
test sets are for reporting.
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.decide.features import FEATURES
from assistant.decide.model import MODEL_FILE, ConfidenceModel, load_model
from assistant.decide.policy import NOT_COVERED_LEAD
from assistant.analyse.intents import intent_reader
from assistant.models import AnswerStatus, Question
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.questions import QuestionCase, load_questions
from indexing.embeddings import create_embedding_backend
from indexing.errors import GuichetError
from indexing.models import Region

QUESTIONS = Path(__file__).resolve().parent / "questions"
DEFAULT_SETS = (QUESTIONS / "dev.jsonl", QUESTIONS / "fresh-dev.jsonl")
HANDOFF_RECALL_FLOOR = 0.95
ROUTED = {"own_file", "other_region", "other_country", "other_language", "harmful", "greeting",
          "urgent"}
REGULARISATION = 1.0


def examples(guichet: Guichet, cases: list[QuestionCase]) -> list[dict]:
    """Per question that reaches retrieval: its candidates' features and labels."""
    rows = []
    for case in cases:
        conversation = None
        for turn in case.turns:
            conversation = guichet.ask(Question(turn, None, conversation)).conversation_id
        resolution = guichet.explain(case.question, None, conversation)
        answer = guichet.ask(Question(case.question, None, conversation))
        # Only what the confidence decides: not the questions the earlier steps route (danger,
        # refusals, other countries and languages, one's own file, greetings), nor the
        # region questions, whatever Guichet answered to them.
        decided = answer.status is AnswerStatus.ANSWER or (
            answer.handoff is not None and answer.handoff.reason.value in ("low_confidence",
                                                                     "not_covered"))
        routed = case.expect in ("urgent", "clarify") or (case.category or "") in ROUTED or \
            intent_reader().mentioned_region(case.question) not in (None, Region.BRUSSELS)
        if not decided or routed:
            continue
        expected = set(case.expected_doc_ids) if case.expect == "answer" else set()
        candidates = resolution.ranking.candidates
        rows.append({"id": case.id, "expect": case.expect, "question": case.question,
                     "uncovered_lead": resolution.ranking.uncovered_lead,
                     "expected": sorted(expected), "doc_ids": [c.doc_id for c in candidates],
                     "features": [[c.features[f] for f in FEATURES] for c in candidates],
                     "labels": [int(c.doc_id in expected) for c in candidates]})
    return rows


def fit(rows: list[dict]) -> tuple[ConfidenceModel, dict]:
    x = np.array([f for row in rows for f in row["features"]], dtype=float)
    y = np.array([label for row in rows for label in row["labels"]])
    groups = np.array([i for i, row in enumerate(rows) for _ in row["labels"]])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    out_of_fold = np.zeros(len(y))
    for train, held in GroupKFold(n_splits=5).split(z, y, groups):
        model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(z[train], y[train])
        out_of_fold[held] = model.decision_function(z[held])
    final = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(z, y)
    tops, correct = [], []
    for i, row in enumerate(rows):
        logits = sorted(out_of_fold[groups == i], reverse=True)
        best = int(np.argmax(out_of_fold[groups == i]))
        lead = logits[0] - logits[1] if len(logits) > 1 else 4.0
        tops.append([logits[0], lead])
        correct.append(row["labels"][best] == 1)
    calibrator = LogisticRegression(C=10.0, max_iter=2000).fit(np.array(tops), np.array(correct))
    probabilities = calibrator.predict_proba(np.array(tops))[:, 1]
    threshold, report = _threshold(rows, probabilities, np.array(correct))
    model = ConfidenceModel(tuple(FEATURES), tuple(mean.round(6)), tuple(scale.round(6)),
                            tuple(final.coef_[0].round(6)), round(float(final.intercept_[0]), 6),
                            (round(float(calibrator.coef_[0][0]), 6),
                             round(float(calibrator.coef_[0][1]), 6),
                             round(float(calibrator.intercept_[0]), 6)), threshold)
    return model, report


def _threshold(rows: list[dict], probabilities: np.ndarray, correct: np.ndarray
               ) -> tuple[float, dict]:
    needs_person = np.array([row["expect"] != "answer" for row in rows])
    not_covered = np.array([row["uncovered_lead"] >= NOT_COVERED_LEAD for row in rows])
    best = None
    for threshold in np.arange(0.2, 0.995, 0.005):
        answered = (probabilities >= threshold) & ~not_covered
        recall = (~answered & needs_person).sum() / max(1, needs_person.sum())
        right = int((answered & correct & ~needs_person).sum())
        if recall >= HANDOFF_RECALL_FLOOR and (best is None or right > best[1]):
            best = (round(float(threshold), 3), right, round(float(recall), 3))
    if best is None:  # the floor cannot be reached: hand off as much as the scale allows
        answered = (probabilities >= 0.99) & ~not_covered
        best = (0.99, int((answered & correct & ~needs_person).sum()),
                round(float((~answered & needs_person).sum() / max(1, needs_person.sum())), 3))
    return best[0], {"correct_answers": best[1], "handoff_recall": best[2],
                     "questions": len(rows)}


def _with_a_loadable_model(settings: Settings) -> Settings:
    """The settings' model, or, when the features changed since it was fitted, a provisional
    one (the candidates' evidence does not depend on the model that orders them)."""
    try:
        load_model(settings.confidence_model)
        return settings
    except GuichetError:
        provisional = settings.data_dir / "confidence_model.provisional.json"
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        provisional.write_text(ConfidenceModel.provisional().to_json({"provisional": True}),
                               encoding="utf-8")
        return settings.with_overrides(confidence_model=provisional)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = _with_a_loadable_model(Settings())
    backend = create_embedding_backend(settings.embedding_model)
    ensure_index(settings, backend)
    guichet = Guichet.open(settings, backend)
    cases = [case for path in args.questions for case in load_questions(path)]
    rows = examples(guichet, cases)
    model, report = fit(rows)
    fitted_on = {"sets": [path.name for path in args.questions], "date": date.today().isoformat(),
                 "command": "python -m evals.fit_confidence", **report}
    args.output.write_text(model.to_json(fitted_on) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": model.threshold, **report,
                      "weights": dict(zip(FEATURES, model.weights, strict=True))}, indent=2))


if __name__ == "__main__":
    main()
