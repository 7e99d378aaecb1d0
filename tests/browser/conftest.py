"""Browser test harness: a real `streamlit run app.py` server and Debian's Chromium.

The server gets a free port and FANBOARD_TABLES pointing at the test tables; it is killed (its
whole process group) at the end of the session, whatever happens.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("FANBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(log: Path, **env_extra: str):
    """`streamlit run app.py` on a free port with extra environment; yields the base URL and kills
    the server's whole process group on exit, whatever happens."""
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env_extra}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start within 90 s:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield url
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture(scope="session")
def server(tables_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The base URL of a running fanboard server."""
    with streamlit_server(tmp_path_factory.mktemp("server") / "streamlit.log",
                          FANBOARD_TABLES=str(tables_dir)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    context.set_default_timeout(60_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def wait_idle(pg, timeout: float = 60_000) -> None:
    """Wait until the script has run and the app is idle (and give charts a moment to draw)."""
    pg.wait_for_selector(IDLE, timeout=timeout)
    pg.wait_for_timeout(300)
    pg.wait_for_selector(IDLE, timeout=timeout)


def screenshot(pg, name: str) -> Path:
    """A full-height screenshot of the page (the app scrolls inside its own container)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = pg.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer], section.main')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    size = pg.viewport_size
    pg.set_viewport_size({"width": size["width"], "height": min(max(int(height), size["height"]), 6000)})
    pg.wait_for_timeout(500)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    pg.set_viewport_size(size)
    return path
