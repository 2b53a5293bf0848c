"""The HTTP API on a real server process (`guichet serve`) over a real index."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import jsonschema
import pytest

from assistant.settings import BUNDLED_CORPUS
from assistant.stores.feedback import FeedbackReason
from indexing.models import ChannelKind
from tests.corpus_factory import write_document
from ui.api.routes.procedures import MAX_PROCEDURES_PAGE

GUICHET = Path(sys.executable).parent / "guichet"
START_TIMEOUT_S = 240
ANSWER_SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "assistant" / "schema"
                            / "answer.schema.json").read_text(encoding="utf-8"))
COMMUNE_SITE = "https://www.macommune.be"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, base_url: str, statuses_while_starting: list[int]) -> None:
        self.base_url = base_url
        self.statuses_while_starting = statuses_while_starting

    def get(self, path: str, **params) -> httpx.Response:
        return httpx.get(self.base_url + path, params=params, timeout=60)

    def post(self, path: str, body) -> httpx.Response:
        return httpx.post(self.base_url + path, json=body, timeout=60)


@contextmanager
def running_server(corpus: Path, data_dir: Path, log_path: Path, **settings: str):
    """`guichet serve` on a free port; `settings` are more GUICHET_* variables (lower case)."""
    port = _free_port()
    # Tests ask many questions a minute from one address: limits are high unless a test sets them.
    env = {**os.environ, "GUICHET_CORPUS_DIR": str(corpus), "GUICHET_DATA_DIR": str(data_dir),
           "GUICHET_CORS_ORIGINS": json.dumps([COMMUNE_SITE]),
           "GUICHET_ASK_RATE_PER_MINUTE": "100000", "GUICHET_FEEDBACK_RATE_PER_MINUTE": "100000",
           **{f"GUICHET_{name.upper()}": value for name, value in settings.items()}}
    with log_path.open("a") as log:
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


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("api-data")


@pytest.fixture(scope="module")
def server(corpus, data_dir, tmp_path_factory):
    with running_server(corpus, data_dir, tmp_path_factory.mktemp("log") / "server.log") as up:
        yield up


def test_health_is_503_while_loading_then_reports_the_index(server):
    assert server.statuses_while_starting[0] == 503
    health = server.get("/api/health")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok"
    assert (body["documents"], body["chunks"]) == (2, 5)
    assert body["index_version"]
    assert body["collections_ready"] == [""]


def test_config_gives_the_pages_limits_sentences_and_orders(server):
    config = server.get("/api/config").json()
    assert config["languages"] == ["fr", "nl", "en"]
    assert config["limits"] == {"max_question_chars": 1000, "max_comment_chars": 2000}
    assert config["channel_kinds"][0] == "emergency"
    assert sorted(config["channel_kinds"]) == sorted(kind.value for kind in ChannelKind)
    offered = [reason for reasons in config["feedback_reasons"].values() for reason in reasons]
    assert sorted(offered) == sorted(reason.value for reason in FeedbackReason)
    keys = {language: set(strings) for language, strings in config["strings"].items()}
    assert keys["fr"] == keys["nl"] == keys["en"] and "errInput" in keys["fr"]
    assert "1000" in config["strings"]["nl"]["errInput"]
    page = server.get("/").text
    assert 'maxlength="1000"' in page and 'id="guichet-config"' in page
    assert "{max_question_chars}" not in page


def test_message_check_lists_signs_and_refuses_a_broken_text(server):
    checked = server.post("/api/message-check", {
        "text": "Uw itsme wordt geblokkeerd. Bevestig uw pincode op https://itsme-nl.help",
        "language": "nl"})
    assert checked.status_code == 200, checked.text
    found = {signal["sign"] for signal in checked.json()["signals"]}
    assert {"unofficial_link", "lookalike_domain", "asks_codes", "threat_or_deadline"} <= found
    assert "078 170 170" in checked.json()["advice"]
    broken = httpx.post(server.base_url + "/api/message-check", timeout=60,
                        content=b'{"text": "code \\ud800"}',
                        headers={"Content-Type": "application/json"})
    assert broken.status_code == 422 and "text" in broken.text


def test_search_returns_ranked_passages_with_their_sources(server):
    response = server.get("/api/search", q="combien coute le passeport", k=3)
    assert response.status_code == 200
    passages = response.json()
    assert 1 <= len(passages) <= 3
    assert passages[0]["doc_id"] == "passeport-test"
    assert passages[0]["section"] == "cost"
    assert passages[0]["url"].startswith("https://")


@pytest.mark.parametrize("params, problem", [
    ({"q": ""}, "empty"),
    ({"q": "   "}, "empty"),
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


def test_ask_returns_an_answer_of_the_contract(server):
    response = server.post("/api/ask", {"question": "combien coute le passeport"})
    assert response.status_code == 200
    answer = response.json()
    jsonschema.validate(answer, ANSWER_SCHEMA)
    assert answer["status"] == "answer"
    assert answer["citations"][0]["doc_id"] == "passeport-test"
    follow_up = server.post("/api/ask", {"question": "et pour un enfant ?",
                                         "conversation_id": answer["conversation_id"]})
    assert follow_up.status_code == 200
    assert follow_up.json()["conversation_id"] == answer["conversation_id"]


@pytest.mark.parametrize("body, field, problem", [
    ({"question": ""}, "question", "empty"),
    ({"question": "   \n"}, "question", "empty"),
    ({"question": "\u200b\u00a0\u2060"}, "question", "empty"),
    ({"question": "carte\u0000perdue"}, "question", "control characters"),
    ({"question": "passeport " * 120}, "question", "the limit is 1000"),
    ({"question": 42}, "question", "valid string"),
    ({}, "question", "Field required"),
    ({"question": "passeport", "language": "de"}, "language", "'fr', 'nl' or 'en'"),
    ({"question": "passeport", "audience": "mayor"}, "audience", "'citizen' or 'staff'"),
    ({"question": "passeport", "conversation_id": "never-given"}, "conversation_id",
     "not one Guichet gives out"),
    ({"question": "passeport", "conversation_id": "0" * 32}, "conversation_id",
     "start a new one"),
])
def test_bad_questions_get_a_422_naming_the_field(server, body, field, problem):
    response = server.post("/api/ask", body)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert any(field in error["loc"] and problem in error["msg"] for error in detail), detail


def test_the_streamed_answer_sends_lines_then_the_whole_answer(server):
    with httpx.stream("POST", server.base_url + "/api/ask/stream",
                      json={"question": "combien coute le passeport"}, timeout=60) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [block for block in response.read().decode().split("\n\n") if block]
    names = [block.split("\n")[0].removeprefix("event: ") for block in events]
    assert names[-1] == "answer" and names[:-1] and set(names[:-1]) == {"delta"}
    payloads = [json.loads(block.split("\n")[1].removeprefix("data: ")) for block in events]
    answer = payloads[-1]
    jsonschema.validate(answer, ANSWER_SCHEMA)
    assert "".join(p["text"] for p in payloads[:-1]) == answer["answer"]


def test_procedures_are_listed_and_served_whole(server):
    listed = server.get("/api/procedures", language="fr").json()
    assert [p["doc_id"] for p in listed] == ["encombrants-test", "passeport-test"]
    document = server.get("/api/procedures/passeport-test", language="fr").json()
    assert document["source_url"].startswith("https://")
    assert [s["kind"] for s in document["sections"]] == ["who", "cost"]
    assert server.get("/api/procedures/nothing-here").status_code == 404
    assert server.get("/api/procedures/passeport-test", language="de").status_code == 422


def test_procedures_come_a_page_at_a_time_with_their_total(server):
    whole = server.get("/api/procedures")
    assert whole.headers["X-Total-Count"] == str(len(whole.json())) == "2"
    second = server.get("/api/procedures", limit=1, offset=1)
    assert second.json() == whole.json()[1:]
    assert second.headers["X-Total-Count"] == "2"
    assert server.get("/api/procedures", offset=5).json() == []
    too_many = server.get("/api/procedures", limit=MAX_PROCEDURES_PAGE + 1)
    assert too_many.status_code == 422 and "limit" in too_many.text


def test_cors_lets_the_configured_commune_site_call_the_api(server):
    preflight = httpx.options(server.base_url + "/api/ask", timeout=10, headers={
        "Origin": COMMUNE_SITE, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.headers.get("access-control-allow-origin") == COMMUNE_SITE
    other = httpx.options(server.base_url + "/api/ask", timeout=10, headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in other.headers


CONVERSATION = "0123456789abcdef" * 2


@pytest.mark.parametrize("body, field", [
    ({"conversation_id": CONVERSATION, "rating": "sideways"}, "rating"),
    ({"rating": "up"}, "conversation_id"),
    ({"conversation_id": "", "rating": "up"}, "conversation_id"),
    ({"conversation_id": "   ", "rating": "up"}, "conversation_id"),
    ({"conversation_id": "jean.dupont@example.be", "rating": "up"}, "conversation_id"),
    ({"conversation_id": CONVERSATION, "rating": "down", "reasons": ["pas clair"]}, "reasons"),
    ({"conversation_id": CONVERSATION, "rating": "down", "comment": "x" * 2001}, "comment"),
])
def test_bad_feedback_gets_a_422_naming_the_field(server, body, field):
    response = server.post("/api/feedback", body)
    assert response.status_code == 422
    assert any(field in error["loc"] for error in response.json()["detail"])


def test_feedback_and_conversations_survive_a_server_restart(corpus, tmp_path):
    data_dir, log = tmp_path / "data", tmp_path / "server.log"
    with running_server(corpus, data_dir, log) as first:
        answer = first.post("/api/ask", {"question": "combien coute le passeport"}).json()
        stored = first.post("/api/feedback", {
            "conversation_id": answer["conversation_id"], "rating": "down",
            "reasons": ["unclear"], "comment": "Mon numéro est 0470 12 34 56, rappelez-moi"})
        assert stored.status_code == 201 and stored.json()["status"] == "stored"
    with running_server(corpus, data_dir, log) as second:
        follow_up = second.post("/api/ask", {"question": "et pour un enfant ?",
                                             "conversation_id": answer["conversation_id"]})
        assert follow_up.status_code == 200
    with sqlite3.connect(data_dir / "guichet.sqlite3") as db:
        rows = db.execute("SELECT conversation_id, rating, reasons, comment FROM feedback").fetchall()
    assert rows == [(answer["conversation_id"], "down", "unclear",
                     "Mon numéro est [téléphone], rappelez-moi")]


@pytest.mark.slow
def test_a_request_may_choose_another_built_collection(service_public_collection,
                                                       bundled_settings, tmp_path):
    with running_server(BUNDLED_CORPUS, bundled_settings.data_dir,
                        tmp_path / "server.log") as server:
        assert server.get("/api/collections").json() == ["", service_public_collection]
        # Opened at start-up, before any request names it: no citizen waits for it to open.
        deadline = time.monotonic() + START_TIMEOUT_S
        both = ["", service_public_collection]
        while server.get("/api/health").json()["collections_ready"] != both:
            assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.1)
        assert f"collection '{service_public_collection}' opened in" in (
            tmp_path / "server.log").read_text()
        answer = server.post("/api/ask", {"question": "Un salarié en formation garde-t-il ses "
                                                      "droits à congés payés ?",
                                          "collection": service_public_collection}).json()
        assert answer["citations"][0]["url"].startswith("https://www.service-public.fr/")
        assert answer["citations"][0]["attribution"].startswith("service-public.fr")
        default = server.post("/api/ask", {"question": "combien coûte un passeport"}).json()
        assert default["citations"][0]["doc_id"] == "passeport"
        found = server.get("/api/search", q="cotisations syndicales",
                           collection=service_public_collection).json()
        assert found[0]["doc_id"] == "f1"
        unknown = server.post("/api/ask", {"question": "passeport", "collection": "autre"})
        assert unknown.status_code == 422
        assert "service-public" in unknown.json()["detail"][0]["msg"]
        assert server.get("/api/search", q="x", collection="Not A Name").status_code == 422


def test_a_corpus_without_a_rights_file_says_so(server):
    response = server.get("/api/rights-check/questions", language="fr")
    assert response.status_code == 404
    assert "rights.yaml" in response.text
