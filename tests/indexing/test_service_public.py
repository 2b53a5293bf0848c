"""The service-public.fr importer, incremental and resumable builds, and serving a collection.

The data is a 50-record slice of the real export (tests/data/ORIGIN.md)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from assistant.models import AnswerStatus, Question
from assistant.service import Guichet
from indexing.builder import build_index
from indexing.chunking import chunk_documents, search_text
from indexing.models import ChannelKind, Language, Region, SectionKind
from indexing.reader import open_index
from indexing.service_public import (
    ATTRIBUTION,
    ServicePublicExport,
    document_of,
    kind_of,
)

SLICE = Path(__file__).resolve().parents[1] / "data" / "service-public-50.jsonl"
GUICHET = Path(sys.executable).parent / "guichet"


def records() -> list[dict]:
    return [json.loads(line) for line in SLICE.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_record_of_the_slice_becomes_a_french_document_with_its_attribution():
    load = ServicePublicExport(SLICE).load()
    assert load.problems == [] and len(load.documents) == 50
    first = load.documents[0]
    assert first.doc_id == "f1" and first.region is Region.FRANCE
    assert first.source_url == "https://www.service-public.fr/particuliers/vosdroits/F1"
    assert first.reviewed == date(2020, 1, 1) and first.attribution == ATTRIBUTION
    assert "Impôt sur le revenu : déductions, réductions et crédits d'impôt" in first.keywords
    kinds = {section.kind for section in first.sections}
    assert {SectionKind.WHO, SectionKind.COST} <= kinds
    assert any(c.kind is ChannelKind.ONLINE and c.value.startswith("https://")
               for c in first.contacts)
    assert not any(c.kind is ChannelKind.PHONE for d in load.documents for c in d.contacts)


@pytest.mark.parametrize("heading, kind", [
    ("Qui est concerné ?", SectionKind.WHO), ("Démarche", SectionKind.HOW),
    ("Coût", SectionKind.COST), ("Montant de l'aide", SectionKind.COST),
    ("Durée de validité", SectionKind.DELAY), ("Pièces à fournir", SectionKind.DOCUMENTS),
    ("Recours", SectionKind.HELP), ("Alsace-Moselle", SectionKind.DETAILS)])
def test_headings_are_mapped_onto_section_kinds(heading, kind):
    assert kind_of(heading) is kind


def test_several_headings_of_one_kind_are_merged_and_keep_their_own_titles():
    row = {**records()[0], "text": "Intro.\n### Coût\nDix euros.\n### Montant\nVingt euros."}
    document = document_of(row, "x:1")
    cost = next(s for s in document.sections if s.kind is SectionKind.COST)
    assert cost.text == "**Coût**\n\nDix euros.\n\n**Montant**\n\nVingt euros."
    assert document.sections[-1].kind is SectionKind.DETAILS  # the intro, after the known kinds


def test_broken_and_repeated_records_are_named_by_line_and_the_others_imported(tmp_path):
    rows = records()[:3]
    no_url = {**rows[0], "id": "F9", "url": None}
    other_audience = {**rows[1], "audience": "professionnels"}
    path = write_records(tmp_path / "export.jsonl", rows, ("{not json", "[1, 2]",
                                                            json.dumps(no_url),
                                                            json.dumps(other_audience)))
    load = ServicePublicExport(path).load()
    assert [d.doc_id for d in load.documents] == [r["id"].lower() for r in rows]
    assert [(p.line, p.message.split(":")[0]) for p in load.problems] == [
        (4, "not a JSON record (Expecting property name enclosed in double quotes, column 2)"),
        (5, "not a JSON object"), (6, "record F9 left out"),
        (7, f"record {rows[1]['id']} left out")]
    assert "'url' is missing, so it cannot be cited" in load.problems[2].message
    assert load.problems[3].message.endswith("already imported from line 2")


class CountingBackend:
    """The real model, counting what it embeds; it can stop after some batches, like a crash."""

    def __init__(self, backend, fail_after_batches: int | None = None) -> None:
        self._backend = backend
        self.name = backend.name
        self.embedded: list[str] = []
        self._batches_left = fail_after_batches

    def warm_up(self) -> None:
        self._backend.warm_up()

    def embed_queries(self, texts):
        return self._backend.embed_queries(texts)

    def embed_passages(self, texts) -> np.ndarray:
        if self._batches_left is not None:
            if self._batches_left == 0:
                raise KeyboardInterrupt("interrupted")
            self._batches_left -= 1
        self.embedded.extend(texts)
        return self._backend.embed_passages(texts)


@pytest.mark.slow
def test_a_changed_record_re_embeds_only_its_own_chunks(tmp_path, embedding_backend):
    rows = records()[:6]
    path = write_records(tmp_path / "export.jsonl", rows)
    first = CountingBackend(embedding_backend)
    built = build_index(ServicePublicExport(path), tmp_path / "data", first)
    assert len(set(first.embedded)) == len(first.embedded) == built.manifest.chunks

    rows[2] = {**rows[2], "text": rows[2]["text"] + "\n### Coût\nLa démarche est gratuite."}
    write_records(path, rows)
    second = CountingBackend(embedding_backend)
    rebuilt = build_index(ServicePublicExport(path), tmp_path / "data", second)
    assert rebuilt.rebuilt
    before = {search_text(c) for c in chunk_documents(ServicePublicExport(path).load().documents)}
    assert 0 < len(second.embedded) < 4 and set(second.embedded) <= before
    assert all(rows[2]["title"] in text for text in second.embedded)


@pytest.mark.slow
def test_an_interrupted_build_resumes_where_it_stopped(tmp_path, embedding_backend):
    path = write_records(tmp_path / "export.jsonl", records()[:4])
    crashing = CountingBackend(embedding_backend, fail_after_batches=2)
    with pytest.raises(KeyboardInterrupt):
        build_index(ServicePublicExport(path), tmp_path / "data", crashing)
    assert len(crashing.embedded) == 16
    resumed = CountingBackend(embedding_backend)
    report = build_index(ServicePublicExport(path), tmp_path / "data", resumed)
    assert len(resumed.embedded) == report.manifest.chunks - 16
    assert not set(resumed.embedded) & set(crashing.embedded)


@pytest.mark.slow
def test_a_text_shared_by_several_records_is_embedded_once(tmp_path, embedding_backend):
    original = records()[0]
    twin = {**original, "id": "F99999", "url": original["url"].replace("F1", "F99999")}
    path = write_records(tmp_path / "export.jsonl", [original, twin])
    counting = CountingBackend(embedding_backend)
    report = build_index(ServicePublicExport(path), tmp_path / "data", counting)
    assert report.manifest.chunks == 2 * len(counting.embedded)
    assert len(set(counting.embedded)) == len(counting.embedded)
    index = open_index(tmp_path / "data", embedding_backend)
    overview = embedding_backend.embed_queries([original["title"]])[0]
    hits = index.dense.search(overview, k=2)
    assert {index.chunks[hit.chunk_id].doc_id for hit in hits} == {"f1", "f99999"}
    assert hits[0].similarity == pytest.approx(hits[1].similarity)


def run_guichet(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GUICHET_DATA_DIR": str(data_dir)}
    return subprocess.run([str(GUICHET), *args], capture_output=True, text=True, env=env,
                          timeout=900)


@pytest.mark.slow
def test_search_and_ask_on_the_collection_cite_service_public(service_public_collection,
                                                             bundled_settings):
    service_public_data = bundled_settings.data_dir
    found = run_guichet("search", "crédit d'impôt pour cotisations syndicales", "--json",
                        "--collection", "service-public", data_dir=service_public_data)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["doc_id"] == "f1"
    asked = run_guichet("ask", "Un salarié en formation garde-t-il ses droits à congés payés ?",
                        "--json", "--collection", "service-public",
                        data_dir=service_public_data)
    answer = json.loads(asked.stdout)
    assert answer["status"] == "answer", answer
    citation = answer["citations"][0]
    assert citation["doc_id"] == "f10030"
    assert citation["url"].startswith("https://www.service-public.fr/")
    assert citation["attribution"] == ATTRIBUTION and citation["updated"].startswith("20")


@pytest.mark.slow
def test_an_answer_from_a_long_section_cites_that_section_once(service_public_collection,
                                                               bundled_settings,
                                                               embedding_backend):
    settings = bundled_settings.with_overrides(collection=service_public_collection)
    guichet = Guichet.open(settings, embedding_backend)
    later_pieces = [chunk for chunk in guichet.retriever.index.chunks.values()
                    if chunk.position > 0 and chunk.section is not SectionKind.DETAILS]
    from_later_pieces = 0
    for chunk in later_pieces:
        question = chunk.text.split(". ")[0].lstrip("- ")[:300]
        best = guichet.explain(question, Language.FR).candidates.passages
        answer = guichet.ask(Question(question))
        if answer.status is not AnswerStatus.ANSWER or not best or best[0].chunk != chunk:
            continue
        from_later_pieces += 1
        cited = [(citation.doc_id, citation.section) for citation in answer.citations]
        assert len(cited) == len(set(cited)), answer.answer
        assert cited.count((chunk.doc_id, chunk.heading)) == 1
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
        assert markers == set(range(1, len(cited) + 1)), answer.answer
    assert from_later_pieces >= 3, "the questions no longer reach later pieces of sections"


@pytest.mark.slow
def test_the_default_collection_is_untouched_and_unknown_ones_say_how_to_build(
        service_public_collection, bundled_settings):
    service_public_data = bundled_settings.data_dir
    missing = run_guichet("search", "passeport", "--collection", "other",
                          data_dir=service_public_data)
    assert missing.returncode == 1
    assert "guichet index --source service-public FILE --collection other" in missing.stderr
    default = run_guichet("search", "passeport", "--json", data_dir=service_public_data)
    assert json.loads(default.stdout)[0]["doc_id"] == "passeport"
