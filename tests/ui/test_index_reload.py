"""A running server picks up a rebuilt index within seconds, without a restart and without a
failed request, and removes the old build once no request holds it; expired conversations are
swept without waiting for a follow-up."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import time

import httpx
import pytest

from tests.corpus_factory import write_document
from tests.ui.test_api import GUICHET, running_server

pytestmark = pytest.mark.slow

COST = "Le passeport coûte environ {} euros selon la commune."


def write_corpus(folder, price: int) -> None:
    write_document(folder, "passeport-test", title="Demander un passeport",
                   sections={"Pour qui ?": "Le passeport sert à voyager hors de l'Europe.",
                             "Coût": COST.format(price)})


def rebuild(corpus, data_dir) -> None:
    env = {**os.environ, "GUICHET_CORPUS_DIR": str(corpus), "GUICHET_DATA_DIR": str(data_dir)}
    done = subprocess.run([str(GUICHET), "index"], env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr


def wait_for_version(server, old: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        version = server.get("/api/health").json()["index_version"]
        if version != old:
            return version
        time.sleep(0.2)
    pytest.fail(f"the server still serves {old} after {timeout} s")


def test_a_rebuilt_index_is_served_at_once_and_no_request_fails(tmp_path):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    write_corpus(corpus, 75)
    with running_server(corpus, data, tmp_path / "server.log", index_watch_seconds="0.5") as up:
        first = up.get("/api/health").json()["index_version"]
        statuses: list[int] = []
        stop = threading.Event()

        def keep_asking() -> None:
            while not stop.is_set():
                statuses.append(httpx.post(up.base_url + "/api/ask", timeout=60, json={
                    "question": "combien coute le passeport"}).status_code)

        asker = threading.Thread(target=keep_asking)
        asker.start()
        try:
            write_corpus(corpus, 80)
            rebuild(corpus, data)
            second = wait_for_version(up, first)
            answer = up.post("/api/ask", {"question": "combien coute le passeport"}).json()
            assert "80 euros" in answer["answer"]
            write_corpus(corpus, 85)
            rebuild(corpus, data)
            third = wait_for_version(up, second)
        finally:
            stop.set()
            asker.join()
        assert len(statuses) > 5 and set(statuses) == {200}
        deadline = time.monotonic() + 30
        while sorted(p.name for p in (data / "indexes").iterdir()) != [third]:
            assert time.monotonic() < deadline, list((data / "indexes").iterdir())
            time.sleep(0.2)
    assert "now serves index" in (tmp_path / "server.log").read_text()


def test_expired_conversations_are_swept_without_a_follow_up(corpus, tmp_path):
    data = tmp_path / "data"
    with running_server(corpus, data, tmp_path / "server.log", conversation_ttl_minutes="0.02",
                        sweep_interval_seconds="1") as up:
        assert up.post("/api/ask", {"question": "combien coute le passeport"}).status_code == 200
        deadline = time.monotonic() + 30
        while True:
            with sqlite3.connect(data / "guichet.sqlite3") as db:
                turns = db.execute("SELECT COUNT(*) FROM turns").fetchone()[0]
            if turns == 0:
                break
            assert time.monotonic() < deadline, "the sweep never deleted the expired turn"
            time.sleep(0.3)
