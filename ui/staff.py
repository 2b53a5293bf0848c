"""The staff workbench: a Gradio face over `assistant/` for counters, CPAS and evaluators.

Three tabs: a search that shows the ranked passages with the scores that ranked them, a procedure
in full with its source and review date, and an answer as staff read it (all sections) beside the
citizen's version ready to paste into an e-mail or a letter. Nothing here retrieves, ranks or
composes: every figure and sentence comes from `Guichet`; this module only lays it out.

Labels are French with English in brackets: the staff of Brussels communes read either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import gradio as gr

from assistant.models import Audience, Question
from assistant.service import Guichet
from indexing.errors import InvalidInput
from indexing.models import Language
from ui.staff_views import (
    citizen_text,
    debug_markdown,
    document_choices,
    document_markdown,
    passage_rows,
    staff_markdown,
    status_markdown,
)

TITLE = "Guichet — poste de travail (staff workbench)"
NOT_READY = ("Guichet charge encore son index : réessayez dans un instant. "
             "(Loading, retry shortly; if this lasts, check /api/health.)")
# Gradio runs one call per event at a time by default; a counter has several desks.
CONCURRENT_CALLS = 4
ALL_LANGUAGES = "all"
AUTO_LANGUAGE = "auto"
LANGUAGE_CHOICES = [(code.upper(), code.value) for code in Language]
PASSAGE_HEADERS = ["rang", "doc_id", "langue", "section", "fusion", "sim. dense", "rang dense",
                   "BM25", "rang BM25", "extrait (excerpt)"]
PASSAGE_TYPES = ["number", "str", "str", "str", "number", "number", "number", "number",
                 "number", "str"]



class _WorkbenchCalls:
    """What the workbench's events do; `using()` holds the deployment's Guichet (None while it
    loads) for the length of one call, so that a rebuild cannot remove its files mid-call."""

    def __init__(self, using: Callable[[], AbstractContextManager[Guichet | None]]) -> None:
        self._using = using

    @contextmanager
    def _ready(self) -> Iterator[Guichet]:
        with self._using() as guichet:
            if guichet is None:
                raise gr.Error(NOT_READY, print_exception=False)
            yield guichet

    def on_load(self):
        with self._using() as guichet:
            if guichet is None:
                return NOT_READY, gr.Dropdown()
            manifest = guichet.manifest
            status = (f"Index {manifest.index_version} · {manifest.documents} documents · "
                      f"{manifest.chunks} passages")
            return status, gr.Dropdown(choices=document_choices(guichet.procedures()))

    def search(self, query: str, k: float, language: str) -> list[list]:
        query = query.strip()
        if not query:
            raise gr.Error("Tapez des mots à chercher. (Type some search words.)")
        with self._ready() as guichet:
            if language == ALL_LANGUAGES:
                passages = guichet.search(query, int(k))
            else:
                passages = guichet.retriever.search(query, int(k), [Language(language)])
        return passage_rows(passages)

    @staticmethod
    def open_selected(event: gr.SelectData):
        doc_id, language = event.row_value[1], event.row_value[2]
        return gr.Tabs(selected="document"), doc_id, language

    def show_document(self, doc_id: str | None, language: str) -> str:
        if not doc_id:
            return ""
        with self._ready() as guichet:
            document = guichet.procedure(doc_id, Language(language))
        if document is None:
            return (f"Aucune procédure `{doc_id}` en `{language}`. Choisissez-en une dans la "
                    "liste. (No such procedure in that language; pick one from the list.)")
        return document_markdown(document, guichet.settings.review_age_days)

    def answer(self, text: str, language: str):
        wanted = None if language == AUTO_LANGUAGE else Language(language)
        with self._ready() as guichet:
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


def build_workbench(using: Callable[[], AbstractContextManager[Guichet | None]],
                    max_question_chars: int) -> gr.Blocks:
    """The workbench over the Guichet that `using()` holds (see `_WorkbenchCalls`)."""
    calls = _WorkbenchCalls(using)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as workbench:
        gr.Markdown(f"# {TITLE}")
        status = gr.Markdown(NOT_READY)
        with gr.Tabs() as tabs:
            query, k, search_language, results = _search_tab(max_question_chars)
            doc_id, doc_language, document = _document_tab()
            question, answer_language, ask, answer_outputs = _answer_tab(max_question_chars)
        workbench.load(calls.on_load, outputs=[status, doc_id])
        query.submit(calls.search, [query, k, search_language], results)
        results.select(calls.open_selected, None, [tabs, doc_id, doc_language])
        doc_id.change(calls.show_document, [doc_id, doc_language], document)
        doc_language.change(calls.show_document, [doc_id, doc_language], document)
        ask.click(calls.answer, [question, answer_language], answer_outputs)
        question.submit(calls.answer, [question, answer_language], answer_outputs)
    workbench.queue(default_concurrency_limit=CONCURRENT_CALLS)
    return workbench


def _search_tab(max_question_chars: int):
    with gr.Tab("Recherche (Search)", id="search"):
        with gr.Row():
            query = gr.Textbox(label="Recherche (search words)", scale=4,
                               max_length=max_question_chars, submit_btn=True)
            k = gr.Slider(1, 50, value=10, step=1, label="Passages (k)", scale=1)
            language = gr.Radio([("Toutes (all)", ALL_LANGUAGES), *LANGUAGE_CHOICES],
                                value=ALL_LANGUAGES, label="Langue (language)", scale=1)
        gr.Markdown("Cliquez une ligne pour ouvrir la procédure. "
                    "(Click a row to open the procedure.)")
        results = passage_table("Résultats (results)", "staff-results")
    return query, k, language, results


def _document_tab():
    with gr.Tab("Procédure (Document)", id="document"):
        with gr.Row():
            doc_id = gr.Dropdown([], label="Procédure (doc_id)", allow_custom_value=True,
                                 filterable=True, scale=4)
            language = gr.Radio(LANGUAGE_CHOICES, value=Language.FR.value,
                                label="Langue (language)", scale=1)
        document = gr.Markdown(elem_id="staff-document", line_breaks=True)
    return doc_id, language, document


def _answer_tab(max_question_chars: int):
    with gr.Tab("Réponse (Answer)", id="answer"):
        with gr.Row():
            question = gr.Textbox(label="Question du citoyen (citizen's question)",
                                  lines=2, scale=4, max_length=max_question_chars)
            language = gr.Radio([("Auto", AUTO_LANGUAGE), *LANGUAGE_CHOICES],
                                value=AUTO_LANGUAGE, label="Langue (language)", scale=1)
        ask = gr.Button("Répondre (Answer)", variant="primary")
        answer_status = gr.Markdown(elem_id="staff-answer-status")
        with gr.Row():
            staff_answer = gr.Markdown(label="Réponse complète (staff answer)", show_label=True,
                                       line_breaks=True, elem_id="staff-answer", container=True)
            citizen = gr.Textbox(label="Copier pour le citoyen (copy for the citizen)",
                                 lines=12, interactive=False, buttons=["copy"],
                                 elem_id="staff-citizen-copy")
        with gr.Accordion("Debug (évaluateurs / evaluators)", open=False):
            debug = gr.Markdown(elem_id="staff-debug")
            debug_passages = passage_table("Passages retrouvés (retrieved)",
                                           "staff-debug-passages")
    return question, language, ask, [answer_status, staff_answer, citizen, debug, debug_passages]


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
