"""The pipeline with an LLM generator: the real ChatOpenAI client against a scripted server
(the named fake of a hosted LLM), over the real index of the bundled corpus."""

from __future__ import annotations

import pytest

from assistant.compose.generators.llm import LLMGenerator, chat_model_from_settings
from assistant.models import AnswerStatus, Question
from assistant.service import Guichet
from tests.scripted_openai import ScriptedOpenAIServer

pytestmark = pytest.mark.slow

QUESTION = "combien coute un passeport"


def body(answer) -> str:
    """The answer without its first line, the heading naming the procedure and the aspect."""
    heading, _, rest = answer.answer.partition("\n")
    assert heading.startswith(answer.citations[0].title), heading
    return rest


@pytest.fixture(scope="module")
def server():
    with ScriptedOpenAIServer() as running:
        yield running


@pytest.fixture(scope="module")
def llm_guichet(bundled_guichet, bundled_settings, embedding_backend, server):
    chat_model = chat_model_from_settings("openai", "scripted", server.base_url, None, 2.0)
    return Guichet.open(bundled_settings, embedding_backend, LLMGenerator(chat_model, "scripted"))


def test_a_well_cited_llm_answer_is_used(llm_guichet, server):
    server.script("Le prix dépend de votre commune et de votre âge [1]. "
                  "Prenez rendez-vous au service Population [2].")
    answer = llm_guichet.ask(Question(QUESTION))
    assert answer.status is AnswerStatus.ANSWER
    assert body(answer).startswith("Le prix dépend de votre commune et de votre âge [1].")
    assert answer.citations[0].doc_id == "passeport"
    prompt = " ".join(str(m["content"]) for m in server.requests[-1]["messages"])
    assert "[1] Demander un passeport belge" in prompt and QUESTION in prompt


def test_invented_phone_numbers_and_links_never_reach_the_citizen(llm_guichet, server):
    server.script("Le prix dépend de votre commune [1]. Appelez le 02 555 12 34 pour payer "
                  "ou allez sur https://www.passeport-express.be/paiement [1].")
    answer = llm_guichet.ask(Question(QUESTION))
    assert answer.status is AnswerStatus.ANSWER
    assert "555 12 34" not in answer.answer
    assert "passeport-express" not in answer.answer
    assert body(answer).startswith("Le prix dépend de votre commune [1].")


def test_contacts_written_in_a_source_are_kept(llm_guichet, server):
    server.script("Si votre passeport est perdu, appelez DOC STOP au 00800 2123 2123 [1].")
    answer = llm_guichet.ask(Question("passeport perdu que faire"))
    assert "00800 2123 2123" in answer.answer


@pytest.mark.parametrize("reply, status", [
    ("Le prix dépend de votre commune [9].", 200),
    ("Le prix dépend de votre commune [1]. Le passeport coûte exactement 41 euros partout.", 200),
    ("NO_ANSWER", 200),
    (None, 500),
])
def test_a_rejected_llm_answer_falls_back_to_the_extractive_one(llm_guichet, server, reply,
                                                               status, caplog):
    server.script(reply, status=status)
    answer = llm_guichet.ask(Question(QUESTION))
    assert answer.status is AnswerStatus.ANSWER
    assert "41 euros" not in answer.answer and "[9]" not in answer.answer
    assert body(answer).startswith("Le prix du passeport belge dépend de votre commune")
    assert "using the extractive answer" in caplog.text
