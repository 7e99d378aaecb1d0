"""Shared test fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_TABLES = ROOT / "tests" / "fixtures" / "tables"

# The app tests run against the tables the real pipeline builds from the seed articles, so a
# page test checks what a user of the seeds sees. Set this to False to use the hand-made
# fixture tables in tests/fixtures/tables instead (e.g. while the pipeline is being changed).
USE_REAL_BUILD = True


@pytest.fixture(scope="session")
def tables_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of tables for the app tests (FANBOARD_TABLES points here)."""
    out = tmp_path_factory.mktemp("tables")
    if not USE_REAL_BUILD:   # a copy: the app may repair a damaged folder, never the checked-in one
        import shutil
        shutil.copytree(FIXTURE_TABLES, out, dirs_exist_ok=True)
        return out
    from fanboard.pipeline import ROOT, build

    build([ROOT / "seeds"], out, cache_dir=None)
    return out


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs a real streamlit server and Chromium (tests/browser)")
