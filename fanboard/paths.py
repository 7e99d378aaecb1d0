"""Where fanboard's folders are: the one module that knows the layout of the checkout.

Every other module imports its folders from here; the CLI, the app and the tests point
elsewhere with their own options or the FANBOARD_ARTICLES / FANBOARD_TABLES / FANBOARD_CACHE
environment variables (see fanboard.store.Locations).
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

SEEDS_DIR = ROOT / "seeds"                    # the seed articles, never edited
STORE_DIR = DATA_DIR / "articles"             # articles added with `add` or the Add page
ARTICLE_DIRS = [SEEDS_DIR, STORE_DIR]         # what `build` reads by default
TABLES_DIR = DATA_DIR / "tables"              # what `build` writes
CACHE_DIR = DATA_DIR / "cache"                # each article's claims, by content and rules
KB_DIR = DATA_DIR / "kb"                      # clubs, people, competitions, descriptions, cities
PATTERNS_DIR = DATA_DIR / "patterns"          # cue words per language, lineup words, time rules
REFERENCE_DIR = DATA_DIR / "reference"        # the real calendar of the season
CURATION_DIR = DATA_DIR / "curation"          # the curation log: fans' corrections (fanboard.curation_store)
KB_LOCAL_DIR = KB_DIR / "local"               # the local KB overlay: people and aliases fans added (fanboard.localkb)
