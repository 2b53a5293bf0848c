"""Procedures whose rules differ by region: ask where the citizen lives, or hand off."""

from __future__ import annotations

import pytest

from assistant.models import AnswerStatus, Question
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from tests.corpus_factory import write_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def guichet(tmp_path_factory, embedding_backend):
    corpus = tmp_path_factory.mktemp("region-corpus")
    write_document(corpus, "allocations-familiales", title="Les allocations familiales à Bruxelles",
                   summary="À Bruxelles, une caisse d'allocations familiales paie les "
                           "allocations familiales pour chaque enfant.",
                   keywords="allocations familiales, kinderbijslag, caisse",
                   sections={"Pour qui ?": "Chaque enfant domicilié à Bruxelles ouvre le droit "
                                           "aux allocations familiales.",
                             "Comment faire ?": "Choisissez une caisse d'allocations familiales "
                                                "bruxelloise et inscrivez votre enfant."})
    write_document(corpus, "passeport", title="Demander un passeport",
                   sections={"Coût": "Le prix du passeport dépend de votre commune."})
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path_factory.mktemp("region-data"))
    ensure_index(settings, embedding_backend)
    return Guichet.open(settings, embedding_backend)


def test_without_a_region_guichet_asks_which_one(guichet):
    answer = guichet.ask(Question("comment avoir les allocations familiales pour mon enfant"))
    assert answer.status is AnswerStatus.CLARIFY
    assert "Bruxelles" in answer.options and "Wallonie" in answer.options
    assert "région" in answer.answer


def test_the_region_given_in_a_second_turn_is_used(guichet):
    first = guichet.ask(Question("comment avoir les allocations familiales pour mon enfant"))
    second = guichet.ask(Question("j'habite à Schaerbeek", conversation_id=first.conversation_id))
    assert second.status is AnswerStatus.ANSWER
    assert second.citations[0].doc_id == "allocations-familiales"


def test_brussels_gets_the_answer_and_another_region_a_handoff(guichet):
    brussels = guichet.ask(Question("allocations familiales pour mon enfant, j'habite à Ixelles"))
    assert brussels.status is AnswerStatus.ANSWER
    namur = guichet.ask(Question("allocations familiales pour mon enfant, j'habite à Namur"))
    assert namur.status is AnswerStatus.HANDOFF
    assert namur.handoff.reason == "other_region"


def test_a_procedure_that_is_the_same_everywhere_needs_no_region(guichet):
    answer = guichet.ask(Question("combien coute le passeport"))
    assert answer.status is AnswerStatus.ANSWER
