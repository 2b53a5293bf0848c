"""The HTTP API on a real server process (`guichet serve`) over a real index."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.corpus_factory import write_document

GUICHET = Path(sys.executable).parent / "guichet"
START_TIMEOUT_S = 240


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, base_url: str, statuses_while_starting: list[int]) -> None:
        self.base_url = base_url
        self.statuses_while_starting = statuses_while_starting

    def get(self, path: str, **params) -> httpx.Response:
        return httpx.get(self.base_url + path, params=params, timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("api-corpus")
    write_document(corpus, "passeport-test", title="Demander un passeport",
                   sections={"Pour qui ?": "Le passeport sert à voyager hors de l'Europe.",
                             "Coût": "Le passeport coûte environ 75 euros selon la commune."})
    write_document(corpus, "encombrants-test", title="Enlèvement des encombrants",
                   sections={"Comment faire ?": "Prenez rendez-vous pour l'enlèvement de vos "
                                                "vieux meubles et objets encombrants."})
    port = _free_port()
    env = {**os.environ, "GUICHET_CORPUS_DIR": str(corpus),
           "GUICHET_DATA_DIR": str(tmp_path_factory.mktemp("api-data"))}
    log_path = tmp_path_factory.mktemp("api-log") / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen([str(GUICHET), "serve", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    statuses: list[int] = []
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            assert process.poll() is None, f"server exited:\n{log_path.read_text()}"
            try:
                response = httpx.get(base_url + "/api/health", timeout=5)
            except httpx.TransportError:
                time.sleep(0.05)
                continue
            statuses.append(response.status_code)
            if response.status_code == 200:
                break
            assert response.status_code == 503 and "starting" in response.text, response.text
            time.sleep(0.05)
        else:
            pytest.fail(f"server not ready after {START_TIMEOUT_S} s:\n{log_path.read_text()}")
        yield Server(base_url, statuses)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.slow
def test_health_is_503_while_loading_then_reports_the_index(server):
    assert server.statuses_while_starting[0] == 503
    health = server.get("/api/health")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok"
    assert (body["documents"], body["chunks"]) == (2, 5)
    assert body["index_version"]


@pytest.mark.slow
def test_search_returns_ranked_passages_with_their_sources(server):
    response = server.get("/api/search", q="combien coute le passeport", k=3)
    assert response.status_code == 200
    passages = response.json()
    assert 1 <= len(passages) <= 3
    assert passages[0]["doc_id"] == "passeport-test"
    assert passages[0]["section"] == "cost"
    assert passages[0]["url"].startswith("https://")


@pytest.mark.slow
@pytest.mark.parametrize("params, problem", [
    ({"q": ""}, "at least 1 character"),
    ({"q": "   "}, "pattern"),
    ({"q": "x" * 1001}, "at most 1000 characters"),
    ({"q": "passeport", "k": 0}, "greater than or equal to 1"),
    ({"q": "passeport", "k": "ten"}, "valid integer"),
    ({}, "Field required"),
])
def test_bad_search_input_gets_a_422_with_a_readable_message(server, params, problem):
    response = server.get("/api/search", **params)
    assert response.status_code == 422
    assert problem in response.text
    assert "Traceback" not in response.text
