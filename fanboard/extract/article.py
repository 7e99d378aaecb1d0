"""Extract claims from one article: `Extractor(pipelines).extract(article, doc)`.

The extraction itself is a row of spaCy components (see fanboard/extract/pipeline.py):
a sentence view, then matches, statuses (which need matches), events (which need
statuses) and the league situation. This module keeps the name the build and the
"Add articles" page import.
"""
from __future__ import annotations

from .pipeline import Extractor

__all__ = ["Extractor"]
