"""Index build, query latency and HTTP throughput on this machine; prints one table.

    python -m evals.bench.system [--queries 200] [--clients 1 2 4 8] [--requests 40]

1. `guichet index --rebuild` of the configured corpus in a fresh folder, as a child process:
   wall time and peak resident memory.
2. A warm process: `search` and `ask` (the configured generator) over the dev questions, cycled
   to N queries: p50 / p95 / p99.
3. `guichet serve` on a loopback port, N concurrent clients each posting to /api/ask: requests
   per second and p95 latency. Loopback only; the number of requests is bounded.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from assistant.models import Question
from assistant.service import Guichet
from assistant.settings import Settings
from evals.bench.timing import timed_child, warm_timings
from evals.metrics import percentile_ms
from evals.questions import load_questions
from indexing.embeddings import create_embedding_backend

GUICHET = Path(sys.executable).parent / "guichet"
DEV = Path(__file__).resolve().parents[1] / "questions" / "dev.jsonl"
READY_TIMEOUT_S = 300


def build_index(data_dir: Path) -> tuple[float, float]:
    """Seconds and peak MiB of a full build in a child process."""
    return timed_child([str(GUICHET), "index", "--rebuild"],
                       {**os.environ, "GUICHET_DATA_DIR": str(data_dir)})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def throughput(base_url: str, questions: list[str], clients: int,
               requests: int) -> tuple[float, float]:
    """Requests per second and p95 seconds, `clients` posting `requests` questions in all."""
    def ask(question: str) -> float:
        started = time.perf_counter()
        with httpx.Client(timeout=60) as client:
            client.post(f"{base_url}/api/ask", json={"question": question}).raise_for_status()
        return time.perf_counter() - started

    batch = list(itertools.islice(itertools.cycle(questions), requests))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        timings = list(pool.map(ask, batch))
    return requests / (time.perf_counter() - started), percentile_ms(timings, 95)


def serve(data_dir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "GUICHET_DATA_DIR": str(data_dir), "GUICHET_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen([str(GUICHET), "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise RuntimeError("guichet serve did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--requests", type=int, default=40, help="HTTP requests per level")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("assistant").setLevel(logging.WARNING)
    questions = [case.question for case in load_questions(DEV)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="guichet-bench-") as folder:
        data_dir = Path(folder)
        seconds, peak_mib = build_index(data_dir)
        size_mib = sum(f.stat().st_size for f in data_dir.rglob("*") if f.is_file()) / 2**20
        rows.append(("index build", f"{seconds:.1f} s, peak {peak_mib:.0f} MiB, "
                                    f"{size_mib:.1f} MiB on disk"))
        settings = Settings(data_dir=data_dir)
        guichet = Guichet.open(settings, create_embedding_backend(settings.embedding_model))
        for name, action in (("search", lambda q: guichet.search(q)),
                             ("ask", lambda q: guichet.ask(Question(q)))):
            timings = warm_timings(action, questions, args.queries)
            rows.append((f"{name} ({len(timings)} warm)",
                         " / ".join(f"p{p} {percentile_ms(timings, p):.1f} ms"
                                    for p in (50, 95, 99))))
        port = free_port()
        server = serve(data_dir, port)
        try:
            for clients in args.clients:
                rate, p95 = throughput(f"http://127.0.0.1:{port}", questions, clients,
                                       args.requests)
                rows.append((f"HTTP /api/ask, {clients} client(s)",
                             f"{rate:.1f} req/s, p95 {p95:.0f} ms"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"model {settings.embedding_model}, generator {settings.generator}")
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
