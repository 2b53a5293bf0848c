"""Bad input on every endpoint, as an attacker would send it, on a real server: never a 500,
a 422 naming the field, nothing of the citizen's text sent back or written to the log; bodies
and request rates bounded; security headers on every response."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.ui.test_api import CONVERSATION, running_server

pytestmark = pytest.mark.slow

MARKER = "SECRET-4711"
BAD_TEXTS = {
    "lone surrogate": f'"{MARKER} \\ud800"',
    "NUL": f'"{MARKER} \\u0000"',
    "control character": f'"{MARKER} \\u0007"',
    "zero-width only": '"\\u200b\\u200c\\u200d\\ufeff"',
    "non-breaking spaces only": '"\\u00a0\\u00a0 \\u202f"',
    "far too long": json.dumps(MARKER + "x" * 30000),
    "a number": "42",
    "an object": '{"nested": true}',
}
BLANK = ("zero-width only", "non-breaking spaces only")
BODY_FIELDS = [("/api/ask", "question"), ("/api/ask/stream", "question"),
               ("/api/feedback", "comment"), ("/api/feedback", "conversation_id"),
               ("/api/ask", "conversation_id"), ("/api/ask", "language"),
               ("/api/ask", "collection")]
BASE_BODIES = {"/api/ask": {"question": "combien coute le passeport"},
               "/api/ask/stream": {"question": "combien coute le passeport"},
               "/api/feedback": {"conversation_id": CONVERSATION, "rating": "up"}}


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus):
    log = tmp_path_factory.mktemp("probe-log") / "server.log"
    data = tmp_path_factory.mktemp("probe-data")
    with running_server(corpus, data, log) as up:
        up.log_path, up.data_dir = log, data
        yield up


def post_raw(server, path: str, field: str, raw_value: str) -> httpx.Response:
    base = dict(BASE_BODIES[path])
    base.pop(field, None)
    body = json.dumps(base)[:-1] + (", " if base else "") + f'"{field}": {raw_value}}}'
    return httpx.post(server.base_url + path, content=body.encode("utf-8"),
                      headers={"Content-Type": "application/json"}, timeout=60)


@pytest.mark.parametrize("probe", list(BAD_TEXTS))
@pytest.mark.parametrize(("path", "field"), BODY_FIELDS)
def test_bad_text_in_any_body_field_gets_a_422_naming_it_and_nothing_echoed(server, path, field,
                                                                           probe):
    response = post_raw(server, path, field, BAD_TEXTS[probe])
    if field == "comment" and probe in BLANK:
        # The comment is optional: a blank-looking one is an empty one, stored as such.
        assert response.status_code == 201
        return
    assert response.status_code == 422, response.text
    assert any(field in error["loc"] for error in response.json()["detail"])
    assert MARKER not in response.text


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/api/search", {"q": f"{MARKER}\x00"}, "q"),
    ("/api/search", {"q": "\u200b\u00a0"}, "q"),
    ("/api/search", {"q": "passeport", "k": "9" * 40}, "k"),
    ("/api/procedures", {"limit": "-1"}, "limit"),
    ("/api/procedures", {"language": "\u00e9"}, "language"),
    ("/api/procedures", {"collection": MARKER}, "collection"),
    ("/api/procedures/passeport-test", {"language": "xx"}, "language"),
])
def test_bad_query_parameters_get_a_422_naming_them(server, path, params, field):
    response = httpx.get(server.base_url + path, params=params, timeout=60)
    assert response.status_code == 422
    assert any(field in error["loc"] for error in response.json()["detail"])
    assert MARKER not in response.text


@pytest.mark.parametrize("body", [
    b"{not json", b'{"question": "x"', b"[" * 20000 + b"]" * 20000, "\ud800".encode("utf-8",
                                                                            "surrogatepass"),
])
def test_a_body_that_is_not_json_gets_a_422_naming_the_body(server, body):
    response = httpx.post(server.base_url + "/api/ask", content=body,
                          headers={"Content-Type": "application/json"}, timeout=60)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "body"


def test_a_body_over_the_limit_gets_a_413_on_every_post(server):
    for path in ("/api/ask", "/api/ask/stream", "/api/feedback"):
        response = httpx.post(server.base_url + path, content=b"x" * (65 * 1024),
                              headers={"Content-Type": "application/json"}, timeout=60)
        assert response.status_code == 413, path


def test_no_probe_ever_reaches_the_log(server):
    for probe in BAD_TEXTS.values():
        post_raw(server, "/api/ask", "question", probe)
        post_raw(server, "/api/feedback", "comment", probe)
    log = server.log_path.read_text(encoding="utf-8", errors="replace")
    assert MARKER not in log and "Traceback" not in log


def test_security_headers_on_pages_and_api(server):
    page = httpx.get(server.base_url + "/", timeout=30)
    api = httpx.get(server.base_url + "/api/health", timeout=30)
    for response in (page, api):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "frame-ancestors 'self' https://www.macommune.be" in policy
    assert api.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"


def test_ask_and_feedback_are_rate_limited_per_client(corpus, tmp_path):
    with running_server(corpus, tmp_path / "data", tmp_path / "server.log",
                        ask_rate_per_minute="3", feedback_rate_per_minute="2") as limited:
        statuses = [limited.post("/api/ask", {"question": "combien coute le passeport"})
                    .status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = limited.post("/api/ask/stream", {"question": "passeport"})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        feedback = [limited.post("/api/feedback", {"conversation_id": CONVERSATION,
                                                   "rating": "up"}).status_code
                    for _ in range(3)]
        assert feedback == [201, 201, 429]


def test_personal_data_reaches_neither_the_database_nor_the_log(server, tmp_path):
    cases = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "data"
             / "personal-data-cases.jsonl").read_text(encoding="utf-8").splitlines() if line]
    values = [item["value"] for case in cases for item in case["mask"]]
    for case in cases[:60]:
        answer = server.post("/api/ask", {"question": case["text"]})
        assert answer.status_code == 200
        body = answer.json()
        assert [item["value"] for item in case["mask"] if item["value"] in body["question"]] == []
        server.post("/api/feedback", {"conversation_id": body["conversation_id"],
                                      "rating": "down", "comment": case["text"]})
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(server.data_dir / "guichet.sqlite3") as db, sqlite3.connect(copy) as out:
        db.backup(out)
    with sqlite3.connect(copy) as db:  # the text columns: timestamps hold digits of their own
        stored = " ".join(value for query in ("SELECT question FROM turns",
                                              "SELECT comment FROM feedback")
                          for (value,) in db.execute(query))
    log = server.log_path.read_text(encoding="utf-8", errors="replace")
    raw = [value for value in values[:120] if value in stored or value in log]
    assert raw == []
