"""The Streamlit server settings: uploads limited to what the store accepts, and `make run`
listening on this machine only unless told otherwise."""
from __future__ import annotations

import math
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from fanboard import store

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_upload_limit_is_the_stores_largest_accepted_file():
    # Streamlit's megabyte is 1024 * 1024 bytes (server.maxUploadSize * 1024 * 1024)
    largest = max(store.MAX_TEXT_BYTES, store.MAX_HTML_BYTES)
    assert CONFIG["server"]["maxUploadSize"] == math.ceil(largest / (1024 * 1024)) == 10


def test_the_server_listens_on_localhost_by_default():
    assert CONFIG["server"]["address"] == "127.0.0.1"


def run_command(*make_args: str) -> str:
    """The command `make run` would start (make -n prints it without running anything)."""
    proc = subprocess.run(["make", "-n", "-s", "run", *make_args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    [line] = [ln for ln in proc.stdout.splitlines() if "streamlit run" in ln]
    return line


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_binds_to_localhost_and_can_be_told_to_serve_others():
    assert run_command().endswith("-m streamlit run app.py --server.address 127.0.0.1 --server.port 8501")
    assert run_command("ADDRESS=0.0.0.0", "PORT=8080").endswith(
        "-m streamlit run app.py --server.address 0.0.0.0 --server.port 8080")


def test_streamlit_reads_these_values():
    """The keys are spelled as Streamlit knows them (a typo would be ignored silently)."""
    from streamlit import config

    options = config.get_config_options()
    assert {"server.address", "server.maxUploadSize"} <= set(options)
