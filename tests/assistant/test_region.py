"""Procedures whose rules differ by region: answered for the deployment's region, asked when the
deployment serves none, handed off when the citizen lives in another region."""

from __future__ import annotations

import pytest
import yaml

from assistant.models import AnswerStatus, Question
from assistant.service import Guichet
from assistant.settings import BUNDLED_PROFILE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def national_guichet(tmp_path_factory, bundled_guichet, bundled_settings, embedding_backend):
    """The bundled index with a profile that serves no region in particular."""
    profile = yaml.safe_load(BUNDLED_PROFILE.read_text(encoding="utf-8"))
    profile.pop("region")
    path = tmp_path_factory.mktemp("national") / "profile.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    return Guichet.open(bundled_settings.with_overrides(profile=path), embedding_backend)


def test_a_brussels_deployment_answers_for_brussels_and_says_rules_differ_elsewhere(
        bundled_guichet):
    answer = bundled_guichet.ask(Question("comment avoir les allocations familiales pour mon "
                                          "enfant"))
    assert answer.status is AnswerStatus.ANSWER
    assert answer.citations[0].doc_id == "allocations-familiales"
    assert "Bruxelles-Capitale" in answer.answer and "autre région" in answer.answer


def test_a_deployment_serving_no_region_asks_which_one(national_guichet):
    answer = national_guichet.ask(Question("comment avoir les allocations familiales pour mon "
                                           "enfant"))
    assert answer.status is AnswerStatus.CLARIFY
    assert "Bruxelles" in answer.options and "Wallonie" in answer.options


def test_the_region_given_in_a_second_turn_is_used(national_guichet):
    first = national_guichet.ask(Question("comment avoir les allocations familiales pour mon "
                                          "enfant"))
    second = national_guichet.ask(Question("j'habite à Schaerbeek",
                                           conversation_id=first.conversation_id))
    assert second.status is AnswerStatus.ANSWER
    assert second.citations[0].doc_id == "allocations-familiales"


def test_another_region_named_gets_a_handoff_to_its_services(bundled_guichet):
    namur = bundled_guichet.ask(Question("allocations familiales pour mon enfant, j'habite à "
                                         "Namur"))
    assert namur.status is AnswerStatus.HANDOFF
    assert namur.handoff.reason == "other_region"
    answer = bundled_guichet.ask(Question("allocations familiales pour mon enfant, j'habite à "
                                          "Ixelles"))
    assert answer.status is AnswerStatus.ANSWER and "autre région" not in answer.answer


def test_a_procedure_that_is_the_same_everywhere_needs_no_region(national_guichet):
    answer = national_guichet.ask(Question("combien coute le passeport"))
    assert answer.status is AnswerStatus.ANSWER
