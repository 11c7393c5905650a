"""Benchmarks: `python -m bench` regenerates BENCHMARKS.md (see bench/__main__.py)."""
