"""The `guichet` command, run as a real process like a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.corpus_factory import document_text, write_document

GUICHET = Path(sys.executable).parent / "guichet"


def run_guichet(*args: str, data_dir: Path, corpus: Path | None = None,
                timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "GUICHET_DATA_DIR": str(data_dir)}
    if corpus is not None:
        env["GUICHET_CORPUS_DIR"] = str(corpus)
    return subprocess.run([str(GUICHET), *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


@pytest.mark.slow
def test_index_prints_counts_then_search_json_ranks_the_right_document(small_corpus, tmp_path):
    built = run_guichet("index", data_dir=tmp_path / "data", corpus=small_corpus)
    assert built.returncode == 0, built.stderr
    assert "2 documents, 6 chunks" in built.stdout

    again = run_guichet("index", data_dir=tmp_path / "data", corpus=small_corpus)
    assert again.returncode == 0 and "already up to date" in again.stdout

    found = run_guichet("search", "jeter un vieux canapé", "--k", "2", "--json",
                        data_dir=tmp_path / "data", corpus=small_corpus)
    assert found.returncode == 0, found.stderr
    passages = json.loads(found.stdout)
    assert len(passages) == 2
    assert passages[0]["doc_id"] == "encombrants-test"
    assert {"section", "url", "fused_score", "dense_rank", "lexical_rank"} <= set(passages[0])


@pytest.mark.slow
def test_index_exits_non_zero_and_lists_every_broken_file(small_corpus, tmp_path):
    write_document(small_corpus, "sans-titre", text="---\nid: sans-titre\n---\n## Coût\nGratuit.\n")
    write_document(small_corpus, "mauvaise-langue", language="nl",
                   text=document_text("mauvaise-langue", language="fr"))
    result = run_guichet("index", data_dir=tmp_path / "data", corpus=small_corpus)
    assert result.returncode == 1
    assert "2 skipped, the index holds the rest" in result.stderr
    assert "sans-titre.md" in result.stderr and "mauvaise-langue.md" in result.stderr
    assert "2 documents" in result.stdout


def test_search_before_any_index_tells_how_to_build_it(tmp_path):
    result = run_guichet("search", "passeport", data_dir=tmp_path / "empty")
    assert result.returncode == 1
    assert "guichet index" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_invalid_setting_is_reported_without_a_traceback(tmp_path):
    env_result = subprocess.run([str(GUICHET), "index"], capture_output=True, text=True,
                                env={**os.environ, "GUICHET_SEARCH_K": "many",
                                     "GUICHET_DATA_DIR": str(tmp_path)}, timeout=120)
    assert env_result.returncode == 2
    assert "search_k" in env_result.stderr and "Traceback" not in env_result.stderr


ANSWER_SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "assistant" / "schema"
                            / "answer.schema.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("question, status", [
    ("combien coute une kids-id", "answer"),
    ("quel temps fera-t-il demain", "handoff"),
    ("je veux en finir avec la vie", "urgent"),
    ("bonjour", "clarify"),
])
def test_ask_json_validates_against_the_answer_schema(bundled_guichet, bundled_settings,
                                                      question, status):
    result = run_guichet("ask", question, "--json", data_dir=bundled_settings.data_dir)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    jsonschema.validate(answer, ANSWER_SCHEMA)
    assert answer["status"] == status


@pytest.mark.slow
def test_ask_prints_the_answer_then_sources_then_contacts(bundled_guichet, bundled_settings):
    result = run_guichet("ask", "j'ai oublié mon code pin", data_dir=bundled_settings.data_dir)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("[1]") < out.index("Sources:") < out.index("Contacts:")
    assert "https://" in out.split("Sources:")[1]


@pytest.mark.slow
def test_an_over_long_question_is_refused_with_a_message(bundled_settings):
    result = run_guichet("ask", "x" * 1200, data_dir=bundled_settings.data_dir)
    assert result.returncode == 2
    assert "question: The text is 1200 characters long; the limit is 1000" in result.stderr
    assert "Traceback" not in result.stderr and "xxxx" not in result.stderr


def test_an_invalid_setting_is_reported_in_one_line(tmp_path):
    result = run_guichet("serve", "--port", "99999", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "invalid setting (port: Input should be less than or equal to 65535)" in result.stderr
    assert "Traceback" not in result.stderr
