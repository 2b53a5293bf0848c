"""The staff workbench: a Gradio face over `assistant/` for counters, CPAS and evaluators.

Three tabs: a search that shows the ranked passages with the scores that ranked them, a procedure
in full with its source and review date, and an answer as staff read it (all sections) beside the
citizen's version ready to paste into an e-mail or a letter. Nothing here retrieves, ranks or
composes: every figure and sentence comes from `Guichet`; this module only lays it out.

Labels are French with English in brackets: the staff of Brussels communes read either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date

import gradio as gr

from assistant.decide.features import FEATURES
from assistant.models import Answer, AnswerStatus, Audience, Citation, Passage, Question
from assistant.pipeline import Resolution
from assistant.service import Guichet
from indexing.errors import InvalidInput
from indexing.models import Channel, ChannelKind, Language, ProcedureDocument, Region
from indexing.review import is_due

TITLE = "Guichet — poste de travail (staff workbench)"
NOT_READY = ("Guichet charge encore son index : réessayez dans un instant. "
             "(Loading, retry shortly; if this lasts, check /api/health.)")
MAX_QUERY_CHARS = 1000
EXCERPT_CHARS = 220
# Gradio runs one call per event at a time by default; a counter has several desks.
CONCURRENT_CALLS = 4
ALL_LANGUAGES = "all"
AUTO_LANGUAGE = "auto"
LANGUAGE_CHOICES = [(code.upper(), code.value) for code in Language]
PASSAGE_HEADERS = ["rang", "doc_id", "langue", "section", "fusion", "sim. dense", "rang dense",
                   "BM25", "rang BM25", "extrait (excerpt)"]
PASSAGE_TYPES = ["number", "str", "str", "str", "number", "number", "number", "number",
                 "number", "str"]
REGIONS = {Region.BRUSSELS: "Région de Bruxelles-Capitale", Region.FEDERAL: "fédéral",
           Region.WALLONIA: "Wallonie", Region.FLANDERS: "Flandre", Region.FRANCE: "France"}
CHANNEL_KINDS = {ChannelKind.PHONE: "Téléphone", ChannelKind.COUNTER: "Guichet",
                 ChannelKind.ONLINE: "En ligne", ChannelKind.DIGITAL_HELP: "Aide numérique",
                 ChannelKind.EMERGENCY: "Urgence"}
SOURCES_HEADING = {Language.FR: "Sources", Language.NL: "Bronnen", Language.EN: "Sources"}
CONTACTS_HEADING = {Language.FR: "Contacts", Language.NL: "Contact", Language.EN: "Contacts"}

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_STAR_BULLET = re.compile(r"^(\s*)[*+]\s+", re.MULTILINE)


def build_workbench(using: Callable[[], AbstractContextManager[Guichet | None]]) -> gr.Blocks:
    """The workbench; `using()` holds the deployment's Guichet (None while it loads) for the
    length of one call, so that a rebuild cannot remove its files mid-call."""

    @contextmanager
    def ready() -> Iterator[Guichet]:
        with using() as guichet:
            if guichet is None:
                raise gr.Error(NOT_READY, print_exception=False)
            yield guichet

    def on_load():
        with using() as guichet:
            if guichet is None:
                return NOT_READY, gr.Dropdown()
            return _status(guichet), gr.Dropdown(choices=document_choices(guichet.procedures()))

    def _status(guichet: Guichet) -> str:
        manifest = guichet.manifest
        return (f"Index {manifest.index_version} · {manifest.documents} documents · "
                f"{manifest.chunks} passages")

    def search(query: str, k: float, language: str) -> list[list]:
        query = query.strip()
        if not query:
            raise gr.Error("Tapez des mots à chercher. (Type some search words.)")
        with ready() as guichet:
            if language == ALL_LANGUAGES:
                passages = guichet.search(query, int(k))
            else:
                passages = guichet.retriever.search(query, int(k), [Language(language)])
        return passage_rows(passages)

    def open_selected(event: gr.SelectData):
        doc_id, language = event.row_value[1], event.row_value[2]
        return gr.Tabs(selected="document"), doc_id, language

    def show_document(doc_id: str | None, language: str) -> str:
        if not doc_id:
            return ""
        with ready() as guichet:
            document = guichet.procedure(doc_id, Language(language))
        if document is None:
            return (f"Aucune procédure `{doc_id}` en `{language}`. Choisissez-en une dans la "
                    "liste. (No such procedure in that language; pick one from the list.)")
        return document_markdown(document, guichet.settings.review_age_days)

    def answer(text: str, language: str):
        wanted = None if language == AUTO_LANGUAGE else Language(language)
        with ready() as guichet:
            try:
                staff = guichet.ask(Question(text, wanted, audience=Audience.STAFF))
                citizen = guichet.ask(Question(text, staff.language, audience=Audience.CITIZEN))
            except InvalidInput as exc:
                raise gr.Error(str(exc), print_exception=False) from exc
            resolution = guichet.explain(staff.question, staff.language)
            return (status_markdown(staff, guichet.pipeline.steps.policy.threshold),
                    staff_markdown(staff, guichet.settings.review_age_days),
                    citizen_text(citizen),
                    debug_markdown(resolution, guichet.pipeline.generator_name),
                    passage_rows(resolution.candidates.passages))

    with gr.Blocks(title=TITLE, analytics_enabled=False) as workbench:
        gr.Markdown(f"# {TITLE}")
        status = gr.Markdown(NOT_READY)
        with gr.Tabs() as tabs:
            with gr.Tab("Recherche (Search)", id="search"):
                with gr.Row():
                    query = gr.Textbox(label="Recherche (search words)", scale=4,
                                       max_length=MAX_QUERY_CHARS, submit_btn=True)
                    k = gr.Slider(1, 50, value=10, step=1, label="Passages (k)", scale=1)
                    search_language = gr.Radio(
                        [("Toutes (all)", ALL_LANGUAGES), *LANGUAGE_CHOICES],
                        value=ALL_LANGUAGES, label="Langue (language)", scale=1)
                gr.Markdown("Cliquez une ligne pour ouvrir la procédure. "
                            "(Click a row to open the procedure.)")
                results = passage_table("Résultats (results)", "staff-results")
            with gr.Tab("Procédure (Document)", id="document"):
                with gr.Row():
                    doc_id = gr.Dropdown([], label="Procédure (doc_id)", allow_custom_value=True,
                                         filterable=True, scale=4)
                    doc_language = gr.Radio(LANGUAGE_CHOICES, value=Language.FR.value,
                                            label="Langue (language)", scale=1)
                document = gr.Markdown(elem_id="staff-document", line_breaks=True)
            with gr.Tab("Réponse (Answer)", id="answer"):
                with gr.Row():
                    question = gr.Textbox(label="Question du citoyen (citizen's question)",
                                          lines=2, scale=4, max_length=MAX_QUERY_CHARS)
                    answer_language = gr.Radio(
                        [("Auto", AUTO_LANGUAGE), *LANGUAGE_CHOICES], value=AUTO_LANGUAGE,
                        label="Langue (language)", scale=1)
                ask = gr.Button("Répondre (Answer)", variant="primary")
                answer_status = gr.Markdown(elem_id="staff-answer-status")
                with gr.Row():
                    staff_answer = gr.Markdown(label="Réponse complète (staff answer)",
                                               show_label=True, line_breaks=True,
                                               elem_id="staff-answer", container=True)
                    citizen = gr.Textbox(label="Copier pour le citoyen (copy for the citizen)",
                                         lines=12, interactive=False, buttons=["copy"],
                                         elem_id="staff-citizen-copy")
                with gr.Accordion("Debug (évaluateurs / evaluators)", open=False):
                    debug = gr.Markdown(elem_id="staff-debug")
                    debug_passages = passage_table("Passages retrouvés (retrieved)",
                                                   "staff-debug-passages")

        workbench.load(on_load, outputs=[status, doc_id])
        query.submit(search, [query, k, search_language], results)
        results.select(open_selected, None, [tabs, doc_id, doc_language])
        doc_id.change(show_document, [doc_id, doc_language], document)
        doc_language.change(show_document, [doc_id, doc_language], document)
        answer_outputs = [answer_status, staff_answer, citizen, debug, debug_passages]
        ask.click(answer, [question, answer_language], answer_outputs)
        question.submit(answer, [question, answer_language], answer_outputs)
    workbench.queue(default_concurrency_limit=CONCURRENT_CALLS)
    return workbench


def workbench_theme() -> gr.themes.Base:
    """Gradio's default look, darkened where its colours fail WCAG AA contrast on white
    (selected tab, the slider's bounds, white text on the primary button)."""
    return gr.themes.Default(primary_hue="blue").set(
        color_accent="*primary_700", body_text_color_subdued="*neutral_600",
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white")


def passage_table(label: str, elem_id: str) -> gr.Dataframe:
    return gr.Dataframe(headers=PASSAGE_HEADERS, datatype=PASSAGE_TYPES, label=label,
                        interactive=False, wrap=True, elem_id=elem_id,
                        column_widths=["6%", "14%", "7%", "12%", "8%", "8%", "7%", "7%", "7%",
                                       "24%"])


def document_choices(documents: Sequence[ProcedureDocument]) -> list[tuple[str, str]]:
    """One entry per procedure, titled in French when it exists in French."""
    titles: dict[str, str] = {}
    for document in documents:
        if document.language is Language.FR or document.doc_id not in titles:
            titles[document.doc_id] = document.title
    return [(f"{doc_id} — {title}", doc_id) for doc_id, title in sorted(titles.items())]


def passage_rows(passages: Sequence[Passage]) -> list[list]:
    return [[rank, p.chunk.doc_id, p.chunk.language.value, p.chunk.heading,
             _rounded(p.fused_score, 4), _rounded(p.dense_similarity, 3), p.dense_rank,
             _rounded(p.lexical_score, 2), p.lexical_rank, _excerpt(p.chunk.text)]
            for rank, p in enumerate(passages, start=1)]


def review_warning(reviewed: date, review_age_days: int, today: date | None = None) -> str:
    """For staff only: a page past the deployment's review age may hold outdated facts. Citizens
    are not told, as they cannot act on it; staff can check the official page."""
    if not is_due(reviewed, today or date.today(), review_age_days):
        return ""
    return (f"⚠ vérifiée le {reviewed:%d/%m/%Y}, plus de {review_age_days} jours : à revoir, "
            f"vérifiez la page officielle (due for review)")


def document_markdown(document: ProcedureDocument, review_age_days: int,
                      today: date | None = None) -> str:
    url = document.source_url
    warning = review_warning(document.reviewed, review_age_days, today)
    lines = [f"## {document.title}", "", document.summary, "",
             f"- **Région (region)** : {REGIONS[document.region]}",
             f"- **Source** : [{url}]({url})",
             f"- **Vérifié le {document.reviewed:%d/%m/%Y}** (reviewed)"
             + (f" — **{warning}**" if warning else ""),
             f"- **Identifiant (id)** : `{document.doc_id}` ({document.language.value})"]
    if document.contacts:
        lines += ["", "### Contacts", "", *(f"- {_channel(c, markdown=True)}"
                                            for c in document.contacts)]
    for section in document.sections:
        lines += ["", f"### {section.heading}", "", section.text.strip()]
    return "\n".join(lines)


def status_markdown(answer: Answer, threshold: float) -> str:
    shows_reason = answer.handoff is not None and answer.status is not AnswerStatus.ANSWER
    reason = f" · {answer.handoff.reason}" if shows_reason else ""
    return (f"**Statut (status)** : `{answer.status.value}`{reason} · **confiance "
            f"(confidence)** : {answer.confidence:.2f} (seuil {threshold:.2f}) · "
            f"**langue** : {answer.language.value}")


def staff_markdown(answer: Answer, review_age_days: int, today: date | None = None) -> str:
    parts = [answer.answer]
    if answer.citations:
        parts.append("**Sources**\n\n" + "\n".join(
            f"[{number}] {c.title} — {c.section} — [{c.url}]({c.url})"
            + (f" — {c.attribution}, {c.updated}" if c.attribution else "")
            + _citation_warning(c, review_age_days, today)
            for number, c in enumerate(answer.citations, start=1)))
    if answer.handoff and answer.handoff.channels:
        parts.append("**Contacts**\n\n" + "\n".join(
            f"- {_channel(c, markdown=True)}" for c in answer.handoff.channels))
    return "\n\n".join(parts)


def _citation_warning(citation: Citation, review_age_days: int, today: date | None) -> str:
    if not citation.updated:
        return ""
    warning = review_warning(date.fromisoformat(citation.updated), review_age_days, today)
    return f" — **{warning}**" if warning else ""


def citizen_text(answer: Answer) -> str:
    """The citizen's answer as plain text: no Markdown, sources as numbered URLs at the end."""
    parts = [plain_text(answer.answer)]
    if answer.citations:
        parts.append(f"{SOURCES_HEADING[answer.language]} :\n" + "\n".join(
            f"[{number}] {c.url}" for number, c in enumerate(answer.citations, start=1)))
    elif answer.handoff and answer.handoff.channels:
        parts.append(f"{CONTACTS_HEADING[answer.language]} :\n" + "\n".join(
            f"- {_channel(c, markdown=False)}" for c in answer.handoff.channels))
    return "\n\n".join(parts)


def plain_text(markdown: str) -> str:
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2)
                     else f"{m.group(1)} ({m.group(2)})", markdown)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _HEADING.sub("", text)
    return _STAR_BULLET.sub(r"\1- ", text).strip()


def debug_markdown(resolution: Resolution, generator: str) -> str:
    """The ranked procedures with the model's score and the evidence behind it."""
    ranking = resolution.ranking
    header = "| doc_id | score | " + " | ".join(FEATURES) + " |"
    rows = [f"| {c.doc_id} | {logit:.2f} | "
            + " | ".join(f"{c.features[name]:.2f}" for name in FEATURES) + " |"
            for c, logit in zip(ranking.candidates, ranking.logits, strict=True)]
    return "\n".join([
        f"**Générateur (generator)** : `{generator}` · **décision (decision)** : "
        f"`{resolution.decision.action}` · **probabilité (probability)** : "
        f"**{ranking.probability:.3f}**", "", header,
        "|" + "---|" * (len(FEATURES) + 2), *rows])


def _channel(channel: Channel, *, markdown: bool) -> str:
    value = channel.value
    if markdown and value.startswith(("http://", "https://")):
        value = f"[{value}]({value})"
    hours = f" ({channel.hours})" if channel.hours else ""
    kind = CHANNEL_KINDS[channel.kind]
    label = f"**{channel.label}**" if markdown else channel.label
    return f"{kind} · {label} : {value}{hours}"


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
