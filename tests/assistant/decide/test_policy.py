"""The decision alone: answer, ask back or hand off, with a typed reason."""

import pytest

from assistant.decide.features import FEATURES, CandidateEvidence
from assistant.decide.policy import LIKELY, DecisionAction, DecisionPolicy, RegionContext
from assistant.models import HandoffReason
from indexing.models import Language, Region

POLICY = DecisionPolicy(threshold=0.7)
BRUSSELS = RegionContext(served=Region.BRUSSELS, named=None, several_named=False)


def candidate(doc_id):
    return CandidateEvidence(doc_id, Language.FR, dict.fromkeys(FEATURES, 0.0), None)


def test_a_probability_at_the_threshold_is_answered():
    decision = POLICY.decide(candidate("passeport"), 0.7, False, BRUSSELS)
    assert decision.action is DecisionAction.ANSWER and decision.reason is None


def test_below_the_threshold_is_a_handoff_for_low_confidence():
    decision = POLICY.decide(candidate("passeport"), 0.69, False, BRUSSELS)
    assert decision.action is DecisionAction.HANDOFF
    assert decision.reason is HandoffReason.LOW_CONFIDENCE


@pytest.mark.parametrize("probability, offers_its_contacts", [(LIKELY, True), (LIKELY - 0.01, False)])
def test_a_handoff_offers_the_procedures_contacts_only_when_it_is_likely(probability,
                                                                       offers_its_contacts):
    decision = POLICY.decide(candidate("declaration-naissance"), probability, False, BRUSSELS)
    assert (decision.likely_candidate is not None) is offers_its_contacts


def test_nothing_found_is_a_handoff():
    decision = POLICY.decide(None, 0.0, False, BRUSSELS)
    assert decision.action is DecisionAction.HANDOFF and decision.likely_candidate is None


def test_a_vague_request_is_asked_back():
    decision = POLICY.decide(candidate("passeport"), 0.95, True, BRUSSELS)
    assert decision.action is DecisionAction.CLARIFY_PROCEDURE


def test_a_region_dependent_procedure_is_answered_for_the_deployments_region_with_a_note():
    decision = POLICY.decide(candidate("allocations-familiales"), 0.9, False, BRUSSELS)
    assert decision.action is DecisionAction.ANSWER and decision.region_note


def test_the_citizens_own_region_is_answered_without_the_note():
    named = RegionContext(Region.BRUSSELS, Region.BRUSSELS, False)
    decision = POLICY.decide(candidate("allocations-familiales"), 0.9, False, named)
    assert decision.action is DecisionAction.ANSWER and not decision.region_note


def test_another_region_named_is_a_handoff_to_that_regions_services():
    elsewhere = RegionContext(Region.BRUSSELS, Region.WALLONIA, False)
    decision = POLICY.decide(candidate("allocations-familiales"), 0.9, False, elsewhere)
    assert decision.action is DecisionAction.HANDOFF
    assert decision.reason is HandoffReason.OTHER_REGION


@pytest.mark.parametrize("region", [RegionContext(None, None, False),
                                    RegionContext(Region.BRUSSELS, None, True)])
def test_the_region_is_asked_when_the_deployment_serves_none_or_several_are_named(region):
    decision = POLICY.decide(candidate("allocations-familiales"), 0.9, False, region)
    assert decision.action is DecisionAction.CLARIFY_REGION


def test_a_procedure_that_is_the_same_everywhere_ignores_the_region():
    elsewhere = RegionContext(Region.BRUSSELS, Region.WALLONIA, False)
    assert POLICY.decide(candidate("passeport"), 0.9, False, elsewhere).action is \
        DecisionAction.ANSWER
