"""fanboard: one trustworthy view of a club saga told across many news articles.

The library has no Streamlit import; the app, the CLI and the tests are its clients.
"""
__version__ = "0.1.0"
