"""Alignment: which claims of different sources state the same fact (docs/alignment.md)."""
