"""The offline extractor: deterministic claims from spaCy's English parse and the lexicon."""
