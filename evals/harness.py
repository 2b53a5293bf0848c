"""`guichet eval`: one run of a question set, its report, and optionally baselines, a comparison
with an earlier run, and the calibration of the confidence threshold."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from assistant.compose.generators.llm import chat_model_from_settings
from assistant.retrieve.hybrid import RetrievalMode
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from evals.baselines import (
    ComparisonRow,
    NaiveLangChainRAG,
    RetrieverBaseline,
    compare,
    guichet_row,
)
from evals.calibration import ThresholdOutcome, choose_threshold, sweep
from evals.faithfulness import FaithfulnessChecker
from evals.judge import LLMJudge
from evals.questions import QuestionCase, load_questions
from evals.report import render_report
from evals.runner import EvaluationRunner, read_results, write_results
from evals.summary import Summary, summarise
from indexing.embeddings import create_embedding_backend
from indexing.embeddings.base import EmbeddingBackend
from indexing.errors import EvaluationError

logger = logging.getLogger(__name__)

GeneratorChoice = Literal["extractive", "llm"]
Progress = Callable[[Iterable[QuestionCase]], Iterable[QuestionCase]]


@dataclass(frozen=True)
class EvaluationRequest:
    questions: Path
    report_dir: Path
    generator: GeneratorChoice = "extractive"
    compare: bool = False
    baseline: Path | None = None
    calibrate: bool = False


@dataclass(frozen=True)
class EvaluationOutcome:
    summary: Summary
    report: Path
    results: Path
    comparison: list[ComparisonRow] = field(default_factory=list)
    calibration: list[ThresholdOutcome] = field(default_factory=list)
    chosen: ThresholdOutcome | None = None
    chosen_meets_floor: bool = True


def run_evaluation(request: EvaluationRequest, settings: Settings,
                   progress: Progress = iter) -> EvaluationOutcome:
    try:
        cases = load_questions(request.questions)
        baseline = read_results(request.baseline) if request.baseline else None
    except (OSError, ValueError) as exc:
        raise EvaluationError(str(exc)) from exc
    if not cases:
        raise EvaluationError(f"{request.questions} holds no question")
    settings = _with_generator(settings, request.generator)
    backend = create_embedding_backend(settings.embedding_model)
    ensure_index(settings, backend)
    guichet = Guichet.open(settings, backend)

    runner = EvaluationRunner(guichet, FaithfulnessChecker(backend), judge_from(settings))
    results = runner.run(cases, progress)
    summary = summarise(results)
    comparison = []
    if request.compare:
        comparison = [guichet_row(summary), *_baseline_rows(guichet, backend, settings, cases)]
    calibration, chosen, meets_floor = [], None, True
    if request.calibrate:
        calibration = sweep(lambda threshold: Guichet.open(settings.with_overrides(confidence_threshold=threshold), backend), cases)
        chosen, meets_floor = choose_threshold(calibration)

    request.report_dir.mkdir(parents=True, exist_ok=True)
    results_path = request.report_dir / "results.jsonl"
    report_path = request.report_dir / "report.html"
    write_results(results, results_path)
    report_path.write_text(render_report(f"Guichet evaluation: {request.questions.name}", results,
                                         summary, comparison, baseline), encoding="utf-8")
    return EvaluationOutcome(summary, report_path, results_path, comparison, calibration,
                             chosen, meets_floor)


def judge_from(settings: Settings) -> LLMJudge | None:
    if settings.judge == "none":
        return None
    api_key = settings.judge_api_key.get_secret_value() if settings.judge_api_key else None
    chat_model = chat_model_from_settings(settings.judge, settings.judge_model,
                                          settings.judge_base_url, api_key,
                                          settings.llm_timeout_s)
    return LLMJudge(chat_model, f"{settings.judge}:{settings.judge_model}")


def _with_generator(settings: Settings, generator: GeneratorChoice) -> Settings:
    if generator == "extractive":
        return settings.with_overrides(generator="extractive")
    if settings.generator == "extractive" or not settings.llm_model:
        raise EvaluationError("--generator llm needs an LLM: set GUICHET_GENERATOR=openai or "
                              "ollama and GUICHET_LLM_MODEL (and GUICHET_LLM_BASE_URL / "
                              "GUICHET_LLM_API_KEY as your server needs).")
    return settings


def _baseline_rows(guichet: Guichet, backend: EmbeddingBackend, settings: Settings,
                   cases: list[QuestionCase]) -> list[ComparisonRow]:
    index = guichet.retriever.index
    rows = [compare(RetrieverBaseline(index, backend, mode), cases)
            for mode in (RetrievalMode.HYBRID, RetrievalMode.DENSE, RetrievalMode.LEXICAL)]
    with tempfile.TemporaryDirectory(prefix="guichet-naive-rag-") as work_dir:
        logger.info("building the naive LangChain RAG index in %s", work_dir)
        rows.append(compare(NaiveLangChainRAG(settings.corpus_dir, backend, Path(work_dir)),
                            cases))
    return rows
