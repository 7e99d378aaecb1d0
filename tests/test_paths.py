"""One module knows where the data folders are (fanboard/paths.py); the others import them."""
from __future__ import annotations

import re

from fanboard import kb, paths, pipeline, reference, store
from fanboard.patterns import PATTERNS_DIR
from helpers import ROOT

BUILT_HERE = re.compile(r"""/\s*["'](data|seeds)["']""")


def test_no_module_but_paths_builds_a_data_folder():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "fanboard").rglob("*.py")
                 if p.name != "paths.py" and BUILT_HERE.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_module_uses_the_same_folders():
    assert kb.DEFAULT_KB_DIR == paths.KB_DIR == ROOT / "data" / "kb"
    assert PATTERNS_DIR == paths.PATTERNS_DIR and reference.REFERENCE_DIR == paths.REFERENCE_DIR
    assert store.STORE_DIR == paths.STORE_DIR and store.SEEDS_DIR == paths.SEEDS_DIR
    assert pipeline.ARTICLE_DIRS == [ROOT / "seeds", ROOT / "data" / "articles"]
    assert pipeline.TABLES_DIR == paths.TABLES_DIR and pipeline.CACHE_DIR == paths.CACHE_DIR
