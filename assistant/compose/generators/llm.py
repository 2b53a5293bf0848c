"""An answer generator that asks a chat model (a hosted API or a local Ollama) to write the answer.

The model sees only the numbered sources and is told to cite one on every sentence; what it
writes is then held to that by `check_citations`, because a prompt is a request, not a
guarantee. Any failure, of the model or of its server, becomes GenerationRejected, so the
pipeline falls back to the extractive answer instead of showing an error to the citizen.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Sequence
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

from indexing.errors import GenerationRejected
from assistant.compose.generators.citations import check_citations
from assistant.models import Audience, Draft, Source
from indexing.models import Language

logger = logging.getLogger(__name__)

NO_ANSWER = "NO_ANSWER"
CITIZEN_MAX_WORDS = 120

_SYSTEM_PROMPTS: dict[Language, str] = {
    Language.FR: (
        "Vous aidez les habitants de Belgique dans leurs démarches administratives.\n"
        "Répondez en français, UNIQUEMENT avec ce que disent les sources numérotées.\n"
        "Terminez chaque phrase par le numéro de la source d'où elle vient, par exemple [1].\n"
        "Si les sources ne répondent pas à la question, écrivez seulement : {no_answer}\n"
        "Ne donnez jamais un numéro de téléphone, une adresse e-mail ou une adresse web "
        "qui n'est pas écrit dans une source.\n"
        "Écrivez des phrases courtes, avec des mots de tous les jours. "
        "Parlez au lecteur en disant « vous ».\n"
        "{length}"
    ),
    Language.NL: (
        "U helpt inwoners van België met hun administratieve stappen.\n"
        "Antwoord in het Nederlands, ENKEL met wat de genummerde bronnen zeggen.\n"
        "Eindig elke zin met het nummer van de bron waar hij vandaan komt, bijvoorbeeld [1].\n"
        "Als de bronnen de vraag niet beantwoorden, schrijf dan alleen: {no_answer}\n"
        "Geef nooit een telefoonnummer, e-mailadres of webadres dat niet in een bron staat.\n"
        "Schrijf korte zinnen, met gewone woorden. Spreek de lezer aan met 'u'.\n"
        "{length}"
    ),
    Language.EN: (
        "You help people living in Belgium with administrative procedures.\n"
        "Answer in English, using ONLY what the numbered sources say.\n"
        "End every sentence with the number of the source it comes from, for example [1].\n"
        "If the sources do not answer the question, write only: {no_answer}\n"
        "Never give a phone number, e-mail address or web address that is not written "
        "in a source.\n"
        "Write short sentences in everyday words. Speak to the reader as 'you'.\n"
        "{length}"
    ),
}

_LENGTH_RULES: dict[Language, dict[Audience, str]] = {
    Language.FR: {
        Audience.CITIZEN: f"Utilisez au plus {CITIZEN_MAX_WORDS} mots.",
        Audience.STAFF: "Le lecteur est un agent : donnez tous les détails utiles des sources.",
    },
    Language.NL: {
        Audience.CITIZEN: f"Gebruik hoogstens {CITIZEN_MAX_WORDS} woorden.",
        Audience.STAFF: "De lezer is een medewerker: geef alle nuttige details uit de bronnen.",
    },
    Language.EN: {
        Audience.CITIZEN: f"Use at most {CITIZEN_MAX_WORDS} words.",
        Audience.STAFF: "The reader is a staff member: give every useful detail of the sources.",
    },
}

_USER_PROMPTS: dict[Language, str] = {
    Language.FR: "Sources :\n\n{sources}\n\nQuestion : {question}",
    Language.NL: "Bronnen:\n\n{sources}\n\nVraag: {question}",
    Language.EN: "Sources:\n\n{sources}\n\nQuestion: {question}",
}


def render_source(source: Source) -> str:
    """One source as the model reads it: number, title and section, text, then its address."""
    chunk = source.passage.chunk
    return f"[{source.number}] {chunk.title} — {chunk.heading}\n{chunk.text}\n({chunk.url})"


def build_messages(question: str, language: Language, sources: Sequence[Source],
                   audience: Audience) -> list[BaseMessage]:
    """The system rules and the user turn (sources, then question) sent to the chat model."""
    system = _SYSTEM_PROMPTS[language].format(no_answer=NO_ANSWER,
                                              length=_LENGTH_RULES[language][audience])
    rendered = "\n\n".join(render_source(source) for source in sources)
    user = _USER_PROMPTS[language].format(sources=rendered, question=question)
    return [SystemMessage(content=system), HumanMessage(content=user)]


def check_reply(text: str, given: Collection[int]) -> Draft:
    """`check_citations`, after turning the model's "no answer" signal into a rejection."""
    if NO_ANSWER in text:
        raise GenerationRejected("model found no answer in the sources")
    return check_citations(text, given)


class LLMGenerator:
    """Writes the answer with a LangChain chat model, then checks its citations."""

    def __init__(self, chat_model: BaseChatModel, name: str) -> None:
        self.name = name
        self._chat_model = chat_model

    def compose(self, question: str, language: Language, sources: Sequence[Source],
                audience: Audience) -> Draft:
        messages = build_messages(question, language, sources, audience)
        try:
            reply = self._chat_model.invoke(messages)
        # Each provider raises its own types (openai, httpx, ollama, OSError); every one of
        # them means the same thing here: no usable answer, use the fallback.
        except Exception as exc:
            raise self._client_failure(exc) from exc
        return check_reply(str(reply.text), {source.number for source in sources})

    def stream(self, question: str, language: Language, sources: Sequence[Source],
               audience: Audience) -> Iterator[str]:
        """The answer's text as it is written; the caller checks the whole with `check_reply`."""
        messages = build_messages(question, language, sources, audience)
        try:
            for chunk in self._chat_model.stream(messages):
                if delta := str(chunk.text):
                    yield delta
        except Exception as exc:  # as in compose: any client failure means "fall back"
            raise self._client_failure(exc) from exc

    def _client_failure(self, exc: Exception) -> GenerationRejected:
        logger.warning("generator %s: chat model call failed: %s: %s",
                       self.name, type(exc).__name__, exc)
        return GenerationRejected(f"chat model call failed ({type(exc).__name__})")


def chat_model_from_settings(provider: Literal["openai", "ollama"], model: str,
                             base_url: str | None, api_key: str | None,
                             timeout_s: float) -> BaseChatModel:
    """A chat model for the deployer's provider, deterministic and failing fast on timeout."""
    if provider == "openai":
        # Retries are off: a slow model is a reason to fall back now, not to wait three times.
        # Local OpenAI-compatible servers ignore the key, but the client refuses to start without.
        # Some model names (gpt-5-pro, *codex*) would switch the client to the Responses API,
        # which local servers do not speak.
        return ChatOpenAI(model=model, base_url=base_url, api_key=api_key or "not-needed",
                          timeout=timeout_s, max_retries=0, temperature=0,
                          use_responses_api=False)
    if provider == "ollama":
        # ChatOllama has no timeout field; its httpx client takes one through client_kwargs.
        return ChatOllama(model=model, base_url=base_url, temperature=0,
                          client_kwargs={"timeout": timeout_s})
    raise ValueError(f"unknown chat model provider {provider!r}: use 'openai' or 'ollama'")
