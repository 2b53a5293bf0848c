"""An optional LLM judge, for deployers who can run one: faithfulness and answer relevancy.

The two scores follow the usual RAG-evaluation definitions (as in ragas): faithfulness is the
share of the answer's claims that the cited passages support; relevancy is how directly the
answer addresses the question. The judge is any chat model LangChain reaches (an
OpenAI-compatible server or Ollama), asked for a JSON score; a reply that is not one counts as
no score, never as zero. Nothing here runs unless `GUICHET_JUDGE` is set.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

logger = logging.getLogger(__name__)

SYSTEM = ("You grade answers of a public-service assistant. Reply with JSON only: "
          '{"score": <number from 0 to 1>, "reason": "<one sentence>"}.')
FAITHFULNESS = ("Passages:\n{passages}\n\nAnswer:\n{answer}\n\nSplit the answer into its factual "
                "claims. The score is the share of those claims that the passages state or "
                "directly imply. Advice to contact a service counts as supported.")
RELEVANCY = ("Question:\n{question}\n\nAnswer:\n{answer}\n\nThe score is how directly and "
             "completely the answer addresses this question: 1 if it does, 0 if it is about "
             "something else.")
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


class LLMJudge:
    def __init__(self, chat_model: BaseChatModel, name: str) -> None:
        self.name = name
        self._chat_model = chat_model

    def faithfulness(self, answer: str, passages: Sequence[str]) -> float | None:
        listed = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(passages, start=1))
        return self._score(FAITHFULNESS.format(passages=listed, answer=answer))

    def relevancy(self, question: str, answer: str) -> float | None:
        return self._score(RELEVANCY.format(question=question, answer=answer))

    def _score(self, prompt: str) -> float | None:
        try:
            reply = self._chat_model.invoke([SystemMessage(SYSTEM), HumanMessage(prompt)])
        except Exception as exc:  # any client or server failure: this answer goes unscored
            logger.warning("judge %s failed (%s: %s)", self.name, type(exc).__name__, exc)
            return None
        found = _JSON_OBJECT.search(str(reply.content))
        try:
            score = float(json.loads(found.group(0))["score"]) if found else None
        except (ValueError, KeyError, TypeError):
            score = None
        if score is None or not 0.0 <= score <= 1.0:
            logger.warning("judge %s gave no score in 0-1: %.120r", self.name, reply.content)
            return None
        return score
