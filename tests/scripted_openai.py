"""A scripted stand-in for a hosted LLM: a real OpenAI-compatible HTTP server on loopback.

No real model can run in the tests, so this server answers `POST /v1/chat/completions` with
replies the test queued, shaped like the OpenAI API so the real `ChatOpenAI` client, with its
real HTTP stack, timeouts and error handling, talks to it unchanged. It records every request
body, so a test can check what the prompt contained.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

logger = logging.getLogger(__name__)

COMPLETIONS_PATH = "/v1/chat/completions"
WORDS_PER_DELTA = 3


@dataclass(frozen=True)
class ScriptedReply:
    """What the server answers to one request: the text, or an HTTP error, after a delay."""

    content: str
    status: int
    delay_s: float


class _ScriptedHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # A handler still sleeping out a delay must not hold up the end of the test.
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CompletionsHandler)
        self.lock = threading.Lock()
        self.replies: deque[ScriptedReply] = deque()
        self.requests: list[dict[str, Any]] = []
        self.closing = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out has closed its socket; that is the test working, not a bug.
        logger.debug("scripted server: connection from %s ended early", client_address)


class ScriptedOpenAIServer:
    """Context manager running the scripted server; queue replies with `script()`."""

    def __init__(self) -> None:
        self._server = _ScriptedHTTPServer()
        # A short poll keeps `shutdown()` quick; the default half second adds up over a suite.
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        """The JSON bodies received so far, oldest first."""
        with self._server.lock:
            return list(self._server.requests)

    def script(self, reply: str | None = None, status: int = 200, delay_s: float = 0.0) -> None:
        """Queue the answer to a coming request (first queued, first served)."""
        with self._server.lock:
            self._server.replies.append(ScriptedReply(reply or "", status, delay_s))

    def __enter__(self) -> ScriptedOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


class _CompletionsHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        server = cast(_ScriptedHTTPServer, self.server)
        if self.path != COMPLETIONS_PATH:
            self._send_json(404, _error_body(f"no route {self.path}", "invalid_request_error"))
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        with server.lock:
            server.requests.append(body)
            reply = server.replies.popleft() if server.replies else None
        if reply is None:
            self._send_json(500, _error_body("no scripted reply left", "server_error"))
            return
        if server.closing.wait(reply.delay_s):
            return
        if reply.status != 200:
            message = reply.content or f"scripted HTTP {reply.status}"
            self._send_json(reply.status, _error_body(message, "server_error"))
        elif body.get("stream"):
            self._send_stream(body.get("model", ""), reply.content)
        else:
            self._send_json(200, _completion(body.get("model", ""), reply.content))

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, model: str, content: str) -> None:
        # HTTP/1.0 without Content-Length: the end of the stream is the end of the connection.
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        deltas = [{"role": "assistant", "content": ""}]
        deltas += [{"content": piece} for piece in split_into_deltas(content)]
        for delta in deltas:
            self._send_event(_chunk(model, delta, finish_reason=None))
        self._send_event(_chunk(model, {}, finish_reason="stop"))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _send_event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        logger.debug("scripted server: " + format, *args)


def split_into_deltas(content: str) -> list[str]:
    """The reply cut after every few words, as a model streams it; joined, they give it back."""
    words = re.split(r"(?<= )", content)
    return ["".join(words[i:i + WORDS_PER_DELTA]) for i in range(0, len(words), WORDS_PER_DELTA)]


def _completion(model: str, content: str) -> dict[str, Any]:
    prompt_tokens, completion_tokens = 50, len(content.split())
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": None},
            "logprobs": None,
            "finish_reason": "stop",
        }],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


def _chunk(model: str, delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [{"index": 0, "delta": delta, "logprobs": None,
                     "finish_reason": finish_reason}],
    }


def _error_body(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}
