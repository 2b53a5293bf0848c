"""The LLM generator, through the real ChatOpenAI client, against a scripted OpenAI server."""

from __future__ import annotations

import time

import pytest
from langchain_ollama import ChatOllama

from indexing.errors import GenerationRejected
from assistant.compose.generators.llm import LLMGenerator, chat_model_from_settings
from assistant.models import Audience, Passage, Source
from indexing.models import Chunk, Language, SectionKind
from tests.scripted_openai import ScriptedOpenAIServer

QUESTION = "Combien coûte un passeport ?"
GOOD_ANSWER = ("Un passeport coûte environ 75 euros selon la commune [1]. "
               "Vous le demandez au service Population de votre commune [2].")


def _source(number: int, section: SectionKind, heading: str, text: str) -> Source:
    chunk = Chunk(chunk_id=f"passeport-{section.value}", doc_id="passeport",
                  language=Language.FR, title="Demander un passeport", section=section,
                  heading=heading, url="https://www.belgium.be/fr/passeport", text=text)
    return Source(number=number, passage=Passage(chunk=chunk, fused_score=0.03))


SOURCES = (
    _source(1, SectionKind.COST, "Coût", "Le passeport coûte environ 75 euros selon la commune."),
    _source(2, SectionKind.HOW, "Comment faire ?",
            "Présentez-vous au service Population de votre commune avec une photo récente."),
)


@pytest.fixture
def server():
    with ScriptedOpenAIServer() as running:
        yield running


def _generator(server: ScriptedOpenAIServer, timeout_s: float = 5.0) -> LLMGenerator:
    chat_model = chat_model_from_settings("openai", "scripted-model", server.base_url,
                                          None, timeout_s)
    return LLMGenerator(chat_model, name="scripted")


def _compose(server: ScriptedOpenAIServer, timeout_s: float = 5.0):
    return _generator(server, timeout_s).compose(QUESTION, Language.FR, SOURCES,
                                                 Audience.CITIZEN)


def test_a_cited_answer_becomes_a_draft(server):
    server.script(GOOD_ANSWER)
    draft = _compose(server)
    assert draft.text == GOOD_ANSWER
    assert draft.cited == (1, 2)


def test_the_prompt_holds_the_question_and_each_numbered_source(server):
    server.script(GOOD_ANSWER)
    _compose(server)
    (request,) = server.requests
    assert request["model"] == "scripted-model"
    assert request["temperature"] == 0
    roles = [message["role"] for message in request["messages"]]
    assert roles == ["system", "user"]
    prompt = request["messages"][1]["content"]
    for source in SOURCES:
        chunk = source.passage.chunk
        assert f"[{source.number}] {chunk.title} — {chunk.heading}\n{chunk.text}" in prompt
    assert QUESTION in prompt
    assert "NO_ANSWER" in request["messages"][0]["content"]


def test_staff_are_not_held_to_the_citizen_length(server):
    server.script(GOOD_ANSWER)
    _generator(server).compose(QUESTION, Language.EN, SOURCES, Audience.STAFF)
    system = server.requests[0]["messages"][0]["content"]
    assert "120 words" not in system
    assert "Answer in English" in system


def test_a_citation_of_a_source_not_given_is_rejected(server):
    server.script("Un passeport coûte environ 75 euros selon la commune [7].")
    with pytest.raises(GenerationRejected, match="cites source 7"):
        _compose(server)


def test_an_uncited_claim_is_rejected(server):
    server.script("Un passeport coûte environ 75 euros [1]. Il est prêt en deux semaines.")
    with pytest.raises(GenerationRejected, match="sentence without citation"):
        _compose(server)


def test_the_no_answer_signal_is_rejected(server):
    server.script("NO_ANSWER")
    with pytest.raises(GenerationRejected, match="no answer in the sources"):
        _compose(server)


def test_a_reply_slower_than_the_timeout_is_rejected_quickly(server):
    server.script(GOOD_ANSWER, delay_s=3.0)
    started = time.monotonic()
    with pytest.raises(GenerationRejected, match="chat model call failed"):
        _compose(server, timeout_s=0.5)
    assert time.monotonic() - started < 2.0


def test_a_server_error_is_rejected_without_retrying(server):
    server.script(status=500)
    with pytest.raises(GenerationRejected, match="chat model call failed"):
        _compose(server)
    assert len(server.requests) == 1


def test_an_unreachable_server_is_rejected():
    with ScriptedOpenAIServer() as stopped:
        base_url = stopped.base_url
    chat_model = chat_model_from_settings("openai", "scripted-model", base_url, None, 1.0)
    with pytest.raises(GenerationRejected, match="chat model call failed"):
        LLMGenerator(chat_model, "gone").compose(QUESTION, Language.FR, SOURCES,
                                                 Audience.CITIZEN)


def test_streaming_yields_the_reply_in_several_deltas(server):
    server.script(GOOD_ANSWER)
    deltas = list(_generator(server).stream(QUESTION, Language.FR, SOURCES, Audience.CITIZEN))
    assert len(deltas) > 2
    assert "".join(deltas) == GOOD_ANSWER
    assert server.requests[0]["stream"] is True


def test_a_streaming_server_error_is_rejected(server):
    server.script(status=500)
    with pytest.raises(GenerationRejected, match="chat model call failed"):
        list(_generator(server).stream(QUESTION, Language.FR, SOURCES, Audience.CITIZEN))


def test_ollama_settings_build_a_chat_ollama_with_its_base_url():
    chat_model = chat_model_from_settings("ollama", "llama3.2", "http://127.0.0.1:11434",
                                          None, 7.5)
    assert isinstance(chat_model, ChatOllama)
    assert chat_model.base_url == "http://127.0.0.1:11434"
    assert chat_model.model == "llama3.2"
    assert chat_model.temperature == 0
    assert chat_model.client_kwargs == {"timeout": 7.5}


def test_an_unreachable_ollama_is_rejected_too():
    # langchain-ollama does not map its client's errors to LangChain's ModelError types.
    with ScriptedOpenAIServer() as stopped:
        base_url = stopped.base_url.removesuffix("/v1")
    chat_model = chat_model_from_settings("ollama", "llama3.2", base_url, None, 1.0)
    with pytest.raises(GenerationRejected, match="chat model call failed"):
        LLMGenerator(chat_model, "ollama").compose(QUESTION, Language.FR, SOURCES,
                                                   Audience.CITIZEN)


def test_an_unknown_provider_names_the_allowed_ones():
    with pytest.raises(ValueError, match="'openai' or 'ollama'"):
        chat_model_from_settings("mistral", "m", None, None, 5.0)  # type: ignore[arg-type]
