"""`report.html`: one self-contained page (plots inlined as PNG, no script, nothing fetched)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from datetime import datetime
from html import escape

from matplotlib.figure import Figure

from evals.baselines import ComparisonRow
from evals.questions import EXPECTATIONS
from evals.runner import CaseResult
from evals.summary import DEFINITIONS, Breakdown, Summary, shown, summarise

FAILURES_SHOWN = 200
STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;
color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;
padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#eef2f7}
.bad{color:#a4161a;font-weight:bold}.good{color:#1b5e20;font-weight:bold}
details{margin:.6rem 0;border:1px solid #ccc;padding:.4rem .8rem}summary{cursor:pointer}
img{max-width:100%}code{background:#f3f3f3;padding:0 .2rem}"""


def render_report(title: str, results: Sequence[CaseResult], summary: Summary,
                  comparison: Sequence[ComparisonRow] = (),
                  baseline: Sequence[CaseResult] | None = None) -> str:
    parts = [f"<h1>{escape(title)}</h1>",
             f"<p>{len(results)} questions, generator <code>{escape(results[0].generator)}"
             f"</code>, run {datetime.now():%Y-%m-%d %H:%M}.</p>",
             "<h2>Headline</h2>", _table(["measure", "value", "definition"],
                                         [[name, value, DEFINITIONS.get(_definition_key(name), "")]
                                          for name, value in summary.headline()]),
             "<h2>Status: expected (rows) against obtained (columns)</h2>",
             _table(["expected \\ got", *EXPECTATIONS],
                    [[want, *(str(summary.confusion[want][got]) for got in EXPECTATIONS)]
                     for want in EXPECTATIONS]),
             "<h2>Per language</h2>", _breakdown_table(summary.by_language),
             "<h2>Per category</h2>", _breakdown_table(summary.by_category),
             _image(_category_bars(summary.by_category), "Status accuracy and hit@1 per category"),
             "<h2>Confidence against correctness</h2>",
             f"<p>Over answers and low-confidence handoffs: a point above the diagonal means "
             f"Guichet is more often right than its confidence says. ECE {summary.ece:.3f}; "
             f"AUROC {shown(summary.auroc)} (how well confidence separates right from wrong).</p>",
             _image(_reliability(summary), "Reliability diagram"),
             "<h2>Latency</h2>", _image(_latency(results), "Latency histogram")]
    if comparison:
        parts += ["<h2>Baselines on the same questions</h2>",
                  _table(["system", "questions", "hit@1", "hit@5", "MRR", "nDCG@5", "p50 ms"],
                         [[row.name, str(row.questions), f"{row.hit1:.3f}", f"{row.hit5:.3f}",
                           f"{row.mrr:.3f}", f"{row.ndcg5:.3f}", f"{row.p50_ms:.0f}"]
                          for row in comparison])]
    if baseline is not None:
        parts += _baseline_diff(results, baseline, summary)
    failures = [r for r in results if not r.correct or r.unsupported_sentences]
    parts += [f"<h2>Failures ({len(failures)})</h2>",
              "<p>Wrong status, wrong procedure cited first, or an answer sentence no cited "
              "section supports.</p>", *(_failure(r) for r in failures[:FAILURES_SHOWN])]
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
            f"</title><style>{STYLE}</style></head><body><main>{''.join(parts)}</main></body>"
            "</html>")


def _definition_key(name: str) -> str:
    if name.startswith("readability"):
        return "readability"
    return name


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th scope='col'>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _breakdown_table(rows: Sequence[Breakdown]) -> str:
    return _table(["group", "questions", "hit@1", "status accuracy", "faithfulness",
                   "handoff recall"],
                  [[row.group, str(row.questions), shown(row.hit1), shown(row.status_accuracy),
                    shown(row.faithfulness), shown(row.handoff_recall)] for row in rows])


def _baseline_diff(results: Sequence[CaseResult], baseline: Sequence[CaseResult],
                   summary: Summary) -> list[str]:
    before = summarise(baseline)
    rows = [[name, old, new] for (name, old), (_, new) in zip(before.headline(),
                                                                summary.headline(), strict=True)]
    earlier = {r.id: r for r in baseline}
    fixed = [r for r in results if r.id in earlier and r.correct and not earlier[r.id].correct]
    broken = [r for r in results if r.id in earlier and not r.correct and earlier[r.id].correct]
    changes = [[r.id, "fixed" if r in fixed else "broken", r.question,
                f"{earlier[r.id].status} → {r.status}"] for r in [*fixed, *broken]]
    return ["<h2>Against the baseline run</h2>", _table(["measure", "baseline", "this run"], rows),
            f"<p><span class='good'>{len(fixed)} fixed</span>, "
            f"<span class='bad'>{len(broken)} broken</span>; "
            f"{len(set(earlier) - {r.id for r in results})} baseline questions not in this run."
            "</p>", _table(["id", "change", "question", "status"], changes)]


def _failure(result: CaseResult) -> str:
    cited = [c["doc_id"] for c in result.answer.get("citations", [])]
    expected = ", ".join(result.expected_doc_ids) or "(no document)"
    facts = [["expected", f"{result.expect} {expected}"],
             ["got", f"{result.status} {', '.join(cited) or '(no citation)'}, confidence "
                     f"{result.confidence:.2f}"],
             ["earlier turns", " / ".join(result.turns) or "none"],
             ["unsupported sentences", " | ".join(result.unsupported_sentences) or "none"],
             ["answer", result.answer.get("answer", "")[:600]]]
    passages = _table(["document", "language", "section", "fused", "dense", "BM25"],
                      [[p["doc_id"], p["language"], p["section"], str(p["fused"]),
                        str(p["dense"]), str(p["bm25"])] for p in result.passages])
    return (f"<details><summary><b>{escape(result.id)}</b> [{escape(result.language)}] "
            f"{escape(result.question)}</summary>{_table(['', ''], facts)}"
            f"<p>Retrieved passages</p>{passages}</details>")


def _image(figure: Figure, alt: str) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"<img src='data:image/png;base64,{encoded}' alt='{escape(alt)}'>"


def _reliability(summary: Summary) -> Figure:
    figure = Figure(figsize=(5, 5))
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    bins = summary.reliability
    axes.plot([b.mean_confidence for b in bins], [b.accuracy for b in bins], marker="o",
              label="Guichet")
    for b in bins:
        axes.annotate(str(b.count), (b.mean_confidence, b.accuracy), textcoords="offset points",
                      xytext=(4, 4), fontsize=8)
    axes.set(xlabel="confidence", ylabel="share correct (right procedure, answerable)",
             xlim=(0, 1), ylim=(0, 1))
    axes.legend(loc="upper left")
    return figure


def _latency(results: Sequence[CaseResult]) -> Figure:
    figure = Figure(figsize=(6, 3.5))
    axes = figure.add_subplot()
    axes.hist([r.latency_s * 1000 for r in results], bins=30, color="#1f5fa8")
    axes.set(xlabel="milliseconds per question", ylabel="questions")
    return figure


def _category_bars(rows: Sequence[Breakdown]) -> Figure:
    figure = Figure(figsize=(8, 0.45 * len(rows) + 1.2))
    axes = figure.add_subplot()
    positions = range(len(rows))
    axes.barh([p + 0.2 for p in positions], [r.status_accuracy for r in rows], height=0.4,
              label="status accuracy", color="#1f5fa8")
    axes.barh([p - 0.2 for p in positions], [r.hit1 or 0.0 for r in rows], height=0.4,
              label="hit@1", color="#e8a33d")
    axes.set_yticks(list(positions), [f"{r.group} ({r.questions})" for r in rows])
    axes.set(xlim=(0, 1))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2)
    return figure
