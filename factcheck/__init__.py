"""factcheck: check several news articles about one story against each other."""

__version__ = "0.1.0"
