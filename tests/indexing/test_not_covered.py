"""The not-covered topics file: validated when loaded, embedded beside the corpus, labelled."""

from __future__ import annotations

from pathlib import Path

import yaml

from indexing.builder import build_index
from indexing.models import Language
from indexing.not_covered import HandledBy, load_not_covered, read_topics, write_topics
from indexing.reader import open_index
from indexing.source import MarkdownCorpus
from tests.conftest import BUNDLED_CORPUS


def topic(topic_id: str, *, handled_by: str = "region", questions: int = 5) -> dict:
    return {"id": topic_id, "handled_by": handled_by,
            "name": {language.value: f"{topic_id} ({language.value})" for language in Language},
            "questions": {language.value: [f"{topic_id} question {n} {language.value}"
                                           for n in range(questions)]
                          for language in Language}}


def write_file(corpus: Path, topics: list[dict]) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "not-covered.yaml").write_text(yaml.safe_dump({"topics": topics}),
                                             encoding="utf-8")


def test_the_bundled_file_loads_without_problem_and_names_no_covered_procedure():
    topics, problems = load_not_covered(BUNDLED_CORPUS)
    assert problems == []
    assert len(topics) >= 20
    covered = {path.stem for path in BUNDLED_CORPUS.glob("*/*.md")}
    assert not covered & {t.topic_id for t in topics}
    for t in topics:
        assert set(t.questions) == set(t.names) == set(Language)


def test_a_corpus_without_the_file_covers_what_it_holds(tmp_path):
    assert load_not_covered(tmp_path) == ([], [])


def test_each_broken_topic_is_reported_and_the_others_kept(tmp_path):
    write_file(tmp_path, [topic("primes-energie"), topic("primes-energie"),
                          topic("chiens", questions=2), topic("chats", handled_by="nobody"),
                          topic("Pas Un Id")])
    topics, problems = load_not_covered(tmp_path)
    assert [t.topic_id for t in topics] == ["primes-energie"]
    messages = " | ".join(problem.message for problem in problems)
    assert "appears twice" in messages
    assert "chiens: at least 5" in messages
    assert "nobody" in messages
    assert "lower case words" in messages
    assert len(problems) == 4


def test_a_file_that_is_not_a_list_of_topics_is_one_problem(tmp_path):
    (tmp_path / "not-covered.yaml").write_text("topics: nothing here\n", encoding="utf-8")
    topics, problems = load_not_covered(tmp_path)
    assert topics == [] and len(problems) == 1


def test_topic_labels_survive_the_round_trip(tmp_path):
    write_file(tmp_path / "corpus", [topic("primes-energie", handled_by="commune")])
    topics, _ = load_not_covered(tmp_path / "corpus")
    write_topics(tmp_path / "index", topics)
    labels = read_topics(tmp_path / "index")
    assert labels["primes-energie"].handled_by is HandledBy.COMMUNE
    assert labels["primes-energie"].names[Language.NL] == "primes-energie (nl)"


def test_the_topics_questions_are_embedded_beside_the_index(small_corpus, tmp_path,
                                                            embedding_backend):
    write_file(small_corpus, [topic("primes-energie")])
    data = tmp_path / "data"
    build_index(MarkdownCorpus(small_corpus), data, embedding_backend)
    index = open_index(data, embedding_backend)
    assert set(index.topics) == {"primes-energie"}
    assert len(index.not_covered.questions) == 5 * len(Language)
    vector = embedding_backend.embed_queries(["primes-energie question 3 nl"])[0]
    hit = index.not_covered.search(vector, k=1, languages=[Language.NL])[0]
    assert hit.question.doc_id == "primes-energie"
