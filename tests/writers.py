"""Helpers for the tests of the writers (build, add, the app): a private data/ folder, the CLI
in a subprocess (to pause or kill it), the app through AppTest, and what a user would look at."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from fanboard.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"

NEW_ARTICLE = (
    "Invented test article: Atalanta win at Sassuolo\n\n"
    "Atalanta beat Sassuolo 5-1 on Saturday. Josip Ilicic scored twice, reports say.\n"
)


@dataclass
class DataDir:
    """A private data/ folder: the store, the tables and the claim cache."""

    root: Path
    cache: Path

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def tables(self) -> Path:
        return self.root / "tables"

    @property
    def environ(self) -> dict[str, str]:
        return {"FANBOARD_ARTICLES": str(self.articles), "FANBOARD_TABLES": str(self.tables),
                "FANBOARD_CACHE": str(self.cache)}

    def inbox(self, name: str, text: str) -> Path:
        path = self.root.parent / "inbox" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative path -> bytes, symlinks followed); {} when it does not exist."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def table_bytes(tables: Path) -> dict[str, bytes]:
    """What a reader that opens <tables>/<table>.csv directly sees."""
    return {name: (tables / f"{name}.csv").read_bytes() for name in TABLES}


def article_ids(tables: Path) -> set[str]:
    return set(pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False)["article_id"])


def cli(*args: str, env: dict[str, str], pause: str = "", store_pause: str = "") -> subprocess.Popen:
    """`python -m fanboard ARGS` in a subprocess, with the build/store pause hooks set."""
    environ = {**os.environ, **env, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    environ.pop("FANBOARD_BUILD_PAUSE", None)
    environ.pop("FANBOARD_STORE_PAUSE", None)
    if pause:
        environ["FANBOARD_BUILD_PAUSE"] = pause
    if store_pause:
        environ["FANBOARD_STORE_PAUSE"] = store_pause
    return subprocess.Popen([sys.executable, "-m", "fanboard", *args], cwd=ROOT, env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_pause(proc: subprocess.Popen, stage: str) -> None:
    """Read stderr until the process says it paused at `stage` (it prints nothing else before)."""
    for line in proc.stderr:
        if line.strip() == f"paused at {stage}":
            return
    raise AssertionError(f"the process ended without pausing at {stage}: {proc.wait()}")


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def kill(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.communicate(timeout=30)


def remember_navigation(monkeypatch) -> None:
    """Each AppTest run remembers st.navigation, like a live server (see tests/test_app_pages.py)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def data_dir(root: Path, cache: Path, monkeypatch) -> DataDir:
    """A data/ folder under `root` that the CLI and the app use (FANBOARD_* point at it)."""
    d = DataDir(root / "data", cache)
    for key, value in d.environ.items():
        monkeypatch.setenv(key, value)
    remember_navigation(monkeypatch)
    return d


def open_app(monkeypatch, data: DataDir, page: str | None = None) -> AppTest:
    """The app as a visitor opens it, on the given data/ folder."""
    for key, value in data.environ.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(APP), default_timeout=180)
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    """Everything the main area shows as text (Markdown escapes removed)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [str(e.value) for e in getattr(at.main, kind)]
    parts += [e.value.to_string() for e in at.main.dataframe if isinstance(e.value, pd.DataFrame)]
    parts += [h.proto.body for h in at.main.get("html")]
    return unescape("\n".join(parts))


def unescape(markdown: str) -> str:
    """Text as a reader sees it: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def errors(at: AppTest) -> list[str]:
    return [unescape(str(e.value)) for e in at.main.error]
