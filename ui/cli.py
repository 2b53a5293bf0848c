"""The `guichet` command: index, search, ask, eval, corpus review, serve.

Domain errors become clean messages here."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from assistant.models import Answer, Audience, Citation, Question
from assistant.service import Guichet, ensure_index
from assistant.settings import Settings
from indexing.builder import build_index
from indexing.embeddings import create_embedding_backend
from indexing.errors import GuichetError, InvalidInput
from indexing.models import Language
from indexing.service_public import ServicePublicExport
from ui.corpus_commands import add_corpus_commands
from ui.schemas.responses import AnswerOut, PassageOut

logger = logging.getLogger("guichet")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        options = (("corpus_dir", getattr(args, "corpus", None)),
                   ("collection", getattr(args, "collection", None)),
                   ("host", getattr(args, "host", None)), ("port", getattr(args, "port", None)))
        settings = Settings().with_overrides(**{k: v for k, v in options if v is not None})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}"
                             for e in exc.errors())
        print(f"guichet: invalid setting ({problems}); fix the option or the GUICHET_* "
              "variable", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        return args.command(args, settings)
    except GuichetError as exc:
        print(f"guichet: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guichet", description="Guichet: answers about "
                                     "public procedures, with sources, and a human when unsure.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    index = commands.add_parser("index", help="build the index of the corpus")
    index.add_argument("--corpus", help="corpus folder (default: GUICHET_CORPUS_DIR or the "
                       "bundled corpus)")
    index.add_argument("--rebuild", action="store_true", help="rebuild even if up to date")
    index.add_argument("--source", choices=["markdown", "service-public"], default="markdown",
                       help="'service-public': import a service-public.fr export (JSON Lines)")
    index.add_argument("export", nargs="?", type=Path, help="the export file, for --source "
                       "service-public")
    _collection_option(index)
    index.set_defaults(command=run_index)

    search = commands.add_parser("search", help="ranked passages for a query (no answer)")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=None, help="number of passages (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    _collection_option(search)
    search.set_defaults(command=run_search)

    ask = commands.add_parser("ask", help="answer one question, with sources or a human channel")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--lang", choices=[lang.value for lang in Language],
                     help="language of the answer (default: detected)")
    ask.add_argument("--conversation", help="conversation id of an earlier answer (follow-ups)")
    ask.add_argument("--audience", choices=[a.value for a in Audience], default="citizen",
                     help="'staff' gets the full sections")
    _collection_option(ask)
    ask.set_defaults(command=run_ask)

    _add_eval_command(commands)
    add_corpus_commands(commands)

    serve = commands.add_parser("serve", help="serve the web app and API")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    _collection_option(serve)
    serve.set_defaults(command=run_serve)
    return parser


def _add_eval_command(commands) -> None:
    evaluate = commands.add_parser("eval", help="run a question set and write a report")
    evaluate.add_argument("--questions", type=Path, required=True,
                          help="question set (JSON Lines, e.g. evals/questions/dev.jsonl)")
    evaluate.add_argument("--report", type=Path, default=Path("eval-report"),
                          help="folder for report.html and results.jsonl (default eval-report)")
    evaluate.add_argument("--generator", choices=["extractive", "llm"], default="extractive",
                          help="'llm' uses the LLM of GUICHET_GENERATOR / GUICHET_LLM_*")
    evaluate.add_argument("--compare", action="store_true",
                          help="also rank with BM25, dense, the plain hybrid and naive RAG")
    evaluate.add_argument("--baseline", type=Path,
                          help="results.jsonl of an earlier run, to show what changed")
    evaluate.add_argument("--calibrate", action="store_true",
                          help="sweep the confidence threshold on these questions (dev only)")
    _collection_option(evaluate)
    evaluate.set_defaults(command=run_eval)


def _collection_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--collection", help="named collection (default: GUICHET_COLLECTION, "
                         "or the corpus folder)")


def _progress_bar(total: int) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(total=total, unit="chunk", desc="Embedding", file=sys.stderr)

    def advance(done: int) -> None:
        bar.update(done)
        if bar.n >= bar.total:
            bar.close()

    return advance


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    started = time.perf_counter()
    backend = create_embedding_backend(settings.embedding_model)
    if args.source == "service-public":
        if args.export is None or not settings.collection:
            print("guichet: --source service-public needs the export file and --collection "
                  "NAME, e.g. guichet index --source service-public fiches.jsonl "
                  "--collection service-public", file=sys.stderr)
            return 2
        report = build_index(ServicePublicExport(args.export), settings.index_dir, backend,
                             rebuild=args.rebuild, progress=_progress_bar,
                             cache_path=settings.embedding_cache if settings.cache_dir else None)
    else:
        report = ensure_index(settings.with_overrides(collection=""), backend,
                              rebuild=args.rebuild, progress=_progress_bar)
    manifest = report.manifest
    state = "built" if report.rebuilt else "already up to date"
    print(f"Index {manifest.index_version} {state}: {manifest.documents} documents, "
          f"{manifest.chunks} chunks, {time.perf_counter() - started:.1f} s "
          f"(model {manifest.embedding_model}, data in {settings.index_dir}).")
    if report.problems:
        print(f"{len(report.problems)} skipped, the index holds the rest; fix what is listed "
              "and run 'guichet index' again:", file=sys.stderr)
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    passages = Guichet.open(settings).search(args.query, args.k)
    if args.json:
        print(json.dumps([PassageOut.from_passage(p).model_dump() for p in passages],
                         ensure_ascii=False, indent=2))
        return 0
    if not passages:
        print("No passage found.")
    for rank, passage in enumerate(passages, start=1):
        chunk = passage.chunk
        print(f"{rank:>2}. {chunk.doc_id} [{chunk.language}] {chunk.heading}  "
              f"fused={passage.fused_score:.4f} dense={_score(passage.dense_similarity)}"
              f"#{passage.dense_rank or '-'} bm25={_score(passage.lexical_score)}"
              f"#{passage.lexical_rank or '-'}")
        print(f"    {' '.join(chunk.text.split())[:160]}")
    return 0


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    question = Question(args.question, Language(args.lang) if args.lang else None,
                        args.conversation, Audience(args.audience))
    try:
        answer = Guichet.open(settings).ask(question)
    except InvalidInput as exc:
        print(f"guichet: {exc.field}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(AnswerOut.from_answer(answer).model_dump_json(indent=2))
    else:
        print(_readable(answer))
    return 0


def _readable(answer: Answer) -> str:
    """The answer, then numbered sources, then the human channels: what a counter agent reads."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", "Sources:"]
        lines += [f"  [{n}] {c.title} ({c.section}) {c.url}{_credit(c)}"
                  for n, c in enumerate(answer.citations, start=1)]
    if answer.handoff and answer.handoff.channels:
        lines += ["", "Contacts:"]
        for channel in answer.handoff.channels:
            hours = f" ({channel.hours})" if channel.hours else ""
            lines.append(f"  - {channel.label}: {channel.value}{hours}")
    lines += ["", f"[{answer.status.value}, confidence {answer.confidence:.2f}, "
                  f"conversation {answer.conversation_id}]"]
    return "\n".join(lines)


def _credit(citation: Citation) -> str:
    if not citation.attribution:
        return ""
    return f" ({citation.attribution}, updated {citation.updated})"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from evals.harness import EvaluationRequest, run_evaluation

    # One log line per question would break the progress bar; the report holds every answer.
    if settings.log_level != "DEBUG":
        logging.getLogger("assistant").setLevel(logging.WARNING)
    request = EvaluationRequest(args.questions, args.report, args.generator, args.compare,
                                args.baseline, args.calibrate)
    outcome = run_evaluation(request, settings, lambda cases: tqdm(
        cases, desc="Questions", unit="question", file=sys.stderr))
    width = max(len(name) for name, _ in outcome.summary.headline())
    for name, value in outcome.summary.headline():
        print(f"{name:<{width}}  {value}")
    if outcome.comparison:
        print("\n| system | questions | hit@1 | hit@5 | MRR | nDCG@5 | p50 ms |")
        print("|---|---|---|---|---|---|---|")
        for row in outcome.comparison:
            print(f"| {row.name} | {row.questions} | {row.hit1:.3f} | {row.hit5:.3f} | "
                  f"{row.mrr:.3f} | {row.ndcg5:.3f} | {row.p50_ms:.0f} |")
    if outcome.calibration:
        print("\n| threshold | correct answers | handoff recall | status accuracy |")
        print("|---|---|---|---|")
        for point in outcome.calibration:
            print(f"| {point.threshold:.3f} | {point.correct_answers} | "
                  f"{point.handoff_recall:.3f} | {point.status_accuracy:.3f} |")
        floor = "" if outcome.chosen_meets_floor else " (no threshold reaches the recall floor)"
        print(f"\nChosen: GUICHET_CONFIDENCE_THRESHOLD={outcome.chosen.threshold}{floor}")
    print(f"\nReport: {outcome.report}\nResults: {outcome.results}")
    return 0


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from ui.api import create_app

    # uvicorn's access log prints query strings (citizens' questions); the app logs paths only.
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level=settings.log_level.lower(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
