"""Shared test fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"

# The app tests run against the hand-made fixture tables. To run them against the real
# pipeline instead, set this to True (one line): the tables are then built from the seeds.
USE_REAL_BUILD = False


@pytest.fixture(scope="session")
def tables_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of tables for the app tests (FANBOARD_TABLES points here)."""
    if not USE_REAL_BUILD:
        return FIXTURE_TABLES
    from fanboard.pipeline import ARTICLE_DIRS, build

    out = tmp_path_factory.mktemp("tables")
    build(list(ARTICLE_DIRS), out)
    return out


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs a real streamlit server and Chromium (tests/browser)")
