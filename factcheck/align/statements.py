"""What a claim says, in words: the texts alignment embeds and the words it reads around the value."""

from __future__ import annotations

import re

from factcheck.extract.entities import fold_accents
from factcheck.lexicon import table as lexicon_table
from factcheck.lexicon import words as lexicon_words
from factcheck.models import STORY_KEY, Claim, ValueType
from factcheck.values.keys import instance_words, title_words
from factcheck.values.text import STOPWORDS, content_tokens, stem, words
from factcheck.values.typed import TYPE_GROUP

CONTEXT_WORDS = 8  # words either side of the value that say what it is
NEAR_WORDS = 3  # words either side of the value whose instance words name the instance
PLACEHOLDER = {
    ValueType.DATE: "[date]",
    ValueType.NUMBER: "[number]",
    ValueType.ORDINAL: "[nth]",
    ValueType.MONEY: "[amount]",
    ValueType.ENTITY: "[name]",
    ValueType.TEXT: "[what]",
    ValueType.STANCE: "[so]",
}


def statement_texts(claim: Claim) -> tuple[str, ...]:
    """What the claim says, in words (one text per view): its subject and attribute, its attribute alone, the
    words around the masked value, and the whole quote with the value masked. A subject that is another name of
    the thing its key names, sharing no word with it, reads as the key ('Pyongyang' is 'north korea'); a common
    noun ('the dialogue') keeps its own words, whatever event its key was resolved to."""
    subject = _other_name(claim) or claim.subject
    return f"{subject} {claim.attribute}", claim.attribute, " ".join(context(claim)), masked(claim)


def context(claim: Claim) -> list[str]:
    """Words of the quote around the value, the value itself masked by its type."""
    quote, text = claim.quote, claim.value.text
    at = quote.lower().find(text.lower()) if text else -1
    if at < 0:
        return words(quote)[: 2 * CONTEXT_WORDS]
    left = words(quote[:at])[-CONTEXT_WORDS:]
    right = words(quote[at + len(text) :])[:CONTEXT_WORDS]
    return [*left, PLACEHOLDER[claim.value.type], *right]


def masked(claim: Claim) -> str:
    """The quote with its value replaced by a word for the value's type."""
    text = claim.value.text
    inside = _noun_inside(text) if claim.value.type == ValueType.NUMBER and not claim.value.unit else None
    if inside:
        return inside  # a count without a unit: the noun its own text ends in ('between 50 and 60 doctors')
    at = claim.quote.lower().find(text.lower()) if text else -1
    if at < 0:
        return claim.quote
    return claim.quote[:at] + PLACEHOLDER[claim.value.type] + claim.quote[at + len(text) :]


def _other_name(claim: Claim) -> str | None:
    """The words of the subject's key when the subject is another name of what the key names, written as a name
    inside its sentence and sharing no word with the key ('Pyongyang' -> 'north korea'); None otherwise (a
    pronoun, or a common noun, 'the dialogue', keeps its own words, whatever its key was resolved to)."""
    key = claim.subject_key.replace("_", " ")
    if (
        not key
        or claim.subject_key == STORY_KEY
        or content_tokens(claim.subject) & content_tokens(key)
        or not _written_names(claim)
    ):
        return None
    return key


def proper_words(claim: Claim) -> set[str]:
    """Folded words of the subject that the quote writes as a name: capitalised inside a sentence; for another
    name of what the key names, the key's words ('Pyongyang': north, korea)."""
    other = _other_name(claim)
    return set(other.split()) if other is not None else _written_names(claim)


def _written_names(claim: Claim) -> set[str]:
    """Folded words of the subject that the quote writes as a name: capitalised inside a sentence."""
    quote = claim.quote
    out = set()
    for word in re.findall(r"[^\W\d_]+", claim.subject):
        if not word[:1].isupper():
            continue
        if fold_accents(word).lower() in title_words():
            continue
        for match in re.finditer(rf"\b{re.escape(word)}\b", quote):
            before = quote[: match.start()].rstrip()
            if before and before[-1] not in ".!?\"'\u201c\u2018:":
                out.add(fold_accents(word).lower())
                break
    return out


def counted(claim: Claim) -> str | None:
    """For a count or amount, the word right after the value in the quote ('14 lawsuits' -> lawsuit)."""
    if TYPE_GROUP[claim.value.type] not in ("quantity", "money"):
        return None
    text = claim.value.text
    inside = _noun_inside(text) if claim.value.type == ValueType.NUMBER and not claim.value.unit else None
    if inside:
        return inside  # a count without a unit: the noun its own text ends in ('between 50 and 60 doctors')
    at = claim.quote.lower().find(text.lower()) if text else -1
    if at < 0:
        return None
    after = [stem(w) for w in words(claim.quote[at + len(text) :])[:2] if w not in STOPWORDS]
    return after[0] if after else None


def _noun_inside(text: str) -> str | None:
    """The first content word after the last digit of a value's text, beyond number and scale words."""
    at = max((i for i, ch in enumerate(text) if ch.isdigit()), default=-1)
    if at < 0:
        return None
    amounts = set(lexicon_table("number_words")) | set(lexicon_table("scales"))
    after = [stem(w) for w in words(text[at + 1 :]) if w not in STOPWORDS and w not in amounts and w.isalpha()]
    return after[0] if after else None


def near_markers(claim: Claim) -> set[str]:
    """Instance words of the subject, of the attribute ('first meeting date') and of the words right around the
    value."""
    lexicon = instance_words()
    around = context(claim)
    placeholder = PLACEHOLDER[claim.value.type]
    at = around.index(placeholder) if placeholder in around else len(around) // 2
    span = [*range(max(0, at - NEAR_WORDS), at), *range(at + 1, min(len(around), at + 1 + NEAR_WORDS))]
    near = [w for w in words(f"{claim.subject} {claim.attribute}") if w in lexicon]
    near += [around[n] for n in span if around[n] in lexicon and not _opens_time(around, n)]
    return {lexicon[w] for w in near}


def _opens_time(around: list[str], n: int) -> bool:
    """Whether the word opens a time to come ('the aid package next month'), not an instance ('the next round')."""
    following = around[n + 1] if n + 1 < len(around) else ""
    return around[n] in lexicon_words("time_to_come_openers") and following in lexicon_table("time_units")


def tokens(claim: Claim) -> set[str]:
    """Content words that can propose a candidate: subject, attribute, words around the value, unit."""
    text = " ".join([claim.subject, claim.attribute, " ".join(context(claim)), claim.value.unit or ""])
    return set(content_tokens(text))
