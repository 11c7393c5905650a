"""The embedded static model: weights kept as stored, checked against their hashes, read the same as ever."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import numpy as np
import pytest

from factcheck.align.embed import MODEL_DIR, StaticEmbedder, static_embedder
from factcheck.errors import FactcheckError

TEXTS = ["The minister resigned on Tuesday.", "Prime Minister quits", "", "ζζζ", "rainfall of 40 mm in Leeds"]


def test_the_weights_stay_half_width_and_encode_exactly_as_widened_weights_do() -> None:
    model = static_embedder()
    assert model.vectors.dtype == np.float16  # as stored: half the memory, no widening of every row at load
    wide = copy.copy(model)
    wide.vectors = model.vectors.astype(np.float32)
    assert np.array_equal(model.encode(TEXTS), wide.encode(TEXTS))
    assert model.encode(TEXTS).dtype == np.float32


def test_a_changed_weights_file_is_refused_naming_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "embedding"
    shutil.copytree(MODEL_DIR, folder)
    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1
    weights.write_bytes(bytes(data))
    with pytest.raises(FactcheckError, match="does not match SHA256SUMS"):
        StaticEmbedder(folder)
