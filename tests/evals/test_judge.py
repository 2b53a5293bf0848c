"""The optional LLM judge, through the real ChatOpenAI client against the scripted server.

The scripted server stands in for a hosted judge model (nothing real can run here)."""

from __future__ import annotations

import pytest

from assistant.compose.generators.llm import chat_model_from_settings
from evals.faithfulness import FaithfulnessChecker
from evals.judge import LLMJudge
from evals.questions import QuestionCase
from evals.runner import EvaluationRunner
from evals.summary import summarise
from tests.scripted_openai import ScriptedOpenAIServer


@pytest.fixture
def judge_server():
    with ScriptedOpenAIServer() as server:
        yield server


def judge_of(server) -> LLMJudge:
    return LLMJudge(chat_model_from_settings("openai", "judge", server.base_url, None, 5.0),
                    "openai:judge")


def test_scores_are_read_from_the_judges_json(judge_server):
    judge = judge_of(judge_server)
    judge_server.script('{"score": 0.75, "reason": "one claim unsupported"}')
    assert judge.faithfulness("Le passeport coûte 75 euros [1].", ["Coût : 75 euros."]) == 0.75
    prompt = judge_server.requests[-1]["messages"][-1]["content"]
    assert "[1] Coût : 75 euros." in prompt and "Le passeport coûte 75 euros" in prompt


@pytest.mark.parametrize("reply, status", [("I think it is fine", 200), ('{"score": 7}', 200),
                                           ("", 500)])
def test_a_reply_without_a_valid_score_counts_as_no_score(judge_server, reply, status):
    judge_server.script(reply, status=status)
    assert judge_of(judge_server).relevancy("combien coûte un passeport", "75 euros") is None


@pytest.mark.slow
def test_judged_answers_carry_both_scores_into_the_summary(judge_server, bundled_guichet,
                                                           embedding_backend):
    judge_server.script('{"score": 1}')
    judge_server.script('{"score": 0.5}')
    runner = EvaluationRunner(bundled_guichet, FaithfulnessChecker(embedding_backend),
                              judge_of(judge_server))
    results = runner.run([QuestionCase("p", "fr", "combien coûte un passeport", "answer",
                                       ("passeport",)),
                          QuestionCase("w", "en", "what is the weather like", "handoff")])
    assert (results[0].judge_faithfulness, results[0].judge_relevancy) == (1.0, 0.5)
    assert results[1].judge_faithfulness is None  # a handoff is not judged
    assert len(judge_server.requests) == 2
    summary = summarise(results)
    assert ("judge relevancy", "0.500") in summary.headline()
