"""`guichet eval` as an evaluator runs it, and the baselines, over real indexes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.retrieve.hybrid import RetrievalMode
from evals.baselines import NaiveLangChainRAG, RetrieverBaseline, compare
from evals.questions import QuestionCase
from tests.ui.test_cli import run_guichet

pytestmark = pytest.mark.slow

QUESTIONS = [
    {"id": "p1", "language": "fr", "question": "combien coute un passeport", "expect": "answer",
     "expected_doc_ids": ["passeport"], "must_mention": ["passeport"]},
    {"id": "w1", "language": "en", "question": "what is the weather like today",
     "expect": "handoff", "expected_doc_ids": []},
    {"id": "u1", "language": "fr", "question": "mon voisin fait un malaise il ne respire plus",
     "expect": "urgent", "expected_doc_ids": []},
    {"id": "f1", "language": "fr", "question": "et ça coûte combien ?", "expect": "answer",
     "expected_doc_ids": ["passeport"], "turns": ["je dois renouveler mon passeport"]},
]


def write_questions(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return path


def test_eval_writes_results_and_report_then_compares_with_a_baseline(bundled_settings,
                                                                      bundled_guichet, tmp_path):
    questions = write_questions(tmp_path / "set.jsonl", QUESTIONS)
    first = run_guichet("eval", "--questions", str(questions), "--report", str(tmp_path / "one"),
                        data_dir=bundled_settings.data_dir)
    assert first.returncode == 0, first.stderr
    assert "status accuracy" in first.stdout and "urgent recall" in first.stdout
    results = [json.loads(line) for line in (tmp_path / "one" / "results.jsonl").open()]
    assert [r["id"] for r in results] == ["p1", "w1", "u1", "f1"]
    by_id = {r["id"]: r for r in results}
    assert by_id["u1"]["answer"]["handoff"]["channels"][0]["value"] == "112"
    # The follow-up was asked in the conversation its earlier turn started.
    assert by_id["f1"]["turns"] == ["je dois renouveler mon passeport"]
    assert by_id["f1"]["answer"]["citations"][0]["doc_id"] == "passeport"
    assert by_id["p1"]["sentences_checked"] > 0 and by_id["p1"]["citations_valid"] is True
    report = (tmp_path / "one" / "report.html").read_text()
    assert "<h2>Headline</h2>" in report and "data:image/png;base64," in report

    second = run_guichet("eval", "--questions", str(questions), "--report", str(tmp_path / "two"),
                         "--baseline", str(tmp_path / "one" / "results.jsonl"),
                         data_dir=bundled_settings.data_dir)
    assert second.returncode == 0, second.stderr
    assert "Against the baseline run" in (tmp_path / "two" / "report.html").read_text()


def test_a_broken_question_file_is_named_with_its_line(bundled_settings, tmp_path):
    questions = tmp_path / "broken.jsonl"
    questions.write_text(json.dumps(QUESTIONS[0]) + "\n{not json\n")
    run = run_guichet("eval", "--questions", str(questions), "--report", str(tmp_path / "r"),
                      data_dir=bundled_settings.data_dir)
    assert run.returncode == 1
    assert "broken.jsonl:2" in run.stderr
    assert not (tmp_path / "r").exists()


def test_the_llm_generator_needs_a_configured_llm(bundled_settings, tmp_path):
    questions = write_questions(tmp_path / "set.jsonl", QUESTIONS[:1])
    run = run_guichet("eval", "--questions", str(questions), "--generator", "llm",
                      data_dir=bundled_settings.data_dir)
    assert run.returncode == 1 and "GUICHET_GENERATOR" in run.stderr


def test_naive_rag_and_single_retrievers_rank_the_small_corpus(small_corpus, embedding_backend,
                                                               bundled_guichet, tmp_path):
    naive = NaiveLangChainRAG(small_corpus, embedding_backend, tmp_path / "naive")
    assert naive.rank("combien coûte un passeport")[0] == "passeport-test"
    assert {chunk.metadata["doc_id"] for chunk in naive.chunks} == {"passeport-test",
                                                                  "encombrants-test"}
    cases = [QuestionCase("a", "fr", "je veux renouveler mon passeport", "answer", ("passeport",)),
             QuestionCase("b", "fr", "la météo de demain", "handoff")]
    index = bundled_guichet.retriever.index
    for mode in RetrievalMode:
        row = compare(RetrieverBaseline(index, embedding_backend, mode), cases)
        assert row.questions == 1 and row.hit5 == 1.0 and row.mrr >= 0.5, row
