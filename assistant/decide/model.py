"""The confidence model: a logistic regression over the evidence features, fitted on dev.

Two stages, both inspectable in `confidence_model.json` (written by `python -m evals.fit_confidence`,
which says what it was fitted on): a pointwise model scores each candidate procedure (its logit
orders the candidates), and a calibration turns the best candidate's logit and its lead over the
second into the probability that the best candidate answers the request. Features are centred and
scaled with the training set's means and deviations, kept in the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.decide.features import FEATURES
from assistant.settings import CONFIDENCE_MODEL
from indexing.errors import GuichetError

MODEL_FILE = CONFIDENCE_MODEL


@dataclass(frozen=True)
class ConfidenceModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    calibration: tuple[float, float, float]  # logit weight, lead weight, intercept
    threshold: float

    @classmethod
    def provisional(cls) -> ConfidenceModel:
        """Orders candidates by their nearest example question alone: what the first fit of a
        new set of features starts from."""
        weights = tuple(float(name == "question_similarity") for name in FEATURES)
        return cls(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), weights, 0.0,
                   (1.0, 0.0, 0.0), 0.5)

    def logit(self, features: Mapping[str, float]) -> float:
        return self.bias + sum(w * (features[name] - m) / s for name, m, s, w in zip(
            self.features, self.mean, self.scale, self.weights, strict=True))

    def probability(self, best_logit: float, second_logit: float | None) -> float:
        lead = best_logit - second_logit if second_logit is not None else 4.0
        a, b, c = self.calibration
        return 1.0 / (1.0 + math.exp(-(a * best_logit + b * lead + c)))

    def to_json(self, fitted_on: Mapping[str, object]) -> str:
        return json.dumps({"features": list(self.features), "mean": list(self.mean),
                           "scale": list(self.scale), "weights": list(self.weights),
                           "bias": self.bias, "calibration": list(self.calibration),
                           "threshold": self.threshold, "fitted_on": fitted_on}, indent=2)


def load_model(path: Path = MODEL_FILE) -> ConfidenceModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        model = ConfidenceModel(tuple(raw["features"]), tuple(raw["mean"]), tuple(raw["scale"]),
                                tuple(raw["weights"]), float(raw["bias"]),
                                tuple(raw["calibration"]), float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GuichetError(f"{path}: not a confidence model ({exc}); refit it with: python -m "
                           "evals.fit_confidence") from exc
    if model.features != FEATURES or not all(len(v) == len(FEATURES) for v in (
            model.mean, model.scale, model.weights)):
        raise GuichetError(f"{path}: its features are not the ones assistant/decide/features.py "
                           "computes; refit it with: python -m evals.fit_confidence")
    return model
