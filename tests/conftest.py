"""Shared fixtures: the real embedding model, a real index of the bundled corpus, small corpora.

Nothing may reach the network from a test (a model hub download would fail on the deployer's
offline machine too), so connections to anything but loopback are refused.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from assistant.service import Guichet, ensure_index
from assistant.settings import BUNDLED_CORPUS, Settings
from indexing.embeddings import DEFAULT_EMBEDDING_MODEL, create_embedding_backend
from tests.corpus_factory import write_document

# One embedding cache for the whole session, shared by the servers the tests start: each data
# folder of a test would otherwise embed the safety exemplars and the reference questions again.
os.environ.setdefault("GUICHET_CACHE_DIR", tempfile.mkdtemp(prefix="guichet-test-cache-"))

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None:
        try:
            resolved = ipaddress.ip_address(socket.gethostbyname(host))
        except (OSError, ValueError):
            resolved = None
        if resolved is None or not resolved.is_loopback:
            raise ConnectionRefusedError(f"tests may not reach the network ({host})")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(scope="session")
def embedding_backend():
    backend = create_embedding_backend(DEFAULT_EMBEDDING_MODEL)
    backend.warm_up()
    return backend


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory) -> Settings:
    """Settings over the bundled corpus with a data folder of the test session."""
    return Settings(corpus_dir=BUNDLED_CORPUS, data_dir=tmp_path_factory.mktemp("bundled-data"),
                    cache_dir=Path(os.environ["GUICHET_CACHE_DIR"]))


@pytest.fixture(scope="session")
def bundled_guichet(bundled_settings, embedding_backend) -> Guichet:
    """The assistant over a real index of the bundled corpus, built once per session."""
    ensure_index(bundled_settings, embedding_backend)
    return Guichet.open(bundled_settings, embedding_backend)


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """A two-document corpus, quick to embed."""
    corpus = tmp_path / "corpus"
    write_document(corpus, "passeport-test", title="Demander un passeport",
                   sections={"Pour qui ?": "Le passeport sert à voyager hors de l'Europe.",
                             "Coût": "Le passeport coûte environ 75 euros selon la commune."})
    write_document(corpus, "encombrants-test", title="Enlèvement des encombrants",
                   sections={"Comment faire ?": "Prenez rendez-vous pour l'enlèvement de vos "
                                                "vieux meubles et objets encombrants.",
                             "Coût": "Le premier enlèvement de l'année est gratuit."})
    return corpus


SERVICE_PUBLIC_SLICE = Path(__file__).resolve().parent / "data" / "service-public-50.jsonl"


@pytest.fixture(scope="session")
def service_public_collection(bundled_guichet, bundled_settings) -> str:
    """The 50-record service-public.fr slice, built by the CLI as the collection
    `service-public` of the bundled data folder (beside its default collection)."""
    env = {**os.environ, "GUICHET_DATA_DIR": str(bundled_settings.data_dir)}
    built = subprocess.run([str(Path(sys.executable).parent / "guichet"), "index", "--source",
                            "service-public", str(SERVICE_PUBLIC_SLICE), "--collection",
                            "service-public"], capture_output=True, text=True, env=env,
                           timeout=1200)
    assert built.returncode == 0, built.stderr
    assert "50 documents" in built.stdout and "Embedding" in built.stderr
    return "service-public"
