"""Claims from article text: spaCy components, one per claim kind (see pipeline.py)."""
