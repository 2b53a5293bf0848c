"""The confidence model: the fitted file in the repo loads, orders evidence and is calibrated."""

import json

import pytest

from assistant.decide.features import FEATURES
from assistant.decide.model import MODEL_FILE, load_model
from indexing.errors import GuichetError


def test_the_bundled_model_says_what_it_was_fitted_on():
    fitted_on = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["fitted_on"]
    assert fitted_on["command"] == "python -m evals.fit_confidence"
    assert all("test" not in name for name in fitted_on["sets"])


def test_more_evidence_scores_higher_and_the_probability_grows_with_the_lead():
    model = load_model()
    plain = dict.fromkeys(FEATURES, 0.0)
    stronger = {**plain, "question_similarity": 1.0, "question_margin": 1.0}
    assert model.logit(stronger) > model.logit(plain)
    best = model.logit(stronger)
    assert 0.0 < model.probability(best, best - 0.1) < model.probability(best, best - 3.0) < 1.0


def test_a_model_with_other_features_is_refused_with_the_command_to_refit(tmp_path):
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    raw["features"] = raw["features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(GuichetError, match="evals.fit_confidence"):
        load_model(path)
