"""Section-aware chunking."""

from __future__ import annotations

from assistant.settings import BUNDLED_CORPUS
from indexing.chunking import chunk_document, search_text
from indexing.corpus import load_corpus, parse_document
from indexing.models import SectionKind
from tests.corpus_factory import write_document

LONG_HOW = "\n".join(f"{n}. Étape numéro {n}" + " avec quelques mots de plus" * 5
                     for n in range(1, 13))


def _document(tmp_path, sections):
    return parse_document(write_document(tmp_path, "exemple", sections=sections))


def test_every_chunk_keeps_its_document_and_section(tmp_path):
    document = _document(tmp_path, {"Pour qui ?": "Pour tous.", "Coût": "Gratuit."})
    chunks = chunk_document(document)
    assert [c.section for c in chunks] == [SectionKind.OVERVIEW, SectionKind.WHO, SectionKind.COST]
    for chunk in chunks:
        assert chunk.doc_id == "exemple"
        assert chunk.url == document.source_url
        assert chunk.title == document.title
    assert chunks[2].heading == "Coût" and chunks[2].text == "Gratuit."


def test_the_overview_chunk_carries_summary_and_keywords(tmp_path):
    overview = chunk_document(_document(tmp_path, {"Coût": "Gratuit."}))[0]
    assert overview.text == "Une phrase simple qui résume la démarche."
    assert "exemple, démarche" in search_text(overview)


def test_a_long_section_is_split_between_list_items_never_inside_one(tmp_path):
    document = _document(tmp_path, {"Comment faire ?": LONG_HOW})
    pieces = [c for c in chunk_document(document, max_words=60) if c.section is SectionKind.HOW]
    assert len(pieces) > 1
    assert [p.position for p in pieces] == list(range(len(pieces)))
    assert all(len(p.text.split()) <= 60 for p in pieces)
    rejoined = "\n".join(p.text for p in pieces)
    assert rejoined == LONG_HOW
    assert all(p.text.split("\n")[0][0].isdigit() for p in pieces)


def test_chunk_ids_are_unique_and_stable_across_the_bundled_corpus():
    documents = load_corpus(BUNDLED_CORPUS).documents
    first = [c.chunk_id for d in documents for c in chunk_document(d)]
    second = [c.chunk_id for d in documents for c in chunk_document(d)]
    assert len(set(first)) == len(first)
    assert first == second


def test_no_chunk_mixes_two_sections_of_the_bundled_corpus():
    for document in load_corpus(BUNDLED_CORPUS).documents:
        sections = {s.kind: " ".join(s.text.split()) for s in document.sections}
        for chunk in chunk_document(document):
            if chunk.section is not SectionKind.OVERVIEW:
                assert " ".join(chunk.text.split()) in sections[chunk.section]
                assert "## " not in chunk.text
