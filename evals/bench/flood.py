"""A bounded flood against a real server: disk and memory stay flat.

    python -m evals.bench.flood [--seconds 60] [--clients 8]

Starts `guichet serve` on loopback with the default limits over a copy of the bundled index,
then for N seconds several clients post the longest feedback comments allowed, oversized bodies
and questions as fast as they can. Prints the status codes seen, and the data folder's size and
the server's resident memory before and after: the rate limits (429) and the body limit (413)
keep both flat.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from assistant.service import ensure_index
from assistant.settings import Settings
from indexing.embeddings import create_embedding_backend

GUICHET = Path(sys.executable).parent / "guichet"
CONVERSATION = "0123456789abcdef" * 2


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def flood(base_url: str, seconds: float, clients: int) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    stop = time.monotonic() + seconds
    comment = "Mon numéro est 0470 12 34 56. " * 66  # just under the 2,000 characters allowed

    def client(number: int) -> None:
        with httpx.Client(base_url=base_url, timeout=60) as http:
            while time.monotonic() < stop:
                kind = number % 3
                if kind == 0:
                    response = http.post("/api/feedback", json={
                        "conversation_id": CONVERSATION, "rating": "down", "comment": comment})
                elif kind == 1:
                    response = http.post("/api/feedback", content=b"x" * (200 * 1024),
                                         headers={"Content-Type": "application/json"})
                else:
                    response = http.post("/api/ask", json={"question": "combien coute un passeport"})
                counts[(("feedback", "oversized body", "ask")[kind], response.status_code)] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    settings = Settings()
    ensure_index(settings, create_embedding_backend(settings.embedding_model))
    with tempfile.TemporaryDirectory(prefix="guichet-flood-") as scratch:
        data = Path(scratch) / "data"
        # A fresh database; the index and the embedding cache as they are (read-only use).
        shutil.copytree(settings.data_dir, data, ignore=shutil.ignore_patterns("guichet.sqlite3*"))
        port = free_port()
        env = {**os.environ, "GUICHET_DATA_DIR": str(data)}
        log = (Path(scratch) / "server.log").open("w")
        server = subprocess.Popen([str(GUICHET), "serve", "--port", str(port)], env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
        base_url = f"http://127.0.0.1:{port}"
        try:
            while True:
                if server.poll() is not None:
                    sys.exit(f"the server stopped: {(Path(scratch) / 'server.log').read_text()}")
                try:
                    health = httpx.get(base_url + "/api/health", timeout=5)
                    if health.status_code == 200:
                        break
                    if "starting" not in health.text:
                        sys.exit(f"the server could not start: {health.text}")
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            httpx.post(base_url + "/api/ask", json={"question": "passeport"}, timeout=60)
            before = (folder_mib(data), rss_mib(server.pid))
            counts = flood(base_url, args.seconds, args.clients)
            after = (folder_mib(data), rss_mib(server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(f"| {args.clients} clients, {args.seconds:.0f} s | requests | status |")
    print("|---|---|---|")
    for (kind, status), count in sorted(counts.items()):
        print(f"| {kind} | {count} | {status} |")
    print(f"\ndata folder: {before[0]:.1f} MiB before, {after[0]:.1f} MiB after")
    print(f"server resident memory: {before[1]:.0f} MiB before, {after[1]:.0f} MiB after")


if __name__ == "__main__":
    main()
