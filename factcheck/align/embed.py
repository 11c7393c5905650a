"""Sentence vectors from the embedded static model: no network, numpy at run time.

The model is a static distillation of all-MiniLM-L6-v2 made with model2vec (scripts/build_embedding.py):
one vector per word piece, and a text's vector is the mean of its pieces' vectors, normalised. The
files ship in factcheck/data/embedding/ and are checked against SHA256SUMS when first loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "embedding"
FILES = ("tokenizer.json", "model.safetensors")


class StaticEmbedder:
    """Mean of word-piece vectors; loaded once per process."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        weights = _verify(directory)
        self.vectors = load(weights)["embeddings"]  # as stored: the rows a text uses are widened to float32 in encode
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.dim = int(self.vectors.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (a zero row for a text with no known word piece)."""
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for n, encoding in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            ids = [i for i in encoding.ids if i < len(self.vectors)]
            if ids:
                row = self.vectors[ids].astype(np.float32).mean(axis=0)
                norm = float(np.linalg.norm(row))
                out[n] = row / norm if norm else row
        return out


def _verify(directory: Path) -> bytes:
    """The model's weights, read once; refuse model files that are missing or differ from the recorded hashes."""
    sums_file = directory / "SHA256SUMS"
    if not sums_file.is_file():
        raise FactcheckError(f"{directory}: embedding model missing", "reinstall factcheck (pip install -e .)")
    expected: dict[str, str] = {}
    for line in sums_file.read_text().splitlines():  # sha256sum format: '<digest>  <name>'
        if line.strip():
            digest, name = line.split(maxsplit=1)
            expected[name.strip()] = digest
    read: dict[str, bytes] = {}
    for name in FILES:
        path = directory / name
        if not path.is_file():
            raise FactcheckError(f"{path}: embedding model file missing", "reinstall factcheck (pip install -e .)")
        read[name] = path.read_bytes()
        if expected.get(name) != hashlib.sha256(read[name]).hexdigest():
            raise FactcheckError(
                f"{path}: embedding model file does not match SHA256SUMS",
                "rebuild it with scripts/build_embedding.py or reinstall factcheck",
            )
    return read["model.safetensors"]


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    """The embedded model, loaded on first use."""
    return StaticEmbedder(MODEL_DIR)
