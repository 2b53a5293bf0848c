"""The corpus loader: valid documents load; each kind of mistake is reported at its file and line."""

from __future__ import annotations

import pytest

from assistant.settings import BUNDLED_CORPUS
from indexing.corpus import load_corpus
from indexing.models import ChannelKind, Language, Region, SectionKind
from tests.corpus_factory import document_text, write_document

FIRST_TWELVE_IDS = [
    "changement-adresse", "carte-identite", "carte-identite-perte-vol", "codes-pin-puk",
    "kids-id", "passeport", "certificats-population", "extrait-casier-judiciaire",
    "declaration-naissance", "mariage", "cohabitation-legale", "declaration-deces",
]


def test_a_valid_document_loads_with_all_its_fields(tmp_path):
    write_document(tmp_path, "exemple")
    load = load_corpus(tmp_path)
    assert load.problems == []
    [document] = load.documents
    assert document.doc_id == "exemple"
    assert document.language is Language.FR
    assert document.region is Region.BRUSSELS
    assert document.reviewed.isoformat() == "2026-11-23"
    assert document.keywords == ("exemple", "démarche")
    assert document.contacts[0].kind is ChannelKind.COUNTER
    assert [s.kind for s in document.sections] == [SectionKind.WHO, SectionKind.COST]
    assert document.sections[1].line == 19


def replace(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


BROKEN = [
    ("no front matter", lambda t: t.replace("---\n", "", 1), 1, "must start with a '---'"),
    ("front matter not closed", lambda t: t.replace("\n---\n", "\n", 1), 1, "not closed"),
    ("invalid YAML", replace("title: Une procédure d'exemple", "title: [unclosed"), 4,
     "not valid YAML"),
    ("missing field", replace("reviewed: 2026-11-23\n", ""), 1, "lacks reviewed"),
    ("unknown field", replace("summary:", "sumary:"), 8, "unknown front matter field 'sumary'"),
    ("id differs from file name", replace("id: exemple", "id: autre"), 2,
     "must equal the file name"),
    ("language differs from folder", replace("language: fr", "language: nl"), 4,
     "does not match the folder"),
    ("unknown region", replace("region: brussels", "region: paris"), 5, "region 'paris'"),
    ("source_url not https", replace("https://be.brussels", "http://be.brussels"), 6,
     "must be a full https://"),
    ("reviewed not a date", replace("reviewed: 2026-11-23", "reviewed: last week"), 7,
     "must be a date"),
    ("summary too long", replace("summary: Une phrase", "summary: " + "mot " * 45 + "Une"), 8,
     "keep it to one plain sentence"),
    ("keywords not a list", replace("keywords: [exemple, démarche]", "keywords: exemple"), 9,
     "keywords must be a list"),
    ("contact of unknown kind", replace("kind: counter", "kind: fax"), 11, "contact kind 'fax'"),
    ("contact without value", replace("    value: À la maison communale\n", ""), 11,
     "contact lacks value"),
    ("online contact not a URL", replace("kind: counter", "kind: online"), 11,
     "must be an https:// address"),
    ("text before the first section", replace("## Pour qui ?", "Bonjour.\n## Pour qui ?"), 16,
     "text before the first '##' section"),
    ("unknown section", replace("## Coût", "## Tarifs"), 19, "unknown section '## Tarifs'"),
    ("section twice", replace("## Coût", "## Pour qui ?"), 19, "appears twice"),
    ("deeper heading", replace("## Coût", "### Coût"), 19, "only '##' headings"),
    ("empty section", replace("Pour tout le monde.", ""), 16, "is empty"),
    ("no section at all", lambda t: t[: t.index("## Pour qui")], 16, "has no '##' section"),
]


@pytest.mark.parametrize("mistake, break_it, line, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_mistake_is_reported_with_file_and_line(tmp_path, mistake, break_it, line, message):
    path = write_document(tmp_path, "exemple", text=break_it(document_text("exemple")))
    load = load_corpus(tmp_path)
    assert load.documents == []
    [problem] = load.problems
    assert problem.path == path
    assert problem.line == line, str(problem)
    assert message in problem.message
    assert str(problem).startswith(f"{path}:{line}: ")


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "fr" / "exemple.md"
    path.parent.mkdir()
    path.write_bytes(document_text("exemple").encode().replace(b"Pour tout", b"Pour\xe9 tout"))
    [problem] = load_corpus(tmp_path).problems
    assert problem.line == 17 and "not valid UTF-8" in problem.message


def test_a_folder_that_is_not_a_language_is_reported(tmp_path):
    write_document(tmp_path, "exemple", language="de",
                   text=document_text("exemple").replace("language: fr", "language: de"))
    [problem] = load_corpus(tmp_path).problems
    assert "folder 'de' is not a corpus language" in problem.message


def test_one_broken_file_is_skipped_and_the_others_still_load(tmp_path):
    write_document(tmp_path, "bon")
    write_document(tmp_path, "casse", text=document_text("casse").replace("## Coût", "## Prix"))
    write_document(tmp_path, "aussi-bon")
    load = load_corpus(tmp_path)
    assert sorted(d.doc_id for d in load.documents) == ["aussi-bon", "bon"]
    assert [p.path.stem for p in load.problems] == ["casse"]


def test_headings_tolerate_spacing_before_the_question_mark(tmp_path):
    write_document(tmp_path, "exemple", text=document_text("exemple").replace("Pour qui ?",
                                                                             "Pour qui?"))
    assert load_corpus(tmp_path).documents[0].sections[0].kind is SectionKind.WHO


def test_a_missing_corpus_folder_says_which_setting_to_change(tmp_path):
    [problem] = load_corpus(tmp_path / "nowhere").problems
    assert "GUICHET_CORPUS_DIR" in problem.message


def test_the_bundled_corpus_is_valid_and_holds_the_first_twelve_procedures():
    load = load_corpus(BUNDLED_CORPUS)
    assert load.problems == []
    french = {d.doc_id for d in load.documents if d.language is Language.FR}
    assert set(FIRST_TWELVE_IDS) <= french
    for document in load.documents:
        assert document.source_url.startswith("https://")
        assert document.contacts, document.doc_id
