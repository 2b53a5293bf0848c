"""Browser tests: a real `guichet serve` over the bundled corpus, driven by headless Chromium.

Chromium is Debian's (installed by `make test`); Playwright only drives it. The server reuses the
index the session already built for the other tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.ui.test_api import _free_port

GUICHET = Path(sys.executable).parent / "guichet"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def commune_port() -> int:
    """The port of the commune's site of the widget tests, known before the server starts: the
    server lets only the sites of GUICHET_CORS_ORIGINS frame the chat."""
    return _free_port()


@pytest.fixture(scope="session")
def live_server(bundled_guichet, bundled_settings, tmp_path_factory, commune_port):
    """The whole app (chat, widget, API, staff workbench) at a base URL."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("browser-server") / "server.log"
    env = {**os.environ, "GUICHET_DATA_DIR": str(bundled_settings.data_dir),
           "GUICHET_CORPUS_DIR": str(bundled_settings.corpus_dir),
           "GUICHET_ASK_RATE_PER_MINUTE": "100000", "GUICHET_FEEDBACK_RATE_PER_MINUTE": "100000",
           "GUICHET_CORS_ORIGINS": f'["http://127.0.0.1:{commune_port}"]'}
    with log_path.open("w") as log:
        process = subprocess.Popen([str(GUICHET), "serve", "--port", str(port)], env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                assert process.poll() is None, log_path.read_text()
                try:
                    if httpx.get(base_url + "/api/health", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
            else:
                pytest.fail(f"server not ready:\n{log_path.read_text()}")
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="fr-BE", viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
